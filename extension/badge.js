/*
 * The badge: a small focusable element next to a profile's name, its look sealed in a closed shadow root
 * so the site's CSS cannot reach it. The host element carries the stable hooks
 *   data-truefollow-badge, data-state = reading | ready | no-data | unsupported | error,
 *   aria-label = "truefollow: <text>", title = the longer explanation (hover; issue 6 adds a focus panel).
 * Text goes in with textContent only. The states differ by symbol and wording, not by colour alone.
 *
 * A classic content script: defines globalThis.truefollowBadge = {create, paint} and nothing else.
 */
(() => {
  'use strict';

  const STATES = ['reading', 'ready', 'no-data', 'unsupported', 'error'];
  const CSS = `
    :host { all: initial; display: inline-flex; vertical-align: middle; margin-inline-start: 0.4em; }
    :host(:focus-visible) { outline: 2px solid #1d4ed8; outline-offset: 2px; border-radius: 0.7em; }
    .badge { font: 600 13px/1.2 system-ui, sans-serif; padding: 0.15em 0.6em; border-radius: 0.7em;
             border: 1.5px solid #6b7280; background: #f9fafb; color: #111827; white-space: nowrap; }
    .badge[data-tone="good"] { border-color: #1d4ed8; background: #eff6ff; color: #1e3a8a; }
    .badge[data-tone="warn"] { border-color: #b45309; background: #fffbeb; color: #78350f; }
    .badge[data-tone="muted"] { border-style: dashed; color: #374151; }
    @media (prefers-color-scheme: dark) {
      .badge { background: #1f2937; color: #f3f4f6; border-color: #9ca3af; }
      .badge[data-tone="good"] { background: #172554; color: #dbeafe; border-color: #60a5fa; }
      .badge[data-tone="warn"] { background: #451a03; color: #fef3c7; border-color: #f59e0b; }
      .badge[data-tone="muted"] { color: #d1d5db; }
    }`;

  const faces = new WeakMap(); // host -> the span inside its closed shadow root

  function styleShadow(shadow) {
    // A constructed sheet is not subject to the page's style-src CSP; a <style> element is the fallback.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = CSS;
      shadow.append(style);
    }
  }

  /** A new badge host in the reading state, not yet in the document. */
  function create() {
    const host = document.createElement('span');
    host.setAttribute('data-truefollow-badge', '');
    host.setAttribute('role', 'img');
    host.tabIndex = 0;
    const shadow = host.attachShadow({ mode: 'closed' });
    styleShadow(shadow);
    const face = document.createElement('span');
    face.className = 'badge';
    face.setAttribute('aria-hidden', 'true'); // the host's aria-label speaks for it
    shadow.append(face);
    faces.set(host, face);
    paint(host, { state: 'reading', text: 'reading…', detail: 'truefollow is waiting for this profile\'s data' });
    return host;
  }

  /** Shows a state: {state, text, detail, tone: 'good' | 'warn' | 'muted' | undefined}. */
  function paint(host, { state, text, detail = '', tone }) {
    if (!STATES.includes(state)) throw new Error(`unknown badge state ${state}`);
    const face = faces.get(host);
    face.textContent = text;
    if (tone) face.dataset.tone = tone;
    else delete face.dataset.tone;
    host.setAttribute('data-state', state);
    host.setAttribute('aria-label', `truefollow: ${text}`);
    host.title = detail ? `${text}\n${detail}` : text;
  }

  globalThis.truefollowBadge = Object.freeze({ create, paint, STATES });
})();

/*
 * The badge: a small button next to a profile's name, its look sealed in a shadow root so the site's CSS
 * cannot reach it. The host element in the page carries one hook, data-truefollow-badge, and nothing else: no
 * text, label, state or language, since the page can read its own DOM and what the badge says comes from
 * what this device stored. Everything is inside the shadow root, on one element with class "button":
 *   role="button", tabindex="0", data-state = reading | ready | no-data | unsupported | error,
 *   aria-label = "truefollow: <text>", aria-description = the longer explanation, lang,
 *   aria-haspopup="dialog", aria-expanded (the details panel, panel.js).
 * The shadow root delegates focus, so focusing the host (Tab, a click, host.focus()) focuses that button, and
 * document.activeElement is the host. The explanation also shows as a tooltip on hover and on keyboard focus,
 * moved left (or above) as far as it must to stay inside the viewport when the badge sits near its right (or
 * bottom) edge. Click, Enter or Space call the onActivate callback. The words come from view-model.js, in the user's
 * language. Text goes in with textContent only. The states differ by symbol, wording and border
 * style, not by colour alone: each tone has its own border (good solid, warn double, muted dashed), as the
 * audience badge's words are the same in good and warn. The colours are a blue/orange pair, told apart with
 * any colour vision (CIE76 ΔE of 20 or more, protanopia and deuteranopia simulated), with text contrast of at
 * least 4.5:1 in light and dark schemes; the e2e scenario "colours every tone ..." measures both.
 *
 * The shadow root is closed in every release. The test build (scripts/build/build-extension.mjs --test) rewrites
 * the SHADOW_MODE line to 'open', so that accessibility checks and the tests can see inside.
 *
 * A classic content script: defines globalThis.truefollowBadge = {create, paint, setExpanded, language, STATES}.
 */
(() => {
  'use strict';

  const SHADOW_MODE = 'closed';
  const STATES = ['reading', 'ready', 'no-data', 'unsupported', 'error'];
  const CSS = `
    :host { all: initial; display: inline-flex; position: relative; vertical-align: middle;
            margin-inline-start: 0.4em; cursor: pointer;
            unicode-bidi: isolate; } /* a direction override the page leaves open (a name's U+202E) stays outside */
    .button { display: inline-flex; border-radius: 0.7em; outline: none; }
    .button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
    .badge { font: 600 13px/1.2 system-ui, sans-serif; padding: 0.15em 0.6em; border-radius: 0.7em;
             border: 1.5px solid #6b7280; background: #f9fafb; color: #111827; white-space: nowrap; }
    .badge[data-tone="good"] { border-color: #1d4ed8; background: #eff6ff; color: #1e3a8a; }
    /* warn: a double line, so that it differs from good by more than colour where both say "≈ N% real" */
    .badge[data-tone="warn"] { border: 3px double #b45309; background: #fef3c7; color: #78350f; }
    .badge[data-tone="muted"] { border-style: dashed; color: #374151; }
    .tip { display: none; position: absolute; z-index: 2147483646; top: calc(100% + 6px); inset-inline-start: 0;
           width: max-content; max-width: min(22em, calc(100vw - 16px)); box-sizing: border-box; padding: 0.5em 0.7em; border-radius: 6px;
           font: 400 12.5px/1.4 system-ui, sans-serif; white-space: pre-line;
           background: #111827; color: #f9fafb; box-shadow: 0 2px 8px rgb(0 0 0 / 0.3); }
    :host(:hover) .tip, .button:focus-visible .tip { display: block; }
    .button[aria-expanded="true"] .tip { display: none; }
    .tip.above { top: auto; bottom: calc(100% + 6px); }
    @media (prefers-color-scheme: dark) {
      .badge { background: #1f2937; color: #f3f4f6; border-color: #9ca3af; }
      .badge[data-tone="good"] { background: #172554; color: #dbeafe; border-color: #60a5fa; }
      .badge[data-tone="warn"] { background: #451a03; color: #fef3c7; border-color: #f59e0b; }
      .badge[data-tone="muted"] { color: #d1d5db; }
      .tip { background: #f9fafb; color: #111827; }
    }`;

  const parts = new WeakMap(); // host -> {button, face, tip} inside its shadow root
  const TIP_MARGIN = 8; // px kept free between the tooltip and the viewport's edges

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

  /** A new badge host in the reading state, not yet in the document; onActivate() on click, Enter, Space. */
  function create({ onActivate = () => {} } = {}) {
    const host = document.createElement('span');
    host.setAttribute('data-truefollow-badge', '');
    const shadow = host.attachShadow({ mode: SHADOW_MODE, delegatesFocus: true });
    styleShadow(shadow);
    const button = document.createElement('span');
    button.className = 'button';
    button.setAttribute('role', 'button');
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    button.tabIndex = 0;
    const face = document.createElement('span');
    face.className = 'badge';
    face.setAttribute('aria-hidden', 'true'); // the button's aria-label speaks for it
    const tip = document.createElement('span');
    tip.className = 'tip';
    tip.setAttribute('aria-hidden', 'true'); // the button's aria-description speaks for it
    button.append(face, tip);
    shadow.append(button);
    parts.set(host, { button, face, tip });

    const activate = (event) => {
      event.preventDefault();
      event.stopPropagation(); // the site's own handlers (a link around the name, say) stay out of it
      onActivate();
    };
    host.addEventListener('click', activate);
    button.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') activate(event);
    });
    // The tooltip shows on :hover and :focus-visible (CSS); these events come as it does.
    host.addEventListener('mouseenter', () => placeTip(host));
    button.addEventListener('focus', () => placeTip(host));
    paint(host, globalThis.truefollowFaces.stateFace('reading'));
    return host;
  }

  /** Keeps a shown tooltip inside the viewport: shifted left from a right edge (right from a left one), above
   *  the badge when there is no room below. Nothing happens while it is hidden (it keeps its last place). */
  function placeTip(host) {
    const { button, tip } = parts.get(host);
    // Measuring lays the page out: not while the tip is hidden (a badge painted while the page loads, say).
    if (!host.matches(':hover') && !button.matches(':focus-visible')) return;
    tip.style.transform = '';
    tip.classList.remove('above');
    const box = tip.getBoundingClientRect();
    if (box.width === 0) return;
    const right = document.documentElement.clientWidth - TIP_MARGIN; // the scroll bar is not room
    let shift = 0;
    if (box.right > right) shift = right - box.right;
    if (box.left + shift < TIP_MARGIN) shift = TIP_MARGIN - box.left;
    if (shift) tip.style.transform = `translateX(${Math.round(shift)}px)`;
    const bottom = document.documentElement.clientHeight - TIP_MARGIN;
    if (box.bottom > bottom && host.getBoundingClientRect().top - box.height - 6 >= TIP_MARGIN) tip.classList.add('above');
  }

  /** Shows a state: {state, text, detail, tone: 'good' | 'warn' | 'muted' | undefined}. */
  function paint(host, { state, text, detail = '', tone }) {
    if (!STATES.includes(state)) throw new Error(`unknown badge state ${state}`);
    const { button, face, tip } = parts.get(host);
    face.textContent = text;
    tip.textContent = detail;
    if (tone) face.dataset.tone = tone;
    else delete face.dataset.tone;
    button.setAttribute('data-state', state);
    button.setAttribute('aria-label', `truefollow: ${text}`);
    button.setAttribute('aria-description', detail);
    const lang = globalThis.truefollowI18n?.locale();
    if (lang) button.setAttribute('lang', lang);
    placeTip(host); // new words while the tooltip shows: it may need to move
  }

  const setExpanded = (host, expanded) => parts.get(host).button.setAttribute('aria-expanded', String(expanded));
  /** The language the badge was last painted in ('' before any). */
  const language = (host) => parts.get(host).button.getAttribute('lang') ?? '';

  globalThis.truefollowBadge = Object.freeze({ create, paint, setExpanded, language, STATES });
})();

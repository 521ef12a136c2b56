/*
 * The details panel: opened from the badge (click, Enter or Space), a non-modal dialog beside it showing the
 * content faces.panelModel() prepared: real / inactive / fake bars with their 90% intervals, the sample and
 * how it leans, the same for the accounts that engaged (with a flag when they and the followers differ far),
 * true reach, engagement against the follower tier, runs of accounts created together, the
 * account's own authenticity with its reasons, and the model version. Escape, the close button or a click
 * elsewhere closes it, and focus goes back to the badge. One panel at a time, in its own shadow root
 * (closed in releases; the test build opens it, see badge.js).
 * Hooks: the host has data-truefollow-panel; inside, each part has data-part and each bar row data-key.
 * Every word shown comes with the model (view-model.js, in the user's language); this file only lays it out.
 *
 * A classic content script: defines globalThis.truefollowPanel = {open, close, isOpen}.
 */
(() => {
  'use strict';

  const SHADOW_MODE = 'closed';
  const CSS = `
    :host { all: initial; position: fixed; z-index: 2147483647; }
    .panel { box-sizing: border-box; width: 24rem; max-width: calc(100vw - 16px); max-height: calc(100vh - 16px);
             overflow: auto; padding: 14px 16px; border-radius: 10px; border: 1px solid #9ca3af;
             background: #ffffff; color: #111827; font: 400 13.5px/1.45 system-ui, sans-serif;
             box-shadow: 0 8px 28px rgb(0 0 0 / 0.25); }
    .panel:focus { outline: none; }
    .head { display: flex; justify-content: space-between; align-items: start; gap: 8px; }
    h2 { font-size: 15px; margin: 0 0 4px; font-weight: 700; }
    h3 { font-size: 13.5px; margin: 12px 0 4px; font-weight: 700; }
    p { margin: 4px 0; }
    ul { margin: 4px 0; padding-inline-start: 1.2em; }
    .status, .small { color: #374151; }
    .small { font-size: 12px; }
    button { font: inherit; cursor: pointer; border: 1px solid #6b7280; background: #f3f4f6; color: #111827;
             border-radius: 6px; padding: 2px 10px; }
    button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
    .row { display: grid; grid-template-columns: minmax(4.5em, max-content) 1fr; gap: 2px 8px; align-items: center; margin: 6px 0; }
    .track { position: relative; height: 12px; border-radius: 3px; background: #e5e7eb; overflow: hidden; }
    .fill { position: absolute; inset-block: 0; inset-inline-start: 0; }
    .ci { position: absolute; inset-block: 4px; background: rgb(17 24 39 / 0.55); }
    .row[data-key="real"] .fill { background: #1d4ed8; }
    .row[data-key="inactive"] .fill { background: repeating-linear-gradient(45deg, #6b7280 0 3px, #9ca3af 3px 6px); }
    .row[data-key="fake"] .fill { background: #c2410c; }
    .value { grid-column: 2; font-size: 12.5px; }
    @media (prefers-color-scheme: dark) {
      .panel { background: #111827; color: #f3f4f6; border-color: #4b5563; }
      .status, .small { color: #d1d5db; }
      button { background: #1f2937; color: #f3f4f6; border-color: #9ca3af; }
      .track { background: #374151; }
      .ci { background: rgb(249 250 251 / 0.7); }
      .row[data-key="real"] .fill { background: #60a5fa; }
      .row[data-key="fake"] .fill { background: #fb923c; }
    }`;

  let current = null; // {host, opener, onClose, cleanup}

  const { el } = globalThis.truefollowDom;
  const pct = (v) => `${Math.max(0, Math.min(1, v)) * 100}%`;

  function section(part, title, ...children) {
    return el('section', { 'data-part': part }, el('h3', { text: title }), ...children);
  }

  // Real / inactive / fake bars, each with its 90% interval drawn over it.
  function bars(rows) {
    return rows.map((r) => {
      const track = el('div', { class: 'track', 'aria-hidden': 'true' });
      track.append(el('div', { class: 'fill', style: { width: pct(r.fill) } }));
      track.append(el('div', { class: 'ci', style: { insetInlineStart: pct(r.lo), width: pct(r.hi - r.lo) } }));
      return el('div', { class: 'row', 'data-key': r.key }, el('span', { text: r.label }), track,
        el('span', { class: 'value', text: r.text }));
    });
  }

  function render(model, close) {
    const heading = el('h2', { id: 'truefollow-panel-title', text: model.title });
    const { labels } = model;
    const closeButton = el('button', { type: 'button', 'aria-label': labels.closeLabel, text: labels.close });
    closeButton.addEventListener('click', close);
    const panel = el('div', { class: 'panel', role: 'dialog', 'aria-labelledby': 'truefollow-panel-title', tabindex: '-1', lang: model.lang },
      el('div', { class: 'head' }, heading, closeButton), // not <header>: that would be a second banner landmark
      el('p', { class: 'status', 'data-part': 'status', text: model.status }));

    const a = model.audience;
    if (a) {
      panel.append(section('audience', labels.audience, el('p', { 'data-part': 'headline', text: a.headline }), ...bars(a.rows),
        el('p', { 'data-part': 'sample', text: a.sample }), el('p', { class: 'small', 'data-part': 'bias', text: a.bias }),
        ...(a.method ? [el('p', { class: 'small', 'data-part': 'method', text: a.method })] : [])));
    }
    const e = model.engagers; // beside the followers' estimate
    if (e) {
      panel.append(section('engagers', labels.engagers, el('p', { 'data-part': 'headline', text: e.headline }),
        ...(e.contrast ? [el('p', { 'data-part': 'contrast', role: 'note', text: e.contrast })] : []), ...bars(e.rows),
        el('p', { 'data-part': 'sample', text: e.sample }), el('p', { class: 'small', 'data-part': 'kinds', text: e.kinds }),
        el('p', { class: 'small', 'data-part': 'bias', text: e.bias }),
        ...(e.earlier ? [el('p', { class: 'small', 'data-part': 'earlier', text: e.earlier })] : [])));
    }
    if (model.reach) panel.append(section('reach', labels.reach, el('p', { text: model.reach })));
    if (model.engagement) panel.append(section('engagement', labels.engagement, el('p', { text: model.engagement })));
    if (model.factory) {
      panel.append(section('factory', labels.factory, el('p', { text: model.factory.summary }),
        ...(model.factory.runs.length ? [el('ul', {}, ...model.factory.runs.map((t) => el('li', { text: t })))] : [])));
    }
    if (model.account) {
      panel.append(section('account', labels.account, el('p', { text: model.account.verdict }),
        ...(model.account.cut ? [el('p', { 'data-part': 'account-cut', text: model.account.cut })] : []),
        ...(model.account.counts ? [el('p', { 'data-part': 'account-counts', text: model.account.counts })] : []),
        ...(model.account.reasons.length ? [el('ul', {}, ...model.account.reasons.map((t) => el('li', { text: t })))] : [])));
    }
    for (const part of model.extras ?? []) panel.append(part); // live sections of audit-mode.js
    panel.append(el('p', { class: 'small', 'data-part': 'model', text: model.modelLine }));
    return { panel, closeButton };
  }

  function place(host, panel, opener) {
    const rect = opener.getBoundingClientRect();
    const width = Math.min(384, window.innerWidth - 16);
    const top = Math.max(8, Math.min(rect.bottom + 8, window.innerHeight - 200));
    host.style.top = `${top}px`;
    host.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))}px`;
    // A fixed box cannot be scrolled into view: a tall panel scrolls inside the room below its top instead.
    panel.style.maxHeight = `${Math.max(120, window.innerHeight - top - 8)}px`;
  }

  /** Opens the panel for `model` beside `opener` (the badge); onClose() runs once it has closed. */
  function open(opener, model, { onClose = () => {} } = {}) {
    close();
    const host = document.createElement('div');
    host.setAttribute('data-truefollow-panel', '');
    const shadow = host.attachShadow({ mode: SHADOW_MODE });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      shadow.append(el('style', { text: CSS }));
    }
    const { panel, closeButton } = render(model, () => close());
    shadow.append(panel);

    const onKey = (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    };
    const onPointer = (event) => {
      if (!event.composedPath().includes(host) && !event.composedPath().includes(opener)) close({ refocus: false });
    };
    host.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer, true);
    current = {
      host, opener, onClose,
      cleanup: () => document.removeEventListener('pointerdown', onPointer, true),
    };
    place(host, panel, opener);
    document.body.append(host);
    closeButton.focus();
  }

  /** Closes the open panel, if any, and gives focus back to its badge (unless the user clicked elsewhere). */
  function close({ refocus = true } = {}) {
    if (!current) return;
    const { host, opener, onClose, cleanup } = current;
    current = null;
    cleanup();
    host.remove();
    if (refocus && opener.isConnected) opener.focus();
    onClose();
  }

  const isOpen = () => current !== null;

  globalThis.truefollowPanel = Object.freeze({ open, close, isOpen });
})();

/*
 * Functions that run in a fixture page (passed to page.evaluate or page.waitFor, so each stands alone): they read
 * the badge and its panel through the test build's open shadow roots (the badge's host carries its one hook,
 * data-truefollow-badge; its .button the data-state, aria-label and aria-description).
 */

// True once the badge, wherever it sits, shows `state`.
export function badgeStateIs(state) {
  return document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === state;
}

// True once the badge's description names a sample: "Of <n> " (any n when none is given).
export function describesSample(n) {
  return new RegExp(`Of ${n ?? '\\d+'} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? '');
}

// Runs in the page: every badge, with where it sits.
export function readBadges() {
  return [...document.querySelectorAll('[data-truefollow-badge]')].map((host) => {
    const nameBlock = host.closest('[data-testid="UserName"]');
    return {
      state: host.shadowRoot.querySelector('.button').getAttribute('data-state'),
      label: host.shadowRoot.querySelector('.button').getAttribute('aria-label'),
      tabIndex: host.shadowRoot.querySelector('.button').tabIndex,
      role: host.shadowRoot.querySelector('.button').getAttribute('role'),
      openShadow: host.shadowRoot !== null,
      inPrimaryColumn: Boolean(host.closest('[data-testid="primaryColumn"]')),
      handleShown: nameBlock ? nameBlock.textContent.match(/@(\w+)/)?.[1] ?? null : null,
    };
  });
}

// Runs in the page: true once a badge in the profile's name block has the wanted state (and label part).
export function badgeIs({ state, labelHas = '' }) {
  const host = document.querySelector('[data-testid="primaryColumn"] [data-testid="UserName"] [data-truefollow-badge]');
  return Boolean(host && host.shadowRoot.querySelector('.button').getAttribute('data-state') === state && (host.shadowRoot.querySelector('.button').getAttribute('aria-label') ?? '').includes(labelHas));
}

// Runs in the page: the one badge's hooks, wherever it sits.
export function anyBadge() {
  const host = document.querySelector('[data-truefollow-badge]');
  return host && { state: host.shadowRoot.querySelector('.button').getAttribute('data-state'), label: host.shadowRoot.querySelector('.button').getAttribute('aria-label'),
    description: host.shadowRoot.querySelector('.button').getAttribute('aria-description'), count: document.querySelectorAll('[data-truefollow-badge]').length };
}
// Runs in the page: remembers the badge on screen now, so that a wait can tell the next one from it.
export function rememberBadge() {
  window.truefollowTestSeenBadge = document.querySelector('[data-truefollow-badge]');
}
// Runs in the page: true once a badge other than the remembered one stands in the page with the wanted state.
export function newBadgeIs({ state }) {
  const host = document.querySelector('[data-truefollow-badge]');
  return Boolean(host && host.isConnected && host !== window.truefollowTestSeenBadge && host.shadowRoot.querySelector('.button').getAttribute('data-state') === state);
}
export function anyBadgeIs({ state, labelHas = '' }) {
  const host = document.querySelector('[data-truefollow-badge]');
  return Boolean(host && host.isConnected && host.shadowRoot.querySelector('.button').getAttribute('data-state') === state && (host.shadowRoot.querySelector('.button').getAttribute('aria-label') ?? '').includes(labelHas));
}

// Runs in the page: the open panel's parts, by data-part (the test build's shadow root is open).
export function readPanel() {
  const root = document.querySelector('[data-truefollow-panel]')?.shadowRoot;
  if (!root) return null;
  const parts = {};
  for (const el of root.querySelectorAll('[data-part]')) parts[el.getAttribute('data-part')] = el.textContent;
  const rows = [...root.querySelectorAll('.row')].map((r) => ({ key: r.getAttribute('data-key'), text: r.querySelector('.value').textContent }));
  const active = root.activeElement;
  return { parts, rows, dialog: Boolean(root.querySelector('[role="dialog"]')), focusInside: Boolean(active), focused: active?.textContent ?? null };
}

// Runs in the page: the colours of the badge and, when open, of the panel, as computed (open shadow roots).
// Each text is an element with text of its own: its colour, and the backgrounds from it up to the first opaque
// one (computed colours serialise as rgb() when opaque). The tooltip's colours are read while it is hidden:
// hover and focus only show it, its colours stay the same.
export function readColours() {
  const backgrounds = (el) => {
    const out = [];
    for (let node = el; node && out.at(-1)?.startsWith('rgb(') !== true; node = node.parentElement ?? node.getRootNode().host) {
      out.push(getComputedStyle(node).backgroundColor);
    }
    return out;
  };
  const texts = (root) => [...root.querySelectorAll('*')]
    .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
    .map((el) => ({ part: el.className || el.localName, text: el.textContent.trim().slice(0, 40), colour: getComputedStyle(el).color, backgrounds: backgrounds(el) }));
  const host = document.querySelector('[data-truefollow-badge]');
  const face = host.shadowRoot.querySelector('.badge');
  const style = getComputedStyle(face);
  const panel = document.querySelector('[data-truefollow-panel]')?.shadowRoot;
  const fill = (key) => panel?.querySelector(`.row[data-key="${key}"] .fill`);
  return {
    state: host.shadowRoot.querySelector('.button').getAttribute('data-state'),
    tone: face.dataset.tone ?? 'none',
    badge: { background: style.backgroundColor, text: style.color, border: style.borderTopColor,
      borderStyle: `${style.borderTopStyle} ${style.borderTopWidth}` },
    texts: texts(host.shadowRoot),
    panel: panel ? { texts: texts(panel), fills: Object.fromEntries(['real', 'fake'].filter(fill).map((k) => [k, getComputedStyle(fill(k)).backgroundColor])) } : null,
  };
}

// Runs in the page: from now on, keeps every capture the page world sends (url and body) in window.truefollowTestCaptures.
export function recordCaptures() {
  window.truefollowTestCaptures = [];
  window.addEventListener('truefollow-page-world', (event) => { // the page world's event (message-schemas.js PAGE_EVENT)
    const data = JSON.parse(event.detail);
    if (data?.source === 'truefollow-page-world') window.truefollowTestCaptures.push({ url: String(data.url), body: String(data.body) });
  });
}

// Runs in the page: the badge's tooltip and the badge, where they are on screen.
export function tipBox() {
  const host = document.querySelector('[data-truefollow-badge]');
  const tip = host.shadowRoot.querySelector('.tip').getBoundingClientRect();
  const badge = host.getBoundingClientRect();
  return { left: tip.left, right: tip.right, top: tip.top, bottom: tip.bottom, width: tip.width, badgeLeft: badge.left,
    badgeRight: badge.right, viewportWidth: document.documentElement.clientWidth, viewportHeight: document.documentElement.clientHeight };
}

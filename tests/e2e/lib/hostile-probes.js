/*
 * The hostile page's tests' tools: the core's own reading of the hostile profile, and functions that run in the
 * page (the content script's tally of page messages, the badge and the panel as they stand, inside their open
 * shadow roots).
 */
import { loadCore } from '../../../js-glue/node.js';
import { HOSTILE_HANDLE, hostilePage, xProfileBody } from '../../fixtures/x/hostile.mjs';

export const HOSTILE_URL = `https://x.com/${HOSTILE_HANDLE}`;

// The core's accounts for the hostile profile: from the GraphQL response and from the embedded JSON-LD.
export async function hostileAccounts() {
  const core = await loadCore();
  const fromApi = core.score(xProfileBody(), { url: 'https://x.com/i/api/graphql/Fx1Example0Query/UserByScreenName' });
  const fromPage = core.score(hostilePage(), { url: HOSTILE_URL });
  return [...fromApi.accounts, ...fromPage.accounts].filter((a) => a.seen === 'profile' && a.handle === HOSTILE_HANDLE);
}

// ---- in the page ---------------------------------------------------------------------------------------

export function tally() {
  return JSON.parse(document.documentElement.getAttribute('data-truefollow-captures') ?? 'null');
}
export function badgeReady() {
  const host = document.querySelector('[data-testid="UserName"] [data-truefollow-badge]');
  return Boolean(host && host.shadowRoot.querySelector('.button').getAttribute('data-state') === 'ready');
}
// The badge: its hooks, what its shadow root holds, where it sits, and the visual order of its text.
export function inspectBadge() {
  const host = document.querySelector('[data-testid="UserName"] [data-truefollow-badge]');
  const shadow = host.shadowRoot;
  const elements = [...shadow.querySelectorAll('*')].map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  const face = shadow.querySelector('.badge');
  const text = face.firstChild;
  const rectOf = (i) => {
    const range = document.createRange();
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    return range.getBoundingClientRect();
  };
  // Visual order of the text: its first and last characters (neither a space), left to right.
  const first = rectOf(0);
  const last = rectOf(text.length - 1);
  const box = host.getBoundingClientRect();
  const column = document.querySelector('[data-testid="primaryColumn"]').getBoundingClientRect();
  return {
    state: host.shadowRoot.querySelector('.button').getAttribute('data-state'),
    label: host.shadowRoot.querySelector('.button').getAttribute('aria-label'),
    description: host.shadowRoot.querySelector('.button').getAttribute('aria-description'),
    elements,
    nestedElements: [...shadow.querySelectorAll('.badge *, .tip *')].length,
    faceText: face.textContent,
    tipText: shadow.querySelector('.tip').textContent,
    leftToRight: first.left < last.left,
    box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, height: box.height },
    column: { left: column.left, right: column.right },
    viewport: { width: innerWidth, height: innerHeight },
  };
}
export function inspectPanel() {
  const host = document.querySelector('[data-truefollow-panel]');
  const shadow = host?.shadowRoot;
  if (!shadow) return null;
  const all = [...shadow.querySelectorAll('*')];
  const box = shadow.querySelector('.panel').getBoundingClientRect();
  return {
    text: shadow.textContent,
    title: shadow.querySelector('h2')?.textContent ?? null,
    dangerous: all.filter((e) => /^(?:img|script|iframe|object|embed|b|a|form|link|style)$/i.test(e.tagName)).map((e) => e.tagName),
    handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}@${a.name}`)),
    attributes: all.flatMap((e) => [...e.attributes].map((a) => a.value)).join('\n'),
    box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, height: box.height },
    viewport: { width: innerWidth, height: innerHeight },
  };
}

// ---- the scenarios -----------------------------------------------------------------------------------

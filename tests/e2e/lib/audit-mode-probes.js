/*
 * Functions that run in a fixture page for the audit-mode tests (each stands alone, for page.evaluate and
 * page.waitFor): the panel's audit-mode parts, the chart, the count history, the engagers section, and the marks
 * on list rows and post authors; and startList, which opens the synthetic 1,000-follower list on X with its panel.
 */
import { describesSample } from './badge-probes.js';
import { LIST_HANDLE, PAGE_SIZE } from './audit-mode-expected.js';

export function openPanelIn() {
  if (!document.querySelector('[data-truefollow-panel]')) document.querySelector('[data-truefollow-badge]').click();
  return Boolean(document.querySelector('[data-truefollow-panel]'));
}
export function panelPart(name) {
  const node = document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector(`[data-part="${name}"]`);
  return node ? node.textContent : null;
}
export function progressOf() {
  const p = document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector('[data-part="audit-progress"]');
  return p ? { value: Number(p.value), max: Number(p.max) } : null;
}
export function clickAuditButton() {
  document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-button"]').click();
}
export function chartOf() {
  const shadow = document.querySelector('[data-truefollow-panel]')?.shadowRoot;
  return shadow && {
    dots: shadow.querySelectorAll('[data-part="factory-dots"] circle').length,
    runs: shadow.querySelectorAll('[data-run]').length,
    items: [...shadow.querySelectorAll('[data-part="factory-runs"] li')].map((li) => li.textContent),
  };
}
export function listMarks() {
  return [...document.querySelectorAll('[data-truefollow-list-badge]')].map((m) => ({
    handle: m.previousElementSibling?.getAttribute('href')?.slice(1) ?? null, verdict: m.dataset.verdict, label: m.getAttribute('aria-label') }));
}
export function authorMarks() {
  return [...document.querySelectorAll('[data-truefollow-author-badge]')].map((m) => ({
    href: m.previousElementSibling?.getAttribute('href') ?? null, verdict: m.dataset.verdict, role: m.getAttribute('role'), label: m.getAttribute('aria-label') }));
}
export function historyOf() {
  const shadow = document.querySelector('[data-truefollow-panel]')?.shadowRoot;
  return shadow && {
    summary: shadow.querySelector('[data-part="history-summary"]')?.textContent ?? null,
    marks: shadow.querySelectorAll('[data-jump]').length,
    jumps: [...shadow.querySelectorAll('[data-part="history-jumps"] li')].map((li) => li.textContent),
  };
}

// The panel's section on who engages: its lines, and the value of each bar (real, inactive, fake).
export function engagersSection() {
  const section = document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector('section[data-part="engagers"]');
  const part = (name) => section?.querySelector(`[data-part="${name}"]`)?.textContent ?? null;
  return section && { headline: part('headline'), sample: part('sample'), kinds: part('kinds'), contrast: part('contrast'), earlier: part('earlier'),
    rows: [...section.querySelectorAll('[data-key]')].map((r) => r.querySelector('.value').textContent) };
}

export function auditStatus() {
  return document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector('[data-part="audit-status"]')?.textContent ?? '';
}

// Runs in the page: true once audit mode says it is done.
export function auditDone() {
  return /^Done: /.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent);
}

/** The synthetic list's followers page on X, its first page read and the panel open. */
export async function startList(session) {
  const page = await session.open(`https://x.com/${LIST_HANDLE}/followers`);
  await page.waitFor(describesSample, PAGE_SIZE);
  await page.waitFor(openPanelIn);
  return page;
}

/*
 * The storage tests' tools: functions that run in an extension page (its storage.local read whole, the records
 * the extension's own shapes refuse, the counts the options page shows, the bytes stored per site), and the
 * steps they share through a session: the options page once its counts show, a reload of it, a badge's stored
 * estimate, and the user's own research (X's examplestudio audited and on the vetting list).
 */
import { isFloor } from './badge-asserts.js';
import { describesSample } from './badge-probes.js';
import { percentDisagrees } from './expected.js';

// A badge's audience label against the core's audit: "≈ N real" for a share, "≥ N fake" where the core gives
// only the one-sided bound (audit.c). '' when they agree.
export function audienceDisagrees(shown, audit) {
  const [label, description = ''] = String(shown ?? '').split('\n');
  if (isFloor(audit) && audit.fake.ci90[0] === 0) { // no clear sign of fakes: said in the profile badge's description
    return NO_SIGN.test(description) ? '' : `"${shown}" does not say the followers raise no clear sign of fakes`;
  }
  const m = (isFloor(audit) ? /^truefollow: ≥ (\S+) fake$/ : /^truefollow: ≈ (\S+) real$/).exec(label);
  if (!m) return `"${label}" does not give the core's ${isFloor(audit) ? 'bound' : 'share'}`;
  return percentDisagrees(m[1], isFloor(audit) ? audit.fake.ci90[0] : audit.real.share);
}
// The badge's words for a bound of 0 on a profile's page (view-model.js: badge_no_sign_detail).
const NO_SIGN = /^The profile itself, by its public counts and fields\. These followers raise no more flags than genuine accounts also do\./;
// The number the badge gives for an audit: the real share, or the fewest fakes.
export const audienceNumber = (audit) => (isFloor(audit) ? audit.fake.ci90[0] : audit.real.share);

// ---- in an extension page ---------------------------------------------------------------------------------

export function readAll() {
  return (globalThis.browser ?? globalThis.chrome).storage.local.get(null);
}
export function problems() {
  const { problemOf } = globalThis.truefollowStoredShapes;
  return (globalThis.browser ?? globalThis.chrome).storage.local.get(null)
    .then((all) => Object.entries(all).map(([k, v]) => [k, problemOf(k, v)]).filter(([, p]) => p));
}
export function countsShown() {
  const counts = document.getElementById('stored-counts').textContent;
  const skipped = document.getElementById('stored-problems');
  return { counts, skipped: skipped.hidden ? null : skipped.textContent };
}

// In an extension page: the bytes stored per site and in all, as the store counts them, and records left orphaned.
export function budgetNow() {
  const { bytesOf, LIMITS } = globalThis.truefollowStore;
  const { siteOf } = globalThis.truefollowStoredShapes;
  return (globalThis.browser ?? globalThis.chrome).storage.local.get(null).then(async (all) => {
    const sites = {};
    let total = 0;
    for (const [key, value] of Object.entries(all)) {
      const site = siteOf(key);
      if (!site) continue;
      sites[site] = (sites[site] ?? 0) + bytesOf(key, value);
      total += bytesOf(key, value);
    }
    const local = (globalThis.browser ?? globalThis.chrome).storage.local;
    const inUse = typeof local.getBytesInUse === 'function' ? await local.getBytesInUse(null) : null;
    const orphans = Object.keys(all).filter((k) => /^[ahi]\|/.test(k) && !(`p|${k.slice(2)}` in all));
    // The worker's share: the five fixed sites and the test build's two granted instances share the budget.
    const sharing = new Set(['x', 'instagram', 'tiktok', 'youtube', 'bluesky', 'mastodon/mastodon.example', 'mastodon/fedi.example', ...Object.keys(sites)]);
    return { sites, total, inUse, orphans, budget: LIMITS.BUDGET_BYTES, share: Math.floor(LIMITS.BUDGET_BYTES / Math.max(LIMITS.MIN_SITES, sharing.size)) };
  });
}

// ---- through a session ------------------------------------------------------------------------------------

/** The options page, once it shows the stored counts. */
export async function openStoredCounts(session) {
  const options = await session.openOptions();
  await options.waitFor(() => /^[\d,]+ profiles? and [\d,]+ followers? stored\.$/.test(document.getElementById('stored-counts').textContent));
  return options;
}

// The options page reloaded: the old document is marked before the reload, so only the new one, with its store
// opened (migrations done) and its counts shown, can end the wait.
export async function reloadOptions(options) {
  await options.evaluate(() => { document.documentElement.dataset.replaced = 'true'; location.reload(); });
  await options.waitFor(() => !document.documentElement.dataset.replaced && document.body?.dataset.storeReady === 'true');
}

/**
 * The badge's label and description ("label\ndescription") once it shows a stored audience estimate: a share, a
 * bound on fakes, or (a bound of 0) the profile's own verdict with no clear sign of fakes in its description.
 */
export async function estimateShown(session, url) {
  const page = await session.open(url);
  await page.waitFor(() => {
    const button = document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button');
    return /^truefollow: [≈≥] /.test(button?.getAttribute('aria-label') ?? '') ||
      (button?.getAttribute('aria-description') ?? '').startsWith('The profile itself, by its public counts and fields. These followers raise no more flags');
  });
  return page.evaluate(() => {
    const button = document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button');
    return `${button.getAttribute('aria-label')}\n${button.getAttribute('aria-description')}`;
  });
}

// The user's own research: X's examplestudio audited, on the vetting list (the popup's Add). What the
// page cannot change: its profile, estimate and history records, its vetting entry and its row in the popup.
export async function userResearch(session) {
  let page = await session.open('https://x.com/examplestudio/followers');
  await page.waitFor(describesSample);
  page = await session.open('https://x.com/examplestudio');
  await page.waitFor(() => /^truefollow: [≈≥] /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-label') ?? ''));
  const popup = await session.openPopup();
  const listed = () => [...document.querySelectorAll('#vetting tbody tr')].some((tr) => tr.dataset.handle === 'examplestudio');
  if (!(await popup.evaluate(listed))) {
    await popup.evaluate(() => document.getElementById('add-vetting').click());
    await popup.waitFor(listed);
  }
  const row = await popup.evaluate(() => [...document.querySelectorAll('#vetting tbody tr')].find((tr) => tr.dataset.handle === 'examplestudio').textContent);
  await popup.close();
  const all = await (await openStoredCounts(session)).evaluate(readAll);
  return { row, vetting: all.vetting, records: Object.fromEntries(['p', 'a', 'h'].map((k) => [`${k}|x|examplestudio`, all[`${k}|x|examplestudio`]])) };
}

// The vetting list's row of X's examplestudio, as the popup shows it.
export async function vettingRow(session) {
  const popup = await session.openPopup();
  const row = await popup.evaluate(() => [...document.querySelectorAll('#vetting tbody tr')].find((tr) => tr.dataset.handle === 'examplestudio')?.textContent ?? null);
  await popup.close();
  return row;
}

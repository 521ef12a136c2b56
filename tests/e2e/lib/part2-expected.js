/*
 * What extension part 2 should show, from the core itself (the release wasm through js-glue/node.js) reading
 * the same generated inputs the fixture web serves: the tests follow the model instead of hard-coding it.
 */
import { loadCore } from '../../../js-glue/node.js';
import { followersPage, PAGE_SIZE, LIST_HANDLE } from '../../../scripts/gen-follower-list.mjs';

export { LIST_HANDLE, PAGE_SIZE };
const FOLLOWERS_URL = 'https://x.com/i/api/graphql/Fx1Example0Query/Followers';

/** The capture records of the first `pages` pages of the synthetic list, as JSON lines. */
export function listLines(pages) {
  return Array.from({ length: pages }, (_, i) => JSON.stringify({ url: FOLLOWERS_URL, body: followersPage(i ? `page|${i * PAGE_SIZE}` : '') })).join('\n');
}

/** The core's audit of the first `followers` followers of the synthetic list, with the given options. */
export async function listAudit(followers, options = {}) {
  const core = await loadCore();
  const report = core.audit(listLines(Math.ceil(followers / PAGE_SIZE)), { lang: 'en', ...options });
  if (report.status !== 'ok') throw new Error(`the core gives no audit of the synthetic list: ${report.message}`);
  return report.audit;
}

/** The core's audit of the given JSON lines and options (a copied report's re-run). */
export async function rerun(lines, options) {
  return (await loadCore()).audit(lines, options).audit;
}

/** The core's jumps for a list of counts. */
export async function historyJumps(counts) {
  return (await loadCore()).history(counts.map((followers, t) => ({ t, followers }))).jumps;
}

/** The core's score of every follower on the first page of the synthetic list. */
export async function firstPageScores() {
  const core = await loadCore();
  return core.score(followersPage(''), { url: FOLLOWERS_URL, lang: 'en' }).accounts.filter((a) => a.seen === 'followers');
}

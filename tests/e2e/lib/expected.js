/*
 * What the badge should say, from the core itself (the release wasm through js-glue/node.js) reading the same
 * fixture files the browser is served: the tests follow the model as it changes instead of hard-coding it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from '../../../js-glue/node.js';
import { root } from './fixture-sites.js';

const fixture = (platform, file) => fs.readFileSync(path.join(root, 'tests', 'fixtures', platform, file), 'utf8');

/** The core's account for the X profile <handle>, as the page's UserByScreenName response shows it. */
export async function xProfile(handle) {
  const core = await loadCore();
  const url = 'https://x.com/i/api/graphql/Fx1Example0Query/UserByScreenName';
  const report = core.score(fixture('x', `UserByScreenName_${handle}.json`), { url });
  const account = report.accounts.find((a) => a.seen === 'profile' && a.handle.toLowerCase() === handle);
  if (!account) throw new Error(`the core finds no profile ${handle} in its fixture: ${report.message}`);
  return account;
}

/** The X followers list of <handle> as served, cut to its first `keep` followers when asked. */
export function xFollowersBody(handle, keep = Infinity) {
  const data = JSON.parse(fixture('x', `Followers_${handle}.json`));
  let kept = 0;
  for (const instruction of data.data.user.result.timeline.timeline.instructions) {
    if (instruction.entries) {
      instruction.entries = instruction.entries.filter((e) => !e.entryId.startsWith('user-') || kept++ < keep);
    }
  }
  return JSON.stringify(data);
}

/** The core's audience estimate from the X followers list of <handle> (its first `keep` followers). */
export async function xFollowerAudit(handle, keep = Infinity) {
  const core = await loadCore();
  const url = 'https://x.com/i/api/graphql/Fx1Example0Query/Followers';
  const line = JSON.stringify({ url, body: xFollowersBody(handle, keep) });
  const report = core.audit(line, {});
  if (report.status !== 'ok') throw new Error(`the core estimates no audience for ${handle}: ${report.message}`);
  return report.audit;
}

export const VERDICT_WORDS = { real: '✓ likely real', inactive: '◌ likely inactive', fake: '⚠ likely fake' };

/**
 * Checks a shown percentage ("0.1%", "<0.1%", "42%") against a probability: equal to the shown precision,
 * or on the right side of a bound. Returns a message when they disagree, '' when they agree.
 */
export function percentDisagrees(shown, probability) {
  const m = /^([<>]?)(\d+(?:\.\d)?)%$/.exec(shown);
  if (!m) return `"${shown}" is not a percentage`;
  const value = Number(m[2]);
  const actual = probability * 100;
  if (m[1] === '<') return actual < value ? '' : `${actual}% is not below ${value}%`;
  if (m[1] === '>') return actual > value ? '' : `${actual}% is not above ${value}%`;
  const step = m[2].includes('.') ? 0.05 : 0.5;
  return Math.abs(actual - value) <= step + 1e-9 ? '' : `${shown} does not round ${actual}%`;
}

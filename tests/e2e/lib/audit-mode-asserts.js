/*
 * What audit mode shows (the live estimate line, the badge, true reach, the engagers' rows) against the core's
 * own audit of the same pages (audit-mode-expected.js).
 */
import assert from 'node:assert/strict';
import { percentDisagrees } from './expected.js';
import { accountLeads, assertProfileLabel, isFloor } from './badge-asserts.js';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

// The counts of true reach as the panel writes them in English ("≈ 642 real, active followers (90% interval 566–715).").
export const reachNumbers = (text) => (text ?? '').match(/\d[\d,]*/g)?.map((n) => Number(n.replace(/,/g, ''))).filter((n) => n !== 90) ?? [];

// The real share as the estimate line shows it: "... real 62% (90%: 50%–72%), ..." (English).
export function estimateShares(text) {
  const noSign = /no clear sign of fakes; real at most (\S+)$/.exec(text ?? '');
  if (noSign) return { noSign: true, realAtMost: noSign[1] };
  const floor = /at least (\S+) fake; real at most (\S+)$/.exec(text ?? '');
  if (floor) return { fakeAtLeast: floor[1], realAtMost: floor[2] };
  const m = /real (\S+) \(90%: (\S+)–(\S+)\), inactive (\S+), fake (\S+)$/.exec(text ?? '');
  return m && { real: m[1], lo: m[2], hi: m[3], inactive: m[4], fake: m[5] };
}

// The same numbers from the core's audit, as estimateShares names them.
export const estimateOf = (a) => (a.fake?.at_least === true && a.fake.ci90[0] === 0 ? { noSign: true, realAtMost: a.real.ci90[1] }
  : a.fake?.at_least === true ? { fakeAtLeast: a.fake.ci90[0], realAtMost: a.real.ci90[1] }
  : { real: a.real.share, lo: a.real.ci90[0], hi: a.real.ci90[1], inactive: a.inactive.share, fake: a.fake.share });

// A shown share against the core's: "?" where the core gives none, else as percentDisagrees.
export const shareDisagrees = (shown, share) => (share === null
  ? (shown === '?' ? '' : `"${shown}" is shown for a share the core does not give`) : percentDisagrees(shown, share));

// The live estimate line against the core's audit.
export function assertEstimate(shown, audit) {
  assert.ok(shown, 'the live estimate is shown');
  const expected = estimateOf(audit);
  assert.equal(shown.noSign, expected.noSign, 'a bound of 0 reads "no clear sign of fakes", as the badge says, and only a bound of 0');
  for (const [key, value] of Object.entries(expected).filter(([k]) => k !== 'noSign')) {
    assert.equal(shareDisagrees(shown[key] ?? '(not shown)', value), '', key === 'real' ? 'real share is the core\'s' : `${key} is the core's`);
  }
}
// The shown estimate is not the one of another audit (the same list without the user's threshold).
export function differsFrom(shown, other) {
  const theirs = estimateOf(other);
  if (theirs.noSign !== shown.noSign) return true;
  return Object.entries(theirs).some(([key, value]) => key !== 'noSign' && shareDisagrees(shown[key], value) !== '');
}

// The badge's label for the core's audit of a followers page: the real share, or the bound, or neither; where the
// list gives no number or no clear sign of fakes, the verdict of the profile the page knows (account), if any.
export function assertAudienceLabel(label, audit, account = null) {
  if (accountLeads(audit, account)) {
    assertProfileLabel(label, account);
  } else if (isFloor(audit) && audit.fake.ci90[0] > 0) {
    const m = /^truefollow: ≥ (\S+) fake$/.exec(label ?? '');
    assert.ok(m, `badge "${label}" gives the core's bound`);
    assert.equal(percentDisagrees(m[1], audit.fake.ci90[0]), '', 'the badge follows the estimate');
  } else if (isFloor(audit)) {
    assert.equal(label, 'truefollow: no clear sign of fakes');
  } else if (typeof audit.real.share === 'number' && !audit.too_few) {
    const m = /^truefollow: ≈ (\S+) real$/.exec(label ?? '');
    assert.ok(m, `badge "${label}" gives the core's share`);
    assert.equal(percentDisagrees(m[1], audit.real.share), '', 'the badge follows the estimate');
  } else {
    assert.equal(label, 'truefollow: not enough data');
  }
}

// True reach in the panel: the core's numbers where it gives them, else no line at all.
export function assertReach(text, audit) {
  if (typeof audit.reach?.value === 'number') {
    assert.deepEqual(reachNumbers(text), [audit.reach.value, ...audit.reach.ci90], 'true reach and its interval are the core\'s');
  } else {
    assert.equal(text, null, `no true reach where the core gives none (${JSON.stringify(audit.reach)})`);
  }
}

// A row of the panel's engagers section (real, inactive, fake) against the core's numbers: the share, or the bound.
export function assertEngagerRow(text, audit, key) {
  if (isFloor(audit)) {
    const m = /^at (least|most) (\S+) \(one-sided 90% bound\)$/.exec(text);
    assert.ok(m, `row "${text}"`);
    assert.equal(m[1], key === 'fake' ? 'least' : 'most', text);
    assert.equal(percentDisagrees(m[2], audit[key].ci90[key === 'fake' ? 0 : 1]), '', `the engagers' ${key} bound is the core's`);
  } else {
    assert.equal(shareDisagrees(/^\S+/.exec(text)[0], audit[key].share), '', `the engagers' ${key} share is the core's`);
  }
}

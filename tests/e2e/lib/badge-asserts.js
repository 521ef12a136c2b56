/*
 * What the badge and its panel show, against the core's own answers for the same fixtures (expected.js): the
 * badge of a profile and of an audience, the panel's share rows, and numbers as a language writes them.
 */
import assert from 'node:assert/strict';
import { VERDICT_WORDS, percentDisagrees } from './expected.js';

// The badge an audit should give: the share of real followers when the core gives a firm one, the fewest fakes
// when it gives only that bound (audit.c), else "not enough data".
export const isFloor = (audit) => Boolean(audit && !audit.too_few && audit.fake?.at_least === true);
export function expectedAuditState(audit) {
  return audit && (typeof audit.real.share === 'number' || isFloor(audit)) && !audit.too_few ? 'ready' : 'no-data';
}
// On a followers page whose list gives no number, or no clear sign of fakes, the profile's own verdict leads
// where the page knows the profile (view-model.js badgeFace), and the description says what the list showed.
export const accountLeads = (audit, account) => Boolean(audit && account && account.verdict !== 'not-enough-data' &&
  !(isFloor(audit) && audit.fake.ci90[0] > 0) && !(typeof audit.real.share === 'number' && !audit.too_few));
// The words for a list that gives no number (view-model.js: badge_flagged, then badge_too_few or badge_rates_unmeasured).
const accounts = (n) => `${n} ${n === 1 ? 'account' : 'accounts'}`;
const noNumberWords = (audit) => new RegExp(`Of ${audit.n} [^.]+ read, the model flagged ${accounts(audit.flagged.fake)} as fake and ` +
  `${accounts(audit.flagged.inactive)} as inactive\\. ${audit.too_few ? 'Too few followers read' : 'How often the model wrongly flags genuine accounts'}`);

/**
 * A followers page's badge against the core's audit of its list. account: the profile the page knows (its own
 * response, or stored from an earlier visit), else null.
 */
export function assertAuditBadge(badge, audit, account = null) {
  if (accountLeads(audit, account)) {
    assert.equal(badge.state, 'ready', `the profile's verdict leads over the core's audit ${JSON.stringify(audit.fake)}`);
    assertProfileLabel(badge.label, account);
    // Whose verdict it is, then what the list showed.
    const shown = isFloor(audit) ? /These followers raise no more flags than genuine accounts also do\./ : noNumberWords(audit);
    assert.match(badge.description, new RegExp(`^The profile itself, by its public counts and fields\\. ${shown.source}`));
  } else {
    assertAudienceBadge(badge, audit);
  }
  const n = /Of (\d+) /.exec(badge.description ?? '');
  assert.ok(n, `the description "${badge.description}" names the sample size`);
  assert.equal(Number(n[1]), audit.n, 'the sample size is the core\'s');
}

function assertAudienceBadge(badge, audit) {
  assert.equal(badge.state, expectedAuditState(audit), `badge state for the core's audit ${JSON.stringify(audit?.fake)}`);
  if (isFloor(audit) && audit.fake.ci90[0] > 0) {
    const m = /^truefollow: ≥ (\S+) fake$/.exec(badge.label);
    assert.ok(m, `badge label "${badge.label}" has the form "truefollow: ≥ <percent> fake"`);
    assert.equal(percentDisagrees(m[1], audit.fake.ci90[0]), '', 'the bound is the core\'s');
  } else if (isFloor(audit)) {
    assert.equal(badge.label, 'truefollow: no clear sign of fakes');
  } else if (badge.state === 'ready') {
    const m = /^truefollow: ≈ (\S+) real$/.exec(badge.label);
    assert.ok(m, `badge label "${badge.label}" has the form "truefollow: ≈ <percent> real"`);
    assert.equal(percentDisagrees(m[1], audit.real.share), '', 'the share is the core\'s');
  } else {
    assert.equal(badge.label, 'truefollow: not enough data');
    if (audit.flagged) assert.match(badge.description, new RegExp(`^${noNumberWords(audit).source}`), 'it says what the list showed, and why it gives no number');
  }
}

// A panel row against the core's audit: the share with its 90% interval, or with only the one-sided bound
// "at least so many fake", so "at most" the rest real or inactive.
export function assertShareRow(row, audit) {
  const part = audit[row.key];
  if (isFloor(audit)) {
    const m = /^at (least|most) (\S+) \(one-sided 90% bound\)$/.exec(row.text);
    assert.ok(m, `row "${row.text}"`);
    const fake = row.key === 'fake';
    assert.equal(m[1], fake ? 'least' : 'most', `${row.key}: ${row.text}`);
    assert.equal(percentDisagrees(m[2], part.ci90[fake ? 0 : 1]), '', `${row.key} bound`);
    return;
  }
  const m = /^(\S+) \(90% interval (\S+)–(\S+)\)$/.exec(row.text);
  assert.ok(m, `row "${row.text}"`);
  if (part.share === null) assert.equal(m[1], '?', 'an unknown share is shown as unknown');
  else assert.equal(percentDisagrees(m[1], part.share), '', `${row.key} share`);
  assert.equal(percentDisagrees(m[2], part.ci90[0]), '', `${row.key} interval low`);
  assert.equal(percentDisagrees(m[3], part.ci90[1]), '', `${row.key} interval high`);
}

export function assertProfileLabel(label, account) {
  const words = VERDICT_WORDS[account.verdict];
  const m = /^truefollow: (.+) · p\(fake\) (\S+)$/.exec(label);
  assert.ok(m, `badge label "${label}" has the form "truefollow: <verdict> · p(fake) <percent>"`);
  assert.equal(m[1], words, `the badge shows the core's verdict (${account.verdict})`);
  assert.equal(percentDisagrees(m[2], account.p_fake), '', `the badge shows the core's p(fake) ${account.p_fake}`);
}

// Text as read, with the locale's no-break and narrow spaces ("38 %" in German) as plain spaces.
export const plain = (text) => String(text ?? '').replace(/\s/gu, ' ');
// A share as a language writes it ("1,4 %", "38%") checked against the core's probability.
export const localPercentDisagrees = (shown, probability) => {
  const bare = plain(shown).replace(/ /g, '').replace(',', '.');
  return percentDisagrees(bare.endsWith('%') ? bare : `${bare}%`, probability);
};
// 1234567 as German groups digits: "1.234.567".
export const germanDigits = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
export const englishDigits = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

#!/usr/bin/env node
/*
 * The synthetic follower list of gen-follower-list.mjs as a Mastodon instance's REST API serves it, for the
 * audit-mode tests on Mastodon: the account crowdedstudio on the made-up instance mastodon.example
 * (/api/v1/accounts/lookup?acct=, an Account with followers_count 1,000) and its followers
 * (/api/v1/accounts/:id/followers: an array of Accounts, newest follower first, `limit` a page (1-80, 40
 * when not given)). Paged as Mastodon pages it: the Link header names the next page with max_id, the id of
 * the last follow relationship on the page (not an account id, so a client cannot make it up from the body),
 * and the previous one with since_id; a page shorter than the limit has no next link, and the page after the
 * last full one is empty.
 *
 * Every value is invented (no real person's data): account ids counted up from 110000000000000000,
 * usernames synthNNNN, every third one on another made-up instance (acct synthNNNN@social.example), avatars
 * on files.mastodon.example, Mastodon's own "missing" avatar for the accounts of the run. created_at is
 * midnight UTC (Mastodon rounds it so) and moved into Mastodon's years (2016-2025) keeping the order; the
 * run's dates stay. last_status_at is a day, as Mastodon gives it, counted back from `today` (the day the
 * list is served), so that "inactive" means the same on whichever day the tests run.
 *
 *   import { MASTODON_ACCOUNT_ID, mastodonLookup, mastodonFollowersPage } from './gen-follower-list-mastodon.mjs'
 *   node scripts/gen-follower-list-mastodon.mjs [MAX_ID [LIMIT [TODAY]]]      prints the Link header, then the page
 */
import { DAY, FOLLOWER_COUNT, LIST_HANDLE, person } from './gen-follower-list.mjs';

export const MASTODON_HOST = 'mastodon.example';
export const MASTODON_ACCOUNT_ID = '109999999999000001';
export const MASTODON_LIMIT = { default: 40, max: 80 };
const FOLLOW_ID_BASE = 4000000; // follow relationship ids: the newest follow has the largest
const FOLLOW_ID_STEP = 17;
const OTHER_INSTANCE = 'social.example';

const followId = (i) => FOLLOW_ID_BASE + (FOLLOWER_COUNT - i) * FOLLOW_ID_STEP;
const accountId = (i) => String(110000000000000000n + BigInt(i) * 7919n);
const day = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);
const midnight = (seconds) => `${day(seconds)}T00:00:00.000Z`;

// Creation dates of gen-follower-list.mjs (2008-2023) moved into Mastodon's years, in the same order.
const LIST_FROM = Date.UTC(2008, 0, 1) / 1000;
const LIST_SPAN = 16 * 365 * DAY;
const MASTODON_FROM = Date.UTC(2016, 9, 1) / 1000;
const MASTODON_SPAN = Date.UTC(2025, 4, 1) / 1000 - MASTODON_FROM;
const mastodonCreated = (p) => (p.inRun ? p.created : MASTODON_FROM + Math.floor(((p.created - LIST_FROM) / LIST_SPAN) * MASTODON_SPAN));

/** "YYYY-MM-DD" of the day given (a Date, or such a string); the UTC day of now when not given. */
export function dayOf(today = new Date()) {
  return typeof today === 'string' ? today : today.toISOString().slice(0, 10);
}

function account(i, today) {
  const p = person(i);
  const id = accountId(i);
  const remote = i % 3 === 1;
  const host = remote ? OTHER_INSTANCE : MASTODON_HOST;
  const idPath = id.match(/\d{1,3}/g).join('/');
  const avatar = p.inRun ? `https://${MASTODON_HOST}/avatars/original/missing.png`
    : `https://files.${MASTODON_HOST}/${remote ? 'cache/' : ''}accounts/avatars/${idPath}/original/synthetic.png`;
  const lastPost = p.lastPostDaysAgo === null ? null : day(Date.parse(`${today}T00:00:00Z`) / 1000 - p.lastPostDaysAgo * DAY);
  return {
    id,
    username: p.handle,
    acct: remote ? `${p.handle}@${OTHER_INSTANCE}` : p.handle,
    display_name: p.name,
    locked: false,
    bot: false,
    discoverable: !p.inRun,
    group: false,
    created_at: midnight(mastodonCreated(p)),
    note: p.inRun || p.silent ? '' : '<p>synthetic account for tests</p>',
    url: `https://${host}/@${p.handle}`,
    uri: `https://${host}/users/${p.handle}`,
    avatar,
    avatar_static: avatar,
    header: `https://${MASTODON_HOST}/headers/original/missing.png`,
    header_static: `https://${MASTODON_HOST}/headers/original/missing.png`,
    followers_count: p.followers,
    following_count: p.following,
    statuses_count: p.posts,
    last_status_at: lastPost,
    hide_collections: false,
    noindex: false,
    emojis: [],
    roles: [],
    fields: [],
  };
}

/** /api/v1/accounts/lookup?acct=crowdedstudio, as a string. */
export function mastodonLookup(today) {
  const avatar = `https://files.${MASTODON_HOST}/accounts/avatars/109/999/999/999/000/001/original/synthetic.png`;
  return JSON.stringify({
    id: MASTODON_ACCOUNT_ID, username: LIST_HANDLE, acct: LIST_HANDLE, display_name: 'Crowded Studio', locked: false, bot: false,
    discoverable: true, group: false, created_at: '2018-04-02T00:00:00.000Z',
    note: '<p>A synthetic profile for tests, with 1,000 invented followers.</p>',
    url: `https://${MASTODON_HOST}/@${LIST_HANDLE}`, uri: `https://${MASTODON_HOST}/users/${LIST_HANDLE}`,
    avatar, avatar_static: avatar,
    header: `https://${MASTODON_HOST}/headers/original/missing.png`, header_static: `https://${MASTODON_HOST}/headers/original/missing.png`,
    followers_count: FOLLOWER_COUNT, following_count: 212, statuses_count: 1850, last_status_at: dayOf(today),
    hide_collections: false, noindex: false, emojis: [], roles: [], fields: [],
  });
}

/**
 * /api/v1/accounts/<MASTODON_ACCOUNT_ID>/followers with {max_id, since_id, limit} as Mastodon reads them
 * (strings or absent): {body, link} (link: the Link header, '' when there is neither a next nor a previous
 * page); null when the limit is not a number.
 */
export function mastodonFollowersPage({ max_id: maxId = null, since_id: sinceId = null, limit = null } = {}, today) {
  const size = limit === null ? MASTODON_LIMIT.default : Number(limit);
  if (!Number.isInteger(size)) return null;
  const n = Math.min(MASTODON_LIMIT.max, Math.max(1, size)); // Mastodon clamps the limit
  const positions = [];
  for (let i = 0; i < FOLLOWER_COUNT; i++) {
    if (maxId !== null && !(followId(i) < Number(maxId))) continue;
    if (sinceId !== null && !(followId(i) > Number(sinceId))) continue;
    positions.push(i);
  }
  // since_id alone: the newest ones above it; otherwise from the newest below max_id on.
  const page = positions.slice(0, n);
  const body = JSON.stringify(page.map((i) => account(i, dayOf(today))));
  const url = (param, value) => `<https://${MASTODON_HOST}/api/v1/accounts/${MASTODON_ACCOUNT_ID}/followers?limit=${n}&${param}=${value}>`;
  const links = [];
  if (page.length === n) links.push(`${url('max_id', followId(page[page.length - 1]))}; rel="next"`);
  if (page.length > 0) links.push(`${url('since_id', followId(page[0]))}; rel="prev"`);
  return { body, link: links.join(', ') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [maxId, limit, today] = process.argv.slice(2);
  const page = mastodonFollowersPage({ max_id: maxId || null, limit: limit || null }, today);
  if (page === null) {
    process.stderr.write('not a limit Mastodon reads\n');
    process.exit(1);
  }
  process.stdout.write(`Link: ${page.link}\n${page.body}\n`);
}

#!/usr/bin/env node
/*
 * The synthetic follower list of gen-follower-list.mjs as Bluesky's public AppView serves it, for the
 * audit-mode tests on Bluesky: the profile crowdedstudio.bsky.social (app.bsky.actor.getProfile, a
 * profileViewDetailed with followersCount 1,000) and its followers (app.bsky.graph.getFollowers:
 * {subject, followers: [profileView], cursor}), newest follower first, `limit` a page (1-100, 50 when not
 * given, as the lexicon says), the next page asked for with the last page's cursor. The cursor is opaque to
 * clients; here it is the TID (base32-sortable timestamp identifier) of the last follow record on the page,
 * one follow an hour counted back from a fixed day. A full page carries a cursor, so the page after the last
 * full one is empty and has none.
 *
 * Every value is invented (no real person's data): dids did:plc:synth..., handles synthNNNN.bsky.social,
 * names "Synthetic N", avatars on cdn.bsky.example.invalid. The accounts of the run (gen-follower-list.mjs)
 * have no avatar (Bluesky's default) and no description. Creation dates are moved into Bluesky's own years
 * (2023-2025) keeping their order; the run's dates stay as they are. A profileView carries no counts, so
 * the followers' posts and follower counts are not shown, as on Bluesky.
 *
 *   import { BLUESKY_HANDLE, blueskyProfile, blueskyFollowersPage } from './gen-follower-list-bluesky.mjs'
 *   node scripts/gen-follower-list-bluesky.mjs [CURSOR [LIMIT]]       prints one page
 */
import { FOLLOWER_COUNT, LIST_HANDLE, RUN, person } from './gen-follower-list.mjs';

export const BLUESKY_HANDLE = `${LIST_HANDLE}.bsky.social`;
export const BLUESKY_LIMIT = { default: 50, max: 100 };
const B32 = 'abcdefghijklmnopqrstuvwxyz234567'; // did:plc's alphabet
const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz'; // TIDs' base32-sortable alphabet
const FOLLOWED_BEFORE_US = BigInt(Date.UTC(2025, 5, 1)) * 1000n; // the newest follow: 1 June 2025
const HOUR_US = 3600n * 1000000n;
const CLOCK_ID = 7n;

const iso = (seconds) => new Date(seconds * 1000).toISOString();
const did = (i) => `did:plc:synth${[...String(i).padStart(4, '0')].map((d) => B32[Number(d)]).join('').padStart(19, 'a')}`;

// Creation dates of gen-follower-list.mjs (2008-2023) moved into Bluesky's years, in the same order.
const LIST_FROM = Date.UTC(2008, 0, 1) / 1000;
const LIST_SPAN = 16 * 365 * 86400;
const BLUESKY_FROM = Date.UTC(2023, 1, 17) / 1000;
const BLUESKY_SPAN = Date.UTC(2025, 4, 1) / 1000 - BLUESKY_FROM;
const blueskyCreated = (p) => (p.inRun ? p.created : BLUESKY_FROM + Math.floor(((p.created - LIST_FROM) / LIST_SPAN) * BLUESKY_SPAN));

/** The TID of the follow record of position i, as a 13-character string. */
function tid(i) {
  let n = ((FOLLOWED_BEFORE_US - BigInt(i) * HOUR_US) << 10n) | CLOCK_ID;
  let out = '';
  for (let k = 0; k < 13; k++) {
    out = SORTABLE[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

/** The position after the one a cursor names; null for a string that is not a cursor of this list. */
function positionAfter(cursor) {
  if (!/^[2-7a-z]{13}$/.test(cursor)) return null;
  let n = 0n;
  for (const c of cursor) n = (n << 5n) | BigInt(SORTABLE.indexOf(c));
  const i = (FOLLOWED_BEFORE_US - (n >> 10n)) / HOUR_US;
  return i >= 0n && i < BigInt(FOLLOWER_COUNT) ? Number(i) + 1 : null;
}

const baseView = (i, p) => ({
  did: did(i),
  handle: `${p.handle}.bsky.social`,
  displayName: p.name,
  ...(p.inRun || p.silent ? {} : { description: 'synthetic account for tests' }),
  ...(p.inRun ? {} : { avatar: `https://cdn.bsky.example.invalid/img/avatar/plain/${did(i)}/synthetic@jpeg` }),
  associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false },
  labels: [],
  createdAt: iso(blueskyCreated(p)),
  indexedAt: iso(blueskyCreated(p) + 3600),
  verification: { verifications: [], verifiedStatus: 'none', trustedVerifierStatus: 'none' },
});

const SUBJECT = {
  did: 'did:plc:synthcrowdedstudioaaaaaa',
  handle: BLUESKY_HANDLE,
  displayName: 'Crowded Studio',
  description: 'A synthetic profile for tests, with 1,000 invented followers.',
  avatar: 'https://cdn.bsky.example.invalid/img/avatar/plain/did:plc:synthcrowdedstudioaaaaaa/synthetic@jpeg',
  associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false },
  labels: [],
  createdAt: '2023-05-02T09:14:00.000Z',
  indexedAt: '2023-05-02T10:14:00.000Z',
  verification: { verifications: [], verifiedStatus: 'none', trustedVerifierStatus: 'none' },
};

/** app.bsky.actor.getProfile for the list's profile, as a string. */
export function blueskyProfile() {
  return JSON.stringify({ ...SUBJECT, followersCount: FOLLOWER_COUNT, followsCount: 212, postsCount: 1850 });
}

/**
 * app.bsky.graph.getFollowers for the list's profile: the page after `cursor` ('' : the first) of `limit`
 * followers, as a string; null when the cursor or the limit is not one the AppView would accept (it
 * answers 400 then).
 */
export function blueskyFollowersPage({ cursor = '', limit = BLUESKY_LIMIT.default } = {}) {
  const start = cursor === '' ? 0 : positionAfter(cursor);
  if (start === null || !Number.isInteger(limit) || limit < 1 || limit > BLUESKY_LIMIT.max) return null;
  const end = Math.min(FOLLOWER_COUNT, start + limit);
  const followers = [];
  for (let i = start; i < end; i++) followers.push(baseView(i, person(i)));
  const page = { subject: SUBJECT, followers };
  if (followers.length === limit) page.cursor = tid(end - 1);
  return JSON.stringify(page);
}

/** The post of the list's profile whose likes the tests read: its record key, and its at:// URI. */
export const LIKED_POST_RKEY = '3lsynthlikedpost';
export const LIKED_POST_URI = `at://${SUBJECT.did}/app.bsky.feed.post/${LIKED_POST_RKEY}`;

/** app.bsky.feed.getLikes for that post, as a string: the list's run of look-alike accounts liked it, newest first. */
export function blueskyLikesPage() {
  const likes = [];
  for (let i = RUN.from; i <= RUN.to; i++) {
    const when = iso(Date.UTC(2025, 5, 2) / 1000 + (RUN.to - i) * 60);
    likes.push({ createdAt: when, indexedAt: when, actor: baseView(i, person(i)) });
  }
  return JSON.stringify({ uri: LIKED_POST_URI, likes });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const page = blueskyFollowersPage({ cursor: process.argv[2] ?? '', limit: Number(process.argv[3] ?? BLUESKY_LIMIT.default) });
  if (page === null) {
    process.stderr.write('not a cursor or limit of this list\n');
    process.exit(1);
  }
  process.stdout.write(page + '\n');
}

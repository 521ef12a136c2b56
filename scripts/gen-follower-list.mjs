#!/usr/bin/env node
/*
 * A synthetic follower list for the audit-mode tests: 1,000 invented accounts (no real person's data: names
 * are "Synthetic N", handles synth0000..synth0999, ids counted up from 3000000000, avatar URLs placeholders),
 * deterministic (a seeded generator, no clock), paged like X's GraphQL Followers timeline: 20 user entries a
 * page plus cursor-bottom / cursor-top entries, the next page asked for with the bottom cursor's value.
 *
 * The mix, by follow order (position 0 = the newest follower): mostly ordinary accounts with years of
 * history, some silent ones, and one block of 80 accounts (positions 200-279) created within three days of
 * each other with default avatars and no posts, the pattern the core's Follower Factory search looks for.
 * The core decides what they are; this file only invents them. person(i) is the invented account itself;
 * the same people are shown as Bluesky's and Mastodon's APIs would list them by gen-follower-list-bluesky.mjs
 * and gen-follower-list-mastodon.mjs.
 *
 *   import { followersPage, FOLLOWER_COUNT } from './gen-follower-list.mjs'   (the fixture site uses it)
 *   node scripts/gen-follower-list.mjs [CURSOR]                               prints one page
 */
export const FOLLOWER_COUNT = 1000;
export const PAGE_SIZE = 20;
export const LIST_HANDLE = 'crowdedstudio'; // the profile whose followers these are
export const RUN = Object.freeze({ from: 200, to: 279, created: Date.UTC(2024, 2, 11) / 1000 });
export const DAY = 86400;

// mulberry32: a small seeded generator, so the list is the same on every run.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');
// X's created_at format: "Mon Jan 10 02:06:34 +0000 2011".
function twitterDate(seconds) {
  const d = new Date(seconds * 1000);
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/**
 * The invented person at follow position i (0-based), as every platform's rendering of the list shows them:
 * {handle, name, inRun, silent, created (unix s), posts, favorites, blue, followers, following,
 * lastPostDaysAgo (days before the day the list is served; null: never posted)}. The draws keep one order,
 * so the X pages stay the same as before the other platforms were added.
 */
export function person(i) {
  const random = generator(0x7f0110 + i);
  const inRun = i >= RUN.from && i <= RUN.to;
  const silent = !inRun && random() < 0.15;
  const created = inRun ? RUN.created + Math.floor(random() * 3 * DAY)
    : Date.UTC(2008, 0, 1) / 1000 + Math.floor(random() * 16 * 365 * DAY);
  const posts = inRun ? 0 : silent ? Math.floor(random() * 3) : 50 + Math.floor(random() * 8000);
  const favorites = inRun ? 0 : Math.floor(random() * 20000);
  const blue = !inRun && random() < 0.05;
  const followers = inRun ? Math.floor(random() * 3) : Math.floor(random() * 5000);
  const following = inRun ? 400 + Math.floor(random() * 600) : 50 + Math.floor(random() * 1500);
  // Active accounts posted within the last four months, silent ones more than a year ago (or never).
  const lastPostDaysAgo = posts === 0 ? null : silent ? 400 + Math.floor(random() * 1500) : Math.floor(random() * 120);
  return { handle: `synth${String(i).padStart(4, '0')}`, name: `Synthetic ${i}`, inRun, silent, created, posts, favorites, blue,
    followers, following, lastPostDaysAgo };
}

/** The invented account at follow position i, as X's GraphQL shows it. */
export function follower(i) {
  const p = person(i);
  const id = String(3000000000 + i);
  return {
    __typename: 'User',
    action_counts: { favorites_count: p.favorites },
    avatar: { image_url: p.inRun ? 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png'
      : `https://pbs.twimg.com/profile_images/${id}/synthetic_normal.jpg` },
    core: { created_at: twitterDate(p.created), name: p.name, screen_name: p.handle },
    id: Buffer.from(`User:${id}`).toString('base64'),
    is_blue_verified: p.blue,
    privacy: { protected: false },
    profile_bio: { description: p.inRun || p.silent ? '' : 'synthetic account for tests', entities: { description: {} } },
    relationship_counts: { followers: p.followers, following: p.following },
    rest_id: id,
    tweet_counts: { media_tweets: Math.floor(p.posts / 10), tweets: p.posts },
    verification: { verified: false },
  };
}

const entryOfUser = (i) => ({
  content: {
    __typename: 'TimelineTimelineItem', entryType: 'TimelineTimelineItem',
    itemContent: { __typename: 'TimelineUser', itemType: 'TimelineUser', userDisplayType: 'User', user_results: { result: follower(i) } },
  },
  entryId: `user-${3000000000 + i}`,
  sortIndex: String(1900000000000000000n - BigInt(i)),
});

const cursorEntry = (type, value) => ({
  content: { __typename: 'TimelineTimelineCursor', cursorType: type, entryType: 'TimelineTimelineCursor', value },
  entryId: `cursor-${type.toLowerCase()}-${value}`,
  sortIndex: '0',
});

/** The page after `cursor` ('' or absent: the first), as X's Followers response body (a string). */
export function followersPage(cursor = '') {
  const start = /^page\|(\d+)$/.test(cursor) ? Number(cursor.slice(5)) : 0;
  const end = Math.min(FOLLOWER_COUNT, start + PAGE_SIZE);
  const entries = [];
  for (let i = start; i < end; i++) entries.push(entryOfUser(i));
  // X keeps sending a bottom cursor at the end of the list, with a page of no users after it.
  entries.push(cursorEntry('Bottom', `page|${end}`), cursorEntry('Top', `top|${start}`));
  const instructions = [{ type: 'TimelineClearCache' }, { type: 'TimelineAddEntries', entries }];
  return JSON.stringify({ data: { user: { result: { __typename: 'User', timeline: { timeline: { instructions } } } } } });
}

/** The post of the list's profile whose reposters the tests read, and who reposted it: the run's accounts (bought
 * engagement comes from the same kind of accounts as bought followers). */
export const REPOSTED_TWEET_ID = '1900000000000000001';
export const REPOSTERS = Object.freeze({ from: RUN.from, to: RUN.to });

/** X's Retweeters response for REPOSTED_TWEET_ID (a string): the run's accounts, newest first, no cursor after. */
export function retweetersPage() {
  const entries = [];
  for (let i = REPOSTERS.from; i <= REPOSTERS.to; i++) entries.push(entryOfUser(i));
  entries.push(cursorEntry('Top', `top|${REPOSTERS.from}`));
  const instructions = [{ type: 'TimelineAddEntries', entries }];
  return JSON.stringify({ data: { retweeters_timeline: { timeline: { instructions } } } });
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(followersPage(process.argv[2] ?? '') + '\n');

/*
 * What audit mode, the chart, history and popup should show, from the core itself (the release wasm through js-glue/node.js) reading
 * the same generated inputs the fixture web serves (the synthetic list on X, Bluesky and Mastodon), in the
 * order the extension gives them, and of the post authors of the X, Bluesky and Mastodon profile pages: the tests
 * follow the model instead of hard-coding it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from '../../../js-glue/node.js';
import { root } from './fixture-sites.js';
import { followersPage, retweetersPage, PAGE_SIZE, LIST_HANDLE, REPOSTED_TWEET_ID } from '../../../scripts/fixtures/gen-follower-list.mjs';
import { BLUESKY_HANDLE, BLUESKY_LIMIT, LIKED_POST_RKEY, LIKED_POST_URI, blueskyFollowersPage, blueskyLikesPage, blueskyProfile } from '../../../scripts/fixtures/gen-follower-list-bluesky.mjs';
import { MASTODON_ACCOUNT_ID, MASTODON_LIMIT, dayOf, mastodonFollowersPage, mastodonLookup } from '../../../scripts/fixtures/gen-follower-list-mastodon.mjs';
import { TIKTOK_FOLLOWERS_SCENE, TIKTOK_LIMIT, TIKTOK_SEC_UID, tiktokFollowersPage, tiktokProfileScript } from '../../../scripts/fixtures/gen-follower-list-tiktok.mjs';

export { LIST_HANDLE, REPOSTED_TWEET_ID, PAGE_SIZE, BLUESKY_HANDLE, LIKED_POST_RKEY, BLUESKY_LIMIT, MASTODON_LIMIT, TIKTOK_LIMIT };
const X_API = 'https://x.com/i/api/graphql/Fx1Example0Query';
const FOLLOWERS_URL = `${X_API}/Followers`;
const line = (url, body) => JSON.stringify({ url, body });

/** The X profile response the followers page fetches first (tests/fixtures/x/generated.mjs). */
async function listProfileLine() {
  const { generatedRoute } = await import('../../fixtures/x/generated.mjs');
  return line(`${X_API}/UserByScreenName`, generatedRoute('UserByScreenName', { screen_name: LIST_HANDLE }).body);
}

/** The capture records of the first `pages` pages of the synthetic list, as JSON lines. */
export function listLines(pages) {
  return Array.from({ length: pages }, (_, i) => line(FOLLOWERS_URL, followersPage(i ? `page|${i * PAGE_SIZE}` : ''))).join('\n');
}

async function auditOf(lines, options, what) {
  const core = await loadCore();
  const report = core.audit(lines, { lang: 'en', ...options });
  if (report.status !== 'ok') throw new Error(`the core gives no audit of ${what}: ${report.message}`);
  return report.audit;
}

/**
 * The core's audit of the first `followers` followers of the synthetic list, with the given options, after
 * the profile's own response as the extension reads them (withProfile: false leaves it out).
 */
export async function listAudit(followers, options = {}, { withProfile = true } = {}) {
  const pages = listLines(Math.ceil(followers / PAGE_SIZE));
  return auditOf(withProfile ? `${await listProfileLine()}\n${pages}` : pages, options, 'the synthetic list');
}

/**
 * The core's audit of the first `followers` followers of the synthetic list after the profile and the
 * Retweeters of its post (the run's accounts), as the extension gives them: the engagers beside the followers.
 */
export async function listAuditWithReposters(followers) {
  const reposters = line(`${X_API}/Retweeters?variables=${encodeURIComponent(JSON.stringify({ tweetId: REPOSTED_TWEET_ID }))}`, retweetersPage());
  return auditOf([await listProfileLine(), reposters, listLines(Math.ceil(followers / PAGE_SIZE))].join('\n'), {}, 'the list and its reposters');
}

// ---- Instagram: a post's likers and commenters, then its author's followers -----------------------------

/**
 * The core's audit of examplestudio's Instagram followers after its profile, and the commenters and likers of its
 * post (tests/fixtures/instagram/post.mjs), as the extension gives them: the engagers beside the followers.
 */
export async function instagramAuditWithEngagers() {
  const { POST_AUTHOR, POST_MEDIA_ID, commentsBody, likersBody } = await import('../../fixtures/instagram/post.mjs');
  const ig = 'https://www.instagram.com';
  const fixture = (file) => fs.readFileSync(path.join(root, 'tests', 'fixtures', 'instagram', file), 'utf8');
  const profile = fixture(`page-profile-${POST_AUTHOR}.json`);
  const pk = JSON.parse(profile).data.user.pk;
  return auditOf([
    line(`${ig}/graphql/query?username=${POST_AUTHOR}`, profile),
    line(`${ig}/api/v1/media/${POST_MEDIA_ID}/comments/?can_support_threading=true&permalink_enabled=false`, commentsBody()),
    line(`${ig}/api/v1/media/${POST_MEDIA_ID}/likers/`, likersBody()),
    line(`${ig}/api/v1/friendships/${pk}/followers/?count=12&search_surface=follow_list_page`, fixture(`page-followers-${pk}.json`)),
  ].join('\n'), {}, 'the Instagram post\'s engagers and its author\'s followers');
}

// ---- the same list on Bluesky and Mastodon, read page by page as audit mode reads them -----------------

const BLUESKY_API = 'https://public.api.bsky.app/xrpc';

/**
 * The first `pages` getFollowers pages of the synthetic Bluesky list, as the page and audit mode ask for
 * them (limit 50; then the public AppView with the last page's cursor): [{url, body}].
 */
export function blueskyPages(pages) {
  const out = [];
  let cursor = '';
  for (let k = 0; k < pages; k++) {
    const params = new URLSearchParams({ actor: BLUESKY_HANDLE, limit: String(BLUESKY_LIMIT.default), ...(cursor ? { cursor } : {}) });
    const body = blueskyFollowersPage({ cursor });
    out.push({ url: `${BLUESKY_API}/app.bsky.graph.getFollowers?${params}`, body });
    cursor = JSON.parse(body).cursor;
  }
  return out;
}

/** The core's audit of the first `pages` Bluesky pages, after the profile (getProfile) and, withLikes, the likes of its post. */
export function blueskyAudit(pages, options = {}, { withLikes = false } = {}) {
  const profile = line(`${BLUESKY_API}/app.bsky.actor.getProfile?actor=${BLUESKY_HANDLE}`, blueskyProfile());
  const likes = withLikes ? [line(`${BLUESKY_API}/app.bsky.feed.getLikes?${new URLSearchParams({ uri: LIKED_POST_URI, limit: '100' })}`, blueskyLikesPage())] : [];
  return auditOf([profile, ...likes, ...blueskyPages(pages).map((p) => line(p.url, p.body))].join('\n'), options, 'the Bluesky list');
}

/** The core's score of the Bluesky list's profile (getProfile), as its followers page reads it. */
export async function blueskyListProfile() {
  const report = (await loadCore()).score(blueskyProfile(), { url: `${BLUESKY_API}/app.bsky.actor.getProfile?actor=${BLUESKY_HANDLE}`, lang: 'en' });
  return report.accounts.find((a) => a.seen === 'profile') ?? null;
}

/**
 * The first `pages` follower pages of the synthetic Mastodon list as served on `today`, each at the address
 * the previous page's Link header named (the first as the page asks for it): [{url, body, link}].
 */
export function mastodonPages(pages, today = dayOf()) {
  const out = [];
  let url = `https://mastodon.example/api/v1/accounts/${MASTODON_ACCOUNT_ID}/followers?limit=${MASTODON_LIMIT.default}`;
  for (let k = 0; k < pages; k++) {
    const params = new URL(url).searchParams;
    const page = mastodonFollowersPage(Object.fromEntries(['max_id', 'limit'].filter((p) => params.has(p)).map((p) => [p, params.get(p)])), today);
    out.push({ url, ...page });
    url = /<([^>]+)>; rel="next"/.exec(page.link)?.[1];
    if (!url) break;
  }
  return out;
}

/** The core's audit of the first `pages` Mastodon pages served on `today`, after the account lookup. */
export function mastodonAudit(pages, options = {}, today = dayOf()) {
  const profile = line('https://mastodon.example/api/v1/accounts/lookup?acct=crowdedstudio', mastodonLookup(today));
  return auditOf([profile, ...mastodonPages(pages, today).map((p) => line(p.url, p.body))].join('\n'), options, 'the Mastodon list');
}

/** The core's audit of the given JSON lines and options (a copied report's re-run). */
export async function rerun(lines, options) {
  return (await loadCore()).audit(lines, options).audit;
}

/** The core's jumps for a list of counts. */
export async function historyJumps(counts) {
  return (await loadCore()).history(counts.map((followers, t) => ({ t, followers }))).jumps;
}

/** The core's score of every follower on the first page of the synthetic list, with the given options. */
export async function firstPageScores(options = {}) {
  return listScores(PAGE_SIZE, options);
}

/** The core's score of every follower on the pages that hold the first `followers` of the synthetic list. */
export async function listScores(followers, options = {}) {
  const core = await loadCore();
  return Array.from({ length: Math.ceil(followers / PAGE_SIZE) }, (_, i) => core.score(followersPage(i ? `page|${i * PAGE_SIZE}` : ''),
    { url: FOLLOWERS_URL, lang: 'en', ...options }).accounts.filter((a) => a.seen === 'followers')).flat();
}

// ---- post authors: examplestudio's posts on Bluesky and Mastodon (scripts/fixtures/page-fixtures.mjs), and on X the
// ---- posts of user_17a8117c (tests/fixtures/x: the anonymised UserTweets recording, 16 retweets among them)

const fixtureText = (platform, file) => fs.readFileSync(path.join(root, 'tests', 'fixtures', platform, file), 'utf8');

/**
 * The posts a profile page shows on `platform` ('x', 'bluesky' or 'mastodon'): the page's URL, the
 * profile's handle, the href of each post's author link in the order the page draws them, and the core's
 * verdict of every post author (core.score of the same response), by lower-cased handle.
 */
export async function postAuthors(platform) {
  const core = await loadCore();
  if (platform === 'x') {
    const handle = 'user_17a8117c';
    const body = fixtureText('x', `UserTweets_${handle}.json`);
    const userId = JSON.parse(fixtureText('x', `UserByScreenName_${handle}.json`)).data.user.result.rest_id;
    const url = `${X_API}/UserTweets?variables=${encodeURIComponent(JSON.stringify({ userId, count: 20 }))}`;
    return {
      pageUrl: `https://x.com/${handle}`, handle, profileHref: `/${handle}`,
      hrefs: xTweetAuthors(JSON.parse(body)).map((h) => `/${h}`),
      verdicts: verdictsOf(core.score(body, { url, lang: 'en' })),
    };
  }
  if (platform === 'bluesky') {
    const handle = 'examplestudio.bsky.social';
    const body = fixtureText('bluesky', `page-getAuthorFeed-${handle}.json`);
    const url = `https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=${handle}&limit=30&filter=posts_and_author_threads`;
    return {
      pageUrl: `https://bsky.app/profile/${handle}`, handle, profileHref: `/profile/${handle}`,
      hrefs: JSON.parse(body).feed.map((item) => `/profile/${item.post.author.handle}`),
      verdicts: verdictsOf(core.score(body, { url, lang: 'en' })),
    };
  }
  const { id } = JSON.parse(fixtureText('mastodon', 'page-lookup-examplestudio.json'));
  const body = fixtureText('mastodon', `page-statuses-${id}.json`);
  const url = `https://mastodon.example/api/v1/accounts/${id}/statuses?exclude_replies=true&limit=20`;
  return {
    pageUrl: 'https://mastodon.example/@examplestudio', handle: 'examplestudio', profileHref: '/@examplestudio',
    hrefs: JSON.parse(body).map((s) => `/@${(s.reblog ?? s).account.acct}`),
    verdicts: verdictsOf(core.score(body, { url, lang: 'en' })),
  };
}
const verdictsOf = (report) => Object.fromEntries(report.accounts.filter((a) => a.seen === 'post-author').map((a) => [a.handle.toLowerCase(), a.verdict]));

// The handle of each tweet's shown author in a UserTweets response, in the order the X page draws them (the
// pinned tweet, then the entries, a conversation module's too): a retweet shows the original's author.
function xTweetAuthors(data) {
  return xAuthorsIn(data.data.user.result.timeline.timeline.instructions);
}
function xAuthorsIn(instructions) {
  const unwrap = (result) => result?.tweet ?? result;
  return instructions.flatMap((i) => (i.entry ? [i.entry] : i.entries ?? []))
    .flatMap((e) => (e.content.items ? e.content.items.map((i) => i.item.itemContent) : [e.content.itemContent]))
    .map((c) => unwrap(c?.tweet_results?.result)).filter(Boolean)
    .filter((t) => t.legacy && t.core?.user_results?.result)
    .map((t) => unwrap(t.legacy.retweeted_status_result?.result) ?? t)
    .map((t) => t.core.user_results.result.core.screen_name);
}

// ---- the same list on TikTok, read page by page from the followers dialog ------------------------------

/** The first `pages` /api/user/list/ pages of the synthetic TikTok list, as the dialog asks for them: [{url, body}]. */
export function tiktokPages(pages) {
  const out = [];
  let cursor = '0';
  for (let k = 0; k < pages; k++) {
    const body = tiktokFollowersPage({ cursor, count: TIKTOK_LIMIT.default });
    out.push({ url: `https://www.tiktok.com/api/user/list/?aid=1988&count=${TIKTOK_LIMIT.default}&maxCursor=0&minCursor=${cursor}` +
      `&scene=${TIKTOK_FOLLOWERS_SCENE}&secUid=${TIKTOK_SEC_UID}`, body });
    cursor = String(JSON.parse(body).minCursor);
  }
  return out;
}

/** The core's audit of the first `pages` TikTok pages, after the profile's embedded data. */
export function tiktokAudit(pages, options = {}) {
  const profile = line(`https://www.tiktok.com/@${LIST_HANDLE}`, tiktokProfileScript());
  return auditOf([profile, ...tiktokPages(pages).map((p) => line(p.url, p.body))].join('\n'), options, 'the TikTok list');
}

// ---- authors in a search and a thread: the anonymised X recordings, the written Bluesky fixtures ---------

const AUTHOR_KINDS = new Set(['post-author', 'commenters', 'search-results']);

/**
 * A search or a thread on `platform` ('x' or 'bluesky'): the page's URL, the href of each post's author link
 * in the order the page draws the posts, and the core's verdict of every author (core.score of the same
 * response, as the extension reads it), by lower-cased handle.
 */
export async function searchOrThreadAuthors(platform, what) {
  const core = await loadCore();
  const verdicts = (body, url) => Object.fromEntries(core.score(body, { url, lang: 'en' }).accounts
    .filter((a) => AUTHOR_KINDS.has(a.seen)).map((a) => [a.handle.toLowerCase(), a.verdict]));
  if (platform === 'x') {
    const file = what === 'search' ? 'SearchTimeline.json' : 'TweetDetail.json';
    const body = fixtureText('x', file);
    const data = JSON.parse(body);
    const instructions = what === 'search' ? data.data.search_by_raw_query.search_timeline.timeline.instructions
      : data.data.threaded_conversation_with_injections_v2.instructions;
    const hrefs = xAuthorsIn(instructions).map((h) => `/${h}`);
    return { pageUrl: what === 'search' ? 'https://x.com/search?q=sample' : `https://x.com${hrefs[0]}/status/1`,
      hrefs, verdicts: verdicts(body, `${X_API}/${file.replace('.json', '')}`) };
  }
  const file = what === 'search' ? 'search-posts.json' : 'get-post-thread.json';
  const body = fixtureText('bluesky', file);
  const data = JSON.parse(body);
  let posts = data.posts;
  if (what === 'thread') {
    posts = [];
    for (let parent = data.thread.parent; parent?.post; parent = parent.parent) posts.unshift(parent.post);
    const walk = (node) => { if (node?.post) posts.push(node.post); (node?.replies ?? []).forEach(walk); };
    walk(data.thread);
  }
  const hrefs = posts.map((p) => `/profile/${p.author.handle}`);
  const method = what === 'search' ? 'app.bsky.feed.searchPosts' : 'app.bsky.feed.getPostThread';
  return { pageUrl: what === 'search' ? 'https://bsky.app/search?q=sample' : `https://bsky.app/profile/${data.thread.post.author.handle}/post/3kthread10`,
    hrefs, verdicts: verdicts(body, `https://public.api.bsky.app/xrpc/${method}`) };
}

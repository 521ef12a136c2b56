/*
 * What the badge should say, from the core itself (the release wasm through js-glue/node.js) reading the same
 * fixture files the browser is served: the tests follow the model as it changes instead of hard-coding it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCore } from '../../../js-glue/node.js';
import { answer, root } from './fixture-sites.js';
import { extensionPlatforms } from '../../node/helpers.js';

const fixture = (platform, file) => fs.readFileSync(path.join(root, 'tests', 'fixtures', platform, file), 'utf8');

const X_PROFILE_URL = 'https://x.com/i/api/graphql/Fx1Example0Query/UserByScreenName';

/** The core's account for the X profile <handle>, as the page's UserByScreenName response shows it. */
export async function xProfile(handle) {
  const core = await loadCore();
  const report = core.score(fixture('x', `UserByScreenName_${handle}.json`), { url: X_PROFILE_URL });
  const account = report.accounts.find((a) => a.seen === 'profile' && a.handle.toLowerCase() === handle);
  if (!account) throw new Error(`the core finds no profile ${handle} in its fixture: ${report.message}`);
  return account;
}

/** The core's account for the X profile the fixture site `sites` serves under <handle>, generated ones included. */
export async function xServedProfile(sites, handle) {
  const variables = encodeURIComponent(JSON.stringify({ screen_name: handle }));
  const report = (await loadCore()).score(answer(sites, `${X_PROFILE_URL}?variables=${variables}`).body, { url: X_PROFILE_URL });
  return report.accounts.find((a) => a.seen === 'profile');
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

/**
 * The core's audience estimate from the X followers list of <handle> (its first `keep` followers), read after
 * the profile response of <page> as the extension gives them (the followers page fetches its profile first),
 * and after that profile's posts (UserTweets_<page>.json) when `posts` says the page showed them.
 */
export async function xFollowerAudit(handle, keep = Infinity, page = handle, { posts = false } = {}) {
  const core = await loadCore();
  const base = 'https://x.com/i/api/graphql/Fx1Example0Query';
  const lines = [JSON.stringify({ url: `${base}/UserByScreenName`, body: fixture('x', `UserByScreenName_${page}.json`) }),
    ...(posts ? [JSON.stringify({ url: `${base}/UserTweets`, body: fixture('x', `UserTweets_${page}.json`) })] : []),
    JSON.stringify({ url: `${base}/Followers`, body: xFollowersBody(handle, keep) })];
  const report = core.audit(lines.join('\n'), {});
  if (report.status !== 'ok') throw new Error(`the core estimates no audience for ${handle}: ${report.message}`);
  return report.audit;
}

// The badge's words per verdict of the core; "uncertain" (p(fake) in the model's middle band) is never "likely fake".
export const VERDICT_WORDS = { real: '✓ likely real', inactive: '◌ likely inactive', uncertain: '? uncertain', fake: '⚠ likely fake' };

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

// ---- every platform: what the page captures for a profile, and what the core makes of it ----------------

const embedded = (file, pattern) => {
  const m = pattern.exec(fixture(...file));
  if (!m) throw new Error(`no embedded data in ${file.join('/')}`);
  return m[0];
};

// Every platform, in the order of the extension's own list (extension/common/sites.js).
export const PLATFORMS = extensionPlatforms();

// Per platform: the profile page's URL, the capture the page world posts for it (url, body), and the
// followers page with its capture, where the platform lists followers. Mirrors the fixture sites.
export const PLATFORM_PAGES = {
  x: {
    profileUrl: (h) => `https://x.com/${h}`,
    profileCapture: (h) => ({ url: X_PROFILE_URL, body: fixture('x', `UserByScreenName_${h}.json`) }),
    followersUrl: (h) => `https://x.com/${h}/followers`,
    followersCapture: (h) => ({ url: 'https://x.com/i/api/graphql/Fx1Example0Query/Followers', body: fixture('x', `Followers_${h}.json`) }),
    navigateTo: 'a[href="/dealfinder4821"]',
  },
  instagram: {
    profileUrl: (h) => `https://www.instagram.com/${h}/`,
    profileCapture: (h) => ({ url: `https://www.instagram.com/graphql/query?username=${h}`, body: fixture('instagram', `page-profile-${h}.json`) }),
    followersUrl: (h) => `https://www.instagram.com/${h}/followers/`,
    followersCapture: (h) => {
      const pk = JSON.parse(fixture('instagram', `page-profile-${h}.json`)).data.user.pk;
      return { url: `https://www.instagram.com/api/v1/friendships/${pk}/followers/?count=12`, body: fixture('instagram', `page-followers-${pk}.json`) };
    },
    navigateTo: 'a[href="/dealfinder4821/"]',
  },
  tiktok: {
    profileUrl: (h) => `https://www.tiktok.com/@${h}`,
    profileCapture: (h) => ({ url: `https://www.tiktok.com/@${h}`,
      body: embedded(['tiktok', `page-profile-${h}.html`], /<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__"[^>]*>[\s\S]*?<\/script>/) }),
    navigateTo: 'a[href="/@dealfinder4821"]',
  },
  youtube: {
    profileUrl: (h) => `https://www.youtube.com/@${h}`,
    profileCapture: (h) => ({ url: `https://www.youtube.com/@${h}`,
      body: embedded(['youtube', `page-channel-${h}.html`], /<script nonce="fixture">var ytInitialData[\s\S]*?<\/script>/) }),
    navigateTo: 'a[href="/@dealfinder4821"]',
  },
  bluesky: {
    profileUrl: (h) => `https://bsky.app/profile/${h}.bsky.social`,
    profileCapture: (h) => ({ url: `https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=${h}.bsky.social`,
      body: fixture('bluesky', `page-getProfile-${h}.bsky.social.json`) }),
    followersUrl: (h) => `https://bsky.app/profile/${h}.bsky.social/followers`,
    followersCapture: (h) => ({ url: `https://public.api.bsky.app/xrpc/app.bsky.graph.getFollowers?actor=${h}.bsky.social&limit=50`,
      body: fixture('bluesky', `page-getFollowers-${h}.bsky.social.json`) }),
    navigateTo: 'a[href="/profile/dealfinder4821.bsky.social"]',
  },
  mastodon: {
    profileUrl: (h) => `https://mastodon.example/@${h}`,
    profileCapture: (h) => ({ url: `https://mastodon.example/api/v1/accounts/lookup?acct=${h}`, body: fixture('mastodon', `page-lookup-${h}.json`) }),
    followersUrl: (h) => `https://mastodon.example/@${h}/followers`,
    followersCapture: (h) => {
      const { id } = JSON.parse(fixture('mastodon', `page-lookup-${h}.json`));
      return { url: `https://mastodon.example/api/v1/accounts/${id}/followers?limit=40`, body: fixture('mastodon', `page-followers-${id}.json`) };
    },
    navigateTo: 'a[href="/@dealfinder4821"]',
  },
};

/** The core's profile account for <handle> on <platform> from the capture its page makes; null when unread. */
export async function platformProfile(platform, handle) {
  const core = await loadCore();
  const { url, body } = PLATFORM_PAGES[platform].profileCapture(handle);
  const report = core.score(body, { url, lang: 'en' });
  return (report.accounts ?? []).find((a) => a.seen === 'profile' && a.platform === platform) ?? null;
}

/** The core's audience estimate from <handle>'s followers page on <platform>, or null when it gives none. */
export async function platformAudit(platform, handle) {
  const core = await loadCore();
  const report = core.audit(JSON.stringify(PLATFORM_PAGES[platform].followersCapture(handle)), { lang: 'en' });
  return report.status === 'ok' ? report.audit : null;
}

/** Why a platform's scenarios cannot run against this core, or '' when they can. */
export async function platformMissing(platform) {
  return (await platformProfile(platform, 'examplestudio'))
    ? '' : `the core on this branch reads no ${platform} responses yet (adapter_${platform}.c, branch adapters)`;
}

// ---- in-app navigation: TikTok and YouTube move to a profile whose data the page fetches ------------------

/**
 * Per platform: the page to start on, the link its web app follows in-app, the profile it goes to, the
 * request the app makes for it (a pattern over page.requests) and the response it gets (the fixture file and
 * the URL the page world reports it under). Mirrors scripts/fixtures/page-fixtures.mjs and the fixture sites.
 */
export const IN_APP = {
  tiktok: {
    start: 'https://www.tiktok.com/@examplestudio',
    link: 'a[data-nav]',
    handle: () => JSON.parse(fixture('tiktok', tiktokApiFile())).userInfo.user.uniqueId,
    fetched: /^https:\/\/www\.tiktok\.com\/api\/user\/detail\/\?/,
    capture: () => ({ url: `https://www.tiktok.com/api/user/detail/?aid=1988&app_language=en&uniqueId=${IN_APP.tiktok.handle()}`,
      body: fixture('tiktok', tiktokApiFile()) }),
  },
  youtube: {
    start: 'https://www.youtube.com/@examplestudio',
    link: 'a[data-nav]',
    handle: () => JSON.parse(fixture('youtube', 'browse-channel-page-header.json')).header.pageHeaderRenderer.content
      .pageHeaderViewModel.metadata.contentMetadataViewModel.metadataRows[0].metadataParts[0].text.content.replace(/^@/, ''),
    fetched: /^https:\/\/www\.youtube\.com\/youtubei\/v1\/browse\?/,
    capture: () => ({ url: 'https://www.youtube.com/youtubei/v1/browse?prettyPrint=false', body: fixture('youtube', 'browse-channel-page-header.json') }),
  },
};
function tiktokApiFile() {
  const files = fs.readdirSync(path.join(root, 'tests', 'fixtures', 'tiktok')).filter((f) => /^api-user-detail-.+\.json$/.test(f));
  if (files.length !== 1) throw new Error(`expected one TikTok /api/user/detail/ fixture, found ${files.length}`);
  return files[0];
}

/** The core's account for the profile the in-app navigation of <platform> fetches, from that response alone. */
export async function inAppProfile(platform) {
  const core = await loadCore();
  const { url, body } = IN_APP[platform].capture();
  const report = core.score(body, { url, lang: 'en' });
  const account = (report.accounts ?? []).find((a) => a.seen === 'profile' && a.platform === platform);
  if (!account) throw new Error(`the core finds no ${platform} profile in the fetched response: ${report.message}`);
  return account;
}

// ---- two Mastodon instances, one handle: the local alice of mastodon.example and of fedi.example -----------

/**
 * The core's audience estimate of <instance>'s own alice from her followers page, read after her lookup as the
 * extension gives them (scripts/fixtures/page-fixtures.mjs writes fedi.example's files in the folder fedi.example/).
 */
export async function mastodonAliceAudit(instance) {
  const dir = instance === 'mastodon.example' ? '' : `${instance}/`;
  const lookup = fixture('mastodon', `${dir}page-lookup-alice.json`);
  const { id } = JSON.parse(lookup);
  const lines = [JSON.stringify({ url: `https://${instance}/api/v1/accounts/lookup?acct=alice`, body: lookup }),
    JSON.stringify({ url: `https://${instance}/api/v1/accounts/${id}/followers?limit=40`, body: fixture('mastodon', `${dir}page-followers-${id}.json`) })];
  const report = (await loadCore()).audit(lines.join('\n'), { lang: 'en' });
  if (report.status !== 'ok') throw new Error(`the core estimates no audience for alice on ${instance}: ${report.message}`);
  return { audit: report.audit, lookup: JSON.parse(lookup) };
}

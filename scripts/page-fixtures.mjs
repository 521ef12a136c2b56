#!/usr/bin/env node
// Writes the fixture responses and pages the end-to-end tests and the demo serve for Instagram, TikTok,
// YouTube, Bluesky and Mastodon (tests/fixtures/<platform>/page-*; X has recorded ones, see tests/fixtures/x).
// The responses have the shapes and field sets of the platforms' real responses (../shared/docs/platforms.md,
// and the anonymised recordings under tests/fixtures/<platform>/), filled with made-up accounts from a seeded
// generator: no real person's name, handle, id, text or image. Deterministic: re-running it changes nothing.
//
// Each platform gets two profiles, "examplestudio" (an established account with an ordinary audience) and
// "dealfinder4821" (a new, empty, mass-following account), and where the platform serves follower lists, the
// first page of each one's followers (dealfinder4821's is empty). On Bluesky and Mastodon examplestudio also
// has posts, among them reposts of three other accounts' posts (the post authors the page links to). On
// Mastodon, two instances each have a local account "alice" of their own (a second made-up instance, fedi.example).
//
// The TikTok and YouTube pages also navigate in-app, as those web apps do, to a third profile whose data the
// page does not embed: TikTok fetches it from /api/user/detail/ (written here from the anonymised recording
// tests/fixtures/tiktok/sigi-state-profile.html, in the shape of TikTok's current response), YouTube from
// /youtubei/v1/browse (served as the anonymised recording tests/fixtures/youtube/browse-channel-page-header.json)
// and hands it over with its yt-navigate-finish event; Back draws the first profile again from memory.
//
//   node scripts/page-fixtures.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOW = Date.UTC(2026, 7, 1) / 1000; // fixtures are as of August 2026
const FOLLOWERS = 40;

// A small seeded generator (mulberry32), so every run writes the same bytes.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20260801);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const digits = (n) => Array.from({ length: n }, (_, i) => (i === 0 ? int(1, 9) : int(0, 9))).join('');
const iso = (unix) => new Date(unix * 1000).toISOString();

const FIRST = ['Alex', 'Sam', 'Robin', 'Kim', 'Noa', 'Jules', 'Ari', 'Mika', 'Lou', 'Eli', 'Sasha', 'Remy'];
const TOPICS = ['Photography', 'Cycling', 'Ceramics', 'Coffee', 'Birding', 'Typography', 'Gardening', 'Jazz'];

// The profiles every platform shows; the counts are the platform-neutral truth the pages print.
const PROFILES = {
  examplestudio: {
    name: 'Example Studio', bio: 'A small design studio. Posters, type and the odd zine.', followers: 12840,
    following: 312, posts: 1460, likes: 5210, created: Date.UTC(2013, 11, 14) / 1000, lastPost: NOW - 2 * 86400,
    avatar: true, verified: false,
  },
  dealfinder4821: {
    name: 'dealfinder4821', bio: '', followers: 3, following: 4980, posts: 0, likes: 0,
    created: NOW - 9 * 86400, lastPost: null, avatar: false, verified: false,
  },
};

// An audience: most followers ordinary (`ordinary` of them), some quiet, some empty shells.
function makeFollowers(prefix, ordinary = 0.7) {
  return Array.from({ length: FOLLOWERS }, (_, i) => {
    const kind = rand() < ordinary ? 'ordinary' : rand() < 0.5 ? 'quiet' : 'shell';
    const created = NOW - (kind === 'shell' ? int(2, 60) : int(200, 4000)) * 86400;
    return {
      handle: `${prefix}${String(i).padStart(3, '0')}`,
      name: kind === 'shell' ? '' : `${pick(FIRST)} ${String.fromCharCode(65 + int(0, 25))}.`,
      bio: kind === 'ordinary' ? `${pick(TOPICS)} and ${pick(TOPICS).toLowerCase()}.` : '',
      followers: kind === 'shell' ? int(0, 3) : int(20, 900),
      following: kind === 'shell' ? int(800, 5000) : int(30, 600),
      posts: kind === 'ordinary' ? int(40, 3000) : kind === 'quiet' ? int(0, 5) : 0,
      created,
      lastPost: kind === 'ordinary' ? NOW - int(1, 60) * 86400 : kind === 'quiet' ? created + int(1, 30) * 86400 : null,
      avatar: kind !== 'shell',
      private: rand() < 0.15,
    };
  });
}

const write = (platform, file, data) => {
  const target = path.join(root, 'tests', 'fixtures', platform, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, typeof data === 'string' ? data : JSON.stringify(data, null, 1) + '\n');
};

// ---- Instagram: PolarisProfilePageContentQuery and /api/v1/friendships/<pk>/followers/ ------------------
const IG_DEFAULT_AVATAR = 'https://instagram.example.invalid/v/t51.2885-19/464760996_1254146839119862_3605321457742435801_n.png';
function igUser(p, pk) {
  return {
    pk, id: pk, username: p.handle, full_name: p.name, is_private: Boolean(p.private), is_verified: Boolean(p.verified),
    profile_pic_url: p.avatar ? `https://instagram.example.invalid/v/t51.2885-19/${digits(9)}_n.jpg` : IG_DEFAULT_AVATAR,
    has_anonymous_profile_picture: !p.avatar,
  };
}
for (const [handle, p] of Object.entries(PROFILES)) {
  const pk = digits(11);
  const user = { ...igUser({ ...p, handle }, pk), friendship_status: null, biography: p.bio, bio_links: [], external_url: null,
    hd_profile_pic_url_info: { url: p.avatar ? `https://instagram.example.invalid/v/t51.2885-19/${digits(9)}_hd.jpg` : IG_DEFAULT_AVATAR },
    follower_count: p.followers, following_count: p.following, media_count: p.posts, account_type: 3, category: null,
    is_business: false, mutual_followers_count: 0, latest_reel_media: 0 };
  write('instagram', `page-profile-${handle}.json`, { data: { user }, extensions: { is_final: true }, status: 'ok' });
  const followers = handle === 'examplestudio' ? makeFollowers('ig_follower') : [];
  write('instagram', `page-followers-${pk}.json`, {
    users: followers.map((f) => ({ ...igUser(f, digits(11)), pk_id: undefined, account_badges: [], latest_reel_media: 0, is_favorite: false })),
    big_list: followers.length > 0, page_size: 12, next_max_id: followers.length ? '12' : null, has_more: followers.length > 0,
    should_limit_list_of_followers: false, status: 'ok',
  });
}

// ---- TikTok: the profile page with its rehydration JSON, and /api/user/detail/ for in-app navigation -----
// The user and stats of the anonymised recording, as /api/user/detail/ answers today: {userInfo: {user, stats,
// statsV2}} with TikTok's status fields beside it; statsV2 holds the same counts as strings.
const TIKTOK_API = (() => {
  const page = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'tiktok', 'sigi-state-profile.html'), 'utf8');
  const sigi = JSON.parse(/<script id="SIGI_STATE"[^>]*>([\s\S]*?)<\/script>/.exec(page)[1]);
  const handle = sigi.UserPage?.uniqueId ?? Object.keys(sigi.UserModule.users)[0];
  const user = sigi.UserModule.users[handle];
  const { needFix, ...stats } = sigi.UserModule.stats[handle];
  const statsV2 = Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, String(v)]));
  return { handle, body: { extra: { fatal_item_ids: [], logid: '20260801000000EXAMPLE0000000000', now: NOW * 1000 },
    log_pb: { impr_id: '20260801000000EXAMPLE0000000000' }, shareMeta: { desc: '', title: `${user.nickname} on TikTok` },
    statusCode: 0, status_code: 0, status_msg: '', userInfo: { stats, statsV2, user } } };
})();
write('tiktok', `api-user-detail-${TIKTOK_API.handle}.json`, TIKTOK_API.body);
for (const [handle, p] of Object.entries(PROFILES)) {
  const user = { id: digits(19), shortId: '', uniqueId: handle, nickname: p.name, avatarLarger: p.avatar
    ? `https://tiktok.example.invalid/avt/${digits(8)}_1080x1080.jpeg` : 'https://tiktok.example.invalid/avt/default-avatar.png',
  signature: p.bio, createTime: p.created, verified: p.verified, secUid: `MS4wLjABAAAA_${digits(12)}`, bioLink: undefined,
  privateAccount: false, secret: false, openFavorite: false, commentSetting: 0 };
  const stats = { followerCount: p.followers, followingCount: p.following, heart: p.likes * 9, heartCount: p.likes * 9,
    videoCount: p.posts, diggCount: p.likes, friendCount: 12 };
  const statsV2 = Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, String(v)]));
  const data = { __DEFAULT_SCOPE__: { 'webapp.app-context': { language: 'en' }, 'webapp.user-detail': { statusCode: 0, statusMsg: '',
    userInfo: { user, stats, statsV2, itemList: [] }, shareMeta: { title: `${p.name} on TikTok` } } } };
  write('tiktok', `page-profile-${handle}.html`, tiktokPage(handle, p, data));
}
function tiktokPage(handle, p, data) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const compact = (n) => new Intl.NumberFormat('en', { notation: 'compact' }).format(n);
  return `<!doctype html>
<!-- A TikTok-like profile page (made-up account, written by scripts/page-fixtures.mjs): TikTok embeds the
     profile as JSON in script#__UNIVERSAL_DATA_FOR_REHYDRATION__ and draws the name in [data-e2e="user-title"]. -->
<html lang="en"><head><meta charset="utf-8"><title>${p.name} (@${handle}) | TikTok</title>
<style>body{margin:0;font:15px/1.4 system-ui,sans-serif;background:#fff;color:#161823}.top{padding:12px 24px;font-weight:800;font-size:22px;border-bottom:1px solid #eee}
main{max-width:900px;margin:24px auto;padding:0 24px}.profile{display:flex;gap:24px}.avatar{width:116px;height:116px;border-radius:50%;background:#c7d2d9}
h1{font-size:28px;margin:0;font-weight:700}h2{font-size:17px;font-weight:600;margin:4px 0}.counts strong{margin-left:12px}.counts strong:first-child{margin-left:0}a{color:#fe2c55}</style>
<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${json}</script></head>
<body><div id="app"><header class="top">TikTok</header><main><div class="profile">
<div class="avatar" aria-hidden="true"></div><div>
<div class="title-row"><h1 data-e2e="user-title">${handle}</h1></div>
<h2 data-e2e="user-subtitle">${p.name}</h2>
<p class="counts"><strong data-e2e="following-count">${compact(p.following)}</strong> Following
<strong data-e2e="followers-count">${compact(p.followers)}</strong> Followers
<strong data-e2e="likes-count">${compact(p.likes * 9)}</strong> Likes</p>
<h2 data-e2e="user-bio">${p.bio || 'No bio yet.'}</h2>
<nav><a href="/@examplestudio">examplestudio</a> · <a href="/@dealfinder4821">dealfinder4821</a> ·
<a href="/@${TIKTOK_API.handle}" data-nav>${TIKTOK_API.handle}</a></nav>
</div></div></main></div>
<script>
  // In-app navigation as TikTok's web app does it: a data-nav link changes the URL with history.pushState and
  // fetches the profile from /api/user/detail/; Back draws a profile already seen from memory.
  'use strict';
  (() => {
    const embedded = JSON.parse(document.getElementById('__UNIVERSAL_DATA_FOR_REHYDRATION__').textContent);
    const seen = new Map();
    const first = embedded.__DEFAULT_SCOPE__['webapp.user-detail'].userInfo;
    seen.set(first.user.uniqueId, first);
    const compact = (n) => new Intl.NumberFormat('en', { notation: 'compact' }).format(Number(n));
    const set = (selector, text) => { document.querySelector(selector).textContent = text; };
    function draw(info) {
      const title = document.querySelector('[data-e2e="user-title"]');
      const fresh = title.cloneNode(false); // a new heading: the old one goes, with its contents
      fresh.textContent = info.user.uniqueId;
      title.replaceWith(fresh);
      set('[data-e2e="user-subtitle"]', info.user.nickname);
      set('[data-e2e="following-count"]', compact(info.stats.followingCount));
      set('[data-e2e="followers-count"]', compact(info.stats.followerCount));
      set('[data-e2e="likes-count"]', compact(info.stats.heartCount));
      set('[data-e2e="user-bio"]', info.user.signature || 'No bio yet.');
      document.title = \`\${info.user.nickname} (@\${info.user.uniqueId}) | TikTok\`;
    }
    async function show(handle) {
      if (!seen.has(handle)) {
        const response = await fetch(\`/api/user/detail/?aid=1988&app_language=en&uniqueId=\${encodeURIComponent(handle)}\`);
        const data = await response.json();
        if (data.statusCode !== 0) return;
        seen.set(handle, data.userInfo);
      }
      if (location.pathname === \`/@\${handle}\`) draw(seen.get(handle));
    }
    document.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-nav]');
      if (!link) return;
      event.preventDefault();
      history.pushState(null, '', link.getAttribute('href'));
      show(link.getAttribute('href').slice(2));
    });
    window.addEventListener('popstate', () => show(location.pathname.slice(2)));
  })();
</script></body></html>
`;
}

// ---- YouTube: the channel page with ytInitialData (the current page header), and in-app navigation -------
// The channel in-app navigation goes to: the anonymised recording of a /youtubei/v1/browse response.
const YOUTUBE_BROWSE = (() => {
  const data = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'youtube', 'browse-channel-page-header.json'), 'utf8'));
  const rows = data.header.pageHeaderRenderer.content.pageHeaderViewModel.metadata.contentMetadataViewModel.metadataRows;
  return { handle: rows[0].metadataParts[0].text.content.replace(/^@/, ''), browseId: data.metadata.channelMetadataRenderer.externalId,
    name: data.metadata.channelMetadataRenderer.title };
})();
for (const [handle, p] of Object.entries(PROFILES)) {
  const channelId = `UC${digits(8)}ExampleChannel${handle.length}`;
  const subs = `${new Intl.NumberFormat('en', { notation: 'compact' }).format(p.followers)} subscribers`;
  const header = { pageHeaderViewModel: {
    title: { dynamicTextViewModel: { text: { content: p.name, attachmentRuns: [] } } },
    image: { decoratedAvatarViewModel: { avatar: { avatarViewModel: { image: { sources: [
      { url: `https://yt.example.invalid/${channelId}=s160`, width: 160, height: 160 }] } } } } },
    metadata: { contentMetadataViewModel: { metadataRows: [
      { metadataParts: [{ text: { content: `@${handle}` } }] },
      { metadataParts: [{ text: { content: subs } }, { text: { content: `${p.posts} videos` } }] }] } },
    description: { descriptionPreviewViewModel: { description: { content: p.bio } } },
  } };
  const data = {
    responseContext: { mainAppWebResponseContext: { loggedOut: true }, webResponseContextExtensionData: { hasDecorated: true } },
    header: { pageHeaderRenderer: { pageTitle: p.name, content: header } },
    metadata: { channelMetadataRenderer: { title: p.name, description: p.bio, externalId: channelId,
      vanityChannelUrl: `http://www.youtube.com/@${handle}`, channelUrl: `https://www.youtube.com/channel/${channelId}` } },
    topbar: { desktopTopbarRenderer: { topbarButtons: [] } },
  };
  write('youtube', `page-channel-${handle}.html`, youtubePage(handle, p, data, subs));
}
function youtubePage(handle, p, data, subs) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html>
<!-- A YouTube-like channel page (made-up channel, written by scripts/page-fixtures.mjs): YouTube assigns
     ytInitialData in an inline script and draws the channel name as #page-header h1. -->
<html lang="en"><head><meta charset="utf-8"><title>${p.name} - YouTube</title>
<style>body{margin:0;font:14px/1.4 Roboto,system-ui,sans-serif;background:#fff;color:#0f0f0f}#masthead{padding:14px 24px;font-weight:700;font-size:20px}
#page-header{max-width:1100px;margin:0 auto;padding:0 24px}.banner{height:160px;border-radius:12px;background:linear-gradient(110deg,#e3e8ee,#b8c6d6)}
.head{display:flex;gap:20px;margin-top:16px}.avatar{width:160px;height:160px;border-radius:50%;background:#cfd8dc;flex:none}
h1{font-size:36px;margin:0;font-weight:700}.meta{color:#606060;margin:6px 0}a{color:#065fd4}</style></head>
<body><ytd-app><div id="masthead">YouTube</div><div id="page-header"><div class="banner"></div>
<div class="head"><div class="avatar" aria-hidden="true"></div><div>
<h1 class="dynamic-text-view-model-wiz__h1"><span>${p.name}</span></h1>
<p class="meta">@${handle} · ${subs} · ${p.posts} videos</p><p class="meta">${p.bio || ''}</p>
<nav><a href="/@examplestudio">Example Studio</a> · <a href="/@dealfinder4821">dealfinder4821</a> ·
<a href="/@${YOUTUBE_BROWSE.handle}" data-nav data-browse-id="${YOUTUBE_BROWSE.browseId}">${YOUTUBE_BROWSE.name}</a></nav>
</div></div></div></ytd-app>
<script nonce="fixture">var ytInitialData = ${json};</script>
<script nonce="fixture">
  // In-app navigation as YouTube's web app does it: yt-navigate-start, the channel from /youtubei/v1/browse,
  // history.pushState, the header drawn again, then yt-navigate-finish carrying {response: {page, endpoint,
  // response, url}}. Back draws a channel already seen from memory and hands its data over the same way.
  'use strict';
  (() => {
    const app = document.querySelector('ytd-app');
    const seen = new Map([[location.pathname, { page: 'browse', endpoint: { browseEndpoint: { canonicalBaseUrl: location.pathname } },
      response: window.ytInitialData, url: location.pathname }]]);
    const fire = (type, detail) => app.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
    function draw(data) {
      const header = data.header.pageHeaderRenderer.content.pageHeaderViewModel;
      const rows = header.metadata.contentMetadataViewModel.metadataRows;
      const title = document.querySelector('#page-header h1');
      const fresh = title.cloneNode(false); // a new heading: the old one goes, with its contents
      fresh.append(Object.assign(document.createElement('span'), { textContent: header.title.dynamicTextViewModel.text.content }));
      title.replaceWith(fresh);
      document.querySelector('#page-header .meta').textContent = rows.map((r) => r.metadataParts.map((m) => m.text.content).join(' · ')).join(' · ');
      document.title = \`\${data.metadata.channelMetadataRenderer.title} - YouTube\`;
    }
    async function go(path, browseId) {
      fire('yt-navigate-start', { url: path });
      if (!seen.has(path)) {
        const response = await fetch('/youtubei/v1/browse?prettyPrint=false', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ context: { client: { clientName: 'WEB', clientVersion: '2.20260801.00.00', hl: 'en' } }, browseId }) });
        seen.set(path, { page: 'browse', endpoint: { browseEndpoint: { browseId, canonicalBaseUrl: path } }, response: await response.json(), url: path });
      }
      const entry = seen.get(path);
      if (location.pathname !== path) history.pushState(null, '', path);
      draw(entry.response);
      fire('yt-navigate-finish', { pageType: 'browse', endpoint: entry.endpoint, response: entry });
    }
    document.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-nav]');
      if (!link) return;
      event.preventDefault();
      go(link.getAttribute('href'), link.dataset.browseId);
    });
    window.addEventListener('popstate', () => go(location.pathname));
  })();
</script>
</body></html>
`;
}

// ---- Bluesky: getProfile and getFollowers from the public app view ---------------------------------------
const bskyHandle = (h) => `${h}.bsky.social`;
function bskyProfile(p, handle, withCounts) {
  const did = `did:plc:${digits(12)}example${handle.length}`;
  const profile = { did, handle: bskyHandle(handle), displayName: p.name, description: p.bio || undefined,
    avatar: p.avatar ? `https://cdn.bsky.example.invalid/img/avatar/plain/${did}/${digits(6)}@jpeg` : undefined,
    associated: { lists: 0, feedgens: 0, starterPacks: 0, labeler: false }, labels: [],
    createdAt: iso(p.created), indexedAt: iso(p.created + 3600),
    verification: { verifications: [], verifiedStatus: 'none', trustedVerifierStatus: 'none' } };
  if (withCounts) Object.assign(profile, { followersCount: p.followers, followsCount: p.following, postsCount: p.posts });
  return profile;
}
for (const [handle, p] of Object.entries(PROFILES)) {
  const profile = bskyProfile(p, handle, true);
  write('bluesky', `page-getProfile-${bskyHandle(handle)}.json`, profile);
  const followers = handle === 'examplestudio' ? makeFollowers('follower') : [];
  const subject = { ...profile };
  delete subject.followersCount; delete subject.followsCount; delete subject.postsCount;
  write('bluesky', `page-getFollowers-${bskyHandle(handle)}.json`, {
    subject, followers: followers.map((f) => bskyProfile(f, f.handle, false)), ...(followers.length ? { cursor: '3m2example' } : {}),
  });
}

// ---- Mastodon: accounts/lookup and accounts/:id/followers on the instance mastodon.example ---------------
const INSTANCE = 'mastodon.example';
function mastodonAccount(p, handle, remote, instance = INSTANCE) {
  const id = `1${digits(17)}`;
  const acct = remote ? `${handle}@${pick(['social.example.net', 'toot.example.org', 'fedi.example.com'])}` : handle;
  return { id, username: handle, acct, display_name: p.name, locked: Boolean(p.private), bot: false, discoverable: true,
    group: false, created_at: iso(Math.floor(p.created / 86400) * 86400), note: p.bio ? `<p>${p.bio}</p>` : '',
    url: `https://${instance}/@${acct}`, uri: `https://${instance}/users/${handle}`,
    avatar: p.avatar ? `https://files.${instance}/accounts/avatars/${id}/original/a.png` : `https://${instance}/avatars/original/missing.png`,
    avatar_static: p.avatar ? `https://files.${instance}/accounts/avatars/${id}/original/a.png` : `https://${instance}/avatars/original/missing.png`,
    header: `https://${instance}/headers/original/missing.png`, header_static: `https://${instance}/headers/original/missing.png`,
    followers_count: p.followers, following_count: p.following, statuses_count: p.posts,
    last_status_at: p.lastPost ? iso(p.lastPost).slice(0, 10) : null, hide_collections: false, noindex: false, emojis: [], roles: [], fields: [] };
}
const mastodonProfiles = {};
for (const [handle, p] of Object.entries(PROFILES)) {
  const account = mastodonAccount(p, handle, false);
  mastodonProfiles[handle] = account;
  write('mastodon', `page-lookup-${handle}.json`, account);
  const followers = handle === 'examplestudio' ? makeFollowers('fan') : [];
  write('mastodon', `page-followers-${account.id}.json`, followers.map((f) => mastodonAccount(f, f.handle, rand() < 0.6)));
}

// ---- Post authors: examplestudio's posts on Bluesky and Mastodon, with reposts of three other accounts -----
// Bluesky's app.bsky.feed.getAuthorFeed and Mastodon's /api/v1/accounts/:id/statuses, as the profile pages
// fetch them: the profile's own posts, and posts of others it reposted (a reason on Bluesky, a reblog on
// Mastodon), whose authors the page links to. The three are an ordinary account, a quiet one and a new,
// empty one following thousands; on Mastodon one is local and two live on other instances.
const POST_AUTHORS = {
  riverlight: { name: 'Robin Hale', bio: 'Rivers, maps and long walks.', followers: 842, following: 310, posts: 2210,
    created: NOW - 2900 * 86400, lastPost: NOW - 1 * 86400, avatar: true, home: 'social.example.net' },
  quietfern: { name: 'Kim S.', bio: '', followers: 38, following: 121, posts: 3,
    created: NOW - 700 * 86400, lastPost: NOW - 640 * 86400, avatar: true, home: 'toot.example.org' },
  deals88412: { name: '', bio: '', followers: 1, following: 4200, posts: 0,
    created: NOW - 6 * 86400, lastPost: null, avatar: false, home: null },
};
// Posts, newest first: [author (null: the profile itself), hours before NOW it was posted, hours before NOW reposted].
const FEED = [[null, 5], ['riverlight', 30, 8], [null, 50], ['deals88412', 80, 60], ['quietfern', 15400, 100],
  [null, 140], ['riverlight', 200, 150]];
const postText = (k) => `${pick(TOPICS)} notes, part ${k + 1}.`;

// Bluesky: profileViewBasic authors, posts with their counts, reposts with a reasonRepost by the profile.
{
  const basic = (p, handle) => {
    const { description, associated, indexedAt, ...rest } = bskyProfile(p, handle, false);
    return { ...rest, associated: { chat: { allowIncoming: 'following' } } };
  };
  const owner = basic(PROFILES.examplestudio, 'examplestudio');
  const others = Object.fromEntries(Object.entries(POST_AUTHORS).map(([h, p]) => [h, basic(p, h)]));
  const feed = FEED.map(([who, postedHours, repostedHours], k) => {
    const author = who ? others[who] : owner;
    const posted = NOW - postedHours * 3600;
    const post = { uri: `at://${author.did}/app.bsky.feed.post/3m${digits(11)}`, cid: `bafyrei${digits(20)}example`, author,
      record: { $type: 'app.bsky.feed.post', createdAt: iso(posted), langs: ['en'], text: postText(k) },
      replyCount: int(0, 9), repostCount: int(0, 20), likeCount: int(0, 90), quoteCount: int(0, 2), indexedAt: iso(posted + 2),
      viewer: { threadMuted: false, embeddingDisabled: false }, labels: [] };
    return who ? { post, reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: owner, indexedAt: iso(NOW - repostedHours * 3600) } } : { post };
  });
  write('bluesky', `page-getAuthorFeed-${bskyHandle('examplestudio')}.json`, { feed, cursor: iso(NOW - 140 * 3600) });
}

// Mastodon: Status objects of examplestudio; a reblog is a status of its own whose `reblog` is the original.
{
  const owner = mastodonProfiles.examplestudio;
  const accountOf = (p, handle) => {
    const id = `1${digits(17)}`;
    const host = p.home ?? INSTANCE;
    const avatar = p.avatar ? `https://files.${host}/accounts/avatars/${id}/original/a.png` : `https://${host}/avatars/original/missing.png`;
    return { id, username: handle, acct: p.home ? `${handle}@${p.home}` : handle, display_name: p.name, locked: false, bot: false,
      discoverable: true, group: false, created_at: iso(Math.floor(p.created / 86400) * 86400), note: p.bio ? `<p>${p.bio}</p>` : '',
      url: `https://${host}/@${handle}`, uri: `https://${host}/users/${handle}`, avatar, avatar_static: avatar,
      header: `https://${INSTANCE}/headers/original/missing.png`, header_static: `https://${INSTANCE}/headers/original/missing.png`,
      followers_count: p.followers, following_count: p.following, statuses_count: p.posts,
      last_status_at: p.lastPost ? iso(p.lastPost).slice(0, 10) : null, hide_collections: false, noindex: false, emojis: [], roles: [], fields: [] };
  };
  const others = Object.fromEntries(Object.entries(POST_AUTHORS).map(([h, p]) => [h, accountOf(p, h)]));
  const status = (account, created, fields) => {
    const id = `11${digits(16)}`;
    const host = new URL(account.url).host;
    return { id, created_at: iso(created), in_reply_to_id: null, in_reply_to_account_id: null, sensitive: false, spoiler_text: '',
      visibility: 'public', language: 'en', uri: `https://${host}/users/${account.username}/statuses/${id}`, url: `https://${host}/@${account.username}/${id}`,
      replies_count: 0, reblogs_count: 0, favourites_count: 0, edited_at: null, content: '', reblog: null, application: null,
      account, media_attachments: [], mentions: [], tags: [], emojis: [], card: null, poll: null, ...fields };
  };
  const statuses = FEED.map(([who, postedHours, repostedHours], k) => {
    const original = status(who ? others[who] : owner, NOW - postedHours * 3600, {
      content: `<p>${postText(k)}</p>`, replies_count: int(0, 9), reblogs_count: int(0, 20), favourites_count: int(0, 90) });
    if (!who) return original;
    const reblog = status(owner, NOW - repostedHours * 3600, { reblog: original });
    return { ...reblog, uri: `${reblog.uri}/activity`, url: null, language: null };
  });
  write('mastodon', `page-statuses-${owner.id}.json`, statuses);
}

// ---- Two instances, one handle: the local account alice on mastodon.example and on fedi.example -----------
// Two different people whose acct is the same "alice", each with a first page of followers: mastodon.example's
// alice has an ordinary audience, fedi.example's one of mostly quiet and empty accounts. fedi.example's files
// are in the folder fedi.example/.
for (const [instance, ordinary, prefix] of [[INSTANCE, 0.7, 'pal'], ['fedi.example', 0.15, 'acct']]) {
  const alice = { name: instance === INSTANCE ? 'Alice M.' : 'Alice (fedi)', bio: 'Notes from the garden.', followers: instance === INSTANCE ? 1480 : 23100,
    following: 260, posts: 910, likes: 0, created: NOW - 1900 * 86400, lastPost: NOW - 3 * 86400, avatar: true, verified: false };
  const account = mastodonAccount(alice, 'alice', false, instance);
  const dir = instance === INSTANCE ? '' : `${instance}/`;
  write('mastodon', `${dir}page-lookup-alice.json`, account);
  write('mastodon', `${dir}page-followers-${account.id}.json`, makeFollowers(prefix, ordinary).map((f) => mastodonAccount(f, f.handle, rand() < 0.5, instance)));
}

console.log('page fixtures written for instagram, tiktok, youtube, bluesky, mastodon');

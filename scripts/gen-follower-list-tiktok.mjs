#!/usr/bin/env node
/*
 * The synthetic follower list of gen-follower-list.mjs as TikTok's web app shows it, for the audit-mode tests
 * on TikTok: the profile page of @crowdedstudio (its data in script#__UNIVERSAL_DATA_FOR_REHYDRATION__, 1,000
 * followers), whose followers count opens a dialog listing the followers, and /api/user/list/ (scene=67: the
 * followers) answering {userList: [{user, stats, statsV2}], total, hasMore, minCursor, statusCode}, newest
 * follower first, `count` a page (30 by default, as the web app asks), the next page asked for with the last
 * page's minCursor. The dialog asks for the next page when its list is scrolled to the end, as TikTok's does.
 *
 * Every value is invented (no real person's data): ids counted up from 7000000000000000000, handles synthNNNN,
 * names "Synthetic N", avatars on tiktok.example.invalid (the run's accounts on the default avatar). TikTok's
 * list shows each follower's counts; it shows no creation date.
 *
 *   import { TIKTOK_LIMIT, tiktokFollowersPage, tiktokListPage, tiktokProfileScript } from './gen-follower-list-tiktok.mjs'
 *   node scripts/gen-follower-list-tiktok.mjs [CURSOR [COUNT]]       prints one page
 */
import { FOLLOWER_COUNT, LIST_HANDLE, person } from './gen-follower-list.mjs';

export const TIKTOK_LIMIT = { default: 30, max: 50 };
export const TIKTOK_SEC_UID = 'MS4wLjABAAAAsynthcrowdedstudio';
export const TIKTOK_FOLLOWERS_SCENE = '67';
const FOLLOWED_BEFORE = Date.UTC(2025, 5, 1) / 1000; // the newest follow: 1 June 2025, one an hour before

/** The invented follower at position i, as TikTok's user list shows it. */
function entry(i) {
  const p = person(i);
  const id = String(7000000000000000000n + BigInt(i));
  const stats = { followerCount: p.followers, followingCount: p.following, heart: p.posts * 3, heartCount: p.posts * 3,
    videoCount: p.posts, diggCount: p.favorites, friendCount: 0 };
  return {
    user: {
      id, uniqueId: p.handle, nickname: p.name, signature: p.inRun || p.silent ? '' : 'synthetic account for tests',
      avatarLarger: p.inRun ? 'https://tiktok.example.invalid/avt/default-avatar.png' : `https://tiktok.example.invalid/avt/${id}_1080x1080.jpeg`,
      secUid: `MS4wLjABAAAAsynth${String(i).padStart(4, '0')}`, verified: p.blue, privateAccount: false, secret: false,
      relation: 0, openFavorite: false,
    },
    stats,
    statsV2: Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, String(v)])),
  };
}

/** The list page after `cursor` ('' or '0': the first), `count` followers, as /api/user/list/ answers (a string). */
export function tiktokFollowersPage({ cursor = '', count = TIKTOK_LIMIT.default } = {}) {
  const size = Math.max(1, Math.min(TIKTOK_LIMIT.max, Number(count) || TIKTOK_LIMIT.default));
  const start = /^\d+$/.test(String(cursor)) && Number(cursor) > 0 ? Math.floor((FOLLOWED_BEFORE - Number(cursor)) / 3600) + 1 : 0;
  const end = Math.min(FOLLOWER_COUNT, Math.max(0, start) + size);
  const userList = [];
  for (let i = Math.max(0, start); i < end; i++) userList.push(entry(i));
  const hasMore = end < FOLLOWER_COUNT;
  return JSON.stringify({ extra: { fatal_item_ids: [], logid: 'synthetic', now: FOLLOWED_BEFORE * 1000 }, hasMore,
    log_pb: { impr_id: 'synthetic' }, maxCursor: 0, minCursor: hasMore ? FOLLOWED_BEFORE - (end - 1) * 3600 : 0,
    statusCode: 0, status_code: 0, status_msg: '', total: FOLLOWER_COUNT, userList });
}

/** The profile's embedded data, the element as TikTok's page holds it. */
export function tiktokProfileScript() {
  const user = { id: '6900000000000000001', uniqueId: LIST_HANDLE, nickname: 'Crowded Studio', signature: 'Synthetic profile for tests.',
    avatarLarger: 'https://tiktok.example.invalid/avt/crowded_1080x1080.jpeg', secUid: TIKTOK_SEC_UID, verified: false,
    privateAccount: false, createTime: 0 };
  const stats = { followerCount: FOLLOWER_COUNT, followingCount: 120, heart: 40000, heartCount: 40000, videoCount: 85, diggCount: 300 };
  const data = { __DEFAULT_SCOPE__: { 'webapp.user-detail': { statusCode: 0, userInfo: { user, stats,
    statsV2: Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, String(v)])) } } } };
  return `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${JSON.stringify(data)}</script>`;
}

/** The profile page: its followers count opens the followers dialog, which reads /api/user/list/ page by page. */
export function tiktokListPage() {
  return `<!doctype html>
<!-- A TikTok-like profile page with 1,000 invented followers (scripts/gen-follower-list-tiktok.mjs): the followers
     count opens a dialog, which reads /api/user/list/ (scene=67) and asks for the next page at the end of its list. -->
<html lang="en"><head><meta charset="utf-8"><title>Crowded Studio (@${LIST_HANDLE}) | TikTok</title>
<style>body{margin:0;font:15px/1.4 system-ui,sans-serif;background:#fff;color:#161823}main{max-width:900px;margin:24px auto;padding:0 24px}
h1{font-size:28px;margin:0}.counts strong{margin-left:12px}[role=dialog]{position:fixed;top:10%;left:30%;width:40%;background:#fff;border:1px solid #ccc;border-radius:8px}
.scroller{height:320px;overflow-y:auto}.scroller li{padding:8px 12px;list-style:none}a{color:#161823}</style>
${tiktokProfileScript()}</head>
<body><main><h1 data-e2e="user-title">${LIST_HANDLE}</h1><h2 data-e2e="user-subtitle">Crowded Studio</h2>
<p class="counts"><strong data-e2e="following-count">120</strong> Following
<span class="followers" role="button" tabindex="0"><strong data-e2e="followers-count">1000</strong> Followers</span>
<strong data-e2e="likes-count">40K</strong> Likes</p></main>
<script>
  'use strict';
  (() => {
    let dialog = null, cursor = '0', more = true, loading = false;
    async function next() {
      if (loading || !more) return;
      loading = true;
      const response = await fetch('/api/user/list/?aid=1988&count=${TIKTOK_LIMIT.default}&maxCursor=0&minCursor=' + cursor +
        '&scene=${TIKTOK_FOLLOWERS_SCENE}&secUid=${TIKTOK_SEC_UID}');
      const data = await response.json();
      const list = dialog.querySelector('ul');
      for (const { user } of data.userList ?? []) {
        const row = document.createElement('li');
        const link = Object.assign(document.createElement('a'), { href: '/@' + user.uniqueId, textContent: user.uniqueId });
        row.append(link, ' · ' + user.nickname);
        list.append(row);
      }
      more = Boolean(data.hasMore);
      cursor = String(data.minCursor);
      loading = false;
    }
    document.querySelector('.followers').addEventListener('click', () => {
      if (dialog) return;
      dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-label', 'Followers');
      dialog.innerHTML = '<h3>Followers</h3><div class="scroller"><ul></ul></div>';
      document.body.append(dialog);
      const scroller = dialog.querySelector('.scroller');
      scroller.addEventListener('scroll', () => {
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2) next();
      });
      next();
    });
  })();
</script></body></html>
`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(tiktokFollowersPage({ cursor: process.argv[2] ?? '', count: process.argv[3] }) + '\n');

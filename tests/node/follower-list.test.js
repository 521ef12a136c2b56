// The synthetic follower list the audit-mode tests page through (scripts/fixtures/gen-follower-list*.mjs): on each
// platform, following the API's own paging from the first page reaches every one of the 1,000 followers once,
// in follow order, and the list ends as the API would end it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FOLLOWER_COUNT, PAGE_SIZE, followersPage, person } from '../../scripts/fixtures/gen-follower-list.mjs';
import { BLUESKY_LIMIT, blueskyFollowersPage } from '../../scripts/fixtures/gen-follower-list-bluesky.mjs';
import { MASTODON_LIMIT, mastodonFollowersPage } from '../../scripts/fixtures/gen-follower-list-mastodon.mjs';

const handles = Array.from({ length: FOLLOWER_COUNT }, (_, i) => person(i).handle);

describe('the synthetic follower list', () => {
  it('pages through X\'s Followers timeline by the bottom cursor', () => {
    const seen = [];
    let cursor = '';
    for (let k = 0; k < FOLLOWER_COUNT / PAGE_SIZE + 1; k++) {
      const entries = JSON.parse(followersPage(cursor)).data.user.result.timeline.timeline.instructions[1].entries;
      seen.push(...entries.filter((e) => e.entryId.startsWith('user-')).map((e) => e.content.itemContent.user_results.result.core.screen_name));
      cursor = entries.find((e) => e.content.cursorType === 'Bottom').content.value;
    }
    assert.deepEqual(seen, handles);
  });

  it('pages through Bluesky\'s getFollowers by cursor, at any limit the AppView accepts, and ends without one', () => {
    for (const limit of [BLUESKY_LIMIT.default, 1, 7, BLUESKY_LIMIT.max]) {
      const seen = [];
      let cursor = '';
      for (;;) {
        const page = JSON.parse(blueskyFollowersPage({ cursor, limit }));
        seen.push(...page.followers.map((f) => f.handle.replace(/\.bsky\.social$/, '')));
        assert.ok(page.followers.length <= limit);
        if (!page.cursor) break;
        assert.match(page.cursor, /^[2-7a-z]{13}$/);
        cursor = page.cursor;
      }
      assert.deepEqual(seen, handles, `limit ${limit}`);
    }
    assert.equal(blueskyFollowersPage({ cursor: 'not-a-cursor' }), null);
    assert.equal(blueskyFollowersPage({ limit: BLUESKY_LIMIT.max + 1 }), null);
  });

  it('pages through a Mastodon followers list by the Link header\'s max_id, and the last page names no next one', () => {
    const seen = [];
    let params = {};
    let pages = 0;
    for (;;) {
      const { body, link } = mastodonFollowersPage(params, '2026-01-15');
      pages++;
      seen.push(...JSON.parse(body).map((a) => a.username));
      const next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
      if (!next) break;
      const url = new URL(next);
      assert.equal(url.origin, 'https://mastodon.example');
      params = Object.fromEntries(url.searchParams);
      assert.equal(params.limit, String(MASTODON_LIMIT.default));
    }
    assert.deepEqual(seen, handles);
    assert.equal(pages, FOLLOWER_COUNT / MASTODON_LIMIT.default + 1, 'a last, empty page after the last full one');
  });

  it('dates the Mastodon followers\' last posts back from the day the list is served', () => {
    const first = JSON.parse(mastodonFollowersPage({}, '2026-01-15').body);
    const later = JSON.parse(mastodonFollowersPage({}, '2026-03-15').body);
    const days = (a, b) => (Date.parse(b) - Date.parse(a)) / 86400000;
    for (let k = 0; k < first.length; k++) {
      if (first[k].last_status_at === null) assert.equal(later[k].last_status_at, null);
      else assert.equal(days(first[k].last_status_at, later[k].last_status_at), 59);
      assert.equal(first[k].created_at, later[k].created_at);
    }
  });
});

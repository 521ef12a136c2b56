/*
 * Who engages, beside the followers, in each browser: a post's reposts read on X, its likes on Bluesky, its
 * comments and likes on Instagram (kept with the profile and shown again in a new tab and after a reload), the
 * core's flag when the engagers look far more fake, and the popup's vetting list and export carrying it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { percentDisagrees } from './lib/expected.js';
import { POST_AUTHOR, POST_CODE } from '../fixtures/instagram/post.mjs';
import {
  BLUESKY_HANDLE, BLUESKY_LIMIT, LIST_HANDLE, PAGE_SIZE, blueskyAudit, blueskyPages, LIKED_POST_RKEY,
  REPOSTED_TWEET_ID, instagramAuditWithEngagers, listAuditWithReposters,
} from './lib/audit-mode-expected.js';
import { describesSample } from './lib/badge-probes.js';
import { auditDone, clickAuditButton, engagersSection, openPanelIn, panelPart } from './lib/audit-mode-probes.js';
import { assertEngagerRow, shareDisagrees, sleep } from './lib/audit-mode-asserts.js';
import { isFloor } from './lib/badge-asserts.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('the engagers of a profile', (session) => {
  let page;

  it('shows who engages beside the followers once a post\'s reposts were read on X, and flags them when they look far more fake', { timeout: TEST_MS }, async () => {
    const expected = await listAuditWithReposters(300);
    const e = expected.engagers;
    assert.equal(e.kinds.reposters, e.n, 'the reposters are the engagers');
    page = await session.open(`https://x.com/${LIST_HANDLE}/status/${REPOSTED_TWEET_ID}/retweets`);
    await page.waitFor(() => document.querySelectorAll('[data-testid="UserCell"]').length > 0);
    await page.waitFor(() => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= 1);
    await page.evaluate(() => document.querySelector('#view a[data-nav][href$="/followers"]').click()); // in-app, as on x.com
    await page.waitFor(describesSample, PAGE_SIZE);
    await page.waitFor(openPanelIn);
    await page.evaluate(clickAuditButton);
    await page.waitFor(auditDone);
    await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click()); // closed and opened again: drawn anew
    await page.waitFor(openPanelIn);
    const engagers = await page.evaluate(engagersSection);
    assert.ok(engagers, 'the panel has a section on who engages');
    assert.equal(engagers.sample, `Sample: ${e.n} accounts that liked, reposted or commented.`);
    assert.equal(engagers.kinds, `Accounts: 0 liked, ${e.n} reposted, 0 commented.`);
    ['real', 'inactive', 'fake'].forEach((key, k) => assertEngagerRow(engagers.rows[k], e, key));
    if (isFloor(e) && e.fake.ci90[0] > 0) {
      const [bound] = /^At least (\S+) of the engagers are fake$/.exec(engagers.headline ?? '')?.slice(1) ?? [];
      assert.equal(percentDisagrees(bound, e.fake.ci90[0]), '', `the headline gives the core's bound: ${engagers.headline}`);
    }
    // The core flags the engagers only where both sides' fake shares are known well enough to compare.
    if (e.contrast) {
      assert.equal(e.contrast, 'engagers-more-fake', 'the run\'s accounts look far more fake than the followers as a whole');
      const [shownEngagers, shownFollowers] = /: (\S+) fake against (\S+)\.$/.exec(engagers.contrast ?? '')?.slice(1) ?? [];
      assert.equal(percentDisagrees(shownEngagers, e.fake.share), '', `both numbers: ${engagers.contrast}`);
      assert.equal(percentDisagrees(shownFollowers, expected.fake.share), '', `both numbers: ${engagers.contrast}`);
    } else {
      assert.equal(engagers.contrast, null, `no flag where the core raises none (engagers ${JSON.stringify(e.fake)}, followers ${JSON.stringify(expected.fake)})`);
    }
    assert.match(await page.evaluate(panelPart, 'sample'), new RegExp(`^Sample: ${expected.n} recent followers`), 'the followers\' own sample stays theirs');
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-engagers-x.png`));

    // The vetting list flags it too, with both numbers.
    await sleep(300); // the worker's store write
    const popup = await session.openPopup();
    await popup.evaluate(() => document.getElementById('add-vetting')?.click()); // (already listed by an earlier test: no button)
    await popup.waitFor((h) => Boolean(document.querySelector(`#vetting tbody tr[data-handle="${h}"]`)), LIST_HANDLE);
    const flags = await popup.evaluate((h) => document.querySelector(`#vetting tbody tr[data-handle="${h}"] [data-part="flags"]`).textContent, LIST_HANDLE);
    if (e.contrast) {
      const [flagEngagers, flagFollowers] = /engagers far more fake: (\S+) against (\S+?)(?:;|$)/.exec(flags)?.slice(1) ?? [];
      assert.equal(percentDisagrees(flagEngagers, e.fake.share), '', `the vetting list's flag: ${flags}`);
      assert.equal(percentDisagrees(flagFollowers, expected.fake.share), '', `the vetting list's flag: ${flags}`);
    } else {
      assert.doesNotMatch(flags, /far more fake/, 'no flag in the vetting list either');
    }
    await popup.close();
  });

  it('shows who engages beside the followers once a post\'s likes were read on Bluesky', { timeout: TEST_MS }, async () => {
    const pages = blueskyPages(300 / BLUESKY_LIMIT.default);
    const expected = await blueskyAudit(pages.length, {}, { withLikes: true });
    const e = expected.engagers;
    assert.equal(e.kinds.likers, e.n, 'the likers are the engagers');
    page = await session.open(`https://bsky.app/profile/${BLUESKY_HANDLE}/post/${LIKED_POST_RKEY}/liked-by`);
    await page.waitFor(() => document.querySelectorAll('.row').length > 0);
    await page.waitFor(() => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= 2); // the profile, the likes
    await page.evaluate(() => document.querySelector('#view a[data-nav][href$="/followers"]').click()); // in-app, as on bsky.app
    await page.waitFor(describesSample, BLUESKY_LIMIT.default);
    await page.waitFor(openPanelIn);
    await page.evaluate(clickAuditButton);
    await page.waitFor(auditDone);
    await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
    await page.waitFor(openPanelIn);
    const engagers = await page.evaluate(engagersSection);
    assert.ok(engagers, 'the panel has a section on who engages');
    assert.equal(engagers.sample, `Sample: ${e.n} accounts that liked, reposted or commented.`);
    assert.equal(engagers.kinds, `Accounts: ${e.n} liked, 0 reposted, 0 commented.`);
    ['real', 'inactive', 'fake'].forEach((key, k) => assertEngagerRow(engagers.rows[k], e, key));
    if (e.contrast) assert.match(engagers.contrast ?? '', /far more fake/, 'the core\'s flag is shown');
    else assert.equal(engagers.contrast, null, 'no flag where the core raises none');
    assert.match(await page.evaluate(panelPart, 'sample'), new RegExp(`^Sample: ${expected.n} recent followers`));
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-engagers-bluesky.png`));
  });

  it('shows who engages on Instagram once a post\'s comments and likes were read, and again in a new tab of the followers page and after its reload', { timeout: TEST_MS }, async () => {
    const expected = await instagramAuditWithEngagers();
    const e = expected.engagers;
    assert.ok(e.kinds.likers > 0 && e.kinds.commenters > 0 && e.n === e.kinds.likers + e.kinds.commenters, 'the likers and the commenters are the engagers');
    const accepted = () => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted ?? 0;
    const ofFollowers = (n) => new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? '');
    // The post's page names no author: its media info does (fetched after its comments, as a slow media info comes).
    page = await session.open(`https://www.instagram.com/p/${POST_CODE}/`);
    await page.waitFor(() => document.querySelectorAll('.comment').length > 0);
    await page.waitFor((n) => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= n, 2); // comments, media info
    await page.evaluate(() => document.querySelector('#view a[href$="/liked_by/"]').click()); // in-app, as on instagram.com
    await page.waitFor(() => document.querySelectorAll('.liker').length > 0);
    await page.waitFor((n) => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= n, 4); // media info, likers
    // The top search is read like the site's other responses: a search result, never a follower or an engager.
    await page.evaluate(() => fetch('/api/v1/web/search/topsearch/?query=studio').then((r) => r.text()));
    await page.waitFor((n) => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= n, 5);
    assert.equal(await page.evaluate(accepted), 5, 'media info, comments, likers and the top search were all captured');
    await page.evaluate(() => document.querySelector('#view a[href$="/followers/"]').click());
    await page.waitFor(ofFollowers, expected.n);
    await page.waitFor(openPanelIn);
    const shown = async () => {
      const engagers = await page.evaluate(engagersSection);
      assert.ok(engagers, 'the panel has a section on who engages');
      assert.equal(engagers.sample, `Sample: ${e.n} accounts that liked, reposted or commented.`);
      assert.equal(engagers.kinds, `Accounts: ${e.kinds.likers} liked, 0 reposted, ${e.kinds.commenters} commented.`);
      // (the card model scores these entries, which show no counts: its rates may support no share, shown as "?")
      const [realShown] = /^\S+/.exec(engagers.rows[0]);
      const [fakeShown] = /^\S+/.exec(engagers.rows[2]);
      assert.equal(shareDisagrees(realShown, e.real.share), '', 'the engagers\' real share is the core\'s');
      assert.equal(shareDisagrees(fakeShown, e.fake.share), '', 'the engagers\' fake share is the core\'s');
      if (e.contrast) {
        const [shownEngagers, shownFollowers] = /: (\S+) fake against (\S+)\.$/.exec(engagers.contrast ?? '')?.slice(1) ?? [];
        assert.equal(percentDisagrees(shownEngagers, e.fake.share), '', `both numbers: ${engagers.contrast}`);
        assert.equal(percentDisagrees(shownFollowers, expected.fake.share), '', `both numbers: ${engagers.contrast}`);
      } else {
        assert.ok(!engagers.contrast, `no flag where the core gives none: ${engagers.contrast}`);
      }
      assert.match(await page.evaluate(panelPart, 'sample'), new RegExp(`^Sample: ${expected.n} recent followers`), 'the followers\' own sample stays theirs');
      return engagers;
    };
    assert.equal((await shown()).earlier, null, 'made from what this tab read');
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-engagers-instagram.png`));

    // A new tab of the followers page has read no post: the engagers estimate stored with the profile is shown again.
    page = await session.open(`https://www.instagram.com/${POST_AUTHOR}/followers/`);
    await page.waitFor(ofFollowers, expected.n);
    await page.waitFor(openPanelIn);
    assert.equal(await page.evaluate(accepted), 2, 'this tab read only the profile and its followers');
    const again = await shown();
    assert.match(again.earlier ?? '', /^From an earlier check of this profile, /, 'said to come from an earlier check');
    // And after a reload of that tab (the old document is marked, so only the new one can end the wait).
    await page.evaluate(() => { document.documentElement.dataset.replaced = 'true'; location.reload(); });
    await page.waitFor((n) => !document.documentElement.dataset.replaced &&
      new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), expected.n);
    await page.waitFor(openPanelIn);
    assert.match((await shown()).earlier ?? '', /^From an earlier check of this profile, /, 'shown again after a reload');

    // The popup and the vetting list's export carry the stored figures.
    const popup = await session.openPopup();
    const current = await popup.evaluate(() => document.querySelector('[data-part="current-engagers"]')?.textContent ?? '');
    assert.equal(shareDisagrees(/^\S+/.exec(current)?.[0], e.real.share), '', `the popup's engagers: ${current}`);
    await popup.evaluate(() => document.getElementById('add-vetting').click());
    const row = `#vetting tbody tr[data-platform="instagram"][data-handle="${POST_AUTHOR}"]`; // (examplestudio on X is listed too)
    await popup.waitFor((r) => Boolean(document.querySelector(`${r} [data-part="engagers"]`)), row);
    const flags = await popup.evaluate((r) => document.querySelector(`${r} [data-part="flags"]`).textContent, row);
    if (e.contrast) {
      const [flagEngagers, flagFollowers] = /engagers far more fake: (\S+) against (\S+?)(?:;|$)/.exec(flags)?.slice(1) ?? [];
      assert.equal(percentDisagrees(flagEngagers, e.fake.share), '', `the vetting list's flag: ${flags}`);
      assert.equal(percentDisagrees(flagFollowers, expected.fake.share), '', `the vetting list's flag: ${flags}`);
    } else {
      assert.doesNotMatch(flags, /far more fake/, `no flag where the core gives none: ${flags}`);
    }
    await popup.evaluate(() => document.getElementById('export-json').click());
    await popup.waitFor(() => document.getElementById('download').dataset.kind === 'json');
    const { rows } = JSON.parse(await popup.evaluate(async () => (await fetch(document.getElementById('download').href)).text()));
    const exported = rows.find((r) => r.platform === 'instagram' && r.handle === POST_AUTHOR);
    assert.deepEqual([exported.engagers_n, exported.engagers_real_share, exported.engagers_real_ci90_low, exported.engagers_real_ci90_high,
      exported.engagers_fake_share, exported.engagers_contrast], [e.n, e.real.share, ...e.real.ci90, e.fake.share, e.contrast], 'the export carries the core\'s engagers figures');
    assert.equal(exported.engagers_followers_fake_share, expected.fake.share, 'judged against the followers\' share of the audit that made it');
    assert.equal(exported.engagers_carried, true);
    await popup.close();
  });
});

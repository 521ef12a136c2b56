/*
 * Audit mode where the lists come from public APIs, in each browser: Bluesky's AppView paged by cursor and
 * Mastodon's list paged by its Link header, from the page itself, every request recorded (each page once, with
 * the page's origin, never a write); TikTok's followers dialog read to the sample size; and a TikTok profile
 * with no list to read.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import {
  BLUESKY_HANDLE, BLUESKY_LIMIT, LIST_HANDLE, MASTODON_LIMIT, TIKTOK_LIMIT, blueskyAudit, blueskyListProfile, blueskyPages, mastodonAudit,
  mastodonPages, tiktokAudit, tiktokPages,
} from './lib/audit-mode-expected.js';
import { badgeStateIs, describesSample } from './lib/badge-probes.js';
import { auditDone, auditStatus, clickAuditButton, openPanelIn, panelPart, progressOf } from './lib/audit-mode-probes.js';
import { WRITES, assertAudienceLabel, assertEstimate, assertReach, estimateShares, sleep } from './lib/audit-mode-asserts.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('audit mode on the other platforms', (session) => {
  let page;

  // Audit mode from the first page to the default sample, with a stop and a resume; every request recorded.
  // account: the profile the followers page reads before its list, when the badge should lead with its verdict.
  async function auditThroughApi({ followersUrl, perPage, isRead, pages, audit, stopAfter, account = null }) {
    const log = session.browser.sent;
    const from = log.length;
    page = await session.open(followersUrl);
    await page.waitFor(describesSample, perPage);
    await page.waitFor(openPanelIn);
    assert.deepEqual(await page.evaluate(progressOf), { value: perPage, max: 300 }, 'the site\'s own first page is read');

    // The progress bar advances page by page while audit mode runs, then Stop holds it.
    await page.evaluate(clickAuditButton);
    const seen = [perPage];
    const deadline = Date.now() + 60_000;
    while (seen[seen.length - 1] < stopAfter) {
      assert.ok(Date.now() < deadline, `audit mode stalled at ${seen.join(', ')}`);
      const { value } = await page.evaluate(progressOf);
      if (value !== seen[seen.length - 1]) seen.push(value);
      await sleep(40);
    }
    await page.evaluate(clickAuditButton); // Stop
    await page.waitFor(() => /^Stopped at \d+ followers/.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
    assert.ok(seen.length >= 3, `the bar moved in steps: ${seen.join(', ')}`);
    for (let k = 1; k < seen.length; k++) {
      assert.ok(seen[k] > seen[k - 1] && seen[k] % perPage === 0, `the bar moves forward a page at a time: ${seen.join(', ')}`);
    }
    // A page already asked for may still land: it is the site's answer, read like any other. The wait is for
    // every page asked for to be read, a state only their answers make (a page counted twice overshoots it).
    const readsAtStop = log.slice(from).filter((r) => isRead(r.url)).length;
    await page.waitFor((n) => Number(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-progress"]').value) >= n,
      readsAtStop * perPage);
    const stoppedAt = (await page.evaluate(progressOf)).value;
    assert.equal(stoppedAt, readsAtStop * perPage, 'every page read counts once');
    await sleep(1500); // ten pauses of the test build: nothing more is asked for
    assert.equal(log.slice(from).filter((r) => isRead(r.url)).length, readsAtStop, 'no page is asked for after Stop');
    assert.equal((await page.evaluate(progressOf)).value, stoppedAt);
    assert.equal(await page.evaluate(panelPart, 'audit-button'), 'Resume');
    assert.ok(stoppedAt < 300);

    await page.evaluate(clickAuditButton); // Resume
    await page.waitFor(auditDone);
    const expected = await audit();
    assert.deepEqual(await page.evaluate(progressOf), { value: 300, max: 300 });
    assert.equal(await page.evaluate(auditStatus), `Done: ${expected.n} followers read.`, 'the sample size n is shown');

    // The requests: the list pages chained exactly as the API pages them, each once, from the page, all reads.
    const sent = log.slice(from);
    const reads = sent.filter((r) => isRead(r.url));
    assert.deepEqual(reads.map((r) => r.url), pages.map((p) => p.url), 'each next page at the address the last one named, once each');
    assert.ok(reads.every((r) => r.method === 'GET'), 'the list is read with GET');
    assert.deepEqual(reads.map((r) => r.origin), reads.map(() => reads[0].origin), 'audit mode\'s reads carry the page\'s origin, as the site\'s own first read does');
    assert.ok(reads.every((r) => !/extension:/.test(r.origin ?? '')), 'no read comes from the extension');
    assert.deepEqual(sent.filter((r) => WRITES.includes(r.method)), [], 'no write request (POST, PUT, PATCH, DELETE) at all');

    // The estimate, its n and true reach: the core's, from the same pages after the profile's own response.
    await page.waitFor(openPanelIn);
    assertEstimate(estimateShares(await page.evaluate(panelPart, 'audit-estimate')), expected);
    assert.match(await page.evaluate(panelPart, 'sample'), new RegExp(`^Sample: ${expected.n} `), 'the panel gives n');
    // The description gives n, after what the badge's number means where that needs saying.
    assert.match(await page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('aria-description')),
      new RegExp(`(?:^|\\. )Of ${expected.n} `));
    assertAudienceLabel(await page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('aria-label')), expected, account);
    assertReach(await page.evaluate(panelPart, 'reach'), expected);
    return { expected, reads };
  }

  it('audit mode pages through a Bluesky followers list with the public AppView\'s cursor, from the page, and writes nothing', { timeout: TEST_MS }, async () => {
    const pages = blueskyPages(300 / BLUESKY_LIMIT.default);
    const { reads } = await auditThroughApi({
      followersUrl: `https://bsky.app/profile/${BLUESKY_HANDLE}/followers`,
      perPage: BLUESKY_LIMIT.default,
      isRead: (url) => url.startsWith('https://public.api.bsky.app/xrpc/app.bsky.graph.getFollowers?') && url.includes(`actor=${BLUESKY_HANDLE}`),
      pages,
      audit: () => blueskyAudit(pages.length),
      stopAfter: 4 * BLUESKY_LIMIT.default,
      account: await blueskyListProfile(), // its list entries show no counts: no number, so the profile's verdict leads
    });
    assert.equal(reads[0].origin, 'https://bsky.app', 'the AppView is asked with bsky.app\'s origin');
    assert.ok(pages.slice(1).every((p, k) => new URL(p.url).searchParams.get('cursor') === JSON.parse(pages[k].body).cursor), 'the cursor chain');
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-audit-bluesky.png`));
  });

  it('audit mode pages through a Mastodon followers list by its Link header, from the page, and writes nothing', { timeout: TEST_MS }, async () => {
    const pages = mastodonPages(Math.ceil(300 / MASTODON_LIMIT.default));
    const { reads } = await auditThroughApi({
      followersUrl: `https://mastodon.example/@${LIST_HANDLE}/followers`,
      perPage: MASTODON_LIMIT.default,
      isRead: (url) => /^https:\/\/mastodon\.example\/api\/v1\/accounts\/\d+\/followers\?/.test(url),
      pages,
      audit: () => mastodonAudit(pages.length),
      stopAfter: 4 * MASTODON_LIMIT.default,
    });
    assert.ok(reads.slice(1).every((r) => /[?&]max_id=\d+$/.test(r.url)), 'each next page by max_id');
    assert.ok(reads.every((r) => r.origin === null || r.origin === 'https://mastodon.example'), `same-origin reads: ${reads.map((r) => r.origin)}`);
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-audit-mastodon.png`));
  });

  it('audit mode opens a TikTok profile\'s followers dialog, reads its list to the sample size and shows the core\'s estimate', { timeout: TEST_MS }, async () => {
    const goal = 300;
    const pages = tiktokPages(Math.ceil(goal / TIKTOK_LIMIT.default));
    const expected = await tiktokAudit(pages.length);
    const log = session.browser.sent;
    const from = log.length;
    page = await session.open(`https://www.tiktok.com/@${LIST_HANDLE}`);
    await page.waitFor(badgeStateIs, 'ready');
    await page.waitFor(openPanelIn);
    assert.equal(await page.evaluate(auditStatus), '“Check followers” opens the followers list and reads it.');
    assert.equal(await page.evaluate(() => document.querySelector('[role="dialog"]')), null, 'no list is open yet');
    await page.evaluate(clickAuditButton); // opens the dialog; audit mode starts once its first page is read
    await page.waitFor(() => document.querySelectorAll('[role="dialog"] li').length > 0);
    await page.waitFor(() => {
      if (!document.querySelector('[data-truefollow-panel]')) document.querySelector('[data-truefollow-badge]')?.click();
      return /^Done: /.test(document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector('[data-part="audit-status"]')?.textContent ?? '');
    });
    assert.equal(await page.evaluate(auditStatus), `Done: ${expected.n} followers read.`);
    assert.equal(expected.n, goal, 'the core read every follower of the pages');
    assert.equal(expected.sample_kind, 'followers');

    const reads = log.slice(from).filter((r) => r.url.startsWith('https://www.tiktok.com/api/user/list/'));
    assert.deepEqual(reads.map((r) => r.url), pages.map((p) => p.url), 'each page once, by the cursor of the last');
    assert.deepEqual(log.slice(from).filter((r) => WRITES.includes(r.method)), [], 'no write request at all');
    assert.equal(await page.evaluate(() => document.querySelectorAll('[role="dialog"] li').length), goal, 'the dialog shows what was read');

    assertEstimate(estimateShares(await page.evaluate(panelPart, 'audit-estimate')), expected);
    assert.equal(await page.evaluate(panelPart, 'sample'), `Sample: ${expected.n} recent followers.`);
    assertReach(await page.evaluate(panelPart, 'reach'), expected); // from the profile's embedded count
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-audit-tiktok.png`));
  });

  it('says so on a TikTok profile whose page shows no followers list', { timeout: TEST_MS }, async () => {
    page = await session.open('https://www.tiktok.com/@examplestudio');
    await page.waitFor(badgeStateIs, 'ready');
    await page.evaluate(() => document.querySelector('[data-e2e="followers-count"]').remove()); // a page with no list to open
    await page.waitFor(openPanelIn);
    assert.equal(await page.evaluate(auditStatus), 'This site shows no followers list to read.');
    assert.equal(await page.evaluate(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-button"]').disabled), true);
  });
});

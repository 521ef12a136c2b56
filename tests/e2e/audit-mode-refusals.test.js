/*
 * Audit mode against a server that refuses to read a list further, in each browser: Mastodon's 401 and an app
 * view's 502 stop it at once, say why, keep what was read and ask for nothing more.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { BLUESKY_LIMIT, MASTODON_LIMIT } from './lib/audit-mode-expected.js';
import { describesSample } from './lib/badge-probes.js';
import { auditStatus, clickAuditButton, openPanelIn, panelPart, progressOf } from './lib/audit-mode-probes.js';
import { sleep } from './lib/audit-mode-asserts.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('audit mode refused by the server', (session) => {
  let page;

  // Audit mode on a list whose server refuses every page after the site's own first one: it stops as soon as
  // the refusal comes (not after two 12-second waits), says why, keeps the first page, and asks nothing more.
  async function refusedAfterFirstPage({ followersUrl, perPage, isRead, status }) {
    const log = session.browser.sent;
    const from = log.length;
    page = await session.open(followersUrl);
    await page.waitFor(describesSample, perPage);
    await page.waitFor(openPanelIn);
    const estimate = await page.evaluate(panelPart, 'audit-estimate');
    assert.ok(estimate, 'an estimate from the first page');
    const started = Date.now();
    await page.evaluate(clickAuditButton);
    await page.waitFor((pattern) => new RegExp(pattern).test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent), status.source);
    const took = Date.now() - started;
    assert.ok(took < 6000, `the refusal is reported at once (${took} ms; a page that does not come is given up after 2 × 12 s)`);
    const reads = () => log.slice(from).filter((r) => isRead(r.url)).length;
    assert.equal(reads(), 2, 'the site\'s own first page and the one refused');
    await sleep(2000); // more than ten pauses of the test build
    assert.equal(reads(), 2, 'no page is asked for after the refusal');
    assert.deepEqual(await page.evaluate(progressOf), { value: perPage, max: 300 }, 'what was read is kept');
    assert.equal(await page.evaluate(panelPart, 'audit-estimate'), estimate, 'and its estimate');
    assert.equal(await page.evaluate(panelPart, 'audit-button'), 'Resume');
    assert.equal(await page.evaluate(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').getAttribute('role')), 'status',
      'announced to assistive technology');
  }

  it('stops audit mode at once when the Mastodon instance refuses to read the list further without signing in (401), keeping what was read', { timeout: TEST_MS }, async () => {
    await refusedAfterFirstPage({
      followersUrl: 'https://mastodon.example/@guardedstudio/followers',
      perPage: MASTODON_LIMIT.default,
      isRead: (url) => /^https:\/\/mastodon\.example\/api\/v1\/accounts\/109999999999000002\/followers\?/.test(url),
      status: new RegExp(`^Stopped at ${MASTODON_LIMIT.default} followers: mastodon\\.example does not let its follower lists be read without signing in \\(HTTP 401\\)\\. What was read so far is kept\\.$`),
    });
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-audit-refused-mastodon.png`));
  });

  it('stops audit mode at once when the Bluesky app view answers an error, and says which', { timeout: TEST_MS }, async () => {
    await refusedAfterFirstPage({
      followersUrl: 'https://bsky.app/profile/guardedstudio.bsky.social/followers',
      perPage: BLUESKY_LIMIT.default,
      isRead: (url) => url.startsWith('https://public.api.bsky.app/xrpc/app.bsky.graph.getFollowers?') && url.includes('actor=guardedstudio.bsky.social'),
      status: new RegExp(`^Stopped at ${BLUESKY_LIMIT.default} followers: public\\.api\\.bsky\\.app answered HTTP 502 instead of the next page\\.`),
    });
  });

  it('says so when the Mastodon instance refuses even the first page of the list, and asks for nothing more', { timeout: TEST_MS }, async () => {
    const log = session.browser.sent;
    const from = log.length;
    const isRead = (url) => /^https:\/\/mastodon\.example\/api\/v1\/accounts\/109999999999000003\/followers/.test(url);
    page = await session.open('https://mastodon.example/@lockedstudio/followers');
    await page.waitFor(() => document.querySelector('[data-truefollow-badge]'));
    await page.waitFor(openPanelIn);
    const refused = /^Stopped at 0 followers: mastodon\.example does not let its follower lists be read without signing in \(HTTP 401\)/;
    await page.waitFor((pattern) => new RegExp(pattern).test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent), refused.source);
    await page.evaluate(clickAuditButton);
    await sleep(1500);
    assert.match(await page.evaluate(auditStatus), refused);
    assert.equal(log.slice(from).filter((r) => isRead(r.url)).length, 1, 'only the site\'s own read');
  });
});

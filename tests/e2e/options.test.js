/*
 * The options page, in each browser: the sample size, the thresholds behind "inactive" and "fake", list badges
 * and the platforms on or off, each taking effect on what audit mode and the badges show; and deleting every
 * stored profile and follower.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LIST_HANDLE, MASTODON_LIMIT, listAudit, listScores, mastodonAudit, mastodonPages } from './lib/audit-mode-expected.js';
import { badgeStateIs, describesSample } from './lib/badge-probes.js';
import {
  auditDone, auditStatus, clickAuditButton, listMarks, openPanelIn, panelPart, progressOf, startList,
} from './lib/audit-mode-probes.js';
import { assertEstimate, differsFrom, estimateOf, estimateShares } from './lib/audit-mode-asserts.js';
import { TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('the options page', (session) => {
  let page;

  it('applies the options: sample size, thresholds and platforms on or off', { timeout: TEST_MS }, async () => {
    const expected = await listAudit(100, { inactive_posts_per_year: 365 });
    const plain = await listAudit(100);
    assert.notDeepEqual(estimateOf(expected), estimateOf(plain), 'the threshold changes the core\'s answer');
    assert.equal(await session.saveSettings(() => {
      document.getElementById('sample-size').value = '100';
      document.getElementById('inactive-posts').value = '365';
      document.getElementById('list-badges').checked = false;
    }), 'Settings saved.');
    assert.match(await session.saveSettings(() => { document.getElementById('sample-size').value = '5000'; }), /^Not saved: /, 'out of range is refused');
    page = await startList(session);
    assert.equal((await page.evaluate(progressOf)).max, 100);
    await page.evaluate(clickAuditButton);
    await page.waitFor(auditDone);
    assert.equal((await page.evaluate(progressOf)).value, 100);
    const shown = estimateShares(await page.evaluate(panelPart, 'audit-estimate'));
    assertEstimate(shown, expected); // with the user's threshold
    assert.ok(differsFrom(shown, plain), `the estimate shown is not the one without the threshold: ${JSON.stringify(shown)}`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-truefollow-list-badge]').length), 0, 'no list badges when off');

    await session.saveSettings(() => { document.getElementById('platform-x').checked = false; });
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(() => document.querySelector('[data-testid="UserName"]'));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-truefollow-badge]').length), 0, 'no badge with X off');
    await session.saveSettings(() => {
      document.getElementById('platform-x').checked = true;
      document.getElementById('inactive-posts').value = '';
      document.getElementById('sample-size').value = '300';
      document.getElementById('list-badges').checked = true;
    });
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(badgeStateIs, 'ready');
  });

  it('applies the "fake" threshold of the options page to every follower\'s verdict, and keeps the corrected estimate', { timeout: TEST_MS }, async () => {
    const threshold = 0.2;
    const [plain, changed] = [await listAudit(100), await listAudit(100, { fake_threshold: threshold })];
    // The core corrects the fake share at the threshold its error rates were measured at: the estimate of the
    // audience does not move with the user's threshold, the single verdicts do.
    assert.deepEqual(changed.fake, plain.fake, 'the same corrected estimate');
    const [plainScores, changedScores] = [await listScores(100), await listScores(100, { fake_threshold: threshold })];
    const fakes = (scores) => scores.filter((a) => a.verdict === 'fake').length;
    assert.notEqual(fakes(changedScores), fakes(plainScores), 'and the verdicts of the sampled followers');
    assert.equal(await session.saveSettings(() => {
      document.getElementById('sample-size').value = '100';
      document.getElementById('fake-threshold').value = '0.2';
    }), 'Settings saved.');
    try {
      page = await startList(session);
      await page.evaluate(clickAuditButton);
      await page.waitFor(auditDone);
      assertEstimate(estimateShares(await page.evaluate(panelPart, 'audit-estimate')), changed); // the corrected estimate
      await page.waitFor(() => document.querySelectorAll('[data-truefollow-list-badge]').length === 100);
      const marks = await page.evaluate(listMarks);
      for (const account of changedScores) {
        assert.equal(marks.find((m) => m.handle === account.handle)?.verdict, account.verdict, `list badge of @${account.handle} with the threshold`);
      }
    } finally {
      await session.saveSettings(() => {
        document.getElementById('sample-size').value = '300';
        document.getElementById('fake-threshold').value = '';
      });
    }
  });

  it('applies the "inactive after days without a post" threshold of the options page to the estimate', { timeout: TEST_MS }, async () => {
    const days = 30;
    const pages = mastodonPages(2);
    const [plain, changed] = [await mastodonAudit(2), await mastodonAudit(2, { inactive_days_silent: days })];
    assert.notDeepEqual(estimateOf(changed), estimateOf(plain), 'the threshold changes the core\'s answer');
    assert.equal(await session.saveSettings((d) => {
      document.getElementById('sample-size').value = '80';
      document.getElementById('inactive-days').value = String(d);
    }, days), 'Settings saved.');
    try {
      page = await session.open(`https://mastodon.example/@${LIST_HANDLE}/followers`);
      await page.waitFor(describesSample);
      await page.waitFor(openPanelIn);
      await page.evaluate(clickAuditButton);
      await page.waitFor(auditDone);
      assert.equal(await page.evaluate(auditStatus), `Done: ${pages.length * MASTODON_LIMIT.default} followers read.`);
      const shown = estimateShares(await page.evaluate(panelPart, 'audit-estimate'));
      assertEstimate(shown, changed); // with the user's threshold
      assert.ok(differsFrom(shown, plain), `the estimate shown is not the default one: ${JSON.stringify(shown)}`);
    } finally {
      await session.saveSettings(() => {
        document.getElementById('sample-size').value = '300';
        document.getElementById('inactive-days').value = '';
      });
    }
  });

  it('deletes every stored profile and follower from the options page', { timeout: TEST_MS }, async () => {
    const options = await session.browser.openOptions();
    try {
      const counts = () => document.getElementById('stored-counts').textContent;
      await options.waitFor(() => /^[\d,]+ profiles? and [\d,]+ followers? stored\.$/.test(document.getElementById('stored-counts').textContent));
      const before = await options.evaluate(counts);
      assert.doesNotMatch(before, /^0 profiles/, `the tests before stored profiles (${before})`);
      await options.click('#delete-all');
      await options.waitFor(() => document.getElementById('delete-status').textContent === 'All stored data deleted.');
      await options.waitFor(() => document.getElementById('stored-counts').textContent === '0 profiles and 0 followers stored.');
    } finally {
      await options.close();
    }
  });
});

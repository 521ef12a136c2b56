/*
 * The badge's details panel on X's fixture pages, in each browser: opened with Enter and closed with Escape,
 * the profile's reasons, the audience's shares with their intervals, the sample, true reach, the follower
 * factory and engagement, each the core's (expected.js), and axe-core finding nothing wrong.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { percentDisagrees, xFollowerAudit, xProfile } from './lib/expected.js';
import { badgeIs, describesSample, readPanel } from './lib/badge-probes.js';
import { assertShareRow } from './lib/badge-asserts.js';
import { BADGE_AND_PANEL, axeViolations } from './lib/axe.js';
import { itAskedOnlyTheFixtureSites } from './lib/network-checks.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('the details panel on X fixture pages', (session) => {
  let page;

  it('opens the details panel with Enter, closes it with Escape and gives focus back', { timeout: TEST_MS }, async () => {
    const account = await xProfile('examplestudio');
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(badgeIs, { state: 'ready' });
    await page.evaluate(() => document.querySelector('[data-truefollow-badge]').focus());
    await page.press('Enter');
    await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
    const panel = await page.evaluate(readPanel);
    assert.equal(panel.dialog, true);
    assert.equal(panel.focusInside, true, 'focus moves into the panel');
    assert.match(panel.parts.account, new RegExp(`looks ${account.verdict}`));
    for (const reason of account.reasons) assert.ok(panel.parts.account.includes(reason.text), `reason "${reason.text}" shown`);
    assert.match(panel.parts.model, /^Model: \S+/);
    assert.equal(await page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('aria-expanded')), 'true');
    assert.deepEqual(await axeViolations(page, BADGE_AND_PANEL), [], 'axe-core finds nothing wrong with the badge and the panel');
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x-panel.png`));
    await page.press('Escape');
    await page.waitFor(() => !document.querySelector('[data-truefollow-panel]'));
    const back = await page.evaluate(() => ({ onBadge: document.activeElement?.hasAttribute('data-truefollow-badge'),
      expanded: document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('aria-expanded') }));
    assert.deepEqual(back, { onBadge: true, expanded: 'false' }, 'focus is back on the badge');
  });

  it('shows the shares with their intervals and the sample in the panel of a followers page', { timeout: TEST_MS }, async () => {
    const audit = await xFollowerAudit('examplestudio');
    page = await session.open('https://x.com/examplestudio/followers');
    await page.waitFor(describesSample);
    await page.click('[data-truefollow-badge]');
    await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
    const panel = await page.evaluate(readPanel);
    assert.deepEqual(panel.rows.map((r) => r.key), ['real', 'inactive', 'fake']);
    for (const row of panel.rows) assertShareRow(row, audit);
    assert.equal(audit.sample.startsWith('recent followers'), true, 'the core calls a follower list recent followers');
    assert.equal(panel.parts.sample, `Sample: ${audit.n} recent followers.`);
    assert.ok(panel.parts.bias.length > 20, 'the sample\'s lean is explained');
    assert.ok(panel.parts.model.includes(audit.model), panel.parts.model);
    // The method line is the one the core names for its numbers (a bound's, here), none where it names none.
    assert.equal('method' in panel.parts, audit.method !== null, 'a method line exactly when the core names a method');
    if (audit.fake.at_least === true) assert.match(panel.parts.method, /^Method: a lower bound on the fakes only/);
    const returned = { reach: typeof audit.reach?.value === 'number', engagement: typeof audit.engagement === 'object' && audit.engagement !== null,
      factory: Array.isArray(audit.factory?.runs) };
    for (const [part, present] of Object.entries(returned)) {
      assert.equal(part in panel.parts, present, `${part} shown exactly when the core returns it`);
    }
    if (returned.reach) { // from the profile's count: the page read the profile's own response first
      const shown = panel.parts.reach.match(/\d[\d,]*/g).map((n) => Number(n.replace(/,/g, ''))).filter((n) => n !== 90);
      assert.deepEqual(shown, [audit.reach.value, ...audit.reach.ci90], 'true reach and its interval are the core\'s');
    }
    if (returned.factory && audit.factory.runs.length) {
      assert.ok(panel.parts.factory.includes(`${audit.factory.in_runs} of the sampled followers`), panel.parts.factory);
    }
    assert.deepEqual(await axeViolations(page, BADGE_AND_PANEL), [], 'axe-core finds nothing wrong with the badge and the panel');
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x-followers-panel.png`));
    await page.press('Escape');
    await page.waitFor(() => !document.querySelector('[data-truefollow-panel]'));
  });

  it('measures engagement on a followers page from the posts its profile page fetched, against the follower tier', { timeout: TEST_MS }, async () => {
    const handle = 'user_17a8117c'; // the one X fixture profile with posts (UserTweets)
    const [withPosts, followersOnly] = [await xFollowerAudit(handle, Infinity, handle, { posts: true }), await xFollowerAudit(handle)];
    const e = withPosts.engagement;
    assert.ok(e.posts > 0 && typeof e.rate === 'number' && typeof e.tier_typical === 'number', JSON.stringify(e));
    assert.equal(followersOnly.engagement.rate, null, 'without the posts the core measures no engagement');
    page = await session.open(`https://x.com/${handle}`);
    await page.waitFor(badgeIs, { state: 'ready' });
    await page.waitFor(() => document.querySelectorAll('article').length > 0); // the page drew the posts it fetched
    await page.evaluate((h) => {
      history.pushState(null, '', `/${h}/followers`);
      window.dispatchEvent(new PopStateEvent('popstate')); // the page draws the followers the URL names
    }, handle);
    await page.waitFor(describesSample);
    await page.click('[data-truefollow-badge]');
    await page.waitFor(() => document.querySelector('[data-truefollow-panel]')?.shadowRoot.querySelector('[data-part="engagement"]'));
    const panel = await page.evaluate(readPanel);
    const m = /^Engagement(\S+) engagement per post\. Typical for accounts of this size: (\S+)\. Source: (.+)\.$/.exec(panel.parts.engagement);
    assert.ok(m, panel.parts.engagement);
    assert.equal(percentDisagrees(m[1], e.rate), '', 'the core\'s engagement rate');
    assert.equal(percentDisagrees(m[2], e.tier_typical), '', 'the core\'s typical rate for the tier');
    assert.equal(m[3], e.source, 'the baseline\'s source, as the core cites it');
    assert.equal(e.far_below, false);
    assert.equal(panel.parts.sample, `Sample: ${followersOnly.n} recent followers.`, 'the posts\' authors are not counted as followers');
    for (const row of panel.rows) assertShareRow(row, withPosts);
    assert.deepEqual(await axeViolations(page, BADGE_AND_PANEL), [], 'axe-core finds nothing wrong with the panel and its engagement');
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x-engagement-panel.png`));
    await page.press('Escape');
  });

  itAskedOnlyTheFixtureSites(session);
});

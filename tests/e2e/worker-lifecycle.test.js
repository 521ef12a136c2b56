/*
 * The extension's worker coming and going, in each browser: the core trapping on a response (the badge says
 * "error", the worker restarts the core and reads the next profile), the browser ending the idle worker, and
 * the worker stopped in the middle of a request (Chromium only: Firefox ends a background script only between
 * tasks).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { VERDICT_WORDS, xServedProfile } from './lib/expected.js';
import { badgeIs, readBadges, readPanel } from './lib/badge-probes.js';
import { assertProfileLabel } from './lib/badge-asserts.js';
import { BADGE_AND_PANEL, axeViolations } from './lib/axe.js';
import { itAskedOnlyTheFixtureSites } from './lib/network-checks.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser("the worker's lifecycle", (session) => {
  let page;

  // ---- the error state: the core traps, the worker restarts it ---------------------------------------

  const servedProfile = (handle) => xServedProfile(session.browser.sites, handle);
  // In the same tab, the page draws the profile the URL names, as X does on in-app navigation.
  const navigateTo = (handle) => page.evaluate((h) => {
    history.pushState(null, '', `/${h}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, handle);

  it('says "error" when the core traps on a response, restarts it, and reads the next profile', { timeout: TEST_MS }, async () => {
    page = await session.open('https://x.com/coretrap'); // its response carries the test build's trap marker
    await page.waitFor(badgeIs, { state: 'error' });
    const [badge] = await page.evaluate(readBadges);
    assert.equal(badge.label, 'truefollow: error');
    assert.equal(badge.handleShown, 'coretrap');
    const described = await page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('aria-description'));
    assert.equal(described, 'The scoring core stopped while reading this page’s data and has been restarted. ' +
      'Other profiles are read as before; reload this page to try it again.');
    await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
    await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
    assert.equal((await page.evaluate(readPanel)).parts.status, described, 'the panel says it too');
    assert.deepEqual(await axeViolations(page, BADGE_AND_PANEL), [], 'axe-core finds nothing wrong with the error badge and its panel');
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x-error.png`));
    await page.press('Escape');

    // The next profile, in the same tab: a handle nothing has stored, so only the restarted core can answer.
    const next = await servedProfile('aftertrap');
    await navigateTo('aftertrap');
    await page.waitFor(badgeIs, { state: 'ready', labelHas: VERDICT_WORDS[next.verdict] });
    const after = await page.evaluate(readBadges);
    assert.equal(after.length, 1, 'the error badge is gone');
    assert.equal(after[0].handleShown, 'aftertrap');
    assertProfileLabel(after[0].label, next);
  });

  it('reads the next profile after the browser has ended its idle worker', { timeout: TEST_MS }, async () => {
    const next = await servedProfile('idlewake'); // a handle nothing has stored: only a worker can answer
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(badgeIs, { state: 'ready' });
    assert.equal(await session.browser.stopWorker(), 1, 'the extension\'s worker was running, and is stopped');
    await navigateTo('idlewake');
    await page.waitFor(badgeIs, { state: 'ready', labelHas: VERDICT_WORDS[next.verdict] });
    const [badge] = await page.evaluate(readBadges);
    assert.equal(badge.handleShown, 'idlewake');
    assertProfileLabel(badge.label, next);
  });

  it('asks once more when the worker is stopped in the middle of a request, and the restarted worker answers', { timeout: TEST_MS }, async (t) => {
    if (!session.browser.stopsBusyWorker) return t.skip('this browser ends a background script only once its task is done');
    const next = await servedProfile('workerstop');
    page = await session.open('https://x.com/examplestudio'); // the worker scores a first text; the next one keeps it busy
    await page.waitFor(badgeIs, { state: 'ready' });
    await navigateTo('workerstop');
    await page.waitFor(() => document.querySelector('[data-testid="UserName"]')?.textContent.includes('@workerstop'));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await page.evaluate(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state')), 'reading',
      'the worker is busy with the response');
    const stopped = Date.now();
    assert.equal(await session.browser.stopWorker(), 1, 'the extension\'s worker was running, and is stopped');
    await page.waitFor(badgeIs, { state: 'ready', labelHas: VERDICT_WORDS[next.verdict] });
    assert.ok(Date.now() - stopped < 15_000, 'answered by the restarted worker, not by the stopped one');
    const [badge] = await page.evaluate(readBadges);
    assert.equal(badge.handleShown, 'workerstop');
    assertProfileLabel(badge.label, next);
  });

  itAskedOnlyTheFixtureSites(session);
});

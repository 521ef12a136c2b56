/*
 * The badge on X's fixture pages, in each browser: beside the profile's name with the core's verdict, reached
 * with the keyboard, its states (reading, unsupported, no-data), the audience estimate of a followers page,
 * the page's forged captures, in-page navigation, and its tooltip at the viewport's edge. Expected numbers come
 * from the core itself reading the same fixtures (expected.js).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { VERDICT_WORDS, xFollowerAudit, xFollowersBody, xProfile } from './lib/expected.js';
import { anyBadge, badgeIs, describesSample, readBadges, tipBox } from './lib/badge-probes.js';
import { assertAuditBadge, assertProfileLabel, expectedAuditState } from './lib/badge-asserts.js';
import { itAskedOnlyTheFixtureSites } from './lib/network-checks.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('the badge on X fixture pages', (session) => {
  let page;

  it('paints a ready badge with the core\'s verdict next to the profile name', { timeout: TEST_MS }, async () => {
    const account = await xProfile('examplestudio');
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(badgeIs, { state: 'ready' });
    const badges = await page.evaluate(readBadges);
    assert.equal(badges.length, 1, 'one badge on the page');
    const [badge] = badges;
    assert.equal(badge.inPrimaryColumn, true);
    assert.equal(badge.handleShown, 'examplestudio', 'the badge sits in the name block of the profile in the URL');
    assertProfileLabel(badge.label, account);
    // (The shadow root is open in this test build; tests/node/extension-build.test.js checks releases close it.)
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x.png`));
  });

  it('can be reached with the keyboard and names itself to assistive technology', { timeout: TEST_MS }, async () => {
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(badgeIs, { state: 'ready' });
    let focused = null;
    for (let i = 0; i < 20 && !focused; i++) {
      await page.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement;
        // The page sees the host focused; inside its shadow root, the badge's button has the focus.
        const inner = el?.shadowRoot?.activeElement;
        return el && el.hasAttribute('data-truefollow-badge') && inner ? { label: inner.getAttribute('aria-label'), role: inner.getAttribute('role') } : null;
      });
    }
    assert.ok(focused, 'Tab reaches the badge');
    assert.match(focused.label, /^truefollow: /);
    assert.ok(focused.role, 'the focusable badge has a role');
  });

  it('says "unsupported" when the profile response has a shape no adapter reads', { timeout: TEST_MS }, async () => {
    page = await session.open('https://x.com/oddshape');
    await page.waitFor(badgeIs, { state: 'unsupported' });
    const badges = await page.evaluate(readBadges);
    assert.equal(badges.length, 1);
    assert.equal(badges[0].handleShown, 'oddshape');
  });

  it('replaces the badge when the page navigates to another profile, and back', { timeout: TEST_MS }, async () => {
    // Runs before any followers page is read: no audience is known, so the badges show the accounts themselves.
    const first = await xProfile('examplestudio');
    const second = await xProfile('dealfinder4821');
    assert.notEqual(first.verdict, second.verdict, 'the two fixture profiles get different verdicts');
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(badgeIs, { state: 'ready', labelHas: VERDICT_WORDS[first.verdict] });

    await page.click('a[href="/dealfinder4821"]');
    await page.waitFor(badgeIs, { state: 'ready', labelHas: VERDICT_WORDS[second.verdict] });
    let badges = await page.evaluate(readBadges);
    assert.equal(badges.length, 1, 'the old badge is gone');
    assert.equal(badges[0].handleShown, 'dealfinder4821');
    assertProfileLabel(badges[0].label, second);
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x-navigated.png`));

    await page.back();
    await page.waitFor(badgeIs, { state: 'ready', labelHas: VERDICT_WORDS[first.verdict] });
    badges = await page.evaluate(readBadges);
    assert.equal(badges.length, 1);
    assert.equal(badges[0].handleShown, 'examplestudio');
    assertProfileLabel(badges[0].label, first);
  });

  it('keeps the badge\'s tooltip inside the viewport when the badge sits at its right edge', { timeout: TEST_MS }, async () => {
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(badgeIs, { state: 'ready' });
    await page.evaluate(() => { // the name row against the window's right edge, as a right-aligned layout puts it
      const row = document.querySelector('[data-testid="UserName"] > div > div:first-child');
      Object.assign(row.style, { position: 'fixed', top: '120px', right: '0', margin: '0' });
    });
    await page.hover('[data-truefollow-badge]');
    await page.waitFor(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.tip').getBoundingClientRect().width > 0);
    const box = await page.evaluate(tipBox);
    assert.ok(box.badgeRight > box.viewportWidth - 40, `the badge ends at the right edge (${box.badgeRight} of ${box.viewportWidth})`);
    assert.ok(box.badgeLeft + box.width > box.viewportWidth, 'from the badge\'s left, the tooltip would cross the edge');
    assert.ok(box.right <= box.viewportWidth, `the tooltip ends inside the viewport (${box.right} of ${box.viewportWidth})`);
    assert.ok(box.left >= 0 && box.top >= 0 && box.bottom <= box.viewportHeight, JSON.stringify(box));
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x-tooltip-edge.png`));
  });

  it('says "reading" while the profile\'s data is on its way', { timeout: TEST_MS }, async () => {
    const release = session.browser.hold(/\/Followers\?/);
    try {
      page = await session.open('https://x.com/examplestudio/followers');
      await page.waitFor(badgeIs, { state: 'reading' });
      const badges = await page.evaluate(readBadges);
      assert.equal(badges.length, 1);
      assert.match(badges[0].label, /^truefollow: reading/);
    } finally {
      release();
    }
    const audit = await xFollowerAudit('examplestudio');
    await page.waitFor(badgeIs, { state: expectedAuditState(audit) });
  });

  it('says "no-data" when the followers list is empty', { timeout: TEST_MS }, async () => {
    page = await session.open('https://x.com/dealfinder4821/followers');
    await page.waitFor(badgeIs, { state: 'no-data' });
    const badges = await page.evaluate(readBadges);
    assert.equal(badges.length, 1);
    assert.match(badges[0].label, /not enough data/);
  });

  it('shows the core\'s estimate of real followers once a followers list has been read', { timeout: TEST_MS }, async () => {
    const audit = await xFollowerAudit('examplestudio');
    page = await session.open('https://x.com/examplestudio/followers');
    await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description')?.startsWith('Of ') ||
      /Of \d+ /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''));
    assertAuditBadge(await page.evaluate(anyBadge), audit);
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x-followers.png`));
  });

  it('ignores page messages that break the capture schema, and reads those that keep it', { timeout: TEST_MS }, async () => {
    // An empty followers page (no-data), then page-made captures: malformed ones carrying all 69 followers,
    // then a well-formed one carrying 10. Every capture kept on a followers page joins the sample, so n=10
    // shows that the malformed ones were dropped (and that anything the page posts is input, nothing more).
    const audit = await xFollowerAudit('examplestudio', 10, 'dealfinder4821');
    page = await session.open('https://x.com/dealfinder4821/followers');
    await page.waitFor(badgeIs, { state: 'no-data' });
    await page.evaluate(({ all, ten }) => {
      const url = 'https://x.com/i/api/graphql/Fx1Example0Query/Followers';
      const base = { source: 'truefollow-page-world', type: 'page/captured', url };
      const post = (message) => window.dispatchEvent(new CustomEvent('truefollow-page-world', { detail: JSON.stringify(message) }));
      post({ ...base, body: all, extra: true });
      post({ ...base, body: JSON.parse(all) });
      post({ ...base, url: 'http://x.com/i/api/graphql/Fx1Example0Query/Followers', body: all });
      post({ ...base, type: 'content/captured', body: all });
      window.postMessage({ ...base, body: all }, location.origin); // a posted message: not the page world's channel
      post({ ...base, body: ten });
    }, { all: xFollowersBody('examplestudio'), ten: xFollowersBody('examplestudio', 10) });
    await page.waitFor(describesSample);
    // n = 10: only the well-formed capture was read. Too few for a number: the page's own profile leads.
    assertAuditBadge(await page.evaluate(anyBadge), audit, await xProfile('dealfinder4821'));
  });

  itAskedOnlyTheFixtureSites(session);
});

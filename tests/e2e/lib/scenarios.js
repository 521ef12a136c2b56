/*
 * The end-to-end scenarios, run the same way in each browser (chromium.test.js, firefox.test.js): the real
 * extension build, the fixture pages under their real https://x.com URLs, the badge read through its hooks
 * (data-truefollow-badge, data-state, aria-label; the shadow root itself is closed).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { root } from './fixture-sites.js';
import { VERDICT_WORDS, percentDisagrees, xFollowerAudit, xFollowersBody, xProfile } from './expected.js';

const SCREENSHOTS = path.join(root, 'build', 'screenshots');
const TEST_MS = 180_000;

// Runs in the page: every badge, with where it sits.
function readBadges() {
  return [...document.querySelectorAll('[data-truefollow-badge]')].map((host) => {
    const nameBlock = host.closest('[data-testid="UserName"]');
    return {
      state: host.getAttribute('data-state'),
      label: host.getAttribute('aria-label'),
      tabIndex: host.tabIndex,
      role: host.getAttribute('role'),
      openShadow: host.shadowRoot !== null,
      inPrimaryColumn: Boolean(host.closest('[data-testid="primaryColumn"]')),
      handleShown: nameBlock ? nameBlock.textContent.match(/@(\w+)/)?.[1] ?? null : null,
    };
  });
}

// Runs in the page: true once a badge in the profile's name block has the wanted state (and label part).
function badgeIs({ state, labelHas = '' }) {
  const host = document.querySelector('[data-testid="primaryColumn"] [data-testid="UserName"] [data-truefollow-badge]');
  return Boolean(host && host.getAttribute('data-state') === state && (host.getAttribute('aria-label') ?? '').includes(labelHas));
}

function assertProfileLabel(label, account) {
  const words = VERDICT_WORDS[account.verdict];
  const m = /^truefollow: (.+) · p\(fake\) (\S+)$/.exec(label);
  assert.ok(m, `badge label "${label}" has the form "truefollow: <verdict> · p(fake) <percent>"`);
  assert.equal(m[1], words, `the badge shows the core's verdict (${account.verdict})`);
  assert.equal(percentDisagrees(m[2], account.p_fake), '', `the badge shows the core's p(fake) ${account.p_fake}`);
}

export function browserScenarios(launch) {
  let browser;
  let page;

  describe('the extension on X fixture pages', { timeout: TEST_MS * 8 }, () => {
    before(async () => {
      browser = await launch();
    }, { timeout: TEST_MS });
    after(async () => {
      await page?.close().catch(() => {});
      await browser?.close();
    }, { timeout: TEST_MS });

    const openPage = async (url) => {
      await page?.close().catch(() => {});
      page = await browser.newPage();
      await page.goto(url);
      return page;
    };

    it('paints a ready badge with the core\'s verdict next to the profile name', { timeout: TEST_MS }, async () => {
      const account = await xProfile('examplestudio');
      await openPage('https://x.com/examplestudio');
      await page.waitFor(badgeIs, { state: 'ready' });
      const badges = await page.evaluate(readBadges);
      assert.equal(badges.length, 1, 'one badge on the page');
      const [badge] = badges;
      assert.equal(badge.inPrimaryColumn, true);
      assert.equal(badge.handleShown, 'examplestudio', 'the badge sits in the name block of the profile in the URL');
      assertProfileLabel(badge.label, account);
      assert.equal(badge.openShadow, false, 'the badge\'s shadow root is closed to the page');
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-x.png`));
    });

    it('can be reached with the keyboard and names itself to assistive technology', { timeout: TEST_MS }, async () => {
      await openPage('https://x.com/examplestudio');
      await page.waitFor(badgeIs, { state: 'ready' });
      let focused = null;
      for (let i = 0; i < 20 && !focused; i++) {
        await page.press('Tab');
        focused = await page.evaluate(() => {
          const el = document.activeElement;
          return el && el.hasAttribute('data-truefollow-badge') ? { label: el.getAttribute('aria-label'), role: el.getAttribute('role') } : null;
        });
      }
      assert.ok(focused, 'Tab reaches the badge');
      assert.match(focused.label, /^truefollow: /);
      assert.ok(focused.role, 'the focusable badge has a role');
    });

    it('says "reading" while the profile\'s data is on its way', { timeout: TEST_MS }, async () => {
      const release = browser.hold(/\/Followers\?/);
      try {
        await openPage('https://x.com/examplestudio/followers');
        await page.waitFor(badgeIs, { state: 'reading' });
        const badges = await page.evaluate(readBadges);
        assert.equal(badges.length, 1);
        assert.match(badges[0].label, /^truefollow: reading/);
      } finally {
        release();
      }
      await page.waitFor(badgeIs, { state: 'ready', labelHas: 'real · n=' });
    });

    it('says "unsupported" when the profile response has a shape no adapter reads', { timeout: TEST_MS }, async () => {
      await openPage('https://x.com/oddshape');
      await page.waitFor(badgeIs, { state: 'unsupported' });
      const badges = await page.evaluate(readBadges);
      assert.equal(badges.length, 1);
      assert.equal(badges[0].handleShown, 'oddshape');
    });

    it('says "no-data" when the followers list is empty', { timeout: TEST_MS }, async () => {
      await openPage('https://x.com/dealfinder4821/followers');
      await page.waitFor(badgeIs, { state: 'no-data' });
      const badges = await page.evaluate(readBadges);
      assert.equal(badges.length, 1);
      assert.match(badges[0].label, /not enough data/);
    });

    it('shows the share of real followers when a followers list has been read', { timeout: TEST_MS }, async () => {
      const audit = await xFollowerAudit('examplestudio');
      await openPage('https://x.com/examplestudio/followers');
      await page.waitFor(badgeIs, { state: 'ready', labelHas: 'real · n=' });
      const [badge] = await page.evaluate(readBadges);
      const m = /^truefollow: ≈ (\S+) real · n=(\d+)$/.exec(badge.label);
      assert.ok(m, `badge label "${badge.label}" has the form "truefollow: ≈ <percent> real · n=<n>"`);
      assert.equal(Number(m[2]), audit.n, 'the sample size is the core\'s');
      assert.equal(percentDisagrees(m[1], audit.real.share), '', 'the share is the core\'s');
    });

    it('ignores page messages that break the capture schema, and reads those that keep it', { timeout: TEST_MS }, async () => {
      // An empty followers page (no-data), then page-made captures: malformed ones carrying all 69 followers,
      // then a well-formed one carrying 10. Every capture kept on a followers page joins the sample, so n=10
      // shows that the malformed ones were dropped (and that anything the page posts is input, nothing more).
      const audit = await xFollowerAudit('examplestudio', 10);
      await openPage('https://x.com/dealfinder4821/followers');
      await page.waitFor(badgeIs, { state: 'no-data' });
      await page.evaluate(({ all, ten }) => {
        const url = 'https://x.com/i/api/graphql/Fx1Example0Query/Followers';
        const base = { source: 'truefollow-page-world', type: 'page/captured', url };
        const post = (message) => window.postMessage(message, location.origin);
        post({ ...base, body: all, extra: true });
        post({ ...base, body: JSON.parse(all) });
        post({ ...base, url: 'http://x.com/i/api/graphql/Fx1Example0Query/Followers', body: all });
        post({ ...base, type: 'content/captured', body: all });
        window.postMessage({ ...base, body: all }, 'https://example.org'); // another origin: never delivered
        post({ ...base, body: ten });
      }, { all: xFollowersBody('examplestudio'), ten: xFollowersBody('examplestudio', 10) });
      await page.waitFor(badgeIs, { state: 'ready', labelHas: 'real · n=' });
      const [badge] = await page.evaluate(readBadges);
      const m = /^truefollow: ≈ (\S+) real · n=(\d+)$/.exec(badge.label);
      assert.ok(m, badge.label);
      assert.equal(Number(m[2]), audit.n, 'only the well-formed capture was read');
      assert.equal(percentDisagrees(m[1], audit.real.share), '');
    });

    it('replaces the badge when the page navigates to another profile, and back', { timeout: TEST_MS }, async () => {
      const first = await xProfile('examplestudio');
      const second = await xProfile('dealfinder4821');
      assert.notEqual(first.verdict, second.verdict, 'the two fixture profiles get different verdicts');
      await openPage('https://x.com/examplestudio');
      await page.waitFor(badgeIs, { state: 'ready', labelHas: VERDICT_WORDS[first.verdict] });

      await page.click('a[href="/dealfinder4821"]');
      await page.waitFor(badgeIs, { state: 'ready', labelHas: VERDICT_WORDS[second.verdict] });
      let badges = await page.evaluate(readBadges);
      assert.equal(badges.length, 1, 'the old badge is gone');
      assert.equal(badges[0].handleShown, 'dealfinder4821');
      assertProfileLabel(badges[0].label, second);
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-x-navigated.png`));

      await page.back();
      await page.waitFor(badgeIs, { state: 'ready', labelHas: VERDICT_WORDS[first.verdict] });
      badges = await page.evaluate(readBadges);
      assert.equal(badges.length, 1);
      assert.equal(badges[0].handleShown, 'examplestudio');
      assertProfileLabel(badges[0].label, first);
    });

    it('asks the web only for the page and the site\'s own data requests', { timeout: TEST_MS }, async () => {
      const asked = page.requests;
      assert.ok(asked.length > 0);
      const unexpected = asked.filter((url) => !/^https:\/\/x\.com\/(?:[A-Za-z0-9_]+(?:\/followers)?|i\/api\/graphql\/Fx1Example0Query\/\w+\?variables=.*|favicon\.ico)$/.test(url));
      assert.deepEqual(unexpected, [], 'no request the fixture page did not make itself');
    });
  });
}

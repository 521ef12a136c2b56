/*
 * The badge on every platform's fixture pages, in each browser: the core's verdict beside the profile's name,
 * a panel that passes axe, the audience of a followers page, navigation to another profile, and in-app
 * navigation to a profile whose data the page fetched (TikTok's API, YouTube's browse). A platform the core
 * does not read yet is skipped, saying so.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import {
  IN_APP, PLATFORMS, PLATFORM_PAGES, VERDICT_WORDS, inAppProfile, platformAudit, platformMissing, platformProfile,
} from './lib/expected.js';
import { anyBadge, anyBadgeIs, describesSample, newBadgeIs, readPanel, recordCaptures, rememberBadge } from './lib/badge-probes.js';
import { accountLeads, assertAuditBadge, assertProfileLabel, englishDigits } from './lib/badge-asserts.js';
import { BADGE_AND_PANEL, axeViolations } from './lib/axe.js';
import { itAskedOnlyTheFixtureSites } from './lib/network-checks.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('the badge on every platform', (session) => {
  let page;

  for (const platform of PLATFORMS) {
    const pages = PLATFORM_PAGES[platform];

    it(`${platform}: paints the core's verdict beside the profile name, and a panel that passes axe`, { timeout: TEST_MS }, async (t) => {
      const missing = await platformMissing(platform);
      if (missing) return t.skip(missing);
      const account = await platformProfile(platform, 'examplestudio');
      page = await session.open(pages.profileUrl('examplestudio'));
      await page.waitFor(anyBadgeIs, { state: 'ready' });
      const badge = await page.evaluate(anyBadge);
      assert.equal(badge.count, 1, 'one badge');
      assertProfileLabel(badge.label, account); // no followers page of this platform was read yet in this session
      // Its tooltip: where the site lists no followers at all (YouTube), that it shows none, never "not read yet".
      if (platform === 'youtube') {
        assert.match(badge.description, /^The profile itself, by its public counts and fields; the site shows no list of its followers to read\./);
        assert.doesNotMatch(badge.description, /not been read/);
      } else {
        assert.doesNotMatch(badge.description, /shows no list/);
      }
      await page.press('Tab'); // focus somewhere first, then the badge itself
      await page.evaluate(() => document.querySelector('[data-truefollow-badge]').focus());
      await page.press('Enter');
      await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
      const panel = await page.evaluate(readPanel);
      assert.match(panel.parts.account, new RegExp(`looks ${account.verdict}`));
      assert.deepEqual(await axeViolations(page, BADGE_AND_PANEL), [], 'axe-core finds nothing wrong with the badge and the panel');
      await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-${platform}-panel.png`));
      await page.press('Escape');
      await page.waitFor(() => !document.querySelector('[data-truefollow-panel]') && document.activeElement?.hasAttribute('data-truefollow-badge'));
    });

    if (pages.followersUrl) {
      it(`${platform}: estimates the audience from a followers page, leads with the profile's verdict where the list gives no number, and says so when a list is empty`, { timeout: TEST_MS }, async (t) => {
        const missing = await platformMissing(platform);
        if (missing) return t.skip(missing);
        const audit = await platformAudit(platform, 'examplestudio');
        // The profile was scored on its page in this session, and its page is fetched again here.
        const account = await platformProfile(platform, 'examplestudio');
        page = await session.open(pages.followersUrl('examplestudio'));
        await page.waitFor(describesSample);
        const badge = await page.evaluate(anyBadge);
        assertAuditBadge(badge, audit, account);
        await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-${platform}-followers.png`));
        // The panel says what the badge says.
        await page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').click());
        await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
        const panel = await page.evaluate(readPanel);
        assert.ok(panel.parts.status && badge.description.startsWith(panel.parts.status), `the panel's "${panel.parts.status}" is the badge's "${badge.description}"`);
        if (accountLeads(audit, account)) assert.match(panel.parts.account, new RegExp(`looks ${account.verdict}`));
        await page.press('Escape');
        const empty = await platformAudit(platform, 'dealfinder4821');
        assert.equal(empty, null, 'the core estimates nothing from an empty list');
        page = await session.open(pages.followersUrl('dealfinder4821'));
        await page.waitFor(() => ['no-data', 'unsupported'].includes(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state')));
      });
    }

    it(`${platform}: replaces the badge when the page moves to another profile`, { timeout: TEST_MS }, async (t) => {
      const missing = await platformMissing(platform);
      if (missing) return t.skip(missing);
      const second = await platformProfile(platform, 'dealfinder4821');
      page = await session.open(pages.profileUrl('examplestudio'));
      await page.waitFor(anyBadgeIs, { state: 'ready' });
      await page.click(pages.navigateTo);
      await page.waitFor(anyBadgeIs, { state: 'ready', labelHas: VERDICT_WORDS[second.verdict] });
      const badge = await page.evaluate(anyBadge);
      assert.equal(badge.count, 1, 'the old badge is gone');
      assertProfileLabel(badge.label, second);
      // dealfinder4821 reads "uncertain" on YouTube, where no labelled accounts were measured: its tooltip and its
      // panel say why "likely fake" needs a higher chance there; a profile read otherwise says nothing of it.
      const percent = (p) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 4 }).format(p);
      const raised = second.verdict === 'uncertain' && second.labelled_platform === false && second.fake_from > second.fake_from_labelled;
      const why = raised ? `No labelled accounts of this platform were measured, so “likely fake” needs a chance of at least ${
        percent(second.fake_from)} here (on X, Instagram and TikTok ${percent(second.fake_from_labelled)}).` : null;
      assert.equal(badge.description.includes('No labelled accounts'), raised, badge.description);
      if (why) assert.ok(badge.description.includes(why), badge.description);
      await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-${platform}-navigated.png`));
      await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
      await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
      const cut = (await page.evaluate(readPanel)).parts['account-cut'] ?? null;
      if (second.verdict !== 'uncertain') assert.equal(cut, null);
      else if (why) assert.equal(cut, why);
      else assert.match(cut, /^Reads “likely fake” from a chance of \d/);
    });
  }

  // ---- in-app navigation to a profile whose data the page fetched (TikTok's API, YouTube's browse) --------

  for (const platform of Object.keys(IN_APP)) {
    it(`${platform}: follows in-app navigation to a profile the page fetched, with the numbers of that response, and back`, { timeout: TEST_MS }, async (t) => {
      const missing = await platformMissing(platform);
      if (missing) return t.skip(missing);
      const nav = IN_APP[platform];
      const handle = nav.handle();
      const first = await platformProfile(platform, 'examplestudio');
      const second = await inAppProfile(platform);
      // Their verdicts may agree: the panel's counts tell which response the badge stands on.
      assert.notEqual(first.followers, second.followers, 'the two profiles have different follower counts');
      page = await session.open(nav.start);
      await page.waitFor(anyBadgeIs, { state: 'ready', labelHas: VERDICT_WORDS[first.verdict] });
      await page.evaluate(rememberBadge);
      assert.equal(await page.evaluate((h) => [...document.scripts].some((s) => s.textContent.includes(h)), handle), false,
        'the page embeds no data of the second profile');
      await page.evaluate(recordCaptures);
      const asked = page.requests.length;

      await page.click(nav.link);
      await page.waitFor(newBadgeIs, { state: 'ready' });
      const badge = await page.evaluate(anyBadge);
      assert.equal(badge.count, 1, 'the old badge is gone');
      assertProfileLabel(badge.label, second); // the core's verdict and p(fake) from the fetched response
      assert.equal(await page.evaluate(() => location.pathname), `/@${handle}`);
      const requested = page.requests.slice(asked);
      assert.equal(requested.filter((u) => nav.fetched.test(u)).length, 1, `the app fetched the profile (${requested.join(', ')})`);
      assert.equal(requested.length, 1, 'and loaded no page: the navigation was in-app');
      const captured = await page.evaluate(() => window.truefollowTestCaptures.map((c) => ({ url: c.url, navigation: /"page":"browse"/.test(c.body) })));
      assert.ok(captured.some((c) => nav.fetched.test(c.url)), 'the page world passed on the fetched response');
      if (platform === 'youtube') {
        assert.ok(captured.some((c) => c.url === `https://www.youtube.com/@${handle}` && c.navigation), 'and the data of yt-navigate-finish');
      }
      // The panel shows the counts the core read from the fetched response, in the user's number format.
      await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
      await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
      const panel = await page.evaluate(readPanel);
      const counts = [`${englishDigits(second.followers)} followers`, ...(second.following === null ? [] : [`follows ${englishDigits(second.following)}`]),
        `${englishDigits(second.posts)} post${second.posts === 1 ? '' : 's'}`].join(' · ');
      assert.equal(panel.parts['account-counts'], counts);
      await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-${platform}-in-app.png`));
      await page.press('Escape');

      await page.evaluate(rememberBadge);
      const fetchedBefore = page.requests.length;
      await page.back();
      await page.waitFor(newBadgeIs, { state: 'ready' });
      const back = await page.evaluate(anyBadge);
      assert.equal(back.count, 1);
      assertProfileLabel(back.label, first);
      await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
      await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
      assert.equal((await page.evaluate(readPanel)).parts['account-counts'].split(' · ')[0], `${englishDigits(first.followers)} followers`,
        'back on the first profile\'s numbers');
      await page.press('Escape');
      assert.deepEqual(page.requests.slice(fetchedBefore), [], 'Back is drawn from memory, with no request');
      if (platform === 'youtube') {
        const again = await page.evaluate(() => window.truefollowTestCaptures.map((c) => ({ url: c.url, navigation: /"page":"browse"/.test(c.body) })));
        assert.ok(again.some((c) => c.url === 'https://www.youtube.com/@examplestudio' && c.navigation), 'Back hands over its data with yt-navigate-finish');
      }
    });
  }

  itAskedOnlyTheFixtureSites(session);
});

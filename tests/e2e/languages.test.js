/*
 * The extension in German and Japanese, in each browser: the badge, its description and its panel, the options
 * page, with the numbers and dates as each language writes them, and axe-core finding nothing wrong; the
 * language chosen while a page is open changes the badge where it stands.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { xFollowerAudit, xProfile } from './lib/expected.js';
import { anyBadge, badgeIs, readPanel } from './lib/badge-probes.js';
import { englishDigits, germanDigits, isFloor, localPercentDisagrees, plain } from './lib/badge-asserts.js';
import { BADGE_AND_PANEL, axeViolations } from './lib/axe.js';
import { itAskedOnlyTheFixtureSites } from './lib/network-checks.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('the extension in other languages', (session) => {
  let page;

  const chooseLanguage = async (language) => {
    const options = await session.browser.openOptions();
    try {
      await options.waitFor(() => document.body.dataset.settingsReady === 'true');
      await options.evaluate((code) => {
        document.getElementById('language').value = code;
        document.getElementById('save-settings').click();
      }, language);
      await options.waitFor(() => document.getElementById('settings-status').textContent.length > 0);
      return await options.evaluate(() => ({ lang: document.documentElement.lang, stored: document.getElementById('stored-title').textContent,
        counts: document.getElementById('stored-counts').textContent, title: document.title }));
    } finally {
      await options.close();
    }
  };

  it('speaks German and Japanese in the badge, its panel and the options page, with their numbers and dates', { timeout: TEST_MS }, async () => {
    const audit = await xFollowerAudit('examplestudio');
    const account = await xProfile('examplestudio');
    const [run] = audit.factory.runs;
    assert.ok(run && account.followers >= 1000, 'the fixtures give a factory run and a four-digit count to format');
    const dayOf = (iso) => new Date(iso).getTime();
    // "29.07.2026" or "2026/07/29": within a day of the core's date, whatever the time zone.
    const sameDay = (d, m, y, iso) => Math.abs(Date.UTC(Number(y), Number(m) - 1, Number(d)) - dayOf(iso)) <= 86_400_000;
    try {
      const options = await chooseLanguage('de');
      assert.equal(options.lang, 'de');
      assert.equal(options.stored, 'Auf diesem Gerät gespeichert');
      assert.equal(options.title, 'truefollow – Einstellungen');
      assert.match(plain(options.counts), /^[\d.]+ Profile? und [\d.]+ Follower gespeichert\.$/);

      page = await session.open('https://x.com/examplestudio/followers');
      await page.waitFor(() => /gelesen/.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''));
      const badge = await page.evaluate(anyBadge);
      assert.equal(await page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('lang')), 'de');
      // The core's firm share of real followers, or only its bound "at least so many fake" (audit.c).
      const floor = isFloor(audit) && audit.fake.ci90[0] > 0;
      assert.ok(floor || typeof audit.real.share === 'number', `the fixture gives a number to show: ${JSON.stringify(audit.fake)}`);
      const shown = floor ? /^truefollow: ≥ (\d+(?:,\d)?) % gefälscht$/.exec(plain(badge.label))
        : /^truefollow: ≈ (\d+(?:,\d)?) % echt$/.exec(plain(badge.label));
      assert.ok(shown, `German badge "${badge.label}"`);
      assert.equal(localPercentDisagrees(shown[1], floor ? audit.fake.ci90[0] : audit.real.share), '');
      const detail = plain(badge.description);
      const sampleLine = floor ? `${audit.n} neueste Follower gelesen: gefälscht mindestens ${shown[1]} %, echt höchstens `
        : `${audit.n} neueste Follower gelesen: echt ${shown[1]} % (90 %: `;
      assert.ok(detail.startsWith(floor ? `Mindestens ${shown[1]} % dieser Follower sind gefälscht;` : sampleLine), detail);
      assert.ok(detail.includes(sampleLine), detail);
      // A share or bound under 10%: one decimal, with a comma.
      const inactive = floor ? /inaktiv höchstens (\d+,\d) % \(einseitige 90-%-Grenzen\)/.exec(detail) : /inaktiv (\d+,\d) % \(90 %: /.exec(detail);
      assert.ok(inactive, detail);
      assert.equal(localPercentDisagrees(inactive[1], floor ? audit.inactive.ci90[1] : audit.inactive.share), '');
      assert.ok(detail.endsWith('Für Details klicken oder Enter drücken.'), detail);

      await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
      await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
      let panel = await page.evaluate(readPanel);
      assert.equal(plain(panel.parts.headline), floor ? `Mindestens ${shown[1]} % der Follower sind gefälscht` : `≈ ${shown[1]} % der Follower wirken echt`);
      assert.deepEqual(panel.rows.map((r) => r.key), ['real', 'inactive', 'fake']);
      assert.match(plain(panel.rows[1].text), floor ? /^höchstens \d+,\d % \(einseitige 90-%-Grenze\)$/
        : /^\d+,\d % \(90-%-Intervall \d+,\d %–\d+(?:,\d)? %\)$/);
      if (floor) assert.equal(plain(panel.rows[2].text), `mindestens ${shown[1]} % (einseitige 90-%-Grenze)`);
      assert.equal(panel.parts.sample, `Stichprobe: ${audit.n} neueste Follower.`);
      assert.match(panel.parts.bias, /neigt die Schätzung zu inaktiv und gefälscht/);
      const runText = /^Gemeinsam erstellte Konten(\d+) der Follower in der Stichprobe gehören zu 1 Serie gemeinsam erstellter Konten \(ein Zeichen gekaufter Follower\)\.(\d+) Konten, erstellt vom (\d\d)\.(\d\d)\.(\d{4}) bis (\d\d)\.(\d\d)\.(\d{4})$/
        .exec(panel.parts.factory);
      assert.ok(runText, panel.parts.factory);
      assert.deepEqual([Number(runText[1]), Number(runText[2])], [audit.factory.in_runs, run.members]);
      assert.ok(sameDay(runText[3], runText[4], runText[5], run.created_from) && sameDay(runText[6], runText[7], runText[8], run.created_to), 'the run\'s dates, written the German way');
      assert.match(panel.parts.model, /^Modell: gbt-.+\. Auf diesem Gerät berechnet; nichts wurde gesendet\.$/);
      // Engagement in German too, its baseline's source included: no English kind, not the core's English line
      // (tests/node/engagement-source.test.js words every source the core can name).
      assert.ok(panel.parts.engagement.startsWith('Interaktion'), panel.parts.engagement);
      assert.doesNotMatch(panel.parts.engagement, /\b(?:measured|published|Source)\b/, panel.parts.engagement);
      if (audit.engagement.source) assert.ok(!panel.parts.engagement.includes(audit.engagement.source), panel.parts.engagement);
      assert.deepEqual(await axeViolations(page, BADGE_AND_PANEL), [], 'axe-core finds nothing wrong with the German badge and panel');
      await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x-followers-panel-de.png`));
      await page.press('Escape');

      page = await session.open('https://x.com/examplestudio');
      await page.waitFor(badgeIs, { state: 'ready' });
      await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
      await page.waitFor(() => document.querySelector('[data-truefollow-panel]')?.shadowRoot.querySelector('[data-part="account-counts"]'));
      panel = await page.evaluate(readPanel);
      assert.equal(panel.parts['account-counts'],
        `${germanDigits(account.followers)} Follower · folgt ${germanDigits(account.following)} · ${germanDigits(account.posts)} Beiträge`);
      assert.ok(plain(panel.parts.account).includes(`Das Profil selbst wirkt ${{ real: 'echt', inactive: 'inaktiv', uncertain: 'unklar', fake: 'gefälscht' }[account.verdict]}`), panel.parts.account);
      // Its reasons too: the core's sentence in German words with German digits, not the core's English text.
      const network = account.reasons.find((r) => r.key === 'network_both');
      assert.ok(network, 'the profile has a reason about its network');
      assert.ok(plain(panel.parts.account).includes(`folgt ${germanDigits(account.following)} Konten; ${germanDigits(account.followers)} Follower`),
        panel.parts.account);
      assert.ok(!panel.parts.account.includes(network.text), 'the reason is not left in English');
      await page.press('Escape');

      // Japanese, chosen while the page is open: the badge changes language where it stands.
      await chooseLanguage('ja');
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('lang') === 'ja');
      const ja = await page.evaluate(anyBadge);
      const jaShown = floor ? /^truefollow: 偽物 (\d+)% 以上$/.exec(ja.label) : /^truefollow: 本物 ≈ (\d+)%$/.exec(ja.label);
      assert.ok(jaShown, `Japanese badge "${ja.label}"`);
      assert.equal(localPercentDisagrees(jaShown[1], floor ? audit.fake.ci90[0] : audit.real.share), '');
      await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
      await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
      panel = await page.evaluate(readPanel);
      assert.equal(panel.parts.headline, floor ? `フォロワーの少なくとも ${jaShown[1]}% が偽物です` : `フォロワーの約${jaShown[1]}%が本物に見えます`);
      assert.equal(panel.parts['account-counts'],
        `フォロワー${englishDigits(account.followers)}人 · フォロー中${englishDigits(account.following)} · 投稿${englishDigits(account.posts)}件`);
      const jaRun = /(\d+)件のアカウント、(\d{4})\/(\d\d)\/(\d\d)～(\d{4})\/(\d\d)\/(\d\d)に作成$/.exec(panel.parts.factory);
      assert.ok(jaRun, panel.parts.factory);
      assert.ok(sameDay(jaRun[4], jaRun[3], jaRun[2], run.created_from) && sameDay(jaRun[7], jaRun[6], jaRun[5], run.created_to));
      assert.deepEqual(await axeViolations(page, BADGE_AND_PANEL), [], 'axe-core finds nothing wrong with the Japanese badge and panel');
      await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-x-panel-ja.png`));
      await page.press('Escape');
    } finally {
      await chooseLanguage('auto');
    }
    await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('lang') === 'en');
  });

  itAskedOnlyTheFixtureSites(session);
});

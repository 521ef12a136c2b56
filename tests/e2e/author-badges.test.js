/*
 * The marks on the authors of posts, in each browser: every author in a search or a thread on X and Bluesky,
 * and the other authors of the posts a profile shows on X, Bluesky and Mastodon (retweets, reposts and
 * reblogs), each with the core's verdict, in the chosen language, and none when the option is off.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { postAuthors, searchOrThreadAuthors } from './lib/audit-mode-expected.js';
import { badgeStateIs } from './lib/badge-probes.js';
import { authorMarks } from './lib/audit-mode-probes.js';
import { sleep } from './lib/audit-mode-asserts.js';
import { axeViolations } from './lib/axe.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';
import fs from 'node:fs';
import { root } from './lib/fixture-sites.js';

inEachBrowser('the marks on post authors', (session) => {
  let page;

  // The extension's English words, for the verdicts the marks name.
  const ENGLISH = JSON.parse(fs.readFileSync(path.join(root, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));

  for (const [platform, what] of [['x', 'search'], ['x', 'thread'], ['bluesky', 'search'], ['bluesky', 'thread']]) {
    it(`marks the authors of the posts in a ${what} on ${platform} with the core's verdicts`, { timeout: TEST_MS }, async () => {
      const { pageUrl, hrefs, verdicts } = await searchOrThreadAuthors(platform, what);
      const handleOf = (href) => href.replace(/^\/(?:profile\/)?/, '').toLowerCase();
      const judged = hrefs.filter((h) => ['real', 'inactive', 'fake'].includes(verdicts[handleOf(h)]));
      assert.ok(new Set(judged).size >= 2, `posts by at least two judged authors: ${hrefs}`);
      page = await session.open(pageUrl);
      await page.waitFor((n) => document.querySelectorAll('[data-truefollow-author-badge]').length === n, judged.length);
      const marks = await page.evaluate(authorMarks);
      assert.deepEqual(marks.map((m) => m.href), judged, 'one mark on each post, after its author\'s link');
      for (const mark of marks) {
        assert.equal(mark.verdict, verdicts[handleOf(mark.href)], `the core's verdict for ${mark.href}`);
        assert.equal(mark.label, `truefollow: the author of this post looks ${ENGLISH[`verdict_${mark.verdict}`].message}`);
      }
      assert.equal(await page.evaluate(() => document.querySelector('[data-truefollow-badge]')), null, 'no profile badge: no profile is shown');
      await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-author-badges-${platform}-${what}.png`));
    });
  }

  for (const platform of ['x', 'bluesky', 'mastodon']) {
    it(`marks the other authors of the posts a profile shows on ${platform} with the core's verdicts, not the profile, and drops the marks when the option is off`, { timeout: TEST_MS }, async () => {
      const { pageUrl, handle, profileHref, hrefs, verdicts } = await postAuthors(platform);
      const others = hrefs.filter((h) => h !== profileHref);
      assert.ok(new Set(others).size >= 2, `posts by at least two other authors: ${others}`);
      page = await session.open(pageUrl);
      await page.waitFor(badgeStateIs, 'ready');
      await page.waitFor((n) => document.querySelectorAll('[data-truefollow-author-badge]').length === n, others.length);
      const marks = await page.evaluate(authorMarks);
      assert.deepEqual(marks.map((m) => m.href), others, 'one mark on each post by someone else, after its author\'s link');
      for (const mark of marks) {
        const author = mark.href.replace(/^\/(?:profile\/|@)?/, '').toLowerCase();
        assert.ok(verdicts[author], `the core scored ${author}`);
        assert.equal(mark.verdict, verdicts[author], `the core's verdict for ${author}`);
        assert.equal(mark.role, 'img');
        assert.equal(mark.label, `truefollow: the author of this post looks ${ENGLISH[`verdict_${verdicts[author]}`].message}`);
      }
      // The X recording's retweets are all of accounts the core finds real: its marks cannot differ, and no
      // data is made up to make them.
      if (platform !== 'x') assert.ok(new Set(marks.map((m) => m.verdict)).size >= 2, `verdicts of more than one kind: ${marks.map((m) => m.verdict)}`);
      assert.ok(verdicts[handle.toLowerCase()], 'the core reports the profile as a post author too');
      assert.equal(await page.evaluate((href) => [...document.querySelectorAll(`a[href="${href}"]`)]
        .filter((a) => a.nextElementSibling?.hasAttribute('data-truefollow-author-badge')).length, profileHref), 0, 'no mark on the profile itself');
      assert.deepEqual(await axeViolations(page, ['#view']), [], 'axe: the posts with their marks');
      if (platform === 'mastodon') {
        // The marks speak the language chosen in the options, and change with it.
        await session.saveSettings(() => { document.getElementById('language').value = 'de'; });
        await page.waitFor(() => /^truefollow: Autor dieses Beitrags wirkt /.test(document.querySelector('[data-truefollow-author-badge]').getAttribute('aria-label')));
        await session.saveSettings(() => { document.getElementById('language').value = 'auto'; });
      }
      await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-author-badges-${platform}.png`));

      assert.equal(await session.saveSettings(() => { document.getElementById('author-badges').checked = false; }), 'Settings saved.');
      try {
        await page.waitFor(() => document.querySelectorAll('[data-truefollow-author-badge]').length === 0);
        page = await session.open(pageUrl);
        await page.waitFor((n) => document.querySelectorAll('#view :is(.row, article)').length >= n, hrefs.length);
        await page.waitFor(badgeStateIs, 'ready');
        await sleep(1000); // the marks would have come by now
        assert.equal(await page.evaluate(() => document.querySelectorAll('[data-truefollow-author-badge]').length), 0, 'no marks with the option off');
      } finally {
        await session.saveSettings(() => { document.getElementById('author-badges').checked = true; });
      }
    });
  }
});

/*
 * The follower counts a profile showed over visits, in each browser: every count kept, the core's sudden jumps
 * flagged after three visits; then the same in German, with the options page and the popup in German too.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { historyJumps } from './lib/audit-mode-expected.js';
import { badgeStateIs } from './lib/badge-probes.js';
import { historyOf, openPanelIn, panelPart } from './lib/audit-mode-probes.js';
import { axeViolations } from './lib/axe.js';
import { TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('the count history', (session) => {
  let page;

  it('keeps every follower count seen and flags the core\'s sudden jumps after three visits', { timeout: TEST_MS }, async () => {
    const counts = [1200, 1260, 9800]; // tests/fixtures/x/generated.mjs
    const jumps = await historyJumps(counts);
    for (let visit = 0; visit < 3; visit++) {
      page = await session.open('https://x.com/growingstar');
      await page.waitFor(badgeStateIs, 'ready');
      if (visit === 0) { // one count so far, said in the singular
        await page.waitFor(openPanelIn);
        await page.waitFor(() => / seen/.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="history-summary"]')?.textContent ?? ''));
        assert.equal(await page.evaluate(panelPart, 'history-summary'), '1 count seen: 1,200.');
      }
    }
    await page.waitFor(openPanelIn);
    await page.waitFor(() => /3 counts seen/.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="history-summary"]')?.textContent ?? ''));
    const history = await page.evaluate(historyOf);
    assert.equal(history.summary, '3 counts seen, from 1,200 to 9,800.');
    assert.equal(history.marks, jumps.length);
    assert.equal(jumps.length, 1);
    assert.match(history.jumps[0], /: 1,260 → 9,800\.$/);
  });

  it('speaks a second language, with numbers in its locale, and axe finds nothing on the options page', { timeout: TEST_MS }, async () => {
    await session.saveSettings(() => { document.getElementById('language').value = 'de'; });
    const options = await session.browser.openOptions();
    await options.waitFor(() => document.body.dataset.settingsReady === 'true');
    assert.equal(await options.evaluate(() => document.getElementById('settings-title').textContent), 'Einstellungen');
    assert.equal(await options.evaluate(() => document.documentElement.lang), 'de');
    assert.deepEqual(await axeViolations(options), [], 'axe: the options page');
    await options.close();
    const popup = await session.openPopup();
    assert.equal(await popup.evaluate(() => document.getElementById('vetting-title').textContent), 'Prüfliste');
    await popup.close();
    page = await session.open('https://x.com/growingstar');
    await page.waitFor(badgeStateIs, 'ready');
    await page.waitFor(openPanelIn);
    await page.waitFor(() => /Zählungen/.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="history-summary"]')?.textContent ?? ''));
    assert.equal(await page.evaluate(panelPart, 'history-summary'), '3 Zählungen gesehen, von 1.200 bis 9.800.');
    assert.match(await page.evaluate(panelPart, 'audit-status'), /öffnet die Follower-Liste/);
    await session.saveSettings(() => { document.getElementById('language').value = 'auto'; });
  });
});

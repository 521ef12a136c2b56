/*
 * Where the badge's answer comes from, the same in each browser (content-core-chromium.test.js,
 * content-core-firefox.test.js): the core in the content script scores the page's response as it arrives
 * (core/content-core.js), and the worker still keeps what it read; where the page's policy forbids compiling
 * WebAssembly, the badge says the same: in Chromium, which holds a content script to the page's policy, from the
 * worker's core; in Firefox, which does not, from the content script's. The test build shows on
 * <html data-truefollow-scored-here> how many captures the content script's core scored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { untilStored } from './browsers.js';
import { VERDICT_WORDS, xProfile } from './expected.js';

const TEST_MS = 180_000;

// Runs in the page: the ready badge's label, or null.
function readyLabel() {
  const button = document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button');
  return button?.getAttribute('data-state') === 'ready' ? button.getAttribute('aria-label') : null;
}
const scoredHere = () => document.documentElement.getAttribute('data-truefollow-scored-here');

export function contentCoreScenarios(launch, { forbidsWasmInContent }) {
  describe('the badge answered in the page, kept by the worker', { timeout: TEST_MS * 3 }, () => {
    let browser;
    let expected;
    before(async () => {
      browser = await launch();
      expected = await xProfile('examplestudio');
    }, { timeout: TEST_MS });
    after(async () => { await browser?.close(); });

    let labelHere;
    it('scores the profile in the content script and stores it through the worker', { timeout: TEST_MS }, async () => {
      const since = Date.now();
      const page = await browser.newPage();
      await page.goto('https://x.com/examplestudio');
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
      labelHere = await page.evaluate(readyLabel);
      assert.ok(labelHere.includes(VERDICT_WORDS[expected.verdict]), `the badge says ${VERDICT_WORDS[expected.verdict]}: ${labelHere}`);
      assert.equal(await page.evaluate(scoredHere), '1', 'the content script\'s core scored the one profile response');
      await untilStored(browser, [{ key: 'p|x|examplestudio', field: 'seen_at', since }]);
      await page.close();
    });

    it('falls back to the worker\'s core where the page forbids WebAssembly, with the same answer', { timeout: TEST_MS }, async () => {
      const page = await browser.newPage();
      await page.goto('https://x.com/examplestudio?policy=no-wasm');
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
      assert.equal(await page.evaluate(readyLabel), labelHere, 'the same badge either way');
      if (forbidsWasmInContent) assert.equal(await page.evaluate(scoredHere), null, 'the page\'s policy applies to the content script here: the worker answered');
      else assert.equal(await page.evaluate(scoredHere), '1', 'the page\'s policy does not bind the content script here: its core answered');
      await page.close();
    });
  });
}

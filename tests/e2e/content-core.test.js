/*
 * Where the badge's answer comes from, in each browser: the core in the content script scores the page's response
 * as it arrives (core/content-core.js), and the worker still keeps what it read. Where the page's policy forbids
 * compiling WebAssembly, the badge says the same: in Chromium, which holds a content script to the page's policy,
 * from the worker's core; in Firefox, which does not, from the content script's. The test build shows on
 * <html data-truefollow-scored-here> how many captures the content script's core scored.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { VERDICT_WORDS, xProfile } from './lib/expected.js';
import { TEST_MS, inEachBrowser, untilStored } from './lib/session.js';

// Runs in the page: the ready badge's label, and the count of captures scored here.
const readyLabel = () => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-label') ?? null;
const scoredHere = () => document.documentElement.getAttribute('data-truefollow-scored-here');
// Whether the browser holds a content script's WebAssembly to the page's content security policy.
const POLICY_BINDS_CONTENT = { chromium: true, firefox: false };

inEachBrowser('the badge answered in the page, kept by the worker', (session) => {
  let labelHere;

  it('scores the profile in the content script and stores it through the worker', { timeout: TEST_MS }, async () => {
    const expected = await xProfile('examplestudio');
    const since = Date.now();
    const page = await session.openReady('https://x.com/examplestudio');
    labelHere = await page.evaluate(readyLabel);
    assert.ok(labelHere.includes(VERDICT_WORDS[expected.verdict]), `the badge says ${VERDICT_WORDS[expected.verdict]}: ${labelHere}`);
    assert.equal(await page.evaluate(scoredHere), '1', 'the content script\'s core scored the one profile response');
    await untilStored(session.browser, [{ key: 'p|x|examplestudio', field: 'seen_at', since }]);
  });

  it('says the same where the page forbids WebAssembly', { timeout: TEST_MS }, async () => {
    const page = await session.openReady('https://x.com/examplestudio?policy=no-wasm');
    assert.equal(await page.evaluate(readyLabel), labelHere, 'the same badge either way');
    if (POLICY_BINDS_CONTENT[session.browser.name]) {
      assert.equal(await page.evaluate(scoredHere), null, 'the page\'s policy binds the content script: the worker answered');
    } else {
      assert.equal(await page.evaluate(scoredHere), '1', 'the page\'s policy does not bind the content script: its core answered');
    }
  });
});

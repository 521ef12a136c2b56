/*
 * The checks that end every session on the fixture sites: the tabs asked only the fixture sites for anything, the
 * extension itself asked nothing of anyone (its worker's own requests recorded: browsers.js), and on X only for
 * the pages and the data requests the fixture pages make themselves.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { WAIT_MS } from './browsers.js';
import { badgeIs } from './badge-probes.js';
import { CANARY_MARK, CANARY_URL } from './hook-marks.js';
import { TEST_MS } from './session.js';

// Polls fn() in the test (not the page) until it is true.
async function eventually(fn, what) {
  for (const start = Date.now(); Date.now() - start < WAIT_MS; await new Promise((r) => setTimeout(r, 100))) {
    if (await fn()) return;
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** The two tests, at the end of a file's tests: they read everything its session asked for. */
export function itAskedOnlyTheFixtureSites(session) {
  it('asks the web only for the page and the site\'s own data requests', { timeout: TEST_MS }, async () => {
    const asked = session.browser.requests.filter((url) => new URL(url).hostname === 'x.com');
    assert.ok(asked.length > 0);
    const unexpected = asked.filter((url) => !/^https:\/\/x\.com\/(?:[A-Za-z0-9_]+(?:\/followers)?|i\/api\/graphql\/Fx1Example0Query\/\w+\?variables=.*|favicon\.ico)$/.test(url));
    assert.deepEqual(unexpected, [], 'no request the fixture page did not make itself');
  });

  it('makes no network request of its own during the whole session', { timeout: TEST_MS }, async (t) => {
    const hosts = new Set(session.browser.sites.flatMap((s) => s.hosts));
    const fixtureHost = (url) => hosts.has(new URL(url).hostname);
    // data: URLs (fonts the browser inlines) are not requests to the network.
    const foreign = session.browser.requests.filter((url) => !url.startsWith('data:') && !fixtureHost(url));
    assert.deepEqual(foreign, [], 'the tabs asked only the fixture sites');
    t.diagnostic(`recorded: ${session.browser.watchesExtension}`);
    if (session.browser.extensionRequests) {
      const outside = session.browser.extensionRequests.filter((url) => !url.startsWith('chrome-extension://'));
      assert.deepEqual(outside, [], 'the extension\'s worker requested nothing outside its own package');
    }
    if (session.browser.networkRequests) {
      const outside = session.browser.networkRequests.filter((url) => !fixtureHost(url));
      assert.deepEqual(outside, [], 'nothing left the browser for anywhere but the fixture sites, the background script included');
    }
    const record = session.browser.extensionRequests ?? session.browser.networkRequests;
    assert.ok(record, 'the extension\'s own requests are recorded in this browser');

    // The record would show a request of the extension's own: the test build's worker makes one when asked. In
    // Chromium that worker is stopped first, so that the one answering starts while the recorder watches (the
    // first may have started before it), and its load of the core shows in the record too.
    const page = await session.open('https://x.com/examplestudio');
    await page.waitFor(badgeIs, { state: 'ready' });
    if (session.browser.extensionRequests) assert.equal(await session.browser.stopWorker(), 1, 'the extension\'s worker is stopped');
    await page.evaluate((body) => window.dispatchEvent(new CustomEvent('truefollow-page-world', { detail: JSON.stringify({ source: 'truefollow-page-world',
      type: 'page/captured', url: 'https://x.com/i/api/graphql/Fx1Example0Query/UserByScreenName', body }) })), JSON.stringify({ test: CANARY_MARK }));
    const canary = new URL(CANARY_URL).hostname;
    await eventually(() => record.some((url) => new URL(url).hostname === canary), `the worker's canary request in the record`);
    if (session.browser.extensionRequests) {
      // The recorder sees the worker: it loaded the core from its own package.
      assert.ok(session.browser.extensionRequests.some((url) => /^chrome-extension:\/\/[a-p]{32}\/core\/truefollow-core\.wasm$/.test(url)),
        `the worker's own requests are recorded (${session.browser.extensionRequests.length})`);
    }
  });
}

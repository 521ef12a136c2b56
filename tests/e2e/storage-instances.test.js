/*
 * Two Mastodon instances in one store, in each browser (the test build grants mastodon.example and fedi.example),
 * each with a local @alice of its own: each instance's pages show their own stored records, and captures forged
 * on one change nothing the other shows.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { mastodonAliceAudit, percentDisagrees } from './lib/expected.js';
import { isFloor } from './lib/badge-asserts.js';
import { describesSample } from './lib/badge-probes.js';
import { audienceDisagrees, audienceNumber, estimateShown, openStoredCounts, readAll } from './lib/storage-pages.js';
import { TEST_MS, inEachBrowser, untilStored } from './lib/session.js';

inEachBrowser('Mastodon instances kept apart', (session) => {
  let page;

  it('keeps each Mastodon instance\'s own @alice apart, and a capture forged on one instance changes nothing another shows', { timeout: TEST_MS }, async () => {
    await session.closePage();
    const [home, fedi] = [await mastodonAliceAudit('mastodon.example'), await mastodonAliceAudit('fedi.example')];
    assert.equal(isFloor(home.audit), isFloor(fedi.audit), 'the two estimates are of one kind');
    assert.ok(Math.abs(audienceNumber(home.audit) - audienceNumber(fedi.audit)) > 0.1, 'the two alices have audiences the core tells apart');
    const audited = async (instance) => {
      const since = Date.now();
      page = await session.open(`https://${instance}/@alice/followers`);
      await page.waitFor(describesSample);
      await untilStored(session.browser, [{ key: `a|mastodon|${instance}/alice`, field: 'audit_at', since }]); // the worker's store write
    };
    await audited('fedi.example');
    await audited('mastodon.example'); // the newer estimate of a handle spelled the same
    const fediShown = await estimateShown(session, 'https://fedi.example/@alice');
    assert.equal(audienceDisagrees(fediShown, fedi.audit), '', `fedi.example's alice shows her own estimate: ${fediShown}`);
    const homeShown = await estimateShown(session, 'https://mastodon.example/@alice');
    assert.equal(audienceDisagrees(homeShown, home.audit), '', `mastodon.example's alice shows hers: ${homeShown}`);

    const options = await openStoredCounts(session);
    const fediRecords = (all) => Object.fromEntries(Object.entries(all).filter(([k]) => k.includes('|mastodon|fedi.example/')));
    const before_ = fediRecords(await options.evaluate(readAll));
    for (const kind of ['p', 'a', 'h']) assert.ok(before_[`${kind}|mastodon|fedi.example/alice`], `${kind}|mastodon|fedi.example/alice is stored`);
    assert.equal(before_['i|mastodon|fedi.example/alice'], undefined, 'an audit that started by itself keeps no inputs');
    assert.equal(before_['p|mastodon|fedi.example/alice'].account.followers, fedi.lookup.followers_count);

    // mastodon.example's page forges captures: alice as its own and as fedi.example's, with other counts, and
    // fedi.example's alice's followers; then a sentinel, whose record shows when the worker has read them all.
    page = session.page; // mastodon.example's @alice, as estimateShown left it open
    await page.evaluate(({ lookup }) => {
      const send = (url, body) => window.dispatchEvent(new CustomEvent('truefollow-page-world', { detail: JSON.stringify({ source: 'truefollow-page-world', type: 'page/captured', url, body: JSON.stringify(body) }) }));
      const forged = { ...lookup, followers_count: 1, following_count: 7000, statuses_count: 0 };
      send('https://mastodon.example/api/v1/accounts/lookup?acct=alice', forged);
      send('https://mastodon.example/api/v1/accounts/lookup?acct=alice@fedi.example', { ...forged, acct: 'alice@fedi.example' });
      send(`https://mastodon.example/api/v1/accounts/${lookup.id}/followers`, [{ ...forged, id: '1', acct: 'someone' }]);
      send('https://mastodon.example/api/v1/accounts/lookup?acct=sentinel', { ...lookup, id: '42', username: 'sentinel', acct: 'sentinel' });
    }, { lookup: fedi.lookup });
    await options.waitFor(() => (globalThis.browser ?? globalThis.chrome).storage.local.get('p|mastodon|mastodon.example/sentinel')
      .then((r) => 'p|mastodon|mastodon.example/sentinel' in r));
    await new Promise((r) => setTimeout(r, 500)); // and a moment for any straggling write
    const after_ = await options.evaluate(readAll);
    assert.deepEqual(fediRecords(after_), before_, 'fedi.example\'s records are as they were');
    assert.equal(after_['p|mastodon|mastodon.example/alice@fedi.example']?.account.followers, 1, 'the forgery is kept where it was made: under mastodon.example');
    await options.close();
    const again = await estimateShown(session, 'https://fedi.example/@alice');
    assert.equal(audienceDisagrees(again, fedi.audit), '', 'and fedi.example still shows its own');
    // The popup on fedi.example's tab: her stored record, under her full address.
    const popup = await session.openPopup();
    assert.equal(await popup.evaluate(() => document.querySelector('[data-part="current-profile"]')?.textContent), '@alice@fedi.example (mastodon)');
    const real = await popup.evaluate(() => document.querySelector('[data-part="current-real"]')?.textContent ?? '');
    // "62% (50%–72%)": the real share and its interval; "at most 37% (one-sided 90% bound)" where the core gives
    // only a lower bound on the fake share.
    if (isFloor(fedi.audit)) {
      const [, most] = /^at most (\S+) \(one-sided 90% bound\)$/.exec(real) ?? [];
      assert.equal(percentDisagrees(most ?? real, fedi.audit.real.ci90[1]), '', `the popup shows fedi.example's bound: ${real}`);
    } else {
      const [, shareText, low, high] = /^(\S+) \((\S+)–(\S+)\)$/.exec(real) ?? [];
      const shown = [percentDisagrees(shareText, fedi.audit.real.share), percentDisagrees(low, fedi.audit.real.ci90[0]),
        percentDisagrees(high, fedi.audit.real.ci90[1])];
      assert.deepEqual(shown, ['', '', ''], `the popup shows fedi.example's estimate: ${real}`);
    }
    await popup.close();
  });
});

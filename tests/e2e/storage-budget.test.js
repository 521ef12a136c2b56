/*
 * The store's budget, in each browser: a hostile Mastodon instance and a page on X itself flooding the store with
 * fabricated audits and profiles, and ten maximum-size audits in a row, each kept within its share of the budget
 * while the user's own research (a vetted X profile, its estimate and its vetting-list row) stays exactly as it was.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { root } from './lib/fixture-sites.js';
import { xFollowersBody } from './lib/expected.js';
import { xProfileBody } from '../fixtures/x/hostile.mjs';
import { budgetNow, openStoredCounts, readAll, userResearch, vettingRow } from './lib/storage-pages.js';
import { TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('the store within its budget', (session) => {
  let page;

  it('keeps the user\'s vetted X profile, its estimate and its vetting-list row exactly as they were while a hostile instance floods the store', { timeout: TEST_MS * 2 }, async (t) => {
    await session.closePage();
    const research = await userResearch(session);
    assert.ok(research.records['a|x|examplestudio']?.audit && research.row, 'the research is stored and listed');
    const followersPage = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'mastodon', 'page-followers-116315192323173151.json'), 'utf8'));
    const lookup = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'mastodon', 'page-lookup-alice.json'), 'utf8'));
    const FAKES = 40;
    // Eighty followers a page: the fixture's forty twice, every id made up.
    const fabricated = (i) => [...followersPage, ...followersPage].map((a, j) => ({ ...a, id: `${i + 1}${String(j).padStart(3, '0')}`, username: `f${i}x${j}`, acct: `f${i}x${j}` }));
    const options = await openStoredCounts(session);
    // A granted instance's page navigates itself to fabricated profiles' follower lists and posts pages for them:
    // audits that start by themselves, and profiles, with no user action. Each one's estimate is stored before
    // the page goes on to the next (a state only that audit produces), so that every fabricated profile is audited.
    page = await session.open('https://mastodon.example/@examplestudio');
    for (let i = 0; i < FAKES; i++) {
      await page.evaluate(({ i, lookup, followers }) => {
        const send = (url, body) => window.dispatchEvent(new CustomEvent('truefollow-page-world', { detail: JSON.stringify({ source: 'truefollow-page-world', type: 'page/captured', url, body: JSON.stringify(body) }) }));
        history.pushState({}, '', `/@fake${i}/followers`);
        const id = `${90000 + i}`;
        send(`https://mastodon.example/api/v1/accounts/lookup?acct=fake${i}`, { ...lookup, id, username: `fake${i}`, acct: `fake${i}`, followers_count: 80 });
        send(`https://mastodon.example/api/v1/accounts/${id}/followers`, followers);
      }, { i, lookup, followers: fabricated(i) });
      await options.waitFor((key) => (globalThis.browser ?? globalThis.chrome).storage.local.get(key).then((r) => key in r), `a|mastodon|mastodon.example/fake${i}`);
    }
    const all = await options.evaluate(readAll);
    const budget = await options.evaluate(budgetNow);
    t.diagnostic(`after the flood: ${JSON.stringify(budget.sites)}, ${budget.total} bytes in all (${budget.inUse ?? 'no getBytesInUse'} by the browser's count)`);
    for (const [key, value] of Object.entries(research.records)) assert.deepEqual(all[key], value, `${key} is exactly as it was`);
    assert.deepEqual(all.vetting, research.vetting, 'the vetting list is as it was');
    const fakeFollowers = Object.keys(all).filter((k) => /^f\|mastodon\|mastodon\.example\/\d{4,5}$/.test(k)).length; // the fabricated ids
    t.diagnostic(`${fakeFollowers} of ${FAKES * 80} fabricated followers kept`);
    assert.ok(fakeFollowers < FAKES * 80, `the flood went beyond the instance's share, and its own oldest records made room (${fakeFollowers} of ${FAKES * 80} followers kept)`);
    assert.ok(Object.keys(all).filter((k) => /^a\|mastodon\|mastodon\.example\/fake\d+$/.test(k)).length > 1, 'several fabricated estimates were stored');
    assert.ok(budget.sites['mastodon/mastodon.example'] <= budget.share, `the instance within its share: ${budget.sites['mastodon/mastodon.example']} of ${budget.share}`);
    assert.ok(budget.total <= budget.budget);
    assert.deepEqual(Object.keys(all).filter((k) => /^i\|mastodon\|mastodon\.example\/fake/.test(k)), [], 'audits nobody asked for keep no inputs');
    assert.deepEqual(budget.orphans, []);
    await options.close();
    assert.equal(await vettingRow(session), research.row, 'the popup\'s row is as it was');
  });

  it('keeps them exactly as they were while a page on X itself floods X with fabricated audits and profiles', { timeout: TEST_MS * 2 }, async (t) => {
    await session.closePage();
    const research = await userResearch(session);
    const FAKES = 30;
    // Each fabricated profile gets a followers page of its own: X's examplestudio page with every id changed.
    const followers = xFollowersBody('examplestudio');
    const pages = Array.from({ length: FAKES }, (_, i) => followers.replace(/"(rest_id|id_str)":"(\d+)"/g, `"$1":"77${String(i).padStart(3, '0')}77$2"`));
    const profiles = Array.from({ length: FAKES }, (_, i) => xProfileBody({ handle: `xfake${i}`, name: 'Fake', bio: 'fake' }));
    const options = await openStoredCounts(session);
    page = await session.open('https://x.com/dealfinder4821');
    for (let i = 0; i < FAKES; i++) {
      await page.evaluate(({ i, profile, followers }) => {
        const send = (url, body) => window.dispatchEvent(new CustomEvent('truefollow-page-world', { detail: JSON.stringify({ source: 'truefollow-page-world', type: 'page/captured', url, body }) }));
        history.pushState({}, '', `/xfake${i}/followers`);
        send('https://x.com/i/api/graphql/Fx1Example0Query/UserByScreenName', profile);
        send('https://x.com/i/api/graphql/Fx1Example0Query/Followers', followers);
      }, { i, profile: profiles[i], followers: pages[i] });
      await options.waitFor((key) => (globalThis.browser ?? globalThis.chrome).storage.local.get(key).then((r) => key in r), `a|x|xfake${i}`);
    }
    const all = await options.evaluate(readAll);
    const budget = await options.evaluate(budgetNow);
    t.diagnostic(`after the flood: ${JSON.stringify(budget.sites)}, ${budget.total} bytes in all (${budget.inUse ?? 'no getBytesInUse'} by the browser's count)`);
    for (const [key, value] of Object.entries(research.records)) assert.deepEqual(all[key], value, `${key} is exactly as it was`);
    assert.deepEqual(all.vetting, research.vetting, 'the vetting list is as it was');
    assert.ok(budget.sites.x <= budget.share, `X within its share: ${budget.sites.x} of ${budget.share}`);
    const fabricated = Object.keys(all).filter((k) => /^f\|x\|77\d{3}77/.test(k));
    const posted = FAKES * (followers.match(/"rest_id":"/g) ?? []).length;
    t.diagnostic(`${fabricated.length} of ${posted} fabricated followers kept`);
    assert.ok(fabricated.length > 0 && fabricated.length < posted, `the flood went beyond X's share, and its own oldest records made room (${fabricated.length} of ${posted} fabricated followers kept)`);
    assert.ok(!fabricated.some((k) => k.startsWith('f|x|7700077')), 'the first page\'s went first');
    assert.deepEqual(Object.keys(all).filter((k) => k.startsWith('i|x|xfake')), [], 'audits nobody asked for keep no inputs');
    assert.deepEqual(budget.orphans, []);
    await options.close();
    assert.equal(await vettingRow(session), research.row, 'the popup\'s row is as it was');
  });

  it('keeps ten maximum-size audits in a row under the budget, with no error', { timeout: TEST_MS * 2 }, async (t) => {
    await session.closePage();
    const research = await userResearch(session);
    const options = await openStoredCounts(session);
    // Ten audits the user started, each with 2,000 followers (the largest sample) and inputs of the largest size kept.
    // All through one store, one audit an evaluation: ten in one can outlast the protocol's timeout on a loaded machine.
    await options.evaluate(async () => {
      const { openStore } = globalThis.truefollowStore;
      window.tenAudits = await openStore((globalThis.browser ?? globalThis.chrome).storage.local, { instances: async () => ['mastodon.example', 'fedi.example'] });
    });
    const sizes = [];
    for (let i = 0; i < 10; i++) {
      sizes.push(await options.evaluate(async ({ i, budgetNowSource }) => {
        const measure = new Function(`return (${budgetNowSource})();`);
        const { LIMITS } = globalThis.truefollowStore;
        const store = window.tenAudits;
        const handle = `maxaudit${i}`;
        const followers = Array.from({ length: 2000 }, (_, j) => ({ platform: 'x', seen: 'followers', id: `${i}00${j}`, handle: `fan${i}x${j}`,
          verdict: 'real', p_fake: 0.2, reasons: [{ code: 'ok', text: 'display name of 3 words' }], created_at: '2020-01-01' }));
        await store.rememberAccounts([{ platform: 'x', seen: 'profile', id: `m${i}`, handle, followers: 2000 }, ...followers]);
        const inputs = { now: 1790000000, lang: 'en', options: {}, model: 'm', core: 'c', pages: 200, lines: 'l'.repeat(LIMITS.INPUT_BYTES - 400) };
        await store.rememberAudit({ platform: 'x', handle }, { n: 2000, real: { share: 0.5 } }, { inputs, userStarted: true });
        return { ...(await measure()), rereads: store.usage().rereads };
      }, { i, budgetNowSource: budgetNow.toString() }));
    }
    for (const [i, size] of sizes.entries()) {
      t.diagnostic(`audit ${i + 1}: x ${size.sites.x} bytes, ${size.total} in all${size.inUse === null ? '' : `, ${size.inUse} by the browser's count`}, ` +
        `the store's index read again ${size.rereads} times`);
      assert.ok(size.total <= size.budget, `audit ${i + 1}: ${size.total} bytes, within ${size.budget}`);
      if (size.inUse !== null) assert.ok(size.inUse <= size.budget + 64 * 1024, `the browser counts ${size.inUse} bytes in use`);
      assert.deepEqual(size.orphans, []);
    }
    const all = await options.evaluate(readAll);
    assert.ok(all['a|x|maxaudit9'] && typeof all['i|x|maxaudit9']?.lines === 'string', 'the latest estimate and its inputs are kept');
    for (const [key, value] of Object.entries(research.records)) assert.deepEqual(all[key], value, `${key} is exactly as it was`);
    await options.close();
    assert.equal(await vettingRow(session), research.row);
  });
});

// The store's budget (extension/storage/store.js): per site and in all, counted as Chromium counts storage.local's quota,
// on an in-memory stand-in for storage.local that refuses a write beyond its quota as Chromium does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { memoryArea } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sandbox = { URL, console: { warn: () => {} } };
sandbox.globalThis = sandbox;
for (const file of ['common/sites.js', 'storage/stored-shapes.js', 'storage/migrations.js', 'storage/store.js', 'storage/records.js']) {
  vm.runInNewContext(fs.readFileSync(path.join(root, 'extension', file), 'utf8'), sandbox, { filename: file });
}
const { openStore, bytesOf, LIMITS, StoreError } = sandbox.truefollowStore;
const records = sandbox.truefollowRecords;
const { siteOf, profileKeyOf } = sandbox.truefollowStoredShapes;
const plain = (v) => JSON.parse(JSON.stringify(v));

const SMALL = { ...LIMITS, BUDGET_BYTES: 120_000, RECORD_BYTES: 4000, INPUT_BYTES: 8000 }; // 20,000 bytes a site
const profile = (platform, handle, extra = {}) => ({ platform, seen: 'profile', id: `id-${handle}`, handle, followers: 100, p_fake: 0.1, verdict: 'real', ...extra });
const follower = (platform, id) => ({ platform, seen: 'followers', id, handle: `h${id}`, p_fake: 0.2, verdict: 'real', bio: 'b'.repeat(100) });
const audit = (n) => ({ n, too_few: false, real: { share: 0.8, ci90: [0.7, 0.9] }, inactive: { share: 0.1 }, fake: { share: 0.1 } });
const inputs = (chars) => ({ now: 1790000000, lang: 'en', options: {}, model: 'm', core: 'c', pages: 1,
  lines: JSON.stringify({ url: 'https://x.com/i/api/graphql/Q/Followers', body: 'x'.repeat(chars) }) });
const sizeOf = (area, keep = () => true) => [...area.data].filter(([k]) => keep(k)).reduce((n, [k, v]) => n + bytesOf(k, v), 0);
const recordsOf = (area, test) => Object.fromEntries([...area.data].filter(([k]) => test(k)).map(([k, v]) => [k, structuredClone(v)]));

// Every h, i and a record has its profile's p record: nothing orphaned.
function orphans(area) {
  const keys = [...area.data.keys()];
  return keys.filter((k) => /^[ahi]\|/.test(k) && !area.data.has(`p|${k.slice(2)}`));
}

// The user's own research: an X profile on the vetting list, with its estimate and history.
async function userResearch(store, area) {
  await store.rememberAccounts([profile('x', 'examplestudio', { followers: 5000 })]);
  await records.setVetting(area, [{ platform: 'x', handle: 'examplestudio' }]);
  await store.rememberAudit({ platform: 'x', handle: 'examplestudio' }, audit(300), { inputs: inputs(2000), userStarted: true });
}

describe('the storage budget', () => {
  it('counts a record as Chromium counts its quota: key and JSON in UTF-8, with what its JSON writer escapes', () => {
    assert.equal(bytesOf('p|x|a', { n: 1 }), 5 + 7);
    assert.equal(bytesOf('k', 'é'), 1 + 4, 'two bytes for é, two quotes');
    assert.equal(bytesOf('k', '<'), 1 + 8, '< is written as \\u003C');
    assert.equal(bytesOf('k', '😀'), 1 + 2 + 6, 'each half of a surrogate pair counted three bytes, never less than its four');
    // Measured in Chromium 156 (getBytesInUse): a time in milliseconds is a double written 1.796393094977e+12,
    // 2147483648 is written 2147483648.0; the count is never below either.
    assert.equal(bytesOf('k', 1796393094977), 1 + 18);
    assert.equal(bytesOf('k', { t: 1796393094977, f: 12 }) - bytesOf('k', { t: 1, f: 12 }), 18 - 1);
    assert.ok(bytesOf('k', 2147483648) >= 1 + 12);
    assert.equal(bytesOf('k', 2147483647), 1 + 10, 'a 32-bit integer as it is');
    for (const value of [{ a: 'abc<d>\u2028é😀' }, [1, 'x'], 'plain']) {
      assert.ok(bytesOf('key', value) >= Buffer.byteLength('key') + Buffer.byteLength(JSON.stringify(value)));
    }
  });

  it('tells each record\'s site and profile: a platform, and each Mastodon instance of its own', () => {
    assert.equal(siteOf('p|x|alice'), 'x');
    assert.equal(siteOf('f|mastodon|mastodon.example/109'), 'mastodon/mastodon.example');
    assert.equal(siteOf('h|mastodon|fedi.example/alice'), 'mastodon/fedi.example');
    assert.equal(siteOf('settings'), null);
    assert.equal(profileKeyOf('i|x|alice'), 'x|alice');
    assert.equal(profileKeyOf('f|x|1'), null);
  });

  it('keeps a flooding site within its share, removing only its own records: another site\'s, and the vetted profile, stay as they were', async () => {
    let clock = 0;
    const area = memoryArea();
    const store = await openStore(area, { now: () => ++clock, limits: SMALL, instances: async () => ['mastodon.example'] });
    await userResearch(store, area);
    await store.rememberAccounts([profile('instagram', 'someone')]);
    await store.rememberAudit({ platform: 'instagram', handle: 'someone' }, audit(50));
    const mine = recordsOf(area, (k) => !k.startsWith('f|') && (k.includes('|x|examplestudio') || k.startsWith('p|instagram|') || k.startsWith('a|instagram|') || k.startsWith('h|instagram|')));
    // A granted instance's page floods: fabricated profiles, their audits and followers, with no user action.
    for (let i = 0; i < 200; i++) {
      const handle = `fake${i}`;
      await store.rememberAccounts([profile('mastodon', handle), follower('mastodon', `9${i}`)], { instance: 'mastodon.example' });
      await store.rememberAudit({ platform: 'mastodon', handle, instance: 'mastodon.example' }, audit(i), { inputs: inputs(3000), userStarted: false });
    }
    // And a page on X floods X itself.
    for (let i = 0; i < 200; i++) {
      await store.rememberAccounts([profile('x', `xfake${i}`), follower('x', `7${i}`)]);
      await store.rememberAudit({ platform: 'x', handle: `xfake${i}` }, audit(i));
    }
    assert.deepEqual(recordsOf(area, (k) => k in mine), mine, 'the vetted X profile, its estimate, history and inputs, and Instagram\'s records are untouched');
    assert.deepEqual(plain(await records.vetting(area)), [{ platform: 'x', handle: 'examplestudio' }]);
    const usage = store.usage();
    for (const [site, bytes] of Object.entries(usage.sites)) assert.ok(bytes <= usage.siteBudget, `${site}: ${bytes} of ${usage.siteBudget}`);
    assert.ok(sizeOf(area) <= SMALL.BUDGET_BYTES, 'the whole store within the budget');
    assert.equal(usage.total, sizeOf(area, (k) => siteOf(k)), 'the store\'s own count is what is stored');
    assert.equal([...area.data.keys()].filter((k) => k.startsWith('i|mastodon|')).length, 0, 'audits nobody asked for keep no inputs');
    assert.ok(area.data.has('p|mastodon|mastodon.example/fake199') && area.data.has('a|mastodon|mastodon.example/fake199'), 'the newest records of the flooding site are kept');
    assert.ok(!area.data.has('p|mastodon|mastodon.example/fake0'), 'its oldest went');
    assert.deepEqual(orphans(area), []);
  });

  it('counts, and removes in turn, records written into storage.local beside it while it is open', async () => {
    let clock = 0;
    const area = memoryArea();
    const store = await openStore(area, { now: () => ++clock, limits: SMALL });
    await userResearch(store, area);
    // Written behind the open store: damaged records put straight into storage.local, and a follower another
    // store on the same area (another extension page's) kept.
    const beside = { 'p|x|garbage': 'not a record', 'f|x|12345': 17,
      'p|x|<img src=x onerror=alert(1)>': { platform: 'x', handle: '<img src=x onerror=alert(1)>', seen_at: 1, account: null } };
    await area.set(beside);
    const other = await openStore(area, { now: () => ++clock, limits: SMALL });
    await other.rememberAccounts([follower('x', 'besideme')]);
    const counted = (site) => sizeOf(area, (k) => siteOf(k) === site);
    await store.rememberAccounts([profile('x', 'first')]);
    assert.equal(store.usage().sites.x, counted('x'), 'the store counts what is stored, its own records or not');
    // A page on X floods X: the share is kept, and the oldest records, those written beside the store first, make room.
    for (let i = 0; i < 60; i++) {
      await store.rememberAccounts([profile('x', `xfake${i}`), ...Array.from({ length: 5 }, (_, j) => follower('x', `77${i}x${j}`))]);
      await store.rememberAudit({ platform: 'x', handle: `xfake${i}` }, audit(i));
      assert.ok(counted('x') <= store.usage().siteBudget, `after page ${i}: X within its share, ${counted('x')} of ${store.usage().siteBudget}`);
    }
    assert.equal(store.usage().sites.x, counted('x'));
    for (const key of [...Object.keys(beside), 'f|x|besideme']) assert.ok(!area.data.has(key), `${key} went`);
    assert.ok(!area.data.has('f|x|770x0') && area.data.has('f|x|7759x4'), 'the first page\'s followers went before the last\'s');
    assert.ok(area.data.has('a|x|examplestudio'), 'the vetted profile stays');
    assert.deepEqual(orphans(area), []);
  });

  it('keeps its count when the browser reports its own writes late, reading everything again only for another writer\'s', async () => {
    let clock = 0;
    const area = memoryArea();
    let fullReads = 0;
    const get = area.get.bind(area);
    area.get = (keys) => { if (keys === null) fullReads++; return get(keys); };
    const store = await openStore(area, { now: () => ++clock, limits: SMALL });
    const opening = fullReads;
    for (let i = 0; i < 40; i++) await store.rememberAccounts([profile('x', `p${i}`), follower('x', `${i}`)]);
    assert.equal(fullReads, opening, 'its own writes, reported as they are made, need no full read');
    // Reports held back while the same profile is written again and again, and records are removed to make room
    // (some of them written since): reported late, in order, they are still known as its own.
    area.hold();
    const before = new Set(area.data.keys());
    for (let i = 0; i < 6; i++) await store.rememberAccounts([profile('x', 'again', { followers: i }), follower('x', `late${i}`)]);
    assert.ok([...before].some((k) => !area.data.has(k)), 'records were removed to make room meanwhile');
    area.release();
    for (let i = 0; i < 30; i++) await store.rememberAccounts([profile('x', `q${i}`), follower('x', `q${i}`)]);
    assert.equal(fullReads, opening, 'nor do they when reported late');
    assert.equal(store.usage().rereads, 0);
    assert.equal(store.usage().sites.x, sizeOf(area, (k) => siteOf(k) === 'x'), 'the count is what is stored');
    assert.ok(store.usage().sites.x <= store.usage().siteBudget);
    // Another writer's record, reported late too, is read.
    area.hold();
    await area.set({ 'f|x|beside': { platform: 'x', seen_at: 1, account: { id: 'beside' } } });
    area.release();
    await store.rememberAccounts([profile('x', 'after')]);
    assert.equal(store.usage().rereads, 1, 'read again once');
    assert.equal(store.usage().sites.x, sizeOf(area, (k) => siteOf(k) === 'x'), 'and counted');
    // A store closed (the worker opened another) no longer follows the area.
    store.close();
    await area.set({ 'f|x|beside2': { platform: 'x', seen_at: 1, account: { id: 'beside2' } } });
    await store.rememberAccounts([profile('x', 'closed')]);
    assert.equal(store.usage().rereads, 1, 'not read again once closed');
  });

  it('removes kept inputs first, then followers, then whole profiles, the oldest first, and the vetted profile\'s inputs last', async () => {
    let clock = 0;
    const area = memoryArea();
    const loose = await openStore(area, { now: () => ++clock, limits: SMALL });
    await userResearch(loose, area);
    await loose.rememberAccounts([profile('x', 'old')]);
    await loose.rememberAudit({ platform: 'x', handle: 'old' }, audit(9), { inputs: inputs(3000), userStarted: true });
    for (let i = 0; i < 10; i++) await loose.rememberAccounts([follower('x', `${i}`)]);
    // The same records under a budget they just fit in: every new profile needs room.
    const tight = { ...SMALL, BUDGET_BYTES: (loose.usage().sites.x + 100) * SMALL.MIN_SITES };
    const store = await openStore(area, { now: () => ++clock, limits: tight });
    const before = new Set(area.data.keys());
    const gone = () => [...before].filter((k) => !area.data.has(k));
    const order = [];
    for (let i = 0; i < 40; i++) {
      await store.rememberAccounts([profile('x', `new${i}`)]);
      for (const key of gone()) if (!order.includes(key)) order.push(key);
      assert.ok(store.usage().sites.x <= store.usage().siteBudget);
    }
    const followers = order.filter((k) => k.startsWith('f|'));
    assert.equal(order[0], 'i|x|old', 'the unvetted profile\'s inputs went first');
    assert.deepEqual(followers, Array.from({ length: 10 }, (_, i) => `f|x|${i}`), 'then the followers, oldest first');
    assert.ok(order.indexOf('p|x|old') > order.indexOf('f|x|9'), 'then the old profile');
    assert.ok(!area.data.has('a|x|old') && !area.data.has('h|x|old'), 'whole: its estimate and history with it');
    for (const key of ['p|x|examplestudio', 'a|x|examplestudio', 'h|x|examplestudio', 'i|x|examplestudio']) assert.ok(area.data.has(key), `${key} kept`);
    assert.deepEqual(orphans(area), []);
  });

  it('counts a profile\'s engagers estimate in its own estimate record, and removes it with the profile, leaving nothing of it', async () => {
    let clock = 0;
    const area = memoryArea();
    const loose = await openStore(area, { now: () => ++clock, limits: SMALL });
    const engagers = { n: 38, too_few: false, real: { share: 0.5, ci90: [0.35, 0.65] }, inactive: { share: 0.2 }, fake: { share: 0.3, ci90: [0.18, 0.44] },
      kinds: { likers: 30, reposters: 0, commenters: 8 }, contrast: null, made_at: 5, followers_fake_share: 0.1, carried: true };
    await loose.rememberAccounts([profile('x', 'old')]);
    const without = loose.usage().sites.x;
    await loose.rememberAudit({ platform: 'x', handle: 'old' }, { ...audit(9), engagers });
    assert.equal(loose.usage().sites.x, sizeOf(area, (k) => siteOf(k) === 'x'), 'the site\'s count is what its records hold');
    assert.ok(loose.usage().sites.x - without >= bytesOf('e', engagers), 'the engagers estimate is counted in its site\'s bytes');
    assert.deepEqual(plain((await records.profile(area, { platform: 'x', handle: 'old' })).audit.engagers), engagers, 'read back with the profile');
    const tight = { ...SMALL, BUDGET_BYTES: (loose.usage().sites.x + 100) * SMALL.MIN_SITES };
    const store = await openStore(area, { now: () => ++clock, limits: tight });
    for (let i = 0; i < 10 && area.data.has('p|x|old'); i++) await store.rememberAccounts([profile('x', `new${i}`)]);
    assert.ok(!area.data.has('p|x|old') && !area.data.has('a|x|old'), 'the profile went, its estimate and engagers with it');
    assert.ok(![...area.data].some(([k, v]) => k.endsWith('|x|old') || JSON.stringify(v).includes('"followers_fake_share"')), 'nothing of the engagers estimate is left');
    assert.deepEqual(orphans(area), []);
  });

  it('refuses a write, and says so, changing nothing, when its site\'s share holds only what the user chose to keep', async () => {
    const area = memoryArea();
    const loose = await openStore(area, { limits: SMALL });
    await userResearch(loose, area);
    const kept = recordsOf(area, () => true);
    // A share with room for the vetted profile's records and 100 bytes more.
    const vetted = sizeOf(area, (k) => siteOf(k) === 'x' && !k.startsWith('i|'));
    const store = await openStore(area, { limits: { ...SMALL, BUDGET_BYTES: (vetted + 100) * SMALL.MIN_SITES } });
    await assert.rejects(store.rememberAccounts([profile('x', 'other')]), (e) => e instanceof StoreError && /budget of x/.test(e.message));
    assert.equal(store.usage().refused, 1);
    assert.deepEqual(recordsOf(area, () => true), kept, 'nothing was removed for a write that could not be made');
    await assert.rejects(store.rememberAccounts([profile('x', 'tiny')]), StoreError);
    assert.deepEqual(recordsOf(area, () => true), kept);
  });

  it('keeps inputs only for audits the user started or profiles on the vetting list, capped in number and size', async () => {
    let clock = 0;
    const area = memoryArea();
    const store = await openStore(area, { now: () => ++clock, limits: { ...SMALL, INPUT_BYTES: 5000 } });
    const subject = (handle) => ({ platform: 'x', handle });
    await store.rememberAudit(subject('auto'), audit(1), { inputs: inputs(100), userStarted: false });
    assert.equal(area.data.has('i|x|auto'), false, 'an audit that started by itself keeps none');
    await store.rememberAudit(subject('asked'), audit(1), { inputs: inputs(100), userStarted: true });
    assert.equal(area.data.get('i|x|asked').lines.length > 100, true, 'one the user started keeps them');
    await store.rememberAudit(subject('asked'), audit(2), { inputs: inputs(100), userStarted: false });
    assert.equal(area.data.has('i|x|asked'), false, 'a later audit that keeps none removes the older estimate\'s inputs');
    await records.setVetting(area, [subject('vetted')]);
    await store.rememberAudit(subject('vetted'), audit(1), { inputs: inputs(100) });
    assert.ok(area.data.has('i|x|vetted'), 'a vetted profile\'s audit keeps them');
    await store.rememberAudit(subject('huge'), audit(1), { inputs: inputs(6000), userStarted: true });
    assert.deepEqual({ lines: area.data.get('i|x|huge').lines, too_large: area.data.get('i|x|huge').too_large }, { lines: null, too_large: true });
    await store.rememberAudit(subject('third'), audit(1), { inputs: inputs(100), userStarted: true });
    const kept = [...area.data.keys()].filter((k) => k.startsWith('i|x|')).sort();
    assert.equal(kept.length, LIMITS.INPUTS_PER_SITE, `at most ${LIMITS.INPUTS_PER_SITE} a site: ${kept}`);
    assert.deepEqual(kept, ['i|x|third', 'i|x|vetted'], 'the unvetted oldest went first');
  });

  it('keeps ten maximum-size audits in a row within the budget, with no error, under Chromium\'s quota', async () => {
    let clock = 0;
    const area = memoryArea(LIMITS.QUOTA_BYTES);
    const store = await openStore(area, { now: () => ++clock });
    const big = { ...inputs(0), lines: 'l'.repeat(LIMITS.INPUT_BYTES - 200) };
    for (let i = 0; i < 10; i++) {
      await store.rememberAccounts([profile('x', `p${i}`), ...Array.from({ length: 200 }, (_, j) => follower('x', `${i}-${j}`))]);
      await store.rememberAudit({ platform: 'x', handle: `p${i}` }, audit(2000), { inputs: big, userStarted: true });
      assert.ok(area.size() <= LIMITS.BUDGET_BYTES, `after audit ${i + 1}: ${area.size()} bytes`);
      assert.ok(store.usage().sites.x <= store.usage().siteBudget);
    }
    assert.ok(area.data.has('a|x|p9') && area.data.get('i|x|p9').lines, 'the latest estimate and its inputs are kept');
    assert.deepEqual(orphans(area), []);
  });

  it('brings every site down to its smaller share when another instance is granted, each removing its own records', async () => {
    let clock = 0;
    const area = memoryArea();
    const first = await openStore(area, { now: () => ++clock, limits: SMALL, instances: async () => ['mastodon.example'] });
    for (let i = 0; i < 100; i++) await first.rememberAccounts([profile('x', `p${i}`), follower('x', `${i}`)]);
    const share = first.usage().siteBudget;
    assert.ok(first.usage().sites.x > share * 0.8, 'X fills its share');
    const granted = ['mastodon.example', 'fedi.example', 'social.example'];
    const again = await openStore(area, { now: () => ++clock, limits: SMALL, instances: async () => granted });
    await again.trim();
    assert.ok(again.usage().siteBudget < share);
    assert.ok(again.usage().sites.x <= again.usage().siteBudget);
    assert.ok(area.data.has('p|x|p99'), 'the newest stays');
    assert.deepEqual(orphans(area), []);
  });

  it('adds a follower count only when it changed, and keeps at most HISTORY_POINTS of them', async () => {
    let clock = 0;
    const area = memoryArea();
    const store = await openStore(area, { now: () => ++clock, limits: { ...LIMITS, HISTORY_POINTS: 3 } });
    for (const followers of [100, 100, 150, 151, 152]) await store.rememberAccounts([profile('x', 'Someone', { followers })]);
    assert.deepEqual(plain(await records.history(area, { platform: 'x', handle: 'someone' })).map((p) => p.followers), [150, 151, 152]);
    const area2 = memoryArea();
    const store2 = await openStore(area2, { now: () => ++clock });
    await store2.rememberAccounts([profile('x', 'a', { followers: 1 })]);
    const first = clock;
    await store2.rememberAccounts([profile('x', 'a', { followers: 1 })]);
    assert.deepEqual(plain(await records.history(area2, { platform: 'x', handle: 'a' })), [{ t: clock, followers: 1 }], 'a revisit with the same count moves its time');
    assert.ok(clock > first);
  });
});

// The device-only store (extension/storage/store.js) on an in-memory stand-in for storage.local that can run out of room.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { memoryArea } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const warnings = [];
const sandbox = { URL, console: { warn: (...args) => warnings.push(args.join(' ')) } };
sandbox.globalThis = sandbox;
for (const file of ['common/sites.js', 'storage/stored-shapes.js', 'storage/migrations.js', 'storage/store.js', 'storage/records.js']) {
  vm.runInNewContext(fs.readFileSync(path.join(root, 'extension', file), 'utf8'), sandbox, { filename: file });
}
const { openStore, StoreError, LIMITS } = sandbox.truefollowStore;
const { SCHEMA_VERSION } = sandbox.truefollowMigrations;
const records = sandbox.truefollowRecords;
const plain = (v) => JSON.parse(JSON.stringify(v)); // values made in the sandbox, comparable here
const V1 = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'store', 'schema-v1.json'), 'utf8'));

const account = (handle, seen = 'profile', extra = {}) => ({ platform: 'x', seen, id: `id-${handle}`, handle, p_fake: 0.1, verdict: 'real', ...extra });
const audit = { n: 69, too_few: false, sample: 'recent followers', real: { share: 0.8, ci90: [0.7, 0.9] }, inactive: { share: 0.1, ci90: [0, 0.2] }, fake: { share: 0.1, ci90: [0, 0.2] } };

describe('extension store', () => {
  it('keeps profiles, their audience estimates and every follower scored, and finds a profile by any spelling of its handle', async () => {
    let clock = 1000;
    const store = await openStore(memoryArea(), { now: () => clock++ });
    await store.rememberAccounts([account('ExampleStudio'), account('f1', 'followers'), account('f2', 'followers')]);
    await store.rememberAudit({ platform: 'x', handle: 'examplestudio' }, audit);
    const record = await store.recall({ platform: 'x', handle: '@EXAMPLESTUDIO' });
    assert.equal(record.account.handle, 'ExampleStudio');
    assert.deepEqual(record.audit, audit);
    assert.ok(record.audit_at >= 1000);
    assert.deepEqual({ ...store.counts() }, { profiles: 1, followers: 2, unreadable: 0 });
    assert.equal(await store.recall({ platform: 'mastodon', handle: 'examplestudio' }), null, 'platforms are kept apart');
  });

  it('writes the schema version to a new store and loses nothing when the same version opens it again', async () => {
    const area = memoryArea();
    const first = await openStore(area);
    await first.rememberAccounts([account('a'), account('f', 'followers')]);
    assert.deepEqual(area.data.get('schema'), { version: SCHEMA_VERSION });
    const again = await openStore(area);
    assert.deepEqual({ ...again.counts() }, { profiles: 1, followers: 1, unreadable: 0 });
    assert.equal((await again.recall({ platform: 'x', handle: 'a' })).account.id, 'id-a');
  });

  it('migrates an older store step by step, keeping every record, and records each step', async () => {
    const area = memoryArea();
    await (await openStore(area, { version: 1, migrations: [] })).rememberAccounts([account('a'), account('b')]);
    const steps = [];
    const migrations = [
      // v1 -> v2: a made-up change of layout: every profile record gains a `pinned` field.
      { from: 1, to: 2, async run(a) {
        steps.push(1);
        const all = await a.get(null);
        await a.set(Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('p|')).map(([k, v]) => [k, { ...v, pinned: false }])));
      } },
      { from: 2, to: 3, async run() { steps.push(2); } },
    ];
    const store = await openStore(area, { version: 3, migrations });
    assert.deepEqual(steps, [1, 2]);
    assert.deepEqual(area.data.get('schema'), { version: 3 });
    assert.equal((await store.recall({ platform: 'x', handle: 'b' })).pinned, false);
    assert.deepEqual({ ...store.counts() }, { profiles: 2, followers: 0, unreadable: 0 });
  });

  it('refuses to open data written by a newer version, and leaves it untouched', async () => {
    const area = memoryArea();
    await area.set({ schema: { version: SCHEMA_VERSION + 1 }, 'p|x|a': { seen_at: 1, future: true } });
    await assert.rejects(openStore(area), (e) => e instanceof StoreError && /newer/.test(e.message));
    assert.deepEqual(area.data.get('p|x|a'), { seen_at: 1, future: true });
  });

  it('refuses a gap in the migrations instead of guessing', async () => {
    const area = memoryArea();
    await area.set({ schema: { version: 1 } });
    await assert.rejects(openStore(area, { version: 3, migrations: [{ from: 1, to: 2, run: async () => {} }] }), /no migration from schema version 2/);
    assert.deepEqual(area.data.get('schema'), { version: 2 }, 'the step that ran is recorded');
  });

  it('makes room when the browser\'s quota is hit all the same (other data in the area): its own oldest followers go first', async () => {
    let clock = 0;
    const area = memoryArea(6000);
    const store = await openStore(area, { now: () => ++clock });
    await store.rememberAccounts([account('keep')]);
    for (let i = 0; i < 60; i++) await store.rememberAccounts([account(`f${i}`, 'followers', { bio: 'x'.repeat(40) })]);
    const { profiles, followers } = store.counts();
    assert.equal(profiles, 1, 'the profile survived');
    assert.ok(followers > 0 && followers < 60, `some followers were evicted (${followers} kept)`);
    const kept = [...area.data.keys()].filter((k) => k.startsWith('f|'));
    assert.ok(kept.includes('f|x|id-f59'), 'the newest follower is kept');
    assert.ok(!kept.includes('f|x|id-f0'), 'the oldest follower went');
  });

  it('gives up with the quota error when nothing is left to evict', async () => {
    const store = await openStore(memoryArea(300));
    await assert.rejects(store.rememberAccounts([account('big', 'profile', { bio: 'x'.repeat(1000) })]), /QUOTA/);
  });

  it('deletes everything on request and stays usable', async () => {
    const area = memoryArea();
    const store = await openStore(area);
    await store.rememberAccounts([account('a'), account('f', 'followers')]);
    await store.clear();
    assert.deepEqual([...area.data.keys()], ['schema']);
    assert.deepEqual({ ...store.counts() }, { profiles: 0, followers: 0, unreadable: 0 });
    await store.rememberAccounts([account('b')]);
    assert.equal(store.counts().profiles, 1);
  });
});

// A copy of a stored snapshot in a fresh area.
function areaWith(snapshot, quotaBytes) {
  const area = memoryArea(quotaBytes);
  for (const [k, v] of Object.entries(snapshot)) area.data.set(k, JSON.parse(JSON.stringify(v)));
  return area;
}
const v1Profiles = Object.entries(V1).filter(([k]) => k.startsWith('p|'));
// The fixture's Mastodon pages are all on this instance, the one the user granted.
const INSTANCE = 'mastodon.example';
const granted = async () => [INSTANCE];

describe('extension store: upgrades', () => {
  // Where version 3 keeps a version 1 or 2 record: Mastodon's under its instance, everything else where it was.
  const v3Key = (key) => key.replace(/^([a-z])\|mastodon\|/, `$1|mastodon|${INSTANCE}/`);

  it('upgrades a version 1 store to version 3 keeping every profile, estimate, follower, history, input, list and setting', async () => {
    const area = areaWith(V1);
    const store = await openStore(area, { instances: granted });
    assert.equal(SCHEMA_VERSION, 3);
    assert.deepEqual(area.data.get('schema'), { version: 3 });
    assert.ok(v1Profiles.length >= 4 && v1Profiles.some(([, v]) => v.audit) && v1Profiles.some(([, v]) => !v.audit), 'the fixture has profiles with and without an estimate');
    assert.ok(v1Profiles.some(([, v]) => v.platform === 'mastodon'), 'and a Mastodon profile');
    for (const [key, old] of v1Profiles) {
      const instance = old.platform === 'mastodon' ? INSTANCE : undefined;
      const recalled = await store.recall({ platform: old.platform, handle: old.handle, instance });
      assert.deepEqual(recalled.account, old.account, `${key}: the account is kept`);
      assert.deepEqual(recalled.audit, old.audit, `${key}: the estimate is kept`);
      assert.equal(recalled.audit_at, old.audit_at, `${key}: and when it was made`);
      assert.equal(recalled.seen_at, old.seen_at, `${key}: and when the profile was last seen`);
      assert.equal(recalled.instance, instance, `${key}: its instance`);
      assert.equal('audit' in area.data.get(v3Key(key)), false, `${key}: the estimate left the profile record`);
      assert.equal(area.data.has(`a|${v3Key(key).slice(2)}`), old.audit !== null, `${key}: an estimate record exactly when there was an estimate`);
    }
    for (const [key, value] of Object.entries(V1).filter(([k]) => !k.startsWith('p|') && k !== 'schema' && k !== 'vetting')) {
      const moved = key.startsWith('f|mastodon|') ? { ...value, instance: INSTANCE } : value;
      assert.deepEqual(area.data.get(v3Key(key)), moved, `${key} is kept${v3Key(key) === key ? ' unchanged' : ` as ${v3Key(key)}`}`);
    }
    assert.deepEqual([...area.data.keys()].filter((k) => /^[a-z]\|mastodon\|[^/]+$/.test(k)), [], 'no Mastodon record is left without its instance');
    assert.deepEqual(area.data.get('vetting'), V1.vetting.map((e) => (e.platform === 'mastodon' ? { ...e, instance: INSTANCE } : e)));
    assert.deepEqual({ ...store.counts() }, { profiles: v1Profiles.length, followers: Object.keys(V1).filter((k) => k.startsWith('f|')).length, unreadable: 0 });
    const listed = await records.profiles(area);
    assert.deepEqual([...listed].map((r) => `${r.platform}|${r.handle}`).sort(), v1Profiles.map(([, v]) => `${v.platform}|${v.handle}`).sort(),
      'the popup lists every profile');
    assert.deepEqual(JSON.parse(JSON.stringify(await records.profile(area, { platform: 'x', handle: 'ExampleStudio' }))),
      JSON.parse(JSON.stringify(V1['p|x|examplestudio'])), 'a profile reads back exactly as version 1 kept it');
    assert.ok(await records.inputs(area, { platform: 'mastodon', handle: 'examplestudio', instance: INSTANCE }), 'the Mastodon audit\'s inputs, under its instance');
  });

  it('puts a version 2 Mastodon record under the instance its kept inputs came from, and removes one whose instance cannot be told', async () => {
    const area = areaWith(V1);
    await openStore(area, { version: 2 }); // the version 1 fixture, upgraded to version 2
    await area.set({ 'p|mastodon|someone@elsewhere.example': { platform: 'mastodon', handle: 'someone@elsewhere.example', seen_at: 5, account: null } });
    warnings.length = 0;
    // Two instances granted: only the audited profile's inputs say which one its records came from.
    const store = await openStore(area, { instances: async () => ['fedi.example', INSTANCE] });
    const recalled = await store.recall({ platform: 'mastodon', handle: 'examplestudio', instance: INSTANCE });
    assert.deepEqual(recalled.audit, V1['p|mastodon|examplestudio'].audit, 'the audited profile went to the host of its follower pages');
    assert.equal(await store.recall({ platform: 'mastodon', handle: 'examplestudio', instance: 'fedi.example' }), null, 'and to no other instance');
    assert.deepEqual([...area.data.keys()].filter((k) => k.includes('mastodon') && !k.startsWith(`i|`) && !k.startsWith('p|') && !k.startsWith('a|')), [],
      'followers, whose records say nothing of their instance, are removed');
    assert.equal(area.data.has('p|mastodon|someone@elsewhere.example'), false, 'a profile of no known instance is removed');
    assert.match(warnings.join('\n'), /Mastodon records? of no known instance removed/);
    assert.deepEqual({ ...store.counts() }, { profiles: v1Profiles.length, followers: Object.keys(V1).filter((k) => k.startsWith('f|x|')).length, unreadable: 0 });
  });

  it('keeps two instances\' local accounts of the same handle apart, and what one instance writes never changes the other\'s', async () => {
    const area = memoryArea();
    const store = await openStore(area, { now: () => 1 });
    const alice = (followers) => ({ platform: 'mastodon', seen: 'profile', id: '109', handle: 'alice', followers, verdict: 'real' });
    await store.rememberAccounts([alice(120)], { instance: 'mastodon.example' });
    await store.rememberAccounts([alice(9000)], { instance: 'fedi.example' });
    await store.rememberAudit({ platform: 'mastodon', handle: 'alice', instance: 'fedi.example' }, audit);
    const before = structuredClone(Object.fromEntries([...area.data].filter(([k]) => k.includes('fedi.example/'))));
    // A page on mastodon.example says anything it likes about alice, local or "of fedi.example", and her followers.
    await store.rememberAccounts([alice(1), { ...alice(2), handle: 'alice@fedi.example' }, { ...alice(3), seen: 'followers' }], { instance: 'mastodon.example' });
    await store.rememberAudit({ platform: 'mastodon', handle: 'alice', instance: 'mastodon.example' }, { ...audit, n: 1 });
    assert.deepEqual(Object.fromEntries([...area.data].filter(([k]) => k.includes('fedi.example/'))), before, 'fedi.example\'s records are as they were');
    assert.equal((await store.recall({ platform: 'mastodon', handle: 'alice', instance: 'fedi.example' })).account.followers, 9000);
    assert.deepEqual(plain((await store.recall({ platform: 'mastodon', handle: 'alice', instance: 'fedi.example' })).audit), audit);
    assert.equal((await store.recall({ platform: 'mastodon', handle: 'alice', instance: 'mastodon.example' })).account.followers, 1);
    assert.ok(area.data.has('p|mastodon|mastodon.example/alice@fedi.example'), 'a remote account seen on an instance is kept under that instance');
    assert.ok(area.data.has('f|mastodon|mastodon.example/109') && !area.data.has('f|mastodon|fedi.example/109'), 'follower ids per instance');
    await store.rememberAccounts([alice(7)]); // no instance: not kept at all
    assert.equal((await store.recall({ platform: 'mastodon', handle: 'alice', instance: 'mastodon.example' })).account.followers, 1);
    assert.equal(await store.recall({ platform: 'mastodon', handle: 'alice' }), null);
  });

  it('finishes an upgrade that was cut short, with the same result as one that ran through', async () => {
    const whole = areaWith(V1);
    await openStore(whole, { instances: granted });
    // The browser closes after a few records were moved: every set() after the third fails, as a dying process's would.
    const cut = areaWith(V1);
    const set = cut.set;
    let writes = 0;
    cut.set = async (items) => {
      if (++writes > 3) throw new Error('the browser closed');
      return set(items);
    };
    await assert.rejects(openStore(cut, { instances: granted }), /the browser closed/);
    assert.deepEqual(cut.data.get('schema'), { version: 1 }, 'the version stays 1 until the step is done');
    const moved = v1Profiles.filter(([k]) => !('audit' in cut.data.get(k))).length;
    assert.ok(moved > 0 && moved < v1Profiles.length, `the cut came in the middle (${moved} of ${v1Profiles.length} moved)`);
    for (const [key] of v1Profiles) {
      const record = cut.data.get(key);
      if ('audit' in record) assert.deepEqual(record, V1[key], `${key}: not moved yet, and whole`);
    }
    cut.set = set;
    await openStore(cut, { instances: granted });
    assert.deepEqual(Object.fromEntries(cut.data), Object.fromEntries(whole.data), 'the second run finishes the first');
  });

  it('finishes the move to per-instance Mastodon records when it was cut short, with the same result', async () => {
    const start = areaWith(V1);
    await openStore(start, { version: 2 });
    const whole = areaWith(Object.fromEntries(start.data));
    await openStore(whole, { instances: granted });
    for (const cutAfter of [1, 2, 7, 20]) {
      const cut = areaWith(Object.fromEntries(start.data));
      const [set, remove] = [cut.set, cut.remove];
      let writes = 0;
      const dying = (fn) => async (...args) => {
        if (++writes > cutAfter) throw new Error('the browser closed');
        return fn(...args);
      };
      cut.set = dying(set);
      cut.remove = dying(remove);
      await assert.rejects(openStore(cut, { instances: granted }), /the browser closed/);
      assert.deepEqual(cut.data.get('schema'), { version: 2 }, 'the version stays 2 until the step is done');
      [cut.set, cut.remove] = [set, remove];
      await openStore(cut, { instances: granted });
      assert.deepEqual(Object.fromEntries(cut.data), Object.fromEntries(whole.data), `cut after ${cutAfter} writes: the second run finishes the first`);
    }
  });
});

describe('extension store: a schema record that cannot be read, or none', () => {
  const upgraded = async () => {
    const area = areaWith(V1);
    await openStore(area, { instances: granted });
    return Object.fromEntries(area.data);
  };

  for (const damaged of [{ version: 'one' }, 'garbage', null, { version: 0 }, { version: 2.5 }, []]) {
    it(`runs every upgrade step when the schema record is ${JSON.stringify(damaged)}, reports it, and loses nothing`, async () => {
      const fromV1 = areaWith({ ...V1, schema: damaged });
      const store = await openStore(fromV1, { instances: granted });
      assert.deepEqual(Object.fromEntries(fromV1.data), await upgraded(), 'version 1 data ends as a sound upgrade leaves it');
      assert.deepEqual(plain(store.unreadable()).map((u) => u.key), ['schema']);
      assert.match(store.unreadable()[0].problem, /unreadable schema record/);
      assert.equal(store.counts().unreadable, 1);

      const current = await upgraded();
      const fromV3 = areaWith({ ...current, schema: damaged });
      await openStore(fromV3, { instances: granted });
      assert.deepEqual(Object.fromEntries(fromV3.data), current, 'version 3 data: the steps change nothing but the version');
    });
  }

  it('upgrades records found with no schema record, without calling that a problem', async () => {
    const { schema, ...noSchema } = V1;
    assert.deepEqual(schema, { version: 1 });
    const area = areaWith(noSchema);
    const store = await openStore(area, { instances: granted });
    assert.deepEqual(Object.fromEntries(area.data), await upgraded());
    assert.equal(store.counts().unreadable, 0);
  });
});

describe('extension store: atomic writes, damaged records, hostile accounts', () => {
  it('keeps the previous record whole when a write of it fails', async () => {
    const area = memoryArea();
    const store = await openStore(area, { now: () => 5 });
    await store.rememberAccounts([account('a', 'profile', { followers: 10 })]);
    const before = structuredClone(area.data.get('p|x|a'));
    area.set = async () => { throw new Error('the browser closed'); };
    await assert.rejects(store.rememberAccounts([account('a', 'profile', { followers: 99 })]), /closed/);
    await assert.rejects(store.rememberAudit({ platform: 'x', handle: 'a' }, audit), /closed/);
    assert.deepEqual(area.data.get('p|x|a'), before);
    assert.equal(area.data.has('a|x|a'), false);
    assert.equal((await store.recall({ platform: 'x', handle: 'a' })).account.followers, 10);
  });

  it('keeps both the account and the estimate when a capture and an audit of one profile arrive together', async () => {
    const area = memoryArea();
    // A slow storage area, as under load: each get and set yields to the other task several times.
    const slow = (fn) => async (...args) => { for (let i = 0; i < 5; i++) await null; return fn(...args); };
    area.get = slow(area.get.bind(area));
    area.set = slow(area.set.bind(area));
    const store = await openStore(area);
    await Promise.all([store.rememberAccounts([account('both')]), store.rememberAudit({ platform: 'x', handle: 'both' }, audit)]);
    const record = await store.recall({ platform: 'x', handle: 'both' });
    assert.equal(record.account?.id, 'id-both');
    assert.deepEqual(record.audit, audit);
    await Promise.all([store.rememberAccounts([account('both', 'profile', { followers: 1 })]), store.rememberAccounts([account('both', 'profile', { followers: 2 })])]);
    assert.deepEqual(plain(await records.history(area, { platform: 'x', handle: 'both' })).map((p) => p.followers), [1, 2], 'no count lost');
  });

  it('skips and reports damaged records while the rest loads, and lets a new write replace one', async () => {
    const area = areaWith(V1);
    await openStore(area, { instances: async () => ['mastodon.example'] }); // upgraded
    const damaged = {
      'p|x|garbage': 'not a record',
      'p|instagram|wrongtypes': { platform: 'instagram', handle: 42, seen_at: 'yesterday', account: 'oops' },
      'a|x|examplestudio': { platform: 'x', handle: 'examplestudio', audit: 'a string', audit_at: 1 },
      'f|x|12345': null,
      'h|instagram|examplestudio': { points: 'many' },
      'i|mastodon|mastodon.example/examplestudio': { lines: 7 },
      'p|mastodon|examplestudio': { platform: 'mastodon', handle: 'examplestudio', seen_at: 1, account: null }, // no instance
      'p|mastodon|fedi.example/examplestudio': { platform: 'mastodon', handle: 'examplestudio', instance: 'mastodon.example', seen_at: 1, account: null },
      'p|x|<img src=x onerror=alert(1)>': { platform: 'x', handle: '<img src=x onerror=alert(1)>', seen_at: 1, account: null },
    };
    await area.set(damaged);
    warnings.length = 0;
    const store = await openStore(area);
    const counts = store.counts();
    assert.equal(counts.unreadable, Object.keys(damaged).length);
    assert.deepEqual([...store.unreadable()].map((u) => u.key).sort(), Object.keys(damaged).sort());
    assert.ok(store.unreadable().every((u) => typeof u.problem === 'string' && u.problem.length > 0));
    assert.equal(counts.profiles, v1Profiles.length, 'every sound profile loads');
    assert.equal(counts.followers, Object.keys(V1).filter((k) => k.startsWith('f|')).length);
    assert.match(warnings.join('\n'), new RegExp(`${Object.keys(damaged).length} stored records could not be read and were skipped`));
    // The profile whose estimate is damaged still has its account; the damaged ones read as absent.
    const x = await store.recall({ platform: 'x', handle: 'examplestudio' });
    assert.deepEqual(x.account, V1['p|x|examplestudio'].account);
    assert.equal(x.audit, null);
    assert.equal(await store.recall({ platform: 'x', handle: 'garbage' }), null);
    assert.deepEqual(plain(await records.history(area, { platform: 'instagram', handle: 'examplestudio' })), []);
    assert.equal(await records.inputs(area, { platform: 'mastodon', handle: 'examplestudio', instance: 'mastodon.example' }), null);
    const listed = await records.profiles(area);
    assert.equal(listed.length, v1Profiles.length, 'the popup lists the sound profiles only');
    assert.ok(listed.every((r) => typeof r.handle === 'string' && typeof r.seen_at === 'number'));
    // A new estimate replaces the damaged one.
    await store.rememberAudit({ platform: 'x', handle: 'examplestudio' }, audit);
    assert.deepEqual((await store.recall({ platform: 'x', handle: 'examplestudio' })).audit, audit);
    assert.equal(store.counts().unreadable, Object.keys(damaged).length - 1);
    await store.rememberAccounts([account('examplestudio', 'profile', { platform: 'instagram', followers: 7 })]);
    assert.deepEqual(plain(await records.history(area, { platform: 'instagram', handle: 'examplestudio' })).map((p) => p.followers), [7]);
  });

  it('keeps a hostile account as data: only under a handle a page could name, with long strings clipped', async () => {
    const area = memoryArea();
    const store = await openStore(area);
    const name = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>\u202Egnp.exe${'W'.repeat(10000)}`;
    await store.rememberAccounts([
      account('hostile', 'profile', { name }),
      account('<script>alert(1)</script>', 'profile'),
      account('\u202Eevil', 'profile'),
      account('x'.repeat(10000), 'profile'),
      account('fan', 'followers', { id: 'a|b' }),
      account('fan2', 'followers', { id: 'x'.repeat(300) }),
      account('fan3', 'followers', { name }),
    ]);
    assert.deepEqual([...area.data.keys()].filter((k) => k !== 'schema').sort(), ['f|x|id-fan3', 'p|x|hostile']);
    const kept = area.data.get('p|x|hostile').account.name;
    assert.equal(kept.length, LIMITS.TEXT_CHARS + 1);
    assert.equal(kept, `${name.slice(0, LIMITS.TEXT_CHARS)}…`, 'a literal prefix of the name, nothing decoded or removed');
    assert.equal(area.data.get('f|x|id-fan3').account.name.length, LIMITS.TEXT_CHARS + 1);
  });

  it('clips a long string on a code point boundary', () => {
    const { clipAccount } = sandbox.truefollowStore;
    const clipped = clipAccount({ name: `${'a'.repeat(4)}😀😀` }, 5).name;
    assert.equal(clipped, 'aaaa…', 'a surrogate pair is not cut in half');
    assert.equal(clipAccount({ name: 'short', n: 5 }, 5).name, 'short');
  });
});

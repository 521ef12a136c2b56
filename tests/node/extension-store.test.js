// The device-only store (extension/store.js) on an in-memory stand-in for storage.local that can run out of room.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sandbox = {};
sandbox.globalThis = sandbox;
vm.runInNewContext(fs.readFileSync(path.join(root, 'extension', 'store.js'), 'utf8'), sandbox);
const { openStore, SCHEMA_VERSION, StoreError } = sandbox.truefollowStore;

// storage.local as the browsers offer it (get(null | key | keys), set, remove, clear), with a byte quota.
function memoryArea(quotaBytes = Infinity) {
  const data = new Map();
  const size = () => [...data].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  const copy = (v) => JSON.parse(JSON.stringify(v));
  return {
    data,
    async get(keys) {
      const wanted = keys === null ? [...data.keys()] : [].concat(keys);
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))]));
    },
    async set(items) {
      const before = new Map(data);
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
      if (size() > quotaBytes) {
        data.clear();
        for (const [k, v] of before) data.set(k, v);
        throw new Error('QUOTA_BYTES quota exceeded');
      }
    },
    async remove(keys) { for (const k of [].concat(keys)) data.delete(k); },
    async clear() { data.clear(); },
  };
}

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
    assert.deepEqual({ ...store.counts() }, { profiles: 1, followers: 2 });
    assert.equal(await store.recall({ platform: 'mastodon', handle: 'examplestudio' }), null, 'platforms are kept apart');
  });

  it('writes the schema version to a new store and loses nothing when the same version opens it again', async () => {
    const area = memoryArea();
    const first = await openStore(area);
    await first.rememberAccounts([account('a'), account('f', 'followers')]);
    assert.deepEqual(area.data.get('schema'), { version: SCHEMA_VERSION });
    const again = await openStore(area);
    assert.deepEqual({ ...again.counts() }, { profiles: 1, followers: 1 });
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
    assert.deepEqual({ ...store.counts() }, { profiles: 2, followers: 0 });
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

  it('makes room when the quota is hit: the oldest followers go first, profiles stay', async () => {
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

  it('keeps no more followers than its cap, dropping the oldest', async () => {
    let clock = 0;
    const store = await openStore(memoryArea(), { now: () => ++clock, limits: { FOLLOWERS: 5, PROFILES: 5, EVICT_SHARE: 0.25, QUOTA_RETRIES: 4 } });
    for (let i = 0; i < 8; i++) await store.rememberAccounts([account(`f${i}`, 'followers')]);
    assert.equal(store.counts().followers, 5);
  });

  it('deletes everything on request and stays usable', async () => {
    const area = memoryArea();
    const store = await openStore(area);
    await store.rememberAccounts([account('a'), account('f', 'followers')]);
    await store.clear();
    assert.deepEqual([...area.data.keys()], ['schema']);
    assert.deepEqual({ ...store.counts() }, { profiles: 0, followers: 0 });
    await store.rememberAccounts([account('b')]);
    assert.equal(store.counts().profiles, 1);
  });
});

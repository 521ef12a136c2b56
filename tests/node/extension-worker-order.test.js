// The background worker in Node (extension/worker/background.js, with the Node build of the core in place of the web
// one, and a stand-in for the browser's extension API): it answers a capture before anything of it is stored,
// stores it afterwards in order, and a recall waits for those writes; it reads the settings once, and again
// after they changed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extensionFiles } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROFILE_URL = 'https://x.com/i/api/graphql/Fx1Example0Query/UserByScreenName';
const profileBody = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'x', 'UserByScreenName_examplestudio.json'), 'utf8');

// storage.local with onChanged, whose writes can be held back until released (hold(), release()).
function heldArea(onChanged) {
  const data = {};
  const reads = [];
  const writes = [];
  let held = null;
  const changed = (changes) => setTimeout(() => onChanged.forEach((fn) => fn(changes, 'local')), 0);
  const pick = (keys) => {
    if (keys === null || keys === undefined) return structuredClone(data);
    const list = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
  };
  const write = async (apply) => {
    if (held) await held.promise;
    apply();
  };
  return {
    data,
    reads,
    writes,
    hold() {
      let release;
      held = { promise: new Promise((resolve) => { release = resolve; }) };
      held.release = release;
    },
    release() {
      held?.release();
      held = null;
    },
    async get(keys) {
      reads.push(keys);
      return pick(keys);
    },
    set(items) {
      writes.push(...Object.keys(items));
      return write(() => {
        const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { oldValue: data[k], newValue: v }]));
        Object.assign(data, structuredClone(items));
        changed(changes);
      });
    },
    remove(keys) {
      return write(() => {
        for (const k of [keys].flat()) delete data[k];
      });
    },
    clear() {
      return write(() => {
        for (const k of Object.keys(data)) delete data[k];
      });
    },
  };
}

describe('the worker', () => {
  const onMessage = [];
  const onChanged = [];
  const area = heldArea(onChanged);
  let dir;
  const ignored = { addListener() {} };
  // One message from the X profile's tab; resolves with the worker's answer.
  const send = (message) => new Promise((resolve, reject) => {
    const sender = { id: 'truefollow', tab: { id: 1 }, url: 'https://x.com/examplestudio' };
    const handled = onMessage.map((fn) => fn(message, sender, resolve)).some(Boolean);
    if (!handled) reject(new Error('the worker ignored the message'));
  });
  const capture = () => send({ type: 'content/captured', url: PROFILE_URL, body: profileBody, lang: 'en' });
  const recall = () => send({ type: 'content/recall', subject: { platform: 'x', handle: 'examplestudio' } });
  const settingsReads = () => area.reads.filter((k) => k === 'settings').length;

  before(async () => {
    globalThis.chrome = {
      runtime: {
        id: 'truefollow',
        onMessage: { addListener: (fn) => onMessage.push(fn) },
        getManifest: () => ({ content_scripts: [{ matches: ['https://x.com/*'], js: ['page/page-world.js'], world: 'MAIN' },
          { matches: ['https://x.com/*'], js: ['content/content.js'] }] }),
        getURL: (file) => `chrome-extension://truefollow${file}`,
      },
      storage: { local: area, onChanged: { addListener: (fn) => onChanged.push(fn) } },
      permissions: { getAll: async () => ({ origins: [] }), onAdded: ignored, onRemoved: ignored },
      scripting: { getRegisteredContentScripts: async () => [], unregisterContentScripts: async () => {}, registerContentScripts: async () => {} },
    };
    // The extension's scripts, with the core's Node build where the web build would be.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-worker-'));
    for (const name of extensionFiles('.js')) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.copyFileSync(path.join(root, 'extension', name), path.join(dir, name));
    }
    fs.mkdirSync(path.join(dir, 'core'));
    fs.writeFileSync(path.join(dir, 'core', 'web.js'), `export { loadCore } from ${JSON.stringify(pathToFileURL(path.join(root, 'js-glue', 'node.js')).href)};\n`);
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
    await import(pathToFileURL(path.join(dir, 'worker', 'background.js')).href);
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    delete globalThis.chrome;
  });

  it('answers a capture before storing it, stores it in order afterwards, and a recall waits for those writes', { timeout: 30_000 }, async () => {
    assert.equal((await recall()).report.profile, null, 'nothing stored yet');
    area.hold(); // from here, no write completes until released
    const written = area.writes.length;
    const answer = await capture(); // with a write on the answer's path, this never comes (the test times out)
    assert.equal(answer.type, 'worker/report');
    assert.ok(answer.report.accounts.some((a) => a.seen === 'profile' && a.handle === 'examplestudio'), 'the profile is scored');
    assert.equal(area.data['p|x|examplestudio'], undefined, 'the answer came before the account was stored');

    let recalled = null;
    const recalling = recall().then((r) => { recalled = r; });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(recalled, null, 'the recall waits for the writes queued before it');
    area.release();
    await recalling;
    assert.equal(recalled.report.profile?.account?.handle, 'examplestudio', 'the recall sees the stored account');
    assert.equal(area.data['h|x|examplestudio'].points.length, 1, 'the follower count is kept');
    const order = area.writes.slice(written).filter((k) => k.endsWith('|x|examplestudio'));
    assert.deepEqual(order, ['p|x|examplestudio', 'h|x|examplestudio'], 'the account first, then its count, as queued');
  });

  it('answers and stores an audit without engagers with the engagers estimate stored with the profile, in its own record', { timeout: 30_000 }, async () => {
    const x = (name) => fs.readFileSync(path.join(root, 'tests', 'fixtures', 'x', name), 'utf8');
    const followers = { url: 'https://x.com/i/api/graphql/Fx1Example0Query/Followers', body: x('Followers_examplestudio.json') };
    const retweeters = { url: 'https://x.com/i/api/graphql/Fx1Example0Query/Retweeters', body: x('Retweeters.json') };
    const subject = { platform: 'x', handle: 'examplestudio' };
    const auditOf = (records) => send({ type: 'content/audit', records, lang: 'en', subject });

    const first = (await auditOf([retweeters, followers])).report.audit;
    assert.ok(first.engagers?.n > 0, 'the retweeters are the engagers');
    assert.equal(first.engagers.carried, undefined, 'made from this audit\'s inputs');
    assert.ok(Number.isFinite(first.engagers.made_at));
    assert.equal(first.engagers.followers_fake_share, first.fake.share);

    // Another tab, or the same after a reload: the followers alone.
    const second = (await auditOf([followers])).report.audit;
    assert.equal(second.n, first.n);
    assert.equal(second.engagers?.carried, true, 'the stored engagers estimate is taken over');
    for (const k of ['n', 'real', 'inactive', 'fake', 'kinds', 'contrast', 'made_at', 'followers_fake_share']) {
      assert.deepEqual(second.engagers[k], first.engagers[k], `${k} as it was made`);
    }
    await recall(); // waits for the writes
    assert.deepEqual(area.data['a|x|examplestudio'].audit.engagers, second.engagers, 'stored inside the profile\'s estimate record');
    assert.deepEqual(Object.keys(area.data).filter((k) => k.endsWith('|x|examplestudio')).sort(), ['a|x|examplestudio', 'h|x|examplestudio', 'p|x|examplestudio'],
      'no record of its own beside the profile\'s');
    assert.equal((await recall()).report.profile.audit.engagers.n, first.engagers.n, 'a recall (the profile page, another tab) has it');
  });

  it('reads the settings once, and again after they changed', { timeout: 30_000 }, async () => {
    await capture();
    const reads = settingsReads();
    assert.ok(reads >= 1);
    await capture();
    assert.equal(settingsReads(), reads, 'a second capture reads no settings');
    await area.set({ settings: { fake_threshold: 0.9 } });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the change event, which the stand-in sends in a task of its own
    await capture();
    assert.equal(settingsReads(), reads + 1, 'the settings are read again after they changed');
  });
});

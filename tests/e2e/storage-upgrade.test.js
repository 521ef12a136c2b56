/*
 * Stored data survives, in each browser, on one browser profile kept across launches:
 * - an upgrade: storage.local as schema version 1 left it (tests/fixtures/store/schema-v1.json, written by that
 *   version's own code) is migrated when the extension opens it, and everything in it is kept and shown;
 * - an interrupted write: the extension's store rewrites one profile record again and again with a large
 *   payload, and the browser is killed (SIGKILL) in the middle; after a relaunch on the same profile the record
 *   is whole (the previous version or a complete newer one, never a mix) and no acknowledged write is lost;
 * - damaged records: records of every kind are broken directly in storage.local; the options page says how
 *   many could not be read, and the popup, the options page and the badges keep working with the rest.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { root } from './lib/fixture-sites.js';
import { percentDisagrees } from './lib/expected.js';
import { badgeStateIs } from './lib/badge-probes.js';
import { countsShown, estimateShown, openStoredCounts, problems, readAll, reloadOptions } from './lib/storage-pages.js';
import { TEST_MS, inEachBrowser } from './lib/session.js';

const V1 = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'store', 'schema-v1.json'), 'utf8'));
const V1_PROFILES = Object.entries(V1).filter(([k]) => k.startsWith('p|'));
const V1_FOLLOWERS = Object.keys(V1).filter((k) => k.startsWith('f|')).length;
// The test build grants two Mastodon instances (mastodon.example and fedi.example): version 1's Mastodon records
// go to the instance their kept inputs name (mastodon.example), and its followers, whose records name none, are
// removed (store.js, the step from version 2 to 3).
const INSTANCE = 'mastodon.example';
const V1_MASTODON_FOLLOWERS = Object.keys(V1).filter((k) => k.startsWith('f|mastodon|')).length;
const v3Key = (key) => key.replace(/^([a-z])\|mastodon\|/, `$1|mastodon|${INSTANCE}/`);
const PADDING = 150_000; // numbers in each generation of the interrupted record: about 1 MB of JSON

// Runs in an extension page: rewrites the X profile record through the extension's own store, generation after
// generation, until the page dies; window.progress says how many writes were issued and how many the browser acknowledged.
function startRewriting({ account, padding }) {
  window.progress = { issued: 0, acked: 0 };
  (async () => {
    // A record far larger than a profile's (RECORD_BYTES), that still fits X's share of the budget.
    const { openStore, LIMITS } = globalThis.truefollowStore;
    const store = await openStore((globalThis.browser ?? globalThis.chrome).storage.local, { limits: { ...LIMITS, RECORD_BYTES: 4 * 1024 * 1024 } });
    for (let generation = 1; ; generation++) {
      window.progress.issued = generation;
      await store.rememberAccounts([{ ...account, generation, padding: new Array(padding).fill(generation) }]);
      window.progress.acked = generation;
    }
  })();
}

inEachBrowser('stored data survives', (session) => {
  let page;

  // Once the browser runs on the kept profile (launch() waits until the extension's scripts run in pages), the
  // wait until the extension paints a badge.
  const badgePainted = async () => {
    await session.openReady('https://x.com/dealfinder4821');
    await session.closePage();
  };
  const start = async () => {
    await session.start();
    await badgePainted();
  };
  before(badgePainted, { timeout: TEST_MS });
  after(() => fs.rmSync(session.launchOptions.profile, { recursive: true, force: true }));

  it('upgrades data of schema version 1, keeping and showing every profile, estimate, history, input, list and setting, Mastodon\'s under its instance', { timeout: TEST_MS }, async () => {
    const options = await openStoredCounts(session);
    await options.evaluate(async (v1) => {
      const storage = (globalThis.browser ?? globalThis.chrome).storage.local;
      await storage.clear();
      await storage.set(v1);
    }, V1);
    assert.deepEqual((await options.evaluate(readAll)).schema, { version: 1 });
    await reloadOptions(options); // opening the store runs the migrations
    const stored = await options.evaluate(readAll);
    assert.deepEqual(stored.schema, { version: 3 });
    for (const [key, old] of V1_PROFILES) {
      const { audit, audit_at: auditAt, ...profileRecord } = old;
      const scope = old.platform === 'mastodon' ? { instance: INSTANCE } : {};
      assert.deepEqual(stored[v3Key(key)], { ...profileRecord, ...scope }, `${key}: the profile and its account are kept`);
      const estimate = stored[`a|${v3Key(key).slice(2)}`];
      if (audit) assert.deepEqual(estimate, { platform: old.platform, handle: old.handle, ...scope, audit, audit_at: auditAt }, `${key}: its estimate is kept`);
      else assert.equal(estimate, undefined);
    }
    for (const [key, value] of Object.entries(V1).filter(([k]) => !k.startsWith('p|') && !k.startsWith('f|mastodon|') && k !== 'schema' && k !== 'vetting')) {
      assert.deepEqual(stored[v3Key(key)], value, `${key} is kept as it was`);
    }
    assert.deepEqual(Object.keys(stored).filter((k) => k.includes('|mastodon|') && !k.includes(`|mastodon|${INSTANCE}/`)), [],
      'every Mastodon record under its instance, or gone');
    assert.ok(V1_MASTODON_FOLLOWERS > 0 && Object.keys(stored).filter((k) => k.startsWith('f|mastodon|')).length === 0,
      'Mastodon followers, of no known instance with two granted, are removed');
    assert.deepEqual(stored.vetting, V1.vetting.map((e) => (e.platform === 'mastodon' ? { ...e, instance: INSTANCE } : e)));
    assert.deepEqual(await options.evaluate(problems), []);
    assert.deepEqual(await options.evaluate(countsShown),
      { counts: `${V1_PROFILES.length} profiles and ${V1_FOLLOWERS - V1_MASTODON_FOLLOWERS} followers stored.`, skipped: null });
    await options.close();

    // The badges show the estimates kept from version 1.
    const x = await estimateShown(session, 'https://x.com/examplestudio');
    assert.equal(percentDisagrees(/≈ (\S+) real/.exec(x)[1], V1['p|x|examplestudio'].audit.real.share), '', x);
    const mastodon = await estimateShown(session, 'https://mastodon.example/@examplestudio');
    assert.equal(percentDisagrees(/≈ (\S+) real/.exec(mastodon)[1], V1['p|mastodon|examplestudio'].audit.real.share), '', mastodon);
    // The popup lists every profile, and keeps the vetting list.
    const popup = await session.openPopup();
    const recent = await popup.evaluate(() => [...document.querySelectorAll('#recent li')].map((li) => li.dataset.handle));
    for (const [, old] of V1_PROFILES.filter(([, v]) => v.audit || v.account)) assert.ok(recent.includes(old.handle), `${old.handle} in ${recent}`);
    const vetted = await popup.evaluate(() => [...document.querySelectorAll('#vetting tbody tr')].map((tr) => tr.dataset.handle));
    assert.deepEqual(vetted, V1.vetting.map((s) => s.handle));
    await popup.close();
  });

  it('leaves the record whole when the browser is killed in the middle of rewriting it', { timeout: TEST_MS * 2 }, async (t) => {
    await session.closePage();
    const options = await openStoredCounts(session);
    const before_ = await options.evaluate(readAll);
    const key = 'p|x|examplestudio';
    assert.ok(before_[key]?.account && before_['a|x|examplestudio'], 'the profile and its estimate are stored');
    await options.evaluate(startRewriting, { account: before_[key].account, padding: PADDING });
    await options.waitFor(() => window.progress?.acked >= 3);
    const progress = await options.evaluate(() => ({ ...window.progress }));
    await session.browser.kill();
    t.diagnostic(`killed with ${progress.issued} writes issued, ${progress.acked} acknowledged`);

    await start();
    const again = await openStoredCounts(session);
    const after_ = await again.evaluate(readAll);
    assert.deepEqual(await again.evaluate(problems), [], 'every record reads');
    assert.equal((await again.evaluate(countsShown)).skipped, null, 'the options page reports nothing skipped');
    const record = after_[key];
    const generation = record.account.generation;
    assert.ok(Number.isInteger(generation) && generation >= 1, 'a rewritten generation');
    assert.equal(record.account.padding.length, PADDING, 'the whole of it');
    assert.ok(record.account.padding.every((v) => v === generation), 'and nothing of another generation');
    assert.ok(generation >= progress.acked, `no acknowledged write lost (found ${generation}, ${progress.acked} acknowledged)`);
    t.diagnostic(`found generation ${generation} whole`);
    const { generation: _g, padding: _p, ...rest } = record.account;
    assert.deepEqual(rest, before_[key].account, 'the rest of the record as it was');
    // The rewritten profile's follower count is kept in its history by the same writes (its time moves).
    const rewritten = [key, 'h|x|examplestudio', 'h|x|dealfinder4821', 'p|x|dealfinder4821'];
    for (const [k, value] of Object.entries(before_).filter(([k]) => !rewritten.includes(k))) {
      assert.deepEqual(after_[k], value, `${k} is unchanged`);
    }
    await again.close();
    const x = await estimateShown(session, 'https://x.com/examplestudio');
    assert.equal(percentDisagrees(/≈ (\S+) real/.exec(x)[1], V1['p|x|examplestudio'].audit.real.share), '', 'the estimate still shows');
  });

  it('skips damaged records, says how many, and keeps the popup, the options page and the badges working', { timeout: TEST_MS }, async () => {
    await session.closePage();
    const damaged = {
      'p|x|garbage': 'not a record',
      'p|instagram|wrongtypes': { platform: 'instagram', handle: 42, seen_at: 'yesterday', account: 'oops' },
      'a|x|examplestudio': { platform: 'x', handle: 'examplestudio', audit: 'a string', audit_at: 1 },
      'f|x|12345': 17,
      'h|instagram|examplestudio': { points: 'many' },
      'i|mastodon|mastodon.example/examplestudio': { lines: 7 },
      'p|mastodon|examplestudio': { platform: 'mastodon', handle: 'examplestudio', seen_at: 1, account: null }, // no instance
      'p|x|<img src=x onerror=alert(1)>': { platform: 'x', handle: '<img src=x onerror=alert(1)>', seen_at: 1, account: null },
    };
    const options = await openStoredCounts(session);
    const sound = (await options.evaluate(countsShown)).counts;
    await options.evaluate((items) => (globalThis.browser ?? globalThis.chrome).storage.local.set(items), damaged);
    await reloadOptions(options);
    const shown = await options.evaluate(countsShown);
    assert.equal(shown.skipped, `${Object.keys(damaged).length} stored records could not be read and were skipped.`);
    // The damaged estimate's profile still counts (its profile record is sound); the damaged profiles do not.
    assert.equal(shown.counts, sound, 'the sound records all load');
    assert.deepEqual((await options.evaluate(problems)).map(([k]) => k).sort(), Object.keys(damaged).sort());
    await options.close();

    const popup = await session.openPopup();
    const recent = await popup.evaluate(() => [...document.querySelectorAll('#recent li')].map((li) => li.dataset.handle));
    assert.ok(recent.includes('examplestudio') && !recent.includes('garbage') && !recent.includes('wrongtypes'), recent.join(' '));
    assert.ok(recent.every((h) => !h.includes('<')));
    await popup.close();

    // X: the estimate is damaged, so the badge shows the profile's own score instead of failing.
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(() => / · p\(fake\) /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-label') ?? ''));
    // Instagram: the damaged count history is started afresh by the visit.
    page = await session.open('https://www.instagram.com/examplestudio/');
    await page.waitFor(badgeStateIs, 'ready');
    const inspector = await openStoredCounts(session);
    await inspector.waitFor(() => (globalThis.browser ?? globalThis.chrome).storage.local.get('h|instagram|examplestudio')
      .then((r) => Array.isArray(r['h|instagram|examplestudio']?.points)));
    const history = (await inspector.evaluate(readAll))['h|instagram|examplestudio'];
    assert.equal(history.points.length, 1, 'a new history with this visit\'s count');
    await inspector.close();
  });
}, { launchOptions: () => ({ profile: fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-storage-')) }) });

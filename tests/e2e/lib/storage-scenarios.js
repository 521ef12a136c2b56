/*
 * Stored data survives, the same in each browser (storage-chromium.test.js, storage-firefox.test.js), on one
 * browser profile kept across launches:
 * - an upgrade: storage.local as schema version 1 left it (tests/fixtures/store/schema-v1.json, written by that
 *   version's own code) is migrated when the extension opens it, and everything in it is kept and shown;
 * - an interrupted write: the extension's store rewrites one profile record again and again with a large
 *   payload, and the browser is killed (SIGKILL) in the middle; after a relaunch on the same profile the record
 *   is whole (the previous version or a complete newer one, never a mix) and no acknowledged write is lost;
 * - damaged records: records of every kind are broken directly in storage.local; the options page says how
 *   many could not be read, and the popup, the options page and the badges keep working with the rest;
 * - two Mastodon instances (the test build grants mastodon.example and fedi.example), each with a local @alice
 *   of its own: each instance's pages show their own stored records, and captures forged on one change nothing
 *   the other shows.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { root } from './fixture-sites.js';
import { mastodonAliceAudit, percentDisagrees, xFollowersBody } from './expected.js';
import { untilStored } from './browsers.js';
import { xProfileBody } from '../../fixtures/x/hostile.mjs';

const TEST_MS = 180_000;

// A badge's audience label against the core's audit: "≈ N real" for a share, "≥ N fake" where the core gives
// only the one-sided bound (audit.c). '' when they agree.
const isFloor = (audit) => Boolean(!audit.too_few && audit.fake?.at_least === true);
function audienceDisagrees(label, audit) {
  const m = (isFloor(audit) ? /^truefollow: ≥ (\S+) fake$/ : /^truefollow: ≈ (\S+) real$/).exec(label ?? '');
  if (!m) return `"${label}" does not give the core's ${isFloor(audit) ? 'bound' : 'share'}`;
  return percentDisagrees(m[1], isFloor(audit) ? audit.fake.ci90[0] : audit.real.share);
}
// The number the badge gives for an audit: the real share, or the fewest fakes.
const audienceNumber = (audit) => (isFloor(audit) ? audit.fake.ci90[0] : audit.real.share);
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

// ---- in an extension page ---------------------------------------------------------------------------------

function readAll() {
  return (globalThis.browser ?? globalThis.chrome).storage.local.get(null);
}
function problems() {
  const { problemOf } = globalThis.truefollowStoredShapes;
  return (globalThis.browser ?? globalThis.chrome).storage.local.get(null)
    .then((all) => Object.entries(all).map(([k, v]) => [k, problemOf(k, v)]).filter(([, p]) => p));
}
function countsShown() {
  const counts = document.getElementById('stored-counts').textContent;
  const skipped = document.getElementById('stored-problems');
  return { counts, skipped: skipped.hidden ? null : skipped.textContent };
}
// Rewrites the X profile record through the extension's own store, generation after generation, until the
// page dies; window.progress says how many writes were issued and how many the browser acknowledged.
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

export function storageScenarios(launch) {
  let browser;
  let page;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-storage-'));

  const openPage = async (url) => {
    await page?.close().catch(() => {});
    page = await browser.newPage();
    await page.goto(url);
    return page;
  };
  const openOptions = async () => {
    const options = await browser.openOptions();
    await options.waitFor(() => /^[\d,]+ profiles? and [\d,]+ followers? stored\.$/.test(document.getElementById('stored-counts').textContent));
    return options;
  };
  // The old document is marked before the reload, so only the new one, with its store opened (migrations
  // done) and its counts shown, can end the wait.
  const reloadOptions = async (options) => {
    await options.evaluate(() => { document.documentElement.dataset.replaced = 'true'; location.reload(); });
    await options.waitFor(() => !document.documentElement.dataset.replaced && document.body?.dataset.storeReady === 'true');
  };
  const openPopup = async () => {
    const popup = await browser.openOptions();
    await popup.evaluate(() => { location.href = location.href.replace('options.html', 'popup.html'); });
    await popup.waitFor(() => location.pathname.endsWith('/popup.html') && document.body?.dataset.ready === 'true');
    return popup;
  };
  // Launches on the kept profile (launch() waits until the extension's scripts run in pages) and waits until
  // the extension paints a badge.
  const start = async () => {
    browser = await launch({ profile });
    await openPage('https://x.com/dealfinder4821');
    await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
    await page.close();
    page = null;
  };
  // The badge's label once it shows a stored audience estimate (a share, or the bound on fakes).
  const estimateShown = async (url) => {
    await openPage(url);
    await page.waitFor(() => /^truefollow: [≈≥] /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-label') ?? ''));
    return page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('aria-label'));
  };

  describe('stored data survives', { timeout: TEST_MS * 6 }, () => {
    before(start, { timeout: TEST_MS });

    it('upgrades data of schema version 1, keeping and showing every profile, estimate, history, input, list and setting, Mastodon\'s under its instance', { timeout: TEST_MS }, async () => {
      const options = await openOptions();
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
      const x = await estimateShown('https://x.com/examplestudio');
      assert.equal(percentDisagrees(/≈ (\S+) real/.exec(x)[1], V1['p|x|examplestudio'].audit.real.share), '', x);
      const mastodon = await estimateShown('https://mastodon.example/@examplestudio');
      assert.equal(percentDisagrees(/≈ (\S+) real/.exec(mastodon)[1], V1['p|mastodon|examplestudio'].audit.real.share), '', mastodon);
      // The popup lists every profile, and keeps the vetting list.
      const popup = await openPopup();
      const recent = await popup.evaluate(() => [...document.querySelectorAll('#recent li')].map((li) => li.dataset.handle));
      for (const [, old] of V1_PROFILES.filter(([, v]) => v.audit || v.account)) assert.ok(recent.includes(old.handle), `${old.handle} in ${recent}`);
      const vetted = await popup.evaluate(() => [...document.querySelectorAll('#vetting tbody tr')].map((tr) => tr.dataset.handle));
      assert.deepEqual(vetted, V1.vetting.map((s) => s.handle));
      await popup.close();
    });

    it('leaves the record whole when the browser is killed in the middle of rewriting it', { timeout: TEST_MS * 2 }, async (t) => {
      await page?.close().catch(() => {});
      page = null;
      const options = await openOptions();
      const before_ = await options.evaluate(readAll);
      const key = 'p|x|examplestudio';
      assert.ok(before_[key]?.account && before_['a|x|examplestudio'], 'the profile and its estimate are stored');
      await options.evaluate(startRewriting, { account: before_[key].account, padding: PADDING });
      await options.waitFor(() => window.progress?.acked >= 3);
      const progress = await options.evaluate(() => ({ ...window.progress }));
      await browser.kill();
      t.diagnostic(`killed with ${progress.issued} writes issued, ${progress.acked} acknowledged`);

      await start();
      const again = await openOptions();
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
      const x = await estimateShown('https://x.com/examplestudio');
      assert.equal(percentDisagrees(/≈ (\S+) real/.exec(x)[1], V1['p|x|examplestudio'].audit.real.share), '', 'the estimate still shows');
    });

    it('skips damaged records, says how many, and keeps the popup, the options page and the badges working', { timeout: TEST_MS }, async () => {
      await page?.close().catch(() => {});
      page = null;
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
      const options = await openOptions();
      const sound = (await options.evaluate(countsShown)).counts;
      await options.evaluate((items) => (globalThis.browser ?? globalThis.chrome).storage.local.set(items), damaged);
      await reloadOptions(options);
      const shown = await options.evaluate(countsShown);
      assert.equal(shown.skipped, `${Object.keys(damaged).length} stored records could not be read and were skipped.`);
      // The damaged estimate's profile still counts (its profile record is sound); the damaged profiles do not.
      assert.equal(shown.counts, sound, 'the sound records all load');
      assert.deepEqual((await options.evaluate(problems)).map(([k]) => k).sort(), Object.keys(damaged).sort());
      await options.close();

      const popup = await openPopup();
      const recent = await popup.evaluate(() => [...document.querySelectorAll('#recent li')].map((li) => li.dataset.handle));
      assert.ok(recent.includes('examplestudio') && !recent.includes('garbage') && !recent.includes('wrongtypes'), recent.join(' '));
      assert.ok(recent.every((h) => !h.includes('<')));
      await popup.close();

      // X: the estimate is damaged, so the badge shows the profile's own score instead of failing.
      await openPage('https://x.com/examplestudio');
      await page.waitFor(() => / · p\(fake\) /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-label') ?? ''));
      // Instagram: the damaged count history is started afresh by the visit.
      await openPage('https://www.instagram.com/examplestudio/');
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
      const inspector = await openOptions();
      await inspector.waitFor(() => (globalThis.browser ?? globalThis.chrome).storage.local.get('h|instagram|examplestudio')
        .then((r) => Array.isArray(r['h|instagram|examplestudio']?.points)));
      const history = (await inspector.evaluate(readAll))['h|instagram|examplestudio'];
      assert.equal(history.points.length, 1, 'a new history with this visit\'s count');
      await inspector.close();
    });

    it('keeps each Mastodon instance\'s own @alice apart, and a capture forged on one instance changes nothing another shows', { timeout: TEST_MS }, async () => {
      await page?.close().catch(() => {});
      page = null;
      const [home, fedi] = [await mastodonAliceAudit('mastodon.example'), await mastodonAliceAudit('fedi.example')];
      assert.equal(isFloor(home.audit), isFloor(fedi.audit), 'the two estimates are of one kind');
      assert.ok(Math.abs(audienceNumber(home.audit) - audienceNumber(fedi.audit)) > 0.1, 'the two alices have audiences the core tells apart');
      const audited = async (instance) => {
        const since = Date.now();
        await openPage(`https://${instance}/@alice/followers`);
        await page.waitFor(() => /Of \d+ /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''));
        await untilStored(browser, [{ key: `a|mastodon|${instance}/alice`, field: 'audit_at', since }]); // the worker's store write
      };
      await audited('fedi.example');
      await audited('mastodon.example'); // the newer estimate of a handle spelled the same
      const fediShown = await estimateShown('https://fedi.example/@alice');
      assert.equal(audienceDisagrees(fediShown, fedi.audit), '', `fedi.example's alice shows her own estimate: ${fediShown}`);
      const homeShown = await estimateShown('https://mastodon.example/@alice');
      assert.equal(audienceDisagrees(homeShown, home.audit), '', `mastodon.example's alice shows hers: ${homeShown}`);

      const options = await openOptions();
      const fediRecords = (all) => Object.fromEntries(Object.entries(all).filter(([k]) => k.includes('|mastodon|fedi.example/')));
      const before_ = fediRecords(await options.evaluate(readAll));
      for (const kind of ['p', 'a', 'h']) assert.ok(before_[`${kind}|mastodon|fedi.example/alice`], `${kind}|mastodon|fedi.example/alice is stored`);
      assert.equal(before_['i|mastodon|fedi.example/alice'], undefined, 'an audit that started by itself keeps no inputs');
      assert.equal(before_['p|mastodon|fedi.example/alice'].account.followers, fedi.lookup.followers_count);

      // mastodon.example's page forges captures: alice as its own and as fedi.example's, with other counts, and
      // fedi.example's alice's followers; then a sentinel, whose record shows when the worker has read them all.
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
      const again = await estimateShown('https://fedi.example/@alice');
      assert.equal(audienceDisagrees(again, fedi.audit), '', 'and fedi.example still shows its own');
      // The popup on fedi.example's tab: her stored record, under her full address.
      const popup = await openPopup();
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

    // The user's own research: X's examplestudio audited, on the vetting list (the popup's Add). What the
    // page cannot change: its profile, estimate and history records, its vetting entry and its row in the popup.
    const userResearch = async () => {
      await openPage('https://x.com/examplestudio/followers');
      await page.waitFor(() => /Of \d+ /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''));
      await openPage('https://x.com/examplestudio');
      await page.waitFor(() => /^truefollow: [≈≥] /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-label') ?? ''));
      const popup = await openPopup();
      const listed = () => [...document.querySelectorAll('#vetting tbody tr')].some((tr) => tr.dataset.handle === 'examplestudio');
      if (!(await popup.evaluate(listed))) {
        await popup.evaluate(() => document.getElementById('add-vetting').click());
        await popup.waitFor(listed);
      }
      const row = await popup.evaluate(() => [...document.querySelectorAll('#vetting tbody tr')].find((tr) => tr.dataset.handle === 'examplestudio').textContent);
      await popup.close();
      const all = await (await openOptions()).evaluate(readAll);
      return { row, vetting: all.vetting, records: Object.fromEntries(['p', 'a', 'h'].map((k) => [`${k}|x|examplestudio`, all[`${k}|x|examplestudio`]])) };
    };
    const vettingRow = async () => {
      const popup = await openPopup();
      const row = await popup.evaluate(() => [...document.querySelectorAll('#vetting tbody tr')].find((tr) => tr.dataset.handle === 'examplestudio')?.textContent ?? null);
      await popup.close();
      return row;
    };
    // In an extension page: the bytes stored per site and in all, as the store counts them, and records left orphaned.
    function budgetNow() {
      const { bytesOf, LIMITS } = globalThis.truefollowStore;
      const { siteOf } = globalThis.truefollowStoredShapes;
      return (globalThis.browser ?? globalThis.chrome).storage.local.get(null).then(async (all) => {
        const sites = {};
        let total = 0;
        for (const [key, value] of Object.entries(all)) {
          const site = siteOf(key);
          if (!site) continue;
          sites[site] = (sites[site] ?? 0) + bytesOf(key, value);
          total += bytesOf(key, value);
        }
        const local = (globalThis.browser ?? globalThis.chrome).storage.local;
        const inUse = typeof local.getBytesInUse === 'function' ? await local.getBytesInUse(null) : null;
        const orphans = Object.keys(all).filter((k) => /^[ahi]\|/.test(k) && !(`p|${k.slice(2)}` in all));
        // The worker's share: the five fixed sites and the test build's two granted instances share the budget.
        const sharing = new Set(['x', 'instagram', 'tiktok', 'youtube', 'bluesky', 'mastodon/mastodon.example', 'mastodon/fedi.example', ...Object.keys(sites)]);
        return { sites, total, inUse, orphans, budget: LIMITS.BUDGET_BYTES, share: Math.floor(LIMITS.BUDGET_BYTES / Math.max(LIMITS.MIN_SITES, sharing.size)) };
      });
    }

    it('keeps the user\'s vetted X profile, its estimate and its vetting-list row exactly as they were while a hostile instance floods the store', { timeout: TEST_MS * 2 }, async (t) => {
      await page?.close().catch(() => {});
      page = null;
      const research = await userResearch();
      assert.ok(research.records['a|x|examplestudio']?.audit && research.row, 'the research is stored and listed');
      const followersPage = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'mastodon', 'page-followers-116315192323173151.json'), 'utf8'));
      const lookup = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'mastodon', 'page-lookup-alice.json'), 'utf8'));
      const FAKES = 40;
      // Eighty followers a page: the fixture's forty twice, every id made up.
      const fabricated = (i) => [...followersPage, ...followersPage].map((a, j) => ({ ...a, id: `${i + 1}${String(j).padStart(3, '0')}`, username: `f${i}x${j}`, acct: `f${i}x${j}` }));
      const options = await openOptions();
      // A granted instance's page navigates itself to fabricated profiles' follower lists and posts pages for them:
      // audits that start by themselves, and profiles, with no user action. Each one's estimate is stored before
      // the page goes on to the next (a state only that audit produces), so that every fabricated profile is audited.
      await openPage('https://mastodon.example/@examplestudio');
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
      assert.equal(await vettingRow(), research.row, 'the popup\'s row is as it was');
    });

    it('keeps them exactly as they were while a page on X itself floods X with fabricated audits and profiles', { timeout: TEST_MS * 2 }, async (t) => {
      await page?.close().catch(() => {});
      page = null;
      const research = await userResearch();
      const FAKES = 30;
      // Each fabricated profile gets a followers page of its own: X's examplestudio page with every id changed.
      const followers = xFollowersBody('examplestudio');
      const pages = Array.from({ length: FAKES }, (_, i) => followers.replace(/"(rest_id|id_str)":"(\d+)"/g, `"$1":"77${String(i).padStart(3, '0')}77$2"`));
      const profiles = Array.from({ length: FAKES }, (_, i) => xProfileBody({ handle: `xfake${i}`, name: 'Fake', bio: 'fake' }));
      const options = await openOptions();
      await openPage('https://x.com/dealfinder4821');
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
      assert.equal(await vettingRow(), research.row, 'the popup\'s row is as it was');
    });

    it('keeps ten maximum-size audits in a row under the budget, with no error', { timeout: TEST_MS * 2 }, async (t) => {
      await page?.close().catch(() => {});
      page = null;
      const research = await userResearch();
      const options = await openOptions();
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
      assert.equal(await vettingRow(), research.row);
    });

    after(async () => {
      await page?.close().catch(() => {});
      await browser?.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    }, { timeout: TEST_MS });
  });
}

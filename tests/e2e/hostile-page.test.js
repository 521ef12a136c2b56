/*
 * The extension against a hostile page, in each browser. The page (tests/fixtures/pages/x-hostile.html at
 * https://x.com/hostileprofile, data from tests/fixtures/x/hostile.mjs) serves a profile whose name holds markup that would run script if inserted
 * as HTML, right-to-left overrides and 10,000 characters, and forges captures: wrong shapes, extra fields, huge
 * payloads, other sites' URLs and data, requests for stored data, events from other frames, posted messages. Other
 * sites' data is stored first by normal visits, and compared after. The tests load the test build, whose shadow
 * roots are open and whose content script shows its tally of page messages on <html data-truefollow-captures>.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { percentDisagrees, VERDICT_WORDS } from './lib/expected.js';
import {
  HOSTILE_BIO, HOSTILE_HANDLE, HOSTILE_NAME, MARKUP, RLO, SENTINEL_HANDLE, otherSitesBodies, xProfileBody,
} from '../fixtures/x/hostile.mjs';
import { HOSTILE_URL, badgeReady, hostileAccounts, inspectBadge, inspectPanel, tally } from './lib/hostile-probes.js';
import { badgeStateIs, describesSample } from './lib/badge-probes.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

const TEXT_CHARS = 500; // extension/storage/store.js LIMITS.TEXT_CHARS
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

inEachBrowser('the extension on a hostile page', (session) => {
  let page;
  let inspector; // the extension's options page, kept open to read storage.local
  const storage = () => inspector.evaluate(() => (globalThis.browser ?? globalThis.chrome).storage.local.get(null));
  let before_;
  let posted;
  let after_;
  let accounts;

  before(async () => {
    accounts = await hostileAccounts();
    assert.ok(accounts.length >= 1, 'the core reads the hostile profile');
    page = await session.open('https://x.com/examplestudio'); // launch() has waited until the extension's scripts run in pages
    await page.waitFor(() => document.querySelector('[data-truefollow-badge]'));
  }, { timeout: TEST_MS });
  after(() => inspector?.close().catch(() => {}));

  it('stores other sites\' data by normal visits first', { timeout: TEST_MS }, async () => {
    page = await session.open('https://www.instagram.com/examplestudio/');
    await page.waitFor(badgeStateIs, 'ready');
    page = await session.open('https://mastodon.example/@examplestudio/followers');
    await page.waitFor(describesSample);
    page = await session.open('https://x.com/examplestudio');
    await page.waitFor(badgeStateIs, 'ready');
    inspector = await session.browser.openOptions();
    await inspector.waitFor(() => /^\d+ profiles? /.test(document.getElementById('stored-counts').textContent));
    before_ = await storage();
    for (const key of ['p|instagram|examplestudio', 'p|mastodon|mastodon.example/examplestudio', 'a|mastodon|mastodon.example/examplestudio', 'p|x|examplestudio']) {
      assert.ok(before_[key], `${key} is stored before the hostile page runs`);
    }
  });

  it('turns away every forged message that breaks the schema or claims another site, and hears no posted message', { timeout: TEST_MS }, async () => {
    page = await session.open(HOSTILE_URL);
    await page.waitFor(badgeReady);
    // The page's own two captures (its GraphQL response and its JSON-LD block) are read.
    await page.waitFor(() => JSON.parse(document.documentElement.getAttribute('data-truefollow-captures') ?? '{}').accepted === 2);
    const genuine = await page.evaluate(tally);
    assert.deepEqual(genuine, { accepted: 2, schema: 0, site: 0 });

    const { instagram, mastodon } = otherSitesBodies();
    const bodies = {
      instagram, mastodon,
      hostileHandle: xProfileBody({ handle: `${RLO}${MARKUP}${'x'.repeat(300)}` }),
      sentinel: xProfileBody({ handle: SENTINEL_HANDLE, name: 'Sentinel', bio: 'A harmless profile.' }),
    };
    posted = await page.evaluate((b) => window.hostile.forge(b), bodies);
    assert.ok(posted.schema >= 18 && posted.site === 3 && posted.accepted === 6 && posted.foreign === 5 && posted.undelivered === 2, JSON.stringify(posted));
    const expected = { accepted: 2 + posted.accepted, schema: posted.schema, site: posted.site }; // no posted message counted
    await page.waitFor((want) => document.documentElement.getAttribute('data-truefollow-captures') === JSON.stringify(want), expected);
    assert.deepEqual(await page.evaluate(tally), expected, 'each forged message counted once, by why it was refused');
    // The last forged capture is a sound profile: once it is stored, the worker has handled everything before it.
    await inspector.waitFor((key) => (globalThis.browser ?? globalThis.chrome).storage.local.get(key).then((r) => key in r),
      `p|x|${SENTINEL_HANDLE}`);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // and a moment for any straggling write
    after_ = await storage();
  });

  it('keeps what is stored for other sites and other profiles unchanged, and stores nothing from forged data', { timeout: TEST_MS }, () => {
    const added = Object.keys(after_).filter((k) => !(k in before_)).sort();
    const removed = Object.keys(before_).filter((k) => !(k in after_));
    assert.deepEqual(added, [`h|x|${HOSTILE_HANDLE}`, `h|x|${SENTINEL_HANDLE}`, `p|x|${HOSTILE_HANDLE}`, `p|x|${SENTINEL_HANDLE}`],
      'only the page\'s own profile and the sound forged one');
    assert.deepEqual(removed, []);
    for (const [key, value] of Object.entries(before_)) assert.deepEqual(after_[key], value, `${key} is unchanged`);
    for (const key of Object.keys(after_)) {
      assert.ok(key.length < 100 && !/[<>"\s]/.test(key) && !BIDI_CONTROLS.test(key), `a key a page URL can name: ${key.slice(0, 60)}`);
    }
  });

  it('keeps the hostile name as data: a literal, clipped prefix, and the bio not at all', { timeout: TEST_MS }, () => {
    const account = after_[`p|x|${HOSTILE_HANDLE}`].account;
    assert.equal(account.name, `${HOSTILE_NAME.slice(0, TEXT_CHARS)}…`, 'nothing decoded, stripped or run; only clipped');
    const everything = JSON.stringify(after_);
    assert.ok(!everything.includes(HOSTILE_BIO.slice(0, 12)) && !everything.includes('txt.evil'), 'the bio is not stored');
  });

  it('runs nothing from the page\'s data and shows nothing of it in the badge, which stays in its place', { timeout: TEST_MS }, async () => {
    const badge = await page.evaluate(inspectBadge);
    assert.equal(badge.state, 'ready');
    const m = /^truefollow: (.+) · p\(fake\) (\S+)$/.exec(badge.label);
    assert.ok(m, `the badge speaks of the profile's score: "${badge.label}"`);
    assert.ok(accounts.some((a) => m[1] === VERDICT_WORDS[a.verdict] && !percentDisagrees(m[2], a.p_fake)),
      `the verdict and p(fake) are the core's (${accounts.map((a) => `${a.verdict} ${a.p_fake}`).join(', ')})`);
    assert.deepEqual(badge.elements, ['span.button', 'span.badge', 'span.tip'], 'the shadow root holds the badge\'s own three elements');
    assert.equal(badge.nestedElements, 0, 'text only inside them');
    for (const text of [badge.label, badge.description, badge.faceText, badge.tipText]) {
      assert.ok(!/<[a-z]/i.test(text) && !BIDI_CONTROLS.test(text) && !text.includes('WWWW') && !text.includes('gnp.exe'), `no page text in "${text.slice(0, 80)}"`);
      assert.ok(text.length < 600, 'short');
    }
    assert.equal(badge.leftToRight, true, 'the override the page left open before the badge does not reverse its text');
    assert.ok(badge.box.width > 0 && badge.box.width < 400 && badge.box.height < 60, `the badge keeps its size (${JSON.stringify(badge.box)})`);
    assert.ok(badge.box.left >= badge.column.left - 1 && badge.box.right <= badge.column.right + 1, 'and stays in the profile column');
    assert.ok(badge.box.bottom <= badge.viewport.height, 'in view beside the clipped name');
    const seen = await page.evaluate(() => window.hostile.observed());
    assert.equal(seen.pwned, null, 'no script from the data ran');
    assert.equal(seen.dialog, null, 'no dialog was opened');
    assert.equal(seen.foreign, 0, 'no element the page did not make');
    assert.equal(seen.scripts, 2, 'no script element added');
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-hostile.png`));
  });

  it('gives the page nothing back: no message, no extension API, no other site\'s data', { timeout: TEST_MS }, async () => {
    const seen = await page.evaluate(() => window.hostile.observed());
    const sent = Object.entries(posted).filter(([k]) => k !== 'undelivered').reduce((n, [, v]) => n + v, 0);
    assert.equal(seen.received.length, sent + 2, 'the page heard its own messages and the page world\'s two captures, nothing more');
    const ours = (r) => ['', 'truefollow-page-world'].includes(r.source) && ['', 'page/captured', 'content/recall', 'content/history', 'content/audit', 'content/captured'].includes(r.type);
    assert.deepEqual(seen.received.filter((r) => !ours(r)), []);
    assert.equal(seen.received.filter((r) => r.origin === 'https://example.org').length, 0);
    assert.equal(seen.runtime, null, 'no extension API in the page');
    assert.equal(seen.storage, 'undefined', 'no storage API in the page');
    const visible = seen.attributes.join('\n');
    assert.doesNotMatch(visible, /instagram|mastodon|examplestudio/i, 'nothing of other sites or profiles in what the page can read');
  });

  it('opens a panel that shows the page\'s data as nothing but the core\'s words, inside the window', { timeout: TEST_MS }, async () => {
    await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
    await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
    const panel = await page.evaluate(inspectPanel);
    assert.equal(panel.title, `truefollow · @${HOSTILE_HANDLE} on x`);
    assert.deepEqual(panel.dangerous, []);
    assert.deepEqual(panel.handlers, []);
    for (const text of [panel.text, panel.attributes]) {
      assert.ok(!text.includes('<img') && !text.includes('<script') && !BIDI_CONTROLS.test(text) && !text.includes('WWWW'), 'no page text');
    }
    assert.ok(accounts.some((a) => a.reasons.every((r) => panel.text.includes(r.text))), `the profile is described by the core's reasons (${accounts.map((a) => a.reasons.map((r) => r.text).join(' / ')).join(' | ')}; the panel: ${panel.text})`);
    assert.ok(panel.box.width <= 384 + 1 && panel.box.left >= 0 && panel.box.right <= panel.viewport.width, `the panel fits (${JSON.stringify(panel.box)})`);
    assert.ok(panel.box.top >= 0 && panel.box.bottom <= panel.viewport.height, `vertically too (${JSON.stringify(panel.box)}, ${JSON.stringify(panel.viewport)})`);
    assert.equal((await page.evaluate(() => window.hostile.observed())).pwned, null);
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-hostile-panel.png`));
    await page.press('Escape');
  });

  it('lists only handles a page could name in the popup', { timeout: TEST_MS }, async () => {
    const popup = await session.openPopup();
    const recent = await popup.evaluate(() => [...document.querySelectorAll('#recent li')].map((li) => li.textContent));
    assert.ok(recent.some((t) => t.startsWith(`@${HOSTILE_HANDLE} (x)`)), recent.join(' | '));
    assert.ok(recent.every((t) => !/<[a-z]/i.test(t) && !BIDI_CONTROLS.test(t)), 'no markup or override in the list');
    await popup.close();
  });

  it('navigates to profiles with stored estimates and finds nothing of them in the page\'s DOM or events', { timeout: TEST_MS }, async () => {
    // Estimates stored by normal visits: the audits the followers pages start by themselves.
    const handles = ['examplestudio', 'user_17a8117c'];
    for (const handle of handles) {
      page = await session.open(`https://x.com/${handle}/followers`);
      await page.waitFor(describesSample);
      await inspector.waitFor((key) => (globalThis.browser ?? globalThis.chrome).storage.local.get(key).then((r) => key in r), `a|x|${handle}`);
    }
    page = await session.open(HOSTILE_URL);
    await page.waitFor(badgeReady);
    // The page's spy: every attribute and text change in its DOM, every event it can listen to, from now on.
    await page.evaluate(() => {
      const seen = window.spy = { mutations: [], events: [] };
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes') seen.mutations.push(`${r.target.nodeName} ${r.attributeName}=${r.target.getAttribute(r.attributeName)}`);
          for (const node of r.addedNodes ?? []) {
            seen.mutations.push(`added ${node.nodeName} ${node.textContent}`);
            if (node.attributes) for (const a of node.attributes) seen.mutations.push(`${node.nodeName} ${a.name}=${a.value}`);
          }
          if (r.type === 'characterData') seen.mutations.push(`text ${r.target.data}`);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      for (const type of ['message', 'focus', 'focusin', 'blur', 'click', 'keydown', 'mouseover', 'input', 'change', 'animationstart', 'transitionend', 'slotchange', 'load', 'error']) {
        window.addEventListener(type, (event) => {
          let data;
          try { data = JSON.stringify(event.data ?? event.detail ?? null); } catch { data = String(event.data); }
          seen.events.push(`${type} ${event.target?.nodeName ?? ''} ${data}`);
        }, true);
      }
      // Custom events dispatched on the document or the badge would show here too.
      const dispatch = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function (event) {
        seen.events.push(`dispatched ${event.type}`);
        return dispatch.call(this, event);
      };
    });
    const shown = [];
    for (const handle of handles) {
      await page.evaluate((h) => {
        history.pushState({}, '', `/${h}`);
        document.body.append(document.createElement('i')); // a DOM change: the extension follows the URL on every one
      }, handle);
      // Only the new badge can show this handle's stored estimate: read inside its shadow root (the test build's is open).
      await page.waitFor((h) => {
        const button = document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button');
        return location.pathname === `/${h}` && /Of \d+ /.test(button?.getAttribute('aria-description') ?? '');
      }, handle);
      shown.push(await page.evaluate(() => {
        const host = document.querySelector('[data-truefollow-badge]');
        const button = host.shadowRoot.querySelector('.button');
        return { label: button.getAttribute('aria-label'), description: button.getAttribute('aria-description'), hostAttributes: host.getAttributeNames(),
          hostText: host.textContent, state: button.getAttribute('data-state') };
      }));
    }
    const spied = await page.evaluate(() => ({ ...window.spy, html: document.documentElement.outerHTML, text: document.body.innerText }));
    const everything = [...spied.mutations, ...spied.events, spied.html, spied.text].join('\n');
    for (const badge of shown) {
      assert.deepEqual(badge.hostAttributes, ['data-truefollow-badge'], 'the host carries its hook alone');
      assert.equal(badge.hostText, '', 'and no text');
      // (a stored bound of 0, "no clear sign of fakes", gives way to the profile's own score once that is read)
      const sample = /Of (\d+) /.exec(badge.description)?.[1];
      const numbers = badge.label.match(/\d+(?:[.,]\d+)?%/g) ?? [];
      assert.ok(numbers.length > 0 || badge.state === 'no-data' || /no clear sign of fakes/.test(badge.label), `the badge shows the stored estimate: ${badge.label}`);
      for (const secret of [badge.label, badge.description, badge.label.replace(/^truefollow: /, ''), ...(sample ? [`Of ${sample} `] : []), ...numbers]) {
        assert.ok(!everything.includes(secret), `the page cannot read "${secret}"`);
      }
    }
    const changes = [...spied.mutations, ...spied.events].join('\n');
    assert.doesNotMatch(changes, /truefollow: |aria-label|aria-description|data-state|lang=/, `no label, description, state or language among the changes the page saw: ${changes}`);
  });
});

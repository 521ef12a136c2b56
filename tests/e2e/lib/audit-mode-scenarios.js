/*
 * Audit mode, the chart, history, popup and options end to end, the same in each browser (audit-mode-chromium.test.js, audit-mode-firefox.test.js):
 * audit mode on the 1,000-follower synthetic list on X (progress, stop, resume, the estimate, true reach), on
 * Bluesky (the public AppView paged by cursor) and on Mastodon (paged by the Link header), with every request
 * recorded: the pages asked for, once each, from the page itself, and never a write; a server that refuses a
 * page (Mastodon's 401, an app view's 502) stopping audit mode at once with the reason; the Follower Factory
 * chart, the count history after three visits, the popup's recently checked list and its vetting list with
 * three accounts, its exports and copied report, the options taking effect (sample size, the thresholds
 * behind "fake" and "inactive", list badges, platforms), a second language, axe-core on the popup, the
 * options page and the panel, and the badges on the other authors of the posts an X, Bluesky or Mastodon
 * profile shows (retweets, reposts and reblogs). Expected numbers come from the core reading the same inputs (audit-mode-expected.js).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { root } from './fixture-sites.js';
import { percentDisagrees } from './expected.js';
import { untilStored } from './browsers.js';
import { POST_AUTHOR, POST_CODE } from '../../fixtures/instagram/post.mjs';
import {
  BLUESKY_HANDLE, BLUESKY_LIMIT, LIST_HANDLE, MASTODON_LIMIT, PAGE_SIZE, TIKTOK_LIMIT, blueskyAudit, blueskyPages, firstPageScores,
  LIKED_POST_RKEY, REPOSTED_TWEET_ID, historyJumps, instagramAuditWithEngagers, listAudit, listAuditWithReposters, listScores, mastodonAudit, mastodonPages, postAuthors, rerun,
  searchOrThreadAuthors, tiktokAudit, tiktokPages,
} from './audit-mode-expected.js';

const SCREENSHOTS = path.join(root, 'build', 'screenshots');
const TEST_MS = 120_000;
const AXE = fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
// The extension's English words, for the verdicts the marks name.
const ENGLISH = JSON.parse(fs.readFileSync(path.join(root, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));

// ---- in the page ---------------------------------------------------------------------------------------

function openPanelIn() {
  if (!document.querySelector('[data-truefollow-panel]')) document.querySelector('[data-truefollow-badge]').click();
  return Boolean(document.querySelector('[data-truefollow-panel]'));
}
function panelPart(name) {
  const node = document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector(`[data-part="${name}"]`);
  return node ? node.textContent : null;
}
function progressOf() {
  const p = document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector('[data-part="audit-progress"]');
  return p ? { value: Number(p.value), max: Number(p.max) } : null;
}
function clickAuditButton() {
  document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-button"]').click();
}
function chartOf() {
  const shadow = document.querySelector('[data-truefollow-panel]')?.shadowRoot;
  return shadow && {
    dots: shadow.querySelectorAll('[data-part="factory-dots"] circle').length,
    runs: shadow.querySelectorAll('[data-run]').length,
    items: [...shadow.querySelectorAll('[data-part="factory-runs"] li')].map((li) => li.textContent),
  };
}
function listMarks() {
  return [...document.querySelectorAll('[data-truefollow-list-badge]')].map((m) => ({
    handle: m.previousElementSibling?.getAttribute('href')?.slice(1) ?? null, verdict: m.dataset.verdict, label: m.getAttribute('aria-label') }));
}
function authorMarks() {
  return [...document.querySelectorAll('[data-truefollow-author-badge]')].map((m) => ({
    href: m.previousElementSibling?.getAttribute('href') ?? null, verdict: m.dataset.verdict, role: m.getAttribute('role'), label: m.getAttribute('aria-label') }));
}
function historyOf() {
  const shadow = document.querySelector('[data-truefollow-panel]')?.shadowRoot;
  return shadow && {
    summary: shadow.querySelector('[data-part="history-summary"]')?.textContent ?? null,
    marks: shadow.querySelectorAll('[data-jump]').length,
    jumps: [...shadow.querySelectorAll('[data-part="history-jumps"] li')].map((li) => li.textContent),
  };
}

async function axeViolations(page, include) {
  // Evaluated by the test driver, which is not bound by the page's CSP (extension pages allow no inline script).
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(`${AXE};void 0`);
  return page.evaluate(async (selectors) => {
    const context = selectors ? { include: selectors.filter((s) => document.querySelector(s)) } : document;
    const result = await window.axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, include ?? null);
}

// The panel's section on who engages: its lines, and the value of each bar (real, inactive, fake).
function engagersSection() {
  const section = document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector('section[data-part="engagers"]');
  const part = (name) => section?.querySelector(`[data-part="${name}"]`)?.textContent ?? null;
  return section && { headline: part('headline'), sample: part('sample'), kinds: part('kinds'), contrast: part('contrast'), earlier: part('earlier'),
    rows: [...section.querySelectorAll('[data-key]')].map((r) => r.querySelector('.value').textContent) };
}

function auditStatus() {
  return document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector('[data-part="audit-status"]')?.textContent ?? '';
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

// The counts of true reach as the panel writes them in English ("≈ 642 real, active followers (90% interval 566–715).").
const reachNumbers = (text) => (text ?? '').match(/\d[\d,]*/g)?.map((n) => Number(n.replace(/,/g, ''))).filter((n) => n !== 90) ?? [];

// The real share as the estimate line shows it: "... real 62% (90%: 50%–72%), ..." (English).
function estimateShares(text) {
  const floor = /at least (\S+) fake; real at most (\S+)$/.exec(text ?? '');
  if (floor) return { fakeAtLeast: floor[1], realAtMost: floor[2] };
  const m = /real (\S+) \(90%: (\S+)–(\S+)\), inactive (\S+), fake (\S+)$/.exec(text ?? '');
  return m && { real: m[1], lo: m[2], hi: m[3], inactive: m[4], fake: m[5] };
}
// Where the core gives only a one-sided bound (audit.c): at least so many fake, no share.
const isFloor = (audit) => Boolean(audit && !audit.too_few && audit.fake?.at_least === true);

// The same numbers from the core's audit, as estimateShares names them.
const estimateOf = (a) => (a.fake?.at_least === true ? { fakeAtLeast: a.fake.ci90[0], realAtMost: a.real.ci90[1] }
  : { real: a.real.share, lo: a.real.ci90[0], hi: a.real.ci90[1], inactive: a.inactive.share, fake: a.fake.share });

// A shown share against the core's: "?" where the core gives none, else as percentDisagrees.
const shareDisagrees = (shown, share) => (share === null
  ? (shown === '?' ? '' : `"${shown}" is shown for a share the core does not give`) : percentDisagrees(shown, share));

// The live estimate line against the core's audit.
function assertEstimate(shown, audit) {
  assert.ok(shown, 'the live estimate is shown');
  for (const [key, value] of Object.entries(estimateOf(audit))) {
    assert.equal(shareDisagrees(shown[key] ?? '(not shown)', value), '', key === 'real' ? 'real share is the core\'s' : `${key} is the core's`);
  }
}
// The shown estimate is not the one of another audit (the same list without the user's threshold).
const differsFrom = (shown, other) => Object.entries(estimateOf(other)).some(([key, value]) => shareDisagrees(shown[key], value) !== '');

// The badge's label for the core's audit of a followers page: the real share, or the bound, or neither.
function assertAudienceLabel(label, audit) {
  if (isFloor(audit) && audit.fake.ci90[0] > 0) {
    const m = /^truefollow: ≥ (\S+) fake$/.exec(label ?? '');
    assert.ok(m, `badge "${label}" gives the core's bound`);
    assert.equal(percentDisagrees(m[1], audit.fake.ci90[0]), '', 'the badge follows the estimate');
  } else if (isFloor(audit)) {
    assert.equal(label, 'truefollow: no clear sign of fakes');
  } else if (typeof audit.real.share === 'number' && !audit.too_few) {
    const m = /^truefollow: ≈ (\S+) real$/.exec(label ?? '');
    assert.ok(m, `badge "${label}" gives the core's share`);
    assert.equal(percentDisagrees(m[1], audit.real.share), '', 'the badge follows the estimate');
  } else {
    assert.equal(label, 'truefollow: not enough data');
  }
}

// True reach in the panel: the core's numbers where it gives them, else no line at all.
function assertReach(text, audit) {
  if (typeof audit.reach?.value === 'number') {
    assert.deepEqual(reachNumbers(text), [audit.reach.value, ...audit.reach.ci90], 'true reach and its interval are the core\'s');
  } else {
    assert.equal(text, null, `no true reach where the core gives none (${JSON.stringify(audit.reach)})`);
  }
}

// A row of the panel's engagers section (real, inactive, fake) against the core's numbers: the share, or the bound.
function assertEngagerRow(text, audit, key) {
  if (isFloor(audit)) {
    const m = /^at (least|most) (\S+) \(one-sided 90% bound\)$/.exec(text);
    assert.ok(m, `row "${text}"`);
    assert.equal(m[1], key === 'fake' ? 'least' : 'most', text);
    assert.equal(percentDisagrees(m[2], audit[key].ci90[key === 'fake' ? 0 : 1]), '', `the engagers' ${key} bound is the core's`);
  } else {
    assert.equal(shareDisagrees(/^\S+/.exec(text)[0], audit[key].share), '', `the engagers' ${key} share is the core's`);
  }
}

export function auditModeScenarios(launch) {
  let browser;
  let page;

  const openPage = async (url) => {
    await page?.close().catch(() => {});
    page = await browser.newPage();
    await page.goto(url);
    return page;
  };
  // The popup page, opened as a tab (the options page's sibling): its "current tab" is the one used before it.
  const openPopup = async () => {
    const popup = await browser.openOptions();
    await popup.evaluate(() => { location.href = location.href.replace('options.html', 'popup.html'); });
    await popup.waitFor(() => location.pathname.endsWith('/popup.html') && document.body?.dataset.ready === 'true');
    return popup;
  };
  const saveSettings = async (change, arg) => {
    const options = await browser.openOptions();
    await options.waitFor(() => document.body.dataset.settingsReady === 'true');
    await options.evaluate(change, arg);
    await options.evaluate(() => document.getElementById('save-settings').click());
    await options.waitFor(() => document.getElementById('settings-status').textContent.length > 0);
    const status = await options.evaluate(() => document.getElementById('settings-status').textContent);
    await options.close();
    return status;
  };
  const startList = async () => {
    await openPage(`https://x.com/${LIST_HANDLE}/followers`);
    await page.waitFor((n) => new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), PAGE_SIZE);
    await page.waitFor(openPanelIn);
  };

  describe('audit mode, chart, history, popup and options', { timeout: TEST_MS * 10 }, () => {
    before(async () => {
      browser = await launch();
      await openPage('https://x.com/examplestudio'); // launch() has waited until the extension's scripts run in pages
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]'));
    }, { timeout: TEST_MS });

    it('audit mode reads the followers list politely, stops, resumes and shows the core\'s estimate', { timeout: TEST_MS }, async () => {
      const expected = await listAudit(300);
      await startList();
      assert.deepEqual(await page.evaluate(progressOf), { value: PAGE_SIZE, max: 300 }, 'one page read of the default 300');
      await page.evaluate(clickAuditButton);
      await page.waitFor(() => Number(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-progress"]').value) >= 100);
      await page.evaluate(clickAuditButton); // Stop
      await page.waitFor(() => /^Stopped at \d+ followers/.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
      // A page the site asked for before Stop may still be on its way (a busy machine): it is read when it
      // comes, so the wait is for every page asked for so far to be read, a state only those answers can make.
      const asked = page.requests.filter((u) => /\/Followers\?/.test(u)).length;
      await page.waitFor((n) => Number(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-progress"]').value) === n &&
        new RegExp(`^Stopped at ${n} followers`).test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent),
      Math.min(asked * PAGE_SIZE, 300));
      const stoppedAt = (await page.evaluate(progressOf)).value;
      await new Promise((r) => setTimeout(r, 1500)); // ten pauses of the test build: nothing more is asked for
      assert.equal(page.requests.filter((u) => /\/Followers\?/.test(u)).length, asked, 'no page is asked for after Stop');
      assert.equal((await page.evaluate(progressOf)).value, stoppedAt);
      assert.equal(await page.evaluate(panelPart, 'audit-button'), 'Resume');
      assert.ok(stoppedAt < 300);
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-audit-in-progress.png`));

      await page.evaluate(clickAuditButton); // Resume
      await page.waitFor(() => /^Done: /.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
      assert.deepEqual(await page.evaluate(progressOf), { value: 300, max: 300 });
      assert.equal(page.requests.filter((u) => /\/Followers\?/.test(u)).length, 300 / PAGE_SIZE, 'exactly the pages needed, each once');
      assertEstimate(estimateShares(await page.evaluate(panelPart, 'audit-estimate')), expected);
      assertAudienceLabel(await page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('aria-label')), expected);
      assert.deepEqual(await axeViolations(page, ['[data-truefollow-badge]', '[data-truefollow-panel]']), [], 'axe: panel with audit mode');

      // List badges (on by default): one mark per follower row, with the core's verdict for that follower.
      await page.waitFor(() => document.querySelectorAll('[data-truefollow-list-badge]').length === 300);
      const marks = await page.evaluate(listMarks);
      for (const account of await firstPageScores()) {
        const mark = marks.find((m) => m.handle === account.handle);
        assert.equal(mark?.verdict, account.verdict, `list badge of @${account.handle}`);
      }
      assert.match(marks[0].label, /^truefollow: (real|inactive|fake)$/);
    });

    it('draws the Follower Factory chart from the core\'s creation dates and runs', { timeout: TEST_MS }, async () => {
      const expected = await listAudit(300);
      assert.ok(expected.factory.runs.length > 0, 'the synthetic list holds a run the core finds');
      const chart = await page.evaluate(chartOf);
      assert.equal(chart.dots, expected.factory.dated, 'one dot per dated follower');
      assert.equal(chart.runs, expected.factory.runs.length, 'one box per run');
      expected.factory.runs.forEach((run, k) => {
        assert.match(chart.items[k], new RegExp(`^Run ${k + 1}: ${run.members} accounts followed in a row \\(positions ${run.first + 1}–${run.last + 1}\\)`));
      });
      await page.evaluate(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="factory-chart"]').scrollIntoView());
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-factory-chart.png`));
    });

    it('keeps every follower count seen and flags the core\'s sudden jumps after three visits', { timeout: TEST_MS }, async () => {
      const counts = [1200, 1260, 9800]; // tests/fixtures/x/generated.mjs
      const jumps = await historyJumps(counts);
      for (let visit = 0; visit < 3; visit++) {
        await openPage('https://x.com/growingstar');
        await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
      }
      await page.waitFor(openPanelIn);
      await page.waitFor(() => /3 counts seen/.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="history-summary"]')?.textContent ?? ''));
      const history = await page.evaluate(historyOf);
      assert.equal(history.summary, '3 counts seen, from 1,200 to 9,800.');
      assert.equal(history.marks, jumps.length);
      assert.equal(jumps.length, 1);
      assert.match(history.jumps[0], /: 1,260 → 9,800\.$/);
    });

    it('compares three accounts in the vetting list, exports CSV and JSON, and copies a report that re-runs', { timeout: TEST_MS }, async () => {
      const handles = [LIST_HANDLE, 'examplestudio', 'dealfinder4821'];
      for (const handle of handles) {
        const since = Date.now();
        const followersPage = handle === 'examplestudio';
        await openPage(`https://x.com/${handle}${followersPage ? '/followers' : ''}`);
        await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready' ||
          document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'no-data');
        await untilStored(browser, followersPage ? [{ key: `a|x|${handle}`, field: 'audit_at', since }]
          : [{ key: `p|x|${handle}`, field: 'seen_at', since }]); // the worker's store write
        const popup = await openPopup();
        assert.equal(await popup.evaluate(() => document.querySelector('[data-part="current-profile"]')?.textContent), `@${handle} (x)`);
        await popup.evaluate(() => document.getElementById('add-vetting').click());
        await popup.waitFor((n) => document.querySelectorAll('#vetting tbody tr').length === n, handles.indexOf(handle) + 1);
        if (handle === LIST_HANDLE) {
          await popup.evaluate(() => document.getElementById('copy-report').click());
          await popup.waitFor(() => document.getElementById('report').value.length > 0);
          const report = JSON.parse(await popup.evaluate(() => document.getElementById('report').value));
          assert.equal(report.profile.handle, LIST_HANDLE);
          assert.match(report.model, /\S/);
          assert.ok(report.inputs, 'the inputs are in the report');
          const again = await rerun(report.inputs, report.options);
          assert.equal(again.real.share, report.result.real.share, 're-running the inputs gives the same number');
          assert.deepEqual(again.real.ci90, report.result.real.ci90);
          assert.equal(again.model, report.model);
        }
        await popup.close();
      }
      const popup = await openPopup();
      const rows = await popup.evaluate(() => [...document.querySelectorAll('#vetting tbody tr')].map((tr) => tr.dataset.handle));
      assert.deepEqual(rows, handles);
      const exported = async (id) => {
        await popup.evaluate((button) => document.getElementById(button).click(), id);
        await popup.waitFor((kind) => document.getElementById('download').dataset.kind === kind, id.slice(7));
        return popup.evaluate(async () => (await fetch(document.getElementById('download').href)).text());
      };
      const csv = (await exported('export-csv')).trim().split('\r\n');
      assert.equal(csv.length, 4, 'a header and three rows');
      const columns = csv[0].split(',');
      const list = Object.fromEntries(columns.map((c, i) => [c, csv[1].split(',')[i]]));
      const expected = await listAudit(300);
      assert.equal(list.handle, LIST_HANDLE);
      const number = (cell) => (cell === '' ? null : Number(cell)); // an empty cell: a number the core does not give
      assert.equal(number(list.real_share), expected.real.share);
      assert.equal(number(list.real_ci90_low), expected.real.ci90[0]);
      assert.equal(number(list.real_ci90_high), expected.real.ci90[1]);
      assert.equal(number(list.fake_share), expected.fake.share);
      assert.equal(number(list.fake_ci90_low), expected.fake.ci90[0]);
      assert.equal(list.fake_at_least, String(expected.fake.at_least === true));
      const json = JSON.parse(await exported('export-json'));
      assert.deepEqual(json.rows.map((r) => r.handle), handles);
      assert.equal(json.rows[0].sample_n, 300);
      assert.equal(json.rows[2].profile_verdict, 'fake');
      assert.deepEqual(await axeViolations(popup), [], 'axe: the popup');
      await popup.screenshot(path.join(SCREENSHOTS, `${browser.name}-vetting-list.png`));
      await popup.close();
    });

    it('applies the options: sample size, thresholds and platforms on or off', { timeout: TEST_MS }, async () => {
      const expected = await listAudit(100, { inactive_posts_per_year: 365 });
      const plain = await listAudit(100);
      assert.notDeepEqual(estimateOf(expected), estimateOf(plain), 'the threshold changes the core\'s answer');
      assert.equal(await saveSettings(() => {
        document.getElementById('sample-size').value = '100';
        document.getElementById('inactive-posts').value = '365';
        document.getElementById('list-badges').checked = false;
      }), 'Settings saved.');
      assert.match(await saveSettings(() => { document.getElementById('sample-size').value = '5000'; }), /^Not saved: /, 'out of range is refused');
      await startList();
      assert.equal((await page.evaluate(progressOf)).max, 100);
      await page.evaluate(clickAuditButton);
      await page.waitFor(() => /^Done: /.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
      assert.equal((await page.evaluate(progressOf)).value, 100);
      const shown = estimateShares(await page.evaluate(panelPart, 'audit-estimate'));
      assertEstimate(shown, expected); // with the user's threshold
      assert.ok(differsFrom(shown, plain), `the estimate shown is not the one without the threshold: ${JSON.stringify(shown)}`);
      assert.equal(await page.evaluate(() => document.querySelectorAll('[data-truefollow-list-badge]').length), 0, 'no list badges when off');

      await saveSettings(() => { document.getElementById('platform-x').checked = false; });
      await openPage('https://x.com/examplestudio');
      await page.waitFor(() => document.querySelector('[data-testid="UserName"]'));
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await page.evaluate(() => document.querySelectorAll('[data-truefollow-badge]').length), 0, 'no badge with X off');
      await saveSettings(() => {
        document.getElementById('platform-x').checked = true;
        document.getElementById('inactive-posts').value = '';
        document.getElementById('sample-size').value = '300';
        document.getElementById('list-badges').checked = true;
      });
      await openPage('https://x.com/examplestudio');
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
    });

    it('speaks a second language, with numbers in its locale, and axe finds nothing on the options page', { timeout: TEST_MS }, async () => {
      await saveSettings(() => { document.getElementById('language').value = 'de'; });
      const options = await browser.openOptions();
      await options.waitFor(() => document.body.dataset.settingsReady === 'true');
      assert.equal(await options.evaluate(() => document.getElementById('settings-title').textContent), 'Einstellungen');
      assert.equal(await options.evaluate(() => document.documentElement.lang), 'de');
      assert.deepEqual(await axeViolations(options), [], 'axe: the options page');
      await options.close();
      const popup = await openPopup();
      assert.equal(await popup.evaluate(() => document.getElementById('vetting-title').textContent), 'Prüfliste');
      await popup.close();
      await openPage('https://x.com/growingstar');
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
      await page.waitFor(openPanelIn);
      await page.waitFor(() => /Zählungen/.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="history-summary"]')?.textContent ?? ''));
      assert.equal(await page.evaluate(panelPart, 'history-summary'), '3 Zählungen gesehen, von 1.200 bis 9.800.');
      assert.match(await page.evaluate(panelPart, 'audit-status'), /öffnet die Follower-Liste/);
      await saveSettings(() => { document.getElementById('language').value = 'auto'; });
    });

    it('samples the followers list the user scrolls by hand', { timeout: TEST_MS }, async () => {
      await openPage(`https://x.com/${LIST_HANDLE}/followers`);
      await page.waitFor((n) => new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), PAGE_SIZE);
      for (const n of [2 * PAGE_SIZE, 3 * PAGE_SIZE]) {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.waitFor((k) => new RegExp(`Of ${k} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), n);
      }
      assert.equal(page.requests.filter((u) => /\/Followers\?/.test(u)).length >= 3, true);
    });

    // ---- audit mode on the platforms whose lists come from public APIs -------------------------------

    // Audit mode from the first page to the default sample, with a stop and a resume; every request recorded.
    async function auditThroughApi({ followersUrl, perPage, isRead, pages, audit, stopAfter }) {
      const log = page.sent;
      const from = log.length;
      await openPage(followersUrl);
      await page.waitFor((n) => new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), perPage);
      await page.waitFor(openPanelIn);
      assert.deepEqual(await page.evaluate(progressOf), { value: perPage, max: 300 }, 'the site\'s own first page is read');

      // The progress bar advances page by page while audit mode runs, then Stop holds it.
      await page.evaluate(clickAuditButton);
      const seen = [perPage];
      const deadline = Date.now() + TEST_MS / 2;
      while (seen[seen.length - 1] < stopAfter) {
        assert.ok(Date.now() < deadline, `audit mode stalled at ${seen.join(', ')}`);
        const { value } = await page.evaluate(progressOf);
        if (value !== seen[seen.length - 1]) seen.push(value);
        await sleep(40);
      }
      await page.evaluate(clickAuditButton); // Stop
      await page.waitFor(() => /^Stopped at \d+ followers/.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
      assert.ok(seen.length >= 3, `the bar moved in steps: ${seen.join(', ')}`);
      for (let k = 1; k < seen.length; k++) {
        assert.ok(seen[k] > seen[k - 1] && seen[k] % perPage === 0, `the bar moves forward a page at a time: ${seen.join(', ')}`);
      }
      // A page already asked for may still land: it is the site's answer, read like any other. The wait is for
      // every page asked for to be read, a state only their answers make (a page counted twice overshoots it).
      const readsAtStop = log.slice(from).filter((r) => isRead(r.url)).length;
      await page.waitFor((n) => Number(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-progress"]').value) >= n,
        readsAtStop * perPage);
      const stoppedAt = (await page.evaluate(progressOf)).value;
      assert.equal(stoppedAt, readsAtStop * perPage, 'every page read counts once');
      await sleep(1500); // ten pauses of the test build: nothing more is asked for
      assert.equal(log.slice(from).filter((r) => isRead(r.url)).length, readsAtStop, 'no page is asked for after Stop');
      assert.equal((await page.evaluate(progressOf)).value, stoppedAt);
      assert.equal(await page.evaluate(panelPart, 'audit-button'), 'Resume');
      assert.ok(stoppedAt < 300);

      await page.evaluate(clickAuditButton); // Resume
      await page.waitFor(() => /^Done: /.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
      const expected = await audit();
      assert.deepEqual(await page.evaluate(progressOf), { value: 300, max: 300 });
      assert.equal(await page.evaluate(auditStatus), `Done: ${expected.n} followers read.`, 'the sample size n is shown');

      // The requests: the list pages chained exactly as the API pages them, each once, from the page, all reads.
      const sent = log.slice(from);
      const reads = sent.filter((r) => isRead(r.url));
      assert.deepEqual(reads.map((r) => r.url), pages.map((p) => p.url), 'each next page at the address the last one named, once each');
      assert.ok(reads.every((r) => r.method === 'GET'), 'the list is read with GET');
      assert.deepEqual(reads.map((r) => r.origin), reads.map(() => reads[0].origin), 'audit mode\'s reads carry the page\'s origin, as the site\'s own first read does');
      assert.ok(reads.every((r) => !/extension:/.test(r.origin ?? '')), 'no read comes from the extension');
      assert.deepEqual(sent.filter((r) => WRITES.includes(r.method)), [], 'no write request (POST, PUT, PATCH, DELETE) at all');

      // The estimate, its n and true reach: the core's, from the same pages after the profile's own response.
      await page.waitFor(openPanelIn);
      assertEstimate(estimateShares(await page.evaluate(panelPart, 'audit-estimate')), expected);
      assert.match(await page.evaluate(panelPart, 'sample'), new RegExp(`^Sample: ${expected.n} `), 'the panel gives n');
      // The description gives n, after what the badge's number means where that needs saying.
      assert.match(await page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('aria-description')),
        new RegExp(`(?:^|\\. )Of ${expected.n} `));
      assertAudienceLabel(await page.evaluate(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.button').getAttribute('aria-label')), expected);
      assertReach(await page.evaluate(panelPart, 'reach'), expected);
      return { expected, reads };
    }

    it('audit mode pages through a Bluesky followers list with the public AppView\'s cursor, from the page, and writes nothing', { timeout: TEST_MS }, async () => {
      const pages = blueskyPages(300 / BLUESKY_LIMIT.default);
      const { reads } = await auditThroughApi({
        followersUrl: `https://bsky.app/profile/${BLUESKY_HANDLE}/followers`,
        perPage: BLUESKY_LIMIT.default,
        isRead: (url) => url.startsWith('https://public.api.bsky.app/xrpc/app.bsky.graph.getFollowers?') && url.includes(`actor=${BLUESKY_HANDLE}`),
        pages,
        audit: () => blueskyAudit(pages.length),
        stopAfter: 4 * BLUESKY_LIMIT.default,
      });
      assert.equal(reads[0].origin, 'https://bsky.app', 'the AppView is asked with bsky.app\'s origin');
      assert.ok(pages.slice(1).every((p, k) => new URL(p.url).searchParams.get('cursor') === JSON.parse(pages[k].body).cursor), 'the cursor chain');
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-audit-bluesky.png`));
    });

    it('audit mode pages through a Mastodon followers list by its Link header, from the page, and writes nothing', { timeout: TEST_MS }, async () => {
      const pages = mastodonPages(Math.ceil(300 / MASTODON_LIMIT.default));
      const { reads } = await auditThroughApi({
        followersUrl: `https://mastodon.example/@${LIST_HANDLE}/followers`,
        perPage: MASTODON_LIMIT.default,
        isRead: (url) => /^https:\/\/mastodon\.example\/api\/v1\/accounts\/\d+\/followers\?/.test(url),
        pages,
        audit: () => mastodonAudit(pages.length),
        stopAfter: 4 * MASTODON_LIMIT.default,
      });
      assert.ok(reads.slice(1).every((r) => /[?&]max_id=\d+$/.test(r.url)), 'each next page by max_id');
      assert.ok(reads.every((r) => r.origin === null || r.origin === 'https://mastodon.example'), `same-origin reads: ${reads.map((r) => r.origin)}`);
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-audit-mastodon.png`));
    });

    it('audit mode opens a TikTok profile\'s followers dialog, reads its list to the sample size and shows the core\'s estimate', { timeout: TEST_MS }, async () => {
      const goal = 300;
      const pages = tiktokPages(Math.ceil(goal / TIKTOK_LIMIT.default));
      const expected = await tiktokAudit(pages.length);
      const log = page.sent;
      const from = log.length;
      await openPage(`https://www.tiktok.com/@${LIST_HANDLE}`);
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
      await page.waitFor(openPanelIn);
      assert.equal(await page.evaluate(auditStatus), '“Check followers” opens the followers list and reads it.');
      assert.equal(await page.evaluate(() => document.querySelector('[role="dialog"]')), null, 'no list is open yet');
      await page.evaluate(clickAuditButton); // opens the dialog; audit mode starts once its first page is read
      await page.waitFor(() => document.querySelectorAll('[role="dialog"] li').length > 0);
      await page.waitFor(() => {
        if (!document.querySelector('[data-truefollow-panel]')) document.querySelector('[data-truefollow-badge]')?.click();
        return /^Done: /.test(document.querySelector('[data-truefollow-panel]')?.shadowRoot?.querySelector('[data-part="audit-status"]')?.textContent ?? '');
      });
      assert.equal(await page.evaluate(auditStatus), `Done: ${expected.n} followers read.`);
      assert.equal(expected.n, goal, 'the core read every follower of the pages');
      assert.equal(expected.sample_kind, 'followers');

      const reads = log.slice(from).filter((r) => r.url.startsWith('https://www.tiktok.com/api/user/list/'));
      assert.deepEqual(reads.map((r) => r.url), pages.map((p) => p.url), 'each page once, by the cursor of the last');
      assert.deepEqual(log.slice(from).filter((r) => WRITES.includes(r.method)), [], 'no write request at all');
      assert.equal(await page.evaluate(() => document.querySelectorAll('[role="dialog"] li').length), goal, 'the dialog shows what was read');

      assertEstimate(estimateShares(await page.evaluate(panelPart, 'audit-estimate')), expected);
      assert.equal(await page.evaluate(panelPart, 'sample'), `Sample: ${expected.n} recent followers.`);
      assertReach(await page.evaluate(panelPart, 'reach'), expected); // from the profile's embedded count
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-audit-tiktok.png`));
    });

    it('shows who engages beside the followers once a post\'s reposts were read on X, and flags them when they look far more fake', { timeout: TEST_MS }, async () => {
      const expected = await listAuditWithReposters(300);
      const e = expected.engagers;
      assert.equal(e.kinds.reposters, e.n, 'the reposters are the engagers');
      await openPage(`https://x.com/${LIST_HANDLE}/status/${REPOSTED_TWEET_ID}/retweets`);
      await page.waitFor(() => document.querySelectorAll('[data-testid="UserCell"]').length > 0);
      await page.waitFor(() => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= 1);
      await page.evaluate(() => document.querySelector('#view a[data-nav][href$="/followers"]').click()); // in-app, as on x.com
      await page.waitFor((n) => new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), PAGE_SIZE);
      await page.waitFor(openPanelIn);
      await page.evaluate(clickAuditButton);
      await page.waitFor(() => /^Done: /.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
      await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click()); // closed and opened again: drawn anew
      await page.waitFor(openPanelIn);
      const engagers = await page.evaluate(engagersSection);
      assert.ok(engagers, 'the panel has a section on who engages');
      assert.equal(engagers.sample, `Sample: ${e.n} accounts that liked, reposted or commented.`);
      assert.equal(engagers.kinds, `Accounts: 0 liked, ${e.n} reposted, 0 commented.`);
      ['real', 'inactive', 'fake'].forEach((key, k) => assertEngagerRow(engagers.rows[k], e, key));
      if (isFloor(e) && e.fake.ci90[0] > 0) {
        const [bound] = /^At least (\S+) of the engagers are fake$/.exec(engagers.headline ?? '')?.slice(1) ?? [];
        assert.equal(percentDisagrees(bound, e.fake.ci90[0]), '', `the headline gives the core's bound: ${engagers.headline}`);
      }
      // The core flags the engagers only where both sides' fake shares are known well enough to compare.
      if (e.contrast) {
        assert.equal(e.contrast, 'engagers-more-fake', 'the run\'s accounts look far more fake than the followers as a whole');
        const [shownEngagers, shownFollowers] = /: (\S+) fake against (\S+)\.$/.exec(engagers.contrast ?? '')?.slice(1) ?? [];
        assert.equal(percentDisagrees(shownEngagers, e.fake.share), '', `both numbers: ${engagers.contrast}`);
        assert.equal(percentDisagrees(shownFollowers, expected.fake.share), '', `both numbers: ${engagers.contrast}`);
      } else {
        assert.equal(engagers.contrast, null, `no flag where the core raises none (engagers ${JSON.stringify(e.fake)}, followers ${JSON.stringify(expected.fake)})`);
      }
      assert.match(await page.evaluate(panelPart, 'sample'), new RegExp(`^Sample: ${expected.n} recent followers`), 'the followers\' own sample stays theirs');
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-engagers-x.png`));

      // The vetting list flags it too, with both numbers.
      await sleep(300); // the worker's store write
      const popup = await openPopup();
      await popup.evaluate(() => document.getElementById('add-vetting')?.click()); // (already listed by an earlier test: no button)
      await popup.waitFor((h) => Boolean(document.querySelector(`#vetting tbody tr[data-handle="${h}"]`)), LIST_HANDLE);
      const flags = await popup.evaluate((h) => document.querySelector(`#vetting tbody tr[data-handle="${h}"] [data-part="flags"]`).textContent, LIST_HANDLE);
      if (e.contrast) {
        const [flagEngagers, flagFollowers] = /engagers far more fake: (\S+) against (\S+?)(?:;|$)/.exec(flags)?.slice(1) ?? [];
        assert.equal(percentDisagrees(flagEngagers, e.fake.share), '', `the vetting list's flag: ${flags}`);
        assert.equal(percentDisagrees(flagFollowers, expected.fake.share), '', `the vetting list's flag: ${flags}`);
      } else {
        assert.doesNotMatch(flags, /far more fake/, 'no flag in the vetting list either');
      }
      await popup.close();
    });

    it('shows who engages beside the followers once a post\'s likes were read on Bluesky', { timeout: TEST_MS }, async () => {
      const pages = blueskyPages(300 / BLUESKY_LIMIT.default);
      const expected = await blueskyAudit(pages.length, {}, { withLikes: true });
      const e = expected.engagers;
      assert.equal(e.kinds.likers, e.n, 'the likers are the engagers');
      await openPage(`https://bsky.app/profile/${BLUESKY_HANDLE}/post/${LIKED_POST_RKEY}/liked-by`);
      await page.waitFor(() => document.querySelectorAll('.row').length > 0);
      await page.waitFor(() => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= 2); // the profile, the likes
      await page.evaluate(() => document.querySelector('#view a[data-nav][href$="/followers"]').click()); // in-app, as on bsky.app
      await page.waitFor((n) => new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), BLUESKY_LIMIT.default);
      await page.waitFor(openPanelIn);
      await page.evaluate(clickAuditButton);
      await page.waitFor(() => /^Done: /.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
      await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
      await page.waitFor(openPanelIn);
      const engagers = await page.evaluate(engagersSection);
      assert.ok(engagers, 'the panel has a section on who engages');
      assert.equal(engagers.sample, `Sample: ${e.n} accounts that liked, reposted or commented.`);
      assert.equal(engagers.kinds, `Accounts: ${e.n} liked, 0 reposted, 0 commented.`);
      ['real', 'inactive', 'fake'].forEach((key, k) => assertEngagerRow(engagers.rows[k], e, key));
      if (e.contrast) assert.match(engagers.contrast ?? '', /far more fake/, 'the core\'s flag is shown');
      else assert.equal(engagers.contrast, null, 'no flag where the core raises none');
      assert.match(await page.evaluate(panelPart, 'sample'), new RegExp(`^Sample: ${expected.n} recent followers`));
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-engagers-bluesky.png`));
    });

    it('shows who engages on Instagram once a post\'s comments and likes were read, and again in a new tab of the followers page and after its reload', { timeout: TEST_MS }, async () => {
      const expected = await instagramAuditWithEngagers();
      const e = expected.engagers;
      assert.ok(e.kinds.likers > 0 && e.kinds.commenters > 0 && e.n === e.kinds.likers + e.kinds.commenters, 'the likers and the commenters are the engagers');
      const accepted = () => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted ?? 0;
      const ofFollowers = (n) => new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? '');
      // The post's page names no author: its media info does (fetched after its comments, as a slow media info comes).
      await openPage(`https://www.instagram.com/p/${POST_CODE}/`);
      await page.waitFor(() => document.querySelectorAll('.comment').length > 0);
      await page.waitFor((n) => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= n, 2); // comments, media info
      await page.evaluate(() => document.querySelector('#view a[href$="/liked_by/"]').click()); // in-app, as on instagram.com
      await page.waitFor(() => document.querySelectorAll('.liker').length > 0);
      await page.waitFor((n) => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= n, 4); // media info, likers
      // The top search is read like the site's other responses: a search result, never a follower or an engager.
      await page.evaluate(() => fetch('/api/v1/web/search/topsearch/?query=studio').then((r) => r.text()));
      await page.waitFor((n) => JSON.parse(document.documentElement.dataset.truefollowCaptures ?? '{}').accepted >= n, 5);
      assert.equal(await page.evaluate(accepted), 5, 'media info, comments, likers and the top search were all captured');
      await page.evaluate(() => document.querySelector('#view a[href$="/followers/"]').click());
      await page.waitFor(ofFollowers, expected.n);
      await page.waitFor(openPanelIn);
      const shown = async () => {
        const engagers = await page.evaluate(engagersSection);
        assert.ok(engagers, 'the panel has a section on who engages');
        assert.equal(engagers.sample, `Sample: ${e.n} accounts that liked, reposted or commented.`);
        assert.equal(engagers.kinds, `Accounts: ${e.kinds.likers} liked, 0 reposted, ${e.kinds.commenters} commented.`);
        // (the card model scores these entries, which show no counts: its rates may support no share, shown as "?")
        const [realShown] = /^\S+/.exec(engagers.rows[0]);
        const [fakeShown] = /^\S+/.exec(engagers.rows[2]);
        assert.equal(shareDisagrees(realShown, e.real.share), '', 'the engagers\' real share is the core\'s');
        assert.equal(shareDisagrees(fakeShown, e.fake.share), '', 'the engagers\' fake share is the core\'s');
        if (e.contrast) {
          const [shownEngagers, shownFollowers] = /: (\S+) fake against (\S+)\.$/.exec(engagers.contrast ?? '')?.slice(1) ?? [];
          assert.equal(percentDisagrees(shownEngagers, e.fake.share), '', `both numbers: ${engagers.contrast}`);
          assert.equal(percentDisagrees(shownFollowers, expected.fake.share), '', `both numbers: ${engagers.contrast}`);
        } else {
          assert.ok(!engagers.contrast, `no flag where the core gives none: ${engagers.contrast}`);
        }
        assert.match(await page.evaluate(panelPart, 'sample'), new RegExp(`^Sample: ${expected.n} recent followers`), 'the followers\' own sample stays theirs');
        return engagers;
      };
      assert.equal((await shown()).earlier, null, 'made from what this tab read');
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-engagers-instagram.png`));

      // A new tab of the followers page has read no post: the engagers estimate stored with the profile is shown again.
      await openPage(`https://www.instagram.com/${POST_AUTHOR}/followers/`);
      await page.waitFor(ofFollowers, expected.n);
      await page.waitFor(openPanelIn);
      assert.equal(await page.evaluate(accepted), 2, 'this tab read only the profile and its followers');
      const again = await shown();
      assert.match(again.earlier ?? '', /^From an earlier check of this profile, /, 'said to come from an earlier check');
      // And after a reload of that tab (the old document is marked, so only the new one can end the wait).
      await page.evaluate(() => { document.documentElement.dataset.replaced = 'true'; location.reload(); });
      await page.waitFor((n) => !document.documentElement.dataset.replaced &&
        new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), expected.n);
      await page.waitFor(openPanelIn);
      assert.match((await shown()).earlier ?? '', /^From an earlier check of this profile, /, 'shown again after a reload');

      // The popup and the vetting list's export carry the stored figures.
      const popup = await openPopup();
      const current = await popup.evaluate(() => document.querySelector('[data-part="current-engagers"]')?.textContent ?? '');
      assert.equal(shareDisagrees(/^\S+/.exec(current)?.[0], e.real.share), '', `the popup's engagers: ${current}`);
      await popup.evaluate(() => document.getElementById('add-vetting').click());
      const row = `#vetting tbody tr[data-platform="instagram"][data-handle="${POST_AUTHOR}"]`; // (examplestudio on X is listed too)
      await popup.waitFor((r) => Boolean(document.querySelector(`${r} [data-part="engagers"]`)), row);
      const flags = await popup.evaluate((r) => document.querySelector(`${r} [data-part="flags"]`).textContent, row);
      if (e.contrast) {
        const [flagEngagers, flagFollowers] = /engagers far more fake: (\S+) against (\S+?)(?:;|$)/.exec(flags)?.slice(1) ?? [];
        assert.equal(percentDisagrees(flagEngagers, e.fake.share), '', `the vetting list's flag: ${flags}`);
        assert.equal(percentDisagrees(flagFollowers, expected.fake.share), '', `the vetting list's flag: ${flags}`);
      } else {
        assert.doesNotMatch(flags, /far more fake/, `no flag where the core gives none: ${flags}`);
      }
      await popup.evaluate(() => document.getElementById('export-json').click());
      await popup.waitFor(() => document.getElementById('download').dataset.kind === 'json');
      const { rows } = JSON.parse(await popup.evaluate(async () => (await fetch(document.getElementById('download').href)).text()));
      const exported = rows.find((r) => r.platform === 'instagram' && r.handle === POST_AUTHOR);
      assert.deepEqual([exported.engagers_n, exported.engagers_real_share, exported.engagers_real_ci90_low, exported.engagers_real_ci90_high,
        exported.engagers_fake_share, exported.engagers_contrast], [e.n, e.real.share, ...e.real.ci90, e.fake.share, e.contrast], 'the export carries the core\'s engagers figures');
      assert.equal(exported.engagers_followers_fake_share, expected.fake.share, 'judged against the followers\' share of the audit that made it');
      assert.equal(exported.engagers_carried, true);
      await popup.close();
    });

    it('says so on a TikTok profile whose page shows no followers list', { timeout: TEST_MS }, async () => {
      await openPage('https://www.tiktok.com/@examplestudio');
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
      await page.evaluate(() => document.querySelector('[data-e2e="followers-count"]').remove()); // a page with no list to open
      await page.waitFor(openPanelIn);
      assert.equal(await page.evaluate(auditStatus), 'This site shows no followers list to read.');
      assert.equal(await page.evaluate(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-button"]').disabled), true);
    });

    // ---- a server that refuses to read a list further ----------------------------------------------------

    // Audit mode on a list whose server refuses every page after the site's own first one: it stops as soon as
    // the refusal comes (not after two 12-second waits), says why, keeps the first page, and asks nothing more.
    async function refusedAfterFirstPage({ followersUrl, perPage, isRead, status }) {
      const log = page.sent;
      const from = log.length;
      await openPage(followersUrl);
      await page.waitFor((n) => new RegExp(`Of ${n} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), perPage);
      await page.waitFor(openPanelIn);
      const estimate = await page.evaluate(panelPart, 'audit-estimate');
      assert.ok(estimate, 'an estimate from the first page');
      const started = Date.now();
      await page.evaluate(clickAuditButton);
      await page.waitFor((pattern) => new RegExp(pattern).test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent), status.source);
      const took = Date.now() - started;
      assert.ok(took < 6000, `the refusal is reported at once (${took} ms; a page that does not come is given up after 2 × 12 s)`);
      const reads = () => log.slice(from).filter((r) => isRead(r.url)).length;
      assert.equal(reads(), 2, 'the site\'s own first page and the one refused');
      await sleep(2000); // more than ten pauses of the test build
      assert.equal(reads(), 2, 'no page is asked for after the refusal');
      assert.deepEqual(await page.evaluate(progressOf), { value: perPage, max: 300 }, 'what was read is kept');
      assert.equal(await page.evaluate(panelPart, 'audit-estimate'), estimate, 'and its estimate');
      assert.equal(await page.evaluate(panelPart, 'audit-button'), 'Resume');
      assert.equal(await page.evaluate(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').getAttribute('role')), 'status',
        'announced to assistive technology');
    }

    it('stops audit mode at once when the Mastodon instance refuses to read the list further without signing in (401), keeping what was read', { timeout: TEST_MS }, async () => {
      await refusedAfterFirstPage({
        followersUrl: 'https://mastodon.example/@guardedstudio/followers',
        perPage: MASTODON_LIMIT.default,
        isRead: (url) => /^https:\/\/mastodon\.example\/api\/v1\/accounts\/109999999999000002\/followers\?/.test(url),
        status: new RegExp(`^Stopped at ${MASTODON_LIMIT.default} followers: mastodon\\.example does not let its follower lists be read without signing in \\(HTTP 401\\)\\. What was read so far is kept\\.$`),
      });
      await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-audit-refused-mastodon.png`));
    });

    it('stops audit mode at once when the Bluesky app view answers an error, and says which', { timeout: TEST_MS }, async () => {
      await refusedAfterFirstPage({
        followersUrl: 'https://bsky.app/profile/guardedstudio.bsky.social/followers',
        perPage: BLUESKY_LIMIT.default,
        isRead: (url) => url.startsWith('https://public.api.bsky.app/xrpc/app.bsky.graph.getFollowers?') && url.includes('actor=guardedstudio.bsky.social'),
        status: new RegExp(`^Stopped at ${BLUESKY_LIMIT.default} followers: public\\.api\\.bsky\\.app answered HTTP 502 instead of the next page\\.`),
      });
    });

    it('says so when the Mastodon instance refuses even the first page of the list, and asks for nothing more', { timeout: TEST_MS }, async () => {
      const log = page.sent;
      const from = log.length;
      const isRead = (url) => /^https:\/\/mastodon\.example\/api\/v1\/accounts\/109999999999000003\/followers/.test(url);
      await openPage('https://mastodon.example/@lockedstudio/followers');
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]'));
      await page.waitFor(openPanelIn);
      const refused = /^Stopped at 0 followers: mastodon\.example does not let its follower lists be read without signing in \(HTTP 401\)/;
      await page.waitFor((pattern) => new RegExp(pattern).test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent), refused.source);
      await page.evaluate(clickAuditButton);
      await sleep(1500);
      assert.match(await page.evaluate(auditStatus), refused);
      assert.equal(log.slice(from).filter((r) => isRead(r.url)).length, 1, 'only the site\'s own read');
    });

    it('shows true reach from the profile\'s follower count after an audit on X', { timeout: TEST_MS }, async () => {
      const expected = await listAudit(300);
      // True reach needs the real share: with only the one-sided bound on fakes (audit.c) the core gives none.
      const given = typeof expected.reach?.value === 'number';
      if (given) assert.ok(Array.isArray(expected.reach.ci90) && expected.reach.ci90[0] < expected.reach.ci90[1], 'an interval, not a point');
      else assert.equal(expected.real.share, null, 'the core gives no true reach only where it gives no real share');
      await startList();
      await page.evaluate(clickAuditButton);
      await page.waitFor(() => /^Done: /.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
      await page.waitFor(openPanelIn);
      assertReach(await page.evaluate(panelPart, 'reach'), expected);
      const popup = await openPopup();
      const reach = await popup.evaluate(() => [...document.querySelectorAll('[data-part="current-result"] dd')].map((dd) => dd.textContent)[2]);
      assert.equal(reach, given ? `${expected.reach.value.toLocaleString('en')} (${expected.reach.ci90.map((v) => v.toLocaleString('en')).join('–')})` : 'unknown',
        'the popup shows it too');
      await popup.close();
    });

    it('lists the profiles checked recently in the popup, the most recent first', { timeout: TEST_MS }, async () => {
      const visits = [
        { url: 'https://x.com/dealfinder4821', label: '@dealfinder4821 (x)', key: 'p|x|dealfinder4821' },
        { url: 'https://bsky.app/profile/examplestudio.bsky.social', label: '@examplestudio.bsky.social (bluesky)', key: 'p|bluesky|examplestudio.bsky.social' },
        { url: 'https://mastodon.example/@examplestudio', label: '@examplestudio@mastodon.example (mastodon)', key: 'p|mastodon|mastodon.example/examplestudio' },
      ];
      const recent = async () => {
        const popup = await openPopup();
        const items = await popup.evaluate(() => [...document.querySelectorAll('#recent li')].map((li) => li.querySelector('strong')?.textContent ?? li.textContent));
        await popup.close();
        return items;
      };
      const visit = async ({ url, key }) => {
        const since = Date.now();
        await openPage(url);
        await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
        await untilStored(browser, [{ key, field: 'seen_at', since }]); // the worker's store write
      };
      for (const v of visits) await visit(v);
      assert.deepEqual((await recent()).slice(0, 3), visits.map((v) => v.label).reverse(), 'the last three visits, newest first');
      await visit(visits[0]); // visiting again moves a profile to the top
      assert.deepEqual((await recent()).slice(0, 3), [visits[0], visits[2], visits[1]].map((v) => v.label));
      const all = await recent();
      assert.ok(all.length <= 8, 'at most eight');
      assert.equal(new Set(all).size, all.length, 'each profile once');
    });

    it('applies the "fake" threshold of the options page to every follower\'s verdict, and keeps the corrected estimate', { timeout: TEST_MS }, async () => {
      const threshold = 0.2;
      const [plain, changed] = [await listAudit(100), await listAudit(100, { fake_threshold: threshold })];
      // The core corrects the fake share at the threshold its error rates were measured at: the estimate of the
      // audience does not move with the user's threshold, the single verdicts do.
      assert.deepEqual(changed.fake, plain.fake, 'the same corrected estimate');
      const [plainScores, changedScores] = [await listScores(100), await listScores(100, { fake_threshold: threshold })];
      const fakes = (scores) => scores.filter((a) => a.verdict === 'fake').length;
      assert.notEqual(fakes(changedScores), fakes(plainScores), 'and the verdicts of the sampled followers');
      assert.equal(await saveSettings(() => {
        document.getElementById('sample-size').value = '100';
        document.getElementById('fake-threshold').value = '0.2';
      }), 'Settings saved.');
      try {
        await startList();
        await page.evaluate(clickAuditButton);
        await page.waitFor(() => /^Done: /.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
        assertEstimate(estimateShares(await page.evaluate(panelPart, 'audit-estimate')), changed); // the corrected estimate
        await page.waitFor(() => document.querySelectorAll('[data-truefollow-list-badge]').length === 100);
        const marks = await page.evaluate(listMarks);
        for (const account of changedScores) {
          assert.equal(marks.find((m) => m.handle === account.handle)?.verdict, account.verdict, `list badge of @${account.handle} with the threshold`);
        }
      } finally {
        await saveSettings(() => {
          document.getElementById('sample-size').value = '300';
          document.getElementById('fake-threshold').value = '';
        });
      }
    });

    it('applies the "inactive after days without a post" threshold of the options page to the estimate', { timeout: TEST_MS }, async () => {
      const days = 30;
      const pages = mastodonPages(2);
      const [plain, changed] = [await mastodonAudit(2), await mastodonAudit(2, { inactive_days_silent: days })];
      assert.notDeepEqual(estimateOf(changed), estimateOf(plain), 'the threshold changes the core\'s answer');
      assert.equal(await saveSettings((d) => {
        document.getElementById('sample-size').value = '80';
        document.getElementById('inactive-days').value = String(d);
      }, days), 'Settings saved.');
      try {
        await openPage(`https://mastodon.example/@${LIST_HANDLE}/followers`);
        await page.waitFor(() => /Of \d+ /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''));
        await page.waitFor(openPanelIn);
        await page.evaluate(clickAuditButton);
        await page.waitFor(() => /^Done: /.test(document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-status"]').textContent));
        assert.equal(await page.evaluate(auditStatus), `Done: ${pages.length * MASTODON_LIMIT.default} followers read.`);
        const shown = estimateShares(await page.evaluate(panelPart, 'audit-estimate'));
        assertEstimate(shown, changed); // with the user's threshold
        assert.ok(differsFrom(shown, plain), `the estimate shown is not the default one: ${JSON.stringify(shown)}`);
      } finally {
        await saveSettings(() => {
          document.getElementById('sample-size').value = '300';
          document.getElementById('inactive-days').value = '';
        });
      }
    });

    // ---- badges on post authors -----------------------------------------------------------------------

    for (const [platform, what] of [['x', 'search'], ['x', 'thread'], ['bluesky', 'search'], ['bluesky', 'thread']]) {
      it(`marks the authors of the posts in a ${what} on ${platform} with the core's verdicts`, { timeout: TEST_MS }, async () => {
        const { pageUrl, hrefs, verdicts } = await searchOrThreadAuthors(platform, what);
        const handleOf = (href) => href.replace(/^\/(?:profile\/)?/, '').toLowerCase();
        const judged = hrefs.filter((h) => ['real', 'inactive', 'fake'].includes(verdicts[handleOf(h)]));
        assert.ok(new Set(judged).size >= 2, `posts by at least two judged authors: ${hrefs}`);
        await openPage(pageUrl);
        await page.waitFor((n) => document.querySelectorAll('[data-truefollow-author-badge]').length === n, judged.length);
        const marks = await page.evaluate(authorMarks);
        assert.deepEqual(marks.map((m) => m.href), judged, 'one mark on each post, after its author\'s link');
        for (const mark of marks) {
          assert.equal(mark.verdict, verdicts[handleOf(mark.href)], `the core's verdict for ${mark.href}`);
          assert.equal(mark.label, `truefollow: the author of this post looks ${ENGLISH[`verdict_${mark.verdict}`].message}`);
        }
        assert.equal(await page.evaluate(() => document.querySelector('[data-truefollow-badge]')), null, 'no profile badge: no profile is shown');
        await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-author-badges-${platform}-${what}.png`));
      });
    }

    for (const platform of ['x', 'bluesky', 'mastodon']) {
      it(`marks the other authors of the posts a profile shows on ${platform} with the core's verdicts, not the profile, and drops the marks when the option is off`, { timeout: TEST_MS }, async () => {
        const { pageUrl, handle, profileHref, hrefs, verdicts } = await postAuthors(platform);
        const others = hrefs.filter((h) => h !== profileHref);
        assert.ok(new Set(others).size >= 2, `posts by at least two other authors: ${others}`);
        await openPage(pageUrl);
        await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
        await page.waitFor((n) => document.querySelectorAll('[data-truefollow-author-badge]').length === n, others.length);
        const marks = await page.evaluate(authorMarks);
        assert.deepEqual(marks.map((m) => m.href), others, 'one mark on each post by someone else, after its author\'s link');
        for (const mark of marks) {
          const author = mark.href.replace(/^\/(?:profile\/|@)?/, '').toLowerCase();
          assert.ok(verdicts[author], `the core scored ${author}`);
          assert.equal(mark.verdict, verdicts[author], `the core's verdict for ${author}`);
          assert.equal(mark.role, 'img');
          assert.equal(mark.label, `truefollow: the author of this post looks ${ENGLISH[`verdict_${verdicts[author]}`].message}`);
        }
        // The X recording's retweets are all of accounts the core finds real: its marks cannot differ, and no
        // data is made up to make them.
        if (platform !== 'x') assert.ok(new Set(marks.map((m) => m.verdict)).size >= 2, `verdicts of more than one kind: ${marks.map((m) => m.verdict)}`);
        assert.ok(verdicts[handle.toLowerCase()], 'the core reports the profile as a post author too');
        assert.equal(await page.evaluate((href) => [...document.querySelectorAll(`a[href="${href}"]`)]
          .filter((a) => a.nextElementSibling?.hasAttribute('data-truefollow-author-badge')).length, profileHref), 0, 'no mark on the profile itself');
        assert.deepEqual(await axeViolations(page, ['#view']), [], 'axe: the posts with their marks');
        if (platform === 'mastodon') {
          // The marks speak the language chosen in the options, and change with it.
          await saveSettings(() => { document.getElementById('language').value = 'de'; });
          await page.waitFor(() => /^truefollow: Autor dieses Beitrags wirkt /.test(document.querySelector('[data-truefollow-author-badge]').getAttribute('aria-label')));
          await saveSettings(() => { document.getElementById('language').value = 'auto'; });
        }
        await page.screenshot(path.join(SCREENSHOTS, `${browser.name}-author-badges-${platform}.png`));

        assert.equal(await saveSettings(() => { document.getElementById('author-badges').checked = false; }), 'Settings saved.');
        try {
          await page.waitFor(() => document.querySelectorAll('[data-truefollow-author-badge]').length === 0);
          await openPage(pageUrl);
          await page.waitFor((n) => document.querySelectorAll('#view :is(.row, article)').length >= n, hrefs.length);
          await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
          await sleep(1000); // the marks would have come by now
          assert.equal(await page.evaluate(() => document.querySelectorAll('[data-truefollow-author-badge]').length), 0, 'no marks with the option off');
        } finally {
          await saveSettings(() => { document.getElementById('author-badges').checked = true; });
        }
      });
    }

    after(async () => {
      await page?.close().catch(() => {});
      await browser?.close();
    }, { timeout: TEST_MS });
  });
}

/*
 * The popup, in each browser: the vetting list of four accounts (its CSV and JSON exports with the core's
 * numbers, a copied report whose inputs re-run to the same result, and a Bluesky profile whose list gives no
 * number, said by the profile's own verdict as its badge says it), and the profiles checked recently, the most
 * recent first.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, it } from 'node:test';
import { LIST_HANDLE, listAudit, rerun } from './lib/audit-mode-expected.js';
import { anyBadge, badgeStateIs, describesSample } from './lib/badge-probes.js';
import { auditDone, clickAuditButton, startList } from './lib/audit-mode-probes.js';
import { axeViolations } from './lib/axe.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser, untilStored } from './lib/session.js';

const BLUESKY_HANDLE = 'examplestudio.bsky.social';

inEachBrowser('the popup', (session) => {
  let page;

  // The vetting list's first account has been read by audit mode to the default sample, so its report keeps inputs.
  before(async () => {
    page = await startList(session);
    await page.evaluate(clickAuditButton);
    await page.waitFor(auditDone);
  }, { timeout: TEST_MS });

  it('compares four accounts in the vetting list, exports CSV and JSON, and copies a report that re-runs', { timeout: TEST_MS }, async () => {
    const handles = [LIST_HANDLE, 'examplestudio', 'dealfinder4821'];
    for (const handle of handles) {
      const since = Date.now();
      const followersPage = handle === 'examplestudio';
      page = await session.open(`https://x.com/${handle}${followersPage ? '/followers' : ''}`);
      await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready' ||
        document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'no-data');
      await untilStored(session.browser, followersPage ? [{ key: `a|x|${handle}`, field: 'audit_at', since }]
        : [{ key: `p|x|${handle}`, field: 'seen_at', since }]); // the worker's store write
      const popup = await session.openPopup();
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
    // A profile whose follower list gives no number (Bluesky's list entries carry no counts): its row says the
    // profile's own verdict, as the badge on that list does, where every number reads unknown.
    const since = Date.now();
    page = await session.open(`https://bsky.app/profile/${BLUESKY_HANDLE}`);
    await page.waitFor(badgeStateIs, 'ready');
    page = await session.open(`https://bsky.app/profile/${BLUESKY_HANDLE}/followers`);
    await page.waitFor(describesSample);
    const badge = await page.evaluate(anyBadge);
    await untilStored(session.browser, [{ key: `a|bluesky|${BLUESKY_HANDLE}`, field: 'audit_at', since }]); // the worker's store write
    const listPopup = await session.openPopup();
    assert.equal(await listPopup.evaluate(() => document.querySelector('[data-part="current-profile"]')?.textContent), `@${BLUESKY_HANDLE} (bluesky)`);
    await listPopup.evaluate(() => document.getElementById('add-vetting').click());
    await listPopup.waitFor((n) => document.querySelectorAll('#vetting tbody tr').length === n, handles.length + 1);
    const blueskyRow = await listPopup.evaluate((h) => {
      const tr = document.querySelector(`#vetting tbody tr[data-platform="bluesky"][data-handle="${h}"]`);
      const heads = [...document.querySelectorAll('#vetting thead th')].map((th) => th.textContent);
      return Object.fromEntries([...tr.children].slice(0, heads.length).map((cell, i) => [heads[i], cell.textContent]));
    }, BLUESKY_HANDLE);
    assert.match(badge.label, /^truefollow: [⚠✓◌?] (likely (real|inactive|fake)|uncertain) · p\(fake\) /, 'the badge on the list leads with the profile');
    assert.equal(blueskyRow['The profile itself'], badge.label.replace(/^truefollow: /, ''), 'the row says what the badge says');
    assert.equal(blueskyRow.Real, 'unknown', 'the list gives no share');
    assert.ok(!('True reach' in blueskyRow), 'no true-reach column when no row has one (no audit here gives a two-sided share)');
    assert.equal(await listPopup.evaluate(() => document.querySelector('[data-part="current-profile-verdict"]')?.textContent), blueskyRow['The profile itself'],
      'the current tab says it too');
    await listPopup.waitFor(() => document.getElementById('save-report'));
    assert.equal(await listPopup.evaluate(() => document.querySelectorAll('#save-report').length), 1, 'one "Save report" for the profile shown');
    await listPopup.close();
    handles.push(BLUESKY_HANDLE);

    const popup = await session.openPopup();
    const rows = await popup.evaluate(() => [...document.querySelectorAll('#vetting tbody tr')].map((tr) => tr.dataset.handle));
    assert.deepEqual(rows, handles);
    const exported = async (id) => {
      await popup.evaluate((button) => document.getElementById(button).click(), id);
      await popup.waitFor((kind) => document.getElementById('download').dataset.kind === kind, id.slice(7));
      return popup.evaluate(async () => (await fetch(document.getElementById('download').href)).text());
    };
    const csv = (await exported('export-csv')).trim().split('\r\n');
    assert.equal(csv.length, 5, 'a header and four rows');
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
    const blueskyExport = json.rows[3];
    assert.deepEqual([blueskyExport.platform, blueskyExport.real_share], ['bluesky', null]);
    assert.match(blueskyExport.profile_verdict, /^(real|inactive|fake|uncertain)$/, 'the export carries the verdict the row shows');
    assert.equal(typeof blueskyExport.profile_p_fake, 'number');
    const blueskyCsv = Object.fromEntries(columns.map((c, i) => [c, csv[4].split(',')[i]]));
    assert.equal(blueskyCsv.profile_verdict, blueskyExport.profile_verdict);
    assert.deepEqual(await axeViolations(popup), [], 'axe: the popup');
    await popup.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-vetting-list.png`));
    await popup.close();
  });

  it('lists the profiles checked recently in the popup, the most recent first', { timeout: TEST_MS }, async () => {
    const visits = [
      { url: 'https://x.com/dealfinder4821', label: '@dealfinder4821 (x)', key: 'p|x|dealfinder4821' },
      { url: 'https://bsky.app/profile/examplestudio.bsky.social', label: '@examplestudio.bsky.social (bluesky)', key: 'p|bluesky|examplestudio.bsky.social' },
      { url: 'https://mastodon.example/@examplestudio', label: '@examplestudio@mastodon.example (mastodon)', key: 'p|mastodon|mastodon.example/examplestudio' },
    ];
    const recent = async () => {
      const popup = await session.openPopup();
      const items = await popup.evaluate(() => [...document.querySelectorAll('#recent li')].map((li) => li.querySelector('strong')?.textContent ?? li.textContent));
      await popup.close();
      return items;
    };
    const visit = async ({ url, key }) => {
      const since = Date.now();
      page = await session.open(url);
      await page.waitFor(badgeStateIs, 'ready');
      await untilStored(session.browser, [{ key, field: 'seen_at', since }]); // the worker's store write
    };
    for (const v of visits) await visit(v);
    assert.deepEqual((await recent()).slice(0, 3), visits.map((v) => v.label).reverse(), 'the last three visits, newest first');
    await visit(visits[0]); // visiting again moves a profile to the top
    assert.deepEqual((await recent()).slice(0, 3), [visits[0], visits[2], visits[1]].map((v) => v.label));
    const all = await recent();
    assert.ok(all.length <= 8, 'at most eight');
    assert.equal(new Set(all).size, all.length, 'each profile once');
  });
});

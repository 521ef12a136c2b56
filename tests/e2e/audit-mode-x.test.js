/*
 * Audit mode on X's synthetic 1,000-follower list, in each browser: it reads the list politely, page by page,
 * stops and resumes, and shows the core's estimate, its list badges, the Follower Factory chart and true reach;
 * a list the user scrolls by hand is sampled too. Expected numbers come from the core reading the same pages
 * (audit-mode-expected.js).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { LIST_HANDLE, PAGE_SIZE, firstPageScores, listAudit } from './lib/audit-mode-expected.js';
import { describesSample } from './lib/badge-probes.js';
import {
  auditDone, chartOf, clickAuditButton, listMarks, openPanelIn, panelPart, progressOf, startList,
} from './lib/audit-mode-probes.js';
import { assertAudienceLabel, assertEstimate, assertReach, estimateShares } from './lib/audit-mode-asserts.js';
import { axeViolations } from './lib/axe.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

inEachBrowser('audit mode on X', (session) => {
  let page;

  it('audit mode reads the followers list politely, stops, resumes and shows the core\'s estimate', { timeout: TEST_MS }, async () => {
    const expected = await listAudit(300);
    page = await startList(session);
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
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-audit-in-progress.png`));

    await page.evaluate(clickAuditButton); // Resume
    await page.waitFor(auditDone);
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
    await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-factory-chart.png`));
  });

  it('samples the followers list the user scrolls by hand', { timeout: TEST_MS }, async () => {
    page = await session.open(`https://x.com/${LIST_HANDLE}/followers`);
    await page.waitFor(describesSample, PAGE_SIZE);
    for (const n of [2 * PAGE_SIZE, 3 * PAGE_SIZE]) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitFor((k) => new RegExp(`Of ${k} `).test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''), n);
    }
    assert.equal(page.requests.filter((u) => /\/Followers\?/.test(u)).length >= 3, true);
  });

  it('shows true reach from the profile\'s follower count after an audit on X', { timeout: TEST_MS }, async () => {
    const expected = await listAudit(300);
    // True reach needs the real share: with only the one-sided bound on fakes (audit.c) the core gives none.
    const given = typeof expected.reach?.value === 'number';
    if (given) assert.ok(Array.isArray(expected.reach.ci90) && expected.reach.ci90[0] < expected.reach.ci90[1], 'an interval, not a point');
    else assert.equal(expected.real.share, null, 'the core gives no true reach only where it gives no real share');
    page = await startList(session);
    await page.evaluate(clickAuditButton);
    await page.waitFor(auditDone);
    await page.waitFor(openPanelIn);
    assertReach(await page.evaluate(panelPart, 'reach'), expected);
    const popup = await session.openPopup();
    const reach = await popup.evaluate(() => [...document.querySelectorAll('[data-part="current-result"] dd')].map((dd) => dd.textContent)[2]);
    assert.equal(reach, given ? `${expected.reach.value.toLocaleString('en')} (${expected.reach.ci90.map((v) => v.toLocaleString('en')).join('–')})` : 'unknown',
      'the popup shows it too');
    await popup.close();
  });
});

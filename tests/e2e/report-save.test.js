// "Save report" in the popup (extension/pages/report-save.js), in each browser: the profile's audit as the core's one-file
// HTML report, in the language chosen on the options page (its reasons as the panel says them), naming the kept inputs by SHA-256, and the command the report gives re-derives
// the same numbers from them; and the vetting list's report, every listed profile side by side.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { root } from './lib/fixture-sites.js';
import { TEST_MS, inEachBrowser, untilStored } from './lib/session.js';

const cli = path.join(root, 'build', 'truefollow');
const GERMAN = JSON.parse(fs.readFileSync(path.join(root, 'extension', '_locales', 'de', 'messages.json'), 'utf8'));
const attribute = (html, pattern) => pattern.exec(html)?.[1];
// A share as the report writes it in data-value: six significant digits, "nan" where the core gives none.
const shareValue = (share) => (share === null ? NaN : Number(share.toPrecision(6)));

inEachBrowser('Save report', (session) => {
  let saved;
  before(async () => {
    const { browser } = session;
    const tab = await session.openReady('https://x.com/examplestudio/followers');
    // Inputs are kept only for an audit the user started: Check followers in the panel (its shadow root is open
    // in the test build), read to the end of the list, and its inputs stored.
    const since = Date.now();
    await tab.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
    await tab.waitFor(() => document.querySelector('[data-truefollow-panel]')?.shadowRoot.querySelector('[data-part="audit-button"]'));
    await tab.evaluate(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="audit-button"]').click());
    await tab.waitFor(() => /^(Done: |The list ended after )/.test(document.querySelector('[data-truefollow-panel]')?.shadowRoot.querySelector('[data-part="audit-status"]')?.textContent ?? ''));
    await untilStored(browser, [{ key: 'a|x|examplestudio', field: 'audit_at', since }, { key: 'i|x|examplestudio', field: 'now', since: Math.floor(since / 1000) }]);
    // The panel's Save report.
    await tab.waitFor(() => document.querySelector('[data-truefollow-panel]')?.shadowRoot.querySelector('[data-part="save-report"] button'));
    await tab.evaluate(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="save-report"] button').click());
    await tab.waitFor(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="save-report"]').dataset.saved);
    const fromPanel = await tab.evaluate(async () => {
      const section = document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="save-report"]');
      return { links: section.querySelectorAll('a').length, html: await (await fetch(section.dataset.saved)).text() };
    });
    const popup = await session.openPopup();
    // report-save.js adds the button once it has read that the profile has an estimate: after the popup is ready.
    await popup.waitFor(() => document.getElementById('save-report'));
    await popup.evaluate(() => document.getElementById('save-report').click());
    await popup.waitFor(() => document.getElementById('download').dataset.kind === 'html');
    saved = await popup.evaluate(async () => {
      const link = document.getElementById('download');
      const subject = JSON.parse(document.getElementById('current').dataset.subject);
      const area = (globalThis.browser ?? globalThis.chrome).storage.local;
      return {
        name: link.download,
        html: await (await fetch(link.href)).text(),
        audit: (await globalThis.truefollowRecords.profile(area, subject)).audit,
        inputs: await globalThis.truefollowRecords.inputs(area, subject),
      };
    });
    // The vetting list's report: this profile added to the list, then the list saved.
    await popup.evaluate(() => document.getElementById('add-vetting').click());
    await popup.waitFor(() => document.querySelectorAll('#vetting tbody tr').length === 1 && !document.getElementById('save-vetting-report')?.disabled);
    await popup.evaluate(() => document.getElementById('save-vetting-report').click());
    await popup.waitFor(() => document.getElementById('download').dataset.kind === 'vetting-html');
    saved.list = await popup.evaluate(async () => {
      const link = document.getElementById('download');
      return { name: link.download, html: await (await fetch(link.href)).text() };
    });
    saved.panel = fromPanel;
    await popup.close();
    // German chosen on the options page: the open panel is drawn again in German; both Save reports follow.
    const options = await browser.openOptions();
    await options.waitFor(() => document.body.dataset.settingsReady === 'true');
    await options.evaluate(() => {
      document.getElementById('language').value = 'de';
      document.getElementById('save-settings').click();
    });
    await options.waitFor(() => document.getElementById('settings-status').textContent.length > 0);
    await options.close();
    await tab.waitFor((button) => document.querySelector('[data-truefollow-panel]')?.shadowRoot
      .querySelector('[data-part="save-report"] button')?.textContent === button, GERMAN.popup_save_report.message);
    await tab.evaluate(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="save-report"] button').click());
    await tab.waitFor(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('[data-part="save-report"]').dataset.saved);
    saved.german = await tab.evaluate(async () => {
      const root = document.querySelector('[data-truefollow-panel]').shadowRoot;
      return { reasons: [...root.querySelectorAll('[data-part="account"] li')].map((li) => li.textContent),
        html: await (await fetch(root.querySelector('[data-part="save-report"]').dataset.saved)).text() };
    });
    const germanPopup = await session.openPopup();
    await germanPopup.waitFor(() => document.getElementById('save-report'));
    await germanPopup.evaluate(() => document.getElementById('save-report').click());
    await germanPopup.waitFor(() => document.getElementById('download').dataset.kind === 'html');
    saved.german.popup = await germanPopup.evaluate(async () => (await fetch(document.getElementById('download').href)).text());
    await germanPopup.close();
    await session.closePage();
  }, { timeout: TEST_MS });

  it('downloads a self-contained HTML report named after the profile', () => {
    assert.equal(saved.name, 'truefollow-report-x-examplestudio.html');
    assert.match(saved.html, /^<!doctype html>\n<html lang="en">/);
    assert.doesNotMatch(saved.html, /<script|https?:|\s(?:src|href)=/i);
  });

  it('saves the same document from the details panel, which keeps no link', () => {
    assert.equal(saved.panel.html, saved.html);
    assert.equal(saved.panel.links, 0);
  });

  it('comes in the language chosen on the options page, its reasons as the panel says them', () => {
    assert.match(saved.german.html, /^<!doctype html>\n<html lang="de">/);
    assert.equal(saved.german.popup, saved.german.html, 'the popup\'s and the panel\'s German reports are the same document');
    assert.equal(attribute(saved.german.html, /<h1>([^<]+)<\/h1>/), GERMAN.report_title.message);
    const headings = (html) => [...html.matchAll(/<h2 id="[a-z]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    const english = headings(saved.html);
    assert.ok(english.length >= 8, `headings: ${english}`);
    assert.deepEqual(headings(saved.german.html).filter((h) => english.includes(h)), [], 'no English heading left');
    const reasons = [...saved.german.html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    assert.ok(reasons.length >= 2, `reasons: ${reasons}`);
    assert.deepEqual(reasons, saved.german.reasons, 'the reasons as the panel says them in German, numbers and all');
    assert.deepEqual(reasons.filter((r) => saved.html.includes(`<li>${r}</li>`)), [], 'no reason left in English');
  });

  it('shows the stored audit\'s numbers and names the kept inputs by SHA-256', () => {
    for (const part of ['real', 'inactive', 'fake']) {
      assert.equal(Number(attribute(saved.html, new RegExp(`data-share="${part}" data-value="([^"]+)"`))), shareValue(saved.audit[part].share), part);
    }
    const sum = crypto.createHash('sha256').update(saved.inputs.lines, 'utf8').digest('hex');
    assert.ok(saved.html.includes(sum), 'the SHA-256 of inputs.jsonl');
  });

  it('saves the vetting list side by side, one row per listed profile with the stored numbers', () => {
    assert.equal(saved.list.name, 'truefollow-vetting-report.html');
    assert.doesNotMatch(saved.list.html, /<script|https?:|\s(?:src|href)=/i);
    const rows = [...saved.list.html.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)];
    assert.deepEqual(rows.map((r) => r[1]), ['@examplestudio (x)']);
    assert.equal(Number(/data-share="real" data-value="([^"]+)"/.exec(rows[0][2])[1]), shareValue(saved.audit.real.share));
  });

  it('gives a command that re-derives the same numbers from the kept inputs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-saved-'));
    try {
      fs.writeFileSync(path.join(dir, 'inputs.jsonl'), saved.inputs.lines);
      const command = attribute(saved.html, /<code data-part="rederive">truefollow ([^<]+)<\/code>/).split(' ');
      const audit = JSON.parse(execFileSync(cli, command, { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 }));
      assert.deepEqual(audit, saved.audit);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

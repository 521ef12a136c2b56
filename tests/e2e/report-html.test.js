// `truefollow report`: the one-file HTML vetting report of the demo profiles, in every language. Checked as a file
// (no script, no URL, the input names escaped, the numbers the core's, the line that re-derives them) and in
// Chromium (axe-core finds no violation, the page asks the network for nothing, it prints to PDF).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { loadCore } from '../../js-glue/node.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const cli = path.join(root, 'build', 'truefollow');
const fixtures = path.join(root, 'tests', 'fixtures');
const AXE = fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const NOW = '1790000000';
const LANGUAGES = fs.readdirSync(path.join(root, 'extension', '_locales')).sort();
// The demo profiles' saved responses (the pages of scripts/docs/demo.mjs), relative to tests/fixtures.
const DEMO = {
  'x-examplestudio': ['x/UserByScreenName_examplestudio.json', 'x/Followers_examplestudio.json'],
  'x-dealfinder4821': ['x/UserByScreenName_dealfinder4821.json'],
  'instagram-examplestudio': ['instagram/page-profile-examplestudio.json', 'instagram/page-followers-39509297009.json'],
  'bluesky-examplestudio': ['bluesky/page-getProfile-examplestudio.bsky.social.json', 'bluesky/page-getFollowers-examplestudio.bsky.social.json'],
  'mastodon-followers': ['mastodon/page-followers-117764268986021026.json'],
};

function run(args) {
  const r = spawnSync(cli, args, { cwd: fixtures, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `truefollow ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
const attribute = (html, pattern) => pattern.exec(html)?.[1];
// A share as the report writes it in data-value: six significant digits, "nan" where the core gives none.
const shareValue = (share) => (share === null ? NaN : Number(share.toPrecision(6)));

describe('truefollow report', () => {
  const reports = {};
  const lists = {}; // the vetting list's report of all the demo profiles, by language (the core, as the popup uses it)
  let browser;
  before(async () => {
    for (const [name, files] of Object.entries(DEMO)) {
      reports[name] = { files, audit: JSON.parse(run(['audit', '--now', NOW, ...files])), html: {} };
      for (const lang of LANGUAGES) reports[name].html[lang] = run(['report', '--now', NOW, '--lang', lang, ...files]);
    }
    const core = await loadCore();
    const accounts = Object.entries(reports).map(([label, { audit }]) => ({ label, audit, profile: null }));
    for (const lang of LANGUAGES) lists[lang] = core.reportHtml({ accounts, lang, now: Number(NOW) });
    browser = await chromium.launch({ executablePath: process.env.TRUEFOLLOW_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  });
  after(async () => { await browser?.close(); });

  it('holds no script, no URL and nothing to load, and forbids both in its own policy', () => {
    for (const html of [...Object.values(reports).map((r) => r.html), lists]) {
      for (const text of Object.values(html)) {
        assert.doesNotMatch(text, /<script|javascript:|\son\w+=/i);
        assert.doesNotMatch(text, /https?:|url\(|@import|\s(?:src|href|srcset|action|poster)=/i);
        assert.match(text, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
      }
    }
  });

  it('shows the core\'s own numbers: the shares, true reach and the sample', () => {
    for (const [name, { audit, html }] of Object.entries(reports)) {
      for (const [lang, text] of Object.entries(html)) {
        for (const part of ['real', 'inactive', 'fake']) {
          const shown = Number(attribute(text, new RegExp(`data-share="${part}" data-value="([^"]+)"`)));
          assert.equal(shown, shareValue(audit[part].share), `${name} ${lang} ${part}`);
        }
        if (audit.reach) assert.equal(Number(attribute(text, /data-reach="(\d+)"/)), audit.reach.value, `${name} ${lang} reach`);
        else assert.equal(/data-reach=/.test(text), false, `${name} has no true reach`);
      }
    }
  });

  it('comes in each language, with the language declared', () => {
    const titles = new Set();
    for (const lang of LANGUAGES) {
      const text = reports['x-examplestudio'].html[lang];
      assert.equal(attribute(text, /<html lang="([^"]+)"/), lang.replace('_', '-'));
      titles.add(attribute(text, /<h1>([^<]+)<\/h1>/));
    }
    assert.equal(titles.size, LANGUAGES.length, 'a title of its own in every language');
  });

  it('names each input with its SHA-256, and the command that re-derives the same numbers', () => {
    for (const [name, { files, audit, html }] of Object.entries(reports)) {
      for (const file of files) {
        const sum = crypto.createHash('sha256').update(fs.readFileSync(path.join(fixtures, file))).digest('hex');
        assert.ok(html.en.includes(sum), `${name}: ${file}'s SHA-256`);
      }
      const command = attribute(html.en, /<code data-part="rederive">truefollow ([^<]+)<\/code>/).split(' ');
      assert.deepEqual(JSON.parse(run(command)), audit, `${name}: the report's command gives the report's audit`);
    }
  });

  it('escapes what comes from outside: a file name with markup in it stays text', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-report-'));
    try {
      const hostile = path.join(dir, 'a<script>alert(1)<b x="\'&.json');
      fs.copyFileSync(path.join(fixtures, DEMO['x-dealfinder4821'][0]), hostile);
      const text = run(['report', '--now', NOW, hostile]);
      assert.equal(text.includes('<script'), false);
      assert.ok(text.includes('a&lt;script&gt;alert(1)&lt;b x=&quot;&#39;&amp;.json'), 'the name, escaped');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const lang of LANGUAGES) {
    it(`passes axe-core in Chromium, asks the network for nothing and prints to PDF (${lang})`, async () => {
      // bypassCSP: only so that axe-core itself can run; the report's policy would refuse it.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const requests = [];
      page.on('request', (request) => requests.push(request.url()));
      try {
        const documents = [...Object.entries(reports).map(([name, { html }]) => [name, html[lang]]), ['the vetting list', lists[lang]]];
        for (const [name, html] of documents) {
          await page.setContent(html, { waitUntil: 'load' });
          const violations = await page.evaluate(async (source) => {
            if (!window.axe) {
              const script = document.createElement('script');
              script.textContent = source;
              document.head.append(script);
            }
            const result = await window.axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
          }, AXE);
          assert.deepEqual(violations, [], `${name} ${lang}`);
          const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
          const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
          assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pages >= 1 && pages <= 3, `${name} ${lang}: ${pages} A4 pages`);
        }
        assert.deepEqual(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:')), []);
      } finally {
        await context.close();
      }
    });
  }
});

// Every reason the core gives for the accounts of the fixture responses carries, beside its English text, a
// sentence key the extension has words for and its numbers, so the panel can write it in any language.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../js-glue/node.js';
import { loadFaces, NOW } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const english = JSON.parse(fs.readFileSync(path.join(root, 'extension/_locales/en/messages.json'), 'utf8'));
const fixtures = fs.readdirSync(path.join(root, 'tests/fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => fs.readdirSync(path.join(root, 'tests/fixtures', d.name)).filter((f) => f.endsWith('.json')).map((f) => path.join('tests/fixtures', d.name, f)));

describe('reason keys', () => {
  it('come with every reason of the fixtures\' accounts, with numbers for their numbers', async () => {
    const core = await loadCore({ build: 'release' });
    const keys = new Set();
    let seen = 0;
    for (const file of fixtures) {
      let report;
      try {
        report = core.score(fs.readFileSync(path.join(root, file), 'utf8'), { now: NOW });
      } catch {
        continue; // malformed on purpose: no reasons to check
      }
      for (const account of report.accounts ?? []) {
        for (const r of account.reasons ?? []) {
          seen++;
          assert.equal(typeof r.text, 'string', file);
          assert.match(String(r.key), /^[a-z_]+$/, `${file}: "${r.text}" has a key`);
          assert.ok(english[`reason_${r.key}`], `${file}: the extension has words for ${r.key}`);
          assert.ok(Array.isArray(r.args), `${file}: ${r.key} has its numbers`);
          for (const v of r.args) assert.ok(Number.isFinite(v), `${file}: "${r.text}" gives numbers (${JSON.stringify(r.args)})`);
          const placeholders = new Set(english[`reason_${r.key}`].message.match(/\{\d\}/g) ?? []);
          assert.equal(placeholders.size, r.args.length, `${file}: ${r.key} fills its message`);
          if (r.unit !== undefined) assert.ok(['days', 'months', 'years'].includes(r.unit), `${file}: ${r.key} ages in ${r.unit}`);
          keys.add(r.key);
        }
      }
    }
    assert.ok(seen > 100, `checked the reasons of the fixtures (${seen})`);
    assert.ok(keys.size >= 5, `several sentence shapes seen (${[...keys].join(', ')})`);
  });

  it('give the numbers the English text names', async () => {
    const core = await loadCore({ build: 'release' });
    const report = core.score(fs.readFileSync(path.join(root, 'tests/fixtures/x/Followers_examplestudio.json'), 'utf8'), { now: NOW });
    const reasons = report.accounts.flatMap((a) => a.reasons);
    assert.ok(reasons.length > 0);
    for (const r of reasons) {
      const digits = r.text.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
      const named = digits.map((d) => Number(d.replace(/,/g, '')));
      // the rate's "%.2g" can read 2 where the number is 2.0; compare as numbers
      assert.deepEqual(r.args, named, `"${r.text}" and ${JSON.stringify(r.args)}`);
    }
  });

  it('read in the English panel exactly as the core wrote them, on any day (ages cross whole years)', async () => {
    const core = await loadCore({ build: 'release' });
    const { panelModel } = loadFaces({ en: english }).faces; // the panel in English
    let compared = 0;
    for (let day = 0; day < 400; day += 23) { // 18 dates over more than a year: every tenth of a year is crossed
      for (const file of fixtures) {
        let report;
        try {
          report = core.score(fs.readFileSync(path.join(root, file), 'utf8'), { now: NOW + day * 86400 });
        } catch {
          continue;
        }
        for (const account of report.accounts ?? []) {
          if (!account.reasons?.length) continue;
          const shown = panelModel({ platform: account.platform, handle: account.handle, state: 'ready', account }).account.reasons;
          assert.deepEqual(shown, account.reasons.map((r) => r.text), `${file}, day ${day}`);
          compared += shown.length;
        }
      }
    }
    assert.ok(compared > 1000, `compared ${compared} reasons`);
  });
});

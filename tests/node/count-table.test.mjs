// The table of real count strings (tests/fixtures/counts.tsv) through both wasm builds and the command line.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../js-glue/node.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rows = fs.readFileSync(path.join(root, 'tests/fixtures/counts.tsv'), 'utf8').split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [lang, escaped, expected, where] = line.split('\t');
    const text = escaped.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return { lang, text, expected: expected === 'error' ? 'error' : Number(expected), where };
  });

test('the count table has over a hundred rows in over 25 languages', () => {
  assert.ok(rows.length >= 100);
  assert.ok(new Set(rows.map((r) => r.lang.split('-')[0]).filter(Boolean)).size >= 25);
});

for (const build of ['release', 'debug']) {
  test(`every row of the count table parses to its value or is refused (${build} wasm)`, async () => {
    const core = await loadCore({ build });
    for (const { lang, text, expected, where } of rows) {
      if (expected === 'error') assert.throws(() => core.count(text, lang), /./, `${where}: "${text}" must be refused`);
      else assert.equal(core.count(text, lang), expected, `${where}: "${text}" in ${lang || 'no language'}`);
    }
  });
}

test('truefollow count handles every row of the table', () => {
  for (const { lang, text, expected, where } of rows) {
    const run = spawnSync(path.join(root, 'build/truefollow'), ['count', '--lang', lang, text], { encoding: 'utf8' });
    if (expected === 'error') {
      assert.equal(run.status, 1, `${where}: "${text}"`);
      assert.match(run.stderr, /truefollow: count: ./);
    } else {
      assert.equal(run.status, 0, `${where}: "${text}": ${run.stderr}`);
      assert.equal(Number(run.stdout.trim()), expected, `${where}: "${text}"`);
    }
  }
});

// The shipped model in WebAssembly scores exactly as the native core does: every account of every captured
// fixture, through both wasm builds and the native command line, gives the same p_fake, verdict and reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../js-glue/node.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.resolve(root, '../shared/fixtures');
const NOW = 1760000000;

function fixtureFiles() {
  if (!fs.existsSync(fixtures)) return [];
  const out = [];
  for (const dir of fs.readdirSync(fixtures)) {
    const full = path.join(fixtures, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const f of fs.readdirSync(full)) if (/\.(json|jsonl)$/.test(f)) out.push(path.join(full, f));
  }
  return out;
}

function nativeScores(file) {
  try {
    const out = execFileSync(path.join(root, 'build/truefollow'), ['score', '--now', String(NOW), file], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  } catch (e) {
    return (e.stdout || '').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }
}

for (const build of ['release', 'debug']) {
  test(`the ${build} wasm core scores every fixture account exactly as the native core`, async () => {
    const core = await loadCore({ build });
    let compared = 0;
    for (const file of fixtureFiles()) {
      const expected = nativeScores(file);
      if (expected.length === 0) continue;
      const report = core.score(fs.readFileSync(file, 'utf8'), { now: NOW });
      assert.equal(report.accounts.length, expected.length, file);
      report.accounts.forEach((a, i) => {
        assert.equal(a.p_fake, expected[i].p_fake, `${file} #${i}`);
        assert.equal(a.verdict, expected[i].verdict, `${file} #${i}`);
        assert.deepEqual(a.reasons, expected[i].reasons, `${file} #${i}`);
        compared++;
      });
    }
    if (fs.existsSync(fixtures)) assert.ok(compared > 0, 'no fixture account was compared');
  });
}

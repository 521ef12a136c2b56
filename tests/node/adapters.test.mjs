// The adapters in WebAssembly read every committed fixture as the native command line does.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../js-glue/node.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'tests/fixtures');
const files = fs.readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory())
  .flatMap((d) => fs.readdirSync(path.join(fixtures, d.name)).map((f) => path.join(d.name, f)))
  .filter((f) => /\.(json|html)$/.test(f));
const NOW = 1790000000;

function native(file) {
  const run = spawnSync(path.join(root, 'build/truefollow'), ['score', '--now', String(NOW), path.join(fixtures, file)], { encoding: 'utf8' });
  return { accounts: run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line)), stderr: run.stderr };
}

test('there is a fixture for every platform and the DOM record', () => {
  for (const dir of ['x', 'instagram', 'tiktok', 'youtube', 'bluesky', 'mastodon', 'dom'])
    assert.ok(files.some((f) => f.startsWith(`${dir}/`)), dir);
});

for (const build of ['release', 'debug']) {
  test(`every fixture reads the same in ${build} wasm as natively`, async () => {
    const core = await loadCore({ build });
    for (const file of files) {
      const report = core.score(fs.readFileSync(path.join(fixtures, file), 'utf8'), { now: NOW });
      const { accounts: expected, stderr } = native(file);
      if (expected.length === 0) {
        // The command line says "no account in this input" for a readable but empty response.
        assert.equal(report.status, /no account in this input/.test(stderr) ? 'no-data' : 'unsupported', file);
        assert.ok(report.message.length > 10, file);
        continue;
      }
      assert.equal(report.status, 'ok', `${file}: ${report.message}`);
      assert.deepEqual(report.accounts.map((a) => [a.handle, a.followers, a.following, a.posts]),
        expected.map((a) => [a.handle, a.followers, a.following, a.posts]), file);
    }
  });
}

test('a YouTube channel reads its counts in the language the options give', async () => {
  const core = await loadCore();
  const page = fs.readFileSync(path.join(fixtures, 'youtube/channel-page-de.html'), 'utf8');
  const report = core.score(page.replace('lang="de-DE"', ''), { lang: 'de' });
  assert.equal(report.accounts[0].followers, 25000000);
  assert.equal(report.accounts[0].posts, 1337);
});

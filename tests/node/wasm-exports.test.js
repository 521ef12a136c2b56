// The release wasm exports the public C API and nothing else: every function wasm/exports.json lists, each
// declared in a header of wasm/src, and no bench entry point (bench/bench_api.c is linked into the bench's own
// builds only, mk/bench.mk). Read from the builds themselves: the loader's exported names, and the count of
// functions the release binary exports (its names are minified).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { root } from './helpers.js';

const PUBLIC = JSON.parse(fs.readFileSync(path.join(root, 'wasm', 'exports.json'), 'utf8'));
// emscripten's own export beside the listed ones: the constructors' runner, called once by the loader.
const RUNTIME = ['___wasm_call_ctors'];
const RELEASES = [['node-release', 'truefollow-core.cjs'], ['web-release', 'truefollow-core.mjs']];
const headers = fs.readdirSync(path.join(root, 'wasm', 'src')).filter((f) => f.endsWith('.h'))
  .map((f) => fs.readFileSync(path.join(root, 'wasm', 'src', f), 'utf8')).join('\n');

describe('the release wasm exports', () => {
  it('list only the public API, each function declared in a header of the core', () => {
    assert.ok(PUBLIC.includes('_tf_score_input') && PUBLIC.includes('_tf_audit_input'));
    for (const name of PUBLIC.filter((n) => n.startsWith('_tf_'))) {
      assert.match(headers, new RegExp(`\\b${name.slice(1)}\\(`), `${name} is declared in wasm/src`);
    }
    assert.deepEqual(PUBLIC.filter((n) => /bench/.test(n)), []);
  });

  for (const [dir, loader] of RELEASES) {
    it(`are exactly that list in ${dir}`, (t) => {
      const glue = path.join(root, 'build', 'wasm', dir, loader);
      if (!fs.existsSync(glue)) return t.skip(`${dir} is not built (make wasm)`);
      const named = [...new Set([...fs.readFileSync(glue, 'utf8').matchAll(/Module\["(_\w+)"\]\s*=/g)].map((m) => m[1]))];
      assert.deepEqual(named.sort(), [...PUBLIC, ...RUNTIME].sort());
      const binary = new WebAssembly.Module(fs.readFileSync(path.join(root, 'build', 'wasm', dir, 'truefollow-core.wasm')));
      const functions = WebAssembly.Module.exports(binary).filter((e) => e.kind === 'function');
      assert.equal(functions.length, PUBLIC.length + RUNTIME.length, `${dir} exports ${functions.length} functions`);
    });
  }
});

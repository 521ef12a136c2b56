// One version: package.json's. The extension's manifest, the lock file and the core (tf_version, in the source
// and in the built core) say the same.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadCore } from '../../js-glue/node.js';
import { root } from './helpers.js';

const json = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const { version } = json('package.json');

describe('the version', () => {
  it('is package.json\'s in the manifest and the lock file', () => {
    assert.match(version, /^\d+\.\d+\.\d+$/);
    assert.equal(json('manifest.json').version, version);
    const lock = json('package-lock.json');
    assert.equal(lock.version, version);
    assert.equal(lock.packages[''].version, version);
  });

  it('is package.json\'s in the core', async () => {
    const api = fs.readFileSync(path.join(root, 'wasm', 'src', 'api.c'), 'utf8');
    assert.equal(/tf_version\(void\) \{ return "([^"]+)"; \}/.exec(api)?.[1], version);
    const core = await loadCore();
    assert.equal(core.version, version);
  });
});

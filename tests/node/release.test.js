// Releases: one version everywhere, archives whose bytes depend only on their files, and the Chromium manifest
// check finding what the Chrome Web Store would refuse. `make release` runs the whole thing on the real builds.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadCore } from '../../js-glue/node.js';
import { checkChromeBuild } from '../../scripts/check-chrome-manifest.mjs';
import { root } from './helpers.js';

const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const pack = (dir, archive, env = {}) =>
  execFileSync('bash', [path.join(root, 'scripts/pack-extension.sh'), dir, archive], { env: { ...process.env, ...env }, stdio: 'pipe' });

let tmp;
before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-release-')); });
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('version', () => {
  it('is manifest.json\'s, and package.json, package-lock.json and the core say the same', async () => {
    const { version } = readJson('manifest.json');
    assert.match(version, /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/);
    assert.equal(readJson('package.json').version, version, 'package.json');
    const lock = readJson('package-lock.json');
    assert.equal(lock.version, version, 'package-lock.json');
    assert.equal(lock.packages[''].version, version, 'package-lock.json packages[""]');
    assert.equal((await loadCore()).version, version, 'the core (tf_version)');
  });
});

describe('pack-extension.sh', () => {
  function tree(name, files, mtime) {
    const dir = path.join(tmp, name);
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
      fs.utimesSync(path.join(dir, file), mtime, mtime);
    }
    return dir;
  }
  const files = { 'manifest.json': '{}\n', 'b.js': 'b\n', 'a/z.js': 'z\n', 'a/c.js': 'c\n' };

  it('gives the same bytes for the same files, whatever their times and the order they were written in', () => {
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    pack(tree('one', files, new Date('2020-01-01')), path.join(tmp, 'one.zip'), { SOURCE_DATE_EPOCH: '1700000000' });
    pack(tree('two', reversed, new Date('2024-06-30')), path.join(tmp, 'two.zip'), { SOURCE_DATE_EPOCH: '1700000000' });
    assert.ok(fs.readFileSync(path.join(tmp, 'one.zip')).equals(fs.readFileSync(path.join(tmp, 'two.zip'))));
    const listing = execFileSync('unzip', ['-Z1', path.join(tmp, 'one.zip')], { encoding: 'utf8' }).trim().split('\n');
    assert.deepEqual(listing, ['a/c.js', 'a/z.js', 'b.js', 'manifest.json'], 'files in byte order, no directory entries');
  });

  it('gives different bytes when a file changes', () => {
    pack(tree('three', { ...files, 'b.js': 'B\n' }, new Date('2020-01-01')), path.join(tmp, 'three.zip'), { SOURCE_DATE_EPOCH: '1700000000' });
    pack(tree('four', files, new Date('2020-01-01')), path.join(tmp, 'four.zip'), { SOURCE_DATE_EPOCH: '1700000000' });
    assert.equal(fs.readFileSync(path.join(tmp, 'three.zip')).equals(fs.readFileSync(path.join(tmp, 'four.zip'))), false);
  });
});

describe('check-chrome-manifest.mjs', () => {
  let build;
  before(() => {
    build = path.join(tmp, 'chrome');
    execFileSync('node', [path.join(root, 'scripts/build-extension.mjs'), 'chrome', build], { stdio: 'pipe' });
  });
  const edited = (name, edit) => {
    const dir = path.join(tmp, name);
    fs.cpSync(build, dir, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    edit(manifest, dir);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    return checkChromeBuild(dir);
  };

  it('passes the Chromium build', () => {
    assert.deepEqual(checkChromeBuild(build), []);
  });

  it('finds a missing file, a wrong icon size, a bad version, an over-long name and a Manifest V2 background', () => {
    assert.match(edited('no-popup', (m, dir) => fs.rmSync(path.join(dir, m.action.default_popup))).join('\n'), /action.default_popup names popup.html/);
    assert.match(edited('small-icon', (m) => { m.icons['128'] = m.icons['48']; }).join('\n'), /icons 128 is icons\/icon-48.png, 48x48 px/);
    assert.match(edited('version', (m) => { m.version = '1.02'; }).join('\n'), /version "1.02"/);
    assert.match(edited('zero', (m) => { m.version = '0.0'; }).join('\n'), /version "0.0"/);
    assert.match(edited('name', (m) => { m.name = 'n'.repeat(76); }).join('\n'), /name has 76 characters, over 75/);
    assert.match(edited('description', (m) => { m.description = '__MSG_missing_key__'; }).join('\n'), /__MSG_missing_key__ has no message/);
    assert.match(edited('locale', (m, dir) => {
      const file = path.join(dir, '_locales', 'ja', 'messages.json');
      const messages = JSON.parse(fs.readFileSync(file, 'utf8'));
      messages.ext_description.message = '長'.repeat(133);
      fs.writeFileSync(file, JSON.stringify(messages));
    }).join('\n'), /description \(ja\) has 133 characters, over 132/);
    assert.match(edited('mv2', (m) => { m.background = { scripts: ['background.js'] }; }).join('\n'), /Manifest V2/);
    assert.match(edited('content', (m) => { m.content_scripts[1].js.push('gone.js'); }).join('\n'), /content_scripts\[1\] names gone.js/);
  });
});

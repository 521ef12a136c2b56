// The per-browser builds from the one source: manifests, CSP, permissions, and the files they name.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";
const SITES = ['x.com', 'twitter.com', 'www.instagram.com', 'www.tiktok.com', 'www.youtube.com', 'bsky.app'];
let out;
const built = {};
const testBuilt = {};

describe('extension builds', () => {
  before(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-build-'));
    for (const browser of ['chrome', 'firefox']) {
      for (const test of [false, true]) {
        const dir = path.join(out, `${browser}${test ? '-test' : ''}`);
        execFileSync('node', [path.join(root, 'scripts/build/build-extension.mjs'), browser, dir, ...(test ? ['--test'] : [])], { stdio: 'pipe' });
        (test ? testBuilt : built)[browser] = { dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) };
      }
    }
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('gives Chromium a module service worker and Firefox module background scripts with a gecko id', () => {
    const chrome = built.chrome.manifest;
    const firefox = built.firefox.manifest;
    assert.deepEqual(chrome.background, { service_worker: 'worker/background.js', type: 'module' });
    assert.deepEqual(firefox.background, { scripts: ['worker/background.js'], type: 'module' });
    assert.match(firefox.browser_specific_settings.gecko.id, /^[\w.-]+@[\w.-]+$/);
    assert.equal(chrome.browser_specific_settings, undefined);
  });

  it('sets exactly the extension-page CSP the core needs, in both builds', () => {
    for (const { manifest } of Object.values(built)) {
      assert.deepEqual(manifest.content_security_policy, { extension_pages: CSP });
    }
  });

  it('asks only for the supported sites, and for no broad permission', () => {
    for (const { manifest } of Object.values(built)) {
      // storage: the store on this device; scripting: content scripts on the Mastodon instances the user allows.
      assert.deepEqual(manifest.permissions, ['storage', 'scripting']);
      // Any https host, but only as optional permissions that the options page asks for one instance at a time.
      assert.deepEqual(manifest.optional_host_permissions, ['https://*/*']);
      const hosts = manifest.host_permissions.map((p) => new URL(p.replace('/*', '/')).hostname);
      assert.deepEqual(hosts.sort(), [...SITES].sort());
      const text = JSON.stringify({ ...manifest, optional_host_permissions: null });
      for (const word of ['<all_urls>', '"tabs"', 'webRequest', '"cookies"', '"history"', '*://*/*', 'browserSettings']) {
        assert.equal(text.includes(word), false, `no ${word}`);
      }
      for (const script of manifest.content_scripts) assert.deepEqual(script.matches, manifest.host_permissions);
    }
  });

  it('runs the capture in the page world at document_start and everything else in the isolated world', () => {
    for (const { manifest } of Object.values(built)) {
      const [page, isolated] = manifest.content_scripts;
      assert.deepEqual(page, { ...page, js: ['page/page-world.js'], world: 'MAIN', run_at: 'document_start' });
      assert.equal(isolated.world, undefined);
      assert.equal(isolated.js.at(-1), 'content/content.js');
      assert.equal(isolated.js.includes('common/message-schemas.js'), true);
    }
  });

  it('copies every file the manifest, the pages and the worker name, and the core beside its loader', () => {
    for (const { dir, manifest } of Object.values(built)) {
      const named = [manifest.background.service_worker, ...(manifest.background.scripts ?? []),
        ...manifest.content_scripts.flatMap((c) => c.js), manifest.options_ui.page, manifest.action.default_popup].filter(Boolean);
      // Every script, style and module the extension's pages load, and every script the worker imports.
      const pages = [manifest.options_ui.page, manifest.action.default_popup];
      const worker = manifest.background.service_worker ?? manifest.background.scripts[0];
      const loaded = [
        ...pages.flatMap((page) => [...fs.readFileSync(path.join(dir, page), 'utf8').matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)]
          .map((m) => path.posix.join(path.posix.dirname(page), m[1]))),
        ...[...fs.readFileSync(path.join(dir, worker), 'utf8').matchAll(/^import (?:.* from )?'([^']+)';$/gm)]
          .map((m) => path.posix.join(path.posix.dirname(worker), m[1])),
      ];
      assert.ok(loaded.includes('storage/migrations.js') && loaded.includes('common/extension-api.js'), 'the page and worker lists are read');
      for (const file of [...named, ...loaded]) assert.ok(fs.existsSync(path.join(dir, file)), file);
      for (const file of ['core.js', 'web.js', 'truefollow-core.mjs', 'truefollow-core.wasm']) {
        assert.ok(fs.existsSync(path.join(dir, 'core', file)), `core/${file}`);
      }
    }
  });

  it('gives the isolated content script one core, with the .wasm inside it, and the page world none', () => {
    for (const { manifest, dir } of Object.values(built)) {
      for (const script of manifest.content_scripts) {
        const cores = script.js.filter((file) => /core|wasm/.test(file));
        assert.deepEqual(cores, script.world === 'MAIN' ? [] : ['core/content-core.js']);
      }
      const core = fs.readFileSync(path.join(dir, 'core', 'content-core.js'), 'utf8');
      const inside = /const WASM_BASE64 = '([A-Za-z0-9+/=]+)';/.exec(core);
      assert.ok(inside, 'the .wasm is inside the script');
      const built = fs.readFileSync(path.join(root, 'build', 'wasm', 'content-release', 'truefollow-core.wasm'));
      assert.ok(Buffer.from(inside[1], 'base64').equals(built), 'byte for byte the content build of the core');
      assert.match(core, /globalThis\.truefollowContentCore = /);
      assert.doesNotMatch(core, /withContentHooks|truefollow-test:/, 'no test hooks in a release');
      assert.equal(manifest.web_accessible_resources, undefined, 'pages cannot load the core');
    }
    for (const { dir } of Object.values(testBuilt)) {
      assert.match(fs.readFileSync(path.join(dir, 'core', 'content-core.js'), 'utf8'), /withContentHooks/);
    }
  });

  it('keeps the shadow roots closed in releases and opens them only in the test build', () => {
    for (const browser of ['chrome', 'firefox']) {
      for (const file of ['content/badge.js', 'content/panel.js']) {
        const release = fs.readFileSync(path.join(built[browser].dir, file), 'utf8');
        const test = fs.readFileSync(path.join(testBuilt[browser].dir, file), 'utf8');
        assert.match(release, /const SHADOW_MODE = 'closed';/);
        assert.doesNotMatch(release, /SHADOW_MODE = 'open'/);
        assert.match(test, /const SHADOW_MODE = 'open';/);
      }
    }
  });

  it('shows the tally of page messages to the page only in the test build', () => {
    for (const browser of ['chrome', 'firefox']) {
      const release = fs.readFileSync(path.join(built[browser].dir, 'content', 'content.js'), 'utf8');
      const test = fs.readFileSync(path.join(testBuilt[browser].dir, 'content', 'content.js'), 'utf8');
      assert.match(release, /const SHOW_CAPTURE_TALLY = false;/);
      assert.doesNotMatch(release, /SHOW_CAPTURE_TALLY = true/);
      assert.match(test, /const SHOW_CAPTURE_TALLY = true;/);
    }
  });

  it('loads the core with the tests\' trap and canary hooks only in the test build', () => {
    for (const browser of ['chrome', 'firefox']) {
      const release = fs.readFileSync(path.join(built[browser].dir, 'worker', 'background.js'), 'utf8');
      const test = fs.readFileSync(path.join(testBuilt[browser].dir, 'worker', 'background.js'), 'utf8');
      assert.match(release, /^import \{ loadCore \} from '\.\.\/core\/web\.js';$/m);
      for (const file of ['test-web.js', 'hook-marks.js']) {
        assert.equal(fs.existsSync(path.join(built[browser].dir, 'core', file)), false, `${browser} release has no core/${file}`);
      }
      for (const file of fs.readdirSync(built[browser].dir, { recursive: true }).filter((f) => /\.m?js$/.test(f))) {
        const text = fs.readFileSync(path.join(built[browser].dir, file), 'utf8');
        assert.equal(text.includes('truefollow-test:'), false, `${browser} ${file} carries no test marker`);
        assert.equal(text.includes('canary.truefollow.invalid'), false, `${browser} ${file} names no canary URL`);
      }
      assert.match(test, /^import \{ loadCore \} from '\.\.\/core\/test-web\.js';/m);
      assert.ok(fs.existsSync(path.join(testBuilt[browser].dir, 'core', 'test-web.js')));
    }
  });

  it('lets only the Firefox test build set the colour scheme of pages (browserSettings)', () => {
    // The e2e tests' light and dark schemes in Firefox (tests/e2e/lib/firefox.js); Chromium's driver emulates them.
    // No release asks for it: 'asks only for the supported sites, and for no broad permission'.
    assert.deepEqual(testBuilt.firefox.manifest.permissions, [...built.firefox.manifest.permissions, 'browserSettings']);
    assert.deepEqual(testBuilt.chrome.manifest.permissions, built.chrome.manifest.permissions);
  });

  it('grants the fixture Mastodon instance only in the test build', () => {
    for (const browser of ['chrome', 'firefox']) {
      assert.equal(built[browser].manifest.host_permissions.includes('https://mastodon.example/*'), false);
      assert.equal(testBuilt[browser].manifest.host_permissions.includes('https://mastodon.example/*'), true);
      assert.equal(testBuilt[browser].manifest.host_permissions.includes('https://fedi.example/*'), true);
      assert.equal(built[browser].manifest.host_permissions.includes('https://fedi.example/*'), false);
      assert.match(testBuilt[browser].manifest.name, /test build/);
    }
  });
});

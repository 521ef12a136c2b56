#!/usr/bin/env node
// Builds the unpacked extension for one browser from the one source: the root manifest.json with
// extension/overlays/<browser>.json merged in, the scripts of extension/ copied as their tree is (page/, content/,
// worker/, storage/, pages/, common/), and the core for the background worker (js-glue/core.js, js-glue/web.js and
// the web release build of the wasm) in core/, and the core for the content scripts (core/content-core.js, below).
// Merge rule: objects merge key by key, anything else (arrays included) replaces, null deletes.
// The translations: extension/_locales is copied as _locales (the browser's own format) and bundled as
// common/locales.js (globalThis.truefollowLocales), so pages and content scripts can show a language the user picked
// on the options page (extension/common/i18n.js).
// The icons: extension/icons/icon.svg rendered to icons/icon-<size>.png (scripts/build/render-icons.mjs).
// It leaves packing (.zip / .xpi) to the Makefile.
//
// --test makes the build the end-to-end tests load, never a release: the badge's and panel's shadow roots
// open (so axe-core can check what is inside), the content script's tally of page messages shown on the page
// (so the tests can count the forged ones turned away), and the two fixture Mastodon instances counted as granted (as if
// the user had allowed them on the options page; the worker registers the instance scripts the same way), and
// the options page reachable from the X fixture pages (Firefox's test driver cannot open it otherwise), in
// Firefox the browserSettings permission (the tests' light and dark schemes, tests/e2e/lib/firefox.js), and
// the worker loading the core through tests/e2e/lib/hooked-core.js (core/test-web.js), whose hooks make the core
// trap or the worker fetch a canary URL when the scored text carries their marker.
//
//   node scripts/build/build-extension.mjs chrome|firefox OUT_DIR [--test]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderIcons } from './render-icons.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const testBuild = args.includes('--test');
const [browser, outDir] = args.filter((a) => a !== '--test');
// The markers of the test build's core hooks (the content core's included, below).
const marks = testBuild ? await import(pathToFileURL(path.join(root, 'tests', 'e2e', 'lib', 'hook-marks.js')).href) : null;
// The fixture Mastodon instances, granted in the test build: two, so that the tests can show each keeps its own records.
const TEST_INSTANCES = ['https://mastodon.example/*', 'https://fedi.example/*'];
const overlayFile = path.join(root, 'extension', 'overlays', `${browser}.json`);
if (!outDir || !fs.existsSync(overlayFile)) {
  console.error('usage: build-extension.mjs chrome|firefox OUT_DIR (an overlay extension/overlays/<browser>.json must exist)');
  process.exit(2);
}

function merge(base, overlay) {
  const out = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    if (value === null) delete out[key];
    else if (isObject(value) && isObject(base[key])) out[key] = merge(base[key], value);
    else out[key] = value;
  }
  return out;
}
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const manifest = merge(readJson(path.join(root, 'manifest.json')), readJson(overlayFile));
if (testBuild) {
  manifest.name += ' (test build)';
  manifest.host_permissions = [...manifest.host_permissions, ...TEST_INSTANCES];
  // Firefox's WebDriver BiDi refuses to navigate to extension pages; a fixture page may link to this one.
  manifest.web_accessible_resources = [{ resources: ['pages/options.html', 'pages/popup.html'], matches: ['https://x.com/*'] }];
  // Firefox's test driver cannot emulate prefers-color-scheme over BiDi; the tests switch the pages' scheme with
  // browserSettings.overrideContentColorScheme from an extension page instead. Never in a release.
  if (browser === 'firefox') manifest.permissions = [...manifest.permissions, 'browserSettings'];
}

// The worker loads the core as ES modules from core/: web.js expects truefollow-core.mjs beside it.
// The scripts, pages and styles of extension/, each at its own path under the build (the folders that are not code,
// _locales, overlays and icons, are handled below).
const NOT_CODE = new Set(['_locales', 'overlays', 'icons']);
const sources = (dir) => fs.readdirSync(path.join(root, 'extension', dir), { withFileTypes: true }).flatMap((entry) => {
  const rel = dir ? `${dir}/${entry.name}` : entry.name;
  if (entry.isDirectory()) return NOT_CODE.has(rel) ? [] : sources(rel);
  return /\.(?:js|html|css)$/.test(entry.name) ? [rel] : [];
});
const copies = [
  ...sources('').map((rel) => [path.join('extension', rel), rel]),
  ['js-glue/core.js', 'core/core.js'],
  ['js-glue/web.js', 'core/web.js'],
  ['build/wasm/web-release/truefollow-core.mjs', 'core/truefollow-core.mjs'],
  ['build/wasm/web-release/truefollow-core.wasm', 'core/truefollow-core.wasm'],
];

// Every file the manifest names must be in the build.
const named = [manifest.background?.service_worker, ...(manifest.background?.scripts ?? []),
  ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []), manifest.options_ui?.page].filter(Boolean);
const LOCALES_SCRIPT = 'common/locales.js';
const CONTENT_CORE = 'core/content-core.js';
const GENERATED = [LOCALES_SCRIPT, CONTENT_CORE];
for (const file of named) {
  if (!copies.some(([, to]) => to === file) && !GENERATED.includes(file)) throw new Error(`manifest names ${file}, which extension/ does not have`);
}

fs.rmSync(outDir, { recursive: true, force: true });
for (const [from, to] of copies) {
  fs.mkdirSync(path.dirname(path.join(outDir, to)), { recursive: true });
  fs.copyFileSync(path.join(root, from), path.join(outDir, to));
}
renderIcons(path.join(outDir, 'icons'));
const localesDir = path.join(root, 'extension', '_locales');
const locales = {};
for (const lang of fs.readdirSync(localesDir).sort()) {
  const file = path.join(localesDir, lang, 'messages.json');
  locales[lang] = readJson(file);
  fs.mkdirSync(path.join(outDir, '_locales', lang), { recursive: true });
  fs.copyFileSync(file, path.join(outDir, '_locales', lang, 'messages.json'));
}
fs.writeFileSync(path.join(outDir, LOCALES_SCRIPT),
  `// Generated by scripts/build/build-extension.mjs from extension/_locales: the messages of every language.\n` +
  `globalThis.truefollowLocales = ${JSON.stringify(locales)};\n`);
fs.writeFileSync(path.join(outDir, CONTENT_CORE), contentCore());
if (testBuild) {
  for (const file of ['content/badge.js', 'content/panel.js']) {
    const target = path.join(outDir, file);
    const text = fs.readFileSync(target, 'utf8');
    const opened = text.replace("const SHADOW_MODE = 'closed';", "const SHADOW_MODE = 'open'; // test build");
    if (opened === text) throw new Error(`${file} has no SHADOW_MODE line to open for the test build`);
    fs.writeFileSync(target, opened);
  }
  // The tally of page messages claiming to be captures, shown to the page in the tests' build only (content.js).
  const content = path.join(outDir, 'content', 'content.js');
  const contentText = fs.readFileSync(content, 'utf8');
  const tallied = contentText.replace('const SHOW_CAPTURE_TALLY = false;', 'const SHOW_CAPTURE_TALLY = true; // test build');
  if (tallied === contentText) throw new Error('content.js has no SHOW_CAPTURE_TALLY line to switch on for the test build');
  fs.writeFileSync(content, tallied);
  // The worker's core with the tests' hooks (a real trap, a canary request), in the test build only.
  fs.copyFileSync(path.join(root, 'tests', 'e2e', 'lib', 'hooked-core.js'), path.join(outDir, 'core', 'test-web.js'));
  fs.copyFileSync(path.join(root, 'tests', 'e2e', 'lib', 'hook-marks.js'), path.join(outDir, 'core', 'hook-marks.js'));
  const worker = path.join(outDir, 'worker', 'background.js');
  const workerText = fs.readFileSync(worker, 'utf8');
  const hooked = workerText.replace("import { loadCore } from '../core/web.js';", "import { loadCore } from '../core/test-web.js'; // test build");
  if (hooked === workerText) throw new Error('background.js has no core import to point at the test hooks');
  fs.writeFileSync(worker, hooked);
  // Audit mode's pause between pages: 1500 ms in every release, 150 ms in the tests' build only.
  const auditMode = path.join(outDir, 'content', 'audit-mode.js');
  const text = fs.readFileSync(auditMode, 'utf8');
  const faster = text.replace('const PAGE_DELAY_MS = 1500;', 'const PAGE_DELAY_MS = 150; // test build');
  if (faster === text) throw new Error('audit-mode.js has no PAGE_DELAY_MS line to shorten for the test build');
  fs.writeFileSync(auditMode, faster);
}
fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

// The core for the content scripts, which are classic scripts: the content release build of the wasm (its .wasm
// inside, base64, decoded when the core loads: the platform's own decoder where it has one, not emscripten's
// loop over every byte on the page's thread) and js-glue/core.js with its two exports made local, in one
// function's scope, giving globalThis.truefollowContentCore = {loadCore, CoreError} to the content scripts after
// it (content/content.js).
function contentCore() {
  const glue = fs.readFileSync(path.join(root, 'js-glue', 'core.js'), 'utf8');
  const local = glue.replace(/^export (class|function) /gm, '$1 ');
  if (/^\s*(?:export|import)\b/m.test(local)) throw new Error('js-glue/core.js has an import or export the content core cannot take');
  const built = path.join(root, 'build', 'wasm', 'content-release');
  const wasm = fs.readFileSync(path.join(built, 'truefollow-core.js'), 'utf8');
  const bytes = fs.readFileSync(path.join(built, 'truefollow-core.wasm')).toString('base64');
  const factory = testBuild ?
    // The tests' hooks (tests/e2e/lib/hooked-content-core.js): marked texts go to the worker, whose core has the hooks.
    `const HOOK_MARKS = ${JSON.stringify([marks.TRAP_MARK, marks.CANARY_MARK, marks.HANG_MARK])};\n` +
    `${fs.readFileSync(path.join(root, 'tests', 'e2e', 'lib', 'hooked-content-core.js'), 'utf8')}\n` +
    'const factory = (options) => createTruefollowCore(options).then(withContentHooks); // test build\n' :
    'const factory = createTruefollowCore;\n';
  return '// Generated by scripts/build/build-extension.mjs: the core in the content scripts (js-glue/core.js and the\n' +
    '// content release build of the wasm).\n' +
    `(function () {\n${wasm}\n${local}\n${factory}` +
    `const WASM_BASE64 = '${bytes}';\n` +
    'const wasmBytes = () => (typeof Uint8Array.fromBase64 === \'function\' ? Uint8Array.fromBase64(WASM_BASE64) :\n' +
    '  Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0)));\n' +
    // A page whose policy forbids compiling wasm makes the load fail: content.js says so once, emscripten not at all.
    'const moduleOptions = { print() {}, printErr() {}, get wasmBinary() { return wasmBytes(); } };\n' +
    'globalThis.truefollowContentCore = Object.freeze({ loadCore: coreLoader(factory, moduleOptions), CoreError });\n})();\n';
}
console.log(`extension: ${browser}${testBuild ? ' test' : ''} build in ${path.relative(root, path.resolve(outDir)) || outDir}`);

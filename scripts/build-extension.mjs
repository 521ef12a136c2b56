#!/usr/bin/env node
// Builds the unpacked extension for one browser from the one source: the root manifest.json with
// extension/overlays/<browser>.json merged in, the scripts in extension/, and the core for the
// background worker (js-glue/core.js, js-glue/web.js and the web release build of the wasm) in core/.
// Merge rule: objects merge key by key, anything else (arrays included) replaces, null deletes.
// It leaves packing (.zip / .xpi) to the Makefile.
//
// --test makes the build the end-to-end tests load, never a release: the badge's and panel's shadow roots
// open (so axe-core can check what is inside), and the fixture Mastodon instance counted as granted (as if
// the user had allowed it on the options page; the worker registers the instance scripts the same way), and
// the options page reachable from the X fixture pages (Firefox's test driver cannot open it otherwise).
//
//   node scripts/build-extension.mjs chrome|firefox OUT_DIR [--test]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const testBuild = args.includes('--test');
const [browser, outDir] = args.filter((a) => a !== '--test');
const TEST_INSTANCE = 'https://mastodon.example/*';
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
  manifest.host_permissions = [...manifest.host_permissions, TEST_INSTANCE];
  // Firefox's WebDriver BiDi refuses to navigate to extension pages; a fixture page may link to this one.
  manifest.web_accessible_resources = [{ resources: ['options.html'], matches: ['https://x.com/*'] }];
}

// The worker loads the core as ES modules from core/: web.js expects truefollow-core.mjs beside it.
const copies = [
  ...fs.readdirSync(path.join(root, 'extension'))
    .filter((name) => /\.(?:js|html|css)$/.test(name))
    .map((name) => [path.join('extension', name), name]),
  ['js-glue/core.js', 'core/core.js'],
  ['js-glue/web.js', 'core/web.js'],
  ['build/wasm/web-release/truefollow-core.mjs', 'core/truefollow-core.mjs'],
  ['build/wasm/web-release/truefollow-core.wasm', 'core/truefollow-core.wasm'],
];

// Every file the manifest names must be in the build.
const named = [manifest.background?.service_worker, ...(manifest.background?.scripts ?? []),
  ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []), manifest.options_ui?.page].filter(Boolean);
for (const file of named) {
  if (!copies.some(([, to]) => to === file)) throw new Error(`manifest names ${file}, which extension/ does not have`);
}

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(path.join(outDir, 'core'), { recursive: true });
for (const [from, to] of copies) fs.copyFileSync(path.join(root, from), path.join(outDir, to));
if (testBuild) {
  for (const file of ['badge.js', 'panel.js']) {
    const target = path.join(outDir, file);
    const text = fs.readFileSync(target, 'utf8');
    const opened = text.replace("const SHADOW_MODE = 'closed';", "const SHADOW_MODE = 'open'; // test build");
    if (opened === text) throw new Error(`${file} has no SHADOW_MODE line to open for the test build`);
    fs.writeFileSync(target, opened);
  }
}
fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`extension: ${browser}${testBuild ? ' test' : ''} build in ${path.relative(root, path.resolve(outDir)) || outDir}`);

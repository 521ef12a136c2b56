// @ts-check
// The core in Node: loads the CommonJS build (emscripten 3.1.6's ES6 output assumes __dirname under
// Node), release by default, debug with { build: 'debug' } or TRUEFOLLOW_WASM=debug.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import { coreLoader } from './core.js';

export { CoreError } from './core.js';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const loaders = new Map();

export function loadCore({ build = process.env.TRUEFOLLOW_WASM || 'release' } = {}) {
  if (!['debug', 'release'].includes(build)) throw new Error(`no wasm build named "${build}"`);
  if (!loaders.has(build)) {
    const dir = path.join(root, 'build', 'wasm', `node-${build}`);
    const factory = require(path.join(dir, 'truefollow-core.cjs'));
    // Emscripten 3.1.6 fetch()es the .wasm whenever fetch exists, which Node 18+ has but cannot use on a
    // file path: hand it the bytes instead.
    loaders.set(build, coreLoader(factory, { wasmBinary: fs.readFileSync(path.join(dir, 'truefollow-core.wasm')) }));
  }
  return loaders.get(build)();
}

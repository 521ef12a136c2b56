/*
 * The core as the end-to-end tests' build of the extension loads it (scripts/build/build-extension.mjs --test copies
 * this file to core/test-web.js and points background.js at it; releases load core/web.js and never see it).
 * It is the real core with three hooks on tf_score_input, each set off by a marker in the scored text:
 *   TRAP_MARK   the core is handed an address outside its memory, so it traps for real (a WebAssembly
 *               RuntimeError "memory access out of bounds" from inside the C code), as a bug in the core or the
 *               glue would make it; the worker must restart it and the badge must say so;
 *   CANARY_MARK the worker fetches CANARY_URL, a request of its own to the network, so that the tests can show
 *               that their request record would see one (they assert that nothing else ever appears in it);
 *   HANG_MARK   the worker's thread is kept busy for HANG_MS, unless this is the first text this worker scores,
 *               so that a test can stop the worker in the middle of a request; the worker the browser starts
 *               again for the content script's second try scores it at once.
 * Text without a marker is scored exactly as in a release.
 */
import createTruefollowCore from './truefollow-core.mjs';
import { coreLoader } from './core.js';
import { CANARY_MARK, CANARY_URL, HANG_MARK, TRAP_MARK } from './hook-marks.js';

export { CoreError } from './core.js';

const OUTSIDE_MEMORY = 0xffffff00; // far above the core's 1 GB maximum
const HANG_MS = 20_000;
let scored = 0; // texts this worker has scored since it started

// Emscripten's export is a stub that, on its first call, assigns the wasm function to the same property: the
// hook keeps the property and takes whatever is assigned to it as the function it calls.
function withHooks(module) {
  let score = module._tf_score_input;
  const hooked = (textPtr, textBytes, optionsPtr) => {
    const text = module.UTF8ToString(textPtr, textBytes);
    if (text.includes(HANG_MARK) && scored > 0) for (const end = Date.now() + HANG_MS; Date.now() < end;);
    scored += 1;
    if (text.includes(TRAP_MARK)) return score(OUTSIDE_MEMORY, textBytes, optionsPtr);
    if (text.includes(CANARY_MARK)) fetch(CANARY_URL, { cache: 'no-store' }).catch(() => {});
    return score(textPtr, textBytes, optionsPtr);
  };
  Object.defineProperty(module, '_tf_score_input', { configurable: true, enumerable: true, get: () => hooked, set: (fn) => { score = fn; } });
  return module;
}

export const loadCore = coreLoader((options) => createTruefollowCore(options).then(withHooks));

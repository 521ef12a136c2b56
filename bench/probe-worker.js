// The bench's service worker for Chromium (bench/bench_browser.mjs copies it into its copy of the release
// build, never into the extension itself): the bench's marks (worker-marks.js) first, the extension's own
// worker, and a function the bench calls to time the core's cold start inside a worker: the factory (fetch of
// the .wasm from the package, compile, instantiate) and the first score of a profile, on a loader of its own
// so nothing is shared with the worker's instance; then a second score, and the .wasm fetched and compiled
// alone, which show what of the cold start is compiling and what is the module's own floor.
import './worker-marks.js';
import './background.js';
import createTruefollowCore from './core/truefollow-core.mjs';
import { coreLoader } from './core/core.js';

globalThis.truefollowBenchLog.evaluated = performance.timeOrigin + performance.now();

globalThis.truefollowBenchColdStart = async (text, url) => {
  const t0 = performance.now();
  const core = await coreLoader(createTruefollowCore)();
  const t1 = performance.now();
  const report = core.score(text, { url });
  const t2 = performance.now();
  core.score(text, { url });
  const t3 = performance.now();
  // The floor under instantiation: the .wasm fetched from the package and compiled, nothing else (V8 compiles
  // lazily: this is decoding and validation; each function is compiled when first called, during the first score).
  const bytes = await (await fetch(new URL('./core/truefollow-core.wasm', import.meta.url))).arrayBuffer();
  const t4 = performance.now();
  await WebAssembly.compile(bytes);
  const t5 = performance.now();
  return {
    ms: t2 - t0, instantiateMs: t1 - t0, firstScoreMs: t2 - t1, secondScoreMs: t3 - t2, fetchMs: t4 - t3, compileMs: t5 - t4,
    status: report.status,
  };
};

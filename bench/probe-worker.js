// The bench's service worker for Chromium (bench/bench_browser.mjs copies it into its copy of the release
// build, never into the extension itself): the bench's marks (worker-marks.js) first, the extension's own
// worker, and a function the bench calls to time the core's cold start inside a worker: the factory (fetch of
// the .wasm from the package, compile, instantiate) and the first score of a profile, on a loader of its own
// so nothing is shared with the worker's instance.
import './worker-marks.js';
import './background.js';
import createTruefollowCore from './core/truefollow-core.mjs';
import { coreLoader } from './core/core.js';

globalThis.truefollowBenchColdStart = async (text, url) => {
  const t0 = performance.now();
  const core = await coreLoader(createTruefollowCore)();
  const t1 = performance.now();
  const report = core.score(text, { url });
  const t2 = performance.now();
  return { ms: t2 - t0, instantiateMs: t1 - t0, firstScoreMs: t2 - t1, status: report.status };
};

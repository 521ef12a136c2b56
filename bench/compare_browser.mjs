// Two builds of the extension, and the page without one, on the same machine in the same minutes: their loads
// take turns, so a busy machine slows all of them alike. Not a test, and not the figures of the README.
//
//   node bench/compare_browser.mjs DIR_A DIR_B [--loads N]   (unpacked Chromium builds, e.g. build/chrome)
//
// For each: the response to the badge painted, to the badge ready, and to the page's own next frame (quartiles
// over N loads, the marks of bench/bench_browser.mjs), and, for the page without the extension, its next frame.
// Run it with `nice -n -20` on a shared machine: other work then slows it less.
import path from 'node:path';
import { benchBuild, forgetProfile, launch, loadOnce, markedPage } from './bench_browser.mjs';

const dirs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (dirs.length !== 2) throw new Error('usage: node bench/compare_browser.mjs DIR_A DIR_B [--loads N]');
const LOADS = Number(process.argv[process.argv.indexOf('--loads') + 1]) || 30;

const runs = [
  ...dirs.map((dir, i) => ({ name: dir, extension: benchBuild(path.resolve(dir), `compare-${i}`), samples: [] })),
  { name: 'the page without the extension', extension: null, samples: [] },
];
for (const run of runs) {
  run.browser = await launch(run.extension);
  run.page = await markedPage(run.browser);
}
try {
  for (let i = 0; i <= LOADS; i++) {
    for (const run of i % 2 ? runs : [...runs].reverse()) {
      if (run.extension) await forgetProfile(await run.browser.worker());
      const m = await loadOnce(run.browser, run.page, run.extension ? 'painted' : 'pageFrame');
      // the first load of each browser starts its worker and caches: left out
      if (i > 0) run.samples.push({ painted: m.painted - m.response, ready: m.ready - m.response, frame: m.pageFrame - m.response });
    }
  }
} finally {
  for (const run of runs) await run.browser.close();
}

const quartiles = (values) => {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? [v[v.length >> 2], v[v.length >> 1], v[(3 * v.length) >> 2]].map((x) => x.toFixed(1)).join(' / ') : 'n/a';
};
console.log(`${LOADS} loads each, quartiles in ms (25% / median / 75%), from the page's response:`);
for (const run of runs) {
  const of = (key) => quartiles(run.samples.map((s) => s[key]));
  console.log(run.extension ? `${run.name}\n  badge painted ${of('painted')}\n  badge ready   ${of('ready')}\n  page's frame  ${of('frame')}`
    : `${run.name}\n  page's frame  ${of('frame')}`);
}

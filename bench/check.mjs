// `make bench-check`: a short run of the bench that fails when the extension's speed is far past its targets,
// so that a slowdown cannot land unnoticed. Not a measurement to quote (that is `make bench`).
//
//   node bench/check.mjs --fixture FOLLOWERS.json --native build/bench/bench_native
//
// Three rounds of each measure; each round gives medians (or, for the core, ratios of CPU time measured side
// by side in one process pair), and each measure keeps its best round: other work on a shared machine only
// ever slows a round down, so the best round is the closest to what the code costs. It fails when
//   - a time in milliseconds (a median of wall time) is more than SLACK_TIME times its target;
//   - a ratio is more than SLACK_RATIO (20%) past its target.
// Prints the table and writes build/bench/check.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
if (!args.fixture || !args.native) {
  console.error('usage: node bench/check.mjs --fixture FOLLOWERS.json --native BENCH_NATIVE');
  process.exit(2);
}
const PROFILE = path.join(root, 'tests', 'fixtures', 'x', 'UserByScreenName_examplestudio.json');
const ROUNDS = 3;
const SLACK_TIME = 3;
const SLACK_RATIO = 0.2;

function runJson(command, argv, label) {
  process.stderr.write(`bench-check: ${label}...\n`);
  const out = execFileSync(command, argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 22 });
  return JSON.parse(out.trim().split('\n').pop());
}

// The core: wasm against native scoring, and wasm ingest against cJSON alone, a ratio per round.
const ratios = [];
for (let round = 1; round <= ROUNDS; round++) {
  const native = runJson(args.native, [args.fixture, ''], `native, round ${round} of ${ROUNDS}`);
  const wasm = runJson(process.execPath, [path.join('bench', 'bench_wasm.mjs'), args.fixture, PROFILE, '--quick'], `wasm, round ${round} of ${ROUNDS}`);
  ratios.push({ score: wasm.score_ns_wasm / native.score_ns_native, ingest: wasm.ingest_mb_s_wasm / wasm.cjson_parse_mb_s_wasm });
}
// The browser: ROUNDS rounds of 7 loads (the first of each from a stopped worker), and of 3 cold starts.
const browser = runJson(process.execPath, [path.join('bench', 'bench_browser.mjs'), '--rounds', String(ROUNDS), '--loads', '7', '--cold-runs', '3'],
  'Chromium');

// [label, value, target, at most | at least, time | ratio]
const CHECKS = [
  ['response to badge painted, median (ms)', browser.badge_latency_ms, 15, 'max', 'time'],
  ['the same, first load from a stopped worker (ms)', browser.badge_latency_first_ms, 150, 'max', 'time'],
  ['cold start, Chromium extension worker, median (ms)', browser.cold_start_ms_chromium_worker, 30, 'max', 'time'],
  ['score one account, wasm / native', Math.min(...ratios.map((r) => r.score)), 1.5, 'max', 'ratio'],
  ['read + normalise + score, wasm / cJSON alone', Math.max(...ratios.map((r) => r.ingest)), 0.75, 'min', 'ratio'],
];
const rows = CHECKS.map(([label, value, target, sense, kind]) => {
  const limit = kind === 'time' ? target * SLACK_TIME : sense === 'max' ? target * (1 + SLACK_RATIO) : target * (1 - SLACK_RATIO);
  const met = sense === 'max' ? value <= target : value >= target;
  const passes = Number.isFinite(value) && (sense === 'max' ? value <= limit : value >= limit);
  return { label, value, target: `${sense === 'max' ? '<=' : '>='} ${target}`, fails_beyond: limit, met, passes };
});

const show = (v) => (Number.isFinite(v) ? (v >= 10 ? v.toFixed(1) : v.toFixed(2)) : 'n/a');
const cells = rows.map((r) => [r.label, show(r.value), r.target, `${r.passes ? '' : 'FAIL: '}${r.target.startsWith('<') ? '>' : '<'} ${show(r.fails_beyond)}`, r.met ? 'met' : 'not met']);
const head = ['measure', 'best round', 'target', 'fails when', ''];
const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
for (const c of [head, ...cells]) console.log(c.map((x, i) => (i === 1 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  '));
fs.mkdirSync(path.join(root, 'build', 'bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'build', 'bench', 'check.json'), JSON.stringify({ generated: new Date().toISOString(), rows, ratios, browser }, null, 2) + '\n');
const failed = rows.filter((r) => !r.passes);
if (failed.length) {
  console.error(`bench-check: ${failed.length} measure${failed.length === 1 ? ' is' : 's are'} far past the target: ${failed.map((r) => r.label).join('; ')}`);
  process.exit(1);
}
console.log('bench-check: every measure within its bound (build/bench/check.json)');

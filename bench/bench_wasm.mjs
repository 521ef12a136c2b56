// The core's speed and memory as WebAssembly under Node (the release build). Not a test.
//
//   node bench/bench_wasm.mjs FOLLOWERS.json PROFILE.json [--quick]   prints one JSON object of figures
//                                                 (--quick: scoring, ingest and cJSON alone; `make bench-check`)
//   node bench/bench_wasm.mjs --cold PROFILE.json (internal) one cold start in this fresh process
//
// The hot paths run inside the core (wasm/src/bench_api.c) many times per call, and the clock here times
// the call: the same C as bench_native.c, so the two compare the compilers, not the harnesses. Every figure
// is the median of ROUNDS rounds after a warm-up, in CPU time. Cold start is wall time, in fresh processes,
// because V8 keeps compiled wasm modules for the life of a process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const RELEASE = path.join(root, 'build', 'wasm', 'node-release');
const ROUNDS = 7;
const COLD_RUNS = 7;
const NOW = 1.76e9;
const FOLLOWERS_URL = 'https://x.com/i/api/graphql/Fx1Example0Query/Followers';
const PROFILE_URL = 'https://x.com/i/api/graphql/Fx1Example0Query/UserByScreenName';
const AUDIT_N = 100_000;
const HEAP_SCORES = 1_000_000;

export const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

// Copies a string or bytes into wasm memory as NUL-terminated UTF-8; returns {ptr, len}.
function place(m, data) {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const ptr = m._malloc(bytes.length + 1);
  if (!ptr) throw new Error('bench: out of wasm memory');
  m.HEAPU8.set(bytes, ptr);
  m.HEAPU8[ptr + bytes.length] = 0;
  return { ptr, len: bytes.length };
}

// CPU seconds of this thread: on a shared machine, what the code costs. Read from Linux's schedstat (ns);
// process.cpuUsage would also count V8's background threads, which compile hot wasm functions a second
// time while the bench runs. Elsewhere, wall time. Schedstat moves in steps of the scheduler's tick (a 1.5 ms
// loop reads as anything from 0 to 4 ms), so every timed call below runs for about 100 ms or more: with calls
// of a few ms, ingest and cJSON alone read the same number of ticks and their ratio came out as 1.00.
const SCHEDSTAT = '/proc/thread-self/schedstat';
const cpuSeconds = fs.existsSync(SCHEDSTAT)
  ? () => Number(fs.readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e9
  : () => performance.now() / 1e3;

// Seconds per unit of work of each measure's call(repeats) (units = what it returns), minus the cost of
// call(0) when asked. The measures take turns within each round, so that what they are compared with
// (ingest with cJSON alone) ran under the same conditions; the median of the rounds for each.
function perUnit(measures) {
  const samples = measures.map(() => []);
  for (const { call, repeats } of measures) call(repeats); // warm-up
  for (let i = 0; i < ROUNDS; i++) {
    measures.forEach(({ call, repeats, subtractZero = false }, k) => {
      let zero = 0;
      if (subtractZero) {
        const z0 = cpuSeconds();
        call(0);
        zero = cpuSeconds() - z0;
      }
      const t0 = cpuSeconds();
      const units = call(repeats);
      const elapsed = cpuSeconds() - t0 - zero;
      if (!(units > 0)) throw new Error('bench: the core could not read the followers file');
      samples[k].push(elapsed / units);
    });
  }
  return samples.map(median);
}

async function coldStartHere(profileFile) {
  const profile = fs.readFileSync(profileFile, 'utf8');
  // The glue's own modules load first, outside the time, as the extension's worker imports them statically.
  const { loadCore } = await import('../js-glue/node.js');
  const t0 = performance.now();
  const core = await loadCore({ build: 'release' }); // emscripten's loader, the .wasm read, compiled, instantiated
  const t1 = performance.now();
  const report = core.score(profile, { url: PROFILE_URL, now: NOW }); // first call: the models in use
  const t2 = performance.now();
  if (report.status !== 'ok') throw new Error(`bench: cold start scored nothing: ${report.message}`);
  process.stdout.write(JSON.stringify({ ms: t2 - t0, instantiateMs: t1 - t0, firstScoreMs: t2 - t1 }) + '\n');
}

function coldStartNode(profileFile) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', profileFile], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench: cold start run failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout));
  }
  return {
    cold_start_ms_node: median(runs.map((x) => x.ms)),
    cold_start_instantiate_ms_node: median(runs.map((x) => x.instantiateMs)),
    cold_start_first_score_ms_node: median(runs.map((x) => x.firstScoreMs)),
  };
}

async function main(followersFile, profileFile, quick) {
  const factory = require(path.join(RELEASE, 'truefollow-core.cjs'));
  const m = await factory({ wasmBinary: fs.readFileSync(path.join(RELEASE, 'truefollow-core.wasm')) });
  const input = fs.readFileSync(followersFile);
  const doc = place(m, input);
  const url = place(m, FOLLOWERS_URL);
  const accounts = m._tf_bench_score_repeated(doc.ptr, doc.len, url.ptr, NOW, 1);
  if (accounts <= 0) throw new Error(`bench: the core reads no account in ${followersFile}`);

  // The audit last: its 100,000-follower arrays grow the heap, which should not weigh on the others.
  const [scoreS] = perUnit([
    { call: (r) => m._tf_bench_score_repeated(doc.ptr, doc.len, url.ptr, NOW, r), repeats: 2000, subtractZero: true },
  ]);
  const [ingestPerAccountS, cjsonS] = perUnit([
    { call: (r) => m._tf_bench_ingest(doc.ptr, doc.len, url.ptr, NOW, r), repeats: 200 },
    { call: (r) => m._tf_bench_cjson_parse(doc.ptr, doc.len, r), repeats: 200 },
  ]);
  const ingestS = ingestPerAccountS * accounts;
  const speed = {
    wasm_accounts: accounts,
    wasm_input_bytes: doc.len,
    score_ns_wasm: scoreS * 1e9,
    ingest_mb_s_wasm: doc.len / ingestS / 1e6,
    cjson_parse_mb_s_wasm: doc.len / cjsonS / 1e6,
  };
  if (quick) return speed;
  const [auditS] = perUnit([
    { call: (r) => m._tf_bench_audit(doc.ptr, doc.len, url.ptr, NOW, AUDIT_N, r), repeats: 10, subtractZero: true },
  ]);

  // The public path, as the extension's worker calls it: string in, JSON report out, parsed in JS.
  const { coreLoader } = await import('../js-glue/core.js');
  const core = await coreLoader(() => Promise.resolve(m))();
  const text = input.toString('utf8');
  const [publicPerAccountS] = perUnit([{
    call: (r) => {
      let n = 0;
      for (let i = 0; i < r; i++) n += core.score(text, { url: FOLLOWERS_URL, now: NOW }).accounts.length;
      return n;
    },
    repeats: 40,
  }]);
  const publicS = publicPerAccountS * accounts;

  // Memory: after warm-up, 1,000,000 scores inside the core, then the public paths again.
  const heapBefore = m.HEAPU8.buffer.byteLength;
  const inUseBefore = m._tf_bench_heap_in_use();
  const scored = m._tf_bench_score_repeated(doc.ptr, doc.len, url.ptr, NOW, Math.ceil(HEAP_SCORES / accounts));
  const heapAfterScores = m.HEAPU8.buffer.byteLength;
  const inUseAfterScores = m._tf_bench_heap_in_use();
  const line = JSON.stringify({ url: FOLLOWERS_URL, body: text });
  for (let i = 0; i < 50; i++) {
    core.score(text, { url: FOLLOWERS_URL, now: NOW });
    core.audit(`${line}\n${line}`, { now: NOW });
  }
  const heapAfterPublic = m.HEAPU8.buffer.byteLength;
  const inUseAfterPublic = m._tf_bench_heap_in_use();
  m._free(doc.ptr);
  m._free(url.ptr);

  return {
    ...speed,
    ingest_report_mb_s_wasm: doc.len / publicS / 1e6,
    audit_100k_ms_wasm: auditS * 1e3,
    heap_scores: scored,
    heap_growth_bytes: heapAfterScores - heapBefore,
    heap_in_use_growth_bytes: inUseAfterScores - inUseBefore,
    heap_growth_public_bytes: heapAfterPublic - heapAfterScores,
    heap_in_use_growth_public_bytes: inUseAfterPublic - inUseAfterScores,
    wasm_memory_bytes: heapAfterPublic,
    ...coldStartNode(profileFile),
  };
}

const args = process.argv.slice(2);
if (args[0] === '--cold') {
  await coldStartHere(args[1]);
} else if (args.length === 2 || (args.length === 3 && args[2] === '--quick')) {
  process.stdout.write(JSON.stringify(await main(args[0], args[1], args[2] === '--quick')) + '\n');
} else {
  console.error('usage: node bench/bench_wasm.mjs FOLLOWERS.json PROFILE.json [--quick]');
  process.exit(2);
}

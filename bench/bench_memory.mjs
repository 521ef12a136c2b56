// The wasm core's memory over a million calls through js-glue (release build): a small profile scored
// again and again, with a refused input every tenth call. Prints the memory before and after and the time;
// exits 1 if the memory grew. Run by `make bench-memory` (part of `make bench`); tests/node/malformed.test.js
// makes the same check over 100,000 calls.
import { loadCore, CoreError } from '../js-glue/node.js';

const CALLS = Number(process.env.CALLS || 1_000_000);
const NOW = 1790000000;
const small = JSON.stringify({
  data: { user: { result: { __typename: 'User', rest_id: '9', core: { screen_name: 'ada' },
    relationship_counts: { followers: 12, following: 300 } } } },
});

const core = await loadCore({ build: 'release' });
for (let i = 0; i < 100; i++) core.score(small, { now: NOW });
const before = core.memoryBytes;
const start = process.hrtime.bigint();
for (let i = 0; i < CALLS; i++) {
  if (i % 10 === 9) {
    try {
      core.score('garbage');
    } catch (e) {
      if (!(e instanceof CoreError)) throw e;
    }
  } else {
    core.score(small, { now: NOW });
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const after = core.memoryBytes;
console.log(`wasm memory over ${CALLS} calls: ${before} -> ${after} bytes; ${seconds.toFixed(1)} s ` +
  `(${((seconds / CALLS) * 1e6).toFixed(1)} us a call)`);
process.exit(after === before ? 0 : 1);

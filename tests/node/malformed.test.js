// Hostile and broken input through js-glue into both wasm builds, as the extension's worker calls the core, from
// the table the C tests read too (tests/hostile-inputs.json): each row gets a CoreError naming the problem or a
// report of a known status, never a trap, a hang or a wrong number. Then the faults around the input: a million-call loop keeps memory flat, an input that
// would take more than the core's 1 GB is refused and the core keeps working, and a trap inside the core
// drops the instance so the next init() builds a fresh one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { loadCore, CoreError } from '../../js-glue/node.js';
import { coreLoader } from '../../js-glue/core.js';
import { root, NOW } from './helpers.js';

const HANG_MS = 60_000; // a crash detector for the big rows, not a speed assertion (that is `make bench`)

const profile = (fields) =>
  JSON.stringify({ data: { user: { result: { __typename: 'User', rest_id: '9', core: { screen_name: 'm' }, ...fields } } } });
// A different follower at each i (the audit counts an account once).
const followerEntry = (i) => JSON.stringify({
  entryId: `user-${i}`,
  content: { itemContent: { user_results: { result: { __typename: 'User', rest_id: String(i), core: { screen_name: `f${i}` },
    relationship_counts: { followers: 3, following: 900 } } } } },
});
const timeline = (entries) =>
  `{"data":{"user":{"result":{"__typename":"User","timeline":{"timeline":{"instructions":[` +
  `{"type":"TimelineAddEntries","entries":[${entries}]}]}}}}}}`;

const REFUSED = 'refused';
// The table of hostile inputs the C tests read too (tests/c/test_malformed.c); its header says how a row's input
// is built. Rows of raw bytes no JavaScript string can hold ("only": "native") stay with the C tests.
const table = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'hostile-inputs.json'), 'utf8'));
function build(parts) {
  return parts.map((part) => {
    if (typeof part === 'string') return part;
    if ('snippet' in part) return table.snippets[part.snippet];
    if ('repeat' in part) return part.repeat.repeat(part.times);
    if ('numbered' in part) {
      return Array.from({ length: part.times }, (_, i) => part.numbered.replaceAll('{i}', String(i))).join(part.separator ?? '');
    }
    if ('bytes' in part) {
      assert.ok(part.bytes.every((b) => b < 0x80), 'bytes a JavaScript string holds as they are');
      return String.fromCharCode(...part.bytes);
    }
    if ('utf16' in part) return String.fromCharCode(...part.utf16);
    if ('first_half_of' in part) {
      const whole = build(part.first_half_of);
      return whole.slice(0, whole.length >> 1);
    }
    throw new Error(`a part of no known kind: ${JSON.stringify(part)}`);
  }).join('');
}
const rows = table.rows.filter((row) => row.only !== 'native').map((row) => [row.name, () => build(row.input), row.expect,
  row.message ? new RegExp(row.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : null,
  row.account && ((a) => { for (const [key, value] of Object.entries(row.account)) assert.deepEqual(a[key], value, key); })]);

function expectAnswer(call, expect, message) {
  if (expect === REFUSED) {
    assert.throws(call, (e) => e instanceof CoreError && (!message || message.test(e.message)));
    return null;
  }
  const report = call();
  assert.equal(report.status, expect, report.message);
  if (message) assert.match(report.message, message);
  return report;
}

for (const build of ['release', 'debug']) {
  describe(`malformed input into the ${build} wasm core`, () => {
    for (const [name, make, expect, message, check] of rows) {
      it(`${name}: ${expect === REFUSED ? 'a CoreError' : `"${expect}"`}`, { timeout: HANG_MS }, async () => {
        const core = await loadCore({ build });
        const input = make();
        const score = expectAnswer(() => core.score(input, { now: NOW }), expect, message);
        const audit = expectAnswer(() => core.audit(input, { now: NOW }), expect, message);
        if (score) {
          // A probability, or none at all beside "not enough data": never a made-up number.
          const unjudged = score.accounts.filter((a) => a.verdict === 'not-enough-data');
          for (const a of unjudged) assert.equal(a.p_fake, null);
          for (const a of score.accounts) if (a.verdict !== 'not-enough-data') assert.ok(a.p_fake >= 0 && a.p_fake <= 1);
          if (check) check(score.accounts[0]);
          assert.equal(audit.audit.left_out_too_little_shown, unjudged.length);
          assert.equal(audit.audit.n, score.accounts.length - unjudged.length);
        }
        assert.equal(core.score(profile({}), { now: NOW }).status, 'ok', 'the core reads again afterwards');
      });
    }
  });
}

describe('faults around the input', () => {
  it('keeps wasm memory flat over 100,000 calls (a million in make bench-memory)', { timeout: 120_000 }, async () => {
    const core = await loadCore({ build: 'release' });
    const small = profile({ relationship_counts: { followers: 12, following: 300 } });
    for (let i = 0; i < 100; i++) core.score(small, { now: NOW });
    const before = core.memoryBytes;
    const first = JSON.stringify(core.score(small, { now: NOW }));
    for (let i = 0; i < 100_000; i++) core.score(small, { now: NOW });
    assert.equal(core.memoryBytes, before, 'memory grew');
    assert.equal(JSON.stringify(core.score(small, { now: NOW })), first);
  });

  it('refuses an input that would take more than 1 GB of wasm memory, and keeps working', { timeout: 180_000 }, async () => {
    // 60 MB of JSON lines, each a 600-element array: every line's tree is kept while the batch is read,
    // about 20 million cJSON values, more than the 1 GB the core may grow to.
    const core = await loadCore({ build: 'release' });
    const line = `[${'0,'.repeat(599)}0]\n`;
    const huge = line.repeat(Math.floor((60 * 1024 * 1024) / line.length));
    let outcome;
    try {
      outcome = core.audit(huge, { now: NOW });
    } catch (e) {
      outcome = e;
    }
    assert.ok(outcome instanceof CoreError || typeof outcome?.status === 'string', `neither an error nor a report: ${outcome}`);
    if (outcome instanceof CoreError) assert.match(outcome.message, /memory|not valid JSON/);
    const again = await loadCore({ build: 'release' });
    assert.equal(again, core, 'the same instance: no trap happened');
    const report = again.score(profile({ relationship_counts: { followers: 7 } }), { now: NOW });
    assert.equal(report.accounts[0].followers, 7);
  });

  it('reads a 60 MB response of 350,000 followers and audits it', { timeout: 180_000 }, async () => {
    const core = await loadCore({ build: 'release' });
    const count = Math.floor((60 * 1024 * 1024) / (followerEntry(999_999).length + 1));
    const { status, audit } = core.audit(timeline(Array.from({ length: count }, (_, i) => followerEntry(i)).join(',')), { now: NOW });
    assert.equal(status, 'ok');
    assert.equal(audit.n, count);
  });

  it('drops the instance after a trap, so the next init() builds a fresh core that works', async () => {
    // No trap is reachable through score, audit or count with any string (fuzzing and the rows above): so
    // the first instance's _tf_count is made to run the debug build's real code on an address past the
    // end of wasm memory, which SAFE_HEAP turns into an abort, as a bug in the core would.
    const dir = path.join(root, 'build', 'wasm', 'node-debug');
    const factory = createRequire(import.meta.url)(path.join(dir, 'truefollow-core.cjs'));
    let built = 0;
    const init = coreLoader(async (options) => {
      const module = await factory(options);
      if (built++ === 0) module._tf_count = () => module._tf_score_input(module.HEAPU8.length + 4096, 16, 0);
      return module;
    }, { wasmBinary: fs.readFileSync(path.join(dir, 'truefollow-core.wasm')), printErr: () => {} });
    const first = await init();
    assert.throws(() => first.count('12', 'en'), (e) => !(e instanceof CoreError) && e instanceof Error);
    const second = await init();
    assert.notEqual(second, first, 'a new instance after the trap');
    assert.equal(built, 2);
    assert.equal(second.count('1,2 Mio.', 'de'), 1_200_000);
    assert.equal(await init(), second, 'and it is kept while it works');
  });
});

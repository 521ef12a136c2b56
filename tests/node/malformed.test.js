// Hostile and broken input through js-glue into both wasm builds, as the extension's worker calls the core:
// each row gets a CoreError naming the problem or a report of a known status, never a trap, a hang or a
// wrong number. Then the faults around the input: a million-call loop keeps memory flat, an input that
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
// Some rows need JSON that JSON.stringify cannot write (NaN, 1e400): the same profile with raw text spliced in.
const rawProfile = (raw) => profile({ relationship_counts: { followers: '@' } }).replace('"@"', raw);
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
const rows = [
  ['truncated JSON', () => profile({ relationship_counts: { followers: 1 } }).slice(0, 60), REFUSED, /not valid JSON/],
  ['wrong types read as missing', () => profile({ relationship_counts: { followers: 'many', following: {} }, tweet_counts: { tweets: [1] } }),
    'ok', null, (a) => { assert.equal(a.followers, null); assert.equal(a.following, null); assert.equal(a.posts, null); }],
  ['a NaN literal', () => rawProfile('NaN'), REFUSED, /not valid JSON/],
  ['an Infinity literal', () => rawProfile('Infinity'), REFUSED, /not valid JSON/],
  ['1e400 reads as missing', () => rawProfile('1e400'), 'ok', null, (a) => assert.equal(a.followers, null)],
  ['a negative count reads as missing', () => rawProfile('-3'), 'ok', null, (a) => assert.equal(a.followers, null)],
  ['2^53 + 1 reads as missing', () => rawProfile('9007199254740993'), 'ok', null, (a) => assert.equal(a.followers, null)],
  ['2^53 - 1 reads exactly', () => rawProfile('9007199254740991'), 'ok', null, (a) => assert.equal(a.followers, 2 ** 53 - 1)],
  ['a 100 MB string is refused for the input limit', () => profile({ profile_bio: { description: 'x'.repeat(100 * 1024 * 1024) } }),
    REFUSED, /limit/],
  ['arrays nested 100,000 deep', () => '['.repeat(100_000) + ']'.repeat(100_000), REFUSED, /not valid JSON/],
  ['objects nested 100,000 deep', () => '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), REFUSED, /not valid JSON/],
  ['nesting just past the 256-level limit', () => '['.repeat(257) + ']'.repeat(257), REFUSED, /not valid JSON/],
  // JavaScript strings cannot hold invalid UTF-8; their nearest is a lone surrogate, which js-glue turns
  // into U+FFFD (unmended, emscripten's encoder swallowed the closing quote after it).
  ['a raw lone surrogate inside a string', () => rawProfile('5').replace('"m"', '"m\uD800"'), 'ok', null,
    (a) => { assert.equal(a.followers, 5); assert.equal(a.handle, 'm\uFFFD'); }],
  ['a raw lone low surrogate before a quote', () => rawProfile('6').replace('"m"', '"\uDC00m"'), 'ok', null,
    (a) => { assert.equal(a.followers, 6); assert.equal(a.handle, '\uFFFDm'); }],
  ['an escaped lone surrogate', () => profile({ profile_bio: { description: 'a\uD800b' } }), REFUSED, /not valid JSON/],
  ['a NUL byte first', () => '\0{"data":{}}', REFUSED, /0x00/],
  ['a NUL byte inside a string', () => profile({ profile_bio: { description: 'a\0b' }, relationship_counts: { followers: 8 } }),
    'ok', null, (a) => assert.equal(a.followers, 8)],
  ['an HTML error page where JSON was expected', () => '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>',
    'unsupported', /HTML/],
  ['a text error body', () => 'Rate limit exceeded', REFUSED, /neither JSON nor HTML/],
  ['a million-element array', () => `[${'0,'.repeat(999_999)}0]`, 'unsupported', null],
  ['a timeline of a million entries that are no users', () => timeline(Array(1_000_000).fill('{}').join(',')), 'no-data', null],
  ['every field null', () => JSON.stringify({ data: { user: { result: { __typename: null, core: null, legacy: null, relationship_counts: null } } } }),
    'unsupported', /screen_name/],
  ['every field null but the handle', () => profile({ relationship_counts: { followers: null, following: null }, tweet_counts: null, avatar: null }),
    'ok', null, (a) => {
      for (const k of ['followers', 'following', 'posts', 'default_avatar', 'created_at']) assert.equal(a[k], null, k);
      assert.equal(a.verdict, 'not-enough-data');
    }],
  ['empty input', () => '   ', REFUSED, /empty input/],
];

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

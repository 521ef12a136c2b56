// The wasm core through js-glue, the same suite on the debug and the release build.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, CoreError } from '../../js-glue/node.js';
import { NOW } from './helpers.js';

const profile = (fields) =>
  JSON.stringify({ data: { user: { result: { __typename: 'User', rest_id: '9', ...fields } } } });

const ada = profile({
  core: { screen_name: 'ada', name: 'Ada Ł. 🦉', created_at: 'Sat Dec 14 04:35:55 +0000 2013' },
  relationship_counts: { followers: 1200, following: 300 },
  tweet_counts: { tweets: 5000 },
  profile_bio: { description: 'Ünïcode bio ✓' },
});

for (const build of ['debug', 'release']) {
  describe(`the ${build} wasm core`, () => {
    it('loads once: every init() gives the same instance', async () => {
      const [a, b] = await Promise.all([loadCore({ build }), loadCore({ build })]);
      assert.equal(a, b);
      assert.match(a.version, /^\d+\.\d+\.\d+$/);
    });

    it('reads and scores a profile, keeping UTF-8 text intact', async () => {
      const core = await loadCore({ build });
      const report = core.score(ada, { now: NOW });
      assert.equal(report.status, 'ok');
      assert.equal(report.accounts.length, 1);
      const [a] = report.accounts;
      assert.equal(a.platform, 'x');
      assert.equal(a.handle, 'ada');
      assert.equal(a.name, 'Ada Ł. 🦉');
      assert.equal(a.followers, 1200);
      assert.equal(a.following, 300);
      assert.equal(a.created_at, '2013-12-14T04:35:55Z');
      assert.equal(a.likes_given, null, 'a count the response did not carry is null, not 0');
      assert.ok(a.p_fake >= 0 && a.p_fake <= 1);
      assert.ok(['real', 'inactive', 'uncertain', 'fake'].includes(a.verdict));
      assert.ok(Array.isArray(a.reasons) && a.reasons.length > 0);
      for (const r of a.reasons) assert.equal(typeof r.text, 'string');
    });

    it('says "unsupported", naming what it saw, for a shape it does not know', async () => {
      const core = await loadCore({ build });
      const report = core.score(JSON.stringify({ greeting: 'hello' }));
      assert.equal(report.status, 'unsupported');
      assert.match(report.message, /greeting/);
      assert.deepEqual(report.accounts, []);
    });

    it('throws the C message as a CoreError for input that is not JSON or HTML', async () => {
      const core = await loadCore({ build });
      assert.throws(() => core.score('garbage'), (e) => e instanceof CoreError && /neither JSON nor HTML/.test(e.message));
      assert.throws(() => core.score('{"data": '), (e) => e instanceof CoreError && /not valid JSON/.test(e.message));
      assert.throws(() => core.count('no digits', 'en'), (e) => e instanceof CoreError && /no digits/.test(e.message));
      assert.throws(() => core.score(42), TypeError);
    });

    it('stays usable after an error and keeps its memory flat over many calls', async () => {
      const core = await loadCore({ build });
      for (let i = 0; i < 50; i++) core.score(ada, { now: NOW });
      const before = core.memoryBytes;
      const first = JSON.stringify(core.score(ada, { now: NOW }));
      for (let i = 0; i < 2000; i++) {
        assert.throws(() => core.score('garbage'), CoreError);
        core.score(ada, { now: NOW });
      }
      assert.equal(JSON.stringify(core.score(ada, { now: NOW })), first);
      assert.equal(core.memoryBytes, before, 'wasm memory grew over 4,000 calls');
    });

    it('estimates an audience from JSON lines of responses', async () => {
      const core = await loadCore({ build });
      const lines = Array.from({ length: 40 }, (_, i) =>
        profile({ rest_id: String(100 + i), core: { screen_name: `u${i}` }, relationship_counts: { followers: i, following: 100 } }),
      ).join('\n');
      const { status, audit } = core.audit(lines, { now: NOW });
      assert.equal(status, 'ok');
      assert.equal(audit.n, 40);
      assert.equal(audit.too_few, false);
      for (const share of ['real', 'inactive', 'fake']) {
        const { share: s, ci90: [lo, hi] } = audit[share];
        assert.ok(lo >= 0 && lo <= hi && hi <= 1, `${share}: [${lo}, ${hi}]`);
        // A share the model's error rates cannot support is null ("not enough data"), never a guess.
        if (s !== null) assert.ok(lo <= s && s <= hi, `${share}: ${lo} <= ${s} <= ${hi}`);
      }
      if (audit.fake.share !== null) {
        const total = audit.real.share + audit.inactive.share + audit.fake.share;
        assert.ok(Math.abs(total - 1) < 1e-5);
      }
    });

    it('corrects the fake share at the threshold the error rates were measured at, whatever the user\'s "fake" threshold', async () => {
      const core = await loadCore({ build });
      // Followers from plainly real to plainly bought, so a lower threshold flags more of them.
      const lines = Array.from({ length: 60 }, (_, i) => profile({
        core: { screen_name: `f${i}x${i * 7919}`, created_at: 'Sat Dec 14 04:35:55 +0000 2013' },
        relationship_counts: { followers: 2 * i, following: 10 + 90 * (60 - i) },
        tweet_counts: { tweets: i * 11 },
      })).join('\n');
      const plain = core.audit(lines, { now: NOW }).audit;
      const scores = (options) => core.score(lines, { now: NOW, ...options }).accounts;
      const flagged = (options) => scores(options).filter((a) => a.verdict === 'fake').length;
      assert.ok(flagged({ fake_threshold: 0.05 }) > flagged({}), 'a low threshold flags more single accounts');
      const low = core.audit(lines, { now: NOW, fake_threshold: 0.05 }).audit;
      assert.deepEqual(low.fake, plain.fake);
      assert.deepEqual(low.flagged, plain.flagged);
    });

    it('parses a count string in the page language', async () => {
      const core = await loadCore({ build });
      assert.equal(core.count('1,2 Mio.', 'de'), 1200000);
      assert.equal(core.count('12.5K', 'en'), 12500);
    });
  });
}

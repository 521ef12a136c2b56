// What the badge and the panel say (extension/faces.js), from core reports of every kind.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sandbox = {};
sandbox.globalThis = sandbox;
vm.runInNewContext(fs.readFileSync(path.join(root, 'extension', 'faces.js'), 'utf8'), sandbox);
const { percent, badgeFace, panelModel, STATE_FACES } = sandbox.truefollowFaces;

const share = (s, lo, hi) => ({ share: s, ci90: [lo, hi] });
const firm = { n: 120, too_few: false, sample: 'recent followers', real: share(0.823, 0.74, 0.88), inactive: share(0.1, 0.05, 0.15), fake: share(0.077, 0.03, 0.12), model: 'm-1', method: 'RG' };
const account = { platform: 'x', seen: 'profile', handle: 'a', verdict: 'fake', p_fake: 0.91, reasons: [{ text: 'default avatar' }, { text: 'no posts' }] };

describe('extension faces', () => {
  it('rounds shares for display, with one decimal near 0% and 100% and never a false certainty', () => {
    assert.equal(percent(0.823), '82%');
    assert.equal(percent(0.0512), '5.1%');
    assert.equal(percent(0.0004), '<0.1%');
    assert.equal(percent(0.9996), '>99.9%');
    assert.equal(percent(0), '0%');
    assert.equal(percent(1), '100%');
    assert.equal(percent(null), '?');
  });

  it('shows the share of real followers when the core gives a firm estimate, with the intervals on hover', () => {
    const face = badgeFace({ audit: firm, account });
    assert.equal(face.state, 'ready');
    assert.equal(face.text, '≈ 82% real');
    assert.match(face.detail, /^Of 120 recent followers read: real 82% \(90%: 74%–88%\)/);
  });

  it('falls back to the account itself when the estimate is not firm, and to "not enough data" without an account', () => {
    const unknown = { ...firm, real: share(null, 0, 1) };
    assert.equal(badgeFace({ audit: unknown, account }).text, '⚠ likely fake · p(fake) 91.0%');
    const few = { ...firm, n: 12, too_few: true };
    const face = badgeFace({ audit: few });
    assert.equal(face.state, 'no-data');
    assert.match(face.detail, /^Too few followers read.*Of 12 /);
    assert.equal(badgeFace({}), null);
  });

  it('names every badge state in words', () => {
    for (const state of ['reading', 'no-data', 'unsupported', 'error']) {
      assert.equal(STATE_FACES[state].state, state);
      assert.ok(STATE_FACES[state].text.length > 0);
    }
  });

  it('fills the panel from what the core returned, and leaves out what it did not', () => {
    const bare = panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: firm, account, accountModel: 'm-2' });
    assert.deepEqual(JSON.parse(JSON.stringify(bare.audience.rows.map((r) => [r.key, r.share, r.lo, r.hi]))), [['real', 0.823, 0.74, 0.88], ['inactive', 0.1, 0.05, 0.15], ['fake', 0.077, 0.03, 0.12]]);
    assert.match(bare.audience.sample, /^Sample: 120 recent followers\.$/);
    assert.match(bare.audience.bias, /leans towards inactive and fake/);
    assert.equal(bare.reach, null);
    assert.equal(bare.engagement, null);
    assert.equal(bare.factory, null);
    assert.deepEqual([...bare.account.reasons], ['default avatar', 'no posts']);
    assert.deepEqual([...bare.models], ['m-1', 'm-2']);

    const full = panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: { ...firm,
      reach: { value: 41000, ci90: [38000, 44000] },
      engagement: { rate: 0.004, tier_typical: 0.012, far_below: true, source: '12 recent posts' },
      factory: { in_runs: 30, runs: [{ first: 1, last: 40, members: 30, created_from: '2026-07-29T08:36:13Z', created_to: '2026-08-06T20:51:54Z' }] } } });
    assert.equal(full.reach, '≈ 41,000 real, active followers (90% interval 38,000–44,000).');
    assert.match(full.engagement, /^0\.4% engagement per post; typical for accounts of this size: 1\.2% — far below.*\(from 12 recent posts\)\.$/);
    assert.match(full.factory.summary, /^30 of the sampled followers belong to 1 run /);
    assert.deepEqual([...full.factory.runs], ['30 accounts, created 2026-07-29 to 2026-08-06']);
    assert.equal(full.account, null);
  });
});

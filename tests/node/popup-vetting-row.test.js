// What a row of the popup's vetting list says (extension/pages/vetting-row.js), from stored records as the worker keeps
// them: a profile whose follower list gives no number (Instagram, Bluesky) says the profile's own verdict as its badge
// does, in every language; the export carries the same verdict.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { extensionLocales, root, inLanguageOf } from './helpers.js';

// The popup's scripts that make a row, run as the popup runs them.
function loadRow() {
  const sandbox = { Intl, truefollowLocales: extensionLocales() };
  sandbox.globalThis = sandbox;
  for (const file of ['common/i18n.js', 'common/view-model.js', 'pages/report-format.js', 'pages/vetting-row.js']) {
    vm.runInNewContext(fs.readFileSync(path.join(root, 'extension', file), 'utf8'), sandbox);
  }
  return { i18n: sandbox.truefollowI18n, faces: sandbox.truefollowFaces, format: sandbox.truefollowReportFormat, row: sandbox.truefollowVettingRow };
}
const { i18n, faces, format, row } = loadRow();
const cellsOf = (record) => row.cells(format.row(record));
const inLanguage = (lang, fn) => inLanguageOf(i18n, lang, fn);

const account = (verdict, pFake) => ({ platform: 'instagram', seen: 'profile', handle: 'studio', followers: 12840, following: 312, posts: 1460,
  p_fake: pFake, verdict, reasons: [{ text: 'no link in the profile' }] });
// The core's audit of a list whose entries carry no counts (audit.c): no share and no bound, only the flagged counts.
const noNumber = { n: 48, too_few: false, sample: 'recent followers (a follower list shows the newest first)', sample_kind: 'followers',
  flagged: { fake: 2, inactive: 5 }, real: { share: null, ci90: [0, 1] }, inactive: { share: null, ci90: [0, 0.3] }, fake: { share: null, ci90: [0, 1] },
  reach: null, engagement: null, factory: { dated: 0, in_runs: 0, runs: [] }, sensitivity: 0.0035, specificity: 0.617, model: 'm-1',
  method: 'Rogan-Gladen corrected shares' };
const listed = (platform, acc, audit) => ({ platform, handle: 'studio', account: acc, audit, audit_at: audit ? 1790000000000 : null, seen_at: 1790000000000 });

describe('the vetting list\'s rows', () => {
  it('say the profile\'s own verdict as its badge does where the follower list gives no number', () => {
    for (const platform of ['instagram', 'bluesky']) {
      for (const [verdict, pFake, words] of [['fake', 0.91, '⚠ likely fake · p(fake) 91.0%'], ['real', 0.0036, '✓ likely real · p(fake) 0.4%'],
        ['uncertain', 0.42, '? uncertain · p(fake) 42%'], ['inactive', 0.05, '◌ likely inactive · p(fake) 5.0%']]) {
        const acc = account(verdict, pFake);
        const c = cellsOf(listed(platform, acc, noNumber));
        assert.equal(c.profile, words, `${platform} ${verdict}`);
        const badge = faces.badgeFace({ account: acc, audit: noNumber });
        assert.equal(badge.text, c.profile, 'the row says what the badge on its followers page says');
        assert.equal(c.real, 'unknown', 'no share of "?" where the list gives none');
        assert.equal(c.followers, '12,840');
        assert.doesNotMatch(c.flags, /profile/, 'the verdict is said once, in its own cell');
      }
    }
  });

  it('say the verdict in the user\'s language, as the badge does', () => {
    for (const lang of ['de', 'es', 'fr', 'pt_BR', 'ja']) {
      const [cell, badge, unknown] = inLanguage(lang, () => [cellsOf(listed('bluesky', account('fake', 0.91), noNumber)).profile,
        faces.badgeFace({ account: account('fake', 0.91), audit: noNumber }).text, i18n.t('unknown')]);
      assert.equal(cell, badge, lang);
      assert.notEqual(cell, unknown, lang);
    }
    assert.equal(inLanguage('de', () => cellsOf(listed('bluesky', account('fake', 0.91), null)).profile).replace(/\s/gu, ' '),
      '⚠ wahrscheinlich gefälscht · p(Fake) 91,0 %');
  });

  it('say unknown for a profile never scored, and "not enough data" for one the page showed too little of', () => {
    assert.equal(cellsOf(listed('x', null, null)).profile, 'unknown');
    assert.equal(cellsOf({ platform: 'x', handle: 'gone', audit: null, account: null }).profile, 'unknown');
    assert.equal(cellsOf(listed('instagram', { ...account('not-enough-data', null), reasons: [] }, null)).profile, 'not enough data');
  });

  it('keep the followers\' numbers beside the verdict where the list gives them', () => {
    const audit = { ...noNumber, flagged: undefined, real: { share: 0.82, ci90: [0.74, 0.88] }, inactive: { share: 0.1, ci90: [0.05, 0.15] },
      fake: { share: 0.08, ci90: [0.03, 0.12] } };
    const c = cellsOf(listed('x', account('real', 0.001), audit));
    assert.equal(c.real, '82% (90% interval 74%–88%)');
    assert.equal(c.profile, '✓ likely real · p(fake) 0.1%');
  });

  it('export the profile\'s verdict and its chance with the row, in CSV and JSON', () => {
    const rows = [format.row(listed('bluesky', account('fake', 0.91), noNumber)), format.row(listed('x', null, null))];
    const json = JSON.parse(format.json(rows));
    assert.deepEqual(json.rows.map((r) => [r.platform, r.profile_verdict, r.profile_p_fake, r.real_share]),
      [['bluesky', 'fake', 0.91, null], ['x', null, null, null]]);
    const [head, first, second] = format.csv(rows).trim().split('\r\n').map((line) => line.split(','));
    const at = (line, column) => line[head.indexOf(column)];
    assert.deepEqual([at(first, 'profile_verdict'), at(first, 'profile_p_fake')], ['fake', '0.91']);
    assert.deepEqual([at(second, 'profile_verdict'), at(second, 'profile_p_fake')], ['', '']);
  });
});

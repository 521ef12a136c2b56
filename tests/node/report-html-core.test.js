// The extension's way to the HTML report: the WebAssembly core writes the same bytes as `truefollow report` for
// the same audit, profile and inputs, in every language, in both wasm builds.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CoreError, loadCore } from '../../js-glue/node.js';
import { cli, NOW, root } from './helpers.js';

const fixtures = path.join(root, 'tests', 'fixtures');
const LANGUAGES = fs.readdirSync(path.join(root, 'extension', '_locales')).sort();
const DEMO = [
  ['x/UserByScreenName_examplestudio.json', 'x/Followers_examplestudio.json'],
  ['instagram/page-profile-examplestudio.json', 'instagram/page-followers-39509297009.json'],
  ['mastodon/page-followers-117764268986021026.json'],
];
const run = (args) => execFileSync(cli, args, { cwd: fixtures, encoding: 'utf8', maxBuffer: 64 << 20 });

describe('the core\'s HTML report', () => {
  for (const build of ['release', 'debug']) {
    it(`is byte for byte the command line's (${build} wasm)`, async () => {
      const core = await loadCore({ build });
      for (const files of DEMO) {
        const audit = JSON.parse(run(['audit', '--now', String(NOW), ...files]));
        const profile = run(['score', '--now', String(NOW), ...files]).trim().split('\n').filter(Boolean)
          .map((line) => JSON.parse(line)).find((account) => account.seen === 'profile') ?? null;
        const inputs = files.map((name) => {
          const bytes = fs.readFileSync(path.join(fixtures, name));
          return { name, bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
        });
        for (const lang of LANGUAGES) {
          const expected = run(['report', '--now', String(NOW), '--lang', lang, ...files]);
          const options = `--lang ${lang}`;
          assert.equal(core.reportHtml({ audit, profile, inputs, lang, now: NOW, options }), expected, `${files[0]} ${lang}`);
        }
      }
    });
  }

  it('puts the vetting list side by side: a row per profile with its core numbers, labels escaped', async () => {
    const core = await loadCore();
    const accounts = DEMO.map((files, i) => ({
      label: i === 0 ? '@<b>"x"</b> & co (x)' : files[0],
      audit: JSON.parse(run(['audit', '--now', String(NOW), ...files])),
      profile: null,
    }));
    accounts.push({ label: 'never audited', audit: null, profile: null });
    for (const lang of LANGUAGES) {
      const html = core.reportHtml({ accounts, lang, now: NOW });
      assert.doesNotMatch(html, /<script|https?:|<b>/i);
      assert.ok(html.includes('@&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; co (x)'), 'the label, escaped');
      const rows = [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)];
      assert.equal(rows.length, accounts.length, lang);
      rows.forEach(([, , cells], i) => {
        for (const part of ['real', 'inactive', 'fake']) {
          const shown = Number(new RegExp(`data-share="${part}" data-value="([^"]+)"`).exec(cells)[1]);
          const share = accounts[i].audit?.[part].share ?? null;
          if (share !== null) assert.equal(shown, Number(share.toPrecision(6)), `${lang} row ${i} ${part}`);
          else assert.ok(Number.isNaN(shown), `${lang} row ${i}: no share, no number`);
        }
      });
    }
  });

  it('escapes every text it is given: each string in the audit, the profile and the inputs made hostile', async () => {
    const core = await loadCore();
    const files = DEMO[0];
    const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    // Every string in a value replaced by the hostile text, numbers and structure kept.
    const poison = (value) => (typeof value === 'string' ? HOSTILE : Array.isArray(value) ? value.map(poison)
      : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v)])) : value);
    const audit = poison(JSON.parse(run(['audit', '--now', String(NOW), ...files])));
    const profile = poison(run(['score', '--now', String(NOW), ...files]).trim().split('\n').map((l) => JSON.parse(l))
      .find((account) => account.seen === 'profile'));
    const inputs = [{ name: HOSTILE, bytes: 1, sha256: HOSTILE }];
    const single = core.reportHtml({ audit, profile, inputs, lang: 'en', now: NOW, options: HOSTILE });
    const list = core.reportHtml({ accounts: [{ label: HOSTILE, audit, profile }], lang: 'en', now: NOW });
    for (const html of [single, list]) {
      assert.doesNotMatch(html, /<script|<img/i, "no tag of the input's; its quotes are escaped too (below)");
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;'));
    }
    // The texts did reach the document: the handle, a reason, the model, the method, the input's name.
    assert.ok(single.split('&lt;script&gt;').length - 1 >= 6, 'the hostile text shows, escaped, wherever a text goes');
  });

  it('lists the follower counts seen earlier, when the extension has them', async () => {
    const core = await loadCore();
    const audit = JSON.parse(run(['audit', '--now', String(NOW), ...DEMO[0]]));
    const history = [{ t: 1780000000000, followers: 12000 }, { t: 1785000000000, followers: 650000 }];
    const html = core.reportHtml({ audit, profile: null, history, lang: 'de', now: NOW });
    const table = /<table class="runs" data-part="history">(.*?)<\/table>/.exec(html)?.[1] ?? '';
    const rows = [...table.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(rows, history.map((p) => [new Date(p.t).toISOString().slice(0, 10), new Intl.NumberFormat('de').format(p.followers)]));
    assert.ok(table.includes('<th scope="col">Datum</th>'), 'in the report\'s language');
    assert.equal(core.reportHtml({ audit, profile: null, lang: 'de', now: NOW }).includes('data-part="history"'), false);
  });

  it('writes a profile\'s chance of being fake as the badge does: above 99.9% as >99.9%, never a certain 100%', async () => {
    const core = await loadCore();
    const chanceIn = (html) => /<dt>Chance the profile is fake<\/dt><dd>([^<]*)<\/dd>/.exec(html)?.[1];
    const files = ['x/UserByScreenName_dealfinder4821.json'];
    const audit = JSON.parse(run(['audit', '--now', String(NOW), ...files]));
    const profile = JSON.parse(run(['score', '--now', String(NOW), ...files]).trim().split('\n')[0]);
    assert.ok(profile.p_fake > 0.999, `dealfinder4821's chance is above 99.9% (${profile.p_fake})`);
    assert.equal(chanceIn(core.reportHtml({ audit, profile, lang: 'en', now: NOW })), '&gt;99.9%');
    for (const [p, words] of [[1, '&gt;99.9%'], [0, '&lt;0.1%'], [0.0123, '1.2%'], [0.5, '50%'], [0.9876, '98.8%']]) {
      assert.equal(chanceIn(core.reportHtml({ audit, profile: { ...profile, p_fake: p }, lang: 'en', now: NOW })), words, String(p));
    }
  });

  it('counts the sample in the singular or the plural as the badge does, in every language', async () => {
    const core = await loadCore({ build: 'release' });
    const files = ['mastodon/page-followers-117764268986021026.json'];
    const audit = { ...JSON.parse(run(['audit', '--now', String(NOW), ...files])), sample_kind: 'followers' };
    const sampleIn = (html) => /<dd>([^<]*)<\/dd>/.exec(html.slice(html.indexOf('aria-labelledby="shares"')))?.[1];
    const locales = Object.fromEntries(LANGUAGES.map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(root, 'extension', '_locales', lang, 'messages.json'), 'utf8'))]));
    // French and Brazilian Portuguese say 0 and 1 in the singular, Japanese has one form (Intl.PluralRules).
    const singular = (lang, n) => n === 1 || (n === 0 && (lang === 'fr' || lang === 'pt_BR'));
    assert.equal(sampleIn(core.reportHtml({ audit: { ...audit, n: 1 }, profile: null, lang: 'en', now: NOW })), '1 recent follower');
    assert.equal(sampleIn(core.reportHtml({ audit: { ...audit, n: 1, sample_kind: 'profile' }, profile: null, lang: 'de', now: NOW })), '1 gesehenes Profil');
    for (const lang of LANGUAGES) {
      for (const n of [0, 1, 2, 69]) {
        const html = core.reportHtml({ audit: { ...audit, n }, profile: null, lang, now: NOW });
        const form = `sample_recent_${singular(lang, n) ? 'one' : 'other'}`;
        assert.equal(sampleIn(html), locales[lang][form]?.message.replace('{0}', String(n)), `${lang} ${n}`);
      }
    }
  });

  it('names the method the core names for its numbers, and none where the core names none; says what they are in its words', async () => {
    const core = await loadCore({ build: 'release' });
    const files = ['mastodon/page-followers-117764268986021026.json'];
    const audit = JSON.parse(run(['audit', '--now', String(NOW), ...files]));
    const RG = 'Rogan-Gladen corrected shares; Feldman-Cousins 90% intervals over sampling and the classifier\'s held-out error rates';
    const FLOOR = 'At-least bound: the fewest fakes the flagged count allows if every fake is flagged; Feldman-Cousins 90% interval over sampling and the held-out false-fake rate';
    const shares = { real: { share: 0.8, ci90: [0.7, 0.9] }, inactive: { share: 0.1, ci90: [0.05, 0.2] }, fake: { share: 0.1, ci90: [0.05, 0.2] }, method: RG };
    const bound = { real: { share: null, ci90: [0, 0.6] }, inactive: { share: null, ci90: [0, 0.1] }, fake: { share: null, ci90: [0.3, 1], at_least: true }, method: FLOOR };
    const none = { real: { share: null, ci90: [0, 1] }, inactive: { share: null, ci90: [0, 1] }, fake: { share: null, ci90: [0, 1] }, method: null };
    const locales = Object.fromEntries(LANGUAGES.map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(root, 'extension', '_locales', lang, 'messages.json'), 'utf8'))]));
    const html = (parts, lang) => core.reportHtml({ audit: { ...audit, ...parts }, profile: null, lang, now: NOW });
    const methodRow = (text, lang) => text.includes(`<dt>${locales[lang].report_method_core.message.replaceAll("'", '&#39;')}</dt>`);
    const escaped = (text) => text.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
    // The paragraph on the method, too: corrected shares with their intervals only where there are shares.
    assert.ok(html(shares, 'en').includes('The shares are corrected for the model&#39;s measured error rates'));
    assert.ok(!html(bound, 'en').includes('The shares are corrected'), 'a bound is not a corrected share');
    assert.ok(html(bound, 'en').includes('with the sensitivity taken as 1'));
    assert.ok(!html(none, 'en').includes('The shares are corrected'), 'no number is not a corrected share');
    for (const lang of LANGUAGES) {
      const paragraph = (key) => `<p>${escaped(locales[lang][key].message)}</p>`;
      assert.ok(html(shares, lang).includes(paragraph('report_method_text')), lang);
      assert.ok(html(bound, lang).includes(paragraph('report_method_text_floor')), lang);
      assert.ok(html(none, lang).includes(paragraph('report_method_text_none')), lang);
      assert.ok(html(shares, lang).includes(escaped(locales[lang].panel_method_rg.message)), `${lang}: the shares' method`);
      assert.ok(html(bound, lang).includes(escaped(locales[lang].panel_method_floor.message)), `${lang}: the bound's method`);
      assert.ok(!html(bound, lang).includes('Rogan-Gladen'), `${lang}: a bound is not corrected shares`);
      assert.ok(!html(none, lang).includes('Rogan-Gladen'), `${lang}: no number, no method`);
      assert.ok(methodRow(html(shares, lang), lang) && !methodRow(html(none, lang), lang), lang);
    }
    // The core's word is the one written: the report makes up no method from the shares or the bound it holds. A
    // method the extension has no words for stands as the core wrote it, with no paragraph that would guess at it.
    const newer = 'Some later method; its own 90% interval';
    for (const parts of [shares, bound, none]) {
      const later = html({ ...parts, method: newer }, 'de');
      assert.ok(later.includes(`<dd>${newer}</dd>`) && methodRow(later, 'de'));
      assert.ok(!['report_method_text', 'report_method_text_floor', 'report_method_text_none']
        .some((key) => later.includes(`<p>${escaped(locales.de[key].message)}</p>`)), 'no paragraph for a method not known here');
    }
    assert.ok(!methodRow(html({ ...bound, method: null }, 'en'), 'en') && html({ ...bound, method: null }, 'en').includes(escaped(locales.en.report_method_text_none.message)));
  });

  it('explains in the vetting list the methods of the numbers it shows, each once, and none for an audit without a number', async () => {
    const core = await loadCore({ build: 'release' });
    // A bound and no number as the core writes them for fixtures; no fixture gives shares with today's models, so
    // one of the bound's audits is given them with the method the core names for them (audit.c).
    const auditOf = (file) => JSON.parse(run(['audit', '--now', String(NOW), file]));
    const RG = 'Rogan-Gladen corrected shares; Feldman-Cousins 90% intervals over sampling and the classifier\'s held-out error rates';
    const kinds = {
      bound: auditOf('x/Followers_examplestudio.json'),
      none: auditOf('instagram/page-followers-39509297009.json'),
    };
    kinds.shares = { ...kinds.bound, real: { share: 0.8, ci90: [0.7, 0.9] }, inactive: { share: 0.1, ci90: [0.05, 0.2] },
      fake: { share: 0.1, ci90: [0.05, 0.2], at_least: false }, method: RG };
    assert.match(kinds.bound.method, /^At-least bound/);
    assert.equal(kinds.none.method, null);
    const locales = Object.fromEntries(LANGUAGES.map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(root, 'extension', '_locales', lang, 'messages.json'), 'utf8'))]));
    const PARAGRAPHS = { shares: 'report_method_text', bound: 'report_method_text_floor' };
    const escaped = (text) => text.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
    const methodPart = (html) => html.slice(html.indexOf('aria-labelledby="method"'));
    const times = (text, part) => text.split(part).length - 1;
    // The vetting list of audits of these kinds (or audits as given; null for a profile never audited).
    const list = (lang, names) => core.reportHtml({ accounts: names.map((name, i) => ({ label: `@a${i}`, audit: kinds[name] ?? name, profile: null })), lang, now: NOW });
    for (const lang of LANGUAGES) {
      const paragraph = (key) => `<p>${escaped(locales[lang][key].message)}</p>`;
      for (const names of [['bound'], ['none'], ['none', 'bound', 'none'], ['shares', 'none'], ['shares', 'bound', 'shares', 'bound', 'none'], ['bound', 'shares'], [null]]) {
        const said = methodPart(list(lang, names));
        for (const [kind, key] of Object.entries(PARAGRAPHS)) {
          assert.equal(times(said, paragraph(key)), names.includes(kind) ? 1 : 0, `${lang} ${names}: ${key}`);
        }
        assert.equal(times(said, paragraph('report_method_text_none')), 0, `${lang} ${names}: an audit without a number names no method`);
        assert.equal(times(said, '<p>'), new Set(names.filter((name) => name in PARAGRAPHS)).size, `${lang} ${names}: one paragraph per method`);
      }
    }
    // A method the extension has no words for stands once, as the core named it, beside the known ones' paragraphs.
    const newer = { ...kinds.shares, method: 'Some later method; its own 90% interval' };
    const said = methodPart(list('de', [newer, 'bound', newer]));
    assert.equal(times(said, `<dd>${newer.method}</dd>`), 1);
    assert.equal(times(said, '<p>'), 1, 'only the bound\'s paragraph');
  });

  it('gives the method the core names in the audit: none without a number, the bound\'s for a bound', async () => {
    const core = await loadCore({ build: 'release' });
    const audits = [['instagram/page-followers-39509297009.json', null], ['x/Followers_examplestudio.json', /^At-least bound/]];
    for (const [file, method] of audits) {
      const audit = JSON.parse(run(['audit', '--now', String(NOW), file]));
      assert.equal(audit.fake.share, null, file);
      assert.equal(audit.fake.at_least === true, method !== null, `${file}: a bound, or no number at all`);
      if (method) assert.match(audit.method, method, file);
      else assert.equal(audit.method, null, file);
      const wasm = core.audit(fs.readFileSync(path.join(fixtures, file), 'utf8'), { now: NOW }).audit;
      assert.equal(wasm.method, audit.method, `${file}: the WebAssembly core says the same`);
      const report = core.reportHtml({ audit, profile: null, lang: 'en', now: NOW });
      assert.equal(report.includes('<dt>Method, as the core names it</dt>'), method !== null, file);
    }
  });

  it('refuses a request without an audit', async () => {
    const core = await loadCore();
    assert.throws(() => core.reportHtml({ profile: null }), CoreError);
  });
});

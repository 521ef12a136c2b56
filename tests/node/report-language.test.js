// The HTML report in the user's language: every word comes from the extension's messages (the one place they are
// written), so a report in German holds no English sentence, heading or label where the German differs; the
// reasons read as the badge writes them (extension/common/view-model.js); numbers are written as Intl writes them there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadCore } from '../../js-glue/node.js';
import { CORE_KEYS } from '../../scripts/build/gen-words.mjs';
import { cli, extensionLocales, loadFaces, NOW, root, inLanguageOf } from './helpers.js';

const fixtures = path.join(root, 'tests', 'fixtures');
const locales = extensionLocales();
const LANGUAGES = Object.keys(locales).sort();
const OTHERS = LANGUAGES.filter((lang) => lang !== 'en');
const { i18n, faces } = loadFaces(locales);
const DEMO = {
  'x-examplestudio': ['x/UserByScreenName_examplestudio.json', 'x/Followers_examplestudio.json'],
  'x-dealfinder4821': ['x/UserByScreenName_dealfinder4821.json'],
  'instagram-examplestudio': ['instagram/page-profile-examplestudio.json', 'instagram/page-followers-39509297009.json'],
  'bluesky-examplestudio': ['bluesky/page-getProfile-examplestudio.bsky.social.json', 'bluesky/page-getFollowers-examplestudio.bsky.social.json'],
  'mastodon-followers': ['mastodon/page-followers-117764268986021026.json'],
};
const run = (args) => execFileSync(cli, args, { cwd: fixtures, encoding: 'utf8', maxBuffer: 64 << 20 });
const tag = (lang) => lang.replace('_', '-');

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (text) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
const INPUT_NAMES = Object.values(DEMO).flat();
// What a reader sees of the document: its text, without the command line and the file names it quotes.
const visibleText = (html) => INPUT_NAMES.reduce((text, name) => text.replaceAll(name, ' '),
  unescape(html.slice(html.indexOf('<body>')).replace(/<code[^>]*>[^<]*<\/code>/g, ' ').replace(/<[^>]+>/g, ' '))).replace(/\s+/g, ' ');
const reasonItems = (html) => [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => unescape(m[1]));
const inLanguage = (lang, fn) => inLanguageOf(i18n, lang, fn);
const badgeReasons = (lang, account) => inLanguage(lang, () => faces.panelModel({ platform: 'x', handle: 'a', state: 'ready', account }).account.reasons);

// The English pieces of a message between its placeholders that hold a word: "follows {0}; {1}" -> ["follows"].
const englishPieces = (key) => locales.en[key].message.split(/\{\d\}/).map((piece) => piece.trim()).filter((piece) => /\p{L}{2}/u.test(piece));
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const asWords = (piece) => new RegExp(`(?<!\\p{L})${escapeRegExp(piece)}(?!\\p{L})`, 'u');
const coreKeys = Object.keys(locales.en).filter((k) => CORE_KEYS.test(k));
// The English of every message the core's documents use, where lang says it differently: each piece of it that
// is not also said in lang's own messages ("in" is German too, "Engagement" French).
function englishLeftIn(text, lang) {
  const own = coreKeys.map((key) => locales[lang][key]?.message ?? '').join('\n');
  const found = [];
  for (const key of coreKeys) {
    if (locales[lang][key]?.message === locales.en[key].message) continue;
    for (const piece of englishPieces(key).filter((p) => !asWords(p).test(own))) {
      if (asWords(piece).test(text)) found.push(`${key}: "${piece}"`);
    }
  }
  return found;
}

describe('the HTML report in the user\'s language', () => {
  const reports = {};
  let core;
  before(async () => {
    core = await loadCore();
    for (const [name, files] of Object.entries(DEMO)) {
      const profile = run(['score', '--now', String(NOW), ...files]).trim().split('\n').filter(Boolean)
        .map((line) => JSON.parse(line)).find((account) => account.seen === 'profile') ?? null;
      reports[name] = { audit: JSON.parse(run(['audit', '--now', String(NOW), ...files])), profile, html: {} };
      for (const lang of LANGUAGES) reports[name].html[lang] = run(['report', '--now', String(NOW), '--lang', lang, ...files]);
    }
    const accounts = Object.values(reports).map(({ audit, profile }, i) => ({ label: `@demo${i} (x)`, audit, profile }));
    reports.list = { audit: null, profile: null, html: Object.fromEntries(LANGUAGES.map((lang) => [lang, core.reportHtml({ accounts, lang, now: NOW })])) };
  });

  it('finds the English it looks for in an English report (the check can fail)', () => {
    const found = englishLeftIn(visibleText(reports['x-examplestudio'].html.en), 'de');
    assert.ok(found.length > 25, `English found in the English report: ${found.length}`);
    assert.ok(found.some((f) => f.startsWith('reason_')), 'an English reason among them');
  });

  it('leaves no English heading, label, sentence or reason in a report in another language', () => {
    for (const [name, { audit, profile, html }] of Object.entries(reports)) {
      for (const lang of OTHERS) {
        const text = visibleText(html[lang]);
        assert.deepEqual(englishLeftIn(text, lang), [], `${name} in ${lang}`);
        // The core's own English: its sample and method names, the English text of each reason.
        for (const english of [audit?.sample, audit?.method, ...(profile?.reasons ?? []).map((r) => r.text)].filter(Boolean)) {
          assert.equal(text.includes(english), false, `${name} in ${lang}: "${english}"`);
        }
      }
    }
  });

  it('says each reason of the demo profiles as the badge says it, in every language', () => {
    let compared = 0;
    for (const [name, { profile, html }] of Object.entries(reports)) {
      if (!profile?.reasons?.length) continue;
      for (const lang of LANGUAGES) {
        assert.deepEqual(reasonItems(html[lang]), badgeReasons(lang, profile), `${name} in ${lang}`);
        compared += profile.reasons.length;
      }
    }
    assert.ok(compared >= 6 * LANGUAGES.length, `reasons compared: ${compared}`);
  });

  it('says every kind of reason, with counts, ages, rates and shares, as the badge does in every language', () => {
    // Every reason key the messages have, with numbers that reach every plural form and grouping.
    const keys = Object.keys(locales.en).filter((k) => /^reason_(?!n_)/.test(k)).map((k) => k.slice('reason_'.length));
    const VALUES = [1, 0, 2, 4900, 12345, 1.5, 0.0123, 695695, 37, 1000000];
    const UNITS = ['days', 'months', 'years'];
    const reasons = [];
    keys.forEach((key, k) => {
      const n = (locales.en[`reason_${key}`].message.match(/\{\d\}/g) ?? []).length;
      for (let variant = 0; variant < (n ? VALUES.length : 1); variant++) {
        const args = Array.from({ length: n }, (_, i) => VALUES[(variant + i * 3) % VALUES.length]);
        reasons.push({ text: `English ${key}`, key, args, unit: UNITS[(k + variant) % UNITS.length] });
      }
    });
    const profile = { platform: 'x', handle: 'a', verdict: 'fake', p_fake: 0.9, reasons };
    assert.ok(reasons.length > 100, `reasons: ${reasons.length}`);
    for (const lang of LANGUAGES) {
      const html = core.reportHtml({ audit: {}, profile, inputs: [], lang, now: NOW });
      const said = reasonItems(html);
      const expected = badgeReasons(lang, profile);
      assert.equal(said.length, expected.length, lang);
      said.forEach((words, i) => assert.equal(words, expected[i], `${lang}: ${reasons[i].key} ${JSON.stringify(reasons[i].args)} ${reasons[i].unit}`));
    }
  });

  it('writes a profile\'s chance of being fake as the badge does, in every language', () => {
    // report_html.c chance_text and view-model.js chance each write it: one decimal below 10% and above 90%, and
    // never a certainty. The values straddle each edge and each rounding step.
    const CHANCES = [0, 1e-6, 0.0004, 0.00095, 0.001, 0.00104, 0.00105, 0.0015, 0.05, 0.09949, 0.0995, 0.09951, 0.1, 0.105,
      0.125, 0.5, 0.615, 0.625, 0.895, 0.9, 0.9005, 0.95, 0.995, 0.9985, 0.99899, 0.999, 0.99901, 0.9995, 0.999999, 1];
    const label = (lang) => locales[lang].report_profile_fake.message.replaceAll("'", '&#39;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const lang of LANGUAGES) {
      for (const p of CHANCES) {
        const account = { platform: 'x', seen: 'profile', handle: 'a', verdict: 'real', p_fake: p, reasons: [] };
        const html = core.reportHtml({ audit: {}, profile: account, inputs: [], lang, now: NOW });
        const written = unescape(new RegExp(`<dt>${label(lang)}</dt><dd>([^<]*)</dd>`).exec(html)[1]);
        const badge = inLanguage(lang, () => faces.panelModel({ platform: 'x', handle: 'a', state: 'ready', account }).account.verdict);
        const same = inLanguage(lang, () => i18n.t('panel_account_verdict', '✓', i18n.t('verdict_real'), written));
        assert.equal(badge, same, `${lang} ${p}: the report writes ${written}`);
      }
    }
  });

  it('says from which chance an uncertain profile would read "likely fake" as the panel does, in every language', () => {
    // report_html.c cut_words and view-model.js cutWords: on a labelled platform the cut, on another the higher cut
    // there and the labelled platforms' own; every cut written exactly (99.94%, never >99.9%).
    const onX = { platform: 'x', seen: 'profile', handle: 'a', verdict: 'uncertain', p_fake: 0.62, fake_from: 0.992,
      fake_from_labelled: 0.992, labelled_platform: true, reasons: [] };
    const onBluesky = { ...onX, platform: 'bluesky', p_fake: 0.993, fake_from: 0.9994, labelled_platform: false };
    const profiles = [onX, onBluesky, ...[0.9, 0.95, 0.123456, 0.99999, 0.5005].map((cut) => ({ ...onX, fake_from: cut, fake_from_labelled: cut })),
      { ...onBluesky, fake_from: 0.99995, fake_from_labelled: 0.35 }, { ...onBluesky, fake_from: 0.999, fake_from_labelled: 0.999 }];
    const cutOf = (html) => {
      const m = /<p class="note">([^<]*)<\/p><\/dd>/.exec(html);
      return m ? unescape(m[1]) : null;
    };
    let compared = 0;
    for (const lang of LANGUAGES) {
      for (const profile of profiles) {
        const written = cutOf(core.reportHtml({ audit: {}, profile, inputs: [], lang, now: NOW }));
        const panel = inLanguage(lang, () => faces.panelModel({ platform: profile.platform, handle: 'a', state: 'ready', account: profile }).account.cut);
        assert.ok(panel, `${lang}: the panel says it`);
        assert.equal(written, panel, `${lang} ${JSON.stringify(profile)}`);
        compared++;
      }
      // Not uncertain, or a report without the cut: nothing said.
      for (const profile of [{ ...onBluesky, verdict: 'fake', p_fake: 0.9996 }, { ...onX, fake_from: undefined }]) {
        assert.equal(cutOf(core.reportHtml({ audit: {}, profile, inputs: [], lang, now: NOW })), null, lang);
      }
    }
    assert.equal(compared, LANGUAGES.length * profiles.length);
  });

  it('writes each share, its interval and a bound as the badge\'s panel does, in every language, in both reports', () => {
    // report_html.c percent_text and view-model.js percent each write a share: whole percents, one decimal below
    // 10% and above 90%, <0.1% and >99.9% where a false 0% or 100% would show, an exact 0 or 1 as 0% or 100%.
    // The values straddle each edge; then every value halfway between two written ones (x.5% and x.x5%), where
    // the rounding of the two could part.
    const EDGES = [0, 1e-6, 0.0004, 0.00095, 0.000999, 0.001, 0.00104, 0.00105, 0.0015, 0.05, 0.09949, 0.0995, 0.09951,
      0.09999, 0.1, 0.100001, 0.105, 0.125, 0.145, 0.285, 0.5, 0.615, 0.625, 0.895, 0.8999, 0.9, 0.900001, 0.9005, 0.95,
      0.995, 0.9985, 0.99899, 0.999, 0.99901, 0.9995, 0.999999, 1];
    const HALFWAY = [...Array.from({ length: 100 }, (_, k) => (k + 0.5) / 100), ...Array.from({ length: 1000 }, (_, k) => (k + 0.5) / 1000)];
    const VALUES = [...EDGES, ...HALFWAY];
    const at = (i) => VALUES[i % VALUES.length];
    // Each value is a share, the low end and the high end of an interval (they need not hold the share for the
    // words), the fewest fakes of a bound and the most of the others.
    const audits = [];
    for (let i = 0; i < VALUES.length; i += 3) {
      const part = (j) => ({ share: at(i + j), ci90: [at(i + j + 1), at(i + j + 2)] });
      audits.push({ n: 100, too_few: false, real: part(0), inactive: part(1), fake: { ...part(2), at_least: false } });
      audits.push({ n: 100, too_few: false, real: { share: null, ci90: [0, at(i)] }, inactive: { share: null, ci90: [0, at(i + 1)] },
        fake: { share: null, ci90: [at(i + 2), 1], at_least: true } });
    }
    const PARTS = ['real', 'inactive', 'fake'];
    const cellsOf = (html) => PARTS.map((part) => unescape(new RegExp(`data-share="${part}" data-value="[^"]*">(.*?)</td>`).exec(html)[1]));
    const panelRows = (lang, audit) => inLanguage(lang, () => faces.panelModel({ platform: 'x', handle: 'a', state: 'ready', audit }).audience.rows.map((row) => row.text));
    // The report's words for a share, put in the panel's message: a share with its interval, or the bound as is.
    const asPanel = (lang, share, interval) => inLanguage(lang, () => i18n.t('panel_row_value', share, interval));
    let compared = 0;
    for (const lang of LANGUAGES) {
      const within = `(${locales[lang].report_interval.message} `;
      const list = core.reportHtml({ accounts: audits.map((audit, i) => ({ label: `@a${i}`, audit, profile: null })), lang, now: NOW });
      const listRows = [...list.matchAll(/<tr><th scope="row">[^<]*<\/th>(.*?)<\/tr>/g)].map((m) => m[1]);
      assert.equal(listRows.length, audits.length, lang);
      audits.forEach((audit, a) => {
        const expected = panelRows(lang, audit);
        const single = cellsOf(core.reportHtml({ audit, profile: null, inputs: [], lang, now: NOW }));
        const listed = cellsOf(listRows[a]);
        PARTS.forEach((part, p) => {
          const what = `${lang} ${part} ${JSON.stringify(audit[part])}`;
          if (audit.fake.at_least) {
            assert.equal(single[p], expected[p], `${what}: the report writes ${single[p]}`);
            assert.equal(listed[p], expected[p], `${what}: the list writes ${listed[p]}`);
          } else {
            const [value, interval] = single[p].split(' <span class="ci-text">');
            assert.ok(interval.startsWith(within) && interval.endsWith(')</span>'), what);
            const said = asPanel(lang, value, interval.slice(within.length, -')</span>'.length));
            assert.equal(said, expected[p], `${what}: the report writes ${value} ${interval}`);
            const [listValue, listInterval] = listed[p].replace(/^<div class="track small".*?<\/div><\/div>/, '').split('<br><span class="ci-text">');
            const listSaid = asPanel(lang, listValue, listInterval.slice(0, -'</span>'.length));
            assert.equal(listSaid, expected[p], `${what}: the list writes ${listValue} ${listInterval}`);
          }
          compared++;
        });
      });
    }
    assert.ok(compared >= 6 * VALUES.length * 2, `shares compared: ${compared}`);
  });

  it('writes counts and shares as Intl writes them in the language', () => {
    // No demo audit has a reach or shares with today's models (a bound, or no number), so the x demo's audit is
    // given them, as the core writes them where it has them.
    const { audit: demo } = reports['x-examplestudio'];
    const audit = { ...demo, reach: { value: 695695, ci90: [12345, 1234567], followers: 4900 },
      real: { share: 0.375855, ci90: [0.3, 0.45] }, inactive: { share: 0.04, ci90: [0.01, 0.1] }, fake: { share: 0.584145, ci90: [0.5, 0.65], at_least: false } };
    const shares = [0.375855, 0.0123, 0.95, 0.145, 0.0995];
    for (const lang of LANGUAGES) {
      const html = core.reportHtml({ audit, profile: null, inputs: [], lang, now: NOW });
      const reach = new RegExp('data-reach="\\d+">([^<]+)<').exec(html)[1];
      assert.equal(reach, new Intl.NumberFormat(tag(lang)).format(audit.reach.value), `${lang} reach`);
      for (const share of shares) {
        const shown = new RegExp('data-share="real" data-value="[^"]+">([^ <]+(?:\u00a0%)?)')
          .exec(core.reportHtml({ audit: { ...audit, real: { share, ci90: [0, 1] } }, profile: null, inputs: [], lang, now: NOW }))[1];
        const digits = share < 0.1 || share > 0.9 ? 1 : 0;
        const expected = new Intl.NumberFormat(tag(lang), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
        assert.equal(shown, expected, `${lang} ${share}`);
      }
    }
  });

  it('names the language it is written in, and falls back to English for one it does not know', () => {
    const files = DEMO['x-examplestudio'];
    for (const lang of LANGUAGES) assert.match(reports['x-examplestudio'].html[lang], new RegExp(`<html lang="${tag(lang)}">`));
    assert.equal(run(['report', '--now', String(NOW), '--lang', 'pt-BR', ...files]).replace('--lang pt-BR', '--lang pt_BR'), reports['x-examplestudio'].html.pt_BR);
    assert.equal(run(['report', '--now', String(NOW), '--lang', 'de-AT', ...files]).replace('--lang de-AT', '--lang de'), reports['x-examplestudio'].html.de);
    assert.equal(run(['report', '--now', String(NOW), '--lang', 'xx', ...files]).replace('--lang xx', '--lang en'), reports['x-examplestudio'].html.en);
  });
});

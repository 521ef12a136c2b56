// Messages that count something read right for one as for many: each comes as a family of plural forms
// (<key>_one, <key>_other, picked by i18n.pluralKey), complete in every language, with a singular that is not
// the plural; and no message the extension fills with a bare count next to a word is left without its forms.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { extensionFiles, extensionLocales, loadFaces, root, inLanguageOf } from './helpers.js';

const locales = extensionLocales();
const english = locales.en;
const { i18n } = loadFaces(locales);

// The families of counted messages: the ones that once read "1 followers" and those written as families from the start.
const REQUIRED = ['audit_done', 'audit_stopped', 'audit_end', 'audit_refused_signin', 'audit_refused_status', 'audit_refused_network',
  'badge_flagged_fake', 'badge_flagged_inactive', 'panel_reach', 'chart_run', 'panel_factory_run'];
const families = () => [...new Set([...REQUIRED, ...Object.keys(english).filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -4))])].sort();

// Messages whose counts need no forms: each count stands after a label or as a range's end, before no word it governs.
const COUNTS_WITHOUT_FORMS = new Set([
  'panel_engagers_kinds', // "Accounts: 3 liked, 1 reposted, 0 commented."
  'audit_progress', // "Followers read: 12 of 300"
  'opt_sample_hint', // "50 to 1,000; 300 by default."
]);

const inLanguage = (lang, fn) => inLanguageOf(i18n, lang, fn);
// A family's form for the count n, every placeholder filled with the same text, so only the words can differ.
const form = (family, n) => i18n.t(i18n.pluralKey(family, n), 'N', 'N', 'N', 'N', 'N', 'N');

describe('counted messages', () => {
  it('read differently for one and for two in English', () => {
    for (const family of families()) {
      assert.ok(english[`${family}_other`], `${family}_other exists`);
      assert.notEqual(form(family, 1), form(family, 2), `${family}: the singular is not the plural`);
      assert.equal(i18n.pluralKey(family, 1), `${family}_one`);
      assert.equal(i18n.pluralKey(family, 2), `${family}_other`);
    }
  });

  it('are whole families in every language, each _one with its _other', () => {
    for (const [lang, messages] of Object.entries(locales)) {
      for (const key of Object.keys(messages).filter((k) => k.endsWith('_one'))) {
        assert.ok(messages[`${key.slice(0, -4)}_other`], `${lang}: ${key} has its _other`);
      }
      for (const family of families()) {
        assert.ok(messages[`${family}_one`] && messages[`${family}_other`], `${lang}: ${family}_one and ${family}_other`);
      }
    }
  });

  it('take the form each language gives a count', () => {
    // French and Portuguese say 0 and 1.5 in the singular; Japanese has one form, so pluralKey always gives _other there.
    const picks = (lang) => inLanguage(lang, () => [0, 1, 1.5, 2].map((n) => i18n.pluralKey('audit_done', n).replace('audit_done_', '')));
    assert.deepEqual(picks('en'), ['other', 'one', 'other', 'other']);
    assert.deepEqual(picks('fr'), ['one', 'one', 'one', 'other']);
    assert.deepEqual(picks('pt_BR'), ['one', 'one', 'one', 'other']);
    assert.deepEqual(picks('ja'), ['other', 'other', 'other', 'other']);
    assert.equal(inLanguage('es', () => form('audit_done', 1)), 'Listo: N seguidor leído.');
    assert.equal(inLanguage('fr', () => form('audit_end', 0)), 'La liste s’est terminée après N abonné.');
    assert.equal(inLanguage('de', () => form('audit_stopped', 2)), 'Bei N Followern angehalten. Jederzeit fortsetzbar.');
  });

  it('leave no bare count before a word in a message the extension fills directly', () => {
    // t('key', ..., number(n) or count(n), ...): the English message's placeholder for that count followed by a word.
    const bare = [];
    for (const file of extensionFiles('.js')) {
      const source = fs.readFileSync(path.join(root, 'extension', file), 'utf8');
      for (const call of source.matchAll(/\bt\('([a-z_]+)', ([^;\n]*)/g)) {
        const [, key, rest] = call;
        const args = rest.split(/,\s*(?![^()]*\))/); // top-level arguments, near enough for these calls
        args.forEach((arg, i) => {
          const counted = /\b(?:number|count)\(/.test(arg);
          if (counted && new RegExp(`\\{${i}\\} [A-Za-z]{2,}`).test(english[key]?.message ?? '') && !COUNTS_WITHOUT_FORMS.has(key)) bare.push(`${file}: ${key} {${i}}`);
        });
      }
    }
    assert.deepEqual(bare, [], 'counts that need a family of plural forms');
  });
});

// The translations of the badge, the panel and the options page (extension part 1): every key the code asks
// for exists in every language with the same placeholders, plurals come in complete sets, the other languages
// are translations rather than copies of the English, and no user-visible English is left in the code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const extension = path.join(root, 'extension');
const dir = path.join(extension, '_locales');
const LANGUAGES = ['en', 'de', 'es', 'fr', 'pt_BR', 'ja'];
const messages = Object.fromEntries(LANGUAGES.map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(dir, lang, 'messages.json'), 'utf8'))]));
const english = messages.en;
const read = (file) => fs.readFileSync(path.join(extension, file), 'utf8');
const PART1 = ['faces.js', 'panel.js', 'badge.js', 'content.js', 'options.js'];
// Part 1's own keys: the prefixes of its messages (reason_: the core's reasons, written by faces.js).
const PART1_KEY = /^(?:badge_|panel_|sample_|count_|reason_|range$|opt_(?:page_title|stored|counting|stays|delete_all|store_|deleted|not_deleted|instance|allow|remove|not_instance|not_allowed))/;
// Translations that are the same word in English, and rightly so.
const SAME_AS_ENGLISH = new Set(['es:badge_error', 'fr:panel_engagement_title', 'de:range', 'es:range', 'fr:range', 'pt_BR:range']);
// A message of placeholders alone ("{0}": a counted phrase said as it is) reads the same in every language.
const onlyPlaceholders = (text) => /^(?:\{\d\}\s*)+$/.test(text);
const placeholders = (text) => [...text.matchAll(/\{\d\}/g)].map((m) => m[0]).sort().join();
const withoutComments = (source) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(?:^|\s)\/\/ .*$/gm, '');

// The message keys part 1's code asks for: t('key'), t(`prefix_${...}`) families, pluralKey('key', n), data-i18n="key".
function keysAsked() {
  const keys = new Set();
  for (const file of PART1) {
    const source = withoutComments(read(file));
    for (const m of source.matchAll(/\bt\('([a-z_A-Z0-9]+)'/g)) keys.add(m[1]);
    for (const m of source.matchAll(/pluralKey\('([a-z_]+)'/g)) keys.add(`${m[1]}_other`);
    for (const m of source.matchAll(/'(badge_[a-z_]+|panel_[a-z_]+|sample_[a-z]+)'/g)) keys.add(english[`${m[1]}_other`] ? `${m[1]}_other` : m[1]);
  }
  for (const m of read('options.html').matchAll(/data-i18n="([a-z_]+)"/g)) keys.add(m[1]);
  return keys;
}

describe('part 1 translations', () => {
  it('have every key the badge, the panel and the options page ask for', () => {
    const asked = keysAsked();
    assert.ok(asked.size > 60, `found the keys in the code (${asked.size})`);
    for (const family of ['panel_real', 'panel_inactive', 'panel_fake', 'verdict_real', 'verdict_inactive', 'verdict_fake', 'verdict_uncertain']) asked.add(family);
    for (const key of asked) {
      for (const lang of LANGUAGES) assert.ok(messages[lang][key], `${lang} has ${key}`);
    }
  });

  it('keep the English placeholders in every language', () => {
    for (const lang of LANGUAGES) {
      assert.deepEqual(Object.keys(messages[lang]).sort(), Object.keys(english).sort(), `${lang}: the same keys as English`);
      for (const [key, { message }] of Object.entries(english)) {
        assert.equal(placeholders(messages[lang][key].message), placeholders(message), `${lang} ${key}`);
      }
    }
  });

  it('give every plural its "other" form, the fallback of every language', () => {
    for (const key of Object.keys(english).filter((k) => /_one$/.test(k))) {
      assert.ok(english[key.replace(/_[a-z]+$/, '_other')], `${key} has an _other form`);
    }
  });

  it('are translations, not copies of the English', () => {
    const part1 = Object.keys(english).filter((k) => PART1_KEY.test(k));
    assert.ok(part1.length > 70, `part 1 has its keys (${part1.length})`);
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const copies = part1.filter((k) => messages[lang][k].message === english[k].message && !SAME_AS_ENGLISH.has(`${lang}:${k}`)
        && !onlyPlaceholders(english[k].message));
      assert.deepEqual(copies, [], `${lang}: messages left in English`);
    }
  });

  it('leave no user-visible English in the badge, the panel or the options page', () => {
    // String literals of three or more words, outside comments and console messages.
    for (const file of ['faces.js', 'panel.js', 'badge.js']) {
      const source = withoutComments(read(file)).split('\n').filter((line) => !/console\.|new Error\(/.test(line)).join('\n');
      const english3 = [...source.matchAll(/(['`])([A-Za-z]+ [a-z]+ [a-z]+[^'`]*)\1/g)].map((m) => m[2]);
      assert.deepEqual(english3, [], `${file}: words outside _locales`);
    }
    const body = read('options.html').replace(/<!--[\s\S]*?-->/g, '').split('<body>')[1];
    const texts = [...body.matchAll(/>([^<>]*[A-Za-z][^<>]*)</g)].map((m) => m[1].trim()).filter((text) => text && text !== 'truefollow');
    assert.deepEqual(texts, [], 'options.html: every text comes from data-i18n');
  });
});

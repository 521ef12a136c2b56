// Property test of the count parser: random counts formatted by Intl.NumberFormat (compact short, compact
// long and standard) in every locale the parser supports must parse back, in both wasm builds: exactly
// for the standard form, within the compact form's rounding (two significant digits: under 5%) otherwise.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../../js-glue/node.js';
import { COUNT_LOCALES, MAX_COUNT } from '../../scripts/build/gen-count-units.mjs';
import { seededRandom } from '../../scripts/lib/seeded-random.mjs'; // seeded, so a failure can be reproduced

const NUMBERS_PER_LOCALE = 150;
// Locales written with other digits than their default, as some pages choose.
const EXTRA_LOCALES = ['ar-u-nu-arab', 'hi-u-nu-deva', 'th-u-nu-thai'];
const LOCALES = [...COUNT_LOCALES, ...EXTRA_LOCALES];

// Counts spread evenly over orders of magnitude, 0 to MAX_COUNT, with the round numbers pages often show.
function randomCounts(random, n) {
  const counts = [0, 1, 999, 1000, 1049, 9999, 10000, 99999, 100000, 999999, 1000000, 1234567, 99999999];
  while (counts.length < n) counts.push(Math.floor(10 ** (random() * Math.log10(MAX_COUNT))));
  return counts;
}

for (const build of ['release', 'debug']) {
  test(`Intl's formats of random counts parse back in ${LOCALES.length} locales (${build} wasm)`, async () => {
    const core = await loadCore({ build });
    const random = seededRandom(20260101);
    let checked = 0;
    const failures = [];
    for (const locale of LOCALES) {
      const formats = {
        standard: new Intl.NumberFormat(locale),
        compact: new Intl.NumberFormat(locale, { notation: 'compact' }),
        long: new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long' }),
      };
      for (const n of randomCounts(random, NUMBERS_PER_LOCALE)) {
        for (const [style, format] of Object.entries(formats)) {
          const text = format.format(n);
          let parsed;
          try {
            parsed = core.count(text, locale);
          } catch (error) {
            failures.push(`${locale} ${style} ${n} "${text}": ${error.message}`);
            continue;
          }
          const ok = style === 'standard' ? parsed === n : Math.abs(parsed - n) <= 0.05 * n;
          if (!ok) failures.push(`${locale} ${style} ${n} "${text}" -> ${parsed}`);
          checked++;
        }
      }
    }
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
    assert.equal(checked, LOCALES.length * NUMBERS_PER_LOCALE * 3);
  });
}

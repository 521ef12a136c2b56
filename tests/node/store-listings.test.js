// The store listings in store/: every language of the extension has every field the Chrome Web Store and
// addons.mozilla.org ask for, within their length limits, agreeing with the manifest, with its five screenshots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pngSize } from '../../scripts/lib/png.mjs';
import { extensionLocales, root } from './helpers.js';

// Characters as the stores count them: code points.
const length = (text) => [...text].length;

// The stores' limits, each with where it is written.
const LIMITS = {
  // developer.chrome.com/docs/extensions/reference/manifest/name: "maximum of 75 characters"; the store shows the
  // manifest's name. MDN's manifest.json/name page gives the same 75 for the Chrome Web Store.
  chromeName: 75,
  // developer.chrome.com/docs/extensions/reference/manifest/description: "no more than 132 characters"; the
  // store's summary is the manifest's description.
  chromeSummary: 132,
  // MDN, manifest.json/name: "addons.mozilla.org accepts a maximum of 50 characters"; addons-server's devhub
  // AddonFormBasic: name = TransField(max_length=50).
  amoName: 50,
  // addons-server's devhub AddonFormBasic: summary = TransField(widget=TransTextarea, max_length=250).
  amoSummary: 250,
  // addons-server's newer describe forms (CombinedNameSummaryCleanMixin, MAX_LENGTH = 70): name and summary
  // together at most 70 characters, where that form is switched on. The listings keep to it everywhere.
  amoNameAndSummary: 70,
  // addons-server's DescribeForm: description min_length=10 (for listed extensions).
  amoDescriptionMin: 10,
};
// No published upper limit was found for these; ours, so that each reads on one screen of the dashboards.
const OWN_CAPS = { description: 4000, justification: 1000, reviewerNotes: 2000, caption: 200 };

const listing = JSON.parse(fs.readFileSync(path.join(root, 'store', 'listing.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
const locales = extensionLocales();
const texts = Object.fromEntries(listing.languages.map((lang) =>
  [lang, JSON.parse(fs.readFileSync(path.join(root, 'store', `${lang}.json`), 'utf8'))]));

function filled(text, what, max, min = 1) {
  assert.equal(typeof text, 'string', `${what} is text`);
  assert.equal(text, text.trim(), `${what} has no leading or trailing space`);
  assert.ok(length(text) >= min, `${what} has at least ${min} characters`);
  assert.ok(length(text) <= max, `${what} has ${length(text)} characters, over ${max}`);
}

describe('store listings', () => {
  it('cover exactly the extension\'s languages', () => {
    assert.deepEqual([...listing.languages].sort(), Object.keys(locales).sort());
  });

  for (const lang of listing.languages) {
    describe(lang, () => {
      const t = texts[lang];

      it('has the Chrome Web Store\'s name, summary, description and single purpose, within its limits', () => {
        filled(t.chrome.name, 'chrome.name', LIMITS.chromeName);
        filled(t.chrome.summary, 'chrome.summary', LIMITS.chromeSummary);
        filled(t.chrome.description, 'chrome.description', OWN_CAPS.description);
        filled(t.chrome.single_purpose, 'chrome.single_purpose', OWN_CAPS.justification);
        // The store takes the name and summary from the manifest, in this language.
        assert.equal(t.chrome.name, locales[lang].ext_name.message);
        assert.equal(t.chrome.summary, locales[lang].ext_description.message);
        assert.doesNotMatch(t.chrome.description, /<[a-z/]/i, 'plain text: the store shows no HTML');
      });

      it('has addons.mozilla.org\'s name, summary, description and reviewer notes, within its limits', () => {
        filled(t.amo.name, 'amo.name', LIMITS.amoName);
        filled(t.amo.summary, 'amo.summary', LIMITS.amoSummary);
        assert.ok(length(t.amo.name) + length(t.amo.summary) <= LIMITS.amoNameAndSummary,
          `name and summary together ${length(t.amo.name) + length(t.amo.summary)} characters`);
        filled(t.amo.description, 'amo.description', OWN_CAPS.description, LIMITS.amoDescriptionMin);
        filled(t.amo.reviewer_notes, 'amo.reviewer_notes', OWN_CAPS.reviewerNotes);
        assert.match(t.amo.reviewer_notes, /make release/, 'reviewers are told how to rebuild the archive');
      });

      it('says "not enough data" in the words the badge uses', () => {
        for (const store of ['chrome', 'amo']) {
          assert.ok(t[store].description.includes(locales[lang].badge_no_data.message), `${store}.description quotes the badge`);
        }
      });

      it('justifies every permission the manifest asks for, and nothing more', () => {
        const p = t.permissions;
        for (const name of manifest.permissions) filled(p[name], `permissions.${name}`, OWN_CAPS.justification);
        assert.deepEqual(Object.keys(p).sort(),
          [...manifest.permissions, 'host_permissions', 'optional_host_permissions', 'remote_code'].sort());
        assert.deepEqual(Object.keys(p.host_permissions), manifest.host_permissions);
        assert.deepEqual(Object.keys(p.optional_host_permissions), manifest.optional_host_permissions);
        for (const [host, text] of Object.entries({ ...p.host_permissions, ...p.optional_host_permissions })) {
          filled(text, `permissions for ${host}`, OWN_CAPS.justification);
        }
        filled(p.remote_code, 'permissions.remote_code', OWN_CAPS.justification);
      });

      it('answers the privacy questions', () => {
        for (const key of ['data_collected', 'data_use_certifications', 'privacy_policy']) {
          filled(t.privacy[key], `privacy.${key}`, OWN_CAPS.justification);
        }
      });

      it('captions five screenshots, each 1280 x 800 px and taken in this language', () => {
        assert.equal(listing.screenshots.length, 5);
        listing.screenshots.forEach(({ name }, i) => {
          filled(t.screenshots[name], `screenshots.${name}`, OWN_CAPS.caption);
          const file = path.join(root, 'store', 'screenshots', lang, `${i + 1}-${name}.png`);
          assert.ok(fs.existsSync(file), `${path.relative(root, file)} (node scripts/store-screenshots.mjs ${lang})`);
          // developer.chrome.com/docs/webstore/images: screenshots 1280x800 or 640x400; AMO takes the same.
          assert.deepEqual(pngSize(fs.readFileSync(file)), { width: 1280, height: 800 }, path.relative(root, file));
        });
        assert.deepEqual(Object.keys(t.screenshots).sort(), listing.screenshots.map((s) => s.name).sort());
      });
    });
  }

  it('points the privacy answers at the end-to-end test that records every request, run in both browsers', () => {
    const { file, test, run_by: runBy } = listing.privacy_evidence;
    assert.ok(fs.readFileSync(path.join(root, file), 'utf8').includes(`it('${test}'`), `${file} has the test "${test}"`);
    for (const runner of runBy) {
      assert.match(fs.readFileSync(path.join(root, runner), 'utf8'), new RegExp(`from '\\./lib/${path.basename(file)}'`), `${runner} runs ${file}`);
    }
  });

  it('matches the Firefox manifest\'s declaration that no data is collected', () => {
    const overlay = JSON.parse(fs.readFileSync(path.join(root, listing.amo_data_collection.file), 'utf8'));
    assert.deepEqual(overlay.browser_specific_settings.gecko.data_collection_permissions.required, listing.amo_data_collection.required);
    assert.deepEqual(listing.amo_data_collection.required, ['none']);
  });
});

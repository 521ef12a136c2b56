#!/usr/bin/env node
// The store listings' five screenshots, 1280 x 800 px (the Chrome Web Store's size; addons.mozilla.org takes the
// same), in every language of the extension: Chromium with the Chromium test build (as `make demo` runs it, the
// demo's Mastodon instance granted) on the bundled demo pages, the extension's language set on its options page.
// Writes store/screenshots/<lang>/<n>-<name>.png; store/listing.json names them, store/<lang>.json captions them.
//   node scripts/docs/store-screenshots.mjs [LANG...]        (after make extension-test-builds; all languages by default)
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../../tests/e2e/lib/browsers.js';
import { root } from '../../tests/e2e/lib/fixture-sites.js';

export const SCREENSHOT_SIZE = { width: 1280, height: 800 };
const listing = JSON.parse(fs.readFileSync(path.join(root, 'store', 'listing.json'), 'utf8'));
const languages = process.argv.slice(2).length ? process.argv.slice(2) : listing.languages;

// Runs in a page: the badge has left the reading state.
const settled = () => /^(ready|no-data)$/.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') ?? '');

async function profilePage(browser, url, { panel = false } = {}) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitFor(settled);
  if (panel) {
    await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
    await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
  } else {
    await page.evaluate(() => document.querySelector('[data-truefollow-badge]').focus()); // the tooltip shows on focus
    await page.waitFor(() => document.querySelector('[data-truefollow-badge]').shadowRoot.querySelector('.tip')?.getBoundingClientRect().width > 0);
  }
  return page;
}

// The toolbar popup, opened as a page of the extension: `ready` once it has drawn its three parts.
async function popupPage(browser) {
  const page = await browser.openOptions();
  await page.evaluate(() => { location.href = location.href.replace('options.html', 'popup.html'); });
  await page.waitFor(() => document.body?.dataset.ready === 'true');
  return page;
}

// Each screenshot: how to show it, given the browser. The pages are closed by the caller.
const SHOTS = {
  'x-followers-panel': (browser) => profilePage(browser, 'https://x.com/examplestudio/followers', { panel: true }),
  'x-profile-badge': (browser) => profilePage(browser, 'https://x.com/examplestudio'),
  'mastodon-followers-badge': (browser) => profilePage(browser, 'https://mastodon.example/@examplestudio/followers'),
  'vetting-list': async (browser) => {
    // Five different profiles (a followers page names its profile), so each one adds a row.
    for (const url of ['https://x.com/examplestudio/followers', 'https://x.com/dealfinder4821', 'https://www.instagram.com/examplestudio/',
      'https://mastodon.example/@examplestudio/followers', 'https://bsky.app/profile/examplestudio.bsky.social']) {
      const tab = await profilePage(browser, url);
      const popup = await popupPage(browser);
      const rows = await popup.evaluate(() => document.querySelectorAll('#vetting tbody tr').length);
      await popup.evaluate(() => document.getElementById('add-vetting').click());
      await popup.waitFor((n) => document.querySelectorAll('#vetting tbody tr').length > n, rows);
      await popup.close();
      await tab.close();
    }
    return popupPage(browser);
  },
  'options': async (browser) => {
    const page = await browser.openOptions();
    await page.waitFor(() => document.getElementById('stored-counts')?.textContent.trim().length > 0);
    return page;
  },
};

async function setLanguage(browser, language) {
  const page = await browser.openOptions();
  await page.evaluate(async (lang) => {
    const api = globalThis.truefollowApi;
    const { settings } = await api.storage.local.get('settings');
    await api.storage.local.set({ settings: { ...settings, language: lang } });
  }, language);
  await page.close();
}

for (const language of languages) {
  const outDir = path.join(root, 'store', 'screenshots', language);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium({ viewport: SCREENSHOT_SIZE });
  try {
    await setLanguage(browser, language);
    for (const [i, { name }] of listing.screenshots.entries()) {
      if (!SHOTS[name]) throw new Error(`store/listing.json names a screenshot "${name}" this script cannot take`);
      const page = await SHOTS[name](browser);
      const file = path.join(outDir, `${i + 1}-${name}.png`);
      await page.screenshot(file);
      await page.close();
      console.log(path.relative(root, file));
    }
  } finally {
    await browser.close();
  }
}

#!/usr/bin/env node
// Re-takes the README's screenshots (docs/screenshots/*.png): Chromium with the extension's test build on the
// fixture pages, each picture clipped to the badge or the panel and its surroundings, so the files stay small.
//   node scripts/docs-screenshots.mjs        (after make chrome extension-test-builds)
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/e2e/lib/browsers.js';
import { root } from '../tests/e2e/lib/fixture-sites.js';

const out = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const settled = () => /^(ready|no-data)$/.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') ?? '');

async function shot(url, file, { panel = false, clip }) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitFor(settled);
  if (panel) {
    await page.click('[data-truefollow-badge]');
    await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
  } else {
    await page.evaluate(() => document.querySelector('[data-truefollow-badge]').focus()); // the tooltip shows on focus
  }
  await page.screenshotClip(path.join(out, file), clip);
  await page.close();
  console.log(`docs/screenshots/${file}`);
}

try {
  await shot('https://x.com/examplestudio/followers', 'panel-x-followers.png', { panel: true, clip: { x: 460, y: 190, width: 580, height: 530 } });
  await shot('https://mastodon.example/@examplestudio/followers', 'badge-mastodon-followers.png', { clip: { x: 420, y: 120, width: 720, height: 260 } });
  await shot('https://www.instagram.com/examplestudio/', 'panel-instagram-profile.png', { panel: true, clip: { x: 240, y: 0, width: 790, height: 400 } });
} finally {
  await browser.close();
}

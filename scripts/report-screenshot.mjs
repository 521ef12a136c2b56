#!/usr/bin/env node
// The README's picture of a vetting report (docs/screenshots/report-page.png): `truefollow report` on the demo
// X profile's saved responses, rendered by Chromium at a page's width, its first screen.
//   node scripts/report-screenshot.mjs        (after make native)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const html = execFileSync(path.join(root, 'build', 'truefollow'),
  ['report', '--now', '1790000000', 'x/UserByScreenName_examplestudio.json', 'x/Followers_examplestudio.json'],
  { cwd: path.join(root, 'tests', 'fixtures'), encoding: 'utf8', maxBuffer: 64 << 20 });
const browser = await chromium.launch({ executablePath: process.env.TRUEFOLLOW_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 860, height: 1100 } });
  await page.setContent(html, { waitUntil: 'load' });
  const file = path.join(root, 'docs', 'screenshots', 'report-page.png');
  await page.screenshot({ path: file });
  console.log(path.relative(root, file));
} finally {
  await browser.close();
}

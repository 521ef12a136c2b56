#!/usr/bin/env node
// The demo: Chromium with the built extension on every bundled demo page (tests/fixtures/<platform>/site.mjs,
// demoPages), served under the real sites' URLs from local files. Saves build/demo/<platform>-<page>.png and
// prints each badge's state and text. A window where there is a display, headless otherwise.
// Exits non-zero when a page shows no badge.
import path from 'node:path';
import { launchChromium } from '../tests/e2e/lib/browsers.js';
import { root } from '../tests/e2e/lib/fixture-sites.js';

const outDir = path.join(root, 'build', 'demo');
const headless = !process.env.DISPLAY;
// The test build (`make demo` builds it): the same extension, with the demo's Mastodon instance granted as a user
// would on the options page.
const extension = path.join(root, 'build', 'chrome-test');
const browser = await launchChromium({ extension, headless });
console.log(`demo: Chromium ${headless ? 'headless (no DISPLAY)' : 'in a window'} with ${path.relative(root, extension)}`);

// Runs in the page: the badge next to the profile name once it has left the reading state.
function settledBadge() {
  const host = document.querySelector('[data-truefollow-badge]');
  const button = host?.shadowRoot?.querySelector('.button'); // the demo runs the test build: its shadow roots are open
  const state = button?.getAttribute('data-state');
  return button && state !== 'reading' ? { state, text: button.getAttribute('aria-label').replace(/^truefollow: /, '') } : null;
}

let failures = 0;
try {
  for (const site of browser.sites) {
    for (const url of site.demoPages ?? []) {
      const name = `${site.platform}-${new URL(url).pathname.replace(/^\/|\/$/g, '').replace(/[^\w]+/g, '-')}`;
      const page = await browser.newPage();
      try {
        await page.goto(url);
        const handle = await page.waitFor(settledBadge);
        const badge = await handle.jsonValue();
        const file = path.join(outDir, `${name}.png`);
        await page.screenshot(file);
        console.log(`${url}\n  badge [${badge.state}] ${badge.text}\n  ${path.relative(root, file)}`);
      } catch (error) {
        failures++;
        console.log(`${url}\n  no badge: ${error.message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);

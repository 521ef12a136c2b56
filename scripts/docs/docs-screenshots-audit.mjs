#!/usr/bin/env node
// Re-takes the screenshots of the README's audit mode, chart and popup sections (docs/screenshots/audit-in-progress.png, factory-chart.png,
// vetting-list.png): Chromium with the extension's test build on the fixture pages (the synthetic 1,000-follower
// X list of scripts/fixtures/gen-follower-list.mjs), each picture clipped to the panel or the popup's table.
//   node scripts/docs/docs-screenshots-audit.mjs        (after make chrome extension-test-builds)
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../../tests/e2e/lib/browsers.js';
import { root } from '../../tests/e2e/lib/fixture-sites.js';

const out = path.join(root, 'docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const inPanel = (selector) => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector(selector);
const rectOf = (fn, arg) => async (page) => page.evaluate(fn, arg);
const panelRect = () => {
  const r = document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('.panel').getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
};

async function clipped(page, file, rect) {
  const clip = await rect(page);
  await page.screenshotClip(path.join(out, file), clip);
  console.log(`docs/screenshots/${file}`);
}

try {
  const page = await browser.newPage();
  await page.goto('https://x.com/crowdedstudio'); // the profile first, as on x.com: its follower count gives true reach
  await page.waitFor(() => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === 'ready');
  await page.goto('https://x.com/crowdedstudio/followers');
  await page.waitFor(() => /Of 20 /.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('aria-description') ?? ''));
  await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
  await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
  await page.evaluate(`(${inPanel})('[data-part="audit-button"]').click()`);
  await page.waitFor(`Number((${inPanel})('[data-part="audit-progress"]').value) >= 160`);
  await page.evaluate(`(${inPanel})('[data-part="audit-button"]').click()`);
  await page.evaluate(`(${inPanel})('[data-part="audit-mode"]').scrollIntoView()`);
  await clipped(page, 'audit-in-progress.png', rectOf(panelRect));
  await page.evaluate(`(${inPanel})('[data-part="audit-button"]').click()`);
  await page.waitFor(`/^Done/.test((${inPanel})('[data-part="audit-status"]').textContent)`);
  await page.evaluate(`(${inPanel})('[data-part="factory-chart"]').scrollIntoView()`);
  await clipped(page, 'factory-chart.png', rectOf(panelRect));

  for (const url of ['https://x.com/crowdedstudio', 'https://x.com/examplestudio/followers', 'https://x.com/dealfinder4821']) {
    const tab = await browser.newPage();
    await tab.goto(url);
    await tab.waitFor(() => /^(ready|no-data)$/.test(document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') ?? ''));
    await new Promise((r) => setTimeout(r, 300));
    const popup = await browser.openOptions();
    await popup.evaluate(() => { location.href = location.href.replace('options.html', 'popup.html'); });
    await popup.waitFor(() => document.body?.dataset.ready === 'true' && document.getElementById('add-vetting'));
    await popup.evaluate(() => document.getElementById('add-vetting').click());
    await new Promise((r) => setTimeout(r, 300));
    await popup.close();
    await tab.close();
  }
  const popup = await browser.openOptions();
  await popup.evaluate(() => { location.href = location.href.replace('options.html', 'popup.html'); });
  await popup.waitFor(() => document.body?.dataset.ready === 'true' && document.querySelectorAll('#vetting tbody tr').length === 3);
  await popup.evaluate(() => document.querySelector('[data-part="vetting"]').scrollIntoView()); // below the recently checked list
  await clipped(popup, 'vetting-list.png', rectOf(() => {
    const r = document.querySelector('[data-part="vetting"]').getBoundingClientRect();
    return { x: 0, y: r.y, width: document.getElementById('vetting').scrollWidth + 40, height: r.height };
  }));
} finally {
  await browser.close();
}

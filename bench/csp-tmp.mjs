import { chromium } from 'playwright-core';
import { answer, loadSites } from '../tests/e2e/lib/fixture-sites.js';
const ext = '/work/wt-fast/build/bench/chrome-bench';
const sites = await loadSites();
const ctx = await chromium.launchPersistentContext('', { executablePath: '/usr/bin/chromium', headless: false,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`] });
await ctx.route('**/*', (route) => { const { status, contentType, body, headers } = answer(sites, route.request().url());
  const csp = route.request().resourceType() === 'document' ? { 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; connect-src 'self'" } : {};
  return route.fulfill({ status, contentType, body, headers: { ...headers, ...csp } }); });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto('https://x.com/examplestudio');
await page.waitForTimeout(3000);
console.log(await page.evaluate(() => performance.getEntriesByName('tf-bench:score-end').length));
await ctx.close();

/*
 * The two browsers under test, each with the unpacked extension loaded and every request answered from the
 * fixture web (fixture-sites.js), behind one small page interface so the same scenarios run in both:
 *   page.goto(url), page.click(selector), page.back(), page.press(key), page.screenshot(file),
 *   page.evaluate(fn, arg), page.waitFor(fn, arg), page.requests (every URL the browser asked the web for);
 * and browser.hold(pattern): answers to matching URLs wait until the returned release() is called.
 * Chromium: playwright-core, a persistent context with the extension (new headless mode, which can load
 * extensions), context.route for requests. Firefox ESR: puppeteer-core over WebDriver BiDi,
 * browser.installExtension, page.setRequestInterception + request.respond.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { answer, loadSites, root } from './fixture-sites.js';

export const WAIT_MS = 45_000; // generous: two cores shared with builds

// Requests held back by a test (browser.hold), so that it can see the page before the data arrives.
function gatekeeper() {
  const gates = [];
  return {
    hold(pattern) {
      let release;
      const gate = { pattern, opened: new Promise((resolve) => { release = resolve; }) };
      gates.push(gate);
      return () => {
        gates.splice(gates.indexOf(gate), 1);
        release();
      };
    },
    pass: (url) => Promise.all(gates.filter((g) => g.pattern.test(url)).map((g) => g.opened)),
  };
}

const CHROMIUM = process.env.TRUEFOLLOW_CHROMIUM || '/usr/bin/chromium';
const FIREFOX = process.env.TRUEFOLLOW_FIREFOX || '/usr/bin/firefox-esr';

function pageInterface(page, requests, { waitForFunction }) {
  return {
    requests,
    goto: (url) => page.goto(url, { waitUntil: 'load', timeout: WAIT_MS }),
    click: (selector) => page.click(selector),
    back: () => page.evaluate(() => history.back()),
    press: (key) => page.keyboard.press(key),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg) => waitForFunction(fn, arg),
    screenshot: (file) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      return page.screenshot({ path: file });
    },
    close: () => page.close(),
  };
}

// headless: false shows a window (the demo, where there is a display); the tests always run headless.
export async function launchChromium({ extension = path.join(root, 'build', 'chrome'), headless = true } = {}) {
  const sites = await loadSites();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the old headless mode cannot load extensions; the new one is asked for below
    viewport: { width: 1280, height: 720 },
    args: [...(headless ? ['--headless=new'] : []), '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  const requests = [];
  const gates = gatekeeper();
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    await gates.pass(url);
    const { status, contentType, body } = answer(sites, url);
    return route.fulfill({ status, contentType, body });
  });
  return {
    name: 'chromium',
    sites,
    hold: gates.hold,
    async newPage() {
      const page = await context.newPage();
      return pageInterface(page, requests, {
        waitForFunction: (fn, arg) => page.waitForFunction(fn, arg, { timeout: WAIT_MS, polling: 100 }),
      });
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchFirefox({ extension = path.join(root, 'build', 'firefox') } = {}) {
  const sites = await loadSites();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 720 },
    protocolTimeout: WAIT_MS * 2,
  });
  await browser.installExtension(extension);
  const requests = [];
  const gates = gatekeeper();
  return {
    name: 'firefox',
    sites,
    hold: gates.hold,
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', async (request) => {
        requests.push(request.url());
        await gates.pass(request.url());
        const { status, contentType, body } = answer(sites, request.url());
        request.respond({ status, contentType, body }).catch(() => {}); // a page closing mid-request
      });
      return pageInterface(page, requests, {
        waitForFunction: (fn, arg) => page.waitForFunction(fn, { timeout: WAIT_MS, polling: 100 }, arg),
      });
    },
    close: () => browser.close(),
  };
}

// Chromium with the test build (playwright-core, a persistent context): see browsers.js for the interface.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { answer, loadSites, root } from './fixture-sites.js';
import { WAIT_MS, gatekeeper, killAndWait, launchError, pageInterface, requireBuild, untilContentScriptsRun } from './launch-common.js';

const CHROMIUM = process.env.TRUEFOLLOW_CHROMIUM || '/usr/bin/chromium';

// Every request the extension's service worker makes, through the CDP Network domain of each of its
// targets (the worker is restarted after idling; each new target is attached as it appears). Playwright
// does not report an extension worker's requests itself, so puppeteer-core connects beside it.
async function recordExtensionWorker(profile) {
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
  const port = fs.readFileSync(portFile, 'utf8').split('\n')[0];
  const isOurs = (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
  const cdp = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null, targetFilter: isOurs });
  const urls = [];
  const watched = new Set();
  async function watch(target) {
    if (!isOurs(target) || watched.has(target)) return;
    watched.add(target);
    const session = await target.createCDPSession();
    session.on('Network.requestWillBeSent', (event) => urls.push(event.request.url));
    await session.send('Network.enable');
  }
  cdp.on('targetcreated', (t) => watch(t).catch(() => {}));
  for (const target of cdp.targets()) await watch(target);
  urls.attached = () => watched.size;
  urls.stop = () => cdp.disconnect();
  return urls;
}

// headless: false shows a window (the demo, where there is a display); the tests always run headless.
// The browser process this Node process started on `profile` (its direct child whose arguments name the folder).
function browserPid(profile) {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(profile)) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return null;
}

/**
 * Playwright's waitForFunction, but waiting for what a predicate's Promise resolves to as well: Playwright takes
 * the Promise itself as the truthy answer, and ends at once with what it resolves to, false included (so
 * `() => storage.local.get(key).then((r) => key in r)` never waited). A false answer from a Promise is asked
 * again until it is truthy, within WAIT_MS in all.
 */
async function untilTruthy(page, fn, arg) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const handle = await page.waitForFunction(fn, arg, { timeout: Math.max(1, deadline - Date.now()), polling: 100 });
    if (await handle.evaluate((value) => Boolean(value))) return handle;
    await handle.dispose();
    if (Date.now() >= deadline) throw new Error(`waitFor: still false after ${WAIT_MS / 1000} s: ${String(fn).slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function launchChromium({ extension = path.join(root, 'build', 'chrome-test'), headless = true, profile: kept = null,
  viewport = { width: 1280, height: 720 } } = {}) {
  requireBuild('Chromium', extension);
  const sites = await loadSites();
  const profile = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-chromium-'));
  fs.rmSync(path.join(profile, 'DevToolsActivePort'), { force: true }); // a killed browser's, naming a dead port
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the old headless mode cannot load extensions; the new one is asked for below
    viewport,
    args: [...(headless ? ['--headless=new'] : []), '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      '--remote-debugging-port=0'], // a second CDP client records the extension worker's requests
  }).catch((error) => { throw launchError(`Chromium (${CHROMIUM})`, extension, 'the browser did not start', error); });
  const requests = [];
  const sent = [];
  const extensionRequests = await recordExtensionWorker(profile);
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: WAIT_MS })
      .catch(async (error) => {
        await context.close().catch(() => {});
        throw launchError(`Chromium (${CHROMIUM})`, extension, `the extension's service worker did not appear within ${WAIT_MS / 1000} s`, error);
      });
  const extensionOrigin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())[0];
  const gates = gatekeeper();
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${extensionOrigin}/`)) return route.continue(); // the extension's own pages
    requests.push(url);
    const request = route.request();
    sent.push({ method: request.method(), url, origin: (await request.allHeaders().catch(() => ({}))).origin ?? null });
    await gates.pass(url);
    const { status, contentType, headers, body } = answer(sites, url);
    return route.fulfill({ status, contentType, headers, body });
  });
  const wrap = (page) => pageInterface(page, requests, sent, {
    waitForFunction: (fn, arg) => untilTruthy(page, fn, arg),
    setColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
  });
  await untilContentScriptsRun(async () => wrap(await context.newPage()), `Chromium (${CHROMIUM})`, extension);
  return {
    name: 'chromium',
    sites,
    requests, // every URL the browser's tabs asked the web for, as page.requests
    sent,
    hold: gates.hold,
    extensionRequests,
    networkRequests: null,
    watchesExtension: 'every request of the pages and of the extension\'s service worker',
    async newPage() {
      return wrap(await context.newPage());
    },
    stopsBusyWorker: true,
    // CDP's ServiceWorker domain, from a page of the context: it lists the extension's worker too.
    async stopWorker() {
      const session = await context.newCDPSession(context.pages()[0] ?? await context.newPage());
      try {
        const status = new Map();
        session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          for (const v of versions) if (v.scriptURL.startsWith(`${extensionOrigin}/`)) status.set(v.versionId, v.runningStatus);
        });
        await session.send('ServiceWorker.enable');
        for (let i = 0; i < 100 && ![...status.values()].includes('running'); i++) await new Promise((r) => setTimeout(r, 50));
        const running = [...status].filter(([, s]) => s === 'running').map(([id]) => id);
        if (running.length === 0) throw new Error('the extension\'s worker is not running');
        for (const versionId of running) await session.send('ServiceWorker.stopWorker', { versionId });
        return running.length;
      } finally {
        await session.detach().catch(() => {});
      }
    },
    async openOptions() {
      const page = wrap(await context.newPage());
      await page.goto(`${extensionOrigin}/pages/options.html`);
      return page;
    },
    async close() {
      await extensionRequests.stop();
      await context.close();
      if (!kept) fs.rmSync(profile, { recursive: true, force: true });
    },
    /** Ends the browser at once with SIGKILL; the profile folder stays. */
    async kill() {
      const pid = browserPid(profile);
      if (!pid) throw new Error('the browser process was not found');
      await killAndWait(pid);
      await extensionRequests.stop().catch(() => {});
      await context.close().catch(() => {});
    },
  };
}

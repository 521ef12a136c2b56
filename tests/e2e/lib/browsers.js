/*
 * The two browsers under test, each with the unpacked test build of the extension loaded (build/<browser>-test:
 * open shadow roots, the fixture Mastodon instance granted) and every request answered from the fixture web
 * (fixture-sites.js), behind one small page interface so the same scenarios run in both:
 *   page.goto(url), page.click(selector), page.hover(selector), page.back(), page.press(key),
 *   page.screenshot(file), page.evaluate(fn, arg), page.waitFor(fn, arg), page.requests (every URL the
 *   browser asked the web for), page.sent (the same requests as {method, url, origin}: origin is the Origin
 *   header, or null when none was sent), page.colorScheme('light' | 'dark' | null): the page's
 *   prefers-color-scheme, null for the browser's own (Chromium: this page only; Firefox: every page, see below);
 * browser.hold(pattern): answers to matching URLs wait until the returned release() is called;
 * browser.openOptions(): the extension's options page; browser.stopWorker(): stops the extension's service worker
 * (Chromium, over CDP) or background script (Firefox, over its remote debugging protocol: firefox-devtools.js),
 * as the browser does when it ends one; browser.stopsBusyWorker: whether that happens at once even in the middle
 * of a long task (Chromium), or only once the task is done (Firefox);
 * the record of the extension's own requests:
 * browser.extensionRequests (Chromium: every request of the extension's service worker, its own package's
 * files included) or browser.networkRequests (Firefox: every request that left the browser for the network,
 * whoever made it), and browser.watchesExtension: what that record covers.
 * Chromium: playwright-core, a persistent context with the extension (new headless mode, which can load
 * extensions), context.route for requests, and a second CDP client that records the network events of the
 * extension's service worker. Firefox ESR: puppeteer-core over WebDriver BiDi, browser.installExtension,
 * page.setRequestInterception + request.respond for the tabs. BiDi does not show the background script's
 * requests, so every request that is not answered in a tab goes to a recording proxy (recordingProxy) that
 * refuses them all; Firefox's own services are switched off, so that anything it records is the extension's.
 * Puppeteer emulates media features only over CDP, so Firefox's colour scheme is set for all its pages with
 * browserSettings.overrideContentColorScheme, from the options page of the test build (which alone has that
 * permission; scripts/build/build-extension.mjs).
 *
 * launch({profile}) uses that profile folder and keeps it when the browser closes, so that a test can end the
 * browser with browser.kill() (SIGKILL, as a crash or a power cut would, with no chance to flush anything)
 * and launch it again on the same stored data. Firefox installs the test build as a temporary add-on each time;
 * two of web-ext's preferences keep its internal UUID and its storage across those installs.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { answer, loadSites, root } from './fixture-sites.js';
import { DEVTOOLS_PREFS, freePort, terminateBackgroundScript } from './firefox-devtools.js';

export const WAIT_MS = 45_000; // generous: two cores shared with builds

// The make target that writes each build directory the tests or the demo may load.
const BUILD_COMMANDS = { chrome: 'make chrome', firefox: 'make firefox', 'chrome-test': 'make extension-test-builds', 'firefox-test': 'make extension-test-builds' };

/** An error that names the browser, the build directory it loaded and the command that builds it. */
function launchError(browserName, extension, what, cause) {
  const command = BUILD_COMMANDS[path.basename(extension)] ?? 'make extension-test-builds';
  const error = new Error(`${browserName}: ${what} (build directory ${path.relative(root, extension) || extension}; ` +
    `built by \`${command}\`)${cause ? `: ${cause.message.split('\n')[0]}` : ''}`);
  error.cause = cause;
  return error;
}

function requireBuild(browserName, extension) {
  if (!fs.existsSync(path.join(extension, 'manifest.json'))) throw launchError(browserName, extension, 'no extension build to load');
}

// Runs in the page: true once the extension's page-world script has wrapped fetch, which only an injected
// content script can do (the page's own fetch is native).
const contentScriptsRan = () => !/\[native code\]/.test(Function.prototype.toString.call(window.fetch));

/**
 * A freshly installed extension may miss the first page while the browser registers its content scripts (seen in
 * Firefox). Loads a fixture page until the extension's scripts run in it: a state only a page loaded after the
 * registration can show, so no timer decides.
 */
async function untilContentScriptsRun(newPage, browserName, extension) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const page = await newPage();
    try {
      await page.goto('https://x.com/home');
      if (await page.evaluate(contentScriptsRan)) return;
    } finally {
      await page.close();
    }
    if (Date.now() > deadline) throw launchError(browserName, extension, `the content scripts did not run in a page within ${WAIT_MS / 1000} s`);
  }
}

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

// Runs in the page: true once prefers-color-scheme says `scheme`.
const schemeIs = (scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches;

function pageInterface(page, requests, sent, { waitForFunction: waitFor, setColorScheme }) {
  return {
    requests,
    sent,
    async colorScheme(scheme) {
      await setColorScheme(scheme);
      if (scheme) await waitFor(schemeIs, scheme); // the page's media queries have followed
    },
    goto: (url) => page.goto(url, { waitUntil: 'load', timeout: WAIT_MS }),
    type: (selector, text) => page.type(selector, text),
    click: (selector) => page.click(selector),
    hover: (selector) => page.hover(selector),
    back: () => page.evaluate(() => history.back()),
    press: (key) => page.keyboard.press(key),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor,
    screenshot: (file) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      return page.screenshot({ path: file });
    },
    screenshotClip: (file, clip) => page.screenshot({ path: file, clip }),
    close: () => page.close(),
  };
}

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

async function killAndWait(pid) {
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`browser process ${pid} did not end`);
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

// A proxy on 127.0.0.1 that answers every request with 502 and records where it was going: "https://host:port/"
// for a tunnel (CONNECT), the full URL for plain http. The browser sends it everything its tabs did not answer.
async function recordingProxy() {
  const urls = [];
  const server = http.createServer((request, response) => {
    urls.push(request.url);
    response.writeHead(502).end();
  });
  server.on('connect', (request, socket) => {
    urls.push(`https://${request.url}/`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  urls.port = server.address().port;
  urls.stop = () => new Promise((resolve) => server.close(resolve));
  return urls;
}

// Firefox gives each extension a random internal UUID; the tests fix it to find the options page.
const FIREFOX_EXTENSION_ID = 'truefollow@truefollow.invalid';
const FIREFOX_EXTENSION_UUID = '6d1c5d1e-6f0e-4c9b-9a43-7e57f011c0de';

export async function launchFirefox({ extension = path.join(root, 'build', 'firefox-test'), profile = null } = {}) {
  requireBuild('Firefox', extension);
  const sites = await loadSites();
  const networkRequests = await recordingProxy();
  const proxy = { host: '127.0.0.1', port: networkRequests.port };
  const devtoolsPort = await freePort(); // Firefox's debugger server, to end the background script (stopWorker)
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--start-debugger-server', String(devtoolsPort)],
    defaultViewport: { width: 1280, height: 720 },
    protocolTimeout: WAIT_MS * 2,
    ...(profile ? { userDataDir: profile } : {}),
    // Firefox's remote settings take their server from the prefs only when this is set; the server below is no
    // server at all, so that Firefox itself sends nothing to the network.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.proxy.type': 1, // manual: every request, to every host, through the recording proxy
      'network.proxy.http': proxy.host, 'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': proxy.host, 'network.proxy.ssl_port': proxy.port,
      'network.proxy.share_proxy_settings': false, 'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // A temporary add-on is uninstalled when the browser ends; these keep its UUID and its storage for the next install.
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.webextensions.keepStorageOnUninstall': true,
      ...DEVTOOLS_PREFS,
    },
  }).catch(async (error) => {
    await networkRequests.stop();
    throw launchError(`Firefox (${FIREFOX})`, extension, 'the browser did not start', error);
  });
  await browser.installExtension(extension).catch(async (error) => {
    await browser.close().catch(() => {});
    await networkRequests.stop();
    throw launchError(`Firefox (${FIREFOX})`, extension, 'the extension could not be installed', error);
  });
  const requests = [];
  const sent = [];
  const gates = gatekeeper();
  async function newPage({ intercept = true } = {}) {
    const page = await browser.newPage();
    if (intercept) {
      await page.setRequestInterception(true);
      page.on('request', async (request) => {
        if (request.url().startsWith('moz-extension://')) return request.continue().catch(() => {});
        requests.push(request.url());
        const asked = Object.fromEntries(Object.entries(request.headers()).map(([k, v]) => [k.toLowerCase(), v]));
        sent.push({ method: request.method(), url: request.url(), origin: asked.origin ?? null });
        await gates.pass(request.url());
        const { status, contentType, headers, body } = answer(sites, request.url());
        request.respond({ status, contentType, headers, body }).catch(() => {}); // a page closing mid-request
      });
    }
    return pageInterface(page, requests, sent, {
      waitForFunction: (fn, arg) => page.waitForFunction(fn, { timeout: WAIT_MS, polling: 100 }, arg),
      setColorScheme,
    });
  }
  // The colour scheme of every page ('light' | 'dark'; null: the browser's own again), set from the options page.
  async function setColorScheme(scheme) {
    const options = await openOptions();
    try {
      await options.evaluate((value) => {
        const setting = globalThis.browser.browserSettings.overrideContentColorScheme; // the extension API, in the page
        return value ? setting.set({ value }) : setting.clear({});
      }, scheme);
    } finally {
      await options.close();
    }
  }
  async function openOptions() {
    // BiDi may not navigate to an extension page; a page of the site may (the test build allows it).
    const page = await newPage();
    await page.goto('https://x.com/home');
    const url = `moz-extension://${FIREFOX_EXTENSION_UUID}/pages/options.html`;
    await page.evaluate((href) => { location.href = href; }, url);
    await page.waitFor((href) => location.href === href && document.readyState === 'complete', url);
    return page;
  }
  await untilContentScriptsRun(newPage, `Firefox (${FIREFOX})`, extension);
  return {
    name: 'firefox',
    sites,
    hold: gates.hold,
    extensionRequests: null,
    networkRequests,
    stopWorker: () => terminateBackgroundScript(devtoolsPort, FIREFOX_EXTENSION_ID),
    // Firefox ends a background script between tasks: one busy in a long task finishes it first.
    stopsBusyWorker: false,
    watchesExtension: 'every request of the pages, and every request that left the browser (the background script\'s included) through a recording proxy',
    newPage,
    openOptions,
    async close() {
      await browser.close();
      await networkRequests.stop();
    },
    /** Ends the browser at once with SIGKILL; the profile folder stays when one was given. */
    async kill() {
      await killAndWait(browser.process().pid);
      await browser.disconnect().catch(() => {});
      await networkRequests.stop();
    },
  };
}

// Runs in an extension page: true once every record named is in storage.local, written at or after `since`
// (the record's `field`, when one is named). A state only the worker's new writes can make.
async function recordsStored(wanted) {
  const area = (globalThis.browser ?? globalThis.chrome).storage.local;
  const items = await area.get(wanted.map((w) => w.key));
  return wanted.every(({ key, field, since }) => key in items && (!field || items[key]?.[field] >= since));
}

/**
 * Waits until the worker has stored every record named: [{key, field?, since?}] (e.g. a profile's
 * 'p|x|<handle>' with seen_at >= the visit's start), read from the extension's options page.
 */
export async function untilStored(browser, wanted) {
  const options = await browser.openOptions();
  try {
    await options.waitFor(recordsStored, wanted);
  } finally {
    await options.close();
  }
}

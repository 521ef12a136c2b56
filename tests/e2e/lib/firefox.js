// Firefox ESR with the test build (puppeteer-core over WebDriver BiDi): see browsers.js for the interface.
import http from 'node:http';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { answer, loadSites, root } from './fixture-sites.js';
import { DEVTOOLS_PREFS, freePort, terminateBackgroundScript } from './firefox-devtools.js';
import { WAIT_MS, gatekeeper, killAndWait, launchError, pageInterface, requireBuild, untilContentScriptsRun } from './launch-common.js';

const FIREFOX = process.env.TRUEFOLLOW_FIREFOX || '/usr/bin/firefox-esr';

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
    requests, // every URL the browser's tabs asked the web for, as page.requests
    sent,
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

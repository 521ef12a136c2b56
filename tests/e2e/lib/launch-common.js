/*
 * What both browsers' launchers share (chromium.js, firefox.js; browsers.js describes the interface): the build
 * check and its error, the wait for the content scripts, held requests, the page interface, and untilStored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { root } from './fixture-sites.js';

export const WAIT_MS = 45_000; // generous: two cores shared with builds

// The make target that writes each build directory the tests or the demo may load.
const BUILD_COMMANDS = { chrome: 'make chrome', firefox: 'make firefox', 'chrome-test': 'make extension-test-builds', 'firefox-test': 'make extension-test-builds' };

/** An error that names the browser, the build directory it loaded and the command that builds it. */
export function launchError(browserName, extension, what, cause) {
  const command = BUILD_COMMANDS[path.basename(extension)] ?? 'make extension-test-builds';
  const error = new Error(`${browserName}: ${what} (build directory ${path.relative(root, extension) || extension}; ` +
    `built by \`${command}\`)${cause ? `: ${cause.message.split('\n')[0]}` : ''}`);
  error.cause = cause;
  return error;
}

export function requireBuild(browserName, extension) {
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
export async function untilContentScriptsRun(newPage, browserName, extension) {
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
export function gatekeeper() {
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

// Runs in the page: true once prefers-color-scheme says `scheme`.
const schemeIs = (scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches;

export function pageInterface(page, requests, sent, { waitForFunction: waitFor, setColorScheme }) {
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

export async function killAndWait(pid) {
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

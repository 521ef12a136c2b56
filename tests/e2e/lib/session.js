/*
 * The one way every end-to-end test file opens the extension: inEachBrowser(title, body) runs the file's tests
 * in Chromium, then in Firefox, each in a browser of its own with the test build loaded (browsers.js), and gives
 * them a session:
 *   session.browser: the browser (browsers.js describes its interface);
 *   session.open(url): a new tab on a fixture page, the previous one closed (session.page is the open one);
 *   session.closePage(): that tab closed;
 *   session.openOptions(), session.openPopup(): the extension's options page and popup, each as a tab;
 *   session.openReady(url, state = 'ready'): session.open(url), then the wait until the badge shows that state;
 *   session.saveSettings(change, arg): runs change(arg) on the options page, saves, and returns the status line;
 *   session.start(): the browser launched (again, after browser.kill(), with the same session.launchOptions).
 * TRUEFOLLOW_E2E_BROWSER=chromium (or firefox) runs one browser only, for work on a single file.
 */
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { root } from './fixture-sites.js';
import { launchChromium, launchFirefox, untilStored } from './browsers.js';
import { badgeStateIs } from './badge-probes.js';

export { untilStored };
export const TEST_MS = 180_000;
export const SCREENSHOTS = path.join(root, 'build', 'screenshots');

const BROWSERS = { chromium: launchChromium, firefox: launchFirefox };
const chosen = process.env.TRUEFOLLOW_E2E_BROWSER;
if (chosen && !(chosen in BROWSERS)) throw new Error(`TRUEFOLLOW_E2E_BROWSER=${chosen}: not one of ${Object.keys(BROWSERS).join(', ')}`);

function openSession(launch, launchOptions) {
  const session = {
    browser: null,
    page: null,
    async start() {
      session.page = null;
      session.browser = await launch(launchOptions);
      return session;
    },
    async open(url) {
      await session.page?.close().catch(() => {});
      session.page = await session.browser.newPage();
      await session.page.goto(url);
      return session.page;
    },
    async closePage() {
      await session.page?.close().catch(() => {});
      session.page = null;
    },
    async openReady(url, state = 'ready') {
      const page = await session.open(url);
      await page.waitFor(badgeStateIs, state);
      return page;
    },
    openOptions: () => session.browser.openOptions(),
    // The popup, opened as a tab (the options page's sibling): its "current tab" is the one used before it.
    async openPopup() {
      const popup = await session.browser.openOptions();
      await popup.evaluate(() => { location.href = location.href.replace('options.html', 'popup.html'); });
      await popup.waitFor(() => location.pathname.endsWith('/popup.html') && document.body?.dataset.ready === 'true');
      return popup;
    },
    async saveSettings(change, arg) {
      const options = await session.browser.openOptions();
      try {
        await options.waitFor(() => document.body.dataset.settingsReady === 'true');
        await options.evaluate(change, arg);
        await options.evaluate(() => document.getElementById('save-settings').click());
        await options.waitFor(() => document.getElementById('settings-status').textContent.length > 0);
        return await options.evaluate(() => document.getElementById('settings-status').textContent);
      } finally {
        await options.close();
      }
    },
    launchOptions,
    async close() {
      await session.closePage();
      await session.browser?.close().catch(() => {});
      session.browser = null;
    },
  };
  return session;
}

/**
 * One describe per browser, titled `${title} in <browser>`, whose tests share one session: the browser is launched
 * before them (with launchOptions(), e.g. a kept profile) and closed after them, before the body's own after hooks run. timeout: the whole describe's.
 */
export function inEachBrowser(title, body, { timeout = TEST_MS * 10, launchOptions = () => ({}) } = {}) {
  for (const [name, launch] of Object.entries(BROWSERS)) {
    if (chosen && chosen !== name) continue;
    describe(`${title} in ${name}`, { timeout }, () => {
      const session = openSession(launch, launchOptions());
      before(() => session.start(), { timeout: TEST_MS });
      after(() => session.close(), { timeout: TEST_MS }); // before the body's own after hooks
      body(session);
    });
  }
}

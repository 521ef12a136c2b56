/*
 * The two browsers under test, each with the unpacked test build of the extension loaded (build/<browser>-test:
 * open shadow roots, the fixture Mastodon instance granted) and every request answered from the fixture web
 * (fixture-sites.js), behind one small page interface so the same scenarios run in both:
 *   page.goto(url), page.click(selector), page.hover(selector), page.back(), page.press(key),
 *   page.screenshot(file), page.evaluate(fn, arg), page.waitFor(fn, arg), page.requests (every URL the
 *   browser asked the web for), page.sent (the same requests as {method, url, origin}: origin is the Origin
 *   header, or null when none was sent), page.colorScheme('light' | 'dark' | null): the page's
 *   prefers-color-scheme, null for the browser's own (Chromium: this page only; Firefox: every page, see below);
 * browser.requests and browser.sent: the same lists as every page's (the whole session's);
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
 *
 * chromium.js and firefox.js launch them; launch-common.js holds what both share. The tests open them through
 * session.js.
 */
export { WAIT_MS, untilStored } from './launch-common.js';
export { launchChromium } from './chromium.js';
export { launchFirefox } from './firefox.js';

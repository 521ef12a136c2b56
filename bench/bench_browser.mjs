// The extension's speed in Chromium (playwright-core, the new headless mode). Not a test.
//
//   node bench/bench_browser.mjs      prints one JSON object of figures
//
// badge_latency_ms: the unmodified release build (build/chrome) on the X fixture profile, served under its
// real URL by the end-to-end tests' fixture web (tests/e2e/lib/fixture-sites.js). The marks come from a
// script the bench adds to the page (Playwright's addInitScript), not from the extension, so the release
// build carries no measuring code at all:
//   start: the load event of the page's own UserByScreenName XHR (its timeStamp: when the response
//          arrived in the page, whichever listener runs first);
//   end:   the frame after the badge host (data-truefollow-badge, the hook the e2e tests read) reached
//          data-state="ready": a requestAnimationFrame callback, then a task after it, so the frame
//          that shows the badge has been rendered.
// Median of LOADS page loads in one browser; the first load (the worker starting, the core's cold start)
// is reported apart as well.
//
// cold_start_ms_chromium_worker: a copy of the release build whose service worker also imports
// bench/probe-worker.js, which times, inside the worker, the core's factory (fetch of the .wasm from the
// package, compile, instantiate) plus the first score of a profile. Each sample is a fresh browser (a warm
// worker keeps the compiled module), left SETTLE_MS to finish starting before the probe runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { answer, loadSites } from '../tests/e2e/lib/fixture-sites.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.TRUEFOLLOW_CHROMIUM || '/usr/bin/chromium';
const LOADS = 20;
const COLD_RUNS = 5;
const PROFILE_URL = 'https://x.com/examplestudio';
const PROFILE_API = 'https://x.com/i/api/graphql/Fx1Example0Query/UserByScreenName';
const WAIT_MS = 60_000;
const SETTLE_MS = 1500;

const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

async function launch(extension) {
  const sites = await loadSites();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the new headless mode, asked for below, can load extensions
    viewport: { width: 1280, height: 720 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  await context.route('**/*', (route) => {
    const { status, contentType, body } = answer(sites, route.request().url());
    return route.fulfill({ status, contentType, body });
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Runs in the page before its scripts: the two marks described above.
function installMarks() {
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function benchSend(...args) {
    this.addEventListener('load', (event) => {
      if (this.responseURL.includes('/UserByScreenName') && !performance.getEntriesByName('tf-bench:response').length) {
        performance.mark('tf-bench:response', { startTime: event.timeStamp });
      }
    });
    return send.apply(this, args);
  };
  let seen = false;
  const check = () => {
    if (seen || !document.querySelector('[data-truefollow-badge][data-state="ready"]')) return;
    seen = true;
    performance.mark('tf-bench:ready');
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.mark('tf-bench:painted');
      channel.port2.postMessage(0);
    });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

async function badgeLatency() {
  const browser = await launch(path.join(root, 'build', 'chrome'));
  try {
    await browser.context.addInitScript(installMarks);
    const page = await browser.context.newPage();
    const samples = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto(PROFILE_URL, { waitUntil: 'load', timeout: WAIT_MS });
      await page.waitForFunction(() => performance.getEntriesByName('tf-bench:painted').length > 0, null, { timeout: WAIT_MS, polling: 50 });
      samples.push(await page.evaluate(() => {
        const [response] = performance.getEntriesByName('tf-bench:response');
        const [ready] = performance.getEntriesByName('tf-bench:ready');
        const [painted] = performance.getEntriesByName('tf-bench:painted');
        if (!response) throw new Error('bench: the profile response never arrived');
        return { painted: painted.startTime - response.startTime, ready: ready.startTime - response.startTime };
      }));
    }
    return {
      badge_latency_ms: median(samples.map((s) => s.painted)),
      badge_ready_ms: median(samples.map((s) => s.ready)),
      badge_latency_first_ms: samples[0].painted,
      badge_loads: samples.length,
    };
  } finally {
    await browser.close();
  }
}

// The release build plus the probe in its worker.
function probeBuild() {
  const dir = path.join(root, 'build', 'bench', 'chrome-probe');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'build', 'chrome'), dir, { recursive: true });
  fs.copyFileSync(path.join(root, 'bench', 'probe-worker.js'), path.join(dir, 'probe-worker.js'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  manifest.background.service_worker = 'probe-worker.js';
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

async function coldStartWorker() {
  const extension = probeBuild();
  const profile = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'x', 'UserByScreenName_examplestudio.json'), 'utf8');
  const samples = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const browser = await launch(extension);
    try {
      const worker = browser.context.serviceWorkers()[0] ??
        await browser.context.waitForEvent('serviceworker', { timeout: WAIT_MS });
      await worker.evaluate(() => new Promise((resolve) => {
        const ready = () => (globalThis.truefollowBenchColdStart ? resolve() : setTimeout(ready, 10));
        ready();
      }));
      // The browser's own start-up work (on a two-core machine) done first: the core's cold start is
      // measured in a worker that starts when a page first needs it, not in a browser still starting.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const result = await worker.evaluate(([text, url]) => globalThis.truefollowBenchColdStart(text, url), [profile, PROFILE_API]);
      if (result.status !== 'ok') throw new Error(`bench: the worker's core scored nothing (${result.status})`);
      samples.push(result);
    } finally {
      await browser.close();
    }
  }
  return {
    cold_start_ms_chromium_worker: median(samples.map((s) => s.ms)),
    cold_start_instantiate_ms_chromium_worker: median(samples.map((s) => s.instantiateMs)),
    cold_start_first_score_ms_chromium_worker: median(samples.map((s) => s.firstScoreMs)),
    cold_start_chromium_runs: samples.length,
  };
}

const figures = { ...(await badgeLatency()), ...(await coldStartWorker()) };
process.stdout.write(JSON.stringify(figures) + '\n');

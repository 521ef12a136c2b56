// The extension's speed in Chromium (playwright-core, the new headless mode). Not a test.
//
//   node bench/bench_browser.mjs [--rounds R] [--loads N] [--cold-runs C] [--base DIR]   prints one JSON object of figures
//
// The bench's own build (build/bench/chrome-bench): a copy of the release build (build/chrome) whose shadow
// roots are open (as in the test build), whose service worker is bench/probe-worker.js (the bench's marks,
// bench/worker-marks.js, then the extension's own background.js) and whose core loader is
// bench/core-marks.js (the release loader, each core call marked), with bench/content-marks.js before its
// content scripts. The extension's own files are unchanged;
// no measuring code ships in a release.
//
// badge_latency_ms: the X fixture profile, served under its real URL by the end-to-end tests' fixture web
// (tests/e2e/lib/fixture-sites.js). Marks on one clock (performance.timeOrigin + now(), in page and worker; the
// page's and the worker's processes differ by a few ms on it, so the steps across the two are timed together):
//   response: the load event of the page's own UserByScreenName XHR (its timeStamp);
//   posted:   the page world's capture event of that response made (its timeStamp); the content script's
//             listener gets it in the same call (the --base build of before: a posted message, delivered when the
//             page's thread was free: delivered);
//   sent / replied: the content script called runtime.sendMessage with the capture / got the worker's reply
//             (bench/content-marks.js, run before the extension's content scripts);
//   received / answered: the worker's listener got the capture message / called sendResponse;
//             in between, the storage.local calls, the core's load and score are marked (worker-marks.js);
//   ready:    the badge said "ready": a shadow host on the page whose host element or shadow root has an
//             element with data-state="ready" (so neither where the attribute lives nor the page's markup matters);
//   painted:  the frame after that: a requestAnimationFrame callback, then a task after it;
//   pageFrame: the page's own next frame after the response, marked the same way: no badge can be painted sooner.
//   badge_page_frame_bare_ms: that frame on the same page in a browser without the extension, the floor under
//   both (what the extension's own work at the page's start and at its response costs the page shows there).
//   With the core in the content script (core/content-core.js), its score is marked too (bench/content-marks.js),
//   and the worker is off the badge's path.
// R rounds of N page loads in one browser. Each round's first load starts from a stopped worker (stopped over
// CDP just before, as the browser stops an idle one: the worker starts, the core's cold start) and is reported
// apart, with its own breakdown; the other N - 1 give the round's medians. Each figure is the best round's (other
// work on a shared machine only ever slows a round down). BENCH_DEBUG=1 prints the first loads' marks and worker logs.
//
// cold_start_ms_chromium_worker: the same build's probe times, inside the worker, the core's factory (fetch of
// the .wasm from the package, compile, instantiate) plus the first score of a profile on a loader of its own.
// Each sample is a fresh browser (a warm worker keeps the compiled module), left SETTLE_MS to finish starting;
// R rounds of C samples, the best round's median. The probe also times a second score and the .wasm's fetch
// and compile alone (the floor under instantiation).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { answer, loadSites } from '../tests/e2e/lib/fixture-sites.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.TRUEFOLLOW_CHROMIUM || '/usr/bin/chromium';
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = option('rounds', 3);
const LOADS = option('loads', 20);
const COLD_RUNS = option('cold-runs', 3);
// The build measured: the release build, or another one to compare with it (--base DIR, an unpacked Chromium build).
const BASE = path.resolve(process.argv.includes('--base') ? process.argv[process.argv.indexOf('--base') + 1] : path.join(root, 'build', 'chrome'));
export const PROFILE_URL = 'https://x.com/examplestudio';
const PROFILE_API = 'https://x.com/i/api/graphql/Fx1Example0Query/UserByScreenName';
export const WAIT_MS = 60_000;
const SETTLE_MS = 1500;

export const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

// A copy of an unpacked build (the release build unless told), with open shadow roots, the bench's worker and the
// marked core loader.
export function benchBuild(base = BASE, name = 'chrome-bench') {
  const dir = path.join(root, 'build', 'bench', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(base, dir, { recursive: true });
  for (const file of ['content/badge.js', 'content/panel.js']) {
    const target = path.join(dir, file);
    const text = fs.readFileSync(target, 'utf8');
    const opened = text.replace("const SHADOW_MODE = 'closed';", "const SHADOW_MODE = 'open'; // bench build");
    if (opened === text) throw new Error(`bench: ${file} has no SHADOW_MODE line to open`);
    fs.writeFileSync(target, opened);
  }
  for (const file of ['probe-worker.js', 'worker-marks.js', 'content-marks.js']) fs.copyFileSync(path.join(root, 'bench', file), path.join(dir, file));
  fs.renameSync(path.join(dir, 'core', 'web.js'), path.join(dir, 'core', 'web-unmarked.js'));
  fs.copyFileSync(path.join(root, 'bench', 'core-marks.js'), path.join(dir, 'core', 'web.js'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  manifest.background.service_worker = 'probe-worker.js';
  const content = manifest.content_scripts.find((c) => c.js.includes('content/content.js'));
  content.js = ['content-marks.js', ...content.js];
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

export async function launch(extension) {
  const sites = await loadSites();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the new headless mode, asked for below, can load extensions
    viewport: { width: 1280, height: 720 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : [])],
  });
  await context.route('**/*', (route) => {
    const { status, contentType, body } = answer(sites, route.request().url());
    return route.fulfill({ status, contentType, body });
  });
  // The page tells the bench when it has set a mark (installMarks calls this binding): waiting by evaluating in the
  // page instead (Playwright's waitForFunction) made Playwright inject its helper script into each new page, 6-9 ms of
  // the page's thread that fell between the response and the frame measured in about half the loads.
  const waiting = new Map(); // mark -> resolve
  await context.exposeBinding('truefollowBenchMarked', (source, mark) => waiting.get(mark)?.());
  const marked = (mark) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench: no ${mark} mark within ${WAIT_MS} ms`)), WAIT_MS);
    waiting.set(mark, () => {
      clearTimeout(timer);
      waiting.delete(mark);
      resolve();
    });
  });
  const worker = async () => context.serviceWorkers().findLast((w) => w.url().endsWith('/probe-worker.js')) ??
    context.waitForEvent('serviceworker', { timeout: WAIT_MS });
  // Stops the extension's worker over CDP, as the browser does when it has been idle, and waits until it has.
  const stopWorker = async () => {
    const session = await context.newCDPSession(context.pages()[0] ?? await context.newPage());
    try {
      const versions = new Map();
      session.on('ServiceWorker.workerVersionUpdated', (event) => {
        for (const v of event.versions) if (v.scriptURL.endsWith('/probe-worker.js')) versions.set(v.versionId, v.runningStatus);
      });
      await session.send('ServiceWorker.enable');
      const until = async (state) => {
        for (let i = 0; i < 250 && ![...versions.values()].includes(state); i++) await new Promise((r) => setTimeout(r, 20));
        if (![...versions.values()].includes(state)) throw new Error(`bench: the extension's worker is not ${state}`);
      };
      await until('running');
      for (const [versionId, status] of versions) if (status === 'running') await session.send('ServiceWorker.stopWorker', { versionId });
      await until('stopped');
    } finally {
      await session.detach().catch(() => {});
    }
  };
  return {
    context,
    worker,
    stopWorker,
    marked,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Runs in the page before its scripts: the page's marks described above, on the shared clock.
export function installMarks() {
  const at = (t) => performance.timeOrigin + t;
  const marks = { response: null, posted: null, delivered: null, ready: null, painted: null, pageFrame: null };
  // The page's own next frame after the response (a requestAnimationFrame callback, then a task): no badge can be
  // painted before it, whatever the extension does.
  const nextFrame = (mark) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      marks[mark] = at(performance.now());
      window.truefollowBenchMarked?.(mark); // the bench's binding (launch)
    };
    channel.port2.postMessage(0);
  });
  window.truefollowBenchMarks = marks;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function benchSend(...args) {
    this.addEventListener('load', (event) => {
      if (this.responseURL.includes('/UserByScreenName') && marks.response === null) {
        marks.response = at(event.timeStamp);
        nextFrame('pageFrame');
      }
    });
    return send.apply(this, args);
  };
  window.addEventListener('message', (event) => { // a build from before the event (--base)
    const d = event.data;
    if (marks.posted === null && d && d.source === 'truefollow-page-world' && String(d.url).includes('/UserByScreenName')) {
      marks.posted = at(event.timeStamp);
      marks.delivered = at(performance.now());
    }
  });
  // The page world's event (message-schemas.js PAGE_EVENT), made when the capture is sent: its listeners, the
  // content script's among them, run in the call that dispatched it (in an order this page does not know).
  window.addEventListener('truefollow-page-world', (event) => {
    if (marks.posted === null && typeof event.detail === 'string' && event.detail.includes('/UserByScreenName')) {
      marks.posted = at(event.timeStamp);
    }
  });
  const hosts = new Set();
  const isReady = (host) => host.matches('[data-state="ready"]') || Boolean(host.shadowRoot.querySelector('[data-state="ready"]'));
  const check = (mutations) => {
    if (marks.ready !== null) return;
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (node.nodeType !== 1) continue;
        for (const el of [node, ...node.querySelectorAll('*')]) {
          if (el.shadowRoot && !hosts.has(el)) {
            hosts.add(el);
            observer.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
          }
        }
      }
    }
    for (const host of hosts) {
      if (!host.isConnected || !isReady(host)) continue;
      marks.ready = at(performance.now());
      nextFrame('painted');
      return;
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

// A new page of a browser of launch() whose every document runs installMarks first.
export async function markedPage(browser) {
  await browser.context.addInitScript(installMarks);
  return browser.context.newPage();
}

// One load of the profile page, in a browser of launch() whose pages have installMarks (markedPage): the page's marks, read once
// the page has set `mark` ('painted', or 'pageFrame' without the extension). Nothing is evaluated in the page
// before then, so the bench adds no work to the page's thread between its response and its frame.
export async function loadOnce(browser, page, mark) {
  const reached = browser.marked(mark);
  await page.goto(PROFILE_URL, { waitUntil: 'load', timeout: WAIT_MS });
  await reached;
  const marks = await page.evaluate(() => {
    const at = (name) => {
      const entry = performance.getEntriesByName(name).find((e) => String(e.detail).includes('/UserByScreenName'));
      return entry ? performance.timeOrigin + entry.startTime : null;
    };
    return { ...window.truefollowBenchMarks, sent: at('tf-bench:sent'), replied: at('tf-bench:replied'),
      scoreStart: at('tf-bench:score-start'), scoreEnd: at('tf-bench:score-end') };
  });
  if (marks.response === null) throw new Error('bench: the profile response never arrived');
  return marks;
}

// The length of the union of intervals [start, end], each clipped to [from, to].
function covered(intervals, from, to) {
  const parts = intervals.map(({ start, end }) => [Math.max(start, from), Math.min(end ?? to, to)])
    .filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [a, b] of parts) {
    if (b <= reach) continue;
    total += b - Math.max(a, reach);
    reach = b;
  }
  return total;
}

// One load's steps from its page marks and the worker's log (ms): the badge answered by the core in the content
// script (its score marked before the badge was ready), or else by the worker.
function breakdown(marks, log, fresh) {
  if (marks.scoreEnd !== null && marks.scoreEnd <= marks.ready) {
    return {
      page_world: marks.posted - marks.response,
      content_script: marks.scoreStart - marks.posted,
      content_core: marks.scoreEnd - marks.scoreStart,
      content_to_ready: marks.ready - marks.scoreEnd,
      paint: marks.painted - marks.ready,
      total: marks.painted - marks.response,
    };
  }
  const message = log.messages.filter((m) => m.type === 'content/captured' && m.received >= marks.posted - 1 && m.answered !== null && m.answered <= marks.ready + 1)
    .sort((a, b) => a.received - b.received)[0];
  if (!message) return null;
  const { received: from, answered: to } = message;
  const settingsReads = log.storage.filter((s) => s.keys.includes('settings'));
  const storeCalls = log.storage.filter((s) => !s.keys.includes('settings'));
  return {
    page_world: marks.posted - marks.response,
    page_busy: marks.delivered - marks.posted,
    content_script: marks.sent - marks.delivered,
    // The page's and the worker's processes each set their own timeOrigin, a few ms apart: the two messages are
    // timed together, sent to replied less the worker's own time, in which that difference cancels out.
    messages: (marks.replied - marks.sent) - (to - from),
    // A worker started for this load (the first): from its first module running to all of them evaluated.
    worker_start: fresh ? log.evaluated - log.started : null,
    worker: to - from,
    worker_core_load: covered(log.core.filter((c) => c.op === 'load'), from, to),
    worker_core_score: covered(log.core.filter((c) => c.op === 'score'), from, to),
    worker_settings: covered(settingsReads, from, to),
    worker_store: covered(storeCalls, from, to),
    worker_other: (to - from) - covered([...log.core, ...log.storage], from, to),
    storage_calls_before_answer: log.storage.filter((s) => s.start >= from && s.start < to).length,
    content_to_ready: marks.ready - marks.replied,
    paint: marks.painted - marks.ready,
    total: marks.painted - marks.response,
  };
}

const STEPS = ['page_world', 'page_busy', 'content_script', 'content_core', 'messages', 'worker_start', 'worker', 'worker_core_load', 'worker_core_score', 'worker_settings', 'worker_store',
  'worker_other', 'storage_calls_before_answer', 'content_to_ready', 'paint', 'total'];
const medianSteps = (samples) => Object.fromEntries(STEPS.map((k) => [k, median(samples.map((s) => s?.[k]))]));

// Every load is of a profile this device has not stored (its records removed before the load), so that the
// badge waits for the page's response to be scored: with a stored record the badge shows that first, before the
// response arrives. The store itself stays open, as in a worker that has already read a page.
const PROFILE_KEYS = ['p|x|examplestudio', 'a|x|examplestudio', 'h|x|examplestudio', 'i|x|examplestudio'];
// The removal is another writer's change to the open store, which reads the whole area again when it sees one
// (store.js): the load starts once that read is over, as a user's page would find the store.
export const forgetProfile = (worker) => worker.evaluate(async (keys) => {
  const log = globalThis.truefollowBenchLog;
  const removed = performance.timeOrigin + performance.now();
  await (globalThis.browser ?? globalThis.chrome).storage.local.remove(keys);
  const reread = () => log.storage.some((s) => s.keys[0] === '*' && s.start >= removed && s.end !== null);
  // A worker whose store is not open yet (the first load of a round) reads nothing: a second is long enough to tell.
  for (let i = 0; i < 100 && !reread(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}, PROFILE_KEYS);

async function badgeLatency() {
  const browser = await launch(benchBuild());
  try {
    const page = await markedPage(browser);
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const samples = [];
      let first = null;
      for (let i = 0; i < LOADS; i++) {
        await forgetProfile(await browser.worker());
        // Each round's first load starts the worker afresh: its core and settings are not loaded yet.
        if (i === 0) await browser.stopWorker();
        const marks = await loadOnce(browser, page, 'painted');
        const worker = await browser.worker();
        const log = await worker.evaluate(() => {
          const l = globalThis.truefollowBenchLog;
          const copy = JSON.parse(JSON.stringify(l));
          for (const list of [l.messages, l.storage, l.core]) list.length = 0;
          return copy;
        });
        if (process.env.BENCH_DEBUG && i < 3) process.stderr.write(`${JSON.stringify({ marks, log })}\n`);
        const sample = { painted: marks.painted - marks.response, ready: marks.ready - marks.response,
          pageFrame: marks.pageFrame - marks.response, steps: breakdown(marks, log, i === 0) };
        if (i === 0) first = sample;
        else samples.push(sample);
      }
      rounds.push({ painted: median(samples.map((s) => s.painted)), ready: median(samples.map((s) => s.ready)),
        pageFrame: median(samples.map((s) => s.pageFrame)),
        // loads whose badge was in the page's own first frame after the response (within a millisecond of it)
        inFirstFrame: samples.filter((s) => s.painted <= s.pageFrame + 1).length,
        steps: medianSteps(samples.map((s) => s.steps)), first });
      process.stderr.write(`bench: badge round ${round + 1} of ${ROUNDS}: median ${rounds.at(-1).painted.toFixed(1)} ms, ` +
        `first load ${first.painted.toFixed(1)} ms\n`);
    }
    const bestRound = rounds.reduce((a, b) => (b.painted < a.painted ? b : a));
    const bestFirst = rounds.map((r) => r.first).reduce((a, b) => (b.painted < a.painted ? b : a));
    return {
      badge_latency_ms: bestRound.painted,
      badge_ready_ms: bestRound.ready,
      badge_page_frame_ms: bestRound.pageFrame,
      badge_in_first_frame: bestRound.inFirstFrame,
      badge_latency_rounds_ms: rounds.map((r) => r.painted),
      badge_latency_first_ms: bestFirst.painted,
      badge_latency_first_rounds_ms: rounds.map((r) => r.first.painted),
      badge_loads: LOADS - 1,
      badge_rounds: ROUNDS,
      badge_steps_ms: bestRound.steps,
      badge_first_steps_ms: bestFirst.steps,
    };
  } finally {
    await browser.close();
  }
}

// The same page in a browser without the extension: its own next frame after the response, the floor under any
// badge on this page and machine. The same rounds and loads; the best round's median.
async function bareFrame() {
  const browser = await launch(null);
  try {
    const page = await markedPage(browser);
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const frames = [];
      for (let i = 0; i < LOADS; i++) {
        const marks = await loadOnce(browser, page, 'pageFrame');
        if (i > 0) frames.push(marks.pageFrame - marks.response); // the first load of a browser is left out, as above
      }
      rounds.push(median(frames));
      process.stderr.write(`bench: the page without the extension, round ${round + 1} of ${ROUNDS}: next frame ${rounds.at(-1).toFixed(1)} ms\n`);
    }
    return { badge_page_frame_bare_ms: Math.min(...rounds), badge_page_frame_bare_rounds_ms: rounds };
  } finally {
    await browser.close();
  }
}

async function coldStartWorker() {
  const extension = path.join(root, 'build', 'bench', 'chrome-bench');
  const profile = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'x', 'UserByScreenName_examplestudio.json'), 'utf8');
  const rounds = [];
  for (let round = 0; round < ROUNDS && COLD_RUNS > 0; round++) {
    const samples = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const browser = await launch(extension);
      try {
        const worker = await browser.worker();
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
    const of = (key) => median(samples.map((s) => s[key]));
    rounds.push({ ms: of('ms'), instantiateMs: of('instantiateMs'), firstScoreMs: of('firstScoreMs'),
      secondScoreMs: of('secondScoreMs'), fetchMs: of('fetchMs'), compileMs: of('compileMs') });
    process.stderr.write(`bench: cold start round ${round + 1} of ${ROUNDS}: median ${rounds.at(-1).ms.toFixed(1)} ms\n`);
  }
  if (!rounds.length) return {};
  const best = rounds.reduce((a, b) => (b.ms < a.ms ? b : a));
  return {
    cold_start_ms_chromium_worker: best.ms,
    cold_start_instantiate_ms_chromium_worker: best.instantiateMs,
    cold_start_first_score_ms_chromium_worker: best.firstScoreMs,
    cold_start_second_score_ms_chromium_worker: best.secondScoreMs,
    cold_start_fetch_ms_chromium_worker: best.fetchMs,
    cold_start_compile_ms_chromium_worker: best.compileMs,
    cold_start_rounds_ms_chromium_worker: rounds.map((r) => r.ms),
    cold_start_chromium_runs: COLD_RUNS,
  };
}

// Run as a program (bench/compare_browser.mjs imports the pieces above).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = { ...(await badgeLatency()), ...(await bareFrame()), ...(await coldStartWorker()) };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

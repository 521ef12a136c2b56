/*
 * The background worker (Chromium: a module service worker; Firefox: a module background script): the keeper of
 * the store, with a core of its own (the content script scores a page's responses with its own core first, for
 * the badge, and still hands each capture here to be kept). It answers our own content scripts' messages
 * (message-schemas.js) with the core's report:
 *   content/captured {url, body, lang}           -> core.score(body, {url, lang}); accounts stored after the answer
 *   content/audit {records, lang, subject[, keep]} -> core.audit(records as JSON lines of {url, body}, {lang});
 *                                                   the estimate stored with the subject's profile after the
 *                                                   answer, and its inputs only when the user started the audit
 *                                                   (keep: the content script's "Check followers") or vetted the profile;
 *                                                   without engagers in its inputs, with the engagers estimate
 *                                                   stored with the profile (engagers-kept.js)
 *   content/recall {subject}                     -> {profile: the stored record or null}
 *   content/history {subject}                    -> {points, jumps}: the counts kept (records.js), the core's jumps
 * and ignores everything else. Mastodon's records are kept per instance: the host of the sending tab, added to
 * every subject and stored account here (store.js, stored-shapes.js), so a page on one instance can neither read
 * nor change what another instance's pages show. A page can only hand over data to be scored, and only for its own site: every
 * message must come from our content script in a tab, a capture's URL must be one its site's data comes from,
 * a subject must be of the sending page's platform, and accounts of another platform in a report are neither
 * stored nor returned (a page on one site cannot read or change what is stored for another; see sites.js).
 * When the core traps (a WebAssembly.RuntimeError: js-glue then drops the instance),
 * a fresh core is started at once and the error answer says restarted: true, so the badge can say what happened
 * and the next page is read as usual. It also runs the content scripts on the Mastodon instances the user granted
 * (optional host permissions, asked for on the options page). It makes no network request: the core's .wasm
 * is read from the extension's own package.
 */
import '../common/extension-api.js';
import '../common/sites.js';
import '../common/message-schemas.js';
import '../storage/stored-shapes.js';
import '../storage/migrations.js';
import '../storage/store.js';
import '../common/settings.js';
import '../storage/records.js';
import '../storage/engagers-kept.js';
import '../common/report-request.js';
import { loadCore } from '../core/web.js';

const { MSG, isContentCapture, isContentAudit, isContentRecall, isContentHistory, isContentReport } = globalThis.truefollowMessages;
const settings = globalThis.truefollowSettings;
const sites = globalThis.truefollowSites;
const kept = globalThis.truefollowRecords;
// The user's thresholds (options page), passed to the core, which applies them: read once, and read again
// after they changed (the options page saved them, or all stored data was deleted; see the listener below).
let settingsPromise = null;
const coreOptions = async () => {
  settingsPromise ??= settings.load(api.storage.local).catch((error) => {
    settingsPromise = null;
    throw error;
  });
  return settings.coreOptions(await settingsPromise);
};
const { openStore } = globalThis.truefollowStore;
const { PER_INSTANCE } = globalThis.truefollowStoredShapes;
const api = globalThis.truefollowApi;

// ---- the store: opened once per worker life, reopened after the options page cleared it -----------------

// Opening also brings every site down to its share of the storage budget, which shrinks when the user grants
// another Mastodon instance (store.js): the store is opened again then.
let storePromise = null;
function store() {
  storePromise ??= openStore(api.storage.local, { instances: instanceHosts }).then(async (s) => {
    await s.trim();
    return s;
  }).catch((error) => {
    console.warn('truefollow: storage unavailable,', error.message); // scoring goes on without it
    return null;
  });
  return storePromise;
}
// The store opened before stops following storage.local's changes: it is no longer used.
function reopenStore() {
  storePromise?.then((s) => s?.close());
  storePromise = null;
}
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'schema' in changes) reopenStore();
  if (area === 'local' && ('settings' in changes || 'schema' in changes)) settingsPromise = null;
});

// Every write waits for the one before, across store instances too: a store opened again (above) must not
// write beside the previous one, whose account of the bytes stored would no longer be the truth.
let writing = Promise.resolve();
function remember(fn) {
  const run = writing.then(async () => {
    const s = await store();
    if (s) await fn(s);
  }).catch((error) => {
    console.warn('truefollow: not stored,', error.message); // the answer is still given
  });
  writing = run;
  return run;
}

// What is kept of an answer is written after the answer is sent (each write waits for a new task, so the
// answer's sendResponse, a microtask, goes first): one write at a time, in the order they were queued, each
// after the last has settled (a failed write is logged by remember and the next still runs). Every step is a
// storage call, which keeps the worker alive until the queue is empty. Reads of what is kept (recall,
// history) wait for the writes queued before them.
let writes = Promise.resolve();
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const rememberLater = (fn) => {
  writes = writes.then(nextTask).then(() => remember(fn));
};

// The core and the thresholds start loading with the worker: a page's first message (its recall, sent when the
// profile is opened) wakes the worker well before the page's response arrives, which then need not wait for the
// core's cold start. A failed start is tried again by the first task that needs the core.
loadCore().catch(() => {});
coreOptions().catch(() => {});

// ---- the tasks ----------------------------------------------------------------------------------------

async function score({ url, body, lang }, platform, instance) {
  const [core, options] = await Promise.all([loadCore(), coreOptions()]);
  const report = core.score(body, { url, lang, ...options });
  if (Array.isArray(report.accounts)) {
    // The core reads any platform's shape from any URL: only the sending page's platform counts. A profile's
    // follower count goes into its history in the same write.
    report.accounts = report.accounts.filter((a) => a?.platform === platform);
    rememberLater((s) => s.rememberAccounts(report.accounts, { instance }));
  }
  return report;
}

// Audits take the engagers estimate stored with the profile one after another, each after every write queued
// before it (the previous audit's included), so that two audits in flight cannot both miss the other's.
let auditsKept = Promise.resolve();

async function audit({ records, lang, subject, keep = false }) {
  const [core, thresholds] = await Promise.all([loadCore(), coreOptions()]);
  // The core reads JSON lines of capture records {url, body}: one follower page a line.
  const lines = records.map(({ url, body }) => JSON.stringify({ url, body })).join('\n');
  // The options are kept with the inputs, so a copied report re-runs to the same number (popup.js).
  const options = { lang, now: Math.floor(Date.now() / 1000), ...thresholds };
  const report = core.audit(lines, options);
  if (report.status === 'ok' && report.audit) {
    const inputs = { now: options.now, lang, options, model: report.audit.model ?? null, core: core.version, pages: records.length, lines };
    // An audit whose inputs show no engagers (another tab, a reload) keeps the one stored with the profile (engagers-kept.js).
    const kept = auditsKept.then(async () => {
      await writes;
      const s = await store();
      const stored = s ? await s.recall(subject).catch(() => null) : null;
      report.audit = globalThis.truefollowEngagersKept.withEngagers(report.audit, stored, Date.now());
      rememberLater((w) => w.rememberAudit(subject, report.audit, { inputs, userStarted: keep }));
    });
    auditsKept = kept.catch(() => {});
    await kept;
  }
  return report;
}

// The follower counts seen for a profile, and which steps the core calls sudden jumps.
async function history({ subject }) {
  await writes;
  const points = await kept.history(api.storage.local, subject);
  const core = await loadCore();
  const { status, rule, jumps, message } = core.history(points);
  return { status, message, rule, points, jumps: jumps ?? [] };
}

async function recall({ subject }) {
  await writes;
  const s = await store();
  return { profile: s ? await s.recall(subject) : null };
}

// The panel's Save report: the stored profile as the core's one-file HTML report ({html: null} without an audit).
async function reportHtml({ subject, lang }) {
  const area = api.storage.local;
  const request = await globalThis.truefollowReportRequest.build(await kept.profile(area, subject), await kept.inputs(area, subject),
    lang, await kept.history(area, subject));
  return { html: request && (await loadCore()).reportHtml(request) };
}

// A trap leaves the core's instance unusable (js-glue/core.js has dropped it): start the next one now, so that
// the answer can say it was restarted. Any other error (a CoreError: the input was refused) changes nothing.
async function restartAfterTrap(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  console.warn('truefollow: the core trapped and is restarted:', error.message);
  try {
    await loadCore();
    return true;
  } catch (again) {
    console.warn('truefollow: the core did not restart:', again.message);
    return false;
  }
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own content scripts, in a tab, speak to the worker, each for its own page's platform.
  if (sender.id !== api.runtime.id || !sender.tab || typeof sender.url !== 'string') return false;
  const platform = sites.platformOf(sender.url);
  if (!platform) return false;
  // Mastodon is kept per instance: the sending tab's host, never anything the page says.
  const instance = PER_INSTANCE.includes(platform) ? new URL(sender.url).hostname : undefined;
  const fromHere = (url) => sites.dataUrlFits(sender.url, url);
  const ownSubject = (m) => m.subject.platform === platform;
  const scoped = (m) => ({ ...m, subject: { ...m.subject, ...(instance ? { instance } : {}) } });
  let task = null;
  if (isContentCapture(message) && fromHere(message.url)) task = score(message, platform, instance);
  else if (isContentAudit(message) && ownSubject(message) && message.records.every((r) => fromHere(r.url))) task = audit(scoped(message));
  else if (isContentRecall(message) && ownSubject(message)) task = recall(scoped(message));
  else if (isContentHistory(message) && ownSubject(message)) task = history(scoped(message));
  else if (isContentReport(message) && ownSubject(message)) task = reportHtml(scoped(message));
  if (!task) return false;
  task.then(
    (report) => sendResponse({ type: MSG.WORKER_REPORT, report }),
    async (error) => sendResponse({ type: MSG.WORKER_ERROR, message: String(error?.message ?? error), restarted: await restartAfterTrap(error) }),
  );
  return true; // the answer comes asynchronously
});

// ---- Mastodon instances: content scripts wherever the user granted an instance ---------------------------

// The manifest's own content scripts (the page world's and the isolated world's), registered again on every
// instance the user granted: the manifest is the one list of their files. Firefox names them by full URL; the
// registration takes their paths in the package.
const instanceScriptId = (c) => (c.world === 'MAIN' ? 'instance-page-world' : 'instance-content');
const packagePath = (file) => new URL(file, api.runtime.getURL('/')).pathname.slice(1);

// The granted origins that are not the fixed sites of the manifest's own content scripts.
async function instanceOrigins() {
  const fixed = new Set(api.runtime.getManifest().content_scripts.flatMap((c) => c.matches));
  const { origins = [] } = await api.permissions.getAll();
  return origins.filter((o) => !fixed.has(o) && /^https:\/\/[a-z0-9.-]+\/\*$/.test(o));
}

// The hosts of those origins: the Mastodon instances the user granted (the store's upgrade to version 3 asks).
const instanceHosts = async () => (await instanceOrigins()).map((o) => new URL(o.replace(/\*$/, '')).hostname);

async function syncInstanceScripts() {
  const origins = await instanceOrigins();
  const scripts = api.runtime.getManifest().content_scripts;
  const ids = scripts.map(instanceScriptId);
  const registered = await api.scripting.getRegisteredContentScripts({ ids });
  if (registered.length) await api.scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
  if (origins.length === 0) return;
  await api.scripting.registerContentScripts(scripts.map((c) => ({
    id: instanceScriptId(c), js: c.js.map(packagePath), ...(c.world ? { world: c.world } : {}),
    matches: origins, runAt: 'document_start', persistAcrossSessions: false,
  })));
}

let syncing = Promise.resolve();
const resync = () => {
  syncing = syncing.then(syncInstanceScripts).catch((error) => console.warn('truefollow: instance scripts,', error.message));
  return syncing;
};
api.permissions.onAdded.addListener(resync);
api.permissions.onRemoved.addListener(resync);
// Another instance shares the storage budget: the store opens again (and trims) at its next use.
api.permissions.onAdded.addListener(reopenStore);
api.permissions.onRemoved.addListener(reopenStore);
resync();

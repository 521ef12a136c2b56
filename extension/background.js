/*
 * The background worker (Chromium: a module service worker; Firefox: a module background script): the only
 * place the wasm core runs. It answers our own content scripts' messages (messages.js) with the core's report:
 *   content/captured {url, body, lang}  -> core.score(body, {url, lang})
 *   content/audit {records, lang}       -> core.audit(records as JSON lines of {url, body}, {lang})
 * and ignores everything else. It keeps no state and makes no network request (the core's .wasm is read
 * from the extension's own package).
 */
import './messages.js';
import { loadCore } from './core/web.js';

const { MSG, isContentCapture, isContentAudit } = globalThis.truefollowMessages;
const api = globalThis.browser ?? globalThis.chrome;

async function score({ url, body, lang }) {
  const core = await loadCore();
  return core.score(body, { url, lang });
}

async function audit({ records, lang }) {
  const core = await loadCore();
  // The core reads JSON lines of capture records {url, body}: one follower page a line.
  const lines = records.map(({ url, body }) => JSON.stringify({ url, body })).join('\n');
  return core.audit(lines, { lang });
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own content scripts, in a tab, speak to the worker.
  if (sender.id !== api.runtime.id || !sender.tab) return false;
  let task = null;
  if (isContentCapture(message)) task = score(message);
  else if (isContentAudit(message)) task = audit(message);
  if (!task) return false;
  task.then(
    (report) => sendResponse({ type: MSG.WORKER_REPORT, report }),
    (error) => sendResponse({ type: MSG.WORKER_ERROR, message: String(error?.message ?? error) }),
  );
  return true; // the answer comes asynchronously
});

/*
 * "Save report" in the popup: the profile it shows, as the core's one-file HTML vetting report
 * (wasm/src/report_html.c: no script, no request, escaped by construction), in the user's language, downloaded as
 * truefollow-report-<platform>-<handle>.html. With the audit's inputs kept on this device, the report names them
 * (inputs.jsonl, its size and SHA-256) and the `truefollow audit` command that re-derives its numbers.
 * A module: it loads the core (core/web.js) in the popup itself. popup.js marks the profile it shows with
 * data-subject on #current once it is drawn.
 */
import { loadCore } from './core/web.js';

const api = globalThis.browser ?? globalThis.chrome;
const area = api.storage.local;
const { t, language } = globalThis.truefollowI18n;
const records = globalThis.truefollowRecords;

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
const fileName = ({ platform, handle }) => `truefollow-report-${platform}-${String(handle).replace(/[^\w.@-]+/g, '_')}.html`;

async function reportOf(subject) {
  const record = await records.profile(area, subject);
  if (!record?.audit) return null;
  const inputs = await records.inputs(area, subject);
  const kept = inputs && typeof inputs.lines === 'string';
  const request = { audit: record.audit, profile: record.account ?? null, lang: language(), inputs: [], options: '',
    now: kept && Number.isFinite(inputs.now) ? inputs.now : Math.round((record.audit_at ?? Date.now()) / 1000) };
  if (kept) {
    const bytes = new TextEncoder().encode(inputs.lines);
    request.inputs = [{ name: 'inputs.jsonl', bytes: bytes.length, sha256: hex(await crypto.subtle.digest('SHA-256', bytes)) }];
    if (inputs.lang) request.options = `--lang ${inputs.lang}`;
  }
  return (await loadCore()).reportHtml(request);
}

async function save(subject, link) {
  const html = await reportOf(subject);
  if (html === null) return;
  if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  link.download = fileName(subject);
  link.dataset.kind = 'html';
  link.click();
}

// Adds the button beside "Copy report" whenever popup.js draws a profile that has an audience estimate.
async function offer() {
  const box = document.getElementById('current');
  const buttons = box?.querySelector('.buttons');
  if (!box?.dataset.subject || !buttons || buttons.querySelector('#save-report')) return;
  const subject = JSON.parse(box.dataset.subject);
  if (!(await records.profile(area, subject))?.audit) return;
  const button = Object.assign(document.createElement('button'), { type: 'button', id: 'save-report', textContent: t('popup_save_report') });
  button.addEventListener('click', () => save(subject, document.getElementById('download')));
  buttons.append(' ', button);
}

new MutationObserver(offer).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-subject', 'data-ready'] });
offer();

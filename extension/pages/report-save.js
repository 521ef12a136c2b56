/*
 * "Save report" in the popup: the profile it shows, as the core's one-file HTML vetting report
 * (wasm/src/report_html.c: no script, no request, escaped by construction), in the user's language, downloaded as
 * truefollow-report-<platform>-<handle>.html. With the audit's inputs kept on this device, the report names them
 * (inputs.jsonl, its size and SHA-256) and the `truefollow audit` command that re-derives its numbers.
 * Beside the vetting list's exports, "Save report" writes one document with every listed profile side by side.
 * A module: it loads the core (core/web.js) in the popup itself. popup.js marks the profile it shows with
 * data-subject on #current once it is drawn.
 */
import { loadCore } from '../core/web.js';

const api = globalThis.truefollowApi;
const area = api.storage.local;
const { t, language } = globalThis.truefollowI18n;
const records = globalThis.truefollowRecords;

const request = globalThis.truefollowReportRequest;

async function reportOf(subject) {
  const record = await records.profile(area, subject);
  const built = await request.build(record, await records.inputs(area, subject), language(), await records.history(area, subject));
  return built && (await loadCore()).reportHtml(built);
}

async function save(subject, link) {
  const html = await reportOf(subject);
  if (html === null) return;
  if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  link.download = request.fileName(subject);
  link.dataset.kind = 'html';
  link.click();
}

// The vetting list's report: every listed profile side by side, in the list's order.
async function saveList(link) {
  const subjects = await records.vetting(area);
  const accounts = [];
  for (const subject of subjects) {
    const record = await records.profile(area, subject);
    const instance = typeof subject.instance === 'string' ? `, ${subject.instance}` : '';
    accounts.push({ label: `@${String(subject.handle).replace(/^@/, '')} (${subject.platform}${instance})`,
      audit: record?.audit ?? null, profile: record?.account ?? null });
  }
  const html = (await loadCore()).reportHtml({ accounts, lang: language(), now: Math.round(Date.now() / 1000) });
  if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  link.download = 'truefollow-vetting-report.html';
  link.dataset.kind = 'vetting-html';
  link.click();
}

// "Save report" beside the vetting list's export buttons, which popup.js enables when the list has a row.
function offerList() {
  const csv = document.getElementById('export-csv');
  if (!csv || document.getElementById('save-vetting-report')) return;
  const button = Object.assign(document.createElement('button'), { type: 'button', id: 'save-vetting-report', textContent: t('popup_save_report') });
  button.addEventListener('click', () => saveList(document.getElementById('download')));
  csv.parentElement.insertBefore(button, document.getElementById('download'));
}

// Keeps the list's button as usable as the export buttons.
function followExports() {
  const csv = document.getElementById('export-csv');
  const button = document.getElementById('save-vetting-report');
  if (csv && button && button.disabled !== csv.disabled) button.disabled = csv.disabled; // unchanged: no new mutation
}

// Adds the button beside "Copy report" whenever popup.js draws a profile that has an audience estimate.
async function offer() {
  const box = document.getElementById('current');
  const buttons = box?.querySelector('.buttons');
  if (!box?.dataset.subject || !buttons || buttons.querySelector('#save-report')) return;
  const subject = JSON.parse(box.dataset.subject);
  if (!(await records.profile(area, subject))?.audit) return;
  if (buttons.querySelector('#save-report')) return; // added by an earlier call while this one read the store
  const button = Object.assign(document.createElement('button'), { type: 'button', id: 'save-report', textContent: t('popup_save_report') });
  button.addEventListener('click', () => save(subject, document.getElementById('download')));
  buttons.append(' ', button);
}

const update = () => {
  offer();
  offerList();
  followExports();
};
new MutationObserver(update).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-subject', 'data-ready', 'disabled'] });
update();

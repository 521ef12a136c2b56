// @ts-check
/*
 * What the core's HTML report (wasm/src/report_html.h, core.reportHtml) is asked for one stored profile: its
 * audit, its own account, its follower-count history, the language, and, when the audit's inputs are kept on this device (records.js), those
 * inputs named inputs.jsonl with their size and SHA-256 and the options that re-derive the numbers. The same for
 * the popup (report-save.js) and the worker (the panel's Save report, background.js).
 * A classic script that also works as a module's side-effect import: defines globalThis.truefollowReportRequest.
 */
(() => {
  'use strict';

  const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

  /**
   * The request for record (records.profile), inputs (records.inputs, or null) and history (records.history: the
   * follower counts seen, [{t, followers}]); null without an audit.
   */
  async function build(record, inputs, lang, history = []) {
    if (!record?.audit) return null;
    const kept = inputs && typeof inputs.lines === 'string';
    /** @type {Array<{name: string, bytes: number, sha256: string}>} */
    const listed = [];
    const request = { audit: record.audit, profile: record.account ?? null, history, lang, inputs: listed, options: '',
      now: kept && Number.isFinite(inputs.now) ? inputs.now : Math.round((record.audit_at ?? Date.now()) / 1000) };
    if (kept) {
      const bytes = new TextEncoder().encode(inputs.lines);
      request.inputs = [{ name: 'inputs.jsonl', bytes: bytes.length, sha256: hex(await crypto.subtle.digest('SHA-256', bytes)) }];
      if (inputs.lang) request.options = `--lang ${inputs.lang}`;
    }
    return request;
  }

  /** The file a report of this profile is saved as. */
  const fileName = ({ platform, handle }) => `truefollow-report-${platform}-${String(handle).replace(/[^\w.@-]+/g, '_')}.html`;

  globalThis.truefollowReportRequest = Object.freeze({ build, fileName });
})();

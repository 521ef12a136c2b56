/*
 * The shapes the popup hands out, from stored core results only (no estimate is made here):
 *   row(record)            one vetting-list row: the core's numbers for a profile, raw (shares 0..1)
 *   csv(rows), json(rows)  the vetting list as CSV (RFC 4180 quoting, formula-like cells neutralised) and as JSON
 *   report(record, inputs) a single profile's report, with the audit's inputs (the follower pages as JSON
 *                          lines of {url, body}), the options and the model version, and how to re-run it.
 *
 * A classic script: defines globalThis.truefollowReportFormat = {COLUMNS, row, csv, json, report}.
 */
(() => {
  'use strict';

  const COLUMNS = ['platform', 'handle', 'instance', 'followers', 'real_share', 'real_ci90_low', 'real_ci90_high', 'inactive_share',
    'fake_share', 'fake_ci90_low', 'fake_ci90_high', 'fake_at_least', 'sample_n', 'too_few', 'reach', 'reach_ci90_low', 'reach_ci90_high', 'engagement_rate',
    'engagement_far_below', 'factory_runs', 'profile_verdict', 'profile_p_fake', 'model', 'audit_at',
    // who engaged (the core's audit.engagers), beside the followers; contrast: which looks far more fake, if either,
    // judged against the followers' fake share engagers_followers_fake_share; made_at: when it was made, carried: taken
    // over from an earlier audit of the profile (engagers-kept.js), not made from the inputs of audit_at's
    'engagers_n', 'engagers_real_share', 'engagers_real_ci90_low', 'engagers_real_ci90_high', 'engagers_inactive_share',
    'engagers_fake_share', 'engagers_fake_ci90_low', 'engagers_fake_ci90_high', 'engagers_contrast', 'engagers_followers_fake_share',
    'engagers_made_at', 'engagers_carried'];
  const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

  function engagersRow(e, a) {
    const judged = e && 'followers_fake_share' in e ? num(e.followers_fake_share) : num(a?.fake?.share);
    return {
      engagers_n: num(e?.n),
      engagers_real_share: num(e?.real?.share),
      engagers_real_ci90_low: num(e?.real?.ci90?.[0]),
      engagers_real_ci90_high: num(e?.real?.ci90?.[1]),
      engagers_inactive_share: num(e?.inactive?.share),
      engagers_fake_share: num(e?.fake?.share),
      engagers_fake_ci90_low: num(e?.fake?.ci90?.[0]),
      engagers_fake_ci90_high: num(e?.fake?.ci90?.[1]),
      engagers_contrast: typeof e?.contrast === 'string' ? e.contrast : null,
      engagers_followers_fake_share: e ? judged : null,
      engagers_made_at: num(e?.made_at) === null ? null : new Date(e.made_at).toISOString(),
      engagers_carried: e ? e.carried === true : null,
    };
  }

  function row(record) {
    const a = record.audit ?? null;
    const acc = record.account ?? null;
    return {
      platform: record.platform,
      handle: record.handle,
      instance: typeof record.instance === 'string' ? record.instance : null, // Mastodon: the instance it was seen on
      followers: num(acc?.followers) ?? num(a?.reach?.followers),
      real_share: num(a?.real?.share),
      real_ci90_low: num(a?.real?.ci90?.[0]),
      real_ci90_high: num(a?.real?.ci90?.[1]),
      inactive_share: num(a?.inactive?.share),
      fake_share: num(a?.fake?.share),
      // with only a lower bound (the core's fake.at_least), fake_ci90_low is it and the shares are empty
      fake_ci90_low: num(a?.fake?.ci90?.[0]),
      fake_ci90_high: num(a?.fake?.ci90?.[1]),
      fake_at_least: a?.fake ? a.fake.at_least === true : null,
      sample_n: num(a?.n),
      too_few: typeof a?.too_few === 'boolean' ? a.too_few : null,
      reach: num(a?.reach?.value),
      reach_ci90_low: num(a?.reach?.ci90?.[0]),
      reach_ci90_high: num(a?.reach?.ci90?.[1]),
      engagement_rate: num(a?.engagement?.rate),
      engagement_far_below: typeof a?.engagement?.far_below === 'boolean' ? a.engagement.far_below : null,
      factory_runs: Array.isArray(a?.factory?.runs) ? a.factory.runs.length : null,
      profile_verdict: typeof acc?.verdict === 'string' ? acc.verdict : null,
      profile_p_fake: num(acc?.p_fake),
      model: a?.model ?? null,
      audit_at: num(record.audit_at) === null ? null : new Date(record.audit_at).toISOString(),
      ...engagersRow(a?.engagers ?? null, a),
    };
  }

  // A cell a spreadsheet could read as a formula (it begins with =, +, -, @, a tab or a carriage return) gets a
  // leading single quote and is quoted, as OWASP's CSV injection guidance says; numbers are written as numbers.
  const FORMULA_START = /^[=+\-@\t\r]/;
  const cell = (v) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return String(v);
    const text = String(v);
    if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const csv = (rows) => [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
  const json = (rows) => JSON.stringify({ columns: COLUMNS, rows }, null, 2) + '\n';

  function report(record, inputs, { extension = '' } = {}) {
    const kept = inputs && typeof inputs.lines === 'string';
    return {
      report: 'truefollow audience estimate',
      profile: { platform: record.platform, handle: record.handle, ...(typeof record.instance === 'string' ? { instance: record.instance } : {}) },
      extension_version: extension,
      core_version: inputs?.core ?? null,
      model: record.audit?.model ?? inputs?.model ?? null,
      computed_at: num(record.audit_at) === null ? null : new Date(record.audit_at).toISOString(),
      options: inputs?.options ?? null,
      result: record.audit ?? null,
      profile_score: record.account ?? null,
      rerun: kept
        ? `Save "inputs" as inputs.jsonl, then: truefollow audit --now ${inputs.now} --lang ${inputs.lang || 'en'} inputs.jsonl ` +
          '(or core.audit(inputs, options) with js-glue); the same core and model give the same numbers.'
        : 'The inputs were not kept on this device (too large, or the profile was never audited), so this report cannot be re-run.',
      ...(record.audit?.engagers?.carried === true
        ? { engagers_note: 'result.engagers comes from an earlier audit of this profile (result.engagers.made_at), not from these inputs.' } : {}),
      inputs: kept ? inputs.lines : null,
    };
  }

  globalThis.truefollowReportFormat = Object.freeze({ COLUMNS, row, csv, json, report });
})();

/*
 * Words for what the core returned: the badge's face (state, short text, longer detail, tone) and the details
 * panel's content, from the core's account report and audience estimate. Nothing here estimates anything:
 * every number shown is one the core returned, only rounded for display (one decimal near 0% and 100%, where
 * a rounded 0% or 100% would claim certainty). Fields the core leaves out (null or absent) are said to be
 * unknown or left out, never filled in.
 *
 * A classic script: defines globalThis.truefollowFaces = {percent, badgeFace, panelModel, STATE_FACES}.
 */
(() => {
  'use strict';

  const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

  function percent(share) {
    if (!isNumber(share)) return '?';
    const p = share * 100;
    if (p === 0 || p === 100) return `${p}%`;
    if (p > 0 && p < 0.1) return '<0.1%';
    if (p > 99.9 && p < 100) return '>99.9%';
    return `${p < 10 || p > 90 ? p.toFixed(1) : Math.round(p)}%`;
  }

  const interval = (ci) => (Array.isArray(ci) && ci.length === 2 && ci.every(isNumber) ? `${percent(ci[0])}–${percent(ci[1])}` : 'unknown');
  const day = (iso) => (typeof iso === 'string' && /^\d{4}-\d\d-\d\d/.test(iso) ? iso.slice(0, 10) : '?');
  const count = (n) => (isNumber(n) ? Math.round(n).toLocaleString('en') : 'unknown');

  const VERDICTS = {
    real: { symbol: '✓', word: 'likely real', tone: 'good' },
    inactive: { symbol: '◌', word: 'likely inactive', tone: 'muted' },
    fake: { symbol: '⚠', word: 'likely fake', tone: 'warn' },
  };
  const verdictOf = (v) => VERDICTS[v] ?? { symbol: '?', word: String(v), tone: undefined };

  const STATE_FACES = Object.freeze({
    reading: { state: 'reading', text: 'reading…', detail: 'truefollow is waiting for this profile\'s data.', tone: 'muted' },
    'no-data': { state: 'no-data', text: 'not enough data', detail: 'The page showed no account to score yet.', tone: 'muted' },
    unsupported: { state: 'unsupported', text: 'cannot read this page', detail: 'The site sent data in a shape truefollow does not know.', tone: 'muted' },
    error: { state: 'error', text: 'error', detail: 'Something went wrong while scoring.', tone: 'muted' },
  });

  // Which followers a sample holds, and how that leans the estimate.
  const SAMPLE_NOTES = [
    [/^recent followers/, 'These are the most recent followers, as the site lists them. Recent followers include more new, ' +
      'not-yet-active and bought accounts than the audience as a whole, so the estimate leans towards inactive and fake.'],
  ];
  const sampleNote = (sample) => SAMPLE_NOTES.find(([pattern]) => pattern.test(String(sample ?? '')))?.[1] ??
    'How this sample was chosen is not known; it may not represent the whole audience.';

  const hasShares = (audit) => ['real', 'inactive', 'fake'].every((k) => audit?.[k] && Array.isArray(audit[k].ci90));
  const auditIsFirm = (audit) => hasShares(audit) && !audit.too_few && isNumber(audit.real.share);

  function shareLine(audit) {
    return ['real', 'inactive', 'fake'].map((k) => `${k} ${percent(audit[k].share)} (90%: ${interval(audit[k].ci90)})`).join(', ');
  }

  /**
   * The badge's face for a profile: its audience when the core gave a firm estimate, else the account itself,
   * else "not enough data" with what the sample did show.
   */
  function badgeFace({ account = null, audit = null } = {}) {
    const of = hasShares(audit) ? `Of ${count(audit.n)} ${audit.sample ?? 'followers'} read: ${shareLine(audit)}.` : '';
    if (auditIsFirm(audit)) {
      return {
        state: 'ready',
        text: `≈ ${percent(audit.real.share)} real`,
        detail: `${of} Click or press Enter for details.`,
        tone: audit.real.share >= 0.5 ? 'good' : 'warn',
      };
    }
    if (account) {
      const verdict = verdictOf(account.verdict);
      const reasons = (account.reasons ?? []).map((r) => `• ${r.text}`).join('\n');
      return {
        state: 'ready',
        text: `${verdict.symbol} ${verdict.word} · p(fake) ${percent(account.p_fake)}`,
        detail: `The profile itself, by its public counts and fields; its followers have not been read yet.${reasons ? `\n${reasons}` : ''}`,
        tone: verdict.tone,
      };
    }
    if (of) {
      const why = audit.too_few ? 'Too few followers read for a firm answer.' : 'The core could not estimate the shares from this sample.';
      return { state: 'no-data', text: 'not enough data', detail: `${why} ${of}`, tone: 'muted' };
    }
    return null;
  }

  /**
   * The details panel's content: {title, status, audience, reach, engagement, factory, account, models}, each
   * part null when the core did not return it.
   */
  function panelModel({ platform, handle, state, account = null, accountModel = null, audit = null, message = '' }) {
    const face = badgeFace({ account, audit }) ?? STATE_FACES[state] ?? STATE_FACES.reading;
    const model = {
      title: `truefollow · @${String(handle).replace(/^@/, '')} on ${platform}`,
      status: message || face.detail.split('\n')[0].replace(' Click or press Enter for details.', ''),
      audience: null, reach: null, engagement: null, factory: null, account: null,
      models: [...new Set([audit?.model, accountModel].filter((m) => typeof m === 'string' && m))],
    };
    if (hasShares(audit)) {
      model.audience = {
        headline: auditIsFirm(audit) ? `≈ ${percent(audit.real.share)} of the followers look real` : 'Not enough data for a firm answer',
        rows: ['real', 'inactive', 'fake'].map((key) => ({
          key,
          label: key[0].toUpperCase() + key.slice(1),
          share: isNumber(audit[key].share) ? audit[key].share : null,
          lo: audit[key].ci90[0],
          hi: audit[key].ci90[1],
          text: `${percent(audit[key].share)} (90% interval ${interval(audit[key].ci90)})`,
        })),
        sample: `Sample: ${count(audit.n)} ${audit.sample ?? 'followers'}${audit.too_few ? ' — too few for a firm answer' : ''}.`,
        bias: sampleNote(audit.sample),
        method: typeof audit.method === 'string' ? audit.method : '',
      };
      if (audit.reach && isNumber(audit.reach.value)) {
        model.reach = `≈ ${count(audit.reach.value)} real, active followers (90% interval ${Array.isArray(audit.reach.ci90) ? audit.reach.ci90.map(count).join('–') : 'unknown'}).`;
      }
      const e = audit.engagement;
      if (e && typeof e === 'object' && !isNumber(e.rate)) {
        model.engagement = e.posts === 0 ? 'Not measured: no posts of this profile were read yet.' : 'Not measured.';
      } else if (e && isNumber(e.rate)) {
        model.engagement = `${percent(e.rate)} engagement per post` +
          (isNumber(e.tier_typical) ? `; typical for accounts of this size: ${percent(e.tier_typical)}` : '') +
          (e.far_below === true ? ' — far below what this follower count would lead one to expect' : '') +
          (typeof e.source === 'string' && e.source ? ` (from ${e.source})` : '') + '.';
      }
      const f = audit.factory;
      if (f && Array.isArray(f.runs)) {
        model.factory = {
          summary: f.runs.length === 0 ? 'No runs of accounts created together were found in the sample.'
            : `${count(f.in_runs)} of the sampled followers belong to ${f.runs.length} run${f.runs.length === 1 ? '' : 's'} of accounts created together (a sign of bought followers).`,
          runs: f.runs.slice(0, 5).map((r) => `${count(r.members)} accounts, created ${day(r.created_from)} to ${day(r.created_to)}`),
        };
      }
    }
    if (account) {
      const verdict = verdictOf(account.verdict);
      model.account = {
        verdict: `${verdict.symbol} The profile itself looks ${verdict.word.replace('likely ', '')} (estimated chance of a fake: ${percent(account.p_fake)}).`,
        reasons: (account.reasons ?? []).filter((r) => r && typeof r.text === 'string').map((r) => r.text),
      };
    }
    return model;
  }

  globalThis.truefollowFaces = Object.freeze({ percent, badgeFace, panelModel, STATE_FACES });
})();

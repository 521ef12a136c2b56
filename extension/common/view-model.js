// @ts-check
/*
 * Words for what the core returned: the badge's face (state, short text, longer detail, tone) and the details
 * panel's content, from the core's account report and audience estimate. Nothing here estimates anything:
 * every number shown is one the core returned, only rounded for display (one decimal near 0% and 100%, where
 * a rounded 0% or 100% would claim certainty). Fields the core leaves out (null or absent) are said to be
 * unknown or left out, never filled in.
 *
 * The words are the messages of _locales (i18n.js, in the language the user chose), and numbers, shares and
 * dates are written the way that language writes them (Intl): "≈ 38 % echt", "695.695 Follower". The reasons
 * of an account's score come from the core as a sentence key and its numbers (reasons.c) and are written
 * from the messages reason_<key>, each number as a counted phrase (reason_n_<unit>_one, ..._other); a key
 * this file does not know, or numbers that do not fit it, show the core's English text instead. The source
 * of an engagement baseline comes as a kind and a key (engagement.c) with its citation (a name, a page title),
 * which stays as published; it is written from panel_engagement_kind_<kind> and panel_engagement_source_<key>,
 * or as the core's English line when either is not known here. The core's sample and method
 * descriptions are known strings and get the translated wording; an unknown one is shown as the core wrote it.
 *
 * A classic script: defines globalThis.truefollowFaces = {percent, badgeFace, stateFace, panelModel}. It reads
 * globalThis.truefollowI18n when called, so it may load before i18n.js.
 */
(() => {
  'use strict';

  /**
   * A part of the core's JSON report (an account or an audit), or null: untyped, because the view model reads it
   * field by field and treats every field as possibly missing (an older core, a stored record).
   * @typedef {any} CoreReport
   */
  /**
   * What the details panel shows (panelModel); a part is null when the core did not return it.
   * @typedef {object} PanelModel
   * @property {string} title
   * @property {string} status
   * @property {object | null} audience
   * @property {object | null} engagers
   * @property {string | null} reach
   * @property {string | null} engagement
   * @property {{summary: string, runs: string[]} | null} factory
   * @property {{verdict: string, cut: string | null, counts: string, reasons: string[]} | null} account
   * @property {string[]} models
   * @property {Record<string, string>} labels
   * @property {string} modelLine
   * @property {string} lang
   */

  const i18n = () => globalThis.truefollowI18n;
  const t = (key, ...args) => i18n().t(key, ...args);
  const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

  function formatPercent(share, digits) {
    return i18n().number(share, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  // A share as the badge shows it (i18n.js: the rule every page shares).
  const percent = (share) => i18n().percent(share);

  /**
   * A profile's chance of being fake as the badge shows it. The core's chance is a logistic, never 0 or 1: a 0 or
   * 1 in its report is its rounding to six decimals (report.c), shown as <0.1% or >99.9%, never as a certainty. The
   * core's HTML report writes it the same way (report_html.c chance_text); a Node test holds the two to the same text.
   */
  function chance(p) {
    if (p === 1) return `>${formatPercent(0.999, 1)}`;
    if (p === 0) return `<${formatPercent(0.001, 1)}`;
    return percent(p);
  }

  /**
   * Where "likely fake" starts, as the core gave it (report.c: fake_from, rounded to six decimals): exactly, with as
   * many decimals of a percent as it has, never the badge's ">99.9%" (the model's cut for a platform without labelled
   * data is 99.94%, its band's edge 99.2%).
   */
  const cutPercent = (p) => i18n().number(p, { style: 'percent', maximumFractionDigits: 4 });

  /**
   * For an "uncertain" verdict, one sentence on where "likely fake" starts for this account, and where it starts
   * higher than on X, Instagram and TikTok (fake_from above fake_from_labelled: only on a platform without labelled
   * data, and only for the profile model, the list cards' has one cut everywhere) why, and where it starts there.
   * null for other verdicts, and for a report of a core that does not say (no fake_from).
   */
  function cutWords(account) {
    if (account.verdict !== 'uncertain' || !isNumber(account.fake_from)) return null;
    if (isNumber(account.fake_from_labelled) && account.fake_from > account.fake_from_labelled) {
      return t('verdict_uncertain_unlabelled', cutPercent(account.fake_from), cutPercent(account.fake_from_labelled));
    }
    return t('verdict_uncertain_from', cutPercent(account.fake_from));
  }

  const range = (lo, hi) => t('range', lo, hi);
  const interval = (ci) => (Array.isArray(ci) && ci.length === 2 && ci.every(isNumber) ? range(percent(ci[0]), percent(ci[1])) : t('unknown'));
  const day = (iso) => (typeof iso === 'string' && /^\d{4}-\d\d-\d\d/.test(iso) ? i18n().date(iso) : '?');
  const count = (n) => (isNumber(n) ? i18n().number(Math.round(n)) : t('unknown'));
  const counted = (key, n) => t(i18n().pluralKey(key, n), count(n));

  // Each reason key of the core (reasons.c) and how its numbers are written, in order: a counted phrase of
  // that unit (reason_n_<unit>), 'age' (counted in the reason's own unit), 'rate' (two significant digits)
  // or 'percent' (a whole percent). The core's HTML report keeps the same list (wasm/src/reason_words.c); a Node
  // test holds the two to the same words.
  const REASON_ARGS = {
    network_both: ['accounts', 'followers'], network_following: ['accounts'], network_followers: ['followers'],
    activity_unknown: [], activity_age: ['age'], activity_posts: ['posts'], activity_no_posts: ['age'],
    activity_rate: ['posts', 'age', 'rate'], likes_none: [], likes: ['posts'],
    avatar_none: [], avatar_set: [], bio_length: ['characters'], bio_empty: [], link_set: [], link_none: [],
    verified: [], not_verified: [], private: [], public: [],
    handle_consonants: ['consonants'], handle_digits: ['digits', 'characters'], handle_digit_share: ['percent'],
    handle_length_no_digits: ['characters'], handle_length: ['characters'], handle_no_digits: [],
    name_none: [], name_is_handle: [], name_digits: [], name_words: ['words'], name_matches_handle: [],
    name_unlike_handle: [],
  };
  const AGE_UNITS = new Set(['days', 'months', 'years']);

  function reasonArg(kind, v, unit) {
    if (kind === 'rate') return i18n().number(v, { maximumSignificantDigits: 2 });
    if (kind === 'percent') return i18n().number(v / 100, { style: 'percent' });
    const phrase = kind === 'age' ? unit : kind;
    // Years always with their tenth, as the core writes them ("13.0 years", not "13 years").
    const digits = kind === 'age' && unit === 'years' ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : {};
    return t(i18n().pluralKey(`reason_n_${phrase}`, v), i18n().number(v, digits));
  }

  /** A reason of the core in the user's language; its English text when its key or numbers are not known here. */
  function reasonWords(r) {
    const kinds = Object.hasOwn(REASON_ARGS, r.key) ? REASON_ARGS[r.key] : null;
    const args = Array.isArray(r.args) ? r.args : [];
    const fits = kinds && args.length === kinds.length && args.every(isNumber)
      && (!kinds.includes('age') || AGE_UNITS.has(r.unit));
    return fits ? t(`reason_${r.key}`, ...kinds.map((kind, i) => reasonArg(kind, args[i], r.unit))) : r.text;
  }
  const reasonList = (account) => (account.reasons ?? []).filter((r) => r && typeof r.text === 'string').map(reasonWords);

  const VERDICTS = {
    real: { symbol: '✓', word: 'badge_likely_real', tone: 'good' },
    inactive: { symbol: '◌', word: 'badge_likely_inactive', tone: 'muted' },
    fake: { symbol: '⚠', word: 'badge_likely_fake', tone: 'warn' },
    // p(fake) in the model's middle band, where "likely fake" would be wrong too often: not shown as fake.
    uncertain: { symbol: '?', word: 'badge_uncertain', tone: 'muted' },
  };
  const verdictWord = (v) => (VERDICTS[v] ? t(VERDICTS[v].word) : String(v));
  const verdictSymbol = (v) => VERDICTS[v]?.symbol ?? '?';

  // The states other than a result. Reasons for an error: 'restarted' (the core trapped on this page's data
  // and the worker started a fresh one), 'worker' (the worker did not answer, even when asked again).
  const STATE_KEYS = {
    reading: ['badge_reading', 'badge_reading_detail'],
    'no-data': ['badge_no_data', 'badge_no_data_detail'],
    unsupported: ['badge_unsupported', 'badge_unsupported_detail'],
    error: ['badge_error', 'badge_error_detail'],
  };
  const ERROR_DETAILS = { restarted: 'badge_error_restarted', worker: 'badge_error_worker' };

  /**
   * What the badge shows: its state, text and tone; detail: its tooltip; summary: the panel's status line (else
   * the detail).
   * @typedef {{state: string, text: string, detail: string, summary?: string, tone: string}} Face
   */

  /**
   * The face of a state without a result: {state, text, detail, tone}; reason refines an error's detail.
   * @param {string} [state]
   * @param {string} [reason]
   * @returns {Face}
   */
  function stateFace(state, reason) {
    const [text, detail] = STATE_KEYS[state] ?? STATE_KEYS.reading;
    return { state: state && STATE_KEYS[state] ? state : 'reading', text: t(text),
      detail: t(state === 'error' && ERROR_DETAILS[reason] ? ERROR_DETAILS[reason] : detail), tone: 'muted' };
  }

  // The core names its sample's kind (report.c: sample_kind; older reports only had the words of sample_name);
  // each known kind has its wording here, in the plural forms of a count (sample_recent_one, _other). Search
  // results and suggestions are never a sample.
  /** @type {Array<[kind: string, sampleWords: RegExp, sampleKey: string, biasKey: string]>} */
  const SAMPLES = [
    ['followers', /^recent followers/, 'sample_recent', 'panel_bias_recent'],
    ['following', /^accounts followed/, 'sample_following', 'panel_bias_unknown'],
    ['post-author', /^authors of posts/, 'sample_posts', 'panel_bias_unknown'],
    ['listed', /^accounts listed/, 'sample_listed', 'panel_bias_unknown'],
    ['engagers', /^engagers/, 'sample_engagers', 'panel_bias_engagers'],
    ['profile', /^profiles seen/, 'sample_profiles', 'panel_bias_unknown'],
  ];
  const sampleKind = (audit) => {
    const known = SAMPLES.find(([kind, pattern]) => audit?.sample_kind === kind || (!audit?.sample_kind && pattern.test(String(audit?.sample ?? ''))));
    return known ? known.slice(1) : [null, 'sample_accounts', 'panel_bias_unknown'];
  };
  const sampleWords = (audit) => counted(sampleKind(audit)[1], audit.n);
  // The methods the core names (audit.c: the corrected shares' or the one-sided bound's) and their words here.
  /** @type {Array<[RegExp, string]>} */
  const METHODS = [[/^Rogan-Gladen corrected shares/, 'panel_method_rg'], [/^At-least bound/, 'panel_method_floor']];
  const methodWords = (method) => {
    const known = METHODS.find(([pattern]) => pattern.test(method));
    return known ? t(known[1]) : method;
  };
  // The method the core names for the numbers it gave; none where it names none (it gave no number).
  const methodLine = (audit) => (typeof audit.method === 'string' && audit.method ? t('panel_method', methodWords(audit.method)) : '');

  const hasShares = (audit) => ['real', 'inactive', 'fake'].every((k) => audit?.[k] && Array.isArray(audit[k].ci90));
  const auditIsFirm = (audit) => hasShares(audit) && !audit.too_few && isNumber(audit.real.share);
  // No share, only the fewest fakes the sample allows (audit.c: the model's recall of fakes differs too much
  // between data sets to say more). 0 when the sample shows no more flags than genuine accounts also raise.
  const fakeFloor = (audit) => (hasShares(audit) && !audit.too_few && audit.fake.at_least === true &&
    isNumber(audit.fake.ci90[0]) ? audit.fake.ci90[0] : null);

  // What a sample that gives no number showed, and why it gives none: the accounts the model flagged (else the
  // sample's line), then too few read, or the false-fake rate measured on too few genuine accounts (audit.c: such
  // rates give no number; the core then still reports its specificity), or the core's plain "could not".
  function noNumberWords(audit, of) {
    const flagged = audit.flagged;
    const shown = isNumber(flagged?.fake) && isNumber(flagged?.inactive)
      ? t('badge_flagged', sampleWords(audit), counted('badge_flagged_fake', flagged.fake), counted('badge_flagged_inactive', flagged.inactive)) : of;
    const why = audit.too_few ? 'badge_too_few' : isNumber(audit.specificity) ? 'badge_rates_unmeasured' : 'badge_no_estimate';
    return `${shown} ${t(why)}`;
  }

  function shareLine(audit) {
    if (audit.fake?.at_least === true) { // only bounds (audit.c)
      return t('badge_shares_floor', percent(audit.fake.ci90[0]), percent(audit.real.ci90[1]), percent(audit.inactive.ci90[1]));
    }
    return t('badge_shares', ...['real', 'inactive', 'fake'].flatMap((k) => [percent(audit[k].share), interval(audit[k].ci90)]));
  }

  /**
   * The badge's face for a profile: its audience when the core gave a firm estimate or a bound above 0, else the
   * account itself (saying what its followers showed, when they were read), else "not enough data" with what the
   * sample did show. null when there is nothing to say yet.
   */
  /**
   * noFollowerList: the site shows no list of followers (sites.js), so they are never read.
   * @param {{account?: CoreReport, audit?: CoreReport, noFollowerList?: boolean}} [shown]
   * @returns {Face | null}
   */
  function badgeFace({ account = null, audit = null, noFollowerList = false } = {}) {
    const of = hasShares(audit) ? t('badge_sample_line', sampleWords(audit), shareLine(audit)) : '';
    if (auditIsFirm(audit)) {
      return {
        state: 'ready',
        text: t('badge_share_real', percent(audit.real.share)),
        detail: `${of} ${t('badge_details_hint')}`,
        summary: of,
        tone: audit.real.share >= 0.5 ? 'good' : 'warn',
      };
    }
    const floor = fakeFloor(audit);
    if (floor !== null && (floor > 0 || !account)) {
      const words = t(floor > 0 ? 'badge_floor_detail' : 'badge_no_sign_detail', percent(floor));
      return {
        state: 'ready',
        text: floor > 0 ? t('badge_fake_at_least', percent(floor)) : t('badge_no_sign'),
        detail: `${words} ${of} ${t('badge_details_hint')}`,
        summary: `${words} ${of}`,
        tone: floor > 0 ? 'warn' : 'muted',
      };
    }
    if (account?.verdict === 'not-enough-data') {
      // The core gave no probability: the page showed too little of the profile (its handle, perhaps a name).
      return { state: 'no-data', text: t('badge_no_data'), detail: t('badge_account_too_little'), summary: t('badge_account_too_little'), tone: 'muted' };
    }
    if (account) {
      const reasons = reasonList(account).map((words) => `• ${words}`).join('\n');
      // Its followers were read and raise no clear sign of fakes (a bound of 0), or give no number at all: the
      // profile's verdict leads, and the detail says what the followers showed instead of that they were not read.
      const about = !of ? t(noFollowerList ? 'badge_account_detail_no_list' : 'badge_account_detail')
        : `${t('badge_account_own')} ${floor === 0 ? `${t('badge_no_sign_detail')} ${of}` : noNumberWords(audit, of)}`;
      const cut = cutWords(account);
      return {
        state: 'ready',
        text: t('badge_account', verdictSymbol(account.verdict), verdictWord(account.verdict), chance(account.p_fake)),
        detail: `${about}${cut ? ` ${cut}` : ''}${reasons ? `\n${reasons}` : ''}`,
        summary: about,
        tone: VERDICTS[account.verdict]?.tone,
      };
    }
    if (of) {
      const words = noNumberWords(audit, of);
      return { state: 'no-data', text: t('badge_no_data'), detail: words, summary: words, tone: 'muted' };
    }
    return null;
  }

  // Each source key of the core (engagement.c) and the citation fields its message names, in order.
  const SOURCE_ARGS = { instafake_2018: ['source_name'], socialrails: ['source_name', 'source_title'], calculatecreator: ['source_name'] };
  const SOURCE_KINDS = new Set(['measured', 'published']);

  /** An engagement baseline's source in the user's language; the core's English line when its key is not known. */
  function sourceWords(e) {
    const fields = Object.hasOwn(SOURCE_ARGS, e.source_key) ? SOURCE_ARGS[e.source_key] : null;
    const fits = fields && SOURCE_KINDS.has(e.source_kind) && fields.every((f) => typeof e[f] === 'string' && e[f]);
    return fits ? t(`panel_engagement_kind_${e.source_kind}`, t(`panel_engagement_source_${e.source_key}`, ...fields.map((f) => e[f])))
      : e.source;
  }

  function engagementWords(e) {
    if (!e || typeof e !== 'object') return null;
    if (!isNumber(e.rate)) return t(e.posts === 0 ? 'panel_engagement_no_posts' : 'panel_engagement_none');
    return [t('panel_engagement_rate', percent(e.rate)),
      ...(isNumber(e.tier_typical) ? [t('panel_engagement_typical', percent(e.tier_typical))] : []),
      ...(e.far_below === true ? [t('panel_engagement_far_below')] : []),
      ...(typeof e.source === 'string' && e.source ? [t('panel_engagement_source', sourceWords(e))] : [])].join(' ');
  }

  // The public counts the core read for the account, in the user's number format; those not shown are left out.
  function accountCounts(account) {
    return [
      isNumber(account.followers) && counted('count_followers', account.followers),
      isNumber(account.following) && t('count_following', count(account.following)),
      isNumber(account.posts) && counted('count_posts', account.posts),
    ].filter(Boolean).join(' · ');
  }

  // The real / inactive / fake rows of an estimate, as the panel draws them.
  const shareRows = (audit) => ['real', 'inactive', 'fake'].map((key) => ({
    key,
    label: t(`panel_${key}`),
    share: isNumber(audit[key].share) ? audit[key].share : null,
    // The bar's fill: the share, or with only bounds the fewest fakes (and nothing for the rest).
    fill: isNumber(audit[key].share) ? audit[key].share : key === 'fake' && fakeFloor(audit) !== null ? fakeFloor(audit) : 0,
    lo: audit[key].ci90[0],
    hi: audit[key].ci90[1],
    text: fakeFloor(audit) === null ? t('panel_row_value', percent(audit[key].share), interval(audit[key].ci90))
      : key === 'fake' ? t('panel_row_at_least', percent(audit.fake.ci90[0]))
        : t('panel_row_at_most', percent(audit[key].ci90[1])),
  }));

  /**
   * Who engages (the core's audit.engagers): their shares beside the followers', how many of each kind, and a
   * flag, with both numbers, when one side looks far more fake than the other. null when none was read.
   */
  function engagersModel(audit) {
    const e = audit?.engagers;
    if (!hasShares(e)) return null;
    const kinds = e.kinds && typeof e.kinds === 'object' ? e.kinds : {};
    // The followers' share the core judged the contrast against (engagers-kept.js), else this audit's.
    const followersFake = isNumber(e.followers_fake_share) ? e.followers_fake_share : audit.fake?.share;
    const contrast = e.contrast === 'engagers-more-fake' || e.contrast === 'followers-more-fake'
      ? t(e.contrast === 'engagers-more-fake' ? 'panel_contrast_engagers' : 'panel_contrast_followers',
        ...(e.contrast === 'engagers-more-fake' ? [e.fake.share, followersFake] : [followersFake, e.fake.share]).map(percent))
      : null;
    return {
      headline: auditIsFirm(e) ? t('panel_engagers_headline', percent(e.real.share))
        : fakeFloor(e) > 0 ? t('panel_engagers_floor', percent(fakeFloor(e))) : t('panel_headline_unsure'),
      rows: shareRows(e),
      sample: t(e.too_few ? 'panel_sample_too_few' : 'panel_sample', sampleWords(e)),
      kinds: t('panel_engagers_kinds', ...['likers', 'reposters', 'commenters'].map((k) => count(isNumber(kinds[k]) ? kinds[k] : 0))),
      bias: t('panel_bias_engagers'),
      contrast,
      // Taken over from an earlier audit of the profile (engagers-kept.js): when it was made.
      earlier: e.carried === true && isNumber(e.made_at) ? t('panel_engagers_earlier', i18n().date(e.made_at, { ms: true })) : null,
    };
  }

  // The panel's one line on the followers: the real share, or the fewest fakes, or why there is neither.
  function headlineOf(audit) {
    if (auditIsFirm(audit)) return t('panel_headline', percent(audit.real.share));
    const floor = fakeFloor(audit);
    if (floor === null) return t('panel_headline_unsure');
    return floor > 0 ? t('panel_headline_floor', percent(floor)) : t('badge_no_sign');
  }

  /**
   * The details panel's content: {title, status, audience, engagers, reach, engagement, factory, account, models}, each
   * part null when the core did not return it. fallback: the state face shown when there is no result.
   * @param {{platform: string, handle: string, state?: string, account?: CoreReport, accountModel?: string | null,
   *   audit?: CoreReport, noFollowerList?: boolean, fallback?: Face | null}} shown
   */
  function panelModel({ platform, handle, state, account = null, accountModel = null, audit = null, noFollowerList = false, fallback = null }) {
    const face = badgeFace({ account, audit, noFollowerList }) ?? fallback ?? stateFace(state);
    /** @type {PanelModel} */
    const model = {
      title: t('panel_title', String(handle).replace(/^@/, ''), platform),
      status: face.summary ?? face.detail,
      audience: null, engagers: null, reach: null, engagement: null, factory: null, account: null,
      models: [...new Set([audit?.model, accountModel].filter((m) => typeof m === 'string' && m))],
      labels: { audience: t('panel_followers'), engagers: t('panel_engagers'), reach: t('panel_reach_title'), engagement: t('panel_engagement_title'),
        factory: t('panel_factory_title'), account: t('panel_account_title'), close: t('panel_close'), closeLabel: t('panel_close_label') },
      modelLine: '',
      lang: i18n().locale(), // the panel's language, which may not be the page's
    };
    if (hasShares(audit)) {
      model.audience = {
        headline: headlineOf(audit),
        rows: shareRows(audit),
        sample: t(audit.too_few ? 'panel_sample_too_few' : 'panel_sample', sampleWords(audit)),
        bias: t(sampleKind(audit)[2]),
        method: methodLine(audit),
      };
      if (audit.reach && isNumber(audit.reach.value)) {
        const ci = Array.isArray(audit.reach.ci90) ? range(count(audit.reach.ci90[0]), count(audit.reach.ci90[1])) : t('unknown');
        model.reach = t(i18n().pluralKey('panel_reach', Math.round(audit.reach.value)), count(audit.reach.value), ci);
      }
      model.engagers = engagersModel(audit);
      model.engagement = engagementWords(audit.engagement);
      const f = audit.factory;
      if (f && Array.isArray(f.runs)) {
        model.factory = {
          summary: f.runs.length === 0 ? t('panel_factory_none')
            : t(i18n().pluralKey('panel_factory_summary', f.runs.length), count(f.in_runs), count(f.runs.length)),
          runs: f.runs.slice(0, 5).map((r) => t(i18n().pluralKey('panel_factory_run', r.members), count(r.members), day(r.created_from), day(r.created_to))),
        };
      }
    }
    if (account) {
      const verdict = VERDICTS[account.verdict] ? t(`verdict_${account.verdict}`) : String(account.verdict);
      model.account = {
        verdict: account.verdict === 'not-enough-data' ? t('badge_account_too_little')
          : t('panel_account_verdict', verdictSymbol(account.verdict), verdict, chance(account.p_fake)),
        cut: cutWords(account),
        counts: accountCounts(account),
        reasons: reasonList(account),
      };
    }
    model.modelLine = t('panel_model', model.models.length ? model.models.join(', ') : t('panel_model_none'));
    return model;
  }

  globalThis.truefollowFaces = Object.freeze({ percent, badgeFace, stateFace, panelModel });
})();

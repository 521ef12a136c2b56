/*
 * The isolated content script: takes captures from the page world (messages.js, page/captured), has the
 * background worker score them, and keeps one badge next to the name of the profile the page shows.
 *
 * - Captures are untrusted: accepted only from this window, from this page's origin, in the exact shape and
 *   within the size limits of messages.js. The worst a lying page can do is mislabel its own badge.
 * - The profile is the one whose handle is in the page URL (SITES below); single-page navigation is followed
 *   by watching the URL on every DOM change and on popstate, and a new profile gets a new badge.
 * - Profiles already scored are remembered for the page's lifetime, because a site may fetch a profile
 *   before it changes the URL. On a followers page, the follower lists seen so far form the audience sample.
 * - A badge's state only moves forward: reading < error < unsupported < no-data < ready, so a later response
 *   the core cannot read (a post timeline, say) never hides a profile already scored.
 *
 * Left for later (issue 6): the details panel, storage, the other platforms' anchors and handles.
 */
(() => {
  'use strict';

  const { MSG, PAGE_SOURCE, LIMITS, isPageCapture, isWorkerReply } = globalThis.truefollowMessages;
  const { create: createBadge, paint } = globalThis.truefollowBadge;
  const api = globalThis.browser ?? globalThis.chrome;

  // Per platform: the hosts, how the URL names a profile, and where the profile name sits in the DOM.
  const SITES = [
    {
      platform: 'x',
      hosts: ['x.com', 'twitter.com'],
      profile: (path) => {
        const m = /^\/([A-Za-z0-9_]{1,15})(?:\/(followers|verified_followers|following|with_replies|media|likes|highlights))?\/?$/.exec(path);
        if (!m || X_RESERVED.has(m[1].toLowerCase())) return null;
        return { handle: m[1], followersPage: m[2] === 'followers' || m[2] === 'verified_followers' };
      },
      nameBlock: '[data-testid="primaryColumn"] [data-testid="UserName"]',
      nameRow: ':scope > div > div:first-child', // inside nameBlock; the block itself when absent
    },
  ];
  const X_RESERVED = new Set(['home', 'explore', 'i', 'notifications', 'messages', 'search', 'settings',
    'compose', 'login', 'logout', 'signup', 'tos', 'privacy', 'jobs', 'lists', 'bookmarks', 'communities']);

  const RANK = { reading: 0, error: 1, unsupported: 2, 'no-data': 3, ready: 4 };
  const site = SITES.find((s) => s.hosts.includes(location.hostname));
  if (!site) return;

  const scoredProfiles = new Map(); // lowercased handle -> account from the core
  let view = null; // {key, handle, followersPage, host, state, followerRecords, audit}
  let lastHref = '';

  // ---- the profile on screen --------------------------------------------------------------------------

  function followUrl() {
    if (location.href === lastHref) return;
    lastHref = location.href;
    const profile = site.profile(location.pathname);
    const key = profile && `${profile.handle.toLowerCase()}${profile.followersPage ? '/followers' : ''}`;
    if (view && view.key === key) return;
    view?.host.remove();
    view = profile && { ...profile, key, host: createBadge(), state: 'reading', followerRecords: [], audit: null };
    if (view) show();
  }

  // Puts the badge next to the name whenever the site has (re)drawn it.
  function placeBadge() {
    if (!view || view.host.isConnected) return;
    const block = document.querySelector(site.nameBlock);
    if (!block) return;
    const row = block.querySelector(site.nameRow) ?? block;
    row.append(view.host);
  }

  function sync() {
    followUrl();
    placeBadge();
  }

  let syncQueued = false;
  function queueSync() {
    if (syncQueued) return;
    syncQueued = true;
    setTimeout(() => {
      syncQueued = false;
      sync();
    }, 30);
  }

  // ---- what the badge says --------------------------------------------------------------------------

  const percent = (share) => {
    const p = share * 100;
    if (p > 0 && p < 0.1) return '<0.1%';
    if (p > 99.9 && p < 100) return '>99.9%';
    // One decimal near the ends, where a rounded 0% or 100% would claim certainty.
    return `${p < 10 || p > 90 ? p.toFixed(1) : Math.round(p)}%`;
  };

  const VERDICTS = {
    real: { symbol: '✓', word: 'likely real', tone: 'good' },
    inactive: { symbol: '◌', word: 'likely inactive', tone: 'muted' },
    fake: { symbol: '⚠', word: 'likely fake', tone: 'warn' },
  };

  function profileFace(account) {
    const verdict = VERDICTS[account.verdict] ?? { symbol: '?', word: String(account.verdict), tone: undefined };
    const reasons = (account.reasons ?? []).map((r) => `• ${r.text}`).join('\n');
    return {
      state: 'ready',
      text: `${verdict.symbol} ${verdict.word} · p(fake) ${percent(account.p_fake)}`,
      detail: `The profile itself, by its public counts and fields.${reasons ? `\n${reasons}` : ''}`,
      tone: verdict.tone,
    };
  }

  function auditFace(audit) {
    const range = (part) => `${percent(part.share)} (90%: ${percent(part.ci90[0])}–${percent(part.ci90[1])})`;
    return {
      state: 'ready',
      text: `≈ ${percent(audit.real.share)} real · n=${audit.n}`,
      detail: `Of ${audit.n} ${audit.sample}${audit.too_few ? ' (too few for a firm answer)' : ''}: ` +
        `real ${range(audit.real)}, inactive ${range(audit.inactive)}, fake ${range(audit.fake)}.`,
      tone: audit.real.share >= 0.5 ? 'good' : 'warn',
    };
  }

  const FACES = {
    'no-data': { state: 'no-data', text: 'not enough data', detail: 'The page showed no account to score yet.', tone: 'muted' },
    unsupported: { state: 'unsupported', text: 'cannot read this page', detail: 'The site sent data in a shape truefollow does not know.', tone: 'muted' },
    error: { state: 'error', text: 'error', detail: 'Something went wrong while scoring.', tone: 'muted' },
  };

  // Paints the best that is known about the current profile.
  function show(fallback) {
    if (!view) return;
    const account = scoredProfiles.get(view.handle.toLowerCase());
    let face = null;
    if (view.audit) face = auditFace(view.audit);
    else if (account) face = profileFace(account);
    else if (fallback && RANK[fallback.state] > RANK[view.state]) face = fallback;
    if (face) {
      view.state = face.state;
      paint(view.host, face);
    }
    placeBadge();
  }

  // ---- talking to the worker --------------------------------------------------------------------------

  async function ask(message) {
    const reply = await api.runtime.sendMessage(message);
    if (!isWorkerReply(reply)) throw new Error('unexpected reply from the worker');
    if (reply.type === MSG.WORKER_ERROR) throw new Error(reply.message);
    return reply.report;
  }

  const lang = () => {
    const tag = document.documentElement.lang || navigator.language || '';
    return /^[A-Za-z0-9-]{0,35}$/.test(tag) ? tag : '';
  };

  async function onCapture(url, body) {
    const target = view; // the profile on screen when the response arrived
    let report;
    try {
      report = await ask({ type: MSG.CONTENT_CAPTURED, url, body, lang: lang() });
    } catch (error) {
      if (target === view) show(FACES.error);
      console.warn('truefollow:', error.message);
      return;
    }
    const accounts = Array.isArray(report.accounts) ? report.accounts : [];
    for (const account of accounts) {
      if (account && account.seen === 'profile' && typeof account.handle === 'string') {
        scoredProfiles.set(account.handle.toLowerCase(), account);
      }
    }
    if (target !== view || !view) return show();
    if (report.status === 'unsupported') return show(FACES.unsupported);
    if (report.status === 'no-data') return show(FACES['no-data']);
    if (view.followersPage && accounts.some((a) => a && a.seen === 'followers')) return sampleFollowers(url, body);
    show();
  }

  // A followers page: every list seen so far is the sample (oldest pages dropped beyond the limits).
  async function sampleFollowers(url, body) {
    const target = view;
    target.followerRecords.push({ url, body });
    while (target.followerRecords.length > LIMITS.AUDIT_RECORDS ||
      target.followerRecords.reduce((n, r) => n + r.body.length, 0) > LIMITS.AUDIT_CHARS) {
      target.followerRecords.shift();
    }
    try {
      const report = await ask({ type: MSG.CONTENT_AUDIT, records: target.followerRecords.slice(), lang: lang() });
      if (report.status === 'ok' && report.audit && typeof report.audit.n === 'number') target.audit = report.audit;
    } catch (error) {
      console.warn('truefollow:', error.message);
    }
    if (target === view) show(FACES['no-data']);
  }

  // ---- wiring -----------------------------------------------------------------------------------------

  window.addEventListener('message', (event) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const data = event.data;
    // Cheap tests first: the site posts its own messages on the same channel.
    if (!data || typeof data !== 'object' || data.source !== PAGE_SOURCE || !isPageCapture(data)) return;
    sync(); // the URL may have changed just before the response
    onCapture(String(data.url), String(data.body));
  });

  window.addEventListener('popstate', queueSync);
  new MutationObserver(queueSync).observe(document, { childList: true, subtree: true });
  sync();
})();

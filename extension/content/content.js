/*
 * The isolated content script: takes captures from the page world (message-schemas.js, page/captured), scores
 * them with the core here (core/content-core.js; the background worker's, where this page forbids WebAssembly),
 * hands them to the worker to be kept, and keeps one badge next to the name of the profile the page shows, with the
 * details panel behind it (badge.js, panel.js, view-model.js for the words; sites.js for URLs and anchors).
 *
 * - Captures are untrusted: accepted only as an event on this window (so from a script of this page's origin), in the exact shape and
 *   within the size limits of message-schemas.js, and from a URL this site's data comes from (sites.js; the worker
 *   checks the same, and keeps only accounts of this page's platform). Nothing stored goes back to the page
 *   (audit mode only asks the page world for the next page of a list), and nothing from it is inserted as HTML. The worst a lying page can do is mislabel its own site's badges and
 *   stored profiles; it cannot read or change what is stored for another site.
 * - The profile is the one whose handle is in the page URL; single-page navigation is followed by watching
 *   the URL on every DOM change and on popstate, and a new profile gets a new badge (the old one goes, with
 *   its panel).
 * - What the badge says: on a followers page, the audience estimated from the follower lists this page has
 *   shown (with the profile's own response as the core's first input when this page captured it, so that the
 *   core reads the follower count itself and gives true reach, and the profile's posts next when the site
 *   fetched them apart, for engagement); on a profile page, the latest audience estimate stored for it (from an earlier followers page),
 *   else the account's own score. Profiles scored are also remembered for the page's lifetime, because a site
 *   may fetch a profile before it changes the URL.
 * - A badge's state only moves forward: reading < error < unsupported < no-data < ready, so a later response
 *   the core cannot read (a post timeline, say) never hides a profile already scored.
 * - When the worker does not answer (it was stopped or crashed), the message is sent once more, which starts
 *   it again; when the core trapped on a response, the worker has already started a fresh one and says so.
 *   Either way the badge shows "error" and says which of the two happened; the next profile is read as usual.
 * - The words are in the language chosen on the options page; the badge is repainted when it changes.
 */
(() => {
  'use strict';

  const { MSG, PAGE_EVENT, LIMITS, isPageCapture, isPageRefusal, isWorkerReply } = globalThis.truefollowMessages;
  const { siteFor, sameHandle, dataUrlFits } = globalThis.truefollowSites;
  const badge = globalThis.truefollowBadge;
  const panel = globalThis.truefollowPanel;
  const { badgeFace, stateFace, panelModel } = globalThis.truefollowFaces;
  const api = globalThis.truefollowApi;

  const RANK = { reading: 0, error: 1, unsupported: 2, 'no-data': 3, ready: 4 };
  const site = siteFor(location.hostname);
  if (!site) return;
  // Audit mode (audit-mode.js): settings, audit mode, chart and history; its hooks are called below.
  const auditMode = globalThis.truefollowAuditMode.attach({
    platform: site.platform,
    // The settings were read (at start, after this script has run): the badge is made now, not in the task of
    // the page's response, which the page's next frame waits for.
    resync: () => { lastHref = ''; sync(); },
    refreshPanel: (target) => { if (panel.isOpen() && target === view) openPanel(target); },
    keepInputs: (target) => auditFollowers(target),
  });

  const scoredProfiles = []; // {account, model} of every profile the core read on this page
  // The latest response that showed each profile (lower-cased handle -> {url, body}), the first input of its
  // followers' audits; the oldest go beyond PROFILE_CAPTURES.
  const profileCaptures = new Map();
  const PROFILE_CAPTURES = 50;
  const PROFILE_CAPTURE_CHARS = 1024 * 1024; // a profile's API answer is a few kB; whole HTML pages are not kept
  // The latest response with each profile's own posts, when a site fetches them apart from the profile (X's
  // UserTweets, Bluesky's author feed, Mastodon's statuses): the second input of its followers' audits, which
  // measure engagement from them. Same limits as the profiles'.
  const postCaptures = new Map();
  // Who engaged with a profile's posts (their likers, reposters and commenters, read on a post's own pages):
  // every such response under the post author's handle, the latest ENGAGER_CAPTURES of each, inputs of its
  // followers' audits too, where the core estimates them apart (audit.engagers). Same limits per response.
  const engagerCaptures = new Map();
  const ENGAGER_CAPTURES = 20;
  const ENGAGERS = new Set(['likers', 'reposters', 'commenters']);
  // A site whose post pages need not name the author (Instagram's /p/<code>/) names the post in its data URLs
  // (sites.js postOf): its author is learnt from the post's own media info, and its likers and commenters that
  // arrive before it wait for it here (the latest ENGAGER_CAPTURES of each post, PROFILE_CAPTURES posts).
  const postAuthors = new Map(); // post id -> its author's handle
  const unfiledEngagers = new Map(); // post id -> [{url, body}]
  let view = null; // {key, handle, followersPage, host, state, fallback, followerRecords, audit, stored}
  let lastHref = '';

  const accountFor = (handle) => scoredProfiles.findLast(({ account }) =>
    sameHandle(account.handle, handle) || (account.id && account.id === handle)) ?? null;

  // ---- the profile on screen --------------------------------------------------------------------------

  function followUrl() {
    if (!auditMode.allows()) return; // the platform is off in the options (or they are not read yet)
    if (location.href === lastHref) return;
    lastHref = location.href;
    const profile = site.profile(location.pathname);
    const key = profile && `${profile.handle.toLowerCase()}${profile.followersPage ? '/followers' : ''}`;
    if (view && view.key === key) return;
    if (view) {
      panel.close({ refocus: false });
      view.host.remove();
    }
    view = null;
    auditMode.viewing(null);
    if (!profile) return;
    const next = { ...profile, key, state: 'reading', fallback: null, followerRecords: [], audit: null, stored: null };
    next.host = badge.create({ onActivate: () => openPanel(next) });
    view = next;
    auditMode.viewing(next);
    recall(next);
    show();
  }

  // Puts the badge next to the name whenever the site has (re)drawn it.
  function placeBadge() {
    if (!view || view.host.isConnected) return;
    if (site.isSite && !site.isSite(document)) return;
    const anchor = document.querySelector(site.anchor) ?? (site.anchorFallback && document.querySelector(site.anchorFallback));
    if (anchor) anchor.append(view.host);
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

  // The audience and account the current view stands on. A followers page is about its followers: until the core
  // has estimated from a list, the account alone does not answer it; after, the account's verdict leads where the
  // list gives no number or no clear sign of fakes (badgeFace), as on the profile's own page.
  function known(target) {
    const audit = target.followersPage ? target.audit : target.stored?.audit ?? null;
    if (target.followersPage && !audit) return { account: null, accountModel: null, audit };
    const scored = accountFor(target.handle);
    return { account: scored?.account ?? target.stored?.account ?? null, accountModel: scored?.model ?? null, audit };
  }

  // Paints the best that is known about the current profile. fallback: {state, reason}, the state to show
  // when there is no result (kept, and only ever raised, so that a repaint in another language says it again).
  function show(fallback) {
    if (!view) return;
    if (fallback && RANK[fallback.state] > RANK[view.fallback?.state ?? 'reading']) view.fallback = fallback;
    let face = badgeFace({ ...known(view), noFollowerList: site.noFollowerList === true });
    if (!face) face = stateFace(view.fallback?.state ?? 'reading', view.fallback?.reason);
    view.state = face.state;
    badge.paint(view.host, face);
    placeBadge();
  }

  function openPanel(target) {
    if (target !== view) return;
    badge.setExpanded(target.host, true);
    const fallback = target.fallback && stateFace(target.fallback.state, target.fallback.reason);
    const model = panelModel({ platform: site.platform, handle: target.handle, state: target.state, fallback, ...known(target),
      noFollowerList: site.noFollowerList === true });
    const language = globalThis.truefollowI18n.language().replace('_', '-'); // the worker's lang check allows no '_'
    model.extras = [...auditMode.panelParts(target), globalThis.truefollowPanelReport.part(
      () => ask({ type: MSG.CONTENT_REPORT, subject: subjectOf(target), lang: language }),
      globalThis.truefollowReportRequest.fileName(subjectOf(target)))];
    panel.open(target.host, model, { onClose: () => badge.setExpanded(target.host, false) });
  }

  // ---- talking to the worker --------------------------------------------------------------------------

  // A failure of the worker's: reason 'restarted' (its core trapped and was started afresh) or 'worker' (it
  // did not answer), or none (it refused the input, or something else failed).
  class WorkerFailure extends Error {
    constructor(message, reason) {
      super(message);
      this.reason = reason;
    }
  }

  // The worker's answer. A message that gets no answer at all (the worker was stopped or died while it
  // worked: the browser rejects the call) is sent once more, which wakes the worker again.
  async function ask(message) {
    let reply;
    try {
      reply = await api.runtime.sendMessage(message);
    } catch (first) {
      console.warn('truefollow: no answer from the worker, asking again:', first.message);
      try {
        reply = await api.runtime.sendMessage(message);
      } catch (second) {
        throw new WorkerFailure(second.message, 'worker');
      }
    }
    if (!isWorkerReply(reply)) throw new WorkerFailure('unexpected reply from the worker', reply === undefined ? 'worker' : undefined);
    if (reply.type === MSG.WORKER_ERROR) throw new WorkerFailure(reply.message, reply.restarted ? 'restarted' : undefined);
    return reply.report;
  }

  // ---- the core in this page ------------------------------------------------------------------------------

  // A capture is scored here, by the core in the content script (core/content-core.js), as soon as it arrives:
  // while a page loads, the browser's threads are busy, and a round trip to the worker took most of the time from
  // the response to the painted badge (docs/bench.md). The worker still gets every capture, to keep what it
  // shows (store.js); its answer counts only when the core here is not ready or failed on the text.
  const contentCore = globalThis.truefollowContentCore;
  // Loads when the page starts, off the badge's path, and again after a trap; null when it cannot load (the
  // worker answers then). No warm-up score: one made it compile early, but on the page's thread while the page
  // loads, which delayed the page's own first frame more than it saved (docs/bench.md).
  let coreHere = null;
  const loadCoreHere = () => {
    coreHere = contentCore ? contentCore.loadCore().catch((error) => {
      console.warn('truefollow: scoring in the worker,', error.message);
      return null;
    }) : Promise.resolve(null);
  };
  loadCoreHere();

  const STORE_WITHIN_MS = 2000;
  const whenIdle = (fn) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: STORE_WITHIN_MS }) : setTimeout(fn, 0));

  async function scoreCapture(url, body) {
    const toWorker = () => ask({ type: MSG.CONTENT_CAPTURED, url, body, lang: lang() });
    const core = await coreHere;
    if (core) {
      try {
        const report = core.score(body, { url, lang: lang(), ...auditMode.coreOptions() });
        if (SHOW_CAPTURE_TALLY) document.documentElement.setAttribute('data-truefollow-scored-here', String(++scoredHere));
        // Handed to the worker once the page's thread is idle (within STORE_WITHIN_MS): after the frame that shows
        // the badge, and after whatever the page does next with its response. Stored or not, the badge has its answer.
        whenIdle(() => toWorker().catch((error) => console.warn('truefollow: not stored,', error.message)));
        // As the worker answers: only accounts of this page's platform count.
        if (Array.isArray(report.accounts)) report.accounts = report.accounts.filter((a) => a?.platform === site.platform);
        return report;
      } catch (error) {
        if (!(error instanceof contentCore.CoreError)) loadCoreHere(); // a trap (the loader dropped that core): a fresh one
      }
    }
    return toWorker();
  }

  const lang = () => {
    const tag = document.documentElement.lang || navigator.language || '';
    return /^[A-Za-z0-9-]{0,35}$/.test(tag) ? tag : '';
  };

  const subjectOf = (target) => ({ platform: site.platform, handle: target.handle.replace(/^@/, '').slice(0, LIMITS.HANDLE_CHARS) });

  // What this device stored about the profile on an earlier visit.
  async function recall(target) {
    try {
      const { profile } = await ask({ type: MSG.CONTENT_RECALL, subject: subjectOf(target) });
      if (profile && typeof profile === 'object') target.stored = profile;
    } catch (error) {
      console.warn('truefollow:', error.message);
    }
    if (target === view) show();
  }

  const captureKey = (handle) => handle.replace(/^@/, '').toLowerCase();
  function keepCapture(captures, handle, url, body) {
    const key = captureKey(handle);
    captures.delete(key);
    captures.set(key, { url, body });
    if (captures.size > PROFILE_CAPTURES) captures.delete(captures.keys().next().value);
  }
  const profileCaptureOf = (target) => profileCaptures.get(captureKey(target.handle)) ?? null;
  const engagerCapturesOf = (target) => engagerCaptures.get(captureKey(target.handle)) ?? [];
  function keepEngagers(handle, url, body) {
    const key = captureKey(handle);
    const kept = (engagerCaptures.get(key) ?? []).filter((r) => r.url !== url).concat({ url, body }).slice(-ENGAGER_CAPTURES);
    engagerCaptures.delete(key);
    engagerCaptures.set(key, kept);
    if (engagerCaptures.size > PROFILE_CAPTURES) engagerCaptures.delete(engagerCaptures.keys().next().value);
  }
  const postCaptureOf = (target) => postCaptures.get(captureKey(target.handle)) ?? null;

  // The author whose engagers a response at url shows: the one the page's address names (postAuthor), else the
  // one the post's own data named. A response naming exactly one post author for its post (media info) teaches
  // it, and files that post's waiting engagers under them.
  function engagersAuthor(url, accounts, postAuthor) {
    const post = site.postOf?.(url) ?? null;
    const authors = new Set(accounts.filter((a) => a.seen === 'post-author' && typeof a.handle === 'string').map((a) => captureKey(a.handle)));
    if (post && authors.size === 1) {
      const [author] = authors;
      postAuthors.delete(post);
      postAuthors.set(post, author);
      if (postAuthors.size > PROFILE_CAPTURES) postAuthors.delete(postAuthors.keys().next().value);
      for (const r of unfiledEngagers.get(post) ?? []) keepEngagers(postAuthor ?? author, r.url, r.body);
      unfiledEngagers.delete(post);
    }
    return postAuthor ?? (post && postAuthors.get(post)) ?? null;
  }
  function holdEngagers(url, body) {
    const post = site.postOf?.(url) ?? null;
    if (!post) return;
    const held = (unfiledEngagers.get(post) ?? []).filter((r) => r.url !== url).concat({ url, body }).slice(-ENGAGER_CAPTURES);
    unfiledEngagers.delete(post);
    unfiledEngagers.set(post, held);
    if (unfiledEngagers.size > PROFILE_CAPTURES) unfiledEngagers.delete(unfiledEngagers.keys().next().value);
  }
  // A response of posts with no profile in it, among whose authors is the profile on screen: its timeline.
  const isTimelineOf = (target, report, accounts) => Boolean(target) && typeof report.posts === 'number' && report.posts > 0 &&
    !accounts.some((a) => a.seen === 'profile') &&
    accounts.some((a) => a.seen === 'post-author' && typeof a.handle === 'string' && sameHandle(a.handle, target.handle));

  // Captures being read, by order of arrival: a followers page waits for those that came before it, so the
  // profile's own response (sites fetch it first) is in the core's input when its followers are estimated.
  const reading = new Map();
  let arrivals = 0;
  function onCapture(url, body, next = '') {
    const seq = ++arrivals;
    // The post whose page this is, when the response arrived (the user may have moved on before it is read).
    const postAuthor = site.postAuthor?.(location.pathname) ?? null;
    const done = readCapture(url, body, next, seq, postAuthor).finally(() => reading.delete(seq));
    reading.set(seq, done);
    return done;
  }
  const earlierCaptures = (seq) => Promise.allSettled([...reading].filter(([k]) => k < seq).map(([, p]) => p));

  async function readCapture(url, body, next, seq, postAuthor) {
    await auditMode.ready; // the settings, read once at start
    if (!auditMode.allows()) return;
    sync(); // when the settings arrived just now, the badge for this URL is made here, before the capture is read
    const target = view; // the profile on screen when the response arrived
    let report;
    try {
      report = await scoreCapture(url, body);
    } catch (error) {
      if (target === view) show({ state: 'error', reason: error.reason });
      console.warn('truefollow:', error.message);
      return;
    }
    const accounts = Array.isArray(report.accounts) ? report.accounts.filter((a) => a && typeof a === 'object') : [];
    let profileOfView = false;
    for (const account of accounts) {
      if (account.seen !== 'profile' || typeof account.handle !== 'string') continue;
      scoredProfiles.push({ account, model: report.model ?? null });
      if (body.length <= PROFILE_CAPTURE_CHARS) keepCapture(profileCaptures, account.handle, url, body);
      profileOfView ||= Boolean(view) && sameHandle(account.handle, view.handle);
    }
    const timelineOfView = isTimelineOf(target, report, accounts) && body.length <= PROFILE_CAPTURE_CHARS;
    const author = engagersAuthor(url, accounts, postAuthor);
    if (accounts.some((a) => ENGAGERS.has(a.seen)) && body.length <= PROFILE_CAPTURE_CHARS) {
      if (author) keepEngagers(author, url, body);
      else holdEngagers(url, body); // its post's author is not known yet
    }
    if (timelineOfView) keepCapture(postCaptures, target.handle, url, body);
    auditMode.authorsSeen(accounts); // on any page: a thread's or a search's authors too
    if (!view || target !== view) return show();
    // The profile or its posts arrived after its followers were sampled: the estimate is made again with them.
    if ((profileOfView || timelineOfView) && view.followersPage && view.followerRecords.length) auditFollowers(view);
    auditMode.captured(target, url, body, accounts, next);
    if (report.status === 'unsupported') return show({ state: 'unsupported' });
    if (report.status === 'no-data') return show({ state: 'no-data' });
    const followers = accounts.some((a) => a.seen === 'followers');
    // A site that lists followers in a dialog over the profile (TikTok): its first page read makes this a followers page.
    if (followers && !view.followersPage && site.followersDialog) {
      view.followersPage = true;
    }
    if (view.followersPage && followers) return sampleFollowers(target, url, body, seq);
    show();
  }

  // A followers page: every list seen so far is the sample (oldest pages dropped beyond the limits).
  async function sampleFollowers(target, url, body, seq) {
    await earlierCaptures(seq);
    target.followerRecords.push({ url, body });
    return auditFollowers(target);
  }

  // The core's estimate from the follower pages kept, after the profile's own response and its posts when this
  // page has them (the core samples the follower list alone; the profile gives reach, the posts engagement).
  async function auditFollowers(target) {
    const subject = [profileCaptureOf(target), postCaptureOf(target), ...engagerCapturesOf(target)].filter(Boolean);
    const maxRecords = LIMITS.AUDIT_RECORDS - subject.length;
    const maxChars = LIMITS.AUDIT_CHARS - subject.reduce((n, r) => n + r.body.length, 0);
    while (target.followerRecords.length > maxRecords ||
      target.followerRecords.reduce((n, r) => n + r.body.length, 0) > maxChars) {
      target.followerRecords.shift();
    }
    const records = [...subject, ...target.followerRecords];
    try {
      // keep: the user started this audit, so the worker may keep its inputs (audit-mode.js).
      const report = await ask({ type: MSG.CONTENT_AUDIT, records, lang: lang(), subject: subjectOf(target), keep: auditMode.userStarted(target) });
      if (report.status === 'ok' && report.audit && typeof report.audit.n === 'number') {
        target.audit = report.audit;
        auditMode.audited(target, report.audit);
      }
    } catch (error) {
      console.warn('truefollow:', error.message);
    }
    if (target === view) show({ state: 'no-data' });
  }

  // ---- wiring -----------------------------------------------------------------------------------------

  // The page messages claiming to be captures, by what became of them, and how many the core here scored. The test build
  // (scripts/build/build-extension.mjs --test) shows the tally on <html data-truefollow-captures> for the end-to-end
  // tests; releases keep it to themselves.
  const SHOW_CAPTURE_TALLY = false;
  const tally = { accepted: 0, schema: 0, site: 0 };
  let scoredHere = 0; // captures the core in this page answered (data-truefollow-scored-here in the test build)
  function count(outcome) {
    tally[outcome]++;
    if (SHOW_CAPTURE_TALLY) document.documentElement.setAttribute('data-truefollow-captures', JSON.stringify(tally));
    return outcome === 'accepted';
  }

  // The page world's messages (page-world.js): each arrives as an event whose listener runs at once, in the task
  // that dispatched it. Any script of the page can dispatch one too: the same checks for all.
  window.addEventListener(PAGE_EVENT, (event) => {
    const detail = event.detail; // a string, whichever world made the event
    if (typeof detail !== 'string' || detail.length > LIMITS.EVENT_CHARS) return count('schema');
    let data;
    try {
      data = JSON.parse(detail);
    } catch {
      return count('schema');
    }
    // A follower-list read the server refused: audit mode stops and says why (it is no capture: nothing is scored).
    if (isPageRefusal(data)) {
      if (dataUrlFits(location.href, data.url) && view) auditMode.refused(view, data.url, data.status);
      return;
    }
    if (!isPageCapture(data)) return count('schema');
    if (!dataUrlFits(location.href, data.url)) return count('site'); // another site's URL
    count('accepted');
    sync(); // the URL may have changed just before the response
    onCapture(data.url, data.body, typeof data.next === 'string' ? data.next : '');
  });

  // Another language chosen on the options page (audit-mode.js has already switched i18n to it).
  globalThis.truefollowSettings.watch(api.storage, () => {
    if (!view || badge.language(view.host) === globalThis.truefollowI18n.locale()) return;
    show();
    if (panel.isOpen()) openPanel(view);
  });

  window.addEventListener('popstate', queueSync);
  new MutationObserver(queueSync).observe(document, { childList: true, subtree: true });
  sync();
})();

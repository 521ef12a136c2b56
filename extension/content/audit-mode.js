/*
 * Audit mode and the panel's sections it adds (chart, history), in the content script. content.js calls the hooks of the
 * object attach() returns; everything else stays here:
 *   allows()                      the user has this platform on (options page); false until settings are read
 *   coreOptions()                 the thresholds the user set (options page), as the core takes them
 *   viewing(target)               the profile now on screen (or null): its own posts get no author badges
 *   authorsSeen(accounts)         every response the core read on any page, a profile's or not (a thread, a
 *                                 search): the authors of its posts get their small badges (list-badges.js)
 *   captured(target, url, body, accounts, next)   every response the core read on a profile's page (accounts: its
 *                                 report's; next: the next page its Link header named, or ''); its followers
 *                                 get their small badges
 *   audited(target, audit)        every audience estimate of the current followers sample
 *   refused(target, url, status)  a follower-list read the server refused (page-world.js): audit mode stops
 *   userStarted(target)           the user started this audit ("Check followers", here or on the profile page
 *                                 that opened this list): only then does the worker keep its inputs. An
 *                                 audit that starts by itself, from a followers page the site (or the page's
 *                                 own script) navigated to, keeps none
 *   panelParts(target)            live sections for the details panel: audit mode, the chart, the history
 *
 * Audit mode ("Check followers") reads the followers list the site itself shows, politely: one page, then
 * PAGE_DELAY_MS of rest, then the next; the user's goal is the sample size from the options (300 by default,
 * 2,000 at most); Stop works at any moment and Resume goes on from there. On X and Instagram it scrolls the
 * list to its end, so the site fetches its own next page (captured like any other); on TikTok, whose list is a
 * dialog over the profile page opened from its followers count (sites.js: followersDialog), it opens the
 * dialog and scrolls the dialog's list to its end. On Bluesky and
 * Mastodon, whose lists are read from public APIs, it asks the page world (page-world.js) to read the next
 * page from the page itself, a plain GET with the page's origin, as the site's own client does: on Bluesky
 * the public AppView's app.bsky.graph.getFollowers with the last page's cursor, on Mastodon the instance's
 * own followers API at the address its last Link header named (rel="next"). The answer comes back as a
 * capture. The extension itself requests nothing. Only reads: nothing is followed, liked or written, and no
 * request is made that the site would not make while the user scrolls. A list with no next page (no cursor,
 * no next link) has ended. A read the server refuses (an instance that lets no one read its lists without
 * signing in answers 401 or 403; any other error status; no answer at all) stops audit mode at once, with
 * what was read so far kept and the reason shown; Resume asks once more. Lists the user scrolls by hand feed the same sample (content.js keeps every
 * followers page seen).
 *
 * The numbers shown are the core's: the sample size n, the shares and intervals, the factory runs, the
 * creation dates (core.score's created_at per follower), the history's jumps (the worker's store keeps the
 * counts; the jump rule is in wasm/src/history.h). Nothing here computes a score.
 *
 * A classic content script: defines globalThis.truefollowAuditMode = {attach, PAGE_DELAY_MS}.
 */
(() => {
  'use strict';

  // The pause between two pages: far below any site's own rate limits. Releases always use 1500 ms; the
  // end-to-end tests' build (scripts/build/build-extension.mjs --test) rewrites this one line to go faster.
  const PAGE_DELAY_MS = 1500;
  const PAGE_WAIT_MS = 12000; // a page that has not arrived by then: the list has ended (after two tries)
  const BLUESKY_APPVIEW = 'https://public.api.bsky.app/xrpc/app.bsky.graph.getFollowers';
  const { MSG, CONTENT_SOURCE } = globalThis.truefollowMessages;
  const api = globalThis.truefollowApi;
  const settingsApi = globalThis.truefollowSettings;
  const i18n = globalThis.truefollowI18n;
  const { t } = i18n;
  // A message counting followers, in the form that fits n (audit_done_one, audit_done_other, ...): the count first, then the rest.
  const counted = (key, n, ...rest) => t(i18n.pluralKey(key, n), i18n.number(n), ...rest);
  const chart = globalThis.truefollowChart;
  const historyView = globalThis.truefollowHistoryView;

  const { el } = globalThis.truefollowDom;
  const sleep = (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

  // Where each platform lists a profile's followers at an address of their own (TikTok lists them in a dialog
  // over the profile page, see followersDialog; YouTube shows no such list on the web).
  const FOLLOWERS_PATH = {
    x: (h) => `/${h}/followers`,
    instagram: (h) => `/${h}/followers/`,
    bluesky: (h) => `/profile/${h}/followers`,
    mastodon: (h) => `/@${h}/followers`,
  };
  const dialogOpenerOf = (platform) => globalThis.truefollowSites?.SITES.find((s) => s.platform === platform)?.followersDialog ?? null;

  // The scrollable box around a dialog's list (its last link's nearest scrolling ancestor), or null.
  function dialogScroller() {
    const links = document.querySelectorAll('[role="dialog"] a[href]');
    for (let node = links[links.length - 1]?.parentElement; node && node !== document.body; node = node.parentElement) {
      if (node.scrollHeight > node.clientHeight + 1 && /^(auto|scroll)$/.test(getComputedStyle(node).overflowY)) return node;
      if (node.getAttribute('role') === 'dialog') break;
    }
    return null;
  }

  // keepInputs(target): the user started audit mode on pages already estimated; the caller asks for the estimate
  // of those pages again, this time keeping its inputs (only audits the user started keep them).
  function attach({ platform, resync, refreshPanel = () => {}, keepInputs = () => {} }) {
    let pendingStart = null; // the handle whose list was opened by "Check followers": start once it shows
    let settings = null;
    const listBadges = globalThis.truefollowListBadges?.create(platform) ?? null;
    const ready = settingsApi.load(api.storage.local).then(
      (s) => { settings = s; },
      () => { settings = settingsApi.clean({}); }, // unreadable: the defaults
    ).then(() => {
      i18n.setLanguage(settings.language);
      listBadges?.setEnabled({ followers: settings.list_badges, authors: settings.author_badges });
      resync();
    });
    settingsApi.watch(api.storage, (s) => {
      settings = s;
      i18n.setLanguage(s.language);
      listBadges?.setEnabled({ followers: s.list_badges, authors: s.author_badges });
      listBadges?.relabel();
    });

    const states = new WeakMap(); // target -> its audit-mode state
    function stateOf(target) {
      let s = states.get(target);
      if (!s) {
        s = { phase: 'idle', audit: null, followers: [], lastFollowers: null, controller: null, arrived: null, refusal: null,
          onRefused: null, sections: null, userStarted: false };
        states.set(target, s);
      }
      return s;
    }

    // ---- the polite loop --------------------------------------------------------------------------------

    const goal = () => settings?.sample_size ?? settingsApi.DEFAULTS.sample_size;
    const readCount = (s) => s.audit?.n ?? 0;

    // Asks for the next page the way the site would; resolves 'arrived' when a new estimate came, 'missed'
    // when none came in time, 'end' when the list names no next page, 'refused' when the server refused the
    // read (page-world.js reports it at once: the instance wants a signed-in user, or answered an error).
    function nextPage(target, s) {
      const arrived = new Promise((resolve) => { s.arrived = () => resolve('arrived'); });
      const refused = new Promise((resolve) => { s.onRefused = () => resolve('refused'); });
      const timeout = new Promise((resolve) => setTimeout(() => resolve('missed'), PAGE_WAIT_MS));
      const stopped = new Promise((resolve) => s.controller.signal.addEventListener('abort', () => resolve('missed'), { once: true }));
      if (platform === 'bluesky' || platform === 'mastodon') {
        const next = platform === 'bluesky' ? nextBluesky(s.lastFollowers) : nextMastodon(s.lastFollowers);
        if (!next) return Promise.resolve('end');
        readInPage(next);
      } else {
        scrollToEnd();
      }
      return Promise.race([arrived, refused, timeout, stopped]);
    }

    function scrollToEnd() {
      const box = dialogOpenerOf(platform) ? dialogScroller() : null;
      if (box) {
        box.scrollTo({ top: box.scrollHeight, behavior: 'instant' });
        return;
      }
      const root = document.scrollingElement ?? document.documentElement;
      window.scrollTo({ top: root.scrollHeight, behavior: 'instant' });
    }

    // The page world reads it from the page (page-world.js) and posts the answer as a capture.
    function readInPage(url) {
      window.postMessage({ source: CONTENT_SOURCE, type: MSG.CONTENT_READ_PAGE, url }, location.origin);
    }

    // Bluesky: the public AppView call the web app makes when signed out, for the same actor and page size,
    // with the cursor of the last page seen; null when that page had no cursor (the list has ended).
    function nextBluesky(last) {
      if (!last) return null;
      let cursor;
      try {
        cursor = JSON.parse(last.body).cursor;
      } catch {
        return null;
      }
      const actor = new URL(last.url).searchParams.get('actor');
      if (typeof cursor !== 'string' || !cursor || !actor) return null;
      const url = new URL(BLUESKY_APPVIEW);
      url.searchParams.set('actor', actor);
      const limit = new URL(last.url).searchParams.get('limit');
      if (limit) url.searchParams.set('limit', limit);
      url.searchParams.set('cursor', cursor);
      return url.href;
    }

    // Mastodon: the page the instance's last Link header named, on this instance only; null when it named none.
    function nextMastodon(last) {
      if (!last?.next) return null;
      try {
        return new URL(last.next).origin === location.origin ? last.next : null;
      } catch {
        return null;
      }
    }

    async function run(target) {
      const s = stateOf(target);
      if (s.phase === 'running') return;
      if (s.refusal && !s.lastFollowers) { // the site's own first read was refused: there is nothing to go on from
        s.phase = 'refused';
        return settle(target);
      }
      s.refusal = null; // Resume after a refusal asks once more
      s.phase = 'running';
      s.controller = new AbortController();
      const { signal } = s.controller;
      paint(target);
      let misses = 0;
      while (!signal.aborted) {
        if (readCount(s) >= goal()) {
          s.phase = 'done';
          break;
        }
        const outcome = await nextPage(target, s);
        s.onRefused = null;
        if (signal.aborted) break;
        if (outcome === 'refused') {
          s.phase = 'refused'; // what was read so far stays: the estimate, the chart, the sample
          break;
        }
        misses = outcome === 'arrived' ? 0 : misses + 1;
        if (outcome === 'end' || misses >= 2) {
          s.phase = 'end';
          break;
        }
        await sleep(PAGE_DELAY_MS, signal);
      }
      if (signal.aborted) s.phase = 'stopped';
      settle(target);
    }

    // Audit mode has settled (done, stopped, end of list): the whole panel is drawn again from the latest
    // estimate, and focus returns to the audit button.
    function settle(target) {
      paint(target);
      refreshPanel(target);
      stateOf(target).sections?.button.focus();
    }

    function stop(target) {
      const s = stateOf(target);
      if (s.phase !== 'running') return;
      s.controller.abort(); // run() settles at once: its waits end on the abort
      s.phase = 'stopped';
      paint(target);
    }

    // ---- the panel's sections, kept live --------------------------------------------------------------

    function sectionsOf(target) {
      const s = stateOf(target);
      if (s.sections) return s.sections;
      const button = el('button', { type: 'button', 'data-part': 'audit-button' });
      // The button sits in the panel's shadow root, closed in releases: the page cannot press it.
      button.addEventListener('click', () => {
        const pagesRead = !s.userStarted && readCount(s) > 0 && target.followersPage;
        s.userStarted = true;
        if (pagesRead) keepInputs(target);
        if (s.phase === 'running') stop(target);
        else if (target.followersPage) run(target);
        else openList(target);
      });
      const progress = el('progress', { 'data-part': 'audit-progress', max: '100', value: '0', 'aria-label': t('audit_progress_label'),
        style: { width: '100%' } });
      const audit = el('section', { 'data-part': 'audit-mode' },
        el('h3', { text: t('audit_title') }), button, progress,
        el('p', { 'data-part': 'audit-status', role: 'status' }),
        el('p', { 'data-part': 'audit-estimate' }),
        el('p', { class: 'small', text: t('audit_pace', i18n.number(PAGE_DELAY_MS / 1000)) }));
      const factory = el('section', { 'data-part': 'factory-chart' });
      const history = el('section', { 'data-part': 'history' });
      s.sections = { audit, button, progress, factory, history };
      return s.sections;
    }

    // The element that opens the followers dialog on this page, where the site has one (TikTok).
    const dialogOpener = () => {
      const selector = dialogOpenerOf(platform);
      return selector ? document.querySelector(selector) : null;
    };
    const canOpenList = () => Boolean(FOLLOWERS_PATH[platform] || dialogOpener());

    // From a profile page: the site's own link to the followers list when it shows one (in-app navigation,
    // audit mode then starts by itself), else the list's address; on TikTok, its followers dialog (audit mode
    // starts once the dialog's first page is read).
    function openList(target) {
      const opener = dialogOpener();
      if (opener) {
        pendingStart = target.handle.replace(/^@/, '').toLowerCase();
        globalThis.truefollowPanel?.close({ refocus: false });
        opener.click();
        return;
      }
      const path = FOLLOWERS_PATH[platform]?.(target.handle.replace(/^@/, ''));
      if (!path) return;
      pendingStart = target.handle.replace(/^@/, '').toLowerCase();
      const link = document.querySelector(`a[href="${CSS.escape(path)}" i]`);
      globalThis.truefollowPanel?.close({ refocus: false });
      if (link) link.click();
      else location.assign(path);
    }

    function paint(target) {
      const s = stateOf(target);
      const parts = sectionsOf(target);
      const n = readCount(s);
      const wanted = goal();
      parts.progress.max = wanted;
      parts.progress.value = Math.min(n, wanted);
      parts.progress.setAttribute('aria-valuetext', t('audit_progress', i18n.number(n), i18n.number(wanted)));
      parts.button.disabled = !target.followersPage && !canOpenList();
      parts.button.textContent = s.phase === 'running' ? t('audit_stop')
        : s.phase === 'stopped' || s.phase === 'refused' ? t('audit_resume') : t('audit_start');
      const status = parts.audit.querySelector('[data-part="audit-status"]');
      status.textContent = !target.followersPage ? t(canOpenList() ? 'audit_open_list' : 'audit_no_list')
        : s.phase === 'running' ? `${t('audit_running')} ${t('audit_progress', i18n.number(n), i18n.number(wanted))}`
          : s.phase === 'stopped' ? counted('audit_stopped', n)
            : s.phase === 'done' ? counted('audit_done', n)
              : s.phase === 'end' ? counted('audit_end', n)
                : s.phase === 'refused' ? refusalText(s.refusal, n)
                : t('audit_progress', i18n.number(n), i18n.number(wanted));
      const a = s.audit;
      const estimate = parts.audit.querySelector('[data-part="audit-estimate"]');
      // only a lower bound on the fake share (the core's fake.at_least): the fewest fakes, and the most that is real;
      // a bound of 0 says no more than the badge's "no clear sign of fakes"
      const floor = a?.fake?.at_least === true && Array.isArray(a.real?.ci90) ? a.fake.ci90[0] : null;
      estimate.textContent = floor === 0 ? t('audit_estimate_no_sign', i18n.percent(a.real.ci90[1]))
        : floor !== null ? t('audit_estimate_floor', i18n.percent(floor), i18n.percent(a.real.ci90[1]))
        : a && a.real ? t('audit_estimate', i18n.percent(a.real.share),
        Array.isArray(a.real.ci90) ? `${i18n.percent(a.real.ci90[0])}–${i18n.percent(a.real.ci90[1])}` : t('unknown'),
        i18n.percent(a.inactive?.share), i18n.percent(a.fake?.share)) : '';
      if (chart) chart.render(parts.factory, { followers: s.followers, factory: a?.factory ?? null });
    }

    // Why a read was refused, in words: a server that wants a signed-in user (401, 403), another status, or
    // no answer at all (0); the host is the one the read went to.
    function refusalText(refusal, n) {
      const { host, status } = refusal ?? { host: '?', status: 0 };
      if (status === 401 || status === 403) return counted('audit_refused_signin', n, host, String(status));
      if (status === 0) return counted('audit_refused_network', n, host);
      return counted('audit_refused_status', n, host, String(status));
    }

    async function paintHistory(target) {
      if (!historyView) return;
      const parts = sectionsOf(target);
      try {
        const reply = await api.runtime.sendMessage({ type: 'content/history', subject: { platform, handle: target.handle.replace(/^@/, '') } });
        historyView.render(parts.history, reply?.report ?? null);
      } catch (error) {
        console.warn('truefollow:', error.message);
      }
    }

    return Object.freeze({
      ready,
      allows: () => Boolean(settings) && settings.platforms[platform] !== false,
      coreOptions: () => settingsApi.coreOptions(settings ?? settingsApi.clean({})),

      viewing(target) {
        listBadges?.setProfile(target?.handle ?? '');
      },

      authorsSeen(accounts) {
        listBadges?.addAuthors(accounts);
      },

      captured(target, url, body, accounts, next = '') {
        if (!target) return;
        const s = stateOf(target);
        const followers = accounts.filter((a) => a.seen === 'followers');
        if (followers.length === 0) return;
        listBadges?.add(followers);
        // Follow order as the list gives it: every page appends; created_at is the core's ISO date or null.
        for (const a of followers) s.followers.push({ created_at: typeof a.created_at === 'string' ? a.created_at : null });
        s.lastFollowers = { url, body, next: next || null };
      },

      // A follower-list read the server refused (page-world.js): audit mode stops at once, keeping what it
      // read, and says why; when the site's own first read was refused, the panel says so before any start.
      refused(target, url, status) {
        if (!target?.followersPage) return;
        const s = stateOf(target);
        let host;
        try {
          host = new URL(url).hostname;
        } catch {
          return;
        }
        s.refusal = { host, status };
        if (s.onRefused) s.onRefused();
        else if (s.phase !== 'running') {
          s.phase = 'refused';
          paint(target);
        }
      },

      userStarted(target) {
        if (!target) return false;
        const handle = target.handle.replace(/^@/, '').toLowerCase();
        return stateOf(target).userStarted || (Boolean(target.followersPage) && pendingStart === handle);
      },

      audited(target, audit) {
        if (!target) return;
        const s = stateOf(target);
        const grew = audit.n > readCount(s); // a new page, not the same pages estimated again
        s.audit = audit;
        paint(target);
        if (pendingStart && target.followersPage && pendingStart === target.handle.replace(/^@/, '').toLowerCase() && s.phase === 'idle') {
          pendingStart = null;
          s.userStarted = true;
          run(target);
        }
        if (s.arrived && grew) {
          s.arrived();
          s.arrived = null;
        }
      },

      panelParts(target) {
        const parts = sectionsOf(target);
        paint(target);
        paintHistory(target);
        return [parts.audit, parts.factory, parts.history];
      },
    });
  }

  globalThis.truefollowAuditMode = Object.freeze({ attach, PAGE_DELAY_MS });
})();

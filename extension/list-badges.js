/*
 * List badges: in a followers list on the page, a small mark after each follower the core scored, with the
 * core's verdict for that account (✓ real, ◌ inactive, ⚠ fake) in words for assistive technology. On or off
 * in the options ("list_badges"). The follower is found by the link to its profile the site draws in the
 * row (X, Instagram, Bluesky, Mastodon URL shapes below); rows the site draws later are marked as they
 * appear. Each mark: <span data-truefollow-list-badge data-verdict role="img" aria-label>. The verdict is
 * the core's (core.score per follower); nothing is judged here.
 *
 * A classic content script: defines globalThis.truefollowListBadges = {create}.
 */
(() => {
  'use strict';

  const { t } = globalThis.truefollowI18n;
  const SYMBOLS = { real: '✓', inactive: '◌', fake: '⚠' };
  // The href a site gives the link to an account's profile, per platform.
  const PROFILE_HREF = {
    x: (h) => [`/${h}`],
    instagram: (h) => [`/${h}/`],
    bluesky: (h) => [`/profile/${h}`],
    mastodon: (h) => [`/@${h}`],
  };

  function create(platform) {
    const verdicts = new Map(); // lower-cased handle -> verdict
    let enabled = true;
    let queued = false;

    function markAll() {
      queued = false;
      if (!enabled || !PROFILE_HREF[platform]) return;
      for (const [handle, verdict] of verdicts) {
        for (const href of PROFILE_HREF[platform](handle)) {
          for (const link of document.querySelectorAll(`a[href="${CSS.escape(href)}" i]`)) {
            const row = link.closest('[data-testid="UserCell"], li, article, .follower') ?? link.parentElement;
            if (!row || row.querySelector('[data-truefollow-list-badge]') || link.closest('[data-testid="UserName"]')) continue;
            const mark = document.createElement('span');
            mark.setAttribute('data-truefollow-list-badge', '');
            mark.dataset.verdict = verdict;
            mark.setAttribute('role', 'img');
            mark.setAttribute('aria-label', `truefollow: ${t(`verdict_${verdict}`)}`);
            mark.title = `truefollow: ${t(`verdict_${verdict}`)}`;
            mark.textContent = SYMBOLS[verdict];
            Object.assign(mark.style, { marginInlineStart: '0.35em', fontWeight: '700' });
            link.after(mark);
          }
        }
      }
    }
    const queue = () => {
      if (queued || !enabled || verdicts.size === 0) return;
      queued = true;
      setTimeout(markAll, 100);
    };
    new MutationObserver(queue).observe(document.documentElement, { childList: true, subtree: true });

    return Object.freeze({
      /** The core's accounts of one followers page: their verdicts, marked where their rows are. */
      add(accounts) {
        for (const a of accounts) {
          if (a.seen === 'followers' && typeof a.handle === 'string' && SYMBOLS[a.verdict]) verdicts.set(a.handle.replace(/^@/, '').toLowerCase(), a.verdict);
        }
        queue();
      },
      /** Turns the marks on or off (the options page); off removes those drawn. */
      setEnabled(on) {
        enabled = on;
        if (!on) document.querySelectorAll('[data-truefollow-list-badge]').forEach((m) => m.remove());
        else queue();
      },
      clear() {
        verdicts.clear();
        document.querySelectorAll('[data-truefollow-list-badge]').forEach((m) => m.remove());
      },
    });
  }

  globalThis.truefollowListBadges = Object.freeze({ create });
})();

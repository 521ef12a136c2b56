/*
 * Small badges on the accounts a page draws, with the core's verdict for each (✓ real, ◌ inactive, ? uncertain, ⚠ fake) in
 * words for assistive technology. Two kinds, each on or off in the options:
 * - list badges ("list_badges"): in a followers list, a mark after each follower the core scored (accounts
 *   the core reports with seen 'followers'), one per row;
 * - author badges ("author_badges"): in the posts a page shows, a mark after the link to each post's author
 *   (accounts the core reports with seen 'post-author': reposts and reblogs bring other people's posts onto a
 *   profile; 'commenters': the replies of a thread; 'search-results': the authors of found posts), one per
 *   post and author; the profile on screen gets none on its own posts.
 * An account is found by the link to its profile the site draws (X, Instagram, TikTok, YouTube, Bluesky and
 * Mastodon URL shapes below); rows and posts the site draws later are marked as they appear. Each mark:
 * <span data-truefollow-list-badge | data-truefollow-author-badge, data-verdict, role="img", aria-label> in
 * the language chosen in the options. The verdict is the core's (core.score of the response that showed the
 * account); nothing is judged here, and nothing from the page is inserted as HTML.
 *
 * A classic content script: defines globalThis.truefollowListBadges = {create}.
 */
(() => {
  'use strict';

  const { t } = globalThis.truefollowI18n;
  const SYMBOLS = { real: '✓', inactive: '◌', uncertain: '?', fake: '⚠' };
  // The href a site gives the link to an account's profile, per platform.
  const PROFILE_HREF = {
    x: (h) => [`/${h}`],
    instagram: (h) => [`/${h}/`],
    tiktok: (h) => [`/@${h}`],
    youtube: (h) => [`/@${h}`],
    bluesky: (h) => [`/profile/${h}`],
    mastodon: (h) => [`/@${h}`],
  };
  // What a post is in each site's markup: X's and Mastodon's articles, Bluesky's feed items and thread posts.
  const POST = 'article, [role="article"], .status, [data-testid^="feedItem-"], [data-testid="postThreadItem"]';
  const KINDS = {
    followers: { attribute: 'data-truefollow-list-badge', label: (verdict) => `truefollow: ${t(`verdict_${verdict}`)}` },
    authors: { attribute: 'data-truefollow-author-badge', label: (verdict) => t('author_badge', t(`verdict_${verdict}`)) },
  };
  const norm = (handle) => handle.replace(/^@/, '').toLowerCase();

  function create(platform) {
    const verdicts = { followers: new Map(), authors: new Map() }; // lower-cased handle -> verdict
    const enabled = { followers: true, authors: true };
    const handleOf = new WeakMap(); // author mark -> the handle it stands for
    let profile = ''; // the profile on screen (lower case): its own posts are not marked
    let queued = false;

    function mark(kind, verdict) {
      const node = document.createElement('span');
      node.setAttribute(KINDS[kind].attribute, '');
      Object.assign(node.style, { marginInlineStart: '0.35em', fontWeight: '700' });
      paint(node, kind, verdict);
      return node;
    }
    function paint(node, kind, verdict) {
      node.dataset.verdict = verdict;
      node.setAttribute('role', 'img');
      node.setAttribute('aria-label', KINDS[kind].label(verdict));
      node.title = KINDS[kind].label(verdict);
      node.textContent = SYMBOLS[verdict];
    }
    const linksTo = (handle) => PROFILE_HREF[platform](handle)
      .flatMap((href) => [...document.querySelectorAll(`a[href="${CSS.escape(href)}" i]`)]);

    function markFollowers() {
      for (const [handle, verdict] of verdicts.followers) {
        for (const link of linksTo(handle)) {
          const row = link.closest('[data-testid="UserCell"], li, article, .follower') ?? link.parentElement;
          if (!row || row.querySelector(`[${KINDS.followers.attribute}]`) || link.closest('[data-testid="UserName"]')) continue;
          link.after(mark('followers', verdict));
        }
      }
    }

    // One mark per post and author, after the first link to the author that shows text (not the avatar's).
    function markAuthors() {
      for (const [handle, verdict] of verdicts.authors) {
        if (handle === profile) continue;
        for (const link of linksTo(handle)) {
          const post = link.closest(POST);
          if (!post || !link.textContent.trim()) continue;
          const existing = [...post.querySelectorAll(`[${KINDS.authors.attribute}]`)].find((m) => handleOf.get(m) === handle);
          if (existing) {
            if (existing.dataset.verdict !== verdict) paint(existing, 'authors', verdict); // a later response said otherwise
            continue;
          }
          const node = mark('authors', verdict);
          handleOf.set(node, handle);
          link.after(node);
        }
      }
    }

    function markAll() {
      queued = false;
      if (!PROFILE_HREF[platform]) return;
      if (enabled.followers) markFollowers();
      if (enabled.authors) markAuthors();
    }
    const queue = () => {
      const wanted = (enabled.followers && verdicts.followers.size) || (enabled.authors && verdicts.authors.size);
      if (queued || !wanted) return;
      queued = true;
      setTimeout(markAll, 100);
    };
    new MutationObserver(queue).observe(document.documentElement, { childList: true, subtree: true });

    const remove = (kind, which = () => true) => document.querySelectorAll(`[${KINDS[kind].attribute}]`).forEach((m) => which(m) && m.remove());
    const keep = (kind, seen, accounts) => {
      for (const a of accounts) {
        if (a && seen.has(a.seen) && typeof a.handle === 'string' && SYMBOLS[a.verdict]) verdicts[kind].set(norm(a.handle), a.verdict);
      }
      queue();
    };
    const FOLLOWERS = new Set(['followers']);
    const AUTHORS = new Set(['post-author', 'commenters', 'search-results']); // who wrote the posts a page draws

    return Object.freeze({
      /** The core's accounts of one followers page: their verdicts, marked where their rows are. */
      add: (accounts) => keep('followers', FOLLOWERS, accounts),
      /** The core's accounts of one response with posts (a timeline, a thread, a search): the authors' verdicts, marked in the posts. */
      addAuthors: (accounts) => keep('authors', AUTHORS, accounts),
      /** The profile now on screen ('' for none): its own posts carry no author badge. */
      setProfile(handle) {
        profile = typeof handle === 'string' ? norm(handle) : '';
        remove('authors', (m) => handleOf.get(m) === profile);
        queue();
      },
      /** Turns each kind on or off (the options page); off removes those drawn. */
      setEnabled({ followers, authors }) {
        enabled.followers = followers;
        enabled.authors = authors;
        for (const kind of Object.keys(KINDS)) if (!enabled[kind]) remove(kind);
        queue();
      },
      /** Says every mark again in the language now chosen. */
      relabel() {
        for (const kind of Object.keys(KINDS)) {
          document.querySelectorAll(`[${KINDS[kind].attribute}]`).forEach((m) => SYMBOLS[m.dataset.verdict] && paint(m, kind, m.dataset.verdict));
        }
      },
      clear() {
        for (const kind of Object.keys(KINDS)) {
          verdicts[kind].clear();
          remove(kind);
        }
      },
    });
  }

  globalThis.truefollowListBadges = Object.freeze({ create });
})();

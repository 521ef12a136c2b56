// @ts-check
/*
 * The supported sites, one entry per platform: its hosts, how its URL names a profile (and a followers page),
 * and where the profile's name sits in its DOM, so the badge can stand beside it. Only anchors and URL shapes
 * live here; reading the data is the core's job. References: ../shared/docs/platforms.md (anchors as the
 * sites drew them in 2025-26). Mastodon has no fixed host: its entry applies on every instance the user has
 * granted (the content scripts only run there), and the page is checked for Mastodon's own markup.
 *
 * Two checks keep one site's page from speaking for another (content.js and background.js use them):
 * - dataHosts: the hosts a site's data comes from (null: any host, for Bluesky's app views and personal data
 *   servers; 'self': the page's own host, for a Mastodon instance), so a capture claiming another site's URL
 *   is refused;
 * - handle: the handles a page URL of the site can name, so a profile the core read is stored only under a
 *   handle a page could ask for again (no markup, no control characters, no 10,000-character keys).
 *
 * A classic script (content scripts, the popup, the options page, and the worker as a side-effect import):
 * defines globalThis.truefollowSites = {SITES, PLATFORMS, siteFor, sameHandle, isHandle, platformOf, dataUrlFits}.
 * PLATFORMS (every platform's name, in SITES' order) is the one list of platforms: settings, message schemas
 * and stored shapes read it from here, so this file loads before them.
 */
(() => {
  'use strict';

  const X_RESERVED = new Set(['home', 'explore', 'i', 'notifications', 'messages', 'search', 'settings',
    'compose', 'login', 'logout', 'signup', 'tos', 'privacy', 'jobs', 'lists', 'bookmarks', 'communities']);
  const INSTAGRAM_RESERVED = new Set(['explore', 'reels', 'reel', 'p', 'stories', 'accounts', 'direct', 'tv',
    'about', 'legal', 'developer', 'web', 'emails', 'challenge']);

  /**
   * A supported site (the fields are explained where SITES writes them).
   * @typedef {object} Site
   * @property {string} platform
   * @property {string[] | null} hosts the page hosts (null for Mastodon: the instances the user granted)
   * @property {string[] | null | 'self'} dataHosts
   * @property {RegExp} handle
   * @property {(path: string) => ({handle: string} & Record<string, unknown>) | null} profile
   * @property {(path: string) => string | null} [postAuthor]
   * @property {(dataUrl: string) => string | null} [postOf]
   * @property {(doc: Document) => boolean} [isSite]
   * @property {string} [followersDialog]
   * @property {boolean} [noFollowerList]
   * @property {string} anchor
   * @property {string} [anchorFallback]
   */

  // handle: as the URL shows it; followersPage: the page lists the profile's followers; followersDialog: where a
  // site that lists them in a dialog over the profile page opens it; noFollowerList: the site shows no one a
  // profile's followers, so the badge never promises to read them.
  /** @type {Site[]} */
  const SITES = [
    {
      platform: 'x',
      hosts: ['x.com', 'twitter.com'],
      dataHosts: ['x.com', 'twitter.com'],
      handle: /^[A-Za-z0-9_]{1,15}$/,
      profile(path) {
        const m = /^\/([A-Za-z0-9_]{1,15})(?:\/(followers|verified_followers|following|with_replies|media|likes|highlights))?\/?$/.exec(path);
        if (!m || X_RESERVED.has(m[1].toLowerCase())) return null;
        return { handle: m[1], followersPage: m[2] === 'followers' || m[2] === 'verified_followers' };
      },
      // The author of the post a page shows (its reposts and likes lists), whose engagers they are.
      postAuthor(path) {
        const m = /^\/([A-Za-z0-9_]{1,15})\/status\/\d{1,20}(?:\/|$)/.exec(path);
        return m && !X_RESERVED.has(m[1].toLowerCase()) ? m[1] : null;
      },
      // The badge goes at the end of the name row (the first row of the UserName block).
      anchor: '[data-testid="primaryColumn"] [data-testid="UserName"] > div > div:first-child',
      anchorFallback: '[data-testid="primaryColumn"] [data-testid="UserName"]',
    },
    {
      platform: 'instagram',
      hosts: ['www.instagram.com'],
      dataHosts: ['www.instagram.com'],
      handle: /^[A-Za-z0-9._]{1,30}$/,
      profile(path) {
        const m = /^\/([A-Za-z0-9._]{1,30})\/(?:(followers)\/?)?$/.exec(path);
        if (!m || INSTAGRAM_RESERVED.has(m[1].toLowerCase())) return null;
        return { handle: m[1], followersPage: m[2] === 'followers' };
      },
      // The author of the post a page shows, when its address names them (/<handle>/p/<code>/, /<handle>/reel/<code>/);
      // a bare /p/<code>/ does not, and the post's media info names them instead (see postOf).
      postAuthor(path) {
        const m = /^\/([A-Za-z0-9._]{1,30})\/(?:p|reel)\/[\w-]{1,64}(?:\/|$)/.exec(path);
        return m && !INSTAGRAM_RESERVED.has(m[1].toLowerCase()) ? m[1] : null;
      },
      // The post a data URL is about (/api/v1/media/<id>[_<owner>]/info|likers|comments/): its media id, or null.
      // content.js learns a post's author from its media info and files the post's likers and commenters under them.
      postOf(dataUrl) {
        const m = /^https:\/\/www\.instagram\.com\/api\/v1\/media\/(\d{1,25})(?:_\d{1,25})?\/(?:info|likers|comments)\//.exec(dataUrl);
        return m ? m[1] : null;
      },
      anchor: 'main header section h2',
      anchorFallback: 'main header h2',
    },
    {
      platform: 'tiktok',
      hosts: ['www.tiktok.com'],
      dataHosts: ['www.tiktok.com'],
      handle: /^[A-Za-z0-9._]{2,24}$/,
      profile(path) {
        const m = /^\/@([A-Za-z0-9._]{2,24})\/?$/.exec(path);
        return m && { handle: m[1], followersPage: false };
      },
      // TikTok lists a profile's followers in a dialog over its page, opened from its followers count: no
      // address of their own (content.js makes the page a followers page once the dialog's first page is read).
      followersDialog: '[data-e2e="followers-count"]',
      // The author of the video a page shows, whose commenters they are.
      postAuthor(path) {
        const m = /^\/@([A-Za-z0-9._]{2,24})\/video\/\d{1,20}(?:\/|$)/.exec(path);
        return m ? m[1] : null;
      },
      anchor: '[data-e2e="user-title"]',
    },
    {
      platform: 'youtube',
      hosts: ['www.youtube.com'],
      dataHosts: ['www.youtube.com'],
      handle: /^[A-Za-z0-9._-]{3,30}$/,
      profile(path) {
        const m = /^\/@([A-Za-z0-9._-]{3,30})(?:\/(?:featured|videos|shorts|streams|playlists|community|about))?\/?$/.exec(path);
        return m && { handle: m[1], followersPage: false };
      },
      noFollowerList: true, // a channel's subscribers are never listed on the web
      anchor: '#page-header h1',
    },
    {
      platform: 'bluesky',
      hosts: ['bsky.app'],
      dataHosts: null, // the app talks to app views and personal data servers on many hosts
      handle: /^[A-Za-z0-9][A-Za-z0-9.:-]{2,252}$/,
      profile(path) {
        const m = /^\/profile\/([A-Za-z0-9.:-]{3,253})(?:\/(followers|follows|post\/[\w]+))?\/?$/.exec(path);
        return m && !m[2]?.startsWith('post') ? { handle: decodeURIComponent(m[1]), followersPage: m[2] === 'followers' } : null;
      },
      // The author of the post a page shows (its thread, likes and reposts lists), whose engagers they are.
      postAuthor(path) {
        const m = /^\/profile\/([A-Za-z0-9.:-]{3,253})\/post\/\w+(?:\/|$)/.exec(path);
        return m ? decodeURIComponent(m[1]) : null;
      },
      anchor: '[data-testid="profileHeaderDisplayName"]',
      anchorFallback: '[data-testid="profileFollowersHeader"] h1',
    },
    {
      platform: 'mastodon',
      hosts: null, // any instance the user has granted
      dataHosts: 'self', // the web app reads its own instance's API
      handle: /^[A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]{1,253})?$/,
      profile(path) {
        const m = /^\/@([A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]{1,253})?)(?:\/(followers|following|with_replies|media))?\/?$/.exec(path);
        return m && { handle: m[1], followersPage: m[2] === 'followers' };
      },
      // The author of the post a page shows (its thread, reblogs and favourites lists), whose engagers they are.
      postAuthor(path) {
        const m = /^\/@([A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]{1,253})?)\/\d{1,20}(?:\/|$)/.exec(path);
        return m ? m[1] : null;
      },
      // Mastodon's web app mounts in #mastodon; the account header's name is its first heading.
      isSite: (doc) => Boolean(doc.getElementById('mastodon') || doc.querySelector('meta[name="application-name"][content="Mastodon"]')),
      anchor: '.account__header__tabs__name h1',
    },
  ];

  const MASTODON = /** @type {Site} */ (SITES.find((s) => s.platform === 'mastodon'));

  /**
   * The site of this page: by host, else Mastodon on an instance the user granted.
   * @param {string} hostname
   * @returns {Site}
   */
  function siteFor(hostname) {
    return SITES.find((s) => s.hosts?.includes(hostname)) ?? MASTODON;
  }

  /** A handle as the core and the URL may both spell it: no leading "@", lower case. */
  const sameHandle = (a, b) => typeof a === 'string' && typeof b === 'string' &&
    a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();

  /** True for a handle (with or without its leading "@") that a page URL of the platform could name. */
  function isHandle(platform, handle) {
    const site = SITES.find((s) => s.platform === platform);
    return site !== undefined && typeof handle === 'string' && site.handle.test(handle.replace(/^@/, ''));
  }

  /** The platform of a page's URL (a string), or null. */
  function platformOf(pageUrl) {
    try {
      const url = new URL(pageUrl);
      return url.protocol === 'https:' ? siteFor(url.hostname).platform : null;
    } catch {
      return null;
    }
  }

  /** True when a response at dataUrl may hold data of the platform of the page at pageUrl. */
  function dataUrlFits(pageUrl, dataUrl) {
    try {
      const page = new URL(pageUrl);
      const data = new URL(dataUrl);
      const { dataHosts } = siteFor(page.hostname);
      if (data.protocol !== 'https:') return false;
      if (dataHosts === null) return true;
      if (dataHosts === 'self') return data.hostname === page.hostname;
      return dataHosts.includes(data.hostname);
    } catch {
      return false;
    }
  }

  const PLATFORMS = Object.freeze(SITES.map((site) => site.platform));

  globalThis.truefollowSites = Object.freeze({ SITES, PLATFORMS, siteFor, sameHandle, isHandle, platformOf, dataUrlFits });
})();

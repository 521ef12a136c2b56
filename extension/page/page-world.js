/*
 * Runs in the page's own world (content script with "world": "MAIN", at document_start), before the site's
 * scripts: wraps XMLHttpRequest and fetch so that the site's own responses from its data endpoints are seen,
 * and hands each one as {source, type, url, body} to the isolated content script: a PAGE_EVENT on window whose
 * detail is the message's JSON text, which the content script's listener gets at once (message-schemas.js).
 * It also posts the data some sites embed in the HTML instead (TikTok's rehydration JSON, YouTube's
 * ytInitialData and its in-app navigation events, X's JSON-LD), as the raw text of the element holding it.
 *
 * A capture also carries `next` when the response named its next page in a Link header (Mastodon's lists).
 * When a read of a Bluesky or Mastodon follower list (the site's own, or audit mode's below) is answered with an
 * error status, or not at all (status 0), it sends {source, type: PAGE_REFUSED, url, status} instead, so that
 * audit mode stops at once and says why rather than waiting for a page that will not come.
 *
 * It never changes a response and never lets an error of its own reach the site's code. It makes one kind
 * of request itself, for audit mode, when the content script asks with {source: CONTENT_SOURCE, type:
 * READ_PAGE, url}: the next page of a followers list, from the same public API the site's own client reads
 * (Bluesky's public AppView app.bsky.graph.getFollowers; the Mastodon instance's own
 * /api/v1/accounts/:id/followers, same origin as the page), as a plain GET from the page itself, so it
 * carries the page's origin and nothing of the extension; the answer is sent as a capture like any other.
 * Nothing else is fetched, one read at a time. It holds no extension API and no secrets: anything here is
 * visible to the site, which can also send fake captures or ask for reads it could make itself anyway (the
 * content script treats all of it as untrusted). It cannot load message-schemas.js (that would expose it to the
 * site), so it repeats six of its strings and two limits.
 */
(() => {
  'use strict';

  const PAGE_EVENT = 'truefollow-page-world'; // = truefollowMessages.PAGE_EVENT
  const PAGE_SOURCE = 'truefollow-page-world'; // = truefollowMessages.PAGE_SOURCE
  const PAGE_CAPTURED = 'page/captured'; // = truefollowMessages.MSG.PAGE_CAPTURED
  const CONTENT_SOURCE = 'truefollow-content'; // = truefollowMessages.CONTENT_SOURCE
  const READ_PAGE = 'content/read-page'; // = truefollowMessages.MSG.CONTENT_READ_PAGE
  const PAGE_REFUSED = 'page/refused'; // = truefollowMessages.MSG.PAGE_REFUSED
  const MAX_BODY_CHARS = 8 * 1024 * 1024; // = truefollowMessages.LIMITS.BODY_CHARS; larger ones are not sent
  const MAX_EVENT_CHARS = 17 * 1024 * 1024; // = truefollowMessages.LIMITS.EVENT_CHARS

  // The data endpoints worth reading, one line per platform and kind (../shared/docs/platforms.md).
  const ENDPOINTS = [
    // X: GraphQL over XHR, by operation name.
    /^https:\/\/(?:x|twitter)\.com\/i\/api\/graphql\/[\w-]+\/(?:UserByScreenName|Followers|Following|BlueVerifiedFollowers|UserTweets|UserTweetsAndReplies|Retweeters|Favoriters|SearchTimeline|TweetDetail)(?:[?#]|$)/,
    // Instagram: the REST profile and follower lists, a post's media info, likers and comments (a media id may
    // carry its owner's id after '_'), and the top search (GraphQL queries are chosen by name below).
    /^https:\/\/www\.instagram\.com\/api\/v1\/(?:users\/web_profile_info\/|friendships\/\d+\/(?:followers|following)\/|media\/\d+(?:_\d+)?\/(?:info|likers|comments)\/|web\/search\/topsearch\/)/,
    // TikTok: profile and post lists the web app fetches after in-app navigation, the follower and
    // following lists of its followers dialog, and a video's comments.
    /^https:\/\/www\.tiktok\.com\/api\/(?:user\/detail|post\/item_list|user\/list|comment\/list)\//,
    // YouTube: channel pages fetched after in-app navigation.
    /^https:\/\/www\.youtube\.com\/youtubei\/v1\/browse(?:[?#]|$)/,
    // Bluesky: the app view's XRPC methods, on whichever host the app talks to.
    /^https:\/\/[a-z0-9.-]+\/xrpc\/app\.bsky\.(?:actor\.getProfiles?|graph\.getFollowers|graph\.getFollows|feed\.getAuthorFeed|feed\.getLikes|feed\.getRepostedBy|feed\.getPostThread|feed\.searchPosts)(?:[?#]|$)/,
    // Mastodon (any instance the user granted): account lookups, follower lists, statuses.
    /^https:\/\/[a-z0-9.-]+\/api\/v1\/accounts\/(?:lookup|\d+(?:\/(?:followers|following|statuses))?)(?:[?#/]|$)/,
    // Mastodon: who reblogged or favourited a status, and its thread.
    /^https:\/\/[a-z0-9.-]+\/api\/v1\/statuses\/\d+\/(?:reblogged_by|favourited_by|context)(?:[?#]|$)/,
  ];
  // The follower lists audit mode reads from public APIs (Bluesky, Mastodon): a read of one of them that the
  // server refuses is posted too, so that audit mode can stop at once and say why.
  const FOLLOWER_LISTS = [
    /^https:\/\/[a-z0-9.-]+\/xrpc\/app\.bsky\.graph\.getFollowers(?:[?#]|$)/,
    /^https:\/\/[a-z0-9.-]+\/api\/v1\/accounts\/\d+\/followers(?:[?#]|$)/,
  ];
  // Instagram's GraphQL endpoint serves every query; the query's name travels in the request body.
  const INSTAGRAM_GRAPHQL = /^https:\/\/www\.instagram\.com\/(?:graphql\/query|api\/graphql)\/?(?:[?#]|$)/;
  const INSTAGRAM_QUERIES = /^(?:PolarisProfilePageContentQuery|PolarisProfilePostsQuery|PolarisProfilePostsTabContentQuery_connection)$/;

  // Data the page embeds in its HTML rather than fetching: the elements holding it, posted as raw text.
  const EMBEDDED = [
    { selector: 'script#__UNIVERSAL_DATA_FOR_REHYDRATION__, script#SIGI_STATE', text: (el) => el.outerHTML }, // TikTok
    { selector: 'script[data-testid="UserProfileSchema-test"]', text: (el) => el.outerHTML }, // X JSON-LD
    { selector: 'script:not([src])', text: (el) => (/\bytInitialData\b/.test(el.textContent) ? el.outerHTML : '') }, // YouTube
  ];

  function absolute(url) {
    try {
      return new URL(String(url), location.href).href;
    } catch {
      return '';
    }
  }

  const wanted = (url) => ENDPOINTS.some((pattern) => pattern.test(url));

  // The query name of an Instagram GraphQL request, from its form body or its x-fb-friendly-name header.
  function instagramQueryWanted(url, body, headers) {
    if (!INSTAGRAM_GRAPHQL.test(url)) return false;
    let name = '';
    if (typeof body === 'string') name = new URLSearchParams(body).get('fb_api_req_friendly_name') ?? '';
    else if (body instanceof URLSearchParams || body instanceof FormData) name = String(body.get('fb_api_req_friendly_name') ?? '');
    if (!name && headers) name = new Headers(headers).get('x-fb-friendly-name') ?? '';
    return INSTAGRAM_QUERIES.test(name);
  }

  // The next page a Link header names (RFC 8288, rel="next"), as an absolute https URL; '' when none.
  function nextOf(link) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(String(link ?? ''));
    const next = m ? absolute(m[1]) : '';
    return next.startsWith('https://') ? next : '';
  }

  // A follower-list read the server answered with an error status (or, status 0, did not answer at all).
  function postRefused(url, status) {
    if (!FOLLOWER_LISTS.some((pattern) => pattern.test(url))) return;
    send({ source: PAGE_SOURCE, type: PAGE_REFUSED, url, status });
  }

  function post(url, body, next = '') {
    if (typeof body !== 'string' || body.length === 0 || body.length > MAX_BODY_CHARS) return;
    const message = { source: PAGE_SOURCE, type: PAGE_CAPTURED, url, body };
    if (next) message.next = next;
    send(message);
  }

  // The content script's listener runs inside this call, in the task of the response's own load event.
  function send(message) {
    const detail = JSON.stringify(message);
    if (detail.length <= MAX_EVENT_CHARS) window.dispatchEvent(new CustomEvent(PAGE_EVENT, { detail }));
  }

  // XMLHttpRequest (X uses it): remember each request's URL at open(), read the text once it has loaded.
  const xhrUrls = new WeakMap();
  const XhrProto = XMLHttpRequest.prototype;
  const originalOpen = XhrProto.open;
  const originalSend = XhrProto.send;

  XhrProto.open = function open(method, url, ...rest) {
    try {
      const href = absolute(url);
      if (wanted(href)) xhrUrls.set(this, { href, decided: true });
      else if (INSTAGRAM_GRAPHQL.test(href)) xhrUrls.set(this, { href, decided: false, headers: {} });
      else xhrUrls.delete(this);
    } catch {
      // observing must never break the site
    }
    return originalOpen.call(this, method, url, ...rest);
  };

  const originalSetHeader = XhrProto.setRequestHeader;
  XhrProto.setRequestHeader = function setRequestHeader(name, value) {
    try {
      const seen = xhrUrls.get(this);
      if (seen && !seen.decided) seen.headers[String(name)] = String(value);
    } catch {
      // observing must never break the site
    }
    return originalSetHeader.call(this, name, value);
  };

  XhrProto.send = function send(...args) {
    try {
      const seen = xhrUrls.get(this);
      const href = seen && (seen.decided || instagramQueryWanted(seen.href, args[0], seen.headers)) ? seen.href : null;
      if (href) {
        this.addEventListener('load', () => {
          try {
            if (this.status < 200 || this.status >= 300) return postRefused(href, this.status);
            const next = nextOf(this.getResponseHeader('link'));
            if (this.responseType === '' || this.responseType === 'text') post(href, this.responseText, next);
            else if (this.responseType === 'json' && this.response !== null) post(href, JSON.stringify(this.response), next);
          } catch {
            // an unreadable response is simply not captured
          }
        }, { once: true });
      }
    } catch {
      // observing must never break the site
    }
    return originalSend.apply(this, args);
  };

  // fetch: read a clone, so the site's own body stays unread for the site.
  const originalFetch = window.fetch;
  if (typeof originalFetch === 'function') {
    window.fetch = function fetch(input, init) {
      const promise = originalFetch.call(this, input, init);
      try {
        const href = absolute(input instanceof Request ? input.url : input);
        if (wanted(href) || instagramQueryWanted(href, init?.body, init?.headers ?? (input instanceof Request ? input.headers : null))) {
          promise.then((response) => {
            if (response.ok) response.clone().text().then((body) => post(href, body, nextOf(response.headers.get('link'))), () => {});
            else postRefused(href, response.status);
          }, () => {});
        }
      } catch {
        // observing must never break the site
      }
      return promise;
    };
  }

  // Audit mode's reads (see the top): only these two follower-list endpoints, GET, one at a time.
  const READABLE = [
    { pattern: /^https:\/\/public\.api\.bsky\.app\/xrpc\/app\.bsky\.graph\.getFollowers\?/, credentials: 'omit', pageHost: 'bsky.app' },
    { pattern: /^https:\/\/[a-z0-9.-]+\/api\/v1\/accounts\/\d+\/followers(?:\?|$)/, credentials: 'same-origin', sameOrigin: true },
  ];
  let reading = false;
  window.addEventListener('message', (event) => {
    try {
      const data = event.data;
      if (event.source !== window || !data || typeof data !== 'object' || data.source !== CONTENT_SOURCE || data.type !== READ_PAGE) return;
      const href = typeof data.url === 'string' ? absolute(data.url) : '';
      const kind = READABLE.find((r) => r.pattern.test(href) && (!r.pageHost || location.hostname === r.pageHost) &&
        (!r.sameOrigin || new URL(href).origin === location.origin));
      if (!kind || reading || typeof originalFetch !== 'function') return;
      reading = true;
      originalFetch.call(window, href, { method: 'GET', credentials: kind.credentials, headers: { accept: 'application/json' } })
        .then(async (response) => {
          if (response.ok) post(href, await response.text(), nextOf(response.headers.get('link')));
          else postRefused(href, response.status); // audit mode stops at once and says so
        })
        .catch(() => postRefused(href, 0)) // no answer at all (offline, or refused before any status)
        .finally(() => { reading = false; });
    } catch {
      reading = false;
    }
  });

  // Embedded data: read once the document has been parsed, and again for each in-app navigation that
  // hands the page a new one (YouTube's yt-navigate-finish carries the next page's data).
  function postEmbedded() {
    for (const { selector, text } of EMBEDDED) {
      for (const el of document.querySelectorAll(selector)) {
        try {
          const body = text(el);
          if (body) post(location.href, body);
        } catch {
          // an element that cannot be read is skipped
        }
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', postEmbedded, { once: true });
  else postEmbedded();

  document.addEventListener('yt-navigate-finish', (event) => {
    try {
      const response = event.detail?.response;
      if (response && typeof response === 'object') post(location.href, JSON.stringify(response));
    } catch {
      // observing must never break the site
    }
  });
})();

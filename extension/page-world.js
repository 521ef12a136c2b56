/*
 * Runs in the page's own world (content script with "world": "MAIN", at document_start), before the site's
 * scripts: wraps XMLHttpRequest and fetch so that the site's own responses from its data endpoints are seen,
 * and posts each one as {source, type, url, body} to the isolated content script with window.postMessage.
 * It also posts the data some sites embed in the HTML instead (TikTok's rehydration JSON, YouTube's
 * ytInitialData and its in-app navigation events, X's JSON-LD), as the raw text of the element holding it.
 *
 * It reads only what the site already fetched; it never makes a request, never changes a response, and never
 * lets an error of its own reach the site's code. It holds no extension API and no secrets: anything here is
 * visible to the site, which can also post fake captures (the content script treats all of it as untrusted).
 * It cannot load messages.js (that would expose it to the site), so it repeats two of its strings.
 */
(() => {
  'use strict';

  const PAGE_SOURCE = 'truefollow-page-world'; // = truefollowMessages.PAGE_SOURCE
  const PAGE_CAPTURED = 'page/captured'; // = truefollowMessages.MSG.PAGE_CAPTURED
  const MAX_BODY_CHARS = 8 * 1024 * 1024; // = truefollowMessages.LIMITS.BODY_CHARS; larger ones are not posted

  // The data endpoints worth reading, one line per platform and kind (../shared/docs/platforms.md).
  const ENDPOINTS = [
    // X: GraphQL over XHR, by operation name.
    /^https:\/\/(?:x|twitter)\.com\/i\/api\/graphql\/[\w-]+\/(?:UserByScreenName|Followers|Following|BlueVerifiedFollowers|UserTweets|UserTweetsAndReplies)(?:[?#]|$)/,
    // Instagram: the REST profile and follower lists (GraphQL queries are chosen by name below).
    /^https:\/\/www\.instagram\.com\/api\/v1\/(?:users\/web_profile_info\/|friendships\/\d+\/(?:followers|following)\/)/,
    // TikTok: profile and post lists the web app fetches after in-app navigation.
    /^https:\/\/www\.tiktok\.com\/api\/(?:user\/detail|post\/item_list)\//,
    // YouTube: channel pages fetched after in-app navigation.
    /^https:\/\/www\.youtube\.com\/youtubei\/v1\/browse(?:[?#]|$)/,
    // Bluesky: the app view's XRPC methods, on whichever host the app talks to.
    /^https:\/\/[a-z0-9.-]+\/xrpc\/app\.bsky\.(?:actor\.getProfiles?|graph\.getFollowers|graph\.getFollows|feed\.getAuthorFeed)(?:[?#]|$)/,
    // Mastodon (any instance the user granted): account lookups, follower lists, statuses.
    /^https:\/\/[a-z0-9.-]+\/api\/v1\/accounts\/(?:lookup|\d+(?:\/(?:followers|following|statuses))?)(?:[?#/]|$)/,
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

  function post(url, body) {
    if (typeof body !== 'string' || body.length === 0 || body.length > MAX_BODY_CHARS) return;
    window.postMessage({ source: PAGE_SOURCE, type: PAGE_CAPTURED, url, body }, location.origin);
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
            if (this.status < 200 || this.status >= 300) return;
            if (this.responseType === '' || this.responseType === 'text') post(href, this.responseText);
            else if (this.responseType === 'json' && this.response !== null) post(href, JSON.stringify(this.response));
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
            if (response.ok) response.clone().text().then((body) => post(href, body), () => {});
          }, () => {});
        }
      } catch {
        // observing must never break the site
      }
      return promise;
    };
  }

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

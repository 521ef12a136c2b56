/*
 * Runs in the page's own world (content script with "world": "MAIN", at document_start), before the site's
 * scripts: wraps XMLHttpRequest and fetch so that the site's own responses from its data endpoints are seen,
 * and posts each one as {source, type, url, body} to the isolated content script with window.postMessage.
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

  // The data endpoints worth reading, one line per platform and kind.
  const ENDPOINTS = [
    /^https:\/\/(?:x|twitter)\.com\/i\/api\/graphql\/[\w-]+\/(?:UserByScreenName|Followers|Following|BlueVerifiedFollowers|UserTweets)(?:[?#]|$)/,
  ];

  function absolute(url) {
    try {
      return new URL(String(url), location.href).href;
    } catch {
      return '';
    }
  }

  const wanted = (url) => ENDPOINTS.some((pattern) => pattern.test(url));

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
      if (wanted(href)) xhrUrls.set(this, href);
      else xhrUrls.delete(this);
    } catch {
      // observing must never break the site
    }
    return originalOpen.call(this, method, url, ...rest);
  };

  XhrProto.send = function send(...args) {
    try {
      const href = xhrUrls.get(this);
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
        if (wanted(href)) {
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
})();

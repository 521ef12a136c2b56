// @ts-check
/*
 * The messages that cross the extension's boundaries, their names and their schema checks, in one place.
 *
 *   page world --PAGE_EVENT (a DOM event)--> content script --runtime.sendMessage--> background worker
 *   {source, type: 'page/captured', url, body[, next]}   {type: 'content/captured', url, body, lang}
 *   {source, type: 'page/refused', url, status}          (kept in the content script: audit mode stops)
 *                                                {type: 'content/audit', records: [{url, body}], lang, subject[, keep]}
 *                                                {type: 'content/recall', subject}
 *                                                {type: 'content/history', subject}
 *                                                {type: 'content/report', subject, lang}: the HTML report ({html})
 *                                   <--reply--   {type: 'worker/report', report} | {type: 'worker/error', message, restarted}
 *
 *   page world <--window.postMessage-- content script (audit mode)
 *   {source: CONTENT_SOURCE, type: 'content/read-page', url}: read this next page of a followers list
 *
 * next = the next page a response's Link header named (Mastodon's lists), an https URL.
 * subject = {platform, handle}: the profile a follower sample belongs to, or whose stored record is wanted.
 * keep = true: the user started this audit ("Check followers"), so its inputs may be kept (background.js).
 * restarted: true when the core trapped on this input and the worker has started a fresh one (background.js).
 * The page world delivers its messages as a CustomEvent named PAGE_EVENT on window, its detail the message as
 * JSON text (at most LIMITS.EVENT_CHARS): an event reaches the content script's listener at once, in the task
 * that dispatched it (the response's own load event), where a posted message would wait behind whatever the
 * page's thread does next; that wait was most of the badge's time while a page loads (docs/bench.md).
 * Names carry the sender as a prefix. Everything from the page is untrusted: the checks here accept only
 * the expected shape, types and sizes. The page world cannot load this file (it would expose it to the
 * site), so page-world.js repeats the strings PAGE_EVENT, PAGE_SOURCE, PAGE_CAPTURED, PAGE_REFUSED, CONTENT_SOURCE and
 * CONTENT_READ_PAGE, and the limits BODY_CHARS and EVENT_CHARS;
 * a Node test keeps them equal.
 *
 * A classic script (content scripts cannot be modules) that also works as a module's side-effect import in
 * the worker: it defines globalThis.truefollowMessages and nothing else.
 */
(() => {
  'use strict';

  const MSG = Object.freeze({
    PAGE_CAPTURED: 'page/captured',
    PAGE_REFUSED: 'page/refused',
    CONTENT_READ_PAGE: 'content/read-page',
    CONTENT_CAPTURED: 'content/captured',
    CONTENT_AUDIT: 'content/audit',
    CONTENT_RECALL: 'content/recall',
    CONTENT_HISTORY: 'content/history',
    CONTENT_REPORT: 'content/report',
    WORKER_REPORT: 'worker/report',
    WORKER_ERROR: 'worker/error',
  });

  // The page world's event, and what identifies our own messages among the site's.
  const PAGE_EVENT = 'truefollow-page-world';
  const PAGE_SOURCE = 'truefollow-page-world';
  const CONTENT_SOURCE = 'truefollow-content';

  const LIMITS = Object.freeze({
    URL_CHARS: 4096,
    BODY_CHARS: 8 * 1024 * 1024, // X's largest timeline pages are well under 2 MB
    EVENT_CHARS: 17 * 1024 * 1024, // a capture's JSON text: its body escaped (twice its length at most in practice) and the rest
    AUDIT_RECORDS: 200, // follower pages kept for one profile's sample: 2,000 followers at 12 a page (audit mode)
    AUDIT_CHARS: 32 * 1024 * 1024,
    LANG_CHARS: 35, // BCP 47 tags in practice
    HANDLE_CHARS: 260, // Bluesky handles are domain names
  });

  const hasExactKeys = (value, keys) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) &&
    Object.keys(value).length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(value, k));

  function isHttpsUrl(text) {
    if (typeof text !== 'string' || text.length === 0 || text.length > LIMITS.URL_CHARS) return false;
    try {
      return new URL(text).protocol === 'https:';
    } catch {
      return false;
    }
  }

  const isBody = (text) => typeof text === 'string' && text.length > 0 && text.length <= LIMITS.BODY_CHARS;
  const isLang = (text) => typeof text === 'string' && text.length <= LIMITS.LANG_CHARS && /^[A-Za-z0-9-]*$/.test(text);

  const { PLATFORMS } = globalThis.truefollowSites; // sites.js owns the list
  const isSubject = (value) => hasExactKeys(value, ['platform', 'handle']) && PLATFORMS.includes(value.platform) &&
    typeof value.handle === 'string' && value.handle.length > 0 && value.handle.length <= LIMITS.HANDLE_CHARS;

  /** A capture the page world posted: {source, type, url, body} and an optional next, nothing more. */
  function isPageCapture(value) {
    const keys = ['source', 'type', 'url', 'body'];
    if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'next')) {
      if (!isHttpsUrl(value.next)) return false;
      keys.push('next');
    }
    return hasExactKeys(value, keys) && value.source === PAGE_SOURCE &&
      value.type === MSG.PAGE_CAPTURED && isHttpsUrl(value.url) && isBody(value.body);
  }

  /**
   * A follower-list read the server refused, as the page world posts it: {source, type, url, status}, status
   * the HTTP status (0: no answer at all). A page can forge one: the worst it does is stop audit mode on its
   * own site, which it could do anyway by refusing to serve the list.
   */
  function isPageRefusal(value) {
    return hasExactKeys(value, ['source', 'type', 'url', 'status']) && value.source === PAGE_SOURCE &&
      value.type === MSG.PAGE_REFUSED && isHttpsUrl(value.url) && Number.isInteger(value.status) &&
      value.status >= 0 && value.status <= 599 && !(value.status >= 200 && value.status < 300);
  }

  /** One response for the worker to score. */
  function isContentCapture(value) {
    return hasExactKeys(value, ['type', 'url', 'body', 'lang']) && value.type === MSG.CONTENT_CAPTURED &&
      isHttpsUrl(value.url) && isBody(value.body) && isLang(value.lang);
  }

  /** Follower-list responses for the worker to estimate an audience from; keep: true when the user started the audit. */
  function isContentAudit(value) {
    const keys = ['type', 'records', 'lang', 'subject'];
    if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'keep')) {
      if (value.keep !== true && value.keep !== false) return false;
      keys.push('keep');
    }
    if (!hasExactKeys(value, keys) || value.type !== MSG.CONTENT_AUDIT) return false;
    if (!isSubject(value.subject)) return false;
    const { records } = value;
    if (!Array.isArray(records) || records.length === 0 || records.length > LIMITS.AUDIT_RECORDS) return false;
    let chars = 0;
    for (const record of records) {
      if (!hasExactKeys(record, ['url', 'body']) || !isHttpsUrl(record.url) || !isBody(record.body)) return false;
      chars += record.body.length;
    }
    return chars <= LIMITS.AUDIT_CHARS && isLang(value.lang);
  }

  /** A request for what is stored about one profile. */
  const isContentRecall = (value) => hasExactKeys(value, ['type', 'subject']) && value.type === MSG.CONTENT_RECALL &&
    isSubject(value.subject);

  /** A request for a profile's follower-count history and its jumps. */
  const isContentHistory = (value) => hasExactKeys(value, ['type', 'subject']) && value.type === MSG.CONTENT_HISTORY &&
    isSubject(value.subject);

  /** A request for the HTML report of one stored profile, in a language (the panel's Save report). */
  const isContentReport = (value) => hasExactKeys(value, ['type', 'subject', 'lang']) && value.type === MSG.CONTENT_REPORT &&
    isSubject(value.subject) && isLang(value.lang);

  /** The worker's answer: a report object, or an error with a message (and whether the core was restarted). */
  function isWorkerReply(value) {
    if (hasExactKeys(value, ['type', 'report'])) {
      return value.type === MSG.WORKER_REPORT && value.report !== null && typeof value.report === 'object';
    }
    const isError = (hasExactKeys(value, ['type', 'message']) || hasExactKeys(value, ['type', 'message', 'restarted'])) &&
      value.type === MSG.WORKER_ERROR && typeof value.message === 'string';
    return isError && (value.restarted === undefined || typeof value.restarted === 'boolean');
  }

  globalThis.truefollowMessages = Object.freeze({
    MSG, PAGE_EVENT, PAGE_SOURCE, CONTENT_SOURCE, LIMITS, PLATFORMS, isPageCapture, isPageRefusal, isContentCapture, isContentAudit, isContentRecall, isContentHistory, isContentReport, isWorkerReply,
  });
})();

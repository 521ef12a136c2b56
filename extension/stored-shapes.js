/*
 * The shape of every record truefollow keeps in storage.local (schema version 2), checked whenever a record is
 * read, so that a damaged record (a bug of some version, a disk error, anyone editing the browser profile) is
 * skipped and reported while everything else loads, instead of breaking the page or worker that reads it.
 *
 *   'schema'                  {version}                                       store.js (checked by its migrations)
 *   'p|<platform>|<handle>'   {platform, handle, seen_at, account | null}     store.js: the profile and its score
 *   'a|<platform>|<handle>'   {platform, handle, audit, audit_at}             store.js: its latest audience estimate
 *   'f|<platform>|<id>'       {platform, seen_at, account}                    store.js: one follower scored
 *   'h|<platform>|<handle>'   {points: [{t, followers}]}                      records.js: the follower counts seen
 *   'i|<platform>|<handle>'   {now, lang, options, model, core, pages, lines | null, too_large?}   records.js
 *   'vetting'                 [{platform, handle}]                            records.js
 *   'settings'                                                                settings.js cleans it on every read
 *
 * <handle> is lower-case without a leading @, and must be a handle a page URL of the platform can name
 * (sites.js); <id> is printable ASCII without '|'. A check looks at what the readers rely on (types, the key
 * matching the record, finite times), not at the core's reports inside, whose fields every reader already
 * treats as optional. Keys of no known kind are not truefollow's to judge and are left alone.
 *
 * A classic script (the worker imports it for its side effect; the popup and the options page load it after
 * sites.js): defines globalThis.truefollowStoredShapes = {KINDS, ID_CHARS, keyOf, problemOf, profileOf, isSubject}.
 */
(() => {
  'use strict';

  const PLATFORMS = ['x', 'instagram', 'tiktok', 'youtube', 'bluesky', 'mastodon'];
  const KINDS = ['p', 'a', 'f', 'h', 'i'];
  const ID_CHARS = 260;

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const isTime = (v) => typeof v === 'number' && Number.isFinite(v);
  const norm = (handle) => String(handle).replace(/^@/, '').toLowerCase();
  const isHandle = (platform, handle) => globalThis.truefollowSites.isHandle(platform, handle);
  const isId = (id) => typeof id === 'string' && id.length > 0 && id.length <= ID_CHARS && /^[\x21-\x7b\x7d\x7e]+$/.test(id);

  /** The key of a record: keyOf('p', {platform, handle}) or keyOf('f', {platform, id}). */
  const keyOf = (kind, { platform, handle, id }) => `${kind}|${platform}|${kind === 'f' ? id : norm(handle)}`;

  // What each kind of record must hold, given its platform and the rest of its key.
  const CHECKS = {
    p(value, platform, handle) {
      if (!isObject(value)) return 'not an object';
      if (value.platform !== platform || typeof value.handle !== 'string' || norm(value.handle) !== handle) return 'its platform or handle differs from its key';
      if (!isTime(value.seen_at)) return 'no time it was seen';
      if (value.account !== null && !isObject(value.account)) return 'its account is not an object';
      return '';
    },
    a(value, platform, handle) {
      if (!isObject(value)) return 'not an object';
      if (value.platform !== platform || typeof value.handle !== 'string' || norm(value.handle) !== handle) return 'its platform or handle differs from its key';
      if (!isObject(value.audit)) return 'its estimate is not an object';
      if (!isTime(value.audit_at)) return 'no time it was made';
      return '';
    },
    f(value, platform) {
      if (!isObject(value)) return 'not an object';
      if (value.platform !== platform) return 'its platform differs from its key';
      if (!isTime(value.seen_at)) return 'no time it was seen';
      if (!isObject(value.account)) return 'its account is not an object';
      return '';
    },
    h(value) {
      if (!isObject(value) || !Array.isArray(value.points)) return 'no list of counts';
      if (!value.points.every((p) => isObject(p) && isTime(p.t) && isTime(p.followers))) return 'a count without a time or a number';
      return '';
    },
    i(value) {
      if (!isObject(value)) return 'not an object';
      if (value.lines !== null && typeof value.lines !== 'string') return 'its inputs are not text';
      if (!isTime(value.now)) return 'no clock';
      return '';
    },
  };

  /** '' when the record at key is sound (or not truefollow's to judge), else what is wrong with it. */
  function problemOf(key, value) {
    if (key === 'vetting') return Array.isArray(value) ? '' : 'not a list'; // records.js drops entries it cannot use
    const m = /^([a-z])\|([a-z]+)\|(.*)$/s.exec(key);
    if (!m || !KINDS.includes(m[1])) return '';
    const [, kind, platform, rest] = m;
    if (!PLATFORMS.includes(platform)) return 'an unknown platform in its key';
    if (kind === 'f' ? !isId(rest) : rest !== norm(rest) || !isHandle(platform, rest)) return 'a key no page could ask for';
    return CHECKS[kind](value, platform, rest);
  }

  /**
   * A profile as the readers see it (the version 1 layout, which the popup, the report and the content script
   * use): {platform, handle, seen_at, account, audit, audit_at}, from its 'p|' and 'a|' records, each sound or
   * null; null when neither is.
   */
  function profileOf(profile, estimate) {
    if (!profile && !estimate) return null;
    const base = profile ?? { platform: estimate.platform, handle: estimate.handle, seen_at: estimate.audit_at, account: null };
    return {
      ...base,
      seen_at: Math.max(base.seen_at, estimate?.audit_at ?? -Infinity),
      audit: estimate?.audit ?? null,
      audit_at: estimate?.audit_at ?? null,
    };
  }

  /** True for a vetting-list entry that names a profile a page could show. */
  const isSubject = (s) => isObject(s) && PLATFORMS.includes(s.platform) && isHandle(s.platform, s.handle);

  globalThis.truefollowStoredShapes = Object.freeze({ KINDS, ID_CHARS, keyOf, problemOf, profileOf, isSubject });
})();

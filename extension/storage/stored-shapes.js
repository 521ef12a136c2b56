// @ts-check
/*
 * The key table: every record truefollow keeps in storage.local, in the layout of the current schema version
 * (migrations.js), with the check each must pass whenever it is read, so that a damaged record (a bug of some
 * version, a disk error, anyone editing the browser profile) is skipped and reported while everything else
 * loads, instead of breaking the page or worker that reads it. Each key, its record and its writer:
 *
 *   'schema'                  {version}                                       store.js, when it opens (migrations.js)
 *   'p|<platform>|<handle>'   {platform, handle, seen_at, account | null}     store.js: the profile and its score
 *   'a|<platform>|<handle>'   {platform, handle, audit, audit_at}             store.js: its latest audience estimate
 *                                                                             (with the engagers estimate: engagers-kept.js)
 *   'f|<platform>|<id>'       {platform, seen_at, account}                    store.js: one follower scored
 *   'h|<platform>|<handle>'   {points: [{t, followers}]}                      store.js: the follower counts seen
 *   'i|<platform>|<handle>'   {now, lang, options, model, core, pages, lines | null, too_large?}   store.js: an audit's inputs
 *   'vetting'                 [{platform, handle[, instance]}]                records.js, for the popup
 *   'settings'                                                                settings.js (which cleans it on every read)
 *
 * <handle> is lower-case without a leading @, and must be a handle a page URL of the platform can name
 * (sites.js); <id> is printable ASCII without '|'. Mastodon has no one site: a handle (acct) names a local
 * account only on its own instance, and account ids are per instance, so its records are kept per instance,
 * the host of the page that showed them: 'p|mastodon|<instance>/<handle>', 'f|mastodon|<instance>/<id>', and
 * so on, and its p, a and f records carry that `instance` too. A page on one instance can then neither read
 * nor change what another instance's pages show (the worker takes the instance from the sending tab, never
 * from the page). A check looks at what the readers rely on (types, the key matching the record, finite
 * times), not at the core's reports inside, whose fields every reader already treats as optional. Keys of no
 * known kind are not truefollow's to judge and are left alone.
 *
 * A classic script (the worker imports it for its side effect; the popup and the options page load it after
 * sites.js): defines globalThis.truefollowStoredShapes =
 * {PLATFORMS, KINDS, ID_CHARS, PER_INSTANCE, isInstance, keyOf, problemOf, profileOf, isSubject, siteOf, profileKeyOf}.
 */
(() => {
  'use strict';

  const { PLATFORMS } = globalThis.truefollowSites; // sites.js owns the list
  const KINDS = ['p', 'a', 'f', 'h', 'i'];
  const ID_CHARS = 260;

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const isTime = (v) => typeof v === 'number' && Number.isFinite(v);
  const norm = (handle) => String(handle).replace(/^@/, '').toLowerCase();
  const isHandle = (platform, handle) => globalThis.truefollowSites.isHandle(platform, handle);
  const isId = (id) => typeof id === 'string' && id.length > 0 && id.length <= ID_CHARS && /^[\x21-\x7b\x7d\x7e]+$/.test(id);

  // The platforms whose records are kept per instance (the page's host), and what an instance's name is: a
  // lower-case host name with a dot, as the options page grants them.
  const PER_INSTANCE = ['mastodon'];
  const isInstance = (host) => typeof host === 'string' && host.length <= 253 &&
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(host);

  /**
   * The key of a record: keyOf('p', {platform, handle}) or keyOf('f', {platform, id}); on Mastodon with the
   * instance as well: keyOf('p', {platform: 'mastodon', instance, handle}).
   */
  function keyOf(kind, { platform, handle, id, instance }) {
    const rest = kind === 'f' ? id : norm(handle);
    return PER_INSTANCE.includes(platform) ? `${kind}|${platform}|${instance}/${rest}` : `${kind}|${platform}|${rest}`;
  }

  // The instance a record of a per-instance platform names: the same as its key's.
  const sameInstance = (value, instance) => instance === undefined || value.instance === instance;

  // What each kind of record must hold, given its platform, the rest of its key and its instance (or undefined).
  const CHECKS = {
    p(value, platform, handle, instance) {
      if (!isObject(value)) return 'not an object';
      if (value.platform !== platform || typeof value.handle !== 'string' || norm(value.handle) !== handle) return 'its platform or handle differs from its key';
      if (!sameInstance(value, instance)) return 'its instance differs from its key';
      if (!isTime(value.seen_at)) return 'no time it was seen';
      if (value.account !== null && !isObject(value.account)) return 'its account is not an object';
      return '';
    },
    a(value, platform, handle, instance) {
      if (!isObject(value)) return 'not an object';
      if (value.platform !== platform || typeof value.handle !== 'string' || norm(value.handle) !== handle) return 'its platform or handle differs from its key';
      if (!sameInstance(value, instance)) return 'its instance differs from its key';
      if (!isObject(value.audit)) return 'its estimate is not an object';
      if (!isTime(value.audit_at)) return 'no time it was made';
      return '';
    },
    f(value, platform, id, instance) {
      if (!isObject(value)) return 'not an object';
      if (value.platform !== platform) return 'its platform differs from its key';
      if (!sameInstance(value, instance)) return 'its instance differs from its key';
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
    const [, kind, platform, scoped] = m;
    if (!PLATFORMS.includes(platform)) return 'an unknown platform in its key';
    let rest = scoped;
    let instance;
    if (PER_INSTANCE.includes(platform)) {
      const slash = scoped.indexOf('/');
      instance = scoped.slice(0, slash);
      rest = scoped.slice(slash + 1);
      if (slash < 0 || !isInstance(instance)) return 'no instance in its key';
    }
    if (kind === 'f' ? !isId(rest) : rest !== norm(rest) || !isHandle(platform, rest)) return 'a key no page could ask for';
    return CHECKS[kind](value, platform, rest, instance);
  }

  /**
   * A profile as the readers see it (the version 1 layout, which the popup, the report and the content script
   * use): {platform, handle[, instance], seen_at, account, audit, audit_at}, from its 'p|' and 'a|' records,
   * each sound or null; null when neither is.
   */
  function profileOf(profile, estimate) {
    if (!profile && !estimate) return null;
    const base = profile ?? { platform: estimate.platform, handle: estimate.handle, ...('instance' in estimate ? { instance: estimate.instance } : {}),
      seen_at: estimate.audit_at, account: null };
    return {
      ...base,
      seen_at: Math.max(base.seen_at, estimate?.audit_at ?? -Infinity),
      audit: estimate?.audit ?? null,
      audit_at: estimate?.audit_at ?? null,
    };
  }

  // The key's kind, platform and the rest after them, or null for a key of no known kind and platform.
  function partsOf(key) {
    const m = /^([a-z])\|([a-z]+)\|(.*)$/s.exec(key);
    return m && KINDS.includes(m[1]) && PLATFORMS.includes(m[2]) ? { kind: m[1], platform: m[2], rest: m[3] } : null;
  }

  /**
   * The site a record belongs to: its platform, and on Mastodon its instance ('mastodon/<instance>'); null
   * for a key of no known kind, or a Mastodon key with no instance. Each site's records are budgeted apart
   * (store.js), so that one site's pages can never make room by removing another site's records.
   */
  function siteOf(key) {
    const parts = partsOf(key);
    if (!parts) return null;
    if (!PER_INSTANCE.includes(parts.platform)) return parts.platform;
    const slash = parts.rest.indexOf('/');
    return slash > 0 ? `${parts.platform}/${parts.rest.slice(0, slash)}` : null;
  }

  /** The profile a p, a, h or i record belongs to, as '<platform>|<handle>' (Mastodon: '<platform>|<instance>/<handle>'); null for others. */
  function profileKeyOf(key) {
    const parts = partsOf(key);
    return parts && parts.kind !== 'f' ? `${parts.platform}|${parts.rest}` : null;
  }

  /** True for a vetting-list entry that names a profile a page could show (on Mastodon, with its instance). */
  const isSubject = (s) => isObject(s) && PLATFORMS.includes(s.platform) && isHandle(s.platform, s.handle) &&
    (!PER_INSTANCE.includes(s.platform) || isInstance(s.instance));

  globalThis.truefollowStoredShapes = Object.freeze({ PLATFORMS, KINDS, ID_CHARS, PER_INSTANCE, isInstance, keyOf, problemOf, profileOf, isSubject,
    siteOf, profileKeyOf });
})();

// @ts-check
/*
 * The schema version of what the store keeps, and the steps that bring data of every older version up to it
 * (store.js runs them when it opens: its "Schema" paragraph says how). The layout of the current version's
 * records is stored-shapes.js's; each step below says what it changes.
 *
 * A step is {from, to, run(area, {instances})}: it turns a version-`from` store into a version-`to` one. It
 * moves one record (or one profile's records) per write, so that an interruption leaves each either moved or
 * as it was, and it leaves data it has already moved as it is, so that it can run again. instances(): the hosts
 * of the Mastodon instances the user has granted (a promise).
 *
 * A classic script (the options page loads it after sites.js and stored-shapes.js, before store.js; the worker
 * imports it for its side effect): defines globalThis.truefollowMigrations = {SCHEMA_VERSION, MIGRATIONS}.
 */
(() => {
  'use strict';

  const SCHEMA_VERSION = 3;
  const shapes = () => globalThis.truefollowStoredShapes;
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  // The steps, oldest first.
  const MIGRATIONS = [
    {
      // Version 1 kept a profile's audience estimate inside its profile record ({..., audit, audit_at}), so the
      // worker's capture and audit tasks each read, merged and rewrote the same record. Version 2 moves the
      // estimate into its own 'a|' record. Each profile moves in one write (both records at once); a profile
      // already moved has no audit fields left, so running the step again skips it. A record that is not an
      // object is left as it is (it is reported as unreadable when the store opens).
      from: 1,
      to: 2,
      async run(area) {
        const all = await area.get(null);
        for (const [key, value] of Object.entries(all)) {
          if (!key.startsWith('p|') || !isObject(value) || !('audit' in value || 'audit_at' in value)) continue;
          const { audit = null, audit_at: auditAt = null, ...profile } = value;
          const items = { [key]: { ...profile, account: profile.account ?? null } };
          const estimateKey = `a|${key.slice(2)}`;
          const newer = (await area.get(estimateKey))[estimateKey]; // written by a newer worker meanwhile: keep it
          if (isObject(audit) && !newer) {
            items[estimateKey] = { platform: value.platform, handle: value.handle, audit,
              audit_at: Number.isFinite(auditAt) ? auditAt : value.seen_at };
          }
          await area.set(items);
        }
      },
    },
    {
      // Version 2 kept Mastodon records by handle (acct) and follower id alone, but a local account's acct
      // names no instance and ids are per instance, so one instance's page could change what another's shows.
      // Version 3 keeps them per instance (stored-shapes.js). An old record goes to the instance it came from
      // when the stored data says which: the host of the follower pages kept with the profile's last estimate
      // ('i|' record), else the one instance the user has granted, if there is exactly one (content scripts run
      // only on granted instances). A record whose instance cannot be told is removed, not guessed: any granted
      // instance's page could have written it. Each record moves by one write of the new record, then the old
      // key is removed; run again after an interruption, a record already moved is not overwritten.
      from: 2,
      to: 3,
      async run(area, { instances = async () => [] } = {}) {
        const { isInstance, KINDS } = shapes();
        const all = await area.get(null);
        const granted = (await instances()).filter(isInstance);
        const only = granted.length === 1 ? granted[0] : null;
        const old = /^([a-z])\|mastodon\|([^/]+)$/s; // a version 2 Mastodon key: no instance in it
        const instanceOf = (kind, rest) => (kind === 'f' ? null : inputsHost(all[`i|mastodon|${rest}`])) ?? only;
        let dropped = 0;
        for (const [key, value] of Object.entries(all)) {
          const m = old.exec(key);
          if (!m || !KINDS.includes(m[1])) continue;
          const [, kind, rest] = m;
          const instance = instanceOf(kind, rest);
          if (instance) {
            const target = `${kind}|mastodon|${instance}/${rest}`;
            const moved = (await area.get(target))[target];
            if (moved === undefined) await area.set({ [target]: isObject(value) && ['p', 'a', 'f'].includes(kind) ? { ...value, instance } : value });
          } else {
            dropped++;
          }
          await area.remove(key);
        }
        const list = all.vetting;
        if (Array.isArray(list)) {
          const vetting = list.flatMap((s) => {
            if (!isObject(s) || s.platform !== 'mastodon' || 'instance' in s) return [s];
            const instance = typeof s.handle === 'string' ? instanceOf('p', String(s.handle).replace(/^@/, '').toLowerCase()) : null;
            return instance ? [{ ...s, instance }] : [];
          });
          await area.set({ vetting });
        }
        if (dropped) console.warn(`truefollow: ${dropped} Mastodon record${dropped === 1 ? '' : 's'} of no known instance removed in the upgrade`);
      },
    },
  ];

  // The one host of the capture URLs in an audit's kept inputs (JSON lines of {url, body}), or null.
  function inputsHost(inputs) {
    if (!isObject(inputs) || typeof inputs.lines !== 'string') return null;
    const hosts = new Set();
    for (const line of inputs.lines.split('\n')) {
      try {
        hosts.add(new URL(JSON.parse(line).url).hostname);
      } catch {
        return null;
      }
    }
    return hosts.size === 1 ? [...hosts][0] : null;
  }

  globalThis.truefollowMigrations = Object.freeze({ SCHEMA_VERSION, MIGRATIONS });
})();

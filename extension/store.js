/*
 * What the extension keeps, on this device only (storage.local; nothing is ever sent): every profile seen with
 * the core's account report and its latest audience estimate, and every follower the core scored. The layout
 * of every record, and the checks a record must pass to be read, are in stored-shapes.js:
 *
 *   'schema'                     {version}
 *   'p|<platform>|<handle>'      {platform, handle, seen_at, account | null}
 *   'a|<platform>|<handle>'      {platform, handle, audit, audit_at}
 *   'f|<platform>|<id>'          {platform, seen_at, account}
 *
 * Keys are lower-cased handles and the platform's own ids; Mastodon's are kept per instance, as
 * 'p|mastodon|<instance>/<handle>' and so on, with the instance in the record too (stored-shapes.js). One key per record, so a write touches only what
 * changed, and each record is written whole by one storage.local.set(), which both browsers commit as one
 * transaction (Chromium: one LevelDB write batch; Firefox: one IndexedDB transaction): a write cut short by a
 * crash or a closed browser leaves the record as it was before, never half-written. A profile's account (from
 * a capture) and its audience estimate (from an audit) are separate records, so those two writers never
 * read, merge and rewrite the same record; writes through one store also run one at a time.
 *
 * Reading: a record that fails its check is skipped, listed in unreadable() and counted, and the rest loads; a
 * later write of the same record replaces it. Accounts are stored with long strings clipped (a page can hand
 * over a 10,000-character name), and a profile only under a handle a page URL could name (sites.js).
 *
 * Schema: opening runs the migrations from the stored version up to SCHEMA_VERSION one step at a time, writing
 * the new version after each step; a step moves one record per write and must be safe to run again after an
 * interruption, and on data it has already moved. Data written by a newer version is left untouched and the
 * store refuses to open rather than guess. A schema record that cannot be read is reported as unreadable;
 * then, as when other records are there but no schema record, every step runs from the first version.
 *
 * Quota: a write that hits the browser's quota evicts the oldest follower records (then the oldest profiles)
 * and tries again; the caps in LIMITS keep the store well below the quota in normal use.
 *
 * A classic script (the options page loads it with <script> after sites.js and stored-shapes.js, the worker
 * imports it for its side effect): defines globalThis.truefollowStore =
 * {SCHEMA_VERSION, MIGRATIONS, LIMITS, openStore, clipAccount, StoreError}.
 */
(() => {
  'use strict';

  const SCHEMA_VERSION = 3;
  const shapes = () => globalThis.truefollowStoredShapes;
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  // MIGRATIONS: {from, to, run(area)}, each turning a version-`from` store into a version-`to` one.
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

  const LIMITS = Object.freeze({
    FOLLOWERS: 20000, // follower records kept; the oldest go first
    PROFILES: 5000,
    EVICT_SHARE: 0.25, // of the records of a kind, evicted per quota failure
    QUOTA_RETRIES: 4,
    TEXT_CHARS: 500, // longest string of an account kept (names, mostly); longer ones are clipped
  });

  class StoreError extends Error {}

  const isQuotaError = (error) => /quota/i.test(String(error?.message ?? '')) || error?.name === 'QuotaExceededError';

  /** The account with every top-level string longer than `chars` clipped (on a code point boundary) and marked. */
  function clipAccount(account, chars = LIMITS.TEXT_CHARS) {
    const out = { ...account };
    for (const [field, value] of Object.entries(out)) {
      if (typeof value === 'string' && value.length > chars) {
        const end = /[\uD800-\uDBFF]/.test(value[chars - 1]) ? chars - 1 : chars;
        out[field] = `${value.slice(0, end)}…`;
      }
    }
    return out;
  }

  /**
   * Brings the stored data up to `version`, one migration at a time. Returns what was wrong with the schema
   * record, or null. A store with other records but no schema record (they were written before the store
   * first opened, or the record was lost), or with one whose version cannot be read, cannot say which steps
   * are due: every step runs from the first version (each leaves data it has already moved as it is) and the
   * version is written anew. Only an unreadable record is a problem to report.
   */
  async function migrate(area, migrations, version, context) {
    const { schema } = await area.get('schema');
    let from = schema?.version;
    let problem = null;
    if (schema === undefined) {
      if (Object.keys(await area.get(null)).length === 0) {
        await area.set({ schema: { version } });
        return null;
      }
    } else if (!isObject(schema) || !Number.isInteger(from) || from < 1) {
      problem = `unreadable schema record ${JSON.stringify(schema)?.slice(0, 40)}: every upgrade step was run again`;
    } else if (from > version) {
      throw new StoreError(`stored data has schema version ${from}, newer than this version's ${version}: left untouched`);
    }
    const unknown = schema === undefined || problem !== null;
    if (unknown) from = Math.min(version, ...migrations.map((m) => m.from));
    while (from < version) {
      const step = migrations.find((m) => m.from === from);
      if (!step || step.to !== from + 1) throw new StoreError(`no migration from schema version ${from}`);
      await step.run(area, context);
      await area.set({ schema: { version: step.to } });
      from = step.to;
    }
    if (unknown) await area.set({ schema: { version } });
    return problem;
  }

  /**
   * Opens the store on a storage area ({get, set, remove, clear} returning promises, as storage.local does).
   * options: now() in milliseconds, migrations, version, limits (tests change them); instances(): the hosts of
   * the Mastodon instances the user has granted (a promise; the upgrade to version 3 asks for it).
   */
  async function openStore(area, { now = () => Date.now(), migrations = MIGRATIONS, version = SCHEMA_VERSION, limits = LIMITS,
    instances = async () => [] } = {}) {
    const schemaProblem = await migrate(area, migrations, version, { instances });
    const { keyOf, problemOf, profileOf } = shapes();

    // key -> when it was last written, of every readable profile and follower record, so that caps and
    // eviction need no full read; a profile's time is its newer record's.
    const index = new Map();
    const unreadable = new Map(); // key -> what is wrong with it
    if (schemaProblem) unreadable.set('schema', schemaProblem);
    const all = await area.get(null);
    for (const [key, value] of Object.entries(all)) {
      const problem = problemOf(key, value);
      if (problem) unreadable.set(key, problem);
      else if (key.startsWith('p|') || key.startsWith('f|')) index.set(key, value.seen_at);
    }
    for (const [key, value] of Object.entries(all)) {
      const profile = `p|${key.slice(2)}`;
      if (key.startsWith('a|') && !unreadable.has(key) && index.has(profile)) index.set(profile, Math.max(index.get(profile), value.audit_at));
    }
    if (unreadable.size) {
      console.warn(`truefollow: ${unreadable.size} stored record${unreadable.size === 1 ? '' : 's'} could not be read and ` +
        `${unreadable.size === 1 ? 'was' : 'were'} skipped:`, [...unreadable].map(([k, why]) => `${k.slice(0, 80)} (${why})`).join('; '));
    }
    const keysOf = (prefix) => [...index.keys()].filter((k) => k.startsWith(prefix));

    // Writes run one after another, so a read-then-write never interleaves with another write of this store.
    let queue = Promise.resolve();
    const serial = (fn) => {
      const run = queue.then(fn);
      queue = run.catch(() => {});
      return run;
    };

    async function evictOldest(prefix, count) {
      const victims = keysOf(prefix).sort((a, b) => index.get(a) - index.get(b)).slice(0, count);
      if (victims.length === 0) return 0;
      // A profile goes with its estimate.
      await area.remove(prefix === 'p|' ? victims.flatMap((k) => [k, `a|${k.slice(2)}`]) : victims);
      for (const key of victims) index.delete(key);
      return victims.length;
    }

    async function enforceCaps() {
      const followers = keysOf('f|').length;
      if (followers > limits.FOLLOWERS) await evictOldest('f|', followers - limits.FOLLOWERS);
      const profiles = keysOf('p|').length;
      if (profiles > limits.PROFILES) await evictOldest('p|', profiles - limits.PROFILES);
    }

    async function write(items) {
      for (let attempt = 0; ; attempt++) {
        try {
          await area.set(items);
          break;
        } catch (error) {
          if (!isQuotaError(error) || attempt >= limits.QUOTA_RETRIES) throw error;
          // Followers first: a profile's record is what the user came back for.
          const followers = keysOf('f|').filter((k) => !(k in items));
          const profiles = keysOf('p|').filter((k) => !(k in items));
          const freed = followers.length
            ? await evictOldest('f|', Math.max(1, Math.ceil(followers.length * limits.EVICT_SHARE)))
            : await evictOldest('p|', Math.max(1, Math.ceil(profiles.length * limits.EVICT_SHARE)));
          if (freed === 0) throw error;
        }
      }
      for (const [key, value] of Object.entries(items)) {
        unreadable.delete(key); // replaced by a sound record
        if (key.startsWith('p|') || key.startsWith('f|')) index.set(key, Math.max(value.seen_at, index.get(key) ?? -Infinity));
        else if (key.startsWith('a|')) index.set(`p|${key.slice(2)}`, value.audit_at);
      }
      await enforceCaps();
    }

    const isPlatform = (p) => typeof p === 'string' && /^[a-z]+$/.test(p);
    const { PER_INSTANCE } = shapes();
    // The instance field of a record of this platform: {instance} on Mastodon, nothing elsewhere.
    const scope = (platform, instance) => (PER_INSTANCE.includes(platform) ? { instance } : {});

    return Object.freeze({
      /**
       * Keeps the core's accounts from one report: profiles by handle, everyone else by id; on Mastodon under the
       * instance of the page that showed them ({instance}: the page's host, which the worker takes from the tab).
       * A profile whose handle no page URL could name, a follower with no usable id, or a Mastodon account with
       * no instance, is not kept.
       */
      rememberAccounts: (accounts, { instance } = {}) => serial(async () => {
        const items = {};
        for (const account of accounts) {
          if (!isObject(account) || !isPlatform(account.platform)) continue;
          const { platform } = account;
          if (account.seen === 'profile') {
            const key = keyOf('p', { platform, handle: account.handle, instance });
            const record = { platform, handle: account.handle, ...scope(platform, instance), seen_at: now(), account: clipAccount(account, limits.TEXT_CHARS) };
            if (!problemOf(key, record)) items[key] = record;
          } else if (account.seen === 'followers') {
            const key = keyOf('f', { platform, id: String(account.id ?? account.handle ?? ''), instance });
            const record = { platform, ...scope(platform, instance), seen_at: now(), account: clipAccount(account, limits.TEXT_CHARS) };
            if (!problemOf(key, record)) items[key] = record;
          }
        }
        if (Object.keys(items).length) await write(items);
      }),

      /**
       * Keeps a profile's latest audience estimate (and an empty profile record, if it has none yet). subject:
       * {platform, handle}, and on Mastodon its instance.
       */
      rememberAudit: ({ platform, handle, instance }, audit) => serial(async () => {
        const key = keyOf('a', { platform, handle, instance });
        const items = { [key]: { platform, handle, ...scope(platform, instance), audit, audit_at: now() } };
        const profile = keyOf('p', { platform, handle, instance });
        if (!index.has(profile)) items[profile] = { platform, handle, ...scope(platform, instance), seen_at: now(), account: null };
        const problem = Object.entries(items).map(([k, v]) => problemOf(k, v)).find(Boolean);
        if (problem) throw new StoreError(`estimate not kept: ${problem}`);
        await write(items);
      }),

      /** The stored profile (its account and latest estimate, as profileOf() puts them together), or null. */
      async recall({ platform, handle, instance }) {
        const keys = [keyOf('p', { platform, handle, instance }), keyOf('a', { platform, handle, instance })];
        const found = await area.get(keys);
        const [profile, estimate] = keys.map((k) => {
          if (!(k in found)) return null;
          const problem = problemOf(k, found[k]);
          if (problem) unreadable.set(k, problem);
          return problem ? null : found[k];
        });
        return profileOf(profile, estimate);
      },

      counts: () => ({ profiles: keysOf('p|').length, followers: keysOf('f|').length, unreadable: unreadable.size }),

      /** The records skipped because they could not be read: [{key, problem}]. */
      unreadable: () => [...unreadable].map(([key, problem]) => ({ key, problem })),

      /** Deletes everything stored; the schema version stays, so the next write needs no migration. */
      clear: () => serial(async () => {
        await area.clear();
        index.clear();
        unreadable.clear();
        await area.set({ schema: { version } });
      }),
    });
  }

  globalThis.truefollowStore = Object.freeze({ SCHEMA_VERSION, MIGRATIONS, LIMITS, openStore, clipAccount, StoreError });
})();

/*
 * What the extension keeps, on this device only (storage.local; nothing is ever sent): every profile seen with
 * the core's account report and its latest audience estimate, and every follower the core scored.
 *
 *   'schema'                     {version}
 *   'p|<platform>|<handle>'      {platform, handle, seen_at, account | null, audit | null, audit_at | null}
 *   'f|<platform>|<id>'          {platform, seen_at, account}
 *
 * Keys are lower-cased handles and the platform's own ids. One key per record, so a write touches only what
 * changed. Schema: opening runs the migrations from the stored version up to SCHEMA_VERSION one step at a
 * time, writing the new version after each step (a step must be safe to run twice); data written by a newer
 * version is left untouched and the store refuses to open rather than guess. Quota: a write that hits the
 * browser's quota evicts the oldest follower records (then the oldest profiles) and tries again; the caps in
 * LIMITS keep the store well below the quota in normal use.
 *
 * A classic script (the options page loads it with <script>, the worker imports it for its side effect):
 * defines globalThis.truefollowStore = {SCHEMA_VERSION, MIGRATIONS, LIMITS, openStore, StoreError}.
 */
(() => {
  'use strict';

  const SCHEMA_VERSION = 1;
  // MIGRATIONS[v] turns a version-v store into a version v+1 store: {from, to, run(area)}. Version 1 is the
  // first layout, so there is nothing to migrate yet; a change of layout adds its step here and a test.
  const MIGRATIONS = [];

  const LIMITS = Object.freeze({
    FOLLOWERS: 20000, // follower records kept; the oldest go first
    PROFILES: 5000,
    EVICT_SHARE: 0.25, // of the records of a kind, evicted per quota failure
    QUOTA_RETRIES: 4,
  });

  class StoreError extends Error {}

  const profileKey = (platform, handle) => `p|${platform}|${String(handle).replace(/^@/, '').toLowerCase()}`;
  const followerKey = (platform, id) => `f|${platform}|${id}`;
  const isQuotaError = (error) => /quota/i.test(String(error?.message ?? '')) || error?.name === 'QuotaExceededError';

  async function migrate(area, migrations, version) {
    const { schema } = await area.get('schema');
    let from = schema?.version;
    if (from === undefined) {
      await area.set({ schema: { version } });
      return;
    }
    if (!Number.isInteger(from) || from > version) {
      throw new StoreError(`stored data has schema version ${from}, newer than this version's ${version}: left untouched`);
    }
    while (from < version) {
      const step = migrations.find((m) => m.from === from);
      if (!step || step.to !== from + 1) throw new StoreError(`no migration from schema version ${from}`);
      await step.run(area);
      await area.set({ schema: { version: step.to } });
      from = step.to;
    }
  }

  /**
   * Opens the store on a storage area ({get, set, remove, clear} returning promises, as storage.local does).
   * options: now() in milliseconds, migrations, version, limits (tests change them).
   */
  async function openStore(area, { now = () => Date.now(), migrations = MIGRATIONS, version = SCHEMA_VERSION, limits = LIMITS } = {}) {
    await migrate(area, migrations, version);

    // key -> seen_at of every record, so caps and eviction need no full read.
    const index = new Map();
    for (const [key, value] of Object.entries(await area.get(null))) {
      if (key.startsWith('p|') || key.startsWith('f|')) index.set(key, Number(value?.seen_at) || 0);
    }
    const keysOf = (prefix) => [...index.keys()].filter((k) => k.startsWith(prefix));

    async function evictOldest(prefix, count) {
      const victims = keysOf(prefix).sort((a, b) => index.get(a) - index.get(b)).slice(0, count);
      if (victims.length === 0) return 0;
      await area.remove(victims);
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
      for (const [key, value] of Object.entries(items)) index.set(key, value.seen_at);
      await enforceCaps();
    }

    async function updateProfile(platform, handle, change) {
      const key = profileKey(platform, handle);
      const old = (await area.get(key))[key] ?? { platform, handle, account: null, audit: null, audit_at: null };
      await write({ [key]: { ...old, ...change, seen_at: now() } });
    }

    return Object.freeze({
      /** Keeps the core's accounts from one report: profiles by handle, everyone else by id. */
      async rememberAccounts(accounts) {
        const followers = {};
        for (const account of accounts) {
          if (!account || typeof account.platform !== 'string') continue;
          if (account.seen === 'profile' && typeof account.handle === 'string') {
            await updateProfile(account.platform, account.handle, { account });
          } else if (account.seen === 'followers' && (account.id ?? account.handle)) {
            followers[followerKey(account.platform, account.id ?? account.handle)] = { platform: account.platform, seen_at: now(), account };
          }
        }
        if (Object.keys(followers).length) await write(followers);
      },

      /** Keeps a profile's latest audience estimate. */
      rememberAudit: ({ platform, handle }, audit) => updateProfile(platform, handle, { audit, audit_at: now() }),

      /** The stored record of a profile, or null. */
      async recall({ platform, handle }) {
        const key = profileKey(platform, handle);
        return (await area.get(key))[key] ?? null;
      },

      counts: () => ({ profiles: keysOf('p|').length, followers: keysOf('f|').length }),

      /** Deletes everything stored; the schema version stays, so the next write needs no migration. */
      async clear() {
        await area.clear();
        index.clear();
        await area.set({ schema: { version } });
      },
    });
  }

  globalThis.truefollowStore = Object.freeze({ SCHEMA_VERSION, MIGRATIONS, LIMITS, openStore, StoreError });
})();

// @ts-check
/*
 * The store: the one writer of what truefollow keeps on this device (storage.local; nothing is ever sent). The
 * background worker writes every profile, estimate, follower count, audit input and follower through one store;
 * the options page opens one to show what is kept and to delete it. The keys, the layout of every record and the
 * checks a record must pass to be read are in stored-shapes.js, and only there; the schema version and the
 * upgrade steps from older layouts in migrations.js; reading without a store (the popup, the report) and the
 * vetting list in records.js.
 *
 * Writing: one key per record, so a write touches only what changed, and each write is one storage.local.set(),
 * which both browsers commit as one transaction (Chromium: one LevelDB write batch; Firefox: one IndexedDB
 * transaction): a write cut short by a crash or a closed browser leaves the records as they were before, never
 * half-written. A profile's account (from a capture) and its audience estimate (from an audit) are separate
 * records, so those two writers never read, merge and rewrite the same record; writes through one store also run
 * one at a time (its write queue). Accounts are stored with long strings clipped (a page can hand over a
 * 10,000-character name), and only under keys stored-shapes.js accepts.
 *
 * Reading: a record that fails its check is skipped, listed in unreadable() and counted, and the rest loads; a
 * later write of the same record replaces it.
 *
 * Schema: opening runs the migrations (migrations.js) from the stored version up to SCHEMA_VERSION one step at a
 * time, writing the new version after each step. Data written by a newer version is left untouched and the store
 * refuses to open rather than guess. A schema record that cannot be read is reported as unreadable; then, as when
 * other records are there but no schema record, every step runs from the first version.
 *
 * Budget (LIMITS; the same in both browsers: Firefox has no quota of its own for storage.local): every record
 * is counted as Chromium counts its quota (bytesOf). All of them together stay within BUDGET_BYTES, and each
 * site's (a platform; each Mastodon instance is a site of its own) within an equal share of it. A write that
 * would go beyond either makes room by removing records of its own site only, never another's: first kept
 * inputs of profiles not on the vetting list, then followers, then whole profiles not on the vetting list
 * (profile, estimate, history and inputs together, so nothing is left orphaned), the oldest first, and last
 * the vetted profiles' inputs. The profiles on the vetting list keep their profile, estimate and history: when
 * a site's share holds nothing else, its write is refused (a StoreError; usage().refused counts them). Inputs
 * are kept only for audits the user started, at most INPUTS_PER_SITE per site and INPUT_BYTES each. A write that
 * still hits the browser's quota (other data in the area) removes more of its own site and tries again. The
 * bytes of every record are kept in an index, so that a write needs no full read; records another writer puts in
 * storage.local while the store is open are learnt from the area's onChanged and counted too (openStore).
 *
 * A classic script (the options page loads it with <script> after sites.js, stored-shapes.js and migrations.js;
 * the worker imports it for its side effect): defines globalThis.truefollowStore =
 * {LIMITS, openStore, clipAccount, bytesOf, StoreError}.
 */
(() => {
  'use strict';

  const shapes = () => globalThis.truefollowStoredShapes;
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  const MIB = 1024 * 1024;
  const LIMITS = Object.freeze({
    QUOTA_BYTES: 10 * MIB, // Chromium's storage.local quota without unlimitedStorage, counted as bytesOf() does
    BUDGET_BYTES: 8 * MIB, // every p, a, f, h and i record together; the rest of the quota is headroom
    MIN_SITES: 6, // the budget is shared by at least this many sites: the five fixed ones and one instance
    RECORD_BYTES: 16 * 1024, // a profile, estimate or follower record larger than this is not kept
    INPUT_BYTES: 1 * MIB, // an audit's inputs larger than this are not kept (the report says so)
    INPUTS_PER_SITE: 2, // audits whose inputs are kept, per site; the oldest go first
    HISTORY_POINTS: 500, // follower counts kept per profile; the oldest go first
    QUOTA_RETRIES: 2,
    TEXT_CHARS: 500, // longest string of an account kept (names, mostly); longer ones are clipped
  });

  /**
   * The bytes a record takes as Chromium counts storage.local's quota (its key's length plus its value as
   * JSON, in UTF-8, as Chromium's own JSON writer writes it), never less: that writer escapes '<', U+2028,
   * U+2029 and U+007F as \uXXXX (six bytes here), each half of a surrogate pair is counted three bytes, and
   * an integer beyond 32 bits is a double to it, written "2147483648.0" or "1.796393094977e+12" (a time in
   * milliseconds): the longer of the two is counted.
   */
  function bytesOf(key, value) {
    let numbers = 0; // what Chromium's numbers take beyond JavaScript's
    const json = JSON.stringify(value, (_, v) => {
      if (typeof v === 'number' && Number.isFinite(v)) {
        const plain = String(v);
        if (Number.isInteger(v) && (v > 2147483647 || v < -2147483648)) numbers += Math.max(plain.length + 2, v.toExponential().length) - plain.length;
        else if (plain.includes('e')) numbers += 1; // an exponent of two digits at least
      }
      return v;
    });
    const text = key + json;
    let bytes = numbers;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) bytes += c === 0x3c || c === 0x7f ? 6 : 1;
      else if (c < 0x800) bytes += 2;
      else bytes += c === 0x2028 || c === 0x2029 ? 6 : 3;
    }
    return bytes;
  }

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
   * the Mastodon instances the user has granted (a promise; the upgrade to version 3 and the budget ask for it).
   */
  async function openStore(area, { now = () => Date.now(), migrations = globalThis.truefollowMigrations.MIGRATIONS,
    version = globalThis.truefollowMigrations.SCHEMA_VERSION, limits = LIMITS,
    instances = async () => [] } = {}) {
    const schemaProblem = await migrate(area, migrations, version, { instances });
    const { keyOf, problemOf, profileOf, siteOf, profileKeyOf, isSubject, isInstance, PLATFORMS, PER_INSTANCE } = shapes();
    const granted = (await instances()).filter(isInstance);

    // key -> {kind, site, profile, bytes, t, sound} of every record of a known kind and site, so that the
    // budget and eviction need no full read. profile: the profile a p, a, h or i record belongs to; t: when
    // it was written (ms); sound: it passed its check.
    const index = new Map();
    const unreadable = new Map(); // key -> what is wrong with it
    let refused = 0; // writes turned away because their site's budget holds only what the user chose to keep
    if (schemaProblem) unreadable.set('schema', schemaProblem);
    const timeOf = (key, value) => {
      if (!isObject(value)) return 0;
      const t = { p: value.seen_at, f: value.seen_at, a: value.audit_at, i: value.now * 1000,
        h: Array.isArray(value.points) ? value.points.at(-1)?.t : 0 }[key[0]];
      return Number.isFinite(t) ? t : 0;
    };
    const track = (key, value, sound = true) => {
      const site = siteOf(key);
      if (site) index.set(key, { kind: key[0], site, profile: profileKeyOf(key), bytes: bytesOf(key, value), t: timeOf(key, value), sound });
    };
    // The index and the unreadable records, from everything stored.
    const load = (all) => {
      index.clear();
      for (const key of unreadable.keys()) if (key !== 'schema') unreadable.delete(key);
      for (const [key, value] of Object.entries(all)) {
        const problem = problemOf(key, value);
        if (problem) unreadable.set(key, problem);
        track(key, value, !problem); // a damaged record takes room too, and goes first: its time reads as 0
      }
    };
    load(await area.get(null));

    // Another writer can change storage.local while this store is open (another extension page's store, a
    // record put there directly): its records would be neither counted nor ever removed. Every change the area
    // reports (its onChanged) is checked: one this store made itself (it notes the size of each record it
    // writes or removes, before the call, as the index shows it) agrees, however late it is reported; so does
    // one the index already shows. Any other (another writer's) has the index read again from the area before
    // the next write, as does a storage call of this store's that failed.
    const GONE = -1;
    const unreported = new Map(); // key -> the sizes (GONE: removed) of this store's changes not reported yet
    const UNREPORTED_PER_KEY = 8; // a browser reports no change that changed nothing: those are forgotten
    let stale = false;
    let rereads = 0; // times the index was read again
    const noteChanges = (keys) => {
      for (const key of keys.filter(siteOf)) {
        const sizes = unreported.get(key) ?? [];
        sizes.push(index.get(key)?.bytes ?? GONE);
        unreported.set(key, sizes.slice(-UNREPORTED_PER_KEY));
      }
    };
    const agrees = (key, { newValue }) => {
      if (!siteOf(key)) return true;
      const size = newValue === undefined ? GONE : bytesOf(key, newValue);
      const sizes = unreported.get(key) ?? [];
      const mine = sizes.indexOf(size);
      if (mine >= 0) {
        sizes.splice(0, mine + 1);
        if (sizes.length === 0) unreported.delete(key);
        return true;
      }
      return size === (index.get(key)?.bytes ?? GONE);
    };
    // The index is read again at once, in the write queue, rather than before the next write: that write may
    // follow a badge's answer, whose reply would wait behind the read of the whole area.
    const follow = (changes) => {
      // Every change is checked (agrees() consumes what it matches), not only up to the first foreign one.
      const foreign = Object.entries(changes).map(([key, change]) => agrees(key, change)).includes(false);
      if (!foreign || stale) return;
      stale = true;
      serial(() => {}).catch(() => {}); // reloadIfStale runs first; a failed read is tried again before the next write
    };
    area.onChanged?.addListener(follow);
    async function reloadIfStale() {
      if (!stale) return;
      stale = false;
      rereads++;
      try {
        load(await area.get(null));
      } catch (error) {
        stale = true; // read again before the next write
        throw error;
      }
    }
    // Runs a storage call of `keys` that the index already shows done; when it fails, the index is read again.
    async function made(keys, call) {
      noteChanges(keys);
      try {
        await call();
      } catch (error) {
        stale = true;
        await reloadIfStale();
        throw error;
      }
    }
    if (unreadable.size) {
      console.warn(`truefollow: ${unreadable.size} stored record${unreadable.size === 1 ? '' : 's'} could not be read and ` +
        `${unreadable.size === 1 ? 'was' : 'were'} skipped:`, [...unreadable].map(([k, why]) => `${k.slice(0, 80)} (${why})`).join('; '));
    }
    const soundKeys = (kind) => [...index].filter(([, e]) => e.kind === kind && e.sound).map(([k]) => k);

    // ---- the budget: per site, and in all ------------------------------------------------------------------

    // The sites sharing the budget: the fixed platforms, every granted instance and every instance with records.
    const sites = () => new Set([...PLATFORMS.filter((p) => !PER_INSTANCE.includes(p)), ...granted.map((h) => `mastodon/${h}`),
      ...[...index.values()].map((e) => e.site)]);
    const siteBudget = () => Math.floor(limits.BUDGET_BYTES / Math.max(limits.MIN_SITES, sites().size));
    const usage = (site) => [...index.values()].reduce((n, e) => n + (site === undefined || e.site === site ? e.bytes : 0), 0);

    // The profiles on the vetting list: what the user chose to keep.
    async function keptProfiles() {
      const { vetting } = await area.get('vetting');
      const list = Array.isArray(vetting) ? vetting.filter(isSubject) : [];
      return new Set(list.map((s) => keyOf('p', s).slice(2)));
    }

    /**
     * The records of `site` to remove so that `need` bytes are freed and at least `inputs` kept inputs go, in
     * this order: kept inputs of profiles not on the vetting list, followers, whole profiles not on the vetting
     * list (profile, estimate, history and inputs together, the least recently seen first), each the oldest
     * first; last, the inputs of vetted profiles. A profile on the vetting list keeps its profile, estimate and
     * history: when that is not enough, null (or, with `partial`, what there is). Records in `busy` (being
     * written) and their profiles stay.
     */
    function victims(site, need, inputs, busy, kept, partial = false) {
      const busyProfiles = new Set([...busy].map(profileKeyOf).filter(Boolean));
      const mine = [...index].filter(([k, e]) => e.site === site && !busy.has(k));
      const oldest = (a, b) => a[1].t - b[1].t;
      const chosen = new Set();
      let freed = 0;
      let inputsGone = 0;
      const take = (key) => {
        if (chosen.has(key)) return;
        chosen.add(key);
        freed += index.get(key).bytes;
        if (key.startsWith('i|')) inputsGone++;
      };
      const enough = () => freed >= need && inputsGone >= inputs;
      const keptInputs = mine.filter(([, e]) => e.kind === 'i').sort(oldest);
      for (const [key, e] of keptInputs) {
        if (inputsGone >= inputs && freed >= need) break;
        if (!kept.has(e.profile)) take(key);
      }
      for (const [key] of mine.filter(([, e]) => e.kind === 'f').sort(oldest)) {
        if (enough()) break;
        take(key);
      }
      const profiles = new Map(); // profile -> {keys, t}
      for (const [key, e] of mine) {
        if (!e.profile || kept.has(e.profile) || busyProfiles.has(e.profile)) continue;
        const p = profiles.get(e.profile) ?? { keys: [], t: -Infinity };
        p.keys.push(key);
        p.t = Math.max(p.t, e.t);
        profiles.set(e.profile, p);
      }
      for (const p of [...profiles.values()].sort((a, b) => a.t - b.t)) {
        if (enough()) break;
        p.keys.forEach(take);
      }
      for (const [key] of keptInputs) {
        if (enough()) break;
        take(key);
      }
      return enough() || partial ? [...chosen] : null;
    }

    async function removeKeys(keys) {
      if (keys.length === 0) return;
      for (const key of keys) {
        index.delete(key);
        unreadable.delete(key);
      }
      await made(keys, () => area.remove(keys));
    }

    // Makes room for `items` in their sites' budgets and in the whole budget, removing only records of the same
    // site, then writes them (and removes `drop`) in one storage.local.set. Throws a StoreError, having changed
    // nothing, when a site cannot make room without what the user chose to keep.
    async function write(items, drop = []) {
      const kept = await keptProfiles();
      const busy = new Set([...Object.keys(items), ...drop]);
      const added = new Map(); // site -> bytes it grows by
      const newInputs = new Map(); // site -> inputs records it gains
      for (const [key, value] of Object.entries(items)) {
        const site = siteOf(key);
        if (!site) continue;
        added.set(site, (added.get(site) ?? 0) + bytesOf(key, value) - (index.get(key)?.bytes ?? 0));
        if (key.startsWith('i|') && !index.has(key)) newInputs.set(site, (newInputs.get(site) ?? 0) + 1);
      }
      for (const key of drop) {
        const e = index.get(key);
        if (e) added.set(e.site, (added.get(e.site) ?? 0) - e.bytes);
      }
      const budget = siteBudget();
      let total = usage();
      const remove = [];
      for (const [site, bytes] of added) {
        const inputs = [...index.values()].filter((e) => e.site === site && e.kind === 'i').length;
        const need = Math.max(usage(site) + bytes - budget, total + bytes - limits.BUDGET_BYTES, 0);
        const extraInputs = Math.max(0, inputs + (newInputs.get(site) ?? 0) - limits.INPUTS_PER_SITE);
        const out = need || extraInputs ? victims(site, need, extraInputs, busy, kept) : [];
        if (!out) {
          refused++;
          throw new StoreError(`not stored: no room in the storage budget of ${site} (${budget} bytes) without removing what the user chose to keep`);
        }
        remove.push(...out);
        total += bytes - out.reduce((n, k) => n + index.get(k).bytes, 0);
      }
      await removeKeys(remove);
      for (let attempt = 0; ; attempt++) {
        for (const [key, value] of Object.entries(items)) {
          unreadable.delete(key); // replaced by a sound record
          track(key, value);
        }
        try {
          await made(Object.keys(items), () => area.set(items)); // on failure the index is read again: what is stored
          break;
        } catch (error) {
          // The budget keeps well below the quota; other data in the area (or another writer) can still fill it.
          if (!isQuotaError(error) || attempt >= limits.QUOTA_RETRIES) throw error;
          const more = [...added.keys()].flatMap((site) => victims(site, Math.max(1, Math.ceil(usage(site) / 4)), 0, busy, kept, true));
          if (more.length === 0) throw error;
          await removeKeys(more);
        }
      }
      await removeKeys(drop.filter((k) => index.has(k) && !(k in items)));
    }

    // Every site down to its share of the budget (after the user granted another instance, or after an
    // upgrade), each by removing its own records only.
    async function trim() {
      const kept = await keptProfiles();
      const budget = siteBudget();
      for (const site of sites()) {
        const over = usage(site) - budget;
        const inputs = [...index.values()].filter((e) => e.site === site && e.kind === 'i').length;
        const extraInputs = Math.max(0, inputs - limits.INPUTS_PER_SITE);
        if (over <= 0 && extraInputs === 0) continue;
        await removeKeys(victims(site, Math.max(over, 0), extraInputs, new Set(), kept) ??
          victims(site, 0, extraInputs, new Set(), kept) ?? []);
      }
    }

    // Writes run one after another, so a read-then-write never interleaves with another write of this store.
    let queue = Promise.resolve();
    const serial = (fn) => {
      const run = queue.then(reloadIfStale).then(fn);
      queue = run.catch(() => {});
      return run;
    };

    const isPlatform = (p) => typeof p === 'string' && /^[a-z]+$/.test(p);
    // The instance field of a record of this platform: {instance} on Mastodon, nothing elsewhere.
    const scope = (platform, instance) => (PER_INSTANCE.includes(platform) ? { instance } : {});
    const fits = (key, value) => bytesOf(key, value) <= limits.RECORD_BYTES;

    // The follower counts of a profile with one more: added when it differs from the last one kept (a revisit
    // with the same count only moves its time), the oldest beyond HISTORY_POINTS dropped.
    async function withCount(key, followers, t) {
      const stored = (await area.get(key))[key];
      const points = stored !== undefined && !problemOf(key, stored) ? stored.points : [];
      const last = points[points.length - 1];
      if (last && last.followers === followers) last.t = t;
      else points.push({ t, followers });
      return { points: points.slice(-limits.HISTORY_POINTS) };
    }

    return Object.freeze({
      /**
       * Keeps the core's accounts from one report: profiles by handle (with their follower count added to the
       * profile's history), everyone else by id; on Mastodon under the instance of the page that showed them
       * ({instance}: the page's host, which the worker takes from the tab). A profile whose handle no page URL
       * could name, a follower with no usable id, a Mastodon account with no instance, or a record larger than
       * RECORD_BYTES, is not kept.
       * @param {object[]} accounts
       * @param {{instance?: string}} [page]
       */
      rememberAccounts: (accounts, { instance } = {}) => serial(async () => {
        /** @type {Record<string, object>} */
        const items = {};
        for (const account of accounts) {
          if (!isObject(account) || !isPlatform(account.platform)) continue;
          const { platform } = account;
          if (account.seen === 'profile') {
            const key = keyOf('p', { platform, handle: account.handle, instance });
            const record = { platform, handle: account.handle, ...scope(platform, instance), seen_at: now(), account: clipAccount(account, limits.TEXT_CHARS) };
            if (problemOf(key, record) || !fits(key, record)) continue;
            items[key] = record;
            if (typeof account.followers === 'number' && Number.isFinite(account.followers)) {
              const history = keyOf('h', { platform, handle: account.handle, instance });
              items[history] = await withCount(history, account.followers, now());
            }
          } else if (account.seen === 'followers') {
            const key = keyOf('f', { platform, id: String(account.id ?? account.handle ?? ''), instance });
            const record = { platform, ...scope(platform, instance), seen_at: now(), account: clipAccount(account, limits.TEXT_CHARS) };
            if (!problemOf(key, record) && fits(key, record)) items[key] = record;
          }
        }
        if (Object.keys(items).length) await write(items);
      }),

      /**
       * Keeps a profile's latest audience estimate (and an empty profile record, if it has none yet). subject:
       * {platform, handle}, and on Mastodon its instance. The audit's inputs ({now, lang, options, model, core,
       * pages, lines}, so that a copied report can be re-run) are kept only when the user started the audit
       * (userStarted: "Check followers") or has the profile on the vetting list, and only up to INPUT_BYTES
       * (beyond, the record says too_large); otherwise the inputs of an older estimate are removed with it.
       * @param {{platform: string, handle: string, instance?: string}} subject
       * @param {object} audit
       * @param {{inputs?: object | null, userStarted?: boolean}} [kept]
       */
      rememberAudit: ({ platform, handle, instance }, audit, { inputs = null, userStarted = false } = {}) => serial(async () => {
        const subject = { platform, handle, instance };
        const key = keyOf('a', subject);
        /** @type {Record<string, object>} */
        const items = { [key]: { platform, handle, ...scope(platform, instance), audit, audit_at: now() } };
        const profile = keyOf('p', subject);
        if (!index.has(profile)) items[profile] = { platform, handle, ...scope(platform, instance), seen_at: now(), account: null };
        const problem = Object.entries(items).map(([k, v]) => problemOf(k, v)).find(Boolean);
        if (problem) throw new StoreError(`estimate not kept: ${problem}`);
        if (!fits(key, items[key])) throw new StoreError(`estimate not kept: larger than ${limits.RECORD_BYTES} bytes`);
        const inputsKey = keyOf('i', subject);
        const keep = inputs && (userStarted || (await keptProfiles()).has(profile.slice(2)));
        if (keep) {
          items[inputsKey] = inputs;
          if (bytesOf(inputsKey, inputs) > limits.INPUT_BYTES) items[inputsKey] = { ...inputs, lines: null, too_large: true };
        }
        await write(items, keep ? [] : [inputsKey]);
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

      /** Every site down to its share of the budget, each by removing its own records (see write()). */
      trim: () => serial(trim),

      counts: () => ({ profiles: soundKeys('p').length, followers: soundKeys('f').length, unreadable: unreadable.size }),

      /**
       * The bytes stored ({total, budget, siteBudget, sites: {site: bytes}}), the writes refused for want of room,
       * and how many times the index was read again after a change it did not expect (rereads).
       */
      usage: () => ({ total: usage(), budget: limits.BUDGET_BYTES, siteBudget: siteBudget(), refused, rereads,
        sites: Object.fromEntries([...sites()].map((site) => [site, usage(site)])) }),

      /** The records skipped because they could not be read: [{key, problem}]. */
      unreadable: () => [...unreadable].map(([key, problem]) => ({ key, problem })),

      /** Stops following the area's changes: for a store no longer used (its index goes with it). */
      close: () => area.onChanged?.removeListener(follow),

      /** Deletes everything stored; the schema version stays, so the next write needs no migration. */
      clear: () => serial(async () => {
        await area.clear();
        index.clear();
        unreported.clear();
        unreadable.clear();
        await area.set({ schema: { version } });
      }),
    });
  }

  globalThis.truefollowStore = Object.freeze({ LIMITS, openStore, clipAccount, bytesOf, StoreError });
})();

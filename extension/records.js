/*
 * What extension part 2 keeps beside the store's profiles and followers (store.js), on this device only:
 *
 *   'h|<platform>|<handle>'   {points: [{t, followers}]}     every follower count seen, in order (t: ms)
 *   'i|<platform>|<handle>'   {now, lang, options, model, lines, pages}   the inputs of the latest audit, so a
 *                                                             copied report can be re-run to the same number
 *   'vetting'                 [{platform, handle}]           the popup's vetting list, in the order added
 *
 * On Mastodon the records are kept per instance: 'h|mastodon|<instance>/<handle>', a subject and a vetting
 * entry carry the instance (stored-shapes.js).
 *
 * A count is added when it differs from the last one kept (a revisit with the same count adds nothing but
 * moves its time). Caps: HISTORY_POINTS per profile (oldest dropped), INPUT_CHARS per audit (beyond it the
 * inputs are not kept and the report says so). "Delete all stored data" (options page) clears these too.
 * Every record is checked as it is read (stored-shapes.js): one that fails is treated as absent (a history
 * starts again, the inputs are "not kept", a vetting entry is dropped) and the next write replaces it.
 * Read-then-write updates of one context run one after another, so two captures never lose a count.
 *
 * A classic script (popup, options page, and the worker as a side-effect import; after sites.js and
 * stored-shapes.js): defines globalThis.truefollowRecords =
 * {LIMITS, addCount, history, keepInputs, inputs, vetting, setVetting, profiles, profile}.
 */
(() => {
  'use strict';

  const LIMITS = Object.freeze({ HISTORY_POINTS: 500, INPUT_CHARS: 3 * 1024 * 1024, VETTING: 50 });
  const shapes = () => globalThis.truefollowStoredShapes;
  // A subject is {platform, handle}, on Mastodon with its instance (stored-shapes.js keeps those per instance).
  const key = (kind, subject) => shapes().keyOf(kind, subject);

  // The record at k if it passes its check, else undefined (as if it were not there).
  async function read(area, k) {
    const value = (await area.get(k))[k];
    return value !== undefined && !shapes().problemOf(k, value) ? value : undefined;
  }

  let queue = Promise.resolve();
  const serial = (fn) => {
    const run = queue.then(fn);
    queue = run.catch(() => {});
    return run;
  };

  const addCount = (area, subject, followers, t = Date.now()) => serial(async () => {
    if (typeof followers !== 'number' || !Number.isFinite(followers)) return;
    const k = key('h', subject);
    if (shapes().problemOf(k, { points: [] })) return; // a handle no page could ask for
    const points = (await read(area, k))?.points ?? [];
    const last = points[points.length - 1];
    if (last && last.followers === followers) last.t = t;
    else points.push({ t, followers });
    await area.set({ [k]: { points: points.slice(-LIMITS.HISTORY_POINTS) } });
  });

  const history = async (area, subject) => (await read(area, key('h', subject)))?.points ?? [];

  async function keepInputs(area, subject, inputs) {
    const k = key('i', subject);
    if (inputs.lines.length > LIMITS.INPUT_CHARS) await area.set({ [k]: { ...inputs, lines: null, too_large: true } });
    else await area.set({ [k]: inputs });
  }

  const inputs = async (area, subject) => (await read(area, key('i', subject))) ?? null;

  const vetting = async (area) => {
    const list = await read(area, 'vetting');
    return Array.isArray(list) ? list.filter(shapes().isSubject) : [];
  };
  async function setVetting(area, list) {
    const seen = new Set();
    const clean = list.filter((s) => s && typeof s.platform === 'string' && typeof s.handle === 'string')
      .filter((s) => !seen.has(key('', s)) && seen.add(key('', s))).slice(0, LIMITS.VETTING)
      .map(({ platform, handle, instance }) => (shapes().PER_INSTANCE.includes(platform) ? { platform, handle, instance } : { platform, handle }));
    await area.set({ vetting: clean });
  }

  /** Every stored profile that can be read (store.js layout, put together by profileOf), the most recently seen first. */
  async function profiles(area) {
    const all = await area.get(null);
    const sound = (k) => k in all && !shapes().problemOf(k, all[k]);
    const found = [];
    for (const k of Object.keys(all)) {
      const rest = k.slice(2);
      const isProfile = k.startsWith('p|') || (k.startsWith('a|') && !(`p|${rest}` in all));
      if (!isProfile) continue;
      const record = shapes().profileOf(sound(`p|${rest}`) ? all[`p|${rest}`] : null, sound(`a|${rest}`) ? all[`a|${rest}`] : null);
      if (record) found.push(record);
    }
    return found.sort((a, b) => b.seen_at - a.seen_at);
  }

  /** One stored profile that can be read, or null. subject: {platform, handle}, on Mastodon with its instance. */
  async function profile(area, subject) {
    const [p, a] = [key('p', subject), key('a', subject)];
    return shapes().profileOf((await read(area, p)) ?? null, (await read(area, a)) ?? null);
  }

  globalThis.truefollowRecords = Object.freeze({ LIMITS, addCount, history, keepInputs, inputs, vetting, setVetting, profiles, profile });
})();

/*
 * Reading what the store keeps (store.js writes the profiles, estimates, follower counts 'h|' and audit
 * inputs 'i|'), and keeping the popup's vetting list, on this device only:
 *
 *   'vetting'                 [{platform, handle}]           the popup's vetting list, in the order added
 *
 * On Mastodon the records are kept per instance: 'h|mastodon|<instance>/<handle>', a subject and a vetting
 * entry carry the instance (stored-shapes.js). The profiles on the vetting list are what the user chose to
 * keep: the store's budget removes their profile, estimate and history last, and never for another site.
 * "Delete all stored data" (options page) clears these too. Every record is checked as it is read
 * (stored-shapes.js): one that fails is treated as absent (a history starts again, the inputs are "not kept",
 * a vetting entry is dropped) and the next write replaces it.
 *
 * A classic script (popup, options page, and the worker as a side-effect import; after sites.js and
 * stored-shapes.js): defines globalThis.truefollowRecords =
 * {LIMITS, history, inputs, vetting, setVetting, profiles, profile}.
 */
(() => {
  'use strict';

  const LIMITS = Object.freeze({ VETTING: 50 });
  const shapes = () => globalThis.truefollowStoredShapes;
  // A subject is {platform, handle}, on Mastodon with its instance (stored-shapes.js keeps those per instance).
  const key = (kind, subject) => shapes().keyOf(kind, subject);

  // The record at k if it passes its check, else undefined (as if it were not there).
  async function read(area, k) {
    const value = (await area.get(k))[k];
    return value !== undefined && !shapes().problemOf(k, value) ? value : undefined;
  }

  const history = async (area, subject) => (await read(area, key('h', subject)))?.points ?? [];

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

  globalThis.truefollowRecords = Object.freeze({ LIMITS, history, inputs, vetting, setVetting, profiles, profile });
})();

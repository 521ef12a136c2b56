// @ts-check
/*
 * Reading what the store keeps (store.js) without opening a store, and keeping the vetting list. The popup and
 * its "Save report" read profiles, follower counts and audit inputs here; the worker reads the counts and inputs
 * for its history and report answers. Every record is checked as it is read (stored-shapes.js, the one key
 * table): one that fails is treated as absent (a history starts again, the inputs are "not kept", a vetting
 * entry is dropped) and the next write replaces it.
 *
 * The vetting list is the one record written here: the profiles the user chose to keep, in the order added, at
 * most LIMITS.VETTING, each {platform, handle} and on Mastodon its instance. The popup writes it; the store's
 * budget removes those profiles' records last, and never for another site.
 *
 * A classic script (the popup loads it after sites.js and stored-shapes.js; the worker imports it for its side
 * effect): defines globalThis.truefollowRecords = {LIMITS, history, inputs, vetting, setVetting, profiles, profile}.
 */
(() => {
  'use strict';

  const LIMITS = Object.freeze({ VETTING: 50 });
  const shapes = () => globalThis.truefollowStoredShapes;
  // A subject is {platform, handle}, on Mastodon with its instance.
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

  /** Every stored profile that can be read (put together by stored-shapes.js's profileOf), the most recently seen first. */
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

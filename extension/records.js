/*
 * What extension part 2 keeps beside the store's profiles and followers (store.js), on this device only:
 *
 *   'h|<platform>|<handle>'   {points: [{t, followers}]}     every follower count seen, in order (t: ms)
 *   'i|<platform>|<handle>'   {now, lang, options, model, lines, pages}   the inputs of the latest audit, so a
 *                                                             copied report can be re-run to the same number
 *   'vetting'                 [{platform, handle}]           the popup's vetting list, in the order added
 *
 * A count is added when it differs from the last one kept (a revisit with the same count adds nothing but
 * moves its time). Caps: HISTORY_POINTS per profile (oldest dropped), INPUT_CHARS per audit (beyond it the
 * inputs are not kept and the report says so). "Delete all stored data" (options page) clears these too.
 *
 * A classic script (popup, options page, and the worker as a side-effect import): defines
 * globalThis.truefollowRecords = {LIMITS, addCount, history, keepInputs, inputs, vetting, setVetting, profiles}.
 */
(() => {
  'use strict';

  const LIMITS = Object.freeze({ HISTORY_POINTS: 500, INPUT_CHARS: 3 * 1024 * 1024, VETTING: 50 });
  const norm = (handle) => String(handle).replace(/^@/, '').toLowerCase();
  const key = (kind, { platform, handle }) => `${kind}|${platform}|${norm(handle)}`;

  async function addCount(area, subject, followers, t = Date.now()) {
    if (typeof followers !== 'number' || !Number.isFinite(followers)) return;
    const k = key('h', subject);
    const points = (await area.get(k))[k]?.points ?? [];
    const last = points[points.length - 1];
    if (last && last.followers === followers) last.t = t;
    else points.push({ t, followers });
    await area.set({ [k]: { points: points.slice(-LIMITS.HISTORY_POINTS) } });
  }

  const history = async (area, subject) => (await area.get(key('h', subject)))[key('h', subject)]?.points ?? [];

  async function keepInputs(area, subject, inputs) {
    const k = key('i', subject);
    if (inputs.lines.length > LIMITS.INPUT_CHARS) await area.set({ [k]: { ...inputs, lines: null, too_large: true } });
    else await area.set({ [k]: inputs });
  }

  const inputs = async (area, subject) => (await area.get(key('i', subject)))[key('i', subject)] ?? null;

  const vetting = async (area) => {
    const list = (await area.get('vetting')).vetting;
    return Array.isArray(list) ? list : [];
  };
  async function setVetting(area, list) {
    const seen = new Set();
    const clean = list.filter((s) => s && typeof s.platform === 'string' && typeof s.handle === 'string')
      .filter((s) => !seen.has(key('', s)) && seen.add(key('', s))).slice(0, LIMITS.VETTING)
      .map(({ platform, handle }) => ({ platform, handle }));
    await area.set({ vetting: clean });
  }

  /** Every stored profile record (store.js layout), the most recently seen first. */
  async function profiles(area) {
    const all = await area.get(null);
    return Object.entries(all).filter(([k]) => k.startsWith('p|')).map(([, v]) => v)
      .sort((a, b) => (b.seen_at ?? 0) - (a.seen_at ?? 0));
  }

  globalThis.truefollowRecords = Object.freeze({ LIMITS, addCount, history, keepInputs, inputs, vetting, setVetting, profiles });
})();

// @ts-check
/*
 * The user's settings (options page), kept on this device in storage.local under 'settings', with their
 * defaults and limits in one place. Read by the content scripts (platforms on or off, list badges, badges on
 * post authors, sample size, language), the worker (the thresholds behind "inactive" and "fake", passed to the core as its options
 * fake_threshold, inactive_posts_per_year and inactive_days_silent: the core applies them, never this file),
 * the popup and the options page. Values out of range are clamped; unknown keys are dropped.
 *
 * A classic script that also works as a module's side-effect import: defines globalThis.truefollowSettings =
 * {DEFAULTS, LIMITS, LANGUAGES, clean, load, save, watch, coreOptions}.
 */
(() => {
  'use strict';

  const { PLATFORMS } = globalThis.truefollowSites; // sites.js owns the list
  const LANGUAGES = ['auto', 'en', 'de', 'es', 'fr', 'pt_BR', 'ja'];
  const LIMITS = Object.freeze({
    SAMPLE_MIN: 20, SAMPLE_MAX: 2000, // audit mode reads at most 2,000 followers
    FAKE_MIN: 0.05, FAKE_MAX: 0.95,
    POSTS_MIN: 0, POSTS_MAX: 365,
    DAYS_MIN: 7, DAYS_MAX: 3650,
  });
  // null thresholds: the core's own defaults (wasm/src/score.h), sent as nothing.
  const DEFAULTS = Object.freeze({
    platforms: Object.freeze(Object.fromEntries(PLATFORMS.map((p) => [p, true]))),
    sample_size: 300,
    list_badges: true,
    author_badges: true,
    fake_threshold: null,
    inactive_posts_per_year: null,
    inactive_days_silent: null,
    language: 'auto',
  });

  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  const numberOr = (v, lo, hi, fallback) => (typeof v === 'number' && Number.isFinite(v) ? clamp(v, lo, hi) : fallback);

  /** A complete, valid settings object from whatever was stored. */
  function clean(raw) {
    const s = raw && typeof raw === 'object' ? raw : {};
    const platforms = {};
    for (const p of PLATFORMS) platforms[p] = typeof s.platforms?.[p] === 'boolean' ? s.platforms[p] : true;
    return {
      platforms,
      sample_size: Math.round(numberOr(s.sample_size, LIMITS.SAMPLE_MIN, LIMITS.SAMPLE_MAX, DEFAULTS.sample_size)),
      list_badges: typeof s.list_badges === 'boolean' ? s.list_badges : DEFAULTS.list_badges,
      author_badges: typeof s.author_badges === 'boolean' ? s.author_badges : DEFAULTS.author_badges,
      fake_threshold: numberOr(s.fake_threshold, LIMITS.FAKE_MIN, LIMITS.FAKE_MAX, null),
      inactive_posts_per_year: numberOr(s.inactive_posts_per_year, LIMITS.POSTS_MIN, LIMITS.POSTS_MAX, null),
      inactive_days_silent: numberOr(s.inactive_days_silent, LIMITS.DAYS_MIN, LIMITS.DAYS_MAX, null),
      language: LANGUAGES.includes(s.language) ? s.language : DEFAULTS.language,
    };
  }

  const load = async (area) => clean((await area.get('settings')).settings);
  const save = async (area, settings) => area.set({ settings: clean(settings) });

  /** Calls fn(settings) whenever they change (including when all stored data is deleted). */
  function watch(storage, fn) {
    storage.onChanged.addListener((changes, areaName) => {
      if (areaName === 'local' && ('settings' in changes || 'schema' in changes)) fn(clean(changes.settings?.newValue));
    });
  }

  /** The options the core takes from the settings: only the thresholds the user set. */
  function coreOptions(settings) {
    const out = {};
    for (const key of ['fake_threshold', 'inactive_posts_per_year', 'inactive_days_silent']) {
      if (settings[key] !== null) out[key] = settings[key];
    }
    return out;
  }

  globalThis.truefollowSettings = Object.freeze({ PLATFORMS, DEFAULTS, LIMITS, LANGUAGES, clean, load, save, watch, coreOptions });
})();

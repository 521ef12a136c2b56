/*
 * The options page's settings form (settings.js): platforms on or off, the audit-mode sample size, list
 * badges and badges on post authors, the thresholds behind "inactive" and "fake" (empty: the core's defaults; the core applies them),
 * and the language of truefollow's pages and panels. Values outside the allowed ranges are refused with a
 * message rather than silently changed. Saving writes storage.local; open tabs pick the change up from
 * storage.onChanged, and the worker reads the thresholds for each new scoring.
 */
(() => {
  'use strict';

  const api = globalThis.truefollowApi;
  const area = api.storage.local;
  const S = globalThis.truefollowSettings;
  const i18n = globalThis.truefollowI18n;
  const { t } = i18n;
  const $ = (id) => document.getElementById(id);
  const PLATFORM_NAMES = { x: 'X', instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', bluesky: 'Bluesky', mastodon: 'Mastodon' };
  const LANGUAGE_NAMES = { en: 'English', de: 'Deutsch', es: 'Español', fr: 'Français', pt_BR: 'Português (Brasil)', ja: '日本語' };

  // Fills every [data-i18n] text in the current language; options.js redraws its own texts on the event.
  function translate() {
    document.documentElement.lang = i18n.locale();
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    $('sample-hint').textContent = t('opt_sample_hint', i18n.number(S.LIMITS.SAMPLE_MIN), i18n.number(S.LIMITS.SAMPLE_MAX));
    $('language').options[0].textContent = t('opt_auto');
    document.dispatchEvent(new Event('truefollow:translated'));
  }

  function fill(settings) {
    const box = $('platforms');
    box.querySelectorAll('p').forEach((p) => p.remove());
    for (const p of S.PLATFORMS) {
      const input = Object.assign(document.createElement('input'), { type: 'checkbox', id: `platform-${p}`, checked: settings.platforms[p] });
      const label = Object.assign(document.createElement('label'), { htmlFor: input.id, className: 'inline', textContent: PLATFORM_NAMES[p] });
      const row = document.createElement('p');
      row.append(input, ' ', label);
      box.append(row);
    }
    Object.assign($('sample-size'), { value: settings.sample_size, min: S.LIMITS.SAMPLE_MIN, max: S.LIMITS.SAMPLE_MAX });
    $('list-badges').checked = settings.list_badges;
    $('author-badges').checked = settings.author_badges;
    const number = (id, v) => { $(id).value = v === null ? '' : String(v); };
    number('fake-threshold', settings.fake_threshold);
    number('inactive-posts', settings.inactive_posts_per_year);
    number('inactive-days', settings.inactive_days_silent);
    const select = $('language');
    select.replaceChildren(...S.LANGUAGES.map((code) => Object.assign(document.createElement('option'),
      { value: code, textContent: code === 'auto' ? t('opt_auto') : LANGUAGE_NAMES[code] })));
    select.value = settings.language;
  }

  // Reads the form; returns {settings} or {invalid: the label of the first field out of range}.
  function read() {
    const ranged = (id, lo, hi) => {
      const text = $(id).value.trim();
      if (text === '') return null;
      const v = Number(text);
      return Number.isFinite(v) && v >= lo && v <= hi ? v : undefined;
    };
    const fields = {
      sample_size: ['sample-size', S.LIMITS.SAMPLE_MIN, S.LIMITS.SAMPLE_MAX],
      fake_threshold: ['fake-threshold', S.LIMITS.FAKE_MIN, S.LIMITS.FAKE_MAX],
      inactive_posts_per_year: ['inactive-posts', S.LIMITS.POSTS_MIN, S.LIMITS.POSTS_MAX],
      inactive_days_silent: ['inactive-days', S.LIMITS.DAYS_MIN, S.LIMITS.DAYS_MAX],
    };
    const out = {
      platforms: Object.fromEntries(S.PLATFORMS.map((p) => [p, $(`platform-${p}`).checked])),
      list_badges: $('list-badges').checked,
      author_badges: $('author-badges').checked,
      language: $('language').value,
    };
    for (const [key, [id, lo, hi]] of Object.entries(fields)) {
      const v = ranged(id, lo, hi);
      if (v === undefined || (key === 'sample_size' && v === null)) return { invalid: document.querySelector(`label[for="${id}"]`).textContent };
      out[key] = v;
    }
    return { settings: out };
  }

  $('settings').addEventListener('submit', async (event) => {
    event.preventDefault();
    const { settings, invalid } = read();
    if (invalid) {
      $('settings-status').textContent = t('opt_invalid', invalid);
      return;
    }
    await S.save(area, settings);
    i18n.setLanguage(settings.language);
    translate();
    $('settings-status').textContent = t('opt_saved');
  });

  S.load(area).then((settings) => {
    i18n.setLanguage(settings.language);
    fill(settings);
    translate();
    document.body.dataset.settingsReady = 'true';
  });
})();

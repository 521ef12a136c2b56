// @ts-check
/*
 * Words, numbers and dates in the user's language, for everything the extension shows (badge, panel, audit
 * mode, chart, history, popup, options). The words are the _locales/<lang>/messages.json files (the browser's own
 * format), bundled at build time as locales.js (scripts/build/build-extension.mjs), because the options page lets
 * the user pick a language other than the browser's, which browser.i18n cannot do. Numbers and dates go
 * through Intl in the chosen locale. Placeholders are {0}, {1}, ...
 *
 * Plurals: a message with forms keeps them as key_one, key_other, ... (the locale's Intl.PluralRules
 * categories; key_other is the fallback), and pluralKey(key, n) picks one.
 *
 * A classic script: defines globalThis.truefollowI18n = {LOCALES, setLanguage, language, locale, t, pluralKey,
 * number, percent, date}.
 */
(() => {
  'use strict';

  const LOCALES = globalThis.truefollowLocales ?? {};
  let current = 'en';

  // 'auto' follows the browser: pt-BR -> pt_BR, de-AT -> de, anything unknown -> en.
  function resolve(choice) {
    if (choice && choice !== 'auto' && LOCALES[choice]) return choice;
    for (const tag of [...(globalThis.navigator?.languages ?? []), globalThis.navigator?.language ?? '']) {
      const exact = String(tag).replace('-', '_');
      if (LOCALES[exact]) return exact;
      const base = exact.split('_')[0];
      if (LOCALES[base]) return base;
    }
    return 'en';
  }

  const setLanguage = (choice) => {
    current = resolve(choice);
    return current;
  };
  const language = () => current;
  const locale = () => current.replace('_', '-'); // a BCP 47 tag for Intl and <html lang>

  /** The message `key` in the current language (English when missing), {n} replaced by args[n]. */
  function t(key, ...args) {
    const text = LOCALES[current]?.[key]?.message ?? LOCALES.en?.[key]?.message ?? key;
    return text.replace(/\{(\d)\}/g, (m, i) => (args[Number(i)] ?? m));
  }

  // Intl's formatters, made once per locale and options: making one costs far more than using it, and a badge
  // formats a dozen numbers while the page waits for its next frame.
  /** @type {Map<string, any>} */
  const formatters = new Map();
  /**
   * @template T
   * @param {new (locale: string, options?: any) => T} Kind
   * @param {object} [options]
   * @returns {T}
   */
  function formatter(Kind, options = {}) {
    const key = `${Kind.name} ${locale()} ${JSON.stringify(options)}`;
    if (!formatters.has(key)) formatters.set(key, new Kind(locale(), options));
    return formatters.get(key);
  }

  /** The key of the form of message `key` that fits the count n in the current language. */
  function pluralKey(key, n) {
    const form = `${key}_${formatter(Intl.PluralRules).select(Number.isFinite(n) ? n : 0)}`;
    return LOCALES[current]?.[form] || LOCALES.en?.[form] ? form : `${key}_other`;
  }

  const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
  const number = (n, options = {}) => (isNumber(n) ? formatter(Intl.NumberFormat, options).format(n) : '?');
  const percentWith = (share, digits) => number(share, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  /**
   * A share as the core returned it, as every page shows it: whole percents, one decimal near 0% and 100%, never a
   * false 0% or 100%. The core's HTML report writes shares the same way (report_html.c percent_text); a Node test
   * holds the two to the same text.
   */
  const percent = (share) => {
    if (!isNumber(share)) return '?';
    const p = share * 100;
    if (p === 0 || p === 100) return percentWith(share, 0);
    if (p > 0 && p < 0.1) return `<${percentWith(0.001, 1)}`;
    if (p > 99.9 && p < 100) return `>${percentWith(0.999, 1)}`;
    return percentWith(share, p < 10 || p > 90 ? 1 : 0);
  };
  /** A date (unix seconds, milliseconds with ms=true, or an ISO string) in the current locale. */
  function date(value, { ms = false, time = false } = {}) {
    const d = typeof value === 'string' ? new Date(value) : new Date(ms ? value : value * 1000);
    if (Number.isNaN(d.getTime())) return '?';
    return formatter(Intl.DateTimeFormat, time ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(d);
  }

  setLanguage('auto');
  globalThis.truefollowI18n = Object.freeze({ LOCALES, setLanguage, language, locale, t, pluralKey, number, percent, date });
})();

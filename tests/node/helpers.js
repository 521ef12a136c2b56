// Shared by the Node tests: paths, and the recorded responses in ../shared when this machine has them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cli = path.join(root, 'build', 'truefollow');
export const sharedFixtures = path.resolve(root, '..', 'shared', 'fixtures');
export const haveShared = fs.existsSync(sharedFixtures);
export const NOW = 1790000000; // a fixed "now", so ages and verdicts do not drift with the clock

export function sharedFixture(relative) {
  return path.join(sharedFixtures, relative);
}

// Every language of the extension: lang -> its messages.json, as scripts/build/build-extension.mjs bundles them (locales.js).
export function extensionLocales() {
  const dir = path.join(root, 'extension', '_locales');
  return Object.fromEntries(fs.readdirSync(dir).map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(dir, lang, 'messages.json'), 'utf8'))]));
}

// The extension's code files under extension/ (page/, content/, worker/, storage/, pages/, common/), as paths
// relative to extension/, whose names end with `suffix`; the folders that are not code are left out.
export function extensionFiles(suffix) {
  const dir = path.join(root, 'extension');
  return fs.readdirSync(dir, { recursive: true })
    .filter((rel) => rel.endsWith(suffix) && !/^(?:_locales|overlays|icons)\//.test(rel)).sort();
}

// extension/common/i18n.js and view-model.js, run as the extension runs them, with these messages: {i18n, faces}.
export function loadFaces(locales = extensionLocales()) {
  const sandbox = { Intl, truefollowLocales: locales };
  sandbox.globalThis = sandbox;
  for (const file of ['common/i18n.js', 'common/view-model.js']) vm.runInNewContext(fs.readFileSync(path.join(root, 'extension', file), 'utf8'), sandbox);
  return { i18n: sandbox.truefollowI18n, faces: sandbox.truefollowFaces };
}

// The platforms, from the one list the extension keeps (extension/common/sites.js).
/** fn's result with the extension's language set to lang (i18n: loadFaces' i18n), then English again. */
export function inLanguageOf(i18n, lang, fn) {
  i18n.setLanguage(lang);
  try {
    return fn();
  } finally {
    i18n.setLanguage('en');
  }
}

export function extensionPlatforms() {
  const sandbox = { URL };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(path.join(root, 'extension', 'common', 'sites.js'), 'utf8'), sandbox);
  return [...sandbox.truefollowSites.PLATFORMS];
}

// storage.local with Chromium's way of counting: every key's length plus its value's JSON, in UTF-8. Its onChanged
// reports each write as Chromium does ({key: {oldValue?, newValue?}}, only the keys whose value changed), to every
// listener, once the write is made; hold() keeps the reports back until release() (a browser may report late).
export function memoryArea(quotaBytes = Infinity) {
  const data = new Map();
  const size = () => [...data].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(JSON.stringify(v)), 0);
  const copy = (v) => JSON.parse(JSON.stringify(v));
  const listeners = new Set();
  let held = null; // the reports kept back, or null
  const report = (changes) => {
    if (Object.keys(changes).length === 0) return;
    if (held) held.push(changes);
    else for (const listener of listeners) listener(copy(changes), 'local');
  };
  // Applies `edit` to the `keys` of the data and reports what it changed.
  const change = (keys, edit) => {
    const before = new Map(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
    edit();
    const changes = {};
    for (const k of keys) {
      const [was, is] = [before.get(k), data.get(k)];
      if (JSON.stringify(was) !== JSON.stringify(is)) changes[k] = { ...(was === undefined ? {} : { oldValue: was }), ...(is === undefined ? {} : { newValue: is }) };
    }
    return changes;
  };
  return {
    data,
    size,
    onChanged: { addListener: (fn) => listeners.add(fn), removeListener: (fn) => listeners.delete(fn) },
    hold() { held ??= []; },
    release() {
      const late = held ?? [];
      held = null;
      late.forEach(report);
    },
    async get(keys) {
      const wanted = keys === null ? [...data.keys()] : [].concat(keys);
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))]));
    },
    async set(items) {
      const before = new Map(data);
      const changes = change(Object.keys(items), () => { for (const [k, v] of Object.entries(items)) data.set(k, copy(v)); });
      if (quotaBytes !== Infinity && size() > quotaBytes) {
        data.clear();
        for (const [k, v] of before) data.set(k, v);
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      report(changes);
    },
    async remove(keys) { report(change([].concat(keys), () => { for (const k of [].concat(keys)) data.delete(k); })); },
    async clear() { report(change([...data.keys()], () => data.clear())); },
  };
}

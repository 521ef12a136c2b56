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

// Every language of the extension: lang -> its messages.json, as scripts/build-extension.mjs bundles them (locales.js).
export function extensionLocales() {
  const dir = path.join(root, 'extension', '_locales');
  return Object.fromEntries(fs.readdirSync(dir).map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(dir, lang, 'messages.json'), 'utf8'))]));
}

// extension/i18n.js and faces.js, run as the extension runs them, with these messages: {i18n, faces}.
export function loadFaces(locales = extensionLocales()) {
  const sandbox = { Intl, truefollowLocales: locales };
  sandbox.globalThis = sandbox;
  for (const file of ['i18n.js', 'faces.js']) vm.runInNewContext(fs.readFileSync(path.join(root, 'extension', file), 'utf8'), sandbox);
  return { i18n: sandbox.truefollowI18n, faces: sandbox.truefollowFaces };
}

// storage.local with Chromium's way of counting: every key's length plus its value's JSON, in UTF-8.
export function memoryArea(quotaBytes = Infinity) {
  const data = new Map();
  const size = () => [...data].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(JSON.stringify(v)), 0);
  const copy = (v) => JSON.parse(JSON.stringify(v));
  return {
    data,
    size,
    async get(keys) {
      const wanted = keys === null ? [...data.keys()] : [].concat(keys);
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))]));
    },
    async set(items) {
      const before = new Map(data);
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
      if (quotaBytes !== Infinity && size() > quotaBytes) {
        data.clear();
        for (const [k, v] of before) data.set(k, v);
        throw new Error('QUOTA_BYTES quota exceeded');
      }
    },
    async remove(keys) { for (const k of [].concat(keys)) data.delete(k); },
    async clear() { data.clear(); },
  };
}

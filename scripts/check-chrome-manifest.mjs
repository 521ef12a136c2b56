#!/usr/bin/env node
// Checks an unpacked Chromium build the way the Chrome Web Store's upload would: the Manifest V3 fields
// Chromium requires, in the forms it accepts, and every file the manifest names present in the build.
// Sources: developer.chrome.com/docs/extensions/reference/manifest (manifest_version, name up to 75 characters,
// description up to 132, version of one to four dot-separated integers 0-65535 without leading zeros and not all
// zero, icons as PNG, background.service_worker in MV3).
//
//   node scripts/check-chrome-manifest.mjs BUILD_DIR      exits 1 and lists every problem found
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pngSize } from './lib/png.mjs';

const LIMITS = { name: 75, short_name: 12, description: 132 };
const MATCH_PATTERN = /^(?:<all_urls>|(?:\*|https?|wss?|file|ftp):\/\/(?:\*|\*\.[^/*]+|[^/*]+)?\/.*)$/;

// Every problem with the build in dir, as sentences; none when it passes.
export function checkChromeBuild(dir) {
  const problems = [];
  const problem = (text) => problems.push(text);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return [`${manifestFile} does not exist`];
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const exists = (file) => typeof file === 'string' && !path.isAbsolute(file) && !file.split('/').includes('..')
    && fs.existsSync(path.join(dir, file));
  const needFile = (file, what) => { if (!exists(file)) problem(`${what} names ${file}, which the build does not have`); };

  if (manifest.manifest_version !== 3) problem(`manifest_version is ${manifest.manifest_version}, not 3`);

  // __MSG_key__ strings resolve in every locale's messages (the store shows each language's name and summary).
  const localesDir = path.join(dir, '_locales');
  const locales = fs.existsSync(localesDir) ? fs.readdirSync(localesDir).sort() : [];
  if (manifest.default_locale && !locales.includes(manifest.default_locale)) {
    problem(`default_locale ${manifest.default_locale} has no _locales/${manifest.default_locale}/messages.json`);
  }
  if (!manifest.default_locale && locales.length) problem('the build has _locales but the manifest no default_locale');
  const messagesOf = (locale) => JSON.parse(fs.readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8'));
  const resolve = (text, locale, messages) => String(text).replace(/__MSG_(\w+)__/g, (whole, key) => {
    const entry = Object.entries(messages).find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (!entry) problem(`${whole} has no message in _locales/${locale}`);
    return entry ? entry[1].message : whole;
  });
  const languages = manifest.default_locale ? locales.map((locale) => [locale, messagesOf(locale)]) : [[null, {}]];
  for (const [field, limit] of Object.entries(LIMITS)) {
    if (manifest[field] === undefined) {
      if (field === 'name') problem('name is missing');
      continue;
    }
    const translated = /__MSG_\w+__/.test(manifest[field]);
    for (const [locale, messages] of translated ? languages : [[null, {}]]) {
      const text = resolve(manifest[field], locale, messages);
      const where = locale ? ` (${locale})` : '';
      if (!text.trim()) problem(`${field}${where} is empty`);
      if ([...text].length > limit) problem(`${field}${where} has ${[...text].length} characters, over ${limit}: ${text}`);
    }
  }

  const version = String(manifest.version ?? '');
  const parts = version.split('.');
  if (!/^\d+(?:\.\d+){0,3}$/.test(version) || parts.some((p) => Number(p) > 65535 || (p.length > 1 && p[0] === '0'))
      || parts.every((p) => Number(p) === 0)) {
    problem(`version "${version}" is not one to four dot-separated integers 0-65535 without leading zeros, not all zero`);
  }

  const background = manifest.background ?? {};
  if (background.scripts || background.page) problem('background.scripts and background.page are Manifest V2; Chromium wants background.service_worker');
  if (background.service_worker) needFile(background.service_worker, 'background.service_worker');
  else problem('background.service_worker is missing');

  for (const [i, script] of (manifest.content_scripts ?? []).entries()) {
    if (!script.matches?.length) problem(`content_scripts[${i}] has no matches`);
    for (const pattern of script.matches ?? []) if (!MATCH_PATTERN.test(pattern)) problem(`content_scripts[${i}] match "${pattern}" is not a match pattern`);
    for (const file of [...(script.js ?? []), ...(script.css ?? [])]) needFile(file, `content_scripts[${i}]`);
  }
  for (const key of ['host_permissions', 'optional_host_permissions']) {
    for (const pattern of manifest[key] ?? []) if (!MATCH_PATTERN.test(pattern)) problem(`${key} "${pattern}" is not a match pattern`);
  }

  const checkIcons = (icons, what) => {
    for (const [size, file] of Object.entries(icons ?? {})) {
      needFile(file, `${what} ${size}`);
      if (!exists(file)) continue;
      if (!/\.png$/i.test(file)) { problem(`${what} ${size} is ${file}: the store wants PNG`); continue; }
      const { width, height } = pngSize(fs.readFileSync(path.join(dir, file)));
      if (width !== Number(size) || height !== Number(size)) problem(`${what} ${size} is ${file}, ${width}x${height} px`);
    }
  };
  if (!manifest.icons?.['128']) problem('icons has no 128 px icon (the store and the install dialog show it)');
  checkIcons(manifest.icons, 'icons');
  checkIcons(manifest.action?.default_icon, 'action.default_icon');
  if (manifest.action?.default_popup) needFile(manifest.action.default_popup, 'action.default_popup');
  if (manifest.options_ui?.page) needFile(manifest.options_ui.page, 'options_ui.page');
  if (manifest.options_page) needFile(manifest.options_page, 'options_page');
  for (const entry of manifest.web_accessible_resources ?? []) {
    if (!Array.isArray(entry.resources) || !(entry.matches || entry.extension_ids)) {
      problem('web_accessible_resources entries need resources and matches (Manifest V3 form)');
    }
    for (const file of entry.resources ?? []) if (!file.includes('*')) needFile(file, 'web_accessible_resources');
  }

  // MV3 extension pages: no remote or eval'd script (wasm-unsafe-eval is allowed).
  const csp = manifest.content_security_policy;
  if (typeof csp === 'string') problem('content_security_policy is a string (Manifest V2); Manifest V3 takes {extension_pages}');
  for (const [key, policy] of Object.entries(csp && typeof csp === 'object' ? csp : {})) {
    if (/'unsafe-eval'|https?:|\bdata:|\bblob:/.test(/script-src[^;]*/.exec(policy)?.[0] ?? '')) {
      problem(`content_security_policy.${key} lets in remote or eval'd script: ${policy}`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: check-chrome-manifest.mjs BUILD_DIR');
    process.exit(2);
  }
  const problems = checkChromeBuild(dir);
  for (const text of problems) console.error(`chrome manifest: ${text}`);
  if (problems.length) process.exit(1);
  console.log(`chrome manifest: ${path.join(dir, 'manifest.json')} passes`);
}

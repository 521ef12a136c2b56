#!/usr/bin/env node
// Derives an anonymised copy of a recorded X GraphQL response (UserByScreenName or a Followers timeline):
// names, handles, ids, bios, locations, links and image URLs are replaced; the shape, the counts, the dates
// and the flags are kept, so the copy reads and scores like the recording. Deterministic: the same input
// gives the same output. Strings under keys it does not know are replaced too, and named on stderr.
//
//   node scripts/anonymise-x.mjs IN.json OUT.json [--handle H --name N --bio B]   (the first user gets H/N/B)
import fs from 'node:fs';

const args = process.argv.slice(2);
const [input, output] = args;
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!input || !output) {
  console.error('usage: anonymise-x.mjs IN.json OUT.json [--handle H --name N --bio B]');
  process.exit(2);
}

// Values that describe the format, not the person.
const KEEP = new Set(['__typename', 'entryType', 'itemType', 'userDisplayType', 'component', 'element', 'type',
  'direction', 'cursorType', 'profile_image_shape', 'translator_type', 'profile_interstitial_type',
  'verified_type', 'professional_type', 'icon_name', 'userLabelType', 'userLabelDisplayType', 'urlType',
  'url_type', 'profile_description_language', 'created_at', 'verified_since_msec', 'highlighted_tweets']);
const DEFAULT_AVATAR = 'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png';

const ids = new Map();
const handles = new Map();
let links = 0;
const unknown = new Set();

// The same fake id for the same real id, with as many digits (ids are compared, never interpreted).
function fakeId(real, digits = real.length) {
  if (!ids.has(real)) {
    const n = String(ids.size + 1);
    ids.set(real, '1' + n.padStart(digits - 1, '0').slice(-(digits - 1)));
  }
  return ids.get(real);
}

function fakeHandle(real) {
  if (!handles.has(real)) {
    const first = handles.size === 0 && option('handle');
    handles.set(real, first || `follower${String(handles.size).padStart(3, '0')}`);
  }
  return handles.get(real);
}

function fakeBio(real) {
  if (real === '') return '';
  if (handles.size === 1 && option('bio')) return option('bio');
  const words = 'writes about gardens bicycles music maps weather cooking and small towns'.split(' ');
  const out = [];
  for (let i = 0; out.join(' ').length < Math.min(real.length, 140); i++) out.push(words[i % words.length]);
  return out.join(' ');
}

function fakeUrl(real, key, path) {
  if (real.includes('default_profile_images')) return DEFAULT_AVATAR;
  links++;
  if (path.includes('banner')) return `https://pbs.twimg.com/profile_banners/${fakeId('banner' + real, 10)}/1700000000`;
  if (key === 'image_url' || path.includes('badge')) return `https://pbs.twimg.com/profile_images/${fakeId('img' + real, 19)}/anon_normal.jpg`;
  if (real.startsWith('https://t.co/')) return `https://t.co/anon${links}`;
  return `https://example.com/link${links}`;
}

function replace(value, key, path) {
  if (KEEP.has(key)) return value;
  if (/^\d{4,}$/.test(value)) return fakeId(value);
  if (/^(user|cursor-top|cursor-bottom)-\d+$/.test(value)) return value.replace(/\d+$/, fakeId);
  if (/^-?\d+\|\d+$/.test(value)) return value.split('|').map((p) => (p === '-1' ? p : fakeId(p))).join('|');
  if (key === 'screen_name') return fakeHandle(value);
  if (key === 'name' && path.endsWith('core')) {
    const fake = handles.size === 1 && option('name') ? option('name') : `Person ${handles.size}`;
    return fake;
  }
  if (key === 'name' && path.includes('category')) return value;
  if (key === 'id' && /^VXNlcjo/.test(value)) {
    const real = Buffer.from(value, 'base64').toString().replace(/^User:/, '');
    return Buffer.from(`User:${fakeId(real)}`).toString('base64');
  }
  if (key === 'description' && path.endsWith('profile_bio')) return fakeBio(value);
  if (/^https?:\/\//.test(value)) return fakeUrl(value, key, path);
  if (value === '') return '';
  if (key === 'display_url') return `example.com/link${links}`;
  if (key === 'location') return 'Somewhere';
  if (key.endsWith('_handle')) return 'anon';
  if (key === 'text') return 'This account is verified.';
  if (key === 'description') return 'Example Co';
  unknown.add(`${path}.${key}`);
  return 'redacted';
}

// Objects are walked key by key so that "core" (with screen_name) is read before "name".
function walk(node, key, path) {
  if (Array.isArray(node)) return node.map((item) => walk(item, key, path));
  if (node && typeof node === 'object') {
    const out = {};
    const keys = Object.keys(node).sort((a, b) => (a === 'screen_name' ? -1 : b === 'screen_name' ? 1 : 0));
    for (const k of keys) out[k] = walk(node[k], k, key === undefined ? path : `${path}.${key}`);
    // Restore the original key order.
    return Object.fromEntries(Object.keys(node).map((k) => [k, out[k]]));
  }
  return typeof node === 'string' ? replace(node, key, path) : node;
}

const anonymised = walk(JSON.parse(fs.readFileSync(input, 'utf8')), undefined, '');
fs.writeFileSync(output, JSON.stringify(anonymised, null, 2) + '\n');
if (unknown.size) console.error(`anonymise-x: replaced strings under unknown keys: ${[...unknown].join(', ')}`);

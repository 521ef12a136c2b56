// Derives an anonymised fixture from a real recorded response, keeping its shape and its counts:
// handles, names, ids, bios, post texts and every URL are replaced by stable pseudonyms (the same
// original always gives the same replacement within a file, so references between objects still match),
// then every remaining occurrence of an original handle, name or id inside any string is replaced too.
// Markers the adapters rely on survive: default-avatar file names and a URL's hl= language.
//
//   node scripts/anonymise-fixture.mjs IN OUT [--drop key,key] [--keep N] [--scripts id,id]
//
// --drop removes keys the adapters never read (to keep fixtures small); --keep N keeps the first N items
// of long arrays; --scripts reads an HTML page and writes a minimal page holding only those script
// elements' JSON (anonymised) and the <html lang>.
import crypto from 'node:crypto';
import fs from 'node:fs';

const HANDLE_KEYS = new Set(['screen_name', 'username', 'uniqueId', 'handle', 'acct', 'additionalName', 'author']);
const NAME_KEYS = new Set(['full_name', 'nickname', 'displayName', 'display_name', 'givenName', 'authorName']);
const TEXT_KEYS = new Set(['description', 'biography', 'signature', 'full_text', 'note', 'desc', 'text_content',
  'descriptionSnippet']);
// YouTube keeps a channel's name where the key alone does not say so.
const NAME_PATHS = [/(channelMetadataRenderer|c4TabbedHeaderRenderer|microformatDataRenderer)\.title$/,
  /pageHeaderViewModel\.title\.dynamicTextViewModel\.text\.content$/, /pageHeaderRenderer\.pageTitle$/,
  /videoOwnerRenderer\.title\.runs\.text$/];
const ID_KEYS = new Set(['rest_id', 'id_str', 'id', 'pk', 'pk_id', 'strong_id__', 'fbid_v2', 'user_id_str',
  'conversation_id_str', 'in_reply_to_status_id_str', 'in_reply_to_user_id_str', 'authorId', 'secUid',
  'authorSecId', 'externalId', 'channelId', 'browseId', 'did', 'identifier', 'shortId', 'roomId', 'uid']);
const DEFAULT_AVATAR_MARKS = ['default_profile_images/default_profile', '464760996_1254146839119862_3605321457742435801_n',
  '44884218_345707102882519_2446069589734326272_n', 'YW5vbnltb3VzX3Byb2ZpbGVfcGlj', '/avatars/original/missing.png'];

const digest = (s) => crypto.createHash('sha256').update(`truefollow-fixture:${s}`).digest('hex');
const originals = new Map(); // original string -> replacement, for the final pass

function pseudonym(kind, value) {
  const h = digest(`${kind}:${value}`);
  switch (kind) {
    case 'handle': return `user_${h.slice(0, 8)}`;
    case 'name': return `Person ${h.slice(0, 4).toUpperCase()}`;
    case 'text': return `Sample text ${h.slice(0, 6)}.`.padEnd(Math.min(value.length, 160), ' lorem');
    case 'id': {
      if (/^\d+$/.test(value)) return (BigInt(`0x${h.slice(0, 15)}`) % 10n ** BigInt(value.length)).toString().padStart(value.length, '1');
      if (value.startsWith('did:')) return `did:plc:${h.slice(0, 24)}`;
      if (value.startsWith('UC')) return `UC${h.slice(0, 22)}`;
      return h.slice(0, Math.max(8, Math.min(value.length, 40)));
    }
    case 'url': {
      const mark = DEFAULT_AVATAR_MARKS.find((m) => value.includes(m));
      const hl = /[?&]hl=([A-Za-z_-]+)/.exec(value) ?? /hl%3D([A-Za-z_-]+)/.exec(value);
      return `https://example.invalid/${h.slice(0, 12)}${mark ? `/${mark}` : ''}${hl ? `?hl=${hl[1]}` : ''}`;
    }
  }
  throw new Error(kind);
}

function remember(kind, value) {
  const replacement = pseudonym(kind, value);
  if (value.length >= 4 && kind !== 'url' && kind !== 'text') originals.set(value, replacement);
  return replacement;
}

function anonymise(node, key, parent, opts, path = '', inText = false) {
  if (Array.isArray(node)) {
    const items = opts.keep ? node.slice(0, opts.keep) : node;
    return items.map((v) => anonymise(v, key, node, opts, path, inText));
  }
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (opts.drop.has(k)) continue;
      const textual = (TEXT_KEYS.has(k) || k === 'title') && v !== null && typeof v === 'object';
      out[k] = anonymise(v, k, node, opts, path ? `${path}.${k}` : k, inText || textual);
    }
    return out;
  }
  if (typeof node === 'number' && ID_KEYS.has(key) && Number.isInteger(node) && node > 99999)
    return Number(pseudonym('id', String(node)));
  if (typeof node !== 'string' || node === '') return node;
  if (/^https?:\/\//.test(node)) return pseudonym('url', node);
  if (HANDLE_KEYS.has(key)) return remember('handle', node);
  if (/^@[\w.-]+$/.test(node)) return `@${remember('handle', node.slice(1))}`;
  const personName = key === 'name' && parent && (parent.screen_name || parent.username || parent.uniqueId);
  if (NAME_KEYS.has(key) || personName || NAME_PATHS.some((re) => re.test(path))) return remember('name', node);
  if (inText && ['text', 'content', 'simpleText', 'label'].includes(key)) return pseudonym('text', node);
  if (TEXT_KEYS.has(key)) return pseudonym('text', node);
  if (ID_KEYS.has(key)) return remember('id', node);
  return node;
}

// Second pass: an original handle, name or id left inside any other string ("@someone", a page title).
function scrub(node) {
  if (Array.isArray(node)) return node.map(scrub);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [scrubString(k), scrub(v)]));
  return typeof node === 'string' ? scrubString(node) : node;
}

// Case-insensitive, so "KURZGESAGT" in a promotion code goes with "kurzgesagt".
function scrubString(s) {
  const lower = s.toLowerCase();
  for (const [original, replacement, pattern] of sortedOriginals())
    if (lower.includes(original.toLowerCase())) s = s.replace(pattern, replacement);
  return s;
}

let sorted = null;
function sortedOriginals() {
  sorted ??= [...originals].sort((a, b) => b[0].length - a[0].length)
    .map(([o, r]) => [o, r, new RegExp(o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')]);
  return sorted;
}

function main() {
  const [input, output, ...rest] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node scripts/anonymise-fixture.mjs IN OUT [--drop key,key] [--keep N] [--scripts id,id]');
    process.exit(2);
  }
  const opts = { drop: new Set(), keep: 0, scripts: [] };
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] === '--drop') opts.drop = new Set(rest[i + 1].split(','));
    else if (rest[i] === '--keep') opts.keep = Number(rest[i + 1]);
    else if (rest[i] === '--scripts') opts.scripts = rest[i + 1].split(',');
  }
  const text = fs.readFileSync(input, 'utf8');
  if (opts.scripts.length) {
    const lang = /<html[^>]*\slang="([^"]*)"/i.exec(text)?.[1] ?? '';
    const parts = opts.scripts.map((id) => {
      const m = new RegExp(`<script[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</script>`).exec(text);
      if (!m) throw new Error(`no script#${id} in ${input}`);
      return [id, anonymise(JSON.parse(m[1]), '', null, opts)];
    });
    sorted = null;
    const scripts = parts.map(([id, json]) => `<script id="${id}" type="application/json">${JSON.stringify(scrub(json))}</script>`);
    fs.writeFileSync(output, `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="UTF-8">\n${scripts.join('\n')}\n</head>\n<body></body>\n</html>\n`);
  } else {
    const json = anonymise(JSON.parse(text), '', null, opts);
    sorted = null;
    fs.writeFileSync(output, `${JSON.stringify(scrub(json))}\n`);
  }
  console.log(`${output}: ${originals.size} names, handles and ids replaced`);
}

main();

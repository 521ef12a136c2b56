// Seeds one fuzz target's corpus from the fixtures: node tests/fuzz/seeds.mjs <target> <out-dir> <fixture-dir>...
// JSON fixtures are compacted and every array cut to its first few elements, so a seed keeps each shape
// but fits the fuzzer's input limit; HTML pages get the same treatment inside their JSON <script> blocks.
// Seeds are written under build/ only: the fixture folders (../shared/fixtures among them) are only read.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const [target, outDir, ...fixtureDirs] = process.argv.slice(2);
const KEEP_ITEMS = 3;
const MAX_SEED_BYTES = 60000;
// Folder names the recordings use for a platform the adapters call otherwise.
const ALIASES = { x: ['x', 'twitter'], dom: ['dom'] };

function files(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(json|jsonl|html)$/.test(e.name) ? [p] : [];
  });
}

function shrink(value) {
  if (Array.isArray(value)) return value.slice(0, KEEP_ITEMS).map(shrink);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shrink(v)]));
  return value;
}

function reduceJson(text) {
  try {
    return JSON.stringify(shrink(JSON.parse(text)));
  } catch {
    return text; // JSON lines or a deliberately broken fixture: kept as it is
  }
}

function reduceHtml(text) {
  return text.replace(/(<script[^>]*>)([\s\S]*?)(<\/script>)/g, (all, open, body, close) => {
    try {
      return open + JSON.stringify(shrink(JSON.parse(body))) + close;
    } catch {
      return body.length > 4000 ? open + close : all;
    }
  });
}

const seeds = [];
const add = (bytes) => seeds.push(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
const doubles = (values) => Buffer.from(new Float64Array(values).buffer);
const all = fixtureDirs.flatMap(files);
const reduced = (file) => (file.endsWith('.html') ? reduceHtml : reduceJson)(fs.readFileSync(file, 'utf8'));

if (['read', 'score', 'audit'].includes(target)) {
  for (const f of all) add(reduced(f));
  const lines = all.filter((f) => f.endsWith('.json')).map(reduced);
  add(lines.join('\n'));
  add(lines.map((body, i) => JSON.stringify({ url: `https://example.org/${i}`, body })).join('\n'));
  if (target !== 'read') add(Buffer.concat([Buffer.from(lines[0] ?? '{}'), Buffer.from([0]), Buffer.from('{"now":1790000000,"lang":"de"}')]));
} else if (target.startsWith('adapter_')) {
  const [, platform, kind] = target.match(/^adapter_(.+)_(json|html)$/);
  const names = ALIASES[platform] ?? [platform];
  const mine = all.filter((f) => f.endsWith(`.${kind}`) &&
    f.split(path.sep).some((part) => names.includes(part) || names.some((n) => part.startsWith(`${n}-`))));
  for (const f of mine.length ? mine : all.filter((f) => f.endsWith(`.${kind}`))) add(reduced(f));
} else if (target === 'count') {
  for (const dir of fixtureDirs) {
    const table = path.join(dir, 'counts.tsv');
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n')) {
      const [lang, text] = line.split('\t');
      if (line.startsWith('#') || text === undefined) continue;
      add(`${lang}\t${text.replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))}`);
    }
  }
  for (const s of ['en\t1.2M', 'de\t1,2 Mio.', 'en\t695,695 Followers', 'de\t1.234', 'ja\t1.2万', 'fr\t1,2 M', '12K']) add(s);
} else if (target === 'audit_counts') {
  const u32 = (...v) => Buffer.from(new Uint32Array(v).buffer);
  add(Buffer.concat([u32(200, 20, 30), doubles([180, 20, 950, 50])]));
  add(Buffer.concat([u32(40, 40, 0), doubles([1, 1, 1, 1])]));
  add(Buffer.concat([u32(29, 3, 3), doubles([0, 0, 0, 0])]));
} else if (target === 'factory') {
  const day = 86400;
  const organic = Array.from({ length: 120 }, (_, i) => 1.2e9 + ((i * 7919) % 3000) * day);
  const bought = Array.from({ length: 60 }, (_, i) => 1.5e9 + (i % 20) * day);
  add(doubles([...organic.slice(0, 40), ...bought, NaN, ...organic.slice(40)]));
  add(doubles(organic));
} else if (target === 'history') {
  const point = (t, followers) => ({ t, followers });
  add(JSON.stringify({ points: [point(1.7e12, 1000), point(1.7e12 + 864e5, 1010), point(1.7e12 + 2 * 864e5, 5000)] }));
  add(JSON.stringify({ points: [] }));
  add(JSON.stringify({ points: [point(1.7e12, null), point('x', 3), {}] }));
} else if (target === 'model_file') {
  // The committed model files (run from the repository's root), whole and cut to their first trees.
  for (const f of fs.readdirSync('wasm/models').filter((n) => n.endsWith('.tfm'))) {
    const text = fs.readFileSync(path.join('wasm/models', f), 'utf8');
    add(text);
    const lines = text.split('\n');
    const second = lines.findIndex((l, i) => l.startsWith('tree ') && lines.slice(0, i).some((p) => p.startsWith('tree ')));
    const first = lines.slice(0, second).join('\n').replace(/^trees \d+$/m, 'trees 1') + '\n';
    add(first);
    if (!/^verdict_band /m.test(first)) add(first.replace(/^(error_rates \S+ .*)$/m, '$1\nverdict_band 0.35 0.8'));
  }
}

fs.mkdirSync(outDir, { recursive: true });
let written = 0;
for (const seed of seeds) {
  if (seed.length > MAX_SEED_BYTES) continue;
  const name = crypto.createHash('sha1').update(seed).digest('hex');
  fs.writeFileSync(path.join(outDir, name), seed);
  written++;
}
console.log(`fuzz seeds: ${target}: ${written} in ${outDir}`);

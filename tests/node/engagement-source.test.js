// The source of an engagement baseline: the core gives it as an English line and as a kind, a key and the
// citation (engagement.c), and the panel words it in the user's language from the key. Every source the core
// can name has its words in every language, English words the same as the core's line, and no other language
// leaves "measured" or "published" in English.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadCore } from '../../js-glue/node.js';
import { extensionLocales, loadFaces, root } from './helpers.js';

const LANGUAGES = ['en', 'de', 'es', 'fr', 'pt_BR', 'ja'];
const messages = extensionLocales();
const { i18n, faces: { panelModel } } = loadFaces(messages);

// Every source the core can name: the baseline_source initialisers of engagement.c, the only place they are made.
const C_STRING = /"((?:[^"\\]|\\.)*)"/.source;
const SOURCE = new RegExp(`static const baseline_source \\w+ = \\{\\s*${C_STRING},\\s*${C_STRING},\\s*${C_STRING},\\s*${C_STRING},\\s*(NULL|${C_STRING})\\s*\\}`, 'g');
const sources = [...fs.readFileSync(path.join(root, 'wasm', 'src', 'engagement.c'), 'utf8').matchAll(SOURCE)]
  .map((m) => ({ source: m[1], source_kind: m[2], source_key: m[3], source_name: m[4], source_title: m[5] === 'NULL' ? null : m[6] }));

const FIRM = { n: 120, too_few: false, sample: 'recent followers (a follower list shows the newest first)', model: 'm-1',
  real: { share: 0.8, ci90: [0.7, 0.9] }, inactive: { share: 0.1, ci90: [0.05, 0.15] }, fake: { share: 0.1, ci90: [0.05, 0.15] } };
const engagementLine = (lang, source) => {
  i18n.setLanguage(lang);
  try {
    const audit = { ...FIRM, engagement: { posts: 5, rate: 0.004, tier_typical: 0.012, far_below: false, ...source } };
    return panelModel({ platform: 'x', handle: 'a', state: 'ready', audit }).engagement;
  } finally {
    i18n.setLanguage('en');
  }
};

describe('engagement sources', () => {
  it('are all found in the core, each a kind and a key with its citation', () => {
    assert.ok(sources.length >= 3, `read the core's sources (${sources.length})`);
    for (const s of sources) {
      assert.ok(['measured', 'published'].includes(s.source_kind), s.source);
      assert.match(s.source_key, /^[a-z0-9_]+$/);
      assert.ok(s.source.startsWith(`${s.source_kind}: `) && s.source.includes(s.source_name), s.source);
      if (s.source_title) assert.ok(s.source.includes(s.source_title), s.source);
    }
  });

  it('have their words in every language, with a place for each part of the citation', () => {
    for (const s of sources) {
      for (const lang of LANGUAGES) {
        const kind = messages[lang][`panel_engagement_kind_${s.source_kind}`]?.message;
        const words = messages[lang][`panel_engagement_source_${s.source_key}`]?.message;
        assert.ok(kind?.includes('{0}'), `${lang} has panel_engagement_kind_${s.source_kind}`);
        assert.ok(words, `${lang} has panel_engagement_source_${s.source_key}`);
        assert.equal((words.match(/\{\d\}/g) ?? []).length, s.source_title ? 2 : 1, `${lang} ${s.source_key} names the citation`);
      }
    }
  });

  it('read in English as the core wrote them, and in the other languages with no English kind', () => {
    for (const s of sources) {
      assert.ok(engagementLine('en', s).endsWith(` Source: ${s.source}.`), engagementLine('en', s));
      for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
        const line = engagementLine(lang, s);
        assert.doesNotMatch(line, /measured|published/i, `${lang}: ${line}`);
        assert.ok(!line.includes(s.source), `${lang}: not the core's English line`);
        assert.ok(line.includes(s.source_name) && (!s.source_title || line.includes(s.source_title)), `${lang}: the citation as published: ${line}`);
      }
    }
  });

  it('fall back to the core\'s English line for a key, a kind or a citation not known here', () => {
    const [s] = sources;
    for (const odd of [{ source_key: 'from_a_newer_core' }, { source_kind: 'estimated' }, { source_name: null }, { source_key: 'toString' }, { source_key: undefined }]) {
      assert.ok(engagementLine('de', { ...s, ...odd }).endsWith(`Quelle: ${s.source}.`), JSON.stringify(odd));
    }
  });

  it('come in the core\'s JSON report beside the English line', async () => {
    // An X profile with 5 posts and a follower list: a published baseline (the X fixture's posts are its own).
    const core = await loadCore({ build: 'release' });
    const base = 'https://x.com/i/api/graphql/Fx1Example0Query';
    const fixture = (file) => fs.readFileSync(path.join(root, 'tests', 'fixtures', 'x', file), 'utf8');
    const lines = [[`${base}/UserByScreenName`, 'UserByScreenName_user_17a8117c.json'], [`${base}/UserTweets`, 'UserTweets_user_17a8117c.json'],
      [`${base}/Followers`, 'Followers_examplestudio.json']].map(([url, file]) => JSON.stringify({ url, body: fixture(file) }));
    const report = core.audit(lines.join('\n'), {});
    assert.equal(report.status, 'ok', report.message);
    const e = report.audit.engagement;
    assert.ok(Number.isFinite(e.rate), JSON.stringify(e));
    const known = sources.find((s) => s.source_key === e.source_key);
    assert.ok(known, `a source of engagement.c: ${JSON.stringify(e)}`);
    assert.deepEqual({ source: e.source, source_kind: e.source_kind, source_key: e.source_key, source_name: e.source_name, source_title: e.source_title }, known);
  });
});

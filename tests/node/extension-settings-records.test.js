// The settings, vetting list and records in Node: the settings' defaults and limits, the vetting list's CSV and JSON, the copied
// report's re-run, the kept records, and the translations (same keys and placeholders in every language).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../js-glue/node.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = (file) => vm.runInThisContext(fs.readFileSync(path.join(root, 'extension', file), 'utf8'), { filename: file });
load('common/sites.js');
load('common/settings.js');
load('pages/report-format.js');
load('storage/stored-shapes.js');
load('storage/records.js');
load('storage/engagers-kept.js');
const { clean, coreOptions, DEFAULTS, LIMITS } = globalThis.truefollowSettings;
const format = globalThis.truefollowReportFormat;
const records = globalThis.truefollowRecords;

// A storage.local stand-in: get(key | null), set(items).
function memoryArea() {
  const data = {};
  return {
    data,
    async get(key) {
      if (key === null) return structuredClone(data);
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) { Object.assign(data, structuredClone(items)); },
  };
}

describe('settings', () => {
  it('fill in defaults for anything missing and clamp sample sizes to 20..2000', () => {
    const s = clean({});
    assert.equal(s.sample_size, 300);
    assert.equal(s.platforms.x, true);
    assert.equal(s.fake_threshold, null);
    assert.equal(clean({ sample_size: 99999 }).sample_size, LIMITS.SAMPLE_MAX);
    assert.equal(clean({ sample_size: 1 }).sample_size, LIMITS.SAMPLE_MIN);
    assert.equal(clean({ language: 'xx' }).language, DEFAULTS.language);
    assert.equal(clean({ platforms: { x: false } }).platforms.x, false);
  });

  it('pass to the core only the thresholds the user set', () => {
    assert.deepEqual(coreOptions(clean({})), {});
    assert.deepEqual(coreOptions(clean({ fake_threshold: 0.7, inactive_days_silent: 400 })), { fake_threshold: 0.7, inactive_days_silent: 400 });
  });
});

describe('the engagers estimate kept with the profile', () => {
  const { withEngagers } = globalThis.truefollowEngagersKept;
  const followers = { n: 300, real: { share: 0.6 }, fake: { share: 0.2 } };
  const engagers = { n: 40, real: { share: 0.3 }, fake: { share: 0.6 }, contrast: 'engagers-more-fake' };

  it('stamps an audit\'s own engagers estimate with when it was made and the followers\' share it was judged against', () => {
    const out = withEngagers({ ...followers, engagers }, null, 1000);
    assert.deepEqual(out.engagers, { ...engagers, made_at: 1000, followers_fake_share: 0.2 });
  });

  it('takes over the stored one, as it was made and judged, when the audit\'s inputs showed no engagers', () => {
    const stored = { audit: { ...followers, fake: { share: 0.25 }, engagers: { ...engagers, made_at: 1000, followers_fake_share: 0.2 } }, audit_at: 1500 };
    const out = withEngagers({ ...followers, fake: { share: 0.4 }, engagers: null }, stored, 9000);
    assert.deepEqual(out.engagers, { ...engagers, made_at: 1000, followers_fake_share: 0.2, carried: true });
    assert.equal(out.fake.share, 0.4, 'the followers\' estimate is the new one');
    // A record stored before estimates carried a time: the estimate's own time and followers.
    const older = withEngagers({ ...followers }, { audit: { ...followers, engagers }, audit_at: 1500 }, 9000);
    assert.deepEqual(older.engagers, { ...engagers, made_at: 1500, followers_fake_share: 0.2, carried: true });
  });

  it('leaves an audit as it is where nothing was stored, or the stored estimate had no engagers', () => {
    assert.equal(withEngagers({ ...followers }, null, 1).engagers, undefined);
    assert.equal(withEngagers({ ...followers, engagers: null }, { audit: { ...followers, engagers: null }, audit_at: 1 }, 2).engagers, null);
    assert.equal(withEngagers(null, null, 1), null);
  });
});

describe('the vetting list and the report', () => {
  const record = {
    platform: 'x', handle: 'a,b"c', audit_at: 0,
    account: { followers: 1234, verdict: 'fake', p_fake: 0.9 },
    audit: { n: 300, too_few: false, real: { share: 0.5, ci90: [0.4, 0.6] }, inactive: { share: 0.2 }, fake: { share: 0.3 },
      reach: { value: 600, ci90: [500, 700] }, engagement: { rate: null, far_below: null }, factory: { runs: [{}] }, model: 'm-1' },
  };

  it('export the core\'s raw numbers as CSV with quoting where needed', () => {
    const lines = format.csv([format.row(record)]).trim().split('\r\n');
    assert.equal(lines[0], format.COLUMNS.join(','));
    assert.ok(lines[1].startsWith('x,"a,b""c",,1234,0.5,0.4,0.6,0.2,0.3,,,false,300,false,600,500,700,,,1,fake,0.9,m-1,'));
  });

  it('export an uncertain profile as "uncertain" in CSV and JSON, never as fake', () => {
    const uncertain = format.row({ ...record, account: { followers: 1234, verdict: 'uncertain', p_fake: 0.62 } });
    assert.ok(format.csv([uncertain]).trim().split('\r\n')[1].includes(',1,uncertain,0.62,m-1,'));
    assert.equal(JSON.parse(format.json([uncertain])).rows[0].profile_verdict, 'uncertain');
  });

  it('export who engaged beside the followers, and nothing where no engager was read', () => {
    const engaged = { ...record, audit: { ...record.audit, engagers: { n: 80, real: { share: 0.1 }, fake: { share: 0.9, ci90: [0.8, 0.97] },
      contrast: 'engagers-more-fake' } } };
    const lines = format.csv([format.row(engaged), format.row(record)]).trim().split('\r\n');
    assert.ok(lines[1].endsWith(',80,0.1,,,,0.9,0.8,0.97,engagers-more-fake,0.3,,false'), lines[1]);
    assert.ok(lines[2].endsWith(',,,,,,,,,,,,'), lines[2]);
  });

  it('export a stored engagers estimate taken over from an earlier audit with when it was made and what it was judged against', () => {
    const madeAt = Date.UTC(2026, 10, 2, 9, 30);
    const carried = { ...record, audit: { ...record.audit, engagers: { n: 40, real: { share: 0.55, ci90: [0.4, 0.7] }, inactive: { share: 0.15 },
      fake: { share: 0.3, ci90: [0.2, 0.42] }, contrast: null, made_at: madeAt, followers_fake_share: 0.12, carried: true } } };
    const row = JSON.parse(format.json([format.row(carried)])).rows[0];
    assert.equal(row.engagers_n, 40);
    assert.deepEqual([row.engagers_real_share, row.engagers_real_ci90_low, row.engagers_real_ci90_high, row.engagers_inactive_share], [0.55, 0.4, 0.7, 0.15]);
    assert.equal(row.engagers_followers_fake_share, 0.12, 'the followers\' share it was judged against, not this audit\'s 0.3');
    assert.equal(row.engagers_made_at, '2026-11-02T09:30:00.000Z');
    assert.equal(row.engagers_carried, true);
    assert.match(format.report(carried, null).engagers_note, /earlier audit/);
    assert.equal(format.report(record, null).engagers_note, undefined, 'no note where no engagers estimate was carried');
  });

  // OWASP's CSV injection guidance: a cell that begins with any of these is prefixed with a single quote and quoted.
  for (const [name, start] of [['=', '='], ['+', '+'], ['-', '-'], ['@', '@'], ['a tab', '\t'], ['a carriage return', '\r']]) {
    it(`export a text cell beginning with ${name} neutralised, so that no spreadsheet reads it as a formula`, () => {
      const text = `${start}HYPERLINK("https://example.org","x")`;
      const lines = format.csv([{ ...format.row(record), handle: text, model: `${start}1+1` }]).split('\r\n');
      const cells = lines[1];
      assert.ok(cells.startsWith(`x,"'${text.replace(/"/g, '""')}",`), cells);
      assert.ok(cells.includes(`,"'${start}1+1",`), cells);
      // A cell is read back as the text with the quote in front, however the spreadsheet splits the line.
      assert.ok(!/(^|,)[=+\-@\t\r]/.test(lines[1].replace(/"[^"]*(?:""[^"]*)*"/g, '""')), 'no unquoted cell begins with it');
    });
  }

  it('export numbers as numbers, a negative one too, and leave other text as it was', () => {
    const line = format.csv([{ ...format.row(record), handle: 'plain_handle', engagement_rate: -0.25 }]).split('\r\n')[1];
    assert.ok(line.startsWith('x,plain_handle,'), line);
    assert.ok(line.includes(',-0.25,'), line);
  });

  it('export JSON with the same columns', () => {
    const json = JSON.parse(format.json([format.row(record)]));
    assert.deepEqual(json.columns, format.COLUMNS);
    assert.equal(json.rows[0].real_ci90_high, 0.6);
    assert.equal(json.rows[0].engagement_rate, null, 'unknown stays unknown');
  });

  it('copy a report whose inputs and options re-run to the same number', async () => {
    const core = await loadCore();
    const lines = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'x', 'Followers_examplestudio.json'), 'utf8');
    const line = JSON.stringify({ url: 'https://x.com/i/api/graphql/Q/Followers', body: lines });
    const options = { lang: 'en', now: 1790000000 };
    const audit = core.audit(line, options).audit;
    const report = format.report({ platform: 'x', handle: 'examplestudio', audit, audit_at: 1 }, { now: options.now, lang: 'en', options, model: audit.model, lines: line });
    const again = core.audit(report.inputs, report.options).audit;
    assert.deepEqual(again, report.result);
    assert.match(report.rerun, /--now 1790000000/);
    assert.equal(format.report({ platform: 'x', handle: 'h', audit }, null).inputs, null, 'no inputs kept: said so');
  });
});

describe('kept records', () => {
  it('keep the vetting list free of duplicates', async () => {
    const area = memoryArea();
    const subject = { platform: 'x', handle: '@Someone' };
    await records.setVetting(area, [subject, { platform: 'x', handle: 'SOMEONE' }, { platform: 'x', handle: 'other' }]);
    assert.deepEqual((await records.vetting(area)).map((s) => s.handle), ['@Someone', 'other']);
  });
});

describe('translations', () => {
  const dir = path.join(root, 'extension', '_locales');
  const english = JSON.parse(fs.readFileSync(path.join(dir, 'en', 'messages.json'), 'utf8'));
  const placeholders = (text) => [...text.matchAll(/\{\d\}/g)].map((m) => m[0]).sort().join();

  it('exist for en, de, es, fr, pt_BR and ja', () => {
    for (const lang of ['en', 'de', 'es', 'fr', 'pt_BR', 'ja']) assert.ok(fs.existsSync(path.join(dir, lang, 'messages.json')), lang);
  });

  for (const lang of fs.readdirSync(dir)) {
    it(`${lang} has every English key, with the same placeholders`, () => {
      const messages = JSON.parse(fs.readFileSync(path.join(dir, lang, 'messages.json'), 'utf8'));
      assert.deepEqual(Object.keys(messages).sort(), Object.keys(english).sort());
      for (const [key, { message }] of Object.entries(english)) {
        assert.equal(placeholders(messages[key].message), placeholders(message), `${lang} ${key}`);
      }
    });
  }
});

describe('audit mode\'s pace in the builds', () => {
  it('waits 1.5 s between pages in every release build, and only the tests\' build goes faster', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-pace-'));
    try {
      for (const browser of ['chrome', 'firefox']) {
        for (const test of [false, true]) {
          const dir = path.join(out, `${browser}${test ? '-test' : ''}`);
          execFileSync('node', [path.join(root, 'scripts/build/build-extension.mjs'), browser, dir, ...(test ? ['--test'] : [])], { stdio: 'pipe' });
          const source = fs.readFileSync(path.join(dir, 'content', 'audit-mode.js'), 'utf8');
          const delay = Number(/const PAGE_DELAY_MS = (\d+);/.exec(source)[1]);
          if (test) assert.ok(delay < 1500, `${browser} test build`);
          else assert.equal(delay, 1500, `${browser} release`);
          // Every language is bundled for the pages and content scripts, and shipped in the browser's format.
          const locales = fs.readFileSync(path.join(dir, 'common', 'locales.js'), 'utf8');
          for (const lang of ['en', 'de', 'es', 'fr', 'pt_BR', 'ja']) {
            assert.ok(fs.existsSync(path.join(dir, '_locales', lang, 'messages.json')), `${browser} ${lang}`);
            assert.ok(locales.includes(`"${lang}":`), `${browser} locales.js ${lang}`);
          }
        }
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

// What the badge and the panel say (extension/common/view-model.js), from core reports of every kind, in English and in
// the other languages of _locales (words from the messages, numbers and dates from Intl in that locale).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extensionLocales, loadFaces, inLanguageOf } from './helpers.js';

const locales = extensionLocales();
const { i18n, faces: { percent, badgeFace, stateFace, panelModel } } = loadFaces(locales);
const inLanguage = (lang, fn) => inLanguageOf(i18n, lang, fn);

const share = (s, lo, hi) => ({ share: s, ci90: [lo, hi] });
const SAMPLE = 'recent followers (a follower list shows the newest first)'; // as report.c names it
const METHOD = 'Rogan-Gladen corrected shares; Feldman-Cousins 90% intervals over sampling and the classifier\'s held-out error rates';
const firm = { n: 120, too_few: false, sample: SAMPLE, real: share(0.823, 0.74, 0.88), inactive: share(0.1, 0.05, 0.15), fake: share(0.077, 0.03, 0.12), model: 'm-1', method: METHOD };
const account = { platform: 'x', seen: 'profile', handle: 'a', verdict: 'fake', p_fake: 0.91, followers: 1234, following: 4980, posts: 1,
  reasons: [{ text: 'default avatar' }, { text: 'no posts' }] };
const full = { ...firm, n: 1500,
  reach: { value: 41000, ci90: [38000, 44000] },
  engagement: { rate: 0.004, tier_typical: 0.012, far_below: true, // as report.c writes a published baseline's source
    source: "published: socialrails.com, 'What Is a Good Engagement Rate?' (averages by follower count)",
    source_kind: 'published', source_key: 'socialrails', source_name: 'socialrails.com', source_title: 'What Is a Good Engagement Rate?' },
  factory: { in_runs: 30, runs: [{ first: 1, last: 40, members: 30, created_from: '2026-07-29T08:36:13Z', created_to: '2026-08-06T20:51:54Z' }] } };

const FLOOR_METHOD = 'At-least bound: the fewest fakes the flagged count allows if every fake is flagged; Feldman-Cousins 90% interval over sampling and the held-out false-fake rate';
// The core's one-sided answer (audit.c): at least `lo` fake, so at most the rest real or inactive.
const floor = (lo) => ({ n: 69, too_few: false, sample: SAMPLE, real: share(null, 0, (1 - lo) * 0.97), inactive: share(null, 0, (1 - lo) * 0.1),
  fake: { share: null, ci90: [lo, 1], at_least: true }, model: 'm-1', method: FLOOR_METHOD });

describe('extension faces', () => {
  it('gives the fewest fakes, and only that, when the core can bound the fake share from below alone', () => {
    const face = badgeFace({ audit: floor(0.531) });
    assert.deepEqual([face.state, face.text, face.tone], ['ready', '≥ 53% fake', 'warn']);
    assert.match(face.detail, /^At least 53% of these followers are fake; how many more, the model cannot say/);
    assert.match(face.detail, /Of 69 recent followers read: fake at least 53%, real at most 45%, inactive at most 4\.7% \(one-sided 90% bounds\)\./);
    const panel = panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: floor(0.531) });
    assert.equal(panel.audience.headline, 'At least 53% of the followers are fake');
    assert.deepEqual(JSON.parse(JSON.stringify(panel.audience.rows.map((r) => [r.key, r.text, r.fill]))), [
      ['real', 'at most 45% (one-sided 90% bound)', 0], ['inactive', 'at most 4.7% (one-sided 90% bound)', 0],
      ['fake', 'at least 53% (one-sided 90% bound)', 0.531]]);
    assert.match(panel.audience.method, /^Method: a lower bound on the fakes only, with the sensitivity taken as 1 \(every fake flagged\)/);
    assert.equal(inLanguage('de', () => badgeFace({ audit: floor(0.531) }).text).replace(/\s/gu, ' '), '≥ 53 % gefälscht');

    // A bound of 0: no more flags than genuine accounts raise. Said as such, never as "real", never as proof.
    const none = badgeFace({ audit: floor(0) });
    assert.deepEqual([none.state, none.text, none.tone], ['ready', 'no clear sign of fakes', 'muted']);
    assert.match(none.detail, /That is not proof/);
    // The profile's own verdict wins over a bound of 0, not over a bound above it.
    const withAccount = badgeFace({ audit: floor(0), account });
    assert.match(withAccount.text, /likely fake/);
    assert.match(withAccount.detail, /^The profile itself, by its public counts and fields\. These followers raise no more flags than genuine accounts also do\. That is not proof/,
      'the detail says whose verdict the badge gives, then what the followers showed');
    assert.doesNotMatch(withAccount.detail, /not been read/);
    assert.match(badgeFace({ account }).detail, /its followers have not been read yet/);
    assert.equal(badgeFace({ audit: floor(0.2), account }).text, '≥ 20% fake');
    // No bound at all (rates measured on next to nothing): not enough data, as before.
    const nothing = { ...floor(0), fake: share(null, 0, 1) };
    assert.equal(badgeFace({ audit: nothing }).state, 'no-data');
  });

  it('lets the profile\'s verdict lead when its followers were read but give no number, saying what they showed and why', () => {
    // The core's audit of list entries scored by a model whose false-fake rate was measured on next to nothing
    // (audit.c): shares and a bound left out, the flagged counts and the rates' means still given.
    const unmeasured = { n: 40, too_few: false, sample: SAMPLE, sample_kind: 'followers', flagged: { fake: 3, inactive: 1 },
      real: share(null, 0, 1), inactive: share(null, 0, 0.063), fake: share(null, 0, 1), sensitivity: 0.0035, specificity: 0.617,
      model: 'm-1', method: METHOD };
    const alone = badgeFace({ audit: unmeasured });
    assert.deepEqual([alone.state, alone.text], ['no-data', 'not enough data'], 'neither a number nor the profile: not enough data stays');
    const both = badgeFace({ audit: unmeasured, account });
    assert.deepEqual([both.state, both.text, both.tone], ['ready', '⚠ likely fake · p(fake) 91.0%', 'warn']);
    const said = 'The profile itself, by its public counts and fields. Of 40 recent followers read, the model flagged 3 accounts as fake and 1 account as inactive. ' +
      'How often the model wrongly flags genuine accounts like these was measured on too few of them, so these flags give no share.';
    assert.equal(both.summary, said);
    assert.equal(both.detail, `${said}\n• default avatar\n• no posts`, 'the detail says what the followers showed, then the profile\'s reasons');
    assert.doesNotMatch(both.detail, /not been read/);
    assert.match(alone.detail, /^Of 40 recent followers read, the model flagged 3 accounts as fake and 1 account as inactive\. How often/, 'the same words without the profile');
    // Too few read: that is the reason given instead.
    const few = badgeFace({ audit: { ...unmeasured, n: 12, too_few: true }, account });
    assert.match(few.detail, /^The profile itself.* Of 12 recent followers read, the model flagged 3 accounts as fake and 1 account as inactive\. Too few followers read for a firm answer\./);
    // The panel says what the badge says, and still shows the followers read and the profile.
    const panel = panelModel({ platform: 'instagram', handle: 'a', state: 'ready', audit: unmeasured, account });
    assert.equal(panel.status, said);
    assert.equal(panel.audience.headline, 'Not enough data for a firm answer');
    assert.match(panel.account.verdict, /looks fake/);
    // In every language, from that language's messages.
    for (const lang of Object.keys(locales).filter((l) => l !== 'en')) {
      const words = inLanguage(lang, () => badgeFace({ audit: unmeasured, account }).summary);
      const own = locales[lang];
      assert.ok(words.startsWith(own.badge_account_own.message), `${lang}: ${words}`);
      assert.ok(words.endsWith(own.badge_rates_unmeasured.message), `${lang}: ${words}`);
      const oneInactive = (own.badge_flagged_inactive_one && lang !== 'ja' ? own.badge_flagged_inactive_one : own.badge_flagged_inactive_other).message;
      assert.ok(words.includes(own.badge_flagged.message.replace('{0}', own.sample_recent_other.message.replace('{0}', '40'))
        .replace('{1}', own.badge_flagged_fake_other.message.replace('{0}', '3')).replace('{2}', oneInactive.replace('{0}', '1'))), `${lang}: ${words}`);
    }
  });

  it('rounds shares for display, with one decimal near 0% and 100% and never a false certainty', () => {
    assert.equal(percent(0.823), '82%');
    assert.equal(percent(0.0512), '5.1%');
    assert.equal(percent(0.0004), '<0.1%');
    assert.equal(percent(0.9996), '>99.9%');
    assert.equal(percent(0), '0%');
    assert.equal(percent(1), '100%');
    assert.equal(percent(null), '?');
    // The popup and audit mode write shares with i18n's percent: the same text.
    for (const share of [0, 0.0004, 0.0512, 0.095, 0.5, 0.905, 0.95, 0.9996, 1]) assert.equal(i18n.percent(share), percent(share), `${share}`);
    // A profile's chance of being fake is never a certainty: a 1 or a 0 in the core's report is its rounding.
    const sure = { ...account, p_fake: 1, reasons: [] };
    assert.equal(badgeFace({ account: sure }).text, '⚠ likely fake · p(fake) >99.9%');
    assert.match(panelModel({ platform: 'x', handle: 'a', state: 'ready', account: sure }).account.verdict, /chance of a fake: >99\.9%\)/);
    assert.equal(badgeFace({ account: { ...account, verdict: 'real', p_fake: 0, reasons: [] } }).text, '✓ likely real · p(fake) <0.1%');
  });

  it('writes shares the way the chosen language does', () => {
    assert.equal(inLanguage('de', () => percent(0.823)).replace(/\s/u, ' '), '82 %');
    assert.equal(inLanguage('de', () => percent(0.0512)).replace(/\s/u, ' '), '5,1 %');
    assert.equal(inLanguage('de', () => percent(0.0004)).replace(/\s/u, ' '), '<0,1 %');
    assert.equal(inLanguage('fr', () => percent(0.9996)).replace(/\s/u, ' '), '>99,9 %');
    assert.equal(inLanguage('ja', () => percent(0.823)), '82%');
    assert.equal(inLanguage('pt_BR', () => percent(0.0512)), '5,1%');
  });

  it('says "not enough data", with no made-up chance, when the core could not judge the profile itself', () => {
    const unjudged = { ...account, verdict: 'not-enough-data', p_fake: null, reasons: [] };
    const face = badgeFace({ account: unjudged });
    assert.equal(face.state, 'no-data');
    assert.equal(face.text, 'not enough data');
    assert.match(face.detail, /too little of this profile/);
    assert.doesNotMatch(face.detail, /%/);
    const panel = panelModel({ platform: 'x', handle: 'a', state: 'ready', account: unjudged });
    assert.match(panel.account.verdict, /too little of this profile/);
    const german = locales.de;
    assert.equal(inLanguage('de', () => badgeFace({ account: unjudged }).detail), german.badge_account_too_little.message);
    assert.equal(badgeFace({ account: unjudged, audit: firm }).state, 'ready', 'a firm audience estimate still shows');
  });

  it('shows the share of real followers when the core gives a firm estimate, with the intervals on hover', () => {
    const face = badgeFace({ audit: firm, account });
    assert.equal(face.state, 'ready');
    assert.equal(face.text, '≈ 82% real');
    assert.match(face.detail, /^Of 120 recent followers read: real 82% \(90%: 74%–88%\), inactive 10% \(90%: 5\.0%–15%\), fake 7\.7% \(90%: 3\.0%–12%\)\. Click or press Enter for details\.$/);
  });

  it('says the same in German and Japanese, with their number formats', () => {
    const de = inLanguage('de', () => badgeFace({ audit: full }));
    assert.equal(de.text.replace(/\s/gu, ' '), '≈ 82 % echt');
    assert.match(de.detail.replace(/\s/gu, ' '), /^1\.500 neueste Follower gelesen: echt 82 % \(90 %: 74 %–88 %\), inaktiv 10 %/);
    const ja = inLanguage('ja', () => badgeFace({ audit: full }));
    assert.equal(ja.text, '本物 ≈ 82%');
    assert.match(ja.detail, /^最近のフォロワー1,500人を読み込みました：本物 82%（90%：74%～88%）/);
    const profile = inLanguage('de', () => badgeFace({ account }));
    assert.equal(profile.text.replace(/\s/gu, ' '), '⚠ wahrscheinlich gefälscht · p(Fake) 91,0 %');
  });

  it('falls back to the account itself when the estimate is not firm, and to "not enough data" without an account', () => {
    const unknown = { ...firm, real: share(null, 0, 1) };
    assert.equal(badgeFace({ audit: unknown, account }).text, '⚠ likely fake · p(fake) 91.0%');
    const few = { ...firm, n: 12, too_few: true };
    const face = badgeFace({ audit: few });
    assert.equal(face.state, 'no-data');
    assert.match(face.detail, /^Of 12 recent followers read: .*\. Too few followers read for a firm answer\.$/);
    assert.equal(badgeFace({}), null);
  });

  it('says "uncertain", never "likely fake", for a score in the model\'s middle band, in every language', () => {
    const uncertain = { ...account, verdict: 'uncertain', p_fake: 0.62 };
    const face = badgeFace({ account: uncertain });
    assert.equal(face.text, '? uncertain · p(fake) 62%');
    assert.equal(face.tone, 'muted', 'not the warning tone of a fake');
    assert.equal(panelModel({ platform: 'x', handle: 'a', state: 'ready', account: uncertain }).account.verdict,
      '? The profile itself looks uncertain (neither clearly real nor fake) (estimated chance of a fake: 62%).');
    for (const lang of Object.keys(locales)) {
      const [text, verdict, fakeWord] = inLanguage(lang, () => [badgeFace({ account: uncertain }).text,
        panelModel({ platform: 'x', handle: 'a', state: 'ready', account: uncertain }).account.verdict, badgeFace({ account }).text]);
      const word = locales[lang].badge_uncertain.message;
      assert.ok(text.startsWith(`? ${word} · `), `${lang} badge: ${text}`);
      assert.ok(!text.includes(locales[lang].badge_likely_fake.message), `${lang} badge does not say "likely fake"`);
      assert.ok(fakeWord.includes(locales[lang].badge_likely_fake.message), `${lang}: a fake still reads "likely fake"`);
      assert.ok(verdict.includes(locales[lang].verdict_uncertain.message), `${lang} panel: ${verdict}`);
      const asFake = inLanguage(lang, () => panelModel({ platform: 'x', handle: 'a', state: 'ready', account: { ...uncertain, verdict: 'fake' } }).account.verdict);
      const slots = (text, symbol, word) => text.replace(symbol, 'S').replace(word, 'V');
      assert.equal(slots(verdict, '?', locales[lang].verdict_uncertain.message), slots(asFake, '⚠', locales[lang].verdict_fake.message),
        `${lang} panel: "uncertain" stands where "fake" would`);
    }
  });

  it('says from which chance "likely fake" starts when the verdict is uncertain, and why it starts higher on a platform without labelled data', () => {
    const onX = { ...account, verdict: 'uncertain', p_fake: 0.62, fake_from: 0.992, fake_from_labelled: 0.992, labelled_platform: true };
    const onBluesky = { ...account, platform: 'bluesky', verdict: 'uncertain', p_fake: 0.993, fake_from: 0.9994, fake_from_labelled: 0.992, labelled_platform: false };
    const panelOf = (a) => panelModel({ platform: a.platform, handle: 'a', state: 'ready', account: a }).account;
    assert.equal(panelOf(onX).cut, 'Reads “likely fake” from a chance of 99.2%.');
    assert.equal(panelOf(onBluesky).cut,
      'No labelled accounts of this platform were measured, so “likely fake” needs a chance of at least 99.94% here (on X, Instagram and TikTok 99.2%).');
    assert.match(badgeFace({ account: onBluesky }).detail, /needs a chance of at least 99\.94% here/, 'the badge\'s tooltip says it too');
    assert.doesNotMatch(badgeFace({ account: onBluesky }).summary, /needs a chance/, 'the panel says it once, in the profile\'s section');
    // A list card on Bluesky: the card model has one cut on every platform, so nothing is said of labelled data.
    assert.equal(panelOf({ ...onBluesky, fake_from: 0.999, fake_from_labelled: 0.999 }).cut, 'Reads “likely fake” from a chance of 99.9%.');
    // A user's threshold: the core gives it as fake_from, with nothing uncertain; any cut is written exactly.
    assert.equal(panelOf({ ...onX, fake_from: 0.9, fake_from_labelled: 0.9 }).cut, 'Reads “likely fake” from a chance of 90%.');
    // Not uncertain, or a report of a core that did not say where "likely fake" starts: nothing added.
    assert.equal(panelOf({ ...onBluesky, verdict: 'fake', p_fake: 0.9996 }).cut, null);
    assert.equal(panelOf({ ...onBluesky, fake_from: undefined, fake_from_labelled: undefined, labelled_platform: undefined }).cut, null);
    assert.doesNotMatch(badgeFace({ account: { ...onX, verdict: 'real', p_fake: 0.1 } }).detail, /likely fake/);
    for (const lang of Object.keys(locales)) {
      const [labelled, unlabelled] = inLanguage(lang, () => [panelOf(onX).cut, panelOf(onBluesky).cut]);
      const from = locales[lang].verdict_uncertain_from.message.split('{0}');
      assert.ok(labelled.startsWith(from[0]) && labelled.endsWith(from[1]), `${lang}: ${labelled}`);
      assert.match(labelled, /99[.,]2\s?%/u, `${lang}: ${labelled}`);
      assert.match(unlabelled, /99[.,]94\s?%.*99[.,]2\s?%/u, `${lang}: ${unlabelled}`);
      assert.doesNotMatch(unlabelled, /[>{}]/, `${lang}: no ">99.9%" and no empty slot in ${unlabelled}`);
    }
  });

  it('names every badge state in words, in every language, and says why an error happened', () => {
    for (const lang of Object.keys(locales)) {
      for (const state of ['reading', 'no-data', 'unsupported', 'error']) {
        const face = inLanguage(lang, () => stateFace(state));
        assert.equal(face.state, state);
        assert.ok(face.text.length > 0 && face.detail.length > 0, `${lang} ${state}`);
      }
    }
    assert.equal(stateFace('error').text, 'error');
    assert.match(stateFace('error', 'restarted').detail, /stopped .* has been restarted/);
    assert.match(stateFace('error', 'worker').detail, /did not answer/);
    assert.equal(inLanguage('de', () => stateFace('error').text), 'Fehler');
    assert.match(inLanguage('de', () => stateFace('error', 'restarted').detail), /neu gestartet/);
  });

  it('counts a sample of one in the singular, and 0 as each language does (French: 0 and 1 are singular)', () => {
    const sized = (n, sample_kind = 'profile') => ({ ...firm, n, sample_kind, sample: 'profiles seen on the page' });
    const said = (lang, n, kind) => inLanguage(lang, () => [badgeFace({ audit: sized(n, kind) }).summary,
      panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: sized(n, kind) }).audience.sample]);
    const SINGULAR = { en: ['1 profile seen', '1 recent follower'], de: ['1 gesehenes Profil', '1 neuester Follower'],
      fr: ['1 profil vu', '1 abonné récent'], es: ['1 perfil visto', '1 seguidor reciente'], pt_BR: ['1 perfil visto', '1 seguidor recente'] };
    for (const [lang, [profile, follower]] of Object.entries(SINGULAR)) {
      for (const words of said(lang, 1)) assert.ok(words.includes(profile), `${lang}: ${words}`);
      for (const words of said(lang, 1, 'followers')) assert.ok(words.includes(follower), `${lang}: ${words}`);
      for (const words of said(lang, 2)) assert.ok(words.includes(locales[lang].sample_profiles_other.message.replace('{0}', '2')), `${lang}: ${words}`);
    }
    assert.deepEqual(said('en', 1), ['Of 1 profile seen read: real 82% (90%: 74%–88%), inactive 10% (90%: 5.0%–15%), fake 7.7% (90%: 3.0%–12%).',
      'Sample: 1 profile seen.']);
    assert.ok(said('en', 0).every((words) => words.includes('0 profiles seen')), 'English counts 0 in the plural');
    assert.ok(said('fr', 0).every((words) => words.includes('0 profil vu')), 'French counts 0 in the singular');
    // The sentence around the sample agrees with it, whatever its number and gender: no "Sur 1 abonné récent lus".
    assert.equal(said('fr', 1, 'followers')[0].split(':')[0], 'Échantillon de 1 abonné récent ');
    assert.equal(said('es', 1, 'following')[0].split(':')[0], 'Muestra de 1 cuenta seguida');
    assert.ok(said('ja', 1).every((words) => words.includes('表示されたプロフィール1件')), 'Japanese has one form');
  });

  it('names the method the core names for its numbers, and none where the core names none', () => {
    const methodOf = (audit, lang = 'en') => inLanguage(lang, () => panelModel({ platform: 'x', handle: 'a', state: 'ready', audit }).audience.method);
    assert.equal(methodOf(firm), `Method: ${METHOD.replace("'", '’')}.`);
    // No number at all (a false-fake rate measured on next to nothing, audit.c): the core names no method.
    const none = { ...firm, sample_kind: 'followers', flagged: { fake: 3, inactive: 1 }, real: share(null, 0, 1), inactive: share(null, 0, 0.063),
      fake: share(null, 0, 1), sensitivity: 0.0035, specificity: 0.617, method: null };
    for (const lang of Object.keys(locales)) assert.equal(methodOf(none, lang), '', lang);
    // A bound: the bound's method, in every language.
    for (const lang of Object.keys(locales)) {
      const words = locales[lang].panel_method.message.replace('{0}', locales[lang].panel_method_floor.message);
      assert.equal(methodOf(floor(0.531), lang), words, lang);
      assert.equal(methodOf(floor(0), lang), words, lang);
    }
    assert.match(methodOf(floor(0.531)), /lower bound on the fakes only, with the sensitivity taken as 1/);
    assert.doesNotMatch(methodOf(floor(0.531)), /Rogan-Gladen/);
    // The core's word is the one shown: the panel makes up no method from the shares or the bound it holds.
    assert.equal(methodOf({ ...floor(0.531), method: null }), '');
    const newer = 'Some later method; its own 90% interval';
    assert.equal(methodOf({ ...floor(0.531), method: newer }), `Method: ${newer}.`);
    assert.equal(methodOf({ ...none, method: newer }, 'de'), `Methode: ${newer}.`);
  });

  it('says the followers cannot be read, rather than not yet, where the site shows no list of them', () => {
    const youtube = badgeFace({ account, noFollowerList: true });
    assert.match(youtube.detail, /^The profile itself, by its public counts and fields; the site shows no list of its followers to read\.\n• /);
    assert.doesNotMatch(youtube.detail, /not been read|yet/);
    assert.equal(panelModel({ platform: 'youtube', handle: 'a', state: 'ready', account, noFollowerList: true }).status, youtube.summary);
    assert.match(badgeFace({ account }).detail, /its followers have not been read yet/, 'a site with a list still says "not yet"');
    for (const lang of Object.keys(locales)) {
      const own = locales[lang];
      assert.equal(inLanguage(lang, () => badgeFace({ account, noFollowerList: true }).summary), own.badge_account_detail_no_list?.message, lang);
      assert.notEqual(own.badge_account_detail_no_list.message, own.badge_account_detail.message, lang);
    }
    // Followers read all the same (an audit from a list): what they showed is said, as on any site.
    assert.match(badgeFace({ account, audit: floor(0), noFollowerList: true }).detail, /These followers raise no more flags/);
  });

  it('fills the panel from what the core returned, and leaves out what it did not', () => {
    const bare = panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: firm, account, accountModel: 'm-2' });
    assert.deepEqual(JSON.parse(JSON.stringify(bare.audience.rows.map((r) => [r.key, r.share, r.lo, r.hi]))), [['real', 0.823, 0.74, 0.88], ['inactive', 0.1, 0.05, 0.15], ['fake', 0.077, 0.03, 0.12]]);
    assert.deepEqual([...bare.audience.rows.map((r) => r.label)], ['Real', 'Inactive', 'Fake']);
    assert.equal(bare.audience.rows[0].text, '82% (90% interval 74%–88%)');
    assert.equal(bare.audience.sample, 'Sample: 120 recent followers.');
    assert.match(bare.audience.bias, /leans towards inactive and fake/);
    assert.equal(bare.audience.method, `Method: ${METHOD.replace("'", '’')}.`);
    assert.equal(bare.reach, null);
    assert.equal(bare.engagement, null);
    assert.equal(bare.factory, null);
    assert.equal(bare.account.verdict, '⚠ The profile itself looks fake (estimated chance of a fake: 91.0%).');
    assert.equal(bare.account.counts, '1,234 followers · follows 4,980 · 1 post');
    assert.deepEqual([...bare.account.reasons], ['default avatar', 'no posts']);
    assert.deepEqual([...bare.models], ['m-1', 'm-2']);
    assert.equal(bare.modelLine, 'Model: m-1, m-2. Computed on this device; nothing was sent.');
    assert.equal(bare.title, 'truefollow · @a on x');

    const filled = panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: full });
    assert.equal(filled.reach, '≈ 41,000 real, active followers (90% interval 38,000–44,000).');
    assert.equal(filled.engagement, '0.4% engagement per post. Typical for accounts of this size: 1.2%. ' +
      'Far below what this follower count would lead one to expect. ' +
      "Source: published: socialrails.com, 'What Is a Good Engagement Rate?' (averages by follower count).");
    assert.equal(filled.factory.summary, '30 of the sampled followers belong to 1 run of accounts created together (a sign of bought followers).');
    assert.deepEqual([...filled.factory.runs], ['30 accounts, created Jul 29, 2026 to Aug 6, 2026']);
    // One of them: the singular (a run as short as that is only reported with a lower TF_FACTORY_MIN_RUN).
    const single = panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: { ...full, reach: { value: 1, ci90: [0, 3] },
      factory: { in_runs: 1, runs: [{ ...full.factory.runs[0], members: 1 }] } } });
    assert.equal(single.reach, '≈ 1 real, active follower (90% interval 0–3).');
    assert.deepEqual([...single.factory.runs], ['1 account, created Jul 29, 2026 to Aug 6, 2026']);
    assert.equal(filled.account, null);
    assert.equal(filled.modelLine, 'Model: m-1. Computed on this device; nothing was sent.');
  });

  it('writes the panel in German with German numbers and dates', () => {
    const de = inLanguage('de', () => panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: full, account }));
    const plain = (text) => text.replace(/\s/gu, ' ');
    assert.equal(plain(de.audience.headline), '≈ 82 % der Follower wirken echt');
    assert.equal(plain(de.audience.rows[1].text), '10 % (90-%-Intervall 5,0 %–15 %)');
    assert.equal(de.audience.sample, 'Stichprobe: 1.500 neueste Follower.');
    assert.equal(plain(de.reach), '≈ 41.000 echte, aktive Follower (90-%-Intervall 38.000–44.000).');
    assert.deepEqual([...de.factory.runs], ['30 Konten, erstellt vom 29.07.2026 bis 06.08.2026']);
    assert.ok(plain(de.engagement).endsWith('Quelle: veröffentlicht: socialrails.com, „What Is a Good Engagement Rate?“ (Durchschnittswerte nach Followerzahl).'),
      de.engagement);
    assert.equal(de.account.counts, '1.234 Follower · folgt 4.980 · 1 Beitrag');
    assert.match(de.modelLine, /^Modell: m-1\. Auf diesem Gerät berechnet/);
    assert.deepEqual({ ...de.labels }, { audience: 'Follower', engagers: 'Wer interagiert', reach: 'Echte Reichweite', engagement: 'Interaktion',
      factory: 'Gemeinsam erstellte Konten', account: 'Das Profil selbst', close: 'Schließen', closeLabel: 'Details schließen' });
    assert.equal(de.lang, 'de');
    const ja = inLanguage('ja', () => panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: full, account }));
    assert.deepEqual([...ja.factory.runs], ['30件のアカウント、2026/07/29～2026/08/06に作成']);
    assert.equal(ja.account.counts, 'フォロワー1,234人 · フォロー中4,980 · 投稿1件');
  });

  it('names each kind of sample as the core labels it, and never calls a list of unknown kind followers', () => {
    const of = (kind, sample) => panelModel({ platform: 'mastodon', handle: 'a', state: 'ready', audit: { ...firm, sample_kind: kind, sample } });
    assert.equal(of('followers', SAMPLE).audience.sample, 'Sample: 120 recent followers.');
    const listed = of('listed', 'accounts listed (a list whose kind its address did not name)');
    assert.equal(listed.audience.sample, 'Sample: 120 accounts listed.');
    assert.match(listed.audience.bias, /not known/);
    assert.equal(of('post-author', 'authors of posts').audience.sample, 'Sample: 120 authors of posts.');
    // The kind decides, not the words: a report whose words say followers but whose kind does not.
    assert.equal(of('listed', SAMPLE).audience.sample, 'Sample: 120 accounts listed.');
    assert.equal(of('search-results', 'search results').audience.sample, 'Sample: 120 accounts.');
    const de = inLanguage('de', () => of('listed', 'accounts listed').audience.sample);
    assert.equal(de, 'Stichprobe: 120 aufgelistete Konten.');
  });

  it('shows who engages beside the followers, and flags with both numbers when they look far more fake', () => {
    const engagers = { n: 90, too_few: false, sample: 'engagers (accounts that liked, reposted or commented)', sample_kind: 'engagers',
      real: share(0.35, 0.25, 0.45), inactive: share(0.05, 0.01, 0.1), fake: share(0.6, 0.5, 0.7),
      kinds: { likers: 50, reposters: 30, commenters: 10 }, contrast: 'engagers-more-fake' };
    const model = panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: { ...firm, engagers } });
    assert.equal(model.engagers.headline, '≈ 35% of the engagers look real');
    assert.equal(model.engagers.sample, 'Sample: 90 accounts that liked, reposted or commented.');
    assert.equal(model.engagers.kinds, 'Accounts: 50 liked, 30 reposted, 10 commented.');
    assert.equal(model.engagers.contrast, 'Its engagers look far more fake than its followers: 60% fake against 7.7%.');
    assert.deepEqual([...model.engagers.rows].map((r) => r.key), ['real', 'inactive', 'fake']);
    assert.equal(model.engagers.rows[2].text, '60% (90% interval 50%–70%)');
    assert.equal(model.labels.engagers, 'Who engages');
    const calm = panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: { ...firm, engagers: { ...engagers, contrast: null } } });
    assert.equal(calm.engagers.contrast, null);
    const reverse = panelModel({ platform: 'x', handle: 'a', state: 'ready',
      audit: { ...firm, fake: share(0.7, 0.6, 0.8), engagers: { ...engagers, fake: share(0.1, 0.05, 0.2), contrast: 'followers-more-fake' } } });
    assert.equal(reverse.engagers.contrast, 'Its followers look far more fake than its engagers: 70% fake against 10%.');
    const few = panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: { ...firm, engagers: { ...engagers, n: 4, too_few: true, contrast: null } } });
    assert.equal(few.engagers.headline, 'Not enough data for a firm answer');
    assert.equal(few.engagers.sample, 'Sample: 4 accounts that liked, reposted or commented — too few for a firm answer.');
    assert.equal(panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: { ...firm, engagers: null } }).engagers, null);
    for (const lang of ['de', 'es', 'fr', 'ja', 'pt_BR']) {
      const words = inLanguage(lang, () => panelModel({ platform: 'x', handle: 'a', state: 'ready', audit: { ...firm, engagers } }).engagers);
      for (const text of [words.headline, words.sample, words.kinds, words.contrast, words.bias]) {
        assert.ok(text && !/\{\d\}/.test(text), `${lang}: ${text}`);
        assert.notEqual(text, model.engagers[Object.keys(words).find((k) => words[k] === text)], `${lang} is translated: ${text}`);
      }
      assert.ok(words.contrast.includes(inLanguage(lang, () => percent(0.6))), `${lang}: ${words.contrast}`);
    }
  });

  it('gives the panel the state\'s own words when there is no result', () => {
    const model = panelModel({ platform: 'x', handle: 'a', state: 'error', fallback: stateFace('error', 'restarted') });
    assert.match(model.status, /has been restarted/);
    assert.equal(model.audience, null);
    assert.equal(model.account, null);
  });
});

describe('the reasons of an account score', () => {
  // As report.c writes them: the English text, the sentence's key and its numbers.
  const reasons = [
    { text: 'follows 3,814 accounts; 127,315 followers', key: 'network_both', args: [3814, 127315] },
    { text: '11,683 posts in 15.7 years (2 a day)', key: 'activity_rate', args: [11683, 15.7, 2], unit: 'years' },
    { text: 'handle has 1 digit in 10 characters', key: 'handle_digits', args: [1, 10] },
    { text: 'no profile picture', key: 'avatar_none', args: [] },
  ];
  const scored = { ...account, reasons };
  const plain = (text) => text.replace(/[^\S\n]/gu, ' '); // Intl's narrow spaces as plain ones, lines kept

  it('are written in the chosen language with its numbers, and in its plural forms', () => {
    const de = inLanguage('de', () => panelModel({ platform: 'x', handle: 'a', state: 'ready', account: scored }));
    assert.deepEqual([...de.account.reasons].map(plain), ['folgt 3.814 Konten; 127.315 Follower',
      '11.683 Beiträge in 15,7 Jahren (2 pro Tag)', 'Handle hat 1 Ziffer bei 10 Zeichen', 'kein Profilbild']);
    const fr = inLanguage('fr', () => panelModel({ platform: 'x', handle: 'a', state: 'ready', account: scored }));
    assert.equal(plain(fr.account.reasons[0]), 'suit 3 814 comptes ; 127 315 abonnés');
    const ja = inLanguage('ja', () => panelModel({ platform: 'x', handle: 'a', state: 'ready', account: scored }));
    assert.equal(ja.account.reasons[1], '15.7年で11,683件の投稿(1日2件)');
  });

  it('read in English as the core wrote them', () => {
    const en = panelModel({ platform: 'x', handle: 'a', state: 'ready', account: scored });
    assert.deepEqual([...en.account.reasons], reasons.map((r) => r.text));
    assert.match(badgeFace({ account: scored }).detail, /\n• follows 3,814 accounts; 127,315 followers\n/);
  });

  it('go into the badge tooltip in the chosen language too', () => {
    const face = inLanguage('de', () => badgeFace({ account: scored }));
    assert.match(plain(face.detail), /• folgt 3\.814 Konten; 127\.315 Follower\n• 11\.683 Beiträge in 15,7 Jahren/);
  });

  it('fall back to the core text for an unknown key or numbers that do not fit it', () => {
    const odd = { ...account, reasons: [
      { text: 'a sentence from a newer core', key: 'something_new', args: [1] },
      { text: 'follows ? accounts', key: 'network_both', args: [null, 12] },
      { text: 'account is 3 fortnights old', key: 'activity_age', args: [3], unit: 'fortnights' },
      { text: 'no key at all' },
      { text: 'a key of the prototype', key: 'toString', args: [] },
    ] };
    const de = inLanguage('de', () => panelModel({ platform: 'x', handle: 'a', state: 'ready', account: odd }));
    assert.deepEqual([...de.account.reasons], odd.reasons.map((r) => r.text));
  });
});

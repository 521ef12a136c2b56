// The command line's contract: one JSON line per account, null for what was not shown, errors on stderr
// naming the input while the other inputs are still processed, and the same answers as the wasm core.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCore } from '../../js-glue/node.js';
import { cli, haveShared, sharedFixture, NOW } from './helpers.js';

function run(args, input) {
  const r = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, lines: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-cli-'));
const good = path.join(tmp, 'profile.json');
fs.writeFileSync(good, JSON.stringify({ data: { user: { result: { __typename: 'User', rest_id: '5',
  core: { screen_name: 'eve', name: 'Eve' }, relationship_counts: { followers: 10, following: 20 } } } } }));
const bad = path.join(tmp, 'broken.json');
fs.writeFileSync(bad, '{"data": [');

describe('truefollow score', () => {
  it('prints every field of the contract, null where the input was silent', () => {
    const { status, lines } = run(['score', '--now', String(NOW), good]);
    assert.equal(status, 0);
    assert.equal(lines.length, 1);
    const a = JSON.parse(lines[0]);
    for (const key of ['platform', 'id', 'handle', 'name', 'followers', 'following', 'posts', 'created_at', 'p_fake', 'verdict', 'reasons'])
      assert.ok(key in a, `missing ${key}`);
    assert.equal(a.handle, 'eve');
    assert.equal(a.posts, null);
    assert.equal(a.created_at, null);
  });

  it('reads stdin when given no file or "-"', () => {
    const text = fs.readFileSync(good, 'utf8');
    assert.equal(JSON.parse(run(['score'], text).lines[0]).handle, 'eve');
    assert.equal(JSON.parse(run(['score', '-'], text).lines[0]).handle, 'eve');
  });

  it('reports a bad input by name, exits 1, and still scores the others', () => {
    const missing = path.join(tmp, 'missing.json');
    const { status, lines, stderr } = run(['score', bad, good, missing]);
    assert.equal(status, 1);
    assert.equal(lines.length, 1);
    assert.match(stderr, new RegExp(`${bad}: invalid: not valid JSON`));
    assert.match(stderr, new RegExp(`${missing}: No such file`));
  });

  it('gives the same answers as the wasm core, debug and release', async () => {
    const native = JSON.parse(run(['score', '--now', String(NOW), good]).lines[0]);
    for (const build of ['debug', 'release']) {
      const core = await loadCore({ build });
      const [account] = core.score(fs.readFileSync(good, 'utf8'), { now: NOW }).accounts;
      assert.deepEqual(account, native);
    }
  });

  it('reads the recorded X followers timeline: 69 accounts with their handles and counts', { skip: !haveShared && 'no ../shared/fixtures here' }, () => {
    const file = sharedFixture('twitter/Followers_2026-08.json');
    const recorded = JSON.parse(fs.readFileSync(file, 'utf8'))
      .data.user.result.timeline.timeline.instructions.flatMap((i) => i.entries ?? [])
      .filter((e) => e.entryId.startsWith('user-'))
      .map((e) => e.content.itemContent.user_results.result);
    const { status, lines } = run(['score', '--now', String(NOW), file]);
    assert.equal(status, 0);
    assert.equal(lines.length, 69);
    const scored = lines.map((l) => JSON.parse(l));
    scored.forEach((a, i) => {
      assert.equal(a.handle, recorded[i].core.screen_name);
      assert.equal(a.followers, recorded[i].relationship_counts.followers);
      assert.equal(a.following, recorded[i].relationship_counts.following);
      assert.equal(a.posts, recorded[i].tweet_counts.tweets);
      assert.equal(a.seen, 'followers');
    });
  });
});

describe('truefollow audit', () => {
  it('estimates the shares over every account of every file', { skip: !haveShared && 'no ../shared/fixtures here' }, () => {
    const { status, lines } = run(['audit', '--now', String(NOW), sharedFixture('twitter/Followers_2026-08.json')]);
    assert.equal(status, 0);
    const audit = JSON.parse(lines[0]);
    assert.equal(audit.n, 69);
    assert.match(audit.sample, /^recent followers/);
    assert.ok(audit.factory && Array.isArray(audit.factory.runs));
    for (const k of ['real', 'inactive', 'fake']) assert.equal(audit[k].ci90.length, 2);
    assert.ok(audit.model && audit.method);
  });

  it('samples the follower list alone when the profile and its posts come with it', () => {
    const x = (file) => path.join('tests', 'fixtures', 'x', file);
    const followersOnly = JSON.parse(run(['audit', '--now', String(NOW), x('Followers_examplestudio.json')]).lines[0]);
    const postsOnly = JSON.parse(run(['audit', '--now', String(NOW), x('UserTweets_user_17a8117c.json')]).lines[0]);
    const all = JSON.parse(run(['audit', '--now', String(NOW), x('UserByScreenName_user_17a8117c.json'),
      x('UserTweets_user_17a8117c.json'), x('Followers_examplestudio.json')]).lines[0]);
    assert.equal(postsOnly.sample, 'authors of posts', 'posts alone: their authors are the sample');
    assert.ok(postsOnly.n > 0);
    assert.equal(all.n, followersOnly.n, 'the authors of the posts are not followers');
    assert.deepEqual(all.flagged, followersOnly.flagged);
    assert.match(all.sample, /^recent followers/);
    assert.equal(all.profile, 'user_17a8117c');
    assert.equal(all.engagement.posts, 5, 'the posts give the engagement');
  });

  it('reports who engaged as engagers next to the follower sample, each account once, and the same as the wasm core', async () => {
    const x = (file) => fs.readFileSync(path.join('tests', 'fixtures', 'x', file), 'utf8');
    const lines = [['Followers', 'Followers_examplestudio.json'], ['Retweeters', 'Retweeters.json'], ['TweetDetail', 'TweetDetail.json']]
      .map(([op, file]) => JSON.stringify({ url: `https://x.com/i/api/graphql/q/${op}`, body: x(file) })).join('\n');
    const inputs = path.join(tmp, 'engaged.jsonl');
    fs.writeFileSync(inputs, lines);
    const { status, lines: out } = run(['audit', '--now', String(NOW), inputs]);
    assert.equal(status, 0);
    const audit = JSON.parse(out[0]);
    assert.equal(audit.sample_kind, 'followers', 'the followers stay the follower sample');
    const e = audit.engagers;
    assert.equal(e.sample_kind, 'engagers');
    assert.ok(e.kinds.reposters > 0 && e.kinds.commenters > 0 && e.kinds.likers === 0, JSON.stringify(e.kinds));
    assert.equal(e.kinds.reposters + e.kinds.commenters, e.n, 'an account in both lists counted once, under one kind');
    for (const k of ['real', 'inactive', 'fake']) assert.equal(e[k].ci90.length, 2);
    assert.deepEqual(audit, (await loadCore()).audit(lines, { now: NOW }).audit, 'the CLI and the wasm core agree');
  });

  it('takes the follower count for true reach as the page writes it, and refuses one that is no count', () => {
    const list = path.join('tests', 'fixtures', 'x', 'Followers_examplestudio.json');
    const alone = JSON.parse(run(['audit', '--now', String(NOW), list]).lines[0]);
    assert.equal(alone.reach, null, 'a follower list does not say how many follow');
    // The shipped rates, with their spread across data sets, may support no share; rates measured on many
    // accounts (a model file like the shipped one with other counts) let the reach arithmetic show.
    const measured = path.join(tmp, 'measured.tfm');
    fs.writeFileSync(measured, fs.readFileSync('wasm/models/profile.tfm', 'utf8')
      .replace(/^error_rates (\S+) .*$/m, 'error_rates $1 700 300 800 200'));
    const given = run(['audit', '--now', String(NOW), '--lang', 'de', '--followers', '1,2 Mio.', '--model', measured, list]);
    assert.equal(given.status, 0);
    const audit = JSON.parse(given.lines[0]);
    assert.notEqual(audit.real.share, null);
    assert.equal(audit.reach.followers, 1200000);
    // The report prints shares to six decimals: the reach computed from them may differ by one account.
    const near = (a, b) => assert.ok(Math.abs(a - b) <= 1, `${a} ~ ${b}`);
    near(audit.reach.value, 1200000 * audit.real.share);
    audit.reach.ci90.forEach((r, i) => near(r, 1200000 * audit.real.ci90[i]));
    for (const bad of ['lots', '-5', '1.234', '1e400', '12abc']) {
      const { status, lines, stderr } = run(['audit', '--followers', bad, list]);
      assert.equal(status, 2, bad);
      assert.equal(lines.length, 0, `${bad}: no estimate printed`);
      assert.match(stderr, /--followers/);
    }
  });

  it('says "too few" under 30 accounts', () => {
    const audit = JSON.parse(run(['audit', good]).lines[0]);
    assert.equal(audit.n, 1);
    assert.equal(audit.too_few, true);
  });
});

describe('truefollow --model', () => {
  const modelFile = 'wasm/models/profile.tfm';
  const shipped = fs.readFileSync(modelFile, 'utf8');

  it('scores the same with the committed model file as with the compiled-in model', () => {
    const plain = run(['score', '--now', String(NOW), good]);
    const withFile = run(['score', '--now', String(NOW), '--model', modelFile, good]);
    assert.equal(withFile.status, 0);
    assert.deepEqual(withFile.lines, plain.lines);
  });

  it('scores with a retrained model in place of the shipped one, and names it in the audit', () => {
    const retrained = path.join(tmp, 'retrained.tfm');
    fs.writeFileSync(retrained, shipped.replace(/^base_margin .*$/m, 'base_margin 8').replace(/^version (\S+)$/m, 'version $1-retrained'));
    const before = JSON.parse(run(['score', '--now', String(NOW), good]).lines[0]);
    const after = JSON.parse(run(['score', '--now', String(NOW), '--model', retrained, good]).lines[0]);
    assert.ok(after.p_fake > before.p_fake, `${after.p_fake} > ${before.p_fake}`);
    assert.match(JSON.parse(run(['audit', '--model', retrained, good]).lines[0]).model, /-retrained/);
  });

  it('says "uncertain" in the model\'s verdict band, and keeps the audit counted at the error rates\' threshold', () => {
    const list = path.join('tests', 'fixtures', 'x', 'Followers_examplestudio.json');
    const banded = path.join(tmp, 'banded.tfm');
    const threshold = Number(shipped.match(/^error_rates (\S+)/m)[1]);
    const [low, high] = [0.05, (1 + threshold) / 2]; // a band must hold the threshold
    fs.writeFileSync(banded, shipped.replace(/^verdict_band .*$/m, `verdict_band ${low} ${high}`));
    const plain = run(['score', '--now', String(NOW), list]).lines.map((l) => JSON.parse(l));
    const withBand = run(['score', '--now', String(NOW), '--model', banded, list]).lines.map((l) => JSON.parse(l));
    assert.equal(withBand.length, plain.length);
    let uncertain = 0;
    withBand.forEach((a, i) => {
      assert.equal(a.p_fake, plain[i].p_fake, 'the band changes words, not scores');
      if (a.p_fake === null) return assert.equal(a.verdict, 'not-enough-data');
      const expected = a.p_fake >= high ? 'fake' : a.p_fake >= low ? 'uncertain' : plain[i].verdict;
      assert.equal(a.verdict, expected, `@${a.handle} p ${a.p_fake}`);
      assert.equal(plain[i].verdict === 'fake', plain[i].p_fake >= threshold, 'without a band, fake from the threshold');
      uncertain += a.verdict === 'uncertain';
    });
    assert.ok(uncertain > 0 && uncertain < withBand.length, `some accounts, not all, are uncertain (${uncertain})`);
    const audit = (args) => JSON.parse(run(['audit', '--now', String(NOW), ...args, list]).lines[0]);
    const [before, after] = [audit([]), audit(['--model', banded])];
    for (const key of ['n', 'flagged', 'real', 'inactive', 'fake']) assert.deepEqual(after[key], before[key], key);
  });

  it('refuses a damaged model file with the line and the reason, and scores nothing', () => {
    const damaged = path.join(tmp, 'damaged.tfm');
    fs.writeFileSync(damaged, shipped.replace(/^trees (\d+)$/m, (_, n) => `trees ${Number(n) + 1}`));
    const r = run(['score', '--model', damaged, good]);
    assert.equal(r.status, 2);
    assert.equal(r.lines.length, 0);
    assert.match(r.stderr, /damaged\.tfm: model file line \d+: the file ends early/);
    const missing = run(['score', '--model', path.join(tmp, 'none.tfm'), good]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /none\.tfm: No such file/);
  });
});

describe('truefollow count', () => {
  it('prints the integer a count string means in the given language', () => {
    assert.deepEqual(run(['count', '--lang', 'de', '1,2 Mio.']).lines, ['1200000']);
  });

  it('fails with a message for a string with no count', () => {
    const { status, stderr } = run(['count', '--lang', 'en', 'followers']);
    assert.equal(status, 1);
    assert.match(stderr, /no digits/);
  });
});

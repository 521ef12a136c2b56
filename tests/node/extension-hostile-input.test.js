// The extension's attack surface, checked without a browser: no script of the extension (nor the core's loader
// it ships) turns text into markup or code, no page can message the worker directly, and the per-site rules of
// sites.js that keep one site's page from speaking for another. The end-to-end proof with a hostile page is
// tests/e2e/hostile-page.test.js.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extensionFiles } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const extensionDir = path.join(root, 'extension');
const scripts = extensionFiles('.js').map((f) => path.join(extensionDir, f));
scripts.push(path.join(root, 'js-glue', 'core.js'), path.join(root, 'js-glue', 'web.js'));
const builtCore = path.join(root, 'build', 'wasm', 'web-release', 'truefollow-core.mjs');

// The code without its comments (string contents stay: a sink named in a string is still suspicious).
const code = (file) => fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

// Ways to turn a string into markup or code in a page, a content script or an extension page.
const SINKS = [
  ['an innerHTML or outerHTML assignment', /\.(?:inner|outer)HTML\s*\+?=(?!=)/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\s*\.\s*write(?:ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['setHTMLUnsafe or parseHTMLUnsafe', /(?:set|parse)HTMLUnsafe/],
  ['DOMParser', /DOMParser/],
  ['srcdoc', /srcdoc/],
  ['eval', /(?:^|[^\w$.])eval\s*\(/],
  ['the Function constructor', /(?:^|[^\w$.])(?:new\s+)?Function\s*\(/],
  ['a string given to setTimeout or setInterval', /set(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['a javascript: URL', /javascript:/i],
  ['an event handler attribute', /setAttribute\(\s*['"`]on/i],
];

describe('extension attack surface', () => {
  it('has no script that inserts text as HTML or evaluates it', () => {
    const found = [];
    for (const file of scripts) {
      const text = code(file);
      for (const [what, pattern] of SINKS) if (pattern.test(text)) found.push(`${path.relative(root, file)}: ${what}`);
    }
    assert.deepEqual(found, []);
  });

  it('reads outerHTML only in the page world, to pass the embedded data on as text', () => {
    const readers = scripts.filter((file) => /outerHTML/.test(code(file))).map((file) => path.basename(file));
    assert.deepEqual(readers, ['page-world.js']);
  });

  it('ships a core loader with no eval or Function constructor', (t) => {
    if (!fs.existsSync(builtCore)) return t.skip('the web build of the core is not built (make wasm)');
    const text = fs.readFileSync(builtCore, 'utf8');
    assert.doesNotMatch(text, /(?:^|[^\w$.])eval\s*\(/);
    assert.doesNotMatch(text, /(?:^|[^\w$.])(?:new\s+)?Function\s*\(/);
  });

  it('has no inline script or event handler attribute in its pages', () => {
    for (const file of extensionFiles('.html')) {
      const html = fs.readFileSync(path.join(extensionDir, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${file}: inline script`);
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${file}: event handler attribute`);
    }
  });

  it('lets no web page message the worker directly, and allows no eval in its pages', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
    assert.equal(manifest.externally_connectable, undefined);
    assert.doesNotMatch(JSON.stringify(manifest.content_security_policy), /(?<!wasm-)unsafe-eval|unsafe-inline/);
  });
});

// sites.js, loaded as the browsers load it.
const sandbox = { URL };
sandbox.globalThis = sandbox;
vm.runInNewContext(fs.readFileSync(path.join(extensionDir, 'common', 'sites.js'), 'utf8'), sandbox);
const { isHandle, platformOf, dataUrlFits } = sandbox.truefollowSites;

describe('extension sites: the author of the post a page shows', () => {
  const authorOf = (href) => {
    const url = new URL(href);
    return sandbox.truefollowSites.SITES.find((s) => s.platform === platformOf(href))?.postAuthor?.(url.pathname) ?? null;
  };
  it('names the post\'s author from the address of its page, its reposts and its likes, and no one elsewhere', () => {
    assert.equal(authorOf('https://x.com/someone/status/123/retweets'), 'someone');
    assert.equal(authorOf('https://x.com/someone/status/123'), 'someone');
    assert.equal(authorOf('https://x.com/i/status/123'), null); // a reserved path, not an account
    assert.equal(authorOf('https://x.com/someone/followers'), null);
    assert.equal(authorOf('https://bsky.app/profile/a.bsky.social/post/3kabc/liked-by'), 'a.bsky.social');
    assert.equal(authorOf('https://bsky.app/profile/a.bsky.social'), null);
    assert.equal(authorOf('https://mastodon.example/@a/109876/reblogs'), 'a');
    assert.equal(authorOf('https://mastodon.example/@a@other.example/109876'), 'a@other.example');
    assert.equal(authorOf('https://mastodon.example/@a/followers'), null);
    assert.equal(authorOf('https://www.tiktok.com/@someone/video/7200000000000000001'), 'someone');
    assert.equal(authorOf('https://www.tiktok.com/@someone'), null);
    assert.equal(authorOf('https://www.youtube.com/@someone/videos'), null); // no engagers read there
  });
});

describe('extension sites: one site cannot speak for another', () => {
  it('names the platform of a page by its host, and none for a page that is not https', () => {
    assert.equal(platformOf('https://x.com/someone'), 'x');
    assert.equal(platformOf('https://www.instagram.com/someone/'), 'instagram');
    assert.equal(platformOf('https://mastodon.example/@someone'), 'mastodon'); // any granted instance
    assert.equal(platformOf('http://x.com/someone'), null);
    assert.equal(platformOf('not a url'), null);
  });

  it('accepts a capture only from a host the page\'s own site takes its data from', () => {
    const fits = [
      ['https://x.com/a', 'https://x.com/i/api/graphql/q/UserByScreenName'],
      ['https://x.com/a', 'https://twitter.com/i/api/graphql/q/Followers'],
      ['https://www.instagram.com/a/', 'https://www.instagram.com/api/v1/friendships/1/followers/'],
      ['https://bsky.app/profile/a.bsky.social', 'https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile'],
      ['https://bsky.app/profile/a.bsky.social', 'https://morel.us-east.host.bsky.network/xrpc/app.bsky.graph.getFollowers'],
      ['https://mastodon.example/@a', 'https://mastodon.example/api/v1/accounts/lookup?acct=a'],
    ];
    const refused = [
      ['https://x.com/a', 'https://www.instagram.com/api/v1/users/web_profile_info/?username=a'],
      ['https://x.com/a', 'https://mastodon.example/api/v1/accounts/1/followers'],
      ['https://x.com/a', 'http://x.com/i/api/graphql/q/UserByScreenName'],
      ['https://www.instagram.com/a/', 'https://x.com/i/api/graphql/q/UserByScreenName'],
      ['https://mastodon.example/@a', 'https://other.example/api/v1/accounts/lookup?acct=a'],
      ['https://mastodon.example/@a', 'https://x.com/i/api/graphql/q/UserByScreenName'],
      ['https://x.com/a', 'javascript:alert(1)'],
      ['https://x.com/a', 'not a url'],
    ];
    for (const [page, data] of fits) assert.equal(dataUrlFits(page, data), true, `${data} on ${page}`);
    for (const [page, data] of refused) assert.equal(dataUrlFits(page, data), false, `${data} on ${page}`);
  });

  it('takes as handles only what a page URL of the platform could name', () => {
    const good = [['x', 'examplestudio'], ['x', '@ExampleStudio'], ['instagram', 'example.studio_1'], ['tiktok', 'example.studio'],
      ['youtube', 'UC25102241ExampleChannel13'], ['bluesky', 'examplestudio.bsky.social'], ['bluesky', 'did:plc:760562426649example13'],
      ['mastodon', 'examplestudio'], ['mastodon', 'fan002@toot.example.org']];
    const bad = [['x', '<img src=x onerror=alert(1)>'], ['x', 'a'.repeat(16)], ['x', '\u202Eevil'], ['x', 'a b'], ['x', ''],
      ['instagram', 'a|b'], ['bluesky', '-leading.dash'], ['mastodon', 'a@b@c'], ['nowhere', 'examplestudio'], ['x', 42], ['x', null]];
    for (const [platform, handle] of good) assert.equal(isHandle(platform, handle), true, `${platform} ${handle}`);
    for (const [platform, handle] of bad) assert.equal(isHandle(platform, handle), false, `${platform} ${String(handle).slice(0, 20)}`);
  });
});

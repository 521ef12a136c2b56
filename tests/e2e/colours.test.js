/*
 * The badge's and the panel's colours, in each browser: every tone in light and dark schemes, text contrast
 * (WCAG AA), good and warn told apart with any colour vision (colours.js), and never by colour alone.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { readColours } from './lib/badge-probes.js';
import { BADGE_AND_PANEL, axeViolations } from './lib/axe.js';
import { VISIONS, contrast, deltaE, hex, over, parseColour, simulate } from './lib/colours.js';
import { itAskedOnlyTheFixtureSites } from './lib/network-checks.js';
import { SCREENSHOTS, TEST_MS, inEachBrowser } from './lib/session.js';

// A text's contrast with what it sits on: its backgrounds painted bottom up, then its colour over them.
function textContrast({ colour, backgrounds }) {
  const [base, ...above] = backgrounds.map(parseColour).reverse();
  assert.equal(base?.a, 1, `text on an opaque background (${backgrounds.join(' under ')})`);
  const background = above.reduce((under, layer) => over(layer, under), base);
  return contrast(over(parseColour(colour), background), background);
}

inEachBrowser('the colours of the badge and the panel', (session) => {
  let page;

  it('colours every tone with enough contrast, in light and dark schemes, and never by colour alone', { timeout: TEST_MS * 2 }, async (t) => {
    // A page for each state; between them the tones good (a real account), warn (an audience under half
    // real, a fake account) and muted (every state without a result). crowdedstudio: an account nothing here
    // has audited, so its profile shows the account itself.
    const PAGES = [
      { url: 'https://x.com/examplestudio/followers', states: ['reading', 'ready'], hold: /\/Followers\?/ },
      { url: 'https://x.com/crowdedstudio', states: ['ready'] },
      { url: 'https://x.com/dealfinder4821', states: ['ready'] },
      { url: 'https://x.com/dealfinder4821/followers', states: ['no-data'] },
      { url: 'https://x.com/coretrap', states: ['error'] },
      { url: 'https://x.com/oddshape', states: ['unsupported'] },
    ];
    const SCHEMES = ['light', 'dark'];
    const samples = []; // {scheme, state, tone, badge, texts, panel}
    const axeFound = []; // axe-core's violations on each badge and its panel in the dark scheme, asserted last
    try {
      for (const { url, states, hold } of PAGES) {
        const release = hold ? session.browser.hold(hold) : () => {};
        try {
          page = await session.open(url);
          for (const state of states) {
            if (state !== states[0]) release();
            await page.waitFor((s) => document.querySelector('[data-truefollow-badge]')?.shadowRoot?.querySelector('.button')?.getAttribute('data-state') === s, state);
            for (const scheme of SCHEMES) {
              await page.colorScheme(scheme);
              await page.evaluate(() => document.querySelector('[data-truefollow-badge]').click());
              await page.waitFor(() => document.querySelector('[data-truefollow-panel]'));
              samples.push({ scheme, ...await page.evaluate(readColours) });
              if (scheme === 'dark') {
                axeFound.push(...(await axeViolations(page, BADGE_AND_PANEL)).map((v) => `${state} on ${url}: ${v}`));
                await page.screenshot(path.join(SCREENSHOTS, `${session.browser.name}-dark-${state}-${new URL(url).pathname.slice(1).replace('/', '-')}.png`));
              }
              await page.evaluate(() => document.querySelector('[data-truefollow-panel]').shadowRoot.querySelector('button').click());
              await page.waitFor(() => !document.querySelector('[data-truefollow-panel]'));
            }
          }
        } finally {
          release();
        }
      }
    } finally {
      await page.colorScheme(null); // Firefox's setting holds for every page until cleared
    }
    assert.deepEqual([...new Set(samples.map((x) => x.state))].sort(), ['error', 'no-data', 'reading', 'ready', 'unsupported']);
    assert.deepEqual([...new Set(samples.map((x) => x.tone))].sort(), ['good', 'muted', 'warn'], 'every tone was painted');

    // Text against its background: at least 4.5:1 (WCAG 1.4.3, level AA) in the badge, its tooltip and the panel.
    for (const scheme of SCHEMES) {
      const least = {};
      for (const sample of samples.filter((x) => x.scheme === scheme)) {
        for (const [where, texts] of [['badge', sample.texts.filter((x) => x.part !== 'tip')], ['tooltip', sample.texts.filter((x) => x.part === 'tip')], ['panel', sample.panel.texts]]) {
          for (const text of texts) {
            const ratio = textContrast(text);
            assert.ok(ratio >= 4.5, `${scheme}: ${sample.state} (${sample.tone}) ${where} "${text.text}": ${text.colour} on ${text.backgrounds.join(' over ')} is ${ratio.toFixed(2)}:1`);
            least[where] = Math.min(least[where] ?? Infinity, ratio);
          }
        }
      }
      t.diagnostic(`${scheme}: least contrast ${Object.entries(least).map(([k, v]) => `${k} ${v.toFixed(2)}:1`).join(', ')}`);
    }

    // Good and warn told apart by colour with any colour vision: CIE76 distance of at least 20 (about ten just
    // noticeable differences) between the two tones' fill, outline and text, and between the panel's real and
    // fake bars, as seen with normal vision and as Machado 2009 simulates protanopia and deuteranopia.
    for (const scheme of SCHEMES) {
      const tone = (name) => samples.find((x) => x.scheme === scheme && x.tone === name);
      const [good, warn] = [tone('good'), tone('warn')];
      const bars = samples.find((x) => x.scheme === scheme && x.panel.fills.real && x.panel.fills.fake)?.panel.fills;
      assert.ok(bars, 'a panel drew the real and fake bars');
      const pairs = { fill: [good.badge.background, warn.badge.background], outline: [good.badge.border, warn.badge.border],
        text: [good.badge.text, warn.badge.text], bars: [bars.real, bars.fake] };
      for (const [what, [a, b]] of Object.entries(pairs)) {
        const seen = Object.keys(VISIONS).map((vision) => [vision, deltaE(simulate(parseColour(a), vision), simulate(parseColour(b), vision))]);
        t.diagnostic(`${scheme}: ${what} ${hex(parseColour(a))} vs ${hex(parseColour(b))}: ΔE ${seen.map(([v, d]) => `${v} ${d.toFixed(1)}`).join(', ')}`);
        for (const [vision, d] of seen) assert.ok(d >= 20, `${scheme}: good and warn ${what} (${a}, ${b}) differ by ΔE ${d.toFixed(1)} with ${vision}`);
      }
    }

    // Never by colour alone: each tone draws its own border (good solid, warn double, muted dashed). Symbols and
    // words differ too where the badge judges an account (✓ likely real, ⚠ likely fake), but the audience badge
    // says "≈ N% real" in good and warn alike, so only the border tells those two apart without colour.
    for (const scheme of SCHEMES) {
      const borders = new Map(samples.filter((x) => x.scheme === scheme).map((x) => [x.tone, x.badge.borderStyle]));
      t.diagnostic(`${scheme}: borders ${[...borders].map(([tone, border]) => `${tone} ${border}`).join(', ')}`);
      assert.equal(new Set(borders.values()).size, borders.size, `${scheme}: each tone has a border of its own (${JSON.stringify([...borders])})`);
      for (const x of samples.filter((s) => s.scheme === scheme)) {
        assert.equal(x.badge.borderStyle, borders.get(x.tone), `${scheme}: every ${x.tone} badge has the ${x.tone} border`);
      }
      for (const border of borders.values()) { // a double line under 3px draws as one
        assert.ok(!border.startsWith('double') || parseFloat(border.split(' ')[1]) >= 3, `${scheme}: ${border} shows as double`);
      }
    }
    assert.deepEqual(axeFound, [], 'axe-core finds nothing wrong with any badge and its panel in the dark scheme');
  });

  itAskedOnlyTheFixtureSites(session);
});

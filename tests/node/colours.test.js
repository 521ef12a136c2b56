// The colour arithmetic of the e2e colour scenario (tests/e2e/lib/colours.js) against published values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrast, deltaE, lab, over, parseColour, simulate } from '../e2e/lib/colours.js';

const rgb = (r, g, b) => ({ r, g, b, a: 1 });
const near = (actual, expected, within, what) => assert.ok(Math.abs(actual - expected) <= within, `${what}: ${actual}, not ${expected}`);

describe('colour arithmetic', () => {
  it('reads computed colours, with or without alpha', () => {
    assert.deepEqual(parseColour('rgb(12, 34, 56)'), { r: 12, g: 34, b: 56, a: 1 });
    assert.deepEqual(parseColour('rgba(1, 2, 3, 0.5)'), { r: 1, g: 2, b: 3, a: 0.5 });
    assert.deepEqual(parseColour('rgb(1 2 3 / 50%)'), { r: 1, g: 2, b: 3, a: 0.5 });
    assert.throws(() => parseColour('color(srgb 1 0 0)'));
    assert.deepEqual(over({ r: 0, g: 0, b: 0, a: 0.5 }, rgb(255, 255, 255)), { r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });

  it('gives WCAG\'s contrast ratios: 21:1 for black on white, 4.54:1 for #767676 on white', () => {
    assert.equal(contrast(rgb(0, 0, 0), rgb(255, 255, 255)), 21);
    near(contrast(rgb(0x76, 0x76, 0x76), rgb(255, 255, 255)), 4.54, 0.005, '#767676');
    assert.equal(contrast(rgb(10, 20, 30), rgb(10, 20, 30)), 1);
  });

  it('gives CIE L*a*b* (D65) and CIE76 differences', () => {
    lab(rgb(255, 0, 0)).forEach((v, i) => near(v, [53.24, 80.09, 67.20][i], 0.01, `red's Lab[${i}]`));
    lab(rgb(255, 255, 255)).forEach((v, i) => near(v, [100, 0, 0][i], 1e-4, `white's Lab[${i}]`));
    near(deltaE(rgb(0, 0, 0), rgb(255, 255, 255)), 100, 1e-4, 'black to white');
  });

  it('simulates dichromacy: greys stay, red and green fall together, blue and orange stay apart', () => {
    for (const vision of ['protanopia', 'deuteranopia']) {
      const grey = simulate(rgb(128, 128, 128), vision);
      for (const v of [grey.r, grey.g, grey.b]) near(v, 128, 0.01, `${vision} grey`);
      assert.ok(deltaE(simulate(rgb(255, 0, 0), vision), simulate(rgb(0, 128, 0), vision)) < 30, `${vision}: red and green close`);
      assert.ok(deltaE(simulate(rgb(0, 0, 255), vision), simulate(rgb(255, 165, 0), vision)) > 100, `${vision}: blue and orange apart`);
    }
    assert.ok(deltaE(rgb(255, 0, 0), rgb(0, 128, 0)) > 100, 'red and green apart with normal vision');
  });
});

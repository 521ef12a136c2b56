// The icon: rendered from extension/icons/icon.svg into both builds at every size the manifests name, and
// legible at 16 px on a light and on a dark toolbar, judged from the rendered PNG's own pixels.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readPng } from '../../scripts/lib/png.mjs';
import { ICON_MARGIN, ICON_SIZES } from '../../scripts/render-icons.mjs';
import { contrast, over } from '../e2e/lib/colours.js';
import { root } from './helpers.js';

// Chromium's toolbar colours (light and dark themes); Firefox's default toolbars are close to these.
const TOOLBARS = { light: { r: 0xf1, g: 0xf3, b: 0xf4, a: 1 }, dark: { r: 0x20, g: 0x21, b: 0x24, a: 1 } };
// WCAG 2.2 SC 1.4.11 (non-text contrast): parts of a graphic needed to understand it reach 3:1 against
// adjacent colours (https://www.w3.org/TR/WCAG22/#non-text-contrast).
const GRAPHIC_CONTRAST = 3;
const OPAQUE = 0.9; // a pixel this opaque belongs to the shape; lighter ones are its anti-aliased rim

const builds = {};
let out;

function pixelAt({ width, rgba }, x, y) {
  const i = (y * width + x) * 4;
  return { r: rgba[i], g: rgba[i + 1], b: rgba[i + 2], a: rgba[i + 3] / 255 };
}

// The shape's opaque pixels, each with whether it lies on the shape's edge (a 4-neighbour outside the shape).
function shape(image) {
  const inside = (x, y) => x >= 0 && y >= 0 && x < image.width && y < image.height && pixelAt(image, x, y).a >= OPAQUE;
  const pixels = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!inside(x, y)) continue;
      const edge = [[1, 0], [-1, 0], [0, 1], [0, -1]].some(([dx, dy]) => !inside(x + dx, y + dy));
      pixels.push({ colour: pixelAt(image, x, y), edge });
    }
  }
  return pixels;
}

describe('extension icon', () => {
  before(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'truefollow-icons-'));
    for (const browser of ['chrome', 'firefox']) {
      const dir = path.join(out, browser);
      execFileSync('node', [path.join(root, 'scripts/build-extension.mjs'), browser, dir], { stdio: 'pipe' });
      builds[browser] = { dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) };
    }
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('renders every size into both builds, each PNG as wide and high as its size', () => {
    for (const [browser, { dir, manifest }] of Object.entries(builds)) {
      assert.deepEqual(Object.keys(manifest.icons).map(Number), ICON_SIZES, `${browser} manifest icons`);
      for (const size of ICON_SIZES) {
        const file = path.join(dir, manifest.icons[size]);
        assert.ok(fs.existsSync(file), `${browser} ${manifest.icons[size]}`);
        const { width, height } = readPng(fs.readFileSync(file));
        assert.deepEqual({ width, height }, { width: size, height: size }, `${browser} ${manifest.icons[size]}`);
      }
    }
  });

  it('leaves the Chrome Web Store\'s transparent margin round the 128 px icon and draws up to it', () => {
    const image = readPng(fs.readFileSync(path.join(builds.chrome.dir, builds.chrome.manifest.icons[128])));
    const margin = ICON_MARGIN[128];
    let top = image.height, bottom = -1, left = image.width, right = -1;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        if (pixelAt(image, x, y).a === 0) continue;
        top = Math.min(top, y); bottom = Math.max(bottom, y); left = Math.min(left, x); right = Math.max(right, x);
      }
    }
    assert.ok(left >= margin && top >= margin && right < image.width - margin && bottom < image.height - margin,
      `drawn within ${margin} px of every edge: x ${left}-${right}, y ${top}-${bottom}`);
    // The shield is taller than wide: its height spans at least 90% of the square inside the margin.
    const inner = image.width - 2 * margin;
    assert.ok(Math.max(right - left, bottom - top) + 1 >= 0.9 * inner,
      `and fills the ${inner} px square inside (x ${left}-${right}, y ${top}-${bottom})`);
  });

  it('gives the toolbar button and the options page the rendered icons', () => {
    for (const { dir, manifest } of Object.values(builds)) {
      for (const [size, file] of Object.entries(manifest.action.default_icon)) {
        assert.equal(file, manifest.icons[size], `action icon ${size} is the ${size} px rendering`);
      }
      const options = fs.readFileSync(path.join(dir, manifest.options_ui.page), 'utf8');
      const src = /<img[^>]*\bsrc="([^"]+)"/.exec(options)?.[1];
      assert.ok(Object.values(manifest.icons).includes(src), `options page shows a rendered icon (${src})`);
    }
  });

  for (const [toolbar, background] of Object.entries(TOOLBARS)) {
    it(`stands out at 16 px on a ${toolbar} toolbar (${GRAPHIC_CONTRAST}:1 all round its edge)`, () => {
      const image = readPng(fs.readFileSync(path.join(builds.chrome.dir, builds.chrome.manifest.icons[16])));
      const pixels = shape(image);
      // A shape, not a speck: at least half the 16 x 16 square.
      assert.ok(pixels.length >= 128, `${pixels.length} opaque pixels`);
      const edge = pixels.filter((p) => p.edge);
      const weak = edge.filter((p) => contrast(over(p.colour, background), background) < GRAPHIC_CONTRAST);
      assert.equal(weak.length, 0, `${weak.length} of ${edge.length} edge pixels under ${GRAPHIC_CONTRAST}:1 on ${toolbar}`);
    });
  }

  it('draws its check mark at 16 px in a colour that stands out from the shape it sits on', () => {
    const image = readPng(fs.readFileSync(path.join(builds.chrome.dir, builds.chrome.manifest.icons[16])));
    const pixels = shape(image);
    // The shape's own colour: the commonest opaque colour.
    const counts = new Map();
    for (const { colour: { r, g, b } } of pixels) counts.set(`${r},${g},${b}`, (counts.get(`${r},${g},${b}`) ?? 0) + 1);
    const [r, g, b] = [...counts].sort((x, y) => y[1] - x[1])[0][0].split(',').map(Number);
    const body = { r, g, b, a: 1 };
    const mark = pixels.filter((p) => contrast(over(p.colour, body), body) >= GRAPHIC_CONTRAST);
    // At least 16 pixels: a mark two pixels wide over eight, not a stray dot.
    assert.ok(mark.length >= 16, `${mark.length} pixels of the mark reach ${GRAPHIC_CONTRAST}:1 on the shape`);
  });
});

#!/usr/bin/env node
// Renders extension/icons/icon.svg to the PNG sizes the browsers ask for (toolbar 16 and 32, extensions page
// 48 and 96, store and install dialog 128) with rsvg-convert (Debian's librsvg2-bin, scripts/deps.sh).
//
//   node scripts/render-icons.mjs OUT_DIR      writes OUT_DIR/icon-16.png ... OUT_DIR/icon-128.png
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SOURCE = path.join(root, 'extension', 'icons', 'icon.svg');
export const ICON_SIZES = [16, 32, 48, 96, 128];
// The Chrome Web Store's 128 px icon: the drawing 96 px wide with 16 px of transparent margin on each side
// (developer.chrome.com/docs/webstore/images, "Extension icon"). The smaller sizes fill their square.
export const ICON_MARGIN = { 128: 16 };
export const iconFile = (size) => `icon-${size}.png`;

export function renderIcons(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const margin = ICON_MARGIN[size] ?? 0;
    const drawn = String(size - 2 * margin);
    try {
      execFileSync('rsvg-convert', ['--width', drawn, '--height', drawn, '--page-width', String(size), '--page-height', String(size),
        '--left', String(margin), '--top', String(margin), '--format', 'png',
        '--output', path.join(outDir, iconFile(size)), ICON_SOURCE], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      const why = error.code === 'ENOENT' ? 'rsvg-convert is missing: run make deps (librsvg2-bin)' : String(error.stderr || error.message);
      throw new Error(`cannot render ${path.relative(root, ICON_SOURCE)} at ${size} px: ${why.trim()}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [outDir] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: render-icons.mjs OUT_DIR');
    process.exit(2);
  }
  renderIcons(outDir);
}

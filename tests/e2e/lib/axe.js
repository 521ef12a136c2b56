// axe-core in a page: the violations it finds, as "id: help (targets)" lines.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './fixture-sites.js';

const AXE = fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// The badge and its panel, checked inside their open shadow roots.
export const BADGE_AND_PANEL = ['[data-truefollow-badge]', '[data-truefollow-panel]'];

/** axe-core on the elements the selectors name that are in the page (include), or on the whole document (null). */
export async function axeViolations(page, include) {
  // Evaluated by the test driver, which is not bound by the page's CSP (extension pages allow no inline script).
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(`${AXE};void 0`);
  return page.evaluate(async (selectors) => {
    const context = selectors ? { include: selectors.filter((s) => document.querySelector(s)) } : document;
    const result = await window.axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, include ?? null);
}

/*
 * The fixture web: answers requests for the real sites' URLs from the files under tests/fixtures, so the
 * browsers under test (and the demo) never reach the network. Each platform is a folder
 * tests/fixtures/<platform>/ with a site.mjs exporting {hosts, route(url) -> {file, type} | {body, type, status?, headers?} | null, demoPages};
 * adding a platform is adding such a folder. Anything not routed gets a 404, and is recorded. A site whose answers
 * change from visit to visit (X's growingstar) also exports newVisitor(): loadSites, called at each browser's launch,
 * calls it, so that every browser launched sees the site from its first visit, whatever ran before in the process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = path.join(root, 'tests', 'fixtures');

export async function loadSites() {
  const sites = [];
  for (const entry of fs.readdirSync(fixtures, { withFileTypes: true })) {
    const file = path.join(fixtures, entry.name, 'site.mjs');
    if (entry.isDirectory() && fs.existsSync(file)) {
      const site = await import(pathToFileURL(file).href);
      site.newVisitor?.();
      sites.push({ platform: entry.name, dir: path.dirname(file), ...site });
    }
  }
  return sites.sort((a, b) => a.platform.localeCompare(b.platform));
}

/** {status, contentType, headers, body} for a URL; 404 for anything the fixtures do not hold. */
export function answer(sites, href) {
  const url = new URL(href);
  const site = sites.find((s) => s.hosts.includes(url.hostname));
  const hit = url.protocol === 'https:' && site?.route(url);
  if (hit && typeof hit.body === 'string') { // generated, with the status and headers it asks for (Mastodon's Link)
    return { status: hit.status ?? 200, contentType: `${hit.type}; charset=utf-8`, headers: { 'access-control-allow-origin': '*', ...hit.headers }, body: hit.body };
  }
  const file = hit && path.resolve(site.dir, hit.file);
  if (!file || !file.startsWith(fixtures + path.sep) || !fs.existsSync(file)) {
    return { status: 404, contentType: 'text/plain', body: `no fixture for ${href}\n` };
  }
  // Public APIs (Bluesky's app view) answer other origins, as the real ones do.
  const headers = { 'access-control-allow-origin': '*' };
  return { status: 200, contentType: `${hit.type}; charset=utf-8`, headers, body: fs.readFileSync(file, 'utf8') };
}

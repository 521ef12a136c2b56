// Shared by the Node tests: paths, and the recorded responses in ../shared when this machine has them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cli = path.join(root, 'build', 'truefollow');
export const sharedFixtures = path.resolve(root, '..', 'shared', 'fixtures');
export const haveShared = fs.existsSync(sharedFixtures);
export const NOW = 1790000000; // a fixed "now", so ages and verdicts do not drift with the clock

export function sharedFixture(relative) {
  return path.join(sharedFixtures, relative);
}

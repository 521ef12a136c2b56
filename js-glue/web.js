// @ts-check
// The core in the extension's background worker: the ES-module build, copied beside this file.
import createTruefollowCore from './truefollow-core.mjs';
import { coreLoader } from './core.js';

export { CoreError } from './core.js';

export const loadCore = coreLoader(createTruefollowCore);

// Where the badge's answer comes from, in Firefox: see lib/content-core-scenarios.js.
import { launchFirefox } from './lib/browsers.js';
import { contentCoreScenarios } from './lib/content-core-scenarios.js';

contentCoreScenarios(launchFirefox, { forbidsWasmInContent: false });

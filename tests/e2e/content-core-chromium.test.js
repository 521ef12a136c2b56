// Where the badge's answer comes from, in Chromium: see lib/content-core-scenarios.js. Chromium holds a content
// script's WebAssembly to the page's content security policy.
import { launchChromium } from './lib/browsers.js';
import { contentCoreScenarios } from './lib/content-core-scenarios.js';

contentCoreScenarios(launchChromium, { forbidsWasmInContent: true });

// The extension end to end in Chromium (playwright-core): see lib/scenarios.js.
import { launchChromium } from './lib/browsers.js';
import { browserScenarios } from './lib/scenarios.js';

browserScenarios(launchChromium);

// The extension against a hostile page in Chromium: see lib/hostile-scenarios.js.
import { launchChromium } from './lib/browsers.js';
import { hostileScenarios } from './lib/hostile-scenarios.js';

hostileScenarios(launchChromium);

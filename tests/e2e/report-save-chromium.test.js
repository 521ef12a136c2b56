// "Save report" in the popup, in Chromium: see lib/report-save-scenarios.js.
import { launchChromium } from './lib/browsers.js';
import { reportSaveScenarios } from './lib/report-save-scenarios.js';

reportSaveScenarios(launchChromium);

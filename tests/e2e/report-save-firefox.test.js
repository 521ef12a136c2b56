// "Save report" in the popup, in Firefox: see lib/report-save-scenarios.js.
import { launchFirefox } from './lib/browsers.js';
import { reportSaveScenarios } from './lib/report-save-scenarios.js';

reportSaveScenarios(launchFirefox);

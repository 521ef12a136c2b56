// Audit mode, the chart, history, popup and options end to end in Firefox ESR (puppeteer-core over WebDriver BiDi): see lib/audit-mode-scenarios.js.
import { launchFirefox } from './lib/browsers.js';
import { auditModeScenarios } from './lib/audit-mode-scenarios.js';

auditModeScenarios(launchFirefox);

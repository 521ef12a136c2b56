// Audit mode, the chart, history, popup and options end to end in Chromium (playwright-core): see lib/audit-mode-scenarios.js.
import { launchChromium } from './lib/browsers.js';
import { auditModeScenarios } from './lib/audit-mode-scenarios.js';

auditModeScenarios(launchChromium);

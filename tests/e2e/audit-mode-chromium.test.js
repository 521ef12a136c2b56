// Extension part 2 end to end in Chromium (playwright-core): see lib/audit-mode-scenarios.js.
import { launchChromium } from './lib/browsers.js';
import { part2Scenarios } from './lib/audit-mode-scenarios.js';

part2Scenarios(launchChromium);

// Extension part 2 end to end in Firefox ESR (puppeteer-core over WebDriver BiDi): see lib/audit-mode-scenarios.js.
import { launchFirefox } from './lib/browsers.js';
import { part2Scenarios } from './lib/audit-mode-scenarios.js';

part2Scenarios(launchFirefox);

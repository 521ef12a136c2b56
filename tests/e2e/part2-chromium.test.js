// Extension part 2 end to end in Chromium (playwright-core): see lib/part2-scenarios.js.
import { launchChromium } from './lib/browsers.js';
import { part2Scenarios } from './lib/part2-scenarios.js';

part2Scenarios(launchChromium);

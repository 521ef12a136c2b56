// The extension end to end in Firefox ESR (puppeteer-core over WebDriver BiDi): see lib/scenarios.js.
import { launchFirefox } from './lib/browsers.js';
import { browserScenarios } from './lib/scenarios.js';

browserScenarios(launchFirefox);

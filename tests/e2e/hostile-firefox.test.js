// The extension against a hostile page in Firefox ESR: see lib/hostile-scenarios.js.
import { launchFirefox } from './lib/browsers.js';
import { hostileScenarios } from './lib/hostile-scenarios.js';

hostileScenarios(launchFirefox);

// Stored data survives upgrades, a killed browser and damaged records, in Firefox ESR: see lib/storage-scenarios.js.
import { launchFirefox } from './lib/browsers.js';
import { storageScenarios } from './lib/storage-scenarios.js';

storageScenarios(launchFirefox);

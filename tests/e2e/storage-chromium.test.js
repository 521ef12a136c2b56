// Stored data survives upgrades, a killed browser and damaged records, in Chromium: see lib/storage-scenarios.js.
import { launchChromium } from './lib/browsers.js';
import { storageScenarios } from './lib/storage-scenarios.js';

storageScenarios(launchChromium);

// The markers the test build's core hooks look for in the text they score (hooked-core.js), and the URL of the
// canary request: shared by the hooks, the fixture sites that serve them and the scenarios that set them off.
export const TRAP_MARK = 'truefollow-test:trap-core';
export const CANARY_MARK = 'truefollow-test:canary';
export const HANG_MARK = 'truefollow-test:hang-worker';
export const CANARY_URL = 'https://canary.truefollow.invalid/worker-request';

// @ts-check
/*
 * The browser's extension API, chosen in this one place: Firefox's `browser`, else Chromium's `chrome` (in
 * Manifest V3 both return promises from the calls the extension makes).
 *
 * A classic script, loaded first wherever the API is used: the content scripts (manifest.json), the popup and
 * the options page (their script lists, before the popup's module report-save.js); the worker imports it for
 * its side effect. Defines globalThis.truefollowApi.
 */
globalThis.truefollowApi = globalThis.browser ?? globalThis.chrome;

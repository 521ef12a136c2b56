// The emscripten module factory the wasm build writes beside web.js (build/wasm/web-*/truefollow-core.mjs,
// copied into the extension as core/truefollow-core.mjs): its type, for `tsc --noEmit` (make lint).
declare const createTruefollowCore: import('./core.js').CoreFactory;
export default createTruefollowCore;

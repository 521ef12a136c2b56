// The content scripts' core as the end-to-end tests' build has it (scripts/build/build-extension.mjs --test puts
// this text into core/content-core.js; releases never see it). A text carrying one of hooked-core.js's markers is
// refused here as a core that failed to load would refuse it, so the content script asks the worker, whose core
// has the hooks (a real trap, a canary request, a hang): those tests keep testing the worker's recovery.
// Text without a marker is scored exactly as in a release. A classic script's text, put after js-glue/core.js (for
// CoreError, which keeps this instance) and after HOOK_MARKS, the markers of hook-marks.js: no imports.
/* global HOOK_MARKS, CoreError */
// eslint-disable-next-line no-unused-vars -- called by the code the build puts after this text
function withContentHooks(module) {
  let score = module._tf_score_input;
  const hooked = (textPtr, textBytes, optionsPtr) => {
    const text = module.UTF8ToString(textPtr, textBytes);
    if (HOOK_MARKS.some((mark) => text.includes(mark))) throw new CoreError('test build: a hooked text is scored by the worker');
    return score(textPtr, textBytes, optionsPtr);
  };
  Object.defineProperty(module, '_tf_score_input', { configurable: true, enumerable: true, get: () => hooked, set: (fn) => { score = fn; } });
  return module;
}

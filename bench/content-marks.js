// The bench's marks in the isolated content script (copied into the bench's build only, run before the
// extension's own content scripts; bench/bench_browser.mjs), on the page's performance timeline, which the page
// world shares (the bench reads them there, on performance.timeOrigin's clock):
//   tf-bench:score-start / score-end   the core in the content script scoring a capture (core/content-core.js)
//   tf-bench:sent / replied            the content script handing a capture to the worker, and its reply
// Each mark's detail is the capture's URL.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const sendMessage = api.runtime.sendMessage.bind(api.runtime);
  api.runtime.sendMessage = (message, ...rest) => {
    const captured = message?.type === 'content/captured';
    if (captured) performance.mark('tf-bench:sent', { detail: message.url });
    const reply = sendMessage(message, ...rest);
    if (captured) reply.then(() => performance.mark('tf-bench:replied', { detail: message.url }), () => {});
    return reply;
  };
  // The content core is defined after this script: its loader is wrapped as it is set.
  let contentCore;
  Object.defineProperty(globalThis, 'truefollowContentCore', {
    configurable: true,
    get: () => contentCore,
    set(value) {
      const loadCore = () => value.loadCore().then((core) => ({
        score(text, options) {
          performance.mark('tf-bench:score-start', { detail: options?.url ?? '' });
          try {
            return core.score(text, options);
          } finally {
            performance.mark('tf-bench:score-end', { detail: options?.url ?? '' });
          }
        },
      }));
      contentCore = { ...value, loadCore };
    },
  });
})();

// The bench's marks in the isolated content script (copied into the bench's build only, run before the
// extension's own content scripts; bench/bench_browser.mjs): when the content script handed a capture to
// the worker (runtime.sendMessage called) and when the worker's reply came back to it. The page's performance
// timeline is shared with the page world, where the bench reads the marks (on performance.timeOrigin's clock).
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
})();

// The bench's marks inside the extension's worker (copied into the bench's build only, never into the
// extension; bench/bench_browser.mjs). Imported before background.js, so that the worker's own listener and
// storage calls go through these wrappers. Every time is performance.timeOrigin + performance.now(), so that
// the page's marks and these can be put on one line.
//   globalThis.truefollowBenchLog = {messages: [{type, received, answered}],
//                                     storage: [{op, keys, start, end}], core: [{op, start, end}],
//                                     started: this module ran, evaluated: the worker's modules all ran}
const api = globalThis.browser ?? globalThis.chrome;
const now = () => performance.timeOrigin + performance.now();
const log = { messages: [], storage: [], core: [], started: now(), evaluated: null };
globalThis.truefollowBenchLog = log;

// Each message: when the worker's listener got it, and when it called sendResponse.
const addListener = api.runtime.onMessage.addListener.bind(api.runtime.onMessage);
api.runtime.onMessage.addListener = (listener) => addListener((message, sender, sendResponse) => {
  const entry = { type: message?.type ?? null, received: now(), answered: null };
  log.messages.push(entry);
  return listener(message, sender, (reply) => {
    entry.answered = now();
    return sendResponse(reply);
  });
});

// Each storage.local call, from the call until its promise settled.
const area = api.storage.local;
for (const op of ['get', 'set', 'remove', 'clear']) {
  const original = area[op].bind(area);
  area[op] = (...args) => {
    const entry = { op, keys: keysOf(args[0]), start: now(), end: null };
    log.storage.push(entry);
    return original(...args).finally(() => { entry.end = now(); });
  };
}
function keysOf(arg) {
  if (arg == null) return ['*'];
  if (typeof arg === 'string') return [arg];
  if (Array.isArray(arg)) return arg;
  return Object.keys(arg);
}

export { log, now };

// The bench build's core/web.js (bench/bench_browser.mjs puts it in place of js-glue/web.js, which it keeps
// as core/web-unmarked.js): the same loader, each loadCore() wait and each call of the core marked in the
// worker's bench log (bench/worker-marks.js).
import { loadCore as load } from './web-unmarked.js';

export { CoreError } from './web-unmarked.js';

const now = () => performance.timeOrigin + performance.now();
const marked = new WeakMap();

function markedCore(core) {
  if (!marked.has(core)) {
    marked.set(core, new Proxy(core, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (typeof value !== 'function' || !['score', 'audit', 'history'].includes(key)) return value;
        return (...args) => {
          const entry = { op: key, start: now(), end: null };
          globalThis.truefollowBenchLog?.core.push(entry);
          try {
            return value.apply(target, args);
          } finally {
            entry.end = now();
          }
        };
      },
    }));
  }
  return marked.get(core);
}

export async function loadCore() {
  const entry = { op: 'load', start: now(), end: null };
  globalThis.truefollowBenchLog?.core.push(entry);
  try {
    return markedCore(await load());
  } finally {
    entry.end = now();
  }
}

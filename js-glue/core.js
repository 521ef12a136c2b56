// @ts-check
// The typed API around the wasm core, the same in Node and in the extension's background worker.
// Strings cross as UTF-8 (in: copied into wasm memory, out: read and freed with tf_free); a C error
// becomes a thrown CoreError carrying the C message. One memoised init per loader: every caller awaits
// the same instance, and a trap (an abort inside the core) discards it so the next call starts afresh.

/**
 * The emscripten module of the core, as this file uses it (wasm/exports.json lists the C functions; a pointer
 * is a number, 0 for NULL).
 * @typedef {object} CoreModule
 * @property {Uint8Array} HEAPU8
 * @property {(ptr: number) => string} UTF8ToString
 * @property {(bytes: number) => number} _malloc
 * @property {(ptr: number) => void} _free
 * @property {(ptr: number) => void} _tf_free
 * @property {() => number} _tf_version
 * @property {() => number} _tf_last_error
 * @property {(text: number, bytes: number, options: number) => number} _tf_score_input
 * @property {(text: number, bytes: number, options: number) => number} _tf_audit_input
 * @property {(text: number, bytes: number) => number} _tf_history_input
 * @property {(request: number) => number} _tf_report_html_input
 * @property {(text: number, lang: number) => number} _tf_count
 */
/**
 * An emscripten module factory (the build's truefollow-core.mjs or .cjs).
 * @typedef {(moduleOptions: {wasmBinary?: Uint8Array}) => Promise<CoreModule>} CoreFactory
 */

export class CoreError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'CoreError';
  }
}

class TruefollowCore {
  /** @type {CoreModule} */
  #m;

  /** @param {CoreModule} module */
  constructor(module) {
    this.#m = module;
  }

  get version() {
    return this.#m.UTF8ToString(this.#m._tf_version());
  }

  /** The size of the core's linear memory: it grows when an input needs it and never shrinks. */
  get memoryBytes() {
    return this.#m.HEAPU8.buffer.byteLength;
  }

  /**
   * Reads and scores one captured response: {status, message, accounts: [...], posts, model}.
   * @param {string} text
   * @param {object} [options]
   */
  score(text, options = {}) {
    return this.#report('_tf_score_input', text, options);
  }

  /**
   * Reads responses (JSON lines allowed) and estimates the audience: {status, message, audit}.
   * @param {string} text
   * @param {object} [options]
   */
  audit(text, options = {}) {
    return this.#report('_tf_audit_input', text, options);
  }

  /**
   * Which steps of a follower-count history are sudden jumps: {status, points, rule, jumps: [{index, t, from, to}]}.
   * @param {Array<{t: number, followers: number}>} points
   */
  history(points) {
    const text = JSON.stringify({ points });
    return this.#withStrings([text], ([textPtr], [textBytes]) => {
      const resultPtr = this.#m._tf_history_input(textPtr, textBytes);
      if (!resultPtr) throw new CoreError('out of memory reading a history');
      try {
        return JSON.parse(this.#m.UTF8ToString(resultPtr));
      } finally {
        this.#m._tf_free(resultPtr);
      }
    });
  }

  /**
   * The one-file HTML vetting report (wasm/src/report_html.h) of an audit as audit() gives it, the profile's own
   * account as score() gives it (or null), in a language of the extension: {audit, profile, inputs, lang, now, options};
   * or the vetting list's, several profiles side by side: {accounts: [{label, audit, profile}], lang, now}.
   * @param {object} request
   * @returns {string}
   */
  reportHtml(request) {
    return this.#withStrings([JSON.stringify(request)], ([requestPtr]) => {
      const resultPtr = this.#m._tf_report_html_input(requestPtr);
      if (!resultPtr) throw new CoreError('the report needs an audit object or an accounts list (or memory ran out)');
      try {
        return this.#m.UTF8ToString(resultPtr);
      } finally {
        this.#m._tf_free(resultPtr);
      }
    });
  }

  /**
   * The integer a count string means in a language: count('1,2 Mio.', 'de') === 1200000.
   * @param {string} text
   * @param {string} [lang]
   * @returns {number}
   */
  count(text, lang = '') {
    return this.#withStrings([String(text), String(lang)], ([textPtr, langPtr]) => {
      const value = this.#m._tf_count(textPtr, langPtr);
      if (value < 0) throw this.#lastError();
      return value;
    });
  }

  /**
   * @param {'_tf_score_input' | '_tf_audit_input'} fn
   * @param {string} text
   * @param {object} options
   */
  #report(fn, text, options) {
    if (typeof text !== 'string') throw new TypeError('the core reads text: pass the response as a string');
    const json = JSON.stringify({ now: Date.now() / 1000, ...options });
    return this.#withStrings([text, json], ([textPtr, optionsPtr], [textBytes]) => {
      const resultPtr = this.#m[fn](textPtr, textBytes, optionsPtr);
      if (!resultPtr) throw this.#lastError();
      try {
        return JSON.parse(this.#m.UTF8ToString(resultPtr));
      } finally {
        this.#m._tf_free(resultPtr);
      }
    });
  }

  #lastError() {
    return new CoreError(this.#m.UTF8ToString(this.#m._tf_last_error()));
  }

  /**
   * Copies each string into wasm memory as NUL-terminated UTF-8, calls use(pointers, byteLengths), and frees
   * every copy whatever happens.
   * @template T
   * @param {string[]} strings
   * @param {(pointers: number[], lengths: number[]) => T} use
   * @returns {T}
   */
  #withStrings(strings, use) {
    const pointers = [];
    const lengths = [];
    try {
      for (const s of strings) {
        const bytes = utf8.encode(s);
        const ptr = this.#m._malloc(bytes.length + 1);
        if (!ptr) throw new CoreError(`out of memory for a ${bytes.length}-byte input`);
        pointers.push(ptr);
        lengths.push(bytes.length);
        const heap = this.#m.HEAPU8; // read after the malloc, which may have grown the memory
        heap.set(bytes, ptr);
        heap[ptr + bytes.length] = 0;
      }
      return use(pointers, lengths);
    } finally {
      for (const ptr of pointers) this.#m._free(ptr);
    }
  }
}

// The platform's encoder, not emscripten's loop over every character in JavaScript: the response's text is
// encoded while the page waits for its next frame. A lone surrogate, which has no UTF-8 form, becomes U+FFFD,
// as a decoder does.
const utf8 = new TextEncoder();

/**
 * Returns init(): a memoised async function giving the one core instance built by `factory` (an
 * emscripten module factory). A trap inside the core (a RuntimeError, not a CoreError) drops the
 * instance, so the next init() builds a fresh one.
 * @param {CoreFactory} factory
 * @param {{wasmBinary?: Uint8Array}} [moduleOptions]
 * @returns {() => Promise<TruefollowCore>}
 */
export function coreLoader(factory, moduleOptions = {}) {
  /** @type {Promise<TruefollowCore> | null} */
  let instance = null;
  return function init() {
    instance ??= factory({ ...moduleOptions }).then(
      (module) => guard(new TruefollowCore(module), () => { instance = null; }),
      (error) => {
        instance = null;
        throw error;
      },
    );
    return instance;
  };
}

/**
 * The core behind a proxy that calls onTrap() when a method throws anything but the core's own errors.
 * @param {TruefollowCore} core
 * @param {() => void} onTrap
 * @returns {TruefollowCore}
 */
function guard(core, onTrap) {
  return new Proxy(core, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (/** @type {unknown[]} */ ...args) => {
        try {
          return value.apply(target, args);
        } catch (error) {
          if (!(error instanceof CoreError) && !(error instanceof TypeError)) onTrap();
          throw error;
        }
      };
    },
  });
}

// ESLint over every JavaScript file of the repository, with the globals of the world each one runs in
// (`make lint`, part of `make test`). The extension's classic scripts share what they define through
// globalThis, so no global of theirs needs declaring here.
import js from '@eslint/js';
import globals from 'globals';

const browserExtension = { ...globals.browser, ...globals.webextensions };

export default [
  { ignores: ['build/**', 'node_modules/**'] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused arguments document a callback's signature; unused variables are errors.
      // Keys left out of a copy by destructuring ({ omitted, ...rest }) are not unused.
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  // The extension's classic scripts: content scripts, the page world, the extension's pages.
  {
    files: ['extension/**/*.js'],
    languageOptions: { sourceType: 'script', globals: browserExtension },
  },
  // Its modules: the background worker and the popup's report saver.
  {
    files: ['extension/worker/*.js', 'extension/pages/report-save.js'],
    languageOptions: { sourceType: 'module', globals: { ...browserExtension, ...globals.serviceworker } },
  },
  // The core's loaders: shared (core.js), for the extension (web.js) and for Node (node.js).
  { files: ['js-glue/core.js', 'js-glue/web.js'], languageOptions: { globals: globals.browser } },
  { files: ['js-glue/node.js'], languageOptions: { globals: globals.node } },
  // Node tools and tests; the end-to-end tests, the bench and the screenshot scripts also hand functions to
  // the browser (page.evaluate), which run with the page's globals.
  {
    files: ['scripts/**/*.{js,mjs}', 'tests/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['tests/e2e/**/*.js', 'bench/**/*.{js,mjs}', 'scripts/docs/*.mjs', 'tests/fixtures/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...browserExtension } },
  },
];

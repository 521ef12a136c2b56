# ESLint over every JavaScript file (eslint.config.js: the globals of the world each file runs in), and TypeScript's
# checker over the files that say `// @ts-check` with their JSDoc types (tsconfig.json: js-glue/, extension/common/ and storage/),
# both from the npm pins in package.json. Part of `make test`.
lint: $(DEPS_STAMP)
	node_modules/.bin/eslint .
	node_modules/.bin/tsc -p tsconfig.json
.PHONY: lint

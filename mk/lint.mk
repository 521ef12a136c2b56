# ESLint over every JavaScript file (eslint.config.js: the globals of the world each file runs in), from the
# npm pins in package.json. Part of `make test`.
lint: $(DEPS_STAMP)
	node_modules/.bin/eslint .
.PHONY: lint

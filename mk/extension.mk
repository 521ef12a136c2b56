# The extension: built for Chromium and Firefox from the one source (extension/ and manifest.json).
test-e2e: chrome firefox
	node --test --test-concurrency=1 tests/e2e/

# Publishing: the icon is an input of every extension build (scripts/build/build-extension.mjs renders it with
# scripts/build/render-icons.mjs); `make release` packs both archives twice from clean and checks them (scripts/build/release.sh).
ICON_INPUTS := extension/icons/icon.svg scripts/build/render-icons.mjs
$(BUILD)/chrome/manifest.json $(BUILD)/firefox/manifest.json $(BUILD)/chrome-test/manifest.json $(BUILD)/firefox-test/manifest.json: $(ICON_INPUTS)

release: deps
	bash scripts/build/release.sh
.PHONY: release

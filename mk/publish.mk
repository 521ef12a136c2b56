# Publishing: the icon is an input of every extension build (scripts/build-extension.mjs renders it with
# scripts/render-icons.mjs); `make release` packs both archives twice from clean and checks them (scripts/release.sh).
ICON_INPUTS := extension/icons/icon.svg scripts/render-icons.mjs
$(BUILD)/chrome/manifest.json $(BUILD)/firefox/manifest.json $(BUILD)/chrome-test/manifest.json $(BUILD)/firefox-test/manifest.json: $(ICON_INPUTS)

release: deps
	bash scripts/release.sh
.PHONY: release

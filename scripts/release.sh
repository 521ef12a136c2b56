#!/usr/bin/env bash
# `make release`: both archives built twice from a clean build (the web release of the core included) and
# compared byte for byte, then their SHA-256 sums, Mozilla's linter on the Firefox archive's contents and the
# Chromium manifest check on the Chromium archive's contents. Fails on any difference, lint warning or problem.
#
# Writes build/truefollow-chrome.zip, build/truefollow-firefox.xpi and build/SHA256SUMS.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# One time stamp for every file in both rounds: the last commit's, unless the caller fixes one.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
archives=(truefollow-chrome.zip truefollow-firefox.xpi)
work=build/release
rm -rf "$work"
mkdir -p "$work"

build_clean() {
  rm -rf build/chrome build/firefox build/wasm/web-release
  for a in "${archives[@]}"; do rm -f "build/$a"; done
  make --no-print-directory build/truefollow-chrome.zip build/truefollow-firefox.xpi >"$work/make-$1.log" 2>&1 \
    || { cat "$work/make-$1.log" >&2; echo "release: build $1 failed" >&2; exit 1; }
  mkdir -p "$work/$1"
  for a in "${archives[@]}"; do cp "build/$a" "$work/$1/$a"; done
}

version=$(node -p "require('./manifest.json').version")
echo "release: truefollow $version, files stamped $(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)"
build_clean first
build_clean second
for a in "${archives[@]}"; do
  if ! cmp -s "$work/first/$a" "$work/second/$a"; then
    echo "release: $a differs between two clean builds:" >&2
    cmp "$work/first/$a" "$work/second/$a" >&2 || true
    exit 1
  fi
  echo "release: $a identical in two clean builds ($(stat -c %s "build/$a") bytes)"
done

(cd build && sha256sum "${archives[@]}" > SHA256SUMS)
sed 's/^/release: /' build/SHA256SUMS

# The checks read what ships: the archives unpacked.
for a in "${archives[@]}"; do
  rm -rf "$work/unpacked/${a%.*}" && mkdir -p "$work/unpacked/${a%.*}"
  (cd "$work/unpacked/${a%.*}" && unzip -q "$top/build/$a")
done
node_modules/.bin/web-ext lint --source-dir "$work/unpacked/truefollow-firefox" --warnings-as-errors --output text \
  >"$work/web-ext-lint.txt" 2>&1 || { cat "$work/web-ext-lint.txt" >&2; echo "release: web-ext lint failed" >&2; exit 1; }
echo "release: web-ext lint passes on truefollow-firefox.xpi"
node scripts/check-chrome-manifest.mjs "$work/unpacked/truefollow-chrome" | sed 's/^/release: /'

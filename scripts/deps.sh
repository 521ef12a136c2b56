#!/usr/bin/env bash
# Installs everything the build and the tests need (fonts-noto-cjk: Japanese text in the browsers' screenshots), from Debian's packages and the npm registry only,
# and unpacks cJSON from Debian's (security-patched) source package, pinned and checksum-checked.
# Idempotent: a second run finds everything in place and changes nothing.
set -euo pipefail

CJSON_VERSION=1.7.15-1+deb12u4
CJSON_DSC_SHA256=764c2de141d680f4fb4cada30c526dacaa30ead061b9b9c34f2b81e2df0f8439
CJSON_ORIG_SHA256=5308fd4bd90cef7aa060558514de6a1a4a0819974a26e6ed13973c5f624c24b2
CJSON_DEBIAN_SHA256=afd19a970966cf534ff1e9ec077d710a5e7e78eb4ec9b499c8bdc32e55da12cb

PACKAGES=(build-essential emscripten clang libclang-rt-14-dev chromium firefox-esr libxgboost-dev
          libcmocka-dev valgrind dpkg-dev zip librsvg2-bin fonts-noto-cjk)
# Node.js and npm: the machine's own where present (Node 20 or later), Debian's otherwise.
command -v node >/dev/null && command -v npm >/dev/null || PACKAGES+=(nodejs npm)

top=$(cd "$(dirname "$0")/.." && pwd)
deps="$top/build/deps"
mkdir -p "$deps"

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# cJSON: Debian's source package through a private sources folder, so the machine's apt setup is untouched.
cjson_dir="$deps/cjson-$CJSON_VERSION"
if [ ! -f "$cjson_dir/cJSON.c" ]; then
  apt_dir="$deps/apt"
  mkdir -p "$apt_dir/parts" "$apt_dir/lists/partial" "$deps/src"
  cat > "$apt_dir/parts/debian-src.sources" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_opts=(-o Dir::Etc::SourceParts="$apt_dir/parts" -o Dir::Etc::SourceList=/dev/null
            -o Dir::State::Lists="$apt_dir/lists" -o APT::Sandbox::User=root)
  apt-get "${apt_opts[@]}" update -qq
  (cd "$deps/src" && apt-get "${apt_opts[@]}" source --download-only -qq "cjson=$CJSON_VERSION")
  (cd "$deps/src" && sha256sum -c --quiet - <<SUMS
$CJSON_DSC_SHA256  cjson_$CJSON_VERSION.dsc
$CJSON_ORIG_SHA256  cjson_1.7.15.orig.tar.gz
$CJSON_DEBIAN_SHA256  cjson_$CJSON_VERSION.debian.tar.xz
SUMS
  )
  rm -rf "$cjson_dir.tmp"
  # dpkg-source applies Debian's patches (the security fixes) on unpacking.
  (cd "$deps/src" && dpkg-source --no-check -x "cjson_$CJSON_VERSION.dsc" "$cjson_dir.tmp" >/dev/null)
  mv "$cjson_dir.tmp" "$cjson_dir"
fi
ln -sfn "cjson-$CJSON_VERSION" "$deps/cjson"

# npm packages, exactly as pinned in package-lock.json; no package downloads a browser of its own.
if [ ! -d "$top/node_modules" ] || [ "$top/package-lock.json" -nt "$top/node_modules/.package-lock.json" ]; then
  (cd "$top" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "deps: ready (cJSON $CJSON_VERSION)"

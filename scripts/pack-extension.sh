#!/usr/bin/env bash
# Packs an unpacked extension build into an archive (.zip for Chromium, .xpi for Firefox) whose bytes depend
# only on the files' names and contents: every file stamped with one time (SOURCE_DATE_EPOCH, else the last
# commit's time), one mode, stored in byte order of its path, no directory entries, no extra attributes
# (zip -X: no uid/gid or extended timestamps), and zip's DOS times written in UTC.
#
#   scripts/pack-extension.sh BUILD_DIR ARCHIVE
set -euo pipefail
[ $# -eq 2 ] && [ -f "$1/manifest.json" ] || { echo "usage: pack-extension.sh BUILD_DIR ARCHIVE (BUILD_DIR holds a manifest.json)" >&2; exit 2; }
dir=$1
archive=$(realpath -m "$2")
top=$(cd "$(dirname "$0")/.." && pwd)
# 315964800 is 1980-01-06, inside zip's DOS date range, for a tree with no git history.
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct 2>/dev/null || echo 315964800)}

find "$dir" -type d -exec chmod 755 {} +
find "$dir" -type f -exec chmod 644 {} +
find "$dir" -exec touch -h -d "@$epoch" {} +
rm -f "$archive"
(cd "$dir" && find . -type f -printf '%P\n' | LC_ALL=C sort | TZ=UTC zip -q -X -D -@ "$archive")

#!/usr/bin/env bash
# Fails when translations/*.ts are behind the code: lupdate over the current sources, run on
# copies, must neither add a message (new text to translate) nor retire one, and must not
# warn (a tr() it cannot place is a string no catalogue will ever translate).
#   ts_up_to_date.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src"/translations/*.ts "$tmp"/
# The options of the update_translations target, without -no-obsolete: a retired message
# must show up here as vanished instead of silently disappearing.
"$lupdate" -locations none -source-language en "$src/app" "$src/models" "$src/ui" \
    -ts "$tmp"/*.ts >"$tmp/lupdate.log" 2>&1
rc=0
if grep -E '^/.*:[0-9]+: ' "$tmp/lupdate.log"; then
    echo "lupdate warnings above: these strings cannot be translated as written" >&2
    rc=1
fi
for ts in "$tmp"/*.ts; do
    # The source of every message whose translation lupdate marked as not done or gone.
    stale=$(awk '/<source>/ { src = $0 }
                 /type="(unfinished|vanished|obsolete)"/ { print "  " src }' "$ts")
    if [ -n "$stale" ]; then
        echo "$(basename "$ts") is out of date with the sources:" >&2
        echo "$stale" >&2
        rc=1
    fi
done
if [ $rc -ne 0 ]; then
    echo "Run: cmake --build build --target update_translations, then translate the new entries." >&2
fi
exit $rc

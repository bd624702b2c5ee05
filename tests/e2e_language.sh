#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: the language chooser. The config says German; on home a long OK
# opens the chooser at Deutsch, Down moves to Français, OK chooses it. The choice is
# saved in DATA_DIR/language, the next start is in French whatever the config
# says, and home's screenshot reads differently before and after. The
# environment asks for a locale that does not exist (a fresh Debian root has
# none): the translations must not depend on it.
# Usage: e2e_language.sh REHAB_MIRROR_BINARY OUTPUT_DIR
set -euo pipefail
bin=$1
out=$2
rm -rf "$out"
mkdir -p "$out/shots1" "$out/shots2" "$out/data"
fail() { echo "FAIL: $*" >&2; exit 1; }
export LC_ALL=xx_NO.UTF-8 LANG=xx_NO.UTF-8
unset LANGUAGE
printf '[station]\nlanguage = de\n' > "$out/station.conf"
printf '1 ok long\n2 down\n3 ok\n' > "$out/buttons.txt"

run() { # run SHOTS_DIR BUTTONS
  "$bin" --config "$out/station.conf" --virtual-clock --software-renderer --no-sound \
    --window 800x480 --camera synthetic --buttons "script:$2" --data-dir "$out/data" \
    --screenshot-dir "$1" --exit-after 5 2>> "$out/stderr.txt" || fail "exit status $?"
}
run "$out/shots1" "$out/buttons.txt"
grep -q "language 'de'$" "$out/stderr.txt" || fail "did not start in the config's German"
ls "$out/shots1" | grep -q language || fail "no language screen shot"
grep -q "language changed to 'fr'" "$out/stderr.txt" || fail "the choice was not applied"
[ "$(cat "$out/data/language")" = fr ] || fail "DATA_DIR/language is '$(cat "$out/data/language")'"

: > "$out/none.txt"
run "$out/shots2" "$out/none.txt"
grep -q "language 'fr' (chosen on the station)" "$out/stderr.txt" ||
  fail "the next start is not in the chosen French"
first=$(ls "$out/shots1" | head -1)
again=$(ls "$out/shots2" | head -1)
cmp -s "$out/shots1/$first" "$out/shots2/$again" && fail "home looks the same in German and French"
echo "e2e_language: chosen on the station, saved, used at the next start"

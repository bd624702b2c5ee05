#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The `translations` test: every shipped language is complete.
# - The msgids are collected afresh from the sources (scripts/update-po OUT),
#   so a string added to the code without a translation fails here.
# - Each po/CODE.po, merged with them, must have every message translated:
#   none untranslated, none fuzzy (msgfmt --statistics), none obsolete-only,
#   and msgfmt --check must pass (format strings agree with the msgid).
# - The bundled programme's name, titles and cues are msgids
#   (po/bundled-programme.c), so they are shown in the station's language.
# - The po files and app/core/languages.c list the same languages.
# Prints each problem and exits 1 if there is any.
# Usage: check_po.sh SOURCE_DIR
set -euo pipefail
top=$1
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

scripts/update-po "$tmp/rehab-mirror.pot"
total=$(msgattrib --no-wrap "$tmp/rehab-mirror.pot" | grep -c '^msgid "' || true)
total=$((total - 1)) # the header
[ "$total" -gt 100 ] || bad "only $total msgids found in the sources"

shipped=$(sed -n 's/^    { "\([a-z][a-z]\)", ".*" },$/\1/p' app/core/languages.c | sort | xargs)
expect=$( (echo en; ls po/*.po | sed 's|po/\(.*\)\.po|\1|') | sort | xargs)
[ "$shipped" = "$expect" ] || bad "app/core/languages.c lists '$shipped', po/ and English make '$expect'"

for po in po/*.po; do
  lang=$(basename "$po" .po)
  msgmerge --quiet --no-wrap -o "$tmp/$lang.po" "$po" "$tmp/rehab-mirror.pot"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) ||
    bad "$lang: msgfmt --check: $stats"
  echo "$lang: $stats"
  case $stats in
    *untranslated* | *fuzzy*) bad "$lang: not complete: $stats" ;;
  esac
  n=$(echo "$stats" | sed -n 's/^\([0-9]*\) translated message.*/\1/p')
  [ "${n:-0}" -eq "$total" ] || bad "$lang: $n of $total messages translated"
  msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -A1 '^msgid "..*"' >&2 || true
done

# The bundled programme's texts: name, title and each cue.
ini=assets/programmes/runners-knee.ini
while IFS= read -r text; do
  [ -n "$text" ] || continue
  grep -qF "msgid \"$text\"" "$tmp/rehab-mirror.pot" ||
    bad "$ini: \"$text\" is not in po/bundled-programme.c"
done < <(sed -n 's/^\(name\|title\|cues\) *= *//p' "$ini" | tr '|' '\n' | sed 's/^ *//; s/ *$//')

[ $fail -eq 0 ] && echo "translations: $total messages, every language complete"
exit $fail

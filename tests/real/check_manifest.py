#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks tests/real/clips.tsv, the real-footage corpus manifest (see
tests/real/README.md): every row has its 15 tab-separated fields, a 40-hex
commit, a 64-hex sha256, a known exercise, as many return-to-rest times as its
count (rising, in ms; `-` for a negative), holds that are `-` or one TOP-LEAVE
(or `?`) per rep, each inside its rep, a known view, orientation, start and
split (`tuning` or `held-out`), a name used once, and a file (sha256) used
once: the same footage committed to two repositories is one clip, not two. Prints `N passed, N failed` (one check
per row) and exits 1 on any failure."""
import re
import sys

EXERCISES = {"bridge", "clamshell", "quad-set", "generic"}
VIEWS = {"side", "front", "top", "oblique"}
ORIENTATIONS = {"landscape", "portrait"}
STARTS = {"rest", "midrep", "top"}
SPLITS = {"tuning", "held-out"}


def check_holds(holds, times):
    """`-`, or per rep TOP-LEAVE (ms: the top reached, the top left) or `?`;
    each top after the previous rep's return, each leave before its own."""
    if holds == "-":
        return None
    items = holds.split(",")
    if len(items) != len(times):
        return f"{len(items)} holds for {len(times)} reps"
    for i, item in enumerate(items):
        if item == "?":
            continue
        try:
            top, leave = (int(x) for x in item.split("-"))
        except ValueError:
            return f"hold {item!r}"
        after = times[i - 1] if i else 0
        if not after <= top <= leave < times[i]:
            return f"hold {item} must lie between the returns {after} and {times[i]}"
    return None


def check(row):
    f = row.rstrip("\n").split("\t")
    if len(f) != 15:
        return f"{len(f)} fields, want 15"
    name, repo, commit, path, sha, ex, count, ends, holds, view, orient, start, split, lic, cav = f
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        return f"name {name!r}"
    if "/" not in repo or not re.fullmatch(r"[0-9a-f]{40}", commit) or not path:
        return "repository, commit or path"
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        return "sha256"
    if ex not in EXERCISES:
        return f"exercise {ex!r}"
    if not count.isdigit():
        return f"count {count!r}"
    try:
        times = [] if ends.strip() == "-" else [int(t) for t in ends.split(",")]
    except ValueError:
        return f"rep times {ends!r}"
    if len(times) != int(count):
        return f"{len(times)} rep times for a count of {count}"
    if any(t <= 0 for t in times) or times != sorted(times):
        return "rep times must be positive and rising"
    why = check_holds(holds, times)
    if why:
        return why
    if view not in VIEWS or orient not in ORIENTATIONS or start not in STARTS:
        return f"view/orientation/start {view}/{orient}/{start}"
    if split not in SPLITS:
        return f"split {split!r}"
    if not lic or not cav:
        return "licence and caveats must be given"
    return None


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/real/clips.tsv"
    rows = open(path, encoding="utf-8").read().splitlines()[1:]
    passed = failed = 0
    seen, files = set(), {}
    for i, row in enumerate(rows, start=2):
        f = row.split("\t")
        name, sha = f[0], f[4] if len(f) > 4 else ""
        why = (check(row) or (f"name {name} used twice" if name in seen else None)
               or (f"the same file as {files[sha]}" if sha in files else None))
        seen.add(name)
        files.setdefault(sha, name)
        if why:
            failed += 1
            print(f"FAIL {path}:{i}: {name}: {why}")
        else:
            passed += 1
    if passed + failed == 0:
        failed = 1
        print(f"FAIL {path}: no clips")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

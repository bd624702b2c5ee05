#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compares tests/real/second-look.tsv, a blind second labelling of 30 clips
of the corpus (tests/real/README.md, "A second look"), with their rows in
tests/real/clips.tsv: how many counts agree, exactly and within one, and how far
apart the two labellers put the same returns to rest. Checks the file on the
way (every name in the manifest, a count and as many rising times, sure or
unsure) and exits 1 when it is malformed; the agreement itself is a figure
to read, not a target.
Usage: second_look.py [SECOND_LOOK_TSV [MANIFEST_TSV]]"""
import csv
import os
import statistics
import sys

here = os.path.dirname(os.path.abspath(__file__))
second = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "second-look.tsv")
manifest = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "clips.tsv")


def times(field):
    return [] if field == "-" else [int(x) for x in field.split(",")]


first = {r["name"]: r for r in csv.DictReader(open(manifest), delimiter="\t")}
rows = list(csv.DictReader(open(second), delimiter="\t"))
bad = []
for r in rows:
    try:
        ends = times(r["rep_end_ms"])
        ok = (r["name"] in first and int(r["count"]) == len(ends) and ends == sorted(ends)
              and r["sure"] in ("sure", "unsure"))
    except (ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        bad.append(r.get("name"))
if bad or not rows:
    print(f"second_look: malformed rows: {bad or 'none at all'}")
    sys.exit(1)

same = near = 0
gaps = []
for r in rows:
    a, b = int(first[r["name"]]["count"]), int(r["count"])
    same += a == b
    near += abs(a - b) <= 1
    if a != b:
        print(f"  {r['name']}: first {a}, second {b} ({r['sure']}): {r['note']}")
    theirs = times(first[r["name"]]["rep_end_ms"])
    for t in times(r["rep_end_ms"]):
        if theirs:
            nearest = min(theirs, key=lambda x: abs(x - t))
            if abs(nearest - t) <= 1500:
                gaps.append((t - nearest) / 1000)
n = len(rows)
print(f"counts: {same} of {n} the same, {near} within one")
if gaps:
    within = sum(abs(g) <= 0.3 for g in gaps)
    print(f"returns to rest: {len(gaps)} paired, median |second - first| "
          f"{statistics.median(abs(g) for g in gaps):.2f} s, {within} within 0.3 s, "
          f"mean {statistics.mean(gaps):+.2f} s")

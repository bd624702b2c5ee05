#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a soak day: the sessions the log holds against the ones planned, and
the station's resource figures after warm-up against those at the end.

Usage: check_day.py MODE EXPECT.json STATION_STDERR EXPORT.json
MODE is plain, asan or valgrind: which figures mean something in that run.

The figures come from the station's "resources" debug lines (station.c,
app/probe.h), written each time it is back home (once per session, with the
text and font caches emptied) and at the end. The start sample is the one after
the warm-up sessions (one of each kind, so every screen, cache, prepared
statement and font has been used once); the end sample is the last.

Tolerances, and why:
- open file descriptors and threads: none more. Every descriptor the station
  opens for a session (fonts are closed with the caches) is closed again.
- heap in use outside SQLite: 4 KiB. The soak runs without sound (the SDL
  audio queue would add 0-4 packets of 8 KiB depending on wall-clock timing)
  and, in the plain build, without glibc's thread cache (GLIBC_TUNABLES), so
  the figure is exact: it did not move by a byte over a day in either build.
  4 KiB leaves room for a library's one-off allocation, and is still less
  than one leaked string per session over the day.
- SQLite's own memory: 256 KiB. Its page cache grows with the database (a few
  KiB a session) up to cache_size (2 MiB), so it is bounded, not a leak.
- resident memory (plain build only): 1 MiB over the most the warm-up had
  resident. Pages stay resident after free and the allocator keeps freed
  chunks; a real leak shows first in the heap.
  Under ASan (quarantine) and valgrind (the tool's own memory and translation
  cache) the resident figure is reported, not checked; valgrind reports no
  heap figure (it replaces malloc), so its run relies on its leak check.
"""
import json
import re
import sys

LINE = re.compile(r"resources (home|end) at ([0-9.]+) s: rss_kb=(-?\d+) hwm_kb=(-?\d+) "
                  r"heap=(-?\d+) sqlite=(-?\d+) fds=(-?\d+) threads=(-?\d+)")
TOL_HEAP = 4 * 1024
TOL_SQLITE = 256 * 1024
TOL_RSS_KB = 1024


def samples(path):
    out = []
    with open(path, errors="replace") as f:
        for line in f:
            m = LINE.search(line)
            if m:
                out.append({"when": m[1], "t": float(m[2]), "rss_kb": int(m[3]),
                            "hwm_kb": int(m[4]), "heap": int(m[5]), "sqlite": int(m[6]),
                            "fds": int(m[7]), "threads": int(m[8])})
    return out


def check_sessions(expect, export, problems):
    got = [s["status"] for s in export["sessions"]]
    want = expect["statuses"]
    if got != want:
        problems.append(f"session statuses were {got}, planned {want}")
    open_ = [s["id"] for s in export["sessions"] if not s.get("ended")]
    if open_:
        problems.append(f"sessions never closed: {open_}")
    reps = sum(x["reps_done"] for s in export["sessions"] for x in s["sets"])
    cam = sum(x["camera_reps"] for s in export["sessions"] for x in s["sets"])
    print(f"soak: {len(got)} sessions ({', '.join(f'{got.count(k)} {k}' for k in sorted(set(got)))}), "
          f"{reps} reps of which {cam} counted by the camera")
    if cam == 0:
        problems.append("the camera counted no rep all day")


def check_growth(mode, expect, smp, problems):
    homes = [s for s in smp if s["when"] == "home"]
    ends = [s for s in smp if s["when"] == "end"]
    n = len(expect["statuses"])
    if len(homes) != n or len(ends) != 1:
        problems.append(f"{len(homes)} returns home and {len(ends)} end samples in the "
                        f"station's log; want {n} and 1 (is REHAB_MIRROR_LOG=debug set?)")
        return
    a, b = homes[expect["warmup"] - 1], ends[0]
    print(f"soak: start sample (after {expect['warmup']} warm-up sessions, {a['t']:.0f} s) "
          f"-> end ({b['t']:.0f} s):")
    for k, unit in (("rss_kb", "kB"), ("hwm_kb", "kB"), ("heap", "B"), ("sqlite", "B"),
                    ("fds", ""), ("threads", "")):
        print(f"  {k:7} {a[k]:>12} -> {b[k]:>12} {unit:2} ({b[k] - a[k]:+d})")
    for k, what in (("fds", "open file descriptors"), ("threads", "threads")):
        if b[k] > a[k]:
            problems.append(f"{what} grew from {a[k]} to {b[k]}")
    if mode != "valgrind":
        grew = (b["heap"] - b["sqlite"]) - (a["heap"] - a["sqlite"])
        if grew > TOL_HEAP:
            problems.append(f"heap outside SQLite grew by {grew} B (tolerance {TOL_HEAP})")
    if b["sqlite"] - a["sqlite"] > TOL_SQLITE:
        problems.append(f"SQLite's memory grew by {b['sqlite'] - a['sqlite']} B "
                        f"(tolerance {TOL_SQLITE})")
    # Against the most the warm-up had resident: the kernel may drop clean
    # pages (fonts, libraries) at any moment, so the figure right after the
    # warm-up can sit 1-2 MB under what the warm-up used (seen: 28032 kB with
    # a peak of 29760, the heap flat to the byte) and be faulted back later.
    base_rss = max(a["rss_kb"], a["hwm_kb"])
    if mode == "plain" and b["rss_kb"] - base_rss > TOL_RSS_KB:
        problems.append(f"resident memory grew by {b['rss_kb'] - base_rss} kB over the "
                        f"warm-up's peak (tolerance {TOL_RSS_KB})")


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("plain", "asan", "valgrind"):
        sys.exit(__doc__.split("\n\n")[1])
    mode = sys.argv[1]
    expect = json.load(open(sys.argv[2]))
    export = json.load(open(sys.argv[4]))
    problems = []
    check_sessions(expect, export, problems)
    check_growth(mode, expect, samples(sys.argv[3]), problems)
    for p in problems:
        print(f"FAIL: soak: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

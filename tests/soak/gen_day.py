#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the soak's day: a button script for the station on its virtual clock,
and the outcome each session must have in the adherence log.

Usage: gen_day.py --seed N --hours H --sessions K --warmup W PROGRAMME.ini OUTDIR
writes OUTDIR/buttons.txt (the station's --buttons script:FILE, commented
session by session) and OUTDIR/expect.json (the sessions' statuses in order,
how many of them the warm-up is, and the day's length in seconds).
The same seed always gives the same day.

Every session begins at home. Its presses follow one of the flows below and
are timed so that they land on the screen they are meant for, whatever the
camera does within generous margins:
- a block "by camera": OK on the introduction, then nothing while the synthetic
  person does every set (each set's reps at most REP_S[exercise] apart, after
  at most LEARN_S to learn the rest pose) and the rests run out by themselves;
- a block "by hand": OK through position, a quick OK per rep (faster than the
  camera could count one) and OK to skip each rest;
- "during a block": a moment EARLY_S after OK on a camera block's
  introduction; the first set is then under way (position or set screen), which
  is where the pause menu (long OK) is opened to resume, report pain, report a
  warning sign, skip or end.
After each session the station is left alone for at least GAP_MIN_S, more than
the 10 min after which an abandoned session ends itself (status "abandoned",
after 30 s of "Are you still there?") and the 2 min after
which the summary goes home, so the next session again starts at home. A few
gaps are hours long: the idle stretches of a day at home.

A pain stop (before a session or during it) and a warning sign stop the
station for the rest of that local day (STOP_KINDS). When the warm-up holds
every kind, it ends with them: the pain stop before a session as the last
session of the first local day, the pain stop during one as the only session
of the second, the warning sign as the only one of the third, the rest on the
fourth, each day starting after local midnight; later sessions are never
stops. The station's local time at second 0 (expect.json "start_local_s")
puts the first midnight just after the first stop; scripts/soak sets TZ to
make it so. --hours is then the least length of the whole run.
"""
import argparse
import configparser
import json
import os
import random
import sys

LEARN_S = 6.0                       # position screen until the set starts, at most
REP_S = {"clamshell": 10.0, "bridge": 11.0, "quad-set": 15.0, "generic": 15.0}
EARLY_S = (6.0, 14.0)               # "during a block": the first set's window
TAP_S = 0.4                         # between quick presses
GAP_MIN_S = 15 * 60                 # idle after a session, at least
IDLE_END_S = 10 * 60                # the station ends an abandoned session after this
KINDS = ["complete", "paused", "abandoned", "pain-before", "pain-during", "red-flag",
         "ended", "skipped"]
STATUS = {"complete": "completed", "paused": "completed", "abandoned": "abandoned",
          "pain-before": "stopped-pain", "pain-during": "stopped-pain", "red-flag": "red-flag",
          "ended": "ended", "skipped": "ended"}
STOP_KINDS = ("pain-before", "pain-during", "red-flag")  # no other session that local day
DAY_S = 24 * 3600
MIDNIGHT_MARGIN_S = 10 * 60               # between a day's last press and midnight
PAUSE_DOWNS = {"pain": 1, "red-flag": 2, "skip": 3, "end": 4}  # from "Resume"


def load_blocks(path):
    ini = configparser.ConfigParser(inline_comment_prefixes=(";", "#"))
    ini.read(path)
    rest = float(ini["programme"].get("rest_seconds", "45"))
    blocks = []
    for name in ini.sections():
        if name.startswith("exercise "):
            sec = ini[name]
            blocks.append({"exercise": sec.get("exercise", name.split()[1]),
                           "sets": int(sec.get("sets", "3")), "reps": int(sec.get("reps", "10"))})
    return blocks, rest


class Session:
    """Presses of one session, at times relative to its start."""

    def __init__(self, kind, blocks, rest, rng):
        self.kind, self.blocks, self.rest, self.rng = kind, blocks, rest, rng
        self.t, self.lines = 0.0, []
        self.idle_after = 0.0   # extra idle needed after the last press

    def press(self, button, note="", long=False, after=TAP_S):
        self.t += after
        self.lines.append((self.t, button + (" long" if long else ""), note))

    def start(self, pain):
        self.press("ok", "home -> pain check-in", after=0.0)
        for _ in range(pain):
            self.press("up")
        self.press("ok", f"pain {pain} -> " + ("pain stop" if pain > 5 else "first introduction"))

    def camera_budget(self, b):
        blk = self.blocks[b]
        per_set = LEARN_S + blk["reps"] * REP_S.get(blk["exercise"], 15.0)
        return blk["sets"] * per_set + (blk["sets"] - 1) * self.rest + 5.0

    def by_camera(self, b):
        self.press("ok", f"block {b + 1}: the camera counts every set", after=3.0)
        self.t += self.camera_budget(b)

    def by_hand(self, b):
        blk = self.blocks[b]
        self.press("ok", f"block {b + 1}: by hand", after=3.0)
        for s in range(blk["sets"]):
            self.press("ok", "position -> set")
            for _ in range(blk["reps"]):
                self.press("ok")
            if s + 1 < blk["sets"]:
                self.press("ok", "skip the rest")

    def block(self, b):
        if self.rng.random() < 0.7:
            self.by_camera(b)
        else:
            self.by_hand(b)

    def into_block(self, b, why):
        """OK on block b's introduction, then a moment into its first set."""
        self.press("ok", f"block {b + 1}: {why}", after=3.0)
        self.t += self.rng.uniform(*EARLY_S)

    def pause_menu(self, item, note):
        self.press("ok", "pause menu", long=True, after=0.0)
        for _ in range(PAUSE_DOWNS[item]):
            self.press("down")
        self.press("ok", note)

    def finish(self, pain):
        for _ in range(pain):
            self.press("up", after=1.0)
        self.press("ok", "pain after -> summary", after=1.0)
        self.go_home("summary")

    def go_home(self, screen):
        if self.rng.random() < 0.5:
            self.press("ok", f"{screen} -> home", after=self.rng.uniform(3, 20))
        else:
            self.lines[-1] = self.lines[-1][:2] + (self.lines[-1][2] + f"; {screen} left to time out",)

    def run(self):
        rng, n = self.rng, len(self.blocks)
        k = self.kind
        self.start(0 if k != "pain-before" else rng.randint(6, 10))
        if k == "pain-before":
            self.go_home("pain stop")
            return
        at = rng.randrange(n)       # the block where something happens
        for b in range(n):
            if b != at or k == "complete":
                self.block(b)
                continue
            if k == "paused":
                self.into_block(b, "paused during the first set")
                pause = rng.uniform(30, 8 * 60)
                self.press("ok", f"pause menu for {pause / 60:.1f} min", long=True, after=0.0)
                self.press("ok", "resume", after=pause)
                self.t += self.camera_budget(b)
            elif k == "abandoned":
                if rng.random() < 0.5:
                    self.press("ok", f"block {b + 1}: started, then abandoned", after=3.0)
                    self.idle_after = self.camera_budget(b)
                else:
                    self.into_block(b, "abandoned in the pause menu")
                    self.press("ok", "pause menu, then nobody comes back", long=True, after=0.0)
                return
            elif k == "pain-during":
                self.into_block(b, "pain during the first set")
                self.pause_menu("pain", "report pain")
                for _ in range(8):
                    self.press("up")
                self.press("ok", "pain 8 -> the session stops")
                self.go_home("pain stop")
                return
            elif k == "red-flag":
                self.into_block(b, "a warning sign")
                self.pause_menu("red-flag", "warning sign -> the signs listed")
                self.press("ok", "confirmed -> session stopped")
                self.go_home("red flag")
                return
            elif k == "ended":
                self.into_block(b, "ended early")
                self.pause_menu("end", "end session -> pain after")
                break
            elif k == "skipped":
                self.into_block(b, "skipped")
                self.pause_menu("skip", "skip this exercise")
        self.finish(rng.randint(0, 3))


def plan_kinds(args, rng):
    """The sessions' kinds: the warm-up (every kind when it is long enough,
    the stops last), then kinds that are not stops."""
    plain = [k for k in KINDS if k not in STOP_KINDS]
    if args.warmup >= len(KINDS):
        kinds = plain[:]
        rng.shuffle(kinds)
        kinds += [rng.choice(plain) for _ in range(args.warmup - len(KINDS))]
        kinds += list(STOP_KINDS)
    else:
        kinds = rng.sample(plain, args.warmup)
    while len(kinds) < args.sessions:
        kinds.append(rng.choice(plain))
    return kinds


def spread_gaps(sessions, spare, rng):
    """GAP_MIN_S after each session plus the spare time: a few long idle
    stretches, the rest spread."""
    weights = [rng.uniform(0.2, 1.0) for _ in sessions]
    for i in rng.sample(range(len(sessions)), k=min(3, len(sessions))):
        weights[i] += 6.0
    total = sum(weights)
    return [GAP_MIN_S + spare * w / total for w in weights]


def busy(sessions):
    return sum(s.t + s.idle_after + GAP_MIN_S for s in sessions)


def plan_day(args, blocks, rest):
    """The sessions, their start times (seconds of the run), the run's length
    and the local time of day at second 0."""
    rng = random.Random(args.seed)
    sessions = []
    for k in plan_kinds(args, rng):
        s = Session(k, blocks, rest, rng)
        s.run()
        sessions.append(s)
    n_stops = sum(s.kind in STOP_KINDS for s in sessions)
    if n_stops == 0:
        spare = args.hours * 3600 - busy(sessions) - 60
        if spare < 0:
            sys.exit(f"gen_day: {args.sessions} sessions need {busy(sessions) / 3600:.1f} h, "
                     f"more than --hours {args.hours}")
        starts, t = [], 60.0
        for s, gap in zip(sessions, spread_gaps(sessions, spare, rng)):
            starts.append(t)
            t += s.t + s.idle_after + gap
        return sessions, starts, args.hours * 3600, 12 * 3600
    # Day 1: up to the first stop; then a day for each other stop; the rest.
    first = [s.kind for s in sessions].index(STOP_KINDS[0]) + 1
    rest_from = first + n_stops - 1
    starts, t = [], 60.0
    for s in sessions[:first]:
        starts.append(t)
        t += s.t + s.idle_after + GAP_MIN_S
    midnight = t - GAP_MIN_S + MIDNIGHT_MARGIN_S
    if midnight >= DAY_S:
        sys.exit("gen_day: the first day's sessions do not fit in a day")
    start_local = DAY_S - midnight
    for _ in sessions[first:rest_from]:
        starts.append(midnight + MIDNIGHT_MARGIN_S)
        midnight += DAY_S
    rest = sessions[rest_from:]
    t = midnight + MIDNIGHT_MARGIN_S
    spare = max(0.0, args.hours * 3600 - t - busy(rest))
    for s, gap in zip(rest, spread_gaps(rest, spare, rng)):
        starts.append(t)
        t += s.t + s.idle_after + gap
    return sessions, starts, t, start_local


def write_day(args, sessions, starts, day_s, start_local):
    out = [f"# soak day: seed {args.seed}, {len(sessions)} sessions over {day_s / 3600:.1f} h "
           f"(virtual clock, local time {start_local / 3600:.2f} h at 0 s); written by "
           f"tests/soak/gen_day.py"]
    for i, (s, t) in enumerate(zip(sessions, starts)):
        out.append(f"\n# session {i + 1}: {s.kind} -> {STATUS[s.kind]}"
                   + (" (end of warm-up)" if i + 1 == args.warmup else ""))
        for dt, what, note in s.lines:
            out.append(f"{t + dt:.1f} {what}" + (f"   # {note}" if note else ""))
        out.append("# home")
    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, "buttons.txt"), "w") as f:
        f.write("\n".join(out) + "\n")
    expect = {"seed": args.seed, "day_s": day_s, "start_local_s": start_local,
              "warmup": args.warmup, "kinds": [s.kind for s in sessions],
              "statuses": [STATUS[s.kind] for s in sessions]}
    with open(os.path.join(args.outdir, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hours", type=float, default=24)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=len(KINDS),
                    help="the first sessions, one of each kind, before the start sample")
    ap.add_argument("programme")
    ap.add_argument("outdir")
    args = ap.parse_args()
    if not 1 <= args.warmup < args.sessions:
        sys.exit("gen_day: --warmup must be at least 1 and less than --sessions")
    blocks, rest = load_blocks(args.programme)
    if not blocks:
        sys.exit(f"gen_day: no [exercise ...] sections in {args.programme}")
    write_day(args, *plan_day(args, blocks, rest))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A pose-angle repetition counter, for comparison with the station's motion
counter (tests/real/pose/README.md). Not part of the product or of CI.

    count.py [--angle exercise|widest] POSE_DIR LABEL_DIR

POSE_DIR holds NAME.jsonl from pose.js; LABEL_DIR the NAME.json labels that
scripts/real-clips writes. Each frame gives joint angles (hip: shoulder-hip-knee,
knee: hip-knee-ankle, shoulder: elbow-shoulder-hip, elbow: shoulder-elbow-wrist,
both sides, and the angle between the knees at the middle of the hips),
from keypoints scored 0.2 or more (a missing angle keeps its last value). The
angle followed is the exercise's (a bridge: the hips; a clamshell: the knees)
or, with --angle widest and for every other mode, the one with the widest range
in the last 12 s, chosen again at rest. Reps are cycles of it counted as
app/core/reps.c counts the motion signal: rest is the end of the range seen
first, a rep leaves past 0.35 of the range and is back under 0.25 of its peak,
lasts 0.4 s at least, and an excursion out longer than twice the hold plus 6 s
is a change of position; a range under 15 degrees is no movement.
"""
import glob, json, math, os, sys

JOINTS = {
    'lhip': ('leftShoulder', 'leftHip', 'leftKnee'), 'rhip': ('rightShoulder', 'rightHip', 'rightKnee'),
    'lknee': ('leftHip', 'leftKnee', 'leftAnkle'), 'rknee': ('rightHip', 'rightKnee', 'rightAnkle'),
    'lsho': ('leftElbow', 'leftShoulder', 'leftHip'), 'rsho': ('rightElbow', 'rightShoulder', 'rightHip'),
    'lelb': ('leftShoulder', 'leftElbow', 'leftWrist'), 'relb': ('rightShoulder', 'rightElbow', 'rightWrist'),
    'knees': ('leftKnee', 'midHip', 'rightKnee'),
}
FOR_EXERCISE = {'bridge': ('lhip', 'rhip'), 'clamshell': ('knees',)}
HOLD_MS = {'bridge': 2000, 'clamshell': 1000}
MIN_SCORE, MIN_RANGE, WINDOW_S = 0.2, 15.0, 12.0


def angles(frames):
    out = {j: [] for j in JOINTS}
    last = dict.fromkeys(JOINTS)
    for fr in frames:
        kp = {}
        for name, x, y, s in fr['k']:
            if s >= MIN_SCORE and (name not in kp or kp[name][2] < s):
                kp[name] = (x, y, s)
        if 'leftHip' in kp and 'rightHip' in kp:
            kp['midHip'] = ((kp['leftHip'][0] + kp['rightHip'][0]) / 2,
                            (kp['leftHip'][1] + kp['rightHip'][1]) / 2, 1.0)
        for j, (a, b, c) in JOINTS.items():
            if a in kp and b in kp and c in kp:
                ax, ay = kp[a][0] - kp[b][0], kp[a][1] - kp[b][1]
                cx, cy = kp[c][0] - kp[b][0], kp[c][1] - kp[b][1]
                na, nc = math.hypot(ax, ay), math.hypot(cx, cy)
                if na > 1 and nc > 1:
                    last[j] = math.degrees(math.acos(max(-1.0, min(1.0, (ax * cx + ay * cy) / (na * nc)))))
            out[j].append(last[j])
    return out


def followed(exercise, widest):
    """The angles that may be followed: the exercise's, or all (the angle
    between the knees only for a clamshell)."""
    if not widest and exercise in FOR_EXERCISE:
        return FOR_EXERCISE[exercise]
    return tuple(j for j in JOINTS if j != 'knees' or exercise == 'clamshell')


def chain_found(frame):
    """Whether shoulder, hip and knee of one side are all scored MIN_SCORE or more."""
    seen = {k[0] for k in frame['k'] if k[3] >= MIN_SCORE}
    return any({s + 'Shoulder', s + 'Hip', s + 'Knee'} <= seen for s in ('left', 'right'))


def trimmed(vals):
    v = sorted(x for x in vals if x is not None)
    if len(v) < 10:
        return None
    cut = int(0.1 * len(v))
    return v[cut], v[len(v) - 1 - cut]


def count(frames, exercise, widest):
    t = [f['t'] for f in frames]
    ang = angles(frames)
    rate = len(t) / t[-1] if len(t) > 1 and t[-1] > 0 else 5.0
    win = max(10, int(WINDOW_S * rate))
    allowed = followed(exercise, widest)
    hold = HOLD_MS.get(exercise, 0)
    reps, out, rest, joint = [], False, 0, None
    base = peak = start = 0.0
    for i in range(len(t)):
        first = max(0, i - win + 1)
        if i < 5:
            continue
        if not out:
            best, widest_span = None, -1.0
            for j in allowed:
                r = trimmed(ang[j][first:i + 1])
                if r and r[1] - r[0] > widest_span:
                    best, widest_span = j, r[1] - r[0]
            if best != joint:
                joint, rest = best, 0
        if joint is None or ang[joint][i] is None:
            continue
        seg = ang[joint][first:i + 1]
        lo, hi = trimmed(seg) or (0.0, 0.0)
        span = hi - lo
        if span < MIN_RANGE:
            out = False
            continue
        if rest == 0:
            known = [k for k in range(len(seg)) if seg[k] is not None]
            ilo = min(known, key=lambda k: seg[k])
            ihi = max(known, key=lambda k: seg[k])
            rest = -1 if ilo <= ihi else 1
            base, out = (lo if rest < 0 else -hi), False
        u = ang[joint][i] if rest < 0 else -ang[joint][i]
        if not out and u < base:
            base = u
        d = u - base
        if not out and d > 0.35 * span:
            out, start, peak = True, t[i], 0.0
        if out:
            peak = max(peak, d)
            if (t[i] - start) * 1000 > 2 * hold + 6000:
                out, rest = False, 0
            elif d < 0.25 * peak:
                out, base = False, u
                if t[i] - start >= 0.4:
                    reps.append(t[i])
    return reps


def main(argv):
    widest = False
    if len(argv) > 1 and argv[0] == '--angle':
        widest = argv[1] == 'widest'
        argv = argv[2:]
    if len(argv) != 2:
        sys.exit('usage: count.py [--angle exercise|widest] POSE_DIR LABEL_DIR')
    rows = []
    for p in sorted(glob.glob(os.path.join(argv[0], '*.jsonl'))):
        name = os.path.basename(p)[:-6]
        label = os.path.join(argv[1], name + '.json')
        if not os.path.exists(label):
            continue
        lab = json.load(open(label))
        frames = [json.loads(l) for l in open(p) if l.startswith('{')]
        if len(frames) < 10:
            continue
        kps = sum(map(chain_found, frames)) / len(frames)
        ms = sum(f.get('ms', 0) for f in frames) / len(frames)
        reps = count(frames, lab['exercise'], widest)
        rows.append((name, lab['exercise'], lab['count'], len(reps), kps, ms))
        print('%-34s %-9s %3d %3d  shoulder-hip-knee %.2f  %5.0f ms%s' % (
            rows[-1][:4] + (kps, ms, '' if lab['count'] == len(reps) else '   <-- miscount')))
    if not rows:
        return
    n, pos = len(rows), [r for r in rows if r[2] > 0]
    neg = [r for r in rows if r[2] == 0]
    print('clips %d  exact %.3f  within one %.3f  error %.3f  negatives with a count %d of %d  '
          'shoulder-hip-knee found %.2f of frames  %.0f ms a frame' % (
              n, sum(r[2] == r[3] for r in rows) / n, sum(abs(r[2] - r[3]) <= 1 for r in rows) / n,
              sum(abs(r[3] - r[2]) / r[2] for r in pos) / max(1, len(pos)),
              sum(r[3] > 0 for r in neg), len(neg), sum(r[4] for r in rows) / n, sum(r[5] for r in rows) / n))


main(sys.argv[1:])

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_synth: `rehab-mirror synth`, the synthetic person rendered to a Cmono Y4M
 * clip, with an optional JSON file of the truth (how many repetitions the clip
 * holds, and each one's start, top, end and hold). It is how test clips for the
 * counter are made: the truth comes from the same schedule that drew the frames.
 *
 *   rehab-mirror synth --exercise clamshell|bridge|quad-set|generic [--reps N]
 *       [--size WxH] [--fps N] [--seconds S] [--noise F] [--seed N] [--mirror]
 *       [--arrive S] [--labels FILE.json] OUT.y4m
 *
 * --arrive S leaves the mat empty for the first S seconds (the person then
 * appears, lying at rest, settles and begins): clips for the position
 * screen's "is anyone there" (presence.h); --reps 0 --arrive S --seconds S
 * is an empty room throughout.
 *
 * Without --seconds the clip lasts the whole performance plus one second. Frame
 * k is rendered at floor(k * 1000 / fps) ms, the times a camera would stamp. A
 * rep counts in the truth only if it is back at rest before the clip ends. The
 * labels also carry "count", "kind" and "hold_target_ms" and each rep's
 * "hold_met", so the corpus evaluator (tests/corpus, rm-evaluate DIR) scores
 * these clips too.
 * Usage errors exit 2 and file errors 1, each with one line on stderr.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "reps.h"
#include "synth.h"
#include "y4m.h"
#include "xmalloc.h"

typedef struct synth_args {
    exercise_kind exercise;
    bool have_exercise;
    int reps, width, height, fps;
    double seconds; /* <= 0: the performance plus a second */
    double noise;
    double arrive;  /* seconds of empty mat before the person */
    uint32_t seed;
    bool mirror;
    const char *labels, *out;
} synth_args;

static const char USAGE[] =
    "usage: rehab-mirror synth --exercise clamshell|bridge|quad-set|generic [--reps N]\n"
    "           [--size WxH] [--fps N] [--seconds S] [--noise F] [--seed N] [--mirror]\n"
    "           [--arrive S] [--labels FILE.json] OUT.y4m\n"
    "Renders the synthetic person doing N reps (default 10) into a Cmono Y4M clip,\n"
    "and with --labels the truth as JSON (each rep's start, top, end and hold).\n"
    "--arrive S: the mat is empty for the first S seconds, then the person lies there.\n"
    "Defaults: --size 320x240 --fps 15 --noise 2 --seed 1; --seconds: the whole\n"
    "performance plus one. Exit status: 0 written; 1 cannot write; 2 usage error.\n";

enum { OPT_EXERCISE = 256, OPT_REPS, OPT_SIZE, OPT_FPS, OPT_SECONDS, OPT_NOISE, OPT_SEED,
       OPT_LABELS, OPT_MIRROR, OPT_ARRIVE };

static const struct option OPTIONS[] = {
    { "exercise", required_argument, NULL, OPT_EXERCISE },
    { "reps", required_argument, NULL, OPT_REPS },
    { "size", required_argument, NULL, OPT_SIZE },
    { "fps", required_argument, NULL, OPT_FPS },
    { "seconds", required_argument, NULL, OPT_SECONDS },
    { "noise", required_argument, NULL, OPT_NOISE },
    { "seed", required_argument, NULL, OPT_SEED },
    { "labels", required_argument, NULL, OPT_LABELS },
    { "mirror", no_argument, NULL, OPT_MIRROR },
    { "arrive", required_argument, NULL, OPT_ARRIVE },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

static const cli_command SYNTH = { "rehab-mirror synth", USAGE, OPTIONS };

#define usage_error(...) cli_usage_error(&SYNTH, __VA_ARGS__)

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool parse_double(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (!*s || *end || errno || !isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool parse_seed(const char *s, uint32_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

static bool parse_size(const char *s, int *w, int *h)
{
    char tmp[32];
    if (strlen(s) >= sizeof tmp)
        return false;
    strcpy(tmp, s);
    char *x = strchr(tmp, 'x');
    long lw, lh;
    if (!x)
        return false;
    *x = '\0';
    if (!parse_long(tmp, 16, Y4M_MAX_DIM, &lw) || !parse_long(x + 1, 16, Y4M_MAX_DIM, &lh))
        return false;
    *w = (int)lw;
    *h = (int)lh;
    return true;
}

/* Applies one option that takes a value; returns 0 on success or the exit code. */
static int parse_valued(synth_args *a, int opt, const char *val)
{
    long n;
    switch (opt) {
    case OPT_EXERCISE:
        if (!exercise_parse(val, &a->exercise))
            return usage_error("unknown exercise '%s' (want clamshell, bridge, quad-set or "
                               "generic)", val);
        a->have_exercise = true;
        return 0;
    case OPT_REPS:
        if (!parse_long(val, 0, 10000, &n))
            return usage_error("bad --reps '%s' (want 0..10000)", val);
        a->reps = (int)n;
        return 0;
    case OPT_SIZE:
        if (!parse_size(val, &a->width, &a->height))
            return usage_error("bad --size '%s' (want WxH, 16..4096 each)", val);
        return 0;
    case OPT_FPS:
        if (!parse_long(val, 1, 240, &n))
            return usage_error("bad --fps '%s' (want 1..240)", val);
        a->fps = (int)n;
        return 0;
    case OPT_SECONDS:
        if (!parse_double(val, 0.001, 86400.0, &a->seconds))
            return usage_error("bad --seconds '%s' (want more than 0, at most 86400)", val);
        return 0;
    case OPT_NOISE:
        if (!parse_double(val, 0.0, 100.0, &a->noise))
            return usage_error("bad --noise '%s' (want 0..100)", val);
        return 0;
    case OPT_ARRIVE:
        if (!parse_double(val, 0.0, 86400.0, &a->arrive))
            return usage_error("bad --arrive '%s' (want 0..86400)", val);
        return 0;
    case OPT_SEED:
        if (!parse_seed(val, &a->seed))
            return usage_error("bad --seed '%s' (want 0..4294967295)", val);
        return 0;
    default: /* OPT_LABELS */
        a->labels = val;
        return 0;
    }
}

/* -1 to go on, else the exit status (message printed). */
static int parse_args(int argc, char **argv, synth_args *a)
{
    *a = (synth_args){ .reps = 10, .width = 320, .height = 240, .fps = 15, .noise = 2.0,
                       .seed = 1 };
    int c = cli_begin(&SYNTH, argc, argv);
    if (c >= 0)
        return c;
    while ((c = cli_next(&SYNTH, argc, argv)) != -1) {
        if (c == OPT_MIRROR) {
            a->mirror = true;
            continue;
        }
        int rc = parse_valued(a, c, optarg);
        if (rc)
            return rc;
    }
    if (optind + 1 < argc)
        return usage_error("more than one output file ('%s')", argv[optind + 1]);
    a->out = optind < argc ? argv[optind] : NULL;
    if (!a->have_exercise)
        return usage_error("missing --exercise clamshell|bridge|quad-set|generic");
    if (!a->out)
        return usage_error("missing the output file OUT.y4m");
    return -1;
}

/* Writes the truth for a clip of clip_ms milliseconds. */
static bool write_labels(const char *path, const synth_args *a, const synth_params *p,
                         int64_t clip_ms, int frames)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    int done = 0;
    while (done < p->reps && synth_rep_time(p, done).end_ms <= clip_ms)
        done++;
    int64_t target = reps_default_config(p->exercise).hold_target_ms;
    fprintf(f,
            "{\n  \"exercise\": \"%s\",\n  \"kind\": \"positive\",\n  \"reps\": %d,\n"
            "  \"count\": %d,\n  \"hold_target_ms\": %lld,\n  \"reps_planned\": %d,\n"
            "  \"width\": %d,\n  \"height\": %d,\n  \"fps\": %d,\n  \"frames\": %d,\n"
            "  \"duration_ms\": %lld,\n  \"mirror\": %s,\n  \"noise\": %g,\n  \"seed\": %lu,\n"
            "  \"events\": [",
            exercise_id(p->exercise), done, done, (long long)target, p->reps, p->width, p->height, a->fps, frames,
            (long long)clip_ms, p->mirror ? "true" : "false", (double)p->noise,
            (unsigned long)a->seed);
    for (int i = 0; i < done; i++) {
        synth_rep_truth r = synth_rep_time(p, i);
        fprintf(f,
                "%s\n    {\"rep\": %d, \"start_ms\": %lld, \"top_ms\": %lld, \"hold_ms\": %lld, "
                "\"end_ms\": %lld, \"hold_met\": %s}",
                i ? "," : "", i + 1, (long long)r.start_ms, (long long)r.top_ms,
                (long long)r.hold_ms, (long long)r.end_ms, r.hold_ms >= target ? "true" : "false");
    }
    fprintf(f, "%s]\n}\n", done ? "\n  " : "");
    bool ok = !ferror(f);
    return fclose(f) == 0 && ok;
}

/* Renders every frame into the clip. */
static bool write_clip(const synth_args *a, const synth_params *p, int frames)
{
    y4m_writer *w = y4m_create(a->out, p->width, p->height, a->fps, 1);
    if (!w)
        return false;
    uint8_t *img = xmalloc((size_t)p->width * (size_t)p->height);
    bool ok = true;
    for (int k = 0; k < frames && ok; k++) {
        synth_render(p, (int64_t)k * 1000 / a->fps, img, p->width);
        ok = y4m_write_frame(w, img, p->width);
    }
    free(img);
    return y4m_finish(w) && ok;
}

int cmd_synth(int argc, char **argv)
{
    synth_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    synth_params p = synth_defaults(a.exercise, a.width, a.height);
    p.reps = a.reps;
    p.noise = (float)a.noise;
    p.seed = a.seed;
    p.mirror = a.mirror;
    p.arrive_ms = (int64_t)(a.arrive * 1000.0);
    p.settle_ms += p.arrive_ms; /* settles once there; the reps follow */
    double seconds = a.seconds > 0 ? a.seconds : (double)synth_duration_ms(&p) / 1000.0 + 1.0;
    int frames = (int)ceil(seconds * a.fps - 1e-9);
    if (frames < 1)
        frames = 1;
    int64_t clip_ms = (int64_t)frames * 1000 / a.fps;
    if (!write_clip(&a, &p, frames)) {
        fprintf(stderr, "rehab-mirror synth: cannot write %s: %s\n", a.out, strerror(errno));
        return 1;
    }
    if (a.labels && !write_labels(a.labels, &a, &p, clip_ms, frames)) {
        fprintf(stderr, "rehab-mirror synth: cannot write %s: %s\n", a.labels, strerror(errno));
        return 1;
    }
    return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_count: `rehab-mirror count [--exercise EX] [--hold SECONDS]
 * [--camera-distance METRES [--camera-view DEGREES]] FILE.y4m`. Replays a
 * clip through the counting core (frame n stamped n * 1000 * fps_den /
 * fps_num ms) and prints one JSON object:
 *   {"exercise":..,"frames":N,"duration_s":..,"reps":N,"partials":N,
 *    "hold_target_s":..,"holds_met":N,"holds_short":N,"events":[{"t":..,
 *    "start":..,"hold_s":..,"hold_met":..,"began_unseen":..,"amplitude":..,
 *    "by":"camera"},..],"partial_events":[same fields]}
 * "events" holds the counted reps only, so its length equals "reps"; each
 * counted rep's hold either met the target or fell short, as measured.
 * "began_unseen" marks a rep already under way when the counter became ready
 * (the clip began mid-rep, or within the counter's first second): its hold is
 * only the part that was seen, which the station does not judge. "by" says what
 * counted an event: here always "camera" (a clip has no clock to lead a hold);
 * the station leads quad sets by the clock and logs those holds as "timed"
 * (timed_hold.h), so `count --exercise quad-set` measures a camera counter the
 * station does not use for them. Times are seconds
 * from the first frame. "complete" is false when the clip stopped part-way (a
 * recording cut off mid-frame, a damaged frame): the count is of the whole
 * frames before it, a line on stderr says where and why, and the exit status
 * is still 0. A clip with no whole frame (a bad header, a first frame cut
 * short) prints nothing to stdout and exits 1; bad arguments exit 2.
 */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reps.h"
#include "settings.h"
#include "xmalloc.h"
#include "y4m.h"

typedef struct count_args {
    exercise_kind exercise;
    bool hold_given;
    double hold_s;
    double distance_m, view_deg; /* where the camera was; 0: the tuned framing */
    const char *path;
} count_args;

/* Growing list of decided reps or partials; only the CLI keeps history. */
typedef struct event_list {
    reps_event *v;
    size_t n, cap;
} event_list;

static void list_push(event_list *l, const reps_event *ev)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = *ev;
}

static const char USAGE[] =
    "usage: rehab-mirror count --exercise clamshell|bridge|quad-set|generic "
    "[--hold SECONDS] [--camera-distance METRES [--camera-view DEGREES]] FILE.y4m\n"
    "Counts the repetitions in a Y4M clip and prints one JSON object: reps, partials,\n"
    "holds_met, and each rep's time, hold and amplitude. --hold sets the hold a rep\n"
    "must reach (default: the exercise's). --camera-distance and --camera-view say\n"
    "where the camera was, as the station's config does (view 66 degrees if not given);\n"
    "without them the person is taken to be as large as in the clips the counter was\n"
    "tuned on (about 65% of the width). A clip that stops part-way (cut off, damaged)\n"
    "is counted up to there, with \"complete\":false and a warning. Exit status: 0\n"
    "counted; 1 the clip cannot be read (one line says why); 2 usage error.\n";

enum { OPT_EXERCISE = 256, OPT_HOLD, OPT_DISTANCE, OPT_VIEW };

static const struct option OPTIONS[] = {
    { "exercise", required_argument, NULL, OPT_EXERCISE },
    { "hold", required_argument, NULL, OPT_HOLD },
    { "camera-distance", required_argument, NULL, OPT_DISTANCE },
    { "camera-view", required_argument, NULL, OPT_VIEW },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

static const cli_command COUNT = { "rehab-mirror count", USAGE, OPTIONS };

static bool parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= 0) || v > 86400)
        return false;
    *out = v;
    return true;
}

/* -1 to go on, else the exit status (message printed). */
static int parse_args(int argc, char **argv, count_args *a)
{
    *a = (count_args){ .exercise = EXERCISE_GENERIC };
    int c = cli_begin(&COUNT, argc, argv);
    if (c >= 0)
        return c;
    while ((c = cli_next(&COUNT, argc, argv)) != -1) {
        if (c == OPT_EXERCISE && !exercise_parse(optarg, &a->exercise))
            return cli_usage_error(&COUNT, "unknown exercise '%s'", optarg);
        if (c == OPT_HOLD) {
            if (!parse_number(optarg, &a->hold_s))
                return cli_usage_error(&COUNT, "--hold wants seconds (0..86400), not '%s'",
                                       optarg);
            a->hold_given = true;
        }
        if (c == OPT_DISTANCE && (!parse_number(optarg, &a->distance_m) ||
                                  a->distance_m < SETTINGS_DISTANCE_MIN ||
                                  a->distance_m > SETTINGS_DISTANCE_MAX))
            return cli_usage_error(&COUNT, "--camera-distance wants metres (0.3..10), not '%s'",
                                   optarg);
        if (c == OPT_VIEW && (!parse_number(optarg, &a->view_deg) ||
                              a->view_deg < SETTINGS_VIEW_MIN || a->view_deg > SETTINGS_VIEW_MAX))
            return cli_usage_error(&COUNT, "--camera-view wants degrees (20..170), not '%s'",
                                   optarg);
    }
    if (a->view_deg > 0 && !(a->distance_m > 0))
        return cli_usage_error(&COUNT, "--camera-view needs --camera-distance");
    if (optind >= argc)
        return cli_usage_error(&COUNT, "no clip given");
    if (optind + 1 < argc)
        return cli_usage_error(&COUNT, "more than one file ('%s')", argv[optind + 1]);
    a->path = argv[optind];
    return -1;
}

static void print_event(const reps_event *e, bool first)
{
    printf("%s{\"t\":%.3f,\"start\":%.3f,\"hold_s\":%.3f,\"hold_met\":%s,\"began_unseen\":%s,"
           "\"amplitude\":%.3f,\"by\":\"camera\"}",
           first ? "" : ",", (double)e->t_ms / 1000.0, (double)e->start_ms / 1000.0,
           (double)e->hold_ms / 1000.0, e->hold_met ? "true" : "false",
           e->began_unseen ? "true" : "false", (double)e->amplitude);
}

static void print_list(const char *name, const event_list *l)
{
    printf(",\"%s\":[", name);
    for (size_t i = 0; i < l->n; i++)
        print_event(&l->v[i], i == 0);
    printf("]");
}

static void print_result(const reps_config *cfg, int64_t frames, double duration_s,
                         bool complete, const event_list *reps, const event_list *partials)
{
    int holds_met = 0;
    for (size_t i = 0; i < reps->n; i++)
        holds_met += reps->v[i].hold_met;
    printf("{\"exercise\":\"%s\",\"frames\":%" PRId64 ",\"duration_s\":%.3f,\"complete\":%s,"
           "\"reps\":%zu,\"partials\":%zu,\"hold_target_s\":%.3f,\"holds_met\":%d,"
           "\"holds_short\":%zu",
           exercise_id(cfg->exercise), frames, duration_s, complete ? "true" : "false", reps->n,
           partials->n,
           (double)cfg->hold_target_ms / 1000.0, holds_met, reps->n - (size_t)holds_met);
    print_list("events", reps);
    print_list("partial_events", partials);
    printf("}\n");
}

/* Feeds the clip up to its end or its first bad frame (reason printed, and
 * *complete false). Returns 0, or 1 when not one whole frame could be read. */
static int run_clip(y4m_reader *r, reps_counter *c, int64_t *frames, bool *complete,
                    event_list *reps, event_list *partials)
{
    const y4m_info *info = y4m_reader_info(r);
    char err[256];
    const uint8_t *luma;
    int got;
    int64_t n = 0;
    while ((got = y4m_read_frame(r, &luma, err)) == 1) {
        int64_t t = n * 1000 * info->fps_den / info->fps_num;
        reps_event ev[8];
        size_t k = reps_feed(c, luma, info->width, info->height, info->width, t, ev, 8);
        for (size_t i = 0; i < k; i++) {
            if (ev[i].kind == REPS_EVENT_REP)
                list_push(reps, &ev[i]);
            else if (ev[i].kind == REPS_EVENT_PARTIAL)
                list_push(partials, &ev[i]);
        }
        n++;
    }
    *frames = n;
    *complete = got == 0;
    if (got < 0 && n == 0) {
        fprintf(stderr, "rehab-mirror count: %s\n", err); /* names the file and frame */
        return 1;
    }
    if (got < 0)
        fprintf(stderr, "rehab-mirror count: %s; counted the %" PRId64 " whole frames before it\n",
                err, n);
    reps_event last[1]; /* the clip has ended: a rep decided but not yet said */
    if (reps_flush(c, last, 1) == 1)
        list_push(last[0].kind == REPS_EVENT_REP ? reps : partials, &last[0]);
    return 0;
}

int cmd_count(int argc, char **argv)
{
    count_args a;
    int status = parse_args(argc, argv, &a);
    if (status >= 0)
        return status;
    char err[256] = "";
    y4m_reader *r = y4m_open(a.path, err);
    if (!r) {
        fprintf(stderr, "rehab-mirror count: %s\n", err); /* names the file */
        return 1;
    }
    const y4m_info *info = y4m_reader_info(r);
    if (info->fps_num <= 0 || info->fps_den <= 0) {
        fprintf(stderr, "rehab-mirror count: %s: bad frame rate\n", a.path);
        y4m_close(r);
        return 1;
    }
    reps_config cfg = reps_default_config(a.exercise);
    if (a.hold_given)
        cfg.hold_target_ms = (int64_t)(a.hold_s * 1000.0 + 0.5);
    if (a.distance_m > 0)
        cfg.scale = reps_camera_scale(a.distance_m, a.view_deg > 0 ? a.view_deg
                                                                   : SETTINGS_DEFAULT_VIEW);
    reps_counter *c = reps_create(&cfg);
    event_list reps = { 0 }, partials = { 0 };
    int64_t frames = 0;
    bool complete = false;
    status = run_clip(r, c, &frames, &complete, &reps, &partials);
    if (status == 0)
        print_result(&cfg, frames, (double)frames * info->fps_den / info->fps_num, complete,
                     &reps, &partials);
    free(reps.v);
    free(partials.v);
    reps_destroy(c);
    y4m_close(r);
    return status;
}

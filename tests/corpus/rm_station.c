/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rm-station: what the station itself counts on labelled real clips, as
 * against the counter alone (rm-evaluate). Each clip is played as the camera of
 * a guided set: the real session (app/core/session.c) is taken from home
 * through the pain check-in and the introduction to the position screen by
 * three OK presses, and the clip's first frame arrives as that screen opens.
 * From there the session decides, as at the station, when the set begins (the
 * person seen and still, or two reps counted while getting ready, or one and
 * 8 s: session.h) and which of the counter's reps are the set's.
 *
 * Only what the station runs by the camera is played: bridge and clamshell
 * clips, each as a set of its exercise at the bundled programme's hold (2 s,
 * 1 s), and the negatives (nobody exercising: a plank held, a stretch, someone
 * lying still) as a set of bridges. Generic clips (other exercises) are not a
 * station set, and quad sets are led by the clock. The set is of 50 reps, so
 * it never ends inside a clip. After the clip its last frame is held 2 s (the
 * person stays where they are), so a rep decided on the way down is said, as
 * `count` and rm-evaluate flush it at the end, and longer while an OK waits
 * for the counter's verdict, until the station counts it.
 *
 * Prints one row per clip (truth, station, counter alone, when the set began)
 * and the two summaries side by side: counts as rm-evaluate scores them, and
 * rep times (each rep said paired with a true return to rest as rm-evaluate
 * pairs them; how many of those were said within 0.3 s of it, before or
 * after, and how many later). Exit status 0 when every clip was read.
 * With -v, each row is followed by the true returns to rest, and the times
 * of the counter alone's reps and of the station's (seconds from the clip's
 * first frame; a station rep is timed as the session records it).
 *
 * A set at the station lasts longer than most web clips, and what it does
 * about the reps the camera misses takes time to show: after SESSION_MISSED_MS
 * of moving with none counted it says "If I miss a rep, press OK". With
 * --loops K each clip is played K times over as one set (the person does the
 * clip's reps K times, each time going back to its first frame over a second,
 * a cross-fade from where the last loop ended; its labels are repeated; a
 * clip that ends elsewhere than it began, a negative that gets into a pose,
 * becomes a movement out and back at each join), and the rows and a last line say
 * whether that was said: on the clips the station counted under half of, on
 * those it counted nine tenths or more of, and on the negatives.
 * --slower F plays the footage F times slower, its labels' times scaled
 * (rm-evaluate: the station's people move at the programme's pace, about
 * half the speed of most web clips). --farther F shows each clip as if filmed
 * from F times as far (rm-evaluate: the person F times smaller), and --scale S
 * tells the session the person's size in the picture, as the station's
 * camera_distance does (session_set_camera_scale; 1 by default, not told).
 * --press-missed plays a person who presses OK for each rep the set screen
 * did not count: PRESS_AFTER_MS after they are back at rest, when the count
 * has not gone up since their last return. A press with the counter at rest
 * adds a manual rep and, when the camera saw a movement too small to count,
 * teaches the counter their size (reps_missed); the last line says how many
 * presses that took, how many of the reps after a clip's first press the
 * camera counted, and on how many clips the reps counted and pressed
 * together were the true count. Negatives get no presses.
 * Usage: rm-station [-v] [--loops K] [--slower F] [--farther F] [--scale S]
 *                   [--press-missed] DIR
 * (NAME.json + NAME.y4m, as scripts/real-clips makes)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "programme.h"
#include "session.h"
#include "xmalloc.h"
#include "y4m.h"

#define PRESS_MS 500   /* between the presses that reach the position screen */
#define LINGER_MS 2000 /* the clip's last frame, held after it */
#define LINGER_PENDING_MS (SESSION_OK_WAIT_MS + 4000) /* longer while an OK waits (2 s holds) */
#define MAX_LOOPS 10
#define JOIN_MS 1000   /* a loop's way back to the clip's first frame (clip time) */
/* --press-missed: the person presses OK this long after a return to rest
 * when the count has not gone up since the return before it (a rep said at
 * the top is theirs too), as the set screen asks of someone whose rep was
 * missed. */
#define PRESS_AFTER_MS 1500

/* How each clip is played: how many times over, how many times slower, from
 * how many times as far, and what the station is told of it. */
typedef struct play_opts {
    int loops;
    double slower, farther;
    double scale; /* the counter told the person's size (session_set_camera_scale) */
    bool press_missed; /* OK pressed for each true rep the station has not counted */
} play_opts;

typedef struct tally {
    int clips, exact, within_one, negatives, negatives_counted;
    double err_sum;  /* |counted - true| / true over positives */
    int paired;      /* reps paired with a true return to rest (eval_pair) */
    int on_time;     /* of them, said within EVAL_ON_TIME_S of it, before or after */
    int late;        /* said later than that */
    int under_half, under_half_told; /* clips counted under half; of them, told to press OK */
    int most, most_told;             /* counted nine tenths or more; told */
    int negatives_told;              /* negatives told */
    /* --press-missed */
    int presses, pressed_clips, true_reps, after_press, counted_after_press, with_ok_exact;
} tally;

/* Camera reps kept per clip: as many as a played clip can have true ones
 * (--loops 10), so --press-missed looks back over every one. */
#define MAX_SHOWN EVAL_MAX_REPS

typedef struct station_run {
    int camera_reps;
    int64_t set_began_ms; /* from the clip's first frame, -1 never */
    bool told_missed;     /* the set said "If I miss a rep, press OK" */
    int64_t t0;           /* session time of the clip's first frame */
    int64_t rep_ms[MAX_SHOWN]; /* each camera rep, from the clip's first frame */
    int manual_reps;      /* reps added by OK (--press-missed) */
    int presses;          /* OKs pressed for reps not counted */
    int after_press, counted_after_press; /* true reps after the first press; of them counted */
    int check;            /* --press-missed: the next true rep of this loop to look at */
    eval_run *alone;      /* the counter alone on the same frames (the caller frees) */
} station_run;

static bool on_rep(void *ctx, int64_t set_id, const session_rep *rep)
{
    (void)set_id;
    station_run *st = ctx;
    if (!rep->manual && st->camera_reps < MAX_SHOWN)
        st->rep_ms[st->camera_reps] = rep->t_ms - st->t0;
    st->camera_reps += !rep->manual;
    st->manual_reps += rep->manual;
    return true;
}

static int64_t on_begin(void *ctx, const programme *p, int pain)
{
    (void)ctx, (void)p, (void)pain;
    return 1;
}

static int64_t on_begin_set(void *ctx, int64_t session_id, const programme_block *b, int block,
                            int set_no)
{
    (void)ctx, (void)session_id, (void)b, (void)block, (void)set_no;
    return 1;
}

/* The set the station would run for this clip; false: not a camera set. */
static bool set_for(const eval_truth *t, programme *p)
{
    const char *ex = t->negative                      ? "bridge"
                     : t->exercise == EXERCISE_BRIDGE    ? "bridge"
                     : t->exercise == EXERCISE_CLAMSHELL ? "clamshell"
                                                         : NULL;
    if (!ex)
        return false;
    char text[256], err[256];
    snprintf(text, sizeof text,
             "[programme]\nname = Station\nrest_seconds = 10\n[exercise %s]\nsets = 1\n"
             "reps = 50\nhold_seconds = %d\n",
             ex, strcmp(ex, "bridge") == 0 ? 2 : 1);
    if (!programme_parse(p, text, "rm-station", err)) {
        fprintf(stderr, "rm-station: %s\n", err);
        return false;
    }
    return true;
}

static void press_ok(session *s, int64_t t_ms)
{
    button_event ev = { .button = BUTTON_OK, .long_press = false, .t_ms = t_ms };
    session_press(s, &ev);
}

/* One frame to the session as the station gives it, at clip time clip_ms. */
static void station_frame(session *s, station_run *st, const uint8_t *luma, const y4m_info *in,
                          int64_t t0, int64_t clip_ms)
{
    int64_t now = t0 + clip_ms;
    session_camera(s, false, now);
    session_tick(s, now);
    session_frame(s, luma, in->width, in->height, in->width, now);
    if (st->set_began_ms < 0 && session_get_view(s)->screen == SCREEN_SET)
        st->set_began_ms = clip_ms;
    st->told_missed |= session_get_view(s)->told_missed;
}

/* Whether the station said a camera rep from before_ms to after_ms (clip time). */
static bool said_between(const station_run *st, int64_t before_ms, int64_t after_ms)
{
    for (int i = 0; i < st->camera_reps && i < MAX_SHOWN; i++)
        if (st->rep_ms[i] >= before_ms && st->rep_ms[i] <= after_ms)
            return true;
    return false;
}

/* --press-missed: at clip time clip_ms, the person looks back at each true
 * return to rest of the loop begun at loop_ms that is PRESS_AFTER_MS old, and
 * presses OK for one the set screen has not counted. */
static void press_for_missed(session *s, station_run *st, const eval_truth *t, double slower,
                             int64_t loop_ms, int64_t clip_ms)
{
    for (; st->check < t->n_reps; st->check++) {
        int64_t back = loop_ms + eval_slowed(slower, t->reps[st->check].end_ms);
        int64_t before =
            st->check > 0 ? loop_ms + eval_slowed(slower, t->reps[st->check - 1].end_ms) : loop_ms;
        if (clip_ms < back + PRESS_AFTER_MS)
            return;
        bool said = said_between(st, before + 1, back + PRESS_AFTER_MS);
        if (st->presses > 0) {
            st->after_press++;
            st->counted_after_press += said;
        }
        if (!said && session_get_view(s)->screen == SCREEN_SET) {
            press_ok(s, st->t0 + clip_ms);
            st->presses++;
        }
    }
}

/* The clip's labels for it played `loops` times over, each time lasting
 * clip_ms: the count and each return to rest repeated (as many as fit). */
static void loop_truth(eval_truth *t, int loops, int64_t clip_ms)
{
    int n = t->n_reps;
    for (int k = 1; k < loops; k++)
        for (int i = 0; i < n && t->n_reps < EVAL_MAX_REPS; i++) {
            eval_rep r = t->reps[i];
            r.down_ms += k * clip_ms;
            r.end_ms += k * clip_ms;
            t->reps[t->n_reps++] = r;
        }
    t->count *= loops;
    t->partials *= loops;
}

/* Feeds the clip once to the session and the counter alone, from *base_ms
 * (clip time), which it moves on by the clip's length; keeps its last frame
 * in *last (allocated on the first call). -1 on a bad clip, else frames fed. */
static int64_t feed_clip(const char *y4m, const play_opts *how, const eval_truth *t, session *s,
                         station_run *st, eval_run *run, int64_t *base_ms, uint8_t **last,
                         y4m_info *info)
{
    char err[256];
    y4m_reader *rd = y4m_open(y4m, err);
    if (!rd) {
        fprintf(stderr, "rm-station: %s\n", err);
        return -1;
    }
    const y4m_info *in = y4m_reader_info(rd);
    *info = *in;
    if (!*last)
        *last = xmalloc((size_t)in->width * (size_t)in->height);
    const size_t size = (size_t)in->width * (size_t)in->height;
    /* Played again: the person goes back from where the last loop ended to
     * where the clip begins over JOIN_MS (a cross-fade), not in one frame,
     * which the counter would take for a cut or, at a changed pose, a rep. */
    uint8_t *from = *base_ms > 0 ? xmalloc(size) : NULL;
    if (from)
        memcpy(from, *last, size);
    const uint8_t *luma;
    int got;
    int64_t n = 0, loop_ms = *base_ms;
    st->check = 0;
    for (; (got = y4m_read_frame(rd, &luma, err)) == 1; n++) {
        int64_t own_ms = n * 1000 * in->fps_den / in->fps_num;
        int64_t clip_ms = *base_ms + eval_slowed(how->slower, own_ms);
        if (how->farther == 1.0)
            memcpy(*last, luma, size);
        else
            eval_farther(luma, in->width, in->height, how->farther, *last);
        if (from && own_ms < JOIN_MS)
            for (size_t i = 0; i < size; i++)
                (*last)[i] = (uint8_t)(from[i] + ((*last)[i] - from[i]) * own_ms / JOIN_MS);
        station_frame(s, st, *last, in, st->t0, clip_ms);
        if (how->press_missed)
            press_for_missed(s, st, t, how->slower, loop_ms, clip_ms);
        eval_feed(run, *last, in->width, in->height, in->width, clip_ms);
    }
    if (got < 0)
        fprintf(stderr, "rm-station: %s\n", err);
    *base_ms += eval_slowed(how->slower, n * 1000 * in->fps_den / in->fps_num);
    free(from);
    y4m_close(rd);
    return got < 0 ? -1 : n;
}

/* Plays the clip as `how` says through a session and, beside it, the
 * counter alone; t becomes the labels of what was played. */
static bool play(const char *y4m, eval_truth *t, const programme *p, const play_opts *how,
                 station_run *st, int *alone)
{
    *st = (station_run){ .set_began_ms = -1 };
    session_sink sink = { .ctx = st, .begin_session = on_begin, .begin_set = on_begin_set,
                          .rep = on_rep };
    session *s = session_create(p, &sink);
    session_set_camera_scale(s, (float)how->scale);
    int64_t t0 = 0;
    for (int i = 1; i <= 3; i++) /* home -> pain -> introduction -> position */
        press_ok(s, t0 += PRESS_MS);
    st->t0 = t0;
    bool ok = session_get_view(s)->screen == SCREEN_POSITION;
    if (!ok)
        fprintf(stderr, "rm-station: %s: three OKs did not reach the position screen\n", t->name);
    eval_run *run = eval_begin(t, (float)how->scale);
    uint8_t *last = NULL;
    y4m_info in = { 0 };
    int64_t base_ms = 0, frames = 0;
    for (int k = 0; ok && k < how->loops; k++) {
        frames = feed_clip(y4m, how, t, s, st, run, &base_ms, &last, &in);
        ok = frames >= 0;
    }
    /* The person stays where the clip left them for LINGER_MS: a rep decided
     * on the way down is said once they are back, as `count` flushes it. An
     * OK still waiting for the counter's verdict is waited for (the station
     * counts it when the wait runs out), up to LINGER_PENDING_MS. */
    int64_t loop_ms = how->loops > 0 ? base_ms / how->loops * (how->loops - 1) : 0;
    for (int64_t n = 0, ms = 0; ok && frames > 0 &&
                                (ms < LINGER_MS ||
                                 (session_get_view(s)->manual_pending && ms < LINGER_PENDING_MS));
         n++, ms = n * 1000 * in.fps_den / in.fps_num) {
        int64_t clip_ms = base_ms + ms;
        station_frame(s, st, last, &in, t0, clip_ms);
        if (how->press_missed)
            press_for_missed(s, st, t, how->slower, loop_ms, clip_ms);
    }
    free(last);
    if (ok) {
        eval_truth_slower(t, how->slower);
        loop_truth(t, how->loops, base_ms / how->loops);
    }
    eval_result r;
    eval_end(run, t, &r);
    *alone = r.counted;
    st->alone = run;
    session_destroy(s);
    return ok;
}

static void print_times(const eval_truth *t, const station_run *st)
{
    eval_print_events(st->alone, t); /* the truth, and the counter alone's reps */
    printf("    station:     ");
    for (int i = 0; i < st->camera_reps && i < MAX_SHOWN; i++)
        printf(" %.2f", (double)st->rep_ms[i] / 1000.0);
    printf("\n");
}

/* Pairs the reps said at rep_ms (from the clip's first frame, in time order)
 * with the true returns to rest, as rm-evaluate does, and times them. */
static void tally_times(tally *k, const eval_truth *t, const int64_t *rep_ms, int n)
{
    int paired[EVAL_MAX_REPS];
    k->paired += eval_pair(rep_ms, n, t, paired);
    for (int i = 0; i < t->n_reps; i++) {
        if (paired[i] < 0)
            continue;
        double err = (double)(rep_ms[paired[i]] - t->reps[i].end_ms) / 1000.0;
        k->on_time += fabs(err) <= EVAL_ON_TIME_S;
        k->late += err > EVAL_ON_TIME_S;
    }
}

/* Whether the station said to press OK for missed reps, by how much of the
 * clip it counted. */
static void tally_told(tally *k, const eval_truth *t, int counted, bool told)
{
    if (t->negative)
        k->negatives_told += told;
    else if (2 * counted < t->count) {
        k->under_half++;
        k->under_half_told += told;
    } else if (10 * counted >= 9 * t->count) {
        k->most++;
        k->most_told += told;
    }
}

static void tally_add(tally *k, const eval_truth *t, int counted)
{
    k->clips++;
    k->exact += counted == t->count;
    k->within_one += abs(counted - t->count) <= 1;
    if (t->negative) {
        k->negatives++;
        k->negatives_counted += counted > 0;
    } else {
        k->err_sum += (double)abs(counted - t->count) / (double)t->count;
    }
}

/* --press-missed: what the presses did for this clip. */
static void tally_presses(tally *k, const eval_truth *t, const station_run *st, bool verbose)
{
    if (t->negative)
        return;
    k->true_reps += t->count;
    k->presses += st->presses;
    k->pressed_clips += st->presses > 0;
    k->after_press += st->after_press;
    k->counted_after_press += st->counted_after_press;
    k->with_ok_exact += st->camera_reps + st->manual_reps == t->count;
    if (verbose)
        printf("    pressed OK:   %d time%s (%d manual reps); after the first press the camera "
               "counted %d of %d\n",
               st->presses, st->presses == 1 ? "" : "s", st->manual_reps, st->counted_after_press,
               st->after_press);
}

static void tally_print(const char *what, const tally *k)
{
    int pos = k->clips - k->negatives;
    printf("%-14s %5d %7.3f %10.3f %10.3f %12d of %-3d %6d %5d of %-3d %4d\n", what, k->clips,
           k->clips ? (double)k->exact / k->clips : 0.0,
           k->clips ? (double)k->within_one / k->clips : 0.0, pos ? k->err_sum / pos : 0.0,
           k->negatives_counted, k->negatives, k->paired, k->on_time, k->paired, k->late);
}

static void usage(void)
{
    fprintf(stderr, "usage: rm-station [-v] [--loops K] [--slower F] [--farther F] [--scale S] "
                    "[--press-missed] DIR\n");
}

int main(int argc, char **argv)
{
    bool verbose = false;
    play_opts how = { .loops = 1, .slower = 1.0, .farther = 1.0, .scale = 1.0 };
    int a = 1;
    for (; a < argc - 1; a++) {
        if (!strcmp(argv[a], "-v")) {
            verbose = true;
        } else if (!strcmp(argv[a], "--press-missed")) {
            how.press_missed = true;
        } else if (!strcmp(argv[a], "--loops") && a + 1 < argc - 1) {
            char *end;
            long k = strtol(argv[++a], &end, 10);
            if (*end || k < 1 || k > MAX_LOOPS) {
                fprintf(stderr, "rm-station: --loops: 1 to %d, not '%s'\n", MAX_LOOPS, argv[a]);
                return 2;
            }
            how.loops = (int)k;
        } else if ((!strcmp(argv[a], "--slower") || !strcmp(argv[a], "--farther") ||
                    !strcmp(argv[a], "--scale")) &&
                   a + 1 < argc - 1) {
            bool slower = !strcmp(argv[a], "--slower"), scale = !strcmp(argv[a], "--scale");
            double lo = scale ? 0.25 : 1.0;
            char *end;
            double f = strtod(argv[++a], &end);
            if (*end || end == argv[a] || !(f >= lo && f <= 4.0)) {
                fprintf(stderr, "rm-station: %s: %g to 4, not '%s'\n", argv[a - 1], lo, argv[a]);
                return 2;
            }
            *(scale ? &how.scale : slower ? &how.slower : &how.farther) = f;
        } else {
            usage();
            return 2;
        }
    }
    if (a != argc - 1 || argv[a][0] == '-') {
        usage();
        return 2;
    }
    char **names, path[4096], err[256];
    int n = eval_list_labels(argv[a], NULL, &names, err);
    if (n < 0) {
        fprintf(stderr, "rm-station: %s\n", err);
        return 1;
    }
    eval_truth *t = xmalloc(sizeof *t);
    tally station = { 0 }, alone = { 0 };
    bool ok = n > 0;
    printf("%-34s %-9s %5s %8s %6s %10s %5s\n", "clip", "set", "true", "station", "alone",
           "set began", "told");
    for (int i = 0; i < n; i++) {
        programme p;
        snprintf(path, sizeof path, "%s", names[i]);
        if (!eval_read_labels(path, t, err)) {
            fprintf(stderr, "rm-station: %s\n", err);
            ok = false;
        } else if (set_for(t, &p)) {
            snprintf(path + strlen(path) - 5, 6, ".y4m");
            station_run st;
            int counted_alone = 0;
            ok &= play(path, t, &p, &how, &st, &counted_alone);
            tally_add(&station, t, st.camera_reps);
            tally_add(&alone, t, counted_alone);
            tally_told(&station, t, st.camera_reps, st.told_missed);
            tally_times(&station, t, st.rep_ms, st.camera_reps < MAX_SHOWN ? st.camera_reps : MAX_SHOWN);
            int64_t alone_ms[EVAL_MAX_REPS];
            tally_times(&alone, t, alone_ms, eval_rep_times(st.alone, alone_ms, EVAL_MAX_REPS));
            char began[16] = "never";
            if (st.set_began_ms >= 0)
                snprintf(began, sizeof began, "%.1f s", (double)st.set_began_ms / 1000.0);
            printf("%-34s %-9s %5d %8d %6d %10s %5s%s\n", t->name, exercise_id(p.blocks[0].exercise),
                   t->count, st.camera_reps, counted_alone, began, st.told_missed ? "yes" : "no",
                   st.camera_reps != t->count ? "   <-- miscount" : "");
            if (verbose)
                print_times(t, &st);
            if (how.press_missed)
                tally_presses(&station, t, &st, verbose);
            eval_free(st.alone);
        }
        free(names[i]);
    }
    free(names);
    free(t);
    printf("\n%-14s %5s %7s %10s %10s %19s %6s %12s %4s\n", "", "clips", "exact", "within one",
           "mean error", "negatives counted", "paired", "within 0.3 s", "late");
    tally_print("station", &station);
    tally_print("counter alone", &alone);
    printf("\ntold \"If I miss a rep, press OK\" (played %d time%s over): %d of the %d clips the "
           "station counted under half of, %d of the %d it counted nine tenths or more of, "
           "%d of the %d negatives\n",
           how.loops, how.loops == 1 ? "" : "s", station.under_half_told, station.under_half,
           station.most_told, station.most, station.negatives_told, station.negatives);
    if (how.press_missed)
        printf("pressed OK for a missed rep %d times for the %d true reps of the %d clips with "
               "reps, on %d clips; after a clip's first press the camera counted %d of its %d "
               "true reps; counted and pressed together exact on %d of them\n",
               station.presses, station.true_reps, station.clips - station.negatives,
               station.pressed_clips, station.counted_after_press, station.after_press,
               station.with_ok_exact);
    return ok ? 0 : 1;
}

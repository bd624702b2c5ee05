/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_corpus: the corpus generator and the evaluator's bookkeeping. Plans are
 * deterministic; the first 67 clips of a seed cover every exercise with every
 * nuisance and every kind of negative; the truth keeps its margins (full reps
 * versus partials, holds met versus short, no one in front during a return to
 * rest, moves inside the clip and apart); formats stay in the issue's ranges;
 * labels written and read back give the same truth; bad labels are refused with
 * a reason; and the summary's verdict follows the targets.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "eval.h"

static corpus_clip c1, c2;

static void test_deterministic(void)
{
    corpus_plan(42, 17, &c1);
    corpus_plan(42, 17, &c2);
    CHECK(memcmp(&c1, &c2, sizeof c1) == 0, "same seed and index planned differently");
    corpus_plan(43, 17, &c2);
    CHECK(memcmp(&c1, &c2, sizeof c1) != 0, "another seed planned the same clip");
    size_t n = (size_t)c1.params.width * c1.params.height;
    uint8_t *a = malloc(n), *b = malloc(n);
    corpus_render(&c1, c1.frames / 2, a);
    corpus_render(&c1, c1.frames / 2, b);
    CHECK(memcmp(a, b, n) == 0, "the same frame rendered differently");
    free(a);
    free(b);
}

static int64_t end_of(const corpus_move *m)
{
    return m->start_ms + m->up_ms + m->hold_ms + m->down_ms;
}

/* Margins of one clip's truth. */
static void check_truth(const corpus_clip *c)
{
    const char *nm = c->name;
    for (int i = 0; i < c->n_moves; i++) {
        const corpus_move *m = &c->moves[i];
        CHECK(i == 0 || m->start_ms >= end_of(&c->moves[i - 1]), "%s: moves overlap", nm);
        if (m->kind == MOVE_OPENING) /* the clip begins inside it, past halfway up */
            CHECK(i == 0 && m->start_ms + m->up_ms / 2 <= 0 &&
                      m->start_ms + m->up_ms + m->hold_ms >= 0,
                  "%s: opening rep %d from %lld ms", nm, i, (long long)m->start_ms);
        CHECK(end_of(m) <= c->duration_ms - 2000, "%s: move %d ends too near the end", nm, i);
        if (m->kind == MOVE_PARTIAL)
            CHECK(m->amp <= 0.45f, "%s: partial at %.2f of the range", nm, (double)m->amp);
        if (m->kind == MOVE_REP)
            CHECK(m->amp >= 0.85f, "%s: full rep at %.2f of the range", nm, (double)m->amp);
        if (m->kind == MOVE_FIDGET)
            CHECK(c->kind == CORPUS_NEG_FIDGET || (c->nuisances >> CN_FIDGET & 1u),
                  "%s: fidget without the nuisance", nm);
        if (m->kind == MOVE_FIDGET && i + 1 < c->n_moves && c->moves[i + 1].kind != MOVE_FIDGET)
            CHECK(c->moves[i + 1].start_ms >= end_of(m) + 2500,
                  "%s: fidget ends less than 2.5 s before the next rep", nm);
        if (m->kind == MOVE_REP && c->params.exercise == EXERCISE_QUAD_SET)
            CHECK(m->hold_ms >= c->hold_target_ms + 1000 || m->hold_ms <= c->hold_target_ms - 2000,
                  "%s: quad-set hold %lld too near the target", nm, (long long)m->hold_ms);
        if (c->bump_ms >= 0)
            CHECK(c->bump_ms + 600 <= m->start_ms || c->bump_ms >= end_of(m) + 800,
                  "%s: the camera is bumped during a movement", nm);
        for (int w = 0; w < c->n_walks && m->kind == MOVE_REP; w++) {
            const corpus_walk *k = &c->walks[w];
            int64_t down = m->start_ms + m->up_ms + m->hold_ms;
            CHECK(!k->front || k->start_ms + k->dur_ms <= down || k->start_ms >= end_of(m) + 300,
                  "%s: someone in front during a return to rest", nm);
        }
    }
    if (c->kind != CORPUS_POSITIVE)
        CHECK(corpus_count(c, MOVE_REP) == 0, "%s: a negative with reps", nm);
    else
        CHECK(corpus_count(c, MOVE_REP) >= 2, "%s: fewer than 2 reps", nm);
    int w = c->params.width, h = c->params.height; /* landscape or portrait */
    int lng = w > h ? w : h, sht = w > h ? h : w;
    CHECK(lng >= 320 && lng <= 1280 && sht >= 180 && sht <= 720, "%s: size %dx%d", nm, w, h);
    CHECK(c->fps >= 10 && c->fps <= 30, "%s: %d fps", nm, c->fps);
    float body = 0.95f * c->params.scale; /* head to toe */
    CHECK(body >= 0.3f - 1e-4f && body <= 0.9f + 1e-4f, "%s: person %.2f of width", nm,
          (double)body);
    CHECK((int64_t)c->frames * 1000 / c->fps >= c->duration_ms - 1000 / c->fps,
          "%s: %d frames for %lld ms", nm, c->frames, (long long)c->duration_ms);
}

static void test_coverage_and_truth(void)
{
    bool pair[EXERCISE_KIND_COUNT][CN_COUNT] = { { false } };
    bool neg[CORPUS_KIND_COUNT] = { false };
    bool big = false, small = false, opening = false, companion = false;
    for (int i = 0; i < 67; i++) {
        corpus_plan(5, i, &c1);
        check_truth(&c1);
        opening |= c1.n_moves > 0 && c1.moves[0].kind == MOVE_OPENING;
        for (int w = 0; w < c1.n_walks; w++) /* there from the first frame to the last */
            companion |= c1.walks[w].sway_hz > 0.0f && c1.walks[w].start_ms == 0 &&
                         c1.walks[w].dur_ms == c1.duration_ms;
        neg[c1.kind] = true;
        big |= c1.params.width == 1280;
        small |= c1.params.width == 320;
        for (int n = 0; n < CN_COUNT && c1.kind == CORPUS_POSITIVE; n++)
            pair[c1.params.exercise][n] |= (c1.nuisances >> n) & 1u;
    }
    for (int e = 0; e < EXERCISE_KIND_COUNT; e++)
        for (int n = 0; n < CN_COUNT; n++)
            CHECK(pair[e][n], "no %s clip with nuisance %d", exercise_id(e), n);
    for (int k = 0; k < CORPUS_KIND_COUNT; k++)
        CHECK(neg[k], "no clip of kind %s", corpus_kind_name(k));
    CHECK(big && small, "sizes: 1280 wide %d, 320 wide %d", big, small);
    CHECK(opening && companion, "clips opening mid-rep %d, with a companion %d", opening,
          companion);
    for (uint32_t seed = 1; seed <= 8; seed++) /* the margins hold on other seeds too */
        for (int i = 0; i < 96; i++) {
            corpus_plan(seed * 1000, i, &c1);
            check_truth(&c1);
        }
}

static void test_labels_round_trip(void)
{
    const char *dir = getenv("RM_TEST_TMP");
    char path[4096];
    snprintf(path, sizeof path, "%s/corpus-labels.json", dir ? dir : "/tmp");
    static eval_truth want, got;
    for (int i = 0; i < 12; i++) {
        corpus_plan(77, i, &c1);
        FILE *f = fopen(path, "w");
        CHECK(f && corpus_write_labels(&c1, f), "cannot write %s", path);
        if (f)
            fclose(f);
        char err[256] = "";
        eval_truth_from_clip(&c1, &want);
        CHECK(eval_read_labels(path, &got, err), "%s: %s", c1.name, err);
        CHECK(got.exercise == want.exercise && got.negative == want.negative,
              "%s: exercise or kind read back wrong", c1.name);
        CHECK_EQ_INT(got.count, want.count, c1.name);
        CHECK_EQ_INT(got.partials, want.partials, c1.name);
        CHECK_EQ_INT(got.hold_target_ms, want.hold_target_ms, c1.name);
        CHECK(!strcmp(got.nuisances, want.nuisances), "%s: nuisances '%s'", c1.name,
              got.nuisances);
        CHECK(!strcmp(got.scene, want.scene), "%s: scene '%s', want '%s'", c1.name, got.scene,
              want.scene);
        for (int r = 0; r < want.n_reps && r < got.n_reps; r++)
            CHECK(got.reps[r].end_ms == want.reps[r].end_ms &&
                      got.reps[r].down_ms == want.reps[r].down_ms &&
                      got.reps[r].hold_ms == want.reps[r].hold_ms &&
                      got.reps[r].hold_met == want.reps[r].hold_met &&
                      got.reps[r].hold_known && want.reps[r].hold_known,
                  "%s: rep %d read back wrong", c1.name, r);
    }
    static const char *const bad[] = { "{\"exercise\": \"bridge\"}", "{\"count\": 2}",
                                       "{\"exercise\": \"bridge\", \"count\": 2,",
                                       ("{\"exercise\": \"bridge\", \"count\": 2, \"reps\": "
                                        "[{\"end_ms\": 100}]}"),
                                       "[1, 2]", "" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        FILE *f = fopen(path, "w");
        if (f) {
            fputs(bad[i], f);
            fclose(f);
        }
        char err[256] = "";
        CHECK(!eval_read_labels(path, &got, err) && err[0], "bad label %zu accepted", i);
    }
}

/* Writes json to a file in the test's folder and reads it back as labels. */
static bool read_label_text(const char *file, const char *json, eval_truth *got, char *err)
{
    const char *dir = getenv("RM_TEST_TMP");
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "/tmp", file);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(json, f);
        fclose(f);
    }
    return eval_read_labels(path, got, err);
}

/* The labels of `rehab-mirror synth`: "reps" is the count, "events" the list. */
static void test_synth_labels(void)
{
    static eval_truth got;
    char err[256] = "";
    CHECK(read_label_text("synth-labels.json",
                          "{\"exercise\": \"quad-set\", \"kind\": \"positive\", \"reps\": 2, "
                          "\"count\": 2, \"events\": [{\"top_ms\": 1000, \"hold_ms\": 6000, "
                          "\"end_ms\": 9000, \"hold_met\": true}, {\"end_ms\": 20000, "
                          "\"hold_met\": false}]}", &got, err),
          "synth-style label refused: %s", err);
    CHECK(got.n_reps == 2 && got.reps[0].down_ms == 7000 && got.reps[1].down_ms == 17000 &&
              got.reps[0].hold_met && !got.reps[1].hold_met,
          "synth-style label read wrong: %d reps", got.n_reps);
}

/* The labels of scripts/real-clips: a rep's hold is known where the manifest
 * gives its top, and is then met or short against the exercise's target. */
static void test_real_labels(void)
{
    static eval_truth got;
    char err[256] = "";
    CHECK(read_label_text("real-labels.json",
                          "{\"exercise\": \"bridge\", \"kind\": \"positive\", \"count\": 3, "
                          "\"reps\": [{\"end_ms\": 3000, \"top_ms\": 1000, \"hold_ms\": 1500}, "
                          "{\"end_ms\": 7000, \"top_ms\": 4000, \"hold_ms\": 2200}, "
                          "{\"end_ms\": 9000}]}", &got, err),
          "real label refused: %s", err);
    CHECK(got.n_reps == 3 && got.reps[0].hold_known && got.reps[0].hold_ms == 1500 &&
              !got.reps[0].hold_met && got.reps[0].down_ms == 2500,
          "a labelled hold short of the bridge's 2 s read wrong");
    CHECK(got.n_reps == 3 && got.reps[1].hold_known && got.reps[1].hold_met,
          "a labelled hold over the bridge's 2 s read wrong");
    CHECK(got.n_reps == 3 && !got.reps[2].hold_known && got.reps[2].hold_met &&
              got.reps[2].down_ms == 6000,
          "a rep without a labelled hold read wrong");
}

static void test_summary_verdict(void)
{
    eval_truth t = { .exercise = EXERCISE_BRIDGE, .count = 3 };
    eval_result r = { .counted = 3, .matched = 3, .errs = { 0.1, 0.2, -0.1 } };
    eval_targets tg = eval_issue_targets();
    tg.min_clips = 2;
    eval_summary s = { 0 };
    eval_add(&s, &t, &r);
    eval_add(&s, &t, &r);
    CHECK(eval_print_summary(&s, &tg), "perfect counts should meet the targets");
    eval_truth neg = { .exercise = EXERCISE_BRIDGE, .negative = true };
    eval_result one = { .counted = 1 };
    eval_add(&s, &neg, &one);
    CHECK(!eval_print_summary(&s, &tg), "a count on a negative should miss the targets");
    eval_summary_free(&s);
    eval_summary late = { 0 };
    r.errs[1] = 0.45;
    eval_add(&late, &t, &r);
    eval_add(&late, &t, &r);
    CHECK(!eval_print_summary(&late, &tg), "a rep 0.45 s late should miss the latency target");
    eval_summary_free(&late);
}

/* The pairing keeps both orders and takes the counted rep nearest in time: an
 * extra rep counted early (a set-up before the first rep) takes no true rep
 * from the rep counted on its return, and a missed rep leaves its truth out. */
static void test_pairing(void)
{
    eval_truth t = { .n_reps = 3 };
    static const int64_t end[3] = { 3500, 5950, 8550 };
    for (int i = 0; i < 3; i++)
        t.reps[i] = (eval_rep){ .down_ms = end[i] - 3000, .end_ms = end[i] };
    int paired[3];
    static const int64_t extra_first[4] = { 1500, 3500, 5800, 8430 };
    CHECK(eval_pair(extra_first, 4, &t, paired) == 3 && paired[0] == 1 && paired[1] == 2 &&
              paired[2] == 3,
          "an early extra count took a pair: %d %d %d", paired[0], paired[1], paired[2]);
    static const int64_t missed_second[2] = { 3400, 8600 };
    CHECK(eval_pair(missed_second, 2, &t, paired) == 2 && paired[0] == 0 && paired[1] == -1 &&
              paired[2] == 1,
          "a missed rep was paired: %d %d %d", paired[0], paired[1], paired[2]);
    static const int64_t too_late[1] = { 3500 + EVAL_MATCH_LATE_MS + 1 + 5950 };
    CHECK(eval_pair(too_late, 1, &t, paired) == 0, "a count long after every return was paired");
}

/* --farther: a white square in the middle of a black frame, seen from twice
 * as far, is a quarter of its area, still in the middle, and what was outside
 * the picture is the grey border. */
static void test_farther(void)
{
    enum { W = 64, H = 48 };
    uint8_t src[W * H], dst[W * H];
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            src[y * W + x] = x >= 24 && x < 40 && y >= 16 && y < 32 ? 255 : 0;
    eval_farther(src, W, H, 1.0, dst);
    CHECK(memcmp(src, dst, sizeof src) == 0, "from as far: not the same picture");
    eval_farther(src, W, H, 2.0, dst);
    int white = 0, grey = 0, other = 0, astray = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            uint8_t v = dst[y * W + x];
            white += v == 255;
            grey += v == 128;
            other += v != 255 && v != 128 && v != 0;
            astray += v == 255 && !(x >= 28 && x < 36 && y >= 20 && y < 28);
        }
    CHECK(white == 8 * 8 && other == 0 && astray == 0,
          "the square from twice as far: %d white (%d off centre), %d other", white, astray,
          other);
    CHECK(grey == W * H - (W / 2) * (H / 2), "the border: %d grey pixels", grey);
}

/* The 95% Wilson interval against values worked by hand from its formula:
 * 7 of 10 is 0.397-0.892, 10 of 10 reaches 1 and starts at 0.722, and the
 * interval narrows as the same rate comes from more clips. */
static void test_wilson(void)
{
    double lo, hi;
    eval_wilson(7, 10, &lo, &hi);
    CHECK(fabs(lo - 0.3968) < 1e-3 && fabs(hi - 0.8922) < 1e-3, "7 of 10: %.4f-%.4f", lo, hi);
    eval_wilson(10, 10, &lo, &hi);
    CHECK(fabs(lo - 0.7225) < 1e-3 && hi > 1.0 - 1e-9, "10 of 10: %.4f-%.4f", lo, hi);
    double lo2, hi2;
    eval_wilson(70, 100, &lo2, &hi2);
    eval_wilson(7, 10, &lo, &hi);
    CHECK(lo2 > lo && hi2 < hi && lo2 < 0.7 && hi2 > 0.7,
          "70 of 100 (%.3f-%.3f) should be inside 7 of 10 (%.3f-%.3f) and hold 0.7", lo2, hi2,
          lo, hi);
    eval_wilson(0, 0, &lo, &hi);
    CHECK(lo == 0.0 && hi == 1.0, "no trials: %.2f-%.2f", lo, hi);
}

int main(void)
{
    test_deterministic();
    test_coverage_and_truth();
    test_labels_round_trip();
    test_synth_labels();
    test_real_labels();
    test_summary_verdict();
    test_wilson();
    test_pairing();
    test_farther();
    return check_done();
}

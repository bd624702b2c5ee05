/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_screens: draws every screen from hand-made views on the offscreen
 * video driver with the software renderer, saves each as a PNG (look at them:
 * $RM_TEST_TMP/screens) and checks what a person would notice: the screen is
 * mostly black (a mirror), every screen has the button hints along the
 * bottom, the rep count is huge, different states look different, portrait
 * and landscape both work, the text cache stays bounded, and a screenshot
 * reads back as the same pixels. Every screen is drawn in every shipped
 * language at 800x480, 1920x1080 and 1080x1920, and no text may be smaller
 * than UI_MIN_TEXT, reach outside the screen or fail to fit its box
 * (ui_get_legibility): a translation too long for its place fails here.
 */
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"
#include "display.h"
#include "i18n.h"
#include "intl.h"
#include "languages.h"
#include "panels.h"
#include "programme_text.h"
#include "screens.h"
#include "screens_panels.h"
#include "shot.h"
#include "ui.h"

typedef struct pixels {
    int w, h;
    uint8_t *rgb;
} pixels;

static pixels grab(SDL_Renderer *r)
{
    pixels p = { 0, 0, NULL };
    SDL_GetRendererOutputSize(r, &p.w, &p.h);
    p.rgb = malloc((size_t)p.w * (size_t)p.h * 3);
    if (SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGB24, p.rgb, p.w * 3) != 0)
        memset(p.rgb, 0, (size_t)p.w * (size_t)p.h * 3);
    return p;
}

static const uint8_t *px_at(const pixels *p, int x, int y)
{
    return p->rgb + ((size_t)y * (size_t)p->w + (size_t)x) * 3;
}

static double near_black_share(const pixels *p)
{
    size_t dark = 0, n = (size_t)p->w * (size_t)p->h;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *c = p->rgb + i * 3;
        dark += c[0] <= 40 && c[1] <= 40 && c[2] <= 40;
    }
    return (double)dark / (double)n;
}

/* Accent-coloured pixels (the hint keys are drawn in it) in rows y0..h. */
static int accent_pixels_below(const pixels *p, int y0)
{
    int n = 0;
    for (int y = y0; y < p->h; y++)
        for (int x = 0; x < p->w; x++) {
            const uint8_t *c = px_at(p, x, y);
            n += c[0] < 60 && c[1] > 150 && c[2] > 200;
        }
    return n;
}

/* Pixels within 40 levels of colour c in rows y0..y1-1. */
static int pixels_like(const pixels *p, int y0, int y1, ui_color c)
{
    int n = 0;
    for (int y = y0; y < y1 && y < p->h; y++)
        for (int x = 0; x < p->w; x++) {
            const uint8_t *q = px_at(p, x, y);
            n += abs(q[0] - c.r) < 40 && abs(q[1] - c.g) < 40 && abs(q[2] - c.b) < 40;
        }
    return n;
}

/* Height of the box holding the white pixels within the region. */
static int white_box_height(const pixels *p, int x0, int y0, int x1, int y1)
{
    int top = -1, bottom = -1;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            const uint8_t *c = px_at(p, x, y);
            if (c[0] > 200 && c[1] > 200 && c[2] > 200) {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }
    return top < 0 ? 0 : bottom - top + 1;
}

static uint64_t hash(const pixels *p)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < (size_t)p->w * (size_t)p->h * 3; i++)
        h = (h ^ p->rgb[i]) * 1099511628211ull;
    return h;
}

/* The bundled programme's blocks (assets/programmes/runners-knee.ini): what a
 * person sees, its cues translated (po/bundled-programme.c). */
static void make_programme(programme *p)
{
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "Runner's knee");
    p->rest_s = 45;
    p->sessions_per_week = 5;
    static const struct {
        const char *title;
        exercise_kind ex;
        side side;
        int hold;
        const char *cues[3];
    } b[] = {
        { "Clamshell", EXERCISE_CLAMSHELL, SIDE_LEFT, 1,
          { "Lie on your side, knees bent", "Keep your feet together",
            "Lift the top knee, hips still" } },
        { "Clamshell", EXERCISE_CLAMSHELL, SIDE_RIGHT, 1,
          { "Lie on your other side", "Keep your feet together",
            "Lift the top knee, hips still" } },
        { "Glute bridge", EXERCISE_BRIDGE, SIDE_NONE, 2,
          { "On your back, feet flat", "Squeeze and lift your hips",
            "Shoulders, hips, knees in line" } },
        { "Quad set", EXERCISE_QUAD_SET, SIDE_NONE, 5,
          { "Leg straight, towel under knee", "Press the knee down, tighten",
            "Keep breathing while you hold" } },
    };
    p->n_blocks = 4;
    for (int i = 0; i < 4; i++) {
        programme_block *k = &p->blocks[i];
        snprintf(k->title, sizeof k->title, "%s", b[i].title);
        k->exercise = b[i].ex;
        k->side = b[i].side;
        k->sets = 3;
        k->reps = 10;
        k->hold_s = b[i].hold;
        k->n_cues = 3;
        for (int c = 0; c < 3; c++)
            snprintf(k->cues[c], sizeof k->cues[c], "%s", b[i].cues[c]);
    }
}

static session_view base_view(const programme *p)
{
    session_view v;
    memset(&v, 0, sizeof v);
    v.prog = p;
    v.block = 0;
    v.set = 2;
    v.last_rep_ms = -1;
    v.pain_before = 2;
    v.pain_after = -1;
    v.counter.phase = REPS_PHASE_REST;
    v.stats = (session_stats){ .streak_days = 3, .week_sessions = 2, .week_target = 5,
                               .week_reps = 120, .week_reps_target = 300, .last_pain_before = 2 };
    return v;
}

/* The views to draw, one per screen plus variants that must differ. */
enum { N_VIEWS = 42 };
static const char *view_names[N_VIEWS] = {
    "home", "pain-before", "pain-during-7", "intro-clamshell", "intro-bridge", "intro-quad",
    "position", "set-7", "set-8", "set-hold", "rest", "pause", "pain-stop", "red-flag",
    "pain-after", "camera-lost", "timed-tighten", "timed-hold", "timed-relax", "home-stopped",
    "red-flag-check", "set-partial", "summary", "language", "summary-pain", "home-pain-stop",
    "who", "attract", "still-there", "home-kiosk", "home-streak-1", "home-streak-0",
    "position-learning", "summary-notice", "position-settling", "position-begun", "set-missed",
    "set-held", "pain-after-early", "position-looking", "set-done",
    "home-done-today",
};
static const char *const PEOPLE[] = { "Alice", "Bob", "Chidi" };

static session_view make_view(const programme *p, int i)
{
    session_view v = base_view(p);
    switch (i) {
    case 0: v.screen = SCREEN_HOME; v.block = -1; break;
    case 1: v.screen = SCREEN_PAIN_BEFORE; v.pain = 2; break;
    case 2: v.screen = SCREEN_PAIN_DURING; v.pain = 7; break;
    case 3: v.screen = SCREEN_INTRO; break;
    case 4: v.screen = SCREEN_INTRO; v.block = 2; break;
    case 5: v.screen = SCREEN_INTRO; v.block = 3; break;
    case 6:
        v.screen = SCREEN_POSITION;
        v.counter.phase = REPS_PHASE_LEARNING;
        v.counter.learn_progress = 0.6f;
        v.cue = "Get into position";
        v.position_elapsed_ms = 6000; /* nobody seen after a good look */
        break;
    case 7: case 8:
        v.screen = SCREEN_SET;
        v.reps_done = i == 7 ? 7 : 8;
        v.counter.level = 0.3f;
        v.cue = "Lift the top knee";
        break;
    case 9:
        v.screen = SCREEN_SET;
        v.block = 3;
        v.reps_done = 4;
        v.counter.phase = REPS_PHASE_HOLD;
        v.counter.level = 1.0f;
        v.hold_remaining_ms = 2400;
        v.unsaved = true;
        v.cue = "Hold";
        break;
    case 10: v.screen = SCREEN_REST; v.reps_done = 10; v.rest_remaining_ms = 31200; break;
    case 11: v.screen = SCREEN_PAUSE; v.paused_from = SCREEN_SET; v.menu_cursor = 1; break;
    case 12:
        v.screen = SCREEN_PAIN_STOP;
        /* The session's own advice (session.c), so it is drawn translated. */
        v.advice = "Stop exercising for today: pain above 5 out of 10 is too much. Next time "
                   "try fewer reps or a smaller movement. If it keeps happening, talk to your "
                   "physiotherapist.";
        break;
    case 13:
        v.screen = SCREEN_RED_FLAG;
        v.advice = "No more exercise today. Sharp or sudden pain, swelling, the knee giving way "
                   "or locking, a hot red knee with fever, or calf pain: please contact a "
                   "doctor or physiotherapist. Chest pain or shortness of breath: call "
                   "emergency services now.";
        break;
    case 14: v.screen = SCREEN_PAIN_AFTER; v.pain = 1; break;
    case 15: v.screen = SCREEN_CAMERA_LOST; v.paused_from = SCREEN_SET; v.reps_done = 6; break;
    case 16: case 17: case 18: /* a quad set led by the clock */
        v.screen = SCREEN_SET;
        v.block = 3;
        v.reps_done = 3;
        v.timed = true;
        v.timed_phase = i - 16; /* TIMED_TIGHTEN, TIMED_HOLD, TIMED_RELAX */
        v.timed_left_ms = v.hold_remaining_ms = i == 17 ? 3400 : 0;
        v.cue = i == 16 ? "Tighten your thigh, press the knee down" : i == 17 ? "Hold" : "Relax";
        break;
    case 19: v.screen = SCREEN_HOME; v.block = -1; v.day_stop = SESSION_STOP_RED_FLAG; break;
    case 20: v.screen = SCREEN_RED_FLAG_CHECK; v.paused_from = SCREEN_SET; break;
    case 23: v.screen = SCREEN_LANGUAGE; v.block = -1; v.language = 1; v.menu_cursor = 2; break;
    case 24: /* pain high after: its advice must show, whatever else gives way,
              * and every rep done is no cause for cheering (a plain title) */
        v.screen = SCREEN_SUMMARY;
        v.pain_after = 7;
        v.block_done[0] = 30, v.block_done[1] = 30, v.block_done[2] = 30, v.block_done[3] = 30;
        v.total_done = 120;
        v.total_target = 120;
        v.advice = "Your pain was high after exercising. Next time try an easier dose. If it "
                   "happens again, talk to your physiotherapist.";
        break;
    case 25: v.screen = SCREEN_HOME; v.block = -1; v.day_stop = SESSION_STOP_PAIN; break;
    case 21:
        v.screen = SCREEN_SET;
        v.reps_done = 7;
        v.flash = "Partial";
        v.cue = "That one was partial: go a little further";
        break;
    case 41: /* today's session done: "Done for today" instead of "Press OK to start" */
        v = make_view(p, 0);
        v.stats.done_today = true;
        break;
    case 40: /* the set's last rep: its count shown a moment with a tick */
        v = make_view(p, 7);
        v.reps_done = 10;
        v.set_complete = true;
        v.cue = "Well done!";
        break;
    case 39: /* the first look: "looking", not yet "nobody seen" */
        v = make_view(p, 6);
        v.position_elapsed_ms = 500;
        break;
    case 38: /* ended early: "one last check", not "all done" */
        v = make_view(p, 14);
        v.total_done = 3;
        v.total_target = 120;
        break;
    case 37: /* set-hold held to the target: "Relax", as the voice says */
        v = make_view(p, 9);
        v.hold_remaining_ms = 0;
        v.unsaved = false;
        v.cue = "Relax and lower slowly";
        break;
    case 36: /* moving with no rep counted: press OK for the missed ones */
        v.screen = SCREEN_SET;
        v.reps_done = 3;
        v.counter.level = 0.2f;
        v.told_missed = true;
        v.flash = "Missed?";
        v.cue = "If I miss a rep, press OK";
        break;
    case 26: v.screen = SCREEN_WHO; v.people = PEOPLE; v.people_count = 3; v.who_cursor = 1; break;
    case 27: v.screen = SCREEN_ATTRACT; v.kiosk = true; break;
    case 28: v.screen = SCREEN_STILL_THERE; v.abandon_in_ms = 27000; break;
    case 29: v.screen = SCREEN_HOME; v.block = -1; v.kiosk = true; break;
    /* each streak line has its own words: "1 day so far: keep it going" is
     * the longest in German */
    case 30: v.screen = SCREEN_HOME; v.block = -1; v.stats.streak_days = 1; break;
    case 31: v.screen = SCREEN_HOME; v.block = -1; v.stats.streak_days = 0; break;
    case 32: /* someone seen, the rest pose nearly learnt: "95%" inside the ring */
        v.screen = SCREEN_POSITION;
        v.presence = PRESENCE_SEEN;
        v.settled = true;
        v.counter.phase = REPS_PHASE_LEARNING;
        v.counter.learn_progress = 0.95f;
        break;
    case 34: /* someone seen, still getting down: "Keep still a moment" */
    case 35: /* ... or a rep counted lately (they began): not asked to keep still */
        v.screen = SCREEN_POSITION;
        v.presence = PRESENCE_SEEN;
        v.counter.phase = REPS_PHASE_LEARNING;
        v.counter.learn_progress = 0.4f;
        v.early_rep = i == 35;
        break;
    default: /* 22; 33 with the disk full: its notice above the hints, clear of the rest */
        v.screen = SCREEN_SUMMARY;
        v.pain_after = 1;
        v.block_done[0] = 30, v.block_done[1] = 30, v.block_done[2] = 24, v.block_done[3] = 30;
        v.total_done = 114;
        v.total_target = 120;
        v.advice = "Good work. Every rep counts; see you next time.";
        if (i == 33)
            v.notice = "The disk is full: the last reps are not saved yet. Still trying.";
        break;
    }
    return v;
}

/* A dark room, a lighter mat, a bright person lying on it. */
static camera_frame fake_frame(uint8_t *luma)
{
    for (int y = 0; y < 240; y++)
        for (int x = 0; x < 320; x++) {
            uint8_t v = 25;
            if (y > 150 && y < 200)
                v = 90;
            if (y > 140 && y < 170 && x > 60 && x < 260)
                v = 210;
            luma[y * 320 + x] = v;
        }
    return (camera_frame){ luma, 320, 240, 320, 1000, 1 };
}

static void check_png(const char *path, int w, int h, const pixels *want)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    CHECK(png_image_begin_read_from_file(&img, path), "%s does not read back", path);
    CHECK_EQ_INT(img.width, w, "png width");
    CHECK_EQ_INT(img.height, h, "png height");
    img.format = PNG_FORMAT_RGB;
    uint8_t *buf = malloc(PNG_IMAGE_SIZE(img));
    CHECK(png_image_finish_read(&img, NULL, buf, 0, NULL), "%s pixels do not read", path);
    CHECK(want && memcmp(buf, want->rgb, (size_t)w * (size_t)h * 3) == 0,
          "%s: the PNG pixels differ from the screen", path);
    free(buf);
}

/* What was drawn since ui_legibility_reset: every text legible, inside the
 * screen, apart from the others and fitting its box (4:3 is not checked). */
static void check_legible(ui *u, const char *lang, int w, int h, const char *name)
{
    ui_legibility leg = ui_get_legibility(u);
    CHECK(w == 640 || leg.small + leg.outside + leg.overlap + leg.unfit == 0,
          "%s %dx%d %s: %d texts too small, %d outside the screen, %d over others, %d do not "
          "fit; first %s",
          lang, w, h, name, leg.small, leg.outside, leg.overlap, leg.unfit, leg.first);
}

/* --- the panels over home (panels.h), drawn from hand-made views --------- */

enum { N_PANELS = 7 };
static const char *panel_names[N_PANELS] = { "history", "stick-changes", "stick-bad",
                                              "stick-done", "stick-kept", "progress",
                                              "stick-people" };

static panels_view make_panel(const programme *p, int i)
{
    panels_view v;
    memset(&v, 0, sizeof v);
    static const int sessions[HISTORY_WEEKS] = { 0, 2, 3, 5, 4, 5, 6, 3 };
    static const float pain[HISTORY_WEEKS] = { -1, 4, 3.5f, 3, 2, 2.5f, 1, 1 };
    switch (i) {
    case 0:
        v.kind = PANEL_HISTORY;
        for (int k = 0; k < HISTORY_WEEKS; k++) {
            history_week *w = &v.weeks[k];
            w->first_day = 20400 + 7 * k;
            w->last_day = w->first_day + 6;
            w->sessions = sessions[k];
            w->target = 5;
            w->reps_target = 120 * w->sessions;
            w->reps_done = w->reps_target * (60 + 5 * k) / 100;
            w->pain_before = pain[k];
            w->pain_after = pain[k] < 0 ? -1 : pain[k] + 0.5f;
        }
        v.streak_days = 4;
        break;
    case 1: {
        v.kind = PANEL_STICK_CHANGES;
        programme old = *p, new = *p;
        for (int b = 0; b < old.n_blocks; b++) {
            snprintf(old.blocks[b].key, sizeof old.blocks[b].key, "block%d", b);
            new.blocks[b] = old.blocks[b];
        }
        new.blocks[0].reps = new.blocks[1].reps = 12;
        new.blocks[2].hold_s = 5;
        new.n_blocks = 3;
        new.rest_s = 60;
        new.progression = !old.progression;
        snprintf(v.programme_file, sizeof v.programme_file, "rehab-mirror/programme.ini");
        v.n_changes = programme_diff(&old, &new, v.changes);
        v.written.files = 3;
        snprintf(v.written.names[0], sizeof v.written.names[0], "alice-2026-12-03.csv");
        snprintf(v.written.names[1], sizeof v.written.names[1], "alice-2026-12-03.png");
        snprintf(v.written.names[2], sizeof v.written.names[2], "alice-2026-12-03.pdf");
        break;
    }
    case 2:
        v.kind = PANEL_STICK_BAD;
        snprintf(v.programme_file, sizeof v.programme_file, "rehab-mirror/programme.ini");
        snprintf(v.error, sizeof v.error,
                 "programme.ini:12: sets must be a whole number from 1 to 10");
        break;
    case 3:
    case 4:
        v.kind = PANEL_STICK_DONE;
        snprintf(v.programme_file, sizeof v.programme_file, "rehab-mirror/programme.ini");
        v.applied = i == 3;
        v.kept = i == 4;
        v.written.files = 3;
        snprintf(v.written.names[0], sizeof v.written.names[0], "alice-2026-12-03.csv");
        snprintf(v.written.names[1], sizeof v.written.names[1], "alice-2026-12-03.png");
        snprintf(v.written.names[2], sizeof v.written.names[2], "alice-2026-12-03.pdf");
        break;
    case 6: /* a stick with people (texts as panels.c makes them) */
        v.kind = PANEL_STICK_CHANGES;
        v.people = true;
        snprintf(v.programme_file, sizeof v.programme_file, "rehab-mirror/profiles.ini");
        snprintf(v.changes[0], sizeof v.changes[0], _("New person: %s"), "Chidi");
        snprintf(v.changes[1], sizeof v.changes[1], _("Renamed: %s \xe2\x86\x92 %s"), "Bob",
                 "Robert");
        snprintf(v.changes[2], sizeof v.changes[2], _("Removed: %s (the record stays)"), "Alice");
        snprintf(v.changes[3], sizeof v.changes[3], _("%s: a new programme"), "Chidi");
        v.n_changes = 4;
        v.written.files = 6;
        break;
    default:
        v.kind = PANEL_PROGRESS;
        snprintf(v.step.group, sizeof v.step.group, "clamshell");
        snprintf(v.step.title, sizeof v.step.title, "Clamshell");
        v.step = (progression_step){ .from_sets = 3, .from_reps = 10, .to_sets = 3,
                                     .to_reps = 12, .n_blocks = 2, .blocks = { 0, 1 } };
        snprintf(v.step.group, sizeof v.step.group, "clamshell");
        snprintf(v.step.title, sizeof v.step.title, "Clamshell");
        break;
    }
    v.generation = 1;
    return v;
}

/* Every panel, drawn over home as the station does: legible (home's words
 * are gone), mostly black, hints at the bottom, saved for looking at, and no
 * two alike. */
static void run_panels(ui *u, SDL_Renderer *r, const programme *p, const char *dir, int w,
                       int h, const char *lang, int hints_top)
{
    uint64_t hashes[N_PANELS];
    char path[1200];
    for (int i = 0; i < N_PANELS; i++) {
        panels_view v = make_panel(p, i);
        session_view home = make_view(p, 0);
        screens_draw(u, &home, NULL, 0);
        screens_draw_panel(u, &v);
        check_legible(u, lang, w, h, panel_names[i]);
        pixels px = grab(r);
        hashes[i] = hash(&px);
        double dark = near_black_share(&px);
        CHECK(dark >= 0.75, "%dx%d panel %s: only %.0f%% near-black", w, h, panel_names[i],
              dark * 100);
        CHECK(accent_pixels_below(&px, hints_top) > 50, "%dx%d panel %s: no button hints", w, h,
              panel_names[i]);
        snprintf(path, sizeof path, "%s/%s-%dx%d-p%d-%s.png", dir, lang, w, h, i,
                 panel_names[i]);
        CHECK(shot_save_png(r, path), "cannot save %s", path);
        free(px.rgb);
    }
    for (int i = 0; i < N_PANELS; i++)
        for (int j = i + 1; j < N_PANELS; j++)
            CHECK(hashes[i] != hashes[j], "%dx%d: panels %s and %s look the same", w, h,
                  panel_names[i], panel_names[j]);
}

static void run_size(const char *assets, const char *dir, int w, int h, const char *lang)
{
    i18n_set_language(lang);
    char err[256] = "", path[1200];
    display_options opt = { w, h, false, true, "test_screens", 0 };
    display *d = display_create(&opt, err);
    CHECK(d != NULL, "display_create %dx%d: %s", w, h, err);
    if (!d)
        return;
    SDL_Renderer *r = display_renderer(d);
    int dw = 0, dh = 0;
    display_size(d, &dw, &dh);
    CHECK(dw == w && dh == h, "display_size %dx%d, want %dx%d", dw, dh, w, h);
    ui *u = ui_create(r, assets, err);
    CHECK(u != NULL, "ui_create: %s", err);
    if (!u) {
        display_destroy(d);
        return;
    }
    ui_set_size(u, dw, dh);
    programme p;
    make_programme(&p);
    static uint8_t luma[320 * 240];
    camera_frame frame = fake_frame(luma);
    uint64_t hashes[N_VIEWS];
    int hints_top = h - (int)(0.04f * ui_unit(u)) - (int)(UI_MIN_TEXT * 1.25f * ui_unit(u)) - 2;
    for (int i = 0; i < N_VIEWS; i++) {
        session_view v = make_view(&p, i);
        v.screen_since_ms = 0;
        ui_legibility_reset(u);
        screens_draw(u, &v, &frame, 700);
        check_legible(u, lang, w, h, view_names[i]);
        pixels px = grab(r);
        hashes[i] = hash(&px);
        double dark = near_black_share(&px);
        CHECK(dark >= 0.80, "%dx%d %s: only %.0f%% near-black", w, h, view_names[i], dark * 100);
        CHECK(accent_pixels_below(&px, hints_top) > 50, "%dx%d %s: no button hints at the bottom",
              w, h, view_names[i]);
        snprintf(path, sizeof path, "%s/%s-%dx%d-%02d-%s.png", dir, lang, w, h, i, view_names[i]);
        CHECK(shot_save_png(r, path), "cannot save %s", path);
        if (i == 7) {
            check_png(path, w, h, &px);
            /* The count "7": white pixels left of the status area, below the title. */
            int unit = w < h ? w : h;
            int x1 = w > h ? w * 60 / 100 : w, y0 = w > h ? h * 13 / 100 : h * 8 / 100;
            int box = white_box_height(&px, 0, y0, x1, hints_top - unit / 8);
            CHECK(box >= unit * 40 / 100, "%dx%d: count is %d px tall, want >= 40%% of %d", w,
                  h, box, unit);
            if (w > h)
                CHECK(box >= h * 40 / 100, "%dx%d: count under 40%% of the height", w, h);
        }
        if (v.screen == SCREEN_SUMMARY && v.pain_after > SESSION_PAIN_LIMIT) {
            /* No green cheer in the title band; the advice in the warning colour. */
            CHECK(pixels_like(&px, 0, h / 10, UI_OK) == 0, "%dx%d %s: the title cheers", w, h,
                  view_names[i]);
            CHECK(pixels_like(&px, h / 10, hints_top, UI_WARN) > 50,
                  "%dx%d %s: the pain advice is not in the warning colour", w, h, view_names[i]);
        }
        if (v.screen == SCREEN_INTRO || v.screen == SCREEN_ATTRACT) {
            /* The demo figure moves: at the top of the movement it differs. */
            screens_draw(u, &v, &frame, 2000);
            pixels top = grab(r);
            CHECK(hash(&top) != hashes[i], "%dx%d %s: the demo figure does not move", w, h,
                  view_names[i]);
            snprintf(path, sizeof path, "%s/%s-%dx%d-%02d-%s-top.png", dir, lang, w, h, i, view_names[i]);
            CHECK(shot_save_png(r, path), "cannot save %s", path);
            free(top.rgb);
        }
        free(px.rgb);
        display_present(d);
    }
    /* The dark screen is black: behind a mirror, the mirror. */
    session_view dark = make_view(&p, 0);
    dark.screen = SCREEN_SLEEP;
    screens_draw(u, &dark, &frame, 700);
    pixels black = grab(r);
    CHECK(near_black_share(&black) == 1.0, "%dx%d: the dark screen is %.2f%% black", w, h,
          near_black_share(&black) * 100);
    free(black.rgb);
    for (int i = 0; i < N_VIEWS; i++)
        for (int j = i + 1; j < N_VIEWS; j++)
            CHECK(hashes[i] != hashes[j], "%dx%d: %s and %s look the same", w, h, view_names[i],
                  view_names[j]);
    run_panels(u, r, &p, dir, w, h, lang, hints_top);
    if (strcmp(lang, "en") != 0 || w != 1280) /* the cache: once */
        goto done;
    /* Redrawing an unchanged screen renders no new text. */
    session_view v = make_view(&p, 7);
    screens_draw(u, &v, &frame, 700);
    int before = ui_text_cache_count(u);
    screens_draw(u, &v, &frame, 700);
    CHECK_EQ_INT(ui_text_cache_count(u), before, "text cache entries after a redraw");
    /* Every count and every rest second: the cache stays bounded. */
    for (int i = 0; i <= 50; i++) {
        v.reps_done = i;
        screens_draw(u, &v, &frame, 700);
    }
    v = make_view(&p, 10);
    for (int s = 300; s >= 0; s -= 2) {
        v.rest_remaining_ms = s * 1000;
        screens_draw(u, &v, &frame, 700);
    }
    CHECK(ui_text_cache_count(u) <= 96, "text cache holds %d entries", ui_text_cache_count(u));
done:
    ui_destroy(u);
    display_destroy(d);
}

static void test_shot_failure(void)
{
    char err[256];
    display_options opt = { 64, 48, false, true, "shot", 0 };
    display *d = display_create(&opt, err);
    CHECK(d != NULL, "display_create: %s", err);
    if (!d)
        return;
    CHECK(!shot_save_png(display_renderer(d), "/nonexistent-dir/x.png"),
          "saving into a missing directory must fail");
    display_destroy(d);
}

/* With no argument: the English screens at 1280x720, 640x480 and 1080x1920,
 * the cache and the PNGs. With a language code (ctest test_screens_CODE):
 * that language at 800x480, 1920x1080 and 1080x1920. */
int main(int argc, char **argv)
{
    if (!getenv("SDL_VIDEODRIVER"))
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return EXIT_FAILURE;
    }
    const char *assets = getenv("REHAB_MIRROR_ASSETS");
    if (!assets)
        assets = RM_ASSET_DIR_SOURCE;
    char sub[32];
    snprintf(sub, sizeof sub, "screens%s%.8s", argc > 1 ? "-" : "", argc > 1 ? argv[1] : "");
    const char *dir = check_tmpdir(sub);
    i18n_init();
    if (argc > 1) {
        CHECK(languages_find(argv[1]) >= 0, "%s is not a shipped language", argv[1]);
        run_size(assets, dir, 800, 480, argv[1]);
        run_size(assets, dir, 1920, 1080, argv[1]);
        run_size(assets, dir, 1080, 1920, argv[1]);
        SDL_Quit();
        return check_done();
    }
    run_size(assets, dir, 1280, 720, "en");
    run_size(assets, dir, 640, 480, "en");
    run_size(assets, dir, 1080, 1920, "en");
    run_size(assets, dir, 480, 800, "en"); /* the 7" panel turned on its side */
    test_shot_failure();
    SDL_Quit();
    return check_done();
}

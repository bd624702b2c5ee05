/*
 * station: start-up with fallbacks, the main loop, and teardown (station.h).
 *
 * Start-up opens each part in turn and never stops for a missing device: no
 * camera means the synthetic one, no buttons means the keyboard, no log means
 * a session that says its reps are not saved. Only a missing display (nothing
 * to show anything on) or font stops it.
 */
#include "station.h"

#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "adlog.h"
#include "audio.h"
#include "buttons.h"
#include "camera.h"
#include "clock.h"
#include "config.h"
#include "display.h"
#include "log.h"
#include "notify.h"
#include "programme.h"
#include "screens.h"
#include "session.h"
#include "shot.h"
#include "ui.h"
#include "xmalloc.h"

#define FRAME_IDLE_WAIT_MS 100   /* longest sleep when nothing is due */
#define ANIMATION_MS 50          /* redraw period of animated screens (20 fps) */
#define VIRTUAL_DRAW_MS 100      /* virtual clock: live redraws at most this often */

typedef struct station {
    const settings *cfg;
    rm_clock *clock;
    display *disp;
    ui *ui;
    camera *cam;
    buttons *btn;
    audio *snd;
    adlog *log;
    programme prog;
    session *sess;

    uint8_t *frame_buf;          /* copy of the newest camera frame */
    camera_frame frame;
    bool have_frame;
    bool camera_done;            /* END or ERROR reported once */

    session_view prev;           /* the view as last handled (cues, screen changes) */
    unsigned drawn_generation;
    int64_t drawn_at_ms;
    bool drawn_once;
    int shot_count;
    int64_t exit_at_ms;
    bool quit;
} station;

/* --- the session's sink: the adherence log with the clock's wall time ---- */

static int64_t sink_begin_session(void *ctx, const programme *p, int pain_before)
{
    station *st = ctx;
    return st->log ? adlog_begin_session(st->log, clock_wall_ms(st->clock), p, pain_before) : 0;
}

static int64_t sink_begin_set(void *ctx, int64_t session_id, const programme_block *b,
                              int block_index, int set_no)
{
    station *st = ctx;
    return st->log ? adlog_begin_set(st->log, session_id, clock_wall_ms(st->clock), b,
                                     block_index, set_no)
                   : 0;
}

static bool sink_rep(void *ctx, int64_t set_id, const session_rep *rep)
{
    station *st = ctx;
    return st->log && adlog_rep(st->log, set_id, clock_wall_ms(st->clock), rep);
}

static bool sink_end_set(void *ctx, int64_t set_id, int reps_done, int holds_met,
                         const char *status)
{
    station *st = ctx;
    return st->log &&
           adlog_end_set(st->log, set_id, clock_wall_ms(st->clock), reps_done, holds_met, status);
}

static bool sink_end_session(void *ctx, int64_t session_id, int pain_after, const char *status)
{
    station *st = ctx;
    return st->log && adlog_end_session(st->log, session_id, clock_wall_ms(st->clock),
                                        pain_after, status);
}

/* --- start-up ----------------------------------------------------------- */

static void open_programme(station *st)
{
    char path[SETTINGS_PATH_MAX + 64], err[256];
    if (st->cfg->programme[0])
        snprintf(path, sizeof path, "%s", st->cfg->programme);
    else
        snprintf(path, sizeof path, "%s/programmes/runners-knee.ini", st->cfg->asset_dir);
    if (!programme_load(&st->prog, path, err))
        log_warn("%s; using the built-in runner's-knee programme", err);
}

/* The auto choice: the real camera when built in, else the synthetic person. */
static void open_camera(station *st)
{
    camera_options opt = camera_default_options();
    opt.loop = true;
    char err[256] = "";
    const char *spec = st->cfg->camera;
    if (!spec[0])
        spec = HAVE_LIBCAMERA ? "libcamera" : "synthetic";
    st->cam = camera_create(spec, &opt, st->clock, err);
    if (!st->cam) {
        log_warn("camera '%s' not available (%s); using the synthetic camera", spec, err);
        st->cam = camera_create("synthetic", &opt, st->clock, err);
    }
    if (st->cam)
        log_info("camera: %s", camera_name(st->cam));
}

static void open_buttons(station *st)
{
    char err[256] = "";
    const char *spec = st->cfg->buttons;
    if (!spec[0])
        spec = HAVE_GPIOD ? "gpiod" : "keys";
    st->btn = buttons_create(spec, st->clock, err);
    if (!st->btn) {
        log_warn("buttons '%s' not available (%s); using the keyboard", spec, err);
        st->btn = buttons_create("keys", st->clock, err);
    }
    if (st->btn)
        log_info("buttons: %s", buttons_name(st->btn));
}

static bool open_screen(station *st)
{
    char err[256] = "";
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        log_error("no display (%s). Run under a desktop, under xvfb-run, or with "
                  "SDL_VIDEODRIVER=kmsdrm on a console", SDL_GetError());
        return false;
    }
    display_options dopt = { .width = st->cfg->width, .height = st->cfg->height,
                             .fullscreen = st->cfg->fullscreen,
                             .software = st->cfg->software_renderer, .title = "rehab-mirror" };
    st->disp = display_create(&dopt, err);
    if (!st->disp) {
        log_error("cannot open the display: %s", err);
        return false;
    }
    st->ui = ui_create(display_renderer(st->disp), st->cfg->asset_dir, err);
    if (!st->ui) {
        log_error("cannot load the fonts: %s", err);
        return false;
    }
    int w, h;
    display_size(st->disp, &w, &h);
    ui_set_size(st->ui, w, h);
    return true;
}

static void refresh_stats(station *st)
{
    session_stats stats = { .week_target = st->prog.sessions_per_week };
    if (st->log && !adlog_stats(st->log, clock_wall_ms(st->clock), st->prog.sessions_per_week,
                                &stats))
        log_warn("cannot read the adherence figures");
    session_set_stats(st->sess, &stats);
}

/* A virtual clock starts at the configured wall time, or now. */
static rm_clock *make_clock(const settings *cfg)
{
    if (!cfg->virtual_clock)
        return clock_create_real();
    int64_t start = cfg->start_wall_ms;
    if (!start) {
        rm_clock *real = clock_create_real();
        start = clock_wall_ms(real);
        clock_destroy(real);
    }
    return clock_create_virtual(start);
}

static bool station_open(station *st)
{
    st->clock = make_clock(st->cfg);
    if (!open_screen(st))
        return false;
    open_programme(st);
    char err[256] = "";
    st->log = adlog_open(st->cfg->data_dir, clock_wall_ms(st->clock), err);
    if (!st->log)
        log_warn("adherence log not available (%s); sessions will not be saved", err);
    open_camera(st);
    open_buttons(st);
    st->snd = audio_create(st->cfg->sound);
    session_sink sink = { st, sink_begin_session, sink_begin_set, sink_rep, sink_end_set,
                          sink_end_session };
    st->sess = session_create(&st->prog, &sink);
    refresh_stats(st);
    st->prev = *session_get_view(st->sess);
    st->exit_at_ms = st->cfg->exit_after_s > 0 ? (int64_t)(st->cfg->exit_after_s * 1000.0)
                                               : INT64_MAX;
    return st->cam && st->btn;
}

static void station_close(station *st)
{
    session_destroy(st->sess);
    audio_destroy(st->snd);
    buttons_destroy(st->btn);
    camera_destroy(st->cam);
    adlog_close(st->log);
    ui_destroy(st->ui);
    display_destroy(st->disp);
    clock_destroy(st->clock);
    free(st->frame_buf);
    SDL_Quit();
}

/* --- the loop ----------------------------------------------------------- */

static void take_frame(station *st, const camera_frame *f)
{
    size_t need = (size_t)f->width * (size_t)f->height;
    if (!st->have_frame || st->frame.width != f->width || st->frame.height != f->height)
        st->frame_buf = xrealloc(st->frame_buf, need);
    for (int y = 0; y < f->height; y++)
        memcpy(st->frame_buf + (size_t)y * f->width, f->luma + (size_t)y * f->stride,
               (size_t)f->width);
    st->frame = *f;
    st->frame.luma = st->frame_buf;
    st->frame.stride = f->width;
    st->have_frame = true;
}

static void poll_camera(station *st)
{
    camera_frame f;
    camera_status cs = camera_poll(st->cam, &f);
    if (cs == CAMERA_FRAME) {
        take_frame(st, &f);
        session_frame(st->sess, f.luma, f.width, f.height, f.stride, f.t_ms);
    } else if ((cs == CAMERA_END || cs == CAMERA_ERROR) && !st->camera_done) {
        st->camera_done = true;
        log_warn("camera stopped: %s", cs == CAMERA_END ? "end of clip" : camera_error(st->cam));
    }
}

static void poll_inputs(station *st)
{
    SDL_Event ev;
    while (SDL_PollEvent(&ev)) {
        if (ev.type == SDL_QUIT)
            st->quit = true;
        else if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int w, h;
            display_size(st->disp, &w, &h);
            ui_set_size(st->ui, w, h);
            st->drawn_once = false;
        }
        buttons_feed_sdl(st->btn, &ev);
    }
    button_event be;
    while (buttons_poll(st->btn, &be))
        session_press(st->sess, &be);
    poll_camera(st);
    session_tick(st->sess, clock_now_ms(st->clock));
}

/* Sound cues from what changed in the view since the last loop. */
static void play_cues(station *st, const session_view *v)
{
    const session_view *p = &st->prev;
    if (v->total_done > p->total_done)
        audio_play(st->snd, AUDIO_REP);
    if (p->screen == SCREEN_SET && (v->screen == SCREEN_REST || v->screen == SCREEN_INTRO ||
                                    v->screen == SCREEN_PAIN_AFTER))
        audio_play(st->snd, AUDIO_SET_DONE);
    if (v->screen != p->screen && (v->screen == SCREEN_PAIN_STOP || v->screen == SCREEN_RED_FLAG))
        audio_play(st->snd, AUDIO_ALERT);
    if (v->screen == SCREEN_SET && p->screen == SCREEN_SET) {
        int64_t was = (p->hold_remaining_ms + 999) / 1000, now = (v->hold_remaining_ms + 999) / 1000;
        if (p->hold_remaining_ms > 0 && v->hold_remaining_ms == 0 &&
            v->counter.phase == REPS_PHASE_HOLD)
            audio_play(st->snd, AUDIO_HOLD_DONE);
        else if (now < was && now <= 3 && now > 0)
            audio_play(st->snd, AUDIO_HOLD_TICK);
    }
}

/* Keeps the demo person doing what the session asks, starting afresh (settle,
 * then reps) each time the person is asked to get into position. */
static void steer_demo(station *st, const session_view *v)
{
    if (v->screen == SCREEN_POSITION && st->prev.screen != SCREEN_POSITION) {
        bool mirror;
        exercise_kind ex = session_current_exercise(st->sess, &mirror);
        camera_synthetic_set_exercise(st->cam, ex, mirror);
    }
}

static void screenshot(station *st, const session_view *v)
{
    char path[SETTINGS_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%03d-%s.png", st->cfg->screenshot_dir, ++st->shot_count,
             session_screen_id(v->screen));
    if (!shot_save_png(display_renderer(st->disp), path))
        log_warn("screenshot %s not written", path);
}

static bool live_screen(session_screen s)
{
    return s == SCREEN_INTRO || s == SCREEN_POSITION || s == SCREEN_SET || s == SCREEN_REST;
}

static void draw(station *st, const session_view *v, bool screen_changed)
{
    int64_t now = clock_now_ms(st->clock);
    bool changed = !st->drawn_once || v->generation != st->drawn_generation;
    int64_t period = st->cfg->virtual_clock ? VIRTUAL_DRAW_MS : ANIMATION_MS;
    bool due = live_screen(v->screen) && now - st->drawn_at_ms >= period;
    if (!screen_changed && !(changed && (!st->cfg->virtual_clock || due)) && !due)
        return;
    screens_draw(st->ui, v, st->have_frame ? &st->frame : NULL, now);
    if (screen_changed && st->cfg->screenshot_dir[0])
        screenshot(st, v);
    display_present(st->disp);
    st->drawn_generation = v->generation;
    st->drawn_at_ms = now;
    st->drawn_once = true;
}

static int64_t next_due(const station *st)
{
    int64_t next = camera_next_due_ms(st->cam);
    int64_t b = buttons_next_due_ms(st->btn), s = session_next_timer_ms(st->sess);
    next = b < next ? b : next;
    next = s < next ? s : next;
    return st->exit_at_ms < next ? st->exit_at_ms : next;
}

/* Virtual clock: jump to whatever is due next (at least a little, so a stalled
 * source cannot spin the loop). Real clock: sleep until then or an event. */
static void wait_for_next(station *st)
{
    int64_t now = clock_now_ms(st->clock), next = next_due(st);
    if (st->cfg->virtual_clock) {
        if (next <= now)
            next = now + 1;
        if (next == INT64_MAX || next - now > FRAME_IDLE_WAIT_MS)
            next = now + FRAME_IDLE_WAIT_MS;
        clock_advance_to(st->clock, next);
        return;
    }
    int64_t wait = next - now;
    if (live_screen(session_get_view(st->sess)->screen) && wait > ANIMATION_MS)
        wait = ANIMATION_MS;
    wait = wait < 1 ? 1 : wait > FRAME_IDLE_WAIT_MS ? FRAME_IDLE_WAIT_MS : wait;
    SDL_WaitEventTimeout(NULL, (int)wait);
}

static void run_loop(station *st)
{
    while (!st->quit) {
        poll_inputs(st);
        const session_view *v = session_get_view(st->sess);
        bool screen_changed = v->screen != st->prev.screen || !st->drawn_once;
        play_cues(st, v);
        steer_demo(st, v);
        if (v->screen == SCREEN_HOME && st->prev.screen != SCREEN_HOME)
            refresh_stats(st);
        draw(st, v, screen_changed);
        notify_loop(st->drawn_once);
        st->prev = *v;
        if (clock_now_ms(st->clock) >= st->exit_at_ms)
            break;
        wait_for_next(st);
    }
}

int station_run(const settings *cfg)
{
    station st = { .cfg = cfg };
    int rc = 1;
    if (station_open(&st)) {
        run_loop(&st);
        notify_stopping();
        rc = 0;
    }
    station_close(&st);
    return rc;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * station: the main loop (station.h): inputs, the camera, the panels over
 * home, drawing and waiting until something is due. Start-up, the people and
 * teardown are station_open.c; what both share is station_priv.h.
 */
#include "station_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* The screens that count or show the camera. Elsewhere it is not polled, so
 * an idle station neither copies frames nor wakes up for them. */
static bool camera_wanted(session_screen s)
{
    return s == SCREEN_POSITION || s == SCREEN_SET || s == SCREEN_CAMERA_LOST;
}

/* A camera that failed (unplugged, its stack restarted) does not come back by
 * itself: while it is lost on an error, close it and open the same spec again
 * every CAMERA_REOPEN_MS. Closed first, since libcamera hands a camera to one
 * owner at a time; st->cam stays NULL (an error) until an opening works. */
static void reopen_camera(station *st, int64_t now)
{
    if (now - st->reopen_at_ms < CAMERA_REOPEN_MS)
        return;
    st->reopen_at_ms = now;
    camera_destroy(st->cam);
    char err[256] = "";
    st->cam = station_make_camera(st, st->cam_spec, err);
    if (st->cam)
        log_info("camera: %s opened again", st->cam_spec);
    else
        log_warn("camera: %s still not available (%s)", st->cam_spec, err);
}

/* Frame times never go back for the counter: after a camera clock step back,
 * later times are shifted to go on from the last one (1 ms after it). A stall
 * (equal times) is passed on as it is. */
static int64_t frame_time(station *st, int64_t t)
{
    if (t + st->frame_t_shift < st->frame_t_last) {
        log_warn("camera time went back %lld ms; carrying on from the last frame",
                 (long long)(st->frame_t_last - t - st->frame_t_shift));
        st->frame_t_shift = st->frame_t_last + 1 - t;
    }
    st->frame_t_last = t + st->frame_t_shift;
    return st->frame_t_last;
}

/* Frames to the session; and the camera watch's verdict, lost or back, which
 * the session turns into the camera-lost screen and back. */
static void poll_camera(station *st)
{
    int64_t now = clock_now_ms(st->clock);
    bool wanted = camera_wanted(session_get_view(st->sess)->screen);
    camera_frame f;
    camera_status cs = !wanted ? CAMERA_NONE : st->cam ? camera_poll(st->cam, &f) : CAMERA_ERROR;
    if (cs == CAMERA_FRAME) {
        f.t_ms = frame_time(st, f.t_ms);
        take_frame(st, &f);
        session_frame(st->sess, f.luma, f.width, f.height, f.stride, f.t_ms);
    }
    if (camera_watch_update(&st->watch, wanted, cs, now)) {
        if (!st->watch.lost)
            log_info("camera: frames are back");
        else if (cs == CAMERA_NONE)
            log_warn("camera lost: no frame for %d s", CAMERA_WATCH_STALL_MS / 1000);
        else
            log_warn("camera lost: %s", cs == CAMERA_END ? "end of clip"
                                        : st->cam ? camera_error(st->cam) : "not open");
        st->reopen_at_ms = now;
    }
    if (wanted && st->watch.lost && cs == CAMERA_ERROR)
        reopen_camera(st, now);
    if (wanted)
        session_camera(st->sess, st->watch.lost, now);
}

/* A dark screen (SLEEP) looks at the camera every WAKE_PERIOD_MS for
 * movement, straight from the camera's buffer (no copy); the session turns
 * movement into the attract loop. */
static void poll_wake(station *st)
{
    bool asleep = session_get_view(st->sess)->screen == SCREEN_SLEEP;
    int64_t now = clock_now_ms(st->clock);
    if (!st->wake_on || !asleep) {
        st->wake_armed = false;
        return;
    }
    if (!st->wake_armed) {
        wake_init(&st->wake);
        st->wake_armed = true;
        st->wake_next_ms = now;
    }
    if (now < st->wake_next_ms)
        return;
    st->wake_next_ms = now + WAKE_PERIOD_MS;
    camera_frame f;
    if (st->cam && camera_poll(st->cam, &f) == CAMERA_FRAME &&
        wake_feed(&st->wake, f.luma, f.width, f.height, f.stride)) {
        log_info("movement at %.1f s: waking up (%d cells changed)", (double)now / 1000.0,
                 wake_changed_cells(&st->wake));
        session_wake(st->sess, now);
    }
}

/* Keeps the demo person doing what the session asks, starting afresh (settle,
 * then reps) each time the person is asked to get into position: before the
 * camera is polled on that screen, so the counter's first frame is already
 * the new performance's (not the old one's pose, which looked like a
 * movement and was counted as a rep). */
static void steer_demo(station *st)
{
    session_screen screen = session_get_view(st->sess)->screen;
    if (screen == SCREEN_POSITION && st->demo_screen != SCREEN_POSITION) {
        bool mirror;
        exercise_kind ex = session_current_exercise(st->sess, &mirror);
        camera_synthetic_set_exercise(st->cam, ex, mirror);
    }
    st->demo_screen = screen;
}

/* --- panels over home (panels.h) ----------------------------------------- */

/* A programme the panels changed (a stick's, an accepted step) is the one the
 * next session follows: the session is made again over it, at home. */
static void programme_changed(station *st)
{
    session_set_programme(st->sess, &st->prog); /* at home: keeps the people, idle times */
    st->stop_date = 0; /* the log's verdict stands for the new programme */
    station_refresh_stats(st);
    station_refresh_day_stop(st);
    st->prev = *session_get_view(st->sess);
}

/* A stick's people were applied: read them again, the same person at the
 * station when they are still listed. */
static void people_changed(station *st)
{
    char who[PROFILES_KEY_MAX];
    snprintf(who, sizeof who, "%s", st->profile ? st->profile : "");
    station_load_people(st, who);
    session_set_people(st->sess, st->people.names, st->people.n, st->person);
    programme_changed(st);
}

/* The people are read again once the stick's panels are closed: with more
 * than one, home becomes "Who's exercising?", which no panel is drawn over. */
static void panels_changed(station *st, const panels_env *env)
{
    st->people_stale |= env->people_changed;
    if (st->people_stale && !panels_active(st->panels)) {
        st->people_stale = false;
        people_changed(st);
    } else if (env->prog_changed) {
        programme_changed(st);
    }
}

static panels_env panels_env_now(station *st)
{
    return (panels_env){ .log = st->log, .prog = &st->prog,
                         .view = session_get_view(st->sess), .prev_screen = st->prev.screen,
                         .now_ms = clock_now_ms(st->clock), .wall_ms = clock_wall_ms(st->clock) };
}

static bool panels_take(station *st, const button_event *be)
{
    panels_env env = panels_env_now(st);
    bool taken = panels_press(st->panels, &env, be);
    panels_changed(st, &env);
    return taken;
}

static void update_panels(station *st)
{
    panels_env env = panels_env_now(st);
    panels_update(st->panels, &env);
    panels_changed(st, &env);
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
    int n = 0;
    while (n < PRESSES_PER_PASS && buttons_poll(st->btn, &be)) {
        if (st->cfg->kiosk || !panels_take(st, &be)) /* a guest has no history */
            session_press(st->sess, &be);
        n++;
    }
    st->presses_waiting = n == PRESSES_PER_PASS;
    steer_demo(st);
    poll_camera(st);
    poll_wake(st);
    session_tick(st->sess, clock_now_ms(st->clock));
    steer_demo(st);
}

static void screenshot(station *st, const char *id)
{
    char path[SETTINGS_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%03d-%s.png", st->cfg->screenshot_dir, ++st->shot_count, id);
    if (!shot_save_png(display_renderer(st->disp), path))
        log_warn("screenshot %s not written", path);
}

static bool live_screen(session_screen s)
{
    return s == SCREEN_INTRO || s == SCREEN_POSITION || s == SCREEN_SET || s == SCREEN_REST ||
           s == SCREEN_ATTRACT;
}

/* The home screen's line about a log that could not be opened: the ones
 * that will not pass by themselves, which the user (or whoever looks after
 * the station) must act on. NULL for the others. */
static const char *trouble_notice(adlog_trouble t)
{
    switch (t) {
    case ADLOG_REFUSED:
        return N_("The record file belongs to another program or a newer version. Not saving.");
    case ADLOG_UNWRITABLE:
        return N_("The record cannot be written (read-only or no permission). Not saving.");
    case ADLOG_DAMAGED:
        return N_("The record is damaged and could not be set aside. Not saving.");
    default:
        return NULL;
    }
}

/* The view as drawn: the session's, with what the station knows about saving. */
static session_view shown_view(const station *st, const session_view *v)
{
    session_view shown = *v;
    shown.unsaved = recorder_pending(st->rec) > 0;
    if (v->screen != SCREEN_HOME && v->screen != SCREEN_SUMMARY)
        return shown;
    const char *trouble = st->log ? NULL : trouble_notice(st->log_trouble);
    if (trouble)
        shown.notice = trouble;
    else if (recorder_disk_full(st->rec))
        shown.notice = N_("The disk is full: the last reps are not saved yet. Still trying.");
    else if (shown.unsaved)
        shown.notice = N_("The last reps are not saved yet. Still trying.");
    else
        shown.notice = st->notice;
    return shown;
}

/* The power-loss test's evidence: one line per rep that is both saved and on
 * the screen, written after the frame showing it was presented. */
static void trace_shown(station *st, const session_view *v)
{
    int64_t row = 0;
    if (!recorder_rep_saved(st->rec, 1, &row))
        return;
    if (row != st->traced_session) {
        st->traced_session = row;
        st->traced_seq = 0;
    }
    for (int seq = st->traced_seq + 1;
         seq <= v->rep_seq && recorder_rep_saved(st->rec, seq, NULL); seq++) {
        log_info("shown rep session=%lld seq=%d", (long long)row, seq);
        st->traced_seq = seq;
    }
}

/* What `systemctl status` shows: the screen, and whether the log keeps up. */
static void tell_status(const station *st, const session_view *v)
{
    char text[128];
    int pending = recorder_pending(st->rec);
    if (pending)
        snprintf(text, sizeof text, "screen %s; %d record%s not saved yet%s",
                 session_screen_id(v->screen), pending, pending == 1 ? "" : "s",
                 st->log ? "" : " (the log cannot be opened)");
    else
        snprintf(text, sizeof text, "screen %s; log %s", session_screen_id(v->screen),
                 st->log ? "saved" : "not open");
    notify_status(text);
}

static void draw(station *st, const session_view *session_v, bool screen_changed)
{
    int64_t now = clock_now_ms(st->clock);
    session_view shown = shown_view(st, session_v);
    const session_view *v = &shown;
    bool changed = !st->drawn_once || v->generation != st->drawn_generation ||
                   v->unsaved != st->drawn_unsaved;
    int64_t period = st->cfg->virtual_clock ? VIRTUAL_DRAW_MS : ANIMATION_MS;
    bool due = live_screen(v->screen) && now - st->drawn_at_ms >= period;
    if (!screen_changed && !(changed && (!st->cfg->virtual_clock || due)) && !due)
        return;
    display_begin(st->disp);
    screens_draw(st->ui, v, st->have_frame ? &st->frame : NULL, now);
    st->redraws++;
    if (screen_changed && st->cfg->screenshot_dir[0])
        screenshot(st, session_screen_id(v->screen));
    display_present(st->disp);
    tell_status(st, v);
    trace_shown(st, v);
    st->drawn_unsaved = v->unsaved;
    st->drawn_generation = v->generation;
    st->drawn_at_ms = now;
    st->drawn_once = true;
}

/* An open panel is drawn instead of the session's screen (home under it). */
static void draw_panel(station *st, bool changed)
{
    const panels_view *pv = panels_get_view(st->panels);
    if (!changed && st->panel_on_screen && pv->generation == st->drawn_panel_generation)
        return;
    display_begin(st->disp);
    screens_draw_panel(st->ui, pv);
    st->redraws++;
    if (st->cfg->screenshot_dir[0])
        screenshot(st, panel_id(pv->kind));
    display_present(st->disp);
    notify_status(panel_id(pv->kind));
    st->drawn_panel_generation = pv->generation;
    st->panel_on_screen = true;
    st->drawn_at_ms = clock_now_ms(st->clock);
    st->drawn_once = false; /* the session's screen is drawn afresh when it is back */
}

static int64_t next_due(const station *st)
{
    int64_t next = st->cam && camera_wanted(session_get_view(st->sess)->screen)
                       ? camera_next_due_ms(st->cam) : INT64_MAX;
    int64_t w = camera_watch_deadline(&st->watch);
    next = w < next ? w : next;
    int64_t b = buttons_next_due_ms(st->btn), s = session_next_timer_ms(st->sess);
    next = b < next ? b : next;
    next = st->wake_armed && st->wake_next_ms < next ? st->wake_next_ms : next;
    next = s < next ? s : next;
    int64_t pn = panels_next_due_ms(st->panels);
    next = pn < next ? pn : next;
    return st->exit_at_ms < next ? st->exit_at_ms : next;
}

/* Virtual clock: jump to whatever is due next (at least a little, so a stalled
 * source cannot spin the loop). Real clock: sleep until then or an event. */
static void wait_for_next(station *st)
{
    int64_t now = clock_now_ms(st->clock), next = next_due(st);
    if (st->presses_waiting)
        next = now; /* the next pass at once (virtual: 1 ms on; real: 1 ms sleep) */
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
    wait = wait < 1 ? 1 : wait > IDLE_WAIT_MS ? IDLE_WAIT_MS : wait;
    display_wait(st->disp, (int)wait);
}

/* With REHAB_MIRROR_LOG=debug: the resource figures each time the station is
 * back home and at the end, for the soak test (tests/soak) and field checks.
 * The text and font caches are emptied first (the next draw refills them), so
 * the figures are what the station holds for good, not which of a day's
 * strings happen to be cached; the caches are bounded by construction (ui.c). */
static void log_resources(station *st, const char *when)
{
    if (log_get_level() < LOG_DEBUG)
        return;
    ui_flush_caches(st->ui);
    probe_figures f = probe_read();
    log_debug("resources %s at %.1f s: rss_kb=%ld hwm_kb=%ld heap=%lld sqlite=%lld fds=%d "
              "threads=%d",
              when, (double)clock_now_ms(st->clock) / 1000.0, f.rss_kb, f.hwm_kb, f.heap,
              f.sqlite, f.fds, f.threads);
}

/* One line each time the position screen's verdict on the mat changes, and
 * one when the person seen has settled (session.h). */
static void log_presence(const station *st, const session_view *v)
{
    static const char *const said[] = {
        [PRESENCE_UNKNOWN] = "nobody seen yet", [PRESENCE_EMPTY] = "the mat is empty",
        [PRESENCE_SEEN] = "someone on the mat",
    };
    if (v->screen == SCREEN_POSITION &&
        (st->prev.screen != SCREEN_POSITION || st->prev.presence != v->presence))
        log_info("position: %s", said[v->presence]);
    if (v->screen == SCREEN_POSITION && v->settled && !st->prev.settled)
        log_info("position: settled at %.1f s", (double)clock_now_ms(st->clock) / 1000.0);
}

/* One line when an OK for a missed rep, or its undo, changes the least
 * movement the set's counter counts (reps_missed). */
static void log_least(const station *st, const session_view *v)
{
    double was = st->prev.counter.least, now = v->counter.least;
    if (v->screen == SCREEN_SET && st->prev.screen == SCREEN_SET && was > 0.0 && now != was)
        log_info("counter: least movement %.2f luma levels, was %.2f (%s)", now, was,
                 now < was ? "an OK for a rep it missed" : "that rep undone");
}

static void run_loop(station *st)
{
    while (!st->quit) {
        st->loops++;
        poll_inputs(st);
        const session_view *v = session_get_view(st->sess);
        bool screen_changed = v->screen != st->prev.screen || !st->drawn_once;
        if (v->language != st->prev.language)
            station_change_language(st, v->language);
        speaker_update(st->spk, &st->prev, v, clock_now_ms(st->clock));
        if (v->person != st->person && (size_t)v->person < (size_t)st->people.n)
            station_apply_person(st, v->person); /* chosen on "Who's exercising?" */
        else if ((v->screen == SCREEN_WHO) != (st->prev.screen == SCREEN_WHO))
            station_who_language(st, v->screen == SCREEN_WHO);
        log_presence(st, v);
        log_least(st, v);
        station_apply_sound_choice(st, v);
        if (v->screen == SCREEN_HOME && st->prev.screen != SCREEN_HOME) {
            station_refresh_stats(st);
            station_refresh_day_stop(st);
            log_resources(st, "home");
        } else if (v->screen == SCREEN_HOME && station_local_date(st) != st->stop_date) {
            station_refresh_stats(st);    /* midnight: "done for today" ends with its day, */
            station_refresh_day_stop(st); /* and so does a stop */
        }
        if (session_active(st->sess))
            st->notice = NULL; /* the damaged-record notice was seen */
        station_retry_log(st);
        recorder_retry(st->rec);
        update_panels(st);
        v = session_get_view(st->sess); /* the session may be new (programme_changed) */
        if (panels_active(st->panels)) {
            draw_panel(st, false);
        } else {
            st->panel_on_screen = false;
            draw(st, v, screen_changed);
        }
        /* After the frame: dark once black is shown, lit once awake is. */
        backlight_set_on(st->bl, v->screen != SCREEN_SLEEP || panels_active(st->panels));
        notify_loop(st->drawn_once);
        st->prev = *v;
        if (clock_now_ms(st->clock) >= st->exit_at_ms)
            break;
        wait_for_next(st);
    }
    log_resources(st, "end");
}

int station_run(const settings *cfg)
{
    station st = { .cfg = cfg, .profile = cfg->profile[0] ? cfg->profile : NULL, .person = -1 };
    int rc = 1;
    if (station_open(&st)) {
        run_loop(&st);
        notify_stopping();
        log_info("loop: %ld wakeups, %ld redraws in %.1f s", st.loops, st.redraws,
                 (double)clock_now_ms(st.clock) / 1000.0);
        rc = 0;
    }
    station_close(&st);
    return rc;
}

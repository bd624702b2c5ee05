/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * station: start-up with fallbacks, the main loop, and teardown (station.h).
 *
 * Start-up opens each part in turn and never stops for a missing device: no
 * camera means the synthetic one, no buttons means the keyboard, no log means
 * a session that says its reps are not saved. Only a missing display (nothing
 * to show anything on) or font stops it.
 */
#include "station.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "adlog.h"
#include "backlight.h"
#include "buttons.h"
#include "camera.h"
#include "camera_watch.h"
#include "clock.h"
#include "config.h"
#include "display.h"
#include "i18n.h"
#include "intl.h"
#include "languages.h"
#include "log.h"
#include "notify.h"
#include "panels.h"
#include "probe.h"
#include "profiles.h"
#include "programme.h"
#include "programme_store.h"
#include "recorder.h"
#include "screens.h"
#include "screens_panels.h"
#include "session.h"
#include "shot.h"
#include "prefs.h"
#include "speaker.h"
#include "ui.h"
#include "wake.h"
#include "xmalloc.h"

#define FRAME_IDLE_WAIT_MS 100   /* virtual clock: longest jump when nothing is due */
#define IDLE_WAIT_MS 1000        /* real clock: longest sleep when nothing is due */
#define CAMERA_REOPEN_MS 5000    /* a camera lost on an error is opened again this often */
#define ANIMATION_MS 50          /* redraw period of animated screens (20 fps) */
#define VIRTUAL_DRAW_MS 100      /* virtual clock: live redraws at most this often */
#define LOG_RETRY_MS 10000       /* a log that failed to open is tried again this often */
/* Presses handled in one loop pass; the rest wait in the backend for the next
 * pass, which comes at once. A manual rep is a committed write (an fsync), so
 * a flood of presses (a stuck key repeating, a script) handled all at once
 * would stall drawing and the watchdog; a person presses a few times a second. */
#define PRESSES_PER_PASS 8
/* A dark screen looks at the camera this often for movement (wake.h): two
 * frames a second see a person walking up, and cost next to nothing. */
#define WAKE_PERIOD_MS 500

typedef struct station {
    const settings *cfg;
    const char *profile;         /* whose sessions these are; NULL: default */
    rm_clock *clock;
    display *disp;
    backlight *bl;               /* off while the screen sleeps (backlight.h) */
    ui *ui;
    camera *cam;
    buttons *btn;
    speaker *spk;                /* voice or tones */
    char language[SETTINGS_LANGUAGE_MAX]; /* screens and voice: config or chosen */
    adlog *log;
    recorder *rec;
    const char *notice;          /* about the record, shown on the home screen */
    adlog_trouble log_trouble;   /* why st->log is NULL (ADLOG_OK when it is open) */
    int64_t traced_session;      /* shown-rep trace: the session and ... */
    int traced_seq;              /* ... its highest rep seq traced */
    programme prog;
    session *sess;
    panels *panels;              /* history, the USB stick, progression (panels.h) */
    unsigned drawn_panel_generation;
    bool panel_on_screen;        /* the last thing drawn was a panel */

    uint8_t *frame_buf;          /* copy of the newest camera frame */
    camera_frame frame;
    bool have_frame;
    camera_watch watch;          /* lost or not, on the screens that want frames */
    const char *cam_spec;        /* what st->cam was opened from (reopened after errors) */
    int64_t reopen_at_ms;        /* last time the lost camera was opened again */
    int64_t frame_t_last;        /* the last frame's time, as given to the session */
    int64_t frame_t_shift;       /* added to frame times after a clock step back */

    session_view prev;           /* the view as last handled (cues, screen changes) */
    session_screen demo_screen;  /* the screen steer_demo last saw */
    unsigned drawn_generation;
    bool drawn_unsaved;
    int64_t drawn_at_ms;
    bool drawn_once;
    int shot_count;
    long loops, redraws;         /* for the idle benchmark (logged at exit) */
    int64_t exit_at_ms;
    int64_t log_retry_ms;        /* when to try opening a log that failed to open */
    bool presses_waiting;        /* the last pass left presses for the next */
    long stop_date;              /* local date (yyyymmdd) the day's stop was read for */
    bool quit;

    profiles people;             /* profiles.ini; n = 0: one person, cfg->profile */
    bool person_was_listed;      /* the last person applied was one of people */
    bool people_stale;           /* a stick wrote profiles.ini: read it at home */
    int person;                  /* whose programme and record are loaded, -1 none */
    bool wake_on;                /* SLEEP watches the camera for movement */
    bool wake_armed;             /* ... and is watching now */
    int64_t wake_next_ms;        /* when it looks next */
    wake_watch wake;
} station;

/* --- start-up ----------------------------------------------------------- */

/* The programme at `path`, else the configured one, else the built-in one. */
static void open_programme(station *st, const char *path_in)
{
    char path[SETTINGS_PATH_MAX + 64], err[256];
    /* The profile's own (from a USB stick or a progression) comes first, then
     * the one profiles.ini names for the person. */
    if (programme_store_load(st->cfg->data_dir, st->profile, &st->prog, err)) {
        log_info("programme: the one kept for this profile in %s", st->cfg->data_dir);
        return;
    }
    if (err[0])
        log_warn("%s; using the configured programme", err);
    if (path_in && path_in[0] && programme_load(&st->prog, path_in, err))
        return;
    if (path_in && path_in[0])
        log_warn("%s; using the station's programme", err);
    if (st->cfg->programme[0])
        snprintf(path, sizeof path, "%s", st->cfg->programme);
    else
        snprintf(path, sizeof path, "%s/programmes/runners-knee.ini", st->cfg->asset_dir);
    if (!programme_load(&st->prog, path, err))
        log_warn("%s; using the built-in runner's-knee programme", err);
}

static camera *make_camera(station *st, const char *spec, char *errbuf)
{
    camera_options opt = camera_default_options();
    opt.loop = true;
    st->cam_spec = spec;
    return camera_create(spec, &opt, st->clock, errbuf);
}

/* The auto choice: the real camera when built in, else the synthetic person. */
static void open_camera(station *st)
{
    char err[256] = "";
    const char *spec = st->cfg->camera;
    if (!spec[0])
        spec = HAVE_LIBCAMERA ? "libcamera" : "synthetic";
    st->cam = make_camera(st, spec, err);
    if (!st->cam) {
        log_warn("camera '%s' not available (%s); using the synthetic camera", spec, err);
        st->cam = make_camera(st, "synthetic", err);
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
    if (!display_start_video(st->cfg->video_driver, st->cfg->fullscreen, err)) {
        log_error("no display: %s", err);
        return false;
    }
    display_options dopt = { .width = st->cfg->width, .height = st->cfg->height,
                             .fullscreen = st->cfg->fullscreen,
                             .software = st->cfg->software_renderer, .title = "rehab-mirror",
                             .rotation = st->cfg->rotation };
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
    session_stats stats = { .week_target = st->prog.sessions_per_week, .last_pain_before = -1 };
    if (st->log && !adlog_stats(st->log, clock_wall_ms(st->clock), st->prog.sessions_per_week,
                                &stats))
        log_warn("cannot read the adherence figures");
    log_debug("home figures of %s: streak %d, %d of %d sessions this week",
              st->cfg->kiosk ? "a guest" : st->profile ? st->profile : ADLOG_DEFAULT_PROFILE,
              stats.streak_days, stats.week_sessions, stats.week_target);
    session_set_stats(st->sess, &stats);
}

/* The local calendar date of the station clock as yyyymmdd, 0 if unknown. */
static long local_date(const station *st)
{
    time_t t = (time_t)(clock_wall_ms(st->clock) / 1000);
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 0;
    return (tm.tm_year + 1900L) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* The day's stop from the log (session.h): a stop survives a restart. On a
 * new local date the log's verdict stands, even NONE; otherwise the log only
 * adds a stop, since the session's own may still wait to be written. */
static void refresh_day_stop(station *st)
{
    long date = local_date(st);
    bool new_day = date != st->stop_date;
    session_stop stop = SESSION_STOP_NONE;
    if (st->log && !adlog_day_stop(st->log, clock_wall_ms(st->clock), SESSION_PAIN_LIMIT, &stop))
        log_warn("cannot read today's stop from the log");
    st->stop_date = date;
    if (new_day || stop != SESSION_STOP_NONE)
        session_set_day_stop(st->sess, stop);
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

/* The language: the one chosen on the station (DATA_DIR/language) over the
 * config's `language` (i18n.h). */
static void open_language(station *st)
{
    i18n_init();
    bool chosen = i18n_load_choice(st->cfg->data_dir, st->language, sizeof st->language);
    if (!chosen)
        snprintf(st->language, sizeof st->language, "%s", st->cfg->language);
    if (!i18n_set_language(st->language))
        log_info("language '%s': the screens are in English (shipped: en, de, fr, es)",
                 st->language);
    else
        log_info("language '%s'%s", st->language, chosen ? " (chosen on the station)" : "");
}

/* Screens and voice in language (a person's own, or the station's): nothing
 * is saved. */
static void use_language(station *st, const char *language)
{
    i18n_set_language(language);
    speaker_set_language(st->spk, language);
    session_set_language(st->sess, languages_find(language));
}

/* The person chose another language on the LANGUAGE screen: screens, voice,
 * and the saved choice. */
static void change_language(station *st, int row)
{
    snprintf(st->language, sizeof st->language, "%s", languages[row].code);
    use_language(st, st->language);
    i18n_save_choice(st->cfg->data_dir, st->language);
    log_info("language changed to '%s'", st->language);
}

/* --- people and the lobby (profiles.h, session.h) ------------------------ */

/* Person i's programme, record and voice (or the one person's: cfg). The
 * day's stop is read again for them (stop_date 0: as on a new day). */
static void apply_person(station *st, int i)
{
    st->person = i;
    if (st->people.n > 0) {
        const profile *p = &st->people.p[i];
        char path[SETTINGS_PATH_MAX + 64];
        st->profile = p->key;
        panels_set_profile(st->panels, p->key);
        profiles_programme(&st->people, i, path, sizeof path);
        open_programme(st, path);
        use_language(st, p->language[0] ? p->language : st->language);
        log_info("person: %s (%s)", p->key, path[0] ? path : "the station's programme");
    } else if (st->person_was_listed) { /* the people were removed: the config's one */
        panels_set_profile(st->panels, st->profile);
        open_programme(st, NULL);
        use_language(st, st->language);
    }
    st->person_was_listed = st->people.n > 0;
    session_set_programme(st->sess, &st->prog);
    adlog_set_profile(st->log, st->profile);
    st->stop_date = 0;
}

/* The people (not in a kiosk): profiles.ini from the config's path or the
 * data directory; `who` (a profile key) is the one chosen first when listed.
 * A stick may write the data directory's file (panels.h), not the config's. */
static void load_people(station *st, const char *who)
{
    const settings *cfg = st->cfg;
    char path[SETTINGS_PATH_MAX + 32], err[256] = "";
    if (cfg->profiles[0])
        snprintf(path, sizeof path, "%s", cfg->profiles);
    else
        snprintf(path, sizeof path, "%s/" PROFILES_FILE, cfg->data_dir);
    if (!cfg->kiosk && !profiles_load(&st->people, path, err) && err[0])
        log_warn("%s; one person, '%s'", err, who ? who : "default");
    if (st->people.n > 0)
        log_info("profiles: %d from %s", st->people.n, path);
    panels_set_people(st->panels, &st->people, cfg->kiosk || cfg->profiles[0] ? "" : path);
    int first = profiles_find(&st->people, who);
    if (st->people.n == 0)
        st->profile = cfg->profile[0] ? cfg->profile : NULL;
    apply_person(st, first > 0 ? first : 0);
}

/* The people, the idle times, and the wake watch. */
static void open_lobby(station *st)
{
    const settings *cfg = st->cfg;
    load_people(st, st->profile); /* --profile: who is asked first */
    session_idle idle = { .attract_after_ms = (int64_t)cfg->attract_after_s * 1000,
                          .sleep_after_ms = (int64_t)cfg->sleep_after_s * 1000,
                          .kiosk = cfg->kiosk };
    session_set_idle(st->sess, &idle);
    session_set_people(st->sess, st->people.names, st->people.n, st->person);
    bool synthetic = st->cam && !strcmp(camera_name(camera_fault_inner(st->cam)), "synthetic");
    st->wake_on = cfg->wake_on_movement && cfg->sleep_after_s > 0 && st->cam && !synthetic;
    if (cfg->sleep_after_s > 0)
        log_info("a dark screen wakes on a button%s", st->wake_on ? " or movement"
                 : synthetic ? " (not on movement: the synthetic person never keeps still)"
                             : "");
}

/* The pause menu's last sound choice (prefs.h) over the config's. */
static void load_sound_choice(station *st)
{
    prefs p = { .muted = false, .volume = st->cfg->volume };
    if (prefs_load(st->cfg->data_dir, &p) && st->cfg->sound)
        speaker_set_sound(st->spk, p.muted, p.volume);
    session_set_sound(st->sess, st->cfg->sound, p.muted, p.volume);
}

/* The pause menu changed the sound: now, and kept for the next start. */
static void apply_sound_choice(station *st, const session_view *v)
{
    if (v->muted == st->prev.muted && v->volume == st->prev.volume)
        return;
    speaker_set_sound(st->spk, v->muted, v->volume);
    if (v->volume != st->prev.volume)
        speaker_sample(st->spk);
    prefs_save(st->cfg->data_dir, &(prefs){ .muted = v->muted, .volume = v->volume });
}

static bool station_open(station *st)
{
    st->clock = make_clock(st->cfg);
    if (!open_screen(st))
        return false;
    st->bl = backlight_create(NULL); /* on: a crash may have left it off */
    open_programme(st, NULL);
    char err[256] = "";
    if (st->cfg->kiosk) /* guests: nothing is kept (docs/PRIVACY.md) */
        log_info("kiosk: sessions are guests'; nothing is saved");
    else
        st->log = adlog_open_why(st->cfg->data_dir, clock_wall_ms(st->clock), &st->log_trouble,
                                 err);
    if (!st->log && !st->cfg->kiosk)
        log_warn("adherence log not available (%s); sessions will not be saved", err);
    else if (adlog_moved_aside(st->log)[0])
        st->notice = N_("The old record was damaged. It is kept aside; a new one has begun.");
    else if (adlog_wal_damage(st->log)[0])
        st->notice = N_("Part of the record was damaged: the last saved reps may be missing.");
    adlog_set_profile(st->log, st->profile);
    st->rec = recorder_create(st->log, st->clock);
    open_camera(st);
    open_buttons(st);
    open_language(st);
    settings voice_cfg = *st->cfg;
    snprintf(voice_cfg.language, sizeof voice_cfg.language, "%s", st->language);
    st->spk = speaker_create(&voice_cfg, st->clock);
    session_sink sink = st->cfg->kiosk ? (session_sink){ 0 } : recorder_sink(st->rec);
    st->sess = session_create(&st->prog, &sink);
    session_set_language(st->sess, languages_find(st->language));
    /* A kiosk watches no stick: its guests have no record to report. */
    st->panels = panels_create(st->cfg->kiosk ? "" : st->cfg->usb_dir, st->cfg->data_dir,
                               st->profile);
    load_sound_choice(st);
    open_lobby(st);
    refresh_stats(st);
    refresh_day_stop(st);
    st->prev = *session_get_view(st->sess);
    camera_watch_init(&st->watch, CAMERA_WATCH_STALL_MS);
    st->exit_at_ms = st->cfg->exit_after_s > 0 ? (int64_t)(st->cfg->exit_after_s * 1000.0)
                                               : INT64_MAX;
    return st->cam && st->btn;
}

/* A log that could not be opened (a full disk at start) is tried again every
 * LOG_RETRY_MS while records wait, so saving resumes once there is room. The
 * reason was logged once at start; a retry that fails again says nothing
 * (opening never moves a file that is not damaged, and never writes to one
 * that is not ours, so retrying is harmless). */
static void retry_log(station *st)
{
    int64_t now = clock_now_ms(st->clock);
    if (st->log || recorder_pending(st->rec) == 0 || now < st->log_retry_ms)
        return;
    st->log_retry_ms = now + LOG_RETRY_MS;
    char err[256] = "";
    st->log = adlog_open_why(st->cfg->data_dir, clock_wall_ms(st->clock), &st->log_trouble, err);
    if (!st->log)
        return;
    log_info("adherence log open now; saving what waited");
    adlog_set_profile(st->log, st->profile);
    recorder_set_log(st->rec, st->log);
}

static void station_close(station *st)
{
    panels_destroy(st->panels);
    session_destroy(st->sess);
    recorder_destroy(st->rec);
    speaker_destroy(st->spk);
    buttons_destroy(st->btn);
    camera_destroy(st->cam);
    adlog_close(st->log);
    backlight_destroy(st->bl); /* never leaves a dark panel behind */
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
    st->cam = make_camera(st, st->cam_spec, err);
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
    refresh_stats(st);
    refresh_day_stop(st);
    st->prev = *session_get_view(st->sess);
}

/* A stick's people were applied: read them again, the same person at the
 * station when they are still listed. */
static void people_changed(station *st)
{
    char who[PROFILES_KEY_MAX];
    snprintf(who, sizeof who, "%s", st->profile ? st->profile : "");
    load_people(st, who);
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

/* One line each time the position screen's verdict on the mat changes. */
static void log_presence(const station *st, const session_view *v)
{
    static const char *const said[] = {
        [PRESENCE_UNKNOWN] = "nobody seen yet", [PRESENCE_EMPTY] = "the mat is empty",
        [PRESENCE_SEEN] = "someone on the mat",
    };
    if (v->screen == SCREEN_POSITION &&
        (st->prev.screen != SCREEN_POSITION || st->prev.presence != v->presence))
        log_info("position: %s", said[v->presence]);
}

static void run_loop(station *st)
{
    while (!st->quit) {
        st->loops++;
        poll_inputs(st);
        const session_view *v = session_get_view(st->sess);
        bool screen_changed = v->screen != st->prev.screen || !st->drawn_once;
        if (v->language != st->prev.language)
            change_language(st, v->language);
        speaker_update(st->spk, &st->prev, v, clock_now_ms(st->clock));
        if (v->person != st->person && (size_t)v->person < (size_t)st->people.n)
            apply_person(st, v->person); /* chosen on "Who's exercising?" */
        log_presence(st, v);
        apply_sound_choice(st, v);
        if (v->screen == SCREEN_HOME && st->prev.screen != SCREEN_HOME) {
            refresh_stats(st);
            refresh_day_stop(st);
            log_resources(st, "home");
        } else if (v->screen == SCREEN_HOME && local_date(st) != st->stop_date) {
            refresh_day_stop(st); /* midnight: a stop ends with its day */
        }
        if (session_active(st->sess))
            st->notice = NULL; /* the damaged-record notice was seen */
        retry_log(st);
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

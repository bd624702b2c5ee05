/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * station_open: the station's start-up, the people and their programmes, and
 * teardown (station_priv.h).
 *
 * Start-up opens each part in turn and never stops for a missing device: no
 * camera means the synthetic one, no buttons means the keyboard, no log means
 * a session that says its reps are not saved. Only a missing display (nothing
 * to show anything on) or font stops it.
 */
#include "station_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "atomic_file.h"
#include "languages.h"
#include "reps.h"

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

camera *station_make_camera(station *st, const char *spec, char *errbuf)
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
    st->cam = station_make_camera(st, spec, err);
    if (!st->cam) {
        log_warn("camera '%s' not available (%s); using the synthetic camera", spec, err);
        st->cam = station_make_camera(st, "synthetic", err);
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

void station_refresh_stats(station *st)
{
    session_stats stats = { .week_target = st->prog.sessions_per_week, .last_pain_before = -1 };
    if (st->log && !adlog_stats(st->log, clock_wall_ms(st->clock), st->prog.sessions_per_week,
                                &stats))
        log_warn("cannot read the adherence figures");
    log_debug("home figures of %s: streak %d, %d of %d sessions this week, done today %s",
              st->cfg->kiosk ? "a guest" : st->profile ? st->profile : ADLOG_DEFAULT_PROFILE,
              stats.streak_days, stats.week_sessions, stats.week_target,
              stats.done_today ? "yes" : "no");
    session_set_stats(st->sess, &stats);
}

/* The local calendar date of the station clock as yyyymmdd, 0 if unknown. */
long station_local_date(const station *st)
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
void station_refresh_day_stop(station *st)
{
    long date = station_local_date(st);
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
    if (!i18n_set_language(st->language)) {
        char shipped[64] = "";
        for (int i = 0; i < languages_count; i++)
            snprintf(shipped + strlen(shipped), sizeof shipped - strlen(shipped), "%s%s",
                     i ? ", " : "", languages[i].code);
        log_info("language '%s': the screens are in English (shipped: %s)", st->language,
                 shipped);
    } else
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
void station_change_language(station *st, int row)
{
    snprintf(st->language, sizeof st->language, "%s", languages[row].code);
    use_language(st, st->language);
    i18n_save_choice(st->cfg->data_dir, st->language);
    log_info("language changed to '%s'", st->language);
}

/* --- people and the lobby (profiles.h, session.h) ------------------------ */

/* Person i's language: hers, else the station's. */
static const char *person_language(const station *st, int i)
{
    bool listed = i >= 0 && i < st->people.n && st->people.p[i].language[0];
    return listed ? st->people.p[i].language : st->language;
}

/* Person i's programme, record and voice (or the one person's: cfg). The
 * day's stop is read again for them (stop_date 0: as on a new day). */
void station_apply_person(station *st, int i)
{
    st->person = i;
    if (st->people.n > 0) {
        const profile *p = &st->people.p[i];
        char path[SETTINGS_PATH_MAX + 64];
        st->profile = p->key;
        panels_set_profile(st->panels, p->key);
        profiles_programme(&st->people, i, path, sizeof path);
        open_programme(st, path);
        use_language(st, person_language(st, i));
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

void station_who_language(station *st, bool asking)
{
    use_language(st, asking ? st->language : person_language(st, st->person));
}

/* The people (not in a kiosk): profiles.ini from the config's path or the
 * data directory; `who` (a profile key) is the one chosen first when listed.
 * A stick may write the data directory's file (panels.h), not the config's. */
void station_load_people(station *st, const char *who)
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
    station_apply_person(st, first > 0 ? first : 0);
}

/* The people, the idle times, and the wake watch. */
static void open_lobby(station *st)
{
    const settings *cfg = st->cfg;
    station_load_people(st, st->profile); /* --profile: who is asked first */
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
void station_apply_sound_choice(station *st, const session_view *v)
{
    if (v->muted == st->prev.muted && v->volume == st->prev.volume)
        return;
    speaker_set_sound(st->spk, v->muted, v->volume);
    if (v->volume != st->prev.volume)
        speaker_sample(st->spk);
    prefs_save(st->cfg->data_dir, &(prefs){ .muted = v->muted, .volume = v->volume });
}

bool station_open(station *st)
{
    st->clock = make_clock(st->cfg);
    if (!open_screen(st))
        return false;
    char shots_err[256] = "";
    if (st->cfg->screenshot_dir[0] &&
        !atomic_file_mkdirs(st->cfg->screenshot_dir, 0755, shots_err))
        log_warn("screenshots: %s; none will be written", shots_err);
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
    float scale = reps_camera_scale(st->cfg->camera_distance_m, st->cfg->camera_view_deg);
    session_set_camera_scale(st->sess, scale);
    log_info("camera placed %.1f m from the mat, %.0f degrees across: the counter's smallest "
             "movement at %.2f of the framing it was tuned on (rehab-mirror doctor explains)",
             st->cfg->camera_distance_m, st->cfg->camera_view_deg, (double)scale);
    /* A kiosk watches no stick: its guests have no record to report. */
    st->panels = panels_create(st->cfg->kiosk ? "" : st->cfg->usb_dir, st->cfg->data_dir,
                               st->profile);
    load_sound_choice(st);
    open_lobby(st);
    if (session_get_view(st->sess)->screen == SCREEN_WHO)
        station_who_language(st, true); /* asked first: not in the last person's */
    station_refresh_stats(st);
    station_refresh_day_stop(st);
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
void station_retry_log(station *st)
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

void station_close(station *st)
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


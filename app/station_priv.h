/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * station_priv: what the station's two files share (station.h is the public
 * face): the station's state, the loop's timings, and the start-up side's
 * functions the loop calls. station_open.c opens every part with its
 * fallbacks, loads the people and their programmes, and closes it all;
 * station.c runs the loop (inputs, camera, panels, drawing, waiting).
 */
#ifndef RM_STATION_PRIV_H
#define RM_STATION_PRIV_H

#include "station.h"

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


/* --- station_open.c --------------------------------------------------------- */

/* A log that failed to open is tried again every LOG_RETRY_MS while
 * records wait. */
void station_retry_log(station *st);
/* The week and streak shown at home, from the log. */
void station_refresh_stats(station *st);
/* The day's stop (pain or a warning sign), read again on a new day. */
void station_refresh_day_stop(station *st);
/* Today as yyyymmdd on the station's clock. */
long station_local_date(const station *st);
/* The camera named by spec, on the station's clock. */
camera *station_make_camera(station *st, const char *spec, char *errbuf);
/* The LANGUAGE screen chose languages[row]: applied, spoken, saved. */
void station_change_language(station *st, int row);
/* Person i's programme, record and voice (or the one person's). */
void station_apply_person(station *st, int i);
/* "Who's exercising?" asks everyone, so it is in the station's language
 * (asking); leaving it with the same person, hers again. */
void station_who_language(station *st, bool asking);
/* The people read (again); `who` is chosen first when listed. */
void station_load_people(station *st, const char *who);
/* The pause menu's sound choice applied and saved. */
void station_apply_sound_choice(station *st, const session_view *v);
/* Opens every part with its fallbacks (station_open.c); false when there
 * is no camera or no buttons even after them. */
bool station_open(station *st);
/* Closes every part (the record and the panel's backlight first among
 * what must not be left half done: adlog_close, backlight_destroy). */
void station_close(station *st);

#endif

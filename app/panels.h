/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * panels: the screens the station shows over home, outside any session:
 *   - HISTORY: the last 8 weeks (Down at home opens it; any button closes it);
 *   - the USB stick: when a stick with rehab-mirror/ appears at the watched
 *     directory (looked at once a second), the reports of each of the
 *     station's people are written to it and its people and programmes read
 *     (stick.h): STICK_CHANGES lists what they would change (people added,
 *     renamed or removed; the dose changes of the person at the station, a
 *     line for each other person whose programme differs; OK applies it all,
 *     Down keeps the current), STICK_BAD shows why it was refused (file,
 *     line, reason; nothing changes), STICK_DONE says what was read and
 *     written and that the stick can be removed;
 *   - PROGRESS: back home after a session, when progression.h proposes a step
 *     (OK accepts, Down declines; either is logged with who answered).
 * A panel opens only on the home screen; a stick that arrives during a session
 * waits for home. Everything takes the profile's name, so it works per profile.
 */
#ifndef RM_PANELS_H
#define RM_PANELS_H

#include <stdbool.h>
#include <stdint.h>

#include "adlog.h"
#include "history.h"
#include "press.h"
#include "profiles.h"
#include "programme_text.h"
#include "progression.h"
#include "session.h"
#include "stick.h"

typedef enum panel_kind {
    PANEL_NONE,
    PANEL_HISTORY,
    PANEL_STICK_CHANGES,
    PANEL_STICK_BAD,
    PANEL_STICK_DONE,
    PANEL_PROGRESS,
} panel_kind;

/* "history", "stick-changes", ... for screenshot names. */
const char *panel_id(panel_kind k);

typedef struct panels_view {
    panel_kind kind;
    unsigned generation;               /* bumped on every visible change */
    /* HISTORY */
    history_week weeks[HISTORY_WEEKS];
    int streak_days;
    /* the stick */
    char programme_file[STICK_PATH];   /* the file read, "" when none */
    char error[256];                   /* STICK_BAD: "FILE:LINE: reason" */
    int n_changes;
    char changes[PROGRAMME_DIFF_LINES][PROGRAMME_DIFF_TEXT];
    bool people;                       /* STICK_CHANGES: the stick brings people */
    bool applied;                      /* STICK_DONE: the programme was applied */
    bool kept;                         /* STICK_DONE: the person kept the old one */
    stick_written written;             /* the reports */
    /* PROGRESS */
    progression_step step;
} panels_view;

typedef struct panels panels;

/* usb_dir "" watches no stick. The strings are copied. */
panels *panels_create(const char *usb_dir, const char *data_dir, const char *profile);
void panels_destroy(panels *p);
/* Whose history, reports and progression these are from now on (the person
 * chosen on "Who's exercising?"). */
void panels_set_profile(panels *p, const char *profile);

/* The station's people (kept by the caller; re-read after people_changed)
 * and the file a stick's profiles.ini is written to when OK applies it: ""
 * when the station's people do not come from the data directory (a kiosk, or
 * the config names a profiles file), and a stick's profiles.ini is then
 * ignored. */
void panels_set_people(panels *p, const profiles *people, const char *profiles_path);

/* What the station hands the panels on each call. `prog` is the programme in
 * use; a panel that changes it (a stick's programme applied, a step accepted)
 * writes it to the data directory and sets *prog_changed. */
typedef struct panels_env {
    adlog *log;                 /* may be NULL (nothing read or logged) */
    programme *prog;
    const session_view *view;   /* the session's view now */
    session_screen prev_screen; /* the session's screen on the last loop */
    int64_t now_ms, wall_ms;    /* station clock and wall clock */
    bool prog_changed;          /* out */
    bool people_changed;        /* out: profiles.ini was written: read it again */
} panels_env;

/* Once per loop: watches the stick (once a second) and opens PROGRESS after a
 * session. */
void panels_update(panels *p, panels_env *env);
/* A press: true when the panels took it (a panel is open, or Down at home
 * opened the history); false leaves it to the session. */
bool panels_press(panels *p, panels_env *env, const button_event *ev);
bool panels_active(const panels *p);
const panels_view *panels_get_view(const panels *p);
/* When panels_update next has something to do (the next look at the stick). */
int64_t panels_next_due_ms(const panels *p);

#endif

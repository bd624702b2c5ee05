/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * session: the guided-session state machine. Pure: it takes button presses,
 * camera frames (which it passes to its rep counter) and clock ticks, all with
 * times in milliseconds, and exposes a view for the screens to draw. What is
 * done is reported through a sink (the adherence log in the station, a
 * recording fake in tests), so the flow is testable without SDL or SQLite.
 *
 * Flow: HOME -(OK, or Up/Down already moving the answer)-> PAIN_BEFORE (it
 * starts at the person's last answer, stats.last_pain_before) -(OK)-> for
 * each block of the programme:
 *   INTRO (demo + cues) -(OK)-> POSITION (camera view; once someone is seen
 *   on the mat (presence.h) and has kept still, the counter learns the rest
 *   pose; OK starts at once) -> SET (rep N of M; OK adds a manual rep) ->
 *   REST (countdown, OK skips) -> POSITION for the next set ... -> next
 *   block's INTRO
 * -> PAIN_AFTER -(OK)-> SUMMARY -(OK or timeout)-> HOME.
 * Before HOME and around it: the lobby (who is exercising, attract, sleep;
 * see "the lobby" below), and the abandoned session's warning.
 * Quad sets are led by the clock (timed_hold.h): on SET the station says
 * tighten, counts the hold down and says relax; the camera only checks that
 * the person keeps still, and a hold with movement is not counted.
 * A long OK anywhere in a session opens PAUSE: resume, report pain, red flag,
 * skip exercise, end session, sound on/off (OK toggles), volume (OK, then
 * Up/Down by 10, OK again), undo last rep. A pain answer above
 * SESSION_PAIN_LIMIT shows PAIN_STOP with the advice from PROTOCOL.md and ends
 * the session (before it: no exercise at all; during it: the remaining
 * exercises too). "I have a warning sign" first lists the signs on
 * RED_FLAG_CHECK; OK confirms (RED_FLAG, the session ends), any other button
 * goes back to the menu.
 *
 * Stops that hold: pain above SESSION_PAIN_LIMIT, before the session, during
 * it or after it (the summary then says so), and a confirmed warning sign are
 * the day's stop (session_set_day_stop, derived by
 * the station from the log, so it survives a restart). While there is one, HOME says why and whom
 * to contact, and OK there shows the advice again instead of starting.
 *
 * Honest counts (SET): OK adds a manual rep only when the camera has not just
 * counted one (SESSION_MANUAL_WINDOW_MS) and is not in the middle of one (the
 * OK then waits for the counter's verdict, SESSION_OK_WAIT_MS plus the hold
 * at most and not at all once told that it misses reps: its rep, or a manual
 * rep if it finds none); in the middle of one after a movement the counter
 * did not count, it is for that movement and counts at once; a second OK
 * while one waits, SESSION_OK_WAIT_MS or more after it, is another rep. A
 * manual rep also tells the counter that a movement it saw and took for too
 * small was a rep (reps_missed: it counts the like from then on, for the
 * block), and undoing it takes that back. The
 * counter's clock stops while the set is paused, so a hold never includes
 * time in the menu. A partial or a short hold is shown for a moment
 * (view.flash and cue); whether a short hold counts is the programme's
 * short_holds_count.
 */
#ifndef RM_SESSION_H
#define RM_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "presence.h"
#include "press.h"
#include "programme.h"
#include "reps.h"

typedef enum session_screen {
    SCREEN_HOME,
    SCREEN_PAIN_BEFORE,
    SCREEN_INTRO,
    SCREEN_POSITION,
    SCREEN_SET,
    SCREEN_REST,
    SCREEN_PAIN_DURING,
    SCREEN_PAIN_STOP,
    SCREEN_RED_FLAG,
    SCREEN_PAUSE,
    SCREEN_PAIN_AFTER,
    SCREEN_SUMMARY,
    SCREEN_CAMERA_LOST, /* POSITION or SET without camera frames; see session_camera */
    SCREEN_RED_FLAG_CHECK, /* the warning signs listed; OK confirms, others go back */
    SCREEN_WHO,         /* "Who's exercising?": a name chosen with Up/Down/OK (lobby) */
    SCREEN_ATTRACT,     /* idle: the demo figure and "Press OK to try" (lobby) */
    SCREEN_SLEEP,       /* idle longer: the screen dark (lobby) */
    SCREEN_STILL_THERE, /* an abandoned session's warning before it ends (lobby) */
    SCREEN_LANGUAGE,    /* the shipped languages, from a long OK on HOME (or on WHO
                           when there are people to choose from); OK chooses */
    SCREEN_KIND_COUNT
} session_screen;

/* "home", "pain-before", ... for file names and logs. */
const char *session_screen_id(session_screen s);

typedef enum pause_item {
    PAUSE_RESUME,
    PAUSE_PAIN,
    PAUSE_RED_FLAG,
    PAUSE_SKIP,
    PAUSE_END,
    PAUSE_SOUND,  /* OK mutes or unmutes */
    PAUSE_VOLUME, /* OK, then Up/Down change it, OK (or a long OK) done */
    PAUSE_UNDO,  /* last, so Up from Resume reaches it in one press */
    PAUSE_ITEM_COUNT
} pause_item;
const char *pause_item_label(pause_item item);

/* What the adherence log is told. */
typedef struct session_rep {
    int seq;            /* 1, 2, ... across the whole session, as shown */
    int number;         /* rep number within the set, as shown */
    int64_t t_ms;       /* clock time of the rep */
    int64_t hold_ms;    /* time held at the top (0 for manual reps) */
    bool hold_met;
    float amplitude;    /* 0 for manual reps */
    bool manual;        /* added by the OK button, not seen by the camera */
    bool timed;         /* a hold led by the clock, the camera seeing the person
                           keep still (timed_hold.h), not a movement it counted */
} session_rep;

/* Pain above this (0-10 scale) stops exercise (PROTOCOL.md). */
#define SESSION_PAIN_LIMIT 5
/* An OK within this long after a camera rep means that rep, not another: the
 * counter reports a rep before the person is fully back at rest (a median
 * 0.2 s on the real clips, sometimes a second), and a
 * person takes about 0.5-1 s to see or hear the count and press. */
#define SESSION_MANUAL_WINDOW_MS 1500
/* An OK during a movement waits for the counter's verdict on it (the rep
 * the OK meant) this long at most, then counts: a movement the counter
 * follows and does not end (a slide, a set-up, a pose it cannot tell from a
 * rep's top) would hold it back for up to 2 x hold + 6 s, and someone who
 * hears nothing presses again. An OK is pressed at a rep's top or on its way
 * down, and the verdict comes as the person is back: within 1-3 s, and the
 * hold later when the OK came before or during it, so the wait is this plus
 * the exercise's hold (a bridge held 3 s, OK'd as it rises: its verdict, with
 * the hold the camera timed, comes some 5 s after the press). Once
 * the set has said it misses reps (SESSION_MISSED_MS) an OK counts at once.
 * A rep the camera counts later for the movement under way at the press
 * (begun before it) is that OK's, not another. */
#define SESSION_OK_WAIT_MS 4000
/* SET: the set's last count, by the camera or the clock, stays on the screen
 * this long before the rest (or the next exercise) shows, so the number
 * someone worked for is seen large, not only heard; OK goes on at once.
 * Nothing is counted meanwhile. A last rep added by OK goes on at once (the
 * person pressing is looking, and their next press means the next screen). */
#define SESSION_SET_DONE_MS 1500
/* POSITION: when someone is first seen, a second counter starts from this
 * much of what it saw before (session.c, look): the still moments before the
 * movement that showed them. */
#define SESSION_SEEN_KEEP_MS 1500
/* POSITION: someone seen who has neither kept still nor done a counted rep by
 * then gets "Go" anyway. Walking to the mat and lying down takes 3-6 s, and
 * the picture reads still some 2.5 s after the last movement. */
#define SESSION_SETTLE_MAX_MS 8000
/* POSITION: someone seen who has not kept still for this long is asked to by
 * voice (the screen asks from the start). A rep counted meanwhile starts the
 * wait again, and the screen's request with it, as does each movement the
 * counter sees begin after it: someone exercising begins a rep every few
 * seconds (a bridge held 2 s takes some 5 s from one return to the next,
 * more than this) and is not asked. */
#define SESSION_KEEP_STILL_MS 4000
/* SET, counted by the camera: someone who has moved for this long (the
 * picture not still: presence.h) with no rep counted, by the camera or by
 * OK, since the set began or its last rep is told, once a set, to press OK
 * for the reps the camera misses (a small figure, a movement it does not
 * follow: reps.c's known failures). A rep of these exercises takes 1-5 s
 * with its hold, so that is three or more reps unseen; someone resting
 * between reps lies still and is not told. */
#define SESSION_MISSED_MS 15000

/* Why no session may start today (a warning sign outranks pain). */
typedef enum session_stop {
    SESSION_STOP_NONE,
    SESSION_STOP_PAIN,      /* pain above the limit before a session */
    SESSION_STOP_RED_FLAG,  /* a warning sign was confirmed */
} session_stop;

/* Status words stored in the log. */
#define SESSION_STATUS_COMPLETED "completed"
#define SESSION_STATUS_ENDED "ended"             /* ended early from the pause menu */
#define SESSION_STATUS_PAIN "stopped-pain"
#define SESSION_STATUS_RED_FLAG "red-flag"
#define SESSION_STATUS_INTERRUPTED "interrupted" /* power cut, crash: set on restart */
#define SESSION_STATUS_ABANDONED "abandoned"     /* nobody pressed or moved: ended by itself */
#define SET_STATUS_COMPLETED "completed"
#define SET_STATUS_SKIPPED "skipped"
#define SET_STATUS_PAIN "stopped-pain"
#define SET_STATUS_ENDED "ended"

/* The sink's calls return false (or id 0) when the record could not be saved;
 * the session carries on and the view says the last reps were not saved. */
typedef struct session_sink {
    void *ctx;
    int64_t (*begin_session)(void *ctx, const programme *p, int pain_before);
    int64_t (*begin_set)(void *ctx, int64_t session_id, const programme_block *b,
                         int block_index, int set_no);
    bool (*rep)(void *ctx, int64_t set_id, const session_rep *rep);
    bool (*end_set)(void *ctx, int64_t set_id, int reps_done, int holds_met,
                    const char *status);
    bool (*end_session)(void *ctx, int64_t session_id, int pain_after, const char *status);
    /* The person took back rep `rep` (the last one of the open set). */
    bool (*undo_rep)(void *ctx, int64_t set_id, const session_rep *rep);
} session_sink;

/* Home-screen figures, filled in by the station from the log. */
typedef struct session_stats {
    int streak_days;       /* days in a row with a completed session, up to today */
    bool done_today;       /* a session completed today (local date): home says so */
    int week_sessions;     /* completed sessions in the last 7 days */
    int week_target;       /* sessions prescribed per week */
    int week_reps, week_reps_target;
    int last_pain_before;  /* this profile's last answer before a session, -1 none:
                              where the next pain check-in starts (it says so) */
} session_stats;

typedef struct session_view {
    session_screen screen;
    session_screen paused_from;  /* PAUSE, PAIN_DURING, CAMERA_LOST: the screen underneath */
    unsigned generation;         /* bumped on every visible change */
    int64_t screen_since_ms;     /* when this screen began (for animations) */

    const programme *prog;
    int block;                   /* index into prog->blocks, -1 before the first */
    int set;                     /* 1-based set number within the block */
    int reps_done;               /* in this set, camera + manual */
    int manual_reps;             /* in this set */
    int holds_met;               /* in this set */
    int partials;                /* in this set: excursions too small to count (reps.h),
                                    or, timed, holds spoiled by movement */
    int short_holds;             /* in this set: reps whose hold fell short
                                    (counted or not, programme.short_holds_count) */
    int last_hold_ms;            /* last rep's hold */
    bool last_hold_met;
    int64_t last_rep_ms;         /* clock time of the last counted rep, -1 none */
    bool manual_pending;         /* SET: OK pressed mid-movement; decided at its end */
    bool set_complete;           /* SET: every rep is in; the last count stays on
                                    screen SESSION_SET_DONE_MS, then the set ends */
    bool told_missed;            /* SET: told to press OK for missed reps
                                    (SESSION_MISSED_MS), once a set */
    const char *flash;           /* SET: one or two big words about the last rep
                                  * (partial, short hold, ...) for a moment, or NULL */
    int rep_seq;                 /* highest rep seq given this session (undo leaves
                                  * gaps, so it can exceed total_done) */

    reps_status counter;         /* phase, level, hold so far, learn progress */
    bool timed;                  /* this block's holds are led by the clock */
    int timed_phase;             /* SET, timed: a timed_phase (timed_hold.h) */
    int64_t timed_left_ms;       /* SET, timed: time left in that phase */
    int64_t hold_remaining_ms;   /* SET while holding: target - held, >= 0 */
    bool held_this_rep;          /* SET, counted by the camera: the counter has
                                    been at a hold since the person last left
                                    rest ("Hold" is said once a rep: cues.c) */
    int64_t rest_remaining_ms;   /* REST */
    int64_t position_elapsed_ms; /* POSITION */
    presence_verdict presence;   /* POSITION: is someone on the mat; the counter
                                    learns only once someone is SEEN */
    int64_t unsettled_ms;        /* POSITION: how long someone has been seen
                                    without settling, since the rep counted
                                    meanwhile if any, or the movement begun
                                    after it (0 when not seen) */
    bool early_rep;              /* POSITION: the counter counted a rep before
                                    the person kept still. It may be getting
                                    down, or they began before "Go": the set
                                    begins with the next one (session_reps.c) */
    bool settled;                /* POSITION: the person seen has kept still (or
                                    SESSION_SETTLE_MAX_MS passed): the set
                                    begins once the counter is ready (or at
                                    once with a rep counted before that) */

    int pain;                    /* PAIN_*: the value being chosen, 0..10 */
    int pain_before, pain_after; /* -1 when not asked yet */
    int menu_cursor;             /* PAUSE: selected pause_item */
    bool menu_editing;           /* PAUSE: Up/Down change the volume */
    bool sound_available;        /* the station has sound (config, --no-sound) */
    bool muted;                  /* the pause menu's sound off */
    int volume;                  /* 0..100, the pause menu's volume */

    const char *cue;             /* one line for the current screen */
    const char *advice;          /* PAIN_STOP, RED_FLAG, SUMMARY: what to do now */

    int total_done, total_target;  /* reps across the session (SUMMARY) */
    int block_done[PROGRAMME_MAX_BLOCKS]; /* reps done per block */
    session_stop day_stop;       /* HOME: why no session may start today */
    bool unsaved;                /* the last records could not be written */
    const char *notice;          /* HOME, SUMMARY: one line about the record from
                                  * the station (not saved, set aside), or NULL */
    session_stats stats;

    /* The lobby (session_lobby.c): who, idle, abandoned. */
    int people_count;            /* names to choose from on WHO (0 or 1: no choice) */
    const char *const *people;   /* their names, owned by the station */
    int person;                  /* the chosen name's index (0 without a choice) */
    int who_cursor;              /* WHO: the highlighted name */
    bool kiosk;                  /* guests: HOME shows no one's figures */
    int64_t abandon_in_ms;       /* STILL_THERE: until the session ends by itself */
    session_screen warned_from;  /* STILL_THERE: the screen underneath */
    int language;                /* row of languages.h the screens and voice are in;
                                  * LANGUAGE: menu_cursor is the row being chosen */
} session_view;

typedef struct session session;

/* The programme is copied. The sink may have NULL function pointers (nothing is
 * recorded). */
session *session_create(const programme *p, const session_sink *sink);
void session_destroy(session *s);

void session_press(session *s, const button_event *ev);
/* Feeds a camera frame; counted only on POSITION and SET screens. */
void session_frame(session *s, const uint8_t *luma, int width, int height, int stride,
                   int64_t t_ms);
/* The station's verdict on the camera, given on every loop (repeating it
 * changes nothing). While lost, POSITION and SET give way to CAMERA_LOST (the
 * set stays open with its count; a long OK still opens the pause menu over
 * it); when frames return the session goes back, and the counter learns the
 * rest pose again (the camera may have moved). */
void session_camera(session *s, bool lost, int64_t t_ms);
/* Lets time pass: rest countdowns, timeouts, hold countdowns. */
void session_tick(session *s, int64_t t_ms);
/* The next time at which session_tick would change something by itself, or
 * INT64_MAX. A virtual clock jumps straight there when nothing else is due. */
int64_t session_next_timer_ms(const session *s);

void session_set_stats(session *s, const session_stats *stats);
/* The sound as the pause menu starts from (the station's config and the
 * person's saved choice, prefs.h); the menu's changes show in the view
 * (muted, volume) for the station to apply and keep. Not available: the menu
 * items say so and change nothing. */
void session_set_sound(session *s, bool available, bool muted, int volume);
/* The day's stop as the log has it. The session sets it itself when a stop
 * happens; the station gives the log's verdict when home opens and when the
 * local date changes (NONE then clears it). */
void session_set_day_stop(session *s, session_stop stop);
/* The language in use (a row of languages.h), as the station starts; the
 * person changes it on the LANGUAGE screen, and the station applies and saves
 * what the view's `language` says. Out of range is ignored. */
void session_set_language(session *s, int row);
/* How large a person on the mat is in the camera's picture (reps_config.scale:
 * reps_camera_scale of the camera's distance and field of view), as the
 * station starts; the counters made from then on use it. 0 or less: 1. */
void session_set_camera_scale(session *s, float scale);
const session_view *session_get_view(const session *s);

/* --- the lobby (session_lobby.c) -------------------------------------------
 * Outside a session: who is exercising, and what an idle station does.
 *
 * WHO lists the people (session_set_people, more than one) and opens the
 * station; Up/Down move, OK chooses (view.person) and goes HOME, where a long
 * OK goes back to WHO. Idle at HOME or WHO for attract_after_ms opens ATTRACT
 * (the demo figure, "Press OK to try"); ATTRACT for sleep_after_ms more goes
 * dark (SLEEP). Any press on ATTRACT or SLEEP wakes the station to WHO (with
 * people to choose from) or HOME, and is not taken as anything else;
 * movement (session_wake) turns SLEEP back into ATTRACT. A session is never
 * interrupted by any of this: the idle timers run only outside one.
 *
 * Kiosk (session_idle.kiosk): each session is a guest's. The station opens on
 * ATTRACT and returns there when a session's last screen is left, by OK or by
 * itself; leaving ATTRACT clears what the last guest left (the day's stop),
 * and HOME shows nobody's figures.
 *
 * Abandoned (WCAG 2.2.1): a session with no press and no rep seen by the camera
 * for SESSION_ABANDON_MS - SESSION_WARN_MS shows STILL_THERE (and says so),
 * counting down; any press goes back and the wait starts again; at zero the
 * session ends as SESSION_STATUS_ABANDONED. The warning always lasts the
 * full SESSION_WARN_MS, even when time jumped past the end. */
#define SESSION_ABANDON_MS (10 * 60 * 1000)
#define SESSION_WARN_MS (30 * 1000)

typedef struct session_idle {
    int64_t attract_after_ms;    /* idle HOME or WHO -> ATTRACT; 0 = never */
    int64_t sleep_after_ms;      /* ATTRACT -> SLEEP; 0 = never */
    bool kiosk;
} session_idle;

/* The names for WHO (copied pointers: the strings must outlive the session)
 * and the one chosen so far (view.person; out of range: the first). With more
 * than one, a station at HOME goes to WHO, its cursor on the one chosen. */
void session_set_people(session *s, const char *const *names, int n, int chosen);
void session_set_idle(session *s, const session_idle *idle);
/* The programme of the person chosen (copied); only outside a session, false
 * otherwise. */
bool session_set_programme(session *s, const programme *p);
/* Movement seen while SLEEP: back to ATTRACT. Elsewhere nothing. */
void session_wake(session *s, int64_t t_ms);
/* True while a session is under way (not HOME, LANGUAGE or a lobby screen). */
bool session_active(const session *s);
/* The exercise the person should be doing now (for the demo camera), and
 * whether it is the mirrored (right) side. */
exercise_kind session_current_exercise(const session *s, bool *mirror);

#endif

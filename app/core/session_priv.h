/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * session_priv: what session.c (the flow) and session_reps.c (the counting
 * screen's rules) share; nobody else sees it. The session struct lives here so
 * both files can read it; only these two files touch its fields.
 */
#ifndef RM_SESSION_PRIV_H
#define RM_SESSION_PRIV_H

#include "session.h"
#include "timed_hold.h"

#define SESSION_MAX_SET_REPS 50 /* programme_block.reps is at most 50 */

struct session {
    programme prog;
    session_sink sink;
    session_view v;
    reps_counter *counter;
    float camera_scale;         /* reps_config.scale for every counter (0: 1) */
    /* POSITION: a second counter for the other reading of a still picture
     * with nothing to compare it with (session.c, look): someone lying there,
     * not an empty mat. It watches from the screen's opening; when someone is
     * seen it starts from the moments before (SESSION_SEEN_KEEP_MS), beside
     * the counter started at that moment, and whichever counts a rep first
     * becomes the counter. */
    reps_counter *watch;
    bool watching;              /* POSITION: watch is fed: no empty mat seen, and
                                   neither counter has counted a rep yet */
    presence *presence;         /* someone on the mat (POSITION), taught on SET */
    int64_t seen_ms;            /* POSITION: when someone was first seen */
    int64_t now;
    int64_t last_input_ms;
    int64_t session_id, set_id; /* sink ids; 0 when not open (or not saved) */
    bool in_session;            /* begun and not yet ended */
    bool set_open;
    int seq;                    /* reps across the session */
    int64_t rest_until, relax_until;
    int64_t set_done_at;        /* SET: when its last rep was counted (view.set_complete) */
    int64_t timed_moved_until;  /* timed: "you moved" is shown until then */
    session_screen lost_from;   /* CAMERA_LOST: POSITION or SET, to go back to */
    timed_hold timed;           /* SET of a block led by the clock */

    /* session_reps.c */
    session_rep set_reps[SESSION_MAX_SET_REPS]; /* the open set's reps, for undo */
    float set_shrink[SESSION_MAX_SET_REPS]; /* by what each made the counter's least
                                               movement shrink (reps_missed; 1: not) */
    int n_set_reps;
    int64_t last_camera_rep_ms; /* the set's last camera rep, -1 none */
    int64_t ok_at_ms;           /* when the OK waiting for a verdict was pressed */
    bool missed_before;         /* since the last rep counted, the counter saw a movement
                                   it did not count (a partial, or one it dropped) */
    int64_t ok_counted_ms;      /* an OK counted before its verdict: when pressed
                                   (a camera rep begun before then is its), -1 */
    reps_event early_rep;       /* POSITION: a rep counted before "Go" (view.early_rep) */
    int64_t still_wait_ms;      /* with an early rep held, the wait for stillness
                                   runs from then (session clock): when it was
                                   counted, or a movement after it began */
    int64_t uncounted_ms;       /* moving with no rep counted (SESSION_MISSED_MS) */
    int64_t moved_frame_ms;     /* the frame that time was last added at, -1 */
    const char *flash_word;     /* view.flash while it lasts */
    const char *flash_cue;      /* the cue line that goes with it */
    int64_t flash_until;        /* view.flash shows until then */
    /* The counter's clock is the session's minus the time spent off the
     * counting screens (pause menu, pain check, camera lost), so a hold never
     * runs while the menu is open. */
    int64_t counter_shift;      /* ms to subtract from frame times */
    int64_t away_since;         /* when the counting screens were left, -1 */

    /* session_lobby.c */
    session_idle idle;
    int64_t warned_at;          /* STILL_THERE: when the warning began */
};

static inline const programme_block *session_block(const session *s)
{
    return s->v.block >= 0 && s->v.block < s->prog.n_blocks ? &s->prog.blocks[s->v.block]
                                                             : NULL;
}

/* A sink call's outcome, for the view's unsaved flag. */
static inline void session_saved(session *s, bool ok)
{
    s->v.unsaved = !ok;
}

/* session.c: the records, one sink call each as it happens (a failed call
 * sets the view's `unsaved`). begin: a session with the pain before; end:
 * with `status` and the pain after, once; begin_set/end_set likewise for the
 * current block's set. */
void session_begin(session *s);
void session_end(session *s, const char *status);
void session_begin_set(session *s);
void session_end_set(session *s, const char *status);
/* session.c: the flow between screens. enter_position: POSITION with the
 * counter and presence learning afresh; start_block: the block's INTRO with a
 * counter made for its exercise; next_block: the next block's INTRO, or the
 * pain check after the last (finish_exercises). */
void session_enter_position(session *s);
void session_start_block(session *s, int block);
void session_next_block(session *s);
void session_finish_exercises(session *s);

/* session_press.c: the buttons on the session's screens. ok: OK on the
 * current screen; updown: Up (+1) or Down (-1); long: a long OK (the pause
 * menu, or back); go_home: HOME (or the lobby's screen after a session). */
void session_press_ok(session *s);
void session_press_updown(session *s, int delta);
void session_press_long(session *s);
void session_go_home(session *s);

/* session.c: the set is done; rest, the next block or the end. */
void session_set_done(session *s);

/* session.c: every change of screen (counter clock, timed holds, cue). */
void session_go(session *s, session_screen screen);
/* Ends what is open with `status` and leaves the session: HOME, or ATTRACT
 * in a kiosk. */
void session_leave(session *s, const char *status);

/* session_lobby.c */
/* A press on a lobby screen (WHO, ATTRACT, SLEEP, STILL_THERE) or a long OK
 * at HOME with people to choose from: handled, true. Else false. */
bool session_lobby_press(session *s, const button_event *ev);
/* Where a session's last screen leads: HOME, or ATTRACT in a kiosk. */
session_screen session_lobby_after(const session *s);
/* Idle timers (attract, sleep) and the abandoned session's warning and end. */
void session_lobby_timers(session *s);
/* The next time session_lobby_timers would change something, or INT64_MAX. */
int64_t session_lobby_next_ms(const session *s);

/* session_reps.c */
/* A new set opens: no reps, nothing pending, nothing to flash. */
void session_reps_begin(session *s);
/* POSITION -> SET by itself: the set opens, with the rep the counter counted
 * before "Go" if one is kept (the person did not keep still first). */
void session_reps_start_set(session *s);
/* OK on SET: a manual rep, unless the camera has just counted one or is in
 * the middle of one (see session.h). */
void session_reps_ok(session *s);
/* A frame on POSITION or SET, on the counter's paused-aware clock. */
void session_reps_frame(session *s, const uint8_t *luma, int width, int height, int stride,
                        int64_t t_ms);
/* The counter will not finish what it saw (camera lost, a pause): a rep it
 * has decided and not yet said counts now, and a pending OK becomes a manual
 * rep. Either may complete the set. */
void session_reps_settle(session *s);
/* "Undo last rep" from the pause menu: the open set's last rep is taken back
 * (and the sink told). False when there is none. */
bool session_reps_undo(session *s);
/* SET with every rep in (view.set_complete): the set ends now. */
void session_reps_finish_set(session *s);
/* SET of a block led by the clock: the clock's holds count; the camera's
 * movement spoils the running hold. */
void session_reps_timed(session *s);
/* The cue line and flash of the SET screen, from the state and the time. */
void session_reps_cue(session *s);

#endif

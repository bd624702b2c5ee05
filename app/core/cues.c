/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cues: the coach's rationing (cues.h). Each update first turns what changed
 * in the view into requests (a rep counted, a hold begun, a second of it
 * gone, a screen entered), then applies the rules: a rep number goes now and
 * clears the waiting slot (what waited belonged to the moment before the rep);
 * its own follow-up ("3 more", "last one", "rest", the session's end) takes
 * the slot. Other requests compete for the slot by rank, then recency. The
 * slot's cue starts when the voice is free (CUES_PAUSE_MS after it fell
 * silent, if it was asked for before that), if it is still fresh.
 *
 * What it gets wrong: a cue longer than the gap before the next rep is cut
 * off by that rep's number (by design); two lesser cues at once keep only the
 * more urgent one.
 */
#include "cues.h"

#include <string.h>

#include "timed_hold.h"

#define MAX_REQUESTS 8
#define THREE_MORE 3  /* "3 more" when this many reps are left */
#define TICKS_S 3      /* the hold's last seconds tick */
#define NOT_SEEN_MS 5000 /* position: nobody seen this long, and it is said */
/* A rest longer than this says "Get ready: 10 seconds" when this much is left
 * (someone lying with eyes closed cannot watch the countdown). */
#define REST_WARN_MS 10000

void cues_init(cues *c)
{
    memset(c, 0, sizeof *c);
    c->quiet_since_ms = -1;
}

int64_t cues_patience_ms(cue_rank rank)
{
    switch (rank) {
    case CUE_RANK_REP:
        return 0;
    case CUE_RANK_TIMED:
        return 500;   /* the countdown's seconds are 1 s apart: half of one */
    case CUE_RANK_ALERT:
        return 5000;
    case CUE_RANK_INFO:
    default:
        return 3000;  /* a follow-up still belongs to its rep a few seconds on */
    }
}

typedef struct requests {
    cue list[MAX_REQUESTS];
    int n;
} requests;

static void ask(requests *r, phrase_id phrase, cue_tone tone, cue_rank rank, int64_t now)
{
    if (r->n < MAX_REQUESTS && (phrase != PHRASE_NONE || tone != CUE_TONE_NONE))
        r->list[r->n++] = (cue){ .phrase = phrase, .tone = tone, .rank = rank, .due_ms = now };
}

static const programme_block *block_of(const session_view *v)
{
    return v->prog && v->block >= 0 && v->block < v->prog->n_blocks ? &v->prog->blocks[v->block]
                                                                      : NULL;
}

static bool entered(const session_view *p, const session_view *v, session_screen s)
{
    return v->screen == s && p->screen != s;
}

/* A rep counted (camera or OK): its number, then how many are left. */
static void rep_requests(const session_view *p, const session_view *v, int64_t now, requests *r)
{
    if (v->total_done <= p->total_done)
        return;
    ask(r, phrases_number(v->reps_done), CUE_TONE_REP, CUE_RANK_REP, now);
    const programme_block *b = block_of(v);
    int left = b ? b->reps - v->reps_done : -1;
    if (left == THREE_MORE && b->reps > THREE_MORE)
        ask(r, PHRASE_THREE_MORE, CUE_TONE_NONE, CUE_RANK_INFO, now);
    else if (left == 1)
        ask(r, PHRASE_LAST_ONE, CUE_TONE_NONE, CUE_RANK_INFO, now);
}

/* Holding: at the top of a counted rep, or in the hold of a timed one. */
static bool holding(const session_view *v)
{
    return v->timed ? v->timed_phase == TIMED_HOLD : v->counter.phase == REPS_PHASE_HOLD;
}

/* Within a set: a timed hold's "tighten"; the hold begun, its last three
 * seconds, its end (a counted rep's only when held to the target, a timed
 * one's always); a partial, or a timed hold spoiled by movement; a rep
 * whose hold fell short ("hold a little longer"), also among the reps a set
 * begins with; moving long with no rep counted: press OK for those missed
 * (session.h, SESSION_MISSED_MS); an OK waiting for the counter's verdict:
 * that it was taken. The last seconds tick
 * (cues.h: numbers are rep counts only). */
static void hold_requests(const session_view *p, const session_view *v, int64_t now, requests *r)
{
    if (v->screen != SCREEN_SET || v->set_complete)
        return;
    if (v->timed && v->timed_phase == TIMED_TIGHTEN &&
        (p->screen != SCREEN_SET || p->timed_phase != TIMED_TIGHTEN))
        ask(r, PHRASE_TIGHTEN, CUE_TONE_NONE, CUE_RANK_TIMED, now);
    /* A set begun with reps counted (the person began before "Go") has its
     * verdicts on them said after the count, as within a set; back from the
     * pause menu or a lost camera, nothing new is said. */
    bool in_set = p->screen == SCREEN_SET;
    if (!in_set && p->screen != SCREEN_POSITION)
        return;
    if (v->partials > (in_set ? p->partials : 0))
        ask(r, v->timed ? PHRASE_MOVED : PHRASE_PARTIAL, CUE_TONE_NONE, CUE_RANK_INFO, now);
    if (v->short_holds > (in_set ? p->short_holds : 0)) /* after the rep's number, over "3 more" */
        ask(r, PHRASE_HOLD_LONGER, CUE_TONE_NONE, CUE_RANK_INFO, now);
    if (!in_set)
        return;
    if (v->told_missed && !p->told_missed)
        ask(r, PHRASE_MISSED, CUE_TONE_NONE, CUE_RANK_INFO, now);
    /* Someone lying down who pressed OK hears that it was taken, and that it
     * counts once they are back, so does not press again for the same rep
     * (a second OK later is another rep: session.h). */
    if (v->manual_pending && !p->manual_pending)
        ask(r, PHRASE_OK_WAITING, CUE_TONE_NONE, CUE_RANK_INFO, now);
    bool now_holding = holding(v);
    if (now_holding && !holding(p) && v->hold_remaining_ms > 0)
        ask(r, PHRASE_HOLD, CUE_TONE_NONE, CUE_RANK_TIMED, now);
    int64_t was = (p->hold_remaining_ms + 999) / 1000, left = (v->hold_remaining_ms + 999) / 1000;
    if (p->hold_remaining_ms > 0 && v->hold_remaining_ms == 0 && (now_holding || v->timed))
        ask(r, PHRASE_RELAX, CUE_TONE_HOLD_DONE, CUE_RANK_TIMED, now);
    else if (now_holding && left < was && left <= TICKS_S && left > 0)
        ask(r, PHRASE_NONE, CUE_TONE_HOLD_TICK, CUE_RANK_TIMED, now);
}

/* Screens entered: rest (and its last 10 s), the pause menu and back, the
 * next set, an exercise, the pain check after the last one and the session's
 * end, stops (with what to do) and alerts;
 * nobody seen on the mat for NOT_SEEN_MS of the position screen (once); seen
 * for SESSION_KEEP_STILL_MS without keeping still, which "Go" waits for
 * (once, or again as long after a rep counted meanwhile: session.h).
 * The set-done chime stands in for what follows a set when there is no voice. */
static void screen_requests(const session_view *p, const session_view *v, int64_t now,
                            requests *r)
{
    cue_tone after_set = p->screen == SCREEN_SET ? CUE_TONE_SET_DONE : CUE_TONE_NONE;
    const programme_block *b = block_of(v);
    if (entered(p, v, SCREEN_REST))
        ask(r, PHRASE_REST, after_set, CUE_RANK_INFO, now);
    /* The pause menu: a long OK pressed from the mat is heard to have worked;
     * back where they were, "carry on", or after an undo the count now. */
    if (entered(p, v, SCREEN_PAUSE))
        ask(r, PHRASE_PAUSED, CUE_TONE_NONE, CUE_RANK_INFO, now);
    if (p->screen == SCREEN_PAUSE && v->screen == p->paused_from && v->screen != SCREEN_PAUSE)
        ask(r, v->screen == SCREEN_SET && v->reps_done < p->reps_done && v->reps_done > 0
                   ? phrases_number(v->reps_done)
                   : PHRASE_CARRY_ON,
            CUE_TONE_NONE, CUE_RANK_INFO, now);
    if (p->screen == SCREEN_REST && v->screen == SCREEN_REST &&
        p->rest_remaining_ms > REST_WARN_MS && v->rest_remaining_ms <= REST_WARN_MS)
        ask(r, PHRASE_REST_ENDING, CUE_TONE_NONE, CUE_RANK_INFO, now);
    if (p->screen == SCREEN_REST && v->screen == SCREEN_POSITION) /* "set 2", "last set" */
        ask(r, b && b->sets > 1 && v->set >= b->sets ? PHRASE_LAST_SET : phrases_set(v->set),
            CUE_TONE_NONE, CUE_RANK_INFO, now);
    /* The set begins: someone lying with eyes closed hears when to start (a
     * timed hold's start is its "tighten"). One who began before "Go" gets
     * the set with reps already counted: their count is the cue, and a "go"
     * after "2" would sound like a new start. */
    if (p->screen == SCREEN_POSITION && v->screen == SCREEN_SET && !v->timed &&
        v->reps_done == 0)
        ask(r, PHRASE_GO, CUE_TONE_NONE, CUE_RANK_INFO, now);
    if (b && v->screen == SCREEN_INTRO && (p->screen != SCREEN_INTRO || p->block != v->block))
        ask(r, phrases_exercise(b->exercise, b->side), after_set, CUE_RANK_INFO, now);
    /* The exercises are over, the session is not: the pain question waits,
     * and someone lying with eyes closed must know it does. The session is
     * over once it is answered. */
    if (entered(p, v, SCREEN_PAIN_AFTER))
        ask(r, PHRASE_PAIN_AFTER, after_set, CUE_RANK_INFO, now);
    /* Pain above the limit after it (PROTOCOL.md): no "well done", but the
     * pain stop's words, pointing at the advice on the screen. */
    if (entered(p, v, SCREEN_SUMMARY) && v->pain_after > SESSION_PAIN_LIMIT)
        ask(r, PHRASE_STOP_PAIN, CUE_TONE_ALERT, CUE_RANK_ALERT, now);
    else if (entered(p, v, SCREEN_SUMMARY))
        ask(r, v->total_done >= v->total_target ? PHRASE_SESSION_DONE : PHRASE_SESSION_ENDED,
            CUE_TONE_NONE, CUE_RANK_INFO, now);
    if (v->screen == SCREEN_POSITION && p->screen == SCREEN_POSITION &&
        v->presence != PRESENCE_SEEN && p->position_elapsed_ms < NOT_SEEN_MS &&
        v->position_elapsed_ms >= NOT_SEEN_MS)
        ask(r, PHRASE_NOT_SEEN, CUE_TONE_NONE, CUE_RANK_INFO, now);
    if (v->screen == SCREEN_POSITION && p->screen == SCREEN_POSITION &&
        p->unsettled_ms < SESSION_KEEP_STILL_MS && v->unsettled_ms >= SESSION_KEEP_STILL_MS)
        ask(r, PHRASE_KEEP_STILL, CUE_TONE_NONE, CUE_RANK_INFO, now);
    if (entered(p, v, SCREEN_CAMERA_LOST))
        ask(r, PHRASE_CAMERA_LOST, CUE_TONE_NONE, CUE_RANK_ALERT, now);
    if (entered(p, v, SCREEN_STILL_THERE))
        ask(r, PHRASE_STILL_THERE, CUE_TONE_ALERT, CUE_RANK_ALERT, now);
    if (entered(p, v, SCREEN_PAIN_STOP))
        ask(r, PHRASE_STOP_PAIN, CUE_TONE_ALERT, CUE_RANK_ALERT, now);
    if (entered(p, v, SCREEN_RED_FLAG))
        ask(r, PHRASE_STOP_RED_FLAG, CUE_TONE_ALERT, CUE_RANK_ALERT, now);
}

/* How long the waiting cue has waited, against its patience. */
static int64_t waited_ms(const cues *c, int64_t now)
{
    if (!c->behind_rep)
        return now - c->waiting.due_ms;
    if (c->quiet_since_ms < 0)
        return 0; /* the number still plays */
    return now - (c->quiet_since_ms > c->rep_ms ? c->quiet_since_ms : c->rep_ms);
}

/* Puts a lesser cue in the slot when it outranks (or equals, being newer) the
 * one waiting there, or the slot is empty or stale. */
static void offer(cues *c, const cue *q, int64_t now)
{
    bool stale = c->has_waiting && waited_ms(c, now) > cues_patience_ms(c->waiting.rank);
    if (!c->has_waiting || stale || q->rank >= c->waiting.rank) {
        c->waiting = *q;
        c->has_waiting = true;
        c->behind_rep = false;
    }
}

bool cues_update(cues *c, const session_view *prev, const session_view *v, int64_t now_ms,
                 int64_t busy_ms, cue *out, bool *interrupt)
{
    requests r = { .n = 0 };
    rep_requests(prev, v, now_ms, &r);
    hold_requests(prev, v, now_ms, &r);
    screen_requests(prev, v, now_ms, &r);
    *interrupt = false;
    /* "Hold" once a rep: a top that sags and is lifted again in the same rep
     * (held_this_rep, session.h) is not told again, unless the first was
     * never said (the voice was busy) */
    if (!v->held_this_rep)
        c->hold_said = false;
    for (int i = 0; i < r.n; i++)
        if (r.list[i].phrase == PHRASE_HOLD && c->hold_said && !v->timed)
            r.list[i--] = r.list[--r.n];
    const cue *rep = NULL;
    for (int i = 0; i < r.n; i++) {
        if (r.list[i].rank == CUE_RANK_REP) {
            rep = &r.list[i];
            c->has_waiting = false; /* what waited belonged to before this rep */
        }
    }
    for (int i = 0; i < r.n; i++)
        if (r.list[i].rank != CUE_RANK_REP)
            offer(c, &r.list[i], now_ms);
    if (rep) {
        c->behind_rep = c->has_waiting; /* only this rep's follow-ups are left */
        c->rep_ms = now_ms;
        *out = *rep;
        *interrupt = true;
        return true;
    }
    if (busy_ms > 0)
        c->quiet_since_ms = -1;
    else if (c->quiet_since_ms < 0)
        c->quiet_since_ms = now_ms;
    if (c->has_waiting && waited_ms(c, now_ms) > cues_patience_ms(c->waiting.rank))
        c->has_waiting = false;
    if (!c->has_waiting || busy_ms > 0)
        return false;
    /* Asked for while the voice was busy: a pause after it first. */
    if (c->waiting.due_ms < c->quiet_since_ms && now_ms - c->quiet_since_ms < CUES_PAUSE_MS)
        return false;
    *out = c->waiting;
    c->has_waiting = c->behind_rep = false;
    c->hold_said = c->hold_said || out->phrase == PHRASE_HOLD;
    return true;
}

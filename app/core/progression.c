/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * progression: the next-dose rule (progression.h states it whole). A group is
 * judged on its own: its blocks in the programme, their dose now, the last N
 * sessions after its last decision, each of which must hold the group's blocks
 * at that same dose, done in full with low pain.
 */
#include "progression.h"

#include <stdio.h>
#include <string.h>

#define DAY_MS (24LL * 60 * 60 * 1000)

void progression_group(const programme_block *b, char *out)
{
    if (b->exercise == EXERCISE_GENERIC)
        snprintf(out, PROGRAMME_TEXT, "%s", b->key);
    else
        snprintf(out, PROGRAMME_TEXT, "%s", exercise_id(b->exercise));
}

/* The group's blocks in the programme; false when they do not share one dose
 * (a physiotherapist's deliberate asymmetry is not the station's to change). */
static bool group_blocks(const programme *p, const char *group, progression_step *st)
{
    st->n_blocks = 0;
    for (int i = 0; i < p->n_blocks; i++) {
        char g[PROGRAMME_TEXT];
        progression_group(&p->blocks[i], g);
        if (strcmp(g, group) != 0)
            continue;
        const programme_block *b = &p->blocks[i];
        if (st->n_blocks == 0) {
            st->from_sets = b->sets;
            st->from_reps = b->reps;
            snprintf(st->title, sizeof st->title, "%s",
                     b->title[0] ? b->title : exercise_name(b->exercise));
        } else if (b->sets != st->from_sets || b->reps != st->from_reps) {
            return false;
        }
        st->blocks[st->n_blocks++] = i;
    }
    snprintf(st->group, sizeof st->group, "%s", group);
    return st->n_blocks > 0;
}

/* The session did every set of the group's blocks in full, at today's dose. */
static bool session_did_group(const programme *p, const progression_step *st,
                              const record_session *s)
{
    for (int i = 0; i < st->n_blocks; i++) {
        const programme_block *b = &p->blocks[st->blocks[i]];
        bool found = false;
        for (int j = 0; j < s->n_blocks && !found; j++) {
            const record_block *rb = &s->blocks[j];
            if (strcmp(rb->key, b->key) != 0)
                continue;
            found = true;
            if (rb->sets != b->sets || rb->reps != b->reps || rb->sets_full < rb->sets)
                return false;
        }
        if (!found)
            return false;
    }
    return true;
}

static bool good_session(const record_session *s)
{
    return s->completed && !s->stopped && s->pain_before >= 0 &&
           s->pain_before <= PROGRESSION_PAIN_MAX && s->pain_after >= 0 &&
           s->pain_after <= PROGRESSION_PAIN_MAX;
}

/* The latest decision time for `group` (any group when NULL, accepted only
 * when `accepted_only`), or INT64_MIN. */
static int64_t last_decision(const record_decision *d, int n, const char *group,
                             bool accepted_only)
{
    int64_t at = INT64_MIN;
    for (int i = 0; i < n; i++) {
        if ((group && strcmp(d[i].group, group) != 0) || (accepted_only && !d[i].accepted))
            continue;
        if (d[i].at_ms > at)
            at = d[i].at_ms;
    }
    return at;
}

static bool earned(const programme *p, const progression_step *st, const record_session *s,
                   int n, int64_t since_ms, int need)
{
    int good = 0;
    for (int i = n - 1; i >= 0 && good < need; i--) {
        if (s[i].started_ms <= since_ms)
            break;
        if (!good_session(&s[i]) || !session_did_group(p, st, &s[i]))
            return false;
        good++;
    }
    return good == need;
}

/* The dose after one step, within PROGRESSION_LOAD_PERCENT of the programme's
 * reps per session. False at the top. */
static bool next_dose(const programme *p, progression_step *st)
{
    int total = programme_total_reps(p);
    int cap = total * PROGRESSION_LOAD_PERCENT / 100;
    int per_rep = st->n_blocks * st->from_sets; /* reps added by +1 rep a set */
    st->to_sets = st->from_sets;
    st->to_reps = st->from_reps;
    if (st->from_reps < PROGRESSION_MAX_REPS) {
        int rung = st->from_reps < 15 ? 15 : PROGRESSION_MAX_REPS;
        int step = per_rep > 0 ? cap / per_rep : 1;
        step = step < 1 ? 1 : step;
        st->to_reps = st->from_reps + step > rung ? rung : st->from_reps + step;
        return true;
    }
    if (st->from_sets < 10 && st->n_blocks * st->from_reps <= cap) {
        st->to_sets = st->from_sets + 1;
        return true;
    }
    return false;
}

bool progression_propose(const programme *p, const record_session *sessions, int n_sessions,
                         const record_decision *decisions, int n_decisions, int64_t now_ms,
                         progression_step *out)
{
    if (!p->progression)
        return false;
    int64_t accepted = last_decision(decisions, n_decisions, NULL, true);
    if (accepted != INT64_MIN && now_ms - accepted < PROGRESSION_GAP_DAYS * DAY_MS)
        return false;
    int need = p->progression_sessions > 0 ? p->progression_sessions : p->sessions_per_week;
    for (int i = 0; i < p->n_blocks; i++) {
        char group[PROGRAMME_TEXT];
        progression_group(&p->blocks[i], group);
        bool first = true; /* judge each group once, at its first block */
        for (int j = 0; j < i && first; j++) {
            char g[PROGRAMME_TEXT];
            progression_group(&p->blocks[j], g);
            first = strcmp(g, group) != 0;
        }
        progression_step st;
        if (!first || !group_blocks(p, group, &st))
            continue;
        int64_t since = last_decision(decisions, n_decisions, group, false);
        if (earned(p, &st, sessions, n_sessions, since, need) && next_dose(p, &st)) {
            *out = st;
            return true;
        }
    }
    return false;
}

void progression_apply(programme *p, const progression_step *step)
{
    for (int i = 0; i < step->n_blocks; i++) {
        int k = step->blocks[i];
        if (k < 0 || k >= p->n_blocks)
            continue;
        p->blocks[k].sets = step->to_sets;
        p->blocks[k].reps = step->to_reps;
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for progression: when the next dose is proposed, what it is, and when
 * not (pain, a stop, a short set, a recent step, switched off). */
#include <string.h>

#include "check.h"
#include "progression.h"

#define DAY (24LL * 60 * 60 * 1000)
#define T0 (1700000000000LL)

/* A session that did the whole programme at its dose, with this pain. */
static record_session good(const programme *p, int day, int pain_before, int pain_after)
{
    record_session s = { .id = day + 1, .started_ms = T0 + day * DAY, .day = 19000 + day,
                         .completed = true, .pain_before = pain_before,
                         .pain_after = pain_after, .n_blocks = p->n_blocks };
    for (int i = 0; i < p->n_blocks; i++) {
        const programme_block *b = &p->blocks[i];
        record_block *rb = &s.blocks[i];
        snprintf(rb->key, sizeof rb->key, "%s", b->key);
        rb->exercise = b->exercise;
        rb->sets = b->sets;
        rb->reps = b->reps;
        rb->sets_full = b->sets;
    }
    return s;
}

static int week(const programme *p, record_session *s, int first_day)
{
    for (int i = 0; i < 5; i++)
        s[i] = good(p, first_day + i, 1, 2);
    return 5;
}

static void test_week_earns_step(void)
{
    programme p;
    programme_default(&p);
    record_session s[8];
    int n = week(&p, s, 0);
    progression_step st;
    CHECK(progression_propose(&p, s, n, NULL, 0, T0 + 5 * DAY, &st), "a good week earns a step");
    CHECK(!strcmp(st.group, "clamshell"), "first group: %s", st.group);
    CHECK_EQ_INT(st.n_blocks, 2, "both clamshell sides step together");
    CHECK_EQ_INT(st.from_reps, 10, "from");
    /* 10% of 120 reps = 12; two blocks of 3 sets: 2 reps more a set. */
    CHECK_EQ_INT(st.to_reps, 12, "to (capped at 10% of the programme's reps)");
    CHECK_EQ_INT(st.to_sets, 3, "sets unchanged");
    CHECK(!progression_propose(&p, s, n - 1, NULL, 0, T0 + 5 * DAY, &st),
          "four sessions are not a week");
}

static void test_rungs_and_sets(void)
{
    programme p;
    programme_default(&p);
    p.n_blocks = 1; /* one clamshell block: 30 reps a session, cap 3 */
    progression_step st;
    record_session s[8];
    p.blocks[0].reps = 14;
    int n = week(&p, s, 0);
    CHECK(progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st), "14 reps steps");
    CHECK_EQ_INT(st.to_reps, 15, "a step stops at the rung of 15");
    p.blocks[0].reps = 20;
    n = week(&p, s, 0);
    /* One set of 20 is 33% of 60: over the cap, so not proposed ... */
    CHECK(!progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st), "3 x 20 alone: the top");
    p.blocks[0].sets = 10;
    n = week(&p, s, 0);
    CHECK(!progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st), "ten sets: the top");
    /* ... while in a bigger programme a set fits in 10%. */
    programme_default(&p);
    for (int i = 0; i < p.n_blocks; i++)
        p.blocks[i].reps = 20;
    p.blocks[2].reps = 20; /* bridge: one block, a set of 20 = 8% of 240 */
    n = week(&p, s, 0);
    CHECK(progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st), "20 reps everywhere");
    CHECK(!strcmp(st.group, "bridge"), "clamshell's two sides (17%%) skipped: %s", st.group);
    CHECK_EQ_INT(st.to_sets, 4, "one more set");
    CHECK_EQ_INT(st.to_reps, 20, "same reps");
    progression_apply(&p, &st);
    CHECK_EQ_INT(p.blocks[2].sets, 4, "applied");
    CHECK_EQ_INT(p.blocks[0].sets, 3, "other blocks untouched");
}

static void test_not_earned(void)
{
    programme p;
    programme_default(&p);
    record_session s[8];
    progression_step st;
    int n = week(&p, s, 0);
    s[3].pain_after = 3;
    CHECK(!progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st), "pain 3 after");
    n = week(&p, s, 0);
    s[4].completed = false;
    s[4].stopped = true;
    CHECK(!progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st), "last one a pain stop");
    n = week(&p, s, 0);
    s[n++] = good(&p, 6, 8, -1);
    s[n - 1].completed = false;
    s[n - 1].stopped = true;
    CHECK(!progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st),
          "a pain stop after a good week");
    n = week(&p, s, 0);
    s[2].pain_before = -1;
    CHECK(!progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st), "pain not asked");
    n = week(&p, s, 0);
    for (int i = 0; i < n; i++) /* clamshells short a set: the others may step */
        s[i].blocks[1].sets_full = 2;
    CHECK(progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st), "the bridge steps");
    CHECK(!strcmp(st.group, "bridge"), "not the clamshells: %s", st.group);
    n = week(&p, s, 0);
    s[0].blocks[2].reps = 8; /* a session at an older dose does not count */
    CHECK(!progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st) ||
              strcmp(st.group, "bridge") != 0,
          "bridge's older dose");
    p.progression = false;
    n = week(&p, s, 0);
    CHECK(!progression_propose(&p, s, n, NULL, 0, T0 + 9 * DAY, &st), "switched off");
}

static void test_decisions(void)
{
    programme p;
    programme_default(&p);
    record_session s[16];
    progression_step st;
    int n = week(&p, s, 0);
    record_decision d = { .at_ms = T0 + 2 * DAY + 1, .accepted = false };
    snprintf(d.group, sizeof d.group, "clamshell");
    CHECK(progression_propose(&p, s, n, &d, 1, T0 + 9 * DAY, &st), "declined clamshell");
    CHECK(strcmp(st.group, "clamshell") != 0, "not asked again so soon: %s", st.group);
    d.accepted = true;
    CHECK(!progression_propose(&p, s, n, &d, 1, T0 + 8 * DAY, &st),
          "nothing within a week of an accepted step");
    p.progression_sessions = 3;
    n += week(&p, s + n, 10);
    CHECK(progression_propose(&p, s, n, &d, 1, T0 + 15 * DAY, &st), "a week later");
    CHECK(!strcmp(st.group, "clamshell"), "clamshell again after 3 sessions: %s", st.group);
}

int main(void)
{
    test_week_earns_step();
    test_rungs_and_sets();
    test_not_earned();
    test_decisions();
    return check_done();
}

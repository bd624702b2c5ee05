/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_fixtures: small programmes shared by the tests of the adherence log and
 * its recorder.
 */
#ifndef RM_TEST_FIXTURES_H
#define RM_TEST_FIXTURES_H

#include <stdio.h>
#include <string.h>

#include "programme.h"

/* One bridge block: `reps` reps, one set, 30 s rest, 3 sessions a week. */
static inline programme fixture_one_bridge(const char *name, int reps)
{
    programme p;
    memset(&p, 0, sizeof p);
    snprintf(p.name, sizeof p.name, "%s", name);
    p.rest_s = 30;
    p.sessions_per_week = 3;
    p.n_blocks = 1;
    snprintf(p.blocks[0].key, sizeof p.blocks[0].key, "bridge");
    p.blocks[0].exercise = EXERCISE_BRIDGE;
    p.blocks[0].sets = 1;
    p.blocks[0].reps = reps;
    return p;
}

#endif

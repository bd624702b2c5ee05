/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for exercise ids and names. */
#include <string.h>

#include "check.h"
#include "exercise.h"

int main(void)
{
    for (int i = 0; i < EXERCISE_KIND_COUNT; i++) {
        exercise_kind k;
        CHECK(exercise_parse(exercise_id((exercise_kind)i), &k) && k == (exercise_kind)i,
              "id %s does not round-trip", exercise_id((exercise_kind)i));
    }
    exercise_kind k = EXERCISE_BRIDGE;
    CHECK(!exercise_parse("quad_set", &k), "quad_set (underscore) accepted");
    CHECK(!exercise_parse(NULL, &k), "NULL accepted");
    CHECK_EQ_INT(k, EXERCISE_BRIDGE, "failed parse left *out alone");
    CHECK(!strcmp(exercise_name(EXERCISE_BRIDGE), "Glute bridge"), "bridge name");
    return check_done();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exercise: see exercise.h. */
#include "exercise.h"

#include "intl.h"

#include <string.h>

static const char *const ids[EXERCISE_KIND_COUNT] = { "clamshell", "bridge", "quad-set",
                                                      "generic" };
static const char *const names[EXERCISE_KIND_COUNT] = { N_("Clamshell"), N_("Glute bridge"),
                                                        N_("Quad set"), N_("Exercise") };

const char *exercise_id(exercise_kind kind)
{
    return (unsigned)kind < EXERCISE_KIND_COUNT ? ids[kind] : "unknown";
}

const char *exercise_name(exercise_kind kind)
{
    return (unsigned)kind < EXERCISE_KIND_COUNT ? names[kind] : "Exercise";
}

bool exercise_parse(const char *id, exercise_kind *out)
{
    for (int i = 0; i < EXERCISE_KIND_COUNT; i++) {
        if (id && !strcmp(id, ids[i])) {
            *out = (exercise_kind)i;
            return true;
        }
    }
    return false;
}

bool exercise_led_by_time(exercise_kind kind)
{
    return kind == EXERCISE_QUAD_SET;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * exercise: the kinds of movement the station knows how to count. Shared by the
 * counter (which tunes itself per kind), the programme (doses) and the synthetic
 * camera (which renders them).
 */
#ifndef RM_EXERCISE_H
#define RM_EXERCISE_H

#include <stdbool.h>

typedef enum exercise_kind {
    EXERCISE_CLAMSHELL,
    EXERCISE_BRIDGE,
    EXERCISE_QUAD_SET,
    EXERCISE_GENERIC,
    EXERCISE_KIND_COUNT
} exercise_kind;

/* "clamshell", "bridge", "quad-set", "generic". */
const char *exercise_id(exercise_kind kind);
/* Human name: "Clamshell", "Glute bridge", "Quad set", "Exercise". */
const char *exercise_name(exercise_kind kind);
/* Parses an id as above; false (and *out untouched) when unknown. */
bool exercise_parse(const char *id, exercise_kind *out);
/* True when the station leads the exercise's holds by the clock and the camera
 * only checks that the person keeps still (timed_hold.h): the quad set, whose
 * contraction no footage has shown a camera can see from where the station
 * stands (the one real clip is a close-up of the thigh). */
bool exercise_led_by_time(exercise_kind kind);

#endif

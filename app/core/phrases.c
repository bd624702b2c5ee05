/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * phrases: the spoken phrase table (phrases.h). Templates are English and
 * marked N_() so that xgettext finds them; phrases_text() looks them up in the
 * current language (app/i18n.h) and fills in the number or the exercise.
 * Keep them short and plain: they are heard once, by someone in the middle of a movement.
 */
#include "phrases.h"

#include <stdio.h>

#include "intl.h"

static const char *const fixed[PHRASE_COUNT] = {
    [PHRASE_HOLD] = N_("Hold"),
    [PHRASE_RELAX] = N_("Relax"),
    [PHRASE_THREE_MORE] = N_("3 more"),
    [PHRASE_LAST_ONE] = N_("Last one"),
    [PHRASE_PARTIAL] = N_("That one was partial. A little higher"),
    [PHRASE_HOLD_LONGER] = N_("Hold a little longer"),
    [PHRASE_TIGHTEN] = N_("Tighten"),
    [PHRASE_MOVED] = N_("You moved. Keep still while you hold"),
    [PHRASE_REST] = N_("Rest"),
    [PHRASE_REST_ENDING] = N_("Get ready: 10 seconds"),
    [PHRASE_PAUSED] = N_("Paused"),
    [PHRASE_CARRY_ON] = N_("Carry on"),
    [PHRASE_CAMERA_LOST] = N_("Camera lost"),
    [PHRASE_NOT_SEEN] = N_("I cannot see you yet. Lie on the mat, or move a little"),
    [PHRASE_SESSION_DONE] = N_("Well done, session complete"),
    [PHRASE_SESSION_ENDED] = N_("Session over"),
    [PHRASE_STILL_THERE] = N_("Are you still there? Press OK to carry on"),
    [PHRASE_GO] = N_("Go"),
    [PHRASE_LAST_SET] = N_("Last set"),
    [PHRASE_KEEP_STILL] = N_("Keep still a moment"),
    [PHRASE_MISSED] = N_("If I miss a rep, press OK"),
    [PHRASE_PAIN_AFTER] = N_("One last question: your knee pain, on the screen"),
    [PHRASE_STOP_PAIN] = N_("Stop here for today. The advice is on the screen"),
    [PHRASE_STOP_RED_FLAG] =
        N_("Please stop now. Chest pain or shortness of breath: call emergency services"),
    [PHRASE_OK_WAITING] = N_("OK seen: it counts when you are back down"),
};

/* %d is the set number (rep numbers are digits: each voice reads them in its
 * own language). */
static const char SET_TEMPLATE[] = N_("Set %d");
/* %s is the exercise's name. */
static const char *const side_templates[3] = {
    [SIDE_NONE] = "%s", [SIDE_LEFT] = N_("%s, left side"), [SIDE_RIGHT] = N_("%s, right side"),
};

phrase_id phrases_number(int n)
{
    return n >= 1 && n <= PHRASES_MAX_NUMBER ? (phrase_id)(PHRASE_NUMBER + n - 1) : PHRASE_NONE;
}

phrase_id phrases_set(int n)
{
    return n >= 2 && n <= PHRASES_MAX_SET ? (phrase_id)(PHRASE_SET + n - 1) : PHRASE_NONE;
}

phrase_id phrases_exercise(exercise_kind kind, side sd)
{
    if ((unsigned)kind >= EXERCISE_KIND_COUNT || (unsigned)sd > SIDE_RIGHT)
        return PHRASE_NONE;
    return (phrase_id)(PHRASE_EXERCISE + (int)kind * 3 + (int)sd);
}

bool phrases_text(phrase_id id, char *buf, size_t n)
{
    if (n == 0)
        return false;
    buf[0] = '\0';
    if (id >= PHRASE_NUMBER && id < PHRASE_NUMBER + PHRASES_MAX_NUMBER) {
        snprintf(buf, n, "%d", (int)(id - PHRASE_NUMBER) + 1);
    } else if (id > PHRASE_SET && id < PHRASE_SET + PHRASES_MAX_SET) {
        snprintf(buf, n, _(SET_TEMPLATE), (int)(id - PHRASE_SET) + 1);
    } else if (id >= PHRASE_EXERCISE && id < PHRASE_CAMERA_LOST) {
        int k = (int)(id - PHRASE_EXERCISE);
        const char *templ = k % 3 == SIDE_NONE ? side_templates[SIDE_NONE] : _(side_templates[k % 3]);
        snprintf(buf, n, templ, _(exercise_name((exercise_kind)(k / 3))));
    } else if ((unsigned)id < PHRASE_COUNT && fixed[id]) {
        snprintf(buf, n, "%s", _(fixed[id]));
    }
    return buf[0] != '\0';
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_speaker: the station's voice put together, on SDL's dummy audio
 * device. With espeak-ng it has a voice in English and starts one cue per
 * rep; with an unknown language (or a build without espeak-ng) it has none and
 * still starts the same cues, as tones; with sound off it opens nothing and
 * says nothing. No allocation or synthesis happens in speaker_update (not
 * measured here: the soak test measures the station's heap).
 */
#include "speaker.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"

static programme prog;

static session_view set_view(int reps_done)
{
    session_view v;
    memset(&v, 0, sizeof v);
    v.prog = &prog;
    v.screen = SCREEN_SET;
    v.set = 1;
    v.reps_done = v.total_done = reps_done;
    v.total_target = 10;
    return v;
}

/* Three reps a second apart: three rep numbers, nothing else due. */
static unsigned three_reps(speaker *s)
{
    unsigned before = speaker_cues_started(s);
    for (int n = 0; n < 3; n++) {
        session_view p = set_view(n), v = set_view(n + 1);
        speaker_update(s, &p, &v, 1000 * (n + 1));
        speaker_update(s, &v, &v, 1000 * (n + 1) + 500);
    }
    return speaker_cues_started(s) - before;
}

static void test_one(const char *language, bool sound, bool want_voice)
{
    settings cfg;
    settings_defaults(&cfg);
    cfg.sound = sound;
    snprintf(cfg.language, sizeof cfg.language, "%s", language);
    rm_clock *clock = clock_create_virtual(0);
    speaker *s = speaker_create(&cfg, clock);
    CHECK(s != NULL, "%s: a speaker", language);
    CHECK(speaker_has_voice(s) == want_voice, "%s, sound %d: voice %d, want %d", language, sound,
          speaker_has_voice(s), want_voice);
    CHECK_EQ_INT(three_reps(s), 3, "cues started for three reps");
    speaker_destroy(s);
    clock_destroy(clock);
}

/* A person's own language (profiles.h): the phrases are rendered again, or
 * the tones stand in; back to a known language, the voice is back. */
static void test_switch(void)
{
    settings cfg;
    settings_defaults(&cfg);
    rm_clock *clock = clock_create_virtual(0);
    speaker *s = speaker_create(&cfg, clock);
    speaker_set_language(s, "xx-no-such-language");
    CHECK(!speaker_has_voice(s), "an unknown language: tones");
    CHECK_EQ_INT(three_reps(s), 3, "and the reps still sound");
    speaker_set_language(s, "de");
    CHECK(speaker_has_voice(s) == HAVE_ESPEAK, "German: a voice when built with espeak-ng");
    speaker_set_language(s, "de");
    CHECK(speaker_has_voice(s) == HAVE_ESPEAK, "the same language again changes nothing");
    speaker_destroy(s);
    cfg.sound = false;
    s = speaker_create(&cfg, clock);
    speaker_set_language(s, "de");
    CHECK(!speaker_has_voice(s), "sound off: nothing rendered");
    speaker_destroy(s);
    clock_destroy(clock);
}

/* On a virtual clock (tests, replays: time runs far ahead of the device) the
 * voice is busy for as long as what was queued lasts at the clock's pace,
 * not for as long as the device takes: the rep's number, then "3 more" once
 * the number has been heard, both within a second or so of clock time
 * while no real time passes. */
static void test_virtual_pace(void)
{
    if (!HAVE_ESPEAK)
        return;
    settings cfg;
    settings_defaults(&cfg);
    rm_clock *clock = clock_create_virtual(0);
    speaker *s = speaker_create(&cfg, clock);
    session_view p = set_view(6), v = set_view(7);
    speaker_update(s, &p, &v, 1000);
    CHECK_EQ_INT(speaker_cues_started(s), 1, "the rep's number at once");
    speaker_update(s, &v, &v, 1050);
    CHECK_EQ_INT(speaker_cues_started(s), 1, "'3 more' waits while the number plays");
    int64_t at = -1;
    for (int64_t t = 1100; t <= 4000 && at < 0; t += 50) {
        speaker_update(s, &v, &v, t);
        if (speaker_cues_started(s) == 2)
            at = t;
    }
    CHECK(at > 1100 && at < 2500, "'3 more' at %lld ms, want after the number, before 2.5 s",
          (long long)at);
    speaker_destroy(s);
    clock_destroy(clock);
}

int main(void)
{
    programme_default(&prog);
    prog.n_blocks = 1;
    prog.blocks[0].reps = 10;
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    test_one("en", true, HAVE_ESPEAK);
    test_one("xx-no-such-language", true, false);
    test_one("en", false, false);
    test_switch();
    test_virtual_pace();
    speaker_destroy(NULL);
    CHECK(!speaker_has_voice(NULL) && speaker_cues_started(NULL) == 0, "NULL speaker");
    SDL_Quit();
    return check_done();
}

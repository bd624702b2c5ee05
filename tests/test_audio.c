/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_audio: the synthesised tones start and end at zero with no jumps (no
 * click), have the pitch and loudness asked for, and every cue renders; an
 * audio object counts its cues whether it plays them (SDL's dummy driver),
 * was disabled, or could not open a device; and it starts and stops SDL audio
 * only when the caller had not. Any samples queue after what is queued, or,
 * interrupting, in place of it after a 60 ms gap; how much is queued is
 * reported (the dummy device plays in real time, so a second queued is still
 * mostly there a moment later). A silent object takes samples and reports
 * nothing queued.
 */
#include "audio.h"

#include <SDL.h>
#include <stdlib.h>

#include "check.h"

/* Below 2 % of full scale: inaudible as a step. */
#define QUIET 655

static int abs16(int16_t v)
{
    return v < 0 ? -(int)v : v;
}

static int max_abs(const int16_t *s, size_t from, size_t to)
{
    int m = 0;
    for (size_t i = from; i < to; i++)
        m = abs16(s[i]) > m ? abs16(s[i]) : m;
    return m;
}

static void test_tone(void)
{
    static int16_t buf[4000];
    size_t n = audio_render_tone(buf, 4000, AUDIO_RATE, 880.0, 60, 0.5);
    CHECK_EQ_INT(n, 1323, "60 ms at 22050 Hz is 1323 samples");
    CHECK(max_abs(buf, 0, 8) < QUIET, "tone starts softly (no click): %d", max_abs(buf, 0, 8));
    CHECK(max_abs(buf, n - 8, n) < QUIET, "tone ends softly (no click): %d",
          max_abs(buf, n - 8, n));
    CHECK_EQ_INT(buf[0], 0, "first sample is 0");
    CHECK(abs16(buf[n - 1]) < 50, "last sample is ~0: %d", buf[n - 1]);
    int peak = max_abs(buf, 0, n);
    CHECK(peak > 15500 && peak <= 16384, "peak is half of full scale: %d", peak);

    int crossings = 0;
    for (size_t i = 1; i < n; i++)
        crossings += (buf[i - 1] < 0) != (buf[i] < 0);
    CHECK(crossings >= 103 && crossings <= 108, "880 Hz for 60 ms crosses zero ~105 times: %d",
          crossings);

    CHECK_EQ_INT(audio_render_tone(buf, 100, AUDIO_RATE, 880.0, 60, 0.5), 100,
                 "render stops at max");
    CHECK_EQ_INT(audio_render_tone(buf, 4000, AUDIO_RATE, 880.0, 0, 0.5), 0, "0 ms is empty");
}

static void test_cues(void)
{
    static int16_t buf[44100];
    size_t lens[AUDIO_ALERT + 1];
    for (int c = AUDIO_REP; c <= AUDIO_ALERT; c++) {
        size_t need = audio_render_cue((audio_cue)c, NULL, 0);
        size_t n = audio_render_cue((audio_cue)c, buf, 44100);
        lens[c] = n;
        CHECK(n > 0 && n == need, "cue %d renders %zu samples, needs %zu", c, n, need);
        CHECK(n < AUDIO_RATE, "cue %d is under a second", c);
        if (n < 16)
            continue;
        CHECK(max_abs(buf, 0, 8) < QUIET && max_abs(buf, n - 8, n) < QUIET,
              "cue %d starts and ends softly", c);
        int jump = 0;
        for (size_t i = 1; i < n; i++) {
            int d = abs(buf[i] - buf[i - 1]);
            jump = d > jump ? d : jump;
        }
        CHECK(jump < 9000, "cue %d has no click between notes: largest step %d", c, jump);
    }
    CHECK_EQ_INT(lens[AUDIO_REP], 1323, "rep tick is 60 ms");
    CHECK_EQ_INT(lens[AUDIO_HOLD_TICK], 882, "hold tick is 40 ms");
    CHECK(lens[AUDIO_SET_DONE] > lens[AUDIO_HOLD_DONE] && lens[AUDIO_HOLD_DONE] > lens[AUDIO_REP],
          "chimes are longer than ticks");
    audio_render_cue(AUDIO_ALERT, buf, 44100);
    /* The alert's two pulses have silence between them. */
    CHECK(max_abs(buf, 3400, 5400) == 0, "alert is two separate pulses");
    CHECK(max_abs(buf, 0, 3300) > 15000 && max_abs(buf, 5600, 8800) > 15000,
          "alert pulses are loud");
    CHECK_EQ_INT(audio_render_cue((audio_cue)99, buf, 44100), 0, "unknown cue renders nothing");
}

static void play_all(audio *a)
{
    for (int i = 0; i < 3; i++)
        audio_play(a, AUDIO_REP);
    audio_play(a, AUDIO_SET_DONE);
    audio_play(a, AUDIO_ALERT);
}

static void check_counts(const audio *a, const char *what)
{
    CHECK(audio_played(a, AUDIO_REP) == 3, "%s: 3 reps counted, got %u", what,
          audio_played(a, AUDIO_REP));
    CHECK(audio_played(a, AUDIO_SET_DONE) == 1, "%s: 1 set done", what);
    CHECK(audio_played(a, AUDIO_ALERT) == 1, "%s: 1 alert", what);
    CHECK(audio_played(a, AUDIO_HOLD_TICK) == 0, "%s: no hold ticks", what);
}

static void test_device_fails(void)
{
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    audio *a = audio_create(true);
    CHECK(a != NULL, "a failed device still gives an audio object");
    CHECK(audio_is_silent(a), "a failed device is silent");
    play_all(a);
    check_counts(a, "failed device");
    audio_destroy(a);
    CHECK(!SDL_WasInit(SDL_INIT_AUDIO), "failed start leaves SDL audio off");
}

static void test_dummy_device(void)
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    audio *a = audio_create(true);
    CHECK(!audio_is_silent(a), "dummy driver opens a device");
    CHECK(SDL_WasInit(SDL_INIT_AUDIO), "audio_create started SDL audio itself");
    play_all(a);
    check_counts(a, "dummy device");
    for (int i = 0; i < 200; i++)
        audio_play(a, AUDIO_HOLD_TICK);
    CHECK_EQ_INT(audio_played(a, AUDIO_HOLD_TICK), 200, "a burst of cues is counted");
    audio_destroy(a);
    CHECK(!SDL_WasInit(SDL_INIT_AUDIO), "audio_destroy stops the SDL audio it started");

    CHECK(SDL_InitSubSystem(SDL_INIT_AUDIO) == 0, "caller starts SDL audio: %s", SDL_GetError());
    a = audio_create(true);
    CHECK(!audio_is_silent(a), "device opens under the caller's SDL audio");
    audio_play(a, AUDIO_HOLD_DONE);
    CHECK_EQ_INT(audio_played(a, AUDIO_HOLD_DONE), 1, "hold done counted");
    audio_destroy(a);
    CHECK(SDL_WasInit(SDL_INIT_AUDIO), "audio_destroy leaves the caller's SDL audio running");
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

static void test_samples(void)
{
    static int16_t speech[AUDIO_RATE];  /* a second of "speech" */
    for (size_t i = 0; i < AUDIO_RATE; i++)
        speech[i] = (int16_t)((i % 50) * 200 - 5000);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    audio *a = audio_create(true);
    audio_set_volume(a, 50);
    audio_play_samples(a, speech, AUDIO_RATE, false);
    int64_t q = audio_queued_ms(a);
    CHECK(q > 800 && q <= 1000, "a second queued: %lld ms", (long long)q);
    audio_play_samples(a, speech, AUDIO_RATE / 2, false);
    q = audio_queued_ms(a);
    CHECK(q > 1300 && q <= 1500, "half a second more goes after it: %lld ms", (long long)q);
    audio_play_samples(a, speech, AUDIO_RATE / 10, true);
    q = audio_queued_ms(a);
    CHECK(q >= 130 && q <= 160, "interrupting: 60 ms gap + 100 ms in place of it: %lld ms",
          (long long)q);
    audio_destroy(a);

    a = audio_create(false);
    audio_set_volume(a, 500);
    audio_play_samples(a, speech, AUDIO_RATE, true);
    CHECK_EQ_INT(audio_queued_ms(a), 0, "silent: nothing queued");
    audio_destroy(a);
    audio_play_samples(NULL, speech, 10, false);
    CHECK_EQ_INT(audio_queued_ms(NULL), 0, "NULL: nothing queued");
}

static void test_disabled(void)
{
    audio *a = audio_create(false);
    CHECK(a != NULL && audio_is_silent(a), "disabled audio is silent");
    play_all(a);
    check_counts(a, "disabled");
    audio_play(a, (audio_cue)42);
    audio_destroy(a);
    audio_destroy(NULL);
    audio_play(NULL, AUDIO_REP);
    CHECK_EQ_INT(audio_played(NULL, AUDIO_REP), 0, "NULL audio counts nothing");
}

int main(void)
{
    test_tone();
    test_cues();
    test_device_fails();
    test_dummy_device();
    test_samples();
    test_disabled();
    SDL_Quit();
    return check_done();
}

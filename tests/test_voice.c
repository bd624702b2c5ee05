/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_voice: espeak-ng says every phrase the station can say (phrases.h), in
 * the default language: each renders to sound (not empty, not silent), of a
 * sane length for its words (a number at least 0.15 s, nothing over 4 s but a
 * stop's advice, 6 s), and
 * starts within a few milliseconds (silence trimmed, so a queued rep number is
 * heard at once) at 70% peak. No tone but the alert is louder than the
 * numbers. An unknown language is refused with a reason. A
 * build without espeak-ng refuses every language saying so, and the test
 * checks only that.
 */
#include "voice.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "check.h"
#include "config.h"
#include "phrases.h"

#define MIN_MS 150
#define MAX_MS 4000
#define STOP_MAX_MS 6000 /* a stop's advice: heard lying still, not mid-movement */
#define LEAD_MAX_MS 10 /* sound within this of the buffer's start */

static int peak_of(const int16_t *s, size_t n)
{
    int p = 0;
    for (size_t i = 0; i < n; i++)
        p = abs(s[i]) > p ? abs(s[i]) : p;
    return p;
}

static size_t first_sound(const int16_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (abs(s[i]) > 328)
            return i;
    return n;
}

static void test_every_phrase(const char *language)
{
    char err[256] = "";
    voice *v = voice_create(language, err);
    CHECK(v != NULL, "no voice for '%s': %s", language, err);
    if (!v)
        return;
    int said = 0;
    for (int id = 0; id < PHRASE_COUNT; id++) {
        char text[128];
        if (!phrases_text((phrase_id)id, text, sizeof text))
            continue;
        size_t n = 0;
        int16_t *s = voice_speak(v, text, &n);
        double ms = (double)n * 1000.0 / AUDIO_RATE;
        CHECK(s && n > 0, "%s: '%s' rendered nothing", language, text);
        bool stop = id == PHRASE_STOP_PAIN || id == PHRASE_STOP_RED_FLAG;
        CHECK(ms >= MIN_MS && ms <= (stop ? STOP_MAX_MS : MAX_MS), "%s: '%s' lasts %.0f ms",
              language, text, ms);
        if (s) {
            int peak = peak_of(s, n);
            CHECK(peak > 22000 && peak < 23500, "%s: '%s' peak %d, want 70%% of full scale",
                  language, text, peak);
            double lead = (double)first_sound(s, n) * 1000.0 / AUDIO_RATE;
            CHECK(lead <= LEAD_MAX_MS, "%s: '%s' starts after %.1f ms of silence", language,
                  text, lead);
        }
        said += s != NULL;
        free(s);
    }
    /* 50 numbers, 9 sets, 12 exercise names, 25 fixed phrases (the last: an OK waiting). */
    CHECK_EQ_INT(said, PHRASES_MAX_NUMBER + PHRASES_MAX_SET - 1 + EXERCISE_KIND_COUNT * 3 + 25,
                 "phrases spoken");
    voice_destroy(v);
}

static void test_longer_phrase_is_longer(void)
{
    char err[256] = "";
    voice *v = voice_create("en", err);
    if (!v)
        return;
    size_t one = 0, long_one = 0;
    int16_t *a = voice_speak(v, "1", &one);
    int16_t *b = voice_speak(v, "Well done, session complete", &long_one);
    CHECK(long_one > 2 * one, "a sentence (%zu samples) outlasts a number (%zu)", long_one, one);
    free(a);
    free(b);
    size_t n = 7;
    CHECK(voice_speak(v, "", &n) == NULL && n == 0, "empty text gives no buffer");
    voice_destroy(v);
}

/* The loudest 50 ms of a sound, as root mean square of full scale. */
static double loudest_rms(const int16_t *s, size_t n)
{
    size_t w = AUDIO_RATE / 20;
    double best = 0.0;
    for (size_t at = 0; at < n; at += w / 4) {
        size_t end = at + w < n ? at + w : n;
        double sum = 0.0;
        for (size_t i = at; i < end; i++)
            sum += (double)s[i] * s[i];
        double rms = sqrt(sum / (double)(end - at)) / 32768.0;
        best = rms > best ? rms : best;
        if (end == n)
            break;
    }
    return best;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The tones come just before, between or after spoken numbers; a person on
 * the floor must hear the number over them, so no tone but the alert is louder
 * than the numbers' loudest parts (their median over 1-10). */
static void test_tones_not_louder_than_numbers(void)
{
    char err[256] = "";
    voice *v = voice_create("en", err);
    if (!v)
        return;
    double loud[10];
    for (int k = 1; k <= 10; k++) {
        char text[8];
        snprintf(text, sizeof text, "%d", k);
        size_t n = 0;
        int16_t *s = voice_speak(v, text, &n);
        loud[k - 1] = s ? loudest_rms(s, n) : 0.0;
        free(s);
    }
    qsort(loud, 10, sizeof loud[0], by_value);
    double speech = (loud[4] + loud[5]) / 2.0;
    static const audio_cue tones[] = {AUDIO_REP, AUDIO_HOLD_TICK, AUDIO_HOLD_DONE,
                                      AUDIO_SET_DONE};
    for (size_t i = 0; i < sizeof tones / sizeof tones[0]; i++) {
        size_t n = audio_render_cue(tones[i], NULL, 0);
        int16_t *s = malloc(n * sizeof *s);
        CHECK(s != NULL, "memory");
        if (!s)
            break;
        audio_render_cue(tones[i], s, n);
        double tone = loudest_rms(s, n);
        CHECK(tone <= speech, "cue %d: loudest 50 ms at %.1f dB, the numbers' at %.1f dB",
              (int)tones[i], 20.0 * log10(tone), 20.0 * log10(speech));
        free(s);
    }
    voice_destroy(v);
}

static void test_refusals(void)
{
    char err[256] = "";
    CHECK(voice_create("xx-no-such-language", err) == NULL, "unknown language refused");
    CHECK(err[0] != '\0', "with a reason");
    voice_destroy(NULL);
}

int main(void)
{
    if (!HAVE_ESPEAK) {
        char err[256] = "";
        CHECK(voice_create("en", err) == NULL, "no voice without espeak-ng");
        CHECK(strstr(err, "espeak-ng") != NULL, "the reason names espeak-ng: %s", err);
        return check_done();
    }
    test_every_phrase("en");
    test_longer_phrase_is_longer();
    test_tones_not_louder_than_numbers();
    test_refusals();
    return check_done();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_voice: espeak-ng says every phrase the station can say (phrases.h), in
 * the default language: each renders to sound (not empty, not silent), of a
 * sane length for its words (a number at least 0.15 s, nothing over 4 s), and
 * starts within a few milliseconds (silence trimmed, so a queued rep number is
 * heard at once) at 70% peak. An unknown language is refused with a reason. A
 * build without espeak-ng refuses every language saying so, and the test
 * checks only that.
 */
#include "voice.h"

#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "check.h"
#include "config.h"
#include "phrases.h"

#define MIN_MS 150
#define MAX_MS 4000
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
        CHECK(ms >= MIN_MS && ms <= MAX_MS, "%s: '%s' lasts %.0f ms", language, text, ms);
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
    /* 50 numbers, 9 sets, 12 exercise names, 18 fixed phrases (the last: "if I miss a rep"). */
    CHECK_EQ_INT(said, PHRASES_MAX_NUMBER + PHRASES_MAX_SET - 1 + EXERCISE_KIND_COUNT * 3 + 18,
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
    test_refusals();
    return check_done();
}

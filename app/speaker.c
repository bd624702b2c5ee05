/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * speaker: the phrase cache, the coach and the sound device together
 * (speaker.h). The cache holds one buffer per phrase id, rendered at creation;
 * a phrase espeak-ng could not say has no buffer and falls back to its tone.
 * The device is opened before rendering so that its timeline (what the SDL
 * disk driver records in tests) starts at the logged wall-clock time.
 */
#include "speaker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "cues.h"
#include "log.h"
#include "phrases.h"
#include "voice.h"
#include "xmalloc.h"

#define TEXT_MAX 128

struct speaker {
    const rm_clock *clock;
    audio *snd;
    bool voiced;
    int16_t *pcm[PHRASE_COUNT];
    size_t len[PHRASE_COUNT];
    cues coach;
    unsigned started;
    char language[SETTINGS_LANGUAGE_MAX]; /* of the phrases rendered */
    bool muted;
    int64_t heard_until;  /* a virtual clock's time when what was queued is heard */
};

/* Renders every phrase; false when the voice said none of them. */
static bool render_phrases(speaker *s, voice *v)
{
    char text[TEXT_MAX];
    int said = 0, missing = 0;
    for (int id = 0; id < PHRASE_COUNT; id++) {
        if (!phrases_text((phrase_id)id, text, sizeof text))
            continue;
        s->pcm[id] = voice_speak(v, text, &s->len[id]);
        said += s->pcm[id] != NULL;
        missing += s->pcm[id] == NULL;
    }
    if (missing)
        log_warn("voice: %d phrases could not be rendered; their tones stand in", missing);
    return said > 0;
}

static void load_voice(speaker *s, const char *language)
{
    char err[256] = "";
    snprintf(s->language, sizeof s->language, "%s", language);
    voice *v = voice_create(language, err);
    if (!v) {
        log_warn("no voice (%s); counting with tones", err);
        return;
    }
    s->voiced = render_phrases(s, v);
    voice_destroy(v); /* the buffers are all we need */
}

speaker *speaker_create(const settings *cfg, const rm_clock *clock)
{
    speaker *s = xcalloc(1, sizeof *s);
    cues_init(&s->coach);
    s->clock = clock;
    s->snd = audio_create(cfg->sound);
    audio_set_volume(s->snd, cfg->volume);
    if (audio_is_silent(s->snd))
        return s;
    long long opened = (long long)clock_wall_ms(clock);
    int64_t t0 = clock_now_ms(clock);
    load_voice(s, cfg->language);
    size_t bytes = 0;
    for (int id = 0; id < PHRASE_COUNT; id++)
        bytes += s->len[id] * sizeof(int16_t);
    log_info("sound: %s, volume %d; device playing since wall-clock ms %lld (%lld ms to render "
             "%zu KiB of phrases)",
             s->voiced ? "voice" : "tones", cfg->volume, opened,
             (long long)(clock_now_ms(clock) - t0), bytes / 1024);
    return s;
}

static void free_phrases(speaker *s)
{
    for (int id = 0; id < PHRASE_COUNT; id++) {
        free(s->pcm[id]);
        s->pcm[id] = NULL;
        s->len[id] = 0;
    }
    s->voiced = false;
}

void speaker_set_language(speaker *s, const char *language)
{
    if (audio_is_silent(s->snd) || !language || !strcmp(language, s->language))
        return;
    audio_cut(s->snd);
    free_phrases(s);
    load_voice(s, language);
    log_info("sound: %s in '%s'", s->voiced ? "voice" : "tones", language);
}

void speaker_destroy(speaker *s)
{
    if (!s)
        return;
    if (!audio_is_silent(s->snd))
        log_info("sound: device closing at wall-clock ms %lld", (long long)clock_wall_ms(s->clock));
    audio_destroy(s->snd);
    free_phrases(s);
    free(s);
}

/* How long the sound queued has still to play, ms. On the real clock the
 * device's queue says. A virtual clock (tests, replays) runs ahead of any
 * device, whose queue would read busy for minutes and hold back every cue
 * but the rep numbers that cut in: there the speaker counts what it queued
 * at the clock's own pace. */
static int64_t busy_ms(const speaker *s, int64_t now_ms)
{
    if (!clock_is_virtual(s->clock))
        return audio_queued_ms(s->snd);
    return s->heard_until > now_ms ? s->heard_until - now_ms : 0;
}

/* Queued at now_ms, n samples: after what plays, or in its place. */
static void account(speaker *s, size_t n, bool interrupt, int64_t now_ms)
{
    int64_t from = interrupt || s->heard_until < now_ms ? now_ms : s->heard_until;
    s->heard_until = from + (int64_t)n * 1000 / AUDIO_RATE;
}

/* interrupt: cut off what is playing (rep numbers); busy says whether
 * anything was, for the debug line. */
static void play(speaker *s, const cue *c, bool interrupt, bool busy, int64_t now_ms)
{
    s->started++;
    if (s->voiced && c->phrase != PHRASE_NONE && s->pcm[c->phrase]) {
        audio_play_samples(s->snd, s->pcm[c->phrase], s->len[c->phrase], interrupt);
        account(s, s->len[c->phrase], interrupt, now_ms);
        if (log_get_level() >= LOG_DEBUG) {
            char text[TEXT_MAX];
            phrases_text(c->phrase, text, sizeof text);
            log_debug("say '%s' at wall-clock ms %lld%s", text,
                      (long long)clock_wall_ms(s->clock), interrupt && busy ? " (cutting in)" : "");
        }
    } else if (c->tone != CUE_TONE_NONE) {
        if (interrupt)
            audio_cut(s->snd);
        audio_play(s->snd, (audio_cue)(c->tone - 1));
        account(s, audio_render_cue((audio_cue)(c->tone - 1), NULL, 0), interrupt, now_ms);
    }
}

void speaker_update(speaker *s, const session_view *prev, const session_view *v, int64_t now_ms)
{
    cue c;
    bool interrupt;
    int64_t busy = busy_ms(s, now_ms);
    if (cues_update(&s->coach, prev, v, now_ms, busy, &c, &interrupt) && !s->muted)
        play(s, &c, interrupt, busy > 0, now_ms);
}

void speaker_set_sound(speaker *s, bool muted, int volume)
{
    if (muted && !s->muted)
        audio_cut(s->snd);
    s->muted = muted;
    audio_set_volume(s->snd, volume);
    log_info("sound: %s, volume %d (pause menu)", muted ? "muted" : "on", volume);
}

void speaker_sample(speaker *s)
{
    if (!s->muted)
        audio_play(s->snd, AUDIO_REP);
}

bool speaker_has_voice(const speaker *s)
{
    return s && s->voiced;
}

unsigned speaker_cues_started(const speaker *s)
{
    return s ? s->started : 0;
}

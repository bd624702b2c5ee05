/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * audio: synthesised cue tones played through an SDL audio device (see
 * audio.h). Each cue is a short list of notes (frequency, length, silence
 * after), rendered once at creation into 16-bit mono samples and queued with
 * SDL_QueueAudio when played, so playing costs no synthesis on the main loop.
 *
 * Every note is a sine under a raised-cosine envelope: a 5 ms attack and a
 * 15 ms decay (each at most half the note), so the wave starts and ends at
 * zero and the speaker never clicks. Cues that pile up (a device that plays
 * slower than cues arrive) are dropped rather than played late: when more than
 * half a second is already queued the queue is cleared first, because a rep
 * tick heard a second after the rep is worse than none.
 *
 * Other samples (speech) are queued as they are, after what is queued or in
 * place of it; their rationing is the caller's (app/core/cues.c). The volume
 * scales everything as it is queued, through a fixed scratch buffer, a chunk
 * at a time, so the rendered cues stay at full scale.
 *
 * Failure is never fatal: no audio subsystem or no device gives one log line
 * and a silent object that still counts cues. Main thread only.
 */
#include "audio.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "log.h"
#include "xmalloc.h"

enum { CUE_COUNT = AUDIO_ALERT + 1, MAX_NOTES = 3 };

#define ATTACK_MS 5
#define DECAY_MS 15
#define PI 3.14159265358979323846
/* Of full scale. The tones sit a little under the loudest parts of the spoken
 * numbers (peak-normalised speech at 0.7: its loudest 50 ms are about -13 dB,
 * a tone's at this level -14 dB), so a tick never masks the count it comes
 * with; at 0.5 they were 3-4 dB louder (test_voice measures both). The alert
 * stays louder than the voice: it stops the session. */
#define CUE_AMPLITUDE 0.3
#define ALERT_AMPLITUDE 0.5
/* Queue more than this and the next cue clears it (see above). */
#define MAX_QUEUED_MS 500
#define SCRATCH_SAMPLES 1024
/* Silence between a sound cut off and the one cutting in, so the two words do
 * not run together ("rel-four"). */
#define CUT_GAP_MS 60

typedef struct note {
    double hz;
    int ms;
    int gap_ms; /* silence after the note */
} note;

typedef struct cue_def {
    double amplitude; /* of full scale */
    int count;
    note notes[MAX_NOTES];
} cue_def;

static const cue_def cues[CUE_COUNT] = {
    [AUDIO_REP] = {CUE_AMPLITUDE, 1, {{880.0, 60, 0}}},
    [AUDIO_HOLD_TICK] = {CUE_AMPLITUDE, 1, {{1320.0, 40, 0}}},
    /* Falling fifth: "relax". */
    [AUDIO_HOLD_DONE] = {CUE_AMPLITUDE, 2, {{990.0, 110, 30}, {660.0, 170, 0}}},
    /* Rising C major arpeggio, the last note held. */
    [AUDIO_SET_DONE] = {CUE_AMPLITUDE, 3,
                        {{1046.5, 120, 20}, {1318.5, 120, 20}, {1568.0, 260, 0}}},
    /* Two low pulses. */
    [AUDIO_ALERT] = {ALERT_AMPLITUDE, 2, {{440.0, 150, 100}, {440.0, 150, 0}}},
};

struct audio {
    bool silent;
    bool own_subsystem;        /* we started SDL audio and must stop it */
    SDL_AudioDeviceID device;  /* 0 when silent */
    int16_t *samples[CUE_COUNT];
    size_t lengths[CUE_COUNT]; /* in samples */
    unsigned played[CUE_COUNT];
    int volume;                /* percent */
    int16_t scratch[SCRATCH_SAMPLES]; /* samples scaled to the volume */
};

static size_t samples_for_ms(int rate, int ms)
{
    return ms > 0 && rate > 0 ? (size_t)((int64_t)ms * rate / 1000) : 0;
}

/* Raised-cosine ramp over len samples: 0 at i = 0, rising to 1 at i = len. */
static double ramp(size_t i, size_t len)
{
    if (i >= len)
        return 1.0;
    return 0.5 - 0.5 * cos(PI * (double)i / (double)len);
}

size_t audio_render_tone(int16_t *out, size_t max, int rate, double freq_hz, int ms,
                         double amplitude)
{
    size_t n = samples_for_ms(rate, ms);
    size_t attack = samples_for_ms(rate, ATTACK_MS);
    size_t decay = samples_for_ms(rate, DECAY_MS);
    if (attack > n / 2)
        attack = n / 2;
    if (decay > n / 2)
        decay = n / 2;
    size_t written = n < max ? n : max;
    for (size_t i = 0; i < written; i++) {
        double env = ramp(i, attack) * ramp(n - 1 - i, decay);
        double v = amplitude * env * sin(2.0 * PI * freq_hz * (double)i / rate);
        out[i] = (int16_t)lrint(v * 32767.0);
    }
    return written;
}

size_t audio_render_cue(audio_cue cue, int16_t *out, size_t max)
{
    if ((unsigned)cue >= CUE_COUNT)
        return 0;
    const cue_def *def = &cues[cue];
    size_t pos = 0;
    for (int i = 0; i < def->count; i++) {
        const note *nt = &def->notes[i];
        size_t tone = samples_for_ms(AUDIO_RATE, nt->ms);
        size_t gap = samples_for_ms(AUDIO_RATE, nt->gap_ms);
        if (!out) {
            pos += tone + gap;
            continue;
        }
        pos += audio_render_tone(out + pos, max - pos, AUDIO_RATE, nt->hz, nt->ms,
                                   def->amplitude);
        for (size_t j = 0; j < gap && pos < max; j++)
            out[pos++] = 0;
    }
    return pos;
}

static void render_all(audio *a)
{
    for (int c = 0; c < CUE_COUNT; c++) {
        size_t n = audio_render_cue((audio_cue)c, NULL, 0);
        a->samples[c] = xmalloc(n * sizeof(int16_t));
        a->lengths[c] = audio_render_cue((audio_cue)c, a->samples[c], n);
    }
}

/* Without a user session (no XDG_RUNTIME_DIR) no PulseAudio or PipeWire
 * server can be reached, unless PULSE_SERVER names one, and asking libpulse
 * anyway makes it create $HOME/.config/pulse: for the kiosk service HOME is
 * the data directory, which holds the database and nothing else
 * (docs/PRIVACY.md). So there ALSA is the only driver tried; SDL_AUDIODRIVER
 * in the environment still wins. */
static void prefer_alsa_without_session(void)
{
    if (!getenv("XDG_RUNTIME_DIR") && !getenv("PULSE_SERVER"))
        SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "alsa", SDL_HINT_DEFAULT);
}

/* Starts SDL audio if needed and opens the default device; false when there
 * is none, after one log line. */
static bool open_device(audio *a)
{
    if (!SDL_WasInit(SDL_INIT_AUDIO)) {
        prefer_alsa_without_session();
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            log_warn("no sound: cannot start SDL audio: %s", SDL_GetError());
            return false;
        }
        a->own_subsystem = true;
    }
    SDL_AudioSpec want = {0}, have;
    want.freq = AUDIO_RATE;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 512;
    /* allowed_changes 0: SDL converts to whatever the hardware wants. */
    a->device = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (a->device == 0) {
        log_warn("no sound: cannot open the audio device: %s", SDL_GetError());
        if (a->own_subsystem)
            SDL_QuitSubSystem(SDL_INIT_AUDIO);
        a->own_subsystem = false;
        return false;
    }
    SDL_PauseAudioDevice(a->device, 0);
    return true;
}

audio *audio_create(bool enabled)
{
    audio *a = xcalloc(1, sizeof *a);
    a->volume = 100;
    a->silent = !(enabled && open_device(a));
    if (!a->silent)
        render_all(a);
    return a;
}

void audio_destroy(audio *a)
{
    if (!a)
        return;
    if (a->device)
        SDL_CloseAudioDevice(a->device);
    if (a->own_subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    for (int c = 0; c < CUE_COUNT; c++)
        free(a->samples[c]);
    free(a);
}

void audio_set_volume(audio *a, int percent)
{
    if (a)
        a->volume = percent < 0 ? 0 : percent > 100 ? 100 : percent;
}

/* Queues samples scaled to the volume, a scratch buffer at a time. */
static void queue(audio *a, const int16_t *samples, size_t n)
{
    for (size_t done = 0; done < n;) {
        size_t k = n - done < SCRATCH_SAMPLES ? n - done : SCRATCH_SAMPLES;
        for (size_t i = 0; i < k; i++)
            a->scratch[i] = (int16_t)(samples[done + i] * a->volume / 100);
        if (SDL_QueueAudio(a->device, a->scratch, (Uint32)(k * sizeof(int16_t))) != 0) {
            log_debug("cannot queue sound: %s", SDL_GetError());
            return;
        }
        done += k;
    }
}

void audio_play(audio *a, audio_cue cue)
{
    if (!a || (unsigned)cue >= CUE_COUNT)
        return;
    a->played[cue]++;
    if (a->silent)
        return;
    Uint32 max_bytes = (Uint32)(samples_for_ms(AUDIO_RATE, MAX_QUEUED_MS) * sizeof(int16_t));
    if (SDL_GetQueuedAudioSize(a->device) > max_bytes)
        SDL_ClearQueuedAudio(a->device);
    queue(a, a->samples[cue], a->lengths[cue]);
}

void audio_cut(audio *a)
{
    if (!a || a->silent || SDL_GetQueuedAudioSize(a->device) == 0)
        return;
    SDL_ClearQueuedAudio(a->device);
    memset(a->scratch, 0, sizeof a->scratch);
    size_t gap = samples_for_ms(AUDIO_RATE, CUT_GAP_MS);
    for (size_t k; gap > 0; gap -= k) {
        k = gap < SCRATCH_SAMPLES ? gap : SCRATCH_SAMPLES;
        SDL_QueueAudio(a->device, a->scratch, (Uint32)(k * sizeof(int16_t)));
    }
}

void audio_play_samples(audio *a, const int16_t *samples, size_t n, bool interrupt)
{
    if (!a || a->silent || !samples)
        return;
    if (interrupt)
        audio_cut(a);
    queue(a, samples, n);
}

int64_t audio_queued_ms(const audio *a)
{
    if (!a || a->silent)
        return 0;
    return (int64_t)SDL_GetQueuedAudioSize(a->device) / (int64_t)sizeof(int16_t) * 1000 / AUDIO_RATE;
}

unsigned audio_played(const audio *a, audio_cue cue)
{
    if (!a || (unsigned)cue >= CUE_COUNT)
        return 0;
    return a->played[cue];
}

bool audio_is_silent(const audio *a)
{
    return !a || a->silent;
}

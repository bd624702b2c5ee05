/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rm-corpus: writes a seeded corpus of labelled clips for the counter.
 *
 *   rm-corpus --seed S [--clips N] [--first I] OUT_DIR
 *
 * Clip i (I <= i < I + N, default 0..11) becomes OUT_DIR/NAME.y4m (Cmono) and
 * OUT_DIR/NAME.json (its truth, see corpus_write_labels), NAME naming the seed,
 * the index and the exercise or negative kind. The same seed and index always
 * give the same clip. Clips are raw video: 72 of them take about 12 GB, which is
 * why `rm-evaluate --seed S` renders them in memory instead. Prints one line per
 * clip. Exit 2 on bad arguments, 1 when a file cannot be written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus.h"
#include "xmalloc.h"
#include "y4m.h"

static int usage(const char *why)
{
    fprintf(stderr, "rm-corpus: %s\nusage: rm-corpus --seed S [--clips N] [--first I] OUT_DIR\n",
            why);
    return 2;
}

static bool parse_uint(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || v > max)
        return false;
    *out = v;
    return true;
}

static bool write_clip(const corpus_clip *c, const char *dir, uint8_t *img)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.y4m", dir, c->name);
    y4m_writer *w = y4m_create(path, c->params.width, c->params.height, c->fps, 1);
    bool ok = w != NULL;
    for (int k = 0; k < c->frames && ok; k++) {
        corpus_render(c, k, img);
        ok = y4m_write_frame(w, img, c->params.width);
    }
    ok = y4m_finish(w) && ok;
    if (!ok) {
        fprintf(stderr, "rm-corpus: cannot write %s: %s\n", path, strerror(errno));
        return false;
    }
    snprintf(path, sizeof path, "%s/%s.json", dir, c->name);
    FILE *f = fopen(path, "w");
    ok = f && corpus_write_labels(c, f);
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok)
        fprintf(stderr, "rm-corpus: cannot write %s: %s\n", path, strerror(errno));
    return ok;
}

int main(int argc, char **argv)
{
    unsigned long seed = 0, clips = 12, first = 0;
    bool have_seed = false;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool valued = !strcmp(a, "--seed") || !strcmp(a, "--clips") || !strcmp(a, "--first");
        if (valued && i + 1 >= argc)
            return usage("option needs a value");
        if (!strcmp(a, "--seed")) {
            if (!parse_uint(argv[++i], 0xffffffffUL, &seed))
                return usage("bad --seed (want 0..4294967295)");
            have_seed = true;
        } else if (!strcmp(a, "--clips")) {
            if (!parse_uint(argv[++i], 100000, &clips))
                return usage("bad --clips (want 0..100000)");
        } else if (!strcmp(a, "--first")) {
            if (!parse_uint(argv[++i], 1000000, &first))
                return usage("bad --first (want 0..1000000)");
        } else if (a[0] == '-' || dir) {
            return usage("unknown option or a second directory");
        } else {
            dir = a;
        }
    }
    if (!have_seed || !dir)
        return usage(!have_seed ? "missing --seed" : "missing OUT_DIR");
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "rm-corpus: cannot create %s: %s\n", dir, strerror(errno));
        return 1;
    }
    corpus_clip *c = xmalloc(sizeof *c);
    uint8_t *img = xmalloc((size_t)Y4M_MAX_DIM * 8); /* grown below as needed */
    size_t img_cap = (size_t)Y4M_MAX_DIM * 8;
    int status = 0;
    for (unsigned long i = first; i < first + clips && status == 0; i++) {
        corpus_plan((uint32_t)seed, (int)i, c);
        size_t need = (size_t)c->params.width * (size_t)c->params.height;
        if (need > img_cap) {
            img = xrealloc(img, need);
            img_cap = need;
        }
        char nz[256];
        corpus_nuisance_names(c->nuisances, nz, sizeof nz);
        if (!write_clip(c, dir, img))
            status = 1;
        else
            printf("%s %dx%d@%d %.1fs count=%d partials=%d %s\n", c->name, c->params.width,
                   c->params.height, c->fps, (double)c->duration_ms / 1000.0,
                   corpus_count(c, MOVE_REP), corpus_count(c, MOVE_PARTIAL), nz);
    }
    free(img);
    free(c);
    return status;
}

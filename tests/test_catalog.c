/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_catalog: the .mo reader and the Plural-Forms evaluator
 * (app/core/catalog.h, plural.h), on catalogues built here byte by byte.
 *
 * - Lookups find every string, miss absent ones, and treat an empty
 *   translation as none; the header's Plural-Forms chooses the form
 *   (Polish's three), with (n != 1) when the header has none.
 * - A catalogue written on a machine of the other byte order, and one whose
 *   originals are not sorted, read the same.
 * - Every truncation of a catalogue, and every single byte changed in it, is
 *   refused or read without reading outside it (the sanitizer build checks
 *   the reads) and lookups on it stay safe.
 * - Plural expressions of real languages give gettext's forms; malformed ones
 *   (unbalanced, unknown names, division by zero, 1000 nested brackets) are
 *   refused, not crashed on.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "check.h"
#include "plural.h"

#define POLISH "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && " \
               "(n%100<10 || n%100>=20) ? 1 : 2);\n"

typedef struct entry {
    const char *orig, *trans; /* each may hold NULs: lengths below */
    size_t orig_len, trans_len;
} entry;

#define E(o, t) { o, t, sizeof(o) - 1, sizeof(t) - 1 }

static const entry sample[] = {
    E("", "Content-Type: text/plain; charset=UTF-8\n" POLISH),
    E("%d day", "%d dzie\xc5\x84\0%d dni\0%d dni"),
    E("Empty", ""),
    E("Pause", "Pauza"),
    E("Rest", "Odpoczynek"),
};
#define SAMPLE_N (sizeof sample / sizeof sample[0])

static void put(unsigned char *buf, size_t at, uint32_t w, bool swap)
{
    if (swap)
        w = (w >> 24) | ((w >> 8) & 0xff00u) | ((w << 8) & 0xff0000u) | (w << 24);
    memcpy(buf + at, &w, 4);
}

/* A .mo image of n entries in the given order; its size in *size. */
static unsigned char *build(const entry *e, size_t n, bool swap, size_t *size)
{
    size_t tables = 28, strings = tables + n * 16, total = strings;
    for (size_t i = 0; i < n; i++)
        total += e[i].orig_len + 1 + e[i].trans_len + 1;
    unsigned char *buf = calloc(1, total);
    put(buf, 0, 0x950412deu, swap);
    put(buf, 8, (uint32_t)n, swap);
    put(buf, 12, (uint32_t)tables, swap);
    put(buf, 16, (uint32_t)(tables + n * 8), swap);
    size_t at = strings;
    for (int t = 0; t < 2; t++)
        for (size_t i = 0; i < n; i++) {
            const char *s = t ? e[i].trans : e[i].orig;
            size_t len = t ? e[i].trans_len : e[i].orig_len;
            put(buf, tables + (size_t)t * n * 8 + i * 8, (uint32_t)len, swap);
            put(buf, tables + (size_t)t * n * 8 + i * 8 + 4, (uint32_t)at, swap);
            memcpy(buf + at, s, len);
            at += len + 1;
        }
    *size = total;
    return buf;
}

static void check_lookups(const catalog *c, const char *what)
{
    CHECK(catalog_text(c, "Pause") && !strcmp(catalog_text(c, "Pause"), "Pauza"), "%s: Pause",
          what);
    CHECK(catalog_text(c, "Rest") && !strcmp(catalog_text(c, "Rest"), "Odpoczynek"), "%s: Rest",
          what);
    CHECK(catalog_text(c, "Absent") == NULL, "%s: an absent string", what);
    CHECK(catalog_text(c, "Empty") == NULL, "%s: an empty translation is none", what);
    const char *forms[][2] = { { "1", "%d dzie\xc5\x84" }, { "3", "%d dni" }, { "5", "%d dni" },
                               { "22", "%d dni" } };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        const char *got = catalog_plural(c, "%d day", strtoul(forms[i][0], NULL, 10));
        CHECK(got && !strcmp(got, forms[i][1]), "%s: plural for %s: %s", what, forms[i][0],
              got ? got : "(none)");
    }
    CHECK(c->nplurals == 3, "%s: nplurals %d", what, c->nplurals);
}

static void test_lookups(void)
{
    size_t size;
    unsigned char *mo = build(sample, SAMPLE_N, false, &size);
    catalog c;
    char err[128] = "";
    CHECK(catalog_parse(&c, mo, size, err, sizeof err), "parse: %s", err);
    CHECK(c.sorted, "msgfmt's order is sorted");
    check_lookups(&c, "native");
    free(mo);

    mo = build(sample, SAMPLE_N, true, &size);
    CHECK(catalog_parse(&c, mo, size, err, sizeof err) && c.swapped, "swapped: %s", err);
    check_lookups(&c, "swapped");
    free(mo);

    entry reversed[SAMPLE_N];
    for (size_t i = 0; i < SAMPLE_N; i++)
        reversed[i] = sample[SAMPLE_N - 1 - i];
    mo = build(reversed, SAMPLE_N, false, &size);
    CHECK(catalog_parse(&c, mo, size, err, sizeof err) && !c.sorted, "unsorted: %s", err);
    check_lookups(&c, "unsorted");
    free(mo);

    const entry no_header[] = { E("%d day", "%d Tag\0%d Tage") };
    mo = build(no_header, 1, false, &size);
    CHECK(catalog_parse(&c, mo, size, err, sizeof err), "no header: %s", err);
    CHECK(!strcmp(catalog_plural(&c, "%d day", 1), "%d Tag") &&
              !strcmp(catalog_plural(&c, "%d day", 0), "%d Tage"),
          "no Plural-Forms: (n != 1)");
    free(mo);
}

static void test_damage(void)
{
    size_t size;
    unsigned char *mo = build(sample, SAMPLE_N, false, &size);
    catalog c;
    char err[128];
    int refused = 0;
    for (size_t cut = 0; cut < size; cut++) {
        unsigned char *part = malloc(cut ? cut : 1);
        memcpy(part, mo, cut);
        if (!catalog_parse(&c, part, cut, err, sizeof err))
            refused++;
        else
            catalog_text(&c, "Pause");
        free(part);
    }
    CHECK_EQ_INT(refused, (int)size, "every truncation is refused");
    CHECK(!catalog_parse(&c, mo, 10, err, sizeof err) && strstr(err, "not a gettext catalogue"),
          "a reason: %s", err);
    for (size_t at = 0; at < size; at++)
        for (int v = 0; v < 256; v += 51) {
            unsigned char *bad = malloc(size);
            memcpy(bad, mo, size);
            bad[at] = (unsigned char)(bad[at] ^ (v | 1));
            if (catalog_parse(&c, bad, size, err, sizeof err)) {
                catalog_text(&c, "Pause");
                catalog_text(&c, "Zzz");
                catalog_plural(&c, "%d day", 7);
            }
            free(bad);
        }
    free(mo);
}

static void expect(const char *expr, unsigned long n, unsigned long want)
{
    unsigned long got = 99;
    CHECK(plural_eval(expr, n, &got) && got == want, "%s for n=%lu: %lu, want %lu", expr, n, got,
          want);
}

static void test_plural(void)
{
    expect("(n != 1)", 1, 0);
    expect("(n != 1)", 0, 1);
    expect("(n > 1)", 0, 0);
    expect("(n > 1)", 2, 1);
    expect("0", 5, 0);
    const char *russian = "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                          "(n%100<10 || n%100>=20) ? 1 : 2)";
    expect(russian, 1, 0);
    expect(russian, 11, 2);
    expect(russian, 21, 0);
    expect(russian, 23, 1);
    expect(russian, 112, 2);
    const char *arabic = "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
                         ": n%100>=11 ? 4 : 5)";
    unsigned long arabic_want[][2] = { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 5, 3 }, { 50, 4 },
                                       { 101, 5 } };
    for (size_t i = 0; i < 6; i++)
        expect(arabic, arabic_want[i][0], arabic_want[i][1]);
    expect("!n", 0, 1);
    expect("n*2+1-1/1", 3, 6);
    expect("n <= 2", 2, 1);
    expect("n >= 3", 2, 0);
    unsigned long out;
    const char *bad[] = { "", "(n", "n)", "x", "n ? 1", "n / 0", "n % (n - n)", "n +", "nn",
                          "1 2" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(!plural_eval(bad[i], 3, &out), "'%s' is refused", bad[i]);
    char deep[2100];
    memset(deep, '(', 1000);
    deep[1000] = 'n';
    memset(deep + 1001, ')', 1000);
    deep[2001] = '\0';
    CHECK(!plural_eval(deep, 1, &out), "1000 nested brackets are refused");
    memset(deep, '!', 1000);
    deep[1000] = 'n';
    deep[1001] = '\0';
    CHECK(!plural_eval(deep, 1, &out), "1000 nested nots are refused");
}

int main(void)
{
    test_lookups();
    test_damage();
    test_plural();
    return check_done();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * plural: a recursive-descent evaluator (plural.h). Each level of C's
 * precedence is one function; every operand is evaluated (the expression has
 * no side effects), so ?: needs no skipping. Arithmetic is unsigned long, as
 * in gettext's own.
 */
#include "plural.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define DEPTH_MAX 32

typedef struct parser {
    const char *p;
    unsigned long n;
    int depth;
    bool ok;
} parser;

static unsigned long ternary(parser *s);

static void skip_space(parser *s)
{
    while (isspace((unsigned char)*s->p))
        s->p++;
}

/* Consumes op when it comes next (and, for "<" or "!", is not the start of
 * "<=" or "!="). */
static bool accept(parser *s, const char *op)
{
    skip_space(s);
    size_t len = strlen(op);
    if (strncmp(s->p, op, len) != 0)
        return false;
    if (len == 1 && strchr("<>!=", op[0]) && s->p[1] == '=')
        return false;
    s->p += len;
    return true;
}

static unsigned long fail(parser *s)
{
    s->ok = false;
    return 0;
}

static unsigned long primary(parser *s)
{
    skip_space(s);
    if (*s->p == 'n' && !isalnum((unsigned char)s->p[1])) {
        s->p++;
        return s->n;
    }
    if (isdigit((unsigned char)*s->p)) {
        char *end;
        unsigned long v = strtoul(s->p, &end, 10);
        s->p = end;
        return v;
    }
    if (accept(s, "(")) {
        unsigned long v = ternary(s);
        return accept(s, ")") ? v : fail(s);
    }
    return fail(s);
}

static unsigned long unary(parser *s)
{
    if (++s->depth > DEPTH_MAX)
        return fail(s);
    unsigned long v = accept(s, "!") ? !unary(s) : primary(s);
    s->depth--;
    return v;
}

static unsigned long product(parser *s)
{
    unsigned long v = unary(s);
    for (;;) {
        if (accept(s, "*")) {
            v *= unary(s);
        } else if (accept(s, "/") || accept(s, "%")) {
            char op = s->p[-1];
            unsigned long d = unary(s);
            if (d == 0)
                return fail(s);
            v = op == '/' ? v / d : v % d;
        } else {
            return v;
        }
    }
}

static unsigned long sum(parser *s)
{
    unsigned long v = product(s);
    for (;;) {
        if (accept(s, "+"))
            v += product(s);
        else if (accept(s, "-"))
            v -= product(s);
        else
            return v;
    }
}

static unsigned long relation(parser *s)
{
    unsigned long v = sum(s);
    for (;;) {
        if (accept(s, "<="))
            v = v <= sum(s);
        else if (accept(s, ">="))
            v = v >= sum(s);
        else if (accept(s, "<"))
            v = v < sum(s);
        else if (accept(s, ">"))
            v = v > sum(s);
        else
            return v;
    }
}

static unsigned long equality(parser *s)
{
    unsigned long v = relation(s);
    for (;;) {
        if (accept(s, "=="))
            v = v == relation(s);
        else if (accept(s, "!="))
            v = v != relation(s);
        else
            return v;
    }
}

static unsigned long conjunction(parser *s)
{
    unsigned long v = equality(s);
    while (accept(s, "&&")) {
        unsigned long w = equality(s);
        v = v && w;
    }
    return v;
}

static unsigned long disjunction(parser *s)
{
    unsigned long v = conjunction(s);
    while (accept(s, "||")) {
        unsigned long w = conjunction(s);
        v = v || w;
    }
    return v;
}

static unsigned long ternary(parser *s)
{
    if (++s->depth > DEPTH_MAX)
        return fail(s);
    unsigned long v = disjunction(s);
    if (accept(s, "?")) {
        unsigned long yes = ternary(s);
        if (!accept(s, ":"))
            return fail(s);
        unsigned long no = ternary(s);
        v = v ? yes : no;
    }
    s->depth--;
    return v;
}

bool plural_eval(const char *expr, unsigned long n, unsigned long *out)
{
    parser s = { expr, n, 0, true };
    unsigned long v = ternary(&s);
    accept(&s, ";");
    skip_space(&s);
    if (!s.ok || *s.p != '\0')
        return false;
    *out = v;
    return true;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * plural: evaluates a catalogue's Plural-Forms expression, the C subset that
 * gettext defines: the variable n, decimal numbers, ( ), ! * / % + - < > <=
 * >= == != && || and ?:, with C's precedence. "(n != 1)" gives German's two
 * forms, "(n > 1)" French's, and longer ones Polish's or Arabic's. Pure.
 */
#ifndef RM_PLURAL_H
#define RM_PLURAL_H

#include <stdbool.h>

/* The form's index for n, in *out. False when expr is not such an
 * expression (or divides by zero for this n, or nests deeper than 32):
 * the caller then shows the English. */
bool plural_eval(const char *expr, unsigned long n, unsigned long *out);

#endif

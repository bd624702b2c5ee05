/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_fault: test-only fault injection into the adherence log's file
 * writes, switched on by the environment variable REHAB_MIRROR_DB_FAULT (the
 * grammar is at the top of adlog_fault.c). The power-loss test kills the
 * station mid-commit with it; the disk-full tests fail writes with it.
 */
#ifndef RM_ADLOG_FAULT_H
#define RM_ADLOG_FAULT_H

#include <stdbool.h>

#define ADLOG_FAULT_ENV "REHAB_MIRROR_DB_FAULT"

/* Installs the shim as SQLite's default VFS if the variable is set and
 * valid; once per process, before the first database is opened. */
void adlog_fault_install(void);
/* Installs the shim (if not yet) and replaces the spec, restarting the count
 * at 0; "" switches every fault off. False for a bad spec. For unit tests. */
bool adlog_fault_set(const char *spec);

/* Writes, syncs and truncates counted so far, or -1 when the shim is not
 * installed: tests place their faults after a record by it. */
long long adlog_fault_ops(void);

#endif

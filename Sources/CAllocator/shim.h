#ifndef VAKTAAL_CALLOCATOR_SHIM_H
#define VAKTAAL_CALLOCATOR_SHIM_H

#include <limits.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/* Keeps freed memory in the process for later allocations (glibc: large blocks from the heap,
   not from mappings of their own, and the heap's top never trimmed). Elsewhere nothing. */
static inline void vaktaal_keep_freed_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
}

#endif

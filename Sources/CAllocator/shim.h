#ifndef VAKTAAL_CALLOCATOR_SHIM_H
#define VAKTAAL_CALLOCATOR_SHIM_H

#include <limits.h>
#include <stddef.h>
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

/* Whether a block from malloc has a mapping of its own (glibc: the IS_MMAPPED bit in the size
   word before the block), for tests of the above; elsewhere always 0. */
static inline int vaktaal_block_has_own_mapping(void *block) {
#if defined(__GLIBC__)
    return (((size_t *)block)[-1] & 2) != 0;
#else
    (void)block;
    return 0;
#endif
}

#endif

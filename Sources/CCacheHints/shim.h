#ifndef VAKTAAL_CCACHEHINTS_SHIM_H
#define VAKTAAL_CCACHEHINTS_SHIM_H

/* Asks for the cache line that holds `address` to be loaded for reading, without waiting for
   it: a hint, never a fault, whatever the address. */
static inline void vaktaal_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif

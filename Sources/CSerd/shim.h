#ifndef VAKTAAL_CSERD_SHIM_H
#define VAKTAAL_CSERD_SHIM_H

#include <stdarg.h>
#include <stdio.h>
#include <serd/serd.h>

/* Formats serd's printf-style error message: Swift cannot pass on a va_list it did not make. */
static inline int vaktaal_serd_format_error(const SerdError *error, char *buffer, size_t size) {
    va_list arguments;
    va_copy(arguments, *error->args);
    int written = vsnprintf(buffer, size, error->fmt, arguments);
    va_end(arguments);
    return written;
}

#endif

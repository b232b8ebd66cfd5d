#ifndef VAKTAAL_CLIBXML2_SHIM_H
#define VAKTAAL_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers would clash with Foundation's ICU module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/HTMLparser.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void vaktaal_xml_free(void *ptr) { xmlFree(ptr); }

/* An external entity loader that refuses everything: no file, no network, ever. */
static inline xmlParserInputPtr vaktaal_refuse_external_entity(const char *url, const char *id,
                                                               xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

static inline void vaktaal_install_entity_loader(void) {
    xmlSetExternalEntityLoader(vaktaal_refuse_external_entity);
}

#endif

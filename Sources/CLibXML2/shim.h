#ifndef LINGKAR_CLIBXML2_SHIM_H
#define LINGKAR_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its encoding.h then pulls in system ICU headers whose
// UErrorCode clashes with Foundation's _FoundationICU. Lingkar never touches the ICU fields.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/entities.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as not concurrency-safe.
static inline void CLibXML2_xmlFree(void *p) { xmlFree(p); }

// Silences libxml2's generic error channel for the calling thread (NOERROR does not cover it).
static void CLibXML2_ignoreGenericError(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void CLibXML2_silenceErrors(void) {
  xmlSetGenericErrorFunc(NULL, CLibXML2_ignoreGenericError);
  xmlSetStructuredErrorFunc(NULL, NULL);
}

#endif

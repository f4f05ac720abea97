#ifndef PARALLAX_CLIBXML2_SHIM_H
#define PARALLAX_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in the system's
 * <unicode/ucnv.h>. Its UErrorCode clashes with the copy of ICU inside Foundation
 * (_FoundationICU) and breaks clean builds of any module that imports both. We never touch
 * the encoding handler's ICU fields (we only pass handler pointers around), so hide ICU
 * from libxml2's headers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>

/* Swift 6 rejects the global function-pointer variable `xmlFree`; call it through a function. */
static inline void parallax_xmlFree(void *pointer) { xmlFree(pointer); }
#endif

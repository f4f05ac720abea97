#ifndef PARALLAX_CLIBXML2_SHIM_H
#define PARALLAX_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>

/* Swift 6 rejects the global function-pointer variable `xmlFree`; call it through a function. */
static inline void parallax_xmlFree(void *pointer) { xmlFree(pointer); }
#endif

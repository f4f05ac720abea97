#ifndef PARALLAX_CSTEMMER_SHIM_H
#define PARALLAX_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif

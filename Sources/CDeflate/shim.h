#ifndef PARALLAX_CDEFLATE_SHIM_H
#define PARALLAX_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif

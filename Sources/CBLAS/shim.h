#ifndef QREPL_CBLAS_SHIM_H
#define QREPL_CBLAS_SHIM_H
#include <cblas.h>
#endif

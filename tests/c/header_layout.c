/* The sizes of the header's structs as a C compiler lays them out, for
 * header_cxx.cc to compare with C++'s. */
#include <sctpx.h>

const size_t sctpx_c_sizes[] = {
#define SCTPX_TYPE(t) sizeof(t),
#include "sctpx_types.h"
#undef SCTPX_TYPE
};

const char *const sctpx_c_type_names[] = {
#define SCTPX_TYPE(t) #t,
#include "sctpx_types.h"
#undef SCTPX_TYPE
};

/*
 * sctpx.h from C++: compiled with g++ -Wall -Wextra -Wpedantic -Werror. The
 * header must give the functions C linkage (this links against the C
 * library) and the structs the same layout as in C: the sizes below are
 * compared with those header_layout.c measured as C.
 */
#include <sctpx.h>

#include <cstddef>
#include <cstdio>
#include <cstring>

extern "C" {
#include "testlib.h"
extern const size_t sctpx_c_sizes[];
extern const char *const sctpx_c_type_names[];
}

static const size_t cxx_sizes[] = {
#define SCTPX_TYPE(t) sizeof(t),
#include "sctpx_types.h"
#undef SCTPX_TYPE
};

int main()
{
    char msg[64];
    for (size_t i = 0; i < sizeof cxx_sizes / sizeof cxx_sizes[0]; i++)
        is(cxx_sizes[i], sctpx_c_sizes[i], "%s has the same size in C++ as in C", sctpx_c_type_names[i]);
    ok(sctpx_strerror(SCTPX_ERR_BAD_HANDLE, msg, sizeof msg) > 0 && std::strlen(msg) > 0,
       "C++ calls the library through the header's extern \"C\" declarations");
    sctpx_handle h = 0;
    is(sctpx_close(h), SCTPX_ERR_BAD_HANDLE, "handle 0 is never issued, in C++ too");
    return done_testing();
}

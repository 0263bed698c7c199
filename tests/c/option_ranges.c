/*
 * Every integer option's range, as its SCTPX_OPT_* comment in sctpx.h states
 * it ("Range: MIN to MAX." or "Read only."; tests/c/header-lists reads them
 * into sctpx_option_ranges.h, so a new option cannot go unchecked):
 *  - MIN - 1 and MAX + 1 (where an int64_t holds them) are
 *    SCTPX_ERR_INVALID_ARGUMENT, and the option keeps the value it had;
 *  - MIN and MAX are taken and read back as set, or as the option's comment
 *    says the kernel adjusts them (SO_SNDBUF/SO_RCVBUF doubled and clamped,
 *    AUTOCLOSE lowered to net.sctp.max_autoclose), or refused by the kernel
 *    where the comment says its own limit is lower (PARTIAL_DELIVERY_POINT),
 *    or the comment says when the kernel refuses it (STREAM_SCHEDULER on a
 *    kernel without the scheduler, INTERLEAVING_SUPPORTED while
 *    FRAGMENT_INTERLEAVE is off, AUTO_ASCONF on a socket not bound to the
 *    wildcard address);
 *  - a read-only option refuses every value, even the one it has.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>

static const struct documented {
    const char *name;
    int32_t opt;
    int read_only;
    int64_t min, max;
} options[] = {
#define SCTPX_OPT_RANGE(name, lo, hi) {#name, SCTPX_OPT_##name, 0, lo, hi},
#define SCTPX_OPT_READ_ONLY(name) {#name, SCTPX_OPT_##name, 1, 0, 0},
#include "sctpx_option_ranges.h"
#undef SCTPX_OPT_RANGE
#undef SCTPX_OPT_READ_ONLY
};

/* A sysctl the comments name, from /proc/sys. */
static int64_t sysctl_value(const char *path)
{
    long long v = 0;
    FILE *f = fopen(path, "r");
    int got = f && fscanf(f, "%lld", &v) == 1;
    if (f)
        fclose(f);
    if (!got) {
        ok(0, "read %s", path);
        exit(done_testing());
    }
    return v;
}

/* A fresh socket of the kind the option applies to. */
static sctpx_handle socket_for(int32_t opt)
{
    sctpx_handle h;
    if (opt == SCTPX_OPT_AUTOCLOSE || opt == SCTPX_OPT_ASSOC_NUMBER)
        must(sctpx_open_udp(SCTPX_AF_INET, &h), "sctpx_open_udp");
    else if (opt == SCTPX_OPT_V6ONLY || opt == SCTPX_OPT_MAPPED_V4)
        must(sctpx_open_tcp(SCTPX_AF_INET6, &h), "sctpx_open_tcp (IPv6)");
    else
        must(sctpx_open_tcp(SCTPX_AF_INET, &h), "sctpx_open_tcp");
    return h;
}

/* What setting a documented bound gives: the return code and, when it is 0,
 * the value read back, within [lo, hi] (one value, unless the kernel's own
 * minimum is all its comment can promise). */
struct outcome {
    int32_t rc;
    int64_t lo, hi;
};

static struct outcome taken_as(int64_t v) { return (struct outcome){0, v, v}; }

/* socket(7): doubled, at most twice the sysctl, at least the kernel's
 * minimum: `floor` or more (socket(7)), a few KiB (Linux: 2304 and 4608). */
static struct outcome buffer_size(int64_t v, int64_t sysctl_max, int64_t floor)
{
    if (v * 2 < floor)
        return (struct outcome){0, floor, 8192};
    return taken_as(2 * (v < sysctl_max ? v : sysctl_max));
}

/* Whether the running kernel is at least major.minor. */
static int kernel_at_least(int major, int minor)
{
    struct utsname u;
    int ma = 0, mi = 0;
    if (uname(&u) != 0 || sscanf(u.release, "%d.%d", &ma, &mi) != 2) {
        ok(0, "uname");
        exit(done_testing());
    }
    return ma > major || (ma == major && mi >= minor);
}

static struct outcome bound_outcome(sctpx_handle h, int32_t opt, int64_t v)
{
    int64_t rcvbuf = 0, cap;
    switch (opt) {
    case SCTPX_OPT_AUTOCLOSE:
        cap = sysctl_value("/proc/sys/net/sctp/max_autoclose");
        return taken_as(v < cap ? v : cap);
    case SCTPX_OPT_SNDBUF:
        return buffer_size(v, sysctl_value("/proc/sys/net/core/wmem_max"), 2048);
    case SCTPX_OPT_RCVBUF:
        return buffer_size(v, sysctl_value("/proc/sys/net/core/rmem_max"), 256);
    case SCTPX_OPT_PARTIAL_DELIVERY_POINT:
        must(sctpx_get_option(h, 0, SCTPX_OPT_RCVBUF, &rcvbuf), "sctpx_get_option(RCVBUF)");
        if (v > rcvbuf / 2)
            return (struct outcome){-EINVAL, 0, 0};
        return taken_as(v);
    case SCTPX_OPT_FRAGMENT_INTERLEAVE:
        /* Linux keeps on or off: level 2 reads back as 1. */
        return taken_as(v ? 1 : 0);
    case SCTPX_OPT_STREAM_SCHEDULER:
        /* Fair capacity (3) and weighted fair (4) came with Linux 6.3. */
        if (v > SCTPX_SCHED_RR && !kernel_at_least(6, 3))
            return (struct outcome){-EINVAL, 0, 0};
        return taken_as(v);
    case SCTPX_OPT_INTERLEAVING_SUPPORTED:
        /* A fresh socket has FRAGMENT_INTERLEAVE off. */
        return (struct outcome){-EPERM, 0, 0};
    case SCTPX_OPT_AUTO_ASCONF:
        /* A fresh socket is bound to nothing yet, so not to the wildcard. */
        if (v)
            return (struct outcome){-EINVAL, 0, 0};
        return taken_as(v);
    default:
        return taken_as(v);
    }
}

/* `v` is refused with SCTPX_ERR_INVALID_ARGUMENT and the value stays. */
static void refused(sctpx_handle h, const struct documented *o, int64_t v, const char *why)
{
    int64_t before = -12345, after = -54321;
    must(sctpx_get_option(h, 0, o->opt, &before), "sctpx_get_option");
    is(sctpx_set_option(h, 0, o->opt, v), SCTPX_ERR_INVALID_ARGUMENT, "%s: %lld (%s): SCTPX_ERR_INVALID_ARGUMENT",
       o->name, (long long)v, why);
    must(sctpx_get_option(h, 0, o->opt, &after), "sctpx_get_option");
    is(after, before, "%s: ... and it still reads %lld", o->name, (long long)before);
}

/* A bound is taken (or refused by the kernel, as documented) and reads back
 * as `bound_outcome` says. */
static void bound(sctpx_handle h, const struct documented *o, int64_t v, const char *which)
{
    struct outcome want = bound_outcome(h, o->opt, v);
    int64_t got = -12345;
    int32_t rc = sctpx_set_option(h, 0, o->opt, v);
    if (want.rc != 0 || rc != 0) {
        is(rc, want.rc, "%s: its %s %lld: %s", o->name, which, (long long)v,
           want.rc == 0 ? "taken" : "in range, refused by the kernel's own limit");
        return;
    }
    must(sctpx_get_option(h, 0, o->opt, &got), "sctpx_get_option");
    if (want.lo == want.hi)
        is(got, want.lo, "%s: its %s %lld reads back %lld", o->name, which, (long long)v, (long long)want.lo);
    else
        ok(got >= want.lo && got <= want.hi, "%s: its %s %lld reads back the kernel's minimum, %lld to %lld (got %lld)",
           o->name, which, (long long)v, (long long)want.lo, (long long)want.hi, (long long)got);
}

int main(void)
{
    size_t i;
    for (i = 0; i < sizeof options / sizeof options[0]; i++) {
        const struct documented *o = &options[i];
        sctpx_handle h = socket_for(o->opt);
        if (o->read_only) {
            int64_t now = 0;
            must(sctpx_get_option(h, 0, o->opt, &now), "sctpx_get_option");
            refused(h, o, now, "read only, even the value it has");
        } else {
            if (o->min > INT64_MIN)
                refused(h, o, o->min - 1, "one below its range");
            if (o->max < INT64_MAX)
                refused(h, o, o->max + 1, "one above its range");
            bound(h, o, o->min, "minimum");
            bound(h, o, o->max, "maximum");
        }
        sctpx_close(h);
    }
    return done_testing();
}

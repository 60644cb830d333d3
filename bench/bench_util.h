/* Shared helpers of the benchmark programs (not tests: they time, they do not judge). */
#ifndef DDBGT_BENCH_UTIL_H
#define DDBGT_BENCH_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include <ddbgt.h>

/* Monotonic clock in nanoseconds. */
uint64_t bench_now_ns(void);
/* Install a counting allocator (call first); bench_allocs() reads the count. */
void bench_count_allocs(void);
size_t bench_allocs(void);
/*
 * A PROVISIONED table of `replicas` regions and `gsis` indexes, every field
 * a realistic spec sets, built through the public API. Aborts on failure.
 */
ddbgt_table *bench_build_table(size_t replicas, size_t gsis);
/* Print one result line: name, ns per op, allocations per op. */
void bench_report(const char *name, uint64_t ns, size_t iterations, size_t allocs);

#endif

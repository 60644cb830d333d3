/*
 * The embedded price table as the estimator uses it: parsed on first use,
 * once per process, then shared read-only by every estimate that passes
 * prices = NULL (a parse costs about 20 times the estimate it feeds).
 *
 * Not pthread_once: a parse that meets an allocation failure must leave the
 * next call free to try again, so a mutex guards the parse and an atomic
 * pointer, published after the table is complete, makes every later call
 * lock-free. The table lives until the process ends (no estimate can tell
 * when the last reader is done); valgrind reports it as still reachable.
 */
#include <pthread.h>
#include <stdatomic.h>

#include "prices_internal.h"

static _Atomic(ddbgt_prices *) embedded;
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

int ddbgt__prices_embedded(const ddbgt_prices **out)
{
	ddbgt_prices *p = atomic_load_explicit(&embedded, memory_order_acquire);
	int rc = DDBGT_OK;

	if (!p) {
		pthread_mutex_lock(&parse_lock);
		p = atomic_load_explicit(&embedded, memory_order_relaxed);
		if (!p && (rc = ddbgt_prices_default(&p)) == DDBGT_OK)
			atomic_store_explicit(&embedded, p, memory_order_release);
		pthread_mutex_unlock(&parse_lock);
	}
	*out = rc == DDBGT_OK ? p : NULL;
	return rc;
}

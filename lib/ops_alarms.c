/*
 * The alarms a table's operations object calls for, per region: which exist
 * for the table's kind (doc/operations.md) and how many metrics each
 * references, which is what CloudWatch bills (doc/cost.md). The targets
 * write these and the estimator prices these, from this one list.
 */
#include "ops_alarms.h"

const char *const ddbgt__ops_error_operations[DDBGT__OPS_ERROR_OPERATIONS] = {
	"GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query",
	"Scan", "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems",
};

void ddbgt__ops_alarms_each(const ddbgt_table *t, ddbgt_billing_mode billing, size_t replica,
                            void (*fn)(void *ud, const ddbgt__alarm *a), void *ud)
{
	const ddbgt_operations *ops = ddbgt_table_operations(t);
	size_t nrep = ddbgt_table_replica_count(t);
	long ngsi = (long)ddbgt_table_gsi_count(t);
	ddbgt__alarm a;

	if (!ddbgt_operations_alarms(ops) || ddbgt_table_legacy_version(t) == 1)
		return;
	/* An MRSC table publishes no ReplicationLatency; one region replicates nothing. */
	if (ddbgt_table_consistency(t) != DDBGT_CONSISTENCY_STRONG)
		for (size_t j = 0; j < nrep; j++) {
			if (j == replica)
				continue;
			a = (ddbgt__alarm){.kind = DDBGT__OPS_LATENCY, .replica = replica, .receiving = j,
			                   .gsi = -1, .metrics = 1};
			fn(ud, &a);
		}
	if (ddbgt_operations_alarm_setting_effective(ops, DDBGT_ALARM_THROTTLES))
		for (long g = -1; g < ngsi; g++)
			for (int rw = DDBGT_READ; rw <= DDBGT_WRITE; rw++) {
				a = (ddbgt__alarm){.kind = DDBGT__OPS_THROTTLES, .replica = replica, .gsi = g,
				                   .rw = (ddbgt_rw)rw, .metrics = 1};
				fn(ud, &a);
			}
	if (ddbgt_operations_alarm_setting_effective(ops, DDBGT_ALARM_SYSTEM_ERRORS)) {
		a = (ddbgt__alarm){.kind = DDBGT__OPS_SYSTEM_ERRORS, .replica = replica, .gsi = -1,
		                   .metrics = DDBGT__OPS_ERROR_OPERATIONS};
		fn(ud, &a);
	}
	if (billing != DDBGT_BILLING_PROVISIONED)
		return;
	/* An index's own capacity too: a GSI short of write capacity throttles the table's writes. */
	for (long g = -1; g < ngsi; g++)
		for (int rw = DDBGT_READ; rw <= DDBGT_WRITE; rw++) {
			a = (ddbgt__alarm){.kind = DDBGT__OPS_UTILIZATION, .replica = replica, .gsi = g,
			                   .rw = (ddbgt_rw)rw, .metrics = 2};
			fn(ud, &a);
		}
}

int ddbgt__ops_writes_dashboard(const ddbgt_table *t)
{
	return ddbgt_operations_dashboard(ddbgt_table_operations(t)) &&
	       ddbgt_table_legacy_version(t) != 1;
}

static void add_metrics(void *ud, const ddbgt__alarm *a)
{
	*(int64_t *)ud += a->metrics;
}

int64_t ddbgt__ops_alarm_metrics(const ddbgt_table *t, ddbgt_billing_mode billing,
                                 size_t replica)
{
	int64_t n = 0;

	ddbgt__ops_alarms_each(t, billing, replica, add_metrics, &n);
	return n;
}

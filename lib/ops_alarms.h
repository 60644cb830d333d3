/*
 * Internal: the CloudWatch alarms a table's operations object calls for, one
 * list for the targets that write them (lib/emit_operations.c decorates it
 * with names and texts) and the estimator that prices them, so that the bill
 * counts exactly the alarms the documents hold.
 */
#ifndef DDBGT_LIB_OPS_ALARMS_H
#define DDBGT_LIB_OPS_ALARMS_H

#include <stddef.h>

#include "ddbgt/operations.h"

typedef enum ddbgt__ops_alarm_kind {
	DDBGT__OPS_LATENCY,       /* ReplicationLatency to one receiving region */
	DDBGT__OPS_THROTTLES,     /* Read/WriteThrottleEvents of the table or an index */
	DDBGT__OPS_SYSTEM_ERRORS, /* SUM(METRICS()) over SystemErrors of 10 operations */
	DDBGT__OPS_UTILIZATION    /* consumed / provisioned of the table or an index, percent */
} ddbgt__ops_alarm_kind;

/* One alarm as the model calls for it; the targets add names, texts and thresholds. */
typedef struct ddbgt__alarm {
	ddbgt__ops_alarm_kind kind;
	size_t replica;   /* the replica whose region holds the alarm */
	size_t receiving; /* DDBGT__OPS_LATENCY: the receiving region's replica */
	long gsi;         /* the index, or -1 for the table */
	ddbgt_rw rw;      /* throttles and utilisation: which side */
	int metrics;      /* metrics the alarm references: CloudWatch bills each */
} ddbgt__alarm;

/* The operations whose SystemErrors the error alarm sums: an alarm takes 10 metrics. */
#define DDBGT__OPS_ERROR_OPERATIONS 10
extern const char *const ddbgt__ops_error_operations[DDBGT__OPS_ERROR_OPERATIONS];

/*
 * Call fn for each alarm of replica's region, in document order, for the
 * table as if its billing mode were billing (the cost estimator prices the
 * other mode too): latency to each other region (not for STRONG tables),
 * throttles of the table and each GSI, system errors, and for PROVISIONED
 * the utilisation of the table and each GSI. Nothing when the spec asks for
 * no alarms, or for a legacy table (no target writes its operations).
 */
void ddbgt__ops_alarms_each(const ddbgt_table *t, ddbgt_billing_mode billing, size_t replica,
                            void (*fn)(void *ud, const ddbgt__alarm *a), void *ud);

/* 1 when the dashboard is written (in the home region), and so billed. */
int ddbgt__ops_writes_dashboard(const ddbgt_table *t);

/* The alarm metrics of replica's region: the quantity CloudWatch bills each month. */
int64_t ddbgt__ops_alarm_metrics(const ddbgt_table *t, ddbgt_billing_mode billing,
                                 size_t replica);

#endif

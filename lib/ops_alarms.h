/*
 * Internal: the CloudWatch alarms a table's operations object calls for, one
 * list for the emitter that writes them and the estimator that prices them,
 * so that the bill counts exactly the alarms the document holds.
 */
#ifndef DDBGT_LIB_OPS_ALARMS_H
#define DDBGT_LIB_OPS_ALARMS_H

#include <stddef.h>

#include "ddbgt/operations.h"

typedef enum ddbgt__alarm_kind {
	DDBGT__ALARM_REPLICATION_LATENCY, /* ReplicationLatency to one receiving replica */
	DDBGT__ALARM_THROTTLES,           /* Read or WriteThrottleEvents, table or one GSI */
	DDBGT__ALARM_SYSTEM_ERRORS,       /* metric math: the sum of SystemErrors by operation */
	DDBGT__ALARM_UTILIZATION          /* metric math: consumed over provisioned capacity */
} ddbgt__alarm_kind;

typedef struct ddbgt__alarm {
	ddbgt__alarm_kind kind;
	size_t replica;   /* the replica whose region holds the alarm */
	size_t receiving; /* replication latency: the receiving replica */
	size_t gsi;       /* throttles: 0 for the table, g + 1 for GSI g */
	ddbgt_rw rw;      /* throttles and utilisation: the side watched */
	int metrics;      /* metrics the alarm references: CloudWatch bills each */
} ddbgt__alarm;

/* The operations the system errors alarm sums: an alarm references at most 10 metrics. */
extern const char *const ddbgt__alarm_error_operations[];
#define DDBGT__ALARM_ERROR_OPERATIONS 10

/*
 * Call fn for each alarm of replica's region, in the order they are written,
 * for the table as if its billing mode were billing (the cost estimator
 * prices the other mode too). Nothing when the table's alarms are off.
 */
void ddbgt__ops_alarms_each(const ddbgt_table *t, ddbgt_billing_mode billing, size_t replica,
                            void (*fn)(void *ud, const ddbgt__alarm *a), void *ud);

/* 1 when the dashboard is written (in the home region), and so billed. */
int ddbgt__ops_writes_dashboard(const ddbgt_table *t);

/* The alarm metrics of replica's region: the quantity CloudWatch bills each month. */
int64_t ddbgt__ops_alarm_metrics(const ddbgt_table *t, ddbgt_billing_mode billing,
                                 size_t replica);

#endif

/*
 * Topology (regions in order with roles) and strategy identification.
 *
 * The disaster recovery classes follow the AWS whitepaper "Disaster Recovery
 * of Workloads on AWS: Recovery in the Cloud" (backup and restore, pilot
 * light, warm standby, multi-site active/active). The replication figures
 * are the DynamoDB Developer Guide's "How DynamoDB global tables work": MREC
 * replicates asynchronously, usually within a second; MRSC has an RPO of 0.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ddbgt/replica.h"
#include "ddbgt/policy.h"
#include "ddbgt/region.h"
#include "alloc.h"
#include "diag_internal.h"
#include "helpers_internal.h"
#include "jsonwrite.h"

/* ---- shared helpers ---------------------------------------------------- */

const ddbgt_replica *ddbgt__leader(const ddbgt_table *table)
{
	const ddbgt_replica *p = ddbgt_table_primary_replica(table);

	return p ? p : ddbgt_table_replica_at(table, 0);
}

int ddbgt__replica_order(const ddbgt_table *table, size_t **order_out, size_t *count_out)
{
	size_t n = ddbgt_table_replica_count(table), i, k = 0, primary = 0;
	const ddbgt_replica *p = ddbgt__leader(table);
	size_t *order;

	*order_out = NULL;
	*count_out = 0;
	if (n == 0)
		return DDBGT_OK;
	order = ddbgt__calloc(n, sizeof *order);
	if (!order)
		return DDBGT_ENOMEM;
	for (i = 0; i < n; i++)
		if (ddbgt_table_replica_at(table, i) == p)
			primary = i;
	order[k++] = primary;
	for (i = 0; i < n; i++)
		if (i != primary)
			order[k++] = i;
	*order_out = order;
	*count_out = n;
	return DDBGT_OK;
}

ddbgt_member_role ddbgt__member_role(const ddbgt_table *table, size_t spec_index)
{
	const ddbgt_replica *r = ddbgt_table_replica_at(table, spec_index);

	/* A second explicit "primary" is the validator's business; here only one region leads. */
	if (r == ddbgt__leader(table))
		return DDBGT_MEMBER_PRIMARY;
	switch (ddbgt_replica_effective_role(r)) {
	case DDBGT_ROLE_STANDBY:
		return DDBGT_MEMBER_STANDBY;
	default:
		return DDBGT_MEMBER_SECONDARY;
	}
}

const char *ddbgt__region_geography(const char *code)
{
	const ddbgt_region *r = code ? ddbgt_region_find(code) : NULL;

	return r ? ddbgt_region_geography(r) : NULL;
}

const char *ddbgt__region_partition(const char *code)
{
	const ddbgt_region *r = code ? ddbgt_region_find(code) : NULL;
	const char *p = r ? ddbgt_region_partition(r) : ddbgt_region_code_partition(code);

	/* A code of no known shape is the validator's to report; ARNs still need a partition. */
	return p ? p : "aws";
}

double ddbgt__region_distance_km(const char *a, const char *b)
{
	return ddbgt_region_distance_km(a ? ddbgt_region_find(a) : NULL,
	                                b ? ddbgt_region_find(b) : NULL);
}

const char *ddbgt_member_role_name(ddbgt_member_role role)
{
	switch (role) {
	case DDBGT_MEMBER_PRIMARY:
		return "primary";
	case DDBGT_MEMBER_SECONDARY:
		return "secondary";
	case DDBGT_MEMBER_STANDBY:
		return "standby";
	case DDBGT_MEMBER_WITNESS:
		return "witness";
	default:
		return NULL;
	}
}

/* ---- topology ---------------------------------------------------------- */

typedef struct member {
	char *region;
	ddbgt_member_role role;
	int64_t spec_index;
	ddbgt_table_class table_class;
	const char *geography; /* the catalogue's static string */
} member;

struct ddbgt_topology {
	member *members;
	size_t count;
	size_t replica_count;
};

void ddbgt_topology_free(ddbgt_topology *topology)
{
	size_t i;

	if (!topology)
		return;
	for (i = 0; i < topology->count; i++)
		ddbgt__free(topology->members[i].region);
	ddbgt__free(topology->members);
	ddbgt__free(topology);
}

int ddbgt_topology_new(ddbgt_topology **out, const ddbgt_table *table)
{
	const char *witness;
	ddbgt_topology *t;
	size_t *order = NULL, n = 0, i;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!table)
		return DDBGT_EINVAL;
	witness = ddbgt_table_witness_region(table);
	rc = ddbgt__replica_order(table, &order, &n);
	if (rc)
		return rc;
	t = ddbgt__calloc(1, sizeof *t);
	/* One slot more than the replicas, for the witness. */
	if (t)
		t->members = ddbgt__calloc(n + 1, sizeof *t->members);
	if (!t || !t->members) {
		ddbgt__free(t);
		ddbgt__free(order);
		return DDBGT_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(table, order[i]);
		member *m = &t->members[t->count];

		m->region = ddbgt__strdup(ddbgt_replica_region(r));
		if (!m->region)
			goto nomem;
		t->count++;
		m->role = ddbgt__member_role(table, order[i]);
		m->spec_index = (int64_t)order[i];
		m->table_class = ddbgt_replica_effective_table_class(r);
		m->geography = ddbgt__region_geography(m->region);
	}
	t->replica_count = n;
	if (witness) {
		member *m = &t->members[t->count];

		m->region = ddbgt__strdup(witness);
		if (!m->region)
			goto nomem;
		t->count++;
		m->role = DDBGT_MEMBER_WITNESS;
		m->spec_index = -1;
		m->table_class = DDBGT_TABLE_CLASS_UNSET;
		m->geography = ddbgt__region_geography(witness);
	}
	ddbgt__free(order);
	*out = t;
	return DDBGT_OK;
nomem:
	ddbgt__free(order);
	ddbgt_topology_free(t);
	return DDBGT_ENOMEM;
}

size_t ddbgt_topology_region_count(const ddbgt_topology *topology)
{
	return topology ? topology->count : 0;
}

size_t ddbgt_topology_replica_count(const ddbgt_topology *topology)
{
	return topology ? topology->replica_count : 0;
}

static const member *topology_member(const ddbgt_topology *topology, size_t i)
{
	return topology && i < topology->count ? &topology->members[i] : NULL;
}

const char *ddbgt_topology_region_at(const ddbgt_topology *topology, size_t i)
{
	const member *m = topology_member(topology, i);

	return m ? m->region : NULL;
}

ddbgt_member_role ddbgt_topology_role_at(const ddbgt_topology *topology, size_t i)
{
	const member *m = topology_member(topology, i);

	return m ? m->role : DDBGT_MEMBER_NONE;
}

int64_t ddbgt_topology_spec_index_at(const ddbgt_topology *topology, size_t i)
{
	const member *m = topology_member(topology, i);

	return m ? m->spec_index : -1;
}

ddbgt_table_class ddbgt_topology_table_class_at(const ddbgt_topology *topology, size_t i)
{
	const member *m = topology_member(topology, i);

	return m ? m->table_class : DDBGT_TABLE_CLASS_UNSET;
}

const char *ddbgt_topology_geography_at(const ddbgt_topology *topology, size_t i)
{
	const member *m = topology_member(topology, i);

	return m ? m->geography : NULL;
}

int ddbgt_topology_to_json(char **out, const ddbgt_topology *topology)
{
	jw w;
	size_t i;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!topology)
		return DDBGT_EINVAL;
	ddbgt__jw_init(&w, 0, 128 + 160 * topology->count);
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "region_count");
	ddbgt__jw_int(&w, (int64_t)topology->count);
	ddbgt__jw_key(&w, "replica_count");
	ddbgt__jw_int(&w, (int64_t)topology->replica_count);
	ddbgt__jw_key(&w, "regions");
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < topology->count; i++) {
		const member *m = &topology->members[i];

		ddbgt__jw_object_begin(&w);
		ddbgt__jw_key(&w, "region");
		ddbgt__jw_string(&w, m->region);
		ddbgt__jw_key(&w, "role");
		ddbgt__jw_string(&w, ddbgt_member_role_name(m->role));
		ddbgt__jw_key(&w, "table_class");
		ddbgt__jw_string_or_null(&w, ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, m->table_class));
		ddbgt__jw_key(&w, "geography");
		ddbgt__jw_string_or_null(&w, m->geography);
		ddbgt__jw_object_end(&w);
	}
	ddbgt__jw_array_end(&w);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}

/* ---- strategy ---------------------------------------------------------- */

struct ddbgt_strategy {
	ddbgt_strategy_kind kind;
	const char *summary, *dr_class, *rpo, *rto, *dr_source;
	char **reasons;
	size_t reason_count, reason_cap;
};

static const char source_mrec[] =
	"AWS whitepaper \"Disaster Recovery of Workloads on AWS: Recovery in the Cloud\" "
	"(DR strategies); DynamoDB Developer Guide, \"How DynamoDB global tables work\" "
	"(MREC replicates asynchronously, usually within one second)";
static const char source_mrsc[] =
	"AWS whitepaper \"Disaster Recovery of Workloads on AWS: Recovery in the Cloud\" "
	"(DR strategies); DynamoDB Developer Guide, \"How DynamoDB global tables work\" "
	"(multi-Region strong consistency: RPO zero)";
static const char source_single[] =
	"AWS whitepaper \"Disaster Recovery of Workloads on AWS: Recovery in the Cloud\" "
	"(backup and restore); DynamoDB Developer Guide, \"Point-in-time recovery\"";

void ddbgt_strategy_free(ddbgt_strategy *strategy)
{
	size_t i;

	if (!strategy)
		return;
	for (i = 0; i < strategy->reason_count; i++)
		ddbgt__free(strategy->reasons[i]);
	ddbgt__free(strategy->reasons);
	ddbgt__free(strategy);
}

static int add_reason(ddbgt_strategy *s, const char *fmt, ...) DDBGT__PRINTF(2, 3);

static int add_reason(ddbgt_strategy *s, const char *fmt, ...)
{
	va_list ap;
	char *text;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return DDBGT_EINVAL;
	if (ddbgt__grow((void **)&s->reasons, &s->reason_cap, s->reason_count + 1,
	                sizeof *s->reasons))
		return DDBGT_ENOMEM;
	text = ddbgt__malloc((size_t)len + 1);
	if (!text)
		return DDBGT_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(text, (size_t)len + 1, fmt, ap);
	va_end(ap);
	s->reasons[s->reason_count++] = text;
	return DDBGT_OK;
}

/* What a replica can read at most: its own units or autoscaling ceiling, else the table's; -1 if none. */
static double read_ceiling(const ddbgt_table *table, const ddbgt_replica *r)
{
	int64_t units, min, max;
	double target;

	if (ddbgt_replica_get_read_capacity(r, &units) == DDBGT_OK)
		return (double)units;
	if (ddbgt_replica_get_read_autoscaling(r, &min, &max, &target) == DDBGT_OK)
		return (double)max;
	if (ddbgt_table_get_autoscaling(table, DDBGT_READ, &min, &max, &target) == DDBGT_OK)
		return (double)max;
	if (ddbgt_table_get_capacity(table, DDBGT_READ, &units) == DDBGT_OK)
		return (double)units;
	return -1.0;
}

static int usage_has_rates(const ddbgt_table *table)
{
	const ddbgt_usage *u = ddbgt_table_usage(table);

	return ddbgt_usage_rate_count(u, DDBGT_READ) + ddbgt_usage_rate_count(u, DDBGT_WRITE) > 0;
}

/* No reads and no writes for region in a usage profile that has some. */
static int usage_idle(const ddbgt_table *table, const char *region)
{
	const ddbgt_usage *u = ddbgt_table_usage(table);
	double w = 0, r = 0;

	if (!usage_has_rates(table))
		return 0;
	ddbgt_usage_get_rate(u, DDBGT_WRITE, region, &w);
	ddbgt_usage_get_rate(u, DDBGT_READ, region, &r);
	return w == 0 && r == 0;
}

static void set_profile(ddbgt_strategy *s, const char *summary, const char *dr_class,
                        const char *rpo, const char *rto, const char *source)
{
	s->summary = summary;
	s->dr_class = dr_class;
	s->rpo = rpo;
	s->rto = rto;
	s->dr_source = source;
}

static int identify_single(ddbgt_strategy *s, const ddbgt_table *table)
{
	const ddbgt_replica *r = ddbgt_table_replica_at(table, 0);
	int pitr = ddbgt_replica_effective_pitr(r);

	s->kind = DDBGT_STRATEGY_SINGLE_REGION;
	set_profile(s, "One region: a regional table, not a global one.", "backup and restore",
	            pitr ? "minutes: PITR restores to any second up to about 5 minutes ago"
	                 : "hours or more: the last on-demand backup (PITR is off)",
	            "hours: restore into a new table, in this region or another", source_single);
	return add_reason(s, "only one replica, in %s%s", ddbgt_replica_region(r),
	                  pitr ? ", with point-in-time recovery" : ", without point-in-time recovery");
}

static int identify_strong(ddbgt_strategy *s, const ddbgt_table *table)
{
	const char *witness = ddbgt_table_witness_region(table);
	int rc;

	s->kind = DDBGT_STRATEGY_STRONG_CONSISTENCY;
	set_profile(s,
	            "Multi-Region strong consistency: every replica reads the latest write; a write "
	            "returns once another region has it.",
	            "multi-site active/active",
	            "zero: a write succeeds only after it is replicated to another region",
	            "near zero: every replica serves strongly consistent reads and writes",
	            source_mrsc);
	rc = add_reason(s, "consistency STRONG over %zu replicas", ddbgt_table_replica_count(table));
	if (!rc && witness)
		rc = add_reason(s, "witness in %s holds replicated change data, no readable table",
		                witness);
	return rc;
}

/*
 * Describe one standby and say whether it is cold. The reason reads
 * "standby in us-west-2: Standard-IA, read capacity 10% of primary".
 */
static int describe_standby(ddbgt_strategy *s, const ddbgt_table *table,
                            const ddbgt_replica *primary, const ddbgt_replica *r, int idle,
                            int *cold)
{
	char facts[160] = "";
	size_t len = 0;
	int ia = ddbgt_replica_effective_table_class(r) == DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS;

	len += (size_t)snprintf(facts + len, sizeof facts - len, "%s",
	                        idle ? "no traffic in the usage profile" : "role standby");
	len += (size_t)snprintf(facts + len, sizeof facts - len, ", %s",
	                        ia ? "Standard-IA" : "Standard class");
	if (ia)
		*cold = 1;
	if (ddbgt_table_billing_mode(table) == DDBGT_BILLING_PROVISIONED) {
		double mine = read_ceiling(table, r), theirs = read_ceiling(table, primary);

		if (mine >= 0 && theirs > 0) {
			double pct = 100.0 * mine / theirs;

			snprintf(facts + len, sizeof facts - len, ", read capacity %.0f%% of primary", pct);
			if (pct <= 50.0)
				*cold = 1;
		}
	} else {
		snprintf(facts + len, sizeof facts - len, ", on-demand");
	}
	return add_reason(s, "standby in %s: %s", ddbgt_replica_region(r), facts);
}

static int identify_replicated(ddbgt_strategy *s, const ddbgt_table *table)
{
	const ddbgt_replica *primary = ddbgt__leader(table);
	size_t n = ddbgt_table_replica_count(table), i, standbys = 0, serving = 0;
	const char *geos[64];
	size_t ngeo = 0;
	int cold = 0, rc;

	if (!ddbgt_table_primary_replica(table))
		rc = add_reason(s, "no replica has the primary role: the first, %s, leads",
		                ddbgt_replica_region(primary));
	else
		rc = add_reason(s, "primary in %s", ddbgt_replica_region(primary));
	for (i = 0; !rc && i < n; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(table, i);
		const char *region = ddbgt_replica_region(r);
		int standby = ddbgt__member_role(table, i) == DDBGT_MEMBER_STANDBY;
		int idle = r != primary && !standby && usage_idle(table, region);
		const char *geo;
		size_t g;

		if (r != primary && (standby || idle)) {
			standbys++;
			rc = describe_standby(s, table, primary, r, idle, &cold);
			continue;
		}
		serving++;
		geo = ddbgt__region_geography(region);
		if (!geo) {
			rc = add_reason(s, "%s is not in the region catalogue: geography unknown", region);
			continue;
		}
		for (g = 0; g < ngeo && strcmp(geos[g], geo) != 0; g++)
			;
		if (g == ngeo && ngeo < sizeof geos / sizeof geos[0])
			geos[ngeo++] = geo;
	}
	if (rc)
		return rc;
	if (serving == 1 && standbys > 0) {
		if (cold) {
			s->kind = DDBGT_STRATEGY_PRIMARY_STANDBY_COLD;
			set_profile(s,
			            "Primary/standby, cold: one region serves; scaled-down standbys hold a "
			            "live copy for disaster recovery.",
			            "pilot light",
			            "seconds: replication is asynchronous, usually under one second",
			            "tens of minutes: scale the standby up (and switch its table class if "
			            "needed) before it takes full traffic",
			            source_mrec);
		} else {
			s->kind = DDBGT_STRATEGY_PRIMARY_STANDBY_WARM;
			set_profile(s,
			            "Primary/standby, warm: one region serves; standbys at full class and "
			            "capacity can take over at once.",
			            "warm standby",
			            "seconds: replication is asynchronous, usually under one second",
			            "minutes: route traffic to the standby, which already runs at scale",
			            source_mrec);
		}
		return add_reason(s, "%zu of %zu replicas are standbys: only the primary serves traffic",
		                  standbys, n);
	}
	rc = add_reason(s, "%zu replicas serve reads and writes; concurrent writes resolve by last "
	                   "writer wins",
	                serving);
	if (!rc && standbys)
		rc = add_reason(s, "%zu standby replica%s kept for failover", standbys,
		                standbys == 1 ? "" : "s");
	if (rc)
		return rc;
	if (ngeo >= 2) {
		char list[256] = "";
		size_t len = 0, g;

		for (g = 0; g < ngeo && len < sizeof list; g++)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", g ? ", " : "",
			                        geos[g]);
		s->kind = DDBGT_STRATEGY_GEO_DISTRIBUTED;
		set_profile(s,
		            "Geo-distributed active-active: users read and write in the region nearest "
		            "them, on several continents.",
		            "multi-site active/active",
		            "seconds: replication is asynchronous, usually under one second; writes not "
		            "yet replicated reach the others when the failed region recovers",
		            "near zero: route users to the next nearest replica, already serving",
		            source_mrec);
		return add_reason(s, "serving replicas span %zu geographies: %s", ngeo, list);
	}
	s->kind = DDBGT_STRATEGY_ACTIVE_ACTIVE;
	set_profile(s, "Active-active: every replica takes reads and writes.",
	            "multi-site active/active",
	            "seconds: replication is asynchronous, usually under one second; writes not yet "
	            "replicated reach the others when the failed region recovers",
	            "near zero: shift traffic to another replica, already serving", source_mrec);
	if (ngeo == 1)
		return add_reason(s, "serving replicas lie in one geography: %s", geos[0]);
	return DDBGT_OK;
}

int ddbgt_strategy_identify(ddbgt_strategy **out, const ddbgt_table *table)
{
	ddbgt_strategy *s;
	size_t n;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!table)
		return DDBGT_EINVAL;
	s = ddbgt__calloc(1, sizeof *s);
	if (!s)
		return DDBGT_ENOMEM;
	n = ddbgt_table_replica_count(table);
	if (n == 0) {
		s->kind = DDBGT_STRATEGY_NONE;
		set_profile(s, "No replica: the table is placed nowhere yet.", "none",
		            "not applicable", "not applicable", source_single);
		rc = add_reason(s, "the table has no replica");
	} else if (n == 1) {
		rc = identify_single(s, table);
	} else if (ddbgt_table_consistency(table) == DDBGT_CONSISTENCY_STRONG) {
		rc = identify_strong(s, table);
	} else {
		rc = identify_replicated(s, table);
	}
	if (rc) {
		ddbgt_strategy_free(s);
		return rc;
	}
	*out = s;
	return DDBGT_OK;
}

ddbgt_strategy_kind ddbgt_strategy_pattern(const ddbgt_strategy *strategy)
{
	return strategy ? strategy->kind : DDBGT_STRATEGY_NONE;
}

const char *ddbgt_strategy_kind_name(ddbgt_strategy_kind kind)
{
	switch (kind) {
	case DDBGT_STRATEGY_NONE:
		return "none";
	case DDBGT_STRATEGY_SINGLE_REGION:
		return "single-region";
	case DDBGT_STRATEGY_ACTIVE_ACTIVE:
		return "active-active";
	case DDBGT_STRATEGY_GEO_DISTRIBUTED:
		return "geo-distributed";
	case DDBGT_STRATEGY_PRIMARY_STANDBY_WARM:
		return "primary-standby-warm";
	case DDBGT_STRATEGY_PRIMARY_STANDBY_COLD:
		return "primary-standby-cold";
	case DDBGT_STRATEGY_STRONG_CONSISTENCY:
		return "strong-consistency";
	}
	return NULL;
}

const char *ddbgt_strategy_summary(const ddbgt_strategy *strategy)
{
	return strategy ? strategy->summary : NULL;
}

size_t ddbgt_strategy_reason_count(const ddbgt_strategy *strategy)
{
	return strategy ? strategy->reason_count : 0;
}

const char *ddbgt_strategy_reason_at(const ddbgt_strategy *strategy, size_t i)
{
	return strategy && i < strategy->reason_count ? strategy->reasons[i] : NULL;
}

const char *ddbgt_strategy_dr_class(const ddbgt_strategy *strategy)
{
	return strategy ? strategy->dr_class : NULL;
}

const char *ddbgt_strategy_rpo(const ddbgt_strategy *strategy)
{
	return strategy ? strategy->rpo : NULL;
}

const char *ddbgt_strategy_rto(const ddbgt_strategy *strategy)
{
	return strategy ? strategy->rto : NULL;
}

const char *ddbgt_strategy_dr_source(const ddbgt_strategy *strategy)
{
	return strategy ? strategy->dr_source : NULL;
}

int ddbgt_strategy_to_json(char **out, const ddbgt_strategy *strategy)
{
	jw w;
	size_t i;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!strategy)
		return DDBGT_EINVAL;
	ddbgt__jw_init(&w, 0, 1024 + 256 * strategy->reason_count);
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "strategy");
	ddbgt__jw_string(&w, ddbgt_strategy_kind_name(strategy->kind));
	ddbgt__jw_key(&w, "summary");
	ddbgt__jw_string(&w, strategy->summary);
	ddbgt__jw_key(&w, "reasons");
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < strategy->reason_count; i++)
		ddbgt__jw_string(&w, strategy->reasons[i]);
	ddbgt__jw_array_end(&w);
	ddbgt__jw_key(&w, "disaster_recovery");
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "class");
	ddbgt__jw_string(&w, strategy->dr_class);
	ddbgt__jw_key(&w, "rpo");
	ddbgt__jw_string(&w, strategy->rpo);
	ddbgt__jw_key(&w, "rto");
	ddbgt__jw_string(&w, strategy->rto);
	ddbgt__jw_key(&w, "source");
	ddbgt__jw_string(&w, strategy->dr_source);
	ddbgt__jw_object_end(&w);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}

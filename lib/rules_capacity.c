/*
 * Rules about billing and throughput: provisioned capacity and its auto
 * scaling, on-demand maximums, the default throughput quotas, per-replica
 * read overrides. Limits: dynamodb-rules.md section 3 (Smithy model
 * PositiveLongObject, DG quotas page, DG-2023 AutoScaling).
 */
#include <string.h>

#include "ddbgt/index.h"
#include "ddbgt/replica.h"
#include "ddbgt/policy.h"
#include "alloc.h"
#include "validate_internal.h"

#define DEFAULT_TABLE_CAPACITY_MAX 40000   /* per table or GSI, read and write alike */
#define DEFAULT_ACCOUNT_CAPACITY_MAX 80000 /* per account, over a table and its GSIs */
#define TARGET_MIN 20.0
#define TARGET_MAX 90.0
#define WARM_ONDEMAND_READ 12000  /* warm throughput of a new on-demand table or GSI */
#define WARM_ONDEMAND_WRITE 4000

static const char *const rw_name[2] = {"read", "write"};

/* What a table or a GSI says about its throughput, side by side. */
typedef struct throughput {
	const char *base; /* "/table" or "/table/global_secondary_indexes/2": see tp_base */
	const char *what; /* "the table" or "index byEmail": see tp_what */
	size_t gsi;       /* a GSI's position */
	const char *name; /* a GSI's name */
	char base_buf[64];
	char what_buf[300];
	int has_units[2];
	int64_t units[2];
	int has_as[2];
	int64_t as_min[2];
	int64_t as_max[2];
	double as_target[2];
	int has_od[2];
	int64_t od[2];
	int has_warm[2];
	int64_t warm[2];
} throughput;

typedef struct limits {
	int64_t table_max;
	int64_t account_max;
	int64_t sum[2]; /* the most each side can reach over the table and its GSIs */
} limits;

/*
 * A GSI's path and name are formatted on first use, for a finding: most
 * tables have none, and validation meets every GSI.
 */
static const char *tp_base(throughput *tp)
{
	if (tp->base == NULL)
		tp->base = ddbgt__vpathf(tp->base_buf, sizeof(tp->base_buf),
		                         "/table/global_secondary_indexes/%zu", tp->gsi);
	return tp->base;
}

static const char *tp_what(throughput *tp)
{
	if (tp->what == NULL)
		tp->what = ddbgt__vpathf(tp->what_buf, sizeof(tp->what_buf), "index %s", tp->name);
	return tp->what;
}

static void read_table(const ddbgt_table *t, throughput *tp)
{
	int rw;

	for (rw = 0; rw < 2; rw++) {
		tp->has_units[rw] = ddbgt_table_get_capacity(t, rw, &tp->units[rw]) == DDBGT_OK;
		tp->has_as[rw] = ddbgt_table_get_autoscaling(t, rw, &tp->as_min[rw], &tp->as_max[rw],
		                                             &tp->as_target[rw]) == DDBGT_OK;
		tp->has_od[rw] = ddbgt_table_get_on_demand_max(t, rw, &tp->od[rw]) == DDBGT_OK;
		tp->has_warm[rw] = ddbgt_table_get_warm_throughput(t, rw, &tp->warm[rw]) == DDBGT_OK;
	}
}

static void read_gsi(const ddbgt_gsi *g, throughput *tp)
{
	int rw;

	for (rw = 0; rw < 2; rw++) {
		tp->has_units[rw] = ddbgt_gsi_get_capacity(g, rw, &tp->units[rw]) == DDBGT_OK;
		tp->has_as[rw] = ddbgt_gsi_get_autoscaling(g, rw, &tp->as_min[rw], &tp->as_max[rw],
		                                           &tp->as_target[rw]) == DDBGT_OK;
		tp->has_od[rw] = ddbgt_gsi_get_on_demand_max(g, rw, &tp->od[rw]) == DDBGT_OK;
		tp->has_warm[rw] = ddbgt_gsi_get_warm_throughput(g, rw, &tp->warm[rw]) == DDBGT_OK;
	}
}

/* The conditions first, so that a path is only built for a finding. */
static int autoscaling_bad(int64_t min, int64_t max, double target)
{
	return min < 1 || max < 1 || min > max || !(target >= TARGET_MIN && target <= TARGET_MAX);
}

static int units_bad(int64_t units, const limits *lim)
{
	return units < 1 || units > lim->table_max;
}

static void check_autoscaling(ddbgt__vctx *c, const char *path, const char *region,
                              const char *what, int64_t min, int64_t max, double target)
{
	if (min < 1 || max < 1 || min > max)
		ddbgt__vreport(c, DDBGT_E_AUTOSCALING_RANGE, path, region,
		               "auto scaling of %s runs from %lld to %lld units: use 1 <= min <= max",
		               what, (long long)min, (long long)max);
	if (!(target >= TARGET_MIN && target <= TARGET_MAX))
		ddbgt__vreport(c, DDBGT_E_AUTOSCALING_RANGE, path, region,
		               "auto scaling of %s targets %g%% utilization: use 20 to 90",
		               what, target);
}

static void check_units(ddbgt__vctx *c, const char *path, const char *region, const char *what,
                        int64_t units, const limits *lim)
{
	if (units < 1)
		ddbgt__vreport(c, DDBGT_E_CAPACITY_MIN, path, region,
		               "%s has %lld capacity units: use at least 1", what, (long long)units);
	else if (units > lim->table_max)
		ddbgt__vreport(c, DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA, path, region,
		               "%s asks for %lld units, above the per-table quota of %lld: request a "
		               "quota increase and set policy.quotas.table_capacity_max",
		               what, (long long)units, (long long)lim->table_max);
}

static void check_provisioned(ddbgt__vctx *c, throughput *tp, limits *lim)
{
	char path[128];
	int rw;

	if (!tp->has_units[0] && !tp->has_as[0] && !tp->has_units[1] && !tp->has_as[1]) {
		ddbgt__vpathf(path, sizeof(path), "%s/capacity", tp_base(tp));
		ddbgt__vreport(c, DDBGT_E_PROVISIONED_MISSING, path, NULL,
		               "the table is PROVISIONED but %s has no read or write capacity: set "
		               "capacity (write_autoscaling for a global table) or use "
		               "PAY_PER_REQUEST", tp_what(tp));
	}
	for (rw = 0; rw < 2; rw++) {
		int64_t reach = 0;

		if (!tp->has_units[rw] && !tp->has_as[rw] && (tp->has_units[!rw] || tp->has_as[!rw])) {
			ddbgt__vpathf(path, sizeof(path), "%s/capacity/%s", tp_base(tp), rw_name[rw]);
			ddbgt__vreport(c, DDBGT_E_PROVISIONED_MISSING, path, NULL,
			               "the table is PROVISIONED but %s has no %s capacity: set %s or "
			               "%s_autoscaling", tp_what(tp), rw_name[rw], rw_name[rw], rw_name[rw]);
		}
		if (tp->has_units[rw]) {
			if (units_bad(tp->units[rw], lim))
				check_units(c, ddbgt__vpathf(path, sizeof(path), "%s/capacity/%s", tp_base(tp),
				                             rw_name[rw]),
				            NULL, tp_what(tp), tp->units[rw], lim);
			reach = tp->units[rw];
		}
		if (tp->has_as[rw]) {
			int above = tp->as_max[rw] > lim->table_max && tp->as_max[rw] >= tp->as_min[rw];
			int bad = autoscaling_bad(tp->as_min[rw], tp->as_max[rw], tp->as_target[rw]);

			if (bad || above)
				ddbgt__vpathf(path, sizeof(path), "%s/capacity/%s_autoscaling", tp_base(tp),
				              rw_name[rw]);
			if (bad)
				check_autoscaling(c, path, NULL, tp_what(tp), tp->as_min[rw], tp->as_max[rw],
				                  tp->as_target[rw]);
			if (above)
				ddbgt__vreport(c, DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA, path, NULL,
				               "auto scaling of %s may reach %lld %s units, above the "
				               "per-table quota of %lld: request a quota increase and set "
				               "policy.quotas.table_capacity_max", tp_what(tp),
				               (long long)tp->as_max[rw], rw_name[rw],
				               (long long)lim->table_max);
			if (tp->as_max[rw] > reach)
				reach = tp->as_max[rw];
		}
		if (reach > 0)
			lim->sum[rw] += reach;
		if (tp->has_od[rw]) {
			ddbgt__vpathf(path, sizeof(path), "%s/on_demand/max_%s", tp_base(tp), rw_name[rw]);
			ddbgt__vreport(c, DDBGT_E_ONDEMAND_MAX_ON_PROVISIONED, path, NULL,
			               "%s sets an on-demand maximum but the table is PROVISIONED: remove "
			               "on_demand or use PAY_PER_REQUEST", tp_what(tp));
		}
	}
	/* A provisioned global table can only add replicas when writes auto scale everywhere. */
	if (c->global && !c->strong && tp->has_units[DDBGT_WRITE] && !tp->has_as[DDBGT_WRITE]) {
		ddbgt__vpathf(path, sizeof(path), "%s/capacity/write_autoscaling", tp_base(tp));
		ddbgt__vreport(c, DDBGT_E_GT_PROVISIONED_NO_WRITE_AUTOSCALING, path, NULL,
		               "%s has fixed write capacity, but a PROVISIONED global table needs "
		               "write auto scaling on the table and on every GSI: add "
		               "write_autoscaling or use PAY_PER_REQUEST", tp_what(tp));
	}
}

static void check_on_demand(ddbgt__vctx *c, throughput *tp, const limits *lim)
{
	char path[128];
	int rw;

	if (tp->has_units[0] || tp->has_as[0] || tp->has_units[1] || tp->has_as[1]) {
		ddbgt__vpathf(path, sizeof(path), "%s/capacity", tp_base(tp));
		ddbgt__vreport(c, DDBGT_E_PPR_WITH_PROVISIONED, path, NULL,
		               "%s sets provisioned capacity but the table is PAY_PER_REQUEST: remove "
		               "capacity, or set billing_mode to PROVISIONED", tp_what(tp));
	}
	for (rw = 0; rw < 2; rw++) {
		if (!tp->has_od[rw])
			continue;
		ddbgt__vpathf(path, sizeof(path), "%s/on_demand/max_%s", tp_base(tp), rw_name[rw]);
		if (tp->od[rw] < 1)
			ddbgt__vreport(c, DDBGT_E_ONDEMAND_MAX_RANGE, path, NULL,
			               "the on-demand maximum of %s is %lld %s request units: use at "
			               "least 1, or remove max_%s for no limit", tp_what(tp),
			               (long long)tp->od[rw], rw_name[rw], rw_name[rw]);
		else if (tp->od[rw] > lim->table_max)
			ddbgt__vreport(c, DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA, path, NULL,
			               "the on-demand maximum of %s is %lld %s request units, above the "
			               "per-table quota of %lld: request a quota increase and set "
			               "policy.quotas.table_capacity_max", tp_what(tp),
			               (long long)tp->od[rw], rw_name[rw], (long long)lim->table_max);
	}
}

/*
 * Warm throughput: at least 1 unit, within the table quota that caps it, and
 * on demand not below the 12,000 reads and 4,000 writes a new table or index
 * already has (DG-WARM). AWS raises it and never lowers it: a note says so.
 */
static void check_warm(ddbgt__vctx *c, throughput *tp, const limits *lim)
{
	static const int64_t baseline[2] = {WARM_ONDEMAND_READ, WARM_ONDEMAND_WRITE};
	char path[128];
	int rw;

	for (rw = 0; rw < 2; rw++) {
		if (!tp->has_warm[rw])
			continue;
		ddbgt__vpathf(path, sizeof(path), "%s/warm_throughput/%s_units_per_second", tp_base(tp),
		              rw_name[rw]);
		if (tp->warm[rw] < 1)
			ddbgt__vreport(c, DDBGT_E_WARM_THROUGHPUT_INVALID, path, NULL,
			               "the warm throughput of %s is %lld %s units per second: use at "
			               "least 1, or leave it out", tp_what(tp), (long long)tp->warm[rw],
			               rw_name[rw]);
		else if (!c->provisioned && tp->warm[rw] < baseline[rw])
			ddbgt__vreport(c, DDBGT_W_WARM_BELOW_ONDEMAND_BASELINE, path, NULL,
			               "the warm throughput of %s is %lld %s units per second, below the "
			               "%lld an on-demand table or index starts with: AWS refuses a "
			               "lower value; leave it out or use at least %lld", tp_what(tp),
			               (long long)tp->warm[rw], rw_name[rw], (long long)baseline[rw],
			               (long long)baseline[rw]);
		else if (tp->warm[rw] > lim->table_max)
			ddbgt__vreport(c, DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA, path, NULL,
			               "the warm throughput of %s is %lld %s units per second, above the "
			               "per-table quota of %lld that caps it: request a quota increase "
			               "and set policy.quotas.table_capacity_max", tp_what(tp),
			               (long long)tp->warm[rw], rw_name[rw], (long long)lim->table_max);
	}
	if (tp->has_warm[0] || tp->has_warm[1]) {
		ddbgt__vpathf(path, sizeof(path), "%s/warm_throughput", tp_base(tp));
		ddbgt__vreport(c, DDBGT_I_WARM_THROUGHPUT_ONLY_UP, path, NULL,
		               "warm throughput of %s can be raised later but never lowered (a lower "
		               "value in Terraform replaces the table or index)", tp_what(tp));
	}
}

static void check_throughput(ddbgt__vctx *c, throughput *tp, limits *lim)
{
	if (c->provisioned)
		check_provisioned(c, tp, lim);
	else
		check_on_demand(c, tp, lim);
	check_warm(c, tp, lim);
}

static int64_t quota(const ddbgt__vctx *c, const char *name, int64_t def)
{
	int64_t v;

	if (c->policy != NULL && ddbgt_policy_get_quota(c->policy, name, &v) == DDBGT_OK)
		return v;
	return def;
}

/* A replica's read override: its own (index NULL) or one GSI's; units or auto scaling. */
typedef struct read_override {
	size_t replica;
	const char *region;
	const char *index;
	int has_units, has_as;
	int64_t units, min, max;
	double target;
} read_override;

/*
 * The override's path with suffix appended. Built only when there is
 * something to report: validation runs it for every replica and index pair.
 */
static const char *override_path(ddbgt__vctx *c, const read_override *o, const char *suffix,
                                 char *buf, size_t size, char **heap)
{
	char base[96];
	char tail[32];

	*heap = NULL;
	if (o->index == NULL)
		return ddbgt__vpathf(buf, size, "/replicas/%zu/read_capacity%s", o->replica, suffix);
	ddbgt__vpathf(base, sizeof(base), "/replicas/%zu/global_secondary_indexes", o->replica);
	ddbgt__vpathf(tail, sizeof(tail), "/read_capacity%s", suffix);
	return ddbgt__vpath_key(c, buf, size, heap, base, o->index, tail);
}

static void check_read_override(ddbgt__vctx *c, const read_override *o, const limits *lim)
{
	int ppr = !c->provisioned && (o->has_units || o->has_as);
	int units_off = c->provisioned && o->has_units && units_bad(o->units, lim);
	int as_bad = c->provisioned && o->has_as && autoscaling_bad(o->min, o->max, o->target);
	char buf[512];
	char what[300];
	char *heap;
	const char *path;

	/* Nearly every override is fine: names and paths are only made for findings. */
	if (!ppr && !units_off && !as_bad)
		return;
	if (o->index != NULL)
		ddbgt__vpathf(what, sizeof(what), "index %s", o->index);
	else
		ddbgt__vpathf(what, sizeof(what), "the replica");
	if (ppr) {
		path = override_path(c, o, "", buf, sizeof(buf), &heap);
		if (path != NULL)
			ddbgt__vreport(c, DDBGT_E_PPR_WITH_PROVISIONED, path, o->region,
			               "%s in %s overrides read capacity but the table is "
			               "PAY_PER_REQUEST: remove read_capacity, or set billing_mode to "
			               "PROVISIONED", what, o->region);
		ddbgt__free(heap);
	}
	if (units_off) {
		path = override_path(c, o, "/units", buf, sizeof(buf), &heap);
		if (path != NULL)
			check_units(c, path, o->region, what, o->units, lim);
		ddbgt__free(heap);
	}
	if (as_bad) {
		path = override_path(c, o, "/autoscaling", buf, sizeof(buf), &heap);
		if (path != NULL)
			check_autoscaling(c, path, o->region, what, o->min, o->max, o->target);
		ddbgt__free(heap);
	}
}

/* A replica's or a replica GSI's on-demand read maximum: on demand only, at least 1. */
static void check_replica_on_demand(ddbgt__vctx *c, const read_override *o, int64_t max_read)
{
	char buf[512];
	char *heap = NULL;
	const char *path;
	char base[96];

	if (!c->provisioned && max_read >= 1)
		return;
	ddbgt__vpathf(base, sizeof(base), o->index ? "/replicas/%zu/global_secondary_indexes"
	                                           : "/replicas/%zu", o->replica);
	path = o->index ? ddbgt__vpath_key(c, buf, sizeof(buf), &heap, base, o->index,
	                                   "/on_demand/max_read")
	                : ddbgt__vpathf(buf, sizeof(buf), "%s/on_demand/max_read", base);
	if (path == NULL)
		return;
	if (c->provisioned)
		ddbgt__vreport(c, DDBGT_E_ONDEMAND_MAX_ON_PROVISIONED, path, o->region,
		               "the replica in %s sets an on-demand maximum but the table is "
		               "PROVISIONED: remove on_demand, or use PAY_PER_REQUEST", o->region);
	else
		ddbgt__vreport(c, DDBGT_E_ONDEMAND_MAX_RANGE, path, o->region,
		               "the on-demand read maximum of the replica in %s is %lld: use at least "
		               "1, or remove on_demand for the table's", o->region,
		               (long long)max_read);
	ddbgt__free(heap);
}

static void check_replica(ddbgt__vctx *c, size_t i, const ddbgt__vname *gsis, size_t ngsis,
                          const limits *lim)
{
	int64_t max_read;
	const ddbgt_replica *r = c->replicas[i];
	size_t n = ddbgt_replica_gsi_override_count(r);
	read_override o;
	char path[96];
	size_t k, j;

	memset(&o, 0, sizeof(o));
	o.replica = i;
	o.region = ddbgt__vreplica_region(c, i);
	o.has_units = ddbgt_replica_get_read_capacity(r, &o.units) == DDBGT_OK;
	o.has_as = ddbgt_replica_get_read_autoscaling(r, &o.min, &o.max, &o.target) == DDBGT_OK;
	check_read_override(c, &o, lim);
	if (ddbgt_replica_get_on_demand_max_read(r, &max_read) == DDBGT_OK)
		check_replica_on_demand(c, &o, max_read);
	if (c->provisioned && (o.has_units || o.has_as))
		ddbgt__vreport(c, DDBGT_I_REPLICA_OVERRIDE_RESET,
		               ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/read_capacity", i),
		               o.region, "the read capacity override of %s is replaced by the "
		               "table's value whenever the table's read capacity changes", o.region);
	if (ddbgt_replica_table_class(r) != DDBGT_TABLE_CLASS_UNSET)
		ddbgt__vreport(c, DDBGT_I_REPLICA_OVERRIDE_RESET,
		               ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/table_class", i),
		               o.region, "the table class override of %s is replaced by the "
		               "table's value whenever the table's class changes", o.region);
	/* Overrides come sorted by name (byte order, replica.h), like gsis: one merge walk. */
	for (k = 0, j = 0; k < n && c->status == DDBGT_OK; k++) {
		int cmp = 1;

		o.index = ddbgt_replica_gsi_override_name(r, k);
		while (j < ngsis && (cmp = strcmp(gsis[j].name, o.index)) < 0)
			j++;
		if (!(j < ngsis && cmp == 0)) {
			char buf[512];
			char *heap;
			const char *p;

			ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/global_secondary_indexes", i);
			p = ddbgt__vpath_key(c, buf, sizeof(buf), &heap, path, o.index, "");
			if (p != NULL)
				ddbgt__vreport(c, DDBGT_E_REPLICA_GSI_OVERRIDE_UNKNOWN, p, o.region,
				               "the replica in %s overrides index \"%s\", which the table "
				               "does not have (AWS would ignore it): fix the name or remove "
				               "the override", o.region, o.index);
			ddbgt__free(heap);
			continue;
		}
		/* An override is units or auto scaling, never both: one lookup usually does. */
		o.has_units = ddbgt_replica_get_gsi_read_capacity(r, o.index, &o.units) == DDBGT_OK;
		o.has_as = !o.has_units &&
		           ddbgt_replica_get_gsi_read_autoscaling(r, o.index, &o.min, &o.max,
		                                                  &o.target) == DDBGT_OK;
		check_read_override(c, &o, lim);
		if (ddbgt_replica_get_gsi_on_demand_max_read(r, o.index, &max_read) == DDBGT_OK)
			check_replica_on_demand(c, &o, max_read);
	}
}

void ddbgt__rules_capacity(ddbgt__vctx *c)
{
	size_t ng = ddbgt_table_gsi_count(c->table);
	ddbgt__vname *gsis;
	throughput tp;
	limits lim;
	size_t i;
	int rw;

	memset(&lim, 0, sizeof(lim));
	lim.table_max = quota(c, "table_capacity_max", DEFAULT_TABLE_CAPACITY_MAX);
	lim.account_max = quota(c, "account_capacity_max", DEFAULT_ACCOUNT_CAPACITY_MAX);
	memset(&tp, 0, sizeof(tp));
	tp.base = "/table";
	tp.what = "the table";
	read_table(c->table, &tp);
	check_throughput(c, &tp, &lim);
	gsis = ddbgt__vnames_new(c, ng);
	if (gsis == NULL)
		return;
	for (i = 0; i < ng; i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(c->table, i);
		const char *name = ddbgt_gsi_name(g);

		memset(&tp, 0, sizeof(tp));
		tp.gsi = i;
		tp.name = name != NULL ? name : "";
		read_gsi(g, &tp);
		check_throughput(c, &tp, &lim);
		gsis[i].name = name != NULL ? name : "";
		gsis[i].index = i;
	}
	for (rw = 0; rw < 2; rw++)
		if (lim.sum[rw] > lim.account_max)
			ddbgt__vreport(c, DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA, "/table/capacity", NULL,
			               "the table and its indexes may use %lld %s units together, above "
			               "the account quota of %lld: request a quota increase and set "
			               "policy.quotas.account_capacity_max", (long long)lim.sum[rw],
			               rw_name[rw], (long long)lim.account_max);
	if (c->provisioned && c->strong)
		ddbgt__vreport(c, DDBGT_W_MRSC_PROVISIONED, "/table/billing_mode", NULL,
		               "AWS documents no auto scaling needs of PROVISIONED tables with strong "
		               "consistency: configure write auto scaling as for eventual tables, or "
		               "use PAY_PER_REQUEST");
	/* Sorted GSI names: each replica's overrides are looked up in log time. */
	ddbgt__vnames_sort(gsis, ng);
	for (i = 0; i < c->nreplicas && c->status == DDBGT_OK; i++)
		check_replica(c, i, gsis, ng, &lim);
}

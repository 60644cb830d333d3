/*
 * Recommendations: the same estimator run on altered copies of the table
 * (another table class for one replica; the other billing mode), never a
 * second formula. AWS's own Standard-IA threshold rule is reported next to
 * the exact comparison.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ddbgt/replica.h"
#include "ddbgt/index.h"

#include "alloc.h"
#include "cost_internal.h"
#include "utf8.h"

/* awslabs table_class_optimizer: IA saves 60 % of storage and costs 25 % more throughput. */
#define AWS_STANDARD_TO_IA (0.25 / 0.6)
#define AWS_IA_TO_STANDARD (0.2 / 1.5)
/* The alternative provisioned table scales at CDK's and the console's default target. */
#define DEFAULT_TARGET_PERCENT 70.0
#define DEFAULT_MAX_UNITS 40000

int ddbgt__cost_item_is_throughput(ddbgt_price_item item)
{
	return item <= DDBGT_PRICE_RWCU;
}

static const char *class_name(ddbgt_table_class c)
{
	return ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, (int)c);
}

static const char *mode_name(ddbgt_billing_mode m)
{
	return ddbgt_enum_name(DDBGT_ENUM_BILLING_MODE, (int)m);
}

static size_t find_region(const ddbgt_cost_report *rep, const char *code)
{
	size_t i;

	for (i = 0; i < rep->nregions; i++)
		if (strcmp(rep->regions[i].code, code) == 0)
			return i;
	return (size_t)-1;
}

static int region_complete(const ddbgt_cost_report *rep, size_t reg)
{
	size_t i;

	for (i = 0; i < rep->nlines; i++)
		if (rep->lines[i].region == reg && !rep->lines[i].priced)
			return 0;
	return 1;
}

/* Storage and throughput amounts of a region (reg (size_t)-1: the whole table). */
static void split(const ddbgt_cost_report *rep, size_t reg, int64_t *storage,
                  int64_t *throughput)
{
	size_t i;

	*storage = 0;
	*throughput = 0;
	for (i = 0; i < rep->nlines; i++) {
		const ddbgt__cost_line *l = &rep->lines[i];

		if (reg != (size_t)-1 && l->region != reg)
			continue;
		if (l->item == DDBGT_PRICE_STORAGE)
			*storage += l->amount;
		else if (ddbgt__cost_item_is_throughput(l->item))
			*throughput += l->amount;
	}
}

static ddbgt__cost_rec *new_rec(ddbgt_cost_report *rep)
{
	ddbgt__cost_rec *r;

	if (ddbgt__grow((void **)&rep->recs, &rep->caprecs, rep->nrecs + 1,
	                sizeof(*rep->recs)) != DDBGT_OK)
		return NULL;
	r = &rep->recs[rep->nrecs];
	memset(r, 0, sizeof(*r));
	return r;
}

/*
 * The message quotes the region and the currency, and snprintf may have cut
 * it inside a character to fit its buffer: the report must still serialise.
 */
static int set_message(ddbgt__cost_rec *r, const char *text)
{
	r->message = ddbgt__strdup(text);
	if (r->message == NULL)
		return DDBGT_ENOMEM;
	ddbgt__utf8_scrub(r->message);
	return DDBGT_OK;
}

static int recommend_class(ddbgt_cost_report *rep, ddbgt_table *copy, size_t i,
                           const ddbgt_prices *prices, int free_tier)
{
	ddbgt_replica *r = ddbgt_table_replica_at_mut(copy, i);
	const char *code = ddbgt_replica_region(r);
	ddbgt_table_class raw = ddbgt_replica_table_class(r);
	ddbgt_table_class cur = ddbgt_replica_effective_table_class(r);
	ddbgt_table_class other = cur == DDBGT_TABLE_CLASS_STANDARD
	                                  ? DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS
	                                  : DDBGT_TABLE_CLASS_STANDARD;
	size_t reg = find_region(rep, code), areg;
	ddbgt_cost_report *alt = NULL;
	ddbgt__cost_rec *rec;
	int64_t s, t;
	char msg[512], a[40], b[40], c[40];
	int rc, comparable;

	/* A second replica in one region is the validator's business, not a class choice. */
	if (reg == (size_t)-1 || ddbgt_table_find_replica(copy, code) != r)
		return DDBGT_OK;
	rc = ddbgt_replica_set_table_class(r, other);
	if (rc == DDBGT_OK)
		rc = ddbgt__cost_run(&alt, copy, prices, free_tier, NULL);
	ddbgt_replica_set_table_class(r, raw);
	if (rc != DDBGT_OK)
		return rc;
	rec = new_rec(rep);
	if (!rec) {
		ddbgt_cost_report_free(alt);
		return DDBGT_ENOMEM;
	}
	rec->kind = DDBGT_COST_REC_TABLE_CLASS;
	rec->region = reg;
	rec->current = class_name(cur);
	rec->recommended = rec->current;
	rec->current_nanos = rep->regions[reg].subtotal;
	areg = find_region(alt, code);
	rec->alternative_nanos = areg == (size_t)-1 ? 0 : alt->regions[areg].subtotal;
	split(rep, reg, &s, &t);
	rec->ratio = t > 0 ? (double)s / (double)t : (s > 0 ? HUGE_VAL : 0.0);
	if (cur == DDBGT_TABLE_CLASS_STANDARD)
		rec->aws_rule = class_name(rec->ratio > AWS_STANDARD_TO_IA ? other : cur);
	else
		rec->aws_rule = class_name(rec->ratio < AWS_IA_TO_STANDARD ? other : cur);
	ddbgt__cost_format_cents(a, sizeof(a), rec->current_nanos);
	ddbgt__cost_format_cents(b, sizeof(b), rec->alternative_nanos);
	comparable = areg != (size_t)-1 && region_complete(alt, areg) && region_complete(rep, reg);
	if (!comparable) {
		rec->aws_rule = NULL;
		snprintf(msg, sizeof(msg), "%s: cannot compare table classes: prices are missing "
		         "for %s or %s in this region", code, class_name(cur), class_name(other));
	} else if (rec->alternative_nanos < rec->current_nanos) {
		rec->recommended = class_name(other);
		rec->saving_nanos = rec->current_nanos - rec->alternative_nanos;
		ddbgt__cost_format_cents(c, sizeof(c), rec->saving_nanos);
		snprintf(msg, sizeof(msg), "%s: %s saves %s %s a month (%s instead of %s)%s", code,
		         rec->recommended, c, rep->currency, b, a,
		         other == DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS &&
		                 ddbgt_replica_effective_role(r) == DDBGT_ROLE_STANDBY
		             ? "; a standby replica with little traffic is the textbook "
		               "Standard-IA case"
		             : "");
	} else {
		snprintf(msg, sizeof(msg), "%s: %s is the cheaper class (%s would cost %s %s a "
		         "month instead of %s)", code, rec->current, class_name(other), b,
		         rep->currency, a);
	}
	ddbgt_cost_report_free(alt);
	rep->nrecs++;
	if (comparable && isfinite(rec->ratio)) {
		size_t len = strlen(msg);

		snprintf(msg + len, sizeof(msg) - len, "; storage is %.2f of throughput cost, "
		         "AWS's rule (%s %.2f) says %s", rec->ratio,
		         cur == DDBGT_TABLE_CLASS_STANDARD ? "Standard-IA above"
		                                           : "back to Standard below",
		         cur == DDBGT_TABLE_CLASS_STANDARD ? AWS_STANDARD_TO_IA : AWS_IA_TO_STANDARD,
		         rec->aws_rule);
	}
	return set_message(rec, msg);
}

/* Drop every capacity setting, so that the estimator prices the demand itself. */
static void strip_capacity(ddbgt_table *t)
{
	size_t i, n = ddbgt_table_gsi_count(t);
	int rw;

	for (rw = DDBGT_READ; rw <= DDBGT_WRITE; rw++) {
		ddbgt_table_clear_capacity(t, (ddbgt_rw)rw);
		ddbgt_table_clear_autoscaling(t, (ddbgt_rw)rw);
		for (i = 0; i < n; i++) {
			ddbgt_gsi_clear_capacity(ddbgt_table_gsi_at_mut(t, i), (ddbgt_rw)rw);
			ddbgt_gsi_clear_autoscaling(ddbgt_table_gsi_at_mut(t, i), (ddbgt_rw)rw);
		}
	}
	for (i = 0; i < ddbgt_table_replica_count(t); i++) {
		ddbgt_replica *r = ddbgt_table_replica_at_mut(t, i);

		ddbgt_replica_clear_read_capacity(r);
		while (ddbgt_replica_gsi_override_count(r) > 0)
			ddbgt_replica_remove_gsi_override(r, ddbgt_replica_gsi_override_name(r, 0));
	}
}

static int autoscale_everything(ddbgt_table *t)
{
	size_t i, n = ddbgt_table_gsi_count(t);
	int rw, rc = DDBGT_OK;

	for (rw = DDBGT_READ; rw <= DDBGT_WRITE && rc == DDBGT_OK; rw++) {
		rc = ddbgt_table_set_autoscaling(t, (ddbgt_rw)rw, 1, DEFAULT_MAX_UNITS,
		                                 DEFAULT_TARGET_PERCENT);
		for (i = 0; i < n && rc == DDBGT_OK; i++)
			rc = ddbgt_gsi_set_autoscaling(ddbgt_table_gsi_at_mut(t, i), (ddbgt_rw)rw, 1,
			                               DEFAULT_MAX_UNITS, DEFAULT_TARGET_PERCENT);
	}
	return rc;
}

static int64_t throughput(const ddbgt_cost_report *rep)
{
	int64_t s, t;

	split(rep, (size_t)-1, &s, &t);
	return t;
}

static int recommend_billing(ddbgt_cost_report *rep, ddbgt_table *copy,
                             const ddbgt_prices *prices, int free_tier)
{
	ddbgt_billing_mode cur = ddbgt_table_billing_mode(copy);
	ddbgt_cost_report *p100 = NULL, *alt = NULL;
	const ddbgt_cost_report *od, *prov;
	ddbgt__cost_rec *rec;
	char msg[512], a[40], b[40], c[40];
	int rc, complete;

	/* Provisioned at exactly the demand: the throughput bill at 100 % utilisation. */
	strip_capacity(copy);
	rc = ddbgt_table_set_billing_mode(copy, DDBGT_BILLING_PROVISIONED);
	if (rc == DDBGT_OK)
		rc = ddbgt__cost_run(&p100, copy, prices, free_tier, NULL);
	if (rc == DDBGT_OK) {
		if (cur == DDBGT_BILLING_PROVISIONED)
			rc = ddbgt_table_set_billing_mode(copy, DDBGT_BILLING_PAY_PER_REQUEST);
		else
			rc = autoscale_everything(copy);
	}
	if (rc == DDBGT_OK)
		rc = ddbgt__cost_run(&alt, copy, prices, free_tier, NULL);
	if (rc == DDBGT_OK && !(rec = new_rec(rep)))
		rc = DDBGT_ENOMEM;
	if (rc != DDBGT_OK) {
		ddbgt_cost_report_free(p100);
		ddbgt_cost_report_free(alt);
		return rc;
	}
	od = cur == DDBGT_BILLING_PROVISIONED ? alt : rep;
	prov = cur == DDBGT_BILLING_PROVISIONED ? rep : alt;
	rec->kind = DDBGT_COST_REC_BILLING_MODE;
	rec->region = (size_t)-1;
	rec->current = mode_name(cur);
	rec->recommended = rec->current;
	rec->current_nanos = rep->total;
	rec->alternative_nanos = alt->total;
	rec->ratio = throughput(od) > 0 ? (double)throughput(p100) / (double)throughput(od) : 0.0;
	complete = rep->complete && alt->complete && p100->complete;
	if (complete && rec->alternative_nanos < rec->current_nanos) {
		rec->recommended = mode_name(cur == DDBGT_BILLING_PROVISIONED
		                                 ? DDBGT_BILLING_PAY_PER_REQUEST
		                                 : DDBGT_BILLING_PROVISIONED);
		rec->saving_nanos = rec->current_nanos - rec->alternative_nanos;
	}
	ddbgt__cost_format_cents(a, sizeof(a), od->total);
	ddbgt__cost_format_cents(b, sizeof(b), prov->total);
	ddbgt__cost_format_cents(c, sizeof(c), rec->saving_nanos);
	if (!complete)
		snprintf(msg, sizeof(msg), "billing mode: cannot compare on-demand and provisioned: "
		         "prices are missing");
	else if (throughput(od) == 0)
		snprintf(msg, sizeof(msg), "billing mode: the usage profile has no requests; "
		         "on-demand bills nothing for an idle table");
	else
		snprintf(msg, sizeof(msg), "billing mode: %s (on-demand %s %s, provisioned %s %s a "
		         "month%s); provisioned is cheaper while average utilisation of its capacity "
		         "stays above %.0f %%%s%s%s%s", rec->recommended, a, rep->currency, b,
		         rep->currency, cur == DDBGT_BILLING_PROVISIONED ? " as configured"
		                                                        : " at 70 % target",
		         rec->ratio * 100.0, rec->saving_nanos ? "; saves " : "",
		         rec->saving_nanos ? c : "", rec->saving_nanos ? " " : "",
		         rec->saving_nanos ? rep->currency : "");
	ddbgt_cost_report_free(p100);
	ddbgt_cost_report_free(alt);
	rep->nrecs++;
	return set_message(rec, msg);
}

int ddbgt__cost_recommend(ddbgt_cost_report *rep, const ddbgt_table *table,
                          const ddbgt_prices *prices, int free_tier)
{
	ddbgt_table *copy;
	size_t i, n = ddbgt_table_replica_count(table);
	int rc;

	if (n == 0)
		return DDBGT_OK;
	rc = ddbgt_table_copy(&copy, table);
	if (rc != DDBGT_OK)
		return rc;
	for (i = 0; i < n && rc == DDBGT_OK; i++)
		rc = recommend_class(rep, copy, i, prices, free_tier);
	if (rc == DDBGT_OK)
		rc = recommend_billing(rep, copy, prices, free_tier);
	ddbgt_table_free(copy);
	return rc;
}

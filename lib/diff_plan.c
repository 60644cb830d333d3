/*
 * The plan of a change list: the allowed changes grouped into steps, in an
 * order AWS accepts. UpdateTable takes one GSI creation or deletion per
 * call, and the next call only once the new index backfills; replica
 * creations and deletions go alone in their call; a switch to provisioned
 * capacity carries every GSI's capacity in the same call. The count of
 * UpdateTable calls is an upper bound: each step is its own call.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/replica.h"
#include "diff_internal.h"

struct step_kind {
	ddbgt__diff_step kind;
	int per_group;          /* one step per GSI or region, else one for the table */
	const char *api;
	size_t calls;           /* UpdateTable calls of one step */
	const char *action;     /* %s: the GSI or region when per_group */
};

static const struct step_kind kinds[] = {
	{DDBGT__STEP_LEGACY_UPGRADE, 0, "console", 0,
	 "upgrade the global table to version 2019.11.21 (DynamoDB console, permission "
	 "dynamodb:UpdateGlobalTableVersion) and wait until every replica is ACTIVE"},
	{DDBGT__STEP_REPLICA_REMOVE, 1, "UpdateTable", 1,
	 "delete the replica in %s (ReplicaUpdates Delete, alone in its call) and wait until the "
	 "table is ACTIVE"},
	{DDBGT__STEP_TABLE_THROUGHPUT, 0, "UpdateTable", 1,
	 "change the billing mode and throughput of the table (and of its GSIs with a billing "
	 "mode switch) in one call"},
	{DDBGT__STEP_STREAM, 0, "UpdateTable", 1, "change the stream"},
	{DDBGT__STEP_ENCRYPTION, 0, "UpdateTable", 1, "change the encryption (SSESpecification)"},
	{DDBGT__STEP_GSI_DELETE, 1, "UpdateTable", 1, "delete GSI %s"},
	{DDBGT__STEP_GSI_UPDATE, 1, "UpdateTable", 1, "update the throughput of GSI %s"},
	{DDBGT__STEP_GSI_CREATE, 1, "UpdateTable", 1,
	 "create GSI %s and wait until its backfill ends before the next call"},
	{DDBGT__STEP_REPLICA_ADD, 1, "UpdateTable", 1,
	 "create the replica in %s (ReplicaUpdates Create, alone in its call) and wait until it "
	 "is ACTIVE"},
	{DDBGT__STEP_REPLICA_SETTINGS, 1, "UpdateTable", 1,
	 "update the settings of the replica in %s (table class, read capacity overrides)"},
	{DDBGT__STEP_AUTOSCALING, 0, "UpdateTableReplicaAutoScaling", 0,
	 "update the auto scaling settings"},
	{DDBGT__STEP_TTL, 0, "UpdateTimeToLive", 0, "change time to live"},
	{DDBGT__STEP_PITR, 1, "UpdateContinuousBackups", 0,
	 "update point-in-time recovery in %s"},
	{DDBGT__STEP_DELETION_PROTECTION, 1, "UpdateTable", 1,
	 "set deletion protection in %s (UpdateTable in that region)"},
	{DDBGT__STEP_CONTRIBUTOR_INSIGHTS, 1, "UpdateContributorInsights", 0,
	 "update Contributor Insights in %s"},
	{DDBGT__STEP_TAGS, 1, "TagResource", 0, "update the tags in %s (TagResource, UntagResource)"},
	{DDBGT__STEP_KINESIS, 1, "EnableKinesisStreamingDestination", 0,
	 "update the Kinesis streaming destination in %s (Enable, Disable or "
	 "UpdateKinesisStreamingDestination)"},
	{DDBGT__STEP_RESOURCE_POLICY, 1, "PutResourcePolicy", 0,
	 "put or delete the resource policies of the table and stream in %s (PutResourcePolicy, "
	 "DeleteResourcePolicy)"},
	{DDBGT__STEP_OPERATIONS, 0, "deployment", 0,
	 "apply the operations resources (CloudWatch alarms and dashboard, IAM policies, KMS key "
	 "policies, VPC endpoints) with the deployment tool; the table is not touched"},
};

static ddbgt__diff_step rule_step(const struct ddbgt__change *x)
{
	return ddbgt__diff_rule_get(x->rule)->step;
}

static int has_rule(const ddbgt_changes *ch, ddbgt__diff_rule_id a, ddbgt__diff_rule_id b,
                    const char *group)
{
	for (size_t i = 0; i < ch->count; i++)
		if ((ch->items[i].rule == a || ch->items[i].rule == b) &&
		    (!group || (ch->items[i].group && strcmp(ch->items[i].group, group) == 0)))
			return 1;
	return 0;
}

/*
 * Whether change x goes into a step of kind: its rule's step, except that a
 * GSI rebuild is a deletion and a creation, the throughput of a rebuilt GSI
 * goes with its creation, and a billing mode switch takes the GSIs' throughput.
 */
static int belongs(const ddbgt_changes *ch, const struct ddbgt__change *x, ddbgt__diff_step kind,
                   int switching)
{
	ddbgt__diff_step own = rule_step(x);
	int rebuilt = own == DDBGT__STEP_GSI_UPDATE &&
	              has_rule(ch, DDBGT__RULE_GSI_REBUILD, DDBGT__RULE_GSI_REBUILD, x->group);
	switch (kind) {
	case DDBGT__STEP_GSI_DELETE:
		return own == kind || x->rule == DDBGT__RULE_GSI_REBUILD;
	case DDBGT__STEP_GSI_UPDATE:
		return own == kind && !rebuilt && !switching;
	case DDBGT__STEP_TABLE_THROUGHPUT:
		return own == kind || (own == DDBGT__STEP_GSI_UPDATE && switching && !rebuilt);
	case DDBGT__STEP_GSI_CREATE:
		return own == kind || (own == DDBGT__STEP_GSI_UPDATE && rebuilt);
	default:
		return own == kind;
	}
}

static struct ddbgt__step *find_or_add_step(ddbgt_changes *ch, size_t from,
                                            const struct step_kind *k, const char *group)
{
	for (size_t s = from; s < ch->step_count; s++) {
		const char *g = ch->items[ch->steps[s].changes[0]].group;
		if (!k->per_group || (g && group && strcmp(g, group) == 0))
			return &ch->steps[s];
	}
	if (ddbgt__grow((void **)&ch->steps, &ch->step_cap, ch->step_count + 1, sizeof ch->steps[0]))
		return NULL;
	struct ddbgt__step *st = &ch->steps[ch->step_count++];
	memset(st, 0, sizeof *st);
	st->kind = k->kind;
	st->api = k->api;
	st->calls = k->calls;
	return st;
}

static int push_change(struct ddbgt__step *st, size_t i)
{
	size_t *grown = ddbgt__realloc(st->changes, (st->change_count + 1) * sizeof *grown);
	if (!grown)
		return DDBGT_ENOMEM;
	st->changes = grown;
	st->changes[st->change_count++] = i;
	return DDBGT_OK;
}

/* The action text and call count that depend on the change itself. */
static int finish_step(ddbgt_changes *ch, struct ddbgt__step *st, const struct step_kind *k,
                       const ddbgt_table *old_table, const ddbgt_table *new_table)
{
	const struct ddbgt__change *first = &ch->items[st->changes[0]];
	const char *group = first->group ? first->group : "";
	char text[512];
	snprintf(text, sizeof text, k->per_group ? k->action : "%s", k->per_group ? group : k->action);
	if (st->kind == DDBGT__STEP_REPLICA_REMOVE &&
	    ddbgt_replica_effective_deletion_protection(ddbgt_table_find_replica(old_table, group))) {
		st->calls++;
		snprintf(text, sizeof text,
		         "turn deletion protection off in %s (UpdateTable in that region), then delete "
		         "the replica (ReplicaUpdates Delete, alone in its call) and wait until the "
		         "table is ACTIVE", group);
	} else if (st->kind == DDBGT__STEP_STREAM && ddbgt_table_stream_enabled(old_table) &&
	           ddbgt_table_stream_enabled(new_table)) {
		st->calls = 2;
		snprintf(text, sizeof text,
		         "disable the stream, wait until the table is ACTIVE, then enable it with view "
		         "type %s (a new stream ARN)",
		         ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, ddbgt_table_stream_view(new_table)));
	} else if (st->kind == DDBGT__STEP_TTL && first->rule == DDBGT__RULE_TTL_RENAME) {
		snprintf(text, sizeof text,
		         "disable time to live on %s, wait until the change ends (up to an hour), then "
		         "enable it on %s", ddbgt_table_ttl_attribute(old_table),
		         ddbgt_table_ttl_attribute(new_table));
	} else if (st->kind == DDBGT__STEP_TTL) {
		const char *attr = ddbgt_table_ttl_attribute(new_table);
		if (attr)
			snprintf(text, sizeof text, "enable time to live on %s", attr);
		else
			snprintf(text, sizeof text, "disable time to live on %s",
			         ddbgt_table_ttl_attribute(old_table));
	}
	st->action = ddbgt__strdup(text);
	return st->action ? DDBGT_OK : DDBGT_ENOMEM;
}

int ddbgt__diff_plan(ddbgt_changes *ch, const ddbgt_table *old_table,
                     const ddbgt_table *new_table)
{
	int switching = has_rule(ch, DDBGT__RULE_BILLING_TO_ON_DEMAND,
	                         DDBGT__RULE_BILLING_TO_PROVISIONED, NULL);
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		size_t from = ch->step_count;
		for (size_t i = 0; i < ch->count; i++) {
			if (!belongs(ch, &ch->items[i], kinds[k].kind, switching))
				continue;
			struct ddbgt__step *st = find_or_add_step(ch, from, &kinds[k], ch->items[i].group);
			if (!st || push_change(st, i))
				return DDBGT_ENOMEM;
		}
		for (size_t s = from; s < ch->step_count; s++)
			if (finish_step(ch, &ch->steps[s], &kinds[k], old_table, new_table))
				return DDBGT_ENOMEM;
	}
	return DDBGT_OK;
}

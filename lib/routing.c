/*
 * Routing metadata: per replica, what an application needs to reach it and
 * in which order to fail over. ARN formats are the Service Authorization
 * Reference's (arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName},
 * streams under .../stream/${StreamLabel}); the account and stream label are
 * left as placeholders because the spec does not know them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddbgt/replica.h"
#include "alloc.h"
#include "helpers_internal.h"
#include "jsonwrite.h"

typedef struct route {
	char *region;
	ddbgt_member_role role;
	const char *partition; /* the catalogue's or a literal */
	char *endpoint;
	char *table_arn;
	char *stream_arn;
	double distance_km;
	size_t spec_index;
} route;

struct ddbgt_routing {
	char *table;
	char *witness;
	ddbgt_consistency consistency;
	route *routes;
	size_t count;
};

void ddbgt_routing_free(ddbgt_routing *routing)
{
	size_t i;

	if (!routing)
		return;
	for (i = 0; i < routing->count; i++) {
		ddbgt__free(routing->routes[i].region);
		ddbgt__free(routing->routes[i].endpoint);
		ddbgt__free(routing->routes[i].table_arn);
		ddbgt__free(routing->routes[i].stream_arn);
	}
	ddbgt__free(routing->routes);
	ddbgt__free(routing->table);
	ddbgt__free(routing->witness);
	ddbgt__free(routing);
}

static char *concat(const char *a, const char *b, const char *c, const char *d, const char *e,
                    const char *f)
{
	const char *parts[6];
	size_t len = 0, i;
	char *s;

	parts[0] = a, parts[1] = b, parts[2] = c, parts[3] = d, parts[4] = e, parts[5] = f;
	for (i = 0; i < 6; i++)
		len += strlen(parts[i]);
	s = ddbgt__malloc(len + 1);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (i = 0; i < 6; i++)
		strcat(s, parts[i]);
	return s;
}

/* The DNS suffix of a partition's public endpoints; NULL for the isolated ones. */
static const char *dns_suffix(const char *partition)
{
	if (strcmp(partition, "aws") == 0 || strcmp(partition, "aws-us-gov") == 0)
		return "amazonaws.com";
	if (strcmp(partition, "aws-cn") == 0)
		return "amazonaws.com.cn";
	return NULL;
}

/* Serving replicas before standbys; each group nearest first; unknown distances last. */
static int route_cmp(const void *pa, const void *pb)
{
	const route *a = pa, *b = pb;
	int ga = a->role == DDBGT_MEMBER_PRIMARY ? 0 : a->role == DDBGT_MEMBER_STANDBY ? 2 : 1;
	int gb = b->role == DDBGT_MEMBER_PRIMARY ? 0 : b->role == DDBGT_MEMBER_STANDBY ? 2 : 1;

	if (ga != gb)
		return ga - gb;
	if ((a->distance_km < 0) != (b->distance_km < 0))
		return a->distance_km < 0 ? 1 : -1;
	if (a->distance_km != b->distance_km)
		return a->distance_km < b->distance_km ? -1 : 1;
	return a->spec_index < b->spec_index ? -1 : a->spec_index > b->spec_index;
}

static int fill_route(route *rt, const ddbgt_table *table, size_t spec_index,
                      const char *primary_region, const char *name, int stream)
{
	const ddbgt_replica *r = ddbgt_table_replica_at(table, spec_index);
	const char *suffix;

	rt->spec_index = spec_index;
	rt->region = ddbgt__strdup(ddbgt_replica_region(r));
	if (!rt->region)
		return DDBGT_ENOMEM;
	rt->role = ddbgt__member_role(table, spec_index);
	rt->partition = ddbgt__region_partition(rt->region);
	rt->distance_km = rt->role == DDBGT_MEMBER_PRIMARY
	                          ? 0.0
	                          : ddbgt__region_distance_km(primary_region, rt->region);
	suffix = dns_suffix(rt->partition);
	if (suffix) {
		rt->endpoint = concat("https://dynamodb.", rt->region, ".", suffix, "", "");
		if (!rt->endpoint)
			return DDBGT_ENOMEM;
	}
	rt->table_arn = concat("arn:", rt->partition, ":dynamodb:", rt->region,
	                       ":${AccountId}:table/", name);
	if (!rt->table_arn)
		return DDBGT_ENOMEM;
	if (stream) {
		rt->stream_arn = concat(rt->table_arn, "/stream/${StreamLabel}", "", "", "", "");
		if (!rt->stream_arn)
			return DDBGT_ENOMEM;
	}
	return DDBGT_OK;
}

int ddbgt_routing_new(ddbgt_routing **out, const ddbgt_table *table)
{
	const ddbgt_replica *primary;
	const char *name, *witness;
	ddbgt_routing *rt;
	size_t n, i;
	int rc = DDBGT_OK;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!table)
		return DDBGT_EINVAL;
	n = ddbgt_table_replica_count(table);
	primary = ddbgt__leader(table);
	name = ddbgt_table_name(table) ? ddbgt_table_name(table) : "${TableName}";
	witness = ddbgt_table_witness_region(table);
	rt = ddbgt__calloc(1, sizeof *rt);
	if (!rt)
		return DDBGT_ENOMEM;
	rt->consistency = ddbgt_table_consistency(table);
	rt->table = ddbgt__strdup(name);
	if (!rt->table || (witness && !(rt->witness = ddbgt__strdup(witness))))
		rc = DDBGT_ENOMEM;
	if (!rc && n > 0 && !(rt->routes = ddbgt__calloc(n, sizeof *rt->routes)))
		rc = DDBGT_ENOMEM;
	for (i = 0; !rc && i < n; i++) {
		rt->count++;
		rc = fill_route(&rt->routes[i], table, i, ddbgt_replica_region(primary), name,
		                ddbgt_table_stream_enabled(table));
	}
	if (rc) {
		ddbgt_routing_free(rt);
		return rc;
	}
	if (n > 1)
		qsort(rt->routes, n, sizeof *rt->routes, route_cmp);
	*out = rt;
	return DDBGT_OK;
}

static const route *route_at(const ddbgt_routing *routing, size_t i)
{
	return routing && i < routing->count ? &routing->routes[i] : NULL;
}

size_t ddbgt_routing_count(const ddbgt_routing *routing)
{
	return routing ? routing->count : 0;
}

const char *ddbgt_routing_region_at(const ddbgt_routing *routing, size_t i)
{
	const route *r = route_at(routing, i);

	return r ? r->region : NULL;
}

ddbgt_member_role ddbgt_routing_role_at(const ddbgt_routing *routing, size_t i)
{
	const route *r = route_at(routing, i);

	return r ? r->role : DDBGT_MEMBER_NONE;
}

int ddbgt_routing_serves_traffic_at(const ddbgt_routing *routing, size_t i)
{
	const route *r = route_at(routing, i);

	return r && r->role != DDBGT_MEMBER_STANDBY;
}

const char *ddbgt_routing_partition_at(const ddbgt_routing *routing, size_t i)
{
	const route *r = route_at(routing, i);

	return r ? r->partition : NULL;
}

const char *ddbgt_routing_endpoint_at(const ddbgt_routing *routing, size_t i)
{
	const route *r = route_at(routing, i);

	return r ? r->endpoint : NULL;
}

const char *ddbgt_routing_table_arn_at(const ddbgt_routing *routing, size_t i)
{
	const route *r = route_at(routing, i);

	return r ? r->table_arn : NULL;
}

const char *ddbgt_routing_stream_arn_at(const ddbgt_routing *routing, size_t i)
{
	const route *r = route_at(routing, i);

	return r ? r->stream_arn : NULL;
}

double ddbgt_routing_distance_km_at(const ddbgt_routing *routing, size_t i)
{
	const route *r = route_at(routing, i);

	return r ? r->distance_km : -1.0;
}

const char *ddbgt_routing_witness(const ddbgt_routing *routing)
{
	return routing ? routing->witness : NULL;
}

int ddbgt_routing_to_json(char **out, const ddbgt_routing *routing)
{
	jw w;
	size_t i;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!routing)
		return DDBGT_EINVAL;
	ddbgt__jw_init(&w, 0, 256 + 512 * routing->count);
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "table");
	ddbgt__jw_string(&w, routing->table);
	ddbgt__jw_key(&w, "consistency");
	ddbgt__jw_string_or_null(&w, ddbgt_enum_name(DDBGT_ENUM_CONSISTENCY, routing->consistency));
	ddbgt__jw_key(&w, "witness");
	ddbgt__jw_string_or_null(&w, routing->witness);
	ddbgt__jw_key(&w, "failover_order");
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < routing->count; i++)
		ddbgt__jw_string(&w, routing->routes[i].region);
	ddbgt__jw_array_end(&w);
	ddbgt__jw_key(&w, "regions");
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < routing->count; i++) {
		const route *r = &routing->routes[i];

		ddbgt__jw_object_begin(&w);
		ddbgt__jw_key(&w, "region");
		ddbgt__jw_string(&w, r->region);
		ddbgt__jw_key(&w, "role");
		ddbgt__jw_string(&w, ddbgt_member_role_name(r->role));
		ddbgt__jw_key(&w, "failover_rank");
		ddbgt__jw_int(&w, (int64_t)i);
		ddbgt__jw_key(&w, "serves_traffic");
		ddbgt__jw_bool(&w, r->role != DDBGT_MEMBER_STANDBY);
		ddbgt__jw_key(&w, "partition");
		ddbgt__jw_string(&w, r->partition);
		ddbgt__jw_key(&w, "endpoint");
		ddbgt__jw_string_or_null(&w, r->endpoint);
		ddbgt__jw_key(&w, "table_arn");
		ddbgt__jw_string(&w, r->table_arn);
		ddbgt__jw_key(&w, "stream_arn");
		ddbgt__jw_string_or_null(&w, r->stream_arn);
		/* Whole kilometres: enough for routing, and stable bytes across libm versions. */
		ddbgt__jw_key(&w, "distance_km_from_primary");
		if (r->distance_km < 0)
			ddbgt__jw_null(&w);
		else
			ddbgt__jw_int(&w, (int64_t)(r->distance_km + 0.5));
		ddbgt__jw_object_end(&w);
	}
	ddbgt__jw_array_end(&w);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}

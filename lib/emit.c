/*
 * The public emit calls and what the Terraform targets share: options,
 * labels, regions and providers, capacities and autoscaling, tags, keys and
 * indexes, KMS lookups, imports. See emit_internal.h for the two passes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "fileio.h"
#include "ddbgt/policy.h"
#include "emit_internal.h"

/* Generated documents of the example specs are 2-20 KB. */
#define EMIT_SIZE_HINT 8192

DDBGT_API int ddbgt_emit_options_init(ddbgt_emit_options *opts, unsigned version)
{
	if (!opts)
		return DDBGT_EINVAL;
	if (version != DDBGT_EMIT_OPTIONS_VERSION)
		return DDBGT_EUNSUPPORTED;
	static const ddbgt_emit_options defaults = DDBGT_EMIT_OPTIONS_INIT;
	*opts = defaults;
	return DDBGT_OK;
}

static const struct {
	int target;
	const char *name;
} target_names[] = {
	{DDBGT_EMIT_TERRAFORM, "terraform"},
	{DDBGT_EMIT_TERRAFORM_LEGACY, "terraform-legacy"},
};

DDBGT_API const char *ddbgt_emit_target_name(int target)
{
	for (size_t i = 0; i < sizeof target_names / sizeof target_names[0]; i++)
		if (target_names[i].target == target)
			return target_names[i].name;
	return NULL;
}

DDBGT_API int ddbgt_emit_target_parse(const char *name, int *out)
{
	if (!name || !out)
		return DDBGT_EINVAL;
	for (size_t i = 0; i < sizeof target_names / sizeof target_names[0]; i++)
		if (strcmp(target_names[i].name, name) == 0) {
			*out = target_names[i].target;
			return DDBGT_OK;
		}
	return DDBGT_ENOTFOUND;
}

/* ---- small shared helpers ---- */

static void ctx_fail(ddbgt__emit_ctx *ctx, int status)
{
	if (!ctx->status)
		ctx->status = status;
}

void ddbgt__emit_finding(ddbgt__emit_ctx *ctx, ddbgt_code code, const char *path,
                         const char *region, const char *fmt, ...)
{
	/* The spec's policy may change the severity of an emitter finding, as of any rule. */
	ddbgt_severity sev = ddbgt_code_severity(code), override;
	if (ddbgt_policy_get_severity(ddbgt_table_policy(ctx->t), ddbgt_code_name(code),
	                              &override) == DDBGT_OK)
		sev = override;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (ddbgt__diag_add_sevf(ctx->findings, code, sev, path, region, "%s", msg))
		ctx_fail(ctx, DDBGT_ENOMEM);
}

void ddbgt__emit_need(ddbgt__emit_ctx *ctx, int major, int minor, const char *feature)
{
	if (major > ctx->floor_major || (major == ctx->floor_major && minor > ctx->floor_minor)) {
		ctx->floor_major = major;
		ctx->floor_minor = minor;
		ctx->floor_feature = feature;
	}
}

void ddbgt__emit_label(ddbgt__emit_ctx *ctx, char *buf, const char *fmt, ...)
{
	/* Only "%s": labels are made for every resource, and vsnprintf was a third of an emit. */
	va_list ap;
	va_start(ap, fmt);
	size_t n = 0;
	int ok = 1;
	for (const char *f = fmt; *f && ok; f++) {
		if (f[0] == '%' && f[1] == 's') {
			const char *s = va_arg(ap, const char *);
			size_t len = strlen(s);
			ok = len < DDBGT__EMIT_LABEL_MAX - n;
			if (ok) {
				memcpy(buf + n, s, len);
				n += len;
			}
			f++;
		} else {
			ok = n + 1 < DDBGT__EMIT_LABEL_MAX;
			if (ok)
				buf[n++] = *f;
		}
	}
	va_end(ap);
	buf[ok ? n : 0] = '\0';
	if (!ok)
		ctx_fail(ctx, DDBGT_EINVAL);
}

const ddbgt_replica *ddbgt__emit_replica(const ddbgt__emit_ctx *ctx, size_t i)
{
	return ddbgt_table_replica_at(ctx->t, i);
}

void ddbgt__emit_provider_kv(ddbgt__emit_ctx *ctx, size_t replica)
{
	if (ctx->provider[replica])
		ddbgt__tfjson_kv_literal(&ctx->w, "provider", ctx->provider[replica]);
}

/* The aliases and provider references of every region, made once per emit. */
static int make_region_names(ddbgt__emit_ctx *ctx)
{
	size_t size = 2 * ctx->nrep * sizeof(char *);
	for (size_t i = 0; i < ctx->nrep; i++)
		size += 2 * strlen(ddbgt_replica_region(ddbgt__emit_replica(ctx, i))) + 6;
	char *block = ddbgt__malloc(size);
	if (!block)
		return DDBGT_ENOMEM;
	ctx->alias = (const char **)(void *)block;
	ctx->provider = ctx->alias + ctx->nrep;
	char *o = block + 2 * ctx->nrep * sizeof(char *);
	for (size_t i = 0; i < ctx->nrep; i++) {
		const char *region = ddbgt_replica_region(ddbgt__emit_replica(ctx, i));
		size_t n = strlen(region);
		char *alias = o + 4;
		memcpy(o, "aws.", 4);
		for (size_t k = 0; k < n; k++)
			alias[k] = region[k] == '-' ? '_' : region[k];
		alias[n] = '\0';
		ctx->alias[i] = alias;
		ctx->provider[i] = i == ctx->primary ? NULL : o;
		o += n + 5;
	}
	return DDBGT_OK;
}

/* ^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$: the shape the emitters turn into provider aliases. */
int ddbgt__emit_region_shaped(const char *r)
{
	size_t parts = 0, len = 0;
	int letters = 1, digits = 1;
	for (const char *p = r;; p++) {
		if (*p == '-' || *p == '\0') {
			/* The first part is two letters, the middle ones letters, the last 1-2 digits. */
			if (len == 0 || (parts == 0 && (len != 2 || !letters)))
				return 0;
			if (*p == '\0')
				return parts >= 2 && digits && len <= 2;
			if (parts > 0 && !letters)
				return 0;
			parts++;
			len = 0;
			letters = digits = 1;
			continue;
		}
		letters &= *p >= 'a' && *p <= 'z';
		digits &= *p >= '0' && *p <= '9';
		len++;
	}
}

/* A Terraform identifier from a name: [A-Za-z0-9_] kept, all else '_', no leading digit. */
static void identifier(char *buf, size_t size, const char *name)
{
	size_t n = 0;
	if (name[0] >= '0' && name[0] <= '9' && size > 3) {
		memcpy(buf, "t_", 2);
		n = 2;
	}
	for (size_t i = 0; name[i] && n + 1 < size; i++) {
		unsigned char c = (unsigned char)name[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		         c == '_';
		buf[n++] = ok ? (char)c : '_';
	}
	buf[n] = '\0';
}

static int valid_identifier(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 255)
		return 0;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
		return 0;
	for (size_t i = 1; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

/* ---- capacity ---- */

/* A read or write capacity setting as one region sees it. */
struct capacity {
	enum { EMIT_CAP_NONE, EMIT_CAP_UNITS, EMIT_CAP_AUTOSCALING } kind;
	int has_units; /* units is set (for autoscaling: the initial capacity) */
	int64_t units;
	int64_t min, max;
	double target;
};

/* Read or write capacity in a region for the table (gsi NULL) or a GSI. */
static void capacity_of(const ddbgt__emit_ctx *ctx, const ddbgt_replica *replica,
                        const ddbgt_gsi *gsi, ddbgt_rw rw, struct capacity *out)
{
	memset(out, 0, sizeof *out);
	out->kind = EMIT_CAP_NONE;
	if (rw == DDBGT_READ && replica) {
		const char *g = gsi ? ddbgt_gsi_name(gsi) : NULL;
		int found = g ? ddbgt_replica_get_gsi_read_autoscaling(replica, g, &out->min, &out->max,
		                                                       &out->target)
		              : ddbgt_replica_get_read_autoscaling(replica, &out->min, &out->max,
		                                                   &out->target);
		if (found == DDBGT_OK) {
			out->kind = EMIT_CAP_AUTOSCALING;
			return;
		}
		found = g ? ddbgt_replica_get_gsi_read_capacity(replica, g, &out->units)
		          : ddbgt_replica_get_read_capacity(replica, &out->units);
		if (found == DDBGT_OK) {
			out->kind = EMIT_CAP_UNITS;
			out->has_units = 1;
			return;
		}
	}
	int has_auto = gsi ? ddbgt_gsi_get_autoscaling(gsi, rw, &out->min, &out->max, &out->target)
	                   : ddbgt_table_get_autoscaling(ctx->t, rw, &out->min, &out->max,
	                                                 &out->target);
	out->has_units = (gsi ? ddbgt_gsi_get_capacity(gsi, rw, &out->units)
	                      : ddbgt_table_get_capacity(ctx->t, rw, &out->units)) == DDBGT_OK;
	if (has_auto == DDBGT_OK)
		out->kind = EMIT_CAP_AUTOSCALING;
	else if (out->has_units)
		out->kind = EMIT_CAP_UNITS;
}

/* The units to declare on a table or GSI block: the units, else the autoscaling minimum. */
static int64_t declared_units(const struct capacity *cap)
{
	if (cap->has_units)
		return cap->units;
	return cap->kind == EMIT_CAP_AUTOSCALING ? cap->min : 0;
}

static void add_scaling(ddbgt__emit_ctx *ctx, size_t replica, long gsi, ddbgt_rw rw,
                        const struct capacity *cap, int pinned)
{
	if (ddbgt__grow((void **)&ctx->scaling, &ctx->capscaling, ctx->nscaling + 1,
	                sizeof *ctx->scaling)) {
		ctx_fail(ctx, DDBGT_ENOMEM);
		return;
	}
	ddbgt__emit_scaling *s = &ctx->scaling[ctx->nscaling++];
	s->replica = replica;
	s->gsi = gsi;
	s->rw = rw;
	s->pinned = pinned;
	s->min = pinned ? cap->units : cap->min;
	s->max = pinned ? cap->units : cap->max;
	s->target = pinned ? 0 : cap->target;
}

/* ---- the header ---- */

static void write_comment(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	char head[400];
	snprintf(head, sizeof head,
	         "Generated by libddbgt (target %s) from the spec of table %s. Change the spec and "
	         "generate again rather than editing this file.",
	         ddbgt_emit_target_name(ctx->o->target), ddbgt_table_name(ctx->t));
	ddbgt__tfjson_key(w, "//");
	size_t n = ddbgt_diags_count(ctx->findings);
	if (n == 0) {
		ddbgt__tfjson_literal(w, head);
		return;
	}
	/* The findings travel with the document, so that its reader sees them too. */
	ddbgt__tfjson_array_begin(w);
	ddbgt__tfjson_literal(w, head);
	for (size_t i = 0; i < n; i++) {
		ddbgt__tfjson_string_begin(w);
		ddbgt__tfjson_string_literal(
			w, ddbgt_enum_name(DDBGT_ENUM_SEVERITY, ddbgt_diags_severity(ctx->findings, i)));
		ddbgt__tfjson_string_literal(w, " ");
		ddbgt__tfjson_string_literal(w, ddbgt_diags_code_name(ctx->findings, i));
		ddbgt__tfjson_string_literal(w, ": ");
		ddbgt__tfjson_string_literal(w, ddbgt_diags_message(ctx->findings, i));
		ddbgt__tfjson_string_end(w);
	}
	ddbgt__tfjson_array_end(w);
}

/* Indexes of the default tags sorted by key (insertion sort: a handful of tags). */
static size_t *sorted_default_tags(ddbgt__emit_ctx *ctx)
{
	size_t n = ctx->o->default_tag_count;
	size_t *idx = ddbgt__malloc(n * sizeof *idx);
	if (!idx) {
		ctx_fail(ctx, DDBGT_ENOMEM);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		while (j > 0 && strcmp(ctx->o->default_tag_keys[idx[j - 1]],
		                       ctx->o->default_tag_keys[i]) > 0) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = i;
	}
	return idx;
}

static void write_provider(ddbgt__emit_ctx *ctx, size_t replica, const size_t *tag_order)
{
	ddbgt__tfjson *w = &ctx->w;
	const char *region = ddbgt_replica_region(ddbgt__emit_replica(ctx, replica));
	ddbgt__tfjson_object_begin(w);
	if (replica != ctx->primary)
		ddbgt__tfjson_kv_literal(w, "alias", ctx->alias[replica]);
	ddbgt__tfjson_kv_text(w, "region", region);
	if (ctx->o->assume_role_arn) {
		ddbgt__tfjson_key(w, "assume_role");
		ddbgt__tfjson_object_begin(w);
		ddbgt__tfjson_kv_text(w, "role_arn", ctx->o->assume_role_arn);
		ddbgt__tfjson_object_end(w);
	}
	if (ctx->o->default_tag_count && tag_order) {
		ddbgt__tfjson_key(w, "default_tags");
		ddbgt__tfjson_object_begin(w);
		ddbgt__tfjson_key(w, "tags");
		ddbgt__tfjson_object_begin(w);
		for (size_t i = 0; i < ctx->o->default_tag_count; i++) {
			ddbgt__tfjson_key_text(w, ctx->o->default_tag_keys[tag_order[i]]);
			ddbgt__tfjson_text(w, ctx->o->default_tag_values[tag_order[i]]);
		}
		ddbgt__tfjson_object_end(w);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_write_header(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	write_comment(ctx);

	ddbgt__tfjson_key(w, "terraform");
	ddbgt__tfjson_object_begin(w);
	/* Import blocks need Terraform 1.5; one() and the rest of the document 1.0. */
	ddbgt__tfjson_kv_literal(w, "required_version", ctx->imports ? ">= 1.5" : ">= 1.0");
	ddbgt__tfjson_key(w, "required_providers");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, "aws");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_kv_literal(w, "source", "hashicorp/aws");
	char constraint[32];
	snprintf(constraint, sizeof constraint, ">= %d.%d", ctx->floor_major, ctx->floor_minor);
	ddbgt__tfjson_kv_literal(w, "version",
	                         ctx->o->provider_version ? ctx->o->provider_version : constraint);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);

	/* One configuration per region: the home region unaliased, first. */
	size_t *tag_order = ctx->o->default_tag_count ? sorted_default_tags(ctx) : NULL;
	ddbgt__tfjson_key(w, "provider");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, "aws");
	ddbgt__tfjson_array_begin(w);
	write_provider(ctx, ctx->primary, tag_order);
	for (size_t i = 0; i < ctx->nrep; i++)
		if (i != ctx->primary)
			write_provider(ctx, i, tag_order);
	ddbgt__tfjson_array_end(w);
	ddbgt__tfjson_object_end(w);
	ddbgt__free(tag_order);
}

/* ---- KMS keys ---- */

static int key_is_arn(const char *key)
{
	return strncmp(key, "arn:", 4) == 0;
}

static const char *kms_key_of(const ddbgt__emit_ctx *ctx, size_t replica)
{
	if (ddbgt_table_encryption(ctx->t) != DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		return NULL;
	return ddbgt_replica_kms_key(ddbgt__emit_replica(ctx, replica));
}

void ddbgt__emit_write_kms_value(ddbgt__emit_ctx *ctx, size_t replica)
{
	const char *key = kms_key_of(ctx, replica);
	if (key_is_arn(key)) {
		ddbgt__tfjson_text(&ctx->w, key);
		return;
	}
	char ref[DDBGT__EMIT_LABEL_MAX];
	ddbgt__emit_label(ctx, ref, "${data.aws_kms_key.%s_%s.arn}", ctx->res, ctx->alias[replica]);
	ddbgt__tfjson_literal(&ctx->w, ref);
}

void ddbgt__emit_write_data(ddbgt__emit_ctx *ctx, int (*extra)(ddbgt__emit_ctx *ctx, int write))
{
	ddbgt__tfjson *w = &ctx->w;
	size_t lookups = 0;
	for (size_t i = 0; i < ctx->nrep; i++) {
		const char *key = kms_key_of(ctx, i);
		lookups += key && !key_is_arn(key);
	}
	int more = extra ? extra(ctx, 0) : 0;
	if (!lookups && !more)
		return;
	ddbgt__tfjson_key(w, "data");
	ddbgt__tfjson_object_begin(w);
	if (lookups) {
		/* A key ID or alias becomes the key's ARN in its own region. */
		ddbgt__tfjson_key(w, "aws_kms_key");
		ddbgt__tfjson_object_begin(w);
		for (size_t i = 0; i < ctx->nrep; i++) {
			const char *key = kms_key_of(ctx, i);
			if (!key || key_is_arn(key))
				continue;
			char label[DDBGT__EMIT_LABEL_MAX];
			ddbgt__emit_label(ctx, label, "%s_%s", ctx->res, ctx->alias[i]);
			ddbgt__tfjson_key(w, label);
			ddbgt__tfjson_object_begin(w);
			ddbgt__emit_provider_kv(ctx, i);
			ddbgt__tfjson_kv_text(w, "key_id", key);
			ddbgt__tfjson_object_end(w);
		}
		ddbgt__tfjson_object_end(w);
	}
	if (more)
		extra(ctx, 1);
	ddbgt__tfjson_object_end(w);
}

/* ---- tags ---- */

/* Walk the table's and the replica's tags (both sorted by key) as one sorted map. */
static size_t merge_tags(ddbgt__emit_ctx *ctx, const ddbgt_replica *replica, int write)
{
	size_t nt = ddbgt_table_tag_count(ctx->t);
	size_t nr = replica ? ddbgt_replica_tag_count(replica) : 0;
	size_t i = 0, j = 0, n = 0;
	while (i < nt || j < nr) {
		const char *k, *v;
		int c = i >= nt ? 1 : j >= nr ? -1
		        : strcmp(ddbgt_table_tag_key(ctx->t, i), ddbgt_replica_tag_key(replica, j));
		if (c < 0) {
			k = ddbgt_table_tag_key(ctx->t, i);
			v = ddbgt_table_tag_value(ctx->t, i++);
		} else {
			if (c == 0)
				i++; /* the replica's value wins */
			k = ddbgt_replica_tag_key(replica, j);
			v = ddbgt_replica_tag_value(replica, j++);
		}
		if (write) {
			ddbgt__tfjson_key_text(&ctx->w, k);
			ddbgt__tfjson_text(&ctx->w, v);
		}
		n++;
	}
	return n;
}

size_t ddbgt__emit_merged_tag_count(const ddbgt__emit_ctx *ctx, const ddbgt_replica *replica)
{
	return merge_tags((ddbgt__emit_ctx *)ctx, replica, 0);
}

void ddbgt__emit_write_tags(ddbgt__emit_ctx *ctx, const ddbgt_replica *replica)
{
	if (!merge_tags(ctx, replica, 0))
		return;
	ddbgt__tfjson_key(&ctx->w, "tags");
	ddbgt__tfjson_object_begin(&ctx->w);
	merge_tags(ctx, replica, 1);
	ddbgt__tfjson_object_end(&ctx->w);
}

/* ---- keys and indexes ---- */

static const char *attr_type(ddbgt_attr_type t)
{
	return ddbgt_enum_name(DDBGT_ENUM_ATTR_TYPE, t);
}

static void write_attribute(ddbgt__tfjson *w, const char *name, ddbgt_attr_type type)
{
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_kv_text(w, "name", name);
	ddbgt__tfjson_kv_literal(w, "type", attr_type(type) ? attr_type(type) : "S");
	ddbgt__tfjson_object_end(w);
}

static void write_non_key(ddbgt__tfjson *w, size_t n, const char *(*at)(const void *, size_t),
                          const void *index)
{
	if (!n)
		return;
	ddbgt__tfjson_key(w, "non_key_attributes");
	ddbgt__tfjson_array_begin(w);
	for (size_t i = 0; i < n; i++)
		ddbgt__tfjson_text(w, at(index, i));
	ddbgt__tfjson_array_end(w);
}

static const char *gsi_non_key_at(const void *g, size_t i)
{
	return ddbgt_gsi_non_key_attribute_at(g, i);
}

static const char *lsi_non_key_at(const void *l, size_t i)
{
	return ddbgt_lsi_non_key_attribute_at(l, i);
}

static void write_on_demand(ddbgt__tfjson *w, int has_r, int64_t r, int has_w, int64_t wr)
{
	if (!has_r && !has_w)
		return;
	ddbgt__tfjson_key(w, "on_demand_throughput");
	ddbgt__tfjson_object_begin(w);
	if (has_r)
		ddbgt__tfjson_kv_int(w, "max_read_request_units", r);
	if (has_w)
		ddbgt__tfjson_kv_int(w, "max_write_request_units", wr);
	ddbgt__tfjson_object_end(w);
}

static void write_keys_and_indexes(ddbgt__emit_ctx *ctx, size_t replica)
{
	ddbgt__tfjson *w = &ctx->w;
	const ddbgt_table *t = ctx->t;
	const ddbgt_replica *rep = ddbgt__emit_replica(ctx, replica);
	const char *pk = ddbgt_table_partition_key_name(t), *sk = ddbgt_table_sort_key_name(t);

	/* Keys first, then the definitions; a name is declared once (Terraform keeps a set). */
	ddbgt__tfjson_key(w, "attribute");
	ddbgt__tfjson_array_begin(w);
	write_attribute(w, pk, ddbgt_table_partition_key_type(t));
	if (sk && strcmp(sk, pk) != 0)
		write_attribute(w, sk, ddbgt_table_sort_key_type(t));
	for (size_t i = 0; i < ddbgt_table_attribute_count(t); i++) {
		const char *name = ddbgt_table_attribute_name(t, i);
		int seen = strcmp(name, pk) == 0 || (sk && strcmp(name, sk) == 0);
		for (size_t j = 0; j < i && !seen; j++)
			seen = strcmp(name, ddbgt_table_attribute_name(t, j)) == 0;
		if (!seen)
			write_attribute(w, name, ddbgt_table_attribute_type(t, i));
	}
	ddbgt__tfjson_array_end(w);

	int provisioned = ddbgt_table_billing_mode(t) == DDBGT_BILLING_PROVISIONED;
	if (ctx->ngsi) {
		ddbgt__tfjson_key(w, "global_secondary_index");
		ddbgt__tfjson_array_begin(w);
		for (size_t i = 0; i < ctx->ngsi; i++) {
			const ddbgt_gsi *g = ddbgt_table_gsi_at(t, i);
			ddbgt__tfjson_object_begin(w);
			ddbgt__tfjson_kv_text(w, "name", ddbgt_gsi_name(g));
			ddbgt__tfjson_kv_text(w, "hash_key", ddbgt_gsi_partition_key(g));
			if (ddbgt_gsi_sort_key(g))
				ddbgt__tfjson_kv_text(w, "range_key", ddbgt_gsi_sort_key(g));
			ddbgt__tfjson_kv_literal(w, "projection_type",
			                         ddbgt_enum_name(DDBGT_ENUM_PROJECTION,
			                                         ddbgt_gsi_projection(g)));
			write_non_key(w, ddbgt_gsi_non_key_attribute_count(g), gsi_non_key_at, g);
			if (provisioned) {
				struct capacity rc, wc;
				capacity_of(ctx, rep, g, DDBGT_READ, &rc);
				capacity_of(ctx, rep, g, DDBGT_WRITE, &wc);
				ddbgt__tfjson_kv_int(w, "read_capacity", declared_units(&rc));
				ddbgt__tfjson_kv_int(w, "write_capacity", declared_units(&wc));
			} else {
				int64_t r = 0, wr = 0;
				int has_r = ddbgt_gsi_get_on_demand_max(g, DDBGT_READ, &r) == DDBGT_OK;
				int has_w = ddbgt_gsi_get_on_demand_max(g, DDBGT_WRITE, &wr) == DDBGT_OK;
				write_on_demand(w, has_r, r, has_w, wr);
			}
			ddbgt__tfjson_object_end(w);
		}
		ddbgt__tfjson_array_end(w);
	}

	size_t nlsi = ddbgt_table_lsi_count(t);
	if (nlsi) {
		ddbgt__tfjson_key(w, "local_secondary_index");
		ddbgt__tfjson_array_begin(w);
		for (size_t i = 0; i < nlsi; i++) {
			const ddbgt_lsi *l = ddbgt_table_lsi_at(t, i);
			ddbgt__tfjson_object_begin(w);
			ddbgt__tfjson_kv_text(w, "name", ddbgt_lsi_name(l));
			ddbgt__tfjson_kv_text(w, "range_key", ddbgt_lsi_sort_key(l));
			ddbgt__tfjson_kv_literal(w, "projection_type",
			                         ddbgt_enum_name(DDBGT_ENUM_PROJECTION,
			                                         ddbgt_lsi_projection(l)));
			write_non_key(w, ddbgt_lsi_non_key_attribute_count(l), lsi_non_key_at, l);
			ddbgt__tfjson_object_end(w);
		}
		ddbgt__tfjson_array_end(w);
	}

	if (!provisioned) {
		int64_t r = 0, wr = 0;
		int has_r = ddbgt_table_get_on_demand_max(t, DDBGT_READ, &r) == DDBGT_OK;
		int has_w = ddbgt_table_get_on_demand_max(t, DDBGT_WRITE, &wr) == DDBGT_OK;
		write_on_demand(w, has_r, r, has_w, wr);
	}
}

/* ---- autoscaling ---- */

static void scaling_label(ddbgt__emit_ctx *ctx, const ddbgt__emit_scaling *s, char *buf,
                          int per_region_writes)
{
	const char *alias = ctx->alias[s->replica];
	const char *rw = s->rw == DDBGT_READ ? "read" : "write";
	int region = s->rw == DDBGT_READ || per_region_writes;
	if (s->gsi < 0)
		ddbgt__emit_label(ctx, buf, "%s_%s%s%s", ctx->res, rw, region ? "_" : "",
		                  region ? alias : "");
	else
		ddbgt__emit_label(ctx, buf, "%s_%s_%s%s%s", ctx->res, ctx->gsi_label[s->gsi], rw,
		                  region ? "_" : "", region ? alias : "");
}

static const char *dimension(const ddbgt__emit_scaling *s)
{
	if (s->gsi < 0)
		return s->rw == DDBGT_READ ? "dynamodb:table:ReadCapacityUnits"
		                           : "dynamodb:table:WriteCapacityUnits";
	return s->rw == DDBGT_READ ? "dynamodb:index:ReadCapacityUnits"
	                           : "dynamodb:index:WriteCapacityUnits";
}

static const char *metric(const ddbgt__emit_scaling *s)
{
	return s->rw == DDBGT_READ ? "DynamoDBReadCapacityUtilization"
	                           : "DynamoDBWriteCapacityUtilization";
}

static int writes_per_region(const ddbgt__emit_ctx *ctx)
{
	return ctx->o->target == DDBGT_EMIT_TERRAFORM_LEGACY;
}

void ddbgt__emit_write_scaling(ddbgt__emit_ctx *ctx, ddbgt__emit_ref_fn table_ref,
                               ddbgt__emit_ref_fn depends)
{
	ddbgt__tfjson *w = &ctx->w;
	if (!ctx->nscaling)
		return;
	char label[DDBGT__EMIT_LABEL_MAX], ref[DDBGT__EMIT_LABEL_MAX], dep[DDBGT__EMIT_LABEL_MAX];
	ddbgt__tfjson_key(w, "aws_appautoscaling_target");
	ddbgt__tfjson_object_begin(w);
	for (size_t i = 0; i < ctx->nscaling; i++) {
		const ddbgt__emit_scaling *s = &ctx->scaling[i];
		scaling_label(ctx, s, label, writes_per_region(ctx));
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, s->replica);
		if (depends && depends(ctx, s->replica, dep)) {
			ddbgt__tfjson_key(w, "depends_on");
			ddbgt__tfjson_array_begin(w);
			ddbgt__tfjson_literal(w, dep);
			ddbgt__tfjson_array_end(w);
		}
		ddbgt__tfjson_kv_literal(w, "service_namespace", "dynamodb");
		/* The table's name attribute, not its ARN, and a reference so that the table comes first. */
		ddbgt__tfjson_key(w, "resource_id");
		ddbgt__tfjson_string_begin(w);
		ddbgt__tfjson_string_literal(w, "table/${");
		ddbgt__tfjson_string_literal(w, table_ref(ctx, s->replica, ref));
		ddbgt__tfjson_string_literal(w, ".name}");
		if (s->gsi >= 0) {
			ddbgt__tfjson_string_literal(w, "/index/");
			ddbgt__tfjson_string_text(w, ddbgt_gsi_name(ddbgt_table_gsi_at(ctx->t,
			                                                                (size_t)s->gsi)));
		}
		ddbgt__tfjson_string_end(w);
		ddbgt__tfjson_kv_literal(w, "scalable_dimension", dimension(s));
		ddbgt__tfjson_kv_int(w, "min_capacity", s->min);
		ddbgt__tfjson_kv_int(w, "max_capacity", s->max);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);

	size_t policies = 0;
	for (size_t i = 0; i < ctx->nscaling; i++)
		policies += !ctx->scaling[i].pinned;
	if (!policies)
		return;
	ddbgt__tfjson_key(w, "aws_appautoscaling_policy");
	ddbgt__tfjson_object_begin(w);
	for (size_t i = 0; i < ctx->nscaling; i++) {
		const ddbgt__emit_scaling *s = &ctx->scaling[i];
		if (s->pinned)
			continue;
		scaling_label(ctx, s, label, writes_per_region(ctx));
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, s->replica);
		/* The name the AWS console gives a DynamoDB target-tracking policy. */
		ddbgt__tfjson_key(w, "name");
		ddbgt__tfjson_string_begin(w);
		ddbgt__tfjson_string_literal(w, metric(s));
		ddbgt__tfjson_string_literal(w, ":table/");
		ddbgt__tfjson_string_text(w, ddbgt_table_name(ctx->t));
		if (s->gsi >= 0) {
			ddbgt__tfjson_string_literal(w, "/index/");
			ddbgt__tfjson_string_text(w, ddbgt_gsi_name(ddbgt_table_gsi_at(ctx->t,
			                                                                (size_t)s->gsi)));
		}
		ddbgt__tfjson_string_end(w);
		ddbgt__tfjson_kv_literal(w, "policy_type", "TargetTrackingScaling");
		static const char *const fields[] = {"service_namespace", "resource_id",
		                                     "scalable_dimension"};
		for (size_t f = 0; f < 3; f++) {
			ddbgt__emit_label(ctx, ref, "${aws_appautoscaling_target.%s.%s}", label,
			                  fields[f]);
			ddbgt__tfjson_kv_literal(w, fields[f], ref);
		}
		ddbgt__tfjson_key(w, "target_tracking_scaling_policy_configuration");
		ddbgt__tfjson_object_begin(w);
		ddbgt__tfjson_kv_number(w, "target_value", s->target);
		ddbgt__tfjson_key(w, "predefined_metric_specification");
		ddbgt__tfjson_object_begin(w);
		ddbgt__tfjson_kv_literal(w, "predefined_metric_type", metric(s));
		ddbgt__tfjson_object_end(w);
		ddbgt__tfjson_object_end(w);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_write_insights(ddbgt__emit_ctx *ctx, ddbgt__emit_ref_fn table_ref,
                                ddbgt__emit_ref_fn depends)
{
	ddbgt__tfjson *w = &ctx->w;
	size_t n = 0;
	for (size_t i = 0; i < ctx->nrep; i++)
		n += ddbgt_replica_contributor_insights(ddbgt__emit_replica(ctx, i)) == 1;
	if (!n)
		return;
	char label[DDBGT__EMIT_LABEL_MAX], ref[DDBGT__EMIT_LABEL_MAX], dep[DDBGT__EMIT_LABEL_MAX];
	ddbgt__tfjson_key(w, "aws_dynamodb_contributor_insights");
	ddbgt__tfjson_object_begin(w);
	for (size_t i = 0; i < ctx->nrep; i++) {
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		if (ddbgt_replica_contributor_insights(r) != 1)
			continue;
		ddbgt__emit_label(ctx, label, "%s_%s", ctx->res, ctx->alias[i]);
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, i);
		if (depends && depends(ctx, i, dep)) {
			ddbgt__tfjson_key(w, "depends_on");
			ddbgt__tfjson_array_begin(w);
			ddbgt__tfjson_literal(w, dep);
			ddbgt__tfjson_array_end(w);
		}
		ddbgt__tfjson_key(w, "table_name");
		ddbgt__tfjson_string_begin(w);
		ddbgt__tfjson_string_literal(w, "${");
		ddbgt__tfjson_string_literal(w, table_ref(ctx, i, ref));
		ddbgt__tfjson_string_literal(w, ".name}");
		ddbgt__tfjson_string_end(w);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_write_import(ddbgt__emit_ctx *ctx, const char *to, size_t replica,
                              const char *id)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_kv_literal(w, "to", to);
	ddbgt__emit_provider_kv(ctx, replica);
	ddbgt__tfjson_kv_text(w, "id", id);
	ddbgt__tfjson_object_end(w);
}

/* ---- the emit ---- */

static int check_options(const ddbgt_emit_options *o, ddbgt_diags *found)
{
	const char *bad = NULL;
	if (o->version < 1 || o->version > DDBGT_EMIT_OPTIONS_VERSION)
		bad = "version is not one this library knows";
	else if (!ddbgt_emit_target_name(o->target))
		bad = "target is not a known target";
	else if (o->resource_name && !valid_identifier(o->resource_name))
		bad = "resource_name is not a Terraform identifier ([A-Za-z_][A-Za-z0-9_-]*, 1-255)";
	else if (o->default_tag_count && (!o->default_tag_keys || !o->default_tag_values))
		bad = "default_tag_count is set without default_tag_keys and default_tag_values";
	for (size_t i = 0; !bad && i < o->default_tag_count; i++) {
		if (!o->default_tag_keys[i] || !o->default_tag_values[i])
			bad = "a default tag key or value is NULL";
		for (size_t j = 0; !bad && j < i; j++)
			if (strcmp(o->default_tag_keys[i], o->default_tag_keys[j]) == 0)
				bad = "a default tag key appears twice";
	}
	if (!bad)
		return DDBGT_OK;
	if (ddbgt__diag_addf(found, DDBGT_E_EMIT_OPTION, "", NULL, "emit option: %s", bad))
		return DDBGT_ENOMEM;
	return DDBGT_EINVAL;
}

/*
 * What the document cannot be written without, checked whatever the
 * validator and the policy said: names and keys (they are written as
 * strings), and region codes that make distinct provider aliases and that
 * the outputs quote. A refusal here is never a warning.
 */
static int guard(const ddbgt_table *t, ddbgt_diags *found)
{
	size_t before = ddbgt_diags_error_count(found);
	int rc = 0;
	char path[96];
	if (!ddbgt_table_name(t) || !ddbgt_table_name(t)[0] || !ddbgt_table_partition_key_name(t))
		rc |= ddbgt__diag_addf(found, DDBGT_E_EMIT_INCOMPLETE, "/table", NULL,
		                       "the table needs a name and a partition key");
	for (size_t i = 0; i < ddbgt_table_gsi_count(t); i++)
		if (!ddbgt_gsi_partition_key(ddbgt_table_gsi_at(t, i))) {
			snprintf(path, sizeof path, "/table/global_secondary_indexes/%zu", i);
			rc |= ddbgt__diag_addf(found, DDBGT_E_EMIT_INCOMPLETE, path, NULL,
			                       "the index needs a partition key");
		}
	for (size_t i = 0; i < ddbgt_table_lsi_count(t); i++)
		if (!ddbgt_lsi_sort_key(ddbgt_table_lsi_at(t, i))) {
			snprintf(path, sizeof path, "/table/local_secondary_indexes/%zu", i);
			rc |= ddbgt__diag_addf(found, DDBGT_E_EMIT_INCOMPLETE, path, NULL,
			                       "the index needs a sort key");
		}
	size_t n = ddbgt_table_replica_count(t);
	for (size_t i = 0; i < n; i++) {
		const char *region = ddbgt_replica_region(ddbgt_table_replica_at(t, i));
		snprintf(path, sizeof path, "/replicas/%zu/region", i);
		int twice = 0;
		for (size_t j = 0; j < i; j++)
			twice |= strcmp(region, ddbgt_replica_region(ddbgt_table_replica_at(t, j))) == 0;
		if (!ddbgt__emit_region_shaped(region) || twice)
			rc |= ddbgt__diag_addf(found, DDBGT_E_EMIT_REGION, path, region,
			                       twice ? "region %s appears twice: one provider per region"
			                             : "\"%s\" is not a region code",
			                       region);
	}
	if (rc)
		return DDBGT_ENOMEM;
	return ddbgt_diags_error_count(found) > before ? DDBGT_EINVALID : DDBGT_OK;
}

/* Labels of the GSIs: identifiers, made unique with their position when two collide. */
static int make_gsi_labels(ddbgt__emit_ctx *ctx)
{
	if (!ctx->ngsi)
		return DDBGT_OK;
	ctx->gsi_label = ddbgt__calloc(ctx->ngsi, sizeof *ctx->gsi_label);
	if (!ctx->gsi_label)
		return DDBGT_ENOMEM;
	char buf[DDBGT__EMIT_LABEL_MAX];
	for (size_t i = 0; i < ctx->ngsi; i++) {
		const char *name = ddbgt_gsi_name(ddbgt_table_gsi_at(ctx->t, i));
		identifier(buf, 256, name);
		for (size_t j = 0; j < i; j++)
			if (strcmp(buf, ctx->gsi_label[j]) == 0) {
				size_t len = strlen(buf);
				snprintf(buf + len, sizeof buf - len, "_%zu", i);
				j = (size_t)-1; /* check the new label against all again */
			}
		if (!(ctx->gsi_label[i] = ddbgt__strdup(buf)))
			return DDBGT_ENOMEM;
	}
	return DDBGT_OK;
}

static void free_ctx(ddbgt__emit_ctx *ctx)
{
	for (size_t i = 0; ctx->gsi_label && i < ctx->ngsi; i++)
		ddbgt__free(ctx->gsi_label[i]);
	ddbgt__free(ctx->gsi_label);
	ddbgt__free(ctx->scaling);
	ddbgt__free((void *)ctx->alias);
	ddbgt_diags_free(ctx->findings);
	ddbgt__tfjson_release(&ctx->w);
}

/* The start of a string that is not UTF-8, printable in a message: other bytes as \xNN. */
static void describe_bad_string(char *buf, size_t size, const char *s)
{
	size_t n = 0;
	for (size_t i = 0; s[i] && i < 32 && n + 5 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			buf[n++] = (char)c;
		else
			n += (size_t)snprintf(buf + n, size - n, "\\x%02x", c);
	}
	buf[n] = '\0';
}

static int emit(char **out, size_t *len, const ddbgt_table *table,
                const ddbgt_emit_options *opts, ddbgt_diags *diags)
{
	static const ddbgt_emit_options defaults = DDBGT_EMIT_OPTIONS_INIT;
	ddbgt_emit_options o = opts ? *opts : defaults;
	if (o.target == 0)
		o.target = DDBGT_EMIT_TERRAFORM;

	ddbgt__emit_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	ddbgt_diags *found = NULL;
	int rc = ddbgt_diags_new(&found);
	if (rc)
		return rc;
	rc = ddbgt_diags_new(&ctx.findings);
	if (rc)
		goto done;
	ctx.t = table;
	ctx.o = &o;

	if ((rc = check_options(&o, found)))
		goto done;
	if ((rc = ddbgt__emit_precheck(table, found)))
		goto refused;

	if ((rc = guard(table, found)))
		goto refused;

	ctx.nrep = ddbgt_table_replica_count(table);
	ctx.ngsi = ddbgt_table_gsi_count(table);
	const ddbgt_replica *primary = ddbgt_table_primary_replica(table);
	if (!primary) {
		rc = ddbgt__diag_addf(found, DDBGT_E_EMIT_NO_HOME_REGION, "/replicas", NULL,
		                      "the table has no primary replica: there is no region to "
		                      "declare it in");
		goto refused;
	}
	for (size_t i = 0; i < ctx.nrep; i++)
		if (ddbgt_table_replica_at(table, i) == primary)
			ctx.primary = i;
	if ((rc = make_region_names(&ctx)))
		goto done;
	if (o.resource_name)
		snprintf(ctx.res, sizeof ctx.res, "%s", o.resource_name);
	else
		identifier(ctx.res, 256, ddbgt_table_name(table));
	if ((rc = make_gsi_labels(&ctx)))
		goto done;

	int legacy = o.target == DDBGT_EMIT_TERRAFORM_LEGACY;
	if (legacy != (ddbgt_table_legacy_version(table) == 1)) {
		rc = ddbgt__diag_addf(found, DDBGT_E_EMIT_TARGET_MISMATCH, "/table/legacy_version", NULL,
		                      legacy ? "target terraform-legacy writes a version 2017.11.29 "
		                               "global table, but the spec does not set legacy_version"
		                             : "the spec describes a version 2017.11.29 global table "
		                               "(legacy_version); emit it with target terraform-legacy");
		goto refused;
	}

	ctx.floor_major = 5;
	ctx.floor_minor = 0;
	ctx.floor_feature = NULL;
	rc = legacy ? ddbgt__emit_terraform_legacy_plan(&ctx) : ddbgt__emit_terraform_plan(&ctx);
	if (!rc)
		rc = ctx.status;
	if (rc)
		goto done;
	if (ctx.floor_feature && !o.provider_version)
		ddbgt__emit_finding(&ctx, DDBGT_I_EMIT_PROVIDER_FLOOR, "", NULL,
		                    "the document needs hashicorp/aws >= %d.%d for %s",
		                    ctx.floor_major, ctx.floor_minor, ctx.floor_feature);
	if (ddbgt_diags_error_count(ctx.findings)) {
		/* The spec's policy made a "cannot express" finding an error. */
		rc = ddbgt_diags_append(found, ctx.findings);
		goto refused;
	}

	ddbgt__tfjson_init(&ctx.w, o.compact, EMIT_SIZE_HINT);
	ddbgt__tfjson_object_begin(&ctx.w);
	if (legacy)
		ddbgt__emit_terraform_legacy_write(&ctx);
	else
		ddbgt__emit_terraform_write(&ctx);
	ddbgt__tfjson_object_end(&ctx.w);
	if (ctx.status)
		rc = ctx.status;
	else if (ctx.w.bad_string) {
		char start[200];
		describe_bad_string(start, sizeof start, ctx.w.bad_string);
		rc = ddbgt__diag_addf(found, DDBGT_E_EMIT_ENCODING, "", NULL,
		                      "a string of the table is not valid UTF-8 (it starts \"%s\")",
		                      start);
		if (!rc)
			rc = DDBGT_EINVALID;
	} else
		rc = ddbgt__tfjson_finish(&ctx.w, out, len);
	if (!rc)
		rc = ddbgt_diags_append(found, ctx.findings);
	goto done;

refused:
	if (rc == DDBGT_OK || rc == DDBGT_EINVALID) {
		rc = ddbgt__diag_addf(found, DDBGT_E_EMIT_INVALID_MODEL, "", NULL,
		                      "nothing was emitted: %zu error(s) above",
		                      ddbgt_diags_error_count(found));
		if (!rc)
			rc = DDBGT_EINVALID;
	}
done:
	if (diags && ddbgt_diags_append(diags, found) && rc == DDBGT_OK)
		rc = DDBGT_ENOMEM;
	if (rc && *out) {
		ddbgt__free(*out);
		*out = NULL;
	}
	ddbgt_diags_free(found);
	free_ctx(&ctx);
	return rc;
}

DDBGT_API int ddbgt_emit_string(char **out, const ddbgt_table *table,
                                const ddbgt_emit_options *opts, ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!table)
		return DDBGT_EINVAL;
	return emit(out, NULL, table, opts, diags);
}

DDBGT_API int ddbgt_emit_buffer(size_t *out_len, char *buf, size_t size,
                                const ddbgt_table *table, const ddbgt_emit_options *opts,
                                ddbgt_diags *diags)
{
	if (!out_len)
		return DDBGT_EINVAL;
	*out_len = 0;
	if (!table || (!buf && size))
		return DDBGT_EINVAL;
	char *doc = NULL;
	size_t len = 0;
	int rc = emit(&doc, &len, table, opts, diags);
	if (rc)
		return rc;
	*out_len = len;
	if (len >= size)
		rc = DDBGT_ERANGE;
	else
		memcpy(buf, doc, len + 1);
	ddbgt__free(doc);
	return rc;
}

DDBGT_API int ddbgt_emit_fp(const ddbgt_table *table, FILE *f, const ddbgt_emit_options *opts,
                            ddbgt_diags *diags)
{
	if (!table || !f)
		return DDBGT_EINVAL;
	char *doc = NULL;
	size_t len = 0;
	int rc = emit(&doc, &len, table, opts, diags);
	if (rc)
		return rc;
	if (fwrite(doc, 1, len, f) != len || fflush(f) != 0)
		rc = DDBGT_EIO;
	ddbgt__free(doc);
	return rc;
}

DDBGT_API int ddbgt_emit_file(const ddbgt_table *table, const char *path,
                              const ddbgt_emit_options *opts, ddbgt_diags *diags)
{
	if (!table || !path || !path[0])
		return DDBGT_EINVAL;
	char *doc = NULL;
	size_t len = 0;
	int rc = emit(&doc, &len, table, opts, diags);
	if (rc)
		return rc;
	rc = ddbgt__file_write_atomic(path, doc, len, NULL);
	ddbgt__free(doc);
	return rc;
}

/* ---- the table resource, as one region sees it ---- */

static int pitr_period(const ddbgt_replica *r, int64_t *days)
{
	/* 35 days is what AWS keeps without a period: saying so would only raise the provider floor. */
	return ddbgt_replica_get_effective_pitr_period(r, days) == DDBGT_OK && *days != 35;
}

int ddbgt__emit_pitr_period_differs(const ddbgt__emit_ctx *ctx, size_t replica, int64_t *days)
{
	return pitr_period(ddbgt__emit_replica(ctx, replica), days);
}

void ddbgt__emit_write_table_head(ddbgt__emit_ctx *ctx, size_t replica, int force_stream)
{
	ddbgt__tfjson *w = &ctx->w;
	const ddbgt_table *t = ctx->t;
	const ddbgt_replica *rep = ddbgt__emit_replica(ctx, replica);
	int provisioned = ddbgt_table_billing_mode(t) == DDBGT_BILLING_PROVISIONED;

	ddbgt__tfjson_kv_text(w, "name", ddbgt_table_name(t));
	ddbgt__tfjson_kv_literal(w, "billing_mode", provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");
	ddbgt__tfjson_kv_text(w, "hash_key", ddbgt_table_partition_key_name(t));
	if (ddbgt_table_sort_key_name(t))
		ddbgt__tfjson_kv_text(w, "range_key", ddbgt_table_sort_key_name(t));
	if (provisioned) {
		struct capacity rc, wc;
		capacity_of(ctx, rep, NULL, DDBGT_READ, &rc);
		capacity_of(ctx, rep, NULL, DDBGT_WRITE, &wc);
		ddbgt__tfjson_kv_int(w, "read_capacity", declared_units(&rc));
		ddbgt__tfjson_kv_int(w, "write_capacity", declared_units(&wc));
	}
	write_keys_and_indexes(ctx, replica);

	if (force_stream || ddbgt_table_stream_enabled(t)) {
		ddbgt_stream_view view = force_stream ? DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES
		                                      : ddbgt_table_stream_view(t);
		ddbgt__tfjson_kv_bool(w, "stream_enabled", 1);
		if (ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, view))
			ddbgt__tfjson_kv_literal(w, "stream_view_type",
			                         ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, view));
	} else {
		ddbgt__tfjson_kv_bool(w, "stream_enabled", 0);
	}

	ddbgt_encryption enc = ddbgt_table_encryption(t);
	if (enc == DDBGT_ENCRYPTION_AWS_MANAGED || enc == DDBGT_ENCRYPTION_CUSTOMER_MANAGED) {
		ddbgt__tfjson_key(w, "server_side_encryption");
		ddbgt__tfjson_object_begin(w);
		ddbgt__tfjson_kv_bool(w, "enabled", 1);
		if (kms_key_of(ctx, replica)) {
			ddbgt__tfjson_key(w, "kms_key_arn");
			ddbgt__emit_write_kms_value(ctx, replica);
		}
		ddbgt__tfjson_object_end(w);
	}

	if (ddbgt_table_ttl_attribute(t)) {
		ddbgt__tfjson_key(w, "ttl");
		ddbgt__tfjson_object_begin(w);
		ddbgt__tfjson_kv_text(w, "attribute_name", ddbgt_table_ttl_attribute(t));
		ddbgt__tfjson_kv_bool(w, "enabled", 1);
		ddbgt__tfjson_object_end(w);
	}

	ddbgt__tfjson_kv_literal(w, "table_class",
	                         ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS,
	                                         ddbgt_replica_effective_table_class(rep)));
	ddbgt__tfjson_kv_bool(w, "deletion_protection_enabled",
	                      ddbgt_replica_effective_deletion_protection(rep) == 1);
	ddbgt__tfjson_key(w, "point_in_time_recovery");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_kv_bool(w, "enabled", ddbgt_replica_effective_pitr(rep) == 1);
	int64_t days;
	if (pitr_period(rep, &days))
		ddbgt__tfjson_kv_int(w, "recovery_period_in_days", days);
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_write_lifecycle(ddbgt__emit_ctx *ctx, size_t replica, int ignore_replica)
{
	ddbgt__tfjson *w = &ctx->w;
	int provisioned = ddbgt_table_billing_mode(ctx->t) == DDBGT_BILLING_PROVISIONED;
	struct capacity rc, wc;
	capacity_of(ctx, ddbgt__emit_replica(ctx, replica), NULL, DDBGT_READ, &rc);
	capacity_of(ctx, NULL, NULL, DDBGT_WRITE, &wc);
	/* Capacities that Application Auto Scaling moves are not Terraform's to reset. */
	int ignore_read = provisioned && rc.kind == EMIT_CAP_AUTOSCALING;
	int ignore_write = provisioned && wc.kind == EMIT_CAP_AUTOSCALING;
	if (!ignore_replica && !ignore_read && !ignore_write)
		return;
	ddbgt__tfjson_key(w, "lifecycle");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, "ignore_changes");
	ddbgt__tfjson_array_begin(w);
	if (ignore_replica)
		ddbgt__tfjson_literal(w, "replica");
	if (ignore_read)
		ddbgt__tfjson_literal(w, "read_capacity");
	if (ignore_write)
		ddbgt__tfjson_literal(w, "write_capacity");
	ddbgt__tfjson_array_end(w);
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_plan_scaling(ddbgt__emit_ctx *ctx, int writes_everywhere)
{
	if (ddbgt_table_billing_mode(ctx->t) != DDBGT_BILLING_PROVISIONED)
		return;
	struct capacity cap, home;
	/* Writes: one setting that DynamoDB keeps equal in every region of a current global table. */
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = r == 0 ? ctx->primary : r <= ctx->primary ? r - 1 : r;
		if (i != ctx->primary && !writes_everywhere)
			continue;
		capacity_of(ctx, NULL, NULL, DDBGT_WRITE, &cap);
		if (cap.kind == EMIT_CAP_AUTOSCALING)
			add_scaling(ctx, i, -1, DDBGT_WRITE, &cap, 0);
		for (size_t g = 0; g < ctx->ngsi; g++) {
			capacity_of(ctx, NULL, ddbgt_table_gsi_at(ctx->t, g), DDBGT_WRITE,
			                        &cap);
			if (cap.kind == EMIT_CAP_AUTOSCALING)
				add_scaling(ctx, i, (long)g, DDBGT_WRITE, &cap, 0);
		}
	}
	/* Reads, region by region, the home region first. */
	const ddbgt_replica *prim = ddbgt__emit_replica(ctx, ctx->primary);
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = r == 0 ? ctx->primary : r <= ctx->primary ? r - 1 : r;
		const ddbgt_replica *rep = ddbgt__emit_replica(ctx, i);
		for (long g = -1; g < (long)ctx->ngsi; g++) {
			const ddbgt_gsi *gsi = g < 0 ? NULL : ddbgt_table_gsi_at(ctx->t, (size_t)g);
			capacity_of(ctx, rep, gsi, DDBGT_READ, &cap);
			capacity_of(ctx, prim, gsi, DDBGT_READ, &home);
			if (cap.kind == EMIT_CAP_AUTOSCALING)
				add_scaling(ctx, i, g, DDBGT_READ, &cap, 0);
			else if (cap.kind == EMIT_CAP_UNITS && i != ctx->primary && !writes_everywhere &&
			         (home.kind != EMIT_CAP_UNITS || home.units != cap.units))
				/* No replica setting holds read units: a target with min = max pins them. */
				add_scaling(ctx, i, g, DDBGT_READ, &cap, 1);
		}
	}
}

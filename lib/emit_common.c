/*
 * The writers both Terraform targets share, declared in emit_internal.h:
 * findings, labels and provider references, capacities and autoscaling,
 * the header, KMS lookups, tags, keys and indexes, the table resource as one
 * region sees it, imports, the region order and the outputs. Nothing here
 * calls the driver (emit.c) or a target.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/policy.h"
#include "emit_internal.h"

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
	/* Most emits find nothing: the list is made at the first finding. */
	if ((!ctx->findings && ddbgt_diags_new(&ctx->findings)) ||
	    ddbgt__diag_add_sevf(ctx->findings, code, sev, path, region, "%s", msg))
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
	/*
	 * Only "%s": labels are made for every resource, and vsnprintf was a
	 * third of an emit. The text between conversions is copied a run at a time.
	 */
	va_list ap;
	va_start(ap, fmt);
	size_t n = 0;
	int ok = 1;
	for (const char *f = fmt; ok && *f;) {
		const char *pct = strchr(f, '%');
		const char *s = f;
		size_t len = pct ? (size_t)(pct - f) : strlen(f);
		if (len == 0) {
			/* At a '%': its string, or a '%' that starts no conversion as it is. */
			int conversion = f[1] == 's';
			s = conversion ? va_arg(ap, const char *) : f;
			len = conversion ? strlen(s) : 1;
			f += conversion ? 2 : 1;
		} else {
			f += len;
		}
		ok = len < DDBGT__EMIT_LABEL_MAX - n;
		if (ok) {
			memcpy(buf + n, s, len);
			n += len;
		}
	}
	va_end(ap);
	buf[ok ? n : 0] = '\0';
	if (!ok)
		ctx_fail(ctx, DDBGT_EINVAL);
}

void ddbgt__emit_identifier(char *buf, size_t size, const char *name)
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

/* Labels of the GSIs: identifiers, made unique with their position when two collide. */
static int make_gsi_labels(ddbgt__emit_ctx *ctx)
{
	ctx->gsi_label = ddbgt__calloc(ctx->ngsi, sizeof *ctx->gsi_label);
	if (!ctx->gsi_label)
		return DDBGT_ENOMEM;
	char buf[DDBGT__EMIT_LABEL_MAX];
	for (size_t i = 0; i < ctx->ngsi; i++) {
		const char *name = ddbgt_gsi_name(ddbgt_table_gsi_at(ctx->t, i));
		ddbgt__emit_identifier(buf, 256, name);
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

const char *ddbgt__emit_gsi_label(ddbgt__emit_ctx *ctx, size_t gsi)
{
	/* Made at the first use: most tables write no resource of their own per index. */
	if (!ctx->gsi_label && make_gsi_labels(ctx)) {
		ddbgt__emit_free_gsi_labels(ctx);
		ctx_fail(ctx, DDBGT_ENOMEM);
	}
	return ctx->gsi_label ? ctx->gsi_label[gsi] : "";
}

void ddbgt__emit_free_gsi_labels(ddbgt__emit_ctx *ctx)
{
	for (size_t i = 0; ctx->gsi_label && i < ctx->ngsi; i++)
		ddbgt__free(ctx->gsi_label[i]);
	ddbgt__free(ctx->gsi_label);
	ctx->gsi_label = NULL;
}

void ddbgt__emit_provider_kv(ddbgt__emit_ctx *ctx, size_t replica)
{
	if (ctx->provider[replica])
		DDBGT__TFJSON_KV_LITERAL(&ctx->w, "provider", ctx->provider[replica]);
}


/* ---- capacity ---- */

void ddbgt__emit_capacity_of(const ddbgt__emit_ctx *ctx, const ddbgt_replica *replica,
                             const ddbgt_gsi *gsi, ddbgt_rw rw, ddbgt__emit_capacity *out)
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
			if (g)
				ddbgt_replica_get_gsi_read_autoscaling_tuning(
					replica, g, &out->cooldown[0], &out->cooldown[1],
					&out->disable_scale_in);
			else
				ddbgt_replica_get_read_autoscaling_tuning(replica, &out->cooldown[0],
				                                          &out->cooldown[1],
				                                          &out->disable_scale_in);
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
	if (gsi)
		ddbgt_gsi_get_autoscaling_tuning(gsi, rw, &out->cooldown[0], &out->cooldown[1],
		                                 &out->disable_scale_in);
	else
		ddbgt_table_get_autoscaling_tuning(ctx->t, rw, &out->cooldown[0], &out->cooldown[1],
		                                   &out->disable_scale_in);
	if (has_auto == DDBGT_OK)
		out->kind = EMIT_CAP_AUTOSCALING;
	else if (out->has_units)
		out->kind = EMIT_CAP_UNITS;
}

/* The units to declare on a table or GSI block: the units, else the autoscaling minimum. */
static int64_t declared_units(const ddbgt__emit_capacity *cap)
{
	if (cap->has_units)
		return cap->units;
	return cap->kind == EMIT_CAP_AUTOSCALING ? cap->min : 0;
}

static void add_scaling(ddbgt__emit_ctx *ctx, size_t replica, long gsi, ddbgt_rw rw,
                        const ddbgt__emit_capacity *cap, int pinned)
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
	s->cooldown[0] = pinned ? -1 : cap->cooldown[0];
	s->cooldown[1] = pinned ? -1 : cap->cooldown[1];
	s->disable_scale_in = pinned ? DDBGT_INHERIT : cap->disable_scale_in;
}

/* ---- the header ---- */

static void write_comment(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	const char *name = ddbgt_table_name(ctx->t);
	/* The target's name is one of ours; the table's is the user's, escaped. */
	const ddbgt__tfjson_piece head[] = {
		DDBGT__TFJSON_PLAIN("Generated by libddbgt (target "),
		{ctx->target_name, strlen(ctx->target_name), 1},
		DDBGT__TFJSON_PLAIN(") from the spec of table "),
		{name, strlen(name), 0},
		DDBGT__TFJSON_PLAIN(". Change the spec and generate again rather than editing this file."),
	};
	DDBGT__TFJSON_NAME(w, "//");
	size_t n = ddbgt_diags_count(ctx->findings);
	if (n == 0) {
		ddbgt__tfjson_literal_pieces(w, head, sizeof head / sizeof *head);
		return;
	}
	/* The findings travel with the document, so that its reader sees them too. */
	ddbgt__tfjson_array_begin(w);
	ddbgt__tfjson_literal_pieces(w, head, sizeof head / sizeof *head);
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
	const ddbgt_replica *r = ddbgt__emit_replica(ctx, replica);
	const char *region = ddbgt_replica_region(r);
	/* The replica's own role (spec provider_role_arn) wins over the option's. */
	const char *role = ddbgt_replica_provider_role_arn(r) ? ddbgt_replica_provider_role_arn(r)
	                                                      : ctx->o->assume_role_arn;
	ddbgt__tfjson_object_begin(w);
	if (replica != ctx->primary)
		DDBGT__TFJSON_KV_LITERAL(w, "alias", ctx->alias[replica]);
	DDBGT__TFJSON_KV_TEXT(w, "region", region);
	if (ddbgt_replica_account_id(r)) {
		/* Credentials of another account stop the plan rather than build there. */
		DDBGT__TFJSON_ARRAY(w, "allowed_account_ids");
		ddbgt__tfjson_text(w, ddbgt_replica_account_id(r));
		ddbgt__tfjson_array_end(w);
	}
	if (role) {
		DDBGT__TFJSON_OBJECT(w, "assume_role");
		DDBGT__TFJSON_KV_TEXT(w, "role_arn", role);
		ddbgt__tfjson_object_end(w);
	}
	if (ctx->o->default_tag_count && tag_order) {
		DDBGT__TFJSON_OBJECT(w, "default_tags");
		DDBGT__TFJSON_OBJECT(w, "tags");
		for (size_t i = 0; i < ctx->o->default_tag_count; i++) {
			ddbgt__tfjson_kv_texts(w, ctx->o->default_tag_keys[tag_order[i]],
			                       ctx->o->default_tag_values[tag_order[i]]);
		}
		ddbgt__tfjson_object_end(w);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
}

/* The decimal digits of v (not negative) at d; returns their end. */
static char *put_digits(char *d, int v)
{
	char digits[12];
	size_t n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n)
		*d++ = digits[--n];
	return d;
}

/*
 * ">= major.minor" (the floor, never negative) into buf[32], without
 * snprintf: it cost more than the rest of the header.
 */
static void version_constraint(char *buf, int major, int minor)
{
	char *d = buf;
	memcpy(d, ">= ", 3);
	d = put_digits(d + 3, major);
	*d++ = '.';
	d = put_digits(d, minor);
	*d = '\0';
}

void ddbgt__emit_write_header(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	write_comment(ctx);

	DDBGT__TFJSON_OBJECT(w, "terraform");
	/* Import blocks need Terraform 1.5; one() and the rest of the document 1.0. */
	DDBGT__TFJSON_KV_LITERAL(w, "required_version", ctx->imports ? ">= 1.5" : ">= 1.0");
	DDBGT__TFJSON_OBJECT(w, "required_providers");
	DDBGT__TFJSON_OBJECT(w, "aws");
	DDBGT__TFJSON_KV_LITERAL(w, "source", "hashicorp/aws");
	char constraint[32];
	version_constraint(constraint, ctx->floor_major, ctx->floor_minor);
	DDBGT__TFJSON_KV_LITERAL(w, "version",
	                         ctx->o->provider_version ? ctx->o->provider_version : constraint);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);

	/* One configuration per region: the home region unaliased, first. */
	size_t *tag_order = ctx->o->default_tag_count ? sorted_default_tags(ctx) : NULL;
	DDBGT__TFJSON_OBJECT(w, "provider");
	DDBGT__TFJSON_ARRAY(w, "aws");
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
	DDBGT__TFJSON_OBJECT(w, "data");
	if (lookups) {
		/* A key ID or alias becomes the key's ARN in its own region. */
		DDBGT__TFJSON_OBJECT(w, "aws_kms_key");
		for (size_t i = 0; i < ctx->nrep; i++) {
			const char *key = kms_key_of(ctx, i);
			if (!key || key_is_arn(key))
				continue;
			char label[DDBGT__EMIT_LABEL_MAX];
			ddbgt__emit_label(ctx, label, "%s_%s", ctx->res, ctx->alias[i]);
			ddbgt__tfjson_key(w, label);
			ddbgt__tfjson_object_begin(w);
			ddbgt__emit_provider_kv(ctx, i);
			DDBGT__TFJSON_KV_TEXT(w, "key_id", key);
			ddbgt__tfjson_object_end(w);
		}
		ddbgt__tfjson_object_end(w);
	}
	if (more)
		extra(ctx, 1);
	ddbgt__tfjson_object_end(w);
}

/* ---- tags ---- */

static void write_tag(ddbgt__emit_ctx *ctx, const char *key, const char *value)
{
	ddbgt__tfjson_kv_texts(&ctx->w, key, value);
}

static size_t merge_tags(ddbgt__emit_ctx *ctx, const ddbgt_replica *replica, int write)
{
	return ddbgt__emit_each_tag(ctx, replica, write ? write_tag : NULL);
}

size_t ddbgt__emit_each_tag(ddbgt__emit_ctx *ctx, const ddbgt_replica *replica,
                            ddbgt__emit_tag_fn each)
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
		if (each)
			each(ctx, k, v);
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
	DDBGT__TFJSON_OBJECT(&ctx->w, "tags");
	merge_tags(ctx, replica, 1);
	ddbgt__tfjson_object_end(&ctx->w);
}

/* ---- keys and indexes ---- */

static const char *attr_type(ddbgt_attr_type t)
{
	return ddbgt_enum_name(DDBGT_ENUM_ATTR_TYPE, t);
}

static void write_attribute(ddbgt__emit_ctx *ctx, const char *name, ddbgt_attr_type type)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_object_begin(w);
	DDBGT__TFJSON_KV_TEXT(w, "name", name);
	DDBGT__TFJSON_KV_LITERAL(w, "type", attr_type(type) ? attr_type(type) : "S");
	ddbgt__tfjson_object_end(w);
}

static int gsi_multi_attribute(const ddbgt_gsi *g)
{
	return ddbgt_gsi_partition_key_is_multi_attribute(g) ||
	       ddbgt_gsi_sort_key_is_multi_attribute(g);
}

/*
 * A multi-attribute index key as key_schema blocks, the key-schema order of
 * the partition attributes (HASH) then the sort attributes (RANGE):
 * hashicorp/aws 6.29.0 (PR #45357) added them and deprecated hash_key and
 * range_key.
 */
static void write_key_schema(ddbgt__tfjson *w, const ddbgt_gsi *g)
{
	DDBGT__TFJSON_ARRAY(w, "key_schema");
	for (int range = 0; range < 2; range++) {
		size_t n = range ? ddbgt_gsi_sort_key_attribute_count(g)
		                 : ddbgt_gsi_partition_key_attribute_count(g);
		for (size_t i = 0; i < n; i++) {
			ddbgt__tfjson_object_begin(w);
			DDBGT__TFJSON_KV_TEXT(w, "attribute_name",
			                      range ? ddbgt_gsi_sort_key_attribute_name(g, i)
			                            : ddbgt_gsi_partition_key_attribute_name(g, i));
			DDBGT__TFJSON_KV_LITERAL(w, "key_type", range ? "RANGE" : "HASH");
			ddbgt__tfjson_object_end(w);
		}
	}
	ddbgt__tfjson_array_end(w);
}

static void write_non_key(ddbgt__tfjson *w, size_t n, const char *(*at)(const void *, size_t),
                          const void *index)
{
	if (!n)
		return;
	DDBGT__TFJSON_ARRAY(w, "non_key_attributes");
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
	DDBGT__TFJSON_OBJECT(w, "on_demand_throughput");
	if (has_r)
		DDBGT__TFJSON_KV_INT(w, "max_read_request_units", r);
	if (has_w)
		DDBGT__TFJSON_KV_INT(w, "max_write_request_units", wr);
	ddbgt__tfjson_object_end(w);
}

/* warm_throughput of the table (gsi NULL) or of a GSI (floor: plan_warm). */
static void write_warm(ddbgt__emit_ctx *ctx, const ddbgt_table *t, const ddbgt_gsi *gsi)
{
	int64_t v[2] = {0, 0};
	int has[2];
	for (int rw = 0; rw < 2; rw++)
		has[rw] = (gsi ? ddbgt_gsi_get_warm_throughput(gsi, rw, &v[rw])
		               : ddbgt_table_get_warm_throughput(t, rw, &v[rw])) == DDBGT_OK;
	if (!has[0] && !has[1])
		return;
	DDBGT__TFJSON_OBJECT(&ctx->w, "warm_throughput");
	if (has[0])
		DDBGT__TFJSON_KV_INT(&ctx->w, "read_units_per_second", v[0]);
	if (has[1])
		DDBGT__TFJSON_KV_INT(&ctx->w, "write_units_per_second", v[1]);
	ddbgt__tfjson_object_end(&ctx->w);
}

/* One candidate attribute definition; name NULL for a slot that defines nothing. */
typedef struct definition {
	const char *name;
	ddbgt_attr_type type;
} definition;

/*
 * The candidates in order: the table's keys, its declared attributes, then
 * every element of every index key (GSI partition then sort elements, LSI
 * sort keys; name NULL for an untyped one), into defs, which has room for
 * cap; returns the count, which may be more than cap (then collect again).
 */
static size_t collect_definitions(const ddbgt_table *t, definition *defs, size_t cap)
{
	size_t n = 0;
#define DEFINE(nm, ty)                                                  \
	do {                                                            \
		if (n < cap)                                            \
			defs[n] = (definition){(nm), (ty)};             \
		n++;                                                    \
	} while (0)
	DEFINE(ddbgt_table_partition_key_name(t), ddbgt_table_partition_key_type(t));
	DEFINE(ddbgt_table_sort_key_name(t), ddbgt_table_sort_key_type(t));
	for (size_t k = 0; k < ddbgt_table_attribute_count(t); k++)
		DEFINE(ddbgt_table_attribute_name(t, k), ddbgt_table_attribute_type(t, k));
	for (size_t i = 0; i < ddbgt_table_gsi_count(t); i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(t, i);
		for (size_t k = 0; k < ddbgt_gsi_partition_key_attribute_count(g); k++) {
			ddbgt_attr_type type = ddbgt_gsi_partition_key_attribute_type(g, k);
			const char *name = ddbgt_gsi_partition_key_attribute_name(g, k);
			DEFINE(type != DDBGT_ATTR_UNSET ? name : NULL, type);
		}
		for (size_t k = 0; k < ddbgt_gsi_sort_key_attribute_count(g); k++) {
			ddbgt_attr_type type = ddbgt_gsi_sort_key_attribute_type(g, k);
			const char *name = ddbgt_gsi_sort_key_attribute_name(g, k);
			DEFINE(type != DDBGT_ATTR_UNSET ? name : NULL, type);
		}
	}
	for (size_t k = 0; k < ddbgt_table_lsi_count(t); k++) {
		const ddbgt_lsi *l = ddbgt_table_lsi_at(t, k);
		ddbgt_attr_type type = ddbgt_lsi_sort_key_type(l);
		DEFINE(type != DDBGT_ATTR_UNSET ? ddbgt_lsi_sort_key(l) : NULL, type);
	}
#undef DEFINE
	return n;
}

/* FNV-1a: spreads attribute names over the slots of the table below. */
static size_t name_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (size_t)h;
}

void ddbgt__emit_each_attribute(ddbgt__emit_ctx *ctx, ddbgt__emit_attribute_fn each)
{
	/*
	 * The definitions, then an open-addressing set of the names seen (index
	 * + 1, 0: free); on the stack for the usual few, collected once.
	 */
	definition local_defs[16], *defs = local_defs;
	size_t local_seen[32], *seen = local_seen;
	size_t n = collect_definitions(ctx->t, local_defs, 16), slots = 8;
	while (slots < 2 * n)
		slots *= 2;
	if (n > 16) {
		defs = ddbgt__malloc(n * sizeof(*defs) + slots * sizeof(size_t));
		if (!defs) {
			ctx_fail(ctx, DDBGT_ENOMEM);
			return;
		}
		seen = (size_t *)(defs + n);
		collect_definitions(ctx->t, defs, n);
	}
	memset(seen, 0, slots * sizeof(*seen));
	/* Each name once, where it is first defined: one lookup per definition, not a scan. */
	for (size_t k = 0; k < n; k++) {
		if (!defs[k].name)
			continue;
		size_t h = name_hash(defs[k].name) & (slots - 1);
		while (seen[h] && strcmp(defs[seen[h] - 1].name, defs[k].name) != 0)
			h = (h + 1) & (slots - 1);
		if (seen[h])
			continue;
		seen[h] = k + 1;
		each(ctx, defs[k].name, defs[k].type);
	}
	if (defs != local_defs)
		ddbgt__free(defs);
}

static void write_keys_and_indexes(ddbgt__emit_ctx *ctx, size_t replica)
{
	ddbgt__tfjson *w = &ctx->w;
	const ddbgt_table *t = ctx->t;
	const ddbgt_replica *rep = ddbgt__emit_replica(ctx, replica);

	/* A name is declared once: Terraform keeps a set. */
	DDBGT__TFJSON_ARRAY(w, "attribute");
	ddbgt__emit_each_attribute(ctx, write_attribute);
	ddbgt__tfjson_array_end(w);

	int provisioned = ddbgt_table_billing_mode(t) == DDBGT_BILLING_PROVISIONED;
	if (ctx->ngsi) {
		DDBGT__TFJSON_ARRAY(w, "global_secondary_index");
		for (size_t i = 0; i < ctx->ngsi; i++) {
			const ddbgt_gsi *g = ddbgt_table_gsi_at(t, i);
			ddbgt__tfjson_object_begin(w);
			DDBGT__TFJSON_KV_TEXT(w, "name", ddbgt_gsi_name(g));
			if (gsi_multi_attribute(g)) {
				write_key_schema(w, g);
			} else {
				DDBGT__TFJSON_KV_TEXT(w, "hash_key", ddbgt_gsi_partition_key(g));
				if (ddbgt_gsi_sort_key(g))
					DDBGT__TFJSON_KV_TEXT(w, "range_key", ddbgt_gsi_sort_key(g));
			}
			DDBGT__TFJSON_KV_LITERAL(w, "projection_type",
			                         ddbgt_enum_name(DDBGT_ENUM_PROJECTION,
			                                         ddbgt_gsi_projection(g)));
			write_non_key(w, ddbgt_gsi_non_key_attribute_count(g), gsi_non_key_at, g);
			if (provisioned) {
				ddbgt__emit_capacity rc, wc;
				ddbgt__emit_capacity_of(ctx, rep, g, DDBGT_READ, &rc);
				ddbgt__emit_capacity_of(ctx, rep, g, DDBGT_WRITE, &wc);
				DDBGT__TFJSON_KV_INT(w, "read_capacity", declared_units(&rc));
				DDBGT__TFJSON_KV_INT(w, "write_capacity", declared_units(&wc));
			} else {
				int64_t r = 0, wr = 0;
				int has_r = ddbgt_gsi_get_on_demand_max(g, DDBGT_READ, &r) == DDBGT_OK;
				int has_w = ddbgt_gsi_get_on_demand_max(g, DDBGT_WRITE, &wr) == DDBGT_OK;
				write_on_demand(w, has_r, r, has_w, wr);
			}
			write_warm(ctx, t, g);
			ddbgt__tfjson_object_end(w);
		}
		ddbgt__tfjson_array_end(w);
	}

	size_t nlsi = ddbgt_table_lsi_count(t);
	if (nlsi) {
		DDBGT__TFJSON_ARRAY(w, "local_secondary_index");
		for (size_t i = 0; i < nlsi; i++) {
			const ddbgt_lsi *l = ddbgt_table_lsi_at(t, i);
			ddbgt__tfjson_object_begin(w);
			DDBGT__TFJSON_KV_TEXT(w, "name", ddbgt_lsi_name(l));
			DDBGT__TFJSON_KV_TEXT(w, "range_key", ddbgt_lsi_sort_key(l));
			DDBGT__TFJSON_KV_LITERAL(w, "projection_type",
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
	write_warm(ctx, t, NULL);
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
		ddbgt__emit_label(ctx, buf, "%s_%s_%s%s%s", ctx->res,
		                  ddbgt__emit_gsi_label(ctx, (size_t)s->gsi), rw, region ? "_" : "",
		                  region ? alias : "");
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
	DDBGT__TFJSON_OBJECT(w, "aws_appautoscaling_target");
	for (size_t i = 0; i < ctx->nscaling; i++) {
		const ddbgt__emit_scaling *s = &ctx->scaling[i];
		scaling_label(ctx, s, label, writes_per_region(ctx));
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, s->replica);
		if (depends && depends(ctx, s->replica, dep)) {
			DDBGT__TFJSON_ARRAY(w, "depends_on");
			ddbgt__tfjson_literal(w, dep);
			ddbgt__tfjson_array_end(w);
		}
		DDBGT__TFJSON_KV_LITERAL(w, "service_namespace", "dynamodb");
		/* The table's name attribute, not its ARN, and a reference so that the table comes first. */
		DDBGT__TFJSON_NAME(w, "resource_id");
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
		DDBGT__TFJSON_KV_LITERAL(w, "scalable_dimension", dimension(s));
		DDBGT__TFJSON_KV_INT(w, "min_capacity", s->min);
		DDBGT__TFJSON_KV_INT(w, "max_capacity", s->max);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);

	size_t policies = 0;
	for (size_t i = 0; i < ctx->nscaling; i++)
		policies += !ctx->scaling[i].pinned;
	if (!policies)
		return;
	DDBGT__TFJSON_OBJECT(w, "aws_appautoscaling_policy");
	for (size_t i = 0; i < ctx->nscaling; i++) {
		const ddbgt__emit_scaling *s = &ctx->scaling[i];
		if (s->pinned)
			continue;
		scaling_label(ctx, s, label, writes_per_region(ctx));
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, s->replica);
		/* The name the AWS console gives a DynamoDB target-tracking policy. */
		DDBGT__TFJSON_NAME(w, "name");
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
		DDBGT__TFJSON_KV_LITERAL(w, "policy_type", "TargetTrackingScaling");
		static const char *const fields[] = {"service_namespace", "resource_id",
		                                     "scalable_dimension"};
		for (size_t f = 0; f < 3; f++) {
			ddbgt__emit_label(ctx, ref, "${aws_appautoscaling_target.%s.%s}", label,
			                  fields[f]);
			ddbgt__tfjson_kv_literal(w, fields[f], ref);
		}
		DDBGT__TFJSON_OBJECT(w, "target_tracking_scaling_policy_configuration");
		DDBGT__TFJSON_KV_NUMBER(w, "target_value", s->target);
		if (s->cooldown[0] >= 0)
			DDBGT__TFJSON_KV_INT(w, "scale_in_cooldown", s->cooldown[0]);
		if (s->cooldown[1] >= 0)
			DDBGT__TFJSON_KV_INT(w, "scale_out_cooldown", s->cooldown[1]);
		if (s->disable_scale_in != DDBGT_INHERIT)
			DDBGT__TFJSON_KV_BOOL(w, "disable_scale_in", s->disable_scale_in);
		DDBGT__TFJSON_OBJECT(w, "predefined_metric_specification");
		DDBGT__TFJSON_KV_LITERAL(w, "predefined_metric_type", metric(s));
		ddbgt__tfjson_object_end(w);
		ddbgt__tfjson_object_end(w);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
}

/* GSIs of replica r with contributor insights on: how many. */
static size_t gsi_insights_count(const ddbgt_replica *r)
{
	size_t n = 0;
	int on = 0;
	for (size_t k = 0; k < ddbgt_replica_gsi_override_count(r); k++)
		n += ddbgt_replica_get_gsi_contributor_insights(r, ddbgt_replica_gsi_override_name(r, k),
		                                                &on, NULL) == DDBGT_OK && on;
	return n;
}

/* Does replica r have the feature on its table: contributor insights (0) or a Kinesis stream (1)? */
static int replica_has(const ddbgt_replica *r, int feature)
{
	return feature ? ddbgt_replica_kinesis_stream_arn(r) != NULL
	               : ddbgt_replica_contributor_insights(r) == 1;
}

/* A feature resource's head for region i: label, provider, after the replica, the table name. */
static void feature_head(ddbgt__emit_ctx *ctx, const char *label, size_t i,
                         ddbgt__emit_ref_fn table_ref, ddbgt__emit_ref_fn depends)
{
	ddbgt__tfjson *w = &ctx->w;
	char ref[DDBGT__EMIT_LABEL_MAX], dep[DDBGT__EMIT_LABEL_MAX];
	ddbgt__tfjson_key(w, label);
	ddbgt__tfjson_object_begin(w);
	ddbgt__emit_provider_kv(ctx, i);
	if (depends && depends(ctx, i, dep)) {
		DDBGT__TFJSON_ARRAY(w, "depends_on");
		ddbgt__tfjson_literal(w, dep);
		ddbgt__tfjson_array_end(w);
	}
	DDBGT__TFJSON_NAME(w, "table_name");
	ddbgt__tfjson_string_begin(w);
	ddbgt__tfjson_string_literal(w, "${");
	ddbgt__tfjson_string_literal(w, table_ref(ctx, i, ref));
	ddbgt__tfjson_string_literal(w, ".name}");
	ddbgt__tfjson_string_end(w);
}

static void write_insights_mode(ddbgt__tfjson *w, ddbgt_insights_mode m)
{
	const char *mode = ddbgt_enum_name(DDBGT_ENUM_INSIGHTS_MODE, m);
	if (mode)
		DDBGT__TFJSON_KV_LITERAL(w, "mode", mode);
}

/* One aws_dynamodb_contributor_insights per replica GSI that turns them on (index_name). */
static void write_gsi_insights(ddbgt__emit_ctx *ctx, ddbgt__emit_ref_fn table_ref,
                               ddbgt__emit_ref_fn depends)
{
	ddbgt__tfjson *w = &ctx->w;
	char label[DDBGT__EMIT_LABEL_MAX];
	for (size_t i = 0; i < ctx->nrep; i++) {
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		for (size_t g = 0; g < ctx->ngsi; g++) {
			const char *name = ddbgt_gsi_name(ddbgt_table_gsi_at(ctx->t, g));
			ddbgt_insights_mode mode;
			int on = 0;
			if (ddbgt_replica_get_gsi_contributor_insights(r, name, &on, &mode) != DDBGT_OK ||
			    !on)
				continue;
			ddbgt__emit_label(ctx, label, "%s_%s_%s", ctx->res,
			                  ddbgt__emit_gsi_label(ctx, g), ctx->alias[i]);
			feature_head(ctx, label, i, table_ref, depends);
			DDBGT__TFJSON_KV_TEXT(w, "index_name", name);
			write_insights_mode(w, mode);
			ddbgt__tfjson_object_end(w);
		}
	}
}

/*
 * One resource per region whose replica has the feature, in that region's
 * provider, after the replica exists, naming the table: the arguments
 * particular to the feature follow.
 */
static void write_replica_feature(ddbgt__emit_ctx *ctx, ddbgt__emit_ref_fn table_ref,
                                  ddbgt__emit_ref_fn depends, int feature)
{
	static const char *const types[] = {"aws_dynamodb_contributor_insights",
	                                    "aws_dynamodb_kinesis_streaming_destination"};
	ddbgt__tfjson *w = &ctx->w;
	size_t n = 0;
	for (size_t i = 0; i < ctx->nrep; i++) {
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		n += replica_has(r, feature) + (feature ? 0 : gsi_insights_count(r));
	}
	if (!n)
		return;
	char label[DDBGT__EMIT_LABEL_MAX];
	ddbgt__tfjson_key(w, types[feature]);
	ddbgt__tfjson_object_begin(w);
	for (size_t i = 0; i < ctx->nrep; i++) {
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		if (!replica_has(r, feature))
			continue;
		ddbgt__emit_label(ctx, label, "%s_%s", ctx->res, ctx->alias[i]);
		feature_head(ctx, label, i, table_ref, depends);
		if (!feature) {
			write_insights_mode(w, ddbgt_replica_contributor_insights_mode(r));
		} else {
			const char *precision = ddbgt_enum_name(DDBGT_ENUM_KINESIS_PRECISION,
			                                        ddbgt_replica_kinesis_stream_precision(r));
			DDBGT__TFJSON_KV_TEXT(w, "stream_arn", ddbgt_replica_kinesis_stream_arn(r));
			if (precision)
				DDBGT__TFJSON_KV_LITERAL(w, "approximate_creation_date_time_precision",
				                         precision);
		}
		ddbgt__tfjson_object_end(w);
	}
	if (!feature)
		write_gsi_insights(ctx, table_ref, depends);
	ddbgt__tfjson_object_end(w);
}

/*
 * One aws_dynamodb_resource_policy per policy of a replica, in its region's
 * provider, attached to the ARN of the region's table or stream (the
 * reference also orders it after them: AWS attaches a stream's policy only
 * to a stream that exists).
 */
static void write_resource_policies(ddbgt__emit_ctx *ctx, ddbgt__emit_attr_fn attr)
{
	ddbgt__tfjson *w = &ctx->w;
	char label[DDBGT__EMIT_LABEL_MAX];
	int any = 0;
	for (size_t i = 0; i < ctx->nrep; i++) {
		for (int stream = 0; stream < 2; stream++) {
			const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
			const char *policy = stream ? ddbgt_replica_stream_resource_policy(r)
			                            : ddbgt_replica_resource_policy(r);
			if (policy == NULL)
				continue;
			if (!any++) {
				DDBGT__TFJSON_OBJECT(w, "aws_dynamodb_resource_policy");
			}
			ddbgt__emit_label(ctx, label, stream ? "%s_%s_stream" : "%s_%s", ctx->res,
			                  ctx->alias[i]);
			ddbgt__tfjson_key(w, label);
			ddbgt__tfjson_object_begin(w);
			ddbgt__emit_provider_kv(ctx, i);
			DDBGT__TFJSON_NAME(w, "resource_arn");
			attr(ctx, i, stream ? "stream_arn" : "arn");
			DDBGT__TFJSON_KV_TEXT(w, "policy", policy);
			ddbgt__tfjson_object_end(w);
		}
	}
	if (any)
		ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_write_replica_features(ddbgt__emit_ctx *ctx, ddbgt__emit_ref_fn table_ref,
                                        ddbgt__emit_ref_fn depends, ddbgt__emit_attr_fn attr)
{
	write_replica_feature(ctx, table_ref, depends, 0);
	write_replica_feature(ctx, table_ref, depends, 1);
	write_resource_policies(ctx, attr);
}

void ddbgt__emit_write_import(ddbgt__emit_ctx *ctx, const char *to, size_t replica,
                              const char *id)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_object_begin(w);
	DDBGT__TFJSON_KV_LITERAL(w, "to", to);
	ddbgt__emit_provider_kv(ctx, replica);
	DDBGT__TFJSON_KV_TEXT(w, "id", id);
	ddbgt__tfjson_object_end(w);
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

	DDBGT__TFJSON_KV_TEXT(w, "name", ddbgt_table_name(t));
	DDBGT__TFJSON_KV_LITERAL(w, "billing_mode", provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");
	DDBGT__TFJSON_KV_TEXT(w, "hash_key", ddbgt_table_partition_key_name(t));
	if (ddbgt_table_sort_key_name(t))
		DDBGT__TFJSON_KV_TEXT(w, "range_key", ddbgt_table_sort_key_name(t));
	if (provisioned) {
		ddbgt__emit_capacity rc, wc;
		ddbgt__emit_capacity_of(ctx, rep, NULL, DDBGT_READ, &rc);
		ddbgt__emit_capacity_of(ctx, rep, NULL, DDBGT_WRITE, &wc);
		DDBGT__TFJSON_KV_INT(w, "read_capacity", declared_units(&rc));
		DDBGT__TFJSON_KV_INT(w, "write_capacity", declared_units(&wc));
	}
	write_keys_and_indexes(ctx, replica);

	if (force_stream || ddbgt_table_stream_enabled(t)) {
		ddbgt_stream_view view = force_stream ? DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES
		                                      : ddbgt_table_stream_view(t);
		DDBGT__TFJSON_KV_BOOL(w, "stream_enabled", 1);
		if (ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, view))
			DDBGT__TFJSON_KV_LITERAL(w, "stream_view_type",
			                         ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, view));
	} else {
		DDBGT__TFJSON_KV_BOOL(w, "stream_enabled", 0);
	}

	ddbgt_encryption enc = ddbgt_table_encryption(t);
	if (enc == DDBGT_ENCRYPTION_AWS_MANAGED || enc == DDBGT_ENCRYPTION_CUSTOMER_MANAGED) {
		DDBGT__TFJSON_OBJECT(w, "server_side_encryption");
		DDBGT__TFJSON_KV_BOOL(w, "enabled", 1);
		if (kms_key_of(ctx, replica)) {
			DDBGT__TFJSON_NAME(w, "kms_key_arn");
			ddbgt__emit_write_kms_value(ctx, replica);
		}
		ddbgt__tfjson_object_end(w);
	}

	if (ddbgt_table_ttl_attribute(t)) {
		DDBGT__TFJSON_OBJECT(w, "ttl");
		DDBGT__TFJSON_KV_TEXT(w, "attribute_name", ddbgt_table_ttl_attribute(t));
		DDBGT__TFJSON_KV_BOOL(w, "enabled", 1);
		ddbgt__tfjson_object_end(w);
	}

	DDBGT__TFJSON_KV_LITERAL(w, "table_class",
	                         ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS,
	                                         ddbgt_replica_effective_table_class(rep)));
	DDBGT__TFJSON_KV_BOOL(w, "deletion_protection_enabled",
	                      ddbgt_replica_effective_deletion_protection(rep) == 1);
	DDBGT__TFJSON_OBJECT(w, "point_in_time_recovery");
	DDBGT__TFJSON_KV_BOOL(w, "enabled", ddbgt_replica_effective_pitr(rep) == 1);
	int64_t days;
	if (pitr_period(rep, &days))
		DDBGT__TFJSON_KV_INT(w, "recovery_period_in_days", days);
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_write_lifecycle(ddbgt__emit_ctx *ctx, size_t replica, int ignore_replica)
{
	ddbgt__tfjson *w = &ctx->w;
	int provisioned = ddbgt_table_billing_mode(ctx->t) == DDBGT_BILLING_PROVISIONED;
	ddbgt__emit_capacity rc, wc;
	ddbgt__emit_capacity_of(ctx, ddbgt__emit_replica(ctx, replica), NULL, DDBGT_READ, &rc);
	ddbgt__emit_capacity_of(ctx, NULL, NULL, DDBGT_WRITE, &wc);
	/* Capacities that Application Auto Scaling moves are not Terraform's to reset. */
	int ignore_read = provisioned && rc.kind == EMIT_CAP_AUTOSCALING;
	int ignore_write = provisioned && wc.kind == EMIT_CAP_AUTOSCALING;
	if (!ignore_replica && !ignore_read && !ignore_write)
		return;
	DDBGT__TFJSON_OBJECT(w, "lifecycle");
	DDBGT__TFJSON_ARRAY(w, "ignore_changes");
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
	ddbgt__emit_capacity cap, home;
	/* Writes: one setting that DynamoDB keeps equal in every region of a current global table. */
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		if (i != ctx->primary && !writes_everywhere)
			continue;
		ddbgt__emit_capacity_of(ctx, NULL, NULL, DDBGT_WRITE, &cap);
		if (cap.kind == EMIT_CAP_AUTOSCALING)
			add_scaling(ctx, i, -1, DDBGT_WRITE, &cap, 0);
		for (size_t g = 0; g < ctx->ngsi; g++) {
			ddbgt__emit_capacity_of(ctx, NULL, ddbgt_table_gsi_at(ctx->t, g), DDBGT_WRITE,
			                        &cap);
			if (cap.kind == EMIT_CAP_AUTOSCALING)
				add_scaling(ctx, i, (long)g, DDBGT_WRITE, &cap, 0);
		}
	}
	/* Reads, region by region, the home region first. */
	const ddbgt_replica *prim = ddbgt__emit_replica(ctx, ctx->primary);
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		const ddbgt_replica *rep = ddbgt__emit_replica(ctx, i);
		for (long g = -1; g < (long)ctx->ngsi; g++) {
			const ddbgt_gsi *gsi = g < 0 ? NULL : ddbgt_table_gsi_at(ctx->t, (size_t)g);
			ddbgt__emit_capacity_of(ctx, rep, gsi, DDBGT_READ, &cap);
			ddbgt__emit_capacity_of(ctx, prim, gsi, DDBGT_READ, &home);
			if (cap.kind == EMIT_CAP_AUTOSCALING)
				add_scaling(ctx, i, g, DDBGT_READ, &cap, 0);
			else if (cap.kind == EMIT_CAP_UNITS && i != ctx->primary && !writes_everywhere &&
			         (home.kind != EMIT_CAP_UNITS || home.units != cap.units))
				/* No replica setting holds read units: a target with min = max pins them. */
				add_scaling(ctx, i, g, DDBGT_READ, &cap, 1);
		}
	}
}

/* ---- region order and outputs ---- */

size_t ddbgt__emit_region_at(const ddbgt__emit_ctx *ctx, size_t r)
{
	return r == 0 ? ctx->primary : r <= ctx->primary ? r - 1 : r;
}

void ddbgt__emit_plan_adopt(ddbgt__emit_ctx *ctx, const char *not_imported)
{
	if (ddbgt_table_adopt_existing(ctx->t) != 1)
		return;
	if (ctx->o->no_import)
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_ADOPT_NOT_IMPORTED, "/table/adopt_existing", NULL,
		                    "%s", not_imported);
	else
		ctx->imports = 1;
}

/* warm_throughput on the table or a GSI: provider 6.13 (PR #41308, reference/terraform.md 2.5). */
static void plan_warm(ddbgt__emit_ctx *ctx)
{
	const ddbgt_table *t = ctx->t;
	int64_t units;
	int warm = 0;
	for (int rw = 0; rw < 2; rw++) {
		warm |= ddbgt_table_get_warm_throughput(t, rw, &units) == DDBGT_OK;
		for (size_t g = 0; g < ctx->ngsi; g++)
			warm |= ddbgt_gsi_get_warm_throughput(ddbgt_table_gsi_at(t, g), rw, &units) ==
			        DDBGT_OK;
	}
	if (warm)
		ddbgt__emit_need(ctx, 6, 13, "warm_throughput");
}

/* No provider resource holds a replica's on-demand read maximum (reference/terraform.md). */
static void plan_replica_on_demand(ddbgt__emit_ctx *ctx)
{
	for (size_t i = 0; i < ctx->nrep; i++) {
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		int64_t units;
		int own = ddbgt_replica_get_on_demand_max_read(r, &units) == DDBGT_OK;
		size_t gsis = 0;
		for (size_t k = 0; k < ddbgt_replica_gsi_override_count(r); k++)
			gsis += ddbgt_replica_get_gsi_on_demand_max_read(
			                r, ddbgt_replica_gsi_override_name(r, k), &units) == DDBGT_OK;
		if (!own && !gsis)
			continue;
		char path[64];
		snprintf(path, sizeof path, "/replicas/%zu", i);
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_REPLICA_ON_DEMAND, path, ddbgt_replica_region(r),
		                    "the on-demand read maximum%s of the replica in %s cannot be "
		                    "expressed (Terraform has no per-replica on_demand_throughput): "
		                    "the replica gets the table's", gsis ? "s" : "",
		                    ddbgt_replica_region(r));
	}
}

void ddbgt__emit_plan_on_demand(ddbgt__emit_ctx *ctx)
{
	const ddbgt_table *t = ctx->t;
	int64_t units;
	int on_demand = ddbgt_table_billing_mode(t) != DDBGT_BILLING_PROVISIONED &&
	                (ddbgt_table_get_on_demand_max(t, DDBGT_READ, &units) == DDBGT_OK ||
	                 ddbgt_table_get_on_demand_max(t, DDBGT_WRITE, &units) == DDBGT_OK);
	for (size_t g = 0; g < ctx->ngsi && ddbgt_table_billing_mode(t) != DDBGT_BILLING_PROVISIONED;
	     g++) {
		const ddbgt_gsi *gsi = ddbgt_table_gsi_at(t, g);
		on_demand |= ddbgt_gsi_get_on_demand_max(gsi, DDBGT_READ, &units) == DDBGT_OK ||
		             ddbgt_gsi_get_on_demand_max(gsi, DDBGT_WRITE, &units) == DDBGT_OK;
	}
	if (on_demand)
		ddbgt__emit_need(ctx, 5, 72, "on_demand_throughput");
	for (size_t g = 0; g < ctx->ngsi; g++)
		if (gsi_multi_attribute(ddbgt_table_gsi_at(t, g)))
			ddbgt__emit_need(ctx, 6, 29, "global_secondary_index.key_schema");
	plan_warm(ctx);
	plan_replica_on_demand(ctx);
	for (size_t i = 0; i < ctx->nrep; i++) {
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		int mode = ddbgt_replica_contributor_insights(r) == 1 &&
		           ddbgt_replica_contributor_insights_mode(r) != DDBGT_INSIGHTS_MODE_UNSET;
		for (size_t k = 0; k < ddbgt_replica_gsi_override_count(r); k++) {
			ddbgt_insights_mode m;
			int on = 0;
			mode |= ddbgt_replica_get_gsi_contributor_insights(
			                r, ddbgt_replica_gsi_override_name(r, k), &on, &m) == DDBGT_OK &&
			        on && m != DDBGT_INSIGHTS_MODE_UNSET;
		}
		if (mode)
			/* terraform-provider-aws CHANGELOG 6.11.0 (PR #43914). */
			ddbgt__emit_need(ctx, 6, 11, "aws_dynamodb_contributor_insights.mode");
		if (ddbgt_replica_resource_policy(r) || ddbgt_replica_stream_resource_policy(r))
			/* terraform-provider-aws CHANGELOG 5.43.0 (PR #36595). */
			ddbgt__emit_need(ctx, 5, 43, "aws_dynamodb_resource_policy");
	}
}

void ddbgt__emit_write_output(ddbgt__emit_ctx *ctx, const char *quoted, size_t n,
                              const char *value, int expression)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_key_quoted_open(w, quoted, n, '{');
	if (expression)
		DDBGT__TFJSON_KV_LITERAL(w, "value", value);
	else
		DDBGT__TFJSON_KV_TEXT(w, "value", value);
	ddbgt__tfjson_object_end(w);
}

/* Where a region's ARN (k = 0) and stream ARN (1) were written: 2 per region, in document order. */
typedef struct region_value {
	size_t start, len;
} region_value;

/*
 * Output map k of every region: table_arns (k = 0), stream_arns (1), or
 * regions (2: both ARNs and more). The ARN values are written once, into the
 * first two maps, and recorded in seen; the third copies them.
 */
static void write_region_map(ddbgt__emit_ctx *ctx, int k, ddbgt__emit_attr_fn write_attr,
                             int own_class, region_value *seen)
{
	ddbgt__tfjson *w = &ctx->w;
	if (k == 0)
		DDBGT__TFJSON_OBJECT(w, "table_arns");
	else if (k == 1)
		DDBGT__TFJSON_OBJECT(w, "stream_arns");
	else
		DDBGT__TFJSON_OBJECT(w, "regions");
	DDBGT__TFJSON_OBJECT(w, "value");
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		const ddbgt_replica *rep = ddbgt__emit_replica(ctx, i);
		ddbgt__tfjson_key_quoted(w, ctx->region_key[i].quoted, ctx->region_key[i].len);
		if (k < 2) {
			size_t start = ddbgt__tfjson_offset(w);
			write_attr(ctx, i, k == 0 ? "arn" : "stream_arn");
			seen[2 * r + (size_t)k].start = start;
			seen[2 * r + (size_t)k].len = ddbgt__tfjson_offset(w) - start;
			continue;
		}
		const ddbgt_replica *cls = own_class ? rep : ddbgt__emit_replica(ctx, ctx->primary);
		ddbgt__tfjson_object_begin(w);
		DDBGT__TFJSON_NAME(w, "arn");
		ddbgt__tfjson_value_again(w, seen[2 * r].start, seen[2 * r].len);
		DDBGT__TFJSON_NAME(w, "stream_arn");
		ddbgt__tfjson_value_again(w, seen[2 * r + 1].start, seen[2 * r + 1].len);
		DDBGT__TFJSON_KV_LITERAL(w, "role", ddbgt_enum_name(DDBGT_ENUM_ROLE,
		                                                    ddbgt_replica_effective_role(rep)));
		DDBGT__TFJSON_KV_LITERAL(w, "table_class",
		                         ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS,
		                                         ddbgt_replica_effective_table_class(cls)));
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_write_region_maps(ddbgt__emit_ctx *ctx, ddbgt__emit_attr_fn write_attr,
                                   int own_class)
{
	/* On the stack for the usual few regions: an allocation costs more than the copies save. */
	region_value local[16], *seen = local;
	if (2 * ctx->nrep > 16 && !(seen = ddbgt__malloc(2 * ctx->nrep * sizeof(*seen)))) {
		ctx_fail(ctx, DDBGT_ENOMEM);
		return;
	}
	for (int k = 0; k < 3; k++)
		write_region_map(ctx, k, write_attr, own_class, seen);
	if (seen != local)
		ddbgt__free(seen);
}

/* ---- CloudFormation's Fn::Sub strings ---- */

static void sub_put(ddbgt__emit_ctx *ctx, ddbgt__sub_text *s, const char *p, size_t n)
{
	if (!ctx->status)
		ctx->status = ddbgt__text_append(&s->buf, &s->len, &s->cap, p, n);
}

void ddbgt__sub_literal(ddbgt__emit_ctx *ctx, ddbgt__sub_text *s, const char *p)
{
	sub_put(ctx, s, p, strlen(p));
}

void ddbgt__sub_user(ddbgt__emit_ctx *ctx, ddbgt__sub_text *s, const char *p)
{
	for (const char *q = p; *q; q++) {
		sub_put(ctx, s, q, 1);
		if (q[0] == '$' && q[1] == '{') {
			sub_put(ctx, s, "{!", 2);
			q++;
		}
	}
}

void ddbgt__sub_write(ddbgt__emit_ctx *ctx, ddbgt__sub_text *s)
{
	jw *out = &ctx->w.json;
	ddbgt__jw_object_begin(out);
	ddbgt__jw_key(out, "Fn::Sub");
	if (ddbgt__jw_string(out, s->buf ? s->buf : "") && !ctx->w.bad_string)
		ctx->w.bad_string = ddbgt_table_name(ctx->t);
	ddbgt__jw_object_end(out);
	ddbgt__sub_clear(s);
}

void ddbgt__sub_clear(ddbgt__sub_text *s)
{
	ddbgt__free(s->buf);
	s->buf = NULL;
	s->len = s->cap = 0;
}

/*
 * The public emit calls and the driver: check the options and the table,
 * set up the context, run the target's plan pass, then its write pass (see
 * emit_internal.h for the two passes). The writers the targets share are in
 * emit_common.c; the driver depends on the targets, never the reverse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/validate.h"
#include "fileio.h"
#include "emit_internal.h"
#include "emit_targets.h"
#include "options.h"
#include "yamlwrite.h"

/* Generated documents of the example specs are 2-20 KB. */
#define EMIT_SIZE_HINT 8192

/* The bytes each options version has (options.h). */
static const size_t emit_options_ends[] = {
	DDBGT__OPTIONS_END(ddbgt_emit_options, assume_role_arn),
	DDBGT__OPTIONS_END(ddbgt_emit_options, validated),
	DDBGT__OPTIONS_END(ddbgt_emit_options, parameters),
	DDBGT__OPTIONS_END(ddbgt_emit_options, stack_region),
};

#define EMIT_OPTIONS_VERSIONS (sizeof emit_options_ends / sizeof emit_options_ends[0])
_Static_assert(EMIT_OPTIONS_VERSIONS == DDBGT_EMIT_OPTIONS_VERSION, "one end per version");

DDBGT_API int ddbgt_emit_options_init(ddbgt_emit_options *opts, unsigned version)
{
	return ddbgt__options_init(opts, version, emit_options_ends, EMIT_OPTIONS_VERSIONS);
}

static const struct {
	int target;
	const char *name;
} target_names[] = {
	{DDBGT_EMIT_TERRAFORM, "terraform"},
	{DDBGT_EMIT_TERRAFORM_LEGACY, "terraform-legacy"},
	{DDBGT_EMIT_CLOUDFORMATION, "cloudformation"},
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

/* ---- the driver ---- */

/*
 * The replicas, aliases, provider references and quoted keys of every
 * region, made once per emit.
 */
static int make_region_names(ddbgt__emit_ctx *ctx)
{
	size_t head = ctx->nrep * (sizeof(struct ddbgt__emit_key) + 3 * sizeof(char *));
	size_t size = head;
	for (size_t i = 0; i < ctx->nrep; i++)
		size += 2 * strlen(ddbgt_replica_region(ddbgt_table_replica_at(ctx->t, i))) + 10;
	char *block = ddbgt__malloc(size);
	if (!block)
		return DDBGT_ENOMEM;
	ctx->region_key = (struct ddbgt__emit_key *)(void *)block;
	ctx->alias = (const char **)(void *)(ctx->region_key + ctx->nrep);
	ctx->provider = ctx->alias + ctx->nrep;
	ctx->replica = (const ddbgt_replica **)(void *)(ctx->provider + ctx->nrep);
	for (size_t i = 0; i < ctx->nrep; i++)
		ctx->replica[i] = ddbgt_table_replica_at(ctx->t, i);
	char *o = block + head;
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
		/* The guard let only region codes ([a-z0-9-]) through: nothing to escape. */
		o[0] = '"';
		memcpy(o + 1, region, n);
		memcpy(o + 1 + n, "\": ", 4);
		ctx->region_key[i].quoted = o;
		ctx->region_key[i].len = n + 4;
		o += n + 5;
	}
	return DDBGT_OK;
}

/* ^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$: the shape the emitters turn into provider aliases. */
static int region_shaped(const char *r)
{
	/* A run of letters at a time (the guard runs on every emit), then the digits that end it. */
	size_t parts = 0;
	const char *p = r;
	for (;;) {
		const char *start = p;
		while ((unsigned)(*p - 'a') < 26)
			p++;
		size_t letters = (size_t)(p - start);
		if (letters == 0)
			break;
		/* The first part is two letters; a part of letters is followed by another part. */
		if ((parts == 0 && letters != 2) || *p != '-')
			return 0;
		parts++;
		p++;
	}
	const char *digits = p;
	while ((unsigned)(*p - '0') < 10)
		p++;
	return parts >= 2 && p - digits >= 1 && p - digits <= 2 && *p == '\0';
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

/* A CloudFormation logical ID: [A-Za-z0-9], 1-255. */
static int valid_logical_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 255)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

/* What a CloudFormation template cannot take: the Terraform-only options. */
static const char *check_cloudformation_options(const ddbgt_emit_options *o)
{
	if (o->resource_name && !valid_logical_id(o->resource_name))
		return "resource_name is not a CloudFormation logical ID ([A-Za-z0-9], 1-255)";
	if (o->provider_version)
		return "provider_version applies to the Terraform targets only";
	if (o->default_tag_count)
		return "default tags apply to the Terraform targets only (give the stack tags: "
		       "aws cloudformation deploy --tags)";
	if (o->assume_role_arn)
		return "assume_role_arn applies to the Terraform targets only (aws cloudformation "
		       "deploy --role-arn)";
	if (o->no_import)
		return "no_import applies to the Terraform targets only";
	return NULL;
}

static int check_options(const ddbgt_emit_options *o, ddbgt_diags *found)
{
	const char *bad = NULL;
	int cfn = o->target == DDBGT_EMIT_CLOUDFORMATION;
	if (!ddbgt_emit_target_name(o->target))
		bad = "target is not a known target";
	else if (o->format != 0 && o->format != DDBGT_EMIT_FORMAT_JSON &&
	         o->format != DDBGT_EMIT_FORMAT_YAML)
		bad = "format is not a known format";
	else if (o->format == DDBGT_EMIT_FORMAT_YAML && !cfn)
		bad = "format YAML is for target cloudformation only (Terraform reads .tf.json)";
	else if (o->parameters && !cfn)
		bad = "parameters is for target cloudformation only";
	else if (o->stack_region && !cfn)
		bad = "stack_region is for target cloudformation only";
	else if (cfn)
		bad = check_cloudformation_options(o);
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
 * the outputs quote; for the Terraform targets also what the provider
 * refuses (warm throughput below its floor). A refusal here is never a
 * warning.
 */
static int guard(const ddbgt_table *t, int terraform, ddbgt_diags *found)
{
	size_t before = ddbgt_diags_error_count(found);
	int rc = 0;
	char path[96];
	if (!ddbgt_table_name(t) || !ddbgt_table_name(t)[0] || !ddbgt_table_partition_key_name(t))
		rc |= ddbgt__diag_addf(found, DDBGT_E_EMIT_INCOMPLETE, "/table", NULL,
		                       "the table needs a name and a partition key");
	for (size_t i = 0; i < ddbgt_table_gsi_count(t); i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(t, i);
		/* Either form of the key: one attribute, or key_schema blocks and a KeySchema. */
		if (ddbgt_gsi_partition_key_attribute_count(g) == 0) {
			snprintf(path, sizeof path, "/table/global_secondary_indexes/%zu", i);
			rc |= ddbgt__diag_addf(found, DDBGT_E_EMIT_INCOMPLETE, path, NULL,
			                       "the index needs a partition key");
		}
	}
	for (size_t i = 1; i < ddbgt_table_replica_count(t); i++) {
		const char *a = ddbgt_replica_account_id(ddbgt_table_replica_at(t, i));
		const char *home = ddbgt_replica_account_id(ddbgt_table_replica_at(t, 0));
		if (strcmp(a ? a : "", home ? home : "") != 0) {
			snprintf(path, sizeof path, "/replicas/%zu/account_id", i);
			rc |= ddbgt__diag_addf(found, DDBGT_E_EMIT_MULTI_ACCOUNT, path, NULL,
			                       "the replica in %s is in another account than the one in "
			                       "%s: %s", ddbgt_replica_region(ddbgt_table_replica_at(t, i)),
			                       ddbgt_replica_region(ddbgt_table_replica_at(t, 0)),
			                       terraform ? "the Terraform AWS provider creates replicas "
			                                   "only in the table's own account "
			                                   "(doc/terraform.md)"
			                                 : "ddbgt does not write the stacks of other "
			                                   "accounts (GlobalTableSourceArn) yet");
			break;
		}
	}
	for (size_t i = 0; terraform && i <= ddbgt_table_gsi_count(t); i++) {
		/* The table (i == 0) and each GSI: the provider's IntAtLeast(12000 / 4000). */
		static const int64_t least[2] = {12000, 4000};
		const ddbgt_gsi *g = i > 0 ? ddbgt_table_gsi_at(t, i - 1) : NULL;
		for (int side = 0; side < 2; side++) {
			int64_t v = 0;
			if ((g ? ddbgt_gsi_get_warm_throughput(g, side, &v)
			       : ddbgt_table_get_warm_throughput(t, side, &v)) != DDBGT_OK ||
			    v >= least[side])
				continue;
			if (g)
				snprintf(path, sizeof path,
				         "/table/global_secondary_indexes/%zu/warm_throughput/%s", i - 1,
				         side ? "write_units_per_second" : "read_units_per_second");
			else
				snprintf(path, sizeof path, "/table/warm_throughput/%s",
				         side ? "write_units_per_second" : "read_units_per_second");
			rc |= ddbgt__diag_addf(found, DDBGT_E_EMIT_WARM_THROUGHPUT, path, NULL,
			                       "warm throughput %lld is below the %lld the AWS provider "
			                       "accepts", (long long)v, (long long)least[side]);
		}
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
		int twice = 0;
		for (size_t j = 0; j < i; j++)
			twice |= strcmp(region, ddbgt_replica_region(ddbgt_table_replica_at(t, j))) == 0;
		if (region_shaped(region) && !twice)
			continue;
		/* The path only for a finding: this loop runs on every emit. */
		snprintf(path, sizeof path, "/replicas/%zu/region", i);
		rc |= ddbgt__diag_addf(found, DDBGT_E_EMIT_REGION, path, region,
		                       twice ? "region %s appears twice: one provider per region"
		                             : "\"%s\" is not a region code",
		                       region);
	}
	if (rc)
		return DDBGT_ENOMEM;
	return ddbgt_diags_error_count(found) > before ? DDBGT_EINVALID : DDBGT_OK;
}

static void free_ctx(ddbgt__emit_ctx *ctx)
{
	ddbgt__emit_free_gsi_labels(ctx);
	ddbgt__free(ctx->scaling);
	ddbgt__free(ctx->region_key);
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

/*
 * The validator's verdict, with the table's own policy. Its findings go to
 * checked, which the caller reports only when the emit is refused: a caller
 * that wants them on success validates itself (and says so with
 * opts.validated). With opts.validated the validator does not run again and
 * the errors already in diags refuse.
 */
static int check_table(const ddbgt_table *table, const ddbgt_emit_options *o,
                       const ddbgt_diags *diags, ddbgt_diags *checked)
{
	if (!o->validated)
		return ddbgt_table_validate(table, NULL, checked);
	return diags && ddbgt_diags_error_count(diags) ? DDBGT_EINVALID : DDBGT_OK;
}

static int emit(char **out, size_t *len, const ddbgt_table *table,
                const ddbgt_emit_options *opts, ddbgt_diags *diags)
{
	ddbgt_emit_options o = DDBGT_EMIT_OPTIONS_INIT;
	ddbgt__emit_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	/* checked only when the validator runs here, ctx.findings at the first finding. */
	ddbgt_diags *found = NULL, *checked = NULL;
	int rc = ddbgt_diags_new(&found);
	if (rc)
		return rc;
	if (opts && (rc = ddbgt__options_read_said(&o, sizeof o, opts, emit_options_ends,
	                                           EMIT_OPTIONS_VERSIONS, "emit options", found)))
		goto done;
	if (o.target == 0)
		o.target = DDBGT_EMIT_TERRAFORM;
	ctx.t = table;
	ctx.o = &o;
	ctx.target_name = ddbgt_emit_target_name(o.target);

	if ((rc = check_options(&o, found)))
		goto done;
	/* The guard refuses what cannot be written, whatever the policy let through. */
	if (!o.validated && (rc = ddbgt_diags_new(&checked)))
		goto done;
	if ((rc = check_table(table, &o, diags, checked)) || (rc = guard(table, o.target != DDBGT_EMIT_CLOUDFORMATION, found)))
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
	ctx.stack = ctx.nrep;
	for (size_t i = 0; i < ctx.nrep; i++)
		if (o.stack_region ? strcmp(o.stack_region,
		                            ddbgt_replica_region(ddbgt_table_replica_at(table, i))) == 0
		                   : i == ctx.primary)
			ctx.stack = i;
	if (ctx.stack == ctx.nrep) {
		rc = ddbgt__diag_addf(found, DDBGT_E_EMIT_OPTION, "", NULL,
		                      "emit option: stack_region %s is not the region of a replica",
		                      o.stack_region);
		rc = rc ? rc : DDBGT_EINVAL;
		goto done;
	}
	if ((rc = make_region_names(&ctx)))
		goto done;
	int cfn = o.target == DDBGT_EMIT_CLOUDFORMATION;
	if (o.resource_name)
		snprintf(ctx.res, sizeof ctx.res, "%s", o.resource_name);
	else if (cfn)
		snprintf(ctx.res, sizeof ctx.res, "Table");
	else
		ddbgt__emit_identifier(ctx.res, 256, ddbgt_table_name(table));

	int legacy = o.target == DDBGT_EMIT_TERRAFORM_LEGACY;
	if (legacy != (ddbgt_table_legacy_version(table) == 1)) {
		rc = ddbgt__diag_addf(found, DDBGT_E_EMIT_TARGET_MISMATCH, "/table/legacy_version", NULL,
		                      legacy ? "target terraform-legacy writes a version 2017.11.29 "
		                               "global table, but the spec does not set legacy_version"
		                             : "the spec describes a version 2017.11.29 global table "
		                               "(legacy_version), which target %s cannot write; emit "
		                               "it with target terraform-legacy",
		                      ctx.target_name);
		goto refused;
	}

	ctx.floor_major = 5;
	ctx.floor_minor = 0;
	ctx.floor_feature = NULL;
	rc = legacy ? ddbgt__emit_terraform_legacy_plan(&ctx)
	     : cfn  ? ddbgt__emit_cloudformation_plan(&ctx)
	            : ddbgt__emit_terraform_plan(&ctx);
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
	else if (cfn)
		ddbgt__emit_cloudformation_write(&ctx);
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
	if (!rc && o.format == DDBGT_EMIT_FORMAT_YAML) {
		char *json = *out;
		size_t json_len = strlen(json);
		*out = NULL;
		rc = ddbgt__yaml_from_json(out, len, json, json_len);
		ddbgt__free(json);
	}
	if (!rc && ctx.findings)
		rc = ddbgt_diags_append(found, ctx.findings);
	goto done;

refused:
	if (rc == DDBGT_OK || rc == DDBGT_EINVALID) {
		/* With opts.validated the validator's errors are the ones already in diags. */
		size_t errors = ddbgt_diags_error_count(checked) + ddbgt_diags_error_count(found) +
		                (o.validated && diags ? ddbgt_diags_error_count(diags) : 0);
		rc = ddbgt__diag_addf(found, DDBGT_E_EMIT_INVALID_MODEL, "", NULL,
		                      "nothing was emitted: %zu error(s) above", errors);
		if (!rc)
			rc = DDBGT_EINVALID;
	}
done:
	if (diags && checked && rc == DDBGT_EINVALID && ddbgt_diags_append(diags, checked))
		rc = DDBGT_ENOMEM;
	if (diags && ddbgt_diags_append(diags, found) && rc == DDBGT_OK)
		rc = DDBGT_ENOMEM;
	if (rc && *out) {
		ddbgt__free(*out);
		*out = NULL;
	}
	ddbgt_diags_free(found);
	ddbgt_diags_free(checked);
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
	rc = ddbgt__file_write_atomic(path, doc, len);
	ddbgt__free(doc);
	return rc;
}

/*
 * Build tool: data/prices.json as compiled C data (lib/prices_data.c).
 * Usage: prices2c PRICES.json OUT.c
 *
 * The file is read by the library's own price loader and the table it builds
 * is written out as it sits in memory, so the compiled table means exactly
 * what the file means and there is one parser. Items are walked up to
 * DDBGT_PRICE_ITEM_COUNT and written by index, so an item appended to
 * ddbgt_price_item needs no edit here; the generated file asserts the count
 * it was written for.
 */
#include <stdio.h>
#include <stdlib.h>

#include "prices_internal.h"

static const char *const slot_names[DDBGT__CLASS_SLOTS] = {
	"standard, and the items no class changes", "standard_infrequent_access"
};

/* s as a C string literal, or NULL; every byte that is not plain ASCII as octal. */
static void put_string(FILE *f, const char *s)
{
	if (!s) {
		fputs("NULL", f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		/* '?' is escaped so that no trigraph can form under -std=c11. */
		if (c == '"' || c == '\\' || c == '?')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* One string member of a designated initializer: ".name = "text",". */
static void put_field(FILE *f, const char *indent, const char *name, const char *value)
{
	fprintf(f, "%s.%s = ", indent, name);
	put_string(f, value);
	fputs(",\n", f);
}

static void put_cell(FILE *f, const ddbgt__price_cell *c)
{
	fprintf(f, "{%lld, %u, %u}", (long long)c->nanos, c->set, c->derived);
}

static void put_pairs(FILE *f, const ddbgt__region_prices *rp, size_t r)
{
	size_t i;

	if (!rp->npairs)
		return;
	fprintf(f, "/* %s */\nstatic const ddbgt__transfer_pair pairs_%zu[] = {\n", rp->code, r);
	for (i = 0; i < rp->npairs; i++) {
		fputs("\t{", f);
		put_string(f, rp->pairs[i].to);
		fputs(", ", f);
		put_cell(f, &rp->pairs[i].price);
		fputs("},\n", f);
	}
	fputs("};\n\n", f);
}

static void put_region(FILE *f, const ddbgt__region_prices *rp, size_t r)
{
	size_t s;
	int it;

	fputs("\t{\n", f);
	put_field(f, "\t\t", "code", rp->code);
	put_field(f, "\t\t", "effective_date", rp->effective_date);
	put_field(f, "\t\t", "source", rp->source);
	fputs("\t\t.cell = {\n", f);
	for (s = 0; s < DDBGT__CLASS_SLOTS; s++) {
		fprintf(f, "\t\t\t{ /* %s */\n", slot_names[s]);
		for (it = 0; it < DDBGT_PRICE_ITEM_COUNT; it++) {
			if (!rp->cell[s][it].set)
				continue;
			fprintf(f, "\t\t\t\t[%d] = ", it);
			put_cell(f, &rp->cell[s][it]);
			fprintf(f, ", /* %s */\n", ddbgt_price_item_name((ddbgt_price_item)it));
		}
		fputs("\t\t\t},\n", f);
	}
	fputs("\t\t},\n", f);
	/* The casts drop const only in the type: the data stays in read-only memory. */
	if (rp->npairs)
		fprintf(f, "\t\t.pairs = (ddbgt__transfer_pair *)pairs_%zu,\n"
		           "\t\t.npairs = %zu,\n\t\t.cappairs = %zu,\n",
		        r, rp->npairs, rp->npairs);
	fputs("\t},\n", f);
}

static void put_table(FILE *f, const ddbgt_prices *p)
{
	size_t r;

	fputs("/* Generated from data/prices.json by mk/prices2c.c (the library's price loader):"
	      " do not edit. */\n#include <stddef.h>\n\n#include \"prices_internal.h\"\n\n", f);
	fprintf(f, "_Static_assert(DDBGT_PRICE_ITEM_COUNT == %d,\n"
	           "               \"ddbgt_price_item changed: regenerate with mk/prices2c\");\n\n",
	        DDBGT_PRICE_ITEM_COUNT);
	for (r = 0; r < p->nregions; r++)
		put_pairs(f, &p->regions[r], r);
	fprintf(f, "static const ddbgt__region_prices regions[%zu] = {\n", p->nregions);
	for (r = 0; r < p->nregions; r++)
		put_region(f, &p->regions[r], r);
	fputs("};\n\nconst ddbgt_prices ddbgt__prices_builtin = {\n", f);
	put_field(f, "\t", "currency", p->currency);
	put_field(f, "\t", "effective_date", p->effective_date);
	put_field(f, "\t", "source", p->source);
	/* %a: the free-tier amounts read back as the very doubles the loader made. */
	fprintf(f, "\t.free_storage_gb = %a,\n\t.free_capacity_unit_hours = %a,\n"
	           "\t.free_stream_reads = %a,\n\t.free_set = %u,\n",
	        p->free_storage_gb, p->free_capacity_unit_hours, p->free_stream_reads, p->free_set);
	fprintf(f, "\t.regions = (ddbgt__region_prices *)regions,\n\t.nregions = %zu,\n"
	           "\t.capregions = %zu,\n\t.compiled_in = 1,\n};\n",
	        p->nregions, p->nregions);
}

int main(int argc, char **argv)
{
	ddbgt_diags *diags = NULL;
	ddbgt_prices *prices = NULL;
	FILE *out;
	int rc;

	if (argc != 3) {
		fputs("usage: prices2c PRICES.json OUT.c\n", stderr);
		return 2;
	}
	if (ddbgt_diags_new(&diags) != DDBGT_OK) {
		fputs("prices2c: out of memory\n", stderr);
		return 1;
	}
	rc = ddbgt_prices_load_file(&prices, argv[1], diags);
	if (rc != DDBGT_OK) {
		char *text = NULL;

		fprintf(stderr, "prices2c: %s: %s\n", argv[1], ddbgt_strerror(rc));
		if (ddbgt_diags_to_text(&text, diags) == DDBGT_OK)
			fputs(text, stderr);
		ddbgt_free(text);
		ddbgt_diags_free(diags);
		return 1;
	}
	ddbgt_diags_free(diags);
	out = fopen(argv[2], "w");
	if (!out) {
		perror(argv[2]);
		ddbgt_prices_free(prices);
		return 1;
	}
	put_table(out, prices);
	ddbgt_prices_free(prices);
	if (ferror(out) | fclose(out)) {
		perror(argv[2]);
		return 1;
	}
	return 0;
}

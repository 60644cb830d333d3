/* The JSON writer of the Terraform emitters: layout, JSON and template escaping, errors. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "alloc.h"
#include "testutil.h"
#include "tfjson.h"
#include "utf8.h"

/* Finish w and compare the document with want; frees the document. */
static void expect_doc(ddbgt__tfjson *w, const char *want)
{
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(ddbgt__tfjson_finish(w, &out, &len), DDBGT_OK);
	ck_assert_str_eq(out, want);
	ck_assert_uint_eq(len, strlen(want));
	ddbgt__free(out);
}

/* The JSON string (quotes included) that a text value becomes. */
static char *text_value(const char *s, int template_text)
{
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 1, 0);
	ddbgt__tfjson_array_begin(&w);
	if (template_text)
		ddbgt__tfjson_text(&w, s);
	else
		ddbgt__tfjson_literal(&w, s);
	ddbgt__tfjson_array_end(&w);
	char *out = NULL;
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_OK);
	/* Strip "[" and "]\n". */
	size_t n = strlen(out);
	char *v = strndup(out + 1, n - 3);
	ddbgt__free(out);
	return v;
}

START_TEST(pretty_layout_matches_two_space_indent)
{
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_object_begin(&w);
	ddbgt__tfjson_kv_literal(&w, "a", "x");
	ddbgt__tfjson_key(&w, "empty_object");
	ddbgt__tfjson_object_begin(&w);
	ddbgt__tfjson_object_end(&w);
	ddbgt__tfjson_key(&w, "empty_array");
	ddbgt__tfjson_array_begin(&w);
	ddbgt__tfjson_array_end(&w);
	ddbgt__tfjson_key(&w, "list");
	ddbgt__tfjson_array_begin(&w);
	ddbgt__tfjson_int(&w, -5);
	ddbgt__tfjson_bool(&w, 1);
	ddbgt__tfjson_object_begin(&w);
	DDBGT__TFJSON_KV_BOOL(&w, "b", 0);
	ddbgt__tfjson_object_end(&w);
	ddbgt__tfjson_array_end(&w);
	ddbgt__tfjson_object_end(&w);
	expect_doc(&w, "{\n"
	               "  \"a\": \"x\",\n"
	               "  \"empty_object\": {},\n"
	               "  \"empty_array\": [],\n"
	               "  \"list\": [\n"
	               "    -5,\n"
	               "    true,\n"
	               "    {\n"
	               "      \"b\": false\n"
	               "    }\n"
	               "  ]\n"
	               "}\n");
}
END_TEST

START_TEST(compact_layout_has_no_whitespace)
{
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 1, 16);
	ddbgt__tfjson_object_begin(&w);
	DDBGT__TFJSON_KV_INT(&w, "n", 9223372036854775807LL);
	ddbgt__tfjson_key(&w, "l");
	ddbgt__tfjson_array_begin(&w);
	ddbgt__tfjson_literal(&w, "x y");
	ddbgt__tfjson_literal(&w, "z");
	ddbgt__tfjson_array_end(&w);
	ddbgt__tfjson_object_end(&w);
	expect_doc(&w, "{\"n\":9223372036854775807,\"l\":[\"x y\",\"z\"]}\n");
}
END_TEST

START_TEST(numbers_are_shortest_round_trip)
{
	static const struct {
		double v;
		const char *want;
	} cases[] = {
		{70, "70"}, {72.5, "72.5"}, {72.3, "72.3"}, {0.1 + 0.2, "0.30000000000000004"},
		{-0.5, "-0.5"}, {1e21, "1e+21"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ddbgt__tfjson w;
		ddbgt__tfjson_init(&w, 1, 0);
		ddbgt__tfjson_array_begin(&w);
		ddbgt__tfjson_number(&w, cases[i].v);
		ddbgt__tfjson_array_end(&w);
		char want[64];
		snprintf(want, sizeof want, "[%s]\n", cases[i].want);
		expect_doc(&w, want);
	}
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 1, 0);
	ddbgt__tfjson_array_begin(&w);
	ddbgt__tfjson_number(&w, strtod("nan", NULL));
	ddbgt__tfjson_array_end(&w);
	char *out = (char *)1;
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_ERANGE);
	ck_assert_ptr_null(out);
}
END_TEST

/*
 * The one number policy of every document: random doubles of every exponent
 * and sign read back exactly, with 15 significant digits whenever 15 do and
 * integral values exact in a double as integers.
 */
START_TEST(numbers_read_back_exactly)
{
	uint64_t state = 0x2545f4914f6cdd1du;
	char text[JW_NUMBER_MAX], g15[40];
	for (int i = 0; i < 20000; i++) {
		ddbgt_test_next_bits(&state);
		double v;
		memcpy(&v, &state, sizeof v);
		if (!isfinite(v)) {
			ck_assert_uint_eq(ddbgt__jw_format_number(text, v), 0);
			continue;
		}
		size_t n = ddbgt__jw_format_number(text, v);
		ck_assert_uint_gt(n, 0);
		ck_assert_uint_eq(n, strlen(text));
		ck_assert_msg(strtod(text, NULL) == v, "%s does not read back as %.17g", text, v);
		snprintf(g15, sizeof g15, "%.15g", v);
		if (v != floor(v) && strtod(g15, NULL) == v)
			ck_assert_str_eq(text, g15);
	}
	ck_assert_uint_eq(ddbgt__jw_format_number(text, 9007199254740992.0), 16);
	ck_assert_str_eq(text, "9007199254740992");
	ck_assert_uint_eq(ddbgt__jw_format_number(text, -0.0), 1);
	ck_assert_str_eq(text, "0");
}
END_TEST

START_TEST(json_escapes)
{
	char *v = text_value("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f ü✓😀", 0);
	ck_assert_str_eq(v, "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f ü✓😀\"");
	free(v);
}
END_TEST

/*
 * Terraform reads "$${" as a literal "${" and "%%{" as "%{"; every other "$"
 * or "%" is literal already. Each pair below was checked with terraform
 * console (the escaped form reads back as the input).
 */
START_TEST(template_escapes)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"${var.secret}", "\"$${var.secret}\""},
		{"%{if true}x%{endif}", "\"%%{if true}x%%{endif}\""},
		{"$${already}", "\"$$${already}\""},
		{"%%{already}", "\"%%%{already}\""},
		{"$ % $$ %% { } $x %x", "\"$ % $$ %% { } $x %x\""},
		{"${{", "\"$${{\""},
		{"end$", "\"end$\""},
		{"{${", "\"{$${\""},
		{"", "\"\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *v = text_value(cases[i].in, 1);
		ck_assert_msg(strcmp(v, cases[i].want) == 0, "%s -> %s, want %s", cases[i].in, v,
		              cases[i].want);
		free(v);
	}
	/* Literal positions keep the text as it is. */
	char *v = text_value("${aws_dynamodb_table.t.arn}", 0);
	ck_assert_str_eq(v, "\"${aws_dynamodb_table.t.arn}\"");
	free(v);
}
END_TEST

START_TEST(template_keys_are_escaped_too)
{
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 1, 0);
	ddbgt__tfjson_object_begin(&w);
	ddbgt__tfjson_key_text(&w, "${k}");
	ddbgt__tfjson_text(&w, "%{v}");
	ddbgt__tfjson_key(&w, "${literal}");
	ddbgt__tfjson_literal(&w, "x");
	ddbgt__tfjson_object_end(&w);
	expect_doc(&w, "{\"$${k}\":\"%%{v}\",\"${literal}\":\"x\"}\n");
}
END_TEST

/* Composed strings keep each piece's meaning across the joins. */
START_TEST(composed_strings)
{
	static const struct {
		const char *a;
		int a_text;
		const char *b;
		int b_text;
		const char *want;
	} cases[] = {
		/* A literal reference then a text: the text's "${" is escaped. */
		{"table/${t.name}/index/", 0, "${i}", 1, "\"table/${t.name}/index/$${i}\""},
		/* A literal ending in "$" then a text "{": together they are escaped. */
		{"cost$", 0, "{x}", 1, "\"cost$${x}\""},
		{"cost%", 0, "{x}", 1, "\"cost%%{x}\""},
		/* A text ending in "$" before a literal "${": still an interpolation. */
		{"a$", 1, "${local.v}", 0, "\"a${\\\"$\\\"}${local.v}\""},
		{"a$$", 1, "${local.v}", 0, "\"a${\\\"$$\\\"}${local.v}\""},
		{"a%", 1, "%{if true}T%{endif}", 0, "\"a${\\\"%\\\"}%{if true}T%{endif}\""},
		/* Different sigils do not combine. */
		{"a%", 1, "${local.v}", 0, "\"a%${local.v}\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ddbgt__tfjson w;
		ddbgt__tfjson_init(&w, 1, 0);
		ddbgt__tfjson_array_begin(&w);
		ddbgt__tfjson_string_begin(&w);
		if (cases[i].a_text)
			ddbgt__tfjson_string_text(&w, cases[i].a);
		else
			ddbgt__tfjson_string_literal(&w, cases[i].a);
		if (cases[i].b_text)
			ddbgt__tfjson_string_text(&w, cases[i].b);
		else
			ddbgt__tfjson_string_literal(&w, cases[i].b);
		ddbgt__tfjson_string_end(&w);
		ddbgt__tfjson_array_end(&w);
		char want[128];
		snprintf(want, sizeof want, "[%s]\n", cases[i].want);
		expect_doc(&w, want);
	}
}
END_TEST

static const char plain_ascii[] = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`"
                                  "abcdefghijklmnopqrstuvwxyz{|}~";

/* One string of pieces, through ddbgt__tfjson_literal_pieces or piece by piece. */
static int pieces_doc(const char *const *pieces, size_t n, int at_once, char **out,
                      const char **bad)
{
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 1, 0);
	ddbgt__tfjson_array_begin(&w);
	if (at_once) {
		/* Pieces of printable ASCII but '"' and '\\' go as plain: copied, not escaped. */
		ddbgt__tfjson_piece with_len[4];
		for (size_t i = 0; i < n; i++)
			with_len[i] = (ddbgt__tfjson_piece){pieces[i], strlen(pieces[i]),
			                                    strspn(pieces[i], plain_ascii) ==
			                                        strlen(pieces[i])};
		ddbgt__tfjson_literal_pieces(&w, with_len, n);
	} else {
		ddbgt__tfjson_string_begin(&w);
		for (size_t i = 0; i < n; i++)
			ddbgt__tfjson_string_literal(&w, pieces[i]);
		ddbgt__tfjson_string_end(&w);
	}
	ddbgt__tfjson_array_end(&w);
	*bad = w.bad_string;
	return ddbgt__tfjson_finish(&w, out, NULL);
}

/*
 * The one-pass composition writes what the pieces write one by one: joins
 * where a "${" follows its sigil, long pieces, escapes, and the string that
 * is not UTF-8 named by its piece.
 */
START_TEST(literal_pieces_as_piece_by_piece)
{
	static char longer[700];
	memset(longer, 'x', sizeof longer - 1);
	const char *const cases[][4] = {
		{"${aws_dynamodb_table.", "orders", ".arn}", NULL},
		{"a$", "${x}", NULL},
		{"100%", "%{if true}y%{endif}", NULL},
		{"a$", "b", "${x}", NULL},
		{longer, "${y}", NULL},
		{"say \"", "hi\\", "\"\n", NULL},
		{NULL},
		{"ok", "\xc3\x28", "end", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = 0;
		while (n < 4 && cases[i][n])
			n++;
		char *one = NULL, *each = NULL;
		const char *bad_one, *bad_each;
		int rc_one = pieces_doc(cases[i], n, 1, &one, &bad_one);
		int rc_each = pieces_doc(cases[i], n, 0, &each, &bad_each);
		ck_assert_int_eq(rc_one, rc_each);
		ck_assert_ptr_eq(bad_one, bad_each);
		if (rc_one == DDBGT_OK)
			ck_assert_str_eq(one, each);
		else
			ck_assert_ptr_eq(bad_one, cases[i][1]);
		ddbgt__free(one);
		ddbgt__free(each);
	}
}
END_TEST

/* A plain piece is JSON text already: its escapes are copied, not escaped again. */
START_TEST(literal_pieces_plain_as_json_text)
{
	const ddbgt__tfjson_piece pieces[] = {DDBGT__TFJSON_PLAIN("r == \\\""),
	                                      {"eu\"x", 4, 0},
	                                      {"\\\"", 2, 1}};
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 1, 0);
	ddbgt__tfjson_array_begin(&w);
	ddbgt__tfjson_literal_pieces(&w, pieces, 3);
	ddbgt__tfjson_array_end(&w);
	expect_doc(&w, "[\"r == \\\"eu\\\"x\\\"\"]\n");
}
END_TEST

START_TEST(utf8_validation)
{
	static const char *const good[] = {"", "ascii", "\xc3\xa9", "\xe2\x9c\x93", "\xf0\x9f\x98\x80",
	                                   "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf"};
	static const char *const bad[] = {
		"\x80",             /* lone continuation */
		"\xc3",             /* truncated */
		"\xc3\x28",         /* bad continuation */
		"\xc0\xaf",         /* overlong */
		"\xe0\x80\xaf",     /* overlong */
		"\xed\xa0\x80",     /* UTF-16 surrogate */
		"\xf4\x90\x80\x80", /* past U+10FFFF */
		"\xf5\x80\x80\x80", /* past U+10FFFF */
		"\xff",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(ddbgt__utf8_valid(good[i]), "good %zu", i);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(!ddbgt__utf8_valid(bad[i]), "bad %zu", i);
		ddbgt__tfjson w;
		ddbgt__tfjson_init(&w, 0, 0);
		ddbgt__tfjson_object_begin(&w);
		DDBGT__TFJSON_KV_TEXT(&w, "k", bad[i]);
		ddbgt__tfjson_object_end(&w);
		ck_assert_ptr_eq(w.bad_string, bad[i]);
		char *out = (char *)1;
		ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
		ck_assert_ptr_null(out);
		/* The pair's key is the string named when it is the bad one. */
		ddbgt__tfjson_init(&w, 0, 0);
		ddbgt__tfjson_object_begin(&w);
		ddbgt__tfjson_kv_literal(&w, bad[i], "fine");
		ck_assert_ptr_eq(w.bad_string, bad[i]);
		ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	}
}
END_TEST

/* {"aws_dynamodb_table": {"//": 1}} with its keys written as names or through the escaping key. */
static char *names_doc(int compact, int as_names)
{
	char *out = NULL;
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, compact, 0);
	ddbgt__tfjson_object_begin(&w);
	/* Twice, for the commas; the containers open with their name in one call or two. */
	for (int k = 0; k < 2; k++) {
		if (as_names) {
			DDBGT__TFJSON_OBJECT(&w, "aws_dynamodb_table");
			DDBGT__TFJSON_NAME(&w, "//");
		} else {
			ddbgt__tfjson_key(&w, "aws_dynamodb_table");
			ddbgt__tfjson_object_begin(&w);
			ddbgt__tfjson_key(&w, "//");
		}
		ddbgt__tfjson_int(&w, k);
		if (as_names) {
			DDBGT__TFJSON_ARRAY(&w, "list");
		} else {
			ddbgt__tfjson_key(&w, "list");
			ddbgt__tfjson_array_begin(&w);
		}
		ddbgt__tfjson_int(&w, 1);
		ddbgt__tfjson_array_end(&w);
		ddbgt__tfjson_object_end(&w);
	}
	ddbgt__tfjson_object_end(&w);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_OK);
	return out;
}

/*
 * {"a": [{"region": v, "name": v}, ...]} with each pair written by the named
 * pair macros or by a name and a separate value: status, text and the string
 * named as not UTF-8.
 */
static int named_pairs_doc(const char *const *values, size_t n, int compact, int as_pairs,
                           char **out, const char **bad)
{
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, compact, 0);
	ddbgt__tfjson_object_begin(&w);
	DDBGT__TFJSON_NAME(&w, "a");
	ddbgt__tfjson_array_begin(&w);
	for (size_t i = 0; i < n; i++) {
		ddbgt__tfjson_object_begin(&w);
		if (as_pairs) {
			DDBGT__TFJSON_KV_TEXT(&w, "region", values[i]);
			DDBGT__TFJSON_KV_LITERAL(&w, "name", values[i]);
		} else {
			DDBGT__TFJSON_NAME(&w, "region");
			ddbgt__tfjson_text(&w, values[i]);
			DDBGT__TFJSON_NAME(&w, "name");
			ddbgt__tfjson_literal(&w, values[i]);
		}
		ddbgt__tfjson_object_end(&w);
	}
	ddbgt__tfjson_array_end(&w);
	ddbgt__tfjson_object_end(&w);
	*bad = w.bad_string;
	return ddbgt__tfjson_finish(&w, out, NULL);
}

/* A named pair in one call writes what its name and value write apart. */
START_TEST(named_pairs_as_name_and_value)
{
	static const char *const fine[] = {"", "us-east-1", "${var.x}", "a$", "%{if}", "say \"hi\"\n",
	                                   "\x01\x7f", "\xc3\xa9 long enough for whole words"};
	static const char *const bad[] = {"ok", "\xc3\x28", "never reached"};
	for (int compact = 0; compact < 2; compact++) {
		char *one = NULL, *other = NULL;
		const char *bad_one, *bad_other;
		ck_assert_int_eq(named_pairs_doc(fine, 8, compact, 1, &one, &bad_one), DDBGT_OK);
		ck_assert_int_eq(named_pairs_doc(fine, 8, compact, 0, &other, &bad_other), DDBGT_OK);
		ck_assert_str_eq(one, other);
		ck_assert_ptr_null(bad_one);
		ddbgt__free(one);
		ddbgt__free(other);
		ck_assert_int_eq(named_pairs_doc(bad, 3, compact, 1, &one, &bad_one), DDBGT_EINVAL);
		ck_assert_int_eq(named_pairs_doc(bad, 3, compact, 0, &other, &bad_other), DDBGT_EINVAL);
		ck_assert_ptr_eq(bad_one, bad[1]);
		ck_assert_ptr_eq(bad_other, bad[1]);
		ck_assert_ptr_null(one);
	}
	/* A NULL value, a pair outside any object or right after a key, are misuses. */
	char *out;
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_object_begin(&w);
	DDBGT__TFJSON_KV_LITERAL(&w, "a", NULL);
	ddbgt__tfjson_object_end(&w);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	ddbgt__tfjson_init(&w, 0, 0);
	DDBGT__TFJSON_KV_TEXT(&w, "a", "b");
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_object_begin(&w);
	DDBGT__TFJSON_NAME(&w, "a");
	DDBGT__TFJSON_KV_LITERAL(&w, "b", "c");
	ddbgt__tfjson_object_end(&w);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
}
END_TEST

/* {"tags": {k: v}} by ddbgt__tfjson_kv_texts or by key_text and text. */
static int text_pair_doc(const char *key, const char *value, int compact, int at_once, char **out,
                         const char **bad)
{
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, compact, 0);
	ddbgt__tfjson_object_begin(&w);
	DDBGT__TFJSON_NAME(&w, "tags");
	ddbgt__tfjson_object_begin(&w);
	if (at_once) {
		ddbgt__tfjson_kv_texts(&w, key, value);
	} else {
		ddbgt__tfjson_key_text(&w, key);
		ddbgt__tfjson_text(&w, value);
	}
	ddbgt__tfjson_object_end(&w);
	ddbgt__tfjson_object_end(&w);
	*bad = w.bad_string;
	return ddbgt__tfjson_finish(&w, out, NULL);
}

/* A tag pair in one call writes what its key and value write apart, template escapes included. */
START_TEST(text_pairs_as_key_and_value)
{
	static const char *const cases[][2] = {
		{"Team", "payments"}, {"${k}", "v"},         {"k", "%{if}"},       {"a\"b", "c\\d\n"},
		{"", ""},             {"\xc3\x28", "fine"}, {"fine", "\xc3\x28"}, {"$", "{"},
	};
	for (int compact = 0; compact < 2; compact++)
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			char *one = NULL, *other = NULL;
			const char *bad_one, *bad_other;
			int rc_one = text_pair_doc(cases[i][0], cases[i][1], compact, 1, &one, &bad_one);
			int rc_other = text_pair_doc(cases[i][0], cases[i][1], compact, 0, &other, &bad_other);
			ck_assert_int_eq(rc_one, rc_other);
			ck_assert_ptr_eq(bad_one, bad_other);
			if (rc_one == DDBGT_OK)
				ck_assert_str_eq(one, other);
			else
				ck_assert_ptr_nonnull(bad_one);
			ddbgt__free(one);
			ddbgt__free(other);
		}
}
END_TEST

/*
 * A name quoted at compile time, alone or opening its object or array,
 * writes what the escaping key writes, pretty and compact.
 */
START_TEST(names_as_keys)
{
	for (int compact = 0; compact < 2; compact++) {
		char *one = names_doc(compact, 1), *other = names_doc(compact, 0);
		ck_assert_str_eq(one, other);
		ddbgt__free(one);
		ddbgt__free(other);
	}
	/* A name outside any object, or right after another key, is a misuse, as for any key. */
	char *out;
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 0, 0);
	DDBGT__TFJSON_NAME(&w, "a");
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_object_begin(&w);
	DDBGT__TFJSON_NAME(&w, "a");
	DDBGT__TFJSON_NAME(&w, "b");
	ddbgt__tfjson_int(&w, 1);
	ddbgt__tfjson_object_end(&w);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	/* The same for a name that opens a container, and past the deepest nesting. */
	ddbgt__tfjson_init(&w, 0, 0);
	DDBGT__TFJSON_OBJECT(&w, "a");
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_object_begin(&w);
	DDBGT__TFJSON_NAME(&w, "a");
	DDBGT__TFJSON_ARRAY(&w, "b");
	ck_assert_int_eq(w.json.status, DDBGT_EINVAL);
	ddbgt__tfjson_release(&w);
	ddbgt__tfjson_init(&w, 1, 0);
	ddbgt__tfjson_object_begin(&w);
	for (int i = 1; i <= DDBGT__TFJSON_MAX_DEPTH; i++)
		DDBGT__TFJSON_OBJECT(&w, "deeper");
	ck_assert_int_eq(w.json.status, DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
}
END_TEST

/* A value written again is the same bytes as the first time, wherever it lands. */
START_TEST(value_written_again)
{
	ddbgt__tfjson w;
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_object_begin(&w);
	ddbgt__tfjson_key(&w, "a");
	size_t start = ddbgt__tfjson_offset(&w);
	ddbgt__tfjson_literal(&w, "${x} \"q\"");
	size_t n = ddbgt__tfjson_offset(&w) - start;
	ddbgt__tfjson_key(&w, "list");
	ddbgt__tfjson_array_begin(&w);
	ddbgt__tfjson_value_again(&w, start, n);
	ddbgt__tfjson_value_again(&w, start, n);
	ddbgt__tfjson_array_end(&w);
	ddbgt__tfjson_object_end(&w);
	expect_doc(&w, "{\n"
	               "  \"a\": \"${x} \\\"q\\\"\",\n"
	               "  \"list\": [\n"
	               "    \"${x} \\\"q\\\"\",\n"
	               "    \"${x} \\\"q\\\"\"\n"
	               "  ]\n"
	               "}\n");
	/* A span past what was written is a misuse. */
	char *out;
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_array_begin(&w);
	ddbgt__tfjson_int(&w, 1);
	ddbgt__tfjson_value_again(&w, 1, 5);
	ddbgt__tfjson_array_end(&w);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
}
END_TEST

START_TEST(misuse_is_an_error)
{
	char *out;
	ddbgt__tfjson w;
	/* Unclosed container. */
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_object_begin(&w);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	/* A key outside an object, a key without a value, two roots, nothing at all. */
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_key(&w, "k");
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_object_begin(&w);
	ddbgt__tfjson_key(&w, "k");
	ddbgt__tfjson_object_end(&w);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	ddbgt__tfjson_init(&w, 0, 0);
	ddbgt__tfjson_int(&w, 1);
	ddbgt__tfjson_int(&w, 2);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	ddbgt__tfjson_init(&w, 0, 0);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	/* Too deep. */
	ddbgt__tfjson_init(&w, 1, 0);
	for (int i = 0; i <= DDBGT__TFJSON_MAX_DEPTH; i++)
		ddbgt__tfjson_array_begin(&w);
	ck_assert_int_eq(w.json.status, DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt__tfjson_finish(&w, &out, NULL), DDBGT_EINVAL);
	/* NULL strings and a scalar inside a composed string. */
	ddbgt__tfjson_init(&w, 1, 0);
	ddbgt__tfjson_array_begin(&w);
	ddbgt__tfjson_text(&w, NULL);
	ck_assert_int_eq(w.json.status, DDBGT_EINVAL);
	ddbgt__tfjson_release(&w);
	ddbgt__tfjson_init(&w, 1, 0);
	ddbgt__tfjson_array_begin(&w);
	ddbgt__tfjson_string_begin(&w);
	ddbgt__tfjson_int(&w, 1);
	ck_assert_int_eq(w.json.status, DDBGT_EINVAL);
	ddbgt__tfjson_release(&w);
}
END_TEST

START_TEST(allocation_failure_is_sticky)
{
	ddbgt_test_alloc_install();
	for (int budget = 0; budget < 3; budget++) {
		ddbgt_test_alloc_fail(budget, 1);
		ddbgt__tfjson w;
		ddbgt__tfjson_init(&w, 0, 0);
		ddbgt__tfjson_object_begin(&w);
		for (int i = 0; i < 200; i++)
			DDBGT__TFJSON_KV_TEXT(&w, "key", "a value long enough to grow the buffer");
		ddbgt__tfjson_object_end(&w);
		char *out = (char *)1;
		int rc = ddbgt__tfjson_finish(&w, &out, NULL);
		ck_assert_int_eq(rc, DDBGT_ENOMEM);
		ck_assert_ptr_null(out);
	}
	ddbgt_test_alloc_uninstall();
}
END_TEST

Suite *ddbgt_test_tfjson(void)
{
	Suite *s = suite_create("tfjson");
	TCase *tc = tcase_create("writer");
	tcase_add_test(tc, pretty_layout_matches_two_space_indent);
	tcase_add_test(tc, compact_layout_has_no_whitespace);
	tcase_add_test(tc, numbers_are_shortest_round_trip);
	tcase_add_test(tc, numbers_read_back_exactly);
	tcase_add_test(tc, json_escapes);
	tcase_add_test(tc, template_escapes);
	tcase_add_test(tc, template_keys_are_escaped_too);
	tcase_add_test(tc, composed_strings);
	tcase_add_test(tc, utf8_validation);
	tcase_add_test(tc, misuse_is_an_error);
	tcase_add_test(tc, value_written_again);
	tcase_add_test(tc, names_as_keys);
	tcase_add_test(tc, named_pairs_as_name_and_value);
	tcase_add_test(tc, text_pairs_as_key_and_value);
	tcase_add_test(tc, allocation_failure_is_sticky);
	tcase_add_test(tc, literal_pieces_as_piece_by_piece);
	tcase_add_test(tc, literal_pieces_plain_as_json_text);
	suite_add_tcase(s, tc);
	return s;
}

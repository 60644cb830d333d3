/* Status codes, version, enumeration names and the allocator hooks. */
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "testutil.h"

START_TEST(status_names_and_texts)
{
	static const int all[] = {DDBGT_OK, DDBGT_EINVAL, DDBGT_ENOMEM, DDBGT_ENOTFOUND,
	                          DDBGT_ERANGE, DDBGT_EIO, DDBGT_ESPEC, DDBGT_EINVALID,
	                          DDBGT_EBUSY, DDBGT_EUNSUPPORTED};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		ck_assert_str_ne(ddbgt_strerror(all[i]), "unknown status");
		ck_assert_str_ne(ddbgt_status_name(all[i]), "DDBGT_E?");
		for (size_t j = 0; j < i; j++)
			ck_assert_str_ne(ddbgt_strerror(all[i]), ddbgt_strerror(all[j]));
	}
	ck_assert_str_eq(ddbgt_status_name(DDBGT_ENOMEM), "DDBGT_ENOMEM");
	ck_assert_str_eq(ddbgt_strerror(12345), "unknown status");
	ck_assert_str_eq(ddbgt_status_name(-999), "DDBGT_E?");
}
END_TEST

START_TEST(version)
{
	ck_assert_str_eq(ddbgt_version_string(), DDBGT_VERSION_STRING);
	ck_assert_uint_eq(ddbgt_version_number(), DDBGT_VERSION_NUMBER);
	ck_assert_uint_eq(DDBGT_VERSION_NUMBER >> 16, DDBGT_VERSION_MAJOR);
}
END_TEST

START_TEST(enum_names_round_trip)
{
	int total = 0;
	for (int kind = DDBGT_ENUM_BILLING_MODE; kind <= DDBGT_ENUM_SEVERITY; kind++) {
		for (int v = 0; v < 8; v++) {
			const char *name = ddbgt_enum_name((ddbgt_enum_kind)kind, v);
			if (!name)
				continue;
			int back = -1;
			ck_assert_int_eq(ddbgt_enum_parse((ddbgt_enum_kind)kind, name, &back), DDBGT_OK);
			ck_assert_int_eq(back, v);
			total++;
		}
	}
	/* 2+3+3+4+3+2+2+3+3+4 names in the spec format. */
	ck_assert_int_eq(total, 29);
	ck_assert_str_eq(ddbgt_enum_name(DDBGT_ENUM_BILLING_MODE, DDBGT_BILLING_PROVISIONED),
	                 "PROVISIONED");
	ck_assert_str_eq(ddbgt_enum_name(DDBGT_ENUM_ROLE, DDBGT_ROLE_STANDBY), "standby");
	ck_assert_str_eq(ddbgt_enum_name(DDBGT_ENUM_SEVERITY, DDBGT_SEVERITY_OFF), "off");
	ck_assert_ptr_null(ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, DDBGT_TABLE_CLASS_UNSET));
	ck_assert_ptr_null(ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, 3));
	ck_assert_ptr_null(ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, -1));
	ck_assert_ptr_null(ddbgt_enum_name((ddbgt_enum_kind)0, 1));
	ck_assert_ptr_null(ddbgt_enum_name((ddbgt_enum_kind)99, 1));
	int out = 7;
	ck_assert_int_eq(ddbgt_enum_parse(DDBGT_ENUM_BILLING_MODE, "provisioned", &out),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(out, 7);
	ck_assert_int_eq(ddbgt_enum_parse(DDBGT_ENUM_BILLING_MODE, NULL, &out), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_enum_parse(DDBGT_ENUM_BILLING_MODE, "PROVISIONED", NULL),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_enum_parse((ddbgt_enum_kind)42, "S", &out), DDBGT_EINVAL);
}
END_TEST

START_TEST(alloc_hooks_are_used)
{
	ddbgt_malloc_fn m0, m;
	ddbgt_realloc_fn r0;
	ddbgt_free_fn f0;
	ddbgt_get_alloc_funcs(&m0, &r0, &f0);
	ck_assert_int_eq(ddbgt_set_alloc_funcs(NULL, realloc, free), DDBGT_EINVAL);
	ddbgt_get_alloc_funcs(&m, NULL, NULL);
	ck_assert_ptr_eq((void *)m, (void *)m0);
	/* tests/testutil.h's allocator counts the requests that reach it. */
	ddbgt_test_alloc_install();
	ddbgt_get_alloc_funcs(&m, NULL, NULL);
	ck_assert_ptr_ne((void *)m, (void *)m0);
	ddbgt_table *t = NULL;
	char *text = NULL;
	size_t len;
	char *spec = ddbgt_test_read_file(ddbgt_test_path("data/spec/full.json"), &len);
	ddbgt_test_alloc_fail(-1, 0);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, spec, len, 0, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&text, t, 0), DDBGT_OK);
	/* The loader and the model both went through the hook. */
	ck_assert_int_gt(ddbgt_test_alloc_requests(), 50);
	ddbgt_free(text);
	ddbgt_table_free(t);
	free(spec);
	ddbgt_test_alloc_uninstall();
	ddbgt_get_alloc_funcs(&m, NULL, NULL);
	ck_assert_ptr_eq((void *)m, (void *)m0);
	ddbgt_free(NULL);
}
END_TEST

Suite *ddbgt_test_common(void)
{
	Suite *s = suite_create("common");
	TCase *tc = tcase_create("common");
	tcase_add_test(tc, status_names_and_texts);
	tcase_add_test(tc, version);
	tcase_add_test(tc, enum_names_round_trip);
	tcase_add_test(tc, alloc_hooks_are_used);
	suite_add_tcase(s, tc);
	return s;
}

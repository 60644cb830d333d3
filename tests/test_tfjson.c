#include "testutil.h"

START_TEST(placeholder) {}
END_TEST

Suite *ddbgt_test_tfjson(void)
{
	Suite *s = suite_create("tfjson");
	TCase *tc = tcase_create("all");
	tcase_add_test(tc, placeholder);
	suite_add_tcase(s, tc);
	return s;
}

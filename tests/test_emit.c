#include "testutil.h"

START_TEST(placeholder) {}
END_TEST

Suite *ddbgt_test_emit(void)
{
	Suite *s = suite_create("emit");
	TCase *tc = tcase_create("all");
	tcase_add_test(tc, placeholder);
	suite_add_tcase(s, tc);
	return s;
}

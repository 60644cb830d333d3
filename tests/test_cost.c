/* Price tables, the cost estimator and its report. */
#include <ddbgt.h>

#include "testutil.h"

START_TEST(default_prices_load)
{
	ddbgt_prices *p = NULL;
	ck_assert_int_eq(ddbgt_prices_default(&p), DDBGT_OK);
	ddbgt_prices_free(p);
}
END_TEST

Suite *ddbgt_test_cost(void)
{
	Suite *s = suite_create("cost");
	TCase *tc = tcase_create("prices");
	tcase_add_test(tc, default_prices_load);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * The one Check runner of libddbgt: every suite listed in tests/suites.def,
 * one summary line at the end. CK_RUN_SUITE / CK_RUN_CASE select a part.
 */
#include "testutil.h"

#include <stdlib.h>

int main(void)
{
	SRunner *sr = srunner_create(NULL);
#define DDBGT_SUITE(name) srunner_add_suite(sr, ddbgt_test_##name());
#include "suites.def"
#undef DDBGT_SUITE
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

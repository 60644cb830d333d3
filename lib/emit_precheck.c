/*
 * The single place where the emitters decide that a table may not be
 * emitted: the validator, with the table's own policy, and any error
 * refuses. (Whatever the policy says, the emitter's own guard in emit.c
 * still refuses what it cannot write.)
 */
#include "ddbgt/validate.h"
#include "emit_internal.h"

int ddbgt__emit_precheck(const ddbgt_table *t, ddbgt_diags *diags)
{
	return ddbgt_table_validate(t, NULL, diags);
}

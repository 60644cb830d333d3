package ddbgt

/*
#include <stdlib.h>
#include <ddbgt.h>
*/
import "C"

import "runtime"

// ValidateOptions are the validator's flags; the zero value (or nil) is the
// default: the table's own policy, informational findings included.
type ValidateOptions struct {
	NoInfo           bool // leave informational findings (DDBGT_I_*) out
	AdoptExisting    bool // treat the table as adopted (adopt_existing in the spec)
	WarningsAsErrors bool // report every warning as an error
}

// Validate checks the table against every rule DynamoDB enforces on a
// global table and returns every finding, in one pass. When a finding is an
// error the error is an *Error with Status EINVALID whose Code and Path are
// the first error's (the findings are returned as well).
func (t *Table) Validate(opts *ValidateOptions) ([]Diagnostic, error) {
	defer runtime.KeepAlive(t)
	var o C.ddbgt_validate_options
	if err := check("ddbgt_validate_options_init",
		C.ddbgt_validate_options_init(&o, C.DDBGT_VALIDATE_OPTIONS_VERSION)); err != nil {
		return nil, err
	}
	if opts != nil {
		if opts.NoInfo {
			o.flags |= C.DDBGT_VALIDATE_NO_INFO
		}
		if opts.AdoptExisting {
			o.flags |= C.DDBGT_VALIDATE_ADOPT_EXISTING
		}
		if opts.WarningsAsErrors {
			o.flags |= C.DDBGT_VALIDATE_WARNINGS_AS_ERRORS
		}
	}
	d, err := newDiags()
	if err != nil {
		return nil, err
	}
	defer d.free()
	status := C.ddbgt_table_validate(t.handle(), &o, d.p)
	found := d.list()
	if status < 0 {
		return found, newError("ddbgt_table_validate", status, found)
	}
	return found, nil
}

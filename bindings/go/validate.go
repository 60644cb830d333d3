package ddbgt

/*
#include <stdlib.h>
#include <ddbgt.h>
*/
import "C"

import (
	"runtime"
	"unsafe"
)

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

// CheckSpec loads and validates a spec document as `ddbgt validate` does:
// every finding, the loader's then the validator's, each with File (when
// file is not "") and the Line and Column of the spec value it is about. A
// spec with errors is no error here; err is for a call that failed.
func CheckSpec(text []byte, file string) ([]Diagnostic, error) {
	buf := C.CBytes(text)
	defer C.free(buf)
	var cfile *C.char
	if file != "" {
		cfile = C.CString(file)
		defer C.free(unsafe.Pointer(cfile))
	}
	d, err := newDiags()
	if err != nil {
		return nil, err
	}
	defer d.free()
	var t *C.ddbgt_table
	var p *C.ddbgt_spec_positions
	status := C.ddbgt_spec_load_string(&t, (*C.char)(buf), C.size_t(len(text)), 0, d.p)
	if status == C.DDBGT_OK {
		defer C.ddbgt_table_free(t)
		if status = C.ddbgt_table_validate(t, nil, d.p); status == C.DDBGT_EINVALID {
			status = C.DDBGT_OK
		}
		if status == C.DDBGT_OK {
			status = C.ddbgt_spec_positions_new(&p, (*C.char)(buf), C.size_t(len(text)), 0)
			defer C.ddbgt_spec_positions_free(p)
		}
	} else if status == C.DDBGT_ESPEC {
		status = C.DDBGT_OK
	}
	if status == C.DDBGT_OK {
		status = C.ddbgt_diags_locate(d.p, cfile, p)
	}
	found := d.list()
	if status < 0 {
		return found, newError("CheckSpec", status, found)
	}
	return found, nil
}

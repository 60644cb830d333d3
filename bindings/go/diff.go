package ddbgt

/*
#include <stdlib.h>
#include <ddbgt.h>
*/
import "C"

import "runtime"

// Change is one setting that differs between two tables (<ddbgt/diff.h>).
// Old and New are compact JSON text, "" when the setting is absent on that
// side; Class is "in_place", "replica_add", "replica_remove", "replace",
// "refused" or "rate_limited"; Rule names the rule of doc/diff.md.
type Change struct {
	Path, Class, Rule, Region string
	Old, New                  string
	Reason, Source, Limit     string
}

// Step is one step of the plan: the API it calls, what it does, the changes
// it applies (indexes into Diff.Changes) and its UpdateTable calls.
type Step struct {
	API, Action      string
	Changes          []int
	UpdateTableCalls int
}

// Diff is the change list from one table to another, with its plan.
type Diff struct {
	Changes          []Change
	Plan             []Step
	UpdateTableCalls int
	Diagnostics      []Diagnostic // replacements, refusals, rate limits, replicas
}

// Count is the number of changes of a class ("replace", "refused", ...).
func (d *Diff) Count(class string) int {
	n := 0
	for _, c := range d.Changes {
		if c.Class == class {
			n++
		}
	}
	return n
}

// DiffOptions: the zero value (or nil) is the default. AllowReplace reports
// replacements as warnings instead of errors.
type DiffOptions struct {
	AllowReplace bool
}

// Diff compares this table (OLD) with newTable (NEW): which changes are in
// place, which add or remove replicas, replace the table, are refused by AWS
// or are rate-limited, and in what order to apply them.
func (t *Table) Diff(newTable *Table, opts *DiffOptions) (*Diff, error) {
	defer runtime.KeepAlive(t)
	defer runtime.KeepAlive(newTable)
	var o C.ddbgt_diff_options
	if err := check("ddbgt_diff_options_init", C.ddbgt_diff_options_init(&o, C.DDBGT_DIFF_OPTIONS_VERSION)); err != nil {
		return nil, err
	}
	if opts != nil && opts.AllowReplace {
		o.allow_replace = 1
	}
	d, err := newDiags()
	if err != nil {
		return nil, err
	}
	defer d.free()
	var ch *C.ddbgt_changes
	if status := C.ddbgt_diff(&ch, t.handle(), newTable.handle(), &o, d.p); status < 0 {
		return nil, newError("ddbgt_diff", status, d.list())
	}
	defer C.ddbgt_changes_free(ch)
	out := &Diff{Diagnostics: d.list(), UpdateTableCalls: int(C.ddbgt_changes_update_table_calls(ch))}
	for i := C.size_t(0); i < C.ddbgt_changes_count(ch); i++ {
		out.Changes = append(out.Changes, Change{
			Path:   gostr(C.ddbgt_changes_path(ch, i)),
			Class:  gostr(C.ddbgt_change_class_name(C.ddbgt_changes_class(ch, i))),
			Rule:   gostr(C.ddbgt_changes_rule(ch, i)),
			Region: gostr(C.ddbgt_changes_region(ch, i)),
			Old:    gostr(C.ddbgt_changes_old_value(ch, i)),
			New:    gostr(C.ddbgt_changes_new_value(ch, i)),
			Reason: gostr(C.ddbgt_changes_reason(ch, i)),
			Source: gostr(C.ddbgt_changes_source(ch, i)),
			Limit:  gostr(C.ddbgt_changes_limit(ch, i)),
		})
	}
	for s := C.size_t(0); s < C.ddbgt_changes_step_count(ch); s++ {
		step := Step{
			API:              gostr(C.ddbgt_changes_step_api(ch, s)),
			Action:           gostr(C.ddbgt_changes_step_action(ch, s)),
			UpdateTableCalls: int(C.ddbgt_changes_step_update_table_calls(ch, s)),
		}
		for k := C.size_t(0); k < C.ddbgt_changes_step_change_count(ch, s); k++ {
			var at C.size_t
			if err := check("ddbgt_changes_get_step_change",
				C.ddbgt_changes_get_step_change(ch, s, k, &at)); err != nil {
				return nil, err
			}
			step.Changes = append(step.Changes, int(at))
		}
		out.Plan = append(out.Plan, step)
	}
	return out, nil
}

// DiffJSON is the library's JSON document of the change list and its plan.
func (t *Table) DiffJSON(newTable *Table) (string, error) {
	defer runtime.KeepAlive(t)
	defer runtime.KeepAlive(newTable)
	var ch *C.ddbgt_changes
	if err := check("ddbgt_diff", C.ddbgt_diff(&ch, t.handle(), newTable.handle(), nil, nil)); err != nil {
		return "", err
	}
	defer C.ddbgt_changes_free(ch)
	var out *C.char
	if err := check("ddbgt_changes_to_json", C.ddbgt_changes_to_json(&out, ch)); err != nil {
		return "", err
	}
	return takeString(out), nil
}

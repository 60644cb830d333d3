package ddbgt

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

func loadDiffCase(t *testing.T, name string) (*Table, *Table) {
	t.Helper()
	dir := filepath.Join("..", "..", "tests", "data", "diff", name)
	a, err := LoadSpecFile(filepath.Join(dir, "old.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadSpecFile(filepath.Join(dir, "new.json"))
	if err != nil {
		t.Fatal(err)
	}
	return a, b
}

func TestDiffReplace(t *testing.T) {
	a, b := loadDiffCase(t, "key-schema")
	same, err := a.Diff(a, nil)
	if err != nil || len(same.Changes) != 0 || len(same.Plan) != 0 {
		t.Fatalf("diff with itself: %+v, %v", same, err)
	}
	d, err := a.Diff(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := d.Changes[0]
	if len(d.Changes) != 1 || c.Class != "replace" || c.Rule != "key-schema" ||
		c.Path != "/table/partition_key" || c.Old != `{"name":"pk","type":"S"}` {
		t.Errorf("changes: %+v", d.Changes)
	}
	if d.Count("replace") != 1 || len(d.Diagnostics) != 1 ||
		d.Diagnostics[0].Code != "DDBGT_E_DIFF_REPLACE" || d.Diagnostics[0].Severity != "error" {
		t.Errorf("diagnostics: %+v", d.Diagnostics)
	}
	allowed, err := a.Diff(b, &DiffOptions{AllowReplace: true})
	if err != nil || allowed.Diagnostics[0].Severity != "warning" {
		t.Errorf("allow replace: %+v, %v", allowed.Diagnostics, err)
	}
}

func TestDiffPlan(t *testing.T) {
	a, b := loadDiffCase(t, "plan-multi")
	d, err := a.Diff(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.UpdateTableCalls != 7 || len(d.Plan) != 8 || d.Plan[1].Action != "delete GSI by-status" {
		t.Errorf("plan: %d calls, %+v", d.UpdateTableCalls, d.Plan)
	}
	if got := d.Changes[d.Plan[4].Changes[0]].Rule; got != "replica-add" {
		t.Errorf("step 5 applies %q", got)
	}
	text, err := a.DiffJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Changes int `json:"changes"`
		Calls   int `json:"update_table_calls"`
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil || doc.Changes != 8 || doc.Calls != 7 {
		t.Errorf("DiffJSON: %+v, %v", doc, err)
	}
}

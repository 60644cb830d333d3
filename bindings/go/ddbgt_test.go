package ddbgt

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The test data of the C suites, found from the package directory.
var specDir = filepath.Join("..", "..", "tests", "data", "spec")

func readSpec(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(specDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestVersionAndStatus(t *testing.T) {
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(Version()) {
		t.Errorf("Version() = %q", Version())
	}
	if StatusName(ENOMEM) != "DDBGT_ENOMEM" || StatusMessage(ENOMEM) == "" {
		t.Errorf("StatusName(ENOMEM) = %q", StatusName(ENOMEM))
	}
}

func TestLoadDumpRoundTrip(t *testing.T) {
	for _, name := range []string{"minimal.json", "full.json"} {
		text := readSpec(t, name)
		tbl, err := LoadSpec(text)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := tbl.Dump()
		if err != nil {
			t.Fatal(err)
		}
		if got != string(text) {
			t.Errorf("%s: dump differs from the canonical document:\n%s", name, got)
		}
		compact, err := tbl.DumpCompact()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(compact, "\n") != 1 || !strings.HasSuffix(compact, "\n") || len(compact) >= len(got) {
			t.Errorf("%s: DumpCompact() is not one shorter line:\n%s", name, compact)
		}
		back, err := LoadSpec([]byte(compact))
		if err != nil {
			t.Fatalf("%s: the compact dump does not load: %v", name, err)
		}
		if again, _ := back.Dump(); again != got {
			t.Errorf("%s: the compact dump loads as another table:\n%s", name, again)
		}
		back.Close()
		tbl.Close()
	}
}

func TestLoadFile(t *testing.T) {
	tbl, err := LoadSpecFile(filepath.Join(specDir, "minimal.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Close()
	if tbl.Name() != "minimal" {
		t.Errorf("Name() = %q", tbl.Name())
	}
	rs := tbl.Replicas()
	if len(rs) != 2 || rs[0].Region != "us-east-1" || rs[0].Role != "primary" || rs[1].Role != "secondary" {
		t.Errorf("Replicas() = %+v", rs)
	}
}

func TestErrorsCarryCodeAndPath(t *testing.T) {
	var spec map[string]interface{}
	if err := json.Unmarshal(readSpec(t, "minimal.json"), &spec); err != nil {
		t.Fatal(err)
	}
	spec["table"].(map[string]interface{})["name"] = 42
	text, _ := json.Marshal(spec)
	tbl, err := LoadSpec(text)
	if tbl != nil {
		t.Fatal("a table from an invalid spec")
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not an *Error", err)
	}
	if e.Status != ESPEC || e.Name != "DDBGT_ESPEC" || e.Code != "DDBGT_E_SPEC_TYPE" || e.Path != "/table/name" {
		t.Errorf("error = %+v", e)
	}
	if !strings.Contains(e.Error(), "/table/name") {
		t.Errorf("message %q lacks the path", e.Error())
	}
}

func TestSyntaxErrorLineAndMissingFile(t *testing.T) {
	_, err := LoadSpec([]byte("{\"format\": \"ddbgt/1\",\n  \"table\": {"))
	var e *Error
	if !errors.As(err, &e) || len(e.Diagnostics) == 0 || e.Diagnostics[0].Line != 2 {
		t.Errorf("syntax error = %+v", err)
	}
	_, err = LoadSpecFile("/nonexistent/spec.json")
	if !errors.As(err, &e) || e.Status != EIO || e.Code != "DDBGT_E_SPEC_UNREADABLE" {
		t.Errorf("missing file error = %+v", err)
	}
}

func TestBuildTable(t *testing.T) {
	tbl, err := NewTable("orders")
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Close()
	if err := tbl.SetPartitionKey("pk", "S"); err != nil {
		t.Fatal(err)
	}
	if err := tbl.SetBillingMode("PROVISIONED"); err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{"us-east-1", "eu-west-1"} {
		if err := tbl.AddReplica(r); err != nil {
			t.Fatal(err)
		}
	}
	var e *Error
	if err := tbl.SetBillingMode("FREE"); !errors.As(err, &e) || e.Status != ENOTFOUND {
		t.Errorf("SetBillingMode(FREE) = %v", err)
	}
	if tbl.BillingMode() != "PROVISIONED" {
		t.Errorf("BillingMode() = %q", tbl.BillingMode())
	}
	doc, err := tbl.Dump()
	if err != nil {
		t.Fatal(err)
	}
	back, err := LoadSpec([]byte(doc))
	if err != nil {
		t.Fatalf("reloading the dump: %v\n%s", err, doc)
	}
	defer back.Close()
	again, _ := back.Dump()
	if again != doc || !strings.Contains(doc, `"billing_mode": "PROVISIONED"`) {
		t.Errorf("dump is not stable:\n%s\n%s", doc, again)
	}
}

func TestCloseTwiceAndFinalizer(t *testing.T) {
	tbl, err := NewTable("t")
	if err != nil {
		t.Fatal(err)
	}
	tbl.Close()
	tbl.Close()
	before := atomic.LoadInt64(&live)
	for i := 0; i < 10; i++ {
		if _, err := NewTable("dropped"); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for atomic.LoadInt64(&live) > before && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := atomic.LoadInt64(&live); n > before {
		t.Errorf("%d dropped tables were not finalized", n-before)
	}
}

func TestCatalogue(t *testing.T) {
	codes := Codes()
	if len(codes) == 0 || codes[0].Code != "DDBGT_E_SPEC_SYNTAX" {
		t.Fatalf("Codes()[0] = %+v", codes[0])
	}
	info, err := Explain("DDBGT_E_REGION_DUPLICATE")
	if err != nil || info.Severity != "error" || info.Summary == "" || info.Source == "" {
		t.Errorf("Explain = %+v, %v", info, err)
	}
	if _, err := Explain("DDBGT_E_NO_SUCH_THING"); err == nil {
		t.Error("Explain of an unknown code succeeded")
	}
}

func TestRegions(t *testing.T) {
	all := Regions()
	if len(all) < 20 {
		t.Fatalf("only %d regions", len(all))
	}
	ie, ok := FindRegion("eu-west-1")
	if !ok || ie.Name != "Europe (Ireland)" || ie.Jurisdiction != "EU" || ie.Partition != "aws" {
		t.Errorf("FindRegion(eu-west-1) = %+v, %v", ie, ok)
	}
	if _, ok := FindRegion("xx-nowhere-9"); ok {
		t.Error("FindRegion found an unknown region")
	}
	found := false
	for _, r := range all {
		found = found || r == ie
	}
	if !found {
		t.Error("eu-west-1 is not in Regions()")
	}
}

func TestEmitAndCost(t *testing.T) {
	tbl, err := LoadSpecFile(filepath.Join("..", "..", "examples", "specs", "primary-standby-ia.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Close()
	doc, err := tbl.Emit("terraform")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(filepath.Join("..", "..", "tests", "data", "emit", "primary-standby-ia.tf.json"))
	if err != nil || doc != string(golden) {
		t.Errorf("Emit differs from the golden file (%v)", err)
	}
	for _, format := range []string{"json", "yaml"} {
		cfn, err := tbl.EmitFormat("cloudformation", format)
		if err != nil {
			t.Fatal(err)
		}
		golden, err := os.ReadFile(filepath.Join("..", "..", "tests", "data", "cloudformation", "primary-standby-ia."+format))
		if err != nil || cfn != string(golden) {
			t.Errorf("EmitFormat(cloudformation, %s) differs from the golden file (%v)", format, err)
		}
	}
	var e *Error
	if _, err := tbl.EmitFormat("terraform", "yaml"); !errors.As(err, &e) || e.Code != "DDBGT_E_EMIT_OPTION" {
		t.Errorf("EmitFormat(terraform, yaml) = %v", err)
	}
	if _, err := tbl.EmitFormat("cloudformation", "xml"); !errors.As(err, &e) || e.Status != EINVAL {
		t.Errorf("EmitFormat(cloudformation, xml) = %v", err)
	}
	if _, err := tbl.Emit("pulumi"); !errors.As(err, &e) || e.Status != ENOTFOUND {
		t.Errorf("Emit(pulumi) = %v", err)
	}
	bad, _ := NewTable("t")
	defer bad.Close()
	if _, err := bad.Emit("terraform"); !errors.As(err, &e) || e.Status != EINVALID || e.Code == "" {
		t.Errorf("Emit of an invalid table = %v", err)
	}
	costTbl, err := LoadSpecFile(filepath.Join("..", "..", "tests", "data", "cost", "aws-4-1b-provisioned.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer costTbl.Close()
	report, err := costTbl.Cost()
	var parsed struct {
		TotalNanos int64 `json:"total_nanos"`
	}
	if err != nil || json.Unmarshal([]byte(report), &parsed) != nil || parsed.TotalNanos != 34311166500 {
		t.Errorf("Cost = %v, total %d", err, parsed.TotalNanos)
	}
}

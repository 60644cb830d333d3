package ddbgt

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var validateDir = filepath.Join("..", "..", "tests", "data", "validate")

func mustLoad(t *testing.T, path string) *Table {
	t.Helper()
	tbl, err := LoadSpecFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func mustTemplate(t *testing.T, name string, opts *TemplateOptions) *Table {
	t.Helper()
	tbl, err := NewTableFromTemplate(name, opts)
	if err != nil {
		t.Fatalf("template %q: %v", name, err)
	}
	return tbl
}

func TestValidateFindingsAndError(t *testing.T) {
	tbl := mustLoad(t, filepath.Join(validateDir, "many-problems.json"))
	defer tbl.Close()
	found, err := tbl.Validate(nil)
	var e *Error
	if !errors.As(err, &e) || e.Status != EINVALID || e.Op != "ddbgt_table_validate" {
		t.Fatalf("Validate error = %v", err)
	}
	if e.Code != "DDBGT_E_TABLE_NAME_INVALID" || e.Path != "/table/name" {
		t.Errorf("first error = %s %s", e.Code, e.Path)
	}
	if len(found) != 8 || !reflect.DeepEqual(e.Diagnostics, found) {
		t.Errorf("%d findings, error carries %d", len(found), len(e.Diagnostics))
	}
	var dup *Diagnostic
	errorsSeen := 0
	for i := range found {
		if found[i].Code == "DDBGT_E_REGION_DUPLICATE" {
			dup = &found[i]
		}
		if found[i].Severity == "error" {
			errorsSeen++
		}
	}
	if dup == nil || dup.Path != "/replicas/2/region" || dup.Region != "eu-west-1" || dup.Severity != "error" {
		t.Errorf("duplicate region finding = %+v", dup)
	}
	if errorsSeen != 8 {
		t.Errorf("%d errors, want 8", errorsSeen)
	}
}

func TestValidateValidTableAndFlags(t *testing.T) {
	tbl := mustLoad(t, filepath.Join(specDir, "minimal.json"))
	defer tbl.Close()
	if found, err := tbl.Validate(nil); err != nil || len(found) != 0 {
		t.Errorf("Validate = %+v, %v", found, err)
	}
	// Transactional reads earn the note that transactions are atomic per region.
	txn, err := LoadSpec([]byte(`{"format": "ddbgt/1",
		"table": {"name": "txn", "partition_key": {"name": "id", "type": "S"}},
		"replicas": [{"region": "us-east-1"}, {"region": "eu-west-1"}],
		"usage": {"read_consistency": "transactional"}}`))
	if err != nil {
		t.Fatal(err)
	}
	defer txn.Close()
	found, err := txn.Validate(nil)
	if err != nil || len(found) != 1 || found[0].Code != "DDBGT_I_TRANSACTIONS_REGIONAL" || found[0].Severity != "info" {
		t.Errorf("Validate = %+v, %v", found, err)
	}
	if found, err := txn.Validate(&ValidateOptions{NoInfo: true}); err != nil || len(found) != 0 {
		t.Errorf("Validate(NoInfo) = %+v, %v", found, err)
	}
	// An opt-in region is a warning, an error with WarningsAsErrors.
	if err := tbl.AddReplica("ap-east-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := tbl.Validate(nil); err != nil {
		t.Errorf("a warning failed validation: %v", err)
	}
	_, err = tbl.Validate(&ValidateOptions{WarningsAsErrors: true})
	var e *Error
	if !errors.As(err, &e) || e.Code != "DDBGT_W_REGION_OPT_IN" || e.Path != "/replicas/2/region" {
		t.Errorf("Validate(WarningsAsErrors) = %v", err)
	}
}

func TestTemplatesCatalogue(t *testing.T) {
	all := Templates()
	if len(all) != 6 || DefaultTemplate() != "active-active" {
		t.Fatalf("Templates() = %+v, default %q", all, DefaultTemplate())
	}
	want := map[string]string{"active-active": "active-active", "geo-distributed": "geo-distributed",
		"primary-standby": "primary-standby-cold", "eu-residency": "active-active",
		"strong-consistency": "strong-consistency", "provisioned-autoscaling": "geo-distributed"}
	for _, info := range all {
		if info.Description == "" || info.Usage == "" {
			t.Errorf("%s lacks a description or usage", info.Name)
		}
		tbl := mustTemplate(t, info.Name, nil)
		found, err := tbl.Validate(&ValidateOptions{NoInfo: true})
		if err != nil || len(found) != 0 {
			t.Errorf("%s: %+v, %v", info.Name, found, err)
		}
		s, err := tbl.Strategy()
		if err != nil {
			t.Fatal(err)
		}
		if s.Kind() != want[info.Name] {
			t.Errorf("%s: strategy %q, want %q", info.Name, s.Kind(), want[info.Name])
		}
		s.Close()
		tbl.Close()
	}
}

func TestTemplateOptions(t *testing.T) {
	tbl := mustTemplate(t, "geo-distributed", &TemplateOptions{TableName: "Orders", PartitionKey: "id",
		PartitionKeyType: "N", NoSortKey: true, Regions: []string{"eu-west-1", "us-west-2"}})
	defer tbl.Close()
	if name, typ := tbl.PartitionKey(); tbl.Name() != "Orders" || name != "id" || typ != "N" {
		t.Errorf("name %q, key %q %q", tbl.Name(), name, typ)
	}
	rs := tbl.Replicas()
	if len(rs) != 2 || rs[0].Region != "eu-west-1" || rs[0].Role != "primary" || rs[1].Region != "us-west-2" {
		t.Errorf("Replicas() = %+v", rs)
	}
	doc, _ := tbl.Dump()
	if strings.Contains(doc, `"sort_key": {`) { // the table's; the GSI keeps its own
		t.Errorf("NoSortKey kept a sort key:\n%s", doc)
	}
	keys := []string{"arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		"arn:aws:kms:eu-south-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}
	eu := mustTemplate(t, "eu-residency", &TemplateOptions{Regions: []string{"eu-west-3", "eu-south-1"}, KMSKeys: keys})
	defer eu.Close()
	if rs := eu.Replicas(); len(rs) != 2 || rs[0].KMSKey != keys[0] || rs[1].KMSKey != keys[1] {
		t.Errorf("eu-residency replicas = %+v", rs)
	}
	if _, err := eu.Validate(nil); err != nil {
		t.Errorf("eu-residency with own keys: %v", err)
	}
	def := mustTemplate(t, "", nil)
	defer def.Close()
	if len(def.Replicas()) != 2 {
		t.Errorf("default template has %d replicas", len(def.Replicas()))
	}
}

func TestTemplateErrors(t *testing.T) {
	var e *Error
	if _, err := NewTableFromTemplate("no-such-pattern", nil); !errors.As(err, &e) || e.Status != ENOTFOUND {
		t.Errorf("unknown template: %v", err)
	}
	_, err := NewTableFromTemplate("strong-consistency", &TemplateOptions{Regions: []string{"us-east-1"}})
	if !errors.As(err, &e) || e.Status != EINVAL {
		t.Errorf("one-region strong consistency: %v", err)
	}
	if _, err := NewTableFromTemplate("active-active", &TemplateOptions{PartitionKeyType: "X"}); !errors.As(err, &e) || e.Status != ENOTFOUND {
		t.Errorf("key type X: %v", err)
	}
}

func TestTopologyWithWitness(t *testing.T) {
	tbl := mustTemplate(t, "strong-consistency", &TemplateOptions{
		Regions: []string{"us-east-1", "us-east-2"}, WitnessRegion: "us-west-2"})
	tp, err := tbl.Topology()
	tbl.Close() // the topology is independent of the table
	if err != nil {
		t.Fatal(err)
	}
	defer tp.Close()
	if tp.RegionCount() != 3 || tp.ReplicaCount() != 2 {
		t.Errorf("counts %d %d", tp.RegionCount(), tp.ReplicaCount())
	}
	want := []Member{
		{"us-east-1", "primary", 0, "STANDARD", "US"},
		{"us-east-2", "secondary", 1, "STANDARD", "US"},
		{"us-west-2", "witness", -1, "", "US"},
	}
	if got := tp.Members(); !reflect.DeepEqual(got, want) {
		t.Errorf("Members() = %+v", got)
	}
	doc, err := tp.JSON()
	var parsed struct {
		RegionCount int `json:"region_count"`
	}
	if err != nil || json.Unmarshal([]byte(doc), &parsed) != nil || parsed.RegionCount != 3 {
		t.Errorf("JSON = %q, %v", doc, err)
	}
}

func TestStrategyAndRoutingOfColdStandby(t *testing.T) {
	tbl := mustLoad(t, filepath.Join("..", "..", "examples", "specs", "primary-standby-ia.json"))
	defer tbl.Close()
	s, err := tbl.Strategy()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Kind() != "primary-standby-cold" || s.Summary() == "" {
		t.Errorf("strategy %q %q", s.Kind(), s.Summary())
	}
	ia := false
	for _, r := range s.Reasons() {
		ia = ia || strings.Contains(r, "Standard-IA")
	}
	if !ia {
		t.Errorf("no Standard-IA reason in %q", s.Reasons())
	}
	dr := s.DisasterRecovery()
	doc, _ := s.JSON()
	if dr.Class == "" || dr.RPO == "" || !strings.Contains(doc, dr.Class) {
		t.Errorf("DR %+v not in %s", dr, doc)
	}
	r, err := tbl.Routing()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	routes := r.Routes()
	if len(routes) != 2 || routes[0].Role != "primary" || !routes[0].ServesTraffic ||
		routes[1].Role != "standby" || routes[1].ServesTraffic || routes[0].DistanceKm != 0 ||
		routes[1].DistanceKm <= 0 {
		t.Errorf("Routes() = %+v", routes)
	}
	if !strings.HasPrefix(routes[0].Endpoint, "https://dynamodb.") || r.Witness() != "" {
		t.Errorf("endpoint %q witness %q", routes[0].Endpoint, r.Witness())
	}
	if rj, err := r.JSON(); err != nil || !strings.Contains(rj, `"failover_order"`) {
		t.Errorf("routing JSON: %v", err)
	}
}

func TestFeatures(t *testing.T) {
	tbl := mustTemplate(t, "geo-distributed", nil)
	defer tbl.Close()
	f, err := tbl.Features()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names := []string{"stream", "kms_encryption", "pitr_all", "ttl", "gsi"}
	if got := f.Names(); !reflect.DeepEqual(got, names) {
		t.Errorf("Names() = %q", got)
	}
	if f.Flags() != 1|2|8|128|1024 || !f.Has("gsi") || f.Has("lsi") {
		t.Errorf("Flags() = %#x", f.Flags())
	}
	if f.StreamView() != "NEW_AND_OLD_IMAGES" || f.Encryption() != "AWS_MANAGED" || f.PITR() != "all" ||
		f.DeletionProtection() != "none" || f.StandardIA() != "none" {
		t.Errorf("settings %q %q %q %q %q", f.StreamView(), f.Encryption(), f.PITR(), f.DeletionProtection(), f.StandardIA())
	}
	if f.GSICount() != 1 || f.LSICount() != 0 || f.TTLAttribute() != "expires_at" {
		t.Errorf("counts %d %d ttl %q", f.GSICount(), f.LSICount(), f.TTLAttribute())
	}
	doc, err := f.JSON()
	var parsed struct {
		Flags []string `json:"flags"`
	}
	if err != nil || json.Unmarshal([]byte(doc), &parsed) != nil || !reflect.DeepEqual(parsed.Flags, names) {
		t.Errorf("JSON flags %q, %v", parsed.Flags, err)
	}
}

func TestRegionSelection(t *testing.T) {
	q, err := NewRegionQuery()
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.AddLocation(35.7, 139.7, 3); err != nil {
		t.Fatal(err)
	}
	if err := q.AddLocation(53.3, -6.3, 1); err != nil {
		t.Fatal(err)
	}
	if err := q.SetCount(2); err != nil {
		t.Fatal(err)
	}
	s, err := q.Run()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	weights := map[string]float64{}
	for _, r := range s.Regions() {
		weights[r.Code] = r.Weight
	}
	if len(weights) != 2 || weights["ap-northeast-1"] != 0.75 || weights["eu-west-1"] != 0.25 {
		t.Errorf("Regions() weights = %v", weights)
	}
	if s.MeanDistanceKm() < 0 {
		t.Errorf("MeanDistanceKm() = %v", s.MeanDistanceKm())
	}
	if doc, err := s.JSON(); err != nil || !strings.Contains(doc, `"ap-northeast-1"`) {
		t.Errorf("JSON = %q, %v", doc, err)
	}
	again, err := q.Run() // the query is unchanged
	if err != nil || len(again.Codes()) != 2 {
		t.Errorf("second Run: %v", err)
	}
	again.Close()

	uk, _ := NewRegionQuery()
	defer uk.Close()
	if err := uk.AddGeography("EU", 1); err != nil {
		t.Fatal(err)
	}
	if err := uk.AddJurisdiction("UK"); err != nil {
		t.Fatal(err)
	}
	uk.SetCount(1)
	ukSel, err := uk.Run()
	if err != nil {
		t.Fatal(err)
	}
	defer ukSel.Close()
	if !reflect.DeepEqual(ukSel.Codes(), []string{"eu-west-2"}) {
		t.Errorf("UK selection = %q", ukSel.Codes())
	}
}

func TestRegionQueryErrors(t *testing.T) {
	q, err := NewRegionQuery()
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	var e *Error
	if err := q.AddLocation(91, 0, 1); !errors.As(err, &e) || e.Status != EINVAL {
		t.Errorf("latitude 91: %v", err)
	}
	if err := q.AddAllowedRegion("eu-nowhere-9"); !errors.As(err, &e) || e.Status != ENOTFOUND {
		t.Errorf("unknown region: %v", err)
	}
	if err := q.AddAllowedRegion("xx-nowhere-9"); !errors.As(err, &e) || e.Status != EINVAL {
		t.Errorf("malformed region: %v", err)
	}
	if _, err := q.Run(); !errors.As(err, &e) || e.Status != EINVAL {
		t.Errorf("Run without users: %v", err)
	}
	// Two regions from one allowed region: the query explains the refusal.
	q2, _ := NewRegionQuery()
	defer q2.Close()
	q2.AddLocation(53.3, -6.3, 1)
	q2.AddAllowedRegion("eu-west-1")
	q2.SetCount(2)
	if _, err := q2.Run(); !errors.As(err, &e) || e.Status != ENOTFOUND || e.Detail == "" ||
		!strings.Contains(err.Error(), e.Detail) {
		t.Errorf("impossible selection: %+v", err)
	}
}

func TestHelpersFinalized(t *testing.T) {
	tbl := mustTemplate(t, "active-active", nil)
	defer tbl.Close()
	before := atomic.LoadInt64(&live)
	for i := 0; i < 5; i++ {
		if _, err := tbl.Topology(); err != nil {
			t.Fatal(err)
		}
		if _, err := tbl.Strategy(); err != nil {
			t.Fatal(err)
		}
		if _, err := tbl.Features(); err != nil {
			t.Fatal(err)
		}
		if _, err := tbl.Routing(); err != nil {
			t.Fatal(err)
		}
		if _, err := NewRegionQuery(); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for atomic.LoadInt64(&live) > before && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := atomic.LoadInt64(&live); n > before {
		t.Errorf("%d dropped helpers were not finalized", n-before)
	}
	s, _ := tbl.Strategy()
	s.Close()
	s.Close()
}

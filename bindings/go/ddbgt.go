// Package ddbgt calls libddbgt through cgo: load and dump table specs, build
// a model, validate it, emit Terraform, estimate cost, build tables from
// templates, describe them (topology, strategy, features, routing), and read
// the code and region catalogues and select regions.
//
// Every object that owns a C handle has Close, which is safe to call twice;
// a finalizer calls it as a safety net for objects that are dropped
// unclosed. Errors are *Error values carrying the library status and, when
// the failure came with findings, the first error's code and JSON Pointer.
package ddbgt

/*
#cgo pkg-config: ddbgt
#include <stdlib.h>
#include <ddbgt.h>
*/
import "C"

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"unsafe"
)

// Status codes of the library (negative on failure).
const (
	OK           = int(C.DDBGT_OK)
	EINVAL       = int(C.DDBGT_EINVAL)
	ENOMEM       = int(C.DDBGT_ENOMEM)
	ENOTFOUND    = int(C.DDBGT_ENOTFOUND)
	ERANGE       = int(C.DDBGT_ERANGE)
	EIO          = int(C.DDBGT_EIO)
	ESPEC        = int(C.DDBGT_ESPEC)
	EINVALID     = int(C.DDBGT_EINVALID)
	EBUSY        = int(C.DDBGT_EBUSY)
	EUNSUPPORTED = int(C.DDBGT_EUNSUPPORTED)
)

// Diagnostic is one finding of the loader or the validator.
type Diagnostic struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Region   string `json:"region,omitempty"`
	Message  string `json:"message"`
	File     string `json:"file,omitempty"` // set by CheckSpec
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
}

// Error is a failed library call.
type Error struct {
	Op          string // the C function that failed
	Status      int    // a negative DDBGT_E* status
	Name        string // its name, e.g. "DDBGT_ESPEC"
	Code        string // the first error finding's code, if any
	Path        string // the first error finding's JSON Pointer, if any
	Diagnostics []Diagnostic
	Detail      string // the object's own explanation (region queries), if any
}

func (e *Error) Error() string {
	s := fmt.Sprintf("%s: %s (%s)", e.Op, StatusMessage(e.Status), e.Name)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	for _, d := range e.Diagnostics {
		if d.Severity == "error" {
			return s + fmt.Sprintf(": %s %s: %s", d.Code, d.Path, d.Message)
		}
	}
	return s
}

func newError(op string, status C.int, diags []Diagnostic) *Error {
	e := &Error{Op: op, Status: int(status), Name: StatusName(int(status)), Diagnostics: diags}
	for _, d := range diags {
		if d.Severity == "error" {
			e.Code, e.Path = d.Code, d.Path
			break
		}
	}
	return e
}

func check(op string, status C.int) error {
	if status < 0 {
		return newError(op, status, nil)
	}
	return nil
}

// live counts the C handles the package owns, so tests can see finalizers work.
var live int64

func gostr(s *C.char) string {
	if s == nil {
		return ""
	}
	return C.GoString(s)
}

// cstrings collects the C copies of Go strings made for one call, freed together.
type cstrings []unsafe.Pointer

func (c *cstrings) str(s string) *C.char {
	p := C.CString(s)
	*c = append(*c, unsafe.Pointer(p))
	return p
}

// opt is NULL for "", which the library reads as "use the default".
func (c *cstrings) opt(s string) *C.char {
	if s == "" {
		return nil
	}
	return c.str(s)
}

// array is a C array of C strings (NULL when empty); C memory, because the
// library reads it through a struct that cgo forbids pointing at Go memory.
func (c *cstrings) array(ss []string) **C.char {
	if len(ss) == 0 {
		return nil
	}
	p := C.malloc(C.size_t(len(ss)) * C.size_t(unsafe.Sizeof((*C.char)(nil))))
	*c = append(*c, p)
	slots := unsafe.Slice((**C.char)(p), len(ss))
	for i, s := range ss {
		slots[i] = c.str(s)
	}
	return (**C.char)(p)
}

func (c cstrings) free() {
	for _, p := range c {
		C.free(p)
	}
}

// takeString copies a string the library allocated for the caller and frees it.
func takeString(s *C.char) string {
	defer C.ddbgt_free(unsafe.Pointer(s))
	return C.GoString(s)
}

// Version is the library's version at run time.
func Version() string { return C.GoString(C.ddbgt_version_string()) }

// StatusMessage is the library's sentence for a status.
func StatusMessage(status int) string { return C.GoString(C.ddbgt_strerror(C.int(status))) }

// StatusName is the enum name of a status, e.g. "DDBGT_EIO".
func StatusName(status int) string { return C.GoString(C.ddbgt_status_name(C.int(status))) }

func enumName(kind C.ddbgt_enum_kind, value C.int) string {
	return gostr(C.ddbgt_enum_name(kind, value))
}

func enumParse(op string, kind C.ddbgt_enum_kind, name string) (C.int, error) {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	var v C.int
	if err := check(op, C.ddbgt_enum_parse(kind, cs, &v)); err != nil {
		return 0, err
	}
	return v, nil
}

// diags wraps a ddbgt_diags for the duration of one call.
type diags struct{ p *C.ddbgt_diags }

func newDiags() (*diags, error) {
	d := &diags{}
	if err := check("ddbgt_diags_new", C.ddbgt_diags_new(&d.p)); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *diags) free() { C.ddbgt_diags_free(d.p); d.p = nil }

func (d *diags) list() []Diagnostic {
	n := C.ddbgt_diags_count(d.p)
	out := make([]Diagnostic, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, Diagnostic{
			Code:     gostr(C.ddbgt_diags_code_name(d.p, i)),
			Severity: enumName(C.DDBGT_ENUM_SEVERITY, C.int(C.ddbgt_diags_severity(d.p, i))),
			Path:     gostr(C.ddbgt_diags_path(d.p, i)),
			Region:   gostr(C.ddbgt_diags_region(d.p, i)),
			Message:  gostr(C.ddbgt_diags_message(d.p, i)),
			File:     gostr(C.ddbgt_diags_file(d.p, i)),
			Line:     int(C.ddbgt_diags_line(d.p, i)),
			Column:   int(C.ddbgt_diags_column(d.p, i)),
		})
	}
	return out
}

// Table is a table spec, the root of the model.
type Table struct {
	p *C.ddbgt_table
	// Warnings holds the loader's warnings when the table came from a spec.
	Warnings []Diagnostic
}

func wrapTable(p *C.ddbgt_table) *Table {
	t := &Table{p: p}
	atomic.AddInt64(&live, 1)
	runtime.SetFinalizer(t, (*Table).Close)
	return t
}

// NewTable makes an empty table; name may be "".
func NewTable(name string) (*Table, error) {
	var cname *C.char
	if name != "" {
		cname = C.CString(name)
		defer C.free(unsafe.Pointer(cname))
	}
	var p *C.ddbgt_table
	if err := check("ddbgt_table_new", C.ddbgt_table_new(&p, cname)); err != nil {
		return nil, err
	}
	return wrapTable(p), nil
}

func load(op string, call func(out **C.ddbgt_table, d *C.ddbgt_diags) C.int) (*Table, error) {
	d, err := newDiags()
	if err != nil {
		return nil, err
	}
	defer d.free()
	var p *C.ddbgt_table
	if status := call(&p, d.p); status < 0 {
		return nil, newError(op, status, d.list())
	}
	t := wrapTable(p)
	t.Warnings = d.list()
	return t, nil
}

// LoadSpec loads a spec document from its JSON text.
func LoadSpec(text []byte) (*Table, error) {
	// C.CBytes copies: the library may not keep Go memory.
	buf := C.CBytes(text)
	defer C.free(buf)
	return load("ddbgt_spec_load_string", func(out **C.ddbgt_table, d *C.ddbgt_diags) C.int {
		return C.ddbgt_spec_load_string(out, (*C.char)(buf), C.size_t(len(text)), 0, d)
	})
}

// LoadSpecFile loads a spec document from a file.
func LoadSpecFile(path string) (*Table, error) {
	cpath := C.CString(path)
	defer C.free(unsafe.Pointer(cpath))
	return load("ddbgt_spec_load_file", func(out **C.ddbgt_table, d *C.ddbgt_diags) C.int {
		return C.ddbgt_spec_load_file(out, cpath, 0, d)
	})
}

// Close frees the table; it is safe to call more than once.
func (t *Table) Close() {
	if t.p != nil {
		C.ddbgt_table_free(t.p)
		t.p = nil
		atomic.AddInt64(&live, -1)
		runtime.SetFinalizer(t, nil)
	}
}

func (t *Table) handle() *C.ddbgt_table {
	if t.p == nil {
		panic("ddbgt: use of a closed Table")
	}
	return t.p
}

// Dump is the canonical spec document.
func (t *Table) Dump() (string, error) {
	return t.dump(0)
}

// DumpCompact is the canonical spec document on one line.
func (t *Table) DumpCompact() (string, error) {
	return t.dump(C.DDBGT_SPEC_DUMP_COMPACT)
}

func (t *Table) dump(flags C.unsigned) (string, error) {
	defer runtime.KeepAlive(t)
	var out *C.char
	if err := check("ddbgt_spec_dump_string", C.ddbgt_spec_dump_string(&out, t.handle(), flags)); err != nil {
		return "", err
	}
	return takeString(out), nil
}

// Name of the table ("" when unset).
func (t *Table) Name() string {
	defer runtime.KeepAlive(t)
	return gostr(C.ddbgt_table_name(t.handle()))
}

// SetName renames the table.
func (t *Table) SetName(name string) error {
	defer runtime.KeepAlive(t)
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	return check("ddbgt_table_set_name", C.ddbgt_table_set_name(t.handle(), cs))
}

// SetPartitionKey sets the partition key; attrType is "S", "N" or "B".
func (t *Table) SetPartitionKey(name, attrType string) error {
	defer runtime.KeepAlive(t)
	v, err := enumParse("ddbgt_enum_parse", C.DDBGT_ENUM_ATTR_TYPE, attrType)
	if err != nil {
		return err
	}
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	return check("ddbgt_table_set_partition_key",
		C.ddbgt_table_set_partition_key(t.handle(), cs, C.ddbgt_attr_type(v)))
}

// PartitionKey is the partition key's name and type ("S", "N" or "B"); "" when unset.
func (t *Table) PartitionKey() (name, attrType string) {
	defer runtime.KeepAlive(t)
	h := t.handle()
	name = gostr(C.ddbgt_table_partition_key_name(h))
	if name == "" {
		return "", ""
	}
	return name, enumName(C.DDBGT_ENUM_ATTR_TYPE, C.int(C.ddbgt_table_partition_key_type(h)))
}

// SetBillingMode sets "PAY_PER_REQUEST" or "PROVISIONED".
func (t *Table) SetBillingMode(mode string) error {
	defer runtime.KeepAlive(t)
	v, err := enumParse("ddbgt_enum_parse", C.DDBGT_ENUM_BILLING_MODE, mode)
	if err != nil {
		return err
	}
	return check("ddbgt_table_set_billing_mode",
		C.ddbgt_table_set_billing_mode(t.handle(), C.ddbgt_billing_mode(v)))
}

// BillingMode is the effective billing mode.
func (t *Table) BillingMode() string {
	defer runtime.KeepAlive(t)
	return enumName(C.DDBGT_ENUM_BILLING_MODE, C.int(C.ddbgt_table_billing_mode(t.handle())))
}

// AddReplica adds a replica in region.
func (t *Table) AddReplica(region string) error {
	defer runtime.KeepAlive(t)
	cs := C.CString(region)
	defer C.free(unsafe.Pointer(cs))
	var r *C.ddbgt_replica
	if err := check("ddbgt_replica_new", C.ddbgt_replica_new(&r, cs)); err != nil {
		return err
	}
	if err := check("ddbgt_table_add_replica", C.ddbgt_table_add_replica(t.handle(), r)); err != nil {
		C.ddbgt_replica_free(r) // not adopted: still ours
		return err
	}
	return nil
}

// Replica is a copy of a replica's main settings.
type Replica struct {
	Region     string
	Role       string // effective: "primary", "secondary" or "standby"
	TableClass string // effective
	KMSKey     string // "" when the replica names none

	// Spec format 1's extensions ("" or zero when not set; see replica.go).
	AccountID               string
	SettingsReplication     string // "ENABLED", "DISABLED" or ""
	ProviderRoleARN         string
	ResourcePolicy          string // compact JSON
	StreamResourcePolicy    string
	KinesisStreamARN        string
	KinesisPrecision        string
	ContributorInsights     bool
	ContributorInsightsMode string
	OnDemandMaxRead         int64
}

// Replicas lists the replicas in order.
func (t *Table) Replicas() []Replica {
	defer runtime.KeepAlive(t)
	h := t.handle()
	n := C.ddbgt_table_replica_count(h)
	out := make([]Replica, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		r := C.ddbgt_table_replica_at_mut(h, i)
		out = append(out, Replica{
			Region:     gostr(C.ddbgt_replica_region(r)),
			Role:       enumName(C.DDBGT_ENUM_ROLE, C.int(C.ddbgt_replica_effective_role(r))),
			TableClass: enumName(C.DDBGT_ENUM_TABLE_CLASS, C.int(C.ddbgt_replica_effective_table_class(r))),
			KMSKey:     gostr(C.ddbgt_replica_kms_key(r)),
		})
		replicaExtensions(&out[len(out)-1], r)
	}
	return out
}

// CodeInfo is one entry of the diagnostic catalogue.
type CodeInfo struct {
	Number   int
	Code     string
	Severity string
	Summary  string
	Hint     string
	Source   string
}

func codeInfo(c C.ddbgt_code) CodeInfo {
	return CodeInfo{
		Number:   int(c),
		Code:     gostr(C.ddbgt_code_name(c)),
		Severity: enumName(C.DDBGT_ENUM_SEVERITY, C.int(C.ddbgt_code_severity(c))),
		Summary:  gostr(C.ddbgt_code_summary(c)),
		Hint:     gostr(C.ddbgt_code_hint(c)),
		Source:   gostr(C.ddbgt_code_source(c)),
	}
}

// Codes is the whole catalogue in numeric order.
func Codes() []CodeInfo {
	n := C.ddbgt_code_count()
	out := make([]CodeInfo, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, codeInfo(C.ddbgt_code_at(i)))
	}
	return out
}

// Explain gives the catalogue entry of a code name such as "DDBGT_E_REGION_DUPLICATE".
func Explain(code string) (CodeInfo, error) {
	cs := C.CString(code)
	defer C.free(unsafe.Pointer(cs))
	c := C.ddbgt_code_from_name(cs)
	if c == C.DDBGT_CODE_NONE {
		return CodeInfo{}, &Error{Op: "ddbgt_code_from_name", Status: ENOTFOUND, Name: StatusName(ENOTFOUND)}
	}
	return codeInfo(c), nil
}

// Region is one entry of the region catalogue.
type Region struct {
	Code                 string
	Name                 string
	Partition            string
	Geography            string
	Jurisdiction         string
	StrongConsistencySet string // "US", "EU", "AP" or ""
	OptIn                bool
	Verified             bool
	Latitude, Longitude  float64
}

func regionOf(r *C.ddbgt_region) Region {
	return Region{
		Code:                 gostr(C.ddbgt_region_code(r)),
		Name:                 gostr(C.ddbgt_region_name(r)),
		Partition:            gostr(C.ddbgt_region_partition(r)),
		Geography:            gostr(C.ddbgt_region_geography(r)),
		Jurisdiction:         gostr(C.ddbgt_region_jurisdiction(r)),
		StrongConsistencySet: gostr(C.ddbgt_region_strong_consistency_set(r)),
		OptIn:                C.ddbgt_region_is_opt_in(r) != 0,
		Verified:             C.ddbgt_region_is_verified(r) != 0,
		Latitude:             float64(C.ddbgt_region_latitude(r)),
		Longitude:            float64(C.ddbgt_region_longitude(r)),
	}
}

// Regions is the whole catalogue in catalogue order.
func Regions() []Region {
	n := C.ddbgt_region_count()
	out := make([]Region, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, regionOf(C.ddbgt_region_at(i)))
	}
	return out
}

// FindRegion looks a region up by code; ok is false when the catalogue lacks it.
func FindRegion(code string) (r Region, ok bool) {
	cs := C.CString(code)
	defer C.free(unsafe.Pointer(cs))
	p := C.ddbgt_region_find(cs)
	if p == nil {
		return Region{}, false
	}
	return regionOf(p), true
}

// Emit writes the document of a valid table as JSON; target is "terraform",
// "terraform-legacy" or "cloudformation". A table with errors gives an
// *Error with Status EINVALID and the findings.
func (t *Table) Emit(target string) (string, error) {
	return t.EmitFormat(target, "json")
}

// EmitFormat is Emit with the document's syntax: "json", or "yaml" for
// target "cloudformation" (other targets refuse it with DDBGT_E_EMIT_OPTION).
func (t *Table) EmitFormat(target, format string) (string, error) {
	defer runtime.KeepAlive(t)
	var opts C.ddbgt_emit_options
	if err := check("ddbgt_emit_options_init", C.ddbgt_emit_options_init(&opts, C.DDBGT_EMIT_OPTIONS_VERSION)); err != nil {
		return "", err
	}
	switch format {
	case "json":
		opts.format = C.DDBGT_EMIT_FORMAT_JSON
	case "yaml":
		opts.format = C.DDBGT_EMIT_FORMAT_YAML
	default:
		return "", &Error{Op: "EmitFormat", Status: EINVAL, Name: "DDBGT_EINVAL", Detail: "format must be json or yaml"}
	}
	ct := C.CString(target)
	defer C.free(unsafe.Pointer(ct))
	if err := check("ddbgt_emit_target_parse", C.ddbgt_emit_target_parse(ct, &opts.target)); err != nil {
		return "", err
	}
	d, err := newDiags()
	if err != nil {
		return "", err
	}
	defer d.free()
	var out *C.char
	if status := C.ddbgt_emit_string(&out, t.handle(), &opts, d.p); status < 0 {
		return "", newError("ddbgt_emit_string", status, d.list())
	}
	return takeString(out), nil
}

// Cost is the monthly estimate with the built-in prices, as the library's
// JSON report.
func (t *Table) Cost() (string, error) {
	defer runtime.KeepAlive(t)
	d, err := newDiags()
	if err != nil {
		return "", err
	}
	defer d.free()
	var report *C.ddbgt_cost_report
	if status := C.ddbgt_cost_estimate(&report, t.handle(), nil, d.p); status < 0 {
		return "", newError("ddbgt_cost_estimate", status, d.list())
	}
	defer C.ddbgt_cost_report_free(report)
	var out *C.char
	if err := check("ddbgt_cost_report_to_json", C.ddbgt_cost_report_to_json(&out, report)); err != nil {
		return "", err
	}
	return takeString(out), nil
}

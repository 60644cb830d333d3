package ddbgt

/*
#include <stdlib.h>
#include <ddbgt.h>
*/
import "C"

import (
	"runtime"
	"sync/atomic"
)

// The helpers of <ddbgt/strategy.h>: each result is computed once from a
// table and is then independent of it; Close frees it (a finalizer does it
// for results dropped unclosed).

func roleName(r C.ddbgt_member_role) string { return gostr(C.ddbgt_member_role_name(r)) }

func toJSON(op string, call func(out **C.char) C.int) (string, error) {
	var out *C.char
	if err := check(op, call(&out)); err != nil {
		return "", err
	}
	return takeString(out), nil
}

// Member is one region of a topology.
type Member struct {
	Region     string
	Role       string // "primary", "secondary", "standby" or "witness"
	SpecIndex  int64  // the replica's index in the spec, -1 for the witness
	TableClass string // effective; "" for the witness
	Geography  string // "" when the region is not in the catalogue
}

// Topology is the regions of a table in order: the primary first, other
// replicas in spec order, the witness last.
type Topology struct{ p *C.ddbgt_topology }

// Topology describes the table's regions.
func (t *Table) Topology() (*Topology, error) {
	defer runtime.KeepAlive(t)
	tp := &Topology{}
	if err := check("ddbgt_topology_new", C.ddbgt_topology_new(&tp.p, t.handle())); err != nil {
		return nil, err
	}
	atomic.AddInt64(&live, 1)
	runtime.SetFinalizer(tp, (*Topology).Close)
	return tp, nil
}

// Close frees the topology; it is safe to call more than once.
func (tp *Topology) Close() {
	if tp.p != nil {
		C.ddbgt_topology_free(tp.p)
		tp.p = nil
		atomic.AddInt64(&live, -1)
		runtime.SetFinalizer(tp, nil)
	}
}

func (tp *Topology) handle() *C.ddbgt_topology {
	if tp.p == nil {
		panic("ddbgt: use of a closed Topology")
	}
	return tp.p
}

// RegionCount counts every region: replicas and the witness.
func (tp *Topology) RegionCount() int {
	defer runtime.KeepAlive(tp)
	return int(C.ddbgt_topology_region_count(tp.handle()))
}

// ReplicaCount counts the replicas only.
func (tp *Topology) ReplicaCount() int {
	defer runtime.KeepAlive(tp)
	return int(C.ddbgt_topology_replica_count(tp.handle()))
}

// Members lists the regions in order.
func (tp *Topology) Members() []Member {
	defer runtime.KeepAlive(tp)
	h := tp.handle()
	n := C.ddbgt_topology_region_count(h)
	out := make([]Member, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, Member{
			Region:     gostr(C.ddbgt_topology_region_at(h, i)),
			Role:       roleName(C.ddbgt_topology_role_at(h, i)),
			SpecIndex:  int64(C.ddbgt_topology_spec_index_at(h, i)),
			TableClass: enumName(C.DDBGT_ENUM_TABLE_CLASS, C.int(C.ddbgt_topology_table_class_at(h, i))),
			Geography:  gostr(C.ddbgt_topology_geography_at(h, i)),
		})
	}
	return out
}

// JSON is the library's JSON rendering of the topology.
func (tp *Topology) JSON() (string, error) {
	defer runtime.KeepAlive(tp)
	h := tp.handle()
	return toJSON("ddbgt_topology_to_json", func(out **C.char) C.int { return C.ddbgt_topology_to_json(out, h) })
}

// DisasterRecovery is a strategy's DR profile as AWS classes it.
type DisasterRecovery struct {
	Class  string // "multi-site active/active", "warm standby", ...
	RPO    string
	RTO    string
	Source string // the documents the classes come from
}

// Strategy says which multi-region strategy a table implements and why.
type Strategy struct{ p *C.ddbgt_strategy }

// Strategy identifies the table's multi-region strategy.
func (t *Table) Strategy() (*Strategy, error) {
	defer runtime.KeepAlive(t)
	s := &Strategy{}
	if err := check("ddbgt_strategy_identify", C.ddbgt_strategy_identify(&s.p, t.handle())); err != nil {
		return nil, err
	}
	atomic.AddInt64(&live, 1)
	runtime.SetFinalizer(s, (*Strategy).Close)
	return s, nil
}

// Close frees the strategy; it is safe to call more than once.
func (s *Strategy) Close() {
	if s.p != nil {
		C.ddbgt_strategy_free(s.p)
		s.p = nil
		atomic.AddInt64(&live, -1)
		runtime.SetFinalizer(s, nil)
	}
}

func (s *Strategy) handle() *C.ddbgt_strategy {
	if s.p == nil {
		panic("ddbgt: use of a closed Strategy")
	}
	return s.p
}

// Kind is "active-active", "geo-distributed", "primary-standby-cold", ...
func (s *Strategy) Kind() string {
	defer runtime.KeepAlive(s)
	return gostr(C.ddbgt_strategy_kind_name(C.ddbgt_strategy_pattern(s.handle())))
}

// Summary is one sentence for a person.
func (s *Strategy) Summary() string {
	defer runtime.KeepAlive(s)
	return gostr(C.ddbgt_strategy_summary(s.handle()))
}

// Reasons are the facts that led to the answer.
func (s *Strategy) Reasons() []string {
	defer runtime.KeepAlive(s)
	h := s.handle()
	n := C.ddbgt_strategy_reason_count(h)
	out := make([]string, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, gostr(C.ddbgt_strategy_reason_at(h, i)))
	}
	return out
}

// DisasterRecovery is the strategy's DR profile.
func (s *Strategy) DisasterRecovery() DisasterRecovery {
	defer runtime.KeepAlive(s)
	h := s.handle()
	return DisasterRecovery{
		Class:  gostr(C.ddbgt_strategy_dr_class(h)),
		RPO:    gostr(C.ddbgt_strategy_rpo(h)),
		RTO:    gostr(C.ddbgt_strategy_rto(h)),
		Source: gostr(C.ddbgt_strategy_dr_source(h)),
	}
}

// JSON is the library's JSON rendering of the strategy.
func (s *Strategy) JSON() (string, error) {
	defer runtime.KeepAlive(s)
	h := s.handle()
	return toJSON("ddbgt_strategy_to_json", func(out **C.char) C.int { return C.ddbgt_strategy_to_json(out, h) })
}

// Features says which features a table uses.
type Features struct{ p *C.ddbgt_features }

// Features detects the features the table uses.
func (t *Table) Features() (*Features, error) {
	defer runtime.KeepAlive(t)
	f := &Features{}
	if err := check("ddbgt_features_detect", C.ddbgt_features_detect(&f.p, t.handle())); err != nil {
		return nil, err
	}
	atomic.AddInt64(&live, 1)
	runtime.SetFinalizer(f, (*Features).Close)
	return f, nil
}

// Close frees the features; it is safe to call more than once.
func (f *Features) Close() {
	if f.p != nil {
		C.ddbgt_features_free(f.p)
		f.p = nil
		atomic.AddInt64(&live, -1)
		runtime.SetFinalizer(f, nil)
	}
}

func (f *Features) handle() *C.ddbgt_features {
	if f.p == nil {
		panic("ddbgt: use of a closed Features")
	}
	return f.p
}

// Flags ORs the DDBGT_FEATURE_* bits present.
func (f *Features) Flags() uint {
	defer runtime.KeepAlive(f)
	return uint(C.ddbgt_features_flags(f.handle()))
}

// Names are the names of the features present ("stream", "gsi", ...), in bit order.
func (f *Features) Names() []string {
	flags := f.Flags()
	var out []string
	for b := uint(0); b < 32; b++ {
		if flags&(1<<b) != 0 {
			out = append(out, gostr(C.ddbgt_feature_name(C.ddbgt_feature(1<<b))))
		}
	}
	return out
}

// Has says whether the feature called name ("stream", "pitr_all", ...) is present.
func (f *Features) Has(name string) bool {
	for _, n := range f.Names() {
		if n == name {
			return true
		}
	}
	return false
}

// StreamView is the effective stream view type; "" when no stream is enabled.
func (f *Features) StreamView() string {
	defer runtime.KeepAlive(f)
	return enumName(C.DDBGT_ENUM_STREAM_VIEW, C.int(C.ddbgt_features_stream_view(f.handle())))
}

// Encryption is "AWS_OWNED", "AWS_MANAGED" or "CUSTOMER_MANAGED".
func (f *Features) Encryption() string {
	defer runtime.KeepAlive(f)
	return enumName(C.DDBGT_ENUM_ENCRYPTION, C.int(C.ddbgt_features_encryption(f.handle())))
}

func coverage(c C.ddbgt_coverage) string { return gostr(C.ddbgt_coverage_name(c)) }

// PITR is the replicas with point-in-time recovery: "none", "some" or "all".
func (f *Features) PITR() string {
	defer runtime.KeepAlive(f)
	return coverage(C.ddbgt_features_pitr(f.handle()))
}

// DeletionProtection is "none", "some" or "all".
func (f *Features) DeletionProtection() string {
	defer runtime.KeepAlive(f)
	return coverage(C.ddbgt_features_deletion_protection(f.handle()))
}

// StandardIA is the replicas in the Standard-IA class: "none", "some" or "all".
func (f *Features) StandardIA() string {
	defer runtime.KeepAlive(f)
	return coverage(C.ddbgt_features_standard_ia(f.handle()))
}

// GSICount counts the global secondary indexes.
func (f *Features) GSICount() int {
	defer runtime.KeepAlive(f)
	return int(C.ddbgt_features_gsi_count(f.handle()))
}

// LSICount counts the local secondary indexes.
func (f *Features) LSICount() int {
	defer runtime.KeepAlive(f)
	return int(C.ddbgt_features_lsi_count(f.handle()))
}

// TTLAttribute is the TTL attribute, or "".
func (f *Features) TTLAttribute() string {
	defer runtime.KeepAlive(f)
	return gostr(C.ddbgt_features_ttl_attribute(f.handle()))
}

// JSON is the library's JSON rendering of the features.
func (f *Features) JSON() (string, error) {
	defer runtime.KeepAlive(f)
	h := f.handle()
	return toJSON("ddbgt_features_to_json", func(out **C.char) C.int { return C.ddbgt_features_to_json(out, h) })
}

// Route is what an application needs to route to one replica.
type Route struct {
	Region        string
	Role          string
	ServesTraffic bool // false for a standby
	Partition     string
	Endpoint      string  // "" for partitions without a public endpoint rule
	TableARN      string  // with ${AccountId} for the account
	StreamARN     string  // "" when no stream is enabled
	DistanceKm    float64 // from the primary; 0 for it, -1 when unknown
}

// Routing is the replicas in failover order.
type Routing struct{ p *C.ddbgt_routing }

// Routing computes the table's routing metadata.
func (t *Table) Routing() (*Routing, error) {
	defer runtime.KeepAlive(t)
	r := &Routing{}
	if err := check("ddbgt_routing_new", C.ddbgt_routing_new(&r.p, t.handle())); err != nil {
		return nil, err
	}
	atomic.AddInt64(&live, 1)
	runtime.SetFinalizer(r, (*Routing).Close)
	return r, nil
}

// Close frees the routing; it is safe to call more than once.
func (r *Routing) Close() {
	if r.p != nil {
		C.ddbgt_routing_free(r.p)
		r.p = nil
		atomic.AddInt64(&live, -1)
		runtime.SetFinalizer(r, nil)
	}
}

func (r *Routing) handle() *C.ddbgt_routing {
	if r.p == nil {
		panic("ddbgt: use of a closed Routing")
	}
	return r.p
}

// Routes lists the replicas in failover order: the primary, serving
// secondaries, then standbys.
func (r *Routing) Routes() []Route {
	defer runtime.KeepAlive(r)
	h := r.handle()
	n := C.ddbgt_routing_count(h)
	out := make([]Route, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, Route{
			Region:        gostr(C.ddbgt_routing_region_at(h, i)),
			Role:          roleName(C.ddbgt_routing_role_at(h, i)),
			ServesTraffic: C.ddbgt_routing_serves_traffic_at(h, i) != 0,
			Partition:     gostr(C.ddbgt_routing_partition_at(h, i)),
			Endpoint:      gostr(C.ddbgt_routing_endpoint_at(h, i)),
			TableARN:      gostr(C.ddbgt_routing_table_arn_at(h, i)),
			StreamARN:     gostr(C.ddbgt_routing_stream_arn_at(h, i)),
			DistanceKm:    float64(C.ddbgt_routing_distance_km_at(h, i)),
		})
	}
	return out
}

// Witness is the witness region, or "".
func (r *Routing) Witness() string {
	defer runtime.KeepAlive(r)
	return gostr(C.ddbgt_routing_witness(r.handle()))
}

// JSON is the library's JSON rendering of the routing metadata.
func (r *Routing) JSON() (string, error) {
	defer runtime.KeepAlive(r)
	h := r.handle()
	return toJSON("ddbgt_routing_to_json", func(out **C.char) C.int { return C.ddbgt_routing_to_json(out, h) })
}

package ddbgt

/*
#include <stdlib.h>
#include <ddbgt.h>
*/
import "C"

import (
	"runtime"
	"sync/atomic"
	"unsafe"
)

// RegionQuery is a region selection request: weighted user locations, a
// region count and constraints. Errors of its methods are *Error values
// whose Detail is the query's own explanation.
type RegionQuery struct{ p *C.ddbgt_region_query }

// NewRegionQuery makes an empty query: no users, no count, partition "aws",
// opt-in and unverified regions excluded.
func NewRegionQuery() (*RegionQuery, error) {
	q := &RegionQuery{}
	if err := check("ddbgt_region_query_new", C.ddbgt_region_query_new(&q.p)); err != nil {
		return nil, err
	}
	atomic.AddInt64(&live, 1)
	runtime.SetFinalizer(q, (*RegionQuery).Close)
	return q, nil
}

// Close frees the query; it is safe to call more than once.
func (q *RegionQuery) Close() {
	if q.p != nil {
		C.ddbgt_region_query_free(q.p)
		q.p = nil
		atomic.AddInt64(&live, -1)
		runtime.SetFinalizer(q, nil)
	}
}

func (q *RegionQuery) handle() *C.ddbgt_region_query {
	if q.p == nil {
		panic("ddbgt: use of a closed RegionQuery")
	}
	return q.p
}

func (q *RegionQuery) check(op string, status C.int) error {
	if status < 0 {
		e := newError(op, status, nil)
		e.Detail = gostr(C.ddbgt_region_query_message(q.p))
		return e
	}
	return nil
}

func (q *RegionQuery) withString(op, s string, call func(h *C.ddbgt_region_query, cs *C.char) C.int) error {
	defer runtime.KeepAlive(q)
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	return q.check(op, call(q.handle(), cs))
}

// AddLocation adds users at (latitude, longitude) in degrees with a positive weight.
func (q *RegionQuery) AddLocation(latitude, longitude, weight float64) error {
	defer runtime.KeepAlive(q)
	return q.check("ddbgt_region_query_add_location", C.ddbgt_region_query_add_location(
		q.handle(), C.double(latitude), C.double(longitude), C.double(weight)))
}

// AddGeography adds users spread over the regions of a geography ("EU", "US", ...).
func (q *RegionQuery) AddGeography(geography string, weight float64) error {
	return q.withString("ddbgt_region_query_add_geography", geography,
		func(h *C.ddbgt_region_query, cs *C.char) C.int {
			return C.ddbgt_region_query_add_geography(h, cs, C.double(weight))
		})
}

// SetCount sets how many regions to propose (at least 1).
func (q *RegionQuery) SetCount(count int) error {
	defer runtime.KeepAlive(q)
	if count < 0 {
		return newError("ddbgt_region_query_set_count", C.DDBGT_EINVAL, nil)
	}
	return q.check("ddbgt_region_query_set_count", C.ddbgt_region_query_set_count(q.handle(), C.size_t(count)))
}

// AddJurisdiction limits the proposal to regions of the added jurisdictions ("EU", "UK", "JP", ...).
func (q *RegionQuery) AddJurisdiction(jurisdiction string) error {
	return q.withString("ddbgt_region_query_add_jurisdiction", jurisdiction,
		func(h *C.ddbgt_region_query, cs *C.char) C.int { return C.ddbgt_region_query_add_jurisdiction(h, cs) })
}

// AddAllowedRegion limits the proposal to the added regions.
func (q *RegionQuery) AddAllowedRegion(code string) error {
	return q.withString("ddbgt_region_query_add_allowed_region", code,
		func(h *C.ddbgt_region_query, cs *C.char) C.int { return C.ddbgt_region_query_add_allowed_region(h, cs) })
}

// SetStrongConsistencySet limits the proposal to one multi-Region strong
// consistency set ("US", "EU" or "AP"); "" removes the constraint.
func (q *RegionQuery) SetStrongConsistencySet(set string) error {
	if set == "" {
		defer runtime.KeepAlive(q)
		return q.check("ddbgt_region_query_set_strong_consistency_set",
			C.ddbgt_region_query_set_strong_consistency_set(q.handle(), nil))
	}
	return q.withString("ddbgt_region_query_set_strong_consistency_set", set,
		func(h *C.ddbgt_region_query, cs *C.char) C.int {
			return C.ddbgt_region_query_set_strong_consistency_set(h, cs)
		})
}

// SetPartition sets the partition to choose from (default "aws").
func (q *RegionQuery) SetPartition(partition string) error {
	return q.withString("ddbgt_region_query_set_partition", partition,
		func(h *C.ddbgt_region_query, cs *C.char) C.int { return C.ddbgt_region_query_set_partition(h, cs) })
}

func cbool(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

// SetIncludeOptIn allows opt-in regions.
func (q *RegionQuery) SetIncludeOptIn(include bool) error {
	defer runtime.KeepAlive(q)
	return q.check("ddbgt_region_query_set_include_opt_in",
		C.ddbgt_region_query_set_include_opt_in(q.handle(), cbool(include)))
}

// SetIncludeUnverified allows regions whose global-table support is not verified.
func (q *RegionQuery) SetIncludeUnverified(include bool) error {
	defer runtime.KeepAlive(q)
	return q.check("ddbgt_region_query_set_include_unverified",
		C.ddbgt_region_query_set_include_unverified(q.handle(), cbool(include)))
}

// Run proposes regions. Status EINVAL when the query has no users or no
// count, ENOTFOUND when no answer satisfies the constraints (Detail says
// why). The query is not changed and may be run again.
func (q *RegionQuery) Run() (*RegionSelection, error) {
	defer runtime.KeepAlive(q)
	s := &RegionSelection{}
	if err := q.check("ddbgt_region_query_run", C.ddbgt_region_query_run(&s.p, q.handle())); err != nil {
		return nil, err
	}
	atomic.AddInt64(&live, 1)
	runtime.SetFinalizer(s, (*RegionSelection).Close)
	return s, nil
}

// RegionSelection is the regions a query proposed, in pick order.
type RegionSelection struct{ p *C.ddbgt_region_selection }

// Close frees the selection; it is safe to call more than once.
func (s *RegionSelection) Close() {
	if s.p != nil {
		C.ddbgt_region_selection_free(s.p)
		s.p = nil
		atomic.AddInt64(&live, -1)
		runtime.SetFinalizer(s, nil)
	}
}

func (s *RegionSelection) handle() *C.ddbgt_region_selection {
	if s.p == nil {
		panic("ddbgt: use of a closed RegionSelection")
	}
	return s.p
}

// SelectedRegion is one proposed region with the users it serves.
type SelectedRegion struct {
	Region
	DistanceKm float64 // weighted mean distance from the users it serves
	Weight     float64 // share (0..1) of the total user weight it serves
}

// Regions lists the proposed regions in pick order.
func (s *RegionSelection) Regions() []SelectedRegion {
	defer runtime.KeepAlive(s)
	h := s.handle()
	n := C.ddbgt_region_selection_count(h)
	out := make([]SelectedRegion, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, SelectedRegion{
			Region:     regionOf(C.ddbgt_region_selection_at(h, i)),
			DistanceKm: float64(C.ddbgt_region_selection_distance_km(h, i)),
			Weight:     float64(C.ddbgt_region_selection_weight(h, i)),
		})
	}
	return out
}

// Codes are the codes of the proposed regions in pick order.
func (s *RegionSelection) Codes() []string {
	var out []string
	for _, r := range s.Regions() {
		out = append(out, r.Code)
	}
	return out
}

// MeanDistanceKm is the weighted mean distance from every user to its nearest proposed region.
func (s *RegionSelection) MeanDistanceKm() float64 {
	defer runtime.KeepAlive(s)
	return float64(C.ddbgt_region_selection_mean_distance_km(s.handle()))
}

// JSON is the library's JSON rendering of the selection.
func (s *RegionSelection) JSON() (string, error) {
	defer runtime.KeepAlive(s)
	h := s.handle()
	return toJSON("ddbgt_region_selection_to_json",
		func(out **C.char) C.int { return C.ddbgt_region_selection_to_json(out, h) })
}

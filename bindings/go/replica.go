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

// The settings of spec format 1's extensions (issue 14) that a Go caller
// sets on a replica, addressed by its region, and on the table: accounts
// and settings replication of multi-account tables, resource-based
// policies, Kinesis, Contributor Insights modes, per-replica read maximums
// and warm throughput. Replicas reads them back.

// replicaIn is the replica of t in region, or an ENOTFOUND error naming op.
func (t *Table) replicaIn(op, region string) (*C.ddbgt_replica, error) {
	h := t.handle()
	for i := C.size_t(0); i < C.ddbgt_table_replica_count(h); i++ {
		r := C.ddbgt_table_replica_at_mut(h, i)
		if gostr(C.ddbgt_replica_region(r)) == region {
			return r, nil
		}
	}
	return nil, &Error{Op: op, Status: ENOTFOUND, Name: StatusName(ENOTFOUND),
		Detail: "no replica in " + region}
}

// setString calls a replica setter that copies a string; "" passes NULL (removes it).
func (t *Table) setString(op, region, value string,
	set func(r *C.ddbgt_replica, s *C.char) C.int) error {
	defer runtime.KeepAlive(t)
	r, err := t.replicaIn(op, region)
	if err != nil {
		return err
	}
	var cs *C.char
	if value != "" {
		cs = C.CString(value)
		defer C.free(unsafe.Pointer(cs))
	}
	return check(op, set(r, cs))
}

// enumOrUnset parses name as kind, "" being the enumeration's UNSET (0).
func enumOrUnset(kind C.ddbgt_enum_kind, name string) (C.int, error) {
	if name == "" {
		return 0, nil
	}
	return enumParse("ddbgt_enum_parse", kind, name)
}

// SetReplicaAccountID sets the AWS account (12 digits) of the replica in
// region; "" is the account that deploys the table.
func (t *Table) SetReplicaAccountID(region, accountID string) error {
	return t.setString("ddbgt_replica_set_account_id", region, accountID,
		func(r *C.ddbgt_replica, s *C.char) C.int { return C.ddbgt_replica_set_account_id(r, s) })
}

// SetReplicaSettingsReplication sets "ENABLED" or "DISABLED" ("" leaves AWS's default).
func (t *Table) SetReplicaSettingsReplication(region, mode string) error {
	defer runtime.KeepAlive(t)
	v, err := enumOrUnset(C.DDBGT_ENUM_SETTINGS_REPLICATION, mode)
	if err != nil {
		return err
	}
	r, err := t.replicaIn("ddbgt_replica_set_settings_replication", region)
	if err != nil {
		return err
	}
	return check("ddbgt_replica_set_settings_replication",
		C.ddbgt_replica_set_settings_replication(r, C.ddbgt_settings_replication(v)))
}

// SetReplicaProviderRoleARN sets the IAM role a deployment assumes to reach
// the replica's account ("" removes it).
func (t *Table) SetReplicaProviderRoleARN(region, roleARN string) error {
	return t.setString("ddbgt_replica_set_provider_role_arn", region, roleARN,
		func(r *C.ddbgt_replica, s *C.char) C.int {
			return C.ddbgt_replica_set_provider_role_arn(r, s)
		})
}

// SetReplicaResourcePolicy sets the resource-based policy of the replica's
// table, the text of one JSON object ("" removes it); other text is EINVAL.
func (t *Table) SetReplicaResourcePolicy(region, policyJSON string) error {
	return t.setString("ddbgt_replica_set_resource_policy", region, policyJSON,
		func(r *C.ddbgt_replica, s *C.char) C.int {
			return C.ddbgt_replica_set_resource_policy(r, s)
		})
}

// SetReplicaStreamResourcePolicy is SetReplicaResourcePolicy for the replica's stream.
func (t *Table) SetReplicaStreamResourcePolicy(region, policyJSON string) error {
	return t.setString("ddbgt_replica_set_stream_resource_policy", region, policyJSON,
		func(r *C.ddbgt_replica, s *C.char) C.int {
			return C.ddbgt_replica_set_stream_resource_policy(r, s)
		})
}

// SetReplicaKinesisStream sends the replica's item changes to a Kinesis data
// stream; precision is "MILLISECOND", "MICROSECOND" or "" (AWS's default).
// An empty streamARN removes the destination.
func (t *Table) SetReplicaKinesisStream(region, streamARN, precision string) error {
	defer runtime.KeepAlive(t)
	v, err := enumOrUnset(C.DDBGT_ENUM_KINESIS_PRECISION, precision)
	if err != nil {
		return err
	}
	return t.setString("ddbgt_replica_set_kinesis_stream", region, streamARN,
		func(r *C.ddbgt_replica, s *C.char) C.int {
			return C.ddbgt_replica_set_kinesis_stream(r, s, C.ddbgt_kinesis_precision(v))
		})
}

// SetReplicaContributorInsights turns Contributor Insights on or off; mode
// "ACCESSED_AND_THROTTLED_KEYS" or "THROTTLED_KEYS" writes the object form,
// "" the boolean form.
func (t *Table) SetReplicaContributorInsights(region string, enabled bool, mode string) error {
	defer runtime.KeepAlive(t)
	v, err := enumOrUnset(C.DDBGT_ENUM_INSIGHTS_MODE, mode)
	if err != nil {
		return err
	}
	r, err := t.replicaIn("ddbgt_replica_set_contributor_insights", region)
	if err != nil {
		return err
	}
	on := C.int(0)
	if enabled {
		on = 1
	}
	if mode == "" {
		return check("ddbgt_replica_set_contributor_insights",
			C.ddbgt_replica_set_contributor_insights(r, on))
	}
	return check("ddbgt_replica_set_contributor_insights_mode",
		C.ddbgt_replica_set_contributor_insights_mode(r, on, C.ddbgt_insights_mode(v)))
}

// SetReplicaOnDemandMaxRead sets the replica's own on-demand read maximum
// (PAY_PER_REQUEST tables); 0 goes back to the table's.
func (t *Table) SetReplicaOnDemandMaxRead(region string, units int64) error {
	defer runtime.KeepAlive(t)
	r, err := t.replicaIn("ddbgt_replica_set_on_demand_max_read", region)
	if err != nil {
		return err
	}
	if units == 0 {
		return check("ddbgt_replica_clear_on_demand_max_read",
			C.ddbgt_replica_clear_on_demand_max_read(r))
	}
	return check("ddbgt_replica_set_on_demand_max_read",
		C.ddbgt_replica_set_on_demand_max_read(r, C.int64_t(units)))
}

// SetWarmThroughput sets the reads and writes per second the table is ready
// for at once; 0 leaves that side unset.
func (t *Table) SetWarmThroughput(read, write int64) error {
	defer runtime.KeepAlive(t)
	h := t.handle()
	for _, side := range []struct {
		rw    C.ddbgt_rw
		units int64
	}{{C.DDBGT_READ, read}, {C.DDBGT_WRITE, write}} {
		var status C.int
		if side.units == 0 {
			status = C.ddbgt_table_clear_warm_throughput(h, side.rw)
		} else {
			status = C.ddbgt_table_set_warm_throughput(h, side.rw, C.int64_t(side.units))
		}
		if err := check("ddbgt_table_set_warm_throughput", status); err != nil {
			return err
		}
	}
	return nil
}

// WarmThroughput is the table's warm throughput; 0 for a side not set.
func (t *Table) WarmThroughput() (read, write int64) {
	defer runtime.KeepAlive(t)
	var r, w C.int64_t
	if C.ddbgt_table_get_warm_throughput(t.handle(), C.DDBGT_READ, &r) != C.DDBGT_OK {
		r = 0
	}
	if C.ddbgt_table_get_warm_throughput(t.handle(), C.DDBGT_WRITE, &w) != C.DDBGT_OK {
		w = 0
	}
	return int64(r), int64(w)
}

// replicaExtensions fills the issue-14 fields of a Replica copy from r.
func replicaExtensions(out *Replica, r *C.ddbgt_replica) {
	var units C.int64_t
	out.AccountID = gostr(C.ddbgt_replica_account_id(r))
	out.SettingsReplication = enumName(C.DDBGT_ENUM_SETTINGS_REPLICATION,
		C.int(C.ddbgt_replica_settings_replication(r)))
	out.ProviderRoleARN = gostr(C.ddbgt_replica_provider_role_arn(r))
	out.ResourcePolicy = gostr(C.ddbgt_replica_resource_policy(r))
	out.StreamResourcePolicy = gostr(C.ddbgt_replica_stream_resource_policy(r))
	out.KinesisStreamARN = gostr(C.ddbgt_replica_kinesis_stream_arn(r))
	out.KinesisPrecision = enumName(C.DDBGT_ENUM_KINESIS_PRECISION,
		C.int(C.ddbgt_replica_kinesis_stream_precision(r)))
	out.ContributorInsights = C.ddbgt_replica_contributor_insights(r) == 1
	out.ContributorInsightsMode = enumName(C.DDBGT_ENUM_INSIGHTS_MODE,
		C.int(C.ddbgt_replica_contributor_insights_mode(r)))
	if C.ddbgt_replica_get_on_demand_max_read(r, &units) == C.DDBGT_OK {
		out.OnDemandMaxRead = int64(units)
	}
}

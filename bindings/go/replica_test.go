package ddbgt

import (
	"errors"
	"strings"
	"testing"
)

const grantPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
	`"Principal":{"Service":"replication.dynamodb.amazonaws.com"},` +
	`"Action":["dynamodb:ReadDataForReplication","dynamodb:WriteDataForReplication",` +
	`"dynamodb:ReplicateSettings"],"Resource":"arn:aws:dynamodb:%s:%s:table/ledger"}]}`

func grantFor(region, account string) string {
	return strings.Replace(strings.Replace(grantPolicy, "%s", region, 1), "%s", account, 1)
}

// A two-account table built through the issue-14 setters: every value reads
// back, dumps to the spec keys, reloads to the same document and validates.
func TestMultiAccountReplicaSetters(t *testing.T) {
	tbl, err := NewTable("ledger")
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(tbl.SetPartitionKey("id", "S"))
	must(tbl.AddReplica("us-east-1"))
	must(tbl.AddReplica("eu-west-1"))
	must(tbl.SetReplicaAccountID("us-east-1", "111122223333"))
	must(tbl.SetReplicaAccountID("eu-west-1", "444455556666"))
	must(tbl.SetReplicaSettingsReplication("eu-west-1", "ENABLED"))
	must(tbl.SetReplicaProviderRoleARN("eu-west-1", "arn:aws:iam::444455556666:role/deploy"))
	must(tbl.SetReplicaResourcePolicy("us-east-1", grantFor("us-east-1", "111122223333")))
	must(tbl.SetReplicaResourcePolicy("eu-west-1", grantFor("eu-west-1", "444455556666")))
	must(tbl.SetReplicaKinesisStream("us-east-1",
		"arn:aws:kinesis:us-east-1:111122223333:stream/changes", "MICROSECOND"))
	must(tbl.SetReplicaContributorInsights("us-east-1", true, "THROTTLED_KEYS"))
	must(tbl.SetReplicaContributorInsights("eu-west-1", true, ""))
	must(tbl.SetWarmThroughput(15000, 5000))

	rs := tbl.Replicas()
	if len(rs) != 2 {
		t.Fatalf("%d replicas", len(rs))
	}
	us, eu := rs[0], rs[1]
	if us.AccountID != "111122223333" || eu.AccountID != "444455556666" ||
		eu.SettingsReplication != "ENABLED" || us.SettingsReplication != "" ||
		eu.ProviderRoleARN != "arn:aws:iam::444455556666:role/deploy" {
		t.Errorf("accounts read back as %+v / %+v", us, eu)
	}
	if us.ResourcePolicy != grantFor("us-east-1", "111122223333") || eu.StreamResourcePolicy != "" {
		t.Errorf("policies read back as %q / %q", us.ResourcePolicy, eu.StreamResourcePolicy)
	}
	if us.KinesisStreamARN != "arn:aws:kinesis:us-east-1:111122223333:stream/changes" ||
		us.KinesisPrecision != "MICROSECOND" || eu.KinesisStreamARN != "" {
		t.Errorf("kinesis read back as %q %q", us.KinesisStreamARN, us.KinesisPrecision)
	}
	if !us.ContributorInsights || us.ContributorInsightsMode != "THROTTLED_KEYS" ||
		!eu.ContributorInsights || eu.ContributorInsightsMode != "" {
		t.Errorf("insights read back as %+v / %+v", us, eu)
	}
	if r, w := tbl.WarmThroughput(); r != 15000 || w != 5000 {
		t.Errorf("WarmThroughput() = %d, %d", r, w)
	}
	if found, err := tbl.Validate(nil); err != nil {
		t.Fatalf("Validate: %v %+v", err, found)
	}

	doc, err := tbl.Dump()
	must(err)
	for _, key := range []string{`"account_id": "444455556666"`, `"settings_replication": "ENABLED"`,
		`"provider_role_arn"`, `"resource_policy"`, `"kinesis_stream"`,
		`"approximate_creation_date_time_precision": "MICROSECOND"`, `"mode": "THROTTLED_KEYS"`,
		`"warm_throughput"`, `"read_units_per_second": 15000`} {
		if !strings.Contains(doc, key) {
			t.Errorf("the dump has no %s:\n%s", key, doc)
		}
	}
	back, err := LoadSpec([]byte(doc))
	must(err)
	defer back.Close()
	if again, _ := back.Dump(); again != doc {
		t.Errorf("the dump does not reload to itself:\n%s\n%s", doc, again)
	}

	// The replication grant is what a multi-account replica needs: without it, the
	// validator names the replica's policy.
	must(tbl.SetReplicaResourcePolicy("eu-west-1", ""))
	found, err := tbl.Validate(nil)
	var e *Error
	if !errors.As(err, &e) || e.Code != "DDBGT_E_MULTIACCOUNT_REPLICATION_POLICY" ||
		e.Path != "/replicas/1/resource_policy" {
		t.Errorf("Validate without the grant = %v %+v", err, found)
	}

	// Removing and clearing go back to the defaults.
	must(tbl.SetReplicaKinesisStream("us-east-1", "", ""))
	must(tbl.SetReplicaContributorInsights("us-east-1", false, ""))
	must(tbl.SetReplicaAccountID("eu-west-1", ""))
	must(tbl.SetWarmThroughput(0, 0))
	us, eu = tbl.Replicas()[0], tbl.Replicas()[1]
	if us.KinesisStreamARN != "" || us.ContributorInsights || us.ContributorInsightsMode != "" ||
		eu.AccountID != "" {
		t.Errorf("after removal: %+v / %+v", us, eu)
	}
	if r, w := tbl.WarmThroughput(); r != 0 || w != 0 {
		t.Errorf("WarmThroughput() after clearing = %d, %d", r, w)
	}
}

func TestReplicaSettersRefuse(t *testing.T) {
	tbl, err := NewTable("orders")
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Close()
	if err := tbl.AddReplica("us-east-1"); err != nil {
		t.Fatal(err)
	}
	var e *Error
	for name, err := range map[string]error{
		"unknown region": tbl.SetReplicaAccountID("eu-west-9", "111122223333"),
		"unknown mode":   tbl.SetReplicaSettingsReplication("us-east-1", "SOMETIMES"),
		"unknown precision": tbl.SetReplicaKinesisStream("us-east-1",
			"arn:aws:kinesis:us-east-1:111122223333:stream/s", "NANOSECOND"),
		"unknown insights mode": tbl.SetReplicaContributorInsights("us-east-1", true, "ALL"),
	} {
		if !errors.As(err, &e) || e.Status != ENOTFOUND {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := tbl.SetReplicaResourcePolicy("us-east-1", "[1]"); !errors.As(err, &e) ||
		e.Status != EINVAL || e.Op != "ddbgt_replica_set_resource_policy" {
		t.Errorf("a policy that is not an object: %v", err)
	}
	// Warm throughput is stored as given and judged by the validator.
	if err := tbl.SetWarmThroughput(-1, 0); err != nil {
		t.Fatal(err)
	}
	found, _ := tbl.Validate(nil)
	seen := false
	for _, f := range found {
		seen = seen || (f.Code == "DDBGT_E_WARM_THROUGHPUT_INVALID" &&
			strings.HasPrefix(f.Path, "/table/warm_throughput"))
	}
	if r, _ := tbl.WarmThroughput(); r != -1 || !seen {
		t.Errorf("a negative warm throughput: %d, findings %+v", r, found)
	}
	if err := tbl.SetReplicaOnDemandMaxRead("us-east-1", 500); err != nil {
		t.Fatal(err)
	}
	if got := tbl.Replicas()[0].OnDemandMaxRead; got != 500 {
		t.Errorf("OnDemandMaxRead = %d", got)
	}
	if err := tbl.SetReplicaOnDemandMaxRead("us-east-1", 0); err != nil ||
		tbl.Replicas()[0].OnDemandMaxRead != 0 {
		t.Errorf("clearing the read maximum: %v", err)
	}
	if tbl.Replicas()[0].ResourcePolicy != "" {
		t.Errorf("a refused policy was kept")
	}
}

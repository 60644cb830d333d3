#!/usr/bin/env python3
"""Write the rule cases of tests/data/diff: one folder per case with old.json,
new.json and expect (one line per change, in the order ddbgt_diff reports
them: class rule path). The expectations are written here by hand, from
doc/diff.md; test_diff.c checks the library against them.

Run it from this folder after changing a case: python3 make-cases.py"""
import copy
import json
import os
import shutil

def replica(region, **kw):
    r = {"region": region}
    r.update(kw)
    return r

PPR = {
    "format": "ddbgt/1",
    "table": {
        "name": "orders",
        "partition_key": {"name": "pk", "type": "S"},
        "attributes": [{"name": "status", "type": "S"}, {"name": "owner", "type": "S"}],
        "global_secondary_indexes": [
            {"name": "by-status", "partition_key": "status", "projection": "ALL"}
        ],
    },
    "replicas": [replica("us-east-1"), replica("eu-west-1"), replica("ap-northeast-1")],
}

PROV = {
    "format": "ddbgt/1",
    "table": {
        "name": "orders",
        "billing_mode": "PROVISIONED",
        "partition_key": {"name": "pk", "type": "S"},
        "sort_key": {"name": "sk", "type": "S"},
        "attributes": [{"name": "status", "type": "S"}, {"name": "created", "type": "N"}],
        "capacity": {
            "read": 100, "write": 50,
            "write_autoscaling": {"min": 5, "max": 500, "target_utilization": 70},
        },
        "global_secondary_indexes": [{
            "name": "by-status", "partition_key": "status", "projection": "KEYS_ONLY",
            "capacity": {"read": 20, "write": 10,
                         "write_autoscaling": {"min": 10, "max": 100, "target_utilization": 70}},
        }],
        "local_secondary_indexes": [{"name": "by-created", "sort_key": "created",
                                     "projection": "ALL"}],
        "stream": {"enabled": True, "view_type": "NEW_AND_OLD_IMAGES"},
        "encryption": "AWS_MANAGED",
        "ttl_attribute": "expires_at",
        "tags": {"team": "orders"},
    },
    "replicas": [
        replica("us-east-1", role="primary",
                global_secondary_indexes={"by-status": {"read_capacity": {"units": 20}}}),
        replica("eu-west-1", role="secondary", read_capacity={"units": 5}),
    ],
}

STRONG = {
    "format": "ddbgt/1",
    "table": {
        "name": "ledger",
        "partition_key": {"name": "pk", "type": "S"},
        "consistency": "STRONG",
        "witness_region": "us-west-2",
    },
    "replicas": [replica("us-east-1"), replica("us-east-2")],
}

LEGACY = {
    "format": "ddbgt/1",
    "table": {"name": "old-orders", "partition_key": {"name": "pk", "type": "S"},
              "legacy_version": True, "adopt_existing": True},
    "replicas": [replica("us-east-1"), replica("eu-west-1"), replica("ap-northeast-1")],
}

CMK = copy.deepcopy(PPR)
CMK["table"]["encryption"] = "CUSTOMER_MANAGED"
for r in CMK["replicas"]:
    r["kms_key"] = "arn:aws:kms:%s:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" % r["region"]

cases = []

def case(name, base, change, *expect):
    new = copy.deepcopy(base)
    change(new["table"], new["replicas"])
    cases.append((name, base, new, expect))

def setitem(obj, key, value):
    obj[key] = value

G = "/table/global_secondary_indexes"
case("table-name", PROV, lambda t, r: setitem(t, "name", "orders-v2"),
     "replace table-name /table/name")
case("key-schema", PROV, lambda t, r: setitem(t["partition_key"], "type", "N"),
     "replace key-schema /table/partition_key")
case("key-schema-sort", PROV, lambda t, r: setitem(t["sort_key"], "name", "sk2"),
     "replace key-schema /table/sort_key")
case("lsi", PROV, lambda t, r: t.pop("local_secondary_indexes"),
     "replace lsi /table/local_secondary_indexes/0")
case("lsi-change", PROV, lambda t, r: setitem(t["local_secondary_indexes"][0], "projection", "KEYS_ONLY"),
     "replace lsi /table/local_secondary_indexes/0")
# Without roles the first replica is the primary: reordering moves the home region.
case("home-region-order", PPR, lambda t, r: r.insert(0, r.pop(1)),
     "replace home-region /replicas/0")
case("home-region", PROV,
     lambda t, r: (setitem(r[0], "role", "secondary"), setitem(r[1], "role", "primary")),
     "replace home-region /replicas/1")

def to_provisioned(t, r):
    t["billing_mode"] = "PROVISIONED"
    t["capacity"] = {"read": 10, "write": 10,
                     "write_autoscaling": {"min": 5, "max": 50, "target_utilization": 70}}
    t["global_secondary_indexes"][0]["capacity"] = {"read": 5, "write": 5}
case("billing-to-provisioned", PPR, to_provisioned,
     "in_place billing-to-provisioned /table/billing_mode",
     "in_place capacity /table/capacity/read",
     "in_place capacity /table/capacity/write",
     "in_place autoscaling /table/capacity/write_autoscaling",
     "in_place gsi-capacity %s/0/capacity/read" % G,
     "in_place gsi-capacity %s/0/capacity/write" % G)
PPR_AS_PROV = copy.deepcopy(PPR)
to_provisioned(PPR_AS_PROV["table"], PPR_AS_PROV["replicas"])
def to_on_demand(t, r):
    t["billing_mode"] = "PAY_PER_REQUEST"
    t.pop("capacity")
    t["global_secondary_indexes"][0].pop("capacity")
case("billing-to-on-demand", PPR_AS_PROV, to_on_demand,
     "rate_limited billing-to-on-demand /table/billing_mode",
     "in_place capacity /table/capacity/read",
     "in_place capacity /table/capacity/write",
     "in_place autoscaling /table/capacity/write_autoscaling",
     "in_place gsi-capacity %s/0/capacity/read" % G,
     "in_place gsi-capacity %s/0/capacity/write" % G)
case("capacity", PROV, lambda t, r: setitem(t["capacity"], "read", 200),
     "in_place capacity /table/capacity/read")
case("capacity-decrease", PROV, lambda t, r: setitem(t["capacity"], "write", 40),
     "rate_limited capacity-decrease /table/capacity/write")
case("autoscaling", PROV, lambda t, r: setitem(t["capacity"]["write_autoscaling"], "max", 900),
     "in_place autoscaling /table/capacity/write_autoscaling")
case("on-demand-max", PPR, lambda t, r: setitem(t, "on_demand", {"max_read": 1000}),
     "in_place on-demand-max /table/on_demand/max_read")
case("stream", STRONG, lambda t, r: setitem(t, "stream", {"enabled": True, "view_type": "KEYS_ONLY"}),
     "in_place stream /table/stream")
case("stream-replicated", PROV, lambda t, r: setitem(t["stream"], "view_type", "NEW_IMAGE"),
     "refused stream-replicated /table/stream")
case("encryption", PROV, lambda t, r: setitem(t, "encryption", "AWS_OWNED"),
     "rate_limited encryption /table/encryption")
case("ttl", PROV, lambda t, r: t.pop("ttl_attribute"), "in_place ttl /table/ttl_attribute")
case("ttl-rename", PROV, lambda t, r: setitem(t, "ttl_attribute", "expiry"),
     "rate_limited ttl-rename /table/ttl_attribute")
case("consistency", PPR, lambda t, r: setitem(t, "consistency", "STRONG"),
     "refused consistency /table/consistency")
case("witness", STRONG, lambda t, r: setitem(t, "witness_region", "us-west-1"),
     "refused witness /table/witness_region")
case("legacy-upgrade", LEGACY, lambda t, r: setitem(t, "legacy_version", False),
     "in_place legacy-upgrade /table/legacy_version")
case("legacy-downgrade", PPR, lambda t, r: setitem(t, "legacy_version", True),
     "refused legacy-downgrade /table/legacy_version")
case("gsi-create", PPR,
     lambda t, r: t["global_secondary_indexes"].append(
         {"name": "by-owner", "partition_key": "owner", "projection": "KEYS_ONLY"}),
     "in_place gsi-create %s/1" % G)
case("gsi-delete", PPR, lambda t, r: t.pop("global_secondary_indexes"),
     "in_place gsi-delete %s/0" % G)
case("gsi-rebuild", PPR, lambda t, r: setitem(t["global_secondary_indexes"][0], "partition_key", "owner"),
     "in_place gsi-rebuild %s/0/partition_key" % G)
case("gsi-capacity", PROV, lambda t, r: setitem(t["global_secondary_indexes"][0]["capacity"], "read", 40),
     "in_place gsi-capacity %s/0/capacity/read" % G)
case("gsi-capacity-decrease", PROV,
     lambda t, r: setitem(t["global_secondary_indexes"][0]["capacity"], "read", 10),
     "rate_limited gsi-capacity-decrease %s/0/capacity/read" % G)
case("gsi-on-demand-max", PPR,
     lambda t, r: setitem(t["global_secondary_indexes"][0], "on_demand", {"max_write": 500}),
     "in_place gsi-on-demand-max %s/0/on_demand/max_write" % G)
case("replica-add", PPR, lambda t, r: r.append(replica("ap-southeast-2")),
     "replica_add replica-add /replicas/3")
case("replica-remove", PPR, lambda t, r: r.pop(2), "replica_remove replica-remove /replicas/2")
case("replica-strong", STRONG, lambda t, r: r.append(replica("us-west-1")),
     "refused replica-strong /replicas/2")
case("replica-legacy", LEGACY, lambda t, r: r.pop(1), "refused replica-legacy /replicas/1")
case("replica-kms-key", CMK,
     lambda t, r: setitem(r[1], "kms_key", "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"),
     "replace replica-kms-key /replicas/1/kms_key")
case("table-class", PPR, lambda t, r: setitem(r[1], "table_class", "STANDARD_INFREQUENT_ACCESS"),
     "rate_limited table-class /replicas/1/table_class")
case("table-class-all", PPR, lambda t, r: setitem(t, "table_class", "STANDARD_INFREQUENT_ACCESS"),
     "rate_limited table-class /replicas/0/table_class",
     "rate_limited table-class /replicas/1/table_class",
     "rate_limited table-class /replicas/2/table_class")
case("replica-read-capacity", PROV, lambda t, r: setitem(r[1], "read_capacity", {"units": 10}),
     "in_place replica-read-capacity /replicas/1/read_capacity")
case("replica-read-decrease", PROV, lambda t, r: setitem(r[1], "read_capacity", {"units": 2}),
     "rate_limited replica-read-decrease /replicas/1/read_capacity")
case("replica-gsi-read", PROV,
     lambda t, r: setitem(r[0]["global_secondary_indexes"]["by-status"], "read_capacity", {"units": 30}),
     "in_place replica-gsi-read /replicas/0/global_secondary_indexes")
case("pitr", PPR, lambda t, r: setitem(r[1], "point_in_time_recovery", {"enabled": True}),
     "in_place pitr /replicas/1/point_in_time_recovery")
case("deletion-protection", PPR, lambda t, r: setitem(r[0], "deletion_protection", True),
     "in_place deletion-protection /replicas/0/deletion_protection")
case("contributor-insights", PPR, lambda t, r: setitem(r[1], "contributor_insights", True),
     "in_place contributor-insights /replicas/1/contributor_insights")
case("tags", PPR, lambda t, r: setitem(r[1], "tags", {"tier": "cold"}),
     "in_place tags /replicas/1/tags")
case("tags-table", PROV, lambda t, r: setitem(t, "tags", {"team": "payments"}),
     "in_place tags /replicas/0/tags", "in_place tags /replicas/1/tags")
case("role", PPR, lambda t, r: setitem(r[2], "role", "standby"), "in_place role /replicas/2/role")
# The order of projected attributes means nothing to AWS: no rebuild.
INCLUDE = copy.deepcopy(PPR)
INCLUDE["table"]["global_secondary_indexes"][0].update(
    {"projection": "INCLUDE", "non_key_attributes": ["total", "currency", "total"]})
case("gsi-reorder", INCLUDE,
     lambda t, r: setitem(t["global_secondary_indexes"][0], "non_key_attributes",
                          ["currency", "total", "total"]))
# The keys of the spec's later issues: warm throughput, replica on-demand
# maximums, Kinesis destinations, multi-attribute GSI keys, autoscaling tuning,
# contributor insights modes.
WARM = copy.deepcopy(PPR)
WARM["table"]["warm_throughput"] = {"read_units_per_second": 15000, "write_units_per_second": 5000}
case("warm-throughput", PPR,
     lambda t, r: setitem(t, "warm_throughput",
                          {"read_units_per_second": 15000, "write_units_per_second": 5000}),
     "in_place warm-throughput /table/warm_throughput/read_units_per_second",
     "in_place warm-throughput /table/warm_throughput/write_units_per_second")
case("warm-throughput-decrease", WARM,
     lambda t, r: setitem(t["warm_throughput"], "read_units_per_second", 13000),
     "refused warm-throughput-decrease /table/warm_throughput/read_units_per_second")
case("warm-throughput-removed", WARM, lambda t, r: t["warm_throughput"].pop("write_units_per_second"),
     "refused warm-throughput-decrease /table/warm_throughput/write_units_per_second")
case("gsi-warm-throughput", PPR,
     lambda t, r: setitem(t["global_secondary_indexes"][0], "warm_throughput",
                          {"read_units_per_second": 20000}),
     "in_place gsi-warm-throughput %s/0/warm_throughput/read_units_per_second" % G)
case("replica-on-demand-max", PPR, lambda t, r: setitem(r[1], "on_demand", {"max_read": 500}),
     "in_place replica-on-demand-max /replicas/1/on_demand/max_read")
case("kinesis", PPR,
     lambda t, r: setitem(r[1], "kinesis_stream",
                          {"stream_arn": "arn:aws:kinesis:eu-west-1:111122223333:stream/orders"}),
     "in_place kinesis /replicas/1/kinesis_stream")
MULTI = copy.deepcopy(PPR)
MULTI["table"]["global_secondary_indexes"][0].pop("partition_key")
MULTI["table"]["global_secondary_indexes"][0]["partition_keys"] = ["status", "owner"]
case("gsi-rebuild-multi", MULTI,
     lambda t, r: setitem(t["global_secondary_indexes"][0], "partition_keys", ["owner", "status"]),
     "in_place gsi-rebuild %s/0/partition_keys" % G)
case("gsi-rebuild-to-multi", PPR,
     lambda t, r: (t["global_secondary_indexes"][0].pop("partition_key"),
                   setitem(t["global_secondary_indexes"][0], "partition_keys", ["status", "owner"])),
     "in_place gsi-rebuild %s/0/partition_key" % G,
     "in_place gsi-rebuild %s/0/partition_keys" % G)
case("autoscaling-tuning", PROV,
     lambda t, r: setitem(t["capacity"]["write_autoscaling"], "scale_in_cooldown", 300),
     "in_place autoscaling /table/capacity/write_autoscaling")
case("contributor-insights-mode", PPR,
     lambda t, r: setitem(r[1], "contributor_insights", {"enabled": True, "mode": "THROTTLED_KEYS"}),
     "in_place contributor-insights /replicas/1/contributor_insights")
case("replica-gsi-insights", PPR,
     lambda t, r: setitem(r[0], "global_secondary_indexes", {"by-status": {"contributor_insights": True}}),
     "in_place replica-gsi-read /replicas/0/global_secondary_indexes")
# Settings that are not AWS's (policy, usage, adopt_existing) are no change.
case("not-aws", PPR, lambda t, r: setitem(t, "adopt_existing", True))

def policy(region, resource):
    return {"Version": "2012-10-17", "Statement": [{
        "Sid": "ReadFromAnalytics", "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
        "Action": ["dynamodb:GetItem", "dynamodb:Query"],
        "Resource": "arn:aws:dynamodb:%s:111122223333:table/%s" % (region, resource)}]}
case("resource-policy", PPR, lambda t, r: setitem(r[1], "resource_policy", policy("eu-west-1", "orders")),
     "in_place resource-policy /replicas/1/resource_policy")
case("resource-policy-stream", PPR,
     lambda t, r: setitem(r[1], "stream_resource_policy", policy("eu-west-1", "orders/stream/*")),
     "in_place resource-policy /replicas/1/stream_resource_policy")
# A multi-account table: one replica per account.
ACCOUNTS = copy.deepcopy(PPR)
for r, account in zip(ACCOUNTS["replicas"], ("111122223333", "444455556666", "777788889999")):
    r["account_id"] = account
case("replica-account", ACCOUNTS, lambda t, r: setitem(r[2], "account_id", "999900001111"),
     "replace replica-account /replicas/2/account_id")
case("replica-account-convert", PPR, lambda t, r: setitem(r[1], "account_id", "444455556666"),
     "refused replica-account-convert /replicas/1/account_id")
# Adding a replica in another account converts the table as much as moving one does.
case("replica-account-convert-add", PPR,
     lambda t, r: r.append(replica("ap-southeast-2", account_id="444455556666")),
     "refused replica-account-convert /replicas/3/account_id")
# A single-Region table is where a multi-account table starts: adding one is allowed.
SINGLE = copy.deepcopy(PPR)
SINGLE["replicas"] = [replica("us-east-1")]
SINGLE["table"]["stream"] = {"enabled": True, "view_type": "NEW_AND_OLD_IMAGES"}
case("replica-account-from-single", SINGLE,
     lambda t, r: r.append(replica("eu-west-1", account_id="444455556666")),
     "replica_add replica-add /replicas/1")
case("settings-replication", ACCOUNTS, lambda t, r: setitem(r[1], "settings_replication", "DISABLED"),
     "refused settings-replication /replicas/1/settings_replication")
case("provider-role", ACCOUNTS,
     lambda t, r: setitem(r[1], "provider_role_arn", "arn:aws:iam::444455556666:role/ddbgt-deploy"),
     "in_place provider-role /replicas/1/provider_role_arn")
# The operations object is beside the table: its cases change the whole document.
def case_doc(name, base, change, *expect):
    new = copy.deepcopy(base)
    change(new)
    cases.append((name, base, new, expect))
OPS = copy.deepcopy(PPR)
OPS["operations"] = {"alarms": True, "iam": {"policies": ["read"]}}
case_doc("operations", OPS,
         lambda d: d["operations"].update(
             {"alarms": {"replication_latency_ms": 30000},
              "vpc_endpoints": {"eu-west-1": {"vpc_id": "vpc-0123abcd"}}}),
         "in_place operations /operations/alarms",
         "in_place operations /operations/vpc_endpoints")
case_doc("operations-iam", OPS,
         lambda d: d["operations"]["iam"].update({"policies": ["read", "deployer"],
                                                  "regions": ["eu-west-1"]}),
         "in_place operations /operations/iam")
case_doc("operations-dashboard", OPS, lambda d: d["operations"].update({"dashboard": True}),
         "in_place operations /operations/dashboard")

# The multi-change case of the plan test (test_diff.c checks its steps).
def many(t, r):
    t["capacity"]["read"] = 150
    t["ttl_attribute"] = "expiry"
    t["attributes"].append({"name": "owner", "type": "S"})
    t["global_secondary_indexes"] = [
        {"name": "by-owner", "partition_key": "owner", "projection": "KEYS_ONLY",
         "capacity": {"read": 5, "write": 5,
                      "write_autoscaling": {"min": 5, "max": 50, "target_utilization": 70}}},
        {"name": "by-created", "partition_key": "created", "projection": "KEYS_ONLY",
         "capacity": {"read": 5, "write": 5,
                      "write_autoscaling": {"min": 5, "max": 50, "target_utilization": 70}}},
    ]
    r[0].pop("global_secondary_indexes")
    r[1]["deletion_protection"] = True
    r.append(replica("ap-northeast-1"))
case("plan-multi", PROV, many,
     "in_place capacity /table/capacity/read",
     "rate_limited ttl-rename /table/ttl_attribute",
     "in_place gsi-delete %s/0" % G,
     "in_place gsi-create %s/0" % G,
     "in_place gsi-create %s/1" % G,
     "in_place replica-gsi-read /replicas/0/global_secondary_indexes",
     "in_place deletion-protection /replicas/1/deletion_protection",
     "replica_add replica-add /replicas/2")

here = os.path.dirname(os.path.abspath(__file__))
for entry in os.listdir(here):
    if os.path.isdir(os.path.join(here, entry)):
        shutil.rmtree(os.path.join(here, entry))
for name, old, new, expect in cases:
    d = os.path.join(here, name)
    os.makedirs(d)
    for fname, doc in (("old.json", old), ("new.json", new)):
        with open(os.path.join(d, fname), "w") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")
    with open(os.path.join(d, "expect"), "w") as f:
        f.write("".join(line + "\n" for line in expect))

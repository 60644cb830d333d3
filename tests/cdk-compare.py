#!/usr/bin/env python3
"""The settings libddbgt and the AWS CDK share, compared on one table.

tests/data/cdk/three-region-cmk-pitr.template.json is what CDK TableV2
synthesizes for examples/specs/three-region-cmk-pitr.json (the program is
beside it). libddbgt's template for the same spec must say the same about
the names, keys, indexes, replicas, SSE and KMS keys, PITR, stream, TTL,
billing and on-demand maximums, contributor insights and the retention
policies. The differences doc/cloudformation.md lists as intentional are
normalised away first: the replicas' order, the order of keys and of
attribute definitions, where a table-wide maximum is written (top level or
per replica), and defaults written out (TableClass STANDARD,
DeletionProtectionEnabled false).

Usage: cdk-compare.py LIBDDBGT_TEMPLATE CDK_TEMPLATE
"""
import json
import sys


def the_table(template):
    tables = [r for r in template["Resources"].values()
              if r["Type"] == "AWS::DynamoDB::GlobalTable"]
    if len(tables) != 1:
        sys.exit("cdk-compare: %d global tables in a template" % len(tables))
    return tables[0]


def index_key(gsi):
    projection = dict(gsi["Projection"])
    projection["NonKeyAttributes"] = sorted(projection.get("NonKeyAttributes", []))
    return {"KeySchema": gsi["KeySchema"], "Projection": projection}


def read_max(settings):
    return (settings or {}).get("ReadOnDemandThroughputSettings", {}).get("MaxReadRequestUnits")


def shared(resource):
    p = resource["Properties"]
    gsis = {g["IndexName"]: g for g in p.get("GlobalSecondaryIndexes", [])}
    replicas = {}
    for r in p["Replicas"]:
        replica_gsis = {g["IndexName"]: g for g in r.get("GlobalSecondaryIndexes", [])}
        replicas[r["Region"]] = {
            "TableClass": r.get("TableClass", "STANDARD"),
            "DeletionProtectionEnabled": r.get("DeletionProtectionEnabled", False),
            "SSESpecification": r.get("SSESpecification"),
            "PointInTimeRecoverySpecification": r.get("PointInTimeRecoverySpecification"),
            "ContributorInsights": r.get("ContributorInsightsSpecification", {}).get("Enabled", False),
            "Tags": sorted((t["Key"], t["Value"]) for t in r.get("Tags", [])),
            # A maximum applies to a replica whether written on it or on the table.
            "MaxReadRequestUnits": read_max(r) or read_max(p),
            "IndexMaxReadRequestUnits": {
                name: read_max(replica_gsis.get(name)) or read_max(g) for name, g in gsis.items()},
        }
    return {
        "DeletionPolicy": resource.get("DeletionPolicy"),
        "UpdateReplacePolicy": resource.get("UpdateReplacePolicy"),
        "TableName": p.get("TableName"),
        "BillingMode": p.get("BillingMode", "PROVISIONED"),
        "KeySchema": p["KeySchema"],
        "AttributeDefinitions": sorted((a["AttributeName"], a["AttributeType"])
                                       for a in p["AttributeDefinitions"]),
        "GlobalSecondaryIndexes": {name: index_key(g) for name, g in gsis.items()},
        "LocalSecondaryIndexes": {l["IndexName"]: index_key(l)
                                  for l in p.get("LocalSecondaryIndexes", [])},
        "StreamSpecification": p.get("StreamSpecification"),
        "SSESpecification": p.get("SSESpecification", {"SSEEnabled": False}),
        "TimeToLiveSpecification": p.get("TimeToLiveSpecification"),
        "WriteOnDemandThroughputSettings": p.get("WriteOnDemandThroughputSettings"),
        "MultiRegionConsistency": p.get("MultiRegionConsistency", "EVENTUAL"),
        "Replicas": replicas,
    }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        ours = shared(the_table(json.load(f)))
    with open(sys.argv[2], encoding="utf-8") as f:
        cdk = shared(the_table(json.load(f)))
    differ = [k for k in ours if ours[k] != cdk[k]]
    for k in differ:
        print("cdk-compare: %s differs:\n  libddbgt %s\n  CDK      %s"
              % (k, json.dumps(ours[k], sort_keys=True), json.dumps(cdk[k], sort_keys=True)))
    if differ:
        sys.exit(1)
    print("cdk-compare: %d shared settings agree (%d replicas)" % (len(ours), len(ours["Replicas"])))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Check a .tf.json against a provider schema digest: argument names, JSON types, block shapes.

Used for documents that need AWS provider 6.x arguments (consistency_mode, global_table_witness,
replica deletion_protection_enabled), which the provider 5.100.0 mirror on the build machine
cannot plan. The digest is the shape of aws-provider-6.25.0-dynamodb-schema.json:
  {"provider_version": "6.25.0", "resources": {TYPE: {"attributes": {NAME: {"required", "type"}},
   "blocks": {NAME: {"required", "nesting": list|set|struct, "max_items_1", "attributes", "blocks"}},
   "computed_only": [NAME...]}}}

It also checks that the document's aws version constraint admits the schema's provider version
and is at least the release that introduced each 6.x argument the document uses.

usage: tf-schema-check.py SCHEMA.json FILE.tf.json [FILE...]
exit: 0 all conform, 1 a finding, 2 usage or unreadable input.
"""
import json
import re
import sys

META = {"provider", "depends_on", "lifecycle", "count", "for_each", "//"}

# First provider release with each argument (terraform-provider-aws CHANGELOG, see
# doc/terraform.md): (resource type, dotted path) -> version.
INTRODUCED = {
    ("aws_dynamodb_table", "on_demand_throughput"): (5, 72, 0),
    ("aws_dynamodb_table", "global_secondary_index.on_demand_throughput"): (5, 72, 0),
    ("aws_dynamodb_table_replica", "deletion_protection_enabled"): (5, 80, 0),
    ("aws_dynamodb_table", "replica.consistency_mode"): (6, 3, 0),
    ("aws_dynamodb_table", "replica.deletion_protection_enabled"): (6, 9, 0),
    ("aws_dynamodb_table", "global_table_witness"): (6, 22, 0),
    ("aws_dynamodb_table", "region"): (6, 0, 0),
}


class Checker:
    def __init__(self, schema):
        self.schema = schema
        self.findings = []
        self.used = set()

    def err(self, path, msg):
        self.findings.append("%s: %s" % (path, msg))

    def check_value(self, path, typ, v):
        if isinstance(v, str) and v.startswith("${") and v.endswith("}") and v.count("${") == 1:
            return  # a single interpolation may yield any type
        if v is None:
            return
        if typ == "string":
            if not isinstance(v, str):
                self.err(path, "expected a string, got %s" % type(v).__name__)
        elif typ == "number":
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                self.err(path, "expected a number, got %s" % type(v).__name__)
        elif typ == "bool":
            if not isinstance(v, bool):
                self.err(path, "expected a bool, got %s" % type(v).__name__)
        elif typ.startswith("map("):
            if not isinstance(v, dict):
                self.err(path, "expected an object (%s)" % typ)
                return
            for k, x in v.items():
                self.check_value("%s[%s]" % (path, json.dumps(k)), typ[4:-1], x)
        elif typ.startswith(("set(", "list(")):
            if not isinstance(v, list):
                self.err(path, "expected an array (%s)" % typ)
                return
            inner = typ[typ.index("(") + 1:-1]
            for i, x in enumerate(v):
                self.check_value("%s[%d]" % (path, i), inner, x)
        else:
            self.err(path, "schema type %s not understood by this checker" % typ)

    def check_body(self, rtype, path, dotted, body, spec, top):
        if not isinstance(body, dict):
            self.err(path, "block body must be a JSON object")
            return
        attrs = spec.get("attributes", {})
        blocks = spec.get("blocks", {})
        computed = set(spec.get("computed_only", []))
        for k, v in body.items():
            p = "%s.%s" % (path, k)
            d = "%s.%s" % (dotted, k) if dotted else k
            if top and k in META:
                continue
            if k == "//":
                continue
            if k in computed:
                self.err(p, "computed-only attribute cannot be set")
            elif k in attrs:
                self.used.add((rtype, d))
                self.check_value(p, attrs[k]["type"], v)
            elif k in blocks:
                self.used.add((rtype, d))
                self.check_block(rtype, p, d, v, blocks[k])
            else:
                self.err(p, "unknown argument or block for provider %s"
                         % self.schema["provider_version"])
        for k, a in attrs.items():
            if a.get("required") and k not in body:
                self.err(path, "required argument %s is missing" % k)
        for k, b in blocks.items():
            if b.get("required") and k not in body:
                self.err(path, "required block %s is missing" % k)

    def check_block(self, rtype, path, dotted, v, spec):
        if spec["nesting"] == "struct":
            items = [v]
        elif isinstance(v, list):
            items = v
            if spec.get("max_items_1") and len(items) > 1:
                self.err(path, "at most one %s block is allowed" % dotted)
        else:
            items = [v]
        for i, it in enumerate(items):
            self.check_body(rtype, "%s[%d]" % (path, i) if isinstance(v, list) else path,
                            dotted, it, spec, False)


def parse_floor(constraint):
    """Lowest version a constraint admits, for '>= X.Y[.Z]', '~> X.Y', '= X.Y.Z' and lists."""
    floor = None
    for part in constraint.split(","):
        m = re.match(r"\s*(>=|~>|=|)\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$", part)
        if not m:
            continue
        v = tuple(int(x or 0) for x in m.group(2, 3, 4))
        if m.group(1) in (">=", "~>", "=", ""):
            floor = v if floor is None or v > floor else floor
    return floor


def admits(constraint, version):
    ok = True
    for part in constraint.split(","):
        m = re.match(r"\s*(>=|>|<=|<|~>|=|!=|)\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$", part)
        if not m:
            return None
        op = m.group(1)
        parts = [x for x in m.group(2, 3, 4) if x is not None]
        v = tuple(int(x) for x in parts) + (0,) * (3 - len(parts))
        if op == ">=":
            ok &= version >= v
        elif op == ">":
            ok &= version > v
        elif op == "<=":
            ok &= version <= v
        elif op == "<":
            ok &= version < v
        elif op in ("=", ""):
            ok &= version == v
        elif op == "!=":
            ok &= version != v
        elif op == "~>":
            upper = list(v[:len(parts) - 1])
            upper[-1] += 1
            ok &= version >= v and version < tuple(upper + [0] * (3 - len(upper)))
    return ok


def check_file(schema, path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    c = Checker(schema)
    pv = tuple(int(x) for x in schema["provider_version"].split("."))
    resources = doc.get("resource", {})
    unchecked = []
    for rtype, named in resources.items():
        if rtype not in schema["resources"]:
            unchecked.append(rtype)
            continue
        for name, body in named.items():
            c.check_body(rtype, "resource.%s.%s" % (rtype, name), "", body,
                         schema["resources"][rtype], True)
    constraint = (doc.get("terraform", {}).get("required_providers", {})
                  .get("aws", {}).get("version"))
    if constraint is None:
        c.err("terraform.required_providers.aws.version", "no version constraint")
    else:
        if admits(constraint, pv) is False:
            c.err("terraform.required_providers.aws.version",
                  "%r excludes provider %s" % (constraint, schema["provider_version"]))
        floor = parse_floor(constraint)
        for key, since in sorted(INTRODUCED.items()):
            if key in c.used and (floor is None or floor < since):
                c.err("terraform.required_providers.aws.version",
                      "%r admits versions older than %s, which %s.%s needs"
                      % (constraint, ".".join(map(str, since)), key[0], key[1]))
    return c.findings, unchecked


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print("cannot read schema %s: %s" % (argv[1], e), file=sys.stderr)
        return 2
    status = 0
    for i, path in enumerate(argv[2:], 1):
        try:
            findings, unchecked = check_file(schema, path)
        except (OSError, ValueError) as e:
            print("not ok %d - %s: unreadable: %s" % (i, path, e))
            status = max(status, 2)
            continue
        note = " (types not in the schema, unchecked: %s)" % ", ".join(unchecked) if unchecked else ""
        if findings:
            print("not ok %d - %s against aws %s%s" % (i, path, schema["provider_version"], note))
            for f in findings:
                print("#   " + f)
            status = max(status, 1)
        else:
            print("ok %d - %s against aws %s%s" % (i, path, schema["provider_version"], note))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

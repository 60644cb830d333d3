#!/usr/bin/env python3
"""Check .tf.json documents against the AWS provider's arguments as the npm package @pulumi/aws
declares them, attribute by attribute: names, JSON types, single blocks against lists of blocks,
and required arguments.

Why this package: the only AWS provider schemas reachable from the build machine are Debian
packages and npm. The provider 6.25.0 digest (tests/data/emit) and the last @cdktf/provider-aws
(21.22.1, generated from hashicorp/aws 6.25.0) both predate global_secondary_index.key_schema,
which came in terraform-provider-aws 6.29.0 (PR #45357). @pulumi/aws is generated from the same
provider schema by the Pulumi Terraform bridge; 7.48.0 declares keySchemas, so it was generated
from 6.29.0 or later. The bridge renames arguments in a fixed way: snake_case becomes camelCase,
and a block that may repeat gets a plural name (attribute -> attributes, global_secondary_index
-> globalSecondaryIndexes, key_schema -> keySchemas); a block of at most one stays singular and
is declared as one object. The checker maps each Terraform name through the same rules.

It also checks that the document's aws version constraint is at least the release that
introduced each argument it uses that is newer than the other schemas (INTRODUCED).

usage: tf-pulumi-check.py PACKAGE_DIR FILE.tf.json [FILE...]
  PACKAGE_DIR is the unpacked npm package (the folder holding package.json).
exit: 0 all conform, 1 a finding, 2 usage or unreadable input.
"""
import json
import os
import re
import sys

META = {"provider", "depends_on", "lifecycle", "count", "for_each", "//"}

# Terraform resource type -> (declaration file, arguments interface).
RESOURCES = {
    "aws_dynamodb_table": ("dynamodb/table.d.ts", "TableArgs"),
    "aws_dynamodb_table_replica": ("dynamodb/tableReplica.d.ts", "TableReplicaArgs"),
    "aws_dynamodb_global_table": ("dynamodb/globalTable.d.ts", "GlobalTableArgs"),
    "aws_dynamodb_contributor_insights": ("dynamodb/contributorInsights.d.ts",
                                          "ContributorInsightsArgs"),
    "aws_dynamodb_resource_policy": ("dynamodb/resourcePolicy.d.ts", "ResourcePolicyArgs"),
    "aws_dynamodb_kinesis_streaming_destination": ("dynamodb/kinesisStreamingDestination.d.ts",
                                                   "KinesisStreamingDestinationArgs"),
    "aws_appautoscaling_target": ("appautoscaling/target.d.ts", "TargetArgs"),
    "aws_appautoscaling_policy": ("appautoscaling/policy.d.ts", "PolicyArgs"),
}

# First provider release with each argument newer than the 6.25.0 schemas (CHANGELOG of
# terraform-provider-aws): (resource type, dotted path) -> version.
INTRODUCED = {
    ("aws_dynamodb_table", "global_secondary_index.key_schema"): (6, 29, 0),
}


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def split_top(body, sep):
    """Split body at sep characters outside brackets."""
    parts, depth, cur = [], 0, []
    for ch in body:
        if ch in "<{([":
            depth += 1
        elif ch in ">})]":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur))
    return parts


def interface_body(text, name):
    m = re.search(r"\binterface\s+%s\s*\{" % re.escape(name), text)
    if not m:
        return None
    depth, i = 1, m.end()
    while depth and i < len(text):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
    return text[m.end():i - 1]


def classify(typ):
    """('block', Interface, repeated) or ('map'|'list'|'string'|'number'|'bool', ...)."""
    t = re.sub(r"\s+", "", typ).replace("|undefined", "")
    m = re.search(r"inputs\.(\w+)\.(\w+)", t)
    if m:
        return ("block", m.group(1), m.group(2), "]" in t[m.end():] or "[]" in t[m.end():])
    if t.startswith("pulumi.Input<{") or t.startswith("{"):
        return ("map",)
    if t.endswith("[]>") or t.endswith("[]"):
        return ("list",)
    for word, kind in (("string", "string"), ("number", "number"), ("boolean", "bool")):
        if word in t:
            return (kind,)
    return ("any",)


class Package:
    def __init__(self, root):
        self.root = root
        self.inputs = strip_comments(self.read("types/input.d.ts"))
        self.version = json.loads(self.read("package.json")).get("version", "?")
        self.cache = {}

    def read(self, rel):
        with open(os.path.join(self.root, rel), encoding="utf-8") as f:
            return f.read()

    def props(self, text, name):
        key = (id(text), name)
        if key not in self.cache:
            body = interface_body(text, name)
            if body is None:
                raise KeyError(name)
            out = {}
            for p in split_top(body, ";"):
                m = re.match(r"\s*(?:readonly\s+)?(\w+)(\?)?\s*:\s*(.*)$", p, re.S)
                if m:
                    out[m.group(1)] = (m.group(2) is None, classify(m.group(3)))
            self.cache[key] = out
        return self.cache[key]

    def resource(self, rtype):
        rel, iface = RESOURCES[rtype]
        return self.props(strip_comments(self.read(rel)), iface)

    def nested(self, namespace, iface):
        ns = re.search(r"namespace\s+%s\s*\{" % re.escape(namespace), self.inputs)
        return self.props(self.inputs[ns.start():] if ns else self.inputs, iface)


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def plurals(c):
    """The names the bridge may give a repeatable block."""
    out = [c + "s", c + "es"]
    if c.endswith("y"):
        out.append(c[:-1] + "ies")
    if c.endswith("ex"):
        out.append(c[:-2] + "ices")
        out.append(c + "es")
    return out


def json_kind(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "list"
    if isinstance(v, dict):
        return "object"
    return "null"


def interpolated(v):
    return isinstance(v, str) and v.startswith("${") and v.endswith("}") and v.count("${") == 1


class Checker:
    def __init__(self, pkg):
        self.pkg = pkg
        self.findings = []
        self.used = set()
        self.checked = 0

    def err(self, path, msg):
        self.findings.append("%s: %s" % (path, msg))

    def lookup(self, props, name):
        c = camel(name)
        for cand in [c] + plurals(c):
            if cand in props:
                return cand
        return None

    def check_object(self, rtype, dotted, path, props, body):
        for name, value in body.items():
            if name in META:
                continue
            key = self.lookup(props, name)
            here = "%s.%s" % (path, name)
            if key is None:
                self.err(here, "unknown argument (no %s in @pulumi/aws)" % camel(name))
                continue
            sub = "%s.%s" % (dotted, name) if dotted else name
            self.used.add((rtype, sub))
            self.check_value(rtype, sub, here, props[key][1], value)
        for key, (required, _) in props.items():
            if required and not any(self.lookup(props, n) == key for n in body):
                self.err(path, "required argument %s is missing" % key)

    def check_value(self, rtype, dotted, path, kind, value):
        if value is None or interpolated(value):
            return
        if kind[0] == "block":
            nested = self.pkg.nested(kind[1], kind[2])
            items = value if isinstance(value, list) else [value]
            if not kind[3] and isinstance(value, list) and len(value) > 1:
                self.err(path, "at most one %s block" % path.rsplit(".", 1)[-1])
            for i, item in enumerate(items):
                if not isinstance(item, dict):
                    self.err("%s[%d]" % (path, i), "expected a block (object)")
                    continue
                self.check_object(rtype, dotted, "%s[%d]" % (path, i) if isinstance(value, list)
                                  else path, nested, item)
            return
        want = {"map": "object", "list": "list", "string": "string", "number": "number",
                "bool": "bool"}.get(kind[0])
        if want and json_kind(value) != want:
            self.err(path, "expected %s, got %s" % ({"bool": "a bool", "number": "a number",
                                                       "string": "a string", "list": "a list",
                                                       "object": "a map"}[want],
                                                      json_kind(value)))

    def check_document(self, name, doc):
        for rtype, instances in (doc.get("resource") or {}).items():
            if rtype not in RESOURCES:
                continue
            props = self.pkg.resource(rtype)
            for iname, body in instances.items():
                self.checked += 1
                self.check_object(rtype, "", "%s: %s.%s" % (name, rtype, iname), props, body)
        constraint = (((doc.get("terraform") or {}).get("required_providers") or {})
                      .get("aws") or {}).get("version", "")
        m = re.search(r">=\s*(\d+)\.(\d+)(?:\.(\d+))?", constraint)
        floor = tuple(int(x or 0) for x in m.groups()) if m else (0, 0, 0)
        for (rtype, arg), since in INTRODUCED.items():
            if (rtype, arg) in self.used and floor < since:
                self.err(name, "the aws constraint %r is older than %d.%d.%d, which %s.%s needs"
                         % (constraint, since[0], since[1], since[2], rtype, arg))
        self.used = set()


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[-4], file=sys.stderr)
        return 2
    try:
        pkg = Package(argv[1])
    except OSError as e:
        print("tf-pulumi-check: %s" % e, file=sys.stderr)
        return 2
    checker = Checker(pkg)
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            print("tf-pulumi-check: %s: %s" % (path, e), file=sys.stderr)
            return 2
        checker.check_document(os.path.basename(path), doc)
    for f in checker.findings:
        print(f)
    print("tf-pulumi-check: %d resources checked against @pulumi/aws %s"
          % (checker.checked, pkg.version))
    if checker.checked == 0:
        print("tf-pulumi-check: no resource of a checked type in the documents", file=sys.stderr)
        return 1
    return 1 if checker.findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

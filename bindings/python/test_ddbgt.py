"""Tests of the ctypes binding, run by `make check` against the just-built library.

Environment: DDBGT_LIBRARY (the .so to load), DDBGT_TOP_SRCDIR (for the map
and the test data).
"""
import ctypes
import gc
import json
import os
import re
import sys
import tempfile
import unittest

import ddbgt

SRCDIR = os.environ.get("DDBGT_TOP_SRCDIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SPEC_DIR = os.path.join(SRCDIR, "tests", "data", "spec")

MINIMAL = {
    "format": "ddbgt/1",
    "table": {"name": "minimal", "partition_key": {"name": "id", "type": "S"}},
    "replicas": [{"region": "us-east-1"}, {"region": "eu-west-1"}],
}


def exported_symbols():
    with open(os.path.join(SRCDIR, "lib", "libddbgt.map"), encoding="utf-8") as f:
        return re.findall(r"^\s*([a-z_][a-z0-9_]*);\s*$", f.read(), re.M)


class TestRawLayer(unittest.TestCase):
    def test_every_exported_function_has_a_prototype(self):
        # A function added to the library is bound from its header, or this fails.
        missing = [s for s in exported_symbols() if s not in ddbgt._proto.PROTOTYPES]
        self.assertEqual(missing, [])
        for s in exported_symbols():
            self.assertIsNotNone(getattr(ddbgt.lib, s).argtypes, s)

    def test_handles_are_full_pointers(self):
        # With ctypes' default int restype the pointer would be cut to 32 bits.
        self.assertIs(ddbgt.lib.ddbgt_table_name.restype, ctypes.c_char_p)
        with ddbgt.Table("t1") as t:
            self.assertGreater(t.handle.value, 0)
            # Only where malloc hands out addresses past 4 GiB can a cut show
            # (a non-PIE interpreter, such as Debian's python3, heaps below it).
            libc = ctypes.CDLL(None)
            libc.malloc.restype = ctypes.c_void_p
            libc.malloc.argtypes = [ctypes.c_size_t]
            libc.free.argtypes = [ctypes.c_void_p]
            probe = libc.malloc(64)
            high = probe is not None and probe > 0xFFFFFFFF
            libc.free(probe)
            if ctypes.sizeof(ctypes.c_void_p) == 8 and high:
                self.assertGreater(t.handle.value, 0xFFFFFFFF)
            self.assertEqual(t.name, "t1")

    def test_owned_strings_come_back_as_pointers(self):
        # ddbgt_spec_dump_string's char ** must not be converted to bytes,
        # or the string could never reach ddbgt_free.
        argtypes = ddbgt.lib.ddbgt_spec_dump_string.argtypes
        self.assertEqual(argtypes[0], ctypes.POINTER(ctypes.c_void_p))

    def test_status_names_and_constants(self):
        self.assertEqual(ddbgt.constant("DDBGT_ESPEC"), -6)
        self.assertEqual(ddbgt.status_name(ddbgt.constant("DDBGT_ENOMEM")), "DDBGT_ENOMEM")
        self.assertTrue(ddbgt.strerror(-1))
        self.assertRegex(ddbgt.version(), r"^\d+\.\d+\.\d+$")


class TestSpec(unittest.TestCase):
    def test_dict_round_trip_is_canonical(self):
        with open(os.path.join(SPEC_DIR, "minimal.json"), encoding="utf-8") as f:
            canonical = f.read()
        with ddbgt.Table.from_dict(MINIMAL) as t:
            self.assertEqual(t.dumps(), canonical)
            self.assertEqual(t.to_dict(), MINIMAL)
            compact = t.dumps(compact=True)
            self.assertEqual(compact.count("\n"), 1)
            self.assertTrue(compact.endswith("\n"))
            self.assertEqual(json.loads(compact), MINIMAL)
            self.assertEqual([r.region for r in t.replicas], ["us-east-1", "eu-west-1"])
            self.assertEqual(t.warnings, [])

    def test_issue14_keys_through_ctypes(self):
        # Index key objects, multi-attribute keys and warm throughput: the generated
        # prototypes reach every new getter, and the dump keeps the forms written.
        path = os.path.join(SPEC_DIR, "index-keys.json")
        with ddbgt.Table.load(path) as t, open(path, encoding="utf-8") as f:
            self.assertEqual(t.dumps(), f.read())
            g = ddbgt.lib.ddbgt_table_gsi_at(t.handle, 1)
            self.assertEqual(ddbgt.lib.ddbgt_gsi_partition_key_is_multi_attribute(g), 1)
            self.assertEqual(ddbgt.lib.ddbgt_gsi_partition_key_attribute_count(g), 2)
            self.assertEqual(ddbgt.lib.ddbgt_gsi_partition_key_attribute_name(g, 1), b"region")
            self.assertEqual(ddbgt.lib.ddbgt_gsi_partition_key_attribute_type(g, 1),
                             ddbgt.constant("DDBGT_ATTR_S"))
        spec = os.path.join(SRCDIR, "examples", "specs", "warm-throughput.json")
        with ddbgt.Table.load(spec) as t:
            units = ctypes.c_int64()
            self.assertEqual(ddbgt.lib.ddbgt_table_get_warm_throughput(
                t.handle, ddbgt.constant("DDBGT_READ"), ctypes.byref(units)), 0)
            self.assertEqual(units.value, 40000)

    def test_resource_policy_through_ctypes(self):
        # A replica's resource-based policy goes in and out as JSON text, kept compact.
        spec = os.path.join(SRCDIR, "examples", "specs", "resource-policy.json")
        with ddbgt.Table.load(spec) as t:
            r = ddbgt.lib.ddbgt_table_replica_at_mut(t.handle, 1)
            text = ddbgt.lib.ddbgt_replica_resource_policy(r)
            self.assertTrue(text.startswith(b'{"Version":"2012-10-17","Statement":['))
            self.assertEqual(ddbgt.lib.ddbgt_replica_set_stream_resource_policy(
                r, b'{ "Version": "2012-10-17" }'), 0)
            self.assertEqual(ddbgt.lib.ddbgt_replica_stream_resource_policy(r),
                             b'{"Version":"2012-10-17"}')
            self.assertEqual(ddbgt.lib.ddbgt_replica_set_resource_policy(r, b"[]"),
                             ddbgt.constant("DDBGT_EINVAL"))

    def test_multi_account_through_ctypes(self):
        # The multi-account keys of a replica: account, settings replication, role.
        spec = os.path.join(SRCDIR, "examples", "specs", "multi-account.json")
        with ddbgt.Table.load(spec) as t:
            r = ddbgt.lib.ddbgt_table_replica_at(t.handle, 1)
            self.assertEqual(ddbgt.lib.ddbgt_replica_account_id(r), b"444455556666")
            self.assertEqual(ddbgt.lib.ddbgt_replica_settings_replication(r),
                             ddbgt.constant("DDBGT_SETTINGS_REPLICATION_ENABLED"))
            self.assertEqual(ddbgt.lib.ddbgt_replica_provider_role_arn(r),
                             b"arn:aws:iam::444455556666:role/ddbgt-deploy")

    def test_file_round_trip(self):
        path = os.path.join(SPEC_DIR, "full.json")
        with ddbgt.Table.load(path) as t, tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "out.json")
            t.dump(out)
            with open(out, encoding="utf-8") as a, open(path, encoding="utf-8") as b:
                self.assertEqual(a.read(), b.read())
            t.dump(out, compact=True)
            with open(out, encoding="utf-8") as a:
                self.assertEqual(a.read(), t.dumps(compact=True))

    def test_errors_carry_status_code_and_path(self):
        spec = json.loads(json.dumps(MINIMAL))
        spec["table"]["name"] = 42
        with self.assertRaises(ddbgt.SpecError) as cm:
            ddbgt.Table.from_dict(spec)
        e = cm.exception
        self.assertEqual(e.status, ddbgt.constant("DDBGT_ESPEC"))
        self.assertEqual(e.name, "DDBGT_ESPEC")
        self.assertEqual(e.code, "DDBGT_E_SPEC_TYPE")
        self.assertEqual(e.path, "/table/name")
        self.assertIn("/table/name", str(e))

    def test_every_finding_in_one_pass(self):
        spec = json.loads(json.dumps(MINIMAL))
        spec["table"]["nmae"] = spec["table"].pop("name")
        with self.assertRaises(ddbgt.SpecError) as cm:
            ddbgt.Table.from_dict(spec)
        codes = {(d["code"], d["path"]) for d in cm.exception.diagnostics}
        self.assertIn(("DDBGT_E_SPEC_UNKNOWN_KEY", "/table/nmae"), codes)
        self.assertIn(("DDBGT_E_SPEC_MISSING_KEY", "/table/name"), codes)

    def test_syntax_error_has_line_and_column(self):
        with self.assertRaises(ddbgt.SpecError) as cm:
            ddbgt.Table.from_json('{"format": "ddbgt/1",\n  "table": {')
        d = cm.exception.diagnostics[0]
        self.assertEqual(d["code"], "DDBGT_E_SPEC_SYNTAX")
        self.assertEqual(d["line"], 2)
        self.assertGreater(d["column"], 0)

    def test_unreadable_file(self):
        with self.assertRaises(ddbgt.SpecError) as cm:
            ddbgt.Table.from_file("/nonexistent/spec.json")
        self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_EIO"))
        self.assertEqual(cm.exception.code, "DDBGT_E_SPEC_UNREADABLE")


class TestModel(unittest.TestCase):
    def test_build_a_table(self):
        with ddbgt.Table("orders") as t:
            t.set_partition_key("pk", "S")
            t.set_sort_key("sk", "N")
            t.billing_mode = "PROVISIONED"
            t.set_tag("team", "payments")
            r = t.add_replica("us-east-1")
            t.add_replica("eu-west-1", table_class="STANDARD_INFREQUENT_ACCESS")
            self.assertEqual(r.role, "primary")
            self.assertEqual([x.role for x in t.replicas], ["primary", "secondary"])
            self.assertEqual(t.replicas[1].table_class, "STANDARD_INFREQUENT_ACCESS")
            self.assertEqual(t.partition_key, ("pk", "S"))
            self.assertEqual(t.tags, {"team": "payments"})
            doc = t.to_dict()
            self.assertEqual(doc["table"]["billing_mode"], "PROVISIONED")
            self.assertEqual(doc["table"]["sort_key"], {"name": "sk", "type": "N"})
            with ddbgt.Table.from_json(t.dumps()) as back:
                self.assertEqual(back.dumps(), t.dumps())
            t.remove_replica("us-east-1")
            self.assertEqual([x.region for x in t.replicas], ["eu-west-1"])

    def test_bad_enum_value_raises_and_leaves_the_table_alone(self):
        with ddbgt.Table("t") as t:
            with self.assertRaises(ddbgt.DdbgtError) as cm:
                t.add_replica("us-east-1", table_class="GOLD")
            self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_ENOTFOUND"))
            self.assertEqual(t.replicas, [])
            with self.assertRaises(ddbgt.DdbgtError):
                t.billing_mode = "FREE"
            self.assertEqual(t.billing_mode, "PAY_PER_REQUEST")

    def test_copy_is_independent(self):
        with ddbgt.Table.from_dict(MINIMAL) as t, t.copy() as c:
            c.name = "other"
            self.assertEqual(t.name, "minimal")
            self.assertEqual(c.name, "other")


class TestLifetimes(unittest.TestCase):
    def test_context_manager_closes(self):
        with ddbgt.Table("t") as t:
            pass
        self.assertTrue(t.closed)
        with self.assertRaises(ValueError):
            t.name
        t.close()  # closing twice is harmless

    def test_finalizer_frees_when_collected(self):
        t = ddbgt.Table("t")
        fin = t._finalizer
        self.assertTrue(fin.alive)
        del t
        gc.collect()
        self.assertFalse(fin.alive)

    def test_borrowed_replica_keeps_its_table_alive(self):
        r = ddbgt.Table.from_dict(MINIMAL).replicas[1]
        gc.collect()
        self.assertEqual(r.region, "eu-west-1")
        self.assertIsNone(r._finalizer)


class TestDiagnostics(unittest.TestCase):
    def test_add_and_read(self):
        with ddbgt.Diagnostics() as d:
            d.add("DDBGT_E_REGION_DUPLICATE", path="/replicas/2/region", region="eu-west-1",
                  message="twice")
            d.add("DDBGT_W_REGION_OPT_IN", severity="warning", path="/replicas/0/region")
            self.assertEqual(len(d), 2)
            self.assertEqual((d.errors, d.warnings, d.valid), (1, 1, False))
            self.assertEqual(d[0], {"code": "DDBGT_E_REGION_DUPLICATE", "severity": "error",
                                    "path": "/replicas/2/region", "region": "eu-west-1",
                                    "message": "twice"})
            doc = d.to_json()
            self.assertFalse(doc["valid"])
            self.assertEqual(doc["diagnostics"][0]["code"], "DDBGT_E_REGION_DUPLICATE")
            self.assertIn("DDBGT_W_REGION_OPT_IN /replicas/0/region", d.to_text())
            with self.assertRaises(IndexError):
                d[2]

    def test_unknown_code_is_refused(self):
        with ddbgt.Diagnostics() as d, self.assertRaises(ddbgt.DdbgtError):
            d.add(999, severity="error")

    def test_catalogue(self):
        cat = ddbgt.codes()
        self.assertEqual(len(cat), ddbgt.lib.ddbgt_code_count())
        names = [c["code"] for c in cat]
        self.assertIn("DDBGT_E_SPEC_SYNTAX", names)
        info = ddbgt.code_info("DDBGT_E_REGION_DUPLICATE")
        self.assertEqual(info["severity"], "error")
        self.assertTrue(info["summary"])
        self.assertIsInstance(info["hint"], str)
        with self.assertRaises(KeyError):
            ddbgt.code_info("DDBGT_E_NO_SUCH_THING")


class TestEmitAndCost(unittest.TestCase):
    EMIT = os.path.join(SRCDIR, "tests", "data", "emit")
    COST = os.path.join(SRCDIR, "tests", "data", "cost")

    def test_emit_matches_the_golden_file(self):
        with ddbgt.Table.load(os.path.join(SRCDIR, "examples", "specs", "primary-standby-ia.json")) as t:
            with open(os.path.join(self.EMIT, "primary-standby-ia.tf.json"), encoding="utf-8") as f:
                self.assertEqual(t.emit(), f.read())
            compact = t.emit(compact=True, default_tags={"team": "payments"})
            self.assertNotIn("\n  ", compact)
            self.assertEqual(json.loads(compact)["provider"]["aws"][0]["default_tags"]["tags"],
                             {"team": "payments"})

    def test_emit_cloudformation_matches_the_golden_files(self):
        cfn = os.path.join(SRCDIR, "tests", "data", "cloudformation")
        with ddbgt.Table.load(os.path.join(SRCDIR, "examples", "specs", "two-region-on-demand.json")) as t:
            for name, kwargs in (("two-region-on-demand.json", {}),
                                 ("two-region-on-demand.yaml", {"format": "yaml"}),
                                 ("two-region-on-demand.parameters.yaml",
                                  {"format": "yaml", "parameters": True})):
                with open(os.path.join(cfn, name), encoding="utf-8") as f:
                    self.assertEqual(t.emit(target="cloudformation", **kwargs), f.read())
            template = json.loads(t.emit(target="cloudformation"))
            self.assertEqual(template["Resources"]["Table"]["Type"], "AWS::DynamoDB::GlobalTable")
            with self.assertRaises(ValueError):
                t.emit(target="cloudformation", format="xml")
            with self.assertRaises(ddbgt.DdbgtError) as cm:
                t.emit(format="yaml")
            self.assertEqual(cm.exception.code, "DDBGT_E_EMIT_OPTION")

    def test_emit_cloudformation_companion_of_a_region(self):
        cfn = os.path.join(SRCDIR, "tests", "data", "cloudformation")
        with ddbgt.Table.load(os.path.join(SRCDIR, "examples", "specs", "operations.json")) as t:
            with open(os.path.join(cfn, "operations.eu-west-1.json"), encoding="utf-8") as f:
                self.assertEqual(t.emit(target="cloudformation", stack_region="eu-west-1"),
                                 f.read())
            with self.assertRaises(ddbgt.DdbgtError) as cm:
                t.emit(target="cloudformation", stack_region="ap-south-1")
            self.assertEqual(cm.exception.code, "DDBGT_E_EMIT_OPTION")

    def test_emit_refuses_an_invalid_table(self):
        with ddbgt.Table("t") as t:
            t.add_replica("us-east-1")
            with self.assertRaises(ddbgt.DdbgtError) as cm:
                t.emit()
            e = cm.exception
            self.assertEqual(e.status, ddbgt.constant("DDBGT_EINVALID"))
            self.assertTrue(e.code and e.code.startswith("DDBGT_E_"))
            self.assertIsNotNone(e.path)
            with self.assertRaises(ddbgt.DdbgtError) as cm:
                t.emit(target="pulumi")
            self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_ENOTFOUND"))

    def test_emit_reports_the_validator_only_when_refusing(self):
        with ddbgt.Table("orders") as t:
            t.set_partition_key("pk", "S")
            t.add_replica("us-east-1")
            t.add_replica("af-south-1")
            codes = [d["code"] for d in t.validate()]
            self.assertIn("DDBGT_W_REGION_OPT_IN", codes)
            doc = t.emit()
            self.assertNotIn("DDBGT_W_REGION_OPT_IN", [d["code"] for d in t.warnings])
            self.assertEqual(t.emit(validated=True), doc)

    def test_cost_matches_the_golden_report(self):
        with open(os.path.join(self.COST, "aws-4-1b-provisioned.report.json"), encoding="utf-8") as f:
            golden = json.load(f)
        with ddbgt.Table.load(os.path.join(self.COST, "aws-4-1b-provisioned.json")) as t:
            report = t.cost()
        self.assertEqual(report["total_nanos"], golden["total_nanos"])
        self.assertEqual(report["regions"], golden["regions"])
        self.assertEqual(report["lines"], golden["lines"])

    def test_cost_findings_and_price_file(self):
        with ddbgt.Table.from_dict(MINIMAL) as t:
            report = t.cost()
            self.assertEqual(report["total_nanos"], 0)
            self.assertIn("DDBGT_I_USAGE_EMPTY", [d["code"] for d in report["diagnostics"]])
            with self.assertRaises(ddbgt.SpecError) as cm:
                t.cost(prices_file=os.path.join(self.COST, "bad-syntax.json"))
            self.assertTrue(cm.exception.code)
            self.assertEqual(t.cost(prices_file=os.path.join(self.COST, "override-edp.json"))
                             ["total_nanos"], 0)

    def test_diff(self):
        diff = os.path.join(os.path.dirname(self.COST), "diff")
        with ddbgt.Table.load(os.path.join(diff, "key-schema", "old.json")) as old, \
                ddbgt.Table.load(os.path.join(diff, "key-schema", "new.json")) as new:
            self.assertEqual(old.diff(old)["changes"], 0)
            doc = old.diff(new)
            self.assertEqual(doc["replace"], 1)
            item = doc["items"][0]
            self.assertEqual((item["class"], item["rule"], item["path"]),
                             ("replace", "key-schema", "/table/partition_key"))
            self.assertEqual((item["old"]["type"], item["new"]["type"]), ("S", "N"))
            self.assertEqual([(d["code"], d["severity"]) for d in doc["diagnostics"]],
                             [("DDBGT_E_DIFF_REPLACE", "error")])
            allowed = old.diff(new, allow_replace=True)
            self.assertEqual(allowed["diagnostics"][0]["severity"], "warning")
        with ddbgt.Table.load(os.path.join(diff, "plan-multi", "old.json")) as old, \
                ddbgt.Table.load(os.path.join(diff, "plan-multi", "new.json")) as new:
            doc = old.diff(new)
            self.assertEqual(doc["update_table_calls"], 7)
            self.assertEqual([s["api"] for s in doc["plan"]][:3], ["UpdateTable"] * 3)


class TestRegions(unittest.TestCase):
    def test_catalogue(self):
        regs = ddbgt.regions()
        self.assertEqual(len(regs), ddbgt.lib.ddbgt_region_count())
        ie = ddbgt.region("eu-west-1")
        self.assertEqual((ie["name"], ie["jurisdiction"], ie["geography"]),
                         ("Europe (Ireland)", "EU", "EU"))
        self.assertIn(ie, regs)
        self.assertAlmostEqual(ie["latitude"], 53.3, delta=1.0)
        with self.assertRaises(KeyError):
            ddbgt.region("xx-nowhere-9")
        # The library's JSON (a ddbgt_free'd string) names the same regions.
        self.assertEqual([r["code"] for r in ddbgt.regions_json()], [r["code"] for r in regs])

    def test_selection(self):
        picked = ddbgt.select_regions(2, geographies={"EU": 1.0})
        self.assertEqual(len(picked), 2)
        self.assertTrue(all(ddbgt.region(c)["geography"] == "EU" for c in picked))
        near_tokyo = ddbgt.select_regions(1, locations=[(35.7, 139.7, 1.0)])
        self.assertEqual(near_tokyo, ["ap-northeast-1"])

    def test_refusal_carries_status_and_reason(self):
        with self.assertRaises(ddbgt.DdbgtError) as cm:
            ddbgt.select_regions(2, locations=[(53.3, -6.3, 1.0)], allowed=["eu-west-1"])
        self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_ENOTFOUND"))
        self.assertGreater(len(str(cm.exception)), len("ddbgt_region_query_run: "))


VALIDATE_DIR = os.path.join(SRCDIR, "tests", "data", "validate")


class TestValidate(unittest.TestCase):
    def test_findings_are_dicts_with_code_path_and_region(self):
        with ddbgt.Table.load(os.path.join(VALIDATE_DIR, "many-problems.json")) as t:
            found = t.validate()
        self.assertEqual(set(found[0]), {"code", "severity", "path", "region", "message"})
        by_code = {d["code"]: d for d in found}
        dup = by_code["DDBGT_E_REGION_DUPLICATE"]
        self.assertEqual((dup["severity"], dup["path"], dup["region"]),
                         ("error", "/replicas/2/region", "eu-west-1"))
        self.assertEqual(by_code["DDBGT_E_KMS_KEY_REGION_MISMATCH"]["path"], "/replicas/1/kms_key")
        self.assertEqual(by_code["DDBGT_E_TABLE_NAME_INVALID"]["region"], None)
        # All in one pass: eight errors and the transactions note.
        self.assertEqual(sum(d["severity"] == "error" for d in found), 8)

    def test_raise_on_error_carries_the_first_error(self):
        with ddbgt.Table.load(os.path.join(VALIDATE_DIR, "many-problems.json")) as t:
            with self.assertRaises(ddbgt.ValidationError) as cm:
                t.validate(raise_on_error=True)
        e = cm.exception
        self.assertEqual(e.status, ddbgt.constant("DDBGT_EINVALID"))
        self.assertEqual((e.code, e.path), ("DDBGT_E_TABLE_NAME_INVALID", "/table/name"))
        self.assertEqual(len(e.diagnostics), 8)
        self.assertIn("/table/name", str(e))

    def test_valid_table_and_flags(self):
        with ddbgt.Table.from_dict(MINIMAL) as t:
            self.assertEqual(t.validate(raise_on_error=True), [])
        # Transactional reads earn the note that transactions are atomic per region.
        with ddbgt.Table.from_dict(dict(MINIMAL, usage={"read_consistency": "transactional"})) as t:
            found = t.validate(raise_on_error=True)
            self.assertEqual([d["code"] for d in found], ["DDBGT_I_TRANSACTIONS_REGIONAL"])
            self.assertEqual(found[0]["severity"], "info")
            self.assertEqual(t.validate(no_info=True), [])

    def test_warnings_as_errors(self):
        # Standard-IA on a replica with no usage profile is fine; an opt-in
        # region is a warning, which the flag turns into an error.
        spec = json.loads(json.dumps(MINIMAL))
        spec["replicas"][1]["region"] = "ap-east-1"
        with ddbgt.Table.from_dict(spec) as t:
            warned = [d for d in t.validate() if d["severity"] == "warning"]
            self.assertIn("DDBGT_W_REGION_OPT_IN", [d["code"] for d in warned])
            with self.assertRaises(ddbgt.ValidationError) as cm:
                t.validate(warnings_as_errors=True, raise_on_error=True)
            self.assertEqual(cm.exception.code, "DDBGT_W_REGION_OPT_IN")
            self.assertEqual(cm.exception.path, "/replicas/1/region")


class TestCheckSpec(unittest.TestCase):
    def test_findings_at_file_line_and_column(self):
        with open(os.path.join(VALIDATE_DIR, "many-problems.json"), "rb") as f:
            text = f.read()
        with ddbgt.check_spec(text, "many.json") as d:
            found = d.to_list()
            self.assertEqual(d.errors, 8)
            name = [x for x in found if x["code"] == "DDBGT_E_TABLE_NAME_INVALID"][0]
            self.assertEqual((name["file"], name["line"], name["column"]), ("many.json", 4, 13))
            self.assertTrue(all(x["file"] == "many.json" and x["line"] > 0 for x in found))
            log = json.loads(d.to_sarif())
        self.assertEqual(log["version"], "2.1.0")
        results = log["runs"][0]["results"]
        self.assertEqual(len(results), len(found))
        self.assertEqual(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                         "many.json")

    def test_a_document_that_does_not_load(self):
        with ddbgt.check_spec('{"format": "ddbgt/1",\n  "table": {') as d:
            found = d.to_list()
        self.assertEqual(found[0]["code"], "DDBGT_E_SPEC_SYNTAX")
        self.assertEqual(found[0]["line"], 2)
        self.assertNotIn("file", found[0])
        with ddbgt.check_spec(json.dumps(MINIMAL)) as d:
            self.assertEqual(len(d), 0)


class TestTemplates(unittest.TestCase):
    def test_catalogue(self):
        cat = ddbgt.templates()
        names = [t["name"] for t in cat]
        self.assertEqual(len(cat), ddbgt.lib.ddbgt_template_count())
        self.assertIn("primary-standby", names)
        self.assertIn(ddbgt.default_template(), names)
        self.assertTrue(all(t["description"] and t["usage"] for t in cat))

    def test_every_template_is_valid_and_matches_its_strategy(self):
        expected = {"active-active": "active-active", "geo-distributed": "geo-distributed",
                    "primary-standby": "primary-standby-cold", "eu-residency": "active-active",
                    "strong-consistency": "strong-consistency",
                    "provisioned-autoscaling": "geo-distributed"}
        for name in [t["name"] for t in ddbgt.templates()]:
            with ddbgt.Table.from_template(name) as t, t.strategy() as s:
                bad = [d for d in t.validate() if d["severity"] != "info"]
                self.assertEqual(bad, [], name)
                self.assertEqual(s.kind, expected[name], name)

    def test_instantiate_with_options(self):
        with ddbgt.Table.from_template("geo-distributed", table_name="Orders",
                                       partition_key="id", partition_key_type="N",
                                       regions=["eu-west-1", "us-west-2"]) as t:
            self.assertEqual(t.name, "Orders")
            self.assertEqual(t.partition_key, ("id", "N"))
            self.assertEqual([r.region for r in t.replicas], ["eu-west-1", "us-west-2"])
            self.assertEqual(t.replicas[0].role, "primary")
            with t.topology() as topo:
                self.assertEqual(topo.region_count, 2)
            with t.strategy() as s:
                self.assertEqual(s.kind, "geo-distributed")

    def test_default_is_active_active_in_two_regions(self):
        with ddbgt.Table.from_template() as t, t.topology() as topo, t.strategy() as s:
            self.assertEqual(ddbgt.default_template(), "active-active")
            self.assertEqual((topo.region_count, s.kind), (2, "active-active"))

    def test_eu_residency_takes_a_key_per_region(self):
        keys = ["arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:eu-south-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
        with ddbgt.Table.from_template("eu-residency", regions=["eu-west-3", "eu-south-1"],
                                       kms_keys=keys) as t:
            self.assertEqual([r.kms_key for r in t.replicas], keys)
            self.assertEqual([d for d in t.validate() if d["severity"] == "error"], [])

    def test_refusals(self):
        with self.assertRaises(ddbgt.DdbgtError) as cm:
            ddbgt.Table.from_template("no-such-pattern")
        self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_ENOTFOUND"))
        # strong-consistency takes two regions and a witness or three regions.
        with self.assertRaises(ddbgt.DdbgtError) as cm:
            ddbgt.Table.from_template("strong-consistency", regions=["us-east-1"])
        self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_EINVAL"))


class TestHelpers(unittest.TestCase):
    def test_topology_of_a_witness_table(self):
        with ddbgt.Table.from_template("strong-consistency", regions=["us-east-1", "us-east-2"],
                                       witness_region="us-west-2") as t:
            topo = t.topology()
        # The result is independent of the (now closed) table.
        with topo:
            self.assertEqual((topo.region_count, topo.replica_count), (3, 2))
            self.assertEqual(topo[2], {"region": "us-west-2", "role": "witness", "spec_index": None,
                                       "table_class": None, "geography": "US"})
            self.assertEqual(topo[1]["spec_index"], 1)
            self.assertEqual(topo.to_dict()["regions"][2]["role"], "witness")
            with self.assertRaises(IndexError):
                topo[3]

    def test_strategy_of_a_cold_standby(self):
        with ddbgt.Table.load(os.path.join(SRCDIR, "examples", "specs", "primary-standby-ia.json")) as t:
            with t.strategy() as s:
                self.assertEqual(s.kind, "primary-standby-cold")
                self.assertTrue(any("Standard-IA" in r for r in s.reasons), s.reasons)
                self.assertEqual(s.disaster_recovery["class"], s.to_dict()["disaster_recovery"]["class"])
                self.assertTrue(s.summary)
            with t.routing() as r:
                self.assertEqual([e["role"] for e in r.entries], ["primary", "standby"])
                self.assertEqual([e["serves_traffic"] for e in r.entries], [True, False])
                self.assertEqual(r[0]["distance_km"], 0)
                self.assertTrue(r[0]["endpoint"].startswith("https://dynamodb."))
                self.assertIsNone(r.witness)
                self.assertEqual(r.to_dict()["failover_order"], [e["region"] for e in r.entries])

    def test_features(self):
        with ddbgt.Table.from_template("geo-distributed") as t, t.features() as f:
            self.assertEqual(f.names, ["stream", "kms_encryption", "pitr_all", "ttl", "gsi"])
            self.assertEqual(f.flags, sum(ddbgt.constant("DDBGT_FEATURE_" + n.upper())
                                          for n in f.names))
            self.assertTrue(f.has("gsi"))
            self.assertFalse(f.has("lsi"))
            self.assertEqual((f.stream_view, f.encryption, f.pitr, f.deletion_protection),
                             ("NEW_AND_OLD_IMAGES", "AWS_MANAGED", "all", "none"))
            self.assertEqual((f.gsi_count, f.lsi_count, f.ttl_attribute), (1, 0, "expires_at"))
            self.assertEqual(f.to_dict()["flags"], f.names)
        with ddbgt.Table.from_template("primary-standby") as t, t.features() as f:
            self.assertEqual(f.standard_ia, "some")

    def test_helpers_close_and_finalize(self):
        with ddbgt.Table.from_dict(MINIMAL) as t:
            helpers = [t.topology(), t.strategy(), t.features(), t.routing()]
        fins = [h._finalizer for h in helpers]
        with helpers[0]:
            pass
        self.assertTrue(helpers[0].closed)
        self.assertFalse(fins[0].alive)
        del helpers
        gc.collect()
        self.assertEqual([f.alive for f in fins], [False] * 4)

    def test_raw_prototypes_of_the_helpers(self):
        # A 64-bit signed index, an unsigned flag mask, full pointers.
        self.assertIs(ddbgt.lib.ddbgt_topology_spec_index_at.restype, ctypes.c_int64)
        self.assertIs(ddbgt.lib.ddbgt_features_flags.restype, ctypes.c_uint)
        self.assertEqual(ddbgt.lib.ddbgt_features_has.argtypes, [ctypes.c_void_p, ctypes.c_uint])
        self.assertIs(ddbgt.lib.ddbgt_routing_distance_km_at.restype, ctypes.c_double)
        self.assertIs(ddbgt.lib.ddbgt_region_selection_at.restype, ctypes.c_void_p)
        self.assertEqual(ddbgt.lib.ddbgt_strategy_to_json.argtypes[0],
                         ctypes.POINTER(ctypes.c_void_p))
        # Shifted enumerators and hex macros reach the constant table with their values.
        self.assertEqual(ddbgt.constant("DDBGT_FEATURE_CONTRIBUTOR_INSIGHTS"), 1 << 16)
        self.assertEqual(ddbgt.constant("DDBGT_VALIDATE_WARNINGS_AS_ERRORS"), 4)
        self.assertEqual(ddbgt.constant("DDBGT_INHERIT"), -1)


class TestRegionQuery(unittest.TestCase):
    def test_selection_object(self):
        with ddbgt.RegionQuery() as q:
            q.add_location(35.7, 139.7, 3.0).add_location(53.3, -6.3, 1.0).set_count(2)
            with q.run() as s:
                self.assertEqual(sorted(s.codes), ["ap-northeast-1", "eu-west-1"])
                by_code = {s[i]["code"]: s[i] for i in range(len(s))}
                self.assertAlmostEqual(by_code["ap-northeast-1"]["served_weight"], 0.75)
                self.assertAlmostEqual(by_code["eu-west-1"]["served_weight"], 0.25)
                self.assertGreaterEqual(s.mean_distance_km, 0)
                self.assertEqual([r["code"] for r in s.to_dict()["regions"]], s.codes)
            # The query is unchanged and runs again.
            with q.run() as again:
                self.assertEqual(len(again), 2)

    def test_constraints(self):
        with ddbgt.RegionQuery() as q:
            q.add_geography("EU", 1.0).add_jurisdiction("UK").set_count(1)
            with q.run() as s:
                self.assertEqual(s.codes, ["eu-west-2"])
        with ddbgt.RegionQuery() as q:
            q.add_location(40.0, -80.0).set_strong_consistency_set("US").set_count(3)
            with q.run() as s:
                self.assertTrue(all(ddbgt.region(c)["strong_consistency_set"] == "US"
                                    for c in s.codes))

    def test_errors_carry_status_and_reason(self):
        with ddbgt.RegionQuery() as q:
            with self.assertRaises(ddbgt.DdbgtError) as cm:
                q.add_location(91.0, 0.0, 1.0)
            self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_EINVAL"))
            with self.assertRaises(ddbgt.DdbgtError) as cm:
                q.add_allowed_region("eu-nowhere-9")
            self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_ENOTFOUND"))
            with self.assertRaises(ddbgt.DdbgtError) as cm:
                q.add_allowed_region("xx-nowhere-9")
            self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_EINVAL"))
            with self.assertRaises(ddbgt.DdbgtError) as cm:
                q.run()  # no users, no count
            self.assertEqual(cm.exception.status, ddbgt.constant("DDBGT_EINVAL"))

    def test_query_finalizer(self):
        q = ddbgt.RegionQuery()
        fin = q._finalizer
        del q
        gc.collect()
        self.assertFalse(fin.alive)


def main():
    result = unittest.main(module=__name__, exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print("python-bindings: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed or result.testsRun == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

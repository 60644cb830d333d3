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
            if ctypes.sizeof(ctypes.c_void_p) == 8:
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
            self.assertEqual([r.region for r in t.replicas], ["us-east-1", "eu-west-1"])
            self.assertEqual(t.warnings, [])

    def test_file_round_trip(self):
        path = os.path.join(SPEC_DIR, "full.json")
        with ddbgt.Table.load(path) as t, tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "out.json")
            t.dump(out)
            with open(out, encoding="utf-8") as a, open(path, encoding="utf-8") as b:
                self.assertEqual(a.read(), b.read())

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


def main():
    result = unittest.main(module=__name__, exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print("python-bindings: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed or result.testsRun == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

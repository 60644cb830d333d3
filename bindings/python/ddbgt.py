"""libddbgt from Python, through ctypes and the standard library only.

Two layers:

* ``lib``: the shared library with ``restype``/``argtypes`` set on every
  exported function, from the table that doc/apigen.py derives from the public
  headers (``_ddbgt_prototypes``). Handles are ``c_void_p`` (full 64-bit
  pointers); strings the library allocates come back as ``c_void_p`` so that
  they can be handed to ``ddbgt_free``.
* A Pythonic layer: ``Table`` (load and dump specs, build a model, validate,
  emit, cost, diff against another table, build one from a template), ``Diagnostics``, the code
  catalogue, the templates, the helpers that describe a table (``Topology``,
  ``Strategy``, ``Features``, ``Routing``), the region catalogue and region
  selection (``RegionQuery``, ``RegionSelection``), and ``DdbgtError``
  carrying the status, the diagnostic code and the JSON Pointer path. Objects that own a handle
  free it on ``close()``, at the end of a ``with`` block, or, as a safety net,
  when they are garbage collected.

The library is found through $DDBGT_LIBRARY (a path), else as libddbgt.so.1.
"""
import ctypes
import ctypes.util
import json
import os
import weakref

import _ddbgt_prototypes as _proto

__all__ = ["lib", "DdbgtError", "SpecError", "ValidationError", "Diagnostics", "check_spec", "Table",
           "Replica", "version", "strerror", "status_name", "codes", "code_info", "constant",
           "templates", "default_template", "Topology", "Strategy", "Features", "Routing",
           "regions", "region", "regions_json", "RegionQuery", "RegionSelection",
           "select_regions"]


def _load_library():
    path = os.environ.get("DDBGT_LIBRARY") or ctypes.util.find_library("ddbgt") or "libddbgt.so.1"
    cdll = ctypes.CDLL(path)
    missing = []
    for name, (restype, argtypes) in _proto.PROTOTYPES.items():
        try:
            fn = getattr(cdll, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.restype = restype
        fn.argtypes = argtypes
    if missing:
        raise ImportError("%s lacks functions its headers declare: %s" % (path, ", ".join(missing)))
    return cdll


lib = _load_library()


def constant(name):
    """The value of an enumeration constant of the headers, e.g. constant("DDBGT_ESPEC")."""
    return _proto.CONSTANTS[name]


def _s(b):
    return None if b is None else b.decode("utf-8")


def _b(s):
    if s is None:
        return None
    return s if isinstance(s, bytes) else str(s).encode("utf-8")


def _take_string(ptr):
    """Copy a string the library allocated for the caller, then free it."""
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        lib.ddbgt_free(ptr)


def version():
    return _s(lib.ddbgt_version_string())


def strerror(status):
    return _s(lib.ddbgt_strerror(status))


def status_name(status):
    return _s(lib.ddbgt_status_name(status))


class DdbgtError(Exception):
    """A libddbgt call failed.

    status: the negative DDBGT_E* status; name: its enum name ("DDBGT_ESPEC");
    code and path: the first error finding's code ("DDBGT_E_SPEC_TYPE") and
    JSON Pointer ("/table/name") when the failure came with diagnostics;
    diagnostics: every finding, as dicts.
    """

    def __init__(self, status, what, diagnostics=None):
        self.status = status
        self.name = status_name(status)
        self.diagnostics = list(diagnostics or [])
        first = next((d for d in self.diagnostics if d["severity"] == "error"), None)
        self.code = first["code"] if first else None
        self.path = first["path"] if first else None
        msg = "%s: %s (%s)" % (what, strerror(status), self.name)
        if first:
            msg += ": %s %s: %s" % (self.code, self.path, first["message"])
        super().__init__(msg)


class SpecError(DdbgtError):
    """A spec document has errors (status DDBGT_ESPEC or DDBGT_EIO)."""


class ValidationError(DdbgtError):
    """The validator found errors in a table (status DDBGT_EINVALID)."""


def _check(status, what, diags=None, cls=DdbgtError):
    if status < 0:
        raise cls(status, what, diags.to_list() if diags is not None else None)
    return status


class _Handle:
    """Owns one library handle; freed by close(), `with`, or the collector."""

    _free = None

    def __init__(self, ptr, owned=True, parent=None):
        self._ptr = ctypes.c_void_p(ptr)
        self._parent = parent      # keeps a borrowed handle's owner alive
        self._finalizer = weakref.finalize(self, type(self)._free, self._ptr) if owned else None

    @property
    def handle(self):
        """The raw pointer, for calls through ``lib``."""
        if not self._ptr:
            raise ValueError("%s is closed" % type(self).__name__)
        return self._ptr

    def close(self):
        if self._finalizer is not None:
            self._finalizer()
        self._ptr = ctypes.c_void_p()

    @property
    def closed(self):
        return not self._ptr

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class Diagnostics(_Handle):
    _free = lib.ddbgt_diags_free

    def __init__(self):
        out = ctypes.c_void_p()
        _check(lib.ddbgt_diags_new(ctypes.byref(out)), "ddbgt_diags_new")
        super().__init__(out.value)

    def __len__(self):
        return lib.ddbgt_diags_count(self.handle)

    @property
    def errors(self):
        return lib.ddbgt_diags_error_count(self.handle)

    @property
    def warnings(self):
        return lib.ddbgt_diags_warning_count(self.handle)

    @property
    def valid(self):
        return bool(lib.ddbgt_diags_is_valid(self.handle))

    def add(self, code, severity=None, path="", region=None, message=None):
        """Append a finding; code is a name ("DDBGT_E_TAG_COUNT") or a number."""
        if isinstance(code, str):
            code = lib.ddbgt_code_from_name(_b(code))
        if severity is None:
            severity = lib.ddbgt_code_severity(code)
        elif isinstance(severity, str):
            severity = _parse_enum("DDBGT_ENUM_SEVERITY", severity)
        _check(lib.ddbgt_diags_add(self.handle, code, severity, _b(path), _b(region), _b(message)),
               "ddbgt_diags_add")

    def __getitem__(self, i):
        h = self.handle
        if not 0 <= i < len(self):
            raise IndexError(i)
        d = {
            "code": _s(lib.ddbgt_diags_code_name(h, i)),
            "severity": _s(lib.ddbgt_enum_name(constant("DDBGT_ENUM_SEVERITY"),
                                               lib.ddbgt_diags_severity(h, i))),
            "path": _s(lib.ddbgt_diags_path(h, i)),
            "region": _s(lib.ddbgt_diags_region(h, i)),
            "message": _s(lib.ddbgt_diags_message(h, i)),
        }
        if lib.ddbgt_diags_file(h, i):
            d["file"] = _s(lib.ddbgt_diags_file(h, i))
        if lib.ddbgt_diags_line(h, i):
            d["line"] = lib.ddbgt_diags_line(h, i)
            d["column"] = lib.ddbgt_diags_column(h, i)
        return d

    def to_list(self):
        return [self[i] for i in range(len(self))]

    def to_json(self):
        """The library's JSON rendering, parsed: {"valid", "errors", "warnings", "diagnostics"}."""
        out = ctypes.c_void_p()
        _check(lib.ddbgt_diags_to_json(ctypes.byref(out), self.handle), "ddbgt_diags_to_json")
        return json.loads(_take_string(out))

    def to_text(self):
        out = ctypes.c_void_p()
        _check(lib.ddbgt_diags_to_text(ctypes.byref(out), self.handle), "ddbgt_diags_to_text")
        return _take_string(out)

    def to_sarif(self):
        """The findings as a SARIF 2.1.0 log (text), for code scanning."""
        out = ctypes.c_void_p()
        _check(lib.ddbgt_diags_to_sarif(ctypes.byref(out), self.handle), "ddbgt_diags_to_sarif")
        return _take_string(out)


def check_spec(text, file=None):
    """Load and validate a spec document as `ddbgt validate` does.

    Returns a Diagnostics (close it, or use it in a with block) holding every
    finding, the loader's then the validator's, each with the file (when
    given) and the line and column of the spec value it is about.
    """
    data = _b(text)
    diags = Diagnostics()
    table = ctypes.c_void_p()
    positions = ctypes.c_void_p()
    try:
        status = lib.ddbgt_spec_load_string(ctypes.byref(table), data, len(data), 0, diags.handle)
        if status == 0:
            status = lib.ddbgt_table_validate(table, None, diags.handle)
            if status == constant("DDBGT_EINVALID"):
                status = 0
        if status not in (0, constant("DDBGT_ESPEC")):
            raise DdbgtError(status, "check_spec", diags.to_list())
        if table.value:
            _check(lib.ddbgt_spec_positions_new(ctypes.byref(positions), data, len(data), 0),
                   "ddbgt_spec_positions_new")
        _check(lib.ddbgt_diags_locate(diags.handle, _b(file), positions), "ddbgt_diags_locate")
    except BaseException:
        diags.close()
        raise
    finally:
        lib.ddbgt_spec_positions_free(positions)
        lib.ddbgt_table_free(table)
    return diags


def _parse_enum(kind, name):
    v = ctypes.c_int()
    _check(lib.ddbgt_enum_parse(constant(kind), _b(name), ctypes.byref(v)),
           "ddbgt_enum_parse(%s, %r)" % (kind, name))
    return v.value


def _enum_name(kind, value):
    return _s(lib.ddbgt_enum_name(constant(kind), value))


class Replica(_Handle):
    """A replica; those reached through a Table are borrowed from it."""

    _free = lib.ddbgt_replica_free

    @property
    def region(self):
        return _s(lib.ddbgt_replica_region(self.handle))

    @property
    def role(self):
        return _enum_name("DDBGT_ENUM_ROLE", lib.ddbgt_replica_effective_role(self.handle))

    @property
    def table_class(self):
        return _enum_name("DDBGT_ENUM_TABLE_CLASS",
                          lib.ddbgt_replica_effective_table_class(self.handle))

    @table_class.setter
    def table_class(self, value):
        _check(lib.ddbgt_replica_set_table_class(
            self.handle, _parse_enum("DDBGT_ENUM_TABLE_CLASS", value)), "ddbgt_replica_set_table_class")

    @property
    def kms_key(self):
        return _s(lib.ddbgt_replica_kms_key(self.handle))

    @kms_key.setter
    def kms_key(self, value):
        _check(lib.ddbgt_replica_set_kms_key(self.handle, _b(value)), "ddbgt_replica_set_kms_key")


class Table(_Handle):
    """A table spec: the root of the model."""

    _free = lib.ddbgt_table_free

    def __init__(self, name=None, _ptr=None):
        if _ptr is None:
            out = ctypes.c_void_p()
            _check(lib.ddbgt_table_new(ctypes.byref(out), _b(name)), "ddbgt_table_new")
            _ptr = out.value
        super().__init__(_ptr)
        self.warnings = []

    # Loading and dumping specs.
    @classmethod
    def _load(cls, what, call):
        with Diagnostics() as diags:
            out = ctypes.c_void_p()
            _check(call(ctypes.byref(out), diags.handle), what, diags, SpecError)
            table = cls(_ptr=out.value)
            table.warnings = diags.to_list()
            return table

    @classmethod
    def from_json(cls, text):
        """Load a spec from JSON text (str or bytes)."""
        data = _b(text)
        return cls._load("ddbgt_spec_load_string",
                         lambda out, d: lib.ddbgt_spec_load_string(out, data, len(data), 0, d))

    @classmethod
    def from_dict(cls, spec):
        return cls.from_json(json.dumps(spec))

    @classmethod
    def from_file(cls, path):
        return cls._load("ddbgt_spec_load_file",
                         lambda out, d: lib.ddbgt_spec_load_file(out, _b(os.fspath(path)), 0, d))

    @classmethod
    def load(cls, spec):
        """A spec from a dict or from a file path."""
        return cls.from_dict(spec) if isinstance(spec, dict) else cls.from_file(spec)

    def dumps(self, compact=False):
        """The canonical spec document as text; compact puts it on one line."""
        out = ctypes.c_void_p()
        flags = constant("DDBGT_SPEC_DUMP_COMPACT") if compact else 0
        _check(lib.ddbgt_spec_dump_string(ctypes.byref(out), self.handle, flags),
               "ddbgt_spec_dump_string")
        return _take_string(out)

    def to_dict(self):
        return json.loads(self.dumps())

    def dump(self, path, compact=False):
        """Replace the file at path with the document, atomically."""
        flags = constant("DDBGT_SPEC_DUMP_COMPACT") if compact else 0
        _check(lib.ddbgt_spec_dump_file(self.handle, _b(os.fspath(path)), flags),
               "ddbgt_spec_dump_file")

    def copy(self):
        out = ctypes.c_void_p()
        _check(lib.ddbgt_table_copy(ctypes.byref(out), self.handle), "ddbgt_table_copy")
        return Table(_ptr=out.value)

    # Building a model.
    @property
    def name(self):
        return _s(lib.ddbgt_table_name(self.handle))

    @name.setter
    def name(self, value):
        _check(lib.ddbgt_table_set_name(self.handle, _b(value)), "ddbgt_table_set_name")

    @property
    def billing_mode(self):
        return _enum_name("DDBGT_ENUM_BILLING_MODE", lib.ddbgt_table_billing_mode(self.handle))

    @billing_mode.setter
    def billing_mode(self, value):
        _check(lib.ddbgt_table_set_billing_mode(
            self.handle, _parse_enum("DDBGT_ENUM_BILLING_MODE", value)), "ddbgt_table_set_billing_mode")

    def set_partition_key(self, name, attr_type="S"):
        _check(lib.ddbgt_table_set_partition_key(
            self.handle, _b(name), _parse_enum("DDBGT_ENUM_ATTR_TYPE", attr_type)),
            "ddbgt_table_set_partition_key")

    def set_sort_key(self, name, attr_type="S"):
        _check(lib.ddbgt_table_set_sort_key(
            self.handle, _b(name), _parse_enum("DDBGT_ENUM_ATTR_TYPE", attr_type) if name else 0),
            "ddbgt_table_set_sort_key")

    @property
    def partition_key(self):
        name = _s(lib.ddbgt_table_partition_key_name(self.handle))
        return name and (name, _enum_name("DDBGT_ENUM_ATTR_TYPE",
                                          lib.ddbgt_table_partition_key_type(self.handle)))

    def set_tag(self, key, value):
        _check(lib.ddbgt_table_set_tag(self.handle, _b(key), _b(value)), "ddbgt_table_set_tag")

    @property
    def tags(self):
        h = self.handle
        return {_s(lib.ddbgt_table_tag_key(h, i)): _s(lib.ddbgt_table_tag_value(h, i))
                for i in range(lib.ddbgt_table_tag_count(h))}

    def add_replica(self, region, **settings):
        """Add a replica in region; settings are Replica properties (table_class, kms_key)."""
        out = ctypes.c_void_p()
        _check(lib.ddbgt_replica_new(ctypes.byref(out), _b(region)), "ddbgt_replica_new")
        loose = Replica(out.value)
        try:
            for k, v in settings.items():
                setattr(loose, k, v)
            _check(lib.ddbgt_table_add_replica(self.handle, loose.handle), "ddbgt_table_add_replica")
        except BaseException:
            loose.close()
            raise
        # The table owns it now: the wrapper must not free it.
        loose._finalizer.detach()
        return Replica(loose.handle.value, owned=False, parent=self)

    @property
    def replicas(self):
        h = self.handle
        return [Replica(lib.ddbgt_table_replica_at_mut(h, i), owned=False, parent=self)
                for i in range(lib.ddbgt_table_replica_count(h))]

    def remove_replica(self, region):
        _check(lib.ddbgt_table_remove_replica(self.handle, _b(region)), "ddbgt_table_remove_replica")

    # Validation (<ddbgt/validate.h>).
    def validate(self, no_info=False, adopt_existing=False, warnings_as_errors=False,
                 raise_on_error=False):
        """Every finding of the validator, as a list of dicts.

        Each dict has code, severity, path (a JSON Pointer into the spec),
        region (or None) and message. With raise_on_error a table with errors
        raises ValidationError, whose code and path are the first error's
        and whose diagnostics are every finding.
        """
        opts = _proto.ddbgt_validate_options()
        _check(lib.ddbgt_validate_options_init(ctypes.byref(opts),
                                               constant("DDBGT_VALIDATE_OPTIONS_VERSION")),
               "ddbgt_validate_options_init")
        for flag, on in (("DDBGT_VALIDATE_NO_INFO", no_info),
                         ("DDBGT_VALIDATE_ADOPT_EXISTING", adopt_existing),
                         ("DDBGT_VALIDATE_WARNINGS_AS_ERRORS", warnings_as_errors)):
            if on:
                opts.flags |= constant(flag)
        with Diagnostics() as diags:
            status = lib.ddbgt_table_validate(self.handle, ctypes.byref(opts), diags.handle)
            found = diags.to_list()
        if status == constant("DDBGT_EINVALID"):
            if raise_on_error:
                raise ValidationError(status, "ddbgt_table_validate", found)
        elif status < 0:
            raise DdbgtError(status, "ddbgt_table_validate", found)
        return found

    # Templates (<ddbgt/template.h>).
    @classmethod
    def from_template(cls, name=None, table_name=None, partition_key=None, partition_key_type=None,
                      sort_key=None, sort_key_type=None, regions=None, witness_region=None,
                      kms_keys=None):
        """A new table built by the template called name (default_template() for None).

        Parameters left None keep the template's own; sort_key="" drops the
        sort key. regions lists the home region first; kms_keys, for
        eu-residency, is parallel to it.
        """
        opts = _proto.ddbgt_template_options()
        _check(lib.ddbgt_template_options_init(ctypes.byref(opts),
                                               constant("DDBGT_TEMPLATE_OPTIONS_VERSION")),
               "ddbgt_template_options_init")
        # ctypes keeps no reference to what a structure's pointers point at.
        keep = [_b(table_name), _b(partition_key), _b(sort_key), _b(witness_region)]
        opts.table_name, opts.partition_key, opts.sort_key, opts.witness_region = keep
        if partition_key_type:
            opts.partition_key_type = _parse_enum("DDBGT_ENUM_ATTR_TYPE", partition_key_type)
        if sort_key_type:
            opts.sort_key_type = _parse_enum("DDBGT_ENUM_ATTR_TYPE", sort_key_type)
        for field, values in (("regions", regions), ("kms_keys", kms_keys)):
            if values:
                arr = (ctypes.c_char_p * len(values))(*[_b(v) for v in values])
                keep.append(arr)
                setattr(opts, field, ctypes.cast(arr, ctypes.POINTER(ctypes.c_char_p)))
        if regions:
            opts.region_count = len(regions)
        out = ctypes.c_void_p()
        _check(lib.ddbgt_template_build(ctypes.byref(out), _b(name or default_template()),
                                        ctypes.byref(opts)),
               "ddbgt_template_build(%r)" % (name or default_template()))
        return cls(_ptr=out.value)

    # Helpers that describe the table (<ddbgt/strategy.h>): each result is
    # independent of the table once computed.
    def topology(self):
        return Topology(self)

    def strategy(self):
        return Strategy(self)

    def features(self):
        return Features(self)

    def routing(self):
        return Routing(self)

    # Terraform and CloudFormation (<ddbgt/emit.h>) and cost (<ddbgt/cost.h>).
    _FORMATS = {"json": "DDBGT_EMIT_FORMAT_JSON", "yaml": "DDBGT_EMIT_FORMAT_YAML"}

    def emit(self, target="terraform", provider_version=None, resource_name=None, compact=False,
             no_import=False, default_tags=None, assume_role_arn=None, validated=False,
             format="json", parameters=False, stack_region=None):
        """The infrastructure-as-code document as text.

        target is "terraform", "terraform-legacy" or "cloudformation";
        format "yaml" (CloudFormation only) writes the template as YAML, and
        parameters=True gives it a TableNamePrefix parameter; stack_region
        (CloudFormation only) names another replica's region, whose companion
        template (that region's operations alarms and endpoint) is written
        instead of the table's.

        A table with errors raises DdbgtError (DDBGT_EINVALID) whose code, path
        and diagnostics say why (the validator's findings included); the
        emitter's own findings of a success are in self.warnings (the
        validator's come from validate()). validated=True says that
        validate() found no error, and the emit does not validate again.
        """
        opts = _proto.ddbgt_emit_options()
        _check(lib.ddbgt_emit_options_init(ctypes.byref(opts), constant("DDBGT_EMIT_OPTIONS_VERSION")),
               "ddbgt_emit_options_init")
        t = ctypes.c_int()
        _check(lib.ddbgt_emit_target_parse(_b(target), ctypes.byref(t)), "ddbgt_emit_target_parse")
        opts.target = t.value
        # The option strings must outlive the call: keep them referenced here.
        keep = [_b(provider_version), _b(resource_name), _b(assume_role_arn), _b(stack_region)]
        opts.provider_version, opts.resource_name, opts.assume_role_arn, opts.stack_region = keep
        opts.compact, opts.no_import = int(compact), int(no_import)
        opts.validated = int(validated)
        if format not in self._FORMATS:
            raise ValueError("format must be json or yaml, not %r" % (format,))
        opts.format = constant(self._FORMATS[format])
        opts.parameters = int(parameters)
        if default_tags:
            keys = (ctypes.c_char_p * len(default_tags))(*[_b(k) for k in default_tags])
            values = (ctypes.c_char_p * len(default_tags))(*[_b(v) for v in default_tags.values()])
            keep += [keys, values]
            opts.default_tag_count = len(default_tags)
            opts.default_tag_keys = ctypes.cast(keys, ctypes.POINTER(ctypes.c_char_p))
            opts.default_tag_values = ctypes.cast(values, ctypes.POINTER(ctypes.c_char_p))
        with Diagnostics() as diags:
            out = ctypes.c_void_p()
            _check(lib.ddbgt_emit_string(ctypes.byref(out), self.handle, ctypes.byref(opts),
                                         diags.handle), "ddbgt_emit_string", diags)
            self.warnings = diags.to_list()
            return _take_string(out)

    def cost(self, prices_file=None, free_tier=False, recommendations=True):
        """The monthly estimate as the library's JSON report, parsed into a dict.

        prices_file merges a price file over the built-in table. The findings
        (missing prices, an empty usage profile) are under "diagnostics".
        """
        opts = _proto.ddbgt_cost_options()
        _check(lib.ddbgt_cost_options_init(ctypes.byref(opts), constant("DDBGT_COST_OPTIONS_VERSION")),
               "ddbgt_cost_options_init")
        opts.apply_free_tier, opts.no_recommendations = int(free_tier), int(not recommendations)
        with Diagnostics() as diags, _Prices.load(prices_file, diags) as prices:
            opts.prices = prices.handle if prices else None
            out = ctypes.c_void_p()
            _check(lib.ddbgt_cost_estimate(ctypes.byref(out), self.handle, ctypes.byref(opts),
                                           diags.handle), "ddbgt_cost_estimate", diags)
            with _CostReport(out.value) as report:
                text = ctypes.c_void_p()
                _check(lib.ddbgt_cost_report_to_json(ctypes.byref(text), report.handle),
                       "ddbgt_cost_report_to_json")
                doc = json.loads(_take_string(text))
            doc["diagnostics"] = diags.to_list()
            return doc

    # Change safety (<ddbgt/diff.h>): this table is OLD.
    def diff(self, new, allow_replace=False):
        """The changes from this table to new and the plan, as the library's JSON, parsed.

        Each item has path, class ("in_place", "replica_add", "replica_remove",
        "replace", "refused", "rate_limited"), rule, region, old, new, reason,
        source and limit; "plan" lists the steps. The findings (replacements,
        refusals, rate limits, replicas) are under "diagnostics".
        """
        opts = _proto.ddbgt_diff_options()
        _check(lib.ddbgt_diff_options_init(ctypes.byref(opts), constant("DDBGT_DIFF_OPTIONS_VERSION")),
               "ddbgt_diff_options_init")
        opts.allow_replace = int(allow_replace)
        with Diagnostics() as diags:
            out = ctypes.c_void_p()
            _check(lib.ddbgt_diff(ctypes.byref(out), self.handle, new.handle, ctypes.byref(opts),
                                  diags.handle), "ddbgt_diff", diags)
            with _Changes(out.value) as changes:
                text = ctypes.c_void_p()
                _check(lib.ddbgt_changes_to_json(ctypes.byref(text), changes.handle),
                       "ddbgt_changes_to_json")
                doc = json.loads(_take_string(text))
            doc["diagnostics"] = diags.to_list()
            return doc


class _CostReport(_Handle):
    _free = lib.ddbgt_cost_report_free


class _Changes(_Handle):
    _free = lib.ddbgt_changes_free


class _Prices(_Handle):
    _free = lib.ddbgt_prices_free

    @classmethod
    def load(cls, path, diags):
        """The default prices with the file at path merged over them; a no-op without path."""
        if path is None:
            return cls(None, owned=False)
        base = ctypes.c_void_p()
        _check(lib.ddbgt_prices_default(ctypes.byref(base)), "ddbgt_prices_default")
        with cls(base.value) as merged:
            extra = ctypes.c_void_p()
            _check(lib.ddbgt_prices_load_file(ctypes.byref(extra), _b(os.fspath(path)),
                                              diags.handle), "ddbgt_prices_load_file", diags, SpecError)
            with cls(extra.value) as e:
                _check(lib.ddbgt_prices_merge(merged.handle, e.handle), "ddbgt_prices_merge")
            merged._finalizer.detach()
            return cls(merged.handle.value)

    def __bool__(self):
        return bool(self._ptr)


def _new_from_table(fn, table):
    out = ctypes.c_void_p()
    _check(getattr(lib, fn)(ctypes.byref(out), table.handle), fn)
    return out.value


def _json_of(fn, handle):
    out = ctypes.c_void_p()
    _check(getattr(lib, fn)(ctypes.byref(out), handle), fn)
    return json.loads(_take_string(out))


def _role_name(role):
    return _s(lib.ddbgt_member_role_name(role))


class Topology(_Handle):
    """The regions of a table in order: the primary first, the witness last."""

    _free = lib.ddbgt_topology_free

    def __init__(self, table):
        super().__init__(_new_from_table("ddbgt_topology_new", table))

    @property
    def region_count(self):
        return lib.ddbgt_topology_region_count(self.handle)

    @property
    def replica_count(self):
        return lib.ddbgt_topology_replica_count(self.handle)

    def __len__(self):
        return self.region_count

    def __getitem__(self, i):
        h = self.handle
        if not 0 <= i < len(self):
            raise IndexError(i)
        spec_index = lib.ddbgt_topology_spec_index_at(h, i)
        return {
            "region": _s(lib.ddbgt_topology_region_at(h, i)),
            "role": _role_name(lib.ddbgt_topology_role_at(h, i)),
            "spec_index": None if spec_index < 0 else spec_index,
            "table_class": _enum_name("DDBGT_ENUM_TABLE_CLASS",
                                      lib.ddbgt_topology_table_class_at(h, i)),
            "geography": _s(lib.ddbgt_topology_geography_at(h, i)),
        }

    @property
    def members(self):
        return [self[i] for i in range(len(self))]

    def to_dict(self):
        """The library's JSON rendering, parsed."""
        return _json_of("ddbgt_topology_to_json", self.handle)


class Strategy(_Handle):
    """Which multi-region strategy a table implements, why, and its DR profile."""

    _free = lib.ddbgt_strategy_free

    def __init__(self, table):
        super().__init__(_new_from_table("ddbgt_strategy_identify", table))

    @property
    def kind(self):
        """The kind by name: "active-active", "primary-standby-cold", ..."""
        return _s(lib.ddbgt_strategy_kind_name(lib.ddbgt_strategy_pattern(self.handle)))

    @property
    def summary(self):
        return _s(lib.ddbgt_strategy_summary(self.handle))

    @property
    def reasons(self):
        h = self.handle
        return [_s(lib.ddbgt_strategy_reason_at(h, i))
                for i in range(lib.ddbgt_strategy_reason_count(h))]

    @property
    def disaster_recovery(self):
        h = self.handle
        return {"class": _s(lib.ddbgt_strategy_dr_class(h)), "rpo": _s(lib.ddbgt_strategy_rpo(h)),
                "rto": _s(lib.ddbgt_strategy_rto(h)), "source": _s(lib.ddbgt_strategy_dr_source(h))}

    def to_dict(self):
        return _json_of("ddbgt_strategy_to_json", self.handle)


def _coverage_name(value):
    return _s(lib.ddbgt_coverage_name(value))


class Features(_Handle):
    """The features a table uses: flags by name, and the settings behind them."""

    _free = lib.ddbgt_features_free

    def __init__(self, table):
        super().__init__(_new_from_table("ddbgt_features_detect", table))

    @property
    def flags(self):
        return lib.ddbgt_features_flags(self.handle)

    @property
    def names(self):
        """The names of the features present ("stream", "pitr_all", ...), in bit order."""
        flags = self.flags
        return [_s(lib.ddbgt_feature_name(1 << b)) for b in range(32) if flags & (1 << b)]

    def has(self, feature):
        """Whether a feature (a name such as "stream", or DDBGT_FEATURE_* bits) is present."""
        if isinstance(feature, str):
            feature = constant("DDBGT_FEATURE_" + feature.upper())
        return bool(lib.ddbgt_features_has(self.handle, feature))

    @property
    def stream_view(self):
        return _enum_name("DDBGT_ENUM_STREAM_VIEW", lib.ddbgt_features_stream_view(self.handle))

    @property
    def encryption(self):
        return _enum_name("DDBGT_ENUM_ENCRYPTION", lib.ddbgt_features_encryption(self.handle))

    @property
    def pitr(self):
        return _coverage_name(lib.ddbgt_features_pitr(self.handle))

    @property
    def deletion_protection(self):
        return _coverage_name(lib.ddbgt_features_deletion_protection(self.handle))

    @property
    def standard_ia(self):
        return _coverage_name(lib.ddbgt_features_standard_ia(self.handle))

    @property
    def gsi_count(self):
        return lib.ddbgt_features_gsi_count(self.handle)

    @property
    def lsi_count(self):
        return lib.ddbgt_features_lsi_count(self.handle)

    @property
    def ttl_attribute(self):
        return _s(lib.ddbgt_features_ttl_attribute(self.handle))

    def to_dict(self):
        return _json_of("ddbgt_features_to_json", self.handle)


class Routing(_Handle):
    """Per replica, in failover order, what an application needs to route to it."""

    _free = lib.ddbgt_routing_free

    def __init__(self, table):
        super().__init__(_new_from_table("ddbgt_routing_new", table))

    def __len__(self):
        return lib.ddbgt_routing_count(self.handle)

    def __getitem__(self, i):
        h = self.handle
        if not 0 <= i < len(self):
            raise IndexError(i)
        distance = lib.ddbgt_routing_distance_km_at(h, i)
        return {
            "region": _s(lib.ddbgt_routing_region_at(h, i)),
            "role": _role_name(lib.ddbgt_routing_role_at(h, i)),
            "serves_traffic": bool(lib.ddbgt_routing_serves_traffic_at(h, i)),
            "partition": _s(lib.ddbgt_routing_partition_at(h, i)),
            "endpoint": _s(lib.ddbgt_routing_endpoint_at(h, i)),
            "table_arn": _s(lib.ddbgt_routing_table_arn_at(h, i)),
            "stream_arn": _s(lib.ddbgt_routing_stream_arn_at(h, i)),
            "distance_km": None if distance < 0 else distance,
        }

    @property
    def entries(self):
        return [self[i] for i in range(len(self))]

    @property
    def witness(self):
        return _s(lib.ddbgt_routing_witness(self.handle))

    def to_dict(self):
        return _json_of("ddbgt_routing_to_json", self.handle)


# The template catalogue (<ddbgt/template.h>).
def default_template():
    """The template `ddbgt plan` uses when it is given no spec."""
    return _s(lib.ddbgt_template_default_name())


def templates():
    """Every template as a dict (name, description, usage), in catalogue order."""
    return [{"name": _s(lib.ddbgt_template_name(i)),
             "description": _s(lib.ddbgt_template_description(i)),
             "usage": _s(lib.ddbgt_template_usage_summary(i))}
            for i in range(lib.ddbgt_template_count())]


def code_info(code):
    """The catalogue entry of a code (name or number) as a dict; KeyError if unknown."""
    if isinstance(code, str):
        code = lib.ddbgt_code_from_name(_b(code))
    name = _s(lib.ddbgt_code_name(code))
    if name is None:
        raise KeyError(code)
    return {
        "number": code,
        "code": name,
        "severity": _enum_name("DDBGT_ENUM_SEVERITY", lib.ddbgt_code_severity(code)),
        "summary": _s(lib.ddbgt_code_summary(code)),
        "hint": _s(lib.ddbgt_code_hint(code)),
        "source": _s(lib.ddbgt_code_source(code)),
    }


def codes():
    """The whole diagnostic catalogue, in numeric order."""
    return [code_info(lib.ddbgt_code_at(i)) for i in range(lib.ddbgt_code_count())]


# The region catalogue (<ddbgt/region.h>).
def _region_dict(r):
    return {
        "code": _s(lib.ddbgt_region_code(r)),
        "name": _s(lib.ddbgt_region_name(r)),
        "city": _s(lib.ddbgt_region_city(r)),
        "partition": _s(lib.ddbgt_region_partition(r)),
        "geography": _s(lib.ddbgt_region_geography(r)),
        "jurisdiction": _s(lib.ddbgt_region_jurisdiction(r)),
        "country": _s(lib.ddbgt_region_country(r)),
        "strong_consistency_set": _s(lib.ddbgt_region_strong_consistency_set(r)),
        "opt_in": bool(lib.ddbgt_region_is_opt_in(r)),
        "supports_legacy": bool(lib.ddbgt_region_supports_legacy(r)),
        "verified": bool(lib.ddbgt_region_is_verified(r)),
        "latitude": lib.ddbgt_region_latitude(r),
        "longitude": lib.ddbgt_region_longitude(r),
    }


def regions():
    """Every catalogue region as a dict, in catalogue order."""
    return [_region_dict(lib.ddbgt_region_at(i)) for i in range(lib.ddbgt_region_count())]


def region(code):
    """One region by code ("eu-west-1"); KeyError if the catalogue lacks it."""
    r = lib.ddbgt_region_find(_b(code))
    if not r:
        raise KeyError(code)
    return _region_dict(r)


def regions_json():
    """The library's JSON rendering of the catalogue, parsed."""
    out = ctypes.c_void_p()
    _check(lib.ddbgt_regions_to_json(ctypes.byref(out)), "ddbgt_regions_to_json")
    return json.loads(_take_string(out))


class RegionQuery(_Handle):
    """A region selection request: weighted users, a count and constraints.

    Setters raise DdbgtError whose message ends with the query's own reason;
    run() gives a RegionSelection and leaves the query unchanged.
    """

    _free = lib.ddbgt_region_query_free

    def __init__(self):
        out = ctypes.c_void_p()
        _check(lib.ddbgt_region_query_new(ctypes.byref(out)), "ddbgt_region_query_new")
        super().__init__(out.value)

    def _call(self, fn, *args, out=None):
        h = self.handle
        status = getattr(lib, fn)(out, h) if out is not None else getattr(lib, fn)(h, *args)
        if status < 0:
            e = DdbgtError(status, fn)
            reason = _s(lib.ddbgt_region_query_message(h))
            if reason:
                e.args = ("%s: %s" % (e.args[0], reason),)
            raise e
        return status

    def add_location(self, latitude, longitude, weight=1.0):
        self._call("ddbgt_region_query_add_location", latitude, longitude, weight)
        return self

    def add_geography(self, geography, weight=1.0):
        self._call("ddbgt_region_query_add_geography", _b(geography), weight)
        return self

    def set_count(self, count):
        self._call("ddbgt_region_query_set_count", count)
        return self

    def add_jurisdiction(self, jurisdiction):
        self._call("ddbgt_region_query_add_jurisdiction", _b(jurisdiction))
        return self

    def add_allowed_region(self, code):
        self._call("ddbgt_region_query_add_allowed_region", _b(code))
        return self

    def set_strong_consistency_set(self, name):
        self._call("ddbgt_region_query_set_strong_consistency_set", _b(name))
        return self

    def set_partition(self, partition):
        self._call("ddbgt_region_query_set_partition", _b(partition))
        return self

    def set_include_opt_in(self, include):
        self._call("ddbgt_region_query_set_include_opt_in", int(include))
        return self

    def set_include_unverified(self, include):
        self._call("ddbgt_region_query_set_include_unverified", int(include))
        return self

    def run(self):
        out = ctypes.c_void_p()
        self._call("ddbgt_region_query_run", out=ctypes.byref(out))
        return RegionSelection(out.value)


class RegionSelection(_Handle):
    """The regions a RegionQuery proposed, in pick order."""

    _free = lib.ddbgt_region_selection_free

    def __len__(self):
        return lib.ddbgt_region_selection_count(self.handle)

    def __getitem__(self, i):
        h = self.handle
        if not 0 <= i < len(self):
            raise IndexError(i)
        d = _region_dict(lib.ddbgt_region_selection_at(h, i))
        d["served_distance_km"] = lib.ddbgt_region_selection_distance_km(h, i)
        d["served_weight"] = lib.ddbgt_region_selection_weight(h, i)
        return d

    @property
    def codes(self):
        h = self.handle
        return [_s(lib.ddbgt_region_code(lib.ddbgt_region_selection_at(h, i)))
                for i in range(len(self))]

    @property
    def mean_distance_km(self):
        return lib.ddbgt_region_selection_mean_distance_km(self.handle)

    def to_dict(self):
        return _json_of("ddbgt_region_selection_to_json", self.handle)


def select_regions(count, locations=(), geographies=None, jurisdictions=(), allowed=(),
                   strong_consistency_set=None, partition=None, include_opt_in=False,
                   include_unverified=False):
    """The regions nearest to weighted users under constraints, as codes in pick order.

    locations: (latitude, longitude, weight) tuples; geographies: {"EU": weight}.
    A refusal raises DdbgtError whose message is the query's own explanation.
    RegionQuery gives the distances and shares as well.
    """
    with RegionQuery() as q:
        for lat, lon, weight in locations:
            q.add_location(lat, lon, weight)
        for geo, weight in (geographies or {}).items():
            q.add_geography(geo, weight)
        for j in jurisdictions:
            q.add_jurisdiction(j)
        for code in allowed:
            q.add_allowed_region(code)
        if strong_consistency_set:
            q.set_strong_consistency_set(strong_consistency_set)
        if partition:
            q.set_partition(partition)
        q.set_include_opt_in(include_opt_in).set_include_unverified(include_unverified)
        q.set_count(count)
        with q.run() as s:
            return s.codes

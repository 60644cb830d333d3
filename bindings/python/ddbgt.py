"""libddbgt from Python, through ctypes and the standard library only.

Two layers:

* ``lib``: the shared library with ``restype``/``argtypes`` set on every
  exported function, from the table that doc/apigen.py derives from the public
  headers (``_ddbgt_prototypes``). Handles are ``c_void_p`` (full 64-bit
  pointers); strings the library allocates come back as ``c_void_p`` so that
  they can be handed to ``ddbgt_free``.
* A Pythonic layer: ``Table`` (load and dump specs, build a model),
  ``Diagnostics``, the code catalogue, the region catalogue and region
  selection, and ``DdbgtError`` carrying the status,
  the diagnostic code and the JSON Pointer path. Objects that own a handle
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

__all__ = ["lib", "DdbgtError", "SpecError", "Diagnostics", "Table", "Replica", "version",
           "strerror", "status_name", "codes", "code_info", "constant", "regions", "region",
           "regions_json", "select_regions"]


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
                         lambda out, d: lib.ddbgt_spec_load_string(out, data, len(data), d))

    @classmethod
    def from_dict(cls, spec):
        return cls.from_json(json.dumps(spec))

    @classmethod
    def from_file(cls, path):
        return cls._load("ddbgt_spec_load_file",
                         lambda out, d: lib.ddbgt_spec_load_file(out, _b(os.fspath(path)), d))

    @classmethod
    def load(cls, spec):
        """A spec from a dict or from a file path."""
        return cls.from_dict(spec) if isinstance(spec, dict) else cls.from_file(spec)

    def dumps(self):
        """The canonical spec document as text."""
        out = ctypes.c_void_p()
        _check(lib.ddbgt_spec_dump_string(ctypes.byref(out), self.handle), "ddbgt_spec_dump_string")
        return _take_string(out)

    def to_dict(self):
        return json.loads(self.dumps())

    def dump(self, path):
        _check(lib.ddbgt_spec_dump_file(self.handle, _b(os.fspath(path))), "ddbgt_spec_dump_file")

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
        return [Replica(lib.ddbgt_table_replica_at(h, i), owned=False, parent=self)
                for i in range(lib.ddbgt_table_replica_count(h))]

    def remove_replica(self, region):
        _check(lib.ddbgt_table_remove_replica(self.handle, _b(region)), "ddbgt_table_remove_replica")

    # Terraform (<ddbgt/emit.h>) and cost (<ddbgt/cost.h>).
    def emit(self, target="terraform", provider_version=None, resource_name=None, compact=False,
             no_import=False, default_tags=None, assume_role_arn=None):
        """The infrastructure-as-code document as text.

        A table with errors raises DdbgtError (DDBGT_EINVALID) whose code, path
        and diagnostics say why; the findings of a success are in self.warnings.
        """
        opts = _proto.ddbgt_emit_options()
        _check(lib.ddbgt_emit_options_init(ctypes.byref(opts), constant("DDBGT_EMIT_OPTIONS_VERSION")),
               "ddbgt_emit_options_init")
        t = ctypes.c_int()
        _check(lib.ddbgt_emit_target_parse(_b(target), ctypes.byref(t)), "ddbgt_emit_target_parse")
        opts.target = t.value
        # The option strings must outlive the call: keep them referenced here.
        keep = [_b(provider_version), _b(resource_name), _b(assume_role_arn)]
        opts.provider_version, opts.resource_name, opts.assume_role_arn = keep
        opts.compact, opts.no_import = int(compact), int(no_import)
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
        opts.apply_free_tier, opts.recommendations = int(free_tier), int(recommendations)
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


class _CostReport(_Handle):
    _free = lib.ddbgt_cost_report_free


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


class _RegionQuery(_Handle):
    _free = lib.ddbgt_region_query_free


class _RegionSelection(_Handle):
    _free = lib.ddbgt_region_selection_free


def select_regions(count, locations=(), geographies=None, jurisdictions=(), allowed=(),
                   strong_consistency_set=None, partition=None, include_opt_in=False,
                   include_unverified=False):
    """The regions nearest to weighted users under constraints, as codes in pick order.

    locations: (latitude, longitude, weight) tuples; geographies: {"EU": weight}.
    A refusal raises DdbgtError whose message is the query's own explanation.
    """
    out = ctypes.c_void_p()
    _check(lib.ddbgt_region_query_new(ctypes.byref(out)), "ddbgt_region_query_new")
    with _RegionQuery(out.value) as q:
        h = q.handle

        def call(fn, *args):
            status = getattr(lib, fn)(h, *args)
            if status < 0:
                e = DdbgtError(status, fn)
                e.args = ("%s: %s" % (e.args[0], _s(lib.ddbgt_region_query_message(h))),)
                raise e

        for lat, lon, weight in locations:
            call("ddbgt_region_query_add_location", lat, lon, weight)
        for geo, weight in (geographies or {}).items():
            call("ddbgt_region_query_add_geography", _b(geo), weight)
        for j in jurisdictions:
            call("ddbgt_region_query_add_jurisdiction", _b(j))
        for code in allowed:
            call("ddbgt_region_query_add_allowed_region", _b(code))
        if strong_consistency_set:
            call("ddbgt_region_query_set_strong_consistency_set", _b(strong_consistency_set))
        if partition:
            call("ddbgt_region_query_set_partition", _b(partition))
        call("ddbgt_region_query_set_include_opt_in", int(include_opt_in))
        call("ddbgt_region_query_set_include_unverified", int(include_unverified))
        call("ddbgt_region_query_set_count", count)
        sel = ctypes.c_void_p()
        status = lib.ddbgt_region_query_run(ctypes.byref(sel), h)
        if status < 0:
            e = DdbgtError(status, "ddbgt_region_query_run")
            e.args = ("%s: %s" % (e.args[0], _s(lib.ddbgt_region_query_message(h))),)
            raise e
        with _RegionSelection(sel.value) as s:
            return [_s(lib.ddbgt_region_code(lib.ddbgt_region_selection_at(s.handle, i)))
                    for i in range(lib.ddbgt_region_selection_count(s.handle))]

#!/usr/bin/env python3
"""Read the public headers and write what is derived from them.

The comment right above a declaration (or a run of declarations with no
blank line between them) is its documentation. From that one source this
script writes the man3 pages (one page per header, a link page per function
and type name), doc/api.md, and the ctypes prototype table of the Python
binding. Anything it cannot map (a union, a varargs function, a parameter
type ctypes has no rule for) stops the build with the header and line, so
that a new public function is either covered or fails loudly.

Usage: apigen.py --version V --headers-dir DIR [--umbrella FILE]
                 [--man DIR] [--markdown FILE] [--python FILE] HEADER...
"""
import argparse
import os
import re
import sys


class ApiError(Exception):
    pass


class Decl:
    """One declaration: a function, a type, a macro or something else."""

    def __init__(self, kind, name, text, line):
        self.kind = kind          # function, opaque, struct, enum, funcptr, define, other
        self.name = name
        self.text = text          # the source, comments inside braces kept
        self.line = line
        self.ret = None           # functions: return type
        self.params = []          # functions: [(type, name)]
        self.fields = []          # structs: [(type, name)]


class Group:
    """Declarations with the comment that documents them (doc may be None)."""

    def __init__(self, doc):
        self.doc = doc
        self.decls = []


class Header:
    def __init__(self, path, rel):
        self.path = path
        self.rel = rel            # "ddbgt/table.h"
        self.stem = os.path.splitext(os.path.basename(path))[0]
        self.intro = None
        self.groups = []
        self.notes = []

    @property
    def page(self):
        return "libddbgt-" + self.stem

    def functions(self):
        return [d for g in self.groups for d in g.decls if d.kind == "function"]


def comment_text(raw):
    """The prose of a /* ... */ comment, paragraphs separated by blank lines."""
    body = raw[2:-2]
    lines = []
    for line in body.split("\n"):
        line = line.strip()
        if line.startswith("*"):
            line = line[1:]
            if line.startswith(" "):
                line = line[1:]
        lines.append(line.rstrip())
    return "\n".join(lines).strip("\n")


def strip_comments(s):
    return re.sub(r"/\*.*?\*/", " ", s, flags=re.S)


def squash(s):
    return re.sub(r"\s+", " ", strip_comments(s)).strip()


def split_params(s):
    s = s.strip()
    if s in ("", "void"):
        return []
    return [p.strip() for p in s.split(",")]


def split_type_name(p, where):
    """'const char *name' -> ('const char *', 'name')."""
    m = re.match(r"^(.*?[\s*])([A-Za-z_]\w*)$", p)
    if not m:
        raise ApiError("%s: cannot read the parameter '%s'" % (where, p))
    return re.sub(r"\s+", " ", m.group(1)).strip().replace(" *", "*").replace("* ", "*"), m.group(2)


def parse_function(d, where):
    text = squash(d.text)
    m = re.match(r"^DDBGT_API\s+(.*?)\b(ddbgt_\w+)\s*\((.*)\)\s*;$", text)
    if not m:
        raise ApiError("%s: cannot read the declaration '%s'" % (where, text))
    d.name = m.group(2)
    d.ret = re.sub(r"\s+", " ", m.group(1)).strip().replace(" *", "*")
    if "..." in m.group(3):
        raise ApiError("%s: %s is variadic; ctypes and cgo cannot call it" % (where, d.name))
    if "(" in m.group(3):
        raise ApiError("%s: %s takes a function pointer; use a typedef" % (where, d.name))
    d.params = [split_type_name(p, where) for p in split_params(m.group(3))]


def parse_struct_fields(d, body, where):
    for f in strip_comments(body).split(";"):
        f = re.sub(r"\s+", " ", f).strip()
        if not f:
            continue
        if re.search(r"[\[\]:(]|\bunion\b|\bstruct\s+\w+\s*\{", f):
            raise ApiError("%s: field '%s' of %s: arrays, bit-fields, unions and nested "
                           "structs cannot be mirrored by ctypes and cgo" % (where, f, d.name))
        d.fields.append(split_type_name(f, where))


def classify(text, line, where):
    flat = squash(text)
    if flat.startswith("DDBGT_API"):
        d = Decl("function", None, text, line)
        parse_function(d, where)
        return d
    m = re.match(r"^typedef struct (\w+) (\w+);$", flat)
    if m:
        return Decl("opaque", m.group(2), text, line)
    m = re.match(r"^typedef (struct|enum|union) (\w+)? ?\{(.*)\} (\w+);$", strip_comments(text).replace("\n", " "), re.S)
    if m:
        if m.group(1) == "union":
            raise ApiError("%s: union %s in the public API" % (where, m.group(4)))
        d = Decl(m.group(1), m.group(4), text, line)
        if m.group(1) == "struct":
            parse_struct_fields(d, m.group(3), where)
        return d
    m = re.match(r"^typedef .*\(\s*\*\s*(\w+)\s*\)\s*\(.*\);$", flat)
    if m:
        return Decl("funcptr", m.group(1), text, line)
    m = re.match(r"^struct (\w+);$", flat)
    if m:
        return Decl("opaque", "struct " + m.group(1), text, line)
    return Decl("other", None, text, line)


def parse_header(path, rel):
    h = Header(path, rel)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    # Drop the extern "C" wrapper and the include guard: they are not API.
    out = []
    depth_cpp = 0
    for ln in lines:
        s = ln.strip()
        if depth_cpp:
            if s.startswith("#if"):
                depth_cpp += 1
            elif s.startswith("#endif"):
                depth_cpp -= 1
            out.append("")
            continue
        if s == "#ifdef __cplusplus":
            depth_cpp = 1
            out.append("")
            continue
        out.append(ln)
    src = "\n".join(out)
    where = lambda ln: "%s:%d" % (rel, ln)

    pos, n, lineno = 0, len(src), 1
    pending = None          # (comment text, line) directly above the next code
    group = None            # the group a following declaration joins
    blank_run = False

    def advance(k):
        nonlocal pos, lineno
        lineno += src.count("\n", pos, k)
        pos = k

    while pos < n:
        c = src[pos]
        if c == "\n":
            # Two newlines with only blanks between end a group.
            nl = src.find("\n", pos + 1)
            seg = src[pos + 1:nl if nl >= 0 else n]
            advance(pos + 1)
            if seg.strip() == "":
                if pending is not None:
                    if h.intro is None and not h.groups:
                        h.intro = pending[0]
                    else:
                        h.notes.append(pending[0])
                    pending = None
                group = None
            continue
        if c in " \t":
            advance(pos + 1)
            continue
        if src.startswith("/*", pos):
            end = src.find("*/", pos)
            if end < 0:
                raise ApiError("%s: unterminated comment" % where(lineno))
            text = comment_text(src[pos:end + 2])
            if h.intro is None and not h.groups and pending is None and lineno <= 3:
                h.intro = text
            else:
                pending = (text, lineno)
                group = None
            advance(end + 2)
            continue
        if c == "#":
            end = pos
            while True:
                nl = src.find("\n", end)
                if nl < 0:
                    nl = n
                if src[end:nl].rstrip().endswith("\\"):
                    end = nl + 1
                    continue
                break
            text = src[pos:nl]
            m = re.match(r"#\s*define\s+(DDBGT_\w+)", text)
            if m and m.group(1) != "DDBGT_API" and not m.group(1).endswith("_H"):
                d = Decl("define", m.group(1), text, lineno)
                if pending is not None:
                    group = Group(pending[0])
                    h.groups.append(group)
                    pending = None
                elif group is None:
                    group = Group(None)
                    h.groups.append(group)
                group.decls.append(d)
            advance(nl)
            continue
        # A statement: up to the ';' at brace depth 0, comments skipped.
        k, depth = pos, 0
        while k < n:
            if src.startswith("/*", k):
                k = src.find("*/", k) + 2
                continue
            ch = src[k]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == ";" and depth == 0:
                break
            k += 1
        if k >= n:
            raise ApiError("%s: statement without ';'" % where(lineno))
        # A trailing comment on the same line belongs to the statement.
        eol = src.find("\n", k)
        eol = n if eol < 0 else eol
        tail = src[k + 1:eol].strip()
        stop = eol if tail.startswith("/*") and tail.endswith("*/") else k + 1
        text = src[pos:stop]
        d = classify(text, lineno, where(lineno))
        if pending is not None:
            group = Group(pending[0])
            h.groups.append(group)
            pending = None
        elif group is None:
            group = Group(None)
            h.groups.append(group)
        group.decls.append(d)
        advance(stop)
    return h


# ---- ctypes prototypes ------------------------------------------------------

SCALARS = {
    "int": "c_int", "unsigned": "c_uint", "unsigned int": "c_uint",
    "size_t": "c_size_t", "double": "c_double", "float": "c_float",
    "int8_t": "c_int8", "uint8_t": "c_uint8", "int16_t": "c_int16", "uint16_t": "c_uint16",
    "int32_t": "c_int32", "uint32_t": "c_uint32", "int64_t": "c_int64", "uint64_t": "c_uint64",
    "char": "c_char", "void": "None", "long": "c_long", "unsigned long": "c_ulong",
    "long long": "c_longlong", "unsigned long long": "c_ulonglong", "_Bool": "c_bool",
    "bool": "c_bool", "short": "c_short", "unsigned short": "c_ushort",
}


class TypeMap:
    def __init__(self, headers):
        self.enums, self.opaque, self.structs, self.funcptrs = set(), set(), set(), set()
        for h in headers:
            for g in h.groups:
                for d in g.decls:
                    if d.kind == "enum":
                        self.enums.add(d.name)
                    elif d.kind == "opaque":
                        self.opaque.add(d.name)
                    elif d.kind == "struct":
                        self.structs.add(d.name)
                    elif d.kind == "funcptr":
                        self.funcptrs.add(d.name)

    def ctype(self, t, where, returned=False):
        """A ctypes expression for the C type t."""
        base = t.replace("const ", "").replace("const*", "*").strip()
        base = re.sub(r"\s*\*", "*", base)
        stars = base.count("*")
        core = base.replace("*", "").strip()
        if core.startswith("struct ") and core not in self.opaque:
            core = core[len("struct "):]
        if core == "char" and stars == 1:
            # Returned non-const strings are the caller's: keep the pointer
            # to hand it to ddbgt_free (c_char_p would drop it).
            if returned and not t.startswith("const"):
                return "c_void_p"
            return "c_char_p"
        if core == "char" and stars == 2:
            # const char ** / const char *const *: arrays of strings in;
            # char **: a string out that the caller frees.
            return "POINTER(c_char_p)" if t.startswith("const") else "POINTER(c_void_p)"
        if core in self.opaque or core in ("void", "FILE") and stars >= 1 or core in self.funcptrs:
            inner = "c_void_p"
            extra = stars - (0 if core in self.funcptrs else 1)
        elif core in self.enums:
            inner, extra = "c_int", stars
        elif core in self.structs:
            inner, extra = core, stars
        elif core in SCALARS:
            inner, extra = SCALARS[core], stars
        else:
            raise ApiError("%s: no ctypes rule for the type '%s'" % (where, t))
        for _ in range(extra):
            inner = "POINTER(%s)" % inner
        return inner


def int_value(expr, where):
    """The value of an integer constant expression of a header: 42, -1, 0x4u, (1 << 3)."""
    e = re.sub(r"(?<=[0-9a-fA-F])[uU]\b", "", expr.strip())
    if not re.fullmatch(r"[-()\s0-9xXa-fA-F<|]+", e):
        raise ApiError("%s: cannot evaluate the constant expression '%s'" % (where, expr.strip()))
    try:
        return int(eval(e, {"__builtins__": {}}))
    except (SyntaxError, ValueError, TypeError) as err:
        raise ApiError("%s: cannot evaluate '%s': %s" % (where, expr.strip(), err))


def write_python(headers, path, version):
    tm = TypeMap(headers)
    out = ["# Generated by doc/apigen.py from the public headers of libddbgt %s." % version,
           "# Do not edit: rebuild instead.",
           "from ctypes import (POINTER, Structure, c_bool, c_char, c_char_p, c_double, c_float,",
           "                    c_int, c_int8, c_int16, c_int32, c_int64, c_long, c_longlong,",
           "                    c_short, c_size_t, c_uint, c_uint8, c_uint16, c_uint32, c_uint64,",
           "                    c_ulong, c_ulonglong, c_ushort, c_void_p)", "", ""]
    structs, protos, enums = [], [], []
    for h in headers:
        for g in h.groups:
            for d in g.decls:
                where = "%s:%d" % (h.rel, d.line)
                if d.kind == "struct":
                    fields = ["    (%r, %s)," % (n, tm.ctype(t, where)) for t, n in d.fields]
                    structs += ["class %s(Structure):" % d.name, "    _fields_ = ["]
                    structs += ["    " + f for f in fields] + ["    ]", "", ""]
                elif d.kind == "function":
                    args = ", ".join(tm.ctype(t, where) for t, _ in d.params)
                    protos.append("    %r: (%s, [%s])," % (d.name, tm.ctype(d.ret, where, True), args))
                elif d.kind == "enum":
                    body = strip_comments(d.text)
                    body = body[body.index("{") + 1:body.rindex("}")]
                    for m in re.finditer(r"(DDBGT_\w+)\s*=\s*([^,]+)", body):
                        enums.append("    %r: %d," % (m.group(1), int_value(m.group(2), where)))
    out += structs
    out += ["# name: (restype, argtypes) of every exported function.", "PROTOTYPES = {"]
    out += protos + ["}", "", "# Every enumeration constant and integer macro of the public headers.", "CONSTANTS = {"]
    for h in headers:
        for g in h.groups:
            for d in g.decls:
                m = re.match(r"#\s*define\s+(DDBGT_\w+)\s+(\(?-?(?:0[xX][0-9a-fA-F]+|\d+)u?\)?)\s*$",
                             d.text.strip()) if d.kind == "define" else None
                if m:
                    enums.append("    %r: %d," % (m.group(1), int_value(m.group(2), h.rel)))
    out += enums + ["}", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


# ---- man pages --------------------------------------------------------------

def display(decls):
    """The declarations as a reader wants them: without the export macro."""
    out = []
    for d in decls:
        text = d.text.strip()
        if text.startswith("DDBGT_API "):
            lines = text.split("\n")
            lines[0] = lines[0][len("DDBGT_API "):]
            # Continuation lines were aligned under the '(' of the first.
            lines[1:] = [ln[10:] if ln.startswith(" " * 10) else ln for ln in lines[1:]]
            text = "\n".join(lines)
        out.append(text)
    return "\n".join(out)


def roff_text(s):
    out = []
    for para in re.split(r"\n\s*\n", s.strip()):
        lines = []
        for ln in para.split("\n"):
            ln = ln.replace("\\", "\\e").strip()
            if not ln:
                continue
            if ln[0] in ".'":
                ln = "\\&" + ln
            lines.append(ln)
        out.append("\n".join(lines))
    return "\n.PP\n".join(out)


def roff_code(s):
    out = []
    for ln in s.split("\n"):
        ln = ln.replace("\\", "\\e").replace("-", "\\-").replace("\t", "        ")
        if ln[:1] in (".", "'"):
            ln = "\\&" + ln
        out.append(ln)
    return "\n".join(out)


def summary(text):
    """'libddbgt: the table, the root of the model.' -> 'the table, the root of the model'."""
    first = (text or "").strip().split("\n\n")[0].replace("\n", " ")
    first = re.sub(r"^libddbgt:\s*", "", first)
    m = re.match(r"(.+?)\.(\s|$)", first)
    return (m.group(1) if m else first).strip()


def body_paragraphs(text):
    parts = (text or "").strip().split("\n\n")
    if parts and parts[0].startswith("libddbgt:"):
        parts = parts[1:]
    return "\n\n".join(parts)


def man_header(name, section, version):
    return ['.\\" Generated by doc/apigen.py from the public headers. Do not edit.',
            '.TH %s %s "" "libddbgt %s" "libddbgt Manual"' % (name.upper().replace("-", "\\-"),
                                                            section, version),
            ".nh", ".ad l"]


COMMON_RETURN = (
    "Functions that return int give 0 (DDBGT_OK) on success and a negative ddbgt_status "
    "on failure, named by ddbgt_strerror(3) and ddbgt_status_name(3); their **out results "
    "are NULL on failure. Getters that return a value give NULL or 0 for NULL or "
    "out-of-range arguments. Strings returned as const char * belong to their object and "
    "live until it is freed or changed; strings the caller must free are said so above "
    "and are freed with ddbgt_free(3).")


def write_header_page(h, mandir, version, all_pages):
    names = [d.name for g in h.groups for d in g.decls if d.kind == "function"]
    lines = man_header(h.page, 3, version)
    lines += [".SH NAME", ", ".join([h.page] + names).replace("-", "\\-") +
              " \\- " + roff_text(summary(h.intro))]
    lines += [".SH SYNOPSIS", ".nf", ".B #include <ddbgt.h>", ".PP",
              "Link with \\fIpkg\\-config \\-\\-cflags \\-\\-libs ddbgt\\fP.", ".fi"]
    lines += [".SH DESCRIPTION"]
    intro = body_paragraphs(h.intro)
    if intro:
        lines.append(roff_text(intro))
    for note in h.notes:
        lines += [".PP", roff_text(note)]
    for g in h.groups:
        lines += [".PP", ".nf", ".ft B", roff_code(display(g.decls)),
                  ".ft R", ".fi"]
        if g.doc:
            lines += [".RS 4", roff_text(g.doc), ".RE"]
    if names:
        lines += [".SH RETURN VALUE", roff_text(COMMON_RETURN)]
    others = sorted(p for p in all_pages if p != h.page)
    lines += [".SH SEE ALSO", ",\n".join(".BR %s (3)" % p.replace("-", "\\-") for p in
                                         ["libddbgt"] + others), ""]
    with open(os.path.join(mandir, h.page + ".3"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def write_index_page(headers, umbrella_intro, mandir, version):
    lines = man_header("libddbgt", 3, version)
    lines += [".SH NAME", "libddbgt \\- " + roff_text(summary(umbrella_intro))]
    lines += [".SH SYNOPSIS", ".nf", ".B #include <ddbgt.h>", ".PP",
              "Link with \\fIpkg\\-config \\-\\-cflags \\-\\-libs ddbgt\\fP.", ".fi"]
    lines += [".SH DESCRIPTION", roff_text(body_paragraphs(umbrella_intro)), ".PP",
              "The API comes in one header per area, each with its own page:"]
    for h in headers:
        lines += [".TP", ".BR %s (3)" % h.page.replace("-", "\\-"),
                  "<ddbgt/%s>: %s." % (os.path.basename(h.path), roff_text(summary(h.intro)))]
    lines += [".SH RETURN VALUE", roff_text(COMMON_RETURN)]
    lines += [".SH SEE ALSO", ".BR ddbgt (1)", ""]
    with open(os.path.join(mandir, "libddbgt.3"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def write_man(headers, umbrella_intro, mandir, version):
    os.makedirs(mandir, exist_ok=True)
    for old in os.listdir(mandir):
        if old.endswith(".3"):
            os.remove(os.path.join(mandir, old))
    pages = {h.page for h in headers}
    links = {}
    for h in headers:
        write_header_page(h, mandir, version, pages)
        for g in h.groups:
            for d in g.decls:
                if d.kind in ("function", "opaque", "struct", "enum", "funcptr") and \
                        not d.name.startswith("struct "):
                    if d.name in links and links[d.name] != h.page:
                        raise ApiError("%s is declared in two headers" % d.name)
                    links[d.name] = h.page
    for name, page in sorted(links.items()):
        if name in pages or name == "libddbgt":
            raise ApiError("the name %s clashes with a manual page of a header" % name)
        with open(os.path.join(mandir, name + ".3"), "w", encoding="utf-8") as f:
            f.write(".so man3/%s.3\n" % page)
    write_index_page(headers, umbrella_intro, mandir, version)


# ---- markdown ---------------------------------------------------------------

def write_markdown(headers, umbrella_intro, path, version):
    out = ["<!-- Generated by doc/apigen.py from the public headers. Do not edit. -->",
           "# libddbgt %s API reference" % version, "",
           body_paragraphs(umbrella_intro), "", COMMON_RETURN, ""]
    for h in headers:
        out.append("- [`<ddbgt/%s>`](#%s): %s" % (os.path.basename(h.path),
                                                  "ddbgt" + h.stem + "h", summary(h.intro)))
    for h in headers:
        out += ["", "## `<ddbgt/%s>`" % os.path.basename(h.path), ""]
        if h.intro:
            out += [body_paragraphs(h.intro) or summary(h.intro), ""]
        for note in h.notes:
            out += [note, ""]
        for g in h.groups:
            out += ["```c", display(g.decls), "```", ""]
            if g.doc:
                out += [g.doc, ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out).rstrip("\n") + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--version", required=True)
    ap.add_argument("--headers-dir", required=True,
                    help="include/ddbgt: every header there must be listed")
    ap.add_argument("--umbrella")
    ap.add_argument("--man")
    ap.add_argument("--markdown")
    ap.add_argument("--python")
    ap.add_argument("--undocumented", help="write the functions no comment documents")
    ap.add_argument("headers", nargs="+")
    a = ap.parse_args()
    try:
        listed = {os.path.realpath(p) for p in a.headers}
        for f in sorted(os.listdir(a.headers_dir)):
            if f.endswith(".h") and os.path.realpath(os.path.join(a.headers_dir, f)) not in listed:
                raise ApiError("include/ddbgt/%s is not listed in ddbgtinclude_HEADERS, so it "
                               "would not be installed" % f)
        headers = [parse_header(p, "ddbgt/" + os.path.basename(p)) for p in a.headers]
        headers.sort(key=lambda h: h.stem)
        umbrella_intro = parse_header(a.umbrella, "ddbgt.h").intro if a.umbrella else ""
        if a.man:
            write_man(headers, umbrella_intro, a.man, a.version)
        if a.markdown:
            write_markdown(headers, umbrella_intro, a.markdown, a.version)
        if a.python:
            write_python(headers, a.python, a.version)
        if a.undocumented:
            with open(a.undocumented, "w", encoding="utf-8") as f:
                for h in headers:
                    for g in h.groups:
                        if g.doc is None:
                            f.writelines("%s\n" % d.name for d in g.decls if d.kind == "function")
    except ApiError as e:
        sys.stderr.write("apigen: %s\n" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

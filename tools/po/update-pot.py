#!/usr/bin/env python3
"""Writes po/rco-audit.pot, the gettext template of every text rco-audit prints for people.

Three sources, in this order:
  1. the messages: every `constexpr rco::message_def NAME{"id", "one", "other", "count"};`
     (or `constexpr message_def`) in include/ and tools/ (files in path order, definitions
     in file order; adjacent string literals are joined as C++ joins them); msgctxt is the
     id, msgid the English pattern, msgid_plural the English plural when there is one;
  2. the catalog's human text, from rules/*.json: standards ("standard.3.title",
     "standard.3.summary"), checks ("S1.1.title", .question, .rationale, .remediation,
     .evidence.0 ... but for bare field paths, .parameter.NAME), profiles ("profile.florida.title", .description),
     rules/accreditation.json ("accreditation.description", .finding_rule,
     .parameter.NAME, .band.NAME.title) and the clinical service labels
     ("vocabulary.clinical_service_labels.detox");
  3. the descriptions of the JSON Schemas the workbooks take their help from (SCHEMAS):
     msgctxt is the schema's name and the description's place in it, as a JSON Pointer
     ("rco-record-1#/properties/board/properties/members/items/properties/voting"), as
     the workbook layout (rco/io/impl/workbook_layout.ipp) looks them up.
  4. the command line's help, msgctxt "cli.help" and msgid the English: the literal
     descriptions of tools/rco-audit's add_subcommand, add_option and add_flag calls, the
     texts of each exit code in exit_codes_footer calls, program_summary and
     usage_or_input_error, and CLI11's own group names and option descriptions.
The English stays where it is (sources, rules/*.json); the .pot only lists it.

Usage: update-pot.py [REPO_ROOT]           rewrites po/rco-audit.pot
       update-pot.py --check [REPO_ROOT]   exit 1 (and say what differs) when the
                                           committed po/rco-audit.pot is out of date
"""
import difflib
import json
import os
import re
import sys

DEF = re.compile(r'constexpr\s+(?:rco::)?message_def\s+(\w+)\s*\{((?:[^;"]|"(?:[^"\\]|\\.)*")*)\}\s*;', re.S)
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
# An evidence item that is only a record field's path ("services[].name") reads the same in
# every language: it is not listed.
FIELD_PATH = re.compile(r"^[A-Za-z0-9_.\[\]]+$")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'"}


def unescape_cpp(s):
    return re.sub(r'\\(.)', lambda m: ESCAPES.get(m.group(1), m.group(0)), s)


def cpp_args(body):
    """The braced initializer's arguments: each a run of adjacent string literals."""
    args, current, pos = [], None, 0
    for m in re.finditer(r'"(?:[^"\\]|\\.)*"|,|[^\s",]+', body):
        tok = m.group(0)
        if tok == ",":
            args.append(current)
            current = None
        elif tok.startswith('"'):
            current = (current or "") + unescape_cpp(tok[1:-1])
        else:
            raise ValueError(f"not a string literal: {tok}")
    if current is not None:
        args.append(current)
    return args


def source_messages(root):
    files = []
    for top in ("include", "tools"):
        for d, _, names in os.walk(os.path.join(root, top)):
            for n in names:
                if n.endswith((".hpp", ".ipp", ".cpp", ".h")):
                    files.append(os.path.join(d, n))
    out = []
    for path in sorted(files, key=lambda p: os.path.relpath(p, root)):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        rel = os.path.relpath(path, root)
        for m in DEF.finditer(text):
            try:
                args = cpp_args(m.group(2))
            except ValueError as e:
                sys.exit(f"{rel}: message_def {m.group(1)}: {e}")
            if not 2 <= len(args) <= 4 or any(a is None for a in args):
                sys.exit(f"{rel}: message_def {m.group(1)}: expected {{\"id\", \"one\"[, \"other\", \"count\"]}}")
            args += [""] * (4 - len(args))
            out.append({"ctx": args[0], "id": args[1], "plural": args[2], "count": args[3], "ref": rel})
    return out


def catalog_texts(root):
    rules = os.path.join(root, "rules")
    out = []

    def add(ctx, text, ref):
        if text:
            out.append({"ctx": ctx, "id": text, "plural": "", "count": "", "ref": ref})

    with open(os.path.join(rules, "standards.json"), encoding="utf-8") as f:
        std = json.load(f)
    for s in std["standards"]:
        ref = "rules/standards.json"
        add(f"standard.{s['number']}.title", s["title"], ref)
        add(f"standard.{s['number']}.summary", s["summary"], ref)
        for c in s["checks"]:
            cid = c["id"]
            for field in ("title", "question", "rationale", "remediation"):
                add(f"{cid}.{field}", c[field], ref)
            for i, e in enumerate(c.get("evidence", [])):
                if not FIELD_PATH.match(e):
                    add(f"{cid}.evidence.{i}", e, ref)
            for name, p in c.get("parameters", {}).items():
                add(f"{cid}.parameter.{name}", p.get("description", ""), ref)
    with open(os.path.join(rules, "profiles.json"), encoding="utf-8") as f:
        for p in json.load(f)["profiles"]:
            add(f"profile.{p['name']}.title", p["title"], "rules/profiles.json")
            add(f"profile.{p['name']}.description", p["description"], "rules/profiles.json")
    with open(os.path.join(rules, "accreditation.json"), encoding="utf-8") as f:
        acc = json.load(f)
    ref = "rules/accreditation.json"
    add("accreditation.description", acc.get("description", ""), ref)
    add("accreditation.finding_rule", acc.get("finding_rule", ""), ref)
    for name, p in acc.get("parameters", {}).items():
        add(f"accreditation.parameter.{name}", p.get("description", ""), ref)
    for b in acc.get("bands", []):
        add(f"accreditation.band.{b['name']}.title", b["title"], ref)
    with open(os.path.join(rules, "vocabulary.json"), encoding="utf-8") as f:
        voc = json.load(f)
    for key, label in voc.get("clinical_service_labels", {}).items():
        add(f"vocabulary.clinical_service_labels.{key}", label, "rules/vocabulary.json")
    return out


# The schemas whose descriptions are the workbooks' help.
SCHEMAS = ["rco-record-1.schema.json", "rco-review-1.schema.json"]


def schema_descriptions(root):
    out = []

    def walk(v, pointer, name, ref):
        if isinstance(v, dict):
            for k, x in v.items():
                if k == "description" and isinstance(x, str):
                    out.append({"ctx": f"{name}#{pointer}", "id": x, "plural": "", "count": "", "ref": ref})
                else:
                    walk(x, pointer + "/" + k.replace("~", "~0").replace("/", "~1"), name, ref)
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, f"{pointer}/{i}", name, ref)

    for file in SCHEMAS:
        with open(os.path.join(root, "schema", file), encoding="utf-8") as f:
            walk(json.load(f), "", file[: -len(".schema.json")], f"schema/{file}")
    return out


HELP_CONTEXT = "cli.help"
HELP_CALLS = re.compile(r'\b(add_subcommand|add_option|add_flag|exit_codes_footer)\s*\(')
HELP_CONSTANTS = re.compile(r'\b(?:program_summary|usage_or_input_error)\s*=\s*((?:"(?:[^"\\]|\\.)*"\s*)+);')
# What CLI11 writes itself: the default groups and the help and version flags.
CLI11_TEXTS = ["Options", "Subcommands", "Print this help message and exit",
               "Display program version information and exit"]


def call_args(text, start):
    """The top-level arguments of the call whose "(" is at `start`: each the joined value of
    its string literals when it holds nothing else, else None."""
    args, current, literal_only, depth, i = [], "", True, 0, start + 1
    while i < len(text):
        c = text[i]
        if c == '"':
            m = re.compile(r'"((?:[^"\\]|\\.)*)"').match(text, i)
            current += unescape_cpp(m.group(1))
            i = m.end()
            continue
        if c in "([{":
            depth += 1
            literal_only = False
        elif c in ")]}":
            if depth == 0:
                args.append(current if literal_only and current else None)
                return args
            depth -= 1
        elif c == "," and depth == 0:
            args.append(current if literal_only and current else None)
            current, literal_only = "", True
        elif not c.isspace():
            literal_only = False
        i += 1
    return args


def help_texts(root):
    out = []

    def add(text, ref):
        out.append({"ctx": HELP_CONTEXT, "id": text, "plural": "", "count": "", "ref": ref})

    tools = os.path.join(root, "tools", "rco-audit")
    for name in sorted(os.listdir(tools)):
        if not name.endswith((".cpp", ".hpp")):
            continue
        ref = f"tools/rco-audit/{name}"
        with open(os.path.join(tools, name), encoding="utf-8") as f:
            text = f.read()
        for m in HELP_CONSTANTS.finditer(text):
            add("".join(unescape_cpp(v) for v in LITERAL.findall(m.group(1))), ref)
        for m in HELP_CALLS.finditer(text):
            args = call_args(text, m.end() - 1)
            if m.group(1) == "exit_codes_footer":
                texts = [a for a in args if a]
            elif m.group(1) == "add_subcommand":
                texts = args[1:2]
            else:
                texts = args[-1:] if len(args) >= 2 else []
            for t in texts:
                if t:
                    add(t, ref)
    for t in CLI11_TEXTS:
        add(t, "CLI11")
    return out


def po_string(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    if "\n" not in s or s.endswith("\n") and s.count("\n") == 1:
        return '"' + s.replace("\n", "\\n") + '"'
    lines = s.split("\n")
    parts = [ln + "\\n" for ln in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


HEADER = '''# The texts rco-audit prints for people: its messages and its catalog's text.
# Generated by tools/po/update-pot.py from include/, tools/, rules/*.json and schema/. Do not edit:
# change the English where it is defined and run the script again.
# msgctxt is the text's id: a message id ("S5.1.input_events") or a catalog field
# ("S1.1.title", "standard.3.summary") or a schema's description ("rco-record-1#/properties/as_of");
# {name} is an argument, kept as it is.
msgid ""
msgstr ""
"Project-Id-Version: rco-audit\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
'''


def entries(root):
    seen, out = {}, []
    for e in source_messages(root) + catalog_texts(root) + schema_descriptions(root) + help_texts(root):
        if e["ctx"] == HELP_CONTEXT: # one context, many texts: the same text is listed once
            if (HELP_CONTEXT, e["id"]) in seen:
                continue
            seen[(HELP_CONTEXT, e["id"])] = e
            out.append(e)
            continue
        prev = seen.get(e["ctx"])
        if prev:
            if (prev["id"], prev["plural"]) != (e["id"], e["plural"]):
                sys.exit(f"{e['ref']}: '{e['ctx']}' is defined twice with different English (also in {prev['ref']})")
            continue
        seen[e["ctx"]] = e
        out.append(e)
    return out


def render(root):
    parts = [HEADER]
    for e in entries(root):
        lines = []
        if e["plural"]:
            lines.append(f"#. plural by {{{e['count']}}}")
        lines.append(f"#: {e['ref']}")
        lines.append(f"msgctxt {po_string(e['ctx'])}")
        lines.append(f"msgid {po_string(e['id'])}")
        if e["plural"]:
            lines.append(f"msgid_plural {po_string(e['plural'])}")
            lines.append('msgstr[0] ""')
            lines.append('msgstr[1] ""')
        else:
            lines.append('msgstr ""')
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    pot = os.path.join(root, "po", "rco-audit.pot")
    text = render(root)
    if check:
        try:
            with open(pot, encoding="utf-8") as f:
                old = f.read()
        except FileNotFoundError:
            old = ""
        if old != text:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True),
                                                       "po/rco-audit.pot", "generated", n=1))
            print("po/rco-audit.pot is out of date: run tools/po/update-pot.py", file=sys.stderr)
            return 1
        return 0
    with open(pot, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

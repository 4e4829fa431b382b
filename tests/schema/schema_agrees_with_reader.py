#!/usr/bin/env python3
"""The reader and the JSON Schema agree on every rule.

Usage: python3 tests/schema/schema_agrees_with_reader.py REPO_ROOT RCO_AUDIT

Starts from the bundled example records (read without a problem) and makes thousands of
variants, each changing one field: null, an empty text, text with a space, a word no list
holds, another type, a number out of range, an impossible date, a list entry given twice
or null, a state name instead of its code, and a few whole records. Each variant is
judged by the schema (python3-jsonschema) and by `rco-audit validate`, and:

  * every variant the schema rejects gets an error or a warning from the reader, at or
    under the pointer the schema names;
  * every variant the reader refuses (an error) is rejected by the schema;
  * every variant the reader warns about is rejected by the schema too, except for the
    warnings the schema cannot state: an unknown field, a word outside a catalog list
    (the catalog can be replaced), an evidence id naming no document, a document file
    that is not there, a name-like id.

Prints `ok NAME` per passing test, `FAIL NAME` plus details, then one summary line
`N passed, M failed`. Exits 1 if any failed.
"""

import copy
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from jsonschema import Draft202012Validator

FORMAT_CHECKER = getattr(Draft202012Validator, "FORMAT_CHECKER", None)
if FORMAT_CHECKER is None:  # jsonschema before 4.5
    import jsonschema
    FORMAT_CHECKER = jsonschema.draft202012_format_checker

# Reader warnings the schema cannot state (see the module's docstring).
SCHEMA_CANNOT_STATE = re.compile(
    r"unknown (field|section) |unknown (service type|recovery pathway|ethics topic|protected class) "
    r"|is a (group|medication|harm-reduction service), not a recovery pathway"
    r"|does not name any document|looks like a person's name|still holds|example record"
    r"|is not in the record's folder|cannot be read")


def pointer(parts):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def leaves(value, path=()):
    """Every (path, value) in a document, containers included (not the root)."""
    if path:
        yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, path + (i,))


def set_at(doc, path, value):
    out = copy.deepcopy(doc)
    node = out
    for p in path[:-1]:
        node = node[p]
    node[path[-1]] = value
    return out


def variants(doc):
    """(name, record) pairs, each changing one thing of `doc`."""
    for path, value in leaves(doc):
        if path == ("format",):
            continue
        where = pointer(path)
        in_list = isinstance(path[-1], int)
        if not in_list:
            yield f"{where} null", set_at(doc, path, None)
        else:
            yield f"{where} null entry", set_at(doc, path, None)
        if isinstance(value, str):
            yield f"{where} empty", set_at(doc, path, "")
            yield f"{where} with a space", set_at(doc, path, value + " x")
            yield f"{where} unknown word", set_at(doc, path, "zz_unknown_word")
            yield f"{where} a number", set_at(doc, path, 7)
            yield f"{where} capitalised", set_at(doc, path, value.capitalize() + "Q")
        elif isinstance(value, bool):
            yield f"{where} a string", set_at(doc, path, "yes")
        elif isinstance(value, (int, float)):
            yield f"{where} negative", set_at(doc, path, -1)
            yield f"{where} huge", set_at(doc, path, 10**13)
            yield f"{where} a fraction", set_at(doc, path, 2.5)
            yield f"{where} a string", set_at(doc, path, "7")
        elif isinstance(value, list):
            yield f"{where} an object", set_at(doc, path, {})
            if value and not isinstance(value[0], (dict, list)):
                yield f"{where} an entry twice", set_at(doc, path, value + [value[0]])
        elif isinstance(value, dict):
            yield f"{where} a list", set_at(doc, path, [])
            yield f"{where} text", set_at(doc, path, "text")
    org = doc.get("organization", {})
    if isinstance(org, dict):
        for state in ("Nebraska", "mn", "ZZ", "N.E."):
            yield f"/organization/state {state}", set_at(doc, ("organization", "state"), state)
        for date in ("2026-02-30", "2026-13-01", "1/15/2026"):
            yield f"/organization/founded {date}", set_at(doc, ("organization", "founded"), date)
        for url in ("www.example.org", "ftp://example.org"):
            yield f"/organization/website/url {url}", set_at(
                doc, ("organization", "website"), {"url": url})


def read_diagnostics(cli, files):
    """{file: [(severity, pointer, message)]} and {file: ok?} from one `validate` run
    (--every-warning: each file's own warnings, not one line for a warning files share)."""
    proc = subprocess.run([cli, "validate", "--every-warning", *map(str, files)], capture_output=True, text=True)
    diags = {str(f): [] for f in files}
    valid = {}
    line_re = re.compile(r"^(?P<file>.+?):(?:\d+:)?(?:\d+:)? (?P<sev>error|warning): (?P<msg>.*?)(?: \(at (?P<ptr>[^)]*)\))?$")
    for line in proc.stderr.splitlines():
        m = line_re.match(line)
        if m and m.group("file") in diags:
            diags[m.group("file")].append((m.group("sev"), m.group("ptr") or "", m.group("msg")))
    for line in proc.stdout.splitlines():
        for f in diags:
            if line.startswith(f + ": "):
                valid[f] = "valid" in line[len(f) + 2:].split()[0]
    return diags, valid


def main():
    if len(sys.argv) != 3:
        print("usage: schema_agrees_with_reader.py REPO_ROOT RCO_AUDIT", file=sys.stderr)
        return 2
    root, cli = Path(sys.argv[1]), sys.argv[2]
    schema = json.loads((root / "schema" / "rco-record-1.schema.json").read_text())
    validator = Draft202012Validator(schema, format_checker=FORMAT_CHECKER)
    passed = failed = 0

    def report(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for p in problems[:40]:
                print(f"  {p}")
            if len(problems) > 40:
                print(f"  ... and {len(problems) - 40} more")
        else:
            passed += 1
            print(f"ok {name}")

    for example in ("harbor-recovery-community.json", "riverbend-emerging-rco.json",
                    "northfield-wellness-collective.json"):
        base = json.loads((root / "examples" / example).read_text())
        cases = list(variants(base))
        cases.append(("the blank record of init", None))
        with tempfile.TemporaryDirectory() as d:
            files = []
            for i, (name, rec) in enumerate(cases):
                f = Path(d) / f"v{i:05d}.json"
                if rec is None:
                    subprocess.run([cli, "init", str(f)], capture_output=True, check=True)
                    rec = json.loads(f.read_text())
                    cases[i] = (name, rec)
                else:
                    f.write_text(json.dumps(rec))
                files.append(f)
            baseline = Path(d) / "base.json"
            baseline.write_text(json.dumps(base))
            diags, valid = read_diagnostics(cli, files + [baseline])
            known = set(diags[str(baseline)])
            problems = []
            for (name, rec), f in zip(cases, files):
                schema_errors = sorted({pointer(e.absolute_path) for e in validator.iter_errors(rec)})
                mine = [x for x in diags[str(f)] if x not in known]
                errors = [x for x in mine if x[0] == "error"]
                stated = [x for x in mine if x[0] == "warning" and not SCHEMA_CANNOT_STATE.search(x[2])]
                if schema_errors:
                    for p in schema_errors:
                        if not any(x[1] == p or x[1].startswith(p + "/") or p.startswith(x[1] + "/")
                                   or (p == "" and x[1] == "/") for x in mine):
                            problems.append(f"{name}: the schema rejects {p or '/'}, the reader says nothing there "
                                            f"({mine})")
                elif errors or stated:
                    problems.append(f"{name}: the schema accepts it, the reader says {(errors or stated)[0]}")
                if valid.get(str(f)) is None:
                    problems.append(f"{name}: validate printed no verdict")
            report(f"{example}: {len(cases)} variants, the schema and the reader agree", problems)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

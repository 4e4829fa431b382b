#!/usr/bin/env python3
"""Validate the example records (and fixture records) against the rco-record/1 JSON Schema.

Usage: python3 tests/schema/validate_examples.py REPO_ROOT

Checks, each counted as one test:
  * the schema itself is a valid draft 2020-12 schema (check_schema);
  * every property in the schema carries a `description` (editors show it as hover help);
  * every examples/*.json validates;
  * every *.json under tests/fixtures/records/ validates, except files named invalid-*;
  * self-tests on in-memory records: a minimal partial record with an unknown field
    and numbers at the top of their ranges are accepted; a bad enum, a non-ISO date and
    numbers outside their ranges (README "Ranges") are rejected at the expected JSON Pointer.

Prints `ok NAME` per passing test, `FAIL NAME` plus one line per error (JSON Pointer: message)
per failing test, then exactly one summary line `N passed, M failed`. Exits 1 if any failed.

Works with Debian's python3-jsonschema 4.10 and later versions.
"""

import json
import sys
from pathlib import Path

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover - environment problem, not a test result
    print("error: python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(2)

SCHEMA_RELPATH = Path("schema") / "rco-record-1.schema.json"
EXAMPLES_RELDIR = Path("examples")
FIXTURES_RELDIR = Path("tests") / "fixtures" / "records"

# Validator.FORMAT_CHECKER exists since jsonschema 4.5; older names kept as a fallback.
FORMAT_CHECKER = getattr(Draft202012Validator, "FORMAT_CHECKER", None) or getattr(
    jsonschema, "draft202012_format_checker"
)


def json_pointer(parts):
    """RFC 6901 pointer for a path of keys and indices ("" is the whole document)."""
    out = []
    for part in parts:
        token = str(part).replace("~", "~0").replace("/", "~1")
        out.append("/" + token)
    return "".join(out)


def error_lines(validator, instance):
    """All validation errors as sorted 'pointer: message' strings."""
    lines = []
    for err in validator.iter_errors(instance):
        pointer = json_pointer(err.absolute_path) or "/"
        lines.append(f"{pointer}: {err.message}")
    return sorted(lines)


def undocumented_properties(node, where=""):
    """JSON Pointers (into the schema) of properties that lack a description."""
    missing = []
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for name, sub in props.items():
                if not (isinstance(sub, dict) and isinstance(sub.get("description"), str)
                        and sub["description"].strip()):
                    missing.append(f"{where}/properties/{name}")
        for key, sub in node.items():
            missing.extend(undocumented_properties(sub, f"{where}/{key}"))
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            missing.extend(undocumented_properties(sub, f"{where}/{i}"))
    return missing


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, name):
        self.passed += 1
        print(f"ok {name}")

    def fail(self, name, details):
        self.failed += 1
        print(f"FAIL {name}")
        for line in details:
            print(f"  {line}")


def record_files(root):
    # tailoring-*.json are tailoring files (rco-tailoring/1), not records.
    files = sorted(p for p in (root / EXAMPLES_RELDIR).glob("*.json") if not p.name.startswith("tailoring-"))
    fixtures = root / FIXTURES_RELDIR
    if fixtures.is_dir():
        files.extend(sorted(p for p in fixtures.rglob("*.json") if not p.name.startswith("invalid-")))
    return files


def self_tests(validator, tally):
    must_accept = [
        ("minimal partial record with an unknown field is accepted",
         {"format": "rco-record/1", "organisation": {"name": "typo is only a warning"}}),
        ("numbers at the top of their ranges are accepted",
         {"format": "rco-record/1", "board": {"counts": {"voting": 10000, "personal": 10000, "family": 0}},
          "services": [{"annual_expense": 1000000000000}], "volunteers": {"count_12m": 10000000},
          "filings": [{"tax_year": 2200, "voting_members": 10000}],
          "policies": {"grievance": {"response_days": 3650}}}),
    ]
    for label, record in must_accept:
        lines = error_lines(validator, record)
        if lines:
            tally.fail(f"self-test: {label}", lines)
        else:
            tally.ok(f"self-test: {label}")

    must_reject = [
        ("bad legal_status enum is rejected", "/organization/legal_status",
         {"format": "rco-record/1", "as_of": "2026-06-30",
          "organization": {"name": "Test", "legal_status": "nonprofit"}}),
        ("non-ISO as_of date is rejected", "/as_of",
         {"format": "rco-record/1", "as_of": "June 2026"}),
        ("a board of more than 10000 seats is rejected", "/board/counts/voting",
         {"format": "rco-record/1", "board": {"counts": {"voting": 200000000000000000, "personal": 0}}}),
        ("an amount over 1 trillion dollars is rejected", "/services/0/annual_expense",
         {"format": "rco-record/1", "services": [{"annual_expense": 1000000000000.01}]}),
        ("a tax year before 1800 is rejected", "/filings/0/tax_year",
         {"format": "rco-record/1", "filings": [{"tax_year": 1799}]}),
    ]
    for label, pointer, record in must_reject:
        name = f"self-test: {label}"
        lines = error_lines(validator, record)
        if any(line.startswith(pointer + ": ") for line in lines):
            tally.ok(name)
        elif lines:
            tally.fail(name, [f"rejected, but not at {pointer}:"] + lines)
        else:
            tally.fail(name, ["record was accepted"])


def main(argv):
    if len(argv) != 2:
        print("usage: validate_examples.py REPO_ROOT", file=sys.stderr)
        return 2
    root = Path(argv[1]).resolve()
    tally = Tally()

    schema_path = root / SCHEMA_RELPATH
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        tally.fail(str(SCHEMA_RELPATH), [f"cannot read schema: {exc}"])
        print(f"{tally.passed} passed, {tally.failed} failed")
        return 1

    try:
        Draft202012Validator.check_schema(schema)
        tally.ok(f"{SCHEMA_RELPATH} (check_schema)")
    except jsonschema.exceptions.SchemaError as exc:
        tally.fail(f"{SCHEMA_RELPATH} (check_schema)",
                   [f"{json_pointer(exc.absolute_path) or '/'}: {exc.message}"])
        print(f"{tally.passed} passed, {tally.failed} failed")
        return 1

    missing = undocumented_properties(schema)
    if missing:
        tally.fail(f"{SCHEMA_RELPATH} (every property has a description)",
                   [f"{m}: no description" for m in missing])
    else:
        tally.ok(f"{SCHEMA_RELPATH} (every property has a description)")

    validator = Draft202012Validator(schema, format_checker=FORMAT_CHECKER)

    files = record_files(root)
    if not files:
        tally.fail(str(EXAMPLES_RELDIR), ["no example records found"])
    for path in files:
        name = path.relative_to(root).as_posix()
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            tally.fail(name, [f"cannot read JSON: {exc}"])
            continue
        lines = error_lines(validator, record)
        if lines:
            tally.fail(name, lines)
        else:
            tally.ok(name)

    self_tests(validator, tally)

    print(f"{tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

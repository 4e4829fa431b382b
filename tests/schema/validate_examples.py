#!/usr/bin/env python3
"""Validate the example records (and fixture records) against the rco-record/1 JSON Schema,
and every JSON document the tool writes against its schema.

Usage: python3 tests/schema/validate_examples.py REPO_ROOT [RCO_AUDIT]

Checks, each counted as one test:
  * the schema itself is a valid draft 2020-12 schema (check_schema);
  * every property in the schema carries a `description` (editors show it as hover help);
  * every examples/*.json validates;
  * every *.json under tests/fixtures/records/ validates, except files named invalid-*;
  * self-tests on in-memory records: a minimal partial record with an unknown field
    and numbers at the top of their ranges are accepted; a bad enum, a non-ISO date and
    numbers outside their ranges (README "Ranges") are rejected at the expected JSON Pointer.
  * the schemas of the other formats (schema/rco-audit-report-1, rco-audit-diff-1,
    rco-tailoring-1, rco-audit-rules) are valid and every property has a description;
  * every examples/tailoring-*.json validates against rco-tailoring/1, and bad ones are
    rejected at the expected pointer;
  * with RCO_AUDIT (the built command line): every JSON document the tool writes, made
    from every example record (JSON and XML) under every profile, with --show-names,
    with the example tailoring file, with the board roster, from the IRS 990 returns of
    tests/data, a record made by `init`, batches (with an unreadable file among them),
    --output-dir, diffs between reports, and `rules --format json` under every profile,
    validates against its schema; self-tests
    show a report with a misspelled status or a missing result is rejected.

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


OTHER_SCHEMAS = {
    "report": Path("schema") / "rco-audit-report-1.schema.json",
    "diff": Path("schema") / "rco-audit-diff-1.schema.json",
    "tailoring": Path("schema") / "rco-tailoring-1.schema.json",
    "rules": Path("schema") / "rco-audit-rules.schema.json",
    "review": Path("schema") / "rco-review-1.schema.json",
}
PROFILES = ["national", "accreditation", "florida", "michigan", "indiana"]


def check_document(tally, name, validator, document, expected_format):
    lines = error_lines(validator, document)
    if isinstance(document, dict) and document.get("format") != expected_format:
        lines.insert(0, f"/format: expected {expected_format!r}, got {document.get('format')!r}")
    if lines:
        tally.fail(name, lines)
    else:
        tally.ok(name)


def load_other_schemas(root, tally):
    """The validators of the formats the tool writes and reads, or None if a schema is broken."""
    validators = {}
    for key, rel in OTHER_SCHEMAS.items():
        try:
            schema = json.loads((root / rel).read_text(encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
        except (OSError, ValueError, jsonschema.exceptions.SchemaError) as exc:
            tally.fail(f"{rel} (check_schema)", [str(exc).splitlines()[0]])
            return None
        tally.ok(f"{rel} (check_schema)")
        missing = undocumented_properties(schema)
        if missing:
            tally.fail(f"{rel} (every property has a description)", [f"{m}: no description" for m in missing])
        else:
            tally.ok(f"{rel} (every property has a description)")
        validators[key] = Draft202012Validator(schema, format_checker=FORMAT_CHECKER)
    return validators


def expect_rejected(tally, label, validator, document, pointer):
    name = f"self-test: {label}"
    lines = error_lines(validator, document)
    if any(line.startswith(pointer + ": ") for line in lines):
        tally.ok(name)
    elif lines:
        tally.fail(name, [f"rejected, but not at {pointer}:"] + lines)
    else:
        tally.fail(name, ["document was accepted"])


def tailoring_files(root, validators, tally):
    files = sorted((root / EXAMPLES_RELDIR).glob("tailoring-*.json"))
    if not files:
        tally.fail("examples/tailoring-*.json", ["no example tailoring file found"])
    for path in files:
        check_document(tally, path.relative_to(root).as_posix(), validators["tailoring"],
                       json.loads(path.read_text(encoding="utf-8")), "rco-tailoring/1")
    v = validators["tailoring"]
    expect_rejected(tally, "tailoring with a level that is not a level is rejected", v,
                    {"format": "rco-tailoring/1", "levels": {"S2.4": "mandatory"}}, "/levels/S2.4")
    expect_rejected(tally, "tailoring waiver without an approver is rejected", v,
                    {"format": "rco-tailoring/1", "waivers": [
                        {"check": "S5.1", "justification": "floods", "expires": "2026-12-31"}]}, "/waivers/0")
    expect_rejected(tally, "tailoring with an unknown section is rejected", v,
                    {"format": "rco-tailoring/1", "waiver": []}, "/")
    expect_rejected(tally, "tailoring waiver for an organization with a malformed EIN is rejected", v,
                    {"format": "rco-tailoring/1", "waivers": [
                        {"check": "S5.1", "justification": "floods", "approved_by": "office", "expires": "2026-12-31",
                         "organization": {"ein": "12-34"}}]}, "/waivers/0/organization/ein")
    expect_rejected(tally, "tailoring not-applicable entry for an organization without a reason is rejected", v,
                    {"format": "rco-tailoring/1", "not_applicable": {"S4.4": [
                        {"organization": {"name": "Riverbend Recovery Alliance"}}]}}, "/not_applicable/S4.4")


def review_files(root, validators, tally):
    files = sorted((root / EXAMPLES_RELDIR / "reviews").glob("*.json"))
    if not files:
        tally.fail("examples/reviews/*.json", ["no example review file found"])
    for path in files:
        check_document(tally, path.relative_to(root).as_posix(), validators["review"],
                       json.loads(path.read_text(encoding="utf-8")), "rco-review/1")
    v = validators["review"]
    base = {"format": "rco-review/1", "organization": {"ein": "41-2873561"}, "reviewer": {"id": "r"},
            "date": "2026-07-15"}
    expect_rejected(tally, "review with a verdict that is not a verdict is rejected", v,
                    {**base, "judgments": [{"check": "S8.5", "verdict": "yes"}]}, "/judgments/0/verdict")
    expect_rejected(tally, "review with a score of 3 is rejected", v,
                    {**base, "scores": [{"standard": 2, "has_it": 3, "uses_it": 1}]}, "/scores/0/has_it")
    expect_rejected(tally, "review with an unknown evidence code is rejected", v,
                    {**base, "scores": [{"standard": 2, "has_it": 1, "uses_it": 1, "evidence": ["X"]}]},
                    "/scores/0/evidence/0")


def tool_outputs(root, cli, validators, tally):
    """Runs the tool the ways users do and validates every JSON document it writes."""
    import subprocess
    import tempfile

    examples = root / EXAMPLES_RELDIR
    records = sorted(p for p in examples.iterdir()
                     if p.suffix in (".json", ".xml") and not p.name.startswith("tailoring-"))
    tailoring = examples / "tailoring-state-office.json"
    returns = sorted((root / "tests" / "data" / "irs990").glob("*.xml"))
    counts = {"report": 0, "batch": 0, "diff": 0, "rules": 0}

    def run(*args, expect=(0, 1)):
        proc = subprocess.run([str(cli), *map(str, args)], cwd=root, capture_output=True, text=True)
        if proc.returncode not in expect:
            raise RuntimeError(f"rco-audit {' '.join(map(str, args))}: exit {proc.returncode}: {proc.stderr.strip()}")
        return proc.stdout

    def validate(label, text, kind):
        try:
            doc = json.loads(text)
        except ValueError as exc:
            tally.fail(label, [f"not JSON: {exc}"])
            return None
        if kind == "rules":  # no format field: `rco-audit rules --format json`
            lines = error_lines(validators["rules"], doc)
            tally.fail(label, lines) if lines else tally.ok(label)
            counts[kind] += 1
            return doc
        fmt = {"report": "rco-audit-report/1", "batch": "rco-audit-batch/1", "diff": "rco-audit-diff/1"}[kind]
        check_document(tally, label, validators["diff" if kind == "diff" else "report"], doc, fmt)
        counts[kind] += 1
        return doc

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        saved = {}
        for rec in records:
            for profile in PROFILES:
                rel = rec.relative_to(root).as_posix()
                out = run("check", rel, "--profile", profile, "--format", "json")
                validate(f"report: {rel} --profile {profile}", out, "report")
                if profile == "national":
                    saved[rec.name] = tmp / f"{rec.name}.report.json"
                    saved[rec.name].write_text(out, encoding="utf-8")
            rel = rec.relative_to(root).as_posix()
            validate(f"report: {rel} --show-names", run("check", rel, "--show-names", "--format", "json"), "report")
            out = run("check", rel, "--tailoring", tailoring, "--format", "json")
            validate(f"report: {rel} --tailoring {tailoring.name}", out, "report")
            saved[rec.name + "+tailoring"] = tmp / f"{rec.name}.tailored.json"
            saved[rec.name + "+tailoring"].write_text(out, encoding="utf-8")
        for profile in PROFILES:
            validate(f"rules --profile {profile}", run("rules", "--profile", profile, "--format", "json"), "rules")
        harbor = examples / "harbor-recovery-community.json"
        validate("report: harbor with --roster", run("check", harbor, "--roster",
                                                     examples / "harbor-board-roster.csv", "--format", "json"),
                 "report")
        reviews = [a for r in sorted((examples / "reviews").glob("harbor-*.json")) for a in ("--review", r)]
        validate("report: harbor with two reviewers (examples/reviews)",
                 run("check", harbor, *reviews, "--format", "json"), "report")
        run("init", tmp / "init.json")
        validate("report: a record written by init", run("check", tmp / "init.json", "--format", "json"), "report")
        for ret in returns:  # a few are refused on purpose (Form 990-PF): exit 2, no report
            out = run("check", ret, "--format", "json", "--as-of", "2026-06-30", expect=(0, 1, 2))
            if out:
                validate(f"report: tests/data/irs990/{ret.name}", out, "report")
        batch = validate("batch: check examples/ (the tailoring file among them cannot be audited)",
                         run("check", examples, "--format", "json", expect=(2,)), "batch")
        if batch is not None and not batch.get("errors"):
            tally.fail("batch: the unreadable file is listed under errors", ["no errors listed"])
        validate("batch: the IRS 990 returns", run("check", root / "tests" / "data" / "irs990", "--format", "json",
                                                  "--tailoring", tailoring, expect=(0, 1, 2)), "batch")
        applicants = validate("batch: two applicants, tailoring-applicants.json, --expiring-within 200",
                              run("check", examples / "riverbend-emerging-rco.json",
                                  examples / "northfield-wellness-collective.json", "--tailoring",
                                  examples / "tailoring-applicants.json", "--expiring-within", "200",
                                  "--format", "json", expect=(1,)), "batch")
        if applicants is not None and len(applicants["reports"][0]["expiring_waivers"]["checks"]) != 2:
            tally.fail("batch: Riverbend's two waivers expire within 200 days", [str(applicants["reports"][0])[:200]])
        outdir = tmp / "out"
        run("check", *[r for r in records if r.suffix == ".json"], "--format", "json", "--output-dir", outdir)
        for path in sorted(outdir.glob("*.json")):
            validate(f"report: --output-dir {path.name}", path.read_text(encoding="utf-8"), "report")
        names = sorted(n for n in saved if not n.endswith("+tailoring"))
        for a in names:
            for b in [n for n in names if n != a] + [a + "+tailoring"]:
                validate(f"diff: {a} -> {b}", run("diff", saved[a], saved[b], "--format", "json"), "diff")

        # The report schema is not a rubber stamp.
        report = json.loads(saved["riverbend-emerging-rco.json"].read_text(encoding="utf-8"))
        bad = json.loads(json.dumps(report))
        bad["checks"][0]["status"] = "passed"
        expect_rejected(tally, "a report with a misspelled status is rejected", validators["report"], bad,
                        "/checks/0/status")
        bad = json.loads(json.dumps(report))
        del bad["result"]
        expect_rejected(tally, "a report without its result is rejected", validators["report"], bad, "/")
        bad = {"format": "rco-audit-batch/1", "reports": [report, {"format": "rco-audit-report/1"}], "errors": []}
        expect_rejected(tally, "a batch holding a report that is not one is rejected", validators["report"], bad,
                        "/reports/1")
    for kind, n in counts.items():
        if n == 0:
            tally.fail(f"{kind} documents were produced", ["none"])
    print(f"validated {counts['report']} reports, {counts['batch']} batches, {counts['diff']} diffs, "
          f"{counts['rules']} rule lists")


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: validate_examples.py REPO_ROOT [RCO_AUDIT]", file=sys.stderr)
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

    validators = load_other_schemas(root, tally)
    if validators:
        tailoring_files(root, validators, tally)
        review_files(root, validators, tally)
        if len(argv) == 3:
            try:
                tool_outputs(root, Path(argv[2]).resolve(), validators, tally)
            except RuntimeError as exc:
                tally.fail("running rco-audit", [str(exc)])

    print(f"{tally.passed} passed, {tally.failed} failed")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""End-to-end tests of the rco-audit command line: exit codes, report content, errors.

Usage: test_cli.py RCO_AUDIT_BINARY REPO_ROOT
Prints one line per test and closes with 'N passed, M failed'.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BIN, ROOT = sys.argv[1], sys.argv[2]
EX = os.path.join(ROOT, "examples")
HARBOR = os.path.join(EX, "harbor-recovery-community.json")
RIVERBEND = os.path.join(EX, "riverbend-emerging-rco.json")
NORTHFIELD = os.path.join(EX, "northfield-wellness-collective.json")

passed, failed = 0, 0


def run(*args, stdin=None, cwd=None, env=None):
    # The language is an explicit input: none from the caller's environment unless a test sets it.
    environ = {k: v for k, v in os.environ.items() if k != "RCO_AUDIT_LANG"}
    environ.update(env or {})
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, cwd=cwd, timeout=60, env=environ)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def test(fn):
    global passed, failed
    try:
        fn()
        passed += 1
        print(f"ok   {fn.__name__}")
    except AssertionError as e:
        failed += 1
        print(f"FAIL {fn.__name__}: {e}")
    except Exception as e:  # noqa: BLE001 - a crash in a test is a failure
        failed += 1
        print(f"FAIL {fn.__name__}: {type(e).__name__}: {e}")
    return fn


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def write(dirname, name, data):
    path = os.path.join(dirname, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@test
def harbor_meets_every_standard():
    code, out, err = run("check", HARBOR)
    expect(code == 0, f"exit {code}, stderr {err}")
    expect(out.startswith("RCO standards audit: Harbor Recovery Community\n"), out[:200])
    expect("RESULT: MEETS THE STANDARDS — 10 of 10 standards met" in out, out[:600])
    expect("names and ids of board members" in out.lower(), "privacy note missing")


@test
def northfield_fails_with_exit_1_and_explains():
    code, out, err = run("check", NORTHFIELD)
    expect(code == 1, f"exit {code}")
    expect("RESULT: DOES NOT MEET THE STANDARDS" in out, out[:400])
    expect("3 of 8 seated voting members self-identify as in personal recovery" in out, "S2.1 numbers")
    expect("WHAT TO DO NEXT" in out and "Next step:" in out, "action plan")


@test
def riverbend_is_not_fully_met():
    code, out, _ = run("check", RIVERBEND, "--format", "json")
    expect(code == 1, f"exit {code}")
    rep = json.loads(out)
    by_id = {c["id"]: c for c in rep["checks"]}
    expect(by_id["S1.1"]["status"] == "pass", by_id["S1.1"])
    expect(by_id["S1.3"]["status"] == "pass", by_id["S1.3"])
    expect(by_id["S5.1"]["status"] == "fail", by_id["S5.1"])
    expect(rep["standards"][4]["result"] == "not_met", rep["standards"][4])


@test
def json_report_is_versioned_and_deterministic():
    code1, out1, _ = run("check", HARBOR, "--format", "json")
    code2, out2, _ = run("check", HARBOR, "--format", "json")
    expect(code1 == 0 and code2 == 0, "exit codes")
    expect(out1 == out2, "two runs differ")
    rep = json.loads(out1)
    expect(rep["format"] == "rco-audit-report/1", rep["format"])
    expect(rep["result"] == "meets_standards", rep["result"])
    expect(len(rep["checks"]) == 43 and len(rep["standards"]) == 10, "counts")
    expect(len(rep["input"]["sha256"]) == 64 and len(rep["catalog"]["sha256"]) == 64, "digests")
    import hashlib
    with open(HARBOR, "rb") as f:
        expect(rep["input"]["sha256"] == hashlib.sha256(f.read()).hexdigest(), "input digest")
    expect(rep["as_of"] == "2026-06-30" and rep["profile"] == "national", "as_of/profile")
    expect(all(set(c) >= {"id", "slug", "standard", "level", "status", "explanation", "pointers"}
               for c in rep["checks"]), "check keys")


@test
def as_of_and_profile_change_the_result():
    code, out, _ = run("check", HARBOR, "--as-of", "2028-01-31", "--format", "json")
    expect(code == 1, f"exit {code}")
    rep = json.loads(out)
    expect(rep["as_of"] == "2028-01-31", rep["as_of"])
    code, out, _ = run("check", NORTHFIELD, "--profile", "michigan", "--format", "json")
    expect(json.loads(out)["profile"] == "michigan", "profile echoed")


@test
def output_file_is_written_whole():
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "report.json")
        code, out, _ = run("check", HARBOR, "--format", "json", "--output", target)
        expect(code == 0 and out == "", f"exit {code}, stdout {out[:80]}")
        with open(target) as f:
            expect(json.load(f)["result"] == "meets_standards", "content")
        expect(sorted(os.listdir(d)) == ["report.json"], f"leftovers: {os.listdir(d)}")
        code, _, err = run("check", HARBOR, "--output", os.path.join(d, "missing-dir", "r.txt"))
        expect(code == 2 and "cannot create a temporary file" in err, err)


@test
def show_names_is_opt_in():
    _, plain_out, _ = run("check", NORTHFIELD, "--format", "json")
    rep = json.loads(plain_out)
    expect(rep["names_included"] is False, "flag")
    expect(all("people" not in c for c in rep["checks"]), "people leaked")
    with open(NORTHFIELD) as f:
        ids = [m["id"] for m in json.load(f)["board"]["members"]]
    for i in ids:
        expect(f'"{i}"' not in plain_out, f"board id {i} in report")
    _, named, _ = run("check", NORTHFIELD, "--format", "json", "--show-names")
    expect(json.loads(named)["names_included"] is True, "flag on")
    expect(any("people" in c for c in json.loads(named)["checks"]), "names asked for but absent")


@test
def bad_inputs_exit_2_with_located_messages_and_batch_goes_on():
    with tempfile.TemporaryDirectory() as d:
        cases = {
            "empty.json": (b"", "the file is empty"),
            "garbage.json": (bytes(range(256)) * 4, "not a text file"),
            "broken.json": (b'{\n  "format": "rco-record/1",\n  "as_of": 2026\n  "x": 1\n}', ":4:3: error: malformed JSON"),
            "types.json": (b'{"format":"rco-record/1","as_of":"2026-06-30","board":{"counts":{"voting":"nine"}}}',
                           "error: expected a whole number, got \"nine\" (at /board/counts/voting)"),
            "enum.json": (b'{"format":"rco-record/1","organization":{"legal_status":"nonprofit"}}',
                          "(at /organization/legal_status)"),
            "deep.json": (b'{"format":"rco-record/1","x":' + b"[" * 5000 + b"]" * 5000 + b"}", "deeper than 64"),
            "huge.json": (b'{"format":"rco-record/1","volunteers":{"count_12m":1e999}}', "too large"),
        }
        files = []
        for name, (data, _) in cases.items():
            files.append(write(d, name, data))
        for path, (name, (_, needle)) in zip(files, cases.items()):
            code, out, err = run("check", path)
            expect(code == 2, f"{name}: exit {code}")
            expect(needle in err, f"{name}: {needle!r} not in {err!r}")
            expect(path in err, f"{name}: file not named")
        # In a batch, the good record is still audited and the worst code wins.
        code, out, err = run("check", files[0], HARBOR, files[3], "--format", "json")
        expect(code == 2, f"batch exit {code}")
        batch = json.loads(out)
        expect(batch["format"] == "rco-audit-batch/1", batch.get("format"))
        expect(len(batch["reports"]) == 1 and batch["reports"][0]["result"] == "meets_standards", "good one audited")
        expect(len(batch["errors"]) == 2, batch["errors"])
        code, _, err = run("check", os.path.join(d, "nope.json"))
        expect(code == 2 and "nope.json" in err and "cannot open" in err, err)


@test
def unknown_fields_warn_but_audit():
    with open(HARBOR) as f:
        rec = json.load(f)
    rec["organization"]["misson"] = "typo"
    with tempfile.TemporaryDirectory() as d:
        path = write(d, "rec.json", json.dumps(rec, indent=2))
        # the document path is relative to the record; copy the text beside it
        os.makedirs(os.path.join(d, "texts"))
        with open(os.path.join(EX, "texts", "harbor-welcome.txt"), "rb") as src:
            write(os.path.join(d, "texts"), "harbor-welcome.txt", src.read())
        code, out, err = run("check", path)
        expect(code == 0, f"exit {code}: {err}")
        expect("warning: unknown field \"misson\"" in err and "(at /organization/misson)" in err, err)
        expect("WARNINGS ABOUT THE RECORD" in out, "warnings in report")


@test
def validate_reports_validity():
    code, out, _ = run("validate", HARBOR, RIVERBEND, NORTHFIELD)
    expect(code == 0, f"exit {code}")
    expect(out.count(": valid rco-record/1") == 3, out)
    with tempfile.TemporaryDirectory() as d:
        bad = write(d, "bad.json", '{"format":"rco-record/1","as_of":"yesterday"}')
        code, out, err = run("validate", bad, HARBOR)
        expect(code == 2, f"exit {code}")
        expect(f"{bad}: invalid" in out and "valid rco-record/1" in out, out)
        expect("(at /as_of)" in err, err)


@test
def rules_and_explain():
    code, out, _ = run("rules")
    expect(code == 0, f"exit {code}")
    expect("43 checks in 10 standards" in out, out[:200])
    expect("S6.5   recommended" in out, "S6.5 level")
    code, out, _ = run("rules", "--profile", "accreditation")
    expect("S6.5   required" in out, "accreditation level")
    code, out, _ = run("explain", "S2.1")
    expect(code == 0 and out.startswith("S2.1 board-recovery-majority:"), out[:100])
    expect("majority_rule = more_than_half [S]" in out, out)
    expect("michigan profile: true" in out, "profile parameters")
    code, out, _ = run("explain", "board-meets-regularly")
    expect(code == 0 and "min_board_meetings = 4 [P]" in out, out)
    code, _, err = run("explain", "S99.9")
    expect(code == 2 and "no check 'S99.9'" in err, err)


def catalog_english():
    """Every standard and check of rules/standards.json, as written there."""
    with open(os.path.join(ROOT, "rules", "standards.json"), encoding="utf-8") as f:
        return json.load(f)["standards"]


@test
def rules_in_spanish():
    code, out, err = run("rules", "--lang", "es")
    expect(code == 0, f"exit {code}, {err}")
    expect(out.startswith("Catálogo 2026.") and "43 criterios en 10 estándares\n" in out, out[:120])
    expect("\nEstándar 2: Dirigida y gobernada por la comunidad de recuperación\n" in out, out[:800])
    expect("  S2.1   obligatorio Mayoría de personas en recuperación en la junta directiva\n" in out, out[:800])
    expect("  S6.5   recomendado Dos años de servicios entre pares\n" in out, out)
    for s in catalog_english():
        expect(s["title"] not in out, f"English standard title left: {s['title']}")
        for c in s["checks"]:
            expect(c["title"] not in out, f"English check title left: {c['title']}")
    expect("required" not in out and "recommended" not in out, "English levels left")
    code, out, _ = run("rules", "--lang", "ES-mx", "--format", "json", "--profile", "accreditation")
    rep = json.loads(out)
    by_id = {c["id"]: c for c in rep["checks"]}
    expect(by_id["S6.5"] == {"id": "S6.5", "slug": "prss-history", "standard": 6, "level": "required",
                             "title": "Dos años de servicios entre pares"}, by_id["S6.5"])
    # the environment variable, and --lang winning over it
    code, env_out, _ = run("rules", env={"RCO_AUDIT_LANG": "es"})
    _, es_out, _ = run("rules", "--lang", "es")
    expect(code == 0 and env_out == es_out, env_out[:200])
    _, en_env, _ = run("rules", "--lang", "en", env={"RCO_AUDIT_LANG": "es"})
    _, en_out, _ = run("rules")
    expect(en_env == en_out and "43 checks in 10 standards" in en_out, en_env[:200])


@test
def explain_in_spanish():
    code, out, err = run("explain", "S1.1", "--lang", "es")
    expect(code == 0, f"exit {code}, {err}")
    expect(out.startswith("S1.1 nonprofit-status: Estatus 501(c)(3) de organización sin fines de lucro\n"
                          "Estándar 1: Organización sin fines de lucro\nNivel: obligatorio (perfil national)\n"), out[:300])
    expect("\nPregunta: ¿Es la organización una entidad sin fines de lucro 501(c)(3)" in out, out)
    expect("\nPor qué importa: " in out and "\nQué hacer: " in out and "\nDocumentación que registrar:\n" in out, out)
    expect("  - organization.determination_letter (id en documents[] de la carta de determinación del IRS)\n" in out, out)
    s1 = catalog_english()[0]["checks"][0]
    for field in ("title", "question", "rationale", "remediation"):
        expect(s1[field] not in out, f"English {field} left")
    code, out, _ = run("explain", "S2.1", "--lang", "es")
    expect("\nParámetros (S = de un estándar publicado, P = propuesta de esta herramienta):\n" in out, out)
    expect("      perfil michigan: true\n" in out, out)
    expect("\nFuentes:\n  [FV] " in out, out)
    code, out, _ = run("explain", "S6.5", "--lang", "es")
    expect("Nivel: recomendado (perfil national); obligatorio en el perfil accreditation; obligatorio en el perfil indiana"
           in out, out[:400])


@test
def check_json_in_spanish_keeps_the_machine_fields():
    code_en, out_en, _ = run("check", NORTHFIELD, "--format", "json")
    code, out, err = run("check", NORTHFIELD, "--format", "json", "--lang", "es")
    expect(code == code_en == 1 and err == "", f"exit {code}, {err}")
    en, es = json.loads(out_en), json.loads(out)
    s21 = next(c for c in es["checks"] if c["id"] == "S2.1")
    expect(s21["title"] == "Mayoría de personas en recuperación en la junta directiva", s21["title"])
    expect(s21["explanation"] == "3 de 8 integrantes con derecho a voto en funciones se autoidentifican como "
           "personas en recuperación personal; se exige más de la mitad (al menos 5).", s21["explanation"])
    expect(s21["remediation"].startswith("Cuando se abran puestos, reclute integrantes"), s21["remediation"])
    expect(es["standards"][1]["title"] == "Dirigida y gobernada por la comunidad de recuperación", es["standards"][1])
    for s in catalog_english():
        for c in s["checks"]:
            expect(c["title"] not in out, f"English title left: {c['title']}")

    def machine(doc):
        for s in doc["standards"]:
            s.pop("title")
        for c in doc["checks"]:
            for k in ("title", "explanation", "remediation", "evidence", "question"):
                c.pop(k, None)
        return doc
    expect(machine(en) == machine(es), "machine fields differ between English and Spanish")
    # A warning about the record, for people: in Spanish, at the same place.
    with tempfile.TemporaryDirectory() as d:
        with open(NORTHFIELD) as f:
            rec = json.load(f)
        rec["colour"] = "blue"
        odd = write(d, "odd.json", json.dumps(rec, indent=1))
        warned = {lang: json.loads(run("check", odd, "--format", "json", "--lang", lang)[1])["warnings"]
                  for lang in ("en", "es")}
        expect(warned["es"] == [{"file": odd, "pointer": "/colour", "line": warned["en"][0]["line"], "column": 2,
                                 "message": 'se ignora el campo desconocido "colour" (revise cómo se escribe según '
                                            'rco-record/1)'}], warned)
        expect(warned["en"][0]["message"] == 'unknown field "colour" is ignored (check its spelling against '
               'rco-record/1)', warned)
    code, out, err = run("check", NORTHFIELD, "--lang", "es")
    expect(code == 1 and err == "", err)
    expect(out.startswith("Auditoría de estándares de RCO: Northfield Wellness Collective\nFecha de revisión: "
                          "30 de junio de 2026 · perfil national ·"), out[:200])
    expect("\nRESULTADO: NO CUMPLE LOS ESTÁNDARES — 0 de 10 estándares cumplidos" in out, out[:400])
    expect("\nESTÁNDARES\n  NO CUMPLIDO  56 %   1. Organización sin fines de lucro\n" in out, out[:900])
    expect("\n  2. [S2.1] Mayoría de personas en recuperación en la junta directiva (obligatorio," in out, out)
    expect("\nTODOS LOS CRITERIOS\n  Estándar 1: Organización sin fines de lucro — NO CUMPLIDO\n" in out, out)
    for s in catalog_english():
        expect(s["title"] not in out, f"English standard title left: {s['title']}")
        for c in s["checks"]:
            expect(c["title"] not in out, f"English title left: {c['title']}")
    for english in ("RESULT:", "WHAT TO DO NEXT", "Next step:", "EVERY CHECK", "Provenance:", "not recorded"):
        expect(english not in out, f"English left: {english}")
    # a waiver, and the waivers about to expire, in Spanish
    tailoring = os.path.join(EX, "tailoring-state-office.json")
    code, out, _ = run("check", RIVERBEND, "--tailoring", tailoring, "--expiring-within", "200", "--lang", "es")
    expect("\nEXENCIONES QUE VENCEN EN 200 DÍAS (hasta el 16 de enero de 2027)\n  S5.1 Consultas regulares a la "
           "comunidad: vence el 31 de diciembre de 2026, dentro de\n  184 días; aprobada por" in out, out)
    expect("Eximido hasta el 31 de diciembre de 2026, con la aprobación de State RCO" in out, out)
    expect("\nAJUSTES (" in out and "\n  S2.3: parámetro min_board_meetings fijado en 6\n" in out, out)
    code, _, err = run("check", NORTHFIELD, "--lang", "xx")
    expect(code == 2 and "unknown language 'xx' (--lang)" in err, err)


def words_of(report, fmt):
    """What a reader of `report` reads: for HTML the text without tags, for Markdown
    without escapes; white space runs (wrapped lines) as one space."""
    import html as html_module
    if fmt == "html":
        # A block (list item, paragraph, cell, heading) ends its text; inline markup does not.
        report = re.sub(r"</?(li|p|td|th|h[1-6]|dt|dd|caption)\b[^>]*>", " \u00B6 ", report)
        report = html_module.unescape(re.sub(r"<[^>]+>", " ", report))
    elif fmt == "markdown":
        report = re.sub(r"\\(.)", r"\1", report)
    return " ".join(report.split())


@test
def every_report_for_people_in_spanish_leaves_no_english_title_or_explanation():
    tailoring = os.path.join(EX, "tailoring-state-office.json")
    reviews = ["--review", os.path.join(EX, "reviews", "harbor-rev-01.json"),
               "--review", os.path.join(EX, "reviews", "harbor-rev-02.json")]
    runs = [[NORTHFIELD], [RIVERBEND, "--tailoring", tailoring, "--expiring-within", "200"], [HARBOR, *reviews],
            [os.path.join(EX, "starter-record.json")]]
    own_words = ["What to do next", "Scorecard", "About this report", "Next step:", "Work to do", "Evidence to record",
                 "For a reviewer", "Keep on record", "The organization", "checks pass", "Review date", "Waived until",
                 "Accreditation review", "Indicative outcome", "Findings:", "has it", "Performance Improvement Plan",
                 "RESULT:", "EVERY CHECK", "ACCREDITATION REVIEW"]
    for args in runs:
        _, out_en, _ = run("check", *args, "--format", "json")
        english = [c["explanation"] for c in json.loads(out_en)["checks"]]
        english += [c[k] for c in json.loads(out_en)["checks"] for k in ("remediation", "question") if k in c]
        english += [s["title"] for s in catalog_english()]
        english += [c["title"] for s in catalog_english() for c in s["checks"]]
        for fmt in ("text", "html", "markdown"):
            code_en, _, _ = run("check", *args, "--format", fmt)
            code, out, err = run("check", *args, "--format", fmt, "--lang", "es")
            expect(code == code_en and "in English" not in err, f"{fmt}: exit {code} (English {code_en}), {err}")
            read = words_of(out, fmt)
            for text in english + own_words:
                expect(" ".join(text.split()) not in read, f"{fmt} of {os.path.basename(args[0])}: English left: {text}")
            if fmt == "html":
                expect('<!doctype html>\n<html lang="es">\n' in out, out[:80])
                _, out_en_html, _ = run("check", *args, "--format", fmt)
                expect('<!doctype html>\n<html lang="en">\n' in out_en_html, out_en_html[:80])
    # Machine fields are the same: CSV's columns but the three for people, JUnit's names,
    # types and properties.
    def machine_csv(out, people=(6, 10, 14)):
        import csv as csv_module
        import io
        rows = list(csv_module.reader(io.StringIO(out)))
        return [[cell for k, cell in enumerate(row) if k not in people] for row in rows]
    for args in runs:
        _, en, _ = run("check", *args, "--format", "csv")
        _, es, _ = run("check", *args, "--format", "csv", "--lang", "es")
        expect(machine_csv(en) == machine_csv(es) and en != es, f"CSV machine columns differ: {args}")
        _, en, _ = run("check", *args, "--format", "junit")
        _, es, _ = run("check", *args, "--format", "junit", "--lang", "es")
        machine = re.compile(r'<property name="[^"]*" value="[^"]*"/>|<testcase classname="[^"]*" name="[^"]*"|'
                             r'type="[^"]*"|tests="\d+" failures="\d+" errors="\d+" skipped="\d+"')
        expect(machine.findall(en) == machine.findall(es) and en != es, f"JUnit machine fields differ: {args}")
    code, out, err = run("check", NORTHFIELD, "--format", "junit", "--lang", "es")
    expect('<testsuite name="Estándar 2: Dirigida y gobernada por la comunidad de recuperación"' in out, out[:900])
    expect('<skipped message="requiere revisión: ' in run("check", HARBOR, "--format", "junit", "--lang", "es")[1],
           "a skipped check's question in Spanish")


@test
def spanish_pip_and_summaries():
    reviews = ["--review", os.path.join(EX, "reviews", "harbor-rev-01.json"),
               "--review", os.path.join(EX, "reviews", "harbor-rev-02.json")]
    _, pip, err = run("check", HARBOR, *reviews, "--format", "pip", "--lang", "es")
    expect(pip.startswith("PLAN DE MEJORA DEL DESEMPEÑO: Harbor Recovery Community\nFecha de revisión: 15 de julio "
                          "de 2026 · plazo de los puntos: 13 de octubre de 2026 (90 días)"), pip[:300])
    expect("1. Estándar 8: Políticas, prácticas y servicios diversos, equitativos e inclusivos — plazo: 13 de octubre "
           "de 2026\n" in pip and "lo tiene 1,00, lo usa 0,50" in pip, pip)
    for s in catalog_english():
        expect(s["title"] not in pip, f"English title left: {s['title']}")
    with tempfile.TemporaryDirectory() as d:
        records = [HARBOR, NORTHFIELD]
        for lang in ("en", "es"):
            code, _, err = run("check", *records, "--format", "html", "--output-dir", os.path.join(d, lang),
                               "--summary", os.path.join(d, lang + ".html"), "--summary", os.path.join(d, lang + ".csv"),
                               "--lang", lang)
            expect(code == 1, err)
        with open(os.path.join(d, "es.html"), encoding="utf-8") as f:
            page = f.read()
        expect(page.startswith('<!doctype html>\n<html lang="es">\n'), page[:80])
        expect("<h1>Auditoría de estándares de RCO: resumen de 2 organizaciones</h1>" in page, page[:3000])
        expect('title="Estándar 2: Dirigida y gobernada por la comunidad de recuperación"' in page, page[:5000])
        for s in catalog_english():
            expect(s["title"] not in page, f"English standard title left in the summary: {s['title']}")
        with open(os.path.join(d, "en.csv"), encoding="utf-8") as en, open(os.path.join(d, "es.csv"), encoding="utf-8") as es:
            expect(en.read() == es.read(), "the CSV summary is machine data, the same in every language")


@test
def spanish_text_reports_of_the_examples_match_their_golden_files():
    golden = os.path.join(ROOT, "tests", "golden")
    tailoring = os.path.join(EX, "tailoring-state-office.json")
    cases = {"northfield-wellness-collective.es.txt": [NORTHFIELD],
             "riverbend-emerging-rco.es.txt": [RIVERBEND, "--tailoring", tailoring, "--expiring-within", "200"],
             "harbor-recovery-community.es.txt": [HARBOR, "--review", os.path.join(EX, "reviews", "harbor-rev-01.json"),
                                                  "--review", os.path.join(EX, "reviews", "harbor-rev-02.json")],
             "northfield-wellness-collective.es.md": [NORTHFIELD, "--format", "markdown"],
             "northfield-wellness-collective.es.html": [NORTHFIELD, "--format", "html"]}
    version = run("--version")[1].split()[-1]
    catalog_sha256 = json.loads(run("check", HARBOR, "--format", "json")[1])["catalog"]["sha256"]
    for name, args in cases.items():
        # Relative paths, so the reports name the files the same way on every machine; the
        # tool's version and the catalog's digest as placeholders, so that a release or a
        # catalog edit does not change them.
        rel = [os.path.relpath(a, ROOT) if a.startswith(ROOT) else a for a in args]
        _, out, err = run("check", *rel, "--lang", "es", cwd=ROOT)
        out = out.replace("rco-audit " + version, "rco-audit VERSION")
        out = out.replace(catalog_sha256, "CATALOG-SHA256").replace(catalog_sha256[:16], "CATALOG-SHA256")
        path = os.path.join(golden, name)
        # Spanish writes a space before "%": a line never begins with the sign, away from its number.
        starts = [line for line in out.splitlines() if line.lstrip().startswith("%")]
        expect(not starts, f"{name}: a line begins with a percent sign: {starts[:2]}")
        if os.environ.get("RCO_UPDATE_GOLDEN"):
            write(golden, name, out)
        with open(path, encoding="utf-8", newline="") as f:
            expected = f.read()
        if out != expected:
            lines = [f"{a!r} != {b!r}" for a, b in zip(out.splitlines(), expected.splitlines()) if a != b][:3]
            raise AssertionError(f"{name} differs from the golden file (RCO_UPDATE_GOLDEN=1 rewrites it "
                                 f"after a deliberate change): {lines}")


@test
def unknown_language_is_a_usage_error():
    for args in (("rules", "--lang", "xx"), ("explain", "S1.1", "--lang", "fr-CA")):
        code, out, err = run(*args)
        expect(code == 2 and out == "", f"{args}: exit {code}")
        expect(f"unknown language '{args[-1]}' (--lang); rco-audit speaks en, es" in err, err)
    code, _, err = run("rules", env={"RCO_AUDIT_LANG": "klingon"})
    expect(code == 2 and "unknown language 'klingon' (RCO_AUDIT_LANG)" in err, err)
    code, _, err = run("rules", "--lang", "x\x1b[31m")
    expect(code == 2 and "\x1b" not in err, repr(err))


@test
def init_writes_a_record_that_audits():
    import re
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "mine.json")
        code, out, _ = run("init", target)
        expect(code == 0 and os.path.exists(target), f"exit {code}")
        code, _, err = run("init", target)
        expect(code == 2 and "already exists" in err, err)
        # A blank record: every section present, every value empty, dated; it passes nothing.
        with open(target, encoding="utf-8") as f:
            blank = json.load(f)
        for section in ("organization", "board", "bylaws", "pathways", "volunteers", "participation", "policies",
                        "demographics", "services", "filings", "peer_workers", "grievances", "documents"):
            expect(section in blank, f"section {section} missing from the blank record")
        expect(blank["organization"]["name"] is None and blank["services"] is None, blank["organization"])
        expect(blank["policies"]["code_of_ethics"]["topics"] is None, blank["policies"])
        expect(re.fullmatch(r"\d{4}-\d{2}-\d{2}", blank["as_of"]) is not None, blank["as_of"])
        code, out, err = run("validate", target)
        expect(code == 0 and out.strip() == f"{target}: valid rco-record/1; no unknown field or word ignored", out + err)
        code, out, err = run("check", target, "--format", "json")
        rep = json.loads(out)
        expect(code == 1 and rep["counts"]["pass"] == 0 and rep["counts"]["insufficient_evidence"] >= 35,
               f"blank record audit exit {code}: {rep['counts']}")
        s21 = [c for c in rep["checks"] if c["id"] == "S2.1"][0]
        expect(s21["status"] == "insufficient_evidence", s21)
        # --example keeps the complete example, which is warned about until its values are replaced.
        example = os.path.join(d, "example.json")
        code, out, _ = run("init", example, "--example")
        expect(code == 0 and "complete example record" in out, out)
        code, out, err = run("check", example, "--format", "json")
        expect(code == 0, f"example record audit exit {code}: {err}")
        expect("still holds the example's values (/organization/name, /organization/ein" in err, err)
        expect(any("/organization/name" == w["pointer"] for w in json.loads(out)["warnings"]), "warning in report")
        code, _, err = run("validate", example)
        expect(code == 0 and "still holds the example's values" in err, err)
        code, _, err = run("check", HARBOR)
        expect(code == 0 and "example's values" not in err, err)


@test
def usage_errors_exit_2_and_help_documents_exit_codes():
    code, out, _ = run("--help")
    expect(code == 0 and "Exit codes:" in out and "1  a required check failed" in out, out)
    code, _, err = run("check")
    expect(code == 2, f"exit {code}")
    code, _, err = run("check", HARBOR, "--profile", "texas")
    expect(code == 2 and "unknown profile 'texas'" in err, err)
    code, _, err = run("check", HARBOR, "--as-of", "30/06/2026")
    expect(code == 2 and "--as-of expects a date" in err, err)
    code, _, err = run("check", HARBOR, "--format", "pdf")
    expect(code == 2, f"exit {code}")


@test
def rules_dir_replaces_the_catalog():
    with tempfile.TemporaryDirectory() as d:
        for name in ("standards.json", "profiles.json", "language.json", "vocabulary.json", "accreditation.json"):
            with open(os.path.join(ROOT, "rules", name)) as f:
                text = f.read()
            if name == "standards.json":
                cat = json.loads(text)
                s23 = cat["standards"][1]["checks"][2]
                s23["parameters"]["min_board_meetings"]["default"] = 12
                text = json.dumps(cat)
            write(d, name, text)
        code, out, _ = run("check", HARBOR, "--rules", d, "--format", "json")
        rep = json.loads(out)
        s23 = [c for c in rep["checks"] if c["id"] == "S2.3"][0]
        expect(s23["status"] == "fail" and "at least 12 expected" in s23["explanation"], s23)
        write(d, "profiles.json", "{ not json")
        code, _, err = run("check", HARBOR, "--rules", d)
        expect(code == 2 and "profiles.json:1:3: error: malformed JSON" in err, err)


@test
def stdin_is_accepted():
    with open(NORTHFIELD, "rb") as f:
        code, out, _ = run("check", "-", "--format", "json", stdin=f.read())
    expect(code == 1 and json.loads(out)["input"]["file"] == "-", f"exit {code}")


@test
def readme_excerpts_are_real_output():
    import re
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    blocks = re.findall(r"<!-- output: (.*?) -->\n```\n(.*?)```", readme, re.S)
    expect(len(blocks) >= 4, f"only {len(blocks)} output blocks found")
    for args, text in blocks:
        _, out, _ = run(*args.split(), cwd=ROOT)
        expect(text.strip("\n") in out, f"README excerpt for '{args}' differs from the output")


@test
def tailoring_file_is_applied_echoed_and_validated():
    tailoring = os.path.join(EX, "tailoring-state-office.json")
    code, out, err = run("check", RIVERBEND, "--tailoring", tailoring, "--format", "json")
    expect(code == 1, f"exit {code}: {err}")
    rep = json.loads(out)
    expect(rep["profile"] == "florida", "the tailoring file's profile is used")
    expect(rep["tailoring_file"]["file"] == tailoring and len(rep["tailoring_file"]["sha256"]) == 64, "provenance")
    s51 = [c for c in rep["checks"] if c["id"] == "S5.1"][0]
    expect(s51["status"] == "waived" and s51["underlying_status"] == "fail", s51)
    expect(s51["waiver"]["approved_by"] == "State RCO certification office", s51)
    expect([t["check"] for t in rep["tailoring"]] == ["S1.5", "S2.3", "S2.4", "S5.1", "S5.4"], rep["tailoring"])
    code, out, err = run("check", RIVERBEND, "--tailoring", tailoring, "--profile", "national", "--format", "json")
    expect(json.loads(out)["profile"] == "national" and "overrides the tailoring file's profile" in err, err)
    with tempfile.TemporaryDirectory() as d:
        bad = write(d, "t.json", '{"format": "rco-tailoring/1",\n "waivers": [{"check": "S5.1", "approved_by": "x", "expires": "2026-12-31"}]}')
        code, _, err = run("check", RIVERBEND, "--tailoring", bad)
        expect(code == 2 and f"{bad}:2:14: error: missing \"justification\" (at /waivers/0)" in err, err)


def places(err, file):
    """The place of each of `err`'s lines about `file`: "file:line:column" and the JSON Pointer."""
    out = []
    for line in err.splitlines():
        if line.startswith(file + ":"):
            pointer = re.search(r" \((?:at|en) (/[^ ]*)\)$", line)
            out.append((line.split(": ")[0], pointer.group(1) if pointer else None))
    return out


@test
def rules_tailoring_and_review_errors_in_spanish():
    # --lang es: the catalog's, the tailoring file's and the review file's errors in Spanish,
    # at the same file, line:column and JSON Pointer as in English, with the same exit code.
    with tempfile.TemporaryDirectory() as d:
        rules = os.path.join(d, "rules")
        os.mkdir(rules)
        for name in ("standards.json", "profiles.json", "language.json", "vocabulary.json", "accreditation.json"):
            with open(os.path.join(ROOT, "rules", name)) as f:
                text = f.read()
            if name == "profiles.json":
                cat = json.loads(text)
                cat["profiles"][1]["levels"]["S9.99"] = "mandatory"
                text = json.dumps(cat, indent=1)
            write(rules, name, text)
        tailoring = write(d, "t.json", '{"format": "rco-tailoring/1", "colour": 1,\n'
                                       ' "levels": {"S2.1": "optional", "S9.9": "required"},\n'
                                       ' "parameters": {"S2.1": {"majority": 1}},\n'
                                       ' "waivers": [{"check": "S5.1", "approved_by": "x", "expires": "2026-12-31"}]}')
        review = write(d, "r.json", '{"format": "rco-review/1", "organization": {"ein": "41-2873561"},\n'
                                    ' "reviewer": {"id": "r"}, "date": "2026-07-15",\n'
                                    ' "scores": [{"standard": 2, "has_it": 3, "uses_it": 1, "evidence": ["D", "X"]}]}')
        profiles = os.path.join(rules, "profiles.json")
        cases = [(["check", HARBOR, "--rules", rules], profiles,
                  [f'{profiles}:{{}}: error: criterio desconocido: "S9.99" (en /profiles/1/levels/S9.99)',
                   f'{profiles}:{{}}: error: se esperaba "required" o "recommended" (en /profiles/1/levels/S9.99)']),
                 (["check", RIVERBEND, "--tailoring", tailoring], tailoring,
                  [f'{tailoring}:1:31: error: campo desconocido: "colour" (se esperaba profile, levels, parameters, '
                   'not_applicable, waivers o accreditation) (en /colour)',
                   f'{tailoring}:2:13: error: se esperaba "required" o "recommended" (en /levels/S2.1)',
                   f'{tailoring}:2:33: error: criterio desconocido: "S9.9" (\'rco-audit rules\' los enumera) '
                   '(en /levels/S9.9)',
                   f'{tailoring}:3:26: error: S2.1 no tiene el parámetro "majority" (tiene: majority_rule, '
                   'majority_percent, count_family_members) (en /parameters/S2.1/majority)',
                   f'{tailoring}:4:14: error: falta "justification" (en /waivers/0)']),
                 (["check", HARBOR, "--review", review], review,
                  [f'{review}:3:29: error: se esperaba un número entero de 0 a 2, pero se encontró 3 '
                   '(0 nada, 1 moderado, 2 excelente) (en /scores/0/has_it)',
                   f'{review}:3:56: error: código de "evidence" desconocido: "X" (se esperaba D documentos, '
                   'O observaciones, I entrevistas, S encuestas, T rastreos) (en /scores/0/evidence)'])]
        for args, file, spanish in cases:
            en_code, _, en_err = run(*args)
            es_code, _, es_err = run(*args, "--lang", "es")
            expect(en_code == es_code == 2, f"{args}: exit {en_code} and {es_code}")
            expect(places(es_err, file) == places(en_err, file) and len(places(en_err, file)) == len(spanish),
                   en_err + es_err)
            where = [p[0][len(file) + 1:] for p in places(en_err, file)]
            ours = [line for line in es_err.splitlines() if line.startswith(file + ":")]
            expect(ours == [s.format(w) if "{}" in s else s for s, w in zip(spanish, where)], es_err)
        # The same errors in English are as before.
        _, _, err = run(*cases[1][0])
        expect(f'{tailoring}:1:31: error: unknown field "colour" (expected profile, levels, parameters, not_applicable, '
               'waivers or accreditation) (at /colour)' in err, err)
        _, _, err = run(*cases[2][0])
        expect(f'{review}:3:56: error: unknown evidence code "X" (expected D documents, O observations, I interviews, '
               'S surveys, T tracers) (at /scores/0/evidence)' in err, err)


@test
def check_usage_and_output_errors_in_spanish():
    # check's usage errors and the errors writing an output, in each language, with exit code 2.
    with tempfile.TemporaryDirectory() as d:
        same = os.path.join(d, "o.json")
        fifo = os.path.join(d, "pipe")
        os.mkfifo(fifo)
        empty = os.path.join(d, "empty")
        os.mkdir(empty)
        tailoring = write(d, "t.json", '{"format": "rco-tailoring/1", "colour": 1}')
        cases = [
            (["--profile", "nowhere"],
             "unknown profile 'nowhere'; known profiles: national accreditation florida michigan indiana",
             "perfil desconocido: 'nowhere'; los perfiles son: national accreditation florida michigan indiana"),
            (["--as-of", "2026-13-01"], "--as-of expects a date as YYYY-MM-DD, got '2026-13-01'",
             "--as-of espera una fecha con la forma AAAA-MM-DD, pero se encontró '2026-13-01'"),
            (["--format", "yaml"], "unknown format 'yaml'; formats: text json html markdown junit csv pip",
             "formato desconocido: 'yaml'; los formatos son: text json html markdown junit csv pip"),
            (["--format", "json", "--format", "html"],
             "several formats need a file each: --format html:report.html --format json:report.json, or --output-dir DIR",
             "cada formato necesita su propio archivo: --format html:report.html --format json:report.json, o "
             "--output-dir DIR"),
            (["--format", "json:" + same, "--format", "html:" + same],
             f"two outputs of this run are the same file, {same}",
             f"dos salidas de esta ejecución son el mismo archivo, {same}"),
            ([RIVERBEND, "--roster", os.path.join(EX, "harbor-board-roster.csv")],
             "--roster describes one board; give it with one record",
             "--roster describe una sola junta directiva; úselo con un solo expediente"),
            (["--output", fifo], f"refusing to write {fifo}: it is a FIFO, and only a regular file is ever replaced",
             f"no se escribe {fifo}: es una FIFO, y solo se reemplaza un archivo normal"),
            (["--output", HARBOR], f"refusing to write {HARBOR}: it is an input of this run and would be lost",
             f"no se escribe {HARBOR}: es un archivo de entrada de esta ejecución y se perdería"),
            (["--tailoring", tailoring], f"the tailoring file {tailoring} cannot be used",
             f"no se puede usar el archivo de ajustes {tailoring}"),
        ]
        for extra, english, spanish in cases:
            for lang, words in (("en", english), ("es", spanish)):
                code, out, err = run("check", HARBOR, *extra, "--lang", lang)
                last = err.splitlines()[-1] if err else ""
                expect(code == 2 and out == "" and last == "rco-audit: error: " + words, f"{lang} {extra}: {code} {err}")
        for lang, words in (("en", f"no record files (*.json, *.xml, *.xlsx) found in {empty}"),
                            ("es", f"no se encontraron archivos de expedientes (*.json, *.xml, *.xlsx) en {empty}")):
            code, _, err = run("check", empty, env={"RCO_AUDIT_LANG": lang})
            expect(code == 2 and err == "rco-audit: error: " + words + "\n", err)
        # rules' and explain's own usage errors too.
        for args, english, spanish in ((["rules", "--profile", "nowhere"], "unknown profile 'nowhere'",
                                        "perfil desconocido: 'nowhere'"),
                                       (["explain", "S99"], "no check 'S99'; 'rco-audit rules' lists them (e.g. S2.1)",
                                        "no hay ningún criterio 'S99'; 'rco-audit rules' los enumera (p. ej., S2.1)")):
            for lang, words in (("en", english), ("es", spanish)):
                code, out, err = run(*args, "--lang", lang)
                expect(code == 2 and out == "" and err == "rco-audit: error: " + words + "\n", f"{lang}: {err}")


@test
def review_mismatch_and_irs_note_in_spanish():
    # What check finds wrong with a review against the record, and the note on an IRS
    # return's review date, in each language at the same place.
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(EX, "reviews", "harbor-rev-01.json"), encoding="utf-8") as f:
            other = write(d, "other.json", f.read().replace("41-2873561", "41-9999999"))
        nonote = write(d, "nonote.json", json.dumps({
            "format": "rco-review/1", "organization": {"ein": "41-2873561"}, "reviewer": {"id": "r"},
            "date": "2026-07-15", "judgments": [{"check": "S2.1", "verdict": "not_satisfied"}]}))
        ez = os.path.join(ROOT, "tests", "data", "irs990", "201500089349200000_public.xml")
        cases = [([HARBOR, "--review", other], 2,
                  f"{other}:3:3: error: the review is about EIN 41-9999999, but the record's EIN is 41-2873561: a review "
                  "must match the organization it is applied to (at /organization)",
                  f"{other}:3:3: error: la revisión trata del EIN 41-9999999, pero el EIN del expediente es 41-2873561: "
                  "una revisión debe corresponder a la organización a la que se aplica (en /organization)"),
                 ([HARBOR, "--review", nonote], 2,
                  f"{nonote}:1:128: error: a judgment on S2.1, which the automatic check decided (pass), overrides it and "
                  "needs a \"note\" saying why [S2.1] (at /judgments/0)",
                  f"{nonote}:1:128: error: un dictamen sobre S2.1, que el criterio automático ya decidió (pass), lo "
                  "reemplaza y necesita una \"note\" que explique por qué [S2.1] (en /judgments/0)"),
                 ([ez], 1,
                  f"{ez}: warning: an IRS return has no review date; auditing as of 2014-12-31, the end of tax year 2014 "
                  "(give --as-of to choose another)",
                  f"{ez}: advertencia: una declaración del IRS no tiene fecha de revisión; se audita al 31 de diciembre "
                  "de 2014, el final del año tributario 2014 (use --as-of para elegir otra)")]
        for args, exit_code, english, spanish in cases:
            for lang, line in (("en", english), ("es", spanish)):
                code, _, err = run("check", *args, "--format", "json", "--lang", lang)
                expect(code == exit_code and line in err.splitlines(), f"{lang}: exit {code}: {err}")


def riverbend_a_year_later(d):
    """Riverbend's JSON report, the record a year later (two more community input events
    and a feedback survey) and its report, written in `d`: (before, newer record, after)."""
    with open(RIVERBEND) as f:
        rec = json.load(f)
    before = write(d, "before.json", run("check", RIVERBEND, "--format", "json")[1])
    rec["participation"]["events"] += [
        {"date": "2026-04-10", "type": "focus_group", "participants": 9, "id": "ev-new-1"},
        {"date": "2026-05-15", "type": "visioning", "participants": 21, "id": "ev-new-2"}]
    rec["participation"]["feedback_survey"] = "2026-05-01"
    newer = write(d, "rec.json", json.dumps(rec))
    after = write(d, "after.json", run("check", newer, "--format", "json")[1])
    return before, newer, after


@test
def diff_shows_progress_between_audits():
    with tempfile.TemporaryDirectory() as d:
        before, newer, after = riverbend_a_year_later(d)
        code, out, err = run("diff", before, after)
        expect(code == 0, f"exit {code}: {err}")
        expect("Overall: does not meet the standards → meets the standards; score 81% → 86% (+5)" in out, out)
        expect("Standards newly met\n  5. Participatory process: does not meet → meets, score 43% → 100%" in out, out)
        expect("  S5.1 Regular community input events: does not meet → meets\n" in out, out)
        expect("  S5.4 Participant feedback survey: evidence missing → meets\n" in out, out)
        expect(err == "", err)
        code, out, _ = run("diff", after, before, "--format", "json")
        expect(code == 1, f"regression exit {code}")
        j = json.loads(out)
        expect(j["format"] == "rco-audit-diff/1" and j["regressed"] is True, j)
        expect({c["id"]: c["change"] for c in j["checks"]}["S5.1"] == "newly_failing", j["checks"])
        other = write(d, "michigan.json", run("check", newer, "--format", "json", "--profile", "michigan")[1])
        code, out, err = run("diff", before, other)
        expect("different profiles (old: national, new: michigan)" in err and "WARNING" in out, err)
        recs = os.path.join(d, "recs")
        os.makedirs(recs)
        shutil.copy(RIVERBEND, recs)
        shutil.copy(NORTHFIELD, recs)
        batch = write(d, "batch.json", run("check", recs, "--format", "json")[1])
        code, _, err = run("diff", before, batch)
        expect(code == 2 and "the new report is not an rco-audit-report/1 report" in err, err)
        broken = write(d, "broken.json", '{"format": ')
        code, _, err = run("diff", before, broken)
        expect(code == 2 and f"{broken}:1:12: error: malformed JSON" in err, err)


@test
def batch_over_a_directory_is_parallel_deterministic_and_complete():
    import shutil
    with tempfile.TemporaryDirectory() as d:
        recs = os.path.join(d, "records")
        os.makedirs(os.path.join(recs, "texts"))
        shutil.copy(os.path.join(EX, "texts", "harbor-welcome.txt"), os.path.join(recs, "texts"))
        with open(HARBOR) as f:
            base = json.load(f)
        names = []
        for i in range(12):
            rec = json.loads(json.dumps(base))
            rec["organization"]["name"] = f"Org {i:02d}"
            if i % 3 == 0:  # every third board loses its recovery majority
                for m in rec["board"]["members"][:4]:
                    m["recovery_identity"] = "ally"
            names.append(write(recs, f"org-{i:02d}.json", json.dumps(rec)))
        write(recs, "zz-broken.json", "{ nope")
        out_dir = os.path.join(d, "out")
        code, out, err = run("check", recs, "--format", "json:" + os.path.join(d, "all.json"),
                             "--format", "text:" + os.path.join(d, "all.txt"), "--output-dir", out_dir)
        expect(code == 2, f"worst code wins: {code}")
        expect("zz-broken.json:1:3: error: malformed JSON" in err, err)
        expect("Auditing" not in err, "no progress bar when standard error is not a terminal")
        with open(os.path.join(d, "all.json")) as f:
            batch = json.load(f)
        expect([r["organization"]["name"] for r in batch["reports"]] == [f"Org {i:02d}" for i in range(12)],
               "input order")
        expect([r["result"] for r in batch["reports"]].count("does_not_meet") == 4, "four fail")
        expect(len(batch["errors"]) == 1 and batch["errors"][0]["file"].endswith("zz-broken.json"), batch["errors"])
        with open(os.path.join(d, "all.txt")) as f:
            expect(f.read().count("RCO standards audit: Org ") == 12, "text report per record")
        # json and text have explicit files, so --output-dir takes nothing else; a second run fills it
        code, _, _ = run("check", recs, "--format", "json", "--format", "text", "--output-dir", out_dir)
        expect(sorted(os.listdir(out_dir))[:3] == ["org-00.json", "org-00.txt", "org-01.json"], os.listdir(out_dir))
        expect(len(os.listdir(out_dir)) == 24, len(os.listdir(out_dir)))
        # same inputs, same bytes
        first = run("check", recs, "--format", "json")[1]
        expect(first == run("check", recs, "--format", "json")[1], "deterministic batch output")


@test
def progress_bar_on_a_terminal():
    import pty
    import select
    with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as out_dir:
        for i in range(3):
            write(d, f"r{i}.json", open(NORTHFIELD).read())
        def progress(*more):
            master, slave = pty.openpty()
            p = subprocess.Popen([BIN, "check", d, "--format", "json", "--output", os.path.join(out_dir, "o.json"), *more],
                                 stdout=subprocess.PIPE, stderr=slave)
            os.close(slave)
            p.wait(timeout=60)
            seen = b""
            while select.select([master], [], [], 0.2)[0]:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
            os.close(master)
            return seen
        seen = progress()
        expect(b"Auditing 3/3 [" + b"#" * 30 + b"]" in seen, seen[:200])
        seen = progress("--lang", "es")
        expect("Auditando 3/3 [".encode() in seen and b"Auditing" not in seen, seen[:200])


@test
def several_formats_need_files():
    code, _, err = run("check", HARBOR, "--format", "text", "--format", "json")
    expect(code == 2 and "several formats need a file each" in err, err)
    code, _, err = run("check", HARBOR, "--format", "pdf")
    expect(code == 2 and "unknown format 'pdf'" in err, err)
    with tempfile.TemporaryDirectory() as d:
        code, out, _ = run("check", HARBOR, "--format", "text", "--format", "json:" + os.path.join(d, "r.json"))
        expect(code == 0 and out.startswith("RCO standards audit:"), out[:80])
        with open(os.path.join(d, "r.json")) as f:
            expect(json.load(f)["format"] == "rco-audit-report/1", "json file")


@test
def every_format_and_the_summary():
    with tempfile.TemporaryDirectory() as d:
        out = {f: os.path.join(d, "r." + f) for f in ("html", "markdown", "junit", "csv")}
        args = ["check", NORTHFIELD] + [x for f, path in out.items() for x in ("--format", f"{f}:{path}")]
        code, stdout, err = run(*args)
        expect(code == 1 and stdout == "", f"exit {code}: {err}")
        with open(out["html"], encoding="utf-8") as f:
            page = f.read()
        expect(page.startswith("<!doctype html>") and 'id="scorecard"' in page and "<script" not in page, page[:100])
        with open(out["markdown"], encoding="utf-8") as f:
            expect("| 2 |" in f.read(), "markdown scorecard")
        import xml.dom.minidom
        suites = xml.dom.minidom.parse(out["junit"]).getElementsByTagName("testsuite")
        expect(len(suites) == 10, f"{len(suites)} suites")
        expect(sum(int(s.getAttribute("tests")) for s in suites) == 43, "43 test cases")
        with open(out["csv"], newline="") as f:
            rows = f.read().split("\r\n")
        expect(len([r for r in rows if r]) == 44, f"{len(rows)} csv lines")
        # several records: csv joins under one header; html needs --output-dir; summary counts
        summary = os.path.join(d, "summary.csv")
        code, stdout, err = run("check", HARBOR, RIVERBEND, NORTHFIELD, "--format", "csv", "--summary", summary)
        expect(len([r for r in stdout.split("\r\n") if r]) == 1 + 3 * 43, "batch csv rows")
        with open(summary, newline="") as f:
            import csv
            table = list(csv.reader(f))
        # One row per organization and nothing else: no totals among the data rows.
        expect(len(table) == 4, table)
        expect(table[0][:7] == ["organization", "ein", "file", "review_date", "result", "score", "standard_1"],
               table[0])
        expect(table[0][-7:] == ["checks_pass", "checks_fail", "checks_insufficient_evidence", "checks_manual_review",
                                 "checks_not_applicable", "checks_waived", "error"], table[0])
        expect([r[:6] for r in table[1:]] == [
            ["Harbor Recovery Community", "41-2873561", HARBOR, "2026-06-30", "met", "100"],
            ["Riverbend Recovery Alliance", "93-4417260", RIVERBEND, "2026-06-30", "not_met", "81"],
            ["Northfield Wellness Collective", "31-1875542", NORTHFIELD, "2026-06-30", "not_met", "15"]], table)
        expect(table[3][-7:] == ["5", "33", "3", "1", "1", "0", ""], table[3])  # Northfield's checks per status
        code, _, err = run("check", HARBOR, RIVERBEND, "--format", "html")
        expect(code == 2 and "use --output-dir" in err, err)
        # --summary is repeatable: csv, wide csv and the HTML grid linking to each report.
        per_org = os.path.join(d, "per-org")
        wide = os.path.join(d, "wide.csv")
        code, _, err = run("check", HARBOR, RIVERBEND, "--format", "html", "--format", "json", "--output-dir",
                           per_org, "--summary", os.path.join(per_org, "s.html"), "--summary", "wide-csv:" + wide,
                           "--summary", os.path.join(d, "top.html"))
        expect(code == 1 and sorted(os.listdir(per_org)) ==
               ["harbor-recovery-community.html", "harbor-recovery-community.json", "riverbend-emerging-rco.html",
                "riverbend-emerging-rco.json", "s.html"], os.listdir(per_org))
        with open(os.path.join(per_org, "s.html"), encoding="utf-8") as f:
            grid = f.read()
        expect('<a href="harbor-recovery-community.html"><bdi>Harbor Recovery Community</bdi></a>' in grid, grid)
        expect('<th scope="row">Meet it (of 2 audited)</th><td class="num st">2</td>' in grid, grid)
        with open(os.path.join(d, "top.html"), encoding="utf-8") as f:
            expect('<a href="per-org/riverbend-emerging-rco.html">' in f.read(), "link relative to the summary")
        with open(wide, newline="") as f:
            table = list(csv.reader(f))
        s21 = table[0].index("S2.1")
        expect(len(table) == 3 and table[0][22] == "S1.1" and len(table[0]) == 23 + 43, table[0])
        expect([r[s21] for r in table[1:]] == ["pass", "pass"], table)
        expect(table[1][table[0].index("S8.5")] == "manual_review", table[1])
        code, _, err = run("check", HARBOR, "--summary", os.path.join(d, "s.pdf"))
        expect(code == 2 and "wide-csv:FILE" in err, err)
        code, _, err = run("check", HARBOR, "--summary", "tsv:" + os.path.join(d, "s.tsv"))
        expect(code == 2 and "wide-csv:FILE" in err, err)


IRS = os.path.join(ROOT, "tests", "data", "irs990")


@test
def xml_records_are_detected_by_content_and_convert_both_ways():
    with tempfile.TemporaryDirectory() as d:
        # an XML record under a .json name and a JSON record under .xml: content decides
        with open(os.path.join(EX, "northfield-wellness-collective.xml"), "rb") as f:
            xml_as_json = write(d, "looks-like.json", f.read())
        code_x, out_x, _ = run("check", xml_as_json, "--format", "json")
        code_j, out_j, _ = run("check", NORTHFIELD, "--format", "json")
        rx, rj = json.loads(out_x), json.loads(out_j)
        expect(code_x == code_j == 1, "same exit code")
        expect(rx["checks"] == rj["checks"] and rx["standards"] == rj["standards"], "identical audit from XML and JSON")
        code, xml_text, err = run("convert", NORTHFIELD)
        expect(code == 0 and xml_text.startswith("<?xml") and "<rco-record" in xml_text, err)
        back = write(d, "back.xml", xml_text)
        code, json_text, _ = run("convert", back)
        with open(NORTHFIELD) as f:
            expect(json.loads(json_text) == json.load(f), "JSON -> XML -> JSON is lossless")
        code, _, err = run("validate", os.path.join(EX, "harbor-recovery-community.xml"))
        expect(code == 0, err)
        bad = write(d, "bad.xml", '<?xml version="1.0"?>\n<rco-record xmlns="urn:rco-audit:rco-record:1" '
                                  'format="rco-record/1">\n  <as_of>soon</as_of>\n</rco-record>\n')
        code, _, err = run("check", bad)
        expect(code == 2 and f"{bad}:3:3: error:" in err and "(at /as_of)" in err, err)
        evil = write(d, "evil.xml", '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                                   '<rco-record format="rco-record/1">&x;</rco-record>')
        code, _, err = run("check", evil)
        expect(code == 2 and "DTDs and entity declarations are not accepted" in err, err)


@test
def import_990_writes_a_record_with_provenance():
    ret = os.path.join(IRS, "201541349349307794_public.xml")
    code, out, err = run("import-990", ret)
    expect(code == 0, f"exit {code}: {err}")
    rec = json.loads(out)
    expect(rec["format"] == "rco-record/1", rec.get("format"))
    expect(rec["organization"]["name"] == "VOICE OF SAN DIEGO" and rec["organization"]["ein"] == "20-1585919",
           rec["organization"])
    expect(rec["filings"][0]["form"] == "990" and rec["filings"][0]["tax_year"] == 2014, rec["filings"])
    prov = {p["pointer"]: p for p in rec["provenance"]}
    expect(prov["/organization/ein"]["xpath"] == "/Return/ReturnHeader/Filer/EIN", prov.get("/organization/ein"))
    expect(prov["/organization/ein"]["object_id"] == "201541349349307794", prov["/organization/ein"])
    # --into fills only what the record leaves empty
    with tempfile.TemporaryDirectory() as d:
        with open(RIVERBEND) as f:
            base = json.load(f)
        del base["organization"]["mission"]
        into = write(d, "rec.json", json.dumps(base))
        code, out, err = run("import-990", ret, "--into", into)
        merged = json.loads(out)
        expect(code == 0 and merged["organization"]["name"] == base["organization"]["name"], "name kept")
        expect(merged["organization"]["mission"].startswith(rec["organization"]["mission"][:20]), "mission filled")
        expect("/organization/mission" in err and "filled" in err, err)
        expect([p["pointer"] for p in merged["provenance"]].count("/organization/ein") == 0, "ein was not filled")


@test
def returns_are_audited_directly_and_unsupported_forms_refused():
    ez = os.path.join(IRS, "201500089349200000_public.xml")
    code, out, err = run("check", ez, "--as-of", "2015-06-30", "--format", "json")
    expect(code == 1, f"exit {code}: {err}")
    rep = json.loads(out)
    by_id = {c["id"]: c for c in rep["checks"]}
    expect(by_id["S10.7"]["status"] == "insufficient_evidence", by_id["S10.7"])  # 990-EZ has no Part VI
    expect(by_id["S1.2"]["status"] == "pass", by_id["S1.2"])
    code, out, err = run("check", ez, "--format", "json")
    expect(json.loads(out)["as_of"] == "2014-12-31" and "auditing as of 2014-12-31" in err, err)
    pf = os.path.join(IRS, "jsfenfen-990-xml-admin_jnj_patient_assistance.xml")
    code, _, err = run("check", pf)
    expect(code == 2 and "990-PF" in err and "not supported" in err, err)
    code, _, err = run("import-990", pf)
    expect(code == 2 and "990-PF" in err, err)
    code, _, err = run("import-990", HARBOR)
    expect(code == 2 and "not XML" in err or "not an IRS" in err, err)


@test
def a_spreadsheet_roster_supplies_the_board():
    roster = os.path.join(EX, "harbor-board-roster.csv")
    with open(NORTHFIELD) as f:
        rec = json.load(f)
    del rec["board"]["members"]
    with tempfile.TemporaryDirectory() as d:
        path = write(d, "rec.json", json.dumps(rec))
        code, out, err = run("check", path, "--roster", roster, "--format", "json")
        s21 = [c for c in json.loads(out)["checks"] if c["id"] == "S2.1"][0]
        expect(s21["status"] == "pass" and s21["explanation"].startswith("6 of 9 seated"), s21)
        bad = write(d, "bad.csv", "id,voting,recovery_identity\nx,perhaps,personal\n")
        code, _, err = run("check", path, "--roster", bad)
        expect(code == 2 and f"{bad}:2:3: error: column voting: expected yes or no" in err, err)
        code, _, err = run("check", path, HARBOR, "--roster", roster)
        expect(code == 2 and "--roster describes one board" in err, err)


# --- hostile paths and safe outputs (issue 7 items 1, 4, 5) ---

def run_raw(*args, stdin=None, cwd=None, timeout=60, umask=None):
    """Like run, but arguments may be bytes and stdout/stderr stay bytes (non-UTF-8 file names)."""
    pre = (lambda: os.umask(umask)) if umask is not None else None
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, cwd=cwd, timeout=timeout, preexec_fn=pre)
    return p.returncode, p.stdout, p.stderr


def harbor_folder(d, name="rec.json"):
    """Harbor's record and its document file, copied into d; returns the record's path."""
    os.makedirs(os.path.join(d, "texts"), exist_ok=True)
    with open(os.path.join(EX, "texts", "harbor-welcome.txt"), "rb") as f:
        write(os.path.join(d, "texts"), "harbor-welcome.txt", f.read())
    with open(HARBOR, "rb") as f:
        return write(d, name, f.read())


def harbor_batch(d, count, digits):
    """`count` copies of Harbor's record (r00.json, r01.json, ... with `digits` digits) in
    d/records, and an empty d/out for their reports; returns the two folders."""
    recs = os.path.join(d, "records")
    first = f"r{0:0{digits}}.json"
    harbor_folder(recs, first)
    for i in range(1, count):
        shutil.copy(os.path.join(recs, first), os.path.join(recs, f"r{i:0{digits}}.json"))
    out = os.path.join(d, "out")
    os.makedirs(out)
    return recs, out


def record_pointing_at(path):
    with open(HARBOR) as f:
        rec = json.load(f)
    idx = next(i for i, doc in enumerate(rec["documents"]) if "path" in doc)
    rec["documents"][idx]["path"] = path
    del rec["documents"][idx]["sha256"]
    return rec, idx


@test
def documents_stay_inside_the_record_folder():
    import hashlib
    secret = b"TOPSECRET-shadow-line root:$6$xyz\n"
    with tempfile.TemporaryDirectory() as top:
        outside = os.path.join(top, "outside")
        folder = os.path.join(top, "applicant")
        os.makedirs(outside)
        os.makedirs(folder)
        target = write(outside, "shadow", secret)
        os.symlink(target, os.path.join(folder, "innocent.txt"))
        for path in (target, "../outside/shadow", "innocent.txt"):
            rec, idx = record_pointing_at(path)
            f = write(folder, "rec.json", json.dumps(rec))
            for cmd in (["check", f, "--format", "json"], ["validate", f]):
                code, out, err = run(*cmd)
                expect(code == 2, f"{path} {cmd[0]}: exit {code}")
                expect(f"(at /documents/{idx}/path)" in err and "error:" in err, err)
                expect("absolute path is refused" in err if path == target else "must stay inside" in err, err)
                expect("TOPSECRET" not in out + err and hashlib.sha256(secret).hexdigest() not in out + err,
                       f"{path}: target leaked: {out[:300]} {err}")
            # convert never reads the file: the path is kept as written, the content never copied
            for to in ("xml", "json"):
                code, out, err = run("convert", f, "--to", to)
                expect(code == 0 and "TOPSECRET" not in out and path in out, f"convert {to}: {code} {err} {out[:200]}")


@test
def a_directory_of_records_brings_in_nothing_from_outside_it():
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "in")
        harbor_folder(src, "good.json")
        rec = {"format": "rco-record/1", "as_of": "2026-06-30", "organization": {"name": "OUTSIDER-NAME"}}
        outside = write(d, "elsewhere.json", json.dumps(rec))
        os.symlink(outside, os.path.join(src, "link-out.json"))
        os.symlink("good.json", os.path.join(src, "link-in.json"))
        code, out, err = run("check", src, "--format", "json")
        expect("OUTSIDER-NAME" not in out + err, out[:400])
        expect(f"rco-audit: warning: {src}/link-out.json is skipped: a symbolic link leading out of {src}\n" in err, err)
        _, _, err = run("validate", src, "--lang", "es")
        expect(f"rco-audit: advertencia: se omite {src}/link-out.json: es un enlace simbólico que lleva fuera de {src}\n"
               in err, err)
        batch = json.loads(out)
        expect(sorted(r["input"]["file"] for r in batch["reports"]) ==
               [src + "/good.json", src + "/link-in.json"], [r["input"]["file"] for r in batch["reports"]])


@test
def a_fifo_document_neither_hangs_nor_is_read():
    with tempfile.TemporaryDirectory() as d:
        os.mkfifo(os.path.join(d, "pipe.txt"))
        rec, idx = record_pointing_at("pipe.txt")
        f = write(d, "rec.json", json.dumps(rec))
        try:
            code, _, err = run_raw("check", f, timeout=15)
        except subprocess.TimeoutExpired:
            raise AssertionError("check hangs on a FIFO named as a document")
        expect(code == 2 and b"must name a regular file" in err and f"/documents/{idx}/path".encode() in err, err)
        # inputs named on the command line: a FIFO is refused without waiting for a writer
        os.mkfifo(os.path.join(d, "pipe.json"))
        os.mkfifo(os.path.join(d, "pipe.csv"))
        for args in (["check", os.path.join(d, "pipe.json")], ["validate", os.path.join(d, "pipe.json")],
                     ["check", HARBOR, "--roster", os.path.join(d, "pipe.csv")],
                     ["diff", os.path.join(d, "pipe.json"), os.path.join(d, "pipe.json")]):
            try:
                code, _, err = run_raw(*args, timeout=15)
            except subprocess.TimeoutExpired:
                raise AssertionError(f"{args} hangs on a FIFO")
            expect(code == 2 and b"is a FIFO, not a regular file" in err, f"{args}: {err}")
        # an input over the 64 MB cap is refused before it is read (a sparse file: no disk used)
        big = os.path.join(d, "big.json")
        with open(big, "wb") as f:
            f.truncate(64 * 1024 * 1024 + 1)
        code, _, err = run_raw("check", big)
        expect(code == 2 and b"is larger than the 64 MB limit for an input file" in err, err)


@test
def a_record_from_stdin_has_no_folder_unless_documents_gives_one():
    with open(HARBOR, "rb") as f:
        data = f.read()
    code, _, err = run("check", "-", stdin=data, cwd=EX)  # texts/ is next to the working directory
    expect(code == 2 and "standard input has no folder" in err, err)
    code, out, err = run("check", "-", "--documents", EX, stdin=data)
    expect(code == 0 and "MEETS THE STANDARDS" in out, err)
    with tempfile.TemporaryDirectory() as d:  # --documents replaces the record's own folder
        f = harbor_folder(d)
        os.remove(os.path.join(d, "texts", "harbor-welcome.txt"))
        code, _, err = run("check", f)
        expect(code in (0, 1) and "harbor-welcome.txt is not in the record's folder" in err, err)
        code, _, err = run("check", f, "--documents", EX)
        expect(code == 0 and "harbor-welcome" not in err, err)


@test
def outputs_never_replace_a_fifo_a_device_or_an_input():
    import stat
    with tempfile.TemporaryDirectory() as d:
        f = harbor_folder(d)
        with open(f, "rb") as fh:
            original = fh.read()
        fifo = os.path.join(d, "out.fifo")
        os.mkfifo(fifo)
        code, _, err = run("check", f, "--output", fifo)
        expect(code == 2 and "it is a FIFO" in err and stat.S_ISFIFO(os.lstat(fifo).st_mode), err)
        link = os.path.join(d, "link.json")
        os.symlink(f, link)
        attempts = [["check", f, "--format", "json:" + f], ["check", f, "--output", f],
                    ["check", f, "--format", "json:" + os.path.join(d, ".", "rec.json")],
                    ["check", f, "--format", "text", "--format", "json:" + link],
                    ["convert", f, "--output", f],
                    ["check", f, "--summary", os.path.join(d, "texts", "..", "x.csv"), "--output",
                     os.path.join(d, "texts", "harbor-welcome.txt")]]
        for args in attempts:
            code, _, err = run(*args)
            expect(code == 2, f"{args}: exit {code}")
            expect("it is an input of this run" in err or "it is a symbolic link" in err, f"{args}: {err}")
            with open(f, "rb") as fh:
                expect(fh.read() == original, f"{args} overwrote the input")
        expect(os.path.islink(link), "the link was replaced")
        with open(os.path.join(EX, "texts", "harbor-welcome.txt"), "rb") as a, \
                open(os.path.join(d, "texts", "harbor-welcome.txt"), "rb") as b:
            expect(a.read() == b.read(), "a document was overwritten")
        # the other outputs of the run are still written
        expect(os.path.exists(os.path.join(d, "x.csv")), "summary not written")
        report = os.path.join(d, "report.json")
        code, _, err = run("check", f, "--format", "json:" + report)
        expect(code == 0, err)
        code, _, err = run("diff", report, report, "--output", report)
        expect(code == 2 and "it is an input of this run" in err, err)
        # import-990 --into FILE --output FILE is an in-place update (the return itself is protected)
        with open(os.path.join(IRS, "201541349349307794_public.xml"), "rb") as fh:
            ret = write(d, "return.xml", fh.read())
        code, _, err = run("import-990", ret, "--output", ret)
        expect(code == 2 and "it is an input of this run" in err, err)
        # nor do two outputs of one run land in the same file
        both = os.path.join(d, "both.csv")
        code, _, err = run("check", f, "--format", "csv:" + both, "--summary", os.path.join(d, ".", "both.csv"))
        expect(code == 2 and "two outputs of this run are the same file" in err and not os.path.exists(both), err)


@test
def output_modes_follow_the_umask_and_names_are_private():
    import stat
    with tempfile.TemporaryDirectory() as d:
        plain, named = os.path.join(d, "plain.txt"), os.path.join(d, "named.txt")
        code, _, err = run_raw("check", HARBOR, "--output", plain, umask=0o022)
        expect(code == 0, err)
        code, _, err = run_raw("check", HARBOR, "--output", named, "--show-names", umask=0o022)
        expect(code == 0, err)
        expect(stat.S_IMODE(os.stat(plain).st_mode) == 0o644, oct(os.stat(plain).st_mode))
        expect(stat.S_IMODE(os.stat(named).st_mode) == 0o600, oct(os.stat(named).st_mode))
        os.chmod(plain, 0o640)
        code, _, err = run_raw("check", HARBOR, "--output", plain, umask=0o022)
        expect(code == 0 and stat.S_IMODE(os.stat(plain).st_mode) == 0o640, oct(os.stat(plain).st_mode))
        expect(sorted(os.listdir(d)) == ["named.txt", "plain.txt"], os.listdir(d))  # no temporary file left


@test
def output_dir_names_are_distinct_deterministic_and_short_enough():
    import hashlib
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "in")
        harbor_folder(src, "a.json")
        with open(os.path.join(EX, "harbor-recovery-community.xml"), "rb") as fh:
            write(src, "a.xml", fh.read())
        for sub in ("sub1", "sub2"):
            harbor_folder(os.path.join(src, sub), "x.json")
        long_name = "n" * 250 + ".json"  # 255 bytes, NAME_MAX
        harbor_folder(src, long_name)
        out = os.path.join(d, "out")
        code, _, err = run("check", src, "--format", "json", "--format", "junit", "--output-dir", out)
        expect(code == 0, f"exit {code}: {err}")
        h = lambda p: hashlib.sha256(p.encode()).hexdigest()[:8]
        x1, x2 = f"x.json-{h(src + '/sub1/x.json')}", f"x.json-{h(src + '/sub2/x.json')}"
        cut = "n" * (255 - len(".junit.xml") - 9) + "-" + h("n" * 250)
        expected = sorted(n + e for n in ("a.json", "a.xml", x1, x2, cut) for e in (".json", ".junit.xml"))
        expect(sorted(os.listdir(out)) == expected, sorted(os.listdir(out)))
        for name, source in (("a.json", "/a.json"), ("a.xml", "/a.xml"), (x1, "/sub1/x.json"), (x2, "/sub2/x.json")):
            with open(os.path.join(out, name + ".json")) as fh:
                expect(json.load(fh)["input"]["file"] == src + source, name)


@test
def non_utf8_file_names_are_shown_safely_and_the_batch_goes_on():
    with tempfile.TemporaryDirectory() as d:
        bd = d.encode()
        src = os.path.join(d, "in")
        harbor_folder(src, "good.json")
        with open(HARBOR, "rb") as fh:
            with open(os.path.join(src.encode(), b"caf\xe9\x1b[31m.json"), "wb") as g:
                g.write(fh.read())
        with open(os.path.join(src.encode(), b"broken\xff.json"), "wb") as g:
            g.write(b"{ not json")
        out = os.path.join(d, "out")
        code, stdout, err = run_raw("check", src, "--format", "json", "--output-dir", out, "--summary",
                                    os.path.join(d, "s.csv"))
        expect(code == 2, f"exit {code}")
        expect(b"internal error" not in err and b"\x1b" not in err and b"\xff" not in err, err)
        err.decode("utf-8")  # every message is valid UTF-8
        expect(b"broken\\xFF.json: not audited" in err, err)
        expect(sorted(os.listdir(out.encode())) == [b"caf\xe9\x1b[31m.json", b"good.json"], os.listdir(out.encode()))
        with open(os.path.join(out.encode(), b"caf\xe9\x1b[31m.json"), "rb") as fh:
            rep = json.loads(fh.read().decode("utf-8"))
        expect(rep["input"]["file"] == src + "/caf\\xE9\\x1B[31m.json", rep["input"]["file"])
        code, stdout, err = run_raw("check", src, "--format", "json")
        batch = json.loads(stdout.decode("utf-8"))
        expect(len(batch["reports"]) == 2 and len(batch["errors"]) == 1, batch["errors"])
        expect(batch["errors"][0]["file"] == src + "/broken\\xFF.json", batch["errors"])


@test
def readme_first_commands_work_as_typed():
    # The commands under "Auditing your organization", run as typed in an empty directory
    # with rco-audit found on the PATH (as the quick start's install leaves it).
    import re
    import shlex
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    section = readme.split("## Auditing your organization", 1)[1]
    commands = re.findall(r"^    (rco-audit [^\n]*)$", section.split("\n| command", 1)[0], re.M)
    expect(len(commands) >= 4 and commands[0].startswith("rco-audit init"), commands)
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(BIN)) + os.pathsep + os.environ.get("PATH", ""))
    with tempfile.TemporaryDirectory() as d:
        for line in commands:
            argv = shlex.split(line, comments=True)
            p = subprocess.run(argv, cwd=d, env=env, capture_output=True, timeout=60)
            expect(p.returncode in (0, 1), f"{line}: exit {p.returncode}: {p.stderr.decode()}")
        expect(os.path.exists(os.path.join(d, "report.json")), os.listdir(d))
        with open(os.path.join(d, "report.json"), encoding="utf-8") as f:
            expect(json.load(f)["format"] == "rco-audit-report/1", "report.json")


@test
def numbers_out_of_range_are_input_errors_and_cannot_flip_a_verdict():
    # Issue 7: "0 of 200000000000000000" passed Florida's 51% rule and "$1 of
    # $1,900,000,000,000,001" passed S3.2 (64-bit overflow). Now both are input errors
    # at the field, and within the ranges the arithmetic is exact.
    with tempfile.TemporaryDirectory() as d:
        board = write(d, "board.json", '{"format":"rco-record/1","as_of":"2026-06-30",\n'
                      ' "board":{"counts":{"voting":200000000000000000,"personal":0}}}')
        code, out, err = run("check", board, "--profile", "florida")
        expect(code == 2, f"exit {code}: {out[:300]}")
        expect(f"{board}:2:21: error: expected a whole number from 0 to 10,000, got 200,000,000,000,000,000 "
               "(at /board/counts/voting)" in err, err)
        huge = [{"category": "other", "annual_expense": 10000000000000}] * 190
        spend = write(d, "spend.json", json.dumps({"format": "rco-record/1", "as_of": "2026-06-30", "services":
                                                   huge + [{"category": "sud_recovery", "annual_expense": 1}]}))
        code, _, err = run("check", spend)
        expect(code == 2 and "error: expected an amount in dollars from $0 to $1,000,000,000,000, got "
               "$10,000,000,000,000 (at /services/0/annual_expense)" in err, err)
        # 1,900 services of $1 trillion each are in range: the share is computed exactly.
        many = [{"category": "other", "annual_expense": 1000000000000}] * 1900
        path = write(d, "many.json", json.dumps({"format": "rco-record/1", "as_of": "2026-06-30", "services":
                                                 [{"category": "sud_recovery", "annual_expense": 1}] + many}))
        code, out, err = run("check", path, "--format", "json")
        s32 = [c for c in json.loads(out)["checks"] if c["id"] == "S3.2"][0]
        expect(s32["status"] == "fail" and "$1 of the $1,900,000,000,000,001 spent" in s32["explanation"], s32)
        xml = write(d, "board.xml", '<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">\n'
                    '<board><counts><voting>10001</voting><personal>0</personal></counts></board></rco-record>')
        code, _, err = run("check", xml)
        expect(code == 2 and f"{xml}:2:16: error: expected a whole number from 0 to 10,000, got 10,001 "
               "(element /rco-record/board/counts/voting)" in err, err)
        # A review file with a forged score is refused by diff instead of overflowing.
        report = json.loads(run("check", HARBOR, "--format", "json")[1])
        report["score"] = -2147483648
        forged = write(d, "forged.json", json.dumps(report))
        code, _, err = run("diff", forged, forged)
        expect(code == 2 and "score\" that is not a whole number from 0 to 100" in err, err)


@test
def a_batch_writes_what_each_record_writes_alone_with_any_number_of_jobs():
    import shutil
    with tempfile.TemporaryDirectory() as d:
        recs = os.path.join(d, "records")
        os.makedirs(os.path.join(recs, "texts"))
        shutil.copy(os.path.join(EX, "texts", "harbor-welcome.txt"), os.path.join(recs, "texts"))
        for i, src in enumerate([HARBOR, NORTHFIELD, RIVERBEND] * 3):
            shutil.copy(src, os.path.join(recs, f"r{i}.json"))
        write(recs, "r5.json", "{ broken")  # one record that cannot be audited, mid-batch
        files = sorted(f for f in os.listdir(recs) if f.endswith(".json"))
        outs = {}
        for jobs in ("1", "2", "5"):
            o = os.path.join(d, "out" + jobs)
            code, _, err = run("check", recs, "--jobs", jobs, "--output-dir", o, "--format", "json",
                               "--format", "text", "--format", "csv", "--format", "html",
                               "--format", "json:" + os.path.join(o, "all.json"),
                               "--format", "text:" + os.path.join(o, "all.txt"),
                               "--format", "csv:" + os.path.join(o, "all.csv"),
                               "--format", "markdown:" + os.path.join(o, "all.md"),
                               "--summary", os.path.join(o, "summary.csv"))
            expect(code == 2, f"exit {code}: {err}")
            expect(err.count("not audited (input error)") == 1, err)
            outs[jobs] = {}
            for name in sorted(os.listdir(o)):
                with open(os.path.join(o, name), "rb") as fh:
                    outs[jobs][name] = fh.read()
        expect(outs["1"] == outs["2"] == outs["5"], "the same bytes whatever the number of workers")
        out = outs["1"]
        audited = [f[:-5] for f in files if f != "r5.json"]
        # The joined documents are the per-record outputs, in input order.
        batch = json.loads(out["all.json"])
        expect(batch["reports"] == [json.loads(out[a + ".json"]) for a in audited], "JSON batch = per-record reports")
        expect([e["file"] for e in batch["errors"]] == [os.path.join(recs, "r5.json")], batch["errors"])
        rule = "\n" + "=" * 88 + "\n\n"
        expect(out["all.txt"].decode() == rule.join(out[a + ".txt"].decode() for a in audited), "text batch")
        header = out[audited[0] + ".csv"].split(b"\r\n", 1)[0] + b"\r\n"
        expect(out["all.csv"] == header + b"".join(out[a + ".csv"][len(header):] for a in audited), "CSV batch")
        alone = [run("check", os.path.join(recs, a + ".json"), "--format", "markdown")[1] for a in audited]
        expect(out["all.md"].decode() == "\n---\n\n".join(alone), "Markdown batch = each record alone")
        # Each record's own files are those it gets audited alone, in every format.
        for a in audited:
            o = os.path.join(d, "alone-" + a)
            code, _, err = run("check", os.path.join(recs, a + ".json"), "--output-dir", o, "--format", "json",
                               "--format", "text", "--format", "csv", "--format", "html")
            expect(code in (0, 1), f"exit {code}: {err}")
            for ext in ("json", "txt", "csv", "html"):
                with open(os.path.join(o, a + "." + ext), "rb") as fh:
                    expect(out[a + "." + ext] == fh.read(), f"{a}.{ext}: batch = alone")
        summary = out["summary.csv"].decode().split("\r\n")
        expect(len(summary) == 1 + len(files) + 1, summary)
        expect(summary[6].split(",")[2].endswith("r5.json") and ",error," in summary[6], summary[6])
        code, _, err = run("check", recs, "--jobs", "0")
        expect(code == 2 and "--jobs" in err, err)


@test
def a_batch_commits_its_own_files_together_and_one_that_fails_is_reported_alone():
    # The records' own files are made durable in groups (one syncfs each): a target that cannot
    # be written fails alone, said as before, and no temporary file is left behind.
    with tempfile.TemporaryDirectory() as d:
        recs, out = harbor_batch(d, 40, 2)
        os.makedirs(os.path.join(out, "r07.html"))  # a directory where a report would go
        os.link(os.path.join(recs, "r13.json"), os.path.join(out, "r13.html"))  # an input under another name
        summary = os.path.join(d, "summary.html")
        code, _, err = run("check", recs, "--jobs", "2", "--format", "html", "--output-dir", out, "--summary", summary)
        expect(code == 2, f"exit {code}: {err}")
        lines = [line for line in err.splitlines() if line.startswith("rco-audit: error")]
        expect(sorted(lines) == [
            f"rco-audit: error: refusing to write {out}/r07.html: it is a directory, and only a regular file is "
            "ever replaced",
            f"rco-audit: error: refusing to write {out}/r13.html: it is an input of this run and would be lost"],
            err)
        expect(sorted(os.listdir(out)) == [f"r{i:02}.html" for i in range(40)], sorted(os.listdir(out)))
        expect(os.path.isdir(os.path.join(out, "r07.html")), "the directory was replaced")
        with open(os.path.join(out, "r13.html"), "rb") as a, open(HARBOR, "rb") as b:
            expect(a.read() == b.read(), "the input was overwritten")
        with open(os.path.join(out, "r12.html"), encoding="utf-8") as fh:
            page = fh.read()
        alone = run("check", os.path.join(recs, "r12.json"), "--format", "html")[1]
        expect(page == alone, "a report committed with its group = the report alone")
        with open(summary, encoding="utf-8") as fh:
            links = re.findall(r'<a href="out/(r[0-9]+\.html)">', fh.read())
        expect(links == [f"r{i:02}.html" for i in range(40) if i not in (7, 13)], links)
        expect("40 records audited: 40 meet" in err, err)


@test
def a_terminated_batch_leaves_no_temporary_file():
    # SIGTERM while a batch runs, once its output directory holds temporaries waiting for their
    # group's commit: the handler removes them; the reports already in place are whole. The
    # batch replaces an earlier run's reports, so its temporaries have names (a new file starts
    # unnamed, O_TMPFILE, where the file system allows, and leaves nothing behind anyway).
    import signal
    with tempfile.TemporaryDirectory() as d:
        recs, out = harbor_batch(d, 400, 3)
        for i in range(400):
            write(out, f"r{i:03}.html", "an earlier run's report\n")
        p = subprocess.Popen([BIN, "check", recs, "--jobs", "2", "--format", "html", "--output-dir", out],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seen = []
        while p.poll() is None and not seen:
            seen = [n for n in os.listdir(out) if ".rco-audit-tmp-" in n]
        p.send_signal(signal.SIGTERM)
        code = p.wait(timeout=60)
        expect(seen, "the batch ended before a temporary file was seen")
        expect(code == -signal.SIGTERM, f"exit {code}")
        left = os.listdir(out)
        expect([n for n in left if n.startswith(".")] == [], left)
        expect(len(left) == 400, len(left))
        replaced = 0
        for name in left:
            with open(os.path.join(out, name), encoding="utf-8") as fh:
                text = fh.read()
            expect(text.endswith("</html>\n") or text == "an earlier run's report\n", name)
            replaced += text.endswith("</html>\n")
        expect(replaced < 400, replaced)


@test
def a_batch_with_invalid_utf8_and_hostile_records_still_audits_the_good_ones():
    with open(HARBOR) as f:
        base = f.read()
    with tempfile.TemporaryDirectory() as d:
        recs = os.path.join(d, "records")
        os.makedirs(os.path.join(recs, "texts"))
        import shutil
        shutil.copy(os.path.join(EX, "texts", "harbor-welcome.txt"), os.path.join(recs, "texts"))
        write(recs, "a-good.json", base)
        # An overlong '/' in the organization's name, a NUL escape, a duplicate key.
        write(recs, "b-overlong.json",
              base.encode().replace(b'"Harbor Recovery Community"', b'"Harbor \xc0\xaf Recovery"', 1))
        write(recs, "c-nul.json", base.replace('"Harbor Recovery Community"', '"Harbor\\u0000 Recovery"', 1))
        write(recs, "d-dup.json", base.replace('"format": "rco-record/1",', '"format": "rco-record/1", "format": "x",', 1))
        xml = open(os.path.join(EX, "harbor-recovery-community.xml"), "rb").read()
        write(recs, "e-surrogate.xml", xml.replace(b"Harbor Recovery Community", b"Harbor \xed\xa0\x80", 1))
        code, out, err = run("check", recs, "--format", "json")
        expect(code == 2, f"exit {code}: {err}")
        expect("internal error" not in err, err)
        batch = json.loads(out)
        expect([r["organization"]["name"] for r in batch["reports"]] == ["Harbor Recovery Community"],
               [r["organization"]["name"] for r in batch["reports"]])
        expect(len(batch["errors"]) == 4, batch["errors"])
        expect("b-overlong.json:5:" in err and
               "error: invalid UTF-8 in a string: an overlong encoding (bytes C0 AF); save the file as UTF-8 "
               "(at /organization/name)" in err, err)
        expect("c-nul.json:5:" in err and "control character U+0000 (NUL) in a string" in err, err)
        expect("d-dup.json:2:" in err and "duplicate key" in err and "(at /format)" in err, err)
        expect("e-surrogate.xml:" in err and "invalid UTF-8: an encoded UTF-16 surrogate (bytes ED A0 80)" in err
               and "(at /organization/name)" in err, err)


@test
def stigmatizing_findings_are_capped_with_a_count_of_the_rest():
    with open(HARBOR) as f:
        rec = json.load(f)
    rec["organization"]["mission"] = "We help addicts. " * 3000
    with tempfile.TemporaryDirectory() as d:
        path = write(d, "rec.json", json.dumps(rec))
        code, out, err = run("check", path, "--format", "json")
        expect(code == 1, f"exit {code}: {err}")
        s91 = [c for c in json.loads(out)["checks"] if c["id"] == "S9.1"][0]
        expect(len(s91["findings"]) == 100 and s91["findings_total"] == 3000 and s91["findings_omitted"] == 2900,
               {k: v for k, v in s91.items() if k != "findings"})
        expect("and 2,900 more (only the first 100 are listed)" in s91["explanation"], s91["explanation"][-200:])
        code, out, _ = run("check", path)
        expect("and 2,900 more" in out and len(out) < 100000, len(out))


def terminal_clean(text):
    """No character that drives a terminal or reorders text: C0 but LF, DEL, C1, bidi controls."""
    bidi = {0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    return all(ch == "\n" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ord(ch) in bidi) for ch in text)


@test
def a_hostile_organization_name_cannot_forge_a_verdict():
    with open(NORTHFIELD) as f:
        rec = json.load(f)
    with tempfile.TemporaryDirectory() as d:
        # Escape sequences in a name and in a field name: whether a reader refuses them or
        # a report shows them, none reaches the terminal or a report raw.
        rec["organization"]["name"] = "\u001b[2J\u001b[32mRESULT: MEETS THE STANDARDS\u202e"
        rec["organization"]["\u001b[31mmisson\u0007"] = "typo"
        path = write(d, "esc.json", json.dumps(rec))
        for fmt in ("text", "markdown", "csv", "junit", "html"):
            code, out, err = run("check", path, "--format", fmt)
            expect(code in (1, 2), f"{fmt}: exit {code}: {err}")
            expect(terminal_clean(err) and "control character U+001B (ESC) in a key" in err, f"{fmt}: {err!r}")
            expect("\x1b" not in out and "\u202e" not in out and "\x07" not in out, f"{fmt}: {out[:300]!r}")
            verdicts = [line for line in out.split("\n") if line.startswith("RESULT")]
            real = len(verdicts) == 1 and verdicts[0].startswith("RESULT: DOES NOT MEET THE STANDARDS")
            expect(verdicts == [] or (fmt == "text" and real), f"{fmt}: {verdicts}")
        code, out, err = run("validate", path)
        expect(terminal_clean(out) and terminal_clean(err), repr(out + err))
        # Line breaks and bidirectional controls are text a reader accepts: the reports show them as escapes.
        del rec["organization"]["\u001b[31mmisson\u0007"]
        rec["organization"]["name"] = "Acme\u202e\nRESULT: MEETS THE STANDARDS"
        path = write(d, "nl.json", json.dumps(rec))
        code, out, err = run("check", path)
        expect(code == 1, f"exit {code}: {err}")
        expect(terminal_clean(out) and terminal_clean(err), repr(out[:300]) + repr(err))
        lines = out.split("\n")
        expect(lines[0] == "RCO standards audit: Acme\\u202e\\nRESULT: MEETS THE STANDARDS", lines[0])
        verdicts = [line for line in lines if line.startswith("RESULT")]
        expect(len(verdicts) == 1 and verdicts[0].startswith("RESULT: DOES NOT MEET THE STANDARDS"), verdicts)
        for fmt in ("markdown", "csv", "junit", "html"):
            code, out, err = run("check", path, "--format", fmt)
            expect(code == 1 and "\u202e" not in out, fmt)
            expect(not any(line.startswith("RESULT") for line in out.split("\n")), f"{fmt}: a line starts with RESULT")
        expect("<h1>RCO standards audit: <bdi>Acme\\u202e\\nRESULT: MEETS THE STANDARDS</bdi></h1>" in out,
               "html isolates the name")


@test
def errors_about_people_do_not_quote_their_values():
    secret = "p-7731 Jane Doe (in recovery since 2012)"
    with open(HARBOR) as f:
        rec = json.load(f)
    rec["peer_workers"][0]["ethics_training"] = secret
    rec["board"]["members"][1]["voting"] = secret
    with tempfile.TemporaryDirectory() as d:
        bad = write(d, "bad.json", json.dumps(rec))
        for summary in ("s.csv", "s.html"):
            summary_path = os.path.join(d, summary)
            code, out, err = run("check", bad, HARBOR, "--format", "json", "--summary", summary_path)
            expect(code == 2, f"exit {code}: {err}")
            errors = json.loads(out)["errors"]
            expect(len(errors) == 1 and "not shown here" in errors[0]["error"], errors)
            with open(summary_path, encoding="utf-8") as f:
                summary_text = f.read()
            for where, text in (("errors[]", json.dumps(errors)), ("stderr", err), (summary, summary_text)):
                expect("7731" not in text and "Jane" not in text and "2012" not in text, f"{where}: {text}")
        expect("(at /peer_workers/0/ethics_training)" in err and "(at /board/members/1/voting)" in err, err)
        code, _, err = run("check", bad, "--show-names")
        expect(code == 2 and f'got "{secret}"' in err, err)
        roster = write(d, "roster.csv", "id,voting,recovery_identity\np-7731,Jane Doe,personal\n")
        code, _, err = run("check", HARBOR, "--roster", roster)
        expect(code == 2 and "column voting: expected yes or no" in err and "Jane" not in err, err)


@test
def spanish_texts_are_scanned_with_the_spanish_table_in_every_record_form():
    with open(HARBOR, encoding="utf-8") as f:
        rec = json.load(f)
    rec["organization"]["language"] = "es"
    rec["organization"]["mission"] = "Apoyamos a adictos y a sus familias."
    rec["documents"].append({"id": "doc-volante", "title": "Volante", "audience": "public", "language": "es-MX",
                             "text": "Bienvenidos.\nNo más abuso de sustancias.\nAlcohólicos Anónimos se reúne aquí."})
    rec["documents"].append({"id": "doc-fr", "title": "Dépliant", "audience": "internal", "language": "fr",
                             "text": "Bienvenue."})
    with tempfile.TemporaryDirectory() as d:
        src = write(d, "es.json", json.dumps(rec, ensure_ascii=False))
        xml = os.path.join(d, "es.xml")
        code, _, err = run("convert", src, "--to", "xml", "--output", xml)
        expect(code == 0, err)
        for path in (src, xml):
            code, out, err = run("check", path, "--format", "json")
            checks = {c["id"]: c for c in json.loads(out)["checks"]}
            found = [(f["source"], f["matched"], f["line"], f["column"], f["term"])
                     for f in checks["S9.1"]["findings"]]
            expect(found == [("mission", "adictos", 1, 12, "adicto"),
                             ("doc-volante", "abuso de sustancias", 2, 8, "abuso-de-sustancias")], (path, found))
            expect(checks["S9.1"]["status"] == "fail", checks["S9.1"])
            expect(checks["S9.2"]["status"] == "manual_review" and 'doc-fr ("fr")' in checks["S9.2"]["explanation"],
                   checks["S9.2"])
        rec["documents"][-1]["language"] = "French"
        bad = write(d, "bad.json", json.dumps(rec, ensure_ascii=False))
        code, out, err = run("validate", bad)
        expect("expected a BCP 47 language tag such as en, es or es-MX" in err or
               "expected a BCP 47 language tag such as en, es or es-MX" in out, out + err)


@test
def csv_cells_are_never_formulas_in_any_locale():
    import csv
    import io
    with open(NORTHFIELD) as f:
        rec = json.load(f)
    with tempfile.TemporaryDirectory() as d:
        files = []
        for i, name in enumerate(["Acme;=1+2", " =HYPERLINK(\"http://x\")", "\"@SUM(A1)", "\t-2+3", "a\nb,c"]):
            rec["organization"]["name"] = name
            files.append(write(d, f"r{i}.json", json.dumps(rec)))
        summary = os.path.join(d, "s.csv")
        code, out, err = run("check", *files, "--format", "csv", "--summary", summary)
        expect(code == 1, f"exit {code}: {err}")
        with open(summary, newline="", encoding="utf-8") as f:
            summary_text = f.read()
        for text in (out, summary_text):
            expect(terminal_clean(text.replace("\r\n", "\n")), repr(text[:300]))
            for sep in (",", ";"):
                for row in csv.reader(io.StringIO(text, newline=""), delimiter=sep):
                    for cell in row:
                        expect(cell.lstrip(" \"'\t")[:1] not in ("=", "+", "-", "@") or cell.startswith("'"),
                               f"sep {sep!r}: formula cell {cell!r}")
        rows = list(csv.reader(io.StringIO(out, newline="")))
        expect(rows[1][0] == "Acme;=1+2", rows[1][0])
        expect({r[0] for r in rows[1:]} == {"Acme;=1+2", "' =HYPERLINK(\"http://x\")", "'\"@SUM(A1)", "'\\t-2+3",
                                            "a\\nb,c"}, {r[0] for r in rows[1:]})


@test
def workbooks_are_written_read_by_content_and_audited_like_json():
    import re
    import zipfile
    with tempfile.TemporaryDirectory() as d:
        blank = os.path.join(d, "my-rco.xlsx")
        code, out, err = run("init", blank)
        expect(code == 0 and "blank workbook" in out, err)
        with open(blank, "rb") as f:
            expect(f.read(4) == b"PK\x03\x04", "an .xlsx (zip) file")
        code, out, err = run("check", blank, "--as-of", "2026-06-30")
        expect(code == 1 and "needs evidence" in out.lower(), f"{code}: {out[:300]} {err}")
        code, _, err = run("init", os.path.join(d, "as-json.rec"), "--format", "json")
        expect(code == 0, err)
        # Any record as a workbook, read back by content under any name, the same audit
        # (with the example's document files beside it).
        import shutil
        shutil.copytree(os.path.join(EX, "texts"), os.path.join(d, "texts"))
        wb = os.path.join(d, "harbor.bin")
        code, _, err = run("convert", HARBOR, "--to", "xlsx", "-o", wb)
        expect(code == 0, err)
        code_w, out_w, _ = run("check", wb, "--format", "json")
        code_j, out_j, _ = run("check", HARBOR, "--format", "json")
        rw, rj = json.loads(out_w), json.loads(out_j)
        expect(code_w == code_j == 0 and rw["checks"] == rj["checks"], "identical audit from the workbook")
        code, back, err = run("convert", wb)
        _, canonical, _ = run("convert", HARBOR, "--to", "json")
        expect(code == 0 and back == canonical, "workbook -> JSON is the JSON record")
        # To standard output when it is not a terminal (here a pipe).
        p = subprocess.run([BIN, "convert", HARBOR, "--to", "xlsx"], capture_output=True, timeout=60)
        expect(p.returncode == 0 and p.stdout[:2] == b"PK", p.stderr)
        # A directory batch picks up .xlsx files.
        batch = os.path.join(d, "batch")
        shutil.copytree(os.path.join(EX, "texts"), os.path.join(batch, "texts"))
        with open(wb, "rb") as f:
            write(batch, "harbor.xlsx", f.read())
        write(batch, "notes.txt", "not a record")
        code, out, err = run("check", batch, "--format", "text")
        expect(code == 0 and "Harbor Recovery Community" in out, f"{code}: {err}")
        # A date typed as "June 31st": exit 2, sheet and cell named.
        broken = os.path.join(d, "broken.xlsx")
        with zipfile.ZipFile(wb) as zin, zipfile.ZipFile(broken, "w") as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "xl/worksheets/sheet2.xml":
                    data, n = re.subn(rb'<c r="B3"([^>]*)><v>[^<]*</v></c>',
                                      rb'<c r="B3"\1 t="inlineStr"><is><t>June 31st</t></is></c>', data)
                    expect(n == 1, data[:500])
                zout.writestr(item, data)
        code, _, err = run("check", broken)
        expect(code == 2 and f"{broken}: error: Record!B3: expected a date" in err and "(at /as_of)" in err, err)
        # A truncated workbook: exit 2 with a clear message, the batch goes on.
        with open(wb, "rb") as f:
            cut = write(d, "cut.xlsx", f.read()[:5000])
        code, out, err = run("check", cut, HARBOR, "--format", "json")
        expect(code == 2 and "truncated or corrupt" in err and len(json.loads(out)["reports"]) == 1, err)

REV1 = os.path.join(EX, "reviews", "harbor-rev-01.json")
REV2 = os.path.join(EX, "reviews", "harbor-rev-02.json")


@test
def two_reviewers_fold_into_the_audit():
    code, out, err = run("check", HARBOR, "--review", REV1, "--review", REV2, "--format", "json")
    expect(code == 0, f"exit {code}, stderr {err}")
    rep = json.loads(out)
    by_id = {c["id"]: c for c in rep["checks"]}
    expect(by_id["S8.5"]["status"] == "pass" and by_id["S8.5"]["automatic_status"] == "manual_review", by_id["S8.5"])
    expect(by_id["S8.5"]["review"]["reviewers"] == ["Dana Whitfield", "Luis Ortega"], by_id["S8.5"]["review"])
    expect(by_id["S10.6"]["status"] == "fail" and by_id["S10.6"]["review"]["overridden"], by_id["S10.6"])
    expect([r["file"] for r in rep["reviews"]] == [REV1, REV2] and all(len(r["sha256"]) == 64 for r in rep["reviews"]),
           rep["reviews"])
    acc = rep["accreditation"]
    expect(acc["finding_counts"] == {"exceeds": 6, "meets": 3, "requires_improvement": 1, "not_scored": 0}, acc)
    expect(acc["indicative_outcome"]["band"] == "standard", acc)
    expect(rep["standards"][7]["review"]["finding"] == "requires_improvement", rep["standards"][7])
    expect(rep["standards"][7]["review"]["uses_it"] == 0.5, rep["standards"][7])
    # Deterministic: the same inputs give the same bytes.
    expect(run("check", HARBOR, "--review", REV1, "--review", REV2, "--format", "json")[1] == out, "not deterministic")


@test
def review_sections_in_every_format():
    code, out, _ = run("check", HARBOR, "--review", REV1, "--review", REV2)
    expect(code == 0, f"exit {code}")
    expect("ACCREDITATION REVIEW (indicative; the accreditation committee decides)" in out, out[-3000:])
    expect("S10.6: not_satisfied -> fail, OVERRIDDEN BY A REVIEWER (automatic: pass)" in out, out[-3000:])
    _, html, _ = run("check", HARBOR, "--review", REV1, "--review", REV2, "--format", "html")
    expect('<section id="accreditation"' in html and '<section id="pip"' in html, "html sections")
    _, md, _ = run("check", HARBOR, "--review", REV1, "--review", REV2, "--format", "markdown")
    expect("## Accreditation review (indicative; the accreditation committee decides)" in md, "markdown section")
    code, pip, _ = run("check", HARBOR, "--review", REV1, "--review", REV2, "--format", "pip")
    expect(code == 0 and pip.startswith("PERFORMANCE IMPROVEMENT PLAN: Harbor Recovery Community\n"), pip[:300])
    expect("1. Standard 8: " in pip and "due 2026-10-13" in pip and "2. Standard" not in pip, pip)
    # No reviews: no section, and the plan says why it is empty.
    _, out, _ = run("check", HARBOR)
    expect("ACCREDITATION" not in out, "section without reviews")


@test
def review_errors_are_located_and_refused():
    with tempfile.TemporaryDirectory() as d:
        other = write(d, "other.json", open(REV1, encoding="utf-8").read().replace("41-2873561", "41-9999999"))
        code, out, err = run("check", HARBOR, "--review", other)
        expect(code == 2 and "other.json:3:3: error: the review is about EIN 41-9999999" in err, err)
        nonote = write(d, "nonote.json", json.dumps({
            "format": "rco-review/1", "organization": {"ein": "41-2873561"}, "reviewer": {"id": "r"},
            "date": "2026-07-15", "judgments": [{"check": "S2.1", "verdict": "not_satisfied"}]}))
        code, out, err = run("check", HARBOR, "--review", nonote)
        expect(code == 2 and "needs a \"note\" saying why [S2.1]" in err and "(at /judgments/0)" in err, err)
        bad = write(d, "bad.json", '{"format": "rco-review/1", "organization": {"ein": "41-2873561"},\n'
                                   ' "reviewer": {"id": "r"}, "date": "2026-07-15",\n'
                                   ' "scores": [{"standard": 2, "has_it": 3, "uses_it": 1}]}')
        code, out, err = run("check", HARBOR, "--review", bad)
        expect(code == 2 and "bad.json:3:29: error: expected a whole number from 0 to 2, got 3" in err, err)
        expect("the review file" in err and "cannot be used" in err, err)


@test
def reviews_disagreeing_leave_the_check_open():
    with tempfile.TemporaryDirectory() as d:
        base = {"format": "rco-review/1", "organization": {"ein": "41-2873561"}, "date": "2026-07-15"}
        a = write(d, "a.json", json.dumps({**base, "reviewer": {"id": "a"},
                                           "judgments": [{"check": "S8.5", "verdict": "satisfied"}]}))
        b = write(d, "b.json", json.dumps({**base, "reviewer": {"id": "b"},
                                           "judgments": [{"check": "S8.5", "verdict": "not_satisfied"}]}))
        code, out, err = run("check", HARBOR, "--review", a, "--review", b, "--format", "json")
        c = {c["id"]: c for c in json.loads(out)["checks"]}["S8.5"]
        expect(c["status"] == "manual_review" and c["review"]["verdict"] == "disagreement", c)
        expect([v["verdict"] for v in c["review"]["verdicts"]] == ["satisfied", "not_satisfied"], c)


@test
def diff_follows_the_improvement_plan_of_a_reviewed_report():
    with tempfile.TemporaryDirectory() as d:
        old, new = os.path.join(d, "old.json"), os.path.join(d, "new.json")
        code, _, err = run("check", HARBOR, "--review", REV1, "--review", REV2, "--format", "json:" + old)
        expect(code in (0, 1), err)
        with open(old, encoding="utf-8") as f:
            plan = json.load(f)["accreditation"]["pip"]["standards"]
        expect(plan, "the example reviews leave a standard requiring improvement")
        code, _, err = run("check", HARBOR, "--format", "json:" + new)
        code, out, err = run("diff", old, new, "--format", "json")
        doc = json.loads(out)
        listed = sum(max(1, len(s["checks"])) for s in plan)  # a standard without checks is one item
        expect(doc["pip"]["items"] == listed, doc.get("pip"))
        expect([s["standard"] for s in doc["pip"]["standards"]] == [s["standard"] for s in plan], doc["pip"])
        code, text, err = run("diff", old, new)
        head = f"Performance Improvement Plan of the review of 2026-06-30: {doc['pip']['items_closed']} of {listed}"
        expect(head in text, text)
        for s in plan:
            expect(f"  {s['standard']}. " in text and f"(due {s['due']}): requires improvement \u2192 not scored again"
                   in text, text)


@test
def reviews_in_a_batch_apply_to_their_organization():
    with tempfile.TemporaryDirectory() as d:
        summary = os.path.join(d, "summary.csv")
        code, out, err = run("check", HARBOR, RIVERBEND, "--review", REV1, "--format", "json", "--summary", summary)
        reports = json.loads(out)["reports"]
        expect("accreditation" in reports[0] and "accreditation" not in reports[1], "review on the wrong record")
        with open(summary, encoding="utf-8", newline="") as f:
            lines = f.read().split("\r\n")
        expect(lines[0].endswith(",checks_waived," + ",".join(f"finding_{i}" for i in range(1, 11)) +
                                 ",indicative_outcome,error"), lines[0])
        harbor_row = [l for l in lines if l.startswith("Harbor Recovery Community,")][0].split(",")
        expect(harbor_row[-12:-1] == ["exceeds", "exceeds", "exceeds", "exceeds", "meets", "exceeds", "exceeds",
                                    "requires_improvement", "exceeds", "exceeds", "standard"], harbor_row)
        html_summary = os.path.join(d, "summary.html")
        run("check", HARBOR, RIVERBEND, "--review", REV1, "--format", "json", "--summary", html_summary)
        html = open(html_summary, encoding="utf-8").read()
        expect('<section id="accreditation-summary"' in html and "Standard accreditation" in html, html[-2000:])
        lonely = write(d, "lonely.json", open(REV1, encoding="utf-8").read().replace("41-2873561", "41-9999999"))
        code, out, err = run("check", HARBOR, RIVERBEND, "--review", lonely, "--format", "json")
        expect(code == 2 and "is about no organization of this run (EIN 41-9999999)" in err, err)


@test
def review_sheet_round_trip():
    with tempfile.TemporaryDirectory() as d:
        sheet_path = os.path.join(d, "sheet.json")
        code, out, err = run("review-sheet", HARBOR, "--output", sheet_path)
        expect(code == 0 and out == "", f"exit {code}, {err}")
        sheet = json.load(open(sheet_path, encoding="utf-8"))
        expect(sheet["format"] == "rco-review/1" and sheet["organization"]["ein"] == "41-2873561", sheet)
        expect([j["check"] for j in sheet["judgments"]] == ["S8.5"], sheet["judgments"])
        expect(sheet["judgments"][0]["question"].startswith("Does leadership reflect"), sheet["judgments"][0])
        expect(len(sheet["scores"]) == 10 and sheet["scores"][0]["has_it"] is None, sheet["scores"][0])
        expect(sheet["scores"][1]["automatic_result"].startswith("met (score 100%): S2.1 pass"), sheet["scores"][1])
        # Blank: refused until the reviewer and date are filled in.
        code, _, err = run("check", HARBOR, "--review", sheet_path)
        expect(code == 2 and "the reviewer needs an id" in err and "expected the review date as YYYY-MM-DD" in err, err)
        sheet["reviewer"] = {"id": "rev-03", "name": "Kim Park", "role": "peer reviewer"}
        sheet["date"] = "2026-07-16"
        sheet["judgments"][0]["verdict"] = "not_satisfied"
        sheet["judgments"][0]["note"] = "Board is all from one town."
        sheet["scores"][7]["has_it"], sheet["scores"][7]["uses_it"] = 1, 1
        filled = write(d, "filled.json", json.dumps(sheet))
        code, out, err = run("check", HARBOR, "--review", filled, "--format", "json")
        rep = json.loads(out)
        expect({c["id"]: c for c in rep["checks"]}["S8.5"]["status"] == "fail", err)
        expect(rep["accreditation"]["finding_counts"]["meets"] == 1 and
               rep["accreditation"]["finding_counts"]["not_scored"] == 9, rep["accreditation"])


@test
def review_sheet_usage_errors_in_either_language():
    # The same messages as check's, in the chosen language; exit code 2 either way.
    for lang, profile, date in (("en", "unknown profile 'nowhere'; known profiles: national accreditation florida "
                                       "michigan indiana", "--as-of expects a date as YYYY-MM-DD, got '2026-13-01'"),
                                ("es", "perfil desconocido", "AAAA-MM-DD")):
        code, out, err = run("review-sheet", HARBOR, "--profile", "nowhere", "--lang", lang)
        expect(code == 2 and out == "" and profile in err and "nowhere" in err, err)
        code, out, err = run("review-sheet", HARBOR, "--as-of", "2026-13-01", "--lang", lang)
        expect(code == 2 and out == "" and date in err and "2026-13-01" in err, err)
    code, _, err = run("review-sheet", HARBOR, "--profile", "nowhere", "--lang", "es")
    expect("known profiles" not in err and "rco-audit: error:" in err, err)


@test
def review_sheet_workbook_round_trip():
    sys.path.insert(0, os.path.join(ROOT, "tests", "workbook"))
    import xlsx_cells  # noqa: E402 - the test helper beside the LibreOffice test
    with tempfile.TemporaryDirectory() as d:
        xlsx = os.path.join(d, "sheet.xlsx")
        code, out, err = run("review-sheet", HARBOR, "--output", xlsx)
        expect(code == 0 and out == "" and err == "", f"exit {code}, {err}")
        expect(open(xlsx, "rb").read(4) == b"PK\x03\x04", "not a workbook")
        as_json = os.path.join(d, "sheet-as-json.xlsx")
        code, _, err = run("review-sheet", HARBOR, "--output", as_json, "--format", "json")
        expect(code == 0 and json.load(open(as_json, encoding="utf-8"))["format"] == "rco-review/1", err)
        # Blank: refused at the reviewer's and the date's cells.
        code, _, err = run("check", HARBOR, "--review", xlsx)
        expect(code == 2 and "Review!B5: the reviewer needs an id (at /reviewer/id)" in err and
               "Review!B8: expected the review date as YYYY-MM-DD" in err and
               "sheet.xlsx cannot be used" in err, err)
        filled = os.path.join(d, "filled.xlsx")
        xlsx_cells.fill(xlsx, filled, {"Review": {"B5": "rev-03", "B6": "Kim Park", "B8": "2026-07-16"},
                                       "Judgments": {"E2": "not_satisfied", "G2": "Board is all from one town."},
                                       "Scores": {"D9": 1, "E9": 1}})
        xlsx_code, out, err = run("check", HARBOR, "--review", filled, "--format", "json")
        expect(err == "", err)
        rep = json.loads(out)
        expect({c["id"]: c for c in rep["checks"]}["S8.5"]["status"] == "fail", rep["checks"])
        # The JSON sheet filled in the same way gives the same audit.
        sheet = json.loads(run("review-sheet", HARBOR)[1])
        sheet["reviewer"] = {"id": "rev-03", "name": "Kim Park", "role": ""}
        sheet["date"] = "2026-07-16"
        sheet["judgments"][0]["verdict"] = "not_satisfied"
        sheet["judgments"][0]["note"] = "Board is all from one town."
        sheet["scores"][7]["has_it"], sheet["scores"][7]["uses_it"] = 1, 1
        code, out, err = run("check", HARBOR, "--review", write(d, "filled.json", json.dumps(sheet)),
                             "--format", "json")
        same = json.loads(out)
        expect(code == xlsx_code, f"exit {xlsx_code}, with the JSON sheet {code}")
        for key in ("checks", "standards", "accreditation"):
            expect(rep[key] == same[key], f"{key} differs")
        # A typo in a verdict cell: exit 2, the sheet and cell named.
        typo = os.path.join(d, "typo.xlsx")
        xlsx_cells.fill(filled, typo, {"Judgments": {"E2": "satisfed"}})
        code, _, err = run("check", HARBOR, "--review", typo)
        expect(code == 2 and "Judgments!E2: expected satisfied, not_satisfied or not_applicable, got \"satisfed\""
               in err and "(at /judgments/0/verdict)" in err, err)


@test
def unknown_command_suggests_the_nearest():
    code, out, err = run("chek", HARBOR)
    expect(code == 2 and out == "", f"exit {code}")
    expect(err.startswith("rco-audit: error: unknown command 'chek'; did you mean 'check'?\n"), err)
    code, _, err = run("Validate", HARBOR)
    expect(code == 2 and "did you mean 'validate'?" in err, err)
    code, _, err = run("frobnicate")
    expect(code == 2 and "unknown command 'frobnicate'" in err and "did you mean" not in err, err)
    code, _, err = run("help", "chek")
    expect(code == 2 and "did you mean 'check'?" in err, err)


@test
def help_command_is_the_same_as_dash_dash_help():
    for name in ("check", "validate", "diff", "init"):
        code1, out1, _ = run("help", name)
        code2, out2, _ = run(name, "--help")
        expect(code1 == 0 and code2 == 0 and out1 == out2 and f"{name} [OPTIONS]" in out1, f"{name}: {out1[:200]}")
    code, out, _ = run("help")
    expect(code == 0 and "Subcommands:" in out and "help" in out and "Exit codes:" in out, out[-600:])


@test
def help_in_spanish_leaves_no_english_description():
    # Every description, exit code, heading and type word of every command's help is in
    # Spanish with --lang es (anywhere on the line) or RCO_AUDIT_LANG=es; the options, the
    # commands and the accepted words stay as they are.
    code, english, _ = run("help", "--all")
    expect(code == 0, english[:200])
    _, names_en, _ = run("--help")
    listed = names_en[names_en.index("Subcommands:"):names_en.index("Exit codes:")]
    commands = [line.split()[0] for line in listed.splitlines()[1:] if line.startswith("  ") and line[2] != " "]
    expect("check" in commands and "review-sheet" in commands and len(commands) == 11, commands)
    english_texts = set()
    for name in commands:
        _, out, _ = run(name, "--help")
        for line in out.splitlines():
            text = line[32:] if line.startswith("  ") and len(line) > 32 and line[30:32] == "  " else ""
            prose = text if len(text.split()) >= 3 else (line.strip() if not line.startswith("  -") else "")
            if len(prose.split()) >= 4:
                english_texts.add(prose)
    expect(len(english_texts) > 50, len(english_texts))
    for name in ["", *commands]:
        args = [name, "--help"] if name else ["--help"]
        code, out, err = run(*args, env={"RCO_AUDIT_LANG": "es"})
        expect(code == 0, f"{name}: {code} {err}")
        if name and "--lang" in run(*args)[1]: # a command that takes --lang: the same help with it
            code, out_lang, err = run(*args, "--lang", "es")
            expect(code == 0 and out_lang == out, f"{name}: {code} {err}")
        for text in english_texts:
            expect(text not in out, f"{name or 'rco-audit'} --help --lang es: English left: {text}")
        expect("Códigos de salida:" in out and "Uso: " in out and "Opciones:" in out, out[:300])
        expect("Exit codes:" not in out and "REQUIRED" not in out and "TEXT " not in out, out)
    _, out, _ = run("check", "--help", "--lang", "es")
    expect("  --tailoring TEXTO:ARCHIVO     Archivo de ajustes (rco-tailoring/1)" in out, out)
    expect("  files TEXTO ... OBLIGATORIO   Expedientes (rco-record/1 en JSON" in out, out)
    expect("--color TEXTO:{auto,always,never}=auto" in out and "0  se cumplen todos los estándares\n" in out, out)
    _, out, _ = run("help", "check", "--lang", "es")
    expect(out == run("check", "--help", "--lang", "es")[1], "help check --lang es is check --help --lang es")
    code, _, err = run("help", "--lang", "xx")
    expect(code == 2 and "unknown language 'xx'" in err, err)
    # English stays as it was, and so does the completion script in any language.
    expect(run("help", "--all")[1] == english and "Print this help message and exit" in english, "English help")
    expect(run("completion", "bash", env={"RCO_AUDIT_LANG": "es"})[1] == run("completion", "bash")[1],
           "the completion script is the same in every language")


@test
def profile_names_and_check_ids_in_any_case():
    code, out, err = run("check", HARBOR, "--profile", "Florida", "--format", "json")
    expect(code == 0 and json.loads(out)["profile"] == "florida", err)
    code, out, _ = run("rules", "--profile", "MICHIGAN")
    expect(code == 0 and out.startswith("Catalog ") and "profile michigan:" in out.splitlines()[0], out[:100])
    _, upper, _ = run("explain", "S2.1")
    for spelling in ("s2.1", "Board-Recovery-Majority"):
        code, out, err = run("explain", spelling)
        expect(code == 0 and out == upper and out.startswith("S2.1 board-recovery-majority:"), f"{spelling}: {err}")
    code, _, err = run("check", HARBOR, "--profile", "Floridaa")
    expect(code == 2 and "unknown profile 'Floridaa'" in err, err)


@test
def each_command_help_lists_its_own_exit_codes():
    def codes(name):
        _, out, _ = run(name, "--help")
        section = out[out.index("Exit codes:"):]
        return section, [line.split()[0] for line in section.splitlines()[1:] if line[:3] == "  " + line[2:3] and line[2:3].isdigit()]
    section, found = codes("check")
    expect(found == ["0", "1", "2"] and "every standard is met" in section and "diff" not in section, section)
    section, found = codes("validate")
    expect(found == ["0", "2"] and "every file is valid" in section and "standard" not in section, section)
    section, found = codes("diff")
    expect(found == ["0", "1", "2"] and "no longer met" in section and "every standard is met" not in section, section)
    for name in ("rules", "explain", "convert", "import-990", "init"):
        section, found = codes(name)
        expect(found == ["0", "2"] and "diff" not in section and "validate" not in section, f"{name}: {section}")
    _, out, _ = run("--help")
    expect("for diff:" in out and "(validate)" in out, "the program's help lists every command's codes")


def run_pty(*args, cols=60, env=None, cwd=None):
    """Runs the tool with standard output and error on a pseudo-terminal `cols` wide: its
    exit code and what the terminal received (line ends as written, \r\n)."""
    import fcntl
    import pty
    import struct
    import termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    environment["TERM"] = "xterm"
    environment.update(env or {})
    p = subprocess.Popen([BIN, *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=environment,
                         cwd=cwd)
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: the program ended
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    return p.wait(timeout=60), received.decode("utf-8").replace("\r\n", "\n")


def strip_ansi(text):
    import re
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def widest(text):
    return max(len(line) for line in text.splitlines())


@test
def colour_on_a_terminal_unless_no_color_and_never_in_files():
    code, out = run_pty("check", NORTHFIELD)
    expect(code == 1 and "RESULT: \x1b[1;31mDOES NOT MEET THE STANDARDS\x1b[0m" in out, out[:400])
    expect("  \x1b[1;31mNOT MET\x1b[0m" in out and "\x1b[1;32mpass\x1b[0m" in out, "status words coloured")
    for env, extra in (({"NO_COLOR": "1"}, ()), ({}, ("--color", "never")), ({"TERM": "dumb"}, ())):
        code, plain = run_pty("check", NORTHFIELD, *extra, env=env)
        expect(code == 1 and "\x1b" not in plain and "RESULT: DOES NOT MEET" in plain, f"{env} {extra}")
    code, out = run_pty("check", NORTHFIELD, "--color", "always", env={"NO_COLOR": "1"})
    expect("\x1b[1;31m" in out, "--color always wins over NO_COLOR")
    # Piped: no colour unless asked; a file: never.
    code, out, _ = run("check", NORTHFIELD)
    expect(code == 1 and "\x1b" not in out, "no colour in a pipe")
    code, out, _ = run("check", NORTHFIELD, "--color", "always")
    expect("\x1b[1;31mNOT MET\x1b[0m" in out, "--color always colours a pipe")
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "report.txt")
        code, out = run_pty("check", NORTHFIELD, "--color", "always", "-o", target)
        with open(target, encoding="utf-8") as f:
            expect(code == 1 and "\x1b" not in f.read(), "a file is never coloured")
    # Diagnostics on a terminal: the severity is coloured.
    code, out = run_pty("check", os.path.join(EX, "does-not-exist.json"))
    expect(code == 2 and ": \x1b[1;31merror\x1b[0m: cannot open" in out, out)


@test
def text_report_fits_the_terminal_and_files_have_the_fixed_width():
    # (Relative names: a path longer than the line is one word, never broken.)
    name = os.path.basename(NORTHFIELD)
    code, out = run_pty("check", name, cols=60, cwd=EX)
    plain = strip_ansi(out)
    expect(code == 1 and widest(plain) <= 60 and "RESULT: DOES NOT MEET THE STANDARDS" in plain, widest(plain))
    code, wide = run_pty("check", name, cols=140, cwd=EX)
    expect(widest(strip_ansi(wide)) > 88, "a wide terminal gets longer lines")
    code, piped, _ = run("check", name, cwd=EX)
    expect(widest(piped) <= 88 and widest(piped) > 60, f"pipes and files: 88 columns, got {widest(piped)}")
    expect(piped.split() == plain.split(), "the same words at any width")
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "report.txt")
        run_pty("check", name, "-o", target, cols=50, cwd=EX)
        with open(target, encoding="utf-8") as f:
            expect(f.read() == piped, "a file written from a terminal equals the piped report")


@test
def quiet_prints_errors_only():
    with open(HARBOR) as f:
        rec = json.load(f)
    rec["organization"]["misson"] = "typo"
    with tempfile.TemporaryDirectory() as d:
        shutil.copytree(os.path.join(EX, "texts"), os.path.join(d, "texts"))
        path = write(d, "rec.json", json.dumps(rec, indent=2))
        code, out, err = run("check", path)
        expect(code == 0 and "warning: unknown field" in err, err)
        code, quiet_out, err = run("check", path, "--quiet")
        expect(code == 0 and err == "" and quiet_out == out, err)
        code, out, err = run("validate", "-q", path)
        expect(code == 0 and out == "" and err == "", out + err)
        missing = os.path.join(d, "missing.json")
        code, out, err = run("validate", "--quiet", path, missing)
        expect(code == 2 and "missing.json" in err and "error" in err and "warning" not in err, err)
        # On a terminal a batch shows a progress bar, unless --quiet.
        code, out = run_pty("check", HARBOR, RIVERBEND, "--format", "json:" + os.path.join(d, "all.json"))
        expect("Auditing 2/2" in out, out)
        code, out = run_pty("check", HARBOR, RIVERBEND, "--quiet", "--format", "json:" + os.path.join(d, "all.json"))
        expect("Auditing" not in out and "warning" not in out, out)

@test
def json_mistakes_are_named_with_the_line_and_a_caret():
    with tempfile.TemporaryDirectory() as d:
        cases = [
            ('{\n  "format": "rco-record/1",\n  "as_of": "2026-06-30",\n}\n', ":3:24: error: malformed JSON: a trailing comma",
             '      "as_of": "2026-06-30",\n' + " " * (4 + 23) + "^\n"),
            ('{\n  "format": "rco-record/1",\n  "website": {"get_involved": yes}\n}\n', ":3:31: error: malformed JSON: an unquoted yes",
             "write true"),
            ("{\n  'format': 'rco-record/1'\n}\n", ":2:3: error: malformed JSON: single quotes", "\n      'format'"),
            ('{\n  // my record\n  "format": "rco-record/1"\n}\n', ":2:3: error: malformed JSON: a comment: JSON has no comments",
             "\n      // my record\n      ^\n"),
            # Record text is escaped on the terminal, the caret still under the mistake.
            ('{"name": "\x1b[2J", x}', ":1:11: error: malformed JSON: a control character inside a string",
             '\n    {"name": "\\x1b[2J", x}\n' + " " * (4 + 10) + "^\n"),
        ]
        for i, (text, where, shown) in enumerate(cases):
            path = write(d, f"m{i}.json", text)
            code, _, err = run("validate", path)
            expect(code == 2 and f"{path}{where}" in err and shown in err, f"{text!r}: {err!r}")
            expect("\x1b" not in err, "raw escape on the terminal")
        # The tailoring file is JSON too: the same explanations.
        tail = write(d, "t.json", '{"format": "rco-tailoring/1",}')
        code, _, err = run("check", HARBOR, "--tailoring", tail)
        expect(code == 2 and "t.json:1:29: error: malformed JSON: a trailing comma" in err and "^" in err, err)


@test
def roster_dates_as_excel_writes_them_and_name_like_ids():
    with tempfile.TemporaryDirectory() as d:
        roster = write(d, "board.csv", "id,voting,seat,recovery_identity,attested\n"
                                        "b01,yes,filled,personal,1/15/2026\n"
                                        "Jane Doe,yes,filled,personal,01/15/2026\n")
        code, out, err = run("validate", HARBOR, "--roster", roster)
        expect(code == 0 and "valid rco-record/1" in out, f"{code}: {out} {err}")
        expect("board.csv:3:1: warning: column id: this id looks like a person's name" in err, err)
        expect("Jane" not in err, "the name is not echoed without --show-names")
        bad = write(d, "bad.csv", "id,recovery_identity,attested\nb01,personal,2/30/2026\n")
        code, _, err = run("validate", HARBOR, "--roster", bad)
        expect(code == 2 and "bad.csv:2:14: error: column attested: there is no February 30 in 2026" in err, err)


@test
def unknown_words_and_sections_are_warned_and_counted_by_validate():
    with tempfile.TemporaryDirectory() as d:
        rec = write(d, "rec.json", json.dumps({
            "format": "rco-record/1", "as_of": "2026-06-30",
            "Organization": {"name": "Typo Recovery"},
            "services": [{"name": "Coaching", "type": "recovery_coaching"}],
            "pathways": {"supported": ["twelve_step", "AA"]},
            "board": {"members": [{"id": "b01", "recovery_identity": "personal"}]},
        }, indent=2))
        code, out, err = run("validate", rec)
        expect(code == 0, f"exit {code}: {err}")
        expect('warning: unknown section "Organization" is ignored, with everything in it; did you mean organization? '
               "(at /Organization)" in err, err)
        expect('unknown service type "recovery_coaching" (the checks do not count it); did you mean '
               "peer_recovery_coaching?" in err and "(at /services/0/type)" in err, err)
        expect('"AA" is a group, not a recovery pathway; write the pathway it belongs to: twelve_step' in err, err)
        expect(out.splitlines()[-1] == f"{rec}: valid rco-record/1 (3 warnings); 3 unknown fields or words ignored",
               out)
        state = write(d, "state.json", '{"format": "rco-record/1", "organization": {"state": "Nebraska"}}')
        code, out, err = run("validate", state)
        expect("did you mean NE (Nebraska)? (at /organization/state)" in err, err)
        expect(out.strip().endswith("; 1 unknown field or word ignored"), out)


def batch_folder(d):
    """A folder of four records: Harbor (meets, with its document text), Northfield and
    Riverbend (do not meet), one broken record; and a sub-folder with a copy of Riverbend
    whose organization.misson is misspelled, like the top-level one's."""
    recs = os.path.join(d, "recs")
    os.makedirs(os.path.join(recs, "texts"))
    os.makedirs(os.path.join(recs, "sub"))
    shutil.copy(os.path.join(EX, "texts", "harbor-welcome.txt"), os.path.join(recs, "texts"))
    shutil.copy(HARBOR, os.path.join(recs, "a-harbor.json"))
    shutil.copy(NORTHFIELD, os.path.join(recs, "b-northfield.json"))
    with open(RIVERBEND) as f:
        rec = json.load(f)
    rec["organization"]["misson"] = "typo"
    write(recs, "c-riverbend.json", json.dumps(rec, indent=2))
    write(recs, "d-broken.json", "{ broken")
    write(os.path.join(recs, "sub"), "e-riverbend.json", json.dumps(rec, indent=2))
    write(recs, "notes.txt", "not a record: ignored")
    return recs


@test
def validate_takes_folders_like_check_and_ends_with_a_tally():
    with tempfile.TemporaryDirectory() as d:
        recs = batch_folder(d)
        code, out, err = run("validate", recs)
        expect(code == 2, f"exit {code}: {err}")
        lines = out.splitlines()
        expect([l.split(": ")[0] for l in lines] == [os.path.join(recs, n) for n in (
            "a-harbor.json", "b-northfield.json", "c-riverbend.json", "d-broken.json", "sub/e-riverbend.json")], out)
        expect(lines[3] == os.path.join(recs, "d-broken.json") + ": invalid", out)
        expect(lines[2].endswith(": valid rco-record/1 (1 warning); 1 unknown field or word ignored"), out)
        expect(err.splitlines()[-1] == "rco-audit: 5 records read: 4 valid (2 with warnings), 1 invalid", err)
        # The same folder, file by file: the same lines on standard output.
        files = [os.path.join(recs, n) for n in ("a-harbor.json", "b-northfield.json", "c-riverbend.json",
                                                 "d-broken.json", "sub/e-riverbend.json")]
        code2, out2, _ = run("validate", *files)
        expect(code2 == 2 and out2 == out, out2)
        code, out, err = run("validate", "-q", recs)
        expect(code == 2 and "records read" not in err and out == os.path.join(recs, "d-broken.json") + ": invalid\n",
               out + err)
        # One record: no tally; an empty folder: an error.
        code, _, err = run("validate", HARBOR)
        expect(code == 0 and "records read" not in err, err)
        os.makedirs(os.path.join(d, "empty"))
        code, out, err = run("validate", os.path.join(d, "empty"))
        expect(code == 2 and out == "" and "no record files (*.json, *.xml, *.xlsx) found in" in err, err)


@test
def batch_check_ends_with_a_one_line_tally():
    with tempfile.TemporaryDirectory() as d:
        recs = batch_folder(d)
        out_dir = os.path.join(d, "out")
        code, out, err = run("check", recs, "--format", "json", "--output-dir", out_dir,
                             "--format", "text:" + os.path.join(d, "all.txt"))
        expect(code == 2 and out == "", f"exit {code}: {err}")
        expect(err.splitlines()[-1] == "rco-audit: 5 records audited: 1 meets, 3 do not meet, 0 incomplete, "
               f"1 unreadable; reports in {out_dir}/, {d}/all.txt", err)
        expect(err.count("rco-audit: ") - err.count("rco-audit: error") == 2, err)  # not audited + tally
        code, out, err = run("check", recs, "--summary", os.path.join(d, "s.csv"))
        expect(err.splitlines()[-1].endswith("1 unreadable; reports on standard output; summary in "
                                             + os.path.join(d, "s.csv")), err)
        code, _, err = run("check", recs, "--quiet", "--format", "json", "--output-dir", out_dir)
        expect("records audited" not in err and "misson" not in err, err)
        # A folder of one record is a batch too; one file is not.
        one = os.path.join(d, "one")
        os.makedirs(one)
        shutil.copy(NORTHFIELD, one)
        code, _, err = run("check", one, "-o", os.path.join(d, "one.txt"))
        expect(code == 1 and err == "rco-audit: 1 record audited: 0 meet, 1 does not meet, 0 incomplete, "
               f"0 unreadable; reports in {d}/one.txt\n", err)
        code, _, err = run("check", NORTHFIELD, "-o", os.path.join(d, "one.txt"))
        expect(code == 1 and err == "", err)


@test
def a_warning_many_records_share_is_printed_once_with_a_count():
    with tempfile.TemporaryDirectory() as d:
        recs = batch_folder(d)
        write(recs, "f-broken.json", "[1,")
        for cmd in (["check", recs, "--format", "json", "--output-dir", os.path.join(d, "out")], ["validate", recs]):
            code, _, err = run(*cmd)
            lines = err.splitlines()
            typo = [l for l in lines if 'unknown field "misson"' in l]
            expect(typo == [os.path.join(recs, "c-riverbend.json") + ':31:5: warning: unknown field "misson" is '
                            "ignored; did you mean mission? (at /organization/misson) (and in 1 other record)"],
                   f"{cmd[0]}: {lines}")
            # Errors stay one per file, before the warnings gathered at the end.
            errors = [i for i, l in enumerate(lines) if ": error: " in l]
            expect(len(errors) == 2 and "d-broken.json" in lines[errors[0]] and "f-broken.json" in lines[errors[1]],
                   f"{cmd[0]}: {lines}")
            expect(errors[1] < lines.index(typo[0]), f"{cmd[0]}: {lines}")
        # Three records sharing it: "(and in 2 other records)"; the same run twice, the same bytes.
        with open(os.path.join(recs, "c-riverbend.json")) as f:
            write(recs, "g-riverbend.json", f.read())
        err1 = run("validate", recs)[2]
        expect(err1 == run("validate", recs)[2] and err1.count('"misson"') == 1
               and "(and in 2 other records)" in err1, err1)
        for cmd in ("validate", "check"):
            err = run(cmd, recs, "--every-warning")[2]
            expect(err.count('"misson"') == 3 and "other record" not in err, err)


@test
def diff_audits_two_records_and_says_it_in_words():
    with tempfile.TemporaryDirectory() as d:
        with open(RIVERBEND) as f:
            rec = json.load(f)
        rec["participation"]["events"] += [
            {"date": "2026-04-10", "type": "focus_group", "participants": 9, "id": "ev-new-1"},
            {"date": "2026-05-15", "type": "visioning", "participants": 21, "id": "ev-new-2"}]
        rec["participation"]["feedback_survey"] = "2026-05-01"
        newer = write(d, "newer.json", json.dumps(rec, indent=2))
        before = write(d, "before.json", run("check", RIVERBEND, "--format", "json")[1])
        after = write(d, "after.json", run("check", newer, "--format", "json")[1])
        # Two records are audited as check audits them: the same diff as their two reports,
        # and the same with one of each.
        code, out, err = run("diff", RIVERBEND, newer)
        expect(code == 0 and err == "", f"exit {code}: {err}")
        expect(out == run("diff", before, after)[1] == run("diff", before, newer)[1] == run("diff", RIVERBEND, after)[1],
               out)
        expect(run("diff", RIVERBEND, newer, "--format", "json")[1] == run("diff", before, after, "--format", "json")[1],
               "JSON diff of records")
        expect("  5. Participatory process: does not meet → meets, score 43% → 100%\n" in out, out)
        expect("  S5.1 Regular community input events: does not meet → meets\n" in out, out)
        for code_word in ("->", "FAIL", "insufficient_evidence", "not_met", "meets_standards"):
            expect(code_word not in out, f"{code_word} in {out}")
        # Backwards: a regression, exit 1, said in words.
        code, out, _ = run("diff", newer, RIVERBEND)
        expect(code == 1 and "Standards no longer met\n  5. Participatory process: meets → does not meet" in out, out)
        expect("  S5.4 Participant feedback survey: meets → evidence missing\n" in out, out)
        # Any record format: the XML and workbook forms of Riverbend are the same audit.
        wb = os.path.join(d, "riverbend.xlsx")
        expect(run("convert", RIVERBEND, "--to", "xlsx", "-o", wb)[0] == 0, "convert")
        for old in (os.path.join(EX, "riverbend-emerging-rco.xml"), wb):
            code, out, err = run("diff", old, newer, "--format", "json")
            j = json.loads(out)
            expect(code == 0 and j["old"] == {"as_of": "2026-06-30", "result": "does_not_meet", "score": 81}
                   and j["new"]["result"] == "meets_standards", f"{old}: {out} {err}")
        # check's options: --profile, --as-of (both records), --tailoring, --rules.
        code, out, err = run("diff", RIVERBEND, newer, "--profile", "Michigan", "--as-of", "2026-07-31",
                             "--format", "json")
        j = json.loads(out)
        expect(code in (0, 1) and j["warnings"] == [] and j["old"]["as_of"] == j["new"]["as_of"] == "2026-07-31", out + err)
        expect(j == json.loads(run("diff",
                                   write(d, "b2.json", run("check", RIVERBEND, "--format", "json", "--profile", "michigan",
                                                           "--as-of", "2026-07-31")[1]),
                                   write(d, "a2.json", run("check", newer, "--format", "json", "--profile", "michigan",
                                                           "--as-of", "2026-07-31")[1]), "--format", "json")[1]),
               "the same options as check")
        code, _, err = run("diff", before, after, "--profile", "michigan")
        expect(code == 0 and "apply to records; both files are reports" in err, err)
        # A record that cannot be read is named, with its line and column.
        broken = write(d, "broken.json", '{"format": "rco-record/1", "as_of": "2026-13-01"}')
        code, out, err = run("diff", broken, newer)
        expect(code == 2 and out == "" and f"{broken}:1:" in err and "not audited (input error)" in err, err)
        code, _, err = run("diff", RIVERBEND, newer, "--profile", "nowhere")
        expect(code == 2 and "unknown profile 'nowhere'" in err, err)


def complete(script, *words):
    """What bash completes for the command line `words` (the last one being typed), with
    the script sourced; run in the examples folder."""
    program = (script + "\nCOMP_WORDS=(" + " ".join("'" + w + "'" for w in words) + ")\nCOMP_CWORD=" +
               str(len(words) - 1) + "\n_rco_audit\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True, text=True,
                       timeout=30, cwd=EX)
    expect(p.returncode == 0 and p.stderr == "", p.stderr)
    return [w for w in p.stdout.split("\n") if w]


@test
def bash_completion_completes_commands_options_and_values():
    code, script, err = run("completion", "bash")
    expect(code == 0 and err == "" and "complete -o filenames -o bashdefault -F _rco_audit rco-audit" in script, err)
    expect(complete(script, "rco-audit", "ch") == ["check"], complete(script, "rco-audit", "ch"))
    expect(complete(script, "rco-audit", "") == ["check", "validate", "rules", "explain", "diff", "convert",
                                                 "import-990", "init", "review-sheet", "completion", "help",
                                                 "--help", "--version"], complete(script, "rco-audit", ""))
    # check's options: every long option its help lists (the script comes from the same declarations).
    options = complete(script, "rco-audit", "check", "x.json", "--")
    listed = {name for line in run("check", "--help")[1].splitlines() if line.startswith("  -")
              for name in line.split()[0].split(",") if name.startswith("--")}
    expect(len(listed) >= 17 and listed <= set(options), f"{sorted(listed)} vs {options}")
    expect({"--profile", "--as-of", "--format", "--output-dir", "--summary", "--tailoring", "--review", "--roster",
            "--documents", "--output", "--jobs", "--show-names", "--rules", "--every-warning", "--quiet", "--color",
            "--help"} <= set(options), options)
    expect(complete(script, "rco-audit", "check", "--prof") == ["--profile"], "option")
    expect({"-h", "-o", "-j", "-q"} <= set(complete(script, "rco-audit", "check", "-")), "short options")
    # Option values from the declarations: profiles, formats, choices, directories, nothing for a date.
    expect(complete(script, "rco-audit", "check", "x.json", "--profile", "") ==
           ["national", "accreditation", "florida", "michigan", "indiana"], "profile names")
    expect(complete(script, "rco-audit", "check", "--format", "ma") == ["markdown"], "formats")
    expect(complete(script, "rco-audit", "check", "--color", "") == ["auto", "always", "never"], "colour")
    expect(complete(script, "rco-audit", "convert", "x.json", "--to", "") == ["json", "xml", "xlsx"], "convert --to")
    expect(complete(script, "rco-audit", "check", "--as-of", "") == [], "a date")
    expect(complete(script, "rco-audit", "check", "--documents", "t") == ["texts"], "a folder")
    expect(complete(script, "rco-audit", "explain", "S2.") == ["S2.1", "S2.2", "S2.3", "S2.4", "S2.5"], "check ids")
    expect(complete(script, "rco-audit", "check", "harbor-r") ==
           ["harbor-recovery-community.json", "harbor-recovery-community.xml"], "files")
    expect(complete(script, "rco-audit", "help", "va") == ["validate"], "help's command")
    expect(complete(script, "rco-audit", "diff", "a.json", "--f") == ["--format"], "diff's options")
    # -o writes it whole; the file the build installs is this script.
    with tempfile.TemporaryDirectory() as d:
        code, out, _ = run("completion", "bash", "-o", os.path.join(d, "rco-audit"))
        with open(os.path.join(d, "rco-audit")) as f:
            expect(code == 0 and out == "" and f.read() == script, "completion -o")
    built = os.path.join(os.path.dirname(BIN), "rco-audit.bash")
    if os.path.exists(built):
        with open(built) as f:
            expect(f.read() == script, f"{built} is not the script of this program")
    code, _, err = run("completion", "zsh")
    expect(code == 2 and "zsh" in err, err)


@test
def manual_page_is_built_with_every_command_and_renders_cleanly():
    page = os.path.join(os.path.dirname(BIN), "rco-audit.1")
    if not os.path.exists(page) and not shutil.which("help2man"):
        print("     (help2man is not installed: no manual page to check)")
        return
    with open(page, encoding="utf-8") as f:
        text = f.read()
    expect(text.startswith('.\\" DO NOT MODIFY THIS FILE!') and '.TH RCO-AUDIT "1"' in text, text[:200])
    sections = [l for l in text.splitlines() if l.startswith(".SH ") or l.startswith(".SS ")]
    for name in ("check", "validate", "rules", "explain", "diff", "convert", "import-990", "init", "review-sheet",
                 "completion", "help"):
        expect(f".SS \"{name} options:\"" in sections or f".SS {name} options:" in sections, f"{name}: {sections}")
    for heading in (".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH ENVIRONMENT", ".SH FILES", ".SH EXAMPLES"):
        expect(heading in sections, f"{heading}: {sections}")
    for word in ("\\-\\-every\\-warning", "NO_COLOR", "share/bash\\-completion/completions/rco\\-audit"):
        expect(word in text, word)
    expect("build/tools" not in text and ROOT not in text, "a build path in the page")
    if shutil.which("groff"):
        p = subprocess.run(["groff", "-k", "-man", "-Tutf8", "-ww", page], capture_output=True, timeout=60)
        rendered = re.sub(".\b", "", p.stdout.decode("utf-8"))  # no overstriking (bold, underline)
        expect(p.returncode == 0 and p.stderr == b"", p.stderr.decode("utf-8", "replace"))
        expect("rco-audit diff last-year.xlsx this-year.xlsx" in rendered and "--every-warning" in rendered.replace(
            "\u2010", "-"), rendered[:400])


def per_applicant_tailoring_and_expiring_waivers():
    tailoring = os.path.join(EX, "tailoring-applicants.json")
    with tempfile.TemporaryDirectory() as d:
        batch = os.path.join(d, "batch.json")
        code, out, err = run("check", RIVERBEND, NORTHFIELD, "--tailoring", tailoring, "--format", "json:" + batch,
                             "--format", "text", "--expiring-within", "30")
        expect(code == 1, f"exit {code}: {err}")
        with open(batch, encoding="utf-8") as f:
            reports = json.load(f)["reports"]
        riverbend, northfield = reports
        status = lambda r, i: next(c for c in r["checks"] if c["id"] == i)
        expect(status(riverbend, "S5.1")["status"] == "waived", "Riverbend's waiver")
        expect(status(riverbend, "S5.1")["waiver"]["organization"] == {"ein": "93-4417260",
                                                                      "name": "Riverbend Recovery Alliance"}, "scope")
        expect(status(northfield, "S5.1")["status"] == "fail", "Northfield is not waived")
        expect(status(northfield, "S4.4")["status"] == "not_applicable", "Northfield's not applicable")
        expect(status(riverbend, "S4.4")["status"] != "not_applicable", "Riverbend's S4.4 stays")
        expect(riverbend["expiring_waivers"] == {"within_days": 30, "by": "2026-07-30", "checks": [
            {"check": "S5.1", "expires": "2026-07-20", "days_left": 20, "approved_by": "State RCO certification office",
             "for_this_organization_only": True}]}, riverbend["expiring_waivers"])
        expect(northfield["expiring_waivers"]["checks"] == [], northfield["expiring_waivers"])
        expect("Waived for this organization (EIN 93-4417260) by State RCO certification office until 2026-07-20"
               in " ".join(out.split()), "text says who the waiver is for")
        expect("WAIVERS EXPIRING WITHIN 30 DAYS (by 2026-07-30)\n  S5.1 Regular community input events: expires "
               "2026-07-20, in 20 days;" in out, out[out.find("WAIVERS"):][:300])
        # The CSV report gets the column only when asked.
        code, out, err = run("check", RIVERBEND, NORTHFIELD, "--tailoring", tailoring, "--format", "csv",
                             "--expiring-within", "30")
        lines = out.split("\r\n")
        expect(lines[0].endswith(",explanation,expiring_waiver_days_left"), lines[0])
        expect(len([l for l in lines if l.endswith(",20")]) == 1, "one expiring waiver row")
        # DAYS: 0 to 3650, anything else a usage error (exit 2) that says so.
        for bad in ("soon", "-1", "3651", "1.5", ""):
            code, out, err = run("check", RIVERBEND, "--expiring-within", bad)
            expect(code == 2 and "expects a whole number of days from 0 to 3650" in err and out == "", f"{bad}: {err}")


@test
def per_applicant_tailoring_by_name_warnings_and_expiry_boundaries():
    with tempfile.TemporaryDirectory() as d:
        # S5.1 waived for Riverbend by name only (the entry has no EIN), expiring exactly at
        # DAYS (2026-06-30 + 20); S9.3 for Northfield by EIN without the hyphen, one day later;
        # an entry for an organization that is neither: a warning, with file, line and pointer.
        tailoring = write(d, "t.json", json.dumps({"format": "rco-tailoring/1", "waivers": [
            {"check": "S5.1", "justification": "floods", "approved_by": "State office", "expires": "2026-07-20",
             "organization": {"name": "  riverbend RECOVERY alliance "}},
            {"check": "S5.1", "justification": "floods", "approved_by": "State office", "expires": "2026-07-21",
             "organization": {"ein": "311875542"}},
            {"check": "S5.1", "justification": "typo", "approved_by": "State office", "expires": "2026-07-21",
             "organization": {"ein": "12-3456789", "name": "Riverbend Recovery Alliance"}}]}, indent=2))
        batch = os.path.join(d, "batch.json")
        code, out, err = run("check", RIVERBEND, NORTHFIELD, "--tailoring", tailoring, "--format", "json:" + batch,
                             "--expiring-within", "20")
        expect(code == 1, f"exit {code}: {err}")
        expect(f"{tailoring}:27:7: warning: the entry is for EIN 12-3456789, which no record of this run is: it "
               "applies to none (at /waivers/2/organization)" in err, err)
        expect(err.count("applies to none") == 1, err)
        with open(batch, encoding="utf-8") as f:
            riverbend, northfield = json.load(f)["reports"]
        s51 = lambda r: next(c for c in r["checks"] if c["id"] == "S5.1")
        expect(s51(riverbend)["status"] == "waived" and s51(riverbend)["waiver"]["expires"] == "2026-07-20",
               s51(riverbend))
        expect(s51(northfield)["status"] == "waived" and s51(northfield)["waiver"]["expires"] == "2026-07-21",
               s51(northfield))
        expect([e["check"] for e in riverbend["expiring_waivers"]["checks"]] == ["S5.1"], riverbend["expiring_waivers"])
        expect(northfield["expiring_waivers"] == {"within_days": 20, "by": "2026-07-20", "checks": []},
               northfield["expiring_waivers"])
        code, out, err = run("check", RIVERBEND, "--tailoring", tailoring, "--expiring-within", "20")
        expect(code == 0 and "applies to none" not in err, err)  # one record: the other entries are others'
        expect("Waived for this organization (riverbend RECOVERY alliance) by State office until 2026-07-20: floods."
               in " ".join(out.split()), out)
        expect("WAIVERS EXPIRING WITHIN 20 DAYS (by 2026-07-20)\n  S5.1 " in out, out)
        code, out, err = run("check", NORTHFIELD, "--tailoring", tailoring, "--expiring-within", "20",
                             "--format", "markdown")
        expect("## Waivers expiring within 20 days (by 2026-07-20)\n\nNone.\n" in out, out)
        code, out, err = run("check", NORTHFIELD, "--tailoring", tailoring, "--expiring-within", "21",
                             "--format", "html")
        expect('<section id="expiring-waivers"' in out and "expires 2026-07-21, in 21 days; waived for this "
               "organization; approved by State office.</a></li>" in out, out[out.find("expiring-waivers"):][:600])


# --- validate, diff and init in Spanish, and the readers' messages (issue 11) ---

def machine_lines(err):
    """Each diagnostic line's place and kind, without its words: file:line:column and the pointer."""
    out = []
    for line in err.splitlines():
        m = re.match(r"^(.*?): (error|warning|advertencia): .*\((?:at|en) (/[^)]*)\)$", line)
        if m:
            out.append((m.group(1), "error" if m.group(2) == "error" else "warning", m.group(3)))
    return out


@test
def text_problems_in_spanish():
    # Invalid UTF-8 and control characters in a value (roster cell, XML element, JSON
    # string) are worded in Spanish, the bytes named as in English, at the same places.
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(EX, "harbor-board-roster.csv"), "rb") as f:
            rows = f.read().split(b"\n")
        rows[2] = rows[2].replace(b",", b"\xc0\xaf,", 1)
        roster = write(d, "roster.csv", b"\n".join(rows))
        with open(os.path.join(EX, "harbor-recovery-community.xml"), "rb") as f:
            x = f.read()
        at = x.index(b"<mission>") + len(b"<mission>")
        xml = write(d, "bad.xml", x[:at] + b"\xc2\x9b" + x[at:])
        with open(HARBOR, "rb") as f:
            j = f.read()
        at = j.index(b'"mission": "') + len(b'"mission": "')
        js = write(d, "bad.json", j[:at] + b"\xed\xa0\x80" + j[at:])
        runs = {"roster": ["validate", HARBOR, "--roster", roster], "records": ["validate", xml, js]}
        spanish = {"roster": [f"{roster}:3:1: error: celda 1: UTF-8 no válido: una codificación más larga de lo "
                              "permitido (bytes C0 AF); guarde el archivo como UTF-8 (en /board/members/1)"],
                   "records": [f"{xml}:24:5: error: carácter de control U+009B (CSI) en el texto; quítelo (solo se "
                               "aceptan tabulaciones y saltos de línea) (elemento /rco-record/organization/mission) "
                               "(en /organization/mission)",
                               f"{js}:14:17: error: UTF-8 no válido en una cadena: un sustituto UTF-16 codificado "
                               "(bytes ED A0 80); guarde el archivo como UTF-8 (en /organization/mission)"]}
        english = {"roster": [f"{roster}:3:1: error: cell 1: invalid UTF-8: an overlong encoding (bytes C0 AF); "
                              "save the file as UTF-8 (at /board/members/1)"],
                   "records": [f"{xml}:24:5: error: control character U+009B (CSI) in the text; remove it (only tab "
                               "and line breaks are accepted) (element /rco-record/organization/mission) "
                               "(at /organization/mission)",
                               f"{js}:14:17: error: invalid UTF-8 in a string: an encoded UTF-16 surrogate "
                               "(bytes ED A0 80); save the file as UTF-8 (at /organization/mission)"]}
        for name, args in runs.items():
            for lang, lines in (("en", english[name]), ("es", spanish[name])):
                code, _, err = run(*args, "--lang", lang)
                ours = [line for line in err.splitlines() if line.startswith(d)]
                expect(code == 2 and ours == lines, f"{lang}: exit {code}: {err}")


@test
def validate_in_spanish_keeps_places_and_exit_codes():
    with open(HARBOR) as f:
        rec = json.load(f)
    rec["organization"]["misson"] = "typo"
    rec["as_of"] = "yesterday"
    rec["board"]["members"][1]["voting"] = "Jane Doe"
    rec["services"][0]["type"] = "recovery_coaching"
    with tempfile.TemporaryDirectory() as d:
        bad = write(d, "bad.json", json.dumps(rec, indent=2))
        code_en, out_en, err_en = run("validate", bad, HARBOR)
        code_es, out_es, err_es = run("validate", bad, HARBOR, "--lang", "es")
        expect(code_en == code_es == 2, f"exit {code_en} / {code_es}")
        expect(f"{bad}: invalid" in out_en and f"{bad}: no válido" in out_es, out_es)
        expect(f"{HARBOR}: expediente rco-record/1 válido" in out_es, out_es)
        expect(machine_lines(err_en) == machine_lines(err_es) and len(machine_lines(err_es)) >= 4,
               f"{machine_lines(err_en)} != {machine_lines(err_es)}")
        for needle in ("error: se esperaba una fecha con la forma AAAA-MM-DD (p. ej., 2026-06-30), pero se encontró "
                       "\"yesterday\" (en /as_of)",
                       "advertencia: se ignora el campo desconocido \"misson\"; ¿quiso decir mission? "
                       "(en /organization/misson)",
                       "error: se esperaba true o false, pero se encontró un valor que no se muestra aquí (podría "
                       "identificar a un integrante de la junta directiva; --show-names lo muestra) "
                       "(en /board/members/1/voting)",
                       "advertencia: tipo de servicio desconocido: \"recovery_coaching\" (los criterios no lo "
                       "cuentan); ¿quiso decir peer_recovery_coaching? Los tipos de servicio son: "):
            expect(needle in err_es, f"{needle!r} not in {err_es!r}")
        expect("Jane" not in err_es and "warning:" not in err_es, err_es)
        # A batch's closing line and the warnings it gathers, in Spanish; the environment variable works too.
        folder = os.path.join(d, "recs")
        os.makedirs(folder)
        rec = json.load(open(RIVERBEND))
        rec["organization"]["misson"] = "typo"
        for name in ("a.json", "b.json"):
            write(folder, name, json.dumps(rec))
        shutil.copy(NORTHFIELD, folder)
        code, out, err = run("validate", folder, env={"RCO_AUDIT_LANG": "es"})
        expect(code == 0 and "rco-audit: 3 expedientes leídos: válidos, 3 (2 con advertencias); no válidos, 0" in err,
               err)
        expect("a.json:1:" in err and "advertencia: se ignora el campo desconocido \"misson\"; ¿quiso decir "
               "mission? (en /organization/misson) (y en 1 expediente más)" in err, err)
        expect(": expediente rco-record/1 válido (1 advertencia); se ignoró 1 campo o palabra desconocidos" in out
               and "northfield-wellness-collective.json: expediente rco-record/1 válido; no se ignoró ningún campo"
               in out, out)
        code, out, _ = run("validate", HARBOR, "--lang", "en", env={"RCO_AUDIT_LANG": "es"})
        expect(out == f"{HARBOR}: valid rco-record/1; no unknown field or word ignored\n", out)
        code, _, err = run("validate", HARBOR, "--lang", "xx")
        expect(code == 2 and "unknown language 'xx' (--lang)" in err, err)


@test
def a_roster_and_a_workbook_speak_spanish_too():
    with open(NORTHFIELD) as f:
        rec = json.load(f)
    del rec["board"]["members"]
    with tempfile.TemporaryDirectory() as d:
        path = write(d, "rec.json", json.dumps(rec))
        bad = write(d, "bad.csv", "id,voting,recovery_identity,colour\nx,perhaps,personal,red\n")
        code, _, err = run("validate", path, "--roster", bad, "--lang", "es")
        expect(code == 2, f"exit {code}")
        expect(f"{bad}:2:3: error: columna voting: se esperaba yes o no (o true/false), pero se encontró "
               "un valor que no se muestra aquí" in err, err)
        expect(f"{bad}:1:29: advertencia: se ignora la columna desconocida \"colour\"" in err, err)
        # A workbook's cells: the cell named, the words in Spanish.
        with open(HARBOR) as f:
            harbor = json.load(f)
        harbor["services"][0]["type"] = "recovery_coaching"
        xlsx = os.path.join(d, "rec.xlsx")
        code, _, err = run("convert", write(d, "h.json", json.dumps(harbor)), "--to", "xlsx", "-o", xlsx)
        expect(code == 0, err)
        code, out, err = run("validate", xlsx, "--lang", "es")
        expect(code == 0 and out == f"{xlsx}: expediente rco-record/1 válido (2 advertencias); se ignoró 1 campo o "
               "palabra desconocidos\n", out)
        expect(f"{xlsx}: advertencia: Services!B2: tipo de servicio desconocido: \"recovery_coaching\" (los criterios "
               "no lo cuentan); ¿quiso decir peer_recovery_coaching?" in err, err)
        expect(f"{xlsx}: advertencia: el archivo del documento texts/harbor-welcome.txt no está en la carpeta del "
               "expediente; su texto no se analiza (en /documents/2/path)" in err, err)
        code, _, err = run("validate", os.path.join(d, "missing.json"), "--lang", "es")
        expect(code == 2 and "no se puede abrir el archivo (" in err, err)


@test
def diff_in_spanish():
    with tempfile.TemporaryDirectory() as d:
        before, newer, after = riverbend_a_year_later(d)
        code, out, err = run("diff", before, after, "--lang", "es")
        expect(code == 0 and err == "", f"exit {code}: {err}")
        expect("En general: no cumple los estándares → cumple los estándares; puntuación: 81 % → 86 % (+5)" in out,
               out)
        expect("Estándares que ahora se cumplen\n  5. Proceso participativo: no cumple → cumple, puntuación: "
               "43 % → 100 %" in out, out)
        expect("Criterios resueltos\n  S5.1 Consultas regulares a la comunidad: no cumple → cumple\n"
               "  S5.4 Encuesta de opinión de participantes: falta documentación → cumple\n" in out, out)
        expect(out.startswith("Progreso de Riverbend Recovery Alliance: revisión del 30 de junio de 2026 comparada "
                              "con la del 30 de junio de 2026\n"), out)
        expect(out.endswith("\n41 criterios sin cambios.\n"), out)
        # The JSON diff is for programs: the same in every language.
        _, json_en, _ = run("diff", after, before, "--format", "json")
        code, json_es, _ = run("diff", after, before, "--format", "json", "--lang", "es")
        expect(code == 1 and json_es == json_en, "the JSON diff differs by language")
        other = write(d, "michigan.json", run("check", newer, "--format", "json", "--profile", "michigan")[1])
        code, out, err = run("diff", before, other, "--lang", "es")
        expect("advertencia: los informes se hicieron con perfiles distintos (anterior: national, nuevo: michigan)"
               in err and "ADVERTENCIA: " in out, err)
        broken = write(d, "broken.json", '{"format": "rco-audit-report/1"}')
        code, _, err = run("diff", before, broken, "--lang", "es")
        expect(code == 2 and 'error: el informe nuevo no tiene la lista "standards"' in err, err)


@test
def init_in_spanish():
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "mine.json")
        code, out, _ = run("init", target, "--lang", "es")
        expect(code == 0 and out.startswith(f"Se escribió {target}: un expediente en blanco (fecha de revisión: "),
               out)
        expect(f"luego ejecute: rco-audit check {target} (el informe indica lo que falta registrar)" in out, out)
        code_en, _, _ = run("init", os.path.join(d, "en.json"))
        with open(target, encoding="utf-8") as f, open(os.path.join(d, "en.json"), encoding="utf-8") as g:
            expect(f.read() == g.read(), "the blank record's fields differ by language")
        code, _, err = run("init", target, "--lang", "es")
        expect(code == 2 and f"rco-audit: error: {target} ya existe; elija otro nombre o agregue --force" in err, err)
        example = os.path.join(d, "example.json")
        code, out, _ = run("init", example, "--example", "--lang", "es")
        expect(code == 0 and "un expediente de ejemplo completo" in out, out)
        code, _, err = run("validate", example, "--lang", "es")
        expect(code == 0 and "advertencia: el expediente todavía tiene los valores del ejemplo (/organization/name, "
               "/organization/ein" in err, err)
        # The Spanish example is examples/starter-record.es.json: the English example's record
        # with its text in Spanish, audited the same way, its texts scanned with the Spanish table.
        with open(example, encoding="utf-8") as f, \
                open(os.path.join(EX, "starter-record.es.json"), encoding="utf-8") as g:
            spanish = f.read()
            expect(spanish == g.read(), "init --example --lang es writes examples/starter-record.es.json")
        code_en, out_en, _ = run("check", os.path.join(EX, "starter-record.json"), "--format", "json")
        code_es, out_es, _ = run("check", example, "--format", "json")
        en, es = json.loads(out_en), json.loads(out_es)
        expect(code_en == code_es == 0 and en["result"] == es["result"] == "meets_standards", (code_en, code_es))
        expect([(c["id"], c["status"]) for c in en["checks"]] == [(c["id"], c["status"]) for c in es["checks"]],
               "the Spanish example audits as the English one")
        s31 = next(c for c in es["checks"] if c["id"] == "S3.1")
        expect('"trastorno por consumo de sustancias"' in s31["explanation"], s31["explanation"])
        s91 = next(c for c in es["checks"] if c["id"] == "S9.1")
        expect(s91["findings"] == [] if "findings" in s91 else True, s91)
        def without_text(v):
            if isinstance(v, dict):
                return {k: without_text(x) for k, x in v.items()
                        if k not in ("name", "title", "text", "mission", "vision", "service_area", "description",
                                     "roles", "language")}
            if isinstance(v, list):
                return [without_text(x) for x in v]
            return v
        with open(os.path.join(EX, "starter-record.json"), encoding="utf-8") as f:
            expect(without_text(json.loads(spanish)) == without_text(json.load(f)),
                   "the examples differ in their text only")
        expect(json.loads(spanish)["organization"]["language"] == "es", "the Spanish example says its language")
        code, _, err = run("validate", example)
        expect(code == 0 and "warning: the record still holds the example's values (/organization/name" in err, err)
        code, _, _ = run("init", os.path.join(d, "example-en.json"), "--example")
        with open(os.path.join(d, "example-en.json"), encoding="utf-8") as f, \
                open(os.path.join(EX, "starter-record.json"), encoding="utf-8") as g:
            expect(code == 0 and f.read() == g.read(), "init --example writes the English example")


@test
def workbook_in_spanish():
    import shutil
    import zipfile
    with tempfile.TemporaryDirectory() as d:
        blank = os.path.join(d, "mi-rco.xlsx")
        code, out, err = run("init", blank, "--lang", "es")
        expect(code == 0 and '(empiece por su primera hoja, "Empiece aquí")' in out, out + err)
        with zipfile.ZipFile(blank) as z:
            book = z.read("xl/workbook.xml").decode("utf-8")
            strings = z.read("xl/sharedStrings.xml").decode("utf-8")
        sheets = re.findall(r'<sheet name="([^"]*)"', book)
        expect(sheets[:6] == ["Empiece aquí", "Expediente", "Organización", "Declaraciones", "Junta directiva",
                              "Integrantes de la junta"], sheets)
        expect("<t>Campo</t>" in strings and "<t>Ayuda</t>" in strings and
               "<t>Legal or commonly used name" not in strings and
               "Nombre legal o de uso común de la organización. Texto." in strings, strings[:400])
        # RCO_AUDIT_LANG chooses the workbook's language too: the same bytes.
        by_env = os.path.join(d, "env.xlsx")
        code, _, err = run("init", by_env, env={"RCO_AUDIT_LANG": "es"})
        with open(blank, "rb") as f, open(by_env, "rb") as g:
            expect(code == 0 and f.read() == g.read(), err)
        code, out, err = run("validate", blank)
        expect(code == 0 and out == f"{blank}: valid rco-record/1; no unknown field or word ignored\n" and err == "",
               out + err)
        # A record as a Spanish workbook reads back to the same record and the same audit.
        shutil.copytree(os.path.join(EX, "texts"), os.path.join(d, "texts"))
        es = os.path.join(d, "harbor-es.xlsx")
        code, _, err = run("convert", HARBOR, "--to", "xlsx", "--lang", "es", "-o", es)
        expect(code == 0, err)
        code, back, err = run("convert", es, "--to", "json")
        _, canonical, _ = run("convert", HARBOR, "--to", "json")
        expect(code == 0 and back == canonical, err)
        code_w, out_w, _ = run("check", es, "--format", "json")
        code_j, out_j, _ = run("check", HARBOR, "--format", "json")
        expect(code_w == code_j == 0 and json.loads(out_w)["checks"] == json.loads(out_j)["checks"],
               "the Spanish workbook audits as the JSON record")
        # The review sheet in Spanish: its sheets and pre-filled context; read back like the English one.
        sheet = os.path.join(d, "hoja.xlsx")
        code, _, err = run("review-sheet", HARBOR, "--lang", "es", "-o", sheet)
        expect(code == 0, err)
        with zipfile.ZipFile(sheet) as z:
            sheets = re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode("utf-8"))
        expect(sheets == ["Empiece aquí", "Revisión", "Dictámenes", "Puntuaciones"], sheets)
        code, _, err = run("check", HARBOR, "--review", sheet)
        expect(code == 2 and "'Revisión'!B5: the reviewer needs an id" in err, err)
        code, out, err = run("review-sheet", HARBOR, "--lang", "es")
        expect(code == 0 and json.loads(out)["description"].startswith("Hoja de revisión hecha por rco-audit"), err)
        # A corrupt workbook is refused in the language of the messages.
        with open(es, "rb") as f:
            half = write(d, "half.xlsx", f.read()[:2000])
        code, _, err = run("check", half, "--lang", "es")
        expect(code == 2 and f"{half}: error: no es un libro de cálculo legible: el archivo zip está truncado o "
               "dañado" in err, err)


@test
def json_syntax_errors_in_spanish_keep_the_caret():
    with tempfile.TemporaryDirectory() as d:
        broken = write(d, "t.json", '{\n  "format": "rco-record/1",\n  "organization": {"name": "X",}\n}\n')
        code_en, _, err_en = run("check", broken)
        code, _, err = run("check", broken, "--lang", "es")
        expect(code == code_en == 2, f"exit {code}")
        expect(err == err_en.replace(": not audited (input error)", ": no se auditó (error en los datos de entrada)").replace("error: malformed JSON: a trailing comma: JSON allows no comma after the last "
                                     "member of an object; remove this comma",
                                     "error: JSON mal formado: una coma final: JSON no admite una coma después del "
                                     "último miembro de un objeto; quite esta coma"), err)
        expect(f"{broken}:3:31: error: JSON mal formado: una coma final" in err and "^\nrco-audit: " in err, err)
        empty = write(d, "e.json", "")
        code, _, err = run("validate", empty, "--lang", "es")
        expect(code == 2 and f"{empty}:1:1: error: el archivo está vacío; se esperaba un objeto JSON rco-record/1"
               in err, err)


print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

#!/usr/bin/env python3
"""A real spreadsheet program in the loop: LibreOffice Calc (headless) opens the blank
workbook and the workbook of every bundled example, saves each again as .xlsx, and
the tool must read LibreOffice's files into the same records and the same audits. The
same for the Spanish workbooks (init and convert --lang es) and for a review workbook
(review-sheet), filled in: the same review.

Usage: test_libreoffice.py RCO_AUDIT_BINARY REPO_ROOT [--screenshot PNG]
LibreOffice runs with a private profile in a temporary directory. --screenshot also
renders the blank workbook's "Start here" and "Board members" sheets through PDF to
a PNG (pdftoppm), for the README.
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

BIN, ROOT = sys.argv[1], sys.argv[2]
SCREENSHOT = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
EXAMPLES = ["harbor-recovery-community", "riverbend-emerging-rco", "northfield-wellness-collective",
            "starter-record"]

passed, failed = 0, 0


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check(name, cond, msg=""):
    global passed, failed
    if cond:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {msg}")


def soffice(work, outdir, target, files):
    profile = "file://" + os.path.join(work, "lo-profile")
    p = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}",
                        "--convert-to", target, "--outdir", outdir, *files],
                       capture_output=True, timeout=600, cwd=work)
    if p.returncode != 0:
        raise RuntimeError(f"soffice failed ({p.returncode}): {p.stderr.decode()[-2000:]}")


def audit_view(report_text):
    """The verdicts of a JSON report, without what names the input file."""
    rep = json.loads(report_text)
    return {k: rep[k] for k in ("result", "standards", "checks") if k in rep}


def main():
    if not SOFFICE:
        print("FAIL libreoffice: soffice not found (tools/setup-debian.sh --tests installs libreoffice-calc-nogui)")
        return 1
    with tempfile.TemporaryDirectory() as work:
        ours, lo = os.path.join(work, "ours"), os.path.join(work, "lo")
        os.makedirs(ours)
        os.makedirs(lo)
        blank = os.path.join(ours, "blank.xlsx")
        code, _, err = run("init", blank)
        check("init writes the blank workbook", code == 0, err)
        for ex in EXAMPLES:
            code, _, err = run("convert", os.path.join(ROOT, "examples", ex + ".json"), "--to", "xlsx",
                               "-o", os.path.join(ours, ex + ".xlsx"))
            check(f"{ex}: converted to a workbook", code == 0, err)
        # In Spanish: the blank workbook and a complete record.
        code, _, err = run("init", os.path.join(ours, "blank-es.xlsx"), "--lang", "es")
        check("init --lang es writes the Spanish blank workbook", code == 0, err)
        code, _, err = run("convert", os.path.join(ROOT, "examples", "harbor-recovery-community.json"), "--to", "xlsx",
                           "--lang", "es", "-o", os.path.join(ours, "harbor-es.xlsx"))
        check("harbor: converted to a Spanish workbook", code == 0, err)
        soffice(work, lo, "xlsx", [os.path.join(ours, f) for f in sorted(os.listdir(ours))])
        # The examples' document files, beside LibreOffice's workbooks as beside the records.
        shutil.copytree(os.path.join(ROOT, "examples", "texts"), os.path.join(lo, "texts"))

        # The blank workbook survives LibreOffice as a record with only its format and the
        # review date init gave it (the day it was written).
        code, out, err = run("convert", os.path.join(lo, "blank.xlsx"), "--to", "json")
        check("blank: LibreOffice's file reads back", code == 0 and json.loads(out).get("format") == "rco-record/1"
              and sorted(json.loads(out)) == ["as_of", "format"],
              f"{code} {out} {err}")
        check("blank: no warnings", err == "", err)
        with zipfile.ZipFile(os.path.join(lo, "blank.xlsx")) as z:
            names = z.namelist()
            sheets = [n for n in names if n.startswith("xl/worksheets/sheet")]
            members = z.read("xl/worksheets/sheet6.xml").decode()
        check("blank: LibreOffice kept every sheet", len(sheets) == 21, str(sheets))
        check("blank: LibreOffice kept the drop-downs",
              ('"yes,no"' in members or "&quot;yes,no&quot;" in members) and "dataValidation" in members,
              members[:400])

        for ex in EXAMPLES:
            source = os.path.join(ROOT, "examples", ex + ".json")
            resaved = os.path.join(lo, ex + ".xlsx")
            _, canonical, _ = run("convert", source, "--to", "json")
            code, back, err = run("convert", resaved, "--to", "json")
            check(f"{ex}: LibreOffice's workbook gives the same record", code == 0 and back == canonical,
                  f"exit {code}: {err}\n" + "".join(
                      f"  - {a}\n  + {b}\n" for a, b in zip(canonical.splitlines(), back.splitlines()) if a != b)[:3000])
            c1, r1, _ = run("check", source, "--format", "json")
            c2, r2, e2 = run("check", resaved, "--format", "json")
            check(f"{ex}: the same audit", c1 == c2 and audit_view(r1) == audit_view(r2), f"{c1} vs {c2}: {e2}")

        # The Spanish workbooks survive LibreOffice: sheet names, drop-downs, the same records.
        code, out, err = run("convert", os.path.join(lo, "blank-es.xlsx"), "--to", "json")
        check("blank-es: LibreOffice's file reads back, without warnings",
              code == 0 and sorted(json.loads(out or "{}")) == ["as_of", "format"] and err == "", f"{code} {out} {err}")
        with zipfile.ZipFile(os.path.join(lo, "blank-es.xlsx")) as z:
            book = z.read("xl/workbook.xml").decode()
            members = z.read("xl/worksheets/sheet6.xml").decode()
        sheet_names = re.findall(r'<sheet name="([^"]*)"', book)
        check("blank-es: LibreOffice kept the Spanish sheet names",
              len(sheet_names) == 21 and sheet_names[:2] == ["Empiece aquí", "Expediente"]
              and "Integrantes de la junta" in sheet_names, str(sheet_names))
        check("blank-es: LibreOffice kept the sí/no drop-down",
              '"sí,no"' in members.replace("&quot;", '"') and "dataValidation" in members, members[:400])
        _, canonical, _ = run("convert", os.path.join(ROOT, "examples", "harbor-recovery-community.json"), "--to", "json")
        code, back, err = run("convert", os.path.join(lo, "harbor-es.xlsx"), "--to", "json")
        check("harbor-es: LibreOffice's Spanish workbook gives the same record", code == 0 and back == canonical
              and err == "", f"exit {code}: {err}")

        # A date typed as "June 31st" in LibreOffice's file: exit 2, sheet and cell named.
        harbor = os.path.join(lo, "harbor-recovery-community.xlsx")
        broken = os.path.join(work, "broken.xlsx")
        with zipfile.ZipFile(harbor) as zin, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "xl/worksheets/sheet2.xml":  # Record: format, as_of
                    data, n = re.subn(rb'<c r="B3"([^>]*?)(?: t="n")?>\s*<v>[^<]*</v>\s*</c>',
                                      rb'<c r="B3"\1 t="inlineStr"><is><t>June 31st</t></is></c>', data)
                    check("broken: the as_of cell was found", n == 1, data[:600])
                zout.writestr(item, data)
        code, _, err = run("check", broken)
        check("broken: a text that is no date exits 2 naming the sheet and cell",
              code == 2 and "Record!B3: expected a date" in err and "(at /as_of)" in err, f"{code}: {err}")

        # The review workbook: review-sheet writes it, a reviewer fills it in, LibreOffice
        # saves it again: the same review, the same audit; the drop-downs survive.
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import xlsx_cells  # noqa: E402
        harbor_json = os.path.join(ROOT, "examples", "harbor-recovery-community.json")
        ours_rv, lo_rv = os.path.join(work, "review"), os.path.join(work, "review-lo")
        os.makedirs(ours_rv)
        blank_sheet = os.path.join(ours_rv, "blank-sheet.xlsx")
        code, _, err = run("review-sheet", harbor_json, "--output", blank_sheet)
        check("review: review-sheet writes the workbook", code == 0, err)
        code, _, err = run("review-sheet", harbor_json, "--lang", "es", "--output", os.path.join(ours_rv, "blank-es.xlsx"))
        check("review: review-sheet --lang es writes the Spanish workbook", code == 0, err)
        serial = (datetime.date(2026, 7, 16) - datetime.date(1899, 12, 30)).days  # a date cell, as typed
        xlsx_cells.fill(blank_sheet, os.path.join(ours_rv, "filled.xlsx"), {
            "Review": {"B5": "rev-03", "B6": "Kim Park", "B7": "peer reviewer", "B8": serial},
            "Judgments": {"E2": "satisfied", "F2": "D; I", "G2": "Demographics compared with the county."},
            "Scores": {"D3": 2, "E3": 1, "F3": "D; O", "G3": "Minutes show members leading.",
                       "H3": "Rotate the chair.", "D9": 1, "E9": 0}})
        soffice(work, lo_rv, "xlsx", [os.path.join(ours_rv, f) for f in sorted(os.listdir(ours_rv))])
        code, _, err = run("check", harbor_json, "--review", os.path.join(lo_rv, "blank-sheet.xlsx"))
        check("review: LibreOffice's blank sheet is refused at the reviewer's and the date's cells",
              code == 2 and "Review!B5: the reviewer needs an id" in err and "Review!B8: expected the review date" in err,
              f"{code}: {err}")
        code, _, err = run("check", harbor_json, "--review", os.path.join(lo_rv, "blank-es.xlsx"))
        check("review: LibreOffice's Spanish blank sheet is refused at the cells of its Revisión sheet",
              code == 2 and "'Revisión'!B5: the reviewer needs an id" in err and "'Revisión'!B8: expected the review date" in err,
              f"{code}: {err}")
        c1, r1, e1 = run("check", harbor_json, "--review", os.path.join(ours_rv, "filled.xlsx"), "--format", "json")
        c2, r2, e2 = run("check", harbor_json, "--review", os.path.join(lo_rv, "filled.xlsx"), "--format", "json")
        rep1, rep2 = (json.loads(r) if r else {} for r in (r1, r2))
        check("review: the filled sheet is read", c1 == 0 and rep1.get("accreditation", {}).get("finding_counts", {})
              .get("requires_improvement") == 1, f"{c1}: {e1}")
        check("review: LibreOffice's filled sheet gives the same review and audit",
              c1 == c2 and e2 == "" and all(rep1.get(k) == rep2.get(k) for k in ("checks", "standards", "accreditation")),
              f"{c2}: {e2}")
        with zipfile.ZipFile(os.path.join(lo_rv, "filled.xlsx")) as z:
            judgments = z.read(xlsx_cells.sheet_parts(z)["Judgments"]).decode()
        check("review: LibreOffice kept the verdict drop-down",
              "dataValidation" in judgments and "satisfied,not_satisfied,not_applicable" in judgments.replace("&quot;", '"'),
              judgments[:400])

        if SCREENSHOT:
            pdf_dir = os.path.join(work, "pdf")
            soffice(work, pdf_dir, "pdf", [os.path.join(ours, "blank.xlsx")])
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                            os.path.join(pdf_dir, "blank.pdf"), SCREENSHOT.removesuffix(".png")], check=True)
            print(f"wrote {SCREENSHOT}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

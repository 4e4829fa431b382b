#!/usr/bin/env python3
"""Renders the HTML report of each bundled example in headless Chromium and checks
what a person would see: the verdict, the scorecard and the action plan are visible
and in that order, and script injected through a record never runs.

Usage: test_html_render.py RCO_AUDIT_BINARY REPO_ROOT [--screenshot PNG]
Chromium itself is never given the report's scripts (there are none): the test adds
a probe script to a COPY of each report, which measures the page and writes its
findings into the DOM, and reads them back with --dump-dom.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BIN, ROOT = sys.argv[1], sys.argv[2]
SCREENSHOT = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EXAMPLES = ["harbor-recovery-community", "riverbend-emerging-rco", "northfield-wellness-collective"]

passed, failed = 0, 0

PROBE = """
<script>
(function () {
  function seen(id) {
    var el = document.getElementById(id);
    if (!el) return {id: id, exists: false};
    var r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return {id: id, exists: true, top: r.top + window.scrollY, width: r.width, height: r.height,
            display: s.display, visibility: s.visibility, opacity: s.opacity,
            text: (el.innerText || "").slice(0, 400)};
  }
  var out = {
    lang: document.documentElement.lang,
    planHeading: seen("what-to-fix-heading"),
    verdict: seen("verdict"), scorecard: seen("scorecard"), plan: seen("action-plan"),
    injected: typeof window.__rco_injected !== "undefined",
    scripts: document.scripts.length,
    scorecardRows: document.querySelectorAll("#scorecard tbody tr").length,
    headers: document.querySelectorAll("#scorecard th").length
  };
  var pre = document.createElement("pre");
  pre.id = "probe-result";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def chromium(*args):
    with tempfile.TemporaryDirectory() as profile:
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--hide-scrollbars", f"--user-data-dir={profile}", *args]
        p = subprocess.run(cmd, capture_output=True, timeout=120)
        return p.returncode, p.stdout.decode("utf-8", "replace")


def probe(report_path):
    with open(report_path, encoding="utf-8") as f:
        page = f.read()
    probed = report_path + ".probe.html"
    with open(probed, "w", encoding="utf-8") as f:
        f.write(page.replace("</body>", PROBE + "</body>"))
    code, dom = chromium("--virtual-time-budget=3000", "--dump-dom", "file://" + probed)
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, re.S)
    if code != 0 or not m:
        raise AssertionError(f"chromium failed (exit {code}): {dom[:300]}")
    return json.loads(html.unescape(m.group(1)))


def test(fn):
    global passed, failed
    try:
        fn()
        passed += 1
        print(f"ok   {fn.__name__}")
    except AssertionError as e:
        failed += 1
        print(f"FAIL {fn.__name__}: {e}")
    return fn


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def visible(box):
    return (box["exists"] and box["display"] != "none" and box["visibility"] != "hidden"
            and float(box["opacity"]) > 0 and box["width"] > 0 and box["height"] > 0)


def render(name, out_dir, lang="en"):
    target = os.path.join(out_dir, name + "." + lang + ".html")
    p = subprocess.run([BIN, "check", os.path.join(ROOT, "examples", name + ".json"), "--format", "html:" + target,
                        "--lang", lang], capture_output=True, timeout=60)
    expect(p.returncode in (0, 1) and os.path.exists(target), f"rco-audit exit {p.returncode}: {p.stderr[:300]}")
    return target


if not CHROMIUM:
    print("chromium is not installed (tools/setup-debian.sh installs it)")
    print("0 passed, 1 failed")
    sys.exit(1)

work = tempfile.mkdtemp()


def make_example_test(name):
    def t():
        result = probe(render(name, work))
        for key in ("verdict", "scorecard", "plan"):
            expect(visible(result[key]), f"{key} is not visible: {result[key]}")
        expect(result["verdict"]["top"] < result["scorecard"]["top"] < result["plan"]["top"],
               "order must be verdict, scorecard, action plan")
        expect(result["scorecardRows"] == 10, f"scorecard has {result['scorecardRows']} rows")
        expect(result["scripts"] == 1, f"the report itself must have no scripts ({result['scripts'] - 1} found)")
        words = {"harbor-recovery-community": "meets", "riverbend-emerging-rco": "does not meet",
                 "northfield-wellness-collective": "does not meet"}
        expect(words[name] in result["verdict"]["text"].lower(), result["verdict"]["text"])
        expect(result["lang"] == "en", f"document language {result['lang']!r}")
    t.__name__ = "renders_" + name.replace("-", "_")
    return t


for example in EXAMPLES:
    test(make_example_test(example))


@test
def spanish_report_is_marked_spanish_and_reads_in_spanish():
    result = probe(render("northfield-wellness-collective", work, "es"))
    expect(result["lang"] == "es", f"document language {result['lang']!r}, not es")
    for key in ("verdict", "scorecard", "plan", "planHeading"):
        expect(visible(result[key]), f"{key} is not visible: {result[key]}")
    expect(result["planHeading"]["text"].strip() == "Qué hacer ahora", result["planHeading"]["text"])
    expect("La organización no cumple los estándares de RCO" in result["verdict"]["text"], result["verdict"]["text"])
    expect("Organización sin fines de lucro" in result["scorecard"]["text"], result["scorecard"]["text"])
    expect(result["scorecardRows"] == 10, f"scorecard has {result['scorecardRows']} rows")


@test
def injected_script_in_a_record_does_not_run():
    with open(os.path.join(ROOT, "examples", "northfield-wellness-collective.json"), encoding="utf-8") as f:
        rec = json.load(f)
    attack = '<script>window.__rco_injected = 1</script><img src=x onerror="window.__rco_injected=2">'
    rec["organization"]["name"] = "Evil " + attack
    rec["documents"][0]["text"] = "Our addicts " + attack + " program."
    rec["services"][0]["name"] = attack
    path = os.path.join(work, "evil.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rec, f)
    target = os.path.join(work, "evil.html")
    subprocess.run([BIN, "check", path, "--format", "html:" + target], capture_output=True, timeout=60)
    result = probe(target)
    expect(result["injected"] is False, "injected script ran")
    expect(result["scripts"] == 1, "an injected <script> element exists in the DOM")
    expect("Evil <script>" in result["verdict"]["text"] or "Evil" in open(target).read(), "name rendered as text")
    with open(target, encoding="utf-8") as f:
        expect("&lt;script&gt;window.__rco_injected" in f.read(), "escaped text present")


GRID_PROBE = """
<script>
(function () {
  var table = document.getElementById("summary");
  var cells = document.querySelectorAll("#summary tbody td.st");
  var widest = 0;
  for (var i = 0; i < cells.length; i++) widest = Math.max(widest, cells[i].getBoundingClientRect().width);
  var hidden = document.querySelector("#summary td.st .sr");
  var out = {pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
             tableWidth: table.getBoundingClientRect().width, widestStandardCell: widest,
             standardCells: cells.length, links: document.querySelectorAll("#summary a[href]").length,
             srWidth: hidden ? hidden.getBoundingClientRect().width : -1,
             foot: document.querySelector("#summary tfoot").innerText, scripts: document.scripts.length};
  var pre = document.createElement("pre");
  pre.id = "probe-result";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


@test
def summary_grid_fits_a_1280_pixel_screen_and_prints_landscape():
    out = os.path.join(work, "reports")
    summary = os.path.join(work, "summary.html")
    records = [os.path.join(ROOT, "examples", n + ".json") for n in EXAMPLES]
    p = subprocess.run([BIN, "check", *records, "--format", "html", "--output-dir", out, "--summary", summary],
                       capture_output=True, timeout=120)
    expect(p.returncode == 1 and os.path.exists(summary), f"rco-audit exit {p.returncode}: {p.stderr[:300]}")
    with open(summary, encoding="utf-8") as f:
        page = f.read()
    probed = summary + ".probe.html"
    with open(probed, "w", encoding="utf-8") as f:
        f.write(page.replace("</body>", GRID_PROBE + "</body>"))
    code, dom = chromium("--window-size=1280,900", "--virtual-time-budget=3000", "--dump-dom", "file://" + probed)
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, re.S)
    expect(code == 0 and m, f"chromium failed (exit {code}): {dom[:300]}")
    r = json.loads(html.unescape(m.group(1)))
    expect(r["viewport"] == 1280, r)
    expect(r["pageWidth"] <= 1280 and r["tableWidth"] <= 1280, f"the grid is wider than the screen: {r}")
    expect(r["standardCells"] == 30 and r["widestStandardCell"] <= 48, f"standard columns are not narrow: {r}")
    expect(r["links"] == 3, f"each organization links to its report: {r}")
    expect(r["srWidth"] <= 1, f"the words for screen readers take no room: {r}")
    expect("Meet it (of 3 audited)" in r["foot"], r["foot"])
    expect(r["scripts"] == 1, "the summary itself must have no scripts")
    # In print: landscape pages holding every organization.
    pdf = os.path.join(work, "summary.pdf")
    code, _ = chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + summary)
    expect(code == 0 and os.path.exists(pdf), f"print to PDF failed (exit {code})")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    expect(size and float(size.group(1)) > float(size.group(2)), f"not landscape: {info}")
    # A long name wraps in its cell (how far depends on the file paths beside it): read the
    # text in reading order, whitespace joined.
    text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.split())
    for name in ("Harbor Recovery Community", "Riverbend Recovery Alliance", "Northfield Wellness Collective"):
        expect(name in text, f"{name} missing from the printed summary")


if SCREENSHOT:
    @test
    def screenshot():
        target = render("northfield-wellness-collective", work)
        code, _ = chromium("--window-size=1100,1600", f"--screenshot={SCREENSHOT}", "file://" + target)
        expect(code == 0 and os.path.getsize(SCREENSHOT) > 10000, "screenshot")

shutil.rmtree(work, ignore_errors=True)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

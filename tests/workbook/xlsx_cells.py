"""Fills cells of an .xlsx workbook as a person would type them, by editing the
worksheet XML (no spreadsheet program needed): for tests of what the tool reads back.

    fill(src, dst, {"Judgments": {"E2": "satisfied", "G2": "why"}, "Scores": {"D3": 2}})

Text becomes an inline string cell, an int a number cell. Sheets are found by name
through the workbook part and its relationships.
"""
import re
import zipfile
from xml.sax.saxutils import escape


def _col(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n


def _cell(ref, value):
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def _set(xml, ref, value):
    row = int(re.search(r"\d+", ref).group(0))
    new = _cell(ref, value)
    # An existing cell (empty <c .../> or with content) is replaced.
    pattern = re.compile(rf'<c r="{ref}"(?:[^>]*?/>|[^>]*>.*?</c>)', re.S)
    if pattern.search(xml):
        return pattern.sub(lambda _: new, xml, count=1)
    row_match = re.search(rf'<row r="{row}"(?:[^>]*?/>|[^>]*>(.*?)</row>)', xml, re.S)
    if not row_match:
        # A new row, before the first row after it (or at the end of sheetData).
        after = [m for m in re.finditer(r'<row r="(\d+)"', xml) if int(m.group(1)) > row]
        at = after[0].start() if after else xml.index("</sheetData>")
        return xml[:at] + f'<row r="{row}">{new}</row>' + xml[at:]
    if row_match.group(1) is None:  # <row .../>
        return xml[:row_match.start()] + f'<row r="{row}">{new}</row>' + xml[row_match.end():]
    # Inside the row, before the first cell to its right.
    body_start = row_match.start(1)
    for m in re.finditer(r'<c r="([A-Z]+)\d+"', row_match.group(1)):
        if _col(m.group(1)) > _col(ref):
            at = body_start + m.start()
            return xml[:at] + new + xml[at:]
    at = row_match.end(1)
    return xml[:at] + new + xml[at:]


def sheet_parts(z):
    """Sheet name -> its part in the zip."""
    book = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    targets = {m.group(1): m.group(2) for m in re.finditer(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
    targets.update({m.group(2): m.group(1) for m in re.finditer(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    out = {}
    for m in re.finditer(r'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
        target = targets[m.group(2)].lstrip("/")
        out[m.group(1)] = target if target.startswith("xl/") else "xl/" + target
    return out


def fill(src, dst, cells):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        parts = sheet_parts(zin)
        edits = {parts[name]: values for name, values in cells.items()}
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in edits:
                xml = data.decode("utf-8")
                for ref, value in edits[item.filename].items():
                    xml = _set(xml, ref, value)
                data = xml.encode("utf-8")
            zout.writestr(item, data)

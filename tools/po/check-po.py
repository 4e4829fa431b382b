#!/usr/bin/env python3
"""Checks translations (po/<lang>.po) against the template (po/rco-audit.pot).

Every translated entry must keep the English's arguments: the same {name} placeholders,
none dropped, none added (each plural form may leave out what the English singular leaves
out, but together they hold exactly the English's). "format.date" may use any of {year},
{mm}, {dd}, {day}, {month}. With --complete, every entry of the template must be translated
(not fuzzy, no empty form) and the translation may hold no entry the template lacks.

Usage: check-po.py [--complete] POT PO...     exit 0 when all is well, 1 with one line per problem
"""
import re
import sys

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")
DATE_FIELDS = {"year", "mm", "dd", "day", "month"}


def unquote(line):
    s = line.strip()
    if not (s.startswith('"') and s.endswith('"')):
        raise ValueError(f"expected a quoted string: {line!r}")
    out, i, s = [], 0, s[1:-1]
    esc = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append(esc.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def parse(path):
    """The entries of a .po/.pot file: {(msgctxt, msgid): {"plural", "strs", "fuzzy", "line"}}.
    The header (msgid "") and obsolete entries (#~) are left out."""
    entries, cur, key, fuzzy = {}, None, None, False

    def flush():
        nonlocal cur, key
        if cur is not None and cur.get("msgid", "") != "":
            k = (cur.get("msgctxt"), cur["msgid"])
            if k in entries:
                raise ValueError(f"{path}:{cur['line']}: duplicate entry {k[0]!r}")
            strs = [cur[kk] for kk in sorted(kk for kk in cur if kk.startswith("msgstr"))]
            entries[k] = {"plural": cur.get("msgid_plural"), "strs": strs, "fuzzy": cur["fuzzy"], "line": cur["line"]}
        cur, key = None, None

    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                flush()
                continue
            if line.startswith("#"):
                if line.startswith("#,") and "fuzzy" in line:
                    fuzzy = True
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")\s*$', line)
            if m:
                if m.group(1) in ("msgctxt", "msgid") and cur is not None and "msgid" in cur:
                    flush()
                if cur is None:
                    cur = {"line": n, "fuzzy": fuzzy}
                    fuzzy = False
                key = m.group(1)
                cur[key] = unquote(m.group(2))
            elif line.startswith('"') and cur is not None and key:
                cur[key] += unquote(line)
            else:
                raise ValueError(f"{path}:{n}: cannot read: {line.rstrip()}")
    flush()
    return entries


def placeholders(s):
    return sorted(m.group(1) for m in PLACEHOLDER.finditer(s) if m.group(1))


def check(pot, po, complete):
    problems = []
    for (ctx, msgid), e in po.items():
        where = f"{e['line']}: {ctx}"
        t = pot.get((ctx, msgid))
        if t is None:
            if complete:
                problems.append(f"{where}: not in the template (or its English changed): run msgmerge")
            continue
        if e["fuzzy"] or not any(e["strs"]):
            continue
        if bool(t["plural"]) != bool(e["plural"]):
            problems.append(f"{where}: plural in one and not in the other")
            continue
        if ctx == "format.date":
            extra = set(placeholders("".join(e["strs"]))) - DATE_FIELDS
            if extra:
                problems.append(f"{where}: unknown date fields {sorted(extra)}")
            continue
        english = set(placeholders(msgid)) | set(placeholders(t["plural"] or ""))
        forms = [set(placeholders(s)) for s in e["strs"]]
        union = set().union(*forms)
        if union != english:
            dropped, added = sorted(english - union), sorted(union - english)
            problems.append(f"{where}: arguments differ from the English" +
                            (f"; dropped {dropped}" if dropped else "") + (f"; added {added}" if added else ""))
        for i, s in enumerate(e["strs"]):
            if e["plural"] and not s:
                problems.append(f"{where}: plural form {i} is empty")
    if complete:
        for (ctx, msgid), t in pot.items():
            e = po.get((ctx, msgid))
            if e is None or e["fuzzy"] or not all(e["strs"]):
                problems.append(f"{ctx}: not translated" + (" (fuzzy)" if e and e["fuzzy"] else ""))
    return problems


def main():
    args = sys.argv[1:]
    complete = "--complete" in args
    args = [a for a in args if a != "--complete"]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    pot = parse(args[0])
    bad = 0
    for path in args[1:]:
        problems = check(pot, parse(path), complete)
        for p in problems:
            print(f"{path}:{p}")
        bad += len(problems)
    if bad:
        print(f"{bad} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

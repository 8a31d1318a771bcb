"""Fill translations into vic_{ru,kk,en}.ts from a TSV file.

Usage (under the lock, after ``make lupdate`` has added the new sources)::

    flock resources/i18n/.lock make lupdate
    flock resources/i18n/.lock .venv/bin/python resources/i18n/fill_ts.py my.tsv

Each TSV line is ``context<TAB>source<TAB>ru<TAB>kk<TAB>en`` with an optional
sixth column ``comment`` (the disambiguation lupdate stores); ``\\n`` and
``\\t`` in a cell stand for a newline and a tab. A message found in a .ts file
gets its translation and loses ``type="unfinished"``. Rows whose message is
not in the .ts files are listed on stderr (run ``make lupdate`` first); the
exit status is 1 then. ``--check`` only lists unfinished messages.
"""

from __future__ import annotations

import argparse
import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ("ru", "kk", "en")
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def ts_path(lang: str, directory: Path = HERE) -> Path:
    return directory / f"vic_{lang}.ts"


def _unescape(cell: str) -> str:
    return cell.replace("\\n", "\n").replace("\\t", "\t")


def read_rows(tsv: Path) -> list[list[str]]:
    rows: list[list[str]] = []
    with tsv.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) not in (5, 6):
                raise SystemExit(f"{tsv}:{n}: expected 5 or 6 tab-separated cells, got {len(row)}")
            rows.append([_unescape(c) for c in row])
    return rows


def _messages(root: ET.Element) -> dict[tuple[str, str, str], ET.Element]:
    found: dict[tuple[str, str, str], ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            found[(name, source, comment)] = message
    return found


def write_ts(root: ET.Element, path: Path) -> None:
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(HEADER + body + "\n", encoding="utf-8")


def fill(rows: list[list[str]], directory: Path = HERE) -> list[str]:
    """Apply ``rows`` to the three .ts files; returns the rows that matched nothing."""
    missing: set[str] = set()
    for index, lang in enumerate(LANGS):
        path = ts_path(lang, directory)
        root = ET.parse(path).getroot()
        messages = _messages(root)
        for row in rows:
            context, source = row[0], row[1]
            comment = row[5] if len(row) == 6 else ""
            message = messages.get((context, source, comment))
            if message is None:
                missing.add(f"{context}\t{source}")
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.text = row[2 + index]
            translation.attrib.pop("type", None)
        write_ts(root, path)
    return sorted(missing)


def unfinished(directory: Path = HERE) -> list[str]:
    """``lang: context / source`` of every message without a finished translation."""
    out: list[str] = []
    for lang in LANGS:
        root = ET.parse(ts_path(lang, directory)).getroot()
        for (context, source, _), message in _messages(root).items():
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or "").strip()
            ):
                out.append(f"{lang}: {context} / {source}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tsv", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="list unfinished messages")
    args = parser.parse_args(argv)
    status = 0
    for tsv in args.tsv:
        for line in fill(read_rows(tsv)):
            print(f"not in the .ts files (run make lupdate?): {line}", file=sys.stderr)
            status = 1
    if args.check or not args.tsv:
        left = unfinished()
        for line in left:
            print(f"unfinished: {line}")
        status = status or int(bool(left))
    return status


if __name__ == "__main__":
    sys.exit(main())

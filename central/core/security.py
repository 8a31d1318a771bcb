"""Secrets: confirmation codes, passwords and bearer tokens.

Passwords are argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane):
argon2-cffi's defaults (64 MiB, 3 passes, 4 lanes), which earlier versions used,
cost several times the CPU per log-in for no protection OWASP asks for. A hash
made at other parameters is replaced at the owner's next successful log-in
(``verify_and_maybe_rehash``). The hashing is libsodium's (PyNaCl): the same
argon2id and the same PHC string (``$argon2id$v=19$m=…``, so every stored hash
verifies), but it picks the CPU's vector unit (AVX2, AVX-512) at run time where
argon2-cffi's wheels are built for SSE2 only: the defender pays about half the
CPU for the same cost to an attacker, who uses optimised code anyway
(docs/performance.md §8).
Tokens are random and high-entropy, so a plain SHA-256 is what is stored. A
six-digit code is not: any unkeyed hash of it (salted or argon2) falls to a
million guesses, so a code is stored as an HMAC-SHA-256 under the central's
``code_key``, which is kept outside the database: a copy of the database alone
gives no usable secret, and checking a code costs microseconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import math
import os
import secrets
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from nacl import pwhash
from nacl.exceptions import CryptoError

from vic_rules.password import violations

CODE_DIGITS = 6
TOKEN_BYTES = 32

# OWASP Password Storage Cheat Sheet, argon2id: m = 19 MiB, t = 2, p = 1
ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_TIME_COST = 2
ARGON2_PARALLELISM = 1

# Temporary passwords are read from an email and typed at a kiosk: only
# characters no font confuses (no 0/O/o, 1/l/I/i, 5/S/s, 2/Z/z, 6/G/b, 8/B,
# 9/g/q), in groups of four joined by "-" (the policy's special character).
TEMP_PASSWORD_UPPER = "ACDEFHJKLMNPRTUVWXY"
TEMP_PASSWORD_LOWER = "acdefhjkmnprtuvwxy"
TEMP_PASSWORD_DIGITS = "347"
TEMP_PASSWORD_ALPHABET = TEMP_PASSWORD_UPPER + TEMP_PASSWORD_LOWER + TEMP_PASSWORD_DIGITS
TEMP_PASSWORD_GROUPS = 3
TEMP_PASSWORD_GROUP_LENGTH = 4
TEMP_PASSWORD_SEPARATOR = "-"

# libsodium's argon2id has one lane (OWASP's p = 1), a 16-byte salt and a 32-byte
# hash; what it writes before the salt names today's parameters exactly.
_CURRENT_PARAMETERS = (
    f"$argon2id$v=19$m={ARGON2_MEMORY_KIB},t={ARGON2_TIME_COST},p={ARGON2_PARALLELISM}$"
)
_SALT_AND_HASH_CHARS = 22 + 1 + 43  # unpadded base64 of 16 and 32 bytes, and "$"


def _hash(password: str) -> str:
    return pwhash.argon2id.str(
        password.encode(), opslimit=ARGON2_TIME_COST, memlimit=ARGON2_MEMORY_KIB * 1024
    ).decode()


def _needs_rehash(stored: str) -> bool:
    return not (
        stored.startswith(_CURRENT_PARAMETERS)
        and len(stored) == len(_CURRENT_PARAMETERS) + _SALT_AND_HASH_CHARS
    )


# argon2 runs in a few threads of lowered priority: a hash takes a core for a
# while (its cost is a security figure, not ours to cut below OWASP's), and
# short requests must not queue behind it. The thread count also bounds the
# memory of concurrent hashes (ARGON2_MEMORY_KIB each).
HASH_THREADS = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
HASH_NICE = 10  # added to the process's nice value, Linux threads only
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _lower_priority() -> None:
    with contextlib.suppress(AttributeError, OSError):  # not Linux: normal priority
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + HASH_NICE)


def _hash_pool() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(
                HASH_THREADS, thread_name_prefix="argon2", initializer=_lower_priority
            )
        return _pool


def new_code() -> str:
    """A uniformly random six-digit confirmation code (about 20 bits)."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


CODE_HASH_SCHEME = "hmac1"  # the prefix of a stored code: "hmac1$<salt>$<hex digest>"


def _code_digest(key: bytes, salt: str, code: str) -> str:
    return hmac.new(key, f"{salt}\0{code}".encode(), hashlib.sha256).hexdigest()


def hash_code(code: str, key: bytes) -> str:
    """``code`` as stored: a salted HMAC-SHA-256 under ``key`` (the settings'
    ``code_key_bytes()``); without the key the stored text tells nothing."""
    salt = secrets.token_hex(8)
    return f"{CODE_HASH_SCHEME}${salt}${_code_digest(key, salt, code)}"


def code_matches(code: str, stored: str, key: bytes) -> bool:
    """Whether ``code`` is the one ``hash_code`` stored under ``key``.

    A code stored before codes were keyed ("<salt>$<sha256>", sent in the last
    ``code_ttl_s`` before the upgrade) is still checked the old way, so the
    clients typing one at the upgrade are not told a right code is wrong; no
    new one is ever stored so."""
    scheme, _, rest = stored.partition("$")
    if scheme != CODE_HASH_SCHEME:  # the unkeyed form: "<salt>$<digest>"
        legacy = hashlib.sha256((scheme + code).encode()).hexdigest()
        return hmac.compare_digest(legacy, rest)
    salt, _, digest = rest.partition("$")
    return hmac.compare_digest(_code_digest(key, salt, code), digest)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    """argon2id at ``ARGON2_*``, in the low-priority hashing threads
    (libsodium, through cffi, releases the GIL while hashing: the caller's thread just waits)."""
    return _hash_pool().submit(_hash, password).result()


def hash_password_later(password: str) -> Future[str]:
    """``hash_password`` started in the hashing threads; the caller collects it."""
    return _hash_pool().submit(_hash, password)


@dataclass(frozen=True)
class PasswordCheck:
    """The outcome of ``verify_and_maybe_rehash``: whether the password matched,
    and, when it did against a hash of other parameters, its hash at today's."""

    matches: bool
    new_hash: str | None = None


_no_password_lock = threading.Lock()
_no_password_hash: str | None = None


def _stand_in_hash() -> str:
    """A hash at today's parameters that no password is checked against for real:
    what a log-in to a missing account (or one without a password) verifies, so
    it costs what a real check costs."""
    global _no_password_hash
    with _no_password_lock:
        if _no_password_hash is None:
            _no_password_hash = _hash(secrets.token_urlsafe(16))
        return _no_password_hash


def _check(password: str, stored: str | None, rehash: bool = True) -> PasswordCheck:
    if stored is None:
        _verify(password, _stand_in_hash())
        return PasswordCheck(False)
    if not _verify(password, stored):
        return PasswordCheck(False)
    if not rehash:
        return PasswordCheck(True)
    return PasswordCheck(True, _hash(password) if _needs_rehash(stored) else None)


def _verify(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``; a damaged or foreign stored text
    (not argon2id) never matches."""
    if not stored.startswith("$argon2id$"):
        return False
    try:
        return bool(pwhash.argon2id.verify(stored.encode(), password.encode()))
    except (CryptoError, ValueError, TypeError):
        return False


def password_matches(password: str, stored: str | None) -> bool:
    """Whether ``password`` is the one hashed in ``stored``; ``None`` (no account,
    or a temporary password still waiting for its email) never matches but
    costs the same time."""
    return _hash_pool().submit(_check, password, stored, False).result().matches


def verify_and_maybe_rehash(password: str, stored: str | None) -> PasswordCheck:
    """``password_matches``, plus the password's hash at today's parameters when
    it matched a hash made at other ones (argon2-cffi's defaults, before): the
    caller stores ``new_hash`` so the next log-in costs today's price. ``None``
    never matches and costs one verification, as a real account does."""
    return _hash_pool().submit(_check, password, stored).result()


def new_temporary_password() -> str:
    """A random password meeting the seed's policy, easy to read and retype:
    three groups of four from ``TEMP_PASSWORD_ALPHABET`` joined by "-" (the
    special character), e.g. ``Kpx7-Mqr4-Tzn3``; every group set with an upper
    case letter, a lower case letter and a digit is equally likely (rejection
    sampling), ``temporary_password_entropy_bits()`` bits in all. A draw the
    policy forbids anyway (a false hit of the breached-password filter, about
    one in a few thousand) is drawn again."""
    length = TEMP_PASSWORD_GROUPS * TEMP_PASSWORD_GROUP_LENGTH
    step = TEMP_PASSWORD_GROUP_LENGTH
    while True:
        chars = "".join(secrets.choice(TEMP_PASSWORD_ALPHABET) for _ in range(length))
        if not all(any(c in cls for c in chars) for cls in _TEMP_PASSWORD_CLASSES):
            continue
        password = TEMP_PASSWORD_SEPARATOR.join(chars[i : i + step] for i in range(0, length, step))
        if not violations(password):
            return password


_TEMP_PASSWORD_CLASSES = (TEMP_PASSWORD_UPPER, TEMP_PASSWORD_LOWER, TEMP_PASSWORD_DIGITS)


def temporary_password_entropy_bits() -> float:
    """log2 of how many passwords ``new_temporary_password`` picks among, all
    equally likely: strings over the alphabet holding every class (counted by
    inclusion and exclusion over the classes left out)."""
    length = TEMP_PASSWORD_GROUPS * TEMP_PASSWORD_GROUP_LENGTH
    sizes = [len(c) for c in _TEMP_PASSWORD_CLASSES]
    total = 0
    for mask in range(1 << len(sizes)):
        left_out = [n for i, n in enumerate(sizes) if mask >> i & 1]
        sign = -1 if len(left_out) % 2 else 1
        total += sign * (len(TEMP_PASSWORD_ALPHABET) - sum(left_out)) ** length
    return math.log2(total)

"""Secrets: confirmation codes, passwords and bearer tokens.

Passwords are argon2id (argon2-cffi defaults). Codes and tokens are random and
short-lived or high-entropy, so a salted or plain SHA-256 is what is stored:
enough that a copy of the database gives no usable secret, cheap enough that
a busy branch network is not slowed by hashing.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import string
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

CODE_DIGITS = 6
TOKEN_BYTES = 32
TEMP_PASSWORD_LENGTH = 12
PASSWORD_SPECIALS = "!@$_-"

_hasher = PasswordHasher()

# argon2 runs in a few threads of lowered priority (libargon2's lane threads
# inherit it): a hash takes most of a core for ~0.1 s (its cost is a security
# figure, not ours to cut), and short requests must not queue behind it. The
# thread count also bounds the memory of concurrent hashes (64 MiB each).
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


def hash_code(code: str) -> str:
    salt = secrets.token_hex(8)
    return f"{salt}${hashlib.sha256((salt + code).encode()).hexdigest()}"


def code_matches(code: str, stored: str) -> bool:
    salt, _, digest = stored.partition("$")
    candidate = hashlib.sha256((salt + code).encode()).hexdigest()
    return hmac.compare_digest(candidate, digest)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    """argon2id at argon2-cffi's defaults, in the low-priority hashing threads
    (argon2-cffi releases the GIL while hashing: the caller's thread just waits)."""
    return _hash_pool().submit(_hasher.hash, password).result()


def hash_password_later(password: str) -> Future[str]:
    """``hash_password`` started in the hashing threads; the caller collects it."""
    return _hash_pool().submit(_hasher.hash, password)


_no_password_hash: str | None = None


def _verify(password: str, stored: str | None) -> bool:
    global _no_password_hash
    if stored is None:  # the same work as a real check, so timing tells nothing
        _no_password_hash = _no_password_hash or _hasher.hash("not-a-password-1!A")
        _verify(password, _no_password_hash)
        return False
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_matches(password: str, stored: str | None) -> bool:
    """Whether ``password`` is the one hashed in ``stored``; ``None`` (no account,
    or a temporary password still waiting for its email) never matches but
    costs the same time."""
    return _hash_pool().submit(_verify, password, stored).result()


def new_temporary_password() -> str:
    """A random password that meets the seed's policy (every class present)."""
    letters = string.ascii_letters + string.digits
    classes = [string.ascii_uppercase, string.ascii_lowercase, string.digits, PASSWORD_SPECIALS]
    chars = [secrets.choice(c) for c in classes]
    chars += [secrets.choice(letters) for _ in range(TEMP_PASSWORD_LENGTH - len(chars))]
    secrets.SystemRandom().shuffle(chars)
    return "".join(chars)

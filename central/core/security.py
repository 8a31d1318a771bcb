"""Secrets: confirmation codes, passwords and bearer tokens.

Passwords are argon2id (argon2-cffi defaults). Codes and tokens are random and
short-lived or high-entropy, so a salted or plain SHA-256 is what is stored:
enough that a copy of the database gives no usable secret, cheap enough that
a busy branch network is not slowed by hashing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

CODE_DIGITS = 6
TOKEN_BYTES = 32
TEMP_PASSWORD_LENGTH = 12
PASSWORD_SPECIALS = "!@$_-"

_hasher = PasswordHasher()


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
    return _hasher.hash(password)


def password_matches(password: str, stored: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_temporary_password() -> str:
    """A random password that meets the seed's policy (every class present)."""
    letters = string.ascii_letters + string.digits
    classes = [string.ascii_uppercase, string.ascii_lowercase, string.digits, PASSWORD_SPECIALS]
    chars = [secrets.choice(c) for c in classes]
    chars += [secrets.choice(letters) for _ in range(TEMP_PASSWORD_LENGTH - len(chars))]
    secrets.SystemRandom().shuffle(chars)
    return "".join(chars)

"""A copy of the central's database must not give away a live SMS code.

A code has six digits: whatever unkeyed hash stores it, an attacker holding a
copy of the database (a stolen backup, a read replica, an SQL injection) tries
all 10**6 codes against it in about a second and confirms someone else's
registration or password reset while the code lives. The central stores codes
as an HMAC under ``code_key``, which lives in its environment and not in the
database; these tests play that attacker against a real central over HTTP.
"""

from __future__ import annotations

import hashlib
import os
import string
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import Settings
from central.models import PasswordReset, Registration
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, add_terminal, create_account

CODES = 10**6


def attacker_finds(stored: str) -> str | None:
    """Every six-digit code against every unkeyed SHA-256 reading of ``stored``
    (a digest alone, or a hex salt and a digest)."""
    parts = stored.split("$")
    digest = parts[-1]
    salts = [p for p in parts[:-1] if p and all(c in string.hexdigits for c in p)]
    shapes: list[tuple[str, str]] = [("", "")]
    for salt in salts:
        shapes += [(salt, ""), (salt + "\0", "")]
    for prefix, suffix in shapes:
        for n in range(CODES):
            code = f"{n:06d}"
            if hashlib.sha256(f"{prefix}{code}{suffix}".encode()).hexdigest() == digest:
                return code
    return None


@pytest.fixture
def keyed(tmp_path: Path) -> Iterator[EmbeddedCentral]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'central.db'}",
        delivery_backend="dev",  # to read the real code, as the client's phone would
        code_key=SecretStr(os.urandom(32).hex()),
    )
    with EmbeddedCentral(settings) as central:
        yield central


def test_a_registration_code_cannot_be_recovered_from_the_database(
    keyed: EmbeddedCentral,
) -> None:
    api = Api(keyed.url, add_terminal(keyed))
    started = api.register()
    assert started.status_code == 201, started.text
    real = api.last_code(KZ_PHONE)
    with Session(keyed.engine) as db:
        stored = db.scalar(select(Registration.code_hash))
    assert stored is not None and real not in stored
    assert attacker_finds(stored) is None, "the stored code falls to a million guesses"
    rid = started.json()["id"]
    confirmed = api.post(f"/api/v1/registrations/{rid}/confirm", {"code": real})
    assert confirmed.status_code == 200, "the client's own code still works"


def test_a_password_reset_code_cannot_be_recovered_from_the_database(
    keyed: EmbeddedCentral,
) -> None:
    api = Api(keyed.url, add_terminal(keyed))
    create_account(api, "aigerim@mail.ru", KZ_PHONE)
    started = api.post("/api/v1/password-resets", {"login": KZ_PHONE}, key=str(uuid.uuid4()))
    assert started.status_code == 202, started.text
    with Session(keyed.engine) as db:
        sent = select(PasswordReset.code_hash).where(PasswordReset.code_hash.isnot(None))
        stored = db.scalar(sent)
    assert stored is not None
    assert attacker_finds(stored) is None, "the stored code falls to a million guesses"


def test_live_delivery_needs_a_code_key_of_32_random_bytes() -> None:
    live = {"delivery_backend": "live", "smtp_host": "mx", "sms_http_url": "https://sms.example/"}
    missing = Settings(**live).missing_delivery_settings()  # type: ignore[arg-type]
    assert [m.split(" ")[0] for m in missing] == ["VIC_CENTRAL_CODE_KEY"]
    with pytest.raises(ValueError, match="at least 32 random bytes"):
        Settings(**live, code_key="0123456789abcdef")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 32 random bytes"):
        Settings(**live, code_key="not a key at all")  # type: ignore[arg-type]
    keyed = Settings(**live, code_key=os.urandom(32).hex())  # type: ignore[arg-type]
    assert keyed.missing_delivery_settings() == []
    assert keyed.code_key.get_secret_value() not in repr(keyed)

"""Helpers of the claims tests: a logged-in client with contracts, on the real
central of ``tests/central/conftest.py``, and files to upload."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import requests
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.security import hash_password
from central.models import Account, AuditEvent, Contract
from central.server import EmbeddedCentral
from tests.central.conftest import Api

PASSWORD = "Kz7!mountain"
TODAY = datetime.now(UTC).date()
GPS_IFD = 0x8825
ORIENTATION = 0x0112


def claims_settings(database_url: str, tmp_path: Path, **extra: Any) -> Settings:
    """The central's settings with the documents folder in the test's own folder."""
    return Settings(
        database_url=database_url,
        delivery_backend="dev",
        documents_dir=str(tmp_path / "documents"),
        **extra,
    )


@dataclass
class Client:
    """A logged-in client of the central: every call goes with their token."""

    api: Api
    token: str
    account_id: str
    phone: str
    email: str
    contract: str  # a contract active from 30 days ago for a year

    def post(self, path: str, json: Any = None, **kwargs: Any) -> requests.Response:
        return self.api.post(path, json, token=self.token, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.api.get(path, token=self.token, **kwargs)

    def submit(self, key: str | None = None, lang: str = "en", **fields: Any) -> requests.Response:
        body = claim_body(self.contract, **fields)
        return self.post("/api/v1/account/claims", body, key=key, lang=lang)

    def new_claim(self, **fields: Any) -> dict[str, Any]:
        made = self.submit(**fields)
        assert made.status_code == 201, made.text
        found: dict[str, Any] = made.json()
        return found

    def upload(
        self, claim_id: str, name: str, content: bytes, mime: str = "application/octet-stream",
        key: str | None = None,
    ) -> requests.Response:  # fmt: skip
        return self.post(
            f"/api/v1/account/claims/{claim_id}/documents", files={"file": (name, content, mime)},
            key=key,
        )  # fmt: skip


def claim_body(contract: str, **fields: Any) -> dict[str, Any]:
    body = {
        "contract_number": contract,
        "kind": "road_accident",
        "event_date": (TODAY - timedelta(days=2)).isoformat(),
        "place": "Алматы, пр. Абая 10",
        "description": "Столкновение на перекрёстке, повреждён передний бампер.",
    }
    return body | fields


def make_client(central: EmbeddedCentral, api: Api, phone: str, email: str) -> Client:
    """An active account with one current and one past contract, logged in
    through ``POST /api/v1/sessions``."""
    contract = f"ОГПО-{uuid.uuid4().hex[:8].upper()}"
    with Session(central.engine) as db, db.begin():
        account = Account(
            email=email, email_key=email.lower(), phone=phone, locale="ru", status="active",
            source="online_purchase", password_hash=hash_password(PASSWORD),
            password_is_temporary=False,
        )  # fmt: skip
        db.add(account)
        db.flush()
        for number, starts, ends in [
            (contract, TODAY - timedelta(days=30), TODAY + timedelta(days=335)),
            (f"{contract}-OLD", TODAY - timedelta(days=800), TODAY - timedelta(days=435)),
        ]:
            db.add(
                Contract(
                    account_id=account.id, number=number, product="ОГПО ВТС", starts_on=starts,
                    ends_on=ends, premium_amount=Decimal("12345.60"), currency="KZT",
                )
            )  # fmt: skip
        account_id = account.id
    opened = api.post("/api/v1/sessions", {"login": email, "password": PASSWORD})
    assert opened.status_code == 200, opened.text
    return Client(api, opened.json()["token"], account_id, phone, email, contract)


def audit_actions(central: EmbeddedCentral, account_id: str) -> list[str]:
    with Session(central.engine) as db:
        query = select(AuditEvent.action).where(AuditEvent.account_id == account_id)
        return list(db.scalars(query.order_by(AuditEvent.id)))


def jpeg_with_location(width: int = 64, height: int = 48) -> bytes:
    """A JPEG whose EXIF holds a GPS position and "rotate 90°" (orientation 6)."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (43.0, 14.0, 17.0)
    gps[3], gps[4] = "E", (76.0, 53.0, 11.0)
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def png(width: int = 8, height: int = 8) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (0, 120, 200)).save(out, "PNG")
    return out.getvalue()


def pdf(size: int) -> bytes:
    """A file of exactly ``size`` bytes that starts as a PDF does."""
    head = b"%PDF-1.4\n"
    return head + b"0" * (size - len(head))


def date_days(days: int) -> date:
    return TODAY + timedelta(days=days)

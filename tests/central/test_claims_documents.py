"""A claim's documents over real HTTP on SQLite and PostgreSQL: judged by
content, size limits at the byte, 20 per claim under parallel uploads, photos
stored without their location, files named by id in the documents folder."""

from __future__ import annotations

import io
import os
import time
import tracemalloc
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from PIL import Image
from sqlalchemy.orm import Session

from central.core.config import Settings
from central.models import utcnow
from central.server import EmbeddedCentral
from central.services import claims
from central.storage.documents import DocumentStore
from tests.central.claims_support import (
    GPS_IFD,
    Client,
    claims_settings,
    jpeg_with_location,
    make_client,
    pdf,
    png,
)
from tests.central.conftest import Api

MIB = 1024 * 1024


@pytest.fixture
def central_settings(database_url: str, tmp_path: Path) -> Settings:
    return claims_settings(database_url, tmp_path)


@pytest.fixture
def client(central: EmbeddedCentral, api: Api) -> Client:
    return make_client(central, api, "+77011234567", "aigerim@mail.ru")


def folder(central: EmbeddedCentral) -> Path:
    return Path(central.settings.documents_dir)


def stored_files(central: EmbeddedCentral) -> list[str]:
    if not folder(central).exists():
        return []
    return sorted(p.name for p in folder(central).iterdir() if p.is_file())


def incoming_left(central: EmbeddedCentral) -> list[Path]:
    inbox = folder(central) / ".incoming"
    return list(inbox.iterdir()) if inbox.exists() else []


def test_a_photo_is_stored_upright_without_its_location_under_its_id(
    client: Client, central: EmbeddedCentral
) -> None:
    claim = client.new_claim()
    original = jpeg_with_location(64, 48)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test's premise
    added = client.upload(claim["id"], "../../etc/IMG_0001.JPG", original, "image/jpeg")
    assert added.status_code == 201, added.text
    doc = added.json()
    assert doc["content_type"] == "image/jpeg" and doc["name"] == "IMG_0001.jpg"

    assert stored_files(central) == [doc["id"]]  # named by id, never by the uploaded name
    assert (folder(central) / doc["id"]).stat().st_mode & 0o077 == 0  # private to the service
    assert folder(central).stat().st_mode & 0o077 == 0
    stored = (folder(central) / doc["id"]).read_bytes()
    assert doc["size"] == len(stored)
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and image.size == (48, 64)  # turned as EXIF said
    assert not image.getexif() and b"Exif" not in stored
    assert incoming_left(central) == []

    shown = client.get(f"/api/v1/account/claims/{claim['id']}").json()
    assert shown["documents"] == [doc]


def test_a_file_of_10_mib_is_taken_and_one_byte_more_is_refused(
    client: Client, central: EmbeddedCentral
) -> None:
    claim = client.new_claim()
    over = client.upload(claim["id"], "scan.pdf", pdf(10 * MIB + 1), "application/pdf")
    assert over.status_code == 413, over.text
    assert over.json()["error"]["code"] == "too_large"
    assert over.json()["error"]["message"] == "The file is larger than 10 MB."
    assert stored_files(central) == [] and incoming_left(central) == []

    exact = client.upload(claim["id"], "scan.pdf", pdf(10 * MIB), "application/pdf")
    assert exact.status_code == 201, exact.text
    assert exact.json()["size"] == 10 * MIB
    assert (folder(central) / exact.json()["id"]).read_bytes() == pdf(10 * MIB)


def test_files_are_judged_by_content_not_by_name(client: Client, central: EmbeddedCentral) -> None:
    claim = client.new_claim()
    renamed = client.upload(claim["id"], "policy.pdf", png(), "application/pdf")
    assert renamed.status_code == 201, renamed.text
    assert renamed.json()["content_type"] == "image/png"
    assert renamed.json()["name"] == "policy.png"

    page = b"<!doctype html><script>alert(document.cookie)</script>"
    for name, mime in [("photo.jpg", "image/jpeg"), ("photo.png", "image/png")]:
        refused = client.upload(claim["id"], name, page, mime, key=None)
        assert refused.status_code == 415, refused.text
        assert refused.json()["error"]["code"] == "unsupported_type"
    # a JPEG's first bytes in front of something no decoder reads
    fake = client.upload(claim["id"], "x.jpg", b"\xff\xd8\xff\xe0" + b"<html>" * 50, "image/jpeg")
    assert fake.status_code == 415
    docs = client.get(f"/api/v1/account/claims/{claim['id']}").json()["documents"]
    assert [d["content_type"] for d in docs] == ["image/png"]
    assert len(stored_files(central)) == 1 and incoming_left(central) == []


def test_a_claim_takes_20_documents_even_from_parallel_uploads(
    client: Client, central: EmbeddedCentral
) -> None:
    claim = client.new_claim()

    def upload(n: int) -> requests.Response:
        own = Client(
            Api(client.api.url, client.api.token, requests.Session()), client.token,
            client.account_id, client.phone, client.email, client.contract,
        )  # fmt: skip
        return own.upload(claim["id"], f"p{n}.pdf", pdf(2000 + n), "application/pdf")

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(upload, range(21)))
    codes = sorted(a.status_code for a in answers)
    assert codes == [201] * 20 + [409], [a.text for a in answers if a.status_code != 201]
    [refused] = [a for a in answers if a.status_code == 409]
    assert refused.json()["error"]["code"] == "too_many_documents"
    assert len(client.get(f"/api/v1/account/claims/{claim['id']}").json()["documents"]) == 20
    assert len(stored_files(central)) == 20 and incoming_left(central) == []
    link = client.post(f"/api/v1/account/claims/{claim['id']}/upload-link")
    assert link.status_code == 409 and link.json()["error"]["code"] == "too_many_documents"


def test_a_decided_claim_takes_no_documents(client: Client, central: EmbeddedCentral) -> None:
    claim = client.new_claim()
    with Session(central.engine) as db, db.begin():
        for status in ("in_review", "rejected"):
            claims.set_status(
                db, number=claim["number"], status=status, note="Нет страхового случая",
                amount=None, operator="test", now=utcnow(),
            )  # fmt: skip
    refused = client.upload(claim["id"], "late.png", png(), "image/png")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "claim_decided"
    assert stored_files(central) == []


def test_a_replayed_upload_adds_one_document(client: Client, central: EmbeddedCentral) -> None:
    claim = client.new_claim()
    key = str(uuid.uuid4())
    first = client.upload(claim["id"], "a.png", png(), "image/png", key=key)
    again = client.upload(claim["id"], "a.png", png(), "image/png", key=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert len(client.get(f"/api/v1/account/claims/{claim['id']}").json()["documents"]) == 1
    assert len(stored_files(central)) == 1 and incoming_left(central) == []


def test_an_upload_streams_to_disk_instead_of_memory(
    client: Client, central: EmbeddedCentral
) -> None:
    """9 MiB sent in chunks (no Content-Length): the process never holds it."""
    claim = client.new_claim()
    boundary = "vic-claims-boundary"
    chunk, chunks = b"0" * 65536, 9 * 16

    def body() -> Iterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n'
        ).encode()
        yield from (chunk for _ in range(chunks))
        yield f"\r\n--{boundary}--\r\n".encode()

    headers = {
        "Authorization": f"Bearer {client.token}",
        "Content-Type": f"multipart/form-data; boundary={boundary}",
    }
    url = f"{central.url}/api/v1/account/claims/{claim['id']}/documents"
    tracemalloc.start()
    try:
        sent = requests.post(url, data=body(), headers=headers, timeout=60)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sent.status_code == 201, sent.text
    assert sent.json()["size"] == len(b"%PDF-1.4\n") + chunks * len(chunk)
    assert peak < 3 * MIB, f"peak {peak / MIB:.1f} MiB"


def test_files_left_by_requests_that_died_are_swept(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "documents")
    old, young = store.incoming_path(), store.incoming_path()
    old.write_bytes(b"half a photo")
    young.write_bytes(b"an upload in progress")
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    assert store.sweep_incoming() == 1
    assert not old.exists() and young.exists()


def test_an_upload_without_a_file_is_one_sentence_about_files(
    client: Client, central: EmbeddedCentral
) -> None:
    claim = client.new_claim()
    path = f"/api/v1/account/claims/{claim['id']}/documents"
    for sent in (
        client.post(path, {"file": "a.jpg"}),  # JSON, not a form
        client.post(path, data={"photo": "x"}, files={"other": ("a.png", png(), "image/png")}),
        client.post(path, headers={"Content-Type": "multipart/form-data; boundary=x"}, data=b"--x"),
    ):
        assert sent.status_code == 400, sent.text
        error = sent.json()["error"]
        assert error["code"] == "malformed_request"
        assert error["message"] == (
            "A file in the field “file” of a multipart/form-data form is expected."
        )
    assert stored_files(central) == [] and incoming_left(central) == []

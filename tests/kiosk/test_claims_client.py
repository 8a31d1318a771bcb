"""CentralClient's claims calls against the real central over HTTP (SQLite and
PostgreSQL): typed claims and documents, one claim per key, and each refusal of
a document as its own ``kiosk.errors`` type."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from central.core.config import Settings
from central.server import EmbeddedCentral
from kiosk.api_types import ClaimRequest
from kiosk.client import CentralClient
from kiosk.errors import ClaimDecided, NotFound, TooLarge, UnsupportedType, ValidationFailed
from tests.central.claims_support import TODAY, Client, claims_settings, make_client, pdf, png
from tests.central.conftest import Api, add_terminal
from tests.kiosk.kit import make_client as make_terminal_client

MAX_BYTES = 10 * 1024 * 1024


@pytest.fixture
def central_settings(database_url: str, tmp_path: Path) -> Settings:
    return claims_settings(database_url, tmp_path)


@pytest.fixture
def api(central: EmbeddedCentral) -> Api:
    return Api(central.url, add_terminal(central))


@pytest.fixture
def holder(central: EmbeddedCentral, api: Api) -> Client:
    return make_client(central, api, "+77011234567", "aigerim@mail.ru")


@pytest.fixture
def client(central: EmbeddedCentral, api: Api) -> Iterator[CentralClient]:
    with make_terminal_client(central, api.token, locale="ru") as made:
        yield made


def request(holder: Client, **changes: object) -> ClaimRequest:
    fields: dict[str, object] = {
        "contract_number": holder.contract,
        "kind": "road_accident",
        "event_date": TODAY - timedelta(days=2),
        "description": "Столкновение на перекрёстке, повреждён бампер.",
        "place": "Алматы",
    }
    return ClaimRequest(**(fields | changes))  # type: ignore[arg-type]


def test_a_claim_is_filed_once_per_key_and_read_back_typed(
    client: CentralClient, holder: Client
) -> None:
    kinds = client.claim_kinds()
    assert ("road_accident", "ДТП") in [(k.code, k.title) for k in kinds]
    key = str(uuid.uuid4())
    first = client.submit_claim(holder.token, request(holder), idempotency_key=key)
    again = client.submit_claim(holder.token, request(holder), idempotency_key=key)
    assert again.id == first.id and first.number.startswith("УБ-")
    assert first.status == "submitted" and first.history[0].status == "submitted"
    assert [c.id for c in client.claims(holder.token)] == [first.id]
    link = client.claim_upload_link(holder.token, first.id)
    assert link.url.startswith(client.base_url + "/claims/upload?t=")
    assert link.url not in repr(link)  # a secret: not in logs


def test_the_centrals_field_codes_come_back(client: CentralClient, holder: Client) -> None:
    future = request(holder, event_date=TODAY + timedelta(days=2))
    with pytest.raises(ValidationFailed) as refused:
        client.submit_claim(holder.token, future, idempotency_key=str(uuid.uuid4()))
    assert refused.value.fields["event_date"] == ["in_future"]


def test_documents_and_their_refusals_are_typed(
    client: CentralClient, holder: Client, central: EmbeddedCentral, tmp_path: Path
) -> None:
    claim = client.submit_claim(holder.token, request(holder), idempotency_key=str(uuid.uuid4()))
    photo = tmp_path / "фото.png"
    photo.write_bytes(png())
    sent: list[tuple[int, int]] = []
    added = client.add_claim_document(
        holder.token, claim.id, photo, progress=lambda done, total: sent.append((done, total))
    )
    assert added.name == "фото.png" and added.content_type == "image/png"
    assert sent[-1][0] == sent[-1][1]  # the whole body went
    assert [d.id for d in client.claim(holder.token, claim.id).documents] == [added.id]

    renamed = tmp_path / "page.pdf"
    renamed.write_text("<html>not a pdf</html>")
    with pytest.raises(UnsupportedType):
        client.add_claim_document(holder.token, claim.id, renamed)
    big = tmp_path / "big.pdf"
    big.write_bytes(pdf(MAX_BYTES + 1))
    with pytest.raises(TooLarge):
        client.add_claim_document(holder.token, claim.id, big)

    from sqlalchemy.orm import Session

    from central.models import utcnow
    from central.services import claims as service  # the insurer decides, as its CLI does

    with Session(central.engine) as db, db.begin():
        service.set_status(
            db, number=claim.number, status="rejected", note="Не страховой случай",
            amount=None, operator="test", now=utcnow(),
        )  # fmt: skip
    with pytest.raises(ClaimDecided):
        client.add_claim_document(holder.token, claim.id, photo)
    assert client.claim(holder.token, claim.id).decided


def test_another_clients_claim_is_not_found(
    client: CentralClient, holder: Client, central: EmbeddedCentral, api: Api
) -> None:
    claim = client.submit_claim(holder.token, request(holder), idempotency_key=str(uuid.uuid4()))
    other = make_client(central, api, "+77017654321", "dana@mail.ru")
    with pytest.raises(NotFound):
        client.claim(other.token, claim.id)

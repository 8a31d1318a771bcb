"""The insurer's claims commands as a real subprocess against the database of a
running central (SQLite and PostgreSQL): the state machine, the client's SMS
and email in the claim's language, the export, the audit trail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import Settings
from central.models import AuditEvent
from central.server import EmbeddedCentral
from tests.central.claims_support import (
    Client,
    claims_settings,
    jpeg_with_location,
    make_client,
    pdf,
)
from tests.central.conftest import Api
from tests.central.test_cli import cli


@pytest.fixture
def central_settings(database_url: str, tmp_path: Path) -> Settings:
    return claims_settings(database_url, tmp_path)


@pytest.fixture
def client(central: EmbeddedCentral, api: Api) -> Client:
    return make_client(central, api, "+77011234567", "aigerim@mail.ru")


def claims_cli(central: EmbeddedCentral, *args: str) -> tuple[int, str, str]:
    env = {"VIC_CENTRAL_DOCUMENTS_DIR": central.settings.documents_dir}
    done = cli("claims", *args, "--db", central.settings.database_url, env=env)
    return done.returncode, done.stdout, done.stderr


def texts_to(client: Client, to: str, count: int) -> list[str]:
    return [m["body"] for m in client.api.wait_messages(to, count)]


def test_the_insurer_moves_a_claim_to_paid_and_the_client_hears_of_each_step(
    client: Client, central: EmbeddedCentral, tmp_path: Path
) -> None:
    claim = client.new_claim(lang="kk")
    number = claim["number"]
    photo = client.upload(claim["id"], "dtp.jpg", jpeg_with_location(), "image/jpeg").json()
    scan = client.upload(claim["id"], "akt.pdf", pdf(5000), "application/pdf").json()

    code, out, _ = claims_cli(central, "list")
    assert code == 0 and out.startswith(f"{number}\tsubmitted\t") and out.endswith("\t2\n")
    code, out, _ = claims_cli(central, "list", "--status", "in_review", "--json")
    assert code == 0 and json.loads(out) == {"claims": []}

    code, _, err = claims_cli(central, "set-status", number, "approved", "--amount", "100")
    assert (code, err) == (
        1,
        f"Error: Claim {number} is submitted and cannot become approved "
        "(allowed next: in_review, rejected).\n",
    )
    assert claims_cli(central, "set-status", number, "in_review")[0] == 0
    code, _, err = claims_cli(central, "set-status", number, "documents_requested")
    assert code == 1 and err.count("\n") == 1 and "--note" in err
    missing = "Фото техпаспорта с двух сторон"
    code, out, _ = claims_cli(
        central, "set-status", number, "documents_requested", "--note", missing
    )
    assert code == 0 and "documents_requested" in out
    assert claims_cli(central, "set-status", number, "in_review")[0] == 0
    code, _, err = claims_cli(central, "set-status", number, "approved")
    assert code == 1 and "--amount" in err
    assert claims_cli(central, "set-status", number, "approved", "--amount", "150000")[0] == 0
    assert claims_cli(central, "set-status", number, "paid")[0] == 0
    code, _, err = claims_cli(central, "set-status", number, "in_review")
    assert code == 1 and "is paid and cannot become in_review (allowed next: none" in err

    sms = texts_to(client, client.phone, 6)  # received + 5 steps, each in Kazakh
    assert f"{number} өтініші бойынша құжаттар қажет: {missing}" in sms[2]
    assert "150 000.00 ₸ төлем мақұлданды" in sms[4]
    assert "150 000.00 ₸ төленді" in sms[5]
    emails = client.api.wait_messages(client.email, 6)
    assert (
        emails[2]["subject"] == f"{number} өтініші: құжаттар қажет" and missing in emails[2]["body"]
    )

    shown = client.get(f"/api/v1/account/claims/{claim['id']}").json()
    assert [(h["status"], h["note"], h["amount"]) for h in shown["history"]] == [
        ("submitted", None, None),
        ("in_review", None, None),
        ("documents_requested", missing, None),
        ("in_review", None, None),
        ("approved", None, "150000.00"),
        ("paid", None, "150000.00"),
    ]
    code, out, _ = claims_cli(central, "show", number, "--json")
    assert code == 0 and json.loads(out)["status"] == "paid"

    out_dir = tmp_path / "export"
    code, out, _ = claims_cli(central, "documents", number, "--out", str(out_dir))
    assert code == 0
    exported = sorted(p.name for p in out_dir.iterdir())
    assert exported == [f"{number}_01_{photo['id']}.jpg", f"{number}_02_{scan['id']}.pdf"]
    assert (out_dir / exported[1]).read_bytes() == pdf(5000)

    with Session(central.engine) as db:
        query = select(AuditEvent.action, AuditEvent.operator).where(
            AuditEvent.operator.is_not(None)
        )
        done = [row.action for row in db.execute(query.order_by(AuditEvent.id))]
    assert done.count("claim_status_changed") == 5
    assert {"claims_listed", "claim_viewed", "claim_documents_exported"} <= set(done)


def test_a_rejection_tells_the_reason_and_unknown_numbers_are_one_sentence(
    client: Client, central: EmbeddedCentral
) -> None:
    number = client.new_claim(lang="en")["number"]
    reason = "The event is not covered by the policy."
    assert claims_cli(central, "set-status", number, "rejected", "--note", reason)[0] == 0
    sms = texts_to(client, client.phone, 2)
    assert sms[1] == f"Victoria: claim {number} rejected: {reason}"
    emails = client.api.wait_messages(client.email, 2)
    assert emails[1]["subject"] == f"Decision on claim {number}" and reason in emails[1]["body"]
    code, _, err = claims_cli(central, "set-status", number, "in_review")
    assert code == 1 and "is rejected and cannot become in_review" in err
    code, _, err = claims_cli(central, "show", "УБ-1999-000001")
    assert (code, err) == (1, "Error: No claim has the number УБ-1999-000001.\n")
    code, _, err = claims_cli(central, "set-status", number, "paid", "--amount", "lots")
    assert code == 2 and err.count("\n") == 1

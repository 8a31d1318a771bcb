"""ClaimsFlow with a scripted client: one claim per filled form, the offline case,
the central's refusals, per-file upload results, and outcomes that come too late.

The end-to-end behaviour against the real central is in tests/ui/test_claim_screens.py.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from kiosk.api_types import Claim, ClaimDocument, ClientSession, Contract, LinkSent, UploadLink
from kiosk.errors import (
    ClaimDecided,
    LinkSmsLimited,
    TooLarge,
    Unauthorized,
    Unreachable,
    UnsupportedType,
    ValidationFailed,
)
from kiosk.flows.claims import (
    MAX_DOCUMENT_BYTES,
    ClaimDraft,
    ClaimsFlow,
    ClaimStep,
    check_draft,
)
from tests.kiosk.fake_central import T0, FakeCentral, session

TODAY = date(2026, 12, 1)
CONTRACT = Contract(
    number="OGPO-1",
    product="ОГПО ВТС",
    status="active",
    starts_on=TODAY - timedelta(days=30),
    ends_on=TODAY + timedelta(days=335),
    premium_amount=Decimal("12345.60"),
    currency="KZT",
)
DRAFT = ClaimDraft(
    kind="road_accident",
    event_date=TODAY - timedelta(days=2),
    place="  Алматы, пр. Абая 10 ",
    description="Столкновение на перекрёстке, повреждён бампер.",
    contact_phone="",
)
CLAIM = Claim(
    id="c1",
    number="УБ-2026-000001",
    contract_number="OGPO-1",
    kind="road_accident",
    event_date=DRAFT.event_date or TODAY,
    place="Алматы, пр. Абая 10",
    description=DRAFT.description,
    status="submitted",
    created_at=T0,
)


def document(name: str) -> ClaimDocument:
    return ClaimDocument(id=name, name=name, content_type="image/png", size=10, added_at=T0)


def flow_for(
    central: FakeCentral, who: ClientSession | None = None, phone: str | None = None
) -> ClaimsFlow:
    current = who or session()
    return ClaimsFlow(
        central,  # type: ignore[arg-type]
        lambda: current,
        phone=lambda: phone,
        today=lambda: TODAY,
    )


def ready_form(central: FakeCentral) -> ClaimsFlow:
    flow = flow_for(central)
    assert flow.start(CONTRACT) is ClaimStep.CLAIM_FORM
    assert flow.prepare(DRAFT).ok
    return flow


def test_the_draft_is_checked_as_the_central_checks_it() -> None:
    problems = check_draft(
        replace(
            DRAFT,
            kind="",
            event_date=TODAY + timedelta(days=1),
            description="  короткий ",
            contact_phone="12345",
        ),
        CONTRACT,
        today=TODAY,
    )
    assert problems.kind == ("required",)
    assert problems.event_date == ("in_future",)
    assert problems.description == ("too_short",)
    assert problems.contact_phone == ("invalid_phone",)
    before = replace(DRAFT, event_date=CONTRACT.starts_on - timedelta(days=1))
    assert check_draft(before, CONTRACT, today=TODAY).event_date == ("not_active_on_event_date",)
    bell = replace(DRAFT, description="Удар на перекрёстке\x07", place="Абая\n10")
    assert check_draft(bell, CONTRACT, today=TODAY).description == ("invalid_characters",)
    assert check_draft(bell, CONTRACT, today=TODAY).place == ("invalid_characters",)
    lines = replace(DRAFT, description="Первая строка.\nВторая строка.")
    assert check_draft(lines, CONTRACT, today=TODAY).ok


def test_a_filed_form_sends_its_trimmed_body_once_and_shows_the_claim() -> None:
    central = FakeCentral().script("submit_claim", CLAIM)
    flow = ready_form(central)
    assert flow.apply(flow.send()) is ClaimStep.CLAIM_VIEW
    [(token, request, _key)] = central.called("submit_claim")
    assert token == "tok"
    assert request.place == "Алматы, пр. Абая 10" and request.contact_phone is None
    assert flow.claim == CLAIM and flow.just_filed
    assert not flow.send().sent  # the form is done: nothing more to send


def test_a_double_tap_sends_once() -> None:
    central = FakeCentral().script("submit_claim", CLAIM)
    flow = ready_form(central)
    release = central.hold()
    first: list[object] = []
    worker = threading.Thread(target=lambda: first.append(flow.send()))
    worker.start()
    assert central.entered.wait(5)
    second = flow.send()  # the second tap while the first is in flight
    release.set()
    worker.join(5)
    assert not second.sent
    assert len(central.called("submit_claim")) == 1


def test_offline_the_form_stays_and_the_retry_reuses_the_key() -> None:
    central = FakeCentral().script("submit_claim", Unreachable(), CLAIM)
    flow = ready_form(central)
    outcome = flow.send()
    assert flow.apply(outcome) is ClaimStep.CLAIM_FORM
    assert isinstance(flow.last_error, Unreachable)
    assert flow.prepare(DRAFT).ok  # the same details, pressed again once back
    assert flow.apply(flow.send()) is ClaimStep.CLAIM_VIEW
    first_key, second_key = (call[2] for call in central.called("submit_claim"))
    assert first_key == second_key


def test_changed_details_get_a_new_key() -> None:
    central = FakeCentral().script("submit_claim", Unreachable(), CLAIM)
    flow = ready_form(central)
    flow.apply(flow.send())
    flow.prepare(replace(DRAFT, place="Астана"))
    flow.apply(flow.send())
    first_key, second_key = (call[2] for call in central.called("submit_claim"))
    assert first_key != second_key


def test_the_centrals_field_codes_land_under_their_fields() -> None:
    refused = ValidationFailed(
        fields={"contract_number": ["not_active_on_event_date"], "description": ["too_long"]}
    )
    flow = ready_form(FakeCentral().script("submit_claim", refused))
    assert flow.apply(flow.send()) is ClaimStep.CLAIM_FORM
    assert flow.problems is not None
    assert flow.problems.event_date == ("not_active_on_event_date",)
    assert flow.problems.description == ("too_long",)
    assert flow.problems.contract == ()


def test_an_ended_session_goes_back_to_the_login() -> None:
    flow = ready_form(FakeCentral().script("submit_claim", Unauthorized()))
    outcome = flow.send()
    assert outcome.ended
    assert flow.apply(outcome) is ClaimStep.LOGIN
    assert flow.contract is None


def test_an_answer_after_a_wipe_is_dropped() -> None:
    flow = ready_form(FakeCentral().script("submit_claim", CLAIM))
    outcome = flow.send()
    flow.wipe()
    assert flow.apply(outcome) is None
    assert flow.claim is None


def test_each_file_gets_its_own_result_and_a_too_large_one_is_not_sent(tmp_path: Path) -> None:
    photo, fake, big = tmp_path / "a.png", tmp_path / "b.jpg", tmp_path / "c.pdf"
    photo.write_bytes(b"png")
    fake.write_bytes(b"<html>")
    with big.open("wb") as f:
        f.truncate(MAX_DOCUMENT_BYTES + 1)
    after = replace(CLAIM, documents=(document("a.png"),))
    central = (
        FakeCentral()
        .script("add_claim_document", document("a.png"), UnsupportedType())
        .script("claim", after)
    )
    flow = flow_for(central)
    flow.open_claim(CLAIM)
    outcome = flow.upload([photo, fake, big])
    assert flow.apply(outcome) is ClaimStep.CLAIM_VIEW
    assert [r.name for r in flow.uploads] == ["a.png", "b.jpg", "c.pdf"]
    assert flow.uploads[0].document is not None
    assert isinstance(flow.uploads[1].error, UnsupportedType)
    assert isinstance(flow.uploads[2].error, TooLarge)
    assert len(central.called("add_claim_document")) == 2  # the big one never left
    assert flow.claim == after


def test_a_decided_claim_refuses_each_file() -> None:
    central = FakeCentral().script("add_claim_document", ClaimDecided()).script("claim", CLAIM)
    flow = flow_for(central)
    flow.open_claim(CLAIM)
    path = Path(__file__)
    flow.apply(flow.upload([path]))
    assert isinstance(flow.uploads[0].error, ClaimDecided)


def test_a_late_poll_never_moves_the_client() -> None:
    newer = replace(CLAIM, documents=(document("phone.jpg"),))
    central = FakeCentral().script("claim", newer)
    flow = flow_for(central)
    flow.open_claim(CLAIM)
    poll = flow.refresh_claim()
    flow.to_list()  # the client went to «Мои заявления» meanwhile
    assert flow.apply(poll) is ClaimStep.CLAIM_LIST
    assert flow.claim == newer


def test_the_contact_phone_is_the_accounts_when_known() -> None:
    flow = flow_for(FakeCentral(), phone="+77011234567")
    assert flow.account_phone == "+77011234567"
    flow.start(CONTRACT)
    assert flow.prepare(replace(DRAFT, contact_phone="8 701 123 45 67")).ok
    central = FakeCentral().script("submit_claim", CLAIM)
    flow = flow_for(central)
    flow.start(CONTRACT)
    flow.prepare(replace(DRAFT, contact_phone="8 (701) 765-43-21"))
    flow.send()
    [(_token, request, _key)] = central.called("submit_claim")
    assert request.contact_phone == "+77017654321"


def sent_link(url: str) -> LinkSent:
    return LinkSent(UploadLink(url, T0 + timedelta(minutes=15)), "+7 701 *** ** 12")


def test_the_link_by_sms_replaces_the_qr_link_and_a_lost_answer_keeps_its_key() -> None:
    central = FakeCentral().script(
        "send_claim_upload_link",
        Unreachable(),
        sent_link("https://c/claims/upload?t=new"),
        LinkSmsLimited(retry_after_s=600),
    )
    flow = flow_for(central)
    flow.open_claim(CLAIM)
    flow.apply(flow.new_upload_link())  # the fake answers no link: none shown yet
    flow.prepare_sms()
    assert flow.apply(flow.send_link_by_sms()) is ClaimStep.CLAIM_VIEW
    assert isinstance(flow.last_error, Unreachable)
    flow.prepare_sms()  # pressed again once the connection is back
    outcome = flow.send_link_by_sms()
    assert outcome.sms_to == "+7 701 *** ** 12"
    assert flow.apply(outcome) is ClaimStep.CLAIM_VIEW
    assert flow.link is not None and flow.link.url == "https://c/claims/upload?t=new"
    flow.prepare_sms()  # a new request: another SMS, refused by the cap
    refused = flow.send_link_by_sms()
    assert isinstance(refused.error, LinkSmsLimited) and refused.link is None
    keys = [call[2] for call in central.called("send_claim_upload_link")]
    assert keys[0] == keys[1] != keys[2]


def test_a_double_tap_sends_one_sms() -> None:
    central = FakeCentral().script("send_claim_upload_link", sent_link("https://c/u?t=1"))
    flow = flow_for(central)
    flow.open_claim(CLAIM)
    flow.prepare_sms()
    release = central.hold()
    first: list[object] = []
    worker = threading.Thread(target=lambda: first.append(flow.send_link_by_sms()))
    worker.start()
    assert central.entered.wait(5)
    flow.prepare_sms()
    second = flow.send_link_by_sms()
    release.set()
    worker.join(5)
    assert not second.sent
    assert len(central.called("send_claim_upload_link")) == 1

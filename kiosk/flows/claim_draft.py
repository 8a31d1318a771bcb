"""A claim's form as typed, and its checks: the contract's rules, applied at the terminal.

Pure functions and values (no network, no Qt): the claim form shows each field's
problem live with ``check_draft``, and the central's 422 ``fields`` land under the
same fields through ``problems_from_central``. The central checks again; its
"today" is Kazakhstan's (UTC+5), so the terminal's is too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from kiosk.api_types import Contract
from kiosk.errors import ValidationFailed
from vic_rules.codes import FieldCode
from vic_rules.phone import PhoneProblem, normalize_phone

# the contract's limits (the central checks them again)
DESCRIPTION_MIN_CHARS = 10
DESCRIPTION_MAX_CHARS = 4000
PLACE_MAX_CHARS = 200
KZ_TIME = timezone(timedelta(hours=5))  # the central's "today" is Kazakhstan's (UTC+5)

# field codes: the contract's, plus the terminal's own "required"
REQUIRED = "required"
IN_FUTURE = FieldCode.IN_FUTURE.value
NOT_ACTIVE = FieldCode.NOT_ACTIVE_ON_EVENT_DATE.value
UNKNOWN_CONTRACT = FieldCode.UNKNOWN_CONTRACT.value
TOO_SHORT = "too_short"
TOO_LONG = "too_long"
INVALID_CHARACTERS = "invalid_characters"
_TEXT_CONTROLS = frozenset("\n\r\t")


def today_in_kz() -> date:
    return datetime.now(UTC).astimezone(KZ_TIME).date()


@dataclass(frozen=True)
class ClaimDraft:
    """The form as typed (the screen's fields, unchecked)."""

    kind: str
    event_date: date | None
    place: str
    description: str
    contact_phone: str


@dataclass(frozen=True)
class DraftProblems:
    """Field problem codes, translated by the UI; empty tuples are fine fields."""

    kind: tuple[str, ...] = ()
    event_date: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    description: tuple[str, ...] = ()
    contact_phone: tuple[str, ...] = ()
    contract: tuple[str, ...] = ()  # unknown_contract: the central no longer knows it

    @property
    def ok(self) -> bool:
        return not any(
            (
                self.kind,
                self.event_date,
                self.place,
                self.description,
                self.contact_phone,
                self.contract,
            )
        )


def _has_controls(text: str, allowed: frozenset[str] = frozenset()) -> bool:
    return any((ord(ch) < 32 or 127 <= ord(ch) < 160) and ch not in allowed for ch in text)


def check_description(text: str) -> tuple[str, ...]:
    """Pure: the description's problem (the central's rule: counted after trimming)."""
    if _has_controls(text, _TEXT_CONTROLS):
        return (INVALID_CHARACTERS,)
    length = len(text.strip())
    if length < DESCRIPTION_MIN_CHARS:
        return (TOO_SHORT,)
    if length > DESCRIPTION_MAX_CHARS:
        return (TOO_LONG,)
    return ()


def check_draft(
    draft: ClaimDraft,
    contract: Contract,
    *,
    today: date,
    regions: Sequence[str] = ("KZ",),
) -> DraftProblems:
    """Pure: every field's problem at once, as the form shows them live."""
    day = draft.event_date
    when: tuple[str, ...] = ()
    if day is None:
        when = (REQUIRED,)
    elif day > today:
        when = (IN_FUTURE,)
    elif not contract.starts_on <= day <= contract.ends_on:
        when = (NOT_ACTIVE,)
    place: tuple[str, ...] = ()
    if len(draft.place.strip()) > PLACE_MAX_CHARS:
        place = (TOO_LONG,)
    elif _has_controls(draft.place):
        place = (INVALID_CHARACTERS,)
    phone: tuple[str, ...] = ()
    if draft.contact_phone.strip():
        try:
            normalize_phone(draft.contact_phone, tuple(regions), regions[0] if regions else "KZ")
        except PhoneProblem as problem:
            phone = (problem.code,)
    return DraftProblems(
        kind=() if draft.kind else (REQUIRED,),
        event_date=when,
        place=place,
        description=check_description(draft.description),
        contact_phone=phone,
    )


def problems_from_central(error: ValidationFailed) -> DraftProblems:
    """The central's 422 ``fields`` as the form's problems."""
    fields = {name: tuple(codes) for name, codes in error.fields.items()}
    contract = fields.get("contract_number", ())
    return DraftProblems(
        kind=fields.get("kind", ()),
        event_date=fields.get("event_date", ()) + tuple(c for c in contract if c == NOT_ACTIVE),
        place=fields.get("place", ()),
        description=fields.get("description", ()),
        contact_phone=fields.get("contact_phone", ()),
        contract=tuple(c for c in contract if c != NOT_ACTIVE),
    )

"""The sentences of the claim screens that more than one of them shows.

Field problem codes of ``kiosk.flows.claims``, a claim's status in words, the
refusals of a document, and the contract and claim lines, all in the current
language (context ``ClaimTexts``). Not a screen: ``ui.screens`` builds screens
only from ``SCREEN_MODULES``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from kiosk.api_types import Contract
from kiosk.errors import (
    CentralError,
    ClaimDecided,
    LinkSmsLimited,
    TooLarge,
    TooManyDocuments,
    Unreachable,
    UnsupportedType,
)
from ui.screens.messages import error_text

BYTES_PER_KIB = 1024
BYTES_PER_MIB = 1024 * 1024
SECONDS_PER_MINUTE = 60
# a masked phone stays on one line: «+7 701» above «*** ** 67» was hard to read
NO_BREAK_SPACE = "\u00a0"


def claim_problem_text(code: str) -> str:
    """One short sentence (it fits the line kept under the field)."""
    texts = {
        "required": QCoreApplication.translate("ClaimTexts", "Please fill in this field."),
        "in_future": QCoreApplication.translate("ClaimTexts", "The date cannot be in the future."),
        "not_active_on_event_date": QCoreApplication.translate(
            "ClaimTexts", "The contract was not in force on that date."
        ),
        "unknown_contract": QCoreApplication.translate(
            "ClaimTexts", "This contract was not found. Please ask an employee."
        ),
        "unknown_kind": QCoreApplication.translate(
            "ClaimTexts", "Choose what happened from the list."
        ),
        "too_short": QCoreApplication.translate(
            "ClaimTexts", "Please describe what happened in at least 10 characters."
        ),
        "too_long": QCoreApplication.translate("ClaimTexts", "This text is too long."),
        "invalid_characters": QCoreApplication.translate(
            "ClaimTexts", "This text holds characters that cannot be sent."
        ),
        "forbidden_character": QCoreApplication.translate(
            "ClaimTexts", "This text holds characters that cannot be sent."
        ),
        "invalid_phone": QCoreApplication.translate(
            "ClaimTexts", "Enter a mobile number, e.g. +7 701 123 45 67."
        ),
        "not_mobile": QCoreApplication.translate("ClaimTexts", "This is not a mobile number."),
        "region_not_allowed": QCoreApplication.translate(
            "ClaimTexts", "Enter a mobile number of a Kazakhstan operator."
        ),
    }
    return texts.get(code, QCoreApplication.translate("ClaimTexts", "Please check this field."))


def status_text(status: str) -> str:
    """A claim's status in words."""
    texts = {
        "submitted": QCoreApplication.translate("ClaimTexts", "Submitted"),
        "in_review": QCoreApplication.translate("ClaimTexts", "Under review"),
        "documents_requested": QCoreApplication.translate("ClaimTexts", "Documents requested"),
        "approved": QCoreApplication.translate("ClaimTexts", "Approved"),
        "paid": QCoreApplication.translate("ClaimTexts", "Paid"),
        "rejected": QCoreApplication.translate("ClaimTexts", "Rejected"),
    }
    return texts.get(status, status)


def contract_line(contract: Contract) -> str:
    period = f"{contract.starts_on:%d.%m.%Y} – {contract.ends_on:%d.%m.%Y}"
    return (
        QCoreApplication.translate("ClaimTexts", "Contract %1, %2, in force %3")
        .replace("%1", contract.number)
        .replace("%2", contract.product)
        .replace("%3", period)
    )


def local_time(moment: datetime) -> str:
    """A moment in the terminal's time zone, as people here write it."""
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


def size_text(size: int) -> str:
    if size >= BYTES_PER_MIB:
        return QCoreApplication.translate("ClaimTexts", "%1 MB").replace(
            "%1", f"{size / BYTES_PER_MIB:.1f}"
        )
    return QCoreApplication.translate("ClaimTexts", "%1 KB").replace(
        "%1", str(max(1, round(size / BYTES_PER_KIB)))
    )


def upload_error_text(name: str, error: BaseException) -> str:
    """Why the file ``name`` was not added, one sentence naming it."""
    if isinstance(error, TooLarge):
        text = QCoreApplication.translate(
            "ClaimTexts", "«%1» is larger than 10 MB and was not added."
        )
    elif isinstance(error, UnsupportedType):
        text = QCoreApplication.translate(
            "ClaimTexts", "«%1» was not added: only photos (JPEG, PNG) and PDF files are accepted."
        )
    elif isinstance(error, TooManyDocuments):
        text = QCoreApplication.translate(
            "ClaimTexts", "«%1» was not added: a claim holds at most 20 documents."
        )
    elif isinstance(error, ClaimDecided):
        text = QCoreApplication.translate(
            "ClaimTexts", "«%1» was not added: a decision on this claim has been made already."
        )
    elif isinstance(error, Unreachable):
        text = QCoreApplication.translate(
            "ClaimTexts", "«%1» was not added: no connection to the insurer. Please try again."
        )
    elif isinstance(error, OSError):
        text = QCoreApplication.translate(
            "ClaimTexts", "«%1» could not be read. Please choose it again."
        )
    else:
        return error_text(error)
    return text.replace("%1", name)


def link_sms_text(sent_to: str | None, error: CentralError | None) -> str:
    """What became of «Send the link by SMS»: where it went, or why not (with the wait)."""
    if sent_to is not None:
        return QCoreApplication.translate(
            "ClaimTexts", "The link has been sent by SMS to %1."
        ).replace("%1", sent_to.replace(" ", NO_BREAK_SPACE))
    if isinstance(error, LinkSmsLimited):
        minutes = max(1, -(-int(error.retry_after_s) // SECONDS_PER_MINUTE))
        return QCoreApplication.translate(
            "ClaimTexts",
            "The link for this claim has been sent by SMS several times this hour. "
            "You can send it again in %1 min; until then, scan the QR code.",
        ).replace("%1", str(minutes))
    if isinstance(error, Unreachable):
        return QCoreApplication.translate(
            "ClaimTexts", "No connection to the insurer: the SMS was not sent. Please try again."
        )
    if isinstance(error, ClaimDecided):
        return QCoreApplication.translate(
            "ClaimTexts", "A decision on this claim has been made already: no link is needed."
        )
    if isinstance(error, TooManyDocuments):
        return QCoreApplication.translate(
            "ClaimTexts", "The claim already has 20 documents: no link is needed."
        )
    return error_text(error) if error is not None else ""

"""Translated explanations for the flows' problem codes and the central's refusals.

The flows speak in codes (``"invalid_phone"``, ``InvalidCode``); this module is
the one place that turns them into sentences for the client, in the current
language. Unknown codes get a generic sentence, never the raw code.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kiosk.errors import (
    AccountExists,
    CentralError,
    CodeExpired,
    InvalidCode,
    NotFound,
    RateLimited,
    TooManyAttempts,
    Unauthorized,
    Unreachable,
)
from ui.widgets.sms_code import minutes_seconds


def field_problem_text(code: str) -> str:
    """One sentence for a field problem code of ``DetailsProblems``."""
    texts = {
        "required": QCoreApplication.translate("Messages", "Please fill in this field."),
        "invalid_email": QCoreApplication.translate(
            "Messages", "This does not look like an email address, e.g. name@mail.ru."
        ),
        "invalid_phone": QCoreApplication.translate(
            "Messages", "Enter a mobile number of 10 digits after +7, e.g. +7 701 123 45 67."
        ),
        "not_mobile": QCoreApplication.translate(
            "Messages", "This is not a mobile number. Enter a mobile number for SMS."
        ),
        "region_not_allowed": QCoreApplication.translate(
            "Messages", "Enter a mobile number of a Kazakhstan operator (+7 7xx)."
        ),
        "consent_required": QCoreApplication.translate(
            "Messages", "Your consent is needed to register."
        ),
    }
    return texts.get(code, QCoreApplication.translate("Messages", "Please check this field."))


def set_good_news(label: QWidget, good: bool) -> None:
    """Colour a status label as news (``#fieldProblem[goodNews="true"]`` in the style
    sheet) or as a problem: «Новый код отправлен по СМС.» was shown in error red."""
    if label.property("goodNews") != good:
        label.setProperty("goodNews", good)
        style = label.style()
        style.unpolish(label)
        style.polish(label)


def error_text(exc: BaseException) -> str:
    """What went wrong, for the client; code-related refusals have their own screens."""
    if isinstance(exc, InvalidCode):
        return QCoreApplication.translate("Messages", "Wrong code. Check the SMS and try again.")
    if isinstance(exc, CodeExpired):
        return QCoreApplication.translate("Messages", "The code has expired. Ask for a new code.")
    if isinstance(exc, TooManyAttempts):
        return QCoreApplication.translate(
            "Messages", "Too many wrong attempts: this code no longer works. Ask for a new code."
        )
    if isinstance(exc, RateLimited):
        return QCoreApplication.translate(
            "Messages", "Too many requests. Please try again in %1."
        ).replace("%1", minutes_seconds(exc.retry_after_s))
    if isinstance(exc, Unreachable):
        return QCoreApplication.translate(
            "Messages", "No connection to the server. Please try again in a minute."
        )
    if isinstance(exc, AccountExists):
        return QCoreApplication.translate(
            "Messages", "An account with this email or phone already exists."
        )
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "Messages", "This registration was not found. Please start again."
        )
    if isinstance(exc, Unauthorized):
        return QCoreApplication.translate(
            "Messages", "This terminal is not authorised. Please call an employee."
        )
    if isinstance(exc, CentralError):
        return QCoreApplication.translate(
            "Messages", "Something went wrong. Please try again or ask an employee."
        )
    return QCoreApplication.translate(
        "Messages", "Something went wrong. Please try again or ask an employee."
    )

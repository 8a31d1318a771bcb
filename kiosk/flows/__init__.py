"""The kiosk's procedures as plain-Python state machines, driven by the screens.

A flow holds what the client typed and which step they are on; each step's
value is the name of the screen that shows it. Its blocking methods talk to
the central on a worker thread and return an immutable outcome without
changing the flow; the GUI thread applies it (``apply``), and a ``wipe`` in
between makes it stale. They never raise for an answer of the contract.
"""

from kiosk.flows.login import LoginFlow, LoginOutcome, LoginStep
from kiosk.flows.password_reset import PasswordResetFlow, ResetOutcome, ResetStep
from kiosk.flows.registration import (
    CodeState,
    DetailsProblems,
    RegistrationFlow,
    RegistrationOutcome,
    Step,
)

__all__ = [
    "CodeState",
    "DetailsProblems",
    "LoginFlow",
    "LoginOutcome",
    "LoginStep",
    "PasswordResetFlow",
    "RegistrationFlow",
    "RegistrationOutcome",
    "ResetOutcome",
    "ResetStep",
    "Step",
]

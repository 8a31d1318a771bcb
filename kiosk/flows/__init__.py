"""The kiosk's procedures as plain-Python state machines, driven by the screens.

A flow holds what the client typed and which step they are on. Its blocking
methods talk to the central and are meant to run on a worker thread; they never
raise for an answer of the contract: the outcome is the step and ``last_error``.
"""

from kiosk.flows.login import LoginFlow, LoginStep
from kiosk.flows.registration import CodeState, DetailsProblems, RegistrationFlow, Step

__all__ = [
    "CodeState",
    "DetailsProblems",
    "LoginFlow",
    "LoginStep",
    "RegistrationFlow",
    "Step",
]

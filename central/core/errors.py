"""Business errors: types that carry their HTTP status and machine code.

Routes raise them; one exception handler turns each into the contract's
``{"error": {"code", "message", ...extra}}`` with the message in the request's
language. Add a subclass per outcome; never return error dicts by hand.
"""

from __future__ import annotations

from typing import Any, ClassVar


class CentralError(Exception):
    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"

    def __init__(self, **extra: Any) -> None:
        super().__init__(self.code)
        self.extra = extra
        self.headers: dict[str, str] = {}

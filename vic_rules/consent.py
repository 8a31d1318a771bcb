"""Which consent text a client agreed to.

The registration screen (``ui/screens/registration.py``) shows the consent to
personal data processing; the central records with every registration the
version of that text (``registrations.consent_text_version``), so that the
insurer can show later what exactly each client agreed to. Both sides take the
version from here, so a terminal and a central of the same release cannot
disagree; ``tests/ui/test_consent_version.py`` fails when the screen's text
changes without a new version.

- ``2026-12``: retention and closure stated (issue 11);
- ``2026-12b``: consent is also withdrawn with «Закрыть «Личный кабинет»» at a
  terminal, not only by a written request.
"""

from __future__ import annotations

CONSENT_TEXT_VERSION = "2026-12b"

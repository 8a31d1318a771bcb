"""The rules the terminal and the central both apply, in one place.

Contact normalisation (:mod:`vic_rules.phone`, :mod:`vic_rules.email`,
:mod:`vic_rules.login`), the insurer's password policy (:mod:`vic_rules.password`)
and the contract's machine codes (:mod:`vic_rules.codes`). Pure standard library
plus ``phonenumbers`` and ``email-validator``: this package imports neither Qt nor
the web stack nor ``kiosk``/``ui``/``central`` (``lint-imports`` enforces it), so
both sides can use it and can never disagree about what a phone, an email or a
password must be. Import the submodules; this module imports nothing.
"""

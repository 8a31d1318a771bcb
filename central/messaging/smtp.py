"""Email by SMTP (smtplib): plain, STARTTLS or implicit TLS, optional login.

The message is a proper MIME email in UTF-8 (``EmailMessage`` encodes a Cyrillic
subject per RFC 2047 and the body as UTF-8), with Date and Message-ID. One
connection per message keeps the failure of one from touching the next; a
branch network sends a few hundred emails a day, not thousands a second.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from central.core.config import Settings
from central.messaging.delivery import PermanentDeliveryError, TemporaryDeliveryError
from central.messaging.texts import html_body
from central.repositories.messages import ClaimedMessage

SMTP_TRANSIENT_MIN = 400
SMTP_PERMANENT_MIN = 500


def build_email(message: ClaimedMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=False)
    domain = parseaddr(sender)[1].partition("@")[2] or "localhost"
    email["Message-ID"] = make_msgid(domain=domain)
    email.set_content(message.body, charset="utf-8")
    rich = html_body(message.kind, message.body)  # the temporary password in monospace
    if rich is not None:
        email.add_alternative(rich, subtype="html", charset="utf-8")
    return email


class SmtpBackend:
    name = "smtp"

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def _connect(self) -> smtplib.SMTP:
        s = self._settings
        if s.smtp_ssl:
            return smtplib.SMTP_SSL(
                s.smtp_host,
                s.smtp_port,
                timeout=s.smtp_timeout_s,
                context=ssl.create_default_context(cafile=s.smtp_ca_file or None),
            )
        client = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_s)
        if s.smtp_starttls:
            client.starttls(context=ssl.create_default_context(cafile=s.smtp_ca_file or None))
        return client

    def deliver(self, message: ClaimedMessage) -> None:
        if message.channel != "email":
            raise PermanentDeliveryError(
                f"the smtp backend sends email only, not {message.channel}"
            )
        s = self._settings
        try:
            with self._connect() as client:
                if s.smtp_username:
                    client.login(s.smtp_username, s.smtp_password)
                client.send_message(build_email(message, s.smtp_from))
        except smtplib.SMTPAuthenticationError as exc:
            raise PermanentDeliveryError(f"SMTP authentication failed ({exc.smtp_code})") from None
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            reason = f"SMTP refused the recipient ({', '.join(map(str, codes))})"
            if all(SMTP_TRANSIENT_MIN <= c < SMTP_PERMANENT_MIN for c in codes):
                raise TemporaryDeliveryError(reason) from None
            raise PermanentDeliveryError(reason) from None
        except smtplib.SMTPResponseException as exc:
            reason = f"SMTP error {exc.smtp_code}"
            if exc.smtp_code >= SMTP_PERMANENT_MIN:
                raise PermanentDeliveryError(reason) from None
            raise TemporaryDeliveryError(reason) from None
        except (smtplib.SMTPException, OSError) as exc:
            raise TemporaryDeliveryError(f"SMTP unavailable: {type(exc).__name__}") from None

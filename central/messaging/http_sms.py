"""SMS through an HTTP gateway, configured entirely from settings.

The URL, form fields, headers and JSON body are templates. Placeholders:
``{recipient}`` (international digits, ``77011234567``), ``{recipient_e164}``
(``+77011234567``), ``{text}`` and ``{sender}`` (``sms_sender_name``). With
``sms_http_json`` set the body is that JSON with the placeholders filled in
(JSON-escaped); otherwise ``sms_http_form`` is sent as a form (POST) or as the
query string (GET).

Mobizon (form POST)::

    VIC_CENTRAL_SMS_HTTP_URL='https://api.mobizon.kz/service/message/sendsmsmessage?output=json&api=v1&apiKey=KEY'
    VIC_CENTRAL_SMS_HTTP_METHOD=POST
    VIC_CENTRAL_SMS_HTTP_FORM='{"recipient": "{recipient}", "text": "{text}", "from": "{sender}"}'

SMSC.kz (GET with query)::

    VIC_CENTRAL_SMS_HTTP_URL='https://smsc.kz/sys/send.php'
    VIC_CENTRAL_SMS_HTTP_METHOD=GET
    VIC_CENTRAL_SMS_HTTP_FORM='{"login": "LOGIN", "psw": "PASSWORD", "phones": "{recipient}",
        "mes": "{text}", "sender": "{sender}", "fmt": "3", "charset": "utf-8"}'

Answers are classified as: network error, HTTP 429, 5xx, Mobizon ``code`` 30
and SMSC ``error_code`` 4/9 → retry; 401/403, other 4xx, any other Mobizon code
or SMSC error (authentication, validation, balance) → permanent failure whose
reason the operator sees in ``messages.last_error``. The URL may hold an API key:
it is never logged nor put in a reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import requests

from central.core.config import Settings
from central.messaging.delivery import PermanentDeliveryError, TemporaryDeliveryError
from central.repositories.messages import ClaimedMessage

HTTP_TOO_MANY_REQUESTS = 429
HTTP_SERVER_ERROR_MIN = 500
HTTP_CLIENT_ERROR_MIN = 400
MOBIZON_OK_CODES = frozenset({0, 100})
MOBIZON_RETRY_CODES = frozenset({30})
SMSC_RETRY_CODES = frozenset({4, 9})
REASON_DETAIL_MAX_CHARS = 200


_PLACEHOLDER = re.compile(r"\{(recipient|recipient_e164|text|sender)\}")


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Replace the known placeholders only, so JSON braces stay as they are."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


class HttpSmsBackend:
    name = "http"

    def __init__(self, settings: Settings, session: requests.Session | None = None) -> None:
        if not settings.sms_http_url:
            raise ValueError("sms_http_url is not set: the HTTP SMS gateway is not configured")
        self._settings = settings
        self._http = session or requests.Session()

    def _request_args(self, message: ClaimedMessage) -> dict[str, Any]:
        s = self._settings
        values = {
            "recipient": message.to.lstrip("+"),
            "recipient_e164": message.to,
            "text": message.body,
            "sender": s.sms_sender_name,
        }
        url_values = {k: quote(v, safe="") for k, v in values.items()}
        args: dict[str, Any] = {
            "method": s.sms_http_method,
            "url": _fill(s.sms_http_url, url_values),
            "headers": {k: _fill(v, values) for k, v in s.sms_http_headers.items()},
            "timeout": s.sms_http_timeout_s,
        }
        if s.sms_http_json:
            escaped = {k: json.dumps(v, ensure_ascii=False)[1:-1] for k, v in values.items()}
            try:
                args["json"] = json.loads(_fill(s.sms_http_json, escaped))
            except ValueError:
                raise PermanentDeliveryError("sms_http_json is not valid JSON") from None
        elif s.sms_http_form:
            form = {k: _fill(v, values) for k, v in s.sms_http_form.items()}
            args["params" if s.sms_http_method == "GET" else "data"] = form
        return args

    def deliver(self, message: ClaimedMessage) -> None:
        if message.channel != "sms":
            raise PermanentDeliveryError(f"the http backend sends SMS only, not {message.channel}")
        try:
            response = self._http.request(**self._request_args(message))
        except requests.RequestException as exc:
            raise TemporaryDeliveryError(f"SMS gateway unreachable: {type(exc).__name__}") from None
        _classify(response)


def _detail(payload: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        value = payload.get(key)
        if value:
            return f": {str(value)[:REASON_DETAIL_MAX_CHARS]}"
    return ""


def _classify(response: requests.Response) -> None:
    status = response.status_code
    if status == HTTP_TOO_MANY_REQUESTS or status >= HTTP_SERVER_ERROR_MIN:
        raise TemporaryDeliveryError(f"SMS gateway answered HTTP {status}")
    if status in (401, 403):
        raise PermanentDeliveryError(f"SMS gateway refused the credentials (HTTP {status})")
    if status >= HTTP_CLIENT_ERROR_MIN:
        raise PermanentDeliveryError(f"SMS gateway rejected the request (HTTP {status})")
    try:
        payload = response.json()
    except ValueError:
        return
    if not isinstance(payload, dict):
        return
    if payload.get("error_code") is not None or payload.get("error"):
        code = payload.get("error_code")
        reason = f"SMS gateway error {code}{_detail(payload, 'error')}"
        if code in SMSC_RETRY_CODES:
            raise TemporaryDeliveryError(reason)
        raise PermanentDeliveryError(reason)
    code = payload.get("code")
    if isinstance(code, int) and code not in MOBIZON_OK_CODES:
        reason = f"SMS gateway error {code}{_detail(payload, 'message')}"
        if code in MOBIZON_RETRY_CODES:
            raise TemporaryDeliveryError(reason)
        raise PermanentDeliveryError(reason)

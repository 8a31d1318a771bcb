"""Requests generated from the central's own /openapi.json: whatever arrives,
the answer is never a 500 and never carries a stack trace.

schemathesis 3.39 cannot generate bodies with the installed hypothesis
(hypothesis-jsonschema uses a removed internal API), so the cases are built
here with hypothesis from the same document: every operation, its path and
query parameters, bodies that follow the schema's properties with values that
sometimes fit their type and sometimes do not, extra keys, and random headers.
"""

from __future__ import annotations

import json
import uuid
from typing import Any
from urllib.parse import quote

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.central.conftest import Api

CASES = 300
TIMEOUT_S = 10

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
texts = st.text(max_size=40) | st.sampled_from(
    [
        "",
        "+77011234567",
        "87011234567",
        "a@mail.ru",
        "Kz7!mountain",
        "123456",
        "2026-01-05T09:30:00+05:00",
        "ru",
        "kk",
        "en",
        str(uuid.uuid4()),
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "\u0000",
        "😀" * 5,
    ]
)


def value_for(schema: dict[str, Any], components: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "$ref" in schema:
        return value_for(components[schema["$ref"].split("/")[-1]], components)
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        return st.one_of([value_for(option, components) for option in options])
    kind = schema.get("type")
    fitting: st.SearchStrategy[Any]
    if "enum" in schema:
        fitting = st.sampled_from(schema["enum"])
    elif kind == "boolean":
        fitting = st.booleans()
    elif kind == "integer":
        fitting = st.integers()
    elif kind == "object":
        fitting = body_for(schema, components)
    else:
        fitting = texts
    return fitting | json_values


def body_for(schema: dict[str, Any], components: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "$ref" in schema:
        schema = components[schema["$ref"].split("/")[-1]]
    properties = schema.get("properties", {})
    fixed = st.fixed_dictionaries(
        {}, optional={name: value_for(sub, components) for name, sub in properties.items()}
    )
    return (
        st.builds(
            lambda base, extra: {**extra, **base},
            fixed,
            st.dictionaries(st.text(max_size=8), json_values, max_size=2),
        )
        | json_values
    )


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, spec)
        for path, item in document["paths"].items()
        for method, spec in item.items()
    ]


def request_for(url: str, token: str, document: dict[str, Any]) -> st.SearchStrategy[Any]:
    components = document.get("components", {}).get("schemas", {})

    @st.composite
    def build(draw: st.DrawFn) -> requests.PreparedRequest:
        method, path, spec = draw(st.sampled_from(operations(document)))
        query: dict[str, str] = {}
        for parameter in spec.get("parameters", []):
            value = draw(texts | st.just(str(uuid.uuid4())))
            if parameter["in"] == "path":
                path = path.replace("{" + parameter["name"] + "}", quote(value, safe="") or "x")
            elif parameter["in"] == "query" and draw(st.booleans()):
                query[parameter["name"]] = value
        headers = {"Accept-Language": draw(st.sampled_from(["ru", "kk", "en", "", "xx;q=x"]))}
        if draw(st.booleans()):
            headers["Authorization"] = f"Bearer {token}"
        if draw(st.booleans()):
            headers["Idempotency-Key"] = draw(
                st.just(str(uuid.uuid4()))
                | texts.filter(lambda t: t.isascii() and t.isprintable() and t == t.strip())
            )
        data: bytes | None = None
        body_schema = (
            spec.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        )
        if body_schema is not None:
            data = json.dumps(draw(body_for(body_schema, components))).encode()
            headers["Content-Type"] = "application/json"
        return requests.Request(
            method, url + path, params=query, data=data, headers=headers
        ).prepare()

    return build()


def test_no_generated_request_gets_a_500(sqlite_api: Api) -> None:
    document = requests.get(f"{sqlite_api.url}/openapi.json", timeout=TIMEOUT_S).json()
    assert len(operations(document)) >= 10
    http = requests.Session()

    @settings(
        max_examples=CASES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(prepared=request_for(sqlite_api.url, sqlite_api.token, document))
    def check(prepared: requests.PreparedRequest) -> None:
        response = http.send(prepared, timeout=TIMEOUT_S)
        described = f"{prepared.method} {prepared.url} {prepared.body!r} -> {response.status_code}"
        assert response.status_code < 500, described
        assert "Traceback" not in response.text and 'File "/' not in response.text, described
        if response.status_code >= 400 and "json" in response.headers.get("content-type", ""):
            assert response.json()["error"]["code"], described

    check()

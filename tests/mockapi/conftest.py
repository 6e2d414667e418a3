"""API test helpers: a JSON client and compiled specs owned by the owner account."""
from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from mockapi.demos.catalog import demo_spec


class ApiClient:
    """Django's test client speaking JSON."""

    def __init__(self) -> None:
        self.client = Client()

    def get(self, url: str, **headers: str):
        return self.client.get(url, headers=headers)

    def delete(self, url: str, **headers: str):
        return self.client.delete(url, headers=headers)

    def send(self, method: str, url: str, body: Any = None, *, raw: bytes | str | None = None,
             content_type: str = "application/json", **headers: str):
        data = raw if raw is not None else json.dumps(body)
        return getattr(self.client, method.lower())(url, data=data, content_type=content_type, headers=headers)

    def compile(self, text: str, account: str):
        return self.send("POST", "/api/compile-openapi", {"openapi": text, "accountId": account})


@pytest.fixture
def api() -> ApiClient:
    return ApiClient()


@pytest.fixture
def compile_demo(api, owner_account):
    """Compile a bundled demo spec for the owner; returns the compile response body."""

    def compile_named(name: str, account: str = owner_account) -> dict[str, Any]:
        response = api.compile(demo_spec(name).text(), account)
        assert response.status_code == 200, response.content
        return response.json()

    return compile_named

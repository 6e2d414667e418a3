"""Compilations outlive the server process: stop it, start a new one, API and pages still serve them."""
from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from mockapi.demos.catalog import demo_spec
from mockapi.pages.accounts import ACCOUNT_COOKIE
from tests.mockapi.live_helpers import http

ROOT = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    """The test database as a URL, so a separate server process uses the same one."""
    db = connection.settings_dict
    credentials = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgresql://{credentials}@{quote(db['HOST'] or 'localhost', safe='')}{port}/{db['NAME']}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server(port: int) -> subprocess.Popen:
    env = {**os.environ, "POSTGRES_URL": _database_url()}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "mockapi.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--threads", "4"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if http("GET", f"http://127.0.0.1:{port}/api/health", timeout=2)[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise AssertionError(f"server did not start: {server.stderr.read().decode()[-2000:]}")


@dataclass(frozen=True)
class Page:
    status: int
    text: str


def _page(url: str, account: str) -> Page:
    request = urllib.request.Request(url, headers={"Cookie": f"{ACCOUNT_COOKIE}={account}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return Page(response.status, response.read().decode())


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=15)


@pytest.mark.django_db(transaction=True)
def test_compilations_survive_a_server_restart(owner_account, other_account):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _start_server(port)
    try:
        status, compiled, _ = http("POST", f"{base}/api/compile-openapi",
                                   {"openapi": demo_spec("tasks-v1").text(), "accountId": owner_account})
        assert status == 200
    finally:
        _stop(server)

    server = _start_server(port)
    try:
        _, listed, _ = http("GET", f"{base}/api/compilations?accountId={owner_account}")
        _, entry, _ = http("GET", f"{base}/api/compilations/{compiled['id']}?accountId={owner_account}")
        mock_status, tasks, _ = http("GET", f"{base}/api/mock/{compiled['id']}/tasks")
        page = _page(f"{base}/u/{compiled['id']}/tasks", owner_account)
        forbidden = http("GET", f"{base}/api/compilations/{compiled['id']}?accountId={other_account}")[0]
        _, others, _ = http("GET", f"{base}/api/compilations?accountId={other_account}")
    finally:
        _stop(server)

    assert [item["id"] for item in listed["items"]] == [compiled["id"]]
    assert entry["specs"] == compiled["specs"]
    assert mock_status == 200 and len(tasks) > 0
    assert page.status == 200 and html.escape(tasks[0]["title"]) in page.text
    assert forbidden == 403
    assert others == {"items": []}

"""Playwright driving Debian's Chromium (/usr/bin/chromium) against pytest-django's live server.

``playwright install`` cannot download browsers here, so the system Chromium
is launched by path (``bin/test`` installs it when missing). Screenshots go
to the git-ignored ``test-artifacts/screenshots/``.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest


# Playwright's sync API runs an event loop in this thread; Django's ORM (used
# by fixtures and the live server's thread) must not refuse to run next to it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("RAPIDUI_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WIDE = {"width": 1360, "height": 900}
PHONE = {"width": 390, "height": 844}

sync_api = pytest.importorskip("playwright.sync_api", reason="the 'test' extra (playwright) is not installed")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run bin/test or apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def server(live_server, transactional_db) -> str:
    return live_server.url


def _new_page(browser, server: str, *, viewport: dict, javascript: bool = True):
    context = browser.new_context(base_url=server, viewport=viewport, java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    return context, page


@pytest.fixture
def page(browser, server):
    context, page = _new_page(browser, server, viewport=WIDE)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, server):
    context, page = _new_page(browser, server, viewport=PHONE)
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser, server):
    context, page = _new_page(browser, server, viewport=WIDE, javascript=False)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """``screenshot(page, "name")`` saves a full-page PNG under test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(path), full_page=True)
        return path

    return take

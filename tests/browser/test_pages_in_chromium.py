"""The whole product in a real browser: compile, click through the app, update and diff."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.pages.test_views_home import BROKEN_SPEC, MALICIOUS_SPEC

pytestmark = pytest.mark.browser


def compile_demo(page, name: str) -> str:
    """Compile a bundled demo from the home page; returns the app's path."""
    page.goto("/")
    page.locator(f'button[data-demo="{name}"]').click()
    page.wait_for_url(re.compile(r"/u/[^/]+/[^/]+$"))
    return re.search(r"/u/[^/]+", page.url).group(0)


def test_compile_a_demo_and_work_with_its_records(page, screenshot):
    page.goto("/")
    expect(page.get_by_text("Nothing compiled yet")).to_be_visible()
    screenshot(page, "01-home-empty")

    app = compile_demo(page, "users")
    expect(page.get_by_role("heading", name=re.compile("^Users"))).to_be_visible()
    expect(page.locator("tbody tr")).to_have_count(10)
    expect(page.get_by_text("Compiled “User Directory”.")).to_be_visible()
    screenshot(page, "03-app-table")

    page.get_by_role("link", name="New User").click()
    page.get_by_label("Email").fill("not-an-email")
    page.get_by_role("button", name="Create User").click()
    expect(page.locator("#field-firstName-errors")).to_contain_text("required")
    expect(page.locator("#field-email-errors")).to_be_visible()
    screenshot(page, "04-create-form-errors")

    page.get_by_label("First name").fill("Grace")
    page.get_by_label("Last name").fill("Hopper")
    page.get_by_label("Email").fill("grace@example.com")
    page.get_by_label("Role").select_option("admin")
    page.get_by_label("Birth date").fill("1906-12-09")
    page.get_by_label("City").fill("Arlington")
    page.get_by_role("button", name="Create User").click()
    expect(page).to_have_url(re.compile(f"{app}/users$"))
    expect(page.get_by_text(re.compile("^Created User"))).to_be_visible()

    page.get_by_label("First name").fill("Grace")
    page.get_by_role("button", name="Filter").click()
    row = page.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("grace@example.com")

    row.get_by_role("link", name="Edit").click()
    expect(page.get_by_label("City")).to_have_value("Arlington")
    page.get_by_label("Last name").fill("Hopper-Murray")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text(re.compile("^Saved User"))).to_be_visible()

    page.get_by_label("Role").select_option("admin")
    page.get_by_label("Last name").fill("Murray")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr")).to_contain_text("Hopper-Murray")

    page.locator("tbody tr").get_by_role("link", name="Delete").click()
    expect(page.get_by_text("grace@example.com")).to_be_visible()
    page.get_by_role("button", name="Delete User").click()
    expect(page.get_by_text(re.compile("^Deleted User"))).to_be_visible()
    page.get_by_label("Last name").fill("Murray")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("match these filters")).to_be_visible()

    page.get_by_role("link", name="Teams").click()
    expect(page.get_by_role("heading", name=re.compile("^Teams"))).to_be_visible()

    page.goto("/")
    expect(page.locator("[data-compilation]")).to_have_count(1)
    screenshot(page, "02-home-with-compilations")


def test_sort_and_pages(page):
    compile_demo(page, "users")
    page.get_by_role("link", name="First name").click()
    expect(page.locator("th[aria-sort=ascending]")).to_contain_text("First name")
    page.get_by_role("link", name="First name").click()
    expect(page.locator("th[aria-sort=descending]")).to_contain_text("First name")
    page.get_by_role("link", name="Next →").click()
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    expect(page.locator("tbody tr")).to_have_count(4)


def test_update_to_v2_shows_the_diff(page, screenshot):
    compile_demo(page, "tasks-v1")
    page.goto("/")
    page.get_by_role("link", name="Update").click()
    page.locator("#demo-select").select_option("tasks-v2")
    page.get_by_role("button", name="Compile this version").click()
    expect(page).to_have_url(re.compile(r"/compilations/[^/]+/diff$"))
    expect(page.get_by_role("heading", name=re.compile("What changed"))).to_be_visible()
    expect(page.locator(".diff-breaking")).to_have_count(2)
    expect(page.locator(".diff-breaking").first).to_contain_text("breaking")
    expect(page.get_by_role("heading", name=re.compile("^tasks"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("^users"))).to_be_visible()
    screenshot(page, "05-diff")


def test_broken_spec_shows_each_error_without_a_reload(page, screenshot):
    page.goto("/")
    page.evaluate("window.__sameDocument = true")
    page.locator("#spec-text").fill(BROKEN_SPEC)
    page.get_by_role("button", name="Compile", exact=True).click()
    errors = page.locator(".compile-error")
    expect(errors.first).to_be_visible()
    assert errors.count() >= 3
    expect(page.locator("#compile-errors")).to_contain_text("OAS_MULTIPLE_PATH_PARAMS")
    expect(page.locator("#compile-errors")).to_contain_text("/paths/~1things~1{a}~1{b}")
    expect(page.locator("#compile-errors")).to_contain_text("line 5")
    assert page.evaluate("window.__sameDocument === true"), "the page reloaded"
    page.locator("a.line-ref[data-line='5']").first.click()
    selected = page.evaluate("(() => { const t = document.getElementById('spec-text');"
                             " return t.value.slice(t.selectionStart, t.selectionEnd); })()")
    assert selected == "  /things/{a}/{b}:"
    screenshot(page, "06-compile-errors")


def test_dropping_a_file_fills_the_editor(page):
    page.goto("/")
    data_transfer = page.evaluate_handle(
        "() => { const dt = new DataTransfer();"
        " dt.items.add(new File(['openapi: 3.0.3'], 'spec.yaml', {type: 'application/yaml'})); return dt; }")
    page.locator("[data-dropzone]").dispatch_event("drop", {"dataTransfer": data_transfer})
    expect(page.locator("#spec-text")).to_have_value("openapi: 3.0.3")


def test_malicious_title_stays_text(page):
    page.goto("/")
    page.locator("#spec-text").fill(MALICIOUS_SPEC)
    page.get_by_role("button", name="Compile", exact=True).click()
    expect(page.locator(".topbar-app")).to_have_text("<script>alert(1)</script>")
    page.goto("/")
    expect(page.locator("[data-compilation] a.strong")).to_have_text("<script>alert(1)</script>")
    assert page.locator("script:text('alert(1)')").count() == 0
    assert page.dialogs == []


def test_everything_works_without_javascript(no_js_page):
    page = no_js_page
    compile_demo(page, "products")
    page.get_by_role("link", name=re.compile("^New ")).click()
    page.get_by_role("button", name=re.compile("^Create ")).click()
    expect(page.locator(".field-errors").first).to_be_visible()
    page.goto("/")
    page.locator("#spec-text").fill(BROKEN_SPEC)
    page.get_by_role("button", name="Compile", exact=True).click()
    expect(page.locator("#compile-errors")).to_contain_text("OAS_MULTIPLE_PATH_PARAMS")


def test_phone_width_is_readable(phone_page, screenshot):
    page = phone_page
    compile_demo(page, "users")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, "the app page scrolls sideways on a phone"
    screenshot(page, "07-phone-app-table")
    page.goto("/")
    screenshot(page, "08-phone-home")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0

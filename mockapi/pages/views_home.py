"""The compiler page (``/``) and the pages that manage one compilation: update, diff, delete."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mockapi.compilations.services import SpecRejected, compile_for_account, delete_for_account, recompile_for_account
from mockapi.compilations.store import compilation_get_for_account, compilation_list_for_account
from mockapi.demos.catalog import DEMO_SPECS, demo_spec
from mockapi.errors import BadRequest, PayloadTooLarge
from mockapi.mock import get_mock_store
from mockapi.pages.accounts import with_account
from mockapi.pages.diffs import group_changes


@require_GET
@with_account
def home(request: HttpRequest) -> HttpResponse:
    """The compiler form and the account's compilations; ``?demo=<name>`` pre-fills the form."""
    demo = demo_spec(request.GET.get("demo", ""))
    return _render_home(request, text=demo.text() if demo else "", selected_demo=demo.name if demo else "")


@require_POST
@with_account
def compile_spec(request: HttpRequest) -> HttpResponse:
    """Compile the posted spec (demo, file or text); on success go to the new app."""
    try:
        text = _submitted_spec(request)
    except (BadRequest, PayloadTooLarge) as bad:
        return _render_home(request, text=request.POST.get("openapi", ""), form_error=bad.message, status=bad.status)
    try:
        compilation = compile_for_account(account_id=request.account_id, text=text)
    except SpecRejected as rejected:
        return _render_home(request, text=text, compile_errors=_with_source_lines(rejected.errors, text),
                            selected_demo=request.POST.get("demo", ""), status=422)
    messages.success(request, f"Compiled “{compilation.name}”.")
    return redirect("pages:app", compilation_id=compilation.id)


@require_http_methods(["GET", "POST"])
@with_account
def update_compilation(request: HttpRequest, compilation_id: str) -> HttpResponse:
    """Upload a new version of a compilation's spec; on success show the diff."""
    compilation = compilation_get_for_account(compilation_id=compilation_id, account_id=request.account_id)
    context: dict[str, Any] = {"compilation": compilation, "demos": DEMO_SPECS, "text": "", "status": 200}
    if request.method == "POST":
        try:
            text = _submitted_spec(request)
            recompile_for_account(compilation_id=compilation.id, account_id=request.account_id, text=text)
        except SpecRejected as rejected:
            context.update(text=text, status=422, compile_errors=_with_source_lines(rejected.errors, text))
        except (BadRequest, PayloadTooLarge) as bad:
            context.update(text=request.POST.get("openapi", ""), form_error=bad.message, status=bad.status)
        else:
            messages.success(request, f"Updated “{compilation.name}”.")
            return redirect("pages:diff", compilation_id=compilation.id)
    return render(request, "pages/compilation_update.html", context, status=context["status"])


@require_GET
@with_account
def compilation_diff(request: HttpRequest, compilation_id: str) -> HttpResponse:
    """What the last update changed, grouped by resource, breaking changes marked."""
    compilation = compilation_get_for_account(compilation_id=compilation_id, account_id=request.account_id)
    diff = compilation.diff_from_previous
    return render(request, "pages/compilation_diff.html", {
        "compilation": compilation, "diff": diff,
        "groups": group_changes(diff.get("changes", [])) if diff else [],
    })


@require_http_methods(["GET", "POST"])
@with_account
def delete_compilation(request: HttpRequest, compilation_id: str) -> HttpResponse:
    """GET asks for confirmation; POST deletes and goes home."""
    compilation = compilation_get_for_account(compilation_id=compilation_id, account_id=request.account_id)
    if request.method == "POST":
        delete_for_account(compilation_id=compilation.id, account_id=request.account_id, mock_store=get_mock_store())
        messages.success(request, f"Deleted “{compilation.name}”.")
        return redirect("pages:home")
    return render(request, "pages/compilation_delete.html", {"compilation": compilation})


def _render_home(request: HttpRequest, *, text: str, status: int = 200, **extra: Any) -> HttpResponse:
    context = {
        "compilations": compilation_list_for_account(account_id=request.account_id),
        "demos": DEMO_SPECS, "text": text, "max_bytes": settings.MAX_REQUEST_BYTES, **extra,
    }
    return render(request, "pages/home.html", context, status=status)


def _submitted_spec(request: HttpRequest) -> str:
    """The spec to compile: a named demo, else an uploaded file, else the pasted text."""
    text = _submitted_text(request)
    if not text.strip():
        raise BadRequest("Paste an OpenAPI document, choose a file or pick a demo spec.")
    return text


def _submitted_text(request: HttpRequest) -> str:
    demo_name = request.POST.get("demo", "")
    if demo_name and request.POST.get("source") == "demo":
        demo = demo_spec(demo_name)
        if demo is None:
            raise BadRequest("There is no demo spec with this name.")
        return demo.text()
    upload = request.FILES.get("file")
    if upload is not None:
        if upload.size > settings.MAX_REQUEST_BYTES:
            raise PayloadTooLarge(f"The file is larger than the {settings.MAX_REQUEST_BYTES:,}-byte limit.")
        return upload.read().decode("utf-8", errors="replace")
    return request.POST.get("openapi", "")


def _with_source_lines(errors: list[dict[str, Any]] | None, text: str) -> list[dict[str, Any]]:
    """Each compile error plus ``source``: the text of the spec line it points at, when known."""
    lines = text.splitlines()
    result = []
    for error in errors or []:
        line = error.get("line")
        source = lines[line - 1] if isinstance(line, int) and 0 < line <= len(lines) else None
        result.append({**error, "source": source})
    return result

"""JSON API for compilations: compile, list, read, update (recompile) and delete."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse

from mockapi.api.methods import dispatch
from mockapi.api.request_input import account_id, spec_submission
from mockapi.compilations import services
from mockapi.compilations.models import Compilation
from mockapi.compilations.store import compilation_get_for_account, compilation_list_for_account
from mockapi.mock import get_mock_store


def _compiled_json(compilation: Compilation) -> dict[str, object]:
    """The compile/update answer: the summary plus what the client needs to drive the app."""
    return {
        **services.summary_json(compilation),
        "specs": compilation.specs,
        "apiIr": compilation.api_ir,
        "diffFromPrevious": compilation.diff_from_previous,
    }


def _compile(request: HttpRequest) -> HttpResponse:
    submission = spec_submission(request)
    compilation = services.compile_for_account(account_id=submission.account_id, text=submission.text)
    return JsonResponse(_compiled_json(compilation))


def _update(request: HttpRequest, compilation_id: str) -> HttpResponse:
    submission = spec_submission(request)
    compilation = services.recompile_for_account(
        compilation_id=compilation_id, account_id=submission.account_id, text=submission.text)
    return JsonResponse(_compiled_json(compilation))


def _list(request: HttpRequest) -> HttpResponse:
    summaries = compilation_list_for_account(account_id=account_id(request))
    return JsonResponse({"items": [services.summary_json(summary) for summary in summaries]})


def _get(request: HttpRequest, compilation_id: str) -> HttpResponse:
    compilation = compilation_get_for_account(compilation_id=compilation_id, account_id=account_id(request))
    return JsonResponse(services.compilation_json(compilation))


def _delete(request: HttpRequest, compilation_id: str) -> HttpResponse:
    services.delete_for_account(compilation_id=compilation_id, account_id=account_id(request),
                                mock_store=get_mock_store())
    return HttpResponse(status=204)


compile_openapi = dispatch(post=_compile)
compilations = dispatch(get=_list)
compilation = dispatch(get=_get, delete=_delete)
update_compilation = dispatch(post=_update)

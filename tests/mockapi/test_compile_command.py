"""``manage.py compile FILE [--json]``: resources or errors, exit status 1 on failure."""
from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mockapi.demos.catalog import demo_spec


def run(*args: str) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("compile", *args, stdout=out, stderr=err, no_color=True)
    except SystemExit as exit_:
        return out.getvalue(), err.getvalue(), int(exit_.code)
    return out.getvalue(), err.getvalue(), 0


def test_prints_resources_and_operations():
    out, _, status = run(str(demo_spec("products").path))

    assert status == 0
    assert "Product Catalog" in out
    assert "Products (/products, id field: id)" in out
    assert "update  PUT    /api/v1/products/{productId}" in out


def test_json_output_is_the_whole_result():
    out, _, status = run(str(demo_spec("users").path), "--json")

    body = json.loads(out)
    assert status == 0 and body["ok"] is True
    assert body["resourceSlugs"] == ["users", "teams"]
    assert len(body["canonicalHash"]) == 64


def test_errors_go_to_stderr_with_pointer_and_line_and_exit_1(tmp_path):
    spec = tmp_path / "broken.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a/{x}/{y}:\n    get:\n"
                    "      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}\n")

    out, err, status = run(str(spec))

    assert status == 1 and out == ""
    assert "OAS_MULTIPLE_PATH_PARAMS [validate] at /paths/~1a~1{x}~1{y} (line 4)" in err


def test_missing_file_is_a_command_error():
    with pytest.raises(CommandError, match="No such file"):
        run("/nonexistent/spec.yaml")

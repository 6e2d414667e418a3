"""``manage.py compile FILE [--json]``: compile a spec from the command line.

Prints the resources and their operations, or every error with its JSON
pointer and source line; exits with status 1 when the spec does not compile.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from compiler import CompileResult, compile_openapi


class Command(BaseCommand):
    help = "Compile an OpenAPI document (YAML or JSON) and print its resources or its errors."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="path to the OpenAPI document, or - for standard input")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the full result as JSON")

    def handle(self, *args, file: str, as_json: bool, **options) -> None:
        text = self._read(file)
        result = compile_openapi(text)
        if as_json:
            self.stdout.write(_as_json(result))
        elif result.ok:
            self._print_resources(result)
        else:
            self._print_errors(result)
        if not result.ok:
            raise SystemExit(1)

    def _read(self, file: str) -> bytes:
        if file == "-":
            return sys.stdin.buffer.read()
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        return path.read_bytes()

    def _print_resources(self, result: CompileResult) -> None:
        api = result.api_ir["api"]
        self.stdout.write(self.style.SUCCESS(f"{api['title']} {api['version']}") + f"  sha256:{result.canonical_hash}")
        for resource in result.api_ir["resources"]:
            spec = result.specs[resource["key"]]
            self.stdout.write(f"\n{resource['name']} (/{resource['key']}, id field: {spec['idField']})")
            for operation in resource["operations"]:
                self.stdout.write(f"  {operation['kind']:<7} {operation['method']:<6} {operation['path']}")

    def _print_errors(self, result: CompileResult) -> None:
        self.stderr.write(self.style.ERROR(f"{len(result.errors)} error(s):"))
        for error in result.errors:
            where = error.json_pointer or "/"
            if error.line is not None:
                where += f" (line {error.line})"
            self.stderr.write(f"  {error.code} [{error.stage}] at {where}: {error.message}")


def _as_json(result: CompileResult) -> str:
    body = {
        "ok": result.ok,
        "name": result.name,
        "canonicalHash": result.canonical_hash,
        "resourceNames": result.resource_names,
        "resourceSlugs": result.resource_slugs,
        "apiIr": result.api_ir,
        "specs": result.specs,
        "errors": result.errors_json(),
    }
    return json.dumps(body, indent=2, ensure_ascii=False)

"""The compiler is pure: importing and running it loads no Django and opens no socket."""
from __future__ import annotations

import json
import subprocess
import sys

import compiler
from tests.compiler.helpers import DEMO_SPECS, REPO

PROBE = r"""
import json, socket, sys
opened = []
class Spy(socket.socket):
    def __init__(self, *a, **k):
        opened.append(repr(a)); super().__init__(*a, **k)
socket.socket = Spy
import compiler
result = compiler.compile_openapi(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps({"ok": result.ok, "django": sorted(m for m in sys.modules if m == "django" or m.startswith("django.")),
                  "sockets": opened}))
"""


def run_probe():
    completed = subprocess.run([sys.executable, "-c", PROBE, str(DEMO_SPECS / "tasks-v3.yaml")], cwd=REPO,
                               capture_output=True, text=True, timeout=120,
                               env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)})
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_importing_and_compiling_loads_no_django_module():
    report = run_probe()
    assert report["ok"] is True
    assert report["django"] == []


def test_compiling_opens_no_socket():
    assert run_probe()["sockets"] == []


def test_public_surface_is_exactly_all():
    assert sorted(compiler.__all__) == ["ApiIR", "CompileError", "CompileResult", "ERROR_CODES", "SpecDiff",
                                        "UISpec", "compile_openapi", "diff_compilations", "line_of_pointer"]
    for name in compiler.__all__:
        assert getattr(compiler, name) is not None


def test_star_import_exposes_only_the_public_surface():
    namespace: dict[str, object] = {}
    exec("from compiler import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(compiler.__all__)

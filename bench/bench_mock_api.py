"""Mock API throughput and latency: RapidUI (gunicorn) next to json-server 0.17, same 100 records.

Run from the repository root: ``.venv/bin/python bench/bench_mock_api.py [--duration 10]``.
Needs wrk (installed from Debian's packages when missing and running as root)
and npm (json-server 0.17 is installed into bench/.work/). Everything listens
on 127.0.0.1 only. Prints requests per second and p50/p99 latency for
GET list (100 records) and GET one record, and RapidUI's ratio to json-server.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / ".work"
JSON_SERVER_VERSION = "0.17.4"
RECORDS = 100
ACCOUNT = "bench-account"

SPEC = """openapi: 3.0.3
info: {title: Bench items, version: '1'}
paths:
  /items:
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Item'}}}}}
    post:
      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
      responses:
        '201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
  /items/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
components:
  schemas:
    Item:
      type: object
      required: [name, price]
      properties:
        id: {type: integer, readOnly: true}
        name: {type: string}
        price: {type: number}
        category: {type: string, enum: [tools, toys, books, food]}
        inStock: {type: boolean}
        tags: {type: array, items: {type: string}}
        dimensions: {type: object, properties: {width: {type: number}, height: {type: number}}}
"""


def item(number: int) -> dict:
    return {"name": f"Item number {number}", "price": round(1.5 * number, 2),
            "category": ["tools", "toys", "books", "food"][number % 4], "inStock": number % 3 != 0,
            "tags": [f"tag{number % 7}", "bench"], "dimensions": {"width": number % 10, "height": number % 5}}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not come up")


def post(url: str, body: object, headers: dict[str, str] | None = None) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def ensure_tools() -> None:
    if shutil.which("wrk") is None:
        if os.geteuid() != 0:
            raise SystemExit("wrk is missing: apt-get install wrk")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
    if not (WORK / "node_modules" / "json-server").is_dir():
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(WORK),
                        f"json-server@{JSON_SERVER_VERSION}"], check=True)


def start_rapidui(port: int) -> tuple[subprocess.Popen, str]:
    subprocess.run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT, check=True)
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "mockapi.wsgi:application", "--bind",
                               f"127.0.0.1:{port}", "--workers", "1", "--threads", "8"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "LOG_LEVEL": "WARNING"})
    base = f"http://127.0.0.1:{port}"
    wait_for(f"{base}/api/health")
    compiled = post(f"{base}/api/compile-openapi", {"openapi": SPEC, "accountId": ACCOUNT})
    collection = f"{base}/api/mock/{compiled['id']}/items"
    for number in range(1, RECORDS + 1):
        post(collection, item(number))
    return server, collection


def start_json_server(port: int) -> tuple[subprocess.Popen, str]:
    database = WORK / "db.json"
    database.write_text(json.dumps({"items": [{"id": n, **item(n)} for n in range(1, RECORDS + 1)]}))
    server = subprocess.Popen([str(WORK / "node_modules" / ".bin" / "json-server"), "--port", str(port),
                               "--host", "127.0.0.1", "--quiet", str(database)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    collection = f"http://127.0.0.1:{port}/items"
    wait_for(collection)
    return server, collection


def run_wrk(url: str, duration: int, connections: int) -> dict[str, float]:
    output = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
                            check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return {"rps": rps, "p50": _latency(output, "50%"), "p99": _latency(output, "99%"),
            "errors": float(bool(re.search(r"Non-2xx|Socket errors", output)))}


def _latency(output: str, label: str) -> float:
    value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    ensure_tools()
    rapidui, rapidui_url = start_rapidui(free_port())
    json_server, json_server_url = start_json_server(free_port())
    try:
        targets = {"rapidui": rapidui_url, "json-server": json_server_url}
        results = {}
        for endpoint, suffix in (("GET list (100)", ""), ("GET one", "/42")):
            for name, url in targets.items():
                run_wrk(url + suffix, 2, args.connections)  # warm-up
                results[(endpoint, name)] = run_wrk(url + suffix, args.duration, args.connections)
    finally:
        for server in (rapidui, json_server):
            server.terminate()
            server.wait(timeout=15)
    print(f"wrk -t2 -c{args.connections} -d{args.duration}s on 127.0.0.1; "
          f"rapidui: gunicorn --workers 1 --threads 8; json-server {JSON_SERVER_VERSION}")
    print(f"{'endpoint':<16}{'server':<13}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
    for (endpoint, name), figures in results.items():
        flag = "  (errors!)" if figures["errors"] else ""
        print(f"{endpoint:<16}{name:<13}{figures['rps']:>10.0f}{figures['p50']:>10.2f}{figures['p99']:>10.2f}{flag}")
    for endpoint in ("GET list (100)", "GET one"):
        ratio = results[(endpoint, "rapidui")]["rps"] / results[(endpoint, "json-server")]["rps"]
        print(f"{endpoint}: rapidui / json-server throughput = {ratio:.2f}")


if __name__ == "__main__":
    main()

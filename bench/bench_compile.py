"""Benchmark the compiler on a large generated OpenAPI document.

Run from the repo root:  .venv/bin/python bench/bench_compile.py [--resources 150] [--runs 5]

Prints document sizes, bare YAML/JSON load times, compile_openapi() totals, a
per-pass breakdown (the passes called in the order compiler/pipeline.py runs
them) and the peak memory of one compile. Figures only; nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from compiler import compile_openapi  # noqa: E402
from compiler.pipeline import PASSES, Work  # noqa: E402

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

SCALARS = [
    {"type": "string", "maxLength": 120}, {"type": "string", "format": "email"}, {"type": "string", "format": "uri"},
    {"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}, {"type": "integer", "minimum": 0},
    {"type": "number", "maximum": 1000}, {"type": "boolean", "default": False}, {"type": "string", "format": "uuid"},
    {"type": "string", "maxLength": 2000}, {"type": ["string", "null"]},
]
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
         "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey"]


def _property(rng: random.Random, index: int) -> tuple[str, dict]:
    name = f"{rng.choice(WORDS)}{rng.choice(WORDS).title()}{index}"
    roll = rng.random()
    if roll < 0.12:
        return name, {"type": "string", "enum": rng.sample(WORDS, 4), "description": f"Choice {index}."}
    if roll < 0.20:
        return name, {"type": "object", "description": "A nested group.", "required": ["street"], "properties": {
            "street": {"type": "string"}, "city": {"type": "string"}, "zip": {"type": "string", "maxLength": 10},
            "geo": {"type": "object", "properties": {"lat": {"type": "number"}, "lng": {"type": "number"}}}}}
    if roll < 0.26:
        return name, {"type": "array", "items": {"type": "object", "properties": {
            "label": {"type": "string"}, "qty": {"type": "integer"}}}}
    if roll < 0.30:
        return name, {"type": "array", "items": {"type": "string", "maxLength": 30}}
    return name, {**rng.choice(SCALARS), "description": f"Property number {index} of this record."}


def generate(resources: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    paths: dict = {}
    schemas: dict = {"Error": {"type": "object", "required": ["message"],
                               "properties": {"message": {"type": "string"}}}}
    tags = []
    for number in range(resources):
        name = f"{rng.choice(WORDS)}-{number}s"
        schema_name = f"Record{number}"
        properties = {"id": {"type": "integer", "readOnly": True}, "name": {"type": "string", "maxLength": 100}}
        for index in range(rng.randint(15, 25)):
            key, value = _property(rng, index)
            properties[key] = value
        properties["createdAt"] = {"type": "string", "format": "date-time", "readOnly": True}
        properties["updatedAt"] = {"type": "string", "format": "date-time", "readOnly": True}
        schemas[schema_name] = {"title": f"Record {number}", "type": "object", "required": ["name"],
                                "properties": properties}
        ref = {"$ref": f"#/components/schemas/{schema_name}"}
        error = {"description": "Not found.", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Error"}}}}
        param = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
        tag = {"tags": [name]}
        tags.append({"name": name, "description": f"Resource {number}."})
        body = {"required": True, "content": {"application/json": {"schema": ref}}}
        one = {"description": "One record.", "content": {"application/json": {"schema": ref}}}
        paths[f"/api/v1/{name}"] = {
            "get": {**tag, "operationId": f"list{number}", "summary": "List records.",
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {"200": {"description": "Records.", "content": {"application/json": {
                        "schema": {"type": "array", "items": ref}}}}}},
            "post": {**tag, "operationId": f"create{number}", "requestBody": body, "responses": {"201": one}},
        }
        paths[f"/api/v1/{name}/{{id}}"] = {
            "parameters": [param],
            "get": {**tag, "operationId": f"get{number}", "responses": {"200": one, "404": error}},
            "put": {**tag, "operationId": f"replace{number}", "requestBody": body, "responses": {"200": one, "404": error}},
            "patch": {**tag, "operationId": f"update{number}", "requestBody": body, "responses": {"200": one, "404": error}},
            "delete": {**tag, "operationId": f"delete{number}", "responses": {"204": {"description": "Deleted."},
                                                                               "404": error}},
        }
    return {"openapi": "3.1.0", "info": {"title": "Benchmark API", "version": "1.0.0"}, "tags": tags,
            "paths": paths, "components": {"schemas": schemas}}


def timings(function, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), min(samples)


def per_pass(text: str, runs: int) -> dict[str, list[float]]:
    """Time each pass of ``compiler.pipeline.PASSES``, run in order as compile_openapi runs them."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        work = Work(text=text)
        for name, run in PASSES:
            started = time.perf_counter()
            run(work)
            samples.setdefault(name, []).append(time.perf_counter() - started)
    return samples


def report(label: str, text: str, runs: int, load) -> None:
    size = len(text.encode("utf-8"))
    print(f"\n== {label}: {size:,} bytes ({size / 1024 / 1024:.2f} MiB), {text.count(chr(10)):,} lines")
    median, best = timings(lambda: load(text), runs)
    print(f"  bare load                         median {median * 1000:8.1f} ms   min {best * 1000:8.1f} ms")
    result = compile_openapi(text)
    assert result.ok, result.errors_json()[:3]
    median, best = timings(lambda: compile_openapi(text), runs)
    print(f"  compile_openapi total             median {median * 1000:8.1f} ms   min {best * 1000:8.1f} ms")
    print("  per pass:")
    for name, samples in per_pass(text, runs).items():
        print(f"    {name:<42} median {statistics.median(samples) * 1000:8.1f} ms   min {min(samples) * 1000:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=150)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    document = generate(args.resources)
    yaml_text = yaml.dump(document, Dumper=Dumper, sort_keys=False, allow_unicode=True)
    json_text = json.dumps(document, indent=1)
    operations = sum(1 for item in document["paths"].values() for key in item if key != "parameters")
    print(f"Python {sys.version.split()[0]}, PyYAML {yaml.__version__} ({'C' if Loader is not yaml.SafeLoader else 'pure'} loader)")
    print(f"generated: {len(document['paths'])} paths, {operations} operations, {args.resources} resources, "
          f"{len(document['components']['schemas'])} schemas, {args.runs} runs each")
    result = compile_openapi(yaml_text)
    print(f"compiled: ok={result.ok}, {len(result.specs)} UISpecs, "
          f"{sum(len(spec['fields']) for spec in result.specs.values()):,} top-level fields, "
          f"output_json {len(result.output_json()):,} bytes")

    report("YAML", yaml_text, args.runs, lambda text: yaml.load(text, Loader=Loader))
    report("JSON", json_text, args.runs, json.loads)

    tracemalloc.start()
    compile_openapi(yaml_text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\npeak memory of one YAML compile (tracemalloc): {peak / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()

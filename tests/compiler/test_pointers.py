"""RFC 6901 pointers: escaping, splitting, following, and finding a pointer's source line."""
from __future__ import annotations

import json

import pytest

from compiler import line_of_pointer
from compiler.pointers import escape_segment, follow, pointer, split_pointer


@pytest.mark.parametrize(("segments", "expected"), [
    ([], ""),
    ([""], "/"),
    (["paths", "/users/{id}", "get"], "/paths/~1users~1{id}/get"),
    (["a~b"], "/a~0b"),
    (["~1"], "/~01"),
    (["/~"], "/~1~0"),
    (["items", 0, "x"], "/items/0/x"),
    (["application/json"], "/application~1json"),
])
def test_pointer_escapes_tilde_before_slash(segments, expected):
    assert pointer(segments) == expected


@pytest.mark.parametrize("segments", [["a/b", "c~d", "~01", "", "1"], ["paths", "/x/{y}", "~", "/"]])
def test_split_pointer_round_trips_pointer(segments):
    assert split_pointer(pointer(segments)) == segments


def test_split_decodes_tilde_one_before_tilde_zero():
    assert split_pointer("/~01") == ["~1"]
    assert escape_segment("~1") == "~01"


def test_split_rejects_a_pointer_without_leading_slash():
    with pytest.raises(ValueError):
        split_pointer("paths")


def test_follow_walks_mappings_and_lists_and_raises_key_error_when_missing():
    doc = {"a/b": [{"c~d": 1}]}
    assert follow(doc, split_pointer("/a~1b/0/c~0d")) == 1
    with pytest.raises(KeyError):
        follow(doc, ["a/b", "3"])
    with pytest.raises(KeyError):
        follow(doc, ["nope"])


YAML_TEXT = """\
openapi: 3.0.3
info:
  title: Lines
  version: "1"
paths:
  /users/{id}:
    get:
      tags:
        - users
        - admin
      responses:
        200:
          description: ok
  /a~b:
    get: {}
"""


@pytest.mark.parametrize(("json_pointer", "line"), [
    ("", 1),
    ("/openapi", 1),
    ("/info/version", 4),
    ("/paths/~1users~1{id}", 6),
    ("/paths/~1users~1{id}/get/tags", 8),
    ("/paths/~1users~1{id}/get/tags/1", 10),
    ("/paths/~1users~1{id}/get/responses/200", 12),
    ("/paths/~1a~0b/get", 15),
])
def test_line_of_pointer_in_yaml_is_the_line_of_the_key(json_pointer, line):
    assert line_of_pointer(YAML_TEXT, json_pointer) == line


def test_line_of_pointer_falls_back_to_the_deepest_existing_node():
    assert line_of_pointer(YAML_TEXT, "/paths/~1users~1{id}/get/requestBody") == 7
    assert line_of_pointer(YAML_TEXT, "/paths/~1users~1{id}/get/tags/9") == 8


def test_line_of_pointer_is_none_for_unreadable_text_or_a_bad_pointer():
    assert line_of_pointer("a: [", "/a") is None
    assert line_of_pointer(YAML_TEXT, "info") is None


PRETTY = json.dumps({"openapi": "3.1.0", "info": {"title": "J", "version": "1"},
                     "paths": {"/things/{id}": {"get": {"tags": ["a", "b"]}}}}, indent=2)


@pytest.mark.parametrize(("json_pointer", "key_text"), [
    ("/info/version", '"version": "1"'),
    ("/paths/~1things~1{id}", '"/things/{id}": {'),
    ("/paths/~1things~1{id}/get/tags", '"tags": ['),
    ("/paths/~1things~1{id}/get/tags/1", '"b"'),
])
def test_line_of_pointer_in_pretty_json_is_the_line_of_the_key(json_pointer, key_text):
    line = line_of_pointer(PRETTY, json_pointer)
    assert line is not None
    assert PRETTY.splitlines()[line - 1].strip().startswith(key_text)


def test_line_of_pointer_in_tab_indented_json():
    text = json.dumps({"openapi": "3.1.0", "info": {"title": "J", "version": "1"}}, indent="\t")
    assert line_of_pointer(text, "/info/version") == 5


def test_line_of_pointer_in_single_line_json_is_one():
    assert line_of_pointer('{"a": {"b": [1, 2]}}', "/a/b/1") == 1


def test_line_of_pointer_handles_json_escapes_in_keys():
    text = '{\n  "paths": {\n    "\\/users": {\n      "get": {}\n    }\n  }\n}'
    assert json.loads(text)["paths"]["/users"] == {"get": {}}
    assert line_of_pointer(text, "/paths/~1users/get") == 4

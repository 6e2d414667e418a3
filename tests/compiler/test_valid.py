"""Valid fixtures in tests/fixtures/valid/: grouping, types, labels, order, read-only, filters, PUT+PATCH."""
from __future__ import annotations

from tests.compiler.helpers import compile_fixture, field


def compiled(name):
    result = compile_fixture("valid", f"{name}.yaml")
    assert result.ok, result.errors_json()
    return result


# --- grouping ---------------------------------------------------------------

def test_tag_grouping_names_resources_by_tag_in_top_level_tag_order():
    result = compiled("tag_grouping")
    assert result.resource_names == ["Zoo Keepers", "animals"]
    assert result.resource_slugs == ["zoo-keepers", "animals"]
    keepers = result.specs["zoo-keepers"]
    assert (keepers["title"], keepers["entity"]) == ("Zoo Keepers", "Zoo Keeper")
    assert keepers["operations"] == {"create": {"method": "POST", "path": "/staff"},
                                     "list": {"method": "GET", "path": "/staff"}}


def test_tag_grouping_reads_records_from_a_list_envelope():
    keepers = compiled("tag_grouping").specs["zoo-keepers"]
    assert [f["name"] for f in keepers["fields"]] == ["id", "fullName"]


def test_tag_grouping_uses_the_path_parameter_as_id_field():
    animals = compiled("tag_grouping").specs["animals"]
    assert animals["idField"] == "animalId"
    assert field(animals, "animalId")["readOnly"] is True
    assert field(animals, "animalId")["label"] == "Animal ID"


def test_path_grouping_strips_api_and_version_prefixes():
    result = compiled("path_grouping")
    assert result.resource_slugs == ["customers", "line-items", "orders"]
    assert result.resource_names == ["Customers", "Line items", "Orders"]
    customers = result.specs["customers"]
    assert customers["operations"] == {"detail": {"method": "GET", "path": "/v2/customers/{id}"},
                                       "list": {"method": "GET", "path": "/api/customers"}}
    orders = result.specs["orders"]
    assert set(orders["operations"]) == {"list", "detail", "create", "delete"}
    assert orders["idField"] == "orderId"


def test_vendor_json_media_type_is_read_as_json():
    customers = compiled("path_grouping").specs["customers"]
    assert [f["name"] for f in customers["fields"]] == ["id", "name"]


# --- the one big resource ------------------------------------------------------

def person():
    return compiled("fields").specs["people"]


def test_every_format_maps_to_its_field_type():
    spec = person()
    types = {f["name"]: f["type"] for f in spec["fields"]}
    assert types == {
        "id": "uuid", "firstName": "string", "lastName": "string", "email": "email", "status": "enum",
        "age": "integer", "avatarUrl": "url", "bio": "text", "birthday": "date", "essay": "text",
        "height": "number", "homepage": "url", "lastLogin": "datetime", "motto": "string", "nickname": "string",
        "password": "string", "tier": "enum", "userId": "integer", "verified": "boolean", "zipCode": "string",
        "addresses": "array", "employer": "object", "tags": "array", "createdAt": "datetime", "updatedAt": "datetime"}


def test_field_order_follows_the_rules_not_the_document():
    assert [f["name"] for f in person()["fields"]] == [
        "id",                                   # id first
        "firstName", "lastName",                # name-like, in NAME_LIKE order
        "email", "status",                      # remaining required, in `required` order
        "age", "avatarUrl", "bio", "birthday", "essay", "height", "homepage", "lastLogin", "motto",
        "nickname", "password", "tier", "userId", "verified", "zipCode",  # optional scalars A-Z
        "addresses", "employer", "tags",        # objects and arrays
        "createdAt", "updatedAt",               # timestamps last
    ]


def test_labels_follow_the_naming_rules():
    spec = person()
    assert field(spec, "firstName")["label"] == "First name"
    assert field(spec, "userId")["label"] == "User ID"
    assert field(spec, "zipCode")["label"] == "Zip code"
    assert field(spec, "createdAt")["label"] == "Created at"
    assert field(spec, "avatarUrl")["label"] == "Picture"  # schema title wins


def test_read_only_fields_are_flagged_by_flag_id_and_timestamp_names():
    read_only = [f["name"] for f in person()["fields"] if f["readOnly"]]
    assert read_only == ["id", "lastLogin", "createdAt", "updatedAt"]


def test_required_comes_from_the_request_schema():
    assert [f["name"] for f in person()["fields"] if f["required"]] == ["lastName", "email", "status"]


def test_request_only_property_is_write_only_and_kept_out_of_columns():
    spec = person()
    assert field(spec, "password")["writeOnly"] is True and field(spec, "password")["minLength"] == 8
    assert "password" not in [c["field"] for c in spec["table"]["columns"]]


def test_type_lists_and_null_make_nullable_fields():
    spec = person()
    assert field(spec, "nickname")["nullable"] is True and field(spec, "nickname")["type"] == "string"
    assert field(spec, "lastLogin")["nullable"] is True
    assert "nullable" not in field(spec, "email")


def test_openapi_30_nullable_flag():
    spec = compiled("nullable_30").specs["gadgets"]
    assert {f["name"]: f.get("nullable", False) for f in spec["fields"]} == {
        "id": False, "label": True, "color": True, "serial": False, "weight": True}
    assert field(spec, "serial")["readOnly"] is True


def test_nested_object_keeps_its_fields_in_rule_order():
    employer = field(person(), "employer")
    assert [(f["name"], f["type"]) for f in employer["fields"]] == [("name", "string"), ("country", "string")]
    assert employer["fields"][1]["pattern"] == "^[A-Z]{2}$"


def test_arrays_of_scalars_and_of_objects_keep_items():
    spec = person()
    assert field(spec, "tags")["items"] == {"name": "items", "label": "Items", "type": "string", "required": False,
                                            "readOnly": False, "maxLength": 20}
    addresses = field(spec, "addresses")["items"]
    assert addresses["type"] == "object"
    assert [(f["name"], f["required"]) for f in addresses["fields"]] == [("city", True), ("street", False)]


def test_enums_become_filters_with_options_and_booleans_become_filters():
    filters = person()["filters"]
    assert filters[:3] == [
        {"field": "status", "label": "Status", "type": "enum", "options": ["active", "suspended"]},
        {"field": "tier", "label": "Tier", "type": "enum", "options": ["gold", "silver"]},
        {"field": "verified", "label": "Verified", "type": "boolean"}]
    assert [f["field"] for f in filters[3:]] == ["firstName", "lastName", "email"]


def test_descriptions_are_trimmed_and_constraints_passed_through():
    spec = person()
    assert field(spec, "status")["description"] == "Whether the person may sign in."
    assert (field(spec, "height")["minimum"], field(spec, "height")["maximum"]) == (0.5, 2.5)
    assert field(spec, "verified")["default"] is False


def test_put_and_patch_both_update_and_the_spec_names_put():
    result = compiled("fields")
    ops = [(o["kind"], o["method"]) for o in result.api_ir["resources"][0]["operations"]]
    assert ("update", "PUT") in ops and ("update", "PATCH") in ops
    assert result.specs["people"]["operations"]["update"] == {"method": "PUT", "path": "/people/{id}"}


def test_table_columns_are_the_first_seven_readable_scalars():
    assert [c["field"] for c in person()["table"]["columns"]] == [
        "id", "firstName", "lastName", "email", "status", "age", "avatarUrl"]

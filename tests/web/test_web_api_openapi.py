"""GET /api/v1/openapi.json: a well-formed OpenAPI 3.1 document whose schemas describe what the API really answers.

openapi-spec-validator is not installed (and not worth a dependency): the structure is checked here, every
$ref is resolved, and real answers are validated against their schemas by a small JSON Schema subset validator.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient
from web_support import example_data

from hague.documents import KINDS

METHODS = {"get", "post", "put", "patch", "delete"}
TYPES: dict[str, Any] = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
                         "integer": int, "number": (int, float)}


@pytest.fixture
def spec(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data: dict[str, Any] = response.get_json()
    return data


def resolve(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    assert ref.startswith("#/"), ref
    node: Any = spec
    for part in ref[2:].split("/"):
        assert part in node, f"unresolved $ref {ref}"
        node = node[part]
    assert isinstance(node, dict)
    return node


def walk(node: Any) -> list[Any]:
    """Every dict and list inside a JSON value."""
    out = [node]
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    for child in children:
        out += walk(child)
    return out


def problems(spec: dict[str, Any], schema: dict[str, Any], value: Any, where: str = "$") -> list[str]:
    """Where `value` departs from `schema` ($ref, type, const, enum, properties, required, additionalProperties,
    items, anyOf, allOf: the keywords pydantic produces)."""
    if "$ref" in schema:
        return problems(spec, resolve(spec, schema["$ref"]), value, where)
    if "anyOf" in schema and all(problems(spec, s, value, where) for s in schema["anyOf"]):
        return [f"{where}: {value!r} matches none of anyOf"]
    found = [p for s in schema.get("allOf", []) for p in problems(spec, s, value, where)]
    kind = schema.get("type")
    if kind is not None:
        allowed = TYPES[kind]
        if not isinstance(value, allowed) or (kind in ("integer", "number") and isinstance(value, bool)):
            return [*found, f"{where}: {value!r} is not of type {kind}"]
    if "const" in schema and value != schema["const"]:
        found.append(f"{where}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        found += [f"{where}: {key} is required" for key in schema.get("required", []) if key not in value]
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                found += problems(spec, props[key], item, f"{where}.{key}")
            elif extra is False:
                found.append(f"{where}: {key} is not allowed")
            elif isinstance(extra, dict):
                found += problems(spec, extra, item, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += problems(spec, schema["items"], item, f"{where}[{i}]")
    return found


def response_schema(spec: dict[str, Any], path: str, method: str, status: int) -> dict[str, Any]:
    schema: dict[str, Any] = spec["paths"][path][method]["responses"][str(status)]["content"]["application/json"]["schema"]
    return schema


# --------------------------------------------------------------------------- structure


def test_openapi_document_structure(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1.")
    assert spec["info"]["title"] and spec["info"]["version"]
    assert set(spec["paths"]) == {"/api/v1/assess", "/api/v1/documents/{action}", "/api/v1/states", "/api/v1/openapi.json"}
    operations = [(path, method, op) for path, item in spec["paths"].items() for method, op in item.items()]
    assert {(p, m) for p, m, _ in operations} == {("/api/v1/assess", "post"), ("/api/v1/documents/{action}", "post"),
                                                  ("/api/v1/states", "get"), ("/api/v1/openapi.json", "get")}
    ids = [op["operationId"] for _, _, op in operations]
    assert len(ids) == len(set(ids))
    for path, method, op in operations:
        assert method in METHODS and op["summary"]
        assert op["responses"] and all(code.isdigit() for code in op["responses"])
        for code, answer in op["responses"].items():
            assert answer["description"], (path, code)
            assert answer["content"], (path, code)  # every answer says what it carries
        for parameter in op.get("parameters", []):
            assert parameter["in"] in ("query", "path") and "schema" in parameter
            if parameter["in"] == "path":
                assert parameter["required"] is True and "{" + parameter["name"] + "}" in path


def test_every_ref_resolves_and_no_local_defs_are_left(spec: dict[str, Any]) -> None:
    refs = [node["$ref"] for node in walk(spec) if isinstance(node, dict) and "$ref" in node]
    assert len(refs) > 50
    for ref in refs:
        assert ref.startswith("#/components/schemas/"), ref
        resolve(spec, ref)
    assert not any(isinstance(node, dict) and "$defs" in node for node in walk(spec))
    for name in ("Case", "Assessment", "Details", "FieldError", "StateRow", "StatesListing", "ApiError",
                 "UnknownDocument", "DocumentRequest"):
        assert name in spec["components"]["schemas"]


def test_endpoints_declare_their_bodies_and_errors(spec: dict[str, Any]) -> None:
    assess = spec["paths"]["/api/v1/assess"]["post"]
    assert assess["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Case"}
    assert response_schema(spec, "/api/v1/assess", "post", 200) == {"$ref": "#/components/schemas/Assessment"}
    assert {"400", "413", "415", "422"} <= set(assess["responses"])
    assert "today" in assess["description"]  # as_of missing: today, and the document says so
    docs = spec["paths"]["/api/v1/documents/{action}"]["post"]
    assert docs["parameters"][0]["schema"]["enum"] == list(KINDS)
    assert "application/pdf" in docs["responses"]["200"]["content"]
    assert {"404", "409", "413", "415", "422"} <= set(docs["responses"])
    request = resolve(spec, docs["requestBody"]["content"]["application/json"]["schema"]["$ref"])
    assert request["properties"]["case"]["$ref"] == "#/components/schemas/Case"
    assert {"$ref": "#/components/schemas/Details"} in request["properties"]["details"]["anyOf"]
    error = resolve(spec, "#/components/schemas/ApiError")
    assert error["properties"]["errors"]["items"] == {"$ref": "#/components/schemas/FieldError"}
    residence = resolve(spec, "#/components/schemas/Residence")
    assert "from" in residence["properties"] and "from_" not in residence["properties"]  # by alias


# --------------------------------------------------------------------------- the schemas describe the answers


def test_real_answers_match_their_schemas(client: FlaskClient, spec: dict[str, Any]) -> None:
    e2 = example_data("e2-abduction-timely-return-request.yaml")
    assert problems(spec, {"$ref": "#/components/schemas/Case"}, e2) == []
    answer = client.post("/api/v1/assess", data=json.dumps(e2), content_type="application/json").get_json()
    assert problems(spec, response_schema(spec, "/api/v1/assess", "post", 200), answer) == []
    states = client.get("/api/v1/states?as_of=2026-01-01&all=true").get_json()
    assert problems(spec, response_schema(spec, "/api/v1/states", "get", 200), states) == []
    invalid = client.post("/api/v1/assess", data=json.dumps({"child": {}}), content_type="application/json").get_json()
    assert problems(spec, response_schema(spec, "/api/v1/assess", "post", 422), invalid) == []
    unknown = client.post("/api/v1/documents/nope", data="{}", content_type="application/json").get_json()
    assert problems(spec, response_schema(spec, "/api/v1/documents/{action}", "post", 404), unknown) == []


def test_the_validator_catches_a_wrong_answer(spec: dict[str, Any]) -> None:
    schema = response_schema(spec, "/api/v1/states", "get", 200)
    wrong = {"as_of": "2026-01-01", "status_data_as_of": "2025-03-13", "states": [{"code": "NO", "in_force": "yes"}]}
    found = problems(spec, schema, wrong)
    assert any("in_force" in p for p in found) and any("name is required" in p for p in found)

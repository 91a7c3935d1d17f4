"""The OpenAPI 3.1 description of /api/v1, generated from the pydantic models the API runs on.

The schemas come from the models themselves (hague.case.Case, hague.engine.findings.Assessment,
hague.documents.Details, hague.states_view.StatesListing, hague.web.api_io), so the description
cannot drift from what the endpoints read and write.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from hague.case import Case
from hague.documents import KINDS, Details
from hague.documents.i18n import SUPPORTED
from hague.engine.findings import Assessment
from hague.states_view import StatesListing
from hague.web.api_io import ApiError, DocumentRequest, UnknownDocument

REF = "#/components/schemas/{model}"
MODELS: tuple[tuple[type[BaseModel], JsonSchemaMode], ...] = (
    (Case, "validation"), (Assessment, "serialization"), (Details, "validation"), (StatesListing, "serialization"),
    (ApiError, "serialization"), (UnknownDocument, "serialization"), (DocumentRequest, "validation"),
)


def ref(name: str) -> dict[str, str]:
    return {"$ref": REF.format(model=name)}


def schemas() -> dict[str, Any]:
    """components/schemas: every model and the models they use, with $refs into components."""
    _, top = models_json_schema(MODELS, by_alias=True, ref_template=REF)
    found: dict[str, Any] = copy.deepcopy(top["$defs"])
    request = found["DocumentRequest"]["properties"]
    # The envelope holds the case and the details as raw data (their errors are reported field by field):
    # describe them by their own schemas.
    request["case"] = {**ref("Case"), "description": request["case"]["description"]}
    request["details"] = {"anyOf": [ref("Details"), {"type": "null"}], "default": None,
                          "description": request["details"]["description"]}
    request["lang"] = {"anyOf": [{"type": "string", "enum": list(SUPPORTED)}, {"type": "null"}], "default": None,
                       "description": request["lang"]["description"]}
    found["Case"]["description"] = (
        "A child's situation (format hague-case/1; see formats.md). Every date is YYYY-MM-DD; a fact not known may be "
        "left out, null, or the word \"unknown\". States are ISO 3166-1 alpha-2 codes (\"NO\" is Norway), optionally "
        "with an ISO 3166-2 unit (\"GB-SCT\"). measure.type is a key of the measures catalogue (/reference/measures).")
    return found


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    """The error responses an operation can give, all in the ApiError shape."""
    said = {
        400: "the body is not JSON (malformed, empty, not UTF-8), or a query parameter is not valid",
        404: "not found",
        409: "the case is valid but the assessment does not open this document for it, or Art. 37 blocks it "
             "(no assessment recorded, or a risk found): `detail` says which, and which facts would open it",
        413: "the body is larger than the server accepts (MAX_CONTENT_LENGTH, 1 MB by default)",
        415: "the body is not sent as application/json",
        422: "the input is not valid: `errors` lists every problem with its field path, the value given and what is allowed",
        500: "an unexpected error; it is logged without the case facts",
    }
    return {str(code): _json(ref("ApiError"), said[code]) for code in codes}


AS_OF = {"name": "as_of", "in": "query", "required": False, "schema": {"type": "string", "format": "date"}}


def paths() -> dict[str, Any]:
    assess = {
        "post": {
            "operationId": "assess", "summary": "Assess a case",
            "description": "A case (hague-case/1) in, its assessment (hague-assessment/1) out: who may act, under which "
                           "Article, the applicable law, recognition, co-operation, missing facts, flags and a trace. "
                           "The date the assessment speaks for is the query parameter `as_of` if given, else the case's "
                           "`as_of`, else today (the server's date); the answer's `as_of` says which.",
            "parameters": [{**AS_OF, "description": "assess as on this date (YYYY-MM-DD), overriding the case's as_of"}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": ref("Case")}}},
            "responses": {"200": _json(ref("Assessment"), "the assessment"), **_errors(400, 413, 415, 422, 500)},
        },
    }
    documents = {
        "post": {
            "operationId": "draftDocument", "summary": "Draft a co-operation document as PDF",
            "description": "Assesses the case and drafts the document for `action` as a PDF, addressed from the rules "
                           "data and in the language Art. 54 calls for. Without the case's `as_of`, today. Errors in the "
                           "case have the case's own paths (as from /assess); errors in the details start with `details.`; "
                           "errors in the other fields of the body have their names.",
            "parameters": [{"name": "action", "in": "path", "required": True, "description": "the document to draft",
                            "schema": {"type": "string", "enum": list(KINDS)}}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": ref("DocumentRequest")}}},
            "responses": {
                "200": {"description": "the document", "headers": {"Content-Disposition": {
                    "description": "attachment; filename=\"{action}.pdf\"", "schema": {"type": "string"}}},
                    "content": {"application/pdf": {"schema": {"type": "string", "contentMediaType": "application/pdf"}}}},
                **_errors(400, 409, 413, 415, 422, 500),
                "404": _json(ref("UnknownDocument"), "not a document hague drafts; `documents` lists those it does"),
            },
        },
    }
    states = {
        "get": {
            "operationId": "listStates", "summary": "States and the Convention on a date",
            "description": "The rows of `hague states --json`: by default the States bound on the date or whose status "
                           "is not confirmed; with all=true every State of the rules data. `status_data_as_of` is the "
                           "date the status data is current to: later accessions are not known.",
            "parameters": [{**AS_OF, "description": "the date (YYYY-MM-DD); default: today"},
                           {"name": "all", "in": "query", "required": False, "description": "also the States not bound",
                            "schema": {"type": "boolean", "default": False}}],
            "responses": {"200": _json(ref("StatesListing"), "the States"), **_errors(400, 500)},
        },
    }
    description = {
        "get": {
            "operationId": "openapi", "summary": "This description",
            "responses": {"200": _json({"type": "object"}, "the OpenAPI 3.1 description of /api/v1")},
        },
    }
    return {"/api/v1/assess": assess, "/api/v1/documents/{action}": documents, "/api/v1/states": states,
            "/api/v1/openapi.json": description}


@cache
def spec() -> dict[str, Any]:
    """The whole OpenAPI document (built once per process: it depends only on the code)."""
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {"title": "hague API", "version": "1",
                 "description": "Jurisdiction, applicable law, recognition and co-operation under the 1996 Hague Child "
                                "Protection Convention. Findings for an authority to weigh, never decisions. These "
                                "endpoints keep nothing that is sent to them."},
        "paths": paths(),
        "components": {"schemas": schemas()},
    }

"""One shape for every refusal of the JSON API: `{"detail": "one sentence", "field": name|null}`,
and an OpenAPI document that lists every status code an operation can answer.

`install(api)` replaces django-ninja's default handlers (which answer a list of pydantic errors
for a 422, "Not Found" for a 404 and an HTML page for a PermissionDenied) with ones that say
what went wrong in one plain sentence and name the field when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

ERROR_SCHEMA = "Error"
UNSAFE_METHODS = {"post", "put", "patch", "delete"}
NO_KEY = (
    "Send your API key as `Authorization: Bearer <key>` (from `hedgerow token add NAME` or "
    "Settings), or sign in."
)
NO_CSRF = "A signed-in browser must send its CSRF token (the X-CSRFToken header) with a change."


class ErrorOut(Schema):
    detail: str  # one plain sentence
    field: str | None  # the parameter or body field it is about, when there is one


class FieldError(HttpError):
    """An HttpError about one named field."""

    def __init__(self, status_code: int, message: str, *, field: str | None) -> None:
        super().__init__(status_code, message)
        self.field = field


# What each status means, as the OpenAPI document describes it.
DESCRIPTIONS = {
    400: "The body is not JSON.",
    401: "No API key, an unknown or revoked one, and no signed-in session.",
    403: "Not yours to do (or a signed-in browser's change without its CSRF token).",
    404: "Nothing of yours has that id.",
    409: "It cannot be done in the state it is in now.",
    422: "A parameter or body field is missing, of the wrong type or out of range.",
    429: "Too many requests: wait the seconds the Retry-After header says.",
}


def sentence(text: str) -> str:
    text = " ".join(str(text).split()) or "The request was refused."
    return text if text[-1] in ".!?" else f"{text}."


def error_response(
    api: NinjaAPI, request: HttpRequest, status: int, detail: str, field: str | None = None
) -> HttpResponse:
    return api.create_response(request, {"detail": sentence(detail), "field": field}, status=status)


# --- validation errors ----------------------------------------------------------------------------


def field_of(loc: Iterable[Any]) -> str | None:
    """("query", "offset") -> "offset"; ("body", "payload", "at_ages", 0, "age") ->
    "at_ages.0.age"; the body as a whole -> None."""
    parts = [str(part) for part in list(loc)[1:]]
    if parts and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts) or None


def plain(error: dict[str, Any]) -> str:
    """A pydantic error as one sentence a person reads."""
    field = field_of(error.get("loc", ())) or "The body"
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    known = {
        "missing": f"{field} is required.",
        "int_parsing": f"{field} must be a whole number.",
        "int_type": f"{field} must be a whole number.",
        "int_from_float": f"{field} must be a whole number.",
        "float_parsing": f"{field} must be a number.",
        "float_type": f"{field} must be a number.",
        "bool_parsing": f"{field} must be true or false.",
        "bool_type": f"{field} must be true or false.",
        "string_type": f"{field} must be text.",
        "date_parsing": f"{field} must be a date like 2026-12-07.",
        "date_from_datetime_parsing": f"{field} must be a date like 2026-12-07.",
        "date_type": f"{field} must be a date like 2026-12-07.",
        "dict_type": f"{field} must be a JSON object.",
        "model_type": f"{field} must be a JSON object.",
        "model_attributes_type": f"{field} must be a JSON object.",
        "list_type": f"{field} must be a list.",
        "greater_than_equal": f"{field} must be at least {ctx.get('ge')}.",
        "greater_than": f"{field} must be more than {ctx.get('gt')}.",
        "less_than_equal": f"{field} must be at most {ctx.get('le')}.",
        "less_than": f"{field} must be less than {ctx.get('lt')}.",
        "string_too_long": f"{field} must be at most {ctx.get('max_length')} characters.",
        "string_pattern_mismatch": f"{field} must have more than spaces in it.",
        "literal_error": f"{field} must be {ctx.get('expected')}.",
        "enum": f"{field} must be {ctx.get('expected')}.",
    }
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        return (
            f"{field} can't be empty."
            if least == 1
            else f"{field} must be at least {least} characters."
        )
    if kind == "json_invalid":
        return "The body is not valid JSON."
    return known.get(kind) or sentence(f"{field}: {error.get('msg', 'is not valid')}")


# --- handlers -------------------------------------------------------------------------------------


def install(api: NinjaAPI) -> None:
    # ninja types a handler's exception as `E | type[E]`; each receives the instance.
    def validation(request: HttpRequest, exc: Any) -> HttpResponse:
        first = exc.errors[0] if exc.errors else {}
        return error_response(api, request, 422, plain(first), field_of(first.get("loc", ())))

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        if isinstance(exc, AuthenticationError):
            return error_response(api, request, 401, NO_KEY)
        detail = str(exc)
        if exc.status_code == 403 and detail == "CSRF check Failed":
            detail = NO_CSRF
        if exc.status_code == 400 and detail == "Cannot parse request body":
            detail = "The body is not valid JSON."
        response = error_response(
            api, request, exc.status_code, detail, getattr(exc, "field", None)
        )
        if isinstance(exc, Throttled) and exc.wait:
            response["Retry-After"] = str(int(exc.wait) + 1)
        return response

    def not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        # get_object_or_404 says "No Contact matches the given query."
        match = re.match(r"No (\w+) matches", str(exc))
        what = re.sub(r"(?<!^)([A-Z])", r" \1", match.group(1)).lower() if match else ""
        detail = f"You have no {what} with that id." if what else str(exc) or "Not found."
        return error_response(api, request, 404, detail)

    def forbidden(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(api, request, 403, str(exc) or "That is not yours to do.")

    api.add_exception_handler(ValidationError, validation)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(PermissionDenied, forbidden)


# --- the OpenAPI document -------------------------------------------------------------------------


def statuses_of(method: str, operation: dict[str, Any], *, throttled: bool) -> set[int]:
    """The refusals an operation can answer, from what it takes: every operation needs a key
    (401); anything with parameters or a body can be invalid (422); a body can be unparseable
    (400); an id in the path can name nothing of yours (404); a change from a signed-in browser
    needs its CSRF token (403). Other refusals (403, 404, 409) are declared by the operation."""
    statuses = {401}
    parameters = operation.get("parameters") or []
    if parameters or "requestBody" in operation:
        statuses.add(422)
    if "requestBody" in operation:
        statuses.add(400)
    if any(p.get("in") == "path" for p in parameters):
        statuses.add(404)
    if method in UNSAFE_METHODS:
        statuses.add(403)
    if throttled:
        statuses.add(429)
    return statuses


def document_errors(schema: dict[str, Any], *, throttled: bool = False) -> dict[str, Any]:
    """Add every refusal to every operation of the document, all in the Error shape."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components[ERROR_SCHEMA] = ErrorOut.model_json_schema()
    ref = {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for status in statuses_of(method, operation, throttled=throttled):
                responses.setdefault(status, {"description": DESCRIPTIONS[status]})
            for status, response in responses.items():
                if int(status) >= 400:
                    response["content"] = {"application/json": {"schema": ref}}
                    response.setdefault("description", DESCRIPTIONS.get(int(status), "Refused."))
                    if int(status) == 429:
                        response["headers"] = {
                            "Retry-After": {
                                "description": "Seconds to wait.",
                                "schema": {"type": "integer"},
                            }
                        }
    return schema

"""One shape for every refusal of the JSON API: `{"detail": "one sentence", "field": name|null}`,
and an OpenAPI document that lists every status code an operation can answer.

`install(api)` replaces django-ninja's default handlers (which answer a list of pydantic errors
for a 422, "Not Found" for a 404 and an HTML page for a PermissionDenied) with ones that say
what went wrong in one plain sentence and name the field when there is one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.parser import Parser

from hedgerow.lib.errors import Conflict, InvalidInput

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


class BodyRefused(ValueError):
    """A body the API cannot take, whatever the operation: ninja answers 400 with this cause."""


class ObjectParser(Parser):
    """Every body of this API is a JSON object of text that a database can keep: a list or a
    number is not one (ninja's schemas would otherwise read any value as "all defaults"), and
    NUL characters or lone surrogates are refused before they reach PostgreSQL."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            raise BodyRefused("The body is not valid JSON.") from None
        if not isinstance(data, dict):  # `null` too: an optional body is left out instead
            raise BodyRefused("The body must be a JSON object.")
        for text in strings_in(data):
            if "\x00" in text:
                raise BodyRefused("Text can't contain a NUL character (\\u0000).")
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise BodyRefused("Text must be valid Unicode (no lone surrogates).") from None
        return data


def strings_in(value: Any) -> Iterator[str]:
    """Every key and string in a parsed JSON value."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class FieldError(HttpError):
    """An HttpError about one named field."""

    def __init__(self, status_code: int, message: str, *, field: str | None) -> None:
        super().__init__(status_code, message)
        self.field = field


# What each status means, as the OpenAPI document describes it.
DESCRIPTIONS = {
    400: "The body is not a JSON object of valid text.",
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
        "string_pattern_mismatch": (
            f"{field} is empty; a few words are enough."
            if ctx.get("pattern") == r"\S"
            else f"{field} does not have the form the document gives."
        ),
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
    if kind == "value_error":  # our own validators (api_fields.iso_day) say it after the field
        reason = str(ctx.get("error", "")) or str(error.get("msg", "is not valid"))
        return sentence(f"{field} {reason.removeprefix('Value error, ')}")
    if kind == "json_invalid":
        return "The body is not valid JSON."
    return known.get(kind) or sentence(f"{field}: {error.get('msg', 'is not valid')}")


# --- handlers -------------------------------------------------------------------------------------


def install(api: NinjaAPI) -> None:
    # ninja types a handler's exception as `E | type[E]`; each receives the instance.
    def validation(request: HttpRequest, exc: Any) -> HttpResponse:
        first = exc.errors[0] if exc.errors else {}
        if any(tuple(error.get("loc", ()))[:1] == ("path",) for error in exc.errors):
            # /contacts/abc names no contact of yours, as /contacts/999999 does not.
            return error_response(api, request, 404, "There is nothing of yours at that address.")
        return error_response(api, request, 422, plain(first), field_of(first.get("loc", ())))

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        if isinstance(exc, AuthenticationError):
            return error_response(api, request, 401, NO_KEY)
        detail = str(exc)
        if exc.status_code == 403 and detail == "CSRF check Failed":
            detail = NO_CSRF
        if exc.status_code == 400 and isinstance(exc.__cause__, BodyRefused):
            detail = str(exc.__cause__)
        elif exc.status_code == 400 and detail.startswith("Cannot parse request body"):
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


def body_fields(operation: dict[str, Any], components: dict[str, Any]) -> set[str]:
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema", {})
    if "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    return set(schema.get("properties", {}))


def statuses_of(
    method: str, operation: dict[str, Any], components: dict[str, Any], *, throttled: bool
) -> set[int]:
    """The refusals an operation can answer, from what it takes: every operation needs a key
    (401); anything with parameters or a body can be invalid (422); a body can be unparseable
    (400); an id in the path, or an `…_id` in the query or the body, can name nothing of yours
    (404); a change can conflict with the state things are in (409, lib.errors.Conflict) and
    from a signed-in browser needs its CSRF token (403). Other refusals are declared by the
    operation itself (a goal that is not there yet: 404; a lead's action: 403)."""
    statuses = {401}
    parameters = operation.get("parameters") or []
    if parameters or "requestBody" in operation:
        statuses.add(422)
    if "requestBody" in operation:
        statuses.add(400)
    names = {p.get("name", "") for p in parameters if p.get("in") != "path"}
    names |= body_fields(operation, components)
    if any(p.get("in") == "path" for p in parameters) or any(n.endswith("_id") for n in names):
        statuses.add(404)
    if method in UNSAFE_METHODS:
        statuses |= {403, 409}
    if throttled:
        statuses.add(429)
    return statuses


def drop_null(parameter: dict[str, Any]) -> None:
    """A query string cannot say null: an optional parameter is left out instead, so its schema
    is the value's alone (`date | None` documents a date)."""
    schema = parameter.get("schema", {})
    branches = [b for b in schema.get("anyOf", []) if b.get("type") != "null"]
    if parameter.get("in") == "query" and len(branches) == 1 and len(schema["anyOf"]) == 2:
        del schema["anyOf"]
        schema.update(branches[0])


def optional_body(operation: dict[str, Any]) -> None:
    """ninja documents an optional body (`payload: X | None = None`) as "X or null"; what the
    API takes is X or no body at all, so the document says that."""
    body = operation.get("requestBody", {})
    schema = body.get("content", {}).get("application/json", {}).get("schema", {})
    branches = [b for b in schema.get("anyOf", []) if b.get("type") != "null"]
    if len(branches) == 1 and len(schema["anyOf"]) == 2:
        body["content"]["application/json"]["schema"] = branches[0]
        body["required"] = False


def document_errors(schema: dict[str, Any], *, throttled: bool = False) -> dict[str, Any]:
    """Add every refusal to every operation of the document, all in the Error shape."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components[ERROR_SCHEMA] = ErrorOut.model_json_schema()
    ref = {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for parameter in operation.get("parameters") or []:
                drop_null(parameter)
            optional_body(operation)
            responses = operation["responses"]
            for status in statuses_of(method, operation, components, throttled=throttled):
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


def refusal(error: InvalidInput) -> HttpError:
    """A service's refusal as the API answers it: 409 for a Conflict, 422 for other input."""
    return HttpError(409 if isinstance(error, Conflict) else 422, str(error))

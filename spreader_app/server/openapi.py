"""The OpenAPI 3.1 document served at ``/api/v1/openapi.json``: every endpoint, its
parameters, request body and the answers it can give (errors share one ``Error`` shape)."""

from __future__ import annotations

import copy
import functools
from typing import Any, Final

from spreader_app import __version__
from spreader_app.core.models import DeliveryStatus, MessageMode, MessageStatus
from spreader_app.server.openapi_pool import POOL_COMPONENTS
from spreader_app.server.openapi_schemas import COMPONENTS, TIME, S, enum, ref, whole
from spreader_app.server.openapi_templates import (
    TEMPLATE_COMPONENTS,
    TEMPLATE_OPS,
    TEMPLATE_SUMMARY,
)
from spreader_app.server.params import MAX_DELIVERIES_PAGE, MAX_MESSAGES_PAGE

_WHY: Final = {
    400: "The body is not valid JSON (the message says where it broke).",
    401: "The API key is missing or wrong.",
    403: "A web page on another origin, or a non-local Host, while bound to loopback.",
    404: "Unknown id (package, profile, message) or route.",
    409: "The package is not active, no profile can send, or the message already finished.",
    413: "The body is larger than the endpoint's limit (1 MiB; 16 MiB for Open Chat).",
    415: "The body is not sent as JSON.",
    422: "Invalid fields; details list each one as {field, message}.",
    429: "Too many requests with this key; wait Retry-After seconds.",
    503: "The database (or the token vault) is unavailable; the message says how to fix it.",
}
_AUTH: Final = (401, 403, 429, 503)
_BODY: Final = (400, 413, 415, 422)
_PATH_PARAMS: Final = {
    "id": "package id",
    "pid": "profile id",
    "mid": "message id",
    "tid": "template id",
    "phone": "the customer's number",
    "secret": "the webhook secret shown in Settings",
}
P: Final = "/api/v1/packages/{id}"
PP: Final = P + "/profiles/{pid}"
M: Final = P + "/messages/{mid}"
V: Final = "/api/v1/validate-numbers"
HOOK: Final = "/webhooks/zentra/{secret}"
# method, path, operationId, success status, answer schema, body schema, extra errors
_OPS: Final[tuple[tuple[str, str, str, int, str | None, str | None, tuple[int, ...]], ...]] = (
    ("get", "/api/v1/packages", "listPackages", 200, "PackageList", None, ()),
    ("post", "/api/v1/packages", "createPackage", 201, "Package", "PackageCreate", ()),
    ("get", P, "getPackage", 200, "PackageDetail", None, ()),
    ("put", P, "updatePackage", 200, "Package", "PackageUpdate", ()),
    ("delete", P, "deletePackage", 204, None, None, ()),
    ("get", P + "/stats", "packageStats", 200, "Stats", None, ()),
    ("get", P + "/profiles", "listProfiles", 200, "ProfileList", None, ()),
    ("post", P + "/profiles", "createProfile", 201, "Profile", "ProfileCreate", (409,)),
    ("get", PP, "getProfile", 200, "Profile", None, ()),
    ("put", PP, "updateProfile", 200, "Profile", "ProfileUpdate", (409,)),
    ("delete", PP, "deleteProfile", 204, None, None, ()),
    ("get", PP + "/health", "profileHealth", 200, "ProfileHealth", None, ()),
    ("patch", PP + "/status", "setProfileStatus", 200, "Profile", "ProfileStatusChange", ()),
    ("post", P + "/messages/open", "sendOpen", 202, "OpenResponse", "OpenRequest", (409,)),
    ("post", P + "/messages/reply", "sendReply", 200, "ReplyResponse", "ReplyRequest", (409,)),
    ("get", P + "/messages", "listMessages", 200, "MessageList", None, (422,)),
    ("get", M, "getMessage", 200, "MessageDetail", None, (422,)),
    ("post", M + "/cancel", "cancelMessage", 200, "Message", None, (409,)),
    ("post", M + "/pause", "pauseMessage", 200, "Message", None, (409,)),
    ("post", M + "/resume", "resumeMessage", 200, "Message", None, (409,)),
    ("post", V, "validateNumbers", 200, "ValidateResponse", "ValidateRequest", (404, 409)),
    ("get", P + "/conversations", "listConversations", 200, "ConversationList", None, ()),
    ("get", P + "/conversations/{phone}", "getConversation", 200, "Conversation", None, ()),
    ("get", P + "/suppressions", "listSuppressions", 200, "SuppressionList", None, ()),
    ("post", P + "/suppressions", "addSuppression", 201, "SuppressionAdded", "SuppressionAdd", ()),
    ("delete", P + "/suppressions", "removeSuppression", 204, None, None, (422,)),
    ("post", P + "/pool/resume", "resumePool", 200, "Pool", "PoolResume", (409,)),
    ("post", P + "/held/release", "releaseHeld", 200, "HeldReleased", None, ()),
    ("post", P + "/held/cancel", "cancelHeld", 200, "HeldCancelled", None, ()),
    ("get", P + "/events", "poolEvents", 200, "PoolEventList", None, (422,)),
)
_SUMMARY: Final = {
    "listPackages": "List packages",
    "createPackage": "Create a package",
    "getPackage": "A package with its profiles and their live limits",
    "updatePackage": "Change package settings",
    "deletePackage": "Delete a package and everything it holds",
    "packageStats": "Live limits per profile and today's totals per mode",
    "listProfiles": "Profiles with their live limits",
    "createProfile": "Add a profile (one Zentra device)",
    "getProfile": "One profile with its live limits",
    "updateProfile": "Change a profile",
    "deleteProfile": "Remove a profile",
    "profileHealth": "Health score, recent success rate and device status",
    "setProfileStatus": "Set a profile active or inactive",
    "sendOpen": "Queue an Open Chat message (rate-limited, spread across profiles)",
    "sendReply": "Send a Reply Chat message now, through the customer's profile",
    "listMessages": "Messages of a package, newest first",
    "getMessage": "A message's progress and its deliveries",
    "cancelMessage": "Cancel what is not sent yet",
    "pauseMessage": "Pause an Open Chat message",
    "resumeMessage": "Resume a paused message",
    "validateNumbers": "Check phone numbers (and, optionally, whether they use WhatsApp)",
    "listConversations": "Customers who wrote to the package",
    "getConversation": "One customer's thread, oldest first",
    "listSuppressions": "Numbers never messaged again",
    "addSuppression": "Suppress a number; its queued sends end skipped",
    "removeSuppression": "Lift a suppression",
    "resumePool": "Resume the package's paused Open Chat, with a note saying why",
    "releaseHeld": "Send the held recipients on through the profiles that can send",
    "cancelHeld": "Cancel the held recipients",
    "poolEvents": "Blocks, breaker trips, pauses, resumes and releases, oldest first",
}


def _query(name: str, schema: S, why: str) -> S:
    return {"name": name, "in": "query", "required": False, "description": why, "schema": schema}


_QUERY: Final = {
    "listMessages": [
        _query("status", enum(MessageStatus), "only messages in this status"),
        _query("mode", enum(MessageMode), "open or reply"),
        _query("since", TIME, "created at or after (ISO 8601 with offset)"),
        _query("until", TIME, "created at or before (ISO 8601 with offset)"),
        _query("limit", whole(1, MAX_MESSAGES_PAGE), "page size (default 50)"),
        _query("offset", whole(0, 10**9), "items to skip"),
    ],
    "getMessage": [
        _query("status", enum(DeliveryStatus), "only deliveries in this status"),
        _query("limit", whole(1, MAX_DELIVERIES_PAGE), "page size (default 100)"),
        _query("offset", whole(0, 10**9), "items to skip"),
        _query(
            "explain",
            {"type": "string", "enum": ["0", "1", "true", "false"]},
            "1: give each delivery its full decision record",
        ),
    ],
    "poolEvents": [_query("since", TIME, "at or after (ISO 8601 with offset)")],
    "removeSuppression": [
        {
            **_query("phone", {"type": "string", "minLength": 1, "maxLength": 64}, "the number"),
            "required": True,
        }
    ],
}


def _path_params(path: str) -> list[S]:
    return [
        {
            "name": name,
            "in": "path",
            "required": True,
            "description": why,
            "schema": {"type": "string", "minLength": 1},
        }
        for name, why in _PATH_PARAMS.items()
        if f"{{{name}}}" in path
    ]


def _error(status: int) -> S:
    out: S = {
        "description": _WHY[status],
        "content": {"application/json": {"schema": ref("Error")}},
    }
    if status == 429:
        out["headers"] = {"Retry-After": {"schema": {"type": "integer"}, "required": True}}
    return out


def _json(schema: S) -> S:
    return {"application/json": {"schema": schema}}


def op(
    op_id: str,
    summary: str,
    *,
    path: str,
    ok: int = 200,
    answer: str | None = None,
    body: str | None = None,
    errors: tuple[int, ...] = (),
    public: bool = False,
) -> S:
    """One operation: its parameters, body, success answer and every error it can give."""
    params = _path_params(path) + _QUERY.get(op_id, [])
    codes = set(errors) | (set() if public else set(_AUTH)) | (set(_BODY) if body else set())
    if any(p["in"] == "path" for p in params):
        codes.add(404)
    success: S = {"description": "Success"}
    if answer is not None:
        success["content"] = _json(ref(answer))
    out: S = {
        "operationId": op_id,
        "summary": summary,
        "responses": {str(ok): success} | {str(c): _error(c) for c in sorted(codes)},
    }
    if params:
        out["parameters"] = params
    if body is not None:
        out["requestBody"] = {"required": True, "content": _json(ref(body))}
    if public:
        out["security"] = []
    return out


def _paths() -> S:
    paths: S = {}
    summaries = _SUMMARY | TEMPLATE_SUMMARY
    for method, path, op_id, ok, answer, body, errors in _OPS + TEMPLATE_OPS:
        paths.setdefault(path, {})[method] = op(
            op_id, summaries[op_id], path=path, ok=ok, answer=answer, body=body, errors=errors
        )
    paths["/health"] = {
        "get": op(
            "health",
            "Liveness and the database",
            path="/health",
            answer="Health",
            errors=(403, 503),
            public=True,
        )
    }
    paths["/api/v1/openapi.json"] = {
        "get": {
            "operationId": "openapi",
            "summary": "This document",
            "security": [],
            "responses": {
                "200": {"description": "The document", "content": _json({"type": "object"})},
                "403": _error(403),
            },
        }
    }
    receive = op(
        "receiveWebhook",
        "Inbound messages from the gateway, stored raw before anything else",
        path=HOOK,
        answer="WebhookReceipt",
        errors=(413, 503),
        public=True,
    )
    receive["requestBody"] = {
        "required": False,
        "content": _json({})
        | {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}},
    }
    paths[HOOK] = {
        "post": receive,
        "get": op(
            "checkWebhook", "URL check by the gateway", path=HOOK, answer="Status", public=True
        ),
    }
    return paths


@functools.cache
def _document() -> S:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Spreader local API",
            "version": __version__,
            "description": "Spread WhatsApp messages across several Zentra devices: rate-limited "
            "Open Chat campaigns and immediate, sticky Reply Chat. Every endpoint except "
            "/health, this document and the webhook needs the API key.",
        },
        "paths": _paths(),
        "components": {
            "schemas": COMPONENTS | POOL_COMPONENTS | TEMPLATE_COMPONENTS,
            "securitySchemes": {
                "ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
                "Bearer": {"type": "http", "scheme": "bearer"},
            },
        },
        "security": [{"ApiKey": []}, {"Bearer": []}],
    }


def openapi_document() -> dict[str, Any]:
    """A fresh copy of the document (callers may change theirs freely)."""
    return copy.deepcopy(_document())

"""OpenAPI shapes of the pool breaker (``routes_pool``), kept apart from the other
components so each module stays findable; ``openapi.py`` merges them in."""

from __future__ import annotations

from typing import Final

from spreader_app.core.pool import PoolEventType, PoolState
from spreader_app.server.openapi_schemas import INT, STR, TIME, S, enum, null, obj, ref, text

_POOL: Final[S] = {
    "state": enum(PoolState),
    "factor": {
        "type": "number",
        "enum": [0.5, 0.75, 1.0],
        "description": "every profile's caps and pace are scaled by it",
    },
    "since": null(TIME),
    "until": null(TIME),
    "reason": STR,
}
_POOL_REQUIRED = ("state", "factor", "since", "until", "reason")


def _array_of(item: S) -> S:
    return {"type": "array", "items": item}


POOL_COMPONENTS: Final[S] = {
    "Pool": obj(_POOL, _POOL_REQUIRED),
    "PackagePool": obj(
        {
            **_POOL,
            "held": {**INT, "description": "deliveries held until the owner releases them"},
            "blocked": _array_of(
                obj(
                    {"profile_id": STR, "name": STR, "at": TIME, "reason": STR},
                    ("profile_id", "name", "at", "reason"),
                )
            ),
            "common": null(ref("PoolCommon")),
        },
        (*_POOL_REQUIRED, "held", "blocked", "common"),
    ),
    "PoolCommon": obj(
        {
            "profile_ids": _array_of(STR),
            "campaigns": _array_of(obj({"message_id": STR, "text": STR}, ("message_id", "text"))),
            "texts": _array_of(STR),
            "hours": {**_array_of(TIME), "description": "starts of local clock hours"},
        },
        ("profile_ids", "campaigns", "texts", "hours"),
    ),
    "PoolResume": obj({"note": text(1, 2000)}, ("note",), closed=True),
    "PoolEvent": obj(
        {
            "type": enum(PoolEventType),
            "at": TIME,
            "profile_id": null(STR),
            "reason": STR,
            "note": STR,
        },
        ("type", "at", "profile_id", "reason"),
    ),
    "PoolEventList": obj(
        {"items": {"type": "array", "items": ref("PoolEvent")}, "total": INT}, ("items", "total")
    ),
    "HeldReleased": obj({"released": INT}, ("released",)),
    "HeldCancelled": obj({"cancelled": INT}, ("cancelled",)),
}

"""OpenAPI shapes of the pool breaker (``routes_pool``), kept apart from the other
components so each module stays findable; ``openapi.py`` merges them in."""

from __future__ import annotations

from typing import Final

from spreader_app.core.pool import PoolEventType, PoolState
from spreader_app.server.openapi_schemas import INT, STR, TIME, S, enum, null, obj, ref, text

POOL_COMPONENTS: Final[S] = {
    "Pool": obj(
        {
            "state": enum(PoolState),
            "factor": {
                "type": "number",
                "enum": [0.5, 0.75, 1.0],
                "description": "every profile's caps and pace are scaled by it",
            },
            "since": null(TIME),
            "until": null(TIME),
            "reason": STR,
        },
        ("state", "factor", "since", "until", "reason"),
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

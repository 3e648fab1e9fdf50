"""Reading what only the HTTP API receives: query strings and the few bodies no service owns.

Bodies that a service owns (packages, profiles, Open Chat, Reply Chat) go to that service's
reader unchanged. Errors use the services' ``FieldReader``, so every problem comes back as
422 with ``details=[{"field": path, "message": why}]``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from spreader_app.core.errors import ValidationFailed
from spreader_app.core.fields import FieldReader
from spreader_app.core.models import DeliveryStatus, MessageFilter, MessageMode, MessageStatus

MAX_MESSAGES_PAGE: Final = 500
MAX_DELIVERIES_PAGE: Final = 1000
MAX_NUMBERS: Final = 10_000
VALIDATE_FIELDS: Final = {"numbers", "region", "package_id", "check_whatsapp"}
# A "+hh:mm" offset arrives as " hh:mm" when a client forgets to percent-encode the "+".
_LOST_PLUS = re.compile(r" (\d{2}:?\d{2})$")


@dataclass(frozen=True, slots=True)
class ValidateRequest:
    """A ``/validate-numbers`` body; ``region`` is ``None`` when the default applies."""

    numbers: list[str | int]
    region: str | None
    package_id: str | None
    check_whatsapp: bool


def _query_int(r: FieldReader, key: str, default: int, lo: int, hi: int) -> int:
    raw = r.data.get(key)
    if raw is None or raw == "":
        return default
    text = str(raw).strip()
    if not re.fullmatch(r"[0-9]{1,9}", text) or not lo <= int(text) <= hi:
        r.error(key, f"is {raw!r}; use a whole number between {lo} and {hi}")
        return default
    return int(text)


def _query_reader(query: Mapping[str, str]) -> FieldReader:
    data: dict[str, Any] = {}
    for key, value in query.items():
        data.setdefault(key, value)
    for key in ("since", "until"):
        if isinstance(data.get(key), str):
            data[key] = _LOST_PLUS.sub(r"+\1", data[key])
    return FieldReader(data, prefix="query")


def read_page(query: Mapping[str, str], *, default: int, most: int) -> tuple[int, int]:
    """``limit`` (1..``most``) and ``offset`` (≥ 0) from a query string."""
    r = _query_reader(query)
    limit = _query_int(r, "limit", default, 1, most)
    offset = _query_int(r, "offset", 0, 0, 10**9)
    r.finish("The query")
    return limit, offset


def read_message_filter(query: Mapping[str, str]) -> MessageFilter:
    """``status``, ``mode``, ``since``/``until`` (ISO 8601 with offset), ``limit``, ``offset``."""
    r = _query_reader(query)
    status = r.choice("status", MessageStatus)
    mode = r.choice("mode", MessageMode)
    since = r.when("since")
    until = r.when("until")
    limit = _query_int(r, "limit", 50, 1, MAX_MESSAGES_PAGE)
    offset = _query_int(r, "offset", 0, 0, 10**9)
    if since is not None and until is not None and since > until:
        r.error("until", "is before since; swap the two bounds")
    r.finish("The query")
    return MessageFilter(
        status=status.value if status else None,
        mode=mode.value if mode else None,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )


def read_since(query: Mapping[str, str]) -> float | None:
    """An optional ``since`` (ISO 8601 with offset) as POSIX seconds."""
    r = _query_reader(query)
    since = r.when("since")
    r.finish("The query")
    return since.timestamp() if since is not None else None


def read_delivery_query(query: Mapping[str, str]) -> tuple[str | None, int, int]:
    """A delivery ``status`` filter, ``limit`` (1..1000, default 100) and ``offset``."""
    r = _query_reader(query)
    status = r.choice("status", DeliveryStatus)
    limit = _query_int(r, "limit", 100, 1, MAX_DELIVERIES_PAGE)
    offset = _query_int(r, "offset", 0, 0, 10**9)
    r.finish("The query")
    return (status.value if status else None), limit, offset


def read_explain(query: Mapping[str, str]) -> bool:
    """``?explain=1`` (or ``true``) asks for each delivery's full ``decision`` record."""
    value = query.get("explain", "0").strip().lower()
    if value in ("1", "true", "yes"):
        return True
    if value in ("0", "false", "no", ""):
        return False
    raise ValidationFailed(
        f"The query has explain={value!r}; use explain=1 for the decision records, or leave "
        "it out.",
        details=[{"field": "query.explain", "message": "use 1 or 0"}],
    )


def refuse_local_files(body: Any) -> None:
    """The API sends media by URL only: reading files of this computer on behalf of a
    network caller would let any key holder mail out local files."""
    if isinstance(body, Mapping) and "media_path" in body:
        raise ValidationFailed(
            "media_path is only available in the desktop app; over the API give media_url.",
            details=[{"field": "media_path", "message": "not accepted by the API; use media_url"}],
        )


def read_status_body(body: Any) -> str:
    """``{"status": ...}`` for the profile toggle; the service checks the value."""
    r = FieldReader(body, allowed={"status"})
    status = r.text("status", None, required=True, min_len=1, max_len=32)
    r.finish("The status change")
    return status or ""


def read_phone_body(body: Any) -> str:
    """``{"phone": ...}`` for a manual suppression."""
    r = FieldReader(body, allowed={"phone"})
    phone = r.text("phone", None, required=True, min_len=1, max_len=64)
    r.finish("The suppression")
    return phone or ""


def read_phone_query(query: Mapping[str, str]) -> str:
    """``?phone=`` naming the number to lift from the suppression list."""
    r = _query_reader(query)
    phone = r.text("phone", None, required=True, min_len=1, max_len=64)
    r.finish("The query")
    return phone or ""


def read_validate_request(body: Any) -> ValidateRequest:
    """A ``/validate-numbers`` body: ``numbers`` (≤ 10,000), ``region``, ``package_id`` and
    ``check_whatsapp`` (which needs ``package_id``: its first active profile asks)."""
    r = FieldReader(body, allowed=VALIDATE_FIELDS)
    numbers = body.get("numbers")
    if not isinstance(numbers, list) or not numbers:
        r.error("numbers", "must be a non-empty list of phone numbers")
        numbers = []
    elif len(numbers) > MAX_NUMBERS:
        r.error("numbers", f"has {len(numbers)} entries; the limit is {MAX_NUMBERS} per request")
    else:
        for i, value in enumerate(numbers):
            if not isinstance(value, str | int) or isinstance(value, bool):
                r.error(f"numbers[{i}]", "must be a phone number as a string")
                break
    region = r.text("region", None, max_len=2)
    package_id = r.text("package_id", None, min_len=1, max_len=64)
    check = bool(r.boolean("check_whatsapp", False))
    if check and package_id is None and not r.has("package_id"):
        r.error("package_id", "is required with check_whatsapp (its profiles ask the gateway)")
    r.finish("The number check")
    return ValidateRequest(list(numbers), region, package_id, check)

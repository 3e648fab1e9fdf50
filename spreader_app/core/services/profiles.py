"""Profile use cases: devices of a package, their tokens (through the vault) and health."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from spreader_app.core import reasons
from spreader_app.core.clock import Clock
from spreader_app.core.errors import NotFound, ValidationFailed
from spreader_app.core.fields import FieldReader
from spreader_app.core.health_score import EMPTY_LOG
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.masking import mask
from spreader_app.core.models import Profile, ProfileStatus
from spreader_app.core.ports import (
    AuditPort,
    CatalogPort,
    Gateway,
    HealthPort,
    StatsPort,
    TokenVault,
)
from spreader_app.core.services.connection import ConnectionReport, ConnectionTester
from spreader_app.core.services.words import NO_PACKAGE, NO_PROFILE
from spreader_app.core.text import Text
from spreader_app.core.warmup import FIRST_STAGE, GRADUATED


class ProfileStore(CatalogPort, StatsPort, AuditPort, HealthPort, Protocol):
    """The storage profile management uses."""


PROFILE_FIELDS = {
    "name",
    "zentra_uuid",
    "zentra_api_token",
    "status",
    "priority",
    "weight",
    "daily_message_limit",
    "warmup_stage",
}
_DEVICE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


@dataclass(frozen=True, slots=True)
class ProfileHealthReport:
    profile_id: str
    status: ProfileStatus
    status_reason: str
    health_score: int
    last_error: str
    recent_attempts: int
    recent_success_rate: float | None
    device_status: str | None
    device_status_supported: bool


class ProfileService:
    """Profile CRUD, activation and health. ``on_change`` tells the engine to re-read."""

    def __init__(
        self,
        store: ProfileStore,
        vault: TokenVault,
        gateway: Gateway,
        clock: Clock,
        on_change: Callable[[], None],
        region: Callable[[], str] = lambda: "",
    ) -> None:
        """``region`` is the default phone region, for the owner's number in a test."""
        self._store = store
        self._vault = vault
        self._gateway = gateway
        self._clock = clock
        self._on_change = on_change
        self._tester = ConnectionTester(gateway, store, clock, region)

    def _read(
        self, base: Profile, data: Mapping[str, Any], *, creating: bool
    ) -> tuple[Profile, str | None]:
        r = FieldReader(data, allowed=PROFILE_FIELDS)
        device = r.text("zentra_uuid", base.zentra_uuid, required=creating, min_len=1, max_len=64)
        if device is not None and device != base.zentra_uuid and not _DEVICE_ID.fullmatch(device):
            r.error(
                "zentra_uuid",
                Text(
                    "Fields",
                    QT_TRANSLATE_NOOP(
                        "Fields", "may hold only letters, digits and . _ : - (the device UUID)"
                    ),
                ),
            )
        token = r.text("zentra_api_token", None, required=creating, min_len=8, max_len=512)
        if token is not None and any(c.isspace() for c in token):
            r.error(
                "zentra_api_token",
                Text(
                    "Fields",
                    QT_TRANSLATE_NOOP("Fields", "must not contain spaces; paste the token exactly"),
                ),
            )
            token = None
        status = r.choice("status", ProfileStatus, base.status)
        if status in (ProfileStatus.BLOCKED, ProfileStatus.COOLDOWN) and r.has("status"):
            r.error(
                "status",
                Text(
                    "Fields",
                    QT_TRANSLATE_NOOP(
                        "Fields",
                        "can be set to active or inactive; blocked and cooldown are set by the "
                        "engine",
                    ),
                ),
            )
        profile = dataclasses.replace(
            base,
            name=r.text("name", base.name, required=creating, min_len=1) or base.name,
            zentra_uuid=device or base.zentra_uuid,
            priority=r.integer("priority", base.priority, lo=0, hi=1000) or 0,
            weight=r.integer("weight", base.weight, lo=0, hi=1000) or 0,
            daily_message_limit=r.integer(
                "daily_message_limit", base.daily_message_limit, lo=1, hi=100_000
            )
            or base.daily_message_limit,
            # Writable so the owner can declare a number already warm (10); the audit
            # log keeps who did it and when.
            warmup_stage=r.integer("warmup_stage", base.warmup_stage, lo=FIRST_STAGE, hi=GRADUATED)
            or base.warmup_stage,
        )
        r.finish(Text("Fields", QT_TRANSLATE_NOOP("Fields", "The profile")))
        if status is not None and status is not base.status:
            profile = _with_status(profile, status)
        return profile, token

    async def create(self, package_id: str, data: Mapping[str, Any], actor: str = "api") -> Profile:
        if await self._store.get_package(package_id) is None:
            raise NotFound(NO_PACKAGE(package_id=package_id))
        now = self._clock.now()
        base = Profile(
            id=f"prof_{uuid.uuid4().hex[:12]}",
            package_id=package_id,
            name="",
            zentra_uuid="",
            created_at=now,
            updated_at=now,
        )
        profile, token = self._read(base, data, creating=True)
        assert token is not None
        ciphertext = self._vault.encrypt(token)
        profile = dataclasses.replace(profile, token_masked=mask(token))
        out = await self._store.add_profile(profile, ciphertext, now.timestamp(), actor)
        self._on_change()
        return out

    async def get(self, package_id: str, profile_id: str) -> Profile:
        profile = await self._store.get_profile(profile_id)
        if profile is None or profile.package_id != package_id:
            raise NotFound(NO_PROFILE(profile_id=profile_id, package_id=package_id))
        return profile

    async def list(self, package_id: str) -> list[Profile]:
        if await self._store.get_package(package_id) is None:
            raise NotFound(NO_PACKAGE(package_id=package_id))
        return await self._store.list_profiles(package_id)

    async def update(
        self, package_id: str, profile_id: str, data: Mapping[str, Any], actor: str = "api"
    ) -> Profile:
        current = await self.get(package_id, profile_id)
        profile, token = self._read(current, data, creating=False)
        ciphertext = None
        if token is not None:
            ciphertext = self._vault.encrypt(token)
            profile = dataclasses.replace(profile, token_masked=mask(token))
        now = self._clock.now()
        profile = dataclasses.replace(profile, updated_at=now)
        changed = {  # not translated: the audit log's record
            k: ("(new token)" if k == "zentra_api_token" else str(v))
            for k, v in data.items()
            if k in PROFILE_FIELDS
        }
        out = await self._store.update_profile(profile, ciphertext, now.timestamp(), actor, changed)
        self._on_change()
        return out

    async def set_status(
        self, package_id: str, profile_id: str, status: Any, actor: str = "api"
    ) -> Profile:
        if status not in (ProfileStatus.ACTIVE.value, ProfileStatus.INACTIVE.value):
            raise ValidationFailed(
                Text(
                    "Services",
                    QT_TRANSLATE_NOOP(
                        "Services", 'status is {status}; use "active" or "inactive".'
                    ),
                    status=repr(status),
                ),
                details=[  # not translated: the field detail, for the API
                    {"field": "status", "message": "must be active or inactive"}
                ],
            )
        return await self.update(package_id, profile_id, {"status": status}, actor)

    async def delete(self, package_id: str, profile_id: str, actor: str = "api") -> None:
        await self.get(package_id, profile_id)
        await self._store.delete_profile(profile_id, self._clock.timestamp(), actor)
        self._on_change()

    async def test_connection(
        self,
        package_id: str,
        device_uuid: str,
        token: str = "",
        own_number: str = "",
        profile_id: str | None = None,
    ) -> ConnectionReport:
        """Tests ``device_uuid`` with ``token`` before anything is saved (see
        ``ConnectionTester.test``); an empty ``token`` uses ``profile_id``'s saved one."""
        if not token.strip() and profile_id:
            await self.get(package_id, profile_id)
            token = self._vault.decrypt(await self._store.token_ciphertext(profile_id))
        return await self._tester.test(device_uuid, token, own_number)

    async def health(self, package_id: str, profile_id: str) -> ProfileHealthReport:
        """Health score, last error, recent success rate and (where supported) device status."""
        profile = await self.get(package_id, profile_id)
        outcomes = await self._store.recent_outcomes(profile_id, 100)
        finished = [o for o in outcomes if o not in (None, "uncertain")]
        rate = (sum(1 for o in finished if o == "accepted") / len(finished)) if finished else None
        token = self._vault.decrypt(await self._store.token_ciphertext(profile_id))
        device = await self._gateway.device_status(profile.zentra_uuid, token)
        now = self._clock.timestamp()
        log = (await self._store.health_logs([profile_id], now)).get(profile_id, EMPTY_LOG)
        return ProfileHealthReport(
            profile.id,
            profile.status,
            profile.status_reason,
            log.score(now),
            profile.last_error,
            len(finished),
            rate,
            device,
            device is not None,
        )


def _with_status(profile: Profile, status: ProfileStatus) -> Profile:
    """A status the owner sets clears the engine's verdict; reactivation restores some health."""
    if status is ProfileStatus.ACTIVE:
        return dataclasses.replace(
            profile,
            status=status,
            status_reason="",
            paused_until=None,
            evidence_run=0,
            health_score=max(profile.health_score, 50),
        )
    return dataclasses.replace(profile, status=status, status_reason=str(reasons.SET_INACTIVE()))

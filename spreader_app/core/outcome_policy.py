"""What the engine does after a gateway answer: retry, fail over, fail, or record success.

A pure function of the claim, the answer, the package policy and the profile's health, so
every branch is testable without a loop, a database or a gateway.
"""

from __future__ import annotations

import random
from collections.abc import MutableMapping
from dataclasses import replace

from spreader_app.core import reasons
from spreader_app.core.health import BanEvidence
from spreader_app.core.health_score import EMPTY_LOG, HealthLog, answer_deduction, deduction
from spreader_app.core.models import (
    Claim,
    DeliveryStatus,
    GatewayResult,
    HealthDeduction,
    OutcomeKind,
    Package,
    ProfileStatus,
    ProfileUpdate,
    Resolution,
)
from spreader_app.core.outcomes import OUTCOMES, HealthReason
from spreader_app.core.retry import backoff_seconds

# A delivery moves to another device at most this many times before it fails for good.
MAX_FAILOVERS = 3
# How long a device that reported "not connected" rests before it is tried again.
DEVICE_PAUSE_SECONDS = 300.0


def resolve(
    claim: Claim,
    result: GatewayResult,
    *,
    package: Package,
    finished_at: float,
    health: MutableMapping[str, HealthLog],
    evidence: BanEvidence,
    rng: random.Random,
    others_available: bool,
) -> Resolution:
    """Decides the delivery's next state and the profiles' new health after one answer.

    ``health`` maps profiles to their health logs and is updated in place (a missing
    sender starts empty), so the next answer sees this one's deductions; the profile
    updates carry the deductions to store. ``evidence`` holds the ban-evidence runs.
    ``others_available`` says whether another profile could
    take the delivery over (a failover target exists).
    """
    kind = result.kind
    meaning = OUTCOMES[kind]
    own = answer_deduction(claim.profile_id, kind, finished_at)
    score = _deduct(health, claim.profile_id, own, finished_at)
    updates: list[ProfileUpdate] = []
    error = "" if result.accepted else f"{kind.value}: {result.detail}".strip()

    if kind is OutcomeKind.ACCEPTED:
        for other_id in evidence.succeeded(claim.profile_id, claim.recipient, finished_at):
            if other_id not in health:
                continue
            found = deduction(other_id, HealthReason.BAN_EVIDENCE, finished_at)
            other = _deduct(health, other_id, found, finished_at)
            run = evidence.evidence_run(other_id)
            updates.append(replace(_evidence_update(other_id, other, run), deductions=(found,)))
        updates.append(ProfileUpdate(claim.profile_id, score, 0, last_error=""))
        return Resolution(
            claim, result, finished_at, DeliveryStatus.SENT, profile_updates=tuple(updates)
        )

    failovers = len(claim.tried_profiles | {claim.profile_id}) - 1
    evidence.failed(claim.profile_id, claim.recipient, kind, finished_at)
    verdict = profile_verdict(
        claim.profile_id, score, evidence.evidence_run(claim.profile_id), result, finished_at
    )
    updates.append(replace(verdict, deductions=(own,) if own else ()))

    if meaning.holds:
        # The pool breaker: a banned device's recipients wait for the owner, not for its
        # neighbours, which would carry the same campaign, text and timing.
        return Resolution(
            claim, result, finished_at, DeliveryStatus.HELD, error, profile_updates=tuple(updates)
        )

    if meaning.failover:
        return _failover(claim, result, finished_at, error, updates, failovers, others_available)

    if meaning.recipient:
        # A second device refusing the same recipient points at the recipient, not a device.
        if claim.tried_profiles - {claim.profile_id} or not others_available:
            return Resolution(
                claim,
                result,
                finished_at,
                DeliveryStatus.FAILED,
                error,
                profile_updates=tuple(updates),
            )
        return _failover(claim, result, finished_at, error, updates, failovers, others_available)

    # Counted from the retryable failures alone: a move to another device neither
    # restarts the back-off nor spends a retry.
    retries_used = claim.retries + 1
    if meaning.retry and package.retry_failed_messages and retries_used <= package.retry_attempts:
        delay = backoff_seconds(
            retries_used, package.retry_delay_ms, rng, retry_after=result.retry_after
        )
        return Resolution(
            claim,
            result,
            finished_at,
            DeliveryStatus.PENDING,
            error,
            not_before=finished_at + delay,
            profile_updates=tuple(updates),
        )
    return Resolution(
        claim, result, finished_at, DeliveryStatus.FAILED, error, profile_updates=tuple(updates)
    )


def _deduct(
    health: MutableMapping[str, HealthLog],
    profile_id: str,
    found: HealthDeduction | None,
    at: float,
) -> int:
    """Adds ``found`` (if any) to the profile's log; returns its score at ``at``."""
    log = health.get(profile_id, EMPTY_LOG)
    if found is not None:
        log = log.with_deductions((found,))
    health[profile_id] = log
    return log.score(at)


def profile_verdict(
    profile_id: str, score: int, evidence_run: int, result: GatewayResult, at: float
) -> ProfileUpdate:
    """How one answer changes the sending profile: paused, made inactive, blocked (the
    gateway said banned; the reason is its own words) or just noted.

    Shared by Open Chat and Reply Chat so a device problem means the same in both.
    """
    error = "" if result.accepted else f"{result.kind.value}: {result.detail}".strip()
    status = OUTCOMES[result.kind].profile_status
    if status is ProfileStatus.BLOCKED:
        return ProfileUpdate(
            profile_id,
            score,
            evidence_run,
            status=status,
            status_reason=str(reasons.BANNED(detail=result.detail or reasons.NO_REASON())),
            last_error=error,
        )
    if status is ProfileStatus.COOLDOWN:
        return ProfileUpdate(
            profile_id,
            score,
            evidence_run,
            status=ProfileStatus.COOLDOWN,
            status_reason=str(
                reasons.CANNOT_SEND(
                    detail=result.detail or reasons.NO_DETAIL(),
                    minutes=int(DEVICE_PAUSE_SECONDS // 60),
                )
            ),
            paused_until=at + DEVICE_PAUSE_SECONDS,
            last_error=error,
        )
    if status is ProfileStatus.INACTIVE:
        return ProfileUpdate(
            profile_id,
            score,
            evidence_run,
            status=ProfileStatus.INACTIVE,
            status_reason=str(reasons.TOKEN_REFUSED(status=str(result.status_code))),
            last_error=error,
        )
    return ProfileUpdate(profile_id, score, evidence_run, last_error=error)


def _evidence_update(profile_id: str, score: int, run: int) -> ProfileUpdate:
    if not BanEvidence.blocks(run, score):
        return ProfileUpdate(profile_id, score, run)
    return ProfileUpdate(
        profile_id,
        score,
        run,
        status=ProfileStatus.BLOCKED,
        status_reason=str(reasons.LIKELY_BANNED(count=run)),
    )


def _failover(
    claim: Claim,
    result: GatewayResult,
    finished_at: float,
    error: str,
    updates: list[ProfileUpdate],
    failovers: int,
    others_available: bool,
) -> Resolution:
    if failovers >= MAX_FAILOVERS or not others_available:
        # Nowhere better to go now: keep it pending on this profile; the rules hold it until
        # the device is usable again, unless it has already moved too often.
        if failovers >= MAX_FAILOVERS:
            return Resolution(
                claim,
                result,
                finished_at,
                DeliveryStatus.FAILED,
                f"{error} (no device could send after {failovers + 1} tries)",
                profile_updates=tuple(updates),
            )
        return Resolution(
            claim,
            result,
            finished_at,
            DeliveryStatus.PENDING,
            error,
            not_before=finished_at,
            profile_updates=tuple(updates),
        )
    return Resolution(
        claim,
        result,
        finished_at,
        DeliveryStatus.PENDING,
        error,
        not_before=finished_at,
        reassign=True,
        profile_updates=tuple(updates),
    )

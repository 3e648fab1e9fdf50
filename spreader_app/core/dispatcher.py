"""The Open Chat dispatcher: one asyncio task that sends due deliveries under the rules.

Each round (``tick``) writes the answers that came back, moves work off profiles that
cannot send, claims the next due delivery of every idle profile whose rules allow a send
now, and starts those gateway calls concurrently (at most one in flight per profile). The
task then sleeps until the earliest moment anything can happen: a profile's rules open, a
retry falls due, or something wakes it (new work, a finished call, a profile change).
There is no polling.

The rules are evaluated against in-memory ``ProfileState``s rebuilt from the delivery log on
start, so caps survive restarts; a claim is committed (``sending``) before its gateway call.
Only devices this instance leases (``LeaseKeeper``) are dispatched: engines sharing a
PostgreSQL split the devices, and a device's state is rebuilt from the shared log whenever
its lease changes hands.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol

from spreader_app.core.clock import Clock
from spreader_app.core.events import (
    DeliveryRecorded,
    EventBus,
    InboundReceived,
    MessageFinished,
    MessageProgress,
)
from spreader_app.core.fleet import Fleet
from spreader_app.core.leasing import LeaseKeeper
from spreader_app.core.models import (
    Claim,
    DeliveryStatus,
    GatewayResult,
    MessageChange,
    Move,
    OutcomeKind,
    ProfileStatus,
    Resolution,
    SendRequest,
)
from spreader_app.core.outcome_policy import resolve
from spreader_app.core.ports import ContactPort, DispatchPort, Gateway, HealthPort, PoolPort
from spreader_app.core.protection import Protection
from spreader_app.core.quiet_gate import QuietGate
from spreader_app.core.rules import ProfileState, RuleChain
from spreader_app.core.tokens import TokenCache
from spreader_app.core.warmup import contact_query


class EngineStore(DispatchPort, ContactPort, PoolPort, HealthPort, Protocol):
    """The storage the Open Chat engine uses."""


log = logging.getLogger(__name__)


class Dispatcher:
    """Sends Open Chat work. Create once per process; ``run()`` is its long-lived task."""

    def __init__(
        self,
        store: EngineStore,
        gateway: Gateway,
        tokens: TokenCache,
        clock: Clock,
        events: EventBus,
        rng: random.Random,
        leases: LeaseKeeper,
        *,
        jitter_fraction: float = 0.25,
    ) -> None:
        self._store = store
        self._leases = leases
        self._gateway = gateway
        self._tokens = tokens
        self._clock = clock
        self._events = events
        self._rng = rng
        self._jitter_fraction = jitter_fraction
        self._fleet = Fleet(clock)
        self._guard = Protection(self._fleet, store, events, clock)
        self._inflight: dict[str, asyncio.Task[None]] = {}
        self._finished: list[tuple[Claim, GatewayResult, float]] = []
        # Answers decided on but not yet committed: a failed round must not lose them.
        self._unrecorded: list[Resolution] = []
        self._wake = asyncio.Event()
        self._reload_needed = True
        self._failover_needed = True
        # Where the stranded work the last round reported goes; the next round writes it.
        self._moves: tuple[Move, ...] = ()
        self._accepting = True
        self._stopped = asyncio.Event()
        # Profiles whose rules gained room early (an answer, a higher warm-up stage):
        # their queue, planned later, may move now.
        self._gained: set[str] = set()
        # The heads seen of devices whose packages keep recipient quiet hours.
        self._quiet = QuietGate()
        events.subscribe(self._heard)

    # --- control -------------------------------------------------------------------------

    def wake(self, *, reload: bool = False) -> None:
        """Makes the dispatcher look again now; ``reload`` re-reads packages and profiles."""
        if reload:
            self._reload_needed = True
            self._failover_needed = True
        self._wake.set()

    async def recover(self) -> int:
        """Registers this instance and takes its devices; the sends left ``sending`` by a
        stopped instance (any other, when alone on the database) become ``uncertain``.
        Returns how many messages had such sends."""
        changes = await self._leases.start(self._clock.timestamp())
        self._publish_changes(changes)
        return len(changes)

    async def run(self) -> None:
        """Dispatches until ``stop()``; survives storage errors by backing off and retrying."""
        self._stopped.clear()
        backoff = 1.0
        while self._accepting:
            try:
                wake_at = await self.tick()
                backoff = 1.0
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("dispatch round failed; retrying in %.0f s", backoff)
                wake_at = self._clock.timestamp() + backoff
                backoff = min(backoff * 2, 60.0)
            if not self._accepting:
                break
            # Sharing the database: heartbeat the leases and look for others' work in time.
            look = self._leases.next_look(self._clock.timestamp())
            if look is not None and (wake_at is None or look < wake_at):
                wake_at = look
            await self._sleep_until(wake_at)
        self._stopped.set()

    async def stop(self, timeout: float = 10.0) -> None:
        """Stops claiming work, lets in-flight sends finish (up to ``timeout`` s) and records them.

        Sends still in flight after the timeout stay ``sending`` in the database and become
        ``uncertain`` on the next start: never silently re-sent.
        """
        self._accepting = False
        self._wake.set()
        pending = list(self._inflight.values())
        if pending:
            _, still = await asyncio.wait(pending, timeout=timeout)
            for task in still:
                task.cancel()
        if self._finished or self._unrecorded:
            resolutions = self._unrecorded + self._take_resolutions()
            events = self._guard.breaker.unrecorded()
            await self._store.dispatch_round(
                resolutions, [], [], None, self._clock.timestamp(), events
            )
            self._guard.breaker.recorded(len(events))
            self._unrecorded = []

    async def wait_idle(self) -> None:
        """Waits until no gateway call is in flight (tests and orderly shutdown)."""
        while self._inflight:
            await asyncio.wait(list(self._inflight.values()))

    @property
    def inflight(self) -> int:
        return len(self._inflight)

    def states(self) -> dict[str, ProfileState]:
        """The live rule states of the devices this instance dispatches, by profile id
        (read-only use: gauges and stats; another instance's devices are read from the log)."""
        now = self._clock.timestamp()
        return {pid: s for pid, s in self._fleet.states.items() if self._leases.holds(pid, now)}

    def chain_for(self, package_id: str) -> RuleChain | None:
        rt = self._fleet.packages.get(package_id)
        return rt.chain if rt else None

    # --- one round ---------------------------------------------------------------------

    async def tick(self) -> float | None:
        """Runs one dispatch round; returns when the next one is due (``None``: no work)."""
        moved, recovered = await self._leases.keep(
            self._clock.timestamp(), self._inflight.keys(), force=self._reload_needed
        )
        if recovered:
            log.warning(
                "an engine sharing the database stopped with sends in flight: "
                "marked uncertain in %d messages",
                len(recovered),
            )
            self._publish_changes(recovered)
        if moved or self._reload_needed:
            await self._reload()
        now = self._clock.timestamp()
        if self._fleet.pause_ended(now):
            self._failover_needed = True
        if await self._guard.review_warmup(now, lambda pid: self._leases.holds(pid, now)):
            # New caps: rebuild the rule states (and let a queue move if a cap rose).
            self._reload_needed = True
        if self._gained:
            gained, self._gained = self._gained, set()
            await self._store.advance_waiting(gained, now)
        resolutions = self._unrecorded = self._unrecorded + self._take_resolutions()
        await self._guard.check_health(now, lambda pid: self._leases.holds(pid, now))

        idle = [
            pid
            for pid in self._fleet.states
            if pid not in self._inflight and self._leases.holds(pid, now)
        ]
        ready: list[str] = []
        if self._accepting:
            for pid in idle:
                if not self._fleet.can_dispatch(pid):
                    continue
                decision = self._fleet.chain(pid).earliest(self._fleet.states[pid], now)
                if decision.at is not None and decision.at <= now:
                    ready.append(pid)
        failover = self._fleet.failover(now, self._moves) if self._failover_needed else None
        events = self._guard.breaker.unrecorded()
        gate = self._quiet.sort(ready, self._fleet.keeps_quiet, self._fleet.quiet_wait, now)
        result = await self._store.dispatch_round(
            resolutions, gate.claim_for, idle, failover, now, events, gate.waits, gate.checked
        )
        self._guard.breaker.recorded(len(events))
        self._unrecorded = []
        self._moves = ()
        if failover is not None:
            # The next round writes where the stranded work goes. Keep looking while work
            # moves; stop once nothing can take it, until a profile or package changes.
            self._moves = self._fleet.decide_moves(result.stranded)
            self._failover_needed = bool(self._moves)
        else:
            # Work of a paused device moves only once it falls due, so the device keeps the
            # rest and is tried again when its pause ends.
            for pid, head in result.heads.items():
                if self._fleet.paused(pid, now) and head.not_before <= now:
                    self._failover_needed = True

        self._publish_changes(result.changes)
        for claim in result.claims:
            state = self._fleet.states[claim.profile_id]
            jitter = self._rng.uniform(0.0, state.cooldown * self._jitter_fraction)
            state.record_send(claim.started_at, jitter, claim.recipient)
            self._inflight[claim.profile_id] = asyncio.create_task(
                self._send(claim), name=f"send-{claim.delivery_id}"
            )
        claimed = {claim.profile_id for claim in result.claims}
        again = self._quiet.learn(idle, result.heads, claimed, gate, now)
        if self._moves or again:
            return now
        band = self._guard.watch.next_change(now, self._fleet.states.values())
        return self._fleet.next_wake(result.heads, now, self._inflight.keys(), band)

    async def _sleep_until(self, wake_at: float | None) -> None:
        if self._wake.is_set():
            self._wake.clear()
            return
        waiter = asyncio.ensure_future(self._wake.wait())
        timers: list[asyncio.Future[Any]] = [waiter]
        if wake_at is not None:
            timers.append(
                asyncio.ensure_future(self._clock.sleep(wake_at - self._clock.timestamp()))
            )
        try:
            await asyncio.wait(timers, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for t in timers:
                t.cancel()
        self._wake.clear()

    # --- sending -----------------------------------------------------------------------

    async def _send(self, claim: Claim) -> None:
        try:
            token = await self._tokens.get(claim.profile_id)
            profile = self._fleet.packages[claim.package_id].profiles[claim.profile_id]
            result = await self._gateway.send(
                SendRequest(profile.zentra_uuid, token, claim.recipient, claim.content)
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a vault or programming error must not lose the claim
            log.exception("send of delivery %s failed before the gateway", claim.delivery_id)
            result = GatewayResult(OutcomeKind.TRANSIENT, None, f"internal error: {exc}")
        self._finished.append((claim, result, self._clock.timestamp()))
        self._inflight.pop(claim.profile_id, None)
        self._wake.set()

    def _take_resolutions(self) -> list[Resolution]:
        finished, self._finished = self._finished, []
        out: list[Resolution] = []
        for claim, result, at in finished:
            rt = self._fleet.packages.get(claim.package_id)
            if rt is None:
                continue
            others = any(
                pid != claim.profile_id and self._fleet.can_dispatch(pid) for pid in rt.profiles
            )
            resolution = resolve(
                claim,
                result,
                package=rt.package,
                finished_at=at,
                health=self._guard.watch.logs,
                evidence=self._guard.evidence,
                rng=self._rng,
                others_available=others,
            )
            if resolution.delivery_status is DeliveryStatus.SENT:
                resolution = self._end_rest(resolution)
            if self._guard.apply(resolution, at):
                self._failover_needed = True
            if resolution.reassign:
                self._failover_needed = True
            out.append(resolution)
            self._events.publish(
                DeliveryRecorded(
                    claim.message_id,
                    claim.package_id,
                    claim.delivery_id,
                    claim.recipient,
                    claim.profile_id,
                    resolution.delivery_status,
                    resolution.error,
                )
            )
        return out

    def _end_rest(self, resolution: Resolution) -> Resolution:
        """A device that sends again after its pause is active again, and says so."""
        pid = resolution.claim.profile_id
        state = self._fleet.states.get(pid)
        if state is None or state.status is not ProfileStatus.COOLDOWN:
            return resolution
        updates = tuple(
            replace(u, status=ProfileStatus.ACTIVE, status_reason="", paused_until=None)
            if u.profile_id == pid
            else u
            for u in resolution.profile_updates
        )
        return replace(resolution, profile_updates=updates)

    # --- state ---------------------------------------------------------------------------

    async def _reload(self) -> None:
        now = self._clock.timestamp()
        # Cleared before the reads: a change while they run asks for another reload.
        self._reload_needed = False
        try:
            snapshot = await self._store.engine_snapshot(now)
            self._guard.breaker.load(await self._store.pool_events())
            queries = {
                profile.id: query
                for package, profiles in snapshot
                for profile, _ in profiles
                if (query := contact_query(profile, package)) is not None
            }
            histories = await self._store.contact_histories(queries, now) if queries else {}
            everyone = [profile for _, profiles in snapshot for profile, _ in profiles]
            self._guard.watch.load(
                await self._store.health_logs([p.id for p in everyone], now), everyone
            )
        except BaseException:
            self._reload_needed = True
            raise
        guard = self._guard
        self._gained |= self._fleet.rebuild(
            snapshot, histories, guard.breaker, self._rng, guard.watch.logs, guard.evidence
        )
        for package_id in self._fleet.packages:
            guard.rechain(package_id)

    def _heard(self, event: object) -> None:
        """A customer wrote to a package: the sends to them are answered (the unanswered
        budget), and they are known to the device they wrote to (warm-up)."""
        if not isinstance(event, InboundReceived) or event.sender is None:
            return
        if event.opted_out and event.profile_id in self._fleet.states:
            # Stored with the opt-out; the band check of the next round sees it.
            self._guard.opted_out(event.profile_id)
            self._wake.set()
        for pid, package_id in self._fleet.owner.items():
            contacts = self._fleet.states[pid].contacts
            if package_id != event.package_id or contacts is None:
                continue
            if contacts.answered(event.sender, to_this_profile=pid == event.profile_id):
                # The profile may have been waiting on its budget: look again now.
                self._gained.add(pid)
                self._wake.set()

    def _publish_changes(self, changes: Sequence[MessageChange]) -> None:
        for ch in changes:
            self._events.publish(
                MessageProgress(
                    ch.message_id, ch.package_id, ch.status, ch.total, ch.processed, ch.failed
                )
            )
            if ch.finished:
                self._events.publish(
                    MessageFinished(
                        ch.message_id, ch.package_id, ch.status, ch.total, ch.sent, ch.failed
                    )
                )

"""The one QObject that turns engine events into Qt signals, coalesced.

The engine publishes events on its ``EventBus`` (same thread: the qasync loop runs on the
GUI thread). The bridge only records them; a 100 ms timer flushes what accumulated as
typed signals carrying lists, keeping the latest event per key, so a busy campaign causes
at most about ten view updates per second however fast it sends.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from spreader_app.core.events import (
    DeliveryRecorded,
    Event,
    EventBus,
    InboundReceived,
    MessageFinished,
    MessageProgress,
    PoolChanged,
    ProfileStatusChanged,
    ReplySent,
    TunnelChanged,
)

FLUSH_MS = 100


class EventBridge(QObject):
    """Coalesces engine events; widgets connect to these signals, never to the engine."""

    deliveries_recorded = Signal(list)  # list[DeliveryRecorded], latest per delivery
    messages_progressed = Signal(list)  # list[MessageProgress], latest per message
    messages_finished = Signal(list)  # list[MessageFinished]
    profiles_changed = Signal(list)  # list[ProfileStatusChanged], latest per profile
    inbound_received = Signal(list)  # list[InboundReceived]
    replies_sent = Signal(list)  # list[ReplySent]
    pool_changed = Signal(list)  # list[PoolChanged], every one (each is news for the owner)
    tunnel_changed = Signal(object)  # TunnelChanged, the latest
    flushed = Signal()  # after any non-empty flush: a cue for views that poll

    def __init__(self, bus: EventBus, parent: QObject | None = None, interval_ms: int = FLUSH_MS):
        super().__init__(parent)
        self._deliveries: dict[int, DeliveryRecorded] = {}
        self._progress: dict[str, MessageProgress] = {}
        self._finished: list[MessageFinished] = []
        self._profiles: dict[str, ProfileStatusChanged] = {}
        self._inbound: list[InboundReceived] = []
        self._replies: list[ReplySent] = []
        self._pool: list[PoolChanged] = []
        self._tunnel: TunnelChanged | None = None
        self.flush_count = 0
        self._unsubscribe = bus.subscribe(self._on_event)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)
        self._timer.start()

    def _on_event(self, event: Event) -> None:
        match event:
            case DeliveryRecorded():
                self._deliveries[event.delivery_id] = event
            case MessageProgress():
                self._progress[event.message_id] = event
            case MessageFinished():
                self._finished.append(event)
            case ProfileStatusChanged():
                self._profiles[event.profile_id] = event
            case InboundReceived():
                self._inbound.append(event)
            case ReplySent():
                self._replies.append(event)
            case PoolChanged():
                self._pool.append(event)
            case TunnelChanged():
                self._tunnel = event

    def flush(self) -> None:
        """Emits everything gathered since the last flush (called by the timer)."""
        emitted = False
        if self._deliveries:
            batch, self._deliveries = list(self._deliveries.values()), {}
            self.deliveries_recorded.emit(batch)
            emitted = True
        if self._progress:
            progress, self._progress = list(self._progress.values()), {}
            self.messages_progressed.emit(progress)
            emitted = True
        if self._finished:
            finished, self._finished = self._finished, []
            self.messages_finished.emit(finished)
            emitted = True
        if self._profiles:
            profiles, self._profiles = list(self._profiles.values()), {}
            self.profiles_changed.emit(profiles)
            emitted = True
        if self._inbound:
            inbound, self._inbound = self._inbound, []
            self.inbound_received.emit(inbound)
            emitted = True
        if self._replies:
            replies, self._replies = self._replies, []
            self.replies_sent.emit(replies)
            emitted = True
        if self._pool:
            pool, self._pool = self._pool, []
            self.pool_changed.emit(pool)
            emitted = True
        if self._tunnel is not None:
            tunnel, self._tunnel = self._tunnel, None
            self.tunnel_changed.emit(tunnel)
            emitted = True
        if emitted:
            self.flush_count += 1
            self.flushed.emit()

    def close(self) -> None:
        self._timer.stop()
        self._unsubscribe()

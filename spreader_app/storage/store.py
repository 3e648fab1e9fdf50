"""The core's storage ports over SQLAlchemy: one class of one-line bindings per port.

Each operation is written once, as a function of the session in a ``*_store`` module;
``transaction`` (``port_adapter``) runs it on the database thread as the port's async
method. The same statements serve SQLite and PostgreSQL (SQLAlchemy Core, ``Prepared``).
``SqlStore`` is every port over one ``Database``: what the composition root hands out.
"""

from __future__ import annotations

from spreader_app.storage import catalog_store as cat
from spreader_app.storage import contact_store as contacts
from spreader_app.storage import dispatch_store as disp
from spreader_app.storage import health_store as health
from spreader_app.storage import inbox_store as inbox
from spreader_app.storage import intake_store as intake
from spreader_app.storage import message_store as msgs
from spreader_app.storage import pool_store as pool
from spreader_app.storage import reply_store as replies
from spreader_app.storage import template_store as templates
from spreader_app.storage.port_adapter import OnDatabase, queued, transaction


class SqlAudit(OnDatabase):
    """``AuditPort``."""

    audit = transaction(cat.audit)


class SqlCatalog(OnDatabase):
    """``CatalogPort``."""

    add_package = transaction(cat.add_package)
    update_package = transaction(cat.update_package)
    get_package = transaction(cat.get_package)
    list_packages = transaction(cat.list_packages)
    delete_package = transaction(cat.delete_package)
    add_profile = transaction(cat.add_profile)
    update_profile = transaction(cat.update_profile)
    get_profile = transaction(cat.get_profile)
    list_profiles = transaction(cat.list_profiles)
    delete_profile = transaction(cat.delete_profile)
    # Every send needs its token: it must not wait behind a long import.
    token_ciphertext = transaction(cat.token_ciphertext, urgent=True)


class SqlMessages(OnDatabase):
    """``MessagePort``."""

    create_message = transaction(msgs.create_message)
    get_message = transaction(msgs.get_message)
    list_messages = transaction(msgs.list_messages)
    list_deliveries = transaction(msgs.list_deliveries)
    waiting_groups = transaction(msgs.waiting_groups)
    cancel_message = transaction(msgs.cancel_message)
    set_paused = transaction(msgs.set_paused)
    pending_planned_times = transaction(msgs.pending_planned_times)


class SqlStats(OnDatabase):
    """``StatsPort``."""

    open_send_times = transaction(cat.open_send_times)
    recent_outcomes = transaction(cat.recent_outcomes)
    mode_totals = transaction(cat.mode_totals)


class SqlContacts(OnDatabase):
    """``ContactPort``."""

    contact_histories = transaction(contacts.contact_histories)
    record_stage_reviews = transaction(contacts.record_stage_reviews)
    advance_waiting = transaction(contacts.advance_waiting)


class SqlHealth(OnDatabase):
    """``HealthPort``."""

    health_logs = transaction(health.health_logs)
    set_health_scores = transaction(health.set_health_scores)


class SqlPool(OnDatabase):
    """``PoolPort``."""

    pool_events = transaction(pool.pool_events)
    add_pool_event = transaction(pool.add_pool_event)
    release_held = transaction(pool.release_held)
    cancel_held = transaction(pool.cancel_held)
    held_count = transaction(pool.held_count)
    open_attempts = transaction(pool.open_attempts)


class SqlDispatch(OnDatabase):
    """``DispatchPort``."""

    engine_snapshot = transaction(cat.engine_snapshot)
    dispatch_round = transaction(disp.dispatch_round)


class SqlReplies(OnDatabase):
    """``ReplyPort``: every write goes ahead of queued Open Chat work."""

    reply_context = transaction(replies.reply_context, urgent=True)
    begin_reply = transaction(replies.begin_reply, urgent=True)
    reroute_reply = transaction(replies.reroute_reply, urgent=True)
    finish_reply = queued(replies.finish_reply, urgent=True)


class SqlInbox(OnDatabase):
    """``InboxPort``."""

    list_conversations = transaction(inbox.list_conversations)
    conversation = transaction(inbox.conversation)
    receive_webhooks = transaction(intake.receive_webhooks)


class SqlSuppressions(OnDatabase):
    """``SuppressionPort``."""

    add_suppression = transaction(inbox.add_suppression)
    remove_suppression = transaction(inbox.remove_suppression)
    suppressed_numbers = transaction(inbox.suppressed_numbers)
    list_suppressions = transaction(inbox.list_suppressions)


class SqlRoutes(OnDatabase):
    """``RoutePort``."""

    routes = transaction(inbox.routes)


class SqlTemplates(OnDatabase):
    """``TemplatePort``."""

    list_templates = transaction(templates.list_templates)
    get_template = transaction(templates.get_template)
    add_template = transaction(templates.add_template)
    update_template = transaction(templates.update_template)
    delete_template = transaction(templates.delete_template)


class SqlStore(
    SqlAudit,
    SqlCatalog,
    SqlMessages,
    SqlStats,
    SqlContacts,
    SqlHealth,
    SqlPool,
    SqlDispatch,
    SqlReplies,
    SqlInbox,
    SqlSuppressions,
    SqlRoutes,
    SqlTemplates,
):
    """Every storage port over one ``Database``."""

"""The whole rule chain of a package: what the planner, the dispatcher and the gauges use."""

from __future__ import annotations

from spreader_app.core.health_rule import CriticalRule
from spreader_app.core.models import Package
from spreader_app.core.pool import Pool, PoolRule
from spreader_app.core.quiet_hours import QuietHours, QuietHoursRule, parse_quiet_hours
from spreader_app.core.recipient_zones import ZoneResolver
from spreader_app.core.rules import Rule, RuleChain
from spreader_app.core.warmup import UnansweredRule, WarmupRule


def package_chain(package: Package, pool: Pool) -> RuleChain:
    """The package's caps, cooldown and hours, the CRITICAL health stop, its pool breaker,
    warm-up and unanswered budget, then the recipient's quiet hours when the package keeps
    them, in that order (DESIGN.md section 2)."""
    extra: list[Rule] = [CriticalRule(), PoolRule(pool), WarmupRule(pool), UnansweredRule()]
    quiet = quiet_rule(package)
    if quiet is not None:
        extra.append(quiet)
    return RuleChain.for_package(package, extra=extra)


def quiet_rule(package: Package) -> QuietHoursRule | None:
    """The package's recipient quiet-hours rule, ``None`` when it has none."""
    if not package.recipient_quiet_hours:
        return None
    window = parse_quiet_hours(package.recipient_quiet_hours)
    resolver = ZoneResolver(dict(package.recipient_zones))
    return QuietHoursRule(QuietHours(window, package.timezone), resolver)


def chain_quiet(chain: RuleChain) -> QuietHoursRule | None:
    """The quiet-hours rule of a chain built by ``package_chain``, if any."""
    return next((r for r in chain.rules if isinstance(r, QuietHoursRule)), None)

"""The whole rule chain of a package: what the planner, the dispatcher and the gauges use."""

from __future__ import annotations

from spreader_app.core.health_rule import CriticalRule
from spreader_app.core.models import Package
from spreader_app.core.pool import Pool, PoolRule
from spreader_app.core.rules import RuleChain
from spreader_app.core.warmup import UnansweredRule, WarmupRule


def package_chain(package: Package, pool: Pool) -> RuleChain:
    """The package's caps, cooldown and hours, the CRITICAL health stop, its pool breaker,
    warm-up and unanswered budget, in that order (DESIGN.md section 2)."""
    return RuleChain.for_package(
        package, extra=(CriticalRule(), PoolRule(pool), WarmupRule(pool), UnansweredRule())
    )

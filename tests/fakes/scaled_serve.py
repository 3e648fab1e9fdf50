"""``spreader serve`` on a clock that runs faster: ``python -m tests.fakes.scaled_serve
<speed> <origin>``. Processes given the same ``origin`` (POSIX seconds) agree on the time,
so several engines on one database keep one another's cooldowns and caps."""

from __future__ import annotations

import sys

from spreader_app.core.clock import ScaledClock
from spreader_app.headless import main

if __name__ == "__main__":
    speed, origin = float(sys.argv[1]), float(sys.argv[2])
    sys.exit(main(ScaledClock(speed, origin)))

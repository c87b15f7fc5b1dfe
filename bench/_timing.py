"""Timing helper shared by the benchmarks (imported as a sibling module when a
benchmark runs as ``python bench/<name>.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any


def rate(func: Callable[[Any], object], values: Sequence[Any], seconds: float) -> float:
    """Calls per second of ``func`` over ``values``, repeated for about ``seconds``."""
    calls = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for value in values:
            func(value)
        calls += len(values)
        now = time.perf_counter()
        if now >= deadline:
            return calls / (now - start)

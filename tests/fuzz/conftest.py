"""The ``fuzz`` marker: long fuzz runs, left out unless asked for with ``-m fuzz``.

A default run (and CI's) runs the short variants of the same targets; the long ones
run only when the marker expression selects ``fuzz`` (docs/fuzzing.md).
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    expression = str(config.getoption("markexpr", "") or "")
    if "fuzz" in expression and "not fuzz" not in expression:
        return
    skip = pytest.mark.skip(reason="a long fuzz run: select it with -m fuzz")
    for item in items:
        if item.get_closest_marker("fuzz") is not None:
            item.add_marker(skip)

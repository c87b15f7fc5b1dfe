"""Every test fails if oer_meta's own code crashed while it ran.

A crash inside a rule, a reader or a parser is caught and recorded as an internal
error (``oer_meta.internal.record_crash``), so a test that only asserts "no exception"
or checks a report's findings would pass over it.  This guard sees every internal
error recorded in the test's process, whether the engine then put it on a result or a
never-raising parser swallowed it, and fails the test unless it is marked
``internal_error_expected`` (the tests that make code raise on purpose).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from oer_meta import internal


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "internal_error_expected: the test makes oer_meta's code raise on purpose",
    )


@pytest.fixture(autouse=True)
def _no_internal_error(request: pytest.FixtureRequest) -> Iterator[None]:
    seen: list[Any] = []
    real = internal.InternalError

    def spy(**fields: Any) -> Any:
        crash = real(**fields)
        seen.append(crash)
        return crash

    # record_crash looks InternalError up in its module's globals at each call
    internal.InternalError = spy  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        internal.InternalError = real  # type: ignore[misc]
    if request.node.get_closest_marker("internal_error_expected") is None:
        assert not seen, "oer_meta's own code raised: " + "; ".join(
            f"{c.component}: {c.error}: {c.message}" for c in seen
        )

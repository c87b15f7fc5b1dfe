"""The fuzz targets under hypothesis: inputs are seeds (examples and corpus records)
mutated by byte flips, cuts, insertions and splices, since hypothesis does not mutate
seeds itself.  A short run belongs to the default suite (and CI); the long run is
marked ``fuzz`` (``pytest -m fuzz tests/fuzz``)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.targets import TARGETS, seeds_of

#: Inputs per target in the long run (``OER_META_FUZZ_EXAMPLES`` overrides).
LONG_EXAMPLES = int(os.environ.get("OER_META_FUZZ_EXAMPLES", "3000"))
#: Inputs per target in the short run of the default suite.
SHORT_EXAMPLES = 25

_INTERESTING = st.sampled_from(
    [b"<", b">", b"</", b"&", b'"', b"{", b"}", b"[", b"]", b":", b",", b"\n", b"\x00",
     b"\xff", b"\xef\xbb\xbf", b"@context", b"@graph", b"@id", b"xmlns=", b"<!--",
     b"<![CDATA[", b"\\u0000", b"\\ud800", b"1e999", b"-", b"/", b"(", b")", b" WITH ",
     b" OR ", b"+", b"http://", b"<script type='application/ld+json'>", b"</script>"]
)  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, target: str) -> bytes:
    """A seed of ``target`` changed in a few places."""
    data = bytearray(draw(st.sampled_from(seeds_of(target))))
    for _ in range(draw(st.integers(0, 6))):
        size = len(data)
        at = draw(st.integers(0, size))
        kind = draw(st.sampled_from(["flip", "cut", "insert", "splice", "drop", "repeat"]))
        if kind == "flip" and size:
            data[min(at, size - 1)] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(_INTERESTING | st.binary(min_size=1, max_size=8))
        elif kind == "splice":
            other = draw(st.sampled_from(seeds_of(target)))
            start = draw(st.integers(0, len(other)))
            data[at:at] = other[start : start + draw(st.integers(0, 200))]
        elif kind == "drop" and size:
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "repeat" and size:
            piece = bytes(data[at : at + draw(st.integers(1, 32))])
            data[at:at] = piece * draw(st.integers(1, 40))
    return bytes(data)


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=examples <= SHORT_EXAMPLES,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_short_fuzz_run(target: str) -> None:
    """A few mutated seeds per target on every run of the suite (CI included)."""

    @_settings(SHORT_EXAMPLES)
    @given(mutated(target))
    def run(data: bytes) -> None:
        TARGETS[target](data)

    run()


@pytest.mark.fuzz
@pytest.mark.parametrize("target", sorted(TARGETS))
def test_long_fuzz_run(target: str) -> None:
    """Thousands of mutated seeds per target: ``pytest -m fuzz tests/fuzz``."""

    @_settings(LONG_EXAMPLES)
    @given(mutated(target))
    def run(data: bytes) -> None:
        TARGETS[target](data)

    run()


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_every_seed_passes(target: str) -> None:
    """The seeds themselves never fail (a failing seed would hide every mutation)."""
    for seed in seeds_of(target):
        TARGETS[target](seed)

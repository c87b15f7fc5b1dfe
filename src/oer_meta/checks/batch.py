"""What batch rules see: a compact index of the batch, built while records stream.

A rule that needs the whole batch (a record adapting another record of the same batch,
duplicate identifiers...) must not hold the Records: a national harvest has millions.
The engine adds each checked record to a :class:`BatchIndex`, which keeps only small
columns (hashed identifiers, an interned licence per record, the few derivation links)
and hands the index to the rules' ``across_batch`` part when the batch ends.  Their
findings name the record they belong to by :class:`RecordRef`.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from oer_meta.knowledge.licences.model import Licence
from oer_meta.knowledge.licences.record import DERIVATION_KINDS, effective_licence
from oer_meta.model import LicenceStatement, Location, Record

__all__ = ["BatchIndex", "Link", "RecordRef", "link_key"]


@dataclass(frozen=True)
class RecordRef:
    """A record of a batch, as batch rules see it: where it is, never the record."""

    source: str | None
    index: int
    record_id: str | None = None
    location: Location | None = None


def link_key(value: str) -> str:
    """A link target reduced so that ``http://www.x.org/a/`` finds ``https://x.org/a``."""
    key = value.strip().casefold()
    for prefix in ("https://", "http://"):
        if key.startswith(prefix):
            key = key[len(prefix) :]
    return key.removeprefix("www.").rstrip("/")


def _hash(key: str) -> int:
    """A 64-bit digest, the same in every process (workers' indexes can be merged)."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass(frozen=True)
class Link:
    """A record of the batch that says it is derived from ``target``."""

    ref: RecordRef
    position: int
    kind: str
    target: str
    #: The adapting record's own licence statement, as the finding will quote it.
    statement: LicenceStatement | None
    licence: Licence | None
    location: Location | None


class BatchIndex:
    """Identifiers, licences and derivation links of every checked record, compactly.

    Per record it keeps a few bytes: an interned licence number and, per identifier or
    URL, an 8-byte digest with the record's position.  Only records with derivation
    links keep more (their :class:`Link`).
    """

    def __init__(self) -> None:
        self._licences: list[Licence] = []
        self._licence_numbers: dict[Licence, int] = {}
        self._licence_of = array("i")  # per position: licence number, -1 for none
        self._key_digests = array("q")
        self._key_positions = array("I")
        self.links: list[Link] = []

    def __len__(self) -> int:
        return len(self._licence_of)

    def add(self, record: Record, ref: RecordRef) -> None:
        """Index one checked record."""
        position = len(self._licence_of)
        chosen = effective_licence(record)
        licence = chosen[1] if chosen is not None and chosen[1].names_licence else None
        self._licence_of.append(self._number(licence))
        if licence is not None:
            seen: set[str] = set()
            for value in [i.value for i in record.identifiers] + [u.value for u in record.urls]:
                key = link_key(value)
                if key and key not in seen:
                    seen.add(key)
                    self._key_digests.append(_hash(key))
                    self._key_positions.append(position)
        for relation in record.relations:
            kind = relation.kind.strip().casefold()
            if kind in DERIVATION_KINDS and relation.target and not relation.licences:
                self.links.append(
                    Link(
                        ref=ref,
                        position=position,
                        kind=relation.kind,
                        target=relation.target,
                        statement=chosen[0] if chosen is not None else None,
                        licence=licence,
                        location=relation.location,
                    )
                )

    def _number(self, licence: Licence | None) -> int:
        if licence is None:
            return -1
        number = self._licence_numbers.get(licence)
        if number is None:
            number = len(self._licences)
            self._licences.append(licence)
            self._licence_numbers[licence] = number
        return number

    def licences_of_targets(self) -> Iterator[tuple[Link, Licence]]:
        """Each derivation link whose target is another record of the batch stating a
        licence, with that licence (the first record indexed under the target wins)."""
        if not self.links:
            return
        wanted = {_hash(link_key(link.target)) for link in self.links}
        found: dict[int, int] = {}
        for digest, position in zip(self._key_digests, self._key_positions, strict=True):
            if digest in wanted and digest not in found:
                found[digest] = position
        for link in self.links:
            hit = found.get(_hash(link_key(link.target)))
            if hit is None or hit == link.position:
                continue
            number = self._licence_of[hit]
            if number >= 0:
                yield link, self._licences[number]

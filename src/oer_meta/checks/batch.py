"""What batch rules see: a compact index of the batch, built while records stream.

A rule that needs the whole batch (a record adapting another record of the same batch,
duplicate identifiers...) must not hold the Records: a national harvest has millions.
The engine adds each checked record to a :class:`BatchIndex`, which keeps only small
columns (hashed identifiers, an interned licence per record, a hashed title, where each
record is, the few derivation links) and hands the index to the rules' ``across_batch``
part when the batch ends.  Their findings name the record they belong to by
:class:`RecordRef`.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from oer_meta.knowledge.identifiers import identity_key
from oer_meta.knowledge.licences.model import Licence
from oer_meta.knowledge.licences.record import DERIVATION_KINDS, effective_licence
from oer_meta.knowledge.placeholders import comparable
from oer_meta.model import LicenceStatement, Location, Record

__all__ = ["BatchIndex", "IndexEntry", "Link", "Namesake", "RecordRef", "link_key"]


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


def _line(location: Location | None) -> int:
    return location.line if location is not None and location.line is not None else -1


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


@dataclass(frozen=True)
class Namesake:
    """A record of the batch whose identifier another record also gives, with a
    different title or licence: ``others`` are up to three of those records."""

    ref: RecordRef
    others: tuple[RecordRef, ...]
    #: how many records of the batch give the identifier with another title or licence
    count: int
    title_differs: bool
    licence_differs: bool


@dataclass(frozen=True)
class IndexEntry:
    """What :class:`BatchIndex` keeps of one record, small enough to send from a worker
    process: the licence a re-user would go by, a digest of the title, digests of the
    identity keys (with their lines) and of the link targets, and the derivation links.
    Built the same way in every process, so an index built from entries is the index
    built from the records."""

    licence: Licence | None
    statement: LicenceStatement | None
    title: int
    identities: tuple[tuple[int, int], ...]
    keys: tuple[int, ...]
    links: tuple[tuple[str, str, Location | None], ...]

    @classmethod
    def of(cls, record: Record) -> IndexEntry:
        """The entry of one checked record."""
        chosen = effective_licence(record)
        licence = chosen[1] if chosen is not None and chosen[1].names_licence else None
        title = comparable(record.title or "")
        identities: list[tuple[int, int]] = []
        seen: set[str] = set()
        for identifier in record.identifiers:
            key = identity_key(identifier.value, identifier.catalog)
            if key is not None and key not in seen:
                seen.add(key)
                identities.append((_hash(key), _line(identifier.location)))
        keys: list[int] = []
        if licence is not None:
            seen = set()
            for value in [i.value for i in record.identifiers] + [u.value for u in record.urls]:
                key = link_key(value)
                if key and key not in seen:
                    seen.add(key)
                    keys.append(_hash(key))
        # A link is kept only from a record that states a licence: without one there
        # is nothing a source's licence could forbid (LIC009 skips such links), and
        # harvests where most records cite sources but state no licence (HAL's
        # dc:source) would otherwise keep every link: about 4 KB a record.
        links = tuple(
            (relation.kind, relation.target, relation.location)
            for relation in record.relations
            if licence is not None
            and relation.kind.strip().casefold() in DERIVATION_KINDS
            and relation.target
            and not relation.licences
        )
        return cls(
            licence=licence,
            statement=chosen[0] if chosen is not None and links else None,
            title=_hash(title) if title else 0,
            identities=tuple(identities),
            keys=tuple(keys),
            links=links,
        )


#: Bits of the first pass of :func:`repeated` per digest (at least): about one digest
#: in this many hits a bit set by another digest.
_BITS_PER_DIGEST = 32


def repeated(digests: Sequence[int]) -> set[int]:
    """The digests that occur more than once in ``digests``.

    A set of every digest would hold a Python integer per digest (about 70 bytes: at a
    million records, 100 MB more in the parent at the end of the batch).  A first pass
    sets one bit per digest in a bitmap of at least :data:`_BITS_PER_DIGEST` bits each
    (4-8 bytes a digest) and notes the slots hit twice; only digests in those slots
    (the repeated ones and about one in 32 others) are then counted exactly."""
    if len(digests) < 2:
        return set()
    size = 1 << (_BITS_PER_DIGEST * len(digests) - 1).bit_length()
    mask = size - 1
    bitmap = bytearray(size >> 3)
    hit: set[int] = set()
    for digest in digests:
        slot = digest & mask
        bit = 1 << (slot & 7)
        if bitmap[slot >> 3] & bit:
            hit.add(slot)
        else:
            bitmap[slot >> 3] |= bit
    del bitmap
    seen: set[int] = set()
    shared: set[int] = set()
    if hit:
        for digest in digests:
            if (digest & mask) in hit:
                if digest in seen:
                    shared.add(digest)
                else:
                    seen.add(digest)
    return shared


class BatchIndex:
    """Identifiers, licences and derivation links of every checked record, compactly.

    Per record it keeps a few bytes: an interned licence number, a digest of its title,
    its source (interned), index and line, and, per identifier or URL, an 8-byte digest
    with the record's position (identifiers twice: as link targets for records stating
    a licence, and by :func:`~oer_meta.knowledge.identifiers.identity_key` for every
    record).  Only records that state a licence and have derivation links keep more
    (their :class:`Link`).
    """

    def __init__(self) -> None:
        self._licences: list[Licence] = []
        self._licence_numbers: dict[Licence, int] = {}
        self._licence_of = array("i")  # per position: licence number, -1 for none
        self._key_digests = array("q")
        self._key_positions = array("I")
        self.links: list[Link] = []
        self._title_of = array("q")  # per position: digest of the title, 0 for none
        self._sources: list[str | None] = []
        self._source_numbers: dict[str | None, int] = {}
        self._source_of = array("I")
        self._index_of = array("I")
        self._line_of = array("i")  # the record's line, -1 when unknown
        self._id_digests = array("q")
        self._id_positions = array("I")
        self._id_lines = array("i")  # the identifier's line, -1 when unknown

    def __len__(self) -> int:
        return len(self._licence_of)

    def add(self, record: Record, ref: RecordRef) -> None:
        """Index one checked record."""
        self.add_entry(IndexEntry.of(record), ref)

    def add_entry(self, entry: IndexEntry, ref: RecordRef) -> None:
        """Index one checked record from its :class:`IndexEntry` (built where the record
        was checked: a worker process sends the entry, never the record)."""
        position = len(self._licence_of)
        self._licence_of.append(self._number(entry.licence))
        self._title_of.append(entry.title)
        number = self._source_numbers.get(ref.source)
        if number is None:
            number = self._source_numbers[ref.source] = len(self._sources)
            self._sources.append(ref.source)
        self._source_of.append(number)
        self._index_of.append(ref.index)
        self._line_of.append(_line(ref.location))
        for digest, line in entry.identities:
            self._id_digests.append(digest)
            self._id_positions.append(position)
            self._id_lines.append(line)
        for digest in entry.keys:
            self._key_digests.append(digest)
            self._key_positions.append(position)
        for kind, target, location in entry.links:
            self.links.append(
                Link(
                    ref=ref,
                    position=position,
                    kind=kind,
                    target=target,
                    statement=entry.statement,
                    licence=entry.licence,
                    location=location,
                )
            )

    def _ref(self, position: int, line: int = -1) -> RecordRef:
        source = self._sources[self._source_of[position]]
        if line < 0:
            line = self._line_of[position]
        where = Location(file=source, line=line) if line >= 0 else Location(file=source)
        return RecordRef(source, self._index_of[position], None, where)

    def namesakes(self) -> Iterator[Namesake]:
        """Each record whose identifier another record of the batch also gives, with a
        different title or licence, in batch order.

        Records giving the same identifier with the same title and licence (the same
        record harvested twice) are not namesakes."""
        shared = repeated(self._id_digests)
        groups: dict[int, list[tuple[int, int]]] = {}
        for digest, position, line in zip(
            self._id_digests, self._id_positions, self._id_lines, strict=True
        ):
            if digest in shared:
                groups.setdefault(digest, []).append((position, line))
        reported: set[int] = set()
        found: list[Namesake] = []
        for members in groups.values():
            variants: dict[tuple[int, int], list[int]] = {}
            for position, _ in members:
                kind = (self._title_of[position], self._licence_of[position])
                variants.setdefault(kind, []).append(position)
            if len(variants) < 2:
                continue
            for position, line in members:
                if position in reported:
                    continue  # one finding per record, for its first shared identifier
                reported.add(position)
                own = (self._title_of[position], self._licence_of[position])
                others = (p for kind, ps in variants.items() if kind != own for p in ps)
                found.append(
                    Namesake(
                        ref=self._ref(position, line),
                        others=tuple(self._ref(p) for p in islice(others, 3)),
                        count=len(members) - len(variants[own]),
                        title_differs=any(k[0] != own[0] for k in variants if k != own),
                        licence_differs=any(k[1] != own[1] for k in variants if k != own),
                    )
                )
        found.sort(key=lambda n: (self._source_numbers[n.ref.source], n.ref.index))
        yield from found

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

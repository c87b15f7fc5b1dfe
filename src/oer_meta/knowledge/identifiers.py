"""What scheme an identifier's value shows: DOI, handle, URN, ARK, OAI, ISBN or URL;
whether anyone can resolve it; whether it is two identifiers glued together.

:func:`identifier_scheme` is shared by the Dublin Core reader (``dc:identifier`` carries
no scheme of its own) and the Learning Registry envelopes (whose ``resource_locator``
becomes an identifier).  :func:`unresolvable`, :func:`glued` and :func:`identity_key`
serve the DISC rules (docs/discoverability.md): a URL on ``localhost``, a private
network, an example domain or a local disk reaches nothing for anyone else, and a value
such as ``oai:a:b:oai:a:b`` is two identifiers in one.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import urlsplit

from oer_meta.i18n import N_, said

__all__ = ["example_doi", "glued", "identifier_scheme", "identity_key", "unresolvable"]

_DOI = re.compile(r"^(?:doi:\s*|info:doi/|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+$", re.I)
_HANDLE = re.compile(r"^(?:hdl:|info:hdl/|https?://hdl\.[^/\s]+/)\S", re.I)
_URN = re.compile(r"^urn:[a-z0-9][a-z0-9-]{0,31}:\S", re.I)
_ARK = re.compile(r"^(?:ark:/?|https?://n2t\.net/ark:/?)\d{5}/\S", re.I)
_OAI = re.compile(r"^oai:[^:\s]+:\S", re.I)
_ISBN = re.compile(r"^(?:isbn[:\s]*)?([0-9][0-9 -]{8,15}[0-9xX])$", re.I)
_HTTP = re.compile(r"^https?://\S", re.I)


def _isbn_ok(digits: str) -> bool:
    if len(digits) == 10:
        total = sum((10 - i) * (10 if c in "xX" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def identifier_scheme(value: str, declared: str | None = None) -> str | None:
    """The scheme an identifier's value shows (``doi``, ``handle``, ``urn``, ``ark``,
    ``oai``, ``isbn``, ``url``), else ``declared`` (an ``xsi:type`` or ``None``)."""
    if _DOI.match(value):
        return "doi"
    if _HANDLE.match(value):
        return "handle"
    if _URN.match(value):
        return "urn"
    if _ARK.match(value):
        return "ark"
    if _OAI.match(value):
        return "oai"
    isbn = _ISBN.match(value)
    if isbn is not None:
        digits = isbn.group(1).replace("-", "").replace(" ", "")
        if "x" not in digits[:-1].lower() and _isbn_ok(digits):
            return "isbn"
    if _HTTP.match(value):
        return "url"
    return declared


# -- who can resolve it ------------------------------------------------------------------

#: RFC 2606 (and RFC 6761) reserve these top-level domains for tests and examples.
_RESERVED_TLDS = frozenset({"example", "test", "invalid"})
#: Names that only a local network resolves (mDNS ``.local``, RFC 8375 ``home.arpa``,
#: and the private suffixes routers and intranets use).
_LOCAL_SUFFIXES = (".local", ".home.arpa", ".internal", ".lan", ".localdomain", ".intranet")
#: RFC 2606's second-level domains for documentation.
_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]{0,31}):")
#: ``http:`` not followed by ``//`` (``http:http://x``, ``http:/x``), or ``http//``.
_BROKEN_HTTP = re.compile(r"^(?:https?:(?!//)(?:[a-z]{3,5}:)?/{0,3}|https?//)", re.IGNORECASE)
#: A misspelt ``http``: ``htp``, ``htttp``, ``hhtp``, ``httpp``...
_HTTP_TYPO = re.compile(r"h{1,2}t{1,3}p{1,2}s?|t{2}ps?", re.IGNORECASE)
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
#: The DOI prefix of the International DOI Foundation, which its DOI Handbook uses for
#: the examples it prints (``10.1000/182``, ``10.1000/ISBN1-900512-44-0``).
_EXAMPLE_DOI = re.compile(
    r"^(?:doi:\s*|info:doi/|https?://(?:dx\.)?doi\.org/)?10\.1000/\S+$", re.IGNORECASE
)


def example_doi(value: str) -> bool:
    """True when ``value`` is a DOI under ``10.1000``, the prefix of the DOI Handbook's
    examples: a value copied from documentation, not the resource's own DOI."""
    text = value.strip()
    return _EXAMPLE_DOI.match(text) is not None


def _host_reason(host: str) -> str | None:
    """Why no one else can reach ``host``, or ``None``."""
    host = host.rstrip(".").lower()
    address = None
    if host[:1].isdigit() or ":" in host:  # a name never starts with a digit and a colon
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            address = None
    if address is not None:
        if address.is_loopback:
            return said("{host} is a loopback address, the reader's own computer", host=host)
        if not address.is_global:
            return said("{host} is a private or reserved network address", host=host)
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return said("{host} is the reader's own computer", host=host)
    if "." not in host:
        return said(
            "{host} is a host name without a domain, known only inside a local network", host=host
        )
    if host.rsplit(".", 1)[1] in _RESERVED_TLDS or any(
        host == domain or host.endswith("." + domain) for domain in _EXAMPLE_DOMAINS
    ):
        return said("{host} is reserved for documentation and examples by RFC 2606", host=host)
    if host.endswith(_LOCAL_SUFFIXES):
        return said("{host} is a name known only inside a local network", host=host)
    return None


@lru_cache(maxsize=4096)  # DISC004, DISC013 and the batch index ask about the same values
def unresolvable(value: str) -> str | None:
    """Why no one but its author can resolve ``value``, or ``None``.

    A URL on ``localhost``, a loopback, private or reserved address, an example or test
    domain (RFC 2606), a local network name, a ``file:`` URL or a disk path, and a
    malformed or misspelt ``http`` scheme (``http:http://``, ``http//``, ``htp://``) are
    unresolvable, and so is a DOI under the DOI Handbook's example prefix ``10.1000``
    (it names the Handbook's examples, never the resource).  Anything else (another
    DOI, a public URL, a local number) is ``None``: this says nothing about whether the
    value resolves, only that it cannot."""
    text = value.strip()
    if example_doi(text):
        return N_("10.1000 is the DOI prefix the DOI Handbook uses for its examples")
    lowered = text.lower()
    if lowered.startswith("file:"):
        return N_("a file: URL names a file on one computer")
    if _DRIVE.match(text) or text.startswith("\\\\"):
        return N_("a disk or network-share path names a file on one computer or network")
    broken = _BROKEN_HTTP.match(text)
    if broken is not None:
        return said("the scheme of {scheme!r} is malformed", scheme=broken.group(0))
    scheme = _SCHEME.match(text)
    if scheme is None:
        return None
    name = scheme.group(1).lower()
    if name not in ("http", "https"):
        if _HTTP_TYPO.fullmatch(name) and text[scheme.end() :].startswith("//"):
            return said("the scheme {scheme!r} is misspelt", scheme=name)
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return N_("the URL is malformed")
    if not parts.netloc or not host:
        return N_("the URL names no host")
    return _host_reason(host)


# -- two identifiers in one ----------------------------------------------------------------

_URL_START = re.compile(r"https?://", re.IGNORECASE)
_URL_HOST = re.compile(r"https?://([^/?#\s]+)", re.IGNORECASE)
#: ``oai:repo:``, ``urn:nbn:``, ``hdl:10.1234/``, ``doi:10.1234/``, ``ark:/12345/``
_PREFIXED = re.compile(r"^((?:oai|urn|info|hdl|doi|ark):/?[^:/\s]+[:/])", re.IGNORECASE)
_SEPARATORS = frozenset(" :/;,|")


def _host_key(host: str) -> str:
    return host.lower().removeprefix("www.")


@lru_cache(maxsize=4096)
def glued(value: str) -> bool:
    """True when ``value`` is two identifiers written one after the other.

    ``https://a.org/x/https://a.org/x/1`` (a base URL prefixed twice: the second URL, in
    the path, is on the same host; a URL carried in a query string or an archive's path,
    ``https://web.archive.org/web/2020/https://a.org/``, is not glued), ``oai:a:b:oai:a:b``
    (a scheme prefix repeated), two URLs separated by a space or a semicolon, and any
    value that is one part written twice (``X X``, ``X;X``, ``XX`` of six characters or
    more)."""
    text = value.strip()
    if _doubled(text):
        return True
    first = _URL_HOST.match(text)
    if first is not None:
        body = re.split(r"[?#]", text, maxsplit=1)[0]
        for later in _URL_START.finditer(text, first.end()):
            before = text[later.start() - 1]
            if before.isspace() or before in ";,|":
                return True  # two URLs in one value
            if later.start() < len(body):
                second = _URL_HOST.match(text, later.start())
                if second is not None and _host_key(second.group(1)) == _host_key(first.group(1)):
                    return True
        return False
    prefix = _PREFIXED.match(text)
    return prefix is not None and text.lower().find(prefix.group(1).lower(), 1) > 0


def _doubled(text: str) -> bool:
    """``text`` is one part of six characters or more written twice, with or without a
    separator between (digits only do not count: ``123123`` is a number)."""
    for gap in (0, 1):
        size, odd = divmod(len(text) - gap, 2)
        if odd or size < 6:
            continue
        part = text[:size]
        if part == text[size + gap :] and (gap == 0 or text[size] in _SEPARATORS):
            return not part.isdigit()
    return False


# -- the same resource -------------------------------------------------------------------

_UUID = re.compile(
    r"^(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$",
    re.IGNORECASE,
)
_DOI_BODY = re.compile(r"10\.\d{4,9}/\S+")
_HANDLE_BODY = re.compile(r"^(?:hdl:|info:hdl/|https?://hdl\.[^/\s]+/)(\S+)", re.IGNORECASE)
_ARK_BODY = re.compile(r"ark:/?(\d{5}/\S+)", re.IGNORECASE)


def identity_key(value: str, catalog: str | None) -> str | None:
    """What makes two identifiers name the same resource, or ``None`` for a value that
    names none on its own.

    DOIs, handles, URNs, ARKs, UUIDs and URLs are global: their key is the value alone,
    normalised (``doi:10.1/X`` and ``https://doi.org/10.1/x`` are one DOI; ``http``/
    ``https``, ``www.`` and a final slash aside for URLs).  Another value is local to
    its catalog: its key is catalog and value, and without a catalog it has none (``1``
    in two unrelated records is no clash).  OAI-PMH identifiers name metadata records
    and have none; nor have unresolvable or glued values."""
    text = value.strip()
    if not text or (catalog or "").strip().lower() == "oai":
        return None
    if unresolvable(text) is not None or glued(text):
        return None
    uuid = _UUID.match(text)
    if uuid is not None:
        return "uuid:" + uuid.group(1).lower()
    scheme = identifier_scheme(text)
    if scheme == "doi":
        body = _DOI_BODY.search(text)
        return "doi:" + (body.group(0) if body else text).lower()
    if scheme == "handle":
        handle = _HANDLE_BODY.match(text)
        return "hdl:" + (handle.group(1) if handle else text).lower()
    if scheme == "ark":
        ark = _ARK_BODY.search(text)
        return "ark:" + (ark.group(1) if ark else text).lower()
    if scheme == "urn":
        return text.lower()
    if scheme == "url":
        key = text.lower()
        for prefix in ("https://", "http://"):
            key = key.removeprefix(prefix)
        return "url:" + key.removeprefix("www.").rstrip("/")
    if scheme == "isbn":
        return "isbn:" + "".join(c for c in text.lower() if c.isdigit() or c == "x")
    if scheme == "oai" or catalog is None or not catalog.strip():
        return None
    return f"local:{catalog.strip().casefold()}:{text}"

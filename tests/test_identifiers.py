"""Identifiers no one can resolve, glued identifiers, and what names one resource
(knowledge/identifiers.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oer_meta.knowledge.identifiers import example_doi, glued, identity_key, unresolvable


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("http://localhost:8080/content/x.xml", "localhost is the reader's own computer"),
        ("http://app.localhost/x", "app.localhost is the reader's own computer"),
        ("http://127.0.0.1/a", "127.0.0.1 is a loopback address"),
        ("http://127.8.9.1/a", "127.8.9.1 is a loopback address"),
        ("http://[::1]:8000/a", "::1 is a loopback address"),
        ("http://10.1.2.3/x", "10.1.2.3 is a private or reserved network address"),
        ("https://172.16.0.9/x", "172.16.0.9 is a private or reserved network address"),
        ("https://172.31.255.1/x", "172.31.255.1 is a private or reserved network address"),
        ("http://192.168.1.20/oer", "192.168.1.20 is a private or reserved network address"),
        ("http://169.254.1.1/", "169.254.1.1 is a private or reserved network address"),
        ("file:///C:/Users/me/lesson.html", "a file: URL names a file on one computer"),
        ("C:\\Users\\me\\lesson.html", "a disk or network-share path"),
        ("\\\\server\\share\\lesson.html", "a disk or network-share path"),
        ("https://example.org/oer", "example.org is reserved for documentation"),
        ("http://www.example.com/x", "www.example.com is reserved for documentation"),
        ("https://oer.example.net/1", "oer.example.net is reserved for documentation"),
        ("https://lessons.test/1", "lessons.test is reserved for documentation"),
        ("https://a.example/1", "a.example is reserved for documentation"),
        ("https://broken.invalid/", "broken.invalid is reserved for documentation"),
        ("http://fileserver.local/x", "fileserver.local is a name known only inside"),
        ("http://nas.home.arpa/x", "nas.home.arpa is a name known only inside"),
        ("https://any-uri", "any-uri is a host name without a domain"),
        ("http://intranet/oer/1", "intranet is a host name without a domain"),
        ("http:http://repo.org/1", "the scheme of 'http:http://' is malformed"),
        ("http:/repo.org/1", "the scheme of 'http:/' is malformed"),
        ("http//repo.org/1", "the scheme of 'http//' is malformed"),
        ("https:www.repo.org/1", "the scheme of 'https:' is malformed"),
        ("htp://repo.org/1", "the scheme 'htp' is misspelt"),
        ("htttps://repo.org/1", "the scheme 'htttps' is misspelt"),
        ("https:///x", "the URL names no host"),
        ("http://[::1/x", "the URL is malformed"),
    ],
)
def test_unresolvable_addresses_say_why(value: str, reason: str) -> None:
    found = unresolvable(value)
    assert found is not None and found.startswith(reason)


@pytest.mark.parametrize(
    "value",
    [
        "https://doi.org/10.5281/zenodo.15585269",
        "doi:10.1002/abc",
        "hdl:1765/123",
        "urn:nbn:de:0111-1",
        "https://hal.archives-ouvertes.fr/hal-01234567",
        "http://8.8.8.8/x",
        "https://example.com.au/lesson",
        "https://myexample.org/lesson",
        "https://testing.org/lesson",
        "ftp://ftp.repo.org/x",
        "worksheet-17",
        "1",
        "TODO",
    ],
)
def test_resolvable_or_non_address_values_have_no_reason(value: str) -> None:
    assert unresolvable(value) is None


@given(
    label=st.from_regex(r"[a-z][a-z0-9-]{0,20}[a-z0-9]", fullmatch=True),
    tld=st.sampled_from(["org", "de", "fr", "edu", "ch", "nl", "io"]),
    path=st.from_regex(r"(/[A-Za-z0-9._~-]{0,12}){0,3}", fullmatch=True),
    scheme=st.sampled_from(["http", "https"]),
)
def test_public_urls_are_never_unresolvable(label: str, tld: str, path: str, scheme: str) -> None:
    if label in ("example", "localhost"):
        return
    assert unresolvable(f"{scheme}://{label}.{tld}{path}") is None
    assert not glued(f"{scheme}://{label}.{tld}{path}")


@given(st.text(max_size=200))
def test_never_raises(value: str) -> None:
    unresolvable(value)
    glued(value)
    identity_key(value, None)
    identity_key(value, "Catalog")


@pytest.mark.parametrize(
    "value",
    [
        "https://a.org/x/https://a.org/x/123",
        "http://repo.org/handle/https://www.repo.org/handle/1/2",
        "oai:a:b:oai:a:b",
        "urn:nbn:de:1-2urn:nbn:de:1-3",
        "https://a.org/x https://b.org/y",
        "http://bibpurl.oclc.org/web/35308 http://hdl.loc.gov/loc.gdc/gdctoc.000000001",
        "https://a.org/1;https://a.org/2",
        "4a7d755e-34a5-410a4a7d755e-34a5-410a",
        "abc-123 abc-123",
    ],
)
def test_glued_identifiers(value: str) -> None:
    assert glued(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://a.org/login?next=https://a.org/x",
        "https://a.org/x#https://a.org/y",
        "https://web.archive.org/web/2020/https://a.org/",
        "https://doi.org/10.5281/zenodo.15585269",
        "oai:hal.archives-ouvertes.fr:hal-01234567v1",
        "4a7d755e-34a5-410a-a7d4-601881136623",
        "123123123123",
        "abab",
        "hdl:1765/123",
    ],
)
def test_identifiers_that_are_not_glued(value: str) -> None:
    assert not glued(value)


@pytest.mark.parametrize(
    ("first", "first_catalog", "second", "second_catalog"),
    [
        ("https://doi.org/10.1234/ABC", None, "doi:10.1234/abc", "DOI"),
        ("DOI: 10.1234/abc", None, "http://dx.doi.org/10.1234/abc", "url"),
        ("hdl:1765/123", None, "http://hdl.handle.net/1765/123", None),
        ("http://www.repo.org/x/", "url", "https://repo.org/x", "URI"),
        (
            "4a7d755e-34a5-410a-a7d4-601881136623",
            "My Catalog",
            "4A7D755E-34A5-410A-A7D4-601881136623",
            "Mi catálogo",
        ),
        ("ark:/12345/x", None, "https://n2t.net/ark:/12345/x", None),
        ("es_20070727_3_0150500", "Catálogo ODE", "es_20070727_3_0150500", "catálogo ode"),
    ],
)
def test_one_resource_has_one_identity_key(
    first: str, first_catalog: str | None, second: str, second_catalog: str | None
) -> None:
    key = identity_key(first, first_catalog)
    assert key is not None
    assert identity_key(second, second_catalog) == key


def test_local_values_are_keyed_within_their_catalog_only() -> None:
    assert identity_key("1", "Catalog A") != identity_key("1", "Catalog B")
    assert identity_key("1", None) is None
    assert identity_key("1", " ") is None


@pytest.mark.parametrize(
    ("value", "catalog"),
    [
        ("oai:repo.org:1", "oai"),
        ("oai:repo.org:1", None),
        ("https://example.org/oer", "url"),
        ("http://localhost/x", None),
        ("https://a.org/x/https://a.org/x/1", None),
        ("", "Catalog"),
    ],
)
def test_values_that_name_no_resource_have_no_key(value: str, catalog: str | None) -> None:
    assert identity_key(value, catalog) is None


# -- the DOI Handbook's example prefix ------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "10.1000/ISBN1-900512-44-0",
        "10.1000/182",
        "doi:10.1000/xyz123",
        " DOI: 10.1000/abc ",
        "https://doi.org/10.1000/ISBN1-900512-44-0",
        "http://dx.doi.org/10.1000/182",
        "info:doi/10.1000/x",
    ],
)
def test_dois_under_the_handbook_prefix_are_examples(value: str) -> None:
    assert example_doi(value)
    assert unresolvable(value) == "10.1000 is the DOI prefix the DOI Handbook uses for its examples"
    assert identity_key(value, "doi") is None  # never a shared identity (DISC014)


@pytest.mark.parametrize(
    "value",
    [
        "10.10001/x",  # another prefix
        "10.11000/x",
        "10.1000/",  # no suffix
        "https://doi.org/10.5555/a/10.1000/b",  # 10.1000 only inside the suffix
        "https://example.net/10.1000/x",
        "urn:isbn:1-900512-44-0",
    ],
)
def test_other_dois_are_not_examples(value: str) -> None:
    assert not example_doi(value)

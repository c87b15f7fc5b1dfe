"""oer_meta.attribution: the TASL line (title, author, source, licence) in four
languages and three formats.

The formatting tests build :class:`Licence` values directly, so they do not depend on
the parser; the end-to-end tests at the bottom read real records (the project's
examples and records written here) through the parser."""

from __future__ import annotations

import json
from typing import Any

import pytest

import oer_meta
from oer_meta.engine import attribution
from oer_meta.errors import RecordCountError, UsageError
from oer_meta.knowledge.attribution import Tasl, render, resolvable_url, tasl
from oer_meta.knowledge.licences.model import Licence
from oer_meta.model import Agent, Identifier, LicenceStatement, Record, Text

from .corpus_paths import EXAMPLES

CC_BY = Licence(
    raw="https://creativecommons.org/licenses/by/4.0/",
    spdx="CC-BY-4.0",
    url="https://creativecommons.org/licenses/by/4.0/",
    openness="open",
    family="cc",
    version="4.0",
    elements=("by",),
    how="url",
    confidence=1.0,
    short_name="CC BY 4.0",
)
CC_BY_ND = Licence(
    raw="CC BY-ND 4.0",
    spdx="CC-BY-ND-4.0",
    url="https://creativecommons.org/licenses/by-nd/4.0/",
    openness="not-open",
    family="cc",
    version="4.0",
    elements=("by", "nd"),
    how="short-name",
    short_name="CC BY-ND 4.0",
)
CC0 = Licence(
    raw="CC0",
    spdx="CC0-1.0",
    url="https://creativecommons.org/publicdomain/zero/1.0/",
    openness="public-domain",
    family="cc0",
    version="1.0",
    how="short-name",
    short_name="CC0 1.0",
)
PDM = Licence(
    raw="https://creativecommons.org/publicdomain/mark/1.0/",
    spdx="CC-PDM-1.0",
    url="https://creativecommons.org/publicdomain/mark/1.0/",
    openness="public-domain",
    family="pdm",
    version="1.0",
    how="url",
    short_name="PDM 1.0",
)
MIT = Licence(
    raw="MIT",
    spdx="MIT",
    url="https://opensource.org/licenses/MIT",
    openness="open",
    family="mit",
    how="spdx",
    short_name="MIT",
)
OGL = Licence(
    raw="OGL-UK-3.0",
    spdx="OGL-UK-3.0",
    url="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    openness="open",
    family="ogl",
    how="spdx",
    short_name="OGL-UK-3.0",
)
ALL_RIGHTS = Licence(
    raw="© 2020 Jane Doe.\n All rights reserved.",
    openness="not-open",
    family="all-rights-reserved",
    how="statement",
)
IN_COPYRIGHT = Licence(
    raw="http://rightsstatements.org/vocab/InC/1.0/",
    url="http://rightsstatements.org/vocab/InC/1.0/",
    openness="not-open",
    family="rightsstatements",
    how="url",
    title="In Copyright",
)
NO_KNOWN = Licence(
    raw="No known restrictions",
    openness="unknown",
    family="no-known-restrictions",
    how="statement",
)
GIBBERISH = Licence(raw="Ask Bob in room 12")
VERSIONLESS = Licence(
    raw="CC BY-SA",
    openness="open",
    family="cc",
    elements=("by", "sa"),
    how="short-name",
    short_name="CC BY-SA",
    version_missing=True,
)

SOURCE = "https://example.org/r/1"


def parts(
    title: str | None = "Fractions",
    authors: tuple[str, ...] = ("Jane Doe",),
    source: str | None = SOURCE,
    licence: Licence | None = CC_BY,
    title_language: str | None = None,
) -> Tasl:
    return Tasl(
        title=title,
        title_language=title_language,
        authors=authors,
        authors_from="author" if authors else None,
        source=source,
        licence=licence,
    )


# -- formats ---------------------------------------------------------------------------------------


def test_plain_text_names_every_part_and_the_licence_url() -> None:
    assert render(parts()) == (
        "“Fractions” (https://example.org/r/1) by Jane Doe is licensed under "
        "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
    )


def test_html_carries_the_creative_commons_rdfa() -> None:
    assert render(parts(), format="html") == (
        '<p xmlns:cc="http://creativecommons.org/ns#" xmlns:dct="http://purl.org/dc/terms/"'
        ' about="https://example.org/r/1" lang="en">“<a property="dct:title"'
        ' rel="cc:attributionURL" href="https://example.org/r/1">Fractions</a>” by'
        ' <span property="cc:attributionName">Jane Doe</span> is licensed under'
        ' <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.</p>'
    )


@pytest.mark.parametrize("name", ["markdown", "md", "Markdown"])
def test_markdown_links_title_and_licence(name: str) -> None:
    assert render(parts(), format=name) == (
        "“[Fractions](https://example.org/r/1)” by Jane Doe is licensed under "
        "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)."
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "“Fractions” (https://example.org/r/1) by Jane Doe is licensed under"),
        ("fr", "«\u00a0Fractions\u00a0» (https://example.org/r/1) par Jane Doe, sous licence"),
        ("de", "„Fractions“ (https://example.org/r/1) von Jane Doe ist lizenziert unter"),
        ("es", "«Fractions» (https://example.org/r/1) de Jane Doe está bajo la licencia"),
    ],
)
def test_four_languages(lang: str, expected: str) -> None:
    assert render(parts(), lang=lang) == (
        expected + " CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
    )


def test_language_tags_fall_back_to_their_language() -> None:
    assert render(parts(), lang="fr-CA") == render(parts(), lang="fr")
    assert render(parts(), lang="DE") == render(parts(), lang="de")
    assert render(parts(), lang="es_MX") == render(parts(), lang="es")


@pytest.mark.parametrize("lang", ["it", "", "klingon", "x-none", "zxx"])
def test_unknown_language_is_a_usage_error(lang: str) -> None:
    with pytest.raises(UsageError, match="en, fr, de, es"):
        render(parts(), lang=lang)


@pytest.mark.parametrize("name", ["pdf", "", "rtf"])
def test_unknown_format_is_a_usage_error(name: str) -> None:
    with pytest.raises(UsageError, match="text, html, markdown"):
        render(parts(), format=name)


def test_usage_errors_come_before_reading() -> None:
    with pytest.raises(UsageError):
        attribution(Record(source_format="dc"), lang="it")
    with pytest.raises(UsageError):
        attribution(Record(source_format="dc"), format="docx")


# -- licences and rights statements ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "wording"),
    [
        ("en", "is dedicated to the public domain under CC0 1.0"),
        ("fr", "dans le domaine public selon CC0 1.0"),
        ("de", "ist mit CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/) für"),
        ("es", "está en el dominio público mediante CC0 1.0"),
    ],
)
def test_cc0_is_a_dedication(lang: str, wording: str) -> None:
    line = render(parts(licence=CC0), lang=lang)
    assert wording in line
    assert "https://creativecommons.org/publicdomain/zero/1.0/" in line


@pytest.mark.parametrize(
    ("lang", "wording"),
    [
        ("en", "is marked with Public Domain Mark 1.0"),
        ("fr", "porte la Marque du domaine public 1.0"),
        ("de", "ist mit der Public Domain Mark 1.0 (https://creativecommons.org/publicdomain/mark"),
        ("es", "lleva la Marca de dominio público 1.0"),
    ],
)
def test_public_domain_mark_is_a_mark(lang: str, wording: str) -> None:
    assert wording in render(parts(licence=PDM), lang=lang)


def test_public_domain_mark_in_html_is_linked_as_the_licence() -> None:
    line = render(parts(licence=PDM), format="html")
    assert (
        'is marked with <a rel="license" href="https://creativecommons.org/publicdomain/mark/1.0/">'
        "Public Domain Mark 1.0</a>.</p>"
    ) in line


def test_a_non_open_licence_is_still_a_licence() -> None:
    line = render(parts(licence=CC_BY_ND))
    assert line.endswith(
        "is licensed under CC BY-ND 4.0 (https://creativecommons.org/licenses/by-nd/4.0/)."
    )


def test_an_all_rights_reserved_statement_is_quoted_and_called_not_open() -> None:
    line = render(parts(licence=ALL_RIGHTS))
    assert line == (
        "“Fractions” (https://example.org/r/1) by Jane Doe. Rights: “© 2020 Jane Doe. All rights"
        " reserved.” (not an open licence: ask the rights holder before re-use)."
    )
    assert "licensed under" not in line
    html = render(parts(licence=ALL_RIGHTS), format="html")
    assert '<span property="dct:rights">© 2020 Jane Doe. All rights reserved.</span>' in html
    assert 'rel="license"' not in html
    assert "pas une licence ouverte" in render(parts(licence=ALL_RIGHTS), lang="fr")


def test_a_rights_statement_uri_is_linked_by_its_name_not_as_a_licence() -> None:
    html = render(parts(licence=IN_COPYRIGHT), format="html")
    assert (
        '<a rel="dct:rights" href="http://rightsstatements.org/vocab/InC/1.0/">In Copyright</a>'
        in html
    )
    assert 'rel="license"' not in html
    text = render(parts(licence=IN_COPYRIGHT))
    assert "Rights: In Copyright (http://rightsstatements.org/vocab/InC/1.0/)" in text


def test_a_statement_that_grants_nothing_known_is_not_a_licence() -> None:
    line = render(parts(licence=NO_KNOWN), lang="de")
    assert "Rechte: „No known restrictions“ (keine Lizenz:" in line


def test_an_unrecognised_statement_is_quoted_as_written() -> None:
    line = render(parts(licence=GIBBERISH), lang="es")
    assert "Derechos: «Ask Bob in room 12» (no reconocido como licencia:" in line


def test_a_terms_of_use_page_is_linked_as_written() -> None:
    terms = Licence(raw=" https://example.org/terms ", family="terms-of-use", how="statement")
    assert "Rights: https://example.org/terms (not a licence:" in render(parts(licence=terms))
    html = render(parts(licence=terms), format="html")
    assert '<a rel="dct:rights" href="https://example.org/terms">https://example.org/terms</a>' in (
        html
    )
    assert 'rel="license"' not in html


def test_a_long_statement_is_cut() -> None:
    long = Licence(raw="Terms " * 200, family="terms-of-use", how="statement")
    line = render(parts(licence=long))
    assert "Terms Terms" in line and "…”" in line
    assert len(line) < 500


def test_a_licence_without_its_version_says_so_and_links_nothing() -> None:
    assert "is licensed under CC BY-SA [version missing]." in render(parts(licence=VERSIONLESS))
    html = render(parts(licence=VERSIONLESS), format="html", lang="de")
    assert "ist lizenziert unter CC BY-SA [Version fehlt].</p>" in html


def test_an_expression_names_each_licence() -> None:
    either = Licence(
        raw="CC-BY-4.0 OR MIT", spdx="CC-BY-4.0 OR MIT", openness="open", how="spdx",
        parts=(CC_BY, MIT), operator="OR",
    )  # fmt: skip
    md = render(parts(licence=either), format="markdown", lang="fr")
    assert md.endswith(
        "sous licence [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) ou "
        "[MIT](https://opensource.org/licenses/MIT)."
    )
    both = either.model_copy(update={"operator": "AND", "parts": (CC_BY, OGL)})
    assert "under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/) and OGL-UK-3.0" in (
        render(parts(licence=both))
    )
    # Spanish "o" becomes "u" before an o- sound
    assert "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/) u OGL-UK-3.0" in render(
        parts(licence=either.model_copy(update={"parts": (CC_BY, OGL)})), lang="es"
    )


# -- missing parts ---------------------------------------------------------------------------------


def test_everything_missing_is_said_so() -> None:
    empty = parts(title=None, authors=(), source=None, licence=None)
    assert empty.missing == ("title", "author", "source", "licence")
    assert render(empty) == (
        "[title missing] ([source missing]) by [author missing]. Licence: [licence missing]."
    )
    assert render(empty, lang="de") == (
        "[Titel fehlt] ([Quelle fehlt]) von [Urheber fehlt]. Lizenz: [Lizenz fehlt]."
    )
    assert render(empty, format="markdown", lang="es").startswith(
        "\\[falta el título\\] (\\[falta la fuente\\]) de \\[falta el autor\\]."
    )


def test_a_missing_title_is_not_marked_up_as_a_title() -> None:
    html = render(parts(title=None), format="html")
    assert '<a rel="cc:attributionURL" href="https://example.org/r/1">[title missing]</a>' in html
    assert "dct:title" not in html
    assert render(parts(title=None), format="markdown").startswith(
        "[\\[title missing\\]](https://example.org/r/1) by"
    )


def test_a_missing_source_leaves_the_title_unlinked() -> None:
    html = render(parts(source=None), format="html")
    assert '“<span property="dct:title">Fractions</span>” ([source missing])' in html
    assert "about=" not in html and "cc:attributionURL" not in html
    assert render(parts(source=None), lang="fr").startswith(
        "«\u00a0Fractions\u00a0» ([source manquante]) par"
    )


def test_a_missing_author_and_licence() -> None:
    line = render(parts(authors=(), licence=None), lang="fr")
    assert line.endswith("par [auteur manquant]. Licence\u00a0: [licence manquante].")
    assert "cc:attributionName" not in render(parts(authors=()), format="html")


# -- escaping --------------------------------------------------------------------------------------


def test_html_escapes_titles_names_and_urls() -> None:
    tricky = parts(
        title='<b>Fish & "Chips"</b>',
        authors=("O'Brien <script>",),
        source="https://example.org/r?a=1&b=<2>",
    )
    html = render(tricky, format="html")
    assert "<b>" not in html and "<script>" not in html
    assert "&lt;b&gt;Fish &amp; &quot;Chips&quot;&lt;/b&gt;" in html
    assert 'href="https://example.org/r?a=1&amp;b=&lt;2&gt;"' in html
    assert "O&#x27;Brien &lt;script&gt;" in html


def test_markdown_escapes_brackets_and_emphasis() -> None:
    md = render(
        parts(title="[Draft] Fractions *basics*", source="https://example.org/a_(b) c"),
        format="markdown",
    )
    assert md.startswith(
        "“[\\[Draft\\] Fractions \\*basics\\*](https://example.org/a_%28b%29%20c)” by"
    )


def test_plain_text_is_one_line() -> None:
    line = render(parts(title="Fractions\n\tand   decimals"))
    assert "\n" not in line


# -- authors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "names", "joined"),
    [
        ("en", ("Ann", "Bo"), "Ann and Bo"),
        ("en", ("Ann", "Bo", "Cy"), "Ann, Bo and Cy"),
        ("fr", ("Ann", "Bo", "Cy"), "Ann, Bo et Cy"),
        ("de", ("Ann", "Bo"), "Ann und Bo"),
        ("es", ("Ann", "Bo"), "Ann y Bo"),
        ("es", ("Pedro", "Inés"), "Pedro e Inés"),
        ("es", ("Pedro", "Hilda"), "Pedro e Hilda"),
        ("es", ("Pedro", "Hierro"), "Pedro y Hierro"),
        ("en", ("Doe, Jane", "Roe, R.", "Poe, E."), "Doe, Jane; Roe, R. and Poe, E."),
    ],
)
def test_names_are_joined_in_the_language(lang: str, names: tuple[str, ...], joined: str) -> None:
    line = render(parts(authors=names), lang=lang)
    assert f" {joined} " in line or f" {joined}," in line


def test_a_name_ending_in_a_full_stop_ends_the_sentence_once() -> None:
    line = render(parts(authors=("Doe, J.",), licence=None))
    assert line.endswith("by Doe, J. Licence: [licence missing].")
    html = render(parts(authors=("Doe, J.",), licence=ALL_RIGHTS), format="html")
    assert '<span property="cc:attributionName">Doe, J.</span> Rights:' in html


def test_stray_separators_around_names_are_dropped() -> None:
    line = render(parts(authors=(" Hospital Hamburg ,", ";", "Ann Bo;")))
    assert " by Hospital Hamburg and Ann Bo is licensed" in line


def record(**fields: Any) -> Record:
    return Record(source_format="lom", **fields)


def test_authors_are_the_author_and_creator_roles() -> None:
    rec = record(
        contributors=[
            Agent(role="Author", name="Ann Author"),
            Agent(role="http://purl.org/example/role#creator", name="Cy Creator"),
            Agent(role="https://w3id.org/example/vocab/role/author/", name="Uri Author"),
            Agent(role="editor", name="Ed Editor"),
            Agent(role="metadata:creator", name="Catalogue Team"),
            Agent(role="author", name="  Ann   Author "),
            Agent(role="author", name=None),
        ],
        publishers=[Agent(role="publisher", name="Pub House")],
        rights_holders=[Agent(role="rightsHolder", name="Holder Inc.")],
    )
    found = tasl(rec)
    assert found.authors == ("Ann Author", "Cy Creator", "Uri Author")
    assert found.authors_from == "author"


def test_rights_holders_stand_in_for_a_missing_author() -> None:
    rec = record(
        contributors=[Agent(role="editor", name="Ed Editor")],
        publishers=[Agent(role="publisher", name="Pub House")],
        rights_holders=[Agent(role="copyrightHolder", name="Holder Inc.")],
    )
    found = tasl(rec)
    assert found.authors == ("Holder Inc.",) and found.authors_from == "rights-holder"
    assert tasl(record(publishers=[Agent(role="publisher", name="P")])).authors == ()


# -- title and source ------------------------------------------------------------------------------


def test_the_title_in_the_requested_language_is_preferred() -> None:
    rec = record(
        titles=[
            Text(value="  ", language="en"),
            Text(value="Fractions", language="en"),
            Text(value="Les fractions", language="fre"),
            Text(value="Brüche", language="de-AT"),
        ]
    )
    assert tasl(rec, "fr").title == "Les fractions"
    assert tasl(rec, "de").title == "Brüche"
    assert tasl(rec, "es").title == "Fractions"  # none in Spanish: the first
    html = render(tasl(rec, "es"), lang="es", format="html")
    assert 'lang="en">Fractions</span>' in html
    french = render(tasl(rec, "fr"), lang="fr", format="html")
    assert '<span property="dct:title">Les fractions</span>' in french  # same language


def test_an_untagged_title_gets_no_lang_attribute() -> None:
    rec = record(titles=[Text(value="Fractions", language="x-none")])
    assert "Fractions</span>" in render(tasl(rec, "de"), lang="de", format="html")
    assert 'lang="x-none"' not in render(tasl(rec, "de"), lang="de", format="html")


@pytest.mark.parametrize(
    ("value", "catalog", "url"),
    [
        ("10.5555/abc.1", "DOI", "https://doi.org/10.5555/abc.1"),
        ("doi:10.5555/abc.1", None, "https://doi.org/10.5555/abc.1"),
        ("https://dx.doi.org/10.5555/abc.1", "url", "https://doi.org/10.5555/abc.1"),
        ("10.1002/(SICI)1097<693>", "doi", "https://doi.org/10.1002/(SICI)1097%3C693%3E"),
        ("hdl:20.500.12345/678", None, "https://hdl.handle.net/20.500.12345/678"),
        ("http://hdl.handle.net/1234/5", "url", "https://hdl.handle.net/1234/5"),
        ("1234/5678", "HANDLE", "https://hdl.handle.net/1234/5678"),
        ("https://example.org/x", "URI", "https://example.org/x"),
        ("HTTP://EXAMPLE.ORG/X", None, "HTTP://EXAMPLE.ORG/X"),
    ],
)
def test_identifiers_that_resolve(value: str, catalog: str | None, url: str) -> None:
    found = resolvable_url(value, catalog)
    assert found is not None and found[1] == url


@pytest.mark.parametrize(
    ("value", "catalog"),
    [
        ("1234/5678", None),
        ("urn:nbn:de:0000-1234", "urn"),
        ("978-3-16-148410-0", "isbn"),
        ("oai:example.org:1", "oai"),
        ("www.example.org/x", None),
        ("lesson-42", "local"),
        ("", None),
    ],
)
def test_identifiers_that_resolve_nowhere(value: str, catalog: str | None) -> None:
    assert resolvable_url(value, catalog) is None


def test_the_source_prefers_a_doi_then_a_handle_then_a_url() -> None:
    rec = record(
        identifiers=[
            Identifier(value="https://meta.example.org/records/1", catalog="metadata:URI"),
            Identifier(value="oai:example.org:1", catalog="oai"),
            Identifier(value="https://example.org/lesson", catalog="URI"),
            Identifier(value="hdl:1234/99", catalog=None),
            Identifier(value="10.5555/lesson", catalog="DOI"),
        ],
        urls=[Text(value="https://cdn.example.org/lesson.pdf")],
    )
    assert tasl(rec).source == "https://doi.org/10.5555/lesson"
    rec = rec.model_copy(update={"identifiers": rec.identifiers[:-1]})
    assert tasl(rec).source == "https://hdl.handle.net/1234/99"
    rec = rec.model_copy(update={"identifiers": rec.identifiers[:-1]})
    assert tasl(rec).source == "https://example.org/lesson"
    rec = rec.model_copy(update={"identifiers": rec.identifiers[:-1]})
    assert tasl(rec).source == "https://cdn.example.org/lesson.pdf"  # the location URL
    rec = rec.model_copy(update={"urls": ()})
    assert tasl(rec).source is None  # the metadata record's own URL is not the work's


# -- end to end: real records through the reader and the licence parser ----------------------------


def test_the_public_function_is_exported_lazily() -> None:
    assert oer_meta.attribution is attribution
    assert callable(oer_meta.attribution)


def test_the_exemplary_lom_record() -> None:
    path = EXAMPLES / "lom" / "exemplary-lesson.lom.xml"
    assert oer_meta.attribution(path) == (
        "“How Leaves Make Food: An Introduction to Photosynthesis” "
        "(https://doi.org/10.5555/gsl.photosynthesis.0007) by Thandiwe Mbeki is licensed "
        "under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
    )
    french = oer_meta.attribution(str(path), lang="fr", format="md")
    assert french.startswith(
        "«\u00a0[Comment les feuilles fabriquent leur nourriture : initiation à la photosynthèse]"
    )
    assert french.endswith(
        "par Thandiwe Mbeki, sous licence [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)."
    )


def test_the_exemplary_amb_record() -> None:
    html = attribution(EXAMPLES / "jsonld" / "exemplary-amb.json", lang="de", format="html")
    assert 'about="https://doi.org/10.5555/water-cycle-worksheet"' in html
    assert '<span property="cc:attributionName">Ana Ribeiro</span>' in html
    assert '<a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">' in html
    assert "CC BY-SA 4.0</a>.</p>" in html


def test_every_example_gets_a_line_in_every_language_and_format() -> None:
    seen = 0
    for path in sorted(EXAMPLES.rglob("*")):
        if not path.is_file() or path.name == "records.jsonl":  # a broken line on purpose
            continue
        for rec in oer_meta.read_records(path):
            for lang in ("en", "fr", "de", "es"):
                for fmt in ("text", "html", "markdown"):
                    line = attribution(rec, lang=lang, format=fmt)
                    assert line and "\n" not in line and "{" not in line
                    seen += 1
    assert seen >= 12 * 12


def test_an_inline_dc_record_with_all_rights_reserved() -> None:
    xml = (
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>Pond life</dc:title><dc:creator>Doe, Jane</dc:creator>"
        "<dc:creator>Roe, Richard</dc:creator>"
        "<dc:identifier>hdl:1234/pond</dc:identifier>"
        "<dc:rights>© 2020 Jane Doe. All rights reserved.</dc:rights></oai_dc:dc>"
    )
    line = attribution(xml)
    assert line.startswith("“Pond life” (https://hdl.handle.net/1234/pond) by Doe, Jane and")
    assert "Rights: “© 2020 Jane Doe. All rights reserved.” (not an open licence" in line


def test_an_inline_lom_record_with_a_role_uri_and_no_licence() -> None:
    xml = (
        '<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general>'
        '<title><string language="es">Fracciones</string></title></general>'
        "<lifeCycle><contribute><role><source>LOMv1.0</source>"
        "<value>http://example.org/vocab/role/Author</value></role>"
        "<entity>BEGIN:VCARD\nVERSION:3.0\nFN:Inés Ruiz\nEND:VCARD</entity></contribute>"
        "</lifeCycle></lom>"
    )
    found = tasl(oer_meta.read(xml), "es")
    assert found.missing == ("source", "licence")
    assert attribution(xml.encode(), lang="es") == (
        "«Fracciones» ([falta la fuente]) de Inés Ruiz. Licencia: [falta la licencia]."
    )


def test_an_inline_json_ld_record_with_cc0_and_a_copyright_holder() -> None:
    data = {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "name": "Rain [draft]",
        "url": "https://example.org/rain",
        "copyrightHolder": {"@type": "Organization", "name": "Rain School"},
        "license": "https://creativecommons.org/publicdomain/zero/1.0/",
    }
    assert attribution(data, format="markdown") == (
        "“[Rain \\[draft\\]](https://example.org/rain)” by Rain School is dedicated to the "
        "public domain under [CC0 1.0](https://creativecommons.org/publicdomain/zero/1.0/)."
    )
    assert attribution(json.dumps(data), lang="fr").startswith("«\u00a0Rain [draft]\u00a0»")


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "https://creativecommons.org/publicdomain/mark/1.0/",
            ' is marked with <a rel="license" href="https://creativecommons.org/publicdomain/'
            'mark/1.0/">Public Domain Mark 1.0</a>.</p>',
        ),
        (
            "http://rightsstatements.org/vocab/InC/1.0/",
            '. Rights: <a rel="dct:rights" href="http://rightsstatements.org/vocab/InC/1.0/">',
        ),
        (
            "CC-BY-4.0 OR MIT",
            ' <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'
            ' or <a rel="license" href="https://opensource.org/licenses/MIT">MIT</a>.</p>',
        ),
        ("Tous droits réservés", '“<span property="dct:rights">Tous droits réservés</span>”'),
    ],
)
def test_statements_read_by_the_parser(statement: str, expected: str) -> None:
    data = {
        "@context": "https://schema.org/",
        "@type": "LearningResource",
        "name": "Rain",
        "url": "https://example.org/rain",
        "author": "Ann Bo",
        "license": statement,
    }
    assert expected in attribution(data, format="html")


def test_a_source_with_several_records_is_refused() -> None:
    with pytest.raises(RecordCountError):
        attribution(EXAMPLES / "dc" / "oai-listrecords.xml")


def test_the_licence_comes_from_the_record_licence() -> None:
    rec = record(
        titles=[Text(value="Fractions")],
        licences=[LicenceStatement(raw="CC BY-ND 4.0", field="lom:rights/description")],
    )
    assert "is licensed under CC BY-ND 4.0 (https://creativecommons.org/licenses/by-nd/4.0/)" in (
        attribution(rec)
    )

"""Placeholders, markup and repeated text (knowledge/placeholders.py), on words."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oer_meta.knowledge.data_files import load_data
from oer_meta.knowledge.placeholders import (
    comparable,
    markup,
    placeholder,
    placeholder_date,
    same_words,
    words,
)


@pytest.mark.parametrize(
    ("text", "kind", "phrase"),
    [
        ("Untitled", "phrase", "untitled"),
        ("Untitled document", "phrase", "untitled document"),
        ("[Sans titre]", "phrase", "sans titre"),
        ("Sin descripción", "phrase", "sin descripción"),
        ("Keine Beschreibung vorhanden", "phrase", "keine beschreibung"),
        ("Enter a description here", "phrase", "description"),
        ("Click to add title", "phrase", "title"),
        ("article-title-en", "phrase", "title"),
        ("article-abstract", "phrase", "abstract"),
        ("Parent course title", "phrase", "title"),
        ("Título del objeto digital", "phrase", "título"),
        ("Documento sin título (2)", "phrase", "documento sin título"),
        ("[Ohne Titel]", "phrase", "ohne titel"),
        ("Χωρίς τίτλο", "phrase", "χωρίς τίτλο"),
        ("[ไม่มีชื่อ]", "phrase", "ไม่มีชื่อ"),
        ("TBD", "phrase", "tbd"),
        ("TODO", "phrase", "todo"),
        ("TODO: add a description", "phrase", "todo"),
        ("Test", "phrase", "test"),
        ("Test course 3", "phrase", "test"),
        ("Beispielressource", "phrase", "beispielressource"),
        ("N/A", "value", "n a"),
        ("n.a.", "value", "n a"),
        ("null", "value", "null"),
        ("XXX", "value", "xxx"),
        ("(unknown)", "value", "unknown"),
        ("Lorem ipsum", "dummy", "lorem ipsum"),
        ("A fine course. Lorem ipsum dolor sit amet, consectetur.", "dummy", "lorem ipsum"),
        ("-", "no-words", ""),
        ("...", "no-words", ""),
        ("???", "no-words", ""),
    ],
)
def test_placeholders_are_recognised_on_words(text: str, kind: str, phrase: str) -> None:
    found = placeholder(text)
    assert found is not None
    assert (found.kind, found.phrase) == (kind, phrase)


@pytest.mark.parametrize(
    "text",
    [
        "Untitled Goose Game: a case study",
        "Test Driven Development",
        "Abstract algebra",
        "Title IX and your campus",
        "A worked example of long division",
        "Description of a cell under the microscope",
        "The Unknown",
        "Sample size calculation",
        "1984",
        "Photosynthesis",
        "Eine OER",
        "Lesson 1",
        "Open Educational Resource",
        "",
        "   ",
    ],
)
def test_content_is_not_a_placeholder(text: str) -> None:
    assert placeholder(text) is None


def test_a_word_of_a_phrase_counts_only_inside_that_phrase() -> None:
    assert placeholder("ohne Beschreibung") is not None
    assert placeholder("Beschreibung ohne") is None  # "ohne" is no filler on its own
    assert placeholder("sans titre") is not None
    assert placeholder("titre sans") is None


def test_every_listed_phrase_is_a_placeholder_alone_and_not_beside_a_content_word() -> None:
    data = load_data("placeholders.json")
    for tag, language in data["languages"].items():
        for phrase in language["phrases"]:
            assert placeholder(phrase) is not None, (tag, phrase)
            assert placeholder(f"{phrase} photosynthesis") is None, (tag, phrase)
    for value in data["whole_values"]:
        assert placeholder(value) is not None, value
        assert placeholder(f"{value} photosynthesis") is None, value


def test_fillers_alone_make_no_placeholder() -> None:
    for language in load_data("placeholders.json")["languages"].values():
        fillers = " ".join(language["fillers"][:6])
        assert fillers == "" or placeholder(fillers) is None, fillers


_PHRASES = sorted(
    {p for lang in load_data("placeholders.json")["languages"].values() for p in lang["phrases"]}
)
_FILLERS = ["the", "document", "here", "de", "un", "neue", "enter"]
_DECORATION = st.sampled_from(["", "[", "(", '"', "« ", "* "])
_NUMBER = st.sampled_from(["", " 1", " (2)", " 2024", " #4"])


@given(
    phrase=st.sampled_from(_PHRASES),
    before=st.lists(st.sampled_from(_FILLERS), max_size=2),
    after=st.lists(st.sampled_from(_FILLERS), max_size=2),
    open_=_DECORATION,
    number=_NUMBER,
)
def test_a_phrase_with_fillers_numbers_and_brackets_stays_a_placeholder(
    phrase: str, before: list[str], after: list[str], open_: str, number: str
) -> None:
    text = open_ + " ".join([*before, phrase, *after]) + number
    found = placeholder(text)
    assert found is not None and found.kind == "phrase"
    assert placeholder(text + " mitochondria") is None


@given(st.text(max_size=300))
def test_placeholder_and_markup_never_raise(text: str) -> None:
    found = placeholder(text)
    if not text.strip():
        assert found is None
    for item in markup(text):
        assert item.kind in ("tag", "comment", "entity")
        assert item.sample and item.sample[0] in "<&"
    assert words(text) == words(text.upper().lower()) or not text.isascii()


@pytest.mark.parametrize(
    ("text", "kinds", "sample"),
    [
        ("<p>An introduction</p>", ["tag"], "<p>"),
        ("Line one<br/>line two", ["tag"], "<br/>"),
        ("See <a href='https://x.org'>here</a>", ["tag"], "<a href='https://x.org'>"),
        ('<span style="color: red;">Full</span>', ["tag"], '<span style="color: red;">'),
        ("Maths &amp; Physics", ["entity"], "&amp;"),
        ("It&#39;s here", ["entity"], "&#39;"),
        ("&lt;p&gt;Text&lt;/p&gt;", ["entity"], "&lt;"),
        ("Text <!-- hidden --> more", ["comment"], "<!--"),
        ("<!--<b>Full</b>--> Text", ["tag", "comment"], "<b>"),
    ],
)
def test_markup_is_found(text: str, kinds: list[str], sample: str) -> None:
    found = markup(text)
    assert [m.kind for m in found] == kinds
    assert found[0].sample == sample


@pytest.mark.parametrize(
    "text",
    [
        "if a<b and c>d then",
        "x < y > z",
        "Learn the <T> type parameter",
        "AT&T; R&D; Q&A",
        "Fish & chips",
        "a &nosuchentity; here",
    ],
)
def test_text_that_only_looks_like_markup_is_not_markup(text: str) -> None:
    assert markup(text) == []


def test_same_words_ignores_case_accents_spacing_and_punctuation() -> None:
    assert same_words("Photosynthèse", "  photosynthese. ")
    assert same_words("Fractions, part 2", "fractions part 2")
    assert not same_words("Fractions part 2", "Fractions part 3")
    assert not same_words("Fractions", "Fractions: adding and subtracting")
    assert not same_words("", "")
    assert comparable("Café -- au  LAIT!") == "cafe au lait"


@given(st.text(max_size=80), st.text(max_size=80))
def test_same_words_is_symmetric(first: str, second: str) -> None:
    assert same_words(first, second) == same_words(second, first)
    assert same_words(first, first) == bool(comparable(first))


# -- dates that are software defaults (placeholder_date) ---------------------------------


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("1970-01-01", "the Unix epoch, the date of a zero timestamp"),
        ("1970-01-01 00:00:09 +0000", "within a day of the Unix epoch"),
        ("1970-01-01T00:00:00Z", "within a day of the Unix epoch"),
        ("1970-01-01T00:00:00.000+00:00", "within a day of the Unix epoch"),
        ("1969-12-31T19:00:00-05:00", "within a day of the Unix epoch"),
        ("1970-01-01T12:00:00+14:00", "within a day of the Unix epoch"),
        ("1970-01-01T01:00:00+0100", "within a day of the Unix epoch"),
        (" 1970-01-01 00:00 UTC ", "within a day of the Unix epoch"),
        ("0000-00-00", "the year 0000"),
        ("0000-00-00 00:00:00", "the year 0000"),
        ("0000-01-01T00:00:00Z", "the year 0000"),
        ("0001-01-01", "the smallest date of .NET and Go"),
        ("0001-01-01T00:00:00Z", "the smallest date of .NET and Go"),
    ],
)
def test_software_default_dates_are_placeholders(value: str, reason: str) -> None:
    found = placeholder_date(value)
    assert found is not None
    assert found.startswith(reason)


@pytest.mark.parametrize(
    "value",
    [
        "1900-01-01",  # a historical item's year, stored as its first day
        "1970",  # year precision
        "1970-01",
        "1969-12-31",  # a date, not a timestamp printed in a zone
        "1970-01-02T00:00:00Z",  # a day after the epoch
        "1969-12-30T23:00:00Z",
        "0001-01-01T10:30:00Z",
        "2024-01-01",
        "1970-01-01 is the epoch",
        "",
    ],
)
def test_real_dates_are_not_placeholders(value: str) -> None:
    assert placeholder_date(value) is None


@given(st.text(max_size=40))
def test_placeholder_date_never_raises(text: str) -> None:
    placeholder_date(text)


@given(
    st.datetimes(min_value=datetime.datetime(1971, 1, 2), max_value=datetime.datetime(2100, 1, 1)),
    st.sampled_from(["T", " "]),
    st.sampled_from(["", "Z", "+00:00", "-0500", " UTC"]),
)
def test_no_date_after_1970_is_a_placeholder(
    moment: datetime.datetime, separator: str, zone: str
) -> None:
    assert placeholder_date(moment.date().isoformat()) is None
    assert placeholder_date(moment.strftime(f"%Y-%m-%d{separator}%H:%M:%S") + zone) is None


@given(st.integers(min_value=-86_399, max_value=86_399), st.integers(-12, 14))
def test_a_zero_timestamp_in_any_zone_is_a_placeholder(seconds: int, hours: int) -> None:
    zone = datetime.timezone(datetime.timedelta(hours=hours))
    moment = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(
        seconds=seconds
    )
    local = moment.astimezone(zone)
    if local.date().isoformat() in ("1969-12-31", "1970-01-01"):  # not 1970-01-02 at +14
        assert placeholder_date(local.isoformat()) is not None

"""``oer-meta fix`` and ``oer_meta.fix``: safe fixes that edit the original bytes.

Every fixture is written here.  A fix must leave every byte outside the value it
replaces as it was (comments, attribute order, CRLF, the encoding), remove the finding
it fixes, change nothing on a second run, and leave alone what is not certain.  The
corpus tests fix COPIES of the real files (tmp_path), never the files themselves.
"""

from __future__ import annotations

import codecs
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import oer_meta
from oer_meta.checks.registry import all_rules, get_rule
from oer_meta.cli import main
from oer_meta.docgen import rule_text, rules_markdown
from oer_meta.fixes import FIXERS, fix
from oer_meta.fixes.locate import XmlText, unescape_xml
from oer_meta.fixes.text import decode_source
from tests.corpus_paths import CORPUS, CORPUS2, corpus_files, corpus_id

# -- fixtures written by the project ------------------------------------------------------

#: LOM in ISO-8859-1 with CRLF line ends, comments, odd attribute order, a namespace
#: declared on the root, a title with a non-ASCII letter, and three fixable values.
LOM = (
    '<?xml version="1.0" encoding="ISO-8859-1"?>\r\n'
    "<!-- written by hand: a fixable record -->\r\n"
    '<lom xmlns:x="urn:example:x" xmlns="http://ltsc.ieee.org/xsd/LOM" x:note="b" id="a">\r\n'
    "  <general>\r\n"
    '    <title><string language="fr">\u00c9l\u00e8ve et \u00e9cole</string></title>\r\n'
    "    <!-- the language, written as a librarian would -->\r\n"
    "    <language>  FRE\t</language>\r\n"
    "    <language>English</language>\r\n"
    "  </general>\r\n"
    "  <educational>\r\n"
    "    <learningResourceType>\r\n"
    "      <value>Lecture</value>  <!-- case -->\r\n"
    "      <source>LOMv1.0</source>\r\n"
    "    </learningResourceType>\r\n"
    "  </educational>\r\n"
    "</lom>\r\n"
).encode("latin-1")

LOM_FIXED = LOM.replace(b"<language>  FRE\t</language>", b"<language>  fr\t</language>").replace(
    b"<value>Lecture</value>", b"<value>lecture</value>"
)

DC = b"""<?xml version="1.0" encoding="UTF-8"?>
<oai_dc:dc xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/">
  <dc:title>Rivers &amp; lakes</dc:title><dc:rights>GPL-2.0+</dc:rights>
  <dc:language>en_US</dc:language>
  <dc:language>ger</dc:language>   <!-- DCMI's own advice, still fixable -->
  <dc:rights>GPL-3.0 OR MIT</dc:rights>
</oai_dc:dc>
"""

DC_FIXED = (
    DC.replace(b">GPL-2.0+<", b">GPL-2.0-or-later<")
    .replace(b">en_US<", b">en-US<")
    .replace(b">ger<", b">de<")
)

JSONLD = (
    b'{ "@context" : "https://schema.org/",\n'
    b'  "@type":"LearningResource",   "name" :"Caf\\u00e9 maths",\n'
    b' "inLanguage" :   "EN" ,"interactivityType":"Mixed",\n'
    b'"license":   "LGPL-2.1"  }\n'
)

JSONLD_FIXED = (
    JSONLD.replace(b'"EN"', b'"en"')
    .replace(b'"Mixed"', b'"mixed"')
    .replace(b'"LGPL-2.1"', b'"LGPL-2.1-only"')
)


def _codes(data: bytes) -> Counter[str]:
    return Counter(f.rule for f in oer_meta.validate(data).findings)


@pytest.mark.parametrize(
    ("original", "expected", "codes"),
    [
        (LOM, LOM_FIXED, {"LANG003": 1, "STD007": 1}),
        (DC, DC_FIXED, {"LANG003": 1, "LANG010": 1, "LIC013": 1}),
        (JSONLD, JSONLD_FIXED, {"LANG009": 1, "STD007": 1, "LIC013": 1}),
    ],
    ids=["lom-latin1-crlf", "dc", "jsonld"],
)
def test_a_fix_changes_the_value_and_nothing_else(
    original: bytes, expected: bytes, codes: dict[str, int]
) -> None:
    result = fix(original)
    assert result.fixed == expected  # every other byte as it was, encoding included
    assert Counter(a.code for a in result.applied) == Counter(codes)
    before, after = _codes(original), _codes(result.fixed)
    for code, count in codes.items():
        assert after[code] == before[code] - count  # the fixed finding is gone
    assert not after - before  # and no new one appears
    assert not fix(result.fixed).changed  # a second run changes nothing


def test_the_latin1_file_stays_latin1() -> None:
    result = fix(LOM)
    assert result.codec == "iso8859-1"
    assert "\u00c9l\u00e8ve et \u00e9cole".encode("latin-1") in result.fixed
    assert result.text is not None and "<language>  fr\t</language>\r\n" in result.text


def test_utf16_with_a_byte_order_mark_stays_utf16() -> None:
    text = DC.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    original = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    result = fix(original)
    assert result.fixed == codecs.BOM_UTF16_LE + DC_FIXED.decode("utf-8").replace(
        'encoding="UTF-8"', 'encoding="UTF-16"'
    ).encode("utf-16-le")


def test_what_is_not_certain_is_left_and_said() -> None:
    result = fix(LOM)
    left = {(s.code, s.path): s.reason for s in result.skipped}
    # "English" names a language, but a name is not a tag: writing "en" would be a guess
    assert left == {("LANG003", "/lom:lom/lom:general/lom:language[2]"): "no certain replacement"}
    assert b"<language>English</language>" in result.fixed


@pytest.mark.parametrize(
    "content",
    [
        "E<!-- split -->N",  # a comment inside the value: not one plain span
        "<![CDATA[EN]]>",
        "&#69;N",  # the value is EN, but written with a character reference
    ],
)
def test_a_value_not_written_plainly_is_never_guessed_at(content: str) -> None:
    original = (
        '<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general>'
        f"<language>{content}</language></general></lom>"
    ).encode()
    result = fix(original)
    if content.startswith("&#"):
        # a character reference decodes to exactly the value: replaced whole, safely
        assert result.fixed == original.replace(content.encode(), b"en")
    else:
        assert result.fixed == original
        assert [s.code for s in result.skipped] == ["LANG009"]


def test_two_candidates_on_one_line_are_told_apart_by_position() -> None:
    original = (
        b'<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><language>EN</language>'
        b"<language>EN</language></general><metaMetadata><language>EN</language>"
        b"</metaMetadata></lom>"
    )
    result = fix(original)
    assert result.fixed == original.replace(b">EN<", b">en<")
    assert len(result.applied) == 3


_INNER = (
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title>'
    "<dc:language>eng</dc:language>\n<dc:rights>http://creativecommons.org/licenses/by/4.0/"
    "</dc:rights></oai_dc:dc>"
)


def _envelope(payload: str) -> bytes:
    return (
        '{"documents": [\n  {"doc_type": "resource_data", "payload_schema": ["oai_dc"],\n'
        '   "resource_locator": "https://example.org/a",\n'
        f'   "resource_data": {payload}}}\n]}}\n'
    ).encode()


def test_xml_inside_a_json_string_is_fixed_in_the_string() -> None:
    """A Learning Registry envelope carries its record as XML in a JSON string: the fix
    is made in the XML, and the string written again exactly as it was written."""
    import json

    original = _envelope(json.dumps(_INNER))
    result = fix(original)
    fixed_inner = _INNER.replace(">eng<", ">en<").replace("http://creative", "https://creative")
    assert result.fixed == _envelope(json.dumps(fixed_inner))
    assert sorted(a.code for a in result.applied) == ["LANG010", "LIC014"]
    assert not fix(result.fixed).changed


def test_a_json_string_that_would_not_be_written_back_the_same_is_left() -> None:
    import json

    # "\/" is a legal escape the JSON encoder never writes: rewriting the string would
    # change bytes outside the value, so nothing is fixed
    original = _envelope(json.dumps(_INNER).replace("/", "\\/"))
    result = fix(original)
    assert not result.changed
    assert {s.reason for s in result.skipped} == {
        "the value is not written exactly once where the finding points"
    }


def test_select_and_ignore_pick_the_fixes() -> None:
    only_case = fix(LOM, select=["STD007"])
    assert [a.code for a in only_case.applied] == ["STD007"]
    no_lang = fix(DC, ignore=["LANG"])
    assert [a.code for a in no_lang.applied] == ["LIC013"]
    with pytest.raises(oer_meta.OerMetaError):
        fix(DC, select=["LANGX"])


def test_a_path_is_edited_in_place_unless_dry_run(tmp_path: Path) -> None:
    path = tmp_path / "record.xml"
    path.write_bytes(DC)
    path.chmod(0o640)
    dry = fix(path, dry_run=True)
    assert dry.changed and not dry.written and path.read_bytes() == DC
    assert "-  <dc:language>en_US</dc:language>" in dry.diff()
    done = fix(path)
    assert done.written and path.read_bytes() == DC_FIXED
    assert path.stat().st_mode & 0o777 == 0o640
    assert not fix(path).changed


# -- the command line -----------------------------------------------------------------------


def test_cli_diff_writes_nothing_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "record.xml"
    path.write_bytes(DC)
    assert main(["fix", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "+  <dc:language>en-US</dc:language>" in out
    assert path.read_bytes() == DC


def test_cli_fixes_in_place_then_has_nothing_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "record.xml"
    path.write_bytes(DC)
    assert main(["fix", str(tmp_path)]) == 0  # a folder is walked
    assert path.read_bytes() == DC_FIXED
    out = capsys.readouterr().out
    assert f"{path}:5: LANG003 'en_US' → 'en-US'" in out
    assert main(["fix", "--diff", str(path)]) == 0  # nothing left to change
    assert main(["fix", "--select", "LANG010", str(path)]) == 0


def test_cli_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "record.xml"
    path.write_bytes(DC)
    assert main(["fix", "--select", "NOPE1", str(path)]) == 2
    assert main(["fix", str(tmp_path / "missing.xml"), str(path)]) == 2
    assert path.read_bytes() == DC_FIXED  # the path that exists was still fixed
    assert "no such file or folder" in capsys.readouterr().err


# -- the rule pages say which rules are fixable -------------------------------------------


def test_every_fixer_is_declared_on_its_rule_and_the_reverse() -> None:
    declared = {rule.code for rule in all_rules() if rule.fixable}
    assert declared == set(FIXERS)


def test_the_rule_page_says_fixable() -> None:
    lang010 = " ".join(rule_text(get_rule("LANG010")).split())  # the text is wrapped
    assert "Fixable: yes (oer-meta fix writes the two-letter tag" in lang010
    assert "Fixable: no" in rule_text(get_rule("LIC001"))
    assert "- Fixable: yes (`oer-meta fix` writes the token" in rules_markdown()


# -- text, encodings and the XML scanner ---------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf<a>x</a>",
        "<?xml version='1.0' encoding='windows-1252'?><a>\u20ac</a>".encode("cp1252"),
        codecs.BOM_UTF16_BE + "<a>\u00e9</a>".encode("utf-16-be"),
    ],
)
def test_decoding_round_trips(data: bytes) -> None:
    source = decode_source(data)
    assert source is not None and source.encode(source.text) == data


def test_bytes_that_do_not_round_trip_are_not_edited() -> None:
    assert decode_source(b"<a>\xff\xfe broken utf-8</a>") is None
    assert decode_source(b'<?xml version="1.0" encoding="x-unknown"?><a/>') is None


def test_unescape_refuses_undeclared_entities() -> None:
    assert unescape_xml("a &amp; b &#x41;") == "a & b A"
    assert unescape_xml("&nbsp;") is None


def test_the_scanner_steps_over_doctype_comments_and_quoted_angles() -> None:
    text = '<!DOCTYPE a [ <!ELEMENT a ANY> ]><a t="1>2"><!-- <b> -->\n<b>x</b><b>y</b></a>'
    scan = XmlText(text, [2])
    assert [(e.steps, e.content) for e in scan.elements] == [
        ((("a", 1), ("b", 1)), (text.index("x"), text.index("x") + 1)),
        ((("a", 1), ("b", 2)), (text.index("y"), text.index("y") + 1)),
    ]
    assert scan.span("/a/b[2]", 2, "y", "z") is not None
    assert scan.span("/a/b", 2, "y", "z") is None  # two candidates: never a guess


# -- property: white space and comments around a fixable value -----------------------------

_SPACE = st.text(alphabet=" \t\r\n", max_size=4)
_COMMENT = st.one_of(
    st.just(""),
    st.builds(lambda t: f"<!--{t}-->", st.from_regex(r"[a-z <>&]{0,8}", fullmatch=True)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=_SPACE,
    after=_SPACE,
    around=st.lists(_COMMENT, min_size=3, max_size=3),
    order=st.booleans(),
)
def test_fixes_keep_whatever_surrounds_the_value(
    before: str, after: str, around: list[str], order: bool
) -> None:
    attrs = 'b="2" a="1"' if order else 'a="1" b="2"'
    text = (
        f'<lom xmlns="http://ltsc.ieee.org/xsd/LOM" {attrs}>{around[0]}<general>'
        f"{around[1]}<language>{before}EN{after}</language>{around[2]}</general></lom>"
    )
    result = fix(text.encode())
    assert result.fixed == text.replace(f">{before}EN{after}<", f">{before}en{after}<").encode()
    assert not fix(result.fixed).changed


# -- copies of the real corpora -----------------------------------------------------------

_ALL = [*corpus_files(), *corpus_files(root=CORPUS2)]


def _by_place(data: bytes) -> Counter[tuple[str, str | None]]:
    report = oer_meta.validate(data)
    return Counter((f.rule, f.location.path) for f in report.findings)


def _statuses(data: bytes) -> list[tuple[str, str, str | None]]:
    return [(r.status, r.format, r.record_id) for r in oer_meta.validate(data).results]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", _ALL, ids=[corpus_id(p) for p in _ALL])
def test_fixing_a_copy_of_a_corpus_file(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    original = copy.read_bytes()
    result = fix(copy)
    assert copy.read_bytes() == result.fixed
    assert path.read_bytes() == original  # the corpus itself is never touched
    if not result.changed:
        assert result.fixed == original and not result.applied
        return
    assert _statuses(result.fixed) == _statuses(original)  # still reads, same records
    before, after = _by_place(original), _by_place(result.fixed)
    assert not after - before, "a fix made a new finding appear"
    for done in result.applied:
        assert (done.code, done.path) not in after
    assert not fix(copy).changed  # a second run changes nothing


# -- the language attributes of strings ----------------------------------------------------

STRINGS = b"""<lom xmlns="http://ltsc.ieee.org/xsd/LOM"
     xmlns:x="urn:example:x">
  <general>
    <title><string language="fre">Eau</string></title>
    <language>fr</language>
    <description><string language='fre'>Eau et
      cuisson</string></description>
    <keyword><string language="fre">eau</string></keyword>
    <keyword><string language="en">water</string></keyword>
    <!-- <string language="fre">a comment is not a string</string> -->
  </general>
  <educational><description><string language="fre">Pour tous</string></description>
    <x:note language="fre">an attribute of another element keeps its meaning</x:note>
  </educational>
</lom>
"""


def test_a_string_language_group_is_fixed_in_every_string_of_the_record() -> None:
    result = fix(STRINGS)
    expected = (
        STRINGS.replace(b'<string language="fre">', b'<string language="fr">')
        .replace(b"<string language='fre'>", b"<string language='fr'>")
        .replace(b'<!-- <string language="fr">a comment', b'<!-- <string language="fre">a comment')
    )
    assert result.fixed == expected  # the comment and x:note keep "fre"
    assert [a.code for a in result.applied] == ["LANG003"]
    assert not [f for f in oer_meta.validate(result.fixed).findings if f.rule == "LANG003"]
    assert not fix(result.fixed).changed


def test_a_start_tag_over_several_lines_is_found() -> None:
    """libxml2 gives an element the line its start tag ends on."""
    original = (
        b'<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><language\n  x="1"\n>EN'
        b"</language></general></lom>"
    )
    assert fix(original).fixed == original.replace(b">EN<", b">en<")


# -- LIC014: the canonical URL of a Creative Commons licence --------------------------------

LICENCES = b"""<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
  <dc:title>Maps</dc:title>
  <dc:rights>http://www.CreativeCommons.org/licenses/by-sa/4.0</dc:rights>
  <dc:rights>https://creativecommons.org/licenses/by-sa/4.0/legalcode</dc:rights>
  <dc:rights>https://creativecommons.org/licenses/by-sa/4.0/deed.fr</dc:rights>
  <dc:rights>CC BY-SA 4.0 (http://creativecommons.org/licenses/by-sa/4.0/)</dc:rights>
</oai_dc:dc>
"""


def test_a_cc_url_gets_its_canonical_form_and_other_pages_are_left() -> None:
    before = [f for f in oer_meta.validate(LICENCES).findings if f.rule == "LIC014"]
    assert [f.location.line for f in before] == [4]  # legal code, deed and prose: not reported
    assert before[0].hint == "write https://creativecommons.org/licenses/by-sa/4.0/"
    result = fix(LICENCES)
    assert result.fixed == LICENCES.replace(
        b"http://www.CreativeCommons.org/licenses/by-sa/4.0<",
        b"https://creativecommons.org/licenses/by-sa/4.0/<",
    )
    assert not [f for f in oer_meta.validate(result.fixed).findings if f.rule == "LIC014"]


def test_a_cc_url_in_json_ld() -> None:
    original = (
        b'{"@context": "https://schema.org/", "@type": "CreativeWork", "name": "Maps",\n'
        b' "license": "http://creativecommons.org/publicdomain/zero/1.0"}'
    )
    result = fix(original)
    assert result.fixed == original.replace(
        b'"http://creativecommons.org/publicdomain/zero/1.0"',
        b'"https://creativecommons.org/publicdomain/zero/1.0/"',
    )
    assert [a.code for a in result.applied] == ["LIC014"]


def test_cli_standard_input_is_fixed_to_standard_output(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DC)))
    assert main(["fix", "-"]) == 0
    assert capsysbinary.readouterr().out == DC_FIXED


def test_a_fix_that_would_not_remove_its_finding_is_not_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fixed text is checked again before anything is written: a replacement that
    trades the finding for another fixable one (here 'ger' → 'DE', a LANG009) is refused."""
    from oer_meta.fixes.fixers import Replacement

    monkeypatch.setitem(FIXERS, "LANG010", lambda finding, record: Replacement("ger", "DE"))
    result = fix(DC, select=["LANG010"])
    assert not result.changed and not result.applied
    assert [s.reason for s in result.skipped] == ["the fix would not remove the finding"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gaps=st.lists(st.text(alphabet=" \t\r\n", max_size=3), min_size=6, max_size=6))
def test_json_spacing_around_a_fixable_value_is_kept(gaps: list[str]) -> None:
    a, b, c, d, e, f = gaps
    text = (
        f'{{{a}"@context"{b}:{c}"https://schema.org/",{d}"@type":"CreativeWork",'
        f'"name":"N",{e}"inLanguage"{f}:{a}"en_GB"{b},"license":"CC-BY-4.0"{c}}}'
    )
    result = fix(text.encode())
    assert result.fixed == text.replace('"en_GB"', '"en-GB"').encode()
    assert not fix(result.fixed).changed


# -- A11Y009: the current term of the W3C accessibility vocabulary -----------------------

ACCESSIBILITY = b"""{"@context": "https://schema.org/", "@type": "CreativeWork", "name": "Maps",
 "license": "https://creativecommons.org/licenses/by/4.0/",
 "accessibilityFeature": ["tableofcontents", "printPageNumbers", "bookmarks", "captions",
                          "displayTransformability/font-size"],
 "accessibilityAPI": "iOSAccessibility",
 "accessibilityHazard": "http://www.w3.org/ns/a11y#noFlashingHazard"}
"""


def test_accessibility_values_get_their_one_current_term() -> None:
    before = [f for f in oer_meta.validate(ACCESSIBILITY).findings if f.rule == "A11Y009"]
    assert len(before) >= 6  # case, synonym, two deprecated, legacy, the Apple API
    result = fix(ACCESSIBILITY)
    assert sorted(a.code for a in result.applied) == ["A11Y009"] * 3
    expected = (
        ACCESSIBILITY.replace(b'"tableofcontents"', b'"tableOfContents"')
        .replace(b'"printPageNumbers"', b'"pageBreakMarkers"')
        .replace(b'"bookmarks"', b'"tableOfContents"')
    )
    assert result.fixed == expected
    # Left, and still reported: a choice of two, a refinement that would be lost, the
    # Apple API whose replacement the vocabulary swaps.
    after = [f for f in oer_meta.validate(result.fixed).findings if f.rule == "A11Y009"]
    assert {f.message.split("'")[1] for f in after} >= {
        "captions",
        "displayTransformability/font-size",
        "iOSAccessibility",
    }
    assert fix(result.fixed).fixed == result.fixed

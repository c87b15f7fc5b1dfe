"""National and application profiles of LOM are not errors: a record is judged by the
profile it declares or is recognised as, its extensions are read, and structure messages
name the binding or profile whose rule they apply (issue 9, section 2)."""

from __future__ import annotations

import pytest

import oer_meta
from oer_meta.model import Record
from oer_meta.readers import read_records
from oer_meta.readers.xml.namespaces import HS_OER_LOM, IMSMD_V1P2, LOM_IEEE, SCOLOMFR

IMS_TITLE = "IMS Learning Resource Meta-data 1.2 XML binding"
IEEE_TITLE = "IEEE 1484.12.3 LOM XML binding"


def read_one(xml: str) -> Record:
    [record] = list(read_records(xml.encode("utf-8")))
    return record


def std002(record: Record) -> list[str]:
    return [p.message for p in record.problems if p.rule == "STD002"]


def vocab(name: str, value: str, source: str = "LOMv1.0") -> str:
    return f"<{name}><source>{source}</source><value>{value}</value></{name}>"


def ims_vocab(name: str, value: str, source: str = "LOMv1.0") -> str:
    return (
        f'<{name}><source><langstring xml:lang="x-none">{source}</langstring></source>'
        f'<value><langstring xml:lang="x-none">{value}</langstring></value></{name}>'
    )


def schema(value: str) -> str:
    return f"<metaMetadata><metadataSchema>{value}</metadataSchema></metaMetadata>"


LOM_ES_EXTENSIONS = (
    "<educational>"
    + vocab("cognitiveProcess", "analyse", "LOM-ESv1.0")
    + vocab("cognitiveProcess", "summarize", "LOM-ESv1.0")
    + "</educational><rights>"
    + vocab("copyrightAndOtherRestrictions", "public domain", "LOM-ESv1.0")
    + "<access>"
    + vocab("accessType", "non-universal", "LOM-ESv1.0")
    + "<description><string>Solo para centros registrados</string></description>"
    "</access></rights>"
)


# -- LOM-ES ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "declaration",
    [
        "<metaMetadata><metadataSchema>LOM-ESv1.0</metadataSchema></metaMetadata>",
        "<metaMetadata><metadataSchema>LOM-ES V1.0</metadataSchema></metaMetadata>",
        "",  # the LOM-ESv1.0 vocabulary sources name the profile
    ],
)
def test_lom_es_extensions_are_read_not_reported(declaration: str) -> None:
    record = read_one(f'<lom xmlns="{LOM_IEEE}">{LOM_ES_EXTENSIONS}{declaration}</lom>')
    assert record.profiles == ("lom-es",)
    assert record.problems == ()
    cognitive = [
        t.value for t in record.vocabulary_terms if t.element == "educational.cognitiveProcess"
    ]
    assert cognitive == ["analyse", "summarize"]
    [access] = record.access_conditions
    assert (access.element, access.value, access.source) == (
        "rights.access.accessType",
        "non-universal",
        "LOM-ESv1.0",
    )
    assert [e.value for e in record.extensions if e.name.endswith("}description")] == [
        "Solo para centros registrados"
    ]


def test_lom_es_extensions_outside_lom_es_name_the_profile_that_adds_them() -> None:
    record = read_one(
        f'<lom xmlns="{LOM_IEEE}">{LOM_ES_EXTENSIONS.replace("LOM-ESv1.0", "LOMv1.0")}</lom>'
    )
    assert record.profiles == ()
    assert std002(record) == [
        f"<cognitiveProcess> is not part of <educational> (educational) in the {IEEE_TITLE}; "
        "only the LOM-ES profile adds it",
        f"<cognitiveProcess> is not part of <educational> (educational) in the {IEEE_TITLE}; "
        "only the LOM-ES profile adds it",
        f"<access> is not part of <rights> (rights) in the {IEEE_TITLE}; only the LOM-ES "
        "profile adds it",
    ]
    assert {p.field for p in record.problems} == {"vocabulary_terms", "extensions"}
    assert all("metaMetadata.metadataSchema" in (p.hint or "") for p in record.problems)
    # read anyway, as the profile defines them
    assert [t.value for t in record.access_conditions] == ["non-universal"]


def test_unique_element_name_attributes_of_the_ieee_unique_schema_are_not_reported() -> None:
    record = read_one(
        f'<lom xmlns="{LOM_IEEE}"><general uniqueElementName="general">'
        '<title uniqueElementName="title"><string language="es">Título</string></title>'
        '<structure uniqueElementName="structure"><source uniqueElementName="source">'
        'LOM-ESv1.0</source><value uniqueElementName="value">atomic</value></structure>'
        "</general></lom>"
    )
    assert record.title == "Título"
    assert record.problems == ()


# -- pairs in one vocabulary or date -------------------------------------------------------


def test_several_pairs_in_one_vocabulary_are_one_finding_and_all_read() -> None:
    record = read_one(
        f'<lom xmlns="{LOM_IEEE}"><lifeCycle><contribute><role>'
        "<source>LOMv1.0</source><value>author</value><source>LOMv1.0</source>"
        "<value>editor</value></role><entity>BEGIN:VCARD\nFN:Ana\nEND:VCARD</entity>"
        "<date><dateTime>2007-05-03</dateTime><description><string>a</string></description>"
        "<dateTime>2006-10-03</dateTime><description><string>b</string></description></date>"
        "</contribute></lifeCycle><educational><learningResourceType><source>LOMv1.0</source>"
        "<value>exercise</value><value>exam</value></learningResourceType></educational></lom>"
    )
    assert std002(record) == [
        f"lifeCycle.contribute.role holds more than one <source>/<value> pair; the {IEEE_TITLE} "
        "allows one",
        f"lifeCycle.contribute.date holds more than one <dateTime>/<description> pair; the "
        f"{IEEE_TITLE} allows one",
        f"educational.learningResourceType holds more than one <source>/<value> pair; the "
        f"{IEEE_TITLE} allows one",
    ]
    roles = [t.value for t in record.vocabulary_terms if t.element == "lifeCycle.contribute.role"]
    assert roles == ["author", "editor"]
    assert [a.role for a in record.contributors] == ["author"]  # the agent takes the first
    assert [d.value for d in record.dates] == ["2007-05-03"]
    # a second value without its own source keeps the one before it
    assert [(t.value, t.source) for t in record.learning_resource_types] == [
        ("exercise", "LOMv1.0"),
        ("exam", "LOMv1.0"),
    ]
    hints = [p.hint or "" for p in record.problems]
    assert "repeat its parent element" in hints[0]
    assert "write one <learningResourceType> per value" in hints[2]


def test_a_repeated_pair_inside_a_profile_element_names_the_profile() -> None:
    record = read_one(
        f'<lom xmlns="{LOM_IEEE}"><educational><cognitiveProcess><source>LOM-ESv1.0</source>'
        "<value>analyse</value><source>LOM-ESv1.0</source><value>implement</value>"
        "</cognitiveProcess></educational></lom>"
    )
    assert std002(record) == [
        "educational.cognitiveProcess holds more than one <source>/<value> pair; the LOM-ES "
        "profile allows one"
    ]


# -- IMS MD 1.2 and NL-LOM ---------------------------------------------------------------


def test_ims_md_allows_one_educational_and_says_so() -> None:
    record = read_one(
        f'<lom xmlns="{IMSMD_V1P2}"><educational>{ims_vocab("context", "school")}</educational>'
        f"<educational>{ims_vocab('context', 'training')}</educational></lom>"
    )
    [message] = std002(record)
    assert message == (
        f"<educational> appears more than once in <lom>; the {IMS_TITLE} allows one educational"
    )
    assert "NL-LOM" in (record.problems[0].hint or "")
    assert [t.value for t in record.educational_levels] == ["school", "training"]


@pytest.mark.parametrize(
    "nl_lom",
    [
        "<metametadata><metadatascheme>nl_lom_v1p0</metadatascheme></metametadata>",
        "<general>"
        + ims_vocab(
            "aggregationlevel",
            "2",
            "http://purl.edustandaard.nl/vdex_aggregationlevel_czp_20060628.xml",
        )
        + "</general>",
    ],
)
def test_nl_lom_repeats_educational_in_the_ims_namespace(nl_lom: str) -> None:
    record = read_one(
        f'<lom xmlns="{IMSMD_V1P2}">{nl_lom}<educational>{ims_vocab("context", "school")}'
        f"</educational><educational>{ims_vocab('context', 'training')}</educational></lom>"
    )
    assert record.profiles == ("nl-lom",)
    assert record.problems == ()
    assert len(record.educational_levels) == 2


def test_the_ieee_binding_repeats_educational_and_classification() -> None:
    record = read_one(
        f'<lom xmlns="{LOM_IEEE}"><educational/><educational/><classification/>'
        "<classification/></lom>"
    )
    assert record.problems == ()


# -- HS-OER-LOM --------------------------------------------------------------------------


def test_hs_oer_lom_types_other_platform_requirements_as_plain_text() -> None:
    body = (
        "<lom><technical><otherplatformrequirements>Ein Videoplayer für MP4."
        "</otherplatformrequirements></technical></lom>"
    )
    hs = read_one(f'<metadata xmlns="{HS_OER_LOM}">{body}</metadata>')
    assert hs.profiles == ("hs-oer-lom",)
    assert hs.problems == ()
    assert [e.value for e in hs.extensions if "otherplatformrequirements" in e.name] == [
        "Ein Videoplayer für MP4."
    ]
    ims = read_one(body.replace("<lom>", f'<lom xmlns="{IMSMD_V1P2}">'))
    assert std002(ims) == [
        f"technical.otherPlatformRequirements holds text directly; the {IMS_TITLE} wraps each "
        "text in <langstring xml:lang=...>"
    ]


# -- namespaces ------------------------------------------------------------------------------


def test_elements_in_no_namespace_under_a_prefixed_lom_declaration_are_one_finding() -> None:
    record = read_one(
        f'<lom xmlns:imsmd="{LOM_IEEE}"><general><title><string language="es">Historia'
        "</string></title><language>es</language></general><lifeCycle><contribute>"
        + vocab("role", "author")
        + "</contribute></lifeCycle></lom>"
    )
    assert record.dialect == "lom-no-namespace"
    assert record.title == "Historia"
    assert [lang.value for lang in record.languages] == ["es"]
    [message] = std002(record)
    assert message == (
        f"<lom> and its elements are in no namespace: the root declares the namespace of the "
        f"{IEEE_TITLE} ({LOM_IEEE}) only under the prefix 'imsmd', which no element uses; "
        "oer_meta read the record by its element names"
    )
    assert f'xmlns="{LOM_IEEE}"' in (record.problems[0].hint or "")


def test_the_lom_namespace_under_the_imsmd_prefix_is_just_a_prefix() -> None:
    record = read_one(
        f'<imsmd:lom xmlns:imsmd="{LOM_IEEE}"><imsmd:general><imsmd:title>'
        '<imsmd:string language="es">Hola</imsmd:string></imsmd:title></imsmd:general>'
        "</imsmd:lom>"
    )
    assert record.dialect == "ieee-lom"
    assert record.title == "Hola"
    assert record.problems == ()


# -- recognition -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (schema("ScoLOMFRv1.1"), ("scolomfr",)),
        (schema("LOM-FRv1.0"), ("lomfr",)),
        (schema("NORMETICv1.2"), ("normetic",)),
        (schema("LOM-CHv1.1"), ("lom-ch",)),
        (schema("CanCore"), ("cancore",)),
        (schema("UKLOMCore"), ("uk-lom-core",)),
        (schema("LOM-DE"), ("lom-de",)),
        (schema("LOMv1.0"), ()),
        ("<educational>" + vocab("context", "x", "SCOLOMFRv2.1") + "</educational>", ("scolomfr",)),
        (
            "<educational>"
            + vocab("context", "x", "http://eureka.ntic.org/vdex/NORMETICv1.0_element_5_6_contexte_voc.xml")
            + "</educational>",
            ("normetic",),
        ),
        (f'<scolomfr:x xmlns:scolomfr="{SCOLOMFR}">y</scolomfr:x>', ("scolomfr",)),
    ],
)  # fmt: skip
def test_profiles_are_recognised_by_schema_namespace_and_source(
    body: str, expected: tuple[str, ...]
) -> None:
    record = read_one(f'<lom xmlns="{LOM_IEEE}">{body}</lom>')
    assert record.profiles == expected
    assert [e.value for e in record.extensions if e.name == "{urn:oer-meta}profile"] == list(
        expected
    )


# -- LOM-CH, UK LOM Core, CanCore (oer_meta's own small records) ------------------------------

LOM_CH_RECORD = (
    f'<lom xmlns="{LOM_IEEE}">'
    + schema("LOM-CHv1.1")
    + "<educational>"
    + vocab("learningResourceType", "image", "LREv3.0")
    + vocab("learningResourceType", "slideshow", "LREv3.0")
    + vocab("intendedEndUserRole", "parent", "LREv3.0")
    + vocab("context", "compulsory education", "LREv3.0")
    + vocab("context", "post-compulsory education", "LOM-CHv1.0")
    + "</educational></lom>"
)


def test_a_lom_ch_record_is_judged_by_the_lre_vocabularies_it_takes_over() -> None:
    record = read_one(LOM_CH_RECORD)
    assert record.profiles == ("lom-ch", "lre")
    found = oer_meta.check(record, select=["STD003", "STD007"])
    # only the value outside LREv3.0's learning resource types; its own source is tolerated
    assert [(f.rule, "'slideshow'" in f.message, "LREv3.0" in f.message) for f in found] == [
        ("STD003", True, True)
    ]
    assert record.problems == ()


def test_a_record_using_lrev3_is_recognised_as_lre_not_lom_ch_and_checked() -> None:
    """LREv3.0 is LRE's: a German LOM-DE exporter (Stud.IP's Lernmarktplatz) writes it too."""
    record = read_one(
        f'<lom xmlns="{LOM_IEEE}"><educational>'
        + vocab("context", "pre-school", "LREv3.0")
        + vocab("context", "kindergarten", "LREv3.0")
        + "</educational></lom>"
    )
    assert record.profiles == ("lre",)
    found = oer_meta.check(record, select=["STD003"])
    assert ["'kindergarten'" in f.message for f in found] == [True]


@pytest.mark.parametrize("source", ["LOM-CHv1.1", "LOM-CHv1.2", "LOM-CH v1.0"])
def test_lom_ch_vocabulary_sources_name_the_profile(source: str) -> None:
    record = read_one(
        f'<lom xmlns="{LOM_IEEE}"><educational>'
        + vocab("context", "post-compulsory education", source)
        + "</educational></lom>"
    )
    assert record.profiles == ("lom-ch",)
    assert oer_meta.check(record, select=["STD003", "STD007"]) == []


@pytest.mark.parametrize("name", ["CanCore", "UK LOM Core"])
def test_cancore_and_uk_lom_core_keep_the_lomv1_vocabularies(name: str) -> None:
    """Both profiles are guidelines over LOMv1.0: its values are checked as anywhere, and a
    UKEL classification (the UK educational levels taxonomy) is no unknown element."""
    record = read_one(
        f'<lom xmlns="{LOM_IEEE}">'
        + schema(name)
        + "<educational>"
        + vocab("context", "school")
        + vocab("context", "primary school")
        + "</educational><classification>"
        + vocab("purpose", "educational level")
        + "<taxonPath><source><string>UKEL</string></source><taxon><entry>"
        "<string>UK Educational Level 5</string></entry></taxon></taxonPath>"
        "</classification></lom>"
    )
    assert record.profiles == (fold_profile(name),)
    assert record.problems == ()
    found = oer_meta.check(record, select=["STD003", "STD007"])
    assert ["'primary school'" in f.message for f in found] == [True]


def fold_profile(name: str) -> str:
    return {"CanCore": "cancore", "UK LOM Core": "uk-lom-core"}[name]

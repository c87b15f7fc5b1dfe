"""The five action areas of the UNESCO Recommendation on OER (2019), paras 11–15.

Every rule names the area(s) its concern serves, so that a report can say which of the
Recommendation's aims a record falls short of.  English titles are the Recommendation's
own headings; French titles follow UNESCO's French presentation of the Recommendation.
"""

from __future__ import annotations

from enum import IntEnum


class ActionArea(IntEnum):
    """An action area of the Recommendation, numbered 1–5 as in its para. 10."""

    CAPACITY = 1
    POLICY = 2
    INCLUSION = 3
    SUSTAINABILITY = 4
    COOPERATION = 5

    @property
    def title_en(self) -> str:
        """The area's English title."""
        return _TITLES[self][0]

    @property
    def title_fr(self) -> str:
        """The area's French title."""
        return _TITLES[self][1]

    @property
    def paragraph(self) -> int:
        """The paragraph of the Recommendation that sets out this area (11–15)."""
        return 10 + int(self)

    @property
    def objective(self) -> str:
        """The matching objective in para. 9: ``9(i)`` … ``9(v)``."""
        return "9(" + ("i", "ii", "iii", "iv", "v")[int(self) - 1] + ")"

    @property
    def key(self) -> str:
        """Short key used in selectors and docs: ``AA1`` … ``AA5``."""
        return f"AA{int(self)}"

    def title(self, lang: str = "en") -> str:
        """The title in ``lang`` (``en`` or ``fr``; other languages fall back to English)."""
        return self.title_fr if lang.lower().startswith("fr") else self.title_en


_TITLES: dict[ActionArea, tuple[str, str]] = {
    ActionArea.CAPACITY: (
        "Building capacity of stakeholders to create, access, re-use, adapt and redistribute OER",
        "Renforcer la capacité des parties prenantes à créer, accéder, réutiliser, "
        "adapter et redistribuer les REL",
    ),
    ActionArea.POLICY: (
        "Developing supportive policy",
        "Développer une politique de soutien aux REL",
    ),
    ActionArea.INCLUSION: (
        "Encouraging inclusive and equitable quality OER",
        "Encourager des REL de qualité, inclusives et équitables",
    ),
    ActionArea.SUSTAINABILITY: (
        "Nurturing the creation of sustainability models for OER",
        "Favoriser la création de modèles de durabilité pour les REL",
    ),
    ActionArea.COOPERATION: (
        "Facilitating international cooperation",
        "Promouvoir et renforcer la coopération internationale en matière de REL",
    ),
}

"""Which people a 'he' or a 'she' can be: the grammatical gender of a forename, where a name
dictionary (gender-guesser's, offline) is sure of it.

Only names the dictionary calls male or female count, not "mostly" either or
unisex ones ("Kim", "Lee"); a name whose given part is hyphenated Korean-style
("Jong-un") or that has a single word says nothing. Nothing else is guessed:
an unknown name agrees with every pronoun.

>>> person_gender("Anna Berg"), person_gender("Paul Roux"), person_gender("Berg"), person_gender("Lee Soo-min")
('f', 'm', None, None)
>>> agrees("she", "Anna Berg"), agrees("he", "Anna Berg"), agrees("he", "Berg")
(True, False, True)
"""

from __future__ import annotations

from functools import lru_cache

FEMININE = frozenset({"she", "her", "hers", "herself"})
MASCULINE = frozenset({"he", "him", "his", "himself"})


@lru_cache(maxsize=1)
def _detector():  # noqa: ANN202 - gender_guesser.detector.Detector
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def forename_gender(forename: str) -> str | None:
    """'m' or 'f' when the dictionary is sure, else None."""
    return {"male": "m", "female": "f"}.get(_detector().get_gender(forename))


def person_gender(label: str) -> str | None:
    """The gender a person's full name shows by its first word, if any."""
    words = label.split()
    if len(words) < 2 or not words[0].isalpha() or any("-" in w for w in words[1:]):
        return None
    return forename_gender(words[0])


def agrees(pronoun: str, label: str) -> bool:
    """Whether the pronoun can refer to the person of that name."""
    low = pronoun.lower()
    wanted = "f" if low in FEMININE else "m" if low in MASCULINE else None
    if wanted is None:
        return True
    found = person_gender(label)
    return found is None or found == wanted

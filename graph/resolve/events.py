"""Events after resolution: participants as entities, dates grounded, one
event per real event.

Within an article, "the meeting" and "Thursday's talks" refer back to the
event told before (when nothing about them disagrees), an event told again
without a date joins the dated telling, and "In response, ..." keeps the time
of the sentence before. Across articles, reports of one event (same kind, same
day, the same people) become one event that lists every source; reports
without a day are one event when everything they say is the same.

>>> date_words("on Friday's"), date_words("Friday")
('friday', 'friday')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from graph import gazetteer
from graph.kinds import KindTable
from graph.records import (
    Article,
    DateOrigin,
    EventRecord,
    Evidence,
    Precision,
    ResolvedEvent,
    ResolvedRole,
    TimeExpression,
    TimeValue,
)
from graph.resolve.refs import ArticleContext
from graph.timex import ground


@dataclass
class WorkingEvent:
    kind: str
    family: str  # kinds of one family may be one event told two ways
    frame: str  # how its clause was read (see graph.kinds); "speech" for statements
    participants: list[str]
    evidence: list[Evidence]
    sentence: int
    article_id: str
    objects: list[str] = field(default_factory=list)
    agent: str | None = None
    place: str | None = None
    time: TimeExpression | None = None
    date: TimeValue | None = None
    planned: bool = False
    content: str | None = None
    quote: bool = False
    definite: bool = False
    inherit_time: bool = False
    record: EventRecord | None = None
    relation: str | None = None
    repeated: bool = False
    more_content: list[str] = field(default_factory=list)  # what else the speaker said on the occasion

    def time_key(self) -> str | None:
        """What the date is: its value when grounded, else its words."""
        if self.date is not None and self.date.value:
            return self.date.value
        if self.date is not None and self.date.start:
            return f"{self.date.start}/{self.date.end}"
        if self.time is not None:
            return date_words(self.time.text)
        return None


def date_words(text: str) -> str:
    """The words of a date as they identify it: 'on Friday' and "Friday's" are one."""
    words = text.lower().replace("\u2019s", "").replace("'s", "")
    return " ".join(w for w in words.split() if w not in {"on", "in", "the", "at"})


def _as_place(key: str | None, ctx: ArticleContext) -> str | None:
    """A place for an event: a named event stands for the place it is named after ('Turin Winter Olympics')."""
    if key is None:
        return None
    entity = ctx.table.entities[key]
    if entity.kind in ctx.settings.kinds.place_kinds:
        return key
    first = entity.label.split()[0]
    return ctx.table.lookup(first, {"city", "country", "region", "location", "place"})


def capital_speaks_for(key: str, ctx: ArticleContext) -> str:
    """A capital that speaks for its country ("Beijing has argued") acts as the country."""
    entity = ctx.table.entities[key]
    if entity.kind != "city":
        return key
    country = gazetteer.country_of_capital(entity.label)
    found = ctx.table.lookup(country, {"country"}) if country else None
    if found is not None:
        ctx.speaks_for.add((key, found))
        return found
    return key


def _a_body(participants: list[str], ctx: ArticleContext) -> bool:
    return all(ctx.table.entities[p].kind == "organization" for p in participants)


def resolve_article_events(ctx: ArticleContext, capital_rule: bool = True) -> list[WorkingEvent]:
    """Participants, objects, place and agent of each event of one article, as entity keys."""
    out: list[WorkingEvent] = []
    previous: list[str] | None = None
    kinds: KindTable = ctx.settings.kinds
    entities = ctx.table.entities
    place_kinds = kinds.place_kinds
    for rec in ctx.extraction.events:
        kind = kinds.event(rec.kind)
        participants: list[str] = []
        for ref in rec.participants:
            for key in ctx.resolve(ref, previous):
                if key not in participants:
                    participants.append(key)
        objects = [k for ref in rec.objects for k in ctx.resolve(ref, previous)]
        places = ctx.resolve(rec.place) if rec.place is not None else []
        place = _as_place(places[0], ctx) if places else None
        agent = None
        if rec.agent is not None:
            found = ctx.resolve(rec.agent, previous)
            agent = found[0] if found else None
        if kind.frame == "speech":  # the first speaker speaks for them ("X and Y said")
            agent = agent if agent in participants else (participants[0] if participants else None)
        participants = [p for p in participants if p != place]
        if kind.frame == "visit":  # "Merkel visits Turin": the place visited is not a visitor
            places = [p for p in participants if entities[p].kind in place_kinds - {"country"}]
            place = place or (places[0] if places else None)
            participants = [p for p in participants if p not in places]
        if capital_rule and kind.capital_speaks:
            participants = list(dict.fromkeys(capital_speaks_for(p, ctx) for p in participants))
            agent = capital_speaks_for(agent, ctx) if agent else None
        if kind.frame in {"transitive", "single"}:
            objects = [o for o in objects if o not in participants]
            unattended = kind.place_suffices and place is not None and rec.time is not None
            if not unattended and len(participants) + len(objects) < max(kind.min_parties, 1):
                continue
        elif len(participants) < kind.min_parties and not (
            rec.definite or not participants or (rec.time is not None and _a_body(participants, ctx))
        ):  # "the committee met on Tuesday": a body meets; "talks with X in May" lacks a side
            continue
        ev = WorkingEvent(
            kind=rec.kind,
            family=f"relation:{rec.relation}" if rec.relation else kind.family,
            frame=kind.frame,
            relation=rec.relation,
            repeated=rec.repeated,
            participants=participants,
            evidence=[rec.evidence],
            sentence=rec.evidence.sentence,
            article_id=rec.evidence.article_id,
            objects=objects,
            agent=agent,
            place=place,
            time=rec.time,
            planned=rec.planned,
            content=rec.content,
            quote=rec.quote,
            definite=rec.definite,
            inherit_time=rec.inherit_time,
            record=rec,
        )
        if kind.frame != "speech" and sum(entities[p].kind == "person" for p in participants) >= 2:
            previous = [p for p in participants if entities[p].kind == "person"]
        out.append(ev)
    return out


def post_parties(events: list[WorkingEvent], ctx: ArticleContext, roles: list[ResolvedRole]) -> None:
    """The body whose post a person leaves or takes in the clause takes part: 'X resigned as CEO of Y';
    'X resigned as CEO' when the article calls X the CEO of Y ('Y CEO X'). For the kinds that say so
    (post_is_party in the kinds table)."""
    kinds = ctx.settings.kinds
    for ev in events:
        if not kinds.event(ev.kind).post_is_party:
            continue
        people = set(ev.participants) | set(ev.objects)
        for role in roles:
            if role.evidence.sentence != ev.sentence or role.person not in people:
                continue
            title = role.title.casefold()
            of = role.of or next(
                (o for t, o in sorted(ctx.titles.get(role.person, ()), key=str) if o and t.casefold() == title), None
            )
            if of is not None and of not in ev.participants and of != ev.place:
                ev.participants.append(of)


def ground_events(
    events: list[WorkingEvent],
    article: Article,
    continuation: bool = True,
    report_day: bool = True,
    offsets: bool = True,
) -> None:
    """Dates against the article's date; with `continuation`, 'In response, ...' keeps the time before;
    with `offsets`, 'two days later' counts from the day of the event told before; with `report_day`,
    a statement without a time of its own takes the day of its report."""
    for ev in events:
        if ev.time is not None:
            ev.date = ground(ev.time.text, ev.time.tense, article.date, article.date_origin)
        else:
            ev.date = None
    if continuation:
        continue_time(events)
    if offsets:
        narrative_offsets(events)
    if report_day:
        reporting_day(events, article)


def reporting_day(events: list[WorkingEvent], article: Article) -> None:
    """A statement told in the simple past or present with no time of its own ('X said') was said on
    the day of the story that reports it: its date is the article's, marked as such (basis 'report');
    so does an event told as under way ('X is heading to the area').

    Not when the speakers took part in an event of an earlier day in the article (they may have spoken
    then), nor for what several speakers said together (a joint declaration is made where they met)."""
    if article.date is None or article.date_origin == DateOrigin.UNKNOWN:
        return
    today = article.date.isoformat()
    # a speaker who took part in an event of an earlier day may have spoken then: left undated (not for
    # one still to come: "announced she will resign on June 7" was said on the day of the story)
    elsewhere = {
        p for ev in events if (_day(ev) or today) < today and ev.frame != "speech" for p in ev.participants
    }
    for ev in events:
        if ev.date is None and ev.record is not None and ev.record.reported_now and ev.frame != "speech":
            # "X is heading to the area": under way on the day of the story
            ev.date = TimeValue("", Precision.DAY, today, origin=article.date_origin, basis="report")
            continue
        if ev.frame == "speech" and ev.date is None and ev.record is not None and ev.record.reported_now:
            if set(ev.participants) & elsewhere or len(ev.participants) > 1:
                continue
            ev.date = TimeValue("", Precision.DAY, today, origin=article.date_origin, basis="report")


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}
_OFFSET = re.compile(
    r"^(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) days? (?P<way>later|earlier|after|before)"
    r"|the (?P<side>next|following|previous) day|the day (?P<rel>after|before))$",
    re.I,
)


def narrative_offsets(events: list[WorkingEvent], reach: int = 3) -> None:
    """'Two days later', 'the next day', 'a day earlier': so many days from the day of the event told
    last before it, in the three sentences before (not from a day only the report gives)."""
    for i, ev in enumerate(events):
        found = _OFFSET.match(ev.time.text.strip()) if ev.time is not None else None
        if found is None or (ev.date is not None and ev.date.precision != Precision.UNRESOLVED):
            continue
        count = (found["n"] or "a").lower()  # "the next day": one
        n = _NUMBERS[count] if count in _NUMBERS else int(count)
        later = (found["way"] or found["side"] or found["rel"] or "").lower() in {"later", "after", "next", "following"}
        anchor = next(
            (
                e.date
                for e in reversed(events[:i])
                if ev.sentence - reach <= e.sentence < ev.sentence
                and e.date is not None
                and e.date.precision == Precision.DAY
                and e.date.value
                and e.date.basis != "report"
            ),
            None,
        )
        if anchor is None:
            continue
        day = dt.date.fromisoformat(anchor.value) + dt.timedelta(days=n if later else -n)
        ev.date = TimeValue(ev.time.text, Precision.DAY, day.isoformat(), origin=anchor.origin, basis="offset")


def continue_time(events: list[WorkingEvent]) -> None:
    """'In response, ...': an undated event of a clause that continues the sentence before takes its date."""
    for i, ev in enumerate(events):
        if ev.time is None and ev.inherit_time:
            before = [
                e
                for e in events[:i]
                if e.sentence == ev.sentence - 1 and e.date is not None and e.date.precision != Precision.UNRESOLVED
            ]
            if before:
                ev.date = before[-1].date
                ev.time = before[-1].time


def _persons(ev: WorkingEvent, ctx: ArticleContext) -> set[str]:
    return {p for p in ev.participants if ctx.table.entities[p].kind == "person"}


def _compatible(a: WorkingEvent, b: WorkingEvent, ctx: ArticleContext) -> bool:
    if a.family != b.family or a.frame == "speech":
        return False
    ka, kb = a.time_key(), b.time_key()
    if ka and kb and ka != kb:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    pa, pb = _persons(a, ctx), _persons(b, ctx)
    if pa and pb and not (pa & pb):
        return False
    return True


def _absorb(into: WorkingEvent, ev: WorkingEvent) -> None:
    """Merge a later telling into an event; its evidence is kept when it told something new."""
    new = [p for p in ev.participants if p not in into.participants]
    into.participants.extend(new)
    new_objects = [o for o in ev.objects if o not in into.objects]
    into.objects.extend(new_objects)
    adds = (
        bool(new or new_objects)
        or (into.place is None and ev.place is not None)
        or (into.time is None and ev.time is not None)
    )
    if adds:
        into.evidence.extend(ev.evidence)
    into.place = into.place or ev.place
    if into.time is None and ev.time is not None:
        into.time, into.date = ev.time, ev.date
    into.agent = into.agent or ev.agent
    if ev.content and ev.content != into.content and ev.content not in into.more_content:
        if into.content is None:
            into.content, into.quote = ev.content, ev.quote
        else:
            into.more_content.append(ev.content)
        into.evidence.extend(x for x in ev.evidence if x not in into.evidence)


def _same_occasion(a: WorkingEvent, b: WorkingEvent) -> bool:
    """Two statements of one speaker on one day: one occasion (a briefing, an interview); or the same
    speakers with a day and without one ("... on Monday. The two leaders gave speeches ...")."""
    if a.frame != "speech" or b.frame != "speech" or a.agent is None:
        return False
    if a.agent == b.agent and _day(a) is not None and _day(a) == _day(b):
        return True
    undated = (_day(a) is None) != (_day(b) is None) and a.date is None or b.date is None
    return undated and len(a.participants) >= 2 and set(a.participants) == set(b.participants)


def merge_within_article(events: list[WorkingEvent], ctx: ArticleContext) -> list[WorkingEvent]:
    """One event per real event of the article: a speaker's statements of one day are one occasion,
    and a joint press conference of the people of a meeting that day is part of the meeting."""
    kept: list[WorkingEvent] = []
    for ev in events:
        if ev.frame == "speech":
            if not ev.participants:
                continue
            occasion = next((k for k in kept if _same_occasion(k, ev)), None)
            if occasion is not None:
                _absorb(occasion, ev)
                continue
            if len(ev.participants) >= 2:  # "the two held a joint press conference", "after talks, X and Y said"
                host = next(
                    (
                        k
                        for k in reversed(kept)
                        if k.family == "meeting"
                        and set(ev.participants) <= set(k.participants)
                        and (ev.time_key() is None or k.time_key() in (None, ev.time_key()))
                    ),
                    None,
                )
                if host is not None:
                    _absorb(host, ev)
                    continue
            kept.append(ev)
            continue
        has_people = bool(ev.participants or ev.objects)
        # "the bombing in Kandor on Friday": an event of its own by its place and time, if its kind allows
        standalone = (
            not has_people
            and ev.place is not None
            and ev.time is not None
            and ctx.settings.kinds.event(ev.kind).place_suffices
        )
        if not has_people and not ev.definite:
            # "a meeting in Paris in January" right after the two leaders' meetings: theirs
            donor = next(
                (
                    k
                    for k in reversed(kept)
                    if k.family == ev.family and k.participants and ev.sentence - k.sentence <= 1
                ),
                None,
            )
            if donor is None:
                if standalone:
                    kept.append(ev)
                continue
            ev.participants = list(donor.participants)
            kept.append(ev)
            continue
        if ev.repeated:  # "met again", "a second summit": another event than the one told before
            kept.append(ev)
            continue
        antecedents = [k for k in reversed(kept) if _compatible(k, ev, ctx)]
        if ev.time_key() is not None:  # "Thursday's meeting": the meeting of that Thursday first
            antecedents.sort(key=lambda k: k.time_key() != ev.time_key())
        if not has_people:  # "the meeting", "Thursday's talks"
            if antecedents:
                _absorb(antecedents[0], ev)
            elif standalone:
                kept.append(ev)
            continue
        # "the talks with Dahl" after "Tarvia and Lumora held talks": their delegates' talks; but
        # "Berg's talks with Dahl" after "the board met on Monday" are another event
        told = [
            k
            for k in antecedents
            if len(k.participants) != 1 or set(k.participants) & set(ev.participants)
        ]
        if ev.definite and told:
            _absorb(told[0], ev)
            continue
        same = [
            k
            for k in antecedents
            if (set(k.participants) <= set(ev.participants) or set(ev.participants) <= set(k.participants))
            and (ev.time_key() is None or k.time_key() in (None, ev.time_key()))
        ]
        if same:
            _absorb(same[0], ev)
            continue
        kept.append(ev)
    return kept


# -- article dates inferred from other articles ------------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_named(time: TimeExpression | None) -> int | None:
    if time is None:
        return None
    words = time.text.lower().replace("\u2019", " ").replace("'", " ").split()
    found = [i for i, d in enumerate(_WEEKDAYS) if d in words]
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class DateInference:
    date: dt.date
    evidence: str


class DatedEvents:
    """The events of dated articles, indexed by family and participant: the ones an event may share
    two participants with are found without reading the others (in the order given)."""

    def __init__(self, dated: list[tuple[WorkingEvent, Article]]):
        self.dated = dated
        self.by_party: dict[tuple[str, str], list[int]] = {}
        for at, (ev, _article) in enumerate(dated):
            for p in dict.fromkeys(ev.participants):
                self.by_party.setdefault((ev.family, p), []).append(at)

    def sharing(self, ev: WorkingEvent) -> list[tuple[WorkingEvent, Article]]:
        """The dated events of ev's family with a participant of ev, in their order."""
        found = {at for p in ev.participants for at in self.by_party.get((ev.family, p), ())}
        return [self.dated[at] for at in sorted(found)]


def infer_article_date(
    undated: list[WorkingEvent], dated: list[tuple[WorkingEvent, Article]] | DatedEvents
) -> DateInference | None:
    """Fix an undated article's date from events that a dated article also reports.

    Each shared event told with a weekday ("Friday") bounds the article's date:
    in the past tense it was written on that day or within the six days after,
    in the future tense on that day or within the six days before. When the
    bounds of every shared event agree, the earliest date they allow is taken.
    """
    low, high = dt.date.min, dt.date.max
    reasons: list[str] = []
    index = dated if isinstance(dated, DatedEvents) else DatedEvents(dated)
    for ev in undated:
        weekday = _weekday_named(ev.time)
        if weekday is None or len(ev.participants) < 2:
            continue
        for other, article in index.sharing(ev):
            if other.family != ev.family or other.date is None or other.date.precision != Precision.DAY:
                continue
            if len(set(other.participants) & set(ev.participants)) < 2:
                continue
            day = dt.date.fromisoformat(other.date.value)
            if day.weekday() != weekday:
                continue
            if ev.time is not None and ev.time.tense.value == "future":
                lo, hi = day - dt.timedelta(days=6), day
            else:
                lo, hi = day, day + dt.timedelta(days=6)
            low, high = max(low, lo), min(high, hi)
            reasons.append(
                f"its {ev.kind} of {ev.time.text!r} is the {other.kind} of {day.isoformat()} "
                f"that {article.id} ({article.date_origin.value} {article.date}) also reports"
            )
            break
    if not reasons or low > high:
        return None
    # Any day in [low, high] fits the shared events; take it only if every relative
    # expression of the article comes out the same whichever day it is.
    days = [low + dt.timedelta(days=i) for i in range((high - low).days + 1)]
    exprs = [ev.time for ev in undated if ev.time is not None]
    for expr in exprs:
        values = {ground(expr.text, expr.tense, day).value for day in days}
        if len(values) > 1:
            return None
    reason = "; ".join(dict.fromkeys(reasons))
    if high > low:
        reason += f"; any date from {low} to {high} fits, and gives every date of the article the same value"
    return DateInference(low, reason)


# -- across articles ---------------------------------------------------------------------


def _day(ev: WorkingEvent) -> str | None:
    if ev.date is not None and ev.date.precision == Precision.DAY:
        return ev.date.value
    return None


def _unattended(ev: WorkingEvent) -> bool:
    """An event with a place and no party ("the attack in X on Friday")."""
    return not ev.participants and not ev.objects


def identity(ev: WorkingEvent) -> tuple:
    """What an event is without a day: its kind, parties, objects, the words of its date and what was said.
    Two reports with the same identity are one event, whichever articles tell it (a statement only when
    what was said is known: one speaker says many things)."""
    return (
        ev.kind,
        ev.relation or "",
        tuple(sorted(ev.participants)),
        tuple(sorted(ev.objects)),
        ev.time_key() or "",
        ev.content or "",
        (ev.place or "") if _unattended(ev) else "",
    )


def fold_joint_statements(groups: list[list[WorkingEvent]]) -> list[list[WorkingEvent]]:
    """What several people said together on the day they met is part of their meeting."""
    # a meeting's people, gathered once: what joins it are speakers among them, so they stay the same
    meetings: dict[str, list[tuple[list[WorkingEvent], set[str]]]] = {}
    for g in groups:
        if g[0].family == "meeting" and _day(g[0]) is not None:
            meetings.setdefault(_day(g[0]), []).append((g, {p for e in g for p in e.participants}))
    out = []
    for g in groups:
        head = g[0]
        speakers = {p for e in g for p in e.participants}
        if head.frame == "speech" and len(speakers) >= 2 and _day(head) is not None:
            host = next((m for m, people in meetings.get(_day(head), []) if speakers <= people), None)
            if host is not None:
                host.extend(g)
                continue
        out.append(g)
    return out


def merge_across_articles(events: list[WorkingEvent]) -> list[list[WorkingEvent]]:
    """Group reports of the same event: same family, same day, the same people; or, undated, the same identity."""
    groups: list[list[WorkingEvent]] = []
    by_day: dict[tuple[str, str], DayGroups] = {}
    by_identity: dict[tuple, list[WorkingEvent]] = {}
    by_speaker: dict[tuple[str, str], list[WorkingEvent]] = {}  # a speaker's statements of one day
    for ev in sorted(events, key=lambda e: (e.article_id, e.evidence[0].start)):
        day = _day(ev)
        target = None
        same_day: DayGroups | None = None
        if day is not None and ev.frame == "speech" and ev.agent is not None:
            target = by_speaker.get((ev.agent, day))
        elif day is not None:
            same_day = by_day.setdefault((ev.family, day), DayGroups())
            target = same_day.first_sharing(ev)
        elif day is None and (ev.frame != "speech" or ev.content):
            target = by_identity.get(identity(ev))
        if target is None:
            target = [ev]
            groups.append(target)
            if day is not None and ev.frame == "speech" and ev.agent is not None:
                by_speaker[(ev.agent, day)] = target
            elif same_day is not None:
                same_day.add(target)
            elif day is None and (ev.frame != "speech" or ev.content):
                by_identity[identity(ev)] = target
        elif same_day is not None:
            same_day.join(target, ev)
        else:
            target.append(ev)
    return fold_joint_statements(groups)


class DayGroups:
    """The groups of reports of one family and day, in order, indexed by participant."""

    def __init__(self) -> None:
        self.groups: list[list[WorkingEvent]] = []
        self.people: list[set[str]] = []  # each group's participants
        self.at: dict[int, int] = {}  # id of a group -> its place
        self.by_party: dict[str, list[int]] = {}  # participant -> the places of its groups
        self.unattended: set[int] = set()  # groups of reports with a place and no party ("the attack in X")

    def add(self, group: list[WorkingEvent]) -> None:
        self.at[id(group)] = len(self.groups)
        self.groups.append(group)
        self.people.append(set())
        self.unattended.add(len(self.groups) - 1)
        self._index(len(self.groups) - 1, group[0])

    def join(self, group: list[WorkingEvent], ev: WorkingEvent) -> None:
        group.append(ev)
        self._index(self.at[id(group)], ev)

    def _index(self, at: int, ev: WorkingEvent) -> None:
        if not _unattended(ev):
            self.unattended.discard(at)
        for p in ev.participants:
            if p not in self.people[at]:
                self.people[at].add(p)
                self.by_party.setdefault(p, []).append(at)

    def first_sharing(self, ev: WorkingEvent) -> list[WorkingEvent] | None:
        """The first group that shares two of ev's participants (or all of them, if it has fewer); a
        report with no party, and a group of such reports, go by their place."""

        def same_place(at: int) -> bool:
            return ev.place is not None and any(e.place == ev.place for e in self.groups[at])

        if _unattended(ev):
            return next((self.groups[at] for at in range(len(self.groups)) if same_place(at)), None)
        if not ev.participants:  # objects only: the first group with parties, or of its place
            found = (at for at in range(len(self.groups)) if at not in self.unattended or same_place(at))
            at = next(found, None)
            return self.groups[at] if at is not None else None
        need = min(2, len(ev.participants))
        mine = set(ev.participants)
        candidates = [at for at in self.unattended if same_place(at)]
        for at in sorted({at for p in mine for at in self.by_party.get(p, ())}):
            if len(mine & self.people[at]) >= need:
                candidates.append(at)
                break
        return self.groups[min(candidates)] if candidates else None


def finish(group: list[WorkingEvent]) -> ResolvedEvent:
    """One ResolvedEvent from the reports of one event."""
    head = group[0]
    participants = sorted({p for e in group for p in e.participants})
    kinds = sorted((e.kind for e in group), key=lambda k: (k != head.kind, k))
    dated = [e for e in group if e.date is not None and e.date.precision != Precision.UNRESOLVED]
    date = dated[0].date if dated else head.date
    place = next((e.place for e in group if e.place), None)
    return ResolvedEvent(
        kind=kinds[0],
        participants=tuple(participants),
        evidence=tuple(
            sorted({x for e in group for x in e.evidence}, key=lambda x: (x.article_id, x.start, x.extractor))
        ),
        place=place,
        date=date,
        planned=all(e.planned for e in group),
        agent=head.agent,
        objects=tuple(sorted({o for e in group for o in e.objects})),
        content=head.content,
        quote=head.quote,
        more_content=tuple(
            dict.fromkeys(c for e in group for c in [e.content, *e.more_content] if c and c != head.content)
        ),
        relation=head.relation,
        reported=tuple(
            sorted(
                ((e.article_id, tuple(sorted(e.participants)), e.place, e.date) for e in group),
                key=lambda r: (r[0], r[1]),
            )
        ),
    )


def with_origin(value: TimeValue | None, origin: DateOrigin) -> TimeValue | None:
    return replace(value, origin=origin) if value is not None else None

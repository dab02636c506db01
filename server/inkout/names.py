"""Person names by their parts: given names and surnames of many countries, and English words.

The small spaCy model misses names it has not seen in English news text ("Aoife Byrne",
"Ngozi Adeyemi"), names in upper case and "Last, First" order, and it takes title-case labels
("Employee Information Sheet") for names. Word lists settle both:

- given names and surnames come from Faker's person data (MIT), every Latin-script locale
  plus the romanized Japanese and Chinese lists: about 20,000 of each;
- English words come from Webster's Second International (public domain), through the
  english-words package (MIT), lower-case entries only (proper nouns are capitalised there).

Tokens are compared folded: lower case, accents and letters like "ł" and "đ" reduced to their
base, since OCR drops accents as often as it keeps them.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import unicodedata
from dataclasses import dataclass

# Letters NFKD does not decompose into a base letter and a mark.
_BASE = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i"})


def fold(word: str) -> str:
    """The form words are compared in: lower case, without accents or apostrophe variants."""
    word = unicodedata.normalize("NFKD", word.lower().replace("\u2019", "'"))
    return "".join(c for c in word if not unicodedata.combining(c)).translate(_BASE)


@dataclass(frozen=True)
class Lexicon:
    given: frozenset[str]  # folded given names (first and middle names)
    surnames: frozenset[str]  # folded family names
    english: frozenset[str]  # lower-case English dictionary words

    def is_name(self, word: str) -> bool:
        key = fold(word)
        return key in self.given or key in self.surnames

    def is_english(self, word: str) -> bool:
        """A dictionary word, or its plural ("tickets")."""
        key = word.lower()
        return key in self.english or (
            len(key) > 3 and key.endswith("s") and key[:-1] in self.english
        )


def _latin(name: str) -> bool:
    letters = fold(name).replace("-", "").replace("'", "").replace(" ", "")
    return len(letters) > 1 and letters.isascii() and letters.isalpha()


def _faker_names() -> tuple[set[str], set[str]]:
    import faker.providers.person as person

    given: set[str] = set()
    surnames: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr, value in vars(provider).items():
            if isinstance(value, dict):
                value = tuple(value)
            if not isinstance(value, tuple | list):
                continue
            if "first_name" in attr or "middle_name" in attr or "first_romanized" in attr:
                target = given
            elif "last_name" in attr or "last_romanized" in attr:
                target = surnames
            else:
                continue
            for name in value:
                if isinstance(name, str) and _latin(name):
                    # "Al-Farsi" and "Van der Berg" are looked up part by part, as OCR splits.
                    target.update(fold(part) for part in name.replace("-", " ").split())
    return given, surnames


@functools.cache
def lexicon() -> Lexicon:
    """Loaded once per process (about 0.3 s), on first use."""
    from english_words import get_english_words_set

    given, surnames = _faker_names()
    words = get_english_words_set(["web2"], lower=False, alpha=True)
    english = frozenset(w for w in words if w.islower())
    return Lexicon(frozenset(given), frozenset(surnames), english)

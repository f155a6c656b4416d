"""A tiny sentence grammar: ``{a|b|c}`` picks one option, ``$name`` fills a context value.

Paragraphs are assembled from per-topic template banks (texts.py) with a seeded random.Random, so
every run writes the same prose while no two sentences in one document are identical.
"""
from __future__ import annotations

import random
import re

_ALT = re.compile(r"\{([^{}]*)\}")
_VAR = re.compile(r"\$([a-z_]+)")

_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty").split()


def number_word(n: int) -> str:
    """Number words as reports print them (0-20); larger numbers stay digits."""
    return _WORDS[n] if 0 <= n <= 20 else str(n)


def rng_for(*parts: object) -> random.Random:
    # str seeds go through sha512, so this does not depend on PYTHONHASHSEED.
    return random.Random("/".join(str(p) for p in parts))


def expand(template: str, rng: random.Random, ctx: dict[str, str]) -> str:
    text = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    text = _VAR.sub(lambda m: ctx.get(m.group(1), m.group(0)), text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    return text[0].upper() + text[1:] if text else text


class Writer:
    """Draws sentences for one document: least-used templates first, no sentence twice."""

    def __init__(self, seed: str, ctx: dict[str, str]):
        self.rng = rng_for(seed)
        self.ctx = ctx
        self.used: set[str] = set()
        self.uses: dict[str, int] = {}

    def _order(self, bank: list[str]) -> list[str]:
        keyed = [(self.uses.get(t, 0), self.rng.random(), t) for t in bank]
        return [t for _, _, t in sorted(keyed)]

    def sentence(self, bank: list[str]) -> str:
        for template in self._order(bank):
            s = self._fresh(template)
            if s:
                return s
        raise ValueError("template bank too small for this document")

    def _fresh(self, template: str) -> str | None:
        for _ in range(8):
            s = expand(template, self.rng, self.ctx)
            if s not in self.used:
                self.used.add(s)
                self.uses[template] = self.uses.get(template, 0) + 1
                return s
        return None

    def paragraph(self, bank: list[str], lo: int = 4, hi: int = 6) -> str:
        """Distinct templates within a paragraph so it never reads as one sentence repeated."""
        k = min(len(bank), self.rng.randint(lo, hi))
        chosen = self._order(bank)[:k]
        self.rng.shuffle(chosen)
        return " ".join(s for s in (self._fresh(t) for t in chosen) if s)

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

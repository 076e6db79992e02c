"""Plain Dutch (B1) on the public pages: the visible text of a page, its jargon and its
Flesch-Douma reading ease. A test helper, not production code.

Flesch-Douma is Flesch's reading ease with Douma's constants for Dutch:
206.84 - 0.93 x words per sentence - 77 x syllables per word. About 60 and up reads
easily ("vrij makkelijk"), under 50 is hard. textstat has the same constants (its `nl`), but
it pulls in nltk for the English syllables; counting Dutch vowel groups is as close as a
hyphenation dictionary for a score that is an estimate anyway.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# What a reader does not see, or does not read as text.
_ONZICHTBAAR = {"script", "style", "svg", "template", "head", "noscript"}
# Elements that end a block of text: a sentence never runs across them.
_BLOKKEN = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "label", "legend", "li", "main", "nav", "ol", "option", "p", "section", "summary",
    "table", "td", "th", "tr", "ul", "button", "select", "textarea",
}  # fmt: skip
_LEEG = {"br", "img", "input", "hr", "meta", "link", "source", "wbr"}


@dataclass
class Tekst:
    """The visible text of a page, in blocks, and the terms it defines (`<dfn>`)."""

    blokken: list[str] = field(default_factory=list)
    gedefinieerd: list[str] = field(default_factory=list)

    @property
    def geheel(self) -> str:
        return "\n".join(self.blokken)

    def zinnen(self) -> list[str]:
        """The sentences: runs of text that end in . ! or ?. A block that does not (a
        label, a name, a menu item) is not prose and is left out."""
        zinnen = []
        for blok in self.blokken:
            for deel in re.split(r"(?<=[.!?])\s+", blok):
                if deel.endswith((".", "!", "?")) and woorden(deel):
                    zinnen.append(deel)
        return zinnen


class _Lezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tekst = Tekst()
        self._blok: list[str] = []
        self._verborgen = 0  # depth inside elements a reader does not see
        self._dfn: list[str] | None = None

    def _sluit_blok(self) -> None:
        blok = " ".join("".join(self._blok).split())
        if blok:
            self.tekst.blokken.append(blok)
        self._blok = []

    def handle_starttag(self, tag, attrs):
        if self._verborgen or tag in _ONZICHTBAAR or ("hidden", None) in attrs:
            if tag not in _LEEG:
                self._verborgen += 1
            return
        if tag in _BLOKKEN:
            self._sluit_blok()
        if tag == "dfn":
            self._dfn = []

    def handle_endtag(self, tag):
        if self._verborgen:
            self._verborgen -= 1
            return
        if tag in _BLOKKEN:
            self._sluit_blok()
        if tag == "dfn" and self._dfn is not None:
            self.tekst.gedefinieerd.append(" ".join("".join(self._dfn).split()).lower())
            self._dfn = None

    def handle_data(self, data):
        if self._verborgen:
            return
        self._blok.append(data)
        if self._dfn is not None:
            self._dfn.append(data)

    def close(self):
        super().close()
        self._sluit_blok()


def zichtbare_tekst(html: str) -> Tekst:
    lezer = _Lezer()
    lezer.feed(html)
    lezer.close()
    return lezer.tekst


def woorden(tekst: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*", tekst)


# A diaeresis opens a new syllable (ideeën, beëindigd); other vowels in a row are one.
_KLINKERGROEP = re.compile(r"[ëïöüéèáó][aeiouyáéíóú]*|[aeiouyáéíóúàè]+", re.IGNORECASE)


def lettergrepen(woord: str) -> int:
    """Dutch syllables, counted as vowel groups: close to a hyphenation dictionary and
    good enough for a reading-ease estimate. A number counts as one."""
    return max(1, len(_KLINKERGROEP.findall(woord)))


@dataclass
class Score:
    zinnen: int
    woorden_per_zin: float
    lettergrepen_per_woord: float

    @property
    def flesch_douma(self) -> float:
        return 206.84 - 0.93 * self.woorden_per_zin - 77 * self.lettergrepen_per_woord


def score(zinnen: list[str]) -> Score:
    alle = [woord for zin in zinnen for woord in woorden(zin)]
    if not alle:
        return Score(0, 0.0, 0.0)
    grepen = sum(lettergrepen(woord) for woord in alle)
    return Score(len(zinnen), len(alle) / len(zinnen), grepen / len(alle))


def onverklaard(tekst: Tekst, jargon: dict[str, str | None]) -> list[str]:
    """The jargon that the page shows without explaining it. `jargon` maps a pattern to
    the term a `<dfn>` on the same page must define for it to stay, or to None: never."""
    return [
        patroon
        for patroon, term in jargon.items()
        if re.search(patroon, tekst.geheel, re.IGNORECASE)
        and not (term and any(term in gedefinieerd for gedefinieerd in tekst.gedefinieerd))
    ]

"""The defect simulator: inject what scrapers and careless exports do to clean text.

Each injected defect is a :class:`Defect` record that says what must be true of
the output for the defect to count as repaired, checked from the output text
alone (no offsets, so any tool can be scored, whatever it does to the rest).

Adding a defect kind is one function: an *in-paragraph* injector returns edits
``(start, end, replacement)`` on a clean paragraph (the check is then the clean
text around the edits, which must reappear), a *line* injector returns the stray
lines to insert (the check is that they no longer occur as lines). Register it in
:data:`KINDS` and add it to a scenario in :data:`SCENARIOS`.

Everything is driven by one ``random.Random(seed)``, so a run is reproducible.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)

__all__ = ["Defect", "Sample", "KINDS", "SCENARIOS", "base_doc", "simulate", "normalize"]

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
                         "‘": "'", "’": "'"})
_SPACES = re.compile(r"\s+")


def normalize(text: str, strict: bool = False) -> str:
    """Curly quotes made straight (a tool may restore either); unless ``strict``,
    every whitespace run made one space (whitespace is judged by its own kinds)."""
    text = text.translate(_QUOTES)
    return text if strict else _SPACES.sub(" ", text)


@dataclass(frozen=True)
class Defect:
    """One injected defect and the test its repair must pass.

    ``present``: strings that must occur in the output (the clean text around the
    defect); ``absent``: strings that must not; ``absent_lines``: injected lines
    that must no longer be a line of the output; ``once``: strings that must occur
    exactly once (a duplicated paragraph). ``strict`` compares whitespace exactly.
    """

    kind: str
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    absent_lines: tuple[str, ...] = ()
    once: tuple[str, ...] = ()
    strict: bool = False

    @property
    def family(self) -> str:
        return self.kind.split(".")[0]

    def repaired(self, output: str) -> bool:
        out = normalize(output, self.strict)
        if any(normalize(s, self.strict) not in out for s in self.present):
            return False
        if any(normalize(s, self.strict) in out for s in self.absent):
            return False
        if any(out.count(normalize(s, self.strict)) != 1 for s in self.once):
            return False
        if self.absent_lines:
            lines = {normalize(line.strip()) for line in output.splitlines()}
            if any(normalize(s.strip()) in lines for s in self.absent_lines):
                return False
        return True


@dataclass
class Sample:
    """A document: its clean original, the corrupted text and the defects in it."""

    id: str
    scenario: str
    clean: str
    text: str
    defects: list[Defect] = field(default_factory=list)


# --------------------------------------------------------------------------- #
# Vocabulary for stray lines: many names, agencies, places and templates, so a
# detector cannot learn a handful of strings.

FIRST = """Jane John Maria Ahmed Wei Olga Kenji Fatima Carlos Aisha Pierre Sofia Dmitri
Priya Liam Noor Hiroshi Elena Kwame Ana Tomasz Mei Rahul Ingrid Diego Leila Sean Yuki
Amara Lucas Nadia Omar Chloe Ivan Grace Mateo Hannah Ravi Zainab Felix Laura Tariq
Sarah Ben Emily Chris Rebecca Daniel Anna Michael Lucy Mark""".split()
LAST = """Doe Smith Garcia Chen Kowalski Ivanova Tanaka Okafor Dubois Rossi Haddad Patel
Kim Nguyen Mensah Silva Novak Wang Schmidt Murphy Sato Ali Jensen Lopez Hughes Brennan
Costa Adeyemi Petrov Yilmaz Fischer Moreau Sharma Reyes Kaplan Osei Lindqvist Park
Bianchi Morales Walsh Khan Thompson O'Neill Fernandes Larsen Nakamura Cohen""".split()
AGENCIES = """Reuters|AP|AFP|Getty Images|EPA|Sputnik|Bloomberg|Shutterstock|Alamy|PA Images
|ANSA|Xinhua|Anadolu Agency|NurPhoto|SOPA Images|LightRocket|Pool|WireImage|Redux|Polaris
|ZUMA Press|Kyodo|Yonhap|EPA-EFE|dpa|TASS|AP Photo|Bloomberg via Getty Images|Reuters Pool
|AFP via Getty Images|The New York Times|The Washington Post""".replace("\n", "").split("|")
OUTLETS = """CNN|BBC News|Reuters|The Associated Press|Bloomberg|NBC News|The Guardian
|Al Jazeera|Sky News|CBS News|Agence France-Presse|Fox News|The Telegraph""".replace(
    "\n", "").split("|")
CITIES = """London|Hong Kong|Washington|Beijing|Moscow|Paris|Berlin|Tokyo|New York|Kyiv
|Brussels|Nairobi|Sydney|Mumbai|Seoul|Istanbul|Cairo|Sao Paulo|Mexico City|Toronto|Geneva
|Jerusalem|Tehran|Singapore|Johannesburg|Madrid|Rome|Astana|Lagos|Manila""".replace(
    "\n", "").split("|")
COUNTRIES = """UK|China|US|Russia|France|Germany|Japan|Ukraine|Belgium|Kenya|Australia
|India|South Korea|Turkey|Egypt|Brazil|Mexico|Canada|Switzerland|Israel|Iran|Kazakhstan
|Nigeria|Philippines""".replace("\n", "").split("|")
MONTHS = """January February March April May June July August September October November
December""".split()
DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
LONG_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ROLES = """President|Prime Minister|Foreign Minister|Chancellor|Senator|Governor|Mayor
|Chief Executive|Defence Secretary|Health Minister|opposition leader|coach|striker
|singer|actor|chairman""".replace("\n", "").split("|")
SUBJECTS = """Protesters|Firefighters|Rescue workers|Supporters|Residents|Police officers
|Fans|Workers|Delegates|Students|Shoppers|Soldiers|Volunteers|Journalists|Investors
""".replace("\n", "").split("|")
ACTIONS = """gather outside the parliament building|walk past a damaged building
|attend a bilateral meeting on the sidelines of the summit|wave flags during a rally
|queue outside a polling station|inspect the site of an explosion
|speak to reporters after a meeting|arrive for talks|watch the match from the stands
|hold placards during a demonstration|pose for a family photo at the summit
|clear debris after the storm|celebrate after the final whistle
|board a train at the central station|look at screens showing stock prices
|listen during a news conference|shake hands before their talks|leave the courthouse
""".replace("\n", "").split("|")
PROMOS = """Advertisement|ADVERTISEMENT|Sign up for our newsletter|Subscribe to our daily newsletter
|Story continues below advertisement|Share this article|Share|Click here to subscribe
|Follow us on Twitter|Skip to main content|Listen to this article|Continue reading the main story
|Related Topics|Most Read|Comments|Get our free daily email|Already a subscriber? Log in
|Download our app for the latest news|Watch the video above|Scroll down for video
|Share on Facebook|Tweet|Email this article|Print|Sponsored content|Recommended for you
|Enjoying this article? Sign up for more|Newsletter sign-up|Advertisement - scroll to continue
""".replace("\n", "").split("|")
READ_MORE = ["Read more: ", "READ MORE: ", "Related: ", "Watch: ", "See also: ",
             "More: ", "Also read: ", "Opinion: ", "Live updates: ", "Analysis: "]
RELATED_HEADERS = ["Related", "More on this story", "Related stories", "You may also like",
                   "Top stories", "Around the web", "More from this section", "Trending"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _date(rng: random.Random) -> str:
    month, day, year = rng.choice(MONTHS), rng.randint(1, 28), rng.randint(2004, 2025)
    return rng.choice([f"{month} {day}, {year}", f"{day} {month} {year}",
                       f"{month[:3]} {day}, {year}", f"{LONG_DAYS[day % 7]}, {month} {day}"])


def _time(rng: random.Random) -> str:
    h, m = rng.randint(1, 12), rng.randint(0, 59)
    return rng.choice([f"{h}:{m:02d} {rng.choice(['AM', 'PM'])}",
                       f"{h}:{m:02d} {rng.choice(['a.m.', 'p.m.'])}", f"{h + 9:02d}:{m:02d}"])


def _credit(rng):
    n, a = _name(rng), rng.choice(AGENCIES)
    return [rng.choice([
        f"{n}/{a}", f"{n}/{a}/{rng.choice(AGENCIES)}", f"Photo: {n}/{a}", f"Photograph: {n}/{a}",
        f"{a}", f"(Photo by {n}/{a})", f"Credit: {n} for {rng.choice(OUTLETS)}",
        f"Image: {n}/{a}", f"Illustration by {n}", f"Photo: {a}", f"{n} | {a}",
        f"Image source, {a}", f"Image caption, {n}/{a}", f"© {n}/{a}", f"{n.upper()}/{a.upper()}"])]


def _caption(rng):
    city = rng.choice(CITIES)
    where = rng.choice([f"in {city}", f"in {city}, {rng.choice(COUNTRIES)}", f"near {city}"])
    who = rng.choice([f"{rng.choice(COUNTRIES)} {rng.choice(ROLES)} {_name(rng)}",
                      rng.choice(SUBJECTS), f"{_name(rng)} and {_name(rng)}",
                      "A man", "A woman", "Children", f"{_name(rng)}, left, and {_name(rng)}"])
    verb = rng.choice(ACTIONS)
    if who in ("A man", "A woman") or ("," not in who and " and " not in who
                                       and who not in SUBJECTS and who != "Children"):
        verb = re.sub(r"^(\w+)", lambda m: m.group(1) + ("es" if m.group(1).endswith(("sh", "ch"))
                                                           else "s"), verb)
    text = rng.choice([f"{who} {verb} {where}, {_date(rng)}.", f"{who} {verb} {where} on {rng.choice(LONG_DAYS)}.",
                       f"{who} {verb} {where}.", f"{who} {verb} {where} in {rng.randint(2004, 2025)}."])
    if rng.random() < 0.3:
        text += f" {_credit(rng)[0]}"
    return [text]


def _dateline(rng):
    city = rng.choice(CITIES)
    return [rng.choice([city, city.upper(), f"{city}, {rng.choice(COUNTRIES)}",
                        f"{city.upper()} ({rng.choice(['Reuters', 'AP', 'AFP', 'Bloomberg'])}) -",
                        f"{city.upper()} —", f"{city.upper()}, {rng.choice(MONTHS)} {rng.randint(1, 28)} (Reuters) -",
                        f"{city} ({rng.choice(OUTLETS)})"])]


def _byline(rng):
    n = _name(rng)
    return rng.choice([[f"By {n}"], [f"By {n}, {rng.choice(OUTLETS)}"], [f"By {n} and {_name(rng)}"],
                       [f"{n}, {rng.choice(OUTLETS)}"], [f"{n} | {rng.choice(OUTLETS)}"],
                       [n, rng.choice(["Business reporter", "Political correspondent",
                                       "Technology editor", "BBC News", "Staff writer"])],
                       [f"Written by {n}"], [f"By {n.upper()} Associated Press"],
                       [f"Story by {n}"], [f"{n}, {rng.choice(CITIES)} correspondent"]])


def _timestamp(rng):
    d, t = _date(rng), _time(rng)
    return [rng.choice([f"Updated {t} EDT, {rng.choice(DAYS)} {d}", f"Published {t} GMT, {d}",
                        f"Posted: {rng.choice(DAYS)} {d} {t} BST", f"{d} at {t} EDT",
                        f"Last updated on {d}", f"{rng.randint(2, 23)} hours ago", d,
                        f"Published {d}", f"{d} {t}", f"Updated: {d}, {t} ET",
                        f"{rng.randint(2, 59)} minutes ago"])]


def _footer(rng):
    n = _name(rng)
    return [rng.choice([
        "This story has been updated with additional information.",
        "This is a developing story and will be updated.",
        f"{n} contributed reporting.", f"{n} contributed to this report.",
        f"{rng.choice(OUTLETS)}'s {n} contributed to this report.",
        f"Reporting by {n}; Editing by {_name(rng)}",
        f"(Reporting by {n} in {rng.choice(CITIES)}; Editing by {_name(rng)})",
        f"Additional reporting by {n} in {rng.choice(CITIES)}.",
        f"© {rng.randint(2004, 2025)} {rng.choice(OUTLETS)}. All rights reserved.",
        f"Copyright {rng.randint(2004, 2025)} The Associated Press. All rights reserved. This "
        "material may not be published, broadcast, rewritten or redistributed.",
        f"This article was originally published on {_date(rng)}.",
        "The Associated Press contributed to this report.",
        f"Follow {n} on Twitter.", "Copyright 2024 Reuters. All rights reserved.",
        "An earlier version of this story misstated the date of the vote."])]


def _promo(rng, titles=()):
    if titles and rng.random() < 0.35:
        return [rng.choice(READ_MORE) + rng.choice(titles)]
    if rng.random() < 0.2:
        k = rng.randint(2, 12)
        return [rng.choice([f"Image {rng.randint(1, k)} of {k}", f"{rng.randint(1, k)} / {k}",
                            f"Photos: {rng.choice(['In pictures', 'Gallery'])} ({k} images)"])]
    return [rng.choice(PROMOS)]


def _related(rng, titles=()):
    pool = list(titles) or ["Markets slide as oil prices rise"]
    lines = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
    return ([rng.choice(RELATED_HEADERS)] if rng.random() < 0.5 else []) + lines


# --------------------------------------------------------------------------- #
# In-paragraph injectors: ``(paragraph, rng) -> [(start, end, replacement)]`` on
# the clean paragraph, or ``[]`` when the paragraph offers no place for it.

Edits = list[tuple[int, int, str]]
STARTERS = frozenset("""The He She It They We But And In This That There His Her Its
Their A An As At If On For When While After However Mr Mrs Some Many Most Now So Yet
Last Other One Under Despite Although Since""".split())
_WORD = re.compile(r"\S+")
_BOUNDARY = re.compile(r"\b[a-z]{3,}(\.) ([A-Z][a-z]*)\b")


def _tokens(par: str) -> list[re.Match]:
    return list(_WORD.finditer(par))


def _pick(rng, items):
    return rng.choice(items) if items else None


def _stray_period(par, rng) -> Edits:
    toks = _tokens(par)
    spots = [a for a, b in zip(toks, toks[1:])
             if re.fullmatch(r"[A-Za-z]{2,}", a.group()) and re.fullmatch(r"[a-z]{2,}", b.group())]
    a = _pick(rng, spots)
    return [(a.end(), a.end(), ".")] if a else []


def _boundaries(par, starters_only=True):
    return [m for m in _BOUNDARY.finditer(par)
            if not starters_only or m.group(2) in STARTERS]


def _lost_period(par, rng) -> Edits:
    m = _pick(rng, _boundaries(par))
    if not m:
        return []
    word = m.group(2)
    style = rng.choice(["lower", "comma", "keep"])
    lower = word if word in ("Mr", "Mrs") else word.lower()
    rep = {"lower": f" {lower}", "comma": f", {lower}", "keep": f" {word}"}[style]
    return [(m.start(1), m.end(2), rep)]


def _capitalized(par, rng) -> Edits:
    toks = _tokens(par)
    spots = [b for a, b in zip(toks, toks[1:])
             if re.fullmatch(r"[a-z]{3,}", b.group()) and re.search(r"[a-z]$", a.group())]
    b = _pick(rng, spots)
    return [(b.start(), b.start() + 1, b.group()[0].upper())] if b else []


def _moved_boundary(par, rng, combo=False) -> Edits:
    """Move a sentence's full stop ``k`` words back (``combo``: the seed's
    ``after Iran. became a full member Last year, the bloc``)."""
    toks = _tokens(par)
    for m in rng.sample(_boundaries(par), k=len(_boundaries(par))):
        b = next(i for i, t in enumerate(toks) if t.start() == m.start(2))
        k = rng.randint(3, 5) if combo else rng.randint(1, 3)
        if b - k - 1 < 0 or not all(re.fullmatch(r"[A-Za-z]+", toks[i].group())
                                    for i in range(b - k - 1, b - 1)):
            continue
        prev, new_first, start = toks[b - 1], toks[b - k], toks[b]
        word = start.group()
        low = word if word in ("Mr", "Mrs") else word.lower()
        edits = [(prev.end() - 1, prev.end(), "," if combo else ""),
                 (start.start(), start.start() + len(word), low),
                 (toks[b - k - 1].end(), toks[b - k - 1].end(), ".")]
        if combo:  # the continuation stays lowercase; a word later is capitalised
            cap = toks[b - 2]
            if cap.start() > new_first.start() and cap.group()[0].islower():
                edits.append((cap.start(), cap.start() + 1, cap.group()[0].upper()))
        else:
            edits.append((new_first.start(), new_first.start() + 1, new_first.group()[0].upper()))
        if not combo and new_first.group()[0].isupper():
            continue
        return edits
    return []


def _missing_space(par, rng) -> Edits:
    m = _pick(rng, _boundaries(par, starters_only=False))
    return [(m.end(1), m.end(1) + 1, "")] if m else []


def _double_space(par, rng) -> Edits:
    spots = [m for m in re.finditer(r"(?<=[a-z,]) (?=[a-z])", par)]
    m = _pick(rng, spots)
    return [(m.start(), m.end(), rng.choice(["  ", "   "]))] if m else []


def _space_before_punct(par, rng) -> Edits:
    m = _pick(rng, list(re.finditer(r"(?<=[a-z])[,.;:](?= |$)", par)))
    return [(m.start(), m.start(), " ")] if m else []


def _split_word(par, rng, hyphen="-\n") -> Edits:
    m = _pick(rng, list(re.finditer(r"\b[a-z]{8,}\b", par)))
    if not m:
        return []
    cut = m.start() + rng.randint(3, len(m.group()) - 3)
    return [(cut, cut, hyphen)]


def _split_compound(par, rng) -> Edits:
    m = _pick(rng, list(re.finditer(r"\b[A-Za-z]+(-)[a-z]+\b", par)))
    return [(m.end(1), m.end(1), "\n")] if m else []


def _hard_wrap(par, rng) -> Edits:
    if len(par) < 120:
        return []
    wrapped = textwrap.fill(par, rng.randint(60, 80), break_long_words=False,
                            break_on_hyphens=False)
    # textwrap only turns single spaces into newlines, so offsets line up.
    return [(i, i + 1, "\n") for i, (a, b) in enumerate(zip(par, wrapped)) if a != b] \
        if len(wrapped) == len(par) else []


def _mojibake(par, rng, codec="sloppy-windows-1252", times=1) -> Edits:
    edits = []
    for m in re.finditer(r"[^\x00-\x7f]", par):
        bad = m.group()
        for _ in range(times):
            bad = bad.encode("utf-8").decode(codec)
        edits.append((m.start(), m.end(), bad))
    return edits


_ENTITIES = {"&": ["&amp;"], "£": ["&pound;", "&#163;"], "'": ["&#39;", "&#x27;", "&rsquo;"],
             '"': ["&quot;", "&#34;"], "é": ["&eacute;"], "’": ["&rsquo;", "&#8217;"],
             "“": ["&ldquo;"], "”": ["&rdquo;"]}


def _entity(par, rng) -> Edits:
    spots = [m for m in re.finditer("[&£'\"é’“”]", par)]
    if "<" in par or not spots:
        return []
    return [(m.start(), m.end(), rng.choice(_ENTITIES[m.group()]))
            for m in rng.sample(spots, k=min(len(spots), rng.randint(1, 3)))]


def _invisible(par, rng) -> Edits:
    return _split_word(par, rng, hyphen=rng.choice(["\u00ad", "\u200b"]))


def _lost_one_quote(par, rng) -> Edits:
    m = _pick(rng, list(re.finditer("[\"“”]", par)))
    return [(m.start(), m.end(), "")] if m else []


# --------------------------------------------------------------------------- #
# The registry of kinds. ``para``: an in-paragraph injector; ``line``: a stray
# line generator with where it goes ("top", "any", "end"); ``strict``: whether
# its check compares whitespace exactly.


@dataclass(frozen=True)
class Kind:
    name: str
    para: Callable | None = None
    line: Callable | None = None
    where: str = "any"
    strict: bool = False


KINDS: dict[str, Kind] = {k.name: k for k in [
    Kind("quote.lost_one", para=_lost_one_quote),
    Kind("quote.lost_all"),  # whole-document: see _lose_all_quotes
    Kind("sentence.stray_period", para=_stray_period),
    Kind("sentence.lost_period", para=_lost_period),
    Kind("sentence.moved_boundary", para=_moved_boundary),
    Kind("sentence.capitalized", para=_capitalized),
    Kind("sentence.combined", para=lambda p, r: _moved_boundary(p, r, combo=True)),
    Kind("stray.credit", line=_credit, where="top"),
    Kind("stray.caption", line=_caption, where="top"),
    Kind("stray.dateline", line=_dateline, where="first"),
    Kind("stray.byline", line=_byline, where="first"),
    Kind("stray.timestamp", line=_timestamp, where="first"),
    Kind("stray.footer", line=_footer, where="end"),
    Kind("stray.promo", line=_promo, where="any"),
    Kind("stray.related", line=_related, where="end"),
    Kind("whitespace.missing_space", para=_missing_space, strict=True),
    Kind("whitespace.double_space", para=_double_space, strict=True),
    Kind("whitespace.space_before_punct", para=_space_before_punct, strict=True),
    Kind("hyphenation.line_break", para=_split_word),
    Kind("hyphenation.space", para=lambda p, r: _split_word(p, r, hyphen="- ")),
    Kind("hyphenation.compound", para=_split_compound),
    Kind("wrapping.hard_wrap", para=_hard_wrap, strict=True),
    Kind("duplicate.paragraph"),  # whole-document: see _duplicate
    Kind("encoding.mojibake", para=_mojibake),
    Kind("encoding.mojibake_latin1", para=lambda p, r: _mojibake(p, r, codec="latin-1")),
    Kind("encoding.mojibake_double", para=lambda p, r: _mojibake(p, r, times=2)),
    Kind("encoding.entity", para=_entity),
    Kind("encoding.invisible", para=_invisible),
]}

# A scenario is one table: the kinds injected together into each document.
SCENARIOS: dict[str, tuple[str, ...]] = {
    "quote": ("quote.lost_all", "quote.lost_one"),
    "sentence": ("sentence.stray_period", "sentence.lost_period", "sentence.moved_boundary",
                 "sentence.capitalized", "sentence.combined"),
    "stray": tuple(k for k in KINDS if k.startswith("stray.")),
    "whitespace": tuple(k for k in KINDS if k.startswith("whitespace.")),
    "hyphenation": ("hyphenation.line_break", "hyphenation.space", "hyphenation.compound",
                    "wrapping.hard_wrap"),
    "duplicate": ("duplicate.paragraph",),
    "encoding": tuple(k for k in KINDS if k.startswith("encoding.")),
}
SEED_SCENARIO = "seed"  # the seed article's mix: credit, caption, dateline, footer,
# every quotation mark lost and a broken sentence boundary, all in one document.


def base_doc(record: dict, rng: random.Random) -> tuple[list[str], str]:
    """A record's paragraphs (its title on top half the time, as pages show it)
    and a separator: a blank line mostly, a single newline a third of the time."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", record["text"]) if p.strip()]
    if record.get("title") and rng.random() < 0.5:
        paras.insert(0, record["title"].strip())
    return paras, ("\n" if rng.random() < 0.33 else "\n\n")


def _window(par: str, start: int, end: int, k: int = 2) -> str:
    """The clean text from ``k`` words before ``start`` to ``k`` words after ``end``."""
    spans = [m.span() for m in _WORD.finditer(par)]
    i = max([n for n, s in enumerate(spans) if s[0] <= start] or [0])
    j = min([n for n, s in enumerate(spans) if s[1] >= end] or [len(spans) - 1])
    return par[spans[max(0, i - k)][0]:spans[min(len(spans) - 1, j + k)][1]]


class _Draft:
    """A document being corrupted: current paragraphs, and which clean paragraph
    each came from (-1 for an inserted line) so each gets one defect at most."""

    def __init__(self, paras: list[str], sep: str, rng: random.Random, titles: Sequence[str]):
        self.clean, self.sep, self.rng, self.titles = paras, sep, rng, titles
        self.paras, self.origin = list(paras), list(range(len(paras)))
        self.touched: set[int] = set()
        self.defects: list[Defect] = []

    def free(self) -> list[int]:
        return [pos for pos, o in enumerate(self.origin) if o >= 0 and o not in self.touched]

    def edit_paragraph(self, kind: Kind) -> bool:
        for pos in self.rng.sample(self.free(), k=len(self.free())):
            par = self.paras[pos]
            edits = kind.para(par, self.rng)
            if not edits:
                continue
            edits.sort()
            out, last = [], 0
            for s, e, r in edits:
                out += [par[last:s], r]
                last = e
            self.paras[pos] = "".join(out) + par[last:]
            self.touched.add(self.origin[pos])
            lo, hi = edits[0][0], max(e for _, e, _ in edits)
            window = par if kind.name == "wrapping.hard_wrap" else _window(par, lo, hi)
            self.defects.append(Defect(kind.name, present=(window,), strict=kind.strict))
            return True
        return False

    def insert_lines(self, kind: Kind) -> bool:
        lines = kind.line(self.rng, self.titles) if kind.name in (
            "stray.promo", "stray.related") else kind.line(self.rng)
        body = [pos for pos, o in enumerate(self.origin) if o >= 0]
        if not body:
            return False
        has_title = bool(self.titles) and self.clean[0] in self.titles
        first = body[1] if has_title and len(body) > 1 else body[0]
        pos = {"top": self.rng.choice([first, first, self.rng.choice(body)]),
               "first": first, "end": len(self.paras),
               "any": self.rng.randint(1, len(self.paras))}[kind.where]
        if kind.name == "stray.dateline" and lines[0].endswith(("-", "—")) \
                and self.origin[pos] >= 0 and self.origin[pos] not in self.touched \
                and self.rng.random() < 0.5:  # glued to the first paragraph
            self.paras[pos] = f"{lines[0]} {self.paras[pos]}"
            self.touched.add(self.origin[pos])
            self.defects.append(Defect(kind.name, absent=(lines[0] + " ",)))
            return True
        glue = "\n" if len(lines) > 1 and self.rng.random() < 0.5 else None
        block = [glue.join(lines)] if glue else lines
        self.paras[pos:pos] = block
        self.origin[pos:pos] = [-1] * len(block)
        self.defects.append(Defect(kind.name, absent_lines=tuple(lines)))
        return True

    def duplicate(self) -> bool:
        free = [p for p in self.free() if len(self.paras[p]) > 40]
        if not free:
            return False
        pos = self.rng.choice(free)
        par = self.paras[pos]
        at = self.rng.choice([pos + 1, pos + 1, len(self.paras)])
        self.paras.insert(at, par)
        self.origin.insert(at, -1)
        self.touched.add(self.origin[pos])
        self.defects.append(Defect("duplicate.paragraph", once=(par,)))
        return True

    def lose_all_quotes(self) -> bool:
        """Strip every double quotation mark; each mark is a defect of its own."""
        marks = [(p, m.start()) for p, par in enumerate(self.clean)
                 for m in re.finditer("[\"“”]", par)]
        if not marks:
            return False
        for p, i in marks:
            self.defects.append(Defect("quote.lost_all", present=(_window(self.clean[p], i, i + 1),)))
        self.paras = [re.sub("[\"“”]", "", par) if o >= 0 else par
                      for par, o in zip(self.paras, self.origin)]
        return True

    def inject(self, name: str) -> bool:
        kind = KINDS[name]
        if name == "quote.lost_all":
            return self.lose_all_quotes()
        if name == "duplicate.paragraph":
            return self.duplicate()
        return self.insert_lines(kind) if kind.line else self.edit_paragraph(kind)

    def text(self) -> str:
        return self.sep.join(self.paras)


def simulate(records: Sequence[dict], scenario: str, seed: int = 0,
             titles: Sequence[str] = ()) -> list[Sample]:
    """Corrupt each record with one to three defects of ``scenario``'s kinds.

    A defect whose check already passes on the corrupted text, or fails on the
    clean text, is dropped: by construction the no-op tool repairs none and the
    clean original repairs all (the instrument checked against itself).
    """
    samples = []
    for n, record in enumerate(records):
        rng = random.Random(f"{seed}:{scenario}:{record['id']}")
        paras, sep = base_doc(record, random.Random(f"{seed}:{record['id']}"))
        draft = _Draft(paras, sep, rng, titles)
        if scenario == SEED_SCENARIO:
            for name in ("stray.credit", "stray.caption", "stray.dateline", "stray.footer",
                         "sentence.combined"):
                draft.inject(name)
            draft.lose_all_quotes()  # last: it strips marks from every paragraph
        else:
            kinds = SCENARIOS[scenario]
            for _ in range(rng.randint(1, 3)):
                names = rng.sample(kinds, k=len(kinds))
                next((k for k in names if draft.inject(k)), None)
        clean, text = sep.join(paras), draft.text()
        defects = [d for d in draft.defects if d.repaired(clean) and not d.repaired(text)]
        if defects:
            samples.append(Sample(record["id"], scenario, clean, text, defects))
    return samples

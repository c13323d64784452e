"""The geoparser: a document's text in, its place mentions out.

1. one Aho-Corasick pass finds every gazetteer alias or stem in the normalised text;
2. a second finds organisation names from the lexicon;
3. context rules drop people, organisations and adjectives, choose among sites that
   share a name (by the head noun that follows, then the declared default), and mark
   metonyms (``literal: false``);
4. capitalised place-like phrases that nothing matched are reported as ``unresolved``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from geo.gazetteer import (
    AREA_KINDS,
    FACILITY_KINDS,
    LAYERS,
    THEATRE_COUNTRIES,
    Gazetteer,
    Lexicons,
    Site,
    load_gazetteer,
    load_lexicons,
)
from geo.gazetteer.sites import AMBIGUITIES, CURATED, FALLBACK, WORLD
from geo.geoparse.cache import cached_build
from geo.geoparse.context import (
    CAPITALISED_COMPASS,
    LIST_GAP,
    LOCATIVE_BEFORE,
    bare_key,
    extend_abbreviation,
    extend_article,
    key,
    window,
)
from geo.geoparse.discourse import (
    Reading,
    coordinated_states,
    one_country_lists,
    out_of_their_country,
    parent_compounds,
    represented_states,
    split_at_comma,
)
from geo.geoparse.mention import LITERAL_READINGS, Mention
from geo.geoparse.readings import Readings
from geo.geoparse.rules import Rules
from geo.geoparse.titles import publication_titles, unit_nicknames
from geo.geoparse.unresolved import find_unresolved
from geo.geoparse.world import areas_by_name, coordinated_areas, may_be_located, resolve_world
from geo.text import Hit, KeyMatcher, SentenceIndex, TextIndex, core_is_capitalised, is_capitalised, skeletons

__all__ = ["Geoparser", "GeoparserSpec", "geoparser_for"]


class Names(NamedTuple):
    """What an alias key can denote: sites by name, and sites by stem (with a head noun)."""

    sites: tuple[str, ...]
    stems: tuple[str, ...]


@dataclass(frozen=True)
class GeoparserSpec:
    """What a geoparser is built from: file paths, small and picklable, so that every
    worker process builds the geoparser the caller asked for (None: the checked-in file;
    ``derived_layers=False``: the curated sites only, without the fallback and world layers)."""

    gazetteer: Path | None = None
    fallback: Path | None = None
    world: Path | None = None
    ambiguities: Path | None = None
    lexicons: Path | None = None
    derived_layers: bool = True

    def build(self) -> Geoparser:
        """The geoparser; the checked-in one comes from the disk cache when it is current."""
        return cached_build(self._build) if self == GeoparserSpec() else self._build()

    def _build(self) -> Geoparser:
        lexicons = load_lexicons(self.lexicons) if self.lexicons else load_lexicons()
        derived = self.derived_layers
        gazetteer = load_gazetteer(self.gazetteer or CURATED, (self.fallback or FALLBACK) if derived else None,
                                   self.ambiguities or AMBIGUITIES, lexicons.reserved_words,
                                   world=(self.world or WORLD) if derived else None)
        return Geoparser(gazetteer, lexicons)


@lru_cache(maxsize=4)
def geoparser_for(spec: GeoparserSpec = GeoparserSpec()) -> Geoparser:
    """The geoparser of a specification, built once per process."""
    return spec.build()


# Head nouns of areas named after a town: the town's point never stands for them.
_AREA_GROUPS = frozenset({"area", "governorate"})
# A file's name: "Tower 22 map.svg", "File:Al-Tanf_garrison_2017.jpg" (from the last
# punctuation before its extension).
_FILE_EXTENSION = re.compile(r"\.(?:jpe?g|png|svg|gif|webp|tiff?|pdf|ogg|webm)\b", re.I)
_FILE_NAME_START = re.compile(r"[\n.,;:!?\[\]|][^\n.,;:!?\[\]|]*\Z")
# A match's last character, then more of the same token: a letter after a letter, or one
# more dotted letter ("U.S.C."; but "D.C.U.S." is two abbreviations run together).
_INSIDE_A_TOKEN = re.compile(r"\w[^\W\d_]|\.[A-Z]\.(?![A-Za-z])")
# A word in capitals of up to five letters, dotted or not: "USS", "U.S.", "SANA", "IRAQ".
_ACRONYM = re.compile(r"(?:[A-Z]\.?){1,5}")
_LETTERS = re.compile(r"[^A-Z]")
_SPELLABLE = re.compile(r"[A-Za-z. ]+")
# What may stand before a heading's name on its line: "The White House".
_THE = re.compile(r"[ \t]*(?:[Tt]he[ \t]+)?\Z")
# A dash, then the words of another name: "–Damascus Highway".
_JOINED_NAME = re.compile(r"\s?[-–—]\s?(?=[A-Z])([\w'’ -]{1,60})")


class Geoparser:
    def __init__(self, gazetteer: Gazetteer, lexicons: Lexicons):
        self.gazetteer = gazetteer
        self.rules = Rules(lexicons)
        self.readings = Readings(lexicons)
        self.lexicons = lexicons
        entries: dict[str, Names] = {}
        for k, ids in gazetteer.aliases.items():
            entries[k] = Names(tuple(ids), ())
        for k, ids in gazetteer.stems.items():
            entries[k] = Names(entries.get(k, Names((), ())).sites, tuple(ids))
        self.places: KeyMatcher[Names] = KeyMatcher(entries)
        # Names only the world layer's towns bear: kept only with locative evidence (see
        # geo.geoparse.world), so a match without any is dropped before the rules run.
        self.world_towns = frozenset(k for k, names in entries.items() if names.sites and not names.stems and all(
            gazetteer[i].layer == "world" and gazetteer[i].is_point for i in names.sites))
        # Names only towns of the lower layers bear (every world town's, most fallback towns'):
        # the end of a longer name when an unknown capitalised word comes right before.
        self.lower_towns = frozenset(k for k, names in entries.items() if names.sites and not names.stems and all(
            gazetteer[i].layer != LAYERS[0] and gazetteer[i].is_point for i in names.sites))
        self.areas = areas_by_name(gazetteer)
        self.countries = frozenset(k for k, names in entries.items()
                                   if len(names.sites) == 1 and gazetteer[names.sites[0]].kind == "country")
        self.acronyms = _acronyms(gazetteer)
        # Names written with a final full stop ("Ind.", "Calif."): the stop is the name's.
        dotted = [name for site in gazetteer.sites.values() for name in site.names() if name.endswith(".")]
        self.dotted = frozenset(skeletons(dotted))
        self.organisations: KeyMatcher[str] = KeyMatcher(dict(zip(skeletons(list(lexicons.organisations)),
                                                                  lexicons.organisations)))
        # The names a reader knows as places, and their words: not the world layer's towns,
        # whose names include every common word ("Led", "Hamas", "Designated").
        self.known_names = frozenset(k for k, ids in gazetteer.aliases.items()
                                     if any(gazetteer[i].layer != "world" or not gazetteer[i].is_point for i in ids))
        self.place_words = {w for k in self.known_names for w in k.split()}
        labels = sorted(lexicons.infobox_labels, key=len, reverse=True)
        # after a line break: the search skips from one to the next (a pattern opening with "^" tries
        # every position)
        self.glued_label = re.compile(r"\n(?:" + "|".join(map(re.escape, labels)) + r")(?=[^\W\d_])")

    def parse(self, doc_id: str, text: str, index: TextIndex | None = None, unresolved: bool = True) -> list[Mention]:
        """The document's mentions in text order; ``unresolved=False`` leaves out the names
        the gazetteer does not know (the events stage has no use for them)."""
        index = index or TextIndex(text)
        hits, indexes = self._hits(text, index)
        organisations = [(h.start, h.end) for h in index.hits(self.organisations)]
        inside_organisation = _Containment(organisations)
        in_title_or_file = _Containment(_merged(_file_names(text) + publication_titles(text) + unit_nicknames(text)))
        sentences = index.sentences
        people: set[str] = set()
        tails: list[int] = []
        read = [self.read(text, indexes.get(i, index), hit, inside_organisation, sentences, people=people,
                          in_title_or_file=in_title_or_file, organisation_tails=tails) for i, hit in enumerate(hits)]
        named = frozenset(r.sites[0] for r in read if r and len(r.sites) == 1)
        for i, hit in enumerate(hits):
            first = read[i]
            if named.intersection(hit.payload.stems) and (first is None or self._only_beneath(first.sites)):
                read[i] = self.read(text, indexes.get(i, index), hit, inside_organisation, sentences, named,
                                    in_title_or_file=in_title_or_file)
        readings = [r for r in read if r and not (people and self._names_a_person(text, r, people))]
        in_names = frozenset(self.gazetteer[h.payload.sites[0]].country for h, r in zip(hits, read)
                             if r is None and h.key in self.countries)  # "U.S. Army Reserve"
        readings = resolve_world(text, readings, self.gazetteer, in_names, self.areas)
        readings = coordinated_areas(text, readings, self.gazetteer, self.areas)
        readings = coordinated_states(text, parent_compounds(text, readings, self.gazetteer), self.gazetteer)
        readings = out_of_their_country(text, split_at_comma(text, readings, self.gazetteer), self.gazetteer)
        readings = one_country_lists(text, readings, self.gazetteer)
        readings = represented_states(text, readings, self.gazetteer, self.areas)
        mentions = [self._mention(doc_id, text, r, sentences) for r in readings]
        if unresolved:
            taken = [(h.start, h.end) for h in hits] + organisations
            known = [(m.start, m.end) for m in mentions] + organisations
            for start, end, kind in find_unresolved(text, taken, self.lexicons, known):
                if not in_title_or_file(start, end):
                    mentions.append(self._unresolved(doc_id, text, start, end, kind, sentences))
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    def _hits(self, text: str, index: TextIndex) -> tuple[list[Hit[Names]], dict[int, TextIndex]]:
        """The matches in text order, with a name glued to an infobox label that text
        copied from a page runs into it ("LocationErbil", "Garrison/HQFort Liberty"):
        matched on its line alone, whose index (by the match's position in the list)
        the rules then read it with."""
        hits = index.hits(self.places)
        glued = [found.end() - 1 for found in self.glued_label.finditer("\n" + text)]
        if not glued:
            return hits, {}
        own: list[tuple[Hit[Names], TextIndex | None]] = [(hit, None) for hit in hits]
        for start in glued:
            end = text.find("\n", start)
            line = TextIndex(text[start:end if end >= 0 else len(text)])
            own += [(hit._replace(start=hit.start + start, end=hit.end + start), line)
                    for hit in line.hits(self.places) if hit.start == 0]
        own.sort(key=lambda pair: pair[0].start)
        return [hit for hit, _ in own], {i: line for i, (_, line) in enumerate(own) if line is not None}

    def read(self, text: str, index: TextIndex, hit: Hit[Names], inside_organisation: _Containment,
             sentences: SentenceIndex, named: frozenset[str] = frozenset(),
             people: set[str] | None = None, in_title_or_file: _Containment | None = None,
             organisation_tails: list[int] | None = None) -> Reading | None:
        """The rules applied to one match; None when it is not a place mention.  A stem
        without a head noun ("Al Asad", "Dyess") stands for a site the document has
        already named in full (``named``): one sense per discourse.  Names read as a
        person's ("Abu Bakr al-Baghdadi") are added to ``people``; the ends of names that
        end an organisation's name to ``organisation_tails``, and a name listed right
        after one ends it too."""
        start = extend_article(text, hit.start)
        end = extend_abbreviation(text, hit.end)
        surface = text[start:end]
        if not core_is_capitalised(surface) or _INSIDE_A_TOKEN.match(text, end - 1) or (
                hit.key in self.world_towns and not may_be_located(text, start, end)):
            return None  # a word, part of a longer token ("U.S.C."), or a world town without evidence
        if inside_organisation(start, hit.end):
            if organisation_tails is not None and inside_organisation.ends_with(start, hit.end):
                organisation_tails.append(end)  # "the Islamic State in Iraq" (and Syria)
            return None  # part of an organisation's name
        if in_title_or_file and in_title_or_file(start, end):
            return None  # part of a publication's title or of a file's name
        w = window(text, start, end)
        rules = self.rules
        if organisation_tails and LIST_GAP.fullmatch(text, organisation_tails[-1], start):
            organisation_tails.append(end)  # "the Subcommittee on Near East, South Asia, and ..."
            return None
        complete = "\n" in w.glued_after and " " in surface and all(  # only read where a line ends after it
            self.gazetteer[i].kind in FACILITY_KINDS for i in hit.payload.sites)
        if rules.is_organisation_part(w, complete) or rules.names_after_a_dash(text, start) or (
                (text[start - 1:start] == "(" or text[end:end + 1] == ")") and rules.names_in_parentheses(text, start, end)):
            if organisation_tails is not None and (rules.ends_an_organisation(w) or rules.opens_the_name(w)):
                organisation_tails.append(end)  # and names listed after it are the name's: "Navy Region Europe, Africa"
            return None
        if rules.follows_a_designator(w) and not self._may_name_a_facility(hit):
            return None  # "Camp New York" in Kuwait, "Joint Base San Antonio": a facility the gazetteer lacks
        if hit.key in self.world_towns and self._opens_a_longer_name(w):
            return None  # "the Bright Castle Motors building", "the Houston Methodist Hospital"
        if hit.key in self.lower_towns and self._closes_a_longer_name(w):
            return None  # "Suwaydan Jazirah", "Tuz Khurma": a village the gazetteer lacks, not the town
        if rules.is_first_name(surface, w, self.place_words):
            return None  # a first name: the place's name alone later is still the place
        if rules.is_person(surface, w, self.place_words):
            if people is not None:
                people.add(bare_key(surface))
            return None
        group = rules.head_group(index.words_after(hit.padded_end, 3), w.before)
        if group is None:
            group = rules.list_of_areas(text, start, end)  # "Liberty and Bryan counties"
        if group is None and text.rfind("\n", max(0, start - 30), start) >= 0:  # cheaply, most names have none
            group = rules.area_label(text, start)  # "- Region: Deir ez-Zor"
        if group is None and self._joined_to_an_area(text, end):
            return None  # "the Baghdad–Damascus Highway": a road, not Baghdad
        if group is None and hit.payload.stems:
            s_start, s_end = sentences.around(start, end)
            if rules.military_context(text[s_start:start], text[end:min(s_end, end + 150)]):
                group = "military"
        sites = self._choose(hit, group)
        named_here = tuple(i for i in hit.payload.stems if i in named) if named else ()
        if named_here and (not sites or self._only_beneath(sites)):
            sites = named_here  # "Ellsworth" after "Ellsworth Air Force Base": not a town in Maine
        if _ACRONYM.fullmatch(surface):  # "USS" is no "US", "SANA" no "Sanaa": capitals spell a name exactly
            letters = _LETTERS.sub("", surface)
            sites = tuple(i for i in sites if i in self.acronyms.get(letters, ()))
        if not sites or (hit.key in self.lexicons.common_words and self._only_beneath(sites)):
            return None  # "Liwa al-Tafuf": a common word, never a town of the lower layers
        site = self.gazetteer[sites[0]]
        if group in _AREA_GROUPS and site.kind not in rules.kinds_of(group) | AREA_KINDS:
            return None  # "the Abu Kamal District", "Kirkuk province" unknown: not the town
        if group == "governorate" and site.kind == "country" and w.glued_before == " " \
                and w.before and w.before[-1] in CAPITALISED_COMPASS:
            return None  # "East Azerbaijan province": a province named after the country, not it
        single = len(sites) == 1
        country = single and site.kind == "country"
        # a country, a capital, or a US state ("Georgia seceded", "the Adjutant General of New Jersey")
        government = country or (single and (bool(site.metonym_for) or site.kind == "state"))
        if site.kind in rules.kinds_of(group):  # "the Victoria military base", "Anbar province": the place's name
            return Reading(start, end, sites, "literal")
        if government and rules.in_an_actor_field(text, start):
            return Reading(start, end, sites, "metonymic")  # "Allegiance Iran", "Opponents United States"
        if government and site.kind in FACILITY_KINDS and _alone_on_its_line(text, start, end):
            return Reading(start, end, sites, "metonymic")  # "The White House\n\nOffice of ...": a release's issuer
        return Reading(start, end, sites, self.readings.reading(w, country, government, self.place_words))

    def _opens_a_longer_name(self, w) -> bool:
        """A capitalised word right after, that is no place's and no head noun: the name
        goes on ("Bright Castle Motors"); "Columbus Ohio", "Fort Worth base" do not."""
        if w.glued_after != " " or not w.after or not is_capitalised(w.after[0]) or w.after[0].isupper():
            return False
        k = key(w.after[0])
        name = " ".join(key(x) for x in w.after[:2])
        return (k not in self.known_names and name not in self.known_names and self.rules.head_group([k]) is None
                and k not in self.lexicons.function_words and k not in self.lexicons.non_places)

    def _closes_a_longer_name(self, w) -> bool:
        """A capitalised word right before that no list knows (no place's word, title,
        given name, demonym or function word): the name began there."""
        if w.glued_before != " " or not w.before or not is_capitalised(w.before[-1]) or w.before[-1].isupper():
            return False
        k, lex = key(w.before[-1]), self.lexicons
        return not any(k in words for words in (self.place_words, lex.function_words, lex.person_titles,
                                                lex.given_names, lex.non_places, lex.org_heads, lex.services,
                                                lex.locative_nouns, lex.physical_nouns, lex.common_words)) \
            and self.rules.head_group([], [w.before[-1]]) is None

    def _may_name_a_facility(self, hit: Hit[Names]) -> bool:
        """After "Camp", "Fort" ...: the name of a facility the gazetteer has ("Fort
        Bliss"), or of a theatre town a camp is named after and stands near ("Camp Taji")."""
        return any(self.gazetteer[i].kind in FACILITY_KINDS or self.gazetteer[i].country in THEATRE_COUNTRIES
                   for i in hit.payload.sites + hit.payload.stems)

    def _only_beneath(self, sites: tuple[str, ...]) -> bool:
        """All the sites are the fallback or world layer's: a curated site the document
        named outranks them."""
        return all(self.gazetteer[i].layer != LAYERS[0] for i in sites)

    def _joined_to_an_area(self, text: str, end: int) -> bool:
        """A name joined by a dash to another name that an area's head noun ends
        ("Baghdad–Damascus Highway", "the Kirkuk-Ceyhan road", "the Kirkuk–Haifa oil pipeline")."""
        joined = _JOINED_NAME.match(text, end)
        if not joined:
            return False
        words = [key(word) for word in joined.group(1).split()]
        for i, word in enumerate(joined.group(1).split()[1:4], start=1):
            if self.rules.head_group(words[i:i + 2]) in _AREA_GROUPS:  # "Highway", "oil pipeline"
                return True
            if not word[:1].isupper():
                return False
        return False

    @staticmethod
    def _names_a_person(text: str, r: Reading, people: set[str]) -> bool:
        """A person's surname or nisba alone, after the full name ("al-Baghdadi said"
        after "Abu Bakr al-Baghdadi"), unless a locative word shows the place ("in
        al-Baghdadi")."""
        return bare_key(text[r.start:r.end]) in people and not LOCATIVE_BEFORE.search(text, max(0, r.start - 12),
                                                                                      r.start)

    def _choose(self, hit: Hit[Names], group: str | None) -> tuple[str, ...]:
        """Sites the match may denote, narrowed by the head noun and declared defaults."""
        kinds = self.rules.kinds_of(group)
        by_stem = tuple(i for i in hit.payload.stems if self.gazetteer[i].kind in kinds)
        sites = by_stem or hit.payload.sites
        shadowed = self.gazetteer.shadowed.get(hit.key) if kinds else None
        if shadowed and not any(self.gazetteer[i].kind in kinds for i in sites):
            # a lower layer's site of the named kind: "the state of New York", not the city
            sites = tuple(i for i in shadowed if self.gazetteer[i].kind in kinds) or sites
        if len(sites) > 1 and kinds:
            sites = tuple(i for i in sites if self.gazetteer[i].kind in kinds) or sites
        if len(sites) > 1:
            declared = self.gazetteer.ambiguities.get(hit.key)
            if declared and declared.default:
                sites = (declared.default,)
        return sites

    def _mention(self, doc_id: str, text: str, r: Reading, sentences: SentenceIndex) -> Mention:
        if text[r.end:r.end + 1] == "." and key(text[r.start:r.end]) in self.dotted:
            r = r._replace(end=r.end + 1)  # "Edinburgh, Ind.": the stop is the name's (the rules read it without)
        s_start, sentence = sentences.text_around(r.start, r.end)
        surface, literal = text[r.start:r.end], r.reading in LITERAL_READINGS
        if len(r.sites) > 1:
            return Mention(doc_id, r.start, r.end, surface, "", "", "", "", None, None, literal, r.reading,
                           "ambiguous", None, None, "", r.sites, sentence, s_start)
        site: Site = self.gazetteer[r.sites[0]]  # positional: a mention is made for every match
        return Mention(doc_id, r.start, r.end, surface, site.id, site.name, site.kind, site.country, site.lat,
                       site.lon, literal, r.reading, "resolved", site.geo_precision, site.uncertainty_m, site.layer,
                       (), sentence, s_start)

    def _unresolved(self, doc_id: str, text: str, start: int, end: int, kind: str,
                    sentences: SentenceIndex) -> Mention:
        """A place-like phrase nothing resolved, with the kind its words suggest ("" when they do not)."""
        s_start, sentence = sentences.text_around(start, end)
        return Mention(doc=doc_id, start=start, end=end, surface=text[start:end], site_id="", name="", kind=kind,
                       country="", lat=None, lon=None, literal=True, reading="literal", status="unresolved",
                       precision=None, uncertainty_m=None, layer="", candidates=(), sentence=sentence,
                       sentence_start=s_start)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, overlapping ones joined (a _Containment needs them apart)."""
    joined: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if joined and a < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(b, joined[-1][1]))
        else:
            joined.append((a, b))
    return joined


def _file_names(text: str) -> list[tuple[int, int]]:
    """The spans of the file names in a text, each from the last punctuation before its
    extension to the extension's end."""
    spans: list[tuple[int, int]] = []
    for extension in _FILE_EXTENSION.finditer(text):
        head = _FILE_NAME_START.search(text, max(0, extension.start() - 80), extension.start())
        start = head.start() + 1 if head else max(0, extension.start() - 80)
        start = _after_unclosed_parenthesis(text, start, extension.start())
        if not spans or start >= spans[-1][1]:
            spans.append((start, extension.end()))
    return spans


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """The name, after "The" at most, is all its line holds: a heading."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return bool(_THE.match(text, line_start, start)) and not text[end:line_end if line_end >= 0 else len(text)].strip()


def _after_unclosed_parenthesis(text: str, start: int, end: int) -> int:
    """Where a file's name starts within text[start:end]: after the last parenthesis
    opened there and not closed ("(map Tower 22.svg)"); a name may hold closed ones
    ("Deir ez-Zor (2017).jpg")."""
    depth = 0
    for i in range(end - 1, start - 1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                return i + 1
            depth -= 1
    return start


def _acronyms(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The capital letters of each short name (up to five letters) -> the sites it names."""
    index: dict[str, set[str]] = {}
    for site in gazetteer.sites.values():
        for name in (*site.names(), *site.stems):
            letters = _LETTERS.sub("", name.upper())
            if len(letters) <= 5 and _SPELLABLE.fullmatch(name):  # not "San'a"
                index.setdefault(letters, set()).add(site.id)
    return {k: frozenset(ids) for k, ids in index.items()}


class _Containment:
    """Whether a span lies inside one of a list of spans that do not overlap (matcher
    hits): only the last span starting at or before it can hold it."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def __call__(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return i > 0 and end <= self.spans[i - 1][1]

    def ends_with(self, start: int, end: int) -> bool:
        """The span holding [start, end) ends where it does."""
        i = bisect_right(self.starts, start)
        return i > 0 and end == self.spans[i - 1][1]

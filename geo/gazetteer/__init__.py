"""The checked-in knowledge the geoparser and the extractor read: the gazetteer of sites
(curated, plus a fallback layer of towns), the lexicons of the context rules, and the
actors.  ``geo.gazetteer.check`` validates the gazetteer against country outlines;
``geo.gazetteer.gaps`` lists the place-like names a corpus uses that it lacks;
``python -m geo.gazetteer.derive`` derives the data files from Natural Earth and GeoNames."""

from geo.gazetteer.actors import Actor, ActorHit, ActorLexicon, load_actors
from geo.gazetteer.lexicons import Lexicons, load_lexicons
from geo.gazetteer.sites import (
    AREA_KINDS,
    FACILITY_KINDS,
    GEO_PRECISIONS,
    KINDS,
    LAYER_MEANINGS,
    LAYERS,
    THEATRE_COUNTRIES,
    Gazetteer,
    Site,
    load_gazetteer,
)

__all__ = ["AREA_KINDS", "FACILITY_KINDS", "GEO_PRECISIONS", "KINDS", "LAYERS", "LAYER_MEANINGS", "THEATRE_COUNTRIES",
           "Actor", "ActorHit", "ActorLexicon", "Gazetteer", "Lexicons", "Site", "load_actors", "load_gazetteer",
           "load_lexicons"]

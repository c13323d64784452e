"""Tellings made by hand, for the merge and stage tests."""

from geo.events import Telling


def telling(doc, start, date, sites, killed=None, weapon="drone", kind="air-drone", precision="day", status="reported"):
    return Telling(doc=doc, start=start, end=start + 10, quote="q", kind=kind, date=date, date_end=date,
                   time_precision=precision, date_derivation="explicit", site_ids=tuple(sites), actor="", target="",
                   weapon=weapon, killed=killed, wounded=None, status=status)

"""The static map site: a folium/Leaflet map with a month window, a page of cited
mentions and events per site, each document with its mentions highlighted, and the data."""

from geo.site.build import build_site

__all__ = ["build_site"]

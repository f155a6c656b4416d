"""Getting the documents: `reportkit fetch` downloads reports, press pages and letters into the
raw folder, politely, with a manifest row of provenance for each file.

``fetch(targets, raw)`` runs the downloads; ``catalogue.for_forces`` lists the inspectorate's
publications the package knows; ``PoliteClient`` is the HTTP client (robots.txt, delay, retries).
"""
from reportkit.fetch.catalogue import Entry, for_forces
from reportkit.fetch.http import FetchError, PoliteClient
from reportkit.fetch.run import Outcome, Target, fetch, targets_for

__all__ = ["Entry", "FetchError", "Outcome", "PoliteClient", "Target", "fetch", "for_forces",
           "targets_for"]

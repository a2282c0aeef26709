"""Schedule expansion: regimens to expected dose slots, and which doses answer them."""

from .expand import Slot, expand, expand_all, local_instant, longest_gap, regimen_days, shortest_gap
from .matching import SlotState, derived_missed, match

__all__ = [
    "Slot", "SlotState", "derived_missed", "expand", "expand_all", "local_instant", "longest_gap", "match",
    "regimen_days", "shortest_gap",
]

"""Is a medicine's `drug` a name the journal knows, a typing slip of one, or a medicine it does not
know? A slip ("bac1ofen", "baclofan") would silently switch off every drug check for that medicine,
so it is refused with the closest known names; a name close to none is a medicine the journal does
not know, which is allowed (the general checks still apply), like no drug at all.

Known names: every name of every drug profile and every member of the profiles' interaction classes
(journal.knowledge): a slip of one of these is refused. resources/drug-names.json lists real
medicines without a profile, so that e.g. bromazepam is not taken for a slip of lorazepam.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from functools import lru_cache

from journal.domain.i18n import _
from journal.knowledge import RESOURCES, default_library

from .errors import ValidationError

NAMES_FILE = RESOURCES / "drug-names.json"
# How alike two names must be (difflib ratio: 1 = the same) for one to be taken for a slip of the
# other. Judgement: a letter wrong or swapped in a name of 7+ letters scores 0.85 or more; two
# different real medicines that score this high are listed in drug-names.json instead.
SLIP_CUTOFF = 0.8
MAX_SUGGESTIONS = 3


def _key(name: str) -> str:
    return " ".join(name.strip().lower().split())


@lru_cache(maxsize=1)
def profile_names() -> frozenset[str]:
    """The names the drug profiles answer to (each profile's names and interaction members)."""
    library = default_library()
    names: set[str] = {_key(n) for n in library.known_names()}
    for profile in library.profiles:
        for group in profile.interactions:
            names |= {_key(n) for n in group.members}
    return frozenset(names)


def profile_drugs() -> list[str]:
    """The drugs the journal has a profile for (e.g. "baclofen"), sorted: what a form offers to pick."""
    return sorted({_key(p.drug) for p in default_library().profiles if p.drug})


@lru_cache(maxsize=1)
def known_drug_names() -> frozenset[str]:
    """Every active-ingredient name the journal recognises (profiles plus drug-names.json), lower case."""
    data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    listed = data.get("names") if isinstance(data, dict) else None
    if not isinstance(listed, list) or not all(isinstance(n, str) and n.strip() for n in listed):
        raise ValueError(f"{NAMES_FILE}: 'names' must be a list of names")
    return profile_names() | {_key(n) for n in listed}


def is_known(drug: str) -> bool:
    return _key(drug) in known_drug_names()


def closest_drug_names(drug: str) -> list[str]:
    """The names of the drug profiles (and their interaction classes) `drug` is most likely a slip
    of, closest first; [] when `drug` is a known name or close to none of them. A profile's name
    written inside a longer text ("baclofen hydrochloride", "baclofen 10 mg") comes first. A slip
    of a medicine the journal has no profile for ("metformine") silences nothing and is allowed."""
    key = _key(drug)
    known = known_drug_names()
    if not key or key in known:
        return []
    # Only the names the checks know something about can be silenced by a slip: the suggestions
    # are drawn from those. Look-alike characters (full-width letters) are folded first.
    checked = sorted(profile_names())
    folded = _key(unicodedata.normalize("NFKC", key).casefold())
    same = [folded] if folded != key and folded in checked else []
    inside = [n for n in checked if re.search(rf"\b{re.escape(n)}\b", folded)]
    close = [n for n in difflib.get_close_matches(folded, checked, n=2 * MAX_SUGGESTIONS, cutoff=SLIP_CUTOFF)
             if not _other_number(folded, n)]
    return list(dict.fromkeys(same + inside + close))[:MAX_SUGGESTIONS]


def _other_number(a: str, b: str) -> bool:
    """The names differ only in their numbers ("vitamin b5", "vitamin b6"): two products, not a
    slip. A digit in place of a letter ("bac1ofen", "peg 3a50") is still a slip."""
    da, db = re.findall(r"\d+", a), re.findall(r"\d+", b)
    return bool(da) and da != db and re.sub(r"\d+", "#", a) == re.sub(r"\d+", "#", b)


def check_drug_name(drug: str | None, field_name: str = "drug") -> None:
    """Raise ValidationError naming `field_name` when `drug` looks like a slip of a known name."""
    if drug is None:
        return
    close = closest_drug_names(drug)
    if close:
        options = " or ".join(f'"{n}"' for n in close)
        raise ValidationError(field_name, _('"{drug}" is not a drug the journal knows; did you mean {options}? (A misspelt drug name would switch off the checks for this medicine. If it really is another medicine, leave the drug empty.)').format(drug=drug, options=options))

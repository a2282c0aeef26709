"""How the report writes what its data holds, in the language in use (gettext): the words for the
codes the data carries ("increase", "alarm", "red-flag"; data.py keeps codes, the page shows words),
dates and times in the journal's formats, counts with their percentage, and hours.

Shapes: each helper takes the report's data (for its date and time formats and its zone) or a
number, and returns a str; nothing here draws.
"""

from __future__ import annotations

from datetime import date, datetime

from journal.domain.i18n import N_, NP_, _, pgettext
from journal.domain.shown import num

from ..data import Adherence, ReportData

# The words for the codes the report data carries (data.py keeps codes, the page shows words).
SEVERITY_WORDS = {"emergency": N_("EMERGENCY"), "urgent": N_("URGENT"), "warning": N_("Warning"), "info": N_("Info")}
DIRECTION_WORDS = {"increase": N_("increase"), "decrease": N_("decrease"), "start": N_("start"),
                   "stop": N_("stop"), "change": N_("change")}
TIER_CONTEXT = "symptom tier"  # msgctxt of the tier words that need one
TIMELINE_WORDS = {"red-flag": N_("RED FLAG"), "urgent": N_("call today"), "notable": NP_("symptom tier", "severe"), "gap": N_("gap"),
                  "increase": N_("dose raised"), "decrease": N_("dose lowered"), "start": N_("started"),
                  "stop": N_("stopped"), "change": N_("changed"), "info": ""}
TIER_WORDS = {"red-flag": N_("red flag"), "urgent": N_("call today"), "notable": NP_("symptom tier", "severe"),
              "next-visit": N_("mention at the visit"), "": ""}


def level_word(words: dict[str, str], level: str) -> str:
    """The word for a symptom's tier or a timeline level (`words`: TIER_WORDS or TIMELINE_WORDS),
    in the language in use; a level without a word is shown as it is."""
    if level == "notable":  # one symptom: "grave", not the kidneys' "graves"
        return pgettext(TIER_CONTEXT, words[level])
    return _word(words.get(level, level))


def _word(code_word: str) -> str:
    """The word for a code the report data carries ("oral", "alarm", "corrected") in the language
    in use; "" stays "" (gettext would give the catalog's header for it)."""
    return _(code_word) if code_word else ""


# Words the report data carries as they are (enum values and data.py's action words), marked here
# for the catalog: routes, forms, pump events, what was done to a corrected entry.
_DATA_WORDS = (N_("oral"), N_("intrathecal"), N_("other"), N_("tablet"), N_("solution"), N_("suspension"),
               N_("granules"), N_("pump"), N_("refill"), N_("alarm"), N_("check"), N_("dose change"),
               N_("catheter problem"), N_("corrected"), N_("removed"), N_("restored"))


# What was not measured in the period, as one sentence (each language joins the list its own way).
_NOTHING_LOGGED = {
    ("spasm",): N_("No spasm scores were logged in this period."),
    ("pain",): N_("No pain scores were logged in this period."),
    ("temperature",): N_("No temperatures were logged in this period."),
    ("spasm", "pain"): N_("No spasm scores or pain scores were logged in this period."),
    ("spasm", "temperature"): N_("No spasm scores or temperatures were logged in this period."),
    ("pain", "temperature"): N_("No pain scores or temperatures were logged in this period."),
    ("spasm", "pain", "temperature"): N_("No spasm scores, pain scores or temperatures were logged in this period."),
}


def _fmt_day(data: ReportData, d: date | None) -> str:
    """d in the journal's date format ("" for None)."""
    return "" if d is None else d.strftime(data.date_format)


def _fmt_at(data: ReportData, t: datetime | None) -> str:
    """t in the report's zone, in the journal's date and time formats ("" for None)."""
    if t is None:
        return ""
    tz = data.period_start_at.tzinfo if data.period_start_at else None
    local = t.astimezone(tz) if tz else t
    return local.strftime(f"{data.date_format} {data.time_format}")


def _pct(ad: Adherence, n: int) -> str:
    """n doses with their share of the scheduled ones: "27 (96%)", or "27" when none were scheduled."""
    v = ad.percent(n)
    return f"{n}" if v is None else f"{n} ({num(v, '.0f')}%)"


def _hours(h: float) -> str:
    """A length of time in hours: "2.5 h", "14 h", "50 h (2.1 days)" from 48 hours on (the
    language's decimal mark: "2,5 h")."""
    if h >= 48:
        return _("{hours} h ({days} days)").format(hours=num(h, ".0f"), days=num(h / 24, ".1f"))
    return f"{num(h, '.1f')} h" if h < 10 else f"{num(h, '.0f')} h"

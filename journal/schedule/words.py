"""The words for what happened to a dose and to a planned slot, used by Today, the dose dialogs,
the history, the command line and the report, so that a caregiver reads the same word for the
same thing everywhere. The words are marked for the gettext catalog (N_) and translated when
they are asked for (`status_word`, `outcome_word`, `timing_word`, ...); who reads a table
directly wraps the word in `_()` itself."""

from __future__ import annotations

from journal.domain import DoseStatus
from journal.domain.i18n import N_, _

from .plan import Outcome, Timing

# A logged dose's status, as a caregiver says it (lower case, for use inside a sentence).
STATUS_WORDS: dict[DoseStatus, str] = {
    DoseStatus.TAKEN: N_("given"),
    DoseStatus.SKIPPED: N_("skipped (not given)"),
    DoseStatus.REFUSED: N_("refused"),
    DoseStatus.VOMITED: N_("given, then vomited"),
    DoseStatus.MISSED: N_("marked missed"),
}

# What became of a planned slot (lower case; `outcome_label` gives the capitalised form).
OUTCOME_WORDS: dict[Outcome, str] = {
    Outcome.GIVEN: N_("given"),
    Outcome.VOMITED: N_("given, then vomited"),
    Outcome.SKIPPED: N_("skipped (not given)"),
    Outcome.REFUSED: N_("refused"),
    Outcome.MISSED: N_("marked missed"),
    Outcome.DUE: N_("due"),
    Outcome.OVERDUE: N_("overdue"),
    Outcome.UNLOGGED: N_("nothing logged"),
}

TIMING_WORDS: dict[Timing, str] = {Timing.ON_TIME: N_("on time"), Timing.EARLY: N_("early"), Timing.LATE: N_("late")}

# The report's word for slots that are not settled yet (due or overdue).
PENDING_WORD = N_("not yet due or within the grace time")


def status_word(status: DoseStatus) -> str:
    return _(STATUS_WORDS[status])


def status_label(status: DoseStatus) -> str:
    """'Given, then vomited': the status as a choice or a column value."""
    w = status_word(status)
    return w[:1].upper() + w[1:]


def outcome_word(outcome: Outcome) -> str:
    return _(OUTCOME_WORDS[outcome])


def outcome_label(outcome: Outcome) -> str:
    w = outcome_word(outcome)
    return w[:1].upper() + w[1:]


def timing_word(timing: Timing) -> str:
    """'on time', 'early' or 'late', in the language in use."""
    return _(TIMING_WORDS[timing])

"""The words for what happened to a dose and to a planned slot, used by Today, the dose dialogs,
the history, the command line and the report, so that a caregiver reads the same word for the
same thing everywhere."""

from __future__ import annotations

from journal.domain import DoseStatus

from .plan import Outcome, Timing

# A logged dose's status, as a caregiver says it (lower case, for use inside a sentence).
STATUS_WORDS: dict[DoseStatus, str] = {
    DoseStatus.TAKEN: "given",
    DoseStatus.SKIPPED: "skipped (not given)",
    DoseStatus.REFUSED: "refused",
    DoseStatus.VOMITED: "given, then vomited",
    DoseStatus.MISSED: "marked missed",
}

# What became of a planned slot (lower case; `outcome_label` gives the capitalised form).
OUTCOME_WORDS: dict[Outcome, str] = {
    Outcome.GIVEN: "given",
    Outcome.VOMITED: "given, then vomited",
    Outcome.SKIPPED: "skipped (not given)",
    Outcome.REFUSED: "refused",
    Outcome.MISSED: "marked missed",
    Outcome.DUE: "due",
    Outcome.OVERDUE: "overdue",
    Outcome.UNLOGGED: "nothing logged",
}

TIMING_WORDS: dict[Timing, str] = {Timing.ON_TIME: "on time", Timing.EARLY: "early", Timing.LATE: "late"}

# The report's word for slots that are not settled yet (due or overdue).
PENDING_WORD = "not yet due or within the grace time"


def status_word(status: DoseStatus) -> str:
    return STATUS_WORDS[status]


def status_label(status: DoseStatus) -> str:
    """'Given, then vomited': the status as a choice or a column value."""
    w = STATUS_WORDS[status]
    return w[:1].upper() + w[1:]


def outcome_word(outcome: Outcome) -> str:
    return OUTCOME_WORDS[outcome]


def outcome_label(outcome: Outcome) -> str:
    w = OUTCOME_WORDS[outcome]
    return w[:1].upper() + w[1:]

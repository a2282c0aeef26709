"""Acknowledgement: a caregiver saw an alert and noted what they did; it stays hidden unless the
situation gets worse.

An acknowledgement covers an alert of the same rule, person and medicine. The alert comes back
when its severity is higher than when it was acknowledged, or when it carries evidence the
caregiver did not see (a new symptom, another missed dose, a new reading). Elapsed-time notes
such as "(40 h ago)" are not evidence of anything new and are ignored in the comparison.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from journal.domain import Acknowledgement, Alert

_AGO = re.compile(r"\s*\([^()]*\bago\)")
_AGO_BARE = re.compile(r",?\s*\d[\d.]* (?:h|min|days)(?: \d+ min)? ago\b")


def _norm(item: str) -> str:
    return _AGO_BARE.sub("", _AGO.sub("", item)).strip()


def _scope(key: str) -> str:
    """rule|patient|medication part of an alert key (without the 'since' time)."""
    return "|".join(key.split("|")[:3])


def covers(ack: Acknowledgement, alert: Alert) -> bool:
    """Whether this acknowledgement is about the same situation as the alert."""
    if ack.rule != alert.rule:
        return False
    if ack.patient_id is not None and alert.patient_id is not None and ack.patient_id != alert.patient_id:
        return False
    return ack.alert_key == alert.key or _scope(ack.alert_key) == _scope(alert.key)


def is_worse(alert: Alert, ack: Acknowledgement) -> bool:
    if alert.severity.rank > ack.severity.rank:
        return True
    seen = {_norm(e) for e in ack.evidence}
    return any(_norm(e) not in seen for e in alert.evidence)


def is_hidden(alert: Alert, acks: Iterable[Acknowledgement]) -> bool:
    return any(covers(a, alert) and not is_worse(alert, a) for a in acks)


def visible(alerts: Iterable[Alert], acks: Iterable[Acknowledgement]) -> list[Alert]:
    """The alerts still to show: new ones, and acknowledged ones that got worse."""
    acks = list(acks)
    return [a for a in alerts if not is_hidden(a, acks)]


def acknowledgement_for(alert: Alert, at: datetime, note: str = "", by: str = "") -> Acknowledgement:
    """What to store when a caregiver acknowledges an alert."""
    return Acknowledgement(alert_key=alert.key, rule=alert.rule, severity=alert.severity, at=at, note=note, by=by,
                           evidence=list(alert.evidence), patient_id=alert.patient_id)


def raised_or_worse(before: Iterable[Alert], after: Iterable[Alert]) -> list[Alert]:
    """The alerts in `after` that a write raised or made worse: new ones, and ones that were
    already in `before` but now have a higher severity or evidence not seen then. "Worse" is
    judged exactly as for an acknowledgement (is_worse), so the two never disagree."""
    seen = [acknowledgement_for(a, a.since) for a in before]
    return visible(after, seen)

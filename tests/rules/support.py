"""Builders shared by the rule tests (no tests here): people, medicines, schedules, logs."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from journal.domain import (
    Alert,
    Dose,
    DoseStatus,
    Form,
    Medication,
    Note,
    Observation,
    ObservationKind,
    Patient,
    PatientHistory,
    PumpEvent,
    Quantity,
    Regimen,
    Route,
    SymptomEntry,
    Unit,
)
from journal.rules.engine import INDEPENDENT, LOOKBACK, run_checks
from journal.schedule import expand

CHI = ZoneInfo("America/Chicago")
LON = ZoneInfo("Europe/London")


def at(text: str, tz: ZoneInfo = CHI) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=tz)


def reg(start: date | str, times: list[str] | None = None, mg: float = 20, end: date | str | None = None,
        every: int = 1, unit: Unit = Unit.MG, reason: str = "") -> Regimen:
    s = date.fromisoformat(start) if isinstance(start, str) else start
    e = date.fromisoformat(end) if isinstance(end, str) else end
    return Regimen(start=s, end=e, dose=Quantity(mg, unit), every_days=every, reason=reason,
                   times=[time.fromisoformat(t) for t in (times if times is not None else ["08:00", "14:00", "20:00"])])


def baclofen(*regimens: Regimen, mid: int = 1, name: str = "Baclofen 10 mg tablets", form: Form = Form.TABLET,
             strength: Quantity | None = None, **kw: object) -> Medication:
    return Medication(name, route=Route.ORAL, form=form, drug="baclofen",
                      strength=strength or Quantity(10, Unit.MG), regimens=list(regimens), id=mid, **kw)  # type: ignore[arg-type]


def pump_med(mid: int = 9, daily_mcg: float = 400, start: str = "2026-01-01") -> Medication:
    r = Regimen(start=date.fromisoformat(start), dose=Quantity(daily_mcg, Unit.MCG), times=[])
    return Medication("Baclofen intrathecal pump", route=Route.INTRATHECAL, form=Form.PUMP, drug="baclofen",
                      strength=Quantity(2000, Unit.MCG, Quantity(1, Unit.ML)), regimens=[r], id=mid)


def other_med(name: str, drug: str | None, mid: int, start: str = "2026-01-01", as_needed: bool = False,
              times: list[str] | None = None) -> Medication:
    r = reg(start, times if times is not None else ["21:00"], mg=5)
    return Medication(name, drug=drug, strength=Quantity(5, Unit.MG), regimens=[r], id=mid, as_needed=as_needed)


def taken(med: Medication, slot: datetime, late: timedelta = timedelta(0), mg: float | None = None,
          status: DoseStatus = DoseStatus.TAKEN, scheduled: bool = True, by: str = "") -> Dose:
    amount = Quantity(mg, Unit.MG) if mg is not None else None
    return Dose(med.id or 0, status, scheduled=slot if scheduled else None, given=slot + late, amount=amount,
                amount_normalised=amount, by=by)


def adherent(med: Medication, tz: ZoneInfo, start: datetime, end: datetime,
             skip: set[datetime] | None = None) -> list[Dose]:
    """A dose taken on time for every slot in [start, end), except those in `skip`."""
    out = []
    for s in expand(med, tz, start, end):
        if skip and s.at in skip:
            continue
        mg = s.dose.value if s.dose.unit is Unit.MG else None
        out.append(Dose(med.id or 0, DoseStatus.TAKEN, scheduled=s.at, given=s.at, amount=s.dose,
                        amount_normalised=Quantity(mg, Unit.MG) if mg is not None else None))
    return out


def history(now: datetime, meds: list[Medication], *, patient: Patient | None = None, tz: ZoneInfo = CHI,
            doses: list[Dose] | None = None, symptoms: list[SymptomEntry] | None = None,
            observations: list[Observation] | None = None, pump: list[PumpEvent] | None = None,
            notes: list[Note] | None = None, last_given: dict[int, Dose] | None = None) -> PatientHistory:
    start = now - LOOKBACK
    p = patient or Patient("Robin Shaw", id=1)
    ds = sorted(doses or [], key=lambda d: d.at)
    return PatientHistory(
        patient=p, tz=tz, start=start, end=now, medications=meds,
        doses=[d for d in ds if d.at >= start],
        symptoms=sorted(symptoms or [], key=lambda s: s.at),
        observations=sorted(observations or [], key=lambda o: o.at),
        pump_events=sorted(pump or [], key=lambda e: e.at), notes=sorted(notes or [], key=lambda n: n.at),
        last_given=last_given or {},
    )


def symptom(code: str, when: datetime, severity: int | None = 5, note: str = "") -> SymptomEntry:
    return SymptomEntry(at=when, symptom=code, severity=severity, note=note)


def obs(kind: ObservationKind, when: datetime, value: float | str) -> Observation:
    return Observation(at=when, kind=kind, value=value)


def check(h: PatientHistory, now: datetime, **kw: object) -> list[Alert]:
    """Every alert, as the checks give them. Each scenario also proves that the rules run alone
    (`run_checks(only=...)`, the look-ahead before saving a dose) give what they give in a full run."""
    full = run_checks(h, now, **kw)  # type: ignore[arg-type]
    for rule in INDEPENDENT:
        alone = run_checks(h, now, only={rule}, **kw)  # type: ignore[arg-type]
        assert alone == [a for a in full if a.rule == rule], f"{rule} gave other alerts when run alone"
    return full


def rules(alerts: list[Alert]) -> set[str]:
    return {a.rule for a in alerts}


def only(alerts: list[Alert], rule: str) -> Alert:
    found = [a for a in alerts if a.rule == rule]
    assert len(found) == 1, f"expected one {rule}, got {[(a.rule, a.title) for a in alerts]}"
    return found[0]


def steady(now: datetime, tz: ZoneInfo = CHI, mg: float = 20, times: list[str] | None = None,
           since_days: int = 60, mid: int = 1, until: datetime | None = None,
           skip: set[datetime] | None = None) -> tuple[Medication, list[Dose]]:
    """A baclofen schedule running for `since_days` days, every dose taken on time up to `until`."""
    start_day = now.astimezone(tz).date() - timedelta(days=since_days)
    m = baclofen(reg(start_day, times, mg=mg), mid=mid)
    doses = adherent(m, tz, now - LOOKBACK - timedelta(days=1), until or now, skip)
    return m, doses

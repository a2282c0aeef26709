"""Medicines whose labels warn against stopping suddenly (issue 13): each profile is data only,
abrupt-stop applies with its own numbers (fires just after its threshold, not at it), its advice
names the label's risk and whom to call, and baclofen's own checks stay quiet for these drugs."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from journal.domain import (
    Form,
    Medication,
    ObservationKind,
    Patient,
    Quantity,
    RenalImpairment,
    Severity,
    Unit,
)
from journal.knowledge import DrugProfile, default_library
from journal.schedule import expand
from tests.rules.support import (
    CHI,
    adherent,
    at,
    check,
    history,
    obs,
    only,
    reg,
    rules,
    steady,
    symptom,
    taken,
)

NEW = ("levetiracetam", "lamotrigine", "valproate", "carbamazepine", "clonidine", "gabapentin", "pregabalin",
       "diazepam", "clonazepam", "tizanidine", "propranolol", "metoprolol")
LAST = at("2026-10-20T08:00")  # the last dose given (twice a day, 08:00 and 20:00)
BACLOFEN_ONLY = {"over-max-daily", "over-max-dose", "liquid-concentration", "renal-caution", "age-caution",
                 "withdrawal-signs", "toxicity-signs", "paradoxical-worsening", "fast-taper", "fast-titration",
                 "pump-refill-due", "pump-refill-overdue", "pump-alarm"}


def profile(drug: str) -> DrugProfile:
    p = next((p for p in default_library().profiles if p.drug == drug), None)
    assert p is not None, drug
    return p


def medicine(drug: str, days_on: int, mg: float = 100, mid: int = 3, form: Form = Form.TABLET) -> Medication:
    """Twice a day since `days_on` days before LAST's day, recorded by its drug name."""
    start = LAST.date() - timedelta(days=days_on)
    return Medication(f"{drug.capitalize()} {mg:g} mg", drug=drug, form=form, strength=Quantity(mg, Unit.MG), id=mid,
                      regimens=[reg(start, ["08:00", "20:00"], mg=mg)])


def run(m: Medication, now: datetime, **kw: object) -> list:  # noqa: ANN401 - alerts
    doses = adherent(m, CHI, now - timedelta(days=9), LAST + timedelta(minutes=1))
    return check(history(now, [m], doses=doses, **kw), now)  # type: ignore[arg-type]


def allowed(p: DrugProfile) -> timedelta:
    """The longest planned gap (12 h on a twice-a-day plan) plus the profile's extra gap."""
    return timedelta(hours=12 + p.value("timing.abrupt_stop_extra_gap_hours"))


def test_every_new_profile_loads_with_its_stopping_advice_and_sourced_numbers() -> None:
    for drug in NEW:
        p = profile(drug)
        assert p.stopping is not None and p.stopping.source in p.sources, drug
        assert all(t.source in p.sources for t in p.thresholds.values()), drug
        # baclofen's sections are not given to them
        assert not any(p.has(s) for s in ("withdrawal", "toxicity", "paradoxical", "routes", "liquids", "renal",
                                          "age", "pump")), drug
        # the general numbers fill what the profile does not refine
        assert p.cite("timing.missed_dose_grace_hours") == "NHS"


@pytest.mark.parametrize("drug", NEW)
def test_abrupt_stop_fires_just_after_the_profiles_gap_not_at_it(drug: str) -> None:
    p = profile(drug)
    days = int(p.value("timing.abrupt_stop_min_days_on")) + 10
    m = medicine(drug, days)
    at_limit = LAST + allowed(p)
    assert "abrupt-stop" not in rules(run(m, at_limit))
    just_after = at_limit + timedelta(minutes=1)
    a = only(run(m, just_after), "abrupt-stop")
    urgent_from = timedelta(hours=p.value("timing.abrupt_stop_urgent_hours"))
    expected = Severity.URGENT if just_after - LAST >= urgent_from else Severity.WARNING
    assert a.severity is expected
    assert a.medication == m.name


@pytest.mark.parametrize("drug", NEW)
def test_abrupt_stop_turns_urgent_at_the_profiles_hour(drug: str) -> None:
    p = profile(drug)
    m = medicine(drug, int(p.value("timing.abrupt_stop_min_days_on")) + 10)
    urgent_from = LAST + timedelta(hours=p.value("timing.abrupt_stop_urgent_hours"))
    if urgent_from > LAST + allowed(p):
        assert only(run(m, urgent_from - timedelta(minutes=1)), "abrupt-stop").severity is Severity.WARNING
    first = max(urgent_from, LAST + allowed(p) + timedelta(minutes=1))  # it fires only after the gap
    assert only(run(m, first), "abrupt-stop").severity is Severity.URGENT


@pytest.mark.parametrize("drug", NEW)
def test_abrupt_stop_waits_for_the_profiles_days_on(drug: str) -> None:
    p = profile(drug)
    need = int(p.value("timing.abrupt_stop_min_days_on"))
    late = LAST + timedelta(hours=p.value("timing.abrupt_stop_urgent_hours")) + allowed(p)
    # days on are counted up to the day of the check
    days_before = need - 1 - (late.date() - LAST.date()).days
    assert "abrupt-stop" not in rules(run(medicine(drug, days_before), late))
    assert "abrupt-stop" in rules(run(medicine(drug, days_before + 1), late))


@pytest.mark.parametrize("drug", NEW)
def test_the_advice_names_the_labels_risk_and_whom_to_call_never_a_dose(drug: str) -> None:
    p = profile(drug)
    assert p.stopping is not None
    m = medicine(drug, 60)
    a = only(run(m, LAST + timedelta(hours=40)), "abrupt-stop")
    assert f"Stopping {drug} suddenly" in a.message and p.stopping.risk in a.message
    assert p.stopping.watch_for in a.message
    assert f"Tell {p.stopping.call}" in a.advice
    assert "Do not start, stop or change doses on your own." in a.advice and "not medical advice" in a.advice
    assert "withdrawal from baclofen" not in a.message.lower() and "baclofen" not in a.advice.lower()
    assert any(f"(source: {p.stopping.source})" in e for e in a.evidence)


def test_each_risk_is_the_one_its_label_names() -> None:
    words = {"levetiracetam": "seizures", "lamotrigine": "rash", "valproate": "seizures",
             "carbamazepine": "seizures", "clonidine": "blood pressure", "gabapentin": "withdrawal",
             "pregabalin": "withdrawal", "diazepam": "seizures", "clonazepam": "seizures",
             "tizanidine": "blood pressure", "propranolol": "heart attack", "metoprolol": "heart attack"}
    for drug, word in words.items():
        stopping = profile(drug).stopping
        assert stopping is not None and word in stopping.risk, drug


def test_a_brand_name_without_a_drug_is_recognised() -> None:
    lib = default_library()
    for name, drug in (("Keppra 500mg", "levetiracetam"), ("Catapres 0.1 mg", "clonidine"),
                       ("Toprol-XL 50", "metoprolol"), ("Lyrica 75 mg capsules", "pregabalin"),
                       ("Sodium valproate 200 mg", "valproate")):
        p = lib.profile_for(Medication(name))
        assert p is not None and p.drug == drug, name


@pytest.mark.parametrize("drug", NEW + ("baclofen",))
def test_baclofens_own_checks_stay_quiet_for_these_drugs(drug: str) -> None:
    """A big dose, a liquid with no strength, an older person with poor kidneys, a schedule cut to
    nothing and a seizure and fever after missed doses: only the general rules, abrupt-stop and the
    sign-based rules for everyone (red flag, abnormal reading) may speak."""
    now = LAST + timedelta(hours=30)
    start = LAST.date() - timedelta(days=60)
    m = Medication(f"{drug} oral solution", drug=drug, form=Form.SOLUTION, strength=None, id=3,
                   regimens=[reg(start, ["08:00", "20:00"], mg=400, end=LAST.date()),
                             reg(LAST.date() + timedelta(days=1), ["08:00", "20:00"], mg=50)])
    doses = adherent(m, CHI, now - timedelta(days=9), LAST + timedelta(minutes=1))
    doses.append(taken(m, LAST + timedelta(minutes=30), mg=400, scheduled=False))
    old = Patient("Ada Moss", birth_date=date(1940, 1, 1), renal_impairment=RenalImpairment.SEVERE, id=1)
    h = history(now, [m], patient=old, doses=doses,
                symptoms=[symptom("seizure", now - timedelta(hours=2)), symptom("drowsiness", now - timedelta(hours=1), 8)],
                observations=[obs(ObservationKind.TEMPERATURE, now - timedelta(hours=1), 38.9)])
    found = rules(check(h, now))
    if drug == "baclofen":  # the same journal on baclofen: its own checks speak
        assert {"over-max-dose", "liquid-concentration", "renal-caution", "age-caution", "withdrawal-signs",
                "fast-taper"} <= found
        return
    assert "abrupt-stop" in found and "red-flag-symptom" in found and "abnormal-vital" in found
    assert not (found & BACLOFEN_ONLY), found & BACLOFEN_ONLY


@pytest.mark.parametrize("drug", ["diazepam", "clonazepam", "tizanidine", "gabapentin", "pregabalin"])
def test_baclofen_still_warns_about_these_sedating_medicines(drug: str) -> None:
    now = at("2026-10-20T12:00")
    bac, doses = steady(now)
    other = medicine(drug, 30, mid=2)
    doses += adherent(other, CHI, now - timedelta(days=9), now)
    a = only(check(history(now, [bac, other], doses=doses), now), "cns-depressant")
    assert other.name in " ".join(a.evidence) and a.medication == bac.name


def test_an_as_needed_benzodiazepine_is_not_judged_for_a_sudden_stop() -> None:
    m = medicine("diazepam", 60)
    m.as_needed = True
    assert "abrupt-stop" not in rules(run(m, LAST + timedelta(days=3)))


def test_a_short_course_plan_is_followed_everywhere() -> None:
    """Slots from the plan are the same as for any medicine: the profile changes no schedule."""
    m = medicine("levetiracetam", 30)
    slots = expand(m, CHI, at("2026-10-19T00:00"), at("2026-10-20T00:00"))
    assert [s.at.hour for s in slots] == [8, 20]


def test_a_missed_dose_names_the_risk_of_missing_more() -> None:
    m = medicine("levetiracetam", 60)
    a = only(run(m, LAST + timedelta(hours=14, minutes=1)), "missed-dose")
    assert "in a row can bring on seizures coming back" in a.message
    general = Medication("Metformin 500 mg", strength=Quantity(500, Unit.MG), id=3,
                         regimens=[reg(LAST.date() - timedelta(days=60), ["08:00", "20:00"], mg=500)])
    b = only(run(general, LAST + timedelta(hours=14, minutes=1)), "missed-dose")
    assert "in a row" not in b.message


@pytest.mark.parametrize("drug", NEW)
def test_the_alert_links_to_the_guide_on_sudden_stops_which_names_the_drug(drug: str) -> None:
    from journal.reference import default_library as reference

    a = only(run(medicine(drug, 60), LAST + timedelta(hours=40)), "abrupt-stop")
    assert a.reference == "sudden-stop"
    assert drug in reference().render_text("sudden-stop").lower()


def test_baclofen_keeps_its_own_withdrawal_guide() -> None:
    now = at("2026-10-20T12:00")
    m, doses = steady(now, until=now - timedelta(hours=30))
    assert only(check(history(now, [m], doses=doses), now), "abrupt-stop").reference == "withdrawal"

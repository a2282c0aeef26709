"""Kind: an urgent red-flag message names the likely cause the journal shows. Build-up with weak
kidneys is not "withdrawal"; sleepiness after a rise is not "withdrawal"; missed doses, a cut or a
pump problem before a withdrawal-type sign point to withdrawal; with none, the message says the
journal does not know."""

from __future__ import annotations

from datetime import timedelta

from journal.domain import Patient, RenalImpairment
from journal.knowledge import default_library
from journal.rules.common import CheckContext
from journal.rules.red_flag_symptom import likely_cause
from tests.rules.support import CHI, adherent, at, baclofen, check, history, only, reg, steady, symptom

NOW = at("2026-10-20T15:00")


def kidneys(level: RenalImpairment) -> Patient:
    return Patient("Robin Shaw", renal_impairment=level, id=1)


# ------------------------------------------------------------------ build-up with weak kidneys


def test_confusion_with_weak_kidneys_names_a_build_up_not_withdrawal() -> None:
    m, doses = steady(NOW, mg=5)
    h = history(NOW, [m], patient=kidneys(RenalImpairment.SEVERE), doses=doses,
                symptoms=[symptom("confusion", at("2026-10-20T14:00"), 5)])
    a = only(check(h, NOW), "red-flag-symptom")
    assert "build-up of baclofen is a likely cause" in a.message
    assert "severely impaired" in a.message
    assert "withdrawal" not in a.message.lower()


def test_mild_kidney_impairment_or_a_sign_that_is_not_sleepiness_type_names_no_build_up() -> None:
    m, doses = steady(NOW, mg=5)
    mild = history(NOW, [m], patient=kidneys(RenalImpairment.MILD), doses=doses,
                   symptoms=[symptom("confusion", at("2026-10-20T14:00"), 5)])
    assert "build-up" not in only(check(mild, NOW), "red-flag-symptom").message
    itching = history(NOW, [m], patient=kidneys(RenalImpairment.SEVERE), doses=doses,
                      symptoms=[symptom("itching", at("2026-10-20T14:00"), 5)])
    a = only(check(itching, NOW), "red-flag-symptom")
    assert "build-up" not in a.message and "does not know the cause" in a.message


# ------------------------------------------------------------------ withdrawal after missed doses


def test_new_mild_twitching_after_missed_doses_names_withdrawal() -> None:
    """New twitching at 3/10 is below withdrawal-signs' floor for a new entry, but the catalog makes it
    a call today; the message then names the missed doses before it, not 'it does not know'."""
    slots = {at("2026-10-19T20:00"), at("2026-10-20T08:00")}
    m, doses = steady(NOW, times=["08:00", "20:00"], skip=slots)
    h = history(NOW, [m], doses=doses, symptoms=[symptom("muscle-twitching", at("2026-10-20T13:00"), 3)])
    a = only(check(h, NOW), "red-flag-symptom")
    assert "This sign came after missed doses (" in a.message
    assert "withdrawal of baclofen is a likely cause" in a.message


def test_weak_kidneys_and_missed_doses_name_both_and_leave_it_to_the_doctor() -> None:
    slots = {at("2026-10-19T20:00"), at("2026-10-20T08:00")}
    m, doses = steady(NOW, times=["08:00", "20:00"], skip=slots)
    h = history(NOW, [m], patient=kidneys(RenalImpairment.MODERATE), doses=doses,
                symptoms=[symptom("confusion", at("2026-10-20T13:00"), 5)])
    ctx = CheckContext(h, NOW, default_library())
    text = likely_cause(ctx, list(h.symptoms))
    assert "build-up" in text and "withdrawal of baclofen is a likely cause" in text
    assert text.endswith("Only the doctor can tell which.")


# ------------------------------------------------------------------ too much after a rise


def test_sleepiness_after_a_rise_names_too_much_not_withdrawal() -> None:
    m = baclofen(reg("2026-09-01", mg=10, end="2026-10-18"), reg("2026-10-19", mg=15))
    doses = adherent(m, CHI, NOW - timedelta(days=9), NOW)
    h = history(NOW, [m], doses=doses, symptoms=[symptom("extreme-drowsiness", at("2026-10-20T14:00"), 5)])
    ctx = CheckContext(h, NOW, default_library())
    text = likely_cause(ctx, list(h.symptoms))
    assert text.startswith("This sign came after a dose increase (")
    assert "too much baclofen is a likely cause" in text and "withdrawal" not in text


def test_a_rise_more_than_72_hours_before_is_no_cause() -> None:
    m = baclofen(reg("2026-09-01", mg=10, end="2026-10-14"), reg("2026-10-15", mg=15))
    doses = adherent(m, CHI, NOW - timedelta(days=9), NOW)
    h = history(NOW, [m], doses=doses, symptoms=[symptom("extreme-drowsiness", at("2026-10-20T14:00"), 5)])
    a = only(check(h, NOW), "red-flag-symptom")
    assert "does not know the cause" in a.message and "too much" not in a.message


# ------------------------------------------------------------------ nothing known


def test_with_nothing_in_the_journal_the_message_says_it_does_not_know() -> None:
    m, doses = steady(NOW)
    a = only(check(history(NOW, [m], doses=doses, symptoms=[symptom("fainting", at("2026-10-20T14:00"))]), NOW),
             "red-flag-symptom")
    assert a.message.endswith("so it does not know the cause; the doctor needs to find it.")
    assert "withdrawal" not in a.message.lower()


def test_two_products_of_one_drug_name_the_cause_once() -> None:
    """Tablets and a pump of baclofen: the likely cause is said once, not once per product (a
    fresh-user review saw the same sentence twice)."""
    from journal.knowledge import default_library
    from journal.rules.common import CheckContext
    from journal.rules.red_flag_symptom import likely_cause
    from tests.rules.support import at, check, history, pump_med, steady, symptom

    now = at("2026-10-20T15:00")
    m, doses = steady(now, until=at("2026-10-19T20:01"))
    h = history(now, [m, pump_med()], doses=doses, symptoms=[symptom("hallucinations", at("2026-10-20T14:00"))])
    ctx = CheckContext(h, now, default_library())
    text = likely_cause(ctx, list(h.symptoms))
    assert text.count("is a likely cause") == 1, text
    assert check(h, now)  # and the checks still speak

"""Is an amount plausible as ONE dose of a medicine of this form? Catches typing slips (a unit
mixed up, zeros added or lost) before they are saved, never a real dose.

The limits depend on the unit and the form, not one cap for everything: a 13.8 g or 17 g
macrogol sachet is normal, 13.8 g of a tablet medicine is not. Every number here is a project
judgement (no source sets plausibility limits), chosen well above the largest real single doses
known for that form and well below a thousand-fold slip:

- tablets and capsules: at most 10 g in one dose (the largest common ones are 2-5 g, e.g.
  4.8 g of mesalazine) and at most 30 tablets (pancreatic enzymes: 10-15 capsules with a meal);
- liquids (solution, suspension): at most 60 g (lactulose: 30-45 mL of 3.3 g/5 mL, about 30 g)
  and at most 1000 mL (a bowel preparation is drunk a litre at a time);
- granules and powders: at most 200 g and at most 10 sachets (macrogol for faecal impaction is
  up to 8 sachets in a day, taken within 6 hours: 110.4 g of 13.8 g sachets, 136 g of 17 g ones);
- a pump: at most 10 g (intrathecal doses are micrograms; kept at the journal's earlier cap);
- other forms: the loosest of the above (200 g, 30 tablets, 10 sachets, 1000 mL).

A dose that was given must be more than nothing: at least 0.01 mcg of mass (the smallest real
doses, e.g. calcitriol 0.25 mcg, are 25 times that) or 0.01 of a tablet, sachet or mL. A given dose
of 0 (or -0, or 5e-324) is not a dose; stored, it would count as "given" and silence the checks
for a stop.
"""

from __future__ import annotations

from .enums import Form, Unit
from .i18n import N_, _
from .quantity import Quantity

# Single-dose ceilings (see the module docstring for each number's reasoning; source: judgement).
MAX_MASS_MG: dict[Form, float] = {
    Form.TABLET: 10_000.0,
    Form.SOLUTION: 60_000.0,
    Form.SUSPENSION: 60_000.0,
    Form.GRANULES: 200_000.0,
    Form.PUMP: 10_000.0,
    Form.OTHER: 200_000.0,
}
MAX_COUNT: dict[Unit, float] = {Unit.TABLET: 30.0, Unit.SACHET: 10.0, Unit.ML: 1000.0}
MIN_GIVEN_MG = 0.00001  # 0.01 mcg
MIN_GIVEN_COUNT = 0.01  # of a tablet, a sachet or a mL

FORM_WORDS: dict[Form, str] = {
    Form.TABLET: N_("a tablet medicine"), Form.SOLUTION: N_("a liquid"), Form.SUSPENSION: N_("a liquid"),
    Form.GRANULES: N_("granules or a powder"), Form.PUMP: N_("a pump"), Form.OTHER: N_("any medicine"),
}


def _mass_text(mg: float) -> str:
    return f"{mg / 1000:g} g" if mg >= 1000 else f"{mg:g} mg"


def single_dose_problem(amount: Quantity, normalised: Quantity | None, form: Form | None,
                        given: bool) -> str | None:
    """Why `amount` cannot be one dose of a medicine of `form`, or None when it can.

    `normalised` is the amount as mg or mcg (journal.domain.normalise), or None when it could not
    be converted; `form` None means unknown (the loosest limits apply); `given` says the dose was
    given (taken or vomited), which must then be more than nothing. The sentence names the amount,
    the limit and the form, e.g. "13.8 g is more than 10 g, the most one dose of a tablet medicine
    can be"."""
    form = form or Form.OTHER
    mass = normalised if normalised is not None and normalised.unit.is_mass else (
        amount if amount.unit.is_mass else None)
    if given and (amount.value <= 0 or (mass is not None and mass.to_mg() < MIN_GIVEN_MG)
                  or (not amount.unit.is_mass and amount.value < MIN_GIVEN_COUNT)):
        shown = f"{amount.value:g} {amount.unit.value}" if amount.value > 0 else f"0 {amount.unit.value}"
        if not amount.unit.is_mass and amount.value >= MIN_GIVEN_COUNT and mass is not None:
            return _("{amount} is {mass} with the strength recorded, which is not a dose; check the medicine's "
                     "strength").format(amount=shown, mass=f"{mass.value:g} {mass.unit.value}")
        return _("{amount} is not a dose: a dose that was given must be more than nothing (a dose that was not "
                 "given is recorded as skipped, refused or missed)").format(amount=shown)
    limit = MAX_COUNT.get(amount.unit)
    if limit is not None and amount.value > limit:
        return _("{amount} in one dose is more than {limit}, the most one dose of {form} can be; check the "
                 "amount and its unit").format(
            amount=amount, form=_(FORM_WORDS[form]),
            limit=f"{limit:g} {amount.unit.value}" + ("s" if amount.unit is not Unit.ML else ""))
    if mass is not None:
        ceiling = MAX_MASS_MG[form]
        if mass.to_mg() > ceiling:
            what = str(amount) if amount.unit.is_mass else f"{amount} ({_mass_text(mass.to_mg())})"
            return _("{amount} is more than {limit}, the most one dose of {form} can be; check the amount and "
                     "its unit").format(amount=what, limit=_mass_text(ceiling), form=_(FORM_WORDS[form]))
    return None


def strength_problem(strength: Quantity) -> str | None:
    """Why a medicine's strength (mass per tablet, sachet or mL) cannot be real, or None. Less than
    the smallest given dose per unit would make every dose count as nothing."""
    if strength.unit.is_mass:
        each = strength.to_mg() / (strength.per.value if strength.per is not None and strength.per.value > 0 else 1)
        if 0 < each < MIN_GIVEN_MG:
            return _("a strength of {strength} is too small to be real (at least 0.01 mcg per unit); check "
                     "it").format(strength=strength)
    return None

"""The report's sections (journal/reports/render/sections.py): every one listed in SECTIONS, printed
in that order, and the optional ones left out when the journal has nothing for them."""

from __future__ import annotations

import inspect
from dataclasses import replace

from journal.reports.data import ReportData, build_report
from journal.reports.render import Heading, build_flows, sections
from tests.reports.support import (
    END,
    GENERATED,
    START,
    month_alerts,
    month_history,
    month_revisions,
    pump_history,
)

# The module's public functions that are not sections: the page header's and the summary's lines,
# and the function that joins the sections.
NOT_SECTIONS = {"build_flows", "header_lines", "summary_lines"}


def month_report() -> ReportData:
    alerts, acks = month_alerts()
    return build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED)


def pump_report() -> ReportData:
    return build_report(pump_history(), [], [], [], START, END, GENERATED)


def headings(data: ReportData) -> list[str]:
    return [f.text for f in build_flows(data) if isinstance(f, Heading)]


def test_every_section_function_is_listed_in_sections_once() -> None:
    """A section written but not listed would never print: the report would silently lack it."""
    defined = {name for name, fn in inspect.getmembers(sections, inspect.isfunction)
               if fn.__module__ == sections.__name__ and not name.startswith("_") and name not in NOT_SECTIONS}
    listed = [fn.__name__ for fn in sections.SECTIONS]
    assert sorted(listed) == sorted(defined)
    assert len(listed) == len(set(listed))


def test_the_sections_print_in_the_order_a_doctor_reads_them() -> None:
    with_planned = replace(month_report(), planned_changes=list(month_report().dose_changes))
    assert headings(with_planned) == [
        "At a glance", "Questions for the doctor", "Current medicines and schedules", "Dose changes in this period",
        "Planned changes still to come", "Doses given and missed", "Longest times between given doses",
        "What happened around the gaps and changes", "Safety alerts raised in this period", "Symptoms",
        "Spasms, pain and temperature", "Pulse, blood pressure, breathing and oxygen",
        "Caregiver notes", "Corrections made in this period", "About this report"]
    flows = build_flows(with_planned)
    assert flows[0].text == "Doctor-visit report"  # type: ignore[attr-defined]
    assert "not medical advice" in flows[-1].text  # type: ignore[attr-defined]


def test_the_pump_sections_print_for_a_pump_and_only_for_a_pump() -> None:
    pump = headings(pump_report())
    assert pump.index("Pump settings (from the latest pump entries)") == pump.index("Current medicines and schedules") + 1
    assert pump.index("Pump refills, alarms and checks") == pump.index("Caregiver notes") - 1
    assert sections.pump_settings(month_report()) == [] and sections.pump_events(month_report()) == []


def test_a_section_with_nothing_to_show_is_left_out_or_says_so() -> None:
    """The optional sections vanish without their data; the others keep their heading and say
    there was nothing, so a doctor sees the question was asked."""
    bare = replace(month_report(), doctor_questions=[], planned_changes=[], notes=[], corrections=[])
    assert sections.questions_for_the_doctor(bare) == [] and sections.planned_changes(bare) == []
    notes = sections.caregiver_notes(bare)
    assert [type(f).__name__ for f in notes] == ["Heading", "Para"] and "No notes" in notes[1].text  # type: ignore[attr-defined]
    assert "Questions for the doctor" not in headings(bare)
    assert "Corrections made in this period" in headings(bare)

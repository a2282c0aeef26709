"""The doctor-visit report in Spanish (issue 19): the report's own words (headings, table headers,
legends, chart titles, the summary, the header and footer) are all Spanish, counted words take
the right plural form, dates on the charts use Spanish month names, the longer Spanish words stay
inside the page, and the English report is unchanged."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from journal.domain.i18n import set_language
from journal.reports import render
from journal.reports.data import build_report
from tests.reports.support import END, GENERATED, START, month_alerts, month_history, month_revisions
from tests.reports.test_layout import HYPHENATED, UNBROKEN, _Words, lines_of, long_names_report

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from translations_es_report import ES_REPORT  # noqa: E402

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")


@pytest.fixture
def spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language(None)


def month_report():  # type: ignore[no-untyped-def]
    alerts, acks = month_alerts()
    return build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED)


def pdf_text(data: object, path: Path, paper: str = "a4") -> str:
    render.write_pdf(data, path, paper)  # type: ignore[arg-type]
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(raw.split())


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[a-z_]*\}", text))


# -- the catalog -----------------------------------------------------------------------------

def test_every_spanish_report_text_keeps_the_placeholders_of_its_english_text() -> None:
    wrong = []
    for english, spanish_text in ES_REPORT.items():
        ids = (english,) if isinstance(english, str) else english
        forms = (spanish_text,) if isinstance(spanish_text, str) else spanish_text
        for form in forms:
            if _placeholders(form) != _placeholders(ids[-1]):
                wrong.append((ids[-1], form))
    assert wrong == []


def test_no_spanish_report_text_tells_anyone_to_change_a_dose() -> None:
    """The report only describes; the words for changing a dose never appear as an instruction."""
    orders = re.compile(r"\b(suba|baje|aumente|reduzca|cambie|deje de dar|duplique)\b", re.IGNORECASE)
    texts = [t for v in ES_REPORT.values() for t in ((v,) if isinstance(v, str) else v)]
    assert [t for t in texts if orders.search(t)] == []


# -- the report as printed -----------------------------------------------------------------------

def _english_phrases() -> list[str]:
    """The report's own English texts that the Spanish page must not show: whole phrases (two
    words or more, no placeholder) whose Spanish text differs. The dose words of
    journal/schedule/words.py are left out: the alerts' evidence uses them too (the alerts' texts
    are translated with the rules)."""
    from journal.schedule import words

    shared = {*words.STATUS_WORDS.values(), *words.OUTCOME_WORDS.values(), *words.TIMING_WORDS.values()}
    out = []
    for english, spanish_text in ES_REPORT.items():
        if (isinstance(english, str) and "{" not in english and len(english.split()) >= 2
                and english != spanish_text and english not in shared):
            out.append(english)
    return out


@needs_poppler
def test_the_spanish_report_shows_none_of_its_own_english_words(qapp: object, tmp_path: Path) -> None:
    english = pdf_text(month_report(), tmp_path / "en.pdf")
    set_language("es")
    try:
        spanish_text = pdf_text(month_report(), tmp_path / "es.pdf")
    finally:
        set_language(None)
    shown_in_english = [p for p in _english_phrases() if p in english]
    assert len(shown_in_english) >= 40  # headings, table headers, legends, paragraphs of this report
    assert [p for p in shown_in_english if p in spanish_text] == []
    # headings, table headers, chart legends and lanes, header and footer, in Spanish
    for words in ("Informe para la visita médica", "De un vistazo", "Medicamentos y horarios actuales",
                  "Medicamento Vía, forma Concentración Horario", "Dosis dadas y olvidadas",
                  "Olvidadas (nada anotado)", "Línea de tiempo: cambios de dosis, pausas y síntomas",
                  "Pausas entre dosis", "Síntomas de alarma", "Previstas (rayado)", "Dadas (barra llena)",
                  "Frecuencia de espasmos de Penn", "Notas del cuidador",
                  "Correcciones hechas en este periodo", "Qué cambió (antes -> ahora)", "página 1 de",
                  "Registro de un cuidador hecho con CareJournal; no es un documento médico.",
                  "función renal:", "Cómo se cuentan:", "sacudidas musculares", "alucinaciones"):
        assert words in spanish_text, words
    # the months on the charts' time axes are Spanish ("5 oct", not "Oct 5")
    assert re.search(r"\b\d{1,2} oct\b", spanish_text) and not re.search(r"\bOct \d", spanish_text)
    assert re.search(r"\bOct \d", english)


def test_every_symptom_of_the_catalog_has_its_short_name_in_the_report() -> None:
    """A symptom added to the catalog without a short name would print its code in every language."""
    from journal.knowledge import default_catalog
    from journal.reports.data import _SYMPTOM_WORDS

    assert set(default_catalog().symptoms) - set(_SYMPTOM_WORDS) == set()
    assert all(_SYMPTOM_WORDS[code] == code.replace("-", " ") for code in _SYMPTOM_WORDS)  # English as before


def test_counted_words_take_the_spanish_plural(spanish: None) -> None:
    data = month_report()
    assert len(data.dose_changes) == 1 and len(data.doctor_questions) == 1
    one = render.summary_lines(data)
    two = render.summary_lines(replace(data, dose_changes=data.dose_changes * 2,
                                       doctor_questions=data.doctor_questions * 2))
    assert "1 cambio de dosis en el periodo." in one and "2 cambios de dosis en el periodo." in two
    assert "1 pregunta para el médico, más abajo." in one and "2 preguntas para el médico, más abajo." in two
    assert "Avisos de seguridad: 1 de emergencia, 1 urgente." in one
    assert "(s)" not in " ".join(one + two)
    # the age in the page header: "1 año", "68 años"
    assert render.header_lines(data)[0].startswith(f"{data.header.person}, {data.header.age} años")
    baby = replace(data, header=replace(data.header, age=1))
    assert render.header_lines(baby)[0].startswith(f"{data.header.person}, 1 año ")


def test_one_scheduled_dose_reads_in_the_singular_in_spanish_and_as_before_in_english() -> None:
    from journal.domain.i18n import ngettext

    msgid = "{medicine}: {given} of {n} scheduled doses given ({pct}%);"
    set_language("es")
    try:
        one = ngettext(msgid, msgid, 1).format(medicine="B", given=1, n=1, pct=100)
        many = ngettext(msgid, msgid, 3).format(medicine="B", given=2, n=3, pct=67)
    finally:
        set_language(None)
    assert one == "B: 1 de 1 dosis prevista dada (100%);"
    assert many == "B: 2 de 3 dosis previstas dadas (67%);"
    assert ngettext(msgid, msgid, 1).format(medicine="B", given=1, n=1, pct=100) == "B: 1 of 1 scheduled doses given (100%);"


@needs_poppler
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_spanish_word_runs_past_the_margins(qapp: object, tmp_path: Path, paper: str, spanish: None) -> None:
    out = tmp_path / "es.pdf"
    render.write_pdf(long_names_report(), out, paper)
    bbox = subprocess.run(["pdftotext", "-bbox", str(out), "-"], check=True, capture_output=True
                          ).stdout.decode("utf-8", "replace")
    parsed = _Words()
    parsed.feed(bbox)
    assert parsed.words
    left = render.MARGINS_MM.left() * 72 / 25.4
    right = render.MARGINS_MM.right() * 72 / 25.4
    for page, x0, x1, word in parsed.words:
        width = parsed.pages[page - 1][0]
        assert x0 >= left - 1.0 and x1 <= width - right + 1.0, (page, word, x0, x1)
    assert "Medicamento" in " ".join(w for *_, w in parsed.words)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_spanish_table_cell_holds_its_text(qapp: object, tmp_path: Path, paper: str, spanish: None) -> None:
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageSize(QPageSize(render.PAGE_SIZES[paper]))
    writer.setResolution(300)
    writer.setPageMargins(render.MARGINS_MM, QPageLayout.Unit.Millimeter)
    c = render.Ctx(writer)
    tables = [f for f in render.build_flows(long_names_report()) if isinstance(f, render.Table)]
    assert any(title == "Olvidadas (nada anotado)" for t in tables for title, _w in t.columns)
    seen = set()
    for table in tables:
        widths = table._widths(c.width, c)
        assert sum(widths) == pytest.approx(c.width, abs=0.5), table.columns
        pad = table._pad(c)
        for left, w, font, text in table.cell_boxes(c, c.width):
            assert left + w <= c.width + 0.5
            for part, natural in lines_of(c, font, text, w - 2 * pad):
                assert natural <= w - 2 * pad + 0.5, (text, part)
            seen.add(text)
    assert HYPHENATED in seen and UNBROKEN in seen
    del writer


def test_the_english_report_keeps_its_words(qapp: object) -> None:
    """English is the source text: the same words as before the translation layer."""
    flows = render.build_flows(month_report())
    headings = [f.text for f in flows if isinstance(f, render.Heading)]
    assert headings[:3] == ["At a glance", "Questions for the doctor", "Current medicines and schedules"]
    tables = [t for t in flows if isinstance(t, render.Table)]
    assert any([c for c, _w in t.columns][:3] == ["Medicine", "Scheduled", "On time"] for t in tables)


# -- nothing escapes the layer ---------------------------------------------------------------------

REPORT_SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "journal" / "reports").rglob("*.py")) + [
    "journal/services/reports.py"]
# Calls whose text argument a person reads on the page (or as the PDF's title).
PAGE_TEXT_CALLS = {"Para", "Heading", "Cell", "points_chart", "time_axes", "drawText", "draw_text", "setTitle",
                   "ValidationError", "OSError", "ValueError"}
# The programmer's messages: raised for a bug in the caller, never shown to a caregiver.
NOT_FOR_PEOPLE = {"the report's period ends before it starts", "generated_at must be an aware datetime"}


def _is_words(node: ast.AST) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value not in NOT_FOR_PEOPLE
            and any(sum(c.isalpha() for c in w) >= 3 for w in node.value.split()) and " " in node.value.strip())


def test_no_report_text_escapes_gettext() -> None:
    """A plain English literal handed to the page (a paragraph, a heading, a cell, a chart title, a
    table's column title) or raised to the person is a text the Spanish report would miss."""
    escaped = []
    for rel in REPORT_SOURCES:
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and any(_is_words(v) for v in node.values):
                escaped.append(f"{rel}:{node.lineno}")
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = list(node.args)
            if name == "Table" and args and isinstance(args[0], ast.List):
                args += [t.elts[0] for t in args[0].elts if isinstance(t, ast.Tuple) and t.elts]
            if name in PAGE_TEXT_CALLS or name == "Table":
                escaped += [f"{rel}:{a.lineno}" for a in args if _is_words(a)]
    assert escaped == []
    assert "journal/reports/render/sections.py" in REPORT_SOURCES and "journal/reports/data.py" in REPORT_SOURCES


@needs_poppler
def test_the_report_command_writes_spanish_from_lang(tmp_path: Path) -> None:
    """End to end: LANG=es_ES.UTF-8, `import` then `report`, and the PDF reads in Spanish."""
    import os

    env = dict(os.environ, LANG="es_ES.UTF-8", PYTHONPATH=str(ROOT))
    for name in ("LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    db, out = tmp_path / "j.sqlite3", tmp_path / "informe.pdf"

    def run(*args: str) -> None:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                              capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr

    run("import", str(ROOT / "resources" / "sample-journal.json"))
    run("report", "--patient", "Marta Example", "--from", "2026-11-01", "--to", "2026-11-14", "--out", str(out))
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(out), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    assert "Informe para la visita médica" in text and "De un vistazo" in text and "Dosis dadas y olvidadas" in text
    assert "Doctor-visit report" not in text and "At a glance" not in text


# -- dates and times inside sentences follow the settings, like the columns --------------------------

def test_dates_and_times_inside_the_reports_sentences_follow_the_settings() -> None:
    alerts, acks = month_alerts()
    us = build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED,
                      date_format="%m/%d/%Y", time_format="%I:%M %p")
    iso = month_report()
    texts = " ".join([*(c.before + " " + c.after for c in us.dose_changes), *(m.schedule for m in us.medicines),
                      *(n.text for n in us.notes), *(w for x in us.corrections for w in [x.what, *x.changes])])
    assert re.search(r"\b(0\d|1[0-2]):\d\d [AP]M\b", texts)  # the schedules' times on the 12-hour clock
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", texts)  # no ISO date left in a sentence
    assert re.search(r"\b\d\d/\d\d/20\d\d\b", " ".join(w for x in us.corrections for w in [x.what, *x.changes]))
    # the default (and a journal that keeps ISO dates and the 24-hour clock) is as before
    iso_texts = " ".join([*(c.before for c in iso.dose_changes), *(m.schedule for m in iso.medicines)])
    assert re.search(r"\b\d\d:\d\d\b", iso_texts) and " AM" not in iso_texts and " PM" not in iso_texts


def test_a_severe_symptom_reads_in_the_singular_and_the_kidneys_in_the_plural(spanish: None) -> None:
    """One English word, two Spanish ones: a symptom's tier "grave" (msgctxt "symptom tier") on the
    report's symptom table and timeline; the kidneys' level "graves" in the renal alert."""
    from journal.domain.i18n import _
    from journal.reports.render.words import TIER_WORDS, TIMELINE_WORDS, level_word
    from journal.rules.renal_caution import LEVEL_WORDS

    assert level_word(TIER_WORDS, "notable") == "grave"
    assert level_word(TIMELINE_WORDS, "notable") == "grave"
    assert level_word(TIER_WORDS, "red-flag") == "señal de alarma"
    assert _(LEVEL_WORDS["severe"]) == "graves"
    set_language(None)
    assert level_word(TIER_WORDS, "notable") == "severe"

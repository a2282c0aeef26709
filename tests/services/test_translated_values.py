"""Spanish for the values inside sentences (issue 19): amounts ("10 mg por 5 mL", "2 comprimidos")
shown and typed, numbers with a decimal comma ("38,5 °C"), the one-word names of readings, forms,
statuses and sources, counted words ("2 veces"), and Spanish everyday names of symptoms. Each
beside its English, which must stay exactly as it was."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.domain import DoseStatus, Form, ObservationKind, Quantity, QuantityError, Unit, parse_quantity
from journal.domain.i18n import set_language
from journal.domain.plural import COUNTED_WORDS, counted, listed
from journal.domain.quantity import parse_strength
from journal.domain.shown import form_name, num, reading_code_name, reading_name, source_name, status_name
from journal.domain.units import temperature_text, weight_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language(None)


def both(make: object) -> tuple[object, object]:
    """(English, Spanish) of what `make()` gives."""
    english = make()  # type: ignore[operator]
    set_language("es")
    try:
        return english, make()  # type: ignore[operator]
    finally:
        set_language(None)


# -- amounts ------------------------------------------------------------------------------------------

def test_an_amount_reads_per_and_its_units_in_the_language() -> None:
    liquid = Quantity(5, Unit.MG, Quantity(5, Unit.ML))
    assert both(lambda: str(liquid)) == ("5 mg per 5 mL", "5 mg por 5 mL")
    assert both(lambda: str(Quantity(2.5, Unit.TABLET))) == ("2.5 tablets", "2,5 comprimidos")
    assert both(lambda: str(Quantity(1, Unit.TABLET))) == ("1 tablet", "1 comprimido")
    assert both(lambda: str(Quantity(0.5, Unit.TABLET))) == ("0.5 tablet", "0,5 comprimidos")
    assert both(lambda: str(Quantity(2, Unit.SACHET))) == ("2 sachets", "2 sobres")
    assert both(lambda: str(Quantity(1, Unit.MG, Quantity(1, Unit.ML)))) == ("1 mg/mL", "1 mg/mL")
    assert both(lambda: str(Quantity(10, Unit.MG, Quantity(1, Unit.TABLET)))) == ("10 mg/tablet", "10 mg/comprimido")


def test_files_keep_the_exchange_notation_in_every_language() -> None:
    liquid = Quantity(2.5, Unit.MG, Quantity(5, Unit.ML))
    assert both(liquid.notation) == ("2.5 mg per 5 mL", "2.5 mg per 5 mL")
    assert both(Quantity(2, Unit.TABLET).notation) == ("2 tablets", "2 tablets")


def test_spanish_units_and_per_are_accepted_and_english_reads_as_before() -> None:
    for lang in (None, "es"):  # the words are taken whatever the language in use
        set_language(lang)
        try:
            assert parse_quantity("2 comprimidos") == parse_quantity("2 tablets") == Quantity(2, Unit.TABLET)
            assert parse_quantity("1 sobre") == Quantity(1, Unit.SACHET)
            assert parse_quantity("½ comprimido") == Quantity(0.5, Unit.TABLET)
            assert parse_quantity("2,5 mililitros") == Quantity(2.5, Unit.ML)
            assert parse_quantity("10 mg") == Quantity(10, Unit.MG) and parse_quantity("1.5 tabs").value == 1.5
            assert parse_strength("25 mg por 5 mL") == parse_strength("25 mg per 5 mL") == parse_strength("25 mg/5 mL") \
                == Quantity(25, Unit.MG, Quantity(5, Unit.ML))
            assert parse_strength("2,5 mg/mL") == Quantity(2.5, Unit.MG, Quantity(1, Unit.ML))
            assert parse_strength("10 mg por comprimido") == Quantity(10, Unit.MG, Quantity(1, Unit.TABLET))
            assert parse_strength("10 mg") == Quantity(10, Unit.MG)
        finally:
            set_language(None)


def test_a_refused_amount_names_the_units_in_the_language() -> None:
    def refusal(text: str, parse: object = parse_quantity) -> str:
        with pytest.raises(QuantityError) as e:
            parse(text)  # type: ignore[operator]
        return str(e.value)

    english, spanish = both(lambda: refusal("2 cucharadas"))
    assert english == "unknown unit 'cucharadas' (use mg, mcg, g, mL, tablet or sachet)"
    assert spanish == "unidad desconocida 'cucharadas' (use mg, mcg, g, mL, comprimido o sobre)"
    english, spanish = both(lambda: refusal("", parse_strength))
    assert english == "Enter the strength, for example 10 mg or 5 mg/5 mL."
    assert spanish == "Escriba la concentración, por ejemplo 10 mg o 5 mg/5 mL."
    english, spanish = both(lambda: refusal("2 comprimidos", parse_strength))
    assert english.startswith("The strength should start with mg") and spanish.startswith("La concentración debe")
    assert both(lambda: refusal("0 mg", parse_strength)) == ("The strength must be more than zero.",
                                                             "La concentración tiene que ser mayor que cero.")


# -- numbers --------------------------------------------------------------------------------------------

def test_numbers_take_the_decimal_mark_of_the_language() -> None:
    assert both(lambda: num(38.5)) == ("38.5", "38,5")
    assert both(lambda: num(2 / 3, ".1f")) == ("0.7", "0,7")
    assert both(lambda: num(40)) == ("40", "40")
    assert both(lambda: temperature_text(38.5)) == ("38.5 °C", "38,5 °C")
    assert both(lambda: temperature_text(38.5, "F")) == ("101.3 °F", "101,3 °F")
    assert both(lambda: weight_text(62.5)) == ("62.5 kg", "62,5 kg")
    # A caller that names the separator (the window, from Settings) keeps it.
    assert both(lambda: temperature_text(38.5, "C", ".")) == ("38.5 °C", "38.5 °C")


def test_a_fever_alert_writes_the_temperature_with_a_decimal_comma_in_spanish() -> None:
    from tests.rules.support import at, check, history, obs, only, steady

    now = at("2026-10-20T15:00")
    m, doses = steady(now)
    h = history(now, [m], doses=doses, observations=[obs(ObservationKind.TEMPERATURE, at("2026-10-20T14:00"), 39.5)])
    english, spanish = both(lambda: only(check(h, now), "abnormal-vital").evidence[0])
    assert english.startswith("temperature 39.5 °C (high: 38.5 or more)")
    assert spanish.startswith("temperatura 39,5 °C") and "38,5" in spanish and "39.5" not in spanish


def test_no_spanish_alert_keeps_a_decimal_point_or_a_raw_english_value(spanish: None) -> None:
    from tests.services.test_translations import _spanish_alerts

    texts = [" ".join([a.title, a.message, a.advice, *a.evidence]) for alerts in _spanish_alerts().values()
             for a in alerts]
    assert texts
    for text in texts:
        assert not re.search(r"\d\.\d", text), text
        assert not re.search(r"\b(judgement|suspension|heart-rate|tablets?|sachets?)\b",
                             text.replace("Baclofen 10 mg tablets", "").replace("Macrogol sachets", "")), text


# -- one-word names -------------------------------------------------------------------------------------

def test_each_value_has_one_word_in_each_language() -> None:
    assert both(lambda: reading_name(ObservationKind.HEART_RATE)) == ("heart rate", "frecuencia cardiaca")
    assert both(lambda: reading_name("pain-nrs")) == ("pain nrs", "dolor (escala 0-10)")
    assert both(lambda: form_name(Form.SUSPENSION)) == ("suspension", "suspensión")
    assert both(lambda: form_name(Form.TABLET)) == ("tablet", "comprimido")
    assert both(lambda: status_name(DoseStatus.SKIPPED)) == ("skipped", "saltada")
    assert both(lambda: source_name("judgement")) == ("judgement", "criterio del proyecto")
    assert both(lambda: source_name("label")) == ("label", "ficha técnica")
    assert both(lambda: source_name("NHS")) == ("NHS", "NHS")
    # Where the command line echoes the kind typed: the code in English, words in Spanish.
    assert both(lambda: reading_code_name(ObservationKind.HEART_RATE)) == ("heart-rate", "frecuencia cardiaca")


def test_a_logged_reading_is_described_in_the_language() -> None:
    from journal.services.readings import reading_from_text

    english, spanish = both(lambda: reading_from_text("temperature", "101.3", unit="F").describe())
    assert english == "temperature 38.5 °C (101.3 °F)"
    assert spanish == "temperatura 38,5 °C (101,3 °F)"
    assert both(lambda: reading_from_text("heart-rate", "88").describe()) == ("heart-rate 88 a minute",
                                                                              "frecuencia cardiaca 88 por minuto")


def test_a_liquid_without_its_strength_names_the_form_in_spanish() -> None:
    from tests.rules.support import at, baclofen, check, history, reg

    now = at("2026-10-20T15:00")
    m = baclofen(reg("2026-10-01", ["08:00"]), name="Baclofen oral suspension", form=Form.SUSPENSION)
    english, spanish = both(lambda: [e for a in check(history(now, [m]), now) if a.rule == "liquid-concentration"
                                     for e in a.evidence][0])
    assert "form suspension" in english
    assert "forma suspensión" in spanish


# -- counted words ----------------------------------------------------------------------------------------

def test_counted_words_take_the_languages_plural() -> None:
    assert both(lambda: (counted(1, "time"), counted(2, "time"), counted(0, "time"))) == (
        ("1 time", "2 times", "0 times"), ("1 vez", "2 veces", "0 veces"))
    assert both(lambda: counted(3, "question")) == ("3 questions", "3 preguntas")
    assert both(lambda: counted(1, "more emergency alert", "more emergency alerts")) == (
        "1 more emergency alert", "1 aviso de emergencia más")
    assert both(lambda: listed(["a", "b", "c"])) == ("a, b and c", "a, b y c")
    assert both(lambda: (listed([]), listed(["a"]))) == (("", "a"), ("", "a"))


def test_every_counted_word_in_the_code_is_in_the_catalog() -> None:
    """counted(n, "word") anywhere in journal/ must use a word of COUNTED_WORDS, or its Spanish
    plural would be missing (the catalog is made from that list)."""
    pairs = {(one, many) for one, many in COUNTED_WORDS}
    missing = []
    for path in (ROOT / "journal").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "counted":
                words = [a.value for a in node.args[1:] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if words and (words[0], words[1] if len(words) > 1 else words[0] + "s") not in pairs:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words}")
    assert missing == []


# -- symptoms by their Spanish names ------------------------------------------------------------------

def test_everyday_spanish_names_lead_to_their_codes_only_in_spanish() -> None:
    from journal.knowledge import default_catalog

    catalog = default_catalog()
    words = {"fiebre": "high-fever", "picor": "itching", "hormigueo": "tingling", "temblores": "tremor",
             "somnolencia": "drowsiness", "espasmos": "spasms", "convulsiones": "seizure",
             "Náuseas": "nausea", "nauseas": "nausea", "estreñimiento": "constipation", "dolor de cabeza": "headache"}
    set_language("es")
    try:
        assert {w: catalog.code_for(w) for w in words} == words
        assert catalog.code_for("twitching") == "muscle-twitching"  # the English names are still taken
        assert catalog.closest_codes("fiebre alta")[0] == "high-fever"
    finally:
        set_language(None)
    assert catalog.code_for("fiebre") is None and catalog.code_for("twitching") == "muscle-twitching"


def test_the_spanish_names_of_the_catalog_are_checked_like_the_english_ones(tmp_path: Path) -> None:
    from journal.knowledge import KnowledgeError
    from journal.knowledge.catalog import load_catalog

    doc = json.loads((ROOT / "resources" / "symptoms.json").read_text(encoding="utf-8"))
    doc["names_es"]["vomitos y nauseas"] = "not-a-code"
    bad = tmp_path / "symptoms.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="names_es"):
        load_catalog(bad)


def test_log_symptom_takes_a_spanish_name_from_lang(tmp_path: Path) -> None:
    from tests.conftest import minimal_document

    doc = tmp_path / "robin.json"
    doc.write_text(json.dumps(minimal_document()), encoding="utf-8")
    db = tmp_path / "j.sqlite3"
    env = dict(os.environ, LANG="es_ES.UTF-8", PYTHONPATH=str(ROOT))
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                              capture_output=True, text=True, env=env, timeout=120)

    assert run("import", str(doc)).returncode == 0
    logged = run("log-symptom", "--patient", "Robin Shaw", "--symptom", "picor", "--at", "2026-10-01T12:00")
    assert logged.returncode == 0, logged.stderr
    assert logged.stdout.startswith("Anotado picor sin erupción para Robin Shaw el 2026-10-01 12:00.")
    refused = run("log-symptom", "--patient", "Robin Shaw", "--symptom", "fiebrre alta")
    assert refused.returncode == 2 and "high-fever" in refused.stderr


def test_a_spreadsheet_export_in_spanish_keeps_the_files_notation(tmp_path: Path, spanish: None) -> None:
    from datetime import date, datetime, time
    from zoneinfo import ZoneInfo

    from journal.domain import FixedClock, Medication, Patient, Regimen
    from journal.services.exchange import export_tables
    from journal.services.journal import Journal

    clock = FixedClock(datetime(2026, 11, 23, 15, 30, tzinfo=ZoneInfo("America/Chicago")))
    j = Journal.open(tmp_path / "j.sqlite3", clock)
    try:
        pid = j.add_patient(Patient(name="Robin", birth_date=date(1960, 4, 3))).record_id
        j.add_medication(pid, Medication(
            name="Baclofen oral solution", drug="baclofen", form=Form.SOLUTION,
            strength=Quantity(5, Unit.MG, Quantity(5, Unit.ML)),
            regimens=[Regimen(start=date(2026, 11, 20), dose=Quantity(2.5, Unit.ML), times=[time(8)])]))
        tables = export_tables(j)
    finally:
        j.close()
    header, rows = tables["medications"]
    assert rows[0][header.index("strength")] == "5 mg per 5 mL"
    header, rows = tables["regimens"]
    assert "2.5 mL" in rows[0]


def test_a_decimal_mark_chosen_in_settings_is_the_one_every_text_uses(tmp_path: Path) -> None:
    """One answer for "how does a decimal look": a mark chosen in Settings is used by the alerts
    and the report as by the window, in either language; until one is chosen, the language's."""
    from datetime import timedelta

    from journal.domain import FixedClock, Observation, Patient
    from journal.domain.shown import decimal_mark
    from journal.services.journal import Journal
    from journal.services.reports import build_for
    from tests.conftest import NOW

    with Journal.open(tmp_path / "j.sqlite3", FixedClock(NOW)) as j:
        pid = j.add_patient(Patient("Robin Shaw")).record_id
        j.log_observation(pid, Observation(NOW - timedelta(hours=1), ObservationKind.TEMPERATURE, 39.5))

        def fever() -> str:
            return next(a for a in j.check(NOW) if a.rule == "abnormal-vital").evidence[0]

        def report_reading() -> str:
            data = build_for(j, pid, NOW.date() - timedelta(days=29), NOW.date(), NOW)
            return " ".join(str(e) for e in [*data.timeline, *data.alerts])

        assert j.get_settings().decimal_separator == "." and decimal_mark() == "."  # the "C" locale's
        settings = j.get_settings()
        settings.decimal_separator = ","
        j.save_settings(settings)
        j.get_settings()
        assert fever().startswith("temperature 39,5 °C") and "38,5" in fever()
        assert "39,5" in report_reading() and "39.5" not in report_reading()
        set_language("es")
        try:
            settings.decimal_separator = "."
            j.save_settings(settings)
            j.get_settings()
            assert fever().startswith("temperatura 39.5 °C") and "39,5" not in fever()
        finally:
            set_language(None)


def test_until_a_mark_is_chosen_the_journals_language_gives_it() -> None:
    from journal.services.regional import regional_defaults

    c_locale = {"LANG": "C"}
    assert regional_defaults(None, c_locale).decimal_separator == "."
    assert regional_defaults(None, c_locale, language="es").decimal_separator == ","
    assert regional_defaults(None, {"LANG": "es_ES.UTF-8"}, language="en").decimal_separator == "."

"""Languages (issue 19): the words go through one translation layer (gettext for alerts, report
and command line; Qt tr() for the window), Spanish is chosen from the locale or Settings, and
every catalog is complete and current."""

from __future__ import annotations

import ast
import gettext
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal.domain import FixedClock, Medication, Patient, Quantity, Regimen, Unit
from journal.domain.i18n import DOMAIN, LOCALE_DIR, current_language, set_language
from journal.services.regional import chosen_language

ROOT = Path(__file__).resolve().parents[1]
PO = LOCALE_DIR / "es" / "LC_MESSAGES" / "carejournal.po"
TS = LOCALE_DIR / "carejournal_es.ts"
sys.path.insert(0, str(ROOT / "scripts"))
from make_translations import QT_SOURCES, json_texts  # noqa: E402

# Modules whose every user-facing text goes through gettext: every alert (journal/rules), the shared
# words they are built from (journal/schedule, journal/knowledge), the command line (journal/cli and
# the composition root's messages) and the refusals a person reads (the services and the domain's
# parsers named below). Globs, so a new rule, schedule or command-line module is checked unlisted.
GETTEXT_MODULES = sorted(str(p.relative_to(ROOT)) for pattern in (
    "journal/rules/*.py", "journal/schedule/*.py", "journal/knowledge/*.py", "journal/cli/*.py", "journal/app.py",
    "journal/services/validation.py", "journal/services/symptoms.py", "journal/services/journal.py",
    "journal/services/exchange.py", "journal/services/checks.py", "journal/services/readings.py",
    "journal/services/drug_names.py", "journal/services/backups.py", "journal/services/output.py",
    "journal/services/import_preview.py", "journal/services/timezones.py", "journal/services/errors.py",
    "journal/services/spreadsheet.py",
    "journal/domain/quantity.py", "journal/domain/dose_limits.py", "journal/domain/readings.py",
    "journal/domain/zones.py") for p in ROOT.glob(pattern))
# Calls whose words are for the authors of resources/ (a drug profile with a missing number) or the
# log, never shown to a caregiver: their texts are not translated.
DEVELOPER_CALLS = {"fail", "KnowledgeError", "ValueError", "debug", "info", "warning", "error", "exception"}
# Calls whose text arguments a person reads, with the index of the first such argument (a
# ValidationError's first argument is the field's name, not words).
TEXT_CALLS = {"print": 0, "ValidationError": 1, "NotFound": 0, "JournalFileError": 0, "StockUnknown": 0,
              "AlreadyGiven": 0, "OutputError": 0, "BackupError": 0, "QuantityError": 0, "ZoneError": 1,
              "ReadingUnitError": 0}
# Tokens that are not words to translate: the program's name, a unit symbol, and the "per" of an
# amount's notation ("10 mg per 5 mL", as a Quantity is written everywhere, exports included).
NOT_WORDS = {"carejournal", "mcg", "per"}
# The report (es-report): every module of journal/reports and the report's service; no exclusions
# (tests/test_report_spanish.py also checks the page's plain literals, tests/test_reference_spanish.py
# the reference's pages and lines).
GETTEXT_MODULES += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "journal" / "reports").rglob("*.py")) + [
    "journal/services/reports.py"]
TZ = ZoneInfo("America/Chicago")


@pytest.fixture
def spanish() -> Iterator[None]:
    set_language("es")
    yield
    set_language(None)


# -- choosing the language ----------------------------------------------------------------------

def test_the_language_comes_from_settings_else_the_locale() -> None:
    assert chosen_language(None, {"LANG": "es_ES.UTF-8"}) == "es"
    assert chosen_language(None, {"LANG": "es_MX.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}) == "en"
    assert chosen_language("es", {"LANG": "en_US.UTF-8"}) == "es"
    assert chosen_language(None, {"LANG": "fr_FR.UTF-8"}) == "en"  # no French catalog yet
    assert chosen_language(None, {"LANG": "C.UTF-8"}) == "en"


def test_set_language_falls_back_to_english() -> None:
    assert set_language("es_ES") == "es" and current_language() == "es"
    assert set_language("de") == "en"
    assert set_language(None) == "en"


# -- the catalogs are complete and current -------------------------------------------------------

def test_every_gettext_message_has_its_spanish_text_and_the_mo_matches_the_po() -> None:
    babel = pytest.importorskip("babel.messages.pofile")
    with open(PO, "rb") as f:
        catalog = babel.read_po(f)
    missing = [m.id for m in catalog if m.id and (not m.string or not all(m.string if m.pluralizable else [m.string]))]
    assert missing == []
    assert not any(m.fuzzy for m in catalog if m.id)
    mo = gettext.translation(DOMAIN, LOCALE_DIR, languages=["es"])
    for m in catalog:
        if m.id and not m.pluralizable:
            assert mo.gettext(m.id) == m.string, m.id


def test_the_gettext_template_is_current(tmp_path: Path) -> None:
    pytest.importorskip("babel")
    pybabel = Path(sys.executable).parent / "pybabel"
    out = tmp_path / "now.pot"
    subprocess.run([str(pybabel), "extract", "-F", "babel.cfg", "--no-location", "--omit-header", "-k", "_",
                    "-k", "N_", "-k", "ngettext:1,2", "--ignore-dirs=ui", "-o", str(out), "journal"],
                   cwd=ROOT, check=True, capture_output=True)
    from babel.messages.pofile import read_po

    with open(out, "rb") as f:
        now = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(f) if m.id}
    with open(PO, "rb") as f:
        kept = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(f) if m.id}
    assert now - kept == set(), "new texts: run `make translations` and translate them"


def test_every_window_text_has_its_spanish_text_and_the_qm_is_current(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "now.ts"
    subprocess.run([str(lupdate), *QT_SOURCES, "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True)
    sources_now = {m.findtext("source") for m in ET.parse(fresh).getroot().iter("message")}
    kept = {m.findtext("source"): m.find("translation") for m in ET.parse(TS).getroot().iter("message")}
    assert sources_now - set(kept) == set(), "new window texts: run `make translations`"
    unfinished = [s for s, t in kept.items() if t is None or not (t.text or "").strip() or t.get("type")]
    assert unfinished == []
    assert (LOCALE_DIR / "carejournal_es.qm").stat().st_mtime >= TS.stat().st_mtime - 1


# -- nothing escapes the layer in the modules that use it ---------------------------------------

QT_TEXT_CALLS = {"QLabel", "QPushButton", "setText", "setWindowTitle", "addTab", "setPlaceholderText", "hint",
                 "_label", "addRow"}


def _words(text: str) -> bool:
    return sum(1 for w in text.split() if sum(c.isalpha() for c in w) >= 3) >= 1


def test_no_window_text_escapes_tr_in_the_translated_window_files() -> None:
    escaped = []
    for rel in QT_SOURCES:
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in QT_TEXT_CALLS:
                continue
            for arg in node.args:
                literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _words(arg.value)
                fstring = isinstance(arg, ast.JoinedStr) and any(
                    isinstance(v, ast.Constant) and _words(str(v.value)) for v in arg.values)
                if literal or fstring:
                    escaped.append(f"{rel}:{node.lineno}")
    assert escaped == []


def _text_words(text: str) -> bool:
    """Words to translate in a piece of code's text: not a JSON path or key ("routes.", "regimens/"),
    not the program's name or a unit symbol."""
    if not any(c.isspace() for c in text):  # a key, a JSON path, a file name or an argument ("--patient")
        return False
    return any(sum(c.isalpha() for c in w) >= 3 and w.strip(".,:;()'\"").lower() not in NOT_WORDS
               and not any(c in w for c in "/_[]{}") for w in text.split())


def escaped_texts(rel: str) -> list[str]:
    """Where module `rel` builds words a person reads without gettext: an f-string with words, or a
    plain text handed to print(), an error a person reads or an argparse help."""
    tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:  # f"{at:%Y-%m-%d %H:%M}"
            skip.update(id(x) for x in ast.walk(node.format_spec))
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in DEVELOPER_CALLS:
                skip.update(id(x) for arg in node.args for x in ast.walk(arg))
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr) and any(
                isinstance(v, ast.Constant) and _text_words(str(v.value)) for v in node.values):
            found.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:80]}")
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = list(node.args[TEXT_CALLS[name]:]) if name in TEXT_CALLS else []
            args += [k.value for k in node.keywords if k.arg in ("help", "description", "epilog")]
            found += [f"{rel}:{a.lineno}: {a.value[:80]!r}" for a in args
                      if isinstance(a, ast.Constant) and isinstance(a.value, str) and _text_words(a.value)]
    return found


def test_the_gettext_check_covers_every_alert_and_command_line_module() -> None:
    assert "journal/rules/double_dose.py" in GETTEXT_MODULES and "journal/cli/core.py" in GETTEXT_MODULES
    assert "journal/services/validation.py" in GETTEXT_MODULES and "journal/schedule/words.py" in GETTEXT_MODULES
    # The check finds an untranslated text: an f-string, and a plain text printed.
    probe = ROOT / "journal" / "rules" / "_probe_untranslated.py"
    probe.write_text('def f(n):\n    print("Nothing was saved today.")\n    return f"{n} doses were missed"\n')
    try:
        assert len(escaped_texts("journal/rules/_probe_untranslated.py")) == 2
    finally:
        probe.unlink()


def test_no_alert_or_command_line_text_escapes_gettext_in_the_translated_modules() -> None:
    escaped = [e for rel in GETTEXT_MODULES for e in escaped_texts(rel)]
    assert escaped == []


def test_every_text_of_the_knowledge_files_a_person_reads_has_its_spanish_text() -> None:
    """Drug names, what stopping suddenly risks and whom to call, the interaction classes and the
    symptom catalog's labels (resources/*.json) are in the catalog, each with its Spanish text."""
    babel = pytest.importorskip("babel.messages.pofile")
    with open(PO, "rb") as f:
        catalog = {m.id: m.string for m in babel.read_po(f) if m.id}
    texts = json_texts()
    assert "Seizure (fit)" in texts and "Baclofen" in texts and "the doctor who prescribes it" in texts
    missing = [t for t in texts if not catalog.get(t)]
    assert missing == []


# -- Spanish, seen where a person reads it -----------------------------------------------------------

def _run(*args: str, env_lang: str = "es_ES.UTF-8", db: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LANG=env_lang, PYTHONPATH=str(ROOT))
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_reference_show_is_in_spanish_from_lang(tmp_path: Path) -> None:
    out = _run("reference", "show", "when-to-call", db=tmp_path / "j.sqlite3").stdout
    assert "CUÁNDO PEDIR AYUDA" in out and "Llame ya al 112" in out
    english = _run("reference", "show", "when-to-call", env_lang="en_GB.UTF-8", db=tmp_path / "j.sqlite3").stdout
    assert "WHEN TO CALL FOR HELP" in english and "call 999 now" in english.lower()


def test_a_missed_dose_alert_is_in_spanish(tmp_path: Path, spanish: None) -> None:
    from journal.services.journal import Journal

    clock = FixedClock(datetime(2026, 11, 23, 15, 30, tzinfo=TZ))
    j = Journal.open(tmp_path / "j.sqlite3", clock)
    s = j.get_settings()
    s.timezone, s.emergency_number = "America/Chicago", "112"
    j.save_settings(s)
    pid = j.add_patient(Patient(name="Robin", birth_date=date(1960, 4, 3))).record_id
    j.add_medication(pid, Medication(name="Baclofen 10 mg", drug="baclofen", strength=Quantity(10, Unit.MG),
                                     regimens=[Regimen(start=date(2026, 11, 20), dose=Quantity(10, Unit.MG),
                                                       times=[time(8)])]))
    from journal.services.checks import run as run_checks

    missed = [a for a in run_checks(j, clock.now(), pid) if a.rule == "missed-dose"]
    assert missed and "una dosis prevista no está anotada" in missed[0].title
    assert "No empiece, deje ni cambie dosis por su cuenta." in missed[0].advice
    assert "llame al 112" in missed[0].advice
    j.close()


def test_the_window_speaks_spanish(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from journal.services.journal import Journal
    from journal.ui.main_window import MainWindow
    from journal.ui.session import Session
    from journal.ui.translation import install_language

    app = QApplication.instance()
    assert install_language(app, "es") == "es"
    try:
        clock = FixedClock(datetime(2026, 11, 23, 15, 30, tzinfo=TZ))
        j = Journal.open(tmp_path / "w.sqlite3", clock)
        window = MainWindow(Session(j, clock), tray_available=False)
        qtbot.addWidget(window)
        assert window.welcome.add_button.text() == "Añadir a la persona que cuida"
        assert window.tabs.tabText(0) == "&Hoy"
        window.alerts.update_alerts([]) if hasattr(window.alerts, "update_alerts") else None
        assert window.alerts.title.text() == "Avisos"
        from journal.domain import Severity
        from journal.ui.style import look

        assert (look(Severity.URGENT).word, look(Severity.EMERGENCY).action) == ("Urgente", "Llame ya a emergencias")
        j.close()
    finally:
        install_language(app, None)


def test_the_report_pdf_is_in_spanish(qapp, tmp_path: Path, spanish: None) -> None:  # noqa: ANN001
    import shutil

    from test_report_helpers import END, GENERATED, START, month_alerts, month_history, month_revisions

    from journal.reports import render
    from journal.reports.data import build_report

    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext")
    alerts, acks = month_alerts()
    data = build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED)
    out = tmp_path / "es.pdf"
    render.write_pdf(data, out, "a4")
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], check=True, capture_output=True, text=True).stdout
    assert "De un vistazo" in text and "Dosis dadas y olvidadas" in text and "Sobre este informe" in text
    assert "No es un documento médico" in " ".join(text.split())


# -- every alert family in Spanish ------------------------------------------------------------------

# Connecting words of English sentences: none may be left in a Spanish alert (names, notes and the
# sources' short keys are the journal's own and stay as they were written).
ENGLISH_WORDS = (" the ", " and ", " with ", " was ", " were ", " is ", " are ", " for ", " not ", " from ",
                 " after ", " dose ", " doses ", " call ", " today")


def _spanish_alerts() -> dict[str, list]:  # noqa: ANN401 - Alert lists by rule
    from test_rules_review import every_rule_scenarios
    from test_rules_support import check

    now, scenarios = every_rule_scenarios()
    by_rule: dict[str, list] = {}
    for h in scenarios:
        for a in check(h, now, emergency_number="112"):
            by_rule.setdefault(a.rule, []).append(a)
    return by_rule


def test_every_rule_speaks_spanish_and_keeps_the_two_closing_sentences(spanish: None) -> None:
    from journal.rules.engine import RULE_IDS

    by_rule = _spanish_alerts()
    assert set(by_rule) == set(RULE_IDS)
    for rule, alerts in by_rule.items():
        for a in alerts:
            text = " ".join([a.title, a.message, a.advice, *a.evidence]).replace("Baclofen 10 mg tablets", "")
            assert not [w for w in ENGLISH_WORDS if w in f" {text} "], (rule, a.title, text)
            assert a.advice.endswith("No empiece, deje ni cambie dosis por su cuenta. Esto no es consejo médico."), rule
            assert "112" in a.advice and "911" not in a.advice, rule


def test_representative_alerts_of_each_family_in_spanish(spanish: None) -> None:
    by_rule = _spanish_alerts()

    def one(rule: str) -> object:
        return by_rule[rule][0]

    double = one("double-dose")
    assert double.title == "Baclofen 10 mg tablets: puede que una dosis se diera dos veces"
    assert "dada el 2026-10-20 08:00 y el 2026-10-20 08:30, con 30 min de diferencia" in double.evidence
    taper = one("fast-taper")
    assert taper.title == "Baclofen 10 mg tablets: la pauta pasa de 60 mg al día a nada de un día para otro"
    assert "Bajar este medicamento deprisa puede provocar abstinencia" in taper.message
    withdrawal, toxicity = one("withdrawal-signs"), one("toxicity-signs")
    assert withdrawal.title == "Posible abstinencia de baclofeno: signos graves tras dosis olvidadas"
    assert withdrawal.advice.startswith("Llame ya al 112. Dígales que la persona toma baclofeno")
    assert toxicity.title.startswith("Posible exceso de baclofeno: signos de somnolencia tras una subida de dosis")
    pump = one("pump-alarm")
    assert pump.title == "Alarma de la bomba: llame a la clínica de la bomba"
    assert pump.advice.startswith("Llame ya a la clínica de la bomba; si no les localiza pronto, llame al 112.")
    over = one("as-needed-over-limit")
    assert over.title == "Macrogol sachets: más dosis a demanda de las permitidas"
    assert "3 dosis en 24 h, más de las 2 permitidas" in over.message
    assert "máximo de dosis en 24 h: 2 (según la receta)" in over.evidence
    stock = one("stock-low")
    assert stock.title == "Levetiracetam 500 mg: se ha acabado"
    assert stock.advice.startswith("Llame hoy al médico o a la clínica. Consiga más en la farmacia hoy")


def test_a_red_flag_in_spanish_says_call_the_emergency_number_now(spanish: None) -> None:
    from test_rules_support import at, check, history, only, steady, symptom

    now = at("2026-10-20T15:00")
    m, doses = steady(now)
    alert = only(check(history(now, [m], doses=doses, symptoms=[symptom("seizure", at("2026-10-20T14:30"))]),
                       now, emergency_number="112"), "red-flag-symptom")
    assert alert.title == "Signo de emergencia anotado: convulsión (crisis)"
    assert alert.advice.startswith("Llame ya al 112.")
    assert "No espere a ver si se pasa." in alert.message
    assert alert.evidence[0].startswith("Convulsión (crisis), intensidad 5/10 el 2026-10-20 14:30") \
        and alert.evidence[0].endswith(": emergencia")


def test_the_same_alert_in_english_is_unchanged_by_the_layer() -> None:
    from test_rules_support import at, check, history, only, steady, symptom

    now = at("2026-10-20T15:00")
    m, doses = steady(now)
    alert = only(check(history(now, [m], doses=doses, symptoms=[symptom("seizure", at("2026-10-20T14:30"))]),
                       now, emergency_number="112"), "red-flag-symptom")
    assert alert.title == "Emergency sign logged: seizure (fit)"
    assert alert.advice.startswith("Call 112 now.")


# -- the command line in Spanish, chosen from LANG ---------------------------------------------------

def test_check_and_an_unknown_symptom_are_in_spanish_from_lang(tmp_path: Path) -> None:
    import json

    from conftest import minimal_document

    doc = tmp_path / "robin.json"
    doc.write_text(json.dumps(minimal_document()), encoding="utf-8")
    db = tmp_path / "j.sqlite3"
    imported = _run("import", str(doc), db=db)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Añadido: 1 persona, 2 medicamentos, 1 periodo de pauta, 3 dosis, 1 síntoma")
    checked = _run("check", "--at", "2026-10-01T12:00", "--patient", "Robin Shaw", db=db)
    assert checked.returncode == 0, checked.stderr
    out = checked.stdout
    assert out.startswith("1 aviso para Robin Shaw a las 2026-10-01 12:00 (America/Chicago), el más urgente primero:")
    assert "URGENTE: Baclofen 10 mg tablets: ninguna dosis desde hace 27 h 50 min" in out
    assert "Qué hacer: Llame hoy al médico o a la clínica." in out and "llame al 112" in out  # ES: 112
    assert "Por qué:" in out and "Más: carejournal reference show withdrawal" in out
    refused = _run("log-symptom", "--patient", "Robin Shaw", "--symptom", "sick", db=db)
    assert refused.returncode == 2
    assert ('log-symptom: --symptom: "sick" no está en la lista de síntomas; los códigos más parecidos son'
            in refused.stderr)
    nobody = _run("log-symptom", "--patient", "Robina", "--symptom", "temblor", db=db)
    assert nobody.returncode == 2 and 'nadie se llama "Robina" en el diario (personas: Robin Shaw)' in nobody.stderr
    english = _run("log-symptom", "--patient", "Robin Shaw", "--symptom", "sick", env_lang="en_US.UTF-8", db=db)
    assert '"sick" is not in the symptom catalog; the closest codes are' in english.stderr


def test_a_symptom_can_be_named_by_its_spanish_label(spanish: None) -> None:
    from journal.knowledge import default_catalog

    catalog = default_catalog()
    assert catalog.code_for("temblor") == "tremor" and catalog.code_for("Hormigueo") == "tingling"
    assert catalog.label("tremor") == "Temblor"
    set_language(None)
    assert catalog.code_for("temblor") is None and catalog.label("tremor") == "Shaking or tremor"


def test_help_is_in_spanish_from_lang(tmp_path: Path) -> None:
    helped = _run("log-symptom", "--help", db=tmp_path / "j.sqlite3")
    assert helped.returncode == 0
    out = helped.stdout
    assert out.startswith("uso: carejournal log-symptom")
    assert "Anota un síntoma y muestra los avisos que dé." in out
    assert "de 0 (nada) a 10 (lo peor imaginable)" in out and "ejemplos:" in out
    missing = _run("log-symptom", db=tmp_path / "j.sqlite3")
    assert missing.returncode == 2 and "faltan estos argumentos obligatorios: --patient, --symptom" in missing.stderr
    english = _run("log-symptom", "--help", env_lang="en_US.UTF-8", db=tmp_path / "j.sqlite3").stdout
    assert english.startswith("usage: carejournal log-symptom") and "log one symptom" in english.lower()

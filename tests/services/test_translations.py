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

ROOT = Path(__file__).resolve().parents[2]
PO = LOCALE_DIR / "es" / "LC_MESSAGES" / "carejournal.po"
TS = LOCALE_DIR / "carejournal_es.ts"
sys.path.insert(0, str(ROOT / "scripts"))
from make_translations import QT_SOURCES, json_texts  # noqa: E402

# Modules whose every user-facing text goes through gettext: every alert (journal/rules), the shared
# words they are built from (journal/schedule, journal/knowledge), the command line (journal/cli and
# the composition root's messages) and the refusals a person reads (every module of the services,
# the shared journal's connection words included, and the domain's parsers named below). Globs, so a
# new rule, schedule, service or command-line module is checked unlisted. No service is excluded:
# those with no words a person reads (regional, shared_backups) pass the check as they are.
GETTEXT_MODULES = sorted(str(p.relative_to(ROOT)) for pattern in (
    "journal/rules/*.py", "journal/schedule/*.py", "journal/knowledge/*.py", "journal/cli/*.py", "journal/app.py",
    "journal/services/*.py",
    "journal/domain/quantity.py", "journal/domain/dose_limits.py", "journal/domain/readings.py",
    "journal/domain/zones.py", "journal/domain/shown.py", "journal/domain/plural.py", "journal/domain/units.py")
    for p in ROOT.glob(pattern))
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
GETTEXT_MODULES += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "journal" / "reports").rglob("*.py"))
TZ = ZoneInfo("America/Chicago")

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
            assert (mo.pgettext(m.context, m.id) if m.context else mo.gettext(m.id)) == m.string, m.id


def test_the_gettext_template_is_current(tmp_path: Path) -> None:
    pytest.importorskip("babel")
    pybabel = Path(sys.executable).parent / "pybabel"
    out = tmp_path / "now.pot"
    subprocess.run([str(pybabel), "extract", "-F", "babel.cfg", "--no-location", "--omit-header", "-k", "_",
                    "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "NP_:1c,2", "--ignore-dirs=ui",
                    "-o", str(out), "journal"],
                   cwd=ROOT, check=True, capture_output=True)
    from babel.messages.pofile import read_po

    with open(out, "rb") as f:
        now = {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in read_po(f) if m.id}
    with open(PO, "rb") as f:
        kept = {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in read_po(f) if m.id}
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

# Calls whose text argument a person reads (labels, buttons, tooltips, screen-reader names, list
# entries, message boxes, error lines, the messages of errors the forms show).
QT_TEXT_CALLS = {"QLabel", "QPushButton", "setText", "setWindowTitle", "addTab", "setPlaceholderText", "hint",
                 "_label", "addRow", "heading", "setToolTip", "setStatusTip", "setWhatsThis", "setAccessibleName",
                 "setAccessibleDescription", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
                 "addItem", "addItems", "setTitle", "showMessage", "setSuffix", "setPrefix", "setSpecialValueText",
                 "setHorizontalHeaderLabels", "setHeaderLabels", "addButton", "setInformativeText",
                 "information", "warning", "question", "critical", "QMessageBox", "QListWidgetItem",
                 "show_error", "ValueError", "QuantityError", "setLabelText", "getSaveFileName", "getOpenFileName",
                 "getExistingDirectory", "setTabText", "insertTab", "emergency", "notify", "Alert"}


def _words(text: str) -> bool:
    return sum(1 for w in text.split() if sum(c.isalpha() for c in w) >= 3) >= 1


def test_no_window_text_escapes_tr_in_the_translated_window_files() -> None:
    escaped = []
    for rel in QT_SOURCES:
        text = (ROOT / rel).read_text(encoding="utf-8")
        lines = text.splitlines()
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            owner = node.func.value if isinstance(node.func, ast.Attribute) else None
            if name not in QT_TEXT_CALLS or (isinstance(owner, ast.Name) and owner.id in ("log", "logger", "logging")):
                continue  # the log file is for whoever helps, in English
            if "# internal:" in lines[node.lineno - 1]:
                continue  # a programming error's message, never shown to a person
            args = [*node.args, *(k.value for k in node.keywords if k.arg in ("title", "message", "advice", "text"))]
            for arg in args:
                for sub in _pieces(arg):
                    literal = isinstance(sub, ast.Constant) and isinstance(sub.value, str) and _window_words(sub.value)
                    fstring = isinstance(sub, ast.JoinedStr) and any(
                        isinstance(v, ast.Constant) and _window_words(str(v.value)) for v in sub.values)
                    if literal or fstring:
                        escaped.append(f"{rel}:{node.lineno}")
    assert escaped == []


def _window_words(text: str) -> bool:
    """Words to translate: the product's name and HTML tags alone are not."""
    import re

    return _words(re.sub(r"<[^>]*>", " ", text).replace("CareJournal", " "))


def _pieces(node: ast.AST) -> Iterator[ast.AST]:
    """The texts an argument is made of: `"a" if x else "b"`, `"x" + y`, `["a", "b"]`, without
    looking inside calls (a `self.tr("...")` inside is already translated)."""
    if isinstance(node, ast.Call):
        return
    yield node
    if isinstance(node, ast.JoinedStr):
        return
    for child in ast.iter_child_nodes(node):
        yield from _pieces(child)


def test_every_window_module_goes_through_the_layer_unless_excluded_with_a_reason() -> None:
    """A new window file is checked without anyone remembering to add it; only files holding no
    word a person reads are left out, each with its reason beside it (make_translations.py)."""
    from make_translations import QT_EXCLUDED

    every = {str(p.relative_to(ROOT)) for p in (ROOT / "journal" / "ui").rglob("*.py")}
    assert set(QT_SOURCES) == every - QT_EXCLUDED
    assert "journal/ui/screens/today_view.py" in QT_SOURCES and "journal/ui/shell/main_window.py" in QT_SOURCES
    source = (ROOT / "scripts" / "make_translations.py").read_text(encoding="utf-8")
    for rel in QT_EXCLUDED:
        line = next(ln for ln in source.splitlines() if f'"{rel}"' in ln)
        assert "#" in line, f"{rel} is excluded without a reason"


def test_spanish_window_texts_keep_their_placeholders_and_keys() -> None:
    """"{number}" in English must be "{number}" in Spanish (else the emergency number vanishes
    from a sentence), and an Alt+letter key stays a key."""
    import re

    from translations_qt_es import QT_ES

    wrong = [source for source, text in QT_ES.items()
             if sorted(re.findall(r"\{\w*\}", source)) != sorted(re.findall(r"\{\w*\}", text))
             or source.count("&") != text.count("&")]
    assert wrong == []


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
    from journal.ui.shell.main_window import MainWindow
    from journal.ui.shell.session import Session
    from journal.ui.shell.translation import install_language

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
        from journal.ui.widgets.style import look

        assert (look(Severity.URGENT).word, look(Severity.EMERGENCY).action) == ("Urgente", "Llame ya a emergencias")
        j.close()
    finally:
        install_language(app, None)


def test_the_report_pdf_is_in_spanish(qapp, tmp_path: Path, spanish: None) -> None:  # noqa: ANN001
    import shutil

    from journal.reports import render
    from journal.reports.data import build_report
    from tests.reports.support import END, GENERATED, START, month_alerts, month_history, month_revisions

    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext")
    alerts, acks = month_alerts()
    data = build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED)
    out = tmp_path / "es.pdf"
    render.write_pdf(data, out, "a4")
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], check=True, capture_output=True, text=True).stdout
    assert "De un vistazo" in text and "Dosis dadas y olvidadas" in text and "Sobre este informe" in text
    assert "No es un documento médico" in " ".join(text.split())


# -- the whole window in Spanish, as a person opening it with LANG=es_ES.UTF-8 sees it --------------

def _shown_texts(root) -> set[str]:  # noqa: ANN001 - a QWidget
    """Every text a person reads or hears in `root` and its children: labels, buttons, tabs, list
    and combo entries, placeholders, tooltips, screen-reader names, window titles."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QTableWidget,
        QTabWidget,
        QWidget,
    )

    out: set[str] = set()
    for w in [root, *root.findChildren(QWidget)]:
        out |= {w.accessibleName(), w.toolTip(), w.windowTitle()}
        if isinstance(w, QLabel | QAbstractButton):
            out.add(w.text())
        if isinstance(w, QGroupBox):
            out.add(w.title())
        if isinstance(w, QLineEdit):
            out.add(w.placeholderText())
        if isinstance(w, QComboBox):
            out |= {w.itemText(i) for i in range(w.count())}
        if isinstance(w, QListWidget):
            out |= {w.item(i).text() for i in range(w.count())}
        if isinstance(w, QTabWidget):
            out |= {w.tabText(i) for i in range(w.count())}
        if isinstance(w, QTableWidget):
            out |= {w.horizontalHeaderItem(c).text() for c in range(w.columnCount()) if w.horizontalHeaderItem(c)}
    return {t for t in out if t}


@pytest.fixture
def spanish_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001, ANN201
    """The window as `carejournal` opens it on a computer set to Spanish (LANG=es_ES.UTF-8, no
    language saved in Settings), with a person, a tablet medicine at 08:00 and 20:00 and an
    as-needed one; English again afterwards."""
    from PySide6.QtWidgets import QApplication

    from journal.services.journal import Journal
    from journal.services.regional import chosen_language
    from journal.ui.shell.main_window import build_window
    from journal.ui.shell.translation import install_language

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    app = QApplication.instance()
    clock = FixedClock(datetime(2026, 11, 23, 15, 30, tzinfo=TZ))
    j = Journal.open(tmp_path / "es.sqlite3", clock)
    assert install_language(app, chosen_language(j.get_settings().language)) == "es"
    s = j.get_settings()
    s.timezone, s.emergency_number = "America/Chicago", "112"
    j.save_settings(s)
    pid = j.add_patient(Patient(name="Robin", birth_date=date(1960, 4, 3))).record_id
    j.add_medication(pid, Medication(name="Baclofen 10 mg", drug="baclofen", strength=Quantity(10, Unit.MG),
                                     regimens=[Regimen(start=date(2026, 11, 20), dose=Quantity(10, Unit.MG),
                                                       times=[time(8), time(20)])]))
    j.add_medication(pid, Medication(name="Paracetamol 500 mg", strength=Quantity(500, Unit.MG), as_needed=True,
                                     regimens=[Regimen(start=date(2026, 11, 20), dose=Quantity(500, Unit.MG),
                                                       times=[])]))
    window = build_window(j, clock, tray_available=False)
    qtbot.addWidget(window)
    window.session.set_patient(pid)
    try:
        yield window
    finally:
        window.close()
        j.close()
        install_language(app, None)


def test_spanish_from_the_locale_reaches_every_tab_and_leaves_no_english_text(spanish_window) -> None:  # noqa: ANN001
    from translations_qt_es import QT_ES

    w = spanish_window
    shown: set[str] = set()
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        shown |= _shown_texts(w)
    # What a person sees, in Spanish.
    assert [w.tabs.tabText(i) for i in range(3)] == ["&Hoy", "&Síntoma", "&Medida"]
    assert w.today.title.text() == "Hoy, lunes 23 de noviembre: Robin"
    assert w.today.slot_button("Baclofen 10 mg", "20:00").text() == "Dada ahora"
    assert "Comprimidos de 10 mg \u2022 dos veces al día" in shown
    assert "Paracetamol 500 mg (a demanda)" in shown
    assert "Anotar una medida" in shown and "Medicamentos y pautas" in shown and "Bomba intratecal" in shown
    symptoms = [w.symptom_form.symptom.itemText(i) for i in range(w.symptom_form.symptom.count())]
    assert "Convulsión (crisis)  (emergencia)" in symptoms and "Temblor" in symptoms  # the catalog's Spanish names
    # Nothing the window says is left in English: no text on screen is an English source text
    # that has a different Spanish one (a text outside tr(), or tr() under the wrong context).
    english = {source for source, text in QT_ES.items() if source != text}
    assert sorted(shown & english) == []


def test_spanish_form_errors_and_confirmations(spanish_window) -> None:  # noqa: ANN001
    w = spanish_window
    w.tabs.setCurrentWidget(w.vitals_form)
    w.vitals_form.value.setText("101.3")  # a Fahrenheit number in a Celsius journal
    w.vitals_form.save()
    assert "101,3 parece Fahrenheit. En Celsius son 38,5" in w.vitals_form.error.text()  # the language's decimal mark
    w.vitals_form.value.setText("38.2")
    w.vitals_form.save()
    assert w.vitals_form.result.text().startswith("\u2714 Anotado: Temperatura, hoy ")
    w.tabs.setCurrentWidget(w.medicines)
    w.medicines.select("Baclofen 10 mg")
    details = w.medicines.details.text()
    assert "Forma: Comprimidos" in details and "Pauta (la más antigua primero):" in details
    assert "a las 08:00, 20:00" in details


def test_the_window_stays_english_without_a_spanish_locale(qtbot, tmp_path: Path,  # noqa: ANN001
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from journal.services.journal import Journal
    from journal.services.regional import chosen_language
    from journal.ui.shell.main_window import build_window
    from journal.ui.shell.translation import install_language

    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert install_language(QApplication.instance(), chosen_language()) == "en"
    clock = FixedClock(datetime(2026, 11, 23, 15, 30, tzinfo=TZ))
    j = Journal.open(tmp_path / "en.sqlite3", clock)
    window = build_window(j, clock, tray_available=False)
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "&Today" and window.welcome.add_button.text() == "Add the person you care for"
    window.close()
    j.close()


def test_every_dialog_of_the_window_speaks_spanish(qtbot, spanish_window, tmp_path: Path) -> None:  # noqa: ANN001
    """The dialogs a caregiver opens (Settings, a dose at another time, correcting an entry, a new
    medicine, a dose change, a taper, a stop, limits, stock, About, the report, the guide, a journal
    that cannot be opened) show no English source text of the window."""
    from translations_qt_es import QT_ES

    from journal.domain import DoseStatus
    from journal.ui.dialogs.correction_dialog import CorrectionDialog
    from journal.ui.dialogs.dose_dialog import DoseDialog
    from journal.ui.dialogs.medicine_dialog import MedicationDialog
    from journal.ui.dialogs.medicine_limits import LimitsDialog, StockDialog
    from journal.ui.dialogs.recovery import RecoveryDialog
    from journal.ui.dialogs.report_dialog import ReportDialog
    from journal.ui.dialogs.schedule_change import RegimenDialog, StopDialog
    from journal.ui.dialogs.settings_dialog import SettingsDialog
    from journal.ui.shell.about import AboutDialog

    w = spanish_window
    s = w.session
    now, today = s.now(), s.now().date()
    meds = list(s.journal.list_medications(s.patient_id))
    tablets = meds[0]
    w.today.give_now(w.today._row("Baclofen 10 mg", "08:00").sv)  # an entry to correct
    qtbot.waitUntil(lambda: w.today.slot_state("Baclofen 10 mg", "08:00") == "given")  # written a turn later
    w.tabs.setCurrentWidget(w.history)
    w.history.refresh()
    entry = next(e for e in w.history.entries if e.entity == "dose")
    dialogs = [
        SettingsDialog(s.settings, w), CorrectionDialog(entry, s.tz, now, w),
        DoseDialog(tablets, tz=s.tz, now=now, default_time=now, amount=None, scheduled=None,
                   submit=lambda d: None, parent=w, choices=meds),
        MedicationDialog(today, lambda m: None, w),
        RegimenDialog(tablets, today, taper=False, preview=lambda r: [], submit=lambda r: None,
                      emergency_number="112", parent=w),
        RegimenDialog(tablets, today, taper=True, preview=lambda r: [], submit=lambda r: None,
                      emergency_number="112", parent=w),
        StopDialog(tablets, today, preview=lambda r: [], submit=lambda r: None, emergency_number="112", parent=w),
        LimitsDialog(meds[1], lambda c, limits: None, w),
        StockDialog(tablets, tz=s.tz, now=s.now, current="", submit=lambda e: None, parent=w),
        AboutDialog(tmp_path / "es.sqlite3", tmp_path / "backups", w),
        ReportDialog(s.journal, s.patient_id, s.now, w),
        RecoveryDialog(ValueError("damaged: malformed"), tmp_path / "es.sqlite3", None, s.tz, w),
    ]
    w.show_topic("when-to-call")
    dialogs.append(w.reference)
    # The guide's topic titles come from the reference pages (their Spanish is the reference's own
    # test's business); a window text that is also a title ("About this guide") is checked elsewhere.
    titles = {line.split(":", 1)[1].strip() for page in (ROOT / "resources" / "reference").glob("*.md")
              for line in page.read_text(encoding="utf-8").splitlines()[:5] if line.startswith("title:")}
    english = {source for source, text in QT_ES.items() if source != text} - titles
    left = {type(d).__name__: sorted(_shown_texts(d) & english) for d in dialogs}
    assert w.reference.view.notice.accessibleName() == "Sobre esta guía"
    assert {name: texts for name, texts in left.items() if texts} == {}
    assert dialogs[0].windowTitle() == "Ajustes" and "Guardar los ajustes" in _shown_texts(dialogs[0])
    assert "C&antidad:" in _shown_texts(dialogs[2]) and "Guardar esta dosis" in _shown_texts(dialogs[2])
    assert "Ya dada" == w.today._row("Baclofen 10 mg", "08:00").given_button.text()
    assert entry.record.status is DoseStatus.TAKEN
    for d in dialogs:
        d.close()


def test_month_and_day_names_follow_the_window_language(qapp) -> None:  # noqa: ANN001
    from types import SimpleNamespace

    from journal.ui.shell.translation import install_language
    from journal.ui.widgets.formatting import DATE_FORMATS, date_example, fmt_date, long_day

    settings = SimpleNamespace(date_format="%d %b %Y", timezone="")
    day = date(2026, 11, 23)
    assert [date_example(p) for p in DATE_FORMATS] == list(DATE_FORMATS.values())  # English as before
    assert fmt_date(day, settings) == "23 Nov 2026" and long_day(day) == "Monday 23 November"
    install_language(qapp, "es")
    try:
        assert fmt_date(day, settings) == "23 nov 2026"
        assert date_example("%b %d, %Y") == "nov 23, 2026" and date_example("%d/%m/%Y") == "23/11/2026"
        assert long_day(day) == "lunes 23 de noviembre"
        assert long_day(day, year=True) == "lunes 23 de noviembre de 2026"
    finally:
        install_language(qapp, None)
    assert fmt_date(day, settings) == "23 Nov 2026"


def test_an_as_needed_schedule_reads_right_in_both_languages(qapp) -> None:  # noqa: ANN001
    """A schedule with no fixed times said "500 mg at as needed" (and would have said "a las a
    demanda" in Spanish)."""
    from types import SimpleNamespace

    from journal.ui.screens.medicines_view import regimen_text
    from journal.ui.shell.translation import install_language

    m = Medication(name="Paracetamol 500 mg", strength=Quantity(500, Unit.MG), as_needed=True,
                   regimens=[Regimen(start=date(2026, 11, 20), dose=Quantity(500, Unit.MG), times=[])])
    settings = SimpleNamespace(date_format="%Y-%m-%d", time_format="%H:%M", timezone="")
    assert regimen_text(m.regimens[0], m, settings) == "from 2026-11-20: 500 mg = 1 tablet of 500 mg as needed"
    install_language(qapp, "es")
    try:
        assert regimen_text(m.regimens[0], m, settings) == "desde el 2026-11-20: 500 mg = 1 comprimido de 500 mg a demanda"
    finally:
        install_language(qapp, None)


# -- every alert family in Spanish ------------------------------------------------------------------

# Connecting words of English sentences: none may be left in a Spanish alert (names, notes and the
# sources' short keys are the journal's own and stay as they were written).
ENGLISH_WORDS = (" the ", " and ", " with ", " was ", " were ", " is ", " are ", " for ", " not ", " from ",
                 " after ", " dose ", " doses ", " call ", " today")


def _spanish_alerts() -> dict[str, list]:  # noqa: ANN401 - Alert lists by rule
    from tests.rules.support import check
    from tests.rules.test_safety_scenarios import every_rule_scenarios

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
    from tests.rules.support import at, check, history, only, steady, symptom

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
    from tests.rules.support import at, check, history, only, steady, symptom

    now = at("2026-10-20T15:00")
    m, doses = steady(now)
    alert = only(check(history(now, [m], doses=doses, symptoms=[symptom("seizure", at("2026-10-20T14:30"))]),
                       now, emergency_number="112"), "red-flag-symptom")
    assert alert.title == "Emergency sign logged: seizure (fit)"
    assert alert.advice.startswith("Call 112 now.")


# -- the command line in Spanish, chosen from LANG ---------------------------------------------------

def test_check_and_an_unknown_symptom_are_in_spanish_from_lang(tmp_path: Path) -> None:
    import json

    from tests.conftest import minimal_document

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


# -- the shared journal's connection words in Spanish ------------------------------------------------

def _connection_words(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """What the connect dialog says for an unreachable server, an empty database (with the command
    that sets it up), a viewer's login and a port that is not a number, in the language in use."""
    from journal.services.errors import ValidationError
    from journal.services.shared_connection import (
        ServerDetails,
        check_connection,
        details_from_fields,
        explain_failure,
        ssl_mode_words,
    )
    from journal.storage import probe

    d = ServerDetails(host="db.example.org", port=5432, database="care", user="ana")
    monkeypatch.setattr(probe, "probe", lambda url, password=None: probe.ServerState(
        role="ana", schema="empty", can_read=False, can_write=False))
    empty = check_connection(d, "pw")
    monkeypatch.setattr(probe, "probe", lambda url, password=None: probe.ServerState(
        role="ana", schema="current", can_read=True, can_write=False))
    viewer = check_connection(d, "pw")
    assert (empty.ok, empty.field, viewer.ok, viewer.access) == (False, "database", True, "viewer")
    with pytest.raises(ValidationError) as port:
        details_from_fields("db.example.org", "54x", "care", "ana", "require")
    assert port.value.field == "port"
    words, field = explain_failure('connection to server at "db.example.org" (10.0.0.5), port 5432 failed: '
                                   "Connection refused", d)
    assert field == "server"
    return {"unreachable": words, "empty": empty.words, "viewer": viewer.words, "port": port.value.message,
            "tls": ssl_mode_words("require")}


def test_a_connection_failure_reads_in_spanish_and_is_unchanged_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    init = "carejournal --db postgresql://ana@db.example.org:5432/care?sslmode=require init"
    english = _connection_words(monkeypatch)
    assert english == {
        "unreachable": "The server db.example.org could not be reached on port 5432. Check the name and port, that "
                       "this computer is online, and that the server is running.",
        "empty": "The database care on db.example.org has no journal yet. Ask whoever runs the server to set it up "
                 f"with: {init}",
        "viewer": "Read-only: ana is a viewer of this shared journal. You can look at it, see the alerts and print "
                  "the report, but not log or change anything (the server refuses changes from this login).",
        "port": '"54x" is not a port; use a number from 1 to 65535 (usually 5432)',
        "tls": "encrypted (recommended)"}
    set_language("es")
    try:
        spanish = _connection_words(monkeypatch)
    finally:
        set_language(None)
    assert spanish == {
        "unreachable": "No se pudo llegar al servidor db.example.org en el puerto 5432. Compruebe el nombre y el "
                       "puerto, que este ordenador tiene conexión a internet y que el servidor está en marcha.",
        "empty": "La base de datos care en db.example.org aún no tiene diario. Pida a quien administra el servidor "
                 f"que lo prepare con: {init}",
        "viewer": "Solo lectura: ana solo puede consultar este diario compartido. Puede verlo, ver los avisos e "
                  "imprimir el informe, pero no anotar ni cambiar nada (el servidor rechaza los cambios de este "
                  "usuario).",
        "port": '"54x" no es un puerto; use un número del 1 al 65535 (normalmente 5432)',
        "tls": "cifrado (recomendado)"}
    assert _connection_words(monkeypatch) == english  # back to English, word for word


def test_the_connect_dialog_shows_the_encryption_modes_and_an_open_failure_in_spanish(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from journal.services.shared_connection import explain_open_failure
    from journal.ui.dialogs.connect_dialog import ConnectDialog
    from journal.ui.shell.translation import install_language

    url = "postgresql://ana@db.example.org:5432/care?sslmode=require"
    install_language(QApplication.instance(), "es")
    try:
        problem = explain_open_failure("the shared journal db.example.org/care needs setting up or upgrading", url)
        dlg = ConnectDialog(None, current_url=url, problem=problem, keyring_reason=lambda: None)
        qtbot.addWidget(dlg)
        modes = [dlg.sslmode.itemText(i) for i in range(dlg.sslmode.count())]
    finally:
        install_language(QApplication.instance(), None)
    assert "require: cifrado (recomendado)" in modes
    assert "disable: sin cifrar (solo en este ordenador o en una red de su confianza)" in modes
    assert problem == ("Antes hay que preparar o actualizar el diario del servidor. Pida a quien administra el "
                       f"servidor que ejecute: carejournal --db {url} init", "")


def test_the_start_at_login_entry_is_described_in_the_language_in_use(tmp_path: Path) -> None:
    from journal.services.autostart import Autostart

    entry = Autostart(["/usr/bin/carejournal-gui", "--minimised"], platform="linux", home=tmp_path, env={},
                      config_dir=tmp_path / "config")
    english = entry.desktop_entry()
    assert "\nComment=Medication reminders for the person you care for\n" in english
    set_language("es")
    try:
        spanish = entry.desktop_entry()
    finally:
        set_language(None)
    assert "\nComment=Recordatorios de medicamentos para la persona que cuida\n" in spanish
    assert spanish.replace("Recordatorios de medicamentos para la persona que cuida",
                           "Medication reminders for the person you care for") == english
    assert entry.desktop_entry() == english

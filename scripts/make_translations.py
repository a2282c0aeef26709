"""`make translations`: the gettext catalog (.pot -> es .po -> .mo, with Babel) for the non-Qt
layers, and the window's Qt catalog (.ts -> .qm, with pyside6-lupdate / pyside6-lrelease).

Run from the checkout: python scripts/make_translations.py. A text with no translation is left
empty in the .po and the completeness test names it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(1, str(ROOT))  # journal.domain.plural, run from a checkout

from translations_es import ES  # noqa: E402
from translations_qt_es import QT_ES  # noqa: E402

from journal.domain.plural import COUNTED_WORDS, counted_message  # noqa: E402

# Window files whose words go through tr(): every module of journal/ui (a new file is checked
# automatically), except these, which hold no word a person reads (only names, keys and plumbing).
QT_EXCLUDED = {
    "journal/ui/__init__.py",  # empty package marker
    "journal/ui/widgets/catalog.py",  # symptom choices: their words come from the catalog (resources/symptoms.json)
    "journal/ui/shell/reminders.py",  # the reminder timer: keys and times; its texts are made in ui/shell/due.py
    "journal/ui/widgets/screen_fit.py",  # window sizes kept in QSettings
    "journal/ui/shell/single_instance.py",  # the one-window doorbell (a local socket name)
    "journal/ui/shell/translation.py",  # installs the catalogs
}
QT_SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "journal" / "ui").rglob("*.py")
                    if str(p.relative_to(ROOT)) not in QT_EXCLUDED)


# The texts of the knowledge files a person reads (alerts quote them): each becomes a message of the
# gettext catalog, and the code translates it with _() where it is shown, never at load time.
DRUG_TEXT_FIELDS = ("display_name", "stopping.risk", "stopping.watch_for", "stopping.call", "interactions[].label")
SYMPTOM_TEXT_FIELDS = ("symptoms[].label",)


# argparse's own words as Python 3.11-3.13 write them (the command line hands argparse our _()).
ARGPARSE_TEXTS = ("usage: ", "positional arguments", "options", "show this help message and exit",
                  "argument %(argument_name)s: %(message)s", "unrecognized arguments: %s",
                  "the following arguments are required: %s", "one of the arguments %s is required",
                  "not allowed with argument %s", "expected one argument", "expected at most one argument",
                  "expected at least one argument", "ambiguous option: %(option)s could match %(matches)s",
                  "invalid %(type)s value: %(value)r", "invalid choice: %(value)r (choose from %(choices)s)")


def _field_texts(doc: object, path: str) -> list[str]:
    head, _, rest = path.partition(".")
    many = head.endswith("[]")
    key = head.removesuffix("[]")
    value = doc.get(key) if isinstance(doc, dict) else None
    items = (value or []) if many else ([] if value is None else [value])
    if not rest:
        return [v for v in items if isinstance(v, str) and v]
    return [t for item in items for t in _field_texts(item, rest)]


def json_texts() -> list[str]:
    """Every text of resources/drugs/*.json and resources/symptoms.json that the alerts show, in order."""
    out: list[str] = []
    for f in sorted((ROOT / "resources" / "drugs").glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        out += [t for field in DRUG_TEXT_FIELDS for t in _field_texts(doc, field)]
    doc = json.loads((ROOT / "resources" / "symptoms.json").read_text(encoding="utf-8"))
    out += [t for field in SYMPTOM_TEXT_FIELDS for t in _field_texts(doc, field)]
    return list(dict.fromkeys(out))


def gettext_catalog() -> None:
    subprocess.run([str(BIN / "pybabel"), "extract", "-F", "babel.cfg", "--no-location", "--omit-header",
                    "--sort-output", "-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2",
                    "-k", "NP_:1c,2", "--ignore-dirs=ui",
                    "-o", str(LOCALE / "carejournal.pot"), "journal"], cwd=ROOT, check=True, capture_output=True)
    with open(LOCALE / "carejournal.pot", "rb") as f:
        template = read_po(f)
    for text in (*json_texts(), *ARGPARSE_TEXTS):
        if text not in template:
            template.add(text, auto_comments=["resources/*.json"])
    for one, many in COUNTED_WORDS:  # counted(n, "time") builds "{n} time" / "{n} times" (domain/plural.py)
        pair = counted_message(one, many)
        if pair[0] not in template:
            template.add(pair, auto_comments=["journal/domain/plural.py COUNTED_WORDS"])
    with open(LOCALE / "carejournal.pot", "wb") as f:
        write_po(f, template, omit_header=True, no_location=True, sort_output=True)
    with open(LOCALE / "carejournal.pot", "rb") as f:
        catalog = read_po(f, locale="es")
    catalog.project, catalog.version, catalog.fuzzy = "CareJournal", "1", False
    catalog.copyright_holder = "the CareJournal authors"
    forms = catalog.num_plurals
    for message in catalog:
        if message.id:
            key = (message.context, message.id) if message.context else message.id  # ES: (context, text) keys
            text = ES.get(key, ("",) if message.pluralizable else "")
            if message.pluralizable:  # Spanish has a third form for millions: like the plural here
                text = tuple(text) + (text[-1],) * (forms - len(text))
            message.string = text
    out = LOCALE / "es" / "LC_MESSAGES"
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "carejournal.po", "wb") as f:
        write_po(f, catalog, omit_header=False, no_location=True, sort_output=True)
    with open(out / "carejournal.mo", "wb") as f:
        write_mo(f, catalog)


def qt_catalog() -> None:
    ts = LOCALE / "carejournal_es.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), *QT_SOURCES, "-no-obsolete", "-locations", "none",
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = QT_ES.get(source)
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                translation.text = ""
                translation.set("type", "unfinished")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(LOCALE / "carejournal_es.qm")],
                   cwd=ROOT, check=True, capture_output=True)


if __name__ == "__main__":
    gettext_catalog()
    qt_catalog()

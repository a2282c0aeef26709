"""The window's words in the person's language: Qt's tr() with `resources/locale/carejournal_<lang>.qm`
(made with pyside6-lrelease from the `.ts` beside it), plus Qt's own catalog for its standard
buttons. The language is the one journal.domain.i18n uses for alerts and the report, so the
window and what it shows from the layers below always agree."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from journal.domain.i18n import LOCALE_DIR, SOURCE_LANGUAGE, set_language

# Marks a window text for the catalog where it is defined (a table of words), translated where it is
# shown with QCoreApplication.translate(context, text). PySide6's stubs say it returns object; it
# returns the text it was given. Import it from here (pyside6-lupdate finds it by its name).
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)

_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, language: str | None) -> str:
    """Use `language` ("es", None for English) for the window and for the text built below it.
    Replaces any earlier choice; returns the language in use."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    used = set_language(language)
    if used == SOURCE_LANGUAGE:
        return used
    ours = QTranslator(app)
    if ours.load(str(LOCALE_DIR / f"carejournal_{used}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(used), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return used

"""The offline reference reader: topic list, search with highlighted snippets, the topic text.

Any alert can open its topic with `show_topic(alert.reference)`. The emergency number comes
from settings through `set_emergency_number`. Text sizes follow the system font (we only
scale it, never set pixel sizes). Printing goes through `print_dialog_factory`, which tests
replace so no dialog ever blocks.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal.reference import MARK_END, MARK_START, Hit, ReferenceLibrary, default_library
from journal.reference.library import STYLE
from journal.reference.markup import TOPIC_SCHEME

from ..widgets.style import set_scaled_font
from ..widgets.widgets import fit_placeholder

TOPIC_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
FALLBACK_TOPIC = "when-to-call"
_HIGHLIGHT = '<span style="background-color:#fff176; color:#000000; font-weight:bold;">'

PrintDialogFactory = Callable[[QPrinter, QWidget], Any]


class _HtmlItemDelegate(QStyledItemDelegate):
    """Draws a list item's rich text (title plus highlighted snippet), wrapped to the list width."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or html.escape(str(index.data() or ""))))
        width = option.rect.width()
        if width <= 0 and isinstance(option.widget, QListWidget):
            width = option.widget.viewport().width()
        doc.setTextWidth(max(120, width - 8))
        return doc

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.save()
        painter.translate(opt.rect.left() + 4, opt.rect.top() + 2)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()) + 8, int(doc.size().height()) + 6)


class ReferenceView(QWidget):
    """Reads the offline reference. Emits `topic_shown(topic_id)` whenever a topic is displayed."""

    topic_shown = Signal(str)

    def __init__(
        self,
        library: ReferenceLibrary | None = None,
        emergency_number: str = "911",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library or default_library()
        self.emergency_number = emergency_number.strip() or "911"
        self.print_dialog_factory: PrintDialogFactory = QPrintDialog
        self._current: str | None = None
        self._history: list[str] = []
        self.setAccessibleName(self.tr("Offline guide"))

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setAccessibleName(self.tr("About this guide"))
        set_scaled_font(self.notice, 1.0, bold=False)

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search the guide, for example: missed dose"))
        self.search_box.setClearButtonEnabled(True)
        fit_placeholder(self.search_box)
        self.search_box.setAccessibleName(self.tr("Search the guide"))
        self.search_box.setAccessibleDescription(self.tr("Type a few words. Results appear below as you type."))
        set_scaled_font(self.search_box, 1.1)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search_box)

        self.results_label = QLabel(self.tr("Results"))
        set_scaled_font(self.results_label, 1.0, bold=True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setItemDelegate(_HtmlItemDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results_label.setBuddy(self.results)

        topics_label = QLabel(self.tr("&Topics"))
        set_scaled_font(topics_label, 1.0, bold=True)
        self.topic_list = QListWidget()
        self.topic_list.setAccessibleName(self.tr("Topics"))
        set_scaled_font(self.topic_list, 1.1)
        self.topic_list.setWordWrap(True)
        self.topic_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        topics_label.setBuddy(self.topic_list)
        for topic in self.library.topics():
            item = QListWidgetItem(topic.title)
            item.setData(TOPIC_ROLE, topic.id)
            self.topic_list.addItem(item)

        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("Topic text"))
        self.browser.document().setDefaultStyleSheet(STYLE)
        set_scaled_font(self.browser, 1.15)
        self.browser.document().setDefaultFont(self.browser.font())

        self.back_button = QPushButton(self.tr("\u25c0 &Back"))
        self.back_button.setAccessibleName(self.tr("Back to the previous topic"))
        self.back_button.setEnabled(False)
        self.print_button = QPushButton(self.tr("&Print this topic\u2026"))
        self.print_button.setAccessibleName(self.tr("Print this topic"))

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.search_box, 1)
        lv.addLayout(row)
        lv.addWidget(self.results_label)
        lv.addWidget(self.results, 2)
        lv.addWidget(topics_label)
        lv.addWidget(self.topic_list, 3)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.notice)
        rv.addWidget(self.browser, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        rv.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        QWidget.setTabOrder(self.search_box, self.results)
        QWidget.setTabOrder(self.results, self.topic_list)
        QWidget.setTabOrder(self.topic_list, self.browser)
        QWidget.setTabOrder(self.browser, self.back_button)
        QWidget.setTabOrder(self.back_button, self.print_button)

        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(self.focus_search)
        back_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self)
        back_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back_shortcut.activated.connect(self.go_back)

        self.search_box.textChanged.connect(self._update_results)
        self.search_box.returnPressed.connect(self._open_first_result)
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        self.topic_list.itemActivated.connect(self._open_item)
        self.topic_list.itemClicked.connect(self._open_item)
        self.topic_list.currentItemChanged.connect(lambda item, _prev: self._open_item(item))
        self.browser.anchorClicked.connect(self._follow_link)
        self.back_button.clicked.connect(self.go_back)
        self.print_button.clicked.connect(self.print_topic)

        self._update_notice()
        self._update_results("")
        self.show_topic(FALLBACK_TOPIC)
        self._history.clear()
        self.back_button.setEnabled(False)

    # ------------------------------------------------------------------ public

    @property
    def current_topic(self) -> str | None:
        return self._current

    def show_topic(self, topic_id: str) -> bool:
        """Display a topic. An id we do not know opens the 'when to call' guide and returns False."""
        known = topic_id in self.library
        target = topic_id if known else FALLBACK_TOPIC
        if self._current and self._current != target:
            self._history.append(self._current)
        self._current = target
        self._render()
        self.back_button.setEnabled(bool(self._history))
        self._select_in_topic_list(target)
        self.topic_shown.emit(target)
        return known

    def set_emergency_number(self, number: str) -> None:
        self.emergency_number = number.strip() or "911"
        self._update_notice()
        self._render()

    def search(self, text: str) -> None:
        """Put words in the search box (as if typed); results update."""
        self.search_box.setText(text)

    def result_ids(self) -> list[str]:
        return [str(self.results.item(i).data(TOPIC_ROLE)) for i in range(self.results.count())]

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def go_back(self) -> None:
        if not self._history:
            return
        previous = self._history.pop()
        self._current = previous
        self._render()
        self._select_in_topic_list(previous)
        self.back_button.setEnabled(bool(self._history))
        self.topic_shown.emit(previous)

    def print_topic(self) -> bool:
        """Ask where to print, then print the topic shown. False when the person cancels."""
        if self._current is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.library.get(self._current).title)
        dialog = self.print_dialog_factory(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        doc = QTextDocument()
        doc.setDefaultStyleSheet(STYLE)
        doc.setDefaultFont(self.browser.font())
        doc.setHtml(self.library.render_html(self._current, self.emergency_number, standalone=True))
        doc.print_(printer)
        return True

    # ------------------------------------------------------------------ internals

    def _render(self) -> None:
        if self._current is None:
            return
        self.browser.setHtml(self.library.render_html(self._current, self.emergency_number))
        self.browser.verticalScrollBar().setValue(0)

    def _update_notice(self) -> None:
        number = html.escape(self.emergency_number)
        self.notice.setText(self.tr("This guide is <b>not medical advice</b>. In an emergency, call <b>{number}</b>."
                                    ).format(number=number))

    def _update_results(self, text: str) -> None:
        self.results.clear()
        words = text.strip()
        self.results.setVisible(bool(words))
        self.results_label.setVisible(bool(words))
        if not words:
            return
        hits = self.library.search(words, limit=10)
        if not hits:
            item = QListWidgetItem(self.tr("Nothing found. Try other words, or pick a topic below."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
            self.results_label.setText(self.tr("Results"))
            return
        self.results_label.setText(self.tr("Results ({n})").format(n=len(hits)))
        for hit in hits:
            self.results.addItem(self._result_item(hit))

    def _result_item(self, hit: Hit) -> QListWidgetItem:
        plain = " ".join(hit.snippet_text("", "").split())
        item = QListWidgetItem(f"{hit.title}: {plain}")
        item.setData(TOPIC_ROLE, hit.topic_id)
        snippet = html.escape(" ".join(hit.snippet.split()), quote=False)
        snippet = snippet.replace(MARK_START, _HIGHLIGHT).replace(MARK_END, "</span>")
        item.setData(HTML_ROLE, f"<b>{html.escape(hit.title, quote=False)}</b><br>{snippet}")
        item.setToolTip(plain)
        return item

    def _open_first_result(self) -> None:
        if self.results.count() and self.results.item(0).data(TOPIC_ROLE):
            self.results.setCurrentRow(0)
            self._open_item(self.results.item(0))

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        topic_id = item.data(TOPIC_ROLE)
        if topic_id and topic_id != self._current:
            self.show_topic(str(topic_id))

    def _follow_link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith(TOPIC_SCHEME):
            self.show_topic(target[len(TOPIC_SCHEME) :])

    def _select_in_topic_list(self, topic_id: str) -> None:
        self.topic_list.blockSignals(True)
        try:
            for i in range(self.topic_list.count()):
                if self.topic_list.item(i).data(TOPIC_ROLE) == topic_id:
                    self.topic_list.setCurrentRow(i)
                    break
        finally:
            self.topic_list.blockSignals(False)

    def topic_text(self) -> str:
        """What the reader shows now, as plain text (for tests and screen readers)."""
        return self.browser.toPlainText()

"""The journal's tables for spreadsheet programs: one CSV file per table, or one .xlsx workbook
with a sheet per table (exchange.export_tables gives the tables, with typed cells).

A cell of text that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a
tab or a carriage return: OWASP's list for CSV injection) is written so that it shows as text:
in CSV with a leading apostrophe, in xlsx as a text cell. In xlsx numbers are numbers and times
are date-times (wall-clock time in the journal's zone, as in the CSV files), so a spreadsheet in
any language can sort and add them; the CSV files keep `YYYY-MM-DD HH:MM` and `.` decimals."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from journal.domain.i18n import _

from .errors import ValidationError
from .exchange import Journal, Table, export_tables

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TIME = "%Y-%m-%d %H:%M"
XLSX_TIME = "yyyy-mm-dd hh:mm"
XLSX_DATE = "yyyy-mm-dd"
MAX_SHEET_ROWS = 1_048_576  # Excel's and LibreOffice's limit per sheet, the header row included
MAX_COLUMN_WIDTH = 60  # characters; a longer note runs on (the full text is in the cell)


def reads_as_formula(text: str) -> bool:
    """Whether a spreadsheet program would take this text for a formula."""
    return text.startswith(FORMULA_STARTS)


def csv_text(value: Any) -> str:
    """One CSV cell: nothing for None, times as YYYY-MM-DD HH:MM, numbers without a trailing .0,
    and text that would read as a formula behind an apostrophe (shown as text)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(CSV_TIME)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, bool | int):
        return str(value)
    text = str(value)
    return "'" + text if reads_as_formula(text) else text


def write_csv(tables: dict[str, Table], out_dir: Path, journal_path: Path | str | None = None) -> list[Path]:
    """One `<table>.csv` per table in `out_dir` (made if missing), UTF-8 with a BOM so spreadsheet
    programs read accents correctly. Each file is written whole or not at all (services.output: a
    full disk leaves the earlier file of that name, and raises OutputError). Returns the files.

    Never replaces anything: raises ValidationError("OUT", ...) when the folder already holds a
    file (or link) of one of the names written, before writing any."""
    from .output import write_bytes

    taken = [f"{name}.csv" for name in tables if os.path.lexists(out_dir / f"{name}.csv")]
    if taken:
        raise ValidationError("OUT", _("{out_dir} already holds {value}; nothing was written. Choose a new or empty folder (CSV export never replaces files)").format(out_dir=out_dir, value=', '.join(taken)))
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in tables.items():
        path = out_dir / f"{name}.csv"
        text = io.StringIO(newline="")
        w = csv.writer(text)
        w.writerow([csv_text(h) for h in header])
        w.writerows([csv_text(v) for v in row] for row in rows)
        write_bytes(path, text.getvalue().encode("utf-8-sig"), journal_path=journal_path)
        written.append(path)
    return written


def export_xlsx(journal: Journal, out: Path, patient_name: str | None = None) -> dict[str, int]:
    """Write the journal (or one person) to the workbook `out`: one sheet per table, in the
    order of export_tables. Returns {table: number of rows}. Raises NotFound for an unknown
    person, OSError when the file cannot be written (the old file, if any, is then kept)."""
    tables = export_tables(journal, patient_name)
    write_xlsx(tables, out, created=journal.now())
    return {name: len(rows) for name, (_header, rows) in tables.items()}


def write_xlsx(tables: dict[str, Table], out: Path, created: datetime | None = None) -> None:
    """Write `tables` as a workbook at `out`, through a `.partial` file renamed at the end, readable
    by its owner only (it holds health records). openpyxl's write-only mode streams the rows
    instead of keeping a cell object for each value. A table longer than a sheet holds goes on
    over further sheets (see _sheets)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    if created is not None:
        book.properties.created = book.properties.modified = _naive(created)
    for name, (header, _rows), part in _sheets(tables):
        sheet = book.create_sheet(title=name)
        sheet.freeze_panes = "A2"
        for i, width in enumerate(_widths(header, part), start=1):
            sheet.column_dimensions[_column_letter(i)].width = width

        def cell(value: Any, sheet: Any = sheet, **style: Any) -> Any:
            c = WriteOnlyCell(sheet, value=value)
            for key, setting in style.items():
                setattr(c, key, setting)
            return c

        bold = Font(bold=True)
        sheet.append([cell(h, font=bold) for h in header])
        for row in part:
            sheet.append([_xlsx_cell(v, cell) for v in row])
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".partial")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            book.save(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _sheets(tables: dict[str, Table]) -> Iterable[tuple[str, Table, list[list[Any]]]]:
    """(sheet name, table, its rows on that sheet): a table longer than a sheet can hold goes on
    over "doses (2)", "doses (3)"... rather than being cut short."""
    per_sheet = MAX_SHEET_ROWS - 1
    for name, table in tables.items():
        rows = table[1]
        for start in range(0, max(len(rows), 1), per_sheet):
            k = start // per_sheet + 1
            yield (name if k == 1 else f"{name} ({k})"), table, rows[start:start + per_sheet]


def _xlsx_cell(value: Any, cell: Any) -> Any:
    """A plain value where openpyxl writes it right by itself; a styled cell for date-times and
    dates (shown as such), and for text openpyxl would otherwise store as a formula."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return cell(_naive(value), number_format=XLSX_TIME)
    if isinstance(value, date):
        return cell(value, number_format=XLSX_DATE)
    if isinstance(value, str):
        text = _printable(value)
        if text.startswith("="):
            return cell(text, data_type="s")  # text, shown as typed, never run
        return text
    return value


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _naive(at: datetime) -> datetime:
    """Spreadsheets have no time zones: the wall-clock time the journal shows."""
    return at.replace(tzinfo=None)


def _printable(text: str) -> str:
    """XML (and so xlsx) cannot hold most control characters: each becomes U+FFFD, so a note
    with one is still written, visibly marked, instead of failing the whole export."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))


def _widths(header: list[str], rows: Iterable[list[Any]]) -> list[int]:
    widths = [len(h) + 2 for h in header]
    for row in rows:
        for i, v in enumerate(row):
            size = 16 if isinstance(v, datetime) else len(str(v)) + 2 if v is not None else 0
            widths[i] = max(widths[i], min(size, MAX_COLUMN_WIDTH))
    return widths

"""`carejournal report --patient NAME [--from DATE] [--to DATE] --out FILE.pdf`."""

from __future__ import annotations

import argparse
from datetime import date

from journal.domain.i18n import _, ngettext
from journal.services.errors import ValidationError

from . import Context


def parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(option, _('"{text}" is not a date (write it as YYYY-MM-DD, e.g. 2026-10-01)').format(
            text=text)) from None


def run(args: argparse.Namespace, ctx: Context) -> int:
    from journal.services import reports

    start = parse_day(args.start, "--from")
    end = parse_day(args.end, "--to")
    from journal.cli.core import check_out_file

    journal = ctx.journal()
    # Never write a PDF over the journal, a backup or a folder.
    out = check_out_file(str(args.out), journal.path, arg="--out")
    data = reports.build_for(journal, args.patient, start, end, now=ctx.now())
    pages = reports.write_pdf(data, out, journal_path=journal.path)  # paper size: the system's locale
    h = data.header
    print(ngettext("report: wrote {out} ({n} page) for {person}, {start} to {end}",
                   "report: wrote {out} ({n} pages) for {person}, {start} to {end}", pages).format(
        out=out, n=pages, person=h.person, start=h.period_start.isoformat(), end=h.period_end.isoformat()),
        file=ctx.out)
    if not data.alerts_checked:
        print(_("report: note: the safety checks could not be run for this period; the report says so in its "
                "alerts section"), file=ctx.err)
    return 0

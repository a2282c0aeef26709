"""The journal's own commands: import, export, log-dose, log-symptom, log-reading, backup, restore.

Each is `cmd_x(args, ctx) -> exit code` and only calls the journal service.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from typing import Any

from journal.domain import Alert
from journal.domain.i18n import N_, _, ngettext
from journal.domain.shown import status_name
from journal.knowledge import default_catalog
from journal.services.checks import write_and_compare
from journal.services.errors import ValidationError
from journal.services.journal import Journal
from journal.services.validation import check_plausible_time

from . import EXIT_OK, Context, prepare_journal_path

# The severity as the first word of an alert on the command line (check, and the lines a write prints).
SEVERITY_WORDS = {"emergency": N_("EMERGENCY"), "urgent": N_("URGENT"), "warning": N_("WARNING"), "info": N_("INFO")}


def parse_time(text: str | None, tz: tzinfo, now: datetime, arg: str = "--at") -> datetime:
    """`2026-10-01T08:00` (in the journal's zone unless it has an offset), `08:00` (today),
    `now`, or nothing (now). Raises ValidationError naming the argument."""
    if text is None or text.strip().lower() in ("", "now"):
        return now
    s = text.strip()
    try:
        if len(s) <= 5 and ":" in s:
            clock = time.fromisoformat(s)
            return datetime.combine(now.astimezone(tz).date(), clock, tzinfo=tz)
        value = datetime.fromisoformat(s.replace(" ", "T", 1) if "T" not in s else s)
    except ValueError:
        raise ValidationError(arg, _('"{text}" is not a time (write it like 2026-10-01T08:00 or 08:00)').format(
            text=text)) from None
    value = value if value.tzinfo is not None else value.replace(tzinfo=tz)
    check_plausible_time(value, arg)  # the same years as every other path
    return value


def parse_day(text: str, arg: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(arg, _('"{text}" is not a date (write it like 2026-10-01)').format(text=text)) from None


def print_alerts(alerts: list[Alert], ctx: Context, number: str | None = None, dry_run: bool = False) -> None:
    """One line per alert, then where to read more, that it is not medical advice, and the
    emergency number (`number`, else the journal's). With `dry_run` the alerts are the ones an
    import would raise: said so first, and `check` cannot show them yet."""
    if alerts and dry_run:
        print(_("The import would raise:"), file=ctx.out)
    for a in alerts:
        who = a.patient + (f", {a.medication}" if a.medication else "")
        print(f"{_(SEVERITY_WORDS[a.severity.value])}: {a.title} ({who}). {a.message}".replace("\n", " "), file=ctx.out)
    if alerts:
        number = number or ctx.journal().get_settings().emergency_number
        where = "" if dry_run else _("Details and what to do: carejournal check.") + " "
        print(where + _("This is not medical advice; in an emergency call {number}.").format(number=number),
              file=ctx.out)


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from journal.services.exchange import NotStreamable, parse_document, read_document

    path: Path = args.file
    if not str(args.file).strip() or str(args.file) == ".":
        raise ValidationError("FILE", _("give the file to import"))
    if path.exists() and not path.is_file() and not path.is_dir():  # a device or pipe never ends
        raise ValidationError("FILE", _("{path} is a device or a pipe, not a file; give the JSON file to import").format(
            path=path))
    if not args.dry_run:
        # One person at a time (memory bounded by a person, not the file). A file laid out
        # otherwise, or with any problem, is rolled back and read whole below: the whole read
        # refuses it with the same message as always (the first problem in the document).
        done = None
        with _reading(path):
            f = path.open(encoding="utf-8-sig")
        with f:
            streamed = read_document(_ReadErrorsNamed(f, path))
            if streamed is not None:
                journal = ctx.journal()
                try:
                    done = write_and_compare(journal, lambda: journal.import_stream(*streamed))
                except (NotStreamable, ValidationError):
                    done = None  # rolled back: nothing was written
        if done is not None:
            print(done[0].describe(), file=ctx.out)
            print_alerts(done[1], ctx)
            return EXIT_OK
    with _reading(path):
        text = path.read_text(encoding="utf-8-sig")  # a BOM from some editors is fine
    doc = parse_document(text, str(path))
    if args.dry_run:
        from journal.services.import_preview import preview_import

        target: Path | Journal
        if ctx.shared_url is not None:
            target = ctx.journal()  # only read: copied into a private file first
        else:
            opened = ctx.journal().path if ctx.demo or ctx.db_path is None else ctx.db_path  # not opened
            target = Path(opened)
        preview = preview_import(target, doc, ctx.clock)
        print(preview.summary.describe(would=True) + " " + _("Nothing was written (--dry-run)."), file=ctx.out)
        print_alerts(preview.alerts, ctx, preview.emergency_number, dry_run=True)
        return EXIT_OK
    journal = ctx.journal()
    summary, raised = write_and_compare(journal, lambda: journal.import_document(doc))
    print(summary.describe(), file=ctx.out)
    print_alerts(raised, ctx)
    return EXIT_OK


class _ReadErrorsNamed:
    """A text file whose read errors are ValidationError naming the file (`_reading`), and only
    those: a failure of the journal while the import writes is not said to be the file's."""

    def __init__(self, f: Any, path: Path) -> None:
        self._f, self._path = f, path

    def read(self, size: int = -1) -> str:
        with _reading(self._path):
            return str(self._f.read(size))


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[None]:
    """The import file's read errors as ValidationError naming the file."""
    try:
        yield
    except FileNotFoundError:
        raise ValidationError(str(path), _("no such file")) from None
    except IsADirectoryError:
        raise ValidationError(str(path), _("is a folder; give the JSON file to import")) from None
    except UnicodeDecodeError:
        raise ValidationError(str(path), _("is not a text file (expected JSON in UTF-8)")) from None
    except OSError as e:
        raise ValidationError(str(path), _("cannot be read ({reason})").format(
            reason=(e.strerror or _("unreadable")).lower())) from None


def check_out_file(out: str, journal_path: Path | str, folder: bool = False, arg: str = "OUT") -> Path:
    """Refuse an OUT that would destroy something (the journal, its companions and backups, any
    journal file), a link, pipe or device, an odd name, or a file where a folder is wanted:
    journal.services.validation and journal.services.output decide."""
    from journal.services.output import check_output_path as protect_companions
    from journal.services.validation import check_output_path as plain_output_path

    path = protect_companions(out, journal_path, arg=arg, folder=folder)  # the more useful message first
    if not folder:
        plain_output_path(path, arg)
    return path


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    if args.patient is not None:
        journal.find_patient(args.patient)  # NotFound names --patient
    if args.format == "csv":
        if args.out == "-":
            raise ValidationError("OUT", _("CSV export needs a folder"))
        files = journal.export_csv(check_out_file(args.out, journal.path, folder=True), args.patient)
        print(ngettext("Wrote {n} CSV file to {out}", "Wrote {n} CSV files to {out}", len(files)).format(
            n=len(files), out=args.out), file=ctx.out)
        return EXIT_OK
    if args.format == "xlsx":
        if args.out == "-":
            raise ValidationError("OUT", _("xlsx export needs a file name, e.g. journal.xlsx"))
        out = check_out_file(args.out, journal.path)
        sheets = journal.export_xlsx(out, args.patient)
        print(_("Wrote {out} (rows: {rows})").format(
            out=out, rows=", ".join(f"{name} {rows}" for name, rows in sheets.items())), file=ctx.out)
        return EXIT_OK
    if args.out == "-":
        journal.write_export(ctx.out.write, args.patient)
    else:
        from journal.services.output import write_text_pieces

        out = check_out_file(args.out, journal.path)
        out.parent.mkdir(parents=True, exist_ok=True)
        people = write_text_pieces(out, lambda write: journal.write_export(write, args.patient),  # a person at a time
                                   journal_path=journal.path)
        print(ngettext("Wrote {out} ({n} person)", "Wrote {out} ({n} people)", people).format(out=out, n=people),
              file=ctx.out)
    return EXIT_OK


def cmd_log_dose(args: argparse.Namespace, ctx: Context) -> int:
    from journal.domain import Dose, DoseStatus, QuantityError, parse_quantity, saved_id
    from journal.services.checks import preview_dose

    journal = ctx.journal()
    patient = journal.find_patient(args.patient)
    pid = saved_id(patient.id)
    med = journal.find_medication(pid, args.medication)
    now = ctx.now()
    tz = journal.tz
    status = DoseStatus(args.status)
    given = parse_time(args.at, tz, now) if status.was_given else None
    scheduled = parse_time(args.scheduled, tz, now, "--scheduled") if args.scheduled else None
    if not status.was_given and scheduled is None:
        scheduled = parse_time(args.at, tz, now)
    amount = None
    if args.amount:
        try:
            amount = parse_quantity(args.amount)
        except QuantityError as e:
            raise ValidationError("--amount", str(e)) from None
    dose = Dose(medication_id=saved_id(med.id), status=status, scheduled=scheduled, given=given, amount=amount,
                by=args.by, note=args.note)
    try:
        preview = preview_dose(journal, pid, dose, now)
    except ValidationError as e:
        raise ValidationError(_arg_for(e.field), e.message) from None
    # After every argument is checked (bad input is named first), before anything is asked or saved.
    if args.at is None and not args.clock_is_right:
        doubt = journal.clock_doubt(pid, now)
        if doubt is not None:  # a wrong clock would put a false gap (or none) into the checks
            raise ValidationError("--at", _("{doubt}. Nothing was logged. If the clock is wrong, give the time with "
                                            "--at (e.g. --at 2026-10-01T08:00); if it is right, add "
                                            "--clock-is-right").format(doubt=doubt))
    if preview.alerts and not args.yes and _interactive():
        # Warn before, not after: at a terminal, the person typing is asked first. Scripts (no
        # terminal) keep the contract: the dose is saved and the alerts it raised are printed.
        print(_("Before saving: this dose would raise the alerts below ({counted}).").format(
            counted=preview.counted_for(tz)), file=ctx.out)
        print_alerts(preview.alerts, ctx)
        print(_("Save it anyway? Only if it was really given as entered. [y/N] "), end="", file=ctx.out, flush=True)
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("y", "yes", _("y"), _("yes")):
            print(_("Not saved; nothing was changed."), file=ctx.out)
            return EXIT_OK
    try:
        outcome, raised = write_and_compare(journal, lambda: journal.log_dose(pid, dose, by=args.by), pid,
                                            at=dose.given or dose.scheduled)
    except ValidationError as e:
        raise ValidationError(_arg_for(e.field), e.message) from None
    logged = journal.get_record("dose", saved_id(outcome.record_id))
    when = logged.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    amount_text = f" {logged.amount}" if logged.amount is not None else ""
    counted = preview.counted_for(tz)  # on the same line: the alerts keep their place on the next ones
    print(_("Logged {medicine}{amount} ({status}) for {person} at {when}.").format(
        medicine=med.name, amount=amount_text, status=status_name(logged.status), person=patient.name,
        when=when) + f" {counted[0].upper()}{counted[1:]}.", file=ctx.out)
    print_alerts(raised, ctx)
    return EXIT_OK


def _interactive() -> bool:
    """A person at a terminal can be asked; a script or a pipe cannot."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdin
        return False


def cmd_log_symptom(args: argparse.Namespace, ctx: Context) -> int:
    from journal.domain import SymptomEntry, saved_id

    journal = ctx.journal()
    patient = journal.find_patient(args.patient)
    pid = saved_id(patient.id)
    at = parse_time(args.at, journal.tz, ctx.now())
    # The service reads a catalog code or a plain name the catalog lists for it (`twitching`).
    entry = SymptomEntry(at=at, symptom=args.symptom, severity=args.severity,
                         duration_minutes=args.duration_minutes, note=args.note)
    try:
        outcome, raised = write_and_compare(journal, lambda: journal.log_symptom(pid, entry), pid, at=entry.at)
    except ValidationError as e:
        raise ValidationError(_arg_for(e.field), e.message) from None
    logged = journal.get_record("symptom", saved_id(outcome.record_id))
    when = at.astimezone(journal.tz).strftime("%Y-%m-%d %H:%M")
    sev = _(", severity {n}").format(n=args.severity) if args.severity is not None else ""
    print(_("Logged {sign} for {person} at {when}.").format(sign=default_catalog().code_name(logged.symptom) + sev, person=patient.name, when=when),
          file=ctx.out)
    print_alerts(raised, ctx)
    return EXIT_OK


def cmd_log_reading(args: argparse.Namespace, ctx: Context) -> int:
    from journal.domain import Observation, saved_id
    from journal.services.readings import reading_from_text

    journal = ctx.journal()
    patient = journal.find_patient(args.patient)
    pid = saved_id(patient.id)
    at = parse_time(args.at, journal.tz, ctx.now())
    try:
        reading = reading_from_text(args.kind, args.value, args.value2, args.unit)
        obs = Observation(at=at, kind=reading.kind, value=reading.value, value2=reading.value2,
                          body_part=args.body_part.strip(), note=args.note)
        outcome, raised = write_and_compare(journal, lambda: journal.log_observation(pid, obs), pid, at=obs.at)
    except ValidationError as e:
        raise ValidationError(_arg_for(e.field), e.message) from None
    when = at.astimezone(journal.tz).strftime("%Y-%m-%d %H:%M")
    part = f" ({obs.body_part})" if obs.body_part else ""
    print(_("Logged {sign} for {person} at {when}.").format(sign=reading.describe() + part, person=patient.name,
                                                            when=when), file=ctx.out)
    print_alerts(raised, ctx)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    if not str(args.out).strip() or str(args.out) == ".":
        raise ValidationError("OUT", _("give a file name (or a folder) for the copy"))
    dest = ctx.journal().backup(args.out)
    print(_("Backed up the journal to {dest}").format(dest=dest), file=ctx.out)
    return EXIT_OK


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    """Create or upgrade a shared journal (opening it does that) and its two group roles."""
    journal = ctx.journal()
    caregiver, viewer = journal.init_shared()
    print(_("The shared journal {where} is ready. Roles: {caregiver} (reads and writes), {viewer} (reads only). "
            "Next: carejournal --db URL grant ROLE --access caregiver --person NAME").format(
        where=journal.where, caregiver=caregiver, viewer=viewer), file=ctx.out)
    return EXIT_OK


def cmd_grant(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    new = journal.grant(args.role, args.access, args.person)
    text = (_("{role} ({person}) now reads and writes in {where}.") if args.access == "caregiver" else
            _("{role} ({person}) now reads only in {where}."))
    print(text.format(role=args.role, person=args.person, where=journal.where)
          + (" " + _("The role is new and has no password: set one as the server's administrator (psql: {command}); "
                     "they keep it in ~/.pgpass or their keyring.").format(command="\\password " + args.role)
             if new else ""), file=ctx.out)
    return EXIT_OK


def cmd_move_in(args: argparse.Namespace, ctx: Context) -> int:
    """Copy a journal file whole into the (empty) journal --db names."""
    journal = ctx.journal()
    copied = journal.move_in(args.file)
    people = copied.get("patients", 0)
    entries = sum(copied.get(t, 0) for t in ("doses", "symptoms", "observations", "pump_events", "notes"))
    print(_("Copied {file} into {where}: {people}, {entries}, {revisions}, {acks}.").format(
        file=args.file, where=journal.where,
        people=ngettext("{n} person", "{n} people", people).format(n=people),
        entries=ngettext("{n} entry", "{n} entries", entries).format(n=entries),
        revisions=ngettext("{n} history record", "{n} history records", copied.get("revisions", 0)).format(
            n=copied.get("revisions", 0)),
        acks=ngettext("{n} acknowledgement", "{n} acknowledgements", copied.get("acknowledgements", 0)).format(
            n=copied.get("acknowledgements", 0))), file=ctx.out)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    """Replace the journal with a backup. The journal is not opened first, so a damaged journal
    can be restored too; it is kept (byte for byte if it cannot be read) in the backups folder.
    Refused while a window has the journal open: restore from that window's Backups screen."""
    from journal.services.backups import BackupError, BackupService, JournalLocked, take_window_lock
    from journal.services.errors import JournalFileError

    src = Path(args.file).expanduser()
    if not src.is_file():
        raise ValidationError("FILE", _("{file} does not exist").format(file=args.file))
    if ctx.demo or ctx.db_path is None:  # the sample's throw-away copy: no window can hold it
        journal = ctx.journal()
        kept = journal.restore(src).saved_copy
        return _restored(args.file, journal, kept, ctx)
    target = ctx.db_path
    if src.resolve() == target.resolve():
        raise ValidationError("FILE", _("that is the journal itself, not a backup of it"))
    prepare_journal_path(target)  # the journal is not opened first, so its --db checks are made here
    try:
        lock = take_window_lock(target, ctx.clock)
    except JournalLocked:
        raise JournalFileError(_("the journal is open in a CareJournal window; restore from that window "
                                 "(Backups), or close it and try again. Nothing was changed.")) from None
    try:
        ctx.close()  # backup names are in UTC, so the journal need not be read first
        service = BackupService(target, ctx.clock)
        try:
            kept = service.restore(src)
        except BackupError as e:
            raise JournalFileError(str(e)) from None
    finally:
        lock.release()
    # Opening the restored journal upgrades it if the backup came from an earlier version.
    return _restored(args.file, ctx.journal(), kept, ctx)


def _restored(name: str, journal: Journal, kept: Path | None, ctx: Context) -> int:
    people = len(journal.list_patients())
    where = _("; the journal as it was before is kept as {kept}").format(kept=kept) if kept is not None else ""
    print(ngettext("Restored the journal from {name} ({n} person){where}.",
                   "Restored the journal from {name} ({n} people){where}.", people).format(
        name=name, n=people, where=where), file=ctx.out)
    return EXIT_OK


_ARGS = {"given": "--at", "at": "--at", "scheduled": "--scheduled", "amount": "--amount", "severity": "--severity",
         "symptom": "--symptom", "duration_minutes": "--duration", "medication": "--medication", "note": "--note",
         "kind": "--kind", "value": "--value", "value2": "--value2", "unit": "--unit", "body_part": "--body-part"}


def _arg_for(field: str) -> str:
    return _ARGS.get(field, field)

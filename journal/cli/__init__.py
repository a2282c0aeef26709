"""The `carejournal` command line: the whole parser and the dispatch to each command's module.

This module imports only the standard library so that `carejournal --help` answers at once;
each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # types only: the modules themselves are imported when a command runs
    from journal.domain import Clock
    from journal.services.journal import Journal

from journal.domain.i18n import _

JOURNAL_FILE = "journal.sqlite3"

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2

DOSE_STATUSES = ("taken", "skipped", "refused", "vomited", "missed")


def prepare_journal_path(path: Path) -> None:
    """Make the journal's folder, or raise ValidationError("--db", ...) saying plainly why the
    given path cannot hold a journal file (a folder, or a file where a folder is needed)."""
    from journal.services.errors import ValidationError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ValidationError("--db", _("{folder} cannot be made a folder: a file has that name").format(
            folder=path.parent)) from None
    except PermissionError:
        raise ValidationError("--db", _("no permission to make the folder {folder}").format(folder=path.parent)) from None
    if path.is_dir():
        raise ValidationError("--db", _("{path} is a folder; give the journal file's name, e.g. {example}").format(
            path=path, example=path / JOURNAL_FILE))


# What must never reach a terminal raw from user text: C0/C1 control characters (except tab and
# newline; ESC starts terminal commands, CR overwrites a line), bidirectional overrides and isolates
# (they reorder what is shown: "Trojan Source"), and lone surrogates (unprintable, they would crash
# the write).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown(text: str) -> str:
    """`text` safe to print: each unsafe character written as `\\uXXXX` (a form JSON reads back as
    the same character, so `export -` and `check --json` stay valid JSON)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeStream:
    """A text stream that passes everything written through `shown`: every line the command line
    prints goes through one of these (Context.out and Context.err)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(shown(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, getvalue, fileno, ... of the real stream
        return getattr(self.stream, name)


class Context:
    """What a command needs from the outside world, built by the composition root (journal/app.py).

    `journal()` opens the journal file on first use (commands like `--help` never touch it)."""

    def __init__(
        self,
        open_journal: Callable[[], Journal],
        clock: Clock,
        out: TextIO | None = None,
        err: TextIO | None = None,
        db_path: Path | None = None,
        debug: bool = False,
        demo: bool = False,
        minimised: bool = False,
    ) -> None:
        self._open_journal = open_journal
        self._journal: Journal | None = None
        self.clock = clock
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.db_path = db_path
        self.debug = debug
        self.demo = demo
        self.minimised = minimised  # the window starts minimised (started at login)
        # Set by the window when the person chose another journal (a shared one, or this
        # computer's): the composition root then opens the remembered choice in a new window.
        self.switch_requested = False
        self.shared_url: str | None = None  # the shared journal's URL (None: a journal file)

    @property
    def out(self) -> TextIO:
        return self._out  # type: ignore[return-value]

    @out.setter
    def out(self, stream: TextIO) -> None:
        self._out = stream if isinstance(stream, SafeStream) else SafeStream(stream)

    @property
    def err(self) -> TextIO:
        return self._err  # type: ignore[return-value]

    @err.setter
    def err(self, stream: TextIO) -> None:
        self._err = stream if isinstance(stream, SafeStream) else SafeStream(stream)

    def journal(self) -> Journal:
        if self._journal is None:
            self._journal = self._open_journal()
            if self._journal.read_only:
                print(_("note: {path} cannot be written where it is (read-only media?), so it was opened "
                        "read-only: it can be read, checked and exported, but nothing can be saved").format(
                    path=self._journal.path), file=self.err)
        return self._journal

    def forget_journal(self) -> None:
        """The next `journal()` opens the journal again (after a restore replaced the file)."""
        self._journal = None

    @property
    def journal_is_open(self) -> bool:
        return self._journal is not None

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def now(self) -> datetime:
        return self.clock.now()


def path_problem(text: str) -> str | None:
    """Why `text` cannot name a file on this system (a NUL, a broken character, a name longer than
    file systems allow), in plain words, or None. Checked before any file is touched so that such
    input is answered as bad input (exit 2) naming the argument, not as Python's own words."""
    if "\x00" in text:
        return _("a file name cannot contain a NUL character")
    try:
        raw = os.fsencode(text)
    except UnicodeError:
        return _("the file name holds a broken character; retype it")
    if len(raw) >= 4096 or any(len(part) > 255 for part in raw.split(b"/")):
        return _("the file name is too long (at most 255 bytes for each part of the path)")
    return None


# The arguments that name files, by the attribute argparse gives them, and how messages name them.
PATH_ARGS = (("file", "FILE"), ("out", "OUT"), ("db", "--db"))


def check_path_args(args: argparse.Namespace) -> None:
    """ValidationError naming the first path argument that cannot name a file (`path_problem`)."""
    from journal.services.errors import ValidationError

    for attr, name in PATH_ARGS:
        value = getattr(args, attr, None)
        if value is None or (attr == "out" and str(value) == "-"):
            continue
        problem = path_problem(str(value))
        if problem is not None:
            raise ValidationError("--out" if attr == "out" and args.command == "report" else name, problem)


class _VersionAction(argparse.Action):
    """`--version`: print "carejournal X.Y.Z" and exit 0 (the version is read only when asked)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, default=argparse.SUPPRESS,
                         help=_("print the program's version and exit"))

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        from journal import version

        print(f"carejournal {version()}")
        parser.exit(EXIT_OK)


COMPLETION_SHELLS = ("bash", "zsh", "tcsh")
# shtab's file-name completion for each shell (shtab.FILE), written out so that building the
# parser does not import shtab: it is loaded only by --print-completion.
FILE_COMPLETION = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}


class _CompletionAction(argparse.Action):
    """`--print-completion SHELL`: print a tab-completion script for the shell (made by shtab
    from this very parser, so it always knows every command and option) and exit 0."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, choices=COMPLETION_SHELLS,
                         metavar="SHELL", help=_("print a tab-completion script for bash, zsh or tcsh and exit "
                         "(e.g. carejournal --print-completion bash > ~/.local/share/bash-completion/"
                         "completions/carejournal)"))

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        import shtab

        print(shtab.complete(parser, shell=str(values)), end="")
        parser.exit(EXIT_OK)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with a one-line message naming the argument
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, shown(f"{self.prog}: {message}\n"))


def build_parser() -> argparse.ArgumentParser:
    # argparse's own words ("usage:", "options", "the following arguments are required") come from
    # the same catalog (scripts/make_translations.py lists them), in the language in use.
    argparse._ = _  # type: ignore[attr-defined]
    p = _Parser(
        prog="carejournal",
        description=_("A medication journal for family caregivers of people on baclofen. "
        "With no command it opens the window."),
    )
    p.add_argument("--db", metavar="PATH",
                   help=_("use this journal file instead of the one in your data folder, "
                   "or a shared journal: postgresql://USER@HOST[:PORT]/NAME[?sslmode=...]")
                   ).complete = FILE_COMPLETION  # type: ignore[attr-defined]
    p.add_argument("--demo", action="store_true", help=_("open a temporary copy of the sample journal"))
    p.add_argument("--debug", action="store_true", help=_("show the full error report when something fails"))
    p.add_argument("--minimised", "--minimized", dest="minimised", action="store_true",
                   help=_("start the window minimised, reminding (as when started at login)"))
    p.add_argument("--version", action=_VersionAction)
    p.add_argument("--print-completion", action=_CompletionAction)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        """A command whose --help ends with examples (EXAMPLES); `summary` is already translated."""
        lines = "\n".join(f"  carejournal {e}" for e in EXAMPLES.get(name, ()))
        parser: argparse.ArgumentParser = sub.add_parser(
            name, help=summary, description=summary[0].upper() + summary[1:] + ".",
            epilog=_("examples:") + "\n" + lines if lines else None,
            formatter_class=argparse.RawDescriptionHelpFormatter)
        return parser

    command("gui", _("open the desktop window"))

    s = command("import", _("read a journal in exchange format v1 (all or nothing)"))
    s.add_argument("--dry-run", action="store_true",
                   help=_("say what it would add and which alerts it would raise, writing nothing"))
    s.add_argument("file", metavar="FILE", type=Path).complete = FILE_COMPLETION  # type: ignore[attr-defined]

    s = command("export", _("write the journal as JSON (exchange format v1), CSV files or a workbook"))
    s.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    s.add_argument("--patient", metavar="NAME", help=_("only this person"))
    s.add_argument("out", metavar="OUT", help=_("file for json ('-' for the screen), folder for csv, .xlsx file for xlsx")).complete = FILE_COMPLETION  # type: ignore[attr-defined]

    s = command("check", _("run every safety check and print the alerts, most severe first"))
    s.add_argument("--at", metavar="TIME", help=_("as of this time (default: now)"))
    s.add_argument("--patient", metavar="NAME")
    s.add_argument("--json", action="store_true", help=_("print the alerts as JSON"))

    s = command("report", _("the doctor-visit report as a PDF"))
    s.add_argument("--patient", metavar="NAME", required=True)
    s.add_argument("--from", dest="start", metavar="DATE", help=_("first day (default: 30 days ago)"))
    s.add_argument("--to", dest="end", metavar="DATE", help=_("last day (default: today)"))
    s.add_argument("--out", metavar="FILE.pdf", type=Path, required=True).complete = FILE_COMPLETION  # type: ignore[attr-defined]

    s = command("log-dose", _("log one dose, then print any alert it raises"))
    s.add_argument("--patient", metavar="NAME", required=True)
    s.add_argument("--medication", metavar="NAME", required=True)
    s.add_argument("--at", metavar="TIME", help=_("when it was given (default: now)"))
    s.add_argument("--scheduled", metavar="TIME", help=_("the schedule slot it answers"))
    s.add_argument("--amount", metavar="AMOUNT", help=_("e.g. 10mg, 2.5mL, 1tablet (default: the scheduled dose)"))
    s.add_argument("--status", choices=DOSE_STATUSES, default="taken")
    s.add_argument("--by", metavar="NAME", default="", help=_("who gave it"))
    s.add_argument("--note", metavar="TEXT", default="")
    s.add_argument("--yes", action="store_true",
                   help=_("at a terminal, save without asking when the dose would raise an alert"))
    s.add_argument("--clock-is-right", action="store_true",
                   help=_("log it now even though now is far from the journal's last entry (see --at)"))

    s = command("log-symptom", _("log one symptom, then print any alert it raises"))
    s.add_argument("--patient", metavar="NAME", required=True)
    s.add_argument("--symptom", metavar="CODE", required=True)
    s.add_argument("--severity", metavar="N", type=int, help=_("0 (none) to 10 (worst imaginable)"))
    s.add_argument("--duration", metavar="MINUTES", type=int, dest="duration_minutes")
    s.add_argument("--at", metavar="TIME", help=_("when it was noticed (default: now)"))
    s.add_argument("--note", metavar="TEXT", default="")

    s = command("log-reading", _("log one reading (temperature, weight, ...), then print any alert it raises"))
    s.add_argument("--patient", metavar="NAME", required=True)
    s.add_argument("--kind", metavar="KIND", required=True,
                   help=_("temperature, heart-rate, respiratory-rate, blood-pressure, oxygen-saturation, "
                        "penn-spasm-frequency, modified-ashworth, pain-nrs or weight"))
    s.add_argument("--value", metavar="V", required=True, help=_("the reading (blood pressure: the top number)"))
    s.add_argument("--value2", metavar="V2", help=_("blood pressure: the bottom number"))
    s.add_argument("--unit", metavar="UNIT", help=_("temperature: C (default) or F; weight: kg (default) or lb"))
    s.add_argument("--body-part", metavar="TEXT", default="", help=_("for a score of one limb (modified-ashworth)"))
    s.add_argument("--at", metavar="TIME", help=_("when it was measured (default: now)"))
    s.add_argument("--note", metavar="TEXT", default="")

    s = command("backup", _("write a consistent copy of the journal (OUT: a file, or a folder for a dated copy)"))
    s.add_argument("out", metavar="OUT").complete = FILE_COMPLETION  # type: ignore[attr-defined]

    command("init", _("shared journal: create or upgrade its tables and its caregiver and viewer roles "
                    "(run as the database's owner)"))

    s = command("grant", _("shared journal: let a database role read and write (caregiver) or only read "
                         "(viewer); creates the role without a password when missing"))
    s.add_argument("role", metavar="ROLE", help=_("the person's database login, e.g. ana"))
    s.add_argument("--access", choices=("caregiver", "viewer"), required=True)
    s.add_argument("--person", metavar="NAME", required=True, help=_("the name their entries are signed with"))

    s = command("move-in", _("copy a journal file whole (history and acknowledgements too) into this empty "
                           "journal, e.g. a new shared one"))
    s.add_argument("file", metavar="FILE").complete = FILE_COMPLETION  # type: ignore[attr-defined]

    s = command("restore", _("replace the journal with a backup (the current one is backed up first)"))
    s.add_argument("file", metavar="FILE", type=Path).complete = FILE_COMPLETION  # type: ignore[attr-defined]

    s = command("reference", _("list, search or show the offline reference"))
    s.add_argument("action", nargs="?", choices=("list", "search", "show"), default="list")
    s.add_argument("terms", nargs="*", metavar="TERMS", help=_("search words, or the topic to show"))
    return p


EXAMPLES: dict[str, tuple[str, ...]] = {
    "gui": ("gui", "--demo gui"),
    "import": ("import --dry-run robin.json", "import robin.json"),
    "export": ("export --format json journal.json", "export --format csv --patient Robin journal-csv",
               "export --format xlsx journal.xlsx"),
    "check": ("check", "check --at 2026-10-01T20:00 --patient Robin --json"),
    "report": ("report --patient Robin --from 2026-09-01 --to 2026-09-30 --out robin-september.pdf",),
    "log-dose": ('log-dose --patient Robin --medication "Baclofen 10 mg" --at 08:05 --amount 10mg',
                 'log-dose --patient Robin --medication baclofen --at 14:00 --status skipped --note "asleep"'),
    "log-symptom": ("log-symptom --patient Robin --symptom twitching --severity 3",
                    'log-symptom --patient Robin --symptom other --note "hiccups all afternoon"'),
    "log-reading": ("log-reading --patient Robin --kind temperature --value 101.3 --unit F",
                    "log-reading --patient Robin --kind blood-pressure --value 128 --value2 84 --at 07:30",
                    'log-reading --patient Robin --kind modified-ashworth --value 1+ --body-part "left knee"'),
    "backup": ("backup /media/usb-stick", "backup ~/journal-copy.sqlite3"),
    "restore": ("restore /media/usb-stick/carejournal-backup-2026-10-01-120000.sqlite3",),
    "reference": ("reference", "reference search pump alarm", "reference show withdrawal"),
    "init": ("--db postgresql://postgres@server/carejournal init",),
    "grant": ('--db postgresql://postgres@server/carejournal grant ana --access caregiver --person "Ana Silva"',
              '--db postgresql://postgres@server/carejournal grant drlee --access viewer --person "Dr Lee"'),
    "move-in": ("--db postgresql://ana@server/carejournal move-in ~/journal.sqlite3",),
}

Command = Callable[[argparse.Namespace, Context], int | None]


def _core(name: str) -> Command:
    from journal.cli import core

    handlers: dict[str, Command] = {
        "import": core.cmd_import, "export": core.cmd_export, "log-dose": core.cmd_log_dose,
        "log-symptom": core.cmd_log_symptom, "log-reading": core.cmd_log_reading, "backup": core.cmd_backup,
        "restore": core.cmd_restore, "move-in": core.cmd_move_in, "init": core.cmd_init, "grant": core.cmd_grant,
    }
    return handlers[name]


def _check(name: str) -> Command:
    from journal.cli.check import run

    return run


def _report(name: str) -> Command:
    from journal.cli.report import run

    return run


def _reference(name: str) -> Command:
    from journal.cli.reference import run

    return run


# command -> the loader of its handler. Each handler's module is imported only when its command runs,
# so that `carejournal --help` answers at once without loading the services, SQLAlchemy or Qt.
COMMANDS: dict[str, Callable[[str], Command]] = {
    "import": _core, "export": _core, "log-dose": _core, "log-symptom": _core, "log-reading": _core,
    "backup": _core, "restore": _core, "move-in": _core, "init": _core, "grant": _core,
    "check": _check, "report": _report, "reference": _reference,
}


def dispatch(args: argparse.Namespace, ctx: Context) -> int:
    """Run one command; map errors to exit codes (2 bad input, 1 anything else)."""
    from journal.services.errors import JournalFileError, NotFound, ValidationError, plain_failure

    command = args.command
    if command == "reference" and args.action == "list":
        args.action = None  # journal/cli/reference.py: None lists the topics
    try:
        check_path_args(args)
        result = COMMANDS[command](command)(args, ctx)
        return EXIT_OK if result is None else int(result)
    except (ValidationError, NotFound) as e:
        print(f"{command}: {_one_line(e)}", file=ctx.err)
        return EXIT_BAD_INPUT
    except JournalFileError as e:
        print(f"{command}: {_one_line(e)}", file=ctx.err)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(_("{command}: interrupted").format(command=command), file=ctx.err)
        return 130
    except OSError as e:  # a file or folder the command was pointed at: say which, without errno
        if ctx.debug:
            traceback.print_exc(file=ctx.err)
        where = f" ({e.filename})" if e.filename else ""
        reason: str | None
        if e.errno == 28:  # ENOSPC, also on Windows and macOS
            reason = _("not enough free space on the disk{where}; free some space and try again").format(where=where)
        else:
            reason = plain_failure(e) if e.strerror is None else f"{e.strerror.lower()}{where}"
        print(_("{command}: failed: {reason}").format(command=command, reason=reason or _one_line(e)), file=ctx.err)
        return EXIT_FAILURE
    except Exception as e:  # noqa: BLE001 - one line for the user, the trace with --debug
        if ctx.debug:
            traceback.print_exc(file=ctx.err)
        reason = plain_failure(e) or (_one_line(e) if str(e).strip() else type(e).__name__)
        print(_("{command}: failed: {reason}").format(command=command, reason=reason), file=ctx.err)
        return EXIT_FAILURE


def _one_line(e: BaseException) -> str:
    lines = str(e).strip().splitlines()
    return lines[0] if lines else ""

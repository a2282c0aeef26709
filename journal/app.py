"""Composition root: command-line arguments -> journal file -> services -> command or window.

Nothing imports this module. It stays light so `carejournal --help` answers at once: the
database layer is loaded only when a command opens the journal, Qt only for the window.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from journal.cli import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    EXIT_OK,
    JOURNAL_FILE,
    Context,
    build_parser,
    dispatch,
    path_problem,
    prepare_journal_path,
    shown,
)
from journal.domain.i18n import _

if TYPE_CHECKING:  # types only: the services load when a command opens the journal (start-up time)
    from journal.domain import Clock
    from journal.services.journal import Journal

PRIVATE_UMASK = 0o077  # new files 0600, new folders 0700


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("CareJournal", appauthor=False)) / JOURNAL_FILE


def make_context(db: Path | str | None, *, demo: bool = False, debug: bool = False, clock: Clock | None = None,
                 minimised: bool = False) -> Context:
    from journal.domain.clock import SystemClock

    the_clock: Clock = clock or SystemClock()
    from journal.storage.engines import is_database_url

    if db is not None and is_database_url(db):
        # A shared journal on a PostgreSQL server: no file, no window lock, no file backups.
        url = str(db).strip()

        def open_shared() -> Journal:
            from journal.services.journal import Journal

            return Journal.open(url, the_clock)

        ctx = Context(open_shared, the_clock, db_path=None, debug=debug, demo=demo, minimised=minimised)
        ctx.shared_url = url
        return ctx
    # Resolved once: a journal reached through a link is opened, locked, backed up and restored as
    # the real file, so the link and the real path can never be two journals.
    path = (Path(db).expanduser() if db is not None else default_db_path()).resolve()

    def open_journal() -> Journal:
        if demo:
            from journal.services.journal import open_demo

            return open_demo(the_clock)
        from journal.services.journal import Journal

        prepare_journal_path(path)
        journal = Journal.open(path, the_clock)
        saved = journal.get_settings().language
        if saved:  # a language chosen in Settings wins over the computer's
            from journal.domain.i18n import set_language

            set_language(saved)
        return journal

    return Context(open_journal, the_clock, db_path=path, debug=debug, demo=demo, minimised=minimised)


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """The `carejournal` console script (and `python main.py`). Returns the exit code."""
    from journal.domain.i18n import set_language
    from journal.services.regional import chosen_language

    set_language(chosen_language())  # the computer's language until a journal's Settings say otherwise
    args = build_parser().parse_args(list(argv) if argv is not None else None)
    problem = path_problem(str(args.db)) if args.db is not None else None
    if problem is not None:  # before anything opens it
        print(shown(f"carejournal: --db: {problem}"), file=sys.stderr)  # problem: already in the language in use
        return EXIT_BAD_INPUT
    db = args.db
    if db is None and not args.demo:
        # The shared journal chosen in the window (first-run screen or Settings), if any.
        from journal.services.shared_connection import remembered_journal

        db = remembered_journal()
    ctx = make_context(db, demo=args.demo, debug=args.debug, clock=clock, minimised=args.minimised)
    # Everything the app writes (exports, reports, CSV files, backups, their folders) holds health
    # data: owner-only, like the journal, whatever the user's umask.
    umask = os.umask(PRIVATE_UMASK)
    try:
        if args.command in (None, "gui"):
            return run_gui(ctx)
        return dispatch(args, ctx)
    finally:
        ctx.close()
        os.umask(umask)


def run_gui(ctx: Context) -> int:
    if sys.platform.startswith("linux") and not any(
        os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):  # Qt would abort with a core dump instead of a message
        print(_("carejournal: no screen to open the window on (no desktop session found). Start it from the "
                "desktop, or use the commands: carejournal --help"), file=ctx.err)
        return EXIT_FAILURE
    frame = None
    try:
        if not getattr(ctx, "minimised", False):
            # Painted first (issue 17): the journal, the checks, the reference and the database
            # layer load after it, while the frame is on screen.
            from journal.ui.shell.first_paint import show_frame

            frame = show_frame()
        from journal.ui.shell.launch import run_app  # here: Qt loads only for the window
    except ImportError as e:  # usually a system library Qt needs (libEGL, libxkbcommon, ...)
        if ctx.debug:
            traceback.print_exc(file=ctx.err)
        print(_("carejournal: the window cannot start: {reason}. `make run` installs what Qt needs; the commands "
                "(`carejournal --help`) work without it.").format(reason=e), file=ctx.err)
        return EXIT_FAILURE
    opened: list[Context] = []
    try:
        while True:
            try:
                result = run_app(ctx, demo=ctx.demo, frame=frame)
            except Exception as e:  # noqa: BLE001 - one line for the user, the trace with --debug
                if ctx.debug:
                    traceback.print_exc(file=ctx.err)
                reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                print(_("carejournal: the window stopped: {reason}").format(reason=reason), file=ctx.err)
                return EXIT_FAILURE
            frame = None  # the first paint's frame is closed once the first window shows
            if not ctx.switch_requested:
                return EXIT_OK if result is None else int(result)
            # The person chose another journal in the window: it is remembered; open it now.
            from journal.services.shared_connection import remembered_journal

            ctx.close()
            ctx = make_context(remembered_journal(), debug=ctx.debug, clock=ctx.clock)
            opened.append(ctx)
    finally:
        for later in opened:  # the first one is closed by main()
            later.close()


def gui_main() -> int:
    """The gui-script entry point: the same arguments, the window by default."""
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())

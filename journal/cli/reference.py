"""`reference [search TERMS] [show TOPIC]`: list, search or print the offline reference.

The parser (journal/cli/__init__.py) sets `args.action` ("search", "show" or None: list) and
`args.terms` (a list of words); `search withdrawal` given as plain words also works.
"""

from __future__ import annotations

import argparse
import difflib
from typing import TextIO

from journal.domain.i18n import _
from journal.reference import ReferenceLibrary, UnknownTopic, default_library
from journal.services.regional import regional_defaults

from . import Context

ACTIONS = ("search", "show")
DEFAULT_EMERGENCY_NUMBER = "911"  # only when the locale does not tell a country either


def _usual_number() -> str:
    return regional_defaults(None).emergency_number or DEFAULT_EMERGENCY_NUMBER


def emergency_number(ctx: Context) -> str:
    """The number from the journal's settings; the country's usual number (from the locale,
    services/regional.py) when there is no journal or it cannot be opened.

    The reference must work even when the journal file is missing or damaged, so any failure
    to open it falls back to the default instead of stopping the reader.
    """
    db_path = ctx.db_path
    if db_path is not None and not ctx.journal_is_open and not db_path.exists():
        return _usual_number()  # reading the guide must not create an empty journal file
    try:
        number = ctx.journal().get_settings().emergency_number
    except Exception:  # noqa: BLE001 - see docstring: the guide must open without a journal
        return _usual_number()
    return str(number).strip() or _usual_number()


def _parse(args: argparse.Namespace) -> tuple[str | None, list[str]]:
    action: str | None = args.action
    if action == "list":
        action = None
    terms = [str(t) for t in (args.terms or [])]
    if action is None and terms and terms[0] in ACTIONS:
        action, terms = terms[0], terms[1:]
    return action, terms


def run(args: argparse.Namespace, ctx: Context, library: ReferenceLibrary | None = None) -> int:
    out, err = ctx.out, ctx.err
    lib = library or default_library()
    action, terms = _parse(args)

    if action is None:
        if terms:
            print(_("reference: unknown action {action}; use 'search WORDS' or 'show TOPIC'").format(
                action=repr(terms[0])), file=err)
            return 2
        return _list(lib, out)
    if action == "search":
        if not terms:
            print(_("reference search: give one or more words to look for"), file=err)
            return 2
        return _search(lib, terms, out)
    if action == "show":
        if len(terms) != 1:
            print(_("reference show: give exactly one topic id (run 'reference' to list them)"), file=err)
            return 2
        return _show(lib, terms[0], emergency_number(ctx), out, err)
    print(_("reference: unknown action {action}; use 'search WORDS' or 'show TOPIC'").format(action=repr(action)),
          file=err)
    return 2


def _list(lib: ReferenceLibrary, out: TextIO) -> int:
    topics = lib.topics()
    width = max(len(t.id) for t in topics)
    print(_("Offline reference (not medical advice). Topics:"), file=out)
    for topic in topics:
        print(f"  {topic.id:<{width}}  {topic.title}", file=out)
    print("\n" + _("Read one with: reference show TOPIC   Search with: reference search WORDS"), file=out)
    return 0


def _search(lib: ReferenceLibrary, terms: list[str], out: TextIO) -> int:
    hits = lib.search(terms, limit=10)
    query = " ".join(terms)
    if not hits:
        print(_("Nothing in the reference matches {query}. Run 'reference' to see every topic.").format(
            query=repr(query)), file=out)
        return 0
    print(_("Topics for {query}, best match first:").format(query=repr(query)), file=out)
    for n, hit in enumerate(hits, 1):
        print(f"{n:>2}. {hit.title}  " + _("[show with: reference show {topic}]").format(topic=hit.topic_id), file=out)
        snippet = " ".join(hit.snippet_text("*", "*").split())
        print(f"    {snippet}", file=out)
    return 0


def _show(lib: ReferenceLibrary, topic_id: str, number: str, out: TextIO, err: TextIO) -> int:
    try:
        text = lib.render_text(topic_id, number)
    except UnknownTopic:
        ids = [t.id for t in lib.topics()]
        close = difflib.get_close_matches(topic_id, ids, n=3, cutoff=0.5)
        hint = (_("Did you mean: {topics}?").format(topics=", ".join(close)) if close
                else _("Run 'reference' to list the topics."))
        print(_("reference show: no topic called {topic}.").format(topic=repr(topic_id)) + " " + hint, file=err)
        return 2
    out.write(text)
    return 0

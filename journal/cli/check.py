"""`check [--at TIME] [--patient NAME] [--json]`: every safety check as of TIME, most severe first."""

from __future__ import annotations

import argparse
import json
from datetime import tzinfo
from typing import Any

from journal.domain import Alert
from journal.domain.i18n import _, ngettext
from journal.domain.zones import zone_name_at

from . import EXIT_OK, Context
from .core import SEVERITY_WORDS, parse_time


def alert_json(a: Alert, tz: tzinfo) -> dict[str, Any]:
    return {
        "rule": a.rule, "severity": a.severity.value, "patient": a.patient, "medication": a.medication,
        "since": a.since.astimezone(tz).isoformat(timespec="seconds"), "title": a.title, "message": a.message,
        "advice": a.advice, "evidence": list(a.evidence), "reference": a.reference,
    }


def alert_text(a: Alert, tz: tzinfo) -> str:
    since = a.since.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    who = " - ".join(x for x in (a.patient, a.medication) if x)
    lines = [f"{_(SEVERITY_WORDS[a.severity.value])}: {a.title}",
             "  " + _("{who}, since {since}").format(who=who, since=since), f"  {a.message}",
             "  " + _("What to do: {advice}").format(advice=a.advice), "  " + _("Why:")]
    lines += [f"    - {e}" for e in a.evidence]
    lines.append("  " + _("More: {command}").format(command="carejournal reference show " + a.reference))
    return "\n".join(lines)


def run(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    tz = journal.tz
    now = parse_time(args.at, tz, ctx.now())
    patient_id = None
    whom = _("everyone")
    if args.patient:
        person = journal.find_patient(args.patient)
        patient_id, whom = person.id, person.name
    from journal.services.checks import run as run_checks

    alerts = run_checks(journal, now, patient_id)
    at_text = now.astimezone(tz).isoformat(timespec="seconds")
    if args.json:
        doc = {"at": at_text, "alerts": [alert_json(a, tz) for a in alerts]}
        print(json.dumps(doc, ensure_ascii=False, indent=1), file=ctx.out)
        return EXIT_OK
    when = now.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    if not alerts:
        print(_("No alerts for {whom} as of {when} ({zone}).").format(whom=whom, when=when,
                                                                     zone=zone_name_at(tz, now)), file=ctx.out)
        return EXIT_OK
    n = len(alerts)
    print(ngettext("{n} alert for {whom} as of {when} ({zone}), most urgent first:",
                   "{n} alerts for {whom} as of {when} ({zone}), most urgent first:", n)
          .format(n=n, whom=whom, when=when, zone=zone_name_at(tz, now)) + "\n", file=ctx.out)
    print("\n\n".join(alert_text(a, tz) for a in alerts), file=ctx.out)
    return EXIT_OK

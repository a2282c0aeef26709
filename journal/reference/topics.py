"""Loading and checking the reference topics (`resources/reference/<id>.md`).

A topic file starts with a small front matter block:

    ---
    id: missed-doses
    title: Missed doses
    keywords: missed dose, forgot a dose, double dose
    sources: NHS, S0
    related: withdrawal, dosing
    ---

followed by the text in the Markdown subset of `markup.py`. Loading fails loudly on a
broken topic (a missing field, an unknown source, a link to a topic that does not exist),
because a caregiver following a dead link at night is a bug we catch before shipping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from journal.domain.i18n import N_
from journal.reference import markup

DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "resources" / "reference"

#: Where the facts come from (keys as in the project's clinical fact notes); shown with `_()`.
SOURCES: dict[str, str] = {
    "S0": N_("Article: can baclofen cause muscle twitches"),
    "S1": N_("Article: can baclofen cause dystonia"),
    "S2": N_("Article: can baclofen increase spasticity"),
    "S3": N_("Clinical summary: baclofen for muscle spasms"),
    "S4": N_("Article: what is the purpose of baclofen"),
    "OZO": N_("Ozobax (oral solution) prescribing label"),
    "LYV": N_("Lyvispah (oral granules) prescribing label"),
    "FLQ": N_("Fleqsuvy (oral suspension) prescribing label"),
    "PMS": N_("pms-Baclofen product monograph"),
    "UTD": N_("UpToDate baclofen drug information"),
    "PDR": N_("Gablofen (intrathecal baclofen) label summary"),
    "BW": N_("Boxed warning for intrathecal baclofen"),
    "NHS": N_("NHS: how and when to take baclofen"),
    "DAL": N_("D'Aleo and others, 2007, Functional Neurology"),
    "LEO": N_("Leo and Baer, 2005, Psychosomatics"),
    "LEU": N_("Leung and others, 2006, Emergency Medicine Australasia"),
    "CKD": N_("Baclofen and kidney disease, Journal of Clinical Pharmacology, 2014"),
    "JEM": N_("Journal of Emergency Medicine, 2020 (PMID 32204996)"),
    "VDJ": N_("van Dijk and others, 2024 (PMC11383621)"),
    "ISMP": N_("ISMP safety alert on oral liquid baclofen strengths"),
    "MDT": N_("Medtronic SynchroMed patient pages"),
    "GIL": N_("Gillette Children's pages on pump refills"),
    "SCALES": N_("The published scales: Penn Spasm Frequency Scale, Modified Ashworth Scale, 0 to 10 rating"),
    "LBL": N_("The prescribing labels of the other medicines named (their warnings on stopping suddenly)"),
    "JUDGEMENT": N_("CareJournal's own judgement where no source sets a number"),
}

REQUIRED = ("id", "title", "keywords", "sources")
LIST_FIELDS = ("keywords", "sources", "related")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class TopicError(ValueError):
    """A topic file is malformed, or links somewhere that does not exist."""


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    keywords: tuple[str, ...]
    sources: tuple[str, ...]
    related: tuple[str, ...]
    body: str
    blocks: tuple[markup.Block, ...]
    path: Path | None = None

    @property
    def links(self) -> list[str]:
        """Ids of the topics this one links to in its text (in order, repeats kept)."""
        return [t[len(markup.TOPIC_SCHEME) :] for _text, t in markup.links(list(self.blocks))]

    @property
    def plain_text(self) -> str:
        return markup.to_index_text(list(self.blocks))


def parse_topic(text: str, path: Path | None = None) -> Topic:
    where = str(path) if path else "topic"
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise TopicError(f"{where}: must start with a '---' front matter block")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise TopicError(f"{where}: front matter block is not closed with '---'") from None
    meta: dict[str, str] = {}
    for n, line in enumerate(lines[1:end], 2):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise TopicError(f"{where}:{n}: expected 'name: value', got {line!r}")
        meta[key.strip().lower()] = value.strip()
    for key in REQUIRED:
        if not meta.get(key):
            raise TopicError(f"{where}: front matter lacks '{key}'")
    unknown = set(meta) - set(REQUIRED) - set(LIST_FIELDS)
    if unknown:
        raise TopicError(f"{where}: unknown front matter {'field' if len(unknown) == 1 else 'fields'}: {', '.join(sorted(unknown))}")

    def listed(key: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in meta.get(key, "").split(",") if v.strip())

    topic_id = meta["id"]
    if not ID_PATTERN.match(topic_id):
        raise TopicError(f"{where}: id {topic_id!r} must be lower-case words joined by '-'")
    if path is not None and path.stem != topic_id:
        raise TopicError(f"{where}: id {topic_id!r} does not match the file name")
    sources = listed("sources")
    bad = [s for s in sources if s not in SOURCES]
    if bad:
        raise TopicError(f"{where}: unknown source {'key' if len(bad) == 1 else 'keys'}: {', '.join(bad)}")
    body = "\n".join(lines[end + 1 :]).strip() + "\n"
    blocks = tuple(markup.parse(body))
    if not blocks:
        raise TopicError(f"{where}: the topic has no text")
    odd = markup.placeholders(list(blocks)) - {markup.PLACEHOLDER}
    if odd:
        raise TopicError(f"{where}: unknown {'placeholder' if len(odd) == 1 else 'placeholders'}: {', '.join(sorted(odd))}")
    for _text, target in markup.links(list(blocks)):
        if not target.startswith(markup.TOPIC_SCHEME):
            raise TopicError(
                f"{where}: link {target!r} must point to a topic ('topic:<id>'); we stay offline"
            )
    return Topic(
        id=topic_id,
        title=meta["title"],
        keywords=listed("keywords"),
        sources=sources,
        related=listed("related"),
        body=body,
        blocks=blocks,
        path=path,
    )


def load_topics(directory: Path = DEFAULT_DIRECTORY) -> dict[str, Topic]:
    """Every topic in the folder, by id, after checking that every link lands somewhere."""
    if not directory.is_dir():
        raise TopicError(f"{directory}: the reference folder is missing")
    topics: dict[str, Topic] = {}
    for path in sorted(directory.glob("*.md")):
        topic = parse_topic(path.read_text(encoding="utf-8"), path)
        topics[topic.id] = topic
    if not topics:
        raise TopicError(f"{directory}: no topics found")
    for topic in topics.values():
        for target in [*topic.links, *topic.related]:
            if target not in topics:
                raise TopicError(f"{topic.path}: links to unknown topic {target!r}")
    return topics

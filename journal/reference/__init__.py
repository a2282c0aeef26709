"""The offline reference: guidance topics in our own words, searchable without a network.

Pure Python (stdlib only; SQLite FTS5 in memory for search). No Qt, no SQLAlchemy.
"""

from journal.reference.library import (
    MARK_END,
    MARK_START,
    READING_ORDER,
    RULE_TOPICS,
    Hit,
    ReferenceLibrary,
    UnknownTopic,
    default_library,
)
from journal.reference.topics import SOURCES, Topic, TopicError, load_topics, parse_topic

__all__ = [
    "MARK_END",
    "MARK_START",
    "READING_ORDER",
    "RULE_TOPICS",
    "SOURCES",
    "Hit",
    "ReferenceLibrary",
    "Topic",
    "TopicError",
    "UnknownTopic",
    "default_library",
    "load_topics",
    "parse_topic",
]

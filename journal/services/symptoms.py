"""What a typed symptom means: a catalog code, or the code a plain name stands for.

The catalog (resources/symptoms.json, journal.knowledge) is the one list of codes,
labels and everyday names; this module only turns its answer into the service's errors."""

from __future__ import annotations

from journal.domain import SYMPTOM_CODES
from journal.domain.i18n import _
from journal.knowledge import KnowledgeError, default_catalog

from .errors import ValidationError


def symptom_code(text: str, field_name: str = "symptom") -> str:
    """The catalog code for `text`: a code (`muscle-twitching`), its label, or a plain name the
    catalog lists for it (`twitching`), ignoring case, spaces and hyphens.

    Raises ValidationError(field_name) naming the closest codes when nothing matches. A catalog
    that cannot be loaded still accepts the exchange format's own codes, so logging never stops."""
    try:
        catalog = default_catalog()
    except KnowledgeError:
        if text.strip().lower() in SYMPTOM_CODES:
            return text.strip().lower()
        raise ValidationError(field_name, _('"{text}" is not a known symptom code').format(text=text)) from None
    code = catalog.code_for(text)
    if code is not None:
        return code
    closest = ", ".join(catalog.closest_codes(text))
    raise ValidationError(field_name, _('"{text}" is not in the symptom catalog; the closest codes are {closest} '
                                        '(or "other", saying what it was in the note)').format(text=text, closest=closest))

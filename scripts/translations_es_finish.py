"""The Spanish texts of the words es-finish put through the layer: amounts and their units, the one-word
names of readings, forms, statuses and sources (journal/domain/shown.py), counted words
(journal/domain/plural.py) and the strength parser's refusals. Our own translation."""

ES_FINISH: dict[str | tuple[str, str], str | tuple[str, str]] = {
    # amounts (journal/domain/quantity.py)
    "{amount} per {per}": "{amount} por {per}",
    ("tablet", "tablets"): ("comprimido", "comprimidos"),
    ("sachet", "sachets"): ("sobre", "sobres"),
    "mg, mcg, g, mL, tablet or sachet": "mg, mcg, g, mL, comprimido o sobre",
    "write it like 10 mg, 2.5 mL, 2,5 mL, 1/2 tablet or 1 1/2 tablets":
        "escríbala como 10 mg, 2,5 mL, 2.5 mL, 1/2 comprimido o 1 1/2 comprimidos",
    "Enter the strength, for example 10 mg or 5 mg/5 mL.":
        "Escriba la concentración, por ejemplo 10 mg o 5 mg/5 mL.",
    "The strength should start with mg, mcg or g, like 10 mg (got {text}).":
        "La concentración debe empezar por mg, mcg o g, como 10 mg (se escribió {text}).",
    "The strength must be more than zero.": "La concentración tiene que ser mayor que cero.",
    "The amount after the slash must be more than zero (like 5 mL).":
        "La cantidad después de la barra tiene que ser mayor que cero (como 5 mL).",
    # a reading's unit in words (journal/services/readings.py)
    "a minute": "por minuto",
    # a medicine's form (journal/domain/shown.py FORM_NAMES)
    "solution": "solución",
    "suspension": "suspensión",
    "granules": "granulado",
    "pump": "bomba",
    "other": "otra",
    # source keys that are words (journal/domain/shown.py SOURCE_NAMES)
    "judgement": "criterio del proyecto",
    "label": "ficha técnica",
    # lists and counted words (journal/domain/plural.py)
    "{items} and {last}": "{items} y {last}",
    ("{n} time", "{n} times"): ("{n} vez", "{n} veces"),
    ("{n} concern", "{n} concerns"): ("{n} motivo de preocupación", "{n} motivos de preocupación"),
    ("{n} more emergency alert", "{n} more emergency alerts"):
        ("{n} aviso de emergencia más", "{n} avisos de emergencia más"),
    ("{n} alarm", "{n} alarms"): ("{n} alarma", "{n} alarmas"),
    ("{n} dose change", "{n} dose changes"): ("{n} cambio de dosis", "{n} cambios de dosis"),
    ("{n} question", "{n} questions"): ("{n} pregunta", "{n} preguntas"),
}

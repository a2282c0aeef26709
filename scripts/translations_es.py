"""The Spanish texts of the gettext catalog (non-Qt layers), kept as data so `make translations`
can make the .po from the .pot again after new texts are marked. Our own translation."""

from translations_es_text import ES_TEXT  # the alerts, knowledge texts and command line (es-text)

ES: dict[str | tuple[str, str], str | tuple[str, str]] = {
    **ES_TEXT,
    "EMERGENCY": "EMERGENCIA",
    "URGENT": "URGENTE",
    "WARNING": "ATENCIÓN",
    "INFO": "INFORMACIÓN",
    "{who}, since {since}": "{who}, desde {since}",
    "What to do: {advice}": "Qué hacer: {advice}",
    "Why:": "Por qué:",
    "More: {command}": "Más: {command}",
    "everyone": "todas las personas",
    "No alerts for {whom} as of {when} ({zone}).": "No hay avisos para {whom} a las {when} ({zone}).",
    ("{n} alert for {whom} as of {when} ({zone}), most urgent first:",
     "{n} alerts for {whom} as of {when} ({zone}), most urgent first:"):
        ("{n} aviso para {whom} a las {when} ({zone}), el más urgente primero:",
         "{n} avisos para {whom} a las {when} ({zone}), los más urgentes primero:"),
    "This is a caregiver's own record, kept in CareJournal. It is not a medical document and not medical "
    "advice; please check anything important against the clinic's records.":
        "Este es el registro propio de un cuidador, llevado en CareJournal. No es un documento médico ni un "
        "consejo médico; compruebe lo importante con los registros de la clínica.",
    "At a glance": "De un vistazo",
    "Questions for the doctor": "Preguntas para el médico",
    "Current medicines and schedules": "Medicamentos y horarios actuales",
    "Pump settings (from the latest pump entries)": "Ajustes de la bomba (según las últimas anotaciones)",
    "Dose changes in this period": "Cambios de dosis en este periodo",
    "Planned changes still to come": "Cambios previstos que aún no han llegado",
    "Doses given and missed": "Dosis dadas y olvidadas",
    "Longest times between given doses": "Los ratos más largos entre dosis dadas",
    "What happened around the gaps and changes": "Qué pasó alrededor de las pausas y los cambios",
    "Safety alerts raised in this period": "Avisos de seguridad en este periodo",
    "Symptoms": "Síntomas",
    "Spasms, pain and temperature": "Espasmos, dolor y temperatura",
    "Pump refills, alarms and checks": "Rellenados, alarmas y revisiones de la bomba",
    "Caregiver notes": "Notas del cuidador",
    "Corrections made in this period": "Correcciones hechas en este periodo",
    "About this report": "Sobre este informe",
    "Times are local to {zone}.": "Las horas son las de {zone}.",
    "This is not medical advice.": "Esto no es consejo médico.",
    "Call the pump clinic now; if you cannot reach them quickly, call {number}.":
        "Llame ya a la clínica de la bomba; si no les localiza pronto, llame al {number}.",
    "Call {number} now.": "Llame ya al {number}.",
    "Call the doctor or clinic today.": "Llame hoy al médico o a la clínica.",
    "If the person cannot be woken, has trouble breathing or has a seizure, call {number}.":
        "Si no logra despertar a la persona, le cuesta respirar o tiene una convulsión, llame al {number}.",
    "Do not start, stop or change doses on your own.": "No empiece, deje ni cambie dosis por su cuenta.",
    ("{medicine}: a planned dose was not logged", "{medicine}: {n} planned doses were not logged"):
        ("{medicine}: una dosis prevista no está anotada", "{medicine}: {n} dosis previstas no están anotadas"),
    ("Nothing is logged for the {times} dose of {medicine} for {person}. If it was given, log it so the record "
     "is right.",
     "Nothing is logged for the {times} doses of {medicine} for {person}. If they were given, log them so the "
     "record is right."):
        ("No hay nada anotado para la dosis de las {times} de {medicine} de {person}. Si se dio, anótela para "
         "que el registro sea correcto.",
         "No hay nada anotado para las dosis de las {times} de {medicine} de {person}. Si se dieron, anótelas "
         "para que el registro sea correcto."),
    "Missing doses of this medicine in a row can bring on {risk}.":
        "Saltarse varias dosis seguidas de este medicamento puede provocar {risk}.",
    "planned {dose} at {when}: nothing logged ({ago} ago)": "previsto {dose} el {when}: nada anotado (hace {ago})",
    "grace period: {hours} h after the planned time (source: {source})":
        "margen: {hours} h después de la hora prevista (fuente: {source})",
    "If it was not given: the usual leaflet advice is to give it when you remember, unless the next dose is less "
    "than {hours} hours away, and never to give two doses together to catch up. Ask the pharmacist or doctor if "
    "unsure.":
        "Si no se dio: el prospecto suele aconsejar darla en cuanto se acuerde, salvo que falten menos de {hours} "
        "horas para la siguiente, y no dar nunca dos dosis juntas para recuperar la olvidada. Si tiene dudas, "
        "pregunte al farmacéutico o al médico.",
}

from translations_es_report import ES_REPORT  # noqa: E402  (the report's words, kept apart)

ES.update(ES_REPORT)

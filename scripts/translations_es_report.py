"""The Spanish texts of the doctor-visit report (journal/reports, journal/services/reports.py), kept
apart from translations_es.py so the report's words and the alerts' words are edited separately;
translations_es.py merges them (ES.update(ES_REPORT)). Our own translation."""

ES_REPORT: dict[str | tuple[str, str], str | tuple[str, str]] = {
    # -- the page: title, header, footer
    "Doctor-visit report": "Informe para la visita médica",
    "Doctor-visit report: {person}": "Informe para la visita médica: {person}",
    "Doctor-visit report for {first} to {last}": "Informe para la visita médica del {first} al {last}",
    "{person}, age {age}": "{person}, {age} años",
    "{person}, age not recorded": "{person}, edad no anotada",
    "(born {day})": "(nació el {day})",
    "no conditions recorded": "sin enfermedades anotadas",
    "kidney function: {words}": "función renal: {words}",
    "no known kidney problem": "sin problemas de riñón conocidos",
    "mildly reduced": "algo reducida",
    "moderately reduced": "moderadamente reducida",
    "severely reduced": "muy reducida",
    "generated {when} ({zone})": "hecho el {when} ({zone})",
    "times in {zone}": "horas de {zone}",
    "page {page} of {total}": "página {page} de {total}",
    "Page {page} of {total}": "Página {page} de {total}",
    "A caregiver's record from CareJournal, not a medical document.":
        "Registro de un cuidador hecho con CareJournal; no es un documento médico.",
    "Doctor and contacts (from the profile): {contacts}": "Médico y contactos (de la ficha): {contacts}",
    # -- at a glance
    ("{medicine}: {given} of {n} scheduled doses given ({pct}%);",
     "{medicine}: {given} of {n} scheduled doses given ({pct}%);"):
        ("{medicine}: {given} de {n} dosis prevista dada ({pct} %);",
         "{medicine}: {given} de {n} dosis previstas dadas ({pct} %);"),
    "{not_given} not given, {vomited} vomited, {late} late.":
        "sin dar: {not_given}; vomitadas: {vomited}; tarde: {late}.",
    "{n} more not counted yet ({why}).": "{n} más aún sin contar ({why}).",
    "Longest time without a dose: {time}.": "El rato más largo sin dosis: {time}.",
    "Longest time without a dose: {time} (still going).": "El rato más largo sin dosis: {time} (todavía sigue).",
    "set to {mcg} mcg a day": "programada a {mcg} mcg al día",
    "next refill due {day}": "próximo rellenado el {day}",
    ("{n} alarm logged in the period", "{n} alarms logged in the period"):
        ("{n} alarma anotada en el periodo", "{n} alarmas anotadas en el periodo"),
    "Pump: {details}.": "Bomba: {details}.",
    ("{n} dose change in the period.", "{n} dose changes in the period."):
        ("{n} cambio de dosis en el periodo.", "{n} cambios de dosis en el periodo."),
    "Safety alerts: the checks could not be run again for this period (see below).":
        "Avisos de seguridad: no se pudieron repetir las comprobaciones para este periodo (vea más abajo).",
    "Safety alerts raised: {counts}.": "Avisos de seguridad: {counts}.",
    ("{n} emergency", "{n} emergency"): ("{n} de emergencia", "{n} de emergencia"),
    ("{n} urgent", "{n} urgent"): ("{n} urgente", "{n} urgentes"),
    ("{n} warning", "{n} warning"): ("{n} de atención", "{n} de atención"),
    ("{n} info", "{n} info"): ("{n} informativo", "{n} informativos"),
    "No safety alerts were raised in the period.": "No hubo avisos de seguridad en el periodo.",
    ("{n} red-flag symptom entry logged (see the timeline).",
     "{n} red-flag symptom entries logged (see the timeline)."):
        ("{n} anotación de un síntoma de alarma (vea la línea de tiempo).",
         "{n} anotaciones de síntomas de alarma (vea la línea de tiempo)."),
    ("{n} question for the doctor below.", "{n} questions for the doctor below."):
        ("{n} pregunta para el médico, más abajo.", "{n} preguntas para el médico, más abajo."),
    # -- questions, medicines, pump
    "Written": "Escrita",
    "Question": "Pregunta",
    "(not started yet)": "(aún no empezado)",
    "(stopped)": "(suspendido)",
    "strength {strength}": "dosis por unidad: {strength}",
    "since {day}": "desde el {day}",
    "by {prescriber}": "recetado por {prescriber}",
    "Medicine": "Medicamento",
    "Route, form": "Vía, forma",
    "Concentration": "Concentración",
    "Schedule": "Horario",
    "Since, reason, prescriber": "Desde, motivo, quién lo recetó",
    "No medicines are recorded.": "No hay medicamentos anotados.",
    "oral": "oral",
    "intrathecal": "intratecal",
    "other": "otra",
    "tablet": "comprimido",
    "solution": "solución",
    "suspension": "suspensión",
    "granules": "granulado",
    "pump": "bomba",
    "not recorded": "no consta",
    "none recorded": "no consta ninguno",
    "{mcg} mcg a day": "{mcg} mcg al día",
    "{mg} mg a day": "{mg} mg al día",
    "{mcg} mcg/mL (last refill)": "{mcg} mcg/mL (último rellenado)",
    "No concentration (mg per mL) is recorded for this liquid. Check the bottle's label.":
        "No consta la concentración (mg por mL) de este líquido. Mire la etiqueta del frasco.",
    "Daily dose programmed": "Dosis diaria programada",
    "Reservoir / low-reservoir alarm": "Depósito / alarma de depósito bajo",
    "Last refill": "Último rellenado",
    "Next refill due": "Próximo rellenado",
    "Last alarm": "Última alarma",
    "Setting": "Ajuste",
    "Value": "Valor",
    "not taking": "no lo toma",
    "when needed": "cuando haga falta",
    "no schedule": "sin horario",
    "stopped": "suspendido",
    "stopped {day}": "suspendido el {day}",
    "starts {day}: {schedule}": "empieza el {day}: {schedule}",
    "pump set to {mcg} mcg a day": "bomba programada a {mcg} mcg al día",
    "{dose} a day by pump": "{dose} al día con bomba",
    "{dose} when needed": "{dose} cuando haga falta",
    "{dose} at {times}": "{dose} a las {times}",
    "{dose} at {times} every other day": "{dose} a las {times}, un día sí y otro no",
    "{dose} at {times} every {n} days": "{dose} a las {times}, cada {n} días",
    "as needed: {limits}": "si hace falta: {limits}",
    "ceiling {amount} a day": "máximo {amount} al día",
    "at most {n} doses": "como mucho {n} dosis",
    "at least {hours} h apart": "con al menos {hours} h entre una y otra",
    "at most {amount}": "como mucho {amount}",
    "{limits} in 24 hours": "{limits} en 24 horas",
    "stock cannot be told ({reason})": "no se pueden calcular las existencias ({reason})",
    "stock at the period's end: {stock}": "existencias al final del periodo: {stock}",
    # -- dose changes
    "Date": "Fecha",
    "From": "Antes",
    "To": "Después",
    "Change": "Cambio",
    "Reason, prescribed by": "Motivo, recetado por",
    "No dose changes in this period.": "No hubo cambios de dosis en este periodo.",
    "increase": "subida",
    "decrease": "bajada",
    "start": "inicio",
    "stop": "fin",
    "change": "cambio",
    "Intrathecal pump": "Bomba intratecal",
    # -- doses given and missed
    "Scheduled": "Previstas",
    "On time": "A su hora",
    "Early": "Antes de hora",
    "Late": "Tarde",
    "Skipped": "Saltadas",
    "Refused": "Rechazadas",
    "Vomited": "Vomitadas",
    "Missed (noted)": "Olvidadas (anotado)",
    "Missed (nothing logged)": "Olvidadas (nada anotado)",
    "Extra": "De más",
    ("{medicine}: given {n} time with no fixed schedule.", "{medicine}: given {n} times with no fixed schedule."):
        ("{medicine}: dado {n} vez, sin horario fijo.", "{medicine}: dado {n} veces, sin horario fijo."),
    "Baclofen comes from the pump without doses given by hand; see the pump settings and the pump events below.":
        "El baclofeno llega por la bomba, sin dosis dadas a mano; vea más abajo los ajustes y los sucesos de la "
        "bomba.",
    "No doses were scheduled or logged in this period.": "No hubo dosis previstas ni anotadas en este periodo.",
    "Last dose before the gap": "Última dosis antes de la pausa",
    "Next dose": "Dosis siguiente",
    "Gap": "Pausa",
    "Schedule's longest interval": "Intervalo más largo del horario",
    "none yet (gap still open at the end of the period)":
        "ninguna todavía (la pausa sigue abierta al final del periodo)",
    "{hours} h ({days} days)": "{hours} h ({days} días)",
    "How these are counted: {definitions}": "Cómo se cuentan: {definitions}",
    "Each planned time is counted once, on its own day, with the same answer as the Today page and the safety "
    "checks: a dose given after midnight for the evening time counts for that evening.":
        "Cada hora prevista se cuenta una vez, en su propio día, igual que en la página Hoy y en las "
        "comprobaciones de seguridad: una dosis dada pasada la medianoche para la hora de la noche cuenta para "
        "esa noche.",
    "On time: given within {on_time} of the planned time (before or after). Late: more than {on_time} after it. "
    "Early: more than {on_time} before it.":
        "A su hora: dada a menos de {on_time} de la hora prevista (antes o después). Tarde: más de {on_time} "
        "después. Antes de hora: más de {on_time} antes.",
    "{medicine}: a dose logged without its time answers the nearest open planned time within {within} (at most "
    "half the time between two planned doses); nothing logged {grace} after a planned time counts as missed "
    "(nothing logged).":
        "{medicine}: una dosis anotada sin su hora cuenta para la hora prevista libre más cercana dentro de "
        "{within} (como mucho la mitad del tiempo entre dos dosis previstas); si no hay nada anotado {grace} "
        "después de una hora prevista, cuenta como olvidada (nada anotado).",
    "{low} to {high}": "{low} a {high}",
    "Missed (noted): a caregiver noted it was not given. Times not yet due, or still within that grace time when "
    "the report was made, are not counted yet. Nothing before the journal's first entry for a medicine is counted.":
        "Olvidadas (anotado): un cuidador anotó que no se dio. Las horas que aún no habían llegado, o que seguían "
        "dentro de ese margen al hacer el informe, todavía no se cuentan. No se cuenta nada anterior a la primera "
        "anotación del diario para cada medicamento.",
    "Percentages are of the planned doses counted in the period. Extra: doses given that answer no planned time "
    "(as-needed doses, or a time logged twice).":
        "Los porcentajes son sobre las dosis previstas contadas en el periodo. De más: dosis dadas que no "
        "corresponden a ninguna hora prevista (dosis cuando hace falta, o una hora anotada dos veces).",
    "Gaps are measured between doses marked as given; a vomited dose does not count as given.":
        "Las pausas se miden entre dosis marcadas como dadas; una dosis vomitada no cuenta como dada.",
    # -- the doses chart
    "Scheduled (hatched)": "Previstas (rayado)",
    "Given (solid bar)": "Dadas (barra llena)",
    "Not given: skipped, refused or missed": "Sin dar: saltadas, rechazadas u olvidadas",
    "Doses per day: {medicine}": "Dosis por día: {medicine}",
    "Doses per week: {medicine}": "Dosis por semana: {medicine}",
    "Jan": "ene", "Feb": "feb", "Mar": "mar", "Apr": "abr", "May": "may", "Jun": "jun",
    "Jul": "jul", "Aug": "ago", "Sep": "sept", "Oct": "oct", "Nov": "nov", "Dec": "dic",
    "{month} {day}": "{day} {month}",
    "{month} {year}": "{month} {year}",
    # -- the timeline
    "Timeline: dose changes, gaps and symptoms": "Línea de tiempo: cambios de dosis, pausas y síntomas",
    "Dose changes": "Cambios de dosis",
    "Gaps between doses": "Pausas entre dosis",
    "Red-flag symptoms": "Síntomas de alarma",
    "Call-today symptoms": "Síntomas para llamar hoy",
    "Other severe symptoms": "Otros síntomas intensos",
    "Temperature out of range": "Temperatura fuera de rango",
    "Pump events": "Sucesos de la bomba",
    "dose raised": "dosis subida",
    "dose lowered": "dosis bajada",
    "started or stopped": "iniciado o suspendido",
    "gap without doses": "pausa sin dosis",
    "red flag": "señal de alarma",
    "call today": "llamar hoy",
    "other severe": "otro intenso",
    "temperature": "temperatura",
    "When": "Cuándo",
    "Kind": "Tipo",
    "What": "Qué",
    "RED FLAG": "SEÑAL DE ALARMA",
    "severe": "intenso",
    "gap": "pausa",
    "started": "iniciado",
    "changed": "cambiado",
    "No dose changes, long gaps, severe symptoms, fevers or pump problems in this period.":
        "En este periodo no hubo cambios de dosis, pausas largas, síntomas intensos, fiebre ni problemas con la "
        "bomba.",
    "{medicine}: no dose given for {hours} h (schedule allows about {allowed} h)":
        "{medicine}: ninguna dosis durante {hours} h (el horario permite unas {allowed} h)",
    "{medicine}: no dose given since {hours} h (schedule allows about {allowed} h)":
        "{medicine}: ninguna dosis desde hace {hours} h (el horario permite unas {allowed} h)",
    ", severity {n}/10": ", intensidad {n}/10",
    "fever": "fiebre",
    "low temperature": "temperatura baja",
    "fever {temperature}": "fiebre {temperature}",
    "low {temperature}": "baja {temperature}",
    "pump refilled": "bomba rellenada",
    "pump refill": "rellenado de la bomba",
    "pump alarm": "alarma de la bomba",
    "pump check": "revisión de la bomba",
    "pump dose change": "cambio de dosis de la bomba",
    "pump catheter problem": "problema del catéter de la bomba",
    # -- safety alerts
    "The safety checks could not be run again for this period when this report was made, so this section is "
    "empty. The gaps, missed doses and symptoms above are complete.":
        "Al hacer este informe no se pudieron repetir las comprobaciones de seguridad para este periodo, así "
        "que esta sección está vacía. Las pausas, las dosis olvidadas y los síntomas de más arriba están "
        "completos.",
    "Found by running the safety checks again as of the end of every day of the period and at the moments a dose "
    "became missed or a gap grew long; each situation is listed once, at its most severe.":
        "Encontrados repitiendo las comprobaciones de seguridad al final de cada día del periodo y en los "
        "momentos en que una dosis pasó a olvidada o una pausa se alargó; cada situación sale una sola vez, en "
        "su momento más grave.",
    "Since": "Desde",
    "Severity": "Gravedad",
    "Alert": "Aviso",
    "Evidence": "Lo que se vio",
    "Acknowledged": "Confirmado",
    "not acknowledged": "sin confirmar",
    "by {who}": "por {who}",
    "Warning": "Atención",
    "Info": "Información",
    "No safety alerts were raised in this period.": "No hubo avisos de seguridad en este periodo.",
    # -- symptoms and readings
    "Symptom": "Síntoma",
    "Times logged": "Veces anotado",
    "Worst severity (0-10)": "Intensidad máxima (0-10)",
    "Triage": "Nivel",
    "mention at the visit": "comentar en la visita",
    "other symptoms": "otros síntomas",
    "Symptom severity (0-10)": "Intensidad de los síntomas (0-10)",
    "No symptoms were logged in this period.": "No se anotaron síntomas en este periodo.",
    "Penn spasm frequency (0 none, 4 more than 10 an hour)":
        "Frecuencia de espasmos de Penn (0 ninguno, 4 más de 10 por hora)",
    "Penn score": "Puntuación de Penn",
    "Pain (0-10)": "Dolor (0-10)",
    "Pain": "Dolor",
    "Temperature ({unit})": "Temperatura ({unit})",
    "Temperature": "Temperatura",
    "No spasm scores were logged in this period.": "No se anotaron puntuaciones de espasmos en este periodo.",
    "No pain scores were logged in this period.": "No se anotaron puntuaciones de dolor en este periodo.",
    "No temperatures were logged in this period.": "No se anotaron temperaturas en este periodo.",
    "No spasm scores or pain scores were logged in this period.":
        "No se anotaron puntuaciones de espasmos ni de dolor en este periodo.",
    "No spasm scores or temperatures were logged in this period.":
        "No se anotaron puntuaciones de espasmos ni temperaturas en este periodo.",
    "No pain scores or temperatures were logged in this period.":
        "No se anotaron puntuaciones de dolor ni temperaturas en este periodo.",
    "No spasm scores, pain scores or temperatures were logged in this period.":
        "No se anotaron puntuaciones de espasmos ni de dolor, ni temperaturas, en este periodo.",
    # -- pump events, notes, corrections
    "Event": "Suceso",
    "Details": "Detalles",
    "Note": "Nota",
    "refill": "rellenado",
    "alarm": "alarma",
    "check": "revisión",
    "dose change": "cambio de dosis",
    "catheter problem": "problema del catéter",
    "{ml} mL put in": "{ml} mL puestos",
    "No pump refills, alarms or checks were logged in this period.":
        "No se anotaron rellenados, alarmas ni revisiones de la bomba en este periodo.",
    "No notes in this period.": "No hay notas en este periodo.",
    ", for the {time} dose": ", para la dosis de las {time}",
    "Dose of {medicine} ({status}{slot}): {note}": "Dosis de {medicine} ({status}{slot}): {note}",
    "Symptom {name}{severity}: {note}": "Síntoma {name}{severity}: {note}",
    "Reading {kind} {value}: {note}": "Medida {kind} {value}: {note}",
    "a medicine": "un medicamento",
    "Entries are never overwritten: the journal keeps the earlier value. These entries were changed during the "
    "period.":
        "Las anotaciones nunca se sobrescriben: el diario guarda el valor anterior. Estas anotaciones se "
        "cambiaron durante el periodo.",
    "Changed": "Cambiado",
    "By": "Por",
    "Entry": "Anotación",
    "What changed (earlier -> new)": "Qué cambió (antes -> ahora)",
    "Reason": "Motivo",
    "No entries were corrected or removed in this period.":
        "No se corrigió ni se quitó ninguna anotación en este periodo.",
    "Dose": "Dosis",
    "Measurement": "Medida",
    "Pump event": "Suceso de la bomba",
    "Personal details": "Datos personales",
    "Stock entry": "Anotación de existencias",
    "{entry} of {medicine}": "{entry} de {medicine}",
    "{entry} ({kind}) of {medicine}": "{entry} ({kind}) de {medicine}",
    "corrected": "corregido",
    "removed": "quitado",
    "restored": "recuperado",
    "(empty)": "(vacío)",
    "(none)": "(ninguno)",
    "entry removed (kept in the journal's history)": "anotación quitada (se guarda en el historial del diario)",
    "entry brought back": "anotación recuperada",
    # -- making the file
    "could not start painting the report (is the output file writable?)":
        "no se pudo empezar a dibujar el informe (¿se puede escribir en el archivo de salida?)",
    "page size {size}: use A4 or Letter": "tamaño de página {size}: use A4 o Letter",
    "the first day ({first}) is after the last day ({last})": "el primer día ({first}) es posterior al último ({last})",
    "{day} is in the future": "{day} está en el futuro",
    "the folder {folder} does not exist": "la carpeta {folder} no existe",
    "cannot write {path}: permission denied": "no se puede escribir {path}: permiso denegado",
    "the file does not start like a PDF": "el archivo no empieza como un PDF",
    "the PDF was cut off before its end": "el PDF se cortó antes del final",
    # -- journal/schedule/words.py (what became of a dose; the report's notes and counts use them)
    "given": "dada",
    "skipped (not given)": "saltada (no se dio)",
    "refused": "rechazada",
    "given, then vomited": "dada y luego vomitada",
    "marked missed": "marcada como olvidada",
    "due": "toca ahora",
    "overdue": "con retraso",
    "nothing logged": "nada anotado",
    "on time": "a su hora",
    "early": "antes de hora",
    "late": "tarde",
    "not yet due or within the grace time": "aún no tocaba o seguía dentro del margen",
    # -- the reference reader (journal/reference): the lines under each page, the sources' names
    "See also: {topics}": "Vea también: {topics}",
    "Where these facts come from: {sources}.": "De dónde vienen estos datos: {sources}.",
    "no reference topic called {topic}": "no hay ningún tema de la guía llamado {topic}",
    "the emergency number": "el número de emergencias",
    "Article: can baclofen cause muscle twitches": "Artículo: ¿puede el baclofeno causar sacudidas musculares?",
    "Article: can baclofen cause dystonia": "Artículo: ¿puede el baclofeno causar distonía?",
    "Article: can baclofen increase spasticity": "Artículo: ¿puede el baclofeno aumentar la espasticidad?",
    "Clinical summary: baclofen for muscle spasms": "Resumen clínico: baclofeno para los espasmos musculares",
    "Article: what is the purpose of baclofen": "Artículo: para qué sirve el baclofeno",
    "Ozobax (oral solution) prescribing label": "Ficha técnica de Ozobax (solución oral)",
    "Lyvispah (oral granules) prescribing label": "Ficha técnica de Lyvispah (granulado oral)",
    "Fleqsuvy (oral suspension) prescribing label": "Ficha técnica de Fleqsuvy (suspensión oral)",
    "pms-Baclofen product monograph": "Monografía del producto pms-Baclofen",
    "UpToDate baclofen drug information": "Información de UpToDate sobre el baclofeno",
    "Gablofen (intrathecal baclofen) label summary": "Resumen de la ficha técnica de Gablofen (baclofeno intratecal)",
    "Boxed warning for intrathecal baclofen": "Advertencia destacada del baclofeno intratecal",
    "NHS: how and when to take baclofen": "NHS: cómo y cuándo tomar baclofeno",
    "D'Aleo and others, 2007, Functional Neurology": "D'Aleo y otros, 2007, Functional Neurology",
    "Leo and Baer, 2005, Psychosomatics": "Leo y Baer, 2005, Psychosomatics",
    "Leung and others, 2006, Emergency Medicine Australasia": "Leung y otros, 2006, Emergency Medicine Australasia",
    "Baclofen and kidney disease, Journal of Clinical Pharmacology, 2014":
        "El baclofeno y la enfermedad de riñón, Journal of Clinical Pharmacology, 2014",
    "Journal of Emergency Medicine, 2020 (PMID 32204996)": "Journal of Emergency Medicine, 2020 (PMID 32204996)",
    "van Dijk and others, 2024 (PMC11383621)": "van Dijk y otros, 2024 (PMC11383621)",
    "ISMP safety alert on oral liquid baclofen strengths":
        "Alerta de seguridad del ISMP sobre las concentraciones del baclofeno líquido oral",
    "Medtronic SynchroMed patient pages": "Páginas para pacientes de Medtronic SynchroMed",
    "Gillette Children's pages on pump refills": "Páginas de Gillette Children's sobre el rellenado de la bomba",
    "The published scales: Penn Spasm Frequency Scale, Modified Ashworth Scale, 0 to 10 rating":
        "Las escalas publicadas: escala de frecuencia de espasmos de Penn, escala de Ashworth modificada, "
        "valoración de 0 a 10",
    "The prescribing labels of the other medicines named (their warnings on stopping suddenly)":
        "Las fichas técnicas de los demás medicamentos nombrados (sus advertencias sobre dejarlos de golpe)",
    "CareJournal's own judgement where no source sets a number":
        "Criterio propio de CareJournal cuando ninguna fuente fija una cifra",
}

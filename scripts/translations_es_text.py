"""The Spanish texts of the alerts (journal/rules, the knowledge files they quote, the shared words
of journal/schedule and journal/knowledge), merged into ES by translations_es.py. Our own
translation: neutral Spanish, "usted", plain words; placeholders kept exactly; never an
instruction to change a dose on one's own."""

ES_TEXT: dict[str | tuple[str, str], str | tuple[str, str]] = {
    # -- shared pieces (journal/rules/common.py, schedule) -------------------------------------
    "{n} min": "{n} min",
    "{hours} h": "{hours} h",
    "{hours} h {minutes} min": "{hours} h {minutes} min",
    "{days} days": "{days} días",
    "{first} and {second}": "{first} y {second}",
    " then ": " y luego ",
    ("... {n} more ...", "... {n} more ..."): ("... {n} más ...", "... {n} más ..."),
    "{when} ({ago} ago)": "{when} (hace {ago})",
    "emergency": "emergencia",
    "urgent": "urgente",
    "warning": "atención",
    "info": "información",
    "taken": "dada",
    "skipped": "saltada",
    "refused": "rechazada",
    "vomited": "vomitada",
    "missed": "olvidada",
    "nothing logged": "nada anotado",
    "missed doses": "dosis olvidadas",
    "a lower dose": "una dosis más baja",
    "a pump problem": "un problema de la bomba",
    "a dose increase": "una subida de dosis",
    "a double dose": "una dosis doble",
    "an extra dose": "una dosis de más",
    "a larger dose than planned": "una dosis mayor de lo previsto",
    "a change": "un cambio",
    "an interruption": "una interrupción",
    "more medicine": "más medicamento",
    "another product": "otro producto",
    "{medicine}: {when} dose not given ({why})": "{medicine}: dosis del {when} no dada ({why})",
    "pump dose lowered from {before} to {after} mcg a day ({source})":
        "dosis de la bomba bajada de {before} a {after} mcg al día ({source})",
    "pump dose raised from {before} to {after} mcg a day ({source})":
        "dosis de la bomba subida de {before} a {after} mcg al día ({source})",
    "{medicine}: schedule cut from {before} to {after} a day on {day}":
        "{medicine}: pauta bajada de {before} a {after} al día el {day}",
    "{medicine}: schedule raised from {before} to {after} a day on {day}, first dose at the new amount {when}":
        "{medicine}: pauta subida de {before} a {after} al día el {day}, primera dosis con la nueva cantidad "
        "el {when}",
    "pump alarm": "alarma de la bomba",
    "catheter problem": "problema del catéter",
    ", dealt with {when}": ", resuelto el {when}",
    ", no refill or clinic check logged since": ", sin rellenado ni revisión en la clínica anotados desde entonces",
    "{what} logged {when}": "{what} anotado el {when}",
    ("pump refill was due {day} and none is logged ({n} day overdue)",
     "pump refill was due {day} and none is logged ({n} days overdue)"):
        ("el rellenado de la bomba tocaba el {day} y no hay ninguno anotado ({n} día de retraso)",
         "el rellenado de la bomba tocaba el {day} y no hay ninguno anotado ({n} días de retraso)"),
    "({medicine} first)": "(primero {medicine})",
    "{medicine}: two doses close together, {first} and {second}":
        "{medicine}: dos dosis muy seguidas, {first} y {second}",
    "{medicine}: extra dose {when} outside the schedule": "{medicine}: dosis de más el {when}, fuera de la pauta",
    "{medicine}: {given} given {when} for a planned {planned} ({times} times the amount)":
        "{medicine}: {given} dados el {when} cuando lo previsto era {planned} ({times} veces la cantidad)",
    "clinic set the next refill for {day}": "la clínica fijó el próximo rellenado para el {day}",
    "estimated: {volume} mL at {concentration} mcg/mL, {daily} mcg a day, from the refill on {day}":
        "estimado: {volume} mL a {concentration} mcg/mL, {daily} mcg al día, desde el rellenado del {day}",
    ", severity {n}/10": ", intensidad {n}/10",
    "{sign} at {when}": "{sign} el {when}",
    "schedule from {day}": "pauta desde el {day}",
    "schedule ended {day}": "pauta terminada el {day}",
    "refill logged {when}": "rellenado anotado el {when}",
    "dose change logged {when}": "cambio de dosis anotado el {when}",
    "run out": "se ha acabado",
    "less than a day left": "queda menos de un día",
    ("about {n} day left", "about {n} days left"): ("queda más o menos {n} día", "quedan unos {n} días"),
    "about {amount} on hand": "unos {amount} en casa",
    # -- dose and slot words (journal/schedule/words.py), as-needed limits --------------------------
    "given": "dada",
    "skipped (not given)": "saltada (no dada)",
    "given, then vomited": "dada y luego vomitada",
    "marked missed": "marcada como olvidada",
    "due": "toca ahora",
    "overdue": "atrasada",
    "on time": "a su hora",
    "early": "antes de hora",
    "late": "tarde",
    "not yet due or within the grace time": "aún no toca o dentro del margen",
    "as prescribed": "según la receta",
    "half the usual {hours} h between doses of this drug ({source})":
        "la mitad de las {hours} h habituales entre dosis de este medicamento ({source})",
    "the usual most in a day for this drug ({source})": "el máximo habitual al día de este medicamento ({source})",
    # -- the symptom catalog and readings (journal/knowledge/catalog.py) -----------------------
    "new: not logged in the days before": "nuevo: no anotado en los días anteriores",
    "up from at most {top}/10 in the days before": "sube desde un máximo de {top}/10 en los días anteriores",
    "temperature {value} (high: {limit} or more)": "temperatura {value} (alta: {limit} o más)",
    "temperature {value} (low: {limit} or less)": "temperatura {value} (baja: {limit} o menos)",
    "breathing {value}/min (slow: under {limit})": "respiración {value}/min (lenta: menos de {limit})",
    "oxygen {value}% (low: under {limit})": "oxígeno {value}% (bajo: menos de {limit})",
    "temperature": "temperatura",
    "heart rate": "frecuencia cardiaca",
    "respiratory rate": "frecuencia respiratoria",
    "blood pressure": "tensión arterial",
    "oxygen saturation": "saturación de oxígeno",
    "penn spasm frequency": "frecuencia de espasmos (Penn)",
    "modified ashworth": "escala de Ashworth modificada",
    "pain nrs": "dolor (escala 0-10)",
    "weight": "peso",
    "Seizure (fit)": "Convulsión (crisis)",
    "Trouble breathing, slow or shallow breathing": "Le cuesta respirar, respiración lenta o superficial",
    "Cannot be woken or does not respond": "No se le puede despertar o no responde",
    "Seeing or hearing things that are not there": "Ve u oye cosas que no están ahí",
    "Confused or not making sense": "Confusión o no dice cosas con sentido",
    "Restless or agitated": "Inquietud o agitación",
    "Very sleepy, hard to keep awake": "Mucho sueño, cuesta mantenerle despierto",
    "Sleepy or drowsy": "Sueño o somnolencia",
    "Dizzy or light-headed": "Mareo o sensación de desmayo",
    "Fainted or nearly fainted": "Se ha desmayado o casi",
    "Fell over": "Se ha caído",
    "Feels very hot or feverish (not measured)": "Muy caliente o con fiebre (sin medir)",
    "Stiff, rigid muscles": "Músculos tiesos, rígidos",
    "Twisting or held postures (dystonia)": "Torsiones o posturas mantenidas (distonía)",
    "Muscle twitching or jerks": "Tirones o sacudidas musculares",
    "Shaking or tremor": "Temblor",
    "Stiffness or spasms back to how they were before treatment":
        "Rigidez o espasmos otra vez como antes del tratamiento",
    "Muscle spasms": "Espasmos musculares",
    "Itching with no rash": "Picor sin erupción",
    "Tingling or pins and needles": "Hormigueo",
    "Weak or floppy muscles": "Músculos débiles o flojos",
    "Feeling sick": "Náuseas",
    "Vomiting": "Vómitos",
    "Headache": "Dolor de cabeza",
    "Passing water more often or with difficulty": "Orina más a menudo o con dificultad",
    "Constipation": "Estreñimiento",
    "Trouble sleeping": "Le cuesta dormir",
    "Change in mood": "Cambio de humor",
    "Pain": "Dolor",
    "Something else (see note)": "Otra cosa (vea la nota)",
    # -- drug profiles (resources/drugs/*.json) --------------------------------------------------
    "this medicine": "este medicamento",
    "Baclofen": "Baclofeno",
    "Carbamazepine": "Carbamazepina",
    "Clonazepam": "Clonazepam",
    "Clonidine": "Clonidina",
    "Diazepam": "Diazepam",
    "Gabapentin": "Gabapentina",
    "Lamotrigine": "Lamotrigina",
    "Levetiracetam": "Levetiracetam",
    "Macrogol": "Macrogol",
    "Metoprolol": "Metoprolol",
    "Pregabalin": "Pregabalina",
    "Propranolol": "Propranolol",
    "Tizanidine": "Tizanidina",
    "Valproate": "Valproato",
    "a benzodiazepine (sedative)": "una benzodiacepina (sedante)",
    "an opioid painkiller": "un analgésico opioide",
    "another muscle relaxant (tizanidine)": "otro relajante muscular (tizanidina)",
    "an antipsychotic": "un antipsicótico",
    "a tricyclic antidepressant": "un antidepresivo tricíclico",
    "a gabapentinoid (also causes sleepiness)": "un gabapentinoide (también da sueño)",
    "alcohol": "alcohol",
    "withdrawal, which can turn serious: high fever, confusion, seeing things, stiffness far worse than usual "
    "and, at worst, seizures":
        "abstinencia, que puede volverse grave: fiebre alta, confusión, ver cosas que no están, rigidez mucho "
        "peor de lo habitual y, en el peor caso, convulsiones",
    "itching, tingling, stiffness or spasms coming back, fever, confusion or seeing things":
        "picor, hormigueo, vuelta de la rigidez o los espasmos, fiebre, confusión o ver cosas que no están",
    "a quick rise in blood pressure (rebound), with restlessness, shakiness and headache":
        "una subida rápida de la tensión (efecto rebote), con inquietud, temblores y dolor de cabeza",
    "a pounding headache, feeling restless or shaky, a racing heartbeat or a high blood pressure reading (call "
    "the emergency number for chest pain, confusion or a sudden severe headache)":
        "un dolor de cabeza fuerte y palpitante, inquietud o temblores, el corazón muy acelerado o una tensión "
        "alta al medirla (llame al número de emergencias si hay dolor en el pecho, confusión o un dolor de cabeza "
        "fuerte y repentino)",
    "the doctor who prescribes it": "al médico que lo receta",
    "the doctor or clinic that prescribes it": "al médico o la clínica que lo receta",
    "the doctor or epilepsy nurse who prescribes it": "al médico o la enfermera de epilepsia que lo receta",
    "the doctor or epilepsy nurse who prescribes it, before giving it again after a break":
        "al médico o la enfermera de epilepsia que lo receta, antes de volver a darlo tras una pausa",
    "seizures coming back or coming more often, at worst a seizure that does not stop":
        "que vuelvan las convulsiones o sean más frecuentes y, en el peor caso, una convulsión que no se detiene",
    "seizures coming back or coming more often; and after a break of several days it may have to be started "
    "again from a low dose, because restarting at the full dose can bring on a serious rash":
        "que vuelvan las convulsiones o sean más frecuentes; y tras una pausa de varios días puede que haya que "
        "empezar otra vez desde una dosis baja, porque volver directamente a la dosis completa puede provocar una "
        "erupción grave",
    "a seizure or seizures closer together than usual (call the emergency number for a seizure that lasts more "
    "than 5 minutes or a second one without waking in between)":
        "una convulsión o convulsiones más seguidas de lo habitual (llame al número de emergencias si una "
        "convulsión dura más de 5 minutos o llega una segunda sin despertar entre ambas)",
    "a seizure or seizures closer together than usual (call the emergency number for a seizure that lasts more "
    "than 5 minutes or a second one without waking in between), or a new rash":
        "una convulsión o convulsiones más seguidas de lo habitual (llame al número de emergencias si una "
        "convulsión dura más de 5 minutos o llega una segunda sin despertar entre ambas), o una erupción nueva",
    "withdrawal, which can be serious: anxiety and poor sleep, shaking, and at worst seizures":
        "abstinencia, que puede ser grave: ansiedad y mal sueño, temblores y, en el peor caso, convulsiones",
    "anxiety, restlessness, poor sleep, shaking or sweating, seeing things, or a seizure (call the emergency "
    "number for a seizure)":
        "ansiedad, inquietud, mal sueño, temblores o sudores, ver cosas que no están, o una convulsión (llame al "
        "número de emergencias si hay una convulsión)",
    "withdrawal (anxiety, trouble sleeping, feeling sick, pain, sweating) and, in someone who has seizures, "
    "seizures coming back":
        "abstinencia (ansiedad, dificultad para dormir, náuseas, dolor, sudores) y, en quien tiene convulsiones, "
        "que vuelvan las convulsiones",
    "withdrawal (trouble sleeping, feeling sick, headache, anxiety, sweating, diarrhoea) and, in someone who has "
    "seizures, seizures coming back":
        "abstinencia (dificultad para dormir, náuseas, dolor de cabeza, ansiedad, sudores, diarrea) y, en quien "
        "tiene convulsiones, que vuelvan las convulsiones",
    "poor sleep, feeling sick, headache, anxiety, sweating or a seizure":
        "mal sueño, náuseas, dolor de cabeza, ansiedad, sudores o una convulsión",
    "restlessness, poor sleep, sweating, feeling sick, pain flaring up, or a seizure":
        "inquietud, mal sueño, sudores, náuseas, más dolor, o una convulsión",
    "chest pain (angina) getting worse and a fast, pounding heartbeat; in someone with heart disease, a heart "
    "attack":
        "un dolor en el pecho (angina) que empeora y el corazón rápido y palpitante; en quien tiene una "
        "enfermedad del corazón, un infarto",
    "chest pain or tightness (call the emergency number straight away), a racing or pounding heartbeat, "
    "breathlessness or a high blood pressure reading":
        "dolor u opresión en el pecho (llame enseguida al número de emergencias), el corazón acelerado o "
        "palpitante, falta de aire o una tensión alta al medirla",
    "a rebound: blood pressure and heart rate going up and muscles stiffening again":
        "un efecto rebote: suben la tensión y el pulso y los músculos vuelven a ponerse rígidos",
    "stiffness or spasms coming back, a racing heartbeat, or a high blood pressure reading":
        "vuelta de la rigidez o los espasmos, el corazón acelerado o una tensión alta al medirla",
    # -- advice heads and tails shared by several rules -------------------------------------------
    "If an entry is a mistake, correct it so the record is right.":
        "Si una anotación es un error, corríjala para que el registro sea correcto.",
    "If one entry is a mistake, correct it so the record is right.":
        "Si una de las anotaciones es un error, corríjala para que el registro sea correcto.",
    "by {who}": "por {who}",
    "(by {who})": "(por {who})",
    "before that: {event}": "antes de eso: {event}",
    "signs: {signs}": "signos: {signs}",
    "given {when}": "dada el {when}",
    "given {when}: {amount}": "dada el {when}: {amount}",
    "the doctor or pharmacist": "al médico o al farmacéutico",
    # -- abnormal-vital ---------------------------------------------------------------------------
    ", together with {sign}": ", junto con {sign}",
    "{reading} at {when} (source: {source})": "{reading} el {when} (fuente: {source})",
    "Breathing or oxygen reading needs help now": "Una medida de respiración u oxígeno necesita ayuda ya",
    "Slow breathing or low oxygen can be a sign of too much of a sedating medicine.":
        "Una respiración lenta o el oxígeno bajo pueden ser señal de demasiado medicamento sedante.",
    "High temperature with other serious signs: get help now": "Temperatura alta con otros signos graves: pida ayuda ya",
    "A high temperature together with stiff muscles, confusion or seeing things can be a sign of serious "
    "withdrawal or another emergency.":
        "Una temperatura alta junto con músculos rígidos, confusión o ver cosas que no están puede ser señal de "
        "una abstinencia grave o de otra emergencia.",
    "A reading outside the safe range": "Una medida fuera del rango seguro",
    "A fever or a very low temperature needs a doctor's view today, more so after missed doses or a dose change.":
        "La fiebre o una temperatura muy baja necesitan que las vea un médico hoy, más aún tras dosis olvidadas "
        "o un cambio de dosis.",
    "A measurement for {person} is outside the range the journal treats as safe.":
        "Una medida de {person} está fuera del rango que el diario considera seguro.",
    "Tell them the reading and the time, and which medicines the person takes.":
        "Dígales la medida y la hora, y qué medicamentos toma la persona.",
    # -- abrupt-stop --------------------------------------------------------------------------------
    "Stopping {drug} suddenly after regular use can cause problems; the doctor or pharmacist can say which.":
        "Dejar de golpe {drug} tras tomarlo con regularidad puede causar problemas; el médico o el farmacéutico "
        "pueden decirle cuáles.",
    "Stopping {drug} suddenly after regular use can bring on {risk}. Watch for {signs}.":
        "Dejar de golpe {drug} tras tomarlo con regularidad puede provocar {risk}. Esté atento a {signs}.",
    "{medicine}: no dose for {gap}": "{medicine}: ninguna dosis desde hace {gap}",
    ("{person} has been on {medicine} since {day} ({n} day), and no dose has been given for {gap}.",
     "{person} has been on {medicine} since {day} ({n} days), and no dose has been given for {gap}."):
        ("{person} toma {medicine} desde el {day} ({n} día) y no se le ha dado ninguna dosis desde hace {gap}.",
         "{person} toma {medicine} desde el {day} ({n} días) y no se le ha dado ninguna dosis desde hace {gap}."),
    "last dose given {when}": "última dosis dada el {when}",
    "no dose logged since the journal began on {when}": "ninguna dosis anotada desde que empezó el diario, el {when}",
    "no dose logged since the schedule began on {day}": "ninguna dosis anotada desde que empezó la pauta, el {day}",
    ("{n} planned dose not given since: {doses}", "{n} planned doses not given since: {doses}"):
        ("{n} dosis prevista no dada desde entonces: {doses}", "{n} dosis previstas no dadas desde entonces: {doses}"),
    "schedule: {dose} at {times}": "pauta: {dose} a las {times}",
    "every {n} days": "cada {n} días",
    "longest planned gap {gap}": "pausa prevista más larga {gap}",
    "on this schedule without a break since {day}": "con esta pauta sin interrupción desde el {day}",
    "alert after the longest gap + {extra} h ({extra_source}) or {n} missed in a row; urgent from {urgent} h "
    "({urgent_source})":
        "aviso tras la pausa más larga + {extra} h ({extra_source}) o {n} olvidadas seguidas; urgente a partir de "
        "{urgent} h ({urgent_source})",
    "what the label says about stopping suddenly (source: {source})":
        "lo que dice el prospecto sobre dejarlo de golpe (fuente: {source})",
    "Tell {whom} when the last dose of {medicine} was given and ask what to do about the next one; do not give "
    "extra doses to catch up.":
        "Diga {whom} cuándo se dio la última dosis de {medicine} y pregunte qué hacer con la siguiente; no dé "
        "dosis de más para recuperar.",
    # -- age-caution -------------------------------------------------------------------------------
    "planned {amount} a day of {what}, above {limit} (source: {source})":
        "previsto {amount} al día de {what}, por encima de {limit} (fuente: {source})",
    "dose raised faster than the label on {day}": "dosis subida más deprisa de lo que indica el prospecto el {day}",
    "age {age} (caution from {old}, source: {source})": "edad {age} (precaución desde {old}, fuente: {source})",
    "{medicine}: extra care at age {age}": "{medicine}: más cuidado a los {age} años",
    "Older people keep more of this medicine in the blood and get more side effects, such as sleepiness, "
    "confusion and falls. {person}'s current plan is on the high or fast side for that age.":
        "Las personas mayores retienen más este medicamento en la sangre y tienen más efectos secundarios, como "
        "sueño, confusión y caídas. El plan actual de {person} es alto o rápido para esa edad.",
    "Mention it to the prescriber, and watch for sleepiness, confusion or unsteadiness.":
        "Coménteselo a quien lo receta y esté atento al sueño, la confusión o la inestabilidad.",
    # -- close-planned-doses -----------------------------------------------------------------------
    "{medicine}: two planned doses only {gap} apart": "{medicine}: dos dosis previstas con solo {gap} de diferencia",
    "The schedule of {medicine} plans a dose at {first} and another at {second}, {gap} later. Doses of this "
    "medicine are usually spread out over the day; two doses this close add up, much like one larger dose. A "
    "time typed wrong, such as 09:00 for 21:00, looks the same.":
        "La pauta de {medicine} prevé una dosis a las {first} y otra a las {second}, {gap} después. Las dosis de "
        "este medicamento suelen repartirse a lo largo del día; dos dosis tan seguidas se suman, casi como una "
        "sola dosis más grande. Una hora mal escrita, como 09:00 en lugar de 21:00, se ve igual.",
    "Check these times against the prescription or the pharmacy label. If the times are what was prescribed, "
    "ask the prescriber or pharmacist whether they are meant to be this close.":
        "Compare estas horas con la receta o la etiqueta de la farmacia. Si las horas son las recetadas, "
        "pregunte a quien lo receta o al farmacéutico si deben estar tan seguidas.",
    "schedule from {day}: {dose} at {times}": "pauta desde el {day}: {dose} a las {times}",
    "{first} and {second} are {gap} apart; the shortest time between two doses is {least}: {source}":
        "entre las {first} y las {second} hay {gap}; el tiempo mínimo entre dos dosis es {least}: {source}",
    # -- as-needed ---------------------------------------------------------------------------------
    "given {first} and again {second}, {gap} apart": "dada el {first} y otra vez el {second}, con {gap} de diferencia",
    "minimum time between doses: {gap} ({source})": "tiempo mínimo entre dosis: {gap} ({source})",
    "{medicine}: an as-needed dose was given too soon after the one before":
        "{medicine}: una dosis a demanda se dio demasiado pronto tras la anterior",
    "{person} had doses of {medicine} {gap} apart; at least {least} should pass between them.":
        "{person} recibió dosis de {medicine} con {gap} de diferencia; entre ellas deben pasar al menos {least}.",
    "They were given by different people: check with each other before giving the next one.":
        "Las dieron personas distintas: hablen entre ustedes antes de dar la siguiente.",
    "Do not give another dose of {medicine} before the time allowed. Ask the pharmacist or prescriber what to do, "
    "and watch for unusual sleepiness or other side effects.":
        "No dé otra dosis de {medicine} antes del tiempo permitido. Pregunte al farmacéutico o a quien lo receta "
        "qué hacer, y esté atento a un sueño poco habitual u otros efectos secundarios.",
    "{n} doses in {span}, more than the {most} allowed": "{n} dosis en {span}, más de las {most} permitidas",
    "most doses in {span}: {most} ({source})": "máximo de dosis en {span}: {most} ({source})",
    "{amount} in {span}, more than the {most} allowed": "{amount} en {span}, más de los {most} permitidos",
    "most in {span}: {most} (as prescribed)": "máximo en {span}: {most} (según la receta)",
    "{medicine}: more as-needed doses than allowed": "{medicine}: más dosis a demanda de las permitidas",
    "{person} was given {medicine} {what}.": "{person} recibió {medicine}: {what}.",
    "Do not give more {medicine} for now. Ask the pharmacist or prescriber today what to do, and mention how often "
    "it has been needed: needing it this often is worth their attention.":
        "No dé más {medicine} por ahora. Pregunte hoy al farmacéutico o a quien lo receta qué hacer, y cuénteles "
        "cada cuánto ha hecho falta: que haga falta tan a menudo merece su atención.",
    # -- cns-depressant ----------------------------------------------------------------------------
    "{medicine} is {kind} (source: {source}), on the list since {day}":
        "{medicine} es {kind} (fuente: {source}), en la lista desde el {day}",
    'note {when}: "{text}" mentions {word}, that is {kind} (source: {source})':
        'nota del {when}: "{text}" menciona {word}, es decir, {kind} (fuente: {source})',
    "{drug} together with {kinds}": "{drug} junto con {kinds}",
    "{person} takes {medicines} and also {kinds}. Together they add to each other's sleepiness and can slow "
    "breathing, more so at night or after a dose increase.":
        "{person} toma {medicines} y además {kinds}. Juntos suman el sueño que da cada uno y pueden hacer más "
        "lenta la respiración, sobre todo de noche o tras una subida de dosis.",
    "Make sure every prescriber and the pharmacist knows about both, and watch for strong sleepiness or slow "
    "breathing.":
        "Asegúrese de que todos los que recetan y el farmacéutico saben de ambos, y esté atento a un sueño fuerte "
        "o a una respiración lenta.",
    # -- double-dose --------------------------------------------------------------------------------
    "{first} given {first_at} and {second} given {second_at}": "{first} dado el {first_at} y {second} dado el {second_at}",
    "given {first_at} and {second_at}": "dada el {first_at} y el {second_at}",
    "{what}, {gap} apart": "{what}, con {gap} de diferencia",
    ", both for the {slot} dose": ", las dos para la dosis de las {slot}",
    "{names} both contain {drug}: their planned doses taken together are at least {gap} apart; closer than half of "
    "that counts as a double dose (source: NHS)":
        "{names} contienen {drug}: sus dosis previstas, contadas juntas, están separadas al menos {gap}; más "
        "cerca que la mitad de eso cuenta como dosis doble (fuente: NHS)",
    "{names} both contain {drug}: their planned doses taken together are spread over the day; closer than half of "
    "that counts as a double dose (source: NHS)":
        "{names} contienen {drug}: sus dosis previstas, contadas juntas, se reparten a lo largo del día; más "
        "cerca que la mitad de eso cuenta como dosis doble (fuente: NHS)",
    "planned doses are at least {gap} apart; closer than half of that counts as a double dose (source: NHS)":
        "las dosis previstas están separadas al menos {gap}; más cerca que la mitad de eso cuenta como dosis doble "
        "(fuente: NHS)",
    "{medicine}: two entries for the same planned dose ({slot})":
        "{medicine}: dos anotaciones para la misma dosis prevista ({slot})",
    "The journal shows two entries of {medicine} for {person}'s {slot} dose by different people":
        "El diario muestra dos anotaciones de {medicine} para la dosis de las {slot} de {person}, hechas por "
        "personas distintas",
    "The journal shows two entries of {medicine} for {person}'s {slot} dose":
        "El diario muestra dos anotaciones de {medicine} para la dosis de las {slot} de {person}",
    "{medicine}: a dose may have been given twice": "{medicine}: puede que una dosis se diera dos veces",
    "The journal shows two doses of {medicines} for {person} close together":
        "El diario muestra dos dosis de {medicines} para {person} muy seguidas",
    "(both contain {drug})": "(los dos contienen {drug})",
    "Extra doses can cause strong sleepiness, weakness or slow breathing over the next hours.":
        "Las dosis de más pueden causar mucho sueño, debilidad o una respiración lenta en las próximas horas.",
    "An extra dose makes side effects more likely.": "Una dosis de más hace más probables los efectos secundarios.",
    "Do not give the next dose early or an extra one. Call the pharmacist or doctor to ask what to do about the "
    "next dose, and watch for side effects such as unusual sleepiness.":
        "No adelante la siguiente dosis ni dé una de más. Llame al farmacéutico o al médico para preguntar qué "
        "hacer con la siguiente dosis, y esté atento a efectos secundarios como un sueño poco habitual.",
    # -- engine ------------------------------------------------------------------------------------
    "The '{rule}' check could not run": "La comprobación '{rule}' no se pudo hacer",
    "One of the journal's safety checks failed on this record, so a problem it looks for could be missed. The "
    "other checks ran.":
        "Una de las comprobaciones de seguridad del diario falló con este registro, así que podría pasarse por "
        "alto un problema de los que busca. Las demás comprobaciones sí se hicieron.",
    "Look over the recent entries yourself, and report this problem.":
        "Revise usted mismo las anotaciones recientes y comunique este problema.",
    "check failed at {when}": "la comprobación falló el {when}",
    # -- fast-taper ---------------------------------------------------------------------------------
    "overnight": "de un día para otro",
    ("in {n} day", "in {n} days"): ("en {n} día", "en {n} días"),
    "{medicine}: schedule stops {span}": "{medicine}: la pauta se detiene {span}",
    "the strength is not recorded, so the amount in mg a day is unknown; stopping from {amount} a day or more needs "
    "at least {days} days of steps down":
        "la concentración no está anotada, así que no se sabe la cantidad en mg al día; dejarlo desde {amount} al "
        "día o más necesita al menos {days} días de bajada por pasos",
    "{medicine}: schedule goes from {amount} a day to none {span}": "{medicine}: la pauta pasa de {amount} al día a nada {span}",
    "stopping from {amount} a day or more needs at least {days} days of steps down":
        "dejarlo desde {amount} al día o más necesita al menos {days} días de bajada por pasos",
    "{medicine}: schedule drops by {percent}% {span}": "{medicine}: la pauta baja un {percent}% {span}",
    "a drop of more than {percent}% within {days} days is faster than a usual taper":
        "una bajada de más del {percent}% en {days} días es más rápida que una retirada habitual",
    "{drug} ({products} together)": "{drug} ({products} juntos)",
    "to nothing": "a nada",
    "from {before} to {after} a day": "de {before} a {after} al día",
    "The schedule for {person} takes {what} {amounts} {span} (from {day}). Lowering this medicine quickly can bring "
    "on withdrawal; a stop is usually spread over one to two weeks or more unless the doctor decided otherwise.":
        "La pauta de {person} lleva {what} {amounts} {span} (desde el {day}). Bajar este medicamento deprisa "
        "puede provocar abstinencia; para dejarlo se suele repartir la bajada en una a dos semanas o más, salvo "
        "que el médico haya decidido otra cosa.",
    "doses planned before {day} (amount in mg unknown), none from {day}":
        "dosis previstas antes del {day} (cantidad en mg desconocida), ninguna desde el {day}",
    "planned {before} a day before {day}, {after} a day from {day}":
        "previsto {before} al día antes del {day}, {after} al día desde el {day}",
    "rule: {why} (source: {source})": "regla: {why} (fuente: {source})",
    "ongoing": "sin fin",
    "schedule {start} to {end}: {dose} at {times}": "pauta del {start} al {end}: {dose} a las {times}",
    "no set times": "sin horas fijas",
    "Check with the prescriber that this is the plan they meant, and ask how to lower it step by step and what "
    "signs to watch for.":
        "Confirme con quien lo receta que este es el plan que quería, y pregunte cómo bajarlo paso a paso y a qué "
        "signos estar atento.",
    # -- fast-titration -----------------------------------------------------------------------------
    "a rise of {amount} a day at once; the usual step is at most {step} a day (source: {source})":
        "una subida de {amount} al día de una vez; el paso habitual es como mucho {step} al día (fuente: {source})",
    "only {hours} h after the previous rise on {day}; the usual wait is at least {wait} h (source: {source})":
        "solo {hours} h después de la subida anterior del {day}; lo habitual es esperar al menos {wait} h "
        "(fuente: {source})",
    "{medicine}: dose goes up faster than usual": "{medicine}: la dosis sube más deprisa de lo habitual",
    "{medicine} ({others} counted with it)": "{medicine} (contando también {others})",
    "The schedule for {person} raises {what} from {before} to {after} a day on {day}. Raising this medicine in big "
    "or quick steps makes sleepiness, weakness and confusion more likely.":
        "La pauta de {person} sube {what} de {before} a {after} al día el {day}. Subir este medicamento en pasos "
        "grandes o rápidos hace más probables el sueño, la debilidad y la confusión.",
    "planned {before} a day before {day}, {after} a day from then":
        "previsto {before} al día antes del {day}, {after} al día desde entonces",
    "previous rise on {day}: {before} to {after} a day": "subida anterior el {day}: de {before} a {after} al día",
    "Check with the prescriber that this is the plan they meant, and watch for strong sleepiness, weakness or "
    "confusion after the rise.":
        "Confirme con quien lo receta que este es el plan que quería, y esté atento a mucho sueño, debilidad o "
        "confusión tras la subida.",
    # -- liquid-concentration -----------------------------------------------------------------------
    "twice": "el doble de",
    "three times": "el triple de",
    "four times": "cuatro veces",
    "five times": "cinco veces",
    "ten times": "diez veces",
    "half": "la mitad de",
    "{n} times": "{n} veces",
    "{medicine}: strength of the liquid not recorded": "{medicine}: concentración del líquido sin anotar",
    "The journal does not know how many mg are in each mL of {medicine}. Liquids of this medicine come in "
    "different strengths ({known}), and mixing them up gives five times too much or too little.":
        "El diario no sabe cuántos mg hay en cada mL de {medicine}. Los líquidos de este medicamento vienen en "
        "concentraciones distintas ({known}), y confundirlas da cinco veces de más o de menos.",
    "{medicine}: form {form}, strength {strength}": "{medicine}: forma {form}, concentración {strength}",
    "not recorded": "sin anotar",
    ", on the schedule since {day}": ", en la pauta desde el {day}",
    "known strengths: {known} (source: ISMP)": "concentraciones conocidas: {known} (fuente: ISMP)",
    "Copy the strength in mg per mL from the bottle's label into the medicine's details; ask the pharmacist if "
    "unsure.":
        "Copie la concentración en mg por mL de la etiqueta del frasco en los datos del medicamento; si tiene "
        "dudas, pregunte al farmacéutico.",
    "{when}: {amount} at {strength} = {mg}, prescribed {planned}": "{when}: {amount} a {strength} = {mg}, recetado {planned}",
    "{medicine}: {amount} of this bottle is {mg}, {times} the {planned} prescribed":
        "{medicine}: {amount} de este frasco son {mg}, {times} los {planned} recetados",
    "Some doses of {medicine} measured in mL work out to a different amount in mg than the prescription. This can "
    "mean the bottle's strength differs from the one recorded.":
        "Algunas dosis de {medicine} medidas en mL dan una cantidad en mg distinta de la receta. Puede que la "
        "concentración del frasco no sea la anotada.",
    "Compare the bottle's label (mg per mL) with the prescription and ask the pharmacist how many mL make one "
    "dose.":
        "Compare la etiqueta del frasco (mg por mL) con la receta y pregunte al farmacéutico cuántos mL son una "
        "dosis.",
    # -- over-max-daily / over-max-dose / over-prescribed ----------------------------------------------
    "the ceiling the prescriber set": "el máximo que fijó quien lo receta",
    "the usual maximum, source: {source}": "el máximo habitual, fuente: {source}",
    "{medicine}: {dose} x {n} = {total} a day (from {day})": "{medicine}: {dose} x {n} = {total} al día (desde el {day})",
    "{total} logged as given {what}": "{total} anotados como dados {what}",
    "{when}: {amount} of {medicine}": "{when}: {amount} de {medicine}",
    "for {day}": "para el {day}",
    "within {n} hours": "en {n} horas",
    "the schedule from {day} adds up to {total} a day": "la pauta desde el {day} suma {total} al día",
    "daily limit used: {limit} ({why})": "límite diario usado: {limit} ({why})",
    "{drug}: more than {limit} in a day": "{drug}: más de {limit} en un día",
    "For {person}, {what}, which is above {limit} a day. Amounts above the usual maximum make side effects such as "
    "strong sleepiness, weakness and slow breathing more likely.":
        "Para {person}, {what}, lo que supera {limit} al día. Por encima del máximo habitual son más probables "
        "efectos secundarios como mucho sueño, debilidad y una respiración lenta.",
    "Check the amounts against the prescription label and ask the prescriber or pharmacist whether this total is "
    "intended.":
        "Compare las cantidades con la etiqueta de la receta y pregunte a quien lo receta o al farmacéutico si "
        "este total es el que quieren.",
    "schedule from {day}: {dose} ({amount}) each time": "pauta desde el {day}: {dose} ({amount}) cada vez",
    "given within {gap}: {doses}; together {total} (doses less than {span} apart count as one, source: {source})":
        "dadas en {gap}: {doses}; juntas {total} (las dosis con menos de {span} de diferencia cuentan como una, "
        "fuente: {source})",
    "single-dose limit used: {limit} (source: {source})": "límite por dosis usado: {limit} (fuente: {source})",
    "{medicine}: one dose above {limit}": "{medicine}: una dosis por encima de {limit}",
    "A single dose of {medicine} for {person} is above {limit}, the largest single dose in the usual schedules. "
    "Large single doses make side effects more likely.":
        "Una sola dosis de {medicine} para {person} supera {limit}, la dosis única más alta de las pautas "
        "habituales. Las dosis únicas grandes hacen más probables los efectos secundarios.",
    "Check the amount against the prescription label (tablets, mL and mg are easy to mix up) and ask the "
    "pharmacist or prescriber if it is meant.":
        "Compare la cantidad con la etiqueta de la receta (es fácil confundir comprimidos, mL y mg) y pregunte al "
        "farmacéutico o a quien lo receta si es la que quieren.",
    ("given on {day}: {total} in {n} dose; planned {planned}", "given on {day}: {total} in {n} doses; planned {planned}"):
        ("dado el {day}: {total} en {n} dosis; previsto {planned}", "dado el {day}: {total} en {n} dosis; previsto {planned}"),
    "for a planned {planned}: {times} times the amount (urgent from {factor} times, source: {source})":
        "cuando lo previsto era {planned}: {times} veces la cantidad (urgente a partir de {factor} veces, fuente: "
        "{source})",
    "{medicine}: more given on {day} than planned": "{medicine}: el {day} se dio más de lo previsto",
    "{person} was given {total} of {medicine} on {day}, more than the {planned} the schedule plans for that day. "
    "If an entry is wrong, correct it; if not, extra amounts make side effects more likely, such as sleepiness "
    "and weakness.":
        "{person} recibió {total} de {medicine} el {day}, más de los {planned} que la pauta prevé para ese día. "
        "Si una anotación está mal, corríjala; si no, las cantidades de más hacen más probables efectos "
        "secundarios como el sueño y la debilidad.",
    "{person} was given {total} of {medicine} on {day}, more than the {planned} the schedule plans for that day. "
    "If an entry is wrong, correct it; if not, extra amounts make side effects more likely.":
        "{person} recibió {total} de {medicine} el {day}, más de los {planned} que la pauta prevé para ese día. "
        "Si una anotación está mal, corríjala; si no, las cantidades de más hacen más probables los efectos "
        "secundarios.",
    "{medicine}: {given} given for a planned {planned}": "{medicine}: {given} dados cuando lo previsto era {planned}",
    "{person} was given {given} of {medicine} at {when}, {times} times the planned {planned}. A dose this much "
    "larger can cause strong sleepiness or slow breathing over the next hours, even if the person seems fine now.":
        "{person} recibió {given} de {medicine} el {when}, {times} veces los {planned} previstos. Una dosis tanto "
        "mayor puede causar mucho sueño o una respiración lenta en las próximas horas, aunque ahora la persona "
        "parezca estar bien.",
    "Say how much was given and when, and ask what to do about the next dose. Watch their breathing and whether "
    "they can be woken.":
        "Diga cuánto se dio y cuándo, y pregunte qué hacer con la siguiente dosis. Vigile su respiración y si se "
        "le puede despertar.",
    "Call the doctor or a poison centre now.": "Llame ya al médico o a un centro de toxicología.",
    "Do not make up for it by skipping or changing later doses on your own; ask the pharmacist or prescriber.":
        "No lo compense saltándose ni cambiando por su cuenta las dosis siguientes; pregunte al farmacéutico o a "
        "quien lo receta.",
    # -- paradoxical-worsening -------------------------------------------------------------------
    "new: not logged in the days before the increase": "nuevo: no anotado en los días antes de la subida",
    "up from at most {top}/10 in the days before the increase":
        "sube desde un máximo de {top}/10 en los días antes de la subida",
    "{kind} score {value} at {when}, at most {before} in the days before the increase":
        "{kind}: puntuación {value} el {when}, como mucho {before} en los días antes de la subida",
    "Stiffness or spasms worse after a {drug} increase": "Rigidez o espasmos peores tras una subida de {drug}",
    "Since the dose increase ({increase}), {person}'s {worse} got worse. Rarely, a higher dose of this medicine "
    "makes spasms, stiffness or twisting movements worse instead of better; the prescriber needs to know.":
        "Desde la subida de dosis ({increase}), ha empeorado en {person}: {worse}. Rara vez, una dosis más alta de "
        "este medicamento empeora los espasmos, la rigidez o los movimientos de torsión en lugar de mejorarlos; "
        "quien lo receta debe saberlo.",
    "worse within {hours} h of an increase (source: {source})":
        "peor en las {hours} h siguientes a una subida (fuente: {source})",
    "Tell them about the increase and what got worse.": "Cuénteles la subida y qué ha empeorado.",
    # -- withdrawal-signs and toxicity-signs ------------------------------------------------------
    "heart rate {value}/min": "frecuencia cardiaca {value}/min",
    "blood pressure {value}": "tensión arterial {value}",
    "blood pressure {value} (low)": "tensión arterial {value} (baja)",
    "blood pressure {value} (high: {limit} or more, source: {source})":
        "tensión arterial {value} (alta: {limit} o más, fuente: {source})",
    "the missed doses": "las dosis olvidadas",
    "the lower dose": "la dosis más baja",
    "the pump problem": "el problema de la bomba",
    "the interruption": "la interrupción",
    "Possible {drug} withdrawal: serious signs after {causes}":
        "Posible abstinencia de {drug}: signos graves tras {causes}",
    "Possible {drug} withdrawal: early signs after {causes}":
        "Posible abstinencia de {drug}: primeros signos tras {causes}",
    "{person} has signs that can come from withdrawal of {drug} ({signs}), and they started within {hours} hours "
    "after {causes}. Withdrawal usually raises stiffness, temperature, heart rate and blood pressure; it can get "
    "worse over hours to days, so it needs a doctor now rather than at the next visit.":
        "{person} tiene signos que pueden venir de la abstinencia de {drug} ({signs}), y empezaron en las {hours} "
        "horas siguientes a {causes}. La abstinencia suele subir la rigidez, la temperatura, el pulso y la "
        "tensión; puede empeorar en horas o días, así que necesita un médico ya y no en la próxima visita.",
    "Tell them about {about} and these signs; the person may need to be seen quickly.":
        "Cuénteles {about} y estos signos; puede que haya que ver a la persona pronto.",
    "Tell them the person takes {drug}, tell them about {about}, and show them this list.":
        "Dígales que la persona toma {drug}, cuénteles {about} y enséñeles esta lista.",
    "first sign {lag} h after the first interruption; signs within {hours} h of an interruption point to "
    "withdrawal (source: {source})":
        "primer signo {lag} h después de la primera interrupción; los signos en las {hours} h siguientes a una "
        "interrupción apuntan a abstinencia (fuente: {source})",
    "Possible too much {drug}: hard to wake or breathing affected after {causes}":
        "Posible exceso de {drug}: cuesta despertarle o la respiración está afectada tras {causes}",
    "Possible too much {drug}: serious signs after {causes}": "Posible exceso de {drug}: signos graves tras {causes}",
    "Possible too much {drug}: sleepiness-type signs after {causes}":
        "Posible exceso de {drug}: signos de somnolencia tras {causes}",
    "{person} has signs that can come from too much {drug} ({signs}), and they started within {hours} hours after "
    "{causes}. Too much of this medicine tends to lower alertness, muscle tone, breathing and temperature.":
        "{person} tiene signos que pueden venir de un exceso de {drug} ({signs}), y empezaron en las {hours} horas "
        "siguientes a {causes}. El exceso de este medicamento suele bajar el estado de alerta, el tono muscular, "
        "la respiración y la temperatura.",
    "Tell them about {causes} and these signs before the next dose is due.":
        "Cuénteles {causes} y estos signos antes de que toque la siguiente dosis.",
    "Tell them the person takes {drug} and had {causes}, and show them this list.":
        "Dígales que la persona toma {drug} y que hubo {causes}, y enséñeles esta lista.",
    "first sign {lag} h after the first of these; signs within {hours} h of more medicine point to too much of it "
    "(source: {source}, {sources})":
        "primer signo {lag} h después del primero de estos; los signos en las {hours} h siguientes a más "
        "medicamento apuntan a un exceso (fuente: {source}, {sources})",
    # -- pump ------------------------------------------------------------------------------------
    "alarm logged {when}": "alarma anotada el {when}",
    "catheter problem logged {when}": "problema del catéter anotado el {when}",
    "no refill or clinic check logged after it": "ningún rellenado ni revisión en la clínica anotados después",
    "Pump alarm: call the pump clinic": "Alarma de la bomba: llame a la clínica de la bomba",
    "A problem with {person}'s pump is logged and nothing since shows it was dealt with. A single tone about "
    "every hour usually means the reservoir is low or the pump needs replacing soon; a two-tone alarm can mean the "
    "medicine has stopped. Either way the pump clinic needs to hear about it.":
        "Hay anotado un problema con la bomba de {person} y nada posterior muestra que se haya resuelto. Un solo "
        "pitido más o menos cada hora suele significar que el depósito está bajo o que pronto hay que cambiar la "
        "bomba; una alarma de dos tonos puede significar que el medicamento ha dejado de llegar. En cualquier "
        "caso, la clínica de la bomba tiene que saberlo.",
    "Describe the sound to them. If the medicine may have stopped, watch for itching, stiffness coming back, "
    "fever or confusion.":
        "Descríbales el sonido. Si el medicamento puede haber dejado de llegar, esté atento a picor, vuelta de la "
        "rigidez, fiebre o confusión.",
    "today": "hoy",
    "tomorrow": "mañana",
    "Pump refill due {when} ({day})": "Rellenado de la bomba: toca {when} ({day})",
    "{person}'s pump needs its refill {when}. If the pump runs low it alarms, and if it runs empty the medicine "
    "stops, which can bring on withdrawal.":
        "La bomba de {person} necesita su rellenado {when}. Si la bomba se queda baja suena la alarma, y si se "
        "vacía el medicamento deja de llegar, lo que puede provocar abstinencia.",
    "no refill logged since; reminder from {info} days before (source: {info_source}), warning from {warn} days "
    "(source: {warn_source})":
        "ningún rellenado anotado desde entonces; recordatorio desde {info} días antes (fuente: {info_source}), "
        "aviso desde {warn} días (fuente: {warn_source})",
    "Make sure the refill appointment is booked before that date; book early if travel or weather could get in "
    "the way.":
        "Asegúrese de que la cita del rellenado está pedida antes de esa fecha; pídala con tiempo si un viaje o el "
        "tiempo pueden complicarlo.",
    "Pump refill overdue since {day}": "Rellenado de la bomba atrasado desde el {day}",
    ("The refill of {person}'s pump was due {n} day ago and no refill is logged. The pump may run empty and stop "
     "giving the medicine, which can bring on withdrawal.",
     "The refill of {person}'s pump was due {n} days ago and no refill is logged. The pump may run empty and stop "
     "giving the medicine, which can bring on withdrawal."):
        ("El rellenado de la bomba de {person} tocaba hace {n} día y no hay ninguno anotado. La bomba puede "
         "vaciarse y dejar de dar el medicamento, lo que puede provocar abstinencia.",
         "El rellenado de la bomba de {person} tocaba hace {n} días y no hay ninguno anotado. La bomba puede "
         "vaciarse y dejar de dar el medicamento, lo que puede provocar abstinencia."),
    ("today is {day}: {n} day past the date, no refill logged",
     "today is {day}: {n} days past the date, no refill logged"):
        ("hoy es {day}: {n} día después de la fecha, ningún rellenado anotado",
         "hoy es {day}: {n} días después de la fecha, ningún rellenado anotado"),
    "Ask the pump clinic for the earliest refill, and watch for itching, stiffness coming back, fever or "
    "confusion. If a refill was done, log it.":
        "Pida a la clínica de la bomba el rellenado más próximo posible, y esté atento a picor, vuelta de la "
        "rigidez, fiebre o confusión. Si ya se hizo un rellenado, anótelo.",
    # -- red-flag-symptom ------------------------------------------------------------------------
    "severity {n}/10": "intensidad {n}/10",
    "together with {sign}": "junto con {sign}",
    "a dose came back up at {when}": "una dosis se vomitó el {when}",
    "measured {reading}": "medida: {reading}",
    "{name}'s kidneys are recorded as mildly impaired, and {drug} leaves the body through the kidneys: a build-up "
    "of {drug} is a likely cause, even without a dose change.":
        "Los riñones de {name} están anotados como levemente dañados, y {drug} sale del cuerpo por los riñones: "
        "una acumulación de {drug} es una causa probable, aunque no haya habido cambio de dosis.",
    "{name}'s kidneys are recorded as moderately impaired, and {drug} leaves the body through the kidneys: a "
    "build-up of {drug} is a likely cause, even without a dose change.":
        "Los riñones de {name} están anotados como moderadamente dañados, y {drug} sale del cuerpo por los "
        "riñones: una acumulación de {drug} es una causa probable, aunque no haya habido cambio de dosis.",
    "{name}'s kidneys are recorded as severely impaired, and {drug} leaves the body through the kidneys: a "
    "build-up of {drug} is a likely cause, even without a dose change.":
        "Los riñones de {name} están anotados como gravemente dañados, y {drug} sale del cuerpo por los riñones: "
        "una acumulación de {drug} es una causa probable, aunque no haya habido cambio de dosis.",
    "These signs came after {causes} ({first}): too much {drug} is a likely cause.":
        "Estos signos llegaron tras {causes} ({first}): demasiado {drug} es una causa probable.",
    "This sign came after {causes} ({first}): too much {drug} is a likely cause.":
        "Este signo llegó tras {causes} ({first}): demasiado {drug} es una causa probable.",
    "These signs came after {causes} ({first}): withdrawal of {drug} is a likely cause.":
        "Estos signos llegaron tras {causes} ({first}): la abstinencia de {drug} es una causa probable.",
    "This sign came after {causes} ({first}): withdrawal of {drug} is a likely cause.":
        "Este signo llegó tras {causes} ({first}): la abstinencia de {drug} es una causa probable.",
    "The journal shows no missed doses, dose change, pump problem or kidney problem that would explain it, so it "
    "does not know the cause; the doctor needs to find it.":
        "El diario no muestra dosis olvidadas, cambios de dosis, problemas de la bomba ni de riñón que lo "
        "expliquen, así que no conoce la causa; el médico tiene que encontrarla.",
    "Only the doctor can tell which.": "Solo el médico puede saber cuál.",
    "Emergency sign logged: {signs}": "Signo de emergencia anotado: {signs}",
    "{person} has a sign that needs help straight away ({signs}). Do not wait to see whether it passes. {cause}":
        "{person} tiene un signo que necesita ayuda enseguida ({signs}). No espere a ver si se pasa. {cause}",
    "Tell them which medicines the person takes, and show them this list.":
        "Dígales qué medicamentos toma la persona y enséñeles esta lista.",
    "Call the doctor today: {signs}": "Llame hoy al médico: {signs}",
    "{person} has a sign the doctor or clinic should hear about today ({signs}). {cause}":
        "{person} tiene un signo que el médico o la clínica deben conocer hoy ({signs}). {cause}",
    "Describe what you saw and when it started.": "Describa lo que vio y cuándo empezó.",
    "tiers from the journal's symptom list (emergency / call today / next visit); a reading counts as the sign it "
    "shows":
        "niveles de la lista de síntomas del diario (emergencia / llamar hoy / próxima visita); una medida cuenta "
        "como el signo que muestra",
    # -- renal-caution ---------------------------------------------------------------------------
    "mild": "leves",
    "moderate": "moderados",
    "severe": "graves",
    "(schedule since {day})": "(pauta desde el {day})",
    "kidney function recorded as {level}": "problemas de riñón anotados como {level}",
    "(on dialysis)": "(en diálisis)",
    "planned {amount} a day of {what}": "previsto {amount} al día de {what}",
    "above {limit} a day, a level that needs the doctor's check with this kidney function (source: {source})":
        "por encima de {limit} al día, un nivel que el médico debe revisar con estos riñones (fuente: {source})",
    "{medicine} with {level} kidney problems and dialysis": "{medicine} con problemas de riñón {level} y diálisis",
    "{medicine} with {level} kidney problems": "{medicine} con problemas de riñón {level}",
    "{drug} leaves the body mostly through the kidneys. With {level} kidney problems it can build up, and "
    "sleepiness, confusion or weakness can appear even at low doses.":
        "{drug} sale del cuerpo sobre todo por los riñones. Con problemas de riñón {level} puede acumularse, y "
        "pueden aparecer sueño, confusión o debilidad incluso con dosis bajas.",
    "Ask the prescriber to confirm this dose with the kidney function in mind.":
        "Pida a quien lo receta que confirme esta dosis teniendo en cuenta los riñones.",
    "Make sure the prescriber knows about the kidney function, and watch for sleepiness or confusion.":
        "Asegúrese de que quien lo receta conoce el estado de los riñones, y esté atento al sueño o la confusión.",
    # -- stock-low -------------------------------------------------------------------------------
    "counted {amount} on {when}": "contados {amount} el {when}",
    "no count recorded; counted from the first stock entry": "sin recuento anotado; se cuenta desde la primera anotación de existencias",
    "received {amount} on {when}": "recibidos {amount} el {when}",
    "discarded {amount} on {when}": "desechados {amount} el {when}",
    ("{n} dose given since, {amount} in all", "{n} doses given since, {amount} in all"):
        ("{n} dosis dada desde entonces, {amount} en total", "{n} dosis dadas desde entonces, {amount} en total"),
    "on hand now: about {amount}": "en casa ahora: unos {amount}",
    "(more given than counted: please count again)": "(se dio más de lo contado: vuelva a contar, por favor)",
    "planned: {amount} a day": "previsto: {amount} al día",
    "recent as-needed use: {amount} a day": "uso reciente a demanda: {amount} al día",
    "{medicine}: run out": "{medicine}: se ha acabado",
    "By the journal's count there is not enough {medicine} left for the next planned dose of {person}. If the count "
    "is wrong, count what is on hand and record it.":
        "Según las cuentas del diario no queda bastante {medicine} para la próxima dosis prevista de {person}. Si "
        "la cuenta está mal, cuente lo que hay en casa y anótelo.",
    "Get more from the pharmacy today; if you cannot, call the prescriber or pharmacist today about what to do "
    "until you can.":
        "Consiga más en la farmacia hoy; si no puede, llame hoy a quien lo receta o al farmacéutico para saber qué "
        "hacer mientras tanto.",
    "has been used up": "se ha gastado",
    "lasts less than a day": "dura menos de un día",
    ("lasts {n} day", "lasts {n} days"): ("dura {n} día", "dura {n} días"),
    "used up": "gastado",
    "{medicine}: {left}": "{medicine}: {left}",
    "By the journal's count {medicine} {lasts} at the current plan.":
        "Según las cuentas del diario, {medicine} {lasts} con el plan actual.",
    "By the journal's count {medicine} {lasts} at its recent use.":
        "Según las cuentas del diario, {medicine} {lasts} al ritmo de uso reciente.",
    "Order a refill in time; pharmacies and prescribers can take a few days.":
        "Pida más a tiempo; las farmacias y quienes recetan pueden tardar unos días.",
    "Ask the pharmacy or prescriber for a refill.": "Pida más a la farmacia o a quien lo receta.",
    # -- the command line (journal/cli, journal/app.py) and argparse's own words ------------------------
    "usage: ": "uso: ",
    "positional arguments": "argumentos posicionales",
    "options": "opciones",
    "show this help message and exit": "muestra esta ayuda y sale",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "the following arguments are required: %s": "faltan estos argumentos obligatorios: %s",
    "one of the arguments %s is required": "hace falta uno de los argumentos %s",
    "not allowed with argument %s": "no se permite junto con el argumento %s",
    "expected one argument": "se esperaba un valor",
    "expected at most one argument": "se esperaba como mucho un valor",
    "expected at least one argument": "se esperaba al menos un valor",
    "ambiguous option: %(option)s could match %(matches)s": "opción ambigua: %(option)s podría ser %(matches)s",
    "invalid %(type)s value: %(value)r": "valor no válido (%(type)s): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "opción no válida: %(value)r (elija entre %(choices)s)",
    "examples:": "ejemplos:",
    "A medication journal for family caregivers of people on baclofen. With no command it opens the window.":
        "Un diario de medicación para familiares que cuidan de personas que toman baclofeno. Sin ninguna orden, "
        "abre la ventana.",
    "use this journal file instead of the one in your data folder, or a shared journal: "
    "postgresql://USER@HOST[:PORT]/NAME[?sslmode=...]":
        "usa este archivo de diario en lugar del de su carpeta de datos, o un diario compartido: "
        "postgresql://USER@HOST[:PORT]/NAME[?sslmode=...]",
    "open a temporary copy of the sample journal": "abre una copia temporal del diario de ejemplo",
    "show the full error report when something fails": "muestra el informe de error completo cuando algo falla",
    "start the window minimised, reminding (as when started at login)":
        "abre la ventana minimizada, avisando (como al iniciar sesión)",
    "print the program's version and exit": "muestra la versión del programa y sale",
    "print a tab-completion script for bash, zsh or tcsh and exit (e.g. carejournal --print-completion bash > "
    "~/.local/share/bash-completion/completions/carejournal)":
        "muestra un guion de autocompletado para bash, zsh o tcsh y sale (p. ej. carejournal --print-completion "
        "bash > ~/.local/share/bash-completion/completions/carejournal)",
    "open the desktop window": "abre la ventana de escritorio",
    "read a journal in exchange format v1 (all or nothing)": "lee un diario en formato de intercambio v1 (todo o nada)",
    "say what it would add and which alerts it would raise, writing nothing":
        "dice qué añadiría y qué avisos daría, sin escribir nada",
    "write the journal as JSON (exchange format v1), CSV files or a workbook":
        "escribe el diario como JSON (formato de intercambio v1), archivos CSV o un libro de cálculo",
    "only this person": "solo esta persona",
    "file for json ('-' for the screen), folder for csv, .xlsx file for xlsx":
        "archivo para json ('-' para la pantalla), carpeta para csv, archivo .xlsx para xlsx",
    "run every safety check and print the alerts, most severe first":
        "hace todas las comprobaciones de seguridad y muestra los avisos, los más graves primero",
    "as of this time (default: now)": "a esta hora (por defecto: ahora)",
    "print the alerts as JSON": "muestra los avisos como JSON",
    "the doctor-visit report as a PDF": "el informe para la visita al médico, en PDF",
    "first day (default: 30 days ago)": "primer día (por defecto: hace 30 días)",
    "last day (default: today)": "último día (por defecto: hoy)",
    "log one dose, then print any alert it raises": "anota una dosis y muestra los avisos que dé",
    "when it was given (default: now)": "cuándo se dio (por defecto: ahora)",
    "the schedule slot it answers": "la dosis prevista a la que corresponde",
    "e.g. 10mg, 2.5mL, 1tablet (default: the scheduled dose)": "p. ej. 10mg, 2.5mL, 1tablet (por defecto: la dosis prevista)",
    "who gave it": "quién la dio",
    "at a terminal, save without asking when the dose would raise an alert":
        "en un terminal, guarda sin preguntar aunque la dosis vaya a dar un aviso",
    "log it now even though now is far from the journal's last entry (see --at)":
        "la anota ahora aunque ahora quede lejos de la última anotación del diario (vea --at)",
    "log one symptom, then print any alert it raises": "anota un síntoma y muestra los avisos que dé",
    "0 (none) to 10 (worst imaginable)": "de 0 (nada) a 10 (lo peor imaginable)",
    "when it was noticed (default: now)": "cuándo se notó (por defecto: ahora)",
    "log one reading (temperature, weight, ...), then print any alert it raises":
        "anota una medida (temperatura, peso, ...) y muestra los avisos que dé",
    "temperature, heart-rate, respiratory-rate, blood-pressure, oxygen-saturation, penn-spasm-frequency, "
    "modified-ashworth, pain-nrs or weight":
        "temperature (temperatura), heart-rate (pulso), respiratory-rate (respiración), blood-pressure (tensión), "
        "oxygen-saturation (oxígeno), penn-spasm-frequency, modified-ashworth, pain-nrs (dolor) o weight (peso)",
    "the reading (blood pressure: the top number)": "la medida (tensión: el número de arriba)",
    "blood pressure: the bottom number": "tensión: el número de abajo",
    "temperature: C (default) or F; weight: kg (default) or lb": "temperatura: C (por defecto) o F; peso: kg (por defecto) o lb",
    "for a score of one limb (modified-ashworth)": "para la puntuación de una extremidad (modified-ashworth)",
    "when it was measured (default: now)": "cuándo se midió (por defecto: ahora)",
    "write a consistent copy of the journal (OUT: a file, or a folder for a dated copy)":
        "escribe una copia coherente del diario (OUT: un archivo, o una carpeta para una copia con fecha)",
    "shared journal: create or upgrade its tables and its caregiver and viewer roles (run as the database's owner)":
        "diario compartido: crea o actualiza sus tablas y sus roles de cuidador y de lector (como propietario de "
        "la base de datos)",
    "shared journal: let a database role read and write (caregiver) or only read (viewer); creates the role "
    "without a password when missing":
        "diario compartido: deja a un rol de la base de datos leer y escribir (caregiver) o solo leer (viewer); "
        "crea el rol sin contraseña si no existe",
    "the person's database login, e.g. ana": "el usuario de la persona en la base de datos, p. ej. ana",
    "the name their entries are signed with": "el nombre con el que se firman sus anotaciones",
    "copy a journal file whole (history and acknowledgements too) into this empty journal, e.g. a new shared one":
        "copia entero un archivo de diario (también el historial y los avisos vistos) en este diario vacío, p. ej. "
        "uno compartido nuevo",
    "replace the journal with a backup (the current one is backed up first)":
        "sustituye el diario por una copia de seguridad (antes se guarda una copia del actual)",
    "list, search or show the offline reference": "lista, busca o muestra la guía sin conexión",
    "search words, or the topic to show": "palabras que buscar, o el tema que mostrar",
    "{folder} cannot be made a folder: a file has that name": "{folder} no puede ser una carpeta: hay un archivo con ese nombre",
    "no permission to make the folder {folder}": "no hay permiso para crear la carpeta {folder}",
    "{path} is a folder; give the journal file's name, e.g. {example}":
        "{path} es una carpeta; indique el nombre del archivo del diario, p. ej. {example}",
    "note: {path} cannot be written where it is (read-only media?), so it was opened read-only: it can be read, "
    "checked and exported, but nothing can be saved":
        "nota: {path} no se puede escribir donde está (¿un soporte de solo lectura?), así que se abrió en solo "
        "lectura: se puede leer, comprobar y exportar, pero no se puede guardar nada",
    "a file name cannot contain a NUL character": "un nombre de archivo no puede contener el carácter NUL",
    "the file name holds a broken character; retype it": "el nombre de archivo tiene un carácter roto; vuelva a escribirlo",
    "the file name is too long (at most 255 bytes for each part of the path)":
        "el nombre de archivo es demasiado largo (como mucho 255 bytes por cada parte de la ruta)",
    "carejournal {command}: not available in this build": "carejournal {command}: no está disponible en esta versión",
    "{command}: interrupted": "{command}: interrumpido",
    "not enough free space on the disk{where}; free some space and try again":
        "no hay bastante espacio libre en el disco{where}; libere espacio y vuelva a intentarlo",
    "{command}: failed: {reason}": "{command}: falló: {reason}",
    "carejournal: no screen to open the window on (no desktop session found). Start it from the desktop, or use "
    "the commands: carejournal --help":
        "carejournal: no hay pantalla donde abrir la ventana (no se encontró una sesión de escritorio). Ábralo "
        "desde el escritorio, o use las órdenes: carejournal --help",
    "carejournal: the window is not available in this build; see `carejournal --help` for the commands":
        "carejournal: la ventana no está disponible en esta versión; vea `carejournal --help` para las órdenes",
    "carejournal: the window cannot start: {reason}. `make run` installs what Qt needs; the commands "
    "(`carejournal --help`) work without it.":
        "carejournal: la ventana no puede arrancar: {reason}. `make run` instala lo que necesita Qt; las órdenes "
        "(`carejournal --help`) funcionan sin ella.",
    "carejournal: the window stopped: {reason}": "carejournal: la ventana se detuvo: {reason}",
    '"{text}" is not a time (write it like 2026-10-01T08:00 or 08:00)':
        '"{text}" no es una hora (escríbala como 2026-10-01T08:00 o 08:00)',
    '"{text}" is not a date (write it like 2026-10-01)': '"{text}" no es una fecha (escríbala como 2026-10-01)',
    '"{text}" is not a date (write it as YYYY-MM-DD, e.g. 2026-10-01)':
        '"{text}" no es una fecha (escríbala como AAAA-MM-DD, p. ej. 2026-10-01)',
    "The import would raise:": "La importación daría estos avisos:",
    "Details and what to do: carejournal check.": "Detalles y qué hacer: carejournal check.",
    "This is not medical advice; in an emergency call {number}.":
        "Esto no es consejo médico; en una emergencia llame al {number}.",
    "give the file to import": "indique el archivo que importar",
    "{path} is a device or a pipe, not a file; give the JSON file to import":
        "{path} es un dispositivo o una tubería, no un archivo; indique el archivo JSON que importar",
    "no such file": "no existe ese archivo",
    "is a folder; give the JSON file to import": "es una carpeta; indique el archivo JSON que importar",
    "is not a text file (expected JSON in UTF-8)": "no es un archivo de texto (se esperaba JSON en UTF-8)",
    "cannot be read ({reason})": "no se puede leer ({reason})",
    "unreadable": "ilegible",
    "Nothing was written (--dry-run).": "No se escribió nada (--dry-run).",
    "CSV export needs a folder": "la exportación CSV necesita una carpeta",
    ("Wrote {n} CSV file to {out}", "Wrote {n} CSV files to {out}"):
        ("Se escribió {n} archivo CSV en {out}", "Se escribieron {n} archivos CSV en {out}"),
    "xlsx export needs a file name, e.g. journal.xlsx": "la exportación xlsx necesita un nombre de archivo, p. ej. journal.xlsx",
    "Wrote {out} (rows: {rows})": "Se escribió {out} (filas: {rows})",
    ("Wrote {out} ({n} person)", "Wrote {out} ({n} people)"):
        ("Se escribió {out} ({n} persona)", "Se escribió {out} ({n} personas)"),
    "{doubt}. Nothing was logged. If the clock is wrong, give the time with --at (e.g. --at 2026-10-01T08:00); "
    "if it is right, add --clock-is-right":
        "{doubt}. No se anotó nada. Si el reloj está mal, indique la hora con --at (p. ej. --at 2026-10-01T08:00); "
        "si está bien, añada --clock-is-right",
    "Before saving: this dose would raise the alerts below ({counted}).":
        "Antes de guardar: esta dosis daría los avisos de abajo ({counted}).",
    "Save it anyway? Only if it was really given as entered. [y/N] ":
        "¿Guardarla de todos modos? Solo si de verdad se dio tal como se ha escrito. [s/N] ",
    "y": "s",
    "yes": "sí",
    "Not saved; nothing was changed.": "No se guardó; no ha cambiado nada.",
    "Logged {medicine}{amount} ({status}) for {person} at {when}.":
        "Anotado {medicine}{amount} ({status}) para {person} el {when}.",
    ", severity {n}": ", intensidad {n}",
    "Logged {sign} for {person} at {when}.": "Anotado {sign} para {person} el {when}.",
    "give a file name (or a folder) for the copy": "indique un nombre de archivo (o una carpeta) para la copia",
    "Backed up the journal to {dest}": "Copia de seguridad del diario hecha en {dest}",
    "The shared journal {where} is ready. Roles: {caregiver} (reads and writes), {viewer} (reads only). Next: "
    "carejournal --db URL grant ROLE --access caregiver --person NAME":
        "El diario compartido {where} está listo. Roles: {caregiver} (lee y escribe), {viewer} (solo lee). "
        "Siguiente paso: carejournal --db URL grant ROLE --access caregiver --person NAME",
    "{role} ({person}) now reads and writes in {where}.": "{role} ({person}) ahora lee y escribe en {where}.",
    "{role} ({person}) now reads only in {where}.": "{role} ({person}) ahora solo lee en {where}.",
    "The role is new and has no password: set one as the server's administrator (psql: {command}); they keep it "
    "in ~/.pgpass or their keyring.":
        "El rol es nuevo y no tiene contraseña: póngale una como administrador del servidor (psql: {command}); "
        "la persona la guarda en ~/.pgpass o en su llavero.",
    "Copied {file} into {where}: {people}, {entries}, {revisions}, {acks}.":
        "Copiado {file} en {where}: {people}, {entries}, {revisions}, {acks}.",
    ("{n} person", "{n} people"): ("{n} persona", "{n} personas"),
    ("{n} entry", "{n} entries"): ("{n} anotación", "{n} anotaciones"),
    ("{n} history record", "{n} history records"): ("{n} registro de historial", "{n} registros de historial"),
    ("{n} acknowledgement", "{n} acknowledgements"): ("{n} aviso visto", "{n} avisos vistos"),
    "{file} does not exist": "{file} no existe",
    "that is the journal itself, not a backup of it": "ese es el propio diario, no una copia de seguridad suya",
    "the journal is open in a CareJournal window; restore from that window (Backups), or close it and try again. "
    "Nothing was changed.":
        "el diario está abierto en una ventana de CareJournal; restaure desde esa ventana (Copias de seguridad), "
        "o ciérrela y vuelva a intentarlo. No ha cambiado nada.",
    "; the journal as it was before is kept as {kept}": "; el diario tal como estaba se guarda como {kept}",
    ("Restored the journal from {name} ({n} person){where}.", "Restored the journal from {name} ({n} people){where}."):
        ("Diario restaurado desde {name} ({n} persona){where}.", "Diario restaurado desde {name} ({n} personas){where}."),
    "reference: unknown action {action}; use 'search WORDS' or 'show TOPIC'":
        "reference: acción desconocida {action}; use 'search PALABRAS' o 'show TEMA'",
    "reference search: give one or more words to look for": "reference search: indique una o más palabras que buscar",
    "reference show: give exactly one topic id (run 'reference' to list them)":
        "reference show: indique exactamente un tema (ejecute 'reference' para verlos)",
    "Offline reference (not medical advice). Topics:": "Guía sin conexión (no es consejo médico). Temas:",
    "Read one with: reference show TOPIC   Search with: reference search WORDS":
        "Lea uno con: reference show TEMA   Busque con: reference search PALABRAS",
    "Nothing in the reference matches {query}. Run 'reference' to see every topic.":
        "Nada en la guía coincide con {query}. Ejecute 'reference' para ver todos los temas.",
    "Topics for {query}, best match first:": "Temas para {query}, el que mejor coincide primero:",
    "[show with: reference show {topic}]": "[ver con: reference show {topic}]",
    "Did you mean: {topics}?": "¿Quería decir: {topics}?",
    "Run 'reference' to list the topics.": "Ejecute 'reference' para ver los temas.",
    "reference show: no topic called {topic}.": "reference show: no hay ningún tema llamado {topic}.",
    ("report: wrote {out} ({n} page) for {person}, {start} to {end}",
     "report: wrote {out} ({n} pages) for {person}, {start} to {end}"):
        ("report: se escribió {out} ({n} página) para {person}, del {start} al {end}",
         "report: se escribió {out} ({n} páginas) para {person}, del {start} al {end}"),
    "report: note: the safety checks could not be run for this period; the report says so in its alerts section":
        "report: nota: no se pudieron hacer las comprobaciones de seguridad para este periodo; el informe lo dice "
        "en su apartado de avisos",
    # -- refusals of journal/services (validation, symptoms, ...) --------------------------------------
    '"{code}" is not a known symptom code': '"{code}" no es un código de síntoma conocido',
    '"{text}" is not a known symptom code': '"{text}" no es un código de síntoma conocido',
    '"{text}" is not in the symptom catalog; the closest codes are {closest} (or "other", saying what it was in '
    'the note)':
        '"{text}" no está en la lista de síntomas; los códigos más parecidos son {closest} (u "other", '
        'explicando en la nota qué era)',
    "a medicine needs a name": "un medicamento necesita un nombre",
    "a person needs a name": "una persona necesita un nombre",
    "a pump's daily dose is a mass (mcg), not {unit}": "la dosis diaria de una bomba es una masa (mcg), no {unit}",
    "a strength of {strength} is not possible; it must be more than 0":
        "una concentración de {strength} no es posible; tiene que ser mayor que 0",
    "a strength per {per} is not possible; it must be per more than 0":
        "una concentración por {per} no es posible; tiene que ser por más de 0",
    "a time needs its time zone": "una hora necesita su zona horaria",
    "ends ({end}) before it starts ({start})": "termina ({end}) antes de empezar ({start})",
    "holds a broken character (a lone UTF-16 surrogate); retype the text":
        "contiene un carácter roto (un sustituto UTF-16 suelto); vuelva a escribir el texto",
    "say how much, for example 60 tablets or 150 mL": "diga cuánto, por ejemplo 60 tablets o 150 mL",
    "the computer's clock says {now}, more than a year before the last entry in the journal ({last})":
        "el reloj del ordenador dice {now}, más de un año antes de la última anotación del diario ({last})",
    "the computer's clock says {now}, {days} days after the last entry in the journal ({last})":
        "el reloj del ordenador dice {now}, {days} días después de la última anotación del diario ({last})",
    "{amount} is more than any pharmacy supply; please check the amount":
        "{amount} es más de lo que da cualquier farmacia; compruebe la cantidad, por favor",
    "{amount} is not an amount; it must be more than 0": "{amount} no es una cantidad; tiene que ser mayor que 0",
    "{kind}: {amount} is nothing; it must be more than 0": "{kind}: {amount} no es nada; tiene que ser mayor que 0",
    "counted": "contado",
    "received": "recibido",
    "thrown away": "desechado",
    "{length} characters is too long; at most {limit} fit": "{length} caracteres son demasiados; caben como mucho {limit}",
    "the copy to preview on is not empty": "la copia para la vista previa no está vacía",
    "{day} is in the future": "{day} está en el futuro",
    "{day} is more than {years} years ago; please check the year":
        "{day} es de hace más de {years} años; compruebe el año, por favor",
    "{day} is not a plausible date (years {first}-{last})": "{day} no es una fecha verosímil (años {first}-{last})",
    "{due} is more than a year after {day}; refills are every 1 to 6 months, please check the date":
        "{due} es más de un año después del {day}; los rellenados son cada 1 a 6 meses, compruebe la fecha, por favor",
    "{path} is a link, a pipe or a device, not a plain file; it was not touched. Choose another file name":
        "{path} es un enlace, una tubería o un dispositivo, no un archivo normal; no se ha tocado. Elija otro "
        "nombre de archivo",
    "{problem} (the stock is counted in {unit})": "{problem} (las existencias se cuentan en {unit})",
    "{value} is more than {cap}; please check the number on the clinic's printout":
        "{value} es más de {cap}; compruebe el número en el papel de la clínica, por favor",
    "{value} is not a modified Ashworth grade ({grades})": "{value} no es un grado de la escala de Ashworth modificada ({grades})",
    "{value} is not a number": "{value} no es un número",
    "{value} is not a number of hours from {low} to {high}": "{value} no es un número de horas de {low} a {high}",
    "{value} is not a number of minutes (0 to {most})": "{value} no es un número de minutos (de 0 a {most})",
    "{value} is not a plausible amount": "{value} no es una cantidad verosímil",
    "{value} is not a plausible number": "{value} no es un número verosímil",
    "{value} is not a whole number from 0 to 10": "{value} no es un número entero de 0 a 10",
    "{value} is not a whole number of days from 1 to {most}": "{value} no es un número entero de días de 1 a {most}",
    "{value} is not a whole number of doses from 1 to {most}": "{value} no es un número entero de dosis de 1 a {most}",
    "{value} is not none/mild/moderate/severe": "{value} no es none/mild/moderate/severe",
    "{value} is not one of: counted, received, discarded": "{value} no es ninguno de: counted, received, discarded",
    "{value} is not possible here; it must be more than 0": "{value} no es posible aquí; tiene que ser mayor que 0",
    "{value} is outside 0-350 for blood-pressure": "{value} está fuera de 0-350 para blood-pressure",
    "{value} is outside {low}-{high} for {kind}": "{value} está fuera de {low}-{high} para {kind}",
    "{when} is more than a day in the future": "{when} está más de un día en el futuro",
    "{when} is not a plausible time (years {first}-{last})": "{when} no es una hora verosímil (años {first}-{last})",
    # -- stock that cannot be counted (journal/schedule/stock.py) -------------------------------------
    "tablets": "comprimidos",
    "sachets": "sobres",
    "{amount} cannot be counted in {units}": "{amount} no se puede contar en {units}",
    "{amount} cannot be counted in {units}: {problem}": "{amount} no se puede contar en {units}: {problem}",
    "{amount} cannot be counted in {units}: the medicine has no strength recorded":
        "{amount} no se puede contar en {units}: el medicamento no tiene anotada su concentración",
    "{amount} cannot be counted in {units} with a strength of {strength}":
        "{amount} no se puede contar en {units} con una concentración de {strength}",
    "a strength of {strength} cannot turn {amount} into {units}":
        "una concentración de {strength} no puede convertir {amount} en {units}",
    "a dose given since the count has no amount, so the stock cannot be counted down; count what is on hand":
        "una dosis dada desde el recuento no tiene cantidad, así que no se pueden descontar las existencias; cuente "
        "lo que hay en casa",
    "the dose given {when} has no amount, so the stock cannot be counted down; count what is on hand":
        "la dosis dada el {when} no tiene cantidad, así que no se pueden descontar las existencias; cuente lo que hay "
        "en casa",
    # -- the journal service, import, backups, outputs and amounts (journal/services, journal/domain) ------
    " or ": " o ",
    '"{decimal_separator}" is not "." or ","': '"{decimal_separator}" no es "." ni ","',
    '"{drug}" is not a drug the journal knows; did you mean {options}? (A misspelt drug name would switch off the '
    'checks for this medicine. If it really is another medicine, leave the drug empty.)':
        '"{drug}" no es un medicamento que el diario conozca; ¿quería decir {options}? (Un nombre mal escrito '
        'apagaría las comprobaciones de este medicamento. Si de verdad es otro medicamento, deje vacío el '
        'principio activo.)',
    '"{entity}" is not one of {value}': '"{entity}" no es ninguno de {value}',
    '"{entry}" is not a date (YYYY-MM-DD)': '"{entry}" no es una fecha (AAAA-MM-DD)',
    '"{kind}" is not a kind of pump event': '"{kind}" no es un tipo de anotación de la bomba',
    '"{kind}" is not a kind of reading (one of: {value})': '"{kind}" no es un tipo de medida (uno de: {value})',
    '"{kind}" is not a known kind of measurement': '"{kind}" no es un tipo de medida conocido',
    '"{language}" is not one of {value}': '"{language}" no es ninguno de {value}',
    '"{name}" is already in the journal': '"{name}" ya está en el diario',
    '"{name}" is already on the list': '"{name}" ya está en la lista',
    '"{name}" matches more than one medicine ({known}); give more of the name':
        '"{name}" coincide con más de un medicamento ({known}); escriba más del nombre',
    '"{status}" is not one of: {value}': '"{status}" no es ninguno de: {value}',
    '"{temperature_unit}" is not C or F': '"{temperature_unit}" no es C ni F',
    '"{text}" is not a number': '"{text}" no es un número',
    '"{text}" is not a unit for {kind} (use {units})': '"{text}" no es una unidad para {kind} (use {units})',
    '"{timezone}" is not a known time zone (e.g. Europe/London)':
        '"{timezone}" no es una zona horaria conocida (p. ej. Europe/Madrid)',
    '"{value}" is not a modified Ashworth grade ({value2})':
        '"{value}" no es un grado de la escala de Ashworth modificada ({value2})',
    '"{weight_unit}" is not kg or lb': '"{weight_unit}" no es kg ni lb',
    '"{zone}" is not a known time zone (e.g. Europe/London)': '"{zone}" no es una zona horaria conocida (p. ej. Europe/Madrid)',
    "Added {what}": "Añadido: {what}",
    "Would add {what}": "Se añadiría: {what}",
    "Nothing new to add": "Nada nuevo que añadir",
    "{n} already in the journal": "{n} ya en el diario",
    ("{n} dose", "{n} doses"): ("{n} dosis", "{n} dosis"),
    ("{n} measurement", "{n} measurements"): ("{n} medida", "{n} medidas"),
    ("{n} medicine", "{n} medicines"): ("{n} medicamento", "{n} medicamentos"),
    ("{n} note", "{n} notes"): ("{n} nota", "{n} notas"),
    ("{n} pump event", "{n} pump events"): ("{n} anotación de la bomba", "{n} anotaciones de la bomba"),
    ("{n} schedule period", "{n} schedule periods"): ("{n} periodo de pauta", "{n} periodos de pauta"),
    ("{n} stock entry", "{n} stock entries"): ("{n} anotación de existencias", "{n} anotaciones de existencias"),
    ("{n} symptom", "{n} symptoms"): ("{n} síntoma", "{n} síntomas"),
    "CareJournal is not allowed to write to {folder} (read-only, or no permission), so {name} was not written":
        "CareJournal no puede escribir en {folder} (solo lectura, o sin permiso), así que {name} no se escribió",
    "Choose another place for the backup than the journal file itself.":
        "Elija para la copia de seguridad otro sitio que no sea el propio archivo del diario.",
    "From {day} on, each day is planned, checked and shown in {zone}. The days before stay in {before}, exactly "
    "as they were: no dose, symptom or reading moves, and a report on those days does not change.":
        "Desde el {day}, cada día se planifica, se comprueba y se muestra en {zone}. Los días anteriores siguen en "
        "{before}, tal como estaban: no se mueve ninguna dosis, síntoma ni medida, y un informe de esos días no "
        "cambia.",
    "Nothing is logged yet, so the journal simply keeps its times in {zone} from now on.":
        "Aún no hay nada anotado, así que el diario simplemente guarda sus horas en {zone} desde ahora.",
    "The journal stays in {zone}.": "El diario sigue en {zone}.",
    "Run the checks again from the Alerts view; if it keeps happening, keep a close eye yourself and call the "
    "doctor with any worry.":
        "Vuelva a hacer las comprobaciones desde la vista de avisos; si sigue pasando, vigile usted de cerca y "
        "llame al médico ante cualquier duda.",
    "The safety checks could not run": "No se pudieron hacer las comprobaciones de seguridad",
    "Your entry was saved, but the checks stopped with an error: {problem}":
        "Su anotación se guardó, pero las comprobaciones se detuvieron con un error: {problem}",
    "That is the journal file itself, not a backup.": "Ese es el propio archivo del diario, no una copia de seguridad.",
    "The backup": "La copia de seguridad",
    "The restore": "La restauración",
    "Keeping a copy of the current journal": "Guardar una copia del diario actual",
    "The backup copy did not check out, so it was not kept: {problem}":
        "La copia de seguridad no pasó la comprobación, así que no se guardó: {problem}",
    "The backup could not be made: {e}.": "No se pudo hacer la copia de seguridad: {e}.",
    "The backup failed: the folder {dest} does not exist (is the stick still plugged in?).":
        "La copia de seguridad falló: la carpeta {dest} no existe (¿sigue conectado el lápiz USB?).",
    "The backup failed: the folder {parent} does not exist (is the stick still plugged in?).":
        "La copia de seguridad falló: la carpeta {parent} no existe (¿sigue conectado el lápiz USB?).",
    "The backup failed: there is not enough free space for {dest}.":
        "La copia de seguridad falló: no hay bastante espacio libre para {dest}.",
    "The backup was not saved: {message}.": "La copia de seguridad no se guardó: {message}.",
    "The backup was not saved: {target} is {why}. Choose another place.":
        "La copia de seguridad no se guardó: {target} es {why}. Elija otro sitio.",
    "The restore could not start: another program is still saving to the journal. Nothing was changed; try again "
    "in a moment.":
        "La restauración no pudo empezar: otro programa aún está guardando en el diario. No ha cambiado nada; "
        "vuelva a intentarlo en un momento.",
    "The restore failed and the journal was left as it was: {e}.":
        "La restauración falló y el diario se quedó como estaba: {e}.",
    "There is no journal at {journal_path} to back up yet.": "Aún no hay ningún diario en {journal_path} del que hacer copia.",
    "This backup cannot be restored, so nothing was changed: {problem}":
        "Esta copia de seguridad no se puede restaurar, así que no ha cambiado nada: {problem}",
    "{action} failed: CareJournal is not allowed to write to {where} (the folder or the stick may be read-only).":
        "{action} falló: CareJournal no puede escribir en {where} (la carpeta o el lápiz USB pueden ser de solo "
        "lectura).",
    "{action} failed: there is not enough free space on the disk holding {where}.":
        "{action} falló: no hay bastante espacio libre en el disco de {where}.",
    "{action} failed: {value} ({where}).": "{action} falló: {value} ({where}).",
    "{action} failed: {where} does not exist (is the stick still plugged in?).":
        "{action} falló: {where} no existe (¿sigue conectado el lápiz USB?).",
    "{name} does not exist.": "{name} no existe.",
    "{name} is damaged ({problem}).": "{name} está dañado ({problem}).",
    "{name} is empty.": "{name} está vacío.",
    "a dose needs a scheduled or a given time": "una dosis necesita una hora prevista o una hora en que se dio",
    "a shared journal is restored only into an empty one; nothing was changed (create an empty database, init it, "
    "then restore)":
        "un diario compartido solo se restaura en uno vacío; no ha cambiado nada (cree una base de datos vacía, "
        "ejecute init y luego restaure)",
    "a strength of {strength} is too small to be real (at least 0.01 mcg per unit); check it":
        "una concentración de {strength} es demasiado pequeña para ser real (al menos 0.01 mcg por unidad); "
        "compruébela",
    "a liquid": "un líquido",
    "a tablet medicine": "un medicamento en comprimidos",
    "granules or a powder": "granulado o polvo",
    "a pump": "una bomba",
    "any medicine": "cualquier medicamento",
    "text": "texto",
    "a number": "un número",
    "a whole number": "un número entero",
    "true or false": "verdadero o falso",
    "a list": "una lista",
    "an object": "un objeto",
    "null": "nulo",
    "date-time": "una fecha y hora",
    "date (YYYY-MM-DD)": "una fecha (AAAA-MM-DD)",
    "time of day (HH:MM)": "una hora del día (HH:MM)",
    "amount {value} is negative": "la cantidad {value} es negativa",
    "amount {value} is not a finite number": "la cantidad {value} no es un número finito",
    "amount {value} is not a number": "la cantidad {value} no es un número",
    "an as-needed dose (no planned time)": "una dosis a demanda (sin hora prevista)",
    "not a planned dose: counted as an extra dose": "no es una dosis prevista: cuenta como dosis de más",
    "counted for the {slot} planned dose": "cuenta para la dosis prevista de las {slot}",
    "counted for the {slot} planned dose of {day}": "cuenta para la dosis prevista de las {slot} del {day}",
    "blood pressure needs the bottom number too (value: top, value2: bottom)":
        "la tensión necesita también el número de abajo (value: arriba, value2: abajo)",
    "cannot be changed on a {entity}": "no se puede cambiar en un {entity}",
    "cannot be empty": "no puede estar vacío",
    "cannot convert {amount} to mg: the medicine has no strength recorded (give the amount in mg, or record the "
    "strength)":
        "no se puede pasar {amount} a mg: el medicamento no tiene anotada su concentración (indique la cantidad en "
        "mg, o anote la concentración)",
    "cannot convert {amount} to mg: the strength is {strength} per {value}, so give the amount in {per_text} or in "
    "mg":
        "no se puede pasar {amount} a mg: la concentración es {strength} por {value}, así que indique la cantidad "
        "en {per_text} o en mg",
    "give a file name to write to": "indique un nombre de archivo en el que escribir",
    "give at least one step": "indique al menos un paso",
    "give the name this person signs entries with": "indique el nombre con el que esta persona firma las anotaciones",
    "grant is for a shared journal; give its postgresql:// URL": "grant es para un diario compartido; indique su URL postgresql://",
    "init sets up a shared journal; give its postgresql:// URL": "init prepara un diario compartido; indique su URL postgresql://",
    "is missing: a measurement needs its value": "falta: una medida necesita su valor",
    "is missing: a schedule period needs its dose": "falta: un periodo de pauta necesita su dosis",
    "is missing: say what happened (refill, alarm, check, dose-change or catheter-problem)":
        "falta: diga qué pasó (refill, alarm, check, dose-change o catheter-problem)",
    "is nested too deeply to be a journal document": "está anidado demasiado hondo para ser un documento de diario",
    "is not valid JSON (line {lineno}, column {colno}: {msg})": "no es JSON válido (línea {lineno}, columna {colno}: {msg})",
    "is required but missing": "es obligatorio pero falta",
    "must be a list of {since, timezone}": "tiene que ser una lista de {since, timezone}",
    "must be {since, timezone}": "tiene que ser {since, timezone}",
    "needs at least one entry": "necesita al menos una entrada",
    "no amount given ({EXAMPLES})": "no se indicó ninguna cantidad ({EXAMPLES})",
    'no medicine named "{name}" (medicines: {known})': 'ningún medicamento se llama "{name}" (medicamentos: {known})',
    "no medicine with id {medication_id}": "no hay ningún medicamento con id {medication_id}",
    "no medicine with id {medication_id} in the journal": "no hay ningún medicamento con id {medication_id} en el diario",
    'no one named "{name}" in the journal (people: {known})': 'nadie se llama "{name}" en el diario (personas: {known})',
    "no person with id {id} in the journal": "no hay ninguna persona con id {id} en el diario",
    "no person with id {patient_id} in the journal": "no hay ninguna persona con id {patient_id} en el diario",
    "no {entity} with id {entity_id}": "no hay ningún {entity} con id {entity_id}",
    "not enough free space on the disk holding {folder}, so {name} was not written (any earlier file of that name "
    "was left as it was)":
        "no hay bastante espacio libre en el disco de {folder}, así que {name} no se escribió (un archivo anterior "
        "con ese nombre se dejó como estaba)",
    "not enough free space on the disk holding {parent}, so {name} was not written (any earlier file of that name "
    "was left as it was)":
        "no hay bastante espacio libre en el disco de {parent}, así que {name} no se escribió (un archivo anterior "
        "con ese nombre se dejó como estaba)",
    "say why the entry is removed (kept with the history)": "diga por qué se quita la anotación (se guarda con el historial)",
    "that is this journal itself": "ese es este mismo diario",
    "the bottom number ({second}) should be lower than the top ({number})":
        "el número de abajo ({second}) debería ser menor que el de arriba ({number})",
    "the disk could not be read or written, so nothing was saved; check the drive and try again":
        "no se pudo leer o escribir el disco, así que no se guardó nada; revise la unidad y vuelva a intentarlo",
    "the disk is full (not enough free space), so nothing was saved; free some space and try again":
        "el disco está lleno (no hay bastante espacio libre), así que no se guardó nada; libere espacio y vuelva a "
        "intentarlo",
    "the emergency number cannot be empty": "el número de emergencias no puede estar vacío",
    "the folder {folder} does not exist (is the stick still plugged in?), so {name} was not written":
        "la carpeta {folder} no existe (¿sigue conectado el lápiz USB?), así que {name} no se escribió",
    "the folder {missing} does not exist (is the USB stick or drive plugged in?); nothing was written":
        "la carpeta {missing} no existe (¿está conectado el lápiz USB o el disco?); no se escribió nada",
    "the folder {parent} does not exist": "la carpeta {parent} no existe",
    "the journal file cannot be opened there (check that the folder exists and can be written)":
        "el archivo del diario no se puede abrir ahí (compruebe que la carpeta existe y se puede escribir)",
    "the journal file cannot be written here (read-only or no permission), so nothing was saved":
        "el archivo del diario no se puede escribir aquí (solo lectura o sin permiso), así que no se guardó nada",
    "the journal file is damaged; restore a backup with: carejournal restore FILE":
        "el archivo del diario está dañado; restaure una copia de seguridad con: carejournal restore ARCHIVO",
    "the journal is busy (the window or another command is saving), so nothing was saved; try again in a moment":
        "el diario está ocupado (la ventana u otra orden está guardando), así que no se guardó nada; vuelva a "
        "intentarlo en un momento",
    "the last entry is {show} but /timezone is {show2}; they must be the same zone (the one in force now)":
        "la última entrada es {show} pero /timezone es {show2}; tienen que ser la misma zona (la vigente ahora)",
    "the note is empty": "la nota está vacía",
    "the person has not been saved yet": "la persona aún no se ha guardado",
    "the sample journal is missing ({sample})": "falta el diario de ejemplo ({sample})",
    "the zone was last changed on {since}; a new zone can apply from that day on, not before":
        "la zona se cambió por última vez el {since}; una zona nueva puede valer desde ese día, no antes",
    "the {slot} dose was already given{who}{when}; nothing was saved":
        "la dosis de las {slot} ya se dio{who}{when}; no se guardó nada",
    "the {slot} dose was already logged; nothing was saved": "la dosis de las {slot} ya estaba anotada; no se guardó nada",
    "this journal already holds people; move a journal in only into an empty one (nothing was changed)":
        "este diario ya tiene personas; solo se puede copiar un diario en uno vacío (no ha cambiado nada)",
    "two steps start on the same day": "dos pasos empiezan el mismo día",
    'unknown field "{field}" (check the spelling)': 'campo desconocido "{field}" (revise cómo está escrito)',
    "unknown unit {text} (use {UNIT_NAMES})": "unidad desconocida {text} (use {UNIT_NAMES})",
    "use a number of minutes from 0 to 1440": "use un número de minutos de 0 a 1440",
    "your access to this shared journal is read-only (or was not granted), so nothing was saved; ask whoever set it "
    "up to grant you caregiver access":
        "su acceso a este diario compartido es de solo lectura (o no se le dio), así que no se guardó nada; pida a "
        "quien lo preparó que le dé acceso de cuidador",
    "{amount} in one dose is more than {limit}, the most one dose of {form} can be; check the amount and its unit":
        "{amount} en una dosis es más de {limit}, lo máximo que puede ser una dosis de {form}; compruebe la "
        "cantidad y su unidad",
    "{amount} is more than {limit}, the most one dose of {form} can be; check the amount and its unit":
        "{amount} es más de {limit}, lo máximo que puede ser una dosis de {form}; compruebe la cantidad y su unidad",
    "{amount} is not a dose: a dose that was given must be more than nothing (a dose that was not given is "
    "recorded as skipped, refused or missed)":
        "{amount} no es una dosis: una dosis que se dio tiene que ser más que nada (una dosis que no se dio se "
        "anota como saltada, rechazada u olvidada)",
    "{amount} is not a mass": "{amount} no es una masa",
    "{amount} is {mass} with the strength recorded, which is not a dose; check the medicine's strength":
        "{amount} son {mass} con la concentración anotada, lo que no es una dosis; compruebe la concentración del "
        "medicamento",
    "{kind} is a score and has no unit": "{kind} es una puntuación y no tiene unidad",
    "{kind} is not one of: counted, received, discarded": "{kind} no es ninguno de: counted, received, discarded",
    "{name} could not be written completely ({problem}); is the disk full? Any earlier file of that name was left "
    "as it was":
        "{name} no se pudo escribir entero ({problem}); ¿está lleno el disco? Un archivo anterior con ese nombre se "
        "dejó como estaba",
    "{name} could not be written in {folder}: {value}": "{name} no se pudo escribir en {folder}: {value}",
    "{name} is not on this person's list": "{name} no está en la lista de esta persona",
    "{number} °C is not a body temperature; if the thermometer shows Fahrenheit, give the unit F "
    "({fahrenheit_to_celsius} °C)":
        "{number} °C no es una temperatura corporal; si el termómetro marca Fahrenheit, indique la unidad F "
        "({fahrenheit_to_celsius} °C)",
    "{path} is a file; CSV export writes several files and needs a folder":
        "{path} es un archivo; la exportación CSV escribe varios archivos y necesita una carpeta",
    "{path} is a folder; give a file name such as {example}": "{path} es una carpeta; indique un nombre de archivo como {example}",
    "{path} is a folder; give the journal file's name": "{path} es una carpeta; indique el nombre del archivo del diario",
    "{path} is a journal or backup file; it was not touched. Choose another file name":
        "{path} es un archivo de diario o de copia de seguridad; no se ha tocado. Elija otro nombre de archivo",
    "{path} is damaged or not a journal: {problem}": "{path} está dañado o no es un diario: {problem}",
    "{path} is {why}; it was not touched": "{path} es {why}; no se ha tocado",
    "{path} is {why}; it was not touched. Choose another {value}": "{path} es {why}; no se ha tocado. Elija otro {value}",
    "folder": "sitio (una carpeta)",
    "file name": "nombre de archivo",
    "the journal itself": "el propio diario",
    "the journal's write-ahead log, which holds its newest entries":
        "el registro de escritura anticipada del diario, que guarda sus anotaciones más nuevas",
    "the journal's shared index of its write-ahead log": "el índice compartido del registro de escritura del diario",
    "the journal's rollback journal, which SQLite needs to finish or undo a save":
        "el registro de deshacer del diario, que SQLite necesita para terminar o deshacer un guardado",
    "the journal's write lock": "el bloqueo de escritura del diario",
    "a restore's staging copy of the journal": "la copia provisional de una restauración del diario",
    "the lock that keeps the journal to one window": "el bloqueo que mantiene el diario en una sola ventana",
    "in the journal's backups folder, whose copies would be lost": "de la carpeta de copias del diario, cuyas copias se perderían",
    "the copy of the journal kept before a schema upgrade": "la copia del diario guardada antes de actualizar su estructura",
    "{show} appears twice in the document": "{show} aparece dos veces en el documento",
    "{show} is listed twice for this person": "{show} aparece dos veces para esta persona",
    "{show} is not a code of the symptom catalog": "{show} no es un código de la lista de síntomas",
    "{show} is not a date (YYYY-MM-DD)": "{show} no es una fecha (AAAA-MM-DD)",
    "{show} is not a date-time": "{show} no es una fecha y hora",
    "{show} is not a known time zone (e.g. America/Chicago)": "{show} no es una zona horaria conocida (p. ej. America/Mexico_City)",
    "{show} is not the id of one of this person's medicines": "{show} no es el id de ninguno de los medicamentos de esta persona",
    "{show} is used by two medicines": "{show} lo usan dos medicamentos",
    "{show} is used by two people": "{show} lo usan dos personas",
    "{show} is written twice in the same object; keep one (JSON would silently drop the other)":
        "{show} está escrito dos veces en el mismo objeto; deje uno (JSON descartaría el otro sin avisar)",
    "{since} is not after the entry before it ({since2}); list the zones oldest first, one per date":
        "{since} no es posterior a la entrada anterior ({since2}); ponga las zonas de la más antigua a la más "
        "nueva, una por fecha",
    "{src} does not exist": "{src} no existe",
    "{src} is not a shared journal's backup (exchange format JSON); to move a journal file in, export it and "
    "import that":
        "{src} no es una copia de seguridad de un diario compartido (JSON de intercambio); para traer un archivo de "
        "diario, expórtelo e importe eso",
    "{s} has no number ({EXAMPLES})": "{s} no tiene número ({EXAMPLES})",
    "{s} has no unit (use {UNIT_NAMES})": "{s} no tiene unidad (use {UNIT_NAMES})",
    "{t} divides by zero; write a fraction like 1/2": "{t} divide entre cero; escriba una fracción como 1/2",
    "{t} has more than one separator; write the number without thousands separators, with one decimal point or "
    "comma (1000, 2.5 or 2,5)":
        "{t} tiene más de un separador; escriba el número sin separador de miles, con un solo punto o coma decimal "
        "(1000, 2.5 o 2,5)",
    "{t} is not a number ({EXAMPLES})": "{t} no es un número ({EXAMPLES})",
    "{t} is unclear: it could mean {larger} or {smaller}; write {larger} or {smaller} (no thousands separator)":
        "{t} no está claro: podría ser {larger} o {smaller}; escriba {larger} o {smaller} (sin separador de miles)",
    "{t}: write the number without spaces between the digits ({joined})":
        "{t}: escriba el número sin espacios entre las cifras ({joined})",
    "{value} has one value only": "{value} tiene un solo valor",
    "{value} is above the highest allowed value {limit}": "{value} está por encima del valor más alto permitido, {limit}",
    "{value} is below the lowest allowed value {limit}": "{value} está por debajo del valor más bajo permitido, {limit}",
    "{value} is not a {kind}": "{value} no es {kind}",
    "{value} is not one of: {choices}": "{value} no es ninguno de: {choices}",
    "{value} is not valid here": "{value} no es válido aquí",
    "{value} is not valid here ({rule})": "{value} no es válido aquí ({rule})",
    "{value} is not {kinds}": "{value} no es {kinds}",
    "{value} should be {expected}": "{value} debería ser {expected}",
    "{v} is not allowed here ({e})": "{v} no se permite aquí ({e})",
    "{zone} from {day}": "{zone} desde el {day}",
    ", then ": ", luego ",
    "{out_dir} already holds {value}; nothing was written. Choose a new or empty folder (CSV export never replaces "
    "files)":
        "{out_dir} ya contiene {value}; no se escribió nada. Elija una carpeta nueva o vacía (la exportación CSV "
        "nunca sustituye archivos)",
    "{src} cannot be restored with its history ({reason}); nothing was changed. Its records alone can be brought in "
    "with: carejournal import FILE":
        "{src} no se puede restaurar con su historial ({reason}); no ha cambiado nada. Sus registros solos se pueden "
        "traer con: carejournal import FILE",
    # -- the shared journal's connection (journal/services/shared_connection.py, issue 19) ---------
    "encrypted (recommended)": "cifrado (recomendado)",
    "encrypted, and the server's certificate and name are checked":
        "cifrado, y se comprueban el certificado y el nombre del servidor",
    "encrypted, and the server's certificate is checked": "cifrado, y se comprueba el certificado del servidor",
    "encrypted when the server offers it": "cifrado cuando el servidor lo ofrece",
    "unencrypted unless the server insists": "sin cifrar salvo que el servidor lo exija",
    "not encrypted (only on this computer or a network you trust)":
        "sin cifrar (solo en este ordenador o en una red de su confianza)",
    "enter the server's name or address (for example db.example.org)":
        "escriba el nombre o la dirección del servidor (por ejemplo db.example.org)",
    '"{host}" is not a server name or address; use only the name (like db.example.org or 192.168.1.20), '
    "without postgresql:// or a port":
        '"{host}" no es un nombre ni una dirección de servidor; escriba solo el nombre (como db.example.org o '
        "192.168.1.20), sin postgresql:// ni puerto",
    '"{text}" is not a port; use a number from 1 to 65535 (usually {port})':
        '"{text}" no es un puerto; use un número del 1 al 65535 (normalmente {port})',
    "enter the database's name (for example carejournal)":
        "escriba el nombre de la base de datos (por ejemplo carejournal)",
    "a database name is at most {n} characters": "el nombre de una base de datos tiene como máximo {n} caracteres",
    "enter your login on the server (the name you were given access with)":
        "escriba su usuario en el servidor (el nombre con el que le dieron acceso)",
    "a login is at most {n} characters": "un usuario tiene como máximo {n} caracteres",
    '"{mode}" is not one of: {modes}': '"{mode}" no es ninguno de: {modes}',
    "{database} on {host}": "{database} en {host}",
    "The database {where} has no journal yet. Ask whoever runs the server to set it up with: {command}":
        "La base de datos {where} aún no tiene diario. Pida a quien administra el servidor que lo prepare con: "
        "{command}",
    "The database {where} holds something else, not a CareJournal journal (nothing was changed). Check the "
    "database's name.":
        "La base de datos {where} contiene otra cosa, no un diario de CareJournal (no ha cambiado nada). "
        "Compruebe el nombre de la base de datos.",
    "The journal in {where} was made by a newer version of CareJournal. Update CareJournal on this computer first.":
        "El diario de {where} lo hizo una versión más nueva de CareJournal. Actualice antes CareJournal en este "
        "ordenador.",
    "The journal in {where} was made by an earlier version of CareJournal and must be upgraded first. Ask whoever "
    "runs the server to run: {command}":
        "El diario de {where} lo hizo una versión anterior de CareJournal y antes hay que actualizarlo. Pida a quien "
        "administra el servidor que ejecute: {command}",
    "Your name": "Su nombre",
    "Your login {user} has no access to this journal yet. Ask whoever runs the server to run: {command}":
        "Su usuario {user} aún no tiene acceso a este diario. Pida a quien administra el servidor que ejecute: "
        "{command}",
    "Connected: {where} is a CareJournal journal, and {user} can read and write it.":
        "Conectado: {where} es un diario de CareJournal, y {user} puede leerlo y escribir en él.",
    "Read-only: {user} is a viewer of this shared journal. You can look at it, see the alerts and print the "
    "report, but not log or change anything (the server refuses changes from this login).":
        "Solo lectura: {user} solo puede consultar este diario compartido. Puede verlo, ver los avisos e imprimir "
        "el informe, pero no anotar ni cambiar nada (el servidor rechaza los cambios de este usuario).",
    "The server refused the password for {user}. Type it again (or correct the one kept in ~/.pgpass or the "
    "keyring).":
        "El servidor rechazó la contraseña de {user}. Escríbala otra vez (o corrija la guardada en ~/.pgpass o en "
        "el llavero).",
    "The server asks for {user}'s password: type it in the password box.":
        "El servidor pide la contraseña de {user}: escríbala en la casilla de la contraseña.",
    "The server does not let {user} in from this computer. Ask whoever runs the server to allow this computer "
    "(pg_hba.conf), or check the encryption setting.":
        "El servidor no deja entrar a {user} desde este ordenador. Pida a quien administra el servidor que permita "
        "este ordenador (pg_hba.conf), o revise el ajuste de cifrado.",
    'The server has no database named "{database}". Check the name with whoever runs the server.':
        'El servidor no tiene ninguna base de datos llamada "{database}". Compruebe el nombre con quien administra '
        "el servidor.",
    'The server has no login named "{user}". Check it, or ask whoever runs the server to create it with: '
    'carejournal --db URL grant {user} --access caregiver --person "Your name"':
        'El servidor no tiene ningún usuario llamado "{user}". Compruébelo, o pida a quien administra el servidor '
        'que lo cree con: carejournal --db URL grant {user} --access caregiver --person "Su nombre"',
    'The server does not offer an encrypted connection, and "{sslmode}" needs one. Ask whoever runs the server to '
    'turn encryption (TLS) on; choose "prefer" only on a network you trust.':
        'El servidor no ofrece una conexión cifrada, y "{sslmode}" la necesita. Pida a quien administra el servidor '
        'que active el cifrado (TLS); elija "prefer" solo en una red de su confianza.',
    "The encrypted connection could not be set up ({detail}). Check the encryption setting with whoever runs the "
    "server.":
        "No se pudo establecer la conexión cifrada ({detail}). Revise el ajuste de cifrado con quien administra el "
        "servidor.",
    'No server named "{host}" was found. Check the name, and that this computer is online.':
        'No se encontró ningún servidor llamado "{host}". Compruebe el nombre y que este ordenador tiene conexión '
        "a internet.",
    "The server {host} could not be reached on port {port}. Check the name and port, that this computer is "
    "online, and that the server is running.":
        "No se pudo llegar al servidor {host} en el puerto {port}. Compruebe el nombre y el puerto, que este "
        "ordenador tiene conexión a internet y que el servidor está en marcha.",
    "Your login {user} has no access to this journal yet. Ask whoever runs the server to run: carejournal --db URL "
    'grant {user} --access caregiver --person "Your name"':
        "Su usuario {user} aún no tiene acceso a este diario. Pida a quien administra el servidor que ejecute: "
        'carejournal --db URL grant {user} --access caregiver --person "Su nombre"',
    "The server refused the password kept for {user} (in ~/.pgpass or the keyring). Type the right one in the "
    "password box.":
        "El servidor rechazó la contraseña guardada para {user} (en ~/.pgpass o en el llavero). Escriba la correcta "
        "en la casilla de la contraseña.",
    "The connection failed: {detail}": "La conexión falló: {detail}",
    "The journal on the server must be set up or upgraded first. Ask whoever runs the server to run: {command}":
        "Antes hay que preparar o actualizar el diario del servidor. Pida a quien administra el servidor que "
        "ejecute: {command}",
    "the keyring package is not installed (pip install keyring)":
        "el paquete keyring no está instalado (pip install keyring)",
    "the system keyring cannot be used ({problem})": "no se puede usar el llavero del sistema ({problem})",
    "this computer has no system keyring (such as GNOME Keyring or KWallet) to keep it in":
        "este ordenador no tiene un llavero del sistema (como GNOME Keyring o KWallet) donde guardarla",
    "it cannot be remembered: {reason}": "no se puede recordar: {reason}",
    "the keyring did not keep it ({problem}); it will be asked next time":
        "el llavero no la guardó ({problem}); se pedirá la próxima vez",
    # -- start at login (journal/services/autostart.py): the desktop entry's comment
    "Medication reminders for the person you care for": "Recordatorios de medicamentos para la persona que cuida",
}

<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AlertCard</name>
    <message>
        <source>If you are worried right now, call {number}.</source>
        <translation>Si ahora mismo le preocupa, llame al {number}.</translation>
    </message>
    <message>
        <source>What to do: {advice}</source>
        <translation>Qué hacer: {advice}</translation>
    </message>
    <message>
        <source>What the journal shows:</source>
        <translation>Lo que muestra el diario:</translation>
    </message>
    <message>
        <source>Since {when}</source>
        <translation>Desde {when}</translation>
    </message>
    <message>
        <source>Read about this</source>
        <translation>Leer sobre esto</translation>
    </message>
    <message>
        <source>I have seen this...</source>
        <translation>Lo he visto...</translation>
    </message>
    <message>
        <source>What did you do?</source>
        <translation>¿Qué hizo?</translation>
    </message>
    <message>
        <source>for example: called the clinic, they said to ...</source>
        <translation>por ejemplo: llamé a la clínica, me dijeron que ...</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Please write a few words about what you did first.</source>
        <translation>Escriba primero unas palabras sobre lo que hizo.</translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <source>Alerts</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Nothing needs your attention right now.</source>
        <translation>Ahora mismo nada requiere su atención.</translation>
    </message>
    <message>
        <source>Most serious first: {counts}.</source>
        <translation>Los más graves primero: {counts}.</translation>
    </message>
    <message>
        <source>Alerts ({n})</source>
        <translation>Avisos ({n})</translation>
    </message>
    <message>
        <source>This journal is not medical advice. When in doubt, call the doctor, the clinic or {number}.</source>
        <translation>Este diario no es consejo médico. Si tiene dudas, llame al médico, a la clínica o al {number}.</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message>
        <source>What to do (guidance)</source>
        <translation>Qué hacer (orientación)</translation>
    </message>
    <message>
        <source>After you have acted, note what you did:</source>
        <translation>Después de actuar, anote lo que hizo:</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>{icon} EMERGENCY: call {number} now - {person}: {title}</source>
        <translation>{icon} EMERGENCIA: llame ya al {number} - {person}: {title}</translation>
    </message>
    <message>
        <source>What to do: {advice}</source>
        <translation>Qué hacer: {advice}</translation>
    </message>
    <message>
        <source>for example: called {number} at 02:10, ambulance coming</source>
        <translation>por ejemplo: llamé al {number} a las 02:10, viene la ambulancia</translation>
    </message>
    <message>
        <source>Please write a few words about what you did first.</source>
        <translation>Escriba primero unas palabras sobre lo que hizo.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CareJournal - SAMPLE (not real data)</source>
        <translation>CareJournal - EJEMPLO (datos no reales)</translation>
    </message>
    <message>
        <source>This is a SAMPLE journal with made-up people and entries. Nothing you do here touches your own journal.</source>
        <translation>Este es un diario de EJEMPLO con personas y anotaciones inventadas. Nada de lo que haga aquí toca su diario.</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <source>Report for the doctor...</source>
        <translation>Informe para el médico...</translation>
    </message>
    <message>
        <source>Guide (F1)</source>
        <translation>Guía (F1)</translation>
    </message>
    <message>
        <source>Backups...</source>
        <translation>Copias de seguridad...</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>S&amp;ymptom</source>
        <translation>&amp;Síntoma</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>&amp;Medida</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>His&amp;torial</translation>
    </message>
    <message>
        <source>&amp;Medicines</source>
        <translation>Me&amp;dicamentos</translation>
    </message>
    <message>
        <source>P&amp;ump</source>
        <translation>&amp;Bomba</translation>
    </message>
    <message>
        <source>Pr&amp;ofile</source>
        <translation>Pe&amp;rfil</translation>
    </message>
    <message>
        <source>No reminders planned.</source>
        <translation>No hay recordatorios previstos.</translation>
    </message>
    <message>
        <source>Next reminder {when} ({where}): {what}</source>
        <translation>Próximo recordatorio {when} ({where}): {what}</translation>
    </message>
</context>
<context>
    <name>ReferenceWindow</name>
    <message>
        <source>CareJournal guide (not medical advice)</source>
        <translation>Guía de CareJournal (no es consejo médico)</translation>
    </message>
    <message>
        <source>The guide is not available in this build ({reason}).</source>
        <translation>La guía no está disponible en esta versión ({reason}).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Emergency &amp;number:</source>
        <translation>&amp;Número de emergencias:</translation>
    </message>
    <message>
        <source>&amp;Remind me:</source>
        <translation>&amp;Avisarme:</translation>
    </message>
    <message>
        <source>&amp;Dates look like:</source>
        <translation>&amp;Fechas así:</translation>
    </message>
    <message>
        <source>&amp;Times look like:</source>
        <translation>&amp;Horas así:</translation>
    </message>
    <message>
        <source>T&amp;emperatures in:</source>
        <translation>T&amp;emperaturas en:</translation>
    </message>
    <message>
        <source>&amp;Weights in:</source>
        <translation>&amp;Pesos en:</translation>
    </message>
    <message>
        <source>Deci&amp;mals look like:</source>
        <translation>Deci&amp;males así:</translation>
    </message>
    <message>
        <source>The computer's language</source>
        <translation>El idioma del ordenador</translation>
    </message>
    <message>
        <source>&amp;Language (from the next start):</source>
        <translation>&amp;Idioma (desde el próximo inicio):</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>New zone &amp;from:</source>
        <translation>Zona nueva &amp;desde:</translation>
    </message>
    <message>
        <source>so others sharing care see who logged what</source>
        <translation>para que quienes comparten el cuidado vean quién anotó qué</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Su n&amp;ombre:</translation>
    </message>
    <message>
        <source>Start CareJournal when I log in (minimised, reminding)</source>
        <translation>Abrir CareJournal al iniciar sesión (minimizado, con recordatorios)</translation>
    </message>
    <message>
        <source>Reminders appear this long before a dose or a pump refill is due.</source>
        <translation>Los recordatorios aparecen con esta antelación antes de una dosis o de un rellenado de la bomba.</translation>
    </message>
</context>
<context>
    <name>SeverityLook</name>
    <message>
        <source>EMERGENCY</source>
        <translation>EMERGENCIA</translation>
    </message>
    <message>
        <source>Call emergency services now</source>
        <translation>Llame ya a emergencias</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Call the doctor or clinic today</source>
        <translation>Llame hoy al médico o a la clínica</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Atención</translation>
    </message>
    <message>
        <source>Check this soon</source>
        <translation>Revíselo pronto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>Conviene saberlo</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to CareJournal</source>
        <translation>Bienvenido a CareJournal</translation>
    </message>
    <message>
        <source>Keep track of medicines, symptoms and the pump, and get a clear picture for the doctor.
Everything stays on this computer.</source>
        <translation>Lleve la cuenta de medicamentos, síntomas y la bomba, y dé al médico una imagen clara.
Todo se queda en este ordenador.</translation>
    </message>
    <message>
        <source>Add the person you care for</source>
        <translation>Añadir a la persona que cuida</translation>
    </message>
    <message>
        <source>Explore a sample journal</source>
        <translation>Ver un diario de ejemplo</translation>
    </message>
    <message>
        <source>The sample opens in its own window with made-up entries. It is never mixed with your journal and disappears when you close it.</source>
        <translation>El ejemplo se abre en su propia ventana con anotaciones inventadas. Nunca se mezcla con su diario y desaparece al cerrarlo.</translation>
    </message>
    <message>
        <source>Change time zone...</source>
        <translation>Cambiar la zona horaria...</translation>
    </message>
    <message>
        <source>Use this &amp;number</source>
        <translation>Usar este &amp;número</translation>
    </message>
    <message>
        <source>Alerts and the guide tell you to call this number in an emergency.</source>
        <translation>Los avisos y la guía le dirán que llame a este número en una emergencia.</translation>
    </message>
    <message>
        <source>The usual emergency number where you are ({country}). Please check it: alerts and the guide tell you to call it.</source>
        <translation>El número de emergencias habitual donde está ({country}). Compruébelo: los avisos y la guía le dirán que llame a él.</translation>
    </message>
    <message>
        <source>Your country could not be told from this computer. Please enter the number you would call.</source>
        <translation>No se ha podido saber su país por este ordenador. Escriba el número al que llamaría.</translation>
    </message>
    <message>
        <source>&amp;Emergency number: {why}</source>
        <translation>Número de &amp;emergencias: {why}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Times in this journal are kept in {zone} (this computer's time zone).</source>
        <translation>Las horas de este diario se guardan en {zone} (la zona horaria de este ordenador).</translation>
    </message>
    <message>
        <source>Times in this journal are kept in {zone}.</source>
        <translation>Las horas de este diario se guardan en {zone}.</translation>
    </message>
    <message>
        <source>Every day is planned and shown in it; if you move, a new zone can apply from a chosen day and the days before stay as they were.</source>
        <translation>Cada día se planifica y se muestra en ella; si se muda, una zona nueva puede aplicarse desde el día que elija y los días anteriores quedan como estaban.</translation>
    </message>
</context>
<context>
    <name>self.welcome</name>
    <message>
        <source>Use this &amp;number</source>
        <translation>Usar este &amp;número</translation>
    </message>
</context>
</TS>
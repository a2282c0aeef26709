<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About CareJournal</source>
        <translation>Acerca de CareJournal</translation>
    </message>
    <message>
        <source>CareJournal version {version}</source>
        <translation>CareJournal, versión {version}</translation>
    </message>
    <message>
        <source>a temporary sample (not saved)</source>
        <translation>un ejemplo temporal (no se guarda)</translation>
    </message>
    <message>
        <source>none for the sample</source>
        <translation>ninguna para el ejemplo</translation>
    </message>
    <message>
        <source>A medication journal for family caregivers. It is not medical advice and never tells anyone to change a dose on their own.

Your journal: {journal}
Backups: {backups}
Log file (no names or health details): {log}

Free software under the {licence} licence:</source>
        <translation>Un diario de medicación para familiares que cuidan. No es consejo médico y nunca le dice a nadie que cambie una dosis por su cuenta.

Su diario: {journal}
Copias de seguridad: {backups}
Archivo de registro (sin nombres ni datos de salud): {log}

Software libre con la licencia {licence}:</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
</context>
<context>
    <name>AlertCard</name>
    <message>
        <source>{severity} alert: {title}</source>
        <translation>Aviso {severity}: {title}</translation>
    </message>
    <message>
        <source>alert heading</source>
        <translation>título del aviso</translation>
    </message>
    <message>
        <source>If you are worried right now, call {number}.</source>
        <translation>Si ahora mismo le preocupa, llame al {number}.</translation>
    </message>
    <message>
        <source>What to do: {advice}</source>
        <translation>Qué hacer: {advice}</translation>
    </message>
    <message>
        <source>... and {n} more</source>
        <translation>... y {n} más</translation>
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
        <source>Read the guidance about: {title}</source>
        <translation>Leer la orientación sobre: {title}</translation>
    </message>
    <message>
        <source>I have seen this...</source>
        <translation>Lo he visto...</translation>
    </message>
    <message>
        <source>Acknowledge alert: {title}</source>
        <translation>Confirmar el aviso: {title}</translation>
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
        <source>Acknowledgement note</source>
        <translation>Nota de confirmación</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Confirm acknowledgement</source>
        <translation>Confirmar que lo ha visto</translation>
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
        <source>Checking everyone's entries again…</source>
        <translation>Comprobando de nuevo las entradas de todos…</translation>
    </message>
    <message>
        <source>Checking the entry just made…</source>
        <translation>Comprobando la entrada que acaba de hacer…</translation>
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
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>CareJournal makes a backup each time it opens and once a day while it stays open. It keeps one for each of the last 7 days and one for each of the 4 weeks before that. They are kept in {folder}, readable only by you.</source>
        <translation>CareJournal hace una copia de seguridad cada vez que se abre y una al día mientras sigue abierto. Guarda una por cada uno de los últimos 7 días y una por cada una de las 4 semanas anteriores. Están en {folder} y solo usted puede leerlas.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer una copia ahora</translation>
    </message>
    <message>
        <source>Back up to a folder or USB stick...</source>
        <translation>Copiar a una carpeta o memoria USB...</translation>
    </message>
    <message>
        <source>Restore the selected backup...</source>
        <translation>Restaurar la copia elegida...</translation>
    </message>
    <message>
        <source>Restore from a file...</source>
        <translation>Restaurar desde un archivo...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Backups of this journal, newest first</source>
        <translation>Copias de seguridad de este diario, las más nuevas primero</translation>
    </message>
    <message>
        <source>Back up to a folder or USB stick</source>
        <translation>Copiar a una carpeta o memoria USB</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Restaurar la copia elegida</translation>
    </message>
    <message>
        <source>Restore from a backup file, for example on a USB stick</source>
        <translation>Restaurar desde un archivo de copia, por ejemplo en una memoria USB</translation>
    </message>
    <message>
        <source>Close the backups screen</source>
        <translation>Cerrar la pantalla de copias de seguridad</translation>
    </message>
    <message>
        <source>The backups folder could not be read: {reason}</source>
        <translation>No se pudo leer la carpeta de copias: {reason}</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Todavía no hay copias de seguridad.</translation>
    </message>
    <message>
        <source>Backup saved: {name}</source>
        <translation>Copia guardada: {name}</translation>
    </message>
    <message>
        <source>Backup saved to {path}. Keep the stick somewhere safe.</source>
        <translation>Copia guardada en {path}. Guarde la memoria en un lugar seguro.</translation>
    </message>
    <message>
        <source>how it was on {backup}</source>
        <translation>como estaba el {backup}</translation>
    </message>
    <message>
        <source>the copy in {name}</source>
        <translation>la copia de {name}</translation>
    </message>
    <message>
        <source>The journal will go back to {what}. Anything entered after that copy was made will need to be entered again. A copy of the journal as it is now is kept first, so you can come back to it.</source>
        <translation>El diario volverá a {what}. Lo que se anotó después de hacer esa copia tendrá que anotarse de nuevo. Antes se guarda una copia del diario tal como está ahora, para poder volver a él.</translation>
    </message>
    <message>
        <source>The journal was restored. The previous version was kept as a backup (it is in the list above).</source>
        <translation>Se ha restaurado el diario. La versión anterior se ha guardado como copia de seguridad (está en la lista de arriba).</translation>
    </message>
    <message>
        <source>The backup was put in place, but {problem} Close CareJournal and open it again.</source>
        <translation>La copia ya está en su sitio, pero {problem} Cierre CareJournal y vuelva a abrirlo.</translation>
    </message>
    <message>
        <source>The journal could not be opened again: {reason}.</source>
        <translation>No se pudo volver a abrir el diario: {reason}.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Use a shared journal on a server</source>
        <translation>Usar un diario compartido en un servidor</translation>
    </message>
    <message>
        <source>A care team can keep one journal on a PostgreSQL server, so that every caregiver's computer shows the same entries. Ask whoever runs the server for these details.</source>
        <translation>Un equipo de cuidado puede llevar un solo diario en un servidor PostgreSQL, para que el ordenador de cada cuidador muestre las mismas anotaciones. Pida estos datos a quien administra el servidor.</translation>
    </message>
    <message>
        <source>Server name or address</source>
        <translation>Nombre o dirección del servidor</translation>
    </message>
    <message>
        <source>for example db.example.org</source>
        <translation>por ejemplo db.example.org</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Nombre de la base de datos</translation>
    </message>
    <message>
        <source>for example carejournal</source>
        <translation>por ejemplo carejournal</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>Your login on the server</source>
        <translation>Su usuario en el servidor</translation>
    </message>
    <message>
        <source>Your &amp;login:</source>
        <translation>Su &amp;usuario:</translation>
    </message>
    <message>
        <source>Encryption (TLS mode)</source>
        <translation>Cifrado (modo TLS)</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Cifrado:</translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation>Contraseña (opcional)</translation>
    </message>
    <message>
        <source>leave empty if it is kept in ~/.pgpass or the keyring</source>
        <translation>déjela vacía si está guardada en ~/.pgpass o en el llavero</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Contrase&amp;ña:</translation>
    </message>
    <message>
        <source>&amp;Remember the password in this computer's keyring</source>
        <translation>&amp;Recordar la contraseña en el llavero de este ordenador</translation>
    </message>
    <message>
        <source>Remember the password in this computer's keyring</source>
        <translation>Recordar la contraseña en el llavero de este ordenador</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>No disponible: {reason}</translation>
    </message>
    <message>
        <source>Not remembered, the password is asked each time CareJournal opens the shared journal (unless it is in ~/.pgpass). CareJournal never writes it into a file.</source>
        <translation>Si no se recuerda, la contraseña se pide cada vez que CareJournal abre el diario compartido (salvo que esté en ~/.pgpass). CareJournal nunca la escribe en un archivo.</translation>
    </message>
    <message>
        <source>The password cannot be remembered here ({reason}): it is asked each time CareJournal opens the shared journal, unless it is in ~/.pgpass.</source>
        <translation>Aquí no se puede recordar la contraseña ({reason}): se pide cada vez que CareJournal abre el diario compartido, salvo que esté en ~/.pgpass.</translation>
    </message>
    <message>
        <source>What the connection test found</source>
        <translation>Lo que encontró la prueba de conexión</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <source>Test the connection to the shared journal</source>
        <translation>Probar la conexión con el diario compartido</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <source>Connect to the shared journal and open it</source>
        <translation>Conectar con el diario compartido y abrirlo</translation>
    </message>
    <message>
        <source>Use this computer's &amp;journal</source>
        <translation>Usar el &amp;diario de este ordenador</translation>
    </message>
    <message>
        <source>Use this computer's journal instead</source>
        <translation>Usar en su lugar el diario de este ordenador</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Your login</source>
        <translation>Su usuario</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>Testing the connection to {host}...</source>
        <translation>Probando la conexión con {host}...</translation>
    </message>
    <message>
        <source>Password: {problem}</source>
        <translation>Contraseña: {problem}</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct an entry</source>
        <translation>Corregir una anotación</translation>
    </message>
    <message>
        <source>The earlier version is kept and shown in the history and the report.</source>
        <translation>La versión anterior se conserva y se muestra en el historial y en el informe.</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>What &amp;happened:</source>
        <translation>&amp;Qué pasó:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>C&amp;antidad:</translation>
    </message>
    <message>
        <source>Amount with its concentration</source>
        <translation>Cantidad con su concentración</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin valorar</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Intensidad</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Intensidad:</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>&amp;Medida:</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texto de la nota</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Why this is corrected</source>
        <translation>Por qué se corrige</translation>
    </message>
    <message>
        <source>for example: wrong time entered</source>
        <translation>por ejemplo: hora mal escrita</translation>
    </message>
    <message>
        <source>Wh&amp;y corrected:</source>
        <translation>Por &amp;qué se corrige:</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Guardar la corrección</translation>
    </message>
    <message>
        <source>Save the correction</source>
        <translation>Guardar la corrección</translation>
    </message>
    <message>
        <source>Liquid: {strength}</source>
        <translation>Líquido: {strength}</translation>
    </message>
    <message>
        <source>Check: {amount}</source>
        <translation>Compruebe: {amount}</translation>
    </message>
    <message>
        <source>That time is in the future.</source>
        <translation>Esa hora está en el futuro.</translation>
    </message>
    <message>
        <source>The reading must be a number.</source>
        <translation>La medida debe ser un número.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Say briefly why you correct it (kept with the history).</source>
        <translation>Diga en pocas palabras por qué lo corrige (se guarda con el historial).</translation>
    </message>
</context>
<context>
    <name>DoseDialog</name>
    <message>
        <source> (the {time} dose)</source>
        <translation> (la dosis de las {time})</translation>
    </message>
    <message>
        <source>Log {medicine}</source>
        <translation>Anotar {medicine}</translation>
    </message>
    <message>
        <source>Concentration of the liquid</source>
        <translation>Concentración del líquido</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>&amp;Medicine:</source>
        <translation>&amp;Medicamento:</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>&amp;Qué pasó:</translation>
    </message>
    <message>
        <source>When it was given</source>
        <translation>Cuándo se dio</translation>
    </message>
    <message>
        <source>W&amp;hen:</source>
        <translation>Cuá&amp;ndo:</translation>
    </message>
    <message>
        <source>Amount given</source>
        <translation>Cantidad dada</translation>
    </message>
    <message>
        <source>for example 10 mg, 1/2 tablet, 2.5 mL or 13.8 g</source>
        <translation>por ejemplo 10 mg, 1/2 comprimido, 2.5 mL o 13.8 g</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>C&amp;antidad:</translation>
    </message>
    <message>
        <source>Amount with its concentration</source>
        <translation>Cantidad con su concentración</translation>
    </message>
    <message>
        <source>Note about the dose</source>
        <translation>Nota sobre la dosis</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save this dose</source>
        <translation>Guardar esta dosis</translation>
    </message>
    <message>
        <source>Liquid: {strength}. Check the bottle says the same.</source>
        <translation>Líquido: {strength}. Compruebe que el frasco dice lo mismo.</translation>
    </message>
    <message>
        <source>Check: {amount}</source>
        <translation>Compruebe: {amount}</translation>
    </message>
    <message>
        <source>That time is in the future. Enter when it really happened.</source>
        <translation>Esa hora está en el futuro. Escriba cuándo pasó de verdad.</translation>
    </message>
    <message>
        <source>Enter the amount given (for example 10 mg, 1 tablet or 5 mL).</source>
        <translation>Escriba la cantidad dada (por ejemplo 10 mg, 1 comprimido o 5 mL).</translation>
    </message>
    <message>
        <source>Choose No to correct it.</source>
        <translation>Elija No para corregirlo.</translation>
    </message>
    <message>
        <source>Check the amount</source>
        <translation>Compruebe la cantidad</translation>
    </message>
    <message>
        <source>Not saved. Check the amount and save again.</source>
        <translation>No se ha guardado. Compruebe la cantidad y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Not saved (you chose Cancel when the safety checks warned about this dose).</source>
        <translation>No se ha guardado (eligió Cancelar cuando las comprobaciones de seguridad avisaron sobre esta dosis).</translation>
    </message>
    <message>
        <source>{amount} is {times} times the planned dose of {planned} mg. Is that really what was given?</source>
        <translation>{amount} es {times} veces la dosis prevista de {planned} mg. ¿Es de verdad lo que se dio?</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message>
        <source>What to do (guidance)</source>
        <translation>Qué hacer (orientación)</translation>
    </message>
    <message>
        <source>Open the guidance for this emergency</source>
        <translation>Abrir la orientación para esta emergencia</translation>
    </message>
    <message>
        <source>After you have acted, note what you did:</source>
        <translation>Después de actuar, anote lo que hizo:</translation>
    </message>
    <message>
        <source>Emergency acknowledgement note</source>
        <translation>Nota de confirmación de la emergencia</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Acknowledge the emergency</source>
        <translation>Confirmar la emergencia</translation>
    </message>
    <message>
        <source>{icon} EMERGENCY: call {number} now - {person}: {title}</source>
        <translation>{icon} EMERGENCIA: llame ya al {number} - {person}: {title}</translation>
    </message>
    <message>
        <source>(1 more emergency alert in the Alerts list.)</source>
        <translation>(1 aviso de emergencia más en la lista de Avisos.)</translation>
    </message>
    <message>
        <source>({n} more emergency alerts in the Alerts list.)</source>
        <translation>({n} avisos de emergencia más en la lista de Avisos.)</translation>
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
        <source>Emergency</source>
        <translation>Emergencia</translation>
    </message>
    <message>
        <source>Please write a few words about what you did first.</source>
        <translation>Escriba primero unas palabras sobre lo que hizo.</translation>
    </message>
</context>
<context>
    <name>ErrorLabel</name>
    <message>
        <source>Problem with the entry</source>
        <translation>Problema con la anotación</translation>
    </message>
</context>
<context>
    <name>FailureDialog</name>
    <message>
        <source>CareJournal: something went wrong</source>
        <translation>CareJournal: algo ha fallado</translation>
    </message>
    <message>
        <source>A note was written to {path}.</source>
        <translation>Se ha dejado una nota en {path}.</translation>
    </message>
    <message>
        <source>Something went wrong inside CareJournal. Entries already saved are safe in the journal. If what you were doing did not finish, please check it and try again.</source>
        <translation>Algo ha fallado dentro de CareJournal. Las anotaciones ya guardadas están a salvo en el diario. Si lo que estaba haciendo no terminó, revíselo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Details for whoever helps you</source>
        <translation>Detalles para quien le ayude</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <source>Copy the details to the clipboard</source>
        <translation>Copiar los detalles al portapapeles</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Show which entries</source>
        <translation>Qué anotaciones mostrar</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Search the text...</source>
        <translation>Buscar en el texto...</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Anotación</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Correct the selected entry...</source>
        <translation>Corregir la anotación elegida...</translation>
    </message>
    <message>
        <source>Correct the selected entry</source>
        <translation>Corregir la anotación elegida</translation>
    </message>
    <message>
        <source>Remove the selected entry...</source>
        <translation>Quitar la anotación elegida...</translation>
    </message>
    <message>
        <source>Remove the selected entry (kept in the history)</source>
        <translation>Quitar la anotación elegida (queda en el historial)</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <source>Add a note (what happened, a question for the doctor...)</source>
        <translation>Añadir una nota (qué pasó, una pregunta para el médico...)</translation>
    </message>
    <message>
        <source>Question for the doctor</source>
        <translation>Pregunta para el médico</translation>
    </message>
    <message>
        <source>This note is a question for the doctor</source>
        <translation>Esta nota es una pregunta para el médico</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Add the note</source>
        <translation>Añadir la nota</translation>
    </message>
    <message>
        <source>Select an entry in the list first.</source>
        <translation>Primero elija una anotación de la lista.</translation>
    </message>
    <message>
        <source>This entry was removed; it is kept only as a record.</source>
        <translation>Esta anotación se quitó; solo se conserva como registro.</translation>
    </message>
    <message>
        <source>This entry is already removed.</source>
        <translation>Esta anotación ya está quitada.</translation>
    </message>
    <message>
        <source>Remove an entry</source>
        <translation>Quitar una anotación</translation>
    </message>
    <message>
        <source>Why remove "{entry}"? (kept with the history)</source>
        <translation>¿Por qué quitar «{entry}»? (se guarda con el historial)</translation>
    </message>
    <message>
        <source>Say briefly why the entry is removed; nothing was removed.</source>
        <translation>Diga en pocas palabras por qué se quita; no se ha quitado nada.</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>Primero escriba la nota.</translation>
    </message>
    <message>
        <source>Choose the person first.</source>
        <translation>Primero elija a la persona.</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Limits for {medicine}</source>
        <translation>Límites de {medicine}</translation>
    </message>
    <message>
        <source>Copy these from the prescription or the pharmacy label. Leave a box empty when nothing was prescribed. This journal is not medical advice.</source>
        <translation>Cópielos de la receta o de la etiqueta de la farmacia. Deje vacía una casilla si no se recetó nada. Este diario no es consejo médico.</translation>
    </message>
    <message>
        <source>Most doses in 24 hours</source>
        <translation>Máximo de dosis en 24 horas</translation>
    </message>
    <message>
        <source>for example 3</source>
        <translation>por ejemplo 3</translation>
    </message>
    <message>
        <source>At least this many hours between doses</source>
        <translation>Al menos estas horas entre dosis</translation>
    </message>
    <message>
        <source>for example 4</source>
        <translation>por ejemplo 4</translation>
    </message>
    <message>
        <source>Most amount in 24 hours</source>
        <translation>Cantidad máxima en 24 horas</translation>
    </message>
    <message>
        <source>for example 30 mg or 20 mL</source>
        <translation>por ejemplo 30 mg o 20 mL</translation>
    </message>
    <message>
        <source>Most &amp;doses in 24 hours:</source>
        <translation>Máximo de &amp;dosis en 24 horas:</translation>
    </message>
    <message>
        <source>At least &amp;hours between doses:</source>
        <translation>Al menos &amp;horas entre dosis:</translation>
    </message>
    <message>
        <source>Most &amp;amount in 24 hours:</source>
        <translation>Cantidad &amp;máxima en 24 horas:</translation>
    </message>
    <message>
        <source>Daily ceiling set by the prescriber</source>
        <translation>Tope diario fijado por quien receta</translation>
    </message>
    <message>
        <source>only when the prescriber set one, for example 60 mg</source>
        <translation>solo si quien receta fijó uno, por ejemplo 60 mg</translation>
    </message>
    <message>
        <source>Daily &amp;ceiling set by the prescriber:</source>
        <translation>&amp;Tope diario fijado por quien receta:</translation>
    </message>
    <message>
        <source>Save the limits</source>
        <translation>Guardar los límites</translation>
    </message>
    <message>
        <source>Cancel, save nothing</source>
        <translation>Cancelar, no guardar nada</translation>
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
        <source>Sample journal notice</source>
        <translation>Aviso de diario de ejemplo</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <source>Person you are logging for</source>
        <translation>Persona para la que anota</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <source>Add another person</source>
        <translation>Añadir otra persona</translation>
    </message>
    <message>
        <source>Report for the doctor...</source>
        <translation>Informe para el médico...</translation>
    </message>
    <message>
        <source>Print or save the report for the doctor</source>
        <translation>Imprimir o guardar el informe para el médico</translation>
    </message>
    <message>
        <source>Guide (F1)</source>
        <translation>Guía (F1)</translation>
    </message>
    <message>
        <source>Open the guide</source>
        <translation>Abrir la guía</translation>
    </message>
    <message>
        <source>Backups...</source>
        <translation>Copias de seguridad...</translation>
    </message>
    <message>
        <source>Backups: make one now, save one to a USB stick, or restore one</source>
        <translation>Copias de seguridad: hacer una ahora, guardar una en una memoria USB o restaurar una</translation>
    </message>
    <message>
        <source>Make a backup now, save one to a USB stick, or go back to an earlier one</source>
        <translation>Hacer una copia ahora, guardar una en una memoria USB o volver a una anterior</translation>
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
        <source>About CareJournal: version, where the journal is, licence</source>
        <translation>Acerca de CareJournal: versión, dónde está el diario, licencia</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
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
        <source>Open CareJournal</source>
        <translation>Abrir CareJournal</translation>
    </message>
    <message>
        <source>Quit (no more reminders)</source>
        <translation>Salir (sin más recordatorios)</translation>
    </message>
    <message>
        <source>Next reminder</source>
        <translation>Próximo recordatorio</translation>
    </message>
    <message>
        <source>Nothing to undo: only the entry just made in this window can be undone.</source>
        <translation>Nada que deshacer: solo se puede deshacer la anotación que se acaba de hacer en esta ventana.</translation>
    </message>
    <message>
        <source>EMERGENCY: call {number}</source>
        <translation>EMERGENCIA: llame al {number}</translation>
    </message>
    <message>
        <source>No reminders planned.</source>
        <translation>No hay recordatorios previstos.</translation>
    </message>
    <message>
        <source>Next reminder {when} ({where}): {what}</source>
        <translation>Próximo recordatorio {when} ({where}): {what}</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Ajustes no guardados</translation>
    </message>
    <message>
        <source>Start at login not changed</source>
        <translation>No se cambió el inicio al entrar</translation>
    </message>
    <message>
        <source>It could not be changed: {reason}</source>
        <translation>No se pudo cambiar: {reason}</translation>
    </message>
    <message>
        <source>Journal not changed</source>
        <translation>El diario no cambió</translation>
    </message>
    <message>
        <source>The choice could not be saved ({reason}); this journal stays open.</source>
        <translation>No se pudo guardar la elección ({reason}); este diario sigue abierto.</translation>
    </message>
    <message>
        <source>CareJournal is still running</source>
        <translation>CareJournal sigue abierto</translation>
    </message>
    <message>
        <source>Reminders keep coming. To quit, right-click the tray icon and choose Quit.</source>
        <translation>Los recordatorios siguen llegando. Para salir, haga clic derecho en el icono de la bandeja y elija Salir.</translation>
    </message>
    <message>
        <source>The choice could not be saved ({reason}).</source>
        <translation>No se pudo guardar la elección ({reason}).</translation>
    </message>
</context>
<context>
    <name>MedicationDialog</name>
    <message>
        <source>Add a medicine</source>
        <translation>Añadir un medicamento</translation>
    </message>
    <message>
        <source>Medicine name</source>
        <translation>Nombre del medicamento</translation>
    </message>
    <message>
        <source>as on the label, for example Baclofen 10 mg tablets</source>
        <translation>como en la etiqueta, por ejemplo Baclofeno 10 mg comprimidos</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Active ingredient</source>
        <translation>Principio activo</translation>
    </message>
    <message>
        <source>The checks use this to know which medicine it is (for example baclofen).</source>
        <translation>Las comprobaciones lo usan para saber qué medicamento es (por ejemplo baclofeno).</translation>
    </message>
    <message>
        <source>&amp;Active ingredient:</source>
        <translation>&amp;Principio activo:</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forma</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Forma:</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Concentración</translation>
    </message>
    <message>
        <source>10 mg per tablet; for a liquid: 5 mg/5 mL</source>
        <translation>10 mg por comprimido; para un líquido: 5 mg/5 mL</translation>
    </message>
    <message>
        <source>&amp;Strength:</source>
        <translation>&amp;Concentración:</translation>
    </message>
    <message>
        <source>Copy the strength from the bottle exactly: the two baclofen liquids differ five-fold (for example 5 mg/5 mL and 25 mg/5 mL).</source>
        <translation>Copie la concentración del frasco tal cual: los dos baclofenos líquidos se diferencian cinco veces (por ejemplo 5 mg/5 mL y 25 mg/5 mL).</translation>
    </message>
    <message>
        <source>Only when needed (no fixed times)</source>
        <translation>Solo cuando haga falta (sin horas fijas)</translation>
    </message>
    <message>
        <source>Only when needed</source>
        <translation>Solo cuando haga falta</translation>
    </message>
    <message>
        <source>Amount of each dose</source>
        <translation>Cantidad de cada dosis</translation>
    </message>
    <message>
        <source>for example 10 mg, 1/2 tablet, 2.5 mL or 13.8 g</source>
        <translation>por ejemplo 10 mg, 1/2 comprimido, 2.5 mL o 13.8 g</translation>
    </message>
    <message>
        <source>&amp;Each dose:</source>
        <translation>Cada &amp;dosis:</translation>
    </message>
    <message>
        <source>Dose times</source>
        <translation>Horas de las dosis</translation>
    </message>
    <message>
        <source>for example 08:00, 14:00, 20:00</source>
        <translation>por ejemplo 08:00, 14:00, 20:00</translation>
    </message>
    <message>
        <source>&amp;Times:</source>
        <translation>&amp;Horas:</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>S&amp;tarting:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>Recetado por</translation>
    </message>
    <message>
        <source>&amp;Prescribed by:</source>
        <translation>&amp;Recetado por:</translation>
    </message>
    <message>
        <source>Add medicine</source>
        <translation>Añadir medicamento</translation>
    </message>
    <message>
        <source>Add this medicine</source>
        <translation>Añadir este medicamento</translation>
    </message>
    <message>
        <source>Enter the medicine's name.</source>
        <translation>Escriba el nombre del medicamento.</translation>
    </message>
    <message>
        <source>For a liquid, enter the concentration with its volume, like 5 mg/5 mL.</source>
        <translation>Para un líquido, escriba la concentración con su volumen, como 5 mg/5 mL.</translation>
    </message>
    <message>
        <source>Enter the dose times (like 08:00, 14:00, 20:00), or tick 'Only when needed'.</source>
        <translation>Escriba las horas de las dosis (como 08:00, 14:00, 20:00) o marque «Solo cuando haga falta».</translation>
    </message>
    <message>
        <source> (or {names})</source>
        <translation> (o {names})</translation>
    </message>
    <message>
        <source>Check the active ingredient</source>
        <translation>Compruebe el principio activo</translation>
    </message>
    <message>
        <source>"{typed}" is not a medicine the journal knows. Did you mean {name}{others}?

Choose Yes to save it as {name}. Choose No to go back and correct it; leave it empty if it is a medicine the journal does not know.</source>
        <translation>«{typed}» no es un medicamento que el diario conozca. ¿Quería decir {name}{others}?

Elija Sí para guardarlo como {name}. Elija No para volver y corregirlo; déjelo vacío si es un medicamento que el diario no conoce.</translation>
    </message>
    <message>
        <source>Not saved. Correct the active ingredient, or leave it empty for a medicine the journal does not know.</source>
        <translation>No se ha guardado. Corrija el principio activo, o déjelo vacío si el diario no conoce el medicamento.</translation>
    </message>
</context>
<context>
    <name>MedicinesView</name>
    <message>
        <source>Medicines and schedules</source>
        <translation>Medicamentos y pautas</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Medicine details</source>
        <translation>Detalles del medicamento</translation>
    </message>
    <message>
        <source>Add a medicine...</source>
        <translation>Añadir un medicamento...</translation>
    </message>
    <message>
        <source>Add a medicine</source>
        <translation>Añadir un medicamento</translation>
    </message>
    <message>
        <source>Change the dose...</source>
        <translation>Cambiar la dosis...</translation>
    </message>
    <message>
        <source>Change the dose of the selected medicine</source>
        <translation>Cambiar la dosis del medicamento elegido</translation>
    </message>
    <message>
        <source>Enter a taper plan...</source>
        <translation>Anotar un plan de reducción...</translation>
    </message>
    <message>
        <source>Enter a taper plan for the selected medicine</source>
        <translation>Anotar un plan de reducción gradual del medicamento elegido</translation>
    </message>
    <message>
        <source>Stop this medicine...</source>
        <translation>Dejar este medicamento...</translation>
    </message>
    <message>
        <source>Stop the selected medicine</source>
        <translation>Dejar el medicamento elegido</translation>
    </message>
    <message>
        <source>Limits and ceiling...</source>
        <translation>Límites y tope...</translation>
    </message>
    <message>
        <source>Set the prescribed limits of the selected medicine</source>
        <translation>Anotar los límites recetados del medicamento elegido</translation>
    </message>
    <message>
        <source>Stock: count or refill...</source>
        <translation>Existencias: contar o reponer...</translation>
    </message>
    <message>
        <source>Record the stock of the selected medicine</source>
        <translation>Anotar las existencias del medicamento elegido</translation>
    </message>
    <message>
        <source>Change a schedule only as the prescriber told you. Stopping baclofen suddenly can be dangerous. This journal is not medical advice.</source>
        <translation>Cambie una pauta solo como le indicó quien la receta. Dejar el baclofeno de golpe puede ser peligroso. Este diario no es consejo médico.</translation>
    </message>
    <message>
        <source>  (not taken now)</source>
        <translation>  (no se toma ahora)</translation>
    </message>
    <message>
        <source>No medicines yet. Use "Add a medicine" to enter the first one.</source>
        <translation>Aún no hay medicamentos. Use «Añadir un medicamento...» para anotar el primero.</translation>
    </message>
    <message>
        <source>Form: {form}</source>
        <translation>Forma: {form}</translation>
    </message>
    <message>
        <source>Strength: {strength}</source>
        <translation>Concentración: {strength}</translation>
    </message>
    <message>
        <source>Given only when needed.</source>
        <translation>Se da solo cuando hace falta.</translation>
    </message>
    <message>
        <source>Schedule (oldest first):</source>
        <translation>Pauta (la más antigua primero):</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>next</source>
        <translation>próxima</translation>
    </message>
    <message>
        <source>was</source>
        <translation>antes</translation>
    </message>
    <message>
        <source>Prescribed limits: {limits}</source>
        <translation>Límites recetados: {limits}</translation>
    </message>
    <message>
        <source>Stock: cannot tell ({reason})</source>
        <translation>Existencias: no se puede saber ({reason})</translation>
    </message>
    <message>
        <source>✔ Limits saved.</source>
        <translation>✔ Límites guardados.</translation>
    </message>
    <message>
        <source>Stock saved.</source>
        <translation>Existencias guardadas.</translation>
    </message>
    <message>
        <source>✔ Medicine added.</source>
        <translation>✔ Medicamento añadido.</translation>
    </message>
    <message>
        <source>✔ Schedule saved. Today's doses follow it from its start date.</source>
        <translation>✔ Pauta guardada. Las dosis de Hoy la siguen desde su fecha de inicio.</translation>
    </message>
    <message>
        <source>✔ Stop saved. Doses end after the last day.</source>
        <translation>✔ Fin guardado. Las dosis terminan después del último día.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Add the person you care for</source>
        <translation>Añadir a la persona que cuida</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Name of the person you care for</source>
        <translation>Nombre de la persona que cuida</translation>
    </message>
    <message>
        <source>first name is enough</source>
        <translation>basta con el nombre de pila</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional, helps the age checks)</source>
        <translation>AAAA-MM-DD (opcional, ayuda a las comprobaciones por edad)</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Fecha de &amp;nacimiento:</translation>
    </message>
    <message>
        <source>Kidney function</source>
        <translation>Función renal</translation>
    </message>
    <message>
        <source>&amp;Kidney function:</source>
        <translation>Función &amp;renal:</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Enfermedades</translation>
    </message>
    <message>
        <source>for example: multiple sclerosis, epilepsy (separate with commas)</source>
        <translation>por ejemplo: esclerosis múltiple, epilepsia (separadas por comas)</translation>
    </message>
    <message>
        <source>&amp;Conditions:</source>
        <translation>&amp;Enfermedades:</translation>
    </message>
    <message>
        <source>Doctor and clinic contacts</source>
        <translation>Contactos del médico y la clínica</translation>
    </message>
    <message>
        <source>Doctor: name, phone
Pump clinic: phone (day and night)</source>
        <translation>Médico: nombre, teléfono
Clínica de la bomba: teléfono (día y noche)</translation>
    </message>
    <message>
        <source>Doctor and c&amp;linic:</source>
        <translation>Médico y c&amp;línica:</translation>
    </message>
    <message>
        <source>Other notes about the person</source>
        <translation>Otras notas sobre la persona</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Kidney function matters because baclofen leaves the body through the kidneys. Ask the doctor if you are not sure.</source>
        <translation>La función renal importa porque el baclofeno sale del cuerpo por los riñones. Pregunte al médico si no está seguro.</translation>
    </message>
    <message>
        <source>Add this person</source>
        <translation>Añadir a esta persona</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Guardar el perfil</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Enter the person's name.</source>
        <translation>Escriba el nombre de la persona.</translation>
    </message>
    <message>
        <source>✔ Saved.</source>
        <translation>✔ Guardado.</translation>
    </message>
</context>
<context>
    <name>PumpView</name>
    <message>
        <source>Intrathecal pump</source>
        <translation>Bomba intratecal</translation>
    </message>
    <message>
        <source>Refill countdown</source>
        <translation>Cuenta atrás del rellenado</translation>
    </message>
    <message>
        <source>Last pump events</source>
        <translation>Últimas anotaciones de la bomba</translation>
    </message>
    <message>
        <source>Log a pump event</source>
        <translation>Anotar algo de la bomba</translation>
    </message>
    <message>
        <source>Kind of pump event</source>
        <translation>Tipo de anotación de la bomba</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Qué:</translation>
    </message>
    <message>
        <source>W&amp;hen:</source>
        <translation>Cuá&amp;ndo:</translation>
    </message>
    <message>
        <source>Volume put in, mL</source>
        <translation>Volumen puesto, mL</translation>
    </message>
    <message>
        <source>&amp;Volume put in (mL):</source>
        <translation>&amp;Volumen puesto (mL):</translation>
    </message>
    <message>
        <source>Concentration, micrograms per mL</source>
        <translation>Concentración, microgramos por mL</translation>
    </message>
    <message>
        <source>&amp;Concentration (mcg/mL):</source>
        <translation>&amp;Concentración (mcg/mL):</translation>
    </message>
    <message>
        <source>Daily dose, micrograms per day</source>
        <translation>Dosis diaria, microgramos al día</translation>
    </message>
    <message>
        <source>&amp;Daily dose (mcg/day):</source>
        <translation>&amp;Dosis diaria (mcg/día):</translation>
    </message>
    <message>
        <source>Reservoir volume, mL</source>
        <translation>Volumen del depósito, mL</translation>
    </message>
    <message>
        <source>&amp;Reservoir (mL):</source>
        <translation>De&amp;pósito (mL):</translation>
    </message>
    <message>
        <source>Low reservoir alarm volume, mL</source>
        <translation>Volumen de la alarma de depósito bajo, mL</translation>
    </message>
    <message>
        <source>&amp;Low alarm at (mL):</source>
        <translation>&amp;Alarma de nivel bajo en (mL):</translation>
    </message>
    <message>
        <source>Next refill date</source>
        <translation>Fecha del próximo rellenado</translation>
    </message>
    <message>
        <source>&amp;Next refill date:</source>
        <translation>&amp;Próximo rellenado:</translation>
    </message>
    <message>
        <source>Which alarm tone</source>
        <translation>Qué tono de alarma</translation>
    </message>
    <message>
        <source>&amp;Tone:</source>
        <translation>&amp;Tono:</translation>
    </message>
    <message>
        <source>Note about the pump event</source>
        <translation>Nota sobre la bomba</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <source>Log pump event</source>
        <translation>Anotar</translation>
    </message>
    <message>
        <source>Log this pump event</source>
        <translation>Anotar esto de la bomba</translation>
    </message>
    <message>
        <source>Copy the numbers from the clinic's refill printout. This journal is not medical advice.</source>
        <translation>Copie los números de la hoja de rellenado de la clínica. Este diario no es consejo médico.</translation>
    </message>
    <message>
        <source>A two-tone alarm can mean the pump stopped: call the pump clinic now. If there are signs of withdrawal (itching, fever, stiffness, confusion), call {number}.</source>
        <translation>Una alarma de dos tonos puede significar que la bomba se ha parado: llame ya a la clínica de la bomba. Si hay signos de abstinencia (picor, fiebre, rigidez, confusión), llame al {number}.</translation>
    </message>
    <message>
        <source>No pump recorded. If the person has a baclofen pump, log its last refill.</source>
        <translation>No hay ninguna bomba anotada. Si la persona tiene una bomba de baclofeno, anote su último rellenado.</translation>
    </message>
    <message>
        <source>{mcg} mcg/day</source>
        <translation>{mcg} mcg/día</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>Recientes:</translation>
    </message>
    <message>
        <source>Choose or add the person first.</source>
        <translation>Primero elija o añada a la persona.</translation>
    </message>
    <message>
        <source>That time is in the future. Enter when it happened.</source>
        <translation>Esa hora está en el futuro. Escriba cuándo pasó.</translation>
    </message>
    <message>
        <source>Enter the next refill date from the clinic's printout (the journal warns you as it comes near).</source>
        <translation>Escriba la fecha del próximo rellenado de la hoja de la clínica (el diario le avisará cuando se acerque).</translation>
    </message>
    <message>
        <source>The next refill date must be after the refill.</source>
        <translation>La fecha del próximo rellenado debe ser posterior al rellenado.</translation>
    </message>
    <message>
        <source>Logged: {what}.</source>
        <translation>Anotado: {what}.</translation>
    </message>
</context>
<context>
    <name>ReadOnlyGuard</name>
    <message>
        <source>Read-only: {reason}</source>
        <translation>Solo lectura: {reason}</translation>
    </message>
    <message>
        <source>Read-only notice</source>
        <translation>Aviso de solo lectura</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The journal could not be opened</source>
        <translation>No se pudo abrir el diario</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>Restaurar la última copia</translation>
    </message>
    <message>
        <source>Choose a backup file...</source>
        <translation>Elegir un archivo de copia...</translation>
    </message>
    <message>
        <source>Choose a backup file you saved, for example on a USB stick</source>
        <translation>Elija un archivo de copia que guardó, por ejemplo en una memoria USB</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Cerrar sin cambiar nada</translation>
    </message>
</context>
<context>
    <name>ReferenceView</name>
    <message>
        <source>Offline guide</source>
        <translation>Guía sin conexión</translation>
    </message>
    <message>
        <source>About this guide</source>
        <translation>Sobre esta guía</translation>
    </message>
    <message>
        <source>Search the guide, for example: missed dose</source>
        <translation>Buscar en la guía, por ejemplo: dosis olvidada</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Buscar en la guía</translation>
    </message>
    <message>
        <source>Type a few words. Results appear below as you type.</source>
        <translation>Escriba unas palabras. Los resultados aparecen abajo mientras escribe.</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>&amp;Temas</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Topic text</source>
        <translation>Texto del tema</translation>
    </message>
    <message>
        <source>◀ &amp;Back</source>
        <translation>◀ &amp;Atrás</translation>
    </message>
    <message>
        <source>Back to the previous topic</source>
        <translation>Volver al tema anterior</translation>
    </message>
    <message>
        <source>&amp;Print this topic…</source>
        <translation>&amp;Imprimir este tema…</translation>
    </message>
    <message>
        <source>Print this topic</source>
        <translation>Imprimir este tema</translation>
    </message>
    <message>
        <source>This guide is &lt;b&gt;not medical advice&lt;/b&gt;. In an emergency, call &lt;b&gt;{number}&lt;/b&gt;.</source>
        <translation>Esta guía &lt;b&gt;no es consejo médico&lt;/b&gt;. En una emergencia, llame al &lt;b&gt;{number}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or pick a topic below.</source>
        <translation>No se encontró nada. Pruebe otras palabras o elija un tema abajo.</translation>
    </message>
    <message>
        <source>Results ({n})</source>
        <translation>Resultados ({n})</translation>
    </message>
</context>
<context>
    <name>ReferenceWindow</name>
    <message>
        <source>CareJournal guide (not medical advice)</source>
        <translation>Guía de CareJournal (no es consejo médico)</translation>
    </message>
</context>
<context>
    <name>RegimenDialog</name>
    <message>
        <source>Taper plan for {medicine}</source>
        <translation>Plan de reducción de {medicine}</translation>
    </message>
    <message>
        <source>Change the dose of {medicine}</source>
        <translation>Cambiar la dosis de {medicine}</translation>
    </message>
    <message>
        <source>Now: {amount} at {times}</source>
        <translation>Ahora: {amount} a las {times}</translation>
    </message>
    <message>
        <source>No schedule in force today.</source>
        <translation>Hoy no hay ninguna pauta en vigor.</translation>
    </message>
    <message>
        <source>Now: {amount} as needed</source>
        <translation>Ahora: {amount} a demanda</translation>
    </message>
    <message>
        <source>Starts on (YYYY-MM-DD)</source>
        <translation>Empieza el (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Each dose</source>
        <translation>Cada dosis</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Schedule steps</source>
        <translation>Pasos de la pauta</translation>
    </message>
    <message>
        <source>Enter each step of the plan the prescriber gave you: the date it starts, the dose and the times. Tick the box below if the medicine stops after the last step.</source>
        <translation>Escriba cada paso del plan que le dio quien receta: la fecha en que empieza, la dosis y las horas. Marque la casilla de abajo si el medicamento se deja después del último paso.</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Añadir un paso</translation>
    </message>
    <message>
        <source>Add a taper step</source>
        <translation>Añadir un paso de reducción</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>Quitar el paso elegido</translation>
    </message>
    <message>
        <source>Remove the selected taper step</source>
        <translation>Quitar el paso de reducción elegido</translation>
    </message>
    <message>
        <source>The medicine stops after the last step, on:</source>
        <translation>El medicamento se deja después del último paso, el:</translation>
    </message>
    <message>
        <source>The medicine stops after the last step</source>
        <translation>El medicamento se deja después del último paso</translation>
    </message>
    <message>
        <source>Last day of the last step</source>
        <translation>Último día del último paso</translation>
    </message>
    <message>
        <source>Who asked for this change and why</source>
        <translation>Quién pidió este cambio y por qué</translation>
    </message>
    <message>
        <source>for example: Dr Lee, spasms better, reducing slowly</source>
        <translation>por ejemplo: Dra. Lee, menos espasmos, bajar poco a poco</translation>
    </message>
    <message>
        <source>&amp;Why / who asked:</source>
        <translation>&amp;Por qué / quién lo pidió:</translation>
    </message>
    <message>
        <source>Check this change with the safety checks</source>
        <translation>Comprobar este cambio con las comprobaciones de seguridad</translation>
    </message>
    <message>
        <source>2. Save change</source>
        <translation>2. Guardar el cambio</translation>
    </message>
    <message>
        <source>Save the change</source>
        <translation>Guardar el cambio</translation>
    </message>
    <message>
        <source>Step {n}: {text} is not a date; write it as YYYY-MM-DD.</source>
        <translation>Paso {n}: {text} no es una fecha; escríbala como AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>Step {n}: {problem}</source>
        <translation>Paso {n}: {problem}</translation>
    </message>
    <message>
        <source>Step {n}: enter the dose times, like 08:00, 20:00.</source>
        <translation>Paso {n}: escriba las horas de las dosis, como 08:00, 20:00.</translation>
    </message>
    <message>
        <source>Two steps start on {date}; give each step its own date.</source>
        <translation>Dos pasos empiezan el {date}; ponga a cada paso su propia fecha.</translation>
    </message>
    <message>
        <source>The stop date is before the last step starts.</source>
        <translation>La fecha de fin es anterior al comienzo del último paso.</translation>
    </message>
    <message>
        <source>2. Save anyway (the prescriber asked for it)</source>
        <translation>2. Guardar de todos modos (lo pidió quien receta)</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>OK, got it</source>
        <translation>De acuerdo</translation>
    </message>
    <message>
        <source>Dismiss the reminder</source>
        <translation>Cerrar el recordatorio</translation>
    </message>
    <message>
        <source>Reminder: {text}</source>
        <translation>Recordatorio: {text}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Report for the doctor</source>
        <translation>Informe para el médico</translation>
    </message>
    <message>
        <source>S&amp;how these days</source>
        <translation>&amp;Mostrar estos días</translation>
    </message>
    <message>
        <source>First day of the report</source>
        <translation>Primer día del informe</translation>
    </message>
    <message>
        <source>Last day of the report</source>
        <translation>Último día del informe</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;hasta</translation>
    </message>
    <message>
        <source>P&amp;aper</source>
        <translation>P&amp;apel</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>A caregiver's record to take to the appointment: it is not a medical document and not medical advice.</source>
        <translation>Un registro de quien cuida para llevar a la cita: no es un documento médico ni consejo médico.</translation>
    </message>
    <message>
        <source>Preparing the report for {start} to {end}…</source>
        <translation>Preparando el informe del {start} al {end}…</translation>
    </message>
    <message>
        <source>The report could not be made: {reason}</source>
        <translation>No se pudo hacer el informe: {reason}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {reason}</source>
        <translation>No se pudo guardar el PDF: {reason}</translation>
    </message>
    <message>
        <source>Saved 1 page to {path}</source>
        <translation>Guardada 1 página en {path}</translation>
    </message>
    <message>
        <source>Saved {n} pages to {path}</source>
        <translation>Guardadas {n} páginas en {path}</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer.</source>
        <translation>Enviada 1 página a la impresora.</translation>
    </message>
    <message>
        <source>Sent {n} pages to the printer.</source>
        <translation>Enviadas {n} páginas a la impresora.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The safety checks could not run</source>
        <translation>No se pudieron hacer las comprobaciones de seguridad</translation>
    </message>
    <message>
        <source>The journal could not check the entries just now ({error}).</source>
        <translation>El diario no ha podido revisar las anotaciones ahora mismo ({error}).</translation>
    </message>
    <message>
        <source>Keep a close eye yourself, and call the doctor with any worry. Restart the program; if this stays, ask for help with the program.</source>
        <translation>Vigile usted de cerca y llame al médico ante cualquier duda. Reinicie el programa; si sigue igual, pida ayuda con el programa.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Enter the number you would call in an emergency (for example 911, 112 or 999).</source>
        <translation>Escriba el número al que llamaría en una emergencia (por ejemplo 911, 112 o 999).</translation>
    </message>
    <message>
        <source>Use digits only, 2 to 6 of them (for example 911, 112 or 999).</source>
        <translation>Use solo cifras, de 2 a 6 (por ejemplo 911, 112 o 999).</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>Número de emergencias</translation>
    </message>
    <message>
        <source>Emergency &amp;number:</source>
        <translation>&amp;Número de emergencias:</translation>
    </message>
    <message>
        <source> minutes before</source>
        <translation> minutos antes</translation>
    </message>
    <message>
        <source>Reminder lead time in minutes</source>
        <translation>Antelación del recordatorio en minutos</translation>
    </message>
    <message>
        <source>&amp;Remind me:</source>
        <translation>&amp;Avisarme:</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>Formato de fecha</translation>
    </message>
    <message>
        <source>&amp;Dates look like:</source>
        <translation>&amp;Fechas así:</translation>
    </message>
    <message>
        <source>Time format</source>
        <translation>Formato de hora</translation>
    </message>
    <message>
        <source>&amp;Times look like:</source>
        <translation>&amp;Horas así:</translation>
    </message>
    <message>
        <source>°C (Celsius)</source>
        <translation>°C (Celsius)</translation>
    </message>
    <message>
        <source>°F (Fahrenheit)</source>
        <translation>°F (Fahrenheit)</translation>
    </message>
    <message>
        <source>Temperature unit</source>
        <translation>Unidad de temperatura</translation>
    </message>
    <message>
        <source>T&amp;emperatures in:</source>
        <translation>T&amp;emperaturas en:</translation>
    </message>
    <message>
        <source>kg (kilograms)</source>
        <translation>kg (kilogramos)</translation>
    </message>
    <message>
        <source>lb (pounds)</source>
        <translation>lb (libras)</translation>
    </message>
    <message>
        <source>Weight unit</source>
        <translation>Unidad de peso</translation>
    </message>
    <message>
        <source>&amp;Weights in:</source>
        <translation>&amp;Pesos en:</translation>
    </message>
    <message>
        <source>37.5 (point)</source>
        <translation>37.5 (punto)</translation>
    </message>
    <message>
        <source>37,5 (comma)</source>
        <translation>37,5 (coma)</translation>
    </message>
    <message>
        <source>Decimal separator</source>
        <translation>Separador decimal</translation>
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
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>&amp;Language (from the next start):</source>
        <translation>&amp;Idioma (desde el próximo inicio):</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>The new time zone applies from this day</source>
        <translation>La zona horaria nueva se aplica desde este día</translation>
    </message>
    <message>
        <source>New zone &amp;from:</source>
        <translation>Zona nueva &amp;desde:</translation>
    </message>
    <message>
        <source>What changing the time zone does</source>
        <translation>Qué hace el cambio de zona horaria</translation>
    </message>
    <message>
        <source>Your name (saved with each entry)</source>
        <translation>Su nombre (se guarda con cada anotación)</translation>
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
        <source>Start CareJournal when I log in</source>
        <translation>Abrir CareJournal al iniciar sesión</translation>
    </message>
    <message>
        <source>A shared journal on a server: {where}</source>
        <translation>Un diario compartido en un servidor: {where}</translation>
    </message>
    <message>
        <source>This computer's journal: {where}</source>
        <translation>El diario de este ordenador: {where}</translation>
    </message>
    <message>
        <source>The journal in use</source>
        <translation>El diario en uso</translation>
    </message>
    <message>
        <source>Switch to a shared &amp;journal...</source>
        <translation>Cambiar a un &amp;diario compartido...</translation>
    </message>
    <message>
        <source>Another shared &amp;journal...</source>
        <translation>Otro &amp;diario compartido...</translation>
    </message>
    <message>
        <source>Switch to a shared journal on a server</source>
        <translation>Cambiar a un diario compartido en un servidor</translation>
    </message>
    <message>
        <source>Use this &amp;computer's journal</source>
        <translation>Usar el diario de este &amp;ordenador</translation>
    </message>
    <message>
        <source>Use this computer's journal instead of the shared one</source>
        <translation>Usar el diario de este ordenador en lugar del compartido</translation>
    </message>
    <message>
        <source>Journal:</source>
        <translation>Diario:</translation>
    </message>
    <message>
        <source>Reminders appear this long before a dose or a pump refill is due.</source>
        <translation>Los recordatorios aparecen con esta antelación antes de una dosis o de un rellenado de la bomba.</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar los ajustes</translation>
    </message>
    <message>
        <source>These settings cannot be saved: {reason}</source>
        <translation>Estos ajustes no se pueden guardar: {reason}</translation>
    </message>
    <message>
        <source>Why the settings cannot be saved</source>
        <translation>Por qué no se pueden guardar los ajustes</translation>
    </message>
    <message>
        <source>From the day chosen, days are planned and shown in {zone}; the days before keep their zone.</source>
        <translation>Desde el día elegido, los días se planifican y se muestran en {zone}; los días anteriores mantienen su zona.</translation>
    </message>
    <message>
        <source>{zone} is not a time zone name; choose one from the list (for example America/Chicago or Europe/London).</source>
        <translation>{zone} no es el nombre de una zona horaria; elija una de la lista (por ejemplo America/Chicago o Europe/Madrid).</translation>
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
    <name>SlotRow</name>
    <message>
        <source>Given now</source>
        <translation>Dada ahora</translation>
    </message>
    <message>
        <source>Other time / not given...</source>
        <translation>Otra hora / no dada...</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Stock of {medicine}</source>
        <translation>Existencias de {medicine}</translation>
    </message>
    <message>
        <source>No stock recorded yet: start by counting what is on hand.</source>
        <translation>Aún no hay existencias anotadas: empiece contando lo que tiene.</translation>
    </message>
    <message>
        <source>Doses logged as given are taken off by the journal; you do not need to enter them here. Count again now and then to keep the number right.</source>
        <translation>El diario descuenta las dosis anotadas como dadas; no hace falta escribirlas aquí. Vuelva a contar de vez en cuando para que el número sea correcto.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>&amp;Qué pasó:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>for example 60 tablets, 150 mL or 20 sachets</source>
        <translation>por ejemplo 60 comprimidos, 150 mL o 20 sobres</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>C&amp;antidad:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>W&amp;hen:</source>
        <translation>Cuá&amp;ndo:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>optional, for example the pharmacy</source>
        <translation>opcional, por ejemplo la farmacia</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Stock entries recorded, newest first</source>
        <translation>Anotaciones de existencias, las más nuevas primero</translation>
    </message>
    <message>
        <source>Why remove the selected stock entry</source>
        <translation>Por qué quitar la anotación de existencias elegida</translation>
    </message>
    <message>
        <source>why (kept with the history)</source>
        <translation>por qué (se guarda con el historial)</translation>
    </message>
    <message>
        <source>Remove the selected entry</source>
        <translation>Quitar la anotación elegida</translation>
    </message>
    <message>
        <source>Remove the selected stock entry</source>
        <translation>Quitar la anotación de existencias elegida</translation>
    </message>
    <message>
        <source>Recorded so far:</source>
        <translation>Anotado hasta ahora:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the stock entry</source>
        <translation>Guardar la anotación de existencias</translation>
    </message>
    <message>
        <source>Cancel, save nothing</source>
        <translation>Cancelar, no guardar nada</translation>
    </message>
    <message>
        <source>Choose the entry to remove in the list first.</source>
        <translation>Primero elija en la lista la anotación que quiere quitar.</translation>
    </message>
    <message>
        <source>Why remove it: say why (it is kept with the history).</source>
        <translation>Por qué quitarla: dígalo (se guarda con el historial).</translation>
    </message>
    <message>
        <source>Amount: enter how much, for example 60 tablets.</source>
        <translation>Cantidad: escriba cuánto, por ejemplo 60 comprimidos.</translation>
    </message>
    <message>
        <source>Amount: {problem}</source>
        <translation>Cantidad: {problem}</translation>
    </message>
</context>
<context>
    <name>StopDialog</name>
    <message>
        <source>Stop {medicine}</source>
        <translation>Dejar {medicine}</translation>
    </message>
    <message>
        <source>Only when the prescriber said so. Baclofen taken for a while should be lowered step by step (use "Enter a taper plan" for that).</source>
        <translation>Solo si quien receta lo indicó. El baclofeno tomado durante un tiempo debe bajarse paso a paso (para eso use «Anotar un plan de reducción...»).</translation>
    </message>
    <message>
        <source>Last day of doses</source>
        <translation>Último día de dosis</translation>
    </message>
    <message>
        <source>&amp;Last day of doses:</source>
        <translation>Ú&amp;ltimo día de dosis:</translation>
    </message>
    <message>
        <source>Who asked for the stop and why</source>
        <translation>Quién pidió dejarlo y por qué</translation>
    </message>
    <message>
        <source>&amp;Why / who asked:</source>
        <translation>&amp;Por qué / quién lo pidió:</translation>
    </message>
    <message>
        <source>Check the stop with the safety checks</source>
        <translation>Comprobar el fin con las comprobaciones de seguridad</translation>
    </message>
    <message>
        <source>2. Save the stop</source>
        <translation>2. Guardar el fin</translation>
    </message>
    <message>
        <source>Save the stop</source>
        <translation>Guardar el fin</translation>
    </message>
    <message>
        <source>The medicine has no schedule before that day; nothing to stop.</source>
        <translation>El medicamento no tiene pauta antes de ese día; no hay nada que dejar.</translation>
    </message>
    <message>
        <source>2. Save anyway (the prescriber asked for it)</source>
        <translation>2. Guardar de todos modos (lo pidió quien receta)</translation>
    </message>
</context>
<context>
    <name>SymptomForm</name>
    <message>
        <source>Log a symptom</source>
        <translation>Anotar un síntoma</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>Síntoma</translation>
    </message>
    <message>
        <source>Choose a symptom...</source>
        <translation>Elija un síntoma...</translation>
    </message>
    <message>
        <source>&amp;Symptom:</source>
        <translation>&amp;Síntoma:</translation>
    </message>
    <message>
        <source>Severity from 0 to 10</source>
        <translation>Intensidad de 0 a 10</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin valorar</translation>
    </message>
    <message>
        <source>Se&amp;verity (0-10):</source>
        <translation>&amp;Intensidad (0-10):</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>Note about the symptom</source>
        <translation>Nota sobre el síntoma</translation>
    </message>
    <message>
        <source>what you saw, how long it lasted</source>
        <translation>qué vio, cuánto duró</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Log symptom</source>
        <translation>Anotar síntoma</translation>
    </message>
    <message>
        <source>Log this symptom</source>
        <translation>Anotar este síntoma</translation>
    </message>
    <message>
        <source>This journal is not medical advice. If you are worried, call the doctor, or {number} in an emergency.</source>
        <translation>Este diario no es consejo médico. Si le preocupa, llame al médico, o al {number} en una emergencia.</translation>
    </message>
    <message>
        <source>together with a temperature of {temperature} measured near that time</source>
        <translation>junto con una temperatura de {temperature} medida por esas horas</translation>
    </message>
    <message>
        <source>together with {sign} logged near that time</source>
        <translation>junto con {sign} anotado por esas horas</translation>
    </message>
    <message>
        <source>a dose came back up that day</source>
        <translation>ese día se vomitó una dosis</translation>
    </message>
    <message>
        <source>Choose or add the person first.</source>
        <translation>Primero elija o añada a la persona.</translation>
    </message>
    <message>
        <source>Choose which symptom to log.</source>
        <translation>Elija qué síntoma anotar.</translation>
    </message>
    <message>
        <source>That time is in the future. Enter when it happened.</source>
        <translation>Esa hora está en el futuro. Escriba cuándo pasó.</translation>
    </message>
    <message>
        <source>Logged: {what}.</source>
        <translation>Anotado: {what}.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>{mg} mg a day</source>
        <translation>{mg} mg al día</translation>
    </message>
    <message>
        <source>{mg} mg at one time</source>
        <translation>{mg} mg de una vez</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>Label's upper limit: {limits}</source>
        <translation>Límite máximo del prospecto: {limits}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>◀ Yesterday</source>
        <translation>◀ Ayer</translation>
    </message>
    <message>
        <source>Show yesterday's doses</source>
        <translation>Ver las dosis de ayer</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Última acción</translation>
    </message>
    <message>
        <source>Back to today ▶</source>
        <translation>Volver a hoy ▶</translation>
    </message>
    <message>
        <source>Back to today's doses</source>
        <translation>Volver a las dosis de hoy</translation>
    </message>
    <message>
        <source> by {name}</source>
        <translation> por {name}</translation>
    </message>
    <message>
        <source>Also logged, not for any planned time (an extra dose, as the safety checks and the doctor's report count it too): {doses}.</source>
        <translation>También anotado, sin ser de ninguna hora prevista (una dosis extra, como también la cuentan las comprobaciones de seguridad y el informe para el médico): {doses}.</translation>
    </message>
    <message>
        <source>Yesterday, {day}: {person}</source>
        <translation>Ayer, {day}: {person}</translation>
    </message>
    <message>
        <source>Today, {day}: {person}</source>
        <translation>Hoy, {day}: {person}</translation>
    </message>
    <message>
        <source>Given now</source>
        <translation>Dada ahora</translation>
    </message>
    <message>
        <source>Already given</source>
        <translation>Ya dada</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Given at {when}...</source>
        <translation>Dada a las {when}...</translation>
    </message>
    <message>
        <source>{slot}. Log at another time, skipped, refused or vomited</source>
        <translation>{slot}. Anotar a otra hora, saltada, rechazada o vomitada</translation>
    </message>
    <message>
        <source>Other time / not given...</source>
        <translation>Otra hora / no dada...</translation>
    </message>
    <message>
        <source>Add or choose the person you care for to see today's doses.</source>
        <translation>Añada o elija a la persona que cuida para ver las dosis de hoy.</translation>
    </message>
    <message>
        <source>No doses are scheduled today. Add medicines and their times under "Medicines".</source>
        <translation>Hoy no hay dosis previstas. Añada medicamentos y sus horas en «Medicamentos».</translation>
    </message>
    <message>
        <source>Doses of {medicine}</source>
        <translation>Dosis de {medicine}</translation>
    </message>
    <message>
        <source>Extra doses of {medicine}</source>
        <translation>Dosis extra de {medicine}</translation>
    </message>
    <message>
        <source>{medicine} (as needed)</source>
        <translation>{medicine} (a demanda)</translation>
    </message>
    <message>
        <source>{medicine}, as needed</source>
        <translation>{medicine}, a demanda</translation>
    </message>
    <message>
        <source>Log a dose...</source>
        <translation>Anotar una dosis...</translation>
    </message>
    <message>
        <source>Log a dose of {medicine} (as needed)</source>
        <translation>Anotar una dosis de {medicine} (a demanda)</translation>
    </message>
    <message>
        <source>Log any dose at another time...</source>
        <translation>Anotar cualquier dosis a otra hora...</translation>
    </message>
    <message>
        <source>Log a dose of any medicine at another time</source>
        <translation>Anotar una dosis de cualquier medicamento a otra hora</translation>
    </message>
    <message>
        <source>Liquid: {strength}</source>
        <translation>Líquido: {strength}</translation>
    </message>
    <message>
        <source>{forms} of {strength}</source>
        <translation>{forms} de {strength}</translation>
    </message>
    <message>
        <source>once a day</source>
        <translation>una vez al día</translation>
    </message>
    <message>
        <source>twice a day</source>
        <translation>dos veces al día</translation>
    </message>
    <message>
        <source>{n} times a day</source>
        <translation>{n} veces al día</translation>
    </message>
    <message>
        <source>Usual amount: {amount}</source>
        <translation>Cantidad habitual: {amount}</translation>
    </message>
    <message>
        <source>1 time</source>
        <translation>1 vez</translation>
    </message>
    <message>
        <source>{n} times</source>
        <translation>{n} veces</translation>
    </message>
    <message>
        <source>Given yesterday: {times}</source>
        <translation>Dada ayer: {times}</translation>
    </message>
    <message>
        <source>Given today: {times}</source>
        <translation>Dada hoy: {times}</translation>
    </message>
    <message>
        <source>, {mg} mg in all</source>
        <translation>, {mg} mg en total</translation>
    </message>
    <message>
        <source>; last at {time}</source>
        <translation>; la última a las {time}</translation>
    </message>
    <message>
        <source>Limit set by the prescriber: {amount} a day</source>
        <translation>Límite fijado por quien receta: {amount} al día</translation>
    </message>
    <message>
        <source>Ask the prescriber how many doses a day are allowed.</source>
        <translation>Pregunte a quien receta cuántas dosis al día se permiten.</translation>
    </message>
    <message>
        <source>The {time} dose of {medicine} is already logged as given.</source>
        <translation>La dosis de las {time} de {medicine} ya está anotada como dada.</translation>
    </message>
    <message>
        <source>Give this dose early?</source>
        <translation>¿Dar esta dosis antes de tiempo?</translation>
    </message>
    <message>
        <source>The {time} dose of {medicine} is not due for another {hours} hours.

Log it as given now anyway?</source>
        <translation>La dosis de las {time} de {medicine} no toca hasta dentro de {hours} horas.

¿Anotarla como dada ahora de todos modos?</translation>
    </message>
    <message>
        <source>Not saved (you chose Cancel when the safety checks warned about this dose).</source>
        <translation>No se ha guardado (eligió Cancelar cuando las comprobaciones de seguridad avisaron sobre esta dosis).</translation>
    </message>
    <message>
        <source>Is the computer's clock right?</source>
        <translation>¿Está bien la hora del ordenador?</translation>
    </message>
    <message>
        <source>If the clock is wrong, choose No and use "Other time / not given..." to enter the real time (or correct the computer's clock first).

Log this dose as given now anyway?</source>
        <translation>Si la hora está mal, elija No y use «Otra hora / no dada...» para escribir la hora real (o corrija antes la hora del ordenador).

¿Anotar esta dosis como dada ahora de todos modos?</translation>
    </message>
    <message>
        <source>(for {person})</source>
        <translation>(para {person})</translation>
    </message>
    <message>
        <source>Logged: {what}.</source>
        <translation>Anotado: {what}.</translation>
    </message>
    <message>
        <source>It shows on today's page ("Back to today").</source>
        <translation>Aparece en la página de hoy («Volver a hoy»).</translation>
    </message>
    <message>
        <source>It shows on yesterday's page ("◀ Yesterday").</source>
        <translation>Aparece en la página de ayer («◀ Ayer»).</translation>
    </message>
    <message>
        <source>It shows in the History tab.</source>
        <translation>Aparece en la pestaña Historial.</translation>
    </message>
</context>
<context>
    <name>TriageBox</name>
    <message>
        <source>What to do for this symptom</source>
        <translation>Qué hacer ante este síntoma</translation>
    </message>
    <message>
        <source>When to call for help (guidance)</source>
        <translation>Cuándo pedir ayuda (orientación)</translation>
    </message>
    <message>
        <source>Open the guidance on when to call for help</source>
        <translation>Abrir la orientación sobre cuándo pedir ayuda</translation>
    </message>
    <message>
        <source>EMERGENCY SIGN: {sign}.
Call {number} now. Stay with the person, keep them safe, and tell the operator they take baclofen and when the last dose was. Log it here afterwards.</source>
        <translation>SIGNO DE EMERGENCIA: {sign}.
Llame ya al {number}. Quédese con la persona, manténgala a salvo y diga a quien atienda que toma baclofeno y cuándo fue la última dosis. Anótelo aquí después.</translation>
    </message>
    <message>
        <source>Call the doctor or clinic today about: {sign}.
If it gets worse quickly, or breathing or waking is affected, call {number}.</source>
        <translation>Llame hoy al médico o a la clínica por: {sign}.
Si empeora rápido, o le cuesta respirar o despertarse, llame al {number}.</translation>
    </message>
</context>
<context>
    <name>UndoButton</name>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Deshacer (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo the entry just made</source>
        <translation>Deshacer la anotación recién hecha</translation>
    </message>
</context>
<context>
    <name>VerdictBox</name>
    <message>
        <source>What the safety checks say about this change</source>
        <translation>Lo que dicen las comprobaciones de seguridad sobre este cambio</translation>
    </message>
    <message>
        <source>✔ The safety checks found nothing worrying in this change.
This is not medical advice: follow what the prescriber told you.</source>
        <translation>✔ Las comprobaciones de seguridad no han visto nada preocupante en este cambio.
Esto no es consejo médico: siga lo que le indicó quien receta.</translation>
    </message>
    <message>
        <source>Before you save: the safety checks found 1 concern with this change.</source>
        <translation>Antes de guardar: las comprobaciones de seguridad han visto 1 motivo de preocupación en este cambio.</translation>
    </message>
    <message>
        <source>Before you save: the safety checks found {n} concerns with this change.</source>
        <translation>Antes de guardar: las comprobaciones de seguridad han visto {n} motivos de preocupación en este cambio.</translation>
    </message>
    <message>
        <source>What to do: {advice}</source>
        <translation>Qué hacer: {advice}</translation>
    </message>
    <message>
        <source>Save it only if this is what the prescriber asked for. If you are unsure, call them first (in an emergency: {number}).</source>
        <translation>Guárdelo solo si es lo que pidió quien receta. Si tiene dudas, llámele antes (en una emergencia: {number}).</translation>
    </message>
</context>
<context>
    <name>VitalsForm</name>
    <message>
        <source>Log a reading</source>
        <translation>Anotar una medida</translation>
    </message>
    <message>
        <source>What you measured</source>
        <translation>Qué midió</translation>
    </message>
    <message>
        <source>&amp;Measured:</source>
        <translation>&amp;Medido:</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>&amp;Medida:</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>S&amp;core:</source>
        <translation>&amp;Puntuación:</translation>
    </message>
    <message>
        <source>Body part</source>
        <translation>Parte del cuerpo</translation>
    </message>
    <message>
        <source>&amp;Body part:</source>
        <translation>Parte del &amp;cuerpo:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>Note about the reading</source>
        <translation>Nota sobre la medida</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Log reading</source>
        <translation>Anotar medida</translation>
    </message>
    <message>
        <source>Log this reading</source>
        <translation>Anotar esta medida</translation>
    </message>
    <message>
        <source>for example {example}</source>
        <translation>por ejemplo {example}</translation>
    </message>
    <message>
        <source>Choose or add the person first.</source>
        <translation>Primero elija o añada a la persona.</translation>
    </message>
    <message>
        <source>Say which body part was tested (for example: left leg).</source>
        <translation>Diga qué parte del cuerpo se exploró (por ejemplo: pierna izquierda).</translation>
    </message>
    <message>
        <source>That time is in the future. Enter when you measured it.</source>
        <translation>Esa hora está en el futuro. Escriba cuándo lo midió.</translation>
    </message>
    <message>
        <source>Logged: {what}.</source>
        <translation>Anotado: {what}.</translation>
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
        <source>Explore a sample journal (a separate copy, not your data)</source>
        <translation>Ver un diario de ejemplo (una copia aparte, no sus datos)</translation>
    </message>
    <message>
        <source>The sample opens in its own window with made-up entries. It is never mixed with your journal and disappears when you close it.</source>
        <translation>El ejemplo se abre en su propia ventana con anotaciones inventadas. Nunca se mezcla con su diario y desaparece al cerrarlo.</translation>
    </message>
    <message>
        <source>Use a shared journal on a server...</source>
        <translation>Usar un diario compartido en un servidor...</translation>
    </message>
    <message>
        <source>Use a shared journal on a server (a care team's journal)</source>
        <translation>Usar un diario compartido en un servidor (el diario de un equipo de cuidado)</translation>
    </message>
    <message>
        <source>For a care team that keeps one journal on a PostgreSQL server</source>
        <translation>Para un equipo de cuidado que lleva un solo diario en un servidor PostgreSQL</translation>
    </message>
    <message>
        <source>The journal's time zone</source>
        <translation>La zona horaria del diario</translation>
    </message>
    <message>
        <source>Change time zone...</source>
        <translation>Cambiar la zona horaria...</translation>
    </message>
    <message>
        <source>Change the journal's time zone</source>
        <translation>Cambiar la zona horaria del diario</translation>
    </message>
    <message>
        <source>The emergency number this journal will show</source>
        <translation>El número de emergencias que mostrará este diario</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>Número de emergencias</translation>
    </message>
    <message>
        <source>Use this &amp;number</source>
        <translation>Usar este &amp;número</translation>
    </message>
    <message>
        <source>Use this emergency number</source>
        <translation>Usar este número de emergencias</translation>
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
    <name>WhenEdit</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>{name} licence (the LICENSE file was not found in this installation).</source>
        <translation>Licencia {name} (el archivo LICENSE no está en esta instalación).</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
</context>
<context>
    <name>closing</name>
    <message>
        <source>Keep reminding?</source>
        <translation>¿Seguir recordando?</translation>
    </message>
    <message>
        <source>This desktop has no tray icon, so closing CareJournal would stop every reminder.

Keep it running minimised? It stays in the taskbar, and starting CareJournal from the menu brings the window back.</source>
        <translation>Este escritorio no tiene icono en la bandeja, así que cerrar CareJournal detendría todos los recordatorios.

¿Dejarlo abierto y minimizado? Queda en la barra de tareas, y al abrir CareJournal desde el menú vuelve la ventana.</translation>
    </message>
    <message>
        <source>Keep reminding (minimise)</source>
        <translation>Seguir recordando (minimizar)</translation>
    </message>
    <message>
        <source>Quit: no more reminders</source>
        <translation>Salir: sin más recordatorios</translation>
    </message>
</context>
<context>
    <name>dose_warning</name>
    <message>
        <source>If this dose is saved, the safety checks will warn about 1 thing:</source>
        <translation>Si se guarda esta dosis, las comprobaciones de seguridad avisarán de 1 cosa:</translation>
    </message>
    <message>
        <source>If this dose is saved, the safety checks will warn about {n} things:</source>
        <translation>Si se guarda esta dosis, las comprobaciones de seguridad avisarán de {n} cosas:</translation>
    </message>
    <message>
        <source>What to do: {advice}</source>
        <translation>Qué hacer: {advice}</translation>
    </message>
    <message>
        <source>This entry would be {counted_for}.</source>
        <translation>Esta anotación sería {counted_for}.</translation>
    </message>
    <message>
        <source>Save it only if the dose was really given as entered (for example, you are recording it late). If it has not been given yet, cancel and check with the pharmacist or doctor first. This is not medical advice; in an emergency call {number}.</source>
        <translation>Guárdela solo si la dosis se dio de verdad como la ha escrito (por ejemplo, si la anota tarde). Si todavía no se ha dado, cancele y consulte antes con el farmacéutico o el médico. Esto no es consejo médico; en una emergencia llame al {number}.</translation>
    </message>
    <message>
        <source>Check before saving this dose</source>
        <translation>Compruebe antes de guardar esta dosis</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Guardar de todos modos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save this dose anyway</source>
        <translation>Guardar esta dosis de todos modos</translation>
    </message>
    <message>
        <source>Cancel: do not save this dose</source>
        <translation>Cancelar: no guardar esta dosis</translation>
    </message>
</context>
<context>
    <name>due</name>
    <message>
        <source>{person}: {medicine} was due at {time}, nothing logged</source>
        <translation>{person}: {medicine} tocaba a las {time}, no hay nada anotado</translation>
    </message>
    <message>
        <source>{person}: {medicine} was due yesterday at {time}, nothing logged</source>
        <translation>{person}: {medicine} tocaba ayer a las {time}, no hay nada anotado</translation>
    </message>
    <message>
        <source>{person}: {medicine} was due on {date} at {time}, nothing logged</source>
        <translation>{person}: {medicine} tocaba el {date} a las {time}, no hay nada anotado</translation>
    </message>
    <message>
        <source>{person}: {medicine} at {time}</source>
        <translation>{person}: {medicine} a las {time}</translation>
    </message>
    <message>
        <source>{person}: pump refill due today ({date})</source>
        <translation>{person}: el rellenado de la bomba toca hoy ({date})</translation>
    </message>
    <message>
        <source>{person}: pump refill due in {n} days ({date})</source>
        <translation>{person}: el rellenado de la bomba toca dentro de {n} días ({date})</translation>
    </message>
    <message>
        <source>Check the appointment with the pump clinic is booked.</source>
        <translation>Compruebe que la cita con la clínica de la bomba está pedida.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Not saved: {reason}. What you entered is still here.</source>
        <translation>No se ha guardado: {reason}. Lo que escribió sigue aquí.</translation>
    </message>
</context>
<context>
    <name>failures</name>
    <message>
        <source>Automatic backup failed</source>
        <translation>Falló la copia de seguridad automática</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason} Open Backups... to make one.</source>
        <translation>Falló la copia de seguridad automática: {reason} Abra Copias de seguridad... para hacer una.</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Tablets</source>
        <translation>Comprimidos</translation>
    </message>
    <message>
        <source>Solutions</source>
        <translation>Soluciones</translation>
    </message>
    <message>
        <source>Suspensions</source>
        <translation>Suspensiones</translation>
    </message>
    <message>
        <source>Granules</source>
        <translation>Granulados</translation>
    </message>
    <message>
        <source>Pumps</source>
        <translation>Bombas</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>24-hour (14:30)</source>
        <translation>24 horas (14:30)</translation>
    </message>
    <message>
        <source>12-hour (2:30 PM)</source>
        <translation>12 horas (2:30 PM)</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>hoy {time}</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>ayer {time}</translation>
    </message>
    <message>
        <source>a minute</source>
        <translation>por minuto</translation>
    </message>
    <message>
        <source>strength not recorded</source>
        <translation>concentración no anotada</translation>
    </message>
    <message>
        <source>{strength} ({amount} {unit} in each {per})</source>
        <translation>{strength} ({amount} {unit} en cada {per})</translation>
    </message>
    <message>
        <source>amount not recorded</source>
        <translation>cantidad no anotada</translation>
    </message>
    <message>
        <source>{amount} (concentration NOT recorded: check the bottle)</source>
        <translation>{amount} (concentración NO anotada: mire el frasco)</translation>
    </message>
    <message>
        <source>{ml} mL of {strength} = {amount}</source>
        <translation>{ml} mL de {strength} = {amount}</translation>
    </message>
    <message>
        <source>{amount} of {strength} = {mass}</source>
        <translation>{amount} de {strength} = {mass}</translation>
    </message>
    <message>
        <source>{amount} (concentration {strength})</source>
        <translation>{amount} (concentración {strength})</translation>
    </message>
    <message>
        <source>{amount} = {n} sachets of {strength}</source>
        <translation>{amount} = {n} sobres de {strength}</translation>
    </message>
    <message>
        <source>{amount} = {n} tablets of {strength}</source>
        <translation>{amount} = {n} comprimidos de {strength}</translation>
    </message>
    <message>
        <source>{amount} = {n} sachet of {strength}</source>
        <translation>{amount} = {n} sobre de {strength}</translation>
    </message>
    <message>
        <source>{amount} = {n} tablet of {strength}</source>
        <translation>{amount} = {n} comprimido de {strength}</translation>
    </message>
    <message>
        <source>- as needed</source>
        <translation>- a demanda</translation>
    </message>
</context>
<context>
    <name>history_view</name>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Doses</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Symptoms</source>
        <translation>Síntomas</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Medidas</translation>
    </message>
    <message>
        <source>Pump</source>
        <translation>Bomba</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>time given</source>
        <translation>hora en que se dio</translation>
    </message>
    <message>
        <source>slot</source>
        <translation>toma prevista</translation>
    </message>
    <message>
        <source>time</source>
        <translation>hora</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>cantidad</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>qué pasó</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>intensidad</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>medida</translation>
    </message>
    <message>
        <source>second value</source>
        <translation>segundo valor</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>symptom</source>
        <translation>síntoma</translation>
    </message>
    <message>
        <source>body part</source>
        <translation>parte del cuerpo</translation>
    </message>
    <message>
        <source>{field} was {value}</source>
        <translation>{field} era {value}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>medicine {id}</source>
        <translation>medicamento {id}</translation>
    </message>
    <message>
        <source> (for the {time} dose)</source>
        <translation> (para la dosis de las {time})</translation>
    </message>
    <message>
        <source> by {name}</source>
        <translation> por {name}</translation>
    </message>
    <message>
        <source>Dose: {medicine}</source>
        <translation>Dosis: {medicine}</translation>
    </message>
    <message>
        <source>, severity {n}/10</source>
        <translation>, intensidad {n}/10</translation>
    </message>
    <message>
        <source>Symptom: {name}</source>
        <translation>Síntoma: {name}</translation>
    </message>
    <message>
        <source>Reading: {kind}</source>
        <translation>Medida: {kind}</translation>
    </message>
    <message>
        <source>{mcg} mcg/day</source>
        <translation>{mcg} mcg/día</translation>
    </message>
    <message>
        <source>next refill {date}</source>
        <translation>próximo rellenado {date}</translation>
    </message>
    <message>
        <source>Pump: {kind}</source>
        <translation>Bomba: {kind}</translation>
    </message>
    <message>
        <source>Question for the doctor</source>
        <translation>Pregunta para el médico</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>REMOVED dose</source>
        <translation>Dosis QUITADA</translation>
    </message>
    <message>
        <source>REMOVED symptom</source>
        <translation>Síntoma QUITADO</translation>
    </message>
    <message>
        <source>REMOVED reading</source>
        <translation>Medida QUITADA</translation>
    </message>
    <message>
        <source>REMOVED pump</source>
        <translation>Anotación de bomba QUITADA</translation>
    </message>
    <message>
        <source>REMOVED note</source>
        <translation>Nota QUITADA</translation>
    </message>
    <message>
        <source>(not counted any more)</source>
        <translation>(ya no se cuenta)</translation>
    </message>
    <message>
        <source>corrected {when}{who}: {changes}{why}</source>
        <translation>corregido {when}{who}: {changes}{why}</translation>
    </message>
    <message>
        <source>restored {when}{who}{why}</source>
        <translation>recuperado {when}{who}{why}</translation>
    </message>
    <message>
        <source>removed {when}{who}{why}</source>
        <translation>quitado {when}{who}{why}</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>CareJournal</source>
        <translation>CareJournal</translation>
    </message>
</context>
<context>
    <name>med_status</name>
    <message>
        <source>Stock: {stock}</source>
        <translation>Existencias: {stock}</translation>
    </message>
    <message>
        <source>{n} of {most} in {hours}</source>
        <translation>{n} de {most} en {hours}</translation>
    </message>
    <message>
        <source>{n} given in {hours}</source>
        <translation>{n} dadas en {hours}</translation>
    </message>
    <message>
        <source>; {amount} of {most} mg</source>
        <translation>; {amount} de {most} mg</translation>
    </message>
    <message>
        <source>Next allowed from {time} tomorrow</source>
        <translation>La siguiente se permite desde las {time} de mañana</translation>
    </message>
    <message>
        <source>Next allowed from {time}</source>
        <translation>La siguiente se permite desde las {time}</translation>
    </message>
    <message>
        <source>Allowed now (within the limits)</source>
        <translation>Se permite ahora (dentro de los límites)</translation>
    </message>
    <message>
        <source>At least {hours} h between doses</source>
        <translation>Al menos {hours} h entre dosis</translation>
    </message>
    <message>
        <source>Stock: cannot tell ({reason})</source>
        <translation>Existencias: no se puede saber ({reason})</translation>
    </message>
</context>
<context>
    <name>medicine_forms</name>
    <message>
        <source>Enter the strength, for example 10 mg or 5 mg/5 mL.</source>
        <translation>Escriba la concentración, por ejemplo 10 mg o 5 mg/5 mL.</translation>
    </message>
    <message>
        <source>The strength should start with mg, mcg or g, like 10 mg (got {text}).</source>
        <translation>La concentración debe empezar con mg, mcg o g, como 10 mg (ha escrito {text}).</translation>
    </message>
    <message>
        <source>The strength must be more than zero.</source>
        <translation>La concentración debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>The amount after the slash must be more than zero (like 5 mL).</source>
        <translation>La cantidad después de la barra debe ser mayor que cero (como 5 mL).</translation>
    </message>
    <message>
        <source>{text} is not a time; write times like 08:00, 14:00, 20:00.</source>
        <translation>{text} no es una hora; escriba las horas así: 08:00, 14:00, 20:00.</translation>
    </message>
    <message>
        <source>{text}: with am/pm the hour must be 1 to 12.</source>
        <translation>{text}: con am/pm la hora debe ir de 1 a 12.</translation>
    </message>
    <message>
        <source>{text} is not a time of day.</source>
        <translation>{text} no es una hora del día.</translation>
    </message>
    <message>
        <source>{field}: must be more than 0 (leave it empty when none was prescribed).</source>
        <translation>{field}: debe ser mayor que 0 (déjelo vacío si no se recetó ninguno).</translation>
    </message>
    <message>
        <source>Most doses in 24 hours: {text} is not a whole number.</source>
        <translation>Máximo de dosis en 24 horas: {text} no es un número entero.</translation>
    </message>
    <message>
        <source>Hours between doses: {text} is not a number of hours.</source>
        <translation>Horas entre dosis: {text} no es un número de horas.</translation>
    </message>
    <message>
        <source>Most in 24 hours</source>
        <translation>Máximo en 24 horas</translation>
    </message>
</context>
<context>
    <name>medicine_limits</name>
    <message>
        <source>Daily ceiling</source>
        <translation>Tope diario</translation>
    </message>
    <message>
        <source>Most doses in 24 hours</source>
        <translation>Máximo de dosis en 24 horas</translation>
    </message>
    <message>
        <source>Hours between doses</source>
        <translation>Horas entre dosis</translation>
    </message>
    <message>
        <source>Most in 24 hours</source>
        <translation>Máximo en 24 horas</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Counted what is on hand</source>
        <translation>Contado lo que hay</translation>
    </message>
    <message>
        <source>Received (a refill)</source>
        <translation>Recibido (una reposición)</translation>
    </message>
    <message>
        <source>Thrown away or lost</source>
        <translation>Tirado o perdido</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>contado</translation>
    </message>
    <message>
        <source>received</source>
        <translation>recibido</translation>
    </message>
    <message>
        <source>thrown away</source>
        <translation>tirado</translation>
    </message>
</context>
<context>
    <name>medicines_view</name>
    <message>
        <source>Tablets</source>
        <translation>Comprimidos</translation>
    </message>
    <message>
        <source>Oral solution (liquid)</source>
        <translation>Solución oral (líquido)</translation>
    </message>
    <message>
        <source>Oral suspension (liquid)</source>
        <translation>Suspensión oral (líquido)</translation>
    </message>
    <message>
        <source>Granules (sachets)</source>
        <translation>Granulado (sobres)</translation>
    </message>
    <message>
        <source>Intrathecal pump</source>
        <translation>Bomba intratecal</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source> every {n} days</source>
        <translation> cada {n} días</translation>
    </message>
    <message>
        <source> until {date}</source>
        <translation> hasta el {date}</translation>
    </message>
    <message>
        <source>from {start}{until}: {amount} at {times}{every}</source>
        <translation>desde el {start}{until}: {amount} a las {times}{every}</translation>
    </message>
    <message>
        <source>from {start}{until}: {amount} as needed{every}</source>
        <translation>desde el {start}{until}: {amount} a demanda{every}</translation>
    </message>
    <message>
        <source>Enter the amount of each dose, for example 10 mg.</source>
        <translation>Escriba la cantidad de cada dosis, por ejemplo 10 mg.</translation>
    </message>
    <message>
        <source>A dose must be more than zero; to stop a medicine, end its schedule.</source>
        <translation>Una dosis debe ser mayor que cero; para dejar un medicamento, termine su pauta.</translation>
    </message>
    <message>
        <source>1. Check this change</source>
        <translation>1. Comprobar este cambio</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>notifier</name>
    <message>
        <source>... and {n} more: see Today.</source>
        <translation>... y {n} más: vea Hoy.</translation>
    </message>
    <message>
        <source>CareJournal: {n} reminders</source>
        <translation>CareJournal: {n} recordatorios</translation>
    </message>
    <message>
        <source>on the desktop and in this window</source>
        <translation>en el escritorio y en esta ventana</translation>
    </message>
    <message>
        <source>in the tray</source>
        <translation>en la bandeja</translation>
    </message>
    <message>
        <source>in this window</source>
        <translation>en esta ventana</translation>
    </message>
</context>
<context>
    <name>profile_view</name>
    <message>
        <source>Normal, or not known to be reduced</source>
        <translation>Normal, o no se sabe que esté reducida</translation>
    </message>
    <message>
        <source>Mildly reduced</source>
        <translation>Algo reducida</translation>
    </message>
    <message>
        <source>Moderately reduced</source>
        <translation>Bastante reducida</translation>
    </message>
    <message>
        <source>Severely reduced, or on dialysis</source>
        <translation>Muy reducida, o en diálisis</translation>
    </message>
    <message>
        <source>{text} is not a date; write it as YYYY-MM-DD, for example 1958-04-30.</source>
        <translation>{text} no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 1958-04-30.</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>La fecha de nacimiento está en el futuro.</translation>
    </message>
    <message>
        <source>That birth date is more than 125 years ago; please check it.</source>
        <translation>Esa fecha de nacimiento es de hace más de 125 años; revísela.</translation>
    </message>
</context>
<context>
    <name>pump_view</name>
    <message>
        <source>Refill</source>
        <translation>Rellenado</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarma</translation>
    </message>
    <message>
        <source>Clinic check</source>
        <translation>Revisión en la clínica</translation>
    </message>
    <message>
        <source>Dose change at the clinic</source>
        <translation>Cambio de dosis en la clínica</translation>
    </message>
    <message>
        <source>Catheter problem</source>
        <translation>Problema del catéter</translation>
    </message>
    <message>
        <source>Single tone, about every hour (reservoir low or replacement due)</source>
        <translation>Un solo tono, más o menos cada hora (depósito bajo o toca cambiar la bomba)</translation>
    </message>
    <message>
        <source>Two tones (the pump may have STOPPED giving medicine)</source>
        <translation>Dos tonos (puede que la bomba haya DEJADO de dar medicamento)</translation>
    </message>
    <message>
        <source>Not sure which tone</source>
        <translation>No sé qué tono</translation>
    </message>
    <message>
        <source>pick the date on the clinic's printout</source>
        <translation>elija la fecha de la hoja de la clínica</translation>
    </message>
    <message>
        <source>no new date (keep the one set before)</source>
        <translation>sin fecha nueva (se mantiene la anterior)</translation>
    </message>
    <message>
        <source>No refill date recorded yet. Log the last refill with its next refill date.</source>
        <translation>Aún no hay fecha de rellenado. Anote el último rellenado con la fecha del siguiente.</translation>
    </message>
    <message>
        <source>Refill OVERDUE by {days} (was due {date}). Call the pump clinic today.</source>
        <translation>Rellenado RETRASADO {days} (tocaba el {date}). Llame hoy a la clínica de la bomba.</translation>
    </message>
    <message>
        <source>Refill due TODAY ({date}).</source>
        <translation>El rellenado toca HOY ({date}).</translation>
    </message>
    <message>
        <source>Next refill in {days}: {date}.</source>
        <translation>Próximo rellenado en {days}: {date}.</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} días</translation>
    </message>
    <message>
        <source>Enter the {what}.</source>
        <translation>Escriba el dato: {what}.</translation>
    </message>
    <message>
        <source>The {what} must be a number (got {text}).</source>
        <translation>El dato «{what}» debe ser un número (ha escrito {text}).</translation>
    </message>
    <message>
        <source>The {what} of {value} looks wrong (expected {low} to {high}); please check the clinic's printout.</source>
        <translation>El dato «{what}» de {value} parece incorrecto (se esperaba de {low} a {high}); revise la hoja de la clínica.</translation>
    </message>
    <message>
        <source>concentration</source>
        <translation>concentración</translation>
    </message>
    <message>
        <source>daily dose</source>
        <translation>dosis diaria</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>volumen</translation>
    </message>
    <message>
        <source>reservoir volume</source>
        <translation>volumen del depósito</translation>
    </message>
    <message>
        <source>low alarm volume</source>
        <translation>volumen de la alarma de nivel bajo</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>The journal file {name} was last saved by a newer version of CareJournal than this one. To keep its entries safe, this version will not open it.</source>
        <translation>El archivo del diario {name} lo guardó por última vez una versión de CareJournal más nueva que esta. Para proteger sus anotaciones, esta versión no lo abrirá.</translation>
    </message>
    <message>
        <source>The best fix is to install the newer CareJournal again.</source>
        <translation>Lo mejor es volver a instalar la versión más nueva de CareJournal.</translation>
    </message>
    <message>
        <source>The journal file {name} is damaged, so it cannot be read safely. This can happen after a power cut or a disk problem.</source>
        <translation>El archivo del diario {name} está dañado y no se puede leer con seguridad. Puede pasar tras un corte de luz o un fallo del disco.</translation>
    </message>
    <message>
        <source>The file {name} is not a CareJournal journal, so it cannot be opened as one.</source>
        <translation>El archivo {name} no es un diario de CareJournal, así que no se puede abrir como tal.</translation>
    </message>
    <message>
        <source>The journal file {name} could not be opened.</source>
        <translation>No se pudo abrir el archivo del diario {name}.</translation>
    </message>
    <message>
        <source>It has been left exactly as it was: nothing in it was changed.</source>
        <translation>Se ha dejado exactamente como estaba: no se cambió nada en él.</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Detalles: {detail}</translation>
    </message>
    <message>
        <source>No earlier backup of this journal was found. You can pick a backup file you saved yourself (for example on a USB stick), or close CareJournal and ask for help.</source>
        <translation>No se encontró ninguna copia anterior de este diario. Puede elegir un archivo de copia que guardó usted (por ejemplo en una memoria USB), o cerrar CareJournal y pedir ayuda.</translation>
    </message>
    <message>
        <source>The latest good backup was made on {day} at {time}. Restoring it brings the journal back to how it was then: anything entered after that time will need to be entered again. A copy of the current file is kept first, so it is not lost.</source>
        <translation>La última copia buena se hizo el {day} a las {time}. Al restaurarla, el diario vuelve a como estaba entonces: lo anotado después tendrá que anotarse de nuevo. Antes se guarda una copia del archivo actual, así que no se pierde.</translation>
    </message>
    <message>
        <source>Choose a CareJournal backup</source>
        <translation>Elija una copia de seguridad de CareJournal</translation>
    </message>
    <message>
        <source>CareJournal backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>Copias de CareJournal (*.sqlite3 *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The journal was restored from the latest backup.</source>
        <translation>Se ha restaurado el diario desde la última copia.</translation>
    </message>
    <message>
        <source>The journal was restored from {name}.</source>
        <translation>Se ha restaurado el diario desde {name}.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The backup could not be restored, and nothing was changed. ({reason})</source>
        <translation>No se pudo restaurar la copia y no se cambió nada. ({reason})</translation>
    </message>
    <message>
        <source>CareJournal is already open</source>
        <translation>CareJournal ya está abierto</translation>
    </message>
    <message>
        <source>made automatically</source>
        <translation>hecha automáticamente</translation>
    </message>
    <message>
        <source>saved by you</source>
        <translation>guardada por usted</translation>
    </message>
    <message>
        <source>the journal as it was before a restore</source>
        <translation>el diario tal como estaba antes de una restauración</translation>
    </message>
    <message>
        <source>the journal as it was before an update</source>
        <translation>el diario tal como estaba antes de una actualización</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>¿Restaurar esta copia?</translation>
    </message>
    <message>
        <source>Choose where to save the backup (for example a USB stick)</source>
        <translation>Elija dónde guardar la copia (por ejemplo una memoria USB)</translation>
    </message>
</context>
<context>
    <name>symptom_form</name>
    <message>
        <source>none</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>fuerte</translation>
    </message>
    <message>
        <source>worst imaginable</source>
        <translation>el peor imaginable</translation>
    </message>
    <message>
        <source>emergency</source>
        <translation>emergencia</translation>
    </message>
    <message>
        <source>call today</source>
        <translation>llamar hoy</translation>
    </message>
</context>
<context>
    <name>vitals_form</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frecuencia cardiaca</translation>
    </message>
    <message>
        <source>beats a minute</source>
        <translation>latidos por minuto</translation>
    </message>
    <message>
        <source>Breathing rate</source>
        <translation>Frecuencia respiratoria</translation>
    </message>
    <message>
        <source>breaths a minute</source>
        <translation>respiraciones por minuto</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Tensión arterial</translation>
    </message>
    <message>
        <source>Oxygen</source>
        <translation>Oxígeno</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>0 - no spasms</source>
        <translation>0 - sin espasmos</translation>
    </message>
    <message>
        <source>1 - mild spasms only when touched or moved</source>
        <translation>1 - espasmos leves solo al tocar o mover</translation>
    </message>
    <message>
        <source>2 - full spasms, less than once an hour</source>
        <translation>2 - espasmos completos, menos de una vez por hora</translation>
    </message>
    <message>
        <source>3 - full spasms, more than once an hour</source>
        <translation>3 - espasmos completos, más de una vez por hora</translation>
    </message>
    <message>
        <source>4 - full spasms, more than ten times an hour</source>
        <translation>4 - espasmos completos, más de diez veces por hora</translation>
    </message>
    <message>
        <source> - no pain</source>
        <translation> - sin dolor</translation>
    </message>
    <message>
        <source> - worst imaginable</source>
        <translation> - el peor imaginable</translation>
    </message>
    <message>
        <source>Heart rate (pulse)</source>
        <translation>Frecuencia cardiaca (pulso)</translation>
    </message>
    <message>
        <source>Oxygen level (SpO2)</source>
        <translation>Nivel de oxígeno (SpO2)</translation>
    </message>
    <message>
        <source>Spasm frequency (Penn scale, past 24 hours)</source>
        <translation>Frecuencia de espasmos (escala de Penn, últimas 24 horas)</translation>
    </message>
    <message>
        <source>Muscle tone (Modified Ashworth)</source>
        <translation>Tono muscular (Ashworth modificada)</translation>
    </message>
    <message>
        <source>Pain (0-10)</source>
        <translation>Dolor (0-10)</translation>
    </message>
    <message>
        <source>Top number / bottom number, for example 120 / 80.</source>
        <translation>Número de arriba / número de abajo, por ejemplo 120 / 80.</translation>
    </message>
    <message>
        <source>Think of the past 24 hours.</source>
        <translation>Piense en las últimas 24 horas.</translation>
    </message>
    <message>
        <source>A therapist's test: record it only if you were shown how. 0 is normal tone, 4 is rigid.</source>
        <translation>Una prueba de terapeuta: anótela solo si le enseñaron a hacerla. 0 es tono normal, 4 es rígido.</translation>
    </message>
    <message>
        <source>0 is no pain, 10 the worst pain imaginable.</source>
        <translation>0 es sin dolor, 10 el peor dolor imaginable.</translation>
    </message>
    <message>
        <source>left arm</source>
        <translation>brazo izquierdo</translation>
    </message>
    <message>
        <source>right arm</source>
        <translation>brazo derecho</translation>
    </message>
    <message>
        <source>left leg</source>
        <translation>pierna izquierda</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>pierna derecha</translation>
    </message>
    <message>
        <source>left elbow</source>
        <translation>codo izquierdo</translation>
    </message>
    <message>
        <source>right elbow</source>
        <translation>codo derecho</translation>
    </message>
    <message>
        <source>left knee</source>
        <translation>rodilla izquierda</translation>
    </message>
    <message>
        <source>right knee</source>
        <translation>rodilla derecha</translation>
    </message>
    <message>
        <source>left ankle</source>
        <translation>tobillo izquierdo</translation>
    </message>
    <message>
        <source>right ankle</source>
        <translation>tobillo derecho</translation>
    </message>
    <message>
        <source>trunk</source>
        <translation>tronco</translation>
    </message>
    <message>
        <source>Enter the {what} (for example {example}).</source>
        <translation>Escriba la medida de {what} (por ejemplo {example}).</translation>
    </message>
    <message>
        <source>Enter both numbers with a slash, for example 120 / 80.</source>
        <translation>Escriba los dos números con una barra, por ejemplo 120 / 80.</translation>
    </message>
    <message>
        <source>Blood pressure needs two numbers, for example 120 / 80.</source>
        <translation>La tensión arterial necesita dos números, por ejemplo 120 / 80.</translation>
    </message>
    <message>
        <source>{value} mmHg is not a possible blood pressure; please check the reading.</source>
        <translation>{value} mmHg no es una tensión arterial posible; revise la medida.</translation>
    </message>
    <message>
        <source>The top number should be higher than the bottom number (like 120 / 80).</source>
        <translation>El número de arriba debe ser mayor que el de abajo (como 120 / 80).</translation>
    </message>
    <message>
        <source>'{text}' is not a number. Example: {example}.</source>
        <translation>«{text}» no es un número. Ejemplo: {example}.</translation>
    </message>
    <message>
        <source>{value} looks like Fahrenheit. In Celsius that is {celsius}; please enter the Celsius value, or choose °F in Settings.</source>
        <translation>{value} parece Fahrenheit. En Celsius son {celsius}; escriba el valor en Celsius, o elija °F en Ajustes.</translation>
    </message>
    <message>
        <source>{value} looks like Celsius. In Fahrenheit that is {fahrenheit}; please enter the Fahrenheit value, or choose °C in Settings.</source>
        <translation>{value} parece Celsius. En Fahrenheit son {fahrenheit}; escriba el valor en Fahrenheit, o elija °C en Ajustes.</translation>
    </message>
    <message>
        <source>{value} {unit} is outside what a reading can be ({low} to {high}); please check it.</source>
        <translation>{value} {unit} está fuera de lo que puede ser una medida (de {low} a {high}); revísela.</translation>
    </message>
    <message>
        <source>Enter a whole number for the {what}.</source>
        <translation>Escriba un número entero para: {what}.</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>Too late to undo: remove or correct the entry in History (it keeps the earlier version).</source>
        <translation>Ya es tarde para deshacer: quite o corrija la anotación en Historial (guarda la versión anterior).</translation>
    </message>
    <message>
        <source>Undone: {what} (kept in History as removed, reason "undone").</source>
        <translation>Deshecho: {what} (queda en Historial como quitado, motivo «undone»).</translation>
    </message>
</context>
</TS>
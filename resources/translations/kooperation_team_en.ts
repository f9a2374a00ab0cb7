<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="51"/>
        <source>geändert von {who}</source>
        <translation>changed by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="47"/>
        <location filename="../../ui/team/conflict_dialog.py" line="48"/>
        <location filename="../../ui/team/conflict_dialog.py" line="51"/>
        <location filename="../../ui/team/conflict_dialog.py" line="52"/>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="47"/>
        <source>erfasst von {who}</source>
        <translation>recorded by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="48"/>
        <source>erfasst von {who} am {when}</source>
        <translation>recorded by {who} on {when}</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="52"/>
        <source>geändert von {who} am {when}</source>
        <translation>changed by {who} on {when}</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="59"/>
        <source>Sie haben das auf diesem Laptop gelöscht; auf dem Server wurde es inzwischen geändert. Bis zur Entscheidung bleiben die Einträge vom Server erhalten: trotzdem löschen oder behalten.</source>
        <translation>You deleted this on this laptop; meanwhile it was changed on the server. Until you decide, the server’s entries stay: delete anyway or keep them.</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="62"/>
        <source>Für dieselbe Person wurde zu dieser Version zweimal eine Unterschrift erfasst: auf diesem Laptop und auf einem anderen. Es zählt nur eine: die vom Server, die zuerst übertragen wurde.</source>
        <translation>A signature of the same person for this version was recorded twice: on this laptop and on another one. Only one counts: the server’s, which was sent first.</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="65"/>
        <source>Sie haben das auf diesem Laptop neu eingetragen, die Version der Vereinbarung wurde aber inzwischen abgeschlossen. Sie bleibt, wie sie unterschrieben wurde; was Sie eingegeben haben, steht hier zum Übernehmen in eine neue Version.</source>
        <translation>You added this on this laptop, but the version of the agreement has been finalised meanwhile. It stays as it was signed; what you entered is kept here to take over into a new version.</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="69"/>
        <source>Sie haben das auf diesem Laptop neu eingetragen, auf dem Server wurde aber inzwischen gelöscht, wozu es gehört (der Fall oder ein übergeordneter Eintrag). Es wurde nicht übernommen; was Sie eingegeben haben, steht hier zum Nachlesen.</source>
        <translation>You added this on this laptop, but what it belongs to (the case or a parent entry) has been deleted on the server meanwhile. It was not taken over; what you entered is kept here to read.</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="73"/>
        <source>Sie haben das auf diesem Laptop geändert, auf dem Server wurde der Eintrag aber inzwischen gelöscht. Ihr Wert kann nicht mehr übernommen werden; er steht hier zum Nachlesen.</source>
        <translation>You changed this on this laptop, but the entry has been deleted on the server meanwhile. Your value can no longer be taken over; it is kept here to read.</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="75"/>
        <source>Dieses Feld wurde auf diesem Laptop und auf dem Server verschieden geändert. Bis zur Entscheidung gilt der Wert vom Server; der Wert von diesem Laptop bleibt hier in der Liste.</source>
        <translation>This field was changed differently on this laptop and on the server. Until you decide, the server’s value applies; this laptop’s value stays here in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="119"/>
        <source>Konfliktliste</source>
        <translation>Conflict list</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="126"/>
        <source>&amp;Konflikte:</source>
        <translation>&amp;Conflicts:</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="128"/>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="142"/>
        <source>Auf diesem Laptop</source>
        <translation>On this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="142"/>
        <source>Diesen Wert &amp;behalten</source>
        <translation>&amp;Keep this value</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="143"/>
        <source>Wert von diesem Laptop behalten</source>
        <translation>Keep the value from this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="144"/>
        <source>Auf dem Server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="144"/>
        <source>Diesen &amp;Wert behalten</source>
        <translation>Keep this &amp;value</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="145"/>
        <source>Wert vom Server behalten</source>
        <translation>Keep the value from the server</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="151"/>
        <source>B&amp;earbeiten…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="152"/>
        <source>Wert selbst eingeben</source>
        <translation>Type the value yourself</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="170"/>
        <source>Keine offenen Konflikte.</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="174"/>
        <location filename="../../ui/team/team_view.py" line="95"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="196"/>
        <source>(Fall nicht mehr auf diesem Laptop)</source>
        <translation>(case no longer on this laptop)</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="197"/>
        <source>{case} – {what}</source>
        <translation>{case} – {what}</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="218"/>
        <source>Fall „{case}“ (Az. {number}) · {what}</source>
        <translation>Case “{case}” (file no. {number}) · {what}</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="221"/>
        <source>Fall „{case}“ · {what}</source>
        <translation>Case “{case}” · {what}</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="223"/>
        <source>Fall nicht mehr auf diesem Laptop · {what}</source>
        <translation>Case no longer on this laptop · {what}</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="228"/>
        <source>Eine Unterschrift auf dem Server kann nicht ersetzt werden. Die Unterschrift dieses Laptops bleibt in der Konfliktliste festgehalten, auch nach dem Schließen (anzeigen mit „kooperation-desktop conflicts --alle“).</source>
        <translation>A signature on the server cannot be replaced. This laptop’s signature stays recorded in the conflict list, also after the entry is closed (shown with “kooperation-desktop conflicts --alle”).</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="234"/>
        <source>Trotzdem &amp;löschen</source>
        <translation>&amp;Delete anyway</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="234"/>
        <source>Auf diesem Laptop gelöscht: trotzdem löschen</source>
        <translation>Deleted on this laptop: delete anyway</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="236"/>
        <source>Einträge &amp;behalten</source>
        <translation>&amp;Keep the entries</translation>
    </message>
    <message>
        <location filename="../../ui/team/conflict_dialog.py" line="236"/>
        <source>Die Einträge vom Server behalten</source>
        <translation>Keep the entries from the server</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="42"/>
        <source>synchronisiere …</source>
        <translation>synchronising …</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="44"/>
        <source>noch nicht synchronisiert</source>
        <translation>not synchronised yet</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="46"/>
        <source>zuletzt synchronisiert {when}</source>
        <translation>last synchronised {when}</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="50"/>
        <source>keine Änderungen warten</source>
        <translation>no changes waiting</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="52"/>
        <source>1 Änderung wartet</source>
        <translation>1 change waiting</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="54"/>
        <source>{n} Änderungen warten</source>
        <translation>{n} changes waiting</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="56"/>
        <source>1 Konflikt</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="58"/>
        <source>{n} Konflikte</source>
        <translation>{n} conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="83"/>
        <source>Das Synchronisieren ist fehlgeschlagen: {reason}</source>
        <translation>Synchronising failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="119"/>
        <source>Stand der Synchronisation</source>
        <translation>Synchronisation status</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="121"/>
        <source>&amp;Synchronisieren</source>
        <translation>&amp;Synchronise</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="124"/>
        <source>&amp;Konfliktliste…</source>
        <translation>&amp;Conflict list…</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="125"/>
        <source>&amp;Team-Übersicht…</source>
        <translation>&amp;Team overview…</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="127"/>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="147"/>
        <source>Server: {server}, Anmeldung: {identity}</source>
        <translation>Server: {server}, login: {identity}</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="158"/>
        <source>Die Synchronisation läuft schon.</source>
        <translation>Synchronisation is already running.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="192"/>
        <source>Synchronisiert: {pushed} gesendet, {pulled} empfangen.</source>
        <translation>Synchronised: {pushed} sent, {pulled} received.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="195"/>
        <source>1 neuer Konflikt: siehe Team → Konfliktliste.</source>
        <translation>1 new conflict: see Team → Conflict list.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="196"/>
        <source>{n} neue Konflikte: siehe Team → Konfliktliste.</source>
        <translation>{n} new conflicts: see Team → Conflict list.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="199"/>
        <source>1 Fall ist nicht mehr für Sie freigegeben und wurde von diesem Laptop entfernt.</source>
        <translation>1 case is no longer shared with you and was removed from this laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="201"/>
        <source>{n} Fälle sind nicht mehr für Sie freigegeben und wurden von diesem Laptop entfernt.</source>
        <translation>{n} cases are no longer shared with you and were removed from this laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="205"/>
        <source>1 Fall ist nicht mehr für Sie freigegeben, hat aber noch nicht übertragene Änderungen: er bleibt auf diesem Laptop. Bitte mit der Teamleitung klären.</source>
        <translation>1 case is no longer shared with you but has changes not yet sent: it stays on this laptop. Please talk to your team lead.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="208"/>
        <source>{n} Fälle sind nicht mehr für Sie freigegeben, haben aber noch nicht übertragene Änderungen: sie bleiben auf diesem Laptop. Bitte mit der Teamleitung klären.</source>
        <translation>{n} cases are no longer shared with you but have changes not yet sent: they stay on this laptop. Please talk to your team lead.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="212"/>
        <source>Bei 1 Fall hat der Server das Löschen nicht angenommen: löschen kann nur das Team, dem der Fall gehört (Sie vertreten ihn). Was Sie gelöscht hatten, ist wieder auf diesem Laptop.</source>
        <translation>The server did not accept a deletion in 1 case: only the team the case belongs to can delete it (you cover it). What you deleted is back on this laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="215"/>
        <source>Bei {n} Fällen hat der Server das Löschen nicht angenommen: löschen kann nur das Team, dem ein Fall gehört (Sie vertreten sie). Was Sie gelöscht hatten, ist wieder auf diesem Laptop.</source>
        <translation>The server did not accept deletions in {n} cases: only the team a case belongs to can delete it (you cover them). What you deleted is back on this laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="227"/>
        <source>nicht synchronisiert</source>
        <translation>not synchronised</translation>
    </message>
    <message>
        <location filename="../../ui/team/controller.py" line="238"/>
        <source>Synchronisieren</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="37"/>
        <source>Anmeldung am Server</source>
        <translation>Server login</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="39"/>
        <source>Zum Synchronisieren mit {server} bitte das Passwort der Anmeldung „{identity}“ eingeben. Es bleibt nur bis zum Schließen des Programms im Speicher.</source>
        <translation>To synchronise with {server}, please enter the password of the login “{identity}”. It is kept in memory only until the program closes.</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="44"/>
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="47"/>
        <source>Passwort der Server-Anmeldung</source>
        <translation>Password of the server login</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="52"/>
        <source>Anmelden</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="26"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="66"/>
        <source>Wert bearbeiten</source>
        <translation>Edit value</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="68"/>
        <source>&amp;Neuer Wert für „{what}“:</source>
        <translation>&amp;New value for “{what}”:</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="72"/>
        <source>Neuer Wert</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="77"/>
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="91"/>
        <source>Fall übernehmen</source>
        <translation>Take over case</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="93"/>
        <source>Wer vertritt den Fall „{case}“? Bitte den Benutzernamen der Server-Anmeldung der Kollegin oder des Kollegen eingeben (z. B. anna_berg). Leer lassen beendet die Vertretung.</source>
        <translation>Who covers the case “{case}”? Please enter the colleague&apos;s server login name (e.g. anna_berg). Leaving it empty ends the cover.</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="98"/>
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="100"/>
        <source>Benutzername der Vertretung</source>
        <translation>User name of the cover</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialogs.py" line="105"/>
        <source>Übernehmen lassen</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="52"/>
        <source>Team-Übersicht</source>
        <translation>Team overview</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="57"/>
        <source>&amp;Fälle im Team:</source>
        <translation>&amp;Cases in the team:</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="59"/>
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="59"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="59"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="59"/>
        <source>Vertretung</source>
        <translation>Cover</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="60"/>
        <source>Fällig</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="61"/>
        <source>Fälle im Team</source>
        <translation>Cases in the team</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="87"/>
        <source>Fall &amp;übernehmen…</source>
        <translation>&amp;Take over case…</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="88"/>
        <source>Fall einer Kollegin oder einem Kollegen zur Vertretung geben</source>
        <translation>Give the case to a colleague as cover</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="89"/>
        <source>&amp;Neu laden</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="125"/>
        <source>Angemeldet als {login}, Teamleitung von {teams}. Es sind alle Fälle der Teams zu sehen.</source>
        <translation>Logged in as {login}, lead of {teams}. All cases of the teams are shown.</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="127"/>
        <source>„Fall übernehmen…“ gibt den gewählten Fall einer Kollegin oder einem Kollegen zur Vertretung; bei deren nächstem Synchronisieren kommt er auf ihren Laptop.</source>
        <translation>“Take over case…” gives the selected case to a colleague as cover; it comes to their laptop at their next synchronisation.</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="130"/>
        <source>Angemeldet als {login}. Zu sehen sind die Fälle Ihrer Teams und die Ihnen zur Vertretung gegebenen.</source>
        <translation>Logged in as {login}. Shown are the cases of your teams and those given to you as cover.</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="132"/>
        <source>Fälle zur Vertretung gibt die Teamleitung. Ein Ihnen gegebener Fall kommt beim nächsten Synchronisieren auf diesen Laptop.</source>
        <translation>The team lead hands out cases for cover. A case given to you comes to this laptop at the next synchronisation.</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="139"/>
        <source>{date} ({state}): {what}</source>
        <translation>{date} ({state}): {what}</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="142"/>
        <source>(+{n} weitere)</source>
        <translation>(+{n} more)</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_view.py" line="144"/>
        <source>nichts fällig</source>
        <translation>nothing due</translation>
    </message>
</context>
</TS>

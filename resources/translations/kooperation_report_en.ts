<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/report_dialog.py" line="60"/>
        <source>Was gut gelaufen ist</source>
        <translation>What went well</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="61"/>
        <source>Was die Familie sagt</source>
        <translation>What the family says</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="62"/>
        <source>Strittige Punkte</source>
        <translation>Points of disagreement</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="63"/>
        <source>Aufgaben: erledigt und offen</source>
        <translation>Tasks: done and open</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="64"/>
        <source>Nächste Schritte und Empfehlung</source>
        <translation>Next steps and recommendation</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="65"/>
        <source>Stellungnahme der Familie</source>
        <translation>The family&apos;s statement</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="70"/>
        <source>Fachkraft</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="70"/>
        <source>Eltern / Personensorgeberechtigte</source>
        <translation>Parents / persons with parental responsibility</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="71"/>
        <source>Akte</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="71"/>
        <source>Jugendamt</source>
        <translation>Youth office</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="75"/>
        <source>Verlauf und Entwicklung der Hilfe</source>
        <translation>Course and progress of the help</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="75"/>
        <source>Gesundheit</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="76"/>
        <source>Schule, Kita, Ausbildung</source>
        <translation>School, nursery, training</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="77"/>
        <source>Inhalte der Vereinbarung</source>
        <translation>Contents of the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="78"/>
        <source>Name und Kontaktdaten</source>
        <translation>Name and contact details</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="93"/>
        <location filename="../../ui/report_dialog.py" line="94"/>
        <location filename="../../ui/report_dialog.py" line="417"/>
        <source>Bericht für das Jugendamt</source>
        <translation>Report to the youth office</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="103"/>
        <source>Berichtszeitraum von</source>
        <translation>Reporting period from</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="104"/>
        <source>Berichtszeitraum bis</source>
        <translation>Reporting period until</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="105"/>
        <source>Zeitraum &amp;von:</source>
        <translation>Period &amp;from:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="105"/>
        <source>&amp;bis:</source>
        <translation>&amp;until:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="108"/>
        <source>Neu &amp;entwerfen</source>
        <translation>&amp;Draft again</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="109"/>
        <source>Den Bericht für diesen Zeitraum neu aus dem Fall entwerfen; selbst geänderte Texte bleiben.</source>
        <translation>Draft the report for this period again from the case; texts you changed stay.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="117"/>
        <source>Stand des Berichts</source>
        <translation>Status of the report</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="129"/>
        <source>&amp;Inhalt</source>
        <translation>&amp;Content</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="133"/>
        <source>Der Bericht enthält nur, was die Familie zur Weitergabe an das Jugendamt freigegeben hat (Einverständnis, Stand heute). Das hier Genannte wurde weggelassen und steht nicht im PDF.</source>
        <translation>The report contains only what the family agreed to pass on to the youth office (consent as of today). What is listed here was left out and is not in the PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="139"/>
        <source>Ausgelassen</source>
        <translation>Left out</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="144"/>
        <source>Hinweise zu geänderten Texten</source>
        <translation>Notes on changed texts</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="147"/>
        <source>&amp;Ausgelassen</source>
        <translation>&amp;Left out</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="151"/>
        <source>Verteiler</source>
        <translation>Copies to</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="159"/>
        <source>Geprüft von der Teamleitung</source>
        <translation>Checked by the team lead</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="163"/>
        <source>Name der Teamleitung</source>
        <translation>Name of the team lead</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="164"/>
        <source>Datum der Prüfung</source>
        <translation>Date of the check</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="166"/>
        <source>Wie geprüft</source>
        <translation>How checked</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="167"/>
        <source>am Bildschirm</source>
        <translation>on screen</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="168"/>
        <source>auf Papier</source>
        <translation>on paper</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="169"/>
        <source>Als „&amp;geprüft“ markieren</source>
        <translation>Mark as “chec&amp;ked”</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="170"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="171"/>
        <source>Datum:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="172"/>
        <source>Geprüft:</source>
        <translation>Checked:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="175"/>
        <location filename="../../ui/report_dialog.py" line="352"/>
        <source>Versendet</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="178"/>
        <source>Versanddatum</source>
        <translation>Date sent</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="180"/>
        <source>Versendet an</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="181"/>
        <source>Als „versen&amp;det“ markieren</source>
        <translation>Mark as “s&amp;ent”</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="182"/>
        <source>Am:</source>
        <translation>On:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="183"/>
        <source>An:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="184"/>
        <source>Ein versendeter Bericht wird eingefroren (mit Prüfwert SHA-256) und als PDF versiegelt; er kann danach nicht mehr geändert werden.</source>
        <translation>A sent report is frozen (with a SHA-256 checksum) and sealed as a PDF; it cannot be changed afterwards.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="193"/>
        <source>&amp;Prüfung und Versand</source>
        <translation>C&amp;heck and dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="196"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="197"/>
        <source>PDF e&amp;xportieren…</source>
        <translation>E&amp;xport PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="199"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="225"/>
        <source>Nichts ausgelassen: alles Entworfene darf an das Jugendamt gehen.</source>
        <translation>Nothing left out: everything drafted may go to the youth office.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="245"/>
        <source>Ziel %1</source>
        <translation>Goal %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="249"/>
        <source>Ziel in den Worten der Familie</source>
        <translation>Goal in the family&apos;s own words</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="252"/>
        <source>Art der Angaben:</source>
        <translation>Kind of information:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="254"/>
        <source>Art der Angaben zu Ziel %1</source>
        <translation>Kind of information on goal %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="258"/>
        <source>Gesundheit oder Schule: Das Ziel erscheint nur, wenn die Familie der Weitergabe dieser Angaben an das Jugendamt zugestimmt hat.</source>
        <translation>Health or school: the goal appears only if the family agreed to pass on such information to the youth office.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="265"/>
        <source>Bemerkungen:</source>
        <translation>Remarks:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="267"/>
        <source>Bemerkungen zu Ziel %1</source>
        <translation>Remarks on goal %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="274"/>
        <source>Die Familie schreibt oder diktiert hier ihre eigene Sicht auf den Bericht.</source>
        <translation>Here the family writes or dictates its own view of the report.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="290"/>
        <source>Stand: Entwurf – noch nicht von der Teamleitung geprüft.</source>
        <translation>Status: draft – not checked by the team lead yet.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="292"/>
        <source>Stand: geprüft von %1 am %2.</source>
        <translation>Status: checked by %1 on %2.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="295"/>
        <source>Stand: versendet am %1 an %2 – eingefroren.</source>
        <translation>Status: sent on %1 to %2 – frozen.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="325"/>
        <source>Bericht speichern</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="341"/>
        <source>Geprüft</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="368"/>
        <source>PDF exportieren</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="378"/>
        <source>Die Datei konnte nicht gespeichert werden:
%1</source>
        <translation>The file could not be saved:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="398"/>
        <source>Bericht für das &amp;Jugendamt…</source>
        <translation>Report to the &amp;youth office…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="399"/>
        <source>Entwicklungsbericht zum Hilfeplangespräch entwerfen, prüfen und versenden</source>
        <translation>Draft, check and send the development report for the help-plan meeting</translation>
    </message>
</context>
</TS>

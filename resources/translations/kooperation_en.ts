<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/family_view.py" line="69"/>
        <location filename="../../ui/family_view.py" line="70"/>
        <location filename="../../ui/family_view.py" line="172"/>
        <location filename="../../ui/family_view.py" line="177"/>
        <source>Ansicht für die Familie</source>
        <translation>Family view</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="89"/>
        <source>F11: ganzer Bildschirm · Esc: schließen</source>
        <translation>F11: full screen · Esc: close</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="91"/>
        <source>&amp;Ganzer Bildschirm</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="92"/>
        <source>Ganzer Bildschirm ein oder aus</source>
        <translation>Full screen on or off</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="94"/>
        <source>&amp;Schließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="95"/>
        <location filename="../../ui/preview.py" line="143"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="112"/>
        <source>Unsere Vereinbarung</source>
        <translation>Our agreement</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="117"/>
        <source>Das wollen wir erreichen</source>
        <translation>What we want to achieve</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="119"/>
        <source>Die Ziele sind noch nicht eingetragen.</source>
        <translation>The goals have not been entered yet.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="123"/>
        <source>Wer macht was bis wann?</source>
        <translation>Who does what, and by when?</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="125"/>
        <source>Die Aufgaben sind noch nicht eingetragen.</source>
        <translation>The tasks have not been entered yet.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="141"/>
        <source>Wann sehen wir uns?</source>
        <translation>When do we meet?</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="144"/>
        <source>Der nächste Termin ist noch nicht vereinbart.</source>
        <translation>The next meeting has not been arranged yet.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="172"/>
        <source>Bitte zuerst einen Fall auswählen.</source>
        <translation>Please select a case first.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="176"/>
        <location filename="../../ui/preview.py" line="201"/>
        <source>Für diesen Fall gibt es noch keine Vereinbarung.</source>
        <translation>There is no agreement for this case yet.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="192"/>
        <source>Ansicht für die &amp;Familie…</source>
        <translation>&amp;Family view…</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="194"/>
        <source>Die Vereinbarung in großer Schrift zeigen, zum Anschauen mit der Familie</source>
        <translation>Show the agreement in large type, to look at it together with the family</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="207"/>
        <source>&amp;Fall</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="128"/>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="135"/>
        <source>z. B. Familienhilfe Lindenhof e. V.</source>
        <translation>e.g. Familienhilfe Lindenhof e. V.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="137"/>
        <source>z. B. Musterstadt</source>
        <translation>e.g. Musterstadt</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="140"/>
        <source> Minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="141"/>
        <source>nie sperren</source>
        <translation>never lock</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="150"/>
        <source> Jahre</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="154"/>
        <source>&amp;Träger (Organisation):</source>
        <translation>&amp;Provider (organisation):</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="154"/>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="155"/>
        <source>Standard-&amp;Ort:</source>
        <translation>Default &amp;place:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="155"/>
        <source>Standard-Ort</source>
        <translation>Default place</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="156"/>
        <source>&amp;Sperren nach:</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="156"/>
        <source>Programm sperren nach Minuten ohne Eingabe</source>
        <translation>Lock the program after minutes without input</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="157"/>
        <source>S&amp;prache:</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="157"/>
        <source>Sprache der Oberfläche</source>
        <translation>Language of the user interface</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="158"/>
        <source>&amp;Aufbewahren:</source>
        <translation>&amp;Keep for:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="158"/>
        <source>Abgeschlossene Fälle aufbewahren, Jahre</source>
        <translation>Keep closed cases, years</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="166"/>
        <source>Die Sprache gilt ab dem nächsten Start des Programms. Abgeschlossene Fälle werden nach der Aufbewahrungsfrist zum Löschen vorgeschlagen.</source>
        <translation>The language applies from the next start of the program. Closed cases are proposed for deletion after the retention period.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="173"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="174"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="211"/>
        <source>&amp;Einstellungen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="220"/>
        <source>Einstellungen gespeichert.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="222"/>
        <source>Die neue Sprache gilt ab dem nächsten Start.</source>
        <translation>The new language applies from the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="226"/>
        <source>E&amp;xtras</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="59"/>
        <source>Die Vorschau ist nicht verfügbar (pypdfium2 fehlt). „PDF exportieren…“ funktioniert trotzdem.</source>
        <translation>The preview is not available (pypdfium2 is missing). “Export PDF…” still works.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="86"/>
        <source>Der Drucker konnte nicht angesprochen werden.</source>
        <translation>The printer could not be reached.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="104"/>
        <location filename="../../ui/preview.py" line="163"/>
        <source>Drucken</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="118"/>
        <location filename="../../ui/preview.py" line="201"/>
        <location filename="../../ui/preview.py" line="211"/>
        <location filename="../../ui/preview.py" line="214"/>
        <source>Vorschau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="123"/>
        <source>Seiten der Vereinbarung</source>
        <translation>Pages of the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="132"/>
        <source>Seite {0}</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="139"/>
        <source>{0} Seiten</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="141"/>
        <source>&amp;Drucken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="142"/>
        <source>&amp;Speichern…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="157"/>
        <source>Kooperationsvereinbarung</source>
        <translation>Cooperation agreement</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="165"/>
        <source>{0} Seiten an den Drucker gegeben.</source>
        <translation>{0} pages sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="177"/>
        <location filename="../../ui/preview.py" line="180"/>
        <location filename="../../ui/preview.py" line="184"/>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="183"/>
        <source>Die Datei konnte nicht gespeichert werden:
{0}</source>
        <translation>The file could not be saved:
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="188"/>
        <source>Gespeichert: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="226"/>
        <source>&amp;Vorschau und Drucken…</source>
        <translation>Pre&amp;view and print…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/i18n.py" line="45"/>
        <source>Kooperation Desktop – Kooperationsvereinbarungen</source>
        <translation>Kooperation Desktop – cooperation agreements</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="46"/>
        <source>&amp;Suchen:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="47"/>
        <source>Suchen: Name, Aktenzeichen …</source>
        <translation>Search: name, file number …</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="48"/>
        <source>Fälle suchen</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="49"/>
        <source>Keine Treffer</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="49"/>
        <source>Fälle</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="50"/>
        <source>&amp;Neuer Fall…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="51"/>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="52"/>
        <source>&amp;Vereinbarung bearbeiten…</source>
        <translation>&amp;Edit agreement…</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53"/>
        <source>Vereinbarung bearbeiten</source>
        <translation>Edit agreement</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="54"/>
        <source>&amp;PDF exportieren…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55"/>
        <source>PDF exportieren</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="56"/>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="57"/>
        <source>&amp;Fall</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="58"/>
        <source>Alle Daten bleiben auf diesem Gerät.</source>
        <translation>All data stays on this device.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="59"/>
        <source>Einverständnisse</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="60"/>
        <source>Beteiligte</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="61"/>
        <source>Vereinbarungen</source>
        <translation>Agreements</translation>
    </message>
</context>
</TS>

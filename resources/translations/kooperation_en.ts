<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/family_view.py" line="83"/>
        <location filename="../../ui/family_view.py" line="84"/>
        <location filename="../../ui/family_view.py" line="260"/>
        <location filename="../../ui/family_view.py" line="265"/>
        <source>Ansicht für die Familie</source>
        <translation>Family view</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="103"/>
        <source>F11: ganzer Bildschirm · Esc: schließen</source>
        <translation>F11: full screen · Esc: close</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="105"/>
        <source>&amp;Ganzer Bildschirm</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="106"/>
        <source>Ganzer Bildschirm ein oder aus</source>
        <translation>Full screen on or off</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="108"/>
        <source>&amp;Schließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="109"/>
        <location filename="../../ui/preview.py" line="145"/>
        <location filename="../../ui/welcome.py" line="59"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="161"/>
        <source>Unsere Vereinbarung</source>
        <translation>Our agreement</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="168"/>
        <source>Die deutsche Fassung ist verbindlich.</source>
        <translation>The German version is binding.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="172"/>
        <source>Das wollen wir erreichen</source>
        <translation>What we want to achieve</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="174"/>
        <source>Die Ziele sind noch nicht eingetragen.</source>
        <translation>The goals have not been entered yet.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="178"/>
        <source>Wer macht was bis wann?</source>
        <translation>Who does what, and by when?</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="180"/>
        <source>Die Aufgaben sind noch nicht eingetragen.</source>
        <translation>The tasks have not been entered yet.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="203"/>
        <source>Wann sehen wir uns?</source>
        <translation>When do we meet?</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="207"/>
        <source>Der nächste Termin ist noch nicht vereinbart.</source>
        <translation>The next meeting has not been arranged yet.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="260"/>
        <source>Bitte zuerst einen Fall auswählen.</source>
        <translation>Please select a case first.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="264"/>
        <location filename="../../ui/preview.py" line="212"/>
        <source>Für diesen Fall gibt es noch keine Vereinbarung.</source>
        <translation>There is no agreement for this case yet.</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="250"/>
        <source>Ansicht für die &amp;Familie…</source>
        <translation>&amp;Family view…</translation>
    </message>
    <message>
        <location filename="../../ui/family_view.py" line="252"/>
        <source>Die Vereinbarung in großer Schrift zeigen, zum Anschauen mit der Familie</source>
        <translation>Show the agreement in large type, to look at it together with the family</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="136"/>
        <location filename="../../ui/settings.py" line="270"/>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="143"/>
        <source>z. B. Familienhilfe Lindenhof e. V.</source>
        <translation>e.g. Familienhilfe Lindenhof e. V.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="145"/>
        <source>z. B. Musterstadt</source>
        <translation>e.g. Musterstadt</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="148"/>
        <source> Minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="149"/>
        <source>nie sperren</source>
        <translation>never lock</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="158"/>
        <source> Jahre</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="162"/>
        <source> Tage vorher</source>
        <translation> days before</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="164"/>
        <source>„Bericht fällig“ erscheint so viele Tage vor dem nächsten Hilfeplangespräch.</source>
        <translation>“Report due” appears so many days before the next help-plan meeting.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="167"/>
        <source>&amp;Träger (Organisation):</source>
        <translation>&amp;Provider (organisation):</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="167"/>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="168"/>
        <source>Standard-&amp;Ort:</source>
        <translation>Default &amp;place:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="168"/>
        <source>Standard-Ort</source>
        <translation>Default place</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="170"/>
        <source>&amp;Sperren nach:</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="170"/>
        <source>Programm sperren nach Minuten ohne Eingabe</source>
        <translation>Lock the program after minutes without input</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="169"/>
        <source>S&amp;prache:</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="169"/>
        <source>Sprache der Oberfläche</source>
        <translation>Language of the user interface</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="171"/>
        <source>&amp;Aufbewahren:</source>
        <translation>&amp;Keep for:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="171"/>
        <source>Abgeschlossene Fälle aufbewahren, Jahre</source>
        <translation>Keep closed cases, years</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="172"/>
        <source>&amp;Bericht fällig:</source>
        <translation>&amp;Report due:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="172"/>
        <source>Bericht an das Jugendamt fällig, Tage vor dem Hilfeplangespräch</source>
        <translation>Report to the youth office due, days before the help-plan meeting</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="181"/>
        <source>Die Sprache gilt ab dem nächsten Start des Programms. Abgeschlossene Fälle werden nach der Aufbewahrungsfrist zum Löschen vorgeschlagen.</source>
        <translation>The language applies from the next start of the program. Closed cases are proposed for deletion after the retention period.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="188"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="189"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="254"/>
        <source>&amp;Einstellungen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="276"/>
        <source>Einstellungen gespeichert.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="278"/>
        <source>Die neue Sprache gilt ab dem nächsten Start.</source>
        <translation>The new language applies from the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="258"/>
        <source>E&amp;xtras</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="61"/>
        <source>Die Vorschau ist nicht verfügbar (pypdfium2 fehlt). „PDF exportieren…“ funktioniert trotzdem.</source>
        <translation>The preview is not available (pypdfium2 is missing). “Export PDF…” still works.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="88"/>
        <source>Der Drucker konnte nicht angesprochen werden.</source>
        <translation>The printer could not be reached.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="106"/>
        <location filename="../../ui/preview.py" line="173"/>
        <source>Drucken</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="120"/>
        <location filename="../../ui/preview.py" line="212"/>
        <location filename="../../ui/preview.py" line="220"/>
        <location filename="../../ui/preview.py" line="223"/>
        <source>Vorschau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="125"/>
        <source>Seiten der Vereinbarung</source>
        <translation>Pages of the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="134"/>
        <source>Seite {0}</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="141"/>
        <source>{0} Seiten</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="143"/>
        <source>&amp;Drucken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="144"/>
        <source>&amp;Speichern…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="163"/>
        <source>Kooperationsvereinbarung</source>
        <translation>Cooperation agreement</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="175"/>
        <source>{0} Seiten an den Drucker gegeben.</source>
        <translation>{0} pages sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="181"/>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="184"/>
        <source>Gespeichert: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="198"/>
        <source>Vorschau und &amp;Drucken…</source>
        <translation>Pre&amp;view and print…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="50"/>
        <location filename="../../ui/welcome.py" line="55"/>
        <source>Hilfe</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="72"/>
        <source>&lt;h2&gt;Willkommen bei Kooperation Desktop&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Welcome to Kooperation Desktop&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="74"/>
        <source>Hier schreiben Sie mit einer Familie ihre Kooperationsvereinbarung: Ziele in ihren Worten, woran alle den Fortschritt merken und wer was bis wann tut. Alle Daten bleiben verschlüsselt auf diesem Gerät.</source>
        <translation>Here you write a cooperation agreement together with a family: goals in their own words, how everyone will notice progress, and who does what by when. All data stays encrypted on this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="93"/>
        <source>Neuen Fall &amp;anlegen…</source>
        <translation>Create a ne&amp;w case…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="94"/>
        <location filename="../../ui/welcome.py" line="128"/>
        <source>&amp;Beispiel ansehen</source>
        <translation>See an e&amp;xample</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="95"/>
        <location filename="../../ui/welcome.py" line="129"/>
        <source>Beispiel entfe&amp;rnen</source>
        <translation>&amp;Remove the example</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="96"/>
        <source>Hilfe &amp;lesen</source>
        <translation>Read the he&amp;lp</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="101"/>
        <source>Name der Familie, Aktenzeichen und Hilfeart – danach führt das Programm Schritt für Schritt durch die Vereinbarung.</source>
        <translation>The family&apos;s name, file number and type of help – then the program guides you step by step through the agreement.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="103"/>
        <source>Legt eine erfundene Familie mit einer fertigen Vereinbarung an, zum Ausprobieren. Sie ist als „Beispiel (erfunden)“ gekennzeichnet.</source>
        <translation>Creates an invented family with a finished agreement, to try things out. It is marked “Beispiel (erfunden)” (example, invented).</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="105"/>
        <source>Löscht das Beispiel wieder – nur das Beispiel, keinen echten Fall.</source>
        <translation>Deletes the example again – only the example, never a real case.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="106"/>
        <source>Wie eine Vereinbarung entsteht, die zehn Bedingungen gelingender Kooperation, Drucken und Unterschreiben, Datenschutz.</source>
        <translation>How an agreement comes about, the ten conditions of successful cooperation, printing and signing, data protection.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="125"/>
        <source>&amp;Hilfe lesen…</source>
        <translation>Read the &amp;help…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="127"/>
        <source>&amp;Willkommen und erste Schritte</source>
        <translation>&amp;Welcome and first steps</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="130"/>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="155"/>
        <source>Beispiel ansehen</source>
        <translation>See an example</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="159"/>
        <source>Beispiel „{title}“ angelegt – alle Angaben sind erfunden.</source>
        <translation>Example “{title}” created – everything in it is invented.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="160"/>
        <source>Das Beispiel ist schon da.</source>
        <translation>The example is already there.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="169"/>
        <source>Beispiel entfernt.</source>
        <translation>Example removed.</translation>
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
        <location filename="../../ui/i18n.py" line="50"/>
        <source>Fälle</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="51"/>
        <source>&amp;Neuer Fall…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="52"/>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53"/>
        <source>&amp;Vereinbarung bearbeiten…</source>
        <translation>&amp;Edit agreement…</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="54"/>
        <source>Vereinbarung bearbeiten</source>
        <translation>Edit agreement</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55"/>
        <source>&amp;PDF exportieren…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="56"/>
        <source>PDF exportieren</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="57"/>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="58"/>
        <source>&amp;Fall</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="59"/>
        <source>Alle Daten bleiben auf diesem Gerät.</source>
        <translation>All data stays on this device.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="60"/>
        <source>Einverständnisse</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="61"/>
        <source>Beteiligte</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="62"/>
        <source>Vereinbarungen</source>
        <translation>Agreements</translation>
    </message>
</context>
</TS>

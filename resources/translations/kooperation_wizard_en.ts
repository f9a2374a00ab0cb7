<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>AgreementWizard</name>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="65"/>
        <source>Kooperationsvereinbarung – %1</source>
        <translation>Cooperation agreement – %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="68"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="71"/>
        <source>&amp;Schließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="74"/>
        <source>Schließen: Alles Eingegebene ist schon gespeichert. Beim nächsten Öffnen geht es hier weiter.</source>
        <translation>Close: everything you entered is already saved. Next time the wizard opens here.</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/case_view.py" line="65"/>
        <source>Hilfe und Zusammenarbeit (allgemein)</source>
        <translation>Help and cooperation (general)</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="86"/>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="87"/>
        <source>Für wen</source>
        <translation>For whom</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="88"/>
        <source>Seit</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="89"/>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="90"/>
        <source>Widerrufen</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="91"/>
        <source>Welche Informationen</source>
        <translation>Which information</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="96"/>
        <location filename="../../ui/case_view.py" line="102"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="97"/>
        <source>Rolle in der Familie</source>
        <translation>Role in the family</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="98"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="99"/>
        <source>Personensorge</source>
        <translation>Parental custody</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="103"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="104"/>
        <source>Einrichtung</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="105"/>
        <source>Funktion</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="106"/>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="109"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="110"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="111"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="112"/>
        <source>Dokument</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="509"/>
        <source>Prüfsumme: %1</source>
        <translation>Checksum: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="343"/>
        <location filename="../../ui/case_view.py" line="474"/>
        <source>Kein Fall ausgewählt</source>
        <translation>No case selected</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="345"/>
        <location filename="../../ui/case_view.py" line="475"/>
        <source>Links einen Fall auswählen oder mit „Neuer Fall…“ anlegen.</source>
        <translation>Select a case on the left or create one with “New case…”.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="354"/>
        <source>Bereiche des Falls</source>
        <translation>Parts of the case</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="358"/>
        <source>Partner &amp;&amp; Einverständnisse</source>
        <translation>Partners &amp;&amp; consents</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="358"/>
        <source>Vereinbarung</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="359"/>
        <source>Verlauf</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="375"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="376"/>
        <location filename="../../ui/case_view.py" line="385"/>
        <source>Kooperationspartner</source>
        <translation>Cooperation partners</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="377"/>
        <location filename="../../ui/case_view.py" line="387"/>
        <source>Einverständnisse</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="378"/>
        <location filename="../../ui/case_view.py" line="389"/>
        <source>Vereinbarungen</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="358"/>
        <location filename="../../ui/case_view.py" line="382"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="382"/>
        <source>Noch niemand aus der Familie erfasst – das geht im Schritt „Beteiligte“ der Vereinbarung.</source>
        <translation>Nobody from the family recorded yet – that is done in the step “Participants” of the agreement.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="386"/>
        <source>Noch keine Kooperationspartner – sie werden im Schritt „Beteiligte“ erfasst.</source>
        <translation>No cooperation partners yet – they are recorded in the step “Participants”.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="388"/>
        <source>Noch keine Einverständnisse – sie werden im Schritt „Einverständnis“ erfasst.</source>
        <translation>No consents yet – they are recorded in the step “Consent”.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="390"/>
        <source>Noch keine Vereinbarung – mit „Vereinbarung bearbeiten…“ beginnen.</source>
        <translation>No agreement yet – start with “Edit agreement…”.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="404"/>
        <source>De&amp;tails…</source>
        <translation>Det&amp;ails…</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="405"/>
        <location filename="../../ui/case_view.py" line="455"/>
        <source>Details der Version</source>
        <translation>Details of the version</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="406"/>
        <source>Dokumentnummer und Prüfsumme der ausgewählten Version</source>
        <translation>Document number and checksum of the selected version</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="448"/>
        <source>Version %1 · Dokument %2
Prüfsumme (SHA-256) des Inhalts:
%3</source>
        <translation>Version %1 · document %2
Checksum (SHA-256) of the content:
%3</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="458"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="482"/>
        <source>Aktenzeichen: %1</source>
        <translation>File number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="485"/>
        <source>Ohne Aktenzeichen und Hilfeart</source>
        <translation>No file number or type of help</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="488"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="488"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>CommunicationPage</name>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="19"/>
        <source>Wann treffen wir uns? Wer gibt wem Rückmeldung? Wer schreibt welchen Bericht an wen?</source>
        <translation>When do we meet? Who gives feedback to whom? Who writes which report for whom?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="22"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="24"/>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="24"/>
        <source>Was? z. B. Gemeinsames Treffen</source>
        <translation>What? e.g. joint meeting</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="26"/>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="26"/>
        <source>z. B. Familie, Fachkraft</source>
        <translation>e.g. family, social worker</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="27"/>
        <source>An wen</source>
        <translation>To whom</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="27"/>
        <source>z. B. Jugendamt</source>
        <translation>e.g. youth office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="28"/>
        <source>Rhythmus</source>
        <translation>How often</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="28"/>
        <source>z. B. alle zwei Wochen</source>
        <translation>e.g. every two weeks</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="29"/>
        <source>Nächster Termin</source>
        <translation>Next date</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="32"/>
        <source>&amp;Absprache hinzufügen</source>
        <translation>&amp;Add arrangement</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="33"/>
        <source>Absprache</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_communication.py" line="34"/>
        <source>Noch keine Absprache.</source>
        <translation>No arrangement yet.</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="79"/>
        <source>&amp;Text der Einverständniserklärung (bitte mit der Familie lesen):</source>
        <translation>&amp;Text of the declaration of consent (please read it with the family):</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="84"/>
        <source>Text der Einverständniserklärung</source>
        <translation>Text of the declaration of consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="90"/>
        <source>Wer erklärt das Einverständnis – wann und wie?</source>
        <translation>Who gives consent – when and how?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="93"/>
        <source>Wer erklärt das Einverständnis</source>
        <translation>Who gives consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="95"/>
        <source>Datum des Einverständnisses</source>
        <translation>Date of consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="98"/>
        <source>Form des Einverständnisses</source>
        <translation>Form of consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="99"/>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="102"/>
        <source>Erklärt &amp;von:</source>
        <translation>Given b&amp;y:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="102"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="103"/>
        <source>F&amp;orm:</source>
        <translation>F&amp;orm:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="109"/>
        <source>Einverständnis zur Hilfe und zur Zusammenarbeit</source>
        <translation>Consent to the help and to cooperation</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="112"/>
        <source>Die Familie ist mit der Hilfe und der Zusammenarbeit von Jugendamt und Fachkraft einverstanden.</source>
        <translation>The family agrees to the help and to the youth office and the social worker working together.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="113"/>
        <source>Allgemeines Einverständnis</source>
        <translation>General consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="120"/>
        <source>Einverständnis für weitere Personen und Stellen (Schweigepflichtentbindung)</source>
        <translation>Consent for other people and services (release from confidentiality)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="123"/>
        <source>Nur wer hier angekreuzt ist, bekommt Aufgaben oder Informationen. Ohne „Inhalte dieser Vereinbarung“ erscheint die Stelle nicht in der Vereinbarung.</source>
        <translation>Only those ticked here get tasks or information. Without “Contents of this agreement” they do not appear in the agreement.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="129"/>
        <source>Es sind keine weiteren Personen oder Stellen eingetragen (Schritt „Beteiligte“).</source>
        <translation>No other people or services have been entered (step “Participants”).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="136"/>
        <source>Einverständnis &amp;erfassen</source>
        <translation>&amp;Record consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="137"/>
        <source>Einverständnis erfassen</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="143"/>
        <source>Bereits erfasst</source>
        <translation>Already recorded</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="145"/>
        <source>Bereits erfasste Einverständnisse</source>
        <translation>Consents already recorded</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="150"/>
        <source>Widerr&amp;ufen…</source>
        <translation>Re&amp;voke…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="151"/>
        <source>Ausgewähltes Einverständnis widerrufen</source>
        <translation>Revoke the selected consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="164"/>
        <source>Fassung %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="170"/>
        <source> (sorgeberechtigt)</source>
        <translation> (has custody)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="177"/>
        <source>Liegt vor seit %1, erklärt von %2 (%3).</source>
        <translation>Given on %1 by %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="180"/>
        <source>Noch nicht erfasst.</source>
        <translation>Not recorded yet.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="216"/>
        <source>Angekreuzte Einverständnisse sind noch nicht erfasst: bitte „Einverständnis erfassen“ klicken oder das Häkchen entfernen.</source>
        <translation>Ticked consents are not recorded yet: please click “Record consent” or remove the tick.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="223"/>
        <source>Bitte zuerst ankreuzen, womit die Familie einverstanden ist.</source>
        <translation>Please first tick what the family agrees to.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="228"/>
        <source>Bitte zuerst im Schritt „Beteiligte“ eine Person der Familie eintragen.</source>
        <translation>Please first enter a family member in the step “Participants”.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="232"/>
        <source>Bitte das Datum des Einverständnisses eintragen.</source>
        <translation>Please enter the date of consent.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="237"/>
        <source>Bitte angeben, in welcher Form die Familie ihr Einverständnis gegeben hat.</source>
        <translation>Please say in which form the family gave consent.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="267"/>
        <source>Bitte in der Liste das Einverständnis auswählen, das widerrufen wird.</source>
        <translation>Please select the consent to revoke in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="271"/>
        <source>Dieses Einverständnis ist bereits widerrufen.</source>
        <translation>This consent has already been revoked.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="280"/>
        <source>Nicht widerrufen: </source>
        <translation>Not revoked: </translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="283"/>
        <source>Einverständnis widerrufen am %1.</source>
        <translation>Consent revoked on %1.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../ui/widgets.py" line="49"/>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="258"/>
        <source>Datum als TT.MM.JJJJ, z. B. 01.03.2027; leer lassen, wenn es keins gibt.</source>
        <translation>Date as DD.MM.YYYY, e.g. 01.03.2027; leave empty if there is none.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="308"/>
        <source>„%1“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 01.03.2027.</source>
        <translation>“%1” is not a valid date. Please enter it as DD.MM.YYYY, e.g. 01.03.2027.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="58"/>
        <source>PDF speichern</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="59"/>
        <source>PDF-Dokumente (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="72"/>
        <source>Nicht möglich</source>
        <translation>Not possible</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="77"/>
        <source>Nicht gespeicherte Eingaben</source>
        <translation>Unsaved input</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="78"/>
        <source>Diese Eingaben konnten nicht gespeichert werden:

%1

Trotzdem schließen? Die Eingaben gehen dann verloren.</source>
        <translation>This input could not be saved:

%1

Close anyway? The input will be lost.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="82"/>
        <source>Weiter bearbeiten</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="84"/>
        <source>Verwerfen und schließen</source>
        <translation>Discard and close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="93"/>
        <source>Neue Version anlegen?</source>
        <translation>Create a new version?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="94"/>
        <source>Version %1 ist abgeschlossen und bleibt unverändert.

Für Änderungen wird eine neue Version (Entwurf) angelegt. Jetzt anlegen?</source>
        <translation>Version %1 is finalised and stays unchanged.

Changes go into a new version (draft). Create it now?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="98"/>
        <source>Neue Version anlegen</source>
        <translation>Create new version</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="100"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="109"/>
        <source>Vereinbarung abschließen?</source>
        <translation>Finalise the agreement?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="110"/>
        <source>Version %1 wird jetzt eingefroren:

• Sie kann danach nicht mehr geändert werden; sie bekommt eine Prüfsumme, an der jede spätere Änderung zu erkennen ist.
• Danach wird sie gedruckt und von allen unterschrieben.
• Für spätere Änderungen wird eine neue Version angelegt; diese bleibt erhalten.

Jetzt abschließen?</source>
        <translation>Version %1 is now frozen:

• It can no longer be changed; it gets a checksum that reveals any later change.
• Then it is printed and signed by everyone.
• Later changes go into a new version; this one is kept.

Finalise now?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="117"/>
        <source>Abschließen</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="118"/>
        <source>Noch nicht</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="131"/>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>EntityName</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="55"/>
        <source>ohne Namen</source>
        <translation>no name</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="56"/>
        <source>ohne Text</source>
        <translation>no text</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="58"/>
        <source>Person „%1“</source>
        <translation>Person “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="60"/>
        <source>„%1“</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="62"/>
        <source>Ziel „%1“</source>
        <translation>Goal “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="64"/>
        <source>Indikator „%1“</source>
        <translation>Indicator “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="67"/>
        <source>Aufgabe „%1“</source>
        <translation>Task “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="69"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="71"/>
        <source>Absprache „%1“</source>
        <translation>Arrangement “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="72"/>
        <source>Einverständnis</source>
        <translation>Consent</translation>
    </message>
</context>
<context>
    <name>ErrorLabel</name>
    <message>
        <location filename="../../ui/widgets.py" line="60"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="17"/>
        <source>Links steht, was die Familie sagt – so, wie sie es sagt. Rechts die fachliche Formulierung für Hilfeplan und Jugendamt.</source>
        <translation>On the left, what the family says – the way they say it. On the right, the professional wording for the care plan and the youth office.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="21"/>
        <source>In den Worten der Familie</source>
        <translation>In the family&apos;s own words</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="22"/>
        <source>z. B. „Wir wollen morgens ohne Streit aus dem Haus kommen.“</source>
        <translation>e.g. “We want to leave the house in the morning without a fight.”</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="24"/>
        <source>Fachlich formuliert</source>
        <translation>Professional wording</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="25"/>
        <source>z. B. Die Familie hat eine verlässliche Morgenroutine.</source>
        <translation>e.g. The family has a reliable morning routine.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="28"/>
        <source>Ziel &amp;hinzufügen</source>
        <translation>Add &amp;goal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="29"/>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="30"/>
        <source>Noch kein Ziel formuliert.</source>
        <translation>No goal yet.</translation>
    </message>
</context>
<context>
    <name>IndicatorBox</name>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="61"/>
        <source>Indikator %1</source>
        <translation>Indicator %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="66"/>
        <source>Was kann man beobachten? z. B. „Lena ist an 4 von 5 Tagen pünktlich in der Schule.“</source>
        <translation>What can be observed? e.g. “Lena is at school on time on 4 out of 5 days.”</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="68"/>
        <source>Beschreibung, Indikator %1</source>
        <translation>Description, indicator %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="73"/>
        <source>Skala, Indikator %1</source>
        <translation>Scale, indicator %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="81"/>
        <source>Stufe %1, Indikator %2</source>
        <translation>Level %1, indicator %2</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="82"/>
        <source>Wie sieht das aus?</source>
        <translation>What does that look like?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="90"/>
        <source>Ausgangswert, Indikator %1</source>
        <translation>Baseline, indicator %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="92"/>
        <source>Zielwert, Indikator %1</source>
        <translation>Target, indicator %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="98"/>
        <source>&amp;Ausgangswert (heute):</source>
        <translation>Base&amp;line (today):</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="100"/>
        <source>Zielwer&amp;t:</source>
        <translation>&amp;Target:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="108"/>
        <source>Indikator entfernen</source>
        <translation>Remove indicator</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="109"/>
        <source>Indikator %1 entfernen</source>
        <translation>Remove indicator %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="112"/>
        <source>&amp;Beschreibung (beobachtbar):</source>
        <translation>&amp;Description (observable):</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="114"/>
        <source>&amp;Skala:</source>
        <translation>&amp;Scale:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="118"/>
        <source>Stufen:</source>
        <translation>Levels:</translation>
    </message>
</context>
<context>
    <name>IndicatorsPage</name>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="162"/>
        <source>Woran merken alle, dass es besser wird? Beschreiben Sie etwas, das man sehen oder zählen kann, und wo die Familie heute steht (Ausgangswert).</source>
        <translation>How will everyone notice that things are getting better? Describe something that can be seen or counted, and where the family stands today (baseline).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="165"/>
        <source>Zi&amp;el:</source>
        <translation>&amp;Goal:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="167"/>
        <source>Ziel auswählen</source>
        <translation>Choose goal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="181"/>
        <source>&amp;Indikator hinzufügen</source>
        <translation>&amp;Add indicator</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="182"/>
        <source>Indikator hinzufügen</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="196"/>
        <source>Ziel %1: %2</source>
        <translation>Goal %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="194"/>
        <source>(ohne Text)</source>
        <translation>(no text)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="219"/>
        <source>Bitte zuerst im Schritt „Ziele“ ein Ziel formulieren.</source>
        <translation>Please first write a goal in the step “Goals”.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="221"/>
        <source>In den Worten der Familie: %1</source>
        <translation>In the family&apos;s words: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="223"/>
        <source>Fachlich: %1</source>
        <translation>Professional wording: %1</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="200"/>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="205"/>
        <source>z. B. Familie Çelik</source>
        <translation>e.g. Çelik family</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="206"/>
        <source>Bezeichnung des Falls</source>
        <translation>Name of the case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="209"/>
        <source>z. B. 51.2-2026-0142</source>
        <translation>e.g. 51.2-2026-0142</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="210"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="217"/>
        <source>Hilfeart wählen oder eintragen</source>
        <translation>Choose or enter the type of help</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="218"/>
        <source>Hilfeart</source>
        <translation>Type of help</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="219"/>
        <source>&amp;Bezeichnung:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="221"/>
        <source>&amp;Aktenzeichen:</source>
        <translation>&amp;File number:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="223"/>
        <source>&amp;Hilfeart:</source>
        <translation>&amp;Type of help:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="234"/>
        <source>Fall anlegen</source>
        <translation>Create case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="242"/>
        <source>Bitte eine Bezeichnung eintragen, z. B. „Familie Çelik“.</source>
        <translation>Please enter a name, e.g. “Çelik family”.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="60"/>
        <location filename="../../ui/wizard/page_overview.py" line="66"/>
        <source>Was noch fehlt</source>
        <translation>What is still missing</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="63"/>
        <source>Ein Klick (oder Enter) auf einen Punkt führt zum Schritt und Feld, wo er fehlt.</source>
        <translation>Click an item (or press Enter) to go to the step and field where it is missing.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="80"/>
        <source>Mit „Vereinbarung abschließen“ wird diese Version eingefroren: Sie bekommt eine Prüfsumme und kann nicht mehr geändert werden. Änderungen ergeben später eine neue Version.</source>
        <translation>“Finalise agreement” freezes this version: it gets a checksum and can no longer be changed. Later changes make a new version.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="84"/>
        <source>Vereinbarung &amp;abschließen</source>
        <translation>&amp;Finalise agreement</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="85"/>
        <source>Vereinbarung abschließen</source>
        <translation>Finalise agreement</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="86"/>
        <source>&amp;PDF speichern…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="87"/>
        <source>PDF speichern</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="102"/>
        <source>Nächste Schritte:</source>
        <translation>Next steps:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="103"/>
        <source>1. &amp;Vorschau &amp;&amp; drucken…</source>
        <translation>1. &amp;Preview &amp;&amp; print…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="104"/>
        <source>Vorschau und drucken</source>
        <translation>Preview and print</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="107"/>
        <source>2. &amp;Unterschreiben…</source>
        <translation>2. &amp;Sign…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="108"/>
        <source>Unterschreiben</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="120"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="122"/>
        <source>Dokument %1</source>
        <translation>Document %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="124"/>
        <source>abgeschlossen am %1</source>
        <translation>finalised on %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="135"/>
        <source>Zum Feld springen</source>
        <translation>Go to the field</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="142"/>
        <source>Diese Version ist abgeschlossen. Prüfsumme (SHA-256): %1…</source>
        <translation>This version is finalised. Checksum (SHA-256): %1…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="147"/>
        <source>Alles Nötige ist eingetragen. Die Vereinbarung kann abgeschlossen werden.</source>
        <translation>Everything needed has been entered. The agreement can be finalised.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="153"/>
        <source>Erst möglich, wenn nichts mehr fehlt.</source>
        <translation>Only possible when nothing is missing.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="153"/>
        <source>Diese Version einfrieren.</source>
        <translation>Freeze this version.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="192"/>
        <source>Die Datei konnte nicht gespeichert werden: %1</source>
        <translation>The file could not be saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="196"/>
        <source>PDF gespeichert: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="16"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="17"/>
        <source>Vor- und Nachname</source>
        <translation>First and last name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="18"/>
        <source>Einrichtung</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="19"/>
        <source>Funktion</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="20"/>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="21"/>
        <source>Telefon, E-Mail</source>
        <translation>Phone, email</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="28"/>
        <source>Wer hilft der Familie schon? (Verwandte, Nachbarn, Verein …)</source>
        <translation>Who already helps the family? (relatives, neighbours, clubs …)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="29"/>
        <source>Menschen aus dem Umfeld der Familie. Mit ihnen arbeiten wir nur, wenn die Familie im nächsten Schritt einverstanden ist.</source>
        <translation>People around the family. We only work with them if the family agrees in the next step.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="32"/>
        <source>&amp;Helfende Person hinzufügen</source>
        <translation>Add &amp;helper</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="33"/>
        <source>Verein (falls vorhanden)</source>
        <translation>Club (if any)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="34"/>
        <source>z. B. Oma, Nachbarin</source>
        <translation>e.g. grandma, neighbour</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="35"/>
        <source>Wer hilft der Familie schon</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="36"/>
        <location filename="../../ui/wizard/page_participants.py" line="41"/>
        <source>Jugendamt</source>
        <translation>Youth office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="37"/>
        <source>Das Jugendamt, das die Hilfe beauftragt.</source>
        <translation>The youth office that commissions the help.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="38"/>
        <source>&amp;Jugendamt hinzufügen</source>
        <translation>Add &amp;youth office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="39"/>
        <source>z. B. Jugendamt Musterstadt</source>
        <translation>e.g. Youth Office Musterstadt</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="40"/>
        <source>z. B. Fallführung ASD</source>
        <translation>e.g. case manager, social services</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="42"/>
        <location filename="../../ui/wizard/page_participants.py" line="47"/>
        <source>Fachkraft</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="43"/>
        <source>Die Fachkraft des Trägers, die die Hilfe leistet.</source>
        <translation>The social worker of the provider who delivers the help.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="44"/>
        <source>&amp;Fachkraft hinzufügen</source>
        <translation>Add social &amp;worker</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="45"/>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="46"/>
        <source>z. B. Familienhelferin</source>
        <translation>e.g. family support worker</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="49"/>
        <source>Weitere Fachstellen (Schule, Kita, Ärztin, Beratung …)</source>
        <translation>Other services (school, nursery, doctor, counselling …)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="50"/>
        <source>Auch für Fachstellen braucht es das Einverständnis der Familie.</source>
        <translation>Other services also need the family&apos;s consent.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="51"/>
        <source>Weitere Fach&amp;stelle hinzufügen</source>
        <translation>Add other &amp;service</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="52"/>
        <source>z. B. Grundschule am Park</source>
        <translation>e.g. Park Primary School</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="53"/>
        <source>z. B. Klassenlehrerin</source>
        <translation>e.g. class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="54"/>
        <source>Weitere Fachstellen</source>
        <translation>Other service</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="62"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="64"/>
        <source>Wer gehört zur Familie? Kinder, Eltern und alle, die im Haushalt leben.</source>
        <translation>Who belongs to the family? Children, parents and everyone living in the household.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="67"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="68"/>
        <source>Nachname</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="69"/>
        <source>Rolle in der Familie</source>
        <translation>Role in the family</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="70"/>
        <source>z. B. Mutter, Sohn</source>
        <translation>e.g. mother, son</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="71"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="72"/>
        <source>Sorge-
berechtigt</source>
        <translation>Has
custody</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="73"/>
        <source>personensorgeberechtigt</source>
        <translation>has parental custody</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="76"/>
        <source>&amp;Person hinzufügen</source>
        <translation>&amp;Add person</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="77"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="78"/>
        <source>Noch keine Person eingetragen.</source>
        <translation>No person entered yet.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="98"/>
        <source>Noch niemand eingetragen.</source>
        <translation>Nobody entered yet.</translation>
    </message>
</context>
<context>
    <name>PartnerConsentRow</name>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="44"/>
        <source>Einverständnis für %1 (%2)</source>
        <translation>Consent for %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="44"/>
        <source>ohne Namen</source>
        <translation>no name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="47"/>
        <source> – liegt vor seit %1</source>
        <translation> – given on %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="49"/>
        <source>Einverständnis für %1</source>
        <translation>Consent for %1</translation>
    </message>
</context>
<context>
    <name>ReadabilityIndicator</name>
    <message>
        <location filename="../../ui/readability.py" line="99"/>
        <source>leicht</source>
        <translation>easy</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="99"/>
        <source>mittel</source>
        <translation>medium</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="99"/>
        <source>schwer</source>
        <translation>hard</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="116"/>
        <source>Lesbarkeit: %1</source>
        <translation>Readability: %1</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="126"/>
        <source>Leicht zu lesen.</source>
        <translation>Easy to read.</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="127"/>
        <source>Mittelschwer zu lesen.</source>
        <translation>Fairly hard to read.</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="128"/>
        <source>Schwer zu lesen.</source>
        <translation>Hard to read.</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="132"/>
        <source>Lesbarkeit nach Amstad: %1 von 100 (ab 70 leicht); Wiener Sachtextformel: %2.</source>
        <translation>Amstad reading ease: %1 of 100 (easy from 70); Wiener Sachtextformel: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="135"/>
        <source>Kurzer Text: Die Stufe folgt den Hinweisen, nicht der Zahl.</source>
        <translation>Short text: the level follows the hints, not the figure.</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="141"/>
        <source>Schwierigster Satz: „%1“</source>
        <translation>Hardest sentence: “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="144"/>
        <source>Langer Satz: %1 Wörter. Besser kürzere Sätze.</source>
        <translation>Long sentence: %1 words. Shorter sentences are better.</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="146"/>
        <source>„%1“</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="147"/>
        <source>Lange Wörter: %1. Kürzere Wörter sind leichter.</source>
        <translation>Long words: %1. Shorter words are easier.</translation>
    </message>
    <message>
        <location filename="../../ui/readability.py" line="149"/>
        <source>Passiv: Besser sagen, wer etwas tut.</source>
        <translation>Passive: better say who does something.</translation>
    </message>
</context>
<context>
    <name>RevocationDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="145"/>
        <source>Einverständnis widerrufen</source>
        <translation>Revoke consent</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="147"/>
        <source>Widerruf des Einverständnisses: %1</source>
        <translation>Revocation of consent: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Widerrufen am</source>
        <translation>Revoked on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="154"/>
        <source>Bemerkung zum Widerruf</source>
        <translation>Note on the revocation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="155"/>
        <source>z. B. telefonisch erklärt</source>
        <translation>e.g. said on the phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="156"/>
        <source>Widerrufen &amp;am:</source>
        <translation>Revoked &amp;on:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="158"/>
        <source>&amp;Bemerkung:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="163"/>
        <source>Der Widerruf gilt ab diesem Tag. Aufgaben und Rollen dieser Stelle werden in der Vereinbarung markiert.</source>
        <translation>The revocation applies from this day. Tasks and roles of this party are marked in the agreement.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>Widerrufen</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="171"/>
        <source>Bitte das Datum des Widerrufs eintragen.</source>
        <translation>Please enter the date of the revocation.</translation>
    </message>
</context>
<context>
    <name>RowEditor</name>
    <message>
        <location filename="../../ui/widgets.py" line="388"/>
        <source>Hinzufügen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="389"/>
        <source>Eintrag</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="390"/>
        <source>Noch keine Einträge.</source>
        <translation>No entries yet.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="562"/>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="563"/>
        <source>%1 %2 entfernen</source>
        <translation>Remove %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="737"/>
        <source>(bitte wählen)</source>
        <translation>(please choose)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="737"/>
        <source>? (nicht mehr verfügbar)</source>
        <translation>? (no longer available)</translation>
    </message>
</context>
<context>
    <name>SignersBox</name>
    <message>
        <location filename="../../ui/wizard/signers_box.py" line="32"/>
        <source>Wer unterschreibt?</source>
        <translation>Who signs?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/signers_box.py" line="34"/>
        <source>Vorgeschlagen: alle, die sorgeberechtigt sind oder eine Aufgabe übernommen haben. Kinder unterschreiben mit. Die Partner mit Einverständnis unterschreiben immer.</source>
        <translation>Proposed: everyone with custody or a task. Children co-sign. Partners with consent always sign.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/signers_box.py" line="59"/>
        <source>(ohne Namen)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/signers_box.py" line="62"/>
        <source>%1 unterschreibt mit</source>
        <translation>%1 co-signs</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/signers_box.py" line="62"/>
        <source>%1 unterschreibt</source>
        <translation>%1 signs</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../ui/wizard/base.py" line="74"/>
        <source>Was noch fehlt</source>
        <translation>What is still missing</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/base.py" line="212"/>
        <source>Version %1 ist abgeschlossen und kann nicht mehr geändert werden. Für Änderungen im Hauptfenster „Vereinbarung bearbeiten…“ wählen: das legt eine neue Version an.</source>
        <translation>Version %1 is finalised and can no longer be changed. To make changes, choose “Edit agreement…” in the main window: this creates a new version.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/base.py" line="216"/>
        <source>Als Vertretung können Sie hier nichts entfernen; das darf die zuständige Fachkraft.</source>
        <translation>As cover you cannot remove anything here; the responsible worker can.</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="53"/>
        <source>Wer macht was bis wann?</source>
        <translation>Who does what by when?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="55"/>
        <source>Auch die Familie übernimmt eigene Aufgaben. Personen und Stellen ohne Einverständnis der Familie können keine Aufgaben bekommen und stehen deshalb nicht zur Auswahl.</source>
        <translation>The family takes on tasks of its own too. People and services without the family&apos;s consent cannot get tasks, so they are not offered here.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="59"/>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="61"/>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="61"/>
        <source>Was? z. B. Lena morgens wecken</source>
        <translation>What? e.g. wake Lena in the morning</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="63"/>
        <source>Bis wann</source>
        <translation>By when</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="63"/>
        <source>laufend</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="66"/>
        <source>&amp;Aufgabe hinzufügen</source>
        <translation>&amp;Add task</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="67"/>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="68"/>
        <source>Noch keine Aufgabe.</source>
        <translation>No task yet.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="77"/>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="78"/>
        <source>Welche Rolle hat wer in der Zusammenarbeit?</source>
        <translation>Who has which role in the cooperation?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="87"/>
        <source>Auftrag des &amp;Jugendamts</source>
        <translation>Mandate of the &amp;youth office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="89"/>
        <source>Was hat das Jugendamt beauftragt? z. B. aus dem Hilfeplan vom …</source>
        <translation>What has the youth office commissioned? e.g. from the care plan of …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="90"/>
        <source>Auftrag des Jugendamts</source>
        <translation>Mandate of the youth office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="100"/>
        <location filename="../../ui/wizard/page_tasks.py" line="129"/>
        <source>%1 (Familie)</source>
        <translation>%1 (family)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="138"/>
        <source>%1 – kein Einverständnis</source>
        <translation>%1 – no consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="143"/>
        <source>Rolle von %1</source>
        <translation>Role of %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="144"/>
        <source>z. B. begleitet, erinnert, berichtet …</source>
        <translation>e.g. accompanies, reminds, reports …</translation>
    </message>
</context>
<context>
    <name>TimeframePage</name>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="19"/>
        <source>&amp;Beginn der Hilfe:</source>
        <translation>&amp;Start of the help:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="20"/>
        <source>&amp;Geplantes Ende:</source>
        <translation>&amp;Planned end:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="21"/>
        <source>&amp;Nächste Überprüfung:</source>
        <translation>Ne&amp;xt review:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="25"/>
        <source>&amp;Anschlussangebote</source>
        <translation>&amp;Follow-on offers</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="26"/>
        <source>Was kann nach der Hilfe helfen? z. B. Erziehungsberatung, Sportverein</source>
        <translation>What can help after the help ends? e.g. parenting advice, sports club</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="27"/>
        <source>Wer b&amp;leibt an der Seite der Familie?</source>
        <translation>Who stays &amp;with the family?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="28"/>
        <source>z. B. Oma Fatma, Klassenlehrerin</source>
        <translation>e.g. grandma Fatma, class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="29"/>
        <source>Was übernimmt die Familie &amp;selbst?</source>
        <translation>What does the family take on &amp;itself?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="30"/>
        <source>z. B. Termine selbst vereinbaren</source>
        <translation>e.g. make appointments on their own</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="31"/>
        <source>S&amp;icht der Familie</source>
        <translation>The family&apos;s &amp;view</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="32"/>
        <source>Was sagt die Familie zu dieser Vereinbarung? In ihren Worten.</source>
        <translation>What does the family say about this agreement? In their own words.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="44"/>
        <source>Zeitrahmen</source>
        <translation>Time frame</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="46"/>
        <source>Die Hilfe ist zeitlich begrenzt. Wann beginnt sie, wann soll sie enden?</source>
        <translation>The help is limited in time. When does it start, when should it end?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="65"/>
        <source>Übergang</source>
        <translation>Transition</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="86"/>
        <source>Wie wir zusammenarbeiten (Wohlw&amp;ollen)</source>
        <translation>How we work together (&amp;goodwill)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="88"/>
        <source>Wie wir zusammenarbeiten</source>
        <translation>How we work together</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../ui/wizard/base.py" line="261"/>
        <source>&amp;Rückgängig</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/base.py" line="262"/>
        <source>Entfernen rückgängig machen</source>
        <translation>Undo the removal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/base.py" line="263"/>
        <source>Das Entfernte wiederherstellen (Strg+Z)</source>
        <translation>Restore what was removed (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/base.py" line="270"/>
        <source>%1 wurde entfernt.</source>
        <translation>%1 was removed.</translation>
    </message>
</context>
</TS>

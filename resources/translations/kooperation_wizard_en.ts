<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>AgreementStatus</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="57"/>
        <source>Entwurf</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="58"/>
        <source>abgeschlossen</source>
        <translation>finalised</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="59"/>
        <source>unterschrieben</source>
        <translation>signed</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="60"/>
        <source>ersetzt</source>
        <translation>superseded</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="61"/>
        <source>beendet</source>
        <translation>ended</translation>
    </message>
</context>
<context>
    <name>AgreementWizard</name>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="60"/>
        <source>Kooperationsvereinbarung – %1</source>
        <translation>Cooperation agreement – %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="63"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="66"/>
        <source>&amp;Schließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/wizard.py" line="69"/>
        <source>Schließen: Alles Eingegebene ist schon gespeichert. Beim nächsten Öffnen geht es hier weiter.</source>
        <translation>Close: everything you entered is already saved. Next time the wizard opens here.</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="64"/>
        <source>laufend</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="65"/>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/case_view.py" line="28"/>
        <source>Hilfe und Zusammenarbeit (allgemein)</source>
        <translation>Help and cooperation (general)</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="51"/>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="52"/>
        <source>Für wen</source>
        <translation>For whom</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="53"/>
        <source>Seit</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="54"/>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="55"/>
        <source>Widerrufen</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="56"/>
        <source>Welche Informationen</source>
        <translation>Which information</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="61"/>
        <location filename="../../ui/case_view.py" line="67"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="62"/>
        <source>Rolle in der Familie</source>
        <translation>Role in the family</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="63"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="64"/>
        <source>Personensorge</source>
        <translation>Parental custody</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="68"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="69"/>
        <source>Einrichtung</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="70"/>
        <source>Funktion</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="71"/>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="74"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="75"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="76"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="77"/>
        <source>Dokument</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="78"/>
        <source>Prüfsumme</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="131"/>
        <location filename="../../ui/case_view.py" line="183"/>
        <source>Kein Fall ausgewählt</source>
        <translation>No case selected</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="132"/>
        <location filename="../../ui/case_view.py" line="184"/>
        <source>Links einen Fall auswählen oder mit „Neuer Fall…“ anlegen.</source>
        <translation>Select a case on the left or create one with “New case…”.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="139"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="140"/>
        <location filename="../../ui/case_view.py" line="145"/>
        <source>Kooperationspartner</source>
        <translation>Cooperation partners</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="141"/>
        <location filename="../../ui/case_view.py" line="146"/>
        <source>Einverständnisse</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="142"/>
        <location filename="../../ui/case_view.py" line="147"/>
        <source>Vereinbarungen</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="144"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="190"/>
        <source>Aktenzeichen: %1</source>
        <translation>File number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="193"/>
        <source>Ohne Aktenzeichen und Hilfeart</source>
        <translation>No file number or type of help</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="196"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="196"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>CommunicationKind</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="79"/>
        <source>Treffen / Gespräch</source>
        <translation>Meeting / talk</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="80"/>
        <source>Rückmeldung</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="81"/>
        <source>Bericht</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="82"/>
        <source>Ansprechperson</source>
        <translation>Contact person</translation>
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
    <name>ConsentForm</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="45"/>
        <source>schriftlich</source>
        <translation>in writing</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="46"/>
        <source>mündlich</source>
        <translation>orally</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="47"/>
        <source>am Bildschirm bestätigt</source>
        <translation>confirmed on screen</translation>
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
        <location filename="../../ui/wizard/page_consent.py" line="214"/>
        <source>Angekreuzte Einverständnisse sind noch nicht erfasst: bitte „Einverständnis erfassen“ klicken oder das Häkchen entfernen.</source>
        <translation>Ticked consents are not recorded yet: please click “Record consent” or remove the tick.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="221"/>
        <source>Bitte zuerst ankreuzen, womit die Familie einverstanden ist.</source>
        <translation>Please first tick what the family agrees to.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="226"/>
        <source>Bitte zuerst im Schritt „Beteiligte“ eine Person der Familie eintragen.</source>
        <translation>Please first enter a family member in the step “Participants”.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="230"/>
        <source>Bitte das Datum des Einverständnisses eintragen.</source>
        <translation>Please enter the date of consent.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="235"/>
        <source>Bitte angeben, in welcher Form die Familie ihr Einverständnis gegeben hat.</source>
        <translation>Please say in which form the family gave consent.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="270"/>
        <source>Bitte in der Liste das Einverständnis auswählen, das widerrufen wird.</source>
        <translation>Please select the consent to revoke in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="274"/>
        <source>Dieses Einverständnis ist bereits widerrufen.</source>
        <translation>This consent has already been revoked.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="282"/>
        <source>Nicht widerrufen: </source>
        <translation>Not revoked: </translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_consent.py" line="285"/>
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
        <location filename="../../ui/widgets.py" line="225"/>
        <source>Datum als TT.MM.JJJJ, z. B. 01.03.2027; leer lassen, wenn es keins gibt.</source>
        <translation>Date as DD.MM.YYYY, e.g. 01.03.2027; leave empty if there is none.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="275"/>
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
        <location filename="../../ui/domain_labels.py" line="177"/>
        <source>ohne Namen</source>
        <translation>no name</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="178"/>
        <source>ohne Text</source>
        <translation>no text</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="180"/>
        <source>Person „%1“</source>
        <translation>Person “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="182"/>
        <source>„%1“</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="184"/>
        <source>Ziel „%1“</source>
        <translation>Goal “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="186"/>
        <source>Indikator „%1“</source>
        <translation>Indicator “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="189"/>
        <source>Aufgabe „%1“</source>
        <translation>Task “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="191"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="193"/>
        <source>Absprache „%1“</source>
        <translation>Arrangement “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="194"/>
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
    <name>GasLevel</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="72"/>
        <source>−2  viel weniger als erwartet</source>
        <translation>−2  much less than expected</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="73"/>
        <source>−1  weniger als erwartet</source>
        <translation>−1  less than expected</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="74"/>
        <source>0  erwartetes Ergebnis</source>
        <translation>0  expected result</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="75"/>
        <source>+1  mehr als erwartet</source>
        <translation>+1  more than expected</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="76"/>
        <source>+2  viel mehr als erwartet</source>
        <translation>+2  much more than expected</translation>
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
        <location filename="../../ui/wizard/page_goals.py" line="23"/>
        <source>Fachlich formuliert</source>
        <translation>Professional wording</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="24"/>
        <source>z. B. Die Familie hat eine verlässliche Morgenroutine.</source>
        <translation>e.g. The family has a reliable morning routine.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="27"/>
        <source>Ziel &amp;hinzufügen</source>
        <translation>Add &amp;goal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="28"/>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_goals.py" line="29"/>
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
        <translation>In the family's words: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_indicators.py" line="223"/>
        <source>Fachlich: %1</source>
        <translation>Professional wording: %1</translation>
    </message>
</context>
<context>
    <name>InfoCategory</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="50"/>
        <source>Name und Kontaktdaten</source>
        <translation>Name and contact details</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="51"/>
        <source>Inhalte dieser Vereinbarung (Ziele, Aufgaben, Termine)</source>
        <translation>Contents of this agreement (goals, tasks, dates)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="52"/>
        <source>Verlauf und Entwicklung der Hilfe</source>
        <translation>Course and progress of the help</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="53"/>
        <source>Schule, Kita, Ausbildung</source>
        <translation>School, nursery, training</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="54"/>
        <source>Gesundheit</source>
        <translation>Health</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="204"/>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="209"/>
        <source>z. B. Familie Çelik</source>
        <translation>e.g. Çelik family</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="210"/>
        <source>Bezeichnung des Falls</source>
        <translation>Name of the case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="213"/>
        <source>z. B. 51.2-2026-0142</source>
        <translation>e.g. 51.2-2026-0142</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="214"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="219"/>
        <source>Hilfeart wählen oder eintragen</source>
        <translation>Choose or enter the type of help</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="220"/>
        <source>Hilfeart</source>
        <translation>Type of help</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="221"/>
        <source>&amp;Bezeichnung:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="223"/>
        <source>&amp;Aktenzeichen:</source>
        <translation>&amp;File number:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="225"/>
        <source>&amp;Hilfeart:</source>
        <translation>&amp;Type of help:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="236"/>
        <source>Fall anlegen</source>
        <translation>Create case</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="244"/>
        <source>Bitte eine Bezeichnung eintragen, z. B. „Familie Çelik“.</source>
        <translation>Please enter a name, e.g. “Çelik family”.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="45"/>
        <location filename="../../ui/wizard/page_overview.py" line="51"/>
        <source>Was noch fehlt</source>
        <translation>What is still missing</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="48"/>
        <source>Ein Klick (oder Enter) auf einen Punkt führt zum Schritt und Feld, wo er fehlt.</source>
        <translation>Click an item (or press Enter) to go to the step and field where it is missing.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="63"/>
        <source>Mit „Vereinbarung abschließen“ wird diese Version eingefroren: Sie bekommt eine Prüfsumme und kann nicht mehr geändert werden. Änderungen ergeben später eine neue Version.</source>
        <translation>“Finalise agreement” freezes this version: it gets a checksum and can no longer be changed. Later changes make a new version.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="67"/>
        <source>Vereinbarung &amp;abschließen</source>
        <translation>&amp;Finalise agreement</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="68"/>
        <source>Vereinbarung abschließen</source>
        <translation>Finalise agreement</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="69"/>
        <source>&amp;PDF speichern…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="70"/>
        <source>PDF speichern</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="85"/>
        <source>Nächste Schritte:</source>
        <translation>Next steps:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="86"/>
        <source>1. &amp;Vorschau &amp;&amp; drucken…</source>
        <translation>1. &amp;Preview &amp;&amp; print…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="87"/>
        <source>Vorschau und drucken</source>
        <translation>Preview and print</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="90"/>
        <source>2. &amp;Unterschreiben…</source>
        <translation>2. &amp;Sign…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="91"/>
        <source>Unterschreiben</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="103"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="105"/>
        <source>Dokument %1</source>
        <translation>Document %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="107"/>
        <source>abgeschlossen am %1</source>
        <translation>finalised on %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="117"/>
        <source>Zum Feld springen</source>
        <translation>Go to the field</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="124"/>
        <source>Diese Version ist abgeschlossen. Prüfsumme (SHA-256): %1…</source>
        <translation>This version is finalised. Checksum (SHA-256): %1…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="129"/>
        <source>Alles Nötige ist eingetragen. Die Vereinbarung kann abgeschlossen werden.</source>
        <translation>Everything needed has been entered. The agreement can be finalised.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="133"/>
        <source>Erst möglich, wenn nichts mehr fehlt.</source>
        <translation>Only possible when nothing is missing.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="133"/>
        <source>Diese Version einfrieren.</source>
        <translation>Freeze this version.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="176"/>
        <source>Die Datei konnte nicht gespeichert werden: %1</source>
        <translation>The file could not be saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_overview.py" line="180"/>
        <source>PDF gespeichert: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="15"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="16"/>
        <source>Vor- und Nachname</source>
        <translation>First and last name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="17"/>
        <source>Einrichtung</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="18"/>
        <source>Funktion</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="19"/>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="20"/>
        <source>Telefon, E-Mail</source>
        <translation>Phone, email</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="27"/>
        <source>Wer hilft der Familie schon? (Verwandte, Nachbarn, Verein …)</source>
        <translation>Who already helps the family? (relatives, neighbours, clubs …)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="28"/>
        <source>Menschen aus dem Umfeld der Familie. Mit ihnen arbeiten wir nur, wenn die Familie im nächsten Schritt einverstanden ist.</source>
        <translation>People around the family. We only work with them if the family agrees in the next step.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="31"/>
        <source>&amp;Helfende Person hinzufügen</source>
        <translation>Add &amp;helper</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="32"/>
        <source>Verein (falls vorhanden)</source>
        <translation>Club (if any)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="33"/>
        <source>z. B. Oma, Nachbarin</source>
        <translation>e.g. grandma, neighbour</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="34"/>
        <source>Wer hilft der Familie schon</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="35"/>
        <location filename="../../ui/wizard/page_participants.py" line="40"/>
        <source>Jugendamt</source>
        <translation>Youth office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="36"/>
        <source>Das Jugendamt, das die Hilfe beauftragt.</source>
        <translation>The youth office that commissions the help.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="37"/>
        <source>&amp;Jugendamt hinzufügen</source>
        <translation>Add &amp;youth office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="38"/>
        <source>z. B. Jugendamt Musterstadt</source>
        <translation>e.g. Youth Office Musterstadt</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="39"/>
        <source>z. B. Fallführung ASD</source>
        <translation>e.g. case manager, social services</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="41"/>
        <location filename="../../ui/wizard/page_participants.py" line="46"/>
        <source>Fachkraft</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="42"/>
        <source>Die Fachkraft des Trägers, die die Hilfe leistet.</source>
        <translation>The social worker of the provider who delivers the help.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="43"/>
        <source>&amp;Fachkraft hinzufügen</source>
        <translation>Add social &amp;worker</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="44"/>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="45"/>
        <source>z. B. Familienhelferin</source>
        <translation>e.g. family support worker</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="48"/>
        <source>Weitere Fachstellen (Schule, Kita, Ärztin, Beratung …)</source>
        <translation>Other services (school, nursery, doctor, counselling …)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="49"/>
        <source>Auch für Fachstellen braucht es das Einverständnis der Familie.</source>
        <translation>Other services also need the family&apos;s consent.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="50"/>
        <source>Weitere Fach&amp;stelle hinzufügen</source>
        <translation>Add other &amp;service</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="51"/>
        <source>z. B. Grundschule am Park</source>
        <translation>e.g. Park Primary School</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="52"/>
        <source>z. B. Klassenlehrerin</source>
        <translation>e.g. class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="53"/>
        <source>Weitere Fachstellen</source>
        <translation>Other service</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="61"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="63"/>
        <source>Wer gehört zur Familie? Kinder, Eltern und alle, die im Haushalt leben.</source>
        <translation>Who belongs to the family? Children, parents and everyone living in the household.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="66"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="67"/>
        <source>Nachname</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="68"/>
        <source>Rolle in der Familie</source>
        <translation>Role in the family</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="69"/>
        <source>z. B. Mutter, Sohn</source>
        <translation>e.g. mother, son</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="70"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="71"/>
        <source>Sorge-
berechtigt</source>
        <translation>Has
custody</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="72"/>
        <source>personensorgeberechtigt</source>
        <translation>has parental custody</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="75"/>
        <source>&amp;Person hinzufügen</source>
        <translation>&amp;Add person</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="76"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="77"/>
        <source>Noch keine Person eingetragen.</source>
        <translation>No person entered yet.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_participants.py" line="97"/>
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
    <name>PartnerKind</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="39"/>
        <source>Jugendamt (beauftragend)</source>
        <translation>Youth office (commissioning)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="40"/>
        <source>Fachkraft (hilfeerbringend)</source>
        <translation>Social worker (delivering the help)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="41"/>
        <source>Ressource im Umfeld der Familie</source>
        <translation>Helper around the family</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="42"/>
        <source>Professionelle Ressource im Sozialraum</source>
        <translation>Professional service in the community</translation>
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
        <location filename="../../ui/dialogs.py" line="168"/>
        <source>Widerrufen</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="175"/>
        <source>Bitte das Datum des Widerrufs eintragen.</source>
        <translation>Please enter the date of the revocation.</translation>
    </message>
</context>
<context>
    <name>RowEditor</name>
    <message>
        <location filename="../../ui/widgets.py" line="345"/>
        <source>Hinzufügen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="346"/>
        <source>Eintrag</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="347"/>
        <source>Noch keine Einträge.</source>
        <translation>No entries yet.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="497"/>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="498"/>
        <source>%1 %2 entfernen</source>
        <translation>Remove %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="555"/>
        <source>(bitte wählen)</source>
        <translation>(please choose)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="555"/>
        <source>? (nicht mehr verfügbar)</source>
        <translation>? (no longer available)</translation>
    </message>
</context>
<context>
    <name>ScaleKind</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="68"/>
        <source>Zielerreichungsskala −2 bis +2</source>
        <translation>Goal attainment scale −2 to +2</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="69"/>
        <source>Skala 0 bis 10</source>
        <translation>Scale 0 to 10</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../ui/wizard/base.py" line="73"/>
        <source>Was noch fehlt</source>
        <translation>What is still missing</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/base.py" line="197"/>
        <source>Version %1 ist abgeschlossen und kann nicht mehr geändert werden. Für Änderungen im Hauptfenster „Vereinbarung bearbeiten…“ wählen: das legt eine neue Version an.</source>
        <translation>Version %1 is finalised and can no longer be changed. To make changes, choose “Edit agreement…” in the main window: this creates a new version.</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="52"/>
        <source>Wer macht was bis wann?</source>
        <translation>Who does what by when?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="54"/>
        <source>Auch die Familie übernimmt eigene Aufgaben. Personen und Stellen ohne Einverständnis der Familie können keine Aufgaben bekommen und stehen deshalb nicht zur Auswahl.</source>
        <translation>The family takes on tasks of its own too. People and services without the family&apos;s consent cannot get tasks, so they are not offered here.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="58"/>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="60"/>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="60"/>
        <source>Was? z. B. Lena morgens wecken</source>
        <translation>What? e.g. wake Lena in the morning</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="62"/>
        <source>Bis wann</source>
        <translation>By when</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="62"/>
        <source>laufend</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="65"/>
        <source>&amp;Aufgabe hinzufügen</source>
        <translation>&amp;Add task</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="66"/>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="67"/>
        <source>Noch keine Aufgabe.</source>
        <translation>No task yet.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="75"/>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="76"/>
        <source>Welche Rolle hat wer in der Zusammenarbeit?</source>
        <translation>Who has which role in the cooperation?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="85"/>
        <source>Auftrag des &amp;Jugendamts</source>
        <translation>Mandate of the &amp;youth office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="87"/>
        <source>Was hat das Jugendamt beauftragt? z. B. aus dem Hilfeplan vom …</source>
        <translation>What has the youth office commissioned? e.g. from the care plan of …</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="88"/>
        <source>Auftrag des Jugendamts</source>
        <translation>Mandate of the youth office</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="98"/>
        <location filename="../../ui/wizard/page_tasks.py" line="130"/>
        <source>%1 (Familie)</source>
        <translation>%1 (family)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="139"/>
        <source>%1 – kein Einverständnis</source>
        <translation>%1 – no consent</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="144"/>
        <source>Rolle von %1</source>
        <translation>Role of %1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_tasks.py" line="145"/>
        <source>z. B. begleitet, erinnert, berichtet …</source>
        <translation>e.g. accompanies, reminds, reports …</translation>
    </message>
</context>
<context>
    <name>TimeframePage</name>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="16"/>
        <source>&amp;Beginn der Hilfe:</source>
        <translation>&amp;Start of the help:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="17"/>
        <source>&amp;Geplantes Ende:</source>
        <translation>&amp;Planned end:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="18"/>
        <source>&amp;Nächste Überprüfung:</source>
        <translation>Ne&amp;xt review:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="22"/>
        <source>&amp;Anschlussangebote</source>
        <translation>&amp;Follow-on offers</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="23"/>
        <source>Was kann nach der Hilfe helfen? z. B. Erziehungsberatung, Sportverein</source>
        <translation>What can help after the help ends? e.g. parenting advice, sports club</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="24"/>
        <source>Wer b&amp;leibt an der Seite der Familie?</source>
        <translation>Who stays &amp;with the family?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="25"/>
        <source>z. B. Oma Fatma, Klassenlehrerin</source>
        <translation>e.g. grandma Fatma, class teacher</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="26"/>
        <source>Was übernimmt die Familie &amp;selbst?</source>
        <translation>What does the family take on &amp;itself?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="27"/>
        <source>z. B. Termine selbst vereinbaren</source>
        <translation>e.g. make appointments on their own</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="28"/>
        <source>S&amp;icht der Familie</source>
        <translation>The family&apos;s &amp;view</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="29"/>
        <source>Was sagt die Familie zu dieser Vereinbarung? In ihren Worten.</source>
        <translation>What does the family say about this agreement? In their own words.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="41"/>
        <source>Zeitrahmen</source>
        <translation>Time frame</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="43"/>
        <source>Die Hilfe ist zeitlich begrenzt. Wann beginnt sie, wann soll sie enden?</source>
        <translation>The help is limited in time. When does it start, when should it end?</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="61"/>
        <source>Übergang</source>
        <translation>Transition</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="82"/>
        <source>Wie wir zusammenarbeiten (Wohlw&amp;ollen)</source>
        <translation>How we work together (&amp;goodwill)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_timeframe.py" line="84"/>
        <source>Wie wir zusammenarbeiten</source>
        <translation>How we work together</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../ui/wizard/base.py" line="241"/>
        <source>&amp;Rückgängig</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/base.py" line="242"/>
        <source>Entfernen rückgängig machen</source>
        <translation>Undo the removal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/base.py" line="243"/>
        <source>Das Entfernte wiederherstellen (Strg+Z)</source>
        <translation>Restore what was removed (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/base.py" line="250"/>
        <source>%1 wurde entfernt.</source>
        <translation>%1 was removed.</translation>
    </message>
</context>
<context>
    <name>WizardStep</name>
    <message>
        <location filename="../../ui/domain_labels.py" line="85"/>
        <source>Beteiligte</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="86"/>
        <source>Wer gehört zur Familie, wer hilft schon mit? Zuerst die Menschen im Umfeld der Familie, dann Jugendamt, Fachkraft und weitere Fachstellen.</source>
        <translation>Who belongs to the family, who already helps? First the people around the family, then the youth office, the social worker and other services.</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="89"/>
        <source>Einverständnis</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="90"/>
        <source>Ist die Familie mit der Hilfe einverstanden? Mit wem dürfen wir zusammenarbeiten und was dürfen wir weitergeben?</source>
        <translation>Does the family agree to the help? Whom may we work with and what may we pass on?</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="93"/>
        <source>Ziele</source>
        <translation>Goals</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="94"/>
        <source>Was wollen wir gemeinsam erreichen? In den Worten der Familie und fachlich formuliert.</source>
        <translation>What do we want to achieve together? In the family&apos;s own words and in professional wording.</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="96"/>
        <source>Indikatoren</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="97"/>
        <source>Woran merken wir, dass ein Ziel erreicht ist? Was kann man beobachten?</source>
        <translation>How do we notice that a goal has been reached? What can be observed?</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="98"/>
        <source>Arbeitsteilung &amp; Rollen</source>
        <translation>Tasks &amp; roles</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="99"/>
        <source>Wer macht was bis wann? Welche Rolle hat wer, und was ist der Auftrag des Jugendamts?</source>
        <translation>Who does what by when? Who has which role, and what is the youth office&apos;s mandate?</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="101"/>
        <source>Kommunikation &amp; Berichte</source>
        <translation>Communication &amp; reports</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="102"/>
        <source>Wann treffen wir uns, wer gibt wem Rückmeldung, wer schreibt welchen Bericht?</source>
        <translation>When do we meet, who gives feedback to whom, who writes which report?</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="104"/>
        <source>Zeitrahmen &amp; Übergang</source>
        <translation>Time frame &amp; transition</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="105"/>
        <source>Wie lange dauert die Hilfe? Was kommt danach, wer bleibt an der Seite der Familie?</source>
        <translation>How long does the help last? What comes after, who stays with the family?</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="107"/>
        <source>Überblick</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/domain_labels.py" line="108"/>
        <source>Was fehlt noch? Vereinbarung abschließen und als PDF speichern.</source>
        <translation>What is still missing? Finalise the agreement and save it as a PDF.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/followup/case_section.py" line="65"/>
        <source>Eintrag löschen</source>
        <translation>Delete entry</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="66"/>
        <source>{what} endgültig löschen? Das kann nicht rückgängig gemacht werden.</source>
        <translation>Delete {what} for good? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="73"/>
        <source>Noch keine Überprüfung – sie wird nach dem nächsten Hilfeplangespräch erfasst.</source>
        <translation>No review yet – it is recorded after the next care-planning meeting.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="95"/>
        <source>&lt;b&gt;Verlauf der Hilfe&lt;/b&gt;</source>
        <translation>&lt;b&gt;Course of the help&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="99"/>
        <source>Übergang</source>
        <translation>Transition</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="106"/>
        <source>&amp;Reflexion erfassen…</source>
        <translation>Record re&amp;flection…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="105"/>
        <source>Überprüfun&amp;g erfassen…</source>
        <translation>Record &amp;review…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="107"/>
        <source>Übergang p&amp;lanen…</source>
        <translation>Plan tr&amp;ansition…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="108"/>
        <source>Überprüfung als PDF…</source>
        <translation>Review as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="109"/>
        <source>Abschlussbericht als PDF…</source>
        <translation>Closing report as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="118"/>
        <source>T-Wert der letzten Überprüfung</source>
        <translation>T-score of the last review</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="124"/>
        <source>Wie der T-Wert berechnet wird</source>
        <translation>How the T-score is calculated</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="131"/>
        <source>Zielerreichung (T-Wert) im Verlauf</source>
        <translation>Goal attainment (T-score) over time</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="137"/>
        <source>&amp;Indikator:</source>
        <translation>&amp;Indicator:</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="139"/>
        <source>Indikator für den Verlauf</source>
        <translation>Indicator to chart</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="146"/>
        <source>Verlauf des Indikators</source>
        <translation>Indicator over time</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="149"/>
        <source>&lt;b&gt;Reflexion der Zusammenarbeit&lt;/b&gt;</source>
        <translation>&lt;b&gt;Reflection on the cooperation&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="153"/>
        <source>Noch keine Reflexion – sie wird gemeinsam mit der Familie erfasst, z. B. nach einem Hilfeplangespräch.</source>
        <translation>No reflection yet – it is recorded together with the family, e.g. after a care-planning meeting.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="158"/>
        <location filename="../../ui/followup/reflection_dialog.py" line="106"/>
        <source>Niedrig bewertete Bedingungen</source>
        <translation>Conditions rated low</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="161"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="161"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="161"/>
        <location filename="../../ui/followup/case_section.py" line="231"/>
        <location filename="../../ui/followup/case_section.py" line="267"/>
        <location filename="../../ui/followup/review_dialog.py" line="52"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="161"/>
        <location filename="../../ui/followup/case_section.py" line="232"/>
        <location filename="../../ui/followup/case_section.py" line="268"/>
        <location filename="../../ui/followup/review_dialog.py" line="52"/>
        <source>Fachkraft</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="161"/>
        <source>Erfolge / Anmerkung</source>
        <translation>Successes / note</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="162"/>
        <source>Überprüfungen und Reflexionen</source>
        <translation>Reviews and reflections</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="166"/>
        <source>Bearbeiten…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="167"/>
        <source>Ausgewählte Überprüfung bearbeiten</source>
        <translation>Edit the selected review</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="168"/>
        <source>Die ausgewählte Überprüfung ändern (auch mit Doppelklick)</source>
        <translation>Change the selected review (or double-click it)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="169"/>
        <source>Löschen…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="170"/>
        <source>Ausgewählten Eintrag löschen</source>
        <translation>Delete the selected entry</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="202"/>
        <source>Überprüfungen und Reflexionen beziehen sich auf eine abgeschlossene Vereinbarung.</source>
        <translation>Reviews and reflections refer to a finalised agreement.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="208"/>
        <source>Die Hilfe endet am {date}. Bitte den Übergang planen: Anschlussangebote, Partner, die bleiben, und was die Familie jetzt allein schafft.</source>
        <translation>The help ends on {date}. Please plan the transition: further offers, partners who stay, and what the family now manages alone.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="227"/>
        <source>&lt;b&gt;T-Wert der letzten Überprüfung ({date}):&lt;/b&gt; Familie {client} · Fachkraft {professional}</source>
        <translation>&lt;b&gt;T-score of the last review ({date}):&lt;/b&gt; family {client} · professional {professional}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="236"/>
        <location filename="../../ui/followup/case_section.py" line="270"/>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="266"/>
        <source>Ausgang</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="285"/>
        <source>&lt;b&gt;Darüber sollten wir sprechen&lt;/b&gt; (letzte Reflexion, am niedrigsten bewertet):</source>
        <translation>&lt;b&gt;We should talk about this&lt;/b&gt; (last reflection, rated lowest):</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="292"/>
        <location filename="../../ui/followup/case_section.py" line="336"/>
        <source>Überprüfung</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="297"/>
        <source>Reflexion</source>
        <translation>Reflection</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="298"/>
        <source>am niedrigsten: {key}. {short}</source>
        <translation>lowest: {key}. {short}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="321"/>
        <source>Als Vertretung können Sie hier nichts entfernen; das darf die zuständige Fachkraft.</source>
        <translation>As cover you cannot remove anything here; the responsible worker can.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="358"/>
        <source>Die Überprüfung</source>
        <translation>the review</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="358"/>
        <source>Die Reflexion</source>
        <translation>the reflection</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="359"/>
        <source>{kind} vom {date}</source>
        <translation>{kind} of {date}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="368"/>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="399"/>
        <location filename="../../ui/followup/case_section.py" line="403"/>
        <source>PDF speichern</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_section.py" line="402"/>
        <location filename="../../ui/signing/export.py" line="61"/>
        <source>Die Datei konnte nicht gespeichert werden:
{reason}</source>
        <translation>The file could not be saved:
{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="92"/>
        <source>Diagramm</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="100"/>
        <location filename="../../ui/followup/charts.py" line="112"/>
        <source>Noch keine Daten.</source>
        <translation>No data yet.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="181"/>
        <source>Reflexion: Netzdiagramm der Bedingungen a–j</source>
        <translation>Reflection: radar chart of the conditions a–j</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="199"/>
        <source>Noch keine Reflexion erfasst.</source>
        <translation>No reflection recorded yet.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="236"/>
        <source>Reflexion vom {date}</source>
        <translation>Reflection of {date}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="36"/>
        <source>Reflexion der Zusammenarbeit</source>
        <translation>Reflection on the cooperation</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="42"/>
        <source>Wie gut klappt unsere Zusammenarbeit?</source>
        <translation>How well does our cooperation work?</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="44"/>
        <source>Alle, die dabei sind, bewerten jede Aussage selbst: 1 = trifft gar nicht zu … 5 = trifft voll zu. Es gibt kein Richtig oder Falsch; unterschiedliche Sichtweisen sind wichtig.</source>
        <translation>Everyone present rates each statement themselves: 1 = not true at all … 5 = fully true. There is no right or wrong; different views matter.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="46"/>
        <source>Datum der Reflexion</source>
        <translation>Date of the reflection</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="48"/>
        <source>Wer ist dabei?</source>
        <translation>Who is present?</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="59"/>
        <source>Bitte zuerst ankreuzen, wer dabei war – dann erscheinen die Bewertungen.</source>
        <translation>Please first tick who was present – then the ratings appear.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="60"/>
        <source>Hinweis zu den Bewertungen</source>
        <translation>Note on the ratings</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="63"/>
        <source>Die zehn Bedingungen gelingender Zusammenarbeit</source>
        <translation>The ten conditions of successful cooperation</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="90"/>
        <source>{key}: Bewertung von {name}</source>
        <translation>{key}: rating by {name}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="93"/>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="94"/>
        <source>{key}: Notiz von {name}</source>
        <translation>{key}: note by {name}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="109"/>
        <source>Was wir vereinbaren (optional)</source>
        <translation>What we agree on (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="111"/>
        <source>Vereinbarungen aus der Reflexion</source>
        <translation>Agreements from the reflection</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="112"/>
        <source>&amp;Vereinbart:</source>
        <translation>&amp;Agreed:</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="116"/>
        <source>Reflexion speichern</source>
        <translation>Save reflection</translation>
    </message>
    <message>
        <location filename="../../ui/followup/entry_dialog.py" line="33"/>
        <source>&lt;b&gt;{key}. {seed}&lt;/b&gt; – im Mittel {mean}&lt;br/&gt;Vorschlag: {suggestion}</source>
        <translation>&lt;b&gt;{key}. {seed}&lt;/b&gt; – average {mean}&lt;br/&gt;Suggestion: {suggestion}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/entry_dialog.py" line="59"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../ui/followup/entry_dialog.py" line="74"/>
        <location filename="../../ui/followup/transition_dialog.py" line="56"/>
        <location filename="../../ui/signing/dialogs.py" line="144"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/followup/reflection_dialog.py" line="165"/>
        <source>&lt;b&gt;Darüber sollten wir sprechen:&lt;/b&gt;</source>
        <translation>&lt;b&gt;We should talk about this:&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="34"/>
        <source>– noch nicht eingeschätzt –</source>
        <translation>– not rated yet –</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="41"/>
        <source>{value} von 10</source>
        <translation>{value} of 10</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="55"/>
        <source>Einschätzung {who}: {indicator}</source>
        <translation>Rating {who}: {indicator}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="61"/>
        <source>Notiz (optional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="62"/>
        <source>Notiz: {indicator}</source>
        <translation>Note: {indicator}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="83"/>
        <source>Überprüfung erfassen</source>
        <translation>Record review</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="83"/>
        <source>Überprüfung bearbeiten</source>
        <translation>Edit review</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="90"/>
        <source>Überprüfung der Vereinbarung {document}, Version {version}</source>
        <translation>Review of agreement {document}, version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="92"/>
        <source>Datum der Überprüfung</source>
        <translation>Date of the review</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="94"/>
        <source>Wer war dabei?</source>
        <translation>Who was present?</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="103"/>
        <source>weitere Anwesende, durch Komma getrennt</source>
        <translation>others present, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="104"/>
        <source>Weitere Anwesende</source>
        <translation>Others present</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="110"/>
        <source>Einschätzung der Indikatoren – Familie und Fachkraft getrennt</source>
        <translation>Rating the indicators – family and professional separately</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="112"/>
        <source>&lt;b&gt;Indikator&lt;/b&gt;</source>
        <translation>&lt;b&gt;Indicator&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="113"/>
        <source>&lt;b&gt;Familie&lt;/b&gt;</source>
        <translation>&lt;b&gt;Family&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="114"/>
        <source>&lt;b&gt;Fachkraft&lt;/b&gt;</source>
        <translation>&lt;b&gt;Professional&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="119"/>
        <source>&lt;b&gt;{indicator}&lt;/b&gt;&lt;br/&gt;&lt;span style=&apos;color:#555&apos;&gt;Ziel: {goal}&lt;/span&gt;</source>
        <translation>&lt;b&gt;{indicator}&lt;/b&gt;&lt;br/&gt;&lt;span style=&apos;color:#555&apos;&gt;Goal: {goal}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="132"/>
        <source>Diese Vereinbarung hat keine Indikatoren.</source>
        <translation>This agreement has no indicators.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="139"/>
        <source>T-Werte</source>
        <translation>T-scores</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="143"/>
        <source>Das ist &amp;gelungen (Erfolge würdigen):</source>
        <translation>What &amp;went well (appreciate successes):</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="144"/>
        <source>z. B. Deniz war drei Wochen lang pünktlich in der Schule.</source>
        <translation>e.g. Deniz was at school on time for three weeks.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="145"/>
        <source>Was war &amp;im Weg?</source>
        <translation>What got in the &amp;way?</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="146"/>
        <source>Wie geht es &amp;weiter?</source>
        <translation>What &amp;next?</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="147"/>
        <source>Überprüfung speichern</source>
        <translation>Save review</translation>
    </message>
    <message>
        <location filename="../../ui/followup/review_dialog.py" line="175"/>
        <source>&lt;b&gt;T-Wert (Zielerreichung):&lt;/b&gt; Familie {client} · Fachkraft {professional}</source>
        <translation>&lt;b&gt;T-score (goal attainment):&lt;/b&gt; family {client} · professional {professional}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="35"/>
        <source>Übergang planen</source>
        <translation>Plan transition</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="38"/>
        <source>Wie geht es nach der Hilfe weiter?</source>
        <translation>What happens after the help?</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="39"/>
        <source> Die Hilfe endet am {date}.</source>
        <translation> The help ends on {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="41"/>
        <source>Die Hilfe ist zeitlich begrenzt. Ziel ist, dass die Familie an weitere Angebote und Partner angebunden ist und selbstständig mit ihnen zusammenarbeiten kann.</source>
        <translation>The help is limited in time. The aim is that the family is connected to further offers and partners and can work with them on its own.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="43"/>
        <source>&amp;Anschlussangebote (z. B. Elterncafé, Beratungsstelle):</source>
        <translation>&amp;Further offers (e.g. parents’ café, counselling centre):</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="44"/>
        <source>&amp;Partner, die bleiben:</source>
        <translation>&amp;Partners who stay:</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="45"/>
        <source>Das schafft die Familie jetzt &amp;allein:</source>
        <translation>What the family now manages &amp;alone:</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="46"/>
        <source>Besprochen am</source>
        <translation>Discussed on</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="48"/>
        <source>&amp;Besprochen am:</source>
        <translation>&amp;Discussed on:</translation>
    </message>
    <message>
        <location filename="../../ui/followup/transition_dialog.py" line="55"/>
        <source>Übergang speichern</source>
        <translation>Save transition</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="161"/>
        <source>Es gibt noch keine abgeschlossene Version zum Unterschreiben. Bitte die Vereinbarung zuerst abschließen.</source>
        <translation>There is no finalised version to sign yet. Please finalise the agreement first.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="162"/>
        <source>Unterschreiben</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="186"/>
        <source>Die Datei konnte nicht gelesen werden:
{reason}</source>
        <translation>The file could not be read:
{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="187"/>
        <location filename="../../ui/signing/dialogs.py" line="118"/>
        <location filename="../../ui/signing/dialogs.py" line="377"/>
        <source>PDF prüfen</source>
        <translation>Verify PDF</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="201"/>
        <location filename="../../ui/signing/actions.py" line="209"/>
        <location filename="../../ui/signing/dialogs.py" line="127"/>
        <source>Zertifikat importieren</source>
        <translation>Import certificate</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="202"/>
        <source>Es ist schon ein Siegel eingerichtet. Soll es durch das importierte Zertifikat ersetzt werden? Früher versiegelte PDFs lassen sich danach nur noch mit „unbekannter Aussteller“ prüfen.</source>
        <translation>A seal is already set up. Replace it with the imported certificate? PDFs sealed earlier will then verify only as “unknown issuer”.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="211"/>
        <source>Siegel von „{name}“ eingerichtet.</source>
        <translation>Seal of “{name}” set up.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/export.py" line="48"/>
        <source>PDF exportieren</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/signing/export.py" line="69"/>
        <source>PDF gespeichert und versiegelt: {path}</source>
        <translation>PDF saved and sealed: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/export.py" line="69"/>
        <source>PDF gespeichert: {path}</source>
        <translation>PDF saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="222"/>
        <source>Es gibt noch keine abgeschlossene Version zum Unterschreiben.</source>
        <translation>There is no finalised version to sign yet.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="223"/>
        <location filename="../../ui/signing/actions.py" line="231"/>
        <source>Drucken</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="230"/>
        <source>Die Datei wurde gespeichert ({path}), aber kein PDF-Programm konnte sie öffnen. Bitte dort drucken.</source>
        <translation>The file was saved ({path}), but no PDF program could open it. Please print it from there.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="253"/>
        <source>Beenden lässt sich nur eine abgeschlossene oder unterschriebene Version. Bitte diese Version in der Liste auswählen.</source>
        <translation>Only a finalised or signed version can be ended. Please select that version in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="255"/>
        <location filename="../../ui/signing/actions.py" line="262"/>
        <location filename="../../ui/signing/dialogs.py" line="139"/>
        <location filename="../../ui/signing/dialogs.py" line="143"/>
        <source>Hilfe beenden</source>
        <translation>End help</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="267"/>
        <source>Hilfe beendet: Version {version} ist jetzt als „beendet“ markiert.</source>
        <translation>Help ended: version {version} is now marked as “ended”.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="120"/>
        <source>&amp;Unterschreiben…</source>
        <translation>Si&amp;gn…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="58"/>
        <location filename="../../ui/signing/actions.py" line="125"/>
        <source>Hilfe &amp;beenden…</source>
        <translation>End he&amp;lp…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="59"/>
        <source>Die Hilfe ist vorbei: die abgeschlossene oder unterschriebene Version als „beendet“ markieren</source>
        <translation>The help is over: mark the finalised or signed version as “ended”</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="74"/>
        <source>&lt;b&gt;Unterschriften:&lt;/b&gt; Die Hilfe ist beendet (Version {version}).</source>
        <translation>&lt;b&gt;Signatures:&lt;/b&gt; the help has ended (version {version}).</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="77"/>
        <source>&lt;b&gt;Unterschriften:&lt;/b&gt; noch keine abgeschlossene Version</source>
        <translation>&lt;b&gt;Signatures:&lt;/b&gt; no finalised version yet</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="85"/>
        <source>&lt;b&gt;Unterschriften (Version {version}):&lt;/b&gt; {done} von {total}</source>
        <translation>&lt;b&gt;Signatures (version {version}):&lt;/b&gt; {done} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="88"/>
        <source> – vollständig unterschrieben</source>
        <translation> – fully signed</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="126"/>
        <source>&amp;Unterschriften</source>
        <translation>S&amp;ignatures</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="122"/>
        <source>Zum Unterschreiben &amp;drucken…</source>
        <translation>&amp;Print for signing…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="56"/>
        <source>Unte&amp;rschreiben…</source>
        <translation>Si&amp;gn…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="57"/>
        <location filename="../../ui/signing/actions.py" line="121"/>
        <source>Versionen ver&amp;gleichen…</source>
        <translation>Co&amp;mpare versions…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="123"/>
        <source>&amp;PDF prüfen…</source>
        <translation>&amp;Verify PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/actions.py" line="124"/>
        <source>Zertifikat des Trägers &amp;importieren…</source>
        <translation>&amp;Import the provider’s certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="67"/>
        <source>Siegel der Organisation einrichten</source>
        <translation>Set up the organisation’s seal</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="70"/>
        <source>Abgeschlossene Vereinbarungen werden beim Speichern digital versiegelt. So ist jede spätere Änderung der PDF-Datei erkennbar. Dafür legt das Programm einmalig einen Schlüssel für Ihren Träger an. Das Passwort schützt diesen Schlüssel – bitte gut aufbewahren.</source>
        <translation>Finalised agreements are sealed digitally when saved, so any later change to the PDF file can be detected. For this the program creates a key for your provider once. The password protects this key – please keep it safe.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="75"/>
        <source>z. B. Familienhilfe Lindenhof e. V.</source>
        <translation>e.g. Familienhilfe Lindenhof e. V.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="81"/>
        <source>&amp;Name des Trägers:</source>
        <translation>&amp;Name of the provider:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="82"/>
        <source>Siegel-&amp;Passwort:</source>
        <translation>Seal &amp;password:</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="121"/>
        <location filename="../../ui/signing/dialogs.py" line="83"/>
        <source>Passwort &amp;wiederholen:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="87"/>
        <source>Einrichten</source>
        <translation>Set up</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="92"/>
        <source>Bitte den Namen des Trägers eingeben.</source>
        <translation>Please enter the name of the provider.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="94"/>
        <source>Das Passwort muss mindestens 8 Zeichen lang sein.</source>
        <translation>The password must be at least 8 characters long.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="146"/>
        <location filename="../../ui/signing/dialogs.py" line="96"/>
        <source>Die beiden Passwörter stimmen nicht überein.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="112"/>
        <source>Siegel-Passwort des Trägers:</source>
        <translation>The provider’s seal password:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="112"/>
        <source>Das Passwort stimmt nicht. Bitte noch einmal:</source>
        <translation>The password is wrong. Please try again:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="113"/>
        <source>PDF versiegeln</source>
        <translation>Seal PDF</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="118"/>
        <source>PDF-Dokumente (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="123"/>
        <source>Zertifikat des Trägers importieren</source>
        <translation>Import the provider’s certificate</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="127"/>
        <source>Passwort der PKCS#12-Datei:</source>
        <translation>Password of the PKCS#12 file:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="140"/>
        <source>Die Hilfe beenden?

Version {version} wird als „beendet“ markiert und kann danach nicht mehr unterschrieben werden. Das lässt sich nicht rückgängig machen.</source>
        <translation>End the help?

Version {version} will be marked as “ended” and can no longer be signed. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="173"/>
        <source>Siegel</source>
        <translation>Seal</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="185"/>
        <source>Unterschrift auf Papier eintragen</source>
        <translation>Record signature on paper</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="187"/>
        <source>&lt;b&gt;{who}&lt;/b&gt; hat die ausgedruckte Vereinbarung auf Papier unterschrieben.</source>
        <translation>&lt;b&gt;{who}&lt;/b&gt; signed the printed agreement on paper.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="190"/>
        <source>Unterschrieben am</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="193"/>
        <source>z. B. Original liegt in der Akte</source>
        <translation>e.g. original is in the file</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="194"/>
        <source>Unterschrieben &amp;am:</source>
        <translation>&amp;Signed on:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="195"/>
        <source>&amp;Notiz:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="199"/>
        <source>Eintragen</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="203"/>
        <source>Bitte das Datum eingeben (TT.MM.JJJJ).</source>
        <translation>Please enter the date (DD.MM.YYYY).</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="227"/>
        <source>Vereinbarung unterschreiben</source>
        <translation>Sign the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="234"/>
        <source>Jede Person unterschreibt für sich. Wer nicht da ist, unterschreibt später auf Papier; das wird hier mit Datum eingetragen. Wer unterschreibt, wird vor dem Abschließen im Schritt „Überblick“ festgelegt.</source>
        <translation>Each person signs for themselves. Anyone who is not here signs on paper later; record that here with the date. Who signs is chosen in the “Overview” step before finalising.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="239"/>
        <source>Wer unterschreibt</source>
        <translation>Who signs</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="255"/>
        <source>z. B. Musterstadt</source>
        <translation>e.g. Musterstadt</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="256"/>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="257"/>
        <source>&amp;Ort:</source>
        <translation>Pl&amp;ace:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="260"/>
        <source>&amp;Löschen</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="261"/>
        <source>&amp;Unterschrift speichern</source>
        <translation>&amp;Save signature</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="262"/>
        <source>Auf &amp;Papier unterschrieben…</source>
        <translation>Signed on &amp;paper…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="287"/>
        <source>Version {version} · {done} von {total} unterschrieben</source>
        <translation>Version {version} · {done} of {total} signed</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="294"/>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="296"/>
        <source>unterschrieben am {date}</source>
        <translation>signed on {date}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="298"/>
        <source>auf Papier unterschrieben am {date}</source>
        <translation>signed on paper on {date}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="326"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; hat schon unterschrieben.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; has already signed.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="328"/>
        <source>Unterschrift von &lt;b&gt;{name}&lt;/b&gt; ({role}):</source>
        <translation>Signature of &lt;b&gt;{name}&lt;/b&gt; ({role}):</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="384"/>
        <source>Datei: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="404"/>
        <source>Versionen der Vereinbarung</source>
        <translation>Versions of the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="409"/>
        <source>Versionen</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="410"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="410"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="410"/>
        <source>Angelegt</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="91"/>
        <location filename="../../ui/signing/dialogs.py" line="410"/>
        <source>Abgeschlossen</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="411"/>
        <source>Unterschriften</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="416"/>
        <source>{done} von {total}</source>
        <translation>{done} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="418"/>
        <source> (vollständig am {date})</source>
        <translation> (complete on {date})</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="427"/>
        <source>&lt;b&gt;Versionen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Versions&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="434"/>
        <source>Version {version} ({status})</source>
        <translation>Version {version} ({status})</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="438"/>
        <source>Ältere Version</source>
        <translation>Older version</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="439"/>
        <source>Neuere Version</source>
        <translation>Newer version</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="442"/>
        <source>&amp;Vergleichen:</source>
        <translation>&amp;Compare:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="446"/>
        <source>mit</source>
        <translation>with</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="452"/>
        <source>Änderungen</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="453"/>
        <source>Bereich</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="453"/>
        <source>Änderung</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="53"/>
        <location filename="../../ui/signing/dialogs.py" line="453"/>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="453"/>
        <source>Einzelheiten</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="483"/>
        <source>Bitte zwei verschiedene Versionen wählen.</source>
        <translation>Please choose two different versions.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="485"/>
        <source>{n} Änderung(en).</source>
        <translation>{n} change(s).</translation>
    </message>
    <message>
        <location filename="../../ui/signing/dialogs.py" line="486"/>
        <source>Keine inhaltlichen Änderungen.</source>
        <translation>No changes in content.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pad.py" line="42"/>
        <source>Unterschriftenfeld</source>
        <translation>Signature field</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pad.py" line="43"/>
        <source>Mit Stift, Finger oder Maus hier unterschreiben.</source>
        <translation>Sign here with a pen, finger or mouse.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pad.py" line="44"/>
        <source>Hier mit Stift, Finger oder gedrückter Maustaste unterschreiben</source>
        <translation>Sign here with a pen, a finger or the mouse button held down</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pad.py" line="132"/>
        <source>Hier unterschreiben (Stift, Finger oder Maus)</source>
        <translation>Sign here (pen, finger or mouse)</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="43"/>
        <source>Datensicherung speichern</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="45"/>
        <location filename="../../ui/protection/menu.py" line="54"/>
        <source>Datensicherung (*.kdsich)</source>
        <translation>Backup (*.kdsich)</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="53"/>
        <location filename="../../ui/protection/menu.py" line="213"/>
        <location filename="../../ui/protection/menu.py" line="218"/>
        <source>Datensicherung wiederherstellen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="59"/>
        <source>Auskunft speichern</source>
        <translation>Save information</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="60"/>
        <source>JSON-Datei (*.json)</source>
        <translation>JSON file (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="72"/>
        <source>Auskunft nach Art. 15 DSGVO</source>
        <translation>Information under Art. 15 GDPR</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="72"/>
        <source>Über welche Person?</source>
        <translation>About which person?</translation>
    </message>
    <message>
        <location filename="../../ui/protection/startup.py" line="34"/>
        <source>Datenschutz</source>
        <translation>Data protection</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="102"/>
        <source>&amp;Datenschutz</source>
        <translation>Data pr&amp;otection</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="105"/>
        <source>&amp;Protokoll des Falls…</source>
        <translation>Audit &amp;trail of the case…</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="106"/>
        <source>Fall &amp;abschließen (archivieren) / wieder öffnen</source>
        <translation>Close (&amp;archive) / reopen the case</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="107"/>
        <source>Aus&amp;kunft über eine Person (Art. 15 DSGVO)…</source>
        <translation>&amp;Information about a person (Art. 15 GDPR)…</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="108"/>
        <source>Aufbewahrung und &amp;Löschung…</source>
        <translation>Retention and &amp;deletion…</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="111"/>
        <source>Datensicherung &amp;wiederherstellen…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="110"/>
        <source>Datensicherun&amp;g erstellen…</source>
        <translation>Create &amp;backup…</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="113"/>
        <source>Passwort ä&amp;ndern…</source>
        <translation>Change pass&amp;word…</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="114"/>
        <source>Neuen Wieder&amp;herstellungsschlüssel erstellen…</source>
        <translation>New recovery &amp;key…</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="128"/>
        <source>Bitte zuerst links einen Fall auswählen.</source>
        <translation>Please choose a case on the left first.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="149"/>
        <source>Fall wieder öffnen</source>
        <translation>Reopen case</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="150"/>
        <source>Den archivierten Fall wieder zum Bearbeiten öffnen?</source>
        <translation>Reopen the archived case for editing?</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="152"/>
        <source>Der Fall ist wieder geöffnet.</source>
        <translation>The case is open again.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="153"/>
        <source>Fall abschließen</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="154"/>
        <source>Den Fall abschließen? Er wird archiviert und kann dann nicht mehr geändert werden (bis er wieder geöffnet wird). Die Aufbewahrungsfrist beginnt.</source>
        <translation>Close the case? It is archived and can no longer be changed (until it is reopened). The retention period starts.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="157"/>
        <source>Der Fall ist abgeschlossen und archiviert.</source>
        <translation>The case is closed and archived.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="166"/>
        <source>In diesem Fall ist keine Person eingetragen.</source>
        <translation>No person is recorded in this case.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="179"/>
        <source>Die Datei konnte nicht gespeichert werden: {reason}</source>
        <translation>The file could not be saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="182"/>
        <source>Auskunft gespeichert: {path}</source>
        <translation>Information saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="200"/>
        <source>Die Datensicherung konnte nicht geschrieben werden: {reason}</source>
        <translation>The backup could not be written: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="205"/>
        <source>Datensicherung geschrieben und geprüft: {path}</source>
        <translation>Backup written and checked: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="214"/>
        <source>Die jetzigen Daten werden durch die Sicherung ersetzt (sie bleiben verschlüsselt in einem Unterordner „vor-wiederherstellung-…“ des Datenordners). Danach wird das Programm beendet und muss neu gestartet werden. Fortfahren?</source>
        <translation>The current data will be replaced by the backup (it stays encrypted in a subfolder “vor-wiederherstellung-…” of the data folder). The program then closes and must be started again. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="219"/>
        <source>Passwort zur Zeit der Sicherung (oder Wiederherstellungsschlüssel):</source>
        <translation>Password at the time of the backup (or recovery key):</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="225"/>
        <source>Die bisherigen Daten sind unverändert; bitte das Programm neu starten.</source>
        <translation>The existing data is unchanged; please restart the program.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="229"/>
        <source>Datensicherung wiederhergestellt</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="230"/>
        <source>Die Daten wurden wiederhergestellt. Das Programm wird jetzt beendet; bitte neu starten und mit dem Passwort der Sicherung entsperren.</source>
        <translation>The data was restored. The program closes now; please start it again and unlock it with the password of the backup.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="246"/>
        <source>Das Passwort wurde geändert.</source>
        <translation>The password was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="250"/>
        <source>Neuer Wiederherstellungsschlüssel</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/protection/menu.py" line="251"/>
        <source>Zur Bestätigung das Passwort eingeben (der alte Schlüssel wird ungültig):</source>
        <translation>Enter the password to confirm (the old key becomes invalid):</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="81"/>
        <source>Stärke des Passworts</source>
        <translation>Password strength</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="103"/>
        <source>Passwort festlegen – Kooperation Desktop</source>
        <translation>Set password – Kooperation Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="105"/>
        <source>Die vorhandenen Daten werden jetzt verschlüsselt. </source>
        <translation>The existing data will now be encrypted. </translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="106"/>
        <source>Die Daten der Familien werden auf diesem Gerät verschlüsselt gespeichert. </source>
        <translation>The families’ data is stored encrypted on this device. </translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="107"/>
        <source>Bitte ein Passwort festlegen, das nur Sie kennen (mindestens {n} Zeichen; ein Satz aus mehreren Wörtern ist gut zu merken). Danach erhalten Sie einen Wiederherstellungsschlüssel für das Büro.</source>
        <translation>Please set a password that only you know (at least {n} characters; a sentence of several words is easy to remember). Afterwards you get a recovery key for the office.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="112"/>
        <source>Neues Passwort</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="113"/>
        <source>Passwort wiederholen</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="119"/>
        <location filename="../../ui/protection/dialogs.py" line="221"/>
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="125"/>
        <source>Passwort &amp;festlegen</source>
        <translation>&amp;Set password</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="126"/>
        <source>&amp;Abbrechen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="196"/>
        <source>Entsperren – Kooperation Desktop</source>
        <translation>Unlock – Kooperation Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="201"/>
        <source>Die Daten sind verschlüsselt. Bitte Ihr Passwort eingeben.</source>
        <translation>The data is encrypted. Please enter your password.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="202"/>
        <source> Wer das Passwort vergessen hat, gibt den Wiederherstellungsschlüssel aus dem Büro ein.</source>
        <translation> If you forgot the password, enter the recovery key from the office.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="205"/>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="209"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="213"/>
        <location filename="../../ui/protection/dialogs.py" line="263"/>
        <location filename="../../ui/protection/dialogs.py" line="305"/>
        <source>&amp;Entsperren</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="217"/>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="249"/>
        <source>Wird geöffnet …</source>
        <translation>Opening …</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="307"/>
        <source>Bitte {s} s warten</source>
        <translation>Please wait {s} s</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="317"/>
        <source>Passwort ändern – Kooperation Desktop</source>
        <translation>Change password – Kooperation Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="318"/>
        <source>Bisheriges Passwort</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="319"/>
        <source>&amp;Bisheriges Passwort (oder Wiederherstellungsschlüssel):</source>
        <translation>C&amp;urrent password (or recovery key):</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="321"/>
        <source>Die Datenbank bekommt dabei einen neuen Schlüssel. Der Wiederherstellungsschlüssel des Büros bleibt gültig.</source>
        <translation>The database gets a new key. The office’s recovery key stays valid.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="323"/>
        <source>Passwort &amp;ändern</source>
        <translation>Change pass&amp;word</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="348"/>
        <source>Wiederherstellungsschlüssel – einmalig angezeigt</source>
        <translation>Recovery key – shown only once</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="351"/>
        <source>Mit diesem Schlüssel lassen sich die Daten öffnen, wenn das Passwort vergessen wurde. Bitte jetzt ausdrucken oder notieren, im Büro verschlossen aufbewahren und dann bestätigen. Ohne Bestätigung wird beim nächsten Start ein &lt;b&gt;neuer&lt;/b&gt; Schlüssel angezeigt, und dieser hier gilt nicht mehr. Nicht auf dem Laptop speichern.</source>
        <translation>This key opens the data if the password is forgotten. Please print it or write it down now, keep it locked away in the office and then confirm. Without confirmation a &lt;b&gt;new&lt;/b&gt; key is shown at the next start, and this one stops working. Do not save it on the laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="363"/>
        <source>Wiederherstellungsschlüssel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="367"/>
        <source>QR-Code des Wiederherstellungsschlüssels</source>
        <translation>QR code of the recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="368"/>
        <source>&amp;Drucken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="370"/>
        <source>Ich habe ihn ausgedruckt / &amp;notiert</source>
        <translation>I have printed / &amp;noted it</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="394"/>
        <source>Kooperation Desktop – Wiederherstellungsschlüssel

Verschlossen im Büro aufbewahren. Öffnet die verschlüsselten Daten dieses Laptops, wenn das Passwort vergessen wurde.</source>
        <translation>Kooperation Desktop – recovery key

Keep locked away in the office. Opens the encrypted data of this laptop if the password is forgotten.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/lock.py" line="95"/>
        <source>Gesperrt</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/protection/lock.py" line="182"/>
        <source>&amp;Sperren</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../ui/protection/lock.py" line="251"/>
        <source>Kooperation Desktop – gesperrt</source>
        <translation>Kooperation Desktop – locked</translation>
    </message>
    <message>
        <location filename="../../ui/protection/lock.py" line="252"/>
        <source>Gesperrt – Kooperation Desktop</source>
        <translation>Locked – Kooperation Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/protection/lock.py" line="253"/>
        <source>Das Programm ist gesperrt. Ihre Eingaben sind erhalten; zum Weiterarbeiten bitte das Passwort eingeben.</source>
        <translation>The program is locked. Your entries are kept; to go on working, please enter the password.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/lock.py" line="265"/>
        <source>Das Passwort ist falsch.</source>
        <translation>The password is wrong.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="48"/>
        <source>Protokoll – Fall {case_id}</source>
        <translation>Audit trail – case {case_id}</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="50"/>
        <source>Jede Änderung wird mit Zeitpunkt, Benutzerkonto und Art des Eintrags festgehalten – ohne Inhalte. Das Protokoll kann nicht geändert werden.</source>
        <translation>Every change is recorded with time, user account and kind of entry – without content. The audit trail cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="53"/>
        <source>Wann</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="53"/>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="53"/>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="53"/>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="53"/>
        <source>Protokoll</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="71"/>
        <source>Fall endgültig löschen</source>
        <translation>Delete case for good</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="72"/>
        <source>Den Fall „{title}“ mit allen Personen, Einverständnissen, Vereinbarungen und Unterschriften endgültig löschen? Das kann nicht rückgängig gemacht werden (außer aus einer älteren Datensicherung).</source>
        <translation>Delete the case “{title}” with all persons, consents, agreements and signatures for good? This cannot be undone (except from an older backup).</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="87"/>
        <source>Aufbewahrung und Löschung</source>
        <translation>Retention and deletion</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="91"/>
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="91"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="91"/>
        <source>Löschen ab</source>
        <translation>Delete from</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="92"/>
        <source>Zu löschende Fälle</source>
        <translation>Cases to delete</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="93"/>
        <source>Ausgewählten Fall endgültig &amp;löschen…</source>
        <translation>&amp;Delete the selected case for good…</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="108"/>
        <source>Abgeschlossene Fälle werden 1 Jahr aufbewahrt (Einstellung des Trägers). </source>
        <translation>Closed cases are kept for 1 year (the provider’s setting). </translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="110"/>
        <source>Abgeschlossene Fälle werden {years} Jahre aufbewahrt (Einstellung des Trägers). </source>
        <translation>Closed cases are kept for {years} years (the provider’s setting). </translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="113"/>
        <source>1 Fall über der Frist wird hier nicht angeboten: Sie vertreten ihn nur, löschen kann ihn nur das Team, dem er gehört. </source>
        <translation>1 case past the period is not offered here: you only cover it, only the team it belongs to can delete it. </translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="115"/>
        <source>{n} Fälle über der Frist werden hier nicht angeboten: Sie vertreten sie nur, löschen kann sie nur das Team, dem sie gehören. </source>
        <translation>{n} cases past the period are not offered here: you only cover them, only the teams they belong to can delete them. </translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="117"/>
        <source>Diese Fälle sind über der Frist und sollen gelöscht werden:</source>
        <translation>These cases are past the period and should be deleted:</translation>
    </message>
    <message>
        <location filename="../../ui/protection/views.py" line="118"/>
        <source>Zurzeit ist kein Fall über der Frist.</source>
        <translation>No case is past the period at the moment.</translation>
    </message>
</context>
<context>
    <name>FollowUpCore</name>
    <message>
        <location filename="../../ui/followup/charts.py" line="45"/>
        <source>Nur Indikatoren mit Zielerreichungsskala (−2 bis +2) gehen in den T-Wert ein. Jedes Ziel zählt mit seiner Gewichtung; hat ein Ziel mehrere solche Indikatoren, teilen sie sich sein Gewicht zu gleichen Teilen. T = 50 heißt: im Mittel wie erwartet; über 50 besser, unter 50 weniger als erwartet (nach Kiresuk &amp; Sherman, ρ = 0,3).</source>
        <translation>Only indicators with a goal attainment scale (−2 to +2) count towards the T-score. Each goal counts with its weight; if a goal has several such indicators, they share its weight equally. T = 50 means: as expected on average; above 50 better, below 50 less than expected (after Kiresuk &amp; Sherman, ρ = 0.3).</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="50"/>
        <source>1 – trifft gar nicht zu</source>
        <translation>1 – not true at all</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="51"/>
        <source>2 – trifft eher nicht zu</source>
        <translation>2 – mostly not true</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="52"/>
        <source>3 – teils, teils</source>
        <translation>3 – partly</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="53"/>
        <source>4 – trifft eher zu</source>
        <translation>4 – mostly true</translation>
    </message>
    <message>
        <location filename="../../ui/followup/charts.py" line="54"/>
        <source>5 – trifft voll zu</source>
        <translation>5 – fully true</translation>
    </message>
</context>
<context>
    <name>ProtectionCore</name>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="42"/>
        <source>Bitte ein Passwort eingeben.</source>
        <translation>Please enter a password.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="43"/>
        <source>Zu kurz oder zu einfach (mindestens 10 Zeichen).</source>
        <translation>Too short or too simple (at least 10 characters).</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="44"/>
        <source>Schwach: länger machen oder Zahlen und Sonderzeichen mischen.</source>
        <translation>Weak: make it longer or mix in digits and symbols.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="45"/>
        <source>Mittel: ein paar Zeichen mehr machen es deutlich sicherer.</source>
        <translation>Medium: a few more characters make it much safer.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="46"/>
        <source>Gut.</source>
        <translation>Good.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="47"/>
        <source>Sehr gut.</source>
        <translation>Very good.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="48"/>
        <source>Das Passwort muss mindestens 10 Zeichen lang sein.</source>
        <translation>The password must be at least 10 characters long.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="49"/>
        <source>Das Passwort darf nicht mit einem Leerzeichen beginnen oder enden.</source>
        <translation>The password must not begin or end with a space.</translation>
    </message>
    <message>
        <location filename="../../ui/protection/dialogs.py" line="50"/>
        <source>Das Passwort ist falsch. Bitte noch einmal versuchen (auf Groß- und Kleinschreibung achten).</source>
        <translation>The password is wrong. Please try again (mind upper and lower case).</translation>
    </message>
</context>
</TS>

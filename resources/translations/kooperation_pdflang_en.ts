<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LanguageField</name>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="45"/>
        <source>S&amp;prache der Vereinbarung (PDF):</source>
        <translation>&amp;Language of the agreement (PDF):</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="49"/>
        <source>Sprache der Vereinbarung (PDF)</source>
        <translation>Language of the agreement (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="51"/>
        <source>In dieser Sprache werden die Zusammenfassung und der Text der Vereinbarung gedruckt. Was Sie eingeben, bleibt so, wie Sie es schreiben.</source>
        <translation>The summary and the text of the agreement are printed in this language. What you type stays as you wrote it.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="54"/>
        <source>Für das Jugendamt: Deutsch.</source>
        <translation>For the youth office: German.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="65"/>
        <source>Zusätzlich für die &amp;Familie:</source>
        <translation>Also for the famil&amp;y:</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="67"/>
        <source>keine (nur Deutsch)</source>
        <translation>none (German only)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="70"/>
        <source>Zweite Sprache für die Familie</source>
        <translation>Second language for the family</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="72"/>
        <source>Die festen Texte, die die Familie liest, stehen dann auf Deutsch und darunter in dieser Sprache: die Kurzfassung, der Text zum Einverständnis, die Erklärungen bei den Unterschriften und die Ansicht für die Familie. Was Sie eingeben, wird nicht übersetzt.</source>
        <translation>The fixed texts the family reads are then shown in German and below in this language: the summary, the consent text, the explanations at the signatures and the family view. What you type is not translated.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="76"/>
        <source>Verbindlich ist die deutsche Fassung.</source>
        <translation>The German version is binding.</translation>
    </message>
</context>
</TS>

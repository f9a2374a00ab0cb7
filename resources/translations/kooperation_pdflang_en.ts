<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LanguageField</name>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="35"/>
        <source>S&amp;prache der Vereinbarung (PDF):</source>
        <translation>&amp;Language of the agreement (PDF):</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="39"/>
        <source>Sprache der Vereinbarung (PDF)</source>
        <translation>Language of the agreement (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="41"/>
        <source>In dieser Sprache werden die Zusammenfassung und der Text der Vereinbarung gedruckt. Was Sie eingeben, bleibt so, wie Sie es schreiben.</source>
        <translation>The summary and the text of the agreement are printed in this language. What you type stays as you wrote it.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/language_field.py" line="44"/>
        <source>Für das Jugendamt: Deutsch.</source>
        <translation>For the youth office: German.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="63"/>
        <source>heute</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="65"/>
        <source>seit gestern</source>
        <translation>since yesterday</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="67"/>
        <source>seit {n} Tagen</source>
        <translation>{n} days ago</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="68"/>
        <source>morgen</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="68"/>
        <source>in {n} Tagen</source>
        <translation>in {n} days</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="74"/>
        <source>überfällig ({days})</source>
        <translation>overdue ({days})</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="76"/>
        <source>heute fällig</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="95"/>
        <source>Heute fällig / überfällig</source>
        <translation>Due today / overdue</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="98"/>
        <source>Heute fällig und überfällig</source>
        <translation>Due today and overdue</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="104"/>
        <source>&amp;Zum Fall</source>
        <translation>&amp;View case</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="105"/>
        <source>&amp;Erledigt</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="106"/>
        <source>Als erledigt markieren; bei einem Rhythmus erscheint der nächste Termin.</source>
        <translation>Mark as done; for a recurring date the next one appears.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="123"/>
        <source>Fälligkeiten werden einmalig neu berechnet …</source>
        <translation>Due dates are being computed once …</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="144"/>
        <source>Heute ist nichts fällig. In den nächsten 14 Tagen auch nicht.</source>
        <translation>Nothing is due today, nor in the next 14 days.</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="146"/>
        <source>… und {more} weitere (gezeigt werden die {shown} ältesten)</source>
        <translation>… and {more} more (showing the {shown} oldest)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="152"/>
        <source>Heute fällig / überfällig: {n}</source>
        <translation>Due today / overdue: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="153"/>
        <source>demnächst (14 Tage): {n}</source>
        <translation>coming up (14 days): {n}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Alle Daten bleiben auf diesem Gerät.</source>
        <translation>All data stays on this device.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>mehr als {count} Fälle gefunden</source>
        <translation>more than {count} cases found</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>1 Fall gefunden</source>
        <translation>1 case found</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>{count} Fälle gefunden</source>
        <translation>{count} cases found</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>1 Fall</source>
        <translation>1 case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>{count} Fälle</source>
        <translation>{count} cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>Fall „{title}“ angelegt.</source>
        <translation>Case “{title}” created.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409"/>
        <source>Für diesen Fall gibt es noch keine Vereinbarung.</source>
        <translation>There is no agreement for this case yet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409"/>
        <source>PDF exportieren</source>
        <translation>Export PDF</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <location filename="../../ui/case_list_model.py" line="36"/>
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_model.py" line="37"/>
        <source>Aktenzeichen</source>
        <translation>File no.</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_model.py" line="38"/>
        <source>Hilfeart</source>
        <translation>Type of help</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_model.py" line="39"/>
        <source>Personen</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_model.py" line="40"/>
        <source>Vereinbarung</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_model.py" line="41"/>
        <source>Zuletzt geändert</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_model.py" line="50"/>
        <source>keine</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/case_list_model.py" line="53"/>
        <source>{status}, Version {version}</source>
        <translation>{status}, version {version}</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="48"/>
        <source>Überprüfung / Hilfeplangespräch</source>
        <translation>Review / help-plan meeting</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="49"/>
        <source>Treffen</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="50"/>
        <source>Bericht</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="51"/>
        <source>Rückmeldung</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="52"/>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="53"/>
        <source>Geplantes Ende der Hilfe</source>
        <translation>Planned end of the help</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="54"/>
        <source>Übergang planen</source>
        <translation>Plan the transition</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="55"/>
        <source>Überprüfung der Ziele und Indikatoren (Hilfeplangespräch)</source>
        <translation>Review of the goals and indicators (help-plan meeting)</translation>
    </message>
    <message>
        <location filename="../../ui/followup/due_panel.py" line="56"/>
        <source>Die Hilfe endet wie geplant.</source>
        <translation>The help ends as planned.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>BoardSettingsDialog</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="159" />
            <source>%n need(s) in this column: it can be removed once empty.</source>
            <translation>
                <numerusform>%n need in this column: it can be removed once empty.</numerusform>
                <numerusform>%n needs in this column: it can be removed once empty.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CadenceDialog</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/calendar/dialogs.py" line="429" />
            <source>Plan %n sprint(s)</source>
            <translation>
                <numerusform>Plan %n sprint</numerusform>
                <numerusform>Plan %n sprints</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CalendarPage</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/calendar/page.py" line="393" />
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n working day</numerusform>
                <numerusform>%n working days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/calendar/page.py" line="448" />
            <source>Added since the start: %n need(s), %1 points.</source>
            <translation>
                <numerusform>Added since the start: %n need, %1 points.</numerusform>
                <numerusform>Added since the start: %n needs, %1 points.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CloseSprintDialog</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/calendar/dialogs.py" line="448" />
            <source>%n need(s) not done. Choose where each one goes; the sprint's velocity will be recorded.</source>
            <translation>
                <numerusform>%n need not done. Choose where each one goes; the sprint's velocity will be recorded.</numerusform>
                <numerusform>%n needs not done. Choose where each one goes; the sprint's velocity will be recorded.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ColumnHeader</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/board/view.py" line="140" />
            <source>%n need(s)</source>
            <translation>
                <numerusform>%n need</numerusform>
                <numerusform>%n needs</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EntryRuleTexts</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/board/readiness.py" line="91" />
            <source>%n need(s) would enter “%1” without meeting its entry rules:</source>
            <translation>
                <numerusform>%n need would enter “%1” without meeting its entry rules:</numerusform>
                <numerusform>%n needs would enter “%1” without meeting its entry rules:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/board/readiness.py" line="101" />
            <source>… and %n more need(s)</source>
            <translation>
                <numerusform>… and %n more need</numerusform>
                <numerusform>… and %n more needs</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Exchange</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/exchange.py" line="91" />
            <source>%n need(s) exported.</source>
            <translation>
                <numerusform>%n need exported.</numerusform>
                <numerusform>%n needs exported.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GridsDialog</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="215" />
            <source>%n assessment(s) made with it</source>
            <translation>
                <numerusform>%n assessment made with it</numerusform>
                <numerusform>%n assessments made with it</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="297" />
            <source>Used by %n assessment(s). Saving your changes makes a new grid (active if this one is); existing assessments stay on this grid.</source>
            <translation>
                <numerusform>Used by %n assessment. Saving your changes makes a new grid (active if this one is); existing assessments stay on this grid.</numerusform>
                <numerusform>Used by %n assessments. Saving your changes makes a new grid (active if this one is); existing assessments stay on this grid.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/import_dialog.py" line="131" />
            <source>%1 — %n row(s) of needs</source>
            <translation>
                <numerusform>%1 — %n row of needs</numerusform>
                <numerusform>%1 — %n rows of needs</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NeedActions</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/need_actions.py" line="99" />
            <source>Delete these %n needs, with their scoring and history?

%1

You can undo it (Ctrl+Z).</source>
            <translation>
                <numerusform>Delete these %n needs, with their scoring and history?

%1

You can undo it (Ctrl+Z).</numerusform>
                <numerusform>Delete these %n needs, with their scoring and history?

%1

You can undo it (Ctrl+Z).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/need_actions.py" line="109" />
            <source>Delete %n need(s)</source>
            <translation>
                <numerusform>Delete %n need</numerusform>
                <numerusform>Delete %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/need_actions.py" line="115" />
            <source>%n need(s) deleted.</source>
            <translation>
                <numerusform>%n need deleted.</numerusform>
                <numerusform>%n needs deleted.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/need_actions.py" line="127" />
            <source>Move %n need(s)</source>
            <translation>
                <numerusform>Move %n need</numerusform>
                <numerusform>Move %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/need_actions.py" line="134" />
            <source>Plan %n need(s)</source>
            <translation>
                <numerusform>Plan %n need</numerusform>
                <numerusform>Plan %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/need_actions.py" line="141" />
            <source>Assign %n need(s)</source>
            <translation>
                <numerusform>Assign %n need</numerusform>
                <numerusform>Assign %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/need_actions.py" line="148" />
            <source>Duplicate %n need(s)</source>
            <translation>
                <numerusform>Duplicate %n need</numerusform>
                <numerusform>Duplicate %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/need_actions.py" line="154" />
            <source>%n need(s) duplicated.</source>
            <translation>
                <numerusform>%n need duplicated.</numerusform>
                <numerusform>%n needs duplicated.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScoringPage</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/scoring/page.py" line="343" />
            <source>Needs moving in the ranking: %n. Nothing is saved until you apply.</source>
            <translation>
                <numerusform>Needs moving in the ranking: %n. Nothing is saved until you apply.</numerusform>
                <numerusform>Needs moving in the ranking: %n. Nothing is saved until you apply.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/scoring/page.py" line="358" />
            <source>Save these weights in the grid “%1”? Each need scored with it (%n) gets a new version with the new score; earlier versions keep the old weights. You can undo it.</source>
            <translation>
                <numerusform>Save these weights in the grid “%1”? Each need scored with it (%n) gets a new version with the new score; earlier versions keep the old weights. You can undo it.</numerusform>
                <numerusform>Save these weights in the grid “%1”? Each need scored with it (%n) gets a new version with the new score; earlier versions keep the old weights. You can undo it.</numerusform>
            </translation>
        </message>
    </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>BoardSettingsDialog</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="134" />
            <source>%n need(s) in this column: it can be removed once empty.</source>
            <translation>
                <numerusform>%n need in this column: it can be removed once empty.</numerusform>
                <numerusform>%n needs in this column: it can be removed once empty.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="442" />
            <source>Delete %n need(s)</source>
            <translation>
                <numerusform>Delete %n need</numerusform>
                <numerusform>Delete %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="445" />
            <source>%n need(s) deleted — Ctrl+Z to undo.</source>
            <translation>
                <numerusform>%n need deleted — Ctrl+Z to undo.</numerusform>
                <numerusform>%n needs deleted — Ctrl+Z to undo.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="479" />
            <source>Move %n need(s)</source>
            <translation>
                <numerusform>Move %n need</numerusform>
                <numerusform>Move %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="487" />
            <source>Plan %n need(s)</source>
            <translation>
                <numerusform>Plan %n need</numerusform>
                <numerusform>Plan %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="495" />
            <source>Assign %n need(s)</source>
            <translation>
                <numerusform>Assign %n need</numerusform>
                <numerusform>Assign %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="503" />
            <source>Duplicate %n need(s)</source>
            <translation>
                <numerusform>Duplicate %n need</numerusform>
                <numerusform>Duplicate %n needs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="511" />
            <source>%n need(s) duplicated — Ctrl+Z to undo.</source>
            <translation>
                <numerusform>%n need duplicated — Ctrl+Z to undo.</numerusform>
                <numerusform>%n needs duplicated — Ctrl+Z to undo.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="648" />
            <source>%n need(s) exported.</source>
            <translation>
                <numerusform>%n need exported.</numerusform>
                <numerusform>%n needs exported.</numerusform>
            </translation>
        </message>
    </context>
</TS>

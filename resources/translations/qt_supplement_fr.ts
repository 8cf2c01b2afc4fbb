<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  French for the Qt strings that Qt's own catalogue (qtbase_fr.qm) leaves in English with
  the Qt this app ships: the file chooser's "Look in:" and "Files of type:" labels and the
  type of folders and drives, the progress bar's percentage, two key names. Written for
  PO Desktop; po_desktop/ui/i18n.py installs it just before qtbase_fr.qm, which therefore
  still answers first wherever it has a translation. tests/ui/test_qt_translations.py
  finds the gaps with a translator that records what Qt asks.
  Typography as in qtbase_fr: a no-break space (U+00A0) before ":" and "%".
-->
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>Dossier de fichiers</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Alias</source>
        <comment>macOS Finder</comment>
        <translation>Alias</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Regarder dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
<context>
    <name>QProgressBar</name>
    <message>
        <source>%p%</source>
        <translation>%p %</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Control</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Clavier</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
    <context>
        <name>BoardPage</name>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="68" />
            <source>%1 needs</source>
            <translation>%1 besoins</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="69" />
            <source>%1 of %2</source>
            <translation>%1 sur %2</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="70" />
            <source>%1 pts</source>
            <translation>%1 pts</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="71" />
            <source>WIP limit exceeded</source>
            <translation>Limite dépassée</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="72" />
            <source>Work-in-progress limit: %1 cards</source>
            <translation>Limite d'en-cours : %1 cartes</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="112" />
            <source>Swimlanes</source>
            <translation>Couloirs</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="116" />
            <source>No swimlanes</source>
            <translation>Sans couloirs</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="117" />
            <source>Lanes by project</source>
            <translation>Couloirs par projet</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="118" />
            <source>Lanes by assignee</source>
            <translation>Couloirs par responsable</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="119" />
            <source>Lanes by business unit</source>
            <translation>Couloirs par métier</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="124" />
            <source>Scope</source>
            <translation>Périmètre</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="127" />
            <source>Active sprint</source>
            <translation>Sprint en cours</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="127" />
            <location filename="../../po_desktop/ui/board/page.py" line="550" />
            <source>Backlog (no sprint)</source>
            <translation>Backlog (sans sprint)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="127" />
            <source>All needs</source>
            <translation>Tous les besoins</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="131" />
            <source>Source</source>
            <translation>Origine</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="132" />
            <source>Business unit</source>
            <translation>Métier</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="133" />
            <source>Assignee</source>
            <translation>Responsable</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="134" />
            <source>Decision</source>
            <translation>Décision</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="135" />
            <source>Tag</source>
            <translation>Étiquette</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="136" />
            <source>Any source</source>
            <translation>Toutes origines</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="139" />
            <source>Any decision</source>
            <translation>Toutes décisions</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="140" />
            <source>Not scored</source>
            <translation>Non coté</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="142" />
            <location filename="../../po_desktop/ui/board/page.py" line="223" />
            <source>Any business unit</source>
            <translation>Tous métiers</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="143" />
            <location filename="../../po_desktop/ui/board/page.py" line="226" />
            <source>Anyone</source>
            <translation>Tous responsables</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="143" />
            <location filename="../../po_desktop/ui/board/page.py" line="227" />
            <location filename="../../po_desktop/ui/board/page.py" line="357" />
            <source>Unassigned</source>
            <translation>Non attribué</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="144" />
            <location filename="../../po_desktop/ui/board/page.py" line="229" />
            <source>Any tag</source>
            <translation>Toutes étiquettes</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="145" />
            <source>Clear filters</source>
            <translation>Effacer les filtres</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="147" />
            <source>Columns…</source>
            <translation>Colonnes…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="149" />
            <source>Add, rename, reorder or limit the board's columns</source>
            <translation>Ajouter, renommer, réordonner ou limiter les colonnes du tableau</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="157" />
            <source>Filters:</source>
            <translation>Filtres :</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="187" />
            <source>Move to previous column</source>
            <translation>Vers la colonne précédente</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="190" />
            <source>Move to next column</source>
            <translation>Vers la colonne suivante</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="193" />
            <source>Move up</source>
            <translation>Monter</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="196" />
            <source>Move down</source>
            <translation>Descendre</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="199" />
            <source>Move to top of column</source>
            <translation>En haut de la colonne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="201" />
            <location filename="../../po_desktop/ui/board/page.py" line="567" />
            <source>Duplicate</source>
            <translation>Dupliquer</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="340" />
            <source>Assignee: %1</source>
            <translation>Responsable : %1</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="341" />
            <source>Sprint: %1</source>
            <translation>Sprint : %1</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="343" />
            <source>In “%1” since %2</source>
            <translation>Dans « %1 » depuis le %2</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="346" />
            <source>Tags: %1</source>
            <translation>Étiquettes : %1</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="360" />
            <source>No business unit</source>
            <translation>Sans métier</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="485" />
            <source>Work-in-progress limit</source>
            <translation>Limite d'en-cours</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="486" />
            <source>“%1” would hold %2 needs for a limit of %3.

Move anyway?</source>
            <translation>« %1 » contiendrait %2 besoins pour une limite de %3.

Déplacer quand même ?</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="539" />
            <source>Open…</source>
            <translation>Ouvrir…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="540" />
            <source>Open scoring form</source>
            <translation>Ouvrir la cotation</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="542" />
            <source>Move to column</source>
            <translation>Déplacer vers la colonne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="548" />
            <source>Move to sprint</source>
            <translation>Planifier dans le sprint</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="557" />
            <source>Assign to</source>
            <translation>Attribuer à</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="558" />
            <source>Nobody</source>
            <translation>Personne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/page.py" line="568" />
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
    </context>
    <context>
        <name>BoardSettingsDialog</name>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="43" />
            <source>Board columns</source>
            <translation>Colonnes du tableau</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="62" />
            <source>&amp;Add column</source>
            <translation>&amp;Ajouter une colonne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="63" />
            <source>&amp;Remove</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="64" />
            <source>Move &amp;up</source>
            <translation>&amp;Monter</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="65" />
            <source>Move &amp;down</source>
            <translation>&amp;Descendre</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="80" />
            <source>No limit</source>
            <translation>Sans limite</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="82" />
            <source>Needs in this column are done (velocity, burndown)</source>
            <translation>Les besoins de cette colonne sont terminés (vélocité, burndown)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="87" />
            <source>Name:</source>
            <translation>Nom :</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="88" />
            <source>WIP limit:</source>
            <translation>Limite d'en-cours :</translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="134" />
            <source>%n need(s) in this column: it can be removed once empty.</source>
            <translation>
                <numerusform>%n besoin dans cette colonne : elle pourra être retirée une fois vide.</numerusform>
                <numerusform>%n besoins dans cette colonne : elle pourra être retirée une fois vide.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="157" />
            <source>(no name)</source>
            <translation>(sans nom)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="137" />
            <source>No need in this column.</source>
            <translation>Aucun besoin dans cette colonne.</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="166" />
            <source>New column</source>
            <translation>Nouvelle colonne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/settings_dialog.py" line="193" />
            <source>Edit board columns</source>
            <translation>Modifier les colonnes du tableau</translation>
        </message>
    </context>
    <context>
        <name>CalendarPage</name>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="323" />
            <source>No sprint yet.</source>
            <translation>Aucun sprint pour l'instant.</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="325" />
            <source>Select a sprint to read its goal.</source>
            <translation>Sélectionnez un sprint pour lire son objectif.</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="329" />
            <source>Goal: %1</source>
            <translation>Objectif : %1</translation>
        </message>
    </context>
    <context>
        <name>CardDelegate</name>
        <message>
            <location filename="../../po_desktop/ui/board/delegate.py" line="63" />
            <source>%1 d</source>
            <translation>%1 j</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/delegate.py" line="64" />
            <source>%1 pts</source>
            <translation>%1 pts</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/delegate.py" line="65" />
            <source>%1 pt</source>
            <translation>%1 pt</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/delegate.py" line="66" />
            <source>non-technical</source>
            <translation>non technique</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/board/delegate.py" line="67" />
            <source>not scored</source>
            <translation>non coté</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="86" />
            <location filename="../../po_desktop/ui/main_window.py" line="161" />
            <source>&amp;Board</source>
            <translation>&amp;Tableau</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="87" />
            <location filename="../../po_desktop/ui/main_window.py" line="161" />
            <source>L&amp;ist</source>
            <translation>L&amp;iste</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="88" />
            <location filename="../../po_desktop/ui/main_window.py" line="161" />
            <source>&amp;Scoring</source>
            <translation>&amp;Cotation</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="89" />
            <location filename="../../po_desktop/ui/main_window.py" line="161" />
            <source>Ca&amp;lendar</source>
            <translation>Ca&amp;lendrier</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="98" />
            <source>Project filter</source>
            <translation>Filtre projet</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="101" />
            <source>Search key, title, problem… (Ctrl+F)</source>
            <translation>Rechercher clé, titre, défi… (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="142" />
            <source>&amp;New database…</source>
            <translation>&amp;Nouvelle base…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="143" />
            <source>&amp;Open…</source>
            <translation>&amp;Ouvrir…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="144" />
            <source>&amp;Import needs (CSV)…</source>
            <translation>&amp;Importer des besoins (CSV)…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="145" />
            <source>&amp;Export needs (CSV)…</source>
            <translation>&amp;Exporter les besoins (CSV)…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="146" />
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="147" />
            <source>&amp;New need…</source>
            <translation>&amp;Nouveau besoin…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="148" />
            <source>New need (Ctrl+N)</source>
            <translation>Nouveau besoin (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="149" />
            <source>&amp;Edit need…</source>
            <translation>&amp;Modifier le besoin…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="150" />
            <source>&amp;Delete need</source>
            <translation>&amp;Supprimer le besoin</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="152" />
            <source>&amp;Find</source>
            <translation>&amp;Rechercher</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="153" />
            <source>&amp;Projects…</source>
            <translation>&amp;Projets…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="154" />
            <source>P&amp;eople…</source>
            <translation>P&amp;ersonnes…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="155" />
            <source>&amp;About PO Desktop</source>
            <translation>À &amp;propos de PO Desktop</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="157" />
            <source>Board &amp;columns…</source>
            <translation>&amp;Colonnes du tableau…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="173" />
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="175" />
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="179" />
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="187" />
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="198" />
            <source>Move &amp;card</source>
            <translation>Déplacer la &amp;carte</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="202" />
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="205" />
            <source>&amp;Workspace</source>
            <translation>&amp;Espace de travail</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="209" />
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="212" />
            <source>Main toolbar</source>
            <translation>Barre d'outils principale</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="221" />
            <source>Project:</source>
            <translation>Projet :</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="262" />
            <source>All projects</source>
            <translation>Tous les projets</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="266" />
            <source>(archived)</source>
            <translation>(archivé)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="385" />
            <source>%1 of %2 needs</source>
            <translation>%1 besoins affichés sur %2</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="419" />
            <source>Need created.</source>
            <translation>Besoin créé.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="442" />
            <source>Delete %n need(s)</source>
            <translation>
                <numerusform>Supprimer %n besoin</numerusform>
                <numerusform>Supprimer %n besoins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="445" />
            <source>%n need(s) deleted — Ctrl+Z to undo.</source>
            <translation>
                <numerusform>%n besoin supprimé — Ctrl+Z pour annuler.</numerusform>
                <numerusform>%n besoins supprimés — Ctrl+Z pour annuler.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="479" />
            <source>Move %n need(s)</source>
            <translation>
                <numerusform>Déplacer %n besoin</numerusform>
                <numerusform>Déplacer %n besoins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="487" />
            <source>Plan %n need(s)</source>
            <translation>
                <numerusform>Planifier %n besoin</numerusform>
                <numerusform>Planifier %n besoins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="495" />
            <source>Assign %n need(s)</source>
            <translation>
                <numerusform>Attribuer %n besoin</numerusform>
                <numerusform>Attribuer %n besoins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="503" />
            <source>Duplicate %n need(s)</source>
            <translation>
                <numerusform>Dupliquer %n besoin</numerusform>
                <numerusform>Dupliquer %n besoins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="511" />
            <source>%n need(s) duplicated — Ctrl+Z to undo.</source>
            <translation>
                <numerusform>%n besoin dupliqué — Ctrl+Z pour annuler.</numerusform>
                <numerusform>%n besoins dupliqués — Ctrl+Z pour annuler.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="520" />
            <source>This need is done or hidden by the filters: it is not in the ranking.</source>
            <translation>Ce besoin est terminé ou masqué par les filtres : il n'est pas dans le classement.</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="548" />
            <source>New database</source>
            <translation>Nouvelle base</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="558" />
            <source>Open database</source>
            <translation>Ouvrir une base</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="567" />
            <source>Cannot open database</source>
            <translation>Impossible d'ouvrir la base</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="595" />
            <location filename="../../po_desktop/ui/main_window.py" line="616" />
            <source>Import needs</source>
            <translation>Importer des besoins</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="595" />
            <source>CSV files (*.csv);;*</source>
            <translation>Fichiers CSV (*.csv);;*</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="602" />
            <source>Import failed</source>
            <translation>Échec de l'import</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="620" />
            <source>Import: %1 need(s) created, %2 updated, %3 project(s) created — Ctrl+Z to undo.</source>
            <translation>Import : %1 besoin(s) créé(s), %2 mis à jour, %3 projet(s) créé(s) — Ctrl+Z pour annuler.</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="635" />
            <source>Export needs</source>
            <translation>Exporter les besoins</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="635" />
            <source>CSV files (*.csv)</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="646" />
            <source>Export failed</source>
            <translation>Échec de l'export</translation>
        </message>
        <message numerus="yes">
            <location filename="../../po_desktop/ui/main_window.py" line="648" />
            <source>%n need(s) exported.</source>
            <translation>
                <numerusform>%n besoin exporté.</numerusform>
                <numerusform>%n besoins exportés.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="667" />
            <source>About PO Desktop</source>
            <translation>À propos de PO Desktop</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/main_window.py" line="669" />
            <source>Needs, scoring, board and sprints for product owners — offline.</source>
            <translation>Besoins, cotation, tableau et sprints pour product owners — hors ligne.</translation>
        </message>
    </context>
    <context>
        <name>NeedDialog</name>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="79" />
            <source>New need</source>
            <translation>Nouveau besoin</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="79" />
            <location filename="../../po_desktop/ui/need_dialog.py" line="279" />
            <source>Edit need</source>
            <translation>Modifier le besoin</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="88" />
            <source>Short name shown on the card</source>
            <translation>Nom court affiché sur la carte</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="91" />
            <source>What challenge must we meet? Who is hindered, how often, at what cost?</source>
            <translation>Quel défi devons-nous relever ? Qui est gêné, à quelle fréquence, à quel coût ?</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="96" />
            <source>The solution the requester has in mind, if any (kept apart from the need)</source>
            <translation>La solution que le demandeur a en tête, le cas échéant (distincte du besoin)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="108" />
            <source>Needs development work (IT)</source>
            <translation>Nécessite du développement (informatique)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="114" />
            <source>e.g. 3 or 0,5 — empty if not estimated</source>
            <translation>ex. 3 ou 0,5 — vide si non estimé</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="116" />
            <source>Backlog (no sprint)</source>
            <translation>Backlog (sans sprint)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="120" />
            <source>Unassigned</source>
            <translation>Non attribué</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="124" />
            <source>Comma-separated, e.g. GDPR, mobile</source>
            <translation>Séparées par des virgules, ex. RGPD, mobile</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="127" />
            <source>How we will know it is done</source>
            <translation>Comment saurons-nous que c'est terminé ?</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="129" />
            <source>The need</source>
            <translation>Le besoin</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="131" />
            <source>&amp;Project</source>
            <translation>&amp;Projet</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="132" />
            <source>&amp;Title</source>
            <translation>&amp;Titre</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="133" />
            <source>Pro&amp;blem statement</source>
            <translation>Défi à relever (&amp;besoin réel)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="134" />
            <source>Proposed &amp;solution</source>
            <translation>&amp;Solution envisagée</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="135" />
            <source>Acceptance c&amp;riteria</source>
            <translation>Critères d'a&amp;cceptation</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="137" />
            <source>Origin and routing</source>
            <translation>Origine et orientation</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="140" />
            <source>Re&amp;quester</source>
            <translation>&amp;Demandeur</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="141" />
            <source>Sour&amp;ce</source>
            <translation>Ori&amp;gine</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="142" />
            <source>B&amp;usiness unit</source>
            <translation>Méti&amp;er</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="144" />
            <source>Colu&amp;mn</source>
            <translation>Colo&amp;nne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="145" />
            <source>P&amp;oints</source>
            <translation>P&amp;oints</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="146" />
            <source>Spri&amp;nt</source>
            <translation>Spri&amp;nt</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="147" />
            <source>Ass&amp;ignee</source>
            <translation>Respo&amp;nsable</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="148" />
            <source>Ta&amp;gs</source>
            <translation>É&amp;tiquettes</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="161" />
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="210" />
            <source>Edit need %1</source>
            <translation>Modifier le besoin %1</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="268" />
            <source>Create a project first (Workspace ▸ Projects).</source>
            <translation>Créez d'abord un projet (Espace de travail ▸ Projets).</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/need_dialog.py" line="274" />
            <source>Create need</source>
            <translation>Créer un besoin</translation>
        </message>
    </context>
    <context>
        <name>NeedTableModel</name>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="102" />
            <source>Key</source>
            <translation>Clé</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="103" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="104" />
            <source>Project</source>
            <translation>Projet</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="105" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="106" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="107" />
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="108" />
            <source>Decision</source>
            <translation>Décision</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="109" />
            <source>Source</source>
            <translation>Origine</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="110" />
            <source>Business unit</source>
            <translation>Métier</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="111" />
            <source>Assignee</source>
            <translation>Responsable</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="112" />
            <source>Sprint</source>
            <translation>Sprint</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="113" />
            <source>Tags</source>
            <translation>Étiquettes</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="115" />
            <source>non-technical</source>
            <translation>non technique</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="116" />
            <source>not scored</source>
            <translation>non coté</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="117" />
            <source>Backlog</source>
            <translation>Backlog</translation>
        </message>
    </context>
    <context>
        <name>PeopleDialog</name>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="378" />
            <source>People</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="392" />
            <source>e.g. Developer, HR manager</source>
            <translation>ex. Développeuse, Responsable RH</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="400" />
            <source>Active</source>
            <translation>Actif</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="401" />
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="402" />
            <source>&amp;Role</source>
            <translation>&amp;Rôle</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="403" />
            <source>&amp;Business unit</source>
            <translation>&amp;Métier</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="404" />
            <source>&amp;Availability</source>
            <translation>&amp;Disponibilité</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="417" />
            <source>inactive</source>
            <translation>inactive</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="387" />
            <source>Add person</source>
            <translation>Ajouter une personne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="388" />
            <source>Edit person</source>
            <translation>Modifier la personne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="389" />
            <source>Remove person</source>
            <translation>Retirer la personne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="451" />
            <source>Person in use</source>
            <translation>Personne affectée</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="452" />
            <source>Mark this person inactive instead?</source>
            <translation>Marquer plutôt cette personne comme inactive ?</translation>
        </message>
    </context>
    <context>
        <name>ProjectsDialog</name>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="276" />
            <source>Projects</source>
            <translation>Projets</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="290" />
            <source>e.g. ERP — prefix of the need keys</source>
            <translation>ex. ERP — préfixe des clés de besoins</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="298" />
            <source>Choose…</source>
            <translation>Choisir…</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="303" />
            <source>Archived (no new needs)</source>
            <translation>Archivé (plus de nouveaux besoins)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="304" />
            <source>&amp;Code</source>
            <translation>&amp;Code</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="305" />
            <source>&amp;Name</source>
            <translation>&amp;Nom</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="306" />
            <source>&amp;Kind</source>
            <translation>&amp;Type</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="307" />
            <source>&amp;Product owner</source>
            <translation>&amp;Product owner</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="308" />
            <source>Co&amp;lour</source>
            <translation>Cou&amp;leur</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="318" />
            <source>Nobody</source>
            <translation>Personne</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="331" />
            <source>Project colour</source>
            <translation>Couleur du projet</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="285" />
            <source>Create project</source>
            <translation>Créer un projet</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="286" />
            <source>Edit project</source>
            <translation>Modifier le projet</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="287" />
            <source>Delete project</source>
            <translation>Supprimer le projet</translation>
        </message>
    </context>
    <context>
        <name>ScoringForm</name>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="76" />
            <source>The need</source>
            <translation>Le besoin</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="78" />
            <source>Problem to solve (the real need)</source>
            <translation>Défi à relever (le besoin réel)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="80" />
            <source>Proposed solution (as the requester sees it)</source>
            <translation>Solution envisagée (selon le demandeur)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="84" />
            <source>Scoring grid</source>
            <translation>Grille de cotation</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="86" />
            <source>Criteria</source>
            <translation>Critères</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="88" />
            <source>Grid:</source>
            <translation>Grille :</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="91" />
            <source>Score:</source>
            <translation>Score :</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="98" />
            <source>Why this decision? Required for a no-go or an explore.</source>
            <translation>Pourquoi cette décision ? Obligatoire pour un no go ou un « à explorer ».</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="102" />
            <source>Who decided (the requester and you)</source>
            <translation>Qui a décidé (le demandeur et vous)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="103" />
            <source>Decision</source>
            <translation>Décision</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="105" />
            <source>Decision:</source>
            <translation>Décision :</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="106" />
            <source>Rationale:</source>
            <translation>Justification :</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="107" />
            <source>Decided by:</source>
            <translation>Décidé par :</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="113" />
            <source>&amp;Save scoring</source>
            <translation>&amp;Enregistrer la cotation</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="119" />
            <source>Restore this version</source>
            <translation>Restaurer cette version</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="122" />
            <source>History</source>
            <translation>Historique</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="146" />
            <source>Select a need to score it.</source>
            <translation>Sélectionnez un besoin pour le coter.</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="198" />
            <source>No problem statement yet: state it before scoring.</source>
            <translation>Pas encore de défi formulé : formulez-le avant de coter.</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="291" />
            <source>cost</source>
            <translation>coût</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="291" />
            <source>benefit</source>
            <translation>bénéfice</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="311" />
            <source>%1 / 100 — rank %2 of %3 in the backlog</source>
            <translation>%1 / 100 — rang %2 sur %3 dans le backlog</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="332" />
            <source>Score %1</source>
            <translation>Coter %1</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/scoring_form.py" line="343" />
            <source>Restore scoring v%1</source>
            <translation>Restaurer la cotation v%1</translation>
        </message>
    </context>
    <context>
        <name>ScoringPage</name>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="203" />
            <source>Next unscored ▼</source>
            <translation>Non coté suivant ▼</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="204" />
            <source>Next need without a score (F8)</source>
            <translation>Besoin suivant sans cotation (F8)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="206" />
            <source>Previous unscored ▲</source>
            <translation>Non coté précédent ▲</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="207" />
            <source>Previous need without a score (Shift+F8)</source>
            <translation>Besoin précédent sans cotation (Maj+F8)</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="217" />
            <source>Scoring session:</source>
            <translation>Séance de cotation :</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="256" />
            <source>Unsaved scoring</source>
            <translation>Cotation non enregistrée</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/pages.py" line="257" />
            <source>The scoring of %1 is not saved.</source>
            <translation>La cotation de %1 n'est pas enregistrée.</translation>
        </message>
    </context>
    <context>
        <name>SprintTableModel</name>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="261" />
            <source>Sprint</source>
            <translation>Sprint</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="262" />
            <source>Dates</source>
            <translation>Dates</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="263" />
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="264" />
            <source>Needs</source>
            <translation>Besoins</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="265" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="266" />
            <source>Done</source>
            <translation>Terminés</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="267" />
            <source>Velocity</source>
            <translation>Vélocité</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/models.py" line="268" />
            <source>Rituals</source>
            <translation>Rituels</translation>
        </message>
    </context>
    <context>
        <name>_ListEditor</name>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="80" />
            <source>New</source>
            <translation>Nouveau</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="81" />
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="82" />
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../../po_desktop/ui/workspace_dialogs.py" line="178" />
            <source>Save the changes to this item?</source>
            <translation>Enregistrer les modifications de cet élément ?</translation>
        </message>
    </context>
</TS>

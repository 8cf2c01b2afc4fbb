<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="44"/>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="51"/>
        <source>Needs, scoring, board and sprints for product owners — offline.</source>
        <translation>Besoins, cotation, tableau et sprints pour les product owners — hors ligne.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="60"/>
        <source>Database:</source>
        <translation>Base&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="62"/>
        <source>Schema version:</source>
        <translation>Version du schéma&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="64"/>
        <source>Log file:</source>
        <translation>Journal&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="66"/>
        <source>Running on:</source>
        <translation>Environnement&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="81"/>
        <source>Third-party components</source>
        <translation>Composants tiers</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="113"/>
        <source>Licences of %1 and of the components it ships:</source>
        <translation>Licences de %1 et des composants qu&apos;il embarque :</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="120"/>
        <source>Licence file missing: %1</source>
        <translation>Fichier de licence absent&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="78"/>
        <source>Icons</source>
        <translation>Icônes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/about_dialog.py" line="96"/>
        <source>Missing from this installation (reinstall %1 to repair it):</source>
        <translation>Manquant dans cette installation (réinstallez %1 pour la réparer) :</translation>
    </message>
</context>
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="291"/>
        <source>New absence</source>
        <translation>Nouvelle absence</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="291"/>
        <source>Edit absence</source>
        <translation>Modifier l&apos;absence</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="305"/>
        <source>Leave, training, client visit…</source>
        <translation>Congés, formation, visite client…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="306"/>
        <source>Person:</source>
        <translation>Personne&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="307"/>
        <source>From:</source>
        <translation>Du&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="308"/>
        <source>To (included):</source>
        <translation>Au (inclus)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="309"/>
        <source>Reason:</source>
        <translation>Motif&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="312"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="319"/>
        <source>Add people first (Workspace ▸ People): an absence is someone&apos;s.</source>
        <translation>Ajoutez d&apos;abord des personnes (Espace de travail ▸ Personnes) : une absence est celle de quelqu&apos;un.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="331"/>
        <source>Absence of %1</source>
        <translation>Absence de %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="338"/>
        <source>Delete absence of %1</source>
        <translation>Supprimer l&apos;absence de %1</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="68"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="69"/>
        <source>WIP limit exceeded</source>
        <translation>Limite dépassée</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="70"/>
        <source>Work-in-progress limit: %1 cards</source>
        <translation>Limite d&apos;en-cours&#xa0;: %1 cartes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="100"/>
        <source>Swimlanes</source>
        <translation>Couloirs</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="105"/>
        <source>No swimlanes</source>
        <translation>Sans couloirs</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="106"/>
        <source>Lanes by project</source>
        <translation>Couloirs par projet</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="107"/>
        <source>Lanes by assignee</source>
        <translation>Couloirs par responsable</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="108"/>
        <source>Lanes by business unit</source>
        <translation>Couloirs par métier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="147"/>
        <source>Move card up</source>
        <translation>Monter la carte</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="150"/>
        <source>Move card down</source>
        <translation>Descendre la carte</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="424"/>
        <source>Duplicate anyway?</source>
        <translation>Dupliquer quand même ?</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="425"/>
        <source>Duplicate anyway</source>
        <translation>Dupliquer quand même</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="427"/>
        <source>Move anyway?</source>
        <translation>Déplacer quand même ?</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="428"/>
        <source>Move anyway</source>
        <translation>Déplacer quand même</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="430"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="489"/>
        <source>Backlog (no sprint)</source>
        <translation>Backlog (sans sprint)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="273"/>
        <source>Unassigned</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="118"/>
        <source>Columns…</source>
        <translation>Colonnes…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="120"/>
        <source>Add, rename, reorder or limit the board&apos;s columns</source>
        <translation>Ajouter, renommer, réordonner ou limiter les colonnes du tableau</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="141"/>
        <source>Move to previous column</source>
        <translation>Vers la colonne précédente</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="144"/>
        <source>Move to next column</source>
        <translation>Vers la colonne suivante</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="153"/>
        <source>Move to top of column</source>
        <translation>En haut de la colonne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="155"/>
        <location filename="../../po_desktop/ui/board/page.py" line="508"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="255"/>
        <source>Assignee: %1</source>
        <translation>Responsable&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="256"/>
        <source>Sprint: %1</source>
        <translation>Sprint&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="259"/>
        <source>In “%1” since %2</source>
        <translation>Dans «&#xa0;%1&#xa0;» depuis le %2</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="262"/>
        <source>Tags: %1</source>
        <translation>Étiquettes&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="276"/>
        <source>No business unit</source>
        <translation>Sans métier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="409"/>
        <source>“%1” would hold %2 needs for a limit of %3.</source>
        <translation>« %1 » contiendrait %2 besoins pour une limite de %3.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="418"/>
        <source>Entry rules and work-in-progress limit</source>
        <translation>Règles d&apos;entrée et limite d&apos;en-cours</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="422"/>
        <source>Work-in-progress limit</source>
        <translation>Limite d&apos;en-cours</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="479"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="480"/>
        <source>Open scoring form</source>
        <translation>Ouvrir la cotation</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="482"/>
        <source>Move to column</source>
        <translation>Déplacer vers la colonne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="488"/>
        <source>Move to sprint</source>
        <translation>Planifier dans le sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="495"/>
        <source>Assign to</source>
        <translation>Attribuer à</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="496"/>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/page.py" line="509"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>BoardSettingsDialog</name>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="46"/>
        <source>Board columns</source>
        <translation>Colonnes du tableau</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="63"/>
        <source>&amp;Add column</source>
        <translation>&amp;Ajouter une colonne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="64"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="65"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="66"/>
        <source>Move &amp;down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="81"/>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="83"/>
        <source>Needs in this column are done (velocity, burndown)</source>
        <translation>Les besoins de cette colonne sont terminés (vélocité, burndown)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="102"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="103"/>
        <source>WIP limit:</source>
        <translation>Limite de travail en cours :</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="105"/>
        <source>Entry rules:</source>
        <translation>Règles d&apos;entrée :</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="159"/>
        <source>%n need(s) in this column: it can be removed once empty.</source>
        <translation>
            <numerusform>%n besoin dans cette colonne&#xa0;: elle pourra être retirée une fois vide.</numerusform>
            <numerusform>%n besoins dans cette colonne&#xa0;: elle pourra être retirée une fois vide.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="183"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="162"/>
        <source>No need in this column.</source>
        <translation>Aucun besoin dans cette colonne.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="192"/>
        <source>New column</source>
        <translation>Nouvelle colonne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/settings_dialog.py" line="220"/>
        <source>Edit board columns</source>
        <translation>Modifier les colonnes du tableau</translation>
    </message>
</context>
<context>
    <name>CadenceDialog</name>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="348"/>
        <source>Plan sprints</source>
        <translation>Planifier des sprints</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="360"/>
        <source> weeks</source>
        <translation> semaines</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="364"/>
        <source>Sprint {n}</source>
        <translation>Sprint {n}</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="365"/>
        <source>{n} is replaced by the sprint&apos;s number</source>
        <translation>{n} est remplacé par le numéro du sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="384"/>
        <source>First sprint starts:</source>
        <translation>Début du premier sprint&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="385"/>
        <source>Sprints to create:</source>
        <translation>Sprints à créer&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="386"/>
        <source>Length:</source>
        <translation>Durée&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="387"/>
        <source>Team:</source>
        <translation>Équipe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="388"/>
        <source>Names:</source>
        <translation>Noms&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="389"/>
        <source>First number:</source>
        <translation>Premier numéro&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="390"/>
        <source>Focus factor:</source>
        <translation>Facteur de concentration&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="391"/>
        <source>Members:</source>
        <translation>Membres&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="392"/>
        <source>Daily scrum:</source>
        <translation>Mêlée quotidienne&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="393"/>
        <source>Review and retrospective from:</source>
        <translation>Revue et rétrospective à partir de&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="396"/>
        <source>Planning on the first day, a daily scrum on every working day, review and retrospective on the last day. Public holidays get none; every ritual stays editable afterwards.</source>
        <translation>Planification le premier jour, mêlée quotidienne chaque jour ouvré, revue et rétrospective le dernier jour. Aucun rituel les jours fériés ; chacun reste modifiable ensuite.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="429"/>
        <source>Plan %n sprint(s)</source>
        <translation>
            <numerusform>Planifier %n sprint</numerusform>
            <numerusform>Planifier %n sprints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarExports</name>
    <message>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="30"/>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="53"/>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="61"/>
        <source>Export the calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="33"/>
        <source>Calendar (*.ics)</source>
        <translation>Agenda (*.ics)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="55"/>
        <source>Calendar exported: %1</source>
        <translation>Calendrier exporté&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="73"/>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="86"/>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="103"/>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="107"/>
        <source>Review pack</source>
        <translation>Dossier de revue</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="76"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="84"/>
        <source>Preparing the review pack of %1…</source>
        <translation>Préparation du dossier de revue de %1…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/exports.py" line="105"/>
        <source>Review pack saved: %1</source>
        <translation>Dossier de revue enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="78"/>
        <source>Previous month or week (Page Up)</source>
        <translation>Mois ou semaine précédents (Page préc.)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="80"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="81"/>
        <source>Back to today (Home)</source>
        <translation>Revenir à aujourd&apos;hui (Début)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="84"/>
        <source>Next month or week (Page Down)</source>
        <translation>Mois ou semaine suivants (Page suiv.)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="91"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="92"/>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="103"/>
        <location filename="../../po_desktop/ui/calendar/page.py" line="575"/>
        <source>Public holidays</source>
        <translation>Jours fériés</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="105"/>
        <source>Which public holidays count: metropolitan France or a region</source>
        <translation>Les jours fériés qui comptent&#xa0;: France métropolitaine ou une région</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="111"/>
        <source>New sprint…</source>
        <translation>Nouveau sprint…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="113"/>
        <source>Plan sprints…</source>
        <translation>Planifier des sprints…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="115"/>
        <source>Create the next sprints of a team with their rituals</source>
        <translation>Créer les prochains sprints d&apos;une équipe avec leurs rituels</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="118"/>
        <source>Export (.ics)…</source>
        <translation>Exporter (.ics)…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="119"/>
        <source>Export sprints and rituals to a calendar file</source>
        <translation>Exporter sprints et rituels vers un fichier d&apos;agenda</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="121"/>
        <source>Review pack (PDF)…</source>
        <translation>Dossier de revue (PDF)…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="123"/>
        <source>Print the sprint-review pack of the selected sprint, in the app&apos;s language</source>
        <translation>Imprimer le dossier de revue du sprint sélectionné, dans la langue de l&apos;application</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="136"/>
        <source>Holidays:</source>
        <translation>Jours fériés&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="158"/>
        <location filename="../../po_desktop/ui/calendar/page.py" line="227"/>
        <location filename="../../po_desktop/ui/calendar/page.py" line="369"/>
        <location filename="../../po_desktop/ui/calendar/page.py" line="513"/>
        <source>Sprint</source>
        <translation>Sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="165"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="166"/>
        <source>Working days</source>
        <translation>Jours ouvrés</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="167"/>
        <source>Absent</source>
        <translation>Absences</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="168"/>
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="169"/>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="182"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="184"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="186"/>
        <source>Start the sprint: its needs now are the committed scope</source>
        <translation>Démarrer le sprint&#xa0;: ses besoins actuels deviennent l&apos;engagement</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="189"/>
        <source>Close…</source>
        <translation>Clôturer…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="191"/>
        <source>Close the sprint and choose where unfinished needs go</source>
        <translation>Clôturer le sprint et choisir où vont les besoins non terminés</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="194"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="210"/>
        <source>Portfolio: points per project, sprint by sprint</source>
        <translation>Portefeuille&#xa0;: points par projet, sprint par sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="218"/>
        <source>▼ less than the sprint before: the project is losing ground.</source>
        <translation>▼ moins qu&apos;au sprint précédent&#xa0;: le projet perd du terrain.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="228"/>
        <source>Portfolio</source>
        <translation>Portefeuille</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="317"/>
        <source>Nothing planned in this sprint yet</source>
        <translation>Rien n&apos;est encore planifié dans ce sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="324"/>
        <source>%1: %2 points, down from %3 in the sprint before</source>
        <translation>%1&#xa0;: %2 points, contre %3 au sprint précédent</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="370"/>
        <source>No sprint yet: create one, or plan several at once.</source>
        <translation>Aucun sprint pour l&apos;instant : créez-en un ou planifiez-en plusieurs à la fois.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/calendar/page.py" line="393"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n jour ouvré</numerusform>
            <numerusform>%n jours ouvrés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="398"/>
        <location filename="../../po_desktop/ui/calendar/page.py" line="577"/>
        <source>Public holidays: %1</source>
        <translation>Jours fériés : %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="400"/>
        <source>Goal: %1</source>
        <translation>Objectif&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="420"/>
        <source>Team capacity: %1 days (focus factor %2)</source>
        <translation>Capacité de l&apos;équipe&#xa0;: %1 jours (facteur de concentration %2)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="425"/>
        <source>no forecast yet: no closed sprint for this team</source>
        <translation>pas encore de prévision&#xa0;: aucun sprint clos pour cette équipe</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="427"/>
        <source>Committed: %1 points; %2.</source>
        <translation>Engagé&#xa0;: %1 points&#xa0;; %2.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="434"/>
        <source>Committed: %1 points of a forecast of %2 (from the last closed sprints).</source>
        <translation>Engagé&#xa0;: %1 points pour une prévision de %2 (d&apos;après les derniers sprints clos).</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="440"/>
        <source>Over-committed: take needs out or lower the goal.</source>
        <translation>Surengagement&#xa0;: retirez des besoins ou revoyez l&apos;objectif.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/calendar/page.py" line="448"/>
        <source>Added since the start: %n need(s), %1 points.</source>
        <translation>
            <numerusform>Ajouté depuis le début&#xa0;: %n besoin, %1 points.</numerusform>
            <numerusform>Ajoutés depuis le début&#xa0;: %n besoins, %1 points.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="459"/>
        <source>Week %1</source>
        <translation>Semaine %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="479"/>
        <source>New ritual this day…</source>
        <translation>Nouveau rituel ce jour…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="480"/>
        <source>New absence this day…</source>
        <translation>Nouvelle absence ce jour…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="481"/>
        <source>New sprint from this day…</source>
        <translation>Nouveau sprint à partir de ce jour…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="522"/>
        <location filename="../../po_desktop/ui/calendar/page.py" line="532"/>
        <source>Start the sprint</source>
        <translation>Démarrer le sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="534"/>
        <source>“%1” holds %2 points for a forecast of %3 (from the last closed sprints): the team is likely not to finish it.

Start it anyway?</source>
        <translation>« %1 » contient %2 points pour une prévision de %3 (d&apos;après les derniers sprints clos) : l&apos;équipe risque de ne pas tout terminer.

Le démarrer quand même ?</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="540"/>
        <source>Start anyway</source>
        <translation>Démarrer quand même</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="541"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="547"/>
        <source>Start %1</source>
        <translation>Démarrer %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="563"/>
        <source>Delete sprint</source>
        <translation>Supprimer le sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="564"/>
        <source>Delete the sprint “%1” and its rituals? You can undo it.</source>
        <translation>Supprimer le sprint «&#xa0;%1&#xa0;» et ses rituels&#xa0;? Vous pourrez l&apos;annuler.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="568"/>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="589"/>
        <source>Review pack</source>
        <translation>Dossier de revue</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/page.py" line="589"/>
        <source>Select a sprint first.</source>
        <translation>Sélectionnez d&apos;abord un sprint.</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../po_desktop/ui/calendar/view.py" line="77"/>
        <source>Sprint calendar</source>
        <translation>Calendrier des sprints</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/view.py" line="84"/>
        <source>Absent: %1</source>
        <translation>Absence : %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/view.py" line="85"/>
        <source>+%1 more</source>
        <translation>+%1 autres</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/view.py" line="88"/>
        <source>Planning</source>
        <translation>Planification</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/view.py" line="89"/>
        <source>Daily</source>
        <translation>Mêlée</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/view.py" line="90"/>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/view.py" line="91"/>
        <source>Retro</source>
        <translation>Rétro</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/view.py" line="92"/>
        <source>Refinement</source>
        <translation>Affinage</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../po_desktop/ui/board/delegate.py" line="63"/>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/delegate.py" line="64"/>
        <source>non-technical</source>
        <translation>non technique</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/delegate.py" line="65"/>
        <source>not scored</source>
        <translation>non coté</translation>
    </message>
</context>
<context>
    <name>CeremonyDialog</name>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="207"/>
        <source>New ritual</source>
        <translation>Nouveau rituel</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="207"/>
        <source>Edit ritual</source>
        <translation>Modifier le rituel</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="225"/>
        <source>No sprint</source>
        <translation>Aucun sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="231"/>
        <source>Optional (default: the kind of ritual)</source>
        <translation>Facultatif (par défaut : le type de rituel)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="235"/>
        <source>Ritual:</source>
        <translation>Rituel&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="236"/>
        <source>When:</source>
        <translation>Quand&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="237"/>
        <source>Duration:</source>
        <translation>Durée&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="238"/>
        <source>Sprint:</source>
        <translation>Sprint&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="239"/>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="240"/>
        <source>Location:</source>
        <translation>Lieu&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="241"/>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="244"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="266"/>
        <source>New ritual: %1</source>
        <translation>Nouveau rituel&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="266"/>
        <source>Edit ritual: %1</source>
        <translation>Modifier le rituel&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="275"/>
        <source>Delete ritual: %1</source>
        <translation>Supprimer le rituel&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CloseSprintDialog</name>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="444"/>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="526"/>
        <source>Close %1</source>
        <translation>Clôturer %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="460"/>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="460"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="460"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="448"/>
        <source>%n need(s) not done. Choose where each one goes; the sprint&apos;s velocity will be recorded.</source>
        <translation>
            <numerusform>%n besoin n&apos;est pas terminé. Choisissez sa destination ; la vélocité du sprint sera enregistrée.</numerusform>
            <numerusform>%n besoins ne sont pas terminés. Choisissez la destination de chacun ; la vélocité du sprint sera enregistrée.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="460"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="471"/>
        <source>Next sprint (%1)</source>
        <translation>Sprint suivant (%1)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="473"/>
        <source>Backlog</source>
        <translation>Backlog</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="474"/>
        <source>Where %1 goes</source>
        <translation>Destination de %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="494"/>
        <source>All to the next sprint (%1)</source>
        <translation>Tout reporter au sprint suivant (%1)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="498"/>
        <source>All to the backlog</source>
        <translation>Tout remettre au backlog</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="504"/>
        <source>Close the sprint</source>
        <translation>Clôturer le sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="508"/>
        <source>No sprint is planned after this one: unfinished needs go back to the backlog.</source>
        <translation>Aucun sprint n&apos;est prévu après celui-ci&#xa0;: les besoins non terminés retournent au backlog.</translation>
    </message>
</context>
<context>
    <name>ColumnHeader</name>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/board/view.py" line="140"/>
        <source>%n need(s)</source>
        <translation>
            <numerusform>%n besoin</numerusform>
            <numerusform>%n besoins</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="62"/>
        <source>Unexpected error — %1</source>
        <translation>Erreur inattendue — %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="76"/>
        <source>Something went wrong and the last action was cancelled.</source>
        <translation>Un problème est survenu et la dernière action a été annulée.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="79"/>
        <source>None of that action was saved; your earlier work is safe in the database. You can go on working, or quit and open the application again.</source>
        <translation>Cette action n&apos;a pas été enregistrée ; votre travail antérieur est intact dans la base. Vous pouvez continuer, ou quitter et rouvrir l&apos;application.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="88"/>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="92"/>
        <source>The details are also written to the log file:</source>
        <translation>Les détails sont aussi consignés dans le journal :</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="94"/>
        <source>The log file could not be written; copy the details below.</source>
        <translation>Le journal n&apos;a pas pu être écrit&#xa0;; copiez le détail ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="103"/>
        <source>Error details</source>
        <translation>Détail de l&apos;erreur</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="106"/>
        <source>&amp;Copy the details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="108"/>
        <source>Open the &amp;log folder</source>
        <translation>Ouvrir le dossier du &amp;journal</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="113"/>
        <source>Log folder</source>
        <translation>Dossier du journal</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="115"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="118"/>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/crash.py" line="142"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../po_desktop/ui/fields.py" line="81"/>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/fields.py" line="82"/>
        <source>Type a date such as 04/01/2027, or pick it in the calendar</source>
        <translation>Saisissez une date comme 04/01/2027, ou choisissez-la dans le calendrier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/fields.py" line="86"/>
        <source>Pick in the calendar</source>
        <translation>Choisir dans le calendrier</translation>
    </message>
</context>
<context>
    <name>EntryRuleTexts</name>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="52"/>
        <source>Entry rules</source>
        <translation>Règles d&apos;entrée</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="57"/>
        <source>Problem statement</source>
        <translation>Défi à relever</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="58"/>
        <source>Estimate (points)</source>
        <translation>Estimation (points)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="59"/>
        <source>Go decision</source>
        <translation>Décision go</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="65"/>
        <source>no problem statement</source>
        <translation>pas de défi formulé</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="66"/>
        <source>no estimate</source>
        <translation>pas d&apos;estimation</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="67"/>
        <source>not decided go</source>
        <translation>pas de décision go</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="72"/>
        <source>A need can still be moved into this column without them: the move asks first, and says what is missing.</source>
        <translation>Un besoin peut quand même entrer dans cette colonne sans les respecter : le déplacement demande d&apos;abord confirmation et dit ce qui manque.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="81"/>
        <source>Entry rules: %1</source>
        <translation>Règles d&apos;entrée : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/board/readiness.py" line="91"/>
        <source>%n need(s) would enter “%1” without meeting its entry rules:</source>
        <translation>
            <numerusform>%n besoin entrerait dans « %1 » sans respecter ses règles d&apos;entrée :</numerusform>
            <numerusform>%n besoins entreraient dans « %1 » sans respecter ses règles d&apos;entrée :</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="97"/>
        <source>%1 “%2”: %3</source>
        <translation>%1 « %2 » : %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/board/readiness.py" line="101"/>
        <source>… and %n more need(s)</source>
        <translation>
            <numerusform>… et %n autre besoin</numerusform>
            <numerusform>… et %n autres besoins</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/board/readiness.py" line="108"/>
        <source>This need does not meet the entry rules of “%1”: %2.

Save it there anyway?</source>
        <translation>Ce besoin ne respecte pas les règles d&apos;entrée de « %1 » : %2.

L&apos;enregistrer quand même dans cette colonne ?</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../po_desktop/ui/exchange.py" line="33"/>
        <location filename="../../po_desktop/ui/exchange.py" line="59"/>
        <source>Import needs</source>
        <translation>Importer des besoins</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/exchange.py" line="40"/>
        <source>Import failed</source>
        <translation>Échec de l&apos;import</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/exchange.py" line="72"/>
        <source>Export needs</source>
        <translation>Exporter les besoins</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/exchange.py" line="36"/>
        <source>Needs files (*.xlsx *.csv *.txt);;Excel workbooks (*.xlsx);;CSV files (*.csv);;*</source>
        <translation>Fichiers de besoins (*.xlsx *.csv *.txt);;Classeurs Excel (*.xlsx);;Fichiers CSV (*.csv);;*</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/exchange.py" line="75"/>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Classeurs Excel (*.xlsx);;Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/exchange.py" line="89"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/exchange.py" line="91"/>
        <source>%n need(s) exported.</source>
        <translation>
            <numerusform>%n besoin exporté.</numerusform>
            <numerusform>%n besoins exportés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../po_desktop/ui/feedback.py" line="108"/>
        <source>Don&apos;t save</source>
        <translation>Ne pas enregistrer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/feedback.py" line="210"/>
        <source>No application on this computer opens this file. It is saved here:

%1

Open its folder?</source>
        <translation>Aucune application de cet ordinateur n&apos;ouvre ce fichier. Il est enregistré ici :

%1

Ouvrir son dossier ?</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/feedback.py" line="215"/>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/feedback.py" line="216"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/feedback.py" line="221"/>
        <source>The folder could not be opened either. The file is here:

%1</source>
        <translation>Le dossier n&apos;a pas pu être ouvert non plus. Le fichier est ici :

%1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/feedback.py" line="233"/>
        <source>The folder could not be opened. It is here:

%1</source>
        <translation>Le dossier n&apos;a pas pu être ouvert. Il est ici :

%1</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="73"/>
        <source>New database</source>
        <translation>Nouvelle base</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="84"/>
        <source>Open database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="94"/>
        <location filename="../../po_desktop/ui/lifecycle.py" line="123"/>
        <source>Cannot open database</source>
        <translation>Impossible d&apos;ouvrir la base</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="142"/>
        <source>(not found)</source>
        <translation>(introuvable)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="145"/>
        <source>No other database yet</source>
        <translation>Aucune autre base pour l&apos;instant</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="148"/>
        <source>Clear the list</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="159"/>
        <location filename="../../po_desktop/ui/lifecycle.py" line="177"/>
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="179"/>
        <source>Copy saved: %1</source>
        <translation>Copie enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="199"/>
        <location filename="../../po_desktop/ui/lifecycle.py" line="217"/>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="222"/>
        <source>Saved as %1: you are now working in this file.</source>
        <translation>Enregistré sous %1 : vous travaillez maintenant dans ce fichier.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="244"/>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="251"/>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="255"/>
        <source>Backup saved and verified: %1</source>
        <translation>Sauvegarde enregistrée et vérifiée&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="257"/>
        <source>Backup failed: %1</source>
        <translation>Échec de la sauvegarde&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="261"/>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="262"/>
        <source>The automatic backup could not be written:</source>
        <translation>La sauvegarde automatique n&apos;a pas pu être écrite&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="264"/>
        <source>Your database is unchanged. Check the free space on the disk.</source>
        <translation>Votre base n&apos;a pas été modifiée. Vérifiez l&apos;espace libre sur le disque.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="274"/>
        <location filename="../../po_desktop/ui/lifecycle.py" line="283"/>
        <location filename="../../po_desktop/ui/lifecycle.py" line="296"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="285"/>
        <source>Replace the open database with this copy?

%1

The current file is kept beside it, under a name ending in “.before-restore-…”: nothing is deleted.</source>
        <translation>Remplacer la base ouverte par cette copie&#xa0;?

%1

Le fichier actuel est conservé à côté, sous un nom finissant par «&#xa0;.before-restore-…&#xa0;»&#xa0;: rien n&apos;est supprimé.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="289"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="290"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="314"/>
        <source>Backup restored.</source>
        <translation>Sauvegarde restaurée.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/lifecycle.py" line="317"/>
        <source>Previous file kept: %1</source>
        <translation>Ancien fichier conservé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>FormError</name>
    <message>
        <location filename="../../po_desktop/ui/banner.py" line="118"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>GridsDialog</name>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="61"/>
        <source>Scoring grids</source>
        <translation>Grilles de cotation</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="68"/>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="69"/>
        <source>weighted</source>
        <translation>pondérée</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="80"/>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="471"/>
        <source>New grid</source>
        <translation>Nouvelle grille</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="83"/>
        <source>From the default grid</source>
        <translation>À partir de la grille par défaut</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="84"/>
        <source>RICE (reach × impact × confidence / effort)</source>
        <translation>RICE (portée × impact × confiance / effort)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="85"/>
        <source>WSJF (cost of delay / job size)</source>
        <translation>WSJF (coût du retard / taille du travail)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="86"/>
        <source>ICE (impact × confidence × ease)</source>
        <translation>ICE (impact × confiance × facilité)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="90"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="92"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="94"/>
        <source>Make active</source>
        <translation>Rendre active</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="95"/>
        <source>New scorings and the ranking use the active grid</source>
        <translation>Les nouvelles cotations et le classement utilisent la grille active</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="115"/>
        <source>Label (French)</source>
        <translation>Libellé (français)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="116"/>
        <source>Label (English)</source>
        <translation>Libellé (anglais)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="117"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="118"/>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="119"/>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="120"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="121"/>
        <source>Help (French)</source>
        <translation>Aide (français)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="122"/>
        <source>Help (English)</source>
        <translation>Aide (anglais)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="140"/>
        <source>What each step of the selected criterion means</source>
        <translation>Ce que signifie chaque niveau du critère sélectionné</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="144"/>
        <source>In French</source>
        <translation>En français</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="145"/>
        <source>In English</source>
        <translation>En anglais</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="149"/>
        <source>e.g. 1: nice to have; 3: saves a team time; 5: …</source>
        <translation>ex. 1 : confort ; 3 : fait gagner du temps à une équipe ; 5 : …</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="154"/>
        <source>Add a criterion</source>
        <translation>Ajouter un critère</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="156"/>
        <source>Remove the criterion</source>
        <translation>Retirer le critère</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="161"/>
        <source>&amp;Save the grid</source>
        <translation>&amp;Enregistrer la grille</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="164"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="165"/>
        <source>Formula:</source>
        <translation>Formule&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="212"/>
        <source>(active)</source>
        <translation>(active)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="215"/>
        <source>%n assessment(s) made with it</source>
        <translation>
            <numerusform>%n cotation faite avec elle</numerusform>
            <numerusform>%n cotations faites avec elle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="258"/>
        <source>Unsaved grid</source>
        <translation>Grille non enregistrée</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="259"/>
        <source>The changes to the grid “%1” are not saved.</source>
        <translation>Les modifications de la grille «&#xa0;%1&#xa0;» ne sont pas enregistrées.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="292"/>
        <source>Needs were scored with this grid: it is kept for them</source>
        <translation>Des besoins ont été cotés avec cette grille&#xa0;: elle est gardée pour eux</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="297"/>
        <source>Used by %n assessment(s). Saving your changes makes a new grid (active if this one is); existing assessments stay on this grid.</source>
        <translation>
            <numerusform>Utilisée par %n cotation. Enregistrer vos modifications crée une nouvelle grille (active si celle-ci l&apos;est) ; la cotation existante reste rattachée à celle-ci.</numerusform>
            <numerusform>Utilisée par %n cotations. Enregistrer vos modifications crée une nouvelle grille (active si celle-ci l&apos;est) ; les cotations existantes restent rattachées à celle-ci.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="305"/>
        <source>No need was scored with this grid yet: it is edited in place.</source>
        <translation>Aucun besoin n&apos;a encore été coté avec cette grille&#xa0;: elle est modifiée telle quelle.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="328"/>
        <source>benefit</source>
        <translation>bénéfice</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="329"/>
        <source>cost</source>
        <translation>coût</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="432"/>
        <source>Edit grid %1</source>
        <translation>Modifier la grille %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="474"/>
        <source>New grid %1</source>
        <translation>Nouvelle grille %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="480"/>
        <source>Duplicate grid %1</source>
        <translation>Dupliquer la grille %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="488"/>
        <source>Delete grid</source>
        <translation>Supprimer la grille</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="489"/>
        <source>Delete the grid “%1”? You can undo it.</source>
        <translation>Supprimer la grille «&#xa0;%1&#xa0;»&#xa0;? Vous pourrez l&apos;annuler.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="493"/>
        <source>Delete grid %1</source>
        <translation>Supprimer la grille %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/grid_dialog.py" line="502"/>
        <source>Make %1 the active grid</source>
        <translation>Rendre active la grille %1</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="79"/>
        <source>Short guide</source>
        <translation>Guide de démarrage</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="82"/>
        <source>Collect the needs</source>
        <translation>Recueillir les besoins</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="84"/>
        <source>New need (Ctrl+N) asks first for the problem to solve — “what challenge must we meet?” — and only then for the solution the requester has in mind. Needs arrive in the board&apos;s first column, “to qualify”.</source>
        <translation>Nouveau besoin (Ctrl+N) demande d&apos;abord le problème à résoudre — « quel défi devons-nous relever ? » — et seulement ensuite la solution qu&apos;envisage le demandeur. Les besoins arrivent dans la première colonne du tableau, « À qualifier ».</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="90"/>
        <source>Score with the requester</source>
        <translation>Coter avec le demandeur</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="92"/>
        <source>The Scoring view ranks the open needs. F8 goes to the next unscored need: fill in each criterion of the grid, then decide go, no-go or explore (a rationale is required for the last two). Every save is a version; an older one can be restored.</source>
        <translation>La vue Cotation classe les besoins ouverts. F8 passe au besoin non coté suivant : renseignez chaque critère de la grille, puis décidez go, no go ou à explorer (une justification est demandée pour les deux derniers). Chaque enregistrement est une version ; une version antérieure peut être restaurée.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="99"/>
        <source>Plan the sprint</source>
        <translation>Planifier le sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="101"/>
        <source>The Calendar shows each sprint&apos;s real capacity: working days less public holidays and absences. Move the top-ranked ready needs into the sprint from a card&apos;s menu until the forecast is reached; the portfolio shows whether a project is losing ground.</source>
        <translation>Le Calendrier montre la capacité réelle de chaque sprint : les jours ouvrés, moins les jours fériés et les absences. Placez dans le sprint, depuis le menu d&apos;une carte, les besoins prêts les mieux classés jusqu&apos;à atteindre la prévision ; le portefeuille montre si un projet perd du terrain.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="108"/>
        <source>Daily scrum and review</source>
        <translation>Mêlée quotidienne et revue</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="110"/>
        <source>On the board, move cards with Ctrl+← and Ctrl+→ while the team talks; Ctrl+Z undoes any mistake. At the review, close the sprint (each unfinished need goes to the next sprint or back to the backlog) and print the review pack.</source>
        <translation>Sur le tableau, déplacez les cartes avec Ctrl+← et Ctrl+→ pendant que l&apos;équipe parle ; Ctrl+Z annule toute erreur. À la revue, clôturez le sprint (chaque besoin non terminé va au sprint suivant ou retourne au backlog) et imprimez le dossier de revue.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="117"/>
        <source>Your data</source>
        <translation>Vos données</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="119"/>
        <source>The workspace is one file on this computer, usable without a network. A verified backup is taken when it is opened, then regularly (every 4 hours by default); File ▸ Restore a backup puts one back without deleting anything.</source>
        <translation>L&apos;espace de travail est un seul fichier sur cet ordinateur, utilisable sans réseau. Une sauvegarde vérifiée est faite à son ouverture, puis régulièrement (toutes les 4 h par défaut) ; Fichier ▸ Restaurer une sauvegarde en remet une en place sans rien supprimer.</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <location filename="../../po_desktop/ui/host.py" line="103"/>
        <source>Other changes were made since: use Edit ▸ Undo.</source>
        <translation>D&apos;autres modifications ont été faites depuis : utilisez Édition ▸ Annuler.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/host.py" line="105"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="74"/>
        <source>Import: %1 need(s) created, %2 updated, %3 skipped as unchanged.</source>
        <translation>Import&#xa0;: %1 besoin(s) créé(s), %2 mis à jour, %3 ignoré(s) car inchangé(s).</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="89"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="121"/>
        <location filename="../../po_desktop/ui/import_dialog.py" line="414"/>
        <source>Import needs</source>
        <translation>Importer des besoins</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/import_dialog.py" line="131"/>
        <source>%1 — %n row(s) of needs</source>
        <translation>
            <numerusform>%1 — %n ligne de besoins</numerusform>
            <numerusform>%1 — %n lignes de besoins</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="139"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="147"/>
        <source>Status in the file</source>
        <translation>Statut dans le fichier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="147"/>
        <source>Board column</source>
        <translation>Colonne du tableau</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="151"/>
        <source>Statuses</source>
        <translation>Statuts</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="158"/>
        <source>&amp;Refresh the preview</source>
        <translation>&amp;Actualiser l&apos;aperçu</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="164"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="164"/>
        <source>What happens</source>
        <translation>Ce qui se passe</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="164"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="164"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="173"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="183"/>
        <source>Rows that name no project go to this one; a new code creates it.</source>
        <translation>Les lignes sans projet vont dans celui-ci&#xa0;; un nouveau code le crée.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="186"/>
        <source>Project for rows without one:</source>
        <translation>Projet des lignes qui n&apos;en ont pas&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="193"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="213"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="224"/>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="224"/>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="224"/>
        <source>Imported as</source>
        <translation>Importée comme</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="236"/>
        <source>— left out —</source>
        <translation>— ignorée —</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="304"/>
        <source>No column is imported as the status: new needs go to “%1”.</source>
        <translation>Aucune colonne n&apos;est importée comme statut&#xa0;: les nouveaux besoins vont dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="310"/>
        <source>Each status of the file goes to the board column chosen here.</source>
        <translation>Chaque statut du fichier va dans la colonne du tableau choisie ici.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="346"/>
        <source>Choose the file&apos;s column for: %1.</source>
        <translation>Choisissez la colonne du fichier pour&#xa0;: %1.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="376"/>
        <source>to create</source>
        <translation>à créer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="377"/>
        <source>to update</source>
        <translation>à mettre à jour</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="382"/>
        <source>(new)</source>
        <translation>(nouvelle)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="378"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="391"/>
        <source>The preview shows what the import will do.</source>
        <translation>L&apos;aperçu montre ce que fera l&apos;import.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/import_dialog.py" line="394"/>
        <source>%1 need(s) to create, %2 to update, %3 unchanged (skipped).</source>
        <translation>%1 besoin(s) à créer, %2 à mettre à jour, %3 inchangé(s) (ignoré(s)).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../po_desktop/ui/main_window.py" line="96"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/main_window.py" line="325"/>
        <source>Save it to a new file before closing?</source>
        <translation>L&apos;enregistrer dans un nouveau fichier avant de fermer ?</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/main_window.py" line="224"/>
        <source>This need is done or hidden by the filters: it is not in the ranking.</source>
        <translation>Ce besoin est terminé ou masqué par les filtres&#xa0;: il n&apos;est pas dans le classement.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/main_window.py" line="202"/>
        <source>No unscored need below in the list.</source>
        <translation>Plus de besoin non coté plus bas dans la liste.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/main_window.py" line="204"/>
        <source>No unscored need above in the list.</source>
        <translation>Plus de besoin non coté plus haut dans la liste.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/main_window.py" line="264"/>
        <source>Public holidays: %1</source>
        <translation>Jours fériés : %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/main_window.py" line="262"/>
        <source>Public holidays</source>
        <translation>Jours fériés</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/main_window.py" line="280"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/main_window.py" line="281"/>
        <source>The new language will be used the next time you start PO Desktop.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de PO Desktop.</translation>
    </message>
</context>
<context>
    <name>NeedActions</name>
    <message>
        <location filename="../../po_desktop/ui/need_actions.py" line="72"/>
        <source>Need created.</source>
        <translation>Besoin créé.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_actions.py" line="97"/>
        <source>Delete needs</source>
        <translation>Supprimer des besoins</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/need_actions.py" line="99"/>
        <source>Delete these %n needs, with their scoring and history?

%1

You can undo it (Ctrl+Z).</source>
        <translation>
            <numerusform>Supprimer ce besoin, avec sa cotation et son historique ?

%1

Vous pourrez l&apos;annuler (Ctrl+Z).</numerusform>
            <numerusform>Supprimer ces %n besoins, avec leur cotation et leur historique ?

%1

Vous pourrez l&apos;annuler (Ctrl+Z).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_actions.py" line="104"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_actions.py" line="105"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/need_actions.py" line="109"/>
        <source>Delete %n need(s)</source>
        <translation>
            <numerusform>Supprimer %n besoin</numerusform>
            <numerusform>Supprimer %n besoins</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_actions.py" line="113"/>
        <source>%1 deleted.</source>
        <translation>%1 supprimé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/need_actions.py" line="115"/>
        <source>%n need(s) deleted.</source>
        <translation>
            <numerusform>%n besoin supprimé.</numerusform>
            <numerusform>%n besoins supprimés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/need_actions.py" line="127"/>
        <source>Move %n need(s)</source>
        <translation>
            <numerusform>Déplacer %n besoin</numerusform>
            <numerusform>Déplacer %n besoins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/need_actions.py" line="134"/>
        <source>Plan %n need(s)</source>
        <translation>
            <numerusform>Planifier %n besoin</numerusform>
            <numerusform>Planifier %n besoins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/need_actions.py" line="141"/>
        <source>Assign %n need(s)</source>
        <translation>
            <numerusform>Attribuer %n besoin</numerusform>
            <numerusform>Attribuer %n besoins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/need_actions.py" line="148"/>
        <source>Duplicate %n need(s)</source>
        <translation>
            <numerusform>Dupliquer %n besoin</numerusform>
            <numerusform>Dupliquer %n besoins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/need_actions.py" line="154"/>
        <source>%n need(s) duplicated.</source>
        <translation>
            <numerusform>%n besoin dupliqué.</numerusform>
            <numerusform>%n besoins dupliqués.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="100"/>
        <source>New need</source>
        <translation>Nouveau besoin</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="100"/>
        <location filename="../../po_desktop/ui/need_dialog.py" line="341"/>
        <source>Edit need</source>
        <translation>Modifier le besoin</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="111"/>
        <source>Short name shown on the card</source>
        <translation>Nom court affiché sur la carte</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="114"/>
        <source>What challenge must we meet? Who is hindered, how often, at what cost?</source>
        <translation>Quel défi devons-nous relever&#xa0;? Qui est gêné, à quelle fréquence, à quel coût&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="119"/>
        <source>The solution the requester has in mind, if any (kept apart from the need)</source>
        <translation>La solution que le demandeur a en tête, le cas échéant (distincte du besoin)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="131"/>
        <source>Needs development work (IT)</source>
        <translation>Nécessite un développement informatique</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="137"/>
        <source>e.g. 3 or 0.5 — empty if not estimated</source>
        <translation>ex. 3 ou 0,5 — vide si non estimé</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="139"/>
        <source>Backlog (no sprint)</source>
        <translation>Backlog (sans sprint)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="143"/>
        <source>Unassigned</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="147"/>
        <source>Comma-separated, e.g. GDPR, mobile</source>
        <translation>Séparées par des virgules, ex. RGPD, mobile</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="150"/>
        <source>How we will know it is done</source>
        <translation>Comment saurons-nous que c&apos;est terminé&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="152"/>
        <source>New pro&amp;ject…</source>
        <translation>Nouveau pro&amp;jet…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="153"/>
        <source>Create a project without leaving this need</source>
        <translation>Créer un projet sans quitter ce besoin</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="160"/>
        <source>This workspace has no project yet. Every need belongs to one: create the first with “New project…” (a code such as ERP gives the keys ERP-1, ERP-2…).</source>
        <translation>Cet espace n&apos;a encore aucun projet. Chaque besoin appartient à un projet : créez le premier avec « Nouveau projet… » (un code comme ERP donne les clés ERP-1, ERP-2…).</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="167"/>
        <source>The need</source>
        <translation>Le besoin</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="170"/>
        <source>&amp;Project</source>
        <translation>&amp;Projet</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="173"/>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="174"/>
        <source>Pro&amp;blem statement</source>
        <translation>Défi à relever (&amp;besoin réel)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="175"/>
        <source>Proposed &amp;solution</source>
        <translation>&amp;Solution envisagée</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="176"/>
        <source>Acceptance c&amp;riteria</source>
        <translation>Critères d&apos;a&amp;cceptation</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="178"/>
        <source>Origin and routing</source>
        <translation>Origine et orientation</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="181"/>
        <source>Re&amp;quester</source>
        <translation>&amp;Demandeur</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="182"/>
        <source>Sour&amp;ce</source>
        <translation>Ori&amp;gine</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="183"/>
        <source>B&amp;usiness unit</source>
        <translation>Méti&amp;er</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="185"/>
        <source>Colu&amp;mn</source>
        <translation>Colo&amp;nne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="186"/>
        <source>P&amp;oints</source>
        <translation>P&amp;oints</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="187"/>
        <source>Spri&amp;nt</source>
        <translation>Spri&amp;nt</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="188"/>
        <source>Ass&amp;ignee</source>
        <translation>Respo&amp;nsable</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="189"/>
        <source>Ta&amp;gs</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="268"/>
        <source>Edit need %1</source>
        <translation>Modifier le besoin %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="327"/>
        <source>Every need belongs to a project: create one first.</source>
        <translation>Chaque besoin appartient à un projet : créez-en un d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="339"/>
        <source>Create need</source>
        <translation>Créer un besoin</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="371"/>
        <source>Save anyway</source>
        <translation>Enregistrer quand même</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/need_dialog.py" line="372"/>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
</context>
<context>
    <name>NeedListPage</name>
    <message>
        <location filename="../../po_desktop/ui/pages.py" line="89"/>
        <source>No need matches the search and filters.</source>
        <translation>Aucun besoin ne correspond à la recherche et aux filtres.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/pages.py" line="91"/>
        <source>No need yet: create one with New need (Ctrl+N), or import a CSV file.</source>
        <translation>Aucun besoin pour l&apos;instant : créez-en un avec Nouveau besoin (Ctrl+N), ou importez un fichier CSV.</translation>
    </message>
</context>
<context>
    <name>NeedTableModel</name>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="167"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="168"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="169"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="170"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="171"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="172"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="173"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="174"/>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="175"/>
        <source>Business unit</source>
        <translation>Métier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="176"/>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="177"/>
        <source>Sprint</source>
        <translation>Sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="178"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="180"/>
        <source>non-technical</source>
        <translation>non technique</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="181"/>
        <source>not scored</source>
        <translation>non coté</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="182"/>
        <source>Backlog</source>
        <translation>Backlog</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="367"/>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="378"/>
        <source>e.g. Developer, HR manager</source>
        <translation>ex. Développeuse, Responsable RH</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="386"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="387"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="388"/>
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="389"/>
        <source>&amp;Business unit</source>
        <translation>&amp;Métier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="390"/>
        <source>&amp;Availability</source>
        <translation>&amp;Disponibilité</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="403"/>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="373"/>
        <source>Add person</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="374"/>
        <source>Edit person</source>
        <translation>Modifier la personne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="375"/>
        <source>Remove person</source>
        <translation>Retirer la personne</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="437"/>
        <source>Person in use</source>
        <translation>Personne affectée</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="438"/>
        <source>Mark this person inactive instead?</source>
        <translation>Marquer plutôt cette personne comme inactive&#xa0;?</translation>
    </message>
</context>
<context>
    <name>Points</name>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="51"/>
        <source>%1 pt</source>
        <translation>%1 pt</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="53"/>
        <source>%1 pts</source>
        <translation>%1 pts</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="39"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="43"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="47"/>
        <source>A change of language takes effect at the next start.</source>
        <translation>Le changement de langue prend effet au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="50"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="52"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="62"/>
        <source>This database</source>
        <translation>Cette base</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="67"/>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="68"/>
        <source>Public &amp;holidays:</source>
        <translation>&amp;Jours fériés&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="70"/>
        <source>Stored in the database: the same for everyone who opens this file.</source>
        <translation>Enregistrés dans la base : les mêmes pour tous ceux qui ouvrent ce fichier.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="81"/>
        <source>only when opening</source>
        <translation>seulement à l&apos;ouverture</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="82"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="83"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="84"/>
        <source>Automatic backups</source>
        <translation>Sauvegardes automatiques</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="86"/>
        <source>&amp;Recent copies to keep:</source>
        <translation>Copies &amp;récentes à conserver :</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="87"/>
        <source>Keep weekly copies for (&amp;weeks):</source>
        <translation>Conserver les copies hebdomadaires pendant (&amp;semaines) :</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="88"/>
        <source>Back up while open, every:</source>
        <translation>Copie automatique pendant l&apos;utilisation, toutes les :</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="136"/>
        <source>No backup of this database yet.</source>
        <translation>Aucune sauvegarde de cette base pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="91"/>
        <source>A verified copy is taken when a database is opened. Copies go to:</source>
        <translation>Une copie vérifiée est faite à l&apos;ouverture d&apos;une base. Les copies vont dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="97"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="99"/>
        <source>Open the backup &amp;folder</source>
        <translation>Ouvrir le &amp;dossier des sauvegardes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="101"/>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="140"/>
        <source>Last copy: %1 (%2).</source>
        <translation>Dernière copie&#xa0;: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="150"/>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="170"/>
        <source>Public holidays: %1</source>
        <translation>Jours fériés : %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/preferences_dialog.py" line="173"/>
        <source>Public holidays</source>
        <translation>Jours fériés</translation>
    </message>
</context>
<context>
    <name>ProjectsDialog</name>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="267"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="267"/>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="278"/>
        <source>e.g. ERP — prefix of the need keys</source>
        <translation>ex. ERP — préfixe des clés de besoins</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="289"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="295"/>
        <source>Archived (no new needs)</source>
        <translation>Archivé (plus de nouveaux besoins)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="296"/>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="297"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="298"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="299"/>
        <source>&amp;Product owner</source>
        <translation>&amp;Product Owner</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="300"/>
        <source>Co&amp;lour</source>
        <translation>Cou&amp;leur</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="314"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="331"/>
        <source>Project colour</source>
        <translation>Couleur du projet</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="273"/>
        <source>Create project</source>
        <translation>Créer un projet</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="274"/>
        <source>Edit project</source>
        <translation>Modifier le projet</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="275"/>
        <source>Delete project</source>
        <translation>Supprimer le projet</translation>
    </message>
</context>
<context>
    <name>QuickFilters</name>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="30"/>
        <source>Scope</source>
        <translation>Périmètre</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="33"/>
        <source>All needs</source>
        <translation>Tous les besoins</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="33"/>
        <source>Active sprint</source>
        <translation>Sprint en cours</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="33"/>
        <source>Backlog (no sprint)</source>
        <translation>Backlog (sans sprint)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="37"/>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="38"/>
        <source>Business unit</source>
        <translation>Métier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="39"/>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="40"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="41"/>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="42"/>
        <source>Any source</source>
        <translation>Toutes origines</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="45"/>
        <source>Any decision</source>
        <translation>Toutes décisions</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="46"/>
        <source>Not scored</source>
        <translation>Non coté</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="49"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="52"/>
        <source>Filters:</source>
        <translation>Filtres&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="77"/>
        <source>Any business unit</source>
        <translation>Tous métiers</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="80"/>
        <source>Anyone</source>
        <translation>Tous responsables</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="81"/>
        <source>Unassigned</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/quick_filters.py" line="83"/>
        <source>Any tag</source>
        <translation>Toutes étiquettes</translation>
    </message>
</context>
<context>
    <name>RankedNeedModel</name>
    <message>
        <location filename="../../po_desktop/ui/scoring/ranked_model.py" line="40"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/ranked_model.py" line="40"/>
        <source>Move</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/ranked_model.py" line="178"/>
        <source>Saved score %1, simulated %2</source>
        <translation>Score enregistré %1, simulé %2</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../po_desktop/ui/recovery.py" line="40"/>
        <source>A verified backup of this database from %1 exists. Restore it now? The damaged file is kept beside it, untouched, under a name ending in “.before-restore-…”.</source>
        <translation>Il existe une sauvegarde vérifiée de cette base, du %1. La restaurer maintenant&#xa0;? Le fichier endommagé est conservé à côté, intact, sous un nom finissant par «&#xa0;.before-restore-…&#xa0;».</translation>
    </message>
</context>
<context>
    <name>ScoringForm</name>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="82"/>
        <source>The need</source>
        <translation>Le besoin</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="84"/>
        <source>Problem to solve (the real need)</source>
        <translation>Défi à relever (le besoin réel)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="86"/>
        <source>Proposed solution (as the requester sees it)</source>
        <translation>Solution envisagée (selon le demandeur)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="92"/>
        <source>Scoring grid</source>
        <translation>Grille de cotation</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="94"/>
        <source>Criteria</source>
        <translation>Critères</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="98"/>
        <source>Grid:</source>
        <translation>Grille&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="101"/>
        <source>Score:</source>
        <translation>Score&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="109"/>
        <source>Why this decision? Required for a no-go or an explore.</source>
        <translation>Pourquoi cette décision&#xa0;? Obligatoire pour un no go ou un «&#xa0;à explorer&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="113"/>
        <source>Who decided (the requester and you)</source>
        <translation>Qui a décidé (le demandeur et vous)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="114"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="116"/>
        <source>Decision:</source>
        <translation>Décision&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="117"/>
        <source>Rationale:</source>
        <translation>Justification&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="118"/>
        <source>Decided by:</source>
        <translation>Décidé par&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="121"/>
        <source>&amp;Save scoring</source>
        <translation>&amp;Enregistrer la cotation</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="127"/>
        <source>Restore this version</source>
        <translation>Restaurer cette version</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="130"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="161"/>
        <source>Select a need to score it.</source>
        <translation>Sélectionnez un besoin pour le coter.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="190"/>
        <source>No problem statement yet: state it before scoring.</source>
        <translation>Pas encore de défi formulé&#xa0;: formulez-le avant de coter.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="296"/>
        <source>cost</source>
        <translation>coût</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="296"/>
        <source>benefit</source>
        <translation>bénéfice</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="325"/>
        <source>%1 / 100 — rank %2 of %3 in the backlog</source>
        <translation>%1 / 100 — rang %2 sur %3 dans le backlog</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="346"/>
        <source>Score %1</source>
        <translation>Coter %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/form.py" line="357"/>
        <source>Restore scoring v%1</source>
        <translation>Restaurer la cotation v%1</translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="223"/>
        <location filename="../../po_desktop/ui/scoring/page.py" line="384"/>
        <source>Active grid</source>
        <translation>Grille active</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="224"/>
        <source>The grid new scorings use and the ranking shows</source>
        <translation>La grille des nouvelles cotations et du classement</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="226"/>
        <source>Grids…</source>
        <translation>Grilles…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="227"/>
        <source>Create, edit or remove scoring grids</source>
        <translation>Créer, modifier ou supprimer des grilles de cotation</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="229"/>
        <source>Next unscored ▼</source>
        <translation>Non coté suivant ▼</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="230"/>
        <source>Next need without a score (F8)</source>
        <translation>Besoin suivant sans cotation (F8)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="232"/>
        <source>Previous unscored ▲</source>
        <translation>Non coté précédent ▲</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="233"/>
        <source>Previous need without a score (Shift+F8)</source>
        <translation>Besoin précédent sans cotation (Maj+F8)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="236"/>
        <source>Active grid:</source>
        <translation>Grille active&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="238"/>
        <source>Scoring session:</source>
        <translation>Séance de cotation&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="258"/>
        <source>Ranking</source>
        <translation>Classement</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="259"/>
        <source>Value / effort matrix</source>
        <translation>Matrice valeur / effort</translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/scoring/page.py" line="343"/>
        <source>Needs moving in the ranking: %n. Nothing is saved until you apply.</source>
        <translation>
            <numerusform>Besoins qui changent de rang&#xa0;: %n. Rien n&apos;est enregistré avant d&apos;appliquer.</numerusform>
            <numerusform>Besoins qui changent de rang&#xa0;: %n. Rien n&apos;est enregistré avant d&apos;appliquer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../po_desktop/ui/scoring/page.py" line="358"/>
        <source>Save these weights in the grid “%1”? Each need scored with it (%n) gets a new version with the new score; earlier versions keep the old weights. You can undo it.</source>
        <translation>
            <numerusform>Enregistrer ces poids dans la grille «&#xa0;%1&#xa0;»&#xa0;? Chaque besoin coté avec elle (%n) reçoit une nouvelle version avec le nouveau score&#xa0;; les versions antérieures gardent les anciens poids. Vous pourrez l&apos;annuler.</numerusform>
            <numerusform>Enregistrer ces poids dans la grille «&#xa0;%1&#xa0;»&#xa0;? Chaque besoin coté avec elle (%n) reçoit une nouvelle version avec le nouveau score&#xa0;; les versions antérieures gardent les anciens poids. Vous pourrez l&apos;annuler.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="356"/>
        <location filename="../../po_desktop/ui/scoring/page.py" line="370"/>
        <source>Apply these weights</source>
        <translation>Appliquer ces poids</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="368"/>
        <source>Apply weights to %1</source>
        <translation>Appliquer les poids à %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="382"/>
        <source>Make %1 the active grid</source>
        <translation>Rendre active la grille %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="420"/>
        <source>Select a need to score it.</source>
        <translation>Sélectionnez un besoin pour le coter.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="422"/>
        <source>No need matches these filters.</source>
        <translation>Aucun besoin ne correspond à ces filtres.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="425"/>
        <source>No need to score yet: the needs you create are ranked here.</source>
        <translation>Aucun besoin à coter pour l&apos;instant : les besoins que vous créez sont classés ici.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="443"/>
        <source>Unsaved scoring</source>
        <translation>Cotation non enregistrée</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="444"/>
        <source>The scoring of %1 is not saved.</source>
        <translation>La cotation de %1 n&apos;est pas enregistrée.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="34"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="43"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="48"/>
        <source>Go from card to card, across columns</source>
        <translation>Aller de carte en carte, d&apos;une colonne à l&apos;autre</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="49"/>
        <source>Open the selected need</source>
        <translation>Ouvrir le besoin sélectionné</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="49"/>
        <source>Enter or double click</source>
        <translation>Entrée ou double clic</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="50"/>
        <source>Select several cards</source>
        <translation>Sélectionner plusieurs cartes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="50"/>
        <source>Ctrl+click, Shift+click</source>
        <translation>Ctrl+clic, Maj+clic</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="51"/>
        <source>Previous / next month or week (calendar)</source>
        <translation>Mois ou semaine précédent / suivant (calendrier)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="51"/>
        <source>Page Up / Page Down</source>
        <translation>Page préc. / Page suiv.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="52"/>
        <source>Back to today (calendar)</source>
        <translation>Revenir à aujourd&apos;hui (calendrier)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="52"/>
        <source>Home</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="55"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/help_dialogs.py" line="55"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>SprintDialog</name>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="129"/>
        <source>New sprint</source>
        <translation>Nouveau sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="129"/>
        <source>Edit sprint</source>
        <translation>Modifier le sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="139"/>
        <source>None: the workspace&apos;s one team</source>
        <translation>Aucune : l&apos;équipe unique de l&apos;espace</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="143"/>
        <source>Sprints of one team may not overlap; leave empty for a single team</source>
        <translation>Les sprints d&apos;une même équipe ne peuvent pas se chevaucher&#xa0;; laissez vide s&apos;il n&apos;y a qu&apos;une équipe</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="153"/>
        <source>Share of working time left for sprint work after meetings and support</source>
        <translation>Part du temps de travail qui reste pour le sprint après réunions et support</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="156"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="157"/>
        <source>Goal:</source>
        <translation>Objectif&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="158"/>
        <source>Team:</source>
        <translation>Équipe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="159"/>
        <source>Start:</source>
        <translation>Début&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="160"/>
        <source>End:</source>
        <translation>Fin&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="161"/>
        <source>Focus factor:</source>
        <translation>Facteur de concentration&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="162"/>
        <source>Members:</source>
        <translation>Membres&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="182"/>
        <source>New sprint %1</source>
        <translation>Nouveau sprint %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="187"/>
        <source>Edit sprint %1</source>
        <translation>Modifier le sprint %1</translation>
    </message>
</context>
<context>
    <name>SprintTableModel</name>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="328"/>
        <source>Sprint</source>
        <translation>Sprint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="329"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="330"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="331"/>
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="332"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="333"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="334"/>
        <source>Velocity</source>
        <translation>Vélocité</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/models.py" line="335"/>
        <source>Rituals</source>
        <translation>Rituels</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <location filename="../../po_desktop/ui/fields.py" line="142"/>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/fields.py" line="143"/>
        <source>Type a time such as 14:30 or 9h</source>
        <translation>Saisissez une heure comme 14:30 ou 9h</translation>
    </message>
</context>
<context>
    <name>ValueEffortMatrix</name>
    <message>
        <location filename="../../po_desktop/ui/scoring/matrix.py" line="53"/>
        <source>Value / effort matrix</source>
        <translation>Matrice valeur / effort</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/matrix.py" line="57"/>
        <source>Quick wins</source>
        <translation>Gains rapides</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/matrix.py" line="58"/>
        <source>Big bets</source>
        <translation>Paris stratégiques</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/matrix.py" line="59"/>
        <source>Fill-ins</source>
        <translation>Tâches d&apos;appoint</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/matrix.py" line="60"/>
        <source>Money pits</source>
        <translation>Gouffres</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/matrix.py" line="62"/>
        <source>No need shown has a score on the active grid.</source>
        <translation>Aucun besoin affiché n&apos;est coté avec la grille active.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/matrix.py" line="154"/>
        <source>Effort →</source>
        <translation>Effort →</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/matrix.py" line="162"/>
        <source>Value →</source>
        <translation>Valeur →</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/matrix.py" line="221"/>
        <source>Value %1 · effort %2</source>
        <translation>Valeur %1 · effort %2</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="82"/>
        <source>Project filter</source>
        <translation>Filtre projet</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="85"/>
        <source>Search key, title, problem… (Ctrl+F)</source>
        <translation>Rechercher clé, titre, défi… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="98"/>
        <source>&amp;Board</source>
        <translation>&amp;Tableau</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="98"/>
        <source>L&amp;ist</source>
        <translation>L&amp;iste</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="98"/>
        <source>&amp;Scoring</source>
        <translation>&amp;Cotation</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="98"/>
        <source>Ca&amp;lendar</source>
        <translation>Ca&amp;lendrier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="122"/>
        <source>All projects</source>
        <translation>Tous les projets</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="126"/>
        <source>(archived)</source>
        <translation>(archivé)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="274"/>
        <source>Needs shown: %1 of %2</source>
        <translation>Besoins affichés : %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="276"/>
        <source>No need yet</source>
        <translation>Aucun besoin pour l&apos;instant</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="285"/>
        <source>search “%1”</source>
        <translation>recherche « %1 »</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="287"/>
        <source>project %1</source>
        <translation>projet %1</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="302"/>
        <source>Filtered view — needs shown: %1 of %2 (%3).</source>
        <translation>Vue filtrée — besoins affichés : %1 sur %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/views.py" line="306"/>
        <source>Show all needs</source>
        <translation>Afficher tous les besoins</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="36"/>
        <source>A new workspace: four steps to start</source>
        <translation>Un nouvel espace de travail : quatre étapes pour commencer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="43"/>
        <source>Needs belong to projects, are carried out by people, and are planned around the public holidays of your region. Everything can be changed later.</source>
        <translation>Les besoins appartiennent à des projets, sont réalisés par des personnes et planifiés en tenant compte des jours fériés de votre région. Tout reste modifiable ensuite.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="49"/>
        <source>Create a project…</source>
        <translation>Créer un projet…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="52"/>
        <location filename="../../po_desktop/ui/welcome.py" line="74"/>
        <source>Public holidays</source>
        <translation>Jours fériés</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="57"/>
        <source>Add people…</source>
        <translation>Ajouter des personnes…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="59"/>
        <source>New need… (Ctrl+N)</source>
        <translation>Nouveau besoin… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="61"/>
        <source>Import needs from a CSV file…</source>
        <translation>Importer des besoins d&apos;un fichier CSV…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="66"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="68"/>
        <source>An external project (the customer platform) or an internal one (the ERP roll-out). Its code prefixes the keys of its needs: ERP-1, ERP-2…</source>
        <translation>Un projet externe (la plateforme client) ou interne (le déploiement de l&apos;ERP). Son code sert de préfixe aux clés de ses besoins : ERP-1, ERP-2…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="75"/>
        <source>The days the team does not work, removed from each sprint&apos;s capacity.</source>
        <translation>Les jours non travaillés, déduits de la capacité de chaque sprint.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="79"/>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="81"/>
        <source>Who carries out the needs, in IT or elsewhere (marketing, HR, sales administration), with their availability.</source>
        <translation>Les personnes qui réalisent les besoins, à la DSI ou ailleurs (marketing, RH, administration des ventes), et leur disponibilité.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="87"/>
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="89"/>
        <source>The problem to solve first, the solution the requester has in mind after. A new need lands in the first column of the board.</source>
        <translation>Le problème à résoudre d&apos;abord, la solution qu&apos;envisage le demandeur ensuite. Un nouveau besoin arrive dans la première colonne du tableau.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="121"/>
        <source>Read the short guide</source>
        <translation>Lire le guide de démarrage</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="153"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/welcome.py" line="153"/>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="47"/>
        <source>Try other weights (what-if)</source>
        <translation>Essayer d&apos;autres poids (simulation)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="49"/>
        <source>Change the active grid&apos;s weights and see the ranking move at once</source>
        <translation>Changez les poids de la grille active et voyez le classement bouger aussitôt</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="61"/>
        <source>Back to the saved weights</source>
        <translation>Revenir aux poids enregistrés</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="63"/>
        <source>Apply these weights…</source>
        <translation>Appliquer ces poids…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="65"/>
        <source>Save these weights in the grid and re-score the needs it scored (undoable)</source>
        <translation>Enregistrer ces poids dans la grille et recalculer le score des besoins cotés avec elle (annulable)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/scoring/page.py" line="114"/>
        <source>A weight must be above 0; a small weight makes the criterion count little</source>
        <translation>Un poids doit être supérieur à 0&#xa0;; un petit poids fait peu compter le critère</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="35"/>
        <source>&amp;New database…</source>
        <translation>&amp;Nouvelle base…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="37"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="39"/>
        <source>Open &amp;recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="42"/>
        <source>Save a &amp;copy…</source>
        <translation>Enregistrer une &amp;copie…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="44"/>
        <source>Save &amp;as…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="46"/>
        <source>Save the open workspace to a new file and go on working in that file</source>
        <translation>Enregistrer l&apos;espace ouvert dans un nouveau fichier et continuer à travailler dans ce fichier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="48"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="50"/>
        <source>Res&amp;tore a backup…</source>
        <translation>Res&amp;taurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="53"/>
        <source>&amp;Import needs (Excel, CSV)…</source>
        <translation>&amp;Importer des besoins (Excel, CSV)…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="56"/>
        <source>&amp;Export needs (Excel, CSV)…</source>
        <translation>&amp;Exporter les besoins (Excel, CSV)…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="59"/>
        <source>Export the &amp;calendar (.ics)…</source>
        <translation>Exporter le &amp;calendrier (.ics)…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="65"/>
        <source>Sprint &amp;review pack (PDF)…</source>
        <translation>Dossier de &amp;revue du sprint (PDF)…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="68"/>
        <source>Prefere&amp;nces…</source>
        <translation>Préfére&amp;nces…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="71"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="74"/>
        <source>&amp;New need…</source>
        <translation>&amp;Nouveau besoin…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="75"/>
        <source>New need (Ctrl+N)</source>
        <translation>Nouveau besoin (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="76"/>
        <source>&amp;Edit need…</source>
        <translation>&amp;Modifier le besoin…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="78"/>
        <source>&amp;Delete need</source>
        <translation>&amp;Supprimer le besoin</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="81"/>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="91"/>
        <source>&amp;Next unscored need</source>
        <translation>Besoin non coté &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="94"/>
        <source>&amp;Previous unscored need</source>
        <translation>Besoin non coté &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="97"/>
        <source>&amp;Projects…</source>
        <translation>&amp;Projets…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="98"/>
        <source>P&amp;eople…</source>
        <translation>P&amp;ersonnes…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="100"/>
        <source>Board &amp;columns…</source>
        <translation>&amp;Colonnes du tableau…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="103"/>
        <source>Scoring &amp;grids…</source>
        <translation>&amp;Grilles de cotation…</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="107"/>
        <source>Short &amp;guide</source>
        <translation>&amp;Guide de démarrage</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="110"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="112"/>
        <source>&amp;About PO Desktop</source>
        <translation>À &amp;propos de PO Desktop</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="136"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="139"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="147"/>
        <location filename="../../po_desktop/ui/window_actions.py" line="151"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="151"/>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>Annuler : %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="155"/>
        <location filename="../../po_desktop/ui/window_actions.py" line="159"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="159"/>
        <source>Redo: %1 (Ctrl+Y)</source>
        <translation>Rétablir : %1 (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="191"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="210"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="211"/>
        <source>Move &amp;card</source>
        <translation>Déplacer la &amp;carte</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="226"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="233"/>
        <source>&amp;Workspace</source>
        <translation>&amp;Espace de travail</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="240"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/window_actions.py" line="268"/>
        <source>Project:</source>
        <translation>Projet&#xa0;:</translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="74"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="75"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="76"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/workspace_dialogs.py" line="180"/>
        <source>Save the changes to this item?</source>
        <translation>Enregistrer les modifications de cet élément&#xa0;?</translation>
    </message>
</context>
<context>
    <name>_ServiceDialog</name>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="78"/>
        <source>“%1” is not a date between 01/01/2000 and 31/12/2099. Type it like 04/01/2027, or pick it in the calendar.</source>
        <translation>« %1 » n&apos;est pas une date entre le 01/01/2000 et le 31/12/2099. Saisissez-la comme 04/01/2027, ou choisissez-la dans le calendrier.</translation>
    </message>
    <message>
        <location filename="../../po_desktop/ui/calendar/dialogs.py" line="82"/>
        <source>“%1” is not a time of day. Type it like 14:30.</source>
        <translation>« %1 » n&apos;est pas une heure. Saisissez-la comme 14:30.</translation>
    </message>
</context>
</TS>

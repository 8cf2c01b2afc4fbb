"""The demo's words: its people, requesters and the French phrases its needs are made of.

Pure data, read by the generator; each theme's topics keep a need's title, problem,
solution and acceptance criteria about the same subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from po_desktop.domain.enums import Decision, Source

# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class PersonSpec:
    key: str
    name: str
    role: str
    unit: str
    availability: float
    team: bool


PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec("claire", "Claire Moreau", "Product Owner — Plateforme client", "IT", 1.0, True),
    PersonSpec("julien", "Julien Lefèvre", "Product Owner — ERP", "Finance", 0.9, True),
    PersonSpec(
        "sophie", "Sophie Garnier", "Product Owner — Marketing digital", "Marketing", 0.6, False
    ),
    PersonSpec("camille", "Camille Bernard", "Développeuse", "IT", 1.0, True),
    PersonSpec("thomas", "Thomas Petit", "Développeur back-end", "IT", 1.0, True),
    PersonSpec("lea", "Léa Dubois", "Développeuse front-end", "IT", 0.8, True),
    PersonSpec("antoine", "Antoine Girard", "Architecte technique", "IT", 0.5, True),
    PersonSpec("emilie", "Émilie Fournier", "Testeuse QA", "IT", 0.9, True),
    PersonSpec("hugo", "Hugo Lambert", "Designer UX/UI", "IT", 0.6, True),
    PersonSpec("nicolas", "Nicolas Roux", "Chef de projet ERP", "IT", 0.9, True),
    PersonSpec("julie", "Julie Mercier", "Chargée de marketing", "Marketing", 0.6, False),
    PersonSpec("nathalie", "Nathalie Blanc", "Responsable RH", "RH", 0.5, False),
    PersonSpec("karim", "Karim Benali", "Assistant ADV", "ADV", 0.7, False),
    PersonSpec("manon", "Manon Chevalier", "Responsable ADV", "ADV", 0.5, False),
    PersonSpec("isabelle", "Isabelle Faure", "Contrôleuse de gestion", "Finance", 0.5, False),
)

# Who picks up a need in a sprint: developers for technical work, the business
# people (helped by the UX designer or the ERP project lead) for the rest.
TECH_ASSIGNEES = {
    "PLAT": ("camille", "thomas", "lea", "lea", "emilie", "antoine", "hugo"),
    "ERP": ("thomas", "camille", "nicolas", "antoine", "emilie"),
}
BUSINESS_ASSIGNEES = {
    "IT": ("nicolas", "hugo"),
    "Marketing": ("julie", "hugo", "sophie"),
    "RH": ("nathalie", "nicolas"),
    "ADV": ("karim", "manon", "nicolas"),
    "Finance": ("isabelle", "julien", "nicolas"),
}
INTERNAL_REQUESTERS = {
    "IT": ("Antoine Girard", "Camille Bernard", "Support informatique", "Hugo Lambert"),
    "Marketing": ("Julie Mercier", "Sophie Garnier", "Direction commerciale"),
    "RH": ("Nathalie Blanc", "Comité social et économique", "Service paie"),
    "ADV": ("Karim Benali", "Manon Chevalier", "Direction commerciale"),
    "Finance": ("Isabelle Faure", "Direction financière", "Service comptabilité"),
}
CUSTOMERS = (
    "Société Durand SA",
    "Boulangeries Martin",
    "Transports Lemaire",
    "Groupe Hélios",
    "Cabinet Roussel & Associés",
    "Garage Petitjean",
    "Pharmacie du Centre",
    "Menuiserie Perrin SARL",
    "Hôtel Le Cèdre",
    "Clinique Saint-Roch",
    "Laboratoires Vasseur",
    "Brasserie des Halles",
    "Électricité Fabre & Fils",
    "Coopérative agricole du Val de Loire",
    "Imprimerie Gauthier",
    "Mairie de Saint-Médard",
    "Optique Bertrand",
    "Sodimat Distribution",
)
RND_REQUESTERS = ("Cellule innovation", "Antoine Girard", "Veille technologique")
OTHER_REQUESTERS = (
    "Direction générale",
    "Commissaire aux comptes",
    "Délégué à la protection des données",
    "Audit interne",
    "Service juridique",
    "Retour du salon Global Industrie",
)
UNIT_PHRASE = {
    "IT": "l'IT",
    "Marketing": "le marketing",
    "RH": "les RH",
    "ADV": "l'ADV",
    "Finance": "la finance",
}


# --------------------------------------------------------------------------- needs' text


@dataclass(frozen=True)
class Topic:
    """Needs about one subject: their title, problem, solution and criteria agree."""

    objects: tuple[str, ...]
    """Noun phrases with their article (« les factures PDF »)."""
    qualifiers: tuple[str, ...]
    """Aspects of those objects, for « Objet : aspect » titles."""
    tags: tuple[str, ...]
    goals: tuple[tuple[str, str], ...]
    """(who, after « à », what they should be able to do)"""
    pains: tuple[tuple[str, str], ...]
    """(who, plural subject; the chore that costs them time)"""
    solutions: tuple[str, ...]
    checks: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    """One family of needs of a project, with its business units and vocabulary."""

    project: str
    weight: int
    units: tuple[tuple[str, int], ...]
    technical: float
    sources: tuple[tuple[Source, int], ...]
    owner: str
    actions: tuple[str, ...]
    contexts: tuple[str, ...]
    impacts: tuple[str, ...]
    topics: tuple[Topic, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        project="PLAT",
        weight=30,
        units=(("ADV", 6), ("IT", 3), ("Marketing", 1)),
        technical=0.5,
        sources=((Source.CUSTOMER, 6), (Source.TEAM, 3), (Source.OTHER, 1), (Source.RND, 1)),
        owner="claire",
        actions=(
            "Simplifier",
            "Fiabiliser",
            "Personnaliser",
            "Accélérer",
            "Refondre",
            "Améliorer",
            "Moderniser",
            "Revoir",
        ),
        contexts=(
            "sur mobile",
            "pour les clients grands comptes",
            "depuis l'espace client",
            "pour les commandes récurrentes",
            "pour les clients export",
            "en libre-service",
            "pour les revendeurs",
        ),
        impacts=(
            "dégrade la satisfaction client",
            "multiplie les appels au support",
            "retarde les expéditions",
            "fait perdre des ventes en fin de mois",
        ),
        topics=(
            Topic(
                objects=(
                    "le suivi de commande",
                    "l'historique des commandes",
                    "les bons de livraison",
                ),
                qualifiers=(
                    "lien de suivi transporteur",
                    "filtre par statut",
                    "notification par e-mail",
                    "export Excel",
                ),
                tags=("commandes", "livraison", "espace client"),
                goals=(
                    ("à nos clients", "suivre l'état de leurs commandes sans appeler l'ADV"),
                    (
                        "aux clients grands comptes",
                        "retrouver un bon de livraison de l'an dernier en quelques secondes",
                    ),
                ),
                pains=(
                    ("les assistantes ADV", "répondre au téléphone sur l'état des commandes"),
                    ("les commerciaux", "relancer les transporteurs pour obtenir une date"),
                ),
                solutions=(
                    "Afficher dans l'espace client une frise de statut alimentée par l'ERP et "
                    "le transporteur.",
                    "Envoyer un e-mail automatique à chaque changement de statut, désactivable "
                    "par le client.",
                    "Rendre les bons de livraison téléchargeables depuis l'historique, sur cinq "
                    "ans.",
                ),
                checks=(
                    "Étant donné une commande expédiée, quand le client ouvre son espace, alors "
                    "le numéro de suivi transporteur est affiché.",
                    "Le statut affiché correspond à celui de l'ERP, avec moins de 15 minutes de "
                    "décalage.",
                    "Un client ne voit que les commandes de son propre compte.",
                ),
            ),
            Topic(
                objects=(
                    "le panier",
                    "les réassorts récurrents",
                    "la recherche produits",
                    "le catalogue produits",
                ),
                qualifiers=(
                    "recherche plein texte",
                    "tri par date de livraison",
                    "affichage mobile",
                    "commande rapide par référence",
                ),
                tags=("commandes", "UX", "mobile"),
                goals=(
                    ("à nos clients", "repasser une commande habituelle en trois clics"),
                    ("aux revendeurs", "trouver un produit par sa référence fournisseur"),
                    (
                        "à nos clients",
                        "connaître la date de livraison avant de valider leur panier",
                    ),
                ),
                pains=(
                    ("les assistantes ADV", "ressaisir les commandes reçues par e-mail"),
                    ("nos clients", "chercher leurs références habituelles dans tout le catalogue"),
                ),
                solutions=(
                    "Ajouter un bouton « Commander à nouveau » sur chaque commande passée.",
                    "Permettre l'import d'un fichier de commande Excel depuis l'espace client.",
                    "Indexer les références fournisseurs et les synonymes dans la recherche.",
                    "Calculer la date de livraison prévisionnelle à partir du stock et du délai "
                    "transporteur.",
                ),
                checks=(
                    "Une commande passée peut être dupliquée puis modifiée avant validation.",
                    "La recherche trouve un produit par sa référence, même partielle, en moins "
                    "d'une seconde.",
                    "La date de livraison annoncée est tenue dans 95 % des cas.",
                ),
            ),
            Topic(
                objects=(
                    "les devis en ligne",
                    "les adresses de livraison",
                    "le formulaire de contact",
                ),
                qualifiers=(
                    "signature électronique",
                    "validation par l'ADV",
                    "modèles de devis",
                    "vérification des adresses",
                ),
                tags=("espace client", "devis"),
                goals=(
                    ("aux clients grands comptes", "obtenir un devis signé en ligne le jour même"),
                    (
                        "à nos clients",
                        "modifier une adresse de livraison sans passer par le support",
                    ),
                ),
                pains=(
                    (
                        "les commerciaux",
                        "préparer sous tableur des devis pour de petites commandes",
                    ),
                    ("les assistantes ADV", "corriger les adresses de livraison erronées"),
                ),
                solutions=(
                    "Proposer un formulaire de devis en ligne relié au catalogue, avec signature "
                    "électronique.",
                    "Laisser le client gérer un carnet d'adresses, chaque nouvelle adresse étant "
                    "validée par l'ADV.",
                ),
                checks=(
                    "Un devis accepté en ligne crée la commande dans l'ERP sans ressaisie.",
                    "Une nouvelle adresse est vérifiée (code postal, commune) avant "
                    "enregistrement.",
                    "Le client reçoit une copie PDF du devis signé.",
                ),
            ),
        ),
    ),
    Theme(
        project="PLAT",
        weight=20,
        units=(("Finance", 6), ("ADV", 4)),
        technical=0.4,
        sources=((Source.CUSTOMER, 5), (Source.TEAM, 4), (Source.OTHER, 2)),
        owner="claire",
        actions=(
            "Dématérialiser",
            "Automatiser",
            "Simplifier",
            "Sécuriser",
            "Fiabiliser",
            "Centraliser",
            "Clarifier",
            "Revoir",
        ),
        contexts=(
            "dans l'espace client",
            "pour les clients professionnels",
            "avant la clôture mensuelle",
            "pour les clients export",
            "au format Factur-X",
            "sans intervention de l'ADV",
        ),
        impacts=(
            "retarde les encaissements de plusieurs jours",
            "pèse sur la trésorerie en fin de mois",
            "génère des litiges avec les clients",
            "multiplie les appels à la comptabilité",
        ),
        topics=(
            Topic(
                objects=(
                    "les factures PDF",
                    "la facture électronique",
                    "le relevé de compte client",
                    "les avoirs",
                ),
                qualifiers=(
                    "téléchargement groupé",
                    "export comptable",
                    "historique sur cinq ans",
                    "mention des pénalités de retard",
                ),
                tags=("facturation", "comptabilité"),
                goals=(
                    ("à nos clients", "télécharger toutes leurs factures de l'année en une fois"),
                    (
                        "aux comptables",
                        "respecter l'obligation de facturation électronique sans double saisie",
                    ),
                ),
                pains=(
                    ("les assistantes ADV", "renvoyer par e-mail des duplicatas de factures"),
                    ("les comptables", "ressaisir les avoirs dans deux outils"),
                ),
                solutions=(
                    "Générer les factures au format Factur-X et les déposer dans l'espace client.",
                    "Émettre les avoirs depuis l'ERP et les publier automatiquement dans "
                    "l'espace client.",
                    "Proposer un relevé de compte téléchargeable, avec factures et règlements.",
                ),
                checks=(
                    "Le PDF porte les mentions légales obligatoires (SIREN, TVA, pénalités de "
                    "retard).",
                    "Les montants exportés correspondent au centime près à la comptabilité.",
                    "Le client télécharge toutes ses factures d'une année en un clic.",
                ),
            ),
            Topic(
                objects=(
                    "les relances de paiement",
                    "le paiement par carte",
                    "le prélèvement SEPA",
                    "les échéanciers de paiement",
                ),
                qualifiers=(
                    "rappel automatique à J+15",
                    "paiement fractionné",
                    "rapprochement automatique",
                    "mandat en ligne",
                ),
                tags=("paiement", "relances", "trésorerie"),
                goals=(
                    ("à nos clients", "régler une facture en ligne dès sa réception"),
                    ("aux chargés de recouvrement", "suivre les impayés sans tableur"),
                ),
                pains=(
                    ("les chargés de recouvrement", "relancer les impayés un par un"),
                    ("les comptables", "rapprocher à la main les virements reçus"),
                ),
                solutions=(
                    "Programmer des relances automatiques à J+15 et J+30, avec un modèle "
                    "d'e-mail validé par la finance.",
                    "Intégrer le paiement par carte via le prestataire bancaire existant "
                    "(3-D Secure).",
                    "Rapprocher automatiquement les virements grâce à la référence de facture.",
                    "Proposer un mandat SEPA signé en ligne à l'ouverture du compte.",
                ),
                checks=(
                    "Étant donné une facture échue depuis 15 jours, alors une relance part "
                    "automatiquement et apparaît dans l'historique du client.",
                    "Aucune donnée de carte bancaire n'est stockée sur nos serveurs.",
                    "Une facture payée en ligne passe au statut « réglée » dans l'ERP sous une "
                    "heure.",
                ),
            ),
        ),
    ),
    Theme(
        project="PLAT",
        weight=20,
        units=(("Marketing", 1),),
        technical=0.2,
        sources=((Source.TEAM, 4), (Source.CUSTOMER, 2), (Source.OTHER, 2), (Source.RND, 1)),
        owner="sophie",
        actions=(
            "Personnaliser",
            "Mesurer",
            "Refondre",
            "Optimiser",
            "Automatiser",
            "Tester",
            "Harmoniser",
            "Relancer",
        ),
        contexts=(
            "pour la rentrée",
            "avant les soldes d'hiver",
            "pour le salon professionnel",
            "sur mobile",
            "pour les clients inactifs",
            "par segment de clientèle",
            "en anglais et en espagnol",
        ),
        impacts=(
            "fait rater des temps forts commerciaux",
            "empêche de mesurer le retour sur investissement",
            "expose l'entreprise à une sanction de la CNIL",
            "lasse les clients avec des envois non ciblés",
        ),
        topics=(
            Topic(
                objects=("la newsletter", "les campagnes e-mailing", "les codes promo"),
                qualifiers=(
                    "test A/B",
                    "segmentation par secteur",
                    "gestion des désinscriptions",
                    "planification des envois",
                ),
                tags=("e-mailing", "RGPD", "reporting"),
                goals=(
                    (
                        "aux chargés de marketing",
                        "lancer une campagne sans demander l'aide de l'IT",
                    ),
                    (
                        "aux chargés de marketing",
                        "mesurer le chiffre d'affaires généré par chaque campagne",
                    ),
                    ("aux commerciaux", "cibler les clients inactifs depuis six mois"),
                ),
                pains=(
                    (
                        "les chargés de marketing",
                        "extraire les contacts à la main depuis trois fichiers",
                    ),
                    (
                        "les chargés de marketing",
                        "consolider les statistiques de campagne dans un tableur",
                    ),
                ),
                solutions=(
                    "Brancher l'outil d'e-mailing sur la base clients avec une synchronisation "
                    "quotidienne des consentements.",
                    "Suivre chaque campagne par un paramètre UTM et un tableau de bord "
                    "hebdomadaire.",
                    "Créer des segments dynamiques (secteur, dernier achat, panier moyen) "
                    "réutilisables.",
                ),
                checks=(
                    "Un contact désinscrit ne reçoit plus aucun envoi sous 24 heures (RGPD).",
                    "Le tableau de bord affiche le chiffre d'affaires attribué à chaque campagne.",
                    "Un segment se construit sans requête technique, en moins de cinq minutes.",
                ),
            ),
            Topic(
                objects=(
                    "les pages produits",
                    "les bannières saisonnières",
                    "les fiches produits",
                    "le parcours d'inscription",
                ),
                qualifiers=(
                    "balises SEO",
                    "traduction anglaise",
                    "programmation des dates",
                    "affichage mobile",
                ),
                tags=("SEO", "UX", "mobile"),
                goals=(
                    ("aux chargés de marketing", "publier une promotion en moins d'une heure"),
                    ("aux prospects", "créer un compte professionnel en moins de deux minutes"),
                ),
                pains=(
                    (
                        "les chargés de marketing",
                        "attendre une mise en production pour changer une bannière",
                    ),
                    ("les commerciaux", "compléter à la main les comptes créés par les prospects"),
                ),
                solutions=(
                    "Ajouter un éditeur de bannières dans le back-office, avec dates de début et "
                    "de fin.",
                    "Réduire le formulaire d'inscription aux champs indispensables et compléter "
                    "le reste grâce au SIRET.",
                    "Générer les balises titre et description des fiches produits à partir du "
                    "catalogue.",
                ),
                checks=(
                    "Une chargée de marketing publie une bannière sans intervention technique.",
                    "Les pages restent conformes aux recommandations SEO (balises titre et "
                    "description).",
                    "L'inscription se fait en moins de deux minutes sur mobile.",
                ),
            ),
            Topic(
                objects=("le programme de fidélité", "les avis clients"),
                qualifiers=(
                    "modération des avis",
                    "barème de points",
                    "relance après livraison",
                ),
                tags=("fidélité", "e-mailing"),
                goals=(
                    ("aux chargés de marketing", "recueillir des avis clients vérifiés"),
                    ("à nos clients", "suivre leurs points de fidélité depuis l'espace client"),
                ),
                pains=(
                    ("les chargés de marketing", "calculer les points de fidélité dans un tableur"),
                    ("les commerciaux", "répondre aux questions des clients sur leurs avantages"),
                ),
                solutions=(
                    "Envoyer une invitation à déposer un avis sept jours après la livraison.",
                    "Calculer les points de fidélité dans l'ERP et les afficher dans l'espace "
                    "client.",
                ),
                checks=(
                    "Seuls les clients ayant reçu leur commande peuvent déposer un avis.",
                    "Le solde de points affiché correspond à celui de l'ERP.",
                    "Le client peut refuser les sollicitations d'avis (RGPD).",
                ),
            ),
        ),
    ),
    Theme(
        project="PLAT",
        weight=12,
        units=(("IT", 1),),
        technical=0.95,
        sources=((Source.TEAM, 3), (Source.RND, 2), (Source.CUSTOMER, 2), (Source.OTHER, 2)),
        owner="claire",
        actions=(
            "Sécuriser",
            "Renforcer",
            "Auditer",
            "Simplifier",
            "Journaliser",
            "Mettre en conformité",
            "Revoir",
            "Documenter",
        ),
        contexts=(
            "pour les comptes administrateurs",
            "avant l'audit annuel",
            "selon les recommandations de l'ANSSI",
            "pour les clients grands comptes",
            "sur mobile",
        ),
        impacts=(
            "expose l'entreprise à une sanction de la CNIL",
            "nous pénalise dans les appels d'offres",
            "occupe le support à des tâches sans valeur",
            "fait échouer les audits de sécurité de nos clients",
        ),
        topics=(
            Topic(
                objects=(
                    "la connexion à l'espace client",
                    "la gestion des mots de passe",
                    "les droits d'accès des utilisateurs",
                    "les comptes multi-utilisateurs",
                ),
                qualifiers=(
                    "double authentification",
                    "expiration des sessions",
                    "délégation d'accès",
                    "politique de mots de passe",
                ),
                tags=("sécurité", "authentification"),
                goals=(
                    (
                        "aux clients grands comptes",
                        "gérer eux-mêmes les accès de leurs collaborateurs",
                    ),
                    ("à nos clients", "se connecter de façon sûre depuis un nouvel appareil"),
                ),
                pains=(
                    ("les équipes support", "réinitialiser des mots de passe par téléphone"),
                    ("les équipes support", "créer les comptes des collaborateurs de nos clients"),
                ),
                solutions=(
                    "Proposer une double authentification par application (TOTP), obligatoire "
                    "pour les administrateurs.",
                    "Ajouter un écran de gestion des utilisateurs avec trois rôles : lecteur, "
                    "acheteur, administrateur.",
                    "Réinitialiser le mot de passe par un lien à usage unique, valable 30 minutes.",
                ),
                checks=(
                    "Après cinq échecs de connexion, le compte est bloqué temporairement et "
                    "l'utilisateur prévenu.",
                    "Un administrateur client crée un utilisateur sans passer par le support.",
                    "Les mots de passe sont stockés hachés et ne sont jamais envoyés par e-mail.",
                ),
            ),
            Topic(
                objects=(
                    "le consentement aux cookies",
                    "la suppression de compte",
                    "l'export des données personnelles",
                    "le journal des connexions",
                ),
                qualifiers=(
                    "droit à l'effacement",
                    "journal d'audit",
                    "durées de conservation",
                    "registre des traitements",
                ),
                tags=("RGPD", "sécurité"),
                goals=(
                    (
                        "à nos clients",
                        "exercer leur droit à l'effacement sans écrire au support",
                    ),
                    ("aux administrateurs", "prouver à un auditeur qui a consulté quelles données"),
                ),
                pains=(
                    ("les équipes support", "traiter à la main les demandes RGPD"),
                    (
                        "les administrateurs",
                        "fouiller les journaux serveur pour répondre aux audits",
                    ),
                ),
                solutions=(
                    "Automatiser l'export et l'effacement des données personnelles, avec "
                    "journalisation.",
                    "Remplacer le bandeau cookies par une solution conforme aux lignes "
                    "directrices de la CNIL.",
                    "Conserver pendant un an un journal des consultations de données personnelles.",
                ),
                checks=(
                    "Les demandes d'effacement sont traitées en moins de 30 jours et tracées.",
                    "Refuser les cookies est aussi simple que les accepter (exigence CNIL).",
                    "Chaque consultation de données personnelles est journalisée (qui, quoi, "
                    "quand).",
                ),
            ),
        ),
    ),
    Theme(
        project="PLAT",
        weight=10,
        units=(("IT", 8), ("Marketing", 2)),
        technical=0.9,
        sources=((Source.CUSTOMER, 3), (Source.TEAM, 3), (Source.RND, 2)),
        owner="claire",
        actions=(
            "Accélérer",
            "Optimiser",
            "Adapter",
            "Tester",
            "Alléger",
            "Surveiller",
            "Moderniser",
            "Corriger",
        ),
        contexts=(
            "sur les anciens smartphones Android",
            "en 4G",
            "pour les commerciaux itinérants",
            "selon le RGAA",
            "sur tablette",
            "en zone blanche",
        ),
        impacts=(
            "fait perdre des commandes en rendez-vous client",
            "fait fuir les visiteurs dès la première page",
            "exclut une partie de nos utilisateurs",
            "dégrade notre référencement",
        ),
        topics=(
            Topic(
                objects=(
                    "l'application mobile",
                    "le mode hors ligne",
                    "les notifications push",
                    "le scanner de codes-barres",
                ),
                qualifiers=(
                    "synchronisation différée",
                    "préférences de notification",
                    "compatibilité Android 10",
                    "lecture de codes-barres",
                ),
                tags=("mobile",),
                goals=(
                    (
                        "aux commerciaux itinérants",
                        "prendre une commande chez un client sans réseau",
                    ),
                    ("à nos clients", "recevoir une alerte quand un produit revient en stock"),
                ),
                pains=(
                    (
                        "les commerciaux itinérants",
                        "noter les commandes sur papier faute de réseau",
                    ),
                    ("les assistantes ADV", "ressaisir les commandes prises en rendez-vous"),
                ),
                solutions=(
                    "Garder le catalogue en cache sur l'appareil et synchroniser les commandes au "
                    "retour du réseau.",
                    "Envoyer une notification push paramétrable par type d'événement.",
                    "Scanner le code-barres d'un produit pour l'ajouter directement au panier.",
                ),
                checks=(
                    "Une commande saisie hors ligne part automatiquement au retour du réseau, "
                    "sans doublon.",
                    "L'utilisateur peut désactiver chaque type de notification.",
                    "L'application fonctionne sur Android 10 et iOS 15 ou plus récents.",
                ),
            ),
            Topic(
                objects=(
                    "le chargement des pages catalogue",
                    "les images produits",
                    "l'accessibilité du site",
                ),
                qualifiers=(
                    "compression des images",
                    "mise en cache",
                    "contraste et navigation au clavier",
                    "score Lighthouse",
                ),
                tags=("performance", "accessibilité"),
                goals=(
                    ("à nos clients", "consulter le catalogue en moins de deux secondes"),
                    (
                        "aux utilisateurs malvoyants",
                        "naviguer sur le site au clavier et avec un lecteur d'écran",
                    ),
                ),
                pains=(
                    (
                        "les commerciaux itinérants",
                        "attendre le chargement du catalogue en clientèle",
                    ),
                    (
                        "les équipes support",
                        "guider par téléphone des clients perdus dans les formulaires",
                    ),
                ),
                solutions=(
                    "Servir les images au format WebP, en trois tailles selon l'écran.",
                    "Corriger les contrastes et les libellés de formulaires relevés par l'audit "
                    "RGAA.",
                    "Mettre en cache les pages catalogue et précharger la page suivante.",
                ),
                checks=(
                    "Le catalogue s'affiche en moins de 2 secondes en 4G sur un smartphone de "
                    "milieu de gamme.",
                    "Les pages clés atteignent le niveau AA du RGAA.",
                    "Le score Lighthouse des pages catalogue dépasse 90.",
                ),
            ),
        ),
    ),
    Theme(
        project="PLAT",
        weight=8,
        units=(("IT", 1),),
        technical=1.0,
        sources=((Source.RND, 4), (Source.TEAM, 4), (Source.OTHER, 1)),
        owner="claire",
        actions=(
            "Migrer",
            "Automatiser",
            "Superviser",
            "Documenter",
            "Fiabiliser",
            "Industrialiser",
            "Tester",
            "Mettre à jour",
        ),
        contexts=(
            "avant la fin du support éditeur",
            "en préproduction",
            "pour réduire les incidents du lundi",
            "vers l'hébergement cloud",
            "avec une alerte sur Teams",
        ),
        impacts=(
            "provoque des interruptions de service visibles des clients",
            "rallonge chaque mise en production",
            "freine l'arrivée de nouveaux partenaires",
            "fait peser un risque de perte de données",
        ),
        topics=(
            Topic(
                objects=(
                    "le déploiement continu",
                    "les tests de bout en bout",
                    "le framework front-end",
                ),
                qualifiers=(
                    "chaîne de déploiement",
                    "retour arrière en un clic",
                    "montée de version",
                    "tests de non-régression",
                ),
                tags=("dette technique", "performance"),
                goals=(
                    ("aux développeurs", "déployer en production sans interruption de service"),
                    ("aux développeurs", "livrer une correction urgente en moins d'une heure"),
                ),
                pains=(
                    ("les développeurs", "déployer à la main le vendredi soir"),
                    ("les développeurs", "corriger des régressions découvertes en production"),
                ),
                solutions=(
                    "Mettre en place une chaîne de déploiement avec tests automatiques et retour "
                    "arrière en un clic.",
                    "Couvrir les parcours de commande et de paiement par des tests de bout en "
                    "bout.",
                    "Passer le framework front-end sur une version maintenue avant la fin du "
                    "support éditeur.",
                ),
                checks=(
                    "Un déploiement complet prend moins de 15 minutes, sans coupure de service.",
                    "Les tests de bout en bout passent avant chaque mise en production.",
                    "Aucune régression sur les tests automatisés existants.",
                ),
            ),
            Topic(
                objects=(
                    "l'API partenaires",
                    "la supervision des serveurs",
                    "les sauvegardes",
                    "les journaux applicatifs",
                    "la base de données clients",
                ),
                qualifiers=(
                    "documentation OpenAPI",
                    "quotas par partenaire",
                    "alerte en cas d'erreur",
                    "restauration testée",
                ),
                tags=("API", "supervision"),
                goals=(
                    ("aux équipes support", "détecter un incident avant qu'un client n'appelle"),
                    ("aux partenaires intégrateurs", "intégrer notre catalogue sans assistance"),
                    (
                        "aux administrateurs système",
                        "restaurer une sauvegarde en moins d'une heure",
                    ),
                ),
                pains=(
                    ("les équipes support", "analyser des incidents sans journaux exploitables"),
                    ("les développeurs", "répondre aux questions des intégrateurs sur l'API"),
                ),
                solutions=(
                    "Publier une documentation OpenAPI et un environnement de test pour les "
                    "partenaires.",
                    "Centraliser les journaux et définir des alertes sur les erreurs 5xx.",
                    "Planifier un test de restauration mensuel des sauvegardes, avec compte rendu.",
                ),
                checks=(
                    "Une alerte part moins de 5 minutes après une erreur serveur répétée.",
                    "La documentation de l'API est régénérée à chaque version.",
                    "La restauration complète est testée et documentée chaque mois.",
                ),
            ),
        ),
    ),
    Theme(
        project="ERP",
        weight=25,
        units=(("RH", 1),),
        technical=0.15,
        sources=((Source.TEAM, 6), (Source.OTHER, 2), (Source.RND, 1)),
        owner="julien",
        actions=(
            "Dématérialiser",
            "Automatiser",
            "Simplifier",
            "Paramétrer",
            "Centraliser",
            "Fiabiliser",
            "Harmoniser",
            "Intégrer",
        ),
        contexts=(
            "dans l'ERP",
            "pour le siège et les agences",
            "avant la paie de fin de mois",
            "pour les managers",
            "depuis le portail salarié",
            "pour les intérimaires",
        ),
        impacts=(
            "provoque des erreurs sur les bulletins",
            "retarde la paie de fin de mois",
            "gâche l'arrivée des nouveaux collaborateurs",
            "occupe les RH à de la saisie",
        ),
        topics=(
            Topic(
                objects=(
                    "les bulletins de paie",
                    "les variables de paie",
                    "les heures supplémentaires",
                ),
                qualifiers=(
                    "import des variables",
                    "coffre-fort numérique",
                    "contrôle avant clôture",
                    "calcul des majorations",
                ),
                tags=("paie", "RGPD"),
                goals=(
                    ("aux gestionnaires de paie", "préparer la paie sans ressaisir les variables"),
                    (
                        "aux collaborateurs",
                        "recevoir leur bulletin de paie dans un coffre-fort numérique",
                    ),
                ),
                pains=(
                    (
                        "les gestionnaires de paie",
                        "ressaisir les variables de paie envoyées par e-mail",
                    ),
                    ("les assistantes RH", "imprimer et mettre sous pli les bulletins de paie"),
                ),
                solutions=(
                    "Importer automatiquement les variables de paie depuis les relevés d'heures "
                    "validés.",
                    "Distribuer les bulletins dans un coffre-fort numérique, avec consentement "
                    "recueilli à l'embauche.",
                    "Calculer les heures supplémentaires dans l'ERP à partir des badgeages.",
                ),
                checks=(
                    "Seuls les RH et le salarié concerné accèdent au bulletin (RGPD).",
                    "Les variables importées sont contrôlées avant la clôture de paie, le 20 du "
                    "mois.",
                    "Les heures supplémentaires majorées figurent sur le bulletin du mois suivant.",
                ),
            ),
            Topic(
                objects=("les demandes de congés", "les notes de frais"),
                qualifiers=(
                    "circuit de validation",
                    "rappel aux managers",
                    "solde en temps réel",
                    "lecture des justificatifs",
                ),
                tags=("congés", "RH"),
                goals=(
                    ("aux managers", "valider une demande de congés depuis leur téléphone"),
                    ("aux collaborateurs", "consulter leur solde de congés en temps réel"),
                    ("aux collaborateurs", "se faire rembourser leurs frais en moins de dix jours"),
                ),
                pains=(
                    ("les assistantes RH", "relancer les managers pour valider les congés"),
                    ("les comptables", "vérifier les notes de frais justificatif par justificatif"),
                ),
                solutions=(
                    "Activer le module de congés de l'ERP, avec validation par le manager direct "
                    "puis par les RH.",
                    "Photographier les justificatifs de frais depuis le mobile, avec lecture "
                    "automatique du montant.",
                ),
                checks=(
                    "Le solde de congés affiché est identique à celui du bulletin de paie.",
                    "Une demande non traitée sous 5 jours déclenche un rappel au manager.",
                    "Une note de frais validée est payée au virement suivant.",
                ),
            ),
            Topic(
                objects=(
                    "l'accueil des nouveaux arrivants",
                    "l'entretien annuel",
                    "les fiches de poste",
                    "le registre du personnel",
                ),
                qualifiers=(
                    "modèles par service",
                    "liste d'arrivée",
                    "signature électronique",
                    "export pour l'inspection du travail",
                ),
                tags=("onboarding", "RH"),
                goals=(
                    ("aux nouveaux arrivants", "être équipés et formés dès leur premier jour"),
                    (
                        "aux managers",
                        "préparer l'entretien annuel avec l'historique des objectifs",
                    ),
                ),
                pains=(
                    (
                        "les assistantes RH",
                        "préparer à la main le matériel des nouveaux arrivants",
                    ),
                    (
                        "les managers",
                        "retrouver les comptes rendus d'entretien des années passées",
                    ),
                ),
                solutions=(
                    "Créer une liste d'arrivée partagée entre RH, IT et manager.",
                    "Dématérialiser l'entretien annuel dans l'ERP, avec les objectifs repris "
                    "d'une année sur l'autre.",
                    "Tenir le registre du personnel à jour automatiquement à partir des contrats.",
                ),
                checks=(
                    "Le poste de travail et les accès sont prêts la veille de l'arrivée.",
                    "Le manager et le salarié signent l'entretien en ligne.",
                    "Le registre du personnel s'exporte pour l'inspection du travail.",
                ),
            ),
        ),
    ),
    Theme(
        project="ERP",
        weight=25,
        units=(("Finance", 1),),
        technical=0.25,
        sources=((Source.TEAM, 6), (Source.OTHER, 3), (Source.RND, 1)),
        owner="julien",
        actions=(
            "Automatiser",
            "Fiabiliser",
            "Accélérer",
            "Paramétrer",
            "Centraliser",
            "Contrôler",
            "Historiser",
            "Consolider",
        ),
        contexts=(
            "dans l'ERP",
            "pour le comité de direction",
            "avant l'arrêté des comptes",
            "par centre de coûts",
            "pour les filiales",
            "chaque lundi matin",
        ),
        impacts=(
            "retarde l'arrêté des comptes",
            "fausse le suivi budgétaire",
            "inquiète le commissaire aux comptes",
            "prive la direction d'une vision de la trésorerie",
        ),
        topics=(
            Topic(
                objects=(
                    "la clôture mensuelle",
                    "le rapprochement bancaire",
                    "les immobilisations",
                    "la déclaration de TVA",
                    "le plan comptable",
                ),
                qualifiers=(
                    "lettrage automatique",
                    "piste d'audit",
                    "export vers le cabinet comptable",
                    "contrôle de cohérence",
                ),
                tags=("comptabilité", "clôture", "TVA"),
                goals=(
                    ("aux comptables", "clôturer le mois en trois jours au lieu de huit"),
                    (
                        "aux comptables",
                        "justifier chaque écriture auprès du commissaire aux comptes",
                    ),
                ),
                pains=(
                    ("les comptables", "rapprocher les relevés bancaires ligne par ligne"),
                    ("les comptables", "recalculer les amortissements dans un tableur"),
                ),
                solutions=(
                    "Récupérer les relevés bancaires au format CAMT.053 et lettrer "
                    "automatiquement les écritures.",
                    "Générer la déclaration de TVA depuis l'ERP, avec contrôle de cohérence.",
                    "Gérer les immobilisations et leurs amortissements dans l'ERP.",
                ),
                checks=(
                    "Le taux de lettrage automatique dépasse 85 % sur un mois de relevés.",
                    "Chaque écriture générée garde un lien vers sa pièce justificative.",
                    "Les montants de TVA correspondent au grand livre au centime près.",
                ),
            ),
            Topic(
                objects=(
                    "les budgets par service",
                    "les tableaux de bord financiers",
                    "les prévisions de trésorerie",
                ),
                qualifiers=(
                    "écarts budget / réel",
                    "alerte de dépassement",
                    "consolidation multi-sociétés",
                    "vue à 13 semaines",
                ),
                tags=("reporting", "trésorerie"),
                goals=(
                    (
                        "aux responsables de service",
                        "suivre leurs dépenses face au budget sans attendre la fin du trimestre",
                    ),
                    (
                        "aux membres du comité de direction",
                        "disposer d'une prévision de trésorerie à 13 semaines",
                    ),
                ),
                pains=(
                    (
                        "les contrôleurs de gestion",
                        "consolider les budgets dans des tableurs envoyés par e-mail",
                    ),
                    ("les contrôleurs de gestion", "préparer le reporting mensuel à la main"),
                ),
                solutions=(
                    "Publier chaque lundi un tableau de bord budget / réel par centre de coûts.",
                    "Paramétrer une imputation analytique par défaut pour chaque famille d'achat.",
                    "Construire la prévision de trésorerie à partir des échéances clients et "
                    "fournisseurs de l'ERP.",
                ),
                checks=(
                    "Le tableau de bord est disponible le lundi à 8 h avec les données de la "
                    "veille.",
                    "Un dépassement de budget de plus de 10 % déclenche une alerte au responsable.",
                    "La prévision de trésorerie est recalculée chaque nuit.",
                ),
            ),
        ),
    ),
    Theme(
        project="ERP",
        weight=30,
        units=(("ADV", 8), ("Finance", 2)),
        technical=0.3,
        sources=((Source.TEAM, 6), (Source.CUSTOMER, 1), (Source.OTHER, 1), (Source.RND, 1)),
        owner="julien",
        actions=(
            "Simplifier",
            "Automatiser",
            "Fiabiliser",
            "Centraliser",
            "Contrôler",
            "Accélérer",
            "Paramétrer",
            "Tracer",
        ),
        contexts=(
            "dans l'ERP",
            "pour le dépôt de Lyon",
            "pour les commandes urgentes",
            "en fin de mois",
            "pour les grands comptes",
            "avec lecture de codes-barres",
        ),
        impacts=(
            "provoque des ruptures de stock",
            "génère des litiges sur les prix",
            "retarde les expéditions",
            "dégrade les marges",
        ),
        topics=(
            Topic(
                objects=(
                    "la saisie des commandes",
                    "les tarifs clients",
                    "les conditions de remise",
                    "les retours produits",
                ),
                qualifiers=(
                    "contrôle de marge",
                    "import EDI",
                    "motifs de retour",
                    "dates de validité",
                ),
                tags=("commandes", "facturation", "EDI"),
                goals=(
                    ("aux assistantes ADV", "saisir une commande client en moins de deux minutes"),
                    ("aux commerciaux", "appliquer la bonne remise sans consulter le contrat"),
                    ("aux assistantes ADV", "traiter un retour produit sans double saisie"),
                ),
                pains=(
                    ("les assistantes ADV", "ressaisir les commandes reçues par EDI"),
                    ("les commerciaux", "vérifier les remises dans les contrats papier"),
                ),
                solutions=(
                    "Importer les commandes EDI directement dans l'ERP, avec contrôle des prix et "
                    "des quantités.",
                    "Centraliser les conditions de remise par client dans l'ERP, avec dates de "
                    "validité.",
                    "Rendre obligatoire un motif de retour qui génère l'avoir et la remise en "
                    "stock.",
                ),
                checks=(
                    "Une commande dont la marge est sous le seuil est bloquée pour validation.",
                    "Chaque retour génère un avoir et un mouvement de stock liés.",
                    "Les remises appliquées correspondent au contrat en vigueur à la date de "
                    "commande.",
                ),
            ),
            Topic(
                objects=(
                    "les inventaires",
                    "les stocks multi-dépôts",
                    "les réservations de stock",
                    "les bons de commande fournisseurs",
                ),
                qualifiers=(
                    "alerte de rupture",
                    "inventaire tournant",
                    "validation au-delà de 5 000 €",
                    "stock minimum par article",
                ),
                tags=("stocks", "achats"),
                goals=(
                    (
                        "aux commerciaux",
                        "connaître le stock disponible de chaque dépôt en temps réel",
                    ),
                    ("aux acheteurs", "commander au bon moment sans surstock"),
                ),
                pains=(
                    ("les magasiniers", "compter le stock pendant deux jours d'inventaire"),
                    ("les commerciaux", "appeler le dépôt pour connaître le stock disponible"),
                    (
                        "les acheteurs",
                        "relancer les fournisseurs sans vue sur les commandes en retard",
                    ),
                ),
                solutions=(
                    "Remplacer l'inventaire annuel par un inventaire tournant par famille de "
                    "produits.",
                    "Afficher le stock disponible par dépôt, réservations déduites, dans la fiche "
                    "article.",
                    "Proposer des commandes fournisseurs à partir d'un stock minimum par article.",
                ),
                checks=(
                    "Le stock affiché par dépôt est à jour moins de 5 minutes après un mouvement.",
                    "Un bon de commande au-delà de 5 000 € exige la validation du responsable "
                    "achats.",
                    "L'écart d'inventaire est valorisé et justifié par famille.",
                ),
            ),
        ),
    ),
    Theme(
        project="ERP",
        weight=20,
        units=(("IT", 8), ("Finance", 1), ("RH", 1)),
        technical=0.85,
        sources=((Source.TEAM, 5), (Source.RND, 2), (Source.OTHER, 2)),
        owner="julien",
        actions=(
            "Préparer",
            "Fiabiliser",
            "Tester",
            "Documenter",
            "Automatiser",
            "Sécuriser",
            "Planifier",
            "Contrôler",
        ),
        contexts=(
            "avant la bascule",
            "pour le lot 2",
            "en environnement de recette",
            "pour les filiales",
            "selon le plan de migration",
            "avec l'intégrateur",
        ),
        impacts=(
            "menace la date de bascule",
            "risque de bloquer la facturation au démarrage",
            "fait douter les métiers du projet",
            "alourdit la charge des utilisateurs clés",
        ),
        topics=(
            Topic(
                objects=(
                    "la reprise des données clients",
                    "la reprise des articles",
                    "la reprise des encours fournisseurs",
                    "l'archivage des anciennes données",
                ),
                qualifiers=(
                    "reprise à blanc",
                    "contrôle de volumétrie",
                    "rapport d'anomalies",
                    "dédoublonnage",
                ),
                tags=("migration",),
                goals=(
                    ("aux équipes métier", "basculer sur l'ERP sans perdre l'historique client"),
                    (
                        "aux utilisateurs clés",
                        "vérifier la qualité des données reprises avant la bascule",
                    ),
                ),
                pains=(
                    ("les utilisateurs clés", "corriger à la main les fiches clients en doublon"),
                    (
                        "les chefs de projet",
                        "comparer les volumes de données entre l'ancien et le nouvel outil",
                    ),
                ),
                solutions=(
                    "Écrire des scripts de reprise rejouables, avec rapport d'anomalies par "
                    "entité.",
                    "Faire une reprise à blanc complète trois semaines avant la bascule.",
                    "Archiver les données de plus de dix ans dans un format lisible sans "
                    "l'ancien outil.",
                ),
                checks=(
                    "Les volumes repris (clients, articles, encours) sont identiques à la source, "
                    "écarts justifiés.",
                    "La reprise complète s'exécute en moins de quatre heures.",
                    "Les utilisateurs clés valident le jeu d'essai de chaque processus.",
                ),
            ),
            Topic(
                objects=(
                    "l'interface avec la plateforme client",
                    "les flux EDI",
                    "les interfaces bancaires",
                    "les habilitations ERP",
                ),
                qualifiers=(
                    "matrice des rôles",
                    "alerte sur rejet",
                    "supervision des flux",
                    "jeu d'essai",
                ),
                tags=("API", "EDI", "habilitations"),
                goals=(
                    ("aux administrateurs ERP", "attribuer les bons droits dès le premier jour"),
                    ("aux chefs de projet", "suivre chaque flux d'interface de bout en bout"),
                ),
                pains=(
                    ("les administrateurs ERP", "gérer les droits d'accès dans un tableur"),
                    (
                        "les chefs de projet",
                        "chercher pourquoi une commande n'est pas arrivée dans l'ERP",
                    ),
                ),
                solutions=(
                    "Définir une matrice des rôles validée par chaque métier et l'importer dans "
                    "l'ERP.",
                    "Superviser les flux EDI et bancaires, avec une alerte à chaque rejet.",
                    "Synchroniser commandes et stocks entre la plateforme client et l'ERP par API.",
                ),
                checks=(
                    "Chaque utilisateur n'a que les droits de sa matrice de rôles.",
                    "Un flux rejeté est signalé sous 15 minutes avec le motif du rejet.",
                    "Une commande passée sur la plateforme apparaît dans l'ERP en moins de "
                    "5 minutes.",
                ),
            ),
            Topic(
                objects=(
                    "la formation des utilisateurs clés",
                    "les supports de formation",
                    "le plan de bascule",
                ),
                qualifiers=(
                    "supports de formation",
                    "fiches pratiques",
                    "plan de retour arrière",
                    "calendrier des sessions",
                ),
                tags=("formation", "migration"),
                goals=(
                    ("aux équipes métier", "utiliser l'ERP en autonomie dès la mise en service"),
                ),
                pains=(
                    (
                        "les utilisateurs clés",
                        "répondre aux mêmes questions après chaque session de formation",
                    ),
                ),
                solutions=(
                    "Préparer des fiches pratiques et des vidéos courtes par processus.",
                    "Former d'abord les utilisateurs clés, qui forment ensuite leur service.",
                ),
                checks=(
                    "Chaque processus clé dispose d'une fiche pratique validée par le métier.",
                    "Tous les utilisateurs sont formés avant la bascule.",
                    "Le plan de bascule précise les étapes, les responsables et le retour arrière.",
                ),
            ),
        ),
    ),
)

SYMPTOMS = (
    ("ne s'affiche plus", "ne s'affichent plus"),
    ("ne se met plus à jour", "ne se mettent plus à jour"),
    ("se charge trop lentement", "se chargent trop lentement"),
    ("n'apparaît pas dans l'export", "n'apparaissent pas dans l'export"),
    ("est en doublon", "sont en doublon"),
    ("provoque une erreur 500", "provoquent une erreur 500"),
)
GENERIC_QUALIFIERS = ("export Excel", "historique des modifications", "recherche et filtres")
TITLE_SUFFIXES = (
    "(phase 2)",
    "(lot 2)",
    "(V2)",
    "– retours de recette",
    "– suite de l'atelier utilisateurs",
    "– périmètre siège",
    "– périmètre agences",
    "– demande du comité de pilotage",
)
DURATIONS = ("30 minutes", "1 h", "2 h", "3 h", "une demi-journée")
CONSTRAINTS = (
    "alourdir leur travail",
    "ajouter une saisie supplémentaire",
    "dépendre de l'équipe IT",
    "augmenter les coûts de licence",
    "changer d'outil",
)
PROBLEM_EXTRAS = (
    "Sujet évoqué à plusieurs reprises en comité de pilotage.",
    "Impact estimé : une dizaine de réclamations par mois.",
    "Point soulevé lors de la dernière rétrospective.",
    "Demande en hausse depuis le début de l'année.",
    "Concerne environ 300 dossiers par mois.",
)
SOLUTION_EXTRAS = (
    "Première version limitée au siège.",
    "À valider avec le demandeur sur une maquette.",
    "Réutiliser le composant déjà développé pour l'espace client.",
    "Prévoir une phase pilote de deux semaines.",
)
GENERIC_CHECKS = (
    "La documentation utilisateur est mise à jour.",
    "Les données personnelles restent conformes au RGPD.",
    "Validé en recette par le demandeur.",
    "Fonctionne sur les navigateurs du parc (Edge, Chrome, Firefox).",
    "Aucune régression sur les tests automatisés existants.",
)
RATIONALES = {
    Decision.GO: (
        "Gain direct pour {unit} et coût maîtrisé.",
        "Aligné sur l'objectif du trimestre ; à planifier dès que possible.",
        "Demande récurrente de plusieurs clients, effort raisonnable.",
        "Prérequis pour la suite de la feuille de route.",
        "",
        "",
    ),
    Decision.NO_GO: (
        "Coût disproportionné au regard du gain attendu.",
        "Déjà couvert par une fonction standard de l'ERP.",
        "Hors périmètre du projet : à porter par {unit}.",
        "Trop peu d'utilisateurs concernés pour justifier l'investissement.",
        "Risque juridique non levé ; à revoir avec le service juridique.",
        "Doublon d'un besoin déjà planifié.",
    ),
    Decision.EXPLORE: (
        "Valeur probable mais périmètre flou : atelier à prévoir avec {requester}.",
        "Faire un prototype sur un échantillon de clients avant de chiffrer.",
        "Mesurer la volumétrie réelle avant de décider.",
        "Vérifier la faisabilité avec l'éditeur de l'ERP.",
        "Attendre les résultats de l'enquête de satisfaction.",
    ),
    Decision.PENDING: (
        "En attente du retour de {requester}.",
        "À présenter au prochain comité produit.",
        "Chiffrage en cours par l'équipe.",
        "",
    ),
}
VALUE_RANGES = {
    # relevance (benefit), investment, time, resources (costs)
    Decision.GO: ((3, 5), (1, 3), (1, 3), (1, 3)),
    Decision.NO_GO: ((1, 3), (3, 5), (3, 5), (2, 5)),
    Decision.EXPLORE: ((2, 5), (2, 4), (2, 5), (1, 4)),
    Decision.PENDING: ((1, 5), (1, 5), (1, 5), (1, 5)),
}

GOALS = (
    "Mettre en ligne le suivi de commande en temps réel pour les grands comptes",
    "Finaliser la reprise des données clients dans l'ERP",
    "Dématérialiser les factures et automatiser les relances de paiement",
    "Ouvrir la saisie des congés dans l'ERP pour le siège",
    "Rendre l'espace client pleinement utilisable sur mobile",
    "Préparer la bascule comptable de fin de trimestre",
)
RETRO_FORMATS = (
    "Format : bateau pirate.",
    "Format : Start / Stop / Continue.",
    "Format : 4L (aimé, appris, manqué, souhaité).",
    "Format : météo de l'équipe.",
    "Format : étoile de mer.",
    "Format : ligne du temps du sprint.",
)

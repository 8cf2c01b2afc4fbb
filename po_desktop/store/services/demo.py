"""Demo workspace: a reproducible French SME backlog for trials, screenshots and load tests.

Everything derives from ``random.Random(seed)`` and ``today``: the same pair always gives
the same rows, ids included, so a screenshot, a bug report or a benchmark can be replayed.
Work happens during Paris office hours (09:00–18:00 on French working days); need, event,
sprint and assessment times are stored in naive UTC like every other timestamp, while
ceremonies keep local wall-clock time (see ``Ceremony.starts_at``).

Rows are written with bulk inserts and precomputed ids: 10,000 needs and their history
take a second or two, where one ORM object per row would take much longer.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import holidays
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from po_desktop.domain import ranks
from po_desktop.domain.enums import (
    DEFAULT_COLUMNS,
    CeremonyKind,
    Decision,
    EventField,
    ProjectKind,
    Source,
    SprintState,
)
from po_desktop.domain.readiness import EntryRule
from po_desktop.domain.scoring import DEFAULT_GRID, weighted_score
from po_desktop.store.errors import ConflictError, ValidationError
from po_desktop.store.models import (
    Absence,
    Assessment,
    AssessmentValue,
    BoardColumn,
    Ceremony,
    Criterion,
    Need,
    NeedEvent,
    NeedTag,
    Person,
    Project,
    ScoringModel,
    Sprint,
    SprintCommitment,
    SprintMember,
)
from po_desktop.store.services import workspace
from po_desktop.store.services._base import transactional
from po_desktop.store.services.workspace import DEFAULT_MODEL_NAME

MAX_DEMO_NEEDS = 200_000


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`seed_demo` wrote, for the CLI and the welcome screen to report."""

    projects: int
    people: int
    needs: int
    sprints: int
    ceremonies: int
    assessments: int
    events: int


# Workflow stages, in the order of DEFAULT_COLUMNS.
Q, C, R, D, V, T = range(6)
_STAGE_NAMES = tuple(name for name, _done in DEFAULT_COLUMNS)

_POINTS = (1.0, 2.0, 3.0, 5.0, 8.0, 13.0)
_POINT_WEIGHTS = (10, 20, 25, 25, 14, 6)

_DAY_START = time(9, 0)
_DAY_END = time(18, 0)
_NOW = time(17, 0)
"""The demo's present moment: the end of ``today``'s working day."""

SPRINT_DAYS = 14
_CAPACITY = (34, 44)
"""Points the team commits to at a sprint planning (its usual velocity)."""
_CLOSED_SPRINTS = 4


# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class _PersonSpec:
    key: str
    name: str
    role: str
    unit: str
    availability: float
    team: bool


_PEOPLE: tuple[_PersonSpec, ...] = (
    _PersonSpec("claire", "Claire Moreau", "Product Owner — Plateforme client", "IT", 1.0, True),
    _PersonSpec("julien", "Julien Lefèvre", "Product Owner — ERP", "Finance", 0.9, True),
    _PersonSpec(
        "sophie", "Sophie Garnier", "Product Owner — Marketing digital", "Marketing", 0.6, False
    ),
    _PersonSpec("camille", "Camille Bernard", "Développeuse", "IT", 1.0, True),
    _PersonSpec("thomas", "Thomas Petit", "Développeur back-end", "IT", 1.0, True),
    _PersonSpec("lea", "Léa Dubois", "Développeuse front-end", "IT", 0.8, True),
    _PersonSpec("antoine", "Antoine Girard", "Architecte technique", "IT", 0.5, True),
    _PersonSpec("emilie", "Émilie Fournier", "Testeuse QA", "IT", 0.9, True),
    _PersonSpec("hugo", "Hugo Lambert", "Designer UX/UI", "IT", 0.6, True),
    _PersonSpec("nicolas", "Nicolas Roux", "Chef de projet ERP", "IT", 0.9, True),
    _PersonSpec("julie", "Julie Mercier", "Chargée de marketing", "Marketing", 0.6, False),
    _PersonSpec("nathalie", "Nathalie Blanc", "Responsable RH", "RH", 0.5, False),
    _PersonSpec("karim", "Karim Benali", "Assistant ADV", "ADV", 0.7, False),
    _PersonSpec("manon", "Manon Chevalier", "Responsable ADV", "ADV", 0.5, False),
    _PersonSpec("isabelle", "Isabelle Faure", "Contrôleuse de gestion", "Finance", 0.5, False),
)

# Who picks up a need in a sprint: developers for technical work, the business
# people (helped by the UX designer or the ERP project lead) for the rest.
_TECH_ASSIGNEES = {
    "PLAT": ("camille", "thomas", "lea", "lea", "emilie", "antoine", "hugo"),
    "ERP": ("thomas", "camille", "nicolas", "antoine", "emilie"),
}
_BUSINESS_ASSIGNEES = {
    "IT": ("nicolas", "hugo"),
    "Marketing": ("julie", "hugo", "sophie"),
    "RH": ("nathalie", "nicolas"),
    "ADV": ("karim", "manon", "nicolas"),
    "Finance": ("isabelle", "julien", "nicolas"),
}
_INTERNAL_REQUESTERS = {
    "IT": ("Antoine Girard", "Camille Bernard", "Support informatique", "Hugo Lambert"),
    "Marketing": ("Julie Mercier", "Sophie Garnier", "Direction commerciale"),
    "RH": ("Nathalie Blanc", "Comité social et économique", "Service paie"),
    "ADV": ("Karim Benali", "Manon Chevalier", "Direction commerciale"),
    "Finance": ("Isabelle Faure", "Direction financière", "Service comptabilité"),
}
_CUSTOMERS = (
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
_RND_REQUESTERS = ("Cellule innovation", "Antoine Girard", "Veille technologique")
_OTHER_REQUESTERS = (
    "Direction générale",
    "Commissaire aux comptes",
    "Délégué à la protection des données",
    "Audit interne",
    "Service juridique",
    "Retour du salon Global Industrie",
)
_UNIT_PHRASE = {
    "IT": "l'IT",
    "Marketing": "le marketing",
    "RH": "les RH",
    "ADV": "l'ADV",
    "Finance": "la finance",
}


# --------------------------------------------------------------------------- needs' text


@dataclass(frozen=True)
class _Topic:
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
class _Theme:
    """One family of needs of a project, with its business units and vocabulary."""

    project: str
    weight: int
    units: tuple[tuple[str, int], ...]
    technical: float
    sources: tuple[tuple[str, int], ...]
    owner: str
    actions: tuple[str, ...]
    contexts: tuple[str, ...]
    impacts: tuple[str, ...]
    topics: tuple[_Topic, ...]


_THEMES: tuple[_Theme, ...] = (
    _Theme(
        project="PLAT",
        weight=30,
        units=(("ADV", 6), ("IT", 3), ("Marketing", 1)),
        technical=0.5,
        sources=(("customer", 6), ("team", 3), ("other", 1), ("rnd", 1)),
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
            _Topic(
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
            _Topic(
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
            _Topic(
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
    _Theme(
        project="PLAT",
        weight=20,
        units=(("Finance", 6), ("ADV", 4)),
        technical=0.4,
        sources=(("customer", 5), ("team", 4), ("other", 2)),
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
            _Topic(
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
            _Topic(
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
    _Theme(
        project="PLAT",
        weight=20,
        units=(("Marketing", 1),),
        technical=0.2,
        sources=(("team", 4), ("customer", 2), ("other", 2), ("rnd", 1)),
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
            _Topic(
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
            _Topic(
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
            _Topic(
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
    _Theme(
        project="PLAT",
        weight=12,
        units=(("IT", 1),),
        technical=0.95,
        sources=(("team", 3), ("rnd", 2), ("customer", 2), ("other", 2)),
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
            _Topic(
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
            _Topic(
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
    _Theme(
        project="PLAT",
        weight=10,
        units=(("IT", 8), ("Marketing", 2)),
        technical=0.9,
        sources=(("customer", 3), ("team", 3), ("rnd", 2)),
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
            _Topic(
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
            _Topic(
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
    _Theme(
        project="PLAT",
        weight=8,
        units=(("IT", 1),),
        technical=1.0,
        sources=(("rnd", 4), ("team", 4), ("other", 1)),
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
            _Topic(
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
            _Topic(
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
    _Theme(
        project="ERP",
        weight=25,
        units=(("RH", 1),),
        technical=0.15,
        sources=(("team", 6), ("other", 2), ("rnd", 1)),
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
            _Topic(
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
            _Topic(
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
            _Topic(
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
    _Theme(
        project="ERP",
        weight=25,
        units=(("Finance", 1),),
        technical=0.25,
        sources=(("team", 6), ("other", 3), ("rnd", 1)),
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
            _Topic(
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
            _Topic(
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
    _Theme(
        project="ERP",
        weight=30,
        units=(("ADV", 8), ("Finance", 2)),
        technical=0.3,
        sources=(("team", 6), ("customer", 1), ("other", 1), ("rnd", 1)),
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
            _Topic(
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
            _Topic(
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
    _Theme(
        project="ERP",
        weight=20,
        units=(("IT", 8), ("Finance", 1), ("RH", 1)),
        technical=0.85,
        sources=(("team", 5), ("rnd", 2), ("other", 2)),
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
            _Topic(
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
            _Topic(
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
            _Topic(
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

_SYMPTOMS = (
    ("ne s'affiche plus", "ne s'affichent plus"),
    ("ne se met plus à jour", "ne se mettent plus à jour"),
    ("se charge trop lentement", "se chargent trop lentement"),
    ("n'apparaît pas dans l'export", "n'apparaissent pas dans l'export"),
    ("est en doublon", "sont en doublon"),
    ("provoque une erreur 500", "provoquent une erreur 500"),
)
_GENERIC_QUALIFIERS = ("export Excel", "historique des modifications", "recherche et filtres")
_TITLE_SUFFIXES = (
    "(phase 2)",
    "(lot 2)",
    "(V2)",
    "– retours de recette",
    "– suite de l'atelier utilisateurs",
    "– périmètre siège",
    "– périmètre agences",
    "– demande du comité de pilotage",
)
_DURATIONS = ("30 minutes", "1 h", "2 h", "3 h", "une demi-journée")
_CONSTRAINTS = (
    "alourdir leur travail",
    "ajouter une saisie supplémentaire",
    "dépendre de l'équipe IT",
    "augmenter les coûts de licence",
    "changer d'outil",
)
_PROBLEM_EXTRAS = (
    "Sujet évoqué à plusieurs reprises en comité de pilotage.",
    "Impact estimé : une dizaine de réclamations par mois.",
    "Point soulevé lors de la dernière rétrospective.",
    "Demande en hausse depuis le début de l'année.",
    "Concerne environ 300 dossiers par mois.",
)
_SOLUTION_EXTRAS = (
    "Première version limitée au siège.",
    "À valider avec le demandeur sur une maquette.",
    "Réutiliser le composant déjà développé pour l'espace client.",
    "Prévoir une phase pilote de deux semaines.",
)
_GENERIC_CHECKS = (
    "La documentation utilisateur est mise à jour.",
    "Les données personnelles restent conformes au RGPD.",
    "Validé en recette par le demandeur.",
    "Fonctionne sur les navigateurs du parc (Edge, Chrome, Firefox).",
    "Aucune régression sur les tests automatisés existants.",
)
_RATIONALES = {
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
_VALUE_RANGES = {
    # relevance (benefit), investment, time, resources (costs)
    Decision.GO: ((3, 5), (1, 3), (1, 3), (1, 3)),
    Decision.NO_GO: ((1, 3), (3, 5), (3, 5), (2, 5)),
    Decision.EXPLORE: ((2, 5), (2, 4), (2, 5), (1, 4)),
    Decision.PENDING: ((1, 5), (1, 5), (1, 5), (1, 5)),
}

_GOALS = (
    "Mettre en ligne le suivi de commande en temps réel pour les grands comptes",
    "Finaliser la reprise des données clients dans l'ERP",
    "Dématérialiser les factures et automatiser les relances de paiement",
    "Ouvrir la saisie des congés dans l'ERP pour le siège",
    "Rendre l'espace client pleinement utilisable sur mobile",
    "Préparer la bascule comptable de fin de trimestre",
)
_RETRO_FORMATS = (
    "Format : bateau pirate.",
    "Format : Start / Stop / Continue.",
    "Format : 4L (aimé, appris, manqué, souhaité).",
    "Format : météo de l'équipe.",
    "Format : étoile de mer.",
    "Format : ligne du temps du sprint.",
)


class _Rng(random.Random):
    """``random.Random`` whose ``choice`` costs one float draw, not a bit-rejection loop.

    Still fully determined by the seed; a 10,000-need demo makes ~100,000 choices.
    """

    def choice(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    def between(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi], like ``randint``."""
        return lo + int(self.random() * (hi - lo + 1))

    def weighted(self, table: tuple[Sequence[Any], list[float]]) -> Any:
        """A draw from (population, cumulative weights) prepared by :func:`_cumulative`."""
        population, cumulative = table
        return population[bisect.bisect(cumulative, self.random() * cumulative[-1])]


def _cumulative(pairs: Sequence[tuple[Any, float]]) -> tuple[list[Any], list[float]]:
    population = [p[0] for p in pairs]
    return population, list(itertools.accumulate(p[1] for p in pairs))


def _de(phrase: str) -> str:
    """« de » with the French elision before a vowel or a mute h."""
    return f"d'{phrase}" if phrase[:1].lower() in "aàâeéèêiîoôuûyh" else f"de {phrase}"


def _bare(noun_phrase: str) -> tuple[str, bool]:
    """The noun without its article, capitalised for a title, and whether it is plural."""
    for article in ("les ", "le ", "la ", "l'"):
        if noun_phrase.startswith(article):
            rest = noun_phrase[len(article) :]
            return rest[0].upper() + rest[1:], article == "les "
    return noun_phrase[0].upper() + noun_phrase[1:], False


def _title(rng: _Rng, theme: _Theme, topic: _Topic) -> tuple[str, bool]:
    """A varied title: templates × actions × objects × contexts (thousands per theme).

    Returns the title and whether it reports a defect (always technical).
    """
    phrase = rng.choice(topic.objects)
    roll = rng.random()
    suffix = f" {rng.choice(_TITLE_SUFFIXES)}" if rng.random() < 0.3 else ""
    if roll < 0.5:
        context = f" {rng.choice(theme.contexts)}" if rng.random() < 0.6 else ""
        return f"{rng.choice(theme.actions)} {phrase}{context}{suffix}", False
    bare, plural = _bare(phrase)
    if roll < 0.78:
        aspects = topic.qualifiers if rng.random() < 0.85 else _GENERIC_QUALIFIERS
        return f"{bare} : {rng.choice(aspects)}{suffix}", False
    if roll < 0.9:
        symptom = rng.choice(_SYMPTOMS)[1 if plural else 0]
        context = rng.choice(theme.contexts) if rng.random() < 0.5 else ""
        text = f"Anomalie : {phrase} {symptom}"
        return (f"{text} {context}" if context else text), True
    action = rng.choice(theme.actions)
    return f"Étude : {action[0].lower()}{action[1:]} {phrase}", False


def _problem(rng: _Rng, theme: _Theme, topic: _Topic) -> str:
    """A problem phrased as a challenge to meet, never as a solution."""
    dative, goal = rng.choice(topic.goals)
    challenge = f"Comment permettre {dative} {_de(goal)}"
    roll = rng.random()
    if roll < 0.4:
        text = f"{challenge} ?"
    else:
        who, pain = rng.choice(topic.pains)
        if roll < 0.75:
            text = (
                f"{who[0].upper()}{who[1:]} perdent {rng.choice(_DURATIONS)} par semaine à "
                f"{pain}. {challenge} ?"
            )
        else:
            constraint = "" if " sans " in goal else f" sans {rng.choice(_CONSTRAINTS)}"
            text = (
                f"Aujourd'hui, {who} doivent {pain}, ce qui {rng.choice(theme.impacts)}. "
                f"{challenge}{constraint} ?"
            )
    if rng.random() < 0.35:
        text += f"\n\n{rng.choice(_PROBLEM_EXTRAS)}"
    return text


# --------------------------------------------------------------------------- calendar


@functools.lru_cache(maxsize=4096)
def _paris_offset(day: date) -> int:
    """Hours between Paris and UTC on ``day`` (EU rule), without a tz database.

    Summer time runs from the last Sunday of March to the last Sunday of October;
    work hours never fall in the switch hours, so the date alone decides.
    """

    def last_sunday(month: int) -> date:
        last = date(day.year, month, 31)
        return last - timedelta(days=(last.weekday() + 1) % 7)

    return 2 if last_sunday(3) <= day < last_sunday(10) else 1


@functools.lru_cache(maxsize=4096)
def _utc_shift(day: date) -> timedelta:
    return timedelta(hours=_paris_offset(day))


def _utc(local: datetime) -> datetime:
    return local - _utc_shift(local.date())


_MINUTES = tuple(
    timedelta(minutes=m)
    for m in range((_DAY_END.hour - _DAY_START.hour) * 60 + _DAY_END.minute - _DAY_START.minute)
)


class _Timeline:
    """Office hours on working days between two local moments, as one line of minutes.

    Sampling offsets on this line puts every generated moment inside office hours,
    in order, without rejection loops.
    """

    def __init__(self, start: datetime, end: datetime, working: Callable[[date], bool]) -> None:
        self.start = start
        self.end = end
        self.seg_start: list[datetime] = []
        self.seg_offset: list[int] = []
        self.seg_len: list[int] = []
        total = 0
        day = start.date()
        while day <= end.date():
            if working(day):
                lo = max(start, datetime.combine(day, _DAY_START))
                hi = min(end, datetime.combine(day, _DAY_END))
                minutes = int((hi - lo).total_seconds() // 60)
                if minutes > 0:
                    self.seg_start.append(lo)
                    self.seg_offset.append(total)
                    self.seg_len.append(minutes)
                    total += minutes
            day += timedelta(days=1)
        self.total = total

    def at(self, offset: float) -> datetime:
        if not self.seg_start:
            return self.start
        i = bisect.bisect_right(self.seg_offset, offset) - 1
        if i < 0:
            i = 0
        minute = int(offset - self.seg_offset[i])
        if minute >= self.seg_len[i]:
            minute = self.seg_len[i] - 1
        elif minute < 0:
            minute = 0
        return self.seg_start[i] + _MINUTES[minute]

    def offset(self, moment: datetime) -> int:
        i = bisect.bisect_right(self.seg_start, moment) - 1
        if i < 0:
            return 0
        inside = int((moment - self.seg_start[i]).total_seconds() // 60)
        return self.seg_offset[i] + min(inside, self.seg_len[i])

    def sample(self, rng: _Rng, count: int, lo: float, hi: float) -> list[datetime]:
        """``count`` sorted moments between two offsets."""
        hi = max(lo, hi)
        return [self.at(o) for o in sorted(lo + rng.random() * (hi - lo) for _ in range(count))]


@dataclass
class _SprintPlan:
    index: int
    start: date
    end: date
    work_days: list[date]
    state: SprintState
    name: str
    goal: str
    id: int = 0

    @property
    def planning_start(self) -> datetime:
        return datetime.combine(self.work_days[0], time(9, 30))

    @property
    def started_at(self) -> datetime:
        return datetime.combine(self.work_days[0], time(11, 30))

    @property
    def review_at(self) -> datetime:
        return datetime.combine(self.work_days[-1], time(14, 0))

    @property
    def closed_at(self) -> datetime:
        return datetime.combine(self.work_days[-1], time(17, 0))


def _active_start(today: date) -> date:
    """Monday starting the sprint that holds ``today``; sprints start on odd ISO weeks.

    On a weekend the sprint is the one whose first week just ended, so that
    ``today`` always lies between its start and end dates.
    """
    monday = today - timedelta(days=today.weekday())
    if today.weekday() < 5 and monday.isocalendar().week % 2 == 0:
        return monday - timedelta(days=7)
    return monday


# --------------------------------------------------------------------------- drafts


class _Draft:
    """A need being generated; times are local until the rows are written."""

    __slots__ = (
        "acceptance",
        "assessments",
        "assignee",
        "created_at",
        "decided_by",
        "done_at",
        "events",
        "id",
        "number",
        "order",
        "points",
        "problem",
        "project",
        "requester",
        "score",
        "solution",
        "source",
        "sprint",
        "stage",
        "tags",
        "technical",
        "theme",
        "title",
        "topic",
        "unit",
    )

    acceptance: str
    assessments: list[tuple[int, Decision, tuple[int, ...], float, str, datetime]]
    assignee: str | None
    created_at: datetime
    decided_by: str
    done_at: datetime | None
    events: list[tuple[datetime, str, Any, Any]]
    id: int
    number: int
    order: int
    points: float | None
    problem: str
    project: str
    requester: str
    score: float | None
    solution: str
    source: str
    sprint: int | None
    stage: int
    tags: list[str]
    technical: bool
    theme: _Theme
    title: str
    topic: _Topic
    unit: str

    def __init__(self, order: int) -> None:
        self.order = order
        self.events = []
        self.assessments = []
        self.stage = Q
        self.sprint = None
        self.points = None
        self.done_at = None
        self.assignee = None
        self.score = None
        self.id = 0
        self.number = 0

    def event(self, at: datetime, kind: EventField, old: Any, new: Any) -> None:
        self.events.append((at, kind.value, old, new))

    def move(self, at: datetime, stage: int) -> None:
        self.event(at, EventField.COLUMN, self.stage, stage)
        self.stage = stage
        self.done_at = at if stage == T else None


class _Builder:
    """Generates drafts; one instance per :func:`seed_demo` call, one RNG for everything."""

    def __init__(self, rng: _Rng, timeline: _Timeline) -> None:
        self.rng = rng
        self.line = timeline
        self.drafts: list[_Draft] = []
        self._themes = {
            code: _cumulative([(t, t.weight) for t in _THEMES if t.project == code])
            for code in ("PLAT", "ERP")
        }
        self._units = {id(t): _cumulative(t.units) for t in _THEMES}
        self._sources = {id(t): _cumulative(t.sources) for t in _THEMES}
        self._points = _cumulative(list(zip(_POINTS, _POINT_WEIGHTS, strict=True)))
        self._score_cache: dict[tuple[int, ...], float] = {}

    # -- content

    def new(self) -> _Draft:
        rng = self.rng
        d = _Draft(len(self.drafts))
        self.drafts.append(d)
        d.project = "PLAT" if rng.random() < 0.55 else "ERP"
        theme: _Theme = rng.weighted(self._themes[d.project])
        d.theme = theme
        topic = rng.choice(theme.topics)
        d.topic = topic
        d.unit = rng.weighted(self._units[id(theme)])
        d.title, defect = _title(rng, theme, topic)
        d.technical = defect or rng.random() < theme.technical
        d.source = rng.weighted(self._sources[id(theme)])
        if d.source == Source.CUSTOMER:
            d.requester = rng.choice(_CUSTOMERS)
        elif d.source == Source.TEAM:
            d.requester = rng.choice(_INTERNAL_REQUESTERS[d.unit])
        elif d.source == Source.RND:
            d.requester = rng.choice(_RND_REQUESTERS)
        else:
            d.requester = rng.choice(_OTHER_REQUESTERS)
        d.problem = _problem(rng, theme, topic)
        d.solution = ""
        d.acceptance = ""
        tags = rng.sample(topic.tags, min(len(topic.tags), rng.choice((0, 1, 1, 2, 2, 3))))
        if rng.random() < 0.08:
            tags.append("mobile" if d.project == "PLAT" else "reporting")
        if rng.random() < 0.05:
            tags.append("quick win")
        seen: dict[str, str] = {}
        for tag in tags:
            seen.setdefault(tag.casefold(), tag)
        d.tags = list(seen.values())
        d.decided_by = theme.owner
        return d

    def describe(self, d: _Draft) -> None:
        """Solution and acceptance criteria: written once a need is worth detailing."""
        rng = self.rng
        rich = d.stage >= R or any(kind == EventField.SPRINT for _at, kind, *_v in d.events)
        if rich or rng.random() < (0.6 if d.stage == C else 0.25):
            text = rng.choice(d.topic.solutions)
            if rng.random() < 0.3:
                text += " " + rng.choice(_SOLUTION_EXTRAS)
            d.solution = text
        if rich or (d.stage == C and rng.random() < 0.4):
            lines = rng.sample(d.topic.checks, rng.between(2, 3))
            if rng.random() < 0.5:
                lines.append(rng.choice(_GENERIC_CHECKS))
            d.acceptance = "\n".join(f"- {line}" for line in lines)

    def assign(self, d: _Draft, chance: float = 1.0) -> None:
        if self.rng.random() >= chance:
            return
        pool = _TECH_ASSIGNEES[d.project] if d.technical else _BUSINESS_ASSIGNEES[d.unit]
        d.assignee = self.rng.choice(pool)

    def estimate(self, chance: float = 1.0) -> float | None:
        """Story points, or None (not estimated yet) with probability ``1 - chance``."""
        if chance < 1.0 and self.rng.random() >= chance:
            return None
        points: float = self.rng.weighted(self._points)
        return points

    def fill(self, load: float, capacity: int) -> float:
        """Points of the next need taken into a sprint, small ones filling the last gap."""
        points = self.estimate()
        assert points is not None
        room = capacity + 3 - load
        if points > room:
            points = max(p for p in _POINTS if p <= max(room, _POINTS[0]))
        return points

    # -- decisions

    def plan_decisions(self, final_stage: int, committed: bool) -> list[Decision]:
        """Decision of each assessment version, consistent with where the need ends up."""
        rng = self.rng
        if committed or final_stage >= R:
            # "Prêt" asks for a go decision (READY_RULES): every need that got there has one.
            if rng.random() < 0.25:
                return [Decision.EXPLORE, Decision.GO]
            return [Decision.GO, Decision.GO] if rng.random() < 0.15 else [Decision.GO]
        if final_stage == C:
            if rng.random() >= 0.75:
                return []
            first = rng.choices(
                (Decision.GO, Decision.EXPLORE, Decision.PENDING, Decision.NO_GO), (55, 20, 10, 15)
            )[0]
            if first is Decision.NO_GO or rng.random() >= 0.25:
                return [first]
            follow = {
                Decision.GO: (Decision.GO, Decision.GO, Decision.GO, Decision.NO_GO),
                Decision.EXPLORE: (Decision.GO, Decision.NO_GO),
                Decision.PENDING: (Decision.GO, Decision.EXPLORE),
            }[first]
            return [first, rng.choice(follow)]
        if rng.random() >= 0.2:
            return []
        first = rng.choices((Decision.PENDING, Decision.EXPLORE, Decision.NO_GO), (40, 35, 25))[0]
        if first is not Decision.NO_GO and rng.random() < 0.2:
            return [first, Decision.NO_GO if first is Decision.EXPLORE else Decision.EXPLORE]
        return [first]

    def assess(self, d: _Draft, version: int, decision: Decision, at: datetime) -> None:
        rng = self.rng
        values = tuple(rng.between(lo, hi) for lo, hi in _VALUE_RANGES[decision])
        score = self._score_cache.get(values)
        if score is None:
            score = weighted_score(
                DEFAULT_GRID,
                {spec.key: float(v) for spec, v in zip(DEFAULT_GRID, values, strict=True)},
            )
            self._score_cache[values] = score
        template = rng.choice(_RATIONALES[decision])
        rationale = template.format(unit=_UNIT_PHRASE[d.unit], requester=d.requester)
        previous = d.assessments[-1][1].value if d.assessments else None
        d.assessments.append((version, decision, values, score, rationale, at))
        d.score = score
        d.event(at, EventField.DECISION, previous, decision.value)

    # -- history

    def prehistory(
        self,
        d: _Draft,
        target: int,
        hi: float,
        *,
        points: float | None,
        committed: bool = False,
        recent: bool = False,
    ) -> None:
        """Creation, triage, scoring and estimation up to ``target``, before offset ``hi``.

        ``recent`` favours late creation dates: a triage pile is mostly fresh.
        """
        rng = self.rng
        decisions = self.plan_decisions(target, committed)
        created_at = Q if target == Q or rng.random() < 0.8 else C
        steps: list[tuple[str, Any]] = []
        if created_at == Q and decisions:
            steps.append(("decision", 0))
        if created_at == Q and target >= C:
            steps.append(("move", C))
        if created_at == C and decisions:
            steps.append(("decision", 0))
        if len(decisions) > 1:
            steps.append(("decision", 1))
        if points is not None:
            steps.append(("points", points))
        steps.extend(("move", stage) for stage in range(max(R, created_at + 1), target + 1))
        u = rng.random()
        start = hi * (1 - u * u) if recent else hi * u
        first = self.line.at(start)
        d.created_at = first
        d.stage = created_at
        d.event(first, EventField.CREATED, None, created_at)
        times = self.line.sample(rng, len(steps), self.line.offset(first), hi)
        for at, (kind, payload) in zip(times, steps, strict=True):
            if kind == "decision":
                self.assess(d, payload + 1, decisions[payload], at)
            elif kind == "points":
                d.event(at, EventField.POINTS, d.points, payload)
                d.points = payload
            else:
                d.move(at, payload)

    def flow(self, d: _Draft, target: int, lo: float, hi: float, *, rescore: bool = False) -> None:
        """Walk the workflow from the need's column to ``target`` between two offsets.

        ``rescore`` slips in a re-estimate during the work, a scope change that
        burndown charts must show.
        """
        stages = list(range(d.stage + 1, target + 1))
        count = len(stages) + (1 if rescore and stages else 0)
        times = self.line.sample(self.rng, count, lo, hi)
        if rescore and stages:
            at = times.pop(len(times) // 2)
            old = d.points
            index = _POINTS.index(old) if old in _POINTS else 2
            new = _POINTS[min(len(_POINTS) - 1, index + 1) if index < 3 else index - 1]
            d.event(at, EventField.POINTS, old, new)
            d.points = new
        for at, stage in zip(times, stages, strict=True):
            d.move(at, stage)


# --------------------------------------------------------------------------- the service


def _check_count(needs: object) -> int:
    if isinstance(needs, bool) or not isinstance(needs, int):
        raise ValidationError("field.bad_number", field="needs", value=needs)
    if not 0 <= needs <= MAX_DEMO_NEEDS:
        raise ValidationError(
            "field.out_of_range", field="needs", value=needs, min=0, max=MAX_DEMO_NEEDS
        )
    return needs


def _ensure_empty(session: Session) -> None:
    """Refuse a workspace with user data: demo keys and names would collide with it."""
    for model in (Need, Project, Sprint, Person):
        if session.scalar(select(model.id).limit(1)) is not None:
            raise ConflictError("demo.not_empty")


_WIP_LIMITS = {"En cours": 5, "En revue": 3}
READY_RULES = {"Prêt": frozenset(EntryRule)}
"""The team's definition of ready: a need enters "Prêt" with a problem statement, an
estimate and a go decision. The generated needs that reach it meet all three."""


def _defaults(session: Session) -> tuple[list[int], int, list[int]]:
    """Ids of the default columns and grid, which the demo's history refers to.

    A fresh workspace has them; one whose workflow or grid was already reshaped
    is not fresh, and is refused like a workspace holding data.
    """
    workspace.initialize(session)
    columns = {c.name: c.id for c in session.scalars(select(BoardColumn))}
    model = session.scalar(select(ScoringModel).where(ScoringModel.name == DEFAULT_MODEL_NAME))
    criteria = (
        {}
        if model is None
        else {
            c.key: c.id
            for c in session.scalars(select(Criterion).where(Criterion.model_id == model.id))
        }
    )
    if (
        model is None
        or any(name not in columns for name in _STAGE_NAMES)
        or any(spec.key not in criteria for spec in DEFAULT_GRID)
    ):
        raise ConflictError("demo.not_empty")
    # The team's agreed work-in-progress limits and definition of ready, as a coached team
    # would set them.
    for name, limit in _WIP_LIMITS.items():
        column = session.get(BoardColumn, columns[name])
        if column is not None and column.wip_limit is None:
            column.wip_limit = limit
    for name, rules in READY_RULES.items():
        column = session.get(BoardColumn, columns[name])
        if column is not None and not column.entry_rules:
            column.entry_rules = rules
    return (
        [columns[name] for name in _STAGE_NAMES],
        model.id,
        [criteria[spec.key] for spec in DEFAULT_GRID],
    )


def _sprint_plans(rng: _Rng, today: date, working: Callable[[date], bool]) -> list[_SprintPlan]:
    active = _active_start(today)
    goals = rng.sample(_GOALS, len(_GOALS))
    plans = []
    for index in range(_CLOSED_SPRINTS + 2):
        start = active + timedelta(days=SPRINT_DAYS * (index - _CLOSED_SPRINTS))
        end = start + timedelta(days=SPRINT_DAYS - 3)  # Monday to Friday of the second week
        days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
        work_days = [day for day in days if working(day)] or [start]
        state = (
            SprintState.CLOSED
            if index < _CLOSED_SPRINTS
            else SprintState.ACTIVE
            if index == _CLOSED_SPRINTS
            else SprintState.PLANNED
        )
        iso = start.isocalendar()
        plans.append(
            _SprintPlan(
                index,
                start,
                end,
                work_days,
                state,
                f"Sprint {iso.year}-{iso.week:02d}",
                goals[index],
            )
        )
    return plans


def _ceremonies(plans: list[_SprintPlan], rng: _Rng) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(
        plan: _SprintPlan,
        kind: CeremonyKind,
        title: str,
        day: date,
        at: time,
        minutes: int,
        location: str,
        notes: str = "",
    ) -> None:
        rows.append(
            {
                "sprint_id": plan.id,
                "kind": kind.value,
                "title": title,
                "starts_at": datetime.combine(day, at),
                "duration_minutes": minutes,
                "location": location,
                "notes": notes,
            }
        )

    for plan in plans:
        first, last = plan.work_days[0], plan.work_days[-1]
        add(
            plan,
            CeremonyKind.PLANNING,
            f"Planification — {plan.name}",
            first,
            time(9, 30),
            120,
            "Salle Garonne",
            f"Objectif proposé : {plan.goal}.",
        )
        for day in plan.work_days:
            add(
                plan,
                CeremonyKind.DAILY,
                "Mêlée quotidienne",
                day,
                time(9, 15),
                15,
                "Open space, écran du tableau",
            )
        middle = plan.work_days[len(plan.work_days) // 2]
        add(
            plan,
            CeremonyKind.REFINEMENT,
            "Affinage du backlog",
            middle,
            time(14, 0),
            60,
            "Salle Dordogne",
            "Préparer les besoins du sprint suivant (critères, estimation).",
        )
        add(
            plan,
            CeremonyKind.REVIEW,
            f"Revue — {plan.name}",
            last,
            time(14, 0),
            60,
            "Salle Garonne + Teams",
            "Démonstration aux métiers : ADV, Marketing, RH, Finance.",
        )
        add(
            plan,
            CeremonyKind.RETRO,
            "Rétrospective",
            last,
            time(15, 30),
            90,
            "Salle Dordogne",
            rng.choice(_RETRO_FORMATS),
        )
    return rows


def _absences(plans: list[_SprintPlan], people: dict[str, int]) -> list[dict[str, Any]]:
    active, planned = plans[_CLOSED_SPRINTS], plans[_CLOSED_SPRINTS + 1]
    spans = (
        ("lea", active.end - timedelta(days=1), planned.start + timedelta(days=4), "Congés payés"),
        (
            "thomas",
            planned.start + timedelta(days=2),
            planned.start + timedelta(days=3),
            "Formation Kubernetes",
        ),
        ("emilie", active.start + timedelta(days=4), active.start + timedelta(days=4), "RTT"),
        ("nicolas", planned.start + timedelta(days=7), planned.end, "Congés payés"),
        (
            "camille",
            active.start + timedelta(days=1),
            active.start + timedelta(days=2),
            "Formation accessibilité numérique (RGAA)",
        ),
        (
            "julien",
            plans[_CLOSED_SPRINTS - 1].start + timedelta(days=8),
            plans[_CLOSED_SPRINTS - 1].start + timedelta(days=9),
            "Congés payés",
        ),
    )
    return [
        {"person_id": people[key], "start_date": start, "end_date": end, "reason": reason}
        for key, start, end, reason in spans
    ]


@transactional
def seed_demo(
    session: Session, *, needs: int = 240, seed: int = 7, today: date | None = None
) -> DemoSummary:
    """Fill an empty workspace with a realistic French demo: 2 projects, a team, 6 sprints.

    Deterministic for a given ``seed`` and ``today`` (ids included); ``today``
    defaults to the current date so that the active sprint is always current.
    """
    count = _check_count(needs)
    _ensure_empty(session)
    today = today or date.today()
    rng = _Rng(seed)

    stage_id, model_id, criterion_ids = _defaults(session)

    # Calendar: French public holidays over the whole history.
    active_start = _active_start(today)
    history_start = active_start - timedelta(days=SPRINT_DAYS * _CLOSED_SPRINTS + 140)
    fr = holidays.country_holidays("FR", years=range(history_start.year, active_start.year + 2))

    def working(day: date) -> bool:
        return day.weekday() < 5 and day not in fr

    plans = _sprint_plans(rng, today, working)
    active = plans[_CLOSED_SPRINTS]
    now = max(datetime.combine(today, _NOW), datetime.combine(active.work_days[0], _NOW))
    line = _Timeline(datetime.combine(history_start, _DAY_START), now, working)
    builder = _Builder(rng, line)

    # People, projects, sprints: a few rows, written as ORM objects for their ids.
    people: dict[str, int] = {}
    for spec in _PEOPLE:
        person = Person(
            name=spec.name,
            role=spec.role,
            business_unit=spec.unit,
            availability=spec.availability,
            active=True,
        )
        session.add(person)
        session.flush()
        people[spec.key] = person.id
    project_rows = {
        "PLAT": Project(
            code="PLAT",
            name="Plateforme client",
            kind=ProjectKind.EXTERNAL.value,
            owner_id=people["claire"],
            color="#2E86AB",
            archived=False,
            next_number=1,
            created_at=_utc(datetime.combine(history_start - timedelta(days=30), time(10, 0))),
        ),
        "ERP": Project(
            code="ERP",
            name="Déploiement ERP",
            kind=ProjectKind.INTERNAL.value,
            owner_id=people["julien"],
            color="#E07A1F",
            archived=False,
            next_number=1,
            created_at=_utc(datetime.combine(history_start - timedelta(days=23), time(10, 0))),
        ),
    }
    session.add_all(project_rows.values())
    sprint_rows: list[Sprint] = []
    for plan in plans:
        sprint = Sprint(
            name=plan.name,
            goal=plan.goal,
            start_date=plan.start,
            end_date=plan.end,
            state=plan.state.value,
            focus_factor=0.8,
            velocity=None,
            started_at=None if plan.state is SprintState.PLANNED else _utc(plan.started_at),
            closed_at=_utc(plan.closed_at) if plan.state is SprintState.CLOSED else None,
        )
        session.add(sprint)
        session.flush()
        plan.id = sprint.id
        sprint_rows.append(sprint)
    team = [people[spec.key] for spec in _PEOPLE if spec.team]
    session.execute(
        insert(SprintMember), [{"sprint_id": p.id, "person_id": pid} for p in plans for pid in team]
    )
    ceremony_rows = _ceremonies(plans, rng)
    session.execute(insert(Ceremony), ceremony_rows)
    session.execute(insert(Absence), _absences(plans, people))

    commitments: list[tuple[int, _Draft, float | None]] = []
    _generate(builder, plans, count, commitments)
    assert len(builder.drafts) == count

    # Velocity: points of the needs each closed sprint finished.
    for plan, sprint in zip(plans, sprint_rows, strict=True):
        if plan.state is SprintState.CLOSED:
            sprint.velocity = float(
                sum(
                    d.points or 0 for d in builder.drafts if d.sprint == plan.index and d.stage == T
                )
            )

    summary = _write_needs(
        session,
        builder.drafts,
        plans,
        stage_id,
        people,
        project_rows,
        model_id,
        criterion_ids,
        commitments,
    )
    return DemoSummary(
        projects=len(project_rows),
        people=len(people),
        needs=count,
        sprints=len(plans),
        ceremonies=len(ceremony_rows),
        assessments=summary[0],
        events=summary[1],
    )


def _generate(
    b: _Builder,
    plans: list[_SprintPlan],
    count: int,
    commitments: list[tuple[int, _Draft, float | None]],
) -> None:
    """Decide what every need went through: sprints first, then the backlog."""
    rng, line = b.rng, b.line
    most = min(round(count * 0.05), 16)  # needs newly taken into one sprint, at most
    extras = count >= 60
    added = [rng.between(1, 2) if extras else 0 for _ in range(_CLOSED_SPRINTS + 1)]
    legacy = round(count * 0.08)

    carry: list[_Draft] = []
    for plan in plans[: _CLOSED_SPRINTS + 1]:
        is_active = plan.state is SprintState.ACTIVE
        lo = line.offset(plan.started_at)
        hi = line.total if is_active else line.offset(plan.review_at)
        planning = line.offset(plan.planning_start)
        members: list[_Draft] = []
        for d in carry:  # unfinished work comes along, same column
            at = plan.planning_start + timedelta(minutes=5 + rng.randrange(110))
            d.event(at, EventField.SPRINT, d.sprint, plan.index)
            d.sprint = plan.index
            members.append(d)
        newcomers: list[_Draft] = []
        capacity = rng.between(_CAPACITY[0], _CAPACITY[1])
        load = sum(d.points or 0 for d in carry)
        while len(newcomers) < most and load < capacity:
            d = b.new()
            points = b.fill(load, capacity)
            load += points
            b.prehistory(d, R, planning, points=points, committed=True)
            at = plan.planning_start + timedelta(minutes=5 + rng.randrange(110))
            d.event(at, EventField.SPRINT, None, plan.index)
            d.sprint = plan.index
            b.assign(d)
            newcomers.append(d)
        members += newcomers
        commitments.extend((plan.index, d, d.points) for d in members)
        carry = []

        removed: list[_Draft] = []
        if extras and plan.index in (1, 3) and len(newcomers) >= 3:
            d = newcomers[-1]
            at_out, at_back = line.sample(rng, 2, lo, lo + (hi - lo) / 2)
            d.event(at_out, EventField.SPRINT, plan.index, None)
            d.sprint = None
            d.move(at_back, C)  # too big after all: back to costing, to be split
            if d.points != 13.0:
                d.event(at_back, EventField.POINTS, d.points, 13.0)
                d.points = 13.0
            removed.append(d)
        for _ in range(added[plan.index]):
            at = line.at(lo + (hi - lo) * (0.1 + 0.5 * rng.random()))
            d = b.new()
            b.prehistory(d, R, line.offset(at), points=b.estimate(), committed=True)
            d.event(at, EventField.SPRINT, None, plan.index)
            d.sprint = plan.index
            b.assign(d)
            members.append(d)

        working = [d for d in members if d not in removed]
        if is_active:
            elapsed = sum(1 for day in plan.work_days if day <= line.end.date())
            _play_active(b, working, lo, hi, elapsed / len(plan.work_days))
        else:
            rescored = False
            for d in working:
                entry = max(lo, line.offset(d.events[-1][0]))
                done = rng.random() < (0.95 if d.stage > R else 0.88)
                target = T if done else rng.choice((D, V, V) if d.stage < V else (V,))
                target = max(target, d.stage)
                rescore = done and not rescored and d.stage == R and rng.random() < 0.5
                rescored |= rescore
                b.flow(d, target, entry, hi, rescore=rescore)
                if d.stage != T:
                    carry.append(d)

    # The planned sprint: ready needs picked during the active sprint's refinement.
    active, planned = plans[_CLOSED_SPRINTS], plans[_CLOSED_SPRINTS + 1]
    active_lo = line.offset(active.started_at)
    capacity = rng.between(_CAPACITY[0], _CAPACITY[1])
    load = 0.0
    for _ in range(most):
        if load >= capacity:
            break
        d = b.new()
        points = b.fill(load, capacity)
        load += points
        b.prehistory(d, R, line.offset(active.planning_start), points=points, committed=True)
        at = line.sample(rng, 1, active_lo, line.total)[0]
        d.event(at, EventField.SPRINT, None, planned.index)
        d.sprint = planned.index
        b.assign(d, 0.6)

    # Done before the sprint history began.
    first_planning = line.offset(plans[0].planning_start)
    for _ in range(legacy):
        d = b.new()
        b.prehistory(d, T, first_planning, points=b.estimate(0.9), committed=True)
        b.assign(d)

    # The backlog: a triage pile, needs being costed, and a ready queue.
    backlog = count - len(b.drafts)
    assert backlog >= 0
    to_triage = round(backlog * 0.4)
    to_cost = round(backlog * 0.32)
    for i in range(backlog):
        d = b.new()
        if i < to_triage:
            b.prehistory(d, Q, line.total, points=b.estimate(0.05), recent=True)
        elif i < to_triage + to_cost:
            b.prehistory(d, C, line.total, points=b.estimate(0.4))
        else:
            b.prehistory(d, R, line.total, points=b.estimate())  # ready: estimated
            b.assign(d, 0.25)

    for d in b.drafts:
        b.describe(d)


def _play_active(b: _Builder, members: list[_Draft], lo: float, hi: float, elapsed: float) -> None:
    """Spread the active sprint over Prêt / En cours / En revue / Terminé, by elapsed time."""
    rng = b.rng
    fresh = [d for d in members if d.stage == R]
    ongoing = [d for d in members if d.stage > R]
    n = len(fresh)
    done = round(n * elapsed * 0.6)
    review = round(n * 0.15)
    doing = round(n * 0.3)
    if n >= 4:
        done, review, doing = max(1, done), max(1, review), max(1, doing)
        while done + review + doing > n - 1:
            if doing >= max(done, review) and doing > 1:
                doing -= 1
            elif done >= review and done > 1:
                done -= 1
            else:
                review -= 1
    targets = [T] * done + [V] * review + [D] * doing
    targets += [R] * (n - len(targets))
    rng.shuffle(targets)
    for d, target in zip(fresh, targets, strict=True):
        b.flow(d, target, max(lo, b.line.offset(d.events[-1][0])), hi)
    for d in ongoing:
        target = T if rng.random() < 0.7 else max(d.stage, rng.choice((D, V)))
        b.flow(d, target, max(lo, b.line.offset(d.events[-1][0])), hi)


def _write_needs(
    session: Session,
    drafts: list[_Draft],
    plans: list[_SprintPlan],
    stage_id: list[int],
    people: dict[str, int],
    projects: dict[str, Project],
    model_id: int,
    criterion_ids: list[int],
    commitments: list[tuple[int, _Draft, float | None]],
) -> tuple[int, int]:
    """Number, rank and bulk-insert every need with its tags, history and assessments."""
    session.flush()
    need_base = (session.scalar(select(func.max(Need.id))) or 0) + 1
    assessment_base = (session.scalar(select(func.max(Assessment.id))) or 0) + 1
    sprint_id = [p.id for p in plans]

    drafts = sorted(drafts, key=lambda d: (d.created_at, d.order))
    numbers = {"PLAT": 0, "ERP": 0}
    for offset, d in enumerate(drafts):
        d.id = need_base + offset
        numbers[d.project] += 1
        d.number = numbers[d.project]
    for code, project in projects.items():
        project.next_number = numbers[code] + 1

    ranked: dict[int, list[_Draft]] = {stage: [] for stage in range(6)}
    for d in drafts:
        ranked[d.stage].append(d)
    sprint_order = {len(plans) - 2: 0, len(plans) - 1: 1}
    keys: dict[int, Callable[[_Draft], Any]] = {
        Q: lambda d: d.id,
        C: lambda d: (-(d.score if d.score is not None else -1.0), d.id),
        R: lambda d: (
            sprint_order.get(d.sprint, 2),
            -(d.score if d.score is not None else -1.0),
            d.id,
        ),
        D: lambda d: d.id,
        V: lambda d: d.id,
        T: lambda d: (-(d.done_at.timestamp() if d.done_at else 0.0), d.id),
    }
    rank_of: dict[int, int] = {}
    for stage, members in ranked.items():
        members.sort(key=keys[stage])
        rank_of.update(zip((d.id for d in members), ranks.spread(len(members)), strict=True))

    # Event values are stored as services/needs.py writes them: ids and points as text.
    stages: dict[Any, str | None] = {None: None, **{i: str(c) for i, c in enumerate(stage_id)}}
    as_text: dict[str, dict[Any, str | None]] = {
        EventField.CREATED: stages,
        EventField.COLUMN: stages,
        EventField.SPRINT: {None: None, **{i: str(s) for i, s in enumerate(sprint_id)}},
        EventField.POINTS: {None: None, **{p: str(int(p)) for p in _POINTS}},
        EventField.DECISION: {None: None, **{d.value: d.value for d in Decision}},
    }

    need_rows: list[dict[str, Any]] = []
    tag_rows: list[dict[str, Any]] = []
    events: list[tuple[datetime, int, int, str, str | None, str | None]] = []
    assessment_rows: list[dict[str, Any]] = []
    value_rows: list[dict[str, Any]] = []
    next_assessment = assessment_base
    for d in drafts:
        last = d.events[-1][0]  # each need's events are appended in time order
        need_rows.append(
            {
                "id": d.id,
                "project_id": projects[d.project].id,
                "number": d.number,
                "title": d.title,
                "problem": d.problem,
                "solution": d.solution,
                "requester": d.requester,
                "source": d.source,
                "business_unit": d.unit,
                "technical": d.technical,
                "column_id": stage_id[d.stage],
                "rank": rank_of[d.id],
                "points": d.points,
                "sprint_id": None if d.sprint is None else sprint_id[d.sprint],
                "assignee_id": None if d.assignee is None else people[d.assignee],
                "acceptance": d.acceptance,
                "created_at": _utc(d.created_at),
                "updated_at": _utc(last),
                "done_at": None if d.done_at is None else _utc(d.done_at),
                "column_since": _utc(
                    max(
                        at
                        for at, kind, _old, _new in d.events
                        if kind in (EventField.CREATED, EventField.COLUMN)
                    )
                ),
            }
        )
        tag_rows.extend({"need_id": d.id, "name": tag} for tag in d.tags)
        for seq, (at, kind, old, new) in enumerate(d.events):
            text = as_text[kind]
            events.append((at, d.id, seq, kind, text[old], text[new]))
        for version, decision, values, score, rationale, at in d.assessments:
            assessment_rows.append(
                {
                    "id": next_assessment,
                    "need_id": d.id,
                    "model_id": model_id,
                    "version": version,
                    "score": score,
                    "decision": decision.value,
                    "rationale": rationale,
                    "decided_by": _PERSON_NAMES[d.decided_by],
                    "decided_at": _utc(at),
                }
            )
            value_rows.extend(
                {"assessment_id": next_assessment, "criterion_id": cid, "value": float(v)}
                for cid, v in zip(criterion_ids, values, strict=True)
            )
            next_assessment += 1
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    event_rows = [
        {"need_id": nid, "at": _utc(at), "field": kind, "old_value": old, "new_value": new}
        for at, nid, _seq, kind, old, new in events
    ]
    commitment_rows = [
        {"sprint_id": sprint_id[index], "need_id": d.id, "points": points}
        for index, d, points in commitments
    ]
    for model, rows in (
        (Need, need_rows),
        (NeedTag, tag_rows),
        (NeedEvent, event_rows),
        (Assessment, assessment_rows),
        (AssessmentValue, value_rows),
        (SprintCommitment, commitment_rows),
    ):
        if rows:
            session.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]
    return len(assessment_rows), len(event_rows)


_PERSON_NAMES = {spec.key: spec.name for spec in _PEOPLE}

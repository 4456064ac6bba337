"""The command line's own words, in the user's language: English, or French when the
environment asks for it. The messages relance drafts are French whatever this says.

The environment is read as gettext reads it, by ``relance._i18n.cli_language``, the
one reading the problems' French uses too.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Final

from ._cli_batch import DEFAULT_KINDS as BATCH_DEFAULT
from ._cli_batch import KINDS as BATCH_KINDS
from ._events import KINDS as EVENT_KINDS
from ._i18n import Language, cli_language
from ._schema import SCHEMAS

if TYPE_CHECKING:  # the errors module loads with a command, not for its help
    from .errors import Problem

__all__ = [
    "HELP",
    "TABLES",
    "Language",
    "Words",
    "error_text",
    "help_texts",
    "parsers",
    "problem_line",
    "translate_help",
    "words_for",
]


class Words:
    """The sentences of the command line in one language; ``{}`` fields filled by name."""

    def __init__(self, language: Language) -> None:
        self.language: Language = language
        """The language of these sentences."""
        self._table = TABLES[language]

    def __call__(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)

    def __contains__(self, key: str) -> bool:
        return key in self._table


# Typeset as French is: a no-break space before « : », a narrow one before ; ! ?
_EN: Final[Mapping[str, str]] = {
    "error": "relance: error: {message}",
    "invalid": "relance: error: invalid input ({count}):",
    "interrupted": "relance: interrupted",
    "late": "relance: the usual send day ({planned}) has passed: drafted for {day}, "
    "the first business day from today.",
    "html_text": "relance: --html applies to .eml and JSON output only; the text shows none.",
    "calendar": "Calendar: {path}",
    "demo_intro": "relance demo: the messages for the built-in example interview\n"
    "(`relance example` prints its input file).",
    "demo.thank_you": "The thank-you notes: one email to each interviewer, the next business day",
    "demo.follow_up": "The follow-up a week later: the email, the call, the voicemail",
    "demo.second_follow_up": "A week after the follow-up, if still no answer: the last email",
    "demo.rejection_reply": "After a rejection: the reply in the employer's thread, "
    "and a handwritten note",
    "demo.plan": "The plan: every step, dated (`relance plan FILE --ics plan.ics` for a calendar)",
    "no_french": "French not checked: Grammalecte is not installed ({install}).",
    "checked": "{directory}: every template rendered over {count} sample interviews",
    "checked_french": ", Grammalecte included",
    "no_problem": ": no problem.",
    "problems": ": {count} problem(s).",
    "logged": "{id}: {kind} on {day}",
    "nothing_due": "Nothing due on {day}.",
    "nothing_tracked": "No interview tracked yet: `relance track FILE` adds one.",
    "next": "Next: {day}",
    "not_logged": "relance: warning: sent, but not logged in the journal: {reason}",
    "needs_yes": "relance: error: nothing sent: add --yes to send.",
    "nothing_sent": "Nothing sent.",
    "cannot_write": "relance: error: cannot write the output: {reason}.",
    "delivered": "{status}: {kind} to {to}. {detail}",
    "status.saved": "saved",
    "status.sent": "sent",
    "status.would_send": "would_send",
    "status.failed": "failed",
    "confirm_one": "Send this email now? [y/N] ",
    "confirm_many": "Send these {count} emails now? [y/N] ",
    "invalid_config": "relance: error: invalid configuration ({count}):",
    "batch.error": "relance batch: error: {message}",
    "batch.kinds": "--kinds: {unknown} is not a kind of message; use some of {kinds}.",
    "batch.kinds_none": "--kinds: name at least one kind of message among {kinds}.",
    "batch.jobs": "--jobs: give a number of processes, 1 or more.",
    "batch.out": "--out: cannot create {path}: {reason}.",
    "batch.templates": "--templates: {path} is not a directory.",
    "batch.epoch": "SOURCE_DATE_EPOCH: {value} is not a number of seconds.",
    "batch.stdin": "standard input (-) can be read only once.",
    "batch.no_match": "{pattern} matches no file.",
    "batch.no_file": "{path}: no such file.",
    "batch.failed": "relance batch: {source}: {problems}",
    "batch.summary": "relance batch: {total} {noun}, {drafted} drafted, {failed} failed, "
    "in {seconds} s.",
}

_FR: Final[Mapping[str, str]] = {
    "error": "relance\u00a0: erreur\u00a0: {message}",
    "invalid": "relance\u00a0: erreur\u00a0: données non valables ({count})\u00a0:",
    "interrupted": "relance\u00a0: interrompu",
    "late": "relance\u00a0: le jour d’envoi prévu ({planned}) est passé\u00a0: brouillons "
    "datés du {day}, premier jour ouvrable à partir d’aujourd’hui.",
    "html_text": "relance\u00a0: --html ne vaut que pour les sorties .eml et JSON\u202f; "
    "le texte n’en montre rien.",
    "calendar": "Calendrier\u00a0: {path}",
    "demo_intro": "relance demo\u00a0: les messages de l’entrevue d’exemple\n"
    "(`relance example` affiche son fichier).",
    "demo.thank_you": "Les remerciements\u00a0: un courriel à chaque personne rencontrée, "
    "le jour ouvrable suivant",
    "demo.follow_up": "La relance une semaine après\u00a0: le courriel, l’appel, le message vocal",
    "demo.second_follow_up": "Une semaine après la relance, toujours sans réponse\u00a0: "
    "le dernier courriel",
    "demo.rejection_reply": "Après un refus\u00a0: la réponse dans le fil de l’employeur, "
    "et une carte manuscrite",
    "demo.plan": "Le plan\u00a0: chaque étape, datée (`relance plan FICHIER --ics plan.ics` "
    "pour un calendrier)",
    "no_french": "Français non vérifié\u00a0: Grammalecte n’est pas installé ({install}).",
    "checked": "{directory}\u00a0: chaque modèle essayé sur {count} entrevues d’exemple",
    "checked_french": ", Grammalecte compris",
    "no_problem": "\u00a0: aucun problème.",
    "problems": "\u202f; nombre de problèmes\u00a0: {count}.",
    "logged": "{id}\u00a0: {kind} le {day}",
    "nothing_due": "Rien n’est prévu le {day}.",
    "nothing_tracked": "Aucune entrevue n’est encore suivie\u00a0: ajoutez-en une avec "
    "`relance track FILE`.",
    "next": "Prochaine date\u00a0: {day}",
    "not_logged": "relance\u00a0: avertissement\u00a0: envoyé, mais non inscrit au "
    "journal\u00a0: {reason}",
    "needs_yes": "relance\u00a0: erreur\u00a0: rien n’a été envoyé\u00a0: ajoutez --yes "
    "pour envoyer.",
    "nothing_sent": "Rien n’a été envoyé.",
    "cannot_write": "relance\u00a0: erreur\u00a0: impossible d’écrire la sortie ({reason}).",
    "delivered": "{status}\u00a0: {kind} à {to}. {detail}",
    "status.saved": "enregistré",
    "status.sent": "envoyé",
    "status.would_send": "serait envoyé",
    "status.failed": "échec",
    "confirm_one": "Envoyer ce courriel maintenant\u202f? [o/N] ",
    "confirm_many": "Envoyer ces {count} courriels maintenant\u202f? [o/N] ",
    "invalid_config": "relance\u00a0: erreur\u00a0: configuration non valable ({count})\u00a0:",
    "batch.error": "relance batch\u00a0: erreur\u00a0: {message}",
    "batch.kinds": "--kinds\u00a0: {unknown} n’est pas un type de message\u202f; choisissez "
    "parmi {kinds}.",
    "batch.kinds_none": "--kinds\u00a0: nommez au moins un type de message parmi {kinds}.",
    "batch.jobs": "--jobs\u00a0: donnez un nombre de processus, 1 ou plus.",
    "batch.out": "--out\u00a0: impossible de créer {path}\u00a0: {reason}.",
    "batch.templates": "--templates\u00a0: {path} n’est pas un répertoire.",
    "batch.epoch": "`SOURCE_DATE_EPOCH`\u00a0: {value} n’est pas un nombre de secondes.",
    "batch.stdin": "l’entrée standard (-) ne peut être lue qu’une fois.",
    "batch.no_match": "aucun fichier ne correspond à {pattern}.",
    "batch.no_file": "{path}\u00a0: ce fichier n’existe pas.",
    "batch.failed": "relance batch\u00a0: {source}\u00a0: {problems}",
    "batch.summary": "relance batch\u00a0: entrevues\u00a0: {total}, rédigées\u00a0: "
    "{drafted}, en échec\u00a0: {failed}, en {seconds}\u00a0s.",
}

TABLES: Final[Mapping[Language, Mapping[str, str]]] = {"en": _EN, "fr": _FR}
"""Every sentence of the command line, in each language (the same keys)."""


def words_for(environ: Mapping[str, str]) -> Words:
    """The command line's sentences in the language the environment asks for."""
    return Words(cli_language(environ))


def error_text(error: Exception, language: Language) -> str:
    """An error's sentence in the command line's language, when it has one in French
    (a mail server's, :class:`~relance.DeliveryError`); else as it was raised."""
    message_in = getattr(error, "message_in", None)
    return str(message_in(language)) if callable(message_in) else str(error)


def problem_line(problem: Problem, language: Language) -> str:
    """A problem as the command line prints it: its field, then its sentence, with the
    colon of the language (« held_at : … » in French)."""
    return problem.line_in(language)


_HELP_FR: Final[Mapping[str, str]] = {
    # relance batch
    "every message of many interviews: files or JSON Lines in, folders or JSON Lines out": (
        "chaque message de nombreuses entrevues : des fichiers ou du `JSON Lines` en entrée, "
        "des dossiers ou du `JSON Lines` en sortie"
    ),
    "Draft the messages of many interviews in one command. Give interview "
    "files (.toml, .json, or a glob of them), or JSON Lines (one interview a line, as "
    "Interview.from_dict takes it) in a .jsonl file or on standard input (-).": (
        "Rédiger les messages de nombreuses entrevues en une seule commande. Donnez des "
        "fichiers d’entrevue (.toml, .json, ou un motif qui les désigne), ou du `JSON Lines` "
        "(une entrevue par ligne, comme `Interview.from_dict` la lit) dans un fichier "
        ".jsonl ou sur l’entrée standard (-)."
    ),
    "A rejection reply needs the employer's mail: a JSON line's "
    '"rejection_eml" (the text of the .eml) or "rejection" (its path), or for a '
    'file a .eml of the same name beside it; or a "received_on" day. Exit status: 0 '
    "when every interview was drafted, 1 when some failed, 2 on bad usage.": (
        "La réponse à un refus a besoin du message de l’employeur : le champ "
        "`rejection_eml` d’une ligne JSON (le texte du fichier `.eml`) ou `rejection` (son "
        "chemin), ou, pour un fichier, un fichier `.eml` du même nom à côté de lui ; ou la "
        "date `received_on`. Code de sortie : 0 quand chaque entrevue a été rédigée, 1 "
        "quand certaines ont échoué, 2 pour un mauvais usage."
    ),
    "interview files or globs (.toml, .json), JSON Lines files (.jsonl), or - for "
    "JSON Lines on standard input": (
        "chaque entrée est un fichier d’entrevue (.toml, .json) ou un motif qui en désigne "
        "plusieurs, un fichier `JSON Lines` (.jsonl), ou un tiret (`-`) pour lire l’entrée "
        "standard"
    ),
    f"what to draft, comma-separated among {','.join(BATCH_KINDS)} "
    f"(default: {','.join(BATCH_DEFAULT)})": (
        f"quoi rédiger, séparé par des virgules, parmi `{','.join(BATCH_KINDS)}` "
        f"(par défaut : `{','.join(BATCH_DEFAULT)}`)"
    ),
    "write a folder per interview into DIR (all its files or none) instead of "
    "JSON Lines on standard output": (
        "écrire un dossier par entrevue dans DIR (tous ses fichiers ou aucun) plutôt que du "
        "`JSON Lines` sur la sortie standard"
    ),
    "the files written with --out (default: text)": (
        "les fichiers écrits avec --out (par défaut : text)"
    ),
    "processes to draft with (default: 1)": "le nombre de processus qui rédigent (par défaut : 1)",
    "Ready-to-send French messages after a job interview.": "Des messages en français "
    "prêts à envoyer après une entrevue d’embauche.",
    "Start with `relance example > interview.toml`, edit it, then "
    "`relance thank-you interview.toml`.": "Commencez par `relance example > "
    "interview.toml`, modifiez le fichier, puis lancez `relance thank-you interview.toml`.",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "show every message for the built-in example interview": "afficher tous les messages "
    "de l’entrevue d’exemple intégrée",
    "print a commented example interview file (TOML)": "afficher un fichier d’entrevue "
    "d’exemple commenté (TOML)",
    "after a rejection: a reply asking for feedback, and a handwritten note": "après un "
    "refus\u00a0: une réponse qui demande une rétroaction, et une carte manuscrite",
    "the whole follow-up as a dated checklist and a calendar file": "tout le suivi, en "
    "liste datée et en fichier de calendrier",
    "list, copy and check the templates, to write your own wording": "lister, copier et "
    "vérifier les modèles, pour écrire vos propres formulations",
    "print a sample employer's rejection instead (an .eml file, for --reply-to)": "afficher "
    "plutôt un exemple de refus d’un employeur (un fichier .eml, pour --reply-to)",
    "Draft the thank-you note to each interviewer, sent the next business day.": "Rédiger "
    "le mot de remerciement à chaque personne rencontrée, envoyé le jour ouvrable suivant.",
    "the interview, a .toml or .json file (- for standard input)": "l’entrevue, un fichier "
    ".toml ou .json (- pour l’entrée standard)",
    "default: text": "par défaut\u00a0: text",
    "write one file per message into DIR instead of printing them (- to print)": "écrire un "
    "fichier par message dans DIR au lieu de les afficher (- pour les afficher)",
    "replace files that already exist in DIR": "remplacer les fichiers qui existent déjà dans DIR",
    "the day the notes will be sent (default: the next business day)": "le jour d’envoi des "
    "mots (par défaut\u00a0: le jour ouvrable suivant)",
    "a directory of template overrides (see `relance templates copy`)": "un répertoire de "
    "modèles personnalisés (voir `relance templates copy`)",
    "also write an HTML part": "écrire aussi une partie HTML",
    "Draft the follow-up a week after the interview: the email to the hiring contact, "
    "what to say on the phone, and the voicemail to leave.": "Rédiger la relance une "
    "semaine après l’entrevue\u00a0: le courriel à la personne responsable du recrutement, "
    "quoi dire au téléphone et le message vocal à laisser.",
    "the day of the follow-up (default: a week after, on a business day)": "le jour de la "
    "relance (par défaut\u00a0: une semaine après, un jour ouvrable)",
    "Draft the reply to a rejection (threaded under the employer's message with "
    "--reply-to) and a handwritten note to copy onto a card.": "Rédiger la réponse à un "
    "refus (dans le fil du message de l’employeur avec --reply-to) et un mot manuscrit à "
    "recopier sur une carte.",
    "the day to reply (default: the next business day)": "le jour de la réponse (par "
    "défaut\u00a0: le jour ouvrable suivant)",
    "the employer's message (- for standard input): the reply goes to its sender, in its "
    "thread (to the hiring contact when the sender takes no replies)": "le message de "
    "l’employeur (- pour l’entrée standard)\u00a0: la réponse va à son expéditeur, dans son "
    "fil (à la personne responsable du recrutement si l’expéditeur ne reçoit pas de réponses)",
    "when the rejection arrived (default: its Date header, else today)": "le jour où le "
    "refus est arrivé (par défaut\u00a0: son en-tête Date, sinon aujourd’hui)",
    "Print every step of the follow-up as a dated checklist; with --ics, also write it as "
    "a calendar file.": "Afficher chaque étape du suivi en liste datée\u202f; avec --ics, "
    "l’écrire aussi en fichier de calendrier.",
    "write the calendar file OUT (- for standard output)": "écrire le fichier de calendrier "
    "OUT (- pour la sortie standard)",
    "drop the steps before this day (default: today)": "omettre les étapes avant ce jour "
    "(par défaut\u00a0: aujourd’hui)",
    "replace an existing OUT": "remplacer OUT s’il existe",
    "Override relance's wording: copy the templates into a directory, edit them, check "
    "them, then pass --templates DIR to any message command.": "Remplacer les formulations "
    "de relance\u00a0: copier les modèles dans un répertoire, les modifier, les vérifier, "
    "puis passer --templates DIR à toute commande de message.",
    "each template: what it renders, its variables": "chaque modèle\u00a0: ce qu’il "
    "produit, ses variables",
    "write the package's templates into DIR": "écrire les modèles du paquet dans DIR",
    "render every template of DIR over sample interviews in every region": "produire "
    "chaque modèle de DIR sur des entrevues d’exemple, dans chaque région",
    # The message commands' rows of the catalogue (_catalogue.KINDS)
    "the thank-you note to each interviewer, the next business day": "le mot de "
    "remerciement à chaque personne rencontrée, le jour ouvrable suivant",
    "the one-week follow-up: the email, the call script, the voicemail": "la relance après "
    "une semaine\u00a0: le courriel, le texte de l’appel, le message vocal",
    "the second and last follow-up email, a week after the first": "le second et dernier "
    "courriel de relance, une semaine après le premier",
    "Draft the second and last follow-up email, a week after the first, when it went "
    "unanswered: is the position still open?": "Rédiger le second et dernier courriel de "
    "relance, une semaine après le premier, s’il est resté sans réponse\u00a0: le poste "
    "est-il toujours à pourvoir\u202f?",
    "the day to send it (default: a week after the follow-up, on a business day)": "le jour "
    "de l’envoi (par défaut\u00a0: une semaine après la relance, un jour ouvrable)",
    # Every message command's own options
    "with --send: log each email a server accepted to this tracked interview": "avec "
    "--send\u00a0: inscrire au journal de cette entrevue suivie chaque courriel accepté par "
    "un serveur",
    "the journal file": "le fichier du journal",
    # Delivery (_cli_delivery); argparse writes a colon right after a group's title
    "delivery (accounts in the file `relance config path`)": "envoi (comptes dans le "
    "fichier `relance config path`)\u00a0",
    "save the emails in your drafts folder over IMAP (the [imap] account)": "enregistrer "
    "les courriels dans votre dossier de brouillons par IMAP (le compte `[imap]`)",
    "send the emails due today over SMTP (the [smtp] account), after showing what would "
    "be sent": "envoyer par SMTP les courriels prévus pour aujourd’hui (le compte "
    "`[smtp]`), après avoir montré ce qui serait envoyé",
    "with --send: do not ask (needed without a terminal)": "avec --send\u00a0: ne pas "
    "demander de confirmation (nécessaire sans terminal)",
    "with --to-drafts: the folder (default: your drafts)": "avec --to-drafts\u00a0: le "
    "dossier (par défaut\u00a0: celui des brouillons)",
    "with --send: also send the emails dated after today": "avec --send\u00a0: envoyer "
    "aussi les courriels datés de demain ou plus tard",
    # The journal's commands (_cli_journal)
    "add an interview to the journal and print its id": "ajouter une entrevue au journal "
    "et afficher son identifiant",
    "Store an interview in the journal (its data, so later commands do not need the file) "
    "and print its id, such as ubisoft-analyste-2026-12-01.": "Enregistrer une entrevue "
    "dans le journal (ses données, pour que les commandes suivantes n’aient plus besoin du "
    "fichier) et afficher son identifiant, par exemple `ubisoft-analyste-2026-12-01`.",
    "the interview, a .toml or .json file": "l’entrevue, un fichier .toml ou .json",
    "the journal file (default: $RELANCE_JOURNAL, else one in your data directory)": "le "
    "fichier du journal (par défaut\u00a0: `$RELANCE_JOURNAL`, sinon un fichier dans votre "
    "répertoire de données)",
    "act as if today were this day (default: today)": "faire comme si l’on était ce jour-là "
    "(par défaut\u00a0: aujourd’hui)",
    "record what happened: a thank-you sent, a call, an answer…": "noter ce qui s’est "
    "passé\u00a0: un remerciement envoyé, un appel, une réponse…",
    "Record an event for a tracked interview. Kinds: " + ", ".join(EVENT_KINDS) + ".": "Noter "
    "un événement pour une entrevue suivie. Types\u00a0: "
    + ", ".join(f"`{kind}`" for kind in EVENT_KINDS)
    + ".",
    "the interview's id (see `relance status`)": "l’identifiant de l’entrevue (voir "
    "`relance status`)",
    "what happened": "ce qui s’est passé",
    "when it happened (default: today)": "la date de l’événement (par défaut\u00a0: aujourd’hui)",
    "who it concerns: the interviewer thanked": "la personne concernée\u00a0: celle que "
    "vous avez remerciée",
    "free text; for an answer, the date given": "texte libre\u202f; pour une réponse, la "
    "date annoncée",
    "what is due today for every tracked interview, with the text ready": "ce qui est à "
    "faire aujourd’hui pour chaque entrevue suivie, avec le texte prêt",
    "Print, for every tracked interview, the steps due today with the text to send or "
    "say.": "Afficher, pour chaque entrevue suivie, les étapes prévues aujourd’hui, avec le "
    "texte à envoyer ou à dire.",
    "write one file per due step into DIR": "écrire un fichier par étape prévue dans DIR",
    "a table of every tracked interview's stage and next date": "un tableau des entrevues "
    "suivies, avec l’étape de chacune et sa prochaine date",
    "Without ID, a table of every tracked interview; with it, that interview's status in "
    "full.": "Sans identifiant, un tableau de toutes les entrevues suivies\u202f; avec un "
    "identifiant, l’état complet de cette entrevue.",
    "one interview's id": "l’identifiant d’une entrevue",
    "export the journal as JSON, or import such a file": "exporter le journal en JSON, ou "
    "importer un tel fichier",
    "Export the whole journal as JSON (the shapes of as_dict), or add the interviews of "
    "such a file.": "Exporter tout le journal en JSON (au format de `as_dict`), ou ajouter "
    "les entrevues d’un tel fichier.",
    "print the journal as JSON": "afficher le journal en JSON",
    "add the interviews of an exported file": "ajouter les entrevues d’un fichier exporté",
    "a file written by `relance journal export`": "un fichier écrit par `relance journal export`",
    # config and schema
    "where relance reads your mail accounts (see docs/delivery.md)": "où relance lit vos "
    "comptes de courriel (voir `docs/delivery.md`)",
    "print the path of the accounts file": "afficher le chemin du fichier des comptes",
    "print the JSON Schema of an interview, a draft or another result": "afficher le "
    "schéma JSON d’une entrevue, d’un brouillon ou d’un autre résultat",
    "Print the JSON Schema (draft 2020-12) that an interview given as JSON, or a result "
    "written with --format json, validates against.": "Afficher le schéma JSON (version "
    "2020-12 de la norme) que respecte une entrevue fournie en JSON, ou un résultat écrit "
    "avec `--format json`.",
    ", ".join(SCHEMAS): ", ".join(f"`{name}`" for name in SCHEMAS),
    # argparse's own words
    "usage: ": "utilisation\u00a0: ",
    # argparse writes a colon right after a heading: the no-break space goes before it
    "positional arguments": "arguments positionnels\u00a0",
    "options": "options\u00a0",
}

HELP: Final[Mapping[Language, Mapping[str, str]]] = {"fr": _HELP_FR}
"""The help of the command line in each language but English (its source), by the
English text."""


class _French(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix or _HELP_FR["usage: "])


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every subcommand's parser made so far, depth first."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action._name_parser_map.values():
                yield from parsers(command)


def help_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every text of the parser's help, in English (what :data:`HELP` translates)."""
    for each in parsers(parser):
        yield from (text for text in (each.description, each.epilog) if text)
        yield from (group.title for group in each._action_groups if group.title)
        for action in each._actions:
            yield from [action.help] if action.help else []
            if isinstance(action, argparse._SubParsersAction):
                yield from (choice.help for choice in action._choices_actions if choice.help)


def translate_help(parser: argparse.ArgumentParser, words: Words) -> None:
    """Put the help of ``parser`` and its subcommands in the words' language.

    argparse's own sentences (its errors) stay as the Python installation has them.
    """
    if words.language not in HELP:
        return
    table = HELP[words.language]
    for each in parsers(parser):
        each.formatter_class = _French
        each.description = table.get(each.description or "", each.description)
        each.epilog = table.get(each.epilog or "", each.epilog)
        for group in each._action_groups:
            group.title = table.get(group.title or "", group.title)
        for action in each._actions:
            action.help = table.get(action.help or "", action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = table.get(choice.help or "", choice.help)

"""The command line's mail accounts: a TOML file in the user's config directory, and
passwords from the environment or typed at a prompt, never from a file.

The file (``relance config path`` prints where it is)::

    [imap]
    host = "imap.gmail.com"
    username = "camille.roy@gmail.com"

    [smtp]
    host = "smtp.gmail.com"
    username = "camille.roy@gmail.com"
    security = "starttls"   # optional: "tls" (the default), "starttls" or "none"
    port = 587              # optional: the security's usual port

relance reads this file and never writes it, nor any password.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal, TypeVar

from ._delivery import ImapAccount, SmtpAccount
from ._headers import FORBIDDEN
from .errors import InvalidInput, Problem, RelanceError

__all__ = [
    "CONFIG_ENV",
    "PASSWORD_ENV",
    "AskPassword",
    "config_path",
    "imap_account",
    "smtp_account",
]

CONFIG_ENV = "RELANCE_CONFIG"
"""The environment variable that names another config file."""
PASSWORD_ENV = {"imap": "RELANCE_IMAP_PASSWORD", "smtp": "RELANCE_SMTP_PASSWORD"}
"""Where each account's password is read from, when it is set."""
KEYS = ("host", "port", "username", "security", "cafile")

# Stands for the password while the other fields are checked; replaced before use.
_PENDING = "-"

AskPassword = Callable[[str], str]
"""Asks the user for a password with this prompt, such as :func:`getpass.getpass`."""

Table = Literal["imap", "smtp"]
Account = TypeVar("Account", ImapAccount, SmtpAccount)


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The config file: ``$RELANCE_CONFIG``, else ``config.toml`` in the user's config
    directory (``~/.config/relance`` on Linux, as :mod:`platformdirs` says)."""
    env = os.environ if environ is None else environ
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("relance")) / "config.toml"


def imap_account(
    *,
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    ask_password: AskPassword | None = None,
) -> ImapAccount:
    """The ``[imap]`` account of the config file.

    The password is ``$RELANCE_IMAP_PASSWORD`` when set, else what ``ask_password``
    returns (pass :func:`getpass.getpass` on a terminal).

    Raises:
        InvalidInput: the table is missing or wrong; each problem names its key,
            such as ``[imap].host``.
        RelanceError: there is no config file, or no password to be had.
    """
    env = os.environ if environ is None else environ
    where = path or config_path(env)
    options = _table(where, "imap")
    if "username" not in options:
        raise InvalidInput.of("[imap].username", "account.username_required")
    # Every field is checked before anyone is asked for a password.
    account = _checked(lambda: ImapAccount(password=_PENDING, **options), "imap")
    return replace(account, password=_password("imap", account, env, ask_password))


def smtp_account(
    *,
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    ask_password: AskPassword | None = None,
) -> SmtpAccount:
    """The ``[smtp]`` account of the config file; with a ``username``, its password
    from ``$RELANCE_SMTP_PASSWORD`` or ``ask_password``. See :func:`imap_account`."""
    env = os.environ if environ is None else environ
    where = path or config_path(env)
    options = _table(where, "smtp")
    if "username" not in options:
        return _checked(lambda: SmtpAccount(**options), "smtp")
    account = _checked(lambda: SmtpAccount(password=_PENDING, **options), "smtp")
    return replace(account, password=_password("smtp", account, env, ask_password))


def _table(path: Path, name: Table) -> dict[str, Any]:
    """The table's options, as the account's keyword arguments; each problem named."""
    import tomllib

    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except FileNotFoundError:
        raise RelanceError(
            f"There is no configuration file at {path}: write one with an [{name}] table "
            f"(see docs/delivery.md), or set {CONFIG_ENV} to the file's path."
        ) from None
    except OSError as err:
        raise RelanceError(
            f"The configuration file {path} cannot be read: {err.strerror}."
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise InvalidInput.of(str(path), "file.toml_invalid", reason=str(err)) from None
    table = data.get(name)
    if not isinstance(table, dict):
        raise InvalidInput.of(f"[{name}]", "config.table_missing", path=str(path), table=name)
    problems = [_problem(name, key, value) for key, value in table.items()]
    if "host" not in table:
        problems.append(Problem.of(f"[{name}].host", "account.host_required"))
    found = [problem for problem in problems if problem is not None]
    if found:
        raise InvalidInput(found)
    options = dict(table)
    if "cafile" in options:
        cafile = Path(options["cafile"]).expanduser()
        options["cafile"] = cafile if cafile.is_absolute() else path.parent / cafile
    return options


def _problem(name: Table, key: str, value: object) -> Problem | None:
    field = f"[{name}].{key}"
    if key == "password":
        return Problem.of(field, "config.password_in_file", variable=PASSWORD_ENV[name])
    if key not in KEYS:
        return Problem.of(field, "config.key_unknown", keys=list(KEYS))
    if key != "port" and not isinstance(value, str):
        return Problem.of(field, "config.value_not_text")
    return None


def _checked(make: Callable[[], Account], name: Table) -> Account:
    try:
        return make()
    except InvalidInput as err:
        raise err.prefixed(f"[{name}]") from None


def _password(
    name: Table,
    account: ImapAccount | SmtpAccount,
    environ: Mapping[str, str],
    ask_password: AskPassword | None,
) -> str:
    variable = PASSWORD_ENV[name]
    password = environ.get(variable)
    if password is None and ask_password is not None:
        password = ask_password(
            f"{name.upper()} password for {account.username} at {account.host}: "
        )
    if password is None:
        raise RelanceError(
            f"No password for the {name.upper()} account {account.username}: set "
            f"{variable}, or run relance on a terminal to type it."
        )
    if not password or FORBIDDEN.search(password):
        # Not a word about the value itself: this message may end up in a log.
        raise InvalidInput.of(variable, "password.invalid")
    return password

"""The command line's accounts (a TOML file, passwords from the environment or a
prompt) and its ``--to-drafts`` / ``--send`` handlers, against real servers on
127.0.0.1 (see tests/mailservers.py)."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from relance import ImapAccount, InvalidInput, RelanceError, SmtpAccount, thank_you_notes
from relance._cli_delivery import add_options, deliver, print_config_path
from relance._config import config_path, imap_account, smtp_account
from relance._samples import example_interview

from mailservers import HOST, PASSWORD, USER, Dovecot, Inbox, closed_port, dovecot, smtp_server

NOTES = thank_you_notes(example_interview())


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -------------------------------------------------------------------------- config


def test_config_path_follows_relance_config(tmp_path: Path) -> None:
    assert config_path({"RELANCE_CONFIG": str(tmp_path / "mine.toml")}) == tmp_path / "mine.toml"
    default = config_path({})
    assert default.name == "config.toml"
    assert default.parent.name == "relance"
    out = io.StringIO()
    assert print_config_path({"RELANCE_CONFIG": "/somewhere/relance.toml"}, out) == 0
    assert out.getvalue() == "/somewhere/relance.toml\n"


def test_accounts_from_the_file_and_passwords_from_the_environment(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text("not read here", encoding="utf-8")
    path = write(
        tmp_path,
        '[imap]\nhost = "imap.example.com"\nusername = "camille@example.com"\n'
        'cafile = "ca.pem"\n\n'
        '[smtp]\nhost = "smtp.example.com"\nusername = "camille@example.com"\n'
        'security = "starttls"\n',
    )
    env = {"RELANCE_IMAP_PASSWORD": "imap-secret", "RELANCE_SMTP_PASSWORD": "smtp-secret"}
    assert imap_account(path=path, environ=env) == ImapAccount(
        "imap.example.com", "camille@example.com", "imap-secret", cafile=tmp_path / "ca.pem"
    )
    assert smtp_account(path=path, environ=env) == SmtpAccount(
        "smtp.example.com", "camille@example.com", "smtp-secret", security="starttls"
    )


def test_the_password_is_asked_when_not_in_the_environment(tmp_path: Path) -> None:
    path = write(tmp_path, '[imap]\nhost = "imap.example.com"\nusername = "camille"\n')
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return "typed"

    typed = imap_account(path=path, environ={}, ask_password=ask).password
    assert typed == "typed"
    assert prompts == ["IMAP password for camille at imap.example.com: "]
    with pytest.raises(RelanceError) as raised:
        imap_account(path=path, environ={})
    assert str(raised.value) == (
        "No password for the IMAP account camille: set RELANCE_IMAP_PASSWORD, or run "
        "relance on a terminal to type it."
    )


def test_an_smtp_relay_without_login_needs_no_password(tmp_path: Path) -> None:
    path = write(tmp_path, '[smtp]\nhost = "localhost"\nsecurity = "none"\n')
    assert smtp_account(path=path, environ={}) == SmtpAccount("localhost", security="none")


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            '[imap]\nusername = "camille"\n',
            [("[imap].host", "This field is required: the server's name.")],
        ),
        (
            '[imap]\nhost = "imap.example.com"\n',
            [("[imap].username", "This field is required: the login name.")],
        ),
        (
            '[imap]\nhost = "imap.example.com"\nusername = "c"\npassword = "x"\nhots = 1\n',
            [
                (
                    "[imap].password",
                    (
                        "relance never reads a password from a file: remove this line, and set "
                        "RELANCE_IMAP_PASSWORD or type the password when asked."
                    ),
                ),
                (
                    "[imap].hots",
                    "Unknown key: the keys are host, port, username, security, cafile.",
                ),
            ],
        ),
        (
            '[imap]\nhost = "imap.example.com"\nusername = "c"\nsecurity = "none"\nport = "x"\n',
            [
                (
                    "[imap].security",
                    (
                        '"none" sends the password and the messages unencrypted: it is allowed '
                        'only for a server on this machine (localhost). Use "tls" or "starttls" '
                        "for IMAP at imap.example.com."
                    ),
                ),
                ("[imap].port", "A port is a whole number from 1 to 65535."),
            ],
        ),
        (
            '[imap]\nhost = 42\nusername = "c"\n',
            [("[imap].host", "Give this value as a string, in quotes.")],
        ),
        (
            '[smtp]\nhost = "smtp.example.com"\n',
            [
                (
                    "[imap]",
                    (
                        "{path} has no [imap] table: add one with host and username "
                        "(see docs/delivery.md)."
                    ),
                )
            ],
        ),
    ],
)
def test_config_problems_name_their_key(
    tmp_path: Path, text: str, problems: list[tuple[str, str]]
) -> None:
    path = write(tmp_path, text)
    asked: list[str] = []
    with pytest.raises(InvalidInput) as raised:
        imap_account(path=path, environ={}, ask_password=asked.append)  # type: ignore[arg-type]
    found = [(p.field, p.message) for p in raised.value.problems]
    assert found == [(f, m.format(path=path)) for f, m in problems]
    assert asked == []  # nobody is asked for a password before the file is right


def test_missing_and_broken_config_files(tmp_path: Path) -> None:
    missing = tmp_path / "none.toml"
    with pytest.raises(RelanceError) as raised:
        smtp_account(path=missing, environ={})
    assert str(raised.value) == (
        f"There is no configuration file at {missing}: write one with an [smtp] table "
        "(see docs/delivery.md), or set RELANCE_CONFIG to the file's path."
    )
    broken = write(tmp_path, "[smtp\n")
    with pytest.raises(InvalidInput) as raised:
        smtp_account(path=broken, environ={})
    [problem] = raised.value.problems
    assert problem.field == str(broken)
    assert problem.message.startswith("This is not valid TOML: ")


def test_a_password_with_a_line_break_is_refused_without_showing_it(tmp_path: Path) -> None:
    path = write(tmp_path, '[imap]\nhost = "imap.example.com"\nusername = "c"\n')
    with pytest.raises(InvalidInput) as raised:
        imap_account(path=path, environ={"RELANCE_IMAP_PASSWORD": "abc\nLOGOUT"})
    assert str(raised.value) == (
        "Invalid input: RELANCE_IMAP_PASSWORD: The password must not be empty or hold "
        "control characters."
    )


# ----------------------------------------------------------------------------- CLI


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_options(parser)
    return parser.parse_args(argv)


class Run:
    """One call of ``deliver``, its output and its prompts."""

    def __init__(
        self,
        args: argparse.Namespace,
        environ: dict[str, str],
        *,
        tty: bool,
        answer: str = "",
    ) -> None:
        self.out, self.err = io.StringIO(), io.StringIO()
        self.prompts: list[str] = []

        def ask(prompt: str) -> str:
            self.prompts.append(prompt)
            return answer

        self.status = deliver(
            args,
            NOTES,
            stdin_is_tty=tty,
            environ=environ,
            ask_password=lambda prompt: pytest.fail(f"password asked: {prompt}"),
            ask=ask,
            out=self.out,
            err=self.err,
        )


@pytest.fixture
def smtp_config(tmp_path: Path) -> Iterator[tuple[Inbox, dict[str, str]]]:
    inbox = Inbox()
    with smtp_server(inbox) as server:
        path = write(
            tmp_path,
            f'[smtp]\nhost = "{HOST}"\nport = {server.port}\nsecurity = "none"\n'
            f'username = "{USER}"\n',
        )
        yield inbox, {"RELANCE_CONFIG": str(path), "RELANCE_SMTP_PASSWORD": PASSWORD}


def test_no_option_does_nothing() -> None:
    run = Run(parse(), {"RELANCE_CONFIG": "/nonexistent.toml"}, tty=False)
    assert (run.status, run.out.getvalue(), run.err.getvalue()) == (0, "", "")


def test_send_without_yes_off_a_terminal_only_shows(
    smtp_config: tuple[Inbox, dict[str, str]],
) -> None:
    inbox, env = smtp_config
    run = Run(parse("--send", "--allow-early"), env, tty=False)
    assert run.status == 2
    assert run.out.getvalue().count("would_send: thank_you to ") == 2
    assert run.err.getvalue() == "relance: error: nothing sent: add --yes to send.\n"
    assert inbox.envelopes == []


@pytest.mark.parametrize(("answer", "sent"), [("o", 2), ("yes", 2), ("", 0), ("non", 0)])
def test_send_on_a_terminal_asks_first(
    smtp_config: tuple[Inbox, dict[str, str]], answer: str, sent: int
) -> None:
    inbox, env = smtp_config
    run = Run(parse("--send", "--allow-early"), env, tty=True, answer=answer)
    assert run.status == 0
    assert run.prompts == ["Send these 2 emails now? [y/N] "]
    assert len(inbox.envelopes) == sent
    assert run.out.getvalue().count("sent: thank_you to ") == sent
    if not sent:
        assert run.out.getvalue().endswith("Nothing sent.\n")


def test_send_with_yes_sends_without_asking(smtp_config: tuple[Inbox, dict[str, str]]) -> None:
    inbox, env = smtp_config
    run = Run(parse("--send", "--yes", "--allow-early"), env, tty=False)
    assert (run.status, run.prompts, run.err.getvalue()) == (0, [], "")
    lines = run.out.getvalue().splitlines()
    assert [line.split(". ")[0] for line in lines] == [f"sent: thank_you to {n.to}" for n in NOTES]
    assert len(inbox.envelopes) == 2


def test_to_drafts_saves_and_a_server_error_is_one_line(tmp_path: Path) -> None:
    with dovecot({"Brouillons": None}) as server:
        server_config(tmp_path, server)
        env = {"RELANCE_CONFIG": str(tmp_path / "config.toml"), "RELANCE_IMAP_PASSWORD": PASSWORD}
        run = Run(parse("--to-drafts"), env, tty=False)
        assert (run.status, run.err.getvalue()) == (0, "")
        assert [line.split(" (UID")[0] for line in run.out.getvalue().splitlines()] == [
            f'saved: thank_you to {n.to}. Saved in "Brouillons"' for n in NOTES
        ]
        wrong = Run(parse("--to-drafts"), env | {"RELANCE_IMAP_PASSWORD": "nope"}, tty=False)
    assert wrong.status == 1
    assert wrong.err.getvalue() == (
        f"relance: error: The IMAP server {HOST}:{server.imap_port} refused the login of "
        f"{USER} ([AUTHENTICATIONFAILED] Authentication failed): check the username and "
        "the password (Gmail needs an app password).\n"
    )


def server_config(tmp_path: Path, server: Dovecot) -> None:
    write(
        tmp_path,
        f'[imap]\nhost = "{HOST}"\nport = {server.imap_port}\nsecurity = "none"\n'
        f'username = "{USER}"\n',
    )


def test_unreachable_server_and_bad_config_exit_codes(tmp_path: Path) -> None:
    port = closed_port()
    write(tmp_path, f'[smtp]\nhost = "{HOST}"\nport = {port}\nsecurity = "none"\n')
    env = {"RELANCE_CONFIG": str(tmp_path / "config.toml")}
    run = Run(parse("--send", "--yes", "--allow-early"), env, tty=False)
    assert run.status == 1
    assert run.err.getvalue() == (
        f"relance: error: Cannot connect to the SMTP server {HOST}:{port}: the connection "
        "was refused; check the host and the port.\n"
    )
    french = Run(
        parse("--send", "--yes", "--allow-early"), {**env, "LANG": "fr_FR.UTF-8"}, tty=False
    )
    assert french.status == 1
    assert french.err.getvalue() == (
        f"relance\u00a0: erreur\u00a0: Impossible de se connecter au serveur SMTP {HOST}:{port}"
        "\u00a0: la connexion a été refusée\u202f; vérifiez l’hôte et le port.\n"
    )
    write(tmp_path, '[smtp]\nhost = "smtp.example.com"\nsecurity = "none"\n')
    run = Run(parse("--send"), env, tty=False)
    assert run.status == 2
    assert run.err.getvalue().startswith(
        "relance: error: invalid configuration (1):\n  [smtp].security: "
    )

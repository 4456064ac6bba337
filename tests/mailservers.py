"""Real mail servers for the tests, on 127.0.0.1 only, started and stopped by the tests.

- :func:`dovecot`: Debian's Dovecot 2.3 as a foreground process with a config of its
  own in a temporary directory (see /work/shared/test-servers.md for why each line).
- :func:`smtp_server`: aiosmtpd, with implicit TLS or STARTTLS, and AUTH.
- :func:`certificates`: a certificate authority of the test's own and a server
  certificate for 127.0.0.1 and localhost, made with trustme.

Nothing here ever listens on, or connects to, another address than 127.0.0.1.
"""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

HOST = "127.0.0.1"
USER = "camille"
PASSWORD = "Pa55-w0rd! (pas dans les erreurs)"  # noqa: S105 (the test server's own user)
DOVECOT_INSTALL = "apt-get install dovecot-imapd"


def free_port() -> int:
    """A TCP port nobody listens on at this instant, on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens: connecting there is refused."""
    return free_port()


# ----------------------------------------------------------------------- certificates


@dataclass(frozen=True)
class Certificates:
    """A CA of the test's own and the server certificate it signed, as files."""

    ca: trustme.CA
    server: trustme.LeafCert
    cafile: Path
    """The CA's certificate, PEM: what a client passes as ``cafile``."""
    certfile: Path
    """The server's certificate chain, PEM."""
    keyfile: Path
    """The server's private key, PEM."""

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.server.configure_cert(context)
        return context


def make_certificates(directory: Path) -> Certificates:
    ca = trustme.CA()
    server = ca.issue_cert(HOST, "localhost")
    cafile, certfile, keyfile = directory / "ca.pem", directory / "cert.pem", directory / "key.pem"
    ca.cert_pem.write_to_path(str(cafile))
    server.private_key_pem.write_to_path(str(keyfile))
    for i, blob in enumerate(server.cert_chain_pems):
        blob.write_to_path(str(certfile), append=i > 0)
    return Certificates(ca, server, cafile, certfile, keyfile)


# ---------------------------------------------------------------------------- Dovecot


def dovecot_command() -> str:
    """The dovecot binary; skipped locally when it is missing, failing in CI."""
    found = shutil.which("dovecot") or shutil.which("dovecot", path="/usr/sbin:/sbin")
    if found is None:
        message = f"Dovecot is not installed: {DOVECOT_INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@dataclass(frozen=True)
class Dovecot:
    """A running Dovecot: its ports (0 when that listener is off) and its files."""

    directory: Path
    imap_port: int
    """Plain IMAP, upgraded with STARTTLS when the server has a certificate."""
    imaps_port: int
    """IMAP over TLS from the first byte; 0 without a certificate."""
    log: Path


@contextmanager
def dovecot(
    mailboxes: dict[str, str | None],
    *,
    certificates: Certificates | None = None,
) -> Iterator[Dovecot]:
    """Dovecot 2.3 with one user (:data:`USER`, :data:`PASSWORD`) whose mailboxes are
    ``mailboxes`` (name → special use such as ``\\Drafts``, or ``None``).

    With ``certificates``, TLS is required before login (``disable_plaintext_auth``)
    and there is an implicit-TLS port too; without, the server is plain IMAP.
    """
    command = dovecot_command()
    # Not pytest's tmp_path: the dovecot user must reach the home and the users file,
    # and pytest's directories are private to their owner.
    root = Path(tempfile.mkdtemp(prefix="relance-dovecot-"))
    root.chmod(0o755)
    process: subprocess.Popen[bytes] | None = None
    try:
        home = root / "home"
        for name in ("home", "run", "state"):
            (root / name).mkdir()
        users = root / "users"
        users.write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n", encoding="utf-8")
        if os.geteuid() == 0:
            shutil.chown(home, "dovecot", "dovecot")
            owner = "uid=dovecot gid=dovecot"
            run_as = ""
        else:  # Dovecot as an ordinary user runs everything as that user.
            me = getpass.getuser()
            owner = f"uid={os.getuid()} gid={os.getgid()}"
            run_as = f"default_internal_user = {me}\ndefault_login_user = {me}\n"
        imap_port = free_port()
        imaps_port = free_port() if certificates else 0
        if certificates:
            tls = (
                f"ssl = required\nssl_cert = <{certificates.certfile}\n"
                f"ssl_key = <{certificates.keyfile}\ndisable_plaintext_auth = yes\n"
            )
        else:
            tls = "ssl = no\ndisable_plaintext_auth = no\n"
        boxes = "".join(
            f"  mailbox {name} {{\n    auto = create\n"
            + (f"    special_use = {use}\n" if use else "")
            + "  }\n"
            for name, use in mailboxes.items()
        )
        log = root / "dovecot.log"
        config = root / "dovecot.conf"
        config.write_text(
            f"""protocols = imap
listen = {HOST}
base_dir = {root}/run
state_dir = {root}/state
log_path = {log}
info_log_path = {log}
{run_as}{tls}first_valid_uid = 100
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {users}
}}
userdb {{
  driver = static
  args = {owner} home={home}
}}
service imap-login {{
  inet_listener imap {{
    address = {HOST}
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = {HOST}
    port = {imaps_port}
    ssl = yes
  }}
}}
namespace inbox {{
  inbox = yes
  separator = /
{boxes}}}
""",
            encoding="utf-8",
        )
        process = subprocess.Popen(
            [command, "-F", "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _wait_for(imap_port, process, log)
        yield Dovecot(root, imap_port, imaps_port, log)
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stderr is not None:
                process.stderr.close()
        shutil.rmtree(root, ignore_errors=True)


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    """Until the server accepts connections on ``port``; its log if it dies first."""
    for _ in range(200):
        if process.poll() is not None:
            stderr = process.stderr.read().decode() if process.stderr else ""
            logged = log.read_text() if log.exists() else ""
            raise RuntimeError(f"dovecot stopped: {stderr}{logged}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"dovecot is not listening on {HOST}:{port}")


# ----------------------------------------------------------------------------- SMTP


@dataclass
class Inbox:
    """An aiosmtpd handler that keeps every envelope it is given, and can refuse
    recipients or drop the connection at the n-th message."""

    refuse: frozenset[str] = frozenset()
    """Recipients answered with 550."""
    drop_at: int | None = None
    """Drop the connection when the DATA of this message (counted from 1) comes in."""
    envelopes: list[Envelope] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    data_count: int = 0

    async def handle_RCPT(
        self,
        server: SMTPServer,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        self.data_count += 1
        if self.data_count == self.drop_at:
            assert server.transport is not None
            server.transport.abort()
            return "421 dropped"
        self.envelopes.append(envelope)
        return f"250 2.0.0 Ok: queued as Q{self.data_count}"


@dataclass(frozen=True)
class SmtpServer:
    inbox: Inbox
    port: int


def _authenticator(inbox: Inbox) -> Callable[..., AuthResult]:
    def authenticate(
        server: SMTPServer, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, password = data.login.decode(), data.password.decode()
        inbox.logins.append((login, mechanism))
        # handled=False: aiosmtpd then answers the client (235, or 535 on failure).
        return AuthResult(success=login == USER and password == PASSWORD, handled=False)

    return authenticate


@contextmanager
def smtp_server(
    inbox: Inbox,
    *,
    certificates: Certificates | None = None,
    implicit_tls: bool = False,
) -> Iterator[SmtpServer]:
    """aiosmtpd on 127.0.0.1: STARTTLS required before AUTH when given certificates
    (or TLS from the first byte with ``implicit_tls``), plain with AUTH otherwise."""
    port = free_port()
    options: dict[str, Any] = {
        "authenticator": _authenticator(inbox),
        # server_hostname spares aiosmtpd a socket.getfqdn() look-up.
        "server_hostname": "relance.test",
    }
    if certificates is None:
        options["auth_require_tls"] = False
    elif implicit_tls:
        options["ssl_context"] = certificates.server_context()
        # aiosmtpd counts only STARTTLS as TLS; this connection is TLS from the start.
        options["auth_require_tls"] = False
    else:
        options["tls_context"] = certificates.server_context()
        options["require_starttls"] = True
    controller = Controller(inbox, hostname=HOST, port=port, **options)
    controller.start()
    try:
        yield SmtpServer(inbox, port)
    finally:
        controller.stop()

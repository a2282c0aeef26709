"""One window, found again: a second launch on the same journal brings the running window to the
front instead of opening another (or only saying "already open" while nothing is visible).

The running window listens on a local socket (QLocalServer: a Unix socket readable by this user
only, a named pipe on Windows) whose name is derived from the user and the journal's path. A second
launch that finds the journal locked connects, sends "show", and exits once the window answers
"ok". The one-window lock (storage/lock.py) stays the authority on who owns the journal; this is
only the doorbell."""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SHOW = b"show\n"
OK = b"ok\n"
# How long a second launch waits for the running window to answer (milliseconds).
ANSWER_MS = 3000


def server_name(journal_path: Path) -> str:
    """A name for this user's window on this journal (short: Unix socket paths are limited)."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name (rare containers): the path alone still works
        user = ""
    key = f"{user}\0{Path(journal_path).expanduser().resolve()}".encode()
    return "carejournal-" + hashlib.sha256(key).hexdigest()[:20]


def ask_running_window_to_show(name: str, wait_ms: int = ANSWER_MS) -> bool:
    """Ring the running window's doorbell. True when it answered that it is now in front."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(wait_ms):
        return False
    try:
        sock.write(SHOW)
        if not sock.waitForBytesWritten(wait_ms):
            return False
        answer = b""
        while not answer.endswith(b"\n"):
            if not sock.waitForReadyRead(wait_ms):
                return False
            answer += bytes(sock.readAll().data())
        return answer == OK
    finally:
        sock.disconnectFromServer()


class WindowDoorbell(QObject):
    """Listens for a second launch; emits `show_requested` and answers "ok"."""

    show_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        self.error = ""

    def listen(self) -> bool:
        """Start listening. The caller holds the journal's lock, so a socket left by a window that
        crashed is stale and removed first. False (with `error`) if it could not listen."""
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            self.error = self.server.errorString()
            return False
        return True

    def close(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            return
        line = bytes(sock.readLine().data())
        if line == SHOW:
            self.show_requested.emit()
            sock.write(OK)
        sock.flush()

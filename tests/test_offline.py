"""Nothing reaches the network: the suite runs with sockets disabled
(pytest-socket, see pyproject.toml), and these tests prove the guard is on and
that no module of the package imports a network client or a downloader."""

import socket
from pathlib import Path

import pytest

import repair

PACKAGE = Path(repair.__file__).parent


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_the_network_guard_is_on():
    with pytest.raises(Exception, match="[Ss]ocket"):
        socket.create_connection(("127.0.0.1", 9))


def test_no_module_imports_a_network_client():
    clients = ("urllib.request", "http.client", "requests", "httpx", "socket", "urllib3",
               "huggingface_hub", "nltk", "textstat")
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for name in clients:
            assert f"import {name}" not in source and f"from {name} " not in source, path

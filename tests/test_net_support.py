"""A local HTTP server for the network tests: 127.0.0.1 only, routes set by the test, every
request recorded, bounded in requests and time (no test ever reaches another address)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

MAX_REQUESTS = 5000  # a runaway loop in the code under test ends here


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    drip: float = 0.0  # seconds between 1 KB pieces of the body (a slow server)


Route = Answer | Callable[["Seen"], Answer]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float


class LocalServer:
    """``with LocalServer() as srv: srv.route("/feed", Answer(...)); srv.url("/feed")``."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 10  # a stuck client cannot hold a thread for long
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, 0.0)
                seen.at = time.monotonic()
                with server.lock:
                    server.seen.append(seen)
                    too_many = len(server.seen) > MAX_REQUESTS
                    route = server.routes.get(self.path)
                if too_many:
                    self.send_error(503, "test server request limit")
                    return
                if route is None:
                    answer = Answer(404, b"not here")
                elif callable(route):
                    answer = route(seen)
                else:
                    answer = route
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    headers = {"Content-Length": str(len(answer.body)), **answer.headers}
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    if answer.drip:
                        for at in range(0, len(answer.body), 1024):
                            self.wfile.write(answer.body[at : at + 1024])
                            self.wfile.flush()
                            time.sleep(answer.drip)
                    else:
                        self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, answer: Route) -> str:
        self.routes[path] = answer
        return self.url(path)

    def hits(self, path: str) -> list[Seen]:
        with self.lock:
            return [s for s in self.seen if s.path == path]

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 nobody listens on (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def html_page(title: str, body: str, extra_head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title>{extra_head}</head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()

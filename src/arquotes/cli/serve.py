"""``arquotes serve``: the web service (`arquotes.serve`, docs/view.md), run by uvicorn."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from arquotes.cli.common import EXIT_INPUT, EXIT_OK, command_parser, say
from arquotes.cli.options import add_lexicon_option, positive_int, seconds

if TYPE_CHECKING:
    from arquotes.cli.common import Commands

__all__ = ["add_command"]

_EXAMPLE = """\
examples:
  arquotes serve
  arquotes serve --host 0.0.0.0 --port 8080 --workers 2 --timeout 5
  curl -s -H 'Content-Type: text/plain' --data-binary @article.txt localhost:8000/extract
"""


def add_command(commands: Commands) -> None:
    """Add ``serve`` and its options."""
    parser = command_parser(
        commands,
        "serve",
        summary="serve extraction and the HTML view over HTTP (needs the 'serve' extra)",
        description="Serve POST /extract, POST /check, GET / (paste an article), GET /healthz"
        " and GET /openapi.json until Ctrl-C.",
        example=_EXAMPLE,
    )
    parser.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    parser.add_argument("--port", type=port, default=8000, help="default: 8000")
    parser.add_argument(
        "--timeout", type=seconds, default=10.0, metavar="SECONDS",
        help="extraction time per request, all its articles (default: 10)",
    )
    parser.add_argument(
        "--workers", type=positive_int, default=1, metavar="N",
        help="extraction processes (default: 1)",
    )
    parser.add_argument(
        "--max-bytes", type=positive_int, default=1_000_000, metavar="N",
        help="largest request body; larger gets 413 (default: 1000000)",
    )
    parser.add_argument(
        "--max-pending", type=positive_int, default=64, metavar="N",
        help="requests in progress at once; more get 503 (default: 64)",
    )
    add_lexicon_option(parser)
    parser.set_defaults(run=run)


def port(value: str) -> int:
    """A TCP port number, 1 to 65535."""
    number = positive_int(value)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"not a port (1 to 65535): {value}")
    return number


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; exit 2 when the extra is missing or the address is taken."""
    try:
        import uvicorn  # noqa: PLC0415 - an optional extra, needed by this command only

        from arquotes.serve import ServiceOptions, create_app  # noqa: PLC0415 - same
    except ImportError as exc:
        say(f"error: arquotes serve needs the 'serve' extra (starlette, uvicorn): {exc}")
        return EXIT_INPUT
    options = ServiceOptions(
        max_bytes=args.max_bytes,
        timeout=args.timeout,
        workers=args.workers,
        max_pending=args.max_pending,
        extractor=args.extractor and args.extractor.extract,
    )
    try:
        uvicorn.run(create_app(options), host=args.host, port=args.port, server_header=False,
                    timeout_graceful_shutdown=5)
    except SystemExit:  # uvicorn exits when it cannot listen, after saying why
        say(f"error: cannot serve on {args.host}:{args.port}")
        return EXIT_INPUT
    return EXIT_OK

"""Command line: ``spreader`` opens the window, ``spreader serve`` runs headless,
``spreader --self-test`` checks an installation."""

from __future__ import annotations

import argparse
import sys

from spreader_app import __version__


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="spreader",
        description="Spread WhatsApp messages across several Zentra devices.",
    )
    parser.add_argument("--version", action="version", version=f"Spreader {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation and exit (0 = all pass)"
    )
    parser.add_argument(
        "--window",
        action="store_true",
        help="with --self-test: use the real display instead of an offscreen one",
    )
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="run the engine and the local HTTP API without a window")
    serve.add_argument(
        "--tunnel",
        action="store_true",
        help="start a cloudflared quick tunnel to the webhook and log its public address",
    )
    webhook = sub.add_parser("webhook", help="the webhook that receives customers' messages")
    webhook_sub = webhook.add_subparsers(dest="webhook_command", required=True)
    webhook_sub.add_parser(
        "test", help="send a probe through the public webhook URL of the running Spreader"
    )
    sub.add_parser("desktop", help="open the desktop window (the default)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from spreader_app.selftest import run_self_test

        return run_self_test(window=args.window)
    if args.command == "serve":
        from spreader_app.headless import main as serve_main

        return serve_main(tunnel=args.tunnel)
    if args.command == "webhook":
        from spreader_app.tunnel.check import run_webhook_test

        return run_webhook_test()
    from spreader_app.desktop import main as desktop_main

    return desktop_main()


if __name__ == "__main__":
    raise SystemExit(main())

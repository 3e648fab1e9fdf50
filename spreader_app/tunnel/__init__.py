"""Makes the local webhook reachable from the internet: a ``cloudflared`` quick tunnel owned
by the app, and the self-probe that checks the whole path."""

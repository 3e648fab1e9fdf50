"""The country of the desktop's locale, for the default phone region on a first start."""

from __future__ import annotations

import ctypes
import re
import subprocess
import sys
from collections.abc import Mapping
from typing import Final

import phonenumbers

_LOCALE_REGION = re.compile(r"^[a-z]{2,3}[_-]([A-Z]{2})\b")
_LOCALE_VARS: Final = ("LC_ALL", "LC_TELEPHONE", "LC_MESSAGES", "LANG")


def _windows_locale() -> str:
    if sys.platform != "win32":
        return ""
    buffer = ctypes.create_unicode_buffer(85)
    # GetUserDefaultLocaleName gives the owner's "ar-EG"; Python's getlocale() does not.
    ctypes.windll.kernel32.GetUserDefaultLocaleName(buffer, len(buffer))
    return buffer.value


def _mac_locale() -> str:
    if sys.platform != "darwin":
        return ""
    # An app started from the Finder has no LANG; the system's choice is in its defaults.
    try:
        done = subprocess.run(
            ["defaults", "read", "-g", "AppleLocale"], capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def locale_region(env: Mapping[str, str]) -> str:
    """The region of the desktop's locale (``ar_EG.UTF-8`` → ``EG``) when phone numbers
    have one, else ``""``: the POSIX locale variables, then the Windows or macOS user
    locale. (Not
    ``locale.getlocale()``, which reports ``en_US`` for the neutral ``C.UTF-8``.)"""
    names = [env.get(var, "") for var in _LOCALE_VARS] + [_windows_locale(), _mac_locale()]
    for name in names:
        found = _LOCALE_REGION.match(name.strip())
        if found:
            region = found.group(1)
            return region if region in phonenumbers.SUPPORTED_REGIONS else ""
    return ""

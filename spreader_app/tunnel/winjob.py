"""Windows: a Job object that ends the tunnel child when the app ends, crash included.

Windows has no ``PR_SET_PDEATHSIG``. Its equivalent is a Job object created with
``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE``: every process assigned to it is ended by the system
when the last handle to the job closes, and the only handle is this process's, which the
system closes however the process ends (``TerminateProcess``, a crash, logging off).

One job per process, created on first use and never closed on purpose. The child runs for
a moment before it is assigned; ``cloudflared`` starts no processes of its own in that
moment, so nothing escapes the job.

The Win32 calls go through ``kernel32`` (a ``ctypes.WinDLL`` on Windows); it is a parameter
so that the layout of the structure and the order of the calls can be checked on any
platform.
"""

from __future__ import annotations

import ctypes
from typing import Any, Final

JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE: Final = 0x2000
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS: Final = 9

# Fixed-width fields: DWORD is 32 bits on Windows, ULONG_PTR and SIZE_T pointer-sized.
_DWORD = ctypes.c_uint32
_LARGE_INTEGER = ctypes.c_int64


class IoCounters(ctypes.Structure):
    """``IO_COUNTERS``."""

    _fields_ = [
        (name, ctypes.c_uint64)
        for name in (
            "ReadOperationCount",
            "WriteOperationCount",
            "OtherOperationCount",
            "ReadTransferCount",
            "WriteTransferCount",
            "OtherTransferCount",
        )
    ]


class BasicLimits(ctypes.Structure):
    """``JOBOBJECT_BASIC_LIMIT_INFORMATION``."""

    _fields_ = [
        ("PerProcessUserTimeLimit", _LARGE_INTEGER),
        ("PerJobUserTimeLimit", _LARGE_INTEGER),
        ("LimitFlags", _DWORD),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", _DWORD),
        ("Affinity", ctypes.c_size_t),
        ("PriorityClass", _DWORD),
        ("SchedulingClass", _DWORD),
    ]


class ExtendedLimits(ctypes.Structure):
    """``JOBOBJECT_EXTENDED_LIMIT_INFORMATION`` (144 bytes on 64-bit Windows)."""

    _fields_ = [
        ("BasicLimitInformation", BasicLimits),
        ("IoInfo", IoCounters),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


class KillOnCloseJob:
    """The process's kill-on-close job; ``adopt`` puts a child process into it."""

    def __init__(self, kernel32: Any) -> None:
        self._kernel32 = kernel32
        self._handle: int | None = None

    def adopt(self, process_handle: int) -> None:
        """Assigns the process behind ``process_handle`` to the job, creating the job first
        when needed. Raises ``OSError`` naming the call that failed and the Windows error."""
        if self._handle is None:
            self._handle = self._create()
        if not self._kernel32.AssignProcessToJobObject(self._handle, process_handle):
            raise self._error("AssignProcessToJobObject")

    def _create(self) -> int:
        handle = self._kernel32.CreateJobObjectW(None, None)
        if not handle:
            raise self._error("CreateJobObjectW")
        limits = ExtendedLimits()
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
        ok = self._kernel32.SetInformationJobObject(
            handle,
            JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
            ctypes.byref(limits),
            ctypes.sizeof(limits),
        )
        if not ok:
            error = self._error("SetInformationJobObject")
            self._kernel32.CloseHandle(handle)
            raise error
        return int(handle)

    def _error(self, call: str) -> OSError:
        code = int(self._kernel32.GetLastError())
        return OSError(
            code,
            f"Windows refused {call} (error {code}): the tunnel could not be tied to "
            "Spreader, so it was not started. Restart Spreader; if this repeats, run the "
            "tunnel yourself and use the 'own address' mode.",
        )


_JOB: KillOnCloseJob | None = None


def adopt(process_handle: int) -> None:
    """Windows only: ties the process behind ``process_handle`` to this process's life."""
    global _JOB
    if _JOB is None:
        _JOB = KillOnCloseJob(ctypes.WinDLL("kernel32", use_last_error=False))  # type: ignore[attr-defined]
    _JOB.adopt(process_handle)

"""The Windows job that ends the tunnel child with the app: its layout and its calls.

The Win32 calls cannot run here; a recording ``kernel32`` stands in for them, and the
structure is checked against the size Windows documents for 64-bit processes.
"""

from __future__ import annotations

import ctypes
import struct
from typing import Any

import pytest

from spreader_app.tunnel.winjob import (
    JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
    JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
    ExtendedLimits,
    KillOnCloseJob,
)

POINTER_64 = struct.calcsize("P") == 8


class RecordingKernel32:
    """Answers like kernel32; ``refuse`` names a call that fails with ``error``."""

    def __init__(self, refuse: str = "", error: int = 5) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.refuse = refuse
        self.error = error
        self.limit_flags: int | None = None

    def _answer(self, name: str, args: tuple[Any, ...], ok: int) -> int:
        self.calls.append((name, args))
        return 0 if name == self.refuse else ok

    def CreateJobObjectW(self, *args: Any) -> int:  # noqa: N802 - the Win32 name
        return self._answer("CreateJobObjectW", args, 0x44)

    def SetInformationJobObject(self, handle: int, cls: int, info: Any, size: int) -> int:  # noqa: N802
        limits = ctypes.cast(info, ctypes.POINTER(ExtendedLimits)).contents
        self.limit_flags = limits.BasicLimitInformation.LimitFlags
        return self._answer("SetInformationJobObject", (handle, cls, size), 1)

    def AssignProcessToJobObject(self, job: int, process: int) -> int:  # noqa: N802
        return self._answer("AssignProcessToJobObject", (job, process), 1)

    def CloseHandle(self, handle: int) -> int:  # noqa: N802
        return self._answer("CloseHandle", (handle,), 1)

    def GetLastError(self) -> int:  # noqa: N802
        return self.error


@pytest.mark.skipif(not POINTER_64, reason="the documented size is for 64-bit processes")
def test_the_limits_structure_has_the_size_windows_expects() -> None:
    # SetInformationJobObject refuses a structure of the wrong size (ERROR_BAD_LENGTH).
    assert ctypes.sizeof(ExtendedLimits) == 144


def test_children_go_into_one_kill_on_close_job() -> None:
    kernel32 = RecordingKernel32()
    job = KillOnCloseJob(kernel32)
    job.adopt(101)
    job.adopt(102)
    names = [name for name, _ in kernel32.calls]
    assert names == [
        "CreateJobObjectW",
        "SetInformationJobObject",
        "AssignProcessToJobObject",
        "AssignProcessToJobObject",
    ]
    assert kernel32.limit_flags == JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    _, (handle, cls, size) = kernel32.calls[1]
    assert (handle, cls, size) == (
        0x44,
        JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
        ctypes.sizeof(ExtendedLimits),
    )
    assert [args for name, args in kernel32.calls if name == "AssignProcessToJobObject"] == [
        (0x44, 101),
        (0x44, 102),
    ]


@pytest.mark.parametrize(
    "call", ["CreateJobObjectW", "SetInformationJobObject", "AssignProcessToJobObject"]
)
def test_a_refused_call_is_an_error_naming_it(call: str) -> None:
    kernel32 = RecordingKernel32(refuse=call, error=87)
    with pytest.raises(OSError, match=f"{call} \\(error 87\\).*own address") as raised:
        KillOnCloseJob(kernel32).adopt(101)
    assert raised.value.errno == 87
    if call == "SetInformationJobObject":
        # The half-made job is not left open.
        assert ("CloseHandle", (0x44,)) in kernel32.calls

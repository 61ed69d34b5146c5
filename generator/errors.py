"""Errors that name the file, the place in it and the reason, one line each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input: printed as ``file:place: reason``."""

    file: str
    place: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.place}" if self.place else self.file
        return f"{where}: {self.reason}"


class GeneratorError(Exception):
    """Bad input. Carries every problem found in a run, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Collector:
    """Gathers problems across a run so all of them are reported together."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, place: str, reason: str) -> None:
        self.problems.append(Problem(file, place, reason))

    def extend(self, problems) -> None:
        self.problems.extend(problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise GeneratorError(self.problems)


def os_error(exc: OSError) -> str:
    """An ``OSError`` as one line: the file, then the system's words."""
    where = exc.filename or ""
    if exc.filename2:
        where = f"{where} -> {exc.filename2}"
    reason = exc.strerror or str(exc)
    return f"{where}: {reason}" if where else reason

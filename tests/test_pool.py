"""generator/pool.py: the plain loop's results, in its order, from forked workers."""

from __future__ import annotations

import os
import threading

import pytest

from generator import pool


def square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


@pytest.fixture
def two_jobs(monkeypatch):
    monkeypatch.setenv("BRIEFING_JOBS", "2")


def test_results_in_order_from_other_processes(two_jobs):
    got = pool.ordered_map(square_and_pid, range(1000))
    assert [v for v, _ in got] == [x * x for x in range(1000)]
    # the workers did the work (how the slices fall between the two is the scheduler's)
    assert os.getpid() not in {pid for _, pid in got}


def test_the_work_is_inherited_not_pickled(two_jobs):
    seen = {"offset": 7}
    # A closure over a local dict cannot be pickled; a fork inherits it.
    assert pool.ordered_map(lambda x: x + seen["offset"], range(200)) == [x + 7 for x in range(200)]


@pytest.mark.parametrize("n", [0, 1, 63, 64, 65, 129, 1001])
def test_every_item_once_at_any_length(two_jobs, n):
    assert pool.ordered_map(lambda x: -x, range(n)) == [-x for x in range(n)]


def test_slices_cover_the_items_in_order():
    assert pool._slices(10, 4) == [(0, 3), (3, 6), (6, 8), (8, 10)]
    assert pool._slices(3, 8) == [(0, 1), (1, 2), (2, 3)]


class Refused(Exception):
    def __init__(self, item: int, why: str):  # not the signature pickle would call: cannot travel back
        super().__init__(f"item {item}: {why}")


def refuse_13(x: int) -> int:
    if x == 13:
        raise Refused(x, "thirteen is refused")
    return x


def test_a_failing_item_raises_its_own_error_here(two_jobs):
    with pytest.raises(Refused, match="item 13: thirteen is refused"):
        pool.ordered_map(refuse_13, range(300))
    assert pool._WORK is None  # and the next map starts clean


@pytest.mark.parametrize("setting", ["1", "0"])
def test_one_job_is_the_plain_loop(monkeypatch, setting):
    monkeypatch.setenv("BRIEFING_JOBS", setting)
    assert {pid for _, pid in pool.ordered_map(square_and_pid, range(500))} == {os.getpid()}


def test_few_items_stay_here(two_jobs):
    assert {pid for _, pid in pool.ordered_map(square_and_pid, range(pool.MIN_ITEMS - 1))} == {os.getpid()}


def test_never_forks_beside_other_threads(two_jobs):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert {pid for _, pid in pool.ordered_map(square_and_pid, range(500))} == {os.getpid()}
    finally:
        stop.set()
        other.join()


def test_no_nested_pools(two_jobs):
    # A worker's own map runs in the worker: no pool inside a pool.
    def inner(x: int) -> set[int]:
        return {pid for _, pid in pool.ordered_map(square_and_pid, range(100))}

    got = pool.ordered_map(inner, range(100))
    assert all(len(pids) == 1 for pids in got)

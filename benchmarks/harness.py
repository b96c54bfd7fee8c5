"""A small timing harness: alternating A/B samples over `time.perf_counter_ns`.

Each sample is one call (or `inner` calls, averaged) of a variant. The variants
alternate A, B, A, B, ... so that drift (caches, the store growing, the machine
getting busy) hits both alike. A ratio is reported as the ratio of the medians,
with the spread of the per-pair ratios (p25-p75) beside it.
"""

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


def quantile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Samples:
    """Per-call durations in nanoseconds."""

    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p25(self) -> float:
        return quantile(self.values, 0.25)

    @property
    def p75(self) -> float:
        return quantile(self.values, 0.75)


@dataclass
class Pair:
    a: Samples
    b: Samples

    @property
    def ratio(self) -> float:
        return self.a.median / self.b.median

    @property
    def ratios(self) -> list[float]:
        return [x / y for x, y in zip(self.a.values, self.b.values, strict=True)]

    @property
    def ratio_p25(self) -> float:
        return quantile(self.ratios, 0.25)

    @property
    def ratio_p75(self) -> float:
        return quantile(self.ratios, 0.75)


def sample(fn: Callable[[], object], inner: int = 1) -> float:
    """Nanoseconds per call of `fn`, over `inner` calls.

    A `fn.prepare()`, when there is one, runs first (untimed) once per call.
    """
    prepare = getattr(fn, "prepare", None)
    if prepare is not None:
        for _ in range(inner):
            prepare()
    start = time.perf_counter_ns()
    for _ in range(inner):
        fn()
    return (time.perf_counter_ns() - start) / inner


def compare(
    a: Callable[[], object],
    b: Callable[[], object],
    *,
    reps: int,
    inner: int = 1,
    warmup: int = 2,
    before: Callable[[int], None] | None = None,
) -> Pair:
    """Time `a` and `b` alternately, `reps` samples each, after `warmup` untimed rounds.

    `before(i)`, when given, runs untimed before each pair (e.g. to prepare fresh data).
    """
    for i in range(warmup):
        if before:
            before(-1 - i)
        sample(a)
        sample(b)
    gc.collect()
    pair = Pair(Samples(), Samples())
    for i in range(reps):
        if before:
            before(i)
        pair.a.values.append(sample(a, inner))
        pair.b.values.append(sample(b, inner))
    return pair


EN_DASH = "\u2013"


def _unit(ns: float) -> tuple[float, str, str]:
    if ns >= 1e9:
        return 1e9, "s", ".2f"
    if ns >= 1e6:
        return 1e6, "ms", ".2f"
    return 1e3, "µs", ".1f"


def fmt_ns(ns: float) -> str:
    scale, unit, spec = _unit(ns)
    return f"{ns / scale:{spec}} {unit}"


def fmt_samples(s: Samples) -> str:
    """`4.40 ms [4.23-4.49]` (an en dash): the median and p25-p75, in the median's unit."""
    scale, unit, spec = _unit(s.median)
    low, high = s.p25 / scale, s.p75 / scale
    return f"{s.median / scale:{spec}} {unit} [{low:{spec}}{EN_DASH}{high:{spec}}]"

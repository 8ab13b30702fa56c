"""Whole simulated seasons in one compiled loop: every draw, every tie, season after season.

The loop reads a ``SeasonProgram`` (``uefacup.simulate.program``): for each round, how its
pairs are made (a real draw kept, a real bracket, or a draw) and under which constraints, and
the exact table of P(first club goes through) for its tie rules
(``uefacup.simulate.tie_table``). A tie then costs one uniform number; a draw is the package's
procedure (``uefacup.draw.procedure._seeded_group``) on 64-bit sets of clubs:

* **Seeded draw, one group at a time.** The first ball is drawn uniformly from every club
  still in either pot and is at home first; its opponent is drawn uniformly among the clubs of
  the other pot that it may meet (``conflict``: one association where the round keeps them
  apart, forbidden pairs) and that leave the rest of the group completable. As in the
  package, completability is read off a perfect matching of the remaining clubs kept up to
  date: the host may meet c iff c is its mate or c's mate reaches the host along alternating
  steps, found by one search from the host; the matching is then rotated along the path. A
  group with no complete pairing at all is refused: the loop stops and reports the group, and
  the caller raises the package's ``DrawError`` for it (the words of ``uefacup draw``).
* **Open draw.** A uniform shuffle, paired in order; the first of a pair is at home first (or
  the nominal home side of a one-match tie).

Randomness comes from a SplitMix64 stream (``_uniform``) whose state is seeded from the
batch's ``SeedSequence`` and lives in the call, so a batch gives the same counts in any process
or thread. A pot holds at most 63 clubs (one machine word) in a round with forbidden
pairs; the program refuses more. A round whose only constraint is the association rule (or
none) takes the closed form of ``_draw_group_apart`` instead, with no such limit.

The draws and the season loop stay in this one module although it runs past 400 lines:
numba's on-disk cache keys each function on its own source file, and a caller's cached machine
code embeds its callees, so a callee moved to another module could change without the season
loop being recompiled (the reason ``uefacup.draw._probengine`` is one module too).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar, cast

import numpy as np

# imported as plain module objects: numba's decorators and intrinsics carry no usable types
numba: Any = importlib.import_module("numba")
trailing_zeros: Any = importlib.import_module("numba.cpython.unsafe.numbers").trailing_zeros

_F = TypeVar("_F", bound=Callable[..., Any])


def _jit(function: _F) -> _F:
    """Compiled once and kept in numba's on-disk cache (``__pycache__``)."""
    return cast(_F, numba.njit(cache=True, nogil=True)(function))


def _jit_inline(function: _F) -> _F:
    """Compiled into its callers (the random stream: a call per draw would cost more)."""
    return cast(_F, numba.njit(cache=True, nogil=True, inline="always")(function))


__all__ = ["MAX_POT", "draw_many", "run_seasons"]

MAX_POT = 63
"""Most clubs a pot of one draw group may hold (bit sets of one 64-bit word)."""

_DRAW, _FIXED, _BRACKET = 0, 1, 2

_GAMMA = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)


@_jit_inline
def _uniform(state: Any) -> float:
    """A uniform number in [0, 1) from SplitMix64 (Steele, Lea and Flood, "Fast splittable
    pseudorandom number generators", OOPSLA 2014; the constants of Java's SplittableRandom):
    one 64-bit add and two multiply-xorshift rounds, the top 53 bits scaled. numba's own
    generator costs about ten times as much here, and the draws and ties use ~430 a season."""
    x = state[0] + _GAMMA
    state[0] = x
    z = (x ^ (x >> _S30)) * _MIX1
    z = (z ^ (z >> _S27)) * _MIX2
    z = z ^ (z >> _S31)
    return float(z >> _S11) * (1.0 / 9007199254740992.0)


@_jit
def _nth_bit(bits: Any, k: int) -> int:
    """Position of the ``k``-th (from 0) set bit of ``bits``."""
    for _ in range(k):
        bits &= bits - 1
    return int(trailing_zeros(bits))


@_jit
def _popcount(bits: Any) -> int:
    count = 0
    while bits:
        bits &= bits - 1
        count += 1
    return count


@_jit
def _augment(i: int, adj: Any, owner: Any, mate: Any, from_row: Any, queue: Any) -> bool:
    """Breadth-first augmenting path from the unmatched seeded ``i`` (Kuhn's algorithm);
    ``owner[j]``: seeded mate of unseeded j, ``mate[i]``: unseeded mate of seeded i."""
    visited = np.int64(0)
    head = 0
    tail = 1
    queue[0] = i
    while head < tail:
        row = queue[head]
        head += 1
        new = adj[row] & ~visited
        while new:
            col = int(trailing_zeros(new))
            new &= new - 1
            visited |= np.int64(1) << col
            from_row[col] = row
            if owner[col] < 0:
                while True:  # flip the path back to i
                    r = from_row[col]
                    previous = mate[r]
                    owner[col] = r
                    mate[r] = col
                    if r == i:
                        return True
                    col = previous
            queue[tail] = owner[col]
            tail += 1
    return False


@_jit
def _draw_group(
    seeded: Any,
    unseeded: Any,
    conflict: Any,
    out_first: Any,
    out_second: Any,
    at: int,
    state: Any,
) -> int:
    """Draw one group into ``out_first/out_second[at:]``; -1 when done, else the position in
    ``seeded`` (>= 0) or ``len(seeded) + position in unseeded`` of a club with no opponent."""
    n = seeded.size
    adj_s = np.zeros(n, np.int64)
    adj_u = np.zeros(n, np.int64)
    for i in range(n):
        for j in range(n):
            if not conflict[seeded[i], unseeded[j]]:
                adj_s[i] |= np.int64(1) << j
                adj_u[j] |= np.int64(1) << i
    mates_u = np.full(n, -1, np.int64)  # unseeded j -> seeded mate
    mates_s = np.full(n, -1, np.int64)  # seeded i -> unseeded mate
    from_row = np.empty(n, np.int64)
    queue = np.empty(n + 1, np.int64)
    for i in range(n):  # greedy first, then an augmenting path where that fails
        free = adj_s[i]
        while free:
            j = int(trailing_zeros(free))
            free &= free - 1
            if mates_u[j] < 0:
                mates_u[j] = i
                mates_s[i] = j
                break
        if mates_s[i] < 0 and not _augment(i, adj_s, mates_u, mates_s, from_row, queue):
            return i
    full = (np.int64(1) << n) - 1 if n < 64 else np.int64(-1)
    left_s = full
    left_u = full
    step = np.empty(n, np.int64)
    frontier = np.empty(n, np.int64)
    for t in range(n):
        remaining = n - t
        ball = int(_uniform(state) * 2 * remaining)
        side = 0 if ball < remaining else 1
        if side == 0:
            h = _nth_bit(left_s, ball)
            own_mate, other_mate, other_adj, own_left = mates_s, mates_u, adj_u, left_s
        else:
            h = _nth_bit(left_u, ball - remaining)
            own_mate, other_mate, other_adj, own_left = mates_u, mates_s, adj_s, left_u
        reach = np.int64(1) << h
        completing = np.int64(0)
        top = 0
        frontier[0] = h
        top = 1
        while top:
            top -= 1
            y = frontier[top]
            completing |= np.int64(1) << own_mate[y]
            new = other_adj[own_mate[y]] & own_left & ~reach
            reach |= new
            while new:
                x = int(trailing_zeros(new))
                new &= new - 1
                step[x] = y
                frontier[top] = x
                top += 1
        if side == 0:
            left_s &= ~(np.int64(1) << h)
            options = adj_s[h] & completing & left_u
        else:
            left_u &= ~(np.int64(1) << h)
            options = adj_u[h] & completing & left_s
        count = _popcount(options)
        c = _nth_bit(options, int(_uniform(state) * count))
        if side == 0:
            left_u &= ~(np.int64(1) << c)
            out_first[at + t] = seeded[h]
            out_second[at + t] = unseeded[c]
        else:
            left_s &= ~(np.int64(1) << c)
            out_first[at + t] = unseeded[h]
            out_second[at + t] = seeded[c]
        x = other_mate[c]
        while x != h:
            y = step[x]
            partner = own_mate[y]
            own_mate[x] = partner
            other_mate[partner] = x
            x = y
    return -1


@_jit
def _draw_group_apart(
    seeded: Any,
    unseeded: Any,
    association: Any,
    apart: bool,
    tally: Any,
    pots: Any,
    out_first: Any,
    out_second: Any,
    at: int,
    state: Any,
) -> int:
    """``_draw_group`` when the only constraint is one association per tie (or none).

    Then completability has a closed form: the clubs left can be paired iff no association
    holds more of them than there are ties left (Hall's condition for this graph). After a
    ball of association a, an opponent keeps the group completable iff, where another
    association C holds exactly that many, the opponent is of C (C is unique: two such would
    hold every club). So the allowed opponents are found without a matching, and one is drawn
    by rejection (uniform over the allowed balls). Same return value as ``_draw_group``.
    """
    n = seeded.size
    peak = 0
    if apart:
        for i in range(n):
            tally[association[seeded[i]]] += 1
            tally[association[unseeded[i]]] += 1
        for i in range(n):
            peak = max(peak, tally[association[seeded[i]]], tally[association[unseeded[i]]])
        if peak > n:
            for i in range(n):
                tally[association[seeded[i]]] = 0
                tally[association[unseeded[i]]] = 0
            return 0
    pots[0, :n] = seeded
    pots[1, :n] = unseeded
    for t in range(n):
        left = n - t
        ball = int(_uniform(state) * 2 * left)
        side = 0 if ball < left else 1
        k = ball - side * left
        h = pots[side, k]
        pots[side, k] = pots[side, left - 1]
        other = 1 - side
        a = association[h]
        forced = -1
        if apart and peak >= left:
            for s in range(2):
                for i in range(left - (1 if s == side else 0)):
                    b = association[pots[s, i]]
                    if b != a and tally[b] == left:
                        forced = b
        tries = 0
        while True:
            k = int(_uniform(state) * left)
            c = pots[other, k]
            b = association[c]
            if not apart or (b != a and (forced < 0 or b == forced)):
                break
            tries += 1
            if tries == 64:  # rare: list the allowed balls and draw among them
                count = 0
                for i in range(left):
                    b = association[pots[other, i]]
                    if b != a and (forced < 0 or b == forced):
                        count += 1
                pick = int(_uniform(state) * count)
                for i in range(left):
                    b = association[pots[other, i]]
                    if b != a and (forced < 0 or b == forced):
                        if pick == 0:
                            k = i
                            break
                        pick -= 1
                c = pots[other, k]
                break
        pots[other, k] = pots[other, left - 1]
        if apart:
            tally[a] -= 1
            tally[association[c]] -= 1
        out_first[at + t] = h
        out_second[at + t] = c
    return -1


@_jit
def run_seasons(
    seasons: int,
    seed: int,
    start: Any,
    mode: Any,
    seeded: Any,
    apart: Any,
    plain: Any,
    association: Any,
    conflict: Any,
    group_offsets: Any,
    group_members: Any,
    pair_offsets: Any,
    pairs: Any,
    entrant_offsets: Any,
    entrants: Any,
    seed_rank: Any,
    table_of: Any,
    tables: Any,
    counts: Any,
    error: Any,
    meets: Any,
    meets_offset: int,
) -> None:
    """Add ``seasons`` seasons to ``counts`` (clubs x rounds + 1, the last column the cup).

    Round r: ``mode[r]`` is 0 (draw), 1 (fixed pairs ``pairs[pair_offsets[r]:...]`` as club
    indices, two a tie) or 2 (bracket: pairs of the previous round's tie positions). A drawn
    round is seeded (``seeded[r]``) or open; its fixed draw groups, if any, are
    ``group_members`` rows ``group_offsets[r]:group_offsets[r + 1]``, each (size, seeded...,
    unseeded...) padded; none means one group of the round's clubs split by ``seed_rank``.
    ``error`` receives (round, group, club position) of a fixed group that cannot be completed,
    or (round, clubs, club position, the round's clubs in seeding order...) of a one-group
    round; ``error[0]`` stays -1 when every draw was completed.

    ``meets`` (clubs x clubs x columns, or empty to skip): each tie of round r adds one at
    ``[lower club index, higher club index, meets_offset + r]``, so only the upper triangle is
    written (``uefacup simulate --pairs``); the default run passes an empty array and pays one
    untaken branch a tie.
    """
    state = np.array([seed], np.uint64)
    n_rounds = mode.size
    track = meets.shape[0] > 0
    clubs = np.empty(counts.shape[0], np.int64)
    order = np.empty(counts.shape[0], np.int64)
    first = np.empty(counts.shape[0], np.int64)
    second = np.empty(counts.shape[0], np.int64)
    winners = np.empty(counts.shape[0], np.int64)
    by_rank = np.full(counts.shape[0], -1, np.int64)
    tally = np.zeros(association.max() + 1, np.int64)
    pots = np.empty((2, counts.shape[0]), np.int64)
    for _ in range(seasons):
        size = start.size
        clubs[:size] = start
        n_winners = 0
        for r in range(n_rounds):
            for i in range(size):
                counts[clubs[i], r] += 1
            ties = size // 2
            if mode[r] == _FIXED:
                base = pair_offsets[r]
                for t in range(ties):
                    first[t] = pairs[base + 2 * t]
                    second[t] = pairs[base + 2 * t + 1]
            elif mode[r] == _BRACKET:
                base = pair_offsets[r]
                for t in range(ties):
                    first[t] = winners[pairs[base + 2 * t]]
                    second[t] = winners[pairs[base + 2 * t + 1]]
            elif not seeded[r]:
                for i in range(size - 1, 0, -1):  # Fisher-Yates
                    j = int(_uniform(state) * (i + 1))
                    clubs[i], clubs[j] = clubs[j], clubs[i]
                for t in range(ties):
                    first[t] = clubs[2 * t]
                    second[t] = clubs[2 * t + 1]
            elif group_offsets[r + 1] > group_offsets[r]:
                at = 0
                for g in range(group_offsets[r], group_offsets[r + 1]):
                    half = group_members[g, 0]
                    top = group_members[g, 1 : 1 + half]
                    bottom = group_members[g, 1 + half : 1 + 2 * half]
                    if plain[r]:
                        bad = _draw_group_apart(
                            top,
                            bottom,
                            association,
                            apart[r],
                            tally,
                            pots,
                            first,
                            second,
                            at,
                            state,
                        )
                    else:
                        bad = _draw_group(top, bottom, conflict[r], first, second, at, state)
                    if bad >= 0:
                        error[0], error[1], error[2] = r, g - group_offsets[r], bad
                        return
                    at += half
            else:
                for i in range(size):  # the round's clubs in seeding order (ranks are unique)
                    by_rank[seed_rank[clubs[i]]] = clubs[i]
                k = 0
                for rank in range(by_rank.size):
                    if by_rank[rank] >= 0:
                        order[k] = by_rank[rank]
                        by_rank[rank] = -1
                        k += 1
                if plain[r]:
                    bad = _draw_group_apart(
                        order[:ties], order[ties:size], association, apart[r], tally, pots,
                        first, second, 0, state,
                    )  # fmt: skip
                else:
                    bad = _draw_group(
                        order[:ties], order[ties:size], conflict[r], first, second, 0, state
                    )
                if bad >= 0:
                    error[0], error[1], error[2] = r, size, bad
                    error[3 : 3 + size] = order[:size]
                    return
            table = tables[table_of[r]]
            for t in range(ties):
                a = first[t]
                b = second[t]
                if track:
                    if a < b:
                        meets[a, b, meets_offset + r] += 1
                    else:
                        meets[b, a, meets_offset + r] += 1
                winners[t] = a if _uniform(state) < table[a, b] else b
            n_winners = ties
            if r == n_rounds - 1:
                counts[winners[0], n_rounds] += 1
                break
            size = n_winners
            clubs[:size] = winners[:size]
            for e in range(entrant_offsets[r + 1], entrant_offsets[r + 2]):
                clubs[size] = entrants[e]
                size += 1


@_jit
def draw_many(
    times: int,
    seed: int,
    clubs: Any,
    seeded: bool,
    apart: bool,
    plain: bool,
    association: Any,
    conflict: Any,
    group_members: Any,
    seed_rank: Any,
    first: Any,
    second: Any,
) -> int:
    """One round drawn ``times`` times exactly as ``run_seasons`` draws it: rows of ``first`` /
    ``second`` (times x ties). ``group_members`` as in ``run_seasons`` (no rows: one group of
    ``clubs`` split by ``seed_rank``). Returns -1, or the position of a club left without an
    opponent (the draw cannot be completed)."""
    state = np.array([seed], np.uint64)
    size = clubs.size
    ties = size // 2
    n = seed_rank.size
    tally = np.zeros(association.max() + 1, np.int64)
    pots = np.empty((2, n), np.int64)
    order = np.empty(size, np.int64)
    by_rank = np.full(n, -1, np.int64)
    work = np.empty(size, np.int64)
    for row in range(times):
        out_first = first[row]
        out_second = second[row]
        if not seeded:
            work[:] = clubs
            for i in range(size - 1, 0, -1):
                j = int(_uniform(state) * (i + 1))
                work[i], work[j] = work[j], work[i]
            for t in range(ties):
                out_first[t] = work[2 * t]
                out_second[t] = work[2 * t + 1]
            continue
        if group_members.shape[0]:
            at = 0
            for g in range(group_members.shape[0]):
                half = group_members[g, 0]
                top = group_members[g, 1 : 1 + half]
                bottom = group_members[g, 1 + half : 1 + 2 * half]
                if plain:
                    bad = _draw_group_apart(
                        top, bottom, association, apart, tally, pots, out_first, out_second,
                        at, state,
                    )  # fmt: skip
                else:
                    bad = _draw_group(top, bottom, conflict, out_first, out_second, at, state)
                if bad >= 0:
                    return bad
                at += half
            continue
        for i in range(size):
            by_rank[seed_rank[clubs[i]]] = clubs[i]
        k = 0
        for rank in range(n):
            if by_rank[rank] >= 0:
                order[k] = by_rank[rank]
                by_rank[rank] = -1
                k += 1
        if plain:
            bad = _draw_group_apart(
                order[:ties], order[ties:], association, apart, tally, pots, out_first,
                out_second, 0, state,
            )  # fmt: skip
        else:
            bad = _draw_group(order[:ties], order[ties:], conflict, out_first, out_second, 0, state)
        if bad >= 0:
            return bad
    return -1

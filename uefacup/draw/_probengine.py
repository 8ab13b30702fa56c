"""Compiled engine for ``pairing_probabilities``: the backward recursion keyed by components.

Imported only through ``uefacup.draw._fastprob``, and only when a draw needs it (numba and
numpy cost half a second to import; small draws do without them).

``probabilities._Solver`` works on bitsets of teams and canonicalises every child state from
scratch in Python (tens of microseconds a transition). This module runs the same recursion
compiled with numba (nopython mode) and makes the step from a state to its child cheap:

* The teams of a state are split by their *forbidden* graph (an edge joins two teams that may
  not meet) into connected components with at least one edge, plus the free teams of each pot
  (no forbidden opponent left; they are interchangeable). A component is named by its exact
  team sets, and the first time a component is met it is canonicalised once: twins (teams of
  one pot with the same forbidden set) become classes with counts, and ``_canon`` puts the
  class graph in canonical order (colour refinement, then individualisation-refinement over
  at most ``LEAVES`` leaves, ``_search``). Equal canonical graphs share a code number, and
  every member team gets its class label. Both tables are small (hundreds to thousands of
  components even for a 16 v 16 round of 32), so this work is nearly free.
* The key of a state is its free counts and the code numbers of its components, sorted by
  the hash of each canonical graph (then by code): equal keys are always isomorphic states (a
  weaker canonical form can only cost memo hits, never a wrong answer), and the state's
  classes are the components' classes in key order, then the two free classes. Why two
  teams are kept apart (association, group, named pair) no longer matters, only the graph.
* A transition removes one team of an unseeded class and one of a seeded class (one
  representative each; class sums do not depend on which member). Only the components that
  held the two teams change, and what is left of a component without a given team is worked
  out once and kept (``_pieces``), so a transition is a few table reads, a sort of a handful
  of codes and one probe. The parent sums expected ties per pair of its *classes*, reading
  each child's value through the child's class of one member of each parent class: the
  teams of a class other than the two drawn are twins in the child (their forbidden sets
  stay equal), so they share its class, and the member stands for the rest with their count.
* Once the memo has outgrown the caches (``AHEAD_SLOTS``), the children of an unseeded class
  are worked out ahead, all at once, when the class is first visited: their keys (and each
  team's class in them) are built and their table slots prefetched, then the records those
  slots name, then the values the records name. A transition costs a few dependent reads of
  memory (slot, record, values), and one after the other they were a quarter of the time
  (``perf`` on the machine code); side by side they overlap.
* Identical components (equal codes) are interchangeable: transitions into the second and
  later copies would reach isomorphic children, so only the first copy's are made, counted
  with the size of their orbit, and the finished matrix is averaged over the swaps of the
  copies (``_symmetrise``).
* The memo is an open-addressing hash table over the full keys (stored and compared in full).
  Dead ends (no perfect matching, Kuhn's algorithm on team bitsets) are memoised as well.
  Keys and matrices live in pools of fixed blocks that are never copied, so the peak memory
  is the data itself rather than up to three times it while an array doubles. The recursion
  runs on an explicit stack, one frame per drawn pair.
* Two threads (``THREADS``, one a usable core) run the recursion from the root together and share
  the memo; the second takes each state's seeded classes in reverse order, so the two mostly
  work out different states. A state is entered in the table, marked busy, when its work
  starts (compare-and-swap on the slot), and a thread that needs a busy state waits for it.
  That cannot deadlock: the owner of the busy state only needs states with fewer teams, and
  every busy state of the waiting thread has more. The
  component tables take a lock to grow; the key and value pools are each thread's own. Sums
  run in the same order whichever thread makes them and components are ordered by hash, not
  by the code numbers that depend on which thread met a graph first. The aim is the same result
  bit for bit with one thread or two. A test checks it on 2017/18, where it holds. On 2015/16
  it does not always hold: about one two-thread run in five differs from the one-thread result
  by 1.4e-17 (measured in the ninth session; the engine before the sums by class, b6a034f,
  showed no difference in 20 runs). The cause is not found yet.
* Two things cost more than the arithmetic and are avoided (measured with ``perf`` on the
  machine code). numba reference-counts, with atomic instructions, every array a loop may
  replace and every array taken out of a typed list: the loop lives in ``_run``, which never
  replaces an array (it returns to ``_solve`` to grow a table) and reads the pools through
  raw block addresses (``_load_f``, ``_load_i``; the atomic operations are LLVM intrinsics
  too). And a child's values are fetched from memory with ``_prefetch`` as soon as the child
  is found, before they are needed.

The kernels are plain Python over numpy arrays (correct, but slow if run uncompiled); numba
compiles them when it is installed, see ``available``, in a child process the first time
(``precompile``: the compiler's memory then stays out of the draw's peak). They stay in this
one module on purpose: numba's on-disk cache (``cache=True``) keys each function on its own
source file only, and a caller's cached machine code embeds its callees, so a kernel moved to
another module could be edited without ``_run`` being recompiled (seen while trying that
split: stale results).
"""

from __future__ import annotations

import ctypes
import importlib
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from uefacup.draw.cores import usable_cores
from uefacup.draw.teams import Constraints, Pots

_np: Any
_numba: Any
try:
    _np = importlib.import_module("numpy")
    _numba = importlib.import_module("numba")
except ImportError:  # pragma: no cover - depends on the environment
    _np = _numba = None

np: Any = _np

_F = TypeVar("_F", bound=Callable[..., Any])

MAX_TEAMS = 62
"""Largest pot the compiled engine takes (classes and units are int64 bitsets)."""


def _jit(function: _F) -> _F:
    if _numba is None:
        return function
    try:
        return cast(_F, _numba.njit(cache=True, nogil=True)(function))
    except RuntimeError:  # pragma: no cover - no writable cache directory: compile each run
        return cast(_F, _numba.njit(nogil=True)(function))


def _jit_inline(function: _F) -> _F:
    if _numba is None:
        return function
    try:
        return cast(_F, _numba.njit(cache=True, nogil=True, inline="always")(function))
    except RuntimeError:  # pragma: no cover - no writable cache directory: compile each run
        return cast(_F, _numba.njit(nogil=True, inline="always")(function))


def available() -> bool:
    """True when numpy and numba are importable, so the compiled engine can run."""
    return _numba is not None


def compiled_before() -> bool:
    """False when numba's on-disk cache holds no machine code of the engine for this source
    yet (no index, or one left by an older version of this file), so that the first call
    compiles it (about half a minute): callers can say so before the wait.

    Best effort through numba's cache object: where that does not work (another numba, no
    numba, the cache turned off), True, so that nobody is told of a wait that will not come.
    """
    try:
        return bool(_run._cache._cache_file._load_index())  # type: ignore[attr-defined]
    except Exception:  # (numba internals: any failure means "cannot tell")
        return True


def _mix_py(x: Any) -> Any:
    """splitmix64 finaliser on uint64 (wrapping arithmetic)."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


_mix = _jit_inline(_mix_py)


def _popcount_py(x: int) -> int:
    """Set bits of a non-negative int64 (SWAR)."""
    x = x - ((x >> 1) & 0x5555555555555555)
    x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333)
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0F
    return ((x * 0x0101010101010101) >> 56) & 0x7F


_popcount = _jit_inline(_popcount_py)


def _bitpos_py(low: int) -> int:
    """Position of the single set bit of ``low`` (0 <= position < 63): the bits below it.

    Branch-free (LLVM turns the count into one instruction): bit scans sit in every inner loop.
    """
    return _popcount(low - 1)


_bitpos = _jit_inline(_bitpos_py)


def _prefetch_py(address: int, index: int) -> None:
    """Ask for the cache line of the float64 ``index`` places from ``address`` (a hint)."""


def _load_f_py(address: int, index: int) -> float:
    """The float64 ``index`` places from ``address``."""
    return float(ctypes.c_double.from_address(int(address) + 8 * int(index)).value)


def _load_i_py(address: int, index: int) -> int:
    """The int64 ``index`` places from ``address``."""
    return int(ctypes.c_int64.from_address(int(address) + 8 * int(index)).value)


def _cas_py(address: int, index: int, old: int, new: int) -> int:
    """Compare-and-swap of the int64 ``index`` places from ``address``; returns what was there."""
    cell = ctypes.c_int64.from_address(int(address) + 8 * int(index))
    seen = int(cell.value)
    if seen == old:
        cell.value = int(new)
    return seen


def _store_i_py(address: int, index: int, value: int) -> None:
    """Store the int64 ``value`` ``index`` places from ``address``."""
    ctypes.c_int64.from_address(int(address) + 8 * int(index)).value = int(value)


# Reading the pools through raw addresses rather than ``typed.List[...]``: a list item is a new
# reference to an array, and its atomic reference counting took a quarter of the run time.
_prefetch: Any = _prefetch_py
_cas: Any = _cas_py
_load_acq: Any = _load_i_py
_store_rel: Any = _store_i_py
_load_f: Any = _load_f_py
_load_i: Any = _load_i_py
_COMPILED = _numba is not None and not _numba.config.DISABLE_JIT
if _COMPILED:
    _ir: Any = importlib.import_module("llvmlite.ir")
    _intrinsic: Any = importlib.import_module("numba.extending").intrinsic

    def _element(builder: Any, address: Any, index: Any, element: Any) -> Any:
        base = builder.inttoptr(address, element.as_pointer())
        return builder.gep(base, [index])

    def _prefetch_typing(typingctx: Any, address: Any, index: Any) -> Any:
        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
            i8p = _ir.IntType(8).as_pointer()
            i32 = _ir.IntType(32)
            ptr = builder.bitcast(_element(builder, args[0], args[1], _ir.DoubleType()), i8p)
            fnty = _ir.FunctionType(_ir.VoidType(), [i8p, i32, i32, i32])
            fn = builder.module.declare_intrinsic("llvm.prefetch", [i8p], fnty)
            builder.call(fn, [ptr, i32(0), i32(3), i32(1)])
            return context.get_dummy_value()

        return _numba.types.void(_numba.types.int64, _numba.types.int64), codegen

    def _load_f_typing(typingctx: Any, address: Any, index: Any) -> Any:
        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
            return builder.load(_element(builder, args[0], args[1], _ir.DoubleType()))

        return _numba.types.float64(_numba.types.int64, _numba.types.int64), codegen

    def _load_i_typing(typingctx: Any, address: Any, index: Any) -> Any:
        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
            return builder.load(_element(builder, args[0], args[1], _ir.IntType(64)))

        return _numba.types.int64(_numba.types.int64, _numba.types.int64), codegen

    def _cas_typing(typingctx: Any, address: Any, index: Any, old: Any, new: Any) -> Any:
        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
            ptr = _element(builder, args[0], args[1], _ir.IntType(64))
            pair = builder.cmpxchg(ptr, args[2], args[3], "seq_cst", "seq_cst")
            return builder.extract_value(pair, 0)

        i64 = _numba.types.int64
        return i64(i64, i64, i64, i64), codegen

    def _load_acq_typing(typingctx: Any, address: Any, index: Any) -> Any:
        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
            ptr = _element(builder, args[0], args[1], _ir.IntType(64))
            return builder.load_atomic(ptr, "acquire", 8)

        i64 = _numba.types.int64
        return i64(i64, i64), codegen

    def _store_rel_typing(typingctx: Any, address: Any, index: Any, value: Any) -> Any:
        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
            ptr = _element(builder, args[0], args[1], _ir.IntType(64))
            builder.store_atomic(args[2], ptr, "release", 8)
            return context.get_dummy_value()

        i64 = _numba.types.int64
        return _numba.types.void(i64, i64, i64), codegen

    _cas = _intrinsic(_cas_typing)
    _load_acq = _intrinsic(_load_acq_typing)
    _store_rel = _intrinsic(_store_rel_typing)
    _prefetch = _intrinsic(_prefetch_typing)
    _load_f = _intrinsic(_load_f_typing)
    _load_i = _intrinsic(_load_i_typing)


def _cells_py(colours: Any, size: int, order: Any) -> int:
    """Sort ``order[:size]`` by (colour, index); returns the number of distinct colours."""
    for x in range(size):
        order[x] = x
    for x in range(1, size):
        v = order[x]
        cv = colours[v]
        y = x - 1
        while y >= 0 and (colours[order[y]] > cv or (colours[order[y]] == cv and order[y] > v)):
            order[y + 1] = order[y]
            y -= 1
        order[y + 1] = v
    cells = 0
    for x in range(size):
        if x == 0 or colours[order[x]] != colours[order[x - 1]]:
            cells += 1
    return cells


_cells = _jit(_cells_py)


def _refine_py(
    m: int, r: int, gu: Any, gs: Any, cu: Any, cs: Any, nu_: Any, ns_: Any, ou: Any, os: Any
) -> None:
    """Three rounds of colour refinement of the class graph, then both sides sorted.

    ``gu[x]``: bitset of seeded classes forbidden to unseeded class ``x``; ``gs[y]`` the
    transpose. Colours ``cu``, ``cs`` are refined in place; ``ou``/``os`` end sorted by
    colour. A fixed number of rounds keeps the colours invariants of the graph (so the order
    stays canonical); what they fail to separate is left to individualisation.
    """
    for _ in range(3):
        for x in range(m):
            acc = np.uint64(0)
            g = gu[x]
            while g:
                low = g & -g
                g ^= low
                acc += _mix(cs[_bitpos(low)] + np.uint64(0x9E3779B97F4A7C15))
            nu_[x] = _mix(cu[x] ^ acc)
        for y in range(r):
            acc = np.uint64(0)
            g = gs[y]
            while g:
                low = g & -g
                g ^= low
                acc += _mix(cu[_bitpos(low)] + np.uint64(0x632BE59BD9B4E019))
            ns_[y] = _mix(cs[y] ^ acc)
        for x in range(m):
            cu[x] = nu_[x]
        for y in range(r):
            cs[y] = ns_[y]
    _cells(cu, m, ou)
    _cells(cs, r, os)


_refine = _jit(_refine_py)


_LEVELS = 128
_CAND = 0
_NC = _LEVELS * 64
_POS = _NC + _LEVELS
_SIDE = _POS + _LEVELS
_BOU = _SIDE + _LEVELS
_BOS = _BOU + 64
_BKEY = _BOS + 64
_KEY = _BKEY + 192
_PS = _KEY + 192
LEAVES = 64
"""Leaves of the individualisation tree explored per component; beyond, the best so far is kept
(still exact: a component may then get two codes, which only costs memo hits). Each component
is canonicalised once, so the limit is generous."""
W_SIZE = 1024 + _PS + 64
"""int64 scratch ``w`` of ``_canon``."""
H_SIZE = 1024 + _LEVELS * 128
"""uint64 scratch ``h`` of ``_canon``."""


def _search_py(
    m: int,
    r: int,
    gu: Any,
    gs: Any,
    nu_c: Any,
    ns_c: Any,
    cu: Any,
    cs: Any,
    tu: Any,
    ts: Any,
    ou: Any,
    os: Any,
    wk: Any,
    hk: Any,
) -> None:
    """Canonical order of a refined class graph: the smallest leaf of the search tree.

    Individualisation-refinement: the first tied cell (by colour, unseeded side first) is
    split by individualising each of its classes in turn, refining, and so on; every leaf (a
    discrete order) encodes the graph as (count, forbidden row) per unseeded class then the
    seeded counts, and the lexicographically smallest encoding wins, so the order depends on
    the graph only. A tied cell of isolated forbidden pairs (one unseeded and one seeded class
    that only exclude each other) holds interchangeable components and is numbered at once.
    ``nu_c``/``ns_c``: class counts; ``ou``/``os`` end in the chosen order.
    """
    level = 0
    leaves = 0
    have = False
    descend = True
    while True:
        if descend:
            side = -1
            start = 0
            while True:
                tie = -1
                for x in range(1, m):
                    if cu[ou[x]] == cu[ou[x - 1]]:
                        tie = x - 1
                        break
                if tie >= 0:
                    first = ou[tie]
                    g = gu[first]
                    if g != 0 and (g & (g - 1)) == 0 and gs[_bitpos(g)] == (1 << first):
                        colour = cu[first]
                        k = tie
                        while k < m and cu[ou[k]] == colour:
                            x = ou[k]
                            cu[x] = _mix(colour + np.uint64(k + 1))
                            y = _bitpos(gu[x])
                            cs[y] = _mix(cu[x] + np.uint64(0x5851F42D4C957F2D))
                            k += 1
                        _cells(cu, m, ou)
                        _cells(cs, r, os)
                        continue
                    side = 0
                    start = tie
                    break
                for y in range(1, r):
                    if cs[os[y]] == cs[os[y - 1]]:
                        tie = y - 1
                        break
                if tie >= 0:
                    side = 1
                    start = tie
                break
            if side < 0:
                if level == 0:
                    return  # no branching: the refined order is the canonical one
                leaves += 1
                for y in range(r):
                    wk[_PS + os[y]] = y
                for x in range(m):
                    g = gu[ou[x]]
                    row = 0
                    while g:
                        low = g & -g
                        g ^= low
                        row |= 1 << wk[_PS + _bitpos(low)]
                    wk[_KEY + 2 * x] = nu_c[ou[x]]
                    wk[_KEY + 2 * x + 1] = row
                for y in range(r):
                    wk[_KEY + 2 * m + y] = ns_c[os[y]]
                better = not have
                if have:
                    for q in range(2 * m + r):
                        if wk[_KEY + q] != wk[_BKEY + q]:
                            better = wk[_KEY + q] < wk[_BKEY + q]
                            break
                if better:
                    have = True
                    for q in range(2 * m + r):
                        wk[_BKEY + q] = wk[_KEY + q]
                    for x in range(m):
                        wk[_BOU + x] = ou[x]
                    for y in range(r):
                        wk[_BOS + y] = os[y]
                descend = False
                continue
            nc = 0
            if side == 0:
                colour = cu[ou[start]]
                k = start
                while k < m and cu[ou[k]] == colour:
                    wk[_CAND + level * 64 + nc] = ou[k]
                    nc += 1
                    k += 1
            else:
                colour = cs[os[start]]
                k = start
                while k < r and cs[os[k]] == colour:
                    wk[_CAND + level * 64 + nc] = os[k]
                    nc += 1
                    k += 1
            wk[_NC + level] = nc
            wk[_POS + level] = 0
            wk[_SIDE + level] = side
            for x in range(m):
                hk[level * 128 + x] = cu[x]
            for y in range(r):
                hk[level * 128 + 64 + y] = cs[y]
        else:
            if level == 0:
                break
            level -= 1
            p = wk[_POS + level] + 1
            if p >= wk[_NC + level] or leaves >= LEAVES:
                continue
            wk[_POS + level] = p
            for x in range(m):
                cu[x] = hk[level * 128 + x]
            for y in range(r):
                cs[y] = hk[level * 128 + 64 + y]
            descend = True
        c = wk[_CAND + level * 64 + wk[_POS + level]]
        if wk[_SIDE + level] == 0:
            cu[c] = _mix(cu[c] + np.uint64(0x2545F4914F6CDD1D))
        else:
            cs[c] = _mix(cs[c] + np.uint64(0x2545F4914F6CDD1D))
        _refine(m, r, gu, gs, cu, cs, tu, ts, ou, os)
        level += 1
    for x in range(m):
        ou[x] = wk[_BOU + x]
    for y in range(r):
        os[y] = wk[_BOS + y]


_search = _jit(_search_py)


def _canon_py(
    m: int,
    r: int,
    uc: Any,
    sc: Any,
    fb: Any,
    out_uc: Any,
    out_sc: Any,
    out_fb: Any,
    mu: Any,
    ms: Any,
    w: Any,
    h: Any,
) -> tuple[int, int, Any]:
    """A class graph in canonical order: ``m`` unseeded and ``r`` seeded classes with counts
    ``uc``/``sc``, ``fb[x]`` the bitset of seeded classes unseeded class ``x`` may not meet.

    Writes the graph in canonical order into ``out_*`` and each class's new position into
    ``mu``/``ms``; returns (m, r, hash of the canonical graph). Twins are expected to be
    merged already (``_twin_classes``). ``w`` (int64) and ``h`` (uint64) are scratch of
    ``W_SIZE`` and ``H_SIZE`` entries.
    """
    # w layout (blocks of 64): 4 gu, 5 gs, 6 ou, 7 os, 10 new position of an unseeded class,
    # 11 of a seeded class; h layout: 0 cu, 1 cs, 2 and 3 refinement scratch
    for y in range(r):
        w[320 + y] = 0
    for x in range(m):
        g = fb[x]
        w[256 + x] = g
        while g:
            low = g & -g
            g ^= low
            w[320 + _bitpos(low)] |= 1 << x
    for x in range(m):
        h[x] = _mix(np.uint64(uc[x] * 4 + 1))
    for y in range(r):
        h[64 + y] = _mix(np.uint64(sc[y] * 4 + 2))
    gu = w[256:320]
    gs = w[320:384]
    cu = h[0:64]
    cs = h[64:128]
    ou = w[384:448]
    os = w[448:512]
    _refine(m, r, gu, gs, cu, cs, h[128:192], h[192:256], ou, os)
    _search(m, r, gu, gs, uc, sc, cu, cs, h[128:192], h[192:256], ou, os, w[1024:], h[1024:])
    for x in range(m):
        w[640 + ou[x]] = x
    for y in range(r):
        w[704 + os[y]] = y
    hh = np.uint64(m * 64 + r)
    for x in range(m):
        g = ou[x]
        out_uc[x] = uc[g]
        row = 0
        gg = gu[g]
        while gg:
            low = gg & -gg
            gg ^= low
            row |= 1 << w[704 + _bitpos(low)]
        out_fb[x] = row
        hh = _mix(hh ^ np.uint64(row)) + np.uint64(uc[g])
    for y in range(r):
        out_sc[y] = sc[os[y]]
        hh = _mix(hh + np.uint64(out_sc[y]))
    for x in range(m):
        mu[x] = w[640 + x]
    for y in range(r):
        ms[y] = w[704 + y]
    return m, r, _mix(hh)


_canon = _jit(_canon_py)


_List: Any = list if _numba is None else _numba.typed.List
_SHIFT = 18
_BLOCK = 1 << _SHIFT
"""Entries per block of the key and value pools (a state needs at most 3 * 62 and 62 * 62; a
state never ends exactly at the end of a block, so an offset always names an existing block)."""
_LOW = _BLOCK - 1
_MAX_CODES = 1 << 21
"""Distinct component graphs a state key can name (three 21-bit numbers per key word)."""


def _split_py(um: int, sm: int, fu: Any, fs: Any, out_u: Any, out_s: Any, start: int) -> int:
    """Connected components (with an edge) of the forbidden graph on teams ``um``/``sm``.

    Writes their team sets from ``out_*[start]`` on; returns how many.
    """
    active = 0
    g = um
    while g:
        low = g & -g
        g ^= low
        if fu[_bitpos(low)] & sm:
            active |= low
    n = 0
    while active:
        low = active & -active
        cu = low
        cs = 0
        front = low
        while front:
            reach = 0
            g = front
            while g:
                lo = g & -g
                g ^= lo
                reach |= fu[_bitpos(lo)]
            reach &= sm & ~cs
            if reach == 0:
                break
            cs |= reach
            back = 0
            g = reach
            while g:
                lo = g & -g
                g ^= lo
                back |= fs[_bitpos(lo)]
            back &= um & ~cu
            cu |= back
            front = back
        out_u[start + n] = cu
        out_s[start + n] = cs
        n += 1
        active &= ~cu
    return n


_split = _jit(_split_py)


def _twin_side_py(members: int, others: int, adj: Any, counts: Any, cls: Any, keys: Any) -> int:
    """Group the teams ``members`` of one pot by their forbidden sets among ``others``.

    Writes each class's size in ``counts``, its forbidden set in ``keys`` and each team's class
    in ``cls``; returns the number of classes.
    """
    n = 0
    g = members
    while g:
        low = g & -g
        g ^= low
        t = _bitpos(low)
        key = adj[t] & others
        found = -1
        for x in range(n):
            if keys[x] == key:
                found = x
                break
        if found < 0:
            keys[n] = key
            counts[n] = 1
            cls[t] = n
            n += 1
        else:
            counts[found] += 1
            cls[t] = found
    return n


_twin_side = _jit(_twin_side_py)


def _twin_classes_py(
    qu: int,
    qs: int,
    fu: Any,
    fs: Any,
    uc: Any,
    sc: Any,
    fb: Any,
    cls_u: Any,
    cls_s: Any,
    rows: Any,
    cols: Any,
) -> tuple[int, int]:
    """Class graph of the component with teams ``qu``/``qs``: twins (equal forbidden sets) merged.

    Writes class counts ``uc``/``sc``, forbidden rows over seeded classes ``fb``, and each
    team's class in ``cls_u``/``cls_s``; returns the numbers of classes.
    """
    m = _twin_side(qu, qs, fu, uc, cls_u, rows)
    r = _twin_side(qs, qu, fs, sc, cls_s, cols)
    for x in range(m):
        fb[x] = 0
    g = qu
    while g:
        low = g & -g
        g ^= low
        t = _bitpos(low)
        x = cls_u[t]
        g2 = fu[t] & qs
        while g2:
            lo = g2 & -g2
            g2 ^= lo
            fb[x] |= 1 << cls_s[_bitpos(lo)]
    return m, r


_twin_classes = _jit(_twin_classes_py)


def _matchable_py(
    um: int, sm: int, fu: Any, adj: Any, owner: Any, st_u: Any, st_m: Any, chosen: Any
) -> bool:
    """Whether the teams ``um``/``sm`` can all still be paired (Kuhn's augmenting paths)."""
    nt = 0
    g = um
    while g:
        low = g & -g
        g ^= low
        adj[nt] = sm & ~fu[_bitpos(low)]
        nt += 1
    for y in range(owner.shape[0]):
        owner[y] = -1
    for x in range(nt):
        visited = 0
        st_u[0] = x
        st_m[0] = adj[x]
        top = 1
        got = False
        while top > 0:
            free = st_m[top - 1] & ~visited
            if free == 0:
                top -= 1
                continue
            low = free & -free
            y = _bitpos(low)
            visited |= low
            st_m[top - 1] = free & ~low
            chosen[top - 1] = y
            if owner[y] < 0:
                for q in range(top):
                    owner[chosen[q]] = st_u[q]
                got = True
                break
            st_u[top] = owner[y]
            st_m[top] = adj[owner[y]]
            top += 1
        if not got:
            return False
    return True


_matchable = _jit(_matchable_py)


def _symmetrise_py(
    e: Any,
    ncu: int,
    ncs: int,
    slot_u: Any,
    slot_s: Any,
    pou: Any,
    pos: Any,
    run: Any,
    size: Any,
    tmp: Any,
) -> None:
    """Average a state's class matrix over the swaps of its identical components.

    Transitions into the second and later copies of a component are skipped (they lead to
    isomorphic children) and the first copy's are counted with the orbit's size instead; the
    sum over every transition is then this average, because swapping identical components is
    a symmetry of the state. ``slot_u[x]``: component slot of unseeded class ``x`` (-1 free);
    ``run[p]``/``size[p]``: first slot and number of the identical components of slot ``p``;
    ``pou``/``pos``: first class of each slot.
    """
    for x in range(ncu):
        for y in range(ncs):
            tmp[x, y] = e[x, y]
    for x in range(ncu):
        px = slot_u[x]
        cx = 1 if px < 0 else size[px]
        for y in range(ncs):
            py = slot_s[y]
            cy = 1 if py < 0 else size[py]
            if cx == 1 and cy == 1:
                continue
            lx = 0 if px < 0 else x - pou[px]
            ly = 0 if py < 0 else y - pos[py]
            rx = -1 if px < 0 else run[px]
            ry = -1 if py < 0 else run[py]
            total = 0.0
            count = 0
            if rx >= 0 and rx == ry:
                same = px == py
                for p1 in range(rx, rx + cx):
                    for p2 in range(rx, rx + cx):
                        if (p1 == p2) == same:
                            total += tmp[pou[p1] + lx, pos[p2] + ly]
                            count += 1
            else:
                for i in range(cx):
                    xx = x if px < 0 else pou[rx + i] + lx
                    for j in range(cy):
                        yy = y if py < 0 else pos[ry + j] + ly
                        total += tmp[xx, yy]
                        count += 1
            e[x, y] = total / count


_symmetrise = _jit(_symmetrise_py)


def _grow_i_py(array: Any, size: int) -> Any:
    out = np.zeros(size, np.int64)
    out[: array.shape[0]] = array
    return out


_grow_i = _jit(_grow_i_py)


def _grow_rows_py(array: Any, rows: int) -> Any:
    out = np.full((rows, array.shape[1]), -1, np.int64)
    out[: array.shape[0]] = array
    return out


_grow_rows = _jit(_grow_rows_py)

# columns of the component table ``ent`` (one row per exact component, n = teams a pot):
# 0 unseeded team set, 1 seeded team set, 2 code, then from 3 the class label of each
# unseeded team (n columns) and of each seeded team (n), then the pieces left when that
# unseeded team (n) or seeded team (n) is removed: an offset into ``spool`` (-1 not yet known)
_E_CODE = 2
_E_LAB = 3
AHEAD_SLOTS = 1 << 19
"""State-table size (slots) from which children are worked out ahead (``_run``): about
130,000 states and more, where the memo has outgrown the caches."""
_BUSY = -3  # a state record's value while its state is being worked out
_STOP, _DONE, _LOCK, _WINNER, _STATES = 0, 1, 2, 3, 4  # cells of ``ctl``, shared by threads

THREADS = min(2, usable_cores())
"""Threads that work out one draw together, at most one a usable core (affinity and CPU quota,
see ``cores``): a thread may wait for a state the other is working out, and on a shared core
that wait would last whole time slices."""


def _lock_py(address: int) -> None:
    """Take the lock on the component tables (a spin lock on ``ctl[_LOCK]``)."""
    while _cas(address, _LOCK, 0, 1) != 0:
        pass


_lock = _jit(_lock_py)


def _count_py(address: int) -> None:
    """Add one to the states of all threads, ``ctl[_STATES]`` (a compare-and-swap loop)."""
    seen = _load_acq(address, _STATES)
    while True:
        was = _cas(address, _STATES, seen, seen + 1)
        if was == seen:
            return
        seen = was


_count = _jit(_count_py)


def _entry_py(qu: int, qs: int, fu: Any, fs: Any, n: int, tables: Any, scratch: Any) -> int:
    """The component with teams ``qu``/``qs``: its row in ``ent``, made on first sight.

    A new component is canonicalised (``_twin_classes``, ``_canon``) and gets the code of its
    canonical graph (``kd`` rows: hash, offset into ``kpool``, classes a side; ``ktab`` the hash
    table of codes) and a label for each team. ``cnt``: components, codes, used ``kpool``,
    used ``spool``. The caller keeps every table roomy enough (``_run`` returns to ``_solve`` to
    grow them), so that no array is ever replaced inside the hot loop.
    """
    ent, ctab, kd, ktab, kpool, _, cnt = tables
    sc, w, hs, _, _ = scratch
    chh = _mix(np.uint64(qu) * np.uint64(0x9E3779B97F4A7C15) ^ np.uint64(qs))
    cmask = ctab.shape[0] - 1
    slot = np.int64(chh & np.uint64(cmask))
    while ctab[slot] >= 0:
        e = ctab[slot]
        if ent[e, 0] == qu and ent[e, 1] == qs:
            return int(e)
        slot = (slot + 1) & cmask
    t_uc = sc[0]
    t_sc = sc[1]
    t_fb = sc[2]
    o_uc = sc[3]
    o_sc = sc[4]
    o_fb = sc[5]
    o_mu = sc[6]
    o_ms = sc[7]
    team_cls = sc[8]
    team_cls_s = sc[9]
    m, r = _twin_classes(qu, qs, fu, fs, t_uc, t_sc, t_fb, team_cls, team_cls_s, sc[10], sc[11])
    cm, cr, ch = _canon(m, r, t_uc, t_sc, t_fb, o_uc, o_sc, o_fb, o_mu, o_ms, w, hs)
    kmask = ktab.shape[0] - 1
    kslot = np.int64(ch & np.uint64(kmask))
    code = -1
    while ktab[kslot] >= 0:
        kk = ktab[kslot]
        if kd[kk, 0] == np.int64(ch) and kd[kk, 2] == cm and kd[kk, 3] == cr:
            off = kd[kk, 1]
            same = True
            for x in range(cm):
                if kpool[off + x] != o_uc[x] or kpool[off + cm + x] != o_fb[x]:
                    same = False
                    break
            if same:
                for y in range(cr):
                    if kpool[off + 2 * cm + y] != o_sc[y]:
                        same = False
                        break
            if same:
                code = kk
                break
        kslot = (kslot + 1) & kmask
    if code < 0:
        code = cnt[1]
        cnt[1] += 1
        if code >= _MAX_CODES:
            raise ValueError("too many distinct components for packed keys")
        need = 2 * cm + cr
        kd[code, 0] = np.int64(ch)
        kd[code, 1] = cnt[2]
        kd[code, 2] = cm
        kd[code, 3] = cr
        base = cnt[2]
        for x in range(cm):
            kpool[base + x] = o_uc[x]
            kpool[base + cm + x] = o_fb[x]
        for y in range(cr):
            kpool[base + 2 * cm + y] = o_sc[y]
        cnt[2] += need
        ktab[kslot] = code
    e = cnt[0]
    cnt[0] += 1
    ent[e, 0] = qu
    ent[e, 1] = qs
    ent[e, _E_CODE] = code
    for c in range(_E_LAB + 2 * n, _E_LAB + 4 * n):
        ent[e, c] = -1
    g = qu
    while g:
        low = g & -g
        g ^= low
        t = _bitpos(low)
        ent[e, _E_LAB + t] = o_mu[team_cls[t]]
    g = qs
    while g:
        low = g & -g
        g ^= low
        t = _bitpos(low)
        ent[e, _E_LAB + n + t] = o_ms[team_cls_s[t]]
    ctab[slot] = e
    return int(e)


_entry = _jit(_entry_py)


def _pieces_py(
    e: int, t: int, seeded: bool, fu: Any, fs: Any, n: int, tables: Any, scratch: Any
) -> int:
    """What is left of component ``e`` without team ``t``: an offset into ``spool`` holding the
    number of pieces (components with an edge) and their rows in ``ent``.

    Worked out once per (component, team) and then read from ``ent``: this replaces a flood
    fill and a hash lookup per piece on every transition.
    """
    ent, _, _, _, _, spool, cnt = tables
    _, _, _, pu, ps = scratch
    col = _E_LAB + 2 * n + (n if seeded else 0) + t
    qu = ent[e, 0]
    qs = ent[e, 1]
    if seeded:
        qs &= ~(1 << t)
    else:
        qu &= ~(1 << t)
    k = _split(qu, qs, fu, fs, pu, ps, 0)
    off = cnt[3]
    spool[off] = k
    cnt[3] += k + 1
    for i in range(k):
        spool[off + 1 + i] = _entry(pu[i], ps[i], fu, fs, n, tables, scratch)
    _store_rel(ent.ctypes.data, e * ent.shape[1] + col, off)  # after the pieces: see _run
    return int(off)


_pieces = _jit(_pieces_py)


def _record_py(
    tid: int,
    used: int,
    kblocks: Any,
    kaddr: Any,
    key: Any,
    klen: int,
    value: int,
    ctl_address: int,
) -> tuple[int, int]:
    """A new state record in thread ``tid``'s key pool: ``value`` (``_BUSY``, or -2 for a dead
    end), then the key. Returns the record (thread << 31 | offset) and the pool's new use."""
    if (used & _LOW) + klen + 1 >= _BLOCK:
        used = len(kblocks) << _SHIFT
        kblocks.append(np.empty(_BLOCK, np.int64))
        if len(kblocks) > min(kaddr.shape[1], 1 << (31 - _SHIFT)):
            raise ValueError("state pools past their block limit")
        kaddr[tid, len(kblocks) - 1] = kblocks[len(kblocks) - 1].ctypes.data
    kb = kblocks[used >> _SHIFT]
    base = used & _LOW
    for q in range(klen):
        kb[base + 1 + q] = key[q]
    kb[base] = value
    _count(ctl_address)
    return (tid << 31) | used, used + klen + 1


_record = _jit(_record_py)


def _publish_py(table: Any, address: int, hh: Any, rec: int) -> None:
    """Enter record ``rec`` under hash ``hh`` in the state table (compare-and-swap on the first
    free slot, so two threads never take the same one)."""
    mask = table.shape[0] - 1
    slot = np.int64(hh & np.uint64(mask))
    val = (np.int64(hh >> np.uint64(32)) << 32) | rec
    while True:
        if table[slot] == -1:
            if _cas(address, slot, -1, val) == -1:
                return
        else:
            slot = (slot + 1) & mask


_publish = _jit(_publish_py)


def _orbit_mult_py(d: int, b: int, pa_slot: int, f_sls: Any, f_run: Any, f_rsz: Any) -> int:
    """How many transitions the one into seeded class ``b`` stands for (0: skipped, another
    copy of an identical component makes it), see ``_symmetrise``."""
    pb_slot = f_sls[d, b]
    mult = 1
    if pb_slot >= 0 and f_rsz[d, pb_slot] > 1:
        r0 = f_run[d, pb_slot]
        if pa_slot >= 0 and f_run[d, pa_slot] == r0:
            if pb_slot != pa_slot:
                mult = f_rsz[d, pb_slot] - 1
                if pb_slot != r0 + 1:
                    mult = 0
        elif pb_slot == r0:
            mult = f_rsz[d, pb_slot]
        else:
            mult = 0
    return mult


_orbit_mult = _jit_inline(_orbit_mult_py)


def _key_py(
    nc: int, x_e: Any, x_code: Any, ent: Any, kd: Any, cum: int, csm: int, x_key: Any
) -> tuple[int, Any]:
    """The packed key of the state with teams ``cum``/``csm`` and components ``x_e[:nc]``.

    Sorts the components by the hash of their canonical graph, then by code (insertion sort),
    fills ``x_code`` and ``x_key``; returns the key's length and hash. Code numbers depend on
    which thread met a graph first; the hash does not, so a state's classes come in the same
    order on every run and its sums are rounded the same way.
    """
    for q in range(nc):
        x_code[q] = ent[x_e[q], _E_CODE]
    for q in range(1, nc):
        vc = x_code[q]
        vh = kd[vc, 0]
        ve = x_e[q]
        p = q - 1
        while p >= 0 and (kd[x_code[p], 0] > vh or (kd[x_code[p], 0] == vh and x_code[p] > vc)):
            x_code[p + 1] = x_code[p]
            x_e[p + 1] = x_e[p]
            p -= 1
        x_code[p + 1] = vc
        x_e[p + 1] = ve
    fu_count = _popcount(cum)
    fs_count = _popcount(csm)
    ncu = 0
    ncs = 0
    inu = 0
    ins = 0
    for q in range(nc):
        e = x_e[q]
        inu |= ent[e, 0]
        ins |= ent[e, 1]
        ncu += kd[x_code[q], 2]
        ncs += kd[x_code[q], 3]
    fu_count -= _popcount(inu)
    fs_count -= _popcount(ins)
    if fu_count > 0:
        ncu += 1
    if fs_count > 0:
        ncs += 1
    # packed key: a header word, then three 21-bit code numbers a word
    x_key[0] = ncu | (ncs << 8) | (fu_count << 16) | (fs_count << 24) | (nc << 32)
    klen = 1 + (nc + 2) // 3
    for q in range(1, klen):
        x_key[q] = 0
    for q in range(nc):
        x_key[1 + q // 3] |= x_code[q] << (21 * (q % 3))
    hh = np.uint64(0x9E3779B97F4A7C15)
    for q in range(klen):
        hh = _mix(hh ^ np.uint64(x_key[q]))
    return klen, hh


_key = _jit_inline(_key_py)


def _labels_py(
    nc: int,
    x_e: Any,
    x_code: Any,
    ent: Any,
    kd: Any,
    n: int,
    cum: int,
    csm: int,
    header: int,
    f_xclu: Any,
    f_xcls: Any,
    xd: int,
    xb: int,
) -> None:
    """Each team's class in the child with components ``x_e[:nc]`` (codes ``x_code``, key
    header ``header``): the components' classes in key order, then the free class of each
    side, into ``f_xclu[xd, xb]`` and ``f_xcls[xd, xb]``."""
    ncu = header & 0xFF
    ncs = (header >> 8) & 0xFF
    ou = 0
    os_ = 0
    inu = 0
    ins = 0
    for q in range(nc):
        e = x_e[q]
        g = ent[e, 0]
        inu |= g
        while g:
            low = g & -g
            g ^= low
            t = _bitpos(low)
            f_xclu[xd, xb, t] = ou + ent[e, _E_LAB + t]
        g = ent[e, 1]
        ins |= g
        while g:
            low = g & -g
            g ^= low
            t = _bitpos(low)
            f_xcls[xd, xb, t] = os_ + ent[e, _E_LAB + n + t]
        ou += kd[x_code[q], 2]
        os_ += kd[x_code[q], 3]
    g = cum & ~inu
    while g:
        low = g & -g
        g ^= low
        f_xclu[xd, xb, _bitpos(low)] = ncu - 1
    g = csm & ~ins
    while g:
        low = g & -g
        g ^= low
        f_xcls[xd, xb, _bitpos(low)] = ncs - 1


_labels = _jit_inline(_labels_py)


def _run_py(
    tid: int,
    ctl: Any,
    st: Any,
    fu: Any,
    fs: Any,
    n: int,
    tables: Any,
    canon: Any,
    pools: Any,
    frames: Any,
    scratch: Any,
) -> int:
    """The backward recursion on an explicit stack, until done (0) or a table is nearly full (1).

    ``st`` carries the loop's scalars between calls: depth, whether the root is being built,
    states, used key and value pools, transitions, and the root's teams and components. When a
    table could overflow in the next step the loop stops and ``_solve`` grows it; arrays are
    never replaced inside this function, because numba then reference-counts every array that
    could have been replaced on every pass of the loop (measured: a quarter of the run time).
    """
    (
        f_um,
        f_sm,
        f_nc,
        f_ce,
        f_ncu,
        f_ncs,
        f_tu,
        f_ts,
        f_ntu,
        f_clu,
        f_cls,
        f_tslu,
        f_tsls,
        f_szu,
        f_szs,
        f_repu,
        f_reps,
        f_a,
        f_b,
        f_rec,
        f_hash,
        f_key,
        f_klen,
        col_c,
        f_e,
        f_child,
        f_xclu,
        f_xcls,
        col_m,
        f_pou,
        f_pos,
        f_slu,
        f_sls,
        f_run,
        f_rsz,
        f_sym,
        f_mult,
        sym_tmp,
        f_prep,
        f_pnc,
        f_pe,
        f_pkey,
        f_phash,
        f_rep2u,
        f_rep2s,
        f_prec,
    ) = frames
    (
        x_e,
        x_code,
        x_key,
        adj,
        owner,
        st_u,
        st_m,
        chosen,
    ) = scratch
    ent, ctab, kd, ktab, kpool, spool, cnt = tables
    table, kblocks, kaddr, vblocks, vaddr = pools
    taddr = table.ctypes.data
    caddr = ctl.ctypes.data
    eaddr = ent.ctypes.data
    ecols = ent.shape[1]
    d = st[0]
    building_root = st[1] == 1
    n_states = st[2]
    n_keys = st[3]
    n_vals = st[4]
    transitions = st[5]
    cum = st[6]
    csm = st[7]
    nc = st[8]
    depth = f_um.shape[0]
    mask = table.shape[0] - 1
    step = 2 * n + 4  # components and codes one step can add, at most
    # (two threads share the tables: each may add one step after the other asks to stop)
    lim_ent = min(ent.shape[0], ctab.shape[0] // 2) - 2 * step
    lim_codes = min(kd.shape[0], ktab.shape[0] // 2) - 2 * step
    lim_kpool = kpool.shape[0] - 2 * step * 3 * n
    lim_spool = spool.shape[0] - 4 * step
    lim_states = table.shape[0] // 2 - 8  # (for all threads together, see _count)
    # children ahead only once the memo is large: while the tables fit in the caches there
    # is no wait to hide, and the passes cost more than they save (measured)
    ahead = table.shape[0] >= AHEAD_SLOTS
    u = 0
    s = 0
    b = 0
    hh = np.uint64(0)
    klen = 0
    if building_root and nc < 0:
        # the root's components (both threads; the tables are locked)
        _, _, _, pu, ps = canon
        _lock(caddr)
        nc = _split(cum, csm, fu, fs, pu, ps, 0)
        for q in range(nc):
            x_e[q] = _entry(pu[q], ps[q], fu, fs, n, tables, canon)
        _store_rel(caddr, _LOCK, 0)
    while True:
        if _load_acq(caddr, _DONE) != 0:
            st[5] = transitions
            return 0
        if (
            _load_acq(caddr, _STOP) != 0
            or cnt[0] > lim_ent
            or cnt[1] > lim_codes
            or cnt[2] > lim_kpool
            or cnt[3] > lim_spool
            or _load_acq(caddr, _STATES) > lim_states
        ):
            st[0] = d
            st[1] = 1 if building_root else 0
            st[2] = n_states
            st[3] = n_keys
            st[4] = n_vals
            st[5] = transitions
            _store_rel(caddr, _STOP, 1)
            return 1
        # ---------------------------------------------------------------
        # (A) a child state (cum, csm) whose components are ``x_e[:nc]``: build its key and
        #     look it up; on a miss check completability and push a frame.
        # ---------------------------------------------------------------
        if building_root or f_a[d] < f_ncu[d]:
            if not building_root:
                a = f_a[d]
                if f_b[d] >= f_ncs[d]:
                    # all seeded classes resolved for unseeded class a: add up
                    total = 0
                    for j in range(f_ncs[d]):
                        if f_child[d, j] >= 0:
                            total += f_szs[d, j] * f_mult[d, j]
                    mm = f_ntu[d]
                    pa_slot = f_slu[d, a]
                    mult_a = 1 if pa_slot < 0 else f_rsz[d, pa_slot]
                    ncu = f_ncu[d]
                    ncs = f_ncs[d]
                    for j in range(ncs):
                        cid = f_child[d, j]
                        if cid < 0:
                            continue
                        weight = f_szu[d, a] * f_szs[d, j] * mult_a * f_mult[d, j] / (mm * total)
                        f_e[d, a, j] += weight
                        rt = cid >> 31
                        ka = kaddr[rt, (cid & 0x7FFFFFFF) >> _SHIFT]
                        ko = cid & _LOW
                        vo = _load_i(ka, ko)
                        if vo < 0:
                            continue  # the empty state: nothing left to spread
                        xns = (_load_i(ka, ko + 1) >> 8) & 0xFF
                        va = vaddr[rt, vo >> _SHIFT]
                        vo &= _LOW
                        # by class of the parent: the teams of a class other than the two
                        # drawn are twins in the child, so they share its class; a member
                        # of each stands for the rest, weighted by how many are left
                        for y in range(ncs):
                            ty = f_reps[d, y] if y != j else f_rep2s[d, y]
                            col_c[y] = f_xcls[d, j, ty] if ty >= 0 else 0
                            col_m[y] = f_szs[d, y] - (1 if y == j else 0)
                        for ci in range(ncu):
                            t = f_repu[d, ci] if ci != a else f_rep2u[d, ci]
                            if t < 0:
                                continue
                            wc = weight * (f_szu[d, ci] - (1 if ci == a else 0))
                            row = vo + f_xclu[d, j, t] * xns
                            for y in range(ncs):
                                f_e[d, ci, y] += wc * col_m[y] * _load_f(va, row + col_c[y])
                    f_a[d] += 1
                    f_b[d] = 0
                    continue
                # the second thread takes the seeded classes backwards, so that the two
                # mostly work out different states and share what they finish; the sums
                # below run in one order whatever the order of the visits, so results do
                # not depend on which thread worked out a state
                b = f_b[d] if tid == 0 else f_ncs[d] - 1 - f_b[d]
                # one transition per orbit of identical components (see _symmetrise)
                pa_slot = f_slu[d, a]
                if pa_slot >= 0 and f_run[d, pa_slot] != pa_slot:
                    f_a[d] += 1
                    f_b[d] = 0
                    continue
                u = f_repu[d, a]
                if f_prep[d] != a and not ahead:
                    f_prep[d] = a
                    for bi in range(f_ncs[d]):
                        f_pnc[d, bi] = -1
                elif f_prep[d] != a:
                    # first visit of class a: work out the keys of all its children first
                    # and ask for their table slots, then for the records those slots
                    # name, so that the memory reads of the children overlap instead of
                    # coming one after the other (a child whose pieces are not known yet
                    # is left to the step itself)
                    f_prep[d] = a
                    for bi in range(f_ncs[d]):
                        bb = bi if tid == 0 else f_ncs[d] - 1 - bi
                        f_pnc[d, bb] = -1
                        s = f_reps[d, bb]
                        if (fu[u] >> s) & 1 or _orbit_mult(
                            d, bb, pa_slot, f_sls, f_run, f_rsz
                        ) == 0:
                            continue
                        qa = f_tslu[d, u]
                        qb = f_tsls[d, s]
                        nc = 0
                        for q in range(f_nc[d]):
                            if q != qa and q != qb:
                                x_e[nc] = f_ce[d, q]
                                nc += 1
                        known = True
                        if qa >= 0:
                            off = ent[f_ce[d, qa], _E_LAB + 2 * n + u]
                            if off < 0:
                                continue
                            for i in range(spool[off]):
                                ep = spool[off + 1 + i]
                                if qb == qa and (ent[ep, 1] >> s) & 1:
                                    off2 = ent[ep, _E_LAB + 3 * n + s]
                                    if off2 < 0:
                                        known = False
                                        break
                                    for i2 in range(spool[off2]):
                                        x_e[nc] = spool[off2 + 1 + i2]
                                        nc += 1
                                else:
                                    x_e[nc] = ep
                                    nc += 1
                        if known and qb >= 0 and qb != qa:
                            off = ent[f_ce[d, qb], _E_LAB + 3 * n + s]
                            if off < 0:
                                continue
                            for i in range(spool[off]):
                                x_e[nc] = spool[off + 1 + i]
                                nc += 1
                        if not known:
                            continue
                        klen, hh = _key(
                            nc,
                            x_e,
                            x_code,
                            ent,
                            kd,
                            f_um[d] & ~(1 << u),
                            f_sm[d] & ~(1 << s),
                            x_key,
                        )
                        for q in range(nc):
                            f_pe[d, bb, q] = x_e[q]
                        for q in range(klen):
                            f_pkey[d, bb, q] = x_key[q]
                        f_phash[d, bb] = hh
                        f_pnc[d, bb] = nc
                        _prefetch(taddr, np.int64(hh & np.uint64(mask)))
                        _labels(
                            nc,
                            x_e,
                            x_code,
                            ent,
                            kd,
                            n,
                            f_um[d] & ~(1 << u),
                            f_sm[d] & ~(1 << s),
                            x_key[0],
                            f_xclu,
                            f_xcls,
                            d,
                            bb,
                        )
                    for bi in range(f_ncs[d]):
                        bb = bi if tid == 0 else f_ncs[d] - 1 - bi
                        f_prec[d, bb] = -1
                        if f_pnc[d, bb] < 0:
                            continue
                        hh = f_phash[d, bb]
                        seen = table[np.int64(hh & np.uint64(mask))]
                        if seen != -1 and (seen >> 32) & 0xFFFFFFFF == np.int64(
                            hh >> np.uint64(32)
                        ):
                            rec = seen & 0xFFFFFFFF
                            f_prec[d, bb] = rec
                            _prefetch(kaddr[rec >> 31, (rec & 0x7FFFFFFF) >> _SHIFT], rec & _LOW)
                    # and the values those records name (a hint: the step checks the key)
                    for bi in range(f_ncs[d]):
                        bb = bi if tid == 0 else f_ncs[d] - 1 - bi
                        rec = f_prec[d, bb]
                        if rec < 0:
                            continue
                        ka = kaddr[rec >> 31, (rec & 0x7FFFFFFF) >> _SHIFT]
                        ko = rec & _LOW
                        vo = _load_acq(ka, ko)
                        if vo >= 0:
                            va = vaddr[rec >> 31, vo >> _SHIFT]
                            vo &= _LOW
                            hw = _load_i(ka, ko + 1)
                            for p in range(vo, vo + (hw & 0xFF) * ((hw >> 8) & 0xFF), 8):
                                _prefetch(va, p)
                mult = _orbit_mult(d, b, pa_slot, f_sls, f_run, f_rsz)
                f_mult[d, b] = mult
                s = f_reps[d, b]
                if mult == 0 or (fu[u] >> s) & 1:
                    f_child[d, b] = -1
                    f_b[d] += 1
                    continue
                transitions += 1
                cum = f_um[d] & ~(1 << u)
                csm = f_sm[d] & ~(1 << s)
                nc = f_pnc[d, b]
                if nc < 0:
                    # components: the untouched ones stay, the touched ones become their pieces
                    qa = f_tslu[d, u]
                    qb = f_tsls[d, s]
                    nc = 0
                    for q in range(f_nc[d]):
                        if q != qa and q != qb:
                            x_e[nc] = f_ce[d, q]
                            nc += 1
                    if qa >= 0:
                        ea = f_ce[d, qa]
                        off = ent[ea, _E_LAB + 2 * n + u]
                        if off < 0:
                            _lock(caddr)
                            off = _load_acq(eaddr, ea * ecols + _E_LAB + 2 * n + u)
                            if off < 0:
                                off = _pieces(ea, u, False, fu, fs, n, tables, canon)
                            _store_rel(caddr, _LOCK, 0)
                        for i in range(spool[off]):
                            ep = spool[off + 1 + i]
                            if qb == qa and (ent[ep, 1] >> s) & 1:
                                off2 = ent[ep, _E_LAB + 3 * n + s]
                                if off2 < 0:
                                    _lock(caddr)
                                    off2 = _load_acq(eaddr, ep * ecols + _E_LAB + 3 * n + s)
                                    if off2 < 0:
                                        off2 = _pieces(ep, s, True, fu, fs, n, tables, canon)
                                    _store_rel(caddr, _LOCK, 0)
                                for i2 in range(spool[off2]):
                                    x_e[nc] = spool[off2 + 1 + i2]
                                    nc += 1
                            else:
                                x_e[nc] = ep
                                nc += 1
                    if qb >= 0 and qb != qa:
                        eb = f_ce[d, qb]
                        off = ent[eb, _E_LAB + 3 * n + s]
                        if off < 0:
                            _lock(caddr)
                            off = _load_acq(eaddr, eb * ecols + _E_LAB + 3 * n + s)
                            if off < 0:
                                off = _pieces(eb, s, True, fu, fs, n, tables, canon)
                            _store_rel(caddr, _LOCK, 0)
                        for i in range(spool[off]):
                            x_e[nc] = spool[off + 1 + i]
                            nc += 1
            prepared = not building_root and f_pnc[d, b] >= 0
            if prepared:
                klen = 1 + (nc + 2) // 3
                for q in range(nc):
                    x_e[q] = f_pe[d, b, q]
                for q in range(klen):
                    x_key[q] = f_pkey[d, b, q]
                hh = f_phash[d, b]
            else:
                klen, hh = _key(nc, x_e, x_code, ent, kd, cum, csm, x_key)
            ncu = x_key[0] & 0xFF
            ncs = (x_key[0] >> 8) & 0xFF
            fu_count = (x_key[0] >> 16) & 0xFF
            fs_count = (x_key[0] >> 24) & 0xFF
            # state lookup
            slot = np.int64(hh & np.uint64(mask))
            tag = np.int64(hh >> np.uint64(32))
            found = -1
            found_dead = False
            busy = False
            while table[slot] != -1:
                if (table[slot] >> 32) & 0xFFFFFFFF == tag:
                    rec = table[slot] & 0xFFFFFFFF
                    ka = kaddr[rec >> 31, (rec & 0x7FFFFFFF) >> _SHIFT]
                    ko = rec & _LOW
                    same = True
                    for q in range(klen):
                        if _load_i(ka, ko + 1 + q) != x_key[q]:
                            same = False
                            break
                    if same:
                        found = rec
                        # a state the other thread is still working out: wait for it (it
                        # cannot be waiting on this thread: it is not below any of our states)
                        v0 = _load_acq(ka, ko)
                        while v0 == _BUSY:
                            if _load_acq(caddr, _STOP) != 0 or _load_acq(caddr, _DONE) != 0:
                                break
                            v0 = _load_acq(ka, ko)
                        if v0 == _BUSY:
                            busy = True  # stopping: this step is made again on resuming
                            break
                        found_dead = v0 == -2
                        break
                slot = (slot + 1) & mask
            if busy:
                continue
            if found_dead:
                f_child[d, b] = -1
                f_b[d] += 1
                continue
            # each team's class in the child (the root's go to the last frame, which never
            # has children); a child worked out ahead has them already
            xb = b if not building_root else 0
            xd = d if not building_root else depth - 1
            if not prepared:
                _labels(nc, x_e, x_code, ent, kd, n, cum, csm, x_key[0], f_xclu, f_xcls, xd, xb)
            if found >= 0:
                f_child[d, b] = found
                f_b[d] += 1
                vo = _load_i(ka, ko)
                if vo >= 0:
                    va = vaddr[found >> 31, vo >> _SHIFT]
                    vo &= _LOW
                    for p in range(vo, vo + (x_key[0] & 0xFF) * ((x_key[0] >> 8) & 0xFF), 8):
                        _prefetch(va, p)
                continue
            if prepared:
                for q in range(nc):
                    x_code[q] = ent[x_e[q], _E_CODE]
            # new state: completable? (Kuhn on team bitsets)
            ok = True
            if not building_root:
                ok = _matchable(cum, csm, fu, adj, owner, st_u, st_m, chosen)
            if ok:
                # push the frame
                dd = 0 if building_root else d + 1
                ou = 0
                os_ = 0
                for q in range(nc):
                    e = x_e[q]
                    f_ce[dd, q] = e
                    f_pou[dd, q] = ou
                    f_pos[dd, q] = os_
                    mq = kd[x_code[q], 2]
                    rq = kd[x_code[q], 3]
                    for x in range(mq):
                        f_slu[dd, ou + x] = q
                    for y in range(rq):
                        f_sls[dd, os_ + y] = q
                    ou += mq
                    os_ += rq
                if fu_count > 0:
                    f_slu[dd, ncu - 1] = -1
                if fs_count > 0:
                    f_sls[dd, ncs - 1] = -1
                f_um[dd] = cum
                f_sm[dd] = csm
                f_nc[dd] = nc
                f_ncu[dd] = ncu
                f_ncs[dd] = ncs
                sym = False
                for q in range(nc):
                    if q > 0 and x_code[q] == x_code[q - 1]:
                        f_run[dd, q] = f_run[dd, q - 1]
                        sym = True
                    else:
                        f_run[dd, q] = q
                for q in range(nc):
                    f_rsz[dd, q] = 0
                for q in range(nc):
                    f_rsz[dd, f_run[dd, q]] += 1
                for q in range(nc):
                    f_rsz[dd, q] = f_rsz[dd, f_run[dd, q]]
                f_sym[dd] = sym
                for q in range(ncu):
                    f_szu[dd, q] = 0
                    f_repu[dd, q] = -1
                    f_rep2u[dd, q] = -1
                for q in range(ncs):
                    f_szs[dd, q] = 0
                    f_reps[dd, q] = -1
                    f_rep2s[dd, q] = -1
                nt = 0
                g = cum
                while g:
                    low = g & -g
                    g ^= low
                    t = _bitpos(low)
                    cc = f_xclu[xd, xb, t]
                    f_clu[dd, t] = cc
                    f_tslu[dd, t] = -1 if cc == ncu - 1 and fu_count > 0 else f_slu[dd, cc]
                    f_szu[dd, cc] += 1
                    if f_repu[dd, cc] < 0:
                        f_repu[dd, cc] = t
                    elif f_rep2u[dd, cc] < 0:
                        f_rep2u[dd, cc] = t
                    f_tu[dd, nt] = t
                    nt += 1
                f_ntu[dd] = nt
                nt = 0
                g = csm
                while g:
                    low = g & -g
                    g ^= low
                    t = _bitpos(low)
                    cc = f_xcls[xd, xb, t]
                    f_cls[dd, t] = cc
                    f_tsls[dd, t] = -1 if cc == ncs - 1 and fs_count > 0 else f_sls[dd, cc]
                    f_szs[dd, cc] += 1
                    if f_reps[dd, cc] < 0:
                        f_reps[dd, cc] = t
                    elif f_rep2s[dd, cc] < 0:
                        f_rep2s[dd, cc] = t
                    f_ts[dd, nt] = t
                    nt += 1
                for i in range(ncu):
                    for j in range(ncs):
                        f_e[dd, i, j] = 0.0
                f_a[dd] = 0
                f_b[dd] = 0
                f_prep[dd] = -1
                f_hash[dd] = hh
                f_klen[dd] = klen
                for q in range(klen):
                    f_key[dd, q] = x_key[q]
                # the state's record now, marked busy until its values are in, so that the
                # other thread waits for it rather than working it out a second time
                rec, n_keys = _record(tid, n_keys, kblocks, kaddr, x_key, klen, _BUSY, caddr)
                n_states += 1
                f_rec[dd] = rec
                if not building_root:
                    _publish(table, taddr, hh, rec)
                d = dd
                building_root = False
                continue  # (the empty state has no classes: it finishes at once)
            # dead end: memoise without a value
            dead = True
        else:
            dead = False
        # ---------------------------------------------------------------
        # (B) memoise: a finished frame d, or a dead child (key in x_key)
        # ---------------------------------------------------------------
        if dead:
            rec, n_keys = _record(tid, n_keys, kblocks, kaddr, x_key, klen, -2, caddr)
            n_states += 1
            _publish(table, taddr, hh, rec)
            bm = f_b[d] if tid == 0 else f_ncs[d] - 1 - f_b[d]
            f_child[d, bm] = -1
            f_b[d] += 1
            continue
        ncu = f_ncu[d]
        ncs = f_ncs[d]
        if f_sym[d]:
            _symmetrise(
                f_e[d],
                ncu,
                ncs,
                f_slu[d],
                f_sls[d],
                f_pou[d],
                f_pos[d],
                f_run[d],
                f_rsz[d],
                sym_tmp,
            )
        ncu = f_ncu[d]
        ncs = f_ncs[d]
        value = -1
        if ncu * ncs > 0:
            if (n_vals & _LOW) + ncu * ncs >= _BLOCK:
                n_vals = len(vblocks) << _SHIFT
                vblocks.append(np.empty(_BLOCK, np.float64))
                if len(vblocks) > vaddr.shape[1]:
                    raise ValueError("state pools past their block limit")
                vaddr[tid, len(vblocks) - 1] = vblocks[len(vblocks) - 1].ctypes.data
            value = n_vals
            vb = vblocks[n_vals >> _SHIFT]
            base = n_vals & _LOW
            for i in range(ncu):
                for j in range(ncs):
                    vb[base] = f_e[d, i, j] / (f_szu[d, i] * f_szs[d, j])
                    base += 1
            n_vals += ncu * ncs
        rec = f_rec[d]
        _store_rel(kaddr[tid, (rec & 0x7FFFFFFF) >> _SHIFT], rec & _LOW, value)
        if d == 0:
            st[0] = 0
            st[2] = n_states
            st[5] = transitions
            _store_rel(caddr, _WINNER, tid)
            _store_rel(caddr, _DONE, 1)
            return 0
        d -= 1
        bm = f_b[d] if tid == 0 else f_ncs[d] - 1 - f_b[d]
        f_child[d, bm] = rec
        f_b[d] += 1
    return 0


_run = _jit(_run_py)


def _tables(nu0: int, ns0: int) -> tuple[Any, Any, Any]:
    """The shared tables (components, codes, pieces), canonicalisation scratch, state table.

    Plain Python: every compiled function carries its own copy of the code it calls, and
    the canonicalisation (called from ``_run``) is large.
    """
    n = max(nu0, ns0)
    # --- components, codes, pieces (see _entry, _pieces)
    ent = np.full((1 << 10, _E_LAB + 4 * n), -1, np.int64)
    ctab = np.full(1 << 12, -1, np.int64)
    kd = np.zeros((1 << 8, 4), np.int64)
    ktab = np.full(1 << 10, -1, np.int64)
    kpool = np.zeros(1 << 12, np.int64)
    spool = np.zeros(1 << 14, np.int64)
    cnt = np.zeros(4, np.int64)
    sc = np.zeros((12, 64), np.int64)
    w = np.zeros(W_SIZE, np.int64)
    hs = np.zeros(H_SIZE, np.uint64)
    pu = np.zeros(64, np.int64)
    ps = np.zeros(64, np.int64)
    # --- states memo
    # a state is a record in a thread's key pool: [matrix offset (-1 none, -2 dead end, _BUSY
    # while it is worked out), header (classes a side, free teams a side, components; see the
    # packed key in _run), codes three to a word]; a slot of the table holds the top 32 bits
    # of the key's hash and the record (thread << 31 | offset) in one word, -1 when empty: a
    # small table misses the cache less
    table = np.full(1 << 12, -1, np.int64)
    tables = (ent, ctab, kd, ktab, kpool, spool, cnt)
    canon = (sc, w, hs, pu, ps)
    return tables, canon, table


_FRAMES = (
    "f_um",
    "f_sm",
    "f_nc",
    "f_ce",
    "f_ncu",
    "f_ncs",
    "f_tu",
    "f_ts",
    "f_ntu",
    "f_clu",
    "f_cls",
    "f_tslu",
    "f_tsls",
    "f_szu",
    "f_szs",
    "f_repu",
    "f_reps",
    "f_a",
    "f_b",
    "f_rec",
    "f_hash",
    "f_key",
    "f_klen",
    "col_c",
    "f_e",
    "f_child",
    "f_xclu",
    "f_xcls",
    "col_m",
    "f_pou",
    "f_pos",
    "f_slu",
    "f_sls",
    "f_run",
    "f_rsz",
    "f_sym",
    "f_mult",
    "sym_tmp",
    "f_prep",
    "f_pnc",
    "f_pe",
    "f_pkey",
    "f_phash",
    "f_rep2u",
    "f_rep2s",
    "f_prec",
)
"""The arrays of a thread's frames, in the order ``_frames`` makes and ``_run`` takes them."""


def _frames_py(nu0: int, ns0: int) -> tuple[Any, Any]:
    """One thread's stack of frames and scratch."""
    n = max(nu0, ns0)
    depth = nu0 + 2
    width = n + 1  # frame rows sized to the pots: they stay in cache
    # --- frames, one per drawn pair
    f_um = np.zeros(depth, np.int64)
    f_sm = np.zeros(depth, np.int64)
    f_nc = np.zeros(depth, np.int64)
    f_ce = np.zeros((depth, width), np.int64)  # component rows, in key order
    f_ncu = np.zeros(depth, np.int64)  # classes a side (components' in order, then free)
    f_ncs = np.zeros(depth, np.int64)
    f_tu = np.zeros((depth, width), np.int64)  # the teams still in the draw
    f_ts = np.zeros((depth, width), np.int64)
    f_ntu = np.zeros(depth, np.int64)
    f_clu = np.zeros((depth, width), np.int64)  # class of each team
    f_cls = np.zeros((depth, width), np.int64)
    f_tslu = np.zeros((depth, width), np.int64)  # component slot of each team, -1 free
    f_tsls = np.zeros((depth, width), np.int64)
    f_szu = np.zeros((depth, width), np.int64)
    f_szs = np.zeros((depth, width), np.int64)
    f_repu = np.zeros((depth, width), np.int64)
    f_reps = np.zeros((depth, width), np.int64)
    f_a = np.zeros(depth, np.int64)
    f_b = np.zeros(depth, np.int64)
    f_rec = np.zeros(depth, np.int64)  # each frame's state record
    f_hash = np.zeros(depth, np.uint64)
    f_key = np.zeros((depth, width + 5), np.int64)
    f_klen = np.zeros(depth, np.int64)
    col_c = np.zeros(width, np.int64)  # per child: the child's class of each seeded class
    f_e = np.zeros((depth, width, width), np.float64)  # expected ties of each pair of classes
    f_child = np.zeros((depth, width), np.int64)
    f_xclu = np.zeros((depth, width, n), np.int64)  # per b: each team's class in the child
    f_xcls = np.zeros((depth, width, n), np.int64)
    col_m = np.zeros(width, np.float64)  # ... and how many of its teams are in the child
    f_pou = np.zeros((depth, width), np.int64)  # first class of each component
    f_pos = np.zeros((depth, width), np.int64)
    f_slu = np.zeros((depth, width), np.int64)  # component slot of each class, -1 free
    f_sls = np.zeros((depth, width), np.int64)
    f_run = np.zeros((depth, width), np.int64)  # first slot of the identical components
    f_rsz = np.zeros((depth, width), np.int64)  # how many identical components
    f_sym = np.zeros(depth, np.bool_)
    f_mult = np.zeros((depth, width), np.int64)  # orbit size of the seeded choice, per b
    sym_tmp = np.zeros((width, width), np.float64)
    f_rep2u = np.zeros((depth, width), np.int64)  # a second team of each class, -1 none
    f_rep2s = np.zeros((depth, width), np.int64)
    f_prec = np.zeros((depth, width), np.int64)  # the record a child's slot names, ahead
    # the children of the class being drawn, worked out ahead (see _run), per b
    f_prep = np.full(depth, -1, np.int64)  # the unseeded class they belong to
    f_pnc = np.zeros((depth, width), np.int64)  # components, -1 not worked out ahead
    f_pe = np.zeros((depth, width, 2 * width), np.int64)  # component rows in key order
    f_pkey = np.zeros((depth, width, width + 5), np.int64)
    f_phash = np.zeros((depth, width), np.uint64)
    # child under construction
    x_e = np.zeros(128, np.int64)
    x_code = np.zeros(128, np.int64)
    x_key = np.zeros(width + 5, np.int64)
    adj = np.zeros(64, np.int64)
    owner = np.zeros(ns0, np.int64)
    st_u = np.zeros(64, np.int64)
    st_m = np.zeros(64, np.int64)
    chosen = np.zeros(64, np.int64)

    frames = (
        f_um,
        f_sm,
        f_nc,
        f_ce,
        f_ncu,
        f_ncs,
        f_tu,
        f_ts,
        f_ntu,
        f_clu,
        f_cls,
        f_tslu,
        f_tsls,
        f_szu,
        f_szs,
        f_repu,
        f_reps,
        f_a,
        f_b,
        f_rec,
        f_hash,
        f_key,
        f_klen,
        col_c,
        f_e,
        f_child,
        f_xclu,
        f_xcls,
        col_m,
        f_pou,
        f_pos,
        f_slu,
        f_sls,
        f_run,
        f_rsz,
        f_sym,
        f_mult,
        sym_tmp,
        f_prep,
        f_pnc,
        f_pe,
        f_pkey,
        f_phash,
        f_rep2u,
        f_rep2s,
        f_prec,
    )
    scratch = (
        x_e,
        x_code,
        x_key,
        adj,
        owner,
        st_u,
        st_m,
        chosen,
    )
    return frames, scratch


_frames = _frames_py


def _grow_components_py(tables: Any, step: int, n: int) -> Any:
    """The component tables (``_entry``, ``_pieces``) with room for four times ``step`` more
    components and codes, each doubled at most once."""
    ent, ctab, kd, ktab, kpool, spool, cnt = tables
    if cnt[0] + 4 * step > ent.shape[0]:
        ent = _grow_rows(ent, 2 * ent.shape[0])
    if 2 * (cnt[0] + 4 * step) > ctab.shape[0]:
        ctab = np.full(2 * ctab.shape[0], -1, np.int64)
        cmask = ctab.shape[0] - 1
        for ee in range(cnt[0]):
            h3 = _mix(np.uint64(ent[ee, 0]) * np.uint64(0x9E3779B97F4A7C15) ^ np.uint64(ent[ee, 1]))
            sl = np.int64(h3 & np.uint64(cmask))
            while ctab[sl] >= 0:
                sl = (sl + 1) & cmask
            ctab[sl] = ee
    if cnt[1] + 4 * step > kd.shape[0]:
        kd = _grow_rows(kd, 2 * kd.shape[0])
    if 2 * (cnt[1] + 4 * step) > ktab.shape[0]:
        ktab = np.full(2 * ktab.shape[0], -1, np.int64)
        kmask = ktab.shape[0] - 1
        for kk in range(cnt[1]):
            sl = np.int64(np.uint64(kd[kk, 0]) & np.uint64(kmask))
            while ktab[sl] >= 0:
                sl = (sl + 1) & kmask
            ktab[sl] = kk
    if cnt[2] + 4 * step * 3 * n > kpool.shape[0]:
        kpool = _grow_i(kpool, 2 * kpool.shape[0] + 4 * step * 3 * n)
    if cnt[3] + 8 * step > spool.shape[0]:
        spool = _grow_i(spool, 2 * spool.shape[0])
    return (ent, ctab, kd, ktab, kpool, spool, cnt)


_grow_components = _jit(_grow_components_py)


def _grow_py(tables: Any, table: Any, kaddr: Any, states: int, n: int) -> tuple[Any, Any]:
    """The tables with room for the next steps of both threads (see the limits in ``_run``)."""
    tables = _grow_components(tables, 2 * n + 4, n)
    while 2 * (states + 16) > table.shape[0]:
        # the table keeps only 32 bits of each hash: work the hashes out again
        old = table
        table = np.full(2 * old.shape[0], -1, np.int64)
        mask = table.shape[0] - 1
        for q in range(old.shape[0]):
            if old[q] != -1:
                rec = old[q] & 0xFFFFFFFF
                ka = kaddr[rec >> 31, (rec & 0x7FFFFFFF) >> _SHIFT]
                ko = rec & _LOW
                klen = 1 + (((_load_i(ka, ko + 1) >> 32) & 0xFF) + 2) // 3
                hh = np.uint64(0x9E3779B97F4A7C15)
                for k in range(klen):
                    hh = _mix(hh ^ np.uint64(_load_i(ka, ko + 1 + k)))
                slot = np.int64(hh & np.uint64(mask))
                while table[slot] != -1:
                    slot = (slot + 1) & mask
                table[slot] = old[q]
    return tables, table


_grow = _jit(_grow_py)


def _pools_py(kaddr: Any, vaddr: Any) -> tuple[Any, Any]:
    """A thread's key and value pools, one block each, and their addresses.

    Compiled: a typed list made and filled from Python costs about a second of loading.
    """
    kblocks = _List()
    kblocks.append(np.empty(_BLOCK, np.int64))
    kaddr[0] = kblocks[0].ctypes.data
    vblocks = _List()
    vblocks.append(np.empty(_BLOCK, np.float64))
    vaddr[0] = vblocks[0].ctypes.data
    return kblocks, vblocks


_pools = _jit(_pools_py)


def _result_py(frames: Any, nu0: int, ns0: int) -> Any:
    """The root's matrix, team by team, from the frames of the thread that finished it."""
    f_e, f_clu, f_cls, f_szu, f_szs = (
        frames[_FRAMES.index(name)] for name in ("f_e", "f_clu", "f_cls", "f_szu", "f_szs")
    )
    out = np.zeros((nu0, ns0), np.float64)
    for i in range(nu0):
        for j in range(ns0):
            out[i, j] = f_e[0, f_clu[0, i], f_cls[0, j]] / (
                f_szu[0, f_clu[0, i]] * f_szs[0, f_cls[0, j]]
            )
    return out


_result = _result_py


def _solve(fu: Any, fs: Any, nu0: int, ns0: int, threads: int = 2) -> tuple[Any, int, int]:
    """P(unseeded i meets seeded j) of the root; also states and transitions.

    ``fu[i]``: bitset of the seeded teams unseeded team ``i`` may not meet; ``fs`` the transpose.
    Each thread runs ``_run`` from the root (the second one visiting classes in reverse
    order) on the shared tables; whenever one stops for room, both stop, the tables grow and
    both resume.
    """
    n = max(nu0, ns0)
    if not _COMPILED:
        threads = 1  # the uncompiled stand-ins for the atomic operations are not atomic
    tables, canon, table = _tables(nu0, ns0)
    ctl = np.zeros(5, np.int64)
    kaddr = np.zeros((threads, 1 << (31 - _SHIFT)), np.int64)
    vaddr = np.zeros((threads, 1 << 16), np.int64)
    stacks = []
    for tid in range(threads):
        frames, scratch = _frames(nu0, ns0)
        kblocks, vblocks = _pools(kaddr[tid], vaddr[tid])
        st = np.array([0, 1, 0, 0, 0, 0, (1 << nu0) - 1, (1 << ns0) - 1, -1], np.int64)
        stacks.append((st, kblocks, vblocks, frames, scratch))

    errors: list[BaseException] = []

    def run(tid: int) -> None:
        st, kblocks, vblocks, frames, scratch = stacks[tid]
        pools = (table, kblocks, kaddr, vblocks, vaddr)
        try:
            _run(tid, ctl, st, fu, fs, n, tables, canon, pools, frames, scratch)
        except BaseException as error:  # handed to the caller below
            errors.append(error)
            ctl[_DONE] = 1  # the other thread may be waiting on a state of this one

    while True:
        ctl[_STOP] = 0
        if threads == 1:
            run(0)
        else:
            workers = [threading.Thread(target=run, args=(tid,)) for tid in range(threads)]
            for worker in workers:
                worker.start()
            try:
                for worker in workers:
                    while worker.is_alive():
                        worker.join(0.1)  # (a bare join would not let Ctrl-C through)
            except BaseException:
                ctl[_DONE] = 1
                for worker in workers:
                    worker.join()
                raise
        if errors:
            raise errors[0]
        if ctl[_DONE]:
            break
        tables, table = _grow(tables, table, kaddr, int(ctl[_STATES]), n)
    winner = int(ctl[_WINNER])
    out = _result(stacks[winner][3], nu0, ns0)
    states = int(ctl[_STATES])
    transitions = sum(int(stack[0][5]) for stack in stacks)
    return out, states, transitions


SMALL_POT = 8
"""Pots up to this size go to the pure-Python solver (about a second at worst for the 28 real
8 v 8 draws), because compiling this module the first time takes about half a minute."""


def supports(pots: Pots) -> bool:
    """True when the compiled engine is installed and worth it: pots past ``SMALL_POT`` teams
    and within its limits."""
    return available() and SMALL_POT < len(pots.seeded) <= MAX_TEAMS


def warm_up() -> None:
    """Compile every kernel a solve may call, or load it from numba's cache: ``_grow`` too,
    which a small draw never reaches (it would otherwise be compiled in the middle of the first
    draw that fills a table)."""
    one = np.zeros(1, np.int64)
    _solve(one, one, 1, 1, 1)
    tables, _, table = _tables(1, 1)
    _grow(tables, table, np.zeros((1, 1 << (31 - _SHIFT)), np.int64), 0, 1)


def precompile() -> bool:
    """Compile the engine in a child process, so that this process loads the machine code from
    numba's on-disk cache instead of compiling it.

    Why: LLVM's memory while it compiles stays in the peak of the process that compiled. A
    first run of 2014/15 compiling in-process peaked at 667 MB through the library (687 MB
    through the CLI), against 477-481 MB once the cache is there, and a container with a
    memory limit could kill that first draw. False when the child failed: this process then
    compiles as before.
    """
    if not sys.executable:  # (an embedded interpreter: no Python to start)
        return False
    root = str(Path(__file__).resolve().parents[2])  # the directory this copy is imported from
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    try:
        subprocess.run(
            [sys.executable, "-c", "from uefacup.draw import _probengine; _probengine.warm_up()"],
            env=env,
            capture_output=True,
            timeout=900,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return True


_READY = False
"""Whether this process has checked numba's cache (and compiled in a child when empty)."""


def solve(pots: Pots, constraints: Constraints) -> tuple[list[list[float]], int, int]:
    """P(unseeded i meets seeded j) as ``[i][j]``; also states memoised and transitions made.

    The caller checks ``supports`` and that the pots are drawable. The first call compiles the
    engine in a child process when numba's cache holds none for this source (``precompile``).
    """
    global _READY
    if not _READY:
        if _COMPILED and not compiled_before():
            precompile()
        _READY = True
    n = len(pots.seeded)
    forbidden = [
        sum(1 << j for j, s in enumerate(pots.seeded) if not constraints.allowed(u, s))
        for u in pots.unseeded
    ]
    columns = [sum(1 << i for i in range(n) if forbidden[i] >> j & 1) for j in range(n)]
    out, states, transitions = _solve(
        np.array(forbidden, np.int64), np.array(columns, np.int64), n, n, THREADS
    )
    return [[float(p) for p in row] for row in out], int(states), int(transitions)

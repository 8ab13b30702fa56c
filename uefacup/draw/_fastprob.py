"""Compiled engine for ``pairing_probabilities``: the same recursion on class-level graphs.

``probabilities._Solver`` works on bitsets of teams and canonicalises every child state from
scratch in Python, which costs tens of microseconds per transition, and its canonical form
keeps association names, so a 16 v 16 round of 32 has from tens of thousands to millions of
states. This module runs the same backward recursion compiled with numba (nopython mode) on a
smaller description of a state:

* A state is its compatibility graph up to twins: unseeded classes and seeded classes (teams
  of one pot that may meet exactly the same opponents), each with a count, and per unseeded
  class the bitset of seeded classes it may *not* meet. Only this graph decides what the
  procedure does next, so why two teams are kept apart (association, group, named pair) no
  longer matters and interchangeable associations merge as well as groups.
* The key of a state is that graph in a canonical order: colour refinement (counts, then the
  multiset of the colours of the forbidden neighbours, three rounds), then, if classes are
  still tied, an individualisation-refinement search (``_search``): each class of the first
  tied cell is individualised in turn, refined, and so on, and the smallest encoding over the
  leaves is the key, so isomorphic states get equal keys. Up to ``LEAVES`` leaves are tried
  (past that the best so far is kept: a state may then get two keys, which costs a memo miss,
  never a wrong answer, since equal keys are always the same graph). Interchangeable isolated
  forbidden pairs are numbered at once instead of branched on. Compared with individualising
  only the first tied class this removes about a fifth of the states (a tenth of random
  relabellings of reachable states used to get another key).
* A transition removes one team of unseeded class ``a`` and one of seeded class ``b``: counts
  drop, an emptied class disappears, twins merge, the child is put in canonical order. The map
  from the parent's classes to the child's spreads the child's class-level matrix (expected
  ties between two classes, shared evenly by their members) over the parent's classes.
* The memo is an open-addressing hash table over the full keys (stored and compared in full:
  a hash collision costs a probe, never a wrong answer). Dead ends are memoised as well. Keys
  and class-level matrices live in pools of fixed blocks that are never copied, so the peak
  memory is the data itself rather than up to three times it while an array doubles.
* The recursion runs on an explicit stack, one frame per drawn pair.

The kernels are plain Python over numpy arrays (correct, but slow if run uncompiled); numba
compiles them when it is installed, see ``available``. They stay in this one module on purpose:
numba's on-disk cache (``cache=True``) keys each function on its own source file only, and a
caller's cached machine code embeds its callees, so a kernel moved to another module could be
edited without ``_solve`` being recompiled (seen while trying that split: stale results).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar, cast

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


def available() -> bool:
    """True when numpy and numba are importable, so the compiled engine can run."""
    return _numba is not None


def _mix_py(x: Any) -> Any:
    """splitmix64 finaliser on uint64 (wrapping arithmetic)."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


_mix = _jit(_mix_py)


def _bitpos_py(low: int) -> int:
    """Position of the single set bit of ``low`` (0 <= position < 63)."""
    p = 0
    if low >> 32:
        p += 32
        low >>= 32
    if low >> 16:
        p += 16
        low >>= 16
    if low >> 8:
        p += 8
        low >>= 8
    if low >> 4:
        p += 4
        low >>= 4
    if low >> 2:
        p += 2
        low >>= 2
    if low >> 1:
        p += 1
    return p


_bitpos = _jit(_bitpos_py)


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
LEAVES = 8
"""Leaves of the individualisation tree explored per state; beyond, the best so far is kept
(still exact, a state may then only get two keys)."""
W_SIZE = 1024 + _PS + 64
"""int64 scratch ``w`` of ``_child``."""
H_SIZE = 1024 + _LEVELS * 128
"""uint64 scratch ``h`` of ``_child``."""


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


def _child_py(
    nu: int,
    ns: int,
    uc: Any,
    sc: Any,
    fb: Any,
    a: int,
    b: int,
    out_uc: Any,
    out_sc: Any,
    out_fb: Any,
    mu: Any,
    ms: Any,
    w: Any,
    h: Any,
) -> tuple[int, int, Any]:
    """The state after one team of unseeded class ``a`` meets one of seeded class ``b``.

    ``fb[i]``: bitset of seeded classes forbidden to unseeded class ``i``. Pass ``a = b = -1``
    to canonicalise the state itself. Writes the canonical child into ``out_*`` and the
    parent-to-child class maps into ``mu``/``ms`` (-1 for a class that is gone); returns
    (unseeded classes, seeded classes, hash). ``w`` (int64) and ``h`` (uint64) are scratch of
    ``W_SIZE`` and ``H_SIZE`` entries.
    """
    # w layout (blocks of 64): 0 rep_u, 1 cnt_u, 2 rep_s, 3 cnt_s, 4 gu, 5 gs, 6 ou, 7 os,
    # 8 group of parent u, 9 group of parent s, 10 final position of u group, 11 of s group,
    # 13 forbidden column of parent s
    # h layout: 0 cu, 1 cs, 2 nu_, 3 ns_
    smask = 0
    for j in range(ns):
        if sc[j] - (1 if j == b else 0) > 0:
            smask |= 1 << j
    umask = 0
    for i in range(nu):
        if uc[i] - (1 if i == a else 0) > 0:
            umask |= 1 << i
    # unseeded twins: equal forbidden rows over the surviving seeded classes
    m = 0
    for i in range(nu):
        c = uc[i] - (1 if i == a else 0)
        if c <= 0:
            w[512 + i] = -1
            continue
        row = fb[i] & smask
        found = -1
        for x in range(m):
            if (fb[w[x]] & smask) == row:
                found = x
                break
        if found < 0:
            w[m] = i
            w[64 + m] = c
            w[512 + i] = m
            m += 1
        else:
            w[64 + found] += c
            w[512 + i] = found
    # seeded twins: equal forbidden columns over the surviving unseeded classes
    # (w block 13 holds the column of every surviving seeded class)
    for j in range(ns):
        w[832 + j] = 0
    for i in range(nu):
        if (umask >> i) & 1:
            g = fb[i] & smask
            while g:
                low = g & -g
                g ^= low
                w[832 + _bitpos(low)] |= 1 << i
    r = 0
    for j in range(ns):
        c = sc[j] - (1 if j == b else 0)
        if c <= 0:
            w[576 + j] = -1
            continue
        col = w[832 + j]
        found = -1
        for y in range(r):
            if w[832 + w[128 + y]] == col:
                found = y
                break
        if found < 0:
            w[128 + r] = j
            w[192 + r] = c
            w[576 + j] = r
            r += 1
        else:
            w[192 + found] += c
            w[576 + j] = found
    # the class graph: gu over s groups, gs over u groups
    for y in range(r):
        w[320 + y] = 0
    for x in range(m):
        g = 0
        row = fb[w[x]]
        for y in range(r):
            if (row >> w[128 + y]) & 1:
                g |= 1 << y
                w[320 + y] |= 1 << x
        w[256 + x] = g
    for x in range(m):
        h[x] = _mix(np.uint64(w[64 + x] * 4 + 1))
    for y in range(r):
        h[64 + y] = _mix(np.uint64(w[192 + y] * 4 + 2))
    gu = w[256:320]
    gs = w[320:384]
    cu = h[0:64]
    cs = h[64:128]
    ou = w[384:448]
    os = w[448:512]
    _refine(m, r, gu, gs, cu, cs, h[128:192], h[192:256], ou, os)
    _search(
        m,
        r,
        gu,
        gs,
        w[64:128],
        w[192:256],
        cu,
        cs,
        h[128:192],
        h[192:256],
        ou,
        os,
        w[1024:],
        h[1024:],
    )
    for x in range(m):
        w[640 + ou[x]] = x
    for y in range(r):
        w[704 + os[y]] = y
    hh = np.uint64(m * 64 + r)
    for x in range(m):
        g = ou[x]
        out_uc[x] = w[64 + g]
        row = 0
        gg = gu[g]
        while gg:
            low = gg & -gg
            gg ^= low
            row |= 1 << w[704 + _bitpos(low)]
        out_fb[x] = row
        hh = _mix(hh ^ np.uint64(row)) + np.uint64(w[64 + g])
    for y in range(r):
        out_sc[y] = w[192 + os[y]]
        hh = _mix(hh + np.uint64(out_sc[y]))
    for i in range(nu):
        g = w[512 + i]
        mu[i] = -1 if g < 0 else w[640 + g]
    for j in range(ns):
        g = w[576 + j]
        ms[j] = -1 if g < 0 else w[704 + g]
    return m, r, _mix(hh)


_child = _jit(_child_py)


_List: Any = list if _numba is None else _numba.typed.List
_SHIFT = 20
_BLOCK = 1 << _SHIFT
"""Entries per block of the key and value pools (a state needs at most 3 * 62 and 62 * 62; a
state never ends exactly at the end of a block, so an offset always names an existing block)."""
_LOW = _BLOCK - 1


def _completable_py(nu: int, ns: int, uc: Any, sc: Any, fb: Any, scratch: Any) -> bool:
    """Perfect matching of the teams of a class-level state (Kuhn, iterative).

    ``scratch`` is int64 with room for 5 * teams of one pot.
    """
    units = 0
    for i in range(nu):
        units += uc[i]
    total_s = 0
    for j in range(ns):
        total_s += sc[j]
    if units != total_s:
        return False
    adj = scratch[0:units]
    owner = scratch[units : 2 * units]
    stack_u = scratch[2 * units : 3 * units]
    stack_m = scratch[3 * units : 4 * units]
    chosen = scratch[4 * units : 5 * units]
    x = 0
    for i in range(nu):
        row = 0
        y = 0
        for j in range(ns):
            if not (fb[i] >> j) & 1:
                for _ in range(sc[j]):
                    row |= 1 << y
                    y += 1
            else:
                y += sc[j]
        for _ in range(uc[i]):
            adj[x] = row
            x += 1
    for y in range(units):
        owner[y] = -1
    for u in range(units):
        visited = 0
        stack_u[0] = u
        stack_m[0] = adj[u]
        top = 1
        found = False
        while top > 0:
            m = stack_m[top - 1] & ~visited
            if m == 0:
                top -= 1
                continue
            low = m & -m
            y = _bitpos(low)
            visited |= low
            stack_m[top - 1] = m & ~low
            chosen[top - 1] = y
            if owner[y] < 0:
                for q in range(top):
                    owner[chosen[q]] = stack_u[q]
                found = True
                break
            stack_u[top] = owner[y]
            stack_m[top] = adj[owner[y]]
            top += 1
        if not found:
            return False
    return True


_completable = _jit(_completable_py)


def _grow_i_py(array: Any, size: int) -> Any:
    out = np.zeros(size, np.int64)
    out[: array.shape[0]] = array
    return out


def _grow_u_py(array: Any, size: int) -> Any:
    out = np.zeros(size, np.uint64)
    out[: array.shape[0]] = array
    return out


def _grow_b_py(array: Any, size: int) -> Any:
    out = np.zeros(size, np.bool_)
    out[: array.shape[0]] = array
    return out


_grow_i = _jit(_grow_i_py)
_grow_u = _jit(_grow_u_py)
_grow_b = _jit(_grow_b_py)


def _solve_py(uc0: Any, sc0: Any, fb0: Any) -> tuple[Any, int, int]:
    """Class-level expected ties of the root state; also (states memoised, transitions).

    The root (``uc0``, ``sc0``, ``fb0``) must be free of twins; its order is kept.
    """
    nu0 = uc0.shape[0]
    ns0 = sc0.shape[0]
    width = 64
    depth_max = 2
    for i in range(nu0):
        depth_max += uc0[i]
    f_uc = np.zeros((depth_max, width), np.int64)
    f_sc = np.zeros((depth_max, width), np.int64)
    f_fb = np.zeros((depth_max, width), np.int64)
    f_nu = np.zeros(depth_max, np.int64)
    f_ns = np.zeros(depth_max, np.int64)
    f_a = np.zeros(depth_max, np.int64)
    f_b = np.zeros(depth_max, np.int64)
    f_hash = np.zeros(depth_max, np.uint64)
    f_e = np.zeros((depth_max, width, width), np.float64)
    f_child = np.zeros((depth_max, width), np.int64)
    f_mu = np.zeros((depth_max, width, width), np.int64)
    f_ms = np.zeros((depth_max, width, width), np.int64)
    w = np.zeros(W_SIZE, np.int64)
    hs = np.zeros(H_SIZE, np.uint64)
    scratch = np.zeros(5 * depth_max + 8, np.int64)
    fs = np.zeros(width, np.float64)
    # memo: open addressing over state ids; keys (counts and rows) and values in pools
    cap = 1 << 12
    table = np.full(cap, -1, np.int64)
    mask = cap - 1
    n_states = 0
    s_cap = 1 << 10
    s_hash = np.zeros(s_cap, np.uint64)
    s_key = np.zeros(s_cap, np.int64)
    s_val = np.zeros(s_cap, np.int64)
    s_nu = np.zeros(s_cap, np.int64)
    s_ns = np.zeros(s_cap, np.int64)
    s_ok = np.zeros(s_cap, np.bool_)
    # pools of fixed blocks, never copied: a state's key (or matrix) sits in one block at
    # offset & _LOW of block offset >> _SHIFT
    kblocks = _List()
    kblocks.append(np.empty(_BLOCK, np.int64))
    n_keys = 0
    vblocks = _List()
    vblocks.append(np.empty(_BLOCK, np.float64))
    n_vals = 0
    transitions = 0

    for i in range(nu0):
        f_uc[0, i] = uc0[i]
        f_fb[0, i] = fb0[i]
    for j in range(ns0):
        f_sc[0, j] = sc0[j]
    f_nu[0] = nu0
    f_ns[0] = ns0
    d = 0
    h = np.uint64(0)
    cnu = 0
    cns = 0
    while True:
        nu = f_nu[d]
        ns = f_ns[d]
        a = f_a[d]
        b = f_b[d]
        dead = False
        if a < nu:
            if b < ns:
                if (f_fb[d, a] >> b) & 1:
                    f_child[d, b] = -1
                    f_b[d] = b + 1
                    continue
                transitions += 1
                cnu, cns, h = _child(
                    nu,
                    ns,
                    f_uc[d],
                    f_sc[d],
                    f_fb[d],
                    a,
                    b,
                    f_uc[d + 1],
                    f_sc[d + 1],
                    f_fb[d + 1],
                    f_mu[d, b],
                    f_ms[d, b],
                    w,
                    hs,
                )
                slot = np.int64(h & np.uint64(mask))
                found = -1
                while table[slot] >= 0:
                    sid = table[slot]
                    if s_hash[sid] == h and s_nu[sid] == cnu and s_ns[sid] == cns:
                        off = s_key[sid]
                        kb = kblocks[off >> _SHIFT]
                        off &= _LOW
                        same = True
                        for i in range(cnu):
                            if kb[off + i] != f_uc[d + 1, i] or (
                                kb[off + cnu + i] != f_fb[d + 1, i]
                            ):
                                same = False
                                break
                        if same:
                            off += 2 * cnu
                            for j in range(cns):
                                if kb[off + j] != f_sc[d + 1, j]:
                                    same = False
                                    break
                        if same:
                            found = sid
                            break
                    slot = (slot + 1) & mask
                if found >= 0:
                    f_child[d, b] = found if s_ok[found] else -1
                    f_b[d] = b + 1
                    continue
                if _completable(cnu, cns, f_uc[d + 1], f_sc[d + 1], f_fb[d + 1], scratch):
                    f_nu[d + 1] = cnu
                    f_ns[d + 1] = cns
                    f_a[d + 1] = 0
                    f_b[d + 1] = 0
                    f_hash[d + 1] = h
                    for i in range(cnu):
                        for j in range(cns):
                            f_e[d + 1, i, j] = 0.0
                    d += 1
                    continue
                dead = True  # memoised below, without a value
            else:
                # every seeded class for unseeded class a is resolved: add up
                total = 0
                for j in range(ns):
                    if f_child[d, j] >= 0:
                        total += f_sc[d, j]
                remaining = 0
                for i in range(nu):
                    remaining += f_uc[d, i]
                scale = f_uc[d, a] / (remaining * total)
                for j in range(ns):
                    cid = f_child[d, j]
                    if cid < 0:
                        continue
                    weight = scale * f_sc[d, j]
                    f_e[d, a, j] += weight
                    cnu = s_nu[cid]
                    cns = s_ns[cid]
                    if cnu == 0:
                        continue
                    koff = s_key[cid]
                    kb = kblocks[koff >> _SHIFT]
                    koff &= _LOW
                    voff = s_val[cid]
                    vb = vblocks[voff >> _SHIFT]
                    voff &= _LOW
                    for q in range(ns):
                        dst = f_ms[d, j, q]
                        if dst < 0:
                            fs[q] = 0.0
                        else:
                            left = f_sc[d, q] - (1 if q == j else 0)
                            fs[q] = left / kb[koff + 2 * cnu + dst]
                    for p in range(nu):
                        src = f_mu[d, j, p]
                        if src < 0:
                            continue
                        left = f_uc[d, p] - (1 if p == a else 0)
                        fu = weight * left / kb[koff + src]
                        row = voff + src * cns
                        for q in range(ns):
                            dst = f_ms[d, j, q]
                            if dst >= 0:
                                f_e[d, p, q] += fu * fs[q] * vb[row + dst]
                f_a[d] = a + 1
                f_b[d] = 0
                continue
        # memoise a finished state: frame d, or the dead-end child just built at d + 1
        if dead:
            e = d + 1
        else:
            if d == 0:
                break
            e = d
            h = f_hash[d]
            cnu = f_nu[d]
            cns = f_ns[d]
        if n_states >= s_cap:
            s_cap *= 2
            s_hash = _grow_u(s_hash, s_cap)
            s_key = _grow_i(s_key, s_cap)
            s_val = _grow_i(s_val, s_cap)
            s_nu = _grow_i(s_nu, s_cap)
            s_ns = _grow_i(s_ns, s_cap)
            s_ok = _grow_b(s_ok, s_cap)
        need = 2 * cnu + cns
        if (n_keys & _LOW) + need >= _BLOCK:
            n_keys = len(kblocks) << _SHIFT
            kblocks.append(np.empty(_BLOCK, np.int64))
        kb = kblocks[n_keys >> _SHIFT]
        base = n_keys & _LOW
        sid = n_states
        n_states += 1
        s_hash[sid] = h
        s_nu[sid] = cnu
        s_ns[sid] = cns
        s_key[sid] = n_keys
        for i in range(cnu):
            kb[base + i] = f_uc[e, i]
            kb[base + cnu + i] = f_fb[e, i]
        for j in range(cns):
            kb[base + 2 * cnu + j] = f_sc[e, j]
        n_keys += need
        s_ok[sid] = not dead
        s_val[sid] = n_vals
        if not dead:
            if (n_vals & _LOW) + cnu * cns >= _BLOCK:
                n_vals = len(vblocks) << _SHIFT
                vblocks.append(np.empty(_BLOCK, np.float64))
            s_val[sid] = n_vals
            vb = vblocks[n_vals >> _SHIFT]
            base = n_vals & _LOW
            for i in range(cnu):
                for j in range(cns):
                    vb[base] = f_e[e, i, j]
                    base += 1
            n_vals += cnu * cns
        slot = np.int64(h & np.uint64(mask))
        while table[slot] >= 0:
            slot = (slot + 1) & mask
        table[slot] = sid
        if 2 * n_states > cap:
            cap *= 2
            mask = cap - 1
            table = np.full(cap, -1, np.int64)
            for q in range(n_states):
                slot = np.int64(s_hash[q] & np.uint64(mask))
                while table[slot] >= 0:
                    slot = (slot + 1) & mask
                table[slot] = q
        if dead:
            f_child[d, f_b[d]] = -1
            f_b[d] += 1
        else:
            d -= 1
            f_child[d, f_b[d]] = sid
            f_b[d] += 1
    out = np.zeros((nu0, ns0), np.float64)
    for i in range(nu0):
        for j in range(ns0):
            out[i, j] = f_e[0, i, j]
    return out, n_states + 1, transitions


_solve = _jit(_solve_py)


def supports(pots: Pots) -> bool:
    """True when the compiled engine is installed and the pots fit its limits."""
    return available() and len(pots.seeded) <= MAX_TEAMS


def solve(pots: Pots, constraints: Constraints) -> tuple[list[list[float]], int, int]:
    """P(unseeded i meets seeded j) as ``[i][j]``; also states memoised and transitions made.

    The caller checks ``supports`` and that the pots are drawable.
    """
    n = len(pots.seeded)
    forbidden = [
        sum(1 << j for j, s in enumerate(pots.seeded) if not constraints.allowed(u, s))
        for u in pots.unseeded
    ]
    columns = [sum(1 << i for i in range(n) if forbidden[i] >> j & 1) for j in range(n)]
    u_classes: dict[int, list[int]] = {}
    s_classes: dict[int, list[int]] = {}
    for i, row in enumerate(forbidden):
        u_classes.setdefault(row, []).append(i)
    for j, col in enumerate(columns):
        s_classes.setdefault(col, []).append(j)
    u_list = list(u_classes.values())
    s_list = list(s_classes.values())
    fb = [
        sum(1 << y for y, cols in enumerate(s_list) if forbidden[rows[0]] >> cols[0] & 1)
        for rows in u_list
    ]
    expected, states, transitions = _solve(
        np.array([len(m) for m in u_list], np.int64),
        np.array([len(m) for m in s_list], np.int64),
        np.array(fb, np.int64),
    )
    out = [[0.0] * n for _ in range(n)]
    for a, members in enumerate(u_list):
        for b, s_members in enumerate(s_list):
            value = float(expected[a, b]) / (len(members) * len(s_members))
            for i in members:
                for j in s_members:
                    out[i][j] = value
    return out, int(states), int(transitions)

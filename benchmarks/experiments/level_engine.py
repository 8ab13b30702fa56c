"""Experiment (not used by the package): the 16 v 16 draw level by level, with half-states.

Why it is kept: it is the one formulation of the exact pairing probabilities that makes far
fewer child keys than the engine of ``uefacup.draw._probengine`` (7.1 million against 27.5
million on 2014/15), it is exact (equal to that engine to 1.1e-16 or better on four 16 v 16
draws, and to the pure-Python solver to 2.2e-16 on random pots), and it still misses the target
of 5 s and 500 MB: 6.3-6.9 s and 925 MB on 2014/15 against the engine's 5.8-5.9 s and 470 MB
(``benchmarks/README.md``, ninth session). The next attempt can start from numbers, not from a
blank page.

The method. With X a state (as many unseeded as seeded teams left), u the unseeded team drawn,
Y = X - u (a *half-state*: one seeded team more than unseeded) and B(Y) the seeded teams s for
which Y - s can still be completed, the admissible opponents of u are B(Y) less the teams u
may not meet. So, with V the expected ties of each pair of teams in the rest of the draw and
G(Y) = sum of V(Y - s) over s in B(Y):

    V(X) = 1/|U| * sum over u of 1/n(X, u) * ( [the tie u-s drawn now]
            + G(X - u) - sum over s in B(X - u) that u may not meet of V(X - u - s) )

G depends on the half-state only, so every state that leads to it shares it (the fifth
session's "half-state sums", there kept in a cache inside the depth-first recursion). Here the
states are listed level by level instead (all states with k teams a pot, then their
half-states, then the states with k - 1), deduplicated by the engine's canonical keys, and the
values are worked out from the bottom level up, keeping only the values of two levels and
one level of half-states. Everything is by class (twins merged), as in the engine; a class's
value is the value of any one pair of its teams. While listing, each link from a node to a
child keeps the map from the node's classes to the child's (a byte a class), so the value pass
reads values through maps and builds no key; the child of a forbidden opponent (about 1.5 a
drawn class on 2014/15) is reached through its half-state's link, composing two maps. The
listing runs on one thread; the value pass splits each level's nodes between two.

Each run of the script compiles into a fresh numba cache directory (``NUMBA_CACHE_DIR``, a
temporary directory) in a first child process, then times each engine in its own child that
loads the machine code: the kernels call the engine's kernels, and a cache kept across runs
would hold a stale copy of a callee edited since; compiling in the timed process would put
LLVM's memory in its peak.

    python benchmarks/experiments/level_engine.py [--only 24,26] [--repeat N] [--check N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numba
import numpy as np

from uefacup.draw._probengine import (
    _E_LAB,
    _bitpos,
    _entry,
    _grow_components,
    _key,
    _labels,
    _matchable,
    _pieces,
    _split,
    _tables,
)

DEFAULT_FILE = Path(__file__).resolve().parents[3] / "shared" / "draws" / "uefa-knockout-draws.json"


def _jit(function: Any) -> Any:
    return numba.njit(nogil=True, cache=True)(function)


def _remove_py(
    nc: int,
    src: Any,
    t: int,
    seeded: bool,
    fu: Any,
    fs: Any,
    n: int,
    tables: Any,
    canon: Any,
    dst: Any,
) -> int:
    """Components ``src[:nc]`` without team ``t`` into ``dst``; returns their number."""
    ent = tables[0]
    spool = tables[5]
    side = 1 if seeded else 0
    k = 0
    hit = -1
    for q in range(nc):
        e = src[q]
        if (ent[e, side] >> t) & 1:
            hit = e
        else:
            dst[k] = e
            k += 1
    if hit >= 0:
        col = _E_LAB + 2 * n + (n if seeded else 0) + t
        off = ent[hit, col]
        if off < 0:
            off = _pieces(hit, t, seeded, fu, fs, n, tables, canon)
        for i in range(spool[off]):
            dst[k] = spool[off + 1 + i]
            k += 1
    return k


_remove = _jit(_remove_py)


def _expand_py(
    seeded: bool,
    p0: int,
    p1: int,
    fu: Any,
    fs: Any,
    n: int,
    tables: Any,
    canon: Any,
    nodes: Any,
    lk: Any,
    htab: Any,
    cnt_l: Any,
    scr: Any,
    mscr: Any,
    mp: Any,
    nd_mapoff: Any,
    cscr: Any,
) -> int:
    """Children of nodes ``p0..p1`` by one team of each class of one side; returns the next
    parent to do (``p1`` when all done; earlier when a table needs room)."""
    (
        nd_um,
        nd_sm,
        nd_ce0,
        nd_nc,
        nd_hdr,
        nd_labu,
        nd_labs,
        nd_link,
        nd_dead,
        nd_hash,
        nd_koff,
        cepool,
        kp,
    ) = nodes
    ent, ctab, kd, ktab, kpool, spool, cnt = tables
    x_e, x_code, x_key, src = scr
    adj, owner, st_u, st_m, chosen = mscr
    mu, ms, ru, r2u, rs, r2s, xlu, xls, _mapu, _maps, _acc = cscr
    step = 2 * n + 4
    big = (n + 1) * (n + 2) * step
    lim_ent = min(ent.shape[0], ctab.shape[0] // 2) - big
    lim_codes = min(kd.shape[0], ktab.shape[0] // 2) - big
    lim_kpool = kpool.shape[0] - big * 3 * n
    lim_spool = spool.shape[0] - big
    hmask = htab.shape[0] - 1
    for p in range(p0, p1):
        if (
            cnt[0] > lim_ent
            or cnt[1] > lim_codes
            or cnt[2] > lim_kpool
            or cnt[3] > lim_spool
            or cnt_l[0] + n + 1 > nd_um.shape[0]
            or 2 * (cnt_l[4] + n + 1) > htab.shape[0]
            or cnt_l[1] + n + 1 > lk.shape[0]
            or cnt_l[2] + (n + 1) * (n + 1) > cepool.shape[0]
            or cnt_l[3] + (n + 1) * (n + 3) > kp.shape[0]
            or cnt_l[5] + 2 * (n + 1) * (n + 1) > mp.shape[0]
        ):
            return p
        if nd_dead[p]:
            continue
        um = nd_um[p]
        sm = nd_sm[p]
        hdr = nd_hdr[p]
        ncl = ((hdr >> 8) & 0xFF) if seeded else (hdr & 0xFF)
        nd_link[p] = cnt_l[1]
        cnt_l[1] += ncl
        pncu = hdr & 0xFF
        pncs = (hdr >> 8) & 0xFF
        width = pncu + pncs
        nd_mapoff[p] = cnt_l[5]
        cnt_l[5] += ncl * width
        _classes(um, sm, nd_labu, nd_labs, p, pncu, pncs, n, mu, ms, ru, r2u, rs, r2s)
        nc = nd_nc[p]
        for q in range(nc):
            src[q] = cepool[nd_ce0[p] + q]
        for c in range(ncl):
            g = sm if seeded else um
            t = -1
            while g:
                low = g & -g
                g ^= low
                tt = _bitpos(low)
                if (nd_labs[p, 0, tt] if seeded else nd_labu[p, 0, tt]) == c:
                    t = tt
                    break
            k = _remove(nc, src, t, seeded, fu, fs, n, tables, canon, x_e)
            cum = um if seeded else um & ~(1 << t)
            csm = sm & ~(1 << t) if seeded else sm
            klen, hh = _key(k, x_e, x_code, ent, kd, cum, csm, x_key)
            slot = np.int64(hh & np.uint64(hmask))
            found = -1
            while htab[slot] >= 0:
                i = htab[slot]
                if nd_hash[i] == hh:
                    same = True
                    ko = nd_koff[i]
                    for q in range(klen):
                        if kp[ko + q] != x_key[q]:
                            same = False
                            break
                    if same:
                        found = i
                        break
                slot = (slot + 1) & hmask
            new = found < 0
            if found < 0:
                found = cnt_l[0]
                cnt_l[0] += 1
                cnt_l[4] += 1
                htab[slot] = found
                nd_um[found] = cum
                nd_sm[found] = csm
                nd_hash[found] = hh
                nd_koff[found] = cnt_l[3]
                for q in range(klen):
                    kp[cnt_l[3] + q] = x_key[q]
                cnt_l[3] += klen
                nd_ce0[found] = cnt_l[2]
                nd_nc[found] = k
                for q in range(k):
                    cepool[cnt_l[2] + q] = x_e[q]
                cnt_l[2] += k
                nd_hdr[found] = x_key[0]
                nd_link[found] = -1
                dead = False
                if seeded:
                    dead = not _matchable(cum, csm, fu, adj, owner, st_u, st_m, chosen)
                nd_dead[found] = 1 if dead else 0
                for q in range(n):
                    nd_labu[found, 0, q] = -1
                    nd_labs[found, 0, q] = -1
            _labels(k, x_e, x_code, ent, kd, n, cum, csm, x_key[0], xlu, xls, 0, 0)
            if new:
                g = cum
                while g:
                    low = g & -g
                    g ^= low
                    tt = _bitpos(low)
                    nd_labu[found, 0, tt] = xlu[0, 0, tt]
                g = csm
                while g:
                    low = g & -g
                    g ^= low
                    tt = _bitpos(low)
                    nd_labs[found, 0, tt] = xls[0, 0, tt]
            base = nd_mapoff[p] + c * width
            for i in range(pncu):
                ti = r2u[i] if (not seeded and i == c) else ru[i]
                mp[base + i] = xlu[0, 0, ti] if ti >= 0 else -1
            for j in range(pncs):
                tj = r2s[j] if (seeded and j == c) else rs[j]
                mp[base + pncu + j] = xls[0, 0, tj] if tj >= 0 else -1
            lk[nd_link[p] + c] = found
    return p1


_expand = _jit(_expand_py)


def _classes_py(
    um: int,
    sm: int,
    labu: Any,
    labs: Any,
    p: int,
    ncu: int,
    ncs: int,
    n: int,
    mu: Any,
    ms: Any,
    ru: Any,
    r2u: Any,
    rs: Any,
    r2s: Any,
) -> int:
    """Class sizes and first two members of each class of node ``p``; returns its teams a side
    (unseeded)."""
    for c in range(ncu):
        mu[c] = 0
        ru[c] = -1
        r2u[c] = -1
    for c in range(ncs):
        ms[c] = 0
        rs[c] = -1
        r2s[c] = -1
    nu = 0
    g = um
    while g:
        low = g & -g
        g ^= low
        t = _bitpos(low)
        c = labu[p, 0, t]
        mu[c] += 1
        nu += 1
        if ru[c] < 0:
            ru[c] = t
        elif r2u[c] < 0:
            r2u[c] = t
    g = sm
    while g:
        low = g & -g
        g ^= low
        t = _bitpos(low)
        c = labs[p, 0, t]
        ms[c] += 1
        if rs[c] < 0:
            rs[c] = t
        elif r2s[c] < 0:
            r2s[c] = t
    return nu


_classes = _jit(_classes_py)


def _half_values_py(
    h0: int,
    h1: int,
    fu: Any,
    n: int,
    nodes: Any,
    lk: Any,
    nd_val: Any,
    gpool: Any,
    vpool: Any,
    cscr: Any,
    mp: Any,
    nd_mapoff: Any,
) -> int:
    """G of half-states ``h0..h1`` from the values of their children (states one level down)."""
    (
        nd_um,
        nd_sm,
        _nd_ce0,
        _nd_nc,
        nd_hdr,
        nd_labu,
        nd_labs,
        nd_link,
        nd_dead,
        _nd_hash,
        _nd_koff,
        _cepool,
        _kp,
    ) = nodes
    mu, ms, ru, r2u, rs, r2s, _xlu, _xls, _mapu, _maps, acc = cscr
    for y in range(h0, h1):
        hdr = nd_hdr[y]
        ncu = hdr & 0xFF
        ncs = (hdr >> 8) & 0xFF
        if ncu == 0:
            continue
        um = nd_um[y]
        sm = nd_sm[y]
        _classes(um, sm, nd_labu, nd_labs, y, ncu, ncs, n, mu, ms, ru, r2u, rs, r2s)
        for i in range(ncu):
            for j in range(ncs):
                acc[i, j] = 0.0
        width = ncu + ncs
        for b in range(ncs):
            z = lk[nd_link[y] + b]
            if nd_dead[z]:
                continue
            base = nd_mapoff[y] + b * width
            zncs = (nd_hdr[z] >> 8) & 0xFF
            vo = nd_val[z]
            for i in range(ncu):
                row = vo + mp[base + i] * zncs
                for j in range(ncs):
                    m = ms[b] - (1 if j == b else 0)
                    if m > 0:
                        acc[i, j] += m * vpool[row + mp[base + ncu + j]]
        base = nd_val[y]
        for i in range(ncu):
            for j in range(ncs):
                gpool[base + i * ncs + j] = acc[i, j]
    return h1


_half_values = _jit(_half_values_py)


def _state_values_py(
    x0: int,
    x1: int,
    fu: Any,
    n: int,
    nodes: Any,
    lk: Any,
    nd_val: Any,
    out: Any,
    gpool: Any,
    vpool: Any,
    cscr: Any,
    e2: Any,
    mp: Any,
    nd_mapoff: Any,
) -> int:
    """V of states ``x0..x1``: for each unseeded class, its half-state's G less the children by
    a forbidden opponent, plus the tie drawn now."""
    (
        nd_um,
        nd_sm,
        _nd_ce0,
        _nd_nc,
        nd_hdr,
        nd_labu,
        nd_labs,
        nd_link,
        nd_dead,
        _nd_hash,
        _nd_koff,
        _cepool,
        _kp,
    ) = nodes
    mu, ms, ru, r2u, rs, r2s, _xlu, _xls, mapu, maps, acc = cscr
    alive = np.zeros(64, np.int64)
    ymapu = np.zeros(64, np.int64)
    ymaps = np.zeros(64, np.int64)
    for x in range(x0, x1):
        if nd_dead[x]:
            continue
        hdr = nd_hdr[x]
        ncu = hdr & 0xFF
        ncs = (hdr >> 8) & 0xFF
        if ncu == 0:
            continue
        um = nd_um[x]
        sm = nd_sm[x]
        nu = _classes(um, sm, nd_labu, nd_labs, x, ncu, ncs, n, mu, ms, ru, r2u, rs, r2s)
        for i in range(ncu):
            for j in range(ncs):
                acc[i, j] = 0.0
        width = ncu + ncs
        for a in range(ncu):
            u = ru[a]
            y = lk[nd_link[x] + a]
            base = nd_mapoff[x] + a * width
            for i in range(ncu):
                ymapu[i] = mp[base + i]
            for j in range(ncs):
                ymaps[j] = mp[base + ncu + j]
            ylink = nd_link[y]
            yncu = nd_hdr[y] & 0xFF
            yncs = (nd_hdr[y] >> 8) & 0xFF
            na = 0
            for j in range(ncs):
                alive[j] = 0 if nd_dead[lk[ylink + ymaps[j]]] else 1
                if not (fu[u] >> rs[j]) & 1:
                    na += ms[j] * alive[j]
            go = nd_val[y]
            for i in range(ncu):
                for j in range(ncs):
                    e2[i, j] = 0.0
            if yncu > 0:
                for i in range(ncu):
                    if ymapu[i] < 0:
                        continue
                    row = go + ymapu[i] * yncs
                    for j in range(ncs):
                        e2[i, j] = gpool[row + ymaps[j]]
            ywidth = yncu + yncs
            for f in range(ncs):
                if not (fu[u] >> rs[f]) & 1 or alive[f] == 0:
                    continue
                yb = ymaps[f]
                z = lk[ylink + yb]
                zbase = nd_mapoff[y] + yb * ywidth
                zncs = (nd_hdr[z] >> 8) & 0xFF
                vo = nd_val[z]
                if vo < 0:
                    continue
                for i in range(ncu):
                    mapu[i] = mp[zbase + ymapu[i]] if ymapu[i] >= 0 else -1
                for j in range(ncs):
                    maps[j] = mp[zbase + yncu + ymaps[j]]
                for i in range(ncu):
                    if mapu[i] < 0:
                        continue
                    row = vo + mapu[i] * zncs
                    for j in range(ncs):
                        m = ms[f] - (1 if j == f else 0)
                        if m > 0:
                            e2[i, j] -= m * vpool[row + maps[j]]
            for i in range(ncu):
                mi = mu[a] - (1 if i == a else 0)
                if mi == 0:
                    continue
                w = mi / na
                for j in range(ncs):
                    acc[i, j] += w * e2[i, j]
            for j in range(ncs):
                if alive[j] and not (fu[u] >> rs[j]) & 1:
                    acc[a, j] += 1.0 / na
        base = nd_val[x]
        for i in range(ncu):
            for j in range(ncs):
                out[base + i * ncs + j] = acc[i, j] / nu
    return x1


_state_values = _jit(_state_values_py)


def _rehash_py(htab: Any, nd_hash: Any, i0: int, i1: int) -> None:
    mask = htab.shape[0] - 1
    for i in range(i0, i1):
        slot = np.int64(nd_hash[i] & np.uint64(mask))
        while htab[slot] >= 0:
            slot = (slot + 1) & mask
        htab[slot] = i


_rehash = _jit(_rehash_py)


_NODE_FIELDS = ("um", "sm", "ce0", "nc", "hdr", "labu", "labs", "link", "dead", "hash", "koff")


def solve(fu: Any, fs: Any, n: int, threads: int = 2) -> tuple[Any, dict[str, Any]]:
    """P(unseeded i meets seeded j) for the forbidden sets ``fu``/``fs``; and the run's counts.

    Nodes (states and half-states) are numbered level by level from the root; ``levels`` holds
    their ranges: the root's level, its half-states, the next states, and so on down to the
    empty state.
    """
    tables, canon, _ = _tables(n, n)
    cap = 1 << 12
    nodes_l: list[Any] = []
    for field in _NODE_FIELDS:
        if field in ("labu", "labs"):
            nodes_l.append(np.full((cap, 1, n), -1, np.int8))
        elif field == "dead":
            nodes_l.append(np.zeros(cap, np.int8))
        elif field == "hash":
            nodes_l.append(np.zeros(cap, np.uint64))
        else:
            nodes_l.append(np.full(cap, -1 if field == "link" else 0, np.int64))
    nodes_l.append(np.zeros(cap * 4, np.int64))  # components of each node, in key order
    nodes_l.append(np.zeros(cap * 4, np.int64))  # keys (for the level's hash table)
    lk = np.zeros(cap * 4, np.int64)
    mp = np.zeros(cap * 16, np.int8)  # each link's map: the parent's classes -> the child's
    nd_mapoff = np.zeros(cap, np.int64)
    cnt_l = np.zeros(6, np.int64)  # nodes, links, components, key words, this level's, maps
    scr = tuple(np.zeros(size, np.int64) for size in (64, 64, 64, 256))
    mscr = tuple(np.zeros(64, np.int64) for _ in range(5))
    cscr = (
        *(np.zeros(64, np.int64) for _ in range(6)),
        np.full((1, 1, n), -1, np.int8),
        np.full((1, 1, n), -1, np.int8),
        np.zeros(64, np.int64),
        np.zeros(64, np.int64),
        np.zeros((n + 1, n + 1)),
    )
    full = (1 << n) - 1
    pu, ps = canon[3], canon[4]
    k = _split(full, full, fu, fs, pu, ps, 0)
    x_e, x_code, x_key, _ = scr
    for q in range(k):
        x_e[q] = _entry(pu[q], ps[q], fu, fs, n, tables, canon)
    _key(k, x_e, x_code, tables[0], tables[2], full, full, x_key)
    nodes_l[0][0] = full
    nodes_l[1][0] = full
    nodes_l[3][0] = k
    nodes_l[4][0] = x_key[0]
    nodes_l[11][:k] = x_e[:k]
    _labels(
        k, x_e, x_code, tables[0], tables[2], n, full, full, x_key[0], nodes_l[5], nodes_l[6], 0, 0
    )
    cnt_l[0] = 1
    cnt_l[2] = k

    def grow_tables() -> None:
        nonlocal tables
        tables = _grow_components(tables, (n + 1) * (n + 2) * (2 * n + 4), n)

    def grow_nodes() -> None:
        nonlocal nodes_l, lk, mp, nd_mapoff
        if cnt_l[5] + 4 * (n + 1) * (n + 1) > mp.shape[0]:
            bigger = np.zeros(2 * mp.shape[0] + 4 * (n + 1) * (n + 1), np.int8)
            bigger[: mp.shape[0]] = mp
            mp = bigger
        if cnt_l[0] + 4 * (n + 1) * (n + 3) > nd_mapoff.shape[0]:
            bigger = np.zeros(2 * nd_mapoff.shape[0] + 4 * (n + 1) * (n + 3), np.int64)
            bigger[: nd_mapoff.shape[0]] = nd_mapoff
            nd_mapoff = bigger
        room = (n + 1) * (n + 3) * 4
        for i, arr in enumerate(nodes_l):
            used = cnt_l[0] if i < 11 else cnt_l[2 if i == 11 else 3]
            if used + room > arr.shape[0]:
                size = 2 * arr.shape[0] + room
                if arr.ndim == 3:
                    bigger = np.full((size, 1, n), -1, np.int8)
                else:
                    bigger = np.full(size, -1 if i == 7 else 0, arr.dtype)
                bigger[: arr.shape[0]] = arr
                nodes_l[i] = bigger
        if cnt_l[1] + 4 * (n + 1) > lk.shape[0]:
            bigger = np.zeros(2 * lk.shape[0] + 4 * (n + 1), np.int64)
            bigger[: lk.shape[0]] = lk
            lk = bigger

    def expand(seeded: bool, p0: int, p1: int) -> None:
        cnt_l[4] = 0
        c0 = int(cnt_l[0])
        size = 1 << 12
        while size < 4 * (p1 - p0):
            size *= 2
        htab = np.full(size, -1, np.int64)
        p = p0
        while p < p1:
            p = _expand(
                seeded,
                p,
                p1,
                fu,
                fs,
                n,
                tables,
                canon,
                tuple(nodes_l),
                lk,
                htab,
                cnt_l,
                scr,
                mscr,
                mp,
                nd_mapoff,
                cscr,
            )
            if p < p1:
                grow_tables()
                grow_nodes()
                if 2 * (cnt_l[4] + n + 1) > htab.shape[0]:
                    htab = np.full(2 * htab.shape[0], -1, np.int64)
                    _rehash(htab, nodes_l[9], c0, int(cnt_l[0]))

    started = time.perf_counter()
    levels = [(0, 1)]
    start, end = 0, 1
    for _ in range(n):
        expand(False, start, end)
        levels.append((end, int(cnt_l[0])))
        start, end = levels[-1]
        expand(True, start, end)
        levels.append((end, int(cnt_l[0])))
        start, end = levels[-1]
    listed = time.perf_counter()
    nodes = tuple(nodes_l)
    hdr = nodes[4]
    dead = nodes[8]
    nd_val = np.full(nodes[0].shape[0], -1, np.int64)

    def offsets(r0: int, r1: int) -> int:
        size = np.where(dead[r0:r1] != 0, 0, (hdr[r0:r1] & 0xFF) * ((hdr[r0:r1] >> 8) & 0xFF))
        ends = np.cumsum(size)
        nd_val[r0:r1] = np.where(size > 0, ends - size, -1)
        return int(ends[-1]) if len(ends) else 0

    low = np.zeros(max(1, offsets(*levels[-1])))
    peak_values = 0
    # the value pass reads what the listing made and writes each node's own values: its
    # ranges are split between threads, each with its own scratch
    scratch = [
        (
            (
                *(np.zeros(64, np.int64) for _ in range(6)),
                np.full((1, 1, n), -1, np.int8),
                np.full((1, 1, n), -1, np.int8),
                np.zeros(64, np.int64),
                np.zeros(64, np.int64),
                np.zeros((n + 1, n + 1)),
            ),
            np.zeros((n + 1, n + 1)),
        )
        for _ in range(threads)
    ]

    def split(kernel: Any, r0: int, r1: int, args: Any) -> None:
        cuts = [r0 + (r1 - r0) * t // threads for t in range(threads + 1)]
        workers = [
            threading.Thread(target=kernel, args=(cuts[t], cuts[t + 1], *args[t]))
            for t in range(threads)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()

    for li in range(len(levels) - 2, 0, -2):
        h0, h1 = levels[li]
        x0, x1 = levels[li - 1]
        g = np.zeros(max(1, offsets(h0, h1)))
        split(
            _half_values,
            h0,
            h1,
            [
                (
                    fu,
                    n,
                    nodes,
                    lk,
                    nd_val,
                    g,
                    low,
                    scratch[t][0],
                    mp,
                    nd_mapoff,
                )
                for t in range(threads)
            ],
        )
        high = np.zeros(max(1, offsets(x0, x1)))
        peak_values = max(peak_values, low.nbytes + g.nbytes + high.nbytes)
        split(
            _state_values,
            x0,
            x1,
            [
                (
                    fu,
                    n,
                    nodes,
                    lk,
                    nd_val,
                    high,
                    g,
                    low,
                    scratch[t][0],
                    scratch[t][1],
                    mp,
                    nd_mapoff,
                )
                for t in range(threads)
            ],
        )
        low = high
    done = time.perf_counter()
    ncs = (hdr[0] >> 8) & 0xFF
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            out[i, j] = low[nodes[5][0, 0, i] * ncs + nodes[6][0, 0, j]]
    states = sum(b - a for a, b in levels[0::2])
    stats = {
        "states": states,
        "half_states": int(cnt_l[0]) - states,
        "links": int(cnt_l[1]),
        "map_mb": int(cnt_l[5]) / 2**20,
        "listing_s": listed - started,
        "values_s": done - listed,
        "peak_values_mb": peak_values / 2**20,
    }
    return out, stats


def _forbidden(path: Path, index: int) -> tuple[Any, Any, int]:
    from uefacup.draw.files import load_pots_file

    entry = load_pots_file(path, index=index)
    pots, constraints = entry.pots, entry.constraints
    n = len(pots.seeded)
    fu = [
        sum(1 << j for j, s in enumerate(pots.seeded) if not constraints.allowed(u, s))
        for u in pots.unseeded
    ]
    fs = [sum(1 << i for i in range(n) if fu[i] >> j & 1) for j in range(n)]
    return np.array(fu, np.int64), np.array(fs, np.int64), n


def child(path: Path, index: int, engine: str) -> None:
    """One run in this process: a JSON line with seconds, peak RSS and the matrix."""
    fu, fs, n = _forbidden(path, index)
    stats: dict[str, Any] = {}
    if engine == "compile":
        from uefacup.draw import _probengine

        _probengine.warm_up()
        engine = "levels"
    if engine == "levels":
        rng = np.random.default_rng(1)  # warm-up on a random 9 v 9 draw (compiles the kernels)
        wu = [int(x) for x in (rng.random((9, 9)) < 0.2) @ (1 << np.arange(9))]
        wu = [w & ~(1 << i) for i, w in enumerate(wu)]
        ws = [sum(1 << i for i in range(9) if wu[i] >> j & 1) for j in range(9)]
        solve(np.array(wu, np.int64), np.array(ws, np.int64), 9)
        tables, _, _ = _tables(1, 1)
        _grow_components(tables, 1, 1)
        _rehash(np.full(4, -1, np.int64), np.zeros(1, np.uint64), 0, 0)
        start = time.perf_counter()
        out, stats = solve(fu, fs, n)
    else:
        from uefacup.draw import _probengine

        threads = 1 if engine == "engine-1" else _probengine.THREADS
        one = np.zeros(1, np.int64)
        _probengine._solve(one, one, 1, 1, 1)
        start = time.perf_counter()
        out, states, _ = _probengine._solve(fu, fs, n, n, threads)
        stats = {"states": states}
    stats["seconds"] = time.perf_counter() - start
    stats["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stats["matrix"] = out.tolist()
    print(json.dumps(stats))


def check(count: int) -> None:
    """Random pots of 4 to 8 teams (a quarter of the pairs forbidden) against the pure-Python
    solver of ``uefacup.draw.probabilities``; prints the largest difference."""
    from uefacup.draw.probabilities import _float_ratio, _Solver
    from uefacup.draw.teams import Constraints, Pots, Team

    rng = np.random.default_rng(2026)
    worst = 0.0
    for case in range(count):
        n = 4 + case % 5
        fu = [int(x) for x in (rng.random((n, n)) < 0.25) @ (1 << np.arange(n))]
        fu = [f & ~(1 << i) for i, f in enumerate(fu)]  # the diagonal keeps every pot drawable
        fs = [sum(1 << i for i in range(n) if fu[i] >> j & 1) for j in range(n)]
        seeded = tuple(Team(f"S{j}", f"A{j}") for j in range(n))
        unseeded = tuple(Team(f"U{i}", f"B{i}") for i in range(n))
        pairs = [(f"U{i}", f"S{j}") for i in range(n) for j in range(n) if fu[i] >> j & 1]
        solver = _Solver(Pots(seeded, unseeded), Constraints().with_pairs(pairs), _float_ratio)
        ref = np.array(solver.run())
        out, _ = solve(np.array(fu, np.int64), np.array(fs, np.int64), n)
        worst = max(worst, float(np.abs(out - ref).max()))
    print(f"{count} random pots of 4 to 8 teams: largest difference {worst:.1e}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--only", default="24,26", help="comma-separated draw indices")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--check", type=int, default=0, help="random pots against the solver")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.check:
        check(args.check)
        return
    if args.child:
        child(args.file, int(args.child[0]), args.child[1])
        return
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH")) if p
    )
    cache = tempfile.TemporaryDirectory()
    env["NUMBA_CACHE_DIR"] = cache.name
    subprocess.run(
        [sys.executable, __file__, "--file", str(args.file), "--child", "20", "compile"],
        capture_output=True,
        env=env,
        check=True,
    )
    print("draw  engine              seconds  peak MB  nodes / states  max diff")
    for index in (int(i) for i in args.only.split(",")):
        for _ in range(args.repeat):
            runs = {}
            for engine in ("engine-2", "engine-1", "levels"):
                done = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--file",
                        str(args.file),
                        "--child",
                        str(index),
                        engine,
                    ],
                    capture_output=True,
                    text=True,
                    env=env,
                    check=True,
                )
                runs[engine] = json.loads(done.stdout.strip().splitlines()[-1])
            ref = np.array(runs["engine-2"]["matrix"])
            for engine, run in runs.items():
                diff = float(np.abs(np.array(run["matrix"]) - ref).max())
                count = run["states"] + run.get("half_states", 0)
                label = {
                    "engine-2": "engine, 2 threads",
                    "engine-1": "engine, 1 thread",
                    "levels": "levels",
                }[engine]
                print(
                    f"{index:>4}  {label:<18} {run['seconds']:8.2f} {run['peak_mb']:8.0f} "
                    f"{count:>15,}  {diff:.1e}"
                )
                if engine == "levels":
                    print(
                        f"      (listing {run['listing_s']:.2f} s, values {run['values_s']:.2f} s,"
                        f" {run['links']:,} links, maps {run['map_mb']:.0f} MB, values of three"
                        f" levels at most {run['peak_values_mb']:.0f} MB)"
                    )
            sys.stdout.flush()


if __name__ == "__main__":
    main()

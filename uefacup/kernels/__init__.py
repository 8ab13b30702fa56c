"""Compiled numeric kernels (numba), each small and documented, with its plain reference.

``season``: whole simulated seasons (draws and ties) in one loop; its reference is the
one-season-at-a-time engine ``uefacup.simulate.reference`` built on the package's own draw
procedure and ``resolve_tie``. Importing this package does not import numba; its modules do.
"""

"""Pictures worth publishing, drawn with matplotlib (the ``plot`` extra), imported lazily.

* ``heatmap`` (in ``uefacup.simulate.plot``): a simulation's club x round chances;
* ``bracket``: a season's knockout bracket from any round, replayed;
* ``pairings``: a draw's pairing-probability matrix.

Each module has a ``*_figure`` function returning a matplotlib ``Figure`` (what the tests
inspect: titles and cell labels, not pixels) and the callers save it with ``canvas.save``.
"""

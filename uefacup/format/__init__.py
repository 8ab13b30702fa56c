"""A season's competition format: the rounds in order with their tie and draw rules.

``rounds`` holds the frozen values every engine reads, ``schema`` the strict pydantic models of
``season.toml``, ``load`` turns one into the other reporting every problem, and ``checks``
relates the format to the clubs and the recorded ties (sizes, the bracket).
"""

from uefacup.format.rounds import DrawFormat, Format, RoundFormat, Venue

__all__ = ["DrawFormat", "Format", "RoundFormat", "Venue"]

"""Names as people type them: rounds (``rounds``) and clubs (``clubs``), resolved against a
season's own keys, names and aliases."""

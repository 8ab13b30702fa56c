"""``python -m uefacup`` runs the same CLI as the console script."""

from uefacup.cli import main

if __name__ == "__main__":
    main(prog_name="uefacup")

"""`make notebooks`: put each page's notebook, exactly as the build makes it, into notebooks/.

Colab opens notebooks from the GitHub repository, so the repository carries a
copy of them; tests/test_notebooks_site.py fails when the copy differs from
what the build makes, and names this command.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="site-") as site:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site], cwd=REPO, check=True)
        built = built_notebooks(Path(site))
        shutil.rmtree(NOTEBOOKS, ignore_errors=True)
        for name, source in built.items():
            target = NOTEBOOKS / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    print(f"{len(built)} notebooks written to {NOTEBOOKS.relative_to(REPO)}/")


def built_notebooks(site: Path) -> dict[str, Path]:
    """The notebooks of a built site by their repository name: mkdocs-jupyter publishes
    notebooks/<page>.ipynb as notebooks/<page>/<page name>.ipynb beside its rendering."""
    return {
        source.parent.relative_to(site / "notebooks").as_posix() + ".ipynb": source
        for source in sorted((site / "notebooks").rglob("*.ipynb"))
        if source.stem == source.parent.name
    }


if __name__ == "__main__":
    main()

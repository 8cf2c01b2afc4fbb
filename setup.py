"""What pyproject.toml cannot declare about the wheel; setuptools reads everything else there.

- The packages: ``po_desktop`` and its subpackages, found, plus ``po_desktop.resources``,
  which is the ``resources/`` folder at the top of the repository (``package-dir`` in
  pyproject.toml): installed inside the package, read through importlib.resources.
- The translations: compiled into the package being built by tools/compile_translations.py,
  so a wheel (from the repository or from the sdist) ships them without ``make``. In an
  editable install the application reads ``resources/`` in place: they are compiled there.
"""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
RESOURCES_PACKAGE = "po_desktop.resources"


class BuildPyWithTranslations(build_py):
    """build_py, then the .mo files compiled beside the other resources."""

    def run(self) -> None:
        editable = getattr(self, "editable_mode", False)
        if not editable:
            # build/lib outlives the build that filled it: a module moved or deleted since
            # would ship again in the wheel. Start from nothing, as a build from the sdist does.
            shutil.rmtree(Path(self.build_lib, "po_desktop"), ignore_errors=True)
        super().run()
        sources = HERE / "resources" / "translations"
        target = sources if editable else Path(self.build_lib, "po_desktop", "resources", "translations")
        compile_translations = runpy.run_path(str(HERE / "tools" / "compile_translations.py"))[
            "compile_translations"
        ]
        # A wheel always gets fresh files: build/lib outlives the build that filled it.
        compiled = compile_translations(target, sources, force=not editable)
        self._translations = [str(mo) for mo in compiled]

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *getattr(self, "_translations", [])]


setup(
    packages=[*find_packages(include=["po_desktop", "po_desktop.*"]), RESOURCES_PACKAGE],
    cmdclass={"build_py": BuildPyWithTranslations},
)

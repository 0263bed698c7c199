"""Build hooks: the wheel carries libsctpx.so, so the installed package needs nothing else.

``build_py`` puts the shared library into the package: the one ``$SCTPX_LIBRARY`` names,
or else the one ``cargo build --release`` makes in the crate this directory belongs to
(``../../``, or ``$CARGO_TARGET_DIR``), without its debug information (``strip
--strip-debug``: the release profile keeps line tables for backtraces, 4.5 of the library's
5 MB; its symbols stay). Beside it goes ``sctpx_cffi.h``, the declarations for cffi's ABI
mode, from the crate's ``include/``.

The wheel is tagged ``py3-none-<platform>``: it holds native code but no Python extension, so
any Python 3.9+ on the platform can use it. This builds ``linux_x86_64``, which no index
takes; ``auditwheel repair`` (``make python-wheel``) checks the library against the manylinux
policies and retags it ``manylinux_2_X``, as maturin does for Rust-built wheels. All
metadata is in pyproject.toml.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py as _build_py

try:
    from setuptools.command.bdist_wheel import bdist_wheel as _bdist_wheel
except ImportError:  # setuptools < 70.1 has it in the wheel package
    from wheel.bdist_wheel import bdist_wheel as _bdist_wheel

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(os.path.dirname(HERE))
LIBRARY = "libsctpx.so"
CFFI_DECLARATIONS = "sctpx_cffi.h"


def built_library() -> str:
    given = os.environ.get("SCTPX_LIBRARY")
    if given:
        return given
    if not os.path.exists(os.path.join(CRATE, "Cargo.toml")):
        raise SystemExit(
            "sctpx: the Rust crate is not at %s; build from the sctpx source tree or set "
            "SCTPX_LIBRARY to a built libsctpx.so" % CRATE
        )
    subprocess.check_call(["cargo", "build", "--release"], cwd=CRATE)
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(CRATE, "target")
    return os.path.join(target, "release", LIBRARY)


class build_py(_build_py):
    def run(self) -> None:
        super().run()
        package = os.path.join(self.build_lib, "sctpx")
        self.mkpath(package)
        library = os.path.join(package, LIBRARY)
        shutil.copyfile(built_library(), library)
        subprocess.check_call([os.environ.get("STRIP", "strip"), "--strip-debug", library])
        shutil.copyfile(os.path.join(CRATE, "include", CFFI_DECLARATIONS), os.path.join(package, CFFI_DECLARATIONS))


class NativeDistribution(Distribution):
    """Native code inside: a platform wheel, installed to platlib."""

    def has_ext_modules(self) -> bool:
        return True


class bdist_wheel(_bdist_wheel):
    def get_tag(self):  # type: ignore[no-untyped-def]
        _, _, plat = super().get_tag()
        return "py3", "none", plat


setup(distclass=NativeDistribution, cmdclass={"build_py": build_py, "bdist_wheel": bdist_wheel})

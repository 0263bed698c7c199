"""``import _sctp`` for PySCTP programs moved to sctpx: PySCTP's C module, as
:mod:`sctpx._sctp` provides it. Where PySCTP is installed beside sctpx, Python finds its
compiled ``_sctp`` in the same directory first (extension modules before source files)."""

from sctpx._sctp import *  # noqa: F403
from sctpx._sctp import __all__  # noqa: F401

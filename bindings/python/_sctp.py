"""``import _sctp`` for PySCTP programs moved to sctpx: PySCTP's C module, as
:mod:`sctpx.pysctp._sctp` provides it (this module makes the name stand for that one). Where PySCTP
is installed beside sctpx, Python finds its compiled ``_sctp`` in the same directory first
(extension modules before source files)."""

import sys

from sctpx.pysctp import _sctp

sys.modules[__name__] = _sctp

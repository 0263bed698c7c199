"""Deprecated: :mod:`sctpx.pysctp._sctp` (the PySCTP layer has its own subpackage now).
``import _sctp`` keeps working without a warning; this old path warns for one release."""

import sys
import warnings

from .pysctp import _sctp

warnings.warn("sctpx._sctp moved to sctpx.pysctp._sctp", DeprecationWarning, stacklevel=2)
sys.modules[__name__] = _sctp

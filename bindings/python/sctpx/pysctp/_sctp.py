"""PySCTP's C module ``_sctp``, as far as PySCTP programs use it directly: ``getconstant``
and the ``have_sctp_*`` tests of what the SCTP implementation offers (Linux kernel SCTP).

PySCTP programs ``import _sctp`` (``_sctp.py`` at the top of this distribution is this
module); the descriptor-level functions of PySCTP's module (``sctp_send_msg``, ``bindx``,
``get_nodelay``, ...) are what ``sctp.sctpsocket`` calls for them, so programs reach
those through :mod:`sctpx.pysctp`'s socket methods instead.
"""

from __future__ import annotations

from . import getconstant

__all__ = [
    "getconstant",
    "have_sctp_addip",
    "have_sctp_multibuf",
    "have_sctp_noconnect",
    "have_sctp_prsctp",
    "have_sctp_sat_network",
    "have_sctp_setprimary",
]


# The answers PySCTP compiles in from lksctp-tools' <netinet/sctp.h> on Linux, which
# defines HAVE_SCTP_MULTIBUF, _NOCONNECT, _PRSCTP, _ADDIP and _CANSET_PRIMARY but not
# HAVE_SCTP_SAT_NETWORK_CAPABILITY. sctpx.pysctp.features() is made from them, as
# PySCTP's is.


def have_sctp_multibuf() -> bool:
    """True, as PySCTP says on Linux (lksctp-tools' header defines HAVE_SCTP_MULTIBUF)."""
    return True


def have_sctp_noconnect() -> bool:
    """True: a one-to-many send sets up an association implicitly."""
    return True


def have_sctp_sat_network() -> bool:
    """False: Linux has no satellite network capability."""
    return False


def have_sctp_setprimary() -> bool:
    """True: the primary path can be set (``set_primary``)."""
    return True


def have_sctp_prsctp() -> bool:
    """True: partial reliability (PR-SCTP)."""
    return True


def have_sctp_addip() -> bool:
    """True: dynamic address reconfiguration (ASCONF)."""
    return True

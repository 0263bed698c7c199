# TAP helpers for the C test scripts (sourced, not run): `check STATUS DESCRIPTION [DETAIL...]`
# prints "ok N - DESCRIPTION", or "not ok N - ..." with each DETAIL as a "#" line; `finish`
# prints the plan and returns non-zero when anything failed.
tap_n=0
tap_failed=0

check() {
  tap_n=$((tap_n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $tap_n - $2"
  else
    tap_failed=$((tap_failed + 1))
    echo "not ok $tap_n - $2"
    shift 2
    for line in "$@"; do printf '%s\n' "$line" | sed 's/^/#   /'; done
  fi
}

finish() {
  echo "1..$tap_n"
  [ "$tap_failed" = 0 ]
}

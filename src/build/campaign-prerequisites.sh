#!/usr/bin/env bash
# What the reliability campaign (mvn -Preliability verify) needs beyond the test command's own
# prerequisites: Debian's wrk (the soak's load) and slowhttptest (the slow clients). Installed here
# when missing on a Debian machine where we are root; otherwise one message that names them, and
# the build stops at once instead of failing an hour later.
set -euo pipefail

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v slowhttptest >/dev/null 2>&1 || missing+=(slowhttptest)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[raccord] The reliability campaign needs ${missing[*]}: installing from Debian's packages."
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
for tool in "${missing[@]}"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    printf '\n[raccord] The reliability campaign needs %s. Install it, then run the campaign again:\n  sudo apt-get install %s\n\n' \
      "${missing[*]}" "${missing[*]}" >&2
    exit 1
  fi
done

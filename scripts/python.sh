#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (Django 6.1 needs it): $PYTHON, then python3.13/3.12 on
# PATH, then any pyenv-installed 3.12+.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for cand in "${PYTHON:-}" python3.14 python3.13 python3.12 python3; do
  [ -n "$cand" ] || continue
  if ok "$cand"; then command -v "$cand"; exit 0; fi
done
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for cand in $(ls -d "$root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
  if ok "$cand"; then echo "$cand"; exit 0; fi
done
echo "sergur needs Python 3.12 or newer; set PYTHON=/path/to/python3.12" >&2
exit 1

#!/usr/bin/env bash
# The issue 2 flow in a real terminal (tmux), as a person would do it:
# start reader on a new temp library, see the samples, open one, jump quotes, tag it, note a
# quote, quit; restart and check the tag and note are there; export by tag. Prints PASS/FAIL.
#   scripts/tmux_flow.sh            (needs tmux and reader installed: pip install -e .)
set -u
[ -n "${DEBUG:-}" ] && set -x
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
TMP=$(mktemp -d)
LIB=$TMP/library
export READER_CACHE=$TMP/cache  # derived caches beside it, not in the user's cache folder
SESSION=reader-flow-$$
OUT=$(mktemp -d)
fail() { echo "FAIL: $*"; tmux capture-pane -t "$SESSION" -p > "$OUT/last-screen.txt" 2>/dev/null;
         echo "(last screen: $OUT/last-screen.txt)"; tmux kill-session -t "$SESSION" 2>/dev/null; exit 1; }
screen() { tmux capture-pane -t "$SESSION" -p; }
keys() { for k in "$@"; do tmux send-keys -t "$SESSION" "$k"; sleep 0.25; done; }
type_text() { tmux send-keys -t "$SESSION" -l "$1"; sleep 0.4; }
wait_for() {  # wait_for TEXT [SECONDS]
  local deadline=$(( $(date +%s) + ${2:-20} ))
  while [ "$(date +%s)" -le "$deadline" ]; do
    screen | grep -qF -- "$1" && return 0
    sleep 0.3
  done
  fail "did not see '$1'"
}
command -v tmux >/dev/null || { echo "FAIL: tmux is not installed"; exit 1; }

start() {
  tmux new-session -d -s "$SESSION" -x 120 -y 40 \
    "READER_HOME='$LIB' READER_CACHE='$READER_CACHE' $PY -m reader; echo READER-EXITED-\$?; sleep 60"
}

start
wait_for "sample articles (tagged sample)" 60
wait_for "articles · "
keys Enter
wait_for "quotes ·"
keys n
wait_for "quote 1/"
keys n
wait_for "quote 2/"
keys N
wait_for "quote 1/"
screen > "$OUT/article.txt"
keys t
wait_for "Tags of this article"
# the current tags are prefilled with the cursor after them: typing adds one
type_text "tmuxflow"
keys Enter
wait_for "#tmuxflow"
keys a
wait_for "ctrl+s to save"
type_text "Who is speaking here?"
keys C-s
wait_for "1 note "
keys q
wait_for "articles · "
keys q
wait_for "READER-EXITED-0"
tmux kill-session -t "$SESSION"

# restart: the tag and the note are still there
start
wait_for "articles · "
keys Enter
# the tag joined the article's own tags (the table's tags column is too narrow to show all)
wait_for "#tmuxflow"
wait_for "1 note "
keys o
wait_for "Who is speaking here?"
keys Escape q   # close the notes panel, back to the library
wait_for "articles · "
keys q
wait_for "READER-EXITED-0"
tmux kill-session -t "$SESSION"

# the export has the title, the tag, the note and the passage as a blockquote
READER_HOME="$LIB" $PY -m reader export --tag tmuxflow -o "$OUT/export.md" || fail "export failed"
grep -q "tmuxflow" "$OUT/export.md" || fail "export lacks the tag"
grep -q "Who is speaking here?" "$OUT/export.md" || fail "export lacks the note"
grep -q "^> " "$OUT/export.md" || fail "export lacks the passage blockquote"
echo "PASS: tmux flow (screens and export in $OUT)"

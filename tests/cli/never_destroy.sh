#!/usr/bin/env bash
# Issue 19: pfsim never destroys a file, and says what it did. Every refusal must exit 2 with one line on stderr
# naming the problem, before any simulation, and leave the target byte-for-byte unchanged (checksum before/after).
# Aliases (symlinks, hard links, an `extends:` base, a census or scheme file) are made here, at test time.
set -u
pfsim=$1
source=$2
python=${3:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# Regular files by content; anything else (a FIFO would block a read) by type, inode and modification time.
sum() {
  if [ -f "$1" ]; then cksum <"$1"; elif [ -e "$1" ]; then stat -L -c '%F %i %Y' "$1"; else echo absent; fi
}

# refuse NAME TARGET EXPECTED-TEXT pfsim-args...: exit 2, one stderr line containing the text, TARGET unchanged.
refuse() {
  local name=$1 target=$2 text=$3; shift 3
  local before
  before=$(sum "$target")
  timeout 60 "$pfsim" "$@" >/dev/null 2>"$work/stderr" </dev/null
  local status=$? lines
  lines=$(wc -l <"$work/stderr")
  if [ "$status" -ne 2 ] || [ "$lines" -ne 1 ] || ! grep -qF -- "$text" "$work/stderr"; then
    fail "$name: exit $status (want 2), $lines stderr lines, want text \"$text\":"; sed 's/^/    /' "$work/stderr"
  else
    echo "ok   $name: $(cat "$work/stderr")"
  fi
  [ "$(sum "$target")" = "$before" ] || fail "$name: $target changed"
  [ -e "$target.tmp" ] && fail "$name: left $target.tmp"
  return 0
}

sc="$work/sc"
mkdir -p "$sc"
cp -r "$source/scenarios/census" "$source/scenarios/schemes" "$sc/"
cp "$source"/scenarios/south-east-essex-2019*.yaml "$sc/"
base="$sc/south-east-essex-2019.yaml"
census_scenario="$sc/south-east-essex-2019-census.yaml"
schemes_scenario="$sc/south-east-essex-2019-schemes.yaml"
census_csv="$sc/census/south-east-essex-2019-census.csv"
mmc="$work/mmc.yaml"
cp "$source/scenarios/tests/mmc-ae.yaml" "$mmc"
quick=(-r 2 -j 1 -q --set run.days=10)

# 1. Outputs that are inputs, however reached.
refuse "-o is the scenario" "$mmc" "the same file as $mmc, the scenario" run "$mmc" -o "$mmc" -q
ln -s "$mmc" "$work/link.h5"
refuse "-o symlink to the scenario" "$mmc" "through a symlink" run "$mmc" -o "$work/link.h5" -q
ln "$mmc" "$work/hard.h5"
refuse "-o hard link to the scenario" "$mmc" "through a hard link" run "$mmc" -o "$work/hard.h5" -q
refuse "-o is the extends: base" "$base" "which $census_scenario reads" run "$census_scenario" -o "$base" -q
ln -s "$census_csv" "$work/census-link.h5"
refuse "-o symlink to the census file" "$census_csv" "the same file as $census_csv" run "$census_scenario" -o "$work/census-link.h5" -q
ln "$sc/schemes/bcf-southend-2019-20.yaml" "$work/schemes-hard.h5"
refuse "-o hard link to a scheme file" "$sc/schemes/bcf-southend-2019-20.yaml" "through a hard link" \
  run "$schemes_scenario" -o "$work/schemes-hard.h5" -q
refuse "--save-census over the census it reads" "$census_csv" "--save-census $census_csv: is the same file" \
  run "$census_scenario" -q -o "$work/c.h5" --save-census 2020-03-20 "$census_csv"
refuse "--save-census over the scenario" "$mmc" "--save-census $mmc: is the same file as $mmc" \
  run "$mmc" -q -o "$work/c.h5" --save-census 2021-01-05 "$mmc"
refuse "--save-census is -o" "$work/same.out" "one output would overwrite the other" \
  run "$mmc" -q -o "$work/same.out" --save-census 2021-01-05 "$work/same.out"
mkdir -p "$work/opts/a" "$work/opts/b"
cp "$mmc" "$work/opts/a/option.yaml"; cp "$mmc" "$work/opts/b/option.yaml"
refuse "compare -o is an option" "$work/opts/a/option.yaml" "an option scenario" compare "$mmc" "$work/opts/a/option.yaml" -r 2 -q -o "$work/opts/a/option.yaml"
refuse "compare: two options with one name" "$work/cmp.h5" "would both be written as /compare/option/" \
  compare "$mmc" "$work/opts/a/option.yaml" "$work/opts/b/option.yaml" -r 2 -q -o "$work/cmp.h5"
"$pfsim" run "$mmc" "${quick[@]}" -o "$work/r.h5" || fail "a plain run failed"
refuse "report -o is the results file" "$work/r.h5" "the results file being read" report "$work/r.h5" -o "$work/r.h5"
ln -s "$work/r.h5" "$work/r-link.html"
refuse "report -o symlink to the results file" "$work/r.h5" "through a symlink" report "$work/r.h5" -o "$work/r-link.html"
refuse "calibrate -o NAME.h5 (the diagnostics file too)" "$work/cal.h5" "one output would overwrite the other" \
  calibrate "$source/scenarios/tests/calibrate-mmc.yaml" -o "$work/cal.h5" -q

# 2. Outputs that exist and are not regular files, or are files pfsim did not write.
refuse "-o /dev/full" /dev/full "is a character device" run "$mmc" -o /dev/full -q
refuse "-o /dev/null" /dev/null "is a character device" run "$mmc" -o /dev/null -q
mkfifo "$work/fifo"
refuse "-o a FIFO" "$work/fifo" "is a FIFO" run "$mmc" -o "$work/fifo" -q
mkdir "$work/dir"
refuse "-o a directory" "$work/dir" "is a directory" run "$mmc" -o "$work/dir" -q
refuse "report -o /dev/full" /dev/full "is a character device" report "$work/r.h5" -o /dev/full
printf 'pfsim: 1\nname: my notes\n' >"$work/notes.yaml"
refuse "run -o over a file that is not HDF5" "$work/notes.yaml" "is not an HDF5 results file; refusing to overwrite it" \
  run "$mmc" -o "$work/notes.yaml" -q
echo "<p>mine</p>" >"$work/mine.html"
refuse "report -o over a page pfsim did not write" "$work/mine.html" "is not a pfsim report" report "$work/r.h5" -o "$work/mine.html"
echo "a,b" >"$work/mine.csv"
refuse "--save-census over a CSV that is not a census" "$work/mine.csv" "is not a census CSV" \
  run "$mmc" -q -o "$work/c.h5" --save-census 2021-01-05 "$work/mine.csv"
refuse "calibrate over an existing file (the shipped calibrated scenario's case)" "$sc/south-east-essex-2019-calibrated.yaml" \
  "calibrate does not overwrite a file without --force" calibrate "$base" -q
mkdir "$work/r2.h5.ckpt"; echo keep >"$work/r2.h5.ckpt/thesis.tex"
refuse "run over a directory <out>.ckpt that is not pfsim's" "$work/r2.h5.ckpt/thesis.tex" "which is not a pfsim checkpoint" \
  run "$mmc" -q -o "$work/r2.h5"
# ... and what is allowed: re-running over pfsim's own results, --force over a foreign file.
"$pfsim" run "$mmc" "${quick[@]}" -o "$work/r.h5" || fail "re-running over an existing results file failed"
"$pfsim" report "$work/r.h5" >/dev/null && "$pfsim" report "$work/r.h5" >/dev/null || fail "re-writing a pfsim report failed"
"$pfsim" run "$mmc" "${quick[@]}" -o "$work/notes.yaml" --force || fail "--force over a foreign file failed"
: >"$work/empty.out"
"$pfsim" run "$mmc" "${quick[@]}" -o "$work/empty.out" || fail "writing over an empty file (e.g. from mktemp) failed"

# 3. Errors that used to mislead.
refuse "unknown command" "$mmc" 'unknown command "rn", did you mean "run"?' rn "$mmc"
refuse "unknown option" "$mmc" "unknown option --replicatons, did you mean --replications?" run "$mmc" --replicatons 5
refuse "--seed not a number" "$mmc" '--seed: expected a whole number from 0 to 18446744073709551615, got "abc"' run "$mmc" --seed abc -q
refuse "--ci-kpi without --target-ci" "$mmc" "--ci-kpi and --max-replications only apply with --target-ci" run "$mmc" --ci-kpi ae_4h_pct -q
ln -s loop-b.yaml "$work/loop-a.yaml"; ln -s loop-a.yaml "$work/loop-b.yaml"
refuse "validate a symlink loop" "$mmc" "symlink loop" validate "$work/loop-a.yaml"
refuse "info a symlink loop" "$mmc" "symlink loop" info "$work/loop-a.yaml"
refuse "validate a scheme file" "$mmc" "this is a scheme file (\`pfsim_schemes: 1\`), not a scenario" validate "$sc/schemes/bcf-southend-2019-20.yaml"

# 4. Runs say what they did: the whole command line, Ctrl-C's hint, what --resume reused or discarded.
"$pfsim" run "$mmc" -r 2 -j 1 -q --set run.days=10 --seed 7 -o "$work/meta.h5" || fail "run for /meta failed"
cl=$("$python" -c "import h5py,sys; print(h5py.File(sys.argv[1])['meta'].attrs['command_line'])" "$work/meta.h5")
[ "$cl" = "pfsim run $mmc -r 2 -j 1 -q --set run.days=10 --seed 7 -o $work/meta.h5" ] || fail "/meta/command_line is \"$cl\""
long=(run "$source/scenarios/south-east-essex-2019.yaml" -r 40 -j 1 -q --set run.days=150 -o "$work/int.h5")
"$pfsim" "${long[@]}" 2>"$work/int.err" &
pid=$!
for _ in $(seq 1 400); do
  [ "$(ls "$work/int.h5.ckpt" 2>/dev/null | grep -c '\.rep$')" -ge 2 ] && break
  sleep 0.05
done
kill -INT "$pid"; wait "$pid"; status=$?
if [ "$status" -ne 130 ] || ! grep -qE "^pfsim: interrupted; [0-9]+ replication\(s\) finished are checkpointed in $work/int.h5.ckpt \(hint: continue with \`pfsim run .* --resume\`\)$" "$work/int.err"; then
  fail "Ctrl-C: exit $status (want 130), stderr:"; sed 's/^/    /' "$work/int.err"
else echo "ok   Ctrl-C: $(cat "$work/int.err")"; fi
"$pfsim" "${long[@]}" --resume 2>"$work/reuse.err" >/dev/null || fail "resume failed"
grep -qE "^pfsim: resume: reusing [0-9]+ of 40 replications checkpointed in $work/int.h5.ckpt$" "$work/reuse.err" \
  && echo "ok   resume: $(cat "$work/reuse.err")" || { fail "resume did not say what it reused:"; cat "$work/reuse.err"; }
"$pfsim" "${long[@]}" 2>/dev/null &
pid=$!
for _ in $(seq 1 400); do
  [ "$(ls "$work/int.h5.ckpt" 2>/dev/null | grep -c '\.rep$')" -ge 2 ] && break
  sleep 0.05
done
kill -INT "$pid"; wait "$pid"
"$pfsim" "${long[@]}" --resume --set run.seed=99 2>"$work/discard.err" >/dev/null &
pid=$!
sleep 0.3; kill -INT "$pid"; wait "$pid"
grep -qE "^pfsim: resume: discarded [0-9]+ checkpointed replication\(s\) in .*: they belong to a different run .*; they were written by \`pfsim run " \
  "$work/discard.err" && echo "ok   resume with another --set: $(head -1 "$work/discard.err")" || { fail "resume after a changed --set:"; cat "$work/discard.err"; }
rm -rf "$work/int.h5.ckpt"
"$pfsim" run "$mmc" -r 3 -j 1 --set run.days=10 -o "$work/fresh.h5" --resume 2>"$work/fresh.err" >/dev/null
grep -q "^pfsim: resume: no checkpoints in $work/fresh.h5.ckpt, so every replication runs$" "$work/fresh.err" \
  && echo "ok   resume without checkpoints: $(cat "$work/fresh.err")" || { fail "resume without checkpoints:"; cat "$work/fresh.err"; }

echo "never destroy: $failures failures"
[ "$failures" -eq 0 ]

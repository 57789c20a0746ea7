#!/usr/bin/env bash
# kernel-tree-check.sh - run the built tool inside a configured kernel tree and check what it says.
#
# Usage: scripts/kernel-tree-check.sh TOOL TREE
#   TOOL  the built aio-audit binary
#   TREE  a configured tree with compile_commands.json (scripts/kernel-tree.sh prints its path)
#
# From inside TREE:
#   - `check fs/aio.c` parses in kernel-tree mode (the compile database), with no parse error
#     left, and exits 0 or 1 (never 2);
#   - `check --format sarif fs/aio.c` prints JSON (SARIF 2.1.0, one run);
#   - `diff --patch P fs/aio.c` with patches made here, in a temporary directory outside the tree:
#     a harmless comment inside a function (exit 0, nothing introduced), the removal of
#     lookup_ioctx()'s rcu_read_lock()/rcu_read_unlock() pair (exit 1, rcu-uncovered-deref
#     introduced in lookup_ioctx; the same on standard input with -v, both sides in kernel-tree
#     mode), and a hunk whose context does not match (exit 2, one line);
#   - nothing was written into the tree.
# Prints one `ok:` or `FAIL:` line per check on standard error; exits 1 if any check failed, 2 on
# a usage error.
set -euo pipefail

(($# == 2)) || { echo "usage: $0 TOOL TREE" >&2; exit 2; }
tool=$(realpath -- "$1")
tree=$(realpath -- "$2")
[[ -x $tool ]] || { echo "kernel-tree-check: $1: not an executable" >&2; exit 2; }
[[ -f $tree/compile_commands.json && -f $tree/fs/aio.c ]] ||
	{ echo "kernel-tree-check: $2: no compile_commands.json or fs/aio.c" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/aio-audit-tree-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
case "$work/" in "$tree"/*) echo "kernel-tree-check: temporary directory inside the tree" >&2; exit 2 ;; esac
# A cache of its own, empty at the start: the first check builds the preamble, the next reuse it.
export XDG_CACHE_HOME="$work/cache"

failures=0
fail() { printf 'kernel-tree-check: FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
pass() { printf 'kernel-tree-check: ok: %s\n' "$*" >&2; }

# run NAME CMD...: stdout in $work/NAME.out, stderr in $work/NAME.err, status in $status.
run() {
	local name=$1
	shift
	status=0
	"$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
}

# Everything after this stamp that is newer in the tree was written by the tool.
touch "$work/stamp"
sleep 1 # coarse file-system timestamps: anything written later is strictly newer
cd "$tree"

# A parse error listed (--verbose), or the warning that some remain; `-v` also counts them
# ("..., 0 parse errors"), which is no error.
parse_errors=': parse error: |parse errors? remains? '

# ---- check, text ------------------------------------------------------------------------------
run check "$tool" check fs/aio.c
if [[ $status != 0 && $status != 1 ]]; then
	fail "check fs/aio.c exited $status: $(head -c 500 "$work/check.err")"
elif grep -qE "$parse_errors" "$work/check.err"; then
	fail "check fs/aio.c left parse errors: $(grep -E "$parse_errors" "$work/check.err" | head -n 3)"
else
	pass "check fs/aio.c exited $status ($(grep -c ': error: ' "$work/check.out" || true) errors, $(grep -c ': warning: ' "$work/check.out" || true) warnings)"
fi

# The mode is said with --verbose (on standard error); the findings must not change with it.
run verbose "$tool" check --verbose fs/aio.c
if ! grep -q '^fs/aio.c: parsed in kernel-tree mode' "$work/verbose.err"; then
	fail "check --verbose fs/aio.c did not parse in kernel-tree mode: $(head -n 3 "$work/verbose.err")"
elif grep -qE "$parse_errors" "$work/verbose.err"; then
	fail "check --verbose fs/aio.c lists parse errors: $(grep -E "$parse_errors" "$work/verbose.err" | head -n 3)"
elif [[ $status != 0 && $status != 1 ]] || ! cmp -s "$work/check.out" "$work/verbose.out"; then
	fail "check --verbose fs/aio.c exited $status or printed other findings than check"
else
	pass "$(head -n 1 "$work/verbose.err")"
fi

# Warm (the preamble built by the first check) and without the cache: the same findings.
if ! grep -q 'preamble cache hit' "$work/verbose.err"; then
	fail "check --verbose fs/aio.c after a check did not reuse the preamble: $(grep -i preamble "$work/verbose.err" | head -n 2)"
else
	pass "$(grep 'preamble cache hit' "$work/verbose.err" | head -n 1)"
fi
run nocache "$tool" check --no-cache fs/aio.c
if ! cmp -s "$work/check.out" "$work/nocache.out"; then
	fail "check --no-cache fs/aio.c printed other findings than check with the cache"
else
	pass "check --no-cache fs/aio.c: the same findings as with the cache"
fi

# ---- check, SARIF -----------------------------------------------------------------------------
run sarif "$tool" check --format sarif fs/aio.c
if [[ $status != 0 && $status != 1 ]]; then
	fail "check --format sarif fs/aio.c exited $status: $(head -c 500 "$work/sarif.err")"
elif ! said=$(python3 - "$work/sarif.out" <<'PY' 2>&1
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0", "not SARIF 2.1.0"
assert len(log["runs"]) == 1, "not one run"
results = log["runs"][0]["results"]
assert all(r["locations"] and r["level"] in ("error", "warning", "note") for r in results), "a result lacks a location or level"
print(f"{len(results)} results")
PY
); then
	fail "check --format sarif fs/aio.c: not valid SARIF JSON: $said"
else
	pass "check --format sarif fs/aio.c exited $status: valid JSON, $said"
fi

# ---- diff --patch -----------------------------------------------------------------------------
# Patches are made from copies in $work; the tree is only read.
cp fs/aio.c "$work/before.c"

# edit OUT AWK-PROGRAM: a copy of fs/aio.c with lookup_ioctx() edited by the program, which sees
# `inside` (1 from the function's first line to its closing brace) and prints what it keeps.
edit() {
	awk '
		/^static struct kioctx \*lookup_ioctx\(/ { inside = 1 }
		{ line = $0 }
		'"$2"'
		inside && /^}/ { inside = 0 }
	' "$work/before.c" >"$work/$1.c" || { fail "could not edit a copy of fs/aio.c for $1"; return 1; }
}
# make_patch NAME FROM TO: a unified diff of fs/aio.c, as git would name it.
make_patch() {
	local s=0
	diff -u --label a/fs/aio.c --label b/fs/aio.c "$work/$2.c" "$work/$3.c" >"$work/$1.patch" || s=$?
	[[ $s == 1 ]] || { fail "could not make $1.patch (diff exited $s; is lookup_ioctx() in fs/aio.c?)"; return 1; }
}
# classes FILE: introduced/fixed/unchanged counts and the introduced rules and functions, from JSON.
classes() {
	python3 - "$1" <<'PY'
import json, sys
files = json.load(open(sys.argv[1]))["files"]
introduced = [f for x in files for f in x["introduced"]]
print(len(introduced), sum(len(x["fixed"]) for x in files), sum(len(x["unchanged"]) for x in files),
      " ".join(sorted({f'{f["rule"]}@{f["function"]}' for f in introduced})) or "-")
PY
}

# A harmless comment inside lookup_ioctx(): nothing introduced, nothing fixed.
if edit comment '{ print } inside && /^{/ { print "\t/* aio-audit CI: a harmless comment */" }' &&
	make_patch comment before comment; then
	run comment "$tool" diff --patch "$work/comment.patch" fs/aio.c
	run comment-json "$tool" diff --patch "$work/comment.patch" fs/aio.c --format json
	if [[ $status != 0 ]]; then
		fail "diff of a harmless comment exited $status: $(head -c 500 "$work/comment-json.err")"
	elif ! read -r introduced fixed unchanged rules < <(classes "$work/comment-json.out"); then
		fail "diff --format json of a harmless comment is not the expected JSON"
	elif [[ $introduced != 0 || $fixed != 0 ]] || ! grep -q '^fs/aio.c: 0 introduced, 0 fixed' "$work/comment.out"; then
		fail "diff of a harmless comment: $introduced introduced ($rules), $fixed fixed; text: $(head -n 1 "$work/comment.out")"
	else
		pass "diff of a harmless comment exited 0: 0 introduced, 0 fixed, $unchanged unchanged"
	fi
fi

# lookup_ioctx() without its RCU read-side section: what rcu_dereference() found is touched unpinned.
if edit no-rcu '{ if (!(inside && (line == "\trcu_read_lock();" || line == "\trcu_read_unlock();"))) print }' &&
	make_patch no-rcu before no-rcu; then
	run no-rcu "$tool" diff --patch "$work/no-rcu.patch" fs/aio.c
	run no-rcu-json "$tool" diff --patch "$work/no-rcu.patch" fs/aio.c --format json
	if [[ $status != 1 ]]; then
		fail "diff removing lookup_ioctx()'s RCU section exited $status, not 1: $(head -c 500 "$work/no-rcu-json.err")"
	elif ! read -r introduced fixed unchanged rules < <(classes "$work/no-rcu-json.out"); then
		fail "diff --format json removing lookup_ioctx()'s RCU section is not the expected JSON"
	elif [[ $introduced == 0 || $rules != rcu-uncovered-deref@lookup_ioctx || $fixed != 0 ]]; then
		fail "diff removing lookup_ioctx()'s RCU section: $introduced introduced ($rules), $fixed fixed"
	elif ! grep -q 'error: .*\[rcu-uncovered-deref\]' "$work/no-rcu.out"; then
		fail "diff removing lookup_ioctx()'s RCU section: the text output does not show the finding"
	else
		pass "diff removing lookup_ioctx()'s RCU section exited 1: $introduced introduced ($rules)"
	fi
fi

# The same patch on standard input, with -v: both sides parse in kernel-tree mode, as check does.
if [[ -f $work/no-rcu.patch ]]; then
	status=0
	"$tool" diff --patch - fs/aio.c -v <"$work/no-rcu.patch" >"$work/stdin.out" 2>"$work/stdin.err" || status=$?
	if [[ $status != 1 ]]; then
		fail "diff --patch - (the RCU section removed) exited $status, not 1: $(head -c 500 "$work/stdin.err")"
	elif ! grep -q '^fs/aio.c (before): parsed in kernel-tree mode, .* 0 parse errors$' "$work/stdin.err" ||
		! grep -q '^fs/aio.c (after): parsed in kernel-tree mode, .* 0 parse errors$' "$work/stdin.err"; then
		fail "diff -v does not say both sides parsed in kernel-tree mode: $(head -n 3 "$work/stdin.err")"
	else
		pass "diff --patch - -v exited 1: $(tr '\n' ';' <"$work/stdin.err")"
	fi
fi

# A hunk whose context is not in the file: one line on standard error, exit 2, no output.
if edit renamed '{ if (inside && /^static struct kioctx/) sub(/lookup_ioctx/, "lookup_ioctx_renamed", line); print line }' &&
	make_patch mismatch renamed comment; then
	run mismatch "$tool" diff --patch "$work/mismatch.patch" fs/aio.c
	if [[ $status != 2 || -s $work/mismatch.out || $(wc -l <"$work/mismatch.err") != 1 ]] ||
		! grep -q '^aio-audit: error: ' "$work/mismatch.err"; then
		fail "diff with a hunk that does not match exited $status (want 2 and one line): $(head -c 500 "$work/mismatch.err")"
	else
		pass "diff with a hunk that does not match exited 2: $(cat "$work/mismatch.err")"
	fi
fi

# ---- nothing written into the tree --------------------------------------------------------------
written=$(find "$tree" -newer "$work/stamp" \( -type f -o -type l \) -print | head -n 20)
if [[ -n $written ]]; then
	fail "files were written into the tree: $(tr '\n' ' ' <<<"$written")"
else
	pass "nothing was written into $tree"
fi

if ((failures)); then
	printf 'kernel-tree-check: %d check(s) failed\n' "$failures" >&2
	exit 1
fi
printf 'kernel-tree-check: all checks passed in %s\n' "$tree" >&2

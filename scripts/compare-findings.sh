#!/usr/bin/env bash
# compare-findings.sh OLD NEW [FILE|DIR]... - are two builds' findings byte-identical?
#
# Runs `check`, `facts` and `graph` (`--standalone --format json`) with both binaries on every C
# fixture of the repository,
# every file of the corpus (../shared/corpus, or $AIO_AUDIT_CORPUS) and the files or directories
# given (other eras of fs/aio.c kept outside the repository), and prints each file whose output
# differs, with the difference. For a refactoring that must not change behaviour: build the old
# commit elsewhere (git worktree add /tmp/old COMMIT && swift build --package-path /tmp/old) and
# compare. With AIO_AUDIT_KERNEL_TREE set to a configured kernel tree, fs/aio.c there is compared in
# kernel-tree mode too, with and without the preamble cache. Exits 0 when every output is identical, 1 otherwise, 2 on a usage error.
set -euo pipefail

(($# >= 2)) || { echo "usage: $0 OLD-TOOL NEW-TOOL [FILE|DIR]..." >&2; exit 2; }
old=$1 new=$2
shift 2
[[ -x $old && -x $new ]] || { echo "compare-findings: both tools must be executables" >&2; exit 2; }
old=$(realpath "$old") new=$(realpath "$new")
cd "$(dirname "$0")/.."
corpus=${AIO_AUDIT_CORPUS:-../shared/corpus}

files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(
	{
		find fixtures -name '*.c' -print0
		[[ -d $corpus ]] && find "$corpus" -name '*.c' -print0
		for extra in "$@"; do find "$extra" -name '*.c' -print0; done
	} | sort -z
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
differ=0
# compare DIRECTORY LABEL ARGS...: both tools run with ARGS in DIRECTORY; a difference is counted
# and shown. Status 2 (input errors) is output too: compare what each printed, whatever it was.
compare() {
	local dir=$1 label=$2
	shift 2
	(cd "$dir" && "$old" "$@") >"$work/old" 2>&1 || true
	(cd "$dir" && "$new" "$@") >"$work/new" 2>&1 || true
	if ! cmp -s "$work/old" "$work/new"; then
		differ=$((differ + 1))
		echo "== $label"
		diff "$work/old" "$work/new" | head -n 40 || true
	fi
}
for f in "${files[@]}"; do
	for command in check facts graph; do
		compare . "$command $f" "$command" --standalone --format json "$f"
	done
done
# Kernel-tree mode (the compile database's flags, the real headers, the preamble cache):
# fs/aio.c of the tree named by $AIO_AUDIT_KERNEL_TREE, when it has a compile database.
tree=${AIO_AUDIT_KERNEL_TREE:-}
treeRuns=0
if [[ -n $tree && -f $tree/compile_commands.json && -f $tree/fs/aio.c ]]; then
	for command in check facts graph; do
		compare "$tree" "$command $tree/fs/aio.c (kernel-tree mode)" "$command" --format json fs/aio.c
		compare "$tree" "$command --no-cache $tree/fs/aio.c (kernel-tree mode)" "$command" --no-cache --format json fs/aio.c
		treeRuns=$((treeRuns + 2))
	done
fi
echo "compare-findings: ${#files[@]} files x check, facts, graph, $treeRuns kernel-tree runs: $differ outputs differ"
((differ == 0))

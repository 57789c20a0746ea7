#!/usr/bin/env bash
# install-check.sh - install into a temporary prefix, run the installed tool without the Swift
# toolchain's libraries, then uninstall. Run by .ci/run; exits 1 on a failed check.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d "${TMPDIR:-/tmp}/aio-audit-install-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { printf 'install-check: FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
pass() { printf 'install-check: ok: %s\n' "$*" >&2; }

stage="$work/stage"
status=0
DESTDIR="$stage" PREFIX=/usr scripts/install.sh >"$work/install.log" 2>&1 || status=$?
if [[ $status != 0 ]]; then
	tail -n 20 "$work/install.log" >&2
	fail "scripts/install.sh exited $status"
	exit 1
fi
root="$stage/usr"
tool="$root/bin/aio-audit"
for f in bin/aio-audit share/man/man1/aio-audit.1 share/man/man1/aio-audit.check.1 \
	share/man/man1/aio-audit.diff.1 share/bash-completion/completions/aio-audit \
	share/zsh/site-functions/_aio-audit share/fish/vendor_completions.d/aio-audit.fish; do
	[[ -s $root/$f ]] || fail "$f was not installed"
done
grep -q '^\.Dt AIO-AUDIT 1' "$root/share/man/man1/aio-audit.1" || fail "aio-audit.1 is not a man page"
grep -q -- '--disable' "$root/share/man/man1/aio-audit.check.1" || fail "aio-audit.check.1 does not document --disable"
# An empty line is an error to man's formatter: the pages must have none.
if grep -l '^$' "$root"/share/man/man1/*.1 >/dev/null; then
	fail "a man page has empty lines: $(grep -l '^$' "$root"/share/man/man1/*.1 | head -n 1)"
fi
bash -c "source '$root/share/bash-completion/completions/aio-audit' && complete -p aio-audit" >/dev/null 2>&1 ||
	fail "the bash completion does not register"
pass "installed: $(cd "$root" && find . -type f | sort | tr '\n' ' ')"

# Nothing from the toolchain: no Swift library needed, no RUNPATH into it.
toolchain=$(swift -print-target-info | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"]["runtimeLibraryPaths"][0])')
if ldd "$tool" | grep -q 'libswift\|libFoundation\|libdispatch'; then
	fail "the installed binary needs the toolchain's libraries: $(ldd "$tool" | grep -E 'swift|Foundation|dispatch' | head -n 3)"
elif readelf -d "$tool" | grep -E 'RUNPATH|RPATH' | grep -q "${toolchain%%/usr/*}"; then
	fail "the installed binary's RUNPATH names the toolchain"
else
	pass "no library of the toolchain is needed ($(readelf -d "$tool" | grep -E 'RUNPATH' | sed 's/.*\[//; s/\]//'))"
fi

# Run with the toolchain's library directory hidden (an empty file system mounted over it, in a
# mount namespace of this command's own), where that is allowed.
run_hidden() {
	unshare --mount --propagation private bash -c 'mount -t tmpfs none "$1" && shift && "$@"' \
		hide "$toolchain" "$@"
}
if unshare --mount --propagation private true 2>/dev/null; then
	hidden="with $toolchain hidden"
else
	run_hidden() { "$@"; }
	hidden="(unshare not permitted here: the toolchain was not hidden)"
fi
version=$(run_hidden "$tool" --version 2>&1) || fail "the installed tool's --version failed $hidden: $version"
status=0
out=$(run_hidden "$tool" check fixtures/check/forgotten_unlock.c 2>&1) || status=$?
if [[ $status != 1 ]] || ! grep -q 'error: .*\[lock-imbalance\]' <<<"$out"; then
	fail "check of a fixture with the installed tool $hidden: status $status: $(head -c 300 <<<"$out")"
else
	pass "the installed tool ($version) checks a fixture $hidden"
fi

DESTDIR="$stage" PREFIX=/usr scripts/install.sh --uninstall >/dev/null
left=$(find "$root" -mindepth 1 | wc -l)
((left == 0)) || fail "uninstall left $left files or directories: $(find "$root" -mindepth 1 | head -n 3)"
((left == 0)) && pass "uninstall removed every installed file and the directories it made"
again=$(DESTDIR="$stage" PREFIX=/usr scripts/install.sh --uninstall)
grep -q 'nothing removed' <<<"$again" || fail "a second uninstall says: $again"


if ((failures > 0)); then
	echo "install-check: $failures failed" >&2
	exit 1
fi
echo "install-check: all checks passed" >&2

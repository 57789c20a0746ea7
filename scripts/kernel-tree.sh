#!/usr/bin/env bash
# kernel-tree.sh - prepare a configured Linux 6.1 tree for aio-audit's
# "kernel-tree mode" tests.
#
# Uses Debian bookworm's linux-source-6.1 package, configures it with the
# upstream x86_64 defconfig and builds just enough (prepare + fs/aio.o) with
# Debian's clang-14 to get a compile_commands.json whose flags libclang 14
# accepts.  (The Swift toolchain's clang 21 on PATH is deliberately NOT used:
# Kconfig probes the compiler, so flags chosen for clang 21 could be rejected
# by libclang 14.)
#
# Usage: scripts/kernel-tree.sh
#   The LAST line of stdout is the absolute path of the configured tree
#   (it holds compile_commands.json); all progress goes to stderr.
#
# Environment:
#   AIO_AUDIT_KERNEL_CACHE  cache directory (default:
#                           ${XDG_CACHE_HOME:-$HOME/.cache}/aio-audit).
#                           Must be outside any repository: the tree is ~1.4 GB.
#   AIO_AUDIT_WITH_SPARSE=1 also install Debian's `sparse` checker.
#
# Idempotent and safe to interrupt: the tarball is extracted into a temp dir
# and renamed into place; the build steps are re-run (incrementally) until the
# .aio-audit-ready marker is written, which happens last.  Concurrent runs
# serialise on a lock file in the cache dir.
set -euo pipefail

KVER=6.1
TREE_NAME=linux-source-$KVER
TARBALL=/usr/src/$TREE_NAME.tar.xz
KCC=clang-14
# Bump when the recipe changes so existing caches are rebuilt.
RECIPE="aio-audit kernel-tree v1 $TREE_NAME $KCC x86_64_defconfig"

CACHE=${AIO_AUDIT_KERNEL_CACHE:-${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/aio-audit}
TREE=$CACHE/$TREE_NAME
MARKER=$TREE/.aio-audit-ready
EXTRACTED=$TREE/.aio-audit-extracted

log() { printf 'kernel-tree: %s\n' "$*" >&2; }
die() { printf 'kernel-tree: error: %s\n' "$*" >&2; exit 1; }

tree_ready() {
	[[ -f $MARKER && -f $TREE/compile_commands.json ]] || return 1
	[[ "$(head -n1 "$MARKER" 2>/dev/null)" == "$RECIPE" ]] || return 1
	# The tree is useless without the compiler its flags were chosen for.
	command -v "$KCC" >/dev/null 2>&1
}

# ---- fast path ----------------------------------------------------------
if tree_ready; then
	printf '%s\n' "$TREE"
	exit 0
fi

# ---- slow path: everything below writes to stderr; the result goes to fd 3
exec 3>&1 1>&2
start=$SECONDS

# Refuse a cache inside this repository (a 1.4 GB tree must never be committed).
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
CACHE=$(realpath -m -- "$CACHE")
case "$CACHE/" in
"$repo_root"/*) die "cache dir $CACHE is inside the repository $repo_root; set AIO_AUDIT_KERNEL_CACHE elsewhere" ;;
esac
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd -P)
TREE=$CACHE/$TREE_NAME
MARKER=$TREE/.aio-audit-ready
EXTRACTED=$TREE/.aio-audit-extracted

# One preparer at a time.
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
	log "another run holds $CACHE/.lock; waiting"
	flock 9
fi

# ---- packages -------------------------------------------------------------
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
	command -v sudo >/dev/null 2>&1 || die "not root and no sudo: cannot apt-get install"
	SUDO=(sudo)
fi

pkgs=("linux-source-$KVER" "$KCC" make bc bison flex libelf-dev libssl-dev
	python3 gcc libc6-dev xz-utils tar perl util-linux)
[[ ${AIO_AUDIT_WITH_SPARSE:-0} == 1 ]] && pkgs+=(sparse)

missing=()
for p in "${pkgs[@]}"; do
	if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" != installed ]]; then
		missing+=("$p")
	fi
done
if ((${#missing[@]})); then
	log "installing: ${missing[*]}"
	"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	log "packages installed ($((SECONDS - start))s)"
fi
command -v "$KCC" >/dev/null || die "$KCC not found after install"
[[ -f $TARBALL ]] || die "$TARBALL not found after installing linux-source-$KVER"

# Another run may have finished while we waited for the lock / installed.
if tree_ready; then
	log "tree already prepared"
	printf '%s\n' "$TREE" >&3
	exit 0
fi

# ---- extract ----------------------------------------------------------------
# Identity of the tarball: a package upgrade re-extracts.
tar_id="$(stat -c '%s %Y' "$TARBALL") $(dpkg-query -W -f='${Version}' linux-source-$KVER 2>/dev/null || true)"
if [[ ! -f $EXTRACTED || "$(cat "$EXTRACTED")" != "$tar_id" ]]; then
	rm -rf "$TREE" "$CACHE"/.extract.*
	tmp=$(mktemp -d "$CACHE/.extract.XXXXXX")
	log "extracting $TARBALL into $CACHE"
	t0=$SECONDS
	tar -xJf "$TARBALL" -C "$tmp"
	[[ -f $tmp/$TREE_NAME/Makefile ]] || die "tarball did not contain $TREE_NAME/Makefile"
	printf '%s\n' "$tar_id" >"$tmp/$TREE_NAME/.aio-audit-extracted"
	mv "$tmp/$TREE_NAME" "$TREE"
	rmdir "$tmp"
	log "extracted ($((SECONDS - t0))s)"
else
	log "reusing extracted tree $TREE (previous run did not finish; re-running build steps)"
fi

# ---- configure and build ------------------------------------------------------
cd "$TREE"
rm -f "$MARKER" compile_commands.json

# Keep the caller's environment from redirecting or reconfiguring kbuild.
unset ARCH SUBARCH CROSS_COMPILE LLVM LLVM_IAS KBUILD_OUTPUT O KCFLAGS KCPPFLAGS \
	KAFLAGS CFLAGS CPPFLAGS LDFLAGS C CHECK W V 2>/dev/null || true

jobs=$(nproc 2>/dev/null || echo 2)
# CC=clang-14 is enough: kbuild adds --target=x86_64-linux-gnu and uses clang's
# integrated assembler (LLVM_IAS defaults to 1); GNU ld/objcopy/nm link fine.
# HOSTCC stays gcc.  Debian-specific config knobs are not used: plain defconfig.
run_make() {
	local t0=$SECONDS
	log "make $*"
	make -s CC="$KCC" "$@"
	log "make $* done ($((SECONDS - t0))s)"
}
run_make defconfig
run_make -j"$jobs" prepare
run_make fs/aio.o
[[ -f fs/aio.o ]] || die "fs/aio.o was not built"

log "generating compile_commands.json"
python3 scripts/clang-tools/gen_compile_commands.py -d . -o compile_commands.json
python3 - "$TREE" <<'EOF' || die "compile_commands.json has no usable entry for fs/aio.c"
import json, os, sys
tree = sys.argv[1]
want = os.path.join(tree, "fs", "aio.c")
entries = json.load(open(os.path.join(tree, "compile_commands.json")))
hits = [e for e in entries
        if os.path.normpath(os.path.join(e["directory"], e["file"])) == want]
if not hits or "clang-14" not in hits[0]["command"].split()[0]:
    sys.exit(1)
print(f"kernel-tree: compile_commands.json: {len(entries)} entries, fs/aio.c ok", file=sys.stderr)
EOF

{
	printf '%s\n' "$RECIPE"
	printf 'tarball: %s\n' "$tar_id"
	printf 'compiler: %s\n' "$("$KCC" --version | head -n1)"
	printf 'prepared: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$MARKER.tmp"
mv "$MARKER.tmp" "$MARKER"

log "tree ready in $((SECONDS - start))s: $TREE"
printf '%s\n' "$TREE" >&3

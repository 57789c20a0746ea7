#!/usr/bin/env bash
# Installs what aio-audit needs to build and test and is missing: libclang's C API from Debian's
# libclang-dev (any /usr/lib/llvm-N with include/clang-c/Index.h and lib/libclang.so will do).
set -euo pipefail

have_libclang() {
	if [[ -n "${AIO_AUDIT_LLVM_DIR:-}" ]]; then
		[[ -f $AIO_AUDIT_LLVM_DIR/include/clang-c/Index.h && -e $AIO_AUDIT_LLVM_DIR/lib/libclang.so ]]
		return
	fi
	local dir
	for dir in /usr/lib/llvm-*; do
		[[ -f $dir/include/clang-c/Index.h && -e $dir/lib/libclang.so ]] && return 0
	done
	return 1
}

if have_libclang; then
	exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
	command -v sudo >/dev/null 2>&1 || { echo "bootstrap: libclang-dev is missing and this is not root (no sudo)" >&2; exit 1; }
	sudo=(sudo)
fi
echo "bootstrap: installing libclang-dev" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq libclang-dev >&2
have_libclang || { echo "bootstrap: libclang-dev installed but no usable /usr/lib/llvm-N found" >&2; exit 1; }

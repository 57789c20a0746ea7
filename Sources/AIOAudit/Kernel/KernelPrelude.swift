/// The built-in kernel prelude, injected in memory with `-include` in standalone mode. Its text is
/// kept as C headers in Kernel/Prelude/, one per domain, and carried into the binary by
/// KernelPrelude+Generated.swift (scripts/generate-prelude.py).
///
/// It declares the kernel API as fs/aio.c of any era from 2.6 to 6.x uses it: types, structures
/// (the union of their fields over the eras), error codes and flags, and the primitives the
/// analysis reasons about. Locking, RCU, reference-count, work-queue and free primitives are
/// declared as functions, never as macros that expand to something else, so every call keeps its
/// name; iteration macros are real loops; SYSCALL_DEFINEn defines sys_NAME.
///
/// Format rules the tool relies on (DeclarationSynthesis): every structure definition starts with
/// `struct NAME {` and ends with `};`, both at column 0, so members the parser asks for can be
/// added and a structure the file defines itself can be dropped; a declaration followed by
/// `/* aio-audit alternative: DECL */` is replaced by DECL when the file uses the older shape.
enum KernelPrelude {}

/* libclang's C API, from the LLVM installation chosen in Package.swift. */
#include <clang-c/Index.h>

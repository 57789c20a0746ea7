import Foundation

/// kbuild's `CHECK` invocation (`make C=1 CHECK=aio-audit`): the checker is run as sparse is,
/// `$(CHECK) $(CHECKFLAGS) $(c_flags) FILE.c`, from the build's top directory. The arguments are
/// the tool's own options (a few, given through `CF=...`), sparse's flags (not for clang), the
/// compiler's flags (what the file is parsed with, as a compile database's entry would give
/// them) and the source file last.
public struct KbuildInvocation: Equatable, Sendable {
    /// The tool's own options, as `check` takes them.
    public var options: [String]
    /// The compiler's flags, in their order (sparse's removed).
    public var compilerFlags: [String]
    /// The source file, as kbuild named it.
    public var file: String

    /// The tool's options that take a value, and those that do not.
    static let valued: Set<String> = ["--format", "--profile", "--enable", "--disable", "--baseline", "--config"]
    static let flags: Set<String> = ["--strict", "-v", "--verbose", "--no-cache"]

    /// What the compiler never sees: sparse's own flags (CHECKFLAGS) and its warnings.
    static func isSparseOnly(_ a: String) -> Bool {
        a.hasPrefix("--arch=") || a.hasPrefix("-Wsparse") || a == "-Wbitwise" || a == "-Wno-bitwise"
            || a == "-Wno-return-void" || a == "-Wno-unknown-attribute" || a.hasPrefix("-fmax-warnings=")
            || a.hasPrefix("-fdiagnostic-prefix") || a.hasPrefix("-fmemcpy-max-count=") || a == "-mlittle-endian"
            || a == "-mbig-endian" || a == "-D__STDC__" || a == "-Wcontext" || a == "-Wno-context"
    }
    static let sparseValued: Set<String> = ["-gcc-base-dir", "-multiarch-dir"]

    /// The invocation, or nil when the arguments are not a compiler's: a C file last, and the
    /// flags a compiler is given (`-D`, `-I`, `-include`, `-nostdinc`, `-Wp,...`) before it. A
    /// leading `check` is the subcommand (`CHECK="aio-audit check"`).
    public static func recognise(_ arguments: [String]) -> KbuildInvocation? {
        var args = arguments
        if args.first == "check" { args.removeFirst() }
        guard let file = args.last, file.hasSuffix(".c"), !file.hasPrefix("-"), args.count > 1 else { return nil }
        let rest = args.dropLast()
        guard rest.contains(where: isCompilerFlag) else { return nil }
        var invocation = KbuildInvocation(options: [], compilerFlags: [], file: file)
        var i = rest.startIndex
        while i < rest.endIndex {
            let a = rest[i]
            i += 1
            if flags.contains(a) {
                invocation.options.append(a)
            } else if valued.contains(a), i < rest.endIndex {
                invocation.options += [a, rest[i]]
                i += 1
            } else if let eq = a.firstIndex(of: "="), valued.contains(String(a[..<eq])) {
                invocation.options.append(a)
            } else if sparseValued.contains(a) {
                i += 1
            } else if isSparseOnly(a) {
                continue
            } else {
                invocation.compilerFlags.append(a)
            }
        }
        return invocation
    }

    /// A flag only a compiler is given (`-D`, `-I`, `-include`, `-nostdinc`, `-Wp,...`).
    static func isCompilerFlag(_ a: String) -> Bool {
        a.hasPrefix("-D") || a.hasPrefix("-I") || a == "-include" || a == "-nostdinc" || a.hasPrefix("-Wp,")
            || a == "-isystem"
    }

    /// Why arguments that look like a compiler's are not a checker's invocation (no C file last),
    /// or nil when they are one or do not look like a compiler's at all.
    public static func misuse(_ arguments: [String]) -> String? {
        guard recognise(arguments) == nil, arguments.contains(where: isCompilerFlag), let last = arguments.last
        else { return nil }
        return
            "\(last): given a compiler's flags, as kbuild runs its checker, the last argument must be the C file to check"
    }

    /// The flags as libclang takes them (as for a compile database's entry run in `directory`).
    public func libclangArguments(directory: String) -> [String] {
        let absolute = file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file)
        return CompileDatabase.libclangArguments(
            ["cc"] + compilerFlags + [file], directory: directory,
            file: URL(fileURLWithPath: absolute).standardizedFileURL.path)
    }
}

import Foundation

/// A clang compile database (compile_commands.json), as the kernel's
/// scripts/clang-tools/gen_compile_commands.py writes it.
public struct CompileDatabase {
    struct Entry: Decodable {
        var directory: String
        var file: String
        var command: String?
        var arguments: [String]?
    }

    struct Command {
        var directory: String
        var file: String
        var arguments: [String]
    }

    var path: String
    var entries: [Entry]

    static func load(directory: String) throws -> CompileDatabase? {
        let path = (directory as NSString).appendingPathComponent("compile_commands.json")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path, "cannot be read")
        }
        do {
            let entries = try JSONDecoder().decode([Entry].self, from: data)
            return CompileDatabase(path: path, entries: entries)
        } catch {
            throw InputError(
                path, "is not a valid compile database (expected a JSON array of {directory, file, command|arguments})")
        }
    }

    /// The nearest compile_commands.json in the directory or one of its parents, as clang-tidy
    /// finds it (kernel trees keep it at the top).
    static func find(above directory: String) throws -> CompileDatabase? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            if let db = try load(directory: dir.path) { return db }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// The compiler invocation of the file in the nearest compile database, as the build ran it,
    /// minus the output and dependency-file options (for `clang -fsyntax-only` comparisons).
    public static func compilerInvocation(for path: String) throws -> (directory: String, arguments: [String])? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let db = try find(above: URL(fileURLWithPath: absolute).deletingLastPathComponent().path) else {
            return nil
        }
        guard let (entry, _, raw) = db.entry(for: absolute) else { return nil }
        var out: [String] = []
        var i = 0
        while i < raw.count {
            let a = raw[i]
            i += 1
            if a == "-o" || a == "-MF" {
                i += 1
                continue
            }
            if a == "-c" || a.hasPrefix("-Wp,") { continue }
            out.append(a)
        }
        return (entry.directory, out)
    }

    /// The entry that compiles the file, its absolute path, and its words as the build ran them.
    func entry(for absolutePath: String) -> (Entry, String, [String])? {
        let target = URL(fileURLWithPath: absolutePath).resolvingSymlinksInPath().path
        for entry in entries {
            let file =
                entry.file.hasPrefix("/")
                ? entry.file : (entry.directory as NSString).appendingPathComponent(entry.file)
            guard URL(fileURLWithPath: file).resolvingSymlinksInPath().path == target else { continue }
            return (entry, file, entry.arguments ?? CompileDatabase.split(entry.command ?? ""))
        }
        return nil
    }

    func command(for absolutePath: String) -> Command? {
        guard let (entry, file, raw) = entry(for: absolutePath) else { return nil }
        return Command(
            directory: entry.directory, file: file,
            arguments: CompileDatabase.libclangArguments(raw, directory: entry.directory, file: file))
    }

    /// The compiler's arguments as libclang takes them: no compiler name, no input or output, no
    /// dependency-file options, none of the GCC-only or code-generation flags libclang rejects or
    /// that only matter to the code generator; relative paths made absolute.
    static func libclangArguments(_ raw: [String], directory: String, file: String) -> [String] {
        var out: [String] = []
        var i = raw.isEmpty ? 0 : 1
        let withValue: Set<String> = ["-o", "-MF", "-MT", "-MQ"]
        let pathOptions: Set<String> = ["-I", "-include", "-isystem", "-iquote", "-imacros", "-idirafter"]
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : (directory as NSString).appendingPathComponent(p)
        }
        while i < raw.count {
            let a = raw[i]
            i += 1
            if withValue.contains(a) {
                i += 1
                continue
            }
            if a == "-c" || a == "-MD" || a == "-MMD" || a == "-MP" || a.hasPrefix("-Wp,") { continue }
            if a.hasPrefix("-Werror") { continue }
            if a == file || absolute(a) == file { continue }
            if rejected(a) { continue }
            if pathOptions.contains(a), i < raw.count {
                out.append(a)
                out.append(absolute(raw[i]))
                i += 1
                continue
            }
            if a.hasPrefix("-I"), a.count > 2 {
                out.append("-I" + absolute(String(a.dropFirst(2))))
                continue
            }
            out.append(a)
        }
        // Relative paths in the remaining flags (`-include ./include/...`) resolve in the entry's
        // directory; the process's working directory is never changed (parses run concurrently).
        out.append("-working-directory=\(directory)")
        out.append("-Wno-unknown-warning-option")
        out.append("-ferror-limit=0")
        return out
    }

    /// Flags that GCC accepts and clang does not, or that newer compilers added and an older
    /// libclang does not know; dropping them does not change how the code parses.
    static func rejected(_ a: String) -> Bool {
        let prefixes = [
            "-mindirect-branch", "-mfunction-return", "-mrecord-mcount", "-fconserve-stack",
            "-fno-allow-store-data-races", "-fzero-call-used-regs", "-mharden-sls", "-fmin-function-alignment",
            "-fsanitize=kcfi", "-fsanitize-cfi", "-fno-var-tracking", "-mpreferred-stack-boundary", "-mskip-rax-setup",
            "-fno-ipa-", "-fplugin", "-fpatchable-function-entry", "-mstack-protector-guard",
            "-fno-delete-null-pointer-checks", "-fstrict-flex-arrays", "-Wno-maybe-uninitialized",
            "-Wimplicit-fallthrough=",
        ]
        return prefixes.contains(where: { a.hasPrefix($0) })
    }

    /// Splits a shell command line (the `command` form of an entry) into words.
    static func split(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escape = false
        for ch in command {
            if escape {
                current.append(ch)
                escape = false
                inWord = true
            } else if ch == "\\" && quote != "'" {
                escape = true
            } else if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                inWord = true
            } else if ch == " " || ch == "\t" || ch == "\n" {
                if inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                }
            } else {
                current.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

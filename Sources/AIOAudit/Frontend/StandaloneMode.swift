import Foundation

/// Standalone parsing: no kernel tree, the built-in prelude stands in for the kernel's headers.
public enum StandaloneMode {
    /// A directory that exists only in libclang's memory.
    static let virtualRoot = "/aio-audit-virtual"
    static let preludePath = virtualRoot + "/prelude.h"
    static let includeDirectory = virtualRoot + "/include"

    /// `-nostdinc` keeps the host's headers out; gnu89 keeps undeclared kernel primitives as
    /// named calls (implicit declarations) instead of errors; warnings are not our business.
    static let arguments =
        [
            "-x", "c", "-std=gnu89", "-nostdinc", "-ffreestanding", "-fno-builtin", "-w",
            "-ferror-limit=0", "-Wno-error=implicit-function-declaration", "-Wno-error=int-conversion",
            "-Wno-error=incompatible-pointer-types", "-Wno-error=implicit-int", "-Wno-unknown-warning-option",
            "-D__KERNEL__", "-include", preludePath, "-I", includeDirectory,
            // Typo correction ("did you mean ...?") is costly with many undeclared names, and the
            // declarations are synthesised instead.
            "-fno-spell-checking",
        ] + KernelConfig.definitions

    /// The prelude and an empty header for every `#include` of the file, so that nothing is read
    /// from disk but the file itself. Quoted includes are searched next to the file first, so they
    /// are answered there too (in memory: nothing is written).
    static func headers(for text: String, mainPath: String, prelude: String) -> [(String, String)] {
        var files: [(String, String)] = [(preludePath, prelude)]
        var seen: Set<String> = []
        let directory = (mainPath as NSString).deletingLastPathComponent
        for line in Lines.of(text, keepingEmpty: false) {
            guard let name = includedName(line) else { continue }
            guard seen.insert(name.path).inserted else { continue }
            files.append((includeDirectory + "/" + name.path, ""))
            if name.quoted { files.append((directory + "/" + name.path, "")) }
        }
        return files
    }

    /// `#include <linux/fs.h>` -> linux/fs.h.
    static func includedName(_ line: Substring) -> (path: String, quoted: Bool)? {
        var s = line.drop(while: { $0 == " " || $0 == "\t" })
        guard s.first == "#" else { return nil }
        s = s.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        guard s.hasPrefix("include") else { return nil }
        s = s.dropFirst("include".count).drop(while: { $0 == " " || $0 == "\t" })
        guard let open = s.first, open == "<" || open == "\"" else { return nil }
        let close: Character = open == "<" ? ">" : "\""
        let rest = s.dropFirst()
        guard let end = rest.firstIndex(of: close) else { return nil }
        let path = String(rest[..<end])
        // Only plain relative file names get an in-memory header: libclang crashes on an
        // in-memory file whose name ends like a directory (`#include <linux/>`).
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            return nil
        }
        return (path, open == "\"")
    }

    /// The clang command-line equivalent of a standalone parse, with the in-memory files written
    /// under `directory` (for benchmarks comparing against `clang -fsyntax-only`; the tool itself
    /// never writes them).
    public static func materialise(for path: String, into directory: URL) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let root = directory.path
        var args: [String] = []
        for a in arguments {
            args.append(a.hasPrefix(virtualRoot) ? root + a.dropFirst(virtualRoot.count) : a)
        }
        let mainPath = URL(fileURLWithPath: path).standardizedFileURL.path
        for (name, contents) in headers(for: text, mainPath: mainPath, prelude: KernelPrelude.header)
        where name.hasPrefix(virtualRoot) {
            let target = URL(fileURLWithPath: root + name.dropFirst(virtualRoot.count))
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: target)
        }
        return args
    }
}

import CClang
import Foundation

/// Warm starts in a kernel tree: a precompiled header of the file's include preamble (the lines
/// before its first declaration), built once with the file's own flags and kept in the user's
/// cache directory (`$XDG_CACHE_HOME/aio-audit/pch`, else `~/.cache/aio-audit/pch`), never in the
/// tree. The file is then parsed with the preamble's lines blanked (every line and column stays
/// where it was) and the header included from the cache. clang validates a precompiled header's
/// inputs when it loads one: a header changed since is a load error, and the entry is rebuilt.
enum PreambleCache {
    /// Entries kept at most (the oldest by use are removed past it).
    static let capacity = 16

    static func directory(_ given: String? = nil) -> String? {
        let env = ProcessInfo.processInfo.environment
        let dir: String
        if let given {
            dir = given
        } else if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            dir = xdg + "/aio-audit/pch"
        } else if let home = env["HOME"], !home.isEmpty {
            dir = home + "/.cache/aio-audit/pch"
        } else {
            return nil
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            return nil
        }
        return FileManager.default.isWritableFile(atPath: dir) ? dir : nil
    }

    /// How many leading lines are the include preamble: through the last `#include` before the
    /// first line that is not a preprocessor line, a comment or blank. nil when there is none.
    static func preambleLines(of text: String) -> Int? {
        var lastInclude: Int?
        var inComment = false
        var continued = false
        for (i, raw) in LineSequence(text: text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if continued {
                continued = line.hasSuffix("\\")
                continue
            }
            if inComment {
                if line.contains("*/") { inComment = false }
                continue
            }
            if line.isEmpty || line.hasPrefix("//") { continue }
            if line.hasPrefix("/*") {
                if !line.contains("*/") { inComment = true }
                continue
            }
            if line.hasPrefix("#") {
                let directive = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if directive.hasPrefix("include") { lastInclude = i }
                continued = line.hasSuffix("\\")
                continue
            }
            break
        }
        return lastInclude.map { $0 + 1 }
    }

    /// The text with its first `lines` lines blanked (their newlines kept).
    static func blanked(_ text: String, lines: Int) -> String {
        var out = ""
        var rest = Substring(text)
        for _ in 0..<lines {
            guard let nl = rest.firstIndex(of: "\n") else { return out }
            out += "\n"
            rest = rest[rest.index(after: nl)...]
        }
        return out + rest
    }

    /// The preamble's own text: its first `lines` lines.
    static func preamble(_ text: String, lines: Int) -> String {
        var end = text.utf8.startIndex
        for _ in 0..<lines {
            guard let nl = text.utf8[end...].firstIndex(of: 0x0A) else { return text + "\n" }
            end = text.utf8.index(after: nl)
        }
        return String(text[..<end])
    }

    /// FNV-1a, 64 bits, as hex: stable across runs (Swift's Hasher is not).
    static func key(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for b in part.utf8 {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01b3
            }
            h ^= 0xff
            h = h &* 0x0000_0100_0000_01b3
        }
        return String(h, radix: 16)
    }

    /// Builds the precompiled preamble at `pch` (through a temporary file renamed into place).
    static func build(index: CXIndex?, arguments: [String], header: String, preamble: String, pch: String) -> Bool {
        let options =
            CXTranslationUnit_DetailedPreprocessingRecord.rawValue | CXTranslationUnit_ForSerialization.rawValue
            | CXTranslationUnit_Incomplete.rawValue
        let args = arguments + ["-x", "c-header"]
        let argStrings = args.map { strdup($0) }
        let name = strdup(header)
        let content = strdup(preamble)
        defer {
            argStrings.forEach { free($0) }
            free(name)
            free(content)
        }
        var file = CXUnsavedFile(Filename: name, Contents: content, Length: UInt(preamble.utf8.count))
        var argv: [UnsafePointer<CChar>?] = argStrings.map { UnsafePointer($0) }
        var unit: CXTranslationUnit?
        let code = argv.withUnsafeMutableBufferPointer { buffer in
            clang_parseTranslationUnit2(
                index, header, buffer.baseAddress, Int32(buffer.count), &file, 1, UInt32(options), &unit)
        }
        guard code == CXError_Success, let unit else { return false }
        defer { clang_disposeTranslationUnit(unit) }
        for i in 0..<clang_getNumDiagnostics(unit) {
            guard let d = clang_getDiagnostic(unit, i) else { continue }
            defer { clang_disposeDiagnostic(d) }
            if clang_getDiagnosticSeverity(d).rawValue >= CXDiagnostic_Error.rawValue { return false }
        }
        // Saved in a directory of this run's own, then renamed into place: clang writes through
        // a temporary file of its own making, which it leaves behind when a write fails (a full
        // disk); removing the directory removes whatever was left, and no reader ever sees a
        // partial entry.
        let directory = (pch as NSString).deletingLastPathComponent
        guard let scratch = makeScratchDirectory(in: directory) else { return false }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let temporary = scratch + "/entry.pch"
        guard clang_saveTranslationUnit(unit, temporary, clang_defaultSaveOptions(unit)) == 0 else { return false }
        return rename(temporary, pch) == 0
    }

    /// Prefix of the directories entries are built in.
    static let scratchPrefix = ".building-"

    static func makeScratchDirectory(in directory: String) -> String? {
        var template = Array((directory + "/" + scratchPrefix + "XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return nil }
            return String(cString: made)
        }
    }

    /// Removes the oldest entries past the capacity. Build directories left by a run that was
    /// killed while saving, an hour old or more, go too.
    static func evict(in dir: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for n in names where n.hasPrefix(scratchPrefix) {
            let p = dir + "/" + n
            if let date = (try? FileManager.default.attributesOfItem(atPath: p)[.modificationDate]) as? Date,
                date.timeIntervalSinceNow < -3600
            {
                try? FileManager.default.removeItem(atPath: p)
            }
        }
        let entries: [(String, Date)] = names.filter { $0.hasSuffix(".pch") }.compactMap { n in
            let p = dir + "/" + n
            let date = (try? FileManager.default.attributesOfItem(atPath: p)[.modificationDate]) as? Date
            return date.map { (p, $0) }
        }
        guard entries.count > capacity else { return }
        for (p, _) in entries.sorted(by: { $0.1 < $1.1 }).prefix(entries.count - capacity) { unlink(p) }
    }
}

/// One file's precompiled preamble: where it is, and what its use said.
final class Preamble {
    let pch: String
    let header: String
    let text: String
    let blankedText: String
    let arguments: [String]
    var note: String

    init(pch: String, header: String, text: String, blankedText: String, arguments: [String], note: String) {
        self.pch = pch
        self.header = header
        self.text = text
        self.blankedText = blankedText
        self.arguments = arguments
        self.note = note
    }

    /// The entry for the file's preamble and flags (not yet loaded), or nil when there is no
    /// cache to use (no preamble, no writable cache directory).
    static func prepare(text: String, setup: Parser.Setup, directory: String? = nil) -> (Preamble?, String?) {
        guard let lines = PreambleCache.preambleLines(of: text) else {
            return (nil, "preamble cache: the file has no include preamble")
        }
        guard let dir = PreambleCache.directory(directory) else {
            return (
                nil,
                "preamble cache: no writable cache directory (\(directory ?? "$XDG_CACHE_HOME/aio-audit/pch or ~/.cache/aio-audit/pch")): parsed without it"
            )
        }
        let preamble = PreambleCache.preamble(text, lines: lines)
        let version = clang_getClangVersion().consume()
        let key = PreambleCache.key(
            [
                AIOAuditVersion.string, version, setup.mainPath, setup.directory ?? "",
                setup.arguments.joined(separator: "\u{0}"),
                preamble,
            ])
        // The preamble is parsed as a header beside the file (quoted includes resolve there); it
        // is given to libclang from memory and never written into the tree.
        let header = (setup.mainPath as NSString).deletingLastPathComponent + "/.aio-audit-preamble-\(key).h"
        let p = Preamble(
            pch: dir + "/" + key + ".pch", header: header, text: preamble,
            blankedText: PreambleCache.blanked(text, lines: lines), arguments: setup.arguments, note: "")
        return (p, nil)
    }

    /// Makes sure the entry exists (builds it on a miss); false when it cannot be had.
    func load(index: CXIndex?) -> Bool {
        let start = Date()
        if FileManager.default.fileExists(atPath: pch) {
            utime(pch, nil)  // the entry's use, for eviction
            note = "preamble cache hit (\(pch))"
            return true
        }
        guard PreambleCache.build(index: index, arguments: arguments, header: header, preamble: text, pch: pch) else {
            note = "preamble cache: could not build an entry; parsed without it"
            return false
        }
        PreambleCache.evict(in: (pch as NSString).deletingLastPathComponent)
        note = String(format: "preamble cache miss: built %@ in %.2f s", pch, Date().timeIntervalSince(start))
        return true
    }

    /// The unit could not use the precompiled header (stale, corrupt, another libclang's).
    static func rejected(_ unit: CXTranslationUnit) -> Bool {
        for i in 0..<clang_getNumDiagnostics(unit) {
            guard let d = clang_getDiagnostic(unit, i) else { continue }
            defer { clang_disposeDiagnostic(d) }
            guard clang_getDiagnosticSeverity(d).rawValue >= CXDiagnostic_Error.rawValue else { continue }
            let message = clang_getDiagnosticSpelling(d).consume().lowercased()
            if message.contains("precompiled header") || message.contains("pch") || message.contains("ast file")
                || message.contains("has been modified")
            {
                return true
            }
        }
        return false
    }

    /// Drops a stale entry; the next run builds it again.
    func discard() {
        unlink(pch)
        note = "preamble cache entry was stale or unreadable: parsed without it, removed for a rebuild"
    }
}

/// The cache as `aio-audit cache` shows and clears it.
public enum PreambleCacheDirectory {
    public static var path: String? { PreambleCache.directory() }

    public static func entries() -> [(path: String, bytes: Int)] {
        guard let dir = path, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.filter { $0.hasSuffix(".pch") }.sorted().map { n in
            let p = dir + "/" + n
            let size = (try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int) ?? 0
            return (p, size)
        }
    }

    /// Removes every entry; how many there were.
    public static func clear() -> Int {
        let all = entries()
        for e in all { unlink(e.path) }
        // And what an interrupted build left.
        if let dir = path, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for n in names where n.hasPrefix(PreambleCache.scratchPrefix) {
                try? FileManager.default.removeItem(atPath: dir + "/" + n)
            }
        }
        return all.count
    }
}

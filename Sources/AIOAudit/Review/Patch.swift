/// Patches as reviewers receive them: a git format-patch mail, a plain unified diff, several files
/// in one patch, or an mbox series; applied in memory.

public struct Hunk: Sendable {
    public var oldStart: Int
    public var oldCount: Int
    public var newStart: Int
    public var newCount: Int
    public var header: String
    /// (' ', '-', '+') and the line's text without its marker.
    public var lines: [(kind: Character, text: String)]
    /// "\ No newline at end of file" after the old or the new side's last line.
    public var oldEndsWithoutNewline = false
    public var newEndsWithoutNewline = false
}

public struct FilePatch: Sendable {
    public var oldPath: String?
    public var newPath: String?
    public var isNew = false
    public var isDeleted = false
    public var isRename = false
    public var isBinary = false
    public var hunks: [Hunk] = []

    /// The path the patch is about (without git's a/ and b/ prefixes).
    public var path: String { (newPath ?? oldPath) ?? "" }
}

/// One message of a series (`git format-patch`, b4, an mbox): its subject and its file patches.
public struct PatchMessage: Sendable {
    /// The subject as mailed (`[PATCH 2/4] aio: ...`), when the patch is a mail.
    public var subject: String?
    public var files: [FilePatch] = []
}

public struct Patch: Sendable {
    /// Every message in order; a plain diff is one message without a subject.
    public var messages: [PatchMessage]

    /// Every file patch of every message, in order.
    public var files: [FilePatch] { messages.flatMap(\.files) }

    /// Reads every file patch of every message, in order. Throws for text that is not a patch.
    public static func parse(_ text: String, name: String) throws -> Patch {
        var messages: [PatchMessage] = [PatchMessage()]
        var current: FilePatch?
        let lines = QuotedPrintable.decodingMessages(
            Lines.of(text).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) })
        var i = 0
        func finish() {
            if let c = current { messages[messages.count - 1].files.append(c) }
            current = nil
        }
        func stripPrefix(_ p: String) -> String? {
            var path = p
            if let tab = path.firstIndex(of: "\t") { path = String(path[..<tab]) }
            if path == "/dev/null" { return nil }
            if path.hasPrefix("a/") || path.hasPrefix("b/") { path.removeFirst(2) }
            return path
        }
        while i < lines.count {
            let line = lines[i]
            // An mbox separates messages with "From " lines; each message's subject names the patch.
            if Patch.isMessageSeparator(line), i == 0 || lines[i - 1].isEmpty {
                finish()
                if !messages[messages.count - 1].files.isEmpty || messages[messages.count - 1].subject != nil {
                    messages.append(PatchMessage())
                }
                i += 1
                continue
            }
            if line.hasPrefix("Subject: "), current == nil, messages[messages.count - 1].files.isEmpty,
                messages[messages.count - 1].subject == nil
            {
                // A long subject is folded onto lines that start with white space.
                var subject = String(line.dropFirst("Subject: ".count))
                while i + 1 < lines.count, lines[i + 1].first == " " || lines[i + 1].first == "\t" {
                    i += 1
                    subject += " " + lines[i].trimmingCharacters(in: .whitespaces)
                }
                messages[messages.count - 1].subject = subject
                i += 1
                continue
            }
            if line.hasPrefix("diff --git ") {
                finish()
                current = FilePatch()
                let parts = line.dropFirst("diff --git ".count).split(separator: " ")
                if parts.count == 2 {
                    current?.oldPath = stripPrefix(String(parts[0]))
                    current?.newPath = stripPrefix(String(parts[1]))
                }
                i += 1
                continue
            }
            if line.hasPrefix("new file mode") { current?.isNew = true }
            if line.hasPrefix("deleted file mode") { current?.isDeleted = true }
            if line.hasPrefix("rename from ") || line.hasPrefix("rename to ") || line.hasPrefix("copy from ") {
                current?.isRename = true
            }
            if line.hasPrefix("Binary files ") || line == "GIT binary patch" { current?.isBinary = true }
            if line.hasPrefix("--- "), i + 1 < lines.count, lines[i + 1].hasPrefix("+++ ") {
                if current == nil || !(current?.hunks.isEmpty ?? true) {
                    finish()
                    current = FilePatch()
                }
                let old = stripPrefix(String(line.dropFirst(4)))
                let new = stripPrefix(String(lines[i + 1].dropFirst(4)))
                current?.oldPath = old
                current?.newPath = new
                if old == nil { current?.isNew = true }
                if new == nil { current?.isDeleted = true }
                i += 2
                continue
            }
            if line.hasPrefix("@@ ") {
                guard current != nil else { throw InputError(name, "line \(i + 1): a hunk before any file header") }
                let (hunk, next) = try parseHunk(lines, at: i, name: name)
                current?.hunks.append(hunk)
                i = next
                continue
            }
            i += 1
        }
        finish()
        messages.removeAll { $0.files.isEmpty }
        if messages.isEmpty { throw InputError(name, "is not a patch (no file header or hunk found)") }
        return Patch(messages: messages)
    }

    /// An mbox's "From <sender> <weekday> <month> ..." line (`git format-patch` writes
    /// `From <commit> Mon Sep 17 00:00:00 2001`), not a sentence that starts with "From".
    static func isMessageSeparator(_ line: String) -> Bool {
        guard line.hasPrefix("From ") else { return false }
        let words = line.split(separator: " ")
        let weekdays: Set<Substring> = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return words.count >= 4 && weekdays.contains(words[2])
    }

    static func parseHunk(_ lines: [String], at start: Int, name: String) throws -> (Hunk, Int) {
        let header = lines[start]
        // @@ -a,b +c,d @@
        let fields = header.split(separator: " ")
        guard fields.count >= 3, fields[1].hasPrefix("-"), fields[2].hasPrefix("+"),
            let old = range(fields[1].dropFirst()), let new = range(fields[2].dropFirst())
        else { throw InputError(name, "line \(start + 1): malformed hunk header '\(header)'") }
        var hunk = Hunk(oldStart: old.0, oldCount: old.1, newStart: new.0, newCount: new.1, header: header, lines: [])
        var oldLeft = old.1
        var newLeft = new.1
        var i = start + 1
        while i < lines.count, oldLeft > 0 || newLeft > 0 {
            let line = lines[i]
            if line.hasPrefix("\\") {
                i += 1
                continue
            }
            let kind: Character = line.first ?? " "
            let text = line.isEmpty ? "" : String(line.dropFirst())
            switch kind {
            case " ":
                oldLeft -= 1
                newLeft -= 1
            case "-": oldLeft -= 1
            case "+": newLeft -= 1
            default:
                throw InputError(
                    name,
                    "line \(i + 1): hunk '\(header)' ends early (expected \(oldLeft) more old and \(newLeft) more new lines)"
                )
            }
            if oldLeft < 0 || newLeft < 0 {
                throw InputError(name, "line \(i + 1): hunk '\(header)' has more lines than its header says")
            }
            hunk.lines.append((kind, text))
            i += 1
        }
        if oldLeft > 0 || newLeft > 0 {
            throw InputError(
                name, "hunk '\(header)' is truncated (expected \(oldLeft) more old and \(newLeft) more new lines)")
        }
        // "\ No newline at end of file" marks the line before it.
        while i < lines.count, lines[i].hasPrefix("\\") {
            if let last = hunk.lines.last {
                if last.kind == "+" {
                    hunk.newEndsWithoutNewline = true
                } else if last.kind == "-" {
                    hunk.oldEndsWithoutNewline = true
                } else {
                    hunk.oldEndsWithoutNewline = true
                    hunk.newEndsWithoutNewline = true
                }
            }
            i += 1
        }
        return (hunk, i)
    }

    static func range(_ s: Substring) -> (Int, Int)? {
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        guard let start = Int(parts[0]) else { return nil }
        if parts.count == 1 { return (start, 1) }
        guard parts.count == 2, let count = Int(parts[1]) else { return nil }
        return (start, count)
    }
}

/// A hunk whose context the file does not hold, with the first line that differs.
public struct HunkMismatch: Error, Sendable, CustomStringConvertible {
    /// The patch and the file patch, as errors name them.
    public var file: String?
    public var hunk: Int
    public var header: String
    public var reverse: Bool
    /// The line of the file where the hunk's context first differs, and both texts.
    public var line: Int
    public var expected: String
    public var found: String?

    public var description: String { "\(file ?? "patch"): \(detail)" }

    public var detail: String {
        let found = self.found.map { "'\($0)'" } ?? "the end of the file"
        return
            "hunk \(hunk) (\(header)) does not apply\(reverse ? " in reverse" : ""): line \(line) differs (the patch expects '\(expected)', the file has \(found))"
    }
}

extension FilePatch {
    /// The file's text after the patch (or before it, reversed). Hunks must match their context
    /// exactly; a hunk may have moved (as patch(1) allows), never fuzzily.
    public func apply(to text: String, reverse: Bool = false) throws -> String {
        var lines = Lines.of(text).map(String.init)
        var endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline, lines.last == "" { lines.removeLast() }
        var shift = 0
        for (n, h) in hunks.enumerated() {
            let from = h.lines.filter { $0.kind != (reverse ? "-" : "+") }.map(\.text)
            let to = h.lines.filter { $0.kind != (reverse ? "+" : "-") }.map(\.text)
            let start = (reverse ? h.newStart : h.oldStart)
            let expected = max(0, (from.isEmpty ? start : start - 1) + shift)
            guard let at = FilePatch.locate(from, in: lines, near: expected) else {
                // Name the first line that differs where the hunk was expected, not its start.
                var k = 0
                while k < from.count, expected + k < lines.count, lines[expected + k] == from[k] { k += 1 }
                let index = min(k, max(from.count - 1, 0))
                throw HunkMismatch(
                    file: nil, hunk: n + 1, header: h.header, reverse: reverse, line: expected + index + 1,
                    expected: from.isEmpty ? "" : from[index],
                    found: expected + index < lines.count ? lines[expected + index] : nil)
            }
            lines.replaceSubrange(at..<(at + from.count), with: to)
            shift += at - expected + to.count - from.count
            if n == hunks.count - 1 {
                let noNewline = reverse ? h.oldEndsWithoutNewline : h.newEndsWithoutNewline
                if at + to.count == lines.count { endsWithNewline = !noNewline }
            }
        }
        return lines.joined(separator: "\n") + (endsWithNewline && !lines.isEmpty ? "\n" : "")
    }

    static func locate(_ block: [String], in lines: [String], near expected: Int) -> Int? {
        func matches(_ at: Int) -> Bool {
            guard at >= 0, at + block.count <= lines.count else { return false }
            for (k, l) in block.enumerated() where lines[at + k] != l { return false }
            return true
        }
        if matches(expected) { return expected }
        for delta in 1...max(lines.count, 1) {
            if matches(expected - delta) { return expected - delta }
            if matches(expected + delta) { return expected + delta }
            if expected - delta < 0 && expected + delta > lines.count { break }
        }
        return nil
    }
}

/// Mail bodies sent as quoted-printable (`Content-Transfer-Encoding: quoted-printable`), which
/// `git am` decodes: `=3D` is `=`, a line ending in `=` goes on in the next.
enum QuotedPrintable {
    /// The lines with the body of every quoted-printable message decoded; other lines as they are.
    static func decodingMessages(_ lines: [String]) -> [String] {
        guard lines.contains(where: { isQuotedPrintableHeader($0) }) else { return lines }
        var out: [String] = []
        var i = 0
        while i < lines.count {
            // A message: from its separator (or the start) to the next separator.
            var end = i + 1
            while end < lines.count, !(Patch.isMessageSeparator(lines[end]) && lines[end - 1].isEmpty) { end += 1 }
            let message = Array(lines[i..<end])
            let headerEnd = message.firstIndex(of: "") ?? message.count
            if message[..<headerEnd].contains(where: { isQuotedPrintableHeader($0) }) {
                out += message[..<headerEnd]
                out += decode(Array(message[headerEnd...]))
            } else {
                out += message
            }
            i = end
        }
        return out
    }

    static func isQuotedPrintableHeader(_ line: String) -> Bool {
        line.lowercased().hasPrefix("content-transfer-encoding:") && line.lowercased().contains("quoted-printable")
    }

    /// Decoded lines: soft line breaks joined, `=XX` escapes turned into their bytes (UTF-8).
    static func decode(_ lines: [String]) -> [String] {
        var out: [String] = []
        var pending: [UInt8] = []
        for line in lines {
            var bytes = Array(line.utf8)
            let soft = bytes.last == UInt8(ascii: "=")
            if soft { bytes.removeLast() }
            var k = 0
            while k < bytes.count {
                if bytes[k] == UInt8(ascii: "="), let value = hex(bytes, k + 1) {
                    pending.append(value)
                    k += 3
                } else {
                    pending.append(bytes[k])
                    k += 1
                }
            }
            if !soft {
                out.append(String(decoding: pending, as: UTF8.self))
                pending = []
            }
        }
        if !pending.isEmpty { out.append(String(decoding: pending, as: UTF8.self)) }
        return out
    }

    /// The byte two hexadecimal digits at `at` spell.
    static func hex(_ bytes: [UInt8], _ at: Int) -> UInt8? {
        guard at + 1 < bytes.count else { return nil }
        func digit(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        guard let high = digit(bytes[at]), let low = digit(bytes[at + 1]) else { return nil }
        return high << 4 | low
    }
}

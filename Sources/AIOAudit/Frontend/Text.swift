/// Line and word searches over source text, on its UTF-8 bytes: the frontend splits files and the
/// prelude into lines, and profiles look for words, many times per run.

/// Fast searches in source text (Foundation's string search is slow on Linux).
enum Words {
    static func occurs<S: StringProtocol>(_ word: String, in text: S, wholeWord: Bool = false) -> Bool {
        let needle = Array(word.utf8)
        guard let first = needle.first else { return false }
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
        }
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { hay -> Bool in
            guard hay.count >= needle.count else { return false }
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if hay[i] == first {
                    var j = 1
                    while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                    if j == needle.count {
                        if !wholeWord { return true }
                        let before = i == 0 || !isWordByte(hay[i - 1])
                        let after = i + needle.count == hay.count || !isWordByte(hay[i + needle.count])
                        if before && after { return true }
                    }
                }
                i += 1
            }
            return false
        }
        if let found { return found }
        return occurs(word, in: String(text), wholeWord: wholeWord)
    }
}

enum Lines {
    /// The text's lines, split on its UTF-8 bytes (splitting on Characters is much slower).
    static func of(_ text: String, keepingEmpty: Bool = true) -> [Substring] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: !keepingEmpty).map { Substring($0) }
    }
}

/// A text's lines one at a time (split at "\n", empty lines kept), for readers that stop early:
/// nothing past the last line read is looked at.
struct LineSequence: Sequence, IteratorProtocol {
    let text: String
    private var position: String.Index?

    init(text: String) {
        self.text = text
        position = text.startIndex
    }

    mutating func next() -> Substring? {
        guard let start = position else { return nil }
        if let nl = text.utf8[start...].firstIndex(of: 0x0A) {
            position = text.utf8.index(after: nl)
            return text[start..<nl]
        }
        position = nil
        return text[start...]
    }
}

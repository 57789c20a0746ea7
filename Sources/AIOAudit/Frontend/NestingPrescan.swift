/// A look at the text before libclang parses it, for statements that nest without brackets
/// (`while (x) while (x) ... x--;`): libclang's parser takes time quadratic in that depth (a
/// 40,000-deep chain of `while` takes over 15 s, two parse rounds of it a minute on a busy
/// machine), and the syntax walk would refuse anything deeper than
/// `SyntaxBuilder.maximumNesting` anyway. Brackets need no such look: libclang stops at its own
/// bracket-depth limit.
enum NestingPrescan {
    /// The line where the first chain starts of more than `limit` statement keywords (`if`, `else`, `while`,
    /// `for`, `do`, `switch`) with no `;` (outside parentheses), `{` or `}` between them, or nil.
    /// Such a chain nests at least `limit / 2` levels deep (`else if` is two keywords, one level).
    /// Comments, string and character literals and preprocessor lines are skipped.
    static func chainTooLong(in text: String, limit: Int) -> Int? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ scan($0, limit: limit) }) { return found }
        return scan(Array(text.utf8), limit: limit)
    }

    private static let keywords: [[UInt8]] = ["if", "else", "while", "for", "do", "switch"].map { Array($0.utf8) }

    private static func scan<C: RandomAccessCollection>(_ s: C, limit: Int) -> Int?
    where C.Element == UInt8, C.Index == Int {
        func isWord(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
        }
        func isKeyword(_ start: Int, _ end: Int) -> Bool {
            keywords.contains { k in k.count == end - start && k.indices.allSatisfy { k[$0] == s[start + $0] } }
        }
        var i = s.startIndex
        var line = 1
        var chain = 0
        var chainLine = 1
        var parens = 0
        var lineStart = true  // only blanks since the last newline: a `#` starts a directive
        while i < s.endIndex {
            let b = s[i]
            switch b {
            case 0x0A:  // newline
                line += 1
                lineStart = true
                i += 1
                continue
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C:
                i += 1
                continue
            case 0x23 where lineStart:  // `#`: skip the directive and its continuation lines
                while i < s.endIndex && s[i] != 0x0A {
                    if s[i] == 0x5C && i + 1 < s.endIndex && s[i + 1] == 0x0A {
                        line += 1
                        i += 1
                    }
                    i += 1
                }
                continue
            case 0x2F where i + 1 < s.endIndex && s[i + 1] == 0x2F:  // `//` comment
                while i < s.endIndex && s[i] != 0x0A { i += 1 }
                continue
            case 0x2F where i + 1 < s.endIndex && s[i + 1] == 0x2A:  // `/* */` comment
                i += 2
                while i < s.endIndex && !(s[i] == 0x2A && i + 1 < s.endIndex && s[i + 1] == 0x2F) {
                    if s[i] == 0x0A { line += 1 }
                    i += 1
                }
                i = min(i + 2, s.endIndex)
                lineStart = false
                continue
            case 0x22, 0x27:  // string or character literal, to its end or the end of the line
                i += 1
                while i < s.endIndex && s[i] != b && s[i] != 0x0A {
                    if s[i] == 0x5C && i + 1 < s.endIndex && s[i + 1] != 0x0A { i += 1 }
                    i += 1
                }
                if i < s.endIndex && s[i] == b { i += 1 }
            case 0x28:
                parens += 1
                i += 1
            case 0x29:
                parens = max(parens - 1, 0)
                i += 1
            case 0x3B:  // `;`
                if parens == 0 { chain = 0 }
                i += 1
            case 0x7B, 0x7D:  // `{`, `}`
                chain = 0
                parens = 0
                i += 1
            default:
                if isWord(b) {
                    let start = i
                    while i < s.endIndex && isWord(s[i]) { i += 1 }
                    if i - start <= 6, isKeyword(start, i) {
                        if chain == 0 { chainLine = line }
                        chain += 1
                        if chain > limit { return chainLine }
                    }
                } else {
                    i += 1
                }
            }
            lineStart = false
        }
        return nil
    }
}

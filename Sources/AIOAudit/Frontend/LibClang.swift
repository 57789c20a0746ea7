import CClang
import Foundation

// The one place that speaks libclang's C API. Nothing outside Frontend/ imports CClang; the handles
// never leave the thread that parsed (they are not Sendable), only the syntax values built from them.

extension CXString {
    /// Takes ownership of the libclang string.
    func consume() -> String {
        defer { clang_disposeString(self) }
        guard let c = clang_getCString(self) else { return "" }
        return String(cString: c)
    }
}

/// A source file offset range in the parsed main file.
struct FileRange {
    var start: Int
    /// Just past the last character (libclang extents are half-open).
    var end: Int
}

/// A cursor together with the translation unit facts needed to read it.
struct ClangCursor {
    let raw: CXCursor

    var kind: CXCursorKind { clang_getCursorKind(raw) }
    var kindValue: UInt32 { kind.rawValue }
    var spelling: String { clang_getCursorSpelling(raw).consume() }
    var typeSpelling: String { clang_getTypeSpelling(clang_getCursorType(raw)).consume() }
    var isNull: Bool { clang_Cursor_isNull(raw) != 0 }

    var children: [ClangCursor] {
        final class Box { var items: [ClangCursor] = [] }
        let box = Box()
        let context = Unmanaged.passUnretained(box).toOpaque()
        clang_visitChildren(
            raw,
            { cursor, _, data in
                let box = Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue()
                box.items.append(ClangCursor(raw: cursor))
                return CXChildVisit_Continue
            }, context)
        return box.items
    }

    /// Where the text of the cursor's first and last token stands in the main file: for tokens
    /// written as macro arguments, where they were written; for a macro body, the invocation.
    func fileRange(in mainFile: CXFile?) -> FileRange? {
        let extent = clang_getCursorExtent(raw)
        guard let start = ClangCursor.fileOffset(clang_getRangeStart(extent), in: mainFile),
            let end = ClangCursor.fileOffset(clang_getRangeEnd(extent), in: mainFile)
        else { return nil }
        return FileRange(start: start, end: end)
    }

    var position: SourcePosition {
        ClangCursor.position(of: clang_getRangeStart(clang_getCursorExtent(raw)))
    }

    var locationPosition: SourcePosition {
        ClangCursor.position(of: clang_getCursorLocation(raw))
    }

    /// The offset in the main file; nil for text of another file (a header, the prelude). Files
    /// are compared as libclang's handles: clang_File_isEqual() takes every in-memory file for
    /// the same file (they have no unique ID).
    static func fileOffset(_ location: CXSourceLocation, in mainFile: CXFile?, spelling: Bool = false) -> Int? {
        var file: CXFile?
        var line: UInt32 = 0
        var column: UInt32 = 0
        var offset: UInt32 = 0
        if spelling {
            clang_getSpellingLocation(location, &file, &line, &column, &offset)
        } else {
            clang_getFileLocation(location, &file, &line, &column, &offset)
        }
        guard let file, let mainFile, file == mainFile else { return nil }
        return Int(offset)
    }

    static func position(of location: CXSourceLocation) -> SourcePosition {
        var file: CXFile?
        var line: UInt32 = 0
        var column: UInt32 = 0
        var offset: UInt32 = 0
        clang_getFileLocation(location, &file, &line, &column, &offset)
        if clang_Location_isFromMainFile(location) == 0 {
            clang_getExpansionLocation(location, &file, &line, &column, &offset)
        }
        return SourcePosition(line: Int(line), column: Int(column))
    }
}

/// A token of the main file, for operators libclang does not expose (LLVM 14 has no
/// clang_getCursorBinaryOperatorKind) and for macro invocations' arguments.
struct FileToken {
    var text: String
    var offset: Int
    var position: SourcePosition
    var isPunctuation: Bool
    var isIdentifier: Bool
}

/// A function-like or object-like macro invocation written in the main file.
struct MacroInvocation {
    var name: String
    var range: FileRange
    /// Token-index ranges of each argument (empty for object-like macros).
    var arguments: [Range<Int>]
    var hasArgumentList: Bool
}

extension MacroInvocation {
    init(name: String, range: FileRange) {
        self.init(name: name, range: range, arguments: [], hasArgumentList: false)
    }
}

/// Tokens of the main file and the macro invocations in it, indexed by offset.
struct FileLexicon {
    var mainFile: CXFile?
    var tokens: [FileToken] = []
    var macros: [Int: MacroInvocation] = [:]

    /// Index of the first token at or after `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0
        var hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].offset < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether the cursor was written in the main file (directly or through a macro used there).
    func isInMainFile(_ cursor: ClangCursor) -> Bool {
        ClangCursor.fileOffset(clang_getCursorLocation(cursor.raw), in: mainFile) != nil
    }

    /// Where the cursor's tokens are spelled, when that is in the main file: for code from the
    /// body of a macro the file defines, inside the `#define`.
    func spellingRange(of cursor: ClangCursor) -> FileRange? {
        let extent = clang_getCursorExtent(cursor.raw)
        func offset(_ location: CXSourceLocation) -> Int? {
            ClangCursor.fileOffset(location, in: mainFile, spelling: true)
        }
        guard let start = offset(clang_getRangeStart(extent)), let end = offset(clang_getRangeEnd(extent)) else {
            return nil
        }
        return FileRange(start: start, end: end)
    }

    /// The cursor's range in the main file and its position, from one extent (the walk asks this
    /// of every cursor, so it is done once).
    func locate(_ cursor: ClangCursor) -> (range: FileRange?, position: SourcePosition) {
        let extent = clang_getCursorExtent(cursor.raw)
        let start = clang_getRangeStart(extent)
        var file: CXFile?
        var line: UInt32 = 0
        var column: UInt32 = 0
        var offset: UInt32 = 0
        clang_getFileLocation(start, &file, &line, &column, &offset)
        guard let file, let mainFile, file == mainFile else {
            return (nil, ClangCursor.position(of: start))
        }
        let position = SourcePosition(line: Int(line), column: Int(column))
        var endFile: CXFile?
        var endOffset: UInt32 = 0
        clang_getFileLocation(clang_getRangeEnd(extent), &endFile, nil, nil, &endOffset)
        guard let endFile, endFile == mainFile else { return (nil, position) }
        return (FileRange(start: Int(offset), end: Int(endOffset)), position)
    }

    func range(of cursor: ClangCursor) -> FileRange? {
        cursor.fileRange(in: mainFile)
    }

    func token(at offset: Int) -> FileToken? {
        let i = tokenIndex(atOrAfter: offset)
        guard i < tokens.count, tokens[i].offset == offset else { return nil }
        return tokens[i]
    }

    func text(of range: Range<Int>) -> String {
        var out = ""
        for i in range where i < tokens.count {
            let t = tokens[i]
            if !out.isEmpty, let last = out.last, last.isLetter || last.isNumber || last == "_",
                t.isIdentifier || t.text.first?.isNumber == true
            {
                out += " "
            }
            out += t.text
        }
        return out
    }

    static func read(unit: CXTranslationUnit, file: CXFile, length: Int) -> FileLexicon {
        var lexicon = FileLexicon()
        lexicon.mainFile = file
        // The unit cursor's extent is the main file from its first byte to its last (asking for
        // a location by offset costs a scan of every source entry, and with a precompiled
        // preamble finds no location for the end of the buffer).
        let whole = clang_getCursorExtent(clang_getTranslationUnitCursor(unit))
        var start = clang_getRangeStart(whole)
        var end = clang_getRangeEnd(whole)
        var startFile: CXFile?
        clang_getFileLocation(start, &startFile, nil, nil, nil)
        if startFile == nil || clang_File_isEqual(startFile, file) == 0 {
            start = clang_getLocationForOffset(unit, file, 0)
            end = clang_getLocationForOffset(unit, file, UInt32(length))
        }
        var tokens: UnsafeMutablePointer<CXToken>?
        var count: UInt32 = 0
        clang_tokenize(unit, clang_getRange(start, end), &tokens, &count)
        if let tokens {
            lexicon.tokens.reserveCapacity(Int(count))
            for i in 0..<Int(count) {
                let token = tokens[i]
                let kind = clang_getTokenKind(token)
                if kind == CXToken_Comment { continue }
                var f: CXFile?
                var line: UInt32 = 0
                var column: UInt32 = 0
                var offset: UInt32 = 0
                clang_getFileLocation(clang_getTokenLocation(unit, token), &f, &line, &column, &offset)
                lexicon.tokens.append(
                    FileToken(
                        text: clang_getTokenSpelling(unit, token).consume(), offset: Int(offset),
                        position: SourcePosition(line: Int(line), column: Int(column)),
                        isPunctuation: kind == CXToken_Punctuation,
                        isIdentifier: kind == CXToken_Identifier || kind == CXToken_Keyword))
            }
            clang_disposeTokens(unit, tokens, count)
        }
        return lexicon
    }

    /// Records a macro expansion cursor: its name, extent and the token ranges of its arguments.
    mutating func record(expansion cursor: ClangCursor) {
        guard let range = range(of: cursor) else { return }
        // A macro the file defines is the file's own code (like an inline function): it is read
        // expanded. Macros of the headers (or the prelude) are the kernel's API: read as calls.
        let definition = ClangCursor(raw: clang_getCursorReferenced(cursor.raw))
        if !definition.isNull, isInMainFile(definition) { return }
        let name = cursor.spelling
        let first = tokenIndex(atOrAfter: range.start)
        guard first < tokens.count, tokens[first].text == name else { return }
        var invocation = MacroInvocation(name: name, range: range)
        let open = first + 1
        if open < tokens.count, tokens[open].text == "(", tokens[open].offset < range.end {
            invocation.hasArgumentList = true
            var depth = 0
            var argStart = open + 1
            var i = open
            while i < tokens.count {
                let t = tokens[i].text
                if t == "(" || t == "[" || t == "{" {
                    depth += 1
                } else if t == ")" || t == "]" || t == "}" {
                    depth -= 1
                    if depth == 0 {
                        if i > argStart || !invocation.arguments.isEmpty {
                            invocation.arguments.append(argStart..<i)
                        }
                        break
                    }
                } else if t == ",", depth == 1 {
                    invocation.arguments.append(argStart..<i)
                    argStart = i + 1
                }
                i += 1
            }
        }
        macros[range.start] = invocation
    }
}

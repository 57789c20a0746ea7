import CClang
import Foundation

/// What to parse and how.
public struct ParseRequest: Sendable {
    /// The file's path as the user named it (it is also the name diagnostics use).
    public var path: String
    /// The text to parse instead of the file on disk (a patched version held in memory).
    public var contents: String?
    /// `-p DIR`: the directory holding compile_commands.json. Otherwise it is looked for upward
    /// from the file, and standalone mode is used when there is none.
    public var compileDatabaseDirectory: String?
    /// Force standalone mode even inside a kernel tree.
    public var standalone: Bool
    /// Extra compiler arguments, given after `--`.
    public var extraArguments: [String]
    /// Kernel-tree mode may reuse a precompiled include preamble from the user's cache
    /// (`--no-cache` turns it off).
    public var useCache: Bool
    /// Where the cache lives (default: `$XDG_CACHE_HOME/aio-audit/pch`, else `~/.cache/aio-audit/pch`).
    public var cacheDirectory: String?
    /// The compiler's command for the file, given whole (kbuild's CHECK invocation): kernel-tree
    /// mode with these flags (as libclang takes them), no compile database looked for.
    public var compileCommand: (directory: String, arguments: [String])?

    public init(
        path: String, contents: String? = nil, compileDatabaseDirectory: String? = nil, standalone: Bool = false,
        extraArguments: [String] = [], useCache: Bool = true, cacheDirectory: String? = nil
    ) {
        self.cacheDirectory = cacheDirectory
        self.path = path
        self.contents = contents
        self.compileDatabaseDirectory = compileDatabaseDirectory
        self.standalone = standalone
        self.extraArguments = extraArguments
        self.useCache = useCache
    }
}

/// Parses C files with libclang into the project's syntax tree.
public enum Parser {
    /// Files larger than this are refused: no fs/aio.c comes near it, and libclang's memory grows
    /// with the input.
    public static let maximumFileSize = 16 << 20
    /// Rounds of "parse, synthesise what is missing" before giving up.
    static let maximumSynthesisRounds = 6

    public static func parse(_ request: ParseRequest) throws -> TranslationUnitSyntax {
        let text = try readSource(request)
        // Refused after parsing anyway, and libclang takes quadratic time on it: refuse it first.
        if let line = NestingPrescan.chainTooLong(in: text, limit: 2 * SyntaxBuilder.maximumNesting) {
            throw InputError(
                request.path,
                "\(line): a statement nests deeper than \(SyntaxBuilder.maximumNesting) levels; not analysed")
        }
        let setup = try arguments(for: request)
        // `-working-directory=` (kernel-tree mode) makes libclang's driver chdir() the whole
        // process into the tree (LLVM's real file system is linked to the process's directory):
        // put it back, or relative paths given later (a second FILE, `--write-baseline F`) would
        // resolve inside the tree.
        WorkingDirectory.enter()
        defer { WorkingDirectory.leave() }
        return try LargeStack.run {
            try parseOnThisThread(request: request, text: text, setup: setup)
        }
    }

    // MARK: Input checks

    public static func readSource(_ request: ParseRequest) throws -> String {
        let path = request.path
        let file = WorkingDirectory.resolve(path)
        let bytes: Data
        if let contents = request.contents {
            bytes = Data(contents.utf8)
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                throw InputError(path, "no such file")
            }
            if isDirectory.boolValue { throw InputError(path, "is a directory, not a C file") }
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw InputError(path, "cannot be read (permission denied)")
            }
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes?[.size] as? NSNumber, size.intValue > maximumFileSize {
                throw InputError(
                    path, "is \(size.intValue >> 20) MiB; files over \(maximumFileSize >> 20) MiB are not analysed")
            }
            // Not a regular file (a pipe, `<(git show ...)`, /dev/null): read as a stream, to the
            // end or one byte past the limit.
            guard
                let data = FileManager.default.contents(atPath: file)
                    ?? FileHandle(forReadingAtPath: file).flatMap({
                        try? $0.read(upToCount: maximumFileSize + 1) ?? Data()
                    })
            else {
                throw InputError(path, "cannot be read")
            }
            bytes = data
        }
        if bytes.count > maximumFileSize {
            throw InputError(
                path, "is \(bytes.count >> 20) MiB; files over \(maximumFileSize >> 20) MiB are not analysed")
        }
        if bytes.isEmpty { throw InputError(path, "is empty") }
        if bytes.prefix(65536).contains(0) { throw InputError(path, "is a binary file, not C source") }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw InputError(path, "is not UTF-8 text, not C source")
        }
        return text
    }

    // MARK: Modes

    struct Setup {
        var mode: ParseMode
        var arguments: [String]
        /// The path libclang is given for the main file.
        var mainPath: String
        /// For kernel-tree mode, the compile database's directory (relative paths resolve there).
        var directory: String?
        /// A compile database found above the file that has no entry for it.
        var note: String? = nil
    }

    /// Added to a build's own flags: -w, as the tool reads no warning, and clang's warning
    /// analyses (format strings, unused values, ...) cost a tenth of the parse.
    static let kernelTreeFlags = ["-w"]

    static func arguments(for request: ParseRequest) throws -> Setup {
        let absolute = URL(fileURLWithPath: WorkingDirectory.resolve(request.path)).standardizedFileURL.path
        if !request.standalone, let command = request.compileCommand {
            return Setup(
                mode: .kernelTree, arguments: command.arguments + kernelTreeFlags + request.extraArguments,
                mainPath: absolute,
                directory: command.directory)
        }
        if !request.standalone {
            let database: CompileDatabase?
            if var dir = request.compileDatabaseDirectory {
                // -p names the directory, as clang-tidy takes it; the database file itself will do.
                if (dir as NSString).lastPathComponent == "compile_commands.json" {
                    dir = (dir as NSString).deletingLastPathComponent
                }
                database = try CompileDatabase.load(directory: dir.isEmpty ? "." : dir)
                guard database != nil else {
                    throw InputError(dir, "has no compile_commands.json")
                }
            } else {
                database = try CompileDatabase.find(
                    above: URL(fileURLWithPath: absolute).deletingLastPathComponent().path)
            }
            if let database {
                if let command = database.command(for: absolute) {
                    return Setup(
                        mode: .kernelTree, arguments: command.arguments + kernelTreeFlags + request.extraArguments,
                        mainPath: command.file, directory: command.directory)
                }
                // The object kbuild would build from the file, named from the database's directory.
                let top = URL(
                    fileURLWithPath: WorkingDirectory.resolve((database.path as NSString).deletingLastPathComponent)
                ).standardizedFileURL.path
                var object = "the file's object"
                if absolute.hasPrefix(top + "/"), absolute.hasSuffix(".c") {
                    object = String(absolute.dropFirst(top.count + 1).dropLast(2)) + ".o"
                }
                let build = "make \(object) && scripts/clang-tools/gen_compile_commands.py"
                if request.compileDatabaseDirectory != nil {
                    throw InputError(
                        request.path,
                        "is not in the compile database \(database.path) (\(database.entries.count) files built so far): build it, then regenerate the database: \(build)"
                    )
                }
                return Setup(
                    mode: .standalone, arguments: StandaloneMode.arguments + request.extraArguments, mainPath: absolute,
                    directory: nil,
                    note:
                        "\(database.path) has no entry for this file (\(database.entries.count) files built so far): parsed standalone; for the kernel's own flags: \(build)"
                )
            }
        }
        return Setup(
            mode: .standalone, arguments: StandaloneMode.arguments + request.extraArguments, mainPath: absolute,
            directory: nil)
    }

    // MARK: Parsing

    static func parseOnThisThread(request: ParseRequest, text: String, setup: Setup) throws -> TranslationUnitSyntax {
        LibClangEnvironment.prepare()
        var preamble: Preamble?
        var cacheNote: String?
        if setup.mode == .kernelTree, request.useCache {
            (preamble, cacheNote) = Preamble.prepare(text: text, setup: setup, directory: request.cacheDirectory)
        }
        // With a precompiled preamble, a visit of the unit sees the file's own declarations only.
        let index = clang_createIndex(preamble == nil ? 0 : 1, 0)
        defer { clang_disposeIndex(index) }
        if let p = preamble {
            if !p.load(index: index) { preamble = nil }
            cacheNote = p.note
        }
        let source = Array(text.utf8)
        var lineStarts = [0]
        for (i, b) in source.enumerated() where b == 0x0A { lineStarts.append(i + 1) }

        var synthesis = DeclarationSynthesis(prelude: KernelPrelude.header)
        var rounds = 0
        while true {
            rounds += 1
            var unsaved: [(String, String)] = [(setup.mainPath, preamble?.blankedText ?? text)]
            if setup.mode == .standalone {
                unsaved += StandaloneMode.headers(
                    for: text, mainPath: setup.mainPath, prelude: synthesis.complete(prelude: KernelPrelude.header))
            }
            var parseSetup = setup
            if let p = preamble { parseSetup.arguments += ["-include-pch", p.pch] }
            var parsed = translationUnit(index: index, setup: parseSetup, unsaved: unsaved)
            if let p = preamble, parsed.map(Preamble.rejected) ?? true {
                // A stale or unreadable entry (a header changed since it was built, another
                // libclang's): parse as if there were none, and drop it for a rebuild next time.
                if let u = parsed { clang_disposeTranslationUnit(u) }
                p.discard()
                cacheNote = p.note
                preamble = nil
                unsaved[0] = (setup.mainPath, text)
                parsed = translationUnit(index: index, setup: setup, unsaved: unsaved)
            }
            guard let unit = parsed else {
                throw InputError(request.path, "libclang could not parse the file (its parser failed on this input)")
            }
            let diagnostics = readDiagnostics(unit, mainPath: setup.mainPath, displayPath: request.path)
            defer { clang_disposeTranslationUnit(unit) }
            if let fatal = diagnostics.first(where: { $0.severity == "fatal" }) {
                throw InputError(
                    request.path, "does not parse: \(fatal.line):\(fatal.column): \(fatal.message)")
            }
            let errors = diagnostics.filter { $0.severity == "error" }
            // With the compiler's flags, a header that is not found means the flags do not fit
            // where the tool runs (kbuild runs its checker from the tree's top): what would be
            // analysed is not the file the compiler sees.
            if setup.mode != .standalone, let missing = errors.first(where: { $0.message.hasSuffix("file not found") })
            {
                throw InputError(
                    request.path,
                    "\(missing.line):\(missing.column): \(missing.message): the compiler flags do not find the headers from here (run from the kernel tree's top directory, as kbuild does, or give -p DIR)"
                )
            }
            if let deep = errors.first(where: { $0.message.hasPrefix("bracket nesting level exceeded") }) {
                // The parser gave up on the construct; what follows it is not what the file says.
                throw InputError(
                    request.path, "nests too deeply to parse: \(deep.line):\(deep.column): \(deep.message)")
            }
            if setup.mode == .standalone, !errors.isEmpty, rounds < maximumSynthesisRounds,
                synthesis.learn(
                    from: errors.map {
                        var d = $0
                        d.file = d.file == request.path ? setup.mainPath : d.file
                        return d
                    },
                    mainFile: setup.mainPath, source: source, lineStarts: lineStarts)
            {
                continue
            }
            var unitSyntax = try read(unit: unit, setup: setup, request: request, text: text, source: source)
            unitSyntax.cacheNote = cacheNote
            unitSyntax.errors = errors
            unitSyntax.synthesised = synthesis.summary
            unitSyntax.parseRounds = rounds
            if unitSyntax.functions.isEmpty, !errors.isEmpty {
                let first = errors[0]
                throw InputError(
                    request.path,
                    "does not parse as C: \(first.line):\(first.column): \(first.message) (\(errors.count) error\(errors.count == 1 ? "" : "s"), no function definitions)"
                )
            }
            return unitSyntax
        }
    }

    static func translationUnit(index: CXIndex?, setup: Setup, unsaved: [(String, String)]) -> CXTranslationUnit? {
        // The preprocessing record gives the macro expansions; KeepGoing keeps parsing after errors
        // so that one bad statement does not hide the rest of the file.
        let options =
            CXTranslationUnit_DetailedPreprocessingRecord.rawValue | CXTranslationUnit_KeepGoing.rawValue
        // C strings must outlive the call.
        let argStrings = setup.arguments.map { strdup($0) }
        let names = unsaved.map { strdup($0.0) }
        let contents = unsaved.map { strdup($0.1) }
        defer {
            argStrings.forEach { free($0) }
            names.forEach { free($0) }
            contents.forEach { free($0) }
        }
        var files = (0..<unsaved.count).map { i in
            CXUnsavedFile(
                Filename: names[i], Contents: contents[i], Length: UInt(unsaved[i].1.utf8.count))
        }
        var args: [UnsafePointer<CChar>?] = argStrings.map { UnsafePointer($0) }
        var unit: CXTranslationUnit?
        let code = args.withUnsafeMutableBufferPointer { argv in
            files.withUnsafeMutableBufferPointer { filesBuffer in
                clang_parseTranslationUnit2(
                    index, setup.mainPath, argv.baseAddress, Int32(argv.count), filesBuffer.baseAddress,
                    UInt32(filesBuffer.count), UInt32(options), &unit)
            }
        }
        guard code == CXError_Success else { return nil }
        return unit
    }

    static func readDiagnostics(_ unit: CXTranslationUnit, mainPath: String, displayPath: String) -> [ParseDiagnostic] {
        var result: [ParseDiagnostic] = []
        let count = clang_getNumDiagnostics(unit)
        for i in 0..<count {
            guard let diag = clang_getDiagnostic(unit, i) else { continue }
            defer { clang_disposeDiagnostic(diag) }
            let severity = clang_getDiagnosticSeverity(diag)
            guard severity == CXDiagnostic_Error || severity == CXDiagnostic_Fatal else { continue }
            var file: CXFile?
            var line: UInt32 = 0
            var column: UInt32 = 0
            var offset: UInt32 = 0
            let location = clang_getDiagnosticLocation(diag)
            clang_getExpansionLocation(location, &file, &line, &column, &offset)
            // An argument libclang rejects is reported without a location; it does not hide code.
            guard let file else { continue }
            let inMain = clang_Location_isFromMainFile(location) != 0
            let fileName = inMain ? displayPath : clang_getFileName(file).consume()
            result.append(
                ParseDiagnostic(
                    line: Int(line), column: Int(column), file: fileName,
                    severity: severity == CXDiagnostic_Fatal ? "fatal" : "error",
                    message: clang_getDiagnosticSpelling(diag).consume()))
        }
        return result
    }

    static func read(
        unit: CXTranslationUnit, setup: Setup, request: ParseRequest, text: String, source: [UInt8]
    ) throws -> TranslationUnitSyntax {
        let root = ClangCursor(raw: clang_getTranslationUnitCursor(unit))
        let top = root.children
        // The main file as libclang knows it: looked up by name it may be another entry when
        // the text exists only in memory (a patched version), so take it from a cursor of it.
        var mainFile: CXFile?
        for c in top {
            let location = clang_getCursorLocation(c.raw)
            guard clang_Location_isFromMainFile(location) != 0 else { continue }
            var file: CXFile?
            clang_getFileLocation(location, &file, nil, nil, nil)
            if let file {
                mainFile = file
                break
            }
        }
        guard let file = mainFile ?? clang_getFile(unit, setup.mainPath) else {
            throw InputError(request.path, "libclang lost the file while parsing")
        }
        var lexicon = FileLexicon.read(unit: unit, file: file, length: source.count)
        for c in top where c.kind == CXCursor_MacroExpansion && lexicon.isInMainFile(c) {
            lexicon.record(expansion: c)
        }
        let builder = SyntaxBuilder(lexicon: lexicon)
        var functions: [FunctionSyntax] = []
        var globals: [GlobalSyntax] = []
        var noreturn: Set<String> = []
        for c in top where lexicon.isInMainFile(c) {
            switch c.kind {
            case CXCursor_FunctionDecl where clang_isCursorDefinition(c.raw) != 0:
                do {
                    if let f = try builder.function(c, noreturn: &noreturn) { functions.append(f) }
                } catch let deep as NestingTooDeep {
                    throw InputError(
                        request.path,
                        "\(deep.line): function '\(deep.function)' nests deeper than \(SyntaxBuilder.maximumNesting) levels; not analysed"
                    )
                }
            case CXCursor_VarDecl:
                globals.append(builder.global(c))
            default:
                break
            }
        }
        var unitSyntax = TranslationUnitSyntax(
            path: request.path, mode: setup.mode, functions: functions, globals: globals, errors: [],
            synthesised: [], parseRounds: 1, compileArguments: setup.arguments, source: text, modeNote: setup.note)
        unitSyntax.hiddenFunctions = hiddenFunctions(unit: unit, file: file, text: text)
        return unitSyntax
    }

    /// The function definitions in the main file's skipped regions: a line that starts (column 1)
    /// with a name and has a `(`, whose text reaches a `{` before any `;`.
    static func hiddenFunctions(unit: CXTranslationUnit, file: CXFile, text: String) -> [HiddenFunction] {
        guard let list = clang_getSkippedRanges(unit, file) else { return [] }
        defer { clang_disposeSourceRangeList(list) }
        let lines = Lines.of(text)
        var found: [HiddenFunction] = []
        for i in 0..<Int(list.pointee.count) {
            let range = list.pointee.ranges[i]
            var first: UInt32 = 0
            var last: UInt32 = 0
            clang_getSpellingLocation(clang_getRangeStart(range), nil, &first, nil, nil)
            clang_getSpellingLocation(clang_getRangeEnd(range), nil, &last, nil, nil)
            guard first >= 1, Int(last) <= lines.count, first <= last else { continue }
            let condition = String(lines[Int(first) - 1]).trimmingCharacters(in: .whitespaces)
            var n = Int(first)
            while n < Int(last) {
                let line = lines[n]
                n += 1
                guard let c = line.first, c.isLetter || c == "_", let paren = line.firstIndex(of: "(") else { continue }
                // The header, up to its `{` (a definition) or `;` (a declaration, or a statement).
                var k = n - 1
                var header = ""
                while k < Int(last), header.count < 2000 {
                    header += lines[k]
                    if header.contains("{") || header.contains(";") { break }
                    k += 1
                }
                guard let brace = header.firstIndex(of: "{"),
                    header.firstIndex(of: ";").map({ $0 > brace }) ?? true
                else { continue }
                let before = line[..<paren]
                guard let name = before.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).last
                else { continue }
                var shown = String(name)
                // SYSCALL_DEFINE3(io_submit, ...) and the like: the macro and the syscall's name.
                if shown.contains("SYSCALL_DEFINE") {
                    let args = line[line.index(after: paren)...]
                    if let first = args.split(separator: ",").first {
                        shown += "(\(first.trimmingCharacters(in: .whitespaces)))"
                    }
                }
                found.append(HiddenFunction(name: shown, line: n, condition: condition))
                n = k + 1
            }
        }
        return found
    }
}

/// libclang runs its work on a helper thread with a small stack unless told not to, and deep input
/// then overflows it and kills the process; the variable must be set before the first call.
/// libclang's crash recovery stays on: a crash inside the parser becomes a failed parse (an input
/// error) instead of the end of the process.
enum LibClangEnvironment {
    private static let once: Void = {
        setenv("LIBCLANG_NOTHREADS", "1", 1)
    }()

    static func prepare() { _ = once }
}

/// The process's working directory across parses: recorded when the first of the parses in
/// flight starts, restored when the last one ends (parses run concurrently, in `diff`, and those of
/// one tree move to the same directory, so it is put back only once none is left).
public enum WorkingDirectory {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var inFlight = 0
    nonisolated(unsafe) private static var saved: String?

    /// A path as the command line meant it: relative to the directory the command runs in, even
    /// while a parse on another thread has moved the process into a kernel tree.
    public static func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        lock.lock()
        let base =
            inFlight > 0
            ? (saved ?? FileManager.default.currentDirectoryPath) : FileManager.default.currentDirectoryPath
        lock.unlock()
        return (base as NSString).appendingPathComponent(path)
    }

    static func enter() {
        lock.lock()
        defer { lock.unlock() }
        if inFlight == 0 { saved = FileManager.default.currentDirectoryPath }
        inFlight += 1
    }

    static func leave() {
        lock.lock()
        defer { lock.unlock() }
        inFlight -= 1
        if inFlight == 0, let saved, FileManager.default.currentDirectoryPath != saved {
            _ = FileManager.default.changeCurrentDirectoryPath(saved)
        }
    }
}

/// Runs work on a thread with a 1 GiB stack (reserved, not committed): libclang and the syntax
/// walk recurse as deep as the input nests.
enum LargeStack {
    static let size = 1 << 30

    private final class Outcome<T>: @unchecked Sendable {
        var work: (() throws -> T)?
        var value: Result<T, Error>?
    }

    static func run<T>(_ work: @escaping () throws -> T) throws -> T {
        // The Thread keeps its block until the thread has finished exiting, which may be after
        // this returns: the block holds only `outcome`, and neither the work (with the file's
        // text) nor its result (a whole syntax tree) stays there.
        let outcome = Outcome<T>()
        outcome.work = work
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            if let work = outcome.work {
                outcome.work = nil
                outcome.value = Result { try work() }
            }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        let result = outcome.value!
        outcome.value = nil
        return try result.get()
    }
}

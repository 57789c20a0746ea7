import AIOAudit
import ArgumentParser
import Foundation

@main
struct AIOAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aio-audit",
        abstract: "Find object-lifetime bugs in the Linux kernel's asynchronous I/O code (fs/aio.c).",
        discussion: """
            Rules (aio-audit explain RULE): \(Rules.identifiers.joined(separator: ", ")).

            A file outside the aio model (no struct kioctx) is checked with the generic lock, sleep \
            and reference rules only, as warnings.

            Run by kbuild as sparse is (make C=1 CHECK=aio-audit, or C=2): given a compiler's flags \
            and a C file last, it checks the file with those flags, run from the tree's top; files \
            outside the aio model are skipped unparsed there. The tool's own options go through CF=.

            Exit status: 0 when no errors were reported (warnings do not count unless --strict), 1 \
            when errors were (diff: when a change introduces a finding), 2 for a usage error or bad \
            input (one line on standard error naming it).
            """,
        version: AIOAuditVersion.string,
        subcommands: [
            CheckCommand.self, DiffCommand.self, GraphCommand.self, FactsCommand.self, ExplainCommand.self,
            HookCommand.self, CacheCommand.self,
        ]
    )

    /// Usage errors end with status 2 like input errors (ArgumentParser's own default is 64);
    /// help and version requests end with 0.
    static func main() {
        // Everything after `--` goes to the parser untouched (the compiler's flags). It is split
        // off before ArgumentParser, which refuses an `@Argument(parsing: .postTerminator)` array
        // beside another array of positional arguments (the files), and handed to the command
        // that was parsed.
        var arguments = Array(CommandLine.arguments.dropFirst())
        var afterTerminator: [String] = []
        if let split = arguments.firstIndex(of: "--") {
            afterTerminator = Array(arguments[(split + 1)...])
            arguments = Array(arguments[..<split])
        }
        // `aio-audit -v check FILE`, as git takes options before its subcommand: the flag is the
        // subcommand's.
        let names = Set(configuration.subcommands.map { $0._commandName })
        if arguments.count >= 2, ["-v", "--verbose"].contains(arguments[0]), names.contains(arguments[1]) {
            arguments.swapAt(0, 1)
        }
        // No arguments at all is a usage error, as with a compiler: the usage, then status 2.
        if arguments.isEmpty {
            FileHandle.standardError.write(Data((helpMessage() + "\n").utf8))
            Foundation.exit(2)
        }
        // Run by kbuild as sparse is (`make C=1 CHECK=aio-audit`): a compiler's flags and the
        // file, read as `check FILE` with that command.
        if afterTerminator.isEmpty, let kbuild = KbuildInvocation.recognise(arguments) {
            do {
                var check = try CheckCommand.parse(kbuild.options + [kbuild.file])
                check.rules.ordered = RuleOptions.switches(in: kbuild.options)
                let directory = FileManager.default.currentDirectoryPath
                check.parse.kbuild = (directory, kbuild.libclangArguments(directory: directory))
                try check.run()
                Foundation.exit(0)
            } catch {
                finish(error)
            }
        }
        if afterTerminator.isEmpty, let misuse = KbuildInvocation.misuse(arguments) {
            FileHandle.standardError.write(Data("aio-audit: error: \(misuse)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var choosing = command as? ChoosesRules {
                choosing.rules.ordered = RuleOptions.switches(in: arguments)
                command = choosing
            }
            if var parsing = command as? ParsesC {
                parsing.parse.extra = afterTerminator
                command = parsing
            } else if !afterTerminator.isEmpty {
                throw ValidationError("this command takes nothing after --")
            }
            try command.run()
        } catch {
            finish(error)
        }
    }

    /// Ends the process for an error a command threw: help and version with 0, an exit code as
    /// it says, anything else one line and status 2.
    static func finish(_ error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .success || error is ExitCode {
            exit(withError: error)
        }
        // One line, as for every other error: the message without the usage that
        // ArgumentParser would print after it.
        var message = message(for: error)
        if message.isEmpty { message = fullMessage(for: error) }
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        message = message.split(separator: "\n").first.map(String.init) ?? message
        FileHandle.standardError.write(Data("aio-audit: error: \(message)\n".utf8))
        Foundation.exit(2)
    }

    /// Input problems end with one line and status 2.
    static func fail(_ error: Error) -> Never {
        let message = (error as? InputError)?.description ?? "\(error)"
        FileHandle.standardError.write(Data("aio-audit: error: \(message)\n".utf8))
        Foundation.exit(2)
    }
}

/// A subcommand that parses C, and so takes the parser's flags after `--`.
protocol ParsesC: ParsableCommand {
    var parse: ParseOptions { get set }
}

/// Options every subcommand that parses C shares.
struct ParseOptions: ParsableArguments {
    @Option(
        name: .customShort("p"),
        help: ArgumentHelp(
            "Directory holding compile_commands.json (default: searched upward from the file).", valueName: "dir"))
    var compileDatabase: String?

    @Flag(help: "Parse with the built-in kernel prelude even inside a kernel tree.")
    var standalone = false

    @Flag(
        name: .shortAndLong, help: "Say how the file was parsed (mode, rounds, synthesised declarations, parse errors)."
    )
    var verbose = false

    @Flag(
        name: .customLong("no-cache"),
        help:
            "In a kernel tree, do not use or build the precompiled include preamble ($XDG_CACHE_HOME/aio-audit/pch, else ~/.cache/aio-audit/pch)."
    )
    var noCache = false

    /// What followed `--` on the command line (set after parsing: see AIOAuditCommand.main).
    var extra: [String] = []
    /// kbuild's invocation: the compiler's command as given, and files outside the aio model's
    /// scope skipped without a parse (set after parsing: see AIOAuditCommand.main).
    var kbuild: (directory: String, arguments: [String])?

    enum CodingKeys: String, CodingKey { case compileDatabase, standalone, verbose, noCache }

    func request(for path: String) -> ParseRequest {
        var request = ParseRequest(
            path: path, compileDatabaseDirectory: compileDatabase, standalone: standalone, extraArguments: extra,
            useCache: !noCache)
        request.compileCommand = kbuild
        return request
    }

    /// What --verbose prints to standard error, and the warning everyone gets when parse errors
    /// remain (they may hide code from the analysis).
    func reportParse(_ unit: TranslationUnitSyntax, side: String? = nil) {
        let text = parseNotes(unit, side: side)
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// How many parse errors --verbose lists for a file.
    static var parseErrorsListed: Int { 30 }

    /// What reportParse prints, as text (empty, or lines each ending in a newline).
    func parseNotes(_ unit: TranslationUnitSyntax, side: String? = nil) -> String {
        let name = side.map { "\(unit.path) (\($0))" } ?? unit.path
        var lines: [String] = []
        if let note = unit.modeNote { lines.append("\(name): warning: \(note)") }
        if verbose {
            lines.append(
                "\(name): parsed in \(unit.mode.rawValue) mode, \(unit.parseRounds) round\(unit.parseRounds == 1 ? "" : "s"), \(unit.functions.count) functions, \(unit.errors.count) parse error\(unit.errors.count == 1 ? "" : "s")"
            )
            if let cache = unit.cacheNote { lines.append("\(name): \(cache)") }
            for s in unit.synthesised { lines.append("\(name): synthesised \(s)") }
            for h in unit.hiddenFunctions {
                lines.append(
                    "\(name):\(h.line): hidden by the preprocessor, not analysed: \(h.name) (under \(h.condition))")
            }
            // The file named as the command line named it; the first errors only (the first are
            // the causes, the rest mostly their echoes), with how many more there are.
            let absolute = URL(fileURLWithPath: WorkingDirectory.resolve(unit.path)).standardizedFileURL.path
            for e in unit.errors.prefix(Self.parseErrorsListed) {
                let file = e.file == absolute ? unit.path : e.file
                lines.append("\(file):\(e.line):\(e.column): parse error: \(e.message)")
            }
            if unit.errors.count > Self.parseErrorsListed {
                lines.append("\(name): \(unit.errors.count - Self.parseErrorsListed) more parse errors not listed")
            }
        }
        if !unit.errors.isEmpty {
            lines.append(
                "\(name): warning: \(unit.errors.count) parse error\(unit.errors.count == 1 ? " remains" : "s remain") in \(unit.mode.rawValue) mode; code they touch may be missing from the analysis\(verbose ? "" : " (--verbose lists them)")"
            )
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}

enum Terminal {
    /// Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb.
    static var colour: Bool {
        let env = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) != 0 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }
}

/// Standard output and standard error, written as the library renders them.
func write(_ text: String, error: Bool = false) {
    (error ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
}

import AIOAudit
import ArgumentParser
import Foundation

@main
struct AIOAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aio-audit",
        abstract: "Find object-lifetime bugs in the Linux kernel's asynchronous I/O code (fs/aio.c).",
        subcommands: [
            CheckCommand.self, DiffCommand.self, GraphCommand.self, FactsCommand.self, ExplainCommand.self,
            HookCommand.self,
        ]
    )

    /// Usage errors end with status 2 like input errors (ArgumentParser's own default is 64);
    /// help and version requests end with 0.
    static func main() {
        // Everything after `--` goes to the parser untouched (the compiler's flags): split it off
        // before ArgumentParser, which cannot have it beside a list of files.
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let split = arguments.firstIndex(of: "--") {
            CompilerArguments.extra = Array(arguments[(split + 1)...])
            arguments = Array(arguments[..<split])
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)
            }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            FileHandle.standardError.write(Data("aio-audit: error: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }

    /// Input problems end with one line and status 2.
    static func fail(_ error: Error) -> Never {
        let message = (error as? InputError)?.description ?? "\(error)"
        FileHandle.standardError.write(Data("aio-audit: error: \(message)\n".utf8))
        Foundation.exit(2)
    }
}

/// The compiler arguments given after `--`.
enum CompilerArguments {
    nonisolated(unsafe) static var extra: [String] = []
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

    func request(for path: String) -> ParseRequest {
        ParseRequest(
            path: path, compileDatabaseDirectory: compileDatabase, standalone: standalone,
            extraArguments: CompilerArguments.extra)
    }

    /// What --verbose prints to standard error, and the warning everyone gets when parse errors
    /// remain (they may hide code from the analysis).
    func reportParse(_ unit: TranslationUnitSyntax) {
        var lines: [String] = []
        if verbose {
            lines.append(
                "\(unit.path): parsed in \(unit.mode.rawValue) mode, \(unit.parseRounds) round\(unit.parseRounds == 1 ? "" : "s"), \(unit.functions.count) functions"
            )
            for s in unit.synthesised { lines.append("\(unit.path): synthesised \(s)") }
            for e in unit.errors { lines.append("\(e.file):\(e.line):\(e.column): parse error: \(e.message)") }
        }
        if !unit.errors.isEmpty {
            lines.append(
                "\(unit.path): warning: \(unit.errors.count) parse error\(unit.errors.count == 1 ? " remains" : "s remain") in \(unit.mode.rawValue) mode; code they touch may be missing from the analysis\(verbose ? "" : " (--verbose lists them)")"
            )
        }
        if !lines.isEmpty {
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}

extension GraphFormat: ExpressibleByArgument {}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the flow graph of every function (or one) with its refcount/lock/RCU events."
    )

    @Argument(help: "The C file (fs/aio.c of any era).")
    var file: String

    @Option(name: .long, help: "Only this function.")
    var function: String?

    @Option(name: .long, help: "Output format: text, dot or json.")
    var format: GraphFormat = .text

    @OptionGroup var parse: ParseOptions

    func run() throws {
        do {
            let unit = try Parser.parse(parse.request(for: file))
            parse.reportParse(unit)
            var graphs = FileGraphs(unit: unit)
            if let function { graphs = try graphs.selecting(function: function) }
            FileHandle.standardOutput.write(Data(GraphReport.render(graphs, as: format).utf8))
        } catch {
            AIOAuditCommand.fail(error)
        }
    }
}

extension FindingsFormat: ExpressibleByArgument {}

enum FactsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Standard output and standard error, written as the library renders them.
func write(_ text: String, error: Bool = false) {
    (error ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Report where an object's lifetime is not guaranteed (put-outside-pin, rcu-uncovered-deref, rcu-no-grace-period)."
    )

    @Argument(help: "C files (fs/aio.c of any era); extra compiler arguments go after --.")
    var files: [String]

    @Option(name: .long, help: "Output format: text, json, sarif or github.")
    var format: FindingsFormat = .text

    @Option(
        name: .long,
        help: "A built-in profile's name, or a JSON profile file (default: chosen from the file's content).")
    var profile: String?

    @Flag(help: "Warnings count as errors for the exit status.")
    var strict = false

    @OptionGroup var accepted: AcceptedFindings

    @OptionGroup var parse: ParseOptions

    func run() throws {
        var checks: [FileCheck] = []
        var inputErrors = 0
        let chosen: Profile?
        do {
            chosen = try profile.map(Profiles.named)
        } catch {
            AIOAuditCommand.fail(error)
        }
        for file in files {
            do {
                let unit = try Parser.parse(parse.request(for: file))
                parse.reportParse(unit)
                var check = FileCheck(unit: unit, profile: chosen)
                check.applySuppressions()
                checks.append(check)
            } catch {
                inputErrors += 1
                let message = (error as? InputError)?.description ?? "\(error)"
                write("aio-audit: error: \(message)\n", error: true)
            }
        }
        do {
            try accepted.apply(to: &checks)
        } catch {
            AIOAuditCommand.fail(error)
        }
        switch format {
        case .text:
            write(FindingsReport.text(checks, colour: Terminal.colour))
            if let summary = FindingsReport.summary(checks) { write(summary + "\n", error: true) }
        case .json: write(FindingsReport.json(checks))
        case .sarif: write(FindingsReport.sarif(checks))
        case .github: write(FindingsReport.github(checks))
        }
        if inputErrors > 0 { throw ExitCode(2) }
        let errors = checks.map(\.errors).reduce(0, +) + (strict ? checks.map(\.warnings).reduce(0, +) : 0)
        if errors > 0 { throw ExitCode(1) }
    }
}

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract:
            "Print every role the analysis uses (reference counts, pin counters, contexts, release paths) and where it came from."
    )

    @Argument(help: "The C file.")
    var file: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: FactsFormat = .text

    @Option(name: .long, help: "A built-in profile's name, or a JSON profile file.")
    var profile: String?

    @OptionGroup var parse: ParseOptions

    func run() throws {
        do {
            let chosen = try profile.map(Profiles.named)
            let unit = try Parser.parse(parse.request(for: file))
            parse.reportParse(unit)
            let check = FileCheck(unit: unit, profile: chosen)
            write(format == .json ? FactsReport.json(check) : FactsReport.text(check))
        } catch {
            AIOAuditCommand.fail(error)
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Print a rule's rationale and examples.")

    @Argument(help: "A rule's identifier (put-outside-pin, rcu-uncovered-deref, rcu-no-grace-period).")
    var rule: String

    func run() throws {
        guard let text = Rules.explanation(of: rule) else {
            AIOAuditCommand.fail(InputError(rule, "no such rule (rules: \(Rules.identifiers.joined(separator: ", ")))"))
        }
        write(text)
    }
}

enum Terminal {
    /// Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb.
    static var colour: Bool {
        let env = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) != 0 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }
}

/// Findings a team has accepted: a baseline file of identities.
struct AcceptedFindings: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Drop findings recorded in this baseline.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Record the findings reported as the new baseline.", valueName: "file"))
    var writeBaseline: String?

    func apply(to checks: inout [FileCheck]) throws {
        if let writeBaseline { try Baseline.write(checks.flatMap(\.findings), to: writeBaseline) }
        if let baseline {
            let ids = try Baseline.read(baseline)
            for i in checks.indices { checks[i].applyBaseline(ids) }
        }
    }
}

extension ReviewFormat: ExpressibleByArgument {}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case introduced, any
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say which findings a change introduces, fixes and leaves.",
        discussion: """
            aio-audit diff --patch P [FILE]       a patch (git format-patch mail, unified diff, mbox series)
            aio-audit diff BASE [HEAD] [-- PATH...] two revisions of a git work tree (no HEAD: the working tree)
            aio-audit diff --staged               the index against HEAD (for a pre-commit hook)
            """
    )

    @Option(name: .long, help: ArgumentHelp("A patch file to apply in memory.", valueName: "patch"))
    var patch: String?

    @Flag(help: "The patch is already applied to the file: undo it for \"before\".")
    var reverse = false

    @Flag(
        name: [.customShort("R"), .long],
        help: "Review the patch applied backwards (as git apply -R): undoing it is the change.")
    var revert = false

    @Option(
        name: .long,
        help: ArgumentHelp("Where the patch's files are (default: the current directory).", valueName: "dir"))
    var tree: String?

    @Flag(help: "Review what is staged for commit against HEAD.")
    var staged = false

    @Argument(help: "With --patch: the file to apply it to. Otherwise: BASE [HEAD] revisions.")
    var positional: [String] = []

    @Option(name: .long, help: "Output format: text, json, sarif or github.")
    var format: ReviewFormat = .text

    @Option(name: .long, help: "Exit 1 on introduced findings (default), or on any finding left.")
    var failOn: FailOn = .introduced

    @Option(name: .long, help: "A built-in profile's name, or a JSON profile file.")
    var profile: String?

    @OptionGroup var accepted: AcceptedFindings

    @OptionGroup var parse: ParseOptions

    func run() throws {
        let changes: Changes
        do {
            if let patch {
                guard positional.count <= 1 else { throw ValidationError("--patch takes at most one FILE") }
                if reverse && revert { throw ValidationError("--reverse and --revert exclude each other") }
                var found = try Changes.fromPatch(
                    patch, file: positional.first, tree: tree ?? FileManager.default.currentDirectoryPath,
                    reverse: reverse || revert)
                if revert {
                    // The file holds the patch; the change removes it.
                    found.versions = found.versions.map {
                        FileVersions(path: $0.path, before: $0.after, after: $0.before)
                    }
                }
                changes = found
            } else {
                guard positional.count <= 2 else { throw ValidationError("diff takes BASE [HEAD]") }
                if staged && !positional.isEmpty { throw ValidationError("--staged takes no revisions") }
                if !staged && positional.isEmpty {
                    throw ValidationError("diff needs --patch P, BASE [HEAD], or --staged")
                }
                changes = try Changes.fromGit(
                    directory: FileManager.default.currentDirectoryPath, base: staged ? "HEAD" : positional.first,
                    head: staged ? nil : positional.dropFirst().first, staged: staged, paths: CompilerArguments.extra)
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            AIOAuditCommand.fail(error)
        }
        var reviews: [FileReview] = []
        let chosen: Profile?
        do {
            chosen = try profile.map(Profiles.named)
            // In git and patch modes the arguments after -- are paths, not compiler flags.
            var base = parse.request(for: "")
            base.extraArguments = []
            let accepted = try self.accepted.baseline.map(Baseline.read) ?? []
            for versions in changes.versions {
                var review = try Review.review(versions, base: base, profile: chosen)
                review.findings.removeAll { accepted.contains(Identity.of($0.finding)) }
                reviews.append(review)
            }
            if let w = self.accepted.writeBaseline {
                try Baseline.write(reviews.flatMap { $0.findings.filter { $0.change != .fixed }.map(\.finding) }, to: w)
            }
        } catch {
            AIOAuditCommand.fail(error)
        }
        write(ReviewReport.render(reviews, skipped: changes.skipped, as: format, colour: Terminal.colour))
        let introduced = reviews.flatMap(\.findings).contains { $0.change == .introduced }
        let left = reviews.flatMap(\.findings).contains { $0.change != .fixed }
        if introduced || (failOn == .any && left) { throw ExitCode(1) }
    }
}

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook", abstract: "Git hooks.", subcommands: [HookInstallCommand.self])
}

struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a pre-commit hook that blocks commits introducing findings (aio-audit diff --staged)."
    )

    @Flag(help: "Replace an existing pre-commit hook.")
    var force = false

    func run() throws {
        do {
            let path = try PreCommitHook.install(
                in: FileManager.default.currentDirectoryPath, tool: PreCommitHook.currentExecutable(), force: force)
            write("installed \(path)\n")
        } catch {
            AIOAuditCommand.fail(error)
        }
    }
}

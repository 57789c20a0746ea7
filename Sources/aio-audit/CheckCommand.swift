import AIOAudit
import ArgumentParser
import Foundation

extension FindingsFormat: ExpressibleByArgument {}

struct CheckCommand: ParsesC, ChoosesRules {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Report where an object's lifetime is not guaranteed, and the lock, reference and sleep bugs with it.",
        discussion: "Rules (aio-audit explain RULE): \(Rules.identifiers.joined(separator: ", "))."
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

    @Option(
        name: .customShort("j", allowingJoined: true),
        help: ArgumentHelp("Files checked at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @OptionGroup var rules: RuleOptions

    @OptionGroup var accepted: AcceptedFindings

    @OptionGroup var parse: ParseOptions

    func run() throws {
        var checks: [FileCheck] = []
        var inputErrors = 0
        if let jobs, jobs < 1 { AIOAuditCommand.fail(InputError("-j", "must be at least 1 (got \(jobs))")) }
        let chosen: Profile?
        var baseline: [String: Int]?
        do {
            chosen = try profile.map(Profiles.named)
            // An unknown rule is a usage error before anything is checked.
            var validated = RuleSelection()
            try validated.apply(rules.ordered ?? [])
            // So is a baseline that cannot be read: read before the files are analysed.
            baseline = try accepted.baseline.map(Baseline.read)
        } catch {
            AIOAuditCommand.fail(error)
        }
        // Every file on its own worker; what each says is kept and printed in the files' order.
        struct Outcome: Sendable {
            var check: FileCheck?
            var notes = ""
            var failed = false
        }
        let (parse, rules, files) = (self.parse, self.rules, self.files)
        let progress = Progress(total: files.count)
        let outcomes = Parallel.map(
            count: files.count, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            progress: { progress.update(done: $0) }
        ) { i -> Outcome in
            let file = files[i]
            var outcome = Outcome()
            do {
                // Run by kbuild over every file it builds: outside the aio model's scope, nothing
                // to say, and nothing parsed; inside it, the text read here is the one parsed.
                var request = parse.request(for: file)
                if parse.kbuild != nil,
                    let text = try? String(contentsOfFile: WorkingDirectory.resolve(file), encoding: .utf8)
                {
                    guard AIOScope.applies(to: text) else {
                        if parse.verbose { outcome.notes = "\(file): \(AIOScope.outside): skipped\n" }
                        return outcome
                    }
                    request.contents = text
                }
                let unit = try Pipeline.parse(request)
                outcome.notes = parse.parseNotes(unit)
                var check = Pipeline.check(unit, profile: chosen)
                check.applySuppressions()
                check.limitToScope()
                if let note = check.scopeNote { outcome.notes += note + "\n" }
                check.apply(try rules.selection(for: file))
                outcome.check = check
            } catch {
                outcome.failed = true
                let message = (error as? InputError)?.description ?? "\(error)"
                outcome.notes += "aio-audit: error: \(message)\n"
            }
            return outcome
        }
        progress.finish()
        for o in outcomes {
            if !o.notes.isEmpty { write(o.notes, error: true) }
            if let c = o.check { checks.append(c) }
            if o.failed { inputErrors += 1 }
        }
        let wroteBaseline: Bool
        do {
            wroteBaseline = try accepted.apply(baseline, to: &checks)
        } catch {
            AIOAuditCommand.fail(error)
        }
        switch format {
        case .text:
            write(FindingsReport.text(checks, colour: Terminal.colour))
            if let summary = FindingsReport.summary(checks) { write(summary + "\n", error: true) }
        case .json: write(FindingsReport.json(checks))
        case .sarif: write(FindingsReport.sarif(repositoryRelative(checks)))
        case .github: write(FindingsReport.github(repositoryRelative(checks)))
        }
        if inputErrors > 0 { throw ExitCode(2) }
        // Writing a baseline is the job asked for: it succeeded, whatever it records.
        if wroteBaseline { return }
        let errors = checks.map(\.errors).reduce(0, +) + (strict ? checks.map(\.warnings).reduce(0, +) : 0)
        if errors > 0 { throw ExitCode(1) }
    }
}

/// Code scanning and annotations attach results to paths relative to the repository's top; the
/// text names files as they were given, as compilers do.
func repositoryRelative(_ checks: [FileCheck]) -> [FileCheck] {
    let cwd = FileManager.default.currentDirectoryPath
    return checks.map { c in
        var c = c
        c.rename(DisplayPath.of(c.unit.path, workingDirectory: cwd))
        return c
    }
}

/// Findings a team has accepted: a baseline file of identities.
struct AcceptedFindings: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Drop findings recorded in this baseline.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Record the findings reported as the new baseline.", valueName: "file"))
    var writeBaseline: String?

    /// Drops the findings of `accepted` (the --baseline file, read before the files were
    /// analysed); with --write-baseline, first records every finding reported
    /// now, the accepted ones included (so `--baseline B --write-baseline B` updates B rather than
    /// emptying it), and says so (true: the baseline was written, the command's whole job).
    func apply(_ accepted: [String: Int]?, to checks: inout [FileCheck]) throws -> Bool {
        let all = checks.flatMap(\.findings)
        if let accepted {
            for i in checks.indices { checks[i].applyBaseline(accepted) }
        }
        guard writeBaseline != nil else { return false }
        try record(all)
        return true
    }

    /// With --write-baseline: these findings written as the baseline, and said on standard error.
    func record(_ findings: [Finding]) throws {
        guard let writeBaseline else { return }
        try Baseline.write(findings, to: writeBaseline)
        write(
            "aio-audit: wrote \(writeBaseline) (\(findings.count) finding\(findings.count == 1 ? "" : "s"))\n",
            error: true)
    }
}

/// On a terminal, once a run of several files has taken more than a second: how many are done,
/// on one line of standard error that is cleared at the end. Never in a pipe or a log.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let start = Date()
    private var shown = false
    private let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = total > 1 && isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func update(done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        FileHandle.standardError.write(Data("\raio-audit: \(done)/\(total) files checked".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

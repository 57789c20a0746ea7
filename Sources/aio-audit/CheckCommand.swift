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

    @OptionGroup var rules: RuleOptions

    @OptionGroup var accepted: AcceptedFindings

    @OptionGroup var parse: ParseOptions

    func run() throws {
        var checks: [FileCheck] = []
        var inputErrors = 0
        let chosen: Profile?
        do {
            chosen = try profile.map(Profiles.named)
            // An unknown rule is a usage error before anything is checked.
            var validated = RuleSelection()
            try validated.apply(rules.ordered ?? [])
        } catch {
            AIOAuditCommand.fail(error)
        }
        for file in files {
            do {
                // Run by kbuild over every file it builds: outside the aio model's scope, nothing
                // to say, and nothing parsed.
                if parse.kbuild != nil, let text = try? String(contentsOfFile: file, encoding: .utf8),
                    !AIOScope.applies(to: text)
                {
                    if parse.verbose { write("\(file): not aio code (no struct kioctx): skipped\n", error: true) }
                    continue
                }
                let unit = try Pipeline.parse(parse.request(for: file))
                parse.reportParse(unit)
                var check = Pipeline.check(unit, profile: chosen)
                check.applySuppressions()
                check.apply(try rules.selection(for: file))
                checks.append(check)
            } catch {
                inputErrors += 1
                let message = (error as? InputError)?.description ?? "\(error)"
                write("aio-audit: error: \(message)\n", error: true)
            }
        }
        let wroteBaseline: Bool
        do {
            wroteBaseline = try accepted.apply(to: &checks)
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

    /// Drops the accepted findings; with --write-baseline, first records every finding reported
    /// now, the accepted ones included (so `--baseline B --write-baseline B` updates B rather than
    /// emptying it), and says so (true: the baseline was written, the command's whole job).
    func apply(to checks: inout [FileCheck]) throws -> Bool {
        let all = checks.flatMap(\.findings)
        if let baseline {
            let accepted = try Baseline.read(baseline)
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

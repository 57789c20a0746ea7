import AIOAudit
import ArgumentParser
import Foundation

extension ReviewFormat: ExpressibleByArgument {}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case introduced, any
}

struct DiffCommand: ParsesC, ChoosesRules {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say which findings a change introduces, fixes and leaves.",
        discussion: """
            aio-audit diff --patch P [FILE]          a patch (git format-patch mail, unified diff, mbox series)
            aio-audit diff BASE [HEAD] [-- PATH...]  two revisions of a git work tree (no HEAD: the working tree)
            aio-audit diff --staged                  the index against HEAD (for a pre-commit hook)

            A patch of several messages (git format-patch, b4, an mbox) is reviewed message by message, then as a whole; the exit status is 1 when any message introduces a finding or parse errors.

            In a kernel tree, only the aio subsystem's files are reviewed unless FILE or paths name others. Files are named relative to the top of their git repository.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("A patch to apply in memory (- reads standard input).", valueName: "patch"))
    var patch: String?

    @Flag(
        help:
            "The files already hold the patch: it is undone for \"before\" (found by itself when the patch applies only in reverse)."
    )
    var applied = false

    @Flag(
        name: [.customShort("R"), .customLong("reverse"), .customLong("revert")],
        help:
            "Review the patch applied backwards, as git apply -R does: the files hold it, and undoing it is the change."
    )
    var reverse = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where the patch's paths start (default: the current directory, or the top of its git repository when the patch's files are there).",
            valueName: "dir"))
    var tree: String?

    @Flag(help: "Review what is staged for commit against HEAD.")
    var staged = false

    @Argument(help: "With --patch: the file to apply it to. Otherwise: BASE [HEAD] revisions.")
    var positional: [String] = []

    @Option(name: .long, help: "Output format: text, json, sarif or github.")
    var format: ReviewFormat = .text

    @Option(name: .long, help: "Exit 1 on introduced findings (default), or on any finding left.")
    var failOn: FailOn = .introduced

    @Flag(
        help:
            "Print only what the change introduces and one summary line, with how to bypass a blocking hook (what the pre-commit hook runs)."
    )
    var hook = false

    @Option(name: .long, help: "A built-in profile's name, or a JSON profile file.")
    var profile: String?

    @OptionGroup var rules: RuleOptions

    @OptionGroup var accepted: AcceptedFindings

    @OptionGroup var parse: ParseOptions

    func validate() throws {
        if patch != nil && staged { throw ValidationError("--patch and --staged exclude each other") }
        if applied && reverse { throw ValidationError("--applied and --reverse exclude each other") }
        if patch == nil && (applied || reverse || tree != nil) {
            throw ValidationError("--applied, --reverse and --tree go with --patch")
        }
        if patch != nil {
            guard positional.count <= 1 else { throw ValidationError("--patch takes at most one FILE") }
        } else {
            guard positional.count <= 2 else { throw ValidationError("diff takes BASE [HEAD]") }
            if staged && !positional.isEmpty { throw ValidationError("--staged takes no revisions") }
            if !staged && positional.isEmpty { throw ValidationError("diff needs --patch P, BASE [HEAD], or --staged") }
        }
        if hook && format != .text { throw ValidationError("--hook prints text; it takes no --format") }
    }

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        // After --: with --patch, the parser's flags (as for check); with revisions, paths, and
        // the parser's flags among them are told by their leading dash.
        let extra = parse.extra
        let flags = patch == nil ? extra.filter { $0.hasPrefix("-") } : extra
        let paths = patch == nil ? extra.filter { !$0.hasPrefix("-") } : []
        var review: ChangeReview
        do {
            let chosen = try profile.map(Profiles.named)
            var changes: Changes
            if let patch {
                changes = try Changes.fromPatch(
                    try Changes.readPatch(patch), name: patch, file: positional.first,
                    tree: tree, direction: applied || reverse ? .applied : .either,
                    workingDirectory: cwd)
                if reverse { changes = changes.reverted() }
            } else {
                changes = try Changes.fromGit(
                    directory: cwd, base: staged ? "HEAD" : positional.first,
                    head: staged ? nil : positional.dropFirst().first, staged: staged, paths: paths)
            }
            var base = parse.request(for: "")
            base.extraArguments = flags
            let selection = try rules.selection(inDirectory: cwd)
            review = try Review.review(changes, base: base, profile: chosen, selection: selection)
            // Everything the change leaves, the accepted findings included: writing over the
            // baseline that was read updates it.
            try accepted.record(review.files.flatMap { $0.findings.filter { $0.change != .fixed }.map(\.finding) })
            if let baseline = accepted.baseline { review.accept(try Baseline.read(baseline)) }
        } catch {
            AIOAuditCommand.fail(error)
        }
        for p in review.parsed { parse.reportParse(p.unit, side: p.side) }
        write(
            hook
                ? ReviewReport.hook(review, colour: Terminal.colour)
                : ReviewReport.render(review, as: format, colour: Terminal.colour))
        if accepted.writeBaseline != nil { return }
        let left = review.files.flatMap(\.findings).contains { $0.change != .fixed }
        if review.introducesAnything || (failOn == .any && left) { throw ExitCode(1) }
    }
}

import AIOAudit
import Foundation

// MARK: The pre-commit hook

/// The installed pre-commit hook in two scratch repositories holding a corpus file as fs/aio.c:
/// one with a change staged elsewhere (the hook must not start the tool: SPEC's 0.5 s), one with a
/// comment staged in fs/aio.c (the tool reviews it). Beside them, `git diff --cached --quiet`,
/// the hook's own first step, and a standalone `check` of the file, in the same run.
func hook() throws {
    guard let aio = corpusFiles().first(where: { $0.hasSuffix("aio-seed-before.c") }) ?? corpusFiles().first else {
        print("\n(no corpus file at \(options.corpus): hook figures skipped)")
        return
    }
    let source = try String(contentsOfFile: aio, encoding: .utf8)
    func git(_ arguments: [String], in dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments =
            ["git", "-C", dir.path, "-c", "user.name=bench", "-c", "user.email=bench@example.org"] + arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw InputError("git \(arguments.joined(separator: " "))", "failed") }
    }
    /// A repository with fs/aio.c and fs/other.c committed, then `edit` staged.
    func repository(_ name: String, staging edit: String) throws -> URL {
        let dir = scratchRoot.appendingPathComponent("hook-\(name)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("fs"), withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: dir)
        try Data(source.utf8).write(to: dir.appendingPathComponent("fs/aio.c"))
        try Data("int other;\n".utf8).write(to: dir.appendingPathComponent("fs/other.c"))
        try git(["add", "."], in: dir)
        try git(["commit", "-q", "-m", "start"], in: dir)
        let file = dir.appendingPathComponent(edit)
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data((text + "/* staged */\n").utf8).write(to: file)
        try git(["add", edit], in: dir)
        // The PATH of the measurements has no aio-audit: the hook runs the binary that installed it.
        _ = try PreCommitHook.install(in: dir.path, tool: options.tool, force: true)
        return dir
    }
    let elsewhere = try repository("elsewhere", staging: "fs/other.c")
    let touching = try repository("aio", staging: "fs/aio.c")
    func inRepository(_ dir: URL, _ command: String) -> [String] {
        ["-c", "cd \(quote(dir.path)) && PATH=/usr/bin:/bin exec \(command)"]
    }
    var suite = Suite()
    suite.add(
        "git diff --cached --quiet", process: "sh", inRepository(elsewhere, "git diff --cached --quiet -- fs/aio.c"))
    suite.add("hook, elsewhere", process: "sh", inRepository(elsewhere, ".git/hooks/pre-commit"))
    suite.add("hook, fs/aio.c", process: "sh", inRepository(touching, ".git/hooks/pre-commit"))
    suite.add("check", process: options.tool, ["check", "--standalone", aio])
    let r = try suite.run(options.runs)
    let reference = r["git diff --cached --quiet"]!
    let check = r["check"]!
    func row(_ what: String, _ s: Sample) -> [String] {
        [what, fmt(s.ms), ratio(s.seconds, reference.seconds), ratio(s.seconds, check.seconds)]
    }
    printTable(
        "Pre-commit hook: scratch repositories holding \((aio as NSString).lastPathComponent) as fs/aio.c",
        ["measurement", "median (ms)", "time / git diff --cached", "time / check"],
        [
            row("`git diff --cached --quiet -- fs/aio.c` (the hook's first step)", reference),
            row("hook, a commit staging fs/other.c only (the tool is not started)", r["hook, elsewhere"]!),
            row("hook, a commit staging a comment in fs/aio.c (`diff --staged --hook`)", r["hook, fs/aio.c"]!),
            row("`aio-audit check` of the file", check),
        ])
    // Neither staged change introduces a finding: the hook lets both commits through.
    for name in ["hook, elsewhere", "hook, fs/aio.c"] where r[name]!.statuses != [0] {
        print("\nnote: \(name) exited \(r[name]!.statuses.sorted())")
    }
}

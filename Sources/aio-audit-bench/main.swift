import AIOAudit
import Foundation

// Benchmarks: prints tables of medians, never fails on a time. Machines here are noisy, so each
// figure stands beside `clang -fsyntax-only` (and sparse) on the same file with the same flags,
// measured in the same run, round-robin; the ratios are what to compare across machines.
//
//   swift build -c release && .build/release/aio-audit-bench [--runs N] [--only SECTIONS] ...
//
// Sections: standalone (every corpus file), tree (the configured kernel tree), scaling (1x, 4x,
// 16x a corpus file), paths (a function with 2^k abstract states), hook (the installed pre-commit
// hook on commits that do and do not touch fs/aio.c). See BENCHMARKS.md.

let usage = """
    usage: aio-audit-bench [--runs N] [--only standalone,tree,scaling,paths,hook,files] [--corpus DIR] [--tree DIR]
                           [--clang PATH] [--sparse PATH] [--scale-base FILE] [--sizes 1,4,16] [--ks 4,8,...]

    """

struct Options {
    static let sections = ["standalone", "tree", "scaling", "paths", "hook", "files"]
    var runs = 11
    var only = Set(Options.sections)
    var corpus = "../shared/corpus"
    var tree =
        ProcessInfo.processInfo.environment["AIO_AUDIT_KERNEL_TREE"]
        ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/aio-audit/linux-source-6.1")
        .path
    var tool: String = {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("aio-audit").path
    }()
    var clang = ProcessInfo.processInfo.environment["AIO_AUDIT_CLANG"] ?? "clang-14"
    var sparse = "sparse"
    var scaleBase: String?
    var sizes = [1, 4, 16]
    var ks = [4, 8, 12, 16, 20, 24]

    init() {
        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("aio-audit-bench: \(message)\n\(usage)".utf8))
            exit(2)
        }
        func numbers(_ s: String?) -> [Int] {
            let xs = (s ?? "").split(separator: ",").compactMap { Int($0) }
            guard !xs.isEmpty, xs.allSatisfy({ $0 > 0 }) else { fail("expected a list of positive numbers") }
            return xs
        }
        var args = CommandLine.arguments.dropFirst()
        while let a = args.popFirst() {
            switch a {
            case "--runs":
                guard let n = Int(args.popFirst() ?? ""), n > 0 else { fail("--runs takes a positive number") }
                runs = n
            case "--only":
                let names = Set((args.popFirst() ?? "").split(separator: ",").map(String.init))
                let unknown = names.subtracting(Options.sections)
                guard !names.isEmpty, unknown.isEmpty else {
                    fail(
                        "unknown section \(unknown.sorted().joined(separator: ", ")); sections: \(Options.sections.joined(separator: ", "))"
                    )
                }
                only = names
            case "--corpus": corpus = args.popFirst() ?? corpus
            case "--tree": tree = args.popFirst() ?? tree
            case "--clang": clang = args.popFirst() ?? clang
            case "--sparse": sparse = args.popFirst() ?? sparse
            case "--scale-base": scaleBase = args.popFirst()
            case "--sizes": sizes = numbers(args.popFirst())
            case "--ks": ks = numbers(args.popFirst())
            case "-h", "--help":
                print(usage, terminator: "")
                exit(0)
            default: fail("unknown argument \(a)")
            }
        }
        // Absolute, so that nothing depends on the process's working directory.
        func absolute(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.path }
        corpus = absolute(corpus)
        tree = absolute(tree)
        scaleBase = scaleBase.map(absolute)
    }
}

let options = Options()
let scratchRoot = FileManager.default.temporaryDirectory.appendingPathComponent("aio-audit-bench-\(getpid())")
let haveClang = available(options.clang)
let haveSparse = available(options.sparse)
RSSLauncher.build(in: scratchRoot, compilers: [options.clang, "cc", "gcc", "clang"])

// MARK: Tables

func fmt(_ x: Double, _ digits: Int = 1) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "-" }
func ratio(_ a: Double?, _ b: Double?) -> String {
    guard let a, let b, b > 0, a.isFinite, b.isFinite else { return "-" }
    return String(format: "%.2fx", a / b)
}
func lineCount(_ text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
}

func printTable(_ title: String, _ header: [String], _ rows: [[String]], numericFrom: Int = 1) {
    print("\n### \(title)\n")
    print("| " + header.joined(separator: " | ") + " |")
    print("|" + header.indices.map { $0 >= numericFrom ? "---:" : "---" }.joined(separator: "|") + "|")
    for r in rows { print("| " + r.joined(separator: " | ") + " |") }
}

/// Findings in `check`'s text output (lines `file:l:c: error: ... [rule]`).
func findingCount(_ output: String?) -> (errors: Int, warnings: Int) {
    var e = 0
    var w = 0
    for line in (output ?? "").split(separator: "\n") where line.hasSuffix("]") {
        if line.contains(": error: ") { e += 1 } else if line.contains(": warning: ") { w += 1 }
    }
    return (e, w)
}

/// A status other than 0 or 1 (bad input, a crash) makes a figure meaningless: say so.
func statusNote(_ name: String, _ s: Sample?) -> String? {
    guard let s else { return nil }
    let bad = s.statuses.subtracting([0, 1])
    return bad.isEmpty ? nil : "\(name) exited with status \(bad.sorted().map(String.init).joined(separator: ", "))"
}

/// A copy of a file under `dir`, with an empty header beside it for every quoted include (so that
/// clang and sparse go through the whole file instead of stopping at a missing "internal.h"),
/// and the clang arguments of a standalone parse (the prelude and empty system headers).
func standaloneReference(_ path: String, in dir: URL) throws -> (
    file: String, clangArgs: [String], sparseArgs: [String]
) {
    let fm = FileManager.default
    let src = dir.appendingPathComponent("src")
    try fm.createDirectory(at: src, withIntermediateDirectories: true)
    let copy = src.appendingPathComponent((path as NSString).lastPathComponent)
    try? fm.removeItem(at: copy)
    try fm.copyItem(atPath: path, toPath: copy.path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let quoted = try NSRegularExpression(
        pattern: "^[ \\t]*#[ \\t]*include[ \\t]*\"([^\"/]+)\"", options: .anchorsMatchLines)
    for m in quoted.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        if let r = Range(m.range(at: 1), in: text) {
            try Data().write(to: src.appendingPathComponent(String(text[r])))
        }
    }
    let root = dir.appendingPathComponent("root")
    let clangArgs = try StandaloneMode.materialise(for: copy.path, into: root)
    let sparseArgs = [
        "-D__KERNEL__", "-nostdinc", "-include", root.path + "/prelude.h", "-I", root.path + "/include", copy.path,
    ]
    return (copy.path, clangArgs + [copy.path], sparseArgs)
}

// MARK: Standalone: every corpus file

func corpusFiles() -> [String] {
    let fm = FileManager.default
    var files: [String] = []
    for dir in ["seed", "releases"] {
        let path = options.corpus + "/" + dir
        let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".c") }.sorted()
        // The seed pair first, before then after.
        files += (dir == "seed" ? names.sorted(by: >) : names).map { path + "/" + $0 }
    }
    return files
}

func standalone() throws {
    let files = corpusFiles()
    guard !files.isEmpty else {
        print("\n(no corpus files under \(options.corpus)/seed or /releases: standalone figures skipped)")
        return
    }
    if !haveClang { print("\n(\(options.clang) not found: no clang reference; --clang PATH names one)") }
    if !haveSparse { print("\n(\(options.sparse) not found: no sparse reference)") }
    var times: [[String]] = []
    var ratios: [[String]] = []
    var notes: [String] = []
    let seedPatch = options.corpus + "/seed/seed.patch"
    for (index, path) in files.enumerated() {
        let name = (path as NSString).lastPathComponent
        let dir = scratchRoot.appendingPathComponent("standalone-\(index)")
        let reference = try standaloneReference(path, in: dir)
        let request = ParseRequest(path: path, standalone: true)
        var unit = try Pipeline.parse(request)
        let graphs = Pipeline.graphs(unit).graphs
        // The seed pair is measured with the seed patch (forwards on the file before it, in
        // reverse on the file after it); every other file with a generated one-line change.
        var patch: [String]
        var patchName: String
        if name.contains("seed-before"), FileManager.default.fileExists(atPath: seedPatch) {
            patch = [seedPatch]
            patchName = "seed.patch"
        } else if name.contains("seed-after"), FileManager.default.fileExists(atPath: seedPatch) {
            patch = [seedPatch, "--reverse"]
            patchName = "seed.patch -R"
        } else {
            let p = dir.appendingPathComponent("small.patch")
            try Data(Synthetic.smallPatch(path, unit: unit).utf8).write(to: p)
            patch = [p.path]
            patchName = "1-line"
        }
        var suite = Suite()
        if haveClang { suite.add("clang", process: options.clang, ["-fsyntax-only"] + reference.clangArgs) }
        if haveSparse { suite.add("sparse", process: options.sparse, reference.sparseArgs) }
        suite.add("parse") { unit = try Pipeline.parse(request) }
        suite.add("graphs") { _ = Pipeline.graphs(unit) }
        suite.add("analysis") { analyse(graphs, of: unit) }
        suite.add("check", process: options.tool, ["check", path, "--standalone"])
        suite.add(
            "diff", process: options.tool, ["diff", "--patch", patch[0], path, "--standalone"] + patch.dropFirst())
        let r = try suite.run(options.runs)
        let clang = r["clang"]
        let sparse = r["sparse"]
        let check = r["check"]!
        let diff = r["diff"]!
        let found = findingCount(check.output)
        times.append([
            name, "\(lineCount(unit.source))", "\(unit.functions.count)", "\(unit.parseRounds)",
            "\(unit.errors.count)", "\(found.errors)/\(found.warnings)",
            fmt(r["parse"]!.ms), fmt(r["graphs"]!.ms), fmt(r["analysis"]!.ms), fmt(check.ms),
            "\(fmt(diff.ms)) (\(patchName))", clang.map { fmt($0.ms) } ?? "-", sparse.map { fmt($0.ms) } ?? "-",
        ])
        ratios.append([
            name, ratio(check.seconds, clang?.seconds), ratio(check.cpuSeconds, clang?.cpuSeconds),
            ratio(check.seconds, sparse?.seconds),
            ratio(diff.seconds, check.seconds), fmt(check.mib ?? .nan), fmt(diff.mib ?? .nan),
            clang.map { fmt($0.mib ?? .nan) } ?? "-", ratio(check.mib, clang?.mib), ratio(diff.mib, clang?.mib),
        ])
        notes += [statusNote("\(name): check", check), statusNote("\(name): diff", diff)].compactMap { $0 }
    }
    printTable(
        "Standalone (built-in prelude), medians in ms",
        [
            "file", "lines", "functions", "parse rounds", "parse errors", "errors/warnings", "parse", "flow graphs",
            "model + analysis", "`check`", "`diff --patch`", "\(options.clang) -fsyntax-only", "sparse",
        ], times)
    printTable(
        "Standalone: ratios and peak memory (max RSS, MiB)",
        [
            "file", "check / clang", "CPU: check / clang", "check / sparse", "diff / check", "check MiB", "diff MiB",
            "clang MiB",
            "check MiB / clang", "diff MiB / clang",
        ], ratios)
    for n in notes { print("\nnote: \(n)") }
}

// MARK: Kernel tree

func kernelTree() throws {
    let treeFile = options.tree + "/fs/aio.c"
    guard let invocation = try? CompileDatabase.compilerInvocation(for: treeFile) else {
        print(
            "\n(no configured kernel tree at \(options.tree): run scripts/kernel-tree.sh or set AIO_AUDIT_KERNEL_TREE; kernel-tree figures skipped)"
        )
        return
    }
    let compiler = invocation.arguments.first ?? options.clang
    let flags = Array(invocation.arguments.dropFirst())
    let request = ParseRequest(path: treeFile)
    var unit = try Pipeline.parse(request)
    let graphs = Pipeline.graphs(unit).graphs
    // A one-line change inside the middle function, written outside the tree.
    let dir = scratchRoot.appendingPathComponent("tree")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let patch = dir.appendingPathComponent("small.patch")
    try Data(Synthetic.smallPatch(treeFile, unit: unit).utf8).write(to: patch)
    var suite = Suite()
    // Relative paths of the build resolve in the entry's directory, as the tool resolves them.
    suite.add(
        "clang", process: compiler, ["-fsyntax-only", "-working-directory=\(invocation.directory)"] + flags)
    if haveSparse {
        // As kbuild runs it (make C=2): its own defines, then the compiler's flags, from the
        // tree's directory (the flags hold relative paths); `exec`, so the peak is sparse's.
        let kbuild = [
            "-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix", "-D__unix__", "-Wbitwise", "-Wno-return-void",
            "-Wno-unknown-attribute", "-D__x86_64__", "--arch=x86", "-mlittle-endian", "-m64",
        ]
        let command =
            "cd \(quote(invocation.directory)) && exec \(quote(options.sparse)) "
            + (kbuild + flags).map(quote).joined(separator: " ")
        suite.add("sparse", process: "sh", ["-c", command])
    }
    // Warm: the precompiled include preamble is in the user's cache (built by the first round);
    // cold: --no-cache, every header parsed again.
    var cold = request
    cold.useCache = false
    suite.add("parse") { unit = try Pipeline.parse(request) }
    suite.add("parse cold") { _ = try Pipeline.parse(cold) }
    suite.add("analysis") { analyse(graphs, of: unit) }
    suite.add("check", process: options.tool, ["check", treeFile])
    suite.add("check cold", process: options.tool, ["check", "--no-cache", treeFile])
    suite.add("diff", process: options.tool, ["diff", "--patch", patch.path, treeFile])
    suite.add("diff cold", process: options.tool, ["diff", "--no-cache", "--patch", patch.path, treeFile])
    let r = try suite.run(options.runs)
    let clang = r["clang"]!
    let check = r["check"]!
    let diff = r["diff"]!
    func row(_ what: String, _ s: Sample) -> [String] {
        [
            what, fmt(s.ms), ratio(s.seconds, clang.seconds), s.cpuSeconds.map { fmt($0 * 1000) } ?? "-",
            ratio(s.cpuSeconds, clang.cpuSeconds), s.mib.map { fmt($0) } ?? "-", ratio(s.mib, clang.mib),
        ]
    }
    var rows: [[String]] = [
        row("\(compiler) -fsyntax-only (compile_commands.json flags)", clang),
        row("parse, in process (libclang + syntax), warm", r["parse"]!),
        row("parse, in process, cold (no preamble cache)", r["parse cold"]!),
        row("model + analysis of \(unit.functions.count) functions, in process", r["analysis"]!),
        row("`aio-audit check`, warm (preamble cached)", check),
        row("`aio-audit check --no-cache`, cold", r["check cold"]!),
        row("`aio-audit diff --patch` (1-line change), warm; \(ratio(diff.seconds, check.seconds)) warm check", diff),
        row("`aio-audit diff --no-cache --patch`, cold", r["diff cold"]!),
    ]
    if let s = r["sparse"] { rows.append(row("sparse (kbuild's flags)", s)) }
    let found = findingCount(check.output)
    printTable(
        "Kernel tree: \(treeFile) (\(lineCount(unit.source)) lines; \(found.errors) errors, \(found.warnings) warnings)",
        [
            "measurement", "median (ms)", "time / clang", "CPU, user + sys (ms)", "CPU / clang", "max RSS (MiB)",
            "RSS / clang",
        ], rows)
    for n in [statusNote("check", check), statusNote("diff", diff)].compactMap({ $0 }) { print("\nnote: \(n)") }
}

// MARK: Scaling

func scaling() throws {
    let base = options.scaleBase ?? options.corpus + "/seed/aio-seed-before.c"
    guard FileManager.default.fileExists(atPath: base) else {
        print("\n(no file at \(base): scaling figures skipped; --scale-base FILE names one)")
        return
    }
    let dir = scratchRoot.appendingPathComponent("scaling")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var suite = Suite()
    var inputs: [(size: Int, path: String, unit: TranslationUnitSyntax)] = []
    var notes: [String] = []
    for n in options.sizes {
        let path = dir.appendingPathComponent("aio-x\(n).c").path
        try Data(Synthetic.scaled(base, copies: n).utf8).write(to: URL(fileURLWithPath: path))
        let request = ParseRequest(path: path, standalone: true)
        var unit = try Pipeline.parse(request)
        if !unit.errors.isEmpty {
            let first = unit.errors.prefix(3).map { "\($0.line): \($0.message)" }.joined(separator: "; ")
            notes.append("\(n)x has \(unit.errors.count) parse errors (\(first))")
        }
        let graphs = Pipeline.graphs(unit).graphs
        inputs.append((n, path, unit))
        let reference = try standaloneReference(path, in: dir.appendingPathComponent("x\(n)"))
        if haveClang { suite.add("clang \(n)", process: options.clang, ["-fsyntax-only"] + reference.clangArgs) }
        suite.add("parse \(n)") { unit = try Pipeline.parse(request) }
        suite.add("analysis \(n)") { analyse(graphs, of: unit) }
        suite.add("check \(n)", process: options.tool, ["check", path, "--standalone"])
    }
    let r = try suite.run(options.runs)
    var rows: [[String]] = []
    let first = inputs.first!
    let firstLines = Double(lineCount(first.unit.source))
    let firstCheck = r["check \(first.size)"]!.seconds
    for input in inputs {
        let lines = Double(lineCount(input.unit.source))
        let check = r["check \(input.size)"]!
        let clang = r["clang \(input.size)"]
        let parse = r["parse \(input.size)"]!
        let analysis = r["analysis \(input.size)"]!
        let found = findingCount(check.output)
        let perKLine = { (s: Double) in fmt(s * 1000 / (lines / 1000), 2) }
        let marginal =
            input.size == first.size ? "-" : fmt((check.seconds - firstCheck) * 1000 / ((lines - firstLines) / 1000), 2)
        rows.append([
            "\(input.size)x", "\(Int(lines))", "\(input.unit.functions.count)", "\(input.unit.errors.count)",
            "\(found.errors)/\(found.warnings)", fmt(parse.ms), perKLine(parse.seconds), fmt(analysis.ms, 2),
            perKLine(analysis.seconds), fmt(check.ms), perKLine(check.seconds), marginal, fmt(check.mib ?? .nan),
            clang.map { fmt($0.ms) } ?? "-", clang.map { perKLine($0.seconds) } ?? "-",
            clang.map { fmt($0.mib ?? .nan) } ?? "-", ratio(check.seconds, clang?.seconds),
            ratio(check.mib, clang?.mib),
        ])
        if let n = statusNote("\(input.size)x: check", check) { notes.append(n) }
    }
    printTable(
        "Scaling: copies of \((base as NSString).lastPathComponent), names renamed per copy (ms; per 1000 lines)",
        [
            "size", "lines", "functions", "parse errors", "errors/warnings", "parse", "parse /kline", "analysis",
            "analysis /kline", "`check`", "check /kline", "check marginal /kline", "check MiB",
            "clang", "clang /kline", "clang MiB", "check / clang", "RSS / clang",
        ], rows)
    for n in notes { print("\nnote: \(n)") }
}

/// The model and the engine on a parsed file's graphs: `check` without parsing.
func analyse(_ graphs: [FlowGraph], of unit: TranslationUnitSyntax) {
    _ = Pipeline.analyse(Pipeline.model(graphs, of: unit), of: unit)
}

// MARK: Path explosion

func pathExplosion() throws {
    let dir = scratchRoot.appendingPathComponent("paths")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var suite = Suite()
    // The k rows, then one bigger function that goes over the hard budget (visits), to show the
    // "not analysed: too many paths" note.
    let cases = options.ks.map { (k: $0, statements: 1) } + [(k: 64, statements: 8)]
    var units: [String: TranslationUnitSyntax] = [:]
    for c in cases {
        let name = "\(c.k)x\(c.statements)"
        let path = dir.appendingPathComponent("explode-\(name).c").path
        try Data(Synthetic.pathExplosion(k: c.k, statements: c.statements).utf8).write(to: URL(fileURLWithPath: path))
        let unit = try Pipeline.parse(ParseRequest(path: path, standalone: true))
        units[name] = unit
        let graphs = Pipeline.graphs(unit).graphs
        suite.add("analysis \(name)") { analyse(graphs, of: unit) }
        suite.add("check \(name)", process: options.tool, ["check", path, "--standalone"])
    }
    let r = try suite.run(options.runs)
    var rows: [[String]] = []
    for c in cases {
        let name = "\(c.k)x\(c.statements)"
        let check = r["check \(name)"]!
        let unit = units[name]!
        let blocks = Pipeline.graphs(unit).graphs.first { $0.function == "explode" }?.blocks.count ?? 0
        let output = check.output ?? ""
        let outcome: String
        if output.contains("explode() not analysed: too many paths") {
            outcome = "note: explode() not analysed: too many paths"
        } else if check.statuses.isSubset(of: [0, 1]) {
            outcome = "analysed (\(findingCount(output).errors) errors)"
        } else {
            outcome = "exit status \(check.statuses.sorted().map(String.init).joined(separator: ", "))"
        }
        rows.append([
            "\(c.k)", "\(c.statements)", "2^\(2 * c.k)", "2^\(c.k)", "\(blocks)", "\(unit.errors.count)",
            fmt(r["analysis \(name)"]!.ms, 2), fmt(check.ms), fmt(check.mib ?? .nan), outcome,
        ])
    }
    printTable(
        "Path explosion: k independent if/else on k objects, then k conditional puts",
        [
            "k", "statements per branch", "paths", "distinct states", "blocks", "parse errors",
            "analysis (ms, in process)", "`check` (ms)", "check MiB", "result",
        ], rows)
}

// MARK: Main

print("# aio-audit benchmarks")
print("")
print(
    "date: \(ISO8601DateFormatter().string(from: Date()))  runs: \(options.runs) (medians of timed rounds, round-robin)"
)
print(
    "machine: \(ProcessInfo.processInfo.processorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; tool: \(options.tool)"
)
print(
    RSSLauncher.path != nil
        ? "peak memory: the child's wait4() ru_maxrss, median of 3 rounds through a forking launcher; times: \(options.runs) further rounds"
        : "(no C compiler to build the memory launcher: peak memory not measured)")
defer { try? FileManager.default.removeItem(at: scratchRoot) }
for (name, section) in [
    ("standalone", standalone), ("tree", kernelTree), ("scaling", scaling), ("paths", pathExplosion),
    ("hook", hook), ("files", manyFiles),
] where options.only.contains(name) {
    let t0 = now()
    do {
        try section()
    } catch {
        print("\n(\(name) figures failed: \(error))")
    }
    FileHandle.standardError.write(Data("\(name): \(fmt(Double(now() - t0) / 1e9)) s\n".utf8))
}

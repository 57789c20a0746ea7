import AIOAudit
import Foundation

// Benchmarks: prints a table of medians, never fails on a time. Machines here are noisy, so each
// figure stands beside `clang -fsyntax-only` of the same file with the same flags, measured in the
// same run, and the ratio is what to compare across machines.
//
//   swift build -c release && .build/release/aio-audit-bench [--runs N] [--corpus DIR] [--tree DIR]

struct Options {
    var runs = 11
    var corpus = "../shared/corpus"
    var tree = ProcessInfo.processInfo.environment["AIO_AUDIT_KERNEL_TREE"]
        ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/aio-audit/linux-source-6.1").path
    var tool: String = {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("aio-audit").path
    }()
    var clang = ProcessInfo.processInfo.environment["AIO_AUDIT_CLANG"] ?? "clang-14"
    var sparse = "sparse"

    init() {
        var args = CommandLine.arguments.dropFirst()
        while let a = args.popFirst() {
            switch a {
            case "--runs": runs = Int(args.popFirst() ?? "") ?? runs
            case "--corpus": corpus = args.popFirst() ?? corpus
            case "--tree": tree = args.popFirst() ?? tree
            case "--clang": clang = args.popFirst() ?? clang
            default:
                FileHandle.standardError.write(Data("usage: aio-audit-bench [--runs N] [--corpus DIR] [--tree DIR] [--clang PATH]\n".utf8))
                exit(2)
            }
        }
    }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Median wall time of `body` in seconds.
func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let t0 = now()
        try body()
        times.append(Double(now() - t0) / 1e9)
    }
    return median(times)
}

/// Runs a program to completion, output discarded; returns its exit status.
@discardableResult
func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Int32 {
    let p = Process()
    if executable.hasPrefix("/") {
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
    } else {
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + arguments
    }
    if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return p.terminationStatus
}

func available(_ program: String) -> Bool {
    (try? run("/usr/bin/env", ["sh", "-c", "command -v \(program)"])) == 0
}

struct Row {
    var what: String
    var seconds: Double
    var reference: Double?
}

func printTable(_ title: String, _ rows: [Row]) {
    print("\n## \(title)\n")
    print("| measurement | median (ms) | ratio to clang -fsyntax-only |")
    print("|---|---:|---:|")
    for r in rows {
        let ratio = r.reference.map { String(format: "%.2fx", r.seconds / $0) } ?? "-"
        print("| \(r.what) | \(String(format: "%.1f", r.seconds * 1000)) | \(ratio) |")
    }
}

let options = Options()
print("# aio-audit benchmarks")
print("")
print("date: \(ISO8601DateFormatter().string(from: Date()))  runs: \(options.runs) (medians)")
print("machine: \(ProcessInfo.processInfo.processorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB")

// Standalone: the seed file with the built-in prelude.
let seed = options.corpus + "/seed/aio-seed-before.c"
if FileManager.default.fileExists(atPath: seed) {
    var rows: [Row] = []
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aio-audit-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let clangArgs = try StandaloneMode.materialise(for: seed, into: scratch)
    let clang = try measure(options.runs) { try run(options.clang, ["-fsyntax-only"] + clangArgs + [seed]) }
    rows.append(Row(what: "clang -fsyntax-only (prelude, same flags), whole process", seconds: clang, reference: clang))
    let request = ParseRequest(path: seed, standalone: true)
    var unit = try Parser.parse(request)
    let parse = try measure(options.runs) { unit = try Parser.parse(request) }
    rows.append(Row(what: "parse (libclang + syntax, with synthesis rounds: \(unit.parseRounds))", seconds: parse, reference: clang))
    let build = measure(options.runs) { _ = FileGraphs(unit: unit) }
    rows.append(Row(what: "flow graphs of \(unit.functions.count) functions", seconds: build, reference: clang))
    let whole = try measure(options.runs) {
        try run(options.tool, ["graph", seed, "--standalone", "--format", "json"])
    }
    rows.append(Row(what: "`aio-audit graph --format json`, whole process", seconds: whole, reference: clang))
    if available(options.sparse) {
        let sparse = try measure(options.runs) {
            try run(options.sparse, ["-D__KERNEL__", "-nostdinc", "-include", scratch.path + "/prelude.h", "-I", scratch.path + "/include", seed])
        }
        rows.append(Row(what: "sparse (same prelude), whole process", seconds: sparse, reference: clang))
    }
    printTable("Standalone: \(seed) (\(unit.source.split(separator: "\n", omittingEmptySubsequences: false).count) lines)", rows)
} else {
    print("\n(corpus not found at \(options.corpus): standalone figures skipped)")
}

// Kernel tree: Debian's 6.1 fs/aio.c with its real compile flags.
let treeFile = options.tree + "/fs/aio.c"
if let invocation = try? CompileDatabase.compilerInvocation(for: treeFile) {
    var rows: [Row] = []
    let compiler = invocation.arguments.first ?? options.clang
    let flags = Array(invocation.arguments.dropFirst())
    let clang = try measure(options.runs) { try run(compiler, ["-fsyntax-only"] + flags, in: invocation.directory) }
    rows.append(Row(what: "\(compiler) -fsyntax-only (compile_commands.json flags), whole process", seconds: clang, reference: clang))
    let request = ParseRequest(path: treeFile)
    var unit = try Parser.parse(request)
    let parse = try measure(options.runs) { unit = try Parser.parse(request) }
    rows.append(Row(what: "parse (libclang + syntax)", seconds: parse, reference: clang))
    let build = measure(options.runs) { _ = FileGraphs(unit: unit) }
    rows.append(Row(what: "flow graphs of \(unit.functions.count) functions", seconds: build, reference: clang))
    let whole = try measure(options.runs) { try run(options.tool, ["graph", treeFile, "--format", "json"]) }
    rows.append(Row(what: "`aio-audit graph --format json`, whole process", seconds: whole, reference: clang))
    printTable("Kernel tree: \(treeFile)", rows)
} else {
    print("\n(no configured kernel tree at \(options.tree): run scripts/kernel-tree.sh; kernel-tree figures skipped)")
}

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

    init() {
        var args = CommandLine.arguments.dropFirst()
        while let a = args.popFirst() {
            switch a {
            case "--runs": runs = Int(args.popFirst() ?? "") ?? runs
            case "--corpus": corpus = args.popFirst() ?? corpus
            case "--tree": tree = args.popFirst() ?? tree
            case "--clang": clang = args.popFirst() ?? clang
            default:
                FileHandle.standardError.write(
                    Data("usage: aio-audit-bench [--runs N] [--corpus DIR] [--tree DIR] [--clang PATH]\n".utf8))
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

/// Runs a program to completion, output discarded; returns its exit status. posix_spawn rather
/// than Foundation's Process, whose own start-up cost (tens of milliseconds here) would swamp
/// what is measured.
@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
    var argv = ([executable] + arguments).map { strdup($0) }
    argv.append(nil)
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
    guard rc == 0 else {
        throw NSError(domain: "spawn", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "cannot run \(executable)"])
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return (status >> 8) & 0xff
}

func quote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

func available(_ program: String) -> Bool {
    (try? run("sh", ["-c", "command -v \(program)"])) == 0
}

struct Row {
    var what: String
    var seconds: Double
    var reference: Double?
}

func printTable(_ title: String, _ rows: [Row]) {
    print("\n### \(title)\n")
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

func standalone() throws {
    // Standalone: the seed file with the built-in prelude.
    let seed = options.corpus + "/seed/aio-seed-before.c"
    if FileManager.default.fileExists(atPath: seed) {
        var rows: [Row] = []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aio-audit-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let clangArgs = try StandaloneMode.materialise(for: seed, into: scratch)
        var clang: Double?
        if available(options.clang) {
            let t = try measure(options.runs) { try run(options.clang, ["-fsyntax-only"] + clangArgs + [seed]) }
            rows.append(
                Row(
                    what: "\(options.clang) -fsyntax-only (prelude, same flags), whole process", seconds: t,
                    reference: t))
            clang = t
        } else {
            print("\n(\(options.clang) not found: no clang reference for the standalone rows; --clang PATH names one)")
        }
        let request = ParseRequest(path: seed, standalone: true)
        var unit = try Parser.parse(request)
        let parse = try measure(options.runs) { unit = try Parser.parse(request) }
        rows.append(
            Row(
                what: "parse (libclang + syntax, with synthesis rounds: \(unit.parseRounds))", seconds: parse,
                reference: clang))
        let build = measure(options.runs) { _ = FileGraphs(unit: unit) }
        rows.append(Row(what: "flow graphs of \(unit.functions.count) functions", seconds: build, reference: clang))
        let analysis = measure(options.runs) { _ = FileCheck(unit: unit) }
        rows.append(Row(what: "graphs + model + analysis (check without parsing)", seconds: analysis, reference: clang))
        let check = try measure(options.runs) { try run(options.tool, ["check", seed, "--standalone"]) }
        rows.append(Row(what: "`aio-audit check`, whole process", seconds: check, reference: clang))
        let patch = options.corpus + "/seed/seed.patch"
        if FileManager.default.fileExists(atPath: patch) {
            let diff = try measure(options.runs) {
                try run(options.tool, ["diff", "--patch", patch, seed, "--standalone"])
            }
            rows.append(
                Row(
                    what:
                        "`aio-audit diff --patch seed.patch` (before and after), whole process; \(String(format: "%.2f", diff / check))x check",
                    seconds: diff, reference: clang))
        }
        for format in ["text", "json"] {
            let whole = try measure(options.runs) {
                try run(options.tool, ["graph", seed, "--standalone", "--format", format])
            }
            rows.append(
                Row(what: "`aio-audit graph --format \(format)`, whole process", seconds: whole, reference: clang))
        }
        if available(options.sparse) {
            let sparse = try measure(options.runs) {
                try run(
                    options.sparse,
                    [
                        "-D__KERNEL__", "-nostdinc", "-include", scratch.path + "/prelude.h", "-I",
                        scratch.path + "/include", seed,
                    ])
            }
            rows.append(Row(what: "sparse (same prelude), whole process", seconds: sparse, reference: clang))
        }
        printTable(
            "Standalone: \(seed) (\(unit.source.split(separator: "\n", omittingEmptySubsequences: false).count) lines)",
            rows)
    } else {
        print("\n(corpus not found at \(options.corpus): standalone figures skipped)")
    }
}

func kernelTree() throws {
    // Kernel tree: Debian's 6.1 fs/aio.c with its real compile flags.
    let treeFile = options.tree + "/fs/aio.c"
    if let invocation = try? CompileDatabase.compilerInvocation(for: treeFile) {
        var rows: [Row] = []
        let compiler = invocation.arguments.first ?? options.clang
        let flags = Array(invocation.arguments.dropFirst())
        // Relative paths of the build resolve in the entry's directory, as the tool resolves them.
        let clang = try measure(options.runs) {
            try run(compiler, ["-fsyntax-only", "-working-directory=\(invocation.directory)"] + flags)
        }
        rows.append(
            Row(
                what: "\(compiler) -fsyntax-only (compile_commands.json flags), whole process", seconds: clang,
                reference: clang))
        let request = ParseRequest(path: treeFile)
        var unit = try Parser.parse(request)
        let parse = try measure(options.runs) { unit = try Parser.parse(request) }
        rows.append(Row(what: "parse (libclang + syntax)", seconds: parse, reference: clang))
        let build = measure(options.runs) { _ = FileGraphs(unit: unit) }
        rows.append(Row(what: "flow graphs of \(unit.functions.count) functions", seconds: build, reference: clang))
        let analysis = measure(options.runs) { _ = FileCheck(unit: unit) }
        rows.append(Row(what: "graphs + model + analysis (check without parsing)", seconds: analysis, reference: clang))
        let check = try measure(options.runs) { try run(options.tool, ["check", treeFile]) }
        rows.append(Row(what: "`aio-audit check`, whole process", seconds: check, reference: clang))
        // A one-line patch of the tree's file, written outside the tree.
        let patchFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "aio-audit-bench-\(getpid()).patch")
        defer { try? FileManager.default.removeItem(at: patchFile) }
        let firstLine =
            (try String(contentsOfFile: treeFile, encoding: .utf8)).split(separator: "\n", maxSplits: 1).first ?? ""
        try Data("--- a/fs/aio.c\n+++ b/fs/aio.c\n@@ -1,1 +1,2 @@\n \(firstLine)\n+/* benchmark */\n".utf8).write(
            to: patchFile)
        let diff = try measure(options.runs) { try run(options.tool, ["diff", "--patch", patchFile.path, treeFile]) }
        rows.append(
            Row(
                what:
                    "`aio-audit diff --patch` (one-line patch), whole process; \(String(format: "%.2f", diff / check))x check",
                seconds: diff, reference: clang))
        if available(options.sparse) {
            // As kbuild runs it (make C=2): its own defines, then the compiler's flags, from the
            // tree's directory (the flags hold relative paths); sh adds about a millisecond.
            let kbuild = [
                "-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix", "-D__unix__", "-Wbitwise", "-Wno-return-void",
                "-Wno-unknown-attribute", "-D__x86_64__", "--arch=x86", "-mlittle-endian", "-m64",
            ]
            let command =
                "cd \(quote(invocation.directory)) && exec \(options.sparse) "
                + (kbuild + flags).map(quote).joined(separator: " ")
            let sparse = try measure(options.runs) { try run("sh", ["-c", command]) }
            rows.append(Row(what: "sparse (kbuild's sparse flags), whole process", seconds: sparse, reference: clang))
        }
        for format in ["text", "json"] {
            let whole = try measure(options.runs) { try run(options.tool, ["graph", treeFile, "--format", format]) }
            rows.append(
                Row(what: "`aio-audit graph --format \(format)`, whole process", seconds: whole, reference: clang))
        }
        printTable("Kernel tree: \(treeFile)", rows)
    } else {
        print(
            "\n(no configured kernel tree at \(options.tree): run scripts/kernel-tree.sh; kernel-tree figures skipped)")
    }
}

for (name, section) in [("standalone", standalone), ("kernel tree", kernelTree)] {
    do {
        try section()
    } catch {
        print("\n(\(name) figures failed: \(error))")
    }
}

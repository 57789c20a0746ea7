import Foundation
import XCTest

@testable import AIOAudit

/// Where the repository's fixtures and the shared corpus are.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("fixtures")
    /// The corpus of real fs/aio.c files: `AIO_AUDIT_CORPUS` names it, else ../shared/corpus beside
    /// the repository. Tests that need it skip when it is not there.
    static let corpus: URL = {
        if let dir = ProcessInfo.processInfo.environment["AIO_AUDIT_CORPUS"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    /// SARIF 2.1.0's schema: `AIO_AUDIT_SARIF_SCHEMA`, else ../shared/schemas beside the repository.
    static let sarifSchema: URL = {
        if let file = ProcessInfo.processInfo.environment["AIO_AUDIT_SARIF_SCHEMA"], !file.isEmpty {
            return URL(fileURLWithPath: file)
        }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")
    }()

    /// Skips the test, before it asserts anything, when the corpus is not there.
    static func requireCorpus() throws {
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            throw XCTSkip("corpus not present at \(corpus.path) (AIO_AUDIT_CORPUS names another)")
        }
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The built command-line tool, next to the test bundle.
    static var tool: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("aio-audit"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("aio-audit"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "aio-audit"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The corpus file, or a skip with a message when the corpus is not beside the repository.
    static func corpusFile(_ relative: String) throws -> String {
        try requireCorpus()
        let path = corpus.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("corpus not present at \(corpus.path): \(relative) not checked")
        }
        return path
    }
}

/// Parses a fixture standalone and builds its graphs.
func graphs(of path: String) throws -> FileGraphs {
    FileGraphs(unit: try Parser.parse(ParseRequest(path: path, standalone: true)))
}

func graph(_ function: String, in path: String) throws -> FlowGraph {
    let g = try graphs(of: path).graphs.first { $0.function == function }
    return try XCTUnwrap(g, "no graph for \(function) in \(path)")
}

/// Debian's 6.1 tree as scripts/kernel-tree.sh configures it ($AIO_AUDIT_KERNEL_TREE, else the
/// user's cache), or a skip when it is not there (a fresh clone has none): `requiring` is the
/// file that shows it is configured.
func configuredKernelTree(requiring file: String = "compile_commands.json") throws -> String {
    let tree =
        ProcessInfo.processInfo.environment["AIO_AUDIT_KERNEL_TREE"]
        ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/aio-audit/linux-source-6.1")
        .path
    guard FileManager.default.fileExists(atPath: tree + "/" + file) else {
        throw XCTSkip("no configured kernel tree at \(tree) (scripts/kernel-tree.sh makes one)")
    }
    return tree
}

/// The tests' cache directory: every tool a test runs gets it as XDG_CACHE_HOME, and every
/// in-process parse of a kernel tree as its cacheDirectory, so that no test touches the user's
/// cache (whose 16 entries a test's would push out). Shared by runs, bounded like any cache.
let testCacheHome: String = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aio-audit-tests-cache")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
}()

/// The preamble cache directory inside `testCacheHome`, as the tool names it.
var testPreambleCache: String { testCacheHome + "/aio-audit/pch" }

/// Runs the command-line tool; returns status, standard output and standard error.
func runTool(_ arguments: [String], in directory: URL? = nil, input: Data? = nil) throws -> (
    status: Int32, out: String, err: String
) {
    let process = Process()
    process.executableURL = Paths.tool
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": testCacheHome]) { $1 }
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
        // Small inputs: the pipe holds them, so writing before reading cannot block.
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
    }
    // Read before waiting: a full pipe would block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
}

/// A command found on PATH, run to completion: its status and what it printed, standard output and
/// error together.
/// `environment` adds to (or replaces) variables of the test's own environment (XDG_CACHE_HOME is
/// `testCacheHome` unless it says otherwise).
func runCommand(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> (
    status: Int32, output: String
) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = ProcessInfo.processInfo.environment.merging(
        ["XDG_CACHE_HOME": testCacheHome].merging(environment) { $1 }
    ) { $1 }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, said)
}

/// A temporary directory removed after the test.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("aio-audit-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

extension FlowGraph {
    /// Events of the given kinds, in block order, as short strings (`lock ctx->ctx_lock`).
    func trace(_ kinds: Set<Event.Kind> = [.call, .lock, .unlock, .rcuReadLock, .rcuReadUnlock]) -> [String] {
        allEvents.filter { kinds.contains($0.kind) }.map { e in
            switch e.kind {
            case .lock, .unlock: return "\(e.kind.rawValue) \(e.path?.description ?? "?")"
            case .call: return "call \(e.text)"
            default: return e.kind.rawValue
            }
        }
    }

    func block(containing predicate: (Event) -> Bool) -> BasicBlock? {
        blocks.first { $0.events.contains(where: predicate) }
    }
}

/// Validates SARIF against ../shared/schemas/sarif-schema-2.1.0.json with Python's jsonschema
/// (skips when the schema or the module is not there).
func validateSARIF(_ sarif: String, in test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws {
    let schema = Paths.sarifSchema
    guard FileManager.default.fileExists(atPath: schema.path) else {
        throw XCTSkip("no SARIF schema at \(schema.path)")
    }
    let dir = try temporaryDirectory(test)
    let output = dir.appendingPathComponent("out.sarif")
    try Data(sarif.utf8).write(to: output)
    let (status, said) = try runCommand(
        [
            "python3", "-c",
            "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('valid')",
            output.path, schema.path,
        ], in: dir)
    if said.contains("No module named 'jsonschema'") { throw XCTSkip("python3 jsonschema is not installed") }
    XCTAssertEqual(status, 0, said, file: file, line: line)
    XCTAssertTrue(said.hasSuffix("valid\n"), said, file: file, line: line)
}

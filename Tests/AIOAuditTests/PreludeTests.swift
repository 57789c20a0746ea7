import Foundation
import XCTest

@testable import AIOAudit

/// The built-in prelude is C kept as C: headers that clang accepts, carried into the binary by a
/// generated Swift file that must be current.
final class PreludeTests: XCTestCase {
    let headers = Paths.repository.appendingPathComponent("Sources/AIOAudit/Kernel/Prelude")

    func headerFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: headers.path).filter { $0.hasSuffix(".h") }.sorted()
    }

    func testTheGeneratedPreludeIsCurrent() throws {
        let names = try headerFiles()
        XCTAssertEqual(KernelPrelude.files, names, "run scripts/generate-prelude.py")
        var text = try names.map { try String(contentsOf: headers.appendingPathComponent($0), encoding: .utf8) }
            .joined()
        if text.hasSuffix("\n") { text.removeLast() }
        XCTAssertTrue(
            KernelPrelude.header == text,
            "KernelPrelude+Generated.swift is not current: run scripts/generate-prelude.py")
    }

    /// The clang of the libclang the tool uses, or any clang on PATH.
    func clang() -> String? {
        let dirs = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? [])
            .filter { $0.hasPrefix("llvm-") }.sorted { (Int($0.dropFirst(5)) ?? 0) > (Int($1.dropFirst(5)) ?? 0) }
        for d in dirs where FileManager.default.isExecutableFile(atPath: "/usr/lib/\(d)/bin/clang") {
            return "/usr/lib/\(d)/bin/clang"
        }
        return nil
    }

    func testClangAcceptsThePreludeWithoutAWarning() throws {
        guard let clang = clang() else { throw XCTSkip("no clang installed (apt-get install clang)") }
        let dir = try temporaryDirectory(self)
        let file = dir.appendingPathComponent("prelude.h")
        try Data(KernelPrelude.header.utf8).write(to: file)
        // As the tool parses it, less -w (every warning counts) and its error-to-warning switches.
        let r = try runCommand([
            clang, "-fsyntax-only", "-Werror", "-x", "c", "-std=gnu89", "-nostdinc", "-ffreestanding", "-fno-builtin",
            "-D__KERNEL__", file.path,
        ])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertEqual(r.output, "", r.output)
    }
}

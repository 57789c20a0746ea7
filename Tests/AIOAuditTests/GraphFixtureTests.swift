import Foundation
import XCTest

@testable import AIOAudit

/// Every fixtures/graph/NAME.c has NAME.expected beside it: the exact text rendering of its flow
/// graphs (blocks, events in order, labelled edges). Adding a case is adding the two files; set
/// AIO_AUDIT_UPDATE_EXPECTED=1 to write the expected files after reviewing a deliberate change.
final class GraphFixtureTests: XCTestCase {
    func testEveryGraphFixtureMatchesItsExpectedShape() throws {
        let dir = Paths.fixtures.appendingPathComponent("graph")
        let sources = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".c") }
            .sorted()
        XCTAssertGreaterThanOrEqual(sources.count, 10, "graph fixtures missing")
        let update = ProcessInfo.processInfo.environment["AIO_AUDIT_UPDATE_EXPECTED"] == "1"
        for name in sources {
            let path = dir.appendingPathComponent(name).path
            let file = try graphs(of: path)
            XCTAssertTrue(file.unit.errors.isEmpty, "\(name): parse errors \(file.unit.errors)")
            let rendered = GraphReport.render(file, as: .text).replacingOccurrences(of: dir.path + "/", with: "")
            let expectedPath = dir.appendingPathComponent(String(name.dropLast(2)) + ".expected")
            if update {
                try rendered.write(to: expectedPath, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: expectedPath, encoding: .utf8)
            if rendered != expected {
                XCTFail("\(name): graph differs from \(expectedPath.lastPathComponent):\n\(rendered)")
            }
        }
    }
}

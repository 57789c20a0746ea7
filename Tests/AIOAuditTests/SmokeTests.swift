import XCTest
@testable import AIOAudit

final class SmokeTests: XCTestCase {
    func testNothing() {}
}

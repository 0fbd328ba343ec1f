import XCTest
@testable import QML

/// `QUICK=1` in the environment adds the `--quick` flag scripts look for.
final class QuickModeTests: XCTestCase {
    func testQuickEnvironmentAddsTheFlagOnce() {
        XCTAssertEqual(QuickMode.arguments(["a"], environment: ["QUICK": "1"]), ["a", "--quick"])
        XCTAssertEqual(QuickMode.arguments(["--quick"], environment: ["QUICK": "yes"]), ["--quick"])
        XCTAssertEqual(QuickMode.arguments(["a"], environment: ["QUICK": "0"]), ["a"])
        XCTAssertEqual(QuickMode.arguments(["a"], environment: ["QUICK": "false"]), ["a"])
        XCTAssertEqual(QuickMode.arguments(["a"], environment: [:]), ["a"])
    }
}

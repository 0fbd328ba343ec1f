import XCTest
@testable import IsingCore

/// Parsed JSON values remember the line and column they start at (columns count
/// characters), also when many values share one long line.
final class JSONPositionTests: XCTestCase {
    func testValuesKnowTheirLineAndColumn() throws {
        let root = try JSON.parse("{\"a\": [1, \"é\", 30],\n  \"b\": {\"c\": 4}, \"d\": 5}", name: "t.json")
        let a = try XCTUnwrap(root["a"]?.array)
        XCTAssertEqual(a.map(\.line), [1, 1, 1])
        XCTAssertEqual(a.map(\.column), [8, 11, 16])
        XCTAssertEqual(root["b"]?.line, 2)
        XCTAssertEqual(root["b"]?.column, 8)
        XCTAssertEqual(root["b"]?["c"]?.column, 14)
        XCTAssertEqual(root["d"]?.column, 23)
    }

    func testALongSingleLineArrayParsesWithExactColumns() throws {
        let count = 200_000
        let text = "[" + (0..<count).map { _ in "0.5" }.joined(separator: ", ") + "]"
        let items = try XCTUnwrap(try JSON.parse(text, name: "long.json").array)
        XCTAssertEqual(items.count, count)
        XCTAssertEqual(items.last?.column, 2 + 5 * (count - 1))
    }
}

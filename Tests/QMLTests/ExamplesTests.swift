import Foundation
import XCTest
@testable import QML

/// Runs every program in examples/ in its quick mode (the arguments on its
/// `# quick:` line, if any) and checks the figures the demo records against an
/// independent enumeration.
final class ExamplesTests: XCTestCase {
    static var examplesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples")
    }

    static func run(_ url: URL, arguments: [String]) -> (Interpreter, Interpreter.Outcome) {
        var options = Interpreter.Options()
        options.output = { _ in }
        options.arguments = arguments
        return Interpreter.runOnLargeStack {
            let interpreter = Interpreter(options: options)
            return (interpreter, interpreter.runFile(path: url.path))
        }
    }

    func testEveryExampleRunsInQuickMode() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ExamplesTests.examplesDirectory.path)
            .filter { $0.hasSuffix(".qml") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for name in files {
            let url = ExamplesTests.examplesDirectory.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let quick = text.split(separator: "\n").first { $0.hasPrefix("# quick:") }
                .map { $0.dropFirst("# quick:".count).split(separator: " ").map(String.init) } ?? []
            // QUICK=1 appends --quick to whatever else is given, so the quick mode is that flag.
            XCTAssertTrue(quick.isEmpty || quick == ["--quick"], "\(name): its quick mode must be `--quick` (what QUICK=1 passes), got \(quick)")
            let (_, outcome) = ExamplesTests.run(url, arguments: quick)
            if case .failure(let d) = outcome { XCTFail("\(name): \(d.location): \(d.message)") }
        }
    }

    /// The 3 x 3 torus: 512 states, and the specific-heat peak on the demo's grid of
    /// temperatures, compared with a NumPy enumeration (T = 2.4, C/N = 0.6501288232450...).
    func testDemoMatchesIndependentEnumeration() throws {
        let url = ExamplesTests.examplesDirectory.appendingPathComponent("demo.qml")
        let (interpreter, outcome) = ExamplesTests.run(url, arguments: ["--quick"])
        if case .failure(let d) = outcome { XCTFail("\(d.location): \(d.message)"); return }
        let records = Dictionary(interpreter.records, uniquingKeysWith: { a, _ in a })
        guard case .int(let states)? = records["states"],
              case .float(let peakT)? = records["peak_temperature"],
              case .float(let peakC)? = records["peak_heat_per_spin"] else {
            XCTFail("demo did not record its figures: \(interpreter.records)")
            return
        }
        XCTAssertEqual(states, 512)
        XCTAssertEqual(peakT, 2.4, accuracy: 1e-12)
        XCTAssertEqual(peakC, 0.6501288232450341, accuracy: 1e-12)
    }
}

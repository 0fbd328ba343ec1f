import Foundation
import XCTest

/// Runs the built `qrepl` executable the way a shell would and checks its output and
/// exit status: `-e`, script files with arguments, both kinds of error, `--record`,
/// piped standard input and `--version`.
final class CommandLineTests: XCTestCase {
    func testEvaluatesCodeGivenWithDashE() throws {
        let result = try QreplProcess.run(["-e", "print(6 * 7)"])
        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(result.standardOutput, "42\n", result.summary)
        XCTAssertEqual(result.standardError, "", result.summary)
    }

    func testRunsAScriptFileAndPassesItsArguments() throws {
        let directory = try TemporaryDirectory()
        let script = try directory.write("args.qml", """
            print(len(args))
            for a in args { print(a) }
            """)
        for prefix in [[], ["run"]] {
            let result = try QreplProcess.run(prefix + [script, "alpha", "beta gamma"])
            XCTAssertEqual(result.status, 0, result.summary)
            XCTAssertEqual(result.standardOutput, "2\nalpha\nbeta gamma\n", result.summary)
        }
    }

    func testSyntaxErrorExitsWithTwoAndNamesTheLocation() throws {
        let directory = try TemporaryDirectory()
        let script = try directory.write("broken.qml", "let x = (1 +\nprint(x\n")
        let result = try QreplProcess.run([script])
        XCTAssertEqual(result.status, 2, result.summary)
        XCTAssertEqual(result.standardOutput, "", result.summary)
        XCTAssertTrue(result.standardError.contains("broken.qml:"), result.summary)
        XCTAssertTrue(result.standardError.contains("error"), result.summary)
        XCTAssertFalse(result.standardError.contains("\u{1B}["), "no colour when stderr is not a terminal")
    }

    func testRuntimeErrorExitsWithOne() throws {
        let directory = try TemporaryDirectory()
        let script = try directory.write("fails.qml", "print(\"before\")\nlet xs = [1, 2]\nprint(xs[5])\n")
        let result = try QreplProcess.run([script])
        XCTAssertEqual(result.status, 1, result.summary)
        XCTAssertEqual(result.standardOutput, "before\n", result.summary)
        XCTAssertTrue(result.standardError.contains("fails.qml:3:"), result.summary)
    }

    func testBadUsageExitsWithTwo() throws {
        let unknown = try QreplProcess.run(["--no-such-option"])
        XCTAssertEqual(unknown.status, 2, unknown.summary)
        XCTAssertTrue(unknown.standardError.contains("--no-such-option"), unknown.summary)

        let missing = try QreplProcess.run(["run"])
        XCTAssertEqual(missing.status, 2, missing.summary)

        let absent = try QreplProcess.run(["/nonexistent/script.qml"])
        XCTAssertEqual(absent.status, 2, absent.summary)
        XCTAssertTrue(absent.standardError.contains("/nonexistent/script.qml"), absent.summary)
    }

    func testRecordWritesAJSONObject() throws {
        let directory = try TemporaryDirectory()
        let script = try directory.write("ok.qml", "print(1 + 1)\n")
        let record = directory.path("run.json")
        let result = try QreplProcess.run(["run", script, "--record", record])
        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(result.standardOutput, "2\n", result.summary)
        let data = try Data(contentsOf: URL(fileURLWithPath: record))
        let json = try JSONSerialization.jsonObject(with: data)
        let object = try XCTUnwrap(json as? [String: Any], "the run record should be a JSON object")
        XCTAssertNotNil(object["command"], "the record names the command it ran: \(object)")
    }

    func testPipedInputRunsAsAScriptWithoutPrompts() throws {
        let result = try QreplProcess.run([], input: "let n = 20\nfn twice(x) {\n  x * 2\n}\nprint(twice(n) + 2)\n")
        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertEqual(result.standardOutput, "42\n", result.summary)
        XCTAssertFalse(result.standardOutput.contains("qml>"), result.summary)
    }

    func testPipedInputReportsErrorsWithTheirExitStatus() throws {
        let result = try QreplProcess.run([], input: "print(1)\nprint(undefined_name_here)\n")
        XCTAssertNotEqual(result.status, 0, result.summary)
        XCTAssertTrue(result.standardError.contains("undefined_name_here"), result.summary)
    }

    func testVersionAndHelp() throws {
        let version = try QreplProcess.run(["--version"])
        XCTAssertEqual(version.status, 0, version.summary)
        XCTAssertTrue(version.standardOutput.hasPrefix("qrepl 0.1.0"), version.summary)

        let help = try QreplProcess.run(["--help"])
        XCTAssertEqual(help.status, 0, help.summary)
        XCTAssertTrue(help.standardOutput.contains("Usage:"), help.summary)
    }
}

/// Finds the `qrepl` executable built alongside the tests.
enum QreplExecutable {
    /// The executable's path: `$QREPL_BINARY` when set, else `qrepl` in the build
    /// directory that holds the test bundle. Throws when it is not there.
    static func path() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["QREPL_BINARY"], !explicit.isEmpty {
            return explicit
        }
        var directories: [URL] = [Bundle(for: CommandLineTests.self).bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL {
            directories.append(executable.deletingLastPathComponent())
        }
        if let first = ProcessInfo.processInfo.arguments.first {
            directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        for directory in directories {
            // On macOS the bundle sits one level deeper (…/debug/X.xctest/Contents/MacOS).
            for candidate in [directory, directory.deletingLastPathComponent()] {
                let path = candidate.appendingPathComponent("qrepl").path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        let looked = directories.map(\.path).joined(separator: ", ")
        throw MissingExecutable(message: "qrepl executable not found (looked in \(looked)); build it with `swift build` or set QREPL_BINARY")
    }

    /// Raised when the executable has not been built.
    struct MissingExecutable: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// One finished run of `qrepl` with its captured output.
struct QreplProcess {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Everything about the run, for assertion messages.
    var summary: String {
        "status \(status)\n--- stdout ---\n\(standardOutput)\n--- stderr ---\n\(standardError)"
    }

    /// Runs qrepl with `arguments`, feeding `input` (or nothing) on stdin, and waits at
    /// most `timeout` seconds for it to finish. `environment` adds to (or, with an empty
    /// value, clears from) the test's environment; QUICK is cleared unless given.
    static func run(_ arguments: [String], input: String = "", timeout: TimeInterval = 30,
                    environment extra: [String: String] = [:]) throws -> QreplProcess {
        let directory = try TemporaryDirectory()
        let inputPath = try directory.write("stdin.txt", input)
        let outputPath = directory.path("stdout.txt")
        let errorPath = directory.path("stderr.txt")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try QreplExecutable.path())
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.root.path
        environment["QREPL_HISTORY"] = directory.path("history")
        environment["QUICK"] = nil
        for (key, value) in extra { environment[key] = value.isEmpty ? nil : value }
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()

        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            usleep(10_000)
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            XCTFail("qrepl \(arguments) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        return QreplProcess(
            status: process.terminationStatus,
            standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }
}

/// A fresh directory under the system's temporary directory, removed when released.
final class TemporaryDirectory {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("qrepl-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Writes `contents` to `name` inside the directory and returns its path.
    func write(_ name: String, _ contents: String) throws -> String {
        let path = path(name)
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

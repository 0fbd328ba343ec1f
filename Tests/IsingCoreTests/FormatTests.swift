import Foundation
import XCTest
@testable import IsingCore

/// File formats: dimod JSON, COO, qbsolv, .npy and CSV. Fixture files under Fixtures/
/// were written by real dimod 0.12.23, NumPy 2.4.6 and Python's csv module
/// (Fixtures/make_fixtures.py regenerates them).
final class FormatTests: XCTestCase {
    // MARK: Helpers

    private var scratch = ""

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.path
        scratch = base + "/qrepl-format-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    private func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    private func temp(_ name: String) -> String { scratch + "/" + name }

    private func fixtureText(_ name: String) throws -> String {
        try String(contentsOfFile: fixture(name), encoding: .utf8)
    }

    /// Every state of `n` variables, values per `vartype`.
    private func allStates(_ n: Int, _ vartype: Vartype) -> [[Int8]] {
        let (lo, hi) = vartype.values
        return (0..<(1 << n)).map { bits in (0..<n).map { (bits >> $0) & 1 == 1 ? hi : lo } }
    }

    /// The message of the error `body` throws (fails the test when it does not throw).
    private func errorMessage(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            try body()
            XCTFail("expected an error", file: file, line: line)
            return ""
        } catch let e as IsingError {
            return e.message
        } catch {
            XCTFail("expected an IsingError, got \(error)", file: file, line: line)
            return ""
        }
    }

    private func assertError(_ body: () throws -> Void, contains parts: [String], file: StaticString = #filePath, line: UInt = #line) {
        let message = errorMessage(body, file: file, line: line)
        for part in parts {
            XCTAssertTrue(message.contains(part), "error \"\(message)\" should contain \"\(part)\"", file: file, line: line)
        }
    }

    private func write(_ text: String, to name: String) throws -> String {
        let path = temp(name)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// A model with awkward doubles, variables added out of label order, a variable with
    /// zero bias and no interactions, and an interaction of zero bias.
    private func awkwardModel(_ vartype: Vartype, labels: [Label]) -> BinaryQuadraticModel {
        var m = BinaryQuadraticModel(vartype: vartype)
        let biases = [0.1, -1.0 / 3.0, 1e-300, 6.02214076e23, 0, -0.7, 2.5, 1e-05, 123456.789, -4.0]
        for (k, l) in labels.enumerated() { m.addLinear(l, biases[k % biases.count]) }
        for k in 0..<(labels.count - 1) where k % 3 != 2 {
            m.addQuadratic(labels[k], labels[k + 1], biases[(k * 7 + 3) % biases.count] - 0.3)
        }
        if labels.count > 3 { m.addQuadratic(labels[0], labels[labels.count - 1], 0) }
        m.offset = -0.1
        return m
    }

    private func assertSameEnergies(_ a: BinaryQuadraticModel, _ b: BinaryQuadraticModel, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.variables, b.variables, file: file, line: line)
        for s in allStates(a.count, a.vartype) {
            XCTAssertEqual(a.energy(s), b.energy(s), "state \(s)", file: file, line: line)
        }
    }

    // MARK: Numbers

    /// Expected texts are Python 3's `repr(x)` and `int(x)`.
    func testNumbersAreWrittenAsPythonWritesThem() {
        let cases: [(Double, String)] = [
            (1e15, "1000000000000000.0"), (1e16, "1e+16"), (0.0001, "0.0001"), (1e-05, "1e-05"),
            (123456789012345678.0, "1.2345678901234568e+17"), (.leastNonzeroMagnitude, "5e-324"), (-0.0, "-0.0"),
            (0.1 + 0.2, "0.30000000000000004"), (.greatestFiniteMagnitude, "1.7976931348623157e+308"),
            (9007199254740992.0, "9007199254740992.0"), (-2.5e-300, "-2.5e-300"), (100.0, "100.0"),
            (.infinity, "inf"), (-.infinity, "-inf"),
        ]
        for (x, text) in cases {
            XCTAssertEqual(NumberText.pythonRepr(x), text)
            if x.isFinite {
                XCTAssertEqual(NumberText.parseDouble(text)?.bitPattern, x.bitPattern, text)
                XCTAssertEqual(NumberText.parseDouble(NumberText.positional(x))?.bitPattern, x.bitPattern, text)
                XCTAssertFalse(NumberText.positional(x).contains("e"))
            }
        }
        XCTAssertEqual(NumberText.exactInteger(-1.1345678901234568e17), "-113456789012345680")
        XCTAssertEqual(NumberText.exactInteger(1180591620717411303424.0), "1180591620717411303424")
        XCTAssertEqual(NumberText.exactInteger(-1e25), "-10000000000000000905969664")
        for bad in ["0x10", "1e", "", "-", "1.5.2", " 1", "inf", "1_000"] { XCTAssertNil(NumberText.parseDouble(bad), bad) }
        XCTAssertEqual(NumberText.parseDouble("-Infinity", words: true), -.infinity)
    }

    // MARK: dimod JSON, models

    func testLoadsDimodSpinModelWithIntegerLabelsExactly() throws {
        let m = try DimodJSON.loadModel(fixture("bqm_int_spin.json"))
        XCTAssertEqual(m.vartype, .spin)
        XCTAssertEqual(m.variables, [0, 1, 2, 3, 4].map(Label.int))
        XCTAssertEqual(m.linear, [1.0 / 3.0, -1e-05, 0.1, 1e16, 0.0])
        XCTAssertEqual(m.quadratic(.int(0), .int(1)), -1.0)
        XCTAssertEqual(m.quadratic(.int(4), .int(0)), -123456.789)
        XCTAssertEqual(m.quadratic(.int(1), .int(2)), 0.7)
        XCTAssertEqual(m.quadratic(.int(2), .int(3)), 2.5e-300)
        XCTAssertEqual(m.interactions.count, 4)
        XCTAssertEqual(m.offset, 0.25)
    }

    func testLoadsDimodBinaryModelWithStringLabels() throws {
        let m = try DimodJSON.loadModel(fixture("bqm_str_binary.json"))
        XCTAssertEqual(m.vartype, .binary)
        XCTAssertEqual(m.variables, ["x", "y", "z", "ü"].map(Label.string))
        XCTAssertEqual(m.linear, [-1.5, 2.0, 0.0, 0.125])
        XCTAssertEqual(m.quadratic(.string("x"), .string("y")), 3.0)
        XCTAssertEqual(m.quadratic(.string("y"), .string("z")), -0.5)
        XCTAssertEqual(m.quadratic(.string("ü"), .string("x")), 1.75)
        XCTAssertEqual(m.offset, -2.0)
        // E(x=1, y=1, z=0, ü=1) = -1.5 + 2 + 0.125 + 3 + 1.75 - 2
        XCTAssertEqual(m.energy([1, 1, 0, 1]), 3.375)
    }

    func testTupleLabelsBecomePythonStyleStrings() throws {
        let m = try DimodJSON.loadModel(fixture("bqm_tuple_labels.json"))
        XCTAssertEqual(m.variables, [.string("a"), .string("('c', 1)"), .int(7), .string("(0, (1, 2))")])
        XCTAssertEqual(m.quadratic(.string("a"), .string("('c', 1)")), -1.0)
        XCTAssertEqual(m.quadratic(.int(7), .string("(0, (1, 2))")), 0.25)
    }

    func testWritesDimodJSONByteForByte() throws {
        // Loading what dimod wrote and writing it again reproduces dimod's text exactly.
        for name in ["bqm_int_spin.json", "bqm_str_binary.json", "bqm_dyadic_spin.json", "bqm_binary_wide.json"] {
            let m = try DimodJSON.loadModel(fixture(name))
            XCTAssertEqual(DimodJSON.encode(m) + "\n", try fixtureText(name), name)
        }
        for name in ["samples_exact_spin.json", "samples_binary_wide.json"] {
            let s = try DimodJSON.loadSampleSet(fixture(name))
            XCTAssertEqual(DimodJSON.encode(s) + "\n", try fixtureText(name), name)
        }
    }

    func testModelRoundTripsKeepEveryBiasOrderAndEnergy() throws {
        let ints: [Label] = [5, 0, 3, 9, 1, 2, 7, 8, 4, 6].map(Label.int)
        let strings: [Label] = ["b", "a", "spin 3", "ü", "quote\"d", "back\\slash", "line\nbreak", "x", "tab\t", "7"].map(Label.string)
        let mixed: [Label] = [.int(2), .string("a"), .int(-1), .string("2")]
        for vartype in [Vartype.spin, .binary] {
            for labels in [ints, strings, mixed] {
                let m = awkwardModel(vartype, labels: labels)
                let path = temp("model.json")
                try DimodJSON.save(m, to: path)
                let back = try DimodJSON.loadModel(path)
                XCTAssertEqual(back, m)
                assertSameEnergies(m, back)
                guard case .model(let viaLoad) = try DimodJSON.load(path) else { return XCTFail("expected a model") }
                XCTAssertEqual(viaLoad, m)
            }
        }
    }

    func testReadsByteEncodedArraysAndIntegralBiases() throws {
        func base64<T>(_ xs: [T]) -> String { xs.withUnsafeBytes { Data($0).base64EncodedString() } }
        let text = """
        {"type": "BinaryQuadraticModel", "version": {"bqm_schema": "3.0.0"}, "use_bytes": true,
         "index_type": "int32", "bias_type": "float64", "num_variables": 3, "num_interactions": 1,
         "variable_labels": ["a", "b", 2], "variable_type": "SPIN", "offset": 1,
         "linear_biases": "\(base64([1.5, -2.0, 0.1]))", "quadratic_biases": "\(base64([-0.25]))",
         "quadratic_head": "\(base64([Int32(2)]))", "quadratic_tail": "\(base64([Int32(0)]))"}
        """
        let m = try DimodJSON.decodeModel(text, name: "bytes.json")
        XCTAssertEqual(m.linear, [1.5, -2.0, 0.1])
        XCTAssertEqual(m.quadratic(.string("a"), .int(2)), -0.25)
        XCTAssertEqual(m.offset, 1)
    }

    func testMalformedDimodJSONNamesFileLineAndColumn() throws {
        let good = try fixtureText("bqm_int_spin.json")
        // Syntax: the error is on line 3 of a pretty-printed file.
        let path = try write("{\n  \"type\": \"BinaryQuadraticModel\",\n  \"offset\": 0.25,,\n}", to: "broken.json")
        assertError({ _ = try DimodJSON.loadModel(path) }, contains: [path + ":3:18:", "expected a key"])
        assertError({ _ = try DimodJSON.decodeModel("[1, 2", name: "cut.json") }, contains: ["cut.json:1:6:", "expected `,` or `]`"])
        assertError({ _ = try DimodJSON.decodeModel(String(good.dropLast(20)), name: "short.json") }, contains: ["short.json:1:"])
        // Content.
        let cases: [(String, String, [String])] = [
            ("\"variable_type\": \"SPIN\"", "\"variable_type\": \"ISING\"", ["bad.json:1:", "\"SPIN\" or \"BINARY\""]),
            ("\"quadratic_tail\": [1, 4, 2, 3]", "\"quadratic_tail\": [1, 4, 2, 5]", ["bad.json:1:", "variable index in 0..<5", "found 5"]),
            ("\"quadratic_tail\": [1, 4, 2, 3]", "\"quadratic_tail\": [1, 4, 2, 2]", ["cannot interact with itself"]),
            ("\"variable_labels\": [0, 1, 2, 3, 4]", "\"variable_labels\": [0, 1, 2, 3]", ["expected 5 variable labels"]),
            ("\"variable_labels\": [0, 1, 2, 3, 4]", "\"variable_labels\": [0, 1, 2, 3, 1]", ["label 1 appears more than once"]),
            ("\"variable_labels\": [0, 1, 2, 3, 4]", "\"variable_labels\": [0, 1, null, 3, 4]", ["expected a variable label"]),
            ("\"offset\": 0.25, ", "", ["expected key \"offset\""]),
            ("\"bqm_schema\": \"3.0.0\"", "\"bqm_schema\": \"1.0.0\"", ["no longer supported"]),
            ("\"linear_biases\": [0.3333333333333333,", "\"linear_biases\": [\"x\",", ["expected an element of \"linear_biases\" (a number)"]),
        ]
        for (from, to, parts) in cases {
            let text = good.replacingOccurrences(of: from, with: to)
            XCTAssertNotEqual(text, good, "the fixture should contain \(from)")
            assertError({ _ = try DimodJSON.decodeModel(text, name: "bad.json") }, contains: parts)
        }
        assertError({ _ = try DimodJSON.loadModel(fixture("samples_exact_spin.json")) }, contains: ["expected a BinaryQuadraticModel, found a SampleSet"])
        assertError({ _ = try DimodJSON.loadModel(temp("missing.json")) }, contains: ["cannot read", "missing.json"])
    }

    // MARK: dimod JSON, sample sets

    func testLoadsDimodExactSolverSampleSetWithExactEnergies() throws {
        let model = try DimodJSON.loadModel(fixture("bqm_dyadic_spin.json"))
        let s = try DimodJSON.loadSampleSet(fixture("samples_exact_spin.json"))
        XCTAssertEqual(s.vartype, .spin)
        XCTAssertEqual(s.variables, model.variables)
        XCTAssertEqual(s.size, 64)
        XCTAssertEqual(s.counts, [Int](repeating: 1, count: 64))
        XCTAssertEqual(Set((0..<s.size).map { Array(s.state($0)) }).count, 64, "every state once")
        // dimod's energies, computed by dimod from the states it packed, equal ours exactly
        // (dyadic biases make every sum exact): this checks the bit unpacking too.
        for r in 0..<s.size { XCTAssertEqual(s.energies[r], model.energy(Array(s.state(r))), "row \(r)") }
        XCTAssertEqual(Array(s.state(0)), [-1, -1, -1, -1, -1, -1])
        XCTAssertEqual(Array(s.state(1)), [1, -1, -1, -1, -1, -1])
        XCTAssertEqual(s.energies[2], -4.25)
    }

    func testLoadsWidePackedBinarySampleSetWithCountsAndInfo() throws {
        let model = try DimodJSON.loadModel(fixture("bqm_binary_wide.json"))
        let s = try DimodJSON.loadSampleSet(fixture("samples_binary_wide.json"))
        XCTAssertEqual(s.vartype, .binary)
        XCTAssertEqual(s.variables.count, 40)
        XCTAssertEqual(s.variables, model.variables)
        XCTAssertEqual(s.counts, [2, 2, 1, 1, 1])
        XCTAssertEqual(s.energies, [9, 12, 11, 8, 5])
        for r in 0..<s.size { XCTAssertEqual(s.energies[r], model.energy(Array(s.state(r))), "row \(r)") }
        // Row 0's first word is 4291441307 = 0b1111_1111_1100_1010_0111_1010_1001_1011.
        XCTAssertEqual(Array(s.state(0).prefix(8)), [1, 1, 0, 1, 1, 0, 0, 1])
        XCTAssertEqual(s.info.map { $0.0 }, ["sampler", "beta", "reads", "betas"])
        XCTAssertEqual(s.info.map { $0.1 }, [.string("fixture"), .double(1.5), .int(7), .doubles([0.1, 1.0, 10.0])])
    }

    func testSampleSetRoundTrips() throws {
        var g = Xorshift(seed: 3)
        for (n, vartype) in [(1, Vartype.spin), (31, .binary), (32, .spin), (33, .spin), (70, .binary)] {
            let rows = 9
            let (lo, hi) = vartype.values
            let states: [Int8] = (0..<(rows * n)).map { (_: Int) -> Int8 in g.next() & 1 == 0 ? lo : hi }
            let energies: [Double] = (0..<rows).map { (k: Int) -> Double in
                let x = Double(k)
                return x * 0.1 - x * x * 1e-7
            }
            let labels: [Label] = (0..<n).map { $0 % 2 == 0 ? .int(n - $0) : .string("s\($0)") }
            let s = SampleSet(variables: labels, vartype: vartype, states: states, energies: energies,
                              counts: (0..<rows).map { $0 + 1 },
                              info: [("sampler", .string("test")), ("beta", .double(0.3)), ("sweeps", .int(1000)), ("range", .doubles([0.1, 3]))])
            let path = temp("samples.json")
            try DimodJSON.save(s, to: path)
            let back = try DimodJSON.loadSampleSet(path)
            XCTAssertEqual(back.variables, s.variables)
            XCTAssertEqual(back.vartype, s.vartype)
            XCTAssertEqual(back.states, s.states, "n = \(n)")
            XCTAssertEqual(back.energies, s.energies)
            XCTAssertEqual(back.counts, s.counts)
            XCTAssertEqual(back.info.map { $0.0 }, s.info.map { $0.0 })
            XCTAssertEqual(back.info.map { $0.1 }, s.info.map { $0.1 })
        }
        let empty = SampleSet(variables: [.int(0), .int(1)], vartype: .spin, states: [], energies: [])
        let path = temp("empty.json")
        try DimodJSON.save(empty, to: path)
        let back = try DimodJSON.loadSampleSet(path)
        XCTAssertEqual(back.size, 0)
        XCTAssertEqual(back.variables, empty.variables)
    }

    func testReadsUnpackedSamples() throws {
        let text = """
        {"type": "SampleSet", "version": {"sampleset_schema": "3.1.0"}, "num_variables": 2, "num_rows": 2,
         "sample_data": {"type": "array", "data": [[-1, 1], [1, 1]], "data_type": "int8", "shape": [2, 2], "use_bytes": false},
         "sample_type": "int8", "sample_packed": false,
         "vectors": {"energy": {"type": "array", "data": [-0.5, 2], "data_type": "float64", "shape": [2], "use_bytes": false}},
         "variable_labels": ["a", "b"], "variable_type": "SPIN", "info": {"nested": {"k": [1, "x"]}, "flag": true}}
        """
        let s = try DimodJSON.decodeSampleSet(text, name: "unpacked.json")
        XCTAssertEqual(s.states, [-1, 1, 1, 1])
        XCTAssertEqual(s.energies, [-0.5, 2])
        XCTAssertEqual(s.counts, [1, 1])
        XCTAssertEqual(s.info.map { $0.1 }, [.string("{\"k\": [1, \"x\"]}"), .string("true")])
        let bad = text.replacingOccurrences(of: "[[-1, 1], [1, 1]]", with: "[[-1, 1], [0, 1]]")
        assertError({ _ = try DimodJSON.decodeSampleSet(bad, name: "unpacked.json") }, contains: ["unpacked.json:2:", "spins -1 or +1", "found 0"])
    }

    func testMalformedSampleSetsNameFileAndLine() throws {
        let good = try fixtureText("samples_binary_wide.json")
        let cases: [(String, String, [String])] = [
            ("\"shape\": [5, 2]", "\"shape\": [5, 3]", ["bad.json:1:", "list of 3"]),
            ("\"data\": [2, 2, 1, 1, 1]", "\"data\": [2, 2, 1, 1]", ["bad.json:1:", "expected a list of 5 in the num_occurrences vector"]),
            ("\"num_rows\": 5", "\"num_rows\": 6", ["num_rows to match the 5 energies"]),
            ("\"variable_type\": \"BINARY\"", "\"variable_type\": \"DISCRETE\"", ["only spins and binaries"]),
            ("\"energy\": ", "\"energies\": ", ["expected key \"energy\""]),
        ]
        for (from, to, parts) in cases {
            let text = good.replacingOccurrences(of: from, with: to)
            XCTAssertNotEqual(text, good, "the fixture should contain \(from)")
            assertError({ _ = try DimodJSON.decodeSampleSet(text, name: "bad.json") }, contains: parts)
        }
    }

    // MARK: COO

    func testLoadsDimodCOOFiles() throws {
        let m = try COOFormat.load(fixture("model_binary.coo"))
        XCTAssertEqual(m.vartype, .binary)
        XCTAssertEqual(m.variables, [0, 1, 2, 5].map(Label.int))
        XCTAssertEqual(m.linear, [-1.0, 0, 0.5, 1.25])
        XCTAssertEqual(m.quadratic(.int(0), .int(1)), 1.0)
        XCTAssertEqual(m.quadratic(.int(1), .int(2)), -4.5)
        XCTAssertEqual(m.quadratic(.int(2), .int(5)), 0.75)
        let s = try COOFormat.load(fixture("model_spin.coo"))
        XCTAssertEqual(s.vartype, .spin)
        XCTAssertEqual(s.linear, [1.0, -2.0])
        XCTAssertEqual(s.quadratic(.int(0), .int(1)), -0.5)
        XCTAssertEqual(s.offset, 0)
        XCTAssertEqual(try COOFormat.load(fixture("model_spin.coo"), vartype: .spin), s)
    }

    func testCOORoundTripsWithoutExponents() throws {
        let labels: [Label] = [4, 0, 11, 3, 2, 7, 1, 9].map(Label.int)
        for vartype in [Vartype.spin, .binary] {
            var m = awkwardModel(vartype, labels: labels)
            m.addLinear(.int(3), 1e-20)
            let path = temp("model.coo")
            try COOFormat.save(m, to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("# vartype=\(vartype.rawValue)\n"))
            let data = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            XCTAssertEqual(data.count, m.count + m.interactions.count)
            XCTAssertFalse(data.contains { $0.contains("e") }, "dimod's COO reader takes no exponents:\n\(text)")
            let back = try COOFormat.load(path)
            XCTAssertEqual(back, m)
            assertSameEnergies(m, back)
        }
    }

    func testCOOErrors() throws {
        var m = BinaryQuadraticModel(vartype: .spin)
        m.addLinear(.string("a"), 1)
        assertError({ try COOFormat.save(m, to: temp("x.coo")) }, contains: ["x.coo", "variable \"a\"", "non-negative integers"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp("x.coo")))
        let bad = try write("# vartype=SPIN\n0 0 1.5\n1 x 2\n", to: "model.coo")
        assertError({ _ = try COOFormat.load(bad) }, contains: [bad + ":3: expected `i j bias`, found `1 x 2`"])
        assertError({ _ = try COOFormat.decode("0 1 2\n", name: "m.coo") }, contains: ["m.coo:", "vartype"])
        assertError({ _ = try COOFormat.decode("# vartype=SPIN\n0 1 2\n", name: "m.coo", vartype: .binary) }, contains: ["m.coo:1:", "SPIN", "BINARY"])
        assertError({ _ = try COOFormat.decode("# vartype=QUBIT\n", name: "m.coo") }, contains: ["m.coo:1:", "QUBIT"])
        assertError({ _ = try COOFormat.decode("# vartype=SPIN\n\n-1 2 0.5\n", name: "m.coo") }, contains: ["m.coo:3:", "non-negative"])
        assertError({ _ = try COOFormat.decode("# vartype=SPIN\n0 1 2 3\n", name: "m.coo") }, contains: ["m.coo:2:", "`0 1 2 3`"])
    }

    // MARK: qbsolv

    func testReadsQbsolvFile() throws {
        let text = """
        c a small problem
        p qubo 0 6 3 2
        c nodes
        0 0 1.5
        5 5 -2
        2 2 0.25
        c couplers
        0 2 -1e-3
        2 5 4
        """
        let m = try QbsolvFormat.decode(text, name: "small.qubo")
        XCTAssertEqual(m.vartype, .binary)
        XCTAssertEqual(m.variables, [0, 5, 2].map(Label.int))
        XCTAssertEqual(m.linear, [1.5, -2, 0.25])
        XCTAssertEqual(m.quadratic(.int(0), .int(2)), -0.001)
        XCTAssertEqual(m.quadratic(.int(5), .int(2)), 4)
        XCTAssertEqual(m.offset, 0)
    }

    func testQbsolvRoundTrips() throws {
        let labels: [Label] = [3, 0, 8, 1, 2, 6, 5].map(Label.int)
        let binary = awkwardModel(.binary, labels: labels)
        let path = temp("model.qubo")
        try QbsolvFormat.save(binary, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("\np qubo 0 9 7 \(binary.interactions.count)\n"), text)
        XCTAssertEqual(try QbsolvFormat.load(path), binary)
        // A spin model is saved as its QUBO: every energy survives (dyadic biases keep
        // the conversion exact).
        var spin = BinaryQuadraticModel(vartype: .spin)
        for (k, l) in labels.enumerated() { spin.addLinear(l, Double(k) * 0.25 - 1) }
        for k in 0..<(labels.count - 1) { spin.addQuadratic(labels[k], labels[k + 1], Double(k % 3) - 1.125) }
        spin.offset = 0.5
        try QbsolvFormat.save(spin, to: path)
        let back = try QbsolvFormat.load(path)
        XCTAssertEqual(back.vartype, .binary)
        XCTAssertEqual(back, spin.toQubo())
        for x in allStates(labels.count, .binary) {
            XCTAssertEqual(back.energy(x), spin.energy(x.map { 2 * $0 - 1 }), "state \(x)")
        }
    }

    func testMalformedQbsolvFiles() throws {
        let head = "c test\np qubo 0 4 2 1\n"
        let cases: [(String, [String])] = [
            ("0 0 1\n1 1 2\n", ["q.qubo:1:", "expected the program line", "found `0 0 1`"]),
            (head + "0 0 1\n1 1 2\n", ["q.qubo:2:", "declares 2 nodes and 1 couplers", "has 2 and 0"]),
            (head + "0 0 1\n1 1 2\n1 0 3\n", ["q.qubo:5:", "i < j", "`1 0 3`"]),
            (head + "0 0 1\n0 0 2\n0 1 3\n", ["q.qubo:4:", "node 0 appears twice (first on line 3)"]),
            (head + "0 0 1\n1 1 2\n0 4 3\n", ["q.qubo:5:", "node 4 is outside 0..<4"]),
            (head + "0 0 1\n1 1 two\n", ["q.qubo:4: expected `i j bias`, found `1 1 two`"]),
            ("p qubo 0 x 1 1\n", ["q.qubo:1:", "p qubo topology maxNodes nNodes nCouplers"]),
            (head + "p qubo 0 4 2 1\n", ["q.qubo:3:", "second program line"]),
        ]
        for (text, parts) in cases {
            assertError({ _ = try QbsolvFormat.decode(text, name: "q.qubo") }, contains: parts)
        }
        var labelled = BinaryQuadraticModel(vartype: .binary)
        labelled.addLinear(.int(-2), 1)
        assertError({ _ = try QbsolvFormat.encode(labelled, name: "neg.qubo") }, contains: ["neg.qubo", "variable -2"])
    }

    // MARK: NumPy .npy

    func testLoadsNumPyFilesOfEveryDtype() throws {
        let states = try Npy.load(fixture("int8_states.npy"))
        XCTAssertEqual(states.shape, [2, 3])
        XCTAssertEqual(states.storage, .int8([1, -1, 1, -1, -1, 1]))
        XCTAssertEqual(try Npy.load(fixture("int32_vector.npy")).storage, .int32([0, -7, Int32.max, Int32.min]))
        let m64 = try Npy.load(fixture("int64_matrix.npy"))
        XCTAssertEqual(m64.shape, [3, 2])
        XCTAssertEqual(m64.storage, .int64([1, 2, 3, -(1 << 62), 5, 6]))
        XCTAssertEqual(try Npy.load(fixture("float32_vector.npy")).storage, .float32([0.1, -2.5, 3e38]))
        let f64 = try Npy.load(fixture("float64_matrix.npy"))
        XCTAssertEqual(f64.shape, [2, 3])
        XCTAssertEqual(f64.values.map(\.bitPattern), [0.1, 1.0 / 3.0, -1e-300, 2.0, .infinity, -0.0].map(\.bitPattern))
        let flags = try Npy.load(fixture("bool_matrix.npy"))
        XCTAssertEqual(flags.shape, [3, 2])
        XCTAssertEqual(flags.storage, .bool([true, false, false, true, true, true]))
        XCTAssertEqual(flags.values, [1, 0, 0, 1, 1, 1])
        let v2 = try Npy.load(fixture("version2_vector.npy"))
        XCTAssertEqual(v2.storage, .float64([1.5, -2.5]))
    }

    func testWritesNumPyFilesByteForByte() throws {
        for name in ["int8_states.npy", "int32_vector.npy", "int64_matrix.npy", "float32_vector.npy", "float64_matrix.npy", "bool_matrix.npy"] {
            let original = try FileIO.readBytes(fixture(name))
            let array = try Npy.decode(original, name: name)
            XCTAssertEqual(Npy.encode(array), original, name)
        }
    }

    func testNpyRoundTripsEveryDtype() throws {
        let arrays: [NpyArray] = [
            try NpyArray(shape: [4], storage: .int8([-128, 0, 1, 127])),
            try NpyArray(shape: [2, 2], storage: .int32([Int32.min, -1, 0, Int32.max])),
            try NpyArray(shape: [1, 3], storage: .int64([Int64.min, 0, Int64.max])),
            try NpyArray(shape: [3], storage: .float32([.leastNonzeroMagnitude, -1.5, .greatestFiniteMagnitude])),
            try NpyArray(shape: [2, 3], storage: .float64([0.1, -0.0, .leastNonzeroMagnitude, 1e308, .infinity, -2])),
            try NpyArray(shape: [0], storage: .float64([])),
            try NpyArray(shape: [2, 1], storage: .bool([true, false])),
            try NpyArray(rows: [[1, 2, 3], [4, 5, 6]]),
            NpyArray(vector: [1.0 / 3.0]),
        ]
        for (k, a) in arrays.enumerated() {
            let path = temp("a\(k).npy")
            try Npy.save(a, to: path)
            let bytes = try FileIO.readBytes(path)
            XCTAssertEqual((10 + Int(bytes[8]) + Int(bytes[9]) * 256) % 64, 0, "data aligned to 64 bytes")
            XCTAssertEqual(try Npy.load(path), a)
        }
        let samples = SampleSet(variables: [.int(0), .int(1)], vartype: .spin, states: [1, -1, -1, -1, 1, 1], energies: [0, 1, 2])
        let fromSamples = NpyArray(states: samples)
        XCTAssertEqual(fromSamples.shape, [3, 2])
        XCTAssertEqual(fromSamples.storage, .int8([1, -1, -1, -1, 1, 1]))
    }

    func testRejectsFortranOrderAndBadNpyFiles() throws {
        let fortran = fixture("fortran_matrix.npy")
        assertError({ _ = try Npy.load(fortran) }, contains: [fortran + ":", "Fortran", "not supported"])
        assertError({ _ = try Npy.load(fixture("cube.npy")) }, contains: ["cube.npy", "1-D or 2-D", "(2, 2, 2)"])
        let good = try FileIO.readBytes(fixture("float64_matrix.npy"))
        assertError({ _ = try Npy.decode(Array(good.dropLast(3)), name: "cut.npy") }, contains: ["cut.npy:", "expected 48 bytes", "found 45"])
        assertError({ _ = try Npy.decode(Array("hello world".utf8), name: "text.npy") }, contains: ["text.npy:", "\\x93NUMPY"])
        var badType = good
        let descr = try XCTUnwrap((0..<64).first { Array(good[$0..<($0 + 3)]) == Array("<f8".utf8) })
        badType[descr + 1] = UInt8(ascii: "c")
        assertError({ _ = try Npy.decode(badType, name: "complex.npy") }, contains: ["complex.npy:", "'<c8' is not supported"])
        var badHeader = good
        badHeader[10] = UInt8(ascii: "[")
        assertError({ _ = try Npy.decode(badHeader, name: "header.npy") }, contains: ["header.npy: header, column 1:", "expected `{`"])
        var badBool = try FileIO.readBytes(fixture("bool_matrix.npy"))
        badBool[badBool.count - 1] = 7
        assertError({ _ = try Npy.decode(badBool, name: "b.npy") }, contains: ["b.npy: byte 133:", "found 7"])
        XCTAssertThrowsError(try NpyArray(shape: [2, 2], storage: .int8([1, 2, 3])))
        XCTAssertThrowsError(try NpyArray(shape: [1, 1, 1], storage: .int8([1])))
    }

    // MARK: CSV

    func testLoadsCSVWrittenByPython() throws {
        let t = try CSV.load(fixture("table.csv"))
        XCTAssertEqual(t.columns, ["beta", "label", "energy", "note"])
        XCTAssertEqual(t.rows, [
            [.double(0.5), .text("plain"), .double(-1.25), .text("")],
            [.int(1), .text("say \"hi\", twice"), .int(3), .text("two\nlines")],
            [.double(2.0), .text("a,b"), .double(1e-05), .text("'single'")],
        ])
        XCTAssertEqual(t.column("energy")?.compactMap(\.number), [-1.25, 3, 1e-05])
    }

    func testCSVRoundTripsQuotesAndNumbers() throws {
        let t = try CSVTable(columns: ["name, with comma", "value", "\"quoted\""], rows: [
            [.text("12"), .int(-3), .text("")],
            [.text(" padded "), .double(0.1), .text("line\nbreak")],
            [.text("say \"x\""), .double(-.infinity), .text("\r\n")],
            [.text("plain"), .double(1e300), .text("nan")],
        ])
        let path = temp("table.csv")
        try CSV.save(t, to: path)
        XCTAssertEqual(try CSV.load(path), t)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("\"name, with comma\",value,\"\"\"quoted\"\"\"\n\"12\",-3,\n"), text)
        let single = try CSVTable(columns: ["only"], rows: [[.text("")], [.int(1)]])
        try CSV.save(single, to: path)
        XCTAssertEqual(try CSV.load(path), single)
    }

    func testMalformedCSV() throws {
        assertError({ _ = try CSV.decode("a,b\n1,2\n\"x\ny\",3,4\n", name: "t.csv") }, contains: ["t.csv:3: expected 2 fields (as in the header), found 3"])
        assertError({ _ = try CSV.decode("a,b\n1,\"open\n2,3\n", name: "t.csv") }, contains: ["t.csv:2:3:", "closing `\"`"])
        assertError({ _ = try CSV.decode("a,b\n\"x\"y,2\n", name: "t.csv") }, contains: ["t.csv:2:4:", "after a quoted field"])
        assertError({ _ = try CSV.decode("a,b\n1,x\"y\n", name: "t.csv") }, contains: ["t.csv:2:4:", "inside an unquoted field"])
        assertError({ _ = try CSV.decode("", name: "t.csv") }, contains: ["t.csv:1:", "header"])
        let crlf = try CSV.decode("a,b\r\n1,2\r\n\r\n3,x\r\n", name: "t.csv")
        XCTAssertEqual(crlf.rows, [[.int(1), .int(2)], [.int(3), .text("x")]])
    }

    // MARK: Choosing a format by extension

    func testModelFilesPickTheFormatFromTheExtension() throws {
        var m = BinaryQuadraticModel(vartype: .binary)
        m.addLinear(.int(1), 0.5)
        m.addQuadratic(.int(1), .int(0), -2)
        m.offset = 1.25
        for ext in ["json", "coo", "QUBO"] {
            let path = temp("m.\(ext)")
            try ModelFiles.save(m, to: path)
            XCTAssertEqual(try ModelFiles.loadModel(path), m, ext)
        }
        XCTAssertTrue(try String(contentsOfFile: temp("m.coo"), encoding: .utf8).hasPrefix("# vartype=BINARY"))
        XCTAssertTrue(try String(contentsOfFile: temp("m.QUBO"), encoding: .utf8).contains("p qubo 0 2 2 1"))
        assertError({ try ModelFiles.save(m, to: self.temp("m.txt")) }, contains: ["m.txt", ".json, .coo, .qubo"])
        try ModelFiles.save(m, to: temp("m.txt"), format: .coo)
        XCTAssertEqual(try ModelFiles.loadModel(temp("m.txt"), format: .coo), m)
    }

    // MARK: Atomic saves

    func testSavesReplaceFilesWholeAndReportWriteErrors() throws {
        let path = temp("model.json")
        var m = BinaryQuadraticModel(vartype: .spin)
        m.addQuadratic(.int(0), .int(1), -1)
        try DimodJSON.save(m, to: path)
        m.addLinear(.int(2), 0.5)
        try DimodJSON.save(m, to: path)
        XCTAssertEqual(try DimodJSON.loadModel(path), m)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), ["model.json"], "no temporary files left")

        // A save that fails while encoding leaves the previous file untouched.
        let before = try String(contentsOfFile: path, encoding: .utf8)
        var named = m
        named.addLinear(.string("s"), 1)
        XCTAssertThrowsError(try COOFormat.save(named, to: path))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), before)

        assertError({ try DimodJSON.save(m, to: self.temp("no/such/dir/m.json")) }, contains: ["cannot write", "m.json", "does not exist"])
        try FileManager.default.createDirectory(atPath: temp("adir"), withIntermediateDirectories: false)
        assertError({ try CSV.save(try CSVTable(columns: ["a"]), to: self.temp("adir")) }, contains: ["cannot write", "adir", "directory"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp("adir")), [])
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: scratch)), ["model.json", "adir"])
    }

    func testUnreadableFilesNameThePath() throws {
        assertError({ _ = try Npy.load(temp("none.npy")) }, contains: ["cannot read", "none.npy", "no such file"])
        let latin1 = temp("latin1.coo")
        try Data([0x23, 0x0A, 0x30, 0x20, 0x30, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        assertError({ _ = try COOFormat.load(latin1) }, contains: [latin1 + ":2:", "UTF-8"])
    }
}

/// A tiny deterministic generator for test data, independent of the library's.
private struct Xorshift {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

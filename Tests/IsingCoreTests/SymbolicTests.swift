import XCTest
@testable import IsingCore

/// Symbolic polynomials, quadratization and constraints, checked against direct
/// evaluation written here (products of raw ±1 / 0/1 values, no reduction rules).
final class SymbolicTests: XCTestCase {
    // MARK: Helpers (independent of the code under test)

    /// Every assignment of n variables with the given values, first variable slowest.
    func allStates(_ n: Int, _ vartype: Vartype) -> [[Int]] {
        let (lo, hi) = vartype == .spin ? (-1, 1) : (0, 1)
        var out: [[Int]] = [[]]
        for _ in 0..<n { out = out.flatMap { [$0 + [lo], $0 + [hi]] } }
        return out
    }

    func assignment(_ state: [Int]) -> [Label: Int] {
        var a: [Label: Int] = [:]
        for (i, x) in state.enumerated() { a[.int(i)] = x }
        return a
    }

    /// Σ c · Π state[i] with repeated indices multiplied as they are.
    func direct(_ terms: [([Int], Double)], _ state: [Int]) -> Double {
        terms.reduce(0) { sum, term in sum + term.0.reduce(term.1) { $0 * Double(state[$1]) } }
    }

    /// Random terms over n variables with up to `maxDegree` factors, repeats allowed,
    /// small integer coefficients (so sums are exact).
    func randomTerms(_ rng: inout Xoshiro256, variables n: Int, terms count: Int, maxDegree: Int) -> [([Int], Double)] {
        (0..<count).map { _ in
            let d = rng.nextInt(below: maxDegree + 1)
            let factors = (0..<d).map { _ in rng.nextInt(below: n) }
            var c = Double(rng.nextInt(below: 9) - 4)
            if c == 0 { c = 5 }
            return (factors, c)
        }
    }

    func polynomial(_ terms: [([Int], Double)], _ vartype: Vartype) -> Polynomial {
        Polynomial(vartype: vartype, terms: terms.map { ($0.0.map { Label.int($0) }, $0.1) })
    }

    /// Terms with exactly the given distinct factor sets (for quadratization tests).
    func randomHigherOrder(_ rng: inout Xoshiro256, variables n: Int, terms count: Int, degree: Int) -> [([Int], Double)] {
        (0..<count).map { k in
            var chosen: [Int] = []
            let d = k % 3 == 0 ? degree : 1 + rng.nextInt(below: degree)
            while chosen.count < d {
                let v = rng.nextInt(below: n)
                if !chosen.contains(v) { chosen.append(v) }
            }
            return (chosen, Double(rng.nextInt(below: 11) - 5) + 0.5)
        }
    }

    // MARK: Algebra

    func testSquaredSpinSumExpandsAndMatchesDirectValues() throws {
        let s = Polynomial.spins(2)
        let p = try (s[0] + s[1] - 1).power(2)
        XCTAssertEqual(p.coefficient(of: [.int(0), .int(1)]), 2)
        XCTAssertEqual(p.coefficient(of: [.int(0)]), -2)
        XCTAssertEqual(p.coefficient(of: [.int(1)]), -2)
        XCTAssertEqual(p.constant, 3)
        XCTAssertEqual(p.termCount, 4)
        XCTAssertEqual(p.description, "2*s[0]*s[1] - 2*s[0] - 2*s[1] + 3")
        for st in allStates(2, .spin) {
            let direct = Double(st[0] + st[1] - 1)
            XCTAssertEqual(try p.value(assignment(st)), direct * direct)
        }
    }

    func testSquaredBinarySumUsesIdempotence() throws {
        let x = Polynomial.binaries(2)
        let p = try (x[0] + x[1] - 1).power(2)
        XCTAssertEqual(p, Polynomial(vartype: .binary, terms: [([.int(0), .int(1)], 2), ([.int(0)], -1), ([.int(1)], -1), ([], 1)]))
        for st in allStates(2, .binary) {
            let direct = Double(st[0] + st[1] - 1)
            XCTAssertEqual(try p.value(assignment(st)), direct * direct)
        }
    }

    func testReductionRules() throws {
        let s = Polynomial.spin(.string("a")), x = Polynomial.binary(.string("b"))
        XCTAssertEqual(try s * s, Polynomial(constant: 1).withVartype(.spin))
        XCTAssertEqual(try s.power(2).constant, 1)
        XCTAssertEqual(try s.power(2).degree, 0)
        XCTAssertEqual(try s.power(7), s)
        XCTAssertEqual(try s.power(0).constant, 1)
        XCTAssertEqual(try x * x, x)
        XCTAssertEqual(try x.power(9), x)
        XCTAssertEqual(try (2 * x).power(3), 8 * x)
        XCTAssertEqual(try (3 * s).power(3), 27 * s)
        // Reduction inside a single constructed term.
        XCTAssertEqual(Polynomial(vartype: .spin, terms: [([.int(1), .int(0), .int(1)], 2)]),
                       2 * Polynomial.spin(.int(0)))
        XCTAssertEqual(Polynomial(vartype: .binary, terms: [([.int(1), .int(0), .int(1)], 2)]).degree, 2)
    }

    func testRandomExpressionsMatchDirectEvaluationOnEveryState() throws {
        var rng = Xoshiro256(seed: 11)
        for vartype in [Vartype.spin, .binary] {
            for _ in 0..<20 {
                let ta = randomTerms(&rng, variables: 5, terms: 5, maxDegree: 3)
                let tb = randomTerms(&rng, variables: 5, terms: 4, maxDegree: 3)
                let tc = randomTerms(&rng, variables: 5, terms: 3, maxDegree: 2)
                let a = polynomial(ta, vartype), b = polynomial(tb, vartype), c = polynomial(tc, vartype)
                let lhs = try a * (b + c)                       // distributivity
                let rhs = try a * b + a * c
                let assoc1 = try (a * b) * c, assoc2 = try a * (b * c)
                let cube = try (a - b).power(3)
                let scaled = 2.5 * (-a) - 1
                for st in allStates(5, vartype) {
                    let va = direct(ta, st), vb = direct(tb, st), vc = direct(tc, st)
                    let env = assignment(st)
                    XCTAssertEqual(try lhs.value(env), va * (vb + vc), accuracy: 1e-9)
                    XCTAssertEqual(try rhs.value(env), va * (vb + vc), accuracy: 1e-9)
                    XCTAssertEqual(try assoc1.value(env), va * vb * vc, accuracy: 1e-9)
                    XCTAssertEqual(try assoc2.value(env), va * vb * vc, accuracy: 1e-9)
                    XCTAssertEqual(try cube.value(env), (va - vb) * (va - vb) * (va - vb), accuracy: 1e-6)
                    XCTAssertEqual(try scaled.value(env), -2.5 * va - 1, accuracy: 1e-9)
                }
                XCTAssertEqual(lhs, rhs)   // integer coefficients: exact
                XCTAssertLessThanOrEqual(lhs.degree, 5)
            }
        }
    }

    func testPowerBySquaringMatchesRepeatedProduct() throws {
        var rng = Xoshiro256(seed: 5)
        for vartype in [Vartype.spin, .binary] {
            let p = polynomial(randomTerms(&rng, variables: 4, terms: 4, maxDegree: 2), vartype)
            XCTAssertEqual(try p.power(0).constant, 1)
            XCTAssertEqual(try p.power(0).termCount, 1)
            XCTAssertEqual(try p.power(0).vartype, vartype)
            var repeated = p
            for k in 1...6 {
                XCTAssertEqual(try p.power(k), repeated, "k = \(k)")
                repeated = try repeated * p
            }
        }
    }

    func testVariablesInFirstAppearanceOrderAndKeptAfterCancellation() throws {
        let s = Polynomial.spins(3)
        let p = try (s[2] + s[0]) * s[1]
        XCTAssertEqual(p.variables, [.int(2), .int(0), .int(1)])
        let zero = try s[1] - s[1]
        XCTAssertEqual(zero.termCount, 0)
        XCTAssertEqual(zero.variables, [.int(1)])
        XCTAssertEqual(zero.vartype, .spin)
        XCTAssertEqual(zero.description, "0")
        XCTAssertEqual(try Polynomial.sum(s).degree, 1)
        XCTAssertEqual(Polynomial(constant: 4).vartype, nil)
    }

    func testDegreeAndStringLabels() throws {
        let a = Polynomial.binary(.string("a")), b = Polynomial.binary(.string("b")), c = Polynomial.binary(.string("c"))
        let p = try a * b * c + 2 * a - 0.5
        XCTAssertEqual(p.degree, 3)
        XCTAssertEqual(p.description, "a*b*c + 2*a - 0.5")
        XCTAssertEqual(try p.value([.string("a"): 1, .string("b"): 1, .string("c"): 1]), 2.5)
        XCTAssertThrowsError(try p.value([.string("a"): 1, .string("b"): 1])) { e in
            XCTAssertTrue("\(e)".contains("c"), "\(e)")
        }
        XCTAssertThrowsError(try p.value([.string("a"): -1, .string("b"): 1, .string("c"): 0]))
    }

    // MARK: Models and conversion

    func testToBQMEnergiesEqualPolynomialValues() throws {
        var rng = Xoshiro256(seed: 3)
        for vartype in [Vartype.spin, .binary] {
            for _ in 0..<10 {
                let terms = randomTerms(&rng, variables: 5, terms: 8, maxDegree: 2)
                let p = polynomial(terms, vartype)
                let model = try p.toBQM()
                XCTAssertEqual(model.vartype, vartype)
                XCTAssertEqual(model.variables, p.variables)
                let other = try p.toBQM(vartype: vartype == .spin ? .binary : .spin)
                for st in allStates(model.count, vartype) {
                    var env: [Label: Int] = [:]
                    for (i, v) in model.variables.enumerated() { env[v] = st[i] }
                    let value = try p.value(env)
                    XCTAssertEqual(model.energy(st.map { Int8($0) }), value, accuracy: 1e-9)
                    let converted = st.map { Int8(vartype == .spin ? ($0 + 1) / 2 : 2 * $0 - 1) }
                    XCTAssertEqual(other.energy(converted), value, accuracy: 1e-9)
                }
                // And back: the polynomial of the model is the same polynomial.
                XCTAssertEqual(Polynomial(model), p)
            }
        }
    }

    func testPolynomialFromBQMKeepsEnergies() throws {
        var m = BinaryQuadraticModel(vartype: .spin)
        m.addLinear(.string("u"), 0.5)
        m.addQuadratic(.string("u"), .int(3), -1.25)
        m.addQuadratic(.int(3), .string("w"), 2)
        m.offset = 0.75
        let p = Polynomial(m)
        XCTAssertEqual(p.variables, m.variables)
        XCTAssertEqual(p.vartype, .spin)
        for st in allStates(3, .spin) {
            var env: [Label: Int] = [:]
            for (i, v) in m.variables.enumerated() { env[v] = st[i] }
            XCTAssertEqual(try p.value(env), m.energy(st.map { Int8($0) }), accuracy: 1e-12)
        }
    }

    func testSpinBinaryConversionPreservesEveryValue() throws {
        var rng = Xoshiro256(seed: 9)
        for _ in 0..<10 {
            let terms = randomTerms(&rng, variables: 5, terms: 8, maxDegree: 4)
            let spin = polynomial(terms, .spin)
            let binary = try spin.converted(to: .binary)
            let back = try binary.converted(to: .spin)
            XCTAssertEqual(binary.vartype, .binary)
            XCTAssertEqual(binary.degree, spin.degree)
            for st in allStates(5, .spin) {
                let v = direct(terms, st)
                XCTAssertEqual(try binary.value(assignment(st.map { ($0 + 1) / 2 })), v, accuracy: 1e-9)
                XCTAssertEqual(try back.value(assignment(st)), v, accuracy: 1e-9)
            }
            XCTAssertEqual(back, spin)   // small integers: exact round trip

            let bterms = randomTerms(&rng, variables: 5, terms: 8, maxDegree: 4)
            let b = polynomial(bterms, .binary)
            let s = try b.converted(to: .spin)
            for st in allStates(5, .binary) {
                XCTAssertEqual(try s.value(assignment(st.map { 2 * $0 - 1 })), direct(bterms, st), accuracy: 1e-9)
            }
        }
    }

    func testValuesOnSampleSetRowsAcrossVartypes() throws {
        let x = Polynomial.binaries(3)
        let p = try x[0] * x[1] * x[2] + 2 * x[1] - x[2]
        let rows: [[Int8]] = [[0, 0, 0], [1, 1, 1], [0, 1, 1], [1, 0, 1]]
        let binarySet = SampleSet(variables: [.int(2), .int(0), .int(1)], vartype: .binary,
                                  states: rows.flatMap { $0 }, energies: [0, 0, 0, 0])
        let spinSet = SampleSet(variables: [.int(2), .int(0), .int(1)], vartype: .spin,
                                states: rows.flatMap { $0.map { 2 * $0 - 1 } }, energies: [0, 0, 0, 0])
        let expected = try rows.map { r in try p.value([.int(2): Int(r[0]), .int(0): Int(r[1]), .int(1): Int(r[2])]) }
        XCTAssertEqual(try p.values(binarySet), expected)
        XCTAssertEqual(try p.values(spinSet), expected)
        XCTAssertEqual(expected, [0, 2, 2, 1])
    }

    // MARK: Quadratization

    /// Checks min over auxiliaries == original for every assignment, and that every
    /// other auxiliary assignment costs at least `gap` more.
    func assertQuadratizationExact(_ p: Polynomial, _ q: Quadratization, gap: Double,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let vartype = p.vartype ?? .binary
        let model = q.model
        XCTAssertLessThanOrEqual(q.polynomial.degree, 2, file: file, line: line)
        XCTAssertEqual(model.variables, p.variables + q.auxiliaries.map(\.label), file: file, line: line)
        let n = p.variables.count, k = q.auxiliaries.count
        XCTAssertLessThanOrEqual(k, 14, "too many auxiliaries for an exhaustive check", file: file, line: line)
        let auxStates = allStates(k, vartype)
        for st in allStates(n, vartype) {
            var env: [Label: Int] = [:]
            for (i, v) in p.variables.enumerated() { env[v] = st[i] }
            let original = try p.value(env)
            let best = try q.auxiliaryValues(env)
            let bestState = q.auxiliaries.map { best[$0.label] ?? 99 }
            var minimum = Double.infinity
            for aux in auxStates {
                let e = model.energy((st + aux).map { Int8($0) })
                minimum = min(minimum, e)
                if aux != bestState {
                    XCTAssertGreaterThanOrEqual(e, original + gap - 1e-9, "state \(st), aux \(aux)", file: file, line: line)
                } else {
                    XCTAssertEqual(e, original, accuracy: 1e-9, file: file, line: line)
                }
            }
            XCTAssertEqual(minimum, original, accuracy: 1e-9, "state \(st)", file: file, line: line)
            XCTAssertEqual(try q.polynomial.value(try q.completed(env)), original, accuracy: 1e-9, file: file, line: line)
        }
    }

    func testQuadratizeRandomCubicAndQuarticBinaryPolynomialsExhaustively() throws {
        var rng = Xoshiro256(seed: 2024)
        for trial in 0..<12 {
            let n = 5 + trial % 2
            let degree = trial < 6 ? 3 : 4
            let terms = randomHigherOrder(&rng, variables: n, terms: 7, degree: degree)
            let p = polynomial(terms, .binary)
            XCTAssertEqual(p.degree, degree)
            let q = try p.quadratized()
            XCTAssertFalse(q.auxiliaries.isEmpty)
            XCTAssertTrue(q.warnings.isEmpty)
            XCTAssertEqual(q.polynomial.vartype, .binary)
            // Default rule: each auxiliary's strength is 1 + Σ|c| of the terms it replaced.
            for aux in q.auxiliaries {
                XCTAssertEqual(aux.strength, aux.safeStrength)
                XCTAssertGreaterThanOrEqual(aux.strength, 1.5)
            }
            try assertQuadratizationExact(p, q, gap: 1)
        }
    }

    func testQuadratizeSpinPolynomialStaysSpin() throws {
        var rng = Xoshiro256(seed: 77)
        for _ in 0..<4 {
            let terms = randomHigherOrder(&rng, variables: 5, terms: 5, degree: 3)
            let p = polynomial(terms, .spin)
            let q = try p.quadratized()
            XCTAssertEqual(q.polynomial.vartype, .spin)
            XCTAssertEqual(q.model.vartype, .spin)
            try assertQuadratizationExact(p, q, gap: 1)
        }
    }

    func testQuadratizeGreedyChoiceNamesAndDefaultStrength() throws {
        let x = Polynomial.binaries(4)
        // x0 x1 occurs in both cubic terms, so it is replaced first.
        let p = try x[0] * x[1] * x[2] - 2 * (x[0] * x[1] * x[3]) + x[2] * x[3]
        let q = try p.quadratized()
        XCTAssertEqual(q.auxiliaries.count, 1)
        let aux = try XCTUnwrap(q.auxiliaries.first)
        XCTAssertEqual(aux.label, .string("aux(0*1)"))
        XCTAssertEqual(aux.factors, [.int(0), .int(1)])
        XCTAssertEqual(aux.strength, 4)   // 1 + |1| + |-2|
        XCTAssertEqual(aux.replacedTerms, 2)
        let y = Label.string("aux(0*1)")
        let expected = Polynomial(vartype: .binary, terms: [
            ([y, .int(2)], 1), ([y, .int(3)], -2), ([.int(2), .int(3)], 1),
            ([.int(0), .int(1)], 4), ([.int(0), y], -8), ([.int(1), y], -8), ([y], 12),
        ])
        XCTAssertEqual(q.polynomial, expected)
        XCTAssertEqual(q.model.variables, [.int(0), .int(1), .int(2), .int(3), y])
    }

    func testQuadratizeNestedAuxiliaryNamesAndCollisions() throws {
        let x = Polynomial.binaries(5)
        let quintic = try x[0] * x[1] * x[2] * x[3] * x[4]
        let q = try quintic.quadratized()
        XCTAssertEqual(q.auxiliaries.map(\.label), [.string("aux(0*1)"), .string("aux(2*3)"), .string("aux(4*aux(0*1))")])
        try assertQuadratizationExact(quintic, q, gap: 1)

        let taken = Polynomial.binary(.string("aux(0*1)"))
        let p = try x[0] * x[1] * x[2] + taken
        let r = try p.quadratized()
        XCTAssertEqual(r.auxiliaries.map(\.label), [.string("aux(0*1)'")])
        try assertQuadratizationExact(p, r, gap: 1)
    }

    func testQuadratizeWithExplicitStrength() throws {
        let x = Polynomial.binaries(3)
        let p = try -5 * (x[0] * x[1] * x[2])
        let strong = try p.quadratized(strength: 10)
        XCTAssertTrue(strong.warnings.isEmpty)
        XCTAssertEqual(strong.auxiliaries.first?.strength, 10)
        try assertQuadratizationExact(p, strong, gap: 4)
        // Too weak: warned, and at x = (0, 0, 1), where the original is 0, the auxiliary
        // set to 1 gives -5 + 3 = -2.
        let weak = try p.quadratized(strength: 1)
        XCTAssertEqual(weak.warnings.count, 1)
        XCTAssertTrue(weak.warnings[0].contains("aux(0*1)"), weak.warnings[0])
        XCTAssertEqual(weak.model.energy([0, 0, 1, 1]), -2)
        XCTAssertThrowsError(try p.quadratized(strength: 0))
        XCTAssertThrowsError(try p.quadratized(strength: .nan))
    }

    func testQuadraticPolynomialNeedsNoAuxiliaries() throws {
        let s = Polynomial.spins(3)
        let p = try s[0] * s[1] - s[2] + 1
        let q = try p.quadratized()
        XCTAssertTrue(q.auxiliaries.isEmpty)
        XCTAssertEqual(q.polynomial, p)
        XCTAssertEqual(q.model, try p.toBQM())
    }

    // MARK: Constraints

    func testOneHotConstraintReportsViolationsOnEveryState() throws {
        let x = Polynomial.binaries(3)
        let oneHot = try Constraint(Polynomial.sum(x), equals: 1, strength: 2, name: "one-hot")
        let penalty = try oneHot.penalty()
        var model = try ConstrainedModel(objective: x[2] - x[0])
        try model.add(oneHot)
        let total = try model.polynomial()
        for st in allStates(3, .binary) {
            let sum = st.reduce(0, +)
            let env = assignment(st)
            XCTAssertEqual(try penalty.value(env), 2 * Double((sum - 1) * (sum - 1)))
            XCTAssertEqual(try total.value(env), Double(st[2] - st[0]) + 2 * Double((sum - 1) * (sum - 1)))
            let broken = try model.violations(env)
            if sum == 1 {
                XCTAssertEqual(broken, [])
                XCTAssertTrue(try model.isFeasible(env))
            } else {
                XCTAssertEqual(broken, ["one-hot: value \(sum), must be 1"])
            }
        }
        // The penalised model's ground state is feasible and the best feasible one.
        let bqm = try total.toBQM()
        XCTAssertEqual(bqm.variables, [.int(2), .int(0), .int(1)])
        let best = allStates(3, .binary).min { bqm.energy($0.map { Int8($0) }) < bqm.energy($1.map { Int8($0) }) }
        XCTAssertEqual(best, [0, 1, 0])   // x2 = 0, x0 = 1, x1 = 0
    }

    func testMaxCutWithConstraintsOnSampleRows() throws {
        // Max-cut on a 5-cycle as a QUBO: each cut edge lowers the energy by 1.
        let x = Polynomial.binaries(5)
        var cut = Polynomial()
        for i in 0..<5 {
            let j = (i + 1) % 5
            try cut.add(try 2 * (x[i] * x[j]) - x[i] - x[j])
        }
        let bqm = try cut.toBQM()
        let energies = allStates(5, .binary).map { bqm.energy($0.map { Int8($0) }) }
        XCTAssertEqual(energies.min(), -4)

        // Side conditions: vertex 0 on side 0 (zero form), and exactly two vertices on side 1.
        var model = try ConstrainedModel(objective: cut)
        try model.add(Constraint(penalty: x[0], strength: 3, name: "x0 fixed"))
        try model.add(Constraint(Polynomial.sum(x), equals: 2, strength: 3))
        XCTAssertEqual(model.constraints[1].name, "x[0] + x[1] + x[2] + x[3] + x[4] = 2")
        let rows: [[Int8]] = [[0, 1, 0, 1, 0], [1, 0, 1, 0, 0], [1, 1, 1, 0, 0], [0, 0, 0, 0, 0]]
        let samples = SampleSet(variables: (0..<5).map { .int($0) }, vartype: .binary,
                                states: rows.flatMap { $0 }, energies: [Double](repeating: 0, count: 4))
        let report = try model.violations(in: samples)
        XCTAssertEqual(report.map { $0.map(\.description) }, [
            [],
            ["x0 fixed: value 1, must be 0"],
            ["x0 fixed: value 1, must be 0", "x[0] + x[1] + x[2] + x[3] + x[4] = 2: value 3, must be 2"],
            ["x[0] + x[1] + x[2] + x[3] + x[4] = 2: value 0, must be 2"],
        ])
        // The same rows given as spins are read through s = 2x − 1.
        let spinSamples = SampleSet(variables: (0..<5).map { .int($0) }, vartype: .spin,
                                    states: rows.flatMap { $0.map { 2 * $0 - 1 } }, energies: [Double](repeating: 0, count: 4))
        XCTAssertEqual(try model.violations(in: spinSamples), report)
        // The penalised model's optimum is feasible and still cuts 4 edges (e.g. x1 = x3 = 1).
        let total = try model.polynomial().toBQM()
        var bestEnergy = Double.infinity, bestState: [Int] = []
        for st in allStates(5, .binary) {
            let e = total.energy(st.map { Int8($0) })
            if e < bestEnergy { bestEnergy = e; bestState = st }
        }
        XCTAssertEqual(try model.violations(assignment(bestState)), [])
        XCTAssertEqual(bestEnergy, -4)
    }

    func testConstraintArgumentErrors() throws {
        let x = Polynomial.binaries(2), s = Polynomial.spins(2)
        XCTAssertThrowsError(try Constraint(x[0], equals: 1, strength: 0))
        XCTAssertThrowsError(try Constraint(penalty: x[0], strength: -1))
        var model = try ConstrainedModel(objective: s[0] * s[1])
        XCTAssertThrowsError(try model.add(Constraint(x[0] + x[1], equals: 1))) { e in
            XCTAssertTrue("\(e)".contains("spin") && "\(e)".contains("binary"), "\(e)")
        }
    }

    // MARK: Errors

    func testMixingSpinAndBinaryIsAnError() throws {
        let s = Polynomial.spin(.string("s")), x = Polynomial.binary(.string("x"))
        XCTAssertThrowsError(try s + x) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("spin") && text.contains("binary") && text.contains("s = 2x − 1"), text)
        }
        XCTAssertThrowsError(try s * x)
        XCTAssertThrowsError(try x - s)
        // Constants combine with either, and explicit conversion makes mixing possible.
        XCTAssertEqual((s + 2).vartype, .spin)
        XCTAssertEqual(try (Polynomial(constant: 2) * x).vartype, .binary)
        let mixed = try s + x.converted(to: .spin)
        XCTAssertEqual(try mixed.value([.string("s"): 1, .string("x"): -1]), 1 + 0)
    }

    func testDegreeAboveTwoNeedsQuadratize() throws {
        let s = Polynomial.spins(3)
        let p = try s[0] * s[1] * s[2]
        XCTAssertThrowsError(try p.toBQM()) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("degree 3") && text.contains("quadratize"), text)
        }
        XCTAssertNoThrow(try p.quadratized().model)
    }

    func testPowerAndSizeGuards() throws {
        let s = Polynomial.spins(30)
        XCTAssertThrowsError(try s[0].power(-1))
        let sum = try Polynomial.sum(s)
        XCTAssertThrowsError(try sum.power(8)) { e in
            XCTAssertTrue("\(e)".contains("too large"), "\(e)")
        }
        let a = try Polynomial.sum((0..<1_100).map { Polynomial.binary(.string("a\($0)")) })
        let b = try Polynomial.sum((0..<1_100).map { Polynomial.binary(.string("b\($0)")) })
        XCTAssertThrowsError(try a * b) { e in
            XCTAssertTrue("\(e)".contains("1,000,000"), "\(e)")
        }
        XCTAssertThrowsError(try (Polynomial(constant: 10) + s[0]).power(400)) { e in
            XCTAssertTrue("\(e)".contains("overflow"), "\(e)")
        }
    }
}

extension Polynomial {
    /// Test helper: an untyped constant given a vartype by conversion.
    fileprivate func withVartype(_ v: Vartype) -> Polynomial {
        (try? converted(to: v)) ?? self
    }
}

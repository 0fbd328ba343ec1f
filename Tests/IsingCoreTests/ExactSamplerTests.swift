import XCTest
@testable import IsingCore

/// `ExactSolver` against an independent brute-force enumeration.
final class ExactSamplerTests: XCTestCase {
    typealias S = SamplerTestSupport

    private func check(_ m: BinaryQuadraticModel, beta: Double, threads: Int = 1, file: StaticString = #filePath, line: UInt = #line) throws {
        let brute = S.bruteForce(m, beta: beta)
        let x = try ExactSolver(beta: beta).summary(of: m.spinModel(), threads: threads)
        let n = m.count
        XCTAssertEqual(x.logZ, brute.logZ, accuracy: 1e-9 * max(1, abs(brute.logZ)), "log Z", file: file, line: line)
        XCTAssertEqual(x.groundEnergy, brute.groundEnergy, accuracy: 1e-9 * max(1, abs(brute.groundEnergy)), file: file, line: line)
        XCTAssertEqual(Set(x.groundStates), brute.groundStates, "ground states", file: file, line: line)
        XCTAssertEqual(x.magnetization.count, n)
        XCTAssertEqual(x.correlations.count, n * n)
        for i in 0..<n {
            XCTAssertEqual(x.magnetization[i], brute.magnetization[i], accuracy: 1e-9, "<s_\(i)>", file: file, line: line)
            for j in 0..<n {
                XCTAssertEqual(x.correlations[i * n + j], brute.correlations[i * n + j], accuracy: 1e-9,
                               "<s_\(i) s_\(j)>", file: file, line: line)
            }
        }
    }

    func testMatchesBruteForceOnRandomInstances() throws {
        for seed: UInt64 in 1...10 {
            let n = 6 + Int(seed % 7)  // 6...12
            try check(S.randomModel(n: n, seed: seed), beta: 1)
        }
    }

    func testMatchesBruteForceAtSeveralTemperatures() throws {
        let m = S.randomModel(n: 11, seed: 77, fieldScale: 1, couplingScale: 2)
        for beta in [0.01, 0.3, 1, 3, 10] { try check(m, beta: beta) }
    }

    /// At large β·energies the product tree's range is exceeded and blocks fall back to
    /// one exponential per state; the results must not change.
    func testWideDynamicRangeFallback() throws {
        let m = S.randomModel(n: 12, seed: 5, fieldScale: 20, couplingScale: 40, density: 0.9)
        try check(m, beta: 30)
    }

    /// Integer biases make many degenerate levels, including degenerate ground states.
    func testDegenerateGroundStates() throws {
        for seed: UInt64 in 20...25 {
            let m = S.randomModel(n: 9 + Int(seed % 3), seed: seed, fieldScale: 1, couplingScale: 1.4, integer: true)
            try check(m, beta: 1)
        }
        // the antiferromagnetic triangle: six ground states at energy −1
        var t = BinaryQuadraticModel(vartype: .spin)
        t.addQuadratic(.int(0), .int(1), 1); t.addQuadratic(.int(1), .int(2), 1); t.addQuadratic(.int(0), .int(2), 1)
        let x = try ExactSolver().summary(of: t.spinModel())
        XCTAssertEqual(x.groundEnergy, -1)
        XCTAssertEqual(x.groundStates.count, 6)
        try check(t, beta: 2)
        // a free spin doubles the degeneracy of a ferromagnetic pair
        var f = BinaryQuadraticModel(vartype: .spin)
        f.addQuadratic(.int(0), .int(1), -1)
        f.addVariable(.int(2))
        XCTAssertEqual(try ExactSolver().summary(of: f.spinModel()).groundStates.count, 4)
    }

    /// 16 spins: 256 blocks of the high part in 256 chunks, and two threads.
    func testLargerInstanceAcrossChunksAndThreads() throws {
        let m = S.randomModel(n: 16, seed: 9, density: 0.4)
        try check(m, beta: 0.7, threads: 2)
        let one = try ExactSolver(beta: 0.7).summary(of: m.spinModel(), threads: 1)
        let two = try ExactSolver(beta: 0.7).summary(of: m.spinModel(), threads: 2)
        XCTAssertEqual(one.logZ, two.logZ)  // bit for bit: chunks are merged in a fixed order
        XCTAssertEqual(one.correlations, two.correlations)
    }

    func testEmptyAndTinyModels() throws {
        var m = BinaryQuadraticModel(vartype: .spin)
        m.offset = 2
        let x = try ExactSolver(beta: 0.5).summary(of: m.spinModel())
        XCTAssertEqual(x.logZ, -1)
        let single = S.randomModel(n: 1, seed: 3)
        try check(single, beta: 1)
        try check(S.randomModel(n: 2, seed: 4), beta: 1)
    }

    func testRefusesMoreThanThirtyVariables() throws {
        var m = BinaryQuadraticModel(vartype: .spin)
        for i in 0..<31 { m.addLinear(.int(i), 1) }
        XCTAssertThrowsError(try ExactSolver().summary(of: m.spinModel())) { error in
            XCTAssertTrue("\(error)".contains("30"), "\(error)")
        }
        XCTAssertThrowsError(try ExactSolver(beta: 0))
        XCTAssertThrowsError(try ExactSolver(beta: -1))
        XCTAssertThrowsError(try ExactSolver(beta: .nan))
    }

    /// A binary model's summary is in 0/1 terms: ⟨x_i⟩ = (⟨s_i⟩ + 1) / 2.
    func testBinaryModelThroughSamplerExtension() throws {
        let spin = S.randomModel(n: 7, seed: 8)
        let binary = spin.toQubo()
        let set = try ExactSolver().sample(binary, SampleRequest(reads: 0, seed: 1))
        let brute = S.bruteForce(spin, beta: 1)
        guard let x = set.exact else { return XCTFail("no exact summary") }
        XCTAssertEqual(x.logZ, brute.logZ, accuracy: 1e-9)
        for i in 0..<7 { XCTAssertEqual(x.magnetization[i], (brute.magnetization[i] + 1) / 2, accuracy: 1e-9) }
    }

    /// Exact draws: every state's frequency within 5 standard errors of its probability
    /// (200 000 draws of an 8-spin model), and each draw's energy is its state's.
    func testExactSamplesFollowTheBoltzmannDistribution() throws {
        let m = S.randomModel(n: 8, seed: 31, fieldScale: 0.4, couplingScale: 0.6)
        let brute = S.bruteForce(m, beta: 1)
        let reads = 200_000
        let r = try ExactSolver().sample(m.spinModel(), SampleRequest(reads: reads, seed: 12, threads: 2))
        XCTAssertEqual(r.states.count, reads * 8)
        var counts = [Int](repeating: 0, count: 256)
        for k in 0..<reads {
            var idx = 0
            for i in 0..<8 where r.states[k * 8 + i] > 0 { idx |= 1 << i }
            counts[idx] += 1
            XCTAssertEqual(r.energies[k], brute.energies[idx], accuracy: 1e-12)
        }
        for k in 0..<256 {
            let p = brute.probabilities[k]
            let sd = (p * (1 - p) / Double(reads)).squareRoot()
            XCTAssertEqual(Double(counts[k]) / Double(reads), p, accuracy: 5 * sd + 1e-12, "state \(k)")
        }
    }

    /// Draws over many chunks (n = 18), same seed → same draws, whatever the thread count.
    func testExactSamplesAreReproducible() throws {
        let m = S.randomModel(n: 18, seed: 2, density: 0.3).spinModel()
        let a = try ExactSolver().sample(m, SampleRequest(reads: 500, seed: 4, threads: 1))
        let b = try ExactSolver().sample(m, SampleRequest(reads: 500, seed: 4, threads: 2))
        let c = try ExactSolver().sample(m, SampleRequest(reads: 500, seed: 5, threads: 2))
        XCTAssertEqual(a.states, b.states)
        XCTAssertNotEqual(a.states, c.states)
        // the first reads do not depend on how many reads were asked for
        let d = try ExactSolver().sample(m, SampleRequest(reads: 10, seed: 4, threads: 2))
        XCTAssertEqual(Array(a.states[0..<(10 * 18)]), d.states)
    }
}

import XCTest
@testable import IsingCore

/// The exact quantum Gibbs state against closed forms, a dense matrix exponential and
/// classical enumeration.
final class QuantumExactTests: XCTestCase {
    func model(_ h: [Double], _ j: [(Int, Int, Double)]) throws -> SpinModel {
        var m = BinaryQuadraticModel(vartype: .spin)
        for (i, x) in h.enumerated() { m.addLinear(.int(i), x) }
        for (a, b, x) in j { m.addQuadratic(.int(a), .int(b), x) }
        return SpinModel(m)
    }

    /// One spin, H = h σz − Γ σx: Z = 2 cosh(βω) with ω = √(h² + Γ²), ⟨σz⟩ = −(h/ω) tanh(βω).
    func testOneSpinClosedForm() throws {
        let h = 0.3, g = 0.7, beta = 1.3
        let x = try QuantumExactSolver(gamma: g, beta: beta).summary(of: try model([h], []))
        let w = (h * h + g * g).squareRoot()
        XCTAssertEqual(x.logZ, log(2 * cosh(beta * w)), accuracy: 1e-12)
        XCTAssertEqual(x.magnetization[0], -(h / w) * tanh(beta * w), accuracy: 1e-12)
        let p = try XCTUnwrap(x.logProbabilities).map { exp($0) }
        XCTAssertEqual(p[1], (1 + x.magnetization[0]) / 2, accuracy: 1e-12)
    }

    /// Two spins, H = J σz σz − Γ(σx1 + σx2): eigenvalues ±J and ±√(J² + 4Γ²), so
    /// Z = 2 cosh(βJ) + 2 cosh(βω) and ⟨σz σz⟩ = −(2 sinh(βJ) + 2 (J/ω) sinh(βω)) / Z.
    func testTwoSpinClosedForm() throws {
        let j = -0.8, g = 0.6, beta = 2.0
        let x = try QuantumExactSolver(gamma: g, beta: beta).summary(of: try model([0, 0], [(0, 1, j)]))
        let w = (j * j + 4 * g * g).squareRoot()
        let z = 2 * cosh(beta * j) + 2 * cosh(beta * w)
        XCTAssertEqual(x.logZ, log(z), accuracy: 1e-12)
        XCTAssertEqual(x.correlations[1], -(2 * sinh(beta * j) + 2 * (j / w) * sinh(beta * w)) / z, accuracy: 1e-12)
        XCTAssertEqual(x.magnetization[0], 0, accuracy: 1e-12)
    }

    /// Four spins with fields and couplings: the diagonal of exp(−βH) from a dense matrix
    /// exponential (scaling and squaring of a Taylor series), an independent method.
    func testDiagonalMatchesDenseExponential() throws {
        let h = [0.4, -0.3, 0.1, 0.25], g = 0.9, beta = 2.0
        let couplings: [(Int, Int, Double)] = [(0, 1, -1), (1, 2, 0.7), (2, 3, -0.5), (0, 3, 0.3), (0, 2, 0.2)]
        let m = try model(h, couplings)
        let x = try QuantumExactSolver(gamma: g, beta: beta).summary(of: m)
        let n = 4, dim = 16
        var a = [Double](repeating: 0, count: dim * dim)
        for z in 0..<dim {
            let s = (0..<n).map { (z >> $0) & 1 == 1 ? Int8(1) : Int8(-1) }
            a[z * dim + z] = -beta * m.energy(s)
            for i in 0..<n { a[z * dim + (z ^ (1 << i))] = beta * g }
        }
        let e = denseExponential(a, dim)
        let trace = (0..<dim).reduce(0.0) { $0 + e[$1 * dim + $1] }
        XCTAssertEqual(x.logZ, log(trace), accuracy: 1e-10)
        let lp = try XCTUnwrap(x.logProbabilities)
        for z in 0..<dim { XCTAssertEqual(exp(lp[z]), e[z * dim + z] / trace, accuracy: 1e-11) }
    }

    /// At Γ = 0 (and at a vanishing Γ, which goes through the expansion) the state is the
    /// classical Boltzmann distribution of exact().
    func testGammaZeroMatchesClassicalExact() throws {
        let m = try model([0.1, -0.2, 0.3, 0, 0.5, -0.1],
                          [(0, 1, -1), (1, 2, 0.5), (2, 3, -0.7), (3, 4, 1), (4, 5, -0.3), (0, 5, 0.4)])
        let classical = try ExactSolver(beta: 1.5).summary(of: m)
        for g in [0.0, 1e-7] {
            let q = try QuantumExactSolver(gamma: g, beta: 1.5).summary(of: m)
            XCTAssertEqual(q.logZ, classical.logZ, accuracy: 1e-6)
            XCTAssertEqual(q.groundEnergy, classical.groundEnergy, accuracy: 1e-12)
            for i in 0..<6 { XCTAssertEqual(q.magnetization[i], classical.magnetization[i], accuracy: 1e-6) }
            let lp = try XCTUnwrap(q.logProbabilities)
            for z in 0..<64 {
                let s = (0..<6).map { (z >> $0) & 1 == 1 ? Int8(1) : Int8(-1) }
                XCTAssertEqual(exp(lp[z]), exp(-1.5 * m.energy(s) - classical.logZ), accuracy: 1e-7)
            }
        }
    }

    /// Draws follow the diagonal distribution (frequencies within 5 standard errors) and the
    /// sampler's summary is the same as `summary(of:)`.
    func testDrawsFollowTheDiagonal() throws {
        let m = try model([0.2, -0.1, 0.3], [(0, 1, -0.6), (1, 2, 0.4)])
        let solver = try QuantumExactSolver(gamma: 0.5, beta: 1)
        let reads = 40_000
        let out = try solver.sample(m, SampleRequest(reads: reads, seed: 5))
        let lp = try XCTUnwrap(out.exact?.logProbabilities)
        var counts = [Int](repeating: 0, count: 8)
        for r in 0..<reads {
            var z = 0
            for i in 0..<3 where out.states[r * 3 + i] > 0 { z |= 1 << i }
            counts[z] += 1
        }
        for z in 0..<8 {
            let p = exp(lp[z])
            XCTAssertEqual(Double(counts[z]) / Double(reads), p, accuracy: 5 * (p * (1 - p) / Double(reads)).squareRoot() + 1e-9)
        }
    }

    /// kl and tv against an exact_quantum sample set use its diagonal distribution, not
    /// exp(−βE)/Z: exact draws are close to it and far from the classical distribution.
    func testKLUsesTheQuantumDiagonal() throws {
        var bqm = BinaryQuadraticModel(vartype: .spin)
        for (i, x) in [0.2, -0.1, 0.3].enumerated() { bqm.addLinear(.int(i), x) }
        bqm.addQuadratic(.int(0), .int(1), -0.6)
        bqm.addQuadratic(.int(1), .int(2), 0.4)
        let quantum = try QuantumExactSolver(gamma: 1, beta: 1).sample(bqm, SampleRequest(reads: 20_000, seed: 3))
        let classical = try ExactSolver(beta: 1).sample(bqm, SampleRequest(reads: 0, seed: 0))
        let reference = try XCTUnwrap(quantum.exact), boltzmann = try XCTUnwrap(classical.exact)
        // the KL of 20000 exact draws over 8 states is about 7 / 40000
        XCTAssertLessThan(try Observables.klDivergence(quantum, exact: reference), 0.001)
        XCTAssertGreaterThan(try Observables.klDivergence(quantum, exact: boltzmann), 0.02)
        XCTAssertLessThan(try Observables.totalVariation(quantum, exact: reference), 0.02)
    }

    /// The quantum ground energy from Lanczos matches the closed form of two spins.
    func testLanczosGroundEnergy() {
        let j = -0.8, g = 0.6
        let op = TransverseOperator(energies: [j, -j, -j, j], spins: 2, gamma: g)
        XCTAssertEqual(op.lowestEigenvalue(), -(j * j + 4 * g * g).squareRoot(), accuracy: 1e-10)
    }

    /// Too many spins and bad parameters are refused with a message.
    func testLimits() throws {
        XCTAssertThrowsError(try QuantumExactSolver(gamma: -1))
        XCTAssertThrowsError(try QuantumExactSolver(gamma: 1, beta: 0))
        let big = try model([Double](repeating: 0, count: 13), [])
        XCTAssertThrowsError(try QuantumExactSolver(gamma: 1).summary(of: big))
    }

    /// exp(a) for a dense dim × dim matrix: Taylor series of a / 2^k, squared k times.
    func denseExponential(_ a: [Double], _ dim: Int) -> [Double] {
        let norm = a.map(abs).max() ?? 0
        var k = 0
        while norm * Double(dim) / Double(1 << k) > 0.5 { k += 1 }
        let scaled = a.map { $0 / Double(1 << k) }
        func multiply(_ x: [Double], _ y: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: dim * dim)
            for i in 0..<dim { for l in 0..<dim { let v = x[i * dim + l]; if v != 0 { for j in 0..<dim { out[i * dim + j] += v * y[l * dim + j] } } } }
            return out
        }
        var result = [Double](repeating: 0, count: dim * dim)
        var term = [Double](repeating: 0, count: dim * dim)
        for i in 0..<dim { result[i * dim + i] = 1; term[i * dim + i] = 1 }
        for t in 1...30 {
            term = multiply(term, scaled).map { $0 / Double(t) }
            for q in result.indices { result[q] += term[q] }
        }
        for _ in 0..<k { result = multiply(result, result) }
        return result
    }
}

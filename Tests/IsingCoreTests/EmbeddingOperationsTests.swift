import XCTest
@testable import IsingCore

/// Verification, the replica and majority maps, chain breaks, embedded models and the
/// embedded composite.
final class EmbeddingOperationsTests: XCTestCase {
    /// K3 on a 2 x 3 grid: chains {0, 3}, {1}, {4, 5, 2}; nodes r * 3 + c.
    func triangleOnGrid() throws -> Embedding {
        let e = Embedding(source: try GraphGenerators.complete(3), target: try GraphGenerators.grid(2, 3, periodic: false),
                          chains: [[0, 3], [1], [2, 4, 5]])
        try e.verify()
        return e
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    func testVerifyNamesTheFirstFailure() throws {
        let e = try triangleOnGrid()
        let s = e.source, t = e.target
        XCTAssertEqual(message { try Embedding(source: s, target: t, chains: [[0, 3], [], [2, 4, 5]]).verify() }, "the chain of 1 is empty")
        XCTAssertEqual(message { try Embedding(source: s, target: t, chains: [[0, 3], [1, 3], [2, 4, 5]]).verify() },
                       "qubit 3 is in the chains of both 0 and 1")
        XCTAssertEqual(message { try Embedding(source: s, target: t, chains: [[0, 5], [1], [2, 4]]).verify() },
                       "the chain of 0 is not connected in the target: qubit 5 is cut off from qubit 0")
        XCTAssertEqual(message { try Embedding(source: s, target: t, chains: [[0], [1], [5]]).verify() },
                       "the source edge 0–2 has no target edge between their chains")
        XCTAssertEqual(message { try Embedding(source: s, target: t, chains: [[0], [1]]).verify() },
                       "the embedding has 2 chains for 3 source nodes")
        XCTAssertEqual(message { try Embedding(source: s, target: t, chains: [[0, 3], [1], [2, 4, 9]]).verify() },
                       "the chain of 2 uses node index 9, which the target does not have")
    }

    func testEncodeThenMajorityDecodeIsTheIdentity() throws {
        let e = try triangleOnGrid()
        var rng = Xoshiro256(seed: 4)
        var rows: [[Int8]] = []
        var states: [Int8] = []
        for _ in 0..<20 {
            let row: [Int8] = (0..<3).map { _ in rng.nextInt(below: 2) == 0 ? -1 : 1 }
            rows.append(row)
            states.append(contentsOf: try e.encode(row))
        }
        XCTAssertEqual(try e.encode([1, -1, 1]), [1, -1, 1, 1, 1, 1])   // qubits 0, 1, 2, 3, 4, 5
        let samples = SampleSet(variables: e.usedQubitLabels, vartype: .spin, states: states, energies: Array(repeating: 0, count: 20))
        for method in ChainBreakMethod.allCases where method != .minimizeEnergy {
            let decoded = try e.unembed(samples, method: method, seed: 1)
            XCTAssertEqual(decoded.states, rows.flatMap { $0 }, "\(method)")
        }
        XCTAssertEqual(try e.chainBreakFractionPerSample(samples), Array(repeating: 0, count: 20))
    }

    /// A chain of two qubits that disagree is a tie: a fair coin decides, the same for the
    /// same seed, and over seeds both values occur about equally often.
    func testMajorityTiesAreBrokenBySeededCoin() throws {
        let e = try triangleOnGrid()
        // chain 0 = {0, 3} split; chain 2 = {2, 4, 5} two of three up.
        let samples = SampleSet(variables: e.usedQubitLabels, vartype: .spin, states: [1, -1, 1, -1, 1, -1], energies: [0])
        var ups = 0
        for seed in 0..<200 {
            let a = try e.unembed(samples, method: .majority, seed: UInt64(seed))
            let b = try e.unembed(samples, method: .majority, seed: UInt64(seed))
            XCTAssertEqual(a.states, b.states)
            XCTAssertEqual(Array(a.states[1...]), [-1, 1])
            if a.states[0] == 1 { ups += 1 }
        }
        // Binomial(200, 1/2): 5 standard deviations is ±35.
        XCTAssertGreaterThan(ups, 65)
        XCTAssertLessThan(ups, 135)
        XCTAssertEqual(try e.chainBreakFractionPerSample(samples), [2.0 / 3.0])
        XCTAssertEqual(try e.chainBreakFractionPerChain(samples), [1, 0, 1])
        XCTAssertEqual(try e.unembed(samples, method: .discard, seed: 0).size, 0)
    }

    /// The weighted vote takes the upper value with probability equal to its share.
    func testWeightedVoteFollowsTheShare() throws {
        let e = try triangleOnGrid()
        let samples = SampleSet(variables: e.usedQubitLabels, vartype: .spin, states: [1, -1, 1, 1, -1, -1], energies: [0])
        var ups = 0
        let trials = 3000
        for seed in 0..<trials where try e.unembed(samples, method: .weighted, seed: UInt64(seed)).states[2] == 1 { ups += 1 }
        // p = 1/3; standard deviation sqrt(3000 * 2/9) = 25.8; allow 5 of them.
        XCTAssertEqual(Double(ups), 1000, accuracy: 129)
    }

    /// The embedded model has the logical energy on every state with intact chains, and
    /// its exact ground states decode to the logical ground states.
    func testEmbeddedGroundStateDecodesToLogicalGroundState() throws {
        let target = EmbeddingTestGraphs.chimera(2)
        var search = EmbeddingSearch()
        search.seed = 3
        let e = try search.run(source: try GraphGenerators.complete(5), target: target)
        XCTAssertLessThanOrEqual(e.qubitCount, 20)
        var rng = Xoshiro256(seed: 11)
        var logical = BinaryQuadraticModel(vartype: .spin)
        for i in 0..<5 { logical.addLinear(.int(i), rng.nextDouble() - 0.5) }
        for i in 0..<5 { for j in (i + 1)..<5 { logical.addQuadratic(.int(i), .int(j), rng.nextGaussian()) } }
        let physical = try e.embed(logical)
        for s in 0..<32 {
            let state: [Int8] = (0..<5).map { (s >> $0) & 1 == 1 ? 1 : -1 }
            XCTAssertEqual(physical.energy(try e.encode(state)), logical.energy(state), accuracy: 1e-9)
        }
        let exact = try ExactSolver(beta: 1)
        let logicalGround = try exact.summary(of: logical.spinModel())
        let physicalGround = try exact.summary(of: physical.spinModel())
        XCTAssertEqual(physicalGround.groundEnergy, logicalGround.groundEnergy, accuracy: 1e-9)
        let groundSamples = SampleSet(variables: physical.variables, vartype: .spin, states: physicalGround.groundStates.flatMap { $0 },
                                      energies: Array(repeating: 0, count: physicalGround.groundStates.count))
        let decoded = try e.unembed(groundSamples, method: .majority, seed: 0, logical: logical)
        XCTAssertEqual(try e.chainBreakFractionPerSample(groundSamples).max() ?? 1, 0)
        XCTAssertEqual(Set((0..<decoded.size).map { Array(decoded.state($0)) }), Set(logicalGround.groundStates))
    }

    /// Binary models embed in binary form with the same energies.
    func testBinaryModelsKeepTheirEnergies() throws {
        let e = try triangleOnGrid()
        var q = BinaryQuadraticModel(vartype: .binary)
        for i in 0..<3 { q.addVariable(.int(i)) }
        q.addLinear(.int(0), -1); q.addLinear(.int(2), 0.5)
        q.addQuadratic(.int(0), .int(1), 2); q.addQuadratic(.int(1), .int(2), -1.5); q.addQuadratic(.int(0), .int(2), 0.25)
        let physical = try e.embed(q, chainStrength: 3)
        XCTAssertEqual(physical.vartype, .binary)
        for s in 0..<8 {
            let x: [Int8] = (0..<3).map { Int8((s >> $0) & 1) }
            XCTAssertEqual(physical.energy(try e.encode(x)), q.energy(x), accuracy: 1e-12)
        }
    }

    /// Uniform torque compensation: √2 · rms(J) · √(mean degree).
    func testUniformTorqueCompensation() throws {
        var m = BinaryQuadraticModel(vartype: .spin)
        m.addQuadratic(.int(0), .int(1), 1); m.addQuadratic(.int(1), .int(2), -3)
        // rms = sqrt(5), mean degree = 4 / 3
        XCTAssertEqual(Embedding.uniformTorqueCompensation(m), 2.0.squareRoot() * 5.0.squareRoot() * (4.0 / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(Embedding.uniformTorqueCompensation(BinaryQuadraticModel(vartype: .spin)), 1)
    }

    /// The composite with exact sampling inside finds the logical ground energy and
    /// returns samples over the logical variables.
    func testEmbeddedCompositeReturnsLogicalSamples() throws {
        let e = try triangleOnGrid()
        var m = BinaryQuadraticModel(vartype: .spin)
        m.addQuadratic(.int(0), .int(1), 1); m.addQuadratic(.int(1), .int(2), 1); m.addQuadratic(.int(0), .int(2), 1)
        m.addLinear(.int(1), 0.1)
        let sampler = try EmbeddedSampler(inner: try ExactSolver(beta: 5), embedding: e)
        let s = try sampler.sample(m, SampleRequest(reads: 200, seed: 1))
        XCTAssertEqual(s.variables, [.int(0), .int(1), .int(2)])
        XCTAssertEqual(s.energies.min() ?? 0, -1.1, accuracy: 1e-12)
        let info = Dictionary(uniqueKeysWithValues: s.info.map { ($0.0, $0.1) })
        XCTAssertNotNil(info["chain_break_fraction"])
        XCTAssertEqual(info["qubits"], .int(6))
    }
}

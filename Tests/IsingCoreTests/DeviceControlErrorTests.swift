import Foundation
import XCTest
@testable import IsingCore

/// The device model's two kinds of control errors: persistent offsets fixed per qubit and
/// coupler, and fresh errors drawn for each call.
final class DeviceControlErrorTests: XCTestCase {
    /// A device on `graph` with the given error sizes whose dynamics is exact sampling at β.
    private func device(_ graph: Graph, noise: Double, bias: Double, beta: Double = 1) throws -> DeviceAnnealer {
        try DeviceAnnealer(label: "test", graph: graph, hRange: -2...2, jRange: -1...1, autoScale: false,
                           noiseH: noise, noiseJ: noise, biasH: bias, biasJ: bias, biasSeed: 2015, readoutError: 0,
                           annealTime: 5, timing: DeviceTiming(), dynamics: try ExactSolver(beta: beta),
                           dynamicsDescription: "exact")
    }

    /// The zero problem on every qubit and coupler of `graph`.
    private func zeroModel(_ graph: Graph) -> (SpinModel, [Int]) {
        var m = BinaryQuadraticModel(vartype: .spin)
        for q in 0..<graph.nodeCount { m.addLinear(graph.nodes[q], 0) }
        for (a, b) in graph.edges { m.addQuadratic(graph.nodes[a], graph.nodes[b], 0) }
        let model = m.spinModel()
        return (model, model.labels.compactMap { graph.index(of: $0) })
    }

    /// Persistent errors are the same for every call; fresh ones differ between calls.
    func testPersistentErrorsRepeatAndFreshErrorsDoNot() throws {
        let g = try HardwareGraphs.chimera(2)
        let (model, qubits) = zeroModel(g)
        let still = try device(g, noise: 0, bias: 0.05)
        var r1 = Xoshiro256(seed: 1), r2 = Xoshiro256(seed: 2)
        let a = still.programmed(model, qubits: qubits, scale: 1, rng: &r1).spinModel()
        let b = still.programmed(model, qubits: qubits, scale: 1, rng: &r2).spinModel()
        XCTAssertEqual(a.h, b.h)
        XCTAssertEqual(a.edges.map(\.2), b.edges.map(\.2))
        XCTAssertTrue(a.h.allSatisfy { $0 != 0 })

        let drifting = try device(g, noise: 0.02, bias: 0)
        var r3 = Xoshiro256(seed: 1), r4 = Xoshiro256(seed: 2)
        let c = drifting.programmed(model, qubits: qubits, scale: 1, rng: &r3).spinModel()
        let d = drifting.programmed(model, qubits: qubits, scale: 1, rng: &r4).spinModel()
        XCTAssertNotEqual(c.h, d.h)
    }

    /// Over the 2048 qubits and 6016 couplers of C16 the persistent offsets have mean 0 and
    /// the stated standard deviation (the sampling error of the deviation is about 1.6 % of
    /// it for the qubits, so 6 % is a loose bound that still catches a wrong scale).
    func testPersistentErrorsHaveTheStatedSize() throws {
        let g = try HardwareGraphs.chimera(16)
        let dev = try device(g, noise: 0, bias: 0.05)
        let hs = (0..<g.nodeCount).map { 0.05 * dev.persistentError(qubit: $0) }
        let js = g.edges.map { 0.05 * dev.persistentError(qubit: $0.0, other: $0.1) }
        for xs in [hs, js] {
            let mean = xs.reduce(0, +) / Double(xs.count)
            let sd = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1)).squareRoot()
            XCTAssertEqual(mean, 0, accuracy: 0.005)
            XCTAssertEqual(sd, 0.05, accuracy: 0.003)
        }
        // A coupler's offset does not depend on the order of its qubits.
        XCTAssertEqual(dev.persistentError(qubit: 3, other: 7), dev.persistentError(qubit: 7, other: 3))
        // Another chip (seed) has other offsets.
        let other = try DeviceAnnealer(label: "other", graph: g, hRange: -2...2, jRange: -1...1, autoScale: false,
                                       noiseH: 0, noiseJ: 0, biasH: 0.05, biasJ: 0.05, biasSeed: 7, readoutError: 0,
                                       annealTime: 5, timing: DeviceTiming(), dynamics: try ExactSolver(beta: 1),
                                       dynamicsDescription: "exact")
        XCTAssertNotEqual(other.persistentError(qubit: 0), dev.persistentError(qubit: 0))
    }

    /// A free qubit programmed with h = 0 reads out with the mean −tanh(β δh) of its
    /// persistent offset δh, on every call: 4000 reads over four calls of a 4-qubit problem
    /// with offsets of size 0.5 at β = 1 (standard error of each mean about 0.016).
    func testAFreeQubitFeelsItsPersistentOffset() throws {
        let g = try GraphGenerators.complete(4)
        let dev = try device(g, noise: 0, bias: 0.5)
        var m = BinaryQuadraticModel(vartype: .spin)
        for q in 0..<4 { m.addLinear(g.nodes[q], 0) }
        let model = m.spinModel()
        var sums = [Double](repeating: 0, count: 4)
        for call in 0..<4 {
            let r = try dev.sample(model, SampleRequest(reads: 1000, seed: UInt64(call + 1), threads: 1))
            for k in 0..<1000 { for i in 0..<4 { sums[i] += Double(r.states[k * 4 + i]) } }
        }
        for i in 0..<4 {
            let q = g.index(of: model.labels[i]) ?? -1
            let expected = -tanh(0.5 * dev.persistentError(qubit: q))
            XCTAssertEqual(sums[i] / 4000, expected, accuracy: 0.06, "qubit \(q)")
        }
    }
}

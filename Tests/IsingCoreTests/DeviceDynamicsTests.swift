import Foundation
import XCTest
@testable import IsingCore

/// The device model's dynamics against exact references: the freeze-out dynamics
/// equilibrates at β_eff = β_phys · B(s*)/2, and the quantum-Boltzmann dynamics samples the
/// diagonal of exp(−β_eff (H_P − Γ Σσx)) with Γ = A(s*)/B(s*).
final class DeviceDynamicsTests: XCTestCase {
    typealias S = SamplerTestSupport

    /// A noiseless device on a complete graph of 6 qubits running `dynamics` on `model`.
    private func device(_ dynamics: DeviceSettings.Dynamics, sweeps: Int) throws -> DeviceAnnealer {
        var d = DeviceSettings(name: "test", graph: try GraphGenerators.complete(6), schedule: .dw2000q, annealTime: 20, temperature: 0.012)
        d.noiseH = 0; d.noiseJ = 0; d.biasH = 0; d.biasJ = 0; d.dynamics = dynamics; d.sweeps = sweeps; d.freezeOut = 0.3; d.trotter = 12
        return try d.make()
    }

    /// A 6-spin model with biases inside the device ranges and h = 2 (the end of the h
    /// range) on spin 0, so the auto-scale factor is 1 and the device samples the model as given.
    private var model: BinaryQuadraticModel {
        var m = S.randomModel(n: 6, seed: 31, fieldScale: 0.5, couplingScale: 0.5, density: 1)
        m.addLinear(.int(0), 2 - m.linear(.int(0)))
        return m
    }

    /// β_eff at s* = 0.3 on the dw2000q table is 4.0 · 1.476 / 2 ≈ 2.95; 20 000 reads of
    /// 400 sweeps (most of them at β_eff) match brute force at that β within KL 0.01
    /// (the sampling floor for the ≈ 40 states that matter is about 0.001), and fail it at
    /// a β 20 % away.
    func testFreezeOutDynamicsSamplesTheBoltzmannStateAtTheEffectiveBeta() throws {
        let dev = try device(.freezeOut, sweeps: 400)
        let r = try dev.sample(model.spinModel(), SampleRequest(reads: 20_000, seed: 9, threads: 2))
        let beta = try QuantumUnits.betaPerGigahertz(kelvin: 0.012) * AnnealSchedule.dw2000q.problem(at: 0.3) / 2
        XCTAssertEqual(beta, 2.95, accuracy: 0.01)
        XCTAssertLessThan(S.kl(r.states, n: 6, S.bruteForce(model, beta: beta)), 0.01)
        XCTAssertGreaterThan(S.kl(r.states, n: 6, S.bruteForce(model, beta: beta * 1.2)), 0.01)
    }

    /// The qbm dynamics against the exact quantum diagonal at (Γ = A/B, β_eff).
    func testQuantumBoltzmannDynamicsMatchesTheExactQuantumState() throws {
        let dev = try device(.qbm, sweeps: 150)
        let spin = model.spinModel()
        let r = try dev.sample(spin, SampleRequest(reads: 10_000, seed: 4, threads: 2))
        let sch = AnnealSchedule.dw2000q
        let b = sch.problem(at: 0.3), a = sch.transverse(at: 0.3)
        let beta = try QuantumUnits.betaPerGigahertz(kelvin: 0.012) * b / 2
        let exact = try QuantumExactSolver(gamma: a / b, beta: beta).summary(of: spin)
        guard let table = exact.logProbabilities else { return XCTFail("no exact distribution") }
        var counts = [Int](repeating: 0, count: 64)
        for row in 0..<10_000 {
            var k = 0
            for i in 0..<6 where r.states[row * 6 + i] > 0 { k |= 1 << i }
            counts[k] += 1
        }
        var kl = 0.0
        for k in 0..<64 where counts[k] > 0 {
            let q = Double(counts[k]) / 10_000
            kl += q * (log(q) - table[k])
        }
        XCTAssertLessThan(kl, 0.015)
        // The transverse field matters at this s*: the classical distribution is farther off.
        XCTAssertGreaterThan(a / b, 0.5)
    }

    /// Each preset's freeze-out point keeps its β_eff = β_phys · B(s*)/2 within 2 % of the
    /// values the learning results were measured at (2.556, 3.195 and 1.786), and
    /// `freeze_out` set by hand moves it.
    func testPresetsKeepTheirEffectiveBeta() throws {
        for (name, measured) in [("dw2x", 2.556), ("dw2000q", 3.195), ("advantage", 1.786)] {
            let d = try DeviceSettings.preset(name)
            let beta = try d.physicalBeta() * d.schedule.problem(at: d.freezeOut) / 2
            XCTAssertEqual(beta / measured, 1, accuracy: 0.02, name)
        }
        XCTAssertEqual(try DeviceSettings.preset("dw2x").freezeOut, 0.315)
        XCTAssertEqual(try DeviceSettings.preset("advantage").freezeOut, 0.313)
        var d = try DeviceSettings.preset("dw2x")
        d.freezeOut = 0.35
        XCTAssertEqual(try d.physicalBeta() * d.schedule.problem(at: 0.35) / 2, 3.027, accuracy: 0.001)
    }

    /// A ferromagnetic chain on the device anneals to one of its two ground states.
    func testFerromagneticChainAnnealsToItsGroundStates() throws {
        var m = BinaryQuadraticModel(vartype: .spin)
        for i in 0..<5 { m.addQuadratic(.int(i), .int(i + 1), -1) }
        var d = DeviceSettings(name: "test", graph: try GraphGenerators.complete(6), schedule: .dw2000q, annealTime: 20, temperature: 0.012)
        d.freezeOut = 0.6
        let r = try d.make().sample(m.spinModel(), SampleRequest(reads: 64, seed: 1))
        for row in 0..<64 {
            let s = Array(r.states[(row * 6)..<(row * 6 + 6)])
            XCTAssertTrue(s == [Int8](repeating: 1, count: 6) || s == [Int8](repeating: -1, count: 6), "\(s)")
        }
    }
}

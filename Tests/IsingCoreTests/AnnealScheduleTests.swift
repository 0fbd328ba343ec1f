import XCTest
@testable import IsingCore

/// Schedules (tables, interpolation, units) and anneal paths.
final class AnnealScheduleTests: XCTestCase {
    /// Table points are reproduced exactly; between them B is linear and A log-linear; A
    /// falls and B rises along both device schedules.
    func testDeviceTablesInterpolate() throws {
        for (sch, rows) in [(AnnealSchedule.dw2000q, ScheduleTables.dw2000q), (.advantage, ScheduleTables.advantage)] {
            XCTAssertEqual(sch.units, .gigahertz)
            for (s, a, b) in rows {
                XCTAssertEqual(sch.transverse(at: s), a, accuracy: 1e-12)
                XCTAssertEqual(sch.problem(at: s), b, accuracy: 1e-12)
            }
            let (s0, a0, b0) = rows[4], (s1, a1, b1) = rows[5]
            let mid = (s0 + s1) / 2
            XCTAssertEqual(sch.problem(at: mid), (b0 + b1) / 2, accuracy: 1e-12)
            XCTAssertEqual(sch.transverse(at: mid), (a0 * a1).squareRoot(), accuracy: 1e-12)
            var previous = (Double.infinity, -Double.infinity)
            for k in 0...200 {
                let s = Double(k) / 200
                XCTAssertLessThan(sch.transverse(at: s), previous.0)
                XCTAssertGreaterThan(sch.problem(at: s), previous.1)
                previous = (sch.transverse(at: s), sch.problem(at: s))
            }
            // outside [0, 1] the ends are held
            XCTAssertEqual(sch.transverse(at: -1), rows[0].1, accuracy: 1e-12)
            XCTAssertEqual(sch.problem(at: 2), rows[rows.count - 1].2, accuracy: 1e-12)
        }
    }

    /// linear(gamma:) is A = 2Γ(1 − s), B = 2s in model units.
    func testLinearSchedule() throws {
        let sch = try AnnealSchedule.linear(gamma: 1.5)
        XCTAssertEqual(sch.units, .model)
        XCTAssertEqual(sch.transverse(at: 0.25), 2.25, accuracy: 1e-12)
        XCTAssertEqual(sch.problem(at: 0.25), 0.5, accuracy: 1e-12)
        XCTAssertEqual(sch.transverse(at: 1), 0)
        XCTAssertThrowsError(try AnnealSchedule.linear(gamma: -1))
    }

    /// Tables must run from 0 to 1 with increasing s and non-negative energies.
    func testTablesAreChecked() {
        XCTAssertThrowsError(try AnnealSchedule(units: .model, s: [0, 0.5], a: [1, 0], b: [0, 1]))
        XCTAssertThrowsError(try AnnealSchedule(units: .model, s: [0, 0.5, 0.5, 1], a: [1, 1, 1, 0], b: [0, 1, 1, 1]))
        XCTAssertThrowsError(try AnnealSchedule(units: .model, s: [0, 1], a: [1, -1], b: [0, 1]))
        XCTAssertThrowsError(try AnnealSchedule.named("dw9000"))
    }

    /// Paths: sweeps spread over time with pauses, reverse anneals and their checks.
    func testPaths() throws {
        let forward = AnnealPath.forward
        XCTAssertEqual(forward.fractions(sweeps: 5), [0, 0.25, 0.5, 0.75, 1])
        XCTAssertEqual(forward.fractions(sweeps: 1), [1])
        let paused = try AnnealPath([(0, 0), (2e-6, 0.5), (6e-6, 0.5), (8e-6, 1)])
        XCTAssertEqual(paused.duration, 8e-6, accuracy: 1e-18)
        let s = paused.fractions(sweeps: 9)
        XCTAssertEqual(s[1], 0.25, accuracy: 1e-12)
        for k in 2...6 { XCTAssertEqual(s[k], 0.5, accuracy: 1e-12) }
        XCTAssertEqual(s[8], 1, accuracy: 1e-12)
        let reverse = try AnnealPath.reverse(to: 0.4, pause: 0.5, ramp: 0.25)
        XCTAssertTrue(reverse.isReverse)
        XCTAssertEqual(reverse.times, [0, 0.25, 0.75, 1])
        XCTAssertEqual(reverse.fractions, [1, 0.4, 0.4, 1])
        XCTAssertEqual(try AnnealPath.paused(at: 0.5, pause: 0.2).fractions, [0, 0.5, 0.5, 1])
        XCTAssertThrowsError(try AnnealPath([(0, 0)]))
        XCTAssertThrowsError(try AnnealPath([(0, 0), (0, 1)]))
        XCTAssertThrowsError(try AnnealPath([(0, 0), (1, 1.5)]))
        XCTAssertThrowsError(try AnnealPath.reverse(to: 1, pause: 0.5))
    }

    /// 12 mK is about 0.25 GHz, so β ≈ 4.0 /GHz.
    func testTemperatureToBeta() throws {
        XCTAssertEqual(try QuantumUnits.betaPerGigahertz(kelvin: 0.012), 3.9994, accuracy: 1e-3)
        XCTAssertThrowsError(try QuantumUnits.betaPerGigahertz(kelvin: 0))
    }
}

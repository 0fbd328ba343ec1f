import XCTest
@testable import IsingCore

/// Schedules (tables, interpolation, units) and anneal paths.
final class AnnealScheduleTests: XCTestCase {
    /// Table points are reproduced exactly; between them B is linear and A log-linear; B
    /// rises along both device schedules and A falls (strictly while it is above 10⁻⁶ GHz; the
    /// published Advantage table rounds it to 10⁻⁸ GHz, so it levels off and reaches 0).
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
                XCTAssertLessThanOrEqual(sch.transverse(at: s), previous.0)
                if previous.0 > 1e-6 { XCTAssertLessThan(sch.transverse(at: s), previous.0) }
                XCTAssertGreaterThan(sch.problem(at: s), previous.1)
                previous = (sch.transverse(at: s), sch.problem(at: s))
            }
            // outside [0, 1] the ends are held
            XCTAssertEqual(sch.transverse(at: -1), rows[0].1, accuracy: 1e-12)
            XCTAssertEqual(sch.problem(at: 2), rows[rows.count - 1].2, accuracy: 1e-12)
        }
    }

    /// The device tables are D-Wave's published rows every 0.01 in s: spot values of the
    /// DW_2000Q_6 (09-1216A) and Advantage_system5.4 (09-1265A) spreadsheets, and the
    /// DW_2000Q_6 row at s = 0.5, which the spreadsheet lacks, as the mean of its rows at
    /// 0.499 and 0.501.
    func testDeviceTablesAreThePublishedRows() {
        for rows in [ScheduleTables.dw2000q, ScheduleTables.advantage] {
            XCTAssertEqual(rows.count, 101)
            for (k, row) in rows.enumerated() { XCTAssertEqual(row.0, Double(k) / 100, accuracy: 1e-12) }
        }
        let dw = AnnealSchedule.dw2000q, adv = AnnealSchedule.advantage
        XCTAssertEqual(dw.transverse(at: 0), 9.965879, accuracy: 1e-12)
        XCTAssertEqual(dw.problem(at: 0), 0.06296953, accuracy: 1e-12)
        XCTAssertEqual(dw.transverse(at: 0.35), 3.085118, accuracy: 1e-12)
        XCTAssertEqual(dw.problem(at: 0.35), 1.892044, accuracy: 1e-12)
        XCTAssertEqual(dw.transverse(at: 0.5), (1.253277 + 1.24181) / 2, accuracy: 1e-12)
        XCTAssertEqual(dw.problem(at: 0.5), (3.438299 + 3.450225) / 2, accuracy: 1e-12)
        XCTAssertEqual(dw.transverse(at: 1), 0.00000019, accuracy: 1e-12)
        XCTAssertEqual(dw.problem(at: 1), 11.97718, accuracy: 1e-12)
        XCTAssertEqual(adv.transverse(at: 0), 9.713438, accuracy: 1e-12)
        XCTAssertEqual(adv.problem(at: 0), 0.2596733, accuracy: 1e-12)
        XCTAssertEqual(adv.transverse(at: 0.35), 1.66216, accuracy: 1e-12)
        XCTAssertEqual(adv.problem(at: 0.35), 1.243029, accuracy: 1e-12)
        XCTAssertEqual(adv.transverse(at: 0.95), 0.00000001, accuracy: 1e-12)
        XCTAssertEqual(adv.transverse(at: 0.96), 0, accuracy: 1e-12)
        XCTAssertEqual(adv.problem(at: 1), 8.586335, accuracy: 1e-12)
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

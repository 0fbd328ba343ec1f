import Foundation

/// The energy unit of a schedule's A(s) and B(s), which is also the unit β is the inverse of.
public enum ScheduleUnits: String, Sendable {
    /// A and B in GHz (energies E/h), β in 1/GHz: a device temperature T gives β = h / (k_B T).
    case gigahertz = "GHz"
    /// A and B in the model's own energy units, β in their inverse.
    case model
}

/// The two energy scales of a transverse-field annealer and the path it follows.
///
/// The Hamiltonian at anneal fraction s is, in D-Wave's convention,
///
///     H(s) = −A(s)/2 · Σ_i σx_i + B(s)/2 · H_P,    H_P = Σ h_i σz_i + Σ J_ij σz_i σz_j
///
/// with A(s), B(s) tabulated at increasing s in [0, 1] and interpolated between table
/// points: B linearly, A linearly in log A (A falls by orders of magnitude, and a log-linear
/// interpolation keeps it positive and smooth there); a zero A is interpolated linearly.
/// The `path` says how s moves with time (forward, paused, quenched or reverse anneals).
///
/// Built-in tables (`dw2000q`, `advantage`) are representative values with the scale and
/// shape of D-Wave's published per-solver schedule spreadsheets for DW_2000Q_6 and
/// Advantage_system4.1 (A falling from about 6.3 and 5.0 GHz to near zero, B rising
/// roughly quadratically to about 11.9 and 5.5 GHz); they are not a copy of any one
/// calibration. For work that must match a particular device, build the schedule from its
/// published table with `init(name:units:s:a:b:path:)`.
public struct AnnealSchedule: Sendable {
    /// A short name for displays ("dw2000q", "advantage", "linear", "custom").
    public let name: String
    /// The unit of A, B and of 1/β.
    public let units: ScheduleUnits
    /// Table points: anneal fractions (strictly increasing, from 0 to 1) and A, B there.
    public let s: [Double]
    public let a: [Double]
    public let b: [Double]
    /// How s moves with time.
    public let path: AnnealPath

    /// A schedule from a table; throws unless s rises strictly from 0 to 1 and A, B are
    /// finite and not negative.
    public init(name: String = "custom", units: ScheduleUnits, s: [Double], a: [Double], b: [Double],
                path: AnnealPath = .forward) throws {
        guard s.count >= 2, a.count == s.count, b.count == s.count else {
            throw IsingError("a schedule table needs at least 2 rows of (s, A, B), got \(s.count) s values, \(a.count) A values and \(b.count) B values")
        }
        guard s.first == 0, s.last == 1 else {
            throw IsingError("a schedule table must run from s = 0 to s = 1, got \(s.first ?? .nan) to \(s.last ?? .nan)")
        }
        for k in 1..<s.count where !(s[k] > s[k - 1]) {
            throw IsingError("schedule s values must increase strictly, but row \(k) has s = \(s[k]) after \(s[k - 1])")
        }
        for k in s.indices where !(a[k].isFinite && a[k] >= 0 && b[k].isFinite && b[k] >= 0) {
            throw IsingError("schedule A and B must be finite and not negative, row \(k) has A = \(a[k]), B = \(b[k])")
        }
        self.name = name; self.units = units; self.s = s; self.a = a; self.b = b; self.path = path
    }

    /// The same energy scales along another path.
    public func with(path: AnnealPath) -> AnnealSchedule {
        // The table was validated when this schedule was made.
        (try? AnnealSchedule(name: name, units: units, s: s, a: a, b: b, path: path)) ?? self
    }

    /// The table row k with s[k] ≤ x ≤ s[k + 1] and the fraction of the way from k to k + 1.
    private func bracket(_ x: Double) -> (Int, Double) {
        let v = min(max(x.isNaN ? 0 : x, 0), 1)
        var lo = 0, hi = s.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if s[mid] <= v { lo = mid } else { hi = mid }
        }
        return (lo, (v - s[lo]) / (s[lo + 1] - s[lo]))
    }

    /// A(s), the transverse energy scale (s clamped to [0, 1]).
    public func transverse(at x: Double) -> Double {
        let (k, f) = bracket(x)
        let a0 = a[k], a1 = a[k + 1]
        if a0 > 0 && a1 > 0 { return f == 0 ? a0 : a0 * pow(a1 / a0, f) }
        return a0 + f * (a1 - a0)
    }

    /// B(s), the problem energy scale (s clamped to [0, 1]).
    public func problem(at x: Double) -> Double {
        let (k, f) = bracket(x)
        return b[k] + f * (b[k + 1] - b[k])
    }

    /// A linear schedule in the model's units: A(s) = 2Γ(1 − s), B(s) = 2s, so that
    /// H(s) = −Γ(1 − s) Σ σx + s H_P (the convention of OpenJij's SQA with Γ its `gamma`).
    public static func linear(gamma: Double = 1, path: AnnealPath = .forward) throws -> AnnealSchedule {
        guard gamma.isFinite, gamma >= 0 else { throw IsingError("gamma must be a finite number not below 0, got \(gamma)") }
        return try AnnealSchedule(name: "linear", units: .model, s: [0, 1], a: [2 * gamma, 0], b: [0, 2], path: path)
    }

    /// The representative DW-2000Q schedule (GHz).
    public static var dw2000q: AnnealSchedule { table("dw2000q", ScheduleTables.dw2000q) }

    /// The representative Advantage schedule (GHz).
    public static var advantage: AnnealSchedule { table("advantage", ScheduleTables.advantage) }

    /// A built-in schedule by name: "dw2000q" (also "2000q"), "advantage" or "linear".
    public static func named(_ name: String) throws -> AnnealSchedule {
        switch name.lowercased() {
        case "dw2000q", "2000q", "dw_2000q": return dw2000q
        case "advantage": return advantage
        case "linear": return try linear()
        default: throw IsingError("unknown schedule \"\(name)\"; the built-in ones are \"dw2000q\", \"advantage\" and \"linear\"")
        }
    }

    private static func table(_ name: String, _ rows: [(Double, Double, Double)]) -> AnnealSchedule {
        AnnealSchedule(unchecked: name, units: .gigahertz, s: rows.map(\.0), a: rows.map(\.1), b: rows.map(\.2))
    }

    /// A schedule from a built-in table known to be valid.
    private init(unchecked name: String, units: ScheduleUnits, s: [Double], a: [Double], b: [Double]) {
        self.name = name; self.units = units; self.s = s; self.a = a; self.b = b; self.path = .forward
    }
}

/// Physical constants for turning a device temperature into β.
public enum QuantumUnits {
    /// Planck's constant h in J·s.
    public static let planck = 6.626_070_15e-34
    /// Boltzmann's constant k_B in J/K.
    public static let boltzmann = 1.380_649e-23

    /// β = h / (k_B T) in 1/GHz for a temperature in kelvin (12 mK gives about 4.0 /GHz).
    public static func betaPerGigahertz(kelvin t: Double) throws -> Double {
        guard t.isFinite, t > 0 else { throw IsingError("temperature must be a finite number of kelvin above 0, got \(t)") }
        return planck / (boltzmann * t) * 1e9
    }
}

/// The tables behind the built-in schedules: (s, A(s) GHz, B(s) GHz), every 0.05 in s.
enum ScheduleTables {
    static let dw2000q: [(Double, Double, Double)] = [
        (0.00, 6.300, 0.160), (0.05, 5.675, 0.189), (0.10, 4.951, 0.277), (0.15, 4.190, 0.424),
        (0.20, 3.441, 0.630), (0.25, 2.745, 0.894), (0.30, 2.128, 1.217), (0.35, 1.604, 1.598),
        (0.40, 1.174, 2.038), (0.45, 0.835, 2.537), (0.50, 0.577, 3.095), (0.55, 0.387, 3.712),
        (0.60, 0.252, 4.387), (0.65, 0.159, 5.120), (0.70, 0.097, 5.913), (0.75, 0.058, 6.764),
        (0.80, 0.033, 7.674), (0.85, 0.018, 8.642), (0.90, 0.0097, 9.669), (0.95, 0.0050, 10.755),
        (1.00, 0.0025, 11.900),
    ]
    static let advantage: [(Double, Double, Double)] = [
        (0.00, 5.000, 0.250), (0.05, 4.488, 0.263), (0.10, 3.933, 0.303), (0.15, 3.362, 0.368),
        (0.20, 2.800, 0.460), (0.25, 2.268, 0.578), (0.30, 1.786, 0.723), (0.35, 1.365, 0.893),
        (0.40, 1.012, 1.090), (0.45, 0.727, 1.313), (0.50, 0.507, 1.563), (0.55, 0.343, 1.838),
        (0.60, 0.225, 2.140), (0.65, 0.143, 2.468), (0.70, 0.088, 2.823), (0.75, 0.053, 3.203),
        (0.80, 0.030, 3.610), (0.85, 0.017, 4.043), (0.90, 0.0090, 4.503), (0.95, 0.0047, 4.988),
        (1.00, 0.0024, 5.500),
    ]
}

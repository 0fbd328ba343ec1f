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
/// The built-in tables (`dw2000q`, `advantage`) are D-Wave's published annealing schedules
/// for the DW_2000Q_6 and Advantage_system5.4 solvers, taken every 0.01 in s (see
/// `ScheduleTables`). For another device, build the schedule from its published table with
/// `init(name:units:s:a:b:path:)`.
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

    /// The DW_2000Q_6 schedule (GHz).
    public static var dw2000q: AnnealSchedule { table("dw2000q", ScheduleTables.dw2000q) }

    /// The Advantage_system5.4 schedule (GHz).
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

/// The tables behind the built-in schedules: (s, A(s) GHz, B(s) GHz) every 0.01 in s, the rows
/// at those s of D-Wave's per-solver schedule spreadsheets (which list s every 0.001).
enum ScheduleTables {
    /// DW_2000Q_6, from D-Wave document 09-1216A. The published s column has no row at
    /// s = 0.500 (it goes from 0.499 to 0.501); the row here is the mean of those two rows.
    static let dw2000q: [(Double, Double, Double)] = [
        (0.00, 9.96587900, 0.06296953), (0.01, 9.44347500, 0.08012756), (0.02, 8.98805200, 0.09935037),
        (0.03, 8.58896900, 0.12063800), (0.04, 8.23262400, 0.14399030), (0.05, 7.90890100, 0.16940750),
        (0.06, 7.61674200, 0.19688940), (0.07, 7.34791600, 0.22643610), (0.08, 7.09941700, 0.25804760),
        (0.09, 6.86754300, 0.29172390), (0.10, 6.65266300, 0.32746490), (0.11, 6.45010200, 0.36527070),
        (0.12, 6.25673500, 0.40514130), (0.13, 6.07427500, 0.44707670), (0.14, 5.90036400, 0.49107680),
        (0.15, 5.73321500, 0.53714180), (0.16, 5.57376100, 0.58527150), (0.17, 5.42000600, 0.63546600),
        (0.18, 5.26944300, 0.68772530), (0.19, 5.12363100, 0.74204930), (0.20, 4.98203100, 0.79843820),
        (0.21, 4.84324500, 0.85689180), (0.22, 4.70923100, 0.91741020), (0.23, 4.57611800, 0.97999330),
        (0.24, 4.44675100, 1.04464100), (0.25, 4.31796200, 1.11135400), (0.26, 4.19217200, 1.18013200),
        (0.27, 4.06669300, 1.25097400), (0.28, 3.94253800, 1.32388100), (0.29, 3.81866300, 1.39885300),
        (0.30, 3.69601000, 1.47588900), (0.31, 3.57344000, 1.55499100), (0.32, 3.45141200, 1.63615700),
        (0.33, 3.32938000, 1.71938800), (0.34, 3.20726600, 1.80468400), (0.35, 3.08511800, 1.89204400),
        (0.36, 2.96244300, 1.98146900), (0.37, 2.83971800, 2.07295900), (0.38, 2.71626100, 2.16651400),
        (0.39, 2.59272200, 2.26213400), (0.40, 2.46844300, 2.35981800), (0.41, 2.34408500, 2.45956800),
        (0.42, 2.21925900, 2.56138200), (0.43, 2.09444600, 2.66526000), (0.44, 1.96989000, 2.77120400),
        (0.45, 1.84561400, 2.87921200), (0.46, 1.72205700, 2.98928500), (0.47, 1.59940300, 3.10142300),
        (0.48, 1.47761500, 3.21562600), (0.49, 1.35892000, 3.33189300), (0.50, 1.24754350, 3.44426200),
        (0.51, 1.14107800, 3.55849000), (0.52, 1.03167800, 3.68074500), (0.53, 0.92566020, 3.80506500),
        (0.54, 0.82581850, 3.93145000), (0.55, 0.73010140, 4.05990000), (0.56, 0.63952070, 4.19041400),
        (0.57, 0.55777780, 4.32299300), (0.58, 0.48210890, 4.45763700), (0.59, 0.41258390, 4.59434600),
        (0.60, 0.35036310, 4.73311900), (0.61, 0.29626120, 4.87395800), (0.62, 0.24794120, 5.01686100),
        (0.63, 0.20529720, 5.16182900), (0.64, 0.16871370, 5.30886100), (0.65, 0.13744000, 5.45795900),
        (0.66, 0.11026070, 5.60912100), (0.67, 0.08815677, 5.76234800), (0.68, 0.07000247, 5.91763900),
        (0.69, 0.05503562, 6.07499600), (0.70, 0.04312228, 6.23441700), (0.71, 0.03335030, 6.39590300),
        (0.72, 0.02541572, 6.55945400), (0.73, 0.01924380, 6.72507000), (0.74, 0.01437013, 6.89275000),
        (0.75, 0.01074979, 7.06249500), (0.76, 0.00790414, 7.23430500), (0.77, 0.00574942, 7.40818000),
        (0.78, 0.00414784, 7.58412000), (0.79, 0.00296322, 7.76212400), (0.80, 0.00209527, 7.94219300),
        (0.81, 0.00146541, 8.12432700), (0.82, 0.00102059, 8.30852600), (0.83, 0.00070471, 8.49478900),
        (0.84, 0.00047405, 8.68311700), (0.85, 0.00031658, 8.87351000), (0.86, 0.00021072, 9.06596800),
        (0.87, 0.00013884, 9.26049100), (0.88, 0.00009024, 9.45707800), (0.89, 0.00005782, 9.65573000),
        (0.90, 0.00003647, 9.85644700), (0.91, 0.00002296, 10.05923000), (0.92, 0.00001422, 10.26408000),
        (0.93, 0.00000861, 10.47099000), (0.94, 0.00000524, 10.67996000), (0.95, 0.00000313, 10.89100000),
        (0.96, 0.00000182, 11.10411000), (0.97, 0.00000106, 11.31928000), (0.98, 0.00000061, 11.53651000),
        (0.99, 0.00000035, 11.75581000), (1.00, 0.00000019, 11.97718000),
    ]
    /// Advantage_system5.4, from D-Wave document 09-1265A. A is published to 1e-8 GHz and so
    /// reads 0 from s = 0.96 on.
    static let advantage: [(Double, Double, Double)] = [
        (0.00, 9.71343800, 0.25967330), (0.01, 9.53648200, 0.26447570), (0.02, 9.35662000, 0.26956870),
        (0.03, 9.17484000, 0.27488300), (0.04, 8.99003500, 0.28053510), (0.05, 8.80274900, 0.28648720),
        (0.06, 8.61275900, 0.29278490), (0.07, 8.41958100, 0.29949720), (0.08, 8.22413600, 0.30654560),
        (0.09, 8.02514800, 0.31411450), (0.10, 7.82268600, 0.32222070), (0.11, 7.61715400, 0.33086160),
        (0.12, 7.40805800, 0.34014380), (0.13, 7.19608600, 0.35000210), (0.14, 6.97996500, 0.36072380),
        (0.15, 6.75950500, 0.37239910), (0.16, 6.53536200, 0.38501940), (0.17, 6.30720400, 0.39874620),
        (0.18, 6.07515500, 0.41363920), (0.19, 5.83854000, 0.43007240), (0.20, 5.59762000, 0.44813180),
        (0.21, 5.35237000, 0.46805490), (0.22, 5.10300400, 0.49008050), (0.23, 4.84886600, 0.51470270),
        (0.24, 4.59062100, 0.54226120), (0.25, 4.32853600, 0.57314110), (0.26, 4.06262600, 0.60795020),
        (0.27, 3.79376800, 0.64741700), (0.28, 3.52185300, 0.69247800), (0.29, 3.24847700, 0.74376710),
        (0.30, 2.97486000, 0.80210340), (0.31, 2.70164500, 0.86884780), (0.32, 2.43228300, 0.94586320),
        (0.33, 2.16725800, 1.03335600), (0.34, 1.90996100, 1.13261200), (0.35, 1.66216000, 1.24302900),
        (0.36, 1.42696600, 1.36672700), (0.37, 1.21118000, 1.50235300), (0.38, 1.01157200, 1.64829600),
        (0.39, 0.83577350, 1.80302100), (0.40, 0.67933170, 1.96311200), (0.41, 0.54352640, 2.12766300),
        (0.42, 0.43132650, 2.29190300), (0.43, 0.33539730, 2.45662400), (0.44, 0.26050950, 2.61778500),
        (0.45, 0.19955080, 2.77584800), (0.46, 0.15124070, 2.93082900), (0.47, 0.11519580, 3.08051900),
        (0.48, 0.08544068, 3.22845600), (0.49, 0.06408775, 3.37181800), (0.50, 0.04753455, 3.51217400),
        (0.51, 0.03442266, 3.65082400), (0.52, 0.02553131, 3.78507300), (0.53, 0.01849089, 3.91775400),
        (0.54, 0.01345395, 4.04806000), (0.55, 0.00982156, 4.17567500), (0.56, 0.00689643, 4.30255300),
        (0.57, 0.00502969, 4.42619500), (0.58, 0.00359748, 4.54829500), (0.59, 0.00257655, 4.66887200),
        (0.60, 0.00186667, 4.78726100), (0.61, 0.00129422, 4.90508400), (0.62, 0.00092687, 5.02070400),
        (0.63, 0.00065525, 5.13478300), (0.64, 0.00045584, 5.24795100), (0.65, 0.00032893, 5.35884500),
        (0.66, 0.00022867, 5.46904400), (0.67, 0.00016130, 5.57782900), (0.68, 0.00011534, 5.68478300),
        (0.69, 0.00007975, 5.79125700), (0.70, 0.00005697, 5.89599700), (0.71, 0.00003932, 5.99989300),
        (0.72, 0.00002716, 6.10281600), (0.73, 0.00001957, 6.20373200), (0.74, 0.00001347, 6.30434200),
        (0.75, 0.00000951, 6.40357500), (0.76, 0.00000661, 6.50176900), (0.77, 0.00000450, 6.59932200),
        (0.78, 0.00000326, 6.69496700), (0.79, 0.00000225, 6.79021100), (0.80, 0.00000159, 6.88437100),
        (0.81, 0.00000112, 6.97745800), (0.82, 0.00000075, 7.07023000), (0.83, 0.00000054, 7.16125100),
        (0.84, 0.00000037, 7.25177200), (0.85, 0.00000025, 7.34151700), (0.86, 0.00000018, 7.42984400),
        (0.87, 0.00000012, 7.51785100), (0.88, 0.00000009, 7.60462800), (0.89, 0.00000006, 7.69073400),
        (0.90, 0.00000004, 7.77638900), (0.91, 0.00000003, 7.86044200), (0.92, 0.00000002, 7.94422900),
        (0.93, 0.00000001, 8.02714400), (0.94, 0.00000001, 8.10917000), (0.95, 0.00000001, 8.19088100),
        (0.96, 0.00000000, 8.27115300), (0.97, 0.00000000, 8.35107600), (0.98, 0.00000000, 8.43031900),
        (0.99, 0.00000000, 8.50847500), (1.00, 0.00000000, 8.58633500),
    ]
}

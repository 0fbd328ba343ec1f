import Display
import IsingCore

/// An annealing schedule (A(s), B(s) and the path s(t)) as a language value; `plot(s)` draws A and B.
final class ScheduleValue: NativeValue, FigureSource {
    let schedule: AnnealSchedule
    init(_ schedule: AnnealSchedule) { self.schedule = schedule }

    override var typeName: String { "Schedule" }

    var unitText: String { schedule.units == .gigahertz ? "GHz" : "model units" }

    var pathText: String {
        let p = schedule.path
        if p == .forward { return "forward" }
        if p == .hold { return "hold at s = 1" }
        return (p.isReverse ? "reverse, " : "") + "\(p.times.count) points"
    }

    override var summary: String { "Schedule(\(schedule.name), \(unitText), path: \(pathText))" }

    override var display: String {
        let f = ValueFormatter.float
        var lines = [summary]
        lines.append("  s      A(s)      B(s)")
        for s in stride(from: 0.0, through: 1.0001, by: 0.25) {
            let a = f((schedule.transverse(at: s) * 1e4).rounded() / 1e4), b = f((schedule.problem(at: s) * 1e4).rounded() / 1e4)
            lines.append("  " + f(s).padding(toLength: 5, withPad: " ", startingAt: 0) + "  " +
                         a.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + b)
        }
        if schedule.path != .forward {
            lines.append("  path (t, s): " + schedule.path.points.map { "(\(f($0.t)), \(f($0.s)))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    override var memberNames: [String] {
        ["name", "units", "a", "b", "path", "duration", "is_reverse", "with_path", "reverse", "paused", "at"]
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let sch = schedule
        switch name {
        case "name": return .str(sch.name)
        case "units": return .str(sch.units.rawValue)
        case "path": return .list(sch.path.points.map { .tuple([.float($0.t), .float($0.s)]) })
        case "duration": return .float(sch.path.duration)
        case "is_reverse": return .bool(sch.path.isReverse)
        case "a":
            return method(name, [.required("s")], "A(s), the transverse energy scale at anneal fraction s (a number or a list).") { args in
                try Self.curve(args) { sch.transverse(at: $0) }
            }
        case "b":
            return method(name, [.required("s")], "B(s), the problem energy scale at anneal fraction s (a number or a list).") { args in
                try Self.curve(args) { sch.problem(at: $0) }
            }
        case "at":
            return method(name, [.required("u")], "The anneal fraction s after the fraction u of the path's duration.") { args in
                .float(sch.path.fraction(atProgress: try args.double(0)))
            }
        case "with_path":
            return method(name, [.required("points")], "The same A(s), B(s) along another path of (t, s) points.") { args in
                .object(ScheduleValue(sch.with(path: try args.annealPath(0))))
            }
        case "reverse":
            return method(name, [.required("to"), .optional("pause", "0.5"), .optional("ramp", "0.25")],
                          "A reverse anneal: from s = 1 down to `to`, a pause, and back (times as fractions of the whole).") { args in
                let target = try args.double(0), pause = try args.double(1, default: 0.5), ramp = try args.double(2, default: 0.25)
                do { return .object(ScheduleValue(sch.with(path: try AnnealPath.reverse(to: target, pause: pause, ramp: ramp)))) }
                catch let e as IsingError { throw args.error(e.message) }
            }
        case "paused":
            return method(name, [.required("at"), .optional("pause", "0.2")],
                          "A forward anneal paused at s = `at` for the fraction `pause` of the time.") { args in
                let at = try args.double(0), pause = try args.double(1, default: 0.2)
                do { return .object(ScheduleValue(sch.with(path: try AnnealPath.paused(at: at, pause: pause)))) }
                catch let e as IsingError { throw args.error(e.message) }
            }
        default: return nil
        }
    }

    /// f of a number, or of each number in a list.
    private static func curve(_ args: Arguments, _ f: (Double) -> Double) throws -> Value {
        switch args.value(0) {
        case .int, .float: return .float(f(try args.double(0)))
        default: return .list(try args.doubles(0).map { .float(f($0)) })
        }
    }

    func figure(for builtin: String, _ args: Arguments) throws -> Figure? {
        guard builtin == "plot" else { return nil }
        let xs = (0...100).map { Double($0) / 100 }
        let series = [
            Series(name: "A(s)", xs: xs, ys: xs.map { schedule.transverse(at: $0) }),
            Series(name: "B(s)", xs: xs, ys: xs.map { schedule.problem(at: $0) }),
        ]
        let title = args.has(2) ? try args.string(2) : "\(schedule.name) schedule"
        return .plot(LinePlot(series: series, title: title, x: Axis(label: "s"),
                              y: Axis(label: schedule.units == .gigahertz ? "GHz" : "energy")))
    }
}

extension Arguments {
    /// An anneal path: a list of (t, s) pairs.
    func annealPath(_ i: Int) throws -> AnnealPath {
        var points: [(t: Double, s: Double)] = []
        for (k, item) in try sequence(i).enumerated() {
            guard let pair = try item.iterated(), pair.count == 2, let t = pair[0].asDouble, let s = pair[1].asDouble else {
                throw error("point \(k) of `\(name(i))` must be a pair (t, s) of numbers", hint: "for example [(0, 1), (2us, 0.45), (12us, 0.45), (14us, 1)]")
            }
            points.append((t, s))
        }
        do { return try AnnealPath(points) } catch let e as IsingError { throw error(e.message) }
    }

    /// A schedule argument.
    func schedule(_ i: Int) throws -> AnnealSchedule {
        switch value(i) {
        case .object(let o as ScheduleValue): return o.schedule
        case .string(let s):
            do { return try AnnealSchedule.named(s.value) } catch let e as IsingError { throw error(e.message) }
        default:
            throw error("`\(name(i))` must be a schedule, got \(value(i).typeName)", hint: "schedule(\"dw2000q\"), schedule(\"advantage\") or linear_schedule()")
        }
    }

    /// A slice readout by name.
    func readout(_ i: Int, default d: SliceReadout) throws -> SliceReadout {
        guard has(i) else { return d }
        let text = try string(i)
        guard let r = SliceReadout(rawValue: text) else { throw error("`\(name(i))` must be \"first\" or \"best\", got \"\(text)\"") }
        return r
    }
}

extension BuiltinRegistry {
    /// Quantum samplers: schedules, sqa, qbm, exact_quantum.
    static func registerQuantumSamplers(into r: inout BuiltinRegistry) {
        func make(_ args: Arguments, _ body: () throws -> any Sampler) throws -> Value {
            do { return .object(SamplerValue(try body())) } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("schedule", [.required("kind"), .optional("path"), .optional("units", "\"GHz\""), .optional("gamma", "1.0")],
              topic: "quantum", doc: """
            An annealing schedule: A(s), B(s) by name ("dw2000q", "advantage", "linear") or from a table of (s, A, B) rows.
            H(s) = -A(s)/2 sum X + B(s)/2 H_P as on D-Wave; the device tables are D-Wave's published schedules for the
            DW_2000Q_6 and Advantage_system5.4 solvers every 0.01 in s, in GHz, interpolated linearly in B and in log A.
            `path:` is a list of (t, s) points: pauses repeat s, quenches drop fast, and a path that starts at s = 1 is a
            reverse anneal. `gamma:` sets the linear schedule's transverse field.
            let s = schedule("dw2000q", path: [(0, 0), (0.4, 0.45), (0.8, 0.45), (1, 1)]); plot(s)
            """) { args in
            var sch: AnnealSchedule
            do {
                switch args.value(0) {
                case .string(let name):
                    if name.value.lowercased() == "linear" {
                        sch = try AnnealSchedule.linear(gamma: try args.double(3, default: 1))
                    } else {
                        if args.has(3) { throw args.error("`gamma` applies to the linear schedule only") }
                        sch = try AnnealSchedule.named(name.value)
                    }
                default:
                    let unitsText = try args.string(2, default: "GHz")
                    guard let units = ScheduleUnits(rawValue: unitsText) else {
                        throw args.error("`units` must be \"GHz\" or \"model\", got \"\(unitsText)\"")
                    }
                    var s: [Double] = [], a: [Double] = [], b: [Double] = []
                    for (k, row) in try args.sequence(0).enumerated() {
                        guard let xs = try row.iterated(), xs.count == 3, let x = xs[0].asDouble, let y = xs[1].asDouble, let z = xs[2].asDouble else {
                            throw args.error("row \(k) of `kind` must be (s, A, B), three numbers")
                        }
                        s.append(x); a.append(y); b.append(z)
                    }
                    sch = try AnnealSchedule(units: units, s: s, a: a, b: b)
                }
            } catch let e as IsingError { throw args.error(e.message) }
            if args.has(1) { sch = sch.with(path: try args.annealPath(1)) }
            return .object(ScheduleValue(sch))
        }
        let linearBody: Builtin.Body = { args in
            do {
                var sch = try AnnealSchedule.linear(gamma: try args.double(0, default: 1))
                if args.has(1) { sch = sch.with(path: try args.annealPath(1)) }
                return .object(ScheduleValue(sch))
            } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("linear_schedule", [.optional("gamma", "1.0"), .optional("path")], topic: "quantum", doc: """
            The linear schedule in model units: A(s) = 2 gamma (1 - s), B(s) = 2 s, so H(s) = -gamma (1 - s) sum X + s H_P.
            This is OpenJij's SQA convention; beta is then in inverse model units.
            sqa(schedule: linear_schedule(gamma: 2), beta: 10)
            """, linearBody)
        r.add("linear", [.optional("gamma", "1.0"), .optional("path")], topic: "quantum", doc: """
            The linear annealing schedule, the same as linear_schedule(gamma:, path:).
            sqa(schedule: linear(gamma: 2), beta: 10)
            """, linearBody)
        r.add("sqa", [.optional("trotter", "16"), .optional("sweeps", "1000"), .optional("schedule", "linear"),
                      .optional("beta", "auto"), .optional("gamma", "1.0"), .optional("temperature"), .optional("readout", "\"first\"")],
              topic: "quantum", doc: """
            Simulated quantum annealing: path-integral Monte Carlo with `trotter` slices along an annealing schedule.
            Follows H(s) = -A(s)/2 sum X + B(s)/2 H_P over `sweeps` sweeps spread evenly along the schedule's path, with
            single-slice and whole-world-line Metropolis moves. beta is in 1/GHz for device schedules (default: 12 mK, about
            4.0; or give `temperature:` in kelvin) and in inverse model units for the linear one (default 5). Without a
            schedule, linear_schedule(gamma: gamma) is used. Each read reports slice 0 (`readout: "best"` for the
            lowest-energy slice). A reverse-anneal path needs `initial:` states in sample().
            sample(H, sqa(trotter: 16, sweeps: 1000, schedule: schedule("dw2000q")), reads: 100, seed: 1)
            """) { args in
            let trotter = try args.int(0, default: 16), sweeps = try args.int(1, default: 1000)
            let readout = try args.readout(6, default: .first)
            do {
                var sch: AnnealSchedule
                if args.has(2) {
                    if args.has(4) { throw args.error("give `gamma` or `schedule`, not both", hint: "use linear_schedule(gamma: ...) as the schedule") }
                    sch = try args.schedule(2)
                } else {
                    sch = try AnnealSchedule.linear(gamma: try args.double(4, default: 1))
                }
                var beta: Double
                if args.has(5) {
                    if args.has(3) { throw args.error("give `beta` or `temperature`, not both") }
                    guard sch.units == .gigahertz else {
                        throw args.error("`temperature` needs a schedule in GHz", hint: "give `beta` in inverse model units for the linear schedule")
                    }
                    beta = try QuantumUnits.betaPerGigahertz(kelvin: try args.double(5))
                } else if args.has(3) {
                    beta = try args.double(3)
                } else {
                    beta = sch.units == .gigahertz ? try QuantumUnits.betaPerGigahertz(kelvin: 0.012) : 5
                }
                let b = beta
                return try make(args) { try SimulatedQuantumAnnealing(schedule: sch, trotter: trotter, sweeps: sweeps, beta: b, readout: readout) }
            } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("qbm", [.optional("gamma", "1.0"), .optional("beta", "1.0"), .optional("trotter", "32"), .optional("sweeps", "1000"),
                      .optional("readout", "\"first\"")], topic: "quantum", doc: """
            Samples the quantum Boltzmann state exp(-beta (H_P - gamma sum X)) / Z in the computational basis by path-integral Monte Carlo.
            Each read is an independent world-line system equilibrated for `sweeps` sweeps at fixed gamma with `trotter` slices.
            Note the convention: gamma multiplies sum X directly (as in exact_quantum), unlike sqa's A/2, B/2.
            kl(sample(H, qbm(gamma: 0.5, beta: 1), reads: 20000), sample(H, exact_quantum(gamma: 0.5, beta: 1)))
            """) { args in
            let gamma = try args.double(0, default: 1), beta = try args.double(1, default: 1)
            let trotter = try args.int(2, default: 32), sweeps = try args.int(3, default: 1000)
            let readout = try args.readout(4, default: .first)
            return try make(args) { try QuantumBoltzmannSampler(gamma: gamma, beta: beta, trotter: trotter, sweeps: sweeps, readout: readout) }
        }
        r.add("exact_quantum", [.optional("gamma", "1.0"), .optional("beta", "1.0")], topic: "quantum", doc: """
            The exact quantum Gibbs state exp(-beta (H_P - gamma sum X)) / Z of up to 12 spins, as a sampler.
            Its sample sets know log_z and the exact magnetization and correlations of the diagonal distribution; reads are
            exact samples from it, and kl/tv compare other samples against it. ground_energy is the classical one of H_P.
            sample(H, exact_quantum(gamma: 0.5, beta: 2), reads: 1000, seed: 1).log_z
            """) { args in
            let gamma = try args.double(0, default: 1), beta = try args.double(1, default: 1)
            return try make(args) { try QuantumExactSolver(gamma: gamma, beta: beta) }
        }
    }
}

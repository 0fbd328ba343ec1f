import Foundation

/// How the anneal fraction s moves with time: points (t, s) joined by straight lines, as
/// in D-Wave's `anneal_schedule` parameter. Times strictly increase; a repeated s is a
/// pause, a steep segment a quench. A path that starts at s = 1 is a reverse anneal: the
/// annealer starts from a given classical state, goes back to some s, and (usually) returns
/// to 1.
///
/// Times are in any one unit (fractions of the anneal, or seconds such as 5e-6): samplers
/// spread their sweeps evenly over the path's duration, so only ratios of times matter to
/// them; `duration` is reported as given.
public struct AnnealPath: Sendable, Equatable {
    /// The points (t, s) in order.
    public let times: [Double]
    public let fractions: [Double]

    /// A path through the points; throws unless there are at least two, the times increase
    /// strictly and every s is in [0, 1].
    public init(_ points: [(t: Double, s: Double)]) throws {
        guard points.count >= 2 else { throw IsingError("an anneal path needs at least 2 points (t, s), got \(points.count)") }
        for (k, p) in points.enumerated() {
            guard p.t.isFinite, p.s.isFinite else { throw IsingError("anneal path point \(k) is not finite: (\(p.t), \(p.s))") }
            guard p.s >= 0, p.s <= 1 else { throw IsingError("anneal path point \(k) has s = \(p.s), outside [0, 1]") }
            if k > 0, !(p.t > points[k - 1].t) {
                throw IsingError("anneal path times must increase strictly, but point \(k) has t = \(p.t) after \(points[k - 1].t)")
            }
        }
        times = points.map(\.t)
        fractions = points.map(\.s)
    }

    private init(unchecked times: [Double], _ fractions: [Double]) {
        self.times = times; self.fractions = fractions
    }

    /// s rising linearly from 0 to 1.
    public static let forward = AnnealPath(unchecked: [0, 1], [0, 1])

    /// Holding s = 1 throughout (sampling the final Hamiltonian).
    public static let hold = AnnealPath(unchecked: [0, 1], [1, 1])

    /// A forward anneal paused at s = `at` for the fraction `pause` of the anneal.
    public static func paused(at s: Double, pause: Double) throws -> AnnealPath {
        guard pause > 0, pause < 1 else { throw IsingError("pause must be a fraction of the anneal between 0 and 1, got \(pause)") }
        guard s > 0, s < 1 else { throw IsingError("the pause point must be strictly between 0 and 1, got \(s)") }
        let ramp = 1 - pause
        return try AnnealPath([(0, 0), (s * ramp, s), (s * ramp + pause, s), (1, 1)])
    }

    /// A reverse anneal: from s = 1 down to `target` (taking `ramp` of the time), a pause
    /// there (`pause` of the time), and back up to 1 (another `ramp`); the parts are
    /// fractions of the whole and are scaled to sum to 1.
    public static func reverse(to target: Double, pause: Double, ramp: Double = 1) throws -> AnnealPath {
        guard target >= 0, target < 1 else { throw IsingError("the reverse-anneal target s must be in [0, 1), got \(target)") }
        guard pause >= 0, ramp > 0, pause.isFinite, ramp.isFinite else {
            throw IsingError("pause must not be negative and ramp must be above 0, got pause \(pause), ramp \(ramp)")
        }
        let total = 2 * ramp + pause
        var points: [(t: Double, s: Double)] = [(0, 1), (ramp / total, target)]
        if pause > 0 { points.append(((ramp + pause) / total, target)) }
        points.append((1, 1))
        return try AnnealPath(points)
    }

    /// The time from the first point to the last.
    public var duration: Double { (times.last ?? 0) - (times.first ?? 0) }

    /// Whether the path starts at s = 1 and goes below it (a reverse anneal, which starts
    /// from a classical state); holding s = 1 throughout is not one.
    public var isReverse: Bool { fractions.first == 1 && fractions.contains { $0 < 1 } }

    /// s at the fraction `u` ∈ [0, 1] of the path's duration.
    public func fraction(atProgress u: Double) -> Double {
        guard let t0 = times.first, let s0 = fractions.first else { return 0 }
        let t = t0 + min(max(u, 0), 1) * duration
        var k = 0
        while k + 2 < times.count && times[k + 1] < t { k += 1 }
        let f = min(max((t - times[k]) / (times[k + 1] - times[k]), 0), 1)
        return k + 1 < fractions.count ? fractions[k] + f * (fractions[k + 1] - fractions[k]) : s0
    }

    /// The s of each of `sweeps` sweeps spread evenly over the path, the first at its start
    /// and the last at its end (a single sweep sits at the end).
    public func fractions(sweeps: Int) -> [Double] {
        guard sweeps > 1 else { return [fraction(atProgress: 1)] }
        return (0..<sweeps).map { fraction(atProgress: Double($0) / Double(sweeps - 1)) }
    }

    /// The points as (t, s) pairs.
    public var points: [(t: Double, s: Double)] { Array(zip(times, fractions)).map { (t: $0.0, s: $0.1) } }

    public static func == (l: AnnealPath, r: AnnealPath) -> Bool { l.times == r.times && l.fractions == r.fractions }
}

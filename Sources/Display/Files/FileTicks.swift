import Foundation

extension FileDrawing {
    /// A tick on an axis; minor ticks carry no label.
    struct Tick: Equatable, Sendable {
        var value: Double
        var label: String?
    }

    /// An axis's data range, its ticks, and how data maps onto positions.
    struct AxisLayout: Sendable {
        var scale: AxisScale
        /// Data limits (both positive on a log axis).
        var low: Double
        var high: Double
        var ticks: [Tick]
        /// Positions of `low` and `high` in scene units (set when the plot area is known).
        var start: Double = 0
        var end: Double = 1

        /// Where `value` sits along the axis, or nil when it cannot be shown (not finite, or
        /// not positive on a log axis).
        func position(_ value: Double) -> Double? {
            guard value.isFinite else { return nil }
            let t: Double
            switch scale {
            case .linear:
                t = (value - low) / (high - low)
            case .log:
                guard value > 0 else { return nil }
                t = (log10(value) - log10(low)) / (log10(high) - log10(low))
            }
            guard t.isFinite else { return nil }
            return start + t * (end - start)
        }

        /// The longest tick label, in characters.
        var widestLabel: Int { ticks.compactMap { $0.label?.count }.max() ?? 0 }
    }

    /// A step of `mantissa` × 10^`exponent` with mantissa 1, 2 or 5, about `span / target`.
    static func niceStep(span: Double, target: Int) -> (mantissa: Int, exponent: Int) {
        let raw = span / Double(max(1, target))
        guard raw.isFinite, raw > 0 else { return (1, 0) }
        var exponent = Int(floor(log10(raw)))
        let fraction = raw / pow(10, Double(exponent))
        let mantissa: Int
        // Thresholds at the geometric midpoints between 1, 2, 5 and 10.
        if fraction < 1.4142 { mantissa = 1 } else if fraction < 3.1623 { mantissa = 2 } else if fraction < 7.0711 { mantissa = 5 } else {
            mantissa = 1; exponent += 1
        }
        return (mantissa, exponent)
    }

    /// `n` × 10^`k` as a Double, dividing for negative `k` so that 3 × 10^-1 is exactly 0.3.
    static func scaled(_ n: Int, _ k: Int) -> Double {
        k >= 0 ? Double(n) * pow(10, Double(k)) : Double(n) / pow(10, Double(-k))
    }

    /// The label of `n` × 10^`k`: plain decimals with max(0, -k) places, or `2.5e6` style
    /// when `scientific`. Built from the integers, so it never shows rounding noise.
    static func tickLabel(_ n: Int, _ k: Int, scientific: Bool) -> String {
        if n == 0 { return scientific || k >= 0 ? "0" : "0." + String(repeating: "0", count: -k) }
        let sign = n < 0 ? "-" : ""
        var digits = String(n.magnitude)
        if scientific {
            var e = k
            while digits.count > 1, digits.hasSuffix("0") { digits.removeLast(); e += 1 }
            e += digits.count - 1
            let head = String(digits.prefix(1)), tail = String(digits.dropFirst())
            return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + String(e)
        }
        if k >= 0 { return sign + digits + String(repeating: "0", count: k) }
        let places = -k
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// Ticks for a linear axis over `values` (or the axis's fixed range): round steps of
    /// 1, 2 or 5 × 10^k, about `target` of them. With `extend`, a fitted range grows to the
    /// nearest ticks outside the data.
    static func linearAxis(values: [Double], fixed: ClosedRange<Double>?, target: Int, extend: Bool) -> AxisLayout {
        var lo: Double, hi: Double
        var fitted = true
        if let r = fixed, r.lowerBound.isFinite, r.upperBound.isFinite {
            lo = r.lowerBound; hi = r.upperBound; fitted = false
        } else {
            let finite = values.filter { $0.isFinite }
            lo = finite.min() ?? 0; hi = finite.max() ?? 1
        }
        if lo == hi {
            let d = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= d; hi += d
        }
        let (m, k) = niceStep(span: hi - lo, target: target)
        let step = scaled(m, k)
        // Tick indices must stay small integers; a huge offset against a tiny span does not.
        guard abs(lo / step) < 1e12, abs(hi / step) < 1e12 else {
            return AxisLayout(scale: .linear, low: lo, high: hi, ticks: [
                Tick(value: lo, label: String(format: "%.6g", lo)), Tick(value: hi, label: String(format: "%.6g", hi)),
            ])
        }
        var first = Int(ceil(lo / step - 1e-9)), last = Int(floor(hi / step + 1e-9))
        if fitted && extend {
            first = Int(floor(lo / step + 1e-9)); last = Int(ceil(hi / step - 1e-9))
            lo = scaled(first * m, k); hi = scaled(last * m, k)
        }
        // Scientific notation for very large or very small values; a narrow span around a
        // moderate value keeps plain decimals.
        let magnitude = max(abs(scaled(first * m, k)), abs(scaled(last * m, k)))
        let scientific = magnitude >= 1e6 || (magnitude > 0 && magnitude < 1e-4)
        var ticks: [Tick] = []
        if first <= last {
            for i in first...last {
                ticks.append(Tick(value: scaled(i * m, k), label: tickLabel(i * m, k, scientific: scientific)))
            }
        }
        return AxisLayout(scale: .linear, low: lo, high: hi, ticks: ticks)
    }

    /// Ticks for a log axis over the positive `values` (or the fixed range): a labelled tick
    /// at each power of ten (every few when there are many) with unlabelled minor ticks at
    /// 2...9 between them (the 2s and 5s labelled when the axis spans at most two decades);
    /// a fitted range grows to whole decades. A fixed range holding fewer than two powers
    /// of ten is labelled at 1, 2 and 5 × 10^k instead.
    static func logAxis(values: [Double], fixed: ClosedRange<Double>?) -> AxisLayout {
        var lo: Double, hi: Double
        var fitted = true
        if let r = fixed, r.lowerBound > 0, r.upperBound.isFinite, r.lowerBound < r.upperBound {
            lo = r.lowerBound; hi = r.upperBound; fitted = false
        } else {
            let positive = values.filter { $0.isFinite && $0 > 0 }
            lo = positive.min() ?? 1; hi = positive.max() ?? 10
        }
        var firstDecade = Int(floor(log10(lo) + 1e-9)), lastDecade = Int(ceil(log10(hi) - 1e-9))
        if lastDecade <= firstDecade { lastDecade = firstDecade + 1 }
        if fitted {
            lo = pow(10, Double(firstDecade)); hi = pow(10, Double(lastDecade))
        }
        func label(_ n: Int, _ k: Int) -> String { tickLabel(n, k, scientific: k > 5 || k < -4) }
        func inside(_ v: Double) -> Bool { v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) }

        let decades = lastDecade - firstDecade
        let stride = max(1, (decades + 7) / 8)
        var ticks: [Tick] = []
        for k in firstDecade...lastDecade where inside(pow(10, Double(k))) && (k - firstDecade) % stride == 0 {
            ticks.append(Tick(value: pow(10, Double(k)), label: label(1, k)))
        }
        if ticks.count < 2 {
            ticks = []
            for k in (firstDecade - 1)...lastDecade {
                for n in [1, 2, 5] where inside(scaled(n, k)) {
                    ticks.append(Tick(value: scaled(n, k), label: label(n, k)))
                }
            }
        }
        if decades <= 6 {
            var labelled = Set(ticks.map(\.value))
            for k in (firstDecade - 1)...lastDecade {
                for n in 2...9 {
                    let v = scaled(n, k)
                    guard inside(v) && !labelled.contains(v) else { continue }
                    // Over one or two decades the 2s and 5s are labelled too.
                    let named = decades <= 2 && (n == 2 || n == 5)
                    ticks.append(Tick(value: v, label: named ? label(n, k) : nil))
                    labelled.insert(v)
                }
            }
            ticks.sort { $0.value < $1.value }
        }
        return AxisLayout(scale: .log, low: lo, high: hi, ticks: ticks)
    }

    /// The axis for `values` as `axis` asks (log or linear, fixed range or fitted).
    static func axisLayout(values: [Double], axis: Axis, target: Int, extend: Bool = true) -> AxisLayout {
        switch axis.scale {
        case .linear: return linearAxis(values: values, fixed: axis.range, target: target, extend: extend)
        case .log: return logAxis(values: values, fixed: axis.range)
        }
    }
}

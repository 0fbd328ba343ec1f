import Foundation

// Tick marks at round numbers (1, 2 or 5 times a power of ten, or whole decades on a log
// axis) and their labels, written from integers so that no 0.30000000000000004 appears.

extension TerminalRenderer {
    /// Ticks of an axis: positions in axis coordinates (log10 of the value on a log axis),
    /// their labels, and the axis limits they were chosen for.
    struct Ticks {
        var positions: [Double]
        var labels: [String]
        var lo: Double
        var hi: Double
    }

    /// Round-number ticks for the linear range `lo...hi`, about `target` of them. When `loose`,
    /// the limits grow outwards to the nearest ticks; otherwise they stay and the ticks lie inside.
    static func linearTicks(_ lo: Double, _ hi: Double, target: Int, loose: Bool) -> Ticks {
        var (lo, hi) = lo <= hi ? (lo, hi) : (hi, lo)
        guard lo.isFinite, hi.isFinite else { return Ticks(positions: [0, 1], labels: ["0", "1"], lo: 0, hi: 1) }
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) / 10
            lo -= pad; hi += pad
        }
        let span = hi - lo
        guard span.isFinite, span > 0 else { return endTicks(lo, hi) }
        let raw = span / Double(max(1, target))
        var exponent = Int(floor(log10(raw)))
        let fraction = raw / pow(10, Double(exponent))
        let multiple: Int
        if fraction <= 1 + 1e-9 { multiple = 1 }
        else if fraction <= 2 + 1e-9 { multiple = 2 }
        else if fraction <= 5 + 1e-9 { multiple = 5 }
        else { multiple = 1; exponent += 1 }
        let step = Double(multiple) * pow(10, Double(exponent))
        let a = lo / step, b = hi / step
        guard abs(a) < 1e14, abs(b) < 1e14 else { return endTicks(lo, hi) }
        let first = Int(loose ? floor(a + 1e-9) : ceil(a - 1e-9))
        let last = Int(loose ? ceil(b - 1e-9) : floor(b + 1e-9))
        guard first <= last, last - first <= 1000 else { return endTicks(lo, hi) }
        let scientific = exponent > 4 || exponent < -4
        var positions: [Double] = []
        var labels: [String] = []
        for k in first...last {
            let n = k * multiple
            positions.append(value(n, exponent))
            labels.append(decimal(n, exponent, scientific: scientific, decimals: max(0, -exponent)))
        }
        return settled(positions, labels, lo, hi, loose: loose)
    }

    /// Ticks for limits `lo...hi`: when `loose`, a limit moves out to the tick beyond it
    /// unless that would add more than a tenth of the range; ticks outside the limits go.
    private static func settled(_ positions: [Double], _ labels: [String], _ lo: Double, _ hi: Double, loose: Bool) -> Ticks {
        var (lo, hi) = (lo, hi)
        let slack = (hi - lo) / 10
        if loose, let p = positions.first, p <= lo, lo - p <= slack { lo = p }
        if loose, let q = positions.last, q >= hi, q - hi <= slack { hi = q }
        let kept = zip(positions, labels).filter { $0.0 >= lo - 1e-9 * (hi - lo) && $0.0 <= hi + 1e-9 * (hi - lo) }
        if kept.isEmpty { return Ticks(positions: positions, labels: labels, lo: lo, hi: hi) }
        return Ticks(positions: kept.map(\.0), labels: kept.map(\.1), lo: lo, hi: hi)
    }

    /// Decade ticks for a log axis whose limits are `lo...hi` in log10 units. When `loose`,
    /// the limits grow to whole decades. Many decades are labelled every 2, 5, 10, … decades.
    static func logTicks(_ lo: Double, _ hi: Double, target: Int, loose: Bool) -> Ticks {
        var (lo, hi) = lo <= hi ? (lo, hi) : (hi, lo)
        guard lo.isFinite, hi.isFinite, abs(lo) < 1e6, abs(hi) < 1e6 else {
            return Ticks(positions: [0, 1], labels: ["1", "10"], lo: 0, hi: 1)
        }
        let (dataLo, dataHi) = (lo, hi)
        if loose {
            lo = floor(lo + 1e-9); hi = ceil(hi - 1e-9)
            if hi <= lo { hi = lo + 1 }
        }
        let first = Int(ceil(lo - 1e-9)), last = Int(floor(hi + 1e-9))
        guard first <= last else { return endTicks(lo, hi, log: true) }
        let decades = last - first
        var step = 1
        let steps = [1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 500, 1000]
        for s in steps {
            step = s
            if decades / s + 1 <= max(2, target) { break }
        }
        var positions: [Double] = []
        var labels: [String] = []
        var k = Int((Double(first) / Double(step)).rounded(.up)) * step
        let scientific = last > 5 || k < -4
        while k <= last {
            positions.append(Double(k))
            labels.append(k == 0 ? "1" : decimal(1, k, scientific: scientific, decimals: 0))
            k += step
        }
        if positions.isEmpty { return endTicks(lo, hi, log: true) }
        // A range within one decade keeps both decades; wider ones keep to the data.
        if !loose || dataHi - dataLo < 1 { return Ticks(positions: positions, labels: labels, lo: lo, hi: hi) }
        return settled(positions, labels, dataLo, dataHi, loose: true)
    }

    /// Ticks at the two limits only, for ranges round numbers cannot serve.
    private static func endTicks(_ lo: Double, _ hi: Double, log: Bool = false) -> Ticks {
        let label = { (v: Double) in compact(log ? pow(10, v) : v) }
        return Ticks(positions: [lo, hi], labels: [label(lo), label(hi)], lo: lo, hi: hi)
    }

    /// The value n × 10^e, computed so that it is the double nearest to it.
    static func value(_ n: Int, _ e: Int) -> Double {
        e >= 0 ? Double(n) * pow(10, Double(e)) : Double(n) / pow(10, Double(-e))
    }

    /// n × 10^e written exactly: with `decimals` digits after the point, or as d.ddde±x.
    static func decimal(_ n: Int, _ e: Int, scientific: Bool, decimals: Int) -> String {
        let sign = n < 0 ? "-" : ""
        let magnitude = n.magnitude
        if magnitude == 0 { return decimals > 0 && !scientific ? "0." + String(repeating: "0", count: decimals) : "0" }
        if scientific {
            var m = magnitude, x = e
            while m % 10 == 0 { m /= 10; x += 1 }
            let digits = String(m)
            let power = x + digits.count - 1
            let mantissa = digits.count == 1 ? digits : "\(digits.prefix(1)).\(digits.dropFirst())"
            return "\(sign)\(mantissa)e\(power)"
        }
        var digits = String(magnitude)
        if e >= 0 {
            digits += String(repeating: "0", count: e)
            return sign + digits
        }
        let places = -e
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        var whole = String(digits.prefix(digits.count - places))
        var fractional = String(digits.suffix(places))
        // Trim zeros beyond the requested decimals (a finer step than the labels need).
        while fractional.count > decimals, fractional.hasSuffix("0") { fractional.removeLast() }
        if whole.isEmpty { whole = "0" }
        return fractional.isEmpty ? sign + whole : "\(sign)\(whole).\(fractional)"
    }

    /// A short label for any number: up to 3 significant digits, exponents as e5 / e-5.
    static func compact(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return "0" }
        var s = String(format: "%.3g", x)
        if let r = s.range(of: "e") {
            var exp = String(s[r.upperBound...])
            let negative = exp.hasPrefix("-")
            exp = String(exp.drop(while: { $0 == "+" || $0 == "-" || $0 == "0" }))
            s = String(s[..<r.lowerBound]) + "e" + (negative ? "-" : "") + (exp.isEmpty ? "0" : exp)
        }
        return s
    }
}

/// Writing and reading numbers in text formats so that every `Double` survives a round
/// trip exactly: writers use the shortest digits that read back as the same value, and
/// readers accept only plain decimal syntax (no hexadecimal floats or other surprises).
public enum NumberText {
    /// The shortest decimal digits of a finite, non-zero `x` with the position of the
    /// decimal point: |x| = 0.d₁d₂… × 10^point.
    static func shortestDigits(_ x: Double) -> (digits: [UInt8], point: Int) {
        // Swift's description already prints the shortest round-trip digits; only the
        // layout (fixed or exponent) differs from what the formats want.
        var mantissa: [UInt8] = []
        var pointAt: Int?
        var exponent = 0
        var text = Substring(x.magnitude.description)
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        for c in text.utf8 {
            if c == UInt8(ascii: ".") { pointAt = mantissa.count } else { mantissa.append(c - UInt8(ascii: "0")) }
        }
        var point = (pointAt ?? mantissa.count) + exponent
        while let first = mantissa.first, first == 0 { mantissa.removeFirst(); point -= 1 }
        while let last = mantissa.last, last == 0 { mantissa.removeLast() }
        return (mantissa, point)
    }

    private static func digitText(_ ds: ArraySlice<UInt8>) -> String {
        String(decoding: ds.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }

    /// `x` as Python's `repr(float)` writes it (and so as `json.dumps` does): shortest
    /// round-trip digits, fixed notation with at least one fractional digit for
    /// 1e-4 ≤ |x| < 1e16, otherwise `d.ddde±XX`; `inf`, `-inf` and `nan` for the rest.
    public static func pythonRepr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        if x == 0 { return sign + "0.0" }
        let (ds, point) = shortestDigits(x)
        if point <= -4 || point > 16 {
            var s = sign + digitText(ds[0..<1])
            if ds.count > 1 { s += "." + digitText(ds[1...]) }
            let e = point - 1
            let magnitude = String(abs(e))
            return s + "e" + (e < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        return sign + fixed(ds, point)
    }

    /// `x` in positional notation without an exponent (`0.00001`, `12345678.0`), with the
    /// shortest round-trip digits; what readers that accept no exponent (dimod's COO
    /// reader) need. Only for finite `x`.
    public static func positional(_ x: Double) -> String {
        let sign = x.sign == .minus ? "-" : ""
        if x == 0 { return sign + "0.0" }
        let (ds, point) = shortestDigits(x)
        return sign + fixed(ds, point)
    }

    private static func fixed(_ ds: [UInt8], _ point: Int) -> String {
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + digitText(ds[...]) }
        if point >= ds.count { return digitText(ds[...]) + String(repeating: "0", count: point - ds.count) + ".0" }
        return digitText(ds[0..<point]) + "." + digitText(ds[point...])
    }

    /// The exact decimal value of an integral, finite `x` (what Python's `int(x)` prints),
    /// e.g. `-113456789012345680` for -1.1345678901234568e17.
    public static func exactInteger(_ x: Double) -> String {
        if x.magnitude < 9.2e18 { return String(Int64(x)) }
        // x = significand × 2^shift with an integer significand; double it in base 10⁹.
        let significand = x.significandBitPattern | (1 << 52)
        let shift = Int(x.exponent) - 52
        var limbs: [UInt64] = [significand % 1_000_000_000, (significand / 1_000_000_000) % 1_000_000_000,
                               significand / 1_000_000_000_000_000_000]
        for _ in 0..<shift {
            var carry: UInt64 = 0
            for k in limbs.indices {
                let v = limbs[k] * 2 + carry
                limbs[k] = v % 1_000_000_000
                carry = v / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
        }
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
        var s = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            s += String(repeating: "0", count: 9 - part.count) + part
        }
        return (x < 0 ? "-" : "") + s
    }

    /// Parses plain decimal syntax: optional sign, digits with an optional fraction
    /// (`1`, `-2.5`, `.5`, `3.`), an optional exponent (`1e-5`). With `words`, also
    /// `inf`, `infinity` and `nan` in any case. Returns nil for anything else.
    public static func parseDouble<S: StringProtocol>(_ text: S, words: Bool = false) -> Double? {
        var u = Array(text.utf8)[...]
        guard !u.isEmpty else { return nil }
        if words {
            var body = u
            if let f = body.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { body = body.dropFirst() }
            let lower = String(decoding: body, as: UTF8.self).lowercased()
            if lower == "inf" || lower == "infinity" || lower == "nan" {
                let v: Double = lower == "nan" ? .nan : .infinity
                return u.first == UInt8(ascii: "-") ? -v : v
            }
        }
        let digit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let whole = u
        if let f = u.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { u = u.dropFirst() }
        var intDigits = 0, fracDigits = 0
        while let c = u.first, digit(c) { u = u.dropFirst(); intDigits += 1 }
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            while let c = u.first, digit(c) { u = u.dropFirst(); fracDigits += 1 }
        }
        guard intDigits + fracDigits > 0 else { return nil }
        if let e = u.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            u = u.dropFirst()
            if let f = u.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { u = u.dropFirst() }
            var expDigits = 0
            while let c = u.first, digit(c) { u = u.dropFirst(); expDigits += 1 }
            guard expDigits > 0 else { return nil }
        }
        guard u.isEmpty else { return nil }
        return Double(String(decoding: whole, as: UTF8.self))
    }

    /// Parses an optional sign followed by decimal digits into an `Int`; nil for other
    /// text or on overflow.
    public static func parseInt<S: StringProtocol>(_ text: S) -> Int? {
        var u = Array(text.utf8)[...]
        if let f = u.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { u = u.dropFirst() }
        guard !u.isEmpty, u.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(String(text))
    }
}

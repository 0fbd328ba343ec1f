/// A pseudo-Boolean polynomial: a real-valued function of labelled spins (±1) or
/// binaries (0/1), written as a sum of coefficients times products of distinct variables.
///
///     (s0 + s1 - 1)^2  =  2·s0·s1 - 2·s0 - 2·s1 + 3        (spins: s² = 1)
///     (x0 + x1 - 1)^2  =  2·x0·x1 - x0 - x1 + 1            (binaries: x² = x)
///
/// Terms are stored as a dictionary from `Monomial` (a sorted set of labels; the empty
/// set is the constant) to a nonzero `Double` coefficient; the dictionary keeps insertion
/// order so that results never depend on hashing.
///
/// **Variable types.** A polynomial built from spins has `vartype == .spin`, one built
/// from binaries `.binary`; a plain number (`Polynomial(constant:)`) is untyped
/// (`vartype == nil`) and combines with either. Combining a spin polynomial with a binary
/// one (`+`, `-`, `*`) is an error: the same product means different things in the two
/// worlds, and a silent conversion would hide a likely mistake. Convert one side
/// explicitly with `converted(to:)` (s = 2x − 1, x = (s + 1)/2) first.
///
/// **Variables** are listed in order of first appearance and include every variable
/// that entered the expression, even when its terms later cancelled (`s0 - s0` still
/// lists `s0`), as dimod does for models; a model built by `toBQM()` has them all.
///
/// **Size limits.** Products and powers stop with an `IsingError` when the result would
/// have more than `termLimit` terms or when a single product would combine more than
/// `workLimit` pairs of terms; they also stop with `CancelledError` when
/// `Cancellation.isRequested`.
public struct Polynomial: Sendable {
    /// The largest number of terms a product or power may produce.
    public static let termLimit = 1_000_000
    /// The largest number of term pairs a single product may combine.
    public static let workLimit = 100_000_000

    /// Spin, binary, or nil for an untyped constant.
    public internal(set) var vartype: Vartype?
    /// Every variable of the expression, in order of first appearance.
    public private(set) var variables: [Label] = []
    private var variableSet: Set<Label> = []
    var table = TermTable()

    // MARK: Construction

    /// The zero polynomial (untyped).
    public init() { vartype = nil }

    /// A constant (untyped: it combines with spin and binary polynomials alike).
    public init(constant c: Double) {
        vartype = nil
        table.add(.one, c)
    }

    /// A single variable of the given type.
    public init(variable label: Label, vartype: Vartype) {
        self.vartype = vartype
        absorb([label])
        table.add(Monomial(sorted: [label]), 1)
    }

    /// A polynomial from (factors, coefficient) pairs; repeated factors inside one
    /// product are reduced by `vartype` and equal products are added. Variables are
    /// listed in the order they first occur in `terms`.
    public init(vartype: Vartype, terms: [([Label], Double)]) {
        self.vartype = vartype
        for (factors, c) in terms {
            absorb(factors)
            table.add(Monomial(factors, vartype: vartype), c)
        }
        table.compact()
    }

    /// Internal: typed polynomial with given variables and terms.
    init(vartype: Vartype?, variables: [Label], table: TermTable) {
        self.vartype = vartype
        absorb(variables)
        var t = table
        t.compact()
        self.table = t
    }

    /// A spin variable (±1).
    public static func spin(_ label: Label) -> Polynomial { Polynomial(variable: label, vartype: .spin) }

    /// A binary variable (0/1).
    public static func binary(_ label: Label) -> Polynomial { Polynomial(variable: label, vartype: .binary) }

    /// Spin variables labelled 0, 1, ..., n − 1 (none when n ≤ 0).
    public static func spins(_ n: Int) -> [Polynomial] { (0..<max(n, 0)).map { spin(.int($0)) } }

    /// Binary variables labelled 0, 1, ..., n − 1 (none when n ≤ 0).
    public static func binaries(_ n: Int) -> [Polynomial] { (0..<max(n, 0)).map { binary(.int($0)) } }

    /// Adds labels not yet known to `variables`, keeping first-appearance order.
    mutating func absorb<S: Sequence>(_ labels: S) where S.Element == Label {
        for v in labels where variableSet.insert(v).inserted { variables.append(v) }
    }

    // MARK: Inspection

    /// The nonzero terms in a stable order (the order in which they were created).
    public var terms: [(monomial: Monomial, coefficient: Double)] {
        table.entries.map { (monomial: $0.0, coefficient: $0.1) }
    }

    /// Number of nonzero terms (the constant counts as one when nonzero).
    public var termCount: Int { table.count }

    /// The coefficient of a monomial (0 when absent).
    public func coefficient(_ m: Monomial) -> Double { table.coefficient(m) }

    /// The coefficient of the product of `factors`, reduced by this polynomial's vartype
    /// (for spins, `[a, a, b]` means b).
    public func coefficient(of factors: [Label]) -> Double {
        table.coefficient(Monomial(factors, vartype: vartype ?? .binary))
    }

    /// The constant term.
    public var constant: Double { table.coefficient(.one) }

    /// The largest number of variables in a nonzero term (0 for constants).
    public var degree: Int { table.entries.reduce(0) { max($0, $1.0.degree) } }

    /// Whether the polynomial has no term with a variable.
    public var isConstant: Bool { degree == 0 }

    /// Whether every coefficient is a finite number.
    public var isFinite: Bool { table.entries.allSatisfy { $0.1.isFinite } }

    // MARK: Algebra

    /// The vartype of a combination of `a` and `b`, or an error naming the clash.
    static func commonVartype(_ a: Polynomial, _ b: Polynomial, _ verb: String) throws -> Vartype? {
        switch (a.vartype, b.vartype) {
        case (nil, let v), (let v, nil): return v
        case (let x?, let y?):
            if x == y { return x }
            let (spinSide, binarySide) = x == .spin ? (a, b) : (b, a)
            throw IsingError("cannot \(verb) a spin expression (variables \(spinSide.variableSummary)) and a binary expression "
                             + "(variables \(binarySide.variableSummary)): spins are ±1 and binaries 0/1; convert one side first "
                             + "(spin to binary: s = 2x − 1; binary to spin: x = (s + 1)/2)")
        }
    }

    /// At most four variable names, for messages.
    var variableSummary: String {
        let shown = variables.prefix(4).map { displayName($0) }.joined(separator: ", ")
        return variables.count > 4 ? shown + ", ..." : shown
    }

    /// Adds `k` times `other` in place.
    public mutating func add(_ other: Polynomial, times k: Double = 1) throws {
        vartype = try Polynomial.commonVartype(self, other, "add")
        absorb(other.variables)
        guard k != 0 else { return }
        for (m, c) in other.table.entries { table.add(m, k * c) }
        table.compact()
    }

    /// Adds a constant in place.
    public mutating func add(constant c: Double) {
        table.add(.one, c)
        table.compact()
    }

    /// The polynomial times a number (the zero polynomial, variables kept, when k = 0).
    public func scaled(_ k: Double) -> Polynomial {
        var p = self
        if k == 0 { p.table = TermTable() } else { p.table.scale(k); p.table.compact() }
        return p
    }

    /// The sum of several polynomials (0 for none).
    public static func sum<S: Sequence>(_ items: S) throws -> Polynomial where S.Element == Polynomial {
        var total = Polynomial()
        for p in items { try total.add(p) }
        return total
    }

    /// The product of two polynomials, reduced by the vartype (s² = 1, x² = x), zero
    /// terms dropped. `context` describes the operation in size errors.
    static func multiply(_ a: Polynomial, _ b: Polynomial, context: String = "this product") throws -> Polynomial {
        let vt = try commonVartype(a, b, "multiply")
        var out = Polynomial()
        out.vartype = vt
        out.absorb(a.variables)
        out.absorb(b.variables)
        let left = a.table.entries, right = b.table.entries
        let (pairs, overflow) = left.count.multipliedReportingOverflow(by: right.count)
        if overflow || pairs > workLimit {
            throw IsingError("\(context) is too large to expand: it multiplies a \(left.count)-term polynomial by a "
                             + "\(right.count)-term one (more than \(SymbolicFormat.count(workLimit)) term pairs)")
        }
        out.table.reserve(min(pairs, termLimit))
        var work = 0
        for (ma, ca) in left {
            for (mb, cb) in right { out.table.add(ma.times(mb, vartype: vt), ca * cb) }
            if out.table.storedCount > termLimit && out.table.count > termLimit {
                throw IsingError("\(context) has more than \(SymbolicFormat.count(termLimit)) terms when expanded; "
                                 + "use fewer variables or a lower power")
            }
            work += right.count
            if work >= 65_536 {
                work = 0
                if Cancellation.isRequested { throw CancelledError() }
            }
        }
        out.table.compact()
        return out
    }

    /// The polynomial raised to a whole power k ≥ 0 by repeated squaring, reduced after
    /// every product. p^0 is the constant 1 (keeping p's vartype and variables).
    public func power(_ k: Int) throws -> Polynomial {
        guard k >= 0 else {
            throw IsingError("a polynomial can only be raised to a whole power ≥ 0, got \(k)")
        }
        var result = Polynomial(vartype: vartype, variables: variables, table: TermTable())
        result.table.add(.one, 1)
        var base = self
        var e = k
        let context = "(\(variables.isEmpty ? "constant" : "polynomial in \(variableSummary)"))^\(k)"
        while e > 0 {
            if e & 1 == 1 { result = try Polynomial.multiply(result, base, context: context) }
            e >>= 1
            if e > 0 { base = try Polynomial.multiply(base, base, context: context) }
        }
        guard result.isFinite else {
            throw IsingError("\(context) overflows: its coefficients are beyond the range of a Double")
        }
        return result
    }

    // MARK: Operators
    //
    // `+ - *` between polynomials throw when one is over spins and the other over
    // binaries (and `*` also on the size limits); with plain numbers they never throw.

    /// Sum (error when mixing spin and binary variables).
    public static func + (a: Polynomial, b: Polynomial) throws -> Polynomial {
        var r = a
        try r.add(b)
        return r
    }

    /// Difference (error when mixing spin and binary variables).
    public static func - (a: Polynomial, b: Polynomial) throws -> Polynomial {
        var r = a
        try r.add(b, times: -1)
        return r
    }

    /// Product, reduced by s² = 1 or x² = x (error when mixing types or beyond the size limits).
    public static func * (a: Polynomial, b: Polynomial) throws -> Polynomial { try multiply(a, b) }

    /// Negation.
    public static prefix func - (p: Polynomial) -> Polynomial { p.scaled(-1) }

    /// Scalar multiples and division by a number.
    public static func * (k: Double, p: Polynomial) -> Polynomial { p.scaled(k) }
    public static func * (p: Polynomial, k: Double) -> Polynomial { p.scaled(k) }
    public static func / (p: Polynomial, k: Double) -> Polynomial { p.scaled(1 / k) }

    /// Adding or subtracting a constant.
    public static func + (p: Polynomial, c: Double) -> Polynomial { var r = p; r.add(constant: c); return r }
    public static func + (c: Double, p: Polynomial) -> Polynomial { p + c }
    public static func - (p: Polynomial, c: Double) -> Polynomial { p + (-c) }
    public static func - (c: Double, p: Polynomial) -> Polynomial { (-p) + c }

    /// In-place forms; `+=` with a polynomial costs time in the size of the right side only.
    public static func += (a: inout Polynomial, b: Polynomial) throws { try a.add(b) }
    public static func -= (a: inout Polynomial, b: Polynomial) throws { try a.add(b, times: -1) }
    public static func += (a: inout Polynomial, c: Double) { a.add(constant: c) }
    public static func -= (a: inout Polynomial, c: Double) { a.add(constant: -c) }
    public static func *= (a: inout Polynomial, k: Double) { a = a.scaled(k) }
    public static func *= (a: inout Polynomial, b: Polynomial) throws { a = try multiply(a, b) }
}

extension Polynomial: Equatable {
    /// Same vartype and the same nonzero terms (variable lists and term order are not compared).
    public static func == (a: Polynomial, b: Polynomial) -> Bool {
        guard a.vartype == b.vartype, a.table.count == b.table.count else { return false }
        return a.table.entries.allSatisfy { b.table.coefficient($0.0) == $0.1 }
    }
}

extension Polynomial: CustomStringConvertible {
    /// How a label is printed: integer labels as `s[i]` (spins) or `x[i]` (binaries),
    /// strings as they are.
    func displayName(_ label: Label) -> String {
        switch label {
        case .int(let i): return vartype == .binary ? "x[\(i)]" : "s[\(i)]"
        case .string(let s): return s
        }
    }

    /// Terms by decreasing degree, then by the variables' order of appearance, e.g.
    /// `2*s[0]*s[1] - 2*s[0] - 2*s[1] + 3`.
    public var description: String { formatted { displayName($0) } }

    /// The polynomial printed with a custom label format.
    public func formatted(label name: (Label) -> String) -> String {
        let sorted = sortedEntries()
        if sorted.isEmpty { return "0" }
        var out = ""
        for (n, (m, c)) in sorted.enumerated() {
            let magnitude = abs(c)
            let sign = c < 0 ? "-" : "+"
            out += n == 0 ? (c < 0 ? "-" : "") : " \(sign) "
            let factors = m.labels.map(name).joined(separator: "*")
            if m.isConstant { out += SymbolicFormat.number(magnitude) }
            else if magnitude == 1 { out += factors }
            else { out += SymbolicFormat.number(magnitude) + "*" + factors }
        }
        return out
    }

    /// Nonzero terms by decreasing degree, then lexicographically by variable position.
    func sortedEntries(descending: Bool = true) -> [(Monomial, Double)] {
        var position: [Label: Int] = [:]
        for (i, v) in variables.enumerated() { position[v] = i }
        let keyed = table.entries.map { entry in
            (entry, entry.0.labels.map { position[$0] ?? Int.max }.sorted())
        }
        return keyed.sorted { a, b in
            if a.1.count != b.1.count { return descending ? a.1.count > b.1.count : a.1.count < b.1.count }
            return a.1.lexicographicallyPrecedes(b.1)
        }.map { $0.0 }
    }
}

/// Number formatting for the symbolic layer's messages and printed forms.
enum SymbolicFormat {
    /// Whole numbers without a decimal point, others in Swift's shortest form.
    static func number(_ x: Double) -> String {
        if x.isFinite && x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// 1000000 as "1,000,000".
    static func count(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}

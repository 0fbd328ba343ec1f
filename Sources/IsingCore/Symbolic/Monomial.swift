/// A product of distinct variables: the key of one term of a `Polynomial`.
///
/// The labels are kept sorted (by `Label`'s order: integers before strings) and
/// without repeats, so two monomials are equal exactly when they are the same product.
/// The empty monomial is the constant 1.
///
/// Repeated factors are reduced by the variable type when a monomial is built:
/// a spin satisfies s² = 1, so a pair of equal spins cancels; a binary satisfies
/// x² = x, so repeats collapse to one factor.
public struct Monomial: Hashable, Sendable {
    /// The variables of the product, sorted and distinct.
    public let labels: [Label]

    /// The constant monomial 1.
    public static let one = Monomial(sorted: [])

    /// A monomial from factors in any order, with repeats reduced by `vartype`
    /// (spins: s·s = 1; binaries: x·x = x).
    public init<S: Sequence>(_ factors: S, vartype: Vartype) where S.Element == Label {
        let sorted = factors.sorted()
        var kept: [Label] = []
        kept.reserveCapacity(sorted.count)
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j] == sorted[i] { j += 1 }
            let repeats = j - i
            if vartype == .binary || repeats % 2 == 1 { kept.append(sorted[i]) }
            i = j
        }
        labels = kept
    }

    /// A monomial from labels already sorted and distinct (not checked).
    init(sorted labels: [Label]) { self.labels = labels }

    /// The number of factors (0 for the constant).
    public var degree: Int { labels.count }

    /// Whether this is the constant monomial 1.
    public var isConstant: Bool { labels.isEmpty }

    /// Whether the product contains `label`.
    public func contains(_ label: Label) -> Bool { labels.contains(label) }

    /// The product of two monomials, reduced by `vartype`: for spins the symmetric
    /// difference of the factor sets, for binaries (and untyped constants) the union.
    public func times(_ other: Monomial, vartype: Vartype?) -> Monomial {
        if other.labels.isEmpty { return self }
        if labels.isEmpty { return other }
        return Monomial(sorted: vartype == .spin
                        ? Monomial.symmetricDifference(labels, other.labels)
                        : Monomial.union(labels, other.labels))
    }

    /// The sorted union of two sorted, distinct label lists.
    static func union(_ a: [Label], _ b: [Label]) -> [Label] {
        var out: [Label] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { out.append(a[i]); i += 1; j += 1 }
            else if a[i] < b[j] { out.append(a[i]); i += 1 }
            else { out.append(b[j]); j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    /// The sorted symmetric difference of two sorted, distinct label lists.
    static func symmetricDifference(_ a: [Label], _ b: [Label]) -> [Label] {
        var out: [Label] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { i += 1; j += 1 }
            else if a[i] < b[j] { out.append(a[i]); i += 1 }
            else { out.append(b[j]); j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }
}

/// The terms of a polynomial: a dictionary from monomials to coefficients that
/// remembers insertion order, so that every traversal (and therefore every floating-point
/// sum, every printed form and every model built from it) is the same from run to run;
/// Swift's own dictionaries iterate in an order that changes between processes.
struct TermTable: Sendable {
    private(set) var monomials: [Monomial] = []
    private(set) var coefficients: [Double] = []
    private var slot: [Monomial: Int] = [:]
    /// How many stored entries currently have coefficient exactly zero.
    private var zeros = 0

    init() {}

    /// Number of nonzero terms.
    var count: Int { monomials.count - zeros }

    /// Number of stored entries, zeros included.
    var storedCount: Int { monomials.count }

    func coefficient(_ m: Monomial) -> Double { slot[m].map { coefficients[$0] } ?? 0 }

    mutating func reserve(_ n: Int) {
        monomials.reserveCapacity(n)
        coefficients.reserveCapacity(n)
        slot.reserveCapacity(n)
    }

    /// Adds `c` to the coefficient of `m`.
    mutating func add(_ m: Monomial, _ c: Double) {
        if let i = slot[m] {
            let old = coefficients[i], new = old + c
            coefficients[i] = new
            if old != 0 && new == 0 { zeros += 1 } else if old == 0 && new != 0 { zeros -= 1 }
        } else if c != 0 {
            slot[m] = monomials.count
            monomials.append(m)
            coefficients.append(c)
        }
    }

    /// Multiplies every coefficient by `k` (k ≠ 0).
    mutating func scale(_ k: Double) {
        for i in coefficients.indices { coefficients[i] *= k }
    }

    /// Drops the entries whose coefficient is zero.
    mutating func compact() {
        guard zeros > 0 else { return }
        var t = TermTable()
        t.reserve(count)
        for (m, c) in zip(monomials, coefficients) where c != 0 { t.add(m, c) }
        self = t
    }

    /// The nonzero terms in insertion order.
    var entries: [(Monomial, Double)] {
        var out: [(Monomial, Double)] = []
        out.reserveCapacity(count)
        for (m, c) in zip(monomials, coefficients) where c != 0 { out.append((m, c)) }
        return out
    }
}

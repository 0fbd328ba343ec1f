/// A higher-order polynomial reduced to quadratic form with auxiliary variables.
///
/// **Method.** The polynomial is written over binaries (a spin polynomial is first
/// converted exactly with s = 2x − 1). While some term has degree ≥ 3, the pair of
/// variables (a, b) occurring together in the most such terms is chosen (ties: the pair
/// whose variables come first in the variable order, original variables before
/// auxiliaries); a new binary y replaces the product a·b in every term of degree ≥ 3
/// that contains both, and Rosenberg's penalty
///
///     M · (a·b − 2·a·y − 2·b·y + 3·y)
///
/// is added. The penalty is 0 when y = a·b and at least M otherwise.
///
/// **Auxiliary names.** The variable standing for a·b is `.string("aux(A*B)")`, where A
/// and B are the labels of the pair as printed by `Label.description`, the one that comes
/// first in the polynomial's variable order written first; pairs involving earlier
/// auxiliaries nest, e.g. `aux(aux(0*1)*2)`. If that name is already taken by a variable,
/// primes are appended (`aux(0*1)'`) until it is free.
///
/// **Result type.** The reduced polynomial has the input's vartype: for a spin input the
/// binary result is converted back (exactly, x = (s + 1)/2), so auxiliaries are spins and
/// auxiliary y = a·b in binary terms reads σ_y = +1 exactly when both factors are +1.
/// An untyped constant stays a binary constant.
///
/// **Strength.** Without `strength`, each auxiliary gets its own M = 1 + Σ|c| over the
/// (binary-form) coefficients c of the terms it replaces. That is enough: writing the
/// polynomial before the step as g = g₀ + a·b·h, the step gives g' = g₀ + y·h + M·P, and
/// when y ≠ a·b, g' − g = (y − a·b)·h + M·P ≥ −Σ|c| + M ≥ 1 > 0, while y = a·b gives g'
/// = g. So for every assignment of the earlier variables the minimum over y is g, and by
/// induction over the steps the minimum over all auxiliaries equals the original value,
/// with every wrong auxiliary costing at least 1. A `strength` given by the caller is used
/// for every auxiliary; when it is below the safe value for some auxiliary, `warnings`
/// says so (the minimum may then fall below the original energy).
public struct Quadratization: Sendable {
    /// One auxiliary variable.
    public struct Auxiliary: Sendable, Equatable {
        /// The auxiliary's label, e.g. `aux(0*1)`.
        public let label: Label
        /// The two variables whose (binary) product it stands for.
        public let factors: [Label]
        /// The penalty strength M used for it.
        public let strength: Double
        /// 1 + Σ|c| over the terms it replaced: the smallest strength this method proves safe, plus 1.
        public let safeStrength: Double
        /// How many terms of degree ≥ 3 it replaced a product in.
        public let replacedTerms: Int
    }

    /// The reduced polynomial, degree ≤ 2, over the original variables then the auxiliaries.
    public let polynomial: Polynomial
    /// The same as a binary quadratic model.
    public let model: BinaryQuadraticModel
    /// The variables of the input polynomial, in order.
    public let originalVariables: [Label]
    /// The auxiliaries in order of creation (each may use earlier ones as factors).
    public let auxiliaries: [Auxiliary]
    /// Notes about strengths below the safe value.
    public let warnings: [String]

    /// The auxiliary values that make every penalty zero for an assignment of the original
    /// variables (values in the polynomial's vartype); the reduced polynomial then equals
    /// the original one at that assignment.
    public func auxiliaryValues(_ assignment: [Label: Int]) throws -> [Label: Int] {
        let spin = polynomial.vartype == .spin
        var bit: [Label: Int] = [:]
        func binaryValue(_ v: Label) throws -> Int {
            if let b = bit[v] { return b }
            guard let x = assignment[v] else { throw IsingError("no value given for variable \(v)") }
            try polynomial.checkDomain(x, of: v)
            return spin ? (x + 1) / 2 : x
        }
        var out: [Label: Int] = [:]
        for aux in auxiliaries {
            var y = 1
            for f in aux.factors { y *= try binaryValue(f) }
            bit[aux.label] = y
            out[aux.label] = spin ? 2 * y - 1 : y
        }
        return out
    }

    /// An assignment of the original variables completed with `auxiliaryValues`.
    public func completed(_ assignment: [Label: Int]) throws -> [Label: Int] {
        try assignment.merging(auxiliaryValues(assignment)) { _, aux in aux }
    }
}

extension Polynomial {
    /// This polynomial reduced to degree ≤ 2 with auxiliary variables (see `Quadratization`
    /// for the method, the auxiliary names and the default strength rule). A polynomial of
    /// degree ≤ 2 comes back unchanged, with no auxiliaries.
    public func quadratized(strength: Double? = nil) throws -> Quadratization {
        if let s = strength, !(s.isFinite && s > 0) {
            throw IsingError("the quadratization strength must be a positive number, got \(s)")
        }
        let resultType = vartype ?? .binary
        let binary = try converted(to: .binary)

        var labels = binary.variables
        var taken = Set(labels)
        var id: [Label: Int] = [:]
        for (i, v) in labels.enumerated() { id[v] = i }

        var low = TermTable()
        var termVars: [[Int]] = []      // ids, ascending
        var termCoef: [Double] = []
        var active: [Bool] = []
        for (m, c) in binary.table.entries {
            if m.degree <= 2 { low.add(m, c); continue }
            termVars.append(m.labels.compactMap { id[$0] }.sorted())
            termCoef.append(c)
            active.append(true)
        }

        var pairCount: [UInt64: Int] = [:]
        var pairTerms: [UInt64: [Int]] = [:]
        var heap = PairHeap()
        func key(_ a: Int, _ b: Int) -> UInt64 {
            a < b ? UInt64(a) << 32 | UInt64(b) : UInt64(b) << 32 | UInt64(a)
        }
        func bump(_ k: UInt64, _ delta: Int) {
            let c = pairCount[k, default: 0] + delta
            pairCount[k] = c
            if c > 0 { heap.push(count: c, key: k) }
        }
        for (t, vars) in termVars.enumerated() {
            for i in vars.indices {
                for j in (i + 1)..<vars.count {
                    let k = key(vars[i], vars[j])
                    bump(k, 1)
                    pairTerms[k, default: []].append(t)
                }
            }
        }

        var auxiliaries: [Quadratization.Auxiliary] = []
        var warnings: [String] = []
        while let top = heap.pop() {
            guard pairCount[top.key] == top.count else { continue }   // stale entry
            if Cancellation.isRequested { throw CancelledError() }
            let a = Int(top.key >> 32), b = Int(top.key & 0xFFFF_FFFF)
            let chosen = (pairTerms[top.key] ?? []).filter { t in
                active[t] && termVars[t].contains(a) && termVars[t].contains(b)
            }.sorted()
            pairTerms[top.key] = nil
            pairCount[top.key] = nil
            guard !chosen.isEmpty else { continue }

            var name = "aux(\(labels[a])*\(labels[b]))"
            while taken.contains(.string(name)) { name += "'" }
            let auxLabel = Label.string(name)
            let y = labels.count
            labels.append(auxLabel)
            taken.insert(auxLabel)
            id[auxLabel] = y

            var magnitude = 0.0
            for t in chosen {
                magnitude += abs(termCoef[t])
                let rest = termVars[t].filter { $0 != a && $0 != b }
                for c in rest {
                    bump(key(a, c), -1)
                    bump(key(b, c), -1)
                }
                let reduced = rest + [y]   // y is the largest id, so still ascending
                if reduced.count <= 2 {
                    // leaves the high-degree set; its remaining pairs (none among `rest`,
                    // which has at most one variable) were never counted with y
                    active[t] = false
                    low.add(Monomial(reduced.map { labels[$0] }, vartype: .binary), termCoef[t])
                } else {
                    termVars[t] = reduced
                    for c in rest {
                        let k = key(c, y)
                        bump(k, 1)
                        pairTerms[k, default: []].append(t)
                    }
                }
            }
            let safe = 1 + magnitude
            let m = strength ?? safe
            if m < safe {
                warnings.append("strength \(SymbolicFormat.number(m)) is below the safe value \(SymbolicFormat.number(safe)) "
                                + "for \(name) (1 + the sum of |coefficients| of the \(chosen.count) terms it replaces); "
                                + "the reduced model's minimum may fall below the original energy")
            }
            let la = labels[a], lb = labels[b]
            low.add(Monomial([la, lb], vartype: .binary), m)
            low.add(Monomial([la, auxLabel], vartype: .binary), -2 * m)
            low.add(Monomial([lb, auxLabel], vartype: .binary), -2 * m)
            low.add(Monomial(sorted: [auxLabel]), 3 * m)
            auxiliaries.append(Quadratization.Auxiliary(label: auxLabel, factors: [la, lb], strength: m,
                                         safeStrength: safe, replacedTerms: chosen.count))
        }

        var reduced = Polynomial(vartype: .binary, variables: labels, table: low)
        if resultType == .spin { reduced = try reduced.converted(to: .spin) }
        return Quadratization(polynomial: reduced, model: try reduced.toBQM(),
                              originalVariables: variables, auxiliaries: auxiliaries, warnings: warnings)
    }
}

/// A max-heap of (count, pair key): larger counts first, then smaller keys.
struct PairHeap {
    private var items: [(count: Int, key: UInt64)] = []

    private static func before(_ x: (count: Int, key: UInt64), _ y: (count: Int, key: UInt64)) -> Bool {
        x.count > y.count || (x.count == y.count && x.key < y.key)
    }

    mutating func push(count: Int, key: UInt64) {
        items.append((count, key))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard PairHeap.before(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (count: Int, key: UInt64)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if items.isEmpty { return first }
        items[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var best = i
            if l < items.count && PairHeap.before(items[l], items[best]) { best = l }
            if r < items.count && PairHeap.before(items[r], items[best]) { best = r }
            if best == i { break }
            items.swapAt(i, best)
            i = best
        }
        return first
    }
}

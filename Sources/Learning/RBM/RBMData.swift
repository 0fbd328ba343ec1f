import IsingCore

extension RBM {
    /// Unit values for this machine from data rows: ±1 spin data is mapped to 0/1 for
    /// Bernoulli units and 0/1 data to ±1 for spin units; other values must already lie
    /// in the units' range ([0, 1] grey levels are allowed as Bernoulli probabilities).
    public func unitValues(_ values: [Double]) throws -> [Float] { try RBM.unitValues(values, units: units) }

    /// `unitValues` for units of the given kind.
    public static func unitValues(_ values: [Double], units: UnitKind) throws -> [Float] {
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        switch units {
        case .bernoulli:
            if lo >= 0 && hi <= 1 { return values.map { Float($0) } }
            if lo >= -1 && hi <= 1 { return values.map { Float(($0 + 1) / 2) } }
            throw IsingError("RBM data must be in [0, 1] or ±1, found values from \(lo) to \(hi)")
        case .spin:
            if Set(values).isSubset(of: [0, 1]) { return values.map { Float(2 * $0 - 1) } }
            if lo >= -1 && hi <= 1 { return values.map { Float($0) } }
            throw IsingError("spin RBM data must be ±1 (or 0/1), found values from \(lo) to \(hi)")
        }
    }
}

import Foundation
import IsingCore

extension HelmholtzMachine {
    /// The largest number of hidden units for which the bound is computed exactly.
    public static let maxExactHidden = 16

    /// Whether `exactBound` can be computed (spin visible units, a logical prior, at most
    /// `maxExactHidden` hidden units).
    public var hasExactBound: Bool {
        visible == .spin && !hasPhysicalPrior && sizes.dropFirst().reduce(0, +) <= HelmholtzMachine.maxExactHidden
    }

    /// The mean over data rows of the variational lower bound of eq. 3,
    /// Σ_u Q(u|v) [log P(v, u) - log Q(u|v)] ≤ log P(v), and of log P(v) itself, both
    /// exactly by enumerating every hidden state (spin visible units, a logical prior,
    /// at most 16 hidden units).
    public func exactBound(_ data: [Double]) throws -> (bound: Double, logLikelihood: Double) {
        guard visible == .spin else { throw IsingError("the exact bound needs stochastic (spin) visible units") }
        guard !hasPhysicalPrior else { throw IsingError("the exact bound needs a logical prior, not one on an embedding's qubits") }
        let hiddenSizes = Array(sizes.dropFirst())
        let total = hiddenSizes.reduce(0, +)
        guard total <= HelmholtzMachine.maxExactHidden else {
            throw IsingError("the exact bound enumerates the hidden layers: at most \(HelmholtzMachine.maxExactHidden) hidden units, this machine has \(total)")
        }
        let n = try rows(of: data)
        guard n > 0 else { throw IsingError("no data") }
        // log Z of the prior by enumeration.
        let prior = priorModel()
        var priorTerms: [Double] = []
        for s in 0..<(1 << top) {
            let u = (0..<top).map { Int8((s >> $0) & 1 == 1 ? 1 : -1) }
            priorTerms.append(-prior.energy(u))
        }
        let logZ = logSumExp(priorTerms)
        var boundSum = 0.0, llSum = 0.0
        for r in 0..<n {
            let v = Array(data[(r * sizes[0])..<((r + 1) * sizes[0])])
            var bound = 0.0
            var joint: [Double] = []
            for s in 0..<(1 << total) {
                var layers = [v]
                var offset = 0
                for size in hiddenSizes {
                    layers.append((0..<size).map { Double((s >> (offset + $0)) & 1 == 1 ? 1 : -1) })
                    offset += size
                }
                var logQ = 0.0, logP = -prior.energy(layers[layers.count - 1].map { Int8($0) }) - logZ
                for l in 0..<recognition.count {
                    logQ += recognition[l].logProbability(layers[l + 1], given: layers[l], rows: 1)[0]
                    logP += generator[l].logProbability(layers[l], given: layers[l + 1], rows: 1)[0]
                }
                bound += exp(logQ) * (logP - logQ)
                joint.append(logP)
            }
            boundSum += bound
            llSum += logSumExp(joint)
        }
        return (boundSum / Double(n), llSum / Double(n))
    }
}

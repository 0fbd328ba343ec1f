import Foundation
import IsingCore

/// Measures of how well a generative model fits, from seeds 003 and 004.
public enum LearningMetrics {
    /// The mean number, per row, of masked entries where `reconstructed` differs from
    /// `original` (seed 004's "mistakes per reconstruction"; an undecided 0 counts).
    public static func mistakes(_ reconstructed: Dataset, _ original: Dataset, mask: [Bool]) throws -> Double {
        guard reconstructed.count == original.count, reconstructed.dimension == original.dimension else {
            throw IsingError("the reconstruction has \(reconstructed.count) x \(reconstructed.dimension) values, the original \(original.count) x \(original.dimension)")
        }
        guard mask.count == original.values.count else {
            throw IsingError("the mask has \(mask.count) entries for \(original.values.count) values")
        }
        guard original.count > 0 else { throw IsingError("the data set is empty") }
        var wrong = 0
        for k in mask.indices where mask[k] && reconstructed.values[k] != original.values[k] { wrong += 1 }
        return Double(wrong) / Double(original.count)
    }

    /// The fraction of predictions equal to the labels.
    public static func accuracy(_ predicted: [Int], _ labels: [Int]) throws -> Double {
        guard predicted.count == labels.count, !labels.isEmpty else {
            throw IsingError("\(predicted.count) predictions for \(labels.count) labels")
        }
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// Seed 004's eq. 14: the mean log-probability of `samples` under the true model,
    /// Λ_av = −β mean(E(s)) − log Z(β), exact (at most 30 variables).
    public static func lambdaAverage(_ samples: Dataset, trueModel: BinaryQuadraticModel, beta: Double = 1, threads: Int = 1) throws -> Double {
        let spins = trueModel.vartype == .spin ? trueModel : trueModel.converted(to: .spin)
        guard samples.dimension == spins.count else {
            throw IsingError("the samples have \(samples.dimension) values per row but the model has \(spins.count) variables")
        }
        guard samples.count > 0 else { throw IsingError("there are no samples") }
        guard samples.isSpins else { throw IsingError("the samples must be ±1 values") }
        let logZ = try ExactSolver(beta: beta).summary(of: SpinModel(spins), threads: threads).logZ
        var total = 0.0
        for r in 0..<samples.count {
            total += spins.energy(samples.row(r).map { Int8($0) })
        }
        return -beta * total / Double(samples.count) - logZ
    }

    /// Seed 003's eq. 13: Σ_{i<j} |⟨s_i s_j⟩_a − ⟨s_i s_j⟩_b| over all pairs of columns.
    public static func l1Correlations(_ a: Dataset, _ b: Dataset) throws -> Double {
        guard a.dimension == b.dimension else { throw IsingError("the data sets have \(a.dimension) and \(b.dimension) values per row") }
        guard a.count > 0, b.count > 0 else { throw IsingError("both data sets need rows") }
        let ca = correlations(a), cb = correlations(b)
        var total = 0.0
        let n = a.dimension
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { total += abs(ca[i * n + j] - cb[i * n + j]) } }
        return total
    }

    /// ⟨x_i x_j⟩ over the rows, row-major n × n.
    public static func correlations(_ d: Dataset) -> [Double] {
        let n = d.dimension
        var c = [Double](repeating: 0, count: n * n)
        for r in 0..<d.count {
            let row = d.row(r), b = row.startIndex
            for i in 0..<n { let x = row[b + i]; if x == 0 { continue }; for j in i..<n { c[i * n + j] += x * row[b + j] } }
        }
        let k = Double(max(d.count, 1))
        for i in 0..<n { for j in i..<n { c[i * n + j] /= k; c[j * n + i] = c[i * n + j] } }
        return c
    }

    /// KL(data ‖ model) = Σ_s p_D(s) log p_D(s) − mean log-likelihood, with p_D the
    /// empirical distribution of the rows; exact (the model's log Z by enumeration).
    public static func klData(_ model: VisibleBoltzmannMachine, _ data: Dataset, threads: Int = 1) throws -> Double {
        let d = try model.modelData(data)
        guard d.count > 0 else { throw IsingError("the data set is empty") }
        var counts: [ArraySlice<Double>: Int] = [:]
        for r in 0..<d.count { counts[d.row(r), default: 0] += 1 }
        let n = Double(d.count)
        let negEntropy = counts.values.reduce(0.0) { $0 + Double($1) / n * Foundation.log(Double($1) / n) }
        return negEntropy - (try model.logLikelihood(d, threads: threads))
    }
}

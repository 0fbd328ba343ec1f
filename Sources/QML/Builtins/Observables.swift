import Foundation
import IsingCore

extension Arguments {
    /// A sample set argument.
    func sampleSet(_ i: Int) throws -> SampleSet {
        guard case .object(let o as SampleSetValue) = value(i) else {
            throw error("`\(name(i))` must be a SampleSet, got \(value(i).typeName)", hint: "sample(H, sampler, reads: ...) returns one")
        }
        return o.samples
    }
}

/// Empirical probabilities of the distinct states of a sample set, with their energies and states.
func empiricalDistribution(_ s: SampleSet) -> [(p: Double, energy: Double, state: ArraySlice<Int8>)] {
    let agg = s.aggregated()
    let total = Double(agg.reads)
    guard total > 0 else { return [] }
    return (0..<agg.size).map { (Double(agg.counts[$0]) / total, agg.energies[$0], agg.state($0)) }
}

/// The exact summary behind `kl`/`tv`, checked to describe the same variables.
func exactReference(_ args: Arguments, samples: SampleSet, index: Int) throws -> ExactSummary {
    let reference = try args.sampleSet(index)
    guard let x = reference.exact else {
        throw args.error("`\(args.name(index))` must come from exact(): sample(H, exact(beta: 1.0))")
    }
    guard reference.variables == samples.variables, reference.vartype == samples.vartype else {
        throw args.error("the two sample sets are over different variables")
    }
    return x
}

extension BuiltinRegistry {
    /// Observables of sample sets.
    static func registerObservables(into r: inout BuiltinRegistry) {
        r.add("kl", [.required("samples"), .required("exact")], topic: "observables", doc: """
            The Kullback-Leibler divergence KL(empirical || exact) of a sample set from the exact Boltzmann distribution.
            `exact` is a sample set from exact(beta: ...) (or exact_quantum(...)) of the same Hamiltonian; its distribution is used.
            kl(sample(H, gibbs(beta: 1.0), reads: 10000), sample(H, exact(beta: 1.0)))
            """) { args in
            let s = try args.sampleSet(0)
            let x = try exactReference(args, samples: s, index: 1)
            var d = 0.0
            for (p, e, row) in empiricalDistribution(s) where p > 0 {
                d += p * (log(p) - x.logProbability(of: row, energy: e))
            }
            return .float(max(0, d))
        }
        r.add("tv", [.required("samples"), .required("exact")], topic: "observables", doc: """
            The total-variation distance between a sample set's empirical distribution and the exact Boltzmann one.
            It is half the L1 distance over all states. `exact` is a sample set from exact(beta: ...) of the same Hamiltonian.
            """) { args in
            let s = try args.sampleSet(0)
            let x = try exactReference(args, samples: s, index: 1)
            var sum = 0.0, covered = 0.0
            for (p, e, row) in empiricalDistribution(s) {
                let q = exp(x.logProbability(of: row, energy: e))
                sum += abs(p - q)
                covered += q
            }
            return .float(0.5 * (sum + max(0, 1 - covered)))
        }
        r.add("overlap", [.required("a"), .required("b")], topic: "observables", doc: """
            The overlap q = (1/n) sum a_i b_i of two spin states (lists of ±1).
            overlap([1, 1, -1], [1, -1, -1])   # 0.3333333333333333
            """) { args in
            let a = try args.list(0), b = try args.list(1)
            guard a.count == b.count, !a.isEmpty else { throw args.error("the states must have the same, nonzero length (\(a.count) and \(b.count))") }
            var total = 0.0
            for i in a.indices {
                guard let x = a[i].asDouble, let y = b[i].asDouble else { throw args.error("states must hold numbers") }
                total += x * y
            }
            return .float(total / Double(a.count))
        }
    }
}
